"""The pension estimate (基本养老金测算): the 核定表 lines in the sheet's order.

:func:`estimate_pension` validates its input and hands :func:`_compute` to the engine, which
calls the rules of :mod:`.eligibility`, :mod:`.basic`, :mod:`.account` and :mod:`.transitional`
in the order of the Guangdong 基本养老金核定表 and returns the amounts; the explanation is built
from a traced replay only when someone reads it. Checks that depend on the law in force (the
index ceiling, the retirement choice, the working life since the minimum working age) read dated
figures, so they run inside the calculation, where those figures are cited.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any, ClassVar, NamedTuple

from pydantic import PrivateAttr

from ..engine.api import check, field_value, public, whole_months
from ..engine.errors import InputError
from ..engine.evaluate import evaluate
from ..engine.explain import Explained
from ..engine.money import Money, to_decimal
from ..engine.months import Age, YearMonth
from ..engine.params import At, Params, ParamValue
from ..engine.regions import Region
from ..engine.tables import Unit
from ..engine.trace import rule
from ..inputs.base import accepts_input
from ..inputs.projection import AssumptionsArg, future, marks_projection
from ..retirement import Category, RetirementChoice, SpecialWorkType
from . import account
from .basic import YEAR, M, a_coefficient, basic_pension, calc_base, contribution_years
from .eligibility import Person, cohort, minimum_years_met, shortfall, shortfall_options
from .exact import Ratio
from .transitional import (
    old_method,
    transitional_adjustment,
    transitional_pension,
    transitional_without_deemed,
    weighted_deemed_years,
    years_allowance,
)

_NO_ADJUSTMENT = Decimal("0.00")
_ZERO = Decimal(0)


class PensionCase(NamedTuple):
    """An estimate's inputs as validated (``_compute``'s arguments) and the caller's overrides."""

    args: tuple[Any, ...]
    overrides: Mapping[str, Any] | None


class PensionEstimate(Explained):
    """A Guangdong 基本养老金核定表, line by line, with its steps and warnings."""

    title_zh: ClassVar[str] = "企业职工基本养老金测算"
    title_en: ClassVar[str] = "Enterprise-employee basic pension estimate"
    headline: ClassVar[tuple[tuple[str, str, str], ...]] = (
        ("retirement_month", "退休年月", "retirement month"),
        ("age", "退休年龄", "age at retirement"),
        ("base", "计发基数", "calculation base"),
        ("basic", "基础养老金", "basic pension"),
        ("account", "个人账户养老金", "personal-account pension"),
        ("transitional", "过渡性养老金", "transitional pension"),
        ("adjustment", "过渡性调整额", "transitional adjustment"),
        ("total", "基本养老金合计", "total monthly pension"),
    )
    units: ClassVar[dict[str, Unit]] = dict.fromkeys(
        ("base", "basic", "account", "transitional", "adjustment", "total"), M
    )

    retirement_month: YearMonth
    age: Age
    benefit_start: YearMonth
    region: Region
    contribution_months: int
    contribution_years: Decimal  # months / 12, unrounded
    average_index: Decimal
    min_contribution_years: Decimal
    eligible: bool
    #: Months short of the minimum contribution years (0 when eligible).
    missing_months: int = 0
    #: What a person short of the minimum can do (Chinese, English), empty when eligible.
    options: tuple[tuple[str, str], ...] = ()
    base: Money | None = None
    base_year: int | None = None
    provisional: bool = False
    annuity_months: Decimal | None = None
    basic: Money | None = None
    account: Money | None = None
    transitional: Money | None = None
    adjustment: Money | None = None
    total: Money | None = None
    #: The estimate rests on a projected figure (asked for with ``project`` / ``assumptions``).
    projected: bool = False
    #: The part of ``total`` that rests on projected figures: the lines that read the calculation
    #: base — 基础养老金 and 过渡性调整额 — when the base is projected (0.00 otherwise). The account
    #: pension and the transitional pension read no per-period figure: never counted.
    projected_amount: Money | None = None
    #: What :func:`~jm_socialsec.pension.recalculate` needs to redo the estimate on a later day
    #: (kept privately: the validated inputs and the overrides, never shown or serialised).
    _case: PensionCase | None = PrivateAttr(default=None)


class Deemed(NamedTuple):
    """Deemed contribution time (视同缴费, before 1998-07), validated (``None`` where there is none)."""

    account: Decimal
    weighted_years: Ratio | None
    #: Or what derives them: the deemed months before 1994 and the index sum 1994-01…1998-06.
    derived_from: tuple[int, Decimal] | None


