"""基础养老金 (basic pension): 国发〔2005〕38号 第六条, with Guangdong's a-coefficient.

- 计发基数: the base of the retirement year (粤人社发 yearly notices, e.g. 粤人社发〔2025〕32号
  第二条); before it is published (as of ``as_of``) the previous year's applies, provisionally
  (预发), as on the official sheets — the parameter lookup does that and marks the value.
- 缴费年限 = contribution months (deemed included) ÷ 12, not rounded to whole years.
- 基础养老金 = 计发基数 × (a + 平均缴费指数) ÷ 2 × 缴费年限 × 1%; a = 1, or 指数 ÷ 0.6 below 0.6
  (粤府〔2006〕96号; reconstructed exactly from official determination sheets: secondary). The
  branches meet at the threshold, so the line is continuous there.

Rounding: the line is printed in 分 on the sheet, half-up, once; a is exact (an index ÷ 0.6
rounded to the decimal context first missed exact half-分 ties by 1 分, issue 9).
"""

from __future__ import annotations

from decimal import Decimal

from ..engine.params import At
from ..engine.tables import Unit
from ..engine.trace import fen, memo, rule
from .exact import Ratio, quotient

M = Unit.YUAN_PER_MONTH
YEAR = 12  # months in a year (structural)
SHEET_FEN = fen("基本养老金核定表: each line in 分, half-up, once (粤府〔2006〕96号 as applied on the sheets)")
_ONE = Decimal(1)


@memo  # one base per retirement month: a roster's explanations share its line
@rule("pension.calc_base", ref="国发〔2005〕38号 第六条; 粤人社发〔2025〕32号 第二条 (基本养老金计发基数)", unit=M)
def calc_base(at: At) -> Decimal:
    """计发基数 of the retirement year (the previous year's, provisionally, until published)."""
    return at("pension.calc_base")


@memo  # a roster repeats contribution months: one line per count
@rule("pension.contribution_years", ref="国发〔2005〕38号 第六条 (缴费年限，含视同缴费年限)", unit=Unit.YEARS)
def contribution_years(at: At, contribution_months: int) -> Ratio:
    """缴费年限 = months ÷ 12, exact (printed to 4 places)."""
    return Ratio(contribution_months, YEAR)


@rule("pension.a_coefficient", ref="粤府〔2006〕96号 (基础养老金计发办法, a 系数; secondary)", unit=Unit.INDEX)
def a_coefficient(at: At, average_index: Decimal) -> Decimal | Ratio:
    """a = min(1, 平均缴费指数 ÷ 低指数折算线): 1 from the threshold up, else the exact ratio."""
    threshold = at("pension.low_index_threshold")
    if average_index >= threshold:
        return _ONE
    (xn, xd), (tn, td) = average_index.as_integer_ratio(), threshold.as_integer_ratio()
    return Ratio(xn * td, xd * tn)


@rule("pension.basic_pension", ref="国发〔2005〕38号 第六条; 粤府〔2006〕96号", rounding=SHEET_FEN, unit=M)
def basic_pension(
    at: At, calc_base: Decimal, a_coefficient: Decimal | Ratio, average_index: Decimal, contribution_years: Ratio
) -> Decimal:
    """基础养老金 = 计发基数 × (a + 指数) ÷ 2 × 缴费年限 × 每年计发比例, one exact division."""
    rate = at("pension.basic_rate_per_year")
    (bn, bd), (an, ad) = calc_base.as_integer_ratio(), a_coefficient.as_integer_ratio()
    (xn, xd), (rn, rd) = average_index.as_integer_ratio(), rate.as_integer_ratio()
    yn, yd = contribution_years.numerator, contribution_years.denominator
    return quotient(bn * (an * xd + xn * ad) * yn * rn, bd * ad * xd * 2 * yd * rd)
