"""Work-injury rules called one by one (issue 10): each on a hand case, each property on one rule.

Every rule takes the date-bound accessor (``Params(as_of).at(day)``) and plain values. Expected
values are written out from the articles and the tables' figures (sources in the docstrings):
provincial average monthly wage 2019 6756, 2024 9183 (wages.toml); Jiangmen minimum wage 1550
(2018-07..2021-11), 1850 (2025-03..); 托底线 2021 4138; national urban disposable income 2024
54188; 条例 arts. 35-37 months by grade (7: 13; 10: 7), shares (3: 80%, 4: 75%, 6: 60%);
Guangdong leaving grants (7: 6 / 25 months).
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from jm_socialsec.engine.errors import InputError
from jm_socialsec.engine.evaluate import steps_from
from jm_socialsec.engine.money import round_fen
from jm_socialsec.engine.params import At, Params
from jm_socialsec.engine.trace import tracing, version
from jm_socialsec.injury import Dependent, injury_benefits, share_survivors
from jm_socialsec.injury.contribution import contribution, contribution_rate
from jm_socialsec.injury.death import death_grant, funeral_grant, survivor_cap, survivor_pensions, survivor_rates
from jm_socialsec.injury.disability import (
    allowance_floor,
    allowance_share,
    allowance_top_up,
    disability_allowance,
    disability_lump_sum,
    employer_disability_allowance,
    paid_leave,
    paid_leave_national,
)
from jm_socialsec.injury.leaving import employment_lump_sum, medical_lump_sum, pension_exclusion
from jm_socialsec.injury.nursing import hospital_meals, nursing
from jm_socialsec.injury.own_wage import average_wage, own_wage, own_wage_ceiling, own_wage_floor

AS_OF = date(2026, 11, 21)
D = Decimal


def at(day: str, **overrides: object) -> At:
    return Params(AS_OF, overrides or None).at(date.fromisoformat(day))


# ------------------------------------------------------------------------------ 本人工资 (art. 64)


def test_own_wage_band_and_clamp() -> None:
    """条例 art. 64: 本人工资 below 60% of the 统筹地区上年度职工月平均工资 is raised to 60%, above 300%
    cut to 300%. A 2025 injury: 9183 (2024) × 0.6 = 5509.80; × 3 = 27549.00."""
    a = at("2025-05-20")
    assert average_wage(a, {}) == D(9183)
    assert own_wage_floor(a, D(9183), D("0.6")) == D("5509.80")
    assert own_wage_ceiling(a, D(9183), D(3)) == D("27549.00")
    assert own_wage(a, D(4000), {}) == D("5509.80")
    assert own_wage(a, D(30000), {}) == D("27549.00")
    assert own_wage(a, D("7000.005"), {}) == D("7000.01")  # half up to 分


def test_average_wage_before_pooling_is_the_callers_and_said() -> None:
    """Before provincial pooling (2019-07) the pooling area is Jiangmen: the caller's figure of the
    year before, with a ``caller_value`` warning."""
    a = at("2019-03-01")
    assert average_wage(a, {2018: D(6000)}) == D(6000)
    assert [code for code, _ in a.params.notices] == ["injury.caller_value"]
    with pytest.raises(InputError) as err:
        average_wage(at("2019-03-01"), {})
    assert err.value.field == "city_average_wages"


# ------------------------------------------------------------------------------ disability


def test_disability_lump_sum_is_own_wage_times_the_grades_months() -> None:
    """条例 art. 37 (一): grade 7 → 13 months; 8000 × 13 = 104000."""
    assert disability_lump_sum(at("2025-03-10"), 7, D("8000.00")) == D("104000.00")


def test_paid_leave_guangdong_cap_and_the_2011_national_sum() -> None:
    """条例 art. 33: 12 months + 12 of extension; 广东 art. 25: at most 24 (from 2012-01-01)."""
    assert paid_leave(at("2025-03-10")) == 24
    assert paid_leave_national(at("2011-06-01")) == 24  # 12 + 12
    assert version((paid_leave_national, paid_leave), date(2011, 12, 31)) is paid_leave_national
    assert version((paid_leave_national, paid_leave), date(2012, 1, 1)) is paid_leave


def test_the_guangdong_cap_rule_starts_on_its_tables_first_day() -> None:
    """The rule versions' declared dates (injury/disability.py) agree with the table they read:
    广东省工伤保险条例 (2011 revision) in force 2012-01-01, the first period of its cap."""
    from jm_socialsec.engine.tables import registry

    first = registry()["injury.paid_leave.guangdong_max_months"].first
    assert paid_leave.rule.since == first == date(2012, 1, 1)  # type: ignore[attr-defined]
    assert paid_leave_national.rule.until == first - timedelta(days=1)  # type: ignore[attr-defined]


def test_allowance_share_floor_and_top_up() -> None:
    """条例 art. 35 (二): grade 3 → 80% of 本人工资; floored at the minimum wage (1850 in 2025-03);
    Guangdong's 2025 托底线 was not collected: only the minimum wage, and a warning."""
    a = at("2025-03-10")
    assert allowance_share(a, 3, D("8000.00")) == D("6400.00")
    assert allowance_floor(a, True) == D(1850)
    assert [code for code, _ in a.params.notices] == ["injury.not_collected"]
    assert allowance_floor(at("2021-03-01"), True) == D(4138)  # 托底线 2021 > 1550
    assert allowance_floor(at("2021-03-01"), False) == D(1550)  # grades 5-6: minimum wage only
    assert allowance_top_up(a, D("3305.88"), D(4000)) == D("694.12")
    assert allowance_top_up(a, D("6400.00"), D(1850)) == D("0.00")


