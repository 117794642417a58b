"""Draw docs/planner_example.png: the worked example of docs/planner.md (issue 11).

    python tools/planner_example.py            # needs the plot extra: pip install ".[plot]"

A man born 1968-07 in 开平, 28 years (336 months) of contributions so far at index 1.0, 100,000
yuan in his account, as known on 2026-11-30, with the planner's default assumptions and one
what-if (index 1.5 from now on). Labels are in English so that the picture draws the same on a
machine without a Chinese font.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from jm_socialsec.planner import WhatIf, plan_retirement

EXAMPLE = {
    "birth": "1968-07",
    "category": "male",
    "contribution_months": 336,
    "average_index": "1.0",
    "account_balance": "100000",
    "region": "开平",
    "as_of": date(2026, 11, 30),
}
OUT = Path(__file__).resolve().parents[1] / "docs" / "planner_example.png"


def main() -> None:
    plan = plan_retirement(**EXAMPLE, what_ifs=[WhatIf(name="index 1.5", index="1.5")])  # type: ignore[arg-type]
    print(plan.to_png(OUT, "en"))


if __name__ == "__main__":
    main()
