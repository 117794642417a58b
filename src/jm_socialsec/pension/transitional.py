"""过渡性养老金 and 过渡性调整额 (transitional pension and adjustment), Guangdong. All secondary.

- 过渡性养老金 = fixed part (100 元, 粤劳电〔2009〕32号) + 缴费年限津贴 (4 元 × whole contribution
  years, 粤人社〔2014〕8号) + for deemed time (视同缴费, before 1998-07) the old method:
  原办法 = 视同缴费账户储存额 ÷ 120 (粤府〔2006〕96号).
- 过渡性调整额 = max(0, 新办法 − 原办法 − 缴费年限津贴) × the phase-in ratio of the retirement
  year, 新办法 = 计发基数 × 加权视同年数 × 1.2% (粤府函〔2021〕294号).
- 加权视同年数: given, or (视同缴费指数 of the county × deemed months to 1993-12 + Σ actual monthly
  indices 1994-01…1998-06) ÷ 12, exact.

Choices where the texts are silent: the 新办法 and 原办法 amounts are printed lines of the sheet (in
分) and enter the adjustment rounded. Whether sheets from 2026 still add the fixed part on top of
the new-method amount is unconfirmed (a transcribed Shaoguan 2026-01 sheet shows the new-method
amount alone): the fixed part from 2026 is ``assumed`` and the result says so.
"""

from __future__ import annotations

from decimal import Decimal

from ..engine.params import At
from ..engine.regions import Region
from ..engine.tables import Status, Unit
from ..engine.trace import memo, rule
from .basic import SHEET_FEN, YEAR, M
from .exact import Ratio, quotient

_ZERO = Decimal(0)


@rule("pension.years_allowance", ref="粤人社〔2014〕8号 (缴费年限津贴，每满一年)", unit=M, step=False)
def years_allowance(at: At, contribution_months: int) -> Decimal:
    """缴费年限津贴 = 每满一年的津贴 × 缴费整年数."""
    return at("pension.transitional.per_year") * whole_years(at, contribution_months)


@rule("pension.whole_years", ref="粤人社〔2014〕8号 (每满一年)", unit=Unit.YEARS, step=False)
def whole_years(at: At, contribution_months: int) -> int:
    """缴费整年数: completed years of contribution."""
    return contribution_months // YEAR


@rule(
    "pension.old_method",
    ref="粤府〔2006〕96号 (原办法过渡性养老金: 视同缴费账户储存额 ÷ 120)",
    rounding=SHEET_FEN,
    unit=M,
)
def old_method(at: At, deemed_account: Decimal) -> Decimal:
    """原办法过渡性养老金 = 视同缴费账户储存额 ÷ 原办法除数, in 分."""
    (an, ad), (dn, dd) = (
        deemed_account.as_integer_ratio(),
        at("pension.transitional.old_method_divisor").as_integer_ratio(),
    )
    return quotient(an * dd, ad * dn)


@rule(
    "pension.transitional_pension",
    ref="粤劳电〔2009〕32号; 粤人社〔2014〕8号; 粤府〔2006〕96号",
    rounding=SHEET_FEN,
    unit=M,
)
def transitional_pension(at: At, contribution_months: int, old_method: Decimal) -> Decimal:
    """过渡性养老金 = 固定部分 + 缴费年限津贴 + 原办法 (0 without deemed time)."""
    fixed = at.get("pension.transitional.fixed")
    if fixed.status is Status.ASSUMED and not fixed.overridden and fixed.since is not None:
        at.notice(
            "pension.transitional_treatment_unconfirmed", param=fixed.id, year=fixed.since.year, fixed=fixed.value
        )
    return fixed.decimal + years_allowance(at, contribution_months) + old_method


@memo  # a roster repeats contribution months: the line is worked out once per day and months
def transitional_without_deemed(at: At, contribution_months: int) -> Decimal:
    """过渡性养老金 without deemed time (no 原办法 part): it depends on the months alone."""
    return transitional_pension(at, contribution_months, _ZERO)


@rule("pension.weighted_deemed_years", ref="粤府函〔2021〕294号 (加权视同缴费年限)", unit=Unit.YEARS)
def weighted_deemed_years(
    at: At, deemed_months_before_1994: int, index_sum_1994_1998: Decimal, region: Region
) -> Ratio:
    """加权视同年数 = (视同缴费指数 × 1993年底前视同月数 + 1994-01…1998-06 各月指数之和) ÷ 12, exact."""
    (xn, xd), (sn, sd) = (
        at("pension.deemed_index", region.value).as_integer_ratio(),
        index_sum_1994_1998.as_integer_ratio(),
    )
    return Ratio(xn * deemed_months_before_1994 * sd + sn * xd, xd * sd * YEAR)


@rule(
    "pension.new_method",
    ref="粤府函〔2021〕294号 (计发基数 × 加权视同年数 × 1.2%)",
    rounding=SHEET_FEN,
    unit=M,
    step=False,
)
def new_method(at: At, calc_base: Decimal, weighted_deemed_years: Ratio) -> Decimal:
    """新办法过渡性养老金 = 计发基数 × 加权视同年数 × 新办法系数, in 分."""
    (bn, bd), (rn, rd) = calc_base.as_integer_ratio(), at("pension.transitional.new_method_rate").as_integer_ratio()
    return quotient(bn * weighted_deemed_years.numerator * rn, bd * weighted_deemed_years.denominator * rd)


@rule("pension.phase_in", ref="粤府函〔2021〕294号 (过渡性调整额实施比例，按退休年度)", unit=Unit.RATE, step=False)
def phase_in(at: At) -> Decimal:
    """实施比例 of the retirement year (2021 30% … 100% from 2025)."""
    return at("pension.transitional.phase_in")


@rule("pension.transitional_adjustment", ref="粤府函〔2021〕294号 (过渡性调整额)", rounding=SHEET_FEN, unit=M)
def transitional_adjustment(
    at: At, calc_base: Decimal, weighted_deemed_years: Ratio, old_method: Decimal, years_allowance: Decimal
) -> Decimal:
    """过渡性调整额 = max(0, 新办法 − 原办法 − 缴费年限津贴) × 实施比例."""
    gap = max(_ZERO, new_method(at, calc_base, weighted_deemed_years) - old_method - years_allowance)
    (gn, gd), (pn, pd) = gap.as_integer_ratio(), phase_in(at).as_integer_ratio()
    return quotient(gn * pn, gd * pd)
