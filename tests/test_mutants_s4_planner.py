"""Tests written for the surviving mutants of ``src/jm_socialsec/planner/`` (issue 14, part 3).

Each expected value is stated from the law, the planner's documented assumptions
(``planner/defaults.toml``, docs/planner.md) or a hand calculation written out in the test,
never from the code's own output. Documents: tables/sources.toml.
"""

from __future__ import annotations

import json
import re
import tomllib
import unicodedata
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import pytest

from jm_socialsec.engine.errors import InputError
from jm_socialsec.engine.html import STYLE
from jm_socialsec.planner import PlanAssumptions, RetirementPlan, WhatIf, plan_retirement

AS_OF = date(2026, 11, 30)
FEN = Decimal("0.01")
DEFAULTS = tomllib.loads(
    (Path(__file__).parents[1] / "src/jm_socialsec/planner/defaults.toml").read_text(encoding="utf-8")
)
#: docs/planner.md, "Worked example": a man born 1968-07 in 开平, 336 months at index 1.0, 100,000 yuan.
EXAMPLE: dict[str, Any] = {
    "birth": "1968-07",
    "category": "male",
    "region": "开平",
    "contribution_months": 336,
    "average_index": "1.0",
    "account_balance": "100000",
    "as_of": AS_OF,
}
#: A man born 1966-07: statutory month 2026-12 (办法 附件1: (1966-07 − 1965-01 = 18 months) // 4 + 1 = 5
#: months of delay → 60 y 5 m), i.e. the month after the projection start 2026-11.
NEAR: dict[str, Any] = {**EXAMPLE, "birth": "1966-07", "contribution_months": 150, "account_balance": "50000"}


def _fen(x: Decimal) -> Decimal:
    return x.quantize(FEN, ROUND_HALF_UP)


@pytest.fixture
def example() -> RetirementPlan:
    # built in each test (not once per module): mutmut maps a function to the tests that call it
    return plan_retirement(**EXAMPLE, what_ifs=[WhatIf(name="index 1.5", index="1.5")])


def _width(text: str) -> int:
    """Display width: CJK wide and full-width characters take two columns."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _table(text: str) -> list[str]:
    """The table's lines: from the header (after the blank line) to the legend."""
    lines = text.split("\n")
    start = lines.index("") + 1
    end = next(i for i, line in enumerate(lines) if line.startswith("* "))
    return lines[start:end]


def _cells(line: str) -> list[str]:
    return re.split(r" {2,}", line.strip())


# ---------------------------------------------------------------------------------------------
# render.py: the text table (docs/planner.md, "Worked example", its table as printed in English)

#: docs/planner.md's rows: choice, retires, age, years, divisor, basic, account, transitional, total,
#: vs statutory, catch-up months (the 过渡性调整额 is 0.00: it is for deemed time only, docs/pension.md
#: step 7, and he has none; the minimum years are met by all: 29.75+ years ≥ 15 … 20, 附件4).
DOC_ROWS = [
    row.split("|")
    for row in (
        "flexible early|2028-07|60 y 0 m|29.75|139|3,087.75|878.38|216.00|4,182.13*|−332.68|139",
        "flexible early|2029-05|60 y 10 m|30.58|133.2|3,270.28|1,002.23|220.00|4,492.51*|−22.30|202",
        "statutory|2029-06|60 y 11 m|30.67|132.6|3,279.19|1,015.62|220.00|4,514.81*|—|—",
        "flexible late|2029-07|61 y 0 m|30.75|132|3,288.10|1,029.14|220.00|4,537.24*|+22.43|202",
        "flexible late|2030-06|61 y 11 m|31.67|125.6|3,488.40|1,187.97|224.00|4,900.37*|+385.56|141",
        "flexible late|2032-06|63 y 11 m|33.67|109.7|3,935.97|1,650.31|232.00|5,818.28*|+1,303.47|125",
    )
]


def test_the_worked_example_prints_the_rows_of_docs_planner_md(example: RetirementPlan) -> None:
    """docs/planner.md, worked example: each documented row, cell by cell, in the English table
    (statutory 2029-06 by 附件1; catch-up 202 = ⌈4514.81 ÷ 22.43⌉, 139 = ⌈11 × 4182.13 ÷ 332.68⌉),
    with the adjustment 0.00 and the minimum years "met" in the two columns the docs leave out."""
    rows = {tuple(_cells(line)[:2]): _cells(line) for line in _table(example.explain("en"))[1:]}
    for doc in DOC_ROWS:
        assert rows[(doc[0], doc[1])] == [*doc[:8], "0.00", *doc[8:], "met"], doc[1]
    # the what-if: Kind.en ("what if") and its name; the same month and months as the statutory row
    what_if = rows[("what if: index 1.5", "2029-06")]
    assert what_if[:9] == ["what if: index 1.5", "2029-06", "60 y 11 m", "30.67", "132.6", "3,350.51", "1,119.37",
                           "220.00", "0.00"]  # fmt: skip
    assert what_if[9:11] == ["4,689.88*", "+175.07"]  # 4689.88 − 4514.81


def test_the_table_heads_its_columns_in_both_languages(example: RetirementPlan) -> None:
    """The columns (render.COLUMNS, docs/planner.md's table), Chinese and English."""
    assert _cells(_table(example.explain("en"))[0]) == [
        "choice", "retires", "age", "years", "divisor", "basic", "account", "transitional", "adjustment", "total",
        "vs statutory", "catch-up months", "minimum years",
    ]  # fmt: skip
    zh = _table(example.explain("zh"))
    assert _cells(zh[0]) == [
        "方案", "退休年月", "年龄", "缴费年限", "计发月数", "基础养老金", "个人账户养老金", "过渡性养老金",
        "调整额", "合计", "较法定", "追平月数", "最低年限",
    ]  # fmt: skip
    statutory = next(_cells(line) for line in zh if line.startswith("法定退休"))
    assert statutory == [
        "法定退休", "2029-06", "60岁11个月", "30.67", "132.6", "3,279.19", "1,015.62", "220.00", "0.00",
        "4,514.81*", "—", "—", "满足",
    ]  # fmt: skip
    early = next(_cells(line) for line in zh if line.startswith("弹性提前"))
    assert early[:3] == ["弹性提前", "2028-07", "60岁"] and early[-3:] == ["−332.68", "139", "满足"]
    late = next(_cells(line) for line in zh if line.startswith("弹性延迟"))
    assert late[:3] == ["弹性延迟", "2029-07", "61岁"] and late[-3:] == ["+22.43", "202", "满足"]
    assert any(line.startswith("假设：index 1.5  ") for line in zh)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_columns_are_aligned_wide_characters_counting_twice(example: RetirementPlan, lang: str) -> None:
    """render.table: every line as wide as the others (a CJK character takes two columns), two
    spaces between columns; the words (choice, month, age, minimum) left-aligned, figures right-aligned."""
    table = _table(example.explain(lang))
    assert len({_width(line) for line in table}) == 1
    head, statutory = table[0], next(line for line in table if "2029-06" in line)
    # a figure ends where its heading ends; a word starts where its heading starts
    total_head = "合计" if lang == "zh" else "total"
    end = _width(head[: head.index(total_head) + len(total_head)])
    assert _width(statutory[: statutory.index("4,514.81*") + len("4,514.81*")]) == end
    month_head = "退休年月" if lang == "zh" else "retires"
    assert _width(head[: head.index(month_head)]) == _width(statutory[: statutory.index("2029-06")])
    age_head, age = ("年龄", "60岁11个月") if lang == "zh" else ("age", "60 y 11 m")
    assert _width(head[: head.index(age_head)]) == _width(statutory[: statutory.index(age)])
    years_head = "缴费年限" if lang == "zh" else "years"
    end = _width(head[: head.index(years_head) + len(years_head)])
    assert _width(statutory[: statutory.index("30.67") + len("30.67")]) == end
    assert not head.startswith(" ") and "   " not in head.split("  ")[0]
    # the last column (minimum years) is left-aligned: padded on the right
    met = "满足" if lang == "zh" else "met"
    assert statutory.rstrip().endswith(met) and (lang == "zh" or statutory.endswith(met + " " * 10))


def test_the_text_says_who_the_rules_day_and_the_statutory_month(example: RetirementPlan) -> None:
    """render.text: the title with the rules' day, who and the state today, the statutory month
    and the horizon (born 1968-07 + 80 years, defaults.toml horizon_age = 80 → 2048-07)."""
    zh, en = example.explain("zh").split("\n"), example.explain("en").split("\n")
    assert en[:4] == [
        "Retirement plan (rules as known on 2026-11-30)",
        "born 1968-07, male, kaiping; projected from 2026-11: 336 months so far, average index 1.0, "
        "account 100,000.00 yuan",
        "statutory month 2029-06; cumulative pension to 2048-07",
        "Assumptions (not fixed by law; change them):",
    ]
    assert zh[:4] == [
        "退休规划（依 2026-11-30 知悉的规定）",
        "出生 1968-07，男职工，开平市；2026-11 起推算：已缴费 336 个月，平均缴费指数 1.0，个人账户 100,000.00 元",
        "法定退休年月 2029-06；累计领取额计至 2048-07",
        "假设（法律未规定，可更改）：",
    ]
    assert str(example) == example.explain("zh") == example.explain()


def test_the_default_assumptions_are_shown_with_the_reasons_of_defaults_toml(example: RetirementPlan) -> None:
    """planner/defaults.toml: the crediting rate 0.0262 (2.62%) and the horizon age 80, each with
    its reason; the index ahead continues the average so far (1.0); no gap. Each marked default."""
    en, zh = example.explain("en").split("\n"), example.explain("zh").split("\n")
    rate, horizon = DEFAULTS["crediting_rate"], DEFAULTS["horizon_age"]
    assert en[4:9] == [
        "· contribution index ahead = 1.0 [default: the average index so far, continued]",
        f"· account crediting rate (a year) = 2.62% [default: {rate['en']}]",
        "· gaps in contributions = — [default]",
        f"· cumulative pension up to age = 80 [default: {horizon['en']}]",
        "",
    ]
    assert zh[4:9] == [
        "· 今后缴费指数 = 1.0〔默认：沿用至今的平均缴费指数〕",
        f"· 个人账户记账利率（每年） = 2.62%〔默认：{rate['zh']}〕",
        "· 缴费中断 = —〔默认〕",
        f"· 累计领取额计至 = 80〔默认：{horizon['zh']}〕",
        "",
    ]


GIVEN = PlanAssumptions(
    index=Decimal("1.2"),
    index_by_year={2029: Decimal("1.4"), 2028: Decimal("1.3")},
    crediting_rate=Decimal("0.02"),
    crediting_by_year={2031: Decimal("0.01"), 2030: Decimal("0.03")},
    gaps=({"months": 12, "start": "2027-01"}, {"months": 3}),
    horizon_age=85,
)


def test_assumptions_the_caller_gave_are_shown_as_given() -> None:
    """The caller's assumptions are shown with their values and "给定 / given"; the years' values in
    brackets, in the order of the years, "; " between them; rates as percentages (0.02 → 2%,
    0.03 → 3%); a gap as start ×months (→: the start)."""
    plan = plan_retirement(**EXAMPLE, assumptions=GIVEN)
    en, zh = plan.explain("en").split("\n"), plan.explain("zh").split("\n")
    horizon = DEFAULTS["horizon_age"]
    assert en[2] == "statutory month 2029-06; cumulative pension to 2053-07"  # 1968-07 + 85 years
    assert en[4:8] == [
        "· contribution index ahead = 1.2 (2028: 1.3; 2029: 1.4) [given: the caller's]",
        "· account crediting rate (a year) = 2% (2030: 3%; 2031: 1%) [given: the caller's]",
        "· gaps in contributions = 2027-01 ×12; → ×3 [given]",
        f"· cumulative pension up to age = 85 [given: {horizon['en']}]",
    ]
    assert zh[4:8] == [
        "· 今后缴费指数 = 1.2 (2028: 1.3; 2029: 1.4)〔给定：调用方给定〕",
        "· 个人账户记账利率（每年） = 2% (2030: 3%; 2031: 1%)〔给定：调用方给定〕",
        "· 缴费中断 = 2027-01 ×12; → ×3〔给定〕",
        f"· 累计领取额计至 = 85〔给定：{horizon['zh']}〕",
    ]
    shown = {s.name: s for s in plan.assumptions}
    assert [s.default for s in plan.assumptions] == [False, False, False, False]
    assert (shown["index"].label_en, shown["gaps"].why_en, shown["gaps"].why_zh) == ("contribution index ahead", "", "")


