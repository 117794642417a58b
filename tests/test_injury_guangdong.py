"""Work injury, Guangdong: the corrections of issue 9 (corrections-2026-11 §4, §2).

Sources (all secondary: no official copy of 《广东省工伤保险条例》 was found):

- 《广东省工伤保险条例》, 2011 revision (in force 2012-01-01) and 2019 amendment (公告第37号, in
  force 2019-07-01). 2019 article numbers: 停工留薪 25, 生活护理 26, leaving grants 31 (grades
  5-6) and 32 (grades 7-10).
- NBS release 「2025年国民经济运行情况」 of 2026-01-19 (stats.gov.cn
  sj/zxfbhjd/202601/t20260119_1962321.html): urban per-capita disposable income 2025 = 56502.

Expected values are written out by hand from these figures and the tables' shared ones:
provincial average monthly wage 2019 6756, 2023 9167, 2024 9183 (wages.toml); national urban
disposable income 2013 26955, 2016 33616, 2024 54188, 2025 56502.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from jm_socialsec.engine.errors import InputError, NotCovered
from jm_socialsec.engine.money import round_fen
from jm_socialsec.engine.params import lookup
from jm_socialsec.injury import CareLevel, InjuryBenefits, death_benefits, injury_benefits

AS_OF = date(2026, 11, 21)
#: 生活自理障碍等级 → share of the average wage, as written in art. 26 (一级 60% … 四级 30%).
ART_26 = {1: Decimal("0.6"), 2: Decimal("0.5"), 3: Decimal("0.4"), 4: Decimal("0.3")}


# ------------------------------------------------------------------------------ 生活护理费


@pytest.mark.parametrize(
    ("level", "assessed_on", "expected"),
    [
        (1, "2025-03-10", "5509.80"),  # 9183 (2024) × 60%
        (2, "2025-03-10", "4591.50"),  # 9183 × 50%
        (3, "2025-03-10", "3673.20"),  # 9183 × 40%
        (4, "2025-03-10", "2754.90"),  # 9183 × 30%
        (1, "2020-06-01", "4053.60"),  # 6756 (2019) × 60%
        (4, "2020-06-01", "2026.80"),  # 6756 × 30%
    ],
)
def test_nursing_allowance_has_four_levels_of_the_provincial_wage(level: int, assessed_on: str, expected: str) -> None:
    """《广东省工伤保险条例》 (2019年修正) 第二十六条 (as reproduced; the 2011 wording read with
    「统筹地区」, the 2019 text with 「全省」, corrections-2026-11 §4):

    「职工已经被鉴定为一级至四级伤残等级并经劳动能力鉴定委员会确认需要生活护理的，由工伤保险基金
    按照工伤职工生活自理障碍等级支付生活护理费。生活护理费以全省上年度职工月平均工资的一定比例
    按月计发，标准为：一级为百分之六十，二级为百分之五十，三级为百分之四十，四级为百分之三十。」

    Replaces the national three levels (工伤保险条例 art. 34: 50 / 40 / 30%).
    """
    r = injury_benefits(2, "2019-08-01", 9000, assessed_on=assessed_on, care_level=level, as_of=AS_OF)
    assert r.nursing_monthly == Decimal(expected)
    assert r.care_level is CareLevel(level)
    rate = next(pv for s in r.steps for pv in s.params if pv.id == "injury.nursing_rate")
    assert "第二十六条" in rate.source.locator
    assert not any(w.code == "conflicting_sources" for w in r.warnings)


def test_nursing_level_may_be_given_as_enum_or_text() -> None:
    a = injury_benefits(3, "2025-03-10", 9000, care_level=CareLevel.TWO, as_of=AS_OF)
    b = injury_benefits(3, "2025-03-10", 9000, care_level="2", as_of=AS_OF)
    assert a.nursing_monthly == b.nursing_monthly == Decimal("4591.50")  # 9183 × 50%


def test_nursing_before_provincial_pooling_uses_the_city_wage() -> None:
    """2011 revision (in force 2012-01-01 to 2019-06-30): 「生活护理费以统筹地区上年度职工月平均工资的
    一定比例按月计发」 — the pooling area was Jiangmen until 2019-07, its wage is the caller's."""
    with pytest.raises(InputError) as err:  # the 2019-03 appraisal needs Jiangmen's 2018 wage
        injury_benefits(
            1, "2018-05-01", 6000, assessed_on="2019-03-01", care_level=2, city_average_wages={2017: 5000}, as_of=AS_OF
        )
    assert err.value.field == "city_average_wages"
    r = injury_benefits(
        1, "2018-05-01", 6000, assessed_on="2019-03-01", care_level=2, city_average_wages={2017: 5000, 2018: 6000}
    )
    # Level 2: 6000 (Jiangmen 2018, the caller's) × 50% = 3000.00
    assert r.nursing_monthly == Decimal("3000.00")
    assert any(w.code == "caller_value" for w in r.warnings)
    rate = next(pv for s in r.steps for pv in s.params if pv.id == "injury.nursing_rate")
    assert rate.since == date(2012, 1, 1) and "统筹地区" in rate.source.locator


