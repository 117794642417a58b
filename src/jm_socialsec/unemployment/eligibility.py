"""Who may draw unemployment benefit (领取条件): 广东省失业保险条例第十五条、第十六条.

Art. 15: contributions for at least a year (or months left from an earlier claim, art. 18), the
job ended against the person's will, registered as unemployed and looking for work. Art. 16 lists
what counts as an end against the person's will (:class:`SeparationReason`). A claim after the
statutory retirement month is refused: a pension follows instead (条例第二十八条 / 2025 第二十四条).

Each unmet condition is a warning of its own (``reason_not_eligible``, ``contribution_too_short``,
``not_registered``, ``past_retirement_age``); the result's ``reasons`` lists the same.
"""

from __future__ import annotations

from ..engine.months import YearMonth
from ..engine.params import At
from ..engine.trace import rule
from .reasons import SeparationReason

MIN_MONTHS = "unemployment.eligibility.min_contribution_months"


@rule("unemployment.involuntary_separation", ref="广东省失业保险条例第十六条", step=False)
def involuntary_separation(at: At, reason: SeparationReason) -> bool:
    """非因本人意愿中断就业: the job ended against the person's will."""
    if not reason.eligible:
        at.notice("unemployment.reason_not_eligible", reason_zh=reason.zh, reason_en=reason.en)
    return reason.eligible


@rule("unemployment.contribution_condition", ref="广东省失业保险条例第十五条第（一）项、第十八条", step=False)
def contribution_condition(at: At, contribution_months: int, unused_months: int) -> bool:
    """累计缴费满一年, or months left from an earlier claim (合并计算, art. 18)."""
    minimum = int(at(MIN_MONTHS))
    met = contribution_months >= minimum or unused_months > 0
    if not met:
        at.notice("unemployment.contribution_too_short", months=contribution_months, minimum=minimum)
    return met


@rule("unemployment.registration", ref="广东省失业保险条例第十五条（已办理失业登记并有求职要求）", step=False)
def registration(at: At, registered: bool) -> bool:
    """已办理失业登记并有求职要求."""
    if not registered:
        at.notice("unemployment.not_registered")
    return registered


@rule("unemployment.before_retirement", ref="广东省失业保险条例第二十八条（2025年修正第二十四条）", step=False)
def before_retirement(at: At, claim_month: YearMonth, retirement: YearMonth | None) -> bool:
    """Not past the statutory retirement month (unknown when no birth month was given)."""
    if retirement is not None and retirement < claim_month:
        at.notice("unemployment.past_retirement_age", retirement=retirement)
        return False
    return True


@rule("unemployment.eligibility", ref="广东省失业保险条例第十五条、第十六条")
def eligibility(
    at: At,
    reason: SeparationReason,
    contribution_months: int,
    unused_months: int,
    registered: bool,
    claim_month: YearMonth,
    retirement: YearMonth | None,
) -> bool:
    """领取条件: every condition met (each is checked, so that each unmet one is said)."""
    conditions = (
        involuntary_separation(at, reason),
        contribution_condition(at, contribution_months, unused_months),
        registration(at, registered),
        before_retirement(at, claim_month, retirement),
    )
    return all(conditions)
