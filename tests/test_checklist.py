"""The 企业职工退休"一件事" checklist: items, reasons, documents, order, due dates, bad input.

Expected values come from the rules reference (shared/rules/retirement_checklist.md, pension.md)
and, for due dates, from the State Council holiday notices worked out by hand in the comments:
国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号, 2024-11-12) and
国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04).
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

import holidays
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jm_socialsec.checklist import (
    DeemedService,
    RetireeProfile,
    RetirementChecklist,
    contribution_shortfall,
    retirement_checklist,
)
from jm_socialsec.engine.errors import InputError, NotCovered
from jm_socialsec.engine.months import YearMonth
from jm_socialsec.retirement import RetirementChoice

AS_OF = date(2026, 11, 21)
# Male born 1966-08: k = 1966-08 − 1965-01 = 19 months, delay 19 // 4 + 1 = 5 → 60 y 5 m → 2027-01.
BASE: dict[str, Any] = {"birth": "1966-08-15", "category": "male", "contribution_months": 300}
APPLY = date(2026, 12, 14)


def run(apply_on: date = APPLY, as_of: date = AS_OF, overrides: Any = None, **fields: Any) -> RetirementChecklist:
    return retirement_checklist({**BASE, **fields}, apply_on, as_of=as_of, overrides=overrides)


def names(result: RetirementChecklist, number: int) -> list[str]:
    return [d.name for d in result.item(number).documents]


def codes(result: RetirementChecklist, number: int) -> set[str]:
    return {p.code for p in result.item(number).preconditions}


# ---------------------------------------------------------------------------------------------
# The six items, their names and departments, and the retirement month


def test_six_items_in_the_official_order_with_names_and_departments() -> None:
    r = run()
    assert [i.number for i in r.items] == [1, 2, 3, 4, 5, 6]
    assert [i.name for i in r.items] == [
        "企业职工基本养老金申领",
        "企业职工从事特殊工种提前退休申请",
        "企业职工历史信息审核申请",
        "退休住房公积金提取",
        "职工医保退休待遇核定",
        "城镇独生子女父母计划生育奖励",
    ]
    assert [i.department[:3] for i in r.items] == ["社保局", "社保局", "社保局", "住房公", "医保局", "卫健局"]


def test_retirement_month_from_the_reform_tables() -> None:
    r = run()
    assert r.retirement_month == YearMonth(2027, 1)
    assert r.retirement_age == (60, 5)
    assert r.benefit_start == YearMonth(2027, 2)
    assert r.min_contribution_years == 15


def test_minimal_profile_only_item_1_and_5_apply() -> None:
    # Nothing declared beyond the three required fields: 职工医保 is assumed (compulsory for
    # employees), nothing else is triggered.
    r = run()
    assert r.applying == (1, 5)
    assert r.item(2).reason == "未申请特殊工种提前退休"
    assert "未申报住房公积金账户" in r.item(4).reason
    assert "光荣证" in r.item(6).reason


# ---------------------------------------------------------------------------------------------
# Item 1 and the minimum contribution years


def test_item_1_base_documents() -> None:
    r = run()
    assert names(r, 1) == [
        "《企业职工基本养老保险待遇申报表》",
        "《企业职工基本养老保险退休时间申请书》",
        "社会保障卡（已激活金融功能）",
    ]
    assert "单位公章" in r.item(1).documents[0].note
    assert all(not d.situational for d in r.item(1).documents)
    assert "单位公章" not in run(employer_handles=False).item(1).documents[0].note


@pytest.mark.parametrize(
    ("fields", "document"),
    [
        ({"served_sentence": True}, "法院判决书、裁定书及刑满释放证明（或假释、暂予监外执行、社区矫正文书）"),
        ({"duplicate_contributions": True}, "《企业职工基本养老保险重复缴费退款申请表》"),
        ({"by_proxy": True}, "《个人委托书》"),
        ({"by_proxy": True}, "申请人及代办人居民身份证"),
        (
            {"choice": "flexible_late", "retirement_month": "2027-06"},
            "与用人单位协商一致的弹性延迟退休书面协议",
        ),
    ],
)
def test_item_1_situational_documents(fields: dict[str, Any], document: str) -> None:
    assert document not in names(run(), 1)
    r = run(**fields)
    doc = next(d for d in r.item(1).documents if d.name == document)
    assert doc.situational and doc.when and doc.when_en


def test_item_1_open_preconditions() -> None:
    r = run()
    # Applying in 2026-12 for a 2027-01 retirement: the month is not reached yet.
    assert codes(r, 1) == {"age_not_reached", "stop_contributions"}
    assert codes(run(apply_on=date(2027, 1, 4)), 1) == {"stop_contributions"}
    r = run(other_province_contributions=True, arrears=True)
    assert {"transfer_other_province", "arrears"} <= codes(r, 1)
    r = run(other_province_contributions=True, other_province_transferred=True)
    assert "transfer_other_province" not in codes(r, 1)


def test_flexible_month_already_passed_is_flagged() -> None:
    # Flexible early 2026-10 (window 2026-08 … 2026-12: not below the original age 60 = 2026-08),
    # applying in 2026-12: the chosen month has passed.
    r = run(choice="flexible_early", retirement_month="2026-10", apply_on=date(2026, 12, 1))
    assert r.retirement_month == YearMonth(2026, 10)
    assert "chosen_month_passed" in codes(r, 1)


def test_minimum_years_not_met_gives_the_shortfall_and_options_instead_of_item_1() -> None:
    # 15 years = 180 months; 170 months → 10 short.
    r = run(contribution_months=170, housing_fund_account=True, hukou_type="urban", one_child_certificate=True)
    assert not r.min_years_met
    assert r.shortfall_months == 10
    assert {o.code for o in r.shortfall_options} == {"extend", "lump_sum", "residents_scheme"}
    one = r.item(1)
    assert not one.applies and "差 10 个月" in one.reason and one.documents == ()
    # 4, 5 and 6 need the retirement decision.
    for n in (4, 5, 6):
        assert not r.item(n).applies and "第1项" in r.item(n).reason
    assert r.processing_order == ()


def test_minimum_years_met_exactly() -> None:
    r = run(contribution_months=180)
    assert r.min_years_met and r.shortfall_months == 0 and r.shortfall_options == ()


def test_minimum_years_rise_from_2030() -> None:
    # Male born 1969-09: k = 56, delay 56 // 4 + 1 = 15 → 61 y 3 m → 2030-12; minimum 15.5 years
    # = 186 months (办法 annex 4).
    fields = {"birth": "1969-09", "apply_on": date(2030, 11, 1)}
    r = run(**fields, contribution_months=185)
    assert r.retirement_month == YearMonth(2030, 12)
    assert r.min_contribution_years == pytest.approx(15.5)
    assert r.shortfall_months == 1
    assert run(**fields, contribution_months=186).min_years_met


def test_shortfall_rounds_half_years_up_to_months() -> None:
    from decimal import Decimal

    assert contribution_shortfall(0, Decimal("15.5")) == 186
    assert contribution_shortfall(200, Decimal("15")) == 0


# ---------------------------------------------------------------------------------------------
# Item 2 (special type) and the retirement choice


SPECIAL: dict[str, Any] = {
    # Male born 1972-01: special age 55 delayed by k = 24 → 24 // 4 + 1 = 7 months → 55 y 7 m →
    # 2027-08; underground needs 9 years (secondary); statutory month 2033-11.
    "birth": "1972-01",
    "choice": "special",
    "special_type": "underground",
    "special_years": 10,
}


def test_item_2_applies_for_a_special_type_claim() -> None:
    r = run(apply_on=date(2027, 7, 1), **SPECIAL)
    assert r.retirement_month == YearMonth(2027, 8)
    two = r.item(2)
    assert two.applies and "井下作业" in two.reason and "要求 9 年" in two.reason
    assert [d.name for d in two.documents] == [
        "原始档案（招工登记表、工资调整审批表、劳动合同等）",
        "特殊工种提前退休申请表",
        "单位公示回执",
        "居民身份证",
        "社会保障卡",
    ]
    assert codes(r, 2) == {"special_register", "special_publicity"}
    assert "special_register" not in codes(run(apply_on=date(2027, 7, 1), special_in_register=True, **SPECIAL), 2)
    assert {n.code for n in two.notes} >= {"early_lowers_pension"}
    # Special-type records are history to review (item 3).
    assert r.item(3).applies and "特殊工种记录" in r.item(3).reason


def test_special_type_history_without_a_special_claim() -> None:
    r = run(special_type="heavy", special_years=12)
    assert not r.item(2).applies and "特别繁重体力劳动" in r.item(2).reason
    assert r.item(3).applies


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({**SPECIAL, "special_years": 8}, "special_years"),  # underground needs 9
        ({"choice": "special", "special_years": 10, "birth": "1972-01"}, "special_type"),
        ({"choice": "special", "special_type": "underground", "birth": "1972-01"}, "special_years"),
        # Original age 60 is reached in 2026-08: 2026-07 is below it.
        ({"choice": "flexible_early", "retirement_month": "2026-07"}, "retirement_month"),
        ({"choice": "flexible_early"}, "retirement_month"),
        # Flexible early needs the minimum years at the chosen month.
        ({"choice": "flexible_early", "retirement_month": "2026-09", "contribution_months": 170}, "retirement_month"),
        # Flexible late: at most 36 months after 2027-01.
        ({"choice": "flexible_late", "retirement_month": "2030-02"}, "retirement_month"),
    ],
)
def test_choice_the_rules_do_not_allow_is_a_bilingual_error(fields: dict[str, Any], field: str) -> None:
    with pytest.raises(InputError) as err:
        run(apply_on=date(2027, 7, 1), **fields)
    assert err.value.field == field
    assert err.value.why_zh and err.value.why_en


# ---------------------------------------------------------------------------------------------
# Item 3 (history review)


@pytest.mark.parametrize(
    ("kind", "document"),
    [
        ("military", "退伍证或军人登记表"),
        ("sent_down_youth", "知青上山下乡证明材料"),
        ("state_collective", "招工登记表（招工表）"),
    ],
)
def test_item_3_deemed_time_and_its_proof(kind: str, document: str) -> None:
    r = run(deemed_service=[kind])
    three = r.item(3)
    assert three.applies and DeemedService(kind).zh in three.reason
    assert names(r, 3)[:3] == ["人事档案", "居民身份证", "企业职工历史信息审核申请表"]
    assert document in names(r, 3)
    others = {"退伍证或军人登记表", "知青上山下乡证明材料", "招工登记表（招工表）"} - {document}
    assert not others & set(names(r, 3))
    assert "years_pending_review" in {n.code for n in r.item(1).notes}


def test_item_3_file_facts_and_not_needed_cases() -> None:
    r = run(history_from_file=True)
    assert r.item(3).applies and "earliest_birth_date" in {n.code for n in r.item(3).notes}
    assert not run().item(3).applies  # statutory age, years actually paid, nothing to read
    reviewed = run(deemed_service=["military"], history_reviewed=True).item(3)
    assert not reviewed.applies and reviewed.reason == "历史信息已审核完毕"


# ---------------------------------------------------------------------------------------------
# Item 4 (housing fund)


def test_item_4_housing_fund() -> None:
    r = run(housing_fund_account=True)
    four = r.item(4)
    assert four.applies and "第二十四条" in four.reason
    assert names(r, 4) == ["居民身份证", "本人名下银行结算账户"]
    assert four.preconditions == ()
    r = run(housing_fund_account=True, housing_fund_arrears=True)
    assert codes(r, 4) == {"housing_fund_arrears"}


# ---------------------------------------------------------------------------------------------
# Item 5 (职工医保)


def test_item_5_thresholds_men_30_women_25_with_10_local() -> None:
    # 30 years = 360 months, of which 10 years = 120 months paid in Jiangmen (粤医保规〔2022〕6号,
    # the 2030 values; assumed before 2030).
    met = run(medical_months=360, medical_local_months=120)
    assert met.medical is not None and met.medical.met and met.medical.top_up_months == 0
    assert met.item(5).applies and "已满足" in met.item(5).reason
    assert met.item(5).documents == ()  # data pushed from item 1
    short = run(medical_months=359, medical_local_months=120)
    assert short.medical is not None and short.medical.top_up_months == 1
    assert codes(short, 5) == {"medical_top_up"}
    # Local shortfall dominates: 100 of 120 local months → 20 to pay in Jiangmen.
    local = run(medical_months=400, medical_local_months=100)
    assert local.medical is not None and local.medical.top_up_months == 20
    # A woman (female_50, born 1976-09: k = 20 → delay 11 → 50 y 11 m → 2027-08): 25 years = 300.
    woman = run(birth="1976-09", category="female_50", medical_months=300, medical_local_months=120)
    assert woman.retirement_month == YearMonth(2027, 8)
    assert woman.medical is not None and woman.medical.required_months == 300 and woman.medical.met


def test_item_5_jiangmen_thresholds_before_2030_are_flagged_assumed() -> None:
    r = run(medical_months=360, medical_local_months=120)
    assert r.medical is not None and r.medical.threshold_assumed
    assert "medical_threshold_assumed" in {n.code for n in r.item(5).notes}
    assert any(w.code == "status_assumed" and w.param == "medical.retirement_min_years" for w in r.warnings)
    # From 2030 the province-wide values are official.
    later = run(birth="1969-09", apply_on=date(2030, 11, 1), medical_months=360, medical_local_months=120)
    assert later.medical is not None and not later.medical.threshold_assumed


def test_item_5_thresholds_can_be_overridden() -> None:
    r = run(
        medical_months=300,
        medical_local_months=120,
        overrides={"medical.retirement_min_years": {"male": 25, "female": 20}},
    )
    assert r.medical is not None and r.medical.required_months == 300 and r.medical.met
    assert any(w.code == "override" for w in r.warnings)


def test_item_5_unknown_months_and_not_in_employee_medical() -> None:
    r = run()
    assert r.item(5).applies and codes(r, 5) == {"medical_years_unknown"}
    off = run(employee_medical=False)
    assert not off.item(5).applies and off.medical is None


def test_item_5_before_the_guangdong_rule_is_not_guessed() -> None:
    # Male born 1961-01 reached 60 in 2021-01, before the reform and before 2022-07-01.
    r = run(birth="1961-01", apply_on=date(2025, 3, 3), medical_months=300, medical_local_months=120)
    assert r.retirement_month == YearMonth(2021, 1)
    assert r.medical is not None and r.medical.required_months is None and r.medical.met is None
    assert r.item(5).applies and "未收录" in r.item(5).reason


# ---------------------------------------------------------------------------------------------
# Item 6 (one-child reward)

ONE_CHILD: dict[str, Any] = {"one_child_certificate": True, "hukou_type": "urban", "only_child_alive": True}


def test_item_6_applies_with_its_documents() -> None:
    r = run(**ONE_CHILD, hukou_region="台山")
    six = r.item(6)
    assert six.applies and six.department.startswith("卫健局")
    assert names(r, 6) == [
        "居民身份证",
        "户口簿",
        "结婚证",
        "子女出生医学证明",
        "《独生子女父母光荣证》",
        "退休证明",
        "近期一寸免冠照片",
        "《广东省城镇独生子女父母计划生育奖励申请表》",
    ]
    assert "收养证明材料" not in names(r, 6)
    assert "收养证明材料" in names(run(**ONE_CHILD, only_child_adopted=True), 6)
    notes = {n.code: n for n in six.notes}
    assert "one_child_amount_unknown" in notes  # the amount is not known for Jiangmen
    assert "台山市" in notes["where_to_apply"].zh


def test_item_6_where_spouses_with_different_hukou_apply() -> None:
    other_town = run(**ONE_CHILD, spouse_hukou="other_town").item(6)
    assert "女方" in {n.code: n for n in other_town.notes}["where_to_apply"].zh
    other_city = run(**ONE_CHILD, spouse_hukou="other_city").item(6)
    assert "各自" in {n.code: n for n in other_city.notes}["where_to_apply"].zh


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        ({"one_child_certificate": False}, "光荣证"),
        ({"hukou_type": "rural"}, "农村户籍"),
        ({"hukou_outside_jiangmen": True}, "户籍不在江门"),
        ({"one_child_rewarded": True}, "已领取过"),
        ({"only_child_deceased": True, "only_child_alive": None}, "特别扶助"),
    ],
)
def test_item_6_not_applies_reasons(fields: dict[str, Any], words: str) -> None:
    six = run(**{**ONE_CHILD, **fields}).item(6)
    assert not six.applies and words in six.reason and six.documents == ()


# ---------------------------------------------------------------------------------------------
# Order and dependencies


def test_order_three_and_two_before_one_then_four_five_six() -> None:
    full = {
        **SPECIAL,
        **ONE_CHILD,
        "deemed_service": ["military"],
        "housing_fund_account": True,
        "medical_months": 360,
        "medical_local_months": 240,
    }
    r = run(apply_on=date(2027, 7, 1), **full)
    assert r.applying == (1, 2, 3, 4, 5, 6)
    assert r.processing_order == ((2, 3), (1,), (4, 5, 6))
    assert set(r.item(1).depends_on) == {2, 3}
    assert r.item(2).depends_on == () and r.item(3).depends_on == ()
    for n in (4, 5, 6):
        assert r.item(n).depends_on == (1,)
    # Without 2 and 3, item 1 depends on nothing.
    plain = run(housing_fund_account=True)
    assert plain.item(1).depends_on == ()
    assert plain.processing_order == ((1,), (4, 5))


# ---------------------------------------------------------------------------------------------
# Due dates: 19 working days after the day of application (that day not counted)


@pytest.mark.parametrize(
    ("apply_on", "as_of", "due"),
    [
        # 2026 Spring Festival: off 2-15 (Sun) … 2-23 (Mon); make-up working days Sat 2-14, Sat 2-28.
        # From Mon 2-02: 2-03..2-06 = 4, 2-09..2-13 = 9, Sat 2-14 = 10, [2-15..2-23 off],
        # 2-24..2-27 = 14, Sat 2-28 = 15, 3-02..3-05 = 19 → Thu 2026-03-05.
        (date(2026, 2, 2), date(2026, 1, 10), date(2026, 3, 5)),
        # Applying on the make-up Saturday 2-14 itself (not counted): [2-15..2-23 off], 2-24..2-27 = 4,
        # Sat 2-28 = 5, 3-02..3-06 = 10, 3-09..3-13 = 15, 3-16..3-19 = 19 → Thu 2026-03-19.
        (date(2026, 2, 14), date(2026, 1, 10), date(2026, 3, 19)),
        # 2026 Mid-Autumn Fri 9-25 … Sun 9-27 off; National Day 10-01 … 10-07 off; make-up Sun 9-20
        # and Sat 10-10. From Fri 9-18: Sun 9-20 = 1, 9-21..9-24 = 5, [9-25 off], 9-28..9-30 = 8,
        # [10-01..10-07 off], 10-08, 10-09 = 10, Sat 10-10 = 11, 10-12..10-16 = 16, 10-19..10-21 = 19
        # → Wed 2026-10-21.
        (date(2026, 9, 18), AS_OF, date(2026, 10, 21)),
        # 2025 Spring Festival: off 1-28 (Tue) … 2-04 (Tue); make-up Sun 1-26, Sat 2-08. From Mon 1-20:
        # 1-21..1-24 = 4, Sun 1-26 = 5, Mon 1-27 = 6, [1-28..2-04 off], 2-05..2-07 = 9, Sat 2-08 = 10,
        # 2-10..2-14 = 15, 2-17..2-20 = 19 → Thu 2025-02-20.
        (date(2025, 1, 20), date(2025, 1, 10), date(2025, 2, 20)),
        # 2025 National Day with Mid-Autumn: off 10-01 … 10-08; make-up Sun 9-28, Sat 10-11. From Fri
        # 9-26: Sun 9-28 = 1, 9-29, 9-30 = 3, [10-01..10-08 off], 10-09, 10-10 = 5, Sat 10-11 = 6,
        # 10-13..10-17 = 11, 10-20..10-24 = 16, 10-27..10-29 = 19 → Wed 2025-10-29.
        (date(2025, 9, 26), date(2025, 9, 1), date(2025, 10, 29)),
    ],
)
def test_due_date_across_the_holidays_with_make_up_days(apply_on: date, as_of: date, due: date) -> None:
    r = run(apply_on=apply_on, as_of=as_of)
    assert r.working_days == 19
    assert r.due_date == due
    assert not r.due_date_estimate


def test_due_date_in_an_unpublished_year_is_an_estimate() -> None:
    # On 2026-11-21 only the 2026 schedule is known (the table). From Mon 2026-12-14: 12-15..12-18 = 4,
    # 12-21..12-25 = 9, 12-28..12-31 = 13, [Fri 2027-01-01 New Year's Day], 1-04..1-08 = 18,
    # Mon 1-11 = 19 (weekends and statutory days only: no 2027 make-up days are known).
    r = run()
    assert r.due_date == date(2027, 1, 11)
    assert r.due_date_estimate and r.holiday_schedule_through == 2026
    assert any(w.code == "due_date_estimate" for w in r.warnings)


def test_estimate_depends_on_what_was_published_on_as_of() -> None:
    # 2026 New Year: off Thu 1-01 … Sat 1-03, Sun 1-04 working. From Mon 2025-12-15: 12-16..12-19 = 4,
    # 12-22..12-26 = 9, 12-29..12-31 = 12, Sun 1-04 = 13, 1-05..1-09 = 18, Mon 1-12 = 19.
    before = run(apply_on=date(2025, 12, 15), as_of=date(2025, 10, 1))  # 2026 notice: 2025-11-04
    after = run(apply_on=date(2025, 12, 15), as_of=date(2025, 11, 21))
    assert before.due_date == after.due_date == date(2026, 1, 12)
    assert before.due_date_estimate and not after.due_date_estimate


def test_installed_package_has_the_2026_notice() -> None:
    # The table says 2026 is published; the package must hold the notice's make-up days.
    cn = holidays.China(years=[2025, 2026])
    for day in ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"]:
        assert cn.is_working_day(date.fromisoformat(day)), day
    for day in ["2026-01-02", "2026-02-16", "2026-02-23", "2026-05-05", "2026-10-07"]:
        assert not cn.is_working_day(date.fromisoformat(day)), day


def test_before_the_one_stop_service_is_not_covered() -> None:
    with pytest.raises(NotCovered):
        run(apply_on=date(2024, 12, 2))


# ---------------------------------------------------------------------------------------------
# Bad input


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        (
            {"only_child_alive": True, "only_child_deceased": True, **{"one_child_certificate": True}},
            "only_child_deceased",
        ),
        ({"other_province_transferred": True}, "other_province_transferred"),
        ({"medical_months": 100, "medical_local_months": 120}, "medical_local_months"),
        ({"employee_medical": False, "medical_months": 100}, "employee_medical"),
        ({"housing_fund_arrears": True}, "housing_fund_arrears"),
        ({"hukou_region": "台山", "hukou_outside_jiangmen": True}, "hukou_region"),
        ({"one_child_certificate": True}, "hukou_type"),
        ({"special_years": 5}, "special_type"),
        ({"contribution_months": -1}, "contribution_months"),
        ({"category": "woman"}, "category"),
        ({"birth": "1966-13"}, "birth"),
        ({"choice": "whenever"}, "choice"),
        ({"hukou_region": "广州"}, "hukou_region"),
        ({"id_number": "440703199001011234"}, "id_number"),
    ],
)
def test_bad_or_contradictory_input_names_the_field(fields: dict[str, Any], field: str) -> None:
    data = {"hukou_type": "urban", **BASE, **fields} if field != "hukou_type" else {**BASE, **fields}
    with pytest.raises(InputError) as err:
        RetireeProfile(**data)
    assert err.value.field == field
    assert err.value.why_zh and err.value.why_en
    assert "199001011" not in str(err.value)
    with pytest.raises(InputError):  # the same through the function, from a mapping
        retirement_checklist(data, APPLY, as_of=AS_OF)


def test_bad_apply_on_and_birth_after_as_of() -> None:
    with pytest.raises(InputError) as err:
        run(apply_on="next week")  # type: ignore[arg-type]
    assert err.value.field == "apply_on"
    with pytest.raises(InputError) as err:
        run(birth="2027-01")
    assert err.value.field == "birth"


def test_apply_on_as_text() -> None:
    assert retirement_checklist(BASE, "2026-12-14", as_of=AS_OF).apply_on == APPLY


# ---------------------------------------------------------------------------------------------
# Output: counter text, HTML, JSON


def test_counter_text_numbers_boxes_and_indented_documents() -> None:
    r = run(**ONE_CHILD, deemed_service=["military"])
    text = r.explain()
    lines = text.splitlines()
    assert "☐ 1. 企业职工基本养老金申领〔社保局〕" in lines
    assert "       ☐ 《企业职工基本养老保险待遇申报表》（本人签名；单位经办的加盖单位公章）" in lines
    assert any(line.startswith("   2. 企业职工从事特殊工种提前退休申请") and "不适用" in line for line in lines)
    assert "预计办结：2027-01-11" in text and "预估" in text
    assert "办理顺序：第3项 → 第1项 → 第5项、第6项" in text
    en = r.explain("en")
    assert "☐ 1. basic pension claim" in en and "does not apply" in en
    assert str(r) == text


def test_html_and_json() -> None:
    r = run(contribution_months=170)
    page = r._repr_html_()
    assert "&#9744;" in page or "—" in page
    assert "延长缴费" in page
    data = json.loads(json.dumps(r.to_json(), ensure_ascii=False))
    assert [i["number"] for i in data["items"]] == [1, 2, 3, 4, 5, 6]
    assert data["due_date"] == "2027-01-11"
    assert data["retirement_month"] == "2027-01"
    assert data["shortfall_months"] == 10


# ---------------------------------------------------------------------------------------------
# Properties

_CN = holidays.China(years=range(2025, 2032))


@st.composite
def profiles(draw: st.DrawFn) -> dict[str, Any]:
    birth = YearMonth(draw(st.integers(1961, 1978)), draw(st.integers(1, 12)))
    medical = draw(st.booleans())
    total = draw(st.none() | st.integers(0, 480)) if medical else None
    local = draw(st.integers(0, total)) if total is not None else None
    certificate = draw(st.booleans())
    deceased = draw(st.booleans())
    other = draw(st.booleans())
    fund = draw(st.booleans())
    return {
        "birth": str(birth),
        "category": draw(st.sampled_from(["male", "female_55", "female_50"])),
        "contribution_months": draw(st.integers(0, 540)),
        "deemed_service": draw(st.lists(st.sampled_from(list(DeemedService)), unique=True)),
        "history_from_file": draw(st.booleans()),
        "history_reviewed": draw(st.booleans()),
        "other_province_contributions": other,
        "other_province_transferred": other and draw(st.booleans()),
        "arrears": draw(st.booleans()),
        "duplicate_contributions": draw(st.booleans()),
        "served_sentence": draw(st.booleans()),
        "employer_handles": draw(st.booleans()),
        "by_proxy": draw(st.booleans()),
        "housing_fund_account": fund,
        "housing_fund_arrears": fund and draw(st.booleans()),
        "employee_medical": medical,
        "medical_months": total,
        "medical_local_months": local,
        "hukou_type": draw(st.sampled_from(["urban", "rural"])),
        "one_child_certificate": certificate,
        "one_child_rewarded": draw(st.booleans()),
        "only_child_deceased": deceased,
        "only_child_alive": None if deceased else draw(st.none() | st.booleans()),
        "only_child_adopted": draw(st.booleans()),
        "spouse_hukou": draw(st.sampled_from(["same_town", "other_town", "other_city"])),
    }


@settings(max_examples=150, deadline=None)
@given(profiles(), st.dates(date(2025, 1, 1), date(2031, 12, 31)))
def test_properties(profile: dict[str, Any], apply_on: date) -> None:
    r = retirement_checklist(profile, apply_on, as_of=AS_OF)
    # Item 1 is always present; all six always are, in order.
    assert [i.number for i in r.items] == [1, 2, 3, 4, 5, 6]
    for item in r.items:
        if not item.applies:
            assert item.documents == () and item.preconditions == () and item.depends_on == ()
        assert item.reason and item.reason_en
    # The due date is a working day, at least 19 calendar days later, and exactly 19 working days
    # lie after apply_on up to it (counted with the package directly).
    assert _CN.is_working_day(r.due_date)
    assert r.due_date - apply_on >= timedelta(days=19)
    assert _CN.get_working_days_count(apply_on + timedelta(days=1), r.due_date) == 19
    assert r.due_date_estimate == (r.due_date.year > 2026)
    # Items 4, 5, 6 never apply without item 1.
    if not r.item(1).applies:
        assert not {4, 5, 6} & set(r.applying)
    if r.choice is RetirementChoice.STATUTORY:
        assert r.retirement_month == r.statutory_month
