"""The unemployment rules one by one (issue 10): each rule called directly on a hand case, its
expected value worked out from the article it encodes; Hypothesis properties aimed at single rules.

Figures used by hand (tables/unemployment/unemployment.toml, tables/wages/wages.toml): Jiangmen
minimum wage 1350 (2015-05), 1720 (2021-12), 1850 (2025-03), 2040 (2026-09); benefit rate 80% until
2018-04-30, 90% after; art. 17: minimum 12 months, first tier 48 months at one per 12, beyond at
one per 6, cap 24; 办法第七条 threshold 12 months; 求职补贴 15% of the last 12 months' average, at
most 6 months; childbirth 3 ×; re-employment half of the remaining months, contract ≥ 12, insured
≥ 3; death grants 3 × and 6 × the average wage; farmer contract workers 2% a month beyond 12;
contributions: base within [minimum wage, 3 × average wage], employee 0.2%, employer 0.8%
(assumed), flexible 1% (assumed).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jm_socialsec.engine.evaluate import rule_notices
from jm_socialsec.engine.months import YearMonth
from jm_socialsec.engine.params import At, Params
from jm_socialsec.unemployment import JOB_SEARCH, Article, SeparationReason, unemployment_benefit
from jm_socialsec.unemployment.amendment import article, deleted_on, text_year
from jm_socialsec.unemployment.amount import benefit_standard, benefit_total, minimum_wage_since
from jm_socialsec.unemployment.contributions import (
    contribution_base,
    employee_share,
    employer_share,
    flexible_contribution_base,
    flexible_share,
)
from jm_socialsec.unemployment.duration import (
    benefit_duration,
    carry_over,
    last_month,
    near_retirement_extension,
    stop_at_retirement,
)
from jm_socialsec.unemployment.eligibility import eligibility
from jm_socialsec.unemployment.side import (
    average_contribution_wage,
    early_reemployment_months,
    farmer_transition,
    funeral_grant,
    job_search_monthly,
    job_search_months,
    lump_sum_months,
    months_averaged,
    survivor_grant,
)

AS_OF = date(2026, 11, 21)


def at(month: str) -> At:
    return Params(AS_OF).at(YearMonth.of(month))


# ---------------------------------------------------------------- amount (art. 19)


@pytest.mark.parametrize(
    ("month", "standard"),
    [("2015-12", "1080.00"), ("2018-05", "1215.00"), ("2024-06", "1548.00"), ("2026-10", "1836.00")],
)
def test_benefit_standard(month: str, standard: str) -> None:
    """条例第十九条: minimum wage × rate — 1350 × 0.8 = 1080; 1350 × 0.9 = 1215 (the rate changed
    on 2018-05-01, the minimum wage on 2018-07-01); 1720 × 0.9 = 1548; 2040 × 0.9 = 1836."""
    assert benefit_standard(at(month)) == Decimal(standard)


def test_minimum_wage_since_is_the_start_of_the_figure_used() -> None:
    assert minimum_wage_since(at("2026-10")) == date(2026, 9, 1)


def test_benefit_total_rounds_to_fen_once() -> None:
    assert benefit_total(at("2026-10"), Decimal("1836.00"), 6) == Decimal("11016.00")


# ---------------------------------------------------------------- duration (arts. 17-18)


@pytest.mark.parametrize(
    ("months", "earned"),
    # 条例第十七条: 11 < 12 → 0; 12 → 1; 47 → 3; 48 → 4; 54 → 4 + 6 // 6 = 5;
    # 120 → 4 + 72 // 6 = 16; 167 → 4 + 119 // 6 = 23; 168 → 24; 300 → capped at 24
    [(11, 0), (12, 1), (47, 3), (48, 4), (54, 5), (120, 16), (167, 23), (168, 24), (300, 24)],
)
def test_benefit_duration(months: int, earned: int) -> None:
    assert benefit_duration(at("2026-10"), months) == earned


def test_carry_over() -> None:
    """条例第十八条: 16 + 10 = 26, capped at 24; 3 + 5 = 8."""
    assert carry_over(at("2026-10"), 16, 10) == 24
    assert carry_over(at("2026-10"), 3, 5) == 8


claims = st.integers(YearMonth(2014, 7).index, YearMonth(2030, 12).index).map(YearMonth.from_index)


@settings(max_examples=100, deadline=None)
@given(claims, st.integers(0, 600), st.integers(0, 600))
def test_duration_is_monotone_capped_and_zero_under_a_year(claim: YearMonth, a: int, b: int) -> None:
    lo, hi = sorted((a, b))
    a_t = Params(AS_OF).at(claim)
    assert 0 <= benefit_duration(a_t, lo) <= benefit_duration(a_t, hi) <= 24
    if lo < 12:
        assert benefit_duration(a_t, lo) == 0


@settings(max_examples=100, deadline=None)
@given(st.integers(0, 24), st.integers(0, 24), st.integers(0, 24))
def test_carry_over_adds_up_to_the_cap(new: int, unused: int, more: int) -> None:
    a_t = at("2026-10")
    assert carry_over(a_t, new, unused) == min(24, new + unused)
    assert carry_over(a_t, new, unused) <= carry_over(a_t, new, unused + more)


# ---------------------------------------------------------------- near the retirement age


def test_near_retirement_extension_is_strictly_less_than_the_threshold() -> None:
    """办法第七条: normal end 2026-04; statutory month 2027-03 is 11 months later → extended;
    2027-04 is 12 months later → not extended."""
    a_t = at("2026-03")
    assert near_retirement_extension(a_t, YearMonth(2026, 4), YearMonth(2027, 3)) == YearMonth(2027, 3)
    assert near_retirement_extension(a_t, YearMonth(2026, 4), YearMonth(2027, 4)) == YearMonth(2026, 4)


def test_stop_at_retirement() -> None:
    """The benefit stops at the statutory month (a pension follows): 2027-06 → 2026-07."""
    assert stop_at_retirement(at("2026-03"), YearMonth(2027, 6), YearMonth(2026, 7)) == YearMonth(2026, 7)


def test_no_extension_before_the_reform() -> None:
    """办法第七条 is in force from 2025-01-01: a 2023 period ending 2023-02, four months before
    the statutory month 2023-06, is not extended."""
    assert last_month(at("2023-01"), YearMonth(2023, 1), 2, YearMonth(2023, 6)) == YearMonth(2023, 2)


@settings(max_examples=100, deadline=None)
@given(claims, st.integers(1, 24), st.integers(-30, 60))
def test_last_month_never_passes_retirement_and_extends_only_near_it(first: YearMonth, entitled: int, gap: int) -> None:
    normal = first + (entitled - 1)
    retirement = normal + gap
    last = last_month(Params(AS_OF).at(first), first, entitled, retirement)
    assert last <= retirement
    assert last == min(normal, retirement) or (last == retirement and 0 < gap < 12)


# ---------------------------------------------------------------- eligibility (arts. 15-16)


def test_eligibility_conditions_each_said() -> None:
    params = Params(AS_OF)
    a_t = params.at(YearMonth(2026, 10))
    claim = YearMonth(2026, 10)
    assert eligibility(a_t, SeparationReason.DISMISSED, 12, 0, True, claim, None)
    assert params.notices == []
    assert not eligibility(a_t, SeparationReason.VOLUNTARY_RESIGNATION, 11, 0, False, claim, YearMonth(2026, 9))
    codes = [n.code for n in rule_notices(params.notices)]
    assert codes == ["reason_not_eligible", "contribution_too_short", "not_registered", "past_retirement_age"]
    # months left from an earlier claim make up for a short contribution time (art. 18)
    assert eligibility(a_t, SeparationReason.DISMISSED, 5, 3, True, claim, None)


@settings(max_examples=60, deadline=None)
@given(claims, st.integers(0, 600), st.integers(0, 24), st.booleans())
def test_an_end_by_the_persons_own_will_never_qualifies(claim: YearMonth, m: int, unused: int, reg: bool) -> None:
    a_t = Params(AS_OF).at(claim)
    for reason in (SeparationReason.VOLUNTARY_RESIGNATION, SeparationReason.AGREED_AT_WORKER_PROPOSAL):
        assert not eligibility(a_t, reason, m, unused, reg, claim, None)


# ---------------------------------------------------------------- the 2025 amendment


@pytest.mark.parametrize(
    ("month", "concept", "number", "cited"),
    [
        ("2024-06", "medical", 24, "第二十四条"),
        ("2026-10", "medical", 20, "第二十条"),
        ("2025-01", "period", 36, "第三十六条"),
        ("2025-02", "period", 32, "第三十二条"),
        ("2024-06", "death", 25, "第二十五条"),
        ("2026-10", "death", 21, "第二十一条"),
        ("2026-10", "farmer", 43, "第四十三条"),
        ("2024-06", "farmer", 47, "第四十七条"),
    ],
)
def test_article_follows_the_text_in_force(month: str, concept: str, number: int, cited: str) -> None:
    """The 2025 amendment renumbered the articles after art. 19; a month counts under the text in
    force on its first day (2025-01 is still the 2022 text)."""
    art = article(at(month), concept)
    assert art == number and str(art) == cited


@pytest.mark.parametrize(
    ("n", "text"), [(7, "第七条"), (10, "第十条"), (18, "第十八条"), (20, "第二十条"), (99, "第九十九条")]
)
def test_article_prints_in_chinese_numerals(n: int, text: str) -> None:
    assert str(Article(n)) == text


def test_text_year_switches_once() -> None:
    """Catala-style coverage: over every month of the tables, the text changes exactly once."""
    params = Params(AS_OF)
    years = [
        text_year(params, YearMonth.from_index(i)) for i in range(YearMonth(2014, 7).index, YearMonth(2031, 1).index)
    ]
    switches = [i for i in range(1, len(years)) if years[i] != years[i - 1]]
    assert len(switches) == 1 and years[0] == 2022 and years[-1] == 2025


def test_deleted_on_is_the_day_after_the_last_period_and_says_it_is_unconfirmed() -> None:
    params = Params(AS_OF)
    assert deleted_on(params.at(YearMonth(2026, 10)), JOB_SEARCH) == date(2025, 1, 12)
    assert [code for code, _ in params.notices] == ["unemployment.deletion_date_unconfirmed"]
    assert params.used == []  # the deleted figure is not cited as used


# ---------------------------------------------------------------- side items (2022 text)


def test_job_search_allowance_parts() -> None:
    """2022 text art. 20: the last 12 wages only; (4000 × 6 + 5000 × 6) / 12 = 4500 × 15% = 675."""
    a_t = at("2024-03")
    wages = (Decimal(9999), Decimal(1), *[Decimal(4000)] * 6, *[Decimal(5000)] * 6)
    window = "unemployment.job_search.wage_window_months"
    assert months_averaged(a_t, wages, window) == 12
    assert average_contribution_wage(a_t, wages, window) == Decimal(4500)
    assert job_search_monthly(a_t, Decimal(4500)) == Decimal("675.00")
    # 6 months due from 2025-01; only 2025-01 is before the deletion (2025-01-12)
    assert job_search_months(at("2025-01"), YearMonth(2025, 1), YearMonth(2025, 6)) == 1
    assert job_search_months(a_t, YearMonth(2024, 3), YearMonth(2025, 6)) == 6  # capped at 6


@pytest.mark.parametrize(("remaining", "paid"), [(12, 6), (11, 6), (1, 1), (0, 0)])
def test_lump_sum_months_count_a_part_month_whole(remaining: int, paid: int) -> None:
    """2022 text art. 22: half the remaining months, 不足一个月的按一个月计: 11 / 2 = 5.5 → 6."""
    assert lump_sum_months(at("2024-07"), remaining, "unemployment.early_reemployment.share") == paid


def test_early_reemployment_needs_both_conditions() -> None:
    """A contract of 12 months or more and 3 months insured: 6-month contract → nothing at once."""
    a_t = at("2024-07")
    assert early_reemployment_months(a_t, 12, 12, 3) == 6
    assert early_reemployment_months(a_t, 12, 6, 3) == 0
    assert early_reemployment_months(a_t, 12, 12, 2) == 0


def test_death_grants() -> None:
    """2025 text art. 21: 3 × 8000 = 24000; 6 × 8000 = 48000."""
    assert funeral_grant(at("2026-10"), Decimal(8000)) == Decimal("24000.00")
    assert survivor_grant(at("2026-10"), Decimal(8000)) == Decimal("48000.00")


def test_farmer_transition() -> None:
    """2025 text art. 43: (30 − 12) × 4500 × 2% = 1620; 10 months: nothing beyond 12."""
    wages = (*[Decimal(4000)] * 6, *[Decimal(5000)] * 6)
    assert farmer_transition(at("2026-10"), wages, 30) == Decimal("1620.00")
    assert farmer_transition(at("2026-10"), wages, 10) == 0


# ---------------------------------------------------------------- contributions (art. 8; 办法第六条)


def test_contribution_rules() -> None:
    """min(max(30000, 2040), 3 × 8000) = 24000; × 0.2% = 48.00; × 0.8% = 192.00; flexible
    5000 × 1% = 50.00."""
    a_t = at("2026-10")
    assert contribution_base(a_t, Decimal(30000), Decimal(8000)) == 24000
    assert contribution_base(a_t, Decimal(1000), Decimal(8000)) == 2040
    assert employee_share(a_t, Decimal(24000)) == Decimal("48.00")
    assert employer_share(a_t, Decimal(24000)) == Decimal("192.00")
    assert flexible_contribution_base(a_t, Decimal(5000), Decimal(8000)) == 5000
    assert flexible_share(a_t, Decimal(5000)) == Decimal("50.00")


@settings(max_examples=100, deadline=None)
@given(st.decimals(0, 200000, places=2), st.decimals(0, 200000, places=2), st.decimals(700, 40000, places=2))
def test_contribution_base_is_clamped_and_monotone(a: Decimal, b: Decimal, avg: Decimal) -> None:
    a_t = at("2026-10")
    lo, hi = sorted((a, b))
    base_lo, base_hi = contribution_base(a_t, lo, avg), contribution_base(a_t, hi, avg)
    assert base_lo <= base_hi
    assert Decimal(2040) <= base_lo or avg * 3 < 2040
    assert base_hi <= max(avg * 3, Decimal(2040))
    assert employee_share(a_t, base_lo) <= employee_share(a_t, base_hi)


# ---------------------------------------------------------------- the explanation


def test_a_refusal_says_why_in_the_warnings_and_the_reasons() -> None:
    r = unemployment_benefit("2026-10", "jiangmen", 11, reason="voluntary_resignation", as_of=AS_OF)
    assert [n.code for n in r.reasons] == ["reason_not_eligible", "contribution_too_short"]
    assert [w.code for w in r.warnings if w.code in {n.code for n in r.reasons}] == [n.code for n in r.reasons]
    assert "benefit_period" not in [s.id for s in r.steps]  # no period without eligibility


def test_reading_only_the_amounts_builds_no_explanation() -> None:
    r = unemployment_benefit("2026-10", "jiangmen", 60, reason="dismissed", as_of=AS_OF)
    assert r.total == Decimal("11016.00")
    assert "steps" not in r.__dict__ and "warnings" not in r.__dict__
