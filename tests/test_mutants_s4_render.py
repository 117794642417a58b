"""Tests written for the surviving mutants of ``checklist/render.py`` and ``checklist/words.py``
(issue 14, part 3): the checklist's words, asserted against its catalogue (``checklist/texts.toml``)
and the documents it cites, never against the code's own output.
"""

from __future__ import annotations

import html
import tomllib
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from jm_socialsec.checklist import RetireeProfile, retirement_checklist
from jm_socialsec.checklist.render import render_checklist_html, render_checklist_text
from jm_socialsec.cli import _demo_sections

HERE = Path(__file__).parent
CATALOGUE = tomllib.loads((HERE.parent / "src/jm_socialsec/checklist/texts.toml").read_text(encoding="utf-8"))
PRINT = CATALOGUE["print"]
AS_OF = date(2026, 11, 21)


def _say(name: str, lang: str, /, **values: Any) -> str:
    """A ``[print]`` phrase of the catalogue, filled (the catalogue's words, not the code's)."""
    return str(PRINT[name][0 if lang == "zh" else 1]).format(**values)


def _demo() -> Any:
    """The demo's checklist (tests/snapshots/demo_5.*: a man born 1966-08, military service)."""
    return next(make for title, make in _demo_sections() if "checklist" in title)()


def _snapshot(lang: str) -> list[str]:
    return (HERE / "snapshots" / f"demo_5.{lang}.txt").read_text(encoding="utf-8").rstrip("\n").split("\n")


def _items_html(lines: list[str], lang: str) -> str:
    """The notebook view's items as the print-out's lines say them (docs: "the counter print-out's
    content, structured"): an item that applies in bold, its lines as blocks, its documents and
    open points as lists; one that does not apply muted, on one line."""
    lists = {_say("documents", lang).strip(), _say("still_open", lang).strip()}
    out: list[str] = []
    open_list = False
    for line in lines:
        text = html.escape(line.strip())
        if line.startswith("       "):  # a document or an open point
            out.append(f"<li>{text}</li>")
            continue
        if open_list:
            out.append("</ul>")
            open_list = False
        if line.startswith("     "):
            out.append(f"<div>{text}</div>" + ("<ul>" if line.strip() in lists else ""))
            open_list = line.strip() in lists
        elif line.startswith("   "):
            out.append(("</li>" if out else "") + f"<li class='jm-muted'>{text}")
        else:
            out.append(("</li>" if out else "") + f"<li><b>{text}</b>")
    return "".join(out) + ("</ul>" if open_list else "") + "</li>"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_page_says_what_the_reviewed_print_out_says(lang: str) -> None:
    """render_checklist_html against the print-out frozen in tests/snapshots/demo_5 (reviewed): the
    facts of the head as a list (without the title, which heads the page), then the items — each
    line of the print-out in its place."""
    page = render_checklist_html(_demo(), lang)
    lines = _snapshot(lang)
    facts = "".join(f"<li>{html.escape(line)}</li>" for line in lines[1:6])
    assert f"<ul>{facts}</ul>" in page
    blank = lines.index("", 7)
    assert f"<ul class='jm-items'>{_items_html(lines[7:blank], lang)}</ul>" in page
    assert page.startswith(f"<div class='jm-socialsec' lang='{'zh-CN' if lang == 'zh' else 'en'}'>")
    title = lines[0].split("（" if lang == "zh" else " (")[0]
    assert f"<h4>{html.escape(title)} <span class='jm-asof'>" in page
    assert "<div class='jm-warnings' role='note'>" in page and "<details" in page
    # the due date is an estimate (2027's holiday schedule not published on 2026-11-21): 预计 / projected
    head = page[page.index("<h4>") : page.index("</h4>")]
    assert "<span class='jm-badge jm-projected' title='" in head
    assert head.endswith(">预计</span>" if lang == "zh" else ">projected</span>")
    # no option (the minimum is met): the facts are followed by the items at once
    assert f"<ul>{facts}</ul><ul class='jm-items'>" in page
    warnings, steps = ("<b>注意</b>", "计算步骤（") if lang == "zh" else ("<b>Warnings</b>", "Steps (")
    assert f"<div class='jm-warnings' role='note'>{warnings}" in page and f"<summary><b>{steps}" in page
    order = ("<div class='jm-warnings'", f"<ul>{facts}</ul>", "<ul class='jm-items'>", "<details")
    assert [page.index(part) for part in order] == sorted(page.index(part) for part in order)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_print_out_of_the_demo_is_the_reviewed_one(lang: str) -> None:
    """render_checklist_text is what tests/snapshots/demo_5 froze (also through explain())."""
    assert render_checklist_text(_demo(), lang).split("\n") == _snapshot(lang)


