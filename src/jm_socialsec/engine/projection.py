"""Projection of per-period figures (预测): only on request, always marked, on stated assumptions.

A figure published per period — the pension calculation base, the contribution limits, the
provincial average wage, the income statistics — is refused for a period not yet published
(:class:`NotCovered`). A caller who asks for a projection (``project=True``, or an
:class:`Assumptions` object) gets, for such a period, the last figure known on ``as_of`` grown
year by year at a stated rate, or an explicit value the caller gives for that year. Every
projected value is marked ``projected`` (status ``assumed``) with the assumption that produced
it, and results carry the warning ``projected``.

The default rate of a figure is the mean year-on-year growth of its last five published values
(four growth rates), rounded to a hundredth of a per cent, shown with how it was derived. A
projected amount keeps the precision of the figure it grows from (whole yuan for a base of
whole yuan), rounded half-up: a projection is an assumption, not a rule of law.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from dateutil.relativedelta import relativedelta
from pydantic import BaseModel, ConfigDict, Field, field_validator

from .errors import InputError, NotCovered
from .tables import DatedValue, Param

#: The plausible band of a yearly growth rate (a library policy, not a rule of law): outside it a
#: rate is refused as a likely typing error (3% is 0.03).
GROWTH_MIN, GROWTH_MAX = Decimal("-0.10"), Decimal("0.30")
#: How many published values the default rate is derived from.
DEFAULT_FROM_VALUES = 5
_RATE_STEP = Decimal("0.0001")


class Assumptions(BaseModel):
    """What the future is assumed to be, per figure: a yearly growth rate, or values per year.

    ``growth``: parameter id → yearly growth (0.03 = 3%); ``values``: parameter id → {year: value}
    (an explicit figure for the period starting in that year wins over any rate). A figure
    without either grows at its default rate (the mean growth of its last five published values).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    growth: dict[str, Decimal] = Field(default_factory=dict)
    values: dict[str, dict[int, Decimal]] = Field(default_factory=dict)

    @field_validator("growth")
    @classmethod
    def _plausible(cls, growth: dict[str, Decimal]) -> dict[str, Decimal]:
        for param, rate in growth.items():
            if not GROWTH_MIN <= rate <= GROWTH_MAX:
                raise InputError(
                    f"assumptions.growth[{param}]",
                    f"年增长率 {rate} 不在合理范围 [{GROWTH_MIN}, {GROWTH_MAX}] 内（3% 写作 0.03）",
                    f"a yearly growth of {rate} is outside the plausible band "
                    f"[{GROWTH_MIN}, {GROWTH_MAX}] (3% is 0.03)",
                )
        return growth


def assumptions_of(project: bool, assumptions: Assumptions | Mapping[str, Any] | None) -> Assumptions | None:
    """The caller's choice: None (no projection), or the assumptions to project with."""
    if assumptions is None:
        return Assumptions() if project else None
    if isinstance(assumptions, Assumptions):
        return assumptions
    if not isinstance(assumptions, Mapping):
        raise InputError("assumptions", "应为假设对象或映射", "must be an Assumptions object or a mapping")
    return Assumptions.model_validate(dict(assumptions))


def projectable(p: Param) -> bool:
    """A figure published per period (it has a horizon, or a previous-figure interim rule)."""
    return p.covered_until is not None or p.interim == "previous"


def hint(p: Param) -> tuple[str, str]:
    """How to ask for a projection of ``p`` (added to its refusal)."""
    return (
        f"如需按假设预测，请传入 project=True 或 assumptions=Assumptions(growth={{'{p.id}': 年增长率}})"
        "（命令行：--project 或 --growth PARAM=RATE）",
        f"to project it, pass project=True or assumptions=Assumptions(growth={{'{p.id}': rate}}) "
        "(command line: --project or --growth PARAM=RATE)",
    )


def _known(p: Param, as_of: date) -> list[DatedValue]:
    return [v for v in p.values if not v.missing and v.known_from <= as_of]


def default_growth(p: Param, as_of: date, key: str | None = None) -> tuple[Decimal, str, str]:
    """(rate, derivation zh, derivation en): the mean growth of the last five known values."""
    known = [v for v in _known(p, as_of) if _number(v, key) is not None][-DEFAULT_FROM_VALUES:]
    if len(known) < 2:
        raise NotCovered(
            p.id, as_of, p.first, p.horizon, "已公布的值不足两个，无法推算默认增长率",
            "fewer than two published values: no default growth rate can be derived",
        )  # fmt: skip
    pairs = list(itertools.pairwise(known))
    rates = [_number(b, key) / _number(a, key) - 1 for a, b in pairs]  # type: ignore[operator]
    mean = (sum(rates, Decimal(0)) / len(rates)).quantize(_RATE_STEP, ROUND_HALF_UP)
    steps = "，".join(f"{a.since.year}→{b.since.year} {_pct(r)}" for (a, b), r in zip(pairs, rates, strict=True))
    return (
        mean,
        f"最近 {len(known)} 个已公布值的年均增长 {_pct(mean)}（{steps}）",
        f"the mean yearly growth of the last {len(known)} published values, {_pct(mean)} ({steps.replace('，', ', ')})",
    )


def project(p: Param, day: date, as_of: date, key: str | None, assumptions: Assumptions) -> dict[str, Any]:
    """The projected value of ``p`` for the period containing ``day``: its fields for a ParamValue."""
    known = [v for v in _known(p, as_of) if v.since <= day and _number(v, key) is not None]
    if not known:
        raise NotCovered(
            p.id, day, p.first, p.horizon, "没有可作为预测起点的已公布值", "no published value to project from"
        )
    last = known[-1]
    years = relativedelta(day, last.since).years
    start = last.since + relativedelta(years=years)
    base = _number(last, key)
    assert base is not None
    explicit = assumptions.values.get(p.id, {}).get(start.year)
    if explicit is not None:
        value, how_zh, how_en = Decimal(explicit), "调用方给定的值", "the caller's value"
    else:
        rate, how_zh, how_en = _rate(p, as_of, key, assumptions)
        grown = base * (1 + rate) ** years
        value = grown.quantize(Decimal(1).scaleb(base.as_tuple().exponent), ROUND_HALF_UP)  # type: ignore[arg-type]
        how_zh = f"按 {last.since.year} 年起的 {base} 每年增长 {_pct(rate)}，共 {years} 年（{how_zh}）"
        how_en = f"{base} from {last.since.year} grown {_pct(rate)} a year for {years} years ({how_en})"
    return {
        "value": value,
        "since": start,
        "until": start + relativedelta(years=1) - relativedelta(days=1),
        "source": last.source,
        "projection_zh": f"{p.label_zh}（{start} 起）为预测值：{how_zh}",
        "projection_en": f"the {p.label_en} from {start} is projected: {how_en}",
    }


def _rate(p: Param, as_of: date, key: str | None, assumptions: Assumptions) -> tuple[Decimal, str, str]:
    if p.id in assumptions.growth:
        return assumptions.growth[p.id], "调用方给定的增长率", "the caller's rate"
    return default_growth(p, as_of, key)


def _number(v: DatedValue, key: str | None) -> Decimal | None:
    value = v.value.get(str(key)) if isinstance(v.value, dict) else v.value
    return value if isinstance(value, Decimal) else None


def _pct(rate: Decimal) -> str:
    return f"{(rate * 100).quantize(Decimal('0.01'), ROUND_HALF_UP):f}%"
