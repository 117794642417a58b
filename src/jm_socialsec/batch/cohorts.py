"""Cohorts (同类人员): every figure a statutory row needs, once per (birth month, category).

A row born in a month with a category retires in one month at one age (the scalar
:func:`~jm_socialsec.pension.eligibility.retirement`), so everything the 核定表 reads through the
tables — the working life, the minimum years, the base, threshold and rates, the 计发月数 of the
age, the transitional figures — is a constant of that pair. Each cohort is resolved once with the
scalar rules, in the scalar path's order (so its refusals are the scalar path's), and its figures
are kept as exact integer fractions in fixed point; rows then look them up by a small integer key
(``np.take`` into arrays of a few hundred entries, no search).

Fixed point: an index is ``x / 10⁹``, money ``b / 10⁶``, weighted years ``w / 10⁹``; a line in 分
is ``k·p / d`` for the row's integer ``p`` and the cohort's ``k / d``, rounded half-up once as
``(2·k·p + d) // (2·d)``. Each cohort checks, in Python integers, that the largest numerator its
rows can reach (months within the working life, the index within its ceiling, money and weighted
years within the readers' bounds) keeps ``2·k·p + d`` below 2⁶³; a cohort that cannot prove it is
``wide`` and its rows go to the general path (never inexact).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from decimal import Decimal
from fractions import Fraction
from math import lcm
from operator import attrgetter
from typing import Any

import numpy as np

from ..engine.errors import SocialSecError
from ..engine.limits import EARLIEST_YEAR, LATEST_YEAR
from ..engine.months import Age, YearMonth
from ..engine.params import Params
from ..pension import account
from ..pension.eligibility import Person, minimum_years, retirement
from ..retirement import Category, RetirementChoice
from .errors import where_of
from .fastread import MONTH_KEYS

_YEAR = 12  # months in a year (structural)
_FEN = 100  # 分 in a 元 (structural)
CATEGORIES = tuple(Category)
FIRST_MONTH = EARLIEST_YEAR * _YEAR  # the month indices a cohort can have
LAST_MONTH = LATEST_YEAR * _YEAR + _YEAR - 1
#: A cohort's key: 3·(birth month index + 1) + category number (what the 7-byte month decode
#: gives without a subtraction, see :func:`.fastread.month_keys`), below ``KEYS``.
KEYS = MONTH_KEYS
INDEX_SCALE, MONEY_SCALE, WEIGHTED_SCALE = 10**9, 10**6, 10**9
#: The readers' bounds in units: money up to 10⁹ 元, weighted years up to 10⁴ (more: general path).
MONEY_MAX, WEIGHTED_MAX = 10**15, 10**13
_SAFE = 2**62  # 2·numerator + denominator < 2⁶³
_NO_LIMIT = 2**40  # a cohort refused before the working-life check: no row is refused by it


class Errors:
    """Interned (code, field) pairs; 0 is no error."""

    def __init__(self) -> None:
        self.pairs: list[tuple[str, str]] = [("", "")]

    def id(self, code: str, where: str) -> int:
        if (code, where) not in self.pairs:
            self.pairs.append((code, where))
        return self.pairs.index((code, where))

    def of(self, err: SocialSecError | None) -> int:
        return 0 if err is None else self.id(err.code, where_of(err))


@dataclass
class Cohort:
    """One cohort's refusals and figures (numerators over denominators, in 分)."""

    err_a: int = 0  # retirement, working age, minimum years (the first that fails)
    limit: int = _NO_LIMIT  # most contribution months within the working life
    need: int = 0  # months the minimum years need
    err_plain: int = 0  # first refusal reading the lines, rows without deemed time
    err_deemed: int = 0  # the same, rows with deemed time and weighted years
    kh: int = 0  # basic, index ≥ threshold: kh·(S·m + x·m) / d
    kl: int = 0  # basic, index < threshold: kl·x·m / d
    d: int = 1
    low_x: int = 0  # x < low_x: below the threshold
    ka: int = 0  # account: ka·balance / da
    da: int = 1
    tf: int = 0  # transitional: (tf + tp·whole years) / dt + old
    tp: int = 0
    dt: int = 1
    ko: int = 0  # old method: ko·deemed account / do
    do: int = 1
    kn: int = 0  # new method: kn·weighted / dn
    dn: int = 1
    kg: int = 0  # allowance: kg·whole years / dg (the gap is over dg)
    dg: int = 1
    pn: int = 0  # phase-in pn / pd
    pd: int = 1
    base: int = 0  # 计发基数 in 分
    annuity: int = 0  # 计发月数 in 10⁻⁴
    provisional: bool = False
    wide: bool = False
    odd: bool = False  # base or 计发月数 with more places than the output keeps


