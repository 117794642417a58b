"""Each pension rule called on its own, on hand cases written out from the documents.

Sources as in the rule modules: 国发〔2005〕38号 第六条 and annex (计发月数); 粤府〔2006〕96号 (a, 原办法
÷ 120, secondary); 粤人社〔2014〕8号 (4 元 a year); 粤府函〔2021〕294号 (1.2%, phase-in); 社会保险法 第十六条
and the 2024 办法 附件4 (minimum years); 人社部发〔2021〕18号 第四条、第五条 (death). Figures are written
out here, not read from the tables; the rules read them through the accessor.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jm_socialsec.engine.money import round_exact
from jm_socialsec.engine.months import Age, YearMonth
from jm_socialsec.engine.params import At, Params
from jm_socialsec.engine.regions import Region
from jm_socialsec.engine.tables import registry
from jm_socialsec.engine.trace import Rounding, in_force
from jm_socialsec.pension import account, basic, death, eligibility, transitional
from jm_socialsec.pension.api import total_pension
from jm_socialsec.pension.exact import Mixed, Months, Ratio, quotient

AS_OF = date(2026, 11, 21)
FEN = Decimal("0.01")


def at(month: str, **overrides: object) -> At:
    return Params(AS_OF, overrides or None).at(YearMonth.of(month))


# ------------------------------------------------------------------------------ 基础养老金


def test_a_coefficient_is_one_from_the_threshold_and_the_exact_ratio_below() -> None:
    """粤府〔2006〕96号 (secondary): a = index ÷ 0.6 below 0.6, else 1 — 0.5241 ÷ 0.6 = 0.8735 exactly;
    0.5 ÷ 0.6 = 5/6, kept exact and printed 0.8333."""
    assert basic.a_coefficient(at("2025-09"), Decimal("0.85")) == 1
    assert basic.a_coefficient(at("2025-09"), Decimal("0.6")) == 1
    assert basic.a_coefficient(at("2025-09"), Decimal("0.5241")) == Fraction(5241, 6000)
    five_sixths = basic.a_coefficient(at("2025-09"), Decimal("0.5"))
    assert five_sixths == Fraction(5, 6) and str(five_sixths) == "0.8333"


def test_contribution_years_are_exact_and_printed_to_four_places() -> None:
    years = basic.contribution_years(at("2025-03"), 208)
    assert years == Fraction(52, 3) and str(years) == "17.3333"


def test_basic_pension_the_issue_tie() -> None:
    """Issue 9: 9307 × (0.3125 ÷ 0.6 + 0.3125) ÷ 2 × 216/12 × 1% = 9307 × 0.075 = 698.025 → 698.03."""
    a = at("2025-03")
    index = Decimal("0.3125")
    result = basic.basic_pension(a, Decimal(9307), basic.a_coefficient(a, index), index, Ratio(216, 12))
    assert result == Decimal("698.03")


def test_basic_pension_zhongshan_sheet() -> None:
    """Zhongshan 2025-04 sheet: 9307 × (0.8735 + 0.5241) ÷ 2 × 208/12 × 1% = 1127.3134… → 1127.31."""
    a = at("2025-03")
    index = Decimal("0.5241")
    result = basic.basic_pension(a, Decimal(9307), basic.a_coefficient(a, index), index, Ratio(208, 12))
    assert result == Decimal("1127.31")


@given(st.integers(1, 30000), st.integers(1, 30000), st.integers(12, 540))
def test_basic_pension_never_falls_with_the_index(i: int, j: int, months: int) -> None:
    a = at("2025-09")
    lo, hi = sorted((Decimal(i) / 10000, Decimal(j) / 10000))
    years = basic.contribution_years(a, months)
    line = [basic.basic_pension(a, Decimal(9493), basic.a_coefficient(a, x), x, years) for x in (lo, hi)]
    assert Decimal(0) <= line[0] <= line[1]


# ------------------------------------------------------------------------------ 计发月数, 个人账户养老金


@pytest.mark.parametrize(
    ("age", "months"),
    [((60, 0), 139), ((60, 1), Decimal("138.4")), ((51, 11), Decimal("185.4")), ((60, 3), Decimal("137.3"))],
)
def test_annuity_months_by_month_from_2025(age: tuple[int, int], months: Decimal) -> None:
    """139 − 7 × 1/12 = 138.416… → 138.4; 190 − 5 × 11/12 = 185.416… → 185.4; 139 − 7 × 3/12 = 137.25 → 137.3."""
    assert account.annuity_months_by_month(at("2025-09"), Age(*age)) == months


def test_annuity_months_before_2025_take_the_whole_age_row_and_say_so() -> None:
    params = Params(AS_OF)
    assert account.annuity_months(params.at(YearMonth(2024, 6)), Age(60, 5)) == 139
    assert params.notices == [
        ("pension.annuity_months_whole_age", {"param": "pension.annuity_months", "years": 60}),
    ]


def test_annuity_months_versions_cover_every_day_once_and_match_the_table() -> None:
    """Catala-style coverage: over 2006–2040 exactly one version is in force each day; the month rule
    starts on the first day of the table's month-precision figure."""
    day = date(2006, 1, 1)
    while day < date(2040, 1, 1):
        assert sum(in_force(r.rule, day) for r in account.VERSIONS) == 1  # type: ignore[attr-defined]
        day += timedelta(days=17)
    assert registry()["pension.annuity_months.month_precision"].first == account.MONTH_RULE_FROM