def test_a_wage_by_year_alone_is_shown_and_makes_the_index_given() -> None:
    """A year's wage (wage_by_year) is a given assumption of the index line, even with the index
    ahead left at its default (the average so far)."""
    plan = plan_retirement(
        **EXAMPLE, assumptions={"wage_by_year": {2028: "12000"}, "crediting_by_year": {2029: "0.01"}}
    )
    en = plan.explain("en").split("\n")
    assert en[4] == "· contribution index ahead = 1.0 (2028: 12000) [given: the average index so far, continued]"
    assert en[5] == f"· account crediting rate (a year) = 2.62% (2029: 1%) [given: {DEFAULTS['crediting_rate']['en']}]"


def test_the_legend_and_the_warnings_close_the_text(example: RetirementPlan) -> None:
    """After the table: the legend (*, †, catch-up months), then "Warnings:" / "注意：" and each
    warning on its own line, "  ! " before it, in the plan's order."""
    for lang, legend, head in (
        ("en", "* rests on a figure not yet published, projected under the assumptions; † provisional "
               "(previous year's figure, recalculated); catch-up months: months of the later choice's pension "
               "until its cumulative pension reaches the earlier one's", "Warnings:"),
        ("zh", "* 依赖尚未公布、按假设预测的数字；† 预发（按上一年数字暂发，公布后重算）；"
               "追平月数：较晚方案领取多少个月后累计领取额追上较早方案",
         "注意："),
    ):  # fmt: skip
        lines = example.explain(lang).split("\n")
        at = lines.index(legend)
        assert lines[at + 1] == head
        said = [w.zh if lang == "zh" else w.en for w in example.warnings]
        assert lines[at + 2 :] == [f"  ! {w}" for w in said] and said


# ---------------------------------------------------------------------------------------------
# render.py: the page and JSON


def test_the_page_says_the_same_in_one_language(example: RetirementPlan) -> None:
    """render.html (the notebook view): title with the rules' day and the 预计 / projected badge (every
    row from 2028 rests on a projected pension base), warnings first, who, the assumptions as a list,
    the table with its headings, figures in right-aligned cells, the statutory row in bold, the total's
    "*" replaced by the badge, the legend."""
    page = example.to_html("en")
    badge = "<span class='jm-badge jm-projected' title=''>projected</span>"
    assert page.startswith(f"<div class='jm-socialsec' lang='en'>{STYLE}<h4>Retirement plan ")
    assert f"<span class='jm-asof'>rules as known on 2026-11-30</span>{badge}</h4><div class='jm-warnings'" in page
    assert page.endswith("</table><p><small>* rests on a figure not yet published, projected under the assumptions; "
                         "† provisional (previous year&#x27;s figure, recalculated); catch-up months: months of the "
                         "later choice&#x27;s pension until its cumulative pension reaches the earlier one&#x27;s"
                         "</small></p></div>")  # fmt: skip
    assert (
        "<p>born 1968-07, male, kaiping; projected from 2026-11: 336 months so far, average index 1.0, account "
        "100,000.00 yuan<br>statutory month 2029-06; cumulative pension to 2048-07</p>"
        "<div><b>Assumptions (not fixed by law; change them)</b><ul>"
        "<li>contribution index ahead = 1.0 [default: the average index so far, continued]</li>"
    ) in page
    assert "<li>gaps in contributions = — [default]</li>" in page
    assert "<table><thead><tr><th>choice</th><th>retires</th><th>age</th><th>years</th><th>divisor</th>" in page
    assert "<th>catch-up months</th><th>minimum years</th></tr></thead><tbody><tr><td>flexible early</td>" in page
    statutory = (
        "<tr style='font-weight:600'><td>statutory</td><td>2029-06</td><td>60 y 11 m</td>"
        "<td class=jm-num>30.67</td><td class=jm-num>132.6</td><td class=jm-num>3,279.19</td>"
        "<td class=jm-num>1,015.62</td><td class=jm-num>220.00</td><td class=jm-num>0.00</td>"
        f"<td class=jm-num>4,514.81{badge}</td><td class=jm-num>—</td><td class=jm-num>—</td><td>met</td></tr>"
    )
    assert statutory in page and page.count("<tr style='font-weight:600'>") == 1
    assert "<tr><td>flexible late</td><td>2029-07</td><td>61 y 0 m</td>" in page
    assert "<td class=jm-num>+22.43</td><td class=jm-num>202</td><td>met</td></tr>" in page
    zh = example.to_html("zh")
    assert zh.startswith(
        f"<div class='jm-socialsec' lang='zh-CN'>{STYLE}<h4>退休规划 <span class='jm-asof'>依 2026-11-30"
    )
    assert "<th>方案</th><th>退休年月</th>" in zh and "<b>假设（法律未规定，可更改）</b>" in zh and "<b>注意</b>" in zh
    assert "<td class=jm-num>4,514.81<span class='jm-badge jm-projected' title=''>预计</span></td>" in zh
    assert example._repr_html_() == zh
    with pytest.raises(Exception) as e:
        example.to_html("fr")
    assert getattr(e.value, "field", None) == "lang"


def test_json_gives_exact_decimals_and_money_with_two_decimals(example: RetirementPlan) -> None:
    """render.to_json: months "YYYY-MM", money with at least two decimals, rates and indexes exact,
    the labels in both languages, the assumptions and the warnings as objects. The statutory row
    (docs/planner.md): 368 months, index 1.0000, account 134670.70, base 10693 (9493 grown 3.02% for
    4 years), total 4514.81; cumulative 4514.81 × (2048-07 − 2029-06 = 229 months) = 1033891.49."""
    data = json.loads(json.dumps(example.to_json()))
    assert {k: data[k] for k in ("as_of", "birth", "category", "region", "start", "contribution_months")} == {
        "as_of": "2026-11-30", "birth": "1968-07", "category": "male", "region": "kaiping", "start": "2026-11",
        "contribution_months": 336,
    }  # fmt: skip
    assert (data["average_index"], data["account_balance"], data["statutory_month"]) == ("1.0", "100000.00", "2029-06")
    assert (data["horizon"], data["projecting"]) == ("2048-07", True)
    stat = next(r for r in data["rows"] if r["kind"] == "statutory")
    assert stat == {
        "kind": "statutory", "what_if": None, "choice": "statutory", "retirement_month": "2029-06", "age": [60, 11],
        "contribution_months": 368, "contribution_years": stat["contribution_years"], "average_index": "1.0000",
        "account_balance": "134670.70", "min_contribution_years": "15", "eligible": True, "missing_months": 0,
        "top_up_months": 0, "annuity_months": "132.6", "base": "10693.00", "basic": "3279.19", "account": "1015.62",
        "transitional": "220.00", "adjustment": "0.00", "total": "4514.81", "difference": None,
        "catch_up_months": None, "cumulative": "1033891.49", "projected": True, "provisional": False,
        "label_zh": "法定退休", "label_en": "statutory",
    }  # fmt: skip
    assert Decimal(stat["contribution_years"]).quantize(FEN) == Decimal("30.67")  # 368 ÷ 12
    late = next(r for r in data["rows"] if r["retirement_month"] == "2029-07")
    assert (late["difference"], late["catch_up_months"], late["label_en"]) == ("22.43", 202, "flexible late")
    early = data["rows"][0]
    assert (early["difference"], early["label_zh"], early["choice"]) == ("-332.68", "弹性提前", "flexible_early")
    what_if = data["rows"][-1]
    assert (what_if["what_if"], what_if["label_zh"], what_if["label_en"]) == ("index 1.5", "假设：index 1.5",
                                                                              "what if: index 1.5")  # fmt: skip
    assert data["assumptions"][0] == {
        "name": "index", "label_zh": "今后缴费指数", "label_en": "contribution index ahead", "value": "1.0",
        "default": True, "why_zh": "沿用至今的平均缴费指数", "why_en": "the average index so far, continued",
    }  # fmt: skip
    assert [a["name"] for a in data["assumptions"]] == ["index", "crediting_rate", "gaps", "horizon_age"]
    assert data["warnings"] == [w.model_dump(mode="json") for w in example.warnings]
    assert {"code", "zh", "en", "param"} <= set(data["warnings"][0])


# ---------------------------------------------------------------------------------------------
# rows.py / path.py: a lump-sum top-up, by hand


def _near_plan() -> RetirementPlan:
    return plan_retirement(**{**NEAR, "average_index": "0.8"}, assumptions={"index": "1.2"},
                           what_ifs=[WhatIf(name="补缴", top_up=True)])  # fmt: skip


def test_a_lump_sum_top_up_at_the_statutory_month_by_hand() -> None:
    """Born 1966-07 → statutory 2026-12 (附件1); 150 months at index 0.8 today, index 1.2 ahead.

    Path (planner/path.py; the 2025 average wage is not out on 2026-11-30, the 2024 one, 9183,
    stands in — 粤人社发〔2025〕32号 — and the limits 4775 … 27549 of 2025-07 stand): base
    1.2 × 9183 = 11019.60, 8% = 881.568 → 881.57 a month (国发〔2005〕38号). Nov and Dec:
    152 months, index (150 × 0.8 + 2 × 1.2) ÷ 152 = 122.4 ÷ 152 = 0.80526… → 0.8053; balance
    50000 + 2 × 881.57 = 51763.14, interest at 2.62% (defaults.toml) on the month balances
    (50881.57 + 51763.14) × 0.0262 ÷ 12 = 224.1076… → 224.11: 51987.25. 15 years = 180 months
    (附件4): 28 short.

    Top-up of 28 months at 2026-12's contribution (rows.top_up): 180 months, index
    (122.4 + 28 × 1.2) ÷ 180 = 156 ÷ 180 = 0.86666… → 0.8667, balance 51987.25 + 28 × 881.57 =
    76671.21. Pension (the 2026 base not out: 2025's 9493, 预发): basic 9493 × (1 + 0.8667) ÷ 2 × 15
    × 1% = 1329.04373… → 1329.04; account 76671.21 ÷ 136.1 (计发月数 at 60 y 5 m) = 563.3447… →
    563.34; transitional 100 + 4 × 15 = 160; total 2052.38; cumulative to 80 (2046-07): 235 months
    × 2052.38 = 482309.30."""
    plan = _near_plan()
    stat, topped = plan.statutory, plan.rows[-1]
    assert (stat.contribution_months, stat.average_index, stat.account_balance) == (152, Decimal("0.8053"),
                                                                                    Decimal("51987.25"))  # fmt: skip
    assert (stat.eligible, stat.missing_months, stat.top_up_months, stat.total) == (False, 28, 0, None)
    assert (stat.cumulative, stat.difference, stat.catch_up_months) == (None, None, None)
    assert (topped.what_if, topped.top_up_months, topped.contribution_months) == ("补缴", 28, 180)
    assert (topped.average_index, topped.account_balance) == (Decimal("0.8667"), Decimal("76671.21"))
    assert (topped.base, topped.basic, topped.account) == (Decimal(9493), Decimal("1329.04"), Decimal("563.34"))
    assert (topped.transitional, topped.total, topped.cumulative) == (Decimal(160), Decimal("2052.38"),
                                                                      Decimal("482309.30"))  # fmt: skip
    assert topped.eligible and topped.provisional and not topped.projected
    assert (topped.difference, topped.catch_up_months) == (None, None)  # the statutory row has no amount
    assert 9493 * (1 + Decimal("0.8667")) / 2 * 15 / 100 == Decimal("1329.0437325")  # the hand figure above