@rule("pension.total_pension", ref="国发〔2005〕38号 第六条; 粤府函〔2021〕294号 (基本养老金 = 各项之和)", unit=M)
def total_pension(at: At, basic: Decimal, account: Decimal, transitional: Decimal, adjustment: Decimal) -> Decimal:
    """基本养老金 = 基础养老金 + 个人账户养老金 + 过渡性养老金 + 过渡性调整额 (each already in 分)."""
    return basic + account + transitional + adjustment


@marks_projection  # the estimate says whether it read a projected figure, eligible or not
def _compute(
    params: Params, person: Person, months: int, index: Decimal, balance: Decimal, deemed: Deemed | None, region: Region
) -> dict[str, Any]:
    """The sheet: who retires when, the minimum years, then the lines (or the shortfall)."""
    _check_index(params, index)
    r, min_age, needed = cohort(params, person, months)
    at = params.at(r.month)
    _check_working_life(months, r.age, min_age)
    missing = shortfall(at, months, needed)
    fields: dict[str, Any] = {
        "retirement_month": r.month,
        "age": r.age,
        "benefit_start": r.month + 1,
        "region": region,
        "contribution_months": months,
        "contribution_years": Decimal(months) / YEAR,
        "average_index": index,
        "min_contribution_years": needed,
    }
    if missing:
        minimum_years_met(at, months, r.minimum_years_month)
        fields.update(eligible=False, missing_months=missing, options=shortfall_options())
        return fields
    base = calc_base(at)
    used = _last_read(params, "pension.calc_base")  # its year, and whether it is the previous year's (预发)
    years = contribution_years(at, months)
    basic = basic_pension(at, base, a_coefficient(at, index), index, years)
    divisor = account.annuity_months(at, r.age)
    acct = account.account_pension(at, balance, divisor)
    transitional, adjustment = _transitional(at, base, months, deemed, region)
    fields.update(
        eligible=True,
        base=base,
        base_year=used.since.year if used.since else None,
        provisional=used.provisional,
        annuity_months=divisor,
        basic=basic,
        account=acct,
        transitional=transitional,
        adjustment=adjustment,
        total=total_pension(at, basic, acct, transitional, adjustment),
        projected_amount=basic + adjustment if used.projected else _NO_ADJUSTMENT,
    )
    return fields


def _transitional(at: At, base: Decimal, months: int, deemed: Deemed | None, region: Region) -> tuple[Decimal, Decimal]:
    """过渡性养老金, and 过渡性调整额 for deemed time (0.00 without)."""
    if deemed is None:
        return transitional_without_deemed(at, months), _NO_ADJUSTMENT
    old = old_method(at, deemed.account)
    transitional = transitional_pension(at, months, old)
    weighted = deemed.weighted_years
    if weighted is None:
        assert deemed.derived_from is not None  # _deemed gives one or the other
        weighted = weighted_deemed_years(at, *deemed.derived_from, region)
    return transitional, transitional_adjustment(at, base, weighted, old, years_allowance(at, months))


def _last_read(params: Params, param: str) -> ParamValue:
    """The value of ``param`` the rules just read (with its period and status)."""
    last = params.used[-1]  # the rule read it last
    return last if last.id == param else next(pv for pv in reversed(params.used) if pv.id == param)


def _check_index(params: Params, index: Decimal) -> None:
    ceiling = params.value("pension.max_average_index", params.as_of)
    if not _ZERO < index <= ceiling:  # the words are built only for a refusal
        raise InputError(
            "average_index",
            f"平均缴费指数应大于0且不超过{ceiling}",
            f"the average index must be above 0 and at most {ceiling}",
        )


def _check_working_life(months: int, age: Age, min_age: int) -> None:
    if months > age.total_months - min_age * YEAR:
        raise InputError(
            "contribution_months",
            f"缴费月数 {months} 超过可能的工作时间（退休年龄减 {min_age} 岁）",
            f"{months} contribution months exceed the possible working life (age at retirement minus {min_age})",
        )


