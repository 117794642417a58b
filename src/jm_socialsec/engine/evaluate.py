"""Running a calculation (运行与解释): amounts now, the explanation only when asked for.

A public function validates its input and hands :func:`evaluate` the result class and a
*compute* function: ``compute(params, *args) -> {field: value}`` that calls the rules in legal
order and returns the result's amounts. :func:`evaluate` runs it with tracing off and builds
the result; reading ``steps`` or ``warnings`` (or rendering, or serialising) replays the same
compute with tracing on — the rules are pure and ``as_of`` is fixed, so the replay computes the
same values — and builds the steps from the trace and the area's words.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import Any, TypeVar

from pydantic import BaseModel

from .explain import Explained, Explanation, Notice, Quantity, Step, notices_for
from .params import Params, ParamValue
from .projection import Assumptions, assumptions_of
from .tables import Unit
from .texts import catalogue, fill, pair
from .trace import RULES, Node, tracing

E = TypeVar("E", bound=Explained)
M = TypeVar("M", bound=BaseModel)
Compute = Callable[..., dict[str, Any]]


def evaluate(
    cls: type[E],
    compute: Compute,
    *args: Any,
    as_of: date | None = None,
    overrides: Mapping[str, Any] | None = None,
    project: bool = False,
    assumptions: Assumptions | Mapping[str, Any] | None = None,
) -> E:
    """Run ``compute(params, *args)`` untraced and return ``cls`` with a lazy explanation.

    ``project=True`` or ``assumptions``: figures published per period that are not published yet
    are projected (marked ``projected``) instead of refused.
    """
    future = assumptions_of(project, assumptions)
    params = Params(as_of, overrides, future)
    fields = compute(params, *args)
    fields["as_of"] = params.as_of
    explainer = functools.partial(explain, compute, args, params.as_of, overrides, with_warnings=False, future=future)
    return build(cls, fields, explainer, params)


def warnings_of(params: Params) -> tuple[Notice, ...]:
    """The warnings a calculation owes, from its record of values used and rule notices."""
    return notices_for(params.used) + rule_notices(params.notices)


def build(
    cls: type[E], fields: dict[str, Any], explainer: Callable[[], Explanation], params: Params | None = None
) -> E:
    """The result from trusted fields, without validation, its explanation deferred.

    What ``model_construct`` does, less its per-call overhead: the fields a compute returns
    are already of the model's types (the rules made them), so nothing is validated again.
    """
    for name, default in _defaults(cls):
        if name not in fields:
            fields[name] = default()
    result = cls.__new__(cls)
    object.__setattr__(result, "__dict__", fields)
    object.__setattr__(result, "__pydantic_fields_set__", set(fields))
    object.__setattr__(result, "__pydantic_extra__", None)
    warner = None if params is None else functools.partial(warnings_of, params)
    object.__setattr__(result, "__pydantic_private__", {"_explainer": explainer, "_warner": warner})
    return result


def trusted(cls: type[M], **fields: Any) -> M:
    """A model from values the engine made itself (all fields given): no validation, no copies."""
    model = cls.__new__(cls)
    object.__setattr__(model, "__dict__", fields)
    object.__setattr__(model, "__pydantic_fields_set__", set(fields))
    object.__setattr__(model, "__pydantic_extra__", None)
    object.__setattr__(model, "__pydantic_private__", None)
    return model


@functools.cache
def _defaults(cls: type[Explained]) -> tuple[tuple[str, Callable[[], Any]], ...]:
    """(field, default maker) for every field of ``cls`` that has a default."""
    out = []
    for name, info in cls.model_fields.items():
        if not info.is_required():
            out.append((name, functools.partial(info.get_default, call_default_factory=True)))
    return tuple(out)


def explain(
    compute: Compute,
    args: tuple[Any, ...],
    as_of: date,
    overrides: Mapping[str, Any] | None,
    *,
    with_warnings: bool = True,
    future: Assumptions | None = None,
) -> Explanation:
    """Replay ``compute`` with tracing on: the steps (and the warnings, unless the result has them)."""
    params = Params(as_of, overrides, future)
    with tracing() as root:
        compute(params, *args)
    return Explanation(steps_from(root), warnings_of(params) if with_warnings else ())


def steps_from(root: Node) -> tuple[Step, ...]:
    """One step per traced rule that is shown, each after the rules it called."""
    return tuple(step_of(node) for node in root.walk() if RULES[node.rule].step)


def step_of(node: Node) -> Step:
    """A traced call as a line of the explanation, its words filled from its values."""
    info = RULES[node.rule]
    words = catalogue(info.area).get(info.name, {})
    reads = _unique(_reads(node))
    values: dict[str, Any] = {pv.id: pv.value for pv in reads}
    values.update(_results_below(node))
    values.update(node.inputs)
    values["result"] = node.result
    label, formula, note = pair(words, "label"), pair(words, "formula"), pair(words, "note")
    return trusted(
        Step,
        id=info.name,
        label_zh=fill(label[0], values, "zh"),
        label_en=fill(label[1], values, "en"),
        formula_zh=fill(formula[0], values, "zh"),
        formula_en=fill(formula[1], values, "en"),
        calc=fill(words.get("calc", ""), values),
        inputs=tuple(
            _quantity(spec, node.inputs[name], values)
            for name, spec in words.get("inputs", {}).items()
            if node.inputs.get(name) is not None  # an optional input the call did not have
        ),
        params=reads,
        result=node.result,
        unit=info.unit,
        note_zh=fill(note[0], values, "zh"),
        note_en=fill(note[1], values, "en"),
    )


def _reads(node: Node) -> Iterable[ParamValue]:
    """The values a step read: its own and those of the helper rules it called (not shown)."""
    yield from node.params
    for child in node.children:
        if not RULES[child.rule].step:
            yield from _reads(child)


def _results_below(node: Node) -> dict[str, Any]:
    """Sub-rules' results by rule name (through helper rules that are not shown)."""
    out: dict[str, Any] = {}
    for child in node.children:
        if not RULES[child.rule].step:
            out.update(_results_below(child))
        out[RULES[child.rule].name] = child.result
    return out


def _unique(values: Iterable[ParamValue]) -> tuple[ParamValue, ...]:
    seen: dict[tuple[str, str | None, str], ParamValue] = {}
    for pv in values:
        seen.setdefault((pv.id, pv.key, str(pv.value)), pv)
    return tuple(seen.values())


def _quantity(spec: list[str], value: Any, values: dict[str, Any]) -> Quantity:
    """An input line: its words (placeholders allowed, e.g. a year), value and unit."""
    unit = Unit(spec[2]) if len(spec) > 2 and spec[2] else None
    return trusted(
        Quantity, name_zh=fill(spec[0], values, "zh"), name_en=fill(spec[1], values, "en"), value=value, unit=unit
    )


def rule_notices(recorded: Iterable[tuple[str, dict[str, Any]]]) -> tuple[Notice, ...]:
    """The rules' own warnings (``<area>.<code>``), words from the area's catalogue, each once."""
    out: dict[tuple[str, str], Notice] = {}
    for full, values in recorded:
        area, code = full.split(".", 1)
        zh, en = pair(catalogue(area)["notice"][code], "text")
        notice = Notice(code=code, zh=fill(zh, values, "zh"), en=fill(en, values, "en"), param=values.get("param"))
        out.setdefault((code, notice.zh), notice)
    return tuple(out.values())
