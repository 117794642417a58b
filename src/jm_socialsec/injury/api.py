"""The public work-injury functions: validate, call the rules in legal order, return the result.

Each function checks its input (bilingual :class:`InputError` naming the field) and hands
:func:`~jm_socialsec.engine.evaluate.evaluate` a compute function that calls the rules of
``own_wage``, ``disability``, ``leaving``, ``nursing``, ``death`` and ``contribution`` in the
order of the articles and returns the result's fields. Steps and warnings are built by the engine
from the trace and ``texts.toml`` only when read.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import Any, NamedTuple

from ..engine.api import check, field_value, public
from ..engine.errors import NotCovered
from ..engine.evaluate import evaluate
from ..engine.money import to_decimal
from ..engine.months import YearMonth
from ..engine.params import At, Params
from ..engine.tables import Unit
from ..engine.trace import current, untraced, version
from ..inputs.base import accepts_input
from ..inputs.projection import AssumptionsArg, future, marks_projection
from ..retirement import Category
from . import inputs
from .contribution import RATE_TABLES, contribution, contribution_rate, industry_base_rate
from .coverage import pension_rule
from .death import (
    death_grant,
    death_grant_not_due,
    funeral_grant,
    not_covered,
    share_survivors,
    survivor_cap,
    survivor_pensions,
    survivor_rates,
)
from .disability import (
    allowance_share,
    disability_allowance,
    disability_lump_sum,
    employer_disability_allowance,
    paid_leave,
    paid_leave_national,
)
from .items import item, refusal, text, uncovered, withheld
from .leaving import (
    employment_lump_sum,
    employment_lump_sum_withheld,
    medical_lump_sum,
    medical_lump_sum_withheld,
    no_effect,
    pension_exclusion,
    statutory_retirement_month,
)
from .models import (
    CareLevel,
    DeathBenefits,
    Dependent,
    InjuryBenefits,
    InjuryContribution,
    OwnWage,
    Payer,
    SurvivorPension,
    UncoveredItem,
)
from .nursing import hospital_meals, nursing
from .own_wage import CityWageMissing, band
from .own_wage import own_wage as own_wage_rule

M = Unit.YUAN_PER_MONTH
Y = Unit.YUAN
_ONE = Decimal(1)  # neutral multiplier (no floating factor)


def _provisional(params: Params) -> bool:
    return any(pv.provisional for pv in params.used)


# ---------------------------------------------------------------------------------------------
# 本人工资


@marks_projection
def _own_wage(params: Params, avg: Decimal, injured: date, city: Mapping[int, Decimal]) -> dict[str, Any]:
    at = params.at(injured)
    own = own_wage_rule(at, avg, city)
    with untraced():  # the band's figures as fields (already shown on the own-wage line)
        aw, lower, upper = band(at, city)
    return {
        "injured_on": injured,
        "avg_wage_12m": avg,
        "average_wage": aw,
        "lower": lower,
        "upper": upper,
        "own_wage": own,
        "provisional": _provisional(params),
    }


@accepts_input
@public
def own_wage(
    avg_wage_12m: Decimal | int | float | str,
    injured_on: date | str,
    *,
    city_average_wages: Mapping[int, Any] | None = None,
    as_of: date | None = None,
    overrides: Mapping[str, Any] | None = None,
    project: bool = False,
    assumptions: AssumptionsArg = None,
) -> OwnWage:
    """本人工资 (条例 art. 64): the 12-month average wage clamped to 60-300% of the average wage.

    The average wage is the pooling area's figure of the statistical year before ``injured_on``
    (Guangdong's provincial figure since provincial pooling, 2019-07; before that Jiangmen's,
    supplied by the caller as ``city_average_wages={year: wage}``).
    """
    avg = to_decimal(avg_wage_12m, "avg_wage_12m", non_negative=True)
    day = inputs.day(injured_on, "injured_on")
    city = inputs.city_wages(city_average_wages)
    return evaluate(
        OwnWage, _own_wage, avg, day, city, as_of=as_of, overrides=overrides, assumptions=future(project, assumptions)
    )


# ---------------------------------------------------------------------------------------------
# Disability


class _Case(NamedTuple):
    """A disability case, validated."""

    grade: int
    injured: date
    avg: Decimal
    assessed: date
    left: date | None
    draws_pension: bool
    birth: YearMonth | None
    category: Category | None
    care: CareLevel | None
    days: int | None
    daily: Decimal | None
    city: dict[int, Decimal]


def _allowance(at: At, case: _Case, own: Decimal, items: list[Any]) -> dict[str, Any]:
    """伤残津贴: the fund's for grades 1-4 (art. 35), the employer's for 5-6 in the job (art. 36)."""
    if case.grade in inputs.FUND_ALLOWANCE:
        rule, payer = disability_allowance, Payer.FUND
    elif case.grade in inputs.EMPLOYER_ALLOWANCE and case.left is None:
        rule, payer = employer_disability_allowance, Payer.EMPLOYER
    else:
        return {"monthly_allowance": None, "allowance_top_up": None}
    allowance = rule(at, case.grade, own, case.assessed)
    with untraced():
        top_up = allowance - allowance_share(at, case.grade, own)
    items.append(item("monthly_allowance", allowance, M, payer, top_up=top_up))
    return {"monthly_allowance": allowance, "allowance_top_up": top_up}


def _leaving(params: Params, case: _Case, own: Decimal, items: list[Any]) -> dict[str, Any]:
    """The leaving grants when the employment ends (广东 2019 arts. 31-32)."""
    at = params.at(case.injured)
    if case.left is None:
        if case.draws_pension:
            no_effect(at, "grades_1_4" if case.grade in inputs.FUND_ALLOWANCE else "not_leaving")
        return {"medical_lump_sum": None, "employment_lump_sum": None, "pension_exclusion_applied": False}
    if case.birth is not None and case.category is not None:
        statutory_retirement_month(at, case.birth, case.category, case.left, case.draws_pension)
    at_left = params.at(case.left)
    if pension_exclusion(at_left, case.grade, case.draws_pension):
        first = int(pension_rule(at_left, "injury.leaving_grants.pension_exclusion_from_grade").decimal)
        medical = medical_lump_sum_withheld(at, case.left)
        employment = employment_lump_sum_withheld(at, case.left)
        items += [
            withheld("medical_lump_sum", Payer.FUND, first),
            withheld("employment_lump_sum", Payer.EMPLOYER, first),
        ]
        return {"medical_lump_sum": medical, "employment_lump_sum": employment, "pension_exclusion_applied": True}
    medical = medical_lump_sum(at, case.grade, own, case.left)
    employment = employment_lump_sum(at, case.grade, own, case.left)
    items += [
        item("medical_lump_sum", medical, Y, Payer.FUND),
        item("employment_lump_sum", employment, Y, Payer.EMPLOYER),
    ]
    return {"medical_lump_sum": medical, "employment_lump_sum": employment, "pension_exclusion_applied": False}


def _care(params: Params, case: _Case, items: list[Any]) -> dict[str, Any]:
    """生活护理费 (广东 2019 art. 26) and 住院伙食补助费, both the fund's."""
    nursing_monthly = meals = None
    if case.care is not None:
        nursing_monthly = nursing(params.at(case.assessed), CareLevel(case.care), case.city)
        items.append(item("nursing", nursing_monthly, M, Payer.FUND))
    if case.days is not None and case.daily is not None:
        meals = hospital_meals(params.at(case.injured), case.daily, case.days)
        items.append(item("hospital_meals", meals, Y, Payer.FUND))
    return {"nursing_monthly": nursing_monthly, "hospital_meals": meals}


