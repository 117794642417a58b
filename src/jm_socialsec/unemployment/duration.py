"""How long (领取期限) and when (领取期间): 广东省失业保险条例第十七条、第十八条; 国务院关于渐进式
延迟法定退休年龄的办法第七条.

- Art. 17: one month per full year of contributions up to four years; beyond four years, one
  more month per full half year; at most 24 months. Under a year (art. 15) nothing is earned.
- Art. 18: months not drawn in an earlier claim are added, at most 24 in all.
- The period runs from the claim month (2022 text art. 36, 2025 text art. 32), month after month.
- 办法第七条 (from 2025-01-01): when the normal end is less than a year before the statutory
  retirement month, the benefit runs until that month. Never past it: a pension follows.

Choice: the extension applies when 办法第七条 is in force at the claim or by the period's normal
end (a claim of late 2024 that runs into 2025 is extended).
"""

from __future__ import annotations

from ..engine.months import YearMonth
from ..engine.params import At
from ..engine.tables import Unit
from ..engine.trace import rule
from .amendment import article

MONTHS = Unit.MONTHS
THRESHOLD = "unemployment.near_retirement.threshold_months"
MAX_MONTHS = "unemployment.duration.max_months"


class MonthSpan(str):
    """A run of months, ``first – last`` (a value, printed as such)."""

    def __new__(cls, first: YearMonth, last: YearMonth) -> MonthSpan:
        return super().__new__(cls, f"{first} – {last}")


@rule("unemployment.benefit_duration", ref="广东省失业保险条例第十七条", unit=MONTHS)
def benefit_duration(at: At, contribution_months: int) -> int:
    """领取期限 earned by contribution time: one month per full year up to four years, one more
    per full half year beyond, at most the cap; nothing under the minimum (art. 15)."""
    minimum = int(at("unemployment.eligibility.min_contribution_months"))
    tier = int(at("unemployment.duration.first_tier_months"))
    first_step = int(at("unemployment.duration.first_tier_step_months"))
    second_step = int(at("unemployment.duration.second_tier_step_months"))
    cap = int(at(MAX_MONTHS))
    m = contribution_months
    if m < minimum:
        return 0
    return min(cap, min(m, tier) // first_step + max(0, m - tier) // second_step)


@rule("unemployment.carry_over", ref="广东省失业保险条例第十八条", unit=MONTHS)
def carry_over(at: At, new_months: int, unused_months: int) -> int:
    """合并计算: new months plus the months left from an earlier claim, at most the cap."""
    return min(int(at(MAX_MONTHS)), new_months + unused_months)


@rule("unemployment.stop_at_retirement", ref="广东省失业保险条例第二十八条（2025年修正第二十四条）")
def stop_at_retirement(at: At, normal_last: YearMonth, retirement: YearMonth) -> YearMonth:
    """达到法定退休年龄 stops the benefit: the period ends at the statutory retirement month."""
    return min(normal_last, retirement)


@rule("unemployment.near_retirement_extension", ref="国务院关于渐进式延迟法定退休年龄的办法第七条")
def near_retirement_extension(at: At, normal_last: YearMonth, retirement: YearMonth) -> YearMonth:
    """A normal end less than the threshold before the statutory retirement month is extended to
    that month (``at`` is bound to a date on which 办法第七条 is in force)."""
    if retirement - normal_last < int(at(THRESHOLD)):
        return retirement
    return normal_last


@rule("unemployment.extension_not_in_force", ref="国务院关于渐进式延迟法定退休年龄的办法第七条（2025-01-01施行）")
def extension_not_in_force(at: At, normal_last: YearMonth, retirement: YearMonth) -> YearMonth:
    """Before 办法第七条 the period is not extended."""
    return normal_last


def last_month(at: At, first: YearMonth, entitled: int, retirement: YearMonth | None) -> YearMonth:
    """The period's last month: the entitlement, stopped at or extended to the retirement month."""
    normal = first + (entitled - 1)
    if retirement is None:
        return normal
    if retirement <= normal:
        return stop_at_retirement(at, normal, retirement)
    for on in (first, normal):  # 办法第七条 in force at the claim or by the normal end
        if at.at(on).in_force(THRESHOLD):
            return near_retirement_extension(at.at(on), normal, retirement)
    return extension_not_in_force(at, normal, retirement)


@rule("unemployment.benefit_period", ref="广东省失业保险条例第三十六条（2025年修正第三十二条）")
def benefit_period(at: At, first: YearMonth, last: YearMonth) -> MonthSpan:
    """领取期间: consecutive months from the claim month."""
    article(at, "period")
    return MonthSpan(first, last)
