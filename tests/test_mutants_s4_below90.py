"""Tests written for surviving mutants of pension/death.py, pension/exact.py, retirement/kinds.py,
retirement/contribution_years.py, injury/coverage.py and retirement/api.py (tools/mutation.py,
issue 14 part 3): the modules below 90% of all mutants killed.

Each test states what the law, its annex or a worked case says, with the hand calculation written
out; the mutants it was written for are named. Documents: tables/sources.toml.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from jm_socialsec import InputError, NotCovered, pension_death_benefits
from jm_socialsec.engine import params as params_mod
from jm_socialsec.engine import tables as tables_mod
from jm_socialsec.engine.months import YearMonth
from jm_socialsec.engine.params import Params
from jm_socialsec.injury import coverage, injury_benefits, own_wage
from jm_socialsec.pension.exact import Ratio
from jm_socialsec.retirement import Category, RetirementChoice, SpecialWorkType

# ------------------------------------------------------------------------- retirement/api.py

#: The late window of 办法 第三条 (36 months) as shipped, and a hypothetical amendment of it for the
#: test: from 2026-05 the window is 24 months, published on 2026-06-01; until then the 36 months
#: apply provisionally (``interim = "previous"``).
_LATE_WINDOW = """[[param.values]]
since = 2025-01-01
value = 36
status = "official"
source = { doc = "retirement-reform-measures-2024", locator = "第三条 (经用人单位与职工协商一致)" }
"""
_LATE_WINDOW_AMENDED = """interim = "previous"

[[param.values]]
since = 2025-01-01
until = 2026-04-30
value = 36
status = "official"
source = { doc = "retirement-reform-measures-2024", locator = "第三条 (经用人单位与职工协商一致)" }

[[param.values]]
since = 2026-05-01
value = 24
published = 2026-06-01
status = "assumed"
source = { doc = "retirement-reform-measures-2024", locator = "test only: a shorter window announced later" }
"""


@pytest.fixture
def late_window_amended(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The shipped tables with the late window shortened from 2026-05, published 2026-06-01."""
    files = tables_mod._toml_files(tables_mod._table_dir())
    text = files["retirement/retirement.toml"]
    assert text.count(_LATE_WINDOW) == 1  # the shipped period this test amends
    files["retirement/retirement.toml"] = text.replace(_LATE_WINDOW, _LATE_WINDOW_AMENDED)
    tables = tables_mod.load_all(files)
    monkeypatch.setattr(params_mod, "registry", lambda: tables.params)
    yield


def test_a_resolved_retirement_is_explained_as_known_on_the_callers_day(late_window_amended: None) -> None:
    """``resolve`` runs in the caller's calculation: its explanation, built when read, is replayed
    with the caller's ``as_of`` — not today's knowledge (retirement/api.py resolve, mutant 18).

    A man born 1966-01 (办法 附件1: 12 // 4 + 1 = 4 months of delay → 60 years 4 months → 2026-05)
    retires flexibly late in 2028-05. In the test tables the late window of 办法 第三条 (36 months)
    is shortened to 24 months from 2026-05, published only on 2026-06-01. A caller on 2026-03-01
    knows the 36 months (applied provisionally): the window's line reads 法定 + 36个月. A caller on
    2026-11-01 knows the 24 months: 法定 + 24个月 (2026-05 + 24 = 2028-05, still in the window).
    """
    from jm_socialsec.retirement import resolve

    for as_of, months in ((date(2026, 3, 1), 36), (date(2026, 11, 1), 24)):
        r = resolve(
            Params(as_of), YearMonth(1966, 1), Category.MALE, RetirementChoice.FLEXIBLE_LATE, YearMonth(2028, 5)
        )
        assert (r.as_of, r.month) == (as_of, YearMonth(2028, 5))
        window = next(s for s in r.steps if s.id == "flexible_retirement_window")
        assert f"最晚：法定 + {months}个月" in window.formula_zh
        assert f"latest: statutory + {months} months" in window.formula_en


