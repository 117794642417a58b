"""Snapshots of what users see (issue 10's safety net): every output of every scenario, frozen.

For each scenario (the demo's sections and the worked cases), ``explain("zh")``,
``explain("en")`` and ``to_json()`` are compared with the files in ``tests/snapshots/``. Any
change shows as a diff; a change on purpose is made by regenerating the files and committing
them with the reason in the commit message:

    JM_UPDATE_SNAPSHOTS=1 python -m pytest tests/test_snapshots.py

These tests guard the wording and layout, not the law: the amounts are asserted, from their
sources, by the other tests.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from jm_socialsec.cli import _demo_sections
from jm_socialsec.engine.explain import Explained

HERE = Path(__file__).parent / "snapshots"
UPDATE = os.environ.get("JM_UPDATE_SNAPSHOTS") == "1"
AS_OF = date(2026, 11, 21)


def _worked_cases() -> dict[str, Callable[[], Explained]]:
    from jm_socialsec.injury import death_benefits, injury_benefits
    from jm_socialsec.pension import estimate_pension, pension_death_benefits
    from jm_socialsec.unemployment import unemployment_benefit

    return {
        # tests/data/pension_cases.toml: the Zhongshan determination sheet (2025-04)
        "pension_zhongshan_sheet": lambda: estimate_pension(
            as_of=date(2025, 4, 15),
            retirement_month="2025-03",
            age=(55, 1),
            contribution_months=208,
            average_index="0.5241",
            account_balance="66720.85",
        ),
        # with deemed time (old and new method, the transitional adjustment)
        "pension_deemed_time": lambda: estimate_pension(
            birth="1964-06",
            category="male",
            contribution_months=420,
            average_index="1.1",
            account_balance="120000",
            deemed_months=120,
            deemed_account="3000",
            weighted_deemed_years="10.5",
            as_of=AS_OF,
        ),
        # below the minimum years: the shortfall and options instead of an amount
        "pension_short_of_minimum": lambda: estimate_pension(
            birth="1966-01",
            category="male",
            contribution_months=120,
            average_index="0.8",
            account_balance="30000",
            as_of=AS_OF,
        ),
        # 人社部发〔2021〕18号 worked example: 28 years 9 months, 3.5 years of pension drawn
        "pension_death_benefits": lambda: pension_death_benefits(
            date(2024, 6, 1), 345, pension_months_drawn=42, as_of=AS_OF
        ),
        # tests/data/unemployment_cases.toml and the 2025 amendment's deleted items
        "unemployment_2015": lambda: unemployment_benefit("2015-12", "jiangmen", 36, reason="dismissed", as_of=AS_OF),
        "unemployment_2024_side_benefits": lambda: unemployment_benefit(
            "2024-06",
            "jiangmen",
            60,
            reason="contract_expired",
            recent_contribution_wages=[4500] * 12,
            as_of=AS_OF,
        ),
        "unemployment_2026_after_amendment": lambda: unemployment_benefit(
            "2026-10", "jiangmen", 12, reason="dismissed", recent_contribution_wages=[4500] * 12, as_of=AS_OF
        ),
        # tests/data/injury_cases.toml
        "injury_grade10_leaves_job": lambda: injury_benefits(
            10, "2025-03-01", "6000", leaves_job=True, left_on="2026-06-30", as_of=AS_OF
        ),
        "injury_grade3_nursing": lambda: injury_benefits(3, "2025-03-10", 8000, care_level=2, as_of=AS_OF),
        "injury_death_2025": lambda: death_benefits("2025-06-01", 7000, ["spouse", "orphan"], as_of=AS_OF),
    }


def _scenarios() -> dict[str, Callable[[], Explained]]:
    demo = {f"demo_{n}": make for n, (_, make) in enumerate(_demo_sections(), 1)}
    return {**demo, **_worked_cases()}


def _outputs(result: Explained) -> dict[str, str]:
    return {
        "zh.txt": result.explain("zh") + "\n",
        "en.txt": result.explain("en") + "\n",
        "json": json.dumps(result.to_json(), ensure_ascii=False, indent=1, sort_keys=True) + "\n",
    }


@pytest.mark.parametrize("name", sorted(_scenarios()))
def test_snapshot(name: str) -> None:
    outputs = _outputs(_scenarios()[name]())
    for suffix, text in outputs.items():
        path = HERE / f"{name}.{suffix}"
        if UPDATE:
            path.write_text(text, encoding="utf-8")
            continue
        assert path.exists(), f"no snapshot {path.name}: run with JM_UPDATE_SNAPSHOTS=1 and review it"
        assert text == path.read_text(encoding="utf-8"), f"{path.name} changed (review, then update on purpose)"


def test_no_stale_snapshot_files() -> None:
    names: set[Any] = {f"{n}.{s}" for n in _scenarios() for s in ("zh.txt", "en.txt", "json")}
    assert {p.name for p in HERE.iterdir()} <= names
