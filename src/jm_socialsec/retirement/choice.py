"""The person's choice (退休方式) resolved to a retirement month, checked against the rules.

Sources: 国务院关于渐进式延迟法定退休年龄的办法 第一条 (statutory), 第三条 (flexible early: with
the minimum years, never below the original age; flexible late: with the employer's agreement),
第八条 (special types, approved case by case); the minimum years 第二条 and 附件4.

Choices where the texts are silent: a flexible late retirement keeps the minimum contribution
years of its statutory year (secondary: bureaus' answers); a special-type retirement may fall
anywhere from the earliest special-type month to the statutory month. A choice the rules do not
allow is refused with an :class:`InputError` naming ``retirement_month`` (or ``choice``,
``special_type``, ``special_years``: the fields of ``estimate_pension`` and of the checklist's
profile; ``retirement_month()`` gives them its own keywords), never silently moved.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..engine.api import check
from ..engine.months import YearMonth
from ..engine.params import At, Params
from ..engine.trace import rule
from .age import retirement_age, statutory_month
from .contribution_years import minimum_contribution_years
from .flexible import Window, window
from .kinds import Category, RetirementChoice, SpecialWorkType
from .special import required_special_years, special_month, special_years_qualify

_YEAR = 12  # months in a year (structural)
_MEASURES = "国务院关于渐进式延迟法定退休年龄的办法"


@rule("retirement.chosen_month", ref=f"{_MEASURES} 第一条、第三条、第八条")
def chosen_month(
    at: At,
    choice: RetirementChoice,
    statutory: YearMonth,
    requested: YearMonth | None,
    special_earliest: YearMonth | None,
) -> YearMonth:
    """退休年月 of the choice: the statutory month, the month chosen, or the earliest special month."""
    if choice is RetirementChoice.STATUTORY:
        return statutory
    if choice is RetirementChoice.SPECIAL and requested is None:
        assert special_earliest is not None
        return special_earliest
    assert requested is not None
    return requested


@rule("retirement.minimum_years_month", ref=f"{_MEASURES} 第二条 (弹性延迟按法定退休年度, 二手)", step=False)
def minimum_years_month(at: At, choice: RetirementChoice, chosen: YearMonth, statutory: YearMonth) -> YearMonth:
    """The month whose year sets the minimum years: the statutory one for a flexible late retirement."""
    return statutory if choice is RetirementChoice.FLEXIBLE_LATE else chosen


@rule("retirement.needs_employer_agreement", ref=f"{_MEASURES} 第三条 (所在单位与职工协商一致)", step=False)
def needs_employer_agreement(at: At, choice: RetirementChoice) -> bool:
    """A flexible late retirement needs the employer's written agreement."""
    return choice is RetirementChoice.FLEXIBLE_LATE


@rule("retirement.needs_approval", ref=f"{_MEASURES} 第八条; 劳部发〔1993〕120号 (审批)", step=False)
def needs_approval(at: At, choice: RetirementChoice) -> bool:
    """A special-type retirement needs the file review, the public notice and approval."""
    return choice is RetirementChoice.SPECIAL


# ---------------------------------------------------------------------------------------------
# Checks of the choice (InputError naming the field; words built only when refusing)


def _check_statutory(month: YearMonth | None, statutory: YearMonth) -> None:
    check(
        month is None or month == statutory,
        "retirement_month",
        f"按法定年龄退休的月份是 {statutory}",
        f"the statutory retirement month is {statutory}",
    )


def _check_flexible(params: Params, choice: RetirementChoice, month: YearMonth | None, w: Window | None) -> YearMonth:
    early = choice is RetirementChoice.FLEXIBLE_EARLY
    check(
        month is not None,
        "retirement_month",
        f"{'弹性提前退休' if early else '弹性延迟退休'}须给出退休年月",
        f"flexible {'early' if early else 'late'} retirement needs the month",
    )
    assert month is not None
    check(w is not None, "choice", "该人员法定退休早于弹性退休制度施行", "flexible retirement did not exist then")
    assert w is not None
    return month


def _check_early(params: Params, month: YearMonth, w: Window, statutory: YearMonth) -> None:
    if w.earliest <= month < statutory:
        return
    most = int(params.value("retirement.flexible_early_max_months", statutory))
    check(
        False,
        "retirement_month",
        f"弹性提前退休只能在 {w.earliest} 至 {statutory - 1} 之间（不早于原法定年龄，最多提前{most}个月）",
        f"flexible early retirement must fall in {w.earliest}..{statutory - 1} "
        f"(not below the original age, at most {most} months early)",
    )


