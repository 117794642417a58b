"""The fast path (快速路径): statutory rows in int64 fixed point, by cache-sized chunks.

Most rows of a roster are alike: ``birth`` + ``category`` with the statutory choice, numbers that
read cleanly, no derived deemed years. Those rows are computed here in a few dozen numpy passes
over chunks of :data:`CHUNK` rows (the arrays stay in the L2 cache): the figures come from their
cohort (:mod:`.cohorts`, one scalar resolution per birth month × category, looked up by a small
integer key), each line is one int64 numerator rounded half-up by one floor division, and the
result columns are written straight into the Arrow buffers.

Every other row — anything a reader does not call ``ok`` (a bad or missing value, text numbers,
a flexible choice, a given retirement month, derived deemed years, a value beyond the int64
bounds) — is sent whole to the general path (:func:`.api.general_columns`), which finds its
error or its amounts exactly as before, and spliced back into place. So the fast path only has to
be exact on the rows it keeps, and the refusals it makes itself are whole-cohort ones (read in the
scalar order by :mod:`.cohorts`) and the working-life check.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from types import NoneType
from typing import Any

import numpy as np
import pyarrow as pa

from ..engine.errors import SocialSecError
from ..engine.months import YearMonth
from ..engine.params import Params
from ..engine.regions import Region
from ..engine.tables import registry
from ..retirement import Category
from . import fastread as fr
from .cohorts import (
    CATEGORIES,
    FIRST_MONTH,
    INDEX_SCALE,
    LAST_MONTH,
    MONEY_MAX,
    WEIGHTED_MAX,
    Cohorts,
    Errors,
    Figures,
)  # fmt: skip
from .fastout import Out

#: Rows per chunk: a few dozen int64 arrays of this length stay within a 2 MiB L2 cache.
CHUNK = 1 << 16
_YEAR = 12  # months in a year (structural)
_CODES = fr.Codes([c.value for c in CATEGORIES])
#: Columns whose rows, when given, go to the general path (other ways to give the retirement).
_ELSEWHERE = ("retirement_month", "age_years", "age_months", "choice", "special_type", "special_years")
General = Callable[[pa.Table], dict[str, pa.Array]]


@dataclass
class Run:
    """What every chunk of a run shares."""

    cohorts: Cohorts
    errors: Errors
    x_max: int  # the index ceiling in units of 10⁻⁹
    last_birth: int  # the as_of month (or the cohort table's last): a later birth goes to the general path
    months: Any  # the canonical bytes of the birth months FIRST_MONTH … last_birth, by cohort key
    working_life: int  # the error number of the working-life refusal
    birth: Any  # the birth column as string views (None: read per distinct value)
    category: Any  # the same for the category (a cast of the whole column: per chunk costs 3 times more)
    parsed: dict[Any, Any] = field(default_factory=dict)  # dictionaries read per value, this run
    birth_key: Any = None  # _birth_key with this run's last month (one object: the reads' key)

    def __post_init__(self) -> None:
        self.birth_key = functools.partial(_birth_key, last=self.last_birth)


def fast_columns(
    table: pa.Table, params: Params, overrides: Mapping[str, Any] | None, general: General
) -> dict[str, pa.Array] | None:
    """The result columns, or None when no row can take the fast path (no birth and category)."""
    if table.num_rows == 0 or not {"birth", "category"} <= set(table.column_names):
        return None
    try:
        ceiling = params.value("pension.max_average_index", params.as_of)
    except SocialSecError:
        return None  # every row is refused the same way: the general path says how
    cn, cd = ceiling.as_integer_ratio()
    x_max = min(cn * INDEX_SCALE // cd, fr.spacing_limit(9))
    found = Cohorts(params, x_max, _context(params, overrides))
    errors = found.errors
    last_birth = min(YearMonth.of(params.as_of).index, LAST_MONTH)
    run = Run(found, errors, x_max, last_birth, fr.month_key_table(FIRST_MONTH, last_birth),
              errors.id("input_invalid", "contribution_months"),
              _views_unless_seven(table.column("birth")), fr.views(table.column("category")))  # fmt: skip
    out = Out(table.num_rows)
    start = 0
    for rb in table.to_batches(max_chunksize=CHUNK):
        _chunk(rb, run, out, start)
        start += rb.num_rows
    rows = np.flatnonzero(out.general) if out.any_general else np.zeros(0, np.int64)
    if rows.size:
        out.splice(rows, general(table.take(rows)), errors)
    return out.columns(errors)


def _views_unless_seven(col: pa.ChunkedArray) -> Any:
    """String views of a month column, unless its first chunk is all 7-byte text (read as bytes)."""
    if col.num_chunks and fr.seven_bytes(col.chunk(0).slice(0, CHUNK)) is not None:
        return None
    return fr.views(col)


def _context(params: Params, overrides: Mapping[str, Any] | None) -> Any:
    """What the tables' answers depend on: the tables loaded (as the engine's own cache keys
    them), the day and the overrides' values; None (read afresh) for a value that is not plain."""
    given = dict(overrides or {})
    if not all(_plain(v) for v in given.values()):
        return None
    return id(registry()), params.as_of, tuple(sorted((str(k), repr(v)) for k, v in given.items()))


