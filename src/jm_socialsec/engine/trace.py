"""Rules and their trace (规则与计算记录): the engine records, the rule only computes.

A rule is a small pure function for one legal concept, declared with :func:`rule`: its id (the
key of its words in the area's catalogue), its legal reference, its rounding (declared with the
article that orders it, applied by the engine: the body computes exactly) and, where the
formula's shape changed over time, its validity dates. A rule takes a date-bound parameter
accessor (:class:`~jm_socialsec.engine.params.At`) and plain values, and returns a value.

Tracing is off by default: a rule call costs its body and one context-variable read. Under
:func:`tracing` the engine records a tree of :class:`Node` — each rule's inputs, the parameter
values it read (with source and status) and its result — from which explanations are built only
when someone asks for them (OpenFisca's tracer, GETTSIM's declared rounding).
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any, NamedTuple, ParamSpec, TypeVar, cast

from .money import round_exact

if TYPE_CHECKING:
    from .params import ParamValue
    from .tables import Unit

P = ParamSpec("P")
R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class Rounding:
    """Half-up rounding to a multiple of ``step`` (a power of ten), as ``ref`` orders it."""

    step: Decimal
    ref: str

    def __call__(self, value: Any) -> Decimal:
        if isinstance(value, Decimal):
            return value.quantize(self.step, rounding=ROUND_HALF_UP)
        return round_exact(Fraction(value), self.step)


def fen(ref: str) -> Rounding:
    """Rounding to 分 (0.01 元) half-up, ordered by ``ref``."""
    return Rounding(Decimal("0.01"), ref)


class Node:
    """One rule call: its inputs, the parameter values it read, sub-calls, its result.

    A node is not changed once its call has returned, so a memoised sub-calculation's nodes are
    shared by every trace that reuses it (:func:`memo`), and so is the step made from one (``step``).
    """

    __slots__ = ("children", "inputs", "params", "result", "rule", "step")

    def __init__(self, rule: str, inputs: dict[str, Any] | None = None) -> None:
        self.rule = rule
        self.inputs: dict[str, Any] = {} if inputs is None else inputs
        self.params: list[ParamValue] = []
        self.children: list[Node] = []
        self.result: Any = None
        #: The explanation's line made from this node, once (see engine/evaluate.py ``steps_from``).
        self.step: Any = None

    def walk(self) -> Iterator[Node]:
        """Every node below this one, each after its sub-calls (the order of computation)."""
        for child in self.children:
            yield from child.walk()
            yield child


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """What a rule declares about itself."""

    id: str
    ref: str
    rounding: Rounding | None
    since: date | None
    until: date | None
    unit: Unit | None
    step: bool
    inputs: tuple[str, ...]

    @property
    def area(self) -> str:
        return self.id.split(".", 1)[0]

    @property
    def name(self) -> str:
        return self.id.split(".", 1)[1]


#: Every declared rule by id (filled at import of the rule modules).
RULES: dict[str, RuleInfo] = {}

CURRENT: ContextVar[Node | None] = ContextVar("jm_socialsec_trace", default=None)


def current() -> Node | None:
    """The node being traced, or None when tracing is off."""
    return CURRENT.get()


def rule(
    id: str,
    *,
    ref: str,
    rounding: Rounding | None = None,
    since: date | None = None,
    until: date | None = None,
    unit: Unit | None = None,
    step: bool = True,
) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Declare a rule: ``id`` = ``<area>.<name>``, the key of its words in ``<area>/texts.toml``.

    ``step=False``: a helper concept not shown as a line of its own (its reads are shown on the
    calling line). The first parameter of a rule is the accessor and is not recorded as an input.
    """

    def deco(fn: Callable[P, R]) -> Callable[P, R]:
        names = tuple(inspect.signature(fn).parameters)[1:]
        info = RuleInfo(id, ref, rounding, since, until, unit, step, names)
        if id in RULES and RULES[id].ref != ref:
            raise ValueError(f"rule {id} declared twice")
        RULES[id] = info

        run = _untraced_fast(fn, rounding, _traced(fn, id, names, rounding))
        run.rule = info  # type: ignore[attr-defined]
        return run

    return deco


def _untraced_fast(fn: Callable[P, R], rounding: Rounding | None, traced: Callable[..., Any]) -> Callable[P, R]:
    """The call as made: the body alone (and its rounding) when tracing is off — the common case,
    so it costs one context-variable read — else the traced call."""
    get = CURRENT.get  # bound once: the hot path does no attribute lookups

    if rounding is None:

        @functools.wraps(fn)
        def run(*args: P.args, **kwargs: P.kwargs) -> R:
            parent = get()
            if parent is None:
                return fn(*args, **kwargs)
            return cast(R, traced(parent, args, kwargs))

        return run

    step, exact = rounding.step, rounding  # a Decimal body is quantized inline, a ratio exactly

    @functools.wraps(fn)
    def run_rounded(*args: P.args, **kwargs: P.kwargs) -> R:
        parent = get()
        if parent is None:
            raw: Any = fn(*args, **kwargs)
            return cast(R, raw.quantize(step, ROUND_HALF_UP) if type(raw) is Decimal else exact(raw))
        return cast(R, traced(parent, args, kwargs))

    return run_rounded


