"""Tests written for surviving mutants of the injury rules (issue 14, part 3: mutation testing).

Each test states its expected value from the law, a worked case or a hand calculation written out,
and cites the document and article (tables/sources.toml).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from jm_socialsec.engine.errors import InputError, NotCovered
from jm_socialsec.engine.months import YearMonth
from jm_socialsec.engine.tables import Unit
from jm_socialsec.injury import (
    Dependent,
    Payer,
    clamp_own_wage,
    death_benefits,
    injury_benefits,
    injury_contribution,
    leaving_grants_withheld,
    nursing_allowance,
    own_wage,
)

AS_OF = date(2026, 11, 21)
D = Decimal


# ------------------------------------------------------------------------ public helpers


@pytest.mark.parametrize(
    ("average", "rate", "expected"),
    [
        # 广东省工伤保险条例 (2019) 第二十六条: 一级 60% of the previous-year average wage.
        # 9183 × 0.6 = 5509.8 → 5509.80.
        ("9183", "0.6", "5509.80"),
        # 二级 50% of a wage ending in a cent: 6756.01 × 0.5 = 3378.005 → 3378.01 (half up, to 分).
        ("6756.01", "0.5", "3378.01"),
        # 四级 30%: 6756.03 × 0.3 = 2026.809 → 2026.81.
        ("6756.03", "0.3", "2026.81"),
    ],
)
def test_nursing_allowance_is_the_wage_times_the_level_share_to_the_fen(average: str, rate: str, expected: str) -> None:
    """广东省工伤保险条例 (2019) 第二十六条 (gd-injury-regulation-2019): 生活护理费 = 全省上年度职工月平均
    工资 × the level's share (60/50/40/30%), paid in 分 (half up)."""
    assert nursing_allowance(D(average), D(rate)) == D(expected)


@pytest.mark.parametrize(
    ("average_12m", "expected"),
    [
        ("4000", "5509.80"),  # below the floor 9183 × 0.6 = 5509.80 → raised to it
        ("5509.79", "5509.80"),  # one 分 below the floor → the floor
        ("8000", "8000.00"),  # inside the band: unchanged
        ("27549.01", "27549.00"),  # one 分 above the ceiling 9183 × 3 = 27549 → cut to it
        ("7000.005", "7000.01"),  # inside, rounded half up to 分 (as on the official sheets)
    ],
)
def test_clamp_own_wage_holds_the_average_inside_the_band(average_12m: str, expected: str) -> None:
    """工伤保险条例 (2010) 第六十四条第二款 (work-injury-regulation-2010): 本人工资 below 60% of the
    average wage is counted as 60%, above 300% as 300%. Band for a 2025 injury: 9183 (2024 provincial
    average monthly wage) × 0.6 = 5509.80 to 9183 × 3 = 27549.00."""
    assert clamp_own_wage(D(average_12m), D("5509.80"), D("27549.00")) == D(expected)


@pytest.mark.parametrize(
    ("grade", "draws_pension", "withheld"),
    [(7, True, True), (10, True, True), (6, True, False), (5, True, False), (7, False, False), (10, False, False)],
)
def test_leaving_grants_are_withheld_only_from_grades_7_to_10_drawing_a_pension(
    grade: int, draws_pension: bool, withheld: bool
) -> None:
    """广东省工伤保险条例 (2019) 第三十二条 (gd-injury-regulation-2019): a grade 7-10 worker who draws a
    basic pension gets neither leaving grant; grades 5-6 (第三十一条) and workers without a pension do."""
    assert leaving_grants_withheld(grade, draws_pension, 7) is withheld


# ------------------------------------------------------------------------ contribution: the band's edges


@pytest.mark.parametrize(
    ("industry_class", "factor", "expected_rate", "expected"),
    [
        # class 1: base 0.2%, no downward float (band 100%-150%): at 100%: 1,000,000 × 0.002 = 2000.00
        (1, "1", "0.002", "2000.00"),
        # class 2: base 0.4%, down to 50%: 0.004 × 0.5 = 0.002; 1,000,000 × 0.002 = 2000.00
        (2, "0.5", "0.002", "2000.00"),
        # class 5: base 0.9%, up to 150%: 0.009 × 1.5 = 0.0135; 1,000,000 × 0.0135 = 13500.00
        (5, "1.5", "0.0135", "13500.00"),
    ],
)
def test_a_floating_factor_at_the_edge_of_its_band_is_accepted(
    industry_class: int, factor: str, expected_rate: str, expected: str
) -> None:
    """人社部发〔2015〕71号 (mohrss-2015-71): classes 2-8 float down to 80% and 50%, class 1 does not float
    down; all float up to 120% and 150% — the edges are allowed values. Base rates of
    粤人社规〔2021〕4号 (gd-hrss-2021-4): class 1 0.2%, class 2 0.4%, class 5 0.9%."""
    r = injury_contribution(1_000_000, industry_class, "2026-10", D(factor), as_of=AS_OF)
    assert r.rate == D(expected_rate)
    assert r.contribution == D(expected)