def test_allowances_of_the_fund_and_of_the_employer() -> None:
    """Grade 4 (fund, art. 35): 4053.60 × 75% = 3040.20 → 托底线 2021 4138.00. Grade 6 (employer,
    art. 36) with a what-if minimum wage of 4000: 5509.80 × 60% = 3305.88 → 4000.00."""
    assert disability_allowance(at("2020-06-01"), 4, D("4053.60"), date(2021, 3, 1)) == D("4138.00")
    a = at("2025-03-10", **{"wages.minimum_monthly": 4000})
    assert employer_disability_allowance(a, 6, D("5509.80"), date(2025, 3, 10)) == D("4000.00")


# ------------------------------------------------------------------------------ leaving grants


def test_leaving_grants_grade_7() -> None:
    """广东 2019 art. 32: grade 7 → 6 months (医疗, fund) and 25 months (就业, employer) of 本人工资."""
    a, left = at("2025-03-10"), date(2026, 10, 31)
    assert medical_lump_sum(a, 7, D("8000.00"), left) == D("48000.00")
    assert employment_lump_sum(a, 7, D("8000.00"), left) == D("200000.00")


def test_pension_exclusion_grades_7_to_10_only() -> None:
    """广东 2019 art. 32: grades 7-10 drawing a basic pension get neither grant; grade 6 (art. 31)
    is not named: paid, and the input is said to have had no effect."""
    assert pension_exclusion(at("2025-12-31"), 8, True) is True
    a = at("2025-12-31")
    assert pension_exclusion(a, 6, True) is False
    assert [code for code, _ in a.params.notices] == ["injury.input_no_effect"]
    assert pension_exclusion(at("2025-12-31"), 8, False) is False


# ------------------------------------------------------------------------------ care, hospital


@pytest.mark.parametrize(("level", "expected"), [(1, "5509.80"), (2, "4591.50"), (3, "3673.20"), (4, "2754.90")])
def test_nursing_four_levels(level: int, expected: str) -> None:
    """广东 2019 art. 26: 60 / 50 / 40 / 30% of 全省上年度职工月平均工资 (9183 for 2025)."""
    assert nursing(at("2025-03-10"), level, {}) == D(expected)


def test_hospital_meals() -> None:
    """The caller's daily amount × days: 35.5 × 45 = 1597.50."""
    assert hospital_meals(at("2025-03-10"), D("35.5"), 45) == D("1597.50")


# ------------------------------------------------------------------------------ death (art. 39)


def test_death_items() -> None:
    """Art. 39: funeral 9183 × 6 = 55098; spouse 40% and orphan 30% + 10% of 7000 = 5600, cap
    7000 × 1; death grant 54188 (2024) × 20 = 1083760."""
    a = at("2025-06-01")
    assert funeral_grant(a, {}) == D("55098.00")
    assert survivor_rates(a, (Dependent.SPOUSE, Dependent.ORPHAN)) == (D("0.4"), D("0.4"))
    assert survivor_cap(a, D(7000)) == D("7000.00")
    assert survivor_pensions(a, (Dependent.SPOUSE, Dependent.ORPHAN), D("7000.00"), D(7000)) == D("5600.00")
    three = (Dependent.SPOUSE, Dependent.ORPHAN, Dependent.LONE_ELDERLY)  # 120% → capped at 7000
    assert survivor_pensions(a, three, D("7000.00"), D(7000)) == D("7000.00")
    assert death_grant(a) == D("1083760.00")


# ------------------------------------------------------------------------------ contribution


