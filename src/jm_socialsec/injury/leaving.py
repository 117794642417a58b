"""Guangdong's leaving grants (广东省工伤保险条例 2019 第三十一条、第三十二条).

When the employment of a grade 5-10 worker ends (art. 31: grades 5-6 ask to end it; art. 32:
grades 7-10, the contract ends or the worker resigns):

- 一次性工伤医疗补助金 (fund) = 本人工资 × the grade's months;
- 一次性伤残就业补助金 (employer) = 本人工资 × the grade's months.

The months are dated by the injury (tables from 2012-01-01, the 2011 revision's in-force date;
secondary). No reduction near retirement: Guangdong has none.

Art. 32 (from 2019-07-01, dated by the end of the employment): a grade 7-10 worker who draws a
basic pension gets neither grant (both shown as 0.00). Whether art. 31 (grades 5-6) has the same
exclusion was not seen: they are paid, and the result says ``draws_pension`` had no effect.
Before 2019-07-01 the rule for a pensioner was not collected: refused.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ..engine.months import YearMonth
from ..engine.params import At
from ..engine.tables import Unit
from ..engine.texts import catalogue, fill, pair
from ..engine.trace import fen, rule, untraced
from ..retirement import Category, statutory_month
from .coverage import guangdong, pension_rule

Y = Unit.YUAN
_PAID_IN_FEN = fen("待遇按分计发 / benefits are paid in 分")
_EXCLUSION = "injury.leaving_grants.pension_exclusion_from_grade"
_ART_31_32 = "广东省工伤保险条例 第三十一条（五级、六级）、第三十二条（七级至十级）"
NIL = Decimal("0.00")  # a grant the worker is not entitled to, in 分


def leaving_grants_withheld(grade: int, draws_pension: bool, first_excluded_grade: int) -> bool:
    """广东 2019 art. 32: a grade 7-10 worker who draws a basic pension gets neither leaving grant."""
    return draws_pension and grade >= first_excluded_grade


@rule("injury.pension_exclusion", ref="广东省工伤保险条例 第三十二条", step=False)
def pension_exclusion(at: At, grade: int, draws_pension: bool) -> bool:
    """Whether art. 32 withholds both grants (``at``: the end of the employment); said either way."""
    if not draws_pension:
        return False
    first = int(pension_rule(at, _EXCLUSION).decimal)
    withheld = leaving_grants_withheld(grade, draws_pension, first)
    if withheld:
        at.notice("injury.pension_exclusion", param=_EXCLUSION)
    else:
        no_effect(at, "art_31", param=_EXCLUSION, grade=grade, first_grade=first)
    return withheld


def no_effect(at: At, case: str, param: str | None = None, **values: object) -> None:
    """Warn that ``draws_pension=True`` changed nothing, saying why (``[no_effect.<case>]``)."""
    zh, en = pair(catalogue("injury")["no_effect"][case], "text")
    at.notice("injury.input_no_effect", param=param, why_zh=fill(zh, values, "zh"), why_en=fill(en, values, "en"))


@rule(
    "injury.statutory_retirement_month",
    ref="国务院关于渐进式延迟法定退休年龄的决定 (法定退休年龄)",
    unit=Unit.YEAR_MONTH,
)
def statutory_retirement_month(
    at: At, birth: YearMonth, category: Category, left_on: date, draws_pension: bool
) -> YearMonth:
    """法定退休年月 of the worker; an employment ending at or after it without ``draws_pension`` is flagged."""
    with untraced():  # the retirement rules' own explanation is not part of this one
        month = statutory_month(at.params, birth, category)[2]
    if not draws_pension and YearMonth.of(left_on) >= month:
        at.notice("injury.at_retirement", left_on=left_on, retirement=month)
    return month


@rule("injury.medical_lump_sum", ref=_ART_31_32, rounding=_PAID_IN_FEN, unit=Y)
def medical_lump_sum(at: At, grade: int, own_wage: Decimal, left_on: date) -> Decimal:
    """一次性工伤医疗补助金 (fund) = 本人工资 × the grade's months (dated by the injury)."""
    return own_wage * guangdong(at, "injury.medical_lump_sum_months", str(grade)).decimal


@rule("injury.employment_lump_sum", ref=_ART_31_32, rounding=_PAID_IN_FEN, unit=Y)
def employment_lump_sum(at: At, grade: int, own_wage: Decimal, left_on: date) -> Decimal:
    """一次性伤残就业补助金 (employer) = 本人工资 × the grade's months (dated by the injury)."""
    return own_wage * guangdong(at, "injury.employment_lump_sum_months", str(grade)).decimal


@rule("injury.medical_lump_sum_withheld", ref="广东省工伤保险条例 第三十二条", unit=Y)
def medical_lump_sum_withheld(at: At, left_on: date) -> Decimal:
    """一次性工伤医疗补助金 not paid: the worker draws a basic pension (art. 32)."""
    pension_rule(at.at(left_on), _EXCLUSION)
    return NIL


@rule("injury.employment_lump_sum_withheld", ref="广东省工伤保险条例 第三十二条", unit=Y)
def employment_lump_sum_withheld(at: At, left_on: date) -> Decimal:
    """一次性伤残就业补助金 not paid: the worker draws a basic pension (art. 32)."""
    pension_rule(at.at(left_on), _EXCLUSION)
    return NIL
