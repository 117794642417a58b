"""Every pension figure of tables/pension/, stated from its document and checked through the rule that
reads it (issue 14, part 4: table mutation). Nothing here is read from the tables.

Documents (tables/sources.toml):

- 国发〔2005〕38号 (state-council-2005-38), 附件 个人账户养老金计发月数表: 40岁 233 … 70岁 56 (below).
- 粤府函〔2021〕294号 (gd-gov-2021-294): 过渡性调整额 2021年 30%、2022年 50%、2023年 70%、2024年 90%,
  第五年（2025年）及以后 100%; 附件 各地视同缴费指数 (as reproduced): 江门 1.066 (蓬江、江海、新会 the
  same), 台山 0.932, 开平 0.760, 鹤山 0.933, 恩平 0.862.
- 计发基数 2022 8682 (粤人社发〔2022〕33号), 2023 9028, 2024 9307 (粤人社发〔2024〕34号), 2025 9493
  (粤人社发〔2025〕32号 第二条).
- 缴费基数上下限 2024-07…2025-06: 27501 / 4492 (粤人社发〔2024〕33号, 其他地区); 2025-07…2026-06:
  27549 / 4775 (粤人社发〔2025〕32号). 灵活就业人员 20%: 统筹 12%, 个人账户 8% (粤人社规〔2021〕5号;
  粤人社规〔2026〕14号 from 2026-05-01).
- 最低缴费年限: 15 years (国发〔1997〕26号 第五条; 社会保险法 第十六条), then 国务院关于渐进式延迟法定
  退休年龄的办法 第二条、附件4: from 2030 six months more each year, 20 years from 2039.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

from jm_socialsec import min_contribution_years
from jm_socialsec.engine.months import Age, YearMonth
from jm_socialsec.engine.params import At, Params
from jm_socialsec.engine.regions import Region
from jm_socialsec.pension import account, basic, contributions, death, transitional
from jm_socialsec.pension.exact import Mixed, Ratio

AS_OF = date(2026, 11, 30)


def at(month: str) -> At:
    return Params(AS_OF).at(YearMonth.of(month))


# ------------------------------------------------------------------ 计发月数 (国发〔2005〕38号 附件)

ANNUITY_MONTHS = {
    40: 233, 41: 230, 42: 226, 43: 223, 44: 220, 45: 216, 46: 212, 47: 208, 48: 204, 49: 199,
    50: 195, 51: 190, 52: 185, 53: 180, 54: 175, 55: 170, 56: 164, 57: 158, 58: 152, 59: 145,
    60: 139, 61: 132, 62: 125, 63: 117, 64: 109, 65: 101, 66: 93, 67: 84, 68: 75, 69: 65, 70: 56,
}  # fmt: skip


@pytest.mark.parametrize(("age", "months"), ANNUITY_MONTHS.items())
def test_annuity_months_of_every_whole_age(age: int, months: int) -> None:
    """Before 2025 (whole ages): the annex's row of the age."""
    assert account.annuity_months(at("2024-06"), Age(age, 0)) == months


@pytest.mark.parametrize("age", range(40, 70))
def test_annuity_months_between_two_ages_from_2025(age: int) -> None:
    """From 2025, to the month (one decimal, half-up): at age + 6 months the mean of the two rows,
    (low + high) ÷ 2 rounded to 0.1 — e.g. 60岁6个月 (139 + 132) ÷ 2 = 135.5."""
    low, high = ANNUITY_MONTHS[age], ANNUITY_MONTHS[age + 1]
    expected = (Decimal(low + high) / 2).quantize(Decimal("0.1"))
    assert account.annuity_months_by_month(at("2025-09"), Age(age, 6)) == expected


def test_annuity_months_to_the_month_keep_one_decimal() -> None:
    """One decimal (0.1): 60岁1个月 139 − 7 × 1/12 = 138.416… → 138.4 (not 138 with a step of 1,
    not 138.42 with 0.01)."""
    assert account.annuity_months_by_month(at("2025-09"), Age(60, 1)) == Decimal("138.4")


# ------------------------------------------------------------------ 过渡性调整额 (粤府函〔2021〕294号)

PHASE_IN = [("2021-06", "0.3"), ("2022-06", "0.5"), ("2023-06", "0.7"), ("2024-06", "0.9"), ("2025-06", "1"),
            ("2026-06", "1")]  # fmt: skip


@pytest.mark.parametrize(("month", "ratio"), PHASE_IN)
def test_phase_in_ratio_of_every_retirement_year(month: str, ratio: str) -> None:
    assert transitional.phase_in(at(month)) == Decimal(ratio)


@pytest.mark.parametrize(
    ("month", "expected"),
    [
        ("2021-06", "300.00"),
        ("2022-06", "500.00"),
        ("2023-06", "700.00"),
        ("2024-06", "900.00"),
        ("2025-06", "1000.00"),
    ],
)
def test_adjustment_follows_the_phase_in(month: str, expected: str) -> None:
    """(新办法 − 原办法 − 固定部分与年限津贴) × ratio: (1240.00 − 100.00 − 140.00) = 1000.00 × 30/50/70/90/100%.
    新办法 = 10000 × 10⅓ years × 1.2% = 1240.00 (粤府函〔2021〕294号 计发基数 × 加权视同年数 × 1.2%)."""
    a = at(month)
    assert transitional.new_method(a, Decimal(10000), Ratio(31, 3)) == Decimal("1240.00")
    got = transitional.transitional_adjustment(a, Decimal(10000), Ratio(31, 3), Decimal(100), Decimal(140))
    assert got == Decimal(expected)


