"""The retirement month and the minimum contribution years (退休年月与最低缴费年限).

The month is the retirement area's answer (:func:`jm_socialsec.retirement.resolve`: statutory,
flexible early or late with the chosen month, special type with its type and years; a choice
the rules do not allow is an ``InputError`` naming the field). Its own lines explain
``retirement_month()``, not this checklist: here it runs with tracing off, and the table values
it read are cited on the checklist's lines that use them — the retirement tables on the
retirement month, ``pension.min_contribution_years`` on the minimum years.

The minimum (社会保险法 第十六条; 15 years up to 2029, then +6 months a year, 办法 第二条 and annex
4) is compared with ``contribution_months``, deemed time included, as reached by the
retirement month. A minimum in half years becomes whole months rounding up (a half year is six
months; nothing else occurs in the table).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal

from ..engine.months import Age, YearMonth
from ..engine.params import At, Params, ParamValue
from ..engine.tables import Unit
from ..engine.trace import record_read, rule, untraced
from ..retirement import Category, RetirementChoice, resolve
from .profile import RetireeProfile

_YEAR = 12  # months in a year (structural)


@dataclass(frozen=True, slots=True)
class Retirement:
    """The retirement area's answer for one person, and the table values it read."""

    choice: RetirementChoice
    month: YearMonth
    age: Age
    statutory_month: YearMonth
    min_years: Decimal
    reads: tuple[ParamValue, ...]


def resolve_quietly(params: Params, person: RetireeProfile) -> Retirement:
    """``resolve`` for this person with tracing off, keeping what it read (to be cited)."""
    start = len(params.used)
    with untraced():
        r = resolve(
            params,
            person.birth,
            person.category,
            person.choice,
            person.retirement_month,
            person.contribution_months,
            person.special_type,
            person.special_years,
        )
    return Retirement(r.choice, r.month, r.age, r.statutory_month, r.min_years, tuple(params.used[start:]))


def _cite(reads: Iterable[ParamValue], prefix: str) -> None:
    """Attribute values read by another area's function to the rule being traced."""
    for pv in reads:
        if pv.id.startswith(prefix):
            record_read(pv)


@rule("checklist.retirement_month", ref="国务院关于渐进式延迟法定退休年龄的办法 第二条、第三条; 办法 第八条 (特殊工种)")
def retirement_month(
    at: At, birth: YearMonth, category: Category, choice: RetirementChoice, retirement: Retirement
) -> YearMonth:
    """退休年月: the month the person's choice leads to (``jm_socialsec.retirement.resolve``)."""
    _cite(retirement.reads, "retirement.")
    return retirement.month


def contribution_shortfall(months: int, min_years: Decimal) -> int:
    """Months missing to the minimum contribution years (社会保险法 第十六条; 办法第二条)."""
    needed = int((min_years * _YEAR).to_integral_value(rounding=ROUND_CEILING))
    return max(0, needed - months)


@rule("checklist.min_years_met", ref="社会保险法 第十六条 (累计缴费满十五年的，按月领取基本养老金)")
def min_years_met(at: At, contribution_months: int, min_years: Decimal, retirement: Retirement) -> bool:
    """是否满最低缴费年限: contribution months (deemed included) ≥ the minimum in months."""
    _cite(retirement.reads, "pension.min_contribution_years")
    return contribution_shortfall(contribution_months, min_years) == 0


@rule("checklist.minimum_years_shortfall", ref="社会保险法 第十六条; 办法 第二条", unit=Unit.MONTHS)
def minimum_years_shortfall(at: At, contribution_months: int, min_years: Decimal) -> int:
    """缴费年限差额: months missing to the minimum (a line of its own when there is one)."""
    return contribution_shortfall(contribution_months, min_years)


@rule(
    "checklist.special_publicity_days",
    ref="特殊工种提前退休 公示 (other cities' service guides; Jiangmen's period assumed)",
    unit=Unit.DAYS,
)
def special_publicity_days(at: At) -> int:
    """特殊工种提前退休公示期: working days the case is published before approval."""
    return int(at("checklist.special_publicity_working_days"))
