"""``jm-socialsec plan``: the retirement plan of one person, as a table (Chinese by default).

    jm-socialsec plan --birth 1968-07 --category 男 --months 336 --index 1.0 --balance 100000 \\
        --region 开平 [--growth pension.calc_base=0.02] [--assume index:2028=1.2] \\
        [--what-if 高指数:index=1.5] [--plot plan.png] [--lang en] [--json]

:func:`add_parser` registers the command on the main parser's subcommands; :func:`cmd_plan` runs
it (prints the table or JSON, draws the chart with ``--plot``) and returns the exit status.
Errors name the flag typed (``--index-ahead``, ``--growth``, …), in Chinese and English.
"""

from __future__ import annotations

import argparse
from decimal import Decimal
from typing import Any

from ..engine.errors import BadValue, InputError
from ..engine.money import parse_decimal
from ..engine.projection import projectable
from ..engine.tables import registry

#: The planner's own names for ``--assume NAME:YEAR=VALUE`` → the PlanAssumptions field.
PLANNER_BY_YEAR = {"index": "index_by_year", "wage": "wage_by_year", "crediting_rate": "crediting_by_year"}

#: Library field (prefix) → the flag typed, for errors.
FLAGS = {
    "assumptions.crediting_rate": "--crediting-rate",
    "assumptions.crediting_by_year": "--assume",
    "assumptions.index_by_year": "--assume",
    "assumptions.wage_by_year": "--assume",
    "assumptions.index": "--index-ahead",
    "assumptions.start": "--start",
    "assumptions.horizon_age": "--horizon-age",
    "assumptions.growth": "--growth",
    "assumptions.values": "--assume",
    "assumptions.gaps": "--gap",
    "what_ifs": "--what-if",
    "as_of": "--as-of",
}

HELP = {
    "plan": "退休规划：比较法定、弹性提前/延迟、特殊工种各退休时间的养老金 / retirement plan",
    "--birth": "出生年月 YYYY-MM / birth month",
    "--id": "居民身份证号码，代替出生年月和性别；不会回显 / resident ID number, in place of birth and sex",
    "--category": "退休类别：男 / 女工人 / 女干部 / retirement category",
    "--region": "参保地（默认江门市区） / region",
    "--months": "至今的缴费月数（含视同缴费） / contribution months so far, deemed included",
    "--index": "至今的平均缴费指数 / average contribution index so far",
    "--balance": "目前的个人账户储存额（元） / account balance today (yuan)",
    "--special-type": "特殊工种类别：井下、高空、高温、繁重、有毒有害 / special work type",
    "--special-years": "从事特殊工种的年限 / years in the special work type",
    "--deemed-months": "视同缴费月数（1998年7月前） / deemed contribution months",
    "--deemed-account": "视同缴费账户储存额（元） / deemed account balance (yuan)",
    "--weighted-deemed-years": "加权视同缴费年限 / weighted deemed years",
    "--growth": "表中数字的年增长率，参数id=增长率，如 pension.calc_base=0.02，可重复 / growth PARAM=RATE",
    "--assume": "某年的假设值 名称:年份=值：表中参数id，或 index、wage、crediting_rate，可重复"
    " / value PARAM:YEAR=VALUE",
    "--index-ahead": "今后的缴费指数（默认沿用至今的平均缴费指数） / contribution index ahead",
    "--crediting-rate": "个人账户记账利率（每年，默认最近公布值） / account crediting rate a year",
    "--gap": "缴费中断：[起始年月:]月数，如 12 或 2028-01:6，可重复 / gap in contributions [START:]MONTHS",
    "--start": "推算起点年月（默认知悉日期所在月） / projection start month",
    "--horizon-age": "累计领取额计至的年龄（默认 defaults.toml） / age the cumulative pension runs to",
    "--what-if": "假设方案 名称:键=值[,键=值]，键为 index、gap、month、top_up，可重复 / what-if NAME:KEY=VALUE",
    "--no-project": "不预测：尚未公布的数字一律拒绝 / do not project unpublished figures",
    "--plot": "把月养老金和累计领取额画成 PNG 图（需 jm_socialsec[plot]） / draw the chart to FILE.png",
    "--as-of": "知悉日期 YYYY-MM-DD（默认今天） / as-of date",
    "--override": "以 参数id=值 替换数据表中的值，可重复 / what-if: replace a table value",
    "--lang": "输出语言：zh（默认）或 en / output language",
    "--json": "以 JSON 输出 / JSON output",
}


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Register ``plan`` on the main parser's subcommands (its run function is ``func``)."""
    p: argparse.ArgumentParser = subparsers.add_parser("plan", help=HELP["plan"])
    add = _adder(p)
    add("--birth")("--id", metavar="ID")("--category")("--region", default="jiangmen")
    add("--months", type=int, required=True)("--index", required=True)("--balance", required=True)
    add("--special-type")("--special-years")("--deemed-months", type=int, default=0)("--deemed-account", default="0")
    add("--weighted-deemed-years")
    add("--growth", action="append", metavar="PARAM=RATE")("--assume", action="append", metavar="PARAM:YEAR=VALUE")
    add("--index-ahead")("--crediting-rate")("--gap", action="append", metavar="[START:]MONTHS")
    add("--start", metavar="YYYY-MM")("--horizon-age", type=int)
    add("--what-if", action="append", metavar="NAME:KEY=VALUE")("--no-project", action="store_true")
    add("--plot", metavar="FILE.png")("--as-of")("--override", action="append", metavar="PARAM=VALUE")
    add("--lang", default="zh")("--json", action="store_true")
    p.set_defaults(func=cmd_plan, command="plan", _parser=p)
    return p