@pytest.mark.parametrize(("industry_class", "factor"), [(1, "0.99"), (2, "0.49"), (8, "1.51")])
def test_a_floating_factor_outside_its_band_is_refused_naming_it(industry_class: int, factor: str) -> None:
    """人社部发〔2015〕71号 (mohrss-2015-71): class 1 from 100%, classes 2-8 from 50%, all up to 150%."""
    with pytest.raises(InputError) as err:
        injury_contribution(1_000_000, industry_class, "2026-10", D(factor), as_of=AS_OF)
    assert err.value.field == "floating_factor"


# ------------------------------------------------------------------------ coverage: what a refusal carries


def test_an_injury_before_2011_is_refused_with_the_date_and_the_first_covered_day() -> None:
    """工伤保险条例 (2010年修订) (work-injury-regulation-2010) is in force from 2011-01-01: an injury on
    2010-12-31 is refused, the refusal carrying the day asked (2010-12-31) and the first day covered
    (2011-01-01), and saying in both languages that the old rules applied."""
    with pytest.raises(NotCovered) as err:
        injury_benefits(5, "2010-12-31", 5000, as_of=AS_OF)
    assert err.value.on == date(2010, 12, 31)
    assert err.value.covered_from == date(2011, 1, 1)
    assert "2011-01-01 前的工伤适用旧的广东工伤待遇规定" in err.value.message_zh
    assert "injuries before 2011-01-01 fall under Guangdong's old rules" in err.value.message_en


# ------------------------------------------------------------------------ items: withheld grants, refusals


def test_withheld_leaving_grants_are_full_items_with_their_payer_and_reason() -> None:
    """广东省工伤保险条例 (2019) 第三十二条 (gd-injury-regulation-2019): a grade 8 worker who draws a
    basic pension gets neither 一次性工伤医疗补助金 (paid by the fund, 社会保险法 第三十八条) nor
    一次性伤残就业补助金 (paid by the employer, 社会保险法 第三十九条; prc-social-insurance-law); both stay
    on the sheet at 0.00 元 with their payer, and the note says why: grades 7 to 10 (the first
    excluded grade is 7)."""
    r = injury_benefits(8, "2025-03-10", 8000, leaves_job=True, left_on="2025-12-31", draws_pension=True, as_of=AS_OF)
    grants = {i.id: i for i in r.items if i.id in {"medical_lump_sum", "employment_lump_sum"}}
    medical, employment = grants["medical_lump_sum"], grants["employment_lump_sum"]
    assert (medical.amount, medical.unit, medical.payer) == (D("0.00"), Unit.YUAN, Payer.FUND)
    assert (employment.amount, employment.unit, employment.payer) == (D("0.00"), Unit.YUAN, Payer.EMPLOYER)
    assert (medical.label_zh, medical.label_en) == ("一次性工伤医疗补助金", "one-off injury medical grant")
    assert (employment.label_zh, employment.label_en) == ("一次性伤残就业补助金", "one-off disability employment grant")
    assert (
        medical.note_zh
        == "7级至十级伤残职工享受基本养老保险待遇的，不享受一次性工伤医疗补助金（广东省工伤保险条例第三十二条）"
    )
    assert employment.note_en == (
        "a grade 7-10 worker who draws a basic pension gets no one-off disability employment grant (Guangdong art. 32)"
    )


def test_items_not_covered_name_the_missing_figure() -> None:
    """工伤保险条例 第三十九条 (work-injury-regulation-2010): a death on 2014-03-01, before province-level
    pooling (2019-07, 粤人社规〔2019〕20号), needs Jiangmen's 2013 average wage for 本人工资 and the
    丧葬补助金 — not supplied: both are listed as not covered, naming the pooling parameter; the
    survivors' pensions need 本人工资 and name no parameter of their own."""
    r = death_benefits("2014-03-01", 7000, ["spouse"], as_of=AS_OF)
    assert [(u.id, u.param) for u in r.not_covered] == [
        ("own_wage", "injury.provincial_pooling_since"),
        ("funeral_grant", "injury.provincial_pooling_since"),
        ("survivor_monthly", None),
    ]


