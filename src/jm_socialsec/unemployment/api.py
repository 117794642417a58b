"""The public functions and their result models: validate, run the rules in legal order, return.

The rules are in :mod:`.eligibility`, :mod:`.amount`, :mod:`.duration`, :mod:`.side`,
:mod:`.amendment` and :mod:`.contributions`; their words in ``texts.toml``. ``_benefit`` and
``_contribution`` compute the amounts only; the explanation is built by the engine from the
trace, when it is asked for.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import Any, ClassVar, NamedTuple

from ..engine.api import check, field_value, public
from ..engine.errors import InputError, NotCovered
from ..engine.evaluate import evaluate, rule_notices
from ..engine.explain import Explained, Notice
from ..engine.money import Money, to_decimal
from ..engine.months import YearMonth
from ..engine.params import At, Params
from ..engine.regions import Region
from ..engine.tables import Unit, registry
from ..engine.trace import untraced
from ..engine.types import months_within
from ..inputs.base import accepts_input
from ..inputs.projection import AssumptionsArg, future, marks_projection
from ..pension.contributions import MonthlyContribution
from ..retirement import Category, statutory_month
from .amendment import (
    BUSINESS_START,
    CHILDBIRTH,
    DELETED_BENEFITS,
    EARLY_REEMPLOYMENT,
    JOB_SEARCH,
    deleted_benefits,
    is_deleted,
    no_effect,
)
from .amount import benefit_standard, benefit_total
from .contributions import (
    contribution_base,
    contribution_total,
    employee_share,
    employer_share,
    flexible_contribution_base,
    flexible_employer_share,
    flexible_share,
)
from .duration import MAX_MONTHS, benefit_duration, benefit_period, carry_over, last_month
from .eligibility import eligibility
from .reasons import DEFAULT_REASON, SeparationReason
from .side import (
    JOB_SEARCH_WINDOW,
    average_contribution_wage,
    business_start_lump_sum,
    childbirth_outside_period,
    childbirth_supplement,
    death_after_period,
    death_grants,
    early_reemployment_lump_sum,
    early_reemployment_months,
    extension_pension_contribution,
    farmer_transition,
    funeral_grant,
    job_search_allowance,
    job_search_due,
    job_search_monthly,
    job_search_months,
    job_search_months_deleted,
    lump_sum_months,
    medical_contribution,
    stop_on_business_start,
    stop_on_reemployment,
    survivor_grant,
)

M = Unit.YUAN_PER_MONTH
Y = Unit.YUAN
MONTHS = Unit.MONTHS

Wage = Decimal | int | float | str
MonthInput = YearMonth | str | date

#: The side items of a claim that has none (given in full: a model's defaults are copied on
#: every construction).
NO_SIDE_ITEMS: dict[str, Any] = {
    "reasons": (),
    "first_month": None,
    "last_month": None,
    "extended_to_retirement": False,
    "job_search_monthly": Decimal(0),
    "job_search_months": 0,
    "job_search_total": Decimal(0),
    "childbirth_supplement": Decimal(0),
    "early_reemployment_lump_sum": Decimal(0),
    "business_start_lump_sum": Decimal(0),
    "remaining_months": 0,
    "kept_months": 0,
    "funeral_grant": Decimal(0),
    "survivor_grant": Decimal(0),
    "farmer_transition_lump_sum": Decimal(0),
}

#: The codes of the warnings that say why a claim is not eligible (also the result's ``reasons``).
REASON_CODES = frozenset({"reason_not_eligible", "contribution_too_short", "not_registered", "past_retirement_age"})


class UnemploymentBenefit(Explained):
    """An unemployment-benefit estimate (失业保险待遇测算), explained."""

    title_zh: ClassVar[str] = "失业保险待遇测算"
    title_en: ClassVar[str] = "Unemployment benefit"
    headline: ClassVar[tuple[tuple[str, str, str], ...]] = (
        ("eligible", "符合领取条件", "eligible"),
        ("monthly", "失业保险金（月）", "monthly benefit"),
        ("months", "领取期限", "benefit months"),
        ("total", "失业保险金合计", "total benefit"),
        ("first_month", "起始月", "first month"),
        ("last_month", "截止月", "last month"),
    )
    units: ClassVar[dict[str, Unit]] = {"monthly": M, "months": MONTHS, "total": Y}

    claim_month: YearMonth
    region: Region
    reason: SeparationReason
    contribution_months: int
    unused_months: int
    eligible: bool
    #: Why not eligible (empty when eligible).
    reasons: tuple[Notice, ...] = ()
    #: 失业保险金标准: minimum wage × rate in the claim month (also shown when not eligible).
    standard: Money
    monthly: Money
    #: Months earned by this claim's contribution time (art. 17).
    new_months: int
    #: New plus unused months, capped (art. 18).
    entitled_months: int
    #: Months of the period: the entitlement, extended to or cut at the statutory retirement month.
    months: int
    total: Money
    first_month: YearMonth | None = None
    last_month: YearMonth | None = None
    retirement_month: YearMonth | None = None
    extended_to_retirement: bool = False
    job_search_monthly: Money = Decimal(0)
    job_search_months: int = 0
    job_search_total: Money = Decimal(0)
    childbirth_supplement: Money = Decimal(0)
    early_reemployment_lump_sum: Money = Decimal(0)
    business_start_lump_sum: Money = Decimal(0)
    #: Months of the period from re-employment / business start on (not paid monthly).
    remaining_months: int = 0
    #: Months not paid out, kept for a later claim (art. 22).
    kept_months: int = 0
    funeral_grant: Money = Decimal(0)
    survivor_grant: Money = Decimal(0)
    farmer_transition_lump_sum: Money = Decimal(0)
    #: Whether a figure was projected (asked for with ``project`` / ``assumptions``); the warnings say which.
    projected: bool = False


class UnemploymentContribution(MonthlyContribution):
    """One month's unemployment-insurance contribution, explained."""

    title_zh: ClassVar[str] = "失业保险月缴费测算"
    title_en: ClassVar[str] = "Monthly unemployment-insurance contribution"

    #: A flexible worker (灵活就业人员, 粤人社规〔2025〕50号): ``employee`` is the whole contribution.
    flexible: bool = False


