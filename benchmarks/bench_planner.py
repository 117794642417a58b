"""Speed of a full retirement plan (issue 11): one person, about 80 candidates, projection included,
no explanation built. Target: at most 50 ms on this kind of machine.

    python benchmarks/bench_planner.py

The person (a man born 1977-01 in 台山, 20 years so far, a qualifying special type, three
what-ifs) gets 36 flexible-early months, the statutory month, 36 flexible-late months, the
special-type month and the three what-ifs: 77 rows, each an ``estimate_pension`` on the projected
path (the path itself month by month to 2043, the figures not yet published projected). Timed warm
(tables loaded, first plan done), best of five repeats; a single projected estimate is timed in the
same run, so the plan's cost also reads as a ratio to it.
"""

from __future__ import annotations

import timeit
from datetime import date

AS_OF = date(2026, 11, 30)
PERSON = {
    "birth": "1977-01",
    "category": "male",
    "contribution_months": 240,
    "average_index": "0.8",
    "account_balance": "60000",
    "region": "台山",
    "special_type": "underground",
    "special_years": 10,
    "as_of": AS_OF,
}
WHAT_IFS = [
    {"name": "index 1.2", "index": "1.2"},
    {"name": "gap 12", "gap_months": 12},
    {"name": "top-up", "top_up": True},
]


def best(fn: object, number: int) -> float:
    return min(timeit.repeat(fn, number=number, repeat=5)) / number  # type: ignore[arg-type]


def main() -> None:
    from jm_socialsec import estimate_pension
    from jm_socialsec.planner import plan_retirement

    def plan() -> object:
        return plan_retirement(**PERSON, what_ifs=WHAT_IFS)  # type: ignore[arg-type]

    def one() -> object:
        return estimate_pension(
            birth="1977-01", category="male", contribution_months=400, average_index="0.8",
            account_balance="160000", region="台山", as_of=AS_OF, project=True,
        )  # fmt: skip

    rows = len(plan().rows)  # type: ignore[attr-defined]
    one()
    t_plan, t_one = best(plan, 5), best(one, 200)
    print(f"full plan, {rows} candidates, projection included, no explanation: {t_plan * 1e3:.1f} ms (target ≤ 50 ms)")
    print(f"one projected estimate: {t_one * 1e3:.3f} ms; plan / estimate = {t_plan / t_one:.0f}")


if __name__ == "__main__":
    main()
