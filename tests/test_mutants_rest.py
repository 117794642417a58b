"""Tests written for surviving mutants of retirement/choice.py, retirement/api.py and
pension/recalc.py (tools/mutation.py, issue 14 part 3).

Each test states what the law, its annex or a worked case says, with the hand calculation written
out; the mutants it was written for are named. Documents: tables/sources.toml
(``retirement-reform-measures-2024`` = 国务院关于渐进式延迟法定退休年龄的办法 and its annexes 1-4,
``mol-1993-120`` = 劳部发〔1993〕120号).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from jm_socialsec import InputError
from jm_socialsec.engine.months import Age, YearMonth
from jm_socialsec.retirement import retirement_month

AS_OF = date(2026, 11, 21)

# A man born 1966-01 (办法 附件1): 1966-01 is 12 birth months after 1965-01, one month of delay per
# 4 birth months from the first → 12 // 4 + 1 = 4 months → 60 years 4 months → 2026-05.
# Flexible window (办法 第三条): early no earlier than max(60 years = 2026-01, 2026-05 − 36 = 2023-05)
# = 2026-01, at the latest the month before the statutory one, 2026-04; late from 2026-06 up to
# 2026-05 + 36 = 2029-05.
BIRTH, STATUTORY = "1966-01", YearMonth(2026, 5)


def _refused(*args: Any, **kwargs: Any) -> InputError:
    with pytest.raises(InputError) as caught:
        retirement_month(*args, as_of=AS_OF, **kwargs)
    return caught.value


# ------------------------------------------------------------------------- retirement/choice.py


def test_the_statutory_choice_takes_no_other_month() -> None:
    """办法 第一条: the statutory choice retires at the statutory month (2026-05 for a man born
    1966-01, hand calculation above); another month is refused naming ``month`` and saying the
    statutory month (choice.py _check_statutory)."""
    assert retirement_month(BIRTH, "male", "statutory", "2026-05", as_of=AS_OF).month == STATUTORY
    e = _refused(BIRTH, "male", "statutory", "2026-04")
    assert e.field == "month"
    assert "2026-05" in e.why_zh and "2026-05" in e.why_en


@pytest.mark.parametrize("choice", ["flexible_early", "flexible_late"])
def test_a_flexible_choice_without_its_month_is_refused_naming_month(choice: str) -> None:
    """办法 第三条: a flexible retirement is the month the worker chooses; without it nothing can be
    computed: refused naming ``month`` (choice.py _check_flexible, _checked_month)."""
    e = _refused(BIRTH, "male", choice)
    assert e.field == "month"
    zh, en = ("弹性提前退休", "flexible early") if choice == "flexible_early" else ("弹性延迟退休", "flexible late")
    assert f"{zh}须给出退休年月" in e.why_zh and f"{en} retirement needs the month" in e.why_en


def test_flexible_retirement_before_the_reform_is_refused_naming_choice() -> None:
    """办法 (in force 2025-01-01): a man born 1960-03 reached 60 in 2020-03, before the reform: no
    flexible retirement existed; refused naming ``choice`` (choice.py _check_flexible)."""
    e = _refused("1960-03", "male", "flexible_early", "2020-01")
    assert e.field == "choice"
    assert "弹性退休" in e.why_zh and "flexible retirement" in e.why_en


def test_flexible_early_window_ends_the_month_before_the_statutory_one() -> None:
    """办法 第三条 (提前退休): man born 1966-01, window 2026-01..2026-04 (hand calculation above).
    The earliest month and the last one are accepted; the statutory month itself is not an early
    retirement: refused naming ``month`` with the range and the 36-month maximum
    (choice.py _check_early)."""
    for month in ("2026-01", "2026-04"):
        r = retirement_month(BIRTH, "male", "flexible_early", month, as_of=AS_OF)
        assert str(r.month) == month and r.statutory_month == STATUTORY
    e = _refused(BIRTH, "male", "flexible_early", "2026-05")
    assert e.field == "month"
    assert "2026-01 至 2026-04" in e.why_zh and "最多提前36个月" in e.why_zh
    assert "2026-01..2026-04" in e.why_en and "at most 36 months early" in e.why_en


def test_flexible_late_window_starts_the_month_after_the_statutory_one() -> None:
    """办法 第三条 (延迟退休, at most 3 years): man born 1966-01, window 2026-06..2029-05 (hand
    calculation above). The first and last months are accepted, with the employer's agreement
    and no approval; the statutory month and 2029-06 are refused naming ``month`` with the range
    and the 36-month maximum (choice.py _check_late)."""
    for month in ("2026-06", "2029-05"):
        r = retirement_month(BIRTH, "male", "flexible_late", month, as_of=AS_OF)
        assert str(r.month) == month and r.needs_employer_agreement and not r.needs_approval
    for month in ("2026-05", "2029-06"):
        e = _refused(BIRTH, "male", "flexible_late", month)
        assert e.field == "month"
        assert "2026-06 至 2029-05" in e.why_zh and "最多延迟36个月" in e.why_zh
        assert "2026-06..2029-05" in e.why_en and "at most 36 months late" in e.why_en


def test_a_special_choice_without_its_work_type_or_years_is_refused_naming_them() -> None:
    """劳部发〔1993〕120号: special-type early retirement is for a named work type with enough years
    in it; without either nothing can be checked: refused naming ``work_type`` /
    ``years_in_type`` (``retirement_month``'s keywords; choice.py _check_special)."""
    e = _refused("1970-05", "male", "special", years_in_type=9)
    assert e.field == "work_type"
    assert "工种" in e.why_zh and "work type" in e.why_en
    e = _refused("1970-05", "male", "special", work_type="underground")
    assert e.field == "years_in_type"
    assert "年限" in e.why_zh and "years" in e.why_en


@pytest.mark.parametrize(("kind", "required"), [("high_altitude", 10), ("heavy", 10), ("harmful", 8)])
def test_special_years_short_are_refused_with_the_years_required(kind: str, required: int) -> None:
    """劳部发〔1993〕120号 as restated: 高空 and 特别繁重 need 10 years, 其他有害 8. With one year less
    the choice is refused naming ``years_in_type`` and saying both figures (choice.py _check_special)."""
    e = _refused("1970-05", "male", "special", work_type=kind, years_in_type=required - 1)
    assert e.field == "years_in_type"
    assert f"{required} 年" in e.why_zh and f"{required - 1} 年" in e.why_zh
    assert f"needs {required} years, has {required - 1}" in e.why_en


def test_special_retirement_falls_between_the_earliest_and_the_statutory_month() -> None:
    """A man born 1970-05 in 井下作业 for 9 years (劳部发〔1993〕120号: 9 years for underground work):
    earliest special month 55 years + 2 months delay = 2025-07 (1970-05 is 4 birth months past
    1970-01, one month per 4 → 2; the Luoyang reply). Statutory (办法 附件1): 1970-05 is 64 birth
    months past 1965-01 → 64 // 4 + 1 = 17 months → 61 years 5 months → 2031-10. The month chosen
    may fall from 2025-07 to 2031-10 (module docstring's choice); 2025-06 and 2031-11 are refused
    naming ``month`` with the range (choice.py _check_special_range)."""
    special: dict[str, Any] = {"work_type": "underground", "years_in_type": 9}
    assert retirement_month("1970-05", "male", "special", **special, as_of=AS_OF).month == YearMonth(2025, 7)
    for month in ("2025-07", "2031-10"):
        r = retirement_month("1970-05", "male", "special", month, **special, as_of=AS_OF)
        assert str(r.month) == month and r.statutory_month == YearMonth(2031, 10) and r.needs_approval
    for month in ("2025-06", "2031-11"):
        e = _refused("1970-05", "male", "special", month, **special)
        assert e.field == "month"
        assert "2025-07 至 2031-10" in e.why_zh and "2025-07..2031-10" in e.why_en


def test_a_flexible_late_retirement_keeps_the_minimum_years_of_its_statutory_year() -> None:
    """办法 附件4: 15 years for a retirement in 2029, 15.5 in 2030; a flexible late retirement keeps
    the minimum of its statutory year (choice.py module docstring: bureaus' answers, secondary).
    Man born 1968-05 (附件1): 40 birth months after 1965-01 → 40 // 4 + 1 = 11 months of delay →
    60 years 11 months → 2029-04; retiring late in 2030-04 (61 years 11 months) still needs 15
    years, not 15.5 (choice.py resolution, minimum_years_month)."""
    r = retirement_month("1968-05", "male", "flexible_late", "2030-04", as_of=AS_OF)
    assert (r.statutory_month, r.month, r.age, r.min_years) == (
        YearMonth(2029, 4),
        YearMonth(2030, 4),
        Age(61, 11),
        Decimal(15),
    )


def test_the_minimum_years_are_checked_for_a_flexible_early_retirement_only() -> None:
    """办法 第三条: the minimum contribution years are a condition of early retirement only; a
    statutory or late retirement with fewer years is still that month (the pension then says
    not eligible). 附件4: 15 years (180 months) in 2026 (choice.py resolution)."""
    r = retirement_month(BIRTH, "male", "statutory", contribution_months=100, as_of=AS_OF)
    assert (r.month, r.min_years) == (STATUTORY, Decimal(15))
    r = retirement_month(BIRTH, "male", "flexible_late", "2027-01", contribution_months=100, as_of=AS_OF)
    assert (str(r.month), r.age) == ("2027-01", Age(61, 0))
    e = _refused(BIRTH, "male", "flexible_early", "2026-02", contribution_months=179)
    assert e.field == "month"
    assert "2026-02" in e.why_zh and "15" in e.why_zh and "15" in e.why_en and "2026-02" in e.why_en


# ------------------------------------------------------------------------- retirement/api.py


def test_statutory_retirement_of_a_man_born_1966_01_line_by_line() -> None:
    """办法 附件1 (hand calculation at the top): original age 60 (国发〔1978〕104号), 4 months of
    delay, 60 years 4 months, 2026-05; the pension is paid from the month after retirement
    (待遇自退休次月起计发, the rule retirement.benefit_start), 2026-06; flexible window
    2026-01..2029-05 (办法 第三条) (api.py _statutory)."""
    from jm_socialsec.retirement import statutory_retirement

    r = statutory_retirement(BIRTH, "male", as_of=AS_OF)
    assert (r.birth, r.original_age, r.delay_months, r.age) == (YearMonth(1966, 1), Age(60, 0), 4, Age(60, 4))
    assert (r.year_month, r.benefit_start) == (STATUTORY, YearMonth(2026, 6))
    assert (r.flexible_earliest, r.flexible_latest) == (YearMonth(2026, 1), YearMonth(2029, 5))
    assert r.category.value == "male" and r.projected is False


@pytest.mark.parametrize(("year", "years"), [(2029, "15"), (2030, "15.5"), (2039, "20"), (2200, "20")])
def test_minimum_years_by_year_of_retirement(year: int, years: str) -> None:
    """办法 第二条 and 附件4: 15 years up to 2029, +6 months a year from 2030 (15.5), 20 from 2039
    on (api.py min_contribution_years; 2200 is the library's last sanity year)."""
    from jm_socialsec.retirement import min_contribution_years

    assert min_contribution_years(year, as_of=AS_OF) == Decimal(years)


@pytest.mark.parametrize("year", [True, "2030", 2030.0, 1899, 2201])
def test_a_year_that_is_no_whole_year_in_range_is_refused_naming_year(year: Any) -> None:
    """Bad input is a bilingual InputError naming the field (project standard); the sanity years
    1900-2200 are engine/limits.py's (api.py min_contribution_years)."""
    from jm_socialsec.retirement import min_contribution_years

    with pytest.raises(InputError) as caught:
        min_contribution_years(year, as_of=AS_OF)
    e = caught.value
    assert e.field == "year"
    if isinstance(year, int) and not isinstance(year, bool):
        assert "1900" in e.why_zh and "2200" in e.why_zh and "1900-2200" in e.why_en
    else:
        assert "整数" in e.why_zh and "whole year" in e.why_en


def test_special_retirement_of_an_underground_worker_line_by_line() -> None:
    """劳部发〔1993〕120号: 井下作业 needs 9 years; man born 1970-05: earliest 2025-07 at 55 years
    2 months (2 months of delay), statutory 2031-10 (hand calculations in
    test_special_retirement_falls_between_the_earliest_and_the_statutory_month); approval always
    needed (api.py _special)."""
    from jm_socialsec.retirement import special_retirement

    r = special_retirement("1970-05", "male", "underground", "9.5", as_of=AS_OF)
    assert (r.birth, r.work_type.value, r.years_in_type, r.required_years, r.qualifies) == (
        YearMonth(1970, 5), "underground", Decimal("9.5"), Decimal(9), True,
    )  # fmt: skip
    assert (r.delay_months, r.age, r.earliest_month, r.statutory_month) == (
        2, Age(55, 2), YearMonth(2025, 7), YearMonth(2031, 10),
    )  # fmt: skip
    assert r.needs_approval and r.category.value == "male" and r.projected is False


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (("1970-05", "male", "mine", 9), "work_type"),
        (("1970-05", "male", "underground", -1), "years_in_type"),
        (("1970-05", "male", "underground", "nine"), "years_in_type"),
        (("2027-01", "male", "underground", 9), "birth"),
    ],
)
def test_special_retirement_refusals_name_their_field(args: tuple[Any, ...], field: str) -> None:
    """Bad input is a bilingual InputError naming the field (project standard): a work type not in
    劳部发〔1993〕120号's list, negative or non-numeric years, a birth after as_of (api.py
    special_retirement, _born_by)."""
    from jm_socialsec.retirement import special_retirement

    with pytest.raises(InputError) as caught:
        special_retirement(*args, as_of=AS_OF)
    assert caught.value.field == field


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"birth": "2026-12"}, "birth"),
        ({"month": "2026-13", "choice": "flexible_early"}, "month"),
        ({"contribution_months": -1}, "contribution_months"),
        ({"contribution_months": "many"}, "contribution_months"),
        ({"choice": "special", "work_type": "mine", "years_in_type": 9}, "work_type"),
        ({"choice": "special", "work_type": "underground", "years_in_type": -1}, "years_in_type"),
    ],
)
def test_retirement_month_refusals_name_their_own_keyword(kwargs: dict[str, Any], field: str) -> None:
    """Bad input is a bilingual InputError naming the field by the function's own keyword (project
    standard): a birth after as_of (2026-12 > 2026-11-21), an impossible month, a negative or
    non-numeric count, an unknown work type, negative years (api.py retirement_month, _born_by)."""
    args = {"birth": BIRTH, "category": "male"} | kwargs
    with pytest.raises(InputError) as caught:
        retirement_month(**args, as_of=AS_OF)
    assert caught.value.field == field