@marks_projection
def _injury(params: Params, case: _Case) -> dict[str, Any]:
    """The rules in the order of the articles: 本人工资, arts. 35-37, 33, the Guangdong items."""
    at = params.at(case.injured)
    own = own_wage_rule(at, case.avg, case.city)
    lump = disability_lump_sum(at, case.grade, own)
    leave = version((paid_leave_national, paid_leave), case.injured)(at)
    items: list[Any] = [
        item("disability_lump_sum", lump, Y, Payer.FUND),
        item("paid_leave", None, M, Payer.EMPLOYER, months=leave),
    ]
    fields: dict[str, Any] = {
        "grade": case.grade,
        "injured_on": case.injured,
        "assessed_on": case.assessed,
        "own_wage": own,
        "disability_lump_sum": lump,
        "draws_pension": case.draws_pension,
        "care_level": case.care,
        "paid_leave_max_months": leave,
    }
    fields.update(_allowance(at, case, own, items))
    fields.update(_leaving(params, case, own, items))
    fields.update(_care(params, case, items))
    return {**fields, "items": tuple(items), "provisional": _provisional(params)}


@accepts_input
@public
def injury_benefits(
    grade: int,
    injured_on: date | str,
    avg_wage_12m: Decimal | int | float | str,
    *,
    assessed_on: date | str | None = None,
    leaves_job: bool = False,
    left_on: date | str | None = None,
    draws_pension: bool = False,
    birth: date | YearMonth | str | None = None,
    category: Category | str | None = None,
    care_level: CareLevel | int | str | None = None,
    hospital_days: int | None = None,
    hospital_meal_daily: Decimal | int | float | str | None = None,
    city_average_wages: Mapping[int, Any] | None = None,
    as_of: date | None = None,
    overrides: Mapping[str, Any] | None = None,
    project: bool = False,
    assumptions: AssumptionsArg = None,
) -> InjuryBenefits:
    """Benefits of a worker appraised at disability ``grade`` (1 most severe … 10), by item and payer.

    - 一次性伤残补助金 (fund), every grade — 条例 arts. 35-37.
    - 伤残津贴, grades 1-4 (fund, the worker keeps the employment relation) and 5-6 (employer,
      when it cannot arrange suitable work), floored at Jiangmen's minimum wage in force on
      ``assessed_on`` (the top-up is shown); grades 1-4 also at Guangdong's 托底线 where known.
    - ``leaves_job=True`` with ``left_on`` (grades 5-10): 一次性工伤医疗补助金 (fund) and
      一次性伤残就业补助金 (employer), Guangdong's month counts (secondary; injuries from
      2012-01-01). No reduction near retirement (Guangdong has none).
    - ``draws_pension=True``: a grade 7-10 worker who draws a basic pension gets neither leaving
      grant (广东 2019 art. 32, employment ending from 2019-07-01; both shown as 0.00). Where it
      changes nothing (grades 1-6, or no end of employment) a warning ``input_no_effect`` says so.
    - ``birth`` and ``category`` (optional): the statutory retirement month is shown with the
      leaving grants, with a warning when the employment ends at or after it.
    - ``care_level`` 1-4 (生活自理障碍等级 一级 to 四级; grades 1-4 only): 生活护理费 (fund),
      60 / 50 / 40 / 30% of the previous-year average monthly wage (广东 2019 art. 26).
    - ``hospital_days`` × ``hospital_meal_daily`` (not in the tables): 住院伙食补助费 (fund).
    """
    g = inputs.whole(grade, "grade", inputs.GRADES, "伤残等级", "grade")
    injured = inputs.day(injured_on, "injured_on")
    avg = to_decimal(avg_wage_12m, "avg_wage_12m", non_negative=True)
    assessed = injured if assessed_on is None else inputs.day(assessed_on, "assessed_on")
    check(
        assessed >= injured,
        "assessed_on",
        f"鉴定日期 {assessed} 早于受伤日期 {injured}",
        f"the appraisal date {assessed} is before the injury date {injured}",
    )
    left = inputs.end_of_employment(g, injured, leaves_job, left_on)
    check(isinstance(draws_pension, bool), "draws_pension", "应为是/否", "must be true or false")
    birth_ym = None if birth is None else field_value(birth, "birth", YearMonth.of)
    cat = None if category is None else Category.parse(category)
    care = inputs.care_level_of(care_level, g)
    days, daily = inputs.hospital_inputs(hospital_days, hospital_meal_daily)
    city = inputs.city_wages(city_average_wages)
    case = _Case(g, injured, avg, assessed, left, draws_pension, birth_ym, cat, care, days, daily, city)
    future_figures = future(project, assumptions)
    return evaluate(InjuryBenefits, _injury, case, as_of=as_of, overrides=overrides, assumptions=future_figures)


