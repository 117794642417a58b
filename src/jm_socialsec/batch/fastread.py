"""Fast column readers (快速列读取) for one record batch: numpy values and an ``ok`` mask.

A reader never refuses: a row it cannot read *exactly as the scalar path would* is simply not
``ok`` and goes to the general path (:mod:`.columns`, :mod:`.pension`), which finds its error or
its amounts. So each reader only has to be right on the rows it calls ``ok``:

- months: integers ≥ 0 (whole floats too), as :func:`.columns.whole`;
- decimals at a fixed scale (10⁻⁹ for indices, 10⁻⁶ for money) and within the caller's bounds:
  integers, Arrow decimals, and floats by the decimal their shortest text stands for (the proof is
  at :func:`.columns._from_float`: ``rint(f·10ˢ)/10ˢ == f`` with ``spacing(f) < 10⁻ˢ``);
- ``YYYY-MM`` text of 7 bytes decoded in a few integer passes and checked against the canonical
  bytes of the decoded month (anything else: per distinct value with ``YearMonth.of``);
- coded text (category, region) per distinct value with the scalar parser, or — for the exact
  codes of a small enum — by the two words of its string view (the length with the first 4
  bytes, then the next 8), both compared exactly with each code's.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

from ..engine.errors import SocialSecError
from ..engine.limits import EARLIEST_YEAR, LATEST_YEAR

Mask = npt.NDArray[np.bool_]
Ints = npt.NDArray[np.int64]
U64 = npt.NDArray[np.uint64]

_YEAR = 12  # months in a year (structural)
_FLOAT_EXACT = 2.0**53
#: The 2⁴ low bits of the digit bytes of "YYYY-MM" (bytes 0-3, 5, 6; byte 4 is the dash).
_NIBBLES = np.uint64(0x000F0F000F0F0F0F)
_PAIRS = np.uint64(0x0000FF0000FF00FF)  # bytes 0, 2, 5 after pairing digits
#: u·C >> 40 = YY·1200 + yy·12 + MM (mod 2¹⁶) for u = YY + yy·2¹⁶ + MM·2⁴⁰ (YY, yy, MM < 2⁸):
#: the low products stay below 2³⁶ (no carry into bit 40) and yy·1200·2⁵⁶ lands above bit 55.
_COMBINE = np.uint64((1200 << 40) | (12 << 24) | 1)
_NOT_A_MONTH = np.uint64(2**64 - 1)  # never equals 7 masked bytes
_MAGIC = 1.5 * 2.0**52  # x + _MAGIC: x rounded to a whole number in the low bits (|x| < 2⁵¹)
_MAGIC_BITS = np.float64(_MAGIC).view(np.int64)
_ROUNDS_EXACTLY = 2**51 - 1


def _month_table() -> U64:
    """The canonical 7 bytes of every month of the sanity limits, by year·12 + month."""
    table = np.full(1 << 16, _NOT_A_MONTH, np.uint64)
    for year in range(EARLIEST_YEAR, LATEST_YEAR + 1):
        for month in range(1, _YEAR + 1):
            table[year * _YEAR + month] = int.from_bytes(f"{year:04d}-{month:02d}".encode() + b"\0", "little")
    return table


_MONTHS = _month_table()


def valid(arr: pa.Array) -> Mask:
    """Not null."""
    if arr.null_count == 0:
        return np.ones(len(arr), np.bool_)
    return np.asarray(arr.is_valid().to_numpy(zero_copy_only=False), np.bool_)


def views(col: pa.ChunkedArray | pa.Array) -> U64 | None:
    """Each row as its Arrow ``string_view`` (two words: length and first 4 bytes; the next 8 —
    a string of ≤ 12 bytes is inline, zero-padded), or None when the column is not text."""
    if not (pa.types.is_string(col.type) or pa.types.is_large_string(col.type)):
        return None
    try:
        cast = col.cast(pa.string_view())
    except (AttributeError, pa.ArrowNotImplementedError):  # pyarrow before 16: read per distinct value
        return None
    parts = cast.chunks if isinstance(cast, pa.ChunkedArray) else [cast]
    words = [np.frombuffer(a.buffers()[1], np.uint64)[2 * a.offset : 2 * (a.offset + len(a))] for a in parts]
    flat = words[0] if len(words) == 1 else np.concatenate(words)
    out = flat.reshape(-1, 2)
    if col.null_count:
        out = out.copy()
        out[~valid_all(col)] = 0  # a null is the empty string: never a code
    return out


def valid_all(col: pa.ChunkedArray | pa.Array) -> Mask:
    parts = col.chunks if isinstance(col, pa.ChunkedArray) else [col]
    return np.concatenate([valid(a) for a in parts]) if parts else np.zeros(0, np.bool_)


def seven_bytes(arr: pa.Array) -> U64 | None:
    """Each row's 7 bytes as one integer when every row is exactly 7 bytes of text (else None)."""
    n = len(arr)
    if n == 0 or arr.null_count or not pa.types.is_string(arr.type):
        return None
    o = np.frombuffer(arr.buffers()[1], np.int32)[arr.offset : arr.offset + n + 1]
    if int(o[n]) - int(o[0]) != 7 * n or bool((np.diff(o) != 7).any()):
        return None
    buf = arr.buffers()[2]
    out = np.empty(n, np.uint64)
    if n > 1:  # rows 0 … n-2 read 8 bytes (the 8th is the next row's: masked off)
        out[:-1] = np.ndarray((n - 1,), "<u8", buffer=buf, offset=int(o[0]), strides=(7,))
    out[-1] = int.from_bytes(bytes(np.frombuffer(buf, np.uint8, 7, int(o[n - 1]))) + b"\0", "little")
    out &= np.uint64((1 << 56) - 1)
    return out


