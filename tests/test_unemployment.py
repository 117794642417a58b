"""Unemployment insurance (广东省失业保险条例). Expected values come from (a) the worked cases in
tests/data/unemployment_cases.toml, copied from the shared rules reference with their sources, and
(b) hand calculations from the rules reference (shared/rules/unemployment.md) and the tables'
sources, with the arithmetic written next to each case. None is copied from the code's output.

Figures used by hand: Jiangmen minimum wage 1130 (2013-05), 1350 (2015-05), 1550 (2018-07),
1720 (2021-12), 1850 (2025-03), 2040 (2026-09); rate 80% until 2018-04-30, 90% from 2018-05-01.

Issue 9: the 2025 amendment of the regulation deleted the side benefits of the 2022 text's arts.
20-23 from 2025-01-12 (the adoption date, taken as the effective date). The side-benefit tests
below therefore use claims of 2024 (the 2022 text, 1720 × 0.9 = 1548 a month); the 2025 rules,
and what a 2026 claim gets instead, are tested in tests/test_unemployment_2025.py.
"""

from __future__ import annotations

import tomllib
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from jm_socialsec.engine.errors import InputError, NotCovered
from jm_socialsec.engine.months import YearMonth
from jm_socialsec.unemployment import (
    SeparationReason,
    UnemploymentBenefit,
    unemployment_benefit,
    unemployment_contribution,
)

AS_OF = date(2026, 11, 21)
CASES = tomllib.loads((Path(__file__).parent / "data" / "unemployment_cases.toml").read_text("utf-8"))


def benefit(
    claim: str = "2026-10",
    months: int = 60,
    unused: int = 0,
    reason: str | None = "contract_expired",
    **kw: Any,
) -> UnemploymentBenefit:
    return unemployment_benefit(claim, "jiangmen", months, unused, reason, as_of=AS_OF, **kw)


# ---------------------------------------------------------------- worked cases (examples.toml)


@pytest.mark.parametrize("case", CASES["unemployment"][0]["cases"], ids=lambda c: str(c["contribution_months"]))
def test_duration_cases_from_the_rules_reference(case: dict[str, int]) -> None:
    r = benefit(months=case["contribution_months"])
    assert r.months == case["months"]
    assert r.eligible is (case["months"] > 0)


@pytest.mark.parametrize("case", CASES["unemployment_amount"][0]["cases"], ids=lambda c: c["claim_month"])
def test_monthly_amount_cases_from_the_five_year_plan(case: dict[str, str]) -> None:
    r = unemployment_benefit(case["claim_month"], case["region"], 36, reason="dismissed", as_of=AS_OF)
    assert r.monthly == Decimal(case["monthly"])


# ---------------------------------------------------------------- hand-calculated cases


@pytest.mark.parametrize(
    ("contribution_months", "months"),
    # the schedule's own examples in unemployment.md: 48 → 4; 54 → 4 + 6/6 = 5;
    # 120 → 4 + (120 − 48)/6 = 4 + 12 = 16; 167 → 4 + 119//6 = 4 + 19 = 23; 47 → 47//12 = 3
    [(47, 3), (48, 4), (53, 4), (54, 5), (120, 16), (167, 23)],
)
def test_duration_schedule(contribution_months: int, months: int) -> None:
    assert benefit(months=contribution_months).months == months


@pytest.mark.parametrize(
    ("claim", "monthly"),
    [
        ("2014-07", "904"),  # 1130 × 0.8 = 904 (the regulation's first month)
        ("2015-04", "904"),  # 1130 × 0.8
        ("2015-05", "1080"),  # 1350 × 0.8
        ("2018-04", "1080"),  # 1350 × 0.8, last month at 80%
        ("2018-05", "1215"),  # 1350 × 0.9: the rate changed before the minimum wage
        ("2018-07", "1395"),  # 1550 × 0.9
        ("2021-12", "1548"),  # 1720 × 0.9
        ("2025-03", "1665"),  # 1850 × 0.9
        ("2026-08", "1665"),  # 1850 × 0.9, last month before the 2026 minimum wage
        ("2026-09", "1836"),  # 2040 × 0.9
        ("2026-12", "1836"),  # the last published figure stays in force
        # issue 9 item 3: statutes do not expire and a minimum wage stays until replaced, so a
        # claim after 2026-12-31 (formerly refused at the tables' horizon) is answered: 2040 × 0.9
        ("2027-03", "1836"),
    ],
)
def test_monthly_amount_follows_minimum_wage_and_rate(claim: str, monthly: str) -> None:
    assert benefit(claim).monthly == Decimal(monthly)