def test_nursing_in_2011_is_not_covered() -> None:
    """The 2011 revision came into force on 2012-01-01; Guangdong's 2011 figures were not collected."""
    with pytest.raises(NotCovered) as err:
        injury_benefits(
            2,
            "2011-06-01",
            5000,
            care_level=1,
            city_average_wages={2010: 4000},
            overrides={"wages.minimum_monthly": 1100},  # Jiangmen's 2011 minimum wage is not in the tables
            as_of=AS_OF,
        )
    assert err.value.param == "injury.nursing_rate"
    assert "2012-01-01" in str(err.value)


@settings(deadline=None)
@given(st.integers(1, 4), st.dates(min_value=date(2019, 7, 1), max_value=date(2025, 12, 31)), st.integers(1, 3))
@example(4, date(2019, 7, 1), 3)
def test_nursing_is_the_level_rate_times_the_provincial_wage_and_falls_with_the_level(
    level: int, assessed: date, step: int
) -> None:
    """Art. 26: amount = 生活自理障碍等级's share × 全省上年度职工月平均工资; 一级 is the highest."""
    wage = lookup("wages.provincial_average_monthly", date(assessed.year - 1, 1, 1), as_of=AS_OF).decimal
    r = injury_benefits(1, "2019-07-01", 8000, assessed_on=assessed, care_level=level, as_of=AS_OF)
    assert r.nursing_monthly == round_fen(wage * ART_26[level])
    milder = min(level + step, 4)
    m = injury_benefits(1, "2019-07-01", 8000, assessed_on=assessed, care_level=milder, as_of=AS_OF)
    assert r.nursing_monthly is not None and m.nursing_monthly is not None
    assert m.nursing_monthly <= r.nursing_monthly


# ------------------------------------------------------------------------------ lump-sum tables from 2012


def test_guangdong_leaving_grants_start_2012_01_01() -> None:
    """The 2011 revision of 《广东省工伤保险条例》 came into force on 2012-01-01 (corrections §4):
    the Guangdong tables of 一次性工伤医疗补助金 and 伤残就业补助金 start then; 2011 is not covered."""
    city = {2010: 4000, 2011: 4000}
    with pytest.raises(NotCovered) as err:
        injury_benefits(7, "2011-12-31", 5000, leaves_job=True, left_on="2013-03-31", city_average_wages=city)
    assert err.value.param == "injury.medical_lump_sum_months"
    assert "2012-01-01" in str(err.value) and "2011" in err.value.message_en
    # 2011 still has the national items: 5000 × 13 = 65000 (band 4000 × 0.6 = 2400 to 12000).
    r = injury_benefits(7, "2011-12-31", 5000, city_average_wages=city, as_of=AS_OF)
    assert r.disability_lump_sum == Decimal("65000.00")
    assert r.paid_leave_max_months == 24  # national 12 + 12 (Guangdong's cap not collected for 2011)
    # From 2012-01-01: 5000 × 6 = 30000 (fund); 5000 × 25 = 125000 (employer).
    r = injury_benefits(7, "2012-01-01", 5000, leaves_job=True, left_on="2013-03-31", city_average_wages=city)
    assert (r.medical_lump_sum, r.employment_lump_sum) == (Decimal("30000.00"), Decimal("125000.00"))


