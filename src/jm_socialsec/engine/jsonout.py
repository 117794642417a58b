"""A result's JSON, made fast (结果的 JSON): the same dict as ``model_dump(mode="json")``.

The explanation is most of a result's JSON, and most of that is the parameter values it cites,
each with its source. A :class:`~jm_socialsec.engine.params.ParamValue` is frozen and shared by
every calculation that reads it (the parameter cache), so its JSON is made once by pydantic and
copied per result; steps, inputs and notices are plain fields written here. The amounts (the
result's own fields) are still dumped by pydantic. Tests compare the two ways on every snapshot
scenario and on generated estimates: they must give the same dict.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from pydantic_core import to_jsonable_python

from .explain import json_scalar, per_value
from .fmt import plain
from .money import fen_text
from .months import YearMonth
from .params import is_money
from .tables import Unit

if TYPE_CHECKING:
    from .explain import Explained, Notice, Quantity, Step
    from .params import ParamValue

#: The explanation's fields, written here (the other fields are pydantic's).
EXPLANATION = {"steps", "warnings"}


def result_json(result: Explained) -> dict[str, Any]:
    """``result.model_dump(mode="json")``, the explanation written from cached parts."""
    data = result.model_dump(mode="json", exclude=EXPLANATION)
    data["steps"] = [step_json(step) for step in result.steps]
    data["warnings"] = [notice_json(notice) for notice in result.warnings]
    return data


def step_json(step: Step) -> dict[str, Any]:
    """A step as pydantic writes it (the fields in the model's order)."""
    unit = step.unit
    return {
        "id": step.id,
        "label_zh": step.label_zh,
        "label_en": step.label_en,
        "formula_zh": step.formula_zh,
        "formula_en": step.formula_en,
        "calc": step.calc,
        "inputs": [quantity_json(q) for q in step.inputs] if step.inputs else [],
        "params": [param_json(pv) for pv in step.params] if step.params else [],
        "result": scalar_json(step.result, unit),
        "unit": _UNIT_TEXT[unit],
        "note_zh": step.note_zh,
        "note_en": step.note_en,
    }


def quantity_json(q: Quantity) -> dict[str, Any]:
    unit = q.unit
    return {"name_zh": q.name_zh, "name_en": q.name_en, "value": scalar_json(q.value, unit), "unit": _UNIT_TEXT[unit]}


#: A unit as JSON writes it (``Unit.value`` is an enum property: a lookup is cheaper).
_UNIT_TEXT: dict[Unit | None, str | None] = {None: None, **{u: u.value for u in Unit}}
_MONEY_UNITS = frozenset(u for u in Unit if is_money(u))


def notice_json(n: Notice) -> dict[str, Any]:
    return {"code": n.code, "zh": n.zh, "en": n.en, "param": n.param}


def param_json(pv: ParamValue) -> dict[str, Any]:
    """A parameter value's JSON: made once per value, a fresh copy for each result (a caller
    may change it without changing the cached original; strings are immutable and shared)."""
    out = _param_dump(pv).copy()
    out["source"] = out["source"].copy()
    if type(out["value"]) is list:  # a value listing several (its items are strings)
        out["value"] = list(out["value"])
    return out


@per_value
def _param_dump(pv: ParamValue) -> dict[str, Any]:
    return pv.model_dump(mode="json")


def scalar_json(v: Any, unit: Unit | None = None) -> Any:
    """A step's value as pydantic writes it: :func:`json_scalar`'s rule (money with two decimals,
    other numbers exact, months "YYYY-MM"), anything else by pydantic's own inference — written
    here where that is plain: a list of plain items as it is, a fraction as its text."""
    kind = type(v)
    if kind is Decimal:  # the common cases first, as :func:`json_scalar` writes them
        return fen_text(v) if unit in _MONEY_UNITS else plain(v)
    if kind in _PLAIN:
        return v
    if kind is YearMonth or kind is date:
        return str(v)
    if isinstance(v, tuple) and all(type(x) in _PLAIN for x in v):  # an age (years, months)
        return list(v)
    out = json_scalar(v, unit)
    kind = type(out)
    if kind in _PLAIN or (kind is list and all(type(x) in _PLAIN for x in out)):
        return out
    if isinstance(out, Fraction):  # pydantic writes a fraction as its text (an exact ratio shown)
        return str(out)
    return to_jsonable_python(out)


_PLAIN = frozenset({str, int, bool, type(None)})