def _plain(value: Any) -> bool:
    """A value whose text says all it is (numbers, text, and mappings or lists of them)."""
    if isinstance(value, Mapping):
        return all(isinstance(k, str) and _plain(v) for k, v in value.items())
    if isinstance(value, list | tuple):
        return all(_plain(v) for v in value)
    return isinstance(value, str | int | float | Decimal | NoneType)


def _column(rb: pa.RecordBatch, name: str) -> pa.Array | None:
    i = rb.schema.get_field_index(name)
    return None if i < 0 else rb.column(i)


def _category(value: Any) -> int:
    return CATEGORIES.index(Category.parse(value))


def _region(value: Any) -> int:
    Region.parse(value)
    return 0


def _person(rb: pa.RecordBatch, run: Run, span: slice) -> tuple[Any, Any]:
    """(cohort key, ok): birth month × category, for canonical text (else per distinct value)."""
    column = _column(rb, "birth")
    seven = fr.seven_bytes(column)
    if seven is not None:
        key, ok = fr.month_keys(seven, run.months)  # born FIRST_MONTH … last_birth
    elif run.birth is not None:
        birth, ok = fr.month_index_views(run.birth[span])
        ok &= birth >= FIRST_MONTH
        ok &= birth <= run.last_birth
        key = birth + 1
        key *= len(CATEGORIES)
    else:  # a dictionary (read once per value) or dates: the key and its bounds per value
        key, ok = fr.by_value(column, run.birth_key, run.parsed)
    if run.category is not None:
        cat, good = _CODES.read(run.category[span])
    else:
        cat, good = fr.by_value(_column(rb, "category"), _category, run.parsed)
    ok &= good
    key += cat  # rows not ok: any key (the look-up wraps it into the table)
    return key, ok


def _birth_key(value: Any, last: int) -> int:
    """The cohort key of a birth month read as the scalar path reads it (a date without the
    years' limits: one outside FIRST_MONTH … ``last`` is refused here, read by the general path)."""
    index = YearMonth.of(value).index
    if not FIRST_MONTH <= index <= last:
        raise ValueError(value)
    return (index + 1) * len(CATEGORIES)


def _read(rb: pa.RecordBatch, run: Run, span: slice) -> tuple[dict[str, Any], Any]:
    """The chunk's inputs in fixed point, and the rows the fast path can take."""
    n = rb.num_rows

    def col(name: str) -> pa.Array | None:
        return _column(rb, name)

    key, ok = _person(rb, run, span)
    months, good = fr.whole(col("contribution_months"), n)
    ok &= good
    index, good = fr.fixed(col("average_index"), n, 9, 0, run.x_max)
    ok &= good
    balance, good = fr.fixed(col("account_balance"), n, 6, -1, MONEY_MAX)
    ok &= good
    for name in _ELSEWHERE:
        _not_given(col(name), ok)
    region = col("region")
    if region is not None and region.null_count < n:
        ok &= fr.by_value(region, _region, run.parsed)[1] | ~fr.valid(region)
    rows = {"key": key, "m": months, "x": index, "bal": balance}
    rows.update(_deemed(rb, months, ok))
    return rows, ok


def _not_given(arr: pa.Array | None, ok: Any) -> None:
    if arr is not None and arr.null_count < len(arr):
        ok &= ~fr.valid(arr)


