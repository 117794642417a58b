"""``plan_retirement``: every retirement month a person may choose, side by side (退休规划).

The person's state today (as :func:`~jm_socialsec.pension.estimate_pension` takes it, with the
balance and months as of today instead of at retirement) and :class:`PlanAssumptions` give a
month-by-month path (:mod:`.path`); each candidate month (:mod:`.candidates`) is estimated by
``estimate_pension`` on the path's inputs at that month — amounts only, no explanation built —
and compared with the statutory one: the difference, and the months until the later choice
catches up in cumulative pension.

The planner projects by default (``project=True``): figures not yet published are grown under
the assumptions and every row resting on one is marked ``projected``; ``project=False`` refuses
them with the hint how to ask.

Bad input: a projection start before the person's minimum working age (16, labour tables) or after
the statutory month is refused naming ``assumptions.start`` (``as_of`` when the start is its month);
a balance today with no contribution month that has an account is refused (``account_balance``);
a balance above what contributing at today's ceiling for every such month could deposit, before
interest, is a warning (``balance_implausible``), not an error: interest, transfers from other
schemes and the old 11% account rate are not modelled, so no bound here is certain.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from pydantic import ValidationError

from ..engine.api import check, field_value, input_error, months_count, public
from ..engine.errors import InputError
from ..engine.explain import Notice, notices_for
from ..engine.money import to_decimal
from ..engine.months import YearMonth
from ..engine.params import Params
from ..engine.projection import Assumptions
from ..engine.regions import Region
from ..pension import PensionEstimate, estimate_pension
from ..retirement import Category, SpecialWorkType, statutory_month
from .assumptions import Gap, PlanAssumptions, default_value, plan_assumptions, shown
from .candidates import Candidate, Kind, Special, WhatIf, candidates
from .path import Contributions, Path, PlanParams, Point, Today, project_path
from .result import PlanRow, RetirementPlan
from .rows import compared, row_of, top_up

_YEAR = 12  # months in a year (structural)


@dataclass(frozen=True)
class Person:
    """What estimate_pension needs besides the projected months, index and balance."""

    birth: YearMonth
    category: Category
    region: Region
    special: Special
    deemed: dict[str, Any]


@dataclass
class Run:
    """One plan's shared state: the parameters, the person, the assumptions, the estimate keywords."""

    params: Params
    person: Person
    a: PlanAssumptions
    today: Today
    keywords: dict[str, Any]
    notices: list[Notice]
    #: The month's contribution under an index assumption (None: the plan's), shared by paths.
    contributions: dict[Decimal | None, Contributions] = field(default_factory=dict)

    def contributing(self, index: Decimal | None) -> Contributions:
        found = self.contributions.get(index)
        if found is None:
            a = self.a if index is None else self.a.model_copy(update={"index": index})
            found = self.contributions[index] = Contributions(self.params, a, self.today.index)
        return found


def _today(
    params: Params, a: PlanAssumptions, birth: YearMonth, months: int, index: Decimal, balance: Decimal
) -> Today:
    start = a.start or YearMonth.of(params.as_of)
    field = "assumptions.start" if a.start is not None else "as_of"
    youngest = int(params.value("labour.minimum_working_age", params.as_of))
    check(
        start >= birth.add_years(youngest),
        field,
        f"推算起点 {start} 早于 {youngest} 周岁（{birth.add_years(youngest)}）",
        f"the projection start {start} is before age {youngest} ({birth.add_years(youngest)})",
    )
    return Today(birth, start, months, index, balance)


def _check_start(today: Today, a: PlanAssumptions, statutory: YearMonth) -> None:
    check(
        today.start <= statutory,
        "assumptions.start" if a.start is not None else "as_of",
        f"推算起点 {today.start} 晚于法定退休年月 {statutory}",
        f"the projection start {today.start} is after the statutory retirement month {statutory}",
    )


def _balance_check(params: Params, today: Today, deemed_months: int) -> list[Notice]:
    """A balance contributions could not have produced: an error, or a warning (see the module)."""
    account_months = today.months - deemed_months
    check(
        account_months > 0 or today.balance == 0,
        "account_balance",
        "没有个人账户缴费月数（缴费月数均为视同缴费），个人账户储存额应为 0",
        "no contribution month with an account (all months are deemed): the balance must be 0",
    )
    at = params.at(today.start)
    most = account_months * at("pension.contribution.base_upper") * at("pension.contribution.employee_rate")
    if today.balance <= most:
        return []
    return [
        Notice(
            code="balance_implausible",
            param="account_balance",
            zh=f"个人账户储存额 {today.balance} 高于 {account_months} 个月均按当前缴费基数上限缴费可存入的 {most}"
            "（未计利息）：请核对",
            en=f"the account balance {today.balance} exceeds the {most} that {account_months} months at today's "
            "contribution ceiling could deposit (before interest): please check it",
        )
    ]