# ---------------------------------------------------------------------------------------------
# Death (条例 art. 39), item by item


class _Death(NamedTuple):
    """A death case, validated."""

    died: date
    avg: Decimal
    dependents: tuple[Dependent, ...]
    injured: date
    grade: int | None
    during_paid_leave: bool
    city: dict[int, Decimal]


_Refusals = list[tuple[UncoveredItem, NotCovered | None]]


def _refuse(
    at: At, refusals: _Refusals, item_id: str, reason: tuple[str, str], cause: NotCovered | None, param: str | None
) -> None:
    """An item not computed: listed in ``not_covered``, a line of its own and a warning."""
    u = uncovered(item_id, reason[0], reason[1], param)
    refusals.append((u, cause))
    not_covered(at, u.label_zh, u.label_en, u.reason_zh, u.reason_en)
    at.notice(
        "injury.item_not_covered",
        param=param,
        item_zh=u.label_zh,
        item_en=u.label_en,
        reason_zh=u.reason_zh,
        reason_en=u.reason_en,
    )


def _attempt(at: At, refusals: _Refusals, item_id: str, compute: Callable[[], Decimal]) -> Decimal | None:
    """Run one item; a table gap refuses that item only (what it read and traced is dropped)."""
    params, node = at.params, current()
    marks = len(params.used), len(params.notices), len(node.children) if node is not None else 0
    try:
        return compute()
    except NotCovered as e:
        reason, cause, param = (e.message_zh, e.message_en), e, e.param
    except CityWageMissing as e:
        reason = text("reason", "city_wage", why_zh=e.why_zh, why_en=e.why_en)
        cause, param = None, "injury.provincial_pooling_since"
    del params.used[marks[0] :], params.notices[marks[1] :]
    if node is not None:
        del node.children[marks[2] :]
    _refuse(at, refusals, item_id, reason, cause, param)
    return None