def _deemed(rb: pa.RecordBatch, months: Any, ok: Any) -> dict[str, Any]:
    """Deemed time: months within the total, a readable account; the amounts where deemed."""
    n = rb.num_rows
    dm, da = _column(rb, "deemed_months"), _column(rb, "deemed_account")
    if da is not None and da.null_count < n:
        ok &= fr.readable(da, MONEY_MAX / 10**6)
    if dm is None or dm.null_count == n:
        return {}
    deemed, good = fr.whole(dm, n)
    if dm.null_count:
        good |= ~fr.valid(dm)
    ok &= good
    ok &= deemed <= months
    rows = np.flatnonzero(deemed > 0)
    if rows.size == 0:
        return {}
    w, good, _ = fr.at_rows(_column(rb, "weighted_deemed_years"), rows, 9, -1, WEIGHTED_MAX)
    # no weighted years: derived from the region (general path)
    if da is None:
        ok[rows] &= good
        return {"deemed": rows, "w": w, "da": np.zeros(rows.size, np.int64)}
    acct, read, given = fr.at_rows(da, rows, 6, -1, MONEY_MAX)
    if not given.all():
        read |= ~given
        acct[~given] = 0  # not given: the default 0
    good &= read
    ok[rows] &= good  # one scatter for both columns
    return {"deemed": rows, "w": w, "da": acct}


def _chunk(rb: pa.RecordBatch, run: Run, out: Out, start: int) -> None:
    span = slice(start, start + rb.num_rows)
    rows, ok = _read(rb, run, span)
    if not ok.any():
        out.general[span] = True
        out.any_general = True
        return
    c = run.cohorts.lookup(rows["key"], ok)
    fig = run.cohorts.figures
    for flag in ("wide", "odd"):
        if flag not in fig.same or fig.same[flag]:
            ok &= ~fig.arrays[flag].take(c)
    np.logical_not(ok, out=out.general[span])
    out.any_general = out.any_general or not ok.all()
    # one gather per field: a contiguous array is read faster by the passes after it than the
    # columns of one gather of several fields (strided)
    rows.update(limit=fig.get("limit", c), kh=fig.get("kh", c), divisor=fig.get("da", c))
    _refusals(fig, c, rows, run.working_life, out, span)
    if "provisional" in fig.same:
        out.provisional[span] = bool(fig.same["provisional"])
    else:  # "wrap": not buffered (and c is within the table)
        fig.arrays["provisional"].take(c, out=out.provisional[span], mode="wrap")
    _lines(fig, c, rows, out, span)


def _refusals(fig: Figures, c: Any, rows: dict[str, Any], working_life: int, out: Out, span: slice) -> None:
    """Error number, months missing, eligible and amounts: the cohort's refusal, the working life,
    the minimum years, then the lines' reads."""
    m, deemed = rows["m"], rows.get("deemed")
    over = m > rows["limit"]
    err = fig.get("err_a", c)
    out.seen.add(working_life)  # (a superset: the refused rows' numbers are among them)
    usual = isinstance(err, int) and err == 0 and fig.same.get("err_plain") == 0 and fig.same.get("err_deemed") == 0
    if usual:
        code = out.code[span]  # only the working life refuses
        np.multiply(over, working_life, out=code, casting="unsafe")
    else:
        code = over * (working_life - err) + err  # the working life is checked before the minimum years
        out.seen.update(set(np.asarray(fig.arrays["err_a"]).tolist()) - {0})
    missing = out.missing[span]
    # int32 wraps only beyond the working life (months > limit: refused, the months not shown)
    np.subtract(fig.get("need", c), m, out=missing, casting="unsafe")
    np.maximum(missing, 0, out=missing)
    eligible = np.equal(missing, 0, out=out.eligible[span])
    if not usual:
        _late_refusals(fig, c, deemed, code, eligible, out)
        out.code[span] = code
        np.logical_and(eligible, code == 0, out=out.amounts[span])
    else:  # not refused ⇔ not over: amounts where eligible and not over
        np.greater(eligible, over, out=out.amounts[span])


def _late_refusals(fig: Figures, c: Any, deemed: Any, code: Any, eligible: Any, out: Out) -> None:
    """The first refusal reading the lines, for eligible rows not refused before (in place)."""
    if fig.same.get("err_plain") == 0 and fig.same.get("err_deemed") == 0:
        return
    late = np.asarray(fig.arrays["err_plain"].take(c))
    if deemed is not None:
        late[deemed] = fig.arrays["err_deemed"].take(c[deemed])
    late *= (code == 0) & eligible
    code += late
    out.seen.update({*fig.arrays["err_plain"].tolist(), *fig.arrays["err_deemed"].tolist()} - {0})


