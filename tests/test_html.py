"""The notebook view (issue 12, item 5): one language, badges, warnings first, steps folded, escaped.

The figures asserted are those of the docs' worked examples (each named at its test); the page
must show them as the result's headline, with the marks the rules call for.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import ClassVar

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jm_socialsec import (
    InputError,
    RetireeProfile,
    estimate_pension,
    pension_contribution,
    retirement_checklist,
    unemployment_benefit,
)
from jm_socialsec.engine.explain import Explained, Notice, Step
from jm_socialsec.engine.html import STYLE, render_html

AS_OF = date(2026, 11, 21)
ID_NUMBER = "440703199001011234"  # shaped like a resident ID (the checksum does not matter here)


@pytest.fixture(scope="module")
def sheet() -> Explained:
    """docs/pension.md, the Zhongshan sheet as of 2025-04-15: 2024's base 9307 stands in (预发)."""
    return estimate_pension(
        as_of=date(2025, 4, 15),
        retirement_month="2025-03",
        age=(55, 1),
        contribution_months=208,
        average_index="0.5241",
        account_balance="66720.85",
    )


def _body(page: str) -> str:
    """The page without its stylesheet (which names every class)."""
    return page.replace(STYLE, "")


def _headline(page: str) -> str:
    return page[page.index("<table>") : page.index("</table>")]


def test_chinese_by_default_with_the_headline_figures(sheet: Explained) -> None:
    page = sheet.to_html()
    assert page == sheet._repr_html_() == render_html(sheet, "zh")
    assert page.startswith("<div class='jm-socialsec' lang='zh-CN'>")
    table = _headline(page)
    # the sheet's lines (docs/pension.md): base 9307, basic 1127.31, account 393.63, total 1688.94
    for label, figure in (("计发基数", "9,307.00"), ("基础养老金", "1,127.31"), ("基本养老金合计", "1,688.94")):
        assert re.search(f"<th>{label}</th><td class='jm-num'>{re.escape(figure)} 元/月</td>", table), label


def test_provisional_badge_heads_the_headline_table(sheet: Explained) -> None:
    table = _headline(sheet.to_html())
    assert "<span class='jm-badge jm-provisional'" in table and ">预发</span>" in table
    assert "jm-projected" not in table
    # its tooltip says which figure and why
    tip = re.search(r"jm-provisional' title='([^']*)'", table)
    assert tip is not None and "养老金计发基数" in tip.group(1)


def test_one_language_at_a_time(sheet: Explained) -> None:
    zh, en = sheet.to_html("zh"), sheet.to_html("en")
    assert "企业职工基本养老金测算" in zh and "Enterprise-employee basic pension estimate" not in zh
    assert "Enterprise-employee basic pension estimate" in en and "企业职工基本养老金测算" not in en
    assert "注意" in zh and "Warnings" not in zh
    assert "Warnings" in en and "注意" not in en and ">provisional</span>" in en
    assert "lang='en'" in en and "1,688.94 yuan/month" in en


def test_warnings_first_then_headline_then_folded_steps(sheet: Explained) -> None:
    page = sheet.to_html()
    assert page.index("class='jm-warnings'") < page.index("<table>") < page.index("<details")
    # every warning is listed, the provisional one before the unconfirmed statuses
    warnings = page[page.index("class='jm-warnings'") : page.index("<table>")]
    assert warnings.count("<li>") == len(sheet.warnings)
    codes = [w.code for w in sheet.warnings]
    assert codes.index("provisional") > 0  # not first in the result, but first on the page
    first = re.search(r"<li>([^<]*)</li>", warnings)
    assert first is not None and "尚未公布" in first.group(1)


def test_steps_are_folded_one_details_each(sheet: Explained) -> None:
    page = sheet.to_html()
    steps = page[page.index("<details class='jm-steps'>") :]
    assert "<details class='jm-steps'><summary>" in steps and " open" not in steps  # closed
    assert steps.count("<li><details><summary>") == len(sheet.steps) == 8
    assert "计算步骤（8 步）" in steps
    # the step that read the provisional base carries the badge; the account pension does not
    base_step = re.search(r"<summary>计发基数 = <b>9,307.00 元/月</b>(.*?)</summary>", steps)
    assert base_step is not None and "jm-provisional" in base_step.group(1)
    account = re.search(r"<summary>个人账户养老金 = <b>393.63 元/月</b>(.*?)</summary>", steps)
    assert account is not None and account.group(1) == ""


