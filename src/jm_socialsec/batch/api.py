"""The batch functions (批量测算): :func:`estimate_pensions` and :func:`retiring_between`."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow as pa

from ..engine.api import public
from ..engine.errors import InputError
from ..engine.params import Params
from . import io
from .errors import RowErrors
from .fast import fast_columns
from .pension import estimate
from .results import columns, spill_to_scalar
from .roster import read

_REQUIRED = ("contribution_months", "average_index", "account_balance")


def check_columns(table: pa.Table) -> None:
    """Refuse a table no row of which could be estimated, naming the missing column."""
    names = set(table.column_names)
    for name in _REQUIRED:
        if name not in names:
            raise InputError(name, f"缺少列 {name}", f"the table has no column {name}")
    if not ({"birth", "category"} <= names or {"retirement_month", "age_years"} <= names):
        raise InputError(
            "birth",
            "须有列 birth 和 category，或 retirement_month 和 age_years（及 age_months）",
            "the table needs columns birth and category, or retirement_month and age_years (and age_months)",
        )


def pension_columns(
    table: pa.Table, as_of: date | None = None, overrides: Mapping[str, Any] | None = None
) -> dict[str, pa.Array]:
    """The result columns for an Arrow table (a pure function of a partition: Dask maps it).

    The rows the fast path takes (:mod:`.fast`) are computed there; the others, or every row when
    it takes none, by :func:`general_columns`.
    """
    check_columns(table)
    params = Params(as_of, overrides)
    fast = fast_columns(table, params, overrides, lambda rows: general_columns(rows, params, overrides))
    return fast if fast is not None else general_columns(table, params, overrides)


def general_columns(table: pa.Table, params: Params, overrides: Mapping[str, Any] | None) -> dict[str, pa.Array]:
    """Every row through the general path: any input form, grouped look-ups, exact lines."""
    roster = read(table)
    errors = RowErrors(table.num_rows)
    outcome = estimate(params, roster, errors)
    spill = roster.spill
    if spill.any():
        spill_to_scalar(table, spill, outcome, errors, params.as_of, overrides)
    return columns(outcome, errors)


@public
def estimate_pensions(
    table: Any,
    *,
    as_of: date | None = None,
    overrides: Mapping[str, Any] | None = None,
    out: str | Path | None = None,
) -> Any:
    """Estimate the pension of every row of a roster, exactly as :func:`estimate_pension` would.

    ``table``: an Arrow table, a pandas or polars DataFrame, or a Parquet / CSV path, with one
    column per keyword of ``estimate_pension`` (the age as ``age_years`` and ``age_months``).
    Returns the same kind with the result columns appended (``eligible``, ``missing_months``,
    ``base``, ``basic``, ``account``, ``transitional``, ``adjustment``, ``total``,
    ``annuity_months``, ``provisional``, ``error_code``, ``error_field``); with ``out``, writes
    Parquet (or CSV by its suffix) there and returns the path. A row the scalar path refuses keeps
    its place with the scalar path's error code and field.
    """
    data, kind = io.to_arrow(table)
    return io.back(table, kind, data, pension_columns(data, as_of, overrides), out)