def test_total_and_period() -> None:
    r = benefit("2026-10", 60)
    # 60 months → 4 + 12/6 = 6 months; 1836 × 6 = 11016; 2026-10 … 2027-03
    assert (r.monthly, r.months, r.total) == (Decimal(1836), 6, Decimal(11016))
    assert (r.first_month, r.last_month) == (YearMonth(2026, 10), YearMonth(2027, 3))


def test_explanation_shows_minimum_wage_its_date_source_and_rate() -> None:
    r = benefit("2026-10")
    text = r.explain()
    assert "2,040" in text and "2026-09-01" in text and "粤府函〔2026〕188号" in text and "90%" in text
    assert "Jiangmen monthly minimum wage" in r.explain("en")
    assert r.to_json()["monthly"] == "1836.00"


def test_secondary_figures_are_warned() -> None:
    r = benefit("2020-06", 36)  # 1550 (secondary) × 0.9 (secondary date)
    codes = {(w.code, w.param) for w in r.warnings}
    assert ("status_secondary", "wages.minimum_monthly") in codes
    assert ("status_secondary", "unemployment.benefit.rate") in codes


def test_carry_over_is_added_and_capped() -> None:
    # 120 months → 16; 16 + 10 unused = 26, capped at 24
    r = benefit(months=120, unused=10)
    assert (r.new_months, r.entitled_months, r.months) == (16, 24, 24)
    # 36 months → 3; 3 + 5 = 8
    assert benefit(months=36, unused=5).months == 8


def test_under_twelve_months_with_unused_entitlement_is_eligible() -> None:
    r = benefit(months=5, unused=3)
    assert r.eligible and r.new_months == 0 and r.months == 3
    # 1836 × 3 = 5508
    assert r.total == Decimal(5508)


def test_under_twelve_months_without_unused_entitlement_is_not_eligible() -> None:
    r = benefit(months=11)
    assert not r.eligible
    assert [n.code for n in r.reasons] == ["contribution_too_short"]
    assert (r.monthly, r.months, r.total, r.first_month) == (0, 0, 0, None)


@pytest.mark.parametrize("reason", ["voluntary_resignation", "本人自愿辞职", "agreed_at_worker_proposal"])
def test_own_will_is_not_eligible(reason: str) -> None:
    r = benefit(months=120, unused=8, reason=reason)
    assert not r.eligible and r.total == 0
    assert "reason_not_eligible" in [n.code for n in r.reasons]
    assert r.standard == Decimal(1836)  # the standard is still shown


@pytest.mark.parametrize(
    "reason",
    [
        "contract_expired",
        "employer_bankrupt",
        "employer_closed",
        "dismissed",
        "agreed_at_employer_proposal",
        "quit_for_employer_fault",
    ],
)
def test_involuntary_ends_are_eligible(reason: str) -> None:
    assert SeparationReason(reason).eligible
    assert benefit(reason=reason).eligible


def test_reasons_have_chinese_labels() -> None:
    assert SeparationReason.VOLUNTARY_RESIGNATION.zh == "本人自愿辞职"
    assert all(r.zh and r.en for r in SeparationReason)
    assert SeparationReason.parse("劳动合同期满未续订") is SeparationReason.CONTRACT_EXPIRED


def test_not_registered_is_not_eligible() -> None:
    r = benefit(registered=False)
    assert not r.eligible and [n.code for n in r.reasons] == ["not_registered"]