def test_a_death_with_nothing_computable_is_refused_by_the_first_missing_table() -> None:
    """工伤保险条例 第三十九条: a death on 2013-05-01 without Jiangmen's 2012 wage, and the 一次性工亡补助金
    needs the national urban disposable income of 2012 — the series (injury.toml, NBS communiqués)
    covers 2013-01-01 to 2025-12-31. The refusal is that table's, dated by the death, and gives every
    item's reason, one after the other (；in Chinese, ; in English)."""
    with pytest.raises(NotCovered) as err:
        death_benefits("2013-05-01", 7000, ["spouse"], as_of=AS_OF)
    e = err.value
    assert e.param == "injury.national_urban_disposable_income"
    assert (e.on, e.covered_from, e.covered_until) == (date(2013, 5, 1), date(2013, 1, 1), date(2025, 12, 31))
    assert "可用 city_average_wages 提供；丧葬补助金：" in e.message_zh
    assert "supply it as city_average_wages; funeral grant: " in e.message_en


def test_a_death_refused_for_the_city_wage_alone_names_the_pooling_and_the_day() -> None:
    """工伤保险条例 第三十九条第三款: a grade 2 worker dying after the paid leave gets no 一次性工亡补助金;
    a death on 2018-06-01 (before province-level pooling, 2019-07) without Jiangmen's 2017 wage leaves
    nothing computable. No table is missing, so the refusal names the pooling parameter, the day of
    the death and no covered range, and carries each item's reason in both languages."""
    with pytest.raises(NotCovered) as err:
        death_benefits("2018-06-01", 7000, ["spouse"], during_paid_leave=False, grade=2, as_of=AS_OF)
    e = err.value
    assert e.param == "injury.provincial_pooling_since"
    assert (e.on, e.covered_from, e.covered_until) == (date(2018, 6, 1), None, None)
    assert "丧葬补助金：2019-07 前工伤保险为市级统筹：需要江门市 2017 年职工月平均工资" in e.message_zh
    assert "funeral grant: before 2019-07 work-injury insurance was pooled by city" in e.message_en
    assert "丧葬补助金" not in e.message_en


# ------------------------------------------------------------------------ 本人工资 before provincial pooling


def test_a_callers_city_wage_is_said_with_its_year_and_figure() -> None:
    """工伤保险条例 第六十四条第二款 (work-injury-regulation-2010); before province-level pooling
    (粤人社规〔2019〕20号, 2019-07) the pooling area is Jiangmen: an injury on 2019-03-01 uses Jiangmen's
    2018 average wage, here the caller's (hypothetical) 6000. The band is 6000 × 0.6 = 3600.00 to
    6000 × 3 = 18000.00, and the result says which year and which figure it took from the caller."""
    r = own_wage(3000, "2019-03-01", city_average_wages={2018: 6000}, as_of=AS_OF)
    assert (r.average_wage, r.lower, r.upper, r.own_wage) == (D(6000), D("3600.00"), D("18000.00"), D("3600.00"))
    said = next(w for w in r.warnings if w.code == "caller_value")
    assert "江门市 2018 年数值 6000" in said.zh
    assert "Jiangmen 2018 figure 6000" in said.en


def test_an_injury_whose_average_wage_is_not_in_the_tables_is_refused_saying_how_to_supply_it() -> None:
    """工伤保险条例 第六十四条第二款: an injury on 2027-03-01 needs the 2026 provincial average monthly
    wage; tables/wages (the provincial series: one figure a year, 2014 to 2024, the 2024 figure held
    provisionally through 2025) end on 2025-12-31. The refusal is the wage table's, asked for
    2026-01-01 (the year before the injury), with its covered range, and says first what is needed
    and that overrides can supply it, then the engine's own reason (how to ask for a projection)."""
    with pytest.raises(NotCovered) as err:
        own_wage(8000, "2027-03-01", as_of=AS_OF)
    e = err.value
    assert e.param == "wages.provincial_average_monthly"
    assert (e.on, e.covered_from, e.covered_until) == (date(2026, 1, 1), date(2014, 1, 1), date(2025, 12, 31))
    assert "需要 2026 年全省平均工资；可用 overrides 提供；如需按假设预测" in e.message_zh
    assert "needs the 2026 provincial average wage; supply it with overrides; to project it" in e.message_en