def test_a_birth_after_as_of_is_refused_with_both_dates() -> None:
    """The birth month cannot be after the day of knowledge (project standard: refuse rather than
    guess), said with both dates in both languages (api.py _born_by)."""
    from jm_socialsec.retirement import statutory_retirement

    with pytest.raises(InputError) as caught:
        statutory_retirement("2026-12", "male", as_of=AS_OF)
    e = caught.value
    assert e.field == "birth"
    assert "2026-12" in e.why_zh and "2026-11-21" in e.why_zh
    assert "2026-12" in e.why_en and "2026-11-21" in e.why_en
    # the month of as_of itself is allowed (born this month)
    assert statutory_retirement("2026-11", "male", as_of=AS_OF).birth == YearMonth(2026, 11)


def test_illness_route_of_a_man_born_1966_01() -> None:
    """The 病残津贴 route runs until the statutory month (retirement/illness.py), 2026-05 for a man
    born 1966-01 (办法 附件1, hand calculation at the top); no amount (its formula was not
    collected); a birth after as_of is refused naming ``birth`` (api.py illness_route, _illness)."""
    from jm_socialsec.retirement import illness_route

    r = illness_route(BIRTH, "male", as_of=AS_OF)
    assert r.statutory_month == STATUTORY and r.amount is None
    assert "病残津贴" in r.route_zh and r.route_en
    with pytest.raises(InputError) as caught:
        illness_route("2026-12", "male", as_of=AS_OF)
    assert caught.value.field == "birth"