def test_projected_badge_for_a_minimum_wage_carried_forward() -> None:
    """A claim in 2027-03 uses the minimum wage 2040 in force until replaced (docs/tables.md):
    the same 2040 × 90% = 1836.00, projected — not 预发 (nothing will be recalculated by rule)."""
    later = unemployment_benefit("2027-03", "台山", 60, reason="contract_expired", as_of=AS_OF)
    table = _headline(later.to_html())
    assert "jm-projected" in table and ">预计</span>" in table and "jm-provisional" not in table
    assert "1,836.00" in table


def test_no_badge_when_every_figure_was_published() -> None:
    """The 2025-07 window was published 2025-10-27 (粤人社发〔2025〕32号): known on 2025-11-01."""
    r = pension_contribution("2025-08", 30000, as_of=date(2025, 11, 1))
    page = r.to_html()
    assert "jm-badge" not in _body(page)
    assert "27,549.00" in _headline(page)  # the upper limit of that window holds the base


def test_stylesheet_is_small_and_scoped() -> None:
    assert STYLE.startswith("<style>") and STYLE.endswith("</style>") and len(STYLE) < 2500
    rules = re.findall(r"([^{}]+)\{[^{}]*\}", STYLE.removeprefix("<style>").removesuffix("</style>"))
    selectors = [s.strip() for rule in rules for s in rule.split(",") if not rule.strip().startswith("@")]
    assert selectors and all(s.startswith(".jm-socialsec") for s in selectors), selectors


def test_unknown_language_is_an_input_error_naming_lang(sheet: Explained) -> None:
    with pytest.raises(InputError) as err:
        sheet.to_html("fr")
    assert err.value.field == "lang" and "zh" in err.value.message_zh and "en" in err.value.message_en


# -- escaping and masking ---------------------------------------------------------------------


class Toy(Explained):
    title_zh: ClassVar[str] = "<b>测算</b>"
    title_en: ClassVar[str] = "<b>estimate</b>"
    headline: ClassVar[tuple[tuple[str, str, str], ...]] = (("remark", "备注", "remark"),)

    remark: str


def _toy(text: str) -> Toy:
    return Toy(
        as_of=AS_OF,
        remark=text,
        warnings=[Notice(code="x", zh=text, en=text)],
        steps=[Step(id="s", label_zh=text, label_en=text, formula_zh=text, calc=text, result=Decimal(1))],
    )


def test_everything_is_escaped_and_id_numbers_are_masked() -> None:
    page = _toy(f"<script>alert(1)</script> 身份证 {ID_NUMBER}").to_html()
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<b>测算</b>" not in page and "&lt;b&gt;测算&lt;/b&gt;" in page
    assert ID_NUMBER not in page and "440703********1234" in page


@given(st.text(min_size=1, max_size=40))
def test_no_text_can_add_markup(text: str) -> None:
    """Whatever a text holds, the page has the same tags as with plain words."""
    assert _toy(text).to_html().count("<") == _toy("x").to_html().count("<")


# -- the checklist follows the same look ------------------------------------------------------


@pytest.fixture(scope="module")
def checklist() -> Explained:
    """docs/retirement_checklist.md, worked example: due 2027-01-11, an estimate."""
    return retirement_checklist(
        RetireeProfile(
            birth="1966-08",
            category="male",
            contribution_months=300,
            deemed_service=["military"],
            housing_fund_account=True,
            medical_months=300,
            medical_local_months=240,
            hukou_type="urban",
            hukou_region="蓬江",
            one_child_certificate=True,
            only_child_alive=True,
        ),
        date(2026, 12, 14),
        as_of=AS_OF,
    )


def test_checklist_page_one_language_warnings_first_projected_due_date(checklist: Explained) -> None:
    zh, en = checklist.to_html(), checklist.to_html("en")
    assert zh == checklist._repr_html_() and STYLE in zh
    zh, en = _body(zh), _body(en)
    assert "jm-projected" in zh and ">预计</span>" in zh and "jm-provisional" not in zh
    assert "预计办结：2027-01-11" in zh and "Due date: 2027-01-11" in en
    assert zh.index("class='jm-warnings'") < zh.index("☐ 1. 企业职工基本养老金申领")
    assert "basic pension claim" in en and "企业职工基本养老金申领〔" not in en
    assert "注意" not in en and "Warnings" not in zh
    assert "<details class='jm-steps'>" in zh


def test_a_projected_figure_gets_the_projected_badge() -> None:
    """Issue 11: a projected value is marked in the page, as in the steps and the warnings."""
    from datetime import date

    from jm_socialsec import estimate_pension

    r = estimate_pension(
        birth="1968-07", category="male", contribution_months=336, average_index="1.0",
        account_balance="100000", region="开平", as_of=date(2026, 11, 30), project=True,
    )  # fmt: skip
    page = r.to_html("zh")
    assert "预计" in page and any(w.code == "projected" for w in r.warnings)