class Claim(NamedTuple):
    """A validated claim: what the rules receive."""

    claim: YearMonth
    region: Region
    months: int
    unused: int
    reason: SeparationReason
    reason_given: bool
    registered: bool
    birth: YearMonth | None
    category: Category | None
    wages: tuple[Decimal, ...] | None
    childbirth: YearMonth | None
    end_field: str | None  # "reemployed_month", "business_start_month" or "death_month"
    end_month: YearMonth | None
    contract: int | None
    insured: int | None
    avg_wage: Decimal | None
    farmer: int | None


# ---------------------------------------------------------------------------------------------
# Public functions.


@accepts_input
@public
def unemployment_benefit(
    claim_month: MonthInput,
    region: Region | str,
    contribution_months: int,
    unused_months: int = 0,
    reason: SeparationReason | str | None = None,
    *,
    registered: bool = True,
    birth: MonthInput | None = None,
    category: Category | str | None = None,
    recent_contribution_wages: Sequence[Wage] | None = None,
    childbirth_month: MonthInput | None = None,
    reemployed_month: MonthInput | None = None,
    reemployment_contract_months: int | None = None,
    reemployment_insured_months: int | None = None,
    business_start_month: MonthInput | None = None,
    death_month: MonthInput | None = None,
    city_average_wage: Wage | None = None,
    farmer_contract_months: int | None = None,
    as_of: date | None = None,
    overrides: Mapping[str, Any] | None = None,
    project: bool = False,
    assumptions: AssumptionsArg = None,
) -> UnemploymentBenefit:
    """Unemployment benefit (失业保险金) for a claim starting in ``claim_month``.

    - ``claim_month``: the first month of the benefit period (the month of 失业登记 when the claim
      follows within 7 working days, otherwise the month of the claim; art. 36).
    - ``contribution_months``: contribution months counted for this claim (since the last claim,
      or all of them if never claimed; arts. 18, 45). ``unused_months``: months left from an
      earlier claim (at most 24).
    - ``reason``: a :class:`SeparationReason` (``"voluntary_resignation"`` is not eligible); when
      omitted, contract expiry is assumed and the result says so. ``registered``: 失业登记 done.
    - ``birth`` and ``category`` (together): the period extends to, and never passes, the
      statutory retirement month (办法第七条).

    Side benefits, computed when their inputs are given and the claim is eligible:
    ``recent_contribution_wages`` (monthly, oldest first; the last 12 are averaged) gives the
    求职补贴 (art. 20) and, with ``farmer_contract_months`` (continuous months before 2014-07 as a
    farmer contract worker), the art. 47 lump sum; ``childbirth_month`` the childbirth supplement
    (art. 21); ``reemployed_month`` with ``reemployment_contract_months`` and
    ``reemployment_insured_months`` the early re-employment lump sum (art. 22);
    ``business_start_month`` the business-start lump sum (art. 23); ``death_month`` with
    ``city_average_wage`` (the city's previous-year 在岗 average monthly wage) the death grants
    (art. 25). At most one of re-employment, business start and death.
    """
    ends = {
        "reemployed_month": reemployed_month,
        "business_start_month": business_start_month,
        "death_month": death_month,
    }
    claim = _claim(
        claim_month, region, contribution_months, unused_months, reason, registered, birth, category,
        recent_contribution_wages, childbirth_month, ends, reemployment_contract_months,
        reemployment_insured_months, city_average_wage, farmer_contract_months,
    )  # fmt: skip
    return evaluate(
        UnemploymentBenefit, _benefit, claim, as_of=as_of, overrides=overrides, assumptions=future(project, assumptions)
    )


