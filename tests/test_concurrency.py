"""Due dates under concurrency (issue 9 item 8): the holiday calendar is shared safely.

``holidays`` fills a calendar's years on first use; threads that first touch the same year at
once used to see half-filled years, and due dates came out up to 7 days early or late. Services
run handlers in threads, so a cold start of 8 threads must give exactly the serial results.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from datetime import date
from typing import TypeVar

from jm_socialsec import checklist
from jm_socialsec.checklist import retirement_checklist, working_days_after

T = TypeVar("T")
# Application days spread over years no test has loaded yet in a cold calendar.
STARTS = [date(y, m, 3) for y in range(2027, 2036) for m in (1, 4, 9, 12)]


def cold_start_in_threads(work: Callable[[], T], threads: int = 8) -> list[T]:
    """Run ``work`` in ``threads`` threads released together on a freshly emptied calendar."""
    checklist._china.cache_clear()
    barrier = threading.Barrier(threads)
    switch = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads often, so that a race shows at once
    results: list[T] = []
    errors: list[BaseException] = []

    def run() -> None:
        barrier.wait()
        try:
            results.append(work())
        except BaseException as e:  # any failure in a thread fails the test below
            errors.append(e)

    pool = [threading.Thread(target=run) for _ in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    sys.setswitchinterval(switch)
    assert errors == []
    return results


def test_working_days_from_eight_cold_threads_equal_the_serial_run() -> None:
    def due_dates() -> list[date]:
        return [working_days_after(s, 19) for s in STARTS]

    for _ in range(10):
        parallel = cold_start_in_threads(due_dates)
        checklist._china.cache_clear()
        serial = due_dates()
        assert all(r == serial for r in parallel)


def test_checklist_due_dates_from_eight_cold_threads_equal_the_serial_run() -> None:
    profile = {"birth": "1966-08-15", "category": "male", "contribution_months": 300}
    applications = [date(2027, 9, 20), date(2028, 1, 10), date(2029, 4, 20), date(2030, 9, 20)]

    def due_dates() -> list[date]:
        return [retirement_checklist(profile, d, as_of=date(2026, 11, 30)).due_date for d in applications]

    parallel = cold_start_in_threads(due_dates)
    checklist._china.cache_clear()
    serial = due_dates()
    assert all(r == serial for r in parallel)


def test_every_kind_of_estimate_from_eight_cold_threads_equals_the_serial_run() -> None:
    """The engine's caches (resolved values, memoised retirement months, word catalogues, locale
    symbols) are shared by threads: 8 threads from a cold start give exactly the serial results."""
    from jm_socialsec import (
        death_benefits,
        estimate_pension,
        injury_benefits,
        pension_contribution,
        statutory_retirement,
        unemployment_benefit,
    )
    from jm_socialsec.engine import params as params_mod
    from jm_socialsec.engine import texts

    as_of = date(2026, 11, 30)
    births = [f"{y}-{m:02d}" for y in range(1962, 1966) for m in range(1, 13)]

    def run() -> list[str]:
        out = []
        for n, birth in enumerate(births):
            r = estimate_pension(birth=birth, category="male", contribution_months=300 + n,
                                 average_index=f"0.{50 + n}", account_balance="80000", as_of=as_of)  # fmt: skip
            out.append(f"{r.total} {r.explain('en')[-200:]}")
            out.append(str(statutory_retirement(birth, "female_55", as_of=as_of).year_month))
        out.append(str(unemployment_benefit("2026-10", "台山", 60, reason="dismissed", as_of=as_of).total))
        out.append(str(injury_benefits(7, "2025-03-10", 8000, as_of=as_of).disability_lump_sum))
        out.append(str(death_benefits("2025-06-01", 7000, ["spouse"], as_of=as_of).death_grant))
        out.append(str(pension_contribution("2026-10", 6800, as_of=as_of).total))
        return out

    def cold() -> None:
        params_mod.forget_values()
        texts.catalogue.cache_clear()

    cold()
    parallel = cold_start_in_threads(run)
    cold()
    serial = run()
    assert all(r == serial for r in parallel)