# ------------------------------------------------------------------------- pension/death.py
# 人社部发〔2021〕18号 (tables/sources.toml ``mohrss-2021-18``), its worked case (滕州市 restatement,
# corrections-2026-11 §3): 28 years 9 months → 9 + (28y9m − 15y) × 1 = 9 + 13.75 = 22.75 months.
# A death in 2024: the 2023 urban income 59307 (广东 统计公报 2023) ÷ 12 = 4942.25 a month.
DIED_2024 = date(2024, 6, 1)
DEATH_AS_OF = date(2026, 11, 21)
WORKED_MONTHS = 28 * 12 + 9


def test_a_death_before_the_national_rule_is_refused_with_its_day_and_why() -> None:
    """人社部发〔2021〕18号 is in force from 2021-09-01; the Guangdong rule before it was not
    collected, so a death on 2021-08-31 is refused (module docstring), saying the death's day, the
    rule's first day and no end (the national rule is in force), and why in both languages
    (pension/death.py rule_in_force, mutants 5, 13, 14, 16, 17, 18)."""
    with pytest.raises(NotCovered) as caught:
        pension_death_benefits(date(2021, 8, 31), 480, as_of=DEATH_AS_OF)
    e = caught.value
    assert (e.param, e.on, e.covered_from, e.covered_until) == (
        "pension.death.funeral_multiple", date(2021, 8, 31), date(2021, 9, 1), None,
    )  # fmt: skip
    assert e.why_zh == "此日期前适用的广东省死亡待遇规定未收集（人社部发〔2021〕18号施行前）"
    assert e.why_en == "the Guangdong rule in force before 人社部发〔2021〕18号 took effect was not collected"


def test_a_pensioner_under_ten_years_is_refused_saying_both_figures() -> None:
    """人社部发〔2021〕18号 第五条: with 5 to 10 contribution years the months are at most 6, yet a
    pensioner's months are at least 9 — the text conflicts, so the library refuses (module
    docstring). 100 months = 8 years 4 months → 6 < 9; 12 months of pension drawn. The refusal names
    the floor's parameter and the death's day (no covered range: the table covers the day) and says
    10 years and 9 months in both languages (pension/death.py pensioner_months, mutants 13, 18,
    22–26)."""
    with pytest.raises(NotCovered) as caught:
        pension_death_benefits(DIED_2024, 100, pension_months_drawn=12, as_of=DEATH_AS_OF)
    e = caught.value
    assert (e.param, e.on, e.covered_from, e.covered_until) == (
        "pension.death.pensioner_floor_months",
        DIED_2024,
        None,
        None,
    )
    assert e.why_zh == "退休人员缴费不满10年时，按在职缴费年限确定的最高月数低于最低月数 9，文件未说明取哪一个"
    assert e.why_en == (
        "for a pensioner with under 10 contribution years the maximum months by contribution time "
        "fall below the minimum of 9; the text does not say which applies"
    )


def test_the_unchecked_own_contributions_cap_names_its_parameter_and_years() -> None:
    """人社部发〔2021〕18号: 「累计缴费不足5年的，其遗属待遇标准不得超过其个人缴费之和」 — not checked
    (no contribution record), said on the result with the 5 years and the parameter they come from
    (pension/death.py own_contributions_cap, mutants 9, 10, 12, 16, 17)."""
    r = pension_death_benefits(DIED_2024, 59, as_of=DEATH_AS_OF)
    notice = next(w for w in r.warnings if w.code == "own_contributions_cap_unchecked")
    assert notice.param == "pension.death.own_contribution_limit_years"
    assert notice.zh.startswith("累计缴费不足5年：") and notice.en.startswith("under 5 contribution years ")


@pytest.mark.parametrize("died_on", [None, 20240601, "someday"])
def test_a_death_day_that_is_no_date_is_refused_naming_died_on(died_on: Any) -> None:
    """Bad input is a bilingual InputError naming the field (project standard): a death day that is
    no date (pension/death.py pension_death_benefits, mutants 5–7, 12–16)."""
    with pytest.raises(InputError) as caught:
        pension_death_benefits(died_on, WORKED_MONTHS, as_of=DEATH_AS_OF)
    e = caught.value
    assert (e.field, e.why_zh, e.why_en) == ("died_on", "应为日期", "must be a date")


