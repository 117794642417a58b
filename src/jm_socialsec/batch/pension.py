"""The 核定表 lines for many rows (批量养老金测算), exactly as :func:`estimate_pension` computes them.

Same order, same figures, same rounding as :mod:`jm_socialsec.pension.api` ``_compute``:

1. the input checks and the index ceiling (:mod:`.roster`), the retirement month (:mod:`.retirement`);
2. the working life since the minimum working age, then the minimum years (ineligible rows get the
   months missing and no amounts);
3. the lines: 基础养老金 (a = 1, or index ÷ threshold below it), 个人账户养老金 (÷ 计发月数 of the
   age, by the scalar rule per (month, age)), 过渡性养老金 (fixed + per whole year + 原办法 for
   deemed time), 过渡性调整额 (max(0, 新办法 − 原办法 − 津贴) × 实施比例), the total.

Every figure is read through the tables once per retirement month (or month and age, or month
and region) and broadcast; each line is an exact integer quotient rounded half-up to 分 once
(:mod:`.exact`). Refusals carry the scalar path's code and field (:mod:`.errors`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any, TypeVar

import numpy as np

from ..engine.errors import SocialSecError
from ..engine.months import Age, YearMonth
from ..engine.params import Params, ParamValue
from ..engine.regions import Region
from ..pension import account
from ..pension.eligibility import minimum_years
from .columns import Ints, Mask
from .errors import RowErrors
from .exact import Arr, fen_line, half_up, line
from .groups import groups
from .retirement import Retired, resolve_rows
from .roster import Roster, check_index, check_inputs

T = TypeVar("T")
_YEAR = 12  # months in a year (structural)
_FEN = 100  # 分 in a 元 (structural)
_AGE_KEY = 1 << 12  # ages in months below this are told apart (older ones are all outside the table)

_COMMON = ("pension.calc_base", "pension.low_index_threshold", "pension.basic_rate_per_year")
_OLD = ("pension.transitional.old_method_divisor",)
_TRANSITIONAL = ("pension.transitional.fixed", "pension.transitional.per_year")
_ADJUSTMENT = ("pension.transitional.new_method_rate", "pension.transitional.phase_in")


@dataclass
class Outcome:
    """Per row: eligibility, months missing, the lines in 分, and the per-row base / divisor."""

    eligible: Mask
    missing: Ints
    amounts: Mask  # rows with the lines
    lines: dict[str, Ints]
    base: list[Decimal | None]  # by base group
    base_group: Ints
    provisional: Mask
    annuity: list[Decimal | None]  # by (month, age) group
    annuity_group: Ints


def per_group(keys: Ints, read: Callable[[int], T]) -> tuple[list[T | None], list[SocialSecError | None]]:
    """``read(key)`` once per distinct key: its value, or the refusal (broadcast by the caller)."""
    values: list[T | None] = []
    failed: list[SocialSecError | None] = []
    for key in keys.tolist():
        try:
            values.append(read(key))
            failed.append(None)
        except SocialSecError as e:
            values.append(None)
            failed.append(e)
    return values, failed


def _reader(params: Params, ids: Sequence[str]) -> Callable[[int], list[ParamValue]]:
    return lambda month: [params.at(YearMonth.from_index(month)).get(i) for i in ids]


def estimate(params: Params, r: Roster, errors: RowErrors) -> Outcome:
    """Every row's estimate, refusals flagged in ``errors``."""
    check_inputs(r, errors)
    check_index(params, r, errors)
    ret = resolve_rows(params, r, errors, errors.ok)
    _check_working_life(params, r, ret, errors)
    missing = _missing_months(params, r, ret, errors)
    eligible = errors.ok & (missing == 0)
    return _lines(params, r, ret, errors, eligible, missing)


def _check_working_life(params: Params, r: Roster, ret: Retired, errors: RowErrors) -> None:
    """Contribution months within the age at retirement less the minimum working age."""
    rows = errors.ok
    group, keys = groups(ret.month, rows)
    ages, failed = per_group(keys, lambda m: int(params.at(YearMonth.from_index(m))("labour.minimum_working_age")))
    errors.flag_groups(group, failed, rows)
    limit = np.array([(a or 0) * _YEAR for a in ages] + [0], np.int64)[group]
    errors.flag(rows & errors.ok & (r.months.values > ret.age - limit), "input_invalid", "contribution_months")


