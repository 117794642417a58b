"""本人工资 and the pooling area's average wage (工伤保险条例 第六十四条).

- 本人工资 = the average monthly contribution wage of the 12 months before the injury, held
  within [lower ratio, upper multiple] × 统筹地区上年度职工月平均工资 (art. 64: ``injury.own_wage.lower_ratio``,
  ``injury.own_wage.upper_multiple``); each
  limit and the result are rounded to 分, as on the official sheets.
- 统筹地区上年度职工月平均工资: "上年度" is the calendar year before the date concerned (our
  reading). From the start of province-level pooling (``injury.provincial_pooling_since``, secondary)
  it is Guangdong's provincial figure; before it Jiangmen's city figure, which the tables do not
  hold: the caller supplies it (``city_average_wages``) and the result says so, or the call is
  refused naming ``city_average_wages``.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from ..engine.errors import InputError, NotCovered
from ..engine.money import round_fen
from ..engine.months import YearMonth
from ..engine.params import At
from ..engine.tables import Unit
from ..engine.trace import fen, rule
from .coverage import national, year_before

M = Unit.YUAN_PER_MONTH
ART_64 = "工伤保险条例 第六十四条第二款"
_SHEET_FEN = fen(
    "本人工资及其上下限按分计（工伤待遇核定表）/ the own wage and its limits are in 分 on the official sheets"
)


class CityWageMissing(InputError):
    """Jiangmen's average wage is needed (city pooling, before provincial pooling) and was not supplied."""


@rule("injury.city_average_wage", ref="粤人社规〔2019〕20号 (省级统筹前为市级统筹)", unit=M)
def city_average_wage(at: At, year: int, wage: Decimal) -> Decimal:
    """江门市上年度职工月平均工资: before provincial pooling, the caller's figure for ``year``."""
    at.notice("injury.caller_value", year=year, value=wage)
    return wage


@rule("injury.average_wage", ref="工伤保险条例 第六十四条; 粤人社规〔2019〕20号 (省级统筹)", unit=M, step=False)
def average_wage(at: At, city_wages: Mapping[int, Decimal]) -> Decimal:
    """统筹地区上年度职工月平均工资 for the date of ``at``: the province's, or Jiangmen's before pooling."""
    pooling = national(at, "injury.provincial_pooling_since").value
    year = at.on.year - 1
    if YearMonth.of(at.on) >= pooling:
        try:
            return at.at(year_before(at.on))("wages.provincial_average_monthly")
        except NotCovered as e:
            raise NotCovered(
                e.param,
                e.on,
                e.covered_from,
                e.covered_until,
                "；".join(x for x in (f"需要 {year} 年全省平均工资；可用 overrides 提供", e.why_zh) if x),
                "; ".join(
                    x for x in (f"needs the {year} provincial average wage; supply it with overrides", e.why_en) if x
                ),
            ) from None  # the engine's reason kept: it says how to ask for a projection
    if year not in city_wages:
        raise CityWageMissing(
            "city_average_wages",
            f"{pooling} 前工伤保险为市级统筹：需要江门市 {year} 年职工月平均工资（数据表未收录）",
            f"before {pooling} work-injury insurance was pooled by city: Jiangmen's {year} "
            "average monthly wage is needed (not in the tables)",
        )
    return city_average_wage(at, year, city_wages[year])


@rule("injury.own_wage_floor", ref=ART_64, rounding=_SHEET_FEN, unit=M, step=False)
def own_wage_floor(at: At, average_wage: Decimal, lower_ratio: Decimal) -> Decimal:
    """本人工资下限: the average wage × the lower ratio (``injury.own_wage.lower_ratio``)."""
    return average_wage * lower_ratio


@rule("injury.own_wage_ceiling", ref=ART_64, rounding=_SHEET_FEN, unit=M, step=False)
def own_wage_ceiling(at: At, average_wage: Decimal, upper_multiple: Decimal) -> Decimal:
    """本人工资上限: the average wage × the upper multiple (``injury.own_wage.upper_multiple``)."""
    return average_wage * upper_multiple


def clamp_own_wage(avg_wage_12m: Decimal, lower: Decimal, upper: Decimal) -> Decimal:
    """本人工资: the 12-month average contribution wage held inside [lower, upper], to 分."""
    return round_fen(min(max(avg_wage_12m, lower), upper))


@rule("injury.own_wage", ref=ART_64, rounding=_SHEET_FEN, unit=M)
def own_wage(at: At, avg_wage_12m: Decimal, city_wages: Mapping[int, Decimal]) -> Decimal:
    """本人工资 (art. 64): the 12-month average wage held within the band of the average wage."""
    lower_ratio = national(at, "injury.own_wage.lower_ratio").decimal
    upper_multiple = national(at, "injury.own_wage.upper_multiple").decimal
    aw = average_wage(at, city_wages)
    return min(max(avg_wage_12m, own_wage_floor(at, aw, lower_ratio)), own_wage_ceiling(at, aw, upper_multiple))


def band(at: At, city_wages: Mapping[int, Decimal]) -> tuple[Decimal, Decimal, Decimal]:
    """(average wage, floor, ceiling) for the date of ``at``: the figures behind :func:`own_wage`."""
    aw = average_wage(at, city_wages)
    lower = own_wage_floor(at, aw, national(at, "injury.own_wage.lower_ratio").decimal)
    upper = own_wage_ceiling(at, aw, national(at, "injury.own_wage.upper_multiple").decimal)
    return aw, lower, upper