def test_the_short_and_the_topped_up_rows_as_printed() -> None:
    """render.cells: a row short of the minimum says how many months short instead of a total, and
    "not met (15 y)" (附件4: 15 years in 2026); the topped-up what-if names the lump sum in its label;
    "†" marks the provisional total (the 2026 base not yet published, 2025's paid on account)."""
    plan = _near_plan()
    en = {tuple(_cells(line)[:2]): _cells(line) for line in _table(plan.explain("en"))[1:]}
    assert en[("statutory", "2026-12")] == ["statutory", "2026-12", "60 y 5 m", "12.67", "—", "—", "—", "—", "—",
                                            "28 months short", "—", "—", "not met (15 y)"]  # fmt: skip
    assert en[("flexible late", "2027-01")][9] == "27 months short"
    assert en[("what if: 补缴 (lump sum for 28 months)", "2026-12")] == [
        "what if: 补缴 (lump sum for 28 months)", "2026-12", "60 y 5 m", "15.00", "136.1", "1,329.04", "563.34",
        "160.00", "0.00", "2,052.38†", "—", "—", "met"]  # fmt: skip
    zh = {tuple(_cells(line)[:2]): _cells(line) for line in _table(plan.explain("zh"))[1:]}
    assert zh[("法定退休", "2026-12")][9:] == ["差 28 个月", "—", "—", "未满足（15 年）"]
    assert zh[("假设：补缴（一次性补缴 28 个月）", "2026-12")][9:] == ["2,052.38†", "—", "—", "满足"]
    page = plan.to_html("en")
    assert "<td class=jm-num>2,052.38<span class='jm-badge jm-provisional' title=''>provisional</span></td>" in page
    assert "<td class=jm-num>28 months short</td>" in page and "<td>not met (15 y)</td>" in page
    row = json.loads(json.dumps(plan.to_json()))["rows"][-1]
    assert (row["top_up_months"], row["provisional"], row["total"], row["base"]) == (28, True, "2052.38", "9493.00")


def test_a_what_if_that_changes_nothing_differs_by_zero_and_never_needs_catching_up() -> None:
    """A what-if with no change at the statutory month is the statutory row again: difference 0
    ("±0.00"), no catch-up ("—", the same month); the statutory row compares with nothing ("—")."""
    plan = plan_retirement(**EXAMPLE, what_ifs=[{"name": "same"}])
    same, stat = plan.rows[-1], plan.statutory
    assert (same.total, same.difference, same.catch_up_months) == (stat.total, Decimal(0), None)
    assert same.cumulative == stat.cumulative == Decimal("4514.81") * 229
    cells = _cells(next(line for line in _table(plan.explain("en")) if line.startswith("what if: same")))
    assert cells[9:] == ["4,514.81*", "±0.00", "—", "met"]


def test_a_row_is_projected_when_its_pension_base_is_even_with_no_contribution_on_the_path() -> None:
    """A gap over the whole path (no contribution month: no limit or average wage read on the way)
    still leaves every row from 2028 resting on a projected pension base (the 2028 base is not out
    on 2026-11-30, 粤人社发〔2025〕32号 being the last): each row is marked projected. The balance earns
    interest only (defaults.toml: 2.62%, credited at the year end, planner/path.py):
    2026: 100000 × 2 months × 0.0262 ÷ 12 = 436.666… → 436.67, 100436.67;
    2027: 100436.67 × 12 × 0.0262 ÷ 12 = 2631.440… → 2631.44, 103068.11;
    2028-07 (earliest month, 60 y): 103068.11 × 7 × 0.0262 ÷ 12 = 1575.224… → 1575.22, 104643.33."""
    plan = plan_retirement(**EXAMPLE, assumptions={"gaps": [{"months": 200}]})
    assert plan.rows and all(r.projected for r in plan.rows) and plan.projected
    first = plan.rows[0]
    assert (str(first.retirement_month), first.contribution_months) == ("2028-07", 336)
    y2026 = Decimal(100000) + _fen(Decimal(100000) * 2 * Decimal("0.0262") / 12)
    y2027 = y2026 + _fen(y2026 * 12 * Decimal("0.0262") / 12)
    assert (y2026, y2027) == (Decimal("100436.67"), Decimal("103068.11"))
    assert first.account_balance == y2027 + _fen(y2027 * 7 * Decimal("0.0262") / 12) == Decimal("104643.33")


def test_a_row_after_the_horizon_adds_up_nothing() -> None:
    """rows.py: the cumulative pension counts the months from the month after retirement to the
    horizon age, never fewer than none. Horizon age 61: born 1968-07 → 2029-07. The statutory row
    (2029-06, 4514.81: docs/planner.md) adds one month; 2029-07 itself none; a later month none."""
    plan = plan_retirement(**EXAMPLE, assumptions={"horizon_age": 61})
    by_month = {str(r.retirement_month): r for r in plan.rows}
    assert by_month["2029-06"].cumulative == Decimal("4514.81")
    assert by_month["2029-07"].cumulative == 0 and by_month["2032-06"].cumulative == 0
    assert by_month["2028-07"].cumulative == Decimal("4182.13") * 12  # 2028-07 → 2029-07


# ---------------------------------------------------------------------------------------------
# candidates.py: which months are in the table

SPECIAL: dict[str, Any] = {**EXAMPLE, "birth": "1972-01", "contribution_months": 300, "average_index": "1.2",
                           "account_balance": "90000"}  # fmt: skip


def test_the_special_type_month_heads_the_table_when_the_years_qualify() -> None:
    """办法第八条 and 附件1: a man in 井下作业 may retire at 55 plus the delay of his cohort — born
    1972-01, (1972-01 − 1970-01 = 24 months) // 4 + 1 = 7 months → 55 y 7 m → 2027-08; 井下 needs 9
    years (劳部发〔1993〕120号, tables/retirement): 9 qualify, 8.9 do not; a type without years
    gives no special row. The statutory month: (1972-01 − 1965-01 = 84) // 4 + 1 = 22 → 61 y 10 m →
    2033-11; the early window from 60 (2032-01). Rows in the order of the months."""
    plan = plan_retirement(**SPECIAL, special_type="underground", special_years=9)
    first = plan.rows[0]
    assert (first.kind.value, str(first.retirement_month), first.choice.value) == ("special", "2027-08", "special")
    assert (first.contribution_months, first.label_en, first.label_zh) == (310, "special", "特殊工种")  # 300 + 10
    assert str(plan.rows[1].retirement_month) == "2032-01" and str(plan.statutory_month) == "2033-11"
    assert [r.retirement_month for r in plan.rows] == sorted(r.retirement_month for r in plan.rows)
    for years in ("8.9", None):
        other = plan_retirement(**SPECIAL, special_type="underground", special_years=years)
        assert _kinds(other) == {"flexible_early", "statutory", "flexible_late"}, years


def _kinds(plan: RetirementPlan) -> set[str]:
    return {r.kind.value for r in plan.rows}


def test_a_special_month_before_the_projection_start_is_left_out() -> None:
    """The special month 2027-08 (above) is in the table when the projection starts in it, and
    left out when it starts a month later (a month in the past is no choice)."""
    at = plan_retirement(**SPECIAL, special_type="underground", special_years=9, assumptions={"start": "2027-08"})
    assert (at.rows[0].kind.value, str(at.rows[0].retirement_month)) == ("special", "2027-08")
    after = plan_retirement(**SPECIAL, special_type="underground", special_years=9, assumptions={"start": "2027-09"})
    assert "special" not in _kinds(after)


def test_an_early_month_in_the_past_is_left_out_and_the_start_month_kept() -> None:
    """Born 1966-07: the early window opens at the original age 60 (2026-07, 办法第三条) and the
    statutory month is 2026-12; from a start of 2026-11 the early months 2026-07 … 2026-10 are past,
    2026-11 stays. Then the statutory month and 36 late months (2027-01 … 2029-12)."""
    plan = plan_retirement(**{**NEAR, "contribution_months": 300})
    months = [(r.kind.value, str(r.retirement_month)) for r in plan.rows]
    assert months[:3] == [("flexible_early", "2026-11"), ("statutory", "2026-12"), ("flexible_late", "2027-01")]
    assert months[-1] == ("flexible_late", "2029-12") and len(months) == 2 + 36


def test_a_what_if_at_another_month_is_the_choice_that_month_amounts_to() -> None:
    """A what-if at a month before the statutory one is a flexible-early choice, after it a
    flexible-late one (办法第三条), with the amounts of the plain row of that month (docs/planner.md:
    2028-07 4182.13, −332.68, 139 months; 2030-06 4900.37, +385.56, 141 months); before the
    projection start it is refused naming its place, with both months in both languages."""
    plan = plan_retirement(**EXAMPLE, what_ifs=[{"name": "a", "month": "2028-07"}, {"name": "b", "month": "2030-06"}])
    a, b = plan.rows[-2:]
    assert (a.choice.value, a.kind.value, str(a.retirement_month)) == ("flexible_early", "what_if", "2028-07")
    assert (a.total, a.difference, a.catch_up_months) == (Decimal("4182.13"), Decimal("-332.68"), 139)
    assert (b.choice.value, b.total, b.difference, b.catch_up_months) == ("flexible_late", Decimal("4900.37"),
                                                                          Decimal("385.56"), 141)  # fmt: skip
    with pytest.raises(InputError) as e:
        plan_retirement(**EXAMPLE, what_ifs=[{"name": "ok"}, {"name": "past", "month": "2026-10"}])
    assert e.value.field == "what_ifs[1].month"
    assert e.value.why_zh == "假设“past”的退休年月 2026-10 早于推算起点 2026-11"
    assert e.value.why_en == "what-if 'past': the month 2026-10 is before the projection start 2026-11"
    at_start = plan_retirement(**{**NEAR, "contribution_months": 300}, what_ifs=[{"name": "now", "month": "2026-11"}])
    assert str(at_start.rows[-1].retirement_month) == "2026-11" and at_start.rows[-1].choice.value == "flexible_early"


def test_a_top_up_before_the_statutory_month_is_refused_in_both_languages() -> None:
    """一次性缴费至最低缴费年限 only from the statutory month (2029-06 here); at it, it is allowed."""
    with pytest.raises(InputError) as e:
        plan_retirement(**EXAMPLE, what_ifs=[{"name": "x", "top_up": True, "month": "2029-05"}])
    assert e.value.field == "what_ifs[0].top_up"
    assert e.value.why_zh == "一次性缴费至最低缴费年限只能在达到法定退休年龄（2029-06）后办理"
    assert (
        e.value.why_en == "a lump-sum top-up to the minimum years is only possible from the statutory month (2029-06)"
    )
    ok = plan_retirement(**EXAMPLE, what_ifs=[{"name": "x", "top_up": True, "month": "2029-06"}])
    assert ok.rows[-1].top_up_months == 0 and ok.rows[-1].total == Decimal("4514.81")  # nothing missing


# ---------------------------------------------------------------------------------------------
# path.py: the contribution windows, by hand on published figures


def _path_from(
    a: PlanAssumptions, start: str, until: str, months: int = 120, index: str = "0.5", balance: str = "0"
) -> Any:
    from jm_socialsec.engine.months import YearMonth
    from jm_socialsec.planner.path import Contributions, PlanParams, Today, project_path

    params = PlanParams(AS_OF, None, a)
    today = Today(YearMonth(1968, 7), YearMonth.of(start), months, Decimal(index), Decimal(balance))
    return project_path(Contributions(params, a, Decimal(index)), today, a, YearMonth.of(until))


def test_each_month_contributes_on_its_july_to_june_window_and_the_previous_years_wage() -> None:
    """Index 0.3 from 2024-07, crediting 0: the wage 0.3 × the previous year's average is below the
    lower limit, so each month's base is the limit of its window (tables/pension/contributions.toml,
    粤人社发 notices: 2024-07 … 2025-06 4492, 2025-07 … 2026-06 4775) and its index that limit ÷ the
    previous year's provincial average monthly wage (tables/wages: 2023 9167 for 2024's months,
    2024 9183 for 2025's). 8% to the account (国发〔2005〕38号): 4492 × 8% = 359.36, 4775 × 8% = 382.00.

    2024-07 … 2025-06: 12 × 359.36 = 4312.32, 132 months, index sum 60 + 6 × 4492/9167 + 6 × 4492/9183;
    2025-07 adds 382.00 (4694.32, 133 months) and 4775/9183."""
    from fractions import Fraction

    from jm_socialsec.engine.months import YearMonth

    a = PlanAssumptions(index=Decimal("0.3"), crediting_rate=Decimal(0))
    path = _path_from(a, "2024-07", "2025-08")
    dec, june, july = (path.at(YearMonth.of(m)) for m in ("2024-12", "2025-06", "2025-07"))
    assert (dec.months, dec.balance) == (126, Decimal("2156.16"))  # 6 × 359.36
    assert (june.months, june.balance, july.months, july.balance) == (132, Decimal("4312.32"), 133,
                                                                      Decimal("4694.32"))  # fmt: skip
    sums = {
        "2024-12": 60 + 6 * Fraction(4492, 9167),
        "2025-06": 60 + 6 * Fraction(4492, 9167) + 6 * Fraction(4492, 9183),
        "2025-07": 60 + 6 * Fraction(4492, 9167) + 6 * Fraction(4492, 9183) + Fraction(4775, 9183),
    }
    for point, (month, total) in zip((dec, june, july), sums.items(), strict=True):
        exact = total / point.months
        expected = (Decimal(exact.numerator) / Decimal(exact.denominator)).quantize(Decimal("0.0001"), ROUND_HALF_UP)
        assert point.index == expected, month
    # 62.9401… ÷ 126 = 0.49952…, 65.8751… ÷ 132 = 0.49905…, 66.3951… ÷ 133 = 0.49921…
    assert (dec.index, june.index, july.index) == (Decimal("0.4995"), Decimal("0.4991"), Decimal("0.4992"))
    assert not july.projected  # every figure read was published