def _survivors(at: At, case: _Death, own: Decimal) -> tuple[tuple[SurvivorPension, ...], bool]:
    """Each dependent's pension and whether the cap applied (the figures of the survivors' line)."""
    with untraced():
        rates = survivor_rates(at, case.dependents)
        shares, capped = share_survivors([own * r for r in rates], survivor_cap(at, case.avg))
    survivors = tuple(
        SurvivorPension.model_construct(dependent=d, rate=r, amount=a)
        for d, r, a in zip(case.dependents, rates, shares, strict=True)
    )
    return survivors, capped


@marks_projection
def _death(params: Params, case: _Death) -> dict[str, Any]:
    """Art. 39: 本人工资, 丧葬补助金, 供养亲属抚恤金, 一次性工亡补助金 — each on its own."""
    at = params.at(case.died)
    refusals: _Refusals = []
    own = _attempt(at, refusals, "own_wage", lambda: own_wage_rule(params.at(case.injured), case.avg, case.city))
    funeral = _attempt(at, refusals, "funeral_grant", lambda: funeral_grant(at, case.city))
    survivors: tuple[SurvivorPension, ...] = ()
    capped, total = False, None
    if own is not None:
        total = _attempt(
            at, refusals, "survivor_monthly", lambda: survivor_pensions(at, case.dependents, own, case.avg)
        )
        if total is not None:
            survivors, capped = _survivors(at, case, own)
    else:
        _refuse(at, refusals, "survivor_monthly", text("reason", "needs_own_wage"), None, None)
    grant = None
    if case.during_paid_leave:
        grant = _attempt(at, refusals, "death_grant", lambda: death_grant(at))
    else:
        death_grant_not_due(at, case.grade)
    if funeral is None and total is None and grant is None:
        raise refusal(refusals, case.died)
    paid = (("funeral_grant", funeral, Y), ("survivor_monthly", total, M), ("death_grant", grant, Y))
    return {
        "died_on": case.died,
        "injured_on": case.injured,
        "during_paid_leave": case.during_paid_leave,
        "grade": case.grade,
        "own_wage": own,
        "funeral_grant": funeral,
        "survivor_monthly": total,
        "survivors": survivors,
        "survivors_capped": capped,
        "death_grant": grant,
        "items": tuple(item(i, a, u, Payer.FUND) for i, a, u in paid if a is not None),
        "not_covered": tuple(u for u, _ in refusals),
        "provisional": _provisional(params),
    }