def test_missing_reason_is_assumed_and_said() -> None:
    r = benefit(reason=None)
    assert r.eligible and r.reason is SeparationReason.CONTRACT_EXPIRED
    assert r.warnings[0].code == "reason_assumed"


def test_override_of_the_rate_is_reported() -> None:
    r = benefit(overrides={"unemployment.benefit.rate": "0.8"})
    # 2040 × 0.8 = 1632
    assert r.monthly == Decimal(1632)
    assert "override" in [w.code for w in r.warnings]


# ---------------------------------------------------------------- near the retirement age


def test_extended_to_the_statutory_retirement_month() -> None:
    # male born 1966-03: k = 14 months after 1965-01, delay 14//4 + 1 = 4 → 60 y 4 m → 2026-07.
    # Claim 2026-03 with 24 months → 2 months, normal end 2026-04, 3 months before 2026-07 (< 12):
    # extended to 2026-07 → 5 months; 1850 × 0.9 = 1665; 1665 × 5 = 8325.
    r = benefit("2026-03", 24, birth="1966-03", category="male")
    assert r.retirement_month == YearMonth(2026, 7)
    assert r.extended_to_retirement
    assert (r.months, r.last_month, r.total) == (5, YearMonth(2026, 7), Decimal(8325))
    assert r.entitled_months == 2


def test_threshold_is_strictly_less_than_a_year() -> None:
    # normal end 2026-04 (claim 2026-03, 2 months)
    # born 1966-09: k = 20, delay 20//4 + 1 = 6 → 2026-09 + 6 = 2027-03; 11 months after 2026-04 → extended
    r = benefit("2026-03", 24, birth="1966-09", category="male")
    assert r.extended_to_retirement and r.months == 13  # 2026-03 … 2027-03
    # born 1966-10: k = 21, delay 6 → 2027-04; exactly 12 months after 2026-04 → not extended
    r = benefit("2026-03", 24, birth="1966-10", category="male")
    assert not r.extended_to_retirement and r.months == 2


def test_period_stops_at_the_retirement_month() -> None:
    # 120 months → 16 (normal end 2027-06) but the statutory month is 2026-07: stops there, 5 months
    r = benefit("2026-03", 120, birth="1966-03", category="male")
    assert (r.months, r.last_month, r.extended_to_retirement) == (5, YearMonth(2026, 7), False)


def test_no_extension_before_the_reform() -> None:
    # male born 1963-06: 60 in 2023-06, no delay. Claim 2023-01, 24 months → 2023-01 … 2023-02;
    # 办法第七条 in force only from 2025-01-01: not extended. 1720 × 0.9 = 1548.
    r = benefit("2023-01", 24, birth="1963-06", category="male")
    assert (r.months, r.monthly, r.extended_to_retirement) == (2, Decimal(1548), False)


def test_past_the_retirement_month_is_not_eligible() -> None:
    r = benefit("2026-08", 24, birth="1966-03", category="male")  # statutory month 2026-07
    assert not r.eligible and [n.code for n in r.reasons] == ["past_retirement_age"]


# ---------------------------------------------------------------- side benefits


def test_job_search_allowance() -> None:
    # Changed for issue 9: claim 2024-03 (was 2026-10). The 2025 amendment deleted art. 20, so a
    # 2026 claim gets no 求职补贴; a 2024 claim still does, every month falling before 2025-01-12.
    wages = [4000] * 6 + [5000] * 6
    # average 4500 × 15% = 675 a month; 36 months → 3 benefit months → 3 × 675 = 2025
    r = benefit("2024-03", months=36, recent_contribution_wages=wages)
    assert (r.job_search_monthly, r.job_search_months, r.job_search_total) == (
        Decimal(675),
        3,
        Decimal(2025),
    )
    # 120 months → 16 benefit months, allowance capped at 6 (2024-03 … 2024-08): 6 × 675 = 4050
    r = benefit("2024-03", months=120, recent_contribution_wages=[9999, 1, *wages])  # only the last 12 count
    assert (r.job_search_monthly, r.job_search_months, r.job_search_total) == (
        Decimal(675),
        6,
        Decimal(4050),
    )