def test_a_caller_wage_wins_over_an_index_and_an_index_of_a_year_over_the_index_ahead() -> None:
    """planner/path.py (docs/planner.md, "What the planner assumes"): the year's wage if given, else
    the year's index, else the index ahead. 2024-07 … 2024-12 on published figures (average 9167,
    limits 4492 … 27501): wage 10000 in 2024 → base 10000, 800.00 a month, index 10000 ÷ 9167;
    without it, the 2024 index 2.0 → 2 × 9167 = 18334, 1466.72 a month, index 2.0; the index ahead
    1.0 alone → 9167, 733.36."""
    from jm_socialsec.engine.months import YearMonth

    dec = YearMonth(2024, 12)
    wage = PlanAssumptions(index=Decimal(1), index_by_year={2024: Decimal(2)}, wage_by_year={2024: Decimal(10000)},
                           crediting_rate=Decimal(0))  # fmt: skip
    assert _path_from(wage, "2024-07", "2024-12").at(dec).balance == Decimal("4800.00")
    by_year = PlanAssumptions(index=Decimal(1), index_by_year={2024: Decimal(2)}, crediting_rate=Decimal(0))
    point = _path_from(by_year, "2024-07", "2024-12").at(dec)
    assert (point.balance, point.index) == (Decimal("8800.32"), Decimal("0.5714"))  # (60 + 6 × 2) ÷ 126 = 0.571428…
    ahead = PlanAssumptions(index=Decimal(1), crediting_rate=Decimal(0))
    assert _path_from(ahead, "2024-07", "2024-12").at(dec).balance == Decimal("4400.16")  # 6 × 733.36


def test_an_index_outside_its_band_is_refused_naming_the_year_or_the_index_ahead() -> None:
    """An index ahead must be above 0 and at most the table's ceiling (pension.max_average_index = 3,
    粤人社 notices: 300% of the average): 3 is accepted, 3.01 refused naming ``assumptions.index``;
    a year's index of 3.5 names ``assumptions.index_by_year[2027]``; in both languages with the figures."""
    from jm_socialsec.engine.months import YearMonth

    ok = _path_from(PlanAssumptions(index=Decimal(3), crediting_rate=Decimal(0)), "2024-07", "2024-07")
    assert ok.at(YearMonth(2024, 7)).balance == Decimal("2200.08")  # min(3 × 9167 = 27501, 27501) × 8%
    with pytest.raises(InputError) as e:
        _path_from(PlanAssumptions(index=Decimal("3.01")), "2024-07", "2024-07")
    assert e.value.field == "assumptions.index"
    assert (e.value.why_zh, e.value.why_en) == (
        "缴费指数 3.01 应大于0且不超过3",
        "a contribution index of 3.01 must be above 0 and at most 3",
    )
    with pytest.raises(InputError) as e:
        plan_retirement(**EXAMPLE, assumptions={"index_by_year": {2027: "3.5"}})
    assert e.value.field == "assumptions.index_by_year[2027]"
    with pytest.raises(InputError) as e:
        plan_retirement(**EXAMPLE, assumptions={"index": "0"})
    assert e.value.field == "assumptions.index"


def test_a_month_past_the_projected_path_is_refused_naming_it() -> None:
    """Path.at: a month after the last one projected is no point of the path (both months said)."""
    from jm_socialsec.engine.months import YearMonth

    path = _path_from(PlanAssumptions(), "2026-11", "2027-01")
    with pytest.raises(InputError) as e:
        path.at(YearMonth(2027, 2))
    assert e.value.field == "retirement_month"
    assert e.value.why_zh == "退休年月 2027-02 超出推算范围（至 2027-01）"
    assert e.value.why_en == "the retirement month 2027-02 is past the projected path (to 2027-01)"
    with pytest.raises(InputError) as e:
        path.at(YearMonth(2026, 10))
    assert e.value.why_zh == "退休年月 2026-10 早于推算起点 2026-11"
    assert e.value.why_en == "the retirement month 2026-10 is before the projection start 2026-11"
    assert path.at(YearMonth(2027, 1)).month == YearMonth(2027, 1)


def test_with_no_month_at_all_the_index_is_todays() -> None:
    """No contribution month so far and a gap from the start: the index stays the one given today
    (there is nothing to average), the months 0, the balance 0 (crediting on nothing)."""
    from jm_socialsec.engine.months import YearMonth
    from jm_socialsec.planner import Gap

    point = _path_from(PlanAssumptions(gaps=(Gap(months=3),)), "2026-11", "2027-01", months=0, index="0.7").at(
        YearMonth(2027, 1)
    )
    assert (point.months, point.index, point.balance) == (0, Decimal("0.7"), Decimal(0))


def test_a_gap_from_a_month_of_its_own_skips_exactly_those_months() -> None:
    """A gap of 2 months from 2024-09 (index 1.0, published 2024 figures: 733.36 a month): of
    2024-07 … 2024-12 four months are paid — 124 months, 2933.44."""
    from jm_socialsec.engine.months import YearMonth
    from jm_socialsec.planner import Gap

    a = PlanAssumptions(index=Decimal(1), crediting_rate=Decimal(0), gaps=(Gap(months=2, start="2024-09"),))
    path = _path_from(a, "2024-07", "2024-12")
    assert [path.at(YearMonth(2024, m)).months for m in range(7, 13)] == [121, 122, 122, 122, 123, 124]
    assert path.at(YearMonth(2024, 12)).balance == Decimal("2933.44")


# ---------------------------------------------------------------------------------------------
# assumptions.py

FLAT = {
    "pension.calc_base": 0,
    "pension.contribution.base_lower": 0,
    "pension.contribution.base_upper": 0,
    "wages.provincial_average_monthly": 0,
}


def test_a_years_crediting_rate_wins_over_the_flat_one() -> None:
    """PlanAssumptions.crediting: the caller's rate for the year, else the caller's flat rate, else
    defaults.toml's. Flat 0 with 30% for 2027, no growth (every figure its last published one:
    9183 → 8% = 734.64 a month): Nov and Dec 2026 earn nothing (100000 + 2 × 734.64 = 101469.28);
    January 2027 earns (101469.28 + 734.64) × 0.30 ÷ 12 = 2555.098 → 2555.10: 104759.02."""
    from jm_socialsec.engine.months import YearMonth

    a = PlanAssumptions(growth=FLAT, crediting_rate=Decimal(0), crediting_by_year={2027: Decimal("0.3")})
    path = _path_from(a, "2026-11", "2027-01", months=336, index="1.0", balance="100000")
    assert path.at(YearMonth(2026, 12)).balance == Decimal("101469.28")
    assert path.at(YearMonth(2027, 1)).balance == Decimal("104759.02")
    assert a.crediting(2026) == 0 and a.crediting(2027) == Decimal("0.3")
    assert PlanAssumptions().crediting(2030) == Decimal("0.0262")  # defaults.toml
    assert PlanAssumptions(crediting_by_year={2030: Decimal("0.01")}).crediting(2031) == Decimal("0.0262")


@pytest.mark.parametrize("rate", ["0", "0.3"])
def test_the_crediting_band_holds_its_ends(rate: str) -> None:
    """defaults.toml [crediting_rate_band]: never negative (lowest = 0); at most the engine's growth
    ceiling (30%, docs/planner.md "Refusals"): both ends accepted, flat and for a year."""
    assert PlanAssumptions(crediting_rate=rate).crediting(2027) == Decimal(rate)
    assert PlanAssumptions(crediting_by_year={2027: rate}).crediting(2027) == Decimal(rate)


def _band(rate: str, year: str = "") -> tuple[str, str]:
    """The refusal of a crediting rate outside [0, 0.30] (docs/planner.md), in both languages."""
    return (
        f"{year}记账利率 {rate} 不在合理范围 [0, 0.30] 内（2.5% 写作 0.025；记账利率不低于0）",
        f"{year}a crediting rate of {rate} is outside the plausible band [0, 0.30] (2.5% is 0.025; the rate is never "
        "negative)",
    )


@pytest.mark.parametrize(
    ("given", "field", "zh", "en"),
    [
        ({"crediting_rate": "0.31"}, "assumptions.crediting_rate", *_band("0.31")),
        ({"crediting_rate": "-0.01"}, "assumptions.crediting_rate", *_band("-0.01")),
        ({"crediting_by_year": {2028: "0.4"}}, "assumptions.crediting_by_year", *_band("0.4", "2028: ")),
        ({"wage_by_year": {2028: "-1"}}, "assumptions.wage_by_year", "2028 年的缴费工资不能为负数",
         "the wage of 2028 must not be negative"),
        ("x", "assumptions", "应为假设对象或映射", "must be a PlanAssumptions object or a mapping"),
        (5, "assumptions", "应为假设对象或映射", "must be a PlanAssumptions object or a mapping"),
    ],
)  # fmt: skip
def test_implausible_assumptions_are_refused_naming_the_field_in_both_languages(
    given: Any, field: str, zh: str, en: str
) -> None:
    """docs/planner.md, "Refusals and warnings": a crediting rate outside 0 … 30% (the rate is set not
    below the bank deposit rate, so never negative), a negative wage, assumptions that are no
    mapping: an InputError naming the field, said in Chinese and English."""
    with pytest.raises(InputError) as e:
        plan_retirement(**EXAMPLE, assumptions=given)
    assert (e.value.field, e.value.why_zh, e.value.why_en) == (field, zh, en)


def test_a_zero_wage_is_a_wage_held_at_the_lower_limit() -> None:
    """A wage of 0 for 2024 is accepted (not negative) and held at the window's lower limit (4492,
    2024-07 … 2025-06): 4492 × 8% = 359.36 a month."""
    from jm_socialsec.engine.months import YearMonth

    a = PlanAssumptions(wage_by_year={2024: Decimal(0)}, crediting_rate=Decimal(0))
    assert _path_from(a, "2024-07", "2024-08").at(YearMonth(2024, 8)).balance == Decimal("718.72")


def test_an_engine_assumptions_object_keeps_its_growth() -> None:
    """plan_assumptions: the engine's Assumptions (growth of the figures) is kept — with the pension
    base held flat, the 2029 statutory row is paid on 2025's 9493 (粤人社发〔2025〕32号) instead of the
    default growth's 10693 (docs/planner.md); a PlanAssumptions is taken as it is, like its mapping."""
    from jm_socialsec.engine.projection import Assumptions

    flat = plan_retirement(**EXAMPLE, assumptions=Assumptions(growth={"pension.calc_base": Decimal(0)}))
    assert flat.statutory.base == Decimal(9493)
    assert plan_retirement(**EXAMPLE, assumptions=None).statutory.base == Decimal(10693)
    given = PlanAssumptions(horizon_age=70)
    assert (
        plan_retirement(**EXAMPLE, assumptions=given).horizon
        == plan_retirement(**EXAMPLE, assumptions={"horizon_age": 70}).horizon
    )
    assert str(plan_retirement(**EXAMPLE, assumptions=given).horizon) == "2038-07"
    # the engine's explicit values of a year (docs/projection.md) reach the estimates too: the 2029
    # base 10000 → basic 10000 × (1 + 1.0) ÷ 2 × 368 ÷ 12 × 1% = 3066.666… → 3066.67
    values = {"pension.calc_base": {2029: Decimal(10000)}}
    for given in (Assumptions(values=values), PlanAssumptions(values=values)):
        stat = plan_retirement(**EXAMPLE, assumptions=given).statutory
        assert (stat.base, stat.basic) == (Decimal(10000), Decimal("3066.67")), type(given)
    figures = PlanAssumptions(growth={"pension.calc_base": Decimal(0)}, index=Decimal(2)).figures()
    assert type(figures) is Assumptions and figures.growth == {"pension.calc_base": Decimal(0)}


