"""Who retires in a window (数据找人): statutory retirement months of a roster, and the minimum years.

For each distinct (birth month, category) — all three categories, the 2025 reform's annexes — the
scalar rule :func:`jm_socialsec.retirement.age.statutory_month` runs once and its month is
broadcast; the minimum contribution years are read once per retirement year. The rows reaching
the statutory month within ``[start, end]`` (both months included) are kept, with the refused
rows (never dropped silently).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa

from ..engine.api import field_value, public
from ..engine.errors import InputError
from ..engine.months import YearMonth
from ..engine.params import Params
from ..retirement import Category
from ..retirement.age import statutory_month
from ..retirement.contribution_years import min_years
from . import io
from .columns import Coded, Ints, Mask, coded, whole
from .errors import RowErrors
from .groups import groups
from .pension import per_group
from .results import _grouped_decimal, _interned

_YEAR = 12  # months in a year (structural)
_CATEGORIES = tuple(Category)


def _statutory(params: Params, birth: Coded, category: Coded, errors: RowErrors) -> tuple[Ints, Ints]:
    """(statutory month index, age in months) per row, refusing as ``statutory_retirement`` does."""
    errors.flag(~birth.given | birth.bad(), "input_invalid", "birth")
    errors.flag(~category.given | category.bad(), "input_invalid", "category")
    index = np.array([v.index if v is not None else 0 for v in birth.values] + [0], np.int64)[birth.index]
    errors.flag(index > YearMonth.of(params.as_of).index, "input_invalid", "birth")
    cat = np.array([_CATEGORIES.index(v) if v is not None else 0 for v in category.values] + [0], np.int64)
    rows = errors.ok
    group, keys = groups(index * len(_CATEGORIES) + cat[category.index], rows)

    def month(key: int) -> int:
        b, c = divmod(key, len(_CATEGORIES))
        return int(statutory_month(params, YearMonth.from_index(b), _CATEGORIES[c])[2].index)

    found, failed = per_group(keys, month)
    errors.flag_groups(group, failed, rows)
    months = np.array([m or 0 for m in found] + [0], np.int64)[np.where(rows, group, -1)]
    return months, months - index


def _minimum(params: Params, month: Ints, errors: RowErrors) -> tuple[Ints, list[Any], Ints]:
    rows = errors.ok
    group, years = groups(month // _YEAR, rows)
    found, failed = per_group(years, lambda y: min_years(params, YearMonth(y, 1)))
    errors.flag_groups(group, failed, rows)
    needed = np.array([int(v * _YEAR) if v is not None else 0 for v in found] + [0], np.int64)
    return needed[np.where(rows, group, -1)], found, group


def window_columns(table: pa.Table, start: YearMonth, end: YearMonth, params: Params) -> tuple[Mask, dict[str, Any]]:
    """(rows kept, result columns for every row)."""
    for name in ("birth", "category"):
        if name not in table.column_names:
            raise InputError(name, f"缺少列 {name}", f"the table has no column {name}")
    errors = RowErrors(table.num_rows)
    month, age = _statutory(
        params, coded(table, "birth", YearMonth.of), coded(table, "category", Category.parse), errors
    )
    months = whole(table, "contribution_months")
    errors.flag(months.given & months.bad, "input_invalid", "contribution_months")
    needed, minimum, group = _minimum(params, month, errors)
    ok = errors.ok
    text = np.array([str(YearMonth.from_index(int(m))) if o else "" for m, o in zip(month, ok, strict=True)], object)
    cols = {
        "statutory_month": pa.array(text, pa.string(), mask=~ok),
        "statutory_age_months": pa.array(age.astype(np.int32), mask=~ok),
        "min_contribution_years": _grouped_decimal(minimum, group, ok, 1, "min_contribution_years"),
        "missing_months": pa.array(np.maximum(0, needed - months.values).astype(np.int32), mask=~ok | ~months.given),
    }
    code, names = errors.codes()
    field, fields = errors.fields()
    cols["error_code"], cols["error_field"] = _interned(code, names, ok), _interned(field, fields, ok)
    keep = ~ok | ((month >= start.index) & (month <= end.index))
    return keep, cols


@public
def retiring_between(
    table: Any,
    start: date | YearMonth | str,
    end: date | YearMonth | str,
    *,
    as_of: date | None = None,
    overrides: Mapping[str, Any] | None = None,
    out: str | Path | None = None,
) -> Any:
    """The rows of a roster (columns ``birth``, ``category``, optionally ``contribution_months``)
    whose statutory retirement month falls in ``[start, end]``, with that month, the age, the
    minimum contribution years of that year and the months missing; refused rows are kept with
    ``error_code`` / ``error_field``. Same kinds in and out as :func:`estimate_pensions`."""
    first, last = field_value(start, "start", YearMonth.of), field_value(end, "end", YearMonth.of)
    data, kind = io.to_arrow(table)
    keep, cols = window_columns(data, first, last, Params(as_of, overrides))
    mask = pa.array(keep)
    if kind == "pandas":
        return io.back(table[keep], kind, data.filter(mask), {k: v.filter(mask) for k, v in cols.items()}, out)
    return io.back(table, kind, data.filter(mask), {k: v.filter(mask) for k, v in cols.items()}, out)