def _deemed(
    months: int, deemed_months: Any, deemed_account: Any, weighted: Any, before_1994: Any, index_sum: Any
) -> Deemed | None:
    """Deemed time: whole months within the total, and the weighted years or what derives them."""
    if type(deemed_months) is int and deemed_months == 0 and type(deemed_account) is int and deemed_account == 0:
        return None  # the common case (no deemed time): nothing else is read
    count = whole_months(deemed_months, "deemed_months")
    acct = to_decimal(deemed_account, "deemed_account", non_negative=True)
    check(
        count <= months,
        "deemed_months",
        "视同缴费月数不能超过总缴费月数",
        "deemed months cannot exceed the total contribution months",
    )
    if count == 0:
        return None  # the deemed account (validated above) is read only with deemed months
    if weighted is not None:
        return Deemed(acct, Ratio(to_decimal(weighted, "weighted_deemed_years", non_negative=True)), None)
    if before_1994 is None or index_sum is None:
        raise InputError(
            "weighted_deemed_years",
            "有视同缴费时须给出加权视同年数，或给出1993年底前视同月数和1994-01至1998-06各月指数之和",
            "with deemed time give weighted_deemed_years, or deemed_months_before_1994 and index_sum_1994_1998",
        )
    derived_from = (
        whole_months(before_1994, "deemed_months_before_1994"),
        to_decimal(index_sum, "index_sum_1994_1998", non_negative=True),
    )
    return Deemed(acct, None, derived_from)


@accepts_input
@public
def estimate_pension(
    *,
    contribution_months: int,
    average_index: Decimal | float | str,
    account_balance: Decimal | int | float | str,
    retirement_month: YearMonth | date | str | None = None,
    age: Age | tuple[int, int] | None = None,
    birth: YearMonth | date | str | None = None,
    category: Category | str | None = None,
    choice: RetirementChoice | str = RetirementChoice.STATUTORY,
    special_type: SpecialWorkType | str | None = None,
    special_years: Decimal | int | float | str | None = None,
    deemed_months: int = 0,
    deemed_account: Decimal | int | float | str = 0,
    weighted_deemed_years: Decimal | int | float | str | None = None,
    deemed_months_before_1994: int | None = None,
    index_sum_1994_1998: Decimal | int | float | str | None = None,
    region: Region | str = Region.JIANGMEN,
    as_of: date | None = None,
    overrides: Mapping[str, Any] | None = None,
    project: bool = False,
    assumptions: AssumptionsArg = None,
) -> PensionEstimate:
    """Estimate the monthly basic pension at retirement, line by line as on the 核定表.

    Give either ``retirement_month`` and ``age=(years, months)``, or ``birth`` and ``category``
    (with ``choice`` = statutory / flexible_early / flexible_late / special and, for a flexible
    choice, ``retirement_month``; for special, ``special_type`` and ``special_years``).

    ``contribution_months``: total, deemed included. ``average_index``: 平均缴费指数 (0 < i ≤ 3).
    ``account_balance``: 个人账户储存额 at retirement. For deemed time (视同缴费, before 1998-07):
    ``deemed_months``, ``deemed_account`` (视同缴费账户储存额) and ``weighted_deemed_years``
    (加权视同年数) — or ``deemed_months_before_1994`` and ``index_sum_1994_1998`` (Σ actual
    monthly indices 1994-01…1998-06) to derive it with the region's 视同缴费指数.

    ``project=True`` (default assumptions) or ``assumptions``: a retirement whose calculation base
    is not published yet is estimated on a projected base, marked ``projected``, and
    ``projected_amount`` is the part of the total that rests on it; without them it is refused
    with the hint how to ask (docs/projection.md). A provisional estimate can be redone once the
    base is published: :func:`~jm_socialsec.pension.recalculate` (the back pay).
    """
    months = whole_months(contribution_months, "contribution_months")
    index = to_decimal(average_index, "average_index")
    balance = to_decimal(account_balance, "account_balance", non_negative=True)
    deemed = _deemed(
        months, deemed_months, deemed_account, weighted_deemed_years, deemed_months_before_1994, index_sum_1994_1998
    )
    person = Person(retirement_month, age, birth, category, choice, special_type, special_years)
    reg = Region.parse(region)
    args = (person, months, index, balance, deemed, reg)
    result = evaluate(
        PensionEstimate, _compute, *args, as_of=as_of, overrides=overrides, assumptions=future(project, assumptions)
    )
    private = result.__pydantic_private__
    assert private is not None  # set by the engine's build
    private["_case"] = PensionCase(args, overrides)  # a frozen result: its private store, directly
    return result


@public
def annuity_months(years: int, months: int = 0, *, as_of: date | None = None) -> Decimal:
    """计发月数 for a retirement age of ``years`` and ``months`` (e.g. 60, 1 → 138.4), by the rule in
    force on ``as_of``'s month (before 2025 the months are ignored: the whole-age row applies)."""
    age = field_value((years, months), "age", Age.of)
    params = Params(as_of)
    return account.annuity_months(params.at(YearMonth.of(params.as_of)), age)