def _short(**extra: Any) -> Any:
    """A man born 1966-08 (statutory 2027-01, 60 y 5 m: 附件1) with 100 months (8 y 4 m): 80 months
    short of the 15 years (社会保险法 第十六条); the time limit overridden to 20 working days."""
    profile = RetireeProfile(birth="1966-08", category="male", contribution_months=100)
    overrides = {"checklist.time_limit_working_days": 20}
    return retirement_checklist(profile, date(2026, 12, 14), as_of=AS_OF, overrides=overrides, **extra)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_checklist_short_of_the_minimum_says_so_and_lists_the_options(lang: str) -> None:
    """The head in the catalogue's words (texts.toml [print]) with the case's values: 100 months =
    8 y 4 m, 80 short of 180; 20 working days after Monday 2026-12-14 (no holiday in between,
    2027's schedule not yet published: an estimate) → Tuesday 2027-01-12; no item applies, so no
    order ("none"); then the options of the catalogue ([option.*]) in its order."""
    r = _short()
    lines = render_checklist_text(r, lang).split("\n")
    zh = lang == "zh"
    years = _say("months_years", lang, years=8, months=4)
    assert lines[1] == _say("applied", lang, apply_on="2026-12-14", weekday="一" if zh else "Monday")
    assert lines[3] == _say("min_years", lang, min_years=15, years=years,
                            met=_say("not_met", lang, shortfall=80))  # fmt: skip
    assert lines[4] == _say("due", lang, due_date="2027-01-12", working_days=20, estimate=_say("estimate", lang))
    assert lines[5] == _say("order", lang, order=_say("order_none", lang))
    options = [CATALOGUE["option"][code]["text"][0 if zh else 1] for code in ("extend", "lump_sum", "residents_scheme")]
    assert lines[6:10] == [_say("options", lang), *[_say("option", lang, text=o) for o in options]]
    assert lines[10] == ""
    page = render_checklist_html(r, lang)
    listed = "".join(f"<li>{html.escape(_say('option', lang, text=o).strip())}</li>" for o in options)
    assert f"<div>{html.escape(_say('options', lang))}</div><ul>{listed}</ul>" in page
    assert f"<li>{html.escape(lines[5])}</li></ul>" in page  # the order closes the facts


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_overridden_figure_is_named_the_callers_in_the_sources(lang: str) -> None:
    """The sources list a value the caller overrode with the catalogue's "caller override" instead
    of its status ([print] source, override)."""
    lines = render_checklist_text(_short(), lang).split("\n")
    label = (
        "退休一件事办结时限（工作日）" if lang == "zh" else "retirement one-stop service, time limit in working days"
    )
    line = next(x for x in lines if x.startswith(f"  · {label} = "))
    assert line == _say("source", lang, label=label, key="", value=20, source="调用方覆盖 / caller override",
                        status=_say("override", lang))  # fmt: skip
    assert lines[lines.index(_say("sources", lang)) - 1].startswith("  ! ")


@pytest.mark.parametrize(("day", "weekday"), [("2026-12-19", ("六", "Saturday")), ("2026-12-20", ("日", "Sunday"))])
def test_the_application_day_is_named_by_its_weekday(day: str, weekday: tuple[str, str]) -> None:
    """[print] weekdays: Monday first (date.weekday() 0), Sunday last."""
    profile = RetireeProfile(birth="1966-08", category="male", contribution_months=300)
    r = retirement_checklist(profile, date.fromisoformat(day), as_of=AS_OF)
    assert render_checklist_text(r, "zh").split("\n")[1] == f"申请日期：{day}（星期{weekday[0]}）"
    assert render_checklist_text(r, "en").split("\n")[1] == f"Application date: {day} ({weekday[1]})"


def _special(lang: str) -> list[str]:
    """A man born 1972-01, 10 years of 井下作业, special-type retirement, history in the file and
    military service; applying on Monday 2027-06-14."""
    profile = RetireeProfile(
        birth="1972-01", category="male", contribution_months=300, special_type="underground", special_years=10,
        choice="special", history_from_file=True, deemed_service=["military"],
    )  # fmt: skip
    return render_checklist_text(retirement_checklist(profile, date(2027, 6, 14), as_of=AS_OF), lang).split("\n")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_special_type_claim_says_its_years_the_years_required_and_the_months(lang: str) -> None:
    """Item 2 in the catalogue's words ([reason.special_type_claim], [precondition.special_publicity]):
    10 years of 井下作业 against the 9 required (劳部发〔1993〕120号, tables/retirement), earliest month
    2027-08 (办法第八条, 附件1: 55 + (1972-01 − 1970-01 = 24) // 4 + 1 = 7 months), chosen the same;
    the public notice of about 5 working days (tables/checklist, assumed)."""
    i = 0 if lang == "zh" else 1
    lines = _special(lang)
    reason = CATALOGUE["reason"]["special_type_claim"]["text"][i].format(
        special_type="井下作业" if lang == "zh" else "underground", special_years=10, required_years=9,
        earliest="2027-08", month="2027-08",
    )  # fmt: skip
    item2 = lines.index(next(x for x in lines if x.startswith("☐ 2. ")))
    assert lines[item2 + 1] == _say("applies", lang, reason=reason)
    publicity = CATALOGUE["precondition"]["special_publicity"]["text"][i].format(publicity_days=5)
    assert _say("precondition", lang, text=publicity) in lines[item2:]
    assert lines[2] == _say(
        "retirement", lang, choice="特殊工种提前退休" if lang == "zh" else "special", month="2027-08",
        age="55岁7个月" if lang == "zh" else "55 y 7 m", benefit_start="2027-09",
    )  # fmt: skip


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_history_review_joins_its_grounds_with_the_catalogues_separator(lang: str) -> None:
    """Item 3 ([reason.history_to_review] "to review: {grounds}"): the grounds in the catalogue's
    words — deemed time (military), the file, the special-type records — joined by [print]
    list_separator ("；" / "; ")."""
    i = 0 if lang == "zh" else 1
    ground = CATALOGUE["ground"]
    grounds = [
        ground["deemed"]["text"][i].format(deemed=CATALOGUE["deemed_service"]["military"][i]),
        ground["from_file"]["text"][i],
        ground["special_records"]["text"][i].format(special_type="井下作业" if lang == "zh" else "underground"),
    ]
    lines = _special(lang)
    item3 = lines.index(next(x for x in lines if x.startswith("☐ 3. ")))
    review = next(v for k, v in CATALOGUE["reason"].items() if v["text"][1].startswith("to review: "))
    joined = PRINT["list_separator"][i].join(grounds)
    assert lines[item3 + 1] == _say("applies", lang, reason=review["text"][i].format(grounds=joined))


