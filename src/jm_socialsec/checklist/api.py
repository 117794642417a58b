"""The entry point (一件事办理清单): validate, run the rules in order, return the checklist.

Order of the rules: the retirement month (the retirement area), the minimum years, the
special-type notice period (a special-type claim only), the 职工医保 check at the retirement
month, the due date; then the six items (3 first: item 1 notes a history under review), their
dependencies and the processing order. The words are filled from the catalogue
(:mod:`.words`); the explanation's lines and warnings are built by the engine when read.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from typing import Any

from ..engine.api import check, field_value, public
from ..engine.errors import BadValue
from ..engine.evaluate import evaluate
from ..engine.months import YearMonth
from ..engine.params import At, Params
from ..engine.trace import current, untraced
from ..engine.types import to_day
from ..inputs.base import accepts_input
from ..inputs.projection import AssumptionsArg, future, marks_projection
from ..retirement import RetirementChoice
from .due_date import due_date, due_date_is_estimate, holiday_schedule_through, time_limit
from .eligibility import (
    min_years_met,
    minimum_years_shortfall,
    resolve_quietly,
    retirement_month,
    special_publicity_days,
)
from .items import (
    Case,
    depends_on,
    history_review,
    housing_fund,
    medical_benefits,
    one_child_reward,
    pension_claim,
    processing_order,
    special_type,
)
from .medical import medical_check
from .profile import RetireeProfile
from .result import ChecklistItem, RetirementChecklist
from .words import case_values, checklist_item, option

_OPTIONS = ("extend", "lump_sum", "residents_scheme")


def _apply_on(value: Any) -> date:
    """The application day by the shared converter (``datetime`` → its date, ISO text), in these words."""
    try:
        return to_day(value)
    except BadValue as e:
        if e.reason == "out_of_range":
            raise
    raise BadValue("应为日期（YYYY-MM-DD）", "must be a date (YYYY-MM-DD)", reason="not_a_date")


def _profile(profile: Any) -> RetireeProfile:
    if isinstance(profile, RetireeProfile):
        return profile
    check(
        isinstance(profile, Mapping),
        "profile",
        "应为 RetireeProfile 或字段映射",
        "must be a RetireeProfile or a mapping",
    )
    return RetireeProfile(**{str(k): v for k, v in profile.items()})


def _case(params: Params, at: At, person: RetireeProfile, day: date) -> tuple[Case, dict[str, Any]]:
    """The retirement month, the minimum years, the notice period and the 职工医保 check."""
    r = resolve_quietly(params, person)
    month = retirement_month(at, person.birth, person.category, person.choice, r)
    met = min_years_met(at, person.contribution_months, r.min_years, r)
    shortfall = 0 if met else minimum_years_shortfall(at, person.contribution_months, r.min_years)
    medical = None
    if person.employee_medical:
        medical = medical_check(
            params.at(month), person.category.sex, person.medical_months, person.medical_local_months
        )
    case = Case(person, day, r.choice, month, r.age, r.min_years, met, shortfall, medical)
    fields = {
        "choice": r.choice,
        "retirement_month": month,
        "retirement_age": r.age,
        "statutory_month": r.statutory_month,
        "benefit_start": month + 1,
        "min_contribution_years": r.min_years,
        "min_years_met": met,
        "shortfall_months": shortfall,
        "shortfall_options": () if met else tuple(option(code) for code in _OPTIONS),
        "medical": medical,
    }
    return case, fields


def _special(at: At, c: Case) -> Case:
    """For a special-type claim: the public-notice period, the earliest month, the years required."""
    p = c.person
    if c.choice is not RetirementChoice.SPECIAL or p.special_type is None:
        return c
    publicity = special_publicity_days(at)
    earliest, required = special_type.special_type_requirement(at, p.birth, p.category, p.special_type)
    return replace(c, special_earliest=earliest, special_required_years=required, publicity_days=publicity)


def _due(at: At, day: date) -> dict[str, Any]:
    """The due date, the working days counted, the schedule known, and whether it is an estimate."""
    due = due_date(at, day)
    through = holiday_schedule_through(at)
    return {
        "working_days": time_limit(at),
        "due_date": due,
        "due_date_estimate": due_date_is_estimate(at, due, through),
        "holiday_schedule_through": through,
    }


def _items(at: At, c: Case) -> dict[str, Any]:
    """The six items in the official order, their dependencies and the processing order."""
    three = history_review.verdict(at, c)
    verdicts = {
        1: pension_claim.verdict(at, c, three.applies),
        2: special_type.verdict(at, c),
        3: three,
        4: housing_fund.verdict(at, c),
        5: medical_benefits.verdict(at, c),
        6: one_child_reward.verdict(at, c),
    }
    applying = frozenset(n for n, v in verdicts.items() if v.applies)
    if current() is not None:
        # The engine's replay for the explanation keeps only the trace (the item rules are in it);
        # the words are not needed there. The first run is never traced (see below).
        return {}
    values = case_values(c)
    items: tuple[ChecklistItem, ...] = tuple(
        checklist_item(n, v, depends_on(at, n, applying), values) for n, v in verdicts.items()
    )
    return {"items": items, "processing_order": processing_order(at, applying)}


@marks_projection
def _compute(params: Params, person: RetireeProfile, day: date) -> dict[str, Any]:
    at = params.at(day)
    case, fields = _case(params, at, person, day)
    due = _due(at, day)
    return {"profile": person, "apply_on": day, **fields, **due, **_items(at, _special(at, case))}


@accepts_input
@public
def retirement_checklist(
    profile: RetireeProfile | Mapping[str, Any],
    apply_on: date | str,
    *,
    as_of: date | None = None,
    overrides: Mapping[str, Any] | None = None,
    project: bool = False,
    assumptions: AssumptionsArg = None,
) -> RetirementChecklist:
    """The six-item 企业职工退休"一件事" checklist for one person applying on ``apply_on``.

    Returns all six items in the official order, each with whether it applies and why, the
    documents to bring, the open preconditions and the items to finish first; the retirement
    month; whether the minimum contribution years are met (if not, the shortfall and the options,
    and item 1 does not apply); and ``due_date``, 19 working days after ``apply_on`` (an estimate
    when that year's holiday schedule was not yet published on ``as_of``).

    A retirement choice the rules do not allow (flexible early below the original age or without
    the minimum years, special type without enough years) is an :class:`InputError` naming the
    field. ``overrides`` replace table values (e.g. ``{"medical.retirement_min_years": {"male": 25,
    "female": 20}}``); every override is reported.
    """
    person = _profile(profile)
    day = field_value(apply_on, "apply_on", _apply_on)
    params = Params(as_of, overrides)  # validates as_of and the overrides
    future_figures = future(project, assumptions)
    check(
        person.birth <= YearMonth.of(params.as_of),
        "birth",
        f"出生年月 {person.birth} 晚于今天（{params.as_of}）",
        f"birth month {person.birth} is after the as_of date {params.as_of}",
    )
    check(
        person.birth < YearMonth.of(day),
        "apply_on",
        f"申请日期 {day} 早于出生年月",
        f"the application date {day} is before the birth month",
    )
    with untraced():  # a nested checklist stays a value, and tracing in _compute means a replay
        return evaluate(
            RetirementChecklist, _compute, person, day,
            as_of=params.as_of, overrides=overrides, assumptions=future_figures,
        )  # fmt: skip
