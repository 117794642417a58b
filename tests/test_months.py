"""Year-months and ages: the law counts months."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jm_socialsec import Age, YearMonth
from jm_socialsec.engine.errors import BadValue
from jm_socialsec.engine.months import age_in_months, age_on

year_months = st.builds(YearMonth, st.integers(1900, 2100), st.integers(1, 12))
shifts = st.integers(-1200, 1200)


@given(year_months, shifts)
def test_adding_then_subtracting_months_is_identity(ym: YearMonth, n: int) -> None:
    assert (ym + n) - n == ym
    assert (ym + n) - ym == n


@given(year_months, st.integers(-50, 50))
def test_adding_twelve_months_is_adding_a_year(ym: YearMonth, years: int) -> None:
    assert ym + 12 * years == ym.add_years(years)
    assert (ym + 12 * years).month == ym.month
    assert (ym + 12 * years).year == ym.year + years


@given(
    st.dates(date(1940, 1, 1), date(2010, 12, 31)),
    st.integers(0, 30000),
    st.integers(0, 4000),
)
def test_age_is_non_decreasing_in_the_date(birth: date, after_birth: int, later_by: int) -> None:
    on = birth + timedelta(days=after_birth)
    later = on + timedelta(days=later_by)
    assert age_on(birth, later).total_months >= age_on(birth, on).total_months


@given(year_months, year_months)
def test_age_in_months_orders_like_dates(a: YearMonth, b: YearMonth) -> None:
    assert (age_in_months(a, b) >= 0) == (b >= a)


def test_parse_formats() -> None:
    assert YearMonth.of("2025-03") == YearMonth(2025, 3)
    assert YearMonth.of("2025年3月") == YearMonth(2025, 3)
    assert YearMonth.of(date(2025, 3, 31)) == YearMonth(2025, 3)
    assert str(YearMonth(2025, 3)) == "2025-03"
    assert YearMonth(2025, 12) + 1 == YearMonth(2026, 1)
    assert YearMonth(2026, 1) - YearMonth(2025, 2) == 11
    assert YearMonth(2024, 2).last_day() == date(2024, 2, 29)


@pytest.mark.parametrize("bad", ["2025-13", "25-03", "abc", 2025])
def test_bad_year_month(bad: object) -> None:
    with pytest.raises(BadValue):
        YearMonth.of(bad)


def test_age_tuple() -> None:
    assert Age.from_months(721) == (60, 1)
    assert Age(55, 1).total_months == 661
    assert Age.of([50, 11]) == Age(50, 11)
    with pytest.raises(BadValue):
        Age.of((60, 12))


def test_age_on_counts_completed_months() -> None:
    assert age_on(date(1965, 1, 15), date(2025, 2, 14)) == (60, 0)
    assert age_on(date(1965, 1, 15), date(2025, 2, 15)) == (60, 1)


@given(st.integers(1, 9999), st.integers(1, 12))
def test_a_months_first_day_is_the_calendars(year: int, month: int) -> None:
    """``YearMonth.first_day`` (remembered per month, engine/months.py) is day 1 of that month."""
    assert YearMonth(year, month).first_day() == date(year, month, 1)
