"""Speed of the estimates as ratios to the bare formula, measured in one run (issue 10).

    python benchmarks/bench_engine.py

The bare formula is Guangdong's pension formula in plain Python ``Decimal`` with the figures
typed in (no tables, no validation, no explanation): the floor any implementation pays. Each
estimate is timed warm (tables loaded, first call done) with ``timeit``'s best of several
repeats, and the bare formula is timed again before every row (its best is the floor), so that
the ratios hold on a shared, noisy machine. The pension rows go through a roster of 12,000
people (48 birth months in each category, retiring 2022–2026; months, indices and balances of
their own), so no person repeats within a timing; memoised sub-calculations keyed on what people
share (a birth month's retirement, an age's 计发月数, a count of months' transitional line) are
warm after one round, as in a real run. Import and first-estimate costs are measured in fresh
interpreters.
"""

from __future__ import annotations

import subprocess
import sys
import timeit
from collections.abc import Callable
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

FEN = Decimal("0.01")
AS_OF = date(2026, 11, 21)
KW = {
    "birth": "1966-01",
    "category": "male",
    "contribution_months": 312,
    "average_index": "0.85",
    "account_balance": "86500",
    "region": "台山",
    "as_of": AS_OF,
}


def bare_formula() -> Decimal:
    """The 核定表 lines for the KW person, figures typed in (2025 base 9493, 计发月数 136.3)."""
    base, index, months, balance = Decimal(9493), Decimal("0.85"), 312, Decimal(86500)
    a = Decimal(1) if index >= Decimal("0.6") else index / Decimal("0.6")
    basic = (base * (a + index) / 2 * months / 12 * Decimal("0.01")).quantize(FEN, ROUND_HALF_UP)
    account = (balance / Decimal("136.3")).quantize(FEN, ROUND_HALF_UP)
    transitional = Decimal(100) + 4 * (months // 12)
    return basic + account + transitional


def best(fn: Callable[[], object], number: int) -> float:
    """Best per-call time in seconds over 5 repeats."""
    return min(timeit.repeat(fn, number=number, repeat=5)) / number


def fresh(code: str) -> float:
    """Seconds a fresh interpreter takes to run ``code`` (best of 3), minus a bare start."""

    def run(c: str) -> float:
        out = subprocess.run(
            [sys.executable, "-c", f"import time; t=time.perf_counter(); {c}; print(time.perf_counter()-t)"],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        return float(out.stdout.split()[-1])

    return min(run(code) for _ in range(3))


#: People in the timed roster: enough that no person repeats within a timing (a memo keyed on a
#: person's own amounts would not pay), while birth months repeat as in a real roster.
ROSTER_SIZE = 12_000


def roster(size: int = ROSTER_SIZE) -> list[dict[str, object]]:
    """People retiring 2022-2026 (the published bases): 48 birth months in each of the three
    categories, and for each person other contribution months (180-399), index (0.30-1.50) and
    account balance — as a batch, a planner or a service would see them."""
    people = []
    for n in range(size):
        category, first_year = (("male", 1962), ("female_55", 1967), ("female_50", 1972))[n % 3]
        month = (n // 3) % 48
        people.append(
            {
                **KW,
                "birth": f"{first_year + month // 12}-{month % 12 + 1:02d}",
                "category": category,
                "contribution_months": 180 + (37 * n) % 220,
                "average_index": str(Decimal(30 + (7 * n) % 121) / 100),
                "account_balance": str(20_000 + (7919 * n) % 180_000),
            }
        )
    return people


def main() -> None:
    from jm_socialsec import estimate_pension
    from jm_socialsec.cli import _demo_sections

    people = roster()
    for person in people:  # warm: tables, models, caches — as after the first round of a batch
        estimate_pension(**person)
    turn = iter(range(10**9))

    def next_person() -> dict[str, object]:
        return people[next(turn) % len(people)]

    floors: list[float] = []

    def measure(fn: Callable[[], object], number: int) -> float:
        floors.append(best(bare_formula, 20000))
        return best(fn, number)

    rows = [
        ("estimate_pension, amounts only", lambda: estimate_pension(**next_person()).total, 2400, 10),
        ("estimate_pension + to_json()", lambda: estimate_pension(**next_person()).to_json(), 240, 40),
        ("estimate_pension + explain()", lambda: estimate_pension(**next_person()).explain(), 240, 50),
    ]
    timed = [(name, measure(fn, number), target) for name, fn, number, target in rows]
    demos = []
    for title, make in _demo_sections():
        make()
        demos.append((title, measure(lambda make=make: make(), 200)))  # type: ignore[misc]
    floor = min(floors)
    print(f"bare formula: {floor * 1e6:.2f} µs (best of {len(floors)} interleaved measurements)")
    for name, t, target in timed:
        print(f"{name:34s} {t * 1e6:9.1f} µs  {t / floor:6.1f} × bare  (target ≤ {target} ×)")
    for title, t in demos:
        print(f"  {title:32s} {t * 1e6:9.1f} µs  {t / floor:6.1f} × bare  (amounts only)")
    imp = fresh("import jm_socialsec")
    first = fresh(
        "from jm_socialsec import estimate_pension; import datetime; "
        "estimate_pension(birth='1966-01', category='male', contribution_months=312, average_index='0.85', "
        "account_balance='86500', as_of=datetime.date(2026, 11, 21)).total"
    )
    print(f"import jm_socialsec (fresh process): {imp * 1e3:.1f} ms; import + first estimate: {first * 1e3:.1f} ms")


if __name__ == "__main__":
    main()
