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
from decimal import Decimal
from enum import Enum
from typing import Any, NamedTuple, TypeVar

from pydantic import BaseModel

from .errors import InternalError
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
    shared, made, required = _defaults(cls)
    values = shared.copy()  # every field in the model's order (JSON keeps the dict's order)
    values.update(fields)
    if not required <= fields.keys():  # a bug in a compute, not in the caller's input
        raise InternalError(f"{cls.__name__}: the calculation gave no {', '.join(sorted(required - fields.keys()))}")
    for name, make in made:
        if name not in fields:
            values[name] = make()
    result = cls.__new__(cls)
    _set(result, "__dict__", values)
    _set(result, "__pydantic_fields_set__", set(fields))
    _set(result, "__pydantic_extra__", None)
    warner = None if params is None else functools.partial(warnings_of, params)
    _set(result, "__pydantic_private__", {"_explainer": explainer, "_warner": warner})
    return result


_set = object.__setattr__  # a frozen model's slots, set directly


def trusted(cls: type[M], **fields: Any) -> M:
    """A model from values the engine made itself (all fields given): no validation, no copies."""
    model = cls.__new__(cls)
    object.__setattr__(model, "__dict__", fields)
    object.__setattr__(model, "__pydantic_fields_set__", set(fields))
    object.__setattr__(model, "__pydantic_extra__", None)
    object.__setattr__(model, "__pydantic_private__", None)
    return model


#: Defaults shared by every result as they are: immutable values (anything else is made anew).
_IMMUTABLE = (type(None), bool, int, str, tuple, frozenset, Decimal, date, Enum)


@functools.cache
def _defaults(
    cls: type[Explained],
) -> tuple[dict[str, Any], tuple[tuple[str, Callable[[], Any]], ...], frozenset[str]]:
    """Every field of ``cls`` in the model's order with its immutable default (shared by every
    result as it is; ``None`` for the others until set), the makers of the defaults made anew per
    result, and the required fields (the compute gives them)."""
    shared: dict[str, Any] = {}
    made: list[tuple[str, Callable[[], Any]]] = []
    required: set[str] = set()
    for name, info in cls.model_fields.items():
        shared[name] = None
        if info.is_required():
            required.add(name)
        elif info.default_factory is None and _immutable(info.default):
            shared[name] = info.default
        else:
            made.append((name, functools.partial(info.get_default, call_default_factory=True)))
    return shared, tuple(made), frozenset(required)


def _immutable(value: Any) -> bool:
    """A default every result may share as it is (a tuple of immutable values too)."""
    if isinstance(value, tuple):
        return all(_immutable(x) for x in value)
    return isinstance(value, _IMMUTABLE)


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
    """One step per traced rule that is shown, each after the rules it called (a node shared by
    several traces, from a memoised sub-calculation, makes its step once)."""
    return tuple(_step(node) for node in root.walk() if RULES[node.rule].step)


def _step(node: Node) -> Step:
    step = node.step
    if step is None:
        step = node.step = step_of(node)
    return step  # type: ignore[no-any-return]


class Words(NamedTuple):
    """A rule's words, looked up once: (zh, en) pairs, the calculation, its input lines."""

    label: tuple[str, str]
    formula: tuple[str, str]
    note: tuple[str, str]
    calc: str
    #: (input name, [zh, en, unit]) for each input shown.
    inputs: tuple[tuple[str, list[str]], ...]
    #: Whether any text has a placeholder (the values are gathered only then).
    filled: bool


@functools.cache
def words_of(rule_id: str) -> Words:
    """The words of a rule from its area's catalogue (files are read once: so are their entries)."""
    info = RULES[rule_id]
    entry = catalogue(info.area).get(info.name, {})
    label, formula, note, calc = (
        pair(entry, "label"),
        pair(entry, "formula"),
        pair(entry, "note"),
        entry.get("calc", ""),
    )
    inputs = tuple(entry.get("inputs", {}).items())
    texts = (*label, *formula, *note, calc, *(text for _, spec in inputs for text in spec[:2]))
    return Words(label, formula, note, calc, inputs, filled=any("{" in text for text in texts))


def step_of(node: Node) -> Step:
    """A traced call as a line of the explanation, its words filled from its values."""
    info = RULES[node.rule]
    words = words_of(node.rule)
    reads = _unique(_reads(node))
    values = _values(node, reads) if words.filled else _NOTHING
    label_zh, label_en, formula_zh, formula_en, calc, note_zh, note_en = _texts(words, values)
    return trusted(
        Step,
        id=info.name,
        label_zh=label_zh,
        label_en=label_en,
        formula_zh=formula_zh,
        formula_en=formula_en,
        calc=calc,
        inputs=tuple(
            _quantity(spec, node.inputs[name], values)
            for name, spec in words.inputs
            if node.inputs.get(name) is not None  # an optional input the call did not have
        ),
        params=reads,
        result=node.result,
        unit=info.unit,
        note_zh=note_zh,
        note_en=note_en,
    )


_LANGS = ("zh", "en", "zh", "en", "zh", "zh", "en")  # of the texts below (a calculation is language-neutral)


def _texts(words: Words, values: dict[str, Any]) -> tuple[str, ...]:
    """Label, formula (zh, en), calculation, note (zh, en): filled where they name a value."""
    raw = (*words.label, *words.formula, words.calc, *words.note)
    if not words.filled:
        return raw
    return tuple(fill(text, values, lang) for text, lang in zip(raw, _LANGS, strict=True))


_NOTHING: dict[str, Any] = {}


def _values(node: Node, reads: tuple[ParamValue, ...]) -> dict[str, Any]:
    """What a step's texts may name: values read (by id), sub-results (by rule name), inputs, result."""
    values: dict[str, Any] = {pv.id: pv.value for pv in reads}
    values.update(_results_below(node))
    values.update(node.inputs)
    values["result"] = node.result
    return values


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