def _half_up(num: Any, den: Any, into: Any = None) -> Any:
    """``num / den`` to a whole number, a half up, as ⌊(num + ⌊den/2⌋) / den⌋ (in place, or the last
    step into ``into``): equal to ⌊(2·num + den) / (2·den)⌋ for every integer num and den ≥ 1 — for
    an odd den, num + (den − 1)/2 = q·den + r with r ≤ den − 1, and the half left out never
    reaches the next multiple."""
    if isinstance(den, int) and den == 1:
        if into is not None:
            into[...] = num
        return num
    num += den // 2
    return np.floor_divide(num, den, out=num if into is None else into)


def _times(values: Any, k: Any) -> Any:
    """``values × k`` as a new array (no multiplication by a uniform 1)."""
    return values.copy() if isinstance(k, int) and k == 1 else values * k


def _account(balance: Any, k: Any, divisor: Any) -> Any:
    """个人账户养老金 in 分: ⌊(k·b + ⌊d/2⌋) / d⌋ (k = 1 for a whole 计发月数: no multiplication)."""
    if isinstance(divisor, int):
        return _half_up(_times(balance, k), divisor)
    num = divisor >> 1
    num += balance if isinstance(k, int) and k == 1 else balance * k
    num //= divisor
    return num


def _lines(fig: Figures, c: Any, rows: dict[str, Any], out: Out, span: slice) -> None:
    """The lines in 分, written into the output words (garbage on refused rows: their cells are null)."""
    m, x, g = rows["m"], rows["x"], fig.get
    words = {name: w[span] for name, w in out.words.items()}
    basic = x + INDEX_SCALE
    basic *= m
    basic *= rows["kh"]  # kh·(S + x)·m, or kl·x·m below the threshold
    low = np.flatnonzero(x < g("low_x", c))
    if low.size:
        basic[low] = x[low] * m[low] * g("kl", c[low])
    total = _half_up(basic, g("d", c))
    _put(words["basic"], total)
    account = _account(rows["bal"], g("ka", c), rows["divisor"])
    _put(words["account"], account)
    total += account
    trans = _transitional(fig, c, m)
    deemed = rows.get("deemed")
    words["adjustment"][...] = 0  # both words at once; then the rows with deemed time
    if deemed is not None:
        old, adjustment = _adjustment(fig, c[deemed], rows, m[deemed] // _YEAR)
        trans[deemed] += old
        total[deemed] += adjustment
        words["adjustment"][deemed, 0] = adjustment
    _put(words["transitional"], trans)
    total += trans
    _put(words["total"], total)
    _per_cohort(fig, "base", c, words["base"])
    _per_cohort(fig, "annuity", c, words["annuity_months"])


def _put(words: Any, values: Any) -> None:
    """Lines (int64, 0 ≤ value < 2⁶²) as decimal128 words (value, 0), both words in one pass: each
    value's bits read as a float64 and widened to complex128 (real part, imaginary 0.0), which
    copies the bits, computes nothing — below 2⁶² they are a finite double, never a NaN."""
    np.copyto(words.view(np.complex128)[:, 0], values.view(np.float64))


def _transitional(fig: Figures, c: Any, m: Any) -> Any:
    """过渡性养老金 in 分 before the deemed rows' 原办法: by contribution months from the table when
    every cohort shares its figures, else ⌊(tf + tp·years) / dt⌉ per row."""
    if fig.by_month is not None:
        return fig.by_month.take(m, mode="wrap")  # an ok row's months are within the table
    g = fig.get
    trans = m // _YEAR
    trans *= g("tp", c)
    trans += g("tf", c)
    return _half_up(trans, g("dt", c))


def _per_cohort(fig: Figures, name: str, c: Any, words: Any) -> None:
    """A figure of the row's cohort as decimal128 words (both words in one pass; "wrap": not
    buffered, and c is within the table)."""
    if name in fig.same:
        words[...] = (fig.same[name], 0)
    else:  # as 16-byte items (complex128 only as a container: take copies the bytes, no arithmetic)
        fig.words(name).take(c, out=words.view(np.complex128)[:, 0], mode="wrap")


def _adjustment(fig: Figures, c: Any, rows: dict[str, Any], years: Any) -> tuple[Any, Any]:
    """(原办法, 过渡性调整额) in 分 for the rows with deemed time."""
    g = fig.get
    old = _half_up(_times(rows["da"], g("ko", c)), g("do", c))
    new = _half_up(rows["w"] * g("kn", c), g("dn", c))
    dg = g("dg", c)
    gap = (new - old) * dg - years * g("kg", c)
    np.maximum(gap, 0, out=gap)
    gap *= g("pn", c)
    return old, _half_up(gap, dg * g("pd", c))