def test_own_keywords_keep_the_reason_and_the_words_of_the_refusal() -> None:
    """``retirement_month`` renames the choice rules' fields to its own keywords (special_type →
    work_type, special_years → years_in_type, retirement_month → month) and keeps the words; a
    field it does not rename (``choice``) is kept (api.py _in_own_words)."""
    e = _refused(BIRTH, "male", "flexible_late", "2029-06")
    assert e.field == "month" and [x.field for x in e.errors] == ["month"]
    assert "2029-05" in e.message_zh and "2029-05" in e.message_en
    assert _refused("1960-03", "male", "flexible_late", "2020-05").field == "choice"


# ------------------------------------------------------------------------- pension/recalc.py

# The Zhongshan determination sheet (tests/data/pension_cases.toml, as in tests/test_recalc.py):
# retirement 2025-03 at 55y1m, 208 months, index 0.5241, account 66720.85; granted 2025-04-15 on
# the 2024 base 9307 (预发) with total 1688.94; 粤人社发〔2025〕32号 第二条 publishes the 2025 base
# 9493 (2025-10-27). Basic pension = base × (a + index) / 2 × years × 1% with a = 0.5241 / 0.6 =
# 0.8735 (粤府〔2006〕96号 as in docs/pension.md): (0.8735 + 0.5241) / 2 = 0.6988.
SHEET: dict[str, Any] = {
    "retirement_month": "2025-03", "age": (55, 1), "contribution_months": 208,
    "average_index": "0.5241", "account_balance": "66720.85",
}  # fmt: skip
GRANTED_ON, RECALC_ON = date(2025, 4, 15), date(2025, 11, 1)


