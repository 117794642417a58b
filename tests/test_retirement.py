"""Retirement age (2025 reform), flexible window, special types, minimum contribution years.

Expected values: annexes 1-4 of 国务院关于渐进式延迟法定退休年龄的办法 (tests/data/pension_cases.toml)
and hand calculations from the 办法's text, written out where used.
"""

from __future__ import annotations

import tomllib
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jm_socialsec import InputError, YearMonth
from jm_socialsec.retirement import (
    min_contribution_years,
    retirement_month,
    special_retirement,
    statutory_retirement,
)

CASES = tomllib.loads((Path(__file__).parent / "data" / "pension_cases.toml").read_text("utf-8"))
AS_OF = date(2026, 11, 21)


@pytest.mark.parametrize("case", CASES["retirement_age"][0]["cases"], ids=lambda c: f"{c['category']}-{c['birth']}")
def test_annex_rows(case: dict[str, object]) -> None:
    r = statutory_retirement(case["birth"], case["category"], as_of=AS_OF)  # type: ignore[arg-type]
    assert str(r.year_month) == case["year_month"]
    assert list(r.age) == case["age"]
    assert r.delay_months == case["delay"]
    assert r.benefit_start == r.year_month + 1


@pytest.mark.parametrize("case", CASES["min_contribution_years"][0]["cases"], ids=lambda c: str(c["year"]))
def test_annex_4_minimum_years(case: dict[str, object]) -> None:
    assert min_contribution_years(case["year"], as_of=AS_OF) == Decimal(str(case["years"]))  # type: ignore[arg-type]


# Annex 1 as the 办法 words it: from birth month 1965-01, every 4 birth months add one month, up to
# 36 months (63 years). Row r (1-based) covers births 1965-01 + 4(r-1) … +3 at 60 years + r months.
@pytest.mark.parametrize("row", range(1, 37))
def test_annex_1_male_rows_first_and_last_birth_month(row: int) -> None:
    first = YearMonth(1965, 1) + 4 * (row - 1)
    for birth in (first, first + 3):
        r = statutory_retirement(birth, "male", as_of=AS_OF)
        assert r.delay_months == row
        assert r.age.total_months == 60 * 12 + row
        assert r.year_month == birth + 60 * 12 + row


def test_full_delay_is_kept_for_later_births() -> None:
    # born 1990-06, male: delay capped at 36 → 63 years → 2053-06
    r = statutory_retirement("1990-06", "male", as_of=AS_OF)
    assert (str(r.year_month), r.age, r.delay_months) == ("2053-06", (63, 0), 36)


def test_flexible_window_male_1966_01() -> None:
    # statutory 2026-05 (60y4m); early: max(60 years = 2026-01, 2026-05 − 36 = 2023-05) = 2026-01;
    # late: 2026-05 + 36 = 2029-05.
    r = statutory_retirement("1966-01", "male", as_of=AS_OF)
    assert (str(r.flexible_earliest), str(r.flexible_latest)) == ("2026-01", "2029-05")


def test_no_flexible_window_before_the_reform() -> None:
    r = statutory_retirement("1960-03", "male", as_of=AS_OF)
    assert str(r.year_month) == "2020-03"
    assert r.flexible_earliest is None and r.flexible_latest is None


def test_flexible_early_refused_below_the_original_age() -> None:
    with pytest.raises(InputError) as err:
        retirement_month("1966-01", "male", "flexible_early", "2025-12", as_of=AS_OF)
    assert err.value.field == "retirement_month"
    assert "2026-01" in err.value.message_zh and "2026-01" in err.value.message_en


def test_flexible_early_needs_the_minimum_years_then() -> None:
    with pytest.raises(InputError, match="15"):
        retirement_month("1966-01", "male", "flexible_early", "2026-02", contribution_months=179, as_of=AS_OF)
    r = retirement_month("1966-01", "male", "flexible_early", "2026-02", contribution_months=180, as_of=AS_OF)
    assert (str(r.month), r.age) == ("2026-02", (60, 1))


def test_flexible_late_needs_agreement_and_is_capped() -> None:
    r = retirement_month("1966-01", "male", "flexible_late", "2029-05", as_of=AS_OF)
    assert r.needs_employer_agreement
    with pytest.raises(InputError):
        retirement_month("1966-01", "male", "flexible_late", "2029-06", as_of=AS_OF)