def _estimate(run: Run, c: Candidate, point: Point) -> PensionEstimate:
    p = run.person
    return estimate_pension(
        contribution_months=point.months,
        average_index=point.index,
        account_balance=point.balance,
        birth=p.birth,
        category=p.category,
        choice=c.choice,
        retirement_month=c.month,  # the month the rules give (statutory, special) or the one chosen
        special_type=p.special.work_type,
        special_years=p.special.years,
        region=p.region,
        **p.deemed,
        **run.keywords,
    )


def _path_for(run: Run, c: Candidate, until: YearMonth, paths: dict[WhatIf | None, Path]) -> Path:
    w = c.what_if
    if w not in paths:
        assert w is not None
        gaps = (*run.a.gaps, Gap(months=w.gap_months))  # a gap of 0 months is none
        changed = run.a.model_copy(update={"gaps": gaps})
        paths[w] = project_path(run.contributing(w.index), run.today, changed, until)
    return paths[w]


def _row(run: Run, c: Candidate, path: Path) -> PlanRow | None:
    point = path.at(c.month)
    try:
        estimate = _estimate(run, c, point)
    except InputError as e:
        if c.kind is Kind.FLEXIBLE_EARLY and e.field == "retirement_month":
            return None  # the minimum years are not met at that month: not an allowed choice
        raise
    topped = 0
    if c.what_if is not None and c.what_if.top_up and not estimate.eligible:
        point, topped = top_up(run.contributing(c.what_if.index), point, estimate.missing_months)
        estimate = _estimate(run, c, point)
    run.notices.extend(estimate.warnings)
    return row_of(c, point, estimate, topped)


def _rows(run: Run, found: list[Candidate]) -> list[PlanRow]:
    until = max(c.month for c in found)
    paths: dict[WhatIf | None, Path] = {None: project_path(run.contributing(None), run.today, run.a, until)}
    rows = []
    for c in found:
        row = _row(run, c, _path_for(run, c, until, paths))
        if row is not None:
            rows.append(row)
    run.notices.extend(notices_for(run.params.used))
    return rows


#: Warnings shown first: the planner's own, then what changes the answer; unconfirmed figures last.
_RANK = {"balance_implausible": 0, "projected": 1, "provisional": 1, "override": 1}
_LAST = ("status_secondary", "status_assumed", "not_reverified")


def _unique(notices: Sequence[Notice]) -> tuple[Notice, ...]:
    """Each warning once (an unconfirmed figure once per parameter), the important ones first."""
    seen: dict[tuple[str, str], Notice] = {}
    for n in notices:
        seen.setdefault((n.code, (n.param or n.zh) if n.code in _LAST else n.zh), n)
    return tuple(sorted(seen.values(), key=lambda n: _RANK.get(n.code, 3 if n.code in _LAST else 2)))


@public
def plan_retirement(
    *,
    birth: YearMonth | date | str,
    category: Category | str,
    contribution_months: int,
    average_index: Decimal | float | str,
    account_balance: Decimal | int | float | str,
    region: Region | str = Region.JIANGMEN,
    special_type: SpecialWorkType | str | None = None,
    special_years: Decimal | int | float | str | None = None,
    deemed_months: int = 0,
    deemed_account: Decimal | int | float | str = 0,
    weighted_deemed_years: Decimal | int | float | str | None = None,
    deemed_months_before_1994: int | None = None,
    index_sum_1994_1998: Decimal | int | float | str | None = None,
    what_ifs: Sequence[WhatIf | Mapping[str, Any]] = (),
    as_of: date | None = None,
    overrides: Mapping[str, Any] | None = None,
    project: bool = True,
    assumptions: PlanAssumptions | Assumptions | Mapping[str, Any] | None = None,
) -> RetirementPlan:
    """Every retirement month the rules allow this person, estimated on the projected path.

    ``contribution_months``, ``average_index`` and ``account_balance`` are the state today (at the
    start of the projection: ``assumptions.start``, default the month of ``as_of``). The deemed-time
    keywords are as for :func:`~jm_socialsec.pension.estimate_pension`. ``what_ifs``: variants to
    add (:class:`WhatIf`: another index, a gap, a lump-sum top-up). ``assumptions``: the figures'
    growth (as for any estimate) and the person's future (:class:`PlanAssumptions`), each default
    shown in the result. ``project=False``: refuse any figure not yet published.
    """
    a = plan_assumptions(assumptions)
    params = PlanParams(as_of, overrides, a if project else None)
    person, today = _person_today(
        params, a, birth, category, region, special_type, special_years, contribution_months, average_index,
        account_balance,
        {"deemed_months": deemed_months, "deemed_account": deemed_account,
         "weighted_deemed_years": weighted_deemed_years, "deemed_months_before_1994": deemed_months_before_1994,
         "index_sum_1994_1998": index_sum_1994_1998},
    )  # fmt: skip
    keywords = {"as_of": params.as_of, "overrides": overrides, "project": project,
                "assumptions": a.figures() if project else None}  # fmt: skip
    deemed = months_count(deemed_months, "deemed_months")
    run = Run(params, person, a, today, keywords, _balance_check(params, today, deemed))
    whats = _what_ifs(what_ifs)
    found = candidates(params, person.birth, person.category, today.start, person.special, whats)
    _check_start(today, a, _statutory(run))
    rows = compared(_rows(run, found), person.birth.add_years(int(a.horizon_age or default_value("horizon_age"))))
    return _plan(run, rows, project)