@pytest.mark.parametrize(
    ("injured_on", "since", "article"),
    [("2015-05-01", date(2012, 1, 1), None), ("2020-05-01", date(2019, 7, 1), "第三十二条")],
)
def test_leaving_grant_locators_follow_the_text_in_force(injured_on: str, since: date, article: str | None) -> None:
    """2019 article numbers (corrections §4): lump sums art. 31 (grades 5-6) and 32 (7-10); the
    2011 revision's numbers were not verified, so its period cites it without an article number."""
    r = injury_benefits(
        8, injured_on, 6000, leaves_job=True, left_on="2021-01-31", city_average_wages={2014: 5000}, as_of=AS_OF
    )
    grants = ("injury.medical_lump_sum_months", "injury.employment_lump_sum_months")
    used = [pv for s in r.steps for pv in s.params if pv.id in grants]
    assert len(used) == 2 and all(pv.since == since for pv in used)
    for pv in used:
        assert (article in pv.source.locator) if article else ("条号未核实" in pv.source.locator)


# ------------------------------------------------------------------------------ draws_pension (art. 32)


@pytest.mark.parametrize(
    ("grade", "disability", "without"),
    [
        (7, "104000.00", ("48000.00", "200000.00")),  # 8000 × 13; 8000 × 6; 8000 × 25
        (8, "88000.00", ("32000.00", "120000.00")),  # 8000 × 11; × 4; × 15
        (10, "56000.00", ("8000.00", "32000.00")),  # 8000 × 7; × 1; × 4
    ],
)
def test_grades_7_to_10_drawing_a_pension_get_no_leaving_grants(
    grade: int, disability: str, without: tuple[str, str]
) -> None:
    """《广东省工伤保险条例》 (2019年修正) 第三十二条 (as reproduced, corrections-2026-11 §4): a grade 7-10
    worker whose employment ends and who 「享受基本养老保险待遇或者死亡的」 gets no 一次性工伤医疗补助金
    and no 伤残就业补助金 (from 2019-07-01)."""
    kw: dict[str, Any] = {"leaves_job": True, "left_on": "2025-12-31", "as_of": AS_OF}
    paid = injury_benefits(grade, "2025-03-10", 8000, **kw)
    assert (paid.medical_lump_sum, paid.employment_lump_sum) == tuple(Decimal(x) for x in without)
    r = injury_benefits(grade, "2025-03-10", 8000, draws_pension=True, **kw)
    assert r.medical_lump_sum == Decimal("0.00") and r.employment_lump_sum == Decimal("0.00")
    assert r.draws_pension and r.pension_exclusion_applied
    assert r.disability_lump_sum == Decimal(disability)  # art. 32 withholds the two leaving grants only
    assert any(w.code == "pension_exclusion" and "第三十二条" in w.zh for w in r.warnings)
    assert [i.amount for i in r.items if i.id.endswith("_lump_sum") and i.id != "disability_lump_sum"] == [
        Decimal("0.00"),
        Decimal("0.00"),
    ]


