"""A roster's input columns (花名册的输入列), read and checked in the scalar path's order.

The columns are the keywords of :func:`~jm_socialsec.estimate_pension`, with the age split in
two (``age_years``, ``age_months``); a null is an argument not given (its default applies, or
the scalar path's "required" refusal). :func:`check_inputs` refuses rows exactly where
``estimate_pension`` would, with the same field, before any figure is read.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from decimal import Decimal
from typing import Any

import numpy as np
import pyarrow as pa

from ..engine.errors import InputError, SocialSecError
from ..engine.money import to_decimal
from ..engine.months import YearMonth
from ..engine.params import Params
from ..engine.regions import Region
from ..retirement import Category, RetirementChoice, SpecialWorkType
from .columns import Coded, Fixed, Mask, Whole, coded, fixed, whole
from .errors import RowErrors

#: Decimal places carried in fixed point (more go to the scalar path): indices, money.
INDEX_PLACES = 9
MONEY_PLACES = 6

COLUMNS = (
    "retirement_month", "age_years", "age_months", "birth", "category", "choice", "special_type",
    "special_years", "contribution_months", "average_index", "account_balance", "deemed_months",
    "deemed_account", "weighted_deemed_years", "deemed_months_before_1994", "index_sum_1994_1998", "region",
)  # fmt: skip


def _special_years(value: Any) -> Decimal:
    return to_decimal(value, "special_years", non_negative=True)


@dataclass(frozen=True)
class Roster:
    """The input columns of a roster, as arrays."""

    months: Whole
    index: Fixed
    balance: Fixed
    deemed: Whole
    deemed_account: Fixed
    weighted: Fixed
    before_1994: Whole
    index_sum: Fixed
    region: Coded
    retirement_month: Coded
    age_years: Whole
    age_months: Whole
    birth: Coded
    category: Coded
    choice: Coded
    special_type: Coded
    special_years: Coded

    @property
    def spill(self) -> Mask:
        """Rows with a decimal this path cannot carry exactly: computed by the scalar path."""
        out = np.zeros(len(self.months.values), np.bool_)
        for f in fields(self):
            col = getattr(self, f.name)
            if isinstance(col, Fixed):
                out |= col.spill
        return out


def read(table: pa.Table) -> Roster:
    """Every input column (absent ones as all-null)."""
    return Roster(
        months=whole(table, "contribution_months"),
        index=fixed(table, "average_index", INDEX_PLACES),
        balance=fixed(table, "account_balance", MONEY_PLACES),
        deemed=whole(table, "deemed_months"),
        deemed_account=fixed(table, "deemed_account", MONEY_PLACES),
        weighted=fixed(table, "weighted_deemed_years", INDEX_PLACES),
        before_1994=whole(table, "deemed_months_before_1994"),
        index_sum=fixed(table, "index_sum_1994_1998", INDEX_PLACES),
        region=coded(table, "region", Region.parse),
        retirement_month=coded(table, "retirement_month", YearMonth.of),
        age_years=whole(table, "age_years"),
        age_months=whole(table, "age_months"),
        birth=coded(table, "birth", YearMonth.of),
        category=coded(table, "category", Category.parse),
        choice=coded(table, "choice", RetirementChoice.parse),
        special_type=coded(table, "special_type", SpecialWorkType.parse),
        special_years=coded(table, "special_years", _special_years),
    )


def check_inputs(r: Roster, errors: RowErrors) -> None:
    """The checks ``estimate_pension`` makes before it reads a figure, in its order."""
    errors.flag(~r.months.given | r.months.bad, "input_invalid", "contribution_months")
    errors.flag(~r.index.given | r.index.bad, "input_invalid", "average_index")
    errors.flag(~r.balance.given | r.balance.bad | (r.balance.num < 0), "input_invalid", "account_balance")
    _check_deemed(r, errors)
    errors.flag(r.region.bad(), "input_invalid", "region")


def _check_deemed(r: Roster, errors: RowErrors) -> None:
    """Deemed time within the total; with deemed time, the weighted years or what derives them."""
    flag = errors.flag
    flag(r.deemed.given & r.deemed.bad, "input_invalid", "deemed_months")
    da = r.deemed_account
    flag(da.given & (da.bad | (da.num < 0)), "input_invalid", "deemed_account")
    flag(r.deemed.values > r.months.values, "input_invalid", "deemed_months")
    some = r.deemed.values > 0
    w, s = r.weighted, r.index_sum
    flag(some & w.given & (w.bad | (w.num < 0)), "input_invalid", "weighted_deemed_years")
    derive = some & ~w.given
    flag(derive & (~r.before_1994.given | ~s.given), "input_invalid", "weighted_deemed_years")
    flag(derive & r.before_1994.bad, "input_invalid", "deemed_months_before_1994")
    flag(derive & (s.bad | (s.num < 0)), "input_invalid", "index_sum_1994_1998")


def check_index(params: Params, r: Roster, errors: RowErrors) -> None:
    """0 < index ≤ the ceiling known on ``as_of`` (the first check inside the calculation)."""
    try:
        ceiling = params.value("pension.max_average_index", params.as_of)
    except SocialSecError as e:
        errors.flag_error(np.ones(len(r.index.num), np.bool_), e)
        return
    cn, cd = ceiling.as_integer_ratio()
    above = r.index.num > (cn * 10**r.index.scale) // cd  # X/10^s > cn/cd, for a whole X
    errors.flag((r.index.num <= 0) | above, InputError.code, "average_index")