def test_the_missing_city_wage_is_named_in_both_languages() -> None:
    """粤人社规〔2019〕20号 (gd-hrss-2019-20): before province-level pooling (2019-07) the pooling area is
    Jiangmen, whose average wages the tables do not hold: an injury on 2019-03-01 without Jiangmen's
    2018 figure is refused naming ``city_average_wages``, in Chinese and English."""
    with pytest.raises(InputError) as err:
        own_wage(5000, "2019-03-01", as_of=AS_OF)
    assert err.value.field == "city_average_wages"
    assert "需要江门市 2018 年职工月平均工资（数据表未收录）" in err.value.message_zh
    assert "Jiangmen's 2018 average monthly wage is needed (not in the tables)" in err.value.message_en


# ------------------------------------------------------------------------ leaving: what the warnings say


def test_draws_pension_for_grade_5_says_why_it_changes_nothing() -> None:
    """广东省工伤保险条例 (2019) 第三十一条、第三十二条 (gd-injury-regulation-2019): art. 32 names grades 7-10
    only (the first excluded grade, 7, is in injury.toml); for a grade 5 worker both grants are paid
    and the warning says so, naming the grade, the first excluded grade and the parameter."""
    r = injury_benefits(5, "2025-03-10", 6000, leaves_job=True, left_on="2025-12-31", draws_pension=True, as_of=AS_OF)
    flag = next(w for w in r.warnings if w.code == "input_no_effect")
    assert flag.param == "injury.leaving_grants.pension_exclusion_from_grade"
    assert "第三十二条只规定7级至十级；5级（第三十一条）是否同样不享受未见规定，两项补助金照常计发" in flag.zh
    assert "art. 32 covers grades 7-10 only; whether grade 5 (art. 31) is excluded too was not seen" in flag.en


def test_the_pension_exclusion_warning_names_its_parameter() -> None:
    """广东省工伤保险条例 (2019) 第三十二条: a grade 8 worker drawing a pension — the warning that both
    grants are withheld points to the parameter holding the first excluded grade."""
    r = injury_benefits(8, "2025-03-10", 6000, leaves_job=True, left_on="2025-12-31", draws_pension=True, as_of=AS_OF)
    flag = next(w for w in r.warnings if w.code == "pension_exclusion")
    assert flag.param == "injury.leaving_grants.pension_exclusion_from_grade"


@pytest.mark.parametrize(("left_on", "flagged"), [("2029-03-31", False), ("2029-04-01", True)])
def test_an_employment_ending_in_the_retirement_month_itself_is_flagged(left_on: str, flagged: bool) -> None:
    """国务院关于渐进式延迟法定退休年龄的办法 (retirement-reform-measures-2024), 附件1: a man born 1968-05
    retires at 60 plus a delay of one month per four months of birth from 1965-01 — 1968-05 is in
    the 11th group (1968-05..08), so 11 months: 2028-05 + 11 months = 2029-04. An employment ending
    on 2029-04-01 ends *in* the statutory retirement month: flagged (广东 2019 第三十二条 may then
    withhold the grants); one ending on 2029-03-31 is not. The warning gives the day the employment
    ended and the retirement month."""
    r = injury_benefits(
        7, "2022-03-10", 8000, leaves_job=True, left_on=left_on, birth="1968-05", category="male", as_of=AS_OF
    )
    flags = [w for w in r.warnings if w.code == "at_retirement"]
    assert bool(flags) is flagged
    if flagged:
        assert "终止劳动关系时（2029-04-01）已到法定退休年月 2029-04" in flags[0].zh
        assert "the employment ends (2029-04-01) at or after the statutory retirement month 2029-04" in flags[0].en


# ------------------------------------------------------------------------ disability: whose floor


def test_the_guangdong_floor_of_grades_1_to_4_does_not_lift_a_grade_6_allowance() -> None:
    """工伤保险条例 第三十六条第（二）项 (work-injury-regulation-2010): the grade 5-6 伤残津贴 is paid by the
    employer and lifted to the minimum wage only; the 托底线 of 关于调整2021年度我省工伤保险长期待遇发放
    标准的通知 (gd-injury-floor-2021, 4138 元 from 2021-01-01) is for grades 1-4 (第三十五条第（二）项).
    A 2021-03-10 injury: band floor 7647 (2020 provincial average) × 0.6 = 4588.20, so a 3000 wage
    counts as 4588.20; grade 6: 4588.20 × 60% = 2752.92 > the minimum wage 1550 → 2752.92, no top-up.
    Grade 4 on the same wage: 4588.20 × 75% = 3441.15 < 4138 → 4138.00, top-up 696.85."""
    grade6 = injury_benefits(6, "2021-03-10", 3000, as_of=AS_OF)
    assert grade6.own_wage == D("4588.20")
    assert (grade6.monthly_allowance, grade6.allowance_top_up) == (D("2752.92"), D("0.00"))
    grade4 = injury_benefits(4, "2021-03-10", 3000, as_of=AS_OF)
    assert (grade4.monthly_allowance, grade4.allowance_top_up) == (D("4138.00"), D("696.85"))


