"""The counter print-out and the notebook view (打印清单), kept apart from the rules.

Numbered items with check boxes, the documents indented, the warnings and the sources. Every
fixed phrase is in ``checklist/texts.toml`` (``[print]``); the notebook view says the same in
one language, with the engine's look (:mod:`jm_socialsec.engine.html`: badges, warnings first,
steps folded). JSON is ``to_json()``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..engine.html import badges, check_lang, esc, page, register_view, steps_block, title, warnings_block
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


def _item_fields(item: ChecklistItem, lang: str) -> dict[str, Any]:
    zh = lang == "zh"
    return {
        "number": item.number,
        "name": phrase("item_name_en", lang, name=item.name, name_en=item.name_en),
        "department": item.department if zh else item.department_en,
        "reason": item.reason if zh else item.reason_en,
    }


def _item_lines(item: ChecklistItem, lang: str) -> list[str]:
    zh = lang == "zh"
    fields = _item_fields(item, lang)
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


def _line(text: str) -> str:
    return f"<div>{esc(text.strip())}</div>"


def _sub_list(heading: str, lines: list[str]) -> str:
    return _line(heading) + "<ul>" + "".join(f"<li>{esc(x.strip())}</li>" for x in lines) + "</ul>"


def _html_item(item: ChecklistItem, lang: str) -> str:
    """One item as the print-out says it, structured: documents and open points as lists."""
    zh, fields = lang == "zh", _item_fields(item, lang)
    if not item.applies:
        return f"<li class='jm-muted'>{esc(phrase('item_not_applying', lang, **fields).strip())}</li>"
    parts = [f"<b>{esc(phrase('item_applying', lang, **fields).strip())}</b>", _line(phrase("applies", lang, **fields))]
    if item.depends_on:
        parts.append(_line(phrase("after", lang, items=_items_ref(item.depends_on, lang))))
    if item.documents:
        parts.append(_sub_list(phrase("documents", lang), [_document_line(d, lang) for d in item.documents]))
    else:
        parts.append(_line(phrase("no_documents", lang)))
    if item.preconditions:
        texts = [phrase("precondition", lang, text=p.zh if zh else p.en) for p in item.preconditions]
        parts.append(_sub_list(phrase("still_open", lang), texts))
    parts.extend(_line(phrase("note", lang, text=n.zh if zh else n.en)) for n in item.notes)
    return f"<li>{''.join(parts)}</li>"


@register_view(RetirementChecklist)
def render_checklist_html(result: RetirementChecklist, lang: str = "zh") -> str:
    """HTML for notebooks, one language: the counter print-out's content, warnings first."""
    zh, r = check_lang(lang) == "zh", result
    facts = "".join(f"<li>{esc(line)}</li>" for line in _head(r, lang)[1:])
    options = [phrase("option", lang, text=o.zh if zh else o.en) for o in r.shortfall_options]
    items = "".join(_html_item(i, lang) for i in r.items)
    return page(
        lang,
        title(r, lang, badges(r.warnings, lang)),
        warnings_block(r.warnings, lang),
        f"<ul>{facts}</ul>",
        _sub_list(phrase("options", lang), options) if options else "",
        f"<ul class='jm-items'>{items}</ul>",
        steps_block(r.steps, lang),
    )