def _what_ifs(given: Any) -> tuple[WhatIf, ...]:
    """The what-ifs: a list (or tuple) of :class:`WhatIf` or mappings, errors naming ``what_ifs``."""
    check(
        isinstance(given, Sequence) and not isinstance(given, str | bytes),
        "what_ifs",
        "应为列表（每项为 WhatIf 或 {字段: 值} 映射）",
        "must be a list (each a WhatIf or a mapping {field: value})",
    )
    return tuple(_what_if(n, w) for n, w in enumerate(given))


def _what_if(n: int, given: WhatIf | Mapping[str, Any]) -> WhatIf:
    """A what-if as given, or read from a mapping (errors name ``what_ifs[n].<field>``)."""
    if isinstance(given, WhatIf):
        return given
    check(
        isinstance(given, Mapping),
        f"what_ifs[{n}]",
        "应为 WhatIf 或 {字段: 值} 映射",
        "must be a WhatIf or a mapping {field: value}",
    )
    try:
        return WhatIf.model_validate(dict(given))
    except (ValidationError, TypeError, ValueError) as e:
        found = input_error(e).errors if isinstance(e, ValidationError) else (InputError("value", str(e), str(e)),)
        raise InputError.combine([InputError(f"what_ifs[{n}].{p.field}", p.why_zh, p.why_en) for p in found]) from None


def _statutory(run: Run) -> YearMonth:
    return statutory_month(run.params, run.person.birth, run.person.category)[2]


def _plan(run: Run, rows: list[PlanRow], project: bool) -> RetirementPlan:
    p, a = run.person, run.a
    return RetirementPlan(
        as_of=run.params.as_of,
        birth=p.birth,
        category=p.category,
        region=p.region,
        start=run.today.start,
        contribution_months=run.today.months,
        average_index=run.today.index,
        account_balance=run.today.balance,
        statutory_month=_statutory(run),
        horizon=p.birth.add_years(int(a.horizon_age or default_value("horizon_age"))),
        projecting=project,
        rows=tuple(rows),
        assumptions=shown(a, run.today.index),
        warnings=_unique(run.notices),
    )


def _person_today(
    params: Params,
    a: PlanAssumptions,
    birth: Any,
    category: Any,
    region: Any,
    special_type: Any,
    special_years: Any,
    months: Any,
    index: Any,
    balance: Any,
    deemed: dict[str, Any],
) -> tuple[Person, Today]:
    """The validated person and state today (bilingual errors naming the keyword)."""
    born = field_value(birth, "birth", YearMonth.of)
    check(born <= YearMonth.of(params.as_of), "birth", "出生年月晚于知悉日期", "birth month is after the as_of date")
    idx = to_decimal(index, "average_index")
    check(idx > 0, "average_index", "平均缴费指数应大于0", "the average index must be above 0")
    special = Special(
        None if special_type is None else SpecialWorkType.parse(special_type, "special_type"),
        None if special_years is None else to_decimal(special_years, "special_years", non_negative=True),
    )
    person = Person(born, Category.parse(category), Region.parse(region), special, deemed)
    money = to_decimal(balance, "account_balance", non_negative=True)
    return person, _today(params, a, born, months_count(months, "contribution_months"), idx, money)


__all__ = ["PlanAssumptions", "RetirementPlan", "WhatIf", "plan_retirement"]