def _traced(fn: Callable[..., Any], id: str, names: tuple[str, ...], rounding: Rounding | None) -> Callable[..., Any]:
    """The call under tracing: a node with the inputs, the values read, the sub-calls, the result."""

    def run(parent: Node, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        inputs = dict(zip(names, args[1:]))  # noqa: B905  (an optional input may be left out)
        if kwargs:
            inputs.update(kwargs)
        node = Node(id, inputs)
        parent.children.append(node)
        token = CURRENT.set(node)
        try:
            out: Any = fn(*args, **kwargs)
        finally:
            CURRENT.reset(token)
        if rounding is not None:
            out = out.quantize(rounding.step, ROUND_HALF_UP) if type(out) is Decimal else rounding(out)
        node.result = out
        return out

    return run


def record_read(pv: ParamValue) -> None:
    """Called by the parameter accessor: attribute a value read to the rule being traced."""
    node = CURRENT.get()
    if node is not None:
        node.params.append(pv)


@contextmanager
def tracing(root_id: str = "root") -> Iterator[Node]:
    """Trace every rule called inside the block into a new tree."""
    root = Node(root_id)
    token = CURRENT.set(root)
    try:
        yield root
    finally:
        CURRENT.reset(token)


def untraced() -> Any:
    """Run a block with tracing off (a nested estimate inside a traced one stays a value)."""
    return _UNTRACED_ALREADY if CURRENT.get() is None else _Untraced()


class _Untraced:
    def __enter__(self) -> None:
        self._token = CURRENT.set(None)

    def __exit__(self, *exc: object) -> None:
        CURRENT.reset(self._token)


class _AlreadyUntraced:
    """Tracing is off already: nothing to switch (one shared instance)."""

    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


_UNTRACED_ALREADY = _AlreadyUntraced()


def in_force(info: RuleInfo, on: date) -> bool:
    """Whether a rule version with validity dates applies on ``on``."""
    return (info.since is None or info.since <= on) and (info.until is None or on <= info.until)


def version(rules: tuple[Callable[..., R], ...], on: date) -> Callable[..., R]:
    """The one version of a rule in force on ``on`` (versions must not overlap)."""
    found = [r for r in rules if in_force(r.rule, on)]  # type: ignore[attr-defined]
    if len(found) != 1:
        from .errors import NotCovered

        ids = ", ".join(r.rule.id for r in rules)  # type: ignore[attr-defined]
        raise NotCovered(ids, on, None, None, "没有在该日期施行的规则", "no version of the rule in force on that date")
    return found[0]


#: How many results one memoised sub-calculation keeps (a roster has a few thousand birth months).
MEMO_MAX = 20_000


def memo(fn: Callable[..., R]) -> Callable[..., R]:
    """Memoise a pure sub-calculation ``fn(params, *args)`` (or ``fn(at, *args)``, then also on
    ``at``'s date) on ``(tables, as_of, args)``.

    The tables are immutable and a calculation depends only on its arguments and ``as_of``, so
    the same person's retirement month is worked out once per process (a roster repeats birth
    months by the thousand). A hit replays the values the first run read, and its rule notices,
    into the caller's record, so results still cite them; under tracing it also replays the trace
    nodes the first traced run made (nodes are not changed once made: a roster's explanations
    share a birth month's steps). Not used with overrides or projections (what-ifs change the
    figures); errors are not kept.
    """
    return _memo(fn, opaque=False)


def opaque_memo(fn: Callable[..., R]) -> Callable[..., R]:
    """:func:`memo` for a sub-calculation whose own steps are never part of the caller's
    explanation: it always runs untraced, so an explanation's replay takes it from the memo too."""
    return _memo(fn, opaque=True)


class _Entry(NamedTuple):
    """What a memoised call gave: its result, the values and notices it recorded and, once it has
    run under tracing, the nodes it added below the caller's node and the values read there."""

    result: Any
    used: tuple[Any, ...]
    notices: tuple[Any, ...]
    children: tuple[Node, ...] | None = None
    reads: tuple[Any, ...] = ()


def _memo(fn: Callable[..., R], *, opaque: bool) -> Callable[..., R]:
    cache: dict[tuple[Any, ...], _Entry] = {}

    @functools.wraps(fn)
    def run(first: Any, *args: Any, **kwargs: Any) -> R:
        params = first.params  # an At's calculation, or a Params itself
        shared = params.shared  # (tables, as_of), or None for a what-if or a projection
        if shared is None:
            with untraced() if opaque else _UNTRACED_ALREADY:
                return fn(first, *args, **kwargs)
        node = None if opaque else CURRENT.get()
        key = (shared, first.on, args, *kwargs.items()) if kwargs else (shared, first.on, args)
        hit = cache.get(key)
        if hit is None or (node is not None and hit.children is None):  # a first traced run
            hit = _first_run(fn, first, params, node, opaque, args, kwargs)
            if len(cache) >= MEMO_MAX:
                cache.clear()
            cache[key] = hit
            return cast(R, hit.result)
        result, used, notices, children, reads = hit
        params.used.extend(used)
        if notices:
            params.notices.extend(notices)
        if node is not None:
            node.children.extend(children or ())
            node.params.extend(reads)
        return cast(R, result)

    run.cache_clear = cache.clear  # type: ignore[attr-defined]
    return run


def _first_run(
    fn: Callable[..., Any],
    first: Any,
    params: Any,
    node: Node | None,
    opaque: bool,
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
) -> _Entry:
    """Run a memoised call and keep what it recorded (its nodes too, when traced)."""
    used, notices = len(params.used), len(params.notices)
    if node is None:
        with untraced() if opaque else _UNTRACED_ALREADY:
            result = fn(first, *args, **kwargs)
        return _Entry(result, tuple(params.used[used:]), tuple(params.notices[notices:]))
    children, reads = len(node.children), len(node.params)
    result = fn(first, *args, **kwargs)
    return _Entry(
        result,
        tuple(params.used[used:]),
        tuple(params.notices[notices:]),
        tuple(node.children[children:]),
        tuple(node.params[reads:]),
    )