def _granted(**overrides: Any) -> Any:
    from jm_socialsec import estimate_pension

    return estimate_pension(**SHEET, as_of=GRANTED_ON, overrides=overrides or None)


def test_the_estimates_own_overrides_are_kept_when_recalculating() -> None:
    """粤人社发〔2025〕32号 第二条: the recalculation redoes the same case on the published base, so a
    figure the estimate overrode stays overridden. Transitional fixed part overridden from 100 to
    200: transitional 200 + 4 × 17 = 268.00 on both sheets; granted total 1688.94 + 100 = 1788.94;
    recalculated 1711.47 + 100 = 1811.47 (1149.84 basic on 9493 + 393.63 + 268.00); difference
    22.53, 8 months (2025-04..2025-11) → back pay 180.24 (pension/recalc.py recalculate, merged)."""
    from jm_socialsec.pension import recalculate

    granted = _granted(**{"pension.transitional.fixed": "200"})
    assert (granted.transitional, granted.total) == (Decimal("268.00"), Decimal("1788.94"))
    r = recalculate(granted, as_of=RECALC_ON)
    assert (r.transitional, r.total, r.monthly_difference) == (Decimal("268.00"), Decimal("1811.47"), Decimal("22.53"))
    assert (r.months_back, r.back_pay) == (8, Decimal("180.24"))