def test_the_print_out_and_the_page_are_chinese_by_default() -> None:
    """render_checklist_text / render_checklist_html (and the notebook's ``_repr_html_``): Chinese
    unless told — the reviewed Chinese print-out (tests/snapshots/demo_5.zh.txt)."""
    r = _demo()
    assert render_checklist_text(r).split("\n") == _snapshot("zh")
    assert render_checklist_html(r) == render_checklist_html(r, "zh") == r._repr_html_()
    assert render_checklist_html(r).startswith("<div class='jm-socialsec' lang='zh-CN'>")


def test_an_item_that_does_not_apply_has_nothing_to_bring_or_settle() -> None:
    """words.checklist_item: "nothing to bring or settle for an item that does not apply" — whatever
    its verdict lists, an item that does not apply keeps its reason only (no documents, no open
    points, no notes, no item to wait for); one that applies keeps them, in the catalogue's words."""
    from jm_socialsec.checklist.items import Verdict
    from jm_socialsec.checklist.words import checklist_item

    listed = {"documents": ("id_card",), "preconditions": ("stop_contributions",), "notes": ("housing_fund_closed",)}
    off = checklist_item(4, Verdict(False, "special_type_not_claimed", **listed), (1,), ({}, {}))
    assert (off.documents, off.preconditions, off.notes, off.depends_on) == ((), (), (), ())
    assert (off.reason, off.reason_en) == tuple(CATALOGUE["reason"]["special_type_not_claimed"]["text"])
    on = checklist_item(4, Verdict(True, "special_type_not_claimed", **listed), (1,), ({}, {}))
    assert [d.name_en for d in on.documents] == [CATALOGUE["document"]["id_card"]["name"][1]]
    assert [p.en for p in on.preconditions] == [CATALOGUE["precondition"]["stop_contributions"]["text"][1]]
    assert [n.en for n in on.notes] == [CATALOGUE["note"]["housing_fund_closed"]["text"][1]]
    assert on.depends_on == (1,)


@pytest.mark.parametrize("region", [None, "台山"])
def test_where_to_apply_for_the_one_child_reward_names_the_hukou_region_in_chinese(region: str | None) -> None:
    """Item 6's note ([note.where_to_apply_same_town]): in Chinese the hukou's region follows in
    brackets ([print] region_suffix: "（{region}）"), nothing when it is not given; English says none."""
    profile = RetireeProfile(
        birth="1966-08", category="male", contribution_months=300, hukou_type="urban", hukou_region=region,
        one_child_certificate=True, only_child_alive=True,
    )  # fmt: skip
    r = retirement_checklist(profile, date(2026, 12, 14), as_of=AS_OF)
    item = next(i for i in r.items if i.number == 6)
    zh, en = CATALOGUE["note"]["where_to_apply_same_town"]["text"]
    suffix = "" if region is None else _say("region_suffix", "zh", region="台山市")
    assert item.notes[0].zh == zh.format(region_suffix=suffix)
    assert item.notes[0].en == en


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_due_date_in_a_published_year_is_no_estimate(lang: str) -> None:
    """[print] due: "{estimate}" only when the year's holiday schedule is not published. Applying on
    Monday 2026-11-23 (2026's schedule is out: 国办发明电 2025-11-04, no holiday until 2027-01-01),
    19 working days (tables/checklist) → Nov 24–27 (4), Nov 30–Dec 4 (9), Dec 7–11 (14),
    Dec 14–18 (19): Friday 2026-12-18, certain."""
    profile = RetireeProfile(birth="1966-08", category="male", contribution_months=300)
    r = retirement_checklist(profile, date(2026, 11, 23), as_of=AS_OF)
    assert render_checklist_text(r, lang).split("\n")[4] == _say("due", lang, due_date="2026-12-18",
                                                                  working_days=19, estimate="")  # fmt: skip
