"""The result columns (结果列): amounts as exact Arrow decimals, refusals as code and field.

Rows the fixed-point path cannot carry (a decimal with more places than it keeps, a huge value)
are computed by the scalar :func:`~jm_socialsec.estimate_pension` itself and spliced in: a row
of the batch is always the call ``estimate_pension(**row)``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import numpy as np
import pyarrow as pa

from ..engine.errors import InputError, SocialSecError
from ..pension import estimate_pension
from .columns import Mask
from .errors import RowErrors
from .io import decimal_array
from .pension import Outcome
from .roster import COLUMNS

LINES = ("basic", "account", "transitional", "adjustment", "total")
_FEN = 100  # 分 in a 元 (structural)
_REQUIRED = ("contribution_months", "average_index", "account_balance")
_WHOLE = ("contribution_months", "deemed_months", "deemed_months_before_1994")


def scalar_kwargs(row: dict[str, Any]) -> dict[str, Any]:
    """The ``estimate_pension`` keywords of one row: a null is an argument not given (a required
    one is passed as None, which the scalar path refuses naming it)."""
    kw = {
        k: v for k, v in row.items() if k in COLUMNS and (v is not None or k in _REQUIRED) and not k.startswith("age_")
    }
    for k in _WHOLE:  # a whole float (a pandas column with gaps) is its integer
        if isinstance(kw.get(k), float) and kw[k].is_integer() and kw[k] >= 0:
            kw[k] = int(kw[k])
    years, months = row.get("age_years"), row.get("age_months")
    if years is not None:
        kw["age"] = (years, 0 if months is None else months)
    return kw


def spill_to_scalar(
    table: pa.Table, rows: Mask, outcome: Outcome, errors: RowErrors, as_of: Any, overrides: Any
) -> None:
    """Compute ``rows`` with the scalar path and write them into the outcome."""
    for i in np.flatnonzero(rows).tolist():
        errors.code[i] = errors.field[i] = 0
        outcome.eligible[i] = outcome.amounts[i] = False
        try:
            r = estimate_pension(**scalar_kwargs(table.slice(i, 1).to_pylist()[0]), as_of=as_of, overrides=overrides)
        except SocialSecError as e:
            errors.flag_error(_one(len(rows), i), e)
            continue
        outcome.eligible[i], outcome.missing[i] = r.eligible, r.missing_months
        if r.total is None:
            continue
        outcome.amounts[i], outcome.provisional[i] = True, r.provisional
        for name in LINES:
            outcome.lines[name][i] = int(getattr(r, name) * _FEN)
        outcome.base.append(r.base)
        outcome.base_group[i] = len(outcome.base) - 1
        outcome.annuity.append(r.annuity_months)
        outcome.annuity_group[i] = len(outcome.annuity) - 1


def _one(n: int, i: int) -> Mask:
    mask = np.zeros(n, np.bool_)
    mask[i] = True
    return mask


def _grouped_decimal(
    values: list[Decimal | None], group: np.ndarray[Any, Any], valid: Mask, places: int, name: str
) -> pa.Array:
    """A per-group Decimal broadcast to its rows, at a fixed number of places (the same schema
    for every partition); a figure with more places (an override) is refused naming it."""
    for v in values:
        if v is not None and v != v.quantize(Decimal(1).scaleb(-places)):
            raise InputError(
                "overrides", f"{name} 的值 {v} 超过 {places} 位小数", f"{name} {v} has more than {places} places"
            )
    units = np.array([int(v.scaleb(places)) if v is not None else 0 for v in values] + [0], np.int64)
    return decimal_array(units[np.where(valid, group, -1)], places, valid)


def columns(outcome: Outcome, errors: RowErrors) -> dict[str, pa.Array]:
    """The result columns, in the order of the result model."""
    ok, amounts = errors.ok, outcome.amounts & errors.ok
    code, code_names = errors.codes()
    field, field_names = errors.fields()
    out: dict[str, pa.Array] = {
        "eligible": pa.array(outcome.eligible, mask=~ok),
        "missing_months": pa.array(outcome.missing.astype(np.int32), mask=~ok),
        "base": _grouped_decimal(outcome.base, outcome.base_group, amounts, 2, "base"),
    }
    for name in LINES:
        out[name] = decimal_array(outcome.lines[name], 2, amounts)
    out["annuity_months"] = _grouped_decimal(outcome.annuity, outcome.annuity_group, amounts, 4, "annuity_months")
    out["provisional"] = pa.array(outcome.provisional, mask=~amounts)
    out["error_code"] = _interned(code, code_names, ok)
    out["error_field"] = _interned(field, field_names, ok)
    return out


def _interned(index: np.ndarray[Any, Any], names: list[str], ok: Mask) -> pa.Array:
    indices = pa.array(index.astype(np.int32), mask=ok)
    return pa.DictionaryArray.from_arrays(indices, pa.array(names, pa.string())).cast(pa.string())