def _adder(p: argparse.ArgumentParser) -> Any:
    def add(name: str, **kw: Any) -> Any:
        p.add_argument(name, help=HELP[name], **kw)
        return add

    return add


def _number(text: str, flag: str) -> Decimal:
    """A number as typed; ``3%`` is 0.03."""
    text = text.strip()
    try:
        if text.endswith(("%", "％")):
            return parse_decimal(text[:-1]) / 100
        return parse_decimal(text)
    except BadValue as e:
        raise InputError(flag, e.why_zh, e.why_en) from None


def _pair(text: str, flag: str, form: str) -> tuple[str, str]:
    key, sep, value = text.partition("=")
    if not sep or not key.strip():
        raise InputError(flag, f"应为 {form}，而不是“{text}”", f"must be {form}, not {text!r}")
    return key.strip(), value.strip()


def _figure(param: str, flag: str) -> str:
    p = registry().get(param)
    if p is None or not projectable(p):
        names = ", ".join(sorted(k for k, v in registry().items() if projectable(v)))
        raise InputError(flag, f"“{param}”不是按期公布的表中数字（可选：{names}）",
                         f"{param!r} is not a figure published per period ({names})")  # fmt: skip
    return param


def growth(pairs: list[str] | None) -> dict[str, Decimal]:
    """``--growth PARAM=RATE`` pairs (the band is checked by the assumptions)."""
    out = {}
    for text in pairs or []:
        param, rate = _pair(text, "--growth", "参数id=增长率 / PARAM=RATE")
        out[_figure(param, "--growth")] = _number(rate, "--growth")
    return out


def assumed(pairs: list[str] | None) -> dict[str, Any]:
    """``--assume NAME:YEAR=VALUE``: by the PlanAssumptions field (``values`` for table figures)."""
    out: dict[str, dict[int, Decimal]] = {}
    figures: dict[str, dict[int, Decimal]] = {}
    for text in pairs or []:
        left, value = _pair(text, "--assume", "名称:年份=值 / PARAM:YEAR=VALUE")
        name, _, year = left.rpartition(":")
        if not name or not year.strip().isdigit():
            raise InputError(
                "--assume", f"应为 名称:年份=值，而不是“{text}”", f"must be PARAM:YEAR=VALUE, not {text!r}"
            )
        number = _number(value, "--assume")
        if name in PLANNER_BY_YEAR:
            out.setdefault(PLANNER_BY_YEAR[name], {})[int(year)] = number
        else:
            figures.setdefault(_figure(name, "--assume"), {})[int(year)] = number
    return {**out, "values": figures} if figures else dict(out)