def test_a_death_after_as_of_is_refused_in_both_languages() -> None:
    """A death cannot be known before it happens (人社部发〔2021〕18号 第四条 counts from the day of
    death): 2024-06-02 known on 2024-06-01 is refused naming ``died_on``, with the words of both
    languages (pension/death.py pension_death_benefits, mutants 33–35)."""
    with pytest.raises(InputError) as caught:
        pension_death_benefits(date(2024, 6, 2), WORKED_MONTHS, as_of=date(2024, 6, 1))
    e = caught.value
    assert (e.field, e.why_zh, e.why_en) == ("died_on", "死亡日期晚于知悉日期", "died_on is after the as_of date")


def test_a_death_whose_income_is_not_published_is_projected_with_the_callers_value() -> None:
    """A death in 2025 needs the 2024 urban income, not in the tables (covered to 2024-12-31): refused
    unless asked to project. With the caller's value 60000 for 2025 (assumptions ``values``):
    60000 ÷ 12 = 5000.00 a month; funeral 5000 × 2 = 10000.00 (第四条); the worked case's 22.75
    months × 5000 = 113750.00 (第五条); projected (pension/death.py pension_death_benefits,
    mutants 68, 77, 79: the assumptions not passed on)."""
    died = date(2025, 6, 1)
    with pytest.raises(NotCovered):
        pension_death_benefits(died, WORKED_MONTHS, as_of=DEATH_AS_OF)
    assumed = {"values": {"pension.death.urban_income": {2025: 60000}}}
    r = pension_death_benefits(died, WORKED_MONTHS, as_of=DEATH_AS_OF, assumptions=assumed)
    assert (r.monthly_standard, r.funeral_grant, r.survivor_months, r.survivor_grant) == (
        Decimal("5000.00"), Decimal("10000.00"), Decimal("22.75"), Decimal("113750.00"),
    )  # fmt: skip
    assert r.projected


def test_a_funeral_multiple_that_is_no_whole_number_is_exact() -> None:
    """第四条's multiple is 2; a what-if of 2.5 (an override) keeps the line one exact division:
    59307 ÷ 12 × 2.5 = 148267.5 ÷ 12 = 12355.625 → 12355.63 (half-up, once). Kills ``d * md`` →
    ``d / md`` (pension/death.py funeral_grant 11: equivalent while the multiple is whole)."""
    r = pension_death_benefits(
        DIED_2024, WORKED_MONTHS, as_of=DEATH_AS_OF, overrides={"pension.death.funeral_multiple": "2.5"}
    )
    assert r.funeral_grant == Decimal("12355.63")


def test_months_per_further_year_and_per_year_drawn_are_multiplied() -> None:
    """第五条 adds 1 month per further year (pro rata by month) and takes 1 month off per year of
    pension drawn. What-ifs of half a month each (overrides) show they multiply, not divide:
    28y9m → 9 + 13.75 × 0.5 = 15.875 months; 4942.25 × 15.875 = 78458.21875 → 78458.22. A pensioner
    who drew 24 months: 22.75 − 2 × 0.5 = 21.75 months (above the floor 9); 4942.25 × 21.75 =
    107493.9375 → 107493.94. Kills ``* per_year`` → ``/`` (pension/death.py in_service_months 32,
    pensioner_months 30: equivalent while the tables' 1 month a year stands)."""
    further = pension_death_benefits(
        DIED_2024, WORKED_MONTHS, as_of=DEATH_AS_OF, overrides={"pension.death.survivor_months_per_year": "0.5"}
    )
    assert (further.survivor_months, further.survivor_grant) == (Decimal("15.875"), Decimal("78458.22"))
    drawn = pension_death_benefits(
        DIED_2024, WORKED_MONTHS, pension_months_drawn=24, as_of=DEATH_AS_OF,
        overrides={"pension.death.pensioner_months_per_year": "0.5"},
    )  # fmt: skip
    assert (drawn.survivor_months, drawn.survivor_grant) == (Decimal("21.75"), Decimal("107493.94"))


