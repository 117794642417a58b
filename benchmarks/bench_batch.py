"""The population batch (issue 13): speed and memory for a roster of 1M people, in one run.

    python benchmarks/bench_batch.py [ROWS]

Prints, for ``estimate_pensions`` over an Arrow table of ROWS people (default 1,000,000;
births as "YYYY-MM" text in all three categories retiring 2022–2026, indices 0.3–2.5 with 4
decimals, balances in 分, one in five with deemed time): ns a row and rows a second, best of 3,
as wall time and as CPU time of this process (the machine may be shared: CPU time is what one
core spent), cold (every parameter cache, the retirement memos and the batch's remembered reads
cleared before each run: parameter look-up included), cold with the retirement memos kept (the
earlier measure), and warm; the same with ``birth`` and ``category`` dictionary-
encoded (as Parquet or a pandas categorical gives them); the scalar ``estimate_pension`` loop on
2,000 of the same rows and the ratio; the CPU time of a first call in a fresh process (cold, and
every output buffer mapped fresh); peak resident memory of that process estimating all rows in
memory, and of ``jm-socialsec batch`` streaming the same rows from Parquet in chunks of 100,000.
OpenFisca is not compared (not installed: it would need its country package and the formula
ported; the issue's figures are quoted in docs/batch.md).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

AS_OF = date(2026, 11, 21)


def roster(n: int, seed: int = 1) -> Any:
    import numpy as np
    import pyarrow as pa

    rng = np.random.default_rng(seed)
    kind = rng.integers(0, 3, n)
    first = np.array([1962, 1967, 1972])[kind]
    year, month = first + rng.integers(0, 4, n), rng.integers(1, 13, n)
    birth = np.char.add(np.char.add(year.astype(str), "-"), np.char.zfill(month.astype(str), 2))
    months = rng.integers(180, 480, n)
    deemed = np.where(rng.random(n) < 0.2, rng.integers(1, 120, n), 0)
    return pa.table({
        "birth": birth,
        "category": np.array(["male", "female_55", "female_50"])[kind],
        "contribution_months": months,
        "average_index": np.round(rng.uniform(0.3, 2.5, n), 4),
        "account_balance": np.round(rng.uniform(0, 300_000, n), 2),
        "deemed_months": deemed,
        "deemed_account": np.where(deemed > 0, np.round(rng.uniform(0, 20_000, n), 2), 0.0),
        "weighted_deemed_years": np.where(deemed > 0, np.round(deemed / 12 * rng.uniform(0.6, 1.2, n), 4), None),
    })  # fmt: skip


def clear_caches(retirements: bool = True) -> None:
    """Forget every resolved parameter and memoised retirement (a cold start, tables still loaded):
    the batch's reads, the engine's parameter values, the retirement rules' memo and the pension's
    memo of a birth-month request (``retirements=False`` keeps the last two: what "cold" measured
    before 2026-11-30 15:00, when a fresh process paid them and the benchmark did not)."""
    from jm_socialsec.batch import cohorts
    from jm_socialsec.engine import params
    from jm_socialsec.pension import eligibility
    from jm_socialsec.retirement.api import resolve

    cohorts.clear()
    params.forget_values()
    if retirements:
        resolve.cache_clear()  # type: ignore[attr-defined]
        eligibility._resolved_memo.cache_clear()  # type: ignore[attr-defined]


def batch_ns(table: Any, cold: bool, retirements: bool = True) -> tuple[float, float]:
    """(wall, CPU) ns a row, best of 3."""
    from jm_socialsec.batch import estimate_pensions

    wall = cpu = float("inf")
    for _ in range(3):
        if cold:
            clear_caches(retirements)
        t, c = time.perf_counter(), time.process_time()
        estimate_pensions(table, as_of=AS_OF)
        wall, cpu = min(wall, time.perf_counter() - t), min(cpu, time.process_time() - c)
    return wall / table.num_rows * 1e9, cpu / table.num_rows * 1e9


def dictionary_encoded(table: Any) -> Any:
    """``birth`` and ``category`` as dictionary columns (what Parquet or pandas categoricals give)."""
    for name in ("birth", "category"):
        i = table.schema.get_field_index(name)
        table = table.set_column(i, name, table.column(name).dictionary_encode())
    return table


def scalar_ns(table: Any, rows: int = 2000) -> float:
    from jm_socialsec import estimate_pension

    people = table.slice(0, rows).to_pylist()
    for p in people[:200]:
        _scalar(estimate_pension, p)  # warm
    t = time.perf_counter()
    for p in people:
        _scalar(estimate_pension, p)
    return (time.perf_counter() - t) / rows * 1e9


def _scalar(fn: Any, p: dict[str, Any]) -> Any:
    kw = {k: v for k, v in p.items() if v is not None}
    try:
        return fn(**kw, as_of=AS_OF).total
    except Exception as e:  # refused rows cost what they cost
        return e


# VmHWM: the child's own peak (ru_maxrss would carry the parent's peak across fork and exec)
_PEAK = "print(next(int(x.split()[1]) // 1024 for x in open('/proc/self/status') if x.startswith('VmHWM')))"


_RSS = "print(next(int(x.split()[1]) // 1024 for x in open('/proc/self/status') if x.startswith('VmRSS')))"


def peak_in_memory(n: int) -> tuple[int, int, float]:
    """(peak MiB, MiB before estimating, CPU ns a row) of a fresh process that builds the roster and
    estimates it whole: its one call is cold and also maps fresh memory for every buffer (the best
    of 3 above reuses what the run before freed, as a second roster or chunk of a file does)."""
    code = (
        f"import sys, time; sys.path.insert(0, {str(Path(__file__).parent)!r}); import bench_batch as b; "
        f"from jm_socialsec.batch import estimate_pensions; t = b.roster({n}); "
        f"estimate_pensions(t.slice(0, 10), as_of=b.AS_OF); b.clear_caches(); {_RSS}; "
        f"c = time.process_time(); r = estimate_pensions(t, as_of=b.AS_OF); "
        f"print(time.process_time() - c); {_PEAK}"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    return int(out[-1]), int(out[-3]), float(out[-2]) / n * 1e9


def peak_streaming(table: Any, chunk: int) -> tuple[int, float]:
    """MiB and seconds of a fresh ``jm-socialsec batch`` run over the roster as Parquet, by chunks."""
    import pyarrow.parquet as pq

    with tempfile.TemporaryDirectory() as tmp:
        src, dst = Path(tmp) / "roster.parquet", Path(tmp) / "out.parquet"
        pq.write_table(table, src, row_group_size=chunk)
        code = (
            "import argparse; from jm_socialsec.batch.cli import add_parser; "
            "p = argparse.ArgumentParser(); add_parser(p.add_subparsers()); "
            f"a = p.parse_args(['batch', {str(src)!r}, {str(dst)!r}, '--chunk-rows', '{chunk}', "
            f"'--as-of', '{AS_OF}']); a.func(a); {_PEAK}"
        )
        t = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
        return int(out.split()[-1]), time.perf_counter() - t


def _line(label: str, ns: tuple[float, float], note: str = "") -> str:
    wall, cpu = ns
    rates = f"{wall:7.0f} ns/row wall ({1e9 / wall:11,.0f} rows/s)  {cpu:7.0f} ns/row CPU ({1e9 / cpu:11,.0f} rows/s)"
    return f"{label:22s} {rates}{note}"


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    table = roster(n)
    from jm_socialsec.batch import estimate_pensions

    estimate_pensions(table.slice(0, 1000), as_of=AS_OF)  # imports, tables loaded
    cold, warm = batch_ns(table, cold=True), batch_ns(table, cold=False)
    kept = batch_ns(table, cold=True, retirements=False)
    encoded = dictionary_encoded(table)
    dict_cold = batch_ns(encoded, cold=True)
    scalar = scalar_ns(table)
    print(f"rows: {n:,}")
    print(_line("batch, cold:", cold, "  (parameter look-up and retirement months included)"))
    print(_line("cold, memo kept:", kept, "  (the retirement memos kept: 'cold' before 2026-11-30)"))
    print(_line("batch, warm:", warm, "  (reads remembered from the run before)"))
    print(_line("dictionary text, cold:", dict_cold, "  (birth, category dictionary-encoded)"))
    print(
        f"scalar loop:           {scalar:7.0f} ns/row ({1e9 / scalar:,.0f} rows/s; estimate_pension, 2,000 rows, warm)"
    )
    print(f"ratio scalar / batch (cold, wall): {scalar / cold[0]:,.0f}x")
    peak, before, first = peak_in_memory(n)
    print(f"first call in a fresh process (cold, fresh memory): {first:7.0f} ns/row CPU")
    print(f"peak RSS, {n:,} rows in memory: {peak} MiB ({before} MiB with the roster built, before estimating)")
    mib, seconds = peak_streaming(table, 100_000)
    print(f"peak RSS, jm-socialsec batch by chunks of 100,000 from Parquet: {mib} MiB ({seconds:.1f} s with start-up)")


if __name__ == "__main__":
    main()