# ------------------------------------------------------------------------ models: names and look-ups


@pytest.mark.parametrize(
    ("dependent", "zh"),
    [
        (Dependent.SPOUSE, "配偶"),
        (Dependent.RELATIVE, "其他供养亲属"),
        (Dependent.ORPHAN, "孤儿"),
        (Dependent.LONE_ELDERLY, "孤寡老人"),
    ],
)
def test_each_dependent_has_its_chinese_name(dependent: Dependent, zh: str) -> None:
    """工伤保险条例 第三十九条第一款第（二）项 (work-injury-regulation-2010): 配偶, 其他亲属 (其他供养亲属),
    孤寡老人 or 孤儿 — the names the explanation shows."""
    assert dependent.zh == zh


def test_asking_the_payer_of_an_item_the_result_does_not_have_names_the_item() -> None:
    """工伤保险条例 第三十条第四款 (住院伙食补助费): asked for only when the hospital days are given; a
    result without it has no payer for it, and the error names the item asked for."""
    r = injury_benefits(7, "2025-03-10", 8000, as_of=AS_OF)
    assert r.payer_of("disability_lump_sum") is Payer.FUND
    with pytest.raises(KeyError, match="hospital_meals"):
        r.payer_of("hospital_meals")


# ------------------------------------------------------------------------ inputs: each refusal names its field

A = AS_OF
REFUSALS: list[tuple[Any, str, str, str]] = [
    (
        lambda: injury_benefits(7, "2025-03-10", 8000, leaves_job="yes", as_of=A),  # type: ignore[call-overload]
        "leaves_job",
        "应为是/否",
        "must be true or false",
    ),
    (
        lambda: injury_benefits(7, "2025-03-10", 8000, leaves_job=True, left_on="2025-13-01", as_of=A),
        "left_on",
        "“2025-13-01”不是日期（YYYY-MM-DD）",
        "'2025-13-01' is not a date (YYYY-MM-DD)",
    ),
    (
        lambda: injury_benefits(7, "2025-03-10", 8000, hospital_days=100000, hospital_meal_daily=50, as_of=A),
        "hospital_days",
        "住院天数应为 0–99999 的整数，收到 100000",
        "hospital days must be a whole number 0-99999, got 100000",
    ),
    (
        lambda: injury_benefits(7, "2025-03-10", 8000, hospital_days=3, hospital_meal_daily=-1, as_of=A),
        "hospital_meal_daily",
        "不能为负数",
        "must not be negative",
    ),
    (
        lambda: injury_benefits(7, "2025-03-10", 8000, hospital_days=3, hospital_meal_daily="abc", as_of=A),
        "hospital_meal_daily",
        "“abc”不是数值",
        "'abc' is not a number",
    ),
    (
        lambda: injury_benefits(2, "2025-03-10", 8000, care_level=5, as_of=A),
        "care_level",
        "生活自理障碍等级应为 1–4 的整数，收到 5",
        "the care level (生活自理障碍等级) must be a whole number 1-4, got 5",
    ),
    (
        lambda: death_benefits("2025-02-30", 8000, [], as_of=A),
        "died_on",
        "“2025-02-30”不是日期（YYYY-MM-DD）",
        "'2025-02-30' is not a date (YYYY-MM-DD)",
    ),
    (
        lambda: death_benefits("2025-06-01", 8000, [], injured_on="x", as_of=A),
        "injured_on",
        "“x”不是日期（YYYY-MM-DD）",
        "'x' is not a date (YYYY-MM-DD)",
    ),
    (
        lambda: death_benefits("2025-06-01", 8000, [], during_paid_leave="no", as_of=A),  # type: ignore[call-overload]
        "during_paid_leave",
        "应为是/否",
        "must be true or false",
    ),
    (
        lambda: death_benefits("2025-06-01", 8000, [], during_paid_leave=False, grade=11, as_of=A),
        "grade",
        "伤残等级应为 1–10 的整数，收到 11",
        "grade must be a whole number 1-10, got 11",
    ),
    (
        lambda: death_benefits("2025-06-01", 8000, "spouse", as_of=A),
        "dependents",
        "应为供养亲属类别的列表",
        "must be a list of dependent types",
    ),
    (
        lambda: death_benefits("2025-06-01", 8000, ["cousin"], as_of=A),
        "dependents",
        "未知取值“cousin”，可选：spouse（配偶）、relative（其他亲属）、orphan（孤儿）、lone_elderly（孤寡老人）",
        "unknown value 'cousin'; one of: spouse, relative, orphan, lone_elderly",
    ),
    (
        lambda: own_wage(8000, "2019-03-01", city_average_wages=[6000], as_of=A),  # type: ignore[call-overload]
        "city_average_wages",
        "应为 {统计年度: 月平均工资} 映射",
        "must be a mapping {statistical year: average monthly wage}",
    ),
    (
        lambda: own_wage(8000, "2019-03-01", city_average_wages={1989: 6000, 2018: 6000}, as_of=A),
        "city_average_wages",
        "统计年度应为 1990–2099 的整数，收到 1989",
        "the statistical year must be a whole number 1990-2099, got 1989",
    ),
    (
        lambda: own_wage(8000, "2019-03-01", city_average_wages={2100: 6000, 2018: 6000}, as_of=A),
        "city_average_wages",
        "统计年度应为 1990–2099 的整数，收到 2100",
        "the statistical year must be a whole number 1990-2099, got 2100",
    ),
    (
        lambda: own_wage(8000, "2019-03-01", city_average_wages={2018: -1}, as_of=A),
        "city_average_wages[2018]",
        "不能为负数",
        "must not be negative",
    ),
]


