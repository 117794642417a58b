"""Asking for a projection on the command line (预测选项): ``--project``, ``--growth``, ``--assume``.

``--project`` projects every figure published per period that is not out yet at its default
rate (the mean growth of its last five published values); ``--growth PARAM=RATE`` sets a rate
(``0.03`` or ``3%``) and ``--assume PARAM:YEAR=VALUE`` a value for the period starting in that
year — either also asks for a projection. Errors name the flag typed. :func:`add_projection_flags`
and :func:`projection_keywords` serve every estimate command (and any other that projects).
"""

from __future__ import annotations

import argparse
from decimal import Decimal
from typing import Any

from ..engine.errors import BadValue, InputError
from ..engine.money import parse_decimal
from ..inputs.projection import future
from .words import help_for

_FLAG_OF = {"growth": "--growth", "values": "--assume"}


def add_projection_flags(parser: argparse.ArgumentParser) -> None:
    """``--project``, ``--growth`` and ``--assume`` with their help from the words file."""
    parser.add_argument("--project", action="store_true", help=help_for("", "--project"))
    parser.add_argument("--growth", action="append", metavar="PARAM=RATE", help=help_for("", "--growth"))
    parser.add_argument("--assume", action="append", metavar="PARAM:YEAR=VALUE", help=help_for("", "--assume"))


def projection_keywords(args: argparse.Namespace) -> dict[str, Any]:
    """``project`` and ``assumptions`` for the library, checked here so errors name the flags."""
    growth = {param: _rate(text) for param, text in _pairs(getattr(args, "growth", None), "--growth")}
    values: dict[str, dict[int, Decimal]] = {}
    for key, text in _pairs(getattr(args, "assume", None), "--assume"):
        param, year = _param_year(key)
        values.setdefault(param, {})[year] = _number(text, "--assume", key)
    project = bool(getattr(args, "project", False))
    raw = {"growth": growth, "values": values} if growth or values else None
    try:
        return {"project": project, "assumptions": future(project, raw, root="")}
    except InputError as e:
        raise InputError.combine([_as_flag(p) for p in e.errors]) from None


def _pairs(typed: list[str] | None, flag: str) -> list[tuple[str, str]]:
    """``KEY=VALUE`` pairs as typed, in order."""
    out = []
    for pair in typed or []:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip() or not value.strip():
            form = "PARAM=RATE" if flag == "--growth" else "PARAM:YEAR=VALUE"
            raise InputError(flag, f"应为 {form}，而不是“{pair}”", f"must be {form}, not {pair!r}")
        out.append((key.strip(), value.strip()))
    return out


def _rate(text: str) -> Decimal:
    """A yearly rate: ``0.03`` or ``3%``."""
    if text.endswith(("%", "％")):
        return _number(text[:-1], "--growth", text) / 100
    return _number(text, "--growth", text)


def _number(text: str, flag: str, what: str) -> Decimal:
    try:
        return parse_decimal(text)
    except BadValue as e:
        raise InputError(flag, f"{what}：{e.why_zh}", f"{what}: {e.why_en}") from None


def _param_year(key: str) -> tuple[str, int]:
    """``pension.calc_base:2027`` → (``pension.calc_base``, 2027)."""
    param, sep, year = key.rpartition(":")
    if not sep or not param or not year.strip().isdigit():
        raise InputError(
            "--assume", f"应为 PARAM:YEAR=VALUE，而不是“{key}=…”", f"must be PARAM:YEAR=VALUE, not {key!r}=…"
        )
    return param.strip(), int(year)


def _as_flag(problem: InputError) -> InputError:
    """A problem of the assumptions (``growth[pension.calc_base]``) named by its flag."""
    kind = problem.field.split("[", 1)[0]
    flag = _FLAG_OF.get(kind, "--growth")
    where = problem.field[len(kind) :].strip("[]").replace("][", ":")
    zh = f"{where}：{problem.why_zh}" if where else problem.why_zh
    en = f"{where}: {problem.why_en}" if where else problem.why_en
    return InputError(flag, zh, en, reason=problem.reason)