def test_a_lower_published_base_gives_negative_back_pay_with_a_notice() -> None:
    """粤人社发〔2025〕32号 第二条 (补发差额): the difference is paid whatever its sign; a base published
    below the provisional one (9000 < 9307, an override) gives a negative difference, said in a
    notice. Basic 9000 × 0.6988 = 6289.2 × 208/12 = 109012.8 × 1% = 1090.128 → 1090.13; total
    1090.13 + 393.63 + 168.00 = 1651.76; difference 1651.76 − 1688.94 = −37.18; × 8 = −297.44
    (pension/recalc.py back_pay). With the real base (difference +22.53) there is no such notice."""
    from jm_socialsec.pension import recalculate

    granted = _granted()
    r = recalculate(granted, as_of=RECALC_ON, overrides={"pension.calc_base": "9000"})
    assert (r.basic, r.total, r.monthly_difference) == (Decimal("1090.13"), Decimal("1651.76"), Decimal("-37.18"))
    assert (r.months_back, r.back_pay) == (8, Decimal("-297.44"))
    assert "recalculated_lower" in {w.code for w in r.warnings}
    assert "recalculated_lower" not in {w.code for w in recalculate(granted, as_of=RECALC_ON).warnings}
    same = recalculate(granted, as_of=RECALC_ON, overrides={"pension.calc_base": "9307"})
    assert same.back_pay == 0 and "recalculated_lower" not in {w.code for w in same.warnings}


@pytest.mark.parametrize(("retired", "months"), [("2025-10", 1), ("2025-11", 0)])
def test_months_back_count_the_first_month_and_the_month_of_as_of(retired: str, months: int) -> None:
    """The library's convention (pension/recalc.py module docstring): months back run from the
    first month of the pension, the month after retirement, through the month of as_of, both
    included. Recalculated on 2025-11-01: retired 2025-10 → starts 2025-11 → 1 month (2025-11);
    retired 2025-11 → starts 2025-12 → 0 (pension/recalc.py months_back)."""
    from jm_socialsec import estimate_pension
    from jm_socialsec.pension import recalculate

    granted = estimate_pension(
        retirement_month=retired, age=(60, 10), contribution_months=360, average_index="1.0",
        account_balance="100000", as_of=date(2025, 9, 1),
    )  # fmt: skip
    assert granted.provisional
    r = recalculate(granted, as_of=RECALC_ON)
    assert (r.last_month, r.months_back) == (YearMonth(2025, 11), months)
    assert r.back_pay == r.monthly_difference * months