def test_special_type_men_after_the_reform() -> None:
    # born 1970-05: k = 4 months from 1970-01, step 4 → delay 2 → 55y2m → 2025-07 (matches the
    # 55y2m determination sheets the rules reference cites).
    r = special_retirement("1970-05", "male", "underground", 9, as_of=AS_OF)
    assert (str(r.earliest_month), r.age, r.qualifies) == ("2025-07", (55, 2), True)
    assert r.required_years == 9 and r.needs_approval
    assert {w.code for w in r.warnings} >= {"status_secondary"}


def test_special_type_years_short() -> None:
    r = special_retirement("1970-05", "male", "high_altitude", 9, as_of=AS_OF)
    assert r.required_years == 10 and not r.qualifies
    with pytest.raises(InputError) as err:
        retirement_month("1970-05", "male", "special", work_type="high_altitude", years_in_type=9, as_of=AS_OF)
    assert err.value.field == "special_years"


def test_special_type_women_before_and_after_the_reform() -> None:
    # born 1979-12 (before 1980-01): 45 → 2024-12; born 1980-03: k = 2, step 2 → delay 2 → 45y2m → 2025-05
    assert str(special_retirement("1979-12", "female_50", "heavy", 10, as_of=AS_OF).earliest_month) == "2024-12"
    r = special_retirement("1980-03", "female_55", "heavy", 10, as_of=AS_OF)
    assert (str(r.earliest_month), r.age) == ("2025-05", (45, 2))


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"birth": "2030-01"}, "birth"),
        ({"category": "female"}, "category"),
        ({"birth": "1966-13"}, "birth"),
    ],
)
def test_bad_input(kwargs: dict[str, str], field: str) -> None:
    args = {"birth": "1966-01", "category": "male"} | kwargs
    with pytest.raises(InputError) as err:
        statutory_retirement(args["birth"], args["category"], as_of=AS_OF)
    assert err.value.field == field


births = st.builds(YearMonth, st.integers(1950, 2010), st.integers(1, 12))
categories = st.sampled_from(["male", "female_55", "female_50"])
CAPS = {"male": 36, "female_55": 36, "female_50": 60}


@given(births, st.integers(1, 48), categories)
def test_retirement_month_non_decreasing_in_birth_month(birth: YearMonth, later: int, category: str) -> None:
    a = statutory_retirement(birth, category, as_of=AS_OF)
    b = statutory_retirement(birth + later, category, as_of=AS_OF)
    assert b.year_month >= a.year_month
    assert b.delay_months >= a.delay_months


@given(births, categories)
def test_delay_never_exceeds_the_cap(birth: YearMonth, category: str) -> None:
    r = statutory_retirement(birth, category, as_of=AS_OF)
    assert 0 <= r.delay_months <= CAPS[category]
    assert r.year_month == birth + r.age.total_months


@given(st.integers(2000, 2100), st.integers(0, 20))
def test_minimum_years_between_15_and_20_and_non_decreasing(year: int, later: int) -> None:
    a, b = min_contribution_years(year, as_of=AS_OF), min_contribution_years(year + later, as_of=AS_OF)
    assert Decimal(15) <= a <= b <= Decimal(20)


def test_illness_route_reports_the_route_and_no_amount() -> None:
    from jm_socialsec.retirement import illness_route

    r = illness_route("1970-03", "female_55", as_of=AS_OF)
    # female_55 born 1970-03: k = 2, step 4 → delay 1 → 55y1m → 2025-04
    assert str(r.statutory_month) == "2025-04"
    assert r.amount is None and "病残津贴" in r.route_zh
    assert "amount_not_computed" in {w.code for w in r.warnings}


def test_special_type_ages_cite_the_luoyang_reply() -> None:
    """corrections-2026-11 §5: 「The special-type retirement ages (55→58 men, 45→50 women) come from
    the 洛阳市 bureau's reply of 2024-11-22, not a Jiangmen one: fix the label; still secondary.」"""
    r = special_retirement("1970-05", "male", "underground", 9, as_of=AS_OF)
    delayed = [pv for pv in r.sources() if pv.id.startswith("retirement.special.") and "required" not in pv.id]
    reform = [pv for pv in delayed if pv.since is not None and pv.since.year >= 2025]
    assert reform, "the reform-era special-type values are cited"
    for pv in reform:
        assert "洛阳市人力资源和社会保障局" in pv.source.document and "2024-11-22" in pv.source.document
        assert pv.status.value == "secondary"
