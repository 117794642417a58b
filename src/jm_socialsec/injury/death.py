"""Death benefits (工亡待遇, 工伤保险条例 第三十九条), all paid by the fund, each item on its own.

- 丧葬补助金 (art. 39 (一)): 6 months of the pooling area's average wage of the year before the
  death (before provincial pooling, Jiangmen's: the caller's ``city_average_wages``).
- 供养亲属抚恤金 (art. 39 (二)): per dependent a share of the deceased's 本人工资 (spouse 40%,
  each other relative 30%, a lone elderly person or an orphan 10% more); the total is capped at
  the wage actually earned before death (the 12-month average given, not the clamped 本人工资).
  Shares over the cap are scaled in proportion, the cap split by largest remainder to 分.
- 一次性工亡补助金 (art. 39 (三)): 20 × the national urban per-capita disposable income of the
  year before the death; before that figure is published (per ``as_of``) the previous one,
  provisionally. Not due when a grade 1-4 worker dies after the paid leave (art. 39, third
  paragraph).

An item that needs a figure the tables lack is listed in ``not_covered`` with the reason (a line
of its own and a warning); the others are still given.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_DOWN, Decimal

from ..engine.money import FEN, round_fen
from ..engine.params import At
from ..engine.tables import Unit
from ..engine.trace import fen, rule
from .coverage import national, year_before
from .models import Dependent
from .own_wage import average_wage

M = Unit.YUAN_PER_MONTH
Y = Unit.YUAN
_PAID_IN_FEN = fen("待遇按分计发 / benefits are paid in 分")
_ART_39_2 = "工伤保险条例 第三十九条第一款第（二）项"
_ZERO = Decimal(0)


def share_survivors(raw: Sequence[Decimal], cap: Decimal) -> tuple[list[Decimal], bool]:
    """Survivor pensions to 分 with their total held at ``cap`` (art. 39: not above the wage).

    Each share is rounded on its own; if the shares so paid would be above the cap, they are
    scaled in proportion and the cap is split by largest remainder, so the total is exactly the
    cap. Returns (shares, capped): ``capped`` says the cap cut what is paid — also when only the
    rounding of each share would have gone above it (0.005 + 0.005 + 42.735 = 42.745 is under a
    cap of 42.75, but 0.01 + 0.01 + 42.74 = 42.76 is not).
    """
    shares = [round_fen(r) for r in raw]
    if sum(shares, _ZERO) <= cap:
        return shares, False
    total = sum(raw, _ZERO)
    exact = [r * cap / total for r in raw]
    floors = [e.quantize(FEN, rounding=ROUND_DOWN) for e in exact]
    leftover = int((cap - sum(floors, _ZERO)) / FEN)
    order = sorted(range(len(raw)), key=lambda i: (-(exact[i] - floors[i]), i))
    for i in order[:leftover]:
        floors[i] += FEN
    return floors, True


@rule("injury.funeral_grant", ref="工伤保险条例 第三十九条第一款第（一）项", rounding=_PAID_IN_FEN, unit=Y)
def funeral_grant(at: At, city_wages: dict[int, Decimal]) -> Decimal:
    """丧葬补助金 = the pooling area's previous-year average monthly wage × the months (``at``: the death)."""
    months = national(at, "injury.death.funeral_grant_months").decimal
    return average_wage(at, city_wages) * months


@rule("injury.survivor_rates", ref=_ART_39_2, step=False)
def survivor_rates(at: At, dependents: tuple[Dependent, ...]) -> tuple[Decimal, ...]:
    """Each dependent's share of 本人工资: the relation's rate, plus the supplement for an orphan
    or a lone elderly person."""
    rates = [national(at, "injury.death.survivor_rate", d.relation).decimal for d in dependents]
    if any(d.supplemented for d in dependents):
        extra = national(at, "injury.death.survivor_supplement").decimal
        rates = [r + extra if d.supplemented else r for d, r in zip(dependents, rates, strict=True)]
    return tuple(rates)


@rule(
    "injury.survivor_cap",
    ref=_ART_39_2 + "：抚恤金之和不应高于因工死亡职工生前的工资",
    rounding=_PAID_IN_FEN,
    unit=M,
    step=False,
)
def survivor_cap(at: At, wage_before_death: Decimal) -> Decimal:
    """The cap on the survivors' total: the wage actually earned before death × the cap multiple."""
    return wage_before_death * national(at, "injury.death.survivor_total_cap").decimal


@rule("injury.survivor_shares", ref=_ART_39_2, step=False)
def survivor_shares(
    at: At, dependents: tuple[Dependent, ...], own_wage: Decimal, wage_before_death: Decimal
) -> tuple[Decimal, ...]:
    """Each dependent's pension in 分, scaled down in proportion when the total is over the cap."""
    rates = survivor_rates(at, dependents)
    return tuple(share_survivors([own_wage * r for r in rates], survivor_cap(at, wage_before_death))[0])


@rule("injury.survivor_pensions", ref=_ART_39_2, rounding=_PAID_IN_FEN, unit=M)
def survivor_pensions(
    at: At, dependents: tuple[Dependent, ...], own_wage: Decimal, wage_before_death: Decimal
) -> Decimal:
    """供养亲属抚恤金合计 (monthly): the sum of the dependents' pensions."""
    return sum(survivor_shares(at, dependents, own_wage, wage_before_death), _ZERO)


@rule("injury.income_year", ref="工伤保险条例 第三十九条第一款第（三）项 (上一年度)", step=False)
def income_year(at: At) -> int:
    """The year of the income figure: the year before the death."""
    return at.on.year - 1


@rule("injury.death_grant", ref="工伤保险条例 第三十九条第一款第（三）项", rounding=_PAID_IN_FEN, unit=Y)
def death_grant(at: At) -> Decimal:
    """一次性工亡补助金 = the previous year's national urban disposable income × the multiple."""
    multiple = national(at, "injury.death.grant_multiple").decimal
    income_year(at)
    return at.at(year_before(at.on))("injury.national_urban_disposable_income") * multiple


@rule("injury.death_grant_not_due", ref="工伤保险条例 第三十九条第三款")
def death_grant_not_due(at: At, grade: int | None) -> None:
    """No 一次性工亡补助金 for a grade 1-4 worker who dies after the paid leave."""
    return None


@rule("injury.not_covered", ref="本库的数据范围 / the tables' coverage")
def not_covered(at: At, item_zh: str, item_en: str, reason_zh: str, reason_en: str) -> None:
    """An item that could not be computed: its line says why (no amount)."""
    return None
