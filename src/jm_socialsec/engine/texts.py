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
from typing import Any

from .errors import InternalError

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
    if spec == "pct" and isinstance(value, Decimal):
        return f"{(value * 100).normalize():f}%"
    if spec == "money" and isinstance(value, Decimal):
        from .fmt import money

        return money(value, lang)
    if isinstance(value, Decimal):
        return f"{value:f}"
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
    out = []
    for literal, name, spec in _parts(template):
        out.append(literal)
        if name is not None:
            if name not in values:
                known = ", ".join(sorted(values))
                raise InternalError(f"text placeholder {{{name}}} has no value (known: {known})")
            out.append(show(values[name], spec, lang))
    return "".join(out)


@cache
def _parts(template: str) -> tuple[tuple[str, str | None, str | None], ...]:
    """A template split once into (literal, placeholder name, spec) pieces."""
    parts: list[tuple[str, str | None, str | None]] = []
    pos = 0
    for m in PLACEHOLDER.finditer(template):
        parts.append((template[pos : m.start()], m.group(1), m.group(2)))
        pos = m.end()
    parts.append((template[pos:], None, None))
    return tuple(parts)


def placeholders(template: str) -> set[str]:
    """The names a template refers to."""
    return {m.group(1) for m in PLACEHOLDER.finditer(template)}