def test_recalculating_on_the_grant_day_is_refused_as_not_yet_published() -> None:
    """A recalculation on the day of the grant is allowed as a day (not before it) but the 2025
    base is still unpublished then (粤人社发〔2025〕32号 published 2025-10-27): NotCovered naming
    pension.calc_base on 2025-03-01, the retirement month, with the table's covered range
    2022-01-01 – 2026-12-31 (tables/pension/pension.toml) (pension/recalc.py recalculate, _published)."""
    from jm_socialsec import NotCovered
    from jm_socialsec.pension import recalculate

    with pytest.raises(NotCovered) as caught:
        recalculate(_granted(), as_of=GRANTED_ON)
    e = caught.value
    assert (e.param, e.on, e.covered_from, e.covered_until) == (
        "pension.calc_base", date(2025, 3, 1), date(2022, 1, 1), date(2026, 12, 31),
    )  # fmt: skip
    assert "2025" in e.why_zh and "pension.calc_base" in e.why_zh and "2025-04-15" in e.why_zh
    assert "2025" in e.why_en and "pension.calc_base" in e.why_en and "2025-04-15" in e.why_en


def test_a_recalculation_before_the_grant_is_refused_with_both_days() -> None:
    """Refuse rather than guess (project standard): a recalculation day before the estimate's own
    is refused naming ``as_of`` and saying both days (pension/recalc.py recalculate)."""
    from jm_socialsec.pension import recalculate

    with pytest.raises(InputError) as caught:
        recalculate(_granted(), as_of=date(2025, 4, 14))
    e = caught.value
    assert e.field == "as_of"
    assert "2025-04-14" in e.why_zh and "2025-04-15" in e.why_zh
    assert "2025-04-14" in e.why_en and "2025-04-15" in e.why_en


def test_a_person_no_longer_eligible_on_the_recalculation_day_is_refused() -> None:
    """社会保险法 第十六条: a monthly pension needs the minimum years; if, as known on the
    recalculation day, they are 20 (an override) the 208 months (17 years 4 months) no longer
    suffice: refused naming ``estimate`` and the day, never a back pay on no pension
    (pension/recalc.py _published)."""
    from jm_socialsec.pension import recalculate

    with pytest.raises(InputError) as caught:
        recalculate(_granted(), as_of=RECALC_ON, overrides={"pension.min_contribution_years": "20"})
    e = caught.value
    assert e.field == "estimate"
    assert "2025-11-01" in e.why_zh and "2025-11-01" in e.why_en and "monthly pension" in e.why_en


def test_an_estimate_without_its_inputs_is_refused_naming_estimate() -> None:
    """Only a result of estimate_pension carries the inputs a recalculation redoes; a look-alike
    built field by field is refused naming ``estimate`` (pension/recalc.py _granted)."""
    from jm_socialsec.pension import PensionEstimate, recalculate

    copy = PensionEstimate.model_construct(**dict(_granted()))
    with pytest.raises(InputError) as caught:
        recalculate(copy, as_of=RECALC_ON)
    e = caught.value
    assert e.field == "estimate"
    assert "estimate_pension" in e.why_zh and "estimate_pension" in e.why_en


# ------------------------------------------------------------------------- retirement/api.py (2)

OLD_DAY = date(2020, 1, 1)


def test_each_retirement_function_knows_only_its_as_of_day() -> None:
    """The day of knowledge is the caller's ``as_of`` (docs/architecture.md): a birth in 2021-01 is
    after 2020-01-01 and refused naming ``birth`` with that day (never judged against today), by
    every retirement function (api.py special_retirement, retirement_month, illness_route)."""
    from jm_socialsec.retirement import illness_route, special_retirement

    calls: list[Callable[[], object]] = [
        lambda: special_retirement("2021-01", "male", "underground", 9, as_of=OLD_DAY),
        lambda: retirement_month("2021-01", "male", as_of=OLD_DAY),
        lambda: illness_route("2021-01", "male", as_of=OLD_DAY),
    ]
    for call in calls:
        with pytest.raises(InputError) as caught:
            call()
        assert caught.value.field == "birth" and "2020-01-01" in caught.value.why_en