def _check_late(params: Params, month: YearMonth, w: Window, statutory: YearMonth) -> None:
    if statutory < month <= w.latest:
        return
    most = int(params.value("retirement.flexible_late_max_months", statutory))
    check(
        False,
        "retirement_month",
        f"弹性延迟退休只能在 {statutory + 1} 至 {w.latest} 之间（最多延迟{most}个月）",
        f"flexible late retirement must fall in {statutory + 1}..{w.latest} (at most {most} months late)",
    )


def _check_special(
    params: Params,
    birth: YearMonth,
    category: Category,
    work_type: SpecialWorkType | None,
    years_in_type: Decimal | None,
) -> YearMonth:
    """The earliest special-type month, once the work type and its years are given and suffice."""
    check(
        work_type is not None,
        "special_type",
        "特殊工种退休须给出工种类别",
        "special-type retirement needs the work type",
    )
    check(
        years_in_type is not None,
        "special_years",
        "特殊工种退休须给出累计年限",
        "special-type retirement needs the years",
    )
    assert work_type is not None and years_in_type is not None
    _, _, earliest = special_month(params, birth, category)
    at = params.at(earliest)
    if not special_years_qualify(at, work_type, years_in_type):
        required = required_special_years(at, work_type)
        check(
            False,
            "special_years",
            f"{work_type.zh}须累计满 {required} 年，现为 {years_in_type} 年",
            f"{work_type.value} needs {required} years, has {years_in_type}",
        )
    return earliest


def _check_special_range(chosen: YearMonth, earliest: YearMonth, statutory: YearMonth) -> None:
    check(
        earliest <= chosen <= statutory,
        "retirement_month",
        f"特殊工种退休只能在 {earliest} 至 {statutory} 之间",
        f"special-type retirement must fall in {earliest}..{statutory}",
    )


def _checked_month(
    params: Params,
    birth: YearMonth,
    category: Category,
    choice: RetirementChoice,
    month: YearMonth | None,
    statutory: YearMonth,
    w: Window | None,
    special: tuple[SpecialWorkType | None, Decimal | None],
) -> YearMonth:
    """The retirement month of an allowed choice (InputError otherwise), by :func:`chosen_month`."""
    earliest = None
    if choice is RetirementChoice.STATUTORY:
        _check_statutory(month, statutory)
    elif choice is RetirementChoice.SPECIAL:
        earliest = _check_special(params, birth, category, *special)
    else:
        requested = _check_flexible(params, choice, month, w)
        assert w is not None
        (_check_early if choice is RetirementChoice.FLEXIBLE_EARLY else _check_late)(params, requested, w, statutory)
    chosen = chosen_month(params.at(statutory), choice, statutory, month, earliest)
    if earliest is not None:
        _check_special_range(chosen, earliest, statutory)
    return chosen


def resolution(
    params: Params,
    birth: YearMonth,
    category: Category,
    choice: RetirementChoice,
    month: YearMonth | None = None,
    contribution_months: int | None = None,
    work_type: SpecialWorkType | None = None,
    years_in_type: Decimal | None = None,
) -> dict[str, Any]:
    """The rules in order for a choice: statutory month, window, chosen month, minimum years."""
    original, _, statutory = statutory_month(params, birth, category)
    w = window(params, birth, original.years, statutory)
    chosen = _checked_month(params, birth, category, choice, month, statutory, w, (work_type, years_in_type))
    at = params.at(chosen)
    needed = minimum_contribution_years(at, minimum_years_month(at, choice, chosen, statutory))
    if choice is RetirementChoice.FLEXIBLE_EARLY and contribution_months is not None:
        check(
            contribution_months >= needed * _YEAR,
            "retirement_month",
            f"弹性提前退休须在 {chosen} 时已满最低缴费年限 {needed} 年",
            f"flexible early retirement needs the minimum {needed} years at {chosen}",
        )
    return {
        "choice": choice,
        "month": chosen,
        "age": retirement_age(at, birth, chosen),
        "statutory_month": statutory,
        "min_years": needed,
        "needs_employer_agreement": needs_employer_agreement(at, choice),
        "needs_approval": needs_approval(at, choice),
    }