def test_job_search_allowance_with_fewer_than_twelve_months() -> None:
    # (3000 + 4000 + 5500) / 3 = 4166.666…; × 0.15 = 625.00 (claim 2024-03: see test_job_search_allowance)
    r = benefit("2024-03", recent_contribution_wages=[3000, 4000, 5500])
    assert r.job_search_monthly == Decimal("625.00")


def test_job_search_allowance_not_past_the_retirement_month() -> None:
    # Changed for issue 9 (art. 20 deleted in 2025): claim 2024-05, 120 months, born 1964-07 male:
    # 60 years (before the 2025 reform) → statutory month 2024-07 → stops then: 3 months of allowance
    r = benefit("2024-05", 120, birth="1964-07", category="male", recent_contribution_wages=[6000])
    # 6000 × 0.15 = 900; 3 × 900 = 2700
    assert (r.job_search_months, r.job_search_total) == (3, Decimal(2700))


def test_childbirth_supplement() -> None:
    # Changed for issue 9: art. 21 (2022 text) was deleted in 2025; a 2024 claim keeps it.
    # Claim 2024-03, 60 months → 2024-03 … 2024-08; 1720 × 0.9 = 1548; 1548 × 3 = 4644 when the
    # birth falls in the period
    assert benefit("2024-03", childbirth_month="2024-08").childbirth_supplement == Decimal(4644)
    assert benefit("2024-03", childbirth_month="2024-09").childbirth_supplement == 0


def test_early_reemployment_lump_sum() -> None:
    # Changed for issue 9: art. 22 (2022 text) was deleted in 2025; a 2024 re-employment keeps it.
    # Claim 2024-03, 120 months → 16: 2024-03 … 2025-06. Re-employed 2024-07: 12 months remain
    # (2024-07 … 2025-06) → half = 6 → 6 × 1548 = 9288, 6 kept for a later claim.
    kw: dict[str, Any] = {"reemployment_contract_months": 12, "reemployment_insured_months": 3}
    r = benefit("2024-03", months=120, reemployed_month="2024-07", **kw)
    assert (r.remaining_months, r.early_reemployment_lump_sum, r.kept_months) == (12, Decimal(9288), 6)
    # re-employed 2024-08: 11 remain → 5.5 rounded up to 6 → 9288, 5 kept
    r = benefit("2024-03", months=120, reemployed_month="2024-08", **kw)
    assert (r.remaining_months, r.early_reemployment_lump_sum, r.kept_months) == (11, Decimal(9288), 5)
    # job-search allowance stops with the benefit: months 2024-03 … 2024-07 paid = 5
    r = benefit("2024-03", months=120, reemployed_month="2024-08", recent_contribution_wages=[6000], **kw)
    assert r.job_search_months == 5


def test_early_reemployment_conditions() -> None:
    # Changed for issue 9: a 2024 re-employment (the lump sum still exists); after 2025-01-12 the
    # contract inputs are not required any more (tests/test_unemployment_2025.py).
    kw: dict[str, Any] = {"reemployment_contract_months": 6, "reemployment_insured_months": 3}
    r = benefit("2024-03", months=120, reemployed_month="2024-07", **kw)
    assert r.early_reemployment_lump_sum == 0 and r.kept_months == 12
    with pytest.raises(InputError) as err:
        benefit("2024-03", months=120, reemployed_month="2024-07")
    assert err.value.field == "reemployment_contract_months"


def test_business_start_lump_sum() -> None:
    # Changed for issue 9: art. 23 (2022 text) was deleted in 2025; a 2024 business start keeps it.
    # Claim 2024-03, 60 months → 6: 2024-03 … 2024-08; business from 2024-06: 3 remain → 3 × 1548 = 4644
    r = benefit("2024-03", business_start_month="2024-06")
    assert (r.business_start_lump_sum, r.remaining_months, r.kept_months) == (Decimal(4644), 3, 0)


