"""The short answer (简要结果, ``--brief``): the figures a clerk reads out, nothing scrolled away.

Built from the result itself: its headline fields (the same the full explanation opens with),
each amount marked 预发 / provisional when the result rests on a figure not yet published (the
previous one stands in), 预测 / projected when it rests on a projection the caller asked for (with,
for a pension, how much of it does), a date marked 预估 / projected when it is an estimate; then,
where the result has them, why it is not eligible, the totals by payer (work injury), the items
that could not be estimated and the checklist items to file. The number of warnings closes it, with where to read them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from ..engine.explain import Explained, fmt
from ..engine.months import Age, YearMonth
from ..engine.tables import Unit
from .dates import day_text, month_text
from .words import say


@dataclass
class Line:
    """One figure: its field, label, value (as the result has it), unit and marks."""

    field: str
    label: str
    value: Any
    unit: Unit | None
    marks: tuple[str, ...] = ()


@dataclass
class Brief:
    """The short answer in one language."""

    title: str
    as_of: date
    lines: list[Line]
    notes: list[str] = field(default_factory=list)
    warnings: int = 0


def _flagged_fields(result: Explained, flag: str) -> set[str]:
    """The amounts to mark 预发 (``provisional``) or 预测 (``projected``): the total where the
    result has one, else every amount."""
    if not getattr(result, flag, False):
        return set()
    units: dict[str, Unit] = getattr(result, "units", {})
    money = {name for name, *_ in result.headline if units.get(name) in (Unit.YUAN, Unit.YUAN_PER_MONTH)}
    return {"total"} if "total" in money else money


def _marks(result: Explained, name: str, flagged: dict[str, set[str]]) -> tuple[str, ...]:
    marks: list[str] = ["provisional"] if name in flagged["provisional"] else []
    if name in flagged["projected"] or (name == "due_date" and getattr(result, "due_date_estimate", False)):
        marks.append("projected")
    return tuple(marks)


def _lines(result: Explained, lang: str) -> list[Line]:
    units: dict[str, Unit] = getattr(result, "units", {})
    flagged = {flag: _flagged_fields(result, flag) for flag in ("provisional", "projected")}
    lines = []
    for name, zh, en in result.headline:
        value = getattr(result, name)
        if value is None or name == "due_date_estimate":  # the estimate is a mark on the date
            continue
        unit = units.get(name)
        lines.append(Line(name, zh if lang == "zh" else en, value, unit, _marks(result, name, flagged)))
    return lines


def _projected_share(result: Explained, lang: str) -> Iterable[str]:
    """How much of a pension rests on projected figures (the lines that read the projected base)."""
    amount = getattr(result, "projected_amount", None)
    if getattr(result, "projected", False) and amount is not None:
        yield say("projected_share", lang, amount=fmt(amount, Unit.YUAN_PER_MONTH, lang))


def _not_eligible(result: Explained, lang: str) -> Iterable[str]:
    if getattr(result, "eligible", True) is not False and getattr(result, "min_years_met", True) is not False:
        return
    why = [n.zh if lang == "zh" else n.en for n in getattr(result, "reasons", ())]
    missing = getattr(result, "missing_months", 0) or getattr(result, "shortfall_months", 0)
    if missing:
        why.append(say("shortfall", lang, months=missing))
    yield say("not_eligible", lang) + ("：" if lang == "zh" else ": ") + ("；" if lang == "zh" else "; ").join(why)
    for option in getattr(result, "options", ()) or getattr(result, "shortfall_options", ()):
        zh, en = (option.zh, option.en) if hasattr(option, "zh") else option
        yield f"· {zh if lang == 'zh' else en}"


def _payers(result: Explained, lang: str) -> Iterable[str]:
    """Per payer, the one-off and the monthly totals (work injury: fund or employer)."""
    totals: dict[Any, dict[Unit, Decimal]] = {}
    for item in getattr(result, "items", ()):
        payer, amount = getattr(item, "payer", None), getattr(item, "amount", None)
        if payer is not None and amount is not None:
            by_unit = totals.setdefault(payer, {})
            by_unit[item.unit] = by_unit.get(item.unit, Decimal(0)) + amount
    for payer, by_unit in totals.items():
        parts = [
            say("once" if unit is Unit.YUAN else "monthly", lang, amount=fmt(amount, unit, lang))
            for unit, amount in sorted(by_unit.items(), key=lambda kv: kv[0] is not Unit.YUAN)
        ]
        name = payer.zh if lang == "zh" else payer.value
        yield say("payer_total", lang, payer=name, parts=("；" if lang == "zh" else "; ").join(parts))


def _others(result: Explained, lang: str) -> Iterable[str]:
    for u in getattr(result, "not_covered", ()):
        zh = lang == "zh"
        yield say("not_covered", lang, item=u.label_zh if zh else u.label_en, reason=u.reason_zh if zh else u.reason_en)
    applying = [i for i in getattr(result, "items", ()) if getattr(i, "applies", False)]
    if applying:
        names = "；".join(f"{i.number}. {i.name if lang == 'zh' else i.name_en}" for i in applying)
        yield say("applying", lang, items=names)


def brief(result: Explained, lang: str = "zh") -> Brief:
    """The short answer of ``result`` in ``lang`` (``"zh"`` or ``"en"``)."""
    title = result.title_zh if lang == "zh" else result.title_en
    for flag, word in (("provisional", "provisional"), ("projected", "projected_figure")):
        if getattr(result, flag, False):
            title += f"〔{say(word, lang)}〕" if lang == "zh" else f" [{say(word, lang)}]"
    notes = [*_not_eligible(result, lang), *_projected_share(result, lang), *_payers(result, lang)]
    notes += _others(result, lang)
    return Brief(title, result.as_of, _lines(result, lang), notes, len(result.warnings))


def show_value(value: Any, unit: Unit | None, lang: str) -> str:
    """A value for people: amounts grouped (babel's symbols), dates and months in the language's form."""
    if isinstance(value, YearMonth):
        return month_text(value, lang)
    if isinstance(value, date):
        return day_text(value, lang)
    if isinstance(value, Age):
        return fmt(tuple(value), None, lang)
    return fmt(value, unit, lang)


def _mark(mark: str, line: Line, lang: str) -> str:
    """A mark's word: a projected amount is 预测, an estimated date 预估."""
    if mark == "projected" and not isinstance(line.value, date):
        return say("projected_figure", lang)
    return say(mark, lang)


def render(b: Brief, lang: str = "zh") -> str:
    """The short answer as text."""
    zh = lang == "zh"
    head = (
        f"{b.title}（依 {day_text(b.as_of, lang)} 知悉的规定）"
        if zh
        else f"{b.title} (as known on {day_text(b.as_of, lang)})"
    )
    lines = [head]
    for line in b.lines:
        marks = "".join(f"〔{_mark(m, line, lang)}〕" if zh else f" [{_mark(m, line, lang)}]" for m in line.marks)
        sep = "：" if zh else ": "
        lines.append(f"  {line.label}{sep}{show_value(line.value, line.unit, lang)}{marks}")
    lines.extend(f"  {note}" for note in b.notes)
    if b.warnings:
        lines.append(f"  ! {say('warnings', lang, count=b.warnings)}")
    return "\n".join(lines)


def _json_value(value: Any) -> Any:
    if isinstance(value, Decimal | YearMonth | date):
        return str(value)
    if isinstance(value, Age):
        return [value.years, value.months]
    if hasattr(value, "value"):  # a coded choice
        return value.value
    return value


def to_json(b: Brief) -> dict[str, Any]:
    """The short answer for programs: values as in the full JSON (Decimals and dates as text)."""
    return {
        "title": b.title,
        "as_of": str(b.as_of),
        "figures": [
            {"field": x.field, "label": x.label, "value": _json_value(x.value), "marks": list(x.marks)} for x in b.lines
        ],
        "notes": b.notes,
        "warnings": b.warnings,
    }