@pytest.mark.parametrize(("call", "field", "zh", "en"), REFUSALS, ids=[f"{r[1]}-{i}" for i, r in enumerate(REFUSALS)])
def test_a_bad_input_is_refused_naming_its_field_and_what_is_accepted(call: Any, field: str, zh: str, en: str) -> None:
    """Project standard (README: bad input is a bilingual InputError naming the field). The accepted
    ranges are structural: 劳动能力鉴定 grades 1-10 (工伤保险条例 第二十二条), 生活自理障碍 levels 1-4
    (广东省工伤保险条例 (2019) 第二十六条), the dependents of 条例 第三十九条第一款第（二）项."""
    with pytest.raises(InputError) as err:
        call()
    assert err.value.field == field
    assert err.value.message_zh == f"输入项 {field} 有误：{zh}"
    assert err.value.message_en == f"invalid {field}: {en}"


def test_an_employment_may_end_on_the_day_of_the_injury() -> None:
    """广东省工伤保险条例 (2019) 第三十二条: grade 7, the employment ending on the injury day itself (not
    before it) — the grants are due: 8000 × 25 = 200000.00 (就业补助金), 8000 × 6 = 48000.00 (医疗补助金)."""
    r = injury_benefits(7, "2025-03-10", 8000, leaves_job=True, left_on="2025-03-10", as_of=AS_OF)
    assert (r.employment_lump_sum, r.medical_lump_sum) == (D("200000.00"), D("48000.00"))


@pytest.mark.parametrize(("days", "expected"), [(0, "0.00"), (99999, "4999950.00")])
def test_hospital_days_from_0_to_99999_are_accepted(days: int, expected: str) -> None:
    """工伤保险条例 第三十条第四款 (住院伙食补助费): the daily amount × the days — the caller's 50 元:
    0 × 50 = 0.00; 99999 × 50 = 4999950.00 (the sanity range of the days is 0-99999)."""
    r = injury_benefits(7, "2025-03-10", 8000, hospital_days=days, hospital_meal_daily=50, as_of=AS_OF)
    assert r.hospital_meals == D(expected)


def test_a_day_outside_the_sanity_years_is_refused_in_its_own_words() -> None:
    """Project standard (issue 14: absurd years refused quickly with the field named): a day outside
    1900-2200 is not "not a date" but out of the library's range, said so, with its own reason code."""
    with pytest.raises(InputError) as err:
        own_wage(8000, "2300-01-01", as_of=AS_OF)
    e = err.value
    assert (e.field, e.reason) == ("injured_on", "out_of_range")
    assert e.message_zh == "输入项 injured_on 有误：日期 2300-01-01 不在 1900–2200 年之间（本库的合理范围）"
    assert e.message_en == (
        "invalid injured_on: the day 2300-01-01 is not within the years 1900-2200 (the library's sanity limits)"
    )