def month_index(v: U64) -> tuple[Ints, Mask]:
    """YearMonth indices of 7-byte rows ("YYYY-MM" and a zero byte); ok where canonical and within
    the years' limits (the canonical bytes of the decoded month compared whole)."""
    d = v & _NIBBLES
    t = d * np.uint64(10)
    d >>= np.uint64(8)
    t += d  # bytes 0, 2, 5: 10·d0 + d1, 10·d2 + d3, 10·d5 + d6 (all < 2⁸)
    t &= _PAIRS
    t *= _COMBINE
    t >>= np.uint64(40)
    t &= np.uint64(0xFFFF)  # year·12 + month for a canonical row
    out = t.view(np.int64)  # (an index array of the platform's integer: take converts nothing)
    ok: Mask = _MONTHS.take(out) == v
    out -= 1
    return out, ok


#: ``u·C >> 47 = 3·(YY·1200 + yy·12 + MM)`` (mod 2¹⁷) for the paired digits u of
#: :func:`month_index`: the products below bit 47 stay below 2⁴⁴, and those above the field
#: (yy·3600·2⁶³, MM·36·2⁷¹) leave the 64 bits.
_COMBINE_KEY = np.uint64((3 * ((1200 << 40) | (12 << 24) | 1) << 7) % 2**64)
#: Keys of :func:`month_keys`: 3·(index + 1) < 2¹⁷ (with a category number added: + 3).
MONTH_KEYS = (1 << 17) + 3


@functools.lru_cache(maxsize=8)
def month_key_table(first: int, last: int) -> U64:
    """The canonical 7 bytes of every month index in ``first`` … ``last``, at 3·(index + 1)."""
    table = np.full(MONTH_KEYS, _NOT_A_MONTH, np.uint64)
    t = np.arange(first + 1, last + 2)
    table[3 * t] = _MONTHS[t]
    table.flags.writeable = False
    return table


def month_keys(v: U64, table: U64) -> tuple[Ints, Mask]:
    """3·(index + 1) of 7-byte rows (as :func:`month_index`, in place of ``v``'s digits), ok where
    canonical and within ``table``'s months (:func:`month_key_table`): the month's bytes at the
    decoded key compared whole, so any other text — a wrapped key included — is not ok."""
    d = v & _NIBBLES
    t = d * np.uint64(10)
    d >>= np.uint64(8)
    t += d
    t &= _PAIRS
    t *= _COMBINE_KEY
    t >>= np.uint64(47)
    key = t.view(np.int64)
    ok: Mask = table.take(key) == v
    return key, ok


def month_index_views(w: U64) -> tuple[Ints, Mask]:
    """:func:`month_index` of string views (rows of any length; only 7-byte rows can be ok)."""
    v = w[:, 1] << np.uint64(32)
    v |= w[:, 0] >> np.uint64(32)  # the 8 first bytes of the text
    index, ok = month_index(v)
    ok &= w[:, 0] & np.uint64(0xFFFFFFFF) == 7
    return index, ok


def by_value(arr: pa.Array, parse: Callable[[Any], Any], seen: dict[Any, Any] | None = None) -> tuple[Any, Mask]:
    """``parse`` once per distinct value, broadcast: (values, ok); a value it refuses is not ok.

    ``seen``: parsed dictionaries of this run, by the dictionary's buffers (the chunks of one
    dictionary column share them, so it is parsed once; the table outlives the run)."""
    encoded = arr if pa.types.is_dictionary(arr.type) else pc.dictionary_encode(arr)
    d = encoded.dictionary
    key = (parse, d.offset, len(d), *(b.address if b is not None else 0 for b in d.buffers()))
    table = None if seen is None or not pa.types.is_dictionary(arr.type) else seen.get(key)
    if table is None:
        table = _parsed(d.to_pylist(), parse)
        if seen is not None and pa.types.is_dictionary(arr.type):
            seen[key] = table
    index = np.asarray(pc.fill_null(encoded.indices, -1).to_numpy(zero_copy_only=False), np.int64)
    return table[0].take(index), table[1].take(index)


