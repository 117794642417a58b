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
from .texts import Layout, catalogue, fill, fill_all, layout, pair, placeholders
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
    warner = None if params is None else functools.partial(warnings_of, params)
    return constructed(cls, values, set(fields), {"_explainer": explainer, "_warner": warner})


def trusted(cls: type[M], **fields: Any) -> M:
    """A model from values the engine made itself (all fields given): no validation, no copies."""
    return constructed(cls, fields, set(fields))


def constructed(cls: type[M], values: dict[str, Any], given: set[str], private: dict[str, Any] | None = None) -> M:
    """What ``model_construct`` makes, without its per-call work: ``values`` become the model's
    fields as they are (``given``: those set explicitly), a frozen model's slots set directly."""
    model = _new(cls)
    _set(model, "__dict__", values)
    _set(model, "__pydantic_fields_set__", given)
    _set(model, "__pydantic_extra__", None)
    _set(model, "__pydantic_private__", private)
    return model


_new, _set = object.__new__, object.__setattr__  # a frozen model's slots, set directly


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
    return Words(label, formula, note, calc, tuple(entry.get("inputs", {}).items()))


class Plan(NamedTuple):
    """What a rule's step needs, worked out once per rule: its texts, which of them are filled
    (with the names they use) and its input lines."""

    name: str
    unit: Unit | None
    #: Label (zh, en), formula (zh, en), calculation, note (zh, en) as written in the catalogue.
    texts: tuple[str, ...]
    #: The position in ``texts`` of each text with a placeholder, and their layout.
    filled: tuple[int, ...]
    layout: Layout
    #: Every placeholder name of the texts and input lines (empty: no value is gathered).
    names: tuple[str, ...]
    #: (input name, zh, en, unit, whether a name has a placeholder) for each input shown.
    inputs: tuple[tuple[str, str, str, Unit | None, bool], ...]


#: The language of each of a plan's texts (a calculation is language-neutral: filled as Chinese).
_LANGS = ("zh", "en", "zh", "en", "zh", "zh", "en")


@functools.cache
def plan_of(rule_id: str) -> Plan:
    """A rule's :class:`Plan` (rules and their catalogues do not change while a process runs)."""
    info, words = RULES[rule_id], words_of(rule_id)
    texts = (*words.label, *words.formula, words.calc, *words.note)
    filled = tuple(i for i, text in enumerate(texts) if "{" in text)
    inputs = tuple(
        (name, spec[0], spec[1], Unit(spec[2]) if len(spec) > 2 and spec[2] else None, "{" in spec[0] + spec[1])
        for name, spec in words.inputs
    )
    names = {n for text in texts for n in placeholders(text)}
    names.update(n for _, zh, en, _, _ in inputs for n in placeholders(zh + en))
    plan = layout(tuple((texts[i], _LANGS[i]) for i in filled))
    return Plan(info.name, info.unit, texts, filled, plan, tuple(sorted(names)), inputs)


def step_of(node: Node) -> Step:
    """A traced call as a line of the explanation, its words filled from its values."""
    plan = plan_of(node.rule)
    read = _reads(node)
    reads = tuple(read) if len(read) < 2 else _unique(read)
    texts = plan.texts
    values = _NOTHING
    if plan.names:
        values = _values(node, reads, plan.names)
        if plan.filled:
            texts = _filled(plan, values)
    return constructed(Step, {
        "id": plan.name,
        "label_zh": texts[0],
        "label_en": texts[1],
        "formula_zh": texts[2],
        "formula_en": texts[3],
        "calc": texts[4],
        "inputs": _inputs(plan, node.inputs, values) if plan.inputs else (),
        "params": reads,
        "result": node.result,
        "unit": plan.unit,
        "note_zh": texts[5],
        "note_en": texts[6],
    }, _STEP_FIELDS.copy())  # fmt: skip


#: Every field of a step (a step made here sets them all).
_STEP_FIELDS = set(Step.model_fields)


def _inputs(plan: Plan, given: dict[str, Any], values: dict[str, Any]) -> tuple[Quantity, ...]:
    """The step's input lines: those the call had (an optional input may be missing)."""
    return tuple(
        _quantity(zh, en, unit, given[name], values if named else _NOTHING)
        for name, zh, en, unit, named in plan.inputs
        if given.get(name) is not None
    )