def test_city_wage_years_1990_to_2099_are_accepted_and_a_month_is_its_first_day() -> None:
    """工伤保险条例 第六十四条第二款: an injury in 2019-03 (before province-level pooling) uses Jiangmen's
    2018 wage — the caller's (hypothetical) 6000: band 3600.00-18000.00, so 8000 stays 8000.00; the
    other years given (1990, 2099: the accepted edges) are not used. A month given as the injury date
    is its first day (2025-05 → 2025-05-01)."""
    r = own_wage(8000, "2019-03-01", city_average_wages={1990: 1, 2099: 1, 2018: 6000}, as_of=AS_OF)
    assert (r.lower, r.upper, r.own_wage) == (D("3600.00"), D("18000.00"), D("8000.00"))
    assert own_wage(8000, YearMonth(2025, 5), as_of=AS_OF).injured_on == date(2025, 5, 1)  # type: ignore[call-overload]


# ------------------------------------------------------------------------ api: what each call puts together


def test_hospital_meals_are_an_item_of_the_fund_only_when_the_days_are_given() -> None:
    """工伤保险条例 第三十条第四款 (住院伙食补助费, paid by the fund): 3 days × the caller's 50 元 =
    150.00 元; the daily amount without the days gives no item (nothing to multiply)."""
    r = injury_benefits(7, "2025-03-10", 8000, hospital_days=3, hospital_meal_daily=50, as_of=AS_OF)
    meals = next(i for i in r.items if i.id == "hospital_meals")
    assert (meals.amount, meals.unit, meals.payer) == (D("150.00"), Unit.YUAN, Payer.FUND)
    alone = injury_benefits(7, "2025-03-10", 8000, hospital_meal_daily=50, as_of=AS_OF)
    assert alone.hospital_meals is None
    assert "hospital_meals" not in {i.id for i in alone.items}


def test_a_pensioner_leaving_at_retirement_is_not_asked_to_say_so() -> None:
    """广东省工伤保险条例 (2019) 第三十二条: the at-retirement warning asks to set draws_pension=True; a
    worker who already said so (male, born 1968-05, statutory month 2029-04, leaving 2029-06-30) gets
    the exclusion, not the question."""
    r = injury_benefits(
        7,
        "2022-03-10",
        8000,
        leaves_job=True,
        left_on="2029-06-30",
        birth="1968-05",
        category="male",
        draws_pension=True,
        as_of=AS_OF,
    )
    codes = {w.code for w in r.warnings}
    assert "pension_exclusion" in codes and "at_retirement" not in codes


def test_benefits_needing_a_wage_not_yet_in_the_tables_are_refused_unless_a_projection_is_asked() -> None:
    """工伤保险条例 第六十四条第二款: an injury on 2027-03-01 needs the 2026 provincial wage (not in
    tables/wages): refused by default (no projection unless asked for)."""
    with pytest.raises(NotCovered) as err:
        injury_benefits(7, "2027-03-01", 8000, as_of=AS_OF)
    assert err.value.param == "wages.provincial_average_monthly"


def test_each_item_not_covered_is_warned_with_its_parameter() -> None:
    """工伤保险条例 第三十九条: a death on 2014-03-01 without Jiangmen's 2013 wage — the warnings for the
    items not covered name the pooling parameter (本人工资, 丧葬补助金) or none (the survivors'
    pensions, which wait for 本人工资), in the order of the article."""
    r = death_benefits("2014-03-01", 7000, ["spouse"], as_of=AS_OF)
    flags = [w for w in r.warnings if w.code == "item_not_covered"]
    assert [w.param for w in flags] == ["injury.provincial_pooling_since", "injury.provincial_pooling_since", None]
    assert "丧葬补助金" in flags[1].zh and "funeral grant" in flags[1].en


def test_a_contribution_result_gives_its_inputs_and_the_base_rate() -> None:
    """粤人社规〔2021〕4号 (gd-hrss-2021-4): class 3 base rate 0.6%; × the caller's 1.2 = 0.72%;
    1,000,000 × 0.0072 = 7200.00 (工伤保险条例 第十条). The month 2026-10 is read as its first day."""
    r = injury_contribution(1_000_000, 3, "2026-10", D("1.2"), as_of=AS_OF)
    assert (r.on, r.industry_class, r.rates) == (date(2026, 10, 1), 3, "guangdong")
    assert (r.base_rate, r.floating_factor, r.rate, r.contribution) == (D("0.006"), D("1.2"), D("0.0072"), D("7200.00"))