def _parsed(raws: list[Any], parse: Callable[[Any], Any]) -> tuple[Ints, Mask]:
    """(value, ok) per distinct value, and a last entry for null (0, not ok)."""
    parsed: list[Any] = []
    good: list[bool] = []
    for raw in raws:
        try:
            parsed.append(parse(raw))
            good.append(True)
        except (SocialSecError, ValueError, TypeError, ArithmeticError):
            parsed.append(0)
            good.append(False)
    return np.array([*parsed, 0], np.int64), np.array([*good, False], np.bool_)


class Codes:
    """The exact codes of a small enum (≤ 12 bytes each) matched on string views: rows matching
    none are not ok. Each row's two words are compared with each code's (the first word, length
    and 4 bytes, once per distinct first word), on contiguous copies of the words: a strided
    comparison costs four times a contiguous one."""

    def __init__(self, codes: Sequence[str]) -> None:
        raw = [c.encode() for c in codes]
        assert max(len(b) for b in raw) <= 12 and len(raw) < 256
        padded = [b.ljust(12, b"\0") for b in raw]
        first = [len(b) | int.from_bytes(p[:4], "little") << 32 for b, p in zip(raw, padded, strict=True)]
        rest = [int.from_bytes(p[4:], "little") for p in padded]
        #: (first word, [(code number, second word)]) per distinct first word.
        self.groups = [
            (np.uint64(f), [(i, np.uint64(rest[i])) for i in range(len(raw)) if first[i] == f])
            for f in dict.fromkeys(first)
        ]

    def read(self, w: U64) -> tuple[npt.NDArray[np.uint8], Mask]:
        """(code number, ok) per row."""
        first, rest = np.ascontiguousarray(w[:, 0]), np.ascontiguousarray(w[:, 1])
        code = np.zeros(len(w), np.uint8)
        ok: Mask | None = None
        for word, members in self.groups:
            starts = first == word
            for i, second in members:
                match = rest == second
                match &= starts
                if ok is None:
                    ok = match
                else:
                    ok |= match
                if i:
                    code += match.view(np.uint8) * np.uint8(i)
        assert ok is not None
        return code, ok


def whole(arr: pa.Array | None, n: int) -> tuple[Ints, Mask]:
    """Whole months (null: 0 and not ok)."""
    if arr is None:
        return np.zeros(n, np.int64), np.zeros(n, np.bool_)
    if pa.types.is_integer(arr.type):
        v = np.asarray((arr if arr.null_count == 0 else pc.fill_null(arr, 0)).to_numpy(), np.int64)
        ok: Mask = v >= 0
        if arr.null_count:
            ok &= valid(arr)
        return v, ok
    given = valid(arr)
    if pa.types.is_floating(arr.type):
        f = np.asarray(arr.to_numpy(zero_copy_only=False), np.float64)
        with np.errstate(invalid="ignore"):
            ok = given & (f >= 0) & (f < _FLOAT_EXACT) & (np.floor(f) == f)
            return np.where(ok, f, 0).astype(np.int64), ok
    return np.zeros(n, np.int64), np.zeros(n, np.bool_)


