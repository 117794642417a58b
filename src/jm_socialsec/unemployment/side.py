"""What comes with the benefit (失业保险金以外的待遇), for Jiangmen.

- Medical insurance (2022 text art. 24, 2025 text art. 20): the fund pays the person's 职工医保
  contribution during the claim (stated, not computed); during an extension to the retirement
  age (办法第七条) it also pays the pension contribution.
- 2022 text, deleted by the 2025 amendment (:mod:`.amendment`): 求职补贴 (art. 20: 15% of the
  average contribution wage of the last 12 months, monthly with the benefit, at most 6 months);
  the childbirth supplement (art. 21: 3 × the monthly benefit, once); the early re-employment
  lump sum (art. 22: half the remaining months, a part month counted whole, with a contract of a
  year or more and 3 months insured; the rest kept, art. 18); the business-start lump sum
  (art. 23: all remaining months). From the amendment a new job or business stops the payment
  (2025 text art. 24(一)) and the remaining months are kept (art. 18).
- Death during the claim (2022 text art. 25, 2025 text art. 21): 丧葬补助金 3 × and 抚恤金 6 ×
  the city's previous-year 在岗 average monthly wage (a caller input: no sourced figure).
- Former farmer contract workers (2022 text art. 47, 2025 text art. 43): for each continuous
  contribution month before 2014-07 beyond 12, 2% of the average contribution wage, once.

Choices: no transitional rule was seen, so a deleted item is decided by the date of the event
that would have given it (each month of 求职补贴, the month of birth, of the new job).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction

from ..engine.months import YearMonth
from ..engine.params import At
from ..engine.tables import Unit
from ..engine.trace import fen, rule
from .amendment import BUSINESS_START, CHILDBIRTH, EARLY_REEMPLOYMENT, JOB_SEARCH, article, deleted_on
from .amount import PAID_IN_FEN

Y = Unit.YUAN
JOB_SEARCH_WINDOW = "unemployment.job_search.wage_window_months"


@rule("unemployment.medical_contribution", ref="广东省失业保险条例第二十四条（2025年修正第二十条）")
def medical_contribution(at: At) -> None:
    """The fund pays the person's 职工医保 contribution during the claim (amount not computed)."""
    article(at, "medical")


@rule("unemployment.extension_pension_contribution", ref="国务院关于渐进式延迟法定退休年龄的办法第七条")
def extension_pension_contribution(at: At) -> None:
    """During an extension to the retirement age the fund pays the pension contribution too."""


# ---------------------------------------------------------------------------------------------
# 求职补贴 (2022 text art. 20)


@rule("unemployment.months_averaged", ref="广东省失业保险条例（2022年修正）第二十条", step=False)
def months_averaged(at: At, wages: Sequence[Decimal], window_param: str) -> int:
    """How many of the last monthly wages are averaged: the window, fewer if fewer."""
    return min(len(wages), int(at(window_param)))


@rule("unemployment.average_contribution_wage", ref="失业前十二个月平均缴费工资", step=False)
def average_contribution_wage(at: At, wages: Sequence[Decimal], window_param: str) -> Decimal:
    """The average of the last months' contribution wages (exact: not rounded)."""
    n = months_averaged(at, wages, window_param)
    return sum(wages[-n:], Decimal(0)) / n


@rule(
    "unemployment.job_search_monthly",
    ref="广东省失业保险条例（2022年修正）第二十条",
    rounding=fen(PAID_IN_FEN),
    step=False,
)
def job_search_monthly(at: At, average_wage: Decimal) -> Decimal:
    """求职补贴 a month = average contribution wage × rate."""
    return average_wage * at(JOB_SEARCH)


@rule("unemployment.job_search_due", ref="广东省失业保险条例（2022年修正）第二十条", step=False)
def job_search_due(at: At, first: YearMonth, paid_through: YearMonth) -> int:
    """Months the allowance is due with the benefit, at most the cap (before any deletion)."""
    return min(int(at("unemployment.job_search.max_months")), max(0, int(paid_through - first) + 1))


