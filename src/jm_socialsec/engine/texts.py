"""Words in a catalogue (文字目录): labels, formulas and notes by rule id, figures as placeholders.

Each area keeps its words in ``<area>/texts.toml`` beside its rules (python-holidays keeps its
words in catalogues the same way), keyed by the rule's name (its id without the area)::

    [contribution_base]
    label = ["缴费基数", "contribution base"]
    formula = ["工资限定在 [{pension.contribution.base_lower}, {pension.contribution.base_upper}] 之间", "…"]
    calc = "min(max({wage}, {pension.contribution.base_lower}), {pension.contribution.base_upper}) = {result}"
    note = ["…", "…"]
    inputs.wage = ["月工资", "monthly wage", "yuan_per_month"]

    [notice.some_code]
    text = ["…{value}…", "…{value}…"]

A pair is ``[Chinese, English]``. ``{name}`` is filled from the values of the traced call: its
inputs, the parameter values it read (by parameter id), its sub-rules' results (by rule name)
and ``result``; ``{name:pct}`` shows a rate as a percentage, ``{name:money}`` groups an amount.
A text never carries a table figure itself, so the print-out cannot contradict the number.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from decimal import Decimal
from enum import Enum
from functools import cache
from importlib import resources
from typing import Any, NamedTuple

from .errors import InternalError
from .fmt import money, percent, plain

PLACEHOLDER = re.compile(r"\{([A-Za-z_][\w.]*)(?::(\w+))?\}")


@cache
def catalogue(area: str) -> dict[str, Any]:
    """The words of an area (``jm_socialsec/<area>/texts.toml``), loaded once."""
    try:
        path = resources.files(f"jm_socialsec.{area}") / "texts.toml"
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (ModuleNotFoundError, FileNotFoundError):  # an area without words (tests' own rules)
        return {}


def pair(entry: Mapping[str, Any], key: str) -> tuple[str, str]:
    """``entry[key]`` as (Chinese, English); a missing text is ("", "")."""
    value = entry.get(key)
    if value is None:
        return "", ""
    if isinstance(value, str):
        return value, value
    return str(value[0]), str(value[1])


def show(value: Any, spec: str | None = None, lang: str = "zh") -> str:
    """A value as a formula shows it: exact decimals without exponent, rates as percentages."""
    if isinstance(value, Decimal):
        if spec == "pct":
            return percent(value)
        return money(value, lang) if spec == "money" else plain(value)
    if isinstance(value, Enum) and hasattr(value, "zh"):
        return str(value.zh) if lang == "zh" else str(value.value)
    if isinstance(value, tuple):
        return (
            "、".join(show(v, spec, lang) for v in value)
            if lang == "zh"
            else ", ".join(show(v, spec, lang) for v in value)
        )
    return str(value)


def fill(template: str, values: Mapping[str, Any], lang: str = "zh") -> str:
    """Replace every ``{name}`` / ``{name:spec}``; an unknown name is a bug (InternalError)."""
    if "{" not in template:  # most texts have no figure: nothing to fill
        return template
    plan = layout(((template, lang),))
    return plan.text.format(*_shown(plan.shown, values))


def fill_all(plan: Layout, values: Mapping[str, Any]) -> list[str]:
    """The templates of a :func:`layout`, filled at once (a value named twice is shown once)."""
    texts = plan.text.format(*_shown(plan.shown, values)).split(_SEP)
    if len(texts) == len(plan.templates):
        return texts
    return [fill(template, values, lang) for template, lang in plan.templates]  # a value held a NUL


class Layout(NamedTuple):
    """Templates made once into one ``str.format`` layout: the texts joined by :data:`_SEP`,
    ``{i}`` for the i-th value shown, other braces doubled; and each value shown, as
    (name, spec, language)."""

    text: str
    shown: tuple[tuple[str, str | None, str], ...]
    #: The (template, language) pairs it was made from.
    templates: tuple[tuple[str, str], ...]


#: Between the texts of a layout (no catalogue text has it).
_SEP = "\0"


@cache
def layout(templates: tuple[tuple[str, str], ...]) -> Layout:
    """The :class:`Layout` of (template, language) pairs."""
    pieces: list[str] = []
    shown: dict[tuple[str, str | None, str], int] = {}
    for template, lang in templates:
        if _SEP in template:
            raise InternalError(f"a text holds a NUL character: {template!r}")
        pos = 0
        for m in PLACEHOLDER.finditer(template):
            index = shown.setdefault((m.group(1), m.group(2), lang), len(shown))
            pieces.append(_literal(template[pos : m.start()]) + f"{{{index}}}")
            pos = m.end()
        pieces.append(_literal(template[pos:]))
        pieces.append(_SEP)
    return Layout("".join(pieces[:-1]), tuple(shown), templates)


def _shown(names: tuple[tuple[str, str | None, str], ...], values: Mapping[str, Any]) -> list[str]:
    """Each (name, spec, language) as :func:`show` writes its value; an unknown name is a bug."""
    out = []
    for name, spec, lang in names:
        try:
            value = values[name]
        except KeyError:
            known = ", ".join(sorted(values))
            raise InternalError(f"text placeholder {{{name}}} has no value (known: {known})") from None
        if spec is None and type(value) is Decimal:  # the common case, as :func:`plain` writes it
            text = str(value)
            out.append(text if "E" not in text else format(value, "f"))
        else:
            out.append(show(value, spec, lang))
    return out


def _literal(text: str) -> str:
    """Text kept as it is by ``str.format``."""
    return text.replace("{", "{{").replace("}", "}}")


def placeholders(template: str) -> set[str]:
    """The names a template refers to."""
    return {m.group(1) for m in PLACEHOLDER.finditer(template)}