def gaps(items: list[str] | None) -> list[dict[str, Any]]:
    """``--gap [START:]MONTHS``."""
    out = []
    for text in items or []:
        start, _, months = text.rpartition(":")
        if not months.strip().isdigit():
            raise InputError("--gap", f"应为 [起始年月:]月数，而不是“{text}”", f"must be [START:]MONTHS, not {text!r}")
        out.append({"months": int(months), "start": start.strip() or None})
    return out


def what_if(text: str) -> dict[str, Any]:
    """``NAME:KEY=VALUE[,KEY=VALUE]`` (keys index, gap, month, top_up) as a WhatIf mapping."""
    name, sep, rest = text.partition(":")
    if not sep or not name.strip():
        raise InputError("--what-if", f"应为 名称:键=值，而不是“{text}”", f"must be NAME:KEY=VALUE, not {text!r}")
    out: dict[str, Any] = {"name": name.strip()}
    for item in filter(None, (x.strip() for x in rest.split(","))):
        key, _, value = item.partition("=")
        if key == "top_up" and not value:
            out["top_up"] = True
        elif key in ("index", "month"):
            out[key] = value
        elif key == "gap" and value.isdigit():
            out["gap_months"] = int(value)
        else:
            raise InputError("--what-if", f"不认识的假设“{item}”（可用 index=、gap=、month=、top_up）",
                             f"unknown what-if {item!r} (index=, gap=, month=, top_up)")  # fmt: skip
    return out


def assumptions_of(args: argparse.Namespace) -> dict[str, Any]:
    """The PlanAssumptions mapping from the flags (None left out: the defaults apply)."""
    given: dict[str, Any] = {"growth": growth(args.growth), **assumed(args.assume), "gaps": gaps(args.gap)}
    rate = None if args.crediting_rate is None else _number(args.crediting_rate, "--crediting-rate")
    given.update({"index": args.index_ahead, "crediting_rate": rate, "start": args.start,
                  "horizon_age": args.horizon_age})  # fmt: skip
    return {k: v for k, v in given.items() if v is not None}


def _flagged(e: InputError, parser: argparse.ArgumentParser) -> InputError:
    """The error naming the flag typed."""
    for prefix, flag in FLAGS.items():
        if e.field.startswith(prefix):
            return InputError(flag, e.why_zh, e.why_en)
    from ..cli.fields import in_flags

    return in_flags(e, parser)


def run_plan(args: argparse.Namespace) -> Any:
    """The plan for the flags given (a :class:`~jm_socialsec.planner.RetirementPlan`)."""
    from ..cli.commands import day, overrides
    from ..cli.person import known_person
    from ..cli.words import choice
    from .plan import plan_retirement

    birth, category = known_person(args)
    return plan_retirement(
        birth=birth, category=category, contribution_months=args.months, average_index=args.index,
        account_balance=args.balance, region=args.region,
        special_type=None if args.special_type is None else choice("special_type", args.special_type, "--special-type"),
        special_years=args.special_years, deemed_months=args.deemed_months, deemed_account=args.deemed_account,
        weighted_deemed_years=args.weighted_deemed_years, what_ifs=[what_if(w) for w in args.what_if or []],
        project=not args.no_project, assumptions=assumptions_of(args),
        as_of=day(args.as_of, "--as-of"), overrides=overrides(args.override),
    )  # fmt: skip


def cmd_plan(args: argparse.Namespace) -> int:
    """Run ``plan``: print the table (or JSON), draw the chart with ``--plot``; exit status 0."""
    from ..cli.console import emit, emit_json
    from ..cli.words import choice

    lang = choice("lang", args.lang, "--lang")
    try:
        plan = run_plan(args)
        drawn = None if args.plot is None else plan.to_png(args.plot, lang)
    except InputError as e:
        raise _flagged(e, args._parser) from None
    if args.json:
        emit_json({**plan.to_json(), "plot": None if drawn is None else str(drawn)})
        return 0
    emit(plan.explain(lang))
    if drawn is not None:
        emit(f"图已保存 / chart saved: {drawn}")
    return 0