def test_account_pension_tie_rounds_up() -> None:
    """82000.82 ÷ 164 = 500.005 exactly → 500.01."""
    assert account.account_pension(at("2025-09"), Decimal("82000.82"), Decimal(164)) == Decimal("500.01")


# ------------------------------------------------------------------------------ 过渡性养老金, 调整额


def test_old_method_tie_rounds_up() -> None:
    """原办法 = 12000.60 ÷ 120 = 100.005 → 100.01."""
    assert transitional.old_method(at("2025-09"), Decimal("12000.60")) == Decimal("100.01")


def test_transitional_pension_fixed_plus_allowance_plus_old() -> None:
    """100 + 4 × 26 + 0 = 204.00; 100 + 4 × 30 + 100.01 = 320.01."""
    assert transitional.transitional_pension(at("2025-09"), 312, Decimal(0)) == Decimal("204.00")
    assert transitional.transitional_pension(at("2025-09"), 360, Decimal("100.01")) == Decimal("320.01")


def test_transitional_pension_from_2026_flags_the_assumed_fixed_part() -> None:
    params = Params(AS_OF)
    transitional.transitional_pension(params.at(YearMonth(2026, 5)), 300, Decimal(0))
    assert [code for code, _ in params.notices] == ["pension.transitional_treatment_unconfirmed"]
    quiet = Params(AS_OF)
    transitional.transitional_pension(quiet.at(YearMonth(2025, 9)), 300, Decimal(0))
    assert quiet.notices == []


def test_weighted_deemed_years_with_the_county_index() -> None:
    """开平 0.760: (0.760 × 60 + 54) ÷ 12 = 99.6 ÷ 12 = 8.3."""
    w = transitional.weighted_deemed_years(at("2025-09"), 60, Decimal(54), Region.KAIPING)
    assert w == Fraction(83, 10) and str(w) == "8.3000"


def test_new_method_and_adjustment() -> None:
    """新办法 = 9493 × 10.5 × 1.2% = 1196.118 → 1196.12; 调整额 = (1196.12 − 166.67 − 140) × 100% = 889.45."""
    a = at("2025-09")
    assert transitional.new_method(a, Decimal(9493), Ratio(21, 2)) == Decimal("1196.12")
    assert transitional.transitional_adjustment(
        a, Decimal(9493), Ratio(21, 2), Decimal("166.67"), Decimal(140)
    ) == Decimal("889.45")


