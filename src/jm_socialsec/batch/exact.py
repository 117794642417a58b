"""Exact lines over many rows (逐行精确计算): integer numerators, one division, half-up to 分.

A 核定表 line for a row is a sum of terms ``c[g] × p`` where ``c[g]`` is an exact fraction of
the row's group (the figures of its retirement month or age, read once per group) and ``p`` an
integer of the row (months, an index or a balance in fixed point). Over the common denominator
``D[g]`` of the group's terms the line is ``Σ n_i[g] × p_i / D[g]``: integer products and one
floor division, the same half-up rounding as the scalar path's exact quotient. int64 is used
when the largest possible numerator fits (the usual case); otherwise Python integers in object
arrays — slower, never inexact.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from math import lcm
from typing import Any

import numpy as np
import numpy.typing as npt

Ints = npt.NDArray[np.int64]
Arr = npt.NDArray[Any]
#: (constant per group, integer per row)
Term = tuple[Sequence[Fraction], Arr]

_INT64_SAFE = 2**62


def line(groups: Ints, terms: Sequence[Term]) -> tuple[Arr, Arr]:
    """``Σ c[groups] × p`` per row as (numerator, denominator), exactly."""
    n, count = len(groups), len(terms[0][0])
    if count == 0:
        return np.zeros(n, np.int64), np.ones(n, np.int64)
    dens = [lcm(*(consts[g].denominator for consts, _ in terms)) for g in range(count)]
    nums = [[int(consts[g] * dens[g]) for g in range(count)] for consts, _ in terms]
    bound = sum(max(map(abs, ns)) * _max_abs(p) for ns, (_, p) in zip(nums, terms, strict=True))
    wide = 2 * bound + max(dens) >= _INT64_SAFE
    kind: Any = object if wide else np.int64
    total: Arr = np.zeros(n, kind)
    for ns, (_, p) in zip(nums, terms, strict=True):
        total = total + np.asarray(ns, kind)[groups] * (p.astype(object) if wide else p)
    return total, np.asarray(dens, kind)[groups]


def _max_abs(p: Arr) -> int:
    return int(np.abs(p).max()) if len(p) else 0


def half_up(num: Arr, den: Arr) -> Ints:
    """``num / den`` (≥ 0) rounded half-up to a whole number (a half rounds up), exactly."""
    return np.asarray((2 * num + den) // (2 * den)).astype(np.int64)


def fen_line(groups: Ints, terms: Sequence[Term]) -> Ints:
    """A line in whole 分, rounded once half-up (the constants already in 分)."""
    return half_up(*line(groups, terms))
