"""Every work-injury figure of tables/injury/, stated from its document and checked through the rule
that reads it (issue 14, part 4: table mutation).

Each expected value is the document's figure times a round own wage (1000 yuan) or written out by
hand; nothing is read from the tables here. Documents (tables/sources.toml):

- 工伤保险条例（2010年修订） (work-injury-regulation-2010): 第三十五条至第三十七条 — 一次性伤残补助金
  一级27、二级25、三级23、四级21、五级18、六级16、七级13、八级11、九级9、十级7个月本人工资; 伤残津贴
  一级90%、二级85%、三级80%、四级75%、五级70%、六级60%; 第三十三条 停工留薪期 12 个月, 延长不超过
  12 个月; 第三十九条第一款第（三）项 一次性工亡补助金 = 上一年度全国城镇居民人均可支配收入的 20 倍.
- 广东省工伤保险条例 2011 修订 (gd-injury-regulation-2011, from 2012-01-01) and 2019 修正
  (gd-injury-regulation-2019, from 2019-07-01) 第三十一条、第三十二条: 一次性工伤医疗补助金 五级10、
  六级8、七级6、八级4、九级2、十级1个月; 一次性伤残就业补助金 五级50、六级40、七级25、八级15、九级8、
  十级4个月; 第二十六条 生活护理费 一级60%、二级50%、三级40%、四级30%; 第二十五条 停工留薪期最长 24 个月.
- 2020年度一至四级伤残津贴托底线 (gd-injury-floor-2020): 3776 元/月.
- 国家统计局 统计公报 (nbs-communique-2013 … 2024, nbs-economy-2025): 全国城镇居民人均可支配收入.
- 人社部发〔2015〕71号 (mohrss-2015-71): 一类至八类行业基准费率 0.2%、0.4%、0.7%、0.9%、1.1%、1.3%、
  1.6%、1.9%; 一类可向上浮动至120%、150%, 二类至八类可向上浮动至120%、150%或向下浮动至80%、50%.
- 粤人社规〔2021〕4号 (gd-hrss-2021-4), from 2021-05-01: 一类至八类行业基准费率 0.2%、0.4%、0.6%、
  0.8%、0.9%、1.0%、1.2%、1.4%.
- 粤人社规〔2019〕20号 (gd-hrss-2019-20): 工伤保险省级统筹 from 2019-07-01.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from jm_socialsec.engine.errors import InputError
from jm_socialsec.engine.params import At, Params
from jm_socialsec.injury.contribution import contribution_rate, floating_band
from jm_socialsec.injury.death import death_grant
from jm_socialsec.injury.disability import allowance_floor, allowance_share, disability_lump_sum, paid_leave
from jm_socialsec.injury.leaving import employment_lump_sum, medical_lump_sum
from jm_socialsec.injury.models import CareLevel
from jm_socialsec.injury.nursing import nursing
from jm_socialsec.injury.own_wage import average_wage

AS_OF = date(2026, 11, 30)
OWN_WAGE = Decimal(1000)


def at(day: date) -> At:
    return Params(AS_OF).at(day)


# ------------------------------------------------------------------ 工伤保险条例 第三十五条至第三十七条


@pytest.mark.parametrize(
    ("grade", "months"), [(1, 27), (2, 25), (3, 23), (4, 21), (5, 18), (6, 16), (7, 13), (8, 11), (9, 9), (10, 7)]
)
def test_disability_lump_sum_months_of_every_grade(grade: int, months: int) -> None:
    """工伤保险条例 第三十五条、第三十六条、第三十七条第（一）项: 本人工资 1000 × the grade's months."""
    assert disability_lump_sum(at(date(2024, 6, 1)), grade, OWN_WAGE) == Decimal(1000 * months)


@pytest.mark.parametrize(("grade", "share"), [(1, "900"), (2, "850"), (3, "800"), (4, "750"), (5, "700"), (6, "600")])
def test_disability_allowance_share_of_every_grade(grade: int, share: str) -> None:
    """工伤保险条例 第三十五条第（二）项 (90/85/80/75%), 第三十六条第（二）项 (70/60%): 1000 × the share."""
    assert allowance_share(at(date(2024, 6, 1)), grade, OWN_WAGE) == Decimal(share)


def test_the_2020_floor_of_grades_1_to_4() -> None:
    """2020年度一至四级伤残津贴托底线 3776 元/月, above Jiangmen's minimum wage of 2020 (1550)."""
    assert allowance_floor(at(date(2020, 6, 1)), fund_pays=True) == Decimal(3776)


@pytest.mark.parametrize("injured", [date(2015, 3, 1), date(2020, 3, 1)])
def test_paid_leave_is_at_most_24_months_in_guangdong(injured: date) -> None:
    """广东省工伤保险条例 第二十五条 (2019; the 2011 text reproduced the same): 停工留薪期最长 24 个月."""
    assert paid_leave(at(injured)) == 24


# ------------------------------------------------------------------ 广东省工伤保险条例 第三十一条、第三十二条