def test_adjustment_is_never_negative_and_follows_the_phase_in() -> None:
    """2024: 90%. 9307 × 10.5 × 1.2% = 1172.68; (1172.68 − 25.00 − 140) × 0.9 = 906.912 → 906.91;
    a new-method amount below old + allowance gives 0.00."""
    a = at("2024-06")
    assert transitional.phase_in(a) == Decimal("0.9")
    assert transitional.transitional_adjustment(a, Decimal(9307), Ratio(21, 2), Decimal(25), Decimal(140)) == Decimal(
        "906.91"
    )
    assert transitional.transitional_adjustment(a, Decimal(9307), Ratio(1), Decimal(250), Decimal(140)) == Decimal(
        "0.00"
    )


def test_total_is_the_sum_of_the_lines() -> None:
    got = total_pension(at("2025-09"), Decimal("2283.07"), Decimal("632.77"), Decimal("204.00"), Decimal("0.00"))
    assert got == Decimal("3119.84")


# ------------------------------------------------------------------------------ 最低缴费年限


def test_minimum_years_and_shortfall() -> None:
    """社会保险法 第十六条: 15 years to 2029; 附件4: 15.5 in 2030. 150 months against 15 years: 30 short."""
    assert eligibility.minimum_years(at("2026-05"), YearMonth(2026, 5)) == 15
    assert eligibility.minimum_years(at("2030-05"), YearMonth(2030, 5)) == Decimal("15.5")
    assert eligibility.shortfall(at("2026-05"), 150, Decimal(15)) == 30
    assert eligibility.shortfall(at("2026-05"), 200, Decimal(15)) == 0
    params = Params(AS_OF)
    assert eligibility.minimum_years_met(params.at(YearMonth(2026, 5)), 150, YearMonth(2026, 5)) is False
    assert params.notices == [("pension.below_minimum_years", {"needed": Decimal(15), "missing": 30})]


# ------------------------------------------------------------------------------ death (人社部发〔2021〕18号)


def test_death_lines_on_the_source_example() -> None:
    """Death 2024-05 (2023 income 59307): 59307 ÷ 12 = 4942.25; funeral × 2 = 9884.50; 28y9m →
    9 + 13 + 9/12 = 22 + 3/4; after 42 months of pension 22.75 − 3.5 = 19 + 1/4."""
    a = Params(AS_OF).at(date(2024, 5, 1))
    assert death.monthly_standard(a) == Decimal("4942.25")
    assert death.funeral_grant(a, Decimal(59307)) == Decimal("9884.50")
    in_service = death.in_service_months(a, 345)
    assert in_service == Fraction(91, 4) and str(in_service) == "22 + 3/4"
    assert death.pensioner_months(a, in_service, 42) == Fraction(77, 4)
    assert str(death.survivor_months(a, 345, 42)) == "19.25"


def test_survivor_grant_uses_the_exact_months() -> None:
    """15y1m → 9 + 1/12: 59307 × (109/12) ÷ 12 = 44892.104… → 44892.10."""
    a = Params(AS_OF).at(date(2024, 5, 1))
    assert death.survivor_grant(a, Decimal(59307), Mixed(109, 12)) == Decimal("44892.10")
    assert Months(109, 12).decimal() == Decimal("9.0833")


# ------------------------------------------------------------------------------ the exact quotient


@given(st.integers(0, 10**15), st.integers(1, 10**9), st.sampled_from(["0.01", "0.1", "1", "0.0001"]))
def test_quotient_rounds_exactly_like_the_fraction(n: int, d: int, step: str) -> None:
    rounding = Rounding(Decimal(step), "test")
    assert rounding(quotient(n, d)) == round_exact(Fraction(n, d), Decimal(step))


@given(st.integers(0, 10**6), st.integers(1, 10**4))
def test_quotient_ties_stay_ties(k: int, d: int) -> None:
    """An exact half-分 (k + ½ 分, over any denominator) rounds up, never down."""
    n = (2 * k + 1) * d
    assert Rounding(FEN, "test")(quotient(n, 200 * d)) == (Decimal(k + 1) / 100).quantize(FEN)
