"""Distinct keys of many rows (分组): look a figure up once per group, broadcast it to the rows."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

Ints = npt.NDArray[np.int64]
Mask = npt.NDArray[np.bool_]

_DENSE_MAX = 1 << 22  # a key range this small is grouped by direct indexing (no sort)


def groups(key: Ints, rows: Mask) -> tuple[Ints, Ints]:
    """(group of each row, -1 outside ``rows``; the distinct keys in ascending order)."""
    inside = key[rows]
    if inside.size == 0:
        return np.full(len(key), -1, np.int64), np.zeros(0, np.int64)
    low, high = int(inside.min()), int(inside.max())
    if high - low < _DENSE_MAX:
        present = np.zeros(high - low + 1, np.bool_)
        present[inside - low] = True
        distinct = np.flatnonzero(present)
        slot = np.cumsum(present) - 1
        out = np.full(len(key), -1, np.int64)
        out[rows] = slot[inside - low]
        return out, distinct.astype(np.int64) + low
    distinct, inverse = np.unique(inside, return_inverse=True)
    out = np.full(len(key), -1, np.int64)
    out[rows] = inverse
    return out, distinct.astype(np.int64)
