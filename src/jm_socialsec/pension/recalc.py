"""Back pay when the year's base is published (重新核定与补发).

The calculation base of a year applies to every retirement in that year (粤人社发〔2025〕32号 第二条:
"2025年1月1日至12月31日 … 基本养老金计发基数为9493元/月"), but it is published late in the year.
A pension granted before that is paid on the previous year's base (预发, ``estimate.provisional``)
and recalculated once the base is out; the difference is paid for the months already paid on
the provisional amount (补发).

:func:`recalculate` redoes the estimate on a later day of knowledge ``as_of`` — the same inputs
(kept privately on the estimate by :func:`~jm_socialsec.estimate_pension`), the same rules, the
base now published — and gives the new 核定表 lines, the monthly difference, the months back and
the back pay, each a line of the explanation.

Which months count (``months_back``): every month from the first month of the pension
(``benefit_start``, the month after the retirement month) through the month of ``as_of``, both
included. The recalculated amount is taken to be paid from the month after ``as_of``, so each of
those months was, or will be, paid on the provisional amount. That is this library's convention
(no rule on the date the new amount starts was collected); the result says so in a warning.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any, ClassVar, NamedTuple

from ..engine.api import check, public
from ..engine.errors import InputError, NotCovered
from ..engine.evaluate import evaluate
from ..engine.explain import Explained
from ..engine.money import Money
from ..engine.months import Age, YearMonth
from ..engine.params import At, Params
from ..engine.regions import Region
from ..engine.tables import Unit, registry
from ..engine.trace import rule
from . import api
from .api import PensionCase, PensionEstimate
from .basic import M

_REF = "粤人社发〔2025〕32号 第二条 (计发基数适用于当年全年退休人员): 预发后重新核定，补发差额"
#: The new sheet's lines, as in a pension estimate.
_LINES = (
    "retirement_month", "age", "benefit_start", "region", "contribution_months", "contribution_years",
    "average_index", "base", "base_year", "annuity_months", "basic", "account", "transitional", "adjustment", "total",
)  # fmt: skip


class PensionRecalculation(Explained):
    """A provisional pension recalculated on the published base: the new lines and the back pay."""

    title_zh: ClassVar[str] = "基本养老金重新核定与补发"
    title_en: ClassVar[str] = "Pension recalculated on the published base, with back pay"
    headline: ClassVar[tuple[tuple[str, str, str], ...]] = (
        ("retirement_month", "退休年月", "retirement month"),
        ("granted_base", "预发计发基数", "provisional base"),
        ("base", "公布的计发基数", "published base"),
        ("granted_total", "预发基本养老金", "provisional pension"),
        ("total", "重新核定的基本养老金", "recalculated pension"),
        ("monthly_difference", "每月差额", "monthly difference"),
        ("months_back", "补发月数", "months back"),
        ("back_pay", "补发金额", "back pay"),
    )
    units: ClassVar[dict[str, Unit]] = {
        **dict.fromkeys(("base", "granted_base", "granted_total", "monthly_difference"), M),
        **dict.fromkeys(("basic", "account", "transitional", "adjustment", "total"), M),
        "months_back": Unit.MONTHS,
        "back_pay": Unit.YUAN,
    }

    # The new sheet, line by line as in PensionEstimate.
    retirement_month: YearMonth
    age: Age
    benefit_start: YearMonth
    region: Region
    contribution_months: int
    contribution_years: Decimal
    average_index: Decimal
    base: Money
    base_year: int | None
    annuity_months: Decimal
    basic: Money
    account: Money
    transitional: Money
    adjustment: Money
    total: Money
    #: The original estimate: its day of knowledge (the grant), its base and its total.
    granted_on: date
    granted_base: Money
    granted_base_year: int | None
    granted_total: Money
    #: New total − provisional total (negative if the published base were lower).
    monthly_difference: Money
    #: The months back: ``first_month`` (= ``benefit_start``) through ``last_month`` (the month of
    #: ``as_of``), both included; 0 when the pension has not started by then.
    first_month: YearMonth
    last_month: YearMonth
    months_back: int
    #: monthly_difference × months_back (exact: both factors are whole 分 and months).
    back_pay: Money


class Granted(NamedTuple):
    """What was granted: the day, the provisional base (and its year) and the total."""

    on: date
    base: Decimal
    base_year: int | None
    total: Decimal


@rule("pension.granted_pension", ref=_REF, unit=M)
def granted_pension(at: At, granted_base: Decimal, granted_base_year: int | None, granted_total: Decimal) -> Decimal:
    """预发的基本养老金: the total granted on the previous year's base (the original estimate)."""
    return granted_total


@rule("pension.monthly_difference", ref=_REF, unit=M)
def monthly_difference(at: At, total: Decimal, granted_total: Decimal) -> Decimal:
    """每月差额 = 重新核定的基本养老金 − 预发的基本养老金 (both already in 分)."""
    return total - granted_total


@rule("pension.months_back", ref="补发月数：待遇起始月至 as_of 所在月，均含 (本库约定，见模块说明)", unit=Unit.MONTHS)
def months_back(at: At, benefit_start: YearMonth, through: YearMonth) -> int:
    """补发月数: from the first month of the pension through ``through`` (both included), never negative."""
    at.notice("pension.months_back_convention", first=benefit_start, last=through)
    elapsed: int = through - benefit_start
    return max(0, elapsed + 1)