# ------------------------------------------------------------------------- retirement/kinds.py


def test_the_categories_are_named_as_the_state_council_names_them() -> None:
    """国发〔1978〕104号 第一条 (and 办法 第一条, the same three groups): 男职工; 女职工 whose original
    retirement age was 55 (女干部) or 50 (女工人) — named with their original age
    (retirement/kinds.py Category.zh, mutants 6 and 9)."""
    assert [c.zh for c in Category] == ["男职工", "女职工（原55周岁）", "女职工（原50周岁）"]


@pytest.mark.parametrize(
    ("kind", "field", "why_zh", "why_en"),
    [
        (
            Category,
            "category",
            "未知退休类别“robot”，可选：male（男）、female_55（女，原55岁）、female_50（女，原50岁）",
            "unknown category 'robot'; one of male, female_55, female_50",
        ),
        (
            SpecialWorkType,
            "special_type",
            "未知特殊工种类别“robot”（可选：high_altitude, heavy, underground, high_temperature, harmful）",
            "unknown special type 'robot' (high_altitude, heavy, underground, high_temperature, harmful)",
        ),
        (
            RetirementChoice,
            "choice",
            "未知退休方式“robot”（可选：statutory, flexible_early, flexible_late, special）",
            "unknown choice 'robot' (statutory, flexible_early, flexible_late, special)",
        ),
    ],
)
def test_an_unknown_code_is_refused_with_the_codes_accepted(kind: Any, field: str, why_zh: str, why_en: str) -> None:
    """Bad input is a bilingual InputError naming the field (project standard), and a coded choice
    says which codes it accepts: the three categories (国发〔1978〕104号 第一条), the five special
    work types (劳部发〔1993〕120号: 高空、特别繁重体力劳动、井下、高温、其他有害身体健康) and the four
    ways to retire (办法 第一条、第三条、第八条), each in the order of its text (retirement/kinds.py
    parse templates: SpecialWorkType.parse 13, 15, RetirementChoice.parse 13, 15)."""
    with pytest.raises(InputError) as caught:
        kind.parse("robot")
    e = caught.value
    assert (e.field, e.why_zh, e.why_en) == (field, why_zh, why_en)


@pytest.mark.parametrize("kind", [Category, SpecialWorkType, RetirementChoice])
def test_a_code_or_a_member_is_read_and_nothing_else(kind: Any) -> None:
    """Each member is read from its code and from itself; a member of another kind, a list holding
    the code and None are refused naming the kind's field (retirement/kinds.py member, parse_code)."""
    for m in kind:
        assert kind.parse(m.value) is m and kind.parse(m) is m
    other = RetirementChoice.SPECIAL if kind is not RetirementChoice else Category.MALE
    for bad in (other, [next(iter(kind)).value], None):
        with pytest.raises(InputError):
            kind.parse(bad)


# ------------------------------------------------------------------------- retirement/contribution_years.py


