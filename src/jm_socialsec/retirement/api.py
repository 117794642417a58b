"""The retirement functions and their results: validate, then run the rules (evaluate).

Each public function checks its input (bilingual :class:`InputError` naming the field) and
returns ``evaluate(Result, compute, ...)``: the compute functions below call the rules of
:mod:`.age`, :mod:`.flexible`, :mod:`.special`, :mod:`.choice`, :mod:`.contribution_years` and
:mod:`.illness` in legal order and return the result's fields; steps and warnings are built
from the trace and ``retirement/texts.toml`` only when read.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any, ClassVar

from ..engine.api import check, field_value, public
from ..engine.errors import InputError
from ..engine.evaluate import build, evaluate, explain
from ..engine.explain import Explained
from ..engine.limits import EARLIEST_YEAR, LATEST_YEAR
from ..engine.money import to_decimal
from ..engine.months import Age, YearMonth
from ..engine.params import Params
from ..engine.tables import Unit
from ..engine.texts import catalogue, pair
from ..engine.trace import memo
from ..engine.types import to_months
from ..inputs.base import accepts_input
from ..inputs.projection import AssumptionsArg, future, marks_projection
from .age import benefit_start, retirement_age, statutory_month
from .choice import resolution
from .contribution_years import min_years
from .flexible import window
from .illness import illness_allowance_until
from .kinds import Category, RetirementChoice, SpecialWorkType
from .special import required_special_years, special_month, special_years_qualify


def _birth(value: Any) -> YearMonth:
    return field_value(value, "birth", YearMonth.of)


def _born_by(params: Params, birth: YearMonth) -> None:
    """The birth month is not after the day of knowledge (checked once ``as_of`` is resolved)."""
    check(
        birth <= YearMonth.of(params.as_of),
        "birth",
        f"出生年月 {birth} 晚于今天（{params.as_of}）",
        f"birth month {birth} is after the as_of date {params.as_of}",
    )


# ---------------------------------------------------------------------------------------------
# Statutory retirement age


class RetirementAge(Explained):
    """The statutory retirement month of a person, with the flexible window."""

    title_zh: ClassVar[str] = "法定退休年龄测算"
    title_en: ClassVar[str] = "Statutory retirement age"
    headline: ClassVar[tuple[tuple[str, str, str], ...]] = (
        ("year_month", "法定退休年月", "statutory retirement month"),
        ("age", "法定退休年龄", "statutory retirement age"),
        ("delay_months", "延迟月数", "months of delay"),
        ("benefit_start", "待遇起始月", "benefits start"),
        ("flexible_earliest", "弹性提前最早", "earliest flexible-early month"),
        ("flexible_latest", "弹性延迟最晚", "latest flexible-late month"),
    )

    birth: YearMonth
    category: Category
    original_age: Age
    delay_months: int
    age: Age
    year_month: YearMonth
    benefit_start: YearMonth
    #: Earliest flexible-early month: never below the original age, at most 36 months early, and
    #: only if the minimum contribution years are met at that month.
    flexible_earliest: YearMonth | None
    #: Latest flexible-late month: 36 months after the statutory month, with the employer's agreement.
    #: Both None when the statutory month precedes the reform (no flexible retirement then).
    flexible_latest: YearMonth | None
    #: Whether a figure was projected (never, today: no retirement rule reads a per-period figure).
    projected: bool = False


@marks_projection
def _statutory(params: Params, birth: YearMonth, category: Category) -> dict[str, Any]:
    """Original age, delay, statutory month, flexible window."""
    _born_by(params, birth)
    original, delay, month = statutory_month(params, birth, category)
    w = window(params, birth, original.years, month)
    at = params.at(month)
    return {
        "birth": birth,
        "category": category,
        "original_age": original,
        "delay_months": delay,
        "age": retirement_age(at, birth, month),
        "year_month": month,
        "benefit_start": benefit_start(at, month),
        "flexible_earliest": None if w is None else w.earliest,
        "flexible_latest": None if w is None else w.latest,
    }


@accepts_input
@public
def statutory_retirement(
    birth: date | YearMonth | str,
    category: Category | str,
    *,
    as_of: date | None = None,
    overrides: Mapping[str, Any] | None = None,
    project: bool = False,
    assumptions: AssumptionsArg = None,
) -> RetirementAge:
    """The statutory retirement month and age (法定退休年龄) for a birth month and category.

    ``category``: ``"male"``, ``"female_55"`` (女干部, original 55) or ``"female_50"`` (女工人,
    original 50). Month-exact against annexes 1-3 of the 国务院办法.
    """
    cat = Category.parse(category)
    return evaluate(
        RetirementAge, _statutory, _birth(birth), cat,
        as_of=as_of, overrides=overrides, assumptions=future(project, assumptions),
    )  # fmt: skip


@accepts_input
@public
def min_contribution_years(year: int, *, as_of: date | None = None) -> Decimal:
    """最低缴费年限 for a retirement in calendar ``year``: 15 up to 2029, +0.5 a year, 20 from 2039."""
    check(isinstance(year, int) and not isinstance(year, bool), "year", "应为年份（整数）", "must be a whole year")
    check(
        EARLIEST_YEAR <= year <= LATEST_YEAR,
        "year",
        f"应在 {EARLIEST_YEAR}–{LATEST_YEAR} 年之间（本库的合理范围）",
        f"must be within the years {EARLIEST_YEAR}-{LATEST_YEAR} (the library's sanity limits)",
    )
    return min_years(Params(as_of), YearMonth(year, 1))


# ---------------------------------------------------------------------------------------------
# Special types of work (特殊工种)


class SpecialRetirement(Explained):
    """Special-type early retirement: the earliest month, the years required, whether they qualify."""

    title_zh: ClassVar[str] = "特殊工种提前退休测算"
    title_en: ClassVar[str] = "Special-type early retirement"
    headline: ClassVar[tuple[tuple[str, str, str], ...]] = (
        ("earliest_month", "最早可退休年月", "earliest retirement month"),
        ("age", "特殊工种退休年龄", "special-type retirement age"),
        ("required_years", "要求的累计年限", "years required"),
        ("qualifies", "年限是否满足", "years qualify"),
    )
    units: ClassVar[dict[str, Unit]] = {"required_years": Unit.YEARS}

    birth: YearMonth
    category: Category
    work_type: SpecialWorkType
    years_in_type: Decimal
    required_years: Decimal
    qualifies: bool
    delay_months: int
    age: Age
    earliest_month: YearMonth
    statutory_month: YearMonth
    #: Always True: the job type must be proven from the original file, the person must be in the
    #: national special-type register, and the case is published (公示) before approval.
    needs_approval: bool = True
    #: Whether a figure was projected (never, today: no retirement rule reads a per-period figure).
    projected: bool = False


@marks_projection
def _special(
    params: Params, birth: YearMonth, category: Category, kind: SpecialWorkType, years: Decimal
) -> dict[str, Any]:
    """Special age and earliest month, the statutory month, the years required and met."""
    _born_by(params, birth)
    _, delay, earliest = special_month(params, birth, category)
    _, _, statutory = statutory_month(params, birth, category)
    at = params.at(earliest)
    return {
        "birth": birth,
        "category": category,
        "work_type": kind,
        "years_in_type": years,
        "required_years": required_special_years(at, kind),
        "qualifies": special_years_qualify(at, kind, years),
        "delay_months": delay,
        "age": retirement_age(at, birth, earliest),
        "earliest_month": earliest,
        "statutory_month": statutory,
        "needs_approval": True,
    }


@accepts_input
@public
def special_retirement(
    birth: date | YearMonth | str,
    category: Category | str,
    work_type: SpecialWorkType | str,
    years_in_type: Decimal | int | float | str,
    *,
    as_of: date | None = None,
    overrides: Mapping[str, Any] | None = None,
    project: bool = False,
    assumptions: AssumptionsArg = None,
) -> SpecialRetirement:
    """Special-type early retirement (特殊工种提前退休): age, years required and whether they qualify.

    The ages after the reform are secondary (a city reply and three determination sheets); the
    years required are secondary restatements. Approval needs the original personnel file, the
    national register and a public notice: this estimate never replaces that.
    """
    cat = Category.parse(category)
    kind = SpecialWorkType.parse(work_type, "work_type")
    years = to_decimal(years_in_type, "years_in_type", non_negative=True)
    return evaluate(
        SpecialRetirement, _special, _birth(birth), cat, kind, years,
        as_of=as_of, overrides=overrides, assumptions=future(project, assumptions),
    )  # fmt: skip


# ---------------------------------------------------------------------------------------------
# The person's choice (退休方式) resolved to a retirement month


class ResolvedRetirement(Explained):
    """The retirement month and age a choice leads to, and what it requires."""

    title_zh: ClassVar[str] = "退休时间"
    title_en: ClassVar[str] = "Retirement month"

    choice: RetirementChoice
    month: YearMonth
    age: Age
    statutory_month: YearMonth
    min_years: Decimal
    #: True when the choice needs the employer's written agreement (flexible late).
    needs_employer_agreement: bool = False
    #: True when the choice needs an approval procedure (special type).
    needs_approval: bool = False
    #: Whether a figure was projected (never, today: no retirement rule reads a per-period figure).
    projected: bool = False


@memo
def resolve(
    params: Params,
    birth: YearMonth,
    category: Category,
    choice: RetirementChoice,
    month: YearMonth | None = None,
    contribution_months: int | None = None,
    work_type: SpecialWorkType | None = None,
    years_in_type: Decimal | None = None,
) -> ResolvedRetirement:
    """Check a retirement choice against the rules and return its month (the rules, for reuse).

    Runs in the caller's calculation (its ``params``, its trace); the result's steps are built
    only if read. Raises :class:`InputError` naming ``retirement_month`` (or the special-type
    fields) when the rules do not allow the choice for this person.
    """
    args = (birth, category, choice, month, contribution_months, work_type, years_in_type)
    fields = {**resolution(params, *args), "as_of": params.as_of}
    result = build(
        ResolvedRetirement, fields, functools.partial(explain, resolution, args, params.as_of, params.overrides)
    )
    return result


@marks_projection
def _resolved(params: Params, birth: YearMonth, *rest: Any) -> dict[str, Any]:
    _born_by(params, birth)
    return resolution(params, birth, *rest)


@accepts_input
@public
def retirement_month(
    birth: date | YearMonth | str,
    category: Category | str,
    choice: RetirementChoice | str = RetirementChoice.STATUTORY,
    month: date | YearMonth | str | None = None,
    *,
    contribution_months: int | None = None,
    work_type: SpecialWorkType | str | None = None,
    years_in_type: Decimal | int | float | str | None = None,
    as_of: date | None = None,
    overrides: Mapping[str, Any] | None = None,
    project: bool = False,
    assumptions: AssumptionsArg = None,
) -> ResolvedRetirement:
    """The retirement month and age for a choice (statutory, flexible early/late, special type),
    refusing a choice the rules do not allow for this person (bilingual :class:`InputError`)."""
    args = (
        _birth(birth),
        Category.parse(category),
        RetirementChoice.parse(choice),
        None if month is None else field_value(month, "month", YearMonth.of),
        None if contribution_months is None else field_value(contribution_months, "contribution_months", to_months),
        None if work_type is None else SpecialWorkType.parse(work_type, "work_type"),
        None if years_in_type is None else to_decimal(years_in_type, "years_in_type", non_negative=True),
    )
    try:
        return evaluate(
            ResolvedRetirement, _resolved, *args,
            as_of=as_of, overrides=overrides, assumptions=future(project, assumptions),
        )  # fmt: skip
    except InputError as refused:
        raise _in_own_words(refused) from None


#: The rules of the choice (:mod:`.choice`) name the fields of ``estimate_pension`` and the
#: checklist's profile; ``retirement_month`` has its own keywords for the same values.
_OWN_KEYWORDS = {"retirement_month": "month", "special_type": "work_type", "special_years": "years_in_type"}


def _in_own_words(refused: InputError) -> InputError:
    """``refused`` with each field named by ``retirement_month``'s own keyword (words and reasons kept)."""
    if not any(e.field in _OWN_KEYWORDS for e in refused.errors):
        return refused
    return InputError.combine(
        [InputError(_OWN_KEYWORDS.get(e.field, e.field), e.why_zh, e.why_en, reason=e.reason) for e in refused.errors]
    )