def test_minimum_years_as_known_on_a_day_before_the_reform_was_published() -> None:
    """办法 附件4 was published on 2024-09-13 (tables/sources.toml, retirement-reform-measures-2024):
    the minimum for a 2035 retirement (15 + 6 × 0.5 = 18 years) is known from then, not on
    2020-01-01, when it is refused (NotCovered), never guessed (api.py min_contribution_years)."""
    from jm_socialsec import NotCovered
    from jm_socialsec.retirement import min_contribution_years

    assert min_contribution_years(2035, as_of=AS_OF) == Decimal(18)
    with pytest.raises(NotCovered) as caught:
        min_contribution_years(2035, as_of=OLD_DAY)
    assert caught.value.param == "pension.min_contribution_years"


def test_the_first_sanity_year_is_a_year_the_tables_then_refuse() -> None:
    """1900 is inside the library's sanity years (engine/limits.py: 1900-2200), so it is not an
    input error; the minimum-years table starts 1997-07-16 (国发〔1997〕26号), so it is refused as
    not covered (api.py min_contribution_years)."""
    from jm_socialsec import NotCovered
    from jm_socialsec.retirement import min_contribution_years

    with pytest.raises(NotCovered) as caught:
        min_contribution_years(1900, as_of=AS_OF)
    assert caught.value.param == "pension.min_contribution_years"


def test_overrides_reach_the_statutory_and_the_special_rules() -> None:
    """Overrides replace a table figure for one call (docs/architecture.md). A late window of 24
    months instead of 办法 第三条's 36: man born 1966-01, latest 2026-05 + 24 = 2028-05. 井下作业
    required 10 years instead of 劳部发〔1993〕120号's 9: 9 years no longer qualify
    (api.py statutory_retirement, special_retirement)."""
    from jm_socialsec.retirement import special_retirement, statutory_retirement

    r = statutory_retirement(BIRTH, "male", as_of=AS_OF, overrides={"retirement.flexible_late_max_months": 24})
    assert (r.flexible_earliest, r.flexible_latest) == (YearMonth(2026, 1), YearMonth(2028, 5))
    s = special_retirement(
        "1970-05", "male", "underground", 9, as_of=AS_OF, overrides={"retirement.special.required_years": 10}
    )
    assert (s.required_years, s.qualifies) == (Decimal(10), False)


def test_resolve_carries_its_day_and_explains_with_its_overrides() -> None:
    """``resolve`` runs in the caller's calculation: its result carries the caller's day, and its
    explanation (built when read) uses the caller's overrides — a late window of 24 months shows
    in the window's line (api.py resolve)."""
    from jm_socialsec.engine.params import Params
    from jm_socialsec.retirement import Category, RetirementChoice, resolve

    params = Params(AS_OF, {"retirement.flexible_late_max_months": 24})
    r = resolve(params, YearMonth(1966, 1), Category.MALE, RetirementChoice.FLEXIBLE_LATE, YearMonth(2028, 5))
    assert r.as_of == AS_OF and r.month == YearMonth(2028, 5)
    window = next(s for s in r.steps if s.id == "flexible_retirement_window")
    assert "法定 + 24个月" in window.formula_zh and "法定 + 36个月" not in window.formula_zh


def test_negative_years_in_a_special_type_are_refused_as_negative() -> None:
    """Bad input is a bilingual InputError naming the field and saying what is wrong (project
    standard): −1 years is refused as negative, before any rule runs (api.py retirement_month)."""
    e = _refused("1970-05", "male", "special", work_type="underground", years_in_type=-1)
    assert (e.field, e.reason) == ("years_in_type", "negative")
    assert "负" in e.why_zh and "negative" in e.why_en


def test_the_back_pay_notice_names_the_first_and_the_last_month() -> None:
    """The months-back convention (pension/recalc.py module docstring) is told in a notice with the
    months it counted — 2025-04 (the month after the 2025-03 retirement) through 2025-11 (the
    month of as_of) — and the granted line shows the provisional base 9307 (the 2024 base, 粤人社发
    〔2024〕33号) it rests on (pension/recalc.py months_back, _recalculate)."""
    from jm_socialsec.pension import recalculate

    r = recalculate(_granted(), as_of=RECALC_ON)
    notice = next(w for w in r.warnings if w.code == "months_back_convention")
    assert "2025-04" in notice.zh and "2025-11" in notice.zh
    assert "2025-04" in notice.en and "2025-11" in notice.en
    granted_line = next(s for s in r.steps if s.id == "granted_pension")
    assert [q.value for q in granted_line.inputs] == [9307]
