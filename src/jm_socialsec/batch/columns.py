"""Reading a roster's columns exactly (列读取): integers, fixed-point decimals, coded values.

Each reader returns numpy arrays and masks: ``given`` (not null), ``bad`` (a value the scalar
path refuses) and, for decimals, ``spill`` (a value this fixed-point path cannot carry exactly:
more decimals than its cap, or too large — those rows are computed by the scalar path instead).

- A decimal column is read as integer numerators over one power of ten: integer columns as they
  are; Arrow decimals by their unscaled integers; a float by its shortest decimal text (as
  ``Decimal(repr(x))`` reads it in the scalar path — found with integer checks, not by formatting);
  text one value at a time with the scalar parser.
- A whole-number column (months) takes integers, whole floats (a pandas column with gaps is
  float) and digits as text; anything else is refused naming the column.
- A coded column (month, category, region, choice…) is read once per distinct value with the
  scalar converter and broadcast.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

from ..engine.errors import BadValue, InputError
from ..engine.money import parse_decimal

Mask = npt.NDArray[np.bool_]
Ints = npt.NDArray[np.int64]

#: A float is exact below 2**53; numerators stay below 2**62 so sums of two never overflow.
_FLOAT_EXACT = 2.0**53
_NUM_MAX = 2**62


@dataclass(frozen=True)
class Whole:
    """A whole-number column: values (0 where not given or bad), given, bad."""

    values: Ints
    given: Mask
    bad: Mask


@dataclass(frozen=True)
class Fixed:
    """A decimal column as ``num / 10**scale``, exactly, for the rows not spilled."""

    num: Ints
    scale: int
    given: Mask
    bad: Mask
    spill: Mask


@dataclass(frozen=True)
class Coded:
    """A column read per distinct value: ``index`` into ``values`` (-1 where null)."""

    index: Ints
    values: list[Any]
    errors: list[InputError | None]
    raw: list[Any]

    @property
    def given(self) -> Mask:
        return self.index >= 0

    def bad(self) -> Mask:
        failed = np.array([e is not None for e in self.errors] + [False], np.bool_)
        return failed[self.index]


def column(table: pa.Table, name: str) -> pa.Array | None:
    """The column as one array (chunks combined), or None when the table has none."""
    if name not in table.column_names:
        return None
    return table.column(name).combine_chunks()


def _numbers(arr: pa.Array, fill: object) -> npt.NDArray[Any]:
    """The values as numpy (zero-copy without nulls, nulls as ``fill``)."""
    return np.asarray((arr if arr.null_count == 0 else pc.fill_null(arr, fill)).to_numpy())


def _given(arr: pa.Array) -> Mask:
    if arr.null_count == 0:
        return np.ones(len(arr), np.bool_)
    return np.asarray(arr.is_valid().to_numpy(zero_copy_only=False), np.bool_)


def _none(n: int) -> tuple[Ints, Mask]:
    return np.zeros(n, np.int64), np.zeros(n, np.bool_)


def whole(table: pa.Table, name: str) -> Whole:
    """Whole months: not negative, not a bool, not a fraction (as the scalar ``_whole``)."""
    arr, n = column(table, name), table.num_rows
    if arr is None:
        return Whole(*_none(n), np.zeros(n, np.bool_))
    given = _given(arr)
    if pa.types.is_integer(arr.type):
        values = _numbers(arr, 0).astype(np.int64, copy=False)
        return Whole(values, given, given & (values < 0))
    if pa.types.is_floating(arr.type):
        f = _numbers(arr, 0.0).astype(np.float64, copy=False)
        ok = np.isfinite(f) & (f >= 0) & (np.floor(f) == f) & (f < _FLOAT_EXACT)
        return Whole(np.where(ok, f, 0).astype(np.int64), given, given & ~ok)
    return _whole_text(arr.to_pylist(), given)


def _whole_text(items: list[Any], given: Mask) -> Whole:
    values, bad = np.zeros(len(items), np.int64), np.zeros(len(items), np.bool_)
    for i, v in enumerate(items):
        if v is None:
            continue
        text = str(v).strip()
        if isinstance(v, str) and text.isdigit() and len(text) < 18:
            values[i] = int(text)
        else:
            bad[i] = True
    return Whole(values, given, bad)


def fixed(table: pa.Table, name: str, cap: int) -> Fixed:
    """A decimal column as integer numerators over ``10**scale`` (scale at most ``cap``)."""
    arr, n = column(table, name), table.num_rows
    if arr is None:
        num, given = _none(n)
        return Fixed(num, 0, given, given.copy(), given.copy())
    given = _given(arr)
    if pa.types.is_integer(arr.type):
        num = _numbers(arr, 0).astype(np.int64, copy=False)
        return Fixed(num, 0, given, np.zeros(n, np.bool_), given & (np.abs(num) >= _NUM_MAX))
    if pa.types.is_floating(arr.type):
        return _from_float(_numbers(arr, 0.0).astype(np.float64, copy=False), given, cap)
    if pa.types.is_decimal128(arr.type):
        return _from_decimal128(arr, given, cap)
    return _from_text(arr.to_pylist(), given, cap)


def _from_float(f: npt.NDArray[np.float64], given: Mask, cap: int) -> Fixed:
    """The decimal a float stands for, in one pass: ``n = round(f·10^cap)`` with ``n/10^cap == f``.

    With ``spacing(f) < 10^-cap`` only one decimal of at most ``cap`` places rounds to ``f``; the
    shortest round-trip text (``repr``, what the scalar path reads) has at most ``cap`` places
    when any such decimal does, so it is that one: the same Decimal as the scalar path.
    """
    finite = np.isfinite(f)
    with np.errstate(invalid="ignore", over="ignore"):
        scaled = np.rint(f * 10.0**cap)
        ok = finite & (np.abs(scaled) < _FLOAT_EXACT) & (scaled / 10.0**cap == f) & (np.spacing(np.abs(f)) < 10.0**-cap)
    units = np.where(ok, scaled, 0).astype(np.int64)
    return _reduced(units, cap, given, given & ~finite, given & finite & ~ok)


def _reduced(units: Ints, scale: int, given: Mask, bad: Mask, spill: Mask) -> Fixed:
    """Drop the decimal places every value leaves at zero (one gcd over the column)."""
    common = int(np.gcd.reduce(units)) if len(units) else 0
    drop = 0
    while drop < scale and common and common % 10 ** (drop + 1) == 0:
        drop += 1
    return Fixed(units // 10**drop if drop else units, scale - drop, given, bad, spill)


def _common_scale(units: Ints, places: Ints, given: Mask, bad: Mask, spill: Mask) -> Fixed:
    """Bring every row to the column's largest number of places (spilling what would overflow)."""
    usable = given & ~bad & ~spill
    scale = int(places[usable].max()) if usable.any() else 0
    factor = 10 ** (scale - np.where(usable, places, scale))
    too_big = usable & (np.abs(units) >= _NUM_MAX // factor)
    num = np.where(usable & ~too_big, units * np.where(too_big, 1, factor), 0)
    return Fixed(num.astype(np.int64), scale, given, bad, spill | too_big)


def _from_decimal128(arr: pa.Array, given: Mask, cap: int) -> Fixed:
    t = arr.type
    words = np.frombuffer(arr.buffers()[1], np.int64)[2 * arr.offset : 2 * (arr.offset + len(arr))].reshape(-1, 2)
    low, high = words[:, 0].copy(), words[:, 1]
    fits = (high == (low >> 63)) & (np.abs(low) < _NUM_MAX) & given
    low[~fits] = 0
    r = _reduced(low, max(t.scale, 0), given, np.zeros(len(arr), np.bool_), given & ~fits)
    spill = r.spill | (given & ((r.scale > cap) | (t.scale < 0)))
    return Fixed(np.where(spill, 0, r.num), r.scale, given, r.bad, spill)


def _from_text(items: list[Any], given: Mask, cap: int) -> Fixed:
    """Text (or any other type) value by value, with the scalar parser."""
    n = len(items)
    units, places = np.zeros(n, np.int64), np.zeros(n, np.int64)
    bad, spill = np.zeros(n, np.bool_), np.zeros(n, np.bool_)
    for i, v in enumerate(items):
        if v is None:
            continue
        try:
            d = parse_decimal(v)
        except BadValue:
            bad[i] = True
            continue
        exp = d.as_tuple().exponent
        p = max(0, -int(exp))
        scaled = int(d.scaleb(p)) if p <= cap else 0
        if p > cap or abs(scaled) >= _NUM_MAX:
            spill[i] = True
            continue
        units[i], places[i] = scaled, p
    return _common_scale(units, places, given, bad, spill)


def coded(table: pa.Table, name: str, parse: Callable[[Any], Any]) -> Coded:
    """A column read once per distinct value with ``parse`` (a scalar converter raising InputError)."""
    arr, n = column(table, name), table.num_rows
    if arr is None:
        return Coded(np.full(n, -1, np.int64), [], [], [])
    encoded = pc.dictionary_encode(arr)
    index = np.asarray(pc.fill_null(encoded.indices, -1).to_numpy(), np.int64)
    values: list[Any] = []
    errors: list[InputError | None] = []
    raws = encoded.dictionary.to_pylist()
    for raw in raws:
        try:
            values.append(parse(raw))
            errors.append(None)
        except InputError as e:
            values.append(None)
            errors.append(e)
    return Coded(index, values, errors, raws)


def decimal_of(num: int, scale: int) -> Decimal:
    """One fixed-point value as a Decimal (for per-group look-ups)."""
    return Decimal(num).scaleb(-scale)
