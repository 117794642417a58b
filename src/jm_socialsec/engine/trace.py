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
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar, cast

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


@dataclass(slots=True)
class Node:
    """One rule call: its inputs, the parameter values it read, sub-calls, its result."""

    rule: str
    inputs: dict[str, Any] = field(default_factory=dict)
    params: list[ParamValue] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)
    result: Any = None

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
            if get() is None:
                return fn(*args, **kwargs)
            return cast(R, traced(args, kwargs))

        return run

    @functools.wraps(fn)
    def run_rounded(*args: P.args, **kwargs: P.kwargs) -> R:
        if get() is None:
            return cast(R, rounding(fn(*args, **kwargs)))
        return cast(R, traced(args, kwargs))

    return run_rounded


def _traced(fn: Callable[..., Any], id: str, names: tuple[str, ...], rounding: Rounding | None) -> Callable[..., Any]:
    """The call under tracing: a node with the inputs, the values read, the sub-calls, the result."""

    def run(args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        parent = CURRENT.get()
        assert parent is not None
        node = Node(id, _bound(names, args[1:], kwargs))
        parent.children.append(node)
        token = CURRENT.set(node)
        try:
            raw: Any = fn(*args, **kwargs)
            out: Any = rounding(raw) if rounding is not None else raw
        finally:
            CURRENT.reset(token)
        node.result = out
        return out

    return run


def _bound(names: tuple[str, ...], args: tuple[Any, ...], kwargs: dict[str, Any]) -> dict[str, Any]:
    values = dict(zip(names, args, strict=False))
    values.update(kwargs)
    return values


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
    """Memoise a pure sub-calculation ``fn(params, *args)`` on ``(tables, as_of, args)``.

    The tables are immutable and a calculation depends only on its arguments and ``as_of``, so
    the same person's retirement month is worked out once per process (a roster repeats birth
    months by the thousand). A hit replays the values the first run read, and its rule notices,
    into the caller's record, so results still cite them. Not used while tracing (the trace
    needs the calls: see :func:`opaque_memo`) or with overrides (what-ifs change the figures);
    errors are not kept.
    """
    return _memo(fn, opaque=False)


def opaque_memo(fn: Callable[..., R]) -> Callable[..., R]:
    """:func:`memo` for a sub-calculation whose own steps are never part of the caller's
    explanation: it always runs untraced, so an explanation's replay takes it from the memo too."""
    return _memo(fn, opaque=True)


def _memo(fn: Callable[..., R], *, opaque: bool) -> Callable[..., R]:
    cache: dict[tuple[Any, ...], tuple[R, tuple[Any, ...], tuple[Any, ...]]] = {}

    @functools.wraps(fn)
    def run(params: Any, *args: Any, **kwargs: Any) -> R:
        if params.overrides or (not opaque and CURRENT.get() is not None):
            with untraced() if opaque else _UNTRACED_ALREADY:
                return fn(params, *args, **kwargs)
        key = (id(params.tables), params.as_of, args, tuple(sorted(kwargs.items())))
        hit = cache.get(key)
        if hit is None:
            used, notices = len(params.used), len(params.notices)
            with untraced() if opaque else _UNTRACED_ALREADY:
                result = fn(params, *args, **kwargs)
            hit = (result, tuple(params.used[used:]), tuple(params.notices[notices:]))
            if len(cache) >= MEMO_MAX:
                cache.clear()
            cache[key] = hit
            return result
        params.used.extend(hit[1])
        params.notices.extend(hit[2])
        return hit[0]

    run.cache_clear = cache.clear  # type: ignore[attr-defined]
    return run
