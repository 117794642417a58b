"""The checklist's rules one by one, on hand cases, and its catalogue of words.

Each rule is called directly with a date-bound accessor and plain values; the expected value is
written out from the text it encodes (cited per test). Properties aim at single rules. The
catalogue tests check that every code a rule can return has its words in both languages.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from itertools import product

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jm_socialsec.checklist import RetireeProfile, retirement_checklist
from jm_socialsec.checklist.due_date import (
    due_date,
    due_date_is_estimate,
    holiday_schedule_through,
    is_working_day,
    time_limit,
)
from jm_socialsec.checklist.eligibility import minimum_years_shortfall, special_publicity_days
from jm_socialsec.checklist.items import PHASES, depends_on, processing_order
from jm_socialsec.checklist.items.history_review import (
    history_review,
    history_review_documents,
    history_review_grounds,
)
from jm_socialsec.checklist.items.housing_fund import housing_fund, housing_fund_preconditions
from jm_socialsec.checklist.items.medical_benefits import medical_benefits, medical_benefits_preconditions
from jm_socialsec.checklist.items.one_child_reward import one_child_reward, one_child_reward_notes
from jm_socialsec.checklist.items.pension_claim import (
    pension_claim,
    pension_claim_documents,
    pension_claim_preconditions,
)
from jm_socialsec.checklist.items.special_type import (
    special_type_claim,
    special_type_preconditions,
    special_type_requirement,
)
from jm_socialsec.checklist.medical import (
    medical_check,
    medical_required_local_months,
    medical_required_months,
    medical_threshold_assumed,
    medical_top_up_months,
)
from jm_socialsec.checklist.profile import DeemedService, HukouType, SpouseHukou
from jm_socialsec.checklist.result import MedicalCheck
from jm_socialsec.checklist.words import words
from jm_socialsec.engine.months import YearMonth
from jm_socialsec.engine.params import At, Params
from jm_socialsec.engine.texts import pair, placeholders
from jm_socialsec.retirement import Category, RetirementChoice, SpecialWorkType

AS_OF = date(2026, 11, 21)
FLAGS = (False, True)


def at(on: date | YearMonth, as_of: date = AS_OF, overrides: dict[str, object] | None = None) -> At:
    return Params(as_of, overrides).at(on)


# ---------------------------------------------------------------------------------------------
# The minimum years (社会保险法 第十六条; 办法 第二条 and annex 4)


def test_minimum_years_shortfall_hand_cases() -> None:
    a = at(date(2026, 12, 14))
    assert minimum_years_shortfall(a, 170, Decimal(15)) == 10  # 15 × 12 = 180
    assert minimum_years_shortfall(a, 185, Decimal("15.5")) == 1  # 15.5 × 12 = 186 (2030)
    assert minimum_years_shortfall(a, 300, Decimal(15)) == 0


@given(st.integers(0, 600), st.sampled_from([Decimal(15) + Decimal(k) / 2 for k in range(11)]))
def test_shortfall_is_never_negative_and_falls_month_by_month(months: int, years: Decimal) -> None:
    a = at(date(2026, 12, 14))
    short = minimum_years_shortfall(a, months, years)
    assert short >= 0
    assert (short == 0) == (months >= years * 12)
    assert minimum_years_shortfall(a, months + 1, years) == max(0, short - 1)


def test_special_publicity_days_is_the_assumed_table_value() -> None:
    assert special_publicity_days(at(date(2027, 7, 1))) == 5  # checklist.special_publicity_working_days


# ---------------------------------------------------------------------------------------------
# 职工医保 (粤医保规〔2022〕6号 第六条, 第八条第（二）项)


def test_medical_thresholds_in_months() -> None:
    a = at(YearMonth(2027, 1))
    assert medical_required_months(a, "male") == 360  # 30 years
    assert medical_required_months(a, "female") == 300  # 25 years
    assert medical_required_local_months(a) == 120  # 10 years in the city
    assert medical_threshold_assumed(a, "male")  # Jiangmen's 2022-2029 steps not found
    assert not medical_threshold_assumed(at(YearMonth(2030, 12)), "male")  # official from 2030


def test_medical_top_up_is_the_larger_shortfall() -> None:
    a = at(YearMonth(2027, 1))
    assert medical_top_up_months(a, "male", 300, 240) == 60  # total short by 60
    assert medical_top_up_months(a, "male", 400, 100) == 20  # local short by 20
    assert medical_top_up_months(a, "male", 360, 120) == 0


@given(st.integers(0, 600), st.integers(0, 600), st.sampled_from(["male", "female"]))
def test_medical_top_up_meets_both_thresholds(months: int, local: int, sex: str) -> None:
    a = at(YearMonth(2027, 1))
    top_up = medical_top_up_months(a, sex, months, local)
    total, in_city = medical_required_months(a, sex), medical_required_local_months(a)
    assert top_up >= 0
    assert months + top_up >= total and local + top_up >= in_city  # a month paid here counts for both
    assert top_up == 0 or months + top_up - 1 < total or local + top_up - 1 < in_city  # and no more


def test_medical_check_states() -> None:
    before = medical_check(at(YearMonth(2021, 1)), "male", 300, 120)  # before 2022-07-01
    assert before.required_months is None and before.met is None and before.threshold_assumed
    unknown = medical_check(at(YearMonth(2027, 1)), "male", None, None)
    assert unknown.required_months == 360 and unknown.met is None and unknown.top_up_months is None
    overridden = medical_check(
        at(YearMonth(2030, 12), overrides={"medical.retirement_min_years": {"male": 25}}), "male", 300, 120
    )
    assert overridden.met and overridden.threshold_assumed


# ---------------------------------------------------------------------------------------------
# The due date (19 working days, 民法典 第二百零一条; State Council holiday notices)


def test_due_date_rules() -> None:
    a = at(date(2026, 2, 2), as_of=date(2026, 1, 10))
    assert time_limit(a) == 19
    assert holiday_schedule_through(a) == 2026  # the 2026 notice of 2025-11-04
    assert holiday_schedule_through(at(date(2026, 2, 2), as_of=date(2025, 10, 1))) == 2025
    # See tests/test_checklist.py for the count across the 2026 Spring Festival.
    assert due_date(a, date(2026, 2, 2)) == date(2026, 3, 5)
    assert is_working_day(date(2026, 2, 14))  # make-up Saturday


def test_an_estimate_is_said_once_as_the_rule_s_notice() -> None:
    params = Params(AS_OF)
    a = params.at(date(2026, 12, 14))
    assert not due_date_is_estimate(a, date(2026, 12, 31), 2026)
    assert params.notices == []
    assert due_date_is_estimate(a, date(2027, 1, 11), 2026)
    assert params.notices == [
        (
            "checklist.due_date_estimate",
            {
                "param": "checklist.holiday_schedule_published_through",
                "year": 2027,
                "as_of": AS_OF,
                "through": 2026,
            },
        )
    ]


# ---------------------------------------------------------------------------------------------
# Item 1


def test_pension_claim_applies_with_the_minimum_years() -> None:
    a = at(date(2026, 12, 14))
    assert pension_claim(a, True) == (True, "pension_claim")
    assert pension_claim(a, False) == (False, "pension_claim_short")


def test_pension_claim_documents() -> None:
    a = at(date(2026, 12, 14))
    base = ("benefit_declaration_form_employer", "retirement_month_application", "social_security_card_banking")
    assert pension_claim_documents(a, RetirementChoice.STATUTORY, True, False, False, False) == base
    late = pension_claim_documents(a, RetirementChoice.FLEXIBLE_LATE, False, True, True, True)
    assert late == (
        "benefit_declaration_form",
        "retirement_month_application",
        "social_security_card_banking",
        "flexible_late_agreement",
        "sentence_papers",
        "double_contribution_refund_form",
        "power_of_attorney",
        "proxy_id_cards",
    )


def test_pension_claim_preconditions() -> None:
    a = at(date(2026, 12, 14))
    statutory = RetirementChoice.STATUTORY
    assert pension_claim_preconditions(a, date(2026, 12, 14), YearMonth(2027, 1), statutory, False, False, False) == (
        "age_not_reached",
        "stop_contributions",
    )
    assert pension_claim_preconditions(a, date(2027, 1, 4), YearMonth(2027, 1), statutory, True, False, True) == (
        "transfer_other_province",
        "arrears",
        "stop_contributions",
    )
    early = RetirementChoice.FLEXIBLE_EARLY
    assert "chosen_month_passed" in pension_claim_preconditions(
        a, date(2026, 12, 1), YearMonth(2026, 10), early, False, False, False
    )


# ---------------------------------------------------------------------------------------------
# Item 2


def test_special_type_claim_and_requirement() -> None:
    a = at(date(2027, 7, 1))
    assert special_type_claim(a, RetirementChoice.SPECIAL, SpecialWorkType("underground")) == (
        True,
        "special_type_claim",
    )
    assert special_type_claim(a, RetirementChoice.STATUTORY, SpecialWorkType("heavy"))[1] == (
        "special_type_history_only"
    )
    assert special_type_claim(a, RetirementChoice.STATUTORY, None) == (False, "special_type_not_claimed")
    # Male born 1972-01: 55 delayed by 24 // 4 + 1 = 7 months → 2027-08; underground needs 9 years.
    earliest, required = special_type_requirement(
        a, YearMonth(1972, 1), Category("male"), SpecialWorkType("underground")
    )
    assert earliest == YearMonth(2027, 8) and required == 9


def test_special_type_preconditions() -> None:
    a = at(date(2027, 7, 1))
    assert special_type_preconditions(a, None, True) == ("special_register_unverified", "special_publicity")
    assert special_type_preconditions(a, False, False) == ("special_register_missing", "special_publicity", "min_years")
    assert special_type_preconditions(a, True, True) == ("special_publicity",)


# ---------------------------------------------------------------------------------------------
# Item 3


def test_history_review() -> None:
    a = at(date(2026, 12, 14))
    grounds = history_review_grounds(a, (DeemedService.MILITARY,), True, SpecialWorkType("heavy"))
    assert grounds == (("deemed", "military"), ("from_file", ""), ("special_records", "heavy"))
    assert history_review(a, grounds, False) == (True, "history_review")
    assert history_review(a, grounds, True) == (False, "history_reviewed")
    assert history_review(a, (), False) == (False, "history_nothing_to_review")
    docs = history_review_documents(a, (DeemedService.STATE_COLLECTIVE, DeemedService.MILITARY))
    assert docs == ("personnel_file", "id_card", "history_review_form", "military_proof", "state_collective_proof")


# ---------------------------------------------------------------------------------------------
# Items 4, 5, 6


def test_housing_fund() -> None:
    a = at(date(2026, 12, 14))
    assert housing_fund(a, False, True) == (False, "housing_fund_none")
    assert housing_fund(a, True, False) == (False, "needs_item_1")
    assert housing_fund(a, True, True) == (True, "housing_fund")
    assert housing_fund_preconditions(a, True) == ("housing_fund_arrears",)


def _medical(required: int | None, met: bool | None) -> MedicalCheck:
    return MedicalCheck(
        required_months=required,
        required_local_months=None if required is None else 120,
        months=None,
        local_months=None,
        met=met,
        top_up_months=None if met is None else (0 if met else 1),
        threshold_assumed=True,
    )


def test_medical_benefits_reason_follows_what_is_known() -> None:
    a = at(date(2026, 12, 14))
    assert medical_benefits(a, False, True, None) == (False, "medical_not_insured")
    assert medical_benefits(a, True, False, _medical(360, True)) == (False, "needs_item_1")
    assert medical_benefits(a, True, True, _medical(None, None)) == (True, "medical_threshold_unknown")
    assert medical_benefits(a, True, True, _medical(360, None)) == (True, "medical_months_unknown")
    assert medical_benefits(a, True, True, _medical(360, True)) == (True, "medical_met")
    assert medical_benefits(a, True, True, _medical(360, False)) == (True, "medical_short")
    assert medical_benefits_preconditions(a, _medical(360, False)) == ("medical_top_up",)
    assert medical_benefits_preconditions(a, _medical(360, None)) == ("medical_years_unknown",)


@given(st.tuples(*[st.booleans()] * 6), st.sampled_from([None, HukouType.URBAN, HukouType.RURAL]))
def test_one_child_reward_applies_only_when_every_condition_holds(
    flags: tuple[bool, ...], hukou: HukouType | None
) -> None:
    certificate, outside, rewarded, deceased, met, _ = flags
    applies, reason = one_child_reward(at(date(2026, 12, 14)), certificate, hukou, outside, rewarded, deceased, met)
    assert applies == (
        certificate and hukou is not HukouType.RURAL and not outside and not rewarded and not deceased and met
    )
    assert reason in words()["reason"]


def test_where_to_apply_follows_the_spouses_hukou() -> None:
    a = at(date(2026, 12, 14))
    assert one_child_reward_notes(a, SpouseHukou.OTHER_TOWN)[0] == "where_to_apply_other_town"


# ---------------------------------------------------------------------------------------------
# Order and dependencies (other provinces' bundles)


def test_order_hand_case() -> None:
    a = at(date(2027, 7, 1))
    everything = frozenset(range(1, 7))
    assert processing_order(a, everything) == ((2, 3), (1,), (4, 5, 6))
    assert depends_on(a, 1, everything) == (2, 3)
    assert depends_on(a, 5, everything) == (1,)
    assert depends_on(a, 1, frozenset({1, 5})) == ()
    assert depends_on(a, 4, frozenset({1, 5})) == ()  # does not apply


@given(st.frozensets(st.integers(1, 6)))
def test_dependencies_apply_and_come_earlier(applying: frozenset[int]) -> None:
    a = at(date(2027, 7, 1))
    phase = {n: i for i, group in enumerate(PHASES) for n in group}
    order = processing_order(a, applying)
    assert sorted(n for group in order for n in group) == sorted(applying)
    for n in range(1, 7):
        deps = depends_on(a, n, applying)
        assert all(d in applying and phase[d] < phase[n] for d in deps)
        if n not in applying:
            assert deps == ()


# ---------------------------------------------------------------------------------------------
# The catalogue: every code has words in both languages; placeholders are values of the case

_SECTIONS = ("reason", "document", "precondition", "note", "option", "ground")
_CASE_VALUES = {
    "month",
    "min_years",
    "shortfall",
    "special_years",
    "required_years",
    "earliest",
    "publicity_days",
    "top_up",
    "choice",
    "age",
    "years",
    "special_type",
    "medical_total",
    "medical_local",
    "region_suffix",
    "grounds",
    "deemed",
}


def test_every_entry_has_both_languages_and_known_placeholders() -> None:
    bad = []
    for section in _SECTIONS:
        for code, entry in words()[section].items():
            for key in ("text", "name", "note", "when"):
                if key not in entry:
                    continue
                zh, en = pair(entry, key)
                if not (zh.strip() and en.strip()):
                    bad.append((section, code, key, "missing language"))
                bad += [(section, code, key, n) for n in placeholders(zh) | placeholders(en) if n not in _CASE_VALUES]
    assert bad == []


def test_no_table_figure_is_typed_into_an_item_text() -> None:
    # The figures of tables/checklist and tables/medical reach a text only through a placeholder.
    typed = ("19个工作日", "19 working", "5 个工作日", "5 working", "30年", "25年", "10年", "30 y", "15 年")
    found = [
        (section, code)
        for section in _SECTIONS
        for code, entry in words()[section].items()
        for key in ("text", "name", "note", "when")
        for text in pair(entry, key)
        if any(t in text for t in typed)
    ]
    assert found == []


def test_every_code_the_rules_return_is_in_the_catalogue() -> None:
    """Run the whole checklist over a grid of flags: a missing code would raise a KeyError."""
    base = {"birth": "1966-08", "category": "male", "hukou_type": "urban"}
    for history, fund, certificate, proxy in product(FLAGS, FLAGS, FLAGS, FLAGS):
        for months, medical in ((170, None), (300, None), (300, 300), (400, 400)):
            person = RetireeProfile(
                **base,
                contribution_months=months,
                history_from_file=history,
                deemed_service=list(DeemedService) if history else [],
                housing_fund_account=fund,
                housing_fund_arrears=fund,
                one_child_certificate=certificate,
                only_child_adopted=certificate,
                by_proxy=proxy,
                served_sentence=proxy,
                duplicate_contributions=proxy,
                arrears=proxy,
                medical_months=medical,
                medical_local_months=None if medical is None else 100,
            )
            r = retirement_checklist(person, date(2026, 12, 14), as_of=AS_OF)
            assert all(i.reason and i.reason_en for i in r.items)
            assert r.explain("en") and r.to_json()


@pytest.mark.parametrize("special_in_register", [None, False, True])
def test_special_type_case_words(special_in_register: bool | None) -> None:
    r = retirement_checklist(
        {
            "birth": "1972-01",
            "category": "male",
            "contribution_months": 300,
            "choice": "special",
            "special_type": "underground",
            "special_years": 10,
            "special_in_register": special_in_register,
        },
        date(2027, 7, 1),
        as_of=AS_OF,
    )
    two = r.item(2)
    assert "要求 9 年" in two.reason and "required 9" in two.reason_en
    assert any("约 5 个工作日" in p.zh for p in two.preconditions)
    assert "special_publicity_days" in [s.id for s in r.steps]


def test_a_checklist_inside_a_traced_calculation_stays_a_complete_value() -> None:
    from jm_socialsec.engine.trace import tracing

    plain = retirement_checklist(
        {"birth": "1966-08", "category": "male", "contribution_months": 300}, date(2026, 12, 14), as_of=AS_OF
    )
    with tracing() as root:
        nested = retirement_checklist(
            {"birth": "1966-08", "category": "male", "contribution_months": 300}, date(2026, 12, 14), as_of=AS_OF
        )
    assert root.children == []  # its rules are not lines of the outer calculation
    assert nested.items == plain.items and nested.explain() == plain.explain()
