"""Retirement months of many rows (退休年月): the scalar rules once per distinct person type.

Rows with ``birth`` and the statutory choice are grouped by (birth month, category): the scalar
:func:`~jm_socialsec.pension.eligibility.retirement` (the 2025 reform's rules for all three
categories, the as_of check, the choice) runs once per group and its month, age and errors are
broadcast — a roster of a million people has a few thousand such groups. Rows with another
choice (flexible, special type) go through the same function one by one. Rows without ``birth``
give ``retirement_month`` and the age.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..engine.errors import SocialSecError
from ..engine.months import YearMonth
from ..engine.params import Params
from ..pension.eligibility import Person, retirement
from ..retirement import Category, RetirementChoice
from .columns import Coded, Ints, Mask
from .errors import RowErrors
from .groups import groups
from .roster import Roster

_YEAR = 12  # months in a year (structural)
_CATEGORIES = tuple(Category)
_STATUTORY = RetirementChoice.STATUTORY


@dataclass(frozen=True)
class Retired:
    """Per row: retirement month (YearMonth index), age in months, the minimum-years month."""

    month: Ints
    age: Ints
    minimum_month: Ints


def _month_index(c: Coded) -> Ints:
    """The YearMonth index of each row (0 where null or bad)."""
    table = np.array([v.index if v is not None else 0 for v in c.values] + [0], np.int64)
    return table[c.index]


def _given_age(r: Roster) -> tuple[Mask, Mask, Ints]:
    """(age given, age refused, age in months): ``Age.of((years, months))`` of the two columns."""
    y, m = r.age_years, r.age_months
    given = y.given
    months = np.where(m.given, m.values, 0)
    bad = given & (y.bad | (m.given & m.bad) | (months >= _YEAR))
    return given, bad, y.values * _YEAR + months


def resolve_rows(params: Params, r: Roster, errors: RowErrors, rows: Mask) -> Retired:
    """Retirement month, age and minimum-years month of ``rows``, refusing as the scalar path does."""
    n = len(rows)
    out = Retired(np.zeros(n, np.int64), np.zeros(n, np.int64), np.zeros(n, np.int64))
    age_given, age_bad, age = _given_age(r)
    _given_month_and_age(r, errors, rows & ~r.birth.given, out, age_given, age_bad, age)
    choice = r.choice
    statutory_code = [i for i, v in enumerate(choice.values) if v is RetirementChoice.STATUTORY]
    statutory = ~choice.given | np.isin(choice.index, statutory_code)
    _statutory(params, r, errors, rows & r.birth.given & statutory, out, (age_given, age_bad, age))
    for i in np.flatnonzero(rows & r.birth.given & ~statutory & errors.ok):
        _one(params, r, errors, int(i), out)
    return out


def _given_month_and_age(
    r: Roster, errors: RowErrors, rows: Mask, out: Retired, age_given: Mask, age_bad: Mask, age: Ints
) -> None:
    rm = r.retirement_month
    errors.flag(rows & (~rm.given | ~age_given), "input_invalid", "retirement_month")
    errors.flag(rows & rm.bad(), "input_invalid", "retirement_month")
    errors.flag(rows & age_bad, "input_invalid", "age")
    month = _month_index(rm)
    out.month[rows], out.age[rows], out.minimum_month[rows] = month[rows], age[rows], month[rows]


def _statutory(
    params: Params, r: Roster, errors: RowErrors, rows: Mask, out: Retired, age_in: tuple[Mask, Mask, Ints]
) -> None:
    """Statutory rows: the early refusals in order, then one scalar resolution per group."""
    flag = errors.flag
    birth = _month_index(r.birth)
    flag(rows & ~r.category.given, "input_invalid", "category")
    flag(rows & r.birth.bad(), "input_invalid", "birth")
    flag(rows & (birth > YearMonth.of(params.as_of).index), "input_invalid", "birth")
    flag(rows & r.category.bad(), "input_invalid", "category")
    rm = r.retirement_month
    flag(rows & rm.given & rm.bad(), "input_invalid", "retirement_month")
    flag(rows & r.special_type.given & r.special_type.bad(), "input_invalid", "special_type")
    flag(rows & r.special_years.given & r.special_years.bad(), "input_invalid", "special_years")
    live = rows & errors.ok
    cat = np.array([_CATEGORIES.index(v) if v is not None else 0 for v in r.category.values] + [0], np.int64)
    group, keys = groups(birth * len(_CATEGORIES) + cat[r.category.index], live)
    found = np.zeros((len(keys), 3), np.int64)
    failed: list[SocialSecError | None] = []
    for g, key in enumerate(keys.tolist()):
        b, c = divmod(key, len(_CATEGORIES))
        try:
            person = Person(None, None, YearMonth.from_index(b), _CATEGORIES[c], _STATUTORY, None, None)
            res = retirement(params, person, 0)
            found[g] = (res.month.index, res.age.total_months, res.minimum_years_month.index)
            failed.append(None)
        except SocialSecError as e:
            failed.append(e)
    errors.flag_groups(group, failed, live)
    got = found[np.where(live, group, 0)] if len(keys) else np.zeros((len(rows), 3), np.int64)
    out.month[live], out.age[live], out.minimum_month[live] = got[live, 0], got[live, 1], got[live, 2]
    flag(live & rm.given & (_month_index(rm) != out.month), "input_invalid", "retirement_month")
    age_given, age_bad, age = age_in
    flag(live & age_given & (age_bad | (age != out.age)), "input_invalid", "age")


def _raw(c: Coded, i: int) -> object:
    """The value as the column gave it (the scalar path parses it in its own order)."""
    k = int(c.index[i])
    return None if k < 0 else c.raw[k]


def _one(params: Params, r: Roster, errors: RowErrors, i: int, out: Retired) -> None:
    """A flexible or special-type row: the scalar resolution as it is."""
    mask = np.zeros(len(out.month), np.bool_)
    mask[i] = True
    age = None
    if r.age_years.given[i]:
        y, m = r.age_years, r.age_months
        bad = y.bad[i] or (m.given[i] and m.bad[i])
        age = (-1, 0) if bad else (int(y.values[i]), int(m.values[i]) if m.given[i] else 0)
    person = Person(
        _raw(r.retirement_month, i), age, _raw(r.birth, i), _raw(r.category, i), _raw(r.choice, i),
        _raw(r.special_type, i), _raw(r.special_years, i),
    )  # fmt: skip
    try:
        res = retirement(params, person, int(r.months.values[i]))
    except SocialSecError as e:
        errors.flag_error(mask, e)
        return
    out.month[i], out.age[i], out.minimum_month[i] = (
        res.month.index,
        res.age.total_months,
        res.minimum_years_month.index,
    )
