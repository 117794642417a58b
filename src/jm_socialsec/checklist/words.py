"""The words of the result (文字): codes from the rules, texts from ``checklist/texts.toml``.

The rules decide with codes; this module turns a :class:`~.items.Verdict` into a
:class:`~.result.ChecklistItem` with both languages, filling each text's placeholders from the
values of the case (:func:`case_values`, one dict per language: a choice, an age or a span of
years is said differently in Chinese and English). A text never carries a figure itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

from ..engine.explain import Notice
from ..engine.html import LANGS
from ..engine.texts import catalogue, fill, pair
from .items import Case, Verdict
from .result import ChecklistItem, Document, Option, Precondition

Values = tuple[dict[str, Any], dict[str, Any]]  # (Chinese, English)
_YEAR = 12  # months in a year (structural)


@cache
def words() -> dict[str, Any]:
    """The checklist's catalogue."""
    return catalogue("checklist")


def both(entry: Mapping[str, Any], key: str, values: Values) -> tuple[str, str]:
    """``entry[key]`` filled in both languages (a text without a placeholder is itself)."""
    zh, en = pair(entry, key)
    return fill(zh, values[0], "zh"), fill(en, values[1], "en")


@cache
def _fixed(section: str, code: str) -> bool:
    """Whether an entry's words name no value (then the built object is made once and shared)."""
    entry = words()[section][code]
    return not any("{" in text for key in entry for text in pair(entry, key))


def phrase(key: str, lang: str, /, **values: Any) -> str:
    """A fixed phrase of the print-out (``[print]``), filled.

    The print-out names only plain values (text, dates, whole numbers, table values shown as
    written), so the template is filled by ``str.format_map``: the same ``{name}`` syntax as
    :func:`~jm_socialsec.engine.texts.fill`, a tenth of its cost (the counter prints ~120 of them).
    """
    return _template(key, lang).format_map(values)


@cache
def _template(key: str, lang: str) -> str:
    text = words()["print"][key]
    return str(text[0] if lang == "zh" else text[1])


def months_text(months: int, lang: str) -> str:
    """A span of months as years and months (``25年``, ``25 y 6 m``)."""
    y, m = divmod(months, _YEAR)
    return phrase("months_years", lang, years=y, months=m) if m else phrase("whole_years", lang, years=y)


def case_values(c: Case) -> Values:
    """Every value a text of the items may name, in Chinese and in English."""
    p, medical = c.person, c.medical
    common: dict[str, Any] = {
        "month": c.month,
        "min_years": c.min_years,
        "shortfall": c.shortfall,
        "special_years": p.special_years,
        "required_years": c.special_required_years,
        "earliest": c.special_earliest,
        "publicity_days": c.publicity_days,
        "top_up": None if medical is None else medical.top_up_months,
    }
    out: list[dict[str, Any]] = []
    for lang in LANGS:
        zh = lang == "zh"
        region = p.hukou_region
        total = None if medical is None else medical.required_months
        local = None if medical is None else medical.required_local_months
        values = {
            **common,
            "choice": c.choice.zh if zh else c.choice.value,
            "age": c.age.zh() if zh else c.age.en(),
            "years": months_text(p.contribution_months, lang),
            "special_type": None if p.special_type is None else (p.special_type.zh if zh else p.special_type.value),
            "medical_total": None if total is None else months_text(total, lang),
            "medical_local": None if local is None else months_text(local, lang),
            "region_suffix": "" if region is None else phrase("region_suffix", lang, region=region.zh),
        }
        out.append(values)
    return out[0], out[1]


def _grounds(grounds: tuple[tuple[str, str], ...], values: Values) -> Values:
    """Item 3's grounds, each said in its words, joined into the value ``grounds``."""
    deemed, sep = words()["deemed_service"], words()["print"]["list_separator"]
    out: list[dict[str, Any]] = []
    for i, (lang, vals) in enumerate(zip(("zh", "en"), values, strict=True)):
        texts = []
        for code, value in grounds:
            extra = {"deemed": deemed[value][i]} if code == "deemed" else {}
            texts.append(fill(pair(words()["ground"][code], "text")[i], {**vals, **extra}, lang))
        out.append({**vals, "grounds": sep[i].join(texts)})
    return out[0], out[1]


def document(code: str, values: Values) -> Document:
    return _fixed_document(code) if _fixed("document", code) else _document(code, values)


@cache
def _fixed_document(code: str) -> Document:
    return _document(code, ({}, {}))


def _document(code: str, values: Values) -> Document:
    entry = words()["document"][code]
    name, note, when = both(entry, "name", values), both(entry, "note", values), both(entry, "when", values)
    return Document(name=name[0], name_en=name[1], note=note[0], note_en=note[1], when=when[0], when_en=when[1])


def precondition(code: str, values: Values) -> Precondition:
    entry = words()["precondition"][code]
    zh, en = both(entry, "text", values)
    return Precondition(code=entry.get("code", code), zh=zh, en=en)


def note(code: str, values: Values) -> Notice:
    return _fixed_note(code) if _fixed("note", code) else _note(code, values)


@cache
def _fixed_note(code: str) -> Notice:
    return _note(code, ({}, {}))


def _note(code: str, values: Values) -> Notice:
    entry = words()["note"][code]
    zh, en = both(entry, "text", values)
    return Notice(code=entry.get("code", code), zh=zh, en=en)


def option(code: str) -> Option:
    zh, en = pair(words()["option"][code], "text")
    return Option(code=code, zh=zh, en=en)


def checklist_item(number: int, v: Verdict, depends: tuple[int, ...], values: Values) -> ChecklistItem:
    """An item in both languages; nothing to bring or settle for an item that does not apply."""
    item = words()["item"][str(number)]
    name, department = pair(item, "name"), pair(item, "department")
    if v.grounds:
        values = _grounds(v.grounds, values)
    reason = both(words()["reason"][v.reason], "text", values)
    return ChecklistItem(
        number=number,
        name=name[0],
        name_en=name[1],
        department=department[0],
        department_en=department[1],
        applies=v.applies,
        reason=reason[0],
        reason_en=reason[1],
        documents=tuple(document(c, values) for c in v.documents) if v.applies else (),
        preconditions=tuple(precondition(c, values) for c in v.preconditions) if v.applies else (),
        depends_on=depends if v.applies else (),
        notes=tuple(note(c, values) for c in v.notes) if v.applies else (),
    )
