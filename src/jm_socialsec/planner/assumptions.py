"""The planner's assumptions (规划假设): what the law does not fix about the years ahead.

:class:`PlanAssumptions` extends the engine's :class:`~jm_socialsec.engine.projection.Assumptions`
(growth or explicit values per year for the figures published per period: the pension base, the
contribution limits, the provincial average wage) with the person's own future:

- ``index`` — the contribution index from the projection start on (缴费指数: the contribution
  wage ÷ the previous year's provincial average monthly wage); default: the person's average so
  far. ``index_by_year`` / ``wage_by_year`` set a year's index or monthly contribution wage
  (a wage wins over an index);
- ``gaps`` — months without contributions (断缴), each from a month for N months;
- ``crediting_rate`` / ``crediting_by_year`` — the personal account's yearly crediting rate
  (记账利率); default in ``defaults.toml`` (the last published rate, kept flat);
- ``start`` — the month the projection starts (default: the month of ``as_of``);
- ``horizon_age`` — the age up to which pensions received are added up to compare candidates.

Every default is shown in the plan with its reason and marked as an assumption. What the law or
the tables fix (8% of the base to the account, the contribution limits) is never an assumption
here: it is read from tables/.

Bad input: a crediting rate outside its band (never negative, at most the engine's growth
ceiling) is refused like the engine refuses an implausible growth rate; an index outside
(0, the table's ceiling] is refused when the path reads it (the ceiling is a dated figure).
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from decimal import Decimal
from functools import cache
from importlib.resources import files
from typing import Any, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ..engine.api import input_error
from ..engine.errors import InputError
from ..engine.limits import MOST_MONTHS
from ..engine.months import YearMonth
from ..engine.projection import GROWTH_MAX, Assumptions


@cache
def defaults() -> dict[str, Any]:
    """The planner's defaults (``defaults.toml`` beside this module), read once."""
    with files(__package__).joinpath("defaults.toml").open("rb") as f:
        return tomllib.load(f)


def default_value(name: str) -> Decimal:
    """A default as an exact Decimal (TOML floats are read through their text)."""
    return Decimal(str(defaults()[name]["value"]))


def crediting_band() -> tuple[Decimal, Decimal]:
    return Decimal(str(defaults()["crediting_rate_band"]["lowest"])), GROWTH_MAX


class Gap(BaseModel):
    """Months without contributions (断缴): ``months`` from ``start`` (default: the projection start)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    months: int = Field(ge=0, le=MOST_MONTHS)  # a working life at most (a longer gap is a typo)
    start: YearMonth | None = None

    @field_validator("start", mode="before")
    @classmethod
    def _month(cls, value: Any) -> Any:
        return None if value is None else YearMonth.of(value)


class PlanAssumptions(Assumptions):
    """The engine's figure assumptions plus the person's future contributions and account."""

    index: Decimal | None = None
    index_by_year: dict[int, Decimal] = Field(default_factory=dict)
    wage_by_year: dict[int, Decimal] = Field(default_factory=dict)
    gaps: tuple[Gap, ...] = ()
    crediting_rate: Decimal | None = None
    crediting_by_year: dict[int, Decimal] = Field(default_factory=dict)
    start: YearMonth | None = None
    horizon_age: int | None = Field(default=None, gt=0)

    @field_validator("start", mode="before")
    @classmethod
    def _start(cls, value: Any) -> Any:
        return None if value is None else YearMonth.of(value)

    @field_validator("crediting_rate")
    @classmethod
    def _rate(cls, rate: Decimal | None) -> Decimal | None:
        if rate is not None:
            _check_rate(rate, "crediting_rate")
        return rate

    @field_validator("crediting_by_year")
    @classmethod
    def _rates(cls, rates: dict[int, Decimal]) -> dict[int, Decimal]:
        for year, rate in rates.items():
            _check_rate(rate, "value", f"{year}: ")
        return rates

    @field_validator("wage_by_year")
    @classmethod
    def _wages(cls, wages: dict[int, Decimal]) -> dict[int, Decimal]:
        for year, wage in wages.items():
            if wage < 0:
                raise InputError("value", f"{year} 年的缴费工资不能为负数", f"the wage of {year} must not be negative")
        return wages

    def crediting(self, year: int) -> Decimal:
        """The crediting rate of ``year``: the caller's for that year, the caller's flat rate, the default."""
        found = self.crediting_by_year.get(year, self.crediting_rate)
        return default_value("crediting_rate") if found is None else found

    def figures(self) -> Assumptions:
        """Only the engine's part (what estimate_pension needs)."""
        return Assumptions(growth=self.growth, values=self.values)


