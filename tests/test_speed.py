"""The brief's speed aims: import well under 0.3 s, a warm estimate well under 1 ms."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from datetime import date

from jm_socialsec import estimate_pension


def test_package_import_is_fast() -> None:
    code = "import time; t = time.perf_counter(); import jm_socialsec; print(time.perf_counter() - t)"
    runs = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
            for _ in range(3)]  # fmt: skip
    assert min(runs) < 0.3


def test_warm_explained_estimate_is_under_a_millisecond() -> None:
    kwargs = {
        "as_of": date(2025, 4, 15), "retirement_month": "2025-03", "age": (55, 1), "contribution_months": 208,
        "average_index": "0.5241", "account_balance": "66720.85",
    }  # fmt: skip
    estimate_pension(**kwargs)  # warm: tables loaded and validated once
    times = []
    for _ in range(200):
        t = time.perf_counter()
        estimate_pension(**kwargs)
        times.append(time.perf_counter() - t)
    assert statistics.median(times) < 0.001