# ---------------------------------------------------------------------------------------------
# plan.py: the state today, its checks, the warnings


def test_the_projection_starts_no_earlier_than_the_minimum_working_age() -> None:
    """tables/labour (the minimum working age, 16: 劳动法 第十五条): born 2010-11, the start 2026-11 is
    his 16th birthday month — accepted; born 2010-12 it is before it — refused naming ``as_of`` (the
    start is the month of ``as_of``), or ``assumptions.start`` when given, with both months."""
    young = {**EXAMPLE, "contribution_months": 0, "account_balance": "0", "assumptions": {"gaps": [{"months": 12}]}}
    # (a gap of a year: contributing every month from the 16th birthday through the retirement month
    # is one month more than estimate_pension's working-life check allows — see the report)
    assert str(plan_retirement(**{**young, "birth": "2010-11"}).start) == "2026-11"
    with pytest.raises(InputError) as e:
        plan_retirement(**{**young, "birth": "2010-12"})
    assert (e.value.field, e.value.why_zh, e.value.why_en) == (
        "as_of", "推算起点 2026-11 早于 16 周岁（2026-12）", "the projection start 2026-11 is before age 16 (2026-12)"
    )  # fmt: skip
    with pytest.raises(InputError) as e:
        plan_retirement(**EXAMPLE, assumptions={"start": "1984-06"})  # born 1968-07: 16 on 1984-07
    assert (e.value.field, e.value.why_en) == (
        "assumptions.start",
        "the projection start 1984-06 is before age 16 (1984-07)",
    )


def test_the_projection_starts_no_later_than_the_statutory_month() -> None:
    """A start in the statutory month (2029-06) is accepted — its row is the only statutory one —
    one month later refused naming ``assumptions.start``; a person already past the statutory
    month on ``as_of`` (born 1960-01 → 2020-01, 60 before the reform) is refused naming ``as_of``."""
    at = plan_retirement(**EXAMPLE, assumptions={"start": "2029-06"})
    assert str(at.rows[0].retirement_month) == "2029-06" and at.rows[0].kind.value == "statutory"
    with pytest.raises(InputError) as e:
        plan_retirement(**EXAMPLE, assumptions={"start": "2029-07"})
    assert (e.value.field, e.value.why_zh, e.value.why_en) == (
        "assumptions.start", "推算起点 2029-07 晚于法定退休年月 2029-06",
        "the projection start 2029-07 is after the statutory retirement month 2029-06",
    )  # fmt: skip
    with pytest.raises(InputError) as e:
        plan_retirement(**{**EXAMPLE, "birth": "1960-01"})
    assert (e.value.field, e.value.why_en) == ("as_of", "the projection start 2026-11 is after the statutory "
                                                        "retirement month 2020-01")  # fmt: skip


@pytest.mark.parametrize(
    ("change", "field", "zh", "en"),
    [
        ({"birth": "2026-12"}, "birth", "出生年月晚于知悉日期", "birth month is after the as_of date"),
        ({"average_index": "0"}, "average_index", "平均缴费指数应大于0", "the average index must be above 0"),
        ({"special_type": "underground", "special_years": "-1"}, "special_years", "不能为负数", "must not be negative"),
        ({"what_ifs": "abc"}, "what_ifs", "应为列表（每项为 WhatIf 或 {字段: 值} 映射）",
         "must be a list (each a WhatIf or a mapping {field: value})"),
        ({"what_ifs": [{"name": "a"}, 5]}, "what_ifs[1]", "应为 WhatIf 或 {字段: 值} 映射",
         "must be a WhatIf or a mapping {field: value}"),
        ({"what_ifs": [{"name": "x", "month": "bad"}]}, "what_ifs[0].month", "“bad”不是 YYYY-MM 格式的年月",
         "'bad' is not YYYY-MM"),
        ({"contribution_months": 336, "deemed_months": 336, "weighted_deemed_years": "28"}, "account_balance",
         "没有个人账户缴费月数（缴费月数均为视同缴费），个人账户储存额应为 0",
         "no contribution month with an account (all months are deemed): the balance must be 0"),
    ],
)  # fmt: skip
def test_the_state_today_is_refused_naming_the_field_in_both_languages(
    change: dict[str, Any], field: str, zh: str, en: str
) -> None:
    """plan.py (issue 14 (7), the project's bilingual refusals): each input checked, naming its field."""
    with pytest.raises(InputError) as e:
        plan_retirement(**{**EXAMPLE, **change})
    assert (e.value.field, e.value.why_zh, e.value.why_en) == (field, zh, en)


def test_a_balance_is_allowed_with_every_month_deemed_only_when_it_is_zero() -> None:
    """All 336 months deemed (no account month): a balance of 0 is the only one contributions can
    have produced — accepted (no implausible-balance warning)."""
    plan = plan_retirement(**{**EXAMPLE, "account_balance": "0"}, deemed_months=336, weighted_deemed_years="28")
    assert "balance_implausible" not in {w.code for w in plan.warnings}
    assert plan.account_balance == 0 and plan.contribution_months == 336


def test_the_implausible_balance_counts_only_the_months_with_an_account() -> None:
    """plan.py: with 36 of 336 months deemed, 300 months could have deposited at most 300 × 27549
    (2025-07 ceiling) × 8% = 661176.00 before interest: 661176.01 is flagged (first, naming
    ``account_balance``, both figures in both languages), 661176.00 is not."""
    extra: dict[str, Any] = {"deemed_months": 36, "weighted_deemed_years": "3"}
    high = plan_retirement(**{**EXAMPLE, "account_balance": "661176.01"}, **extra)
    first = high.warnings[0]
    assert (first.code, first.param) == ("balance_implausible", "account_balance")
    assert first.zh == (
        "个人账户储存额 661176.01 高于 300 个月均按当前缴费基数上限缴费可存入的 661176.00（未计利息）：请核对"
    )
    assert first.en == (
        "the account balance 661176.01 exceeds the 661176.00 that 300 months at today's contribution ceiling "
        "could deposit (before interest): please check it"
    )
    ok = plan_retirement(**{**EXAMPLE, "account_balance": "661176.00"}, **extra)
    assert "balance_implausible" not in {w.code for w in ok.warnings}


def test_the_warnings_come_once_the_important_ones_first() -> None:
    """plan._unique: the planner's own warning first, then what changes the answer (an override, a
    provisional or projected figure), then the rules' own notices, then the unconfirmed figures —
    each of those once per parameter, however many rows read it."""
    plan = plan_retirement(**{**EXAMPLE, "account_balance": "800000"}, overrides={"pension.transitional.per_year": 4})
    codes = [w.code for w in plan.warnings]
    last = ("status_secondary", "status_assumed", "not_reverified")
    rank = [0 if c == "balance_implausible" else 1 if c in ("projected", "provisional", "override") else
            3 if c in last else 2 for c in codes]  # fmt: skip
    assert rank == sorted(rank) and rank[0] == 0 and 1 in rank and 2 in rank and 3 in rank
    assert "override" in codes
    statuses = [(w.code, w.param) for w in plan.warnings if w.code in last]
    assert len(statuses) == len(set(statuses)) and len({p for _, p in statuses}) == len(statuses)
    # the projected pension base: one warning per year it is projected (2028 … 2032), not one per row
    years = [w.en for w in plan.warnings if w.code == "projected" and w.param == "pension.calc_base"]
    assert [y.split(" from ")[1][:10] for y in years] == [f"{y}-01-01" for y in range(2028, 2033)]


def test_overrides_and_the_projection_switch_reach_every_row() -> None:
    """A table value overridden (the 2029 base 10000 in place of the projected 10693) reaches the
    estimate of each row; ``project=False`` refuses the figures not yet published (NotCovered)."""
    from jm_socialsec.engine.errors import NotCovered

    plan = plan_retirement(**EXAMPLE, overrides={"pension.calc_base": "10000"})
    assert plan.statutory.base == Decimal(10000) and plan.warnings[0].code == "override"
    # basic pension 10000 × (1 + 1.0) ÷ 2 × 368 ÷ 12 × 1% = 3066.666… → 3066.67
    assert plan.statutory.basic == Decimal("3066.67")
    assert plan.projecting and plan_retirement(**{**EXAMPLE, "birth": "1966-07"}).projecting
    with pytest.raises(NotCovered):
        plan_retirement(**EXAMPLE, project=False)


def test_deemed_time_reaches_each_estimate() -> None:
    """The deemed-time keywords reach estimate_pension (docs/pension.md steps 6-7): 120 of the 336
    months deemed with 3000 yuan of deemed account → the old-method part 3000 ÷ 120 = 25.00 is in
    the transitional pension: 100 + 4 × 30 + 25 = 245.00 at the statutory month (368 months =
    30.67 years, 30 whole years) instead of 220.00."""
    plan = plan_retirement(**EXAMPLE, deemed_months=120, deemed_account="3000", weighted_deemed_years="10")
    assert plan.statutory.transitional == Decimal("245.00")


def test_a_later_choice_that_pays_less_never_catches_up() -> None:
    """rows.catch_up: a later start paying no more never reaches the earlier one's cumulative
    (None), printed "never" / "不会追平". A what-if one month after the statutory month with a gap of
    24 months: 336 + 33 (2026-11 … 2029-07) − 24 = 345 months, less than the statutory 368, and it
    pays less (a negative difference)."""
    plan = plan_retirement(**EXAMPLE, what_ifs=[{"name": "low", "month": "2029-07", "gap_months": 24}])
    low = plan.rows[-1]
    assert (low.contribution_months, low.catch_up_months) == (345, None)
    assert low.difference is not None and low.difference < 0 and low.difference == low.total - plan.statutory.total
    en = _cells(next(line for line in _table(plan.explain("en")) if line.startswith("what if: low")))
    zh = _cells(next(line for line in _table(plan.explain("zh")) if line.startswith("假设：low")))
    assert (en[11], zh[11]) == ("never", "不会追平")
    assert en[10] == f"−{-low.difference:,.2f}"


# ---------------------------------------------------------------------------------------------
# plot.py: what the chart shows (its module docstring and docs/planner.md)


def _lines(ax: Any) -> dict[tuple[str, str], Any]:
    """The axes' lines by (marker, line style)."""
    return {(str(line.get_marker()), str(line.get_linestyle())): line for line in ax.get_lines()}


def test_the_chart_shows_each_candidate_month_with_its_monthly_and_cumulative_pension(
    example: RetirementPlan,
) -> None:
    """Two panels sharing the retirement month (a month is year + (month − 1) ÷ 12: 2028-07 →
    2028.5): the monthly total (docs/planner.md: 2028-07 4182.13) and the cumulative pension to the
    horizon (4182.13 × 240 months, 2028-07 → 2048-07 = 1003711.20); every row rests on a projected
    figure, so every marker is hollow; the what-if is a labelled diamond (2029-06: 4689.88, "index
    1.5"); the statutory month a dashed line, named at the top."""
    pytest.importorskip("matplotlib")
    from jm_socialsec.planner.plot import figure

    fig = figure(example, "en")
    top, bottom = fig.axes
    assert (top.get_ylabel(), top.get_title()) == ("monthly pension (yuan)", "Retirement plan: the months compared")
    assert bottom.get_ylabel() == "received up to 2048-07 (yuan)"
    assert bottom.get_xlabel() == "retirement month — hollow: rests on a projected figure"
    for ax, first, what_if in ((top, 4182.13, 4689.88), (bottom, 1003711.20, 4689.88 * 229)):
        lines = _lines(ax)
        hollow, joined, diamond, statutory = (
            lines[("o", "None")],
            lines[("None", "-")],
            lines[("D", "None")],
            lines[("None", "--")],
        )
        assert hollow.get_markerfacecolor() == "none" and len(hollow.get_xdata()) == 48  # 11 early, 1, 36 late
        assert list(hollow.get_xdata()[:2]) == pytest.approx([2028.5, 2028 + 7 / 12])
        assert hollow.get_ydata()[0] == pytest.approx(first)
        assert list(joined.get_xdata()) == list(hollow.get_xdata())
        assert list(diamond.get_xdata()) == pytest.approx([2029 + 5 / 12])
        assert list(diamond.get_ydata()) == pytest.approx([what_if])
        assert list(statutory.get_xdata()) == pytest.approx([2029 + 5 / 12] * 2)
        assert [t.get_text() for t in ax.texts][:1] == ["index 1.5"]
        assert ax.yaxis.get_major_formatter()(1234567.8, 0) == "1,234,568"
    assert top.get_shared_x_axes().joined(top, bottom)  # "two panels sharing the retirement month"
    assert [t.get_text() for t in top.texts] == ["index 1.5", " statutory 2029-06"]
    assert top.texts[1].get_position()[0] == pytest.approx(2029 + 5 / 12)