def _filled(plan: Plan, values: dict[str, Any]) -> tuple[str, ...]:
    """The texts with those that name a value filled (the others as written)."""
    out = list(plan.texts)
    for i, text in zip(plan.filled, fill_all(plan.layout, values), strict=True):
        out[i] = text
    return tuple(out)


_NOTHING: dict[str, Any] = {}


def _values(node: Node, reads: tuple[ParamValue, ...], names: tuple[str, ...] | None = None) -> dict[str, Any]:
    """What a step's texts may name: values read (by id), sub-results (by rule name), inputs, result.

    With ``names``, only those (what the step's texts use), found as the whole gathering would find
    them: ``result`` first, then an input, a sub-result, the last value read with that id.
    """
    if names is not None:
        found = _named(node, reads, names)
        if len(found) == len(names):
            return found
        # A name no value has: gather everything, so the error lists what is known.
    values: dict[str, Any] = {pv.id: pv.value for pv in reads}
    values.update(_results_below(node))
    values.update(node.inputs)
    values["result"] = node.result
    return values


def _named(node: Node, reads: tuple[ParamValue, ...], names: tuple[str, ...]) -> dict[str, Any]:
    """The values of ``names`` a step has (a name no value has is left out)."""
    out: dict[str, Any] = {}
    inputs = node.inputs
    below: dict[str, Any] | None = None
    for name in names:
        if name == "result":
            out[name] = node.result
        elif name in inputs:
            out[name] = inputs[name]
        else:
            if below is None:
                below = _results_below(node)
            if name in below:
                out[name] = below[name]
                continue
            for pv in reversed(reads):  # the last value read with that id, as the full dict keeps
                if pv.id == name:
                    out[name] = pv.value
                    break
    return out


def _reads(node: Node) -> list[ParamValue]:
    """The values a step read: its own and those of the helper rules it called (not shown)."""
    rules = RULES
    helpers = [child for child in node.children if not rules[child.rule].step]
    if not helpers:  # the common case: the step's own reads
        return node.params
    out = list(node.params)
    for child in helpers:
        out.extend(_reads(child))
    return out


def _results_below(node: Node) -> dict[str, Any]:
    """Sub-rules' results by rule name (through helper rules that are not shown)."""
    out: dict[str, Any] = {}
    for child in node.children:
        info = RULES[child.rule]
        if not info.step:
            out.update(_results_below(child))
        out[info.name] = child.result
    return out


def _unique(values: Iterable[ParamValue]) -> tuple[ParamValue, ...]:
    """Each value once (by id, key and value), the first of its kind kept, in the order read."""
    seen: dict[tuple[str, str | None, str], ParamValue] = {}
    same: set[int] = set()  # the identities already placed: a value read again costs no key
    for pv in values:
        ident = id(pv)
        if ident not in same:
            same.add(ident)
            seen.setdefault((pv.id, pv.key, str(pv.value)), pv)
    return tuple(seen.values())


def _quantity(zh: str, en: str, unit: Unit | None, value: Any, values: dict[str, Any]) -> Quantity:
    """An input line: its words (placeholders allowed, e.g. a year), value and unit."""
    if values:
        zh, en = fill(zh, values, "zh"), fill(en, values, "en")
    return constructed(Quantity, {"name_zh": zh, "name_en": en, "value": value, "unit": unit}, _QUANTITY_FIELDS.copy())


_QUANTITY_FIELDS = set(Quantity.model_fields)


def rule_notices(recorded: Iterable[tuple[str, dict[str, Any]]]) -> tuple[Notice, ...]:
    """The rules' own warnings (``<area>.<code>``), words from the area's catalogue, each once."""
    out: dict[tuple[str, str], Notice] = {}
    for full, values in recorded:
        area, code = full.split(".", 1)
        zh, en = pair(catalogue(area)["notice"][code], "text")
        notice = Notice(code=code, zh=fill(zh, values, "zh"), en=fill(en, values, "en"), param=values.get("param"))
        out.setdefault((code, notice.zh), notice)
    return tuple(out.values())