@accepts_input
@public
def unemployment_contribution(
    month: MonthInput,
    wage: Wage,
    region: Region | str = Region.JIANGMEN,
    *,
    city_average_wage: Wage,
    flexible: bool = False,
    as_of: date | None = None,
    overrides: Mapping[str, Any] | None = None,
    project: bool = False,
    assumptions: AssumptionsArg = None,
) -> UnemploymentContribution:
    """The unemployment-insurance contribution for ``month`` on a monthly ``wage``.

    The base is the wage held between Jiangmen's minimum wage and 3 × ``city_average_wage`` (the
    city's previous-year 在岗 average monthly wage, a caller input: no sourced figure was found)
    (广东省失业保险条例第八条). Employee 0.2% (secondary); the employer rate is assumed (override
    ``unemployment.contribution.employer_rate`` with the actual one). Amounts rounded to 分.

    ``flexible=True``: a flexible worker (灵活就业人员) who chose to join (粤人社规〔2025〕50号, from
    2026-01-01 for two years; months outside are :class:`NotCovered`). ``wage`` is the declared base
    (on first joining, the average monthly income of the 12 months before), held within the same
    bounds (办法第六条); the person pays the whole baseline rate (employer plus employee rates,
    assumed), reported as ``employee``; ``employer`` is 0.
    """
    ym = _month(month, "month")
    wage_d = to_decimal(wage, "wage", non_negative=True)
    reg = Region.parse(region)
    avg = to_decimal(city_average_wage, "city_average_wage", non_negative=True)
    check(isinstance(flexible, bool), "flexible", "应为是/否", "must be true or false")
    return evaluate(
        UnemploymentContribution, _contribution, ym, wage_d, reg, avg, flexible,
        as_of=as_of, overrides=overrides, assumptions=future(project, assumptions),
    )  # fmt: skip


# ---------------------------------------------------------------------------------------------
# Input validation.


def _count(value: Any, field: str) -> int:
    check(
        isinstance(value, int) and not isinstance(value, bool),
        field,
        "应为整数（月数）",
        "must be a whole number of months",
    )
    check(value >= 0, field, "不能为负数", "must not be negative")
    return field_value(int(value), field, months_within)


def _month(value: Any, field: str) -> YearMonth:
    return field_value(value, field, YearMonth.of)


def _optional(value: Any, field: str, convert: Any) -> Any:
    return convert(value, field) if value is not None else None


def _wages(values: Any, field: str) -> tuple[Decimal, ...]:
    check(
        isinstance(values, Sequence) and not isinstance(values, str | bytes),
        field,
        "应为按月排列的缴费工资列表（最早的在前）",
        "must be a list of monthly contribution wages, oldest first",
    )
    check(len(values) > 0, field, "至少需要一个月的缴费工资", "needs at least one month")
    return tuple(to_decimal(v, f"{field}[{i}]", non_negative=True) for i, v in enumerate(values))


def _person(claim: YearMonth, birth: Any, category: Any) -> tuple[YearMonth | None, Category | None]:
    """Birth month and category, both or neither (办法第七条 needs the statutory month)."""
    if (birth is None) != (category is None):
        field = "category" if category is None else "birth"
        raise InputError(field, "出生年月与退休类别须同时给出", "birth and category must be given together")
    birth_ym = _optional(birth, "birth", _month)
    cat = Category.parse(category) if category is not None else None
    if birth_ym is not None:
        check(birth_ym < claim, "birth", "出生年月应早于申领月", "the birth month must precede the claim")
    return birth_ym, cat


