"""``jm-socialsec batch IN OUT``: a roster file estimated row by row, in chunks, with a summary.

    jm-socialsec batch roster.parquet out.parquet [--retiring-within 6m] [--dask ADDRESS]

IN is Parquet (a file or a dataset directory) or CSV; OUT is Parquet, or CSV by its suffix.
A file is read and written in chunks of ``--chunk-rows`` rows (memory stays flat for inputs
larger than memory), with a progress bar on a terminal (tqdm) and a summary at the end: rows,
rows with amounts, refusals by code and field, time. ``--retiring-within 6m`` keeps the rows
whose statutory retirement month falls from the month of ``--as-of`` to 5 months after it
(six months; ``1y`` is twelve). ``--dask ADDRESS`` runs it on a Dask cluster instead.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from ..engine.api import field_value
from ..engine.errors import InputError
from ..engine.months import YearMonth
from ..engine.params import Params
from ..engine.types import to_day

_SPAN = re.compile(r"^\s*(\d+)\s*([my]?)\s*$")
_YEAR = 12  # months in a year (structural)


def span_months(text: str) -> int:
    """``6m`` / ``6`` → 6, ``1y`` → 12."""
    m = _SPAN.match(text)
    if not m or int(m.group(1)) == 0:
        raise InputError(
            "--retiring-within", f"应为月数如 6m 或年数如 1y，而不是“{text}”", f"must be like 6m or 1y, not {text!r}"
        )
    return int(m.group(1)) * (_YEAR if m.group(2) == "y" else 1)


def window_of(as_of: date, within: str | None) -> tuple[str, str] | None:
    if within is None:
        return None
    first = YearMonth.of(as_of)
    return str(first), str(first + (span_months(within) - 1))


def _chunks(path: Path, rows: int) -> tuple[Iterator[Any], int | None]:
    """Record batches of the input, and its row count when the file says it."""
    if not path.exists():
        raise InputError("IN", f"文件不存在：{path}", f"no such file: {path}")
    if path.suffix.lower() == ".csv":
        from pyarrow import csv

        reader = csv.open_csv(path, read_options=csv.ReadOptions(block_size=1 << 24))
        return iter(reader), None
    import pyarrow.parquet as pq

    files = sorted(path.rglob("*.parquet")) if path.is_dir() else [path]
    total = sum(pq.ParquetFile(f).metadata.num_rows for f in files)
    return (b for f in files for b in pq.ParquetFile(f).iter_batches(batch_size=rows)), total


class _Writer:
    """Parquet or CSV by the suffix, opened on the first chunk (its schema)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.writer: Any = None

    def write(self, table: Any) -> None:
        if self.writer is None:
            if self.path.suffix.lower() == ".csv":
                from pyarrow import csv

                self.writer = csv.CSVWriter(self.path, table.schema)
            else:
                import pyarrow.parquet as pq

                self.writer = pq.ParquetWriter(self.path, table.schema)
        self.writer.write_table(table)

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()


def run_local(args: argparse.Namespace, as_of: date, overrides: dict[str, str]) -> Counter[tuple[str, str]]:
    """Chunk by chunk: select (optionally), estimate, write; returns the outcome counts."""
    import pyarrow as pa
    from tqdm import tqdm

    from .api import estimate_pensions
    from .window import retiring_between

    window = window_of(as_of, args.retiring_within)
    batches, total = _chunks(Path(args.input), args.chunk_rows)
    writer, counts = _Writer(Path(args.output)), Counter[tuple[str, str]]()
    with tqdm(total=total, unit="rows", disable=None, file=sys.stderr) as bar:
        for batch in batches:
            table = pa.Table.from_batches([batch])
            bar.update(table.num_rows)
            if window is not None:
                table = retiring_between(table, *window, as_of=as_of, overrides=overrides)
            out = estimate_pensions(table, as_of=as_of, overrides=overrides)
            counts.update(_outcomes(out))
            writer.write(out)
    writer.close()
    return counts


def _outcomes(table: Any) -> Counter[tuple[str, str]]:
    codes = table.column("error_code").to_pylist()
    fields = table.column("error_field").to_pylist()
    eligible = table.column("eligible").to_pylist()
    return Counter(
        (c, f) if c else (("estimated", "") if e else ("below_minimum_years", ""))
        for c, f, e in zip(codes, fields, eligible, strict=True)
    )


def run_dask(args: argparse.Namespace, as_of: date, overrides: dict[str, str]) -> Counter[tuple[str, str]]:
    import pyarrow.parquet as pq

    from .dask import estimate_pensions_dask

    window = window_of(as_of, args.retiring_within)
    out = estimate_pensions_dask(
        args.input, args.output, as_of=as_of, overrides=overrides, address=args.dask, window=window
    )
    return _outcomes(pq.read_table(out, columns=["error_code", "error_field", "eligible"]))


def _overrides(pairs: list[str] | None) -> dict[str, str]:
    out: dict[str, str] = {}
    for pair in pairs or []:
        key, sep, value = pair.partition("=")
        if not sep:
            raise InputError("--override", f"应为 参数id=值，而不是“{pair}”", f"must be param_id=value, not {pair!r}")
        out[key.strip()] = value.strip()
    return out


def cmd_batch(args: argparse.Namespace) -> int:
    overrides = _overrides(args.override)
    as_of = Params(None if args.as_of is None else field_value(args.as_of, "--as-of", to_day), overrides).as_of
    started = time.perf_counter()
    counts = (run_dask if args.dask else run_local)(args, as_of, overrides)
    print(summary(counts, time.perf_counter() - started))
    return 0


def summary(counts: Counter[tuple[str, str]], seconds: float) -> str:
    rows = sum(counts.values())
    lines = [
        f"行数 / rows: {rows}",
        f"用时 / time: {seconds:.1f} s" + (f" ({seconds / rows * 1e6:.1f} µs/row)" if rows else ""),
    ]
    for (code, field), n in sorted(counts.items(), key=lambda kv: -kv[1]):
        lines.append(f"  {code}{' ' + field if field else ''}: {n}")
    return "\n".join(lines)


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Register ``batch`` on the main parser's subcommands."""
    p: argparse.ArgumentParser = subparsers.add_parser("batch", help="a roster file, row by row / 批量测算（数据找人）")
    p.add_argument("input", metavar="IN", help="Parquet file or dataset, or CSV / 输入文件")
    p.add_argument("output", metavar="OUT", help="Parquet (or .csv) / 输出文件")
    p.add_argument(
        "--retiring-within",
        metavar="SPAN",
        help="只算在此期间内达到法定退休年月的人，如 6m、1y / only who reaches the statutory month within",
    )
    p.add_argument("--dask", metavar="ADDRESS", help="Dask 调度器地址，如 tcp://host:8786 / Dask scheduler address")
    p.add_argument("--chunk-rows", type=int, default=1_000_000, help="每块行数（默认 1000000） / rows per chunk")
    p.add_argument("--as-of", help="date of knowledge, YYYY-MM-DD (default: today) / 知悉日期")
    p.add_argument(
        "--override",
        action="append",
        metavar="PARAM=VALUE",
        help="假设：替换数据表中的值 / what-if: replace a table value",
    )
    p.set_defaults(func=cmd_batch)
    return p