def test_an_overridden_base_rate_is_used() -> None:
    """A what-if (overrides): class 3 at 0.7% instead of 粤人社规〔2021〕4号's 0.6%, no floating factor:
    1,000,000 × 0.007 = 7000.00."""
    r = injury_contribution(
        1_000_000, 3, "2026-10", as_of=AS_OF, overrides={"injury.contribution.guangdong_base_rate": {"3": "0.007"}}
    )
    assert (r.base_rate, r.contribution) == (D("0.007"), D("7000.00"))


@pytest.mark.parametrize("factor", ["abc", "-1"])
def test_a_bad_floating_factor_is_refused_naming_it(factor: str) -> None:
    """Project standard: bad input is refused naming the field (a word, or a negative multiple)."""
    with pytest.raises(InputError) as err:
        injury_contribution(1_000_000, 3, "2026-10", factor, as_of=AS_OF)
    assert err.value.field == "floating_factor"


def test_survivors_not_computed_are_not_said_to_be_capped() -> None:
    """工伤保险条例 第三十九条第一款第（二）项: the cap is on the pensions computed; a death on 2014-03-01
    without Jiangmen's 2013 wage has no 本人工资, hence no pensions — none capped."""
    r = death_benefits("2014-03-01", 7000, ["spouse"], as_of=AS_OF)
    assert (r.survivor_monthly, r.survivors, r.survivors_capped) == (None, (), False)


def test_a_death_after_the_paid_leave_keeps_the_grade_and_has_no_death_grant() -> None:
    """工伤保险条例 第三十九条第三款: a grade 1-4 worker dying after the paid leave — no 一次性工亡补助金;
    the result carries the grade given (2)."""
    r = death_benefits("2025-06-01", 7000, ["spouse"], during_paid_leave=False, grade=2, as_of=AS_OF)
    assert (r.grade, r.death_grant) == (2, None)


def test_a_death_needing_figures_not_yet_in_the_tables_is_refused_without_a_projection() -> None:
    """工伤保险条例 第三十九条: a death on 2027-03-01 needs the 2026 provincial wage and the 2026 income
    (neither in the tables): nothing computable, refused — no projection unless asked for."""
    with pytest.raises(NotCovered):
        death_benefits("2027-03-01", 7000, ["spouse"], as_of=AS_OF)


@pytest.mark.parametrize(("call", "field"), [(lambda: own_wage(8000, "2025-02-30", as_of=AS_OF), "injured_on")])
def test_a_day_that_does_not_exist_is_refused_with_its_reason_code(call: Any, field: str) -> None:
    """Project standard (a stable reason code with each refusal): 2025-02-30 is not a date."""
    with pytest.raises(InputError) as err:
        call()
    assert (err.value.field, err.value.reason) == (field, "not_a_date")


def test_own_wage_uses_the_figure_known_on_as_of_and_says_it_is_provisional() -> None:
    """工伤保险条例 第六十四条第二款, with the library's rule that a figure is used from its publication
    (per ``as_of``): for a 2025-05-20 injury asked on 2025-03-01 the 2024 provincial average wage is
    not yet known, so the 2023 figure (9167, tables/wages) stands in, provisionally: floor
    9167 × 0.6 = 5500.20. Asked on 2026-11-21 about a 2026 injury, the 2025 figure is missing: the
    2024 one (9183) is used, and the result says it is provisional."""
    early = own_wage(8000, "2025-05-20", as_of=date(2025, 3, 1))
    assert (early.average_wage, early.lower, early.provisional) == (D(9167), D("5500.20"), True)
    assert own_wage(8000, "2026-03-01", as_of=AS_OF).provisional is True


@pytest.mark.parametrize("as_of", [date(2026, 10, 15), date(2026, 11, 30)])
def test_a_contribution_is_worked_out_as_known_on_the_day_asked(as_of: date) -> None:
    """A result is dated: it says what was known on the day the caller asked (``as_of``), not on
    the day it runs. Kills ``as_of`` dropped or set to None on its way to the engine
    (injury/api.py injury_contribution, mutants 73 and 83)."""
    r = injury_contribution(1_000_000, 3, "2026-10", D("1.2"), as_of=as_of)
    assert r.as_of == as_of