@pytest.fixture
def minimum_changing_on_1_february(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The shipped tables with the 2030 minimum (15.5 years, 附件4) starting on 2030-02-01 instead of
    2030-01-01 — a hypothetical change within a year, to pin the convention below."""
    files = tables_mod._toml_files(tables_mod._table_dir())
    text = files["pension/minimum_years.toml"]
    for old, new in (("until = 2029-12-31", "until = 2030-01-31"), ("since = 2030-01-01", "since = 2030-02-01")):
        assert text.count(old) == 1
        text = text.replace(old, new)
    files["pension/minimum_years.toml"] = text
    tables = tables_mod.load_all(files)
    monkeypatch.setattr(params_mod, "registry", lambda: tables.params)
    yield


def test_the_minimum_of_a_year_is_the_one_in_force_in_its_january(minimum_changing_on_1_february: None) -> None:
    """Where the texts are silent the library takes the minimum of the calendar year of retirement
    as in force in its January (retirement/contribution_years.py module docstring; 附件4 changes it
    on 1 January, so with the shipped tables any month of the year gives the same). With a change
    on 2030-02-01 the 2030 minimum is January's, 15 years (社会保险法 第十六条), not 15.5
    (retirement/contribution_years.py minimum_contribution_years: January → February)."""
    from jm_socialsec.retirement import min_contribution_years

    assert min_contribution_years(2030, as_of=date(2026, 11, 21)) == Decimal(15)
    assert min_contribution_years(2031, as_of=date(2026, 11, 21)) == Decimal(16)


# ------------------------------------------------------------------------- injury/coverage.py
# 工伤保险条例（2010年修订）, in force 2011-01-01; 广东省工伤保险条例（2011年修订）, in force 2012-01-01;
# 广东省工伤保险条例（2019年修正）, in force 2019-07-01, amending the 2011 text (its 第三十二条: the
# leaving grants of a worker drawing a pension). Titles and dates: tables/sources.toml.
INJURY_AS_OF = date(2026, 11, 1)


def _injury_refusal(call: Any) -> NotCovered:
    with pytest.raises(NotCovered) as caught:
        call()
    return caught.value


@pytest.mark.parametrize(
    ("call", "param", "on", "since", "why_zh", "why_en"),
    [
        (
            lambda: own_wage(8000, "2010-06-01", as_of=INJURY_AS_OF),
            "injury.own_wage.lower_ratio",
            date(2010, 6, 1),
            date(2011, 1, 1),
            "2011-01-01 前的工伤适用旧的广东工伤待遇规定，不在本库范围内（本库自《工伤保险条例（2010年修订）》起）",
            "injuries before 2011-01-01 fall under Guangdong's old rules, out of scope "
            "(the library starts with 工伤保险条例（2010年修订）)",
        ),
        (
            lambda: injury_benefits(
                7,
                "2011-06-01",
                8000,
                leaves_job=True,
                left_on="2011-09-01",
                city_average_wages={2010: 3000},
                as_of=INJURY_AS_OF,
            ),
            "injury.medical_lump_sum_months",
            date(2011, 6, 1),
            date(2012, 1, 1),
            "《广东省工伤保险条例（2011年修订）》自 2012-01-01 起施行；此前适用的广东标准未收录",
            "广东省工伤保险条例（2011年修订） (Guangdong's work-injury regulation) is in force from 2012-01-01; "
            "Guangdong's figures before it were not collected",
        ),
        (
            lambda: injury_benefits(
                7,
                "2018-05-01",
                8000,
                leaves_job=True,
                left_on="2018-06-01",
                draws_pension=True,
                city_average_wages={2017: 6000},
                as_of=INJURY_AS_OF,
            ),
            "injury.leaving_grants.pension_exclusion_from_grade",
            date(2018, 6, 1),
            date(2019, 7, 1),
            "2019-07-01 前终止劳动关系且已享受基本养老保险待遇的，《广东省工伤保险条例（2011年修订）》的规定未收录",
            "for an employment that ended before 2019-07-01 while the worker drew a basic pension, "
            "the rule of 广东省工伤保险条例（2011年修订） (Guangdong) was not collected",
        ),
    ],
    ids=["national", "guangdong", "pension_rule"],
)
def test_a_date_before_a_text_is_refused_naming_the_text_and_its_first_day(
    call: Any, param: str, on: date, since: date, why_zh: str, why_en: str
) -> None:
    """Refuse rather than guess: before 工伤保险条例 an injury falls under the old Guangdong rules
    (out of scope); before 广东省工伤保险条例 (2011) its figures were not collected; an employment
    that ended before the 2019 amendment while the worker drew a pension falls under the rule of
    the text it amended (the 2011 one), not collected. Each refusal says the day asked, the text's
    first day and no end, and why with the text's title, in both languages (injury/coverage.py
    _refusing_earlier, _documents_of)."""
    e = _injury_refusal(call)
    assert (e.param, e.on, e.covered_from, e.covered_until) == (param, on, since, None)
    assert (e.why_zh, e.why_en) == (why_zh, why_en)


def test_a_refusal_that_is_not_about_an_earlier_day_passes_unchanged() -> None:
    """Only a day before the table's first is refused as "before the text": a key the table does not
    have (grade 11: 工伤保险条例 第三十五至三十七条 know grades 1-10) is refused by the table's own
    words, with no covered range (injury/coverage.py _refusing_earlier: ``and`` → ``or``)."""
    at = Params(INJURY_AS_OF).at(date(2020, 1, 1))
    e = _injury_refusal(lambda: coverage.national(at, "injury.disability_lump_sum_months", "11"))
    assert (e.covered_from, e.covered_until) == (None, None)
    assert "11" in e.why_en and "not in the table" in e.why_en and "old rules" not in e.why_en


def test_a_figure_not_yet_published_on_its_first_day_is_refused_as_not_yet_known() -> None:
    """工伤保险条例（2010年修订） was published on 2010-12-20 and is in force from 2011-01-01: asked on
    2010-12-01 about 2011-01-01, its figure is not yet known — refused as such, not as a day before
    the text (injury/coverage.py _refusing_earlier: ``<`` → ``<=``)."""
    at = Params(date(2010, 12, 1)).at(date(2011, 1, 1))
    e = _injury_refusal(lambda: coverage.national(at, "injury.own_wage.lower_ratio"))
    assert e.covered_from == date(2011, 1, 1)
    assert "2010-12-20" in e.why_en and "old rules" not in e.why_en


def test_a_refusal_before_a_text_keeps_the_tables_covered_range() -> None:
    """A refusal carries the range the table covers, its end too: the 2020-2021 托底线 of grades
    1-4 (tables/injury: 2020-01-01 – 2021-12-31) asked for 2019-06-01 through the Guangdong helper
    (injury/coverage.py _refusing_earlier: ``covered_until`` dropped)."""
    at = Params(INJURY_AS_OF).at(date(2019, 6, 1))
    e = _injury_refusal(lambda: coverage.guangdong(at, "injury.disability_allowance_floor_grade1_4"))
    assert (e.covered_from, e.covered_until) == (date(2020, 1, 1), date(2021, 12, 31))
    assert "2020-01-01" in e.why_zh and "2020-01-01" in e.why_en


# ------------------------------------------------------------------------- pension/exact.py


def test_a_ratio_is_formatted_as_it_prints() -> None:
    """A shown ratio (缴费年限 208 ÷ 12 = 17.3333…, a 0.5 ÷ 0.6) prints to 4 places half-up, also in
    an f-string and with a width: 1 ÷ 2 → "0.5000", right-aligned in 8 → "  0.5000"; 208 ÷ 12 →
    "17.3333" left-aligned in 9 → "17.3333  " (pension/exact.py Ratio.__format__: the spec dropped)."""
    assert (f"{Ratio(1, 2)}", f"{Ratio(1, 2):>8}", f"{Ratio(208, 12):<9}") == ("0.5000", "  0.5000", "17.3333  ")


@pytest.mark.parametrize("year", ["2030", 2030.0, True, None])
def test_a_year_that_is_no_whole_number_is_refused_in_both_languages(year: Any) -> None:
    """Bad input is a bilingual InputError naming the field (project standard): 附件4's minimum is
    by calendar year, so ``year`` must be a whole year — a text, a float, a bool or None is refused
    with the words of both languages (retirement/api.py min_contribution_years, mutants 13, 14)."""
    from jm_socialsec.retirement import min_contribution_years

    with pytest.raises(InputError) as caught:
        min_contribution_years(year, as_of=date(2026, 11, 21))
    e = caught.value
    assert (e.field, e.why_zh, e.why_en) == ("year", "应为年份（整数）", "must be a whole year")
