"""Command line for counter staff and maintainers.

``jm-socialsec demo`` prints sample estimates, explained; ``retirement``, ``pension``,
``unemployment``, ``injury`` and ``checklist`` estimate one person's case from options (Chinese
by default, ``--lang en``, ``--json``); ``tables`` is the parameter report.

No traceback reaches a user: documented errors print their bilingual message (exit 2); anything
else prints a short internal-error line (exit 3).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from .engine.errors import InputError, SocialSecError
from .engine.tables import documents, registry

DEMO_AS_OF = date(2026, 11, 21)  # fixed so the demo prints the same figures every day


def _demo_sections() -> list[tuple[str, Callable[[], Any]]]:
    from .checklist import RetireeProfile, retirement_checklist
    from .injury import injury_benefits
    from .pension import estimate_pension
    from .pension.contributions import pension_contribution
    from .retirement import statutory_retirement
    from .unemployment import unemployment_benefit

    return [
        ("法定退休年龄 / retirement age", lambda: statutory_retirement("1966-01", "male", as_of=DEMO_AS_OF)),
        (
            "基本养老金 / pension estimate",
            lambda: estimate_pension(
                birth="1966-01",
                category="male",
                contribution_months=312,
                average_index="0.85",
                account_balance="86500.00",
                region="台山",
                as_of=DEMO_AS_OF,
            ),
        ),
        (
            "失业保险待遇 / unemployment benefit",
            lambda: unemployment_benefit(
                "2026-10",
                "台山",
                60,
                reason="contract_expired",
                as_of=DEMO_AS_OF,
            ),
        ),
        (
            "工伤保险待遇 / work-injury benefits",
            lambda: injury_benefits(
                7,
                "2025-03-10",
                8000,
                assessed_on="2025-09-15",
                leaves_job=True,
                left_on="2026-10-31",
                birth="1968-05",
                category="male",
                as_of=DEMO_AS_OF,
            ),
        ),
        (
            "退休一件事清单 / retirement checklist",
            lambda: retirement_checklist(
                RetireeProfile(
                    birth="1966-08",
                    category="male",
                    contribution_months=300,
                    deemed_service=["military"],
                    housing_fund_account=True,
                    medical_months=300,
                    medical_local_months=240,
                    hukou_type="urban",
                    hukou_region="蓬江",
                    one_child_certificate=True,
                    only_child_alive=True,
                ),
                date(2026, 12, 14),
                as_of=DEMO_AS_OF,
            ),
        ),
        (
            "养老保险月缴费 / pension contribution",
            lambda: pension_contribution("2026-10", 6800, "台山", as_of=DEMO_AS_OF),
        ),
    ]


def cmd_demo(args: argparse.Namespace) -> int:
    results = []
    for title, make in _demo_sections():
        result = make()
        if args.json:
            results.append(result.to_json())
        else:
            print(f"==== {title} ====")
            print(result.explain(args.lang))
            print()
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
    return 0


def _day(text: str | None, field: str) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InputError(field, f"“{text}”不是 YYYY-MM-DD 格式的日期", f"{text!r} is not a YYYY-MM-DD date") from None


def _overrides(pairs: list[str] | None) -> dict[str, str]:
    out: dict[str, str] = {}
    for pair in pairs or []:
        key, sep, value = pair.partition("=")
        if not sep:
            raise InputError("--override", f"应为 参数id=值，而不是“{pair}”", f"must be param_id=value, not {pair!r}")
        out[key.strip()] = value.strip()
    return out


def _show(args: argparse.Namespace, result: Any) -> int:
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    else:
        print(result.explain(args.lang))
    return 0


def cmd_retirement(args: argparse.Namespace) -> int:
    from .retirement import statutory_retirement

    as_of = _day(args.as_of, "--as-of")
    return _show(
        args, statutory_retirement(args.birth, args.category, as_of=as_of, overrides=_overrides(args.override))
    )


def cmd_pension(args: argparse.Namespace) -> int:
    from .pension import estimate_pension

    result = estimate_pension(
        contribution_months=args.months,
        average_index=args.index,
        account_balance=args.balance,
        birth=args.birth,
        category=args.category,
        choice=args.choice,
        retirement_month=args.retirement_month,
        age=tuple(args.age) if args.age else None,
        special_type=args.special_type,
        special_years=args.special_years,
        deemed_months=args.deemed_months,
        deemed_account=args.deemed_account,
        weighted_deemed_years=args.weighted_deemed_years,
        region=args.region,
        as_of=_day(args.as_of, "--as-of"),
        overrides=_overrides(args.override),
    )
    return _show(args, result)


def cmd_unemployment(args: argparse.Namespace) -> int:
    from .unemployment import unemployment_benefit

    result = unemployment_benefit(
        args.claim_month,
        args.region,
        args.months,
        args.unused,
        args.reason,
        birth=args.birth,
        category=args.category,
        as_of=_day(args.as_of, "--as-of"),
        overrides=_overrides(args.override),
    )
    return _show(args, result)


def cmd_injury(args: argparse.Namespace) -> int:
    from .injury import injury_benefits

    result = injury_benefits(
        args.grade,
        args.injured_on,
        args.wage,
        leaves_job=args.leaves_job,
        left_on=args.left_on,
        draws_pension=args.draws_pension,
        care_level=args.care_level,
        birth=args.birth,
        category=args.category,
        as_of=_day(args.as_of, "--as-of"),
        overrides=_overrides(args.override),
    )
    return _show(args, result)


def cmd_checklist(args: argparse.Namespace) -> int:
    from .checklist import RetireeProfile, retirement_checklist

    try:
        with open(args.profile, encoding="utf-8") as f:
            data = json.load(f)
    except (OSError, ValueError) as e:
        raise InputError("--profile", f"无法读取 JSON 文件：{e}", f"cannot read the JSON file: {e}") from None
    if not isinstance(data, dict):
        raise InputError("--profile", "JSON 应为对象", "the JSON must be an object")
    apply_on = _day(args.apply_on, "--apply-on") or date.today()
    result = retirement_checklist(
        RetireeProfile(**data), apply_on, as_of=_day(args.as_of, "--as-of"), overrides=_overrides(args.override)
    )
    return _show(args, result)


def cmd_tables(args: argparse.Namespace) -> int:
    from .engine.report import document_report, param_report, render_report

    params, docs = registry(), documents()
    today = date.today()
    param_rows, doc_rows = param_report(params, today), document_report(docs, params, today)
    if args.json:
        print(json.dumps({"parameters": param_rows, "documents": doc_rows}, ensure_ascii=False, indent=2))
        return 0
    print(render_report(param_rows, doc_rows))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="jm-socialsec",
        description="江门社保测算 / Jiangmen social-insurance estimates, explained and sourced.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    demo = sub.add_parser("demo", help="sample estimates, explained / 示例测算")
    demo.add_argument("--lang", choices=["zh", "en"], default="zh")
    demo.add_argument("--json", action="store_true", help="JSON output")
    demo.set_defaults(func=cmd_demo)
    tables = sub.add_parser("tables", help="parameter and document report / 参数与文件一览")
    tables.add_argument("--json", action="store_true", help="JSON output")
    tables.set_defaults(func=cmd_tables)

    def estimate(name: str, help_: str, func: Callable[[argparse.Namespace], int]) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_)
        p.add_argument("--lang", choices=["zh", "en"], default="zh")
        p.add_argument("--json", action="store_true", help="JSON output")
        p.add_argument("--as-of", help="date of knowledge, YYYY-MM-DD (default: today) / 知悉日期")
        p.add_argument("--override", action="append", metavar="PARAM=VALUE", help="what-if: replace a table value")
        p.set_defaults(func=func)
        return p

    r = estimate("retirement", "statutory retirement month / 法定退休年龄", cmd_retirement)
    r.add_argument("birth", help="birth month YYYY-MM / 出生年月")
    r.add_argument("category", choices=["male", "female_55", "female_50"])

    p = estimate("pension", "pension estimate / 基本养老金测算", cmd_pension)
    p.add_argument("--months", type=int, required=True, help="contribution months incl. deemed / 缴费月数")
    p.add_argument("--index", required=True, help="average contribution index / 平均缴费指数")
    p.add_argument("--balance", required=True, help="personal account balance / 个人账户储存额")
    p.add_argument("--birth", help="birth month YYYY-MM (with --category)")
    p.add_argument("--category", choices=["male", "female_55", "female_50"])
    p.add_argument("--choice", default="statutory", choices=["statutory", "flexible_early", "flexible_late", "special"])
    p.add_argument("--retirement-month", help="YYYY-MM (flexible choice, or with --age)")
    p.add_argument("--age", type=int, nargs=2, metavar=("YEARS", "MONTHS"))
    p.add_argument("--special-type")
    p.add_argument("--special-years")
    p.add_argument("--deemed-months", type=int, default=0)
    p.add_argument("--deemed-account", default="0")
    p.add_argument("--weighted-deemed-years")
    p.add_argument("--region", default="jiangmen")

    u = estimate("unemployment", "unemployment benefit / 失业保险待遇", cmd_unemployment)
    u.add_argument("claim_month", help="YYYY-MM")
    u.add_argument("--months", type=int, required=True, help="contribution months for this claim")
    u.add_argument("--unused", type=int, default=0, help="unused months of an earlier claim")
    u.add_argument("--reason", required=True, help="e.g. contract_expired, dismissed, voluntary_resignation")
    u.add_argument("--region", default="jiangmen")
    u.add_argument("--birth")
    u.add_argument("--category", choices=["male", "female_55", "female_50"])

    i = estimate("injury", "work-injury benefits / 工伤伤残待遇", cmd_injury)
    i.add_argument("grade", type=int, help="disability grade 1-10 / 伤残等级")
    i.add_argument("injured_on", help="YYYY-MM-DD")
    i.add_argument("wage", help="average monthly wage of the 12 months before / 受伤前12个月平均工资")
    i.add_argument("--leaves-job", action="store_true")
    i.add_argument("--left-on")
    i.add_argument(
        "--draws-pension",
        action="store_true",
        help="draws a basic pension (grades 7-10 get no leaving grants) / 已领取基本养老金",
    )
    i.add_argument("--care-level", type=int, choices=[1, 2, 3, 4], help="生活自理障碍等级 1-4 (grades 1-4)")
    i.add_argument("--birth")
    i.add_argument("--category", choices=["male", "female_55", "female_50"])

    c = estimate("checklist", "retirement one-stop checklist / 退休一件事清单", cmd_checklist)
    c.add_argument("--profile", required=True, help="RetireeProfile as a JSON file")
    c.add_argument("--apply-on", help="YYYY-MM-DD (default: today)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        code: int = args.func(args)
        sys.stdout.flush()
        return code
    except BrokenPipeError:  # `jm-socialsec tables | head`: the reader left; not an error
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the flush at exit
        return 0
    except SocialSecError as e:
        print(f"错误 / error [{e.code}]: {e.message_zh}\n  {e.message_en}", file=sys.stderr)
        return 2
    except Exception as e:  # last line of defence: never a traceback for a clerk
        print(f"内部错误 / internal error: {type(e).__name__}: {e}", file=sys.stderr)
        return 3


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