@rule("pension.back_pay", ref=_REF, unit=Unit.YUAN)
def back_pay(at: At, monthly_difference: Decimal, months_back: int) -> Decimal:
    """补发金额 = 每月差额 × 补发月数 (exact: no rounding needed)."""
    if monthly_difference < 0:
        at.notice("pension.recalculated_lower")
    return monthly_difference * months_back


def _published(params: Params, sheet: dict[str, Any]) -> None:
    """The new sheet must rest on the published base of the retirement year, else a refusal."""
    check(
        sheet.get("total") is not None,
        "estimate",
        f"按 {params.as_of} 知悉的规定，此人不满足按月领取条件",
        f"as known on {params.as_of}, the person does not meet the conditions for a monthly pension",
    )
    if not sheet["provisional"]:
        return
    month: YearMonth = sheet["retirement_month"]
    p = registry()["pension.calc_base"]
    raise NotCovered(
        p.id,
        month.first_day(),
        p.first,
        p.horizon,
        f"{month.year} 年的{p.label_zh}在 {params.as_of} 尚未公布：养老金仍为预发，暂不能重新核定和计算补发；"
        "公布后再以更晚的 as_of 重算（或以 overrides 给出公布的值；命令行 --override pension.calc_base=…）",
        f"the {month.year} {p.label_en} was not yet published on {params.as_of}: the pension is still "
        "provisional and cannot be recalculated; recalculate with a later as_of once it is published "
        "(or give the published value in overrides; command line --override pension.calc_base=…)",
    )


def _recalculate(params: Params, case: PensionCase, granted: Granted) -> dict[str, Any]:
    """The new sheet (the estimate's own rules), then the difference, the months back and the back pay."""
    sheet = api._compute(params, *case.args)
    _published(params, sheet)
    at = params.at(sheet["retirement_month"])
    previous = granted_pension(at, granted.base, granted.base_year, granted.total)
    difference = monthly_difference(at, sheet["total"], previous)
    through = YearMonth.of(params.as_of)
    months = months_back(at, sheet["benefit_start"], through)
    return {
        **{name: sheet[name] for name in _LINES},
        "granted_on": granted.on,
        "granted_base": granted.base,
        "granted_base_year": granted.base_year,
        "granted_total": granted.total,
        "monthly_difference": difference,
        "first_month": sheet["benefit_start"],
        "last_month": through,
        "months_back": months,
        "back_pay": back_pay(at, difference, months),
    }


def _granted(estimate: Any) -> tuple[PensionCase, Granted]:
    """The estimate's inputs and what it granted; refused unless it is a provisional pension."""
    check(
        isinstance(estimate, PensionEstimate),
        "estimate",
        "应为 estimate_pension 的结果",
        "must be the result of estimate_pension",
    )
    case: PensionCase | None = getattr(estimate, "_case", None)
    check(
        case is not None,
        "estimate",
        "该测算未保存其输入（不是由 estimate_pension 计算的），无法重算",
        "this estimate does not carry its inputs (it was not made by estimate_pension): cannot recalculate",
    )
    check(
        estimate.eligible and estimate.total is not None,
        "estimate",
        "该测算不满足按月领取条件，没有可重新核定的养老金",
        "this estimate grants no monthly pension (minimum years not met): nothing to recalculate",
    )
    check(
        estimate.provisional,
        "estimate",
        "该测算不是预发（按当年公布的计发基数核定），无需重新核定",
        "this estimate is not provisional (it already rests on the year's published base): nothing to recalculate",
    )
    assert case is not None and estimate.base is not None and estimate.total is not None
    return case, Granted(estimate.as_of, estimate.base, estimate.base_year, estimate.total)


@public
def recalculate(
    estimate: PensionEstimate,
    *,
    as_of: date | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> PensionRecalculation:
    """Recalculate a provisional (预发) pension once the year's base is published, with the back pay.

    ``estimate``: a result of :func:`~jm_socialsec.estimate_pension` that is ``provisional``.
    ``as_of``: the day of the recalculation (default today), not before the estimate's own.
    ``overrides``: added to the estimate's (e.g. the published base, if the tables lack it).
    The new lines are the estimate's rules on the same inputs as known on ``as_of``;
    ``months_back`` counts ``benefit_start`` through the month of ``as_of`` (see the module
    docstring); ``back_pay`` = ``monthly_difference`` × ``months_back``. If the base of the
    retirement year is still not published on ``as_of``: :class:`NotCovered` naming
    ``pension.calc_base`` and the year.
    """
    case, granted = _granted(estimate)
    merged = {**(case.overrides or {}), **(overrides or {})} or None
    params = Params(as_of, merged)  # validates as_of and the overrides
    if params.as_of < granted.on:
        raise InputError(
            "as_of",
            f"重算日期 {params.as_of} 早于原测算的日期 {granted.on}",
            f"the recalculation day {params.as_of} is before the estimate's own ({granted.on})",
        )
    return evaluate(PensionRecalculation, _recalculate, case, granted, as_of=params.as_of, overrides=merged)
