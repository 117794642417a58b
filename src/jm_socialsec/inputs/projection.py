"""Asking for the future (预测): the two keywords every estimate takes, read once.

``project=True`` or ``assumptions`` (a :class:`~jm_socialsec.engine.projection.Assumptions`, or a
mapping ``{"growth": {param: rate}, "values": {param: {year: value}}}``) let an estimate project
a figure published per period past what is published (:mod:`jm_socialsec.engine.projection`);
without them such a period is refused with the hint how to ask. This module reads the two
keywords with errors that name the field as the caller wrote it (``assumptions.growth[...]``),
refuses assumptions about a figure that is not projectable (a statute's rate, a typo), and says
whether a calculation rests on a projected value (:func:`projected`).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import Annotated, Any

from pydantic import BeforeValidator, ValidationError

from ..engine.api import check, problems
from ..engine.errors import InputError
from ..engine.params import Params
from ..engine.projection import Assumptions, assumptions_of, projectable
from ..engine.tables import registry

#: What an estimate's ``assumptions`` keyword takes.
AssumptionsArg = Assumptions | Mapping[str, Any] | None


def future(project: Any, assumptions: Any, root: str = "assumptions") -> Assumptions | None:
    """The caller's request: None (no projection), or the validated assumptions to project with.

    Errors name ``project`` or ``<root>.growth[<param>]`` / ``<root>.values[<param>][<year>]``.
    """
    if project is False and assumptions is None:  # the common case: no projection, nothing to read
        return None
    check(isinstance(project, bool), "project", "应为是/否（true/false）", "must be true or false")
    try:
        chosen = assumptions_of(project, assumptions)
    except ValidationError as e:
        raise InputError.combine([p for error in e.errors() for p in _named(error, root)]) from None
    except InputError as e:  # neither a mapping nor an Assumptions object
        raise InputError(root or "assumptions", e.why_zh, e.why_en, reason="wrong_type") from None
    if chosen is not None:
        _known_figures(chosen, root)
    return chosen


def projected(params: Params) -> bool:
    """Whether the calculation read a projected value (its warnings then carry ``projected``).
    Only a calculation asked to project can have read one."""
    return params.assumptions is not None and any(pv.projected for pv in params.used)


Compute = Callable[..., dict[str, Any]]


def marks_projection(compute: Compute) -> Compute:
    """A result's compute whose fields also say ``projected``: whether it read a projected value."""

    @functools.wraps(compute)
    def run(params: Params, *args: Any) -> dict[str, Any]:
        fields = compute(params, *args)
        fields["projected"] = projected(params)
        return fields

    return run


def _path(root: str, loc: tuple[Any, ...]) -> str:
    """``growth[pension.calc_base]`` under ``root``: a mapping's keys in brackets."""
    head = ".".join(x for x in (root, str(loc[0]) if loc else "") if x)
    return head + "".join(f"[{part}]" for part in loc[1:] if part != "[key]")  # pydantic marks a bad key so


def _named(error: Any, root: str) -> list[InputError]:
    """One pydantic problem of the assumptions, its field written from ``root``."""
    cause = error.get("ctx", {}).get("error")
    if isinstance(cause, InputError):  # the engine's plausibility check names assumptions.growth[...]
        return [
            InputError(_path(root, tuple(_relative(e.field))), e.why_zh, e.why_en, reason=e.reason)
            for e in cause.errors
        ]
    loc = tuple(error.get("loc", ()))
    return [InputError(_path(root, loc), p.why_zh, p.why_en, reason=p.reason) for p in problems(error, loc)]


def _relative(field: str) -> list[str]:
    """``assumptions.growth[x]`` → ["growth", "x"]: the location below the assumptions."""
    field = field.removeprefix("assumptions.")
    head, _, rest = field.partition("[")
    return [head, *[part for part in rest.rstrip("]").split("][") if part]] if rest else [head]


def _known_figures(chosen: Assumptions, root: str) -> None:
    """Every figure assumed about is one published per period (else a typo, or a statute's rate)."""
    tables = registry()
    for kind, figures in (("growth", chosen.growth), ("values", chosen.values)):
        for param in figures:
            p = tables.get(param)
            if p is None or not projectable(p):
                allowed = ", ".join(sorted(pid for pid, q in tables.items() if projectable(q)))
                raise InputError(
                    _path(root, (kind, param)),
                    f"“{param}”不是按期公布、可以预测的数值；可预测：{allowed}",
                    f"{param!r} is not a figure published per period that can be projected; one of: {allowed}",
                    reason="not_allowed",
                )


def _assumptions_in(value: Any) -> Assumptions | None:
    """An input model's ``assumptions`` field (its path is added by the model: ``assumptions.…``)."""
    return None if value is None else future(False, value, root="")


#: ``assumptions`` in an input model: an object ``{"growth": {...}, "values": {...}}`` or null.
AssumptionsIn = Annotated[Assumptions | None, BeforeValidator(_assumptions_in)]
