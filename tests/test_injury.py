"""Work-injury insurance. Expected values are the worked cases of ``data/injury_cases.toml`` (copied
from shared/rules/examples.toml with their sources) and hand calculations from the tables' sources,
the arithmetic written next to each case. Figures used by hand:

- provincial average monthly wage (wages.toml): 2019 6756, 2024 9183 → for a 2025 injury the band
  is 9183 × 0.6 = 5509.80 to 9183 × 3 = 27549 (条例 art. 64);
- national urban disposable income (injury.toml): 2016 33616, 2024 54188, 2025 56502;
- months (条例 arts. 35-37, Guangdong): grade 7: 13 / 6 / 25; grade 10: 7 / 1 / 4;
- Jiangmen minimum wage: 1550 (2018-07..2021-11), 1850 (2025-03..2026-08); 托底线 2021: 4138;
- 生活护理费 (广东 2019 art. 26): 60 / 50 / 40 / 30% by 生活自理障碍等级 1-4.

The Guangdong corrections of issue 9 (nursing levels, the 2012 start of the Guangdong tables, the
pension exclusion, item-by-item death benefits, publication dates) have their own tests with the
articles quoted in ``test_injury_guangdong.py``. Tests here whose expectation changed say why.
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
from jm_socialsec.engine.money import round_fen
from jm_socialsec.injury import (
    DeathBenefits,
    InjuryBenefits,
    Payer,
    death_benefits,
    injury_benefits,
    injury_contribution,
    own_wage,
)

AS_OF = date(2026, 11, 21)
CASES = tomllib.loads((Path(__file__).parent / "data" / "injury_cases.toml").read_text(encoding="utf-8"))
#: A hypothetical Jiangmen city average wage for 2016 (deaths before provincial pooling need one;
#: the death grant does not depend on it).
CITY_2016 = {2016: Decimal(5000)}


def _cases(name: str) -> list[tuple[str, dict[str, Any]]]:
    return [(block["source"], case) for block in CASES[name] for case in block["cases"]]


# ------------------------------------------------------------------------------ worked cases


@pytest.mark.parametrize(("source", "case"), _cases("injury_death_grant"))
def test_death_grant_worked_cases(source: str, case: dict[str, Any]) -> None:
    r = death_benefits(case["died_on"], 7000, ["spouse"], city_average_wages=CITY_2016, as_of=AS_OF)
    assert r.death_grant == Decimal(case["death_grant"]), source
    assert not r.provisional


@pytest.mark.parametrize(("source", "case"), _cases("injury_grade10"))
def test_grade10_worked_case(source: str, case: dict[str, Any]) -> None:
    # The case gives 本人工资 = 6000; a 2025 injury's band is 5509.80-27549, so an average wage of
    # 6000 is the own wage unchanged.
    r = injury_benefits(
        case["grade"], "2025-03-01", case["own_wage"], leaves_job=True, left_on="2026-06-30", as_of=AS_OF
    )
    assert r.own_wage == Decimal(case["own_wage"]), source
    assert r.disability_lump_sum == Decimal(case["disability_lump_sum"])
    assert r.medical_lump_sum == Decimal(case["medical_lump_sum"])
    # Changed (issue 9): `employment_lump_sum_full` is gone with the Hebei near-retirement
    # reduction (Guangdong has none): the grant is the full amount, always.
    assert r.employment_lump_sum == Decimal(case["employment_lump_sum"])
    assert r.monthly_allowance is None


# ------------------------------------------------------------------------------ 本人工资


@pytest.mark.parametrize(
    ("avg", "expected"),
    [
        ("4000", "5509.80"),  # below 9183 × 0.6 = 5509.80 → raised
        ("8000", "8000.00"),  # inside
        ("30000", "27549.00"),  # above 9183 × 3 = 27549 → cut
        ("7000.005", "7000.01"),  # rounded half up to 分
    ],
)
def test_own_wage_is_clamped_to_the_band(avg: str, expected: str) -> None:
    r = own_wage(avg, "2025-05-20", as_of=AS_OF)
    assert (r.lower, r.upper, r.average_wage) == (Decimal("5509.80"), Decimal("27549.00"), Decimal(9183))
    assert r.own_wage == Decimal(expected)
    assert any(w.code == "status_secondary" for w in r.warnings)  # the 2024 wage is secondary


def test_own_wage_before_provincial_pooling_needs_the_city_wage() -> None:
    with pytest.raises(InputError) as err:
        own_wage(5000, "2019-03-01", as_of=AS_OF)
    assert err.value.field == "city_average_wages"
    # With a (hypothetical) Jiangmen 2018 figure of 6000: band 3600.00-18000.00.
    r = own_wage(3000, "2019-03-01", city_average_wages={2018: 6000}, as_of=AS_OF)
    assert (r.lower, r.upper, r.own_wage) == (Decimal("3600.00"), Decimal("18000.00"), Decimal("3600.00"))
    assert any(w.code == "caller_value" for w in r.warnings)


def test_own_wage_before_the_new_average_wage_is_known_is_provisional() -> None:
    # An injury in 2026 needs the 2025 provincial figure, not collected: the 2024 figure (9183)
    # stays in use, provisionally. Band: 9183 × 0.6 = 5509.80; 9183 × 3 = 27549.00.
    r = own_wage(8000, "2026-03-01", as_of=AS_OF)
    assert (r.lower, r.upper) == (Decimal("5509.80"), Decimal("27549.00"))
    assert "provisional" in {w.code for w in r.warnings}
    r = own_wage(8000, "2026-03-01", as_of=AS_OF, overrides={"wages.provincial_average_monthly": 9500})
    assert r.upper == Decimal("28500.00")  # 9500 × 3
    with pytest.raises(NotCovered):
        own_wage(8000, "2027-03-01", as_of=AS_OF)  # beyond the tables' horizon (2026-12-31)


def test_injury_before_2011_is_not_covered() -> None:
    with pytest.raises(NotCovered) as err:
        injury_benefits(5, "2010-12-31", 5000, as_of=AS_OF)
    assert err.value.param.startswith("injury.")
    assert "2011-01-01" in str(err.value)
    with pytest.raises(NotCovered):
        own_wage(5000, date(2009, 5, 1), as_of=AS_OF)
    with pytest.raises(NotCovered):
        death_benefits("2010-06-01", 5000, ["spouse"], as_of=AS_OF)


# ------------------------------------------------------------------------------ disability items


def test_grade7_leaving_the_job_items_and_payers() -> None:
    r = injury_benefits(7, "2025-03-10", 8000, leaves_job=True, left_on="2026-10-31", as_of=AS_OF)
    # 8000 × 13 = 104000; × 6 = 48000; × 25 = 200000
    assert r.disability_lump_sum == Decimal("104000.00")
    assert r.medical_lump_sum == Decimal("48000.00")
    assert r.employment_lump_sum == Decimal("200000.00")
    assert r.monthly_allowance is None and r.nursing_monthly is None and r.hospital_meals is None
    assert r.payer_of("disability_lump_sum") is Payer.FUND
    assert r.payer_of("medical_lump_sum") is Payer.FUND
    assert r.payer_of("employment_lump_sum") is Payer.EMPLOYER
    assert r.payer_of("paid_leave") is Payer.EMPLOYER
    assert r.paid_leave_max_months == 24
    # Changed (issue 9): no "unconfirmed_rule" warning any more — Guangdong has no near-retirement
    # reduction (corrections-2026-11 §4), so there is nothing unconfirmed to flag.
    assert not any(w.code == "unconfirmed_rule" for w in r.warnings)
    assert not r.draws_pension and not r.pension_exclusion_applied


def test_grade7_staying_in_the_job_gets_the_disability_grant_only() -> None:
    r = injury_benefits(7, "2025-03-10", 8000, as_of=AS_OF)
    assert (r.medical_lump_sum, r.employment_lump_sum, r.monthly_allowance) == (None, None, None)
    assert r.disability_lump_sum == Decimal("104000.00")


def test_grade2_allowance_is_paid_by_the_fund() -> None:
    r = injury_benefits(2, "2025-03-10", 10000, as_of=AS_OF)
    # 10000 × 0.85 = 8500.00 > minimum wage 1850 (2025-03): no top-up. Lump sum 10000 × 25.
    assert r.monthly_allowance == Decimal("8500.00")
    assert r.allowance_top_up == Decimal("0.00")
    assert r.disability_lump_sum == Decimal("250000.00")
    assert r.payer_of("monthly_allowance") is Payer.FUND
    # 2025's 托底线 was not collected: the result says the floor was not applied.
    assert any(w.code == "not_collected" for w in r.warnings)


def test_grade4_allowance_is_lifted_to_the_guangdong_floor() -> None:
    r = injury_benefits(4, "2020-06-01", 3000, assessed_on="2021-03-01", as_of=AS_OF)
    # Band for a 2020 injury: 6756 × 0.6 = 4053.60 → own wage 4053.60.
    # 4053.60 × 0.75 = 3040.20; minimum wage 2021-03 = 1550; 托底线 2021 = 4138 → 4138.00,
    # top-up 4138 − 3040.20 = 1097.80.
    assert r.own_wage == Decimal("4053.60")
    assert r.monthly_allowance == Decimal("4138.00")
    assert r.allowance_top_up == Decimal("1097.80")


def test_grade6_allowance_is_topped_up_to_the_minimum_wage_by_the_employer() -> None:
    # What-if minimum wage 4000: 5509.80 × 0.6 = 3305.88 → 4000.00, top-up 694.12.
    r = injury_benefits(6, "2025-03-10", 5000, as_of=AS_OF, overrides={"wages.minimum_monthly": 4000})
    assert r.monthly_allowance == Decimal("4000.00")
    assert r.allowance_top_up == Decimal("694.12")
    assert r.payer_of("monthly_allowance") is Payer.EMPLOYER
    assert any(w.code == "override" for w in r.warnings)


def test_grade5_leaving_the_job_ends_the_allowance() -> None:
    r = injury_benefits(5, "2025-03-10", 6000, leaves_job=True, left_on="2025-12-31", as_of=AS_OF)
    # 6000 × 18 = 108000; × 10 = 60000; × 50 = 300000
    assert r.monthly_allowance is None
    assert (r.disability_lump_sum, r.medical_lump_sum, r.employment_lump_sum) == (
        Decimal("108000.00"),
        Decimal("60000.00"),
        Decimal("300000.00"),
    )


def test_nursing_care_and_hospital_meals() -> None:
    # Changed (issue 9): the national three levels (care_level="full" → 50%) are replaced by
    # Guangdong's four (广东省工伤保险条例 2019 art. 26: 一级 60%); the "conflicting_sources"
    # warning is gone with the conflict.
    r = injury_benefits(1, "2025-03-10", 9000, care_level=1, hospital_days=45, hospital_meal_daily="35.5", as_of=AS_OF)
    # 9183 × 0.6 = 5509.80 (fund); 35.5 × 45 = 1597.50 (fund)
    assert r.nursing_monthly == Decimal("5509.80")
    assert r.hospital_meals == Decimal("1597.50")
    assert r.payer_of("nursing") is Payer.FUND and r.payer_of("hospital_meals") is Payer.FUND
    assert not any(w.code == "conflicting_sources" for w in r.warnings)


# Changed (issue 9): the tests of the near-retirement reduction (Hebei's ladder, 100 / 40 / 10 / 0%)
# were removed with the rule: Guangdong has no reduction near retirement (corrections-2026-11 §4).
# What replaces them: the grant is the same however close the end is to retirement.


@pytest.mark.parametrize("left_on", ["2023-12-31", "2026-10-31", "2028-06-30", "2029-04-01"])
def test_employment_grant_is_not_reduced_near_retirement(left_on: str) -> None:
    r = injury_benefits(
        7, "2022-03-10", 8000, leaves_job=True, left_on=left_on, birth="1968-05", category="male", as_of=AS_OF
    )
    # Band for a 2022 injury: 8310 × 0.6 = 4986 to 24930 → 8000; 8000 × 25 = 200000; × 6 = 48000.
    assert r.employment_lump_sum == Decimal("200000.00")
    assert r.medical_lump_sum == Decimal("48000.00")
    assert not any("河北" in w.zh for w in r.warnings)


def test_end_at_retirement_without_pension_is_paid_but_flagged() -> None:
    # Male born 1968-05: statutory month 2029-04 (60 + 11 months' delay). Changed (issue 9): the
    # warning now points to the Guangdong rule (art. 32) and the draws_pension input.
    r = injury_benefits(
        7, "2022-03-10", 8000, leaves_job=True, left_on="2029-06-30", birth="1968-05", category="male", as_of=AS_OF
    )
    assert r.employment_lump_sum == Decimal("200000.00")
    flag = next(w for w in r.warnings if w.code == "at_retirement")
    assert "draws_pension" in flag.en and "第三十二条" in flag.zh


# ------------------------------------------------------------------------------ death


def test_death_benefits_all_three_items() -> None:
    r = death_benefits("2025-06-01", 7000, ["spouse", "relative"], as_of=AS_OF)
    # funeral 9183 × 6 = 55098; survivors 7000 × 0.4 = 2800 + 7000 × 0.3 = 2100 = 4900 ≤ 7000;
    # grant 54188 × 20 = 1083760
    assert r.funeral_grant == Decimal("55098.00")
    assert [s.amount for s in r.survivors] == [Decimal("2800.00"), Decimal("2100.00")]
    assert r.survivor_monthly == Decimal("4900.00") and not r.survivors_capped
    assert r.death_grant == Decimal("1083760.00")
    assert all(i.payer is Payer.FUND for i in r.items)


def test_survivors_over_the_cap_are_scaled_to_the_wage() -> None:
    r = death_benefits("2025-06-01", 7000, ["spouse", "orphan", "lone_elderly"], as_of=AS_OF)
    # 40% + (30+10)% + (30+10)% = 120% → 8400 > 7000: each 7000 / 3 = 2333.333…; floors 2333.33 × 3
    # = 6999.99, the leftover 分 goes to the first: 2333.34 + 2333.33 + 2333.33 = 7000.00.
    assert [s.amount for s in r.survivors] == [Decimal("2333.34"), Decimal("2333.33"), Decimal("2333.33")]
    assert r.survivor_monthly == Decimal("7000.00") and r.survivors_capped


def test_low_earner_survivors_are_capped_at_the_wage_before_death_not_the_raised_own_wage() -> None:
    r = death_benefits("2025-06-01", 4000, ["spouse", "relative", "relative"], as_of=AS_OF)
    # 本人工资 raised to the floor 9183 × 0.6 = 5509.80; shares 40% + 30% + 30% = 100% → 5509.80,
    # above the wage before death 4000 (art. 39): scaled 4000 × 0.4 = 1600, × 0.3 = 1200, 1200.
    assert r.own_wage == Decimal("5509.80")
    assert [s.amount for s in r.survivors] == [Decimal("1600.00"), Decimal("1200.00"), Decimal("1200.00")]
    assert r.survivor_monthly == Decimal("4000.00") and r.survivors_capped


def test_grade1_4_worker_dying_after_the_paid_leave_gets_no_death_grant() -> None:
    r = death_benefits(
        "2025-06-01", 7000, ["spouse"], during_paid_leave=False, grade=3, injured_on="2024-02-01", as_of=AS_OF
    )
    # own wage dated by the 2024 injury: band 8807 × 0.6 = 5284.20 to 26421 → 7000; spouse 2800.
    assert r.death_grant is None
    assert r.funeral_grant == Decimal("55098.00")
    assert r.survivor_monthly == Decimal("2800.00")


def test_death_grant_before_publication_is_provisional() -> None:
    # Changed (issue 9): 2025's income was first published on 2026-01-19 (NBS 「2025年国民经济运行情况」),
    # not at the end of February: as_of 2026-02-01 now knows it. The provisional case moves to
    # before the 19th.
    kw: dict[str, Any] = {"overrides": {"wages.provincial_average_monthly": 9500}}
    early = death_benefits("2026-01-05", 7000, ["spouse"], as_of=date(2026, 1, 18), **kw)
    # 2025's income is not published on 2026-01-18: 2024's 54188 × 20 = 1083760, provisionally.
    assert early.death_grant == Decimal("1083760.00") and early.provisional
    assert any(w.code == "provisional" for w in early.warnings)
    later = death_benefits("2026-01-05", 7000, ["spouse"], as_of=date(2026, 2, 1), **kw)
    # known on 2026-02-01: 56502 × 20 = 1130040
    assert later.death_grant == Decimal("1130040.00") and not later.provisional


def test_no_dependents_means_no_survivor_pension() -> None:
    r = death_benefits("2025-06-01", 7000, [], as_of=AS_OF)
    assert r.survivor_monthly == Decimal("0.00") and r.survivors == ()


# ------------------------------------------------------------------------------ contributions


def test_contribution_guangdong_rate_with_floating_factor() -> None:
    r = injury_contribution(1_000_000, 3, "2026-10", 1.2, as_of=AS_OF)
    # class 3: 0.6%; × 1.2 = 0.72%; 1,000,000 × 0.0072 = 7200.00
    assert r.rate == Decimal("0.0072") and r.contribution == Decimal("7200.00")


def test_contribution_national_rate_and_no_factor() -> None:
    r = injury_contribution("123456.78", 8, date(2020, 1, 15), rates="national", as_of=AS_OF)
    # class 8: 1.9%; 123456.78 × 0.019 = 2345.67882 → 2345.68
    assert r.contribution == Decimal("2345.68")


def test_contribution_guangdong_rates_before_2021_05_are_not_covered() -> None:
    with pytest.raises(NotCovered):
        injury_contribution(100000, 2, "2021-04-30", as_of=AS_OF)


# ------------------------------------------------------------------------------ bad input

BAD: list[tuple[str, Any, str]] = [
    ("grade 0", lambda: injury_benefits(0, "2025-03-10", 6000, as_of=AS_OF), "grade"),
    ("grade 11", lambda: injury_benefits(11, "2025-03-10", 6000, as_of=AS_OF), "grade"),
    ("grade bool", lambda: injury_benefits(True, "2025-03-10", 6000, as_of=AS_OF), "grade"),
    ("negative wage", lambda: injury_benefits(5, "2025-03-10", -1, as_of=AS_OF), "avg_wage_12m"),
    ("negative wage, own_wage", lambda: own_wage("-0.01", "2025-03-10", as_of=AS_OF), "avg_wage_12m"),
    ("negative wage, death", lambda: death_benefits("2025-06-01", -5, [], as_of=AS_OF), "avg_wage_12m"),
    ("bad date", lambda: injury_benefits(5, "2025-02-30", 6000, as_of=AS_OF), "injured_on"),
    (
        "end before injury",
        lambda: injury_benefits(7, "2025-03-10", 6000, leaves_job=True, left_on="2025-03-09", as_of=AS_OF),
        "left_on",
    ),
    ("leaving without date", lambda: injury_benefits(7, "2025-03-10", 6000, leaves_job=True, as_of=AS_OF), "left_on"),
    ("date without leaving", lambda: injury_benefits(7, "2025-03-10", 6000, left_on="2025-06-01"), "leaves_job"),
    (
        "grade 1-4 leaving",
        lambda: injury_benefits(3, "2025-03-10", 6000, leaves_job=True, left_on="2025-06-01", as_of=AS_OF),
        "leaves_job",
    ),
    # Changed (issue 9): "reduction without birth" removed with the near-retirement reduction.
    (
        "appraisal before injury",
        lambda: injury_benefits(5, "2025-03-10", 6000, assessed_on="2025-01-01"),
        "assessed_on",
    ),
    ("unknown care level", lambda: injury_benefits(1, "2025-03-10", 6000, care_level="some"), "care_level"),
    # Changed (issue 9): the national level names are not Guangdong's levels (1-4).
    ("national care level name", lambda: injury_benefits(1, "2025-03-10", 6000, care_level="full"), "care_level"),
    ("care level 0", lambda: injury_benefits(1, "2025-03-10", 6000, care_level=0), "care_level"),
    ("care level 5", lambda: injury_benefits(1, "2025-03-10", 6000, care_level=5), "care_level"),
    ("care level as bool", lambda: injury_benefits(1, "2025-03-10", 6000, care_level=True), "care_level"),
    ("care level for grade 5", lambda: injury_benefits(5, "2025-03-10", 6000, care_level=1), "care_level"),
    ("care level for grade 10", lambda: injury_benefits(10, "2025-03-10", 6000, care_level=4), "care_level"),
    ("draws_pension not a bool", lambda: injury_benefits(8, "2025-03-10", 6000, draws_pension="yes"), "draws_pension"),  # type: ignore[arg-type]
    (
        "hospital days without the daily amount",
        lambda: injury_benefits(8, "2025-03-10", 6000, hospital_days=10),
        "hospital_meal_daily",
    ),
    ("unknown dependent", lambda: death_benefits("2025-06-01", 6000, ["spouse", "cousin"], as_of=AS_OF), "dependents"),
    ("two spouses", lambda: death_benefits("2025-06-01", 6000, ["spouse", "spouse"], as_of=AS_OF), "dependents"),
    ("dependents as text", lambda: death_benefits("2025-06-01", 6000, "spouse", as_of=AS_OF), "dependents"),
    (
        "death before injury",
        lambda: death_benefits("2025-06-01", 6000, [], injured_on="2025-07-01", as_of=AS_OF),
        "died_on",
    ),
    (
        "grade 5 dying after the leave",
        lambda: death_benefits("2025-06-01", 6000, [], during_paid_leave=False, grade=5, as_of=AS_OF),
        "grade",
    ),
    ("negative payroll", lambda: injury_contribution(-1, 3, "2026-10", as_of=AS_OF), "payroll"),
    ("class 9", lambda: injury_contribution(1000, 9, "2026-10", as_of=AS_OF), "industry_class"),
    ("class 1 floating down", lambda: injury_contribution(1000, 1, "2026-10", 0.8, as_of=AS_OF), "floating_factor"),
    ("unknown rate table", lambda: injury_contribution(1000, 1, "2026-10", rates="mars", as_of=AS_OF), "rates"),
]


@pytest.mark.parametrize(("name", "call", "field"), BAD, ids=[b[0] for b in BAD])
def test_bad_input_is_a_bilingual_error_naming_the_field(name: str, call: Any, field: str) -> None:
    with pytest.raises(InputError) as err:
        call()
    assert err.value.field == field, name
    assert err.value.why_zh and err.value.why_en
    assert field in err.value.message_zh and field in err.value.message_en


# ------------------------------------------------------------------------------ properties

wages = st.decimals(min_value=0, max_value=200000, places=2)
grades = st.integers(min_value=1, max_value=10)
deps = st.lists(st.sampled_from(["relative", "orphan", "lone_elderly"]), max_size=8)


def _amounts(r: InjuryBenefits | DeathBenefits) -> list[Decimal]:
    fields = [
        getattr(r, f)
        for f in (
            "own_wage",
            "disability_lump_sum",
            "monthly_allowance",
            "allowance_top_up",
            "medical_lump_sum",
            "employment_lump_sum",
            "employment_lump_sum_full",
            "nursing_monthly",
            "hospital_meals",
            "funeral_grant",
            "survivor_monthly",
            "death_grant",
        )
        if hasattr(r, f)
    ]
    fields += [i.amount for i in r.items]
    if isinstance(r, DeathBenefits):
        fields += [s.amount for s in r.survivors]
    return [x for x in fields if x is not None]


@settings(deadline=None)
@given(wages, grades, grades)
@example(Decimal(6000), 10, 9)
def test_lump_sums_are_non_increasing_in_grade_number(avg: Decimal, a: int, b: int) -> None:
    hi, lo = sorted((a, b))  # grade `hi` is the more severe (smaller number)
    r_sev = injury_benefits(hi, "2025-03-10", avg, as_of=AS_OF)
    r_mild = injury_benefits(lo, "2025-03-10", avg, as_of=AS_OF)
    assert r_sev.disability_lump_sum >= r_mild.disability_lump_sum
    if hi >= 5:
        kw: dict[str, Any] = {"leaves_job": True, "left_on": "2026-01-31", "as_of": AS_OF}
        l_sev = injury_benefits(hi, "2025-03-10", avg, **kw)
        l_mild = injury_benefits(lo, "2025-03-10", avg, **kw)
        assert l_sev.medical_lump_sum is not None and l_mild.medical_lump_sum is not None
        assert l_sev.employment_lump_sum is not None and l_mild.employment_lump_sum is not None
        assert l_sev.medical_lump_sum >= l_mild.medical_lump_sum
        assert l_sev.employment_lump_sum >= l_mild.employment_lump_sum


@settings(deadline=None)
@given(wages, st.booleans(), deps)
@example(Decimal(7000), True, ["orphan", "lone_elderly"])
@example(Decimal("5509.85"), False, ["relative"] * 3)
def test_survivors_never_exceed_the_wage_before_death(avg: Decimal, spouse: bool, others: list[str]) -> None:
    # 条例 art. 39 (二): "核定的各供养亲属的抚恤金之和不应高于因工死亡职工生前的工资" — the wage earned,
    # which for a worker at or inside the band is also their 本人工资.
    r = death_benefits("2025-06-01", avg, (["spouse"] if spouse else []) + others, as_of=AS_OF)
    assert r.survivor_monthly is not None  # every item is covered for a 2025 death
    assert r.survivor_monthly <= round_fen(avg)
    if r.own_wage == round_fen(avg):
        assert r.survivor_monthly <= r.own_wage
    assert sum((s.amount for s in r.survivors), Decimal(0)) == r.survivor_monthly


years_2020_2025 = st.dates(min_value=date(2020, 1, 1), max_value=date(2025, 12, 31))


@settings(deadline=None)
@given(wages, years_2020_2025)
@example(Decimal(0), date(2025, 1, 1))
@example(Decimal(10**6), date(2020, 1, 1))
def test_own_wage_is_always_inside_the_band(avg: Decimal, injured: date) -> None:
    r = own_wage(avg, injured, as_of=AS_OF)
    assert r.lower <= r.own_wage <= r.upper
    # The band is 60%-300% of the average wage of the year before.
    assert r.lower == (r.average_wage * Decimal("0.6")).quantize(Decimal("0.01"))
    assert r.upper == r.average_wage * 3


# Changed (issue 9): the property "the employment grant shrinks towards retirement" was removed with
# the Hebei reduction; the draws_pension and nursing properties are in test_injury_guangdong.py.


@settings(deadline=None, max_examples=60)
@given(wages, grades, st.booleans(), st.sampled_from([None, 1, 2, 3, 4]), deps)
def test_every_amount_is_a_non_negative_decimal_to_the_fen(
    avg: Decimal, grade: int, leaves: bool, care: int | None, others: list[str]
) -> None:
    leaves = leaves and grade >= 5
    care = care if grade <= 4 else None  # 生活护理费: grades 1-4 only
    r = injury_benefits(
        grade,
        "2025-03-10",
        avg,
        leaves_job=leaves,
        left_on="2026-02-28" if leaves else None,
        care_level=care,
        hospital_days=3,
        hospital_meal_daily="40",
        as_of=AS_OF,
    )
    d = death_benefits("2025-06-01", avg, ["spouse", *others], as_of=AS_OF)
    for x in _amounts(r) + _amounts(d):
        assert isinstance(x, Decimal)
        assert x >= 0
        assert x.as_tuple().exponent == -2, x


def test_money_inputs_echoed_in_json_have_two_decimals() -> None:
    """Issue 12: money in JSON always with two decimals, also the wages and payroll a result echoes."""
    from jm_socialsec.injury import injury_contribution, own_wage

    assert own_wage(8000, "2025-03-10", as_of=AS_OF).to_json()["avg_wage_12m"] == "8000.00"
    assert injury_contribution(1000000, 3, "2026-10-01", as_of=AS_OF).to_json()["payroll"] == "1000000.00"