def test_rows_not_projected_are_filled_and_rows_without_an_amount_left_out() -> None:
    """Born 1966-07, 300 months: 2026-11 (early) and 2026-12 (statutory) rest on no projected figure
    (the 2026 base is provisional, not projected): filled markers; the 36 later months are hollow."""
    pytest.importorskip("matplotlib")
    from jm_socialsec.planner.plot import figure

    plan = plan_retirement(**{**NEAR, "contribution_months": 300})
    markers = [line for line in figure(plan, "en").axes[0].get_lines() if line.get_marker() == "o"]
    solid = next(line for line in markers if line.get_markerfacecolor() != "none")
    assert list(solid.get_xdata()) == pytest.approx([2026 + 10 / 12, 2026 + 11 / 12])
    hollow = next(line for line in markers if line.get_markerfacecolor() == "none")
    assert len(hollow.get_xdata()) == 36
    short = plan_retirement(**NEAR, what_ifs=[{"name": "top", "top_up": True}])  # amounts from 2029-04 only
    top = figure(short, "en").axes[0]
    assert len(_lines(top)[("None", "-")].get_xdata()) == 9  # 2029-04 … 2029-12
    assert top.texts[0].get_text() == "top"


def test_a_plan_without_any_amount_cannot_be_drawn() -> None:
    """Born 1966-07 with 100 months: even 2029-12 (100 + 38 = 138 months) is short of 180: no amount
    to draw, refused naming ``rows`` in both languages."""
    pytest.importorskip("matplotlib")
    from jm_socialsec.planner.plot import figure

    with pytest.raises(InputError) as e:
        figure(plan_retirement(**{**NEAR, "contribution_months": 100}), "en")
    assert (e.value.field, e.value.why_zh, e.value.why_en) == (
        "rows", "没有可画的金额（均未满最低缴费年限）", "no amount to draw (no candidate meets the minimum years)"
    )  # fmt: skip


def test_an_unwritable_chart_is_refused_naming_the_flag(example: RetirementPlan, tmp_path: Path) -> None:
    """to_png: a file that cannot be written is an InputError naming ``--plot``, with the path."""
    pytest.importorskip("matplotlib")
    target = tmp_path / "missing" / "plan.png"
    with pytest.raises(InputError) as e:
        example.to_png(target, "en")
    assert e.value.field == "--plot"
    assert e.value.why_zh.startswith(f"无法写入图片文件 {target}：") and e.value.why_en.startswith(
        f"cannot write the image {target}: "
    )
    assert example.to_png(tmp_path / "p.png", "en") == tmp_path / "p.png"


def test_chinese_labels_need_a_cjk_font(monkeypatch: pytest.MonkeyPatch, example: RetirementPlan) -> None:
    """plot._font: Chinese labels only with a CJK font matplotlib knows (the first of CJK_FONTS
    found), else English; English always with DejaVu Sans."""
    pytest.importorskip("matplotlib")
    from matplotlib import font_manager

    from jm_socialsec.planner.plot import _font, figure

    assert _font("en") == ("en", ["DejaVu Sans"])
    known = [f for f in font_manager.fontManager.ttflist if f.name in ("Noto Sans CJK SC", "WenQuanYi Zen Hei")]
    if not known:
        assert _font("zh") == ("en", ["DejaVu Sans"])
        fake = font_manager.FontEntry(fname="/nonexistent.ttf", name="WenQuanYi Zen Hei")
        monkeypatch.setattr(font_manager.fontManager, "ttflist", [*font_manager.fontManager.ttflist, fake])
    assert _font("zh")[0] == "zh" and _font("zh")[1][-1] == "DejaVu Sans"
    assert "WenQuanYi Zen Hei" in _font("zh")[1] or "Noto Sans CJK SC" in _font("zh")[1]
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fig = figure(example, "zh")
    top, bottom = fig.axes
    assert (top.get_ylabel(), top.get_title()) == ("月养老金（元）", "退休规划：各退休时间比较")
    assert bottom.get_ylabel() == "累计领取至 2048-07（元）"
    assert bottom.get_xlabel() == "退休年月 — 空心：依赖预测数字"
    assert [t.get_text() for t in top.texts][-1] == " 法定 2029-06"


def test_without_matplotlib_the_chart_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch, example: RetirementPlan, tmp_path: Path
) -> None:
    """The optional extra (pyproject [plot]): without matplotlib a documented error, code
    ``extra_missing``, saying the pip command in both languages."""
    import sys

    from jm_socialsec.planner.plot import PlotNotInstalled

    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(PlotNotInstalled) as e:
        example.to_png(tmp_path / "p.png")
    assert e.value.code == "extra_missing"
    assert e.value.message_zh == '画图需要 matplotlib：pip install "jm_socialsec[plot]"'
    assert e.value.message_en == 'the chart needs matplotlib: pip install "jm_socialsec[plot]"'


def test_the_page_and_the_chart_are_chinese_by_default(
    example: RetirementPlan, monkeypatch: pytest.MonkeyPatch
) -> None:
    """RetirementPlan.to_html / to_png / explain: Chinese unless told (docs/planner.md: "the table in
    Chinese"); the language asked is the one drawn."""
    from jm_socialsec.planner import plot

    assert example.to_html() == example.to_html("zh") != example.to_html("en")
    asked: list[str] = []

    class Drawn(Exception):
        pass

    def fake_figure(plan: RetirementPlan, lang: str = "?") -> Any:
        asked.append(lang)
        raise Drawn

    monkeypatch.setattr(plot, "figure", fake_figure)
    for call in (lambda: example.to_png("x.png"), lambda: example.to_png("x.png", "en")):
        with pytest.raises(Drawn):
            call()
    assert asked == ["zh", "en"]


# ---------------------------------------------------------------------------------------------
# cli.py: ``jm-socialsec plan`` (its module docstring and docs/planner.md's command lines)

BASE = ["plan", "--birth", "1968-07", "--category", "男", "--months", "336", "--index", "1.0", "--balance", "100000",
        "--region", "开平", "--as-of", "2026-11-30"]  # fmt: skip


def _parser() -> Any:
    import argparse

    from jm_socialsec.planner.cli import add_parser

    parser = argparse.ArgumentParser()
    add_parser(parser.add_subparsers(dest="command"))
    return parser


def _run(argv: list[str]) -> Any:
    args = _parser().parse_args(argv)
    return args.func(args)


def test_every_flag_of_plan_says_its_help_in_chinese_then_english() -> None:
    """docs/planner.md: "Chinese by default; every flag's help gives the English term" — each help
    is a Chinese text, " / ", then the English term (in lower case but for its names: JSON, PARAM)."""
    import argparse

    parser = _parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    plan = sub.choices["plan"]
    helps = {a.option_strings[0]: a.help for a in plan._actions if a.option_strings and a.help != argparse.SUPPRESS}
    helps.pop("-h")
    assert len(helps) == 26
    for flag, text in helps.items():
        assert text is not None and re.fullmatch(r"[\u4e00-\u9fff].* / [a-zA-Z][^\u4e00-\u9fff]*[a-zA-Z)]", text), flag
        english = text.rsplit(" / ", 1)[1]
        assert english != english.upper(), flag  # words in lower case, not shouted
    assert next(a for a in sub._choices_actions if a.dest == "plan").help.startswith("退休规划：")


@pytest.mark.parametrize(
    ("typed", "value"),
    [("2%", Decimal("0.02")), ("2％", Decimal("0.02")), (" 0.025 ", Decimal("0.025")), ("-1%", Decimal("-0.01"))],
)
def test_a_rate_is_typed_as_a_fraction_or_a_percentage(typed: str, value: Decimal) -> None:
    """``--growth`` / ``--crediting-rate``: "2%" (or the full-width ％) is 0.02."""
    from jm_socialsec.planner.cli import _number

    assert _number(typed, "--growth") == value


@pytest.mark.parametrize(
    ("typed", "field", "zh", "en"),
    [
        (["--growth", "pension.calc_base"], "--growth", "应为 参数id=增长率 / PARAM=RATE，而不是“pension.calc_base”",
         "must be 参数id=增长率 / PARAM=RATE, not 'pension.calc_base'"),
        (["--growth", " =0.02"], "--growth", "应为 参数id=增长率 / PARAM=RATE，而不是“ =0.02”",
         "must be 参数id=增长率 / PARAM=RATE, not ' =0.02'"),
        (["--assume", "index:x=1"], "--assume", "应为 名称:年份=值，而不是“index:x=1”",
         "must be PARAM:YEAR=VALUE, not 'index:x=1'"),
        (["--assume", "2028=1"], "--assume", "应为 名称:年份=值，而不是“2028=1”",
         "must be PARAM:YEAR=VALUE, not '2028=1'"),
        (["--gap", "2028-01:x"], "--gap", "应为 [起始年月:]月数，而不是“2028-01:x”",
         "must be [START:]MONTHS, not '2028-01:x'"),
        (["--what-if", "noname"], "--what-if", "应为 名称:键=值，而不是“noname”",
         "must be NAME:KEY=VALUE, not 'noname'"),
        (["--what-if", " :index=1"], "--what-if", "应为 名称:键=值，而不是“ :index=1”",
         "must be NAME:KEY=VALUE, not ' :index=1'"),
        (["--what-if", "x:gap=six"], "--what-if", "不认识的假设“gap=six”（可用 index=、gap=、month=、top_up）",
         "unknown what-if 'gap=six' (index=, gap=, month=, top_up)"),
        (["--what-if", "x:top_up=1"], "--what-if", "不认识的假设“top_up=1”（可用 index=、gap=、month=、top_up）",
         "unknown what-if 'top_up=1' (index=, gap=, month=, top_up)"),
    ],
)  # fmt: skip
def test_a_flag_typed_wrong_is_refused_with_its_form(typed: list[str], field: str, zh: str, en: str) -> None:
    """The forms of the module docstring (PARAM=RATE, NAME:YEAR=VALUE, [START:]MONTHS, NAME:KEY=VALUE)."""
    with pytest.raises(InputError) as e:
        _run([*BASE, *typed])
    assert (e.value.field, e.value.why_zh, e.value.why_en) == (field, zh, en)


def test_a_figure_not_published_per_period_cannot_be_grown() -> None:
    """``--growth`` / ``--assume`` name a figure published per period (the pension base, the limits,
    the average wage…); another table value is refused, the choices listed."""
    with pytest.raises(InputError) as e:
        _run([*BASE, "--assume", "pension.contribution.employee_rate:2028=0.1"])
    assert e.value.field == "--assume"
    assert e.value.why_zh.startswith("“pension.contribution.employee_rate”不是按期公布的表中数字（可选：")
    assert e.value.why_en.startswith("'pension.contribution.employee_rate' is not a figure published per period (")
    for name in ("pension.calc_base", "pension.contribution.base_lower", "wages.provincial_average_monthly"):
        assert name in e.value.why_en
    with pytest.raises(InputError) as e:
        _run([*BASE, "--growth", "no.such=1%"])
    assert e.value.field == "--growth" and e.value.why_en.startswith("'no.such' is not a figure published per period")