def test_death_grants() -> None:
    # average wage 8000 (a caller input): 3 × 8000 = 24000; 6 × 8000 = 48000
    r = benefit(death_month="2026-12", city_average_wage=8000)
    assert (r.funeral_grant, r.survivor_grant) == (Decimal(24000), Decimal(48000))
    assert benefit(death_month="2027-04", city_average_wage=8000).funeral_grant == 0


def test_farmer_contract_worker_lump_sum() -> None:
    # average 4500; 30 months before 2014-07 → 30 − 12 = 18 months × 4500 × 2% = 1620
    wages = [4000] * 6 + [5000] * 6
    r = benefit(farmer_contract_months=30, recent_contribution_wages=wages)
    assert r.farmer_transition_lump_sum == Decimal(1620)
    assert benefit(farmer_contract_months=10, recent_contribution_wages=wages).farmer_transition_lump_sum == 0


def test_medical_insurance_is_stated_not_computed() -> None:
    r = benefit()
    # issue 10: step ids are rule names ("medical" → "medical_contribution")
    step = next(s for s in r.steps if s.id == "medical_contribution")
    assert step.result is None and "医" in step.note_zh


def test_side_benefits_need_eligibility() -> None:
    r = benefit(reason="voluntary_resignation", childbirth_month="2026-11", recent_contribution_wages=[5000])
    assert r.childbirth_supplement == 0 and r.job_search_total == 0


# ---------------------------------------------------------------- contributions


def test_contribution_capped_at_three_times_the_average_wage() -> None:
    r = unemployment_contribution("2026-10", 30000, city_average_wage=8000, as_of=AS_OF)
    # base min(30000, 3 × 8000) = 24000; 24000 × 0.2% = 48.00; 24000 × 0.8% (assumed) = 192.00
    assert (r.base, r.employee, r.employer, r.total) == (
        Decimal(24000),
        Decimal("48.00"),
        Decimal("192.00"),
        Decimal("240.00"),
    )
    assert "status_assumed" in [w.code for w in r.warnings]


def test_contribution_floored_at_the_minimum_wage() -> None:
    r = unemployment_contribution("2025-06", 1000, "开平", city_average_wage=8000, as_of=AS_OF)
    # base 1850; 1850 × 0.002 = 3.70; 1850 × 0.008 = 14.80
    assert (r.base, r.employee, r.employer) == (Decimal(1850), Decimal("3.70"), Decimal("14.80"))


def test_contribution_employer_rate_override() -> None:
    r = unemployment_contribution(
        "2026-10",
        5000,
        city_average_wage=8000,
        as_of=AS_OF,
        overrides={"unemployment.contribution.employer_rate": "0.0048"},
    )
    # 5000 × 0.48% = 24.00
    assert r.employer == Decimal("24.00")


def test_contribution_bad_inputs() -> None:
    with pytest.raises(InputError) as err:
        unemployment_contribution("2026-10", 5000, city_average_wage=600, as_of=AS_OF)  # 1800 < 2040
    assert err.value.field == "city_average_wage"
    with pytest.raises(InputError) as err:
        unemployment_contribution("2026-10", -1, city_average_wage=8000, as_of=AS_OF)
    assert err.value.field == "wage"
    with pytest.raises(InputError) as err:
        unemployment_contribution("2026-10", 5000, city_average_wage=8000, flexible="yes", as_of=AS_OF)  # type: ignore[arg-type]
    assert err.value.field == "flexible" and "flexible" in err.value.message_zh