@pytest.mark.parametrize(
    ("grade", "leaves", "medical", "employment"),
    [
        (5, True, "60000.00", "300000.00"),  # 6000 × 10; × 50 — art. 31: exclusion not seen, paid
        (6, True, "48000.00", "240000.00"),  # 6000 × 8; × 40
        (3, False, None, None),  # grades 1-4 keep the relation
        (8, False, None, None),  # the employment does not end
    ],
)
def test_draws_pension_where_it_changes_nothing_is_said(
    grade: int, leaves: bool, medical: str | None, employment: str | None
) -> None:
    """Art. 32 names grades 7-10 only; whether art. 31 (grades 5-6) has the same exclusion was not
    seen (corrections §4), so grades 5-6 are paid — and the result says the input had no effect."""
    kw: dict[str, Any] = {"leaves_job": leaves, "left_on": "2025-12-31" if leaves else None, "as_of": AS_OF}
    r = injury_benefits(grade, "2025-03-10", 6000, draws_pension=True, **kw)
    assert r.medical_lump_sum == (None if medical is None else Decimal(medical))
    assert r.employment_lump_sum == (None if employment is None else Decimal(employment))
    assert r.draws_pension and not r.pension_exclusion_applied
    flag = next(w for w in r.warnings if w.code == "input_no_effect")
    assert "draws_pension" in flag.zh and "draws_pension" in flag.en
    same = injury_benefits(grade, "2025-03-10", 6000, **kw)
    assert r.model_dump(exclude={"warnings", "draws_pension"}) == same.model_dump(exclude={"warnings", "draws_pension"})


def test_pension_exclusion_is_dated_by_the_end_of_the_employment() -> None:
    """Art. 32 applies from the 2019 amendment's in-force date, 2019-07-01. What the 2011 revision
    said of a worker drawing a pension was not collected: refused, not guessed."""
    city = {2017: 6000}
    kw: dict[str, Any] = {"leaves_job": True, "city_average_wages": city, "draws_pension": True, "as_of": AS_OF}
    with pytest.raises(NotCovered) as err:
        injury_benefits(8, "2018-03-01", 6000, left_on="2019-06-30", **kw)
    assert err.value.param == "injury.leaving_grants.pension_exclusion_from_grade"
    assert "2019-07-01" in str(err.value)
    r = injury_benefits(8, "2018-03-01", 6000, left_on="2019-07-01", **kw)
    assert r.pension_exclusion_applied and r.employment_lump_sum == Decimal("0.00")
    # Without a pension the same 2019-06-30 end is paid (2011 revision): 6000 × 4 = 24000; × 15 = 90000.
    r = injury_benefits(8, "2018-03-01", 6000, left_on="2019-06-30", leaves_job=True, city_average_wages=city)
    assert (r.medical_lump_sum, r.employment_lump_sum) == (Decimal("24000.00"), Decimal("90000.00"))


def _money(r: InjuryBenefits) -> dict[str, Decimal]:
    fields = ("own_wage", "disability_lump_sum", "monthly_allowance", "medical_lump_sum", "employment_lump_sum")
    return {f: getattr(r, f) or Decimal(0) for f in fields}


@settings(deadline=None, max_examples=60)
@given(st.decimals(min_value=0, max_value=100000, places=2), st.integers(1, 10), st.booleans())
@example(Decimal(8000), 7, True)
@example(Decimal(8000), 6, True)
def test_draws_pension_never_increases_any_amount(avg: Decimal, grade: int, leaves: bool) -> None:
    leaves = leaves and grade >= 5
    kw: dict[str, Any] = {"leaves_job": leaves, "left_on": "2026-02-28" if leaves else None, "as_of": AS_OF}
    without = _money(injury_benefits(grade, "2025-03-10", avg, **kw))
    with_pension = _money(injury_benefits(grade, "2025-03-10", avg, draws_pension=True, **kw))
    assert all(with_pension[k] <= without[k] for k in without)


# ------------------------------------------------------------------------------ no Hebei reduction


def test_the_hebei_near_retirement_reduction_is_gone() -> None:
    """corrections-2026-11 §4: 「There is no Guangdong reduction near retirement: the Hebei ladder
    does not apply.」 Its parameters and its switch are removed."""
    for name in ("reduction_full_years", "reduction_per_year", "reduction_minimum"):
        with pytest.raises(NotCovered):
            lookup(f"injury.employment_lump_sum.{name}", date(2020, 1, 1))
    with pytest.raises(InputError):
        injury_benefits(7, "2025-03-10", 8000, near_retirement_reduction=True)  # type: ignore[call-arg]
    # One month before retirement (male born 1968-05 → 2029-04): still 8000 × 25 = 200000.
    r = injury_benefits(
        7, "2025-03-10", 8000, leaves_job=True, left_on="2029-03-31", birth="1968-05", category="male", as_of=AS_OF
    )
    assert r.employment_lump_sum == Decimal("200000.00")


