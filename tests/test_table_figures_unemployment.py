"""Every unemployment figure of tables/unemployment/ (and the minimum wages it rests on), stated
from its document and checked through the rule that reads it (issue 14, part 4: table mutation).
Nothing here is read from the tables.

Documents (tables/sources.toml):

- 广东省失业保险条例 (2013 修订 gd-unemployment-regulation-2013, 2022 修正 -2022, 2025 修正 -2025):
  第十五条 累计缴费满一年; 第十七条 缴费时间一至四年的，每满一年，领取期限为一个月；四年以上的部分，
  每满半年，领取期限增加一个月；最长为二十四个月; 第八条 缴费基数上限为上年度在岗职工月平均工资的三倍;
  第十九条 失业保险金按最低工资标准的 80% (2013 text), 90% (2018 adjustment, gd-unemployment-benefit-2018;
  2022 and 2025 texts).
- 最低工资标准 (江门, 第三类地区): 2013-05 1130, 2015-05 1350 (粤府函〔2015〕20号), 2018-07 1550,
  2021-12 1720 (粤府函〔2021〕345号), 2025-03 1850 (粤府函〔2025〕23号), 2026-09 2040 (粤府函〔2026〕188号).
  Jiangmen's own figures agree: 2015 benefit 1080 = 1350 × 80%, 2020 benefit 1395 = 1550 × 90%.
- 缴费比例: 个人 0.2% (gd-unemployment-rates-reproduced), 单位 0.8% (national-unemployment-rate-cut; 2026
  an assumption of the project); 灵活就业人员 1% of a base up to three times the average wage
  (粤人社规〔2025〕50号 第六条).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from jm_socialsec.engine.months import YearMonth
from jm_socialsec.engine.params import At, Params
from jm_socialsec.unemployment import unemployment_benefit
from jm_socialsec.unemployment.amount import benefit_standard
from jm_socialsec.unemployment.contributions import (
    contribution_base,
    employee_share,
    employer_share,
    flexible_contribution_base,
    flexible_share,
)
from jm_socialsec.unemployment.duration import benefit_duration
from jm_socialsec.unemployment.side import (
    average_contribution_wage,
    childbirth_supplement,
    farmer_transition,
    job_search_due,
    job_search_monthly,
    lump_sum_months,
    reemployment_conditions,
)
from jm_socialsec.unemployment.side import funeral_grant as unemployment_funeral_grant
from jm_socialsec.unemployment.side import survivor_grant as unemployment_survivor_grant

AS_OF = date(2026, 11, 30)


def at(month: str) -> At:
    return Params(AS_OF).at(YearMonth.of(month))


# ------------------------------------------------------------------ 第十五条、第十七条: 领取期限

#: (contribution months, months of benefit): under a year nothing; a month per full year to four
#: years; a month more per full half year beyond; at most 24.
DURATION = [(11, 0), (12, 1), (23, 1), (24, 2), (47, 3), (48, 4), (53, 4), (54, 5), (60, 6), (66, 7),
            (162, 23), (168, 24), (174, 24), (400, 24)]  # fmt: skip


@pytest.mark.parametrize("month", ["2020-06", "2026-01"])  # the 2022 text, the 2025 text
@pytest.mark.parametrize(("months", "earned"), DURATION)
def test_duration_of_every_step(month: str, months: int, earned: int) -> None:
    assert benefit_duration(at(month), months) == earned


# ------------------------------------------------------------------ 第十九条: 失业保险金标准

STANDARD = [
    ("2014-07", "904.00"),  # 1130 × 80%
    ("2016-06", "1080.00"),  # 1350 × 80% (Jiangmen's 2015 figure)
    ("2018-04", "1080.00"),  # the 80% to the end of April 2018
    ("2018-05", "1215.00"),  # 1350 × 90%
    ("2020-06", "1395.00"),  # 1550 × 90% (Jiangmen's 2020 figure)
    ("2022-06", "1548.00"),  # 1720 × 90% (2022 text)
    ("2025-01", "1548.00"),  # 1720 × 90% (2025 text from 2025-01-12; January read on its first day)
    ("2025-06", "1665.00"),  # 1850 × 90%
    ("2026-10", "1836.00"),  # 2040 × 90%
]


@pytest.mark.parametrize(("month", "standard"), STANDARD)
def test_benefit_standard_of_every_period(month: str, standard: str) -> None:
    assert benefit_standard(at(month)) == Decimal(standard)


def test_benefit_standard_under_the_2025_text() -> None:
    """From 2025-01-12 (the 2025 text): 1720 × 90% = 1548.00."""
    assert benefit_standard(Params(AS_OF).at(date(2025, 1, 20))) == Decimal("1548.00")


# ------------------------------------------------------------------ 第八条, 缴费比例


@pytest.mark.parametrize("month", ["2020-06", "2026-01"])
def test_contribution_base_is_capped_at_three_times_the_average_wage(month: str) -> None:
    """Average 5000: a wage of 10⁶ is held at 15000; a wage of 1 raised to the minimum wage."""
    assert contribution_base(at(month), Decimal(10**6), Decimal(5000)) == Decimal(15000)


def test_flexible_worker_base_and_rate() -> None:
    """粤人社规〔2025〕50号 第六条: cap 3 × 5000 = 15000; 1% of 10000 = 100.00."""
    a = at("2026-03")
    assert flexible_contribution_base(a, Decimal(10**6), Decimal(5000)) == Decimal(15000)
    assert flexible_share(a, Decimal(10000)) == Decimal("100.00")


@pytest.mark.parametrize("month", ["2017-01", "2025-12", "2026-01"])
def test_employee_and_employer_rates(month: str) -> None:
    """On 10000: 个人 0.2% = 20.00, 单位 0.8% = 80.00."""
    a = at(month)
    assert employee_share(a, Decimal(10000)) == Decimal("20.00")
    assert employer_share(a, Decimal(10000)) == Decimal("80.00")


@pytest.mark.parametrize("month", ["2020-06", "2026-01"])  # 2022 text art. 47, 2025 text art. 43
def test_farmer_contract_worker_lump_sum(month: str) -> None:
    """「超过12个月的部分，每满一个月按照失业前十二个月平均缴费工资的百分之二」: the last 12 wages (4500
    each; an older 1000 is outside the window) → 4500 × 2% × (30 − 12) = 1620.00."""
    wages = [Decimal(1000)] + [Decimal(4500)] * 12
    assert farmer_transition(at(month), wages, 30) == Decimal("1620.00")


@pytest.mark.parametrize("month", ["2020-06", "2025-01"])  # to 2024-12, and 2025-01-01…2025-01-11
def test_early_reemployment_needs_a_contract_of_a_year_and_three_months_insured(month: str) -> None:
    """2022 text 第二十二条: 「签订一年以上劳动合同」 and 「参加失业保险满三个月」 (deleted from 2025-01-12)."""
    a = at(month)
    assert reemployment_conditions(a, 12, 3) is True
    assert reemployment_conditions(a, 11, 3) is False
    assert reemployment_conditions(a, 12, 2) is False


# ------------------------------------------------------------------ 2022 text 第二十条至第二十三条 (deleted 2025-01-12)
#: Read in June 2020 and in January 2025 (its first day: the 2022 text was in force until 2025-01-11).
TEXT_2022 = ["2020-06", "2025-01"]


@pytest.mark.parametrize("month", TEXT_2022)
def test_job_search_allowance_15_percent_for_at_most_6_months(month: str) -> None:
    """第二十条: 失业前12个月平均缴费工资 × 15%, 最长六个月: the last 12 wages average 4000 (an older
    1000 left out) → 600.00 a month; 8 months due → 6 paid."""
    a = at(month)
    wages = [Decimal(1000)] + [Decimal(4000)] * 12
    first = YearMonth.of(month)
    assert job_search_monthly(a, Decimal(4000)) == Decimal("600.00")
    assert job_search_due(a, first, first + 7) == 6
    assert average_contribution_wage(a, wages, "unemployment.job_search.wage_window_months") == Decimal(4000)


@pytest.mark.parametrize("month", TEXT_2022)
def test_childbirth_supplement_is_three_months_of_benefit(month: str) -> None:
    """第二十一条: 领取期间生育 a one-off 3 × that month's benefit: 3 × 1548 = 4644.00."""
    assert childbirth_supplement(at(month), Decimal(1548), YearMonth.of(month)) == Decimal("4644.00")