def test_contribution_after_2026_is_answered() -> None:
    """Changed for issue 9 item 3 (this used to expect NotCovered for 2027-01 at the tables' old
    2026-12-31 horizon). Statutes do not expire: art. 8's cap and the rates stay until amended, the
    minimum wage 2040 stays until replaced, and the only per-period figure, the city's average wage,
    is a caller input, so nothing refuses. 5000 within [2040, 3 × 8000]; 5000 × 0.2% = 10.00;
    5000 × 0.8% (assumed) = 40.00."""
    r = unemployment_contribution("2027-01", 5000, city_average_wage=8000, as_of=AS_OF)
    assert (r.base, r.employee, r.employer, r.total) == (
        Decimal(5000),
        Decimal("10.00"),
        Decimal("40.00"),
        Decimal("50.00"),
    )
    # the floor in 2027 is the last published minimum wage, 2040 (粤府函〔2026〕188号)
    assert unemployment_contribution("2027-06", 1000, city_average_wage=8000, as_of=AS_OF).base == Decimal(2040)


# ---------------------------------------------------------------- bad input and coverage


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"contribution_months": -1}, "contribution_months"),
        ({"unused_months": -1}, "unused_months"),
        ({"unused_months": 25}, "unused_months"),
        ({"reason": "quit"}, "reason"),
        ({"contribution_months": 12.5}, "contribution_months"),
        ({"contribution_months": True}, "contribution_months"),
        ({"claim_month": "2026-13"}, "claim_month"),
        ({"region": "广州"}, "region"),
        ({"birth": "1966-03"}, "category"),
        ({"birth": "1966-03", "category": "robot"}, "category"),
        ({"birth": "2027-01", "category": "male"}, "birth"),
        ({"recent_contribution_wages": []}, "recent_contribution_wages"),
        ({"recent_contribution_wages": [5000, -1]}, "recent_contribution_wages[1]"),
        ({"death_month": "2026-12"}, "city_average_wage"),
        ({"farmer_contract_months": 30}, "recent_contribution_wages"),
        ({"death_month": "2026-12", "business_start_month": "2026-12"}, "death_month"),
        ({"business_start_month": "2026-09"}, "business_start_month"),
        ({"childbirth_month": "2026-1x"}, "childbirth_month"),
    ],
)
def test_bad_input_is_a_bilingual_error_naming_the_field(kwargs: dict[str, Any], field: str) -> None:
    args: dict[str, Any] = {
        "claim_month": "2026-10",
        "region": "jiangmen",
        "contribution_months": 60,
        "unused_months": 0,
        "reason": "dismissed",
    } | kwargs
    with pytest.raises(InputError) as err:
        unemployment_benefit(**args, as_of=AS_OF)
    assert err.value.field == field
    assert field in err.value.message_zh and field in err.value.message_en
    assert any("\u4e00" <= ch <= "\u9fff" for ch in err.value.why_zh)


def test_claim_before_the_2013_regulation_is_not_covered() -> None:
    with pytest.raises(NotCovered) as err:
        benefit("2014-06")
    assert "2014-07-01" in str(err.value) and "施行" in err.value.message_zh


def test_claim_in_2027_is_answered() -> None:
    """Changed for issue 9 item 3 (this test expected NotCovered for 2027-01 at the old 2026-12-31
    horizon). 广东省失业保险条例（2025年修正）第十九条: 「失业保险金由社会保险经办机构按照失业保险金
    领取地地级以上市最低工资标准的百分之九十按月计发」 — the article has no end date, and the
    minimum wage 2040 (粤府函〔2026〕188号, from 2026-09-01) applies until replaced.
    Claim 2027-03, 60 months: 2040 × 0.9 = 1836; 4 + (60 − 48) // 6 = 6 months; 1836 × 6 = 11016;
    2027-03 … 2027-08."""
    r = benefit("2027-03", 60)
    assert (r.monthly, r.months, r.total) == (Decimal(1836), 6, Decimal(11016))
    assert (r.first_month, r.last_month) == (YearMonth(2027, 3), YearMonth(2027, 8))


# ---------------------------------------------------------------- properties

