"""Issue 9: the 2025 amendment of 《广东省失业保险条例》 and the flexible workers' unemployment
insurance of 粤人社规〔2025〕50号.

广东省失业保险条例（2025年修正）, as amended by 《广东省人民代表大会常务委员会关于修改〈广东省岭南
中药材保护条例〉〈广东省失业保险条例〉的决定》 (adopted 2025-01-12; its effective date was not seen
and is taken as the adoption date, secondary). Its text has no 求职补贴, childbirth supplement,
early re-employment or business-start lump sum (arts. 20-23 of the 2022 text), and art. 12(四) now
reads 「失业人员领取失业保险金期间接受职业介绍、职业培训的补贴」. Expected values are hand
calculations written next to each case: Jiangmen minimum wage 1720 (2021-12), 1850 (2025-03),
2040 (2026-09); benefit 90% of it.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from jm_socialsec.engine.errors import NotCovered
from jm_socialsec.engine.months import YearMonth
from jm_socialsec.engine.params import Params
from jm_socialsec.unemployment import (
    JOB_SEARCH,
    UnemploymentBenefit,
    deleted_value,
    unemployment_benefit,
    unemployment_contribution,
)

AS_OF = date(2026, 11, 21)
DECISION = "关于修改〈广东省岭南中药材保护条例〉〈广东省失业保险条例〉的决定"


def benefit(claim: str, months: int = 60, **kw: Any) -> UnemploymentBenefit:
    return unemployment_benefit(claim, "jiangmen", months, 0, "contract_expired", as_of=AS_OF, **kw)


#: Issue 10: step ids are the rule names (the old ids on the left).
RULE_OF = {
    "standard": "benefit_standard",
    "period": "benefit_period",
    "medical": "medical_contribution",
    "death": "death_grants",
    "job_search": "job_search_allowance",
    "childbirth": "childbirth_supplement",
    "base": "contribution_base",
}


def step(r: UnemploymentBenefit, step_id: str) -> Any:
    return next(s for s in r.steps if s.id == RULE_OF.get(step_id, step_id))


def codes(r: Any) -> list[str]:
    return [w.code for w in r.warnings]


# ---------------------------------------------------------------- the issue's example


def test_issue_example_2026_claim_has_no_job_search_allowance_or_childbirth_supplement() -> None:
    """广东省失业保险条例（2025年修正）第十二条第四项: the fund pays 「失业人员领取失业保险金期间
    接受职业介绍、职业培训的补贴」 — no 求职补贴 — and the 2025 text has no childbirth article
    (2022 text arts. 20 and 21, deleted by the 2025 decision).

    Issue 9's example: Jiangmen, claim 2026-10, 12 months of wages (4500) and a birth in the
    period showed 求职补贴 4,050 (4500 × 15% × 6) and a childbirth supplement 5,508 (1836 × 3).
    Both must be 0, and the result must say why: the deleted article and the decision."""
    r = benefit("2026-10", recent_contribution_wages=[4500] * 12, childbirth_month="2027-01")
    assert r.job_search_total == 0 and r.job_search_months == 0
    assert r.childbirth_supplement == 0
    # the benefit itself is unchanged: 2040 × 0.9 = 1836 × 6 months = 11016
    assert (r.monthly, r.months, r.total) == (Decimal(1836), 6, Decimal(11016))
    deleted = step(r, "deleted_benefits")
    assert "第二十条" in deleted.note_zh and "第二十一条" in deleted.note_zh and DECISION in deleted.note_zh
    assert "2025-01-12" in deleted.note_zh
    no_effect = {w.zh.split(" ")[1] for w in r.warnings if w.code == "input_no_effect"}
    assert no_effect == {"recent_contribution_wages", "childbirth_month"}
    assert all(DECISION in w.zh for w in r.warnings if w.code == "input_no_effect")
    ids = [s.id for s in r.steps]
    assert "job_search_allowance" not in ids and "childbirth_supplement" not in ids
    assert "deleted by" in r.explain("en")


def test_a_claim_after_the_amendment_says_so_even_without_side_benefit_inputs() -> None:
    """Never a silent zero: the explanation of any eligible claim after 2025-01-12 lists the four
    deleted side benefits (2022 text arts. 20-23) and the decision that deleted them."""
    r = benefit("2025-03")
    note = step(r, "deleted_benefits").note_zh
    assert all(a in note for a in ("第二十条", "第二十一条", "第二十二条", "第二十三条"))
    assert "input_no_effect" not in codes(r)


# ---------------------------------------------------------------- before and after the date


def test_claim_before_the_amendment_keeps_the_old_items_with_the_2022_locators() -> None:
    """广东省失业保险条例（2022年修正）第二十条 (求职补贴), 第二十一条 (childbirth), 第二十四条
    (medical), 第二十五条 (death grants), 第三十六条 (start of the period): a 2024 claim follows
    that text. Claim 2024-03, 60 months → 2024-03 … 2024-08; 1720 × 0.9 = 1548.
    求职补贴: 4500 × 15% = 675 × 6 = 4050; childbirth 2024-05: 1548 × 3 = 4644."""
    r = benefit("2024-03", recent_contribution_wages=[4500] * 12, childbirth_month="2024-05")
    assert (r.monthly, r.job_search_total, r.childbirth_supplement) == (Decimal(1548), Decimal(4050), Decimal(4644))
    assert "deleted_benefits" not in [s.id for s in r.steps]
    js = step(r, "job_search")
    assert all(p.source.document == "广东省失业保险条例（2022年修正）" for p in js.params)
    assert js.params[0].source.locator.startswith("第二十条")
    assert "第二十四条" in step(r, "medical").label_zh
    assert "第三十六条" in step(r, "period").formula_zh
    d = benefit("2024-03", death_month="2024-06", city_average_wage=8000)
    assert "第二十五条" in step(d, "death").label_zh
    assert step(d, "death").params[0].source.locator.startswith("第二十五条")


def test_claim_after_the_amendment_uses_the_2025_locators() -> None:
    """2025 text: 第二十条 medical insurance, 第二十一条 death grants 「丧葬补助金按照…上年度在岗职工
    月平均工资的三倍计发，抚恤金按照…六倍计发」, 第三十二条 start of the period, 第四十三条 the farmer
    contract workers, 第十九条 the benefit. Death grants unchanged: 3 × 8000 = 24000, 6 × 8000 = 48000."""
    r = benefit("2026-10", death_month="2026-12", city_average_wage=8000)
    assert (r.funeral_grant, r.survivor_grant) == (Decimal(24000), Decimal(48000))
    death = step(r, "death")
    # issue 10: the English words cite the article as the Chinese text does (第二十一条)
    assert "第二十一条" in death.label_zh and "第二十一条" in death.label_en
    assert death.params[0].source.document == "广东省失业保险条例（2025年修正）"
    assert death.params[0].source.locator.startswith("第二十一条")
    assert "第二十条" in step(r, "medical").label_zh
    assert "第三十二条" in step(r, "period").formula_zh
    assert step(r, "standard").params[1].source.document == "广东省失业保险条例（2025年修正）"
    # farmer transition (2025 art. 43 「每满一个月按照失业前十二个月平均缴费工资的百分之二」):
    # 30 − 12 = 18 months × 4500 × 2% = 1620
    f = benefit("2026-10", farmer_contract_months=30, recent_contribution_wages=[4500] * 12)
    assert f.farmer_transition_lump_sum == Decimal(1620)
    assert "第四十三条" in step(f, "farmer_transition").label_zh


def test_the_boundary_month_follows_the_2022_text_and_says_its_date_is_secondary() -> None:
    """The amendment's date is a day (2025-01-12); the rules count months, so a claim in 2025-01
    still has the 2022 items, and the values of those last days are secondary (the effective date
    was not seen). 2025-01: minimum wage 1720 × 0.9 = 1548; 60 months → 2025-01 … 2025-06; the
    allowance 6000 × 15% = 900 is paid for 2025-01 only (the later months are after the deletion)."""
    r = benefit("2025-01", recent_contribution_wages=[6000])
    assert (r.monthly, r.job_search_monthly, r.job_search_months, r.job_search_total) == (
        Decimal(1548),
        Decimal(900),
        1,
        Decimal(900),
    )
    # issue 10: the months cut by the deletion are a line of their own
    assert "5 个月不发" in step(r, "job_search_months_deleted").note_zh
    assert ("status_secondary", JOB_SEARCH) in [(w.code, w.param) for w in r.warnings]
    assert benefit("2025-02", recent_contribution_wages=[6000]).job_search_total == 0


def test_an_event_after_the_amendment_in_an_earlier_claim_gives_none() -> None:
    """No transitional rule was seen: a childbirth after the deletion gives no supplement even in a
    claim that began before. Claim 2024-10, 60 months → 2024-10 … 2025-03, 1720 × 0.9 = 1548:
    a birth in 2024-12 gives 1548 × 3 = 4644; a birth in 2025-02 gives 0, with the reason."""
    assert benefit("2024-10", childbirth_month="2024-12").childbirth_supplement == Decimal(4644)
    r = benefit("2024-10", childbirth_month="2025-02")
    assert r.childbirth_supplement == 0 and "input_no_effect" in codes(r)


# ---------------------------------------------------------------- re-employment after the date


def test_reemployment_after_the_amendment_stops_payment_and_keeps_the_months() -> None:
    """2025 text 第二十四条: 「失业人员在领取失业保险金期间有下列情形之一的，停止领取失业保险金…
    （一）重新就业的」; 第十八条: 「再次失业的，失业保险金领取期限与前次失业应当领取而尚未领取的期限
    合并计算，最长不超过二十四个月」. No lump sum (2022 art. 22 deleted).
    Claim 2026-10, 120 months → 4 + 72 // 6 = 16 months: 2026-10 … 2028-01. Re-employed 2027-02:
    2028-01 − 2027-02 + 1 = 12 months not drawn, all kept; lump sum 0 (it was 6 × 1836 = 11016)."""
    r = benefit("2026-10", 120, reemployed_month="2027-02")  # the contract inputs are no longer needed
    assert (r.early_reemployment_lump_sum, r.remaining_months, r.kept_months) == (0, 12, 12)
    s = step(r, "stop_on_reemployment")  # issue 10: its own rule after the amendment
    assert "第二十四条" in s.label_zh and "第十八条" in s.label_zh and "第二十二条" in s.note_zh
    assert "input_no_effect" not in codes(r)
    # the contract inputs, when given, are said to have had no effect
    r = benefit(
        "2026-10", 120, reemployed_month="2027-02", reemployment_contract_months=12, reemployment_insured_months=3
    )
    no_effect = [w.zh for w in r.warnings if w.code == "input_no_effect"]
    assert len(no_effect) == 2 and "reemployment_contract_months" in no_effect[0]
    assert r.kept_months == 12 and r.early_reemployment_lump_sum == 0


def test_business_start_after_the_amendment_keeps_the_months() -> None:
    """2022 text art. 23 (the business-start lump sum) was deleted; from 2025-01-12 starting a
    business ends the payment like a new job (2025 art. 24(一)) and the months are kept (art. 18).
    Claim 2026-10, 60 months → 2026-10 … 2027-03; business from 2027-01: 3 months kept, 0 paid
    (it was 3 × 1836 = 5508)."""
    r = benefit("2026-10", business_start_month="2027-01")
    assert (r.business_start_lump_sum, r.remaining_months, r.kept_months) == (0, 3, 3)
    assert "第二十三条" in step(r, "stop_on_business_start").note_zh


# ---------------------------------------------------------------- the mechanism


def test_deletion_is_read_from_the_tables() -> None:
    """The rule code has no date: a deleted item is a parameter with no period in force. Its last
    value names the deleted article (2022 text 第二十条) and ends the day before the decision."""
    params = Params(AS_OF)
    gone = deleted_value(params, JOB_SEARCH, YearMonth(2025, 2))
    assert gone is not None and gone.until == date(2025, 1, 11)
    assert gone.source.document == "广东省失业保险条例（2022年修正）" and gone.source.locator.startswith("第二十条")
    assert deleted_value(params, JOB_SEARCH, YearMonth(2025, 1)) is None  # still in force
    assert deleted_value(params, JOB_SEARCH, YearMonth(2014, 6)) is None  # not yet a rule: not "deleted"
    assert params.used == []  # a deleted figure is not cited as used


after_amendment = st.integers(YearMonth(2025, 2).index, YearMonth(2030, 12).index).map(YearMonth.from_index)


@settings(max_examples=80, deadline=None)
@given(
    after_amendment,
    st.integers(0, 400),
    st.integers(0, 24),
    st.lists(st.integers(0, 60000), min_size=1, max_size=15),
    st.integers(0, 30),
    st.sampled_from(["reemployed_month", "business_start_month", None]),
    st.integers(0, 30),
)
@example(YearMonth(2026, 10), 12, 0, [4500] * 12, 3, None, 0)
@example(YearMonth(2025, 2), 400, 24, [9000], 0, "reemployed_month", 1)
def test_no_claim_after_the_amendment_has_any_deleted_item(
    claim: YearMonth,
    months: int,
    unused: int,
    wages: list[int],
    birth_offset: int,
    event: str | None,
    event_offset: int,
) -> None:
    """Whatever the inputs, a claim after 2025-01 gets no 求职补贴, childbirth supplement,
    re-employment or business-start lump sum; the months not drawn are all kept."""
    kw: dict[str, Any] = {"recent_contribution_wages": wages, "childbirth_month": claim + birth_offset}
    if event is not None:
        kw[event] = claim + event_offset
    r = unemployment_benefit(claim, "jiangmen", months, unused, "dismissed", as_of=AS_OF, **kw)
    assert r.job_search_total == r.job_search_monthly == r.childbirth_supplement == 0
    assert r.early_reemployment_lump_sum == r.business_start_lump_sum == 0
    assert r.kept_months == r.remaining_months
    if r.eligible:
        assert "deleted_benefits" in [s.id for s in r.steps]
        assert "input_no_effect" in codes(r)


# ---------------------------------------------------------------- flexible workers (粤人社规〔2025〕50号)


def flex(month: str, wage: Any, avg: Any = 8000, **kw: Any) -> Any:
    return unemployment_contribution(month, wage, city_average_wage=avg, flexible=True, as_of=AS_OF, **kw)


def test_flexible_worker_contribution() -> None:
    """粤人社规〔2025〕50号《广东省灵活就业人员参加失业保险办法》第六条: 「以其参保前灵活就业十二个月的
    平均收入申报失业保险缴费基数，按照国家和省规定的失业保险基准费率（单位和个人费率之和）缴纳失业
    保险费。……缴费基数不得低于失业保险关系所在地级以上市最低工资标准，月平均收入高于…上年度在岗职工
    月平均工资三倍的，以…三倍为基数申报。」 The baseline rate is not printed in the 办法: 1% (0.8% + 0.2%)
    is assumed and flagged. 2026-10, income 5000: 5000 × 1% = 50.00, all paid by the person."""
    r = flex("2026-10", 5000)
    assert r.flexible
    assert (r.base, r.employee, r.employer, r.total) == (Decimal(5000), Decimal("50.00"), Decimal(0), Decimal("50.00"))
    warned = [(w.code, w.param) for w in r.warnings]
    assert ("status_assumed", "unemployment.flexible.rate") in warned
    assert ("status_secondary", "unemployment.flexible.base_cap_factor") in warned
    assert "粤人社规〔2025〕50号" in step(r, "flexible_contribution_base").label_zh


@pytest.mark.parametrize(
    ("month", "wage", "avg", "base", "due"),
    [
        ("2026-10", 1500, 8000, "2040", "20.40"),  # below the minimum wage 2040: 2040 × 1% = 20.40
        ("2026-03", 1500, 8000, "1850", "18.50"),  # minimum wage 1850 until 2026-08: 18.50
        ("2026-10", 30000, 8000, "24000", "240.00"),  # above 3 × 8000 = 24000: 240.00
        ("2027-12", "6543.21", 9000, "6543.21", "65.43"),  # 6543.21 × 1% = 65.4321 → 65.43 (last month)
    ],
)
def test_flexible_worker_base_clamp(month: str, wage: Any, avg: int, base: str, due: str) -> None:
    r = flex(month, wage, avg)
    assert (r.base, r.total) == (Decimal(base), Decimal(due))


def test_flexible_worker_outside_the_two_years_is_not_covered() -> None:
    """办法第二十六条: 「本《办法》自2026年1月1日起施行，有效期2年」 — 2026-01-01 to 2027-12-31."""
    with pytest.raises(NotCovered) as before:
        flex("2025-12", 5000)
    assert "2026-01-01" in before.value.message_zh and "粤人社规〔2025〕50号" in before.value.message_zh
    with pytest.raises(NotCovered) as after:
        flex("2028-01", 5000)
    assert "2027-12-31" in after.value.message_zh and "2027-12-31" in after.value.message_en
    # an employee's contribution is not limited by the 办法
    assert unemployment_contribution("2028-01", 5000, city_average_wage=8000, as_of=AS_OF).total == Decimal("50.00")


def test_flexible_worker_before_the_publication_is_not_known() -> None:
    """The 办法 was issued 2025-12-27 and made public 2026-01-08: asked on 2026-01-05, it was not
    known yet."""
    with pytest.raises(NotCovered):
        unemployment_contribution("2026-01", 5000, city_average_wage=8000, flexible=True, as_of=date(2026, 1, 5))


flex_months = st.integers(YearMonth(2026, 1).index, YearMonth(2027, 12).index).map(YearMonth.from_index)
wages = st.decimals(0, 200000, places=2)
averages = st.decimals(700, 40000, places=2)


@settings(max_examples=80, deadline=None)
@given(flex_months, wages, wages, averages)
def test_flexible_worker_properties(month: YearMonth, a: Decimal, b: Decimal, avg: Decimal) -> None:
    """The base stays within [minimum wage, 3 × average]; the contribution never falls as the
    income rises; the person pays it all."""
    lo, hi = sorted((a, b))
    r_lo = unemployment_contribution(month, lo, city_average_wage=avg, flexible=True, as_of=AS_OF)
    r_hi = unemployment_contribution(month, hi, city_average_wage=avg, flexible=True, as_of=AS_OF)
    floor = Decimal(1850) if month < YearMonth(2026, 9) else Decimal(2040)
    for r in (r_lo, r_hi):
        assert floor <= r.base <= 3 * avg
        assert r.employer == 0 and r.total == r.employee >= 0
    assert r_lo.base <= r_hi.base and r_lo.total <= r_hi.total