def test_the_flags_become_the_plans_assumptions() -> None:
    """``--assume NAME:YEAR=VALUE`` (index, wage, crediting_rate → the planner's own by year, a table
    figure → values), ``--gap [START:]MONTHS``, ``--index-ahead``, ``--crediting-rate``, ``--start``,
    ``--horizon-age``, ``--growth``; the flags not given are left out (the defaults apply)."""
    from jm_socialsec.planner.cli import assumptions_of

    args = _parser().parse_args([
        *BASE, "--assume", "index:2028=1.2", "--assume", "wage:2029=9000", "--assume", "crediting_rate:2030=2%",
        "--assume", "pension.calc_base:2028=10000", "--assume", "pension.calc_base:2029=10100", "--gap", "12",
        "--gap", "2028-01:6", "--index-ahead", "1.1", "--crediting-rate", "1.5%", "--start", "2027-01",
        "--horizon-age", "85", "--growth", "wages.provincial_average_monthly=3%",
    ])  # fmt: skip
    assert assumptions_of(args) == {
        "growth": {"wages.provincial_average_monthly": Decimal("0.03")},
        "index_by_year": {2028: Decimal("1.2")},
        "wage_by_year": {2029: Decimal(9000)},
        "crediting_by_year": {2030: Decimal("0.02")},
        "values": {"pension.calc_base": {2028: Decimal(10000), 2029: Decimal(10100)}},
        "gaps": [{"months": 12, "start": None}, {"months": 6, "start": "2028-01"}],
        "index": "1.1",
        "crediting_rate": Decimal("0.015"),
        "start": "2027-01",
        "horizon_age": 85,
    }
    assert assumptions_of(_parser().parse_args(BASE)) == {"growth": {}, "gaps": []}
    plain = _parser().parse_args([*BASE, "--assume", "index:2028=1.2"])
    assert assumptions_of(plain) == {"growth": {}, "index_by_year": {2028: Decimal("1.2")}, "gaps": []}


def test_a_what_if_is_typed_name_colon_keys() -> None:
    """``--what-if NAME:KEY=VALUE[,KEY=VALUE]`` with keys index, gap, month, top_up."""
    from jm_socialsec.planner.cli import what_if

    assert what_if(" 高指数 :index=1.5, gap=6 ,month=2030-01,top_up,") == {
        "name": "高指数", "index": "1.5", "gap_months": 6, "month": "2030-01", "top_up": True,
    }  # fmt: skip
    assert what_if("只名:") == {"name": "只名"}


def test_the_command_prints_the_plan_the_json_and_the_chart(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """cmd_plan: the table in the language asked; ``--json`` the plan's JSON with ``plot`` (None, or
    the file drawn); with ``--plot`` the chart is saved and said so, in both languages. The flags
    reach the plan: the special type and years (特殊工种 row 2027-08 for a man born 1972-01 in 井下
    作业, 9 years: 办法第八条), deemed time, overrides, ``--no-project`` (refused: NotCovered)."""
    from jm_socialsec.engine.errors import NotCovered

    assert _run([*BASE, "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Retirement plan (rules as known on 2026-11-30)\n")
    assert _run(BASE) == 0 and capsys.readouterr().out.startswith("退休规划（依 2026-11-30 知悉的规定）\n")
    pytest.importorskip("matplotlib")
    target = tmp_path / "plan.png"
    assert _run([*BASE, "--json", "--plot", str(target)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["plot"] == str(target) and target.read_bytes()[:4] == b"\x89PNG"
    assert _run([*BASE, "--plot", str(target), "--lang", "en"]) == 0
    assert capsys.readouterr().out.rstrip("\n").endswith(f"\n图已保存 / chart saved: {target}")
    special = ["plan", "--birth", "1972-01", "--category", "male", "--months", "300", "--index", "1.2",
               "--balance", "90000", "--as-of", "2026-11-30", "--special-type", "井下", "--special-years", "9",
               "--json"]  # fmt: skip
    assert _run(special) == 0
    rows = json.loads(capsys.readouterr().out)["rows"]
    assert (rows[0]["kind"], rows[0]["retirement_month"]) == ("special", "2027-08")
    deemed = [*BASE, "--deemed-months", "120", "--deemed-account", "3000", "--weighted-deemed-years", "10", "--json"]
    assert _run(deemed) == 0
    stat = next(r for r in json.loads(capsys.readouterr().out)["rows"] if r["kind"] == "statutory")
    assert stat["transitional"] == "245.00"  # 100 + 4 × 30 + 3000 ÷ 120 (docs/pension.md step 6)
    assert _run([*BASE, "--override", "pension.calc_base=10000", "--json"]) == 0
    stat = next(r for r in json.loads(capsys.readouterr().out)["rows"] if r["kind"] == "statutory")
    assert stat["base"] == "10000.00"
    with pytest.raises(NotCovered):
        _run([*BASE, "--no-project"])


def test_an_error_of_the_plan_names_the_flag_typed() -> None:
    """Errors name the flag typed (module docstring): an assumption's field → its flag
    (``--horizon-age``, ``--start``, ``--what-if``, ``--as-of``); a keyword → its flag (``--months``,
    via the main CLI's mapping)."""
    cases = [
        (["--horizon-age", "0"], "--horizon-age"),
        (["--start", "2030-01"], "--start"),
        (["--what-if", "x:month=2020-01"], "--what-if"),
    ]
    for flags, flag in cases:
        with pytest.raises(InputError) as e:
            _run([*BASE, *flags])
        assert e.value.field == flag, flags
    with pytest.raises(InputError) as e:
        _run([*BASE[:5], "--months", "-1", *BASE[7:]])
    assert e.value.field == "--months"


def test_interest_is_a_twelfth_of_the_rate_on_each_months_balance_credited_at_the_year_end() -> None:
    """planner/path.py (rules reference §3.2, 月积数法): no contribution (a gap), 12% a year = 1% of
    each month's balance, credited in December: Nov 100000 × 1% = 1000.00 (101000.00 at its end),
    Dec (100000 + 100000) × 1% = 2000.00 (102000.00, credited); Jan 102000 × 1% = 1020.00."""
    from jm_socialsec.engine.months import YearMonth
    from jm_socialsec.planner import Gap

    a = PlanAssumptions(crediting_rate=Decimal("0.12"), gaps=(Gap(months=3),))
    path = _path_from(a, "2026-11", "2027-01", balance="100000")
    balances = [path.at(YearMonth.of(m)).balance for m in ("2026-11", "2026-12", "2027-01")]
    assert balances == [Decimal("101000.00"), Decimal("102000.00"), Decimal("103020.00")]


def test_a_what_if_on_another_index_is_projected_only_by_what_it_reads() -> None:
    """Born 1966-07 (statutory 2026-12), 300 months: the plain path runs to 2029-12 and reads projected
    figures from 2027 on; a what-if with index 1.2 at 2026-12 reads only 2026's figures (provisional,
    not projected: 粤人社发〔2025〕32号 the last published) — its row is not marked projected."""
    plan = plan_retirement(**{**NEAR, "contribution_months": 300}, what_ifs=[{"name": "high", "index": "1.2"}])
    high = plan.rows[-1]
    assert (high.what_if, str(high.retirement_month), high.projected) == ("high", "2026-12", False)
    assert any(r.projected for r in plan.rows)


def test_a_top_up_on_a_projected_contribution_marks_its_row_projected() -> None:
    """Born 1966-08 → statutory 2027-01 (附件1: (1966-08 − 1965-01 = 19) // 4 + 1 = 5 months → 60 y
    5 m); 150 months and a gap over the whole path: the statutory row (30 months short, no amount)
    rests on no projected figure, and the 2027 base is the caller's (an override, 9493: not
    projected either). The top-up of 30 months is paid at 2027-01's
    contribution, on the 2026 average wage — not published, projected: that row is projected."""
    plan = plan_retirement(
        **{**NEAR, "birth": "1966-08"},
        assumptions={"gaps": [{"months": 14}]},
        what_ifs=[{"name": "top", "top_up": True}],
        overrides={"pension.calc_base": "9493"},
    )
    stat, topped = plan.statutory, plan.rows[-1]
    assert (str(stat.retirement_month), stat.contribution_months, stat.missing_months) == ("2027-01", 150, 30)
    assert not stat.projected and stat.total is None
    assert (topped.top_up_months, topped.contribution_months, topped.projected) == (30, 180, True)


def test_a_what_if_in_the_statutory_month_has_nothing_to_catch_up() -> None:
    """rows._compare: two starts in the same month — nothing to catch up (None), whichever pays more:
    a gap of 6 months at the statutory month pays less (362 months instead of 368)."""
    plan = plan_retirement(**EXAMPLE, what_ifs=[{"name": "gap", "gap_months": 6}])
    gap = plan.rows[-1]
    assert gap.contribution_months == 362 and gap.difference is not None and gap.difference < 0
    assert gap.catch_up_months is None


def test_a_what_if_mapping_that_cannot_be_read_is_refused_naming_its_place() -> None:
    """plan._what_if: only documented errors escape (issue 14 (1)) — a mapping whose reading fails
    with a TypeError or ValueError is refused naming ``what_ifs[n].value``, its message in both."""
    from collections.abc import Iterator, Mapping

    class Unreadable(Mapping[str, Any]):
        def __init__(self, error: Exception) -> None:
            self.error = error

        def __getitem__(self, key: str) -> Any:
            raise self.error

        def __iter__(self) -> Iterator[str]:
            return iter(["name"])

        def __len__(self) -> int:
            return 1

    for error in (TypeError("no name here"), ValueError("no name here")):
        with pytest.raises(InputError) as e:
            plan_retirement(**EXAMPLE, what_ifs=[{"name": "ok"}, Unreadable(error)])
        assert (e.value.field, e.value.why_zh, e.value.why_en) == ("what_ifs[1].value", "no name here", "no name here")


def test_the_region_reaches_each_estimate_through_its_deemed_index() -> None:
    """The region reaches estimate_pension: docs/pension.md step 7 (粤府函〔2021〕294号) — 加权视同年数 =
    (the county's 视同缴费指数 × deemed months to 1993-12 + Σ indices 1994-01 … 1998-06) ÷ 12; 开平's
    index is 0.760 (tables/pension, 附件 各地视同缴费指数表; the city's 1.066). 120 deemed months before
    1994, none after: 0.760 × 120 ÷ 12 = 7.6 years; new = 10693 (the 2029 base, docs/planner.md)
    × 7.6 × 1.2% = 975.2016 → 975.20; no deemed account (old 0); adjustment 975.20 − 0 − 4 × 30
    whole years = 855.20 (100% from 2026). In the city's districts it would be 10.66 years."""
    deemed: dict[str, Any] = {"deemed_months": 120, "deemed_months_before_1994": 120, "index_sum_1994_1998": "0"}
    stat = plan_retirement(**EXAMPLE, **deemed).statutory
    assert (stat.contribution_months, stat.adjustment) == (368, Decimal("855.20"))
    city = plan_retirement(**{**EXAMPLE, "region": "jiangmen"}, **deemed).statutory
    assert city.adjustment == _fen(Decimal(10693) * Decimal("1.066") * 120 / 12 * Decimal("0.012")) - 4 * 30


def test_a_what_if_outside_the_flexible_window_is_refused_not_left_out() -> None:
    """Only a flexible-early month short of the minimum is left out of the table (plan._row); a
    what-if the rules do not allow — 2033-01, past the late window 2029-07 … 2032-06 (办法第三条: at
    most 36 months late) — is refused naming ``retirement_month``, with the window."""
    with pytest.raises(InputError) as e:
        plan_retirement(**EXAMPLE, what_ifs=[{"name": "x", "month": "2033-01"}])
    assert e.value.field == "retirement_month"
    assert "2029-07..2032-06" in e.value.why_en and "36" in e.value.why_en


def test_a_top_up_of_a_what_if_is_paid_at_its_own_index() -> None:
    """The lump sum of a what-if is paid at the what-if's contribution: born 1966-07, 150 months at
    0.8, a what-if at index 1.2 with a top-up — the same months, index and balance as the plan with
    index 1.2 ahead (test_a_lump_sum_top_up_at_the_statutory_month_by_hand: 28 × 881.57 at 1.2 →
    180 months, 0.8667, 76671.21, total 2052.38), not at the plan's own 0.8 (28 × 587.71)."""
    plan = plan_retirement(**{**NEAR, "average_index": "0.8"}, what_ifs=[{"name": "t", "top_up": True, "index": "1.2"}])
    row = plan.rows[-1]
    assert (row.contribution_months, row.average_index, row.account_balance, row.total) == (
        180, Decimal("0.8667"), Decimal("76671.21"), Decimal("2052.38")
    )  # fmt: skip


def test_one_month_with_an_account_may_hold_a_balance() -> None:
    """plan._balance_check: a balance needs at least one month with an account — 335 of 336 months
    deemed leaves one: a balance of 100 (≤ 1 × 27549 × 8% = 2203.92) is accepted without a warning."""
    plan = plan_retirement(**{**EXAMPLE, "account_balance": "100"}, deemed_months=335, weighted_deemed_years="27.9")
    assert plan.account_balance == Decimal(100) and "balance_implausible" not in {w.code for w in plan.warnings}


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"birth": "1968-13"}, "birth"),
        ({"average_index": "abc"}, "average_index"),
        ({"account_balance": "-1"}, "account_balance"),
        ({"contribution_months": -1}, "contribution_months"),
        ({"special_type": "underground", "special_years": "x"}, "special_years"),
        # born in the month of as_of: a known birth (not "after as_of"), but far from working age
        ({"birth": "2026-11", "contribution_months": 0, "account_balance": "0"}, "as_of"),
    ],
)
def test_each_input_of_the_state_today_is_named_when_refused(change: dict[str, Any], field: str) -> None:
    """plan._person_today: each refusal names its keyword (issue 14 (7)); a birth in the month of
    ``as_of`` is accepted as a birth and refused by the working age (16: tables/labour) instead."""
    with pytest.raises(InputError) as e:
        plan_retirement(**{**EXAMPLE, **change})
    assert e.value.field == field