def fixed(arr: pa.Array | None, n: int, scale: int, low: int, high: int) -> tuple[Ints, Mask]:
    """``units / 10**scale`` exactly, ok where given, exact at that scale and ``low < units ≤ high``
    (``high`` below 2⁵³ and 2⁶² / 10¹⁸; nulls are not ok)."""
    if arr is None:
        return np.zeros(n, np.int64), np.zeros(n, np.bool_)
    t = arr.type
    if pa.types.is_floating(t):
        return _float_units(np.asarray(arr.to_numpy(zero_copy_only=False), np.float64), scale, low, high)
    given = valid(arr)
    if pa.types.is_integer(t):
        v = np.asarray((arr if arr.null_count == 0 else pc.fill_null(arr, 0)).to_numpy(), np.int64)
        ok = given & (v > low // 10**scale - 1) & (v <= high // 10**scale)
        units = np.where(ok, v, 0) * 10**scale
        return units, ok & (units > low)
    if pa.types.is_decimal128(t) and 0 <= t.scale <= 18:
        return _decimal_units(arr, given, scale, low, high)
    return np.zeros(n, np.int64), np.zeros(n, np.bool_)


def _float_units(f: npt.NDArray[np.float64], scale: int, low: int, high: int) -> tuple[Ints, Mask]:
    """The one decimal of at most ``scale`` places a float stands for (``high`` keeps spacing < 10⁻ˢ).

    ``t = f·10ˢ + 1.5·2⁵²`` is ``rint(f·10ˢ)`` held in the low bits of the sum when
    ``|f·10ˢ| < 2⁵¹``: the units are those bits less the constant's, with no float-to-int
    conversion (the slowest pass). Any other sum — larger, negative, infinite, NaN — gives bits
    at least 2⁵¹ away, outside ``low < units ≤ high`` (``high`` taken below 2⁵¹), so one unsigned
    comparison checks the bounds."""
    step = 10.0**scale
    lowest, highest = low + 1, min(high, _ROUNDS_EXACTLY)
    with np.errstate(invalid="ignore", over="ignore"):
        t = np.multiply(f, step)
        t += _MAGIC
        units = t.view(np.int64) - _MAGIC_BITS
        shifted = units - lowest if lowest else units
        ok: Mask = shifted.view(np.uint64) <= np.uint64(highest - lowest)
        t -= _MAGIC  # rint(f·10ˢ) where the units are
        t /= step
        ok &= t == f
        return units, ok


def _decimal_units(arr: pa.Array, given: Mask, scale: int, low: int, high: int) -> tuple[Ints, Mask]:
    words = np.frombuffer(arr.buffers()[1], np.int64)[2 * arr.offset : 2 * (arr.offset + len(arr))].reshape(-1, 2)
    lo, hi = words[:, 0], words[:, 1]
    fits = given & (hi == (lo >> 63)) & (np.abs(lo) < 2**62)
    shift = scale - arr.type.scale
    if shift >= 0:
        ok = fits & (lo > low // 10**shift - 1) & (lo <= high // 10**shift)
        units = np.where(ok, lo, 0) * 10**shift
    else:
        ok = fits & (lo % 10**-shift == 0)
        units = np.where(ok, lo, 0) // 10**-shift
        ok &= (units > low) & (units <= high)
    return units, ok & (units > low)


def spacing_limit(scale: int) -> int:
    """The largest units at ``scale`` whose float still has spacing below 10⁻ˢ (see ``_float_units``)."""
    e = 0
    while np.spacing(2.0 ** (e + 1)) < 10.0**-scale:
        e += 1
    return int(2.0 ** (e + 1) * 10**scale) - 1


def at_rows(arr: pa.Array | None, rows: Ints, scale: int, low: int, high: int) -> tuple[Ints, Mask, Mask]:
    """:func:`fixed` of a few rows only (the rows with deemed time), and whether they are given."""
    if arr is None:
        none = np.zeros(len(rows), np.bool_)
        return np.zeros(len(rows), np.int64), none, none
    if pa.types.is_float64(arr.type):  # the raw values and validity bits of those rows only
        units, ok = _float_units(np.frombuffer(arr.buffers()[1], np.float64)[arr.offset :].take(rows), scale, low, high)
        given = _bits_at(arr, rows)
        return units, ok & given, given
    part = arr.take(pa.array(rows))
    return (*fixed(part, len(rows), scale, low, high), valid(part))


def _bits_at(arr: pa.Array, rows: Ints) -> Mask:
    """The validity bits of ``rows`` (the chunk's bitmap unpacked, then gathered)."""
    if arr.null_count == 0:
        return np.ones(len(rows), np.bool_)
    first, skip = divmod(arr.offset, 8)
    bits = np.frombuffer(arr.buffers()[0], np.uint8)[first : (arr.offset + len(arr) + 7) // 8]
    flags = np.unpackbits(bits, bitorder="little").view(np.bool_)
    out: Mask = flags.take(rows + skip if skip else rows)
    return out


def readable(arr: pa.Array, high: float) -> Mask:
    """A money value the scalar path accepts where it is not used (finite, 0 ≤ value ≤ high), or null."""
    t = arr.type
    if pa.types.is_float64(t):  # +0 ≤ value ≤ high ⇔ its bits ≤ high's (−0, negatives, NaN: above)
        values = np.frombuffer(arr.buffers()[1], np.uint64)[arr.offset : arr.offset + len(arr)]
        ok: Mask = values <= np.float64(high).view(np.uint64)
    elif pa.types.is_floating(t) or pa.types.is_integer(t):
        values = np.frombuffer(arr.buffers()[1], np.dtype(t.to_pandas_dtype()))[arr.offset : arr.offset + len(arr)]
        with np.errstate(invalid="ignore"):
            ok = values >= 0
            ok &= values <= high
    else:
        ok = fixed(arr, len(arr), 6, -1, int(high * 10**6))[1]
    if arr.null_count:
        ok |= ~valid(arr)
    return ok