# ------------------------------------------------------------------------------ death, item by item


def test_death_items_are_computed_on_their_own() -> None:
    """工伤保险条例 art. 39: 「(一) 丧葬补助金为6个月的统筹地区上年度职工月平均工资；…
    (三) 一次性工亡补助金标准为上一年度全国城镇居民人均可支配收入的20倍」. Before 2019-07 the pooling
    area's wage is Jiangmen's (not in the tables): the funeral grant and the 本人工资 behind the
    survivor pensions are not covered, the 工亡 grant is still given (corrections §4; issue 9 item 5)."""
    r = death_benefits("2017-06-01", 7000, ["spouse"], as_of=AS_OF)
    assert r.death_grant == Decimal("672320.00")  # 33616 (2016) × 20
    assert (r.own_wage, r.funeral_grant, r.survivor_monthly) == (None, None, None)
    assert [u.id for u in r.not_covered] == ["own_wage", "funeral_grant", "survivor_monthly"]
    funeral = next(u for u in r.not_covered if u.id == "funeral_grant")
    assert "city_average_wages" in funeral.reason_zh and "city_average_wages" in funeral.reason_en
    assert sum(w.code == "item_not_covered" for w in r.warnings) == 3
    assert [i.id for i in r.items] == ["death_grant"]
    # With Jiangmen's 2016 wage (hypothetical 5000): 5000 × 6 = 30000; band 3000-15000 → 7000;
    # spouse 7000 × 40% = 2800. The 工亡 grant is the same.
    full = death_benefits("2017-06-01", 7000, ["spouse"], city_average_wages={2016: 5000}, as_of=AS_OF)
    assert (full.funeral_grant, full.survivor_monthly, full.death_grant) == (
        Decimal("30000.00"),
        Decimal("2800.00"),
        Decimal("672320.00"),
    )
    assert full.not_covered == ()


def test_death_refuses_only_when_nothing_can_be_computed() -> None:
    # Died 2013-05-01, no city wage: the funeral grant and 本人工资 need Jiangmen's 2012 wage and
    # the 工亡 grant needs the 2012 income (the series starts with 2013): nothing → NotCovered,
    # naming every item's reason.
    with pytest.raises(NotCovered) as err:
        death_benefits("2013-05-01", 7000, ["spouse"], as_of=AS_OF)
    assert err.value.param == "injury.national_urban_disposable_income"
    assert "丧葬补助金" in err.value.message_zh and "funeral grant" in err.value.message_en
    # A grade 1-4 worker dying after the paid leave (no 工亡 grant, art. 39 third paragraph), before
    # 2019-07, without the city wage: nothing computable either.
    with pytest.raises(NotCovered):
        death_benefits("2018-06-01", 7000, ["spouse"], during_paid_leave=False, grade=2, as_of=AS_OF)
    # A year later the income of 2013 is there: 26955 × 20 = 539100, the rest not covered.
    r = death_benefits("2014-03-01", 7000, ["spouse"], as_of=AS_OF)
    assert r.death_grant == Decimal("539100.00") and len(r.not_covered) == 3


def test_death_items_explain_what_is_missing() -> None:
    r = death_benefits("2017-06-01", 7000, [], as_of=AS_OF)
    text_zh, text_en = r.explain("zh"), r.explain("en")
    assert "丧葬补助金：无法计算" in text_zh and "funeral grant: not covered" in text_en
    assert r.to_json()["not_covered"][0]["id"] == "own_wage"