@pytest.mark.parametrize("month", TEXT_2022)
def test_lump_sums_on_a_new_job_half_and_on_a_business_all(month: str) -> None:
    """第二十二条: 提前再就业 50% of the remaining months at once (7 → 3.5 → 4, a part month whole);
    第二十三条: 自主创业 all of them (7)."""
    a = at(month)
    assert lump_sum_months(a, 7, "unemployment.early_reemployment.share") == 4
    assert lump_sum_months(a, 7, "unemployment.business_start.share") == 7


@pytest.mark.parametrize("month", ["2020-06", "2026-01"])  # 2022 text art. 25, 2025 text art. 21
def test_death_grants_three_and_six_months_of_the_average_wage(month: str) -> None:
    """丧葬补助金 3 × and 抚恤金 6 × 上年度月平均工资 (5000): 15000.00 + 30000.00."""
    a = at(month)
    assert unemployment_funeral_grant(a, Decimal(5000)) == Decimal("15000.00")
    assert unemployment_survivor_grant(a, Decimal(5000)) == Decimal("30000.00")


@pytest.mark.parametrize("claim", ["2020-06", "2026-10"])  # 2022 text art. 47, 2025 text art. 43 and 45
def test_the_farmer_contract_worker_line_cites_the_cutoff_of_july_2014(claim: str) -> None:
    """「本条例施行前」: the 2013 revision in force 2014-07-01 (2025 text 第四十五条「2014年7月1日起施行」);
    the explanation's line shows the month the months are counted before."""
    r = unemployment_benefit(
        claim, "jiangmen", 60, 0, "contract_expired", farmer_contract_months=30,
        recent_contribution_wages=[4500] * 12, as_of=AS_OF,
    )  # fmt: skip
    line = next(s for s in r.steps if s.id == "farmer_transition")
    cited = {pv.id: pv.value for pv in line.params}
    assert cited["unemployment.farmer_transition.cutoff_month"] == YearMonth(2014, 7)
    assert r.farmer_transition_lump_sum == Decimal("1620.00")