# up to 2030: statutory figures no longer stop at 2026-12-31 (issue 9 item 3)
claim_months = st.integers(YearMonth(2014, 7).index, YearMonth(2030, 12).index).map(YearMonth.from_index)
contribution = st.integers(0, 600)
unused_st = st.integers(0, 24)
eligible_reasons = st.sampled_from([r for r in SeparationReason if r.eligible])


@settings(max_examples=60, deadline=None)
@given(claim_months, contribution, contribution, unused_st, eligible_reasons)
@example(YearMonth(2026, 10), 47, 48, 0, SeparationReason.CONTRACT_EXPIRED)
@example(YearMonth(2026, 10), 11, 12, 0, SeparationReason.DISMISSED)
@example(YearMonth(2026, 10), 167, 168, 0, SeparationReason.DISMISSED)
def test_months_non_decreasing_in_contribution_and_capped(
    claim: YearMonth, a: int, b: int, unused: int, reason: SeparationReason
) -> None:
    lo, hi = sorted((a, b))
    r_lo = unemployment_benefit(claim, "jiangmen", lo, unused, reason, as_of=AS_OF)
    r_hi = unemployment_benefit(claim, "jiangmen", hi, unused, reason, as_of=AS_OF)
    assert r_lo.months <= r_hi.months <= 24
    assert r_hi.entitled_months <= 24  # carry-over never exceeds 24


@settings(max_examples=60, deadline=None)
@given(claim_months, contribution, unused_st, st.sampled_from(list(SeparationReason)), st.booleans())
@example(YearMonth(2015, 12), 36, 0, SeparationReason.DISMISSED, True)
@example(YearMonth(2020, 6), 36, 0, SeparationReason.DISMISSED, True)
def test_total_is_monthly_times_months_and_money_is_non_negative(
    claim: YearMonth, m: int, unused: int, reason: SeparationReason, registered: bool
) -> None:
    r = unemployment_benefit(claim, "jiangmen", m, unused, reason, registered=registered, as_of=AS_OF)
    assert r.total == r.monthly * r.months
    assert r.months <= 24 and r.new_months <= r.entitled_months <= 24
    for amount in (r.monthly, r.total, r.standard):
        assert isinstance(amount, Decimal) and amount >= 0
    assert r.eligible is (r.months > 0)


births = st.integers(YearMonth(1955, 1).index, YearMonth(1990, 12).index).map(YearMonth.from_index)


@settings(max_examples=80, deadline=None)
@given(
    claim_months,
    contribution,
    unused_st,
    st.booleans(),
    st.one_of(st.none(), st.tuples(births, st.sampled_from(["male", "female_55", "female_50"]))),
    st.one_of(st.none(), st.lists(st.integers(0, 60000), min_size=1, max_size=15)),
)
@example(YearMonth(2026, 10), 300, 24, True, None, None)
def test_voluntary_resignation_is_never_eligible(
    claim: YearMonth,
    m: int,
    unused: int,
    registered: bool,
    person: tuple[YearMonth, str] | None,
    wages: list[int] | None,
) -> None:
    kw: dict[str, Any] = {"registered": registered, "recent_contribution_wages": wages}
    if person is not None:
        kw |= {"birth": person[0], "category": person[1]}
    r = unemployment_benefit(claim, "jiangmen", m, unused, "voluntary_resignation", as_of=AS_OF, **kw)
    assert not r.eligible
    assert r.monthly == r.months == r.total == r.job_search_total == 0


@settings(max_examples=60, deadline=None)
@given(claim_months, contribution, unused_st, births, st.sampled_from(["male", "female_55", "female_50"]))
def test_period_never_passes_the_retirement_month(
    claim: YearMonth, m: int, unused: int, birth: YearMonth, category: str
) -> None:
    r = unemployment_benefit(claim, "jiangmen", m, unused, "dismissed", birth=birth, category=category, as_of=AS_OF)
    assert r.retirement_month is not None
    if r.eligible:
        assert r.last_month is not None and r.last_month <= r.retirement_month
        assert r.total == r.monthly * r.months
        if not r.extended_to_retirement:
            assert r.months <= 24
