"""The command line's shape (命令与选项): every subcommand, every flag, every help text.

Help texts are in ``words.toml`` (Chinese, then the English term), looked up by command and
flag, so each flag has one. Choices are taken as text here and turned into codes by the
commands (:func:`~jm_socialsec.cli.words.choice`): argparse's own ``choices`` would refuse 女工人
in English only. Each leaf command records ``run`` (what it computes) and ``command`` (its dotted
name, for the help and for naming flags in errors).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from .. import __version__
from . import commands as c
from .console import Parser
from .profile import add_profile_flags
from .projection import add_projection_flags
from .words import help_for

Run = Callable[[argparse.Namespace], Any]


def _common(projection: bool = True) -> argparse.ArgumentParser:
    """The options every estimate takes (after the subcommand); ``--project`` … unless told not to."""
    p = Parser(add_help=False)
    p.add_argument("--lang", default="zh", help=help_for("", "--lang"))
    p.add_argument("--json", action="store_true", help=help_for("", "--json"))
    p.add_argument("--brief", action="store_true", help=help_for("", "--brief"))
    p.add_argument("--as-of", help=help_for("", "--as-of"))
    p.add_argument("--override", action="append", metavar="PARAM=VALUE", help=help_for("", "--override"))
    if projection:
        add_projection_flags(p)
    return p


class _Adder:
    """Adds leaf commands to a subparsers object, each with its help and the common options."""

    def __init__(self, sub: Any, prefix: str, common: argparse.ArgumentParser) -> None:
        self.sub, self.prefix, self.common = sub, prefix, common

    def leaf(self, name: str, run: Run | None, parents: bool = True) -> Any:
        command = f"{self.prefix}{name}"
        p = self.sub.add_parser(name, help=help_for("", command), parents=[self.common] if parents else [])
        p.set_defaults(run=run, command=command, _parser=p)
        return _Options(p, command)


class _Options:
    """One command's parser, adding arguments with their help from the words file."""

    def __init__(self, parser: argparse.ArgumentParser, command: str) -> None:
        self.parser, self.command = parser, command

    def __call__(self, *names: str, **kw: Any) -> _Options:
        kw.setdefault("help", help_for(self.command, names[0]))
        self.parser.add_argument(*names, **kw)
        return self


def _person(o: _Options, region: bool = False) -> None:
    o("--id", metavar="ID")("--birth")("--category")
    if region:
        o("--region", default="jiangmen")


def _pension_flags(p: _Options) -> None:
    """A person's pension inputs (``pension`` and ``recalc``)."""
    p("--months", type=int, required=True)("--index", required=True)("--balance", required=True)
    _person(p, region=True)
    p("--choice", default="statutory")("--retirement-month")("--age", type=int, nargs=2, metavar=("YEARS", "MONTHS"))
    p("--special-type")("--special-years")("--deemed-months", type=int, default=0)("--deemed-account", default="0")
    p("--weighted-deemed-years")


def _recalc(sub: Any) -> None:
    """``recalc``: a provisional pension granted on ``--granted-on`` redone ``--as-of``, with the back pay."""
    add = _Adder(sub, "", _common(projection=False))
    r = add.leaf("recalc", c.run_recalc)
    _pension_flags(r)
    r("--granted-on", required=True)


def _estimates(add: _Adder) -> None:
    r = add.leaf("retirement", c.run_retirement)
    r("birth", nargs="?")("category", nargs="?")("--id", metavar="ID")
    _pension_flags(add.leaf("pension", c.run_pension))
    u = add.leaf("unemployment", c.run_unemployment)
    u("claim_month")("--months", type=int, required=True)("--unused", type=int, default=0)
    u("--reason", required=True)
    _person(u, region=True)
    i = add.leaf("injury", c.run_injury)
    i("grade", type=int)("injured_on")("wage")("--assessed-on")("--leaves-job", action="store_true")("--left-on")
    i("--draws-pension", action="store_true")("--care-level")("--hospital-days", type=int)("--hospital-meal-daily")
    _person(i)
    k = add.leaf("checklist", c.run_checklist)
    k("--profile", metavar="FILE")("--apply-on")
    _person(k)
    add_profile_flags(k.parser)


def _death(sub: Any, common: argparse.ArgumentParser) -> None:
    d = sub.add_parser("death", help=help_for("", "death"))
    add = _Adder(d.add_subparsers(dest="death_kind", required=True, metavar="{pension,injury}"), "death.", common)
    p = add.leaf("pension", c.run_pension_death)
    p("died_on")("--months", type=int, required=True)("--balance", default="0")("--drawn", type=int, default=0)
    i = add.leaf("injury", c.run_injury_death)
    i("died_on")("wage")("--dependent", action="append", metavar="WORD")("--after-paid-leave", action="store_true")
    i("--grade", type=int)("--injured-on")


def _contribution(sub: Any, common: argparse.ArgumentParser) -> None:
    kinds = "{pension,unemployment,injury}"
    d = sub.add_parser("contribution", help=help_for("", "contribution"))
    add = _Adder(d.add_subparsers(dest="contribution_kind", required=True, metavar=kinds), "contribution.", common)
    p = add.leaf("pension", c.run_pension_contribution)
    p("month")("wage")("--region", default="jiangmen")("--flexible", action="store_true")
    u = add.leaf("unemployment", c.run_unemployment_contribution)
    u("month")("wage")("--region", default="jiangmen")("--city-average-wage", required=True)
    u("--flexible", action="store_true")
    i = add.leaf("injury", c.run_injury_contribution)
    i("payroll")("industry_class", type=int)("on")("--factor")("--rates", default="guangdong")


def _tools(add: _Adder) -> None:
    demo = add.leaf("demo", None, parents=False)
    demo("--lang", default="zh", help=help_for("", "--lang"))("--json", action="store_true")
    tables = add.leaf("tables", None, parents=False)
    tables("--json", action="store_true")
    serve = add.leaf("serve", None, parents=False)
    serve("--host", default="127.0.0.1")("--port", type=int, default=8000)
    schema = add.leaf("schema", None, parents=False)
    schema("area", choices=["retirement", "pension", "unemployment", "injury", "checklist"])


def build_parser() -> argparse.ArgumentParser:
    """The whole command line: ``jm-socialsec <command> …`` (``--help`` on each)."""
    parser = Parser(
        prog="jm-socialsec",
        description="江门社保测算：附计算说明与出处 / Jiangmen social-insurance estimates, explained and sourced.",
    )
    parser.add_argument(
        "--version", action="version", version=f"jm-socialsec {__version__}", help=help_for("", "--version")
    )
    sub = parser.add_subparsers(dest="command", required=True, parser_class=Parser)
    common = _common()
    add = _Adder(sub, "", common)
    _tools(add)
    _estimates(add)
    _death(sub, common)
    _contribution(sub, common)
    _recalc(sub)
    _batch(sub)
    _plan(sub)
    return parser


def _plan(sub: Any) -> None:
    """``plan``: the retirement planner (its own flags; ``--plot`` needs the ``[plot]`` extra)."""
    from ..planner.cli import add_parser

    add_parser(sub)


def _batch(sub: Any) -> None:
    """``batch`` (数据找人), when the optional extra is installed; otherwise it says how to get it."""
    try:
        from ..batch.cli import add_parser
    except ImportError:
        missing = sub.add_parser("batch", help=help_for("", "batch"))
        missing.add_argument("rest", nargs="*", help=help_for("", "batch.rest"))
        return
    add_parser(sub)