def _missing_months(params: Params, r: Roster, ret: Retired, errors: RowErrors) -> Ints:
    """max(0, 最低缴费年限 × 12 − months), the minimum of the year whose minimum applies."""
    rows = errors.ok
    group, years = groups(ret.minimum_month // _YEAR, rows)

    def needed(year: int) -> int:
        january = YearMonth(year, 1)
        return int(minimum_years(params.at(january), january) * _YEAR)

    found, failed = per_group(years, needed)
    errors.flag_groups(group, failed, rows)
    table = np.array([x or 0 for x in found] + [0], np.int64)
    return np.where(errors.ok, np.maximum(0, table[group] - r.months.values), 0)


def _fractions(values: list[list[ParamValue] | None], at: int) -> list[Fraction]:
    return [Fraction(v[at].decimal) if v is not None else Fraction(0) for v in values]


def _lines(params: Params, r: Roster, ret: Retired, errors: RowErrors, eligible: Mask, missing: Ints) -> Outcome:
    """Read the figures per group (refusing in the scalar order), then compute the lines."""
    rows = eligible
    deemed = rows & (r.deemed.values > 0)
    derive = deemed & ~r.weighted.given
    mg, months = groups(ret.month, rows)
    common, failed = per_group(months, _reader(params, _COMMON))
    errors.flag_groups(mg, failed, rows)
    ag, ages = groups(ret.month * _AGE_KEY + np.minimum(ret.age, _AGE_KEY - 1), rows)
    annuity, failed = per_group(
        ages,
        lambda k: account.annuity_months(params.at(YearMonth.from_index(k // _AGE_KEY)), Age.from_months(k % _AGE_KEY)),
    )
    errors.flag_groups(ag, failed, rows)
    old, failed = per_group(months, _reader(params, _OLD))
    errors.flag_groups(mg, failed, deemed)
    trans, failed = per_group(months, _reader(params, _TRANSITIONAL))
    errors.flag_groups(mg, failed, rows)
    width = len(r.region.values) + 1
    rg, regions = groups(ret.month * width + r.region.index + 1, derive)
    by_region, failed = per_group(regions, _region_reader(params, r, width))
    errors.flag_groups(rg, failed, derive)
    adjust, failed = per_group(months, _reader(params, _ADJUSTMENT))
    errors.flag_groups(mg, failed, deemed)
    live = rows & errors.ok
    g = np.where(live, mg, 0)
    lines = _amounts(r, live, g, common, trans, old, adjust, (np.where(live, ag, 0), annuity))
    derived = (np.where(live & derive, rg, 0), by_region)
    lines["adjustment"] = _adjustment(r, live & deemed, g, common, trans, adjust, derived, lines["old"])
    lines["total"] = lines["basic"] + lines["account"] + lines["transitional"] + lines["adjustment"]
    del lines["old"]
    provisional = np.array([bool(c and c[0].provisional) for c in common] + [False], np.bool_)
    return Outcome(
        eligible=errors.ok & eligible,
        missing=np.where(errors.ok, missing, 0),
        amounts=live,
        lines=lines,  # zero outside ``live``: every per-row factor is masked
        base=[c[0].decimal if c else None for c in common],
        base_group=np.where(live, mg, -1),
        provisional=provisional[np.where(live, mg, -1)],
        annuity=annuity,
        annuity_group=np.where(live, ag, -1),
    )


def _region_reader(params: Params, r: Roster, width: int) -> Callable[[int], tuple[Fraction, Fraction, Fraction]]:
    """(视同缴费指数 of the region, 计发基数, 新办法系数) of a (month, region) key, in the scalar order."""

    def read(key: int) -> tuple[Fraction, Fraction, Fraction]:
        month, code = divmod(key, width)
        region = r.region.values[code - 1] if code else Region.JIANGMEN
        at = params.at(YearMonth.from_index(month))
        index = at("pension.deemed_index", region.value)
        return Fraction(index), Fraction(at("pension.calc_base")), Fraction(at("pension.transitional.new_method_rate"))

    return read


Groups = tuple[Ints, list[Decimal | None]]


def _amounts(
    r: Roster,
    live: Mask,
    g: Ints,
    common: list[list[ParamValue] | None],
    trans: list[list[ParamValue] | None],
    old: list[list[ParamValue] | None],
    adjust: list[list[ParamValue] | None],
    annuity: Groups,
) -> dict[str, Ints]:
    """基础养老金, 个人账户养老金, 原办法, 过渡性养老金 in 分."""
    m = np.where(live, r.months.values, 0)
    x, s = np.where(live, r.index.num, 0), 10**r.index.scale
    base, threshold, rate = _fractions(common, 0), _fractions(common, 1), _fractions(common, 2)
    limit = np.array([t.numerator * s for t in threshold] + [0], np.int64)[g]
    denominators = np.array([t.denominator for t in threshold] + [1], np.int64)[g]
    low = x * denominators < limit  # index below the threshold: a = index ÷ threshold
    whole_a = [_FEN * b * q / (2 * _YEAR * s) for b, q in zip(base, rate, strict=True)]
    scaled_a = [c * (1 + t) / t if t else Fraction(0) for c, t in zip(whole_a, threshold, strict=True)]
    basic = fen_line(g, [(whole_a, np.where(low, 0, (s + x) * m)), (scaled_a, np.where(low, x * m, 0))])
    ag, divisors = annuity
    per_age = [Fraction(_FEN, 10**r.balance.scale) / Fraction(d) if d else Fraction(0) for d in divisors]
    acct = fen_line(ag, [(per_age, np.where(live, r.balance.num, 0))])
    deemed = live & (r.deemed.values > 0)
    per_divisor = [Fraction(_FEN, 10**r.deemed_account.scale) / d if d else d for d in _fractions(old, 0)]
    old_fen = fen_line(g, [(per_divisor, np.where(deemed, r.deemed_account.num, 0))])
    fixed, per_year = _fractions(trans, 0), _fractions(trans, 1)
    ones = [Fraction(1)] * len(fixed)
    transitional = fen_line(
        g,
        [
            ([_FEN * f for f in fixed], live.astype(np.int64)),
            ([_FEN * p for p in per_year], m // _YEAR),
            (ones, old_fen),
        ],
    )
    return {"basic": basic, "account": acct, "old": old_fen, "transitional": transitional}


def _adjustment(
    r: Roster,
    rows: Mask,
    g: Ints,
    common: list[list[ParamValue] | None],
    trans: list[list[ParamValue] | None],
    adjust: list[list[ParamValue] | None],
    derived: tuple[Ints, list[tuple[Fraction, Fraction, Fraction] | None]],
    old_fen: Ints,
) -> Ints:
    """过渡性调整额 = max(0, 新办法 − 原办法 − 缴费年限津贴) × 实施比例, in 分 (rows with deemed time)."""
    base, new_rate, phase = _fractions(common, 0), _fractions(adjust, 0), _fractions(adjust, 1)
    given = rows & r.weighted.given
    sw = 10**r.weighted.scale
    new_given = fen_line(
        g, [([_FEN * b * q / sw for b, q in zip(base, new_rate, strict=True)], np.where(given, r.weighted.num, 0))]
    )
    rg, by_region = derived
    derive = rows & ~r.weighted.given
    new_derived = fen_line(rg, _derived_terms(r, by_region, derive))
    new_fen = np.where(given, new_given, new_derived)
    ones = [Fraction(1)] * len(base)
    allowance = [-_FEN * p for p in _fractions(trans, 1)]
    num, den = line(
        g,
        [
            (ones, np.where(rows, new_fen, 0)),
            ([-o for o in ones], np.where(rows, old_fen, 0)),
            (allowance, np.where(rows, r.months.values // _YEAR, 0)),
        ],
    )
    num = np.where(num > 0, num, 0)
    return np.where(rows, scaled_half_up(num, den, phase, g), 0)


def _derived_terms(
    r: Roster, by_region: list[tuple[Fraction, Fraction, Fraction] | None], derive: Mask
) -> list[tuple[list[Fraction], Arr]]:
    """新办法 with derived weighted years, in 分: 计发基数 × 系数 × (视同指数 × 月数 + 指数和) ÷ 12."""
    si = 10**r.index_sum.scale
    per_month, per_index = [], []
    for v in by_region:
        index, base, rate = v or (Fraction(0), Fraction(0), Fraction(0))
        per_month.append(_FEN * base * rate * index / _YEAR)
        per_index.append(_FEN * base * rate / (_YEAR * si))
    return [
        (per_month, np.where(derive, r.before_1994.values, 0)),
        (per_index, np.where(derive, r.index_sum.num, 0)),
    ]


def scaled_half_up(num: Arr, den: Arr, factor: list[Fraction], g: Ints) -> Ints:
    """``num / den × factor[g]`` rounded half-up (num ≥ 0), in int64 when it fits, else exactly in Python ints."""
    if not factor:
        return np.zeros(len(g), np.int64)
    fn = [f.numerator for f in factor]
    fd = [f.denominator for f in factor]
    wide = 2 * _max(num) * max(fn) + _max(den) * max(fd) >= 2**62 or den.dtype == object
    kind: Any = object if wide else np.int64
    a = np.asarray(num, kind) * np.asarray(fn, kind)[g]
    b = np.asarray(den, kind) * np.asarray(fd, kind)[g]
    return half_up(a, b)


def _max(a: Arr) -> int:
    return int(np.abs(a).max()) if len(a) else 0