DEEMED_INDEX = {
    Region.JIANGMEN: "1.066", Region.PENGJIANG: "1.066", Region.JIANGHAI: "1.066", Region.XINHUI: "1.066",
    Region.TAISHAN: "0.932", Region.KAIPING: "0.760", Region.HESHAN: "0.933", Region.ENPING: "0.862",
}  # fmt: skip


@pytest.mark.parametrize(("region", "index"), DEEMED_INDEX.items())
def test_deemed_index_of_every_region(region: Region, index: str) -> None:
    """加权视同年数 = 指数 × 60 deemed months ÷ 12 = 指数 × 5 (no 1994-1998 months)."""
    got = transitional.weighted_deemed_years(at("2025-09"), 60, Decimal(0), region)
    assert got == Fraction(Decimal(index)) * 5


# ------------------------------------------------------------------ 计发基数, 缴费基数, 缴费比例


@pytest.mark.parametrize(("year", "base"), [(2022, 8682), (2023, 9028), (2024, 9307), (2025, 9493)])
def test_calculation_base_of_every_published_year(year: int, base: int) -> None:
    assert basic.calc_base(at(f"{year}-06")) == base


@pytest.mark.parametrize(
    ("month", "lower", "upper"), [("2024-07", 4492, 27501), ("2025-06", 4492, 27501), ("2025-07", 4775, 27549)]
)
def test_contribution_base_limits_of_every_window(month: str, lower: int, upper: int) -> None:
    """A wage of 1 is raised to the lower limit, a wage of 10⁶ held at the upper one."""
    a = at(month)
    assert contributions.contribution_base(a, Decimal(1)) == lower
    assert contributions.contribution_base(a, Decimal(10**6)) == upper


@pytest.mark.parametrize("month", ["2024-07", "2026-04", "2026-05"])
def test_flexible_worker_pays_12_percent_pooled_and_8_percent_to_the_account(month: str) -> None:
    """On a base of 10000: 统筹 1200.00, 个人账户 800.00 (20% in all)."""
    a = at(month)
    assert contributions.flexible_pooled_share(a, Decimal(10000)) == Decimal("1200.00")
    assert contributions.flexible_account_share(a, Decimal(10000)) == Decimal("800.00")


# ------------------------------------------------------------------ 最低缴费年限

MINIMUM_YEARS = [(1998, "15"), (2011, "15"), (2029, "15"), (2030, "15.5"), (2031, "16"), (2032, "16.5"),
                 (2033, "17"), (2034, "17.5"), (2035, "18"), (2036, "18.5"), (2037, "19"), (2038, "19.5"),
                 (2039, "20"), (2040, "20")]  # fmt: skip


@pytest.mark.parametrize(("year", "years"), MINIMUM_YEARS)
def test_minimum_contribution_years_of_every_year(year: int, years: str) -> None:
    assert min_contribution_years(year) == Decimal(years)


# ------------------------------------------------------------------ 人社部发〔2021〕18号 第四条、第五条 (death)

#: 第五条: under 5 years 3 months; 5 to under 10 years 6; 10 to 15 years (inclusive) 9; a month more per
#: further year, counted to the month; years above 30 count as 30; at most 24 months.
SURVIVOR_MONTHS = [(59, 3), (60, 6), (119, 6), (120, 9), (180, 9), (186, Fraction(19, 2)), (192, 10),
                   (360, 24), (372, 24)]  # fmt: skip


@pytest.mark.parametrize(("months", "expected"), SURVIVOR_MONTHS)
def test_survivor_months_of_every_step(months: int, expected: Fraction) -> None:
    assert death.in_service_months(Params(AS_OF).at(date(2024, 5, 1)), months) == expected


def test_a_pensioner_keeps_at_least_9_months() -> None:
    """10 months by contribution time (16 years), 5 years of pension drawn: 10 − 5 = 5 → the floor, 9."""
    a = Params(AS_OF).at(date(2024, 5, 1))
    assert death.pensioner_months(a, Mixed(10), 60) == 9
    assert death.pensioner_months(a, Mixed(24), 60) == 19  # 24 − 5 × 1


def test_own_contributions_cap_below_5_years() -> None:
    a = Params(AS_OF).at(date(2024, 5, 1))
    assert death.own_contributions_cap(a, 59) is True
    assert death.own_contributions_cap(a, 60) is False


@pytest.mark.parametrize(
    ("died_on", "standard", "funeral"),
    [(date(2021, 10, 1), "4188.08", "8376.17"), (date(2022, 5, 1), "4571.17", "9142.33")],
)
def test_monthly_standard_and_funeral_grant_of_each_year(died_on: date, standard: str, funeral: str) -> None:
    """广东统计公报: 2020 城镇居民人均可支配收入 50257 → 50257 ÷ 12 = 4188.083… → 4188.08, × 2 = 8376.166… →
    8376.17; 2021: 54854 → 4571.166… → 4571.17, × 2 = 9142.333… → 9142.33 (第四条: 2 倍)."""
    a = Params(AS_OF).at(died_on)
    assert death.monthly_standard(a) == Decimal(standard)
    income = Decimal(50257 if died_on.year == 2021 else 54854)
    assert death.funeral_grant(a, income) == Decimal(funeral)