def _end_of_claim(events: dict[str, Any]) -> tuple[str | None, YearMonth | None]:
    """At most one of re-employment, business start and death ends the claim."""
    given = [k for k, v in events.items() if v is not None]
    if len(given) > 1:
        raise InputError(
            given[1],
            f"{'、'.join(given)} 只能给出一项（领取期间只能因一件事结束）",
            f"give only one of {', '.join(given)} (the claim ends once)",
        )
    end_field = given[0] if given else None
    return end_field, _month(events[end_field], end_field) if end_field is not None else None


def _claim(
    claim_month: Any, region: Any, contribution_months: Any, unused_months: Any, reason: Any, registered: Any,
    birth: Any, category: Any, wages: Any, childbirth: Any, events: dict[str, Any], contract: Any, insured: Any,
    city_average_wage: Any, farmer_months: Any,
) -> Claim:  # fmt: skip
    """Every input checked and converted, each error naming its field."""
    claim = _month(claim_month, "claim_month")
    reg = Region.parse(region)
    m, unused = _count(contribution_months, "contribution_months"), _count(unused_months, "unused_months")
    why = SeparationReason.parse(reason) if reason is not None else DEFAULT_REASON
    check(isinstance(registered, bool), "registered", "应为是/否", "must be true or false")
    birth_ym, cat = _person(claim, birth, category)
    wage_list = _optional(wages, "recent_contribution_wages", _wages)
    born = _optional(childbirth, "childbirth_month", _month)
    end_field, end_month = _end_of_claim(events)
    contract_m = _optional(contract, "reemployment_contract_months", _count)
    insured_m = _optional(insured, "reemployment_insured_months", _count)
    avg = None
    if city_average_wage is not None:
        avg = to_decimal(city_average_wage, "city_average_wage", non_negative=True)
    if end_field == "death_month":
        check(
            avg is not None,
            "city_average_wage",
            "计算丧葬补助金、抚恤金须给出江门市上年度在岗职工月平均工资",
            "the city's previous-year average monthly wage (在岗) is required for the death grants",
        )
    farmer = _optional(farmer_months, "farmer_contract_months", _count)
    if farmer is not None:
        check(
            wage_list is not None,
            "recent_contribution_wages",
            "计算原农民合同制工人生活补助须给出失业前的月缴费工资",
            "the monthly contribution wages before unemployment are required for the art. 47 lump sum",
        )
    return Claim(
        claim, reg, m, unused, why, reason is not None, registered, birth_ym, cat, wage_list, born,
        end_field, end_month, contract_m, insured_m, avg, farmer,
    )  # fmt: skip


def _table_checks(params: Params, c: Claim) -> None:
    """Input checks that depend on the tables: the regulation covers the claim, the carry-over
    is within the cap (art. 18), the re-employment inputs while art. 22 exists."""
    try:
        params.get("unemployment.benefit.rate", c.claim)
    except NotCovered as e:
        if e.covered_from is None or c.claim.first_day() >= e.covered_from:
            raise
        raise NotCovered(
            e.param,
            e.on,
            e.covered_from,
            e.covered_until,
            f"申领月 {c.claim} 早于广东省失业保险条例（2013年修订）施行，不在本库范围",
            f"claim month {c.claim} is before the 2013 Guangdong regulation came into force; not covered",
        ) from None
    if (
        c.end_field == "reemployed_month"
        and c.end_month is not None
        and params.in_force(EARLY_REEMPLOYMENT, c.end_month)
    ):
        for f, v in (("reemployment_contract_months", c.contract), ("reemployment_insured_months", c.insured)):
            check(v is not None, f, "提前再就业时须给出", "required with reemployed_month")
    cap = int(params.value(MAX_MONTHS, c.claim))
    check(
        c.unused <= cap,
        "unused_months",
        f"剩余期限不能超过 {cap} 个月（第十八条）",
        f"must not exceed {cap} months (art. 18)",
    )


# ---------------------------------------------------------------------------------------------
# The rules in legal order.