def test_contribution_rate_and_amount() -> None:
    """粤人社规〔2021〕4号: class 3 base rate 0.6%; × 1.2 = 0.72%; 1,000,000 × 0.0072 = 7200."""
    a = at("2026-10-01")
    rate = contribution_rate(a, 3, D("1.2"), True, "guangdong")
    assert rate == D("0.0072")
    assert contribution(a, D(1000000), rate) == D("7200.00")
    assert contribution_rate(a, 3, D(1), False, "guangdong") == D("0.006")
    with pytest.raises(InputError):  # class 1 does not float down (人社部发〔2015〕71号)
        contribution_rate(a, 1, D("0.8"), True, "guangdong")


# ------------------------------------------------------------------------------ the trace


def test_steps_are_the_rules_in_the_order_of_the_articles() -> None:
    """The explanation is built from the trace: one line per rule shown, helpers folded in.
    (Step ids are rule names since issue 10: ``monthly_allowance`` is ``disability_allowance``.)"""
    r = injury_benefits(3, "2025-03-10", 8000, care_level=2, as_of=AS_OF)
    assert [s.id for s in r.steps] == [
        "own_wage",
        "disability_lump_sum",
        "paid_leave",
        "disability_allowance",
        "nursing",
    ]
    own = r.steps[0]
    assert [pv.id for pv in own.params] == [
        "injury.own_wage.lower_ratio",
        "injury.own_wage.upper_multiple",
        "injury.provincial_pooling_since",
        "wages.provincial_average_monthly",
    ]
    assert "60%–300%" in own.formula_zh


def test_texts_follow_the_table_values() -> None:
    """A figure in a text is the value used: with the ceiling overridden to 4 × the formula says 400%."""
    r = injury_benefits(7, "2025-03-10", 8000, as_of=AS_OF, overrides={"injury.own_wage.upper_multiple": 4})
    assert "60%–400%" in r.steps[0].formula_zh and "9183 × 4 = 36732.00" in r.steps[0].calc


def test_an_untraced_run_builds_no_step() -> None:
    params = Params(AS_OF)
    with tracing() as root:
        own_wage(params.at(date(2025, 5, 20)), D(8000), {})
    assert [s.id for s in steps_from(root)] == ["own_wage"]


# ------------------------------------------------------------------------------ properties of single rules

money = st.decimals(min_value=0, max_value=10**6, places=2)


@settings(deadline=None, max_examples=80)
@given(money, money)
def test_own_wage_is_inside_the_band_and_monotone(a: Decimal, b: Decimal) -> None:
    acc = at("2025-05-20")
    lo, hi = sorted((a, b))
    x, y = own_wage(acc, lo, {}), own_wage(acc, hi, {})
    assert D("5509.80") <= x <= y <= D("27549.00")


@settings(deadline=None, max_examples=80)
@given(money, st.integers(1, 4))
def test_allowance_is_the_share_plus_a_non_negative_top_up_never_below_the_floor(own: Decimal, grade: int) -> None:
    acc = at("2021-03-01")
    allowance = disability_allowance(acc, grade, own, date(2021, 3, 1))
    share = allowance_share(acc, grade, own)
    assert allowance >= max(share, D(4138))
    assert allowance - share == allowance_top_up(acc, share, allowance_floor(acc, True)) >= 0


@settings(deadline=None, max_examples=100)
@example([D("33.334")] * 3, D(100))
@example(
    [D("0.005"), D("0.005"), D("42.735")], D("42.75")
)  # found by mutation testing: under the cap only before rounding
@given(st.lists(st.decimals(min_value=0, max_value=50000, places=4), max_size=8), money)
def test_shared_survivor_pensions_never_exceed_the_cap_and_hit_it_when_capped(raw: list[Decimal], cap: Decimal) -> None:
    """条例 art. 39 (二): the total paid is not above the cap; when the shares rounded to 分 would be
    above it, they are scaled to split the cap exactly, and the result says it was capped."""
    shares, capped = share_survivors(raw, cap)
    assert all(s >= 0 and s.as_tuple().exponent == -2 for s in shares)
    total = sum(shares, D(0))
    assert total <= cap
    over = sum((round_fen(r) for r in raw), D(0)) > cap
    assert capped == over
    if over:
        assert total == cap
    else:
        assert shares == [round_fen(r) for r in raw]


@settings(deadline=None, max_examples=40)
@given(st.integers(1, 3), st.dates(min_value=date(2019, 7, 1), max_value=date(2025, 12, 31)))
def test_nursing_falls_with_the_care_level(level: int, day: date) -> None:
    acc = Params(AS_OF).at(day)
    assert nursing(acc, level, {}) >= nursing(acc, level + 1, {})


@settings(deadline=None, max_examples=40)
@given(st.decimals(min_value=0, max_value=1000, places=2), st.integers(0, 400))
def test_hospital_meals_are_linear_in_days(daily: Decimal, days: int) -> None:
    acc = at("2025-03-10")
    assert hospital_meals(acc, daily, days + 1) - hospital_meals(acc, daily, days) == daily
