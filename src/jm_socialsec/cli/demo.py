"""The tools (工具命令): ``demo`` (sample estimates, explained), ``tables`` (the parameter
report) and ``serve`` (the HTTP service, an optional extra)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from typing import Any

from ..engine.errors import SocialSecError
from ..engine.tables import documents, registry
from .console import emit, emit_json
from .words import both, choice

DEMO_AS_OF = date(2026, 11, 21)  # fixed so the demo prints the same figures every day


def _demo_sections() -> list[tuple[str, Callable[[], Any]]]:
    from ..checklist import retirement_checklist
    from ..injury import injury_benefits
    from ..pension import estimate_pension
    from ..pension.contributions import pension_contribution
    from ..retirement import statutory_retirement
    from ..unemployment import unemployment_benefit

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
            lambda: unemployment_benefit("2026-10", "台山", 60, reason="contract_expired", as_of=DEMO_AS_OF),
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
            lambda: retirement_checklist(_demo_profile(), date(2026, 12, 14), as_of=DEMO_AS_OF),
        ),
        (
            "养老保险月缴费 / pension contribution",
            lambda: pension_contribution("2026-10", 6800, "台山", as_of=DEMO_AS_OF),
        ),
    ]


def _demo_profile() -> Any:
    from ..checklist import RetireeProfile

    return RetireeProfile(
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
    )


def run_demo(args: argparse.Namespace) -> int:
    lang = choice("lang", args.lang, "--lang")
    results = []
    for title, make in _demo_sections():
        result = make()
        if args.json:
            results.append(result.to_json())
        else:
            emit(f"==== {title} ====")
            emit(result.explain(lang))
            emit("")
    if args.json:
        emit_json(results)
    return 0


def run_tables(args: argparse.Namespace) -> int:
    from ..engine.report import document_report, param_report, render_report

    params, docs = registry(), documents()
    today = date.today()
    param_rows, doc_rows = param_report(params, today), document_report(docs, params, today)
    if args.json:
        emit_json({"parameters": param_rows, "documents": doc_rows})
    else:
        emit(render_report(param_rows, doc_rows))
    return 0


class ServiceNotInstalled(SocialSecError):
    """``serve`` without the optional extra (未安装服务): says how to install it."""

    code = "service_not_installed"


def run_serve(args: argparse.Namespace) -> int:
    try:
        from .. import service  # lazy: the extra (FastAPI, uvicorn) is optional
    except ImportError as e:
        raise ServiceNotInstalled(*both("service_missing", why=e)) from None
    service.serve(args.host, args.port)
    return 0


def run_schema(args: argparse.Namespace) -> int:
    """``schema <area>``: the JSON contract of an area's functions (inputs and results)."""
    from ..schema import area_schema

    emit_json(area_schema(args.area))
    return 0


class BatchNotInstalled(SocialSecError):
    """``batch`` without the optional extra (未安装批量测算): says how to install it."""

    code = "batch_not_installed"


def run_batch(args: argparse.Namespace) -> int:
    """``batch``: the roster command of jm_socialsec.batch (its own parser and summary)."""
    run = getattr(args, "func", None)
    if run is None:  # registered as a stand-in: the extra is missing
        zh, en = both("batch_missing")
        raise BatchNotInstalled(zh, en)
    return int(run(args))


def run_plan(args: argparse.Namespace) -> int:
    """``plan``: the planner's own command (jm_socialsec.planner.cli)."""
    return int(args.func(args))
