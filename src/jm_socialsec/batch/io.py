"""Tables in and out (输入输出): Arrow, pandas, polars, Parquet or CSV paths — the same kind back.

Inside, a batch is an Arrow table; a pandas or polars frame is converted (its index and other
columns kept) and the result columns are appended in the caller's kind: Arrow decimals for
money (exact), pandas ``ArrowDtype`` columns, polars ``Decimal``. Column types that Arrow cannot
hold (a pandas column mixing numbers and words) are refused naming the column.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa

from ..engine.errors import InputError

Kind = str  # "arrow" | "pandas" | "polars" | "path"


def _kind(data: Any) -> Kind:
    if isinstance(data, pa.Table):
        return "arrow"
    if isinstance(data, str | Path):
        return "path"
    module = type(data).__module__.split(".")[0]
    if module in {"pandas", "polars"} and type(data).__name__ == "DataFrame":
        return module
    raise InputError(
        "table",
        "应为 Arrow 表、pandas 或 polars DataFrame，或 Parquet / CSV 文件路径",
        "must be an Arrow table, a pandas or polars DataFrame, or a Parquet / CSV path",
    )


def read_path(path: str | Path) -> pa.Table:
    """A Parquet file or dataset directory, or a CSV file (types inferred, text kept as text)."""
    p = Path(path)
    if not p.exists():
        raise InputError("table", f"文件不存在：{p}", f"no such file: {p}")
    try:
        if p.suffix.lower() == ".csv":
            from pyarrow import csv

            return csv.read_csv(p)
        import pyarrow.parquet as pq

        return pq.read_table(p)
    except (pa.ArrowException, OSError) as e:
        raise InputError("table", f"无法读取 {p}：{e}", f"cannot read {p}: {e}") from None


def to_arrow(data: Any) -> tuple[pa.Table, Kind]:
    """The data as an Arrow table, and its kind."""
    kind = _kind(data)
    if kind == "arrow":
        return data, kind
    if kind == "path":
        return read_path(data), kind
    if kind == "polars":
        return data.to_arrow(), kind
    columns = {}
    for name in data.columns:
        try:
            columns[str(name)] = pa.array(data[name], from_pandas=True)
        except (pa.ArrowException, TypeError, ValueError):
            raise InputError(
                str(name), "该列的值类型不一致，无法读取", "the column mixes value types and cannot be read"
            ) from None
    return pa.table(columns) if columns else pa.table({"_": pa.nulls(len(data))}).drop(["_"]), kind


def with_results(table: pa.Table, results: dict[str, pa.Array]) -> pa.Table:
    """The input table with the result columns appended (replacing same-named ones)."""
    for name, arr in results.items():
        if name in table.column_names:
            table = table.drop([name])
        table = table.append_column(name, arr)
    return table


def back(original: Any, kind: Kind, table: pa.Table, results: dict[str, pa.Array], out: str | Path | None) -> Any:
    """The results in the caller's kind (or written to ``out``)."""
    if out is not None:
        write_path(with_results(table, results), out)
        return Path(out)
    if kind == "pandas":
        import pandas as pd

        frame = original.copy()
        for name, arr in results.items():
            frame[name] = pd.Series(pd.arrays.ArrowExtensionArray(arr), index=frame.index)
        return frame
    if kind == "polars":
        import polars as pl

        return pl.from_arrow(with_results(table, results))
    return with_results(table, results)


def write_path(table: pa.Table, out: str | Path) -> None:
    p = Path(out)
    if p.suffix.lower() == ".csv":
        from pyarrow import csv

        csv.write_csv(table, p)
        return
    import pyarrow.parquet as pq

    pq.write_table(table, p)


def decimal_array(units: np.ndarray[Any, Any], scale: int, valid: np.ndarray[Any, Any]) -> pa.Array:
    """Arrow decimal128(18, scale) from integer units of 10^-scale, null where not ``valid``."""
    words = np.zeros((len(units), 2), np.int64)
    words[:, 0] = units  # rows not valid hold 0 already (they are masked by the bitmap anyway)
    if (units < 0).any():
        words[:, 1] = units >> 63
    bitmap = pa.array(np.asarray(valid, np.bool_)).buffers()[1]
    return pa.Array.from_buffers(pa.decimal128(18, scale), len(units), [bitmap, pa.py_buffer(words)])