# ---------------------------------------------------------------------------------------------
# Illness or non-work disability before the statutory age (病残津贴)


class IllnessRoute(Explained):
    """What applies to a person who loses the ability to work before the statutory age."""

    title_zh: ClassVar[str] = "因病或非因工致残：病残津贴"
    title_en: ClassVar[str] = "Illness or non-work disability: the 病残津贴 route"
    headline: ClassVar[tuple[tuple[str, str, str], ...]] = (
        ("statutory_month", "法定退休年月", "statutory retirement month"),
        ("route_zh", "办理途径", "route"),
    )

    statutory_month: YearMonth
    route_zh: str
    route_en: str
    #: Always None: the 病残津贴 formula was not collected; the library computes no amount.
    amount: None = None


def _illness(params: Params, birth: YearMonth, category: Category) -> dict[str, Any]:
    """The statutory month, and the route in words from the catalogue (no amount)."""
    _born_by(params, birth)
    _, _, month = statutory_month(params, birth, category)
    route_zh, route_en = pair(catalogue("retirement")["illness_allowance_until"], "route")
    return {
        "statutory_month": illness_allowance_until(params.at(month), month),
        "route_zh": route_zh,
        "route_en": route_en,
        "amount": None,
    }


@public
def illness_route(
    birth: date | YearMonth | str,
    category: Category | str,
    *,
    as_of: date | None = None,
) -> IllnessRoute:
    """The route for complete loss of working ability before the statutory age, without an amount.

    From 2025 early retirement for illness is replaced by 病残津贴 (企业职工基本养老保险病残津贴暂行办法)
    until the statutory age, then the pension. The formula was not collected: no amount is computed.
    """
    cat = Category.parse(category)
    return evaluate(IllnessRoute, _illness, _birth(birth), cat, as_of=as_of)