@marks_projection
def _benefit(params: Params, c: Claim) -> dict[str, Any]:
    """Eligibility (arts. 15-16), amount (19), duration (17-18, 办法第七条), period, side items."""
    _table_checks(params, c)
    at = params.at(c.claim)
    if not c.reason_given:
        at.notice("unemployment.reason_assumed", reason_zh=c.reason.zh, reason_en=c.reason.en)
    retirement = None
    if c.birth is not None and c.category is not None:
        with untraced():  # the retirement area's rules, cited as used but not shown as lines
            retirement = statutory_month(params, c.birth, c.category)[2]
    eligible = eligibility(at, c.reason, c.months, c.unused, c.registered, c.claim, retirement)
    standard = benefit_standard(at)
    new = benefit_duration(at, c.months)
    entitled = carry_over(at, new, c.unused)
    fields: dict[str, Any] = NO_SIDE_ITEMS | {
        "claim_month": c.claim,
        "region": c.region,
        "reason": c.reason,
        "contribution_months": c.months,
        "unused_months": c.unused,
        "eligible": eligible,
        "standard": standard,
        "new_months": new,
        "entitled_months": entitled,
        "retirement_month": retirement,
    }
    if not eligible:
        reasons = tuple(n for n in rule_notices(params.notices) if n.code in REASON_CODES)
        return fields | {
            "monthly": Decimal(0),
            "months": 0,
            "total": benefit_total(at, Decimal(0), 0),
            "reasons": reasons,
        }
    last = last_month(at, c.claim, entitled, retirement)
    extended = retirement is not None and last == retirement and c.claim + (entitled - 1) < retirement
    benefit_period(at, c.claim, last)
    months = last - c.claim + 1
    fields |= {
        "monthly": standard,
        "months": months,
        "total": benefit_total(at, standard, months),
        "first_month": c.claim,
        "last_month": last,
        "extended_to_retirement": extended,
    }
    medical_contribution(at)
    if extended:
        extension_pension_contribution(at)
    return fields | _side_items(at, c, standard, last)


def _side_items(at: At, c: Claim, standard: Decimal, last: YearMonth) -> dict[str, Any]:
    """The items beside the benefit, each when its input is given (the claim is eligible)."""
    paid_through = last
    if c.end_month is not None and c.end_field is not None:
        check(
            c.end_month >= c.claim,
            c.end_field,
            f"早于领取期间起始月 {c.claim}",
            f"is before the first month of the period {c.claim}",
        )
        paid_through = min(last, c.end_month if c.end_field == "death_month" else c.end_month - 1)
    if any(is_deleted(at.params, p, c.claim) for p in DELETED_BENEFITS):
        deleted_benefits(at)
    out: dict[str, Any] = {}
    if c.wages is not None:
        out |= _job_search(at, c.wages, c.claim, paid_through)
        if c.farmer is not None:
            out["farmer_transition_lump_sum"] = farmer_transition(at, c.wages, c.farmer)
    if c.childbirth is not None:
        out |= _childbirth(at, c.childbirth, c.claim, last, standard)
    if c.end_field in ("reemployed_month", "business_start_month") and c.end_month is not None:
        out |= _new_job(at.at(c.end_month), c, standard, last)
    if c.end_field == "death_month" and c.end_month is not None and c.avg_wage is not None:
        out |= _death(at, c.end_month, last, c.avg_wage)
    return out


def _job_search(at: At, wages: tuple[Decimal, ...], first: YearMonth, paid_through: YearMonth) -> dict[str, Any]:
    """求职补贴 (2022 text art. 20); after its deletion the input is said to have had no effect."""
    if is_deleted(at.params, JOB_SEARCH, first):
        no_effect(at, "recent_contribution_wages", JOB_SEARCH)
        return {}
    total = job_search_allowance(at, wages, first, paid_through)
    months, due = job_search_months(at, first, paid_through), job_search_due(at, first, paid_through)
    if months < due:
        job_search_months_deleted(at.at(first + months), due, months)
    monthly = job_search_monthly(at, average_contribution_wage(at, wages, JOB_SEARCH_WINDOW))
    return {"job_search_monthly": monthly, "job_search_months": months, "job_search_total": total}


def _childbirth(at: At, born: YearMonth, first: YearMonth, last: YearMonth, standard: Decimal) -> dict[str, Any]:
    """The childbirth supplement (2022 text art. 21), decided by the month of birth."""
    on = max(born, first)
    if is_deleted(at.params, CHILDBIRTH, on):
        no_effect(at.at(on), "childbirth_month", CHILDBIRTH)
        return {}
    if first <= born <= last:
        return {"childbirth_supplement": childbirth_supplement(at.at(born), standard, born)}
    return {"childbirth_supplement": childbirth_outside_period(at, born)}