@accepts_input
@public
def death_benefits(
    died_on: date | str,
    avg_wage_12m: Decimal | int | float | str,
    dependents: Sequence[Dependent | str] = (),
    *,
    during_paid_leave: bool = True,
    grade: int | None = None,
    injured_on: date | str | None = None,
    city_average_wages: Mapping[int, Any] | None = None,
    as_of: date | None = None,
    overrides: Mapping[str, Any] | None = None,
    project: bool = False,
    assumptions: AssumptionsArg = None,
) -> DeathBenefits:
    """Benefits after a work-related death (工亡, 条例 art. 39), all paid by the fund.

    - 丧葬补助金: 6 months of the pooling area's average wage of the year before the death.
    - 供养亲属抚恤金 per dependent (``"spouse"`` 40%, ``"relative"`` 30%, ``"orphan"`` and
      ``"lone_elderly"`` 30% + 10%) of the deceased's 本人工资; the total is capped at the wage
      before death (``avg_wage_12m``, not clamped; 条例 art. 39 (二)).
    - 一次性工亡补助金: 20 × the national urban per-capita disposable income of the year before
      the death; before that figure is published (per ``as_of``) the previous one is used,
      provisionally.

    ``during_paid_leave=True`` (default): died in the accident or during the 停工留薪期 — all
    three. ``False``: a grade 1-4 worker (``grade``) who died after the paid leave — the first
    two only. ``injured_on`` (default ``died_on``) dates the 本人工资.

    Each item is computed on its own: one that needs a figure the tables lack (e.g. the funeral
    grant before 2019-07 needs Jiangmen's average wage, ``city_average_wages``) has amount None
    and is listed in ``not_covered`` with its reason (and a warning ``item_not_covered``); the
    others are still given. :class:`NotCovered` only when no item can be computed.
    """
    died, avg, deps, injured, g = inputs.death_inputs(
        died_on, avg_wage_12m, dependents, during_paid_leave, grade, injured_on
    )
    city = inputs.city_wages(city_average_wages)
    case = _Death(died, avg, tuple(deps), injured, g, during_paid_leave, city)
    return evaluate(
        DeathBenefits, _death, case, as_of=as_of, overrides=overrides, assumptions=future(project, assumptions)
    )


# ---------------------------------------------------------------------------------------------
# Contribution


@marks_projection
def _contribution(
    params: Params, payroll: Decimal, cls: int, day: date, factor: Decimal | None, rates: str
) -> dict[str, Any]:
    at = params.at(day)
    floating = _ONE if factor is None else factor
    rate = contribution_rate(at, cls, floating, factor is not None, rates)
    amount = contribution(at, payroll, rate)
    with untraced():
        base = industry_base_rate(at, cls, rates)
    return {
        "on": day,
        "industry_class": cls,
        "rates": rates,
        "payroll": payroll,
        "base_rate": base,
        "floating_factor": floating,
        "rate": rate,
        "contribution": amount,
    }


@accepts_input
@public
def injury_contribution(
    payroll: Decimal | int | float | str,
    industry_class: int,
    on: date | YearMonth | str,
    floating_factor: Decimal | int | float | str | None = None,
    *,
    rates: str = "guangdong",
    as_of: date | None = None,
    overrides: Mapping[str, Any] | None = None,
    project: bool = False,
    assumptions: AssumptionsArg = None,
) -> InjuryContribution:
    """The employer's work-injury contribution: payroll × base rate of the class × floating factor.

    ``industry_class`` 1-8 (人社部发〔2015〕71号). ``rates="guangdong"`` (default: 粤人社规〔2021〕4号,
    from 2021-05-01, applied by Jiangmen directly) or ``"national"`` (from 2015-10-01).
    ``floating_factor`` (e.g. ``0.8``, ``1.2``): none province-wide was found, so it is the
    caller's; it must lie inside the national bands (assumed). Workers pay nothing.
    """
    pay = to_decimal(payroll, "payroll", non_negative=True)
    cls = inputs.whole(industry_class, "industry_class", inputs.CLASSES, "行业类别", "industry class")
    day = inputs.day(on, "on")
    check(
        isinstance(rates, str) and rates in RATE_TABLES,  # not hashed first: a list or sNaN is refused too
        "rates",
        "费率表应为 guangdong（广东）或 national（全国）",
        "rates must be 'guangdong' or 'national'",
    )
    factor = None if floating_factor is None else to_decimal(floating_factor, "floating_factor", non_negative=True)
    return evaluate(
        InjuryContribution, _contribution, pay, cls, day, factor, rates,
        as_of=as_of, overrides=overrides, assumptions=future(project, assumptions),
    )  # fmt: skip