def test_the_plan_runs_on_the_day_asked_and_the_overrides_reach_the_path() -> None:
    """``as_of`` 2026-06-15 (not today): the projection starts in 2026-06, 37 months to 2029-06 →
    336 + 37 = 373; the provincial average wage overridden to 10000 reaches every month of the path
    (index 1.0 → base 10000 within the limits, 8% = 800.00): crediting 0 → 100000 + 37 × 800 =
    129600.00."""
    plan = plan_retirement(**{**EXAMPLE, "as_of": date(2026, 6, 15)}, assumptions={"crediting_rate": "0"},
                           overrides={"wages.provincial_average_monthly": "10000"})  # fmt: skip
    assert (str(plan.start), plan.as_of) == ("2026-06", date(2026, 6, 15))
    stat = plan.statutory
    assert (stat.contribution_months, stat.account_balance) == (373, Decimal("129600.00"))


def test_an_unknown_special_type_is_refused_naming_it() -> None:
    """plan._person_today: the special type must be one of the five (劳部发〔1993〕120号)."""
    with pytest.raises(InputError) as e:
        plan_retirement(**EXAMPLE, special_type="xyz", special_years=9)
    assert e.value.field == "special_type" and "'xyz'" in e.value.why_en and "underground" in e.value.why_en


def test_the_chinese_page_says_everything_in_chinese(example: RetirementPlan) -> None:
    """render.html in Chinese: the rows, the who line, the assumptions, the legend and the title's
    badge in Chinese (docs/planner.md: "the page (badges, warnings, assumptions, table)"); the
    assumptions one item after the other, the rows one after the other."""
    zh = example.to_html("zh")
    assert "<tr style='font-weight:600'><td>法定退休</td><td>2029-06</td><td>60岁11个月</td>" in zh
    assert ("<p>出生 1968-07，男职工，开平市；2026-11 起推算：已缴费 336 个月，平均缴费指数 1.0，个人账户 100,000.00 元"
            "<br>法定退休年月 2029-06；累计领取额计至 2048-07</p>") in zh  # fmt: skip
    assert "<ul><li>今后缴费指数 = 1.0〔默认：沿用至今的平均缴费指数〕</li><li>个人账户记账利率（每年） = 2.62%" in zh
    assert "<p><small>* 依赖尚未公布、按假设预测的数字；" in zh
    assert ">预计</span></h4>" in zh
    en = example.to_html("en")
    assert "[default: the average index so far, continued]</li><li>account crediting rate (a year) = 2.62%" in en
    assert "<td>met</td></tr><tr><td>flexible early</td><td>2028-08</td>" in en


def test_a_plan_resting_on_no_projected_figure_has_no_badge() -> None:
    """Born 1966-07 (statutory 2026-12), 300 months, a gap over the whole path and the pension base
    given by the caller (an override): no row rests on a projected figure — no 预计 / projected
    badge in the title, no "*" on a total."""
    plan = plan_retirement(**{**NEAR, "contribution_months": 300}, assumptions={"gaps": [{"months": 50}]},
                           overrides={"pension.calc_base": "9493"})  # fmt: skip
    assert not plan.projected and not any(r.projected for r in plan.rows)
    page = plan.to_html("en")
    assert "<h4>Retirement plan <span class='jm-asof'>rules as known on 2026-11-30</span></h4>" in page
    assert "*" not in "".join(_cells(line)[9] for line in _table(plan.explain("en"))[1:])


def test_a_short_row_resting_on_a_projected_figure_shows_no_badge_in_place_of_a_total() -> None:
    """render._html_row: the badges replace the total's marks only where there is a total; a row
    short of the minimum says the shortfall alone (born 1966-07, 150 months: 2027-01 is 27 months
    short, its path projected from 2027)."""
    plan = _near_plan()
    row = next(r for r in plan.rows if str(r.retirement_month) == "2027-01")
    assert row.projected and not row.eligible
    assert "<td class=jm-num>27 months short</td>" in plan.to_html("en")
    zh = plan.to_html("zh")
    assert "<td class=jm-num>2,052.38<span class='jm-badge jm-provisional' title=''>预发</span></td>" in zh


def test_the_page_escapes_what_the_caller_named() -> None:
    """Every text of the page is escaped (engine.html.esc): a what-if named "a<b & c"."""
    plan = plan_retirement(**EXAMPLE, what_ifs=[{"name": "a<b & c", "index": "1.0001"}])
    page = plan.to_html("en")
    assert "<td>what if: a&lt;b &amp; c</td>" in page and "a<b" not in page
    # a row paying a little more (the index ahead 1.0001: slightly larger deposits) is "+", not "±"
    row = plan.rows[-1]
    assert row.difference is not None and 0 < row.difference < 1
    assert f"<td class=jm-num>+{row.difference:.2f}</td>" in page


def test_without_projection_neither_the_path_nor_the_estimates_project() -> None:
    """``project=False`` (docs/planner.md "Refusals"): a figure not yet published is refused wherever
    it is read — on the path (the 2026 average wage, for 2027's contributions, even with the
    pension base given by the caller) and by the estimates (the 2027 pension base, even with no
    contribution on the path: a gap); the caller's assumptions are not used to project either."""
    from jm_socialsec.engine.errors import NotCovered

    near = {**NEAR, "contribution_months": 300}
    with pytest.raises(NotCovered) as e:
        plan_retirement(**near, project=False, overrides={"pension.calc_base": "9493"})
    assert "wages.provincial_average_monthly" in str(e.value)
    with pytest.raises(NotCovered) as e:
        plan_retirement(**near, project=False, assumptions={"gaps": [{"months": 50}]})
    assert "pension.calc_base" in str(e.value) and "2027-01-01" in str(e.value)
    both = plan_retirement(**near, project=False, assumptions={"gaps": [{"months": 50}]},
                           overrides={"pension.calc_base": "9493"})  # fmt: skip
    assert not both.projecting and len(both.rows) == 38  # 2026-11, 2026-12, 36 late months


@pytest.mark.parametrize(
    ("flags", "flag"),
    [
        (["--growth", "pension.calc_base=abc"], "--growth"),
        (["--assume", "index:2028=abc"], "--assume"),
        (["--crediting-rate", "abc"], "--crediting-rate"),
        (["--special-type", "xyz", "--special-years", "9"], "--special-type"),
        (["--as-of", "2026-13-01"], "--as-of"),
    ],
)
def test_a_value_that_is_no_number_names_the_flag_typed(flags: list[str], flag: str) -> None:
    """cli._number and the choices: a value that cannot be read names the flag it was typed with."""
    with pytest.raises(InputError) as e:
        _run([*BASE[:-2], *flags] if "--as-of" in flags else [*BASE, *flags])
    assert e.value.field == flag and e.value.why_zh and e.value.why_en


def test_the_forms_are_read_up_to_their_first_separator() -> None:
    """``--assume`` without "=" is refused with its form; ``--what-if`` names end at the first ":"
    (a second one belongs to the keys: "a:b:index=1.5" has the unknown key "b:index"); the figures a
    ``--growth`` may name are listed ", "-separated."""
    from jm_socialsec.planner.cli import what_if

    with pytest.raises(InputError) as e:
        _run([*BASE, "--assume", "index:2028"])
    assert (e.value.field, e.value.why_zh, e.value.why_en) == (
        "--assume", "应为 名称:年份=值 / PARAM:YEAR=VALUE，而不是“index:2028”",
        "must be 名称:年份=值 / PARAM:YEAR=VALUE, not 'index:2028'",
    )  # fmt: skip
    with pytest.raises(InputError) as e:
        what_if("a:b:index=1.5")
    assert e.value.field == "--what-if" and "'b:index=1.5'" in e.value.why_en
    with pytest.raises(InputError) as e:
        _run([*BASE, "--growth", "no.such=1%"])
    assert re.search(r"\((\w[\w.]*, )+\w[\w.]*\)$", e.value.why_en), e.value.why_en


def test_the_command_plans_on_the_day_and_in_the_region_typed(capsys: pytest.CaptureFixture[str]) -> None:
    """``--as-of 2026-06-15`` (not today): the projection starts in 2026-06; ``--region 开平``."""
    assert _run([*BASE[:-2], "--as-of", "2026-06-15", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["as_of"], data["start"], data["region"]) == ("2026-06-15", "2026-06", "kaiping")


def test_the_plan_flags_show_their_forms_and_the_state_today_is_required() -> None:
    """The forms the help texts and docs/planner.md name are the flags' placeholders (PARAM=RATE,
    PARAM:YEAR=VALUE, [START:]MONTHS, NAME:KEY=VALUE, FILE.png, YYYY-MM, PARAM=VALUE, ID); the
    state today (--months, --index, --balance) is required; the region defaults to Jiangmen's
    city districts ("参保地（默认江门市区）")."""
    import argparse

    sub = next(a for a in _parser()._actions if isinstance(a, argparse._SubParsersAction))
    actions = {a.option_strings[0]: a for a in sub.choices["plan"]._actions if a.option_strings}
    forms = {flag: actions[flag].metavar for flag in ("--id", "--growth", "--assume", "--gap", "--start",
                                                       "--what-if", "--plot", "--override")}  # fmt: skip
    assert forms == {
        "--id": "ID", "--growth": "PARAM=RATE", "--assume": "PARAM:YEAR=VALUE", "--gap": "[START:]MONTHS",
        "--start": "YYYY-MM", "--what-if": "NAME:KEY=VALUE", "--plot": "FILE.png", "--override": "PARAM=VALUE",
    }  # fmt: skip
    assert [flag for flag, a in actions.items() if a.required] == ["--months", "--index", "--balance"]
    assert _parser().parse_args(BASE[:11] + BASE[13:]).region == "jiangmen"


def test_the_main_command_line_runs_plan_in_process(capsys: pytest.CaptureFixture[str]) -> None:
    """docs/planner.md: `jm-socialsec plan …` — the main command line dispatches ``plan`` by the
    command name the planner registers (``command="plan"``), in process, not only as a subprocess.
    The 1968-07 man's statutory month under the 2025 reform (国务院关于渐进式延迟法定退休年龄的办法
    附件1: one month more for every 4 months of birth from 1965-01): 1965-01 → 1968-07 is 42 months,
    42 // 4 + 1 = 11 months of delay, so 60 years 11 months: 1968-07 + 60 y = 2028-07, + 11 m = 2029-06."""
    from jm_socialsec.cli import main

    assert main([*BASE, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["statutory_month"] == "2029-06" and data["plot"] is None


def test_plan_refuses_an_unknown_language_naming_its_flag(capsys: pytest.CaptureFixture[str]) -> None:
    """The brief: bad input gets a clear error in Chinese and English naming the CLI flag — for
    ``plan`` that is ``--lang`` (zh or en), exit status 2, no traceback."""
    from jm_socialsec.cli import main

    assert main([*BASE, "--lang", "fr"]) == 2
    err = capsys.readouterr().err
    assert "输入项 --lang 有误" in err and "invalid --lang:" in err  # the flag itself, as typed
    assert "“fr”" in err and "Traceback" not in err
    assert main([*BASE, "--json", "--lang", "fr"]) == 2
    assert json.loads(capsys.readouterr().out)["error"]["field"] == "--lang"
