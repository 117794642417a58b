"""The employer's work-injury contribution (工伤保险费, 工伤保险条例 第十条).

Contribution = the payroll (本单位职工工资总额) × the industry class's base rate × the floating
factor; workers pay nothing. Base rates by industry class 1-8: national (人社部发〔2015〕71号,
from 2015-10-01) or Guangdong's (粤人社规〔2021〕4号, from 2021-05-01, applied by Jiangmen
directly). No province-wide floating factor was found: it is the caller's, within the national
bands (assumed to bound Guangdong's); none given means the base rate. Rounded to 分.
"""

from __future__ import annotations

from decimal import Decimal

from ..engine.api import check
from ..engine.params import At
from ..engine.tables import Unit
from ..engine.trace import fen, rule

RATE_TABLES = {
    "guangdong": "injury.contribution.guangdong_base_rate",
    "national": "injury.contribution.national_base_rate",
}


@rule(
    "injury.industry_base_rate",
    ref="粤人社规〔2021〕4号; 人社部发〔2015〕71号 (行业基准费率)",
    unit=Unit.RATE,
    step=False,
)
def industry_base_rate(at: At, industry_class: int, rates: str) -> Decimal:
    """行业基准费率 of the class, from the chosen table."""
    return at(RATE_TABLES[rates], str(industry_class))


@rule("injury.floating_band", ref="人社部发〔2015〕71号 (浮动费率档次)", unit=Unit.FACTOR, step=False)
def floating_band(at: At, industry_class: int, factor: Decimal) -> Decimal:
    """The caller's floating factor, checked against the class's band."""
    lo = at("injury.contribution.floating_factor_min", str(industry_class))
    hi = at("injury.contribution.floating_factor_max", str(industry_class))
    check(
        lo <= factor <= hi,
        "floating_factor",
        f"第{industry_class}类行业的浮动系数应在 {lo}–{hi} 之间",
        f"for class {industry_class} the floating factor must be within {lo}-{hi}",
    )
    return factor


@rule("injury.contribution_rate", ref="工伤保险条例 第八条 (行业差别费率、浮动费率)", unit=Unit.RATE)
def contribution_rate(at: At, industry_class: int, floating_factor: Decimal, callers: bool, rates: str) -> Decimal:
    """适用费率 = the industry base rate × the floating factor (``callers``: given by the caller and
    checked against the class's band; otherwise the neutral 1, i.e. the base rate)."""
    base = industry_base_rate(at, industry_class, rates)
    return base * (floating_band(at, industry_class, floating_factor) if callers else floating_factor)


@rule("injury.contribution", ref="工伤保险条例 第十条", rounding=fen("税务机关按分征收 / billed in 分"), unit=Unit.YUAN)
def contribution(at: At, payroll: Decimal, rate: Decimal) -> Decimal:
    """工伤保险费 (employer) = payroll × the rate applied."""
    return payroll * rate
