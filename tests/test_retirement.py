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
from jm_socialsec.engine.months import Age
from jm_socialsec.engine.params import At, Params
from jm_socialsec.engine.trace import tracing, version
from jm_socialsec.retirement import (
    Category,
    RetirementChoice,
    SpecialWorkType,
    min_contribution_years,
    resolve,
    retirement_month,
    special_retirement,
    statutory_retirement,
)
from jm_socialsec.retirement.age import (
    annex_delay,
    delay_months,
    original_age,
    statutory_month,
    statutory_retirement_month,
)
from jm_socialsec.retirement.choice import (
    chosen_month,
    minimum_years_month,
    needs_approval,
    needs_employer_agreement,
)
from jm_socialsec.retirement.contribution_years import minimum_contribution_years
from jm_socialsec.retirement.flexible import (
    FLEXIBLE_WINDOW,
    Window,
    flexible_retirement_unavailable,
    flexible_retirement_window,
)
from jm_socialsec.retirement.illness import illness_allowance_until
from jm_socialsec.retirement.special import (
    required_special_years,
    special_delay_months,
    special_earliest_month,
    special_original_age,
    special_years_qualify,
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
    assert err.value.field == "month"  # its own keyword (estimate_pension names it retirement_month)
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
    assert err.value.field == "years_in_type"  # its own keyword


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


# ------------------------------------------------------------------------- the rules, one by one
# Each rule is called directly with a parameter accessor (``Params(AS_OF).at(month)``) on a hand
# case written out from the law; Hypothesis properties aim at single rules.

YM = YearMonth.of


def _at(on: str | date | YearMonth = AS_OF) -> At:
    return Params(AS_OF).at(YM(on) if isinstance(on, str) else on)


@pytest.mark.parametrize(("category", "years"), [("male", 60), ("female_55", 55), ("female_50", 50)])
def test_rule_original_age(category: str, years: int) -> None:
    """国发〔1978〕104号 第一条: men 60, women cadres 55, women workers 50."""
    assert original_age(_at(), YM("1966-01"), Category(category)) == years


@pytest.mark.parametrize(
    ("birth", "category", "delay"),
    [
        ("1964-12", "male", 0),  # annex 1: births before 1965-01 are not delayed
        ("1965-01", "male", 1),  # annex 1, first row: 60 years 1 month
        ("1976-08", "male", 35),  # k = 139 → 139 // 4 + 1 = 35
        ("1976-09", "male", 36),  # annex 1, last row: 63 years
        ("1990-06", "male", 36),  # capped
        ("1970-01", "female_55", 1),  # annex 3, first row
        ("1981-09", "female_55", 36),  # annex 3, last row: 58 years
        ("1975-01", "female_50", 1),  # annex 2, first row (every 2 birth months)
        ("1975-03", "female_50", 2),
        ("1984-11", "female_50", 60),  # annex 2, last row: 55 years
    ],
)
def test_rule_delay_months(birth: str, category: str, delay: int) -> None:
    """办法第一条, annexes 1-3: delay read in the month the original age is reached."""
    cat = Category(category)
    b = YM(birth)
    years = original_age(_at(), b, cat)
    assert delay_months(_at(b.add_years(years)), b, cat) == delay


def test_rule_delay_months_before_the_reform_reads_no_reform_figures() -> None:
    """Original age reached 2020-03 (before 2025): cap 0, no delay; the reform's rows are not read."""
    params = Params(AS_OF)
    assert delay_months(params.at(YM("2020-03")), YM("1960-03"), Category.MALE) == 0
    assert [pv.id for pv in params.used] == ["retirement.delay_cap_months"]


def test_rule_statutory_retirement_month() -> None:
    """1966-01 + 60 years + 4 months = 2026-05 (annex 1, row 1966-01…04: 60 years 4 months)."""
    assert statutory_retirement_month(_at(), YM("1966-01"), 60, 4) == YM("2026-05")


def test_statutory_month_for_other_areas_keeps_its_shape() -> None:
    assert statutory_month(Params(AS_OF), YM("1966-01"), Category.MALE) == (Age(60, 0), 4, YM("2026-05"))


def test_rule_flexible_window() -> None:
    """办法第三条: early at most 36 months but not below 60 (2026-01); late 36 months (2029-05)."""
    w = flexible_retirement_window(_at("2026-05"), YM("1966-01"), 60, YM("2026-05"))
    assert w == Window(YM("2026-01"), YM("2029-05")) and str(w) == "2026-01 – 2029-05"
    # born 1975-01, male: k = 120 → delay 31 → statutory 2037-08; 36 months early would be 2034-08,
    # below 60 years (2035-01), so the original age bounds it; late: 2037-08 + 36 = 2040-08.
    w = flexible_retirement_window(_at("2037-08"), YM("1975-01"), 60, YM("2037-08"))
    assert w == Window(YM("2035-01"), YM("2040-08"))
    assert statutory_retirement("1975-01", "male", as_of=AS_OF).year_month == YM("2037-08")


def test_rule_flexible_window_versions() -> None:
    """No flexible retirement before 2025-01-01 (the 办法 took effect then)."""
    assert version(FLEXIBLE_WINDOW, date(2024, 12, 1)) is flexible_retirement_unavailable
    assert version(FLEXIBLE_WINDOW, date(2025, 1, 1)) is flexible_retirement_window
    assert flexible_retirement_unavailable(_at("2020-03"), YM("1960-03"), 60, YM("2020-03")) is None


@pytest.mark.parametrize(
    ("month", "years"),
    [
        ("2029-12", "15"),
        ("2030-01", "15.5"),
        ("2030-12", "15.5"),
        ("2034-06", "17.5"),
        ("2039-01", "20"),
        ("2050-07", "20"),
    ],
)
def test_rule_minimum_contribution_years(month: str, years: str) -> None:
    """社会保险法第十六条 (15); 办法第二条, 附件4: +6 months a year from 2030, 20 from 2039."""
    assert minimum_contribution_years(_at(month), YM(month)) == Decimal(years)


@pytest.mark.parametrize(("category", "years"), [("male", 55), ("female_55", 45), ("female_50", 45)])
def test_rule_special_original_age(category: str, years: int) -> None:
    """国发〔1978〕104号 第一条（二）: men 55, women 45 (by sex, not by category)."""
    assert special_original_age(_at(), YM("1970-05"), Category(category).sex) == years


@pytest.mark.parametrize(
    ("birth", "sex", "delay", "earliest"),
    [
        ("1969-12", "male", 0, "2024-12"),  # before the first delayed birth month 1970-01
        ("1970-05", "male", 2, "2025-07"),  # k = 4, step 4 → 2: 55y2m (a Guangdong determination sheet)
        ("1979-12", "female", 0, "2024-12"),
        ("1980-03", "female", 2, "2025-05"),  # k = 2, step 2 → 2: 45y2m
    ],
)
def test_rule_special_delay_and_earliest_month(birth: str, sex: str, delay: int, earliest: str) -> None:
    b = YM(birth)
    years = special_original_age(_at(), b, sex)
    d = special_delay_months(_at(b.add_years(years)), b, sex)
    assert d == delay
    assert special_earliest_month(_at(), b, years, d) == YM(earliest)


@pytest.mark.parametrize(
    ("kind", "required"),
    [("high_altitude", 10), ("heavy", 10), ("underground", 9), ("high_temperature", 9), ("harmful", 8)],
)
def test_rule_required_special_years(kind: str, required: int) -> None:
    """国发〔1978〕104号 第一条（二）: height / heavy 10, underground / heat 9, other harmful 8."""
    assert required_special_years(_at("2025-07"), SpecialWorkType(kind)) == required


def test_rule_special_years_qualify() -> None:
    at = _at("2025-07")
    assert special_years_qualify(at, SpecialWorkType.UNDERGROUND, Decimal(9))
    assert not special_years_qualify(at, SpecialWorkType.UNDERGROUND, Decimal("8.9"))


def test_rules_of_the_choice() -> None:
    at, statutory, asked, special = _at(), YM("2026-05"), YM("2027-01"), YM("2025-07")
    assert chosen_month(at, RetirementChoice.STATUTORY, statutory, None, None) == statutory
    assert chosen_month(at, RetirementChoice.FLEXIBLE_LATE, statutory, asked, None) == asked
    assert chosen_month(at, RetirementChoice.SPECIAL, statutory, None, special) == special
    # a flexible late retirement keeps the minimum years of its statutory year (secondary)
    assert minimum_years_month(at, RetirementChoice.FLEXIBLE_LATE, asked, statutory) == statutory
    assert minimum_years_month(at, RetirementChoice.FLEXIBLE_EARLY, asked, statutory) == asked
    assert needs_employer_agreement(at, RetirementChoice.FLEXIBLE_LATE)
    assert not needs_employer_agreement(at, RetirementChoice.FLEXIBLE_EARLY)
    assert needs_approval(at, RetirementChoice.SPECIAL) and not needs_approval(at, RetirementChoice.STATUTORY)


def test_rule_illness_allowance_until_records_its_notice() -> None:
    params = Params(AS_OF)
    assert illness_allowance_until(params.at(YM("2025-04")), YM("2025-04")) == YM("2025-04")
    assert params.notices == [("retirement.amount_not_computed", {})]


@given(st.integers(-100, 400), st.integers(0, 50), st.sampled_from([2, 4]), st.sampled_from([36, 60]))
def test_annex_delay_is_monotone_capped_and_steps_by_one(k: int, later: int, step: int, cap: int) -> None:
    a, b = annex_delay(k, step, cap), annex_delay(k + later, step, cap)
    assert 0 <= a <= b <= cap
    assert annex_delay(k + 1, step, cap) - a in (0, 1)
    assert (a == 0) == (k < 0)


@given(births, categories)
def test_flexible_window_never_below_the_original_age_nor_beyond_its_maxima(birth: YearMonth, category: str) -> None:
    params = Params(AS_OF)
    original, _, statutory = statutory_month(params, birth, Category(category))
    rule_in_force = version(FLEXIBLE_WINDOW, statutory.first_day())
    w = rule_in_force(params.at(statutory), birth, original.years, statutory)
    if statutory < YM("2025-01"):
        assert w is None
        return
    assert w is not None
    assert birth.add_years(original.years) <= w.earliest <= statutory
    assert statutory - w.earliest <= 36 and w.latest - statutory == 36


@given(st.builds(YearMonth, st.integers(2012, 2060), st.integers(1, 12)), st.integers(0, 60))
def test_minimum_years_rule_is_non_decreasing_by_month_and_in_half_years(month: YearMonth, later: int) -> None:
    a = minimum_contribution_years(_at(month), month)
    b = minimum_contribution_years(_at(month + later), month + later)
    assert Decimal(15) <= a <= b <= Decimal(20)
    assert (a * 2) % 1 == 0


# ------------------------------------------------------------------------- engine behaviour


def test_resolve_in_a_callers_trace_shows_the_retirement_rules() -> None:
    """Other areas call resolve() inside their own calculation: the rules land in their trace."""
    params = Params(AS_OF)
    with tracing() as root:
        r = resolve(params, YM("1966-01"), Category.MALE, RetirementChoice.STATUTORY)
    ids = [node.rule for node in root.walk()]
    assert ids[:4] == [
        "retirement.original_age",
        "retirement.months_after_reform_start",
        "retirement.delay_months",
        "retirement.statutory_retirement_month",
    ]
    assert "retirement.minimum_contribution_years" in ids
    assert (r.month, r.age, r.min_years) == (YM("2026-05"), (60, 4), Decimal(15))


def test_resolve_builds_no_explanation_until_asked() -> None:
    r = resolve(Params(AS_OF), YM("1966-01"), Category.MALE, RetirementChoice.FLEXIBLE_LATE, YM("2029-05"))
    assert "steps" not in r.__dict__ and "warnings" not in r.__dict__
    assert r.needs_employer_agreement and not r.needs_approval
    # read on demand: the rules' lines (step ids are rule names)
    assert [s.id for s in r.steps][-2:] == ["chosen_month", "minimum_contribution_years"]


def test_statutory_retirement_steps_are_the_rules() -> None:
    """Step ids became rule names with the engine (issue 10): original_age, delay_months, …"""
    r = statutory_retirement("1966-01", "male", as_of=AS_OF)
    assert [s.id for s in r.steps] == [
        "original_age",
        "delay_months",
        "statutory_retirement_month",
        "flexible_retirement_window",
    ]
    assert r.steps[-1].formula_zh.count("36个月") == 2  # the figure comes from the table, not the text


def test_flexible_early_refusal_names_the_maximum_from_the_table() -> None:
    with pytest.raises(InputError) as err:
        retirement_month(
            "1966-01",
            "male",
            "flexible_early",
            "2025-12",
            as_of=AS_OF,
            overrides={"retirement.flexible_early_max_months": 24},
        )
    assert "最多提前24个月" in err.value.message_zh and "at most 24 months early" in err.value.message_en