def _new_job(at: At, c: Claim, standard: Decimal, last: YearMonth) -> dict[str, Any]:
    """A new job or business (``at`` on its month): a lump sum under the 2022 text (arts. 22,
    23); from the 2025 amendment the payment stops and the months are kept (art. 24(一), 18)."""
    on = c.end_month
    assert on is not None
    reemployed = c.end_field == "reemployed_month"
    param, field = (
        (EARLY_REEMPLOYMENT, "early_reemployment_lump_sum")
        if reemployed
        else (BUSINESS_START, "business_start_lump_sum")
    )
    remaining = max(0, last - on + 1)
    if is_deleted(at.params, param, on):
        if reemployed:
            for f, v in (("reemployment_contract_months", c.contract), ("reemployment_insured_months", c.insured)):
                if v is not None:
                    no_effect(at, f, param)
        kept = stop_on_reemployment(at, on, last) if reemployed else stop_on_business_start(at, on, last)
        return {field: Decimal(0), "remaining_months": kept, "kept_months": kept}
    if reemployed:
        assert c.contract is not None and c.insured is not None  # required while art. 22 is in force
        lump = early_reemployment_lump_sum(at, standard, remaining, c.contract, c.insured)
        paid = early_reemployment_months(at, remaining, c.contract, c.insured)
    else:
        lump = business_start_lump_sum(at, standard, remaining)
        paid = lump_sum_months(at, remaining, BUSINESS_START)
    return {field: lump, "remaining_months": remaining, "kept_months": remaining - paid}


def _death(at: At, died: YearMonth, last: YearMonth, avg_wage: Decimal) -> dict[str, Any]:
    """Death grants (2022 text art. 25, 2025 text art. 21) for a death within the period."""
    if died > last:
        death_after_period(at, died, avg_wage)
        return {}
    death_grants(at, died, avg_wage)
    return {"funeral_grant": funeral_grant(at, avg_wage), "survivor_grant": survivor_grant(at, avg_wage)}


def _flexible_scheme(params: Params, ym: YearMonth) -> None:
    """The flexible workers' scheme covers ``ym``; outside its two years a plain refusal (办法第二十六条)."""
    param = "unemployment.flexible.rate"
    try:
        params.get(param, ym)
    except NotCovered as e:
        if e.covered_from is None or e.covered_until is None:
            raise
        doc = registry()[param].values[0].source.document
        if ym.first_day() < e.covered_from:
            zh = f"{doc} 自 {e.covered_from} 起施行，此前灵活就业人员不能参加失业保险"
            en = f"{doc} is in force from {e.covered_from}; flexible workers could not join before"
        else:
            zh = f"{doc} 有效期至 {e.covered_until}，其后的续期或新办法尚未收录"
            en = f"{doc} is valid until {e.covered_until}; its renewal or successor is not in the tables yet"
        raise NotCovered(e.param, e.on, e.covered_from, e.covered_until, zh, en) from None


@marks_projection
def _contribution(
    params: Params, ym: YearMonth, wage: Decimal, region: Region, avg: Decimal, flexible: bool
) -> dict[str, Any]:
    """The base (条例第八条 / 办法第六条), the two shares, the total."""
    if flexible:
        _flexible_scheme(params, ym)
    factor_param = "unemployment.flexible.base_cap_factor" if flexible else "unemployment.contribution.base_cap_factor"
    floor, factor = params.get("wages.minimum_monthly", ym), params.get(factor_param, ym)
    cap = avg * factor.decimal
    check(
        cap >= floor.decimal,
        "city_average_wage",
        f"{factor.value} 倍后（{cap}）低于最低工资标准 {floor.value}，请核对",
        f"{factor.value} × it ({cap}) is below the minimum wage {floor.value}; check the figure",
    )
    at = params.at(ym)
    if flexible:
        base = flexible_contribution_base(at, wage, avg)
        employee, employer = flexible_share(at, base), flexible_employer_share(at)
    else:
        base = contribution_base(at, wage, avg)
        employee, employer = employee_share(at, base), employer_share(at, base)
    return {
        "month": ym,
        "region": region,
        "flexible": flexible,
        "base": base,
        "employee": employee,
        "employer": employer,
        "total": contribution_total(at, employee, employer),
    }
