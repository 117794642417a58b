"""Command line: ``jm-socialsec demo`` (sample estimates, explained) and ``jm-socialsec tables``.

No traceback reaches a user: documented errors print their bilingual message (exit 2); anything
else prints a short internal-error line (exit 3).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from .errors import SocialSecError
from .tables import Param, Status, registry

DEMO_AS_OF = date(2026, 11, 21)  # fixed so the demo prints the same figures every day


def _demo_sections() -> list[tuple[str, Callable[[], Any]]]:
    from .checklist import RetireeProfile, retirement_checklist
    from .contributions import pension_contribution
    from .injury import injury_benefits
    from .pension import estimate_pension
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
                recent_contribution_wages=[4500] * 12,
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


def param_report(params: dict[str, Param], today: date) -> list[dict[str, Any]]:
    """One row per parameter: covered range, latest value, status, source, flags."""
    rows = []
    for p in sorted(params.values(), key=lambda p: p.id):
        last = p.values[-1]
        latest = f"{len(last.value)} entries" if isinstance(last.value, dict) else str(last.value)
        flags = []
        horizon = p.horizon
        if horizon is not None and horizon < today:
            flags.append("stale")
        if last.status is not Status.OFFICIAL:
            flags.append(last.status.value)
        if p.gaps():
            flags.append("gap")
        if any(v.missing for v in p.values):
            flags.append("missing")
        rows.append(
            {
                "id": p.id,
                "label_zh": p.label_zh,
                "unit": p.unit.value,
                "from": str(p.first),
                "until": str(horizon) if horizon else "open",
                "latest": latest,
                "latest_since": str(last.since),
                "status": last.status.value,
                "source": last.source.document,
                "flags": flags,
            }
        )
    return rows


def cmd_tables(args: argparse.Namespace) -> int:
    rows = param_report(registry(), date.today())
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    print(
        f"{len(rows)} parameters / 参数  (flags: stale = horizon passed, secondary/assumed = "
        "latest value not confirmed in the original, gap = uncovered dates inside the range, "
        "missing = a period declared not collected)"
    )
    for r in rows:
        flags = f"  [{', '.join(r['flags'])}]" if r["flags"] else ""
        print(
            f"{r['id']}  {r['label_zh']}\n    {r['from']} → {r['until']}   latest "
            f"{r['latest']} {r['unit']} since {r['latest_since']}   {r['status']}   "
            f"{r['source']}{flags}"
        )
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
    tables = sub.add_parser("tables", help="parameter report / 参数一览")
    tables.add_argument("--json", action="store_true", help="JSON output")
    tables.set_defaults(func=cmd_tables)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        code: int = args.func(args)
        return code
    except SocialSecError as e:
        print(f"错误 / error [{e.code}]: {e.message_zh}\n  {e.message_en}", file=sys.stderr)
        return 2
    except Exception as e:  # last line of defence: never a traceback for a clerk
        print(f"内部错误 / internal error: {type(e).__name__}: {e}", file=sys.stderr)
        return 3


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