@dataclass
class Figures:
    """Every cohort's fields as arrays by cohort number (and as a plain int when all agree)."""

    arrays: dict[str, np.ndarray[Any, Any]] = field(default_factory=dict)
    same: dict[str, int] = field(default_factory=dict)
    #: 过渡性养老金 in 分 (before 原办法) by contribution months, when the cohorts share its figures.
    by_month: np.ndarray[Any, Any] | None = None

    #: Fields as decimal128 words, made once per figures (see :meth:`words`).
    _words: dict[str, np.ndarray[Any, Any]] = field(default_factory=dict, repr=False)

    def words(self, name: str) -> np.ndarray[Any, Any]:
        """A field as decimal128 words by cohort (value, 0), one 16-byte item each (complex128 only
        as a container): gathered straight into an output column."""
        if name not in self._words:
            pairs = np.stack([self.arrays[name], np.zeros_like(self.arrays[name])], axis=1)
            self._words[name] = pairs.view(np.complex128)[:, 0]
        return self._words[name]

    def get(self, name: str, cohort: np.ndarray[Any, Any]) -> Any:
        """The field per row: one int when every cohort agrees, else a gathered array."""
        if name in self.same:
            return self.same[name]
        return self.arrays[name].take(cohort)


class Cohorts:
    """The cohorts of a run, resolved as rows reveal them (a roster has a few hundred)."""

    def __init__(self, params: Params, x_max: int, context: Any) -> None:
        self.params, self.x_max = params, x_max
        self.reads = _reads(context, x_max)
        self.errors = self.reads.errors
        self.slot = np.full(KEYS, -1, np.int64)
        self.rows: list[Cohort] = []
        self.figures = Figures()

    def lookup(self, key: np.ndarray[Any, Any], ok: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
        """The cohort number of every row, resolving new ones (the keys of rows not ``ok`` may be
        anything: they are wrapped into the table, and their cohort is never used)."""
        cohort = self.slot.take(key, mode="wrap")
        if cohort.min(initial=0) >= 0:  # every row's cohort is known (one pass, no mask)
            return cohort
        missing = ok & (cohort < 0)
        if missing.any():
            present = np.zeros(KEYS, np.bool_)
            present[key[missing]] = True
            built = self.reads.cohorts
            with _collector_paused():
                for k in np.flatnonzero(present).tolist():
                    self.slot[k] = len(self.rows)
                    if k not in built:
                        built[k] = self._resolve(int(k))
                    self.rows.append(built[k])
                self._rebuild()
            cohort = self.slot.take(key, mode="wrap")
        return cohort

    def _rebuild(self) -> None:
        known = self.reads.figures
        cohorts = tuple(id(c) for c in self.rows)  # the built cohorts live as long as the reads
        if cohorts not in known:
            if len(known) >= _KEEP:
                known.pop(next(iter(known)))
            known[cohorts] = self._figures()
        self.figures = known[cohorts]

    def _figures(self) -> Figures:
        rows = _common_denominators(self.rows, self.x_max)
        table = np.array([_ALL_FIELDS(c) for c in rows], np.int64)
        agree = (table == table[0]).all(axis=0).tolist()
        arrays: dict[str, np.ndarray[Any, Any]] = {}
        same: dict[str, int] = {}
        for i, name in enumerate(_FIELDS):
            column = np.ascontiguousarray(table[:, i])
            arrays[name] = column.astype(np.bool_) if name in _FLAGS else column
            if agree[i]:
                same[name] = int(column[0])
        return Figures(arrays, same, _transitional_by_month(rows))

    def _resolve(self, key: int) -> Cohort:
        """The cohort's figures from the run's reads (each read once per month, age or year)."""
        c = Cohort()
        retired = self.reads.retirement(self.params, key)
        if isinstance(retired, SocialSecError):
            c.err_a = self.errors.of(retired)
            return c
        month, age, minimum_year = retired
        figures = self.reads.month(self.params, month)
        if isinstance(figures.working_age, SocialSecError):
            c.err_a = self.errors.of(figures.working_age)
            return c
        c.limit = age - figures.working_age * _YEAR
        need = self.reads.minimum(self.params, minimum_year)
        if isinstance(need, SocialSecError):
            c.err_a = self.errors.of(need)
            return c
        c.need = need
        annuity = self.reads.annuity(self.params, month, age)
        alike = (c.limit, need, _figures_key(figures), annuity if isinstance(annuity, Decimal) else id(annuity))
        if alike not in self.reads.alike:  # cohorts of other months with the same figures share one
            self.reads.alike[alike] = self._lines(c, figures, annuity)
        return self.reads.alike[alike]

    def _lines(self, c: Cohort, figures: Month, annuity: Decimal | SocialSecError) -> Cohort:
        """The cohort's line figures and refusals, and whether they fit in int64."""
        _fill(c, figures, annuity, self.errors, self.reads.annuity_figures)
        shape = tuple(getattr(c, name) for name in _BOUNDED)  # cohorts of a roster share a few
        if shape not in self.reads.wide:
            _check_bounds(c, self.x_max)
            self.reads.wide[shape] = c.wide
        c.wide = self.reads.wide[shape]
        if c.wide:
            for name in _NUMERATORS:
                setattr(c, name, 0)  # never used (the rows go to the general path); keeps int64
        return c


def _figures_key(month: Month) -> int:
    """What a cohort's lines and refusals take from its retirement month: the line figures, shared by
    the months of one period, when the month refuses nothing (else the month itself)."""
    refusals = (month.common, month.old, month.trans, month.adjust)
    return id(month.lines) if all(e is None for e in refusals) else id(month)


def _transitional_by_month(rows: list[Cohort]) -> np.ndarray[Any, Any] | None:
    """⌊(tf + tp·⌊m/12⌋) / dt⌉ for m = 0 … _BY_MONTH − 1, when every cohort whose rows can have
    amounts shares tf, tp and dt and has its working life (the months of such a row) within the
    table; a refused cohort's rows show no amounts and a wide one's go to the general path."""
    live = [c for c in rows if not c.err_a and _usable(c)]
    shared = {(c.tf, c.tp, c.dt) for c in live}
    if len(shared) != 1 or any(c.limit >= _BY_MONTH for c in live):
        return None
    ((tf, tp, dt),) = shared
    if tf < 0 or tp < 0 or 2 * (tf + tp * (_BY_MONTH // _YEAR)) + dt >= _SAFE:
        return None
    num = np.arange(_BY_MONTH, dtype=np.int64) // _YEAR
    num *= 2 * tp
    num += 2 * tf + dt
    num //= 2 * dt
    return num


#: What :func:`_check_bounds` reads of a cohort.
_BOUNDED = ("limit", "kh", "kl", "d", "ka", "da", "tf", "tp", "dt", "ko", "do", "kn", "dn", "kg", "dg", "pn", "pd")
_BY_MONTH = 1 << 11  # months in the transitional table (170 years: beyond any working life)
_FIELDS = tuple(f.name for f in fields(Cohort))
_ALL_FIELDS = attrgetter(*_FIELDS)
_FLAGS = frozenset(f.name for f in fields(Cohort) if f.type in (bool, "bool"))
_NUMERATORS = ("kh", "kl", "ka", "tf", "tp", "ko", "kn", "kg", "pn")


@dataclass
class Month:
    """The figures of one retirement month (read in the scalar order; a refusal kept as the error)."""

    working_age: int | SocialSecError
    common: SocialSecError | None = None  # base, threshold, rate
    old: SocialSecError | None = None
    trans: SocialSecError | None = None
    adjust: SocialSecError | None = None
    lines: dict[str, int] = field(default_factory=dict)


class Reads:
    """What the tables say, per retirement month, (month, age), minimum-years year and cohort key.

    Kept across calls for the same ``as_of`` and overrides (the tables do not change in a process):
    a second roster estimated on the same day reads nothing again.
    """

    def __init__(self, x_max: int) -> None:
        self.x_max = x_max
        self.errors = Errors()  # one numbering per context: built cohorts keep their numbers
        self.cohorts: dict[int, Cohort] = {}
        self.months: dict[int, Month] = {}
        self.annuities: dict[tuple[int, int], Decimal | SocialSecError] = {}
        self.minimums: dict[int, int | SocialSecError] = {}
        self.retired: dict[int, tuple[int, int, int] | SocialSecError] = {}
        #: The line figures by the values they are worked out from (months of one period share them).
        self.lines: dict[Any, dict[str, int]] = {}
        #: Built cohorts by what their figures come from (working life, minimum, month figures,
        #: 计发月数): the cohorts of a roster are a few hundred, their distinct figures a few dozen.
        self.alike: dict[tuple[Any, ...], Cohort] = {}
        #: Whether a cohort is wide, by the figures the bound check reads (:data:`_BOUNDED`).
        self.wide: dict[tuple[int, ...], bool] = {}
        #: (ka, da, 计发月数 in 10⁻⁴, odd) by 计发月数.
        self.annuity_figures: dict[Decimal, tuple[int, int, int, bool]] = {}
        #: The figures of a run's cohorts, by the cohorts in their order (the next roster of the
        #: day has the same ones: its arrays are not built again).
        self.figures: dict[tuple[int, ...], Figures] = {}

    def retirement(self, params: Params, key: int) -> tuple[int, int, int] | SocialSecError:
        if key not in self.retired:
            month, cat = divmod(key, len(CATEGORIES))
            person = Person(None, None, YearMonth.from_index(month - 1), CATEGORIES[cat],
                            RetirementChoice.STATUTORY, None, None)  # fmt: skip
            try:
                r = retirement(params, person, 0)
                self.retired[key] = (r.month.index, r.age.total_months, r.minimum_years_month.year)
            except SocialSecError as e:
                self.retired[key] = e
        return self.retired[key]

    def month(self, params: Params, month: int) -> Month:
        if month not in self.months:
            self.months[month] = _month(params, YearMonth.from_index(month), self.lines)
        return self.months[month]

    def minimum(self, params: Params, year: int) -> int | SocialSecError:
        if year not in self.minimums:
            january = YearMonth(year, 1)
            try:
                self.minimums[year] = int(minimum_years(params.at(january), january) * _YEAR)
            except SocialSecError as e:
                self.minimums[year] = e
        return self.minimums[year]

    def annuity(self, params: Params, month: int, age: int) -> Decimal | SocialSecError:
        if (month, age) not in self.annuities:
            try:
                at = params.at(YearMonth.from_index(month))
                self.annuities[month, age] = account.annuity_months(at, Age.from_months(age))
            except SocialSecError as e:
                self.annuities[month, age] = e
        return self.annuities[month, age]


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while cohorts are resolved: the reads make thousands of small
    objects (values, fractions), which would set off full collections of the whole heap; what
    they leave behind is collected afterwards. Thread-safe enough: a thread re-enables only what it
    found enabled, so the collector ends enabled."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


_CONTEXTS: dict[Any, Reads] = {}
_LOCK = threading.Lock()  # Dask runs partitions in threads
_KEEP = 16  # contexts (as_of, overrides) remembered


def _reads(context: Any, x_max: int) -> Reads:
    """The reads of a context (a fresh one when the context cannot be a key)."""
    if context is None:
        return Reads(x_max)
    with _LOCK:
        found = _CONTEXTS.get(context)
        if found is None or found.x_max != x_max:
            if len(_CONTEXTS) >= _KEEP:
                _CONTEXTS.pop(next(iter(_CONTEXTS)))
            found = _CONTEXTS[context] = Reads(x_max)
        return found


def clear() -> None:
    """Forget every remembered read (the benchmark's cold start)."""
    with _LOCK:
        _CONTEXTS.clear()


def _read(step: Callable[[], Any]) -> tuple[Any, SocialSecError | None]:
    try:
        return step(), None
    except SocialSecError as e:
        return None, e


def _month(params: Params, month: YearMonth, memo: dict[Any, dict[str, int]]) -> Month:
    """A month's figures in the order the scalar path reads them, as integer fractions in 分
    (worked out once per distinct set of values: ``memo``)."""
    at = params.at(month)
    working_age, e_age = _read(lambda: int(at("labour.minimum_working_age")))
    out = Month(working_age if e_age is None else e_age)
    ids = ("pension.calc_base", "pension.low_index_threshold", "pension.basic_rate_per_year")
    common, out.common = _read(lambda: [at.get(i) for i in ids])
    old, out.old = _read(lambda: at.get("pension.transitional.old_method_divisor").decimal)
    trans, out.trans = _read(
        lambda: [at.get(i).decimal for i in ("pension.transitional.fixed", "pension.transitional.per_year")]
    )
    adjust, out.adjust = _read(
        lambda: [at.get(i).decimal for i in ("pension.transitional.new_method_rate", "pension.transitional.phase_in")]
    )
    if out.common is None and out.trans is None:
        deemed = None if out.old or out.adjust else (old, tuple(adjust))
        key = (*(v.decimal for v in common), common[0].provisional, *trans, deemed)
        if key not in memo:
            memo[key] = _month_lines(common, trans, deemed)
        out.lines = memo[key]
    return out


def _month_lines(
    common: list[Any], trans: list[Decimal], deemed: tuple[Decimal, tuple[Decimal, ...]] | None
) -> dict[str, int]:
    base, threshold, rate = (Fraction(v.decimal) for v in common)
    c = Cohort()
    _basic(c, base, threshold, rate)
    fixed, per_year = (Fraction(v) for v in trans)
    c.dt = lcm((_FEN * fixed).denominator, (_FEN * per_year).denominator)
    c.tf, c.tp = int(_FEN * fixed * c.dt), int(_FEN * per_year * c.dt)
    c.base = _units(common[0].decimal, 2, c)
    c.provisional = bool(common[0].provisional)
    if deemed is not None:
        old, (new_rate, phase) = deemed[0], (Fraction(v) for v in deemed[1])
        c.ko, c.do = _ratio(Fraction(_FEN, MONEY_SCALE) / Fraction(old))
        c.kn, c.dn = _ratio(_FEN * base * new_rate / WEIGHTED_SCALE)
        c.kg, c.dg = _ratio(_FEN * per_year)
        c.pn, c.pd = phase.numerator, phase.denominator
    names = ("kh", "kl", "d", "low_x", "tf", "tp", "dt", "ko", "do", "kn", "dn", "kg", "dg", "pn", "pd", "base",
             "provisional", "odd")  # fmt: skip
    return {n: getattr(c, n) for n in names}


def _fill(
    c: Cohort,
    month: Month,
    annuity: Decimal | SocialSecError,
    errors: Errors,
    memo: dict[Decimal, tuple[int, int, int, bool]],
) -> None:
    """The cohort's line figures and its first refusal per kind of row, in the scalar order
    (the 计发月数's figures worked out once per value: ``memo``)."""
    e_annuity = annuity if isinstance(annuity, SocialSecError) else None
    plain = next((e for e in (month.common, e_annuity, month.trans) if e is not None), None)
    deemed = next((e for e in (month.common, e_annuity, month.old, month.trans, month.adjust) if e is not None), None)
    c.err_plain, c.err_deemed = errors.of(plain), errors.of(deemed)
    if plain is not None or isinstance(annuity, SocialSecError):
        return
    for name, value in month.lines.items():
        setattr(c, name, value)
    if annuity not in memo:
        units = Cohort()
        units.ka, units.da = _ratio(Fraction(_FEN, MONEY_SCALE) / Fraction(annuity))
        units.annuity = _units(annuity, 4, units)
        memo[annuity] = (units.ka, units.da, units.annuity, units.odd)
    c.ka, c.da, c.annuity, odd = memo[annuity]
    c.odd = c.odd or odd


def _basic(c: Cohort, base: Fraction, threshold: Fraction, rate: Fraction) -> None:
    """基础养老金 in 分: base·rate·(1 + x/S)/2·m/12, or with a = x/(S·threshold) below it."""
    high = _FEN * base * rate / (2 * _YEAR * INDEX_SCALE)
    low = high * (1 + threshold) / threshold if threshold else Fraction(0)
    c.d = lcm(high.denominator, low.denominator)
    c.kh, c.kl = int(high * c.d), int(low * c.d)
    tn, td = threshold.numerator, threshold.denominator
    c.low_x = -(-tn * INDEX_SCALE // td)  # x·td < tn·S  ⇔  x < ⌈tn·S / td⌉


def _ratio(f: Fraction) -> tuple[int, int]:
    return f.numerator, f.denominator


def _units(value: Decimal, places: int, c: Cohort) -> int:
    scaled = value.scaleb(places)
    if scaled != scaled.to_integral_value():
        c.odd = True
        return 0
    return int(scaled)


def _worst(c: Cohort, x_max: int) -> dict[str, int]:
    """The largest numerator each line of the cohort's rows can reach, by its denominator: months
    within the working life, the index within the ceiling, money and weighted years within the
    readers' bounds."""
    m = max(c.limit, 0)
    return {
        "d": max(c.kh * (INDEX_SCALE + x_max) * m, c.kl * x_max * m),
        "da": c.ka * MONEY_MAX,
        "dt": c.tf + c.tp * (m // _YEAR),
        "do": c.ko * MONEY_MAX,
        "dn": c.kn * WEIGHTED_MAX,
    }


def _check_bounds(c: Cohort, x_max: int) -> None:
    """Mark the cohort wide unless every line's numerator provably fits in int64."""
    worst = _worst(c, x_max)
    new, old = worst["dn"] // c.dn + 1, worst["do"] // c.do + 1  # 分, at most
    gap = (new + old) * c.dg + c.kg * (max(c.limit, 0) // _YEAR)
    total = sum(w // getattr(c, den) + 1 for den, w in worst.items())
    negative = min(c.kh, c.kl, c.ka, c.tf, c.tp, c.ko, c.kn, c.kg, c.pn) < 0  # the words assume lines ≥ 0
    fits = all(2 * w + getattr(c, den) < _SAFE for den, w in worst.items())
    c.wide = negative or not fits or 2 * gap * c.pn + c.dg * c.pd >= _SAFE or total >= _SAFE


#: The lines whose cohorts are brought to one denominator when it keeps them within int64, so
#: that a chunk divides by one number (numerators, denominator).
_SHARED = ((("kh", "kl"), "d"), (("ka",), "da"), (("ko",), "do"), (("kn",), "dn"), (("tf", "tp"), "dt"))


def _common_denominators(rows: list[Cohort], x_max: int) -> list[Cohort]:
    """The cohorts with each line over the lcm of its denominators, where every numerator still fits.
    Only the cohorts whose denominator changes are checked (the others passed their own bound
    check with it) and copied (the built cohorts are kept for the next roster)."""
    out = list(rows)
    for nums, den in _SHARED:
        common = lcm(*{getattr(c, den) for c in out if _usable(c)})
        changed = [i for i, c in enumerate(out) if getattr(c, den) != common]
        if not changed or any(
            2 * _worst(out[i], x_max)[den] * (common // getattr(out[i], den)) + common >= _SAFE
            for i in changed
            if _usable(out[i])
        ):
            continue
        for i in changed:
            c = out[i] = _copy(out[i]) if out[i] is rows[i] else out[i]
            if _usable(c):
                factor = common // getattr(c, den)
                for n in nums:
                    setattr(c, n, getattr(c, n) * factor)
            setattr(c, den, common)  # refused or wide: their rows never use the line, only its shape
    return out


def _copy(c: Cohort) -> Cohort:
    """A shallow copy (the fields are numbers), without ``copy.copy``'s generic protocol."""
    new = Cohort.__new__(Cohort)
    new.__dict__.update(c.__dict__)
    return new


def _usable(c: Cohort) -> bool:
    return not c.wide and not c.err_plain
