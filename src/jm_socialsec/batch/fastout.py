"""The fast path's output (快速路径的结果列): numpy buffers filled chunk by chunk, then Arrow.

The decimal columns are written as the 16-byte words of ``decimal128`` directly (low word the
units, high word zero: every fast line is ≥ 0, see :mod:`.cohorts`), so building the Arrow
columns copies nothing. Rows computed by the general path are spliced in by position.

The buffers come from Arrow's memory pool, not zeroed: every row is written once, by its chunk
or by the splice. A pool keeps freed memory for the next allocation, so a second roster (the
next chunk of a file, the next Dask partition) reuses it instead of the kernel mapping and
zeroing fresh pages (a page fault per 4 KiB: for the 112 bytes a row of decimal words, about a
quarter of the batch's time when every run maps new memory).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pyarrow as pa

from .cohorts import Errors

#: The decimal result columns and their places (the general path's schema).
DECIMALS = {
    "base": 2, "basic": 2, "account": 2, "transitional": 2, "adjustment": 2, "total": 2, "annuity_months": 4,
}  # fmt: skip


def _bitmap(valid: np.ndarray[Any, Any]) -> pa.Buffer | None:
    if valid.all():
        return None
    return pa.py_buffer(np.packbits(valid, bitorder="little"))


def strings(
    ids: np.ndarray[Any, Any], names: list[str], refused: Any, seen: set[int], counts: Any = None, last: bool = True
) -> pa.Array:
    """A string column from interned numbers (0: null), built from its buffers. ``refused``:
    (mask, its bitmap); ``seen``: every number that may occur (a superset); ``counts``: with one
    number seen, the refused rows before each row (n + 1 of them, 0 first), made the offsets in
    place by the ``last`` column to use them."""
    n = len(ids)
    given, bitmap = refused
    raw = [s.encode() for s in names]
    lengths = np.array([len(b) for b in raw], np.int64)
    if counts is not None:  # one refusal for every refused row: offsets are a multiple of the count
        k = next(iter(seen))
        data = np.tile(np.frombuffer(raw[k], np.uint8), int(counts[-1]))
        offsets = np.multiply(counts, int(lengths[k]), out=counts if last else None)
    else:
        offsets = np.zeros(n + 1, np.int32)
        np.cumsum(lengths.take(ids), out=offsets[1:], dtype=np.int32)
        table = np.zeros((len(raw), max(int(lengths.max()), 1)), np.uint8)
        for i, b in enumerate(raw):
            table[i, : len(b)] = np.frombuffer(b, np.uint8)
        row = ids[given]
        data = table[row][np.arange(table.shape[1]) < lengths.take(row)[:, None]]
    return pa.Array.from_buffers(pa.string(), n, [bitmap, pa.py_buffer(offsets), pa.py_buffer(data)])


def _running_count(mask: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """The set rows before each row (n + 1 counts, 0 first), as int32."""
    counts = np.empty(len(mask) + 1, np.int32)
    counts[0] = 0
    np.cumsum(mask, dtype=np.int32, out=counts[1:])
    return counts


def pooled(shape: tuple[int, ...], dtype: Any) -> tuple[np.ndarray[Any, Any], pa.Buffer]:
    """An uninitialised array in Arrow's memory pool, and its buffer (to build the column on)."""
    size = int(np.prod(shape)) * np.dtype(dtype).itemsize
    buffer = pa.allocate_buffer(size)
    return np.frombuffer(buffer, dtype).reshape(shape), buffer


class Out:
    """Per row: refusal number, eligibility, months missing, lines (decimal words), provisional."""

    def __init__(self, n: int) -> None:
        self.n = n
        self.general = np.zeros(n, np.bool_)
        self.any_general = False  # a row for the general path (else no search for them)
        # Written for every row: by its chunk, or by the splice when the chunk sends it elsewhere.
        self.code = np.empty(n, np.int16)
        self.missing, self._missing = pooled((n,), np.int32)
        self.eligible = np.empty(n, np.bool_)
        self.amounts = np.empty(n, np.bool_)
        self.provisional = np.empty(n, np.bool_)
        made = {name: pooled((n, 2), np.int64) for name in DECIMALS}
        self.words = {name: w for name, (w, _) in made.items()}
        self._buffers = {name: b for name, (_, b) in made.items()}
        self.seen: set[int] = set()  # the refusal numbers that may occur

    def splice(self, rows: np.ndarray[Any, Any], cols: dict[str, pa.Array], errors: Errors) -> None:
        """Put the general path's results for ``rows`` (its columns, in the order of ``rows``) in place."""
        pairs = zip(cols["error_code"].to_pylist(), cols["error_field"].to_pylist(), strict=True)
        ids = [errors.id(c, f) if c is not None else 0 for c, f in pairs]
        self.code[rows] = ids
        self.seen.update(i for i in ids if i)
        self.eligible[rows] = _numbers(cols["eligible"].fill_null(False))
        self.missing[rows] = _numbers(cols["missing_months"].fill_null(0))
        self.amounts[rows] = _numbers(cols["total"].is_valid())
        self.provisional[rows] = _numbers(cols["provisional"].fill_null(False))
        for name in DECIMALS:
            arr = cols[name]
            words = np.frombuffer(arr.buffers()[1], np.int64).reshape(-1, 2)
            self.words[name][rows] = words[arr.offset : arr.offset + len(arr)]

    def columns(self, errors: Errors) -> dict[str, pa.Array]:
        """The result columns in the order of the result model."""
        refused = self.code != 0
        shown = _bitmap(self.amounts)  # rows with amounts are never refused
        answered = _bitmap(~refused)
        out: dict[str, pa.Array] = {
            "eligible": _bools(self.eligible, answered),
            "missing_months": pa.Array.from_buffers(pa.int32(), self.n, [answered, self._missing]),
        }
        for name, places in DECIMALS.items():
            out[name] = pa.Array.from_buffers(pa.decimal128(18, places), self.n, [shown, self._buffers[name]])
        out["provisional"] = _bools(self.provisional, shown)
        if refused.any():
            mask = (refused, _bitmap(refused))
            counts = _running_count(refused) if len(self.seen) == 1 else None
            out["error_code"] = strings(self.code, [c for c, _ in errors.pairs], mask, self.seen, counts, last=False)
            out["error_field"] = strings(self.code, [f for _, f in errors.pairs], mask, self.seen, counts)
        else:
            out["error_code"] = out["error_field"] = pa.nulls(self.n, pa.string())
        order = ("eligible", "missing_months", "base", "basic", "account", "transitional", "adjustment", "total",
                 "annuity_months", "provisional", "error_code", "error_field")  # fmt: skip
        return {k: out[k] for k in order}


def _bools(values: np.ndarray[Any, Any], validity: pa.Buffer | None) -> pa.Array:
    bits = pa.py_buffer(np.packbits(values, bitorder="little"))
    return pa.Array.from_buffers(pa.bool_(), len(values), [validity, bits])


def _numbers(arr: Any) -> np.ndarray[Any, Any]:
    return np.asarray(arr.to_numpy(zero_copy_only=False))