@rule("unemployment.job_search_months", ref="广东省失业保险条例（2022年修正）第二十条", step=False)
def job_search_months(at: At, first: YearMonth, paid_through: YearMonth) -> int:
    """Months paid: those due that fall while art. 20 is in force (the last one is cited too)."""
    due = job_search_due(at, first, paid_through)
    paid = sum(1 for i in range(due) if at.at(first + i).in_force(JOB_SEARCH))
    if paid:
        at.at(first + (paid - 1)).get(JOB_SEARCH)
    return paid


@rule(
    "unemployment.job_search_allowance",
    ref="广东省失业保险条例（2022年修正）第二十条",
    rounding=fen(PAID_IN_FEN),
    unit=Y,
)
def job_search_allowance(at: At, wages: Sequence[Decimal], first: YearMonth, paid_through: YearMonth) -> Decimal:
    """求职补贴 in all = a month's allowance × months paid."""
    average = average_contribution_wage(at, wages, JOB_SEARCH_WINDOW)
    return job_search_monthly(at, average) * job_search_months(at, first, paid_through)


@rule("unemployment.job_search_months_deleted", ref="2025年修正决定（删除第二十条）", unit=Unit.MONTHS)
def job_search_months_deleted(at: At, due: int, paid: int) -> int:
    """Months of 求职补贴 due after its deletion: not paid (``at`` on the first such month)."""
    deleted_on(at, JOB_SEARCH)
    return due - paid


# ---------------------------------------------------------------------------------------------
# Childbirth (2022 text art. 21)


@rule(
    "unemployment.childbirth_supplement",
    ref="广东省失业保险条例（2022年修正）第二十一条",
    rounding=fen(PAID_IN_FEN),
    unit=Y,
)
def childbirth_supplement(at: At, standard: Decimal, childbirth_month: YearMonth) -> Decimal:
    """领取期间生育: that month's benefit × factor, once (``at`` on the month of birth)."""
    return standard * at(CHILDBIRTH)


@rule("unemployment.childbirth_outside_period", ref="广东省失业保险条例（2022年修正）第二十一条", unit=Y)
def childbirth_outside_period(at: At, childbirth_month: YearMonth) -> Decimal:
    """A birth outside the benefit period gives no supplement."""
    at(CHILDBIRTH)
    return Decimal(0)


# ---------------------------------------------------------------------------------------------
# A new job or business during the claim


@rule("unemployment.reemployment_conditions", ref="广东省失业保险条例（2022年修正）第二十二条", step=False)
def reemployment_conditions(at: At, contract_months: int, insured_months: int) -> bool:
    """A contract of at least the minimum length and the minimum months insured."""
    min_contract = int(at("unemployment.early_reemployment.min_contract_months"))
    min_insured = int(at("unemployment.early_reemployment.min_insured_months"))
    return contract_months >= min_contract and insured_months >= min_insured


@rule("unemployment.lump_sum_months", ref="广东省失业保险条例（2022年修正）第二十二条、第二十三条", step=False)
def lump_sum_months(at: At, remaining: int, share_param: str) -> int:
    """Remaining months × share, a part month counted as a whole month (不足一个月的按一个月计)."""
    return math.ceil(Fraction(remaining) * Fraction(at(share_param)))


@rule("unemployment.early_reemployment_months", ref="广东省失业保险条例（2022年修正）第二十二条", step=False)
def early_reemployment_months(at: At, remaining: int, contract_months: int, insured_months: int) -> int:
    """Months paid at once on early re-employment: none when the conditions are not met."""
    share = lump_sum_months(at, remaining, EARLY_REEMPLOYMENT)
    return share if reemployment_conditions(at, contract_months, insured_months) else 0


@rule(
    "unemployment.early_reemployment_lump_sum",
    ref="广东省失业保险条例（2022年修正）第二十二条",
    rounding=fen(PAID_IN_FEN),
    unit=Y,
)
def early_reemployment_lump_sum(
    at: At, standard: Decimal, remaining: int, contract_months: int, insured_months: int
) -> Decimal:
    """提前再就业一次性领取 = months paid at once × monthly benefit (``at``: the new job's month)."""
    return standard * early_reemployment_months(at, remaining, contract_months, insured_months)


