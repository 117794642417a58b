"""The counter print-out and the notebook view (打印清单), kept apart from the rules.

Numbered items with check boxes, the documents indented, the warnings and the sources. Every
fixed phrase is in ``checklist/texts.toml`` (``[print]`` and ``[html]``); JSON is ``to_json()``.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from ..engine.params import ParamValue
from .result import ChecklistItem, Document, RetirementChecklist
from .words import months_text, phrase, words


def _source_line(pv: ParamValue, lang: str) -> str:
    zh = lang == "zh"
    status = phrase("override", lang) if pv.overridden else (pv.status.zh if zh else pv.status.value)
    return phrase(
        "source",
        lang,
        label=pv.label_zh if zh else pv.label_en,
        key=f"[{pv.key}]" if pv.key else "",
        value=pv.value,
        source=pv.source.short(),
        status=status,
    )


def _items_ref(numbers: tuple[int, ...], lang: str) -> str:
    sep = str(words()["print"]["within_group"][0 if lang == "zh" else 1])
    return sep.join(phrase("item_ref", lang, number=n) for n in numbers)


def _head(r: RetirementChecklist, lang: str) -> list[str]:
    zh = lang == "zh"
    say: Callable[..., str] = lambda key, **v: phrase(key, lang, **v)  # noqa: E731
    weekday = words()["print"]["weekdays"][0 if zh else 1][r.apply_on.weekday()]
    met = say("met") if r.min_years_met else say("not_met", shortfall=r.shortfall_months)
    between = words()["print"]["between_groups"][0 if zh else 1]
    order = between.join(_items_ref(g, lang) for g in r.processing_order) or say("order_none")
    return [
        say("title", title=r.title_zh if zh else r.title_en, as_of=r.as_of),
        say("applied", apply_on=r.apply_on, weekday=weekday),
        say(
            "retirement",
            choice=r.choice.zh if zh else r.choice.value,
            month=r.retirement_month,
            age=r.retirement_age.zh() if zh else r.retirement_age.en(),
            benefit_start=r.benefit_start,
        ),
        say(
            "min_years",
            min_years=r.min_contribution_years,
            years=months_text(r.profile.contribution_months, lang),
            met=met,
        ),
        say(
            "due",
            due_date=r.due_date,
            working_days=r.working_days,
            estimate=say("estimate") if r.due_date_estimate else "",
        ),
        say("order", order=order),
    ]


def _document_line(d: Document, lang: str) -> str:
    zh = lang == "zh"
    line = phrase("document_name_en", lang, name=d.name, name_en=d.name_en)
    note, when = (d.note, d.when) if zh else (d.note_en, d.when_en)
    if note:
        line += phrase("document_note", lang, note=note)
    if when:
        line += phrase("document_when", lang, when=when)
    return phrase("document", lang, line=line)


def _item_lines(item: ChecklistItem, lang: str) -> list[str]:
    zh = lang == "zh"
    fields: dict[str, Any] = {
        "number": item.number,
        "name": phrase("item_name_en", lang, name=item.name, name_en=item.name_en),
        "department": item.department if zh else item.department_en,
        "reason": item.reason if zh else item.reason_en,
    }
    if not item.applies:
        return [phrase("item_not_applying", lang, **fields)]
    out = [phrase("item_applying", lang, **fields), phrase("applies", lang, **fields)]
    if item.depends_on:
        out.append(phrase("after", lang, items=_items_ref(item.depends_on, lang)))
    if item.documents:
        out.append(phrase("documents", lang))
        out.extend(_document_line(d, lang) for d in item.documents)
    else:
        out.append(phrase("no_documents", lang))
    if item.preconditions:
        out.append(phrase("still_open", lang))
        out.extend(phrase("precondition", lang, text=p.zh if zh else p.en) for p in item.preconditions)
    out.extend(phrase("note", lang, text=n.zh if zh else n.en) for n in item.notes)
    return out


def render_checklist_text(result: RetirementChecklist, lang: str = "zh") -> str:
    """Plain text for the counter: numbered items, check boxes, documents indented."""
    zh = lang == "zh"
    out = _head(result, lang)
    if result.shortfall_options:
        out.append(phrase("options", lang))
        out.extend(phrase("option", lang, text=o.zh if zh else o.en) for o in result.shortfall_options)
    out.append("")
    for item in result.items:
        out.extend(_item_lines(item, lang))
    if result.warnings:
        out += ["", phrase("warnings", lang)]
        out.extend(phrase("warning", lang, text=w.zh if zh else w.en) for w in result.warnings)
    sources = result.sources()
    if sources:
        out.append(phrase("sources", lang))
        out.extend(_source_line(pv, lang) for pv in sources)
    return "\n".join(out)


def _html_row(item: ChecklistItem) -> str:
    e, say = html.escape, words()["html"]
    box = "&#9744;" if item.applies else "—"
    docs = "".join(
        f"<li>&#9744; {e(d.name)}"
        + (f"（{e(d.note)}）" if d.note else "")
        + (say["when"].format(when=e(d.when)) if d.when else "")
        + "</li>"
        for d in item.documents
    )
    pre = "".join(f"<li>△ {e(p.zh)}<br><small>{e(p.en)}</small></li>" for p in item.preconditions)
    notes = "".join(f"<li>{e(n.zh)}</li>" for n in item.notes)
    after = say["after"].format(items=e(_items_ref(item.depends_on, "zh"))) if item.depends_on else ""
    return (
        f"<tr><td>{box} {item.number}</td><td>{e(item.name)}<br><small>{e(item.name_en)}</small></td>"
        f"<td>{e(item.department)}</td><td>{e(item.reason)}<br><small>{e(item.reason_en)}</small>{after}</td>"
        f"<td><ul>{docs}</ul></td><td><ul>{pre}{notes}</ul></td></tr>"
    )


def render_checklist_html(result: RetirementChecklist) -> str:
    """HTML for notebooks: the same content as the counter text, with check boxes."""
    e, say, r = html.escape, words()["html"], result
    head = say["head"].format(
        apply_on=r.apply_on,
        month=r.retirement_month,
        age=e(r.retirement_age.zh()),
        min_years=r.min_contribution_years,
        met=say["met"] if r.min_years_met else say["not_met"],
        due_date=r.due_date,
        estimate=say["estimate"] if r.due_date_estimate else "",
    )
    options = "".join(f"<li>{e(o.zh)}<br><small>{e(o.en)}</small></li>" for o in r.shortfall_options)
    warn = "".join(f"<li>{e(w.zh)}<br><small>{e(w.en)}</small></li>" for w in r.warnings)
    rows = "".join(_html_row(i) for i in r.items)
    return (
        f"<div class='jm-socialsec'><h4>{e(r.title_zh)} / {e(r.title_en)} <small>as of {r.as_of}</small></h4>{head}"
        + (f"{say['options']}<ul>{options}</ul>" if options else "")
        + f"<table><thead><tr>{say['columns']}</tr></thead><tbody>{rows}</tbody></table>"
        + (f"{say['warnings']}<ul>{warn}</ul>" if warn else "")
        + "</div>"
    )