@settings(deadline=None, max_examples=40)
@given(
    st.dates(min_value=date(2014, 1, 1), max_value=date(2025, 12, 31)),
    st.decimals(min_value=1, max_value=50000, places=2),
    st.lists(st.sampled_from(["relative", "orphan"]), max_size=3),
)
@example(date(2019, 6, 30), Decimal(7000), [])
def test_death_items_do_not_depend_on_each_other(died: date, avg: Decimal, others: list[str]) -> None:
    """Supplying the city wage only adds the items that needed it; the 工亡 grant never changes."""
    deps = ["spouse", *others]
    bare = death_benefits(died, avg, deps, as_of=AS_OF)
    city = {died.year - 1: Decimal(5000)}
    full = death_benefits(died, avg, deps, city_average_wages=city, as_of=AS_OF)
    assert bare.death_grant == full.death_grant is not None
    for field in ("own_wage", "funeral_grant", "survivor_monthly"):
        a, b = getattr(bare, field), getattr(full, field)
        assert a is None or a == b
    assert full.not_covered == ()
    assert {u.id for u in bare.not_covered} == {
        f for f in ("own_wage", "funeral_grant", "survivor_monthly") if getattr(bare, f) is None
    }


# ------------------------------------------------------------------------------ dates and labels


def test_2025_income_is_known_from_its_first_publication() -> None:
    """NBS 「2025年国民经济运行情况」, 2026-01-19: 城镇居民人均可支配收入 56502 元 (corrections §2)."""
    day = date(2025, 1, 1)
    before = lookup("injury.national_urban_disposable_income", day, as_of=date(2026, 1, 18))
    assert before.decimal == Decimal(54188) and before.provisional  # the 2024 figure meanwhile
    on = lookup("injury.national_urban_disposable_income", day, as_of=date(2026, 1, 19))
    assert on.decimal == Decimal(56502) and not on.provisional
    assert on.source.published == date(2026, 1, 19)


def test_source_titles_are_the_official_ones() -> None:
    """corrections-2026-11 §4: 粤人社规〔2021〕4号 is 《广东省人力资源和社会保障厅 广东省财政厅 国家税务总局
    广东省税务局关于实施省级统筹工伤保险行业基准费率标准有关事项的通知》 (issued 2021-04-20, in force
    2021-05-01); the 2021 托底线 notice is 《关于调整2021年度我省工伤保险长期待遇发放标准的通知》 (4138 元/月
    from 2021-01-01)."""
    rate = lookup("injury.contribution.guangdong_base_rate", date(2021, 5, 1), as_of=AS_OF, key="1")
    assert rate.source.title == (
        "广东省人力资源和社会保障厅 广东省财政厅 国家税务总局广东省税务局"
        "关于实施省级统筹工伤保险行业基准费率标准有关事项的通知"
    )
    floor = lookup("injury.disability_allowance_floor_grade1_4", date(2021, 1, 1), as_of=AS_OF)
    assert floor.decimal == Decimal(4138)
    assert floor.source.title == "关于调整2021年度我省工伤保险长期待遇发放标准的通知"


def test_a_refusal_before_a_text_names_the_text_from_the_register() -> None:
    """Refusals name documents by their registered titles (tables/sources.toml), not typed-in years:
    《广东省工伤保险条例（2011年修订）》 (in force 2012-01-01) for Guangdong's leaving grants, and the
    text the 2019 amendment replaced for its art. 32 (the pension exclusion, from 2019-07-01)."""
    city = {2010: 4000, 2011: 4000, 2017: 6000}
    with pytest.raises(NotCovered) as err:
        injury_benefits(7, "2011-12-31", 5000, leaves_job=True, left_on="2013-03-31", city_average_wages=city)
    assert "《广东省工伤保险条例（2011年修订）》自 2012-01-01 起施行" in err.value.message_zh
    with pytest.raises(NotCovered) as err:
        injury_benefits(
            8, "2018-03-01", 6000, leaves_job=True, left_on="2019-06-30", draws_pension=True, city_average_wages=city
        )
    assert "《广东省工伤保险条例（2011年修订）》的规定未收录" in err.value.message_zh
    assert "广东省工伤保险条例（2011年修订）" in err.value.message_en