@rule(
    "unemployment.business_start_lump_sum",
    ref="广东省失业保险条例（2022年修正）第二十三条",
    rounding=fen(PAID_IN_FEN),
    unit=Y,
)
def business_start_lump_sum(at: At, standard: Decimal, remaining: int) -> Decimal:
    """自主创业一次性领取 = remaining months × share × monthly benefit."""
    return standard * lump_sum_months(at, remaining, BUSINESS_START)


@rule(
    "unemployment.stop_on_reemployment",
    ref="广东省失业保险条例（2025年修正）第二十四条第（一）项、第十八条",
    unit=Unit.MONTHS,
)
def stop_on_reemployment(at: At, reemployed_month: YearMonth, last: YearMonth) -> int:
    """After the amendment a new job stops the payment; the months not drawn are kept."""
    article(at, "stop")
    deleted_on(at, EARLY_REEMPLOYMENT)
    at("unemployment.duration.max_months")
    return max(0, int(last - reemployed_month) + 1)


@rule(
    "unemployment.stop_on_business_start",
    ref="广东省失业保险条例（2025年修正）第二十四条第（一）项、第十八条",
    unit=Unit.MONTHS,
)
def stop_on_business_start(at: At, business_start_month: YearMonth, last: YearMonth) -> int:
    """After the amendment a business start stops the payment like a new job; months are kept."""
    article(at, "stop")
    deleted_on(at, BUSINESS_START)
    at("unemployment.duration.max_months")
    return max(0, int(last - business_start_month) + 1)


# ---------------------------------------------------------------------------------------------
# Death during the claim (2022 text art. 25, 2025 text art. 21)


@rule(
    "unemployment.funeral_grant",
    ref="广东省失业保险条例第二十五条（2025年修正第二十一条）",
    rounding=fen(PAID_IN_FEN),
    step=False,
)
def funeral_grant(at: At, city_average_wage: Decimal) -> Decimal:
    """丧葬补助金 = previous-year average monthly wage × factor."""
    return city_average_wage * at("unemployment.death.funeral_factor")


@rule(
    "unemployment.survivor_grant",
    ref="广东省失业保险条例第二十五条（2025年修正第二十一条）",
    rounding=fen(PAID_IN_FEN),
    step=False,
)
def survivor_grant(at: At, city_average_wage: Decimal) -> Decimal:
    """抚恤金 = previous-year average monthly wage × factor."""
    return city_average_wage * at("unemployment.death.survivor_factor")


@rule("unemployment.death_grants", ref="广东省失业保险条例第二十五条（2025年修正第二十一条）", unit=Y)
def death_grants(at: At, death_month: YearMonth, city_average_wage: Decimal) -> Decimal:
    """领取期间死亡: the funeral and survivors' grants together."""
    article(at, "death")
    return funeral_grant(at, city_average_wage) + survivor_grant(at, city_average_wage)


@rule("unemployment.death_after_period", ref="广东省失业保险条例第二十五条（2025年修正第二十一条）", unit=Y)
def death_after_period(at: At, death_month: YearMonth, city_average_wage: Decimal) -> Decimal:
    """A death after the benefit period gives no grant from this fund."""
    article(at, "death")
    at("unemployment.death.funeral_factor")
    at("unemployment.death.survivor_factor")
    return Decimal(0)


# ---------------------------------------------------------------------------------------------
# Former farmer contract workers (2022 text art. 47, 2025 text art. 43)


@rule(
    "unemployment.farmer_transition",
    ref="广东省失业保险条例第四十七条（2025年修正第四十三条）",
    rounding=fen(PAID_IN_FEN),
    unit=Y,
)
def farmer_transition(at: At, wages: Sequence[Decimal], farmer_contract_months: int) -> Decimal:
    """原农民合同制工人一次性生活补助 = average wage × rate × months beyond the exempt ones."""
    article(at, "farmer")
    at.get("unemployment.farmer_transition.cutoff_month")
    exempt = int(at("unemployment.farmer_transition.exempt_months"))
    rate = at("unemployment.farmer_transition.rate")
    average = average_contribution_wage(at, wages, "unemployment.farmer_transition.wage_window_months")
    return average * rate * max(0, farmer_contract_months - exempt)
