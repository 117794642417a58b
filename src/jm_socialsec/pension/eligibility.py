"""Who can draw a monthly pension, and from when (领取条件).

- The retirement month and age: given, or resolved from the birth month and category by the
  retirement rules (:func:`jm_socialsec.retirement.resolve`: statutory age, flexible window,
  special types). A flexible late retirement needs the employer's written agreement, a special-type
  one the approval procedure: the result says so.
- 最低缴费年限 (社会保险法 第十六条; from 2030 国务院关于渐进式延迟法定退休年龄的办法 附件4): contribution
  months, deemed included, at least the minimum × 12. Short of it there is no monthly pension: the
  result gives the months missing and the options (keep contributing, a lump-sum payment where the
  rules allow, or transfer to the residents' scheme, 社会保险法 第十六条).

Choices where the texts are silent: a flexible late retirement keeps the minimum of its statutory
year (as the retirement rules read it).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, NamedTuple

from ..engine.api import check, field_value
from ..engine.money import to_decimal
from ..engine.months import Age, YearMonth
from ..engine.params import At, Params
from ..engine.tables import Unit
from ..engine.texts import catalogue
from ..engine.trace import opaque_memo, rule, untraced
from ..retirement import Category, RetirementChoice, SpecialWorkType, resolve
from .basic import YEAR


class Retirement(NamedTuple):
    """The retirement month and age, and the month whose minimum contribution years apply."""

    month: YearMonth
    age: Age
    minimum_years_month: YearMonth


class Person(NamedTuple):
    """How the caller described the retirement (validated lazily: the checks read dated rules)."""

    retirement_month: Any
    age: Any
    birth: Any
    category: Any
    choice: Any
    special_type: Any
    special_years: Any


class Cohort(NamedTuple):
    """What a retirement fixes before any amount is read: who retires when, the minimum working
    age (the working life's start) and the minimum contribution years of that retirement."""

    retirement: Retirement
    minimum_working_age: int
    minimum_years: Decimal


def cohort(params: Params, person: Person, contribution_months: int) -> Cohort:
    """The retirement and its minimums: worked out once per birth-month request (a roster's people
    share it), else for the request as given. Its own rules are never lines of the sheet."""
    if person.birth is not None and _PLAIN.issuperset(map(type, person)):
        # Only a flexible early retirement reads the months (its minimum years): the others share
        # one memo entry whatever the months.
        months = None if person.choice in _MONTHS_UNUSED else contribution_months
        return _cohort_memo(params, person, months)
    return _cohort(params, person, contribution_months)


def _cohort(params: Params, person: Person, contribution_months: int | None) -> Cohort:
    r = retirement(params, person, contribution_months)
    at = params.at(r.month)
    min_age = int(at("labour.minimum_working_age"))
    return Cohort(r, min_age, minimum_years(at, r.minimum_years_month))


_cohort_memo = opaque_memo(_cohort)


def retirement(params: Params, person: Person, contribution_months: int | None) -> Retirement:
    """Retirement month and age: as given, or by the retirement rules (their own trace is not shown)."""
    if person.birth is None:
        check(
            person.retirement_month is not None and person.age is not None,
            "retirement_month",
            "须给出退休年月和退休年龄，或出生年月和退休类别",
            "give retirement_month and age, or birth and category",
        )
        month = field_value(person.retirement_month, "retirement_month", YearMonth.of)
        return Retirement(month, field_value(person.age, "age", Age.of), month)
    if _PLAIN.issuperset(map(type, person)):
        return _resolved_memo(params, person, contribution_months)
    return _resolved(params, person, contribution_months)


_MONTHS_UNUSED = frozenset(c for c in RetirementChoice if c is not RetirementChoice.FLEXIBLE_EARLY)


#: Input types whose equal values are the same input (a memo key must not confuse ``True`` with
#: ``1`` or ``Decimal("1.0")`` with ``"1"``): the common spellings of a birth-month request.
_PLAIN = frozenset({str, type(None), YearMonth, Category, RetirementChoice, SpecialWorkType})


def _resolved(params: Params, person: Person, contribution_months: int | None) -> Retirement:
    check(person.category is not None, "category", "给出出生年月时须给出退休类别", "category is required with birth")
    birth = field_value(person.birth, "birth", YearMonth.of)
    check(birth <= YearMonth.of(params.as_of), "birth", "出生年月晚于知悉日期", "birth month is after the as_of date")
    choice = RetirementChoice.parse(person.choice)
    with untraced():
        r = resolve(
            params,
            birth,
            Category.parse(person.category),
            choice,
            None
            if person.retirement_month is None
            else field_value(person.retirement_month, "retirement_month", YearMonth.of),
            contribution_months,
            None if person.special_type is None else SpecialWorkType.parse(person.special_type, "special_type"),
            None
            if person.special_years is None
            else to_decimal(person.special_years, "special_years", non_negative=True),
        )
    if person.age is not None:
        check(
            field_value(person.age, "age", Age.of) == r.age,
            "age",
            f"退休年龄与出生年月不符（应为 {r.age.zh()}）",
            f"age does not match the birth month (should be {r.age.en()})",
        )
    if r.needs_employer_agreement:
        params.notice("pension.needs_employer_agreement")
    if r.needs_approval:
        params.notice("pension.needs_approval")
    late = choice is RetirementChoice.FLEXIBLE_LATE
    return Retirement(r.month, r.age, r.statutory_month if late else r.month)


#: A roster repeats birth months by the thousand: each is resolved once per tables and ``as_of``.
_resolved_memo = opaque_memo(_resolved)


@rule(
    "pension.minimum_years",
    ref="社会保险法 第十六条; 国务院关于渐进式延迟法定退休年龄的办法 附件4",
    unit=Unit.YEARS,
    step=False,
)
def minimum_years(at: At, minimum_years_month: YearMonth) -> Decimal:
    """最低缴费年限 by the calendar year whose minimum applies (read in its January, as the
    retirement rules read it: :func:`jm_socialsec.retirement.min_years`)."""
    return at.params.value("pension.min_contribution_years", YearMonth(minimum_years_month.year, 1))


@rule("pension.shortfall", ref="社会保险法 第十六条 (累计缴费不足十五年的)", unit=Unit.MONTHS, step=False)
def shortfall(at: At, contribution_months: int, minimum_years: Decimal) -> int:
    """Months missing to the minimum: max(0, 最低缴费年限 × 12 − 缴费月数)."""
    return max(0, int(minimum_years * YEAR) - contribution_months)


@rule("pension.minimum_years_met", ref="社会保险法 第十六条 (按月领取基本养老金的条件)")
def minimum_years_met(at: At, contribution_months: int, minimum_years_month: YearMonth) -> bool:
    """缴费月数（含视同）≥ 最低缴费年限 × 12; short of it, the months missing are said."""
    needed = minimum_years(at, minimum_years_month)
    missing = shortfall(at, contribution_months, needed)
    if missing:
        at.notice("pension.below_minimum_years", needed=needed, missing=missing)
    return missing == 0


def shortfall_options() -> tuple[tuple[str, str], ...]:
    """What a person short of the minimum can do, (Chinese, English), from the catalogue."""
    return tuple((zh, en) for zh, en in catalogue("pension")["shortfall_options"]["items"])