def _check_rate(rate: Decimal, field: str, year: str = "") -> None:
    low, high = crediting_band()
    if not low <= rate <= high:
        raise InputError(
            field,
            f"{year}记账利率 {rate} 不在合理范围 [{low}, {high}] 内（2.5% 写作 0.025；记账利率不低于0）",
            f"{year}a crediting rate of {rate} is outside the plausible band [{low}, {high}] "
            "(2.5% is 0.025; the rate is never negative)",
        )


def plan_assumptions(value: PlanAssumptions | Assumptions | Mapping[str, Any] | None) -> PlanAssumptions:
    """The caller's assumptions as a PlanAssumptions (an engine Assumptions keeps its figures)."""
    if value is None:
        return PlanAssumptions()
    if isinstance(value, PlanAssumptions):
        return value
    if isinstance(value, Assumptions):
        return PlanAssumptions(growth=value.growth, values=value.values)
    if not isinstance(value, Mapping):
        raise InputError("assumptions", "应为假设对象或映射", "must be a PlanAssumptions object or a mapping")
    try:
        return PlanAssumptions.model_validate(dict(value))
    except ValidationError as e:
        found = input_error(e).errors
        raise InputError.combine([InputError(f"assumptions.{p.field}", p.why_zh, p.why_en) for p in found]) from None


class Shown(NamedTuple):
    """One assumption as the plan shows it: what, its value, whether it is the default, why."""

    name: str
    label_zh: str
    label_en: str
    value: str
    default: bool
    why_zh: str
    why_en: str


def _pct(rate: Decimal) -> str:
    return f"{(rate * 100).normalize():f}%"


def shown(a: PlanAssumptions, index_so_far: Decimal) -> tuple[Shown, ...]:
    """The planner's own assumptions, each with its value and reason (defaults marked)."""
    d = defaults()
    index = a.index if a.index is not None else index_so_far
    by_year = "; ".join(f"{y}: {v}" for y, v in sorted({**a.index_by_year, **a.wage_by_year}.items()))
    rates = "; ".join(f"{y}: {_pct(r)}" for y, r in sorted(a.crediting_by_year.items()))
    gaps = "; ".join(f"{g.start or '→'} ×{g.months}" for g in a.gaps)
    return (
        Shown(
            "index", "今后缴费指数", "contribution index ahead",
            f"{index}" + (f" ({by_year})" if by_year else ""), a.index is None and not by_year,
            "沿用至今的平均缴费指数" if a.index is None else "调用方给定",
            "the average index so far, continued" if a.index is None else "the caller's",
        ),
        Shown(
            "crediting_rate", "个人账户记账利率（每年）", "account crediting rate (a year)",
            _pct(default_value("crediting_rate") if a.crediting_rate is None else a.crediting_rate)
            + (f" ({rates})" if rates else ""),
            a.crediting_rate is None and not rates,
            d["crediting_rate"]["zh"] if a.crediting_rate is None else "调用方给定",
            d["crediting_rate"]["en"] if a.crediting_rate is None else "the caller's",
        ),
        Shown("gaps", "缴费中断", "gaps in contributions", gaps or "—", not a.gaps, "", ""),
        Shown(
            "horizon_age", "累计领取额计至", "cumulative pension up to age",
            str(a.horizon_age or default_value("horizon_age")), a.horizon_age is None,
            d["horizon_age"]["zh"], d["horizon_age"]["en"],
        ),
    )  # fmt: skip