MEDICAL = [(5, 10), (6, 8), (7, 6), (8, 4), (9, 2), (10, 1)]
EMPLOYMENT = [(5, 50), (6, 40), (7, 25), (8, 15), (9, 8), (10, 4)]
#: An injury under the 2011 revision (in force 2012-01-01) and one under the 2019 text.
INJURED = [date(2015, 3, 1), date(2020, 3, 1)]


@pytest.mark.parametrize("injured", INJURED)
@pytest.mark.parametrize(("grade", "months"), MEDICAL)
def test_medical_lump_sum_months_of_grades_5_to_10(injured: date, grade: int, months: int) -> None:
    """一次性工伤医疗补助金: 本人工资 1000 × 10/8/6/4/2/1 months (grades 5-10)."""
    got = medical_lump_sum(at(injured), grade, OWN_WAGE, date(2025, 6, 30))
    assert got == Decimal(1000 * months)


@pytest.mark.parametrize("injured", INJURED)
@pytest.mark.parametrize(("grade", "months"), EMPLOYMENT)
def test_employment_lump_sum_months_of_grades_5_to_10(injured: date, grade: int, months: int) -> None:
    """一次性伤残就业补助金: 本人工资 1000 × 50/40/25/15/8/4 months (grades 5-10)."""
    got = employment_lump_sum(at(injured), grade, OWN_WAGE, date(2025, 6, 30))
    assert got == Decimal(1000 * months)


@pytest.mark.parametrize(("level", "expected"), [(1, "3000.00"), (2, "2500.00"), (3, "2000.00"), (4, "1500.00")])
def test_nursing_shares_before_provincial_pooling(level: int, expected: str) -> None:
    """2011 revision, appraisal 2015-03 (city pooling: the caller's Jiangmen 2014 wage, 5000):
    5000 × 60% = 3000, × 50% = 2500, × 40% = 2000, × 30% = 1500."""
    got = nursing(at(date(2015, 3, 1)), CareLevel(level), {2014: Decimal(5000)})
    assert got == Decimal(expected)


def test_pooling_is_provincial_from_july_2019() -> None:
    """粤人社规〔2019〕20号: from 2019-07 the province's 2018 average monthly wage, 6338 (历年全省平均
    工资, gd-average-wages-compilation); in 2019-06 still the caller's Jiangmen figure."""
    assert average_wage(at(date(2019, 6, 30)), {2018: Decimal(5000)}) == Decimal(5000)
    assert average_wage(at(date(2019, 7, 1)), {2018: Decimal(5000)}) == Decimal(6338)


# ------------------------------------------------------------------ 第三十九条 一次性工亡补助金

INCOME = [
    (2013, 26955), (2014, 28844), (2015, 31195), (2016, 33616), (2017, 36396), (2018, 39251),
    (2019, 42359), (2020, 43834), (2021, 47412), (2022, 49283), (2023, 51821), (2024, 54188), (2025, 56502),
]  # fmt: skip


@pytest.mark.parametrize(("year", "income"), INCOME)
def test_death_grant_is_20_times_the_previous_years_national_income(year: int, income: int) -> None:
    """A death in ``year`` + 1: 20 × 全国城镇居民人均可支配收入 of ``year`` (the year's 统计公报)."""
    assert death_grant(at(date(year + 1, 6, 1))) == Decimal(20 * income)


# ------------------------------------------------------------------ 费率: 人社部发〔2015〕71号, 粤人社规〔2021〕4号

NATIONAL = ["0.002", "0.004", "0.007", "0.009", "0.011", "0.013", "0.016", "0.019"]
GUANGDONG = ["0.002", "0.004", "0.006", "0.008", "0.009", "0.010", "0.012", "0.014"]


@pytest.mark.parametrize(("industry_class", "rate"), list(enumerate(NATIONAL, 1)))
def test_national_base_rate_of_every_class(industry_class: int, rate: str) -> None:
    got = contribution_rate(at(date(2018, 1, 1)), industry_class, Decimal(1), False, "national")
    assert got == Decimal(rate)


@pytest.mark.parametrize(("industry_class", "rate"), list(enumerate(GUANGDONG, 1)))
def test_guangdong_base_rate_of_every_class(industry_class: int, rate: str) -> None:
    got = contribution_rate(at(date(2022, 1, 1)), industry_class, Decimal(1), False, "guangdong")
    assert got == Decimal(rate)


@pytest.mark.parametrize("industry_class", range(1, 9))
def test_floating_band_of_every_class(industry_class: int) -> None:
    """Up to 150% for every class; down to 50% for classes 2-8, not below 100% for class 1."""
    a = at(date(2022, 1, 1))
    lowest = Decimal(1) if industry_class == 1 else Decimal("0.5")
    assert floating_band(a, industry_class, lowest) == lowest
    assert floating_band(a, industry_class, Decimal("1.5")) == Decimal("1.5")
    for outside in (lowest - Decimal("0.01"), Decimal("1.51")):
        with pytest.raises(InputError):
            floating_band(a, industry_class, outside)
