"""Tests written for the surviving mutants of ``src/jm_socialsec/checklist/`` (issue 14, part 3).

Each expected value is stated from the law or a hand calculation written out in the test,
never from the code's own output.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from holidays.countries.china import ChinaStaticHolidays

from jm_socialsec.checklist import RetireeProfile, retirement_checklist
from jm_socialsec.checklist.due_date import _package_schedule_through, holiday_schedule_through
from jm_socialsec.checklist.items.medical_benefits import (
    medical_benefits,
    medical_benefits_notes,
    medical_benefits_preconditions,
)
from jm_socialsec.checklist.items.pension_claim import pension_claim_notes, pension_claim_preconditions
from jm_socialsec.checklist.medical import medical_check, medical_requirement
from jm_socialsec.checklist.result import MedicalCheck
from jm_socialsec.engine.errors import InputError
from jm_socialsec.engine.months import YearMonth
from jm_socialsec.engine.params import Params
from jm_socialsec.retirement import RetirementChoice

AS_OF = date(2026, 11, 21)
# Male born 1966-08: k = 1966-08 − 1965-01 = 19 months, delay 19 // 4 + 1 = 5 → 60 y 5 m → 2027-01.
BASE: dict[str, Any] = {"birth": "1966-08-15", "category": "male", "contribution_months": 300}


# ---------------------------------------------------------------------------------------------
# due_date.py: the schedule known is capped by the installed calendar


def test_the_schedule_counted_on_is_capped_by_the_installed_package() -> None:
    """国务院办公厅 部分节假日安排的通知 (gov-office-holidays-2026): the last notice is the 2026 one.

    A table value claiming the notices through 2030 were published (an override) cannot make the
    due dates of 2027–2030 certain: the installed ``holidays`` package lists make-up days only for
    the years whose notice it has (``ChinaStaticHolidays.special_public_holidays``), 2026 here. So
    the schedule counted on is min(2030, 2026) = 2026, not 2030.
    """
    # The package's last year is read once per process (a cache); read it afresh here, so that
    # this test is one that reaches it (mutation testing maps a cached function to its first caller).
    _package_schedule_through.cache_clear()
    package_last = max(ChinaStaticHolidays.special_public_holidays)
    assert package_last < 2030  # the premise: the package has no 2030 notice
    params = Params(AS_OF, {"checklist.holiday_schedule_published_through": "2030-12"})
    assert holiday_schedule_through(params.at(date(2026, 12, 14))) == package_last


# ---------------------------------------------------------------------------------------------
# items/medical_benefits.py: item 5's reason, preconditions and notes (社会保险法 第二十七条;
# 粤医保规〔2022〕6号 第六条: 30 years for men, 25 for women; 第八条第（二）项: 10 years in the city)


def _medical(required: int | None, local: int | None, met: bool | None, assumed: bool = False) -> MedicalCheck:
    top_up = None if met is None else (0 if met else 12)
    return MedicalCheck(
        required_months=required,
        required_local_months=local,
        months=None if met is None else 360,
        local_months=None if met is None else 120,
        met=met,
        top_up_months=top_up,
        threshold_assumed=assumed,
    )


def test_item_5_is_for_members_of_employee_medical_only_whatever_check_is_passed() -> None:
    """社会保险法 第二十七条 concerns 职工医保 members: someone not in it has no item 5, even when a
    check (30 years = 360 months, 10 years = 120 local months, met) is at hand."""
    a = Params(AS_OF).at(YearMonth(2030, 12))
    assert medical_benefits(a, False, True, _medical(360, 120, True)) == (False, "medical_not_insured")
    assert medical_benefits(a, True, True, None) == (False, "medical_not_insured")


def test_item_5_threshold_unknown_when_either_threshold_is_missing() -> None:
    """粤医保规〔2022〕6号 第六条 and 第八条第（二）项 are two thresholds: the total (360 months for a man)
    and the local one (120 months). With either one unknown the requirement is not known."""
    a = Params(AS_OF).at(YearMonth(2030, 12))
    assert medical_benefits(a, True, True, _medical(360, None, True)) == (True, "medical_threshold_unknown")
    assert medical_benefits(a, True, True, _medical(None, 120, True)) == (True, "medical_threshold_unknown")


def test_item_5_met_has_no_top_up_to_pay() -> None:
    """社会保险法 第二十七条: who has paid the required years pays no more — no top-up precondition.

    Hand case (a man born 1966-08, retiring 2027-01): 360 months in
    all ≥ 30 × 12 = 360, 120 local ≥ 10 × 12 = 120 → met, nothing open for item 5.
    """
    a = Params(AS_OF).at(YearMonth(2030, 12))
    assert medical_benefits_preconditions(a, _medical(360, 120, True)) == ()
    assert medical_benefits_preconditions(a, _medical(360, 120, False)) == ("medical_top_up",)
    r = retirement_checklist(
        {**BASE, "medical_months": 360, "medical_local_months": 120}, date(2026, 12, 14), as_of=AS_OF
    )
    assert r.item(5).applies and [p.code for p in r.item(5).preconditions] == []


def test_item_5_official_threshold_has_no_assumed_note() -> None:
    """粤医保规〔2022〕6号 第六条: the 30/25-year values are official from 2030-01-01, so a retirement in
    2030-12 (a man born 1969-09: 1969-09 − 1965-01 = 56 months, delay 56 // 4 + 1 = 15 → 61 y 3 m →
    2030-12) gets only the note that the data is pushed from item 1, not the "assumed" one."""
    a = Params(AS_OF).at(YearMonth(2030, 12))
    assert medical_benefits_notes(a, False) == ("medical_data_pushed",)
    r = retirement_checklist(
        {**BASE, "birth": "1969-09", "medical_months": 360, "medical_local_months": 120},
        date(2030, 11, 1),
        as_of=AS_OF,
    )
    assert r.retirement_month == YearMonth(2030, 12)
    assert [n.code for n in r.item(5).notes] == ["medical_data_pushed"]


# ---------------------------------------------------------------------------------------------
# items/pension_claim.py: item 1's open preconditions (广东省 企业职工基本养老金申领 办事指南:
# 办理条件; 人社部发〔2024〕94号: the flexible choices' month is applied for no later than that month)


def _open(apply_on: date, month: YearMonth, choice: RetirementChoice) -> tuple[str, ...]:
    a = Params(AS_OF).at(apply_on)
    return pension_claim_preconditions(a, apply_on, month, choice, False, False, False)


def test_item_1_on_the_first_day_of_the_retirement_month_the_age_is_reached() -> None:
    """The age is reached in the retirement month (2027-01 for a man born 1966-08: 60 y 5 m), so
    an application on 2027-01-01 has nothing open but stopping contributions; on 2026-12-31 the
    age is not reached yet."""
    assert _open(date(2027, 1, 1), YearMonth(2027, 1), RetirementChoice.STATUTORY) == ("stop_contributions",)
    assert _open(date(2026, 12, 31), YearMonth(2027, 1), RetirementChoice.STATUTORY) == (
        "age_not_reached",
        "stop_contributions",
    )


def test_item_1_a_statutory_month_cannot_be_passed() -> None:
    """人社部发〔2024〕94号 limits only the flexible choices (the chosen month applied for no later
    than itself); a statutory retirement applied for a month later (2027-02-10 for 2027-01) is
    not 'chosen month passed'."""
    assert _open(date(2027, 2, 10), YearMonth(2027, 1), RetirementChoice.STATUTORY) == ("stop_contributions",)


@pytest.mark.parametrize("choice", [RetirementChoice.FLEXIBLE_EARLY, RetirementChoice.FLEXIBLE_LATE])
def test_item_1_a_flexible_month_applied_for_within_itself_is_not_passed(choice: RetirementChoice) -> None:
    """人社部发〔2024〕94号: no later than the chosen month — 2027-01-20 for 2027-01 is in time,
    2027-02-01 is too late."""
    assert _open(date(2027, 1, 20), YearMonth(2027, 1), choice) == ("stop_contributions",)
    assert _open(date(2027, 2, 1), YearMonth(2027, 1), choice) == ("chosen_month_passed", "stop_contributions")


def test_item_1_no_history_under_review_no_provisional_note() -> None:
    """劳社部发〔1999〕8号: the contribution time is provisional only while item 3 reviews the history."""
    a = Params(AS_OF).at(date(2026, 12, 14))
    assert pension_claim_notes(a, False) == ()
    assert pension_claim_notes(a, True) == ("years_pending_review",)
    r = retirement_checklist(BASE, date(2026, 12, 14), as_of=AS_OF)
    assert not r.item(3).applies and r.item(1).applies and list(r.item(1).notes) == []


# ---------------------------------------------------------------------------------------------
# medical.py: the thresholds line shown when the person's months are not known


def test_the_medical_requirement_line_is_the_total_threshold_in_months() -> None:
    """粤医保规〔2022〕6号 第六条: from 2030-01-01, 30 years for men = 30 × 12 = 360 months and 25 for
    women = 25 × 12 = 300 months (the line shown when the person's own months are not known)."""
    a = Params(AS_OF).at(YearMonth(2030, 12))
    assert medical_requirement(a, "male") == 360
    assert medical_requirement(a, "female") == 300


def test_before_the_guangdong_rule_the_person_s_months_are_still_reported() -> None:
    """粤医保规〔2022〕6号 applies from 2022-07-01: a man born 1961-01 retired at 60 in 2021-01, before
    it, so no threshold is given (the bureau decides) — but the months he declared (300 in all,
    120 in Jiangmen) are his facts and stay in the check."""
    r = retirement_checklist(
        {**BASE, "birth": "1961-01", "medical_months": 300, "medical_local_months": 120},
        date(2025, 3, 3),
        as_of=AS_OF,
    )
    assert r.medical is not None and r.medical.required_months is None
    assert (r.medical.months, r.medical.local_months) == (300, 120)


@pytest.mark.parametrize(("months", "local"), [(360, None), (None, 120)])
def test_with_one_of_the_two_counts_unknown_the_top_up_is_not_known(months: int | None, local: int | None) -> None:
    """粤医保规〔2022〕6号 第六条 and 第八条第（二）项: the top-up is the larger of two shortfalls (360 −
    total, 120 − local, for a man from 2030); with one count unknown it cannot be computed, and
    item 5 asks for the person's years."""
    check = medical_check(Params(AS_OF).at(YearMonth(2030, 12)), "male", months, local)
    assert (check.required_months, check.required_local_months) == (360, 120)
    assert check.top_up_months is None and check.met is None
    r = retirement_checklist(
        {**BASE, "birth": "1969-09", "medical_months": months, "medical_local_months": local},
        date(2030, 11, 1),
        as_of=AS_OF,
    )
    assert r.medical is not None and r.medical.top_up_months is None and r.medical.met is None
    assert [p.code for p in r.item(5).preconditions] == ["medical_years_unknown"]


# ---------------------------------------------------------------------------------------------
# profile.py: a birth date as text — out of the sanity range, or no date at all


def test_a_birth_outside_the_sanity_years_is_refused_as_out_of_range() -> None:
    """Issue 14 (7): years outside 1900–2200 are refused with the field named; 1850 is before 1900,
    so the refusal is the range one (not a generic 'not a date'), naming ``birth``."""
    with pytest.raises(InputError) as e:
        RetireeProfile(birth="1850-01-01", category="male", contribution_months=300)
    assert e.value.field == "birth" and e.value.reason == "out_of_range"
    assert "1900" in e.value.why_zh and "1900" in e.value.why_en


def test_a_birth_text_that_is_no_date_is_a_bilingual_refusal_naming_birth() -> None:
    """Project standard (bad input: a clear bilingual InputError naming the field): month 13, day 45
    is no calendar date; the words say so in Chinese and in English."""
    with pytest.raises(InputError) as e:
        RetireeProfile(birth="1966-13-45", category="male", contribution_months=300)
    assert e.value.field == "birth" and e.value.reason == "invalid"
    assert "不是有效日期" in e.value.why_zh and "not a valid date" in e.value.why_en


# ---------------------------------------------------------------------------------------------
# api.py: the application day refused, and the special-type facts of a claim


def test_an_application_day_outside_the_sanity_years_is_refused_as_out_of_range() -> None:
    """Issue 14 (7): years outside 1900–2200 are refused quickly with the field named: 2250 is
    after 2200 — the range refusal naming ``apply_on``, not a generic 'not a date'."""
    with pytest.raises(InputError) as e:
        retirement_checklist(BASE, "2250-01-01", as_of=AS_OF)
    assert e.value.field == "apply_on" and e.value.reason == "out_of_range"


def test_an_application_day_that_is_no_date_is_refused_as_not_a_date() -> None:
    """Project standard (bad input: a clear bilingual InputError naming the field): 2026-02-30 is
    no calendar date (February 2026 has 28 days)."""
    with pytest.raises(InputError) as e:
        retirement_checklist(BASE, "2026-02-30", as_of=AS_OF)
    assert e.value.field == "apply_on" and e.value.reason == "not_a_date"


SPECIAL: dict[str, Any] = {
    # Male born 1972-01: special age 55 (办法 第八条), delayed from those born 1970-01 (55 in
    # 2025-01): k = 1972-01 − 1970-01 = 24 → 24 // 4 + 1 = 7 months → 55 y 7 m → 2027-08;
    # underground needs 9 years (secondary).
    **BASE,
    "birth": "1972-01",
    "choice": "special",
    "special_type": "underground",
    "special_years": 10,
}


def test_item_2_states_the_earliest_special_month() -> None:
    """办法 第八条: the special-type age 55 for men, delayed as the statutory ones — 55 y 7 m for a
    man born 1972-01, the earliest month 1972-01 + 55 y 7 m = 2027-08; item 2 states it."""
    r = retirement_checklist(SPECIAL, date(2027, 7, 1), as_of=AS_OF)
    assert r.retirement_month == YearMonth(2027, 8)
    assert "最早 2027-08" in r.item(2).reason


def test_special_history_without_a_claim_has_no_public_notice_line() -> None:
    """办法 第八条: item 2 (and its public notice, 公示) is for a special-type claim only; a man who
    declares special-type history but retires at the statutory age has no public-notice period
    in his explanation."""
    r = retirement_checklist({**BASE, "special_type": "heavy", "special_years": 12}, date(2026, 12, 14), as_of=AS_OF)
    assert not r.item(2).applies
    assert "特殊工种提前退休公示期" not in r.explain()
    claim = retirement_checklist(SPECIAL, date(2027, 7, 1), as_of=AS_OF)
    assert "特殊工种提前退休公示期" in claim.explain()


def test_a_profile_that_is_neither_model_nor_mapping_is_refused_naming_profile() -> None:
    """Project standard (a clear bilingual InputError naming the field): a number is no profile."""
    with pytest.raises(InputError) as e:
        retirement_checklist(42, date(2026, 12, 14), as_of=AS_OF)  # type: ignore[call-overload]
    assert e.value.field == "profile"
    assert "RetireeProfile" in e.value.why_zh and "mapping" in e.value.why_en


def test_an_application_in_the_birth_month_is_refused_naming_apply_on() -> None:
    """A birth in the month of ``as_of`` (2026-11, as_of 2026-11-21) is known, not 'after today';
    an application in that same month (2026-11-25) is not after the birth month: refused naming
    ``apply_on``, in both languages, with the day."""
    person = {**BASE, "birth": "2026-11", "contribution_months": 0}
    with pytest.raises(InputError) as e:
        retirement_checklist(person, date(2026, 11, 25), as_of=AS_OF)
    assert e.value.field == "apply_on"
    assert "2026-11-25" in e.value.why_zh and "2026-11-25" in e.value.why_en
    assert "出生" in e.value.why_zh and "birth" in e.value.why_en


def test_projection_arguments_are_checked() -> None:
    """``project`` is a yes/no flag and ``assumptions`` may name only figures the tables have: a
    text 'yes' is refused naming ``project``; growth for an unknown figure is refused naming
    ``assumptions``."""
    with pytest.raises(InputError) as e:
        retirement_checklist(BASE, date(2026, 12, 14), as_of=AS_OF, project="yes")  # type: ignore[call-overload]
    assert e.value.field == "project"
    with pytest.raises(InputError) as e:
        retirement_checklist(
            BASE, date(2026, 12, 14), as_of=AS_OF, project=True, assumptions={"growth": {"no.such_figure": "0.03"}}
        )
    assert e.value.field.startswith("assumptions")
