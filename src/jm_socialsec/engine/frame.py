"""Results as pandas DataFrames (数据框), for notebooks and rosters.

``to_frame(result)`` gives one row, ``to_frame([r1, r2, …])`` one row per result (results of
different kinds share the columns they have in common; the others are empty). Columns: ``type``
(the result's class), ``as_of``, then the result's plain fields in model order:

- amounts and rates: ``Decimal`` (exact; sums stay exact), or ``float64`` with ``exact=False``
  (for plotting);
- months (``YearMonth``): ``pandas.Period`` with monthly frequency; dates: ``datetime64``;
- ages and durations (``Age``): two integer columns, ``<field>.years`` and ``<field>.months``;
- choices (regions, categories, reasons): their code; nested lists (items, steps) are left out
  (``steps_frame`` gives a result's steps).

``lang="zh"`` or ``"en"`` renames the headline fields to their labels. pandas is an optional
dependency: without it a :class:`MissingExtra` (a :class:`SocialSecError` and an ``ImportError``)
names the extra to install.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING, Any

from .errors import InputError, SocialSecError
from .months import Age, YearMonth

if TYPE_CHECKING:
    from .explain import Explained

_SKIP = object()  # a field that is not a column (nested models, lists)


class MissingExtra(SocialSecError, ImportError):
    """An optional dependency is not installed (缺少可选依赖); names the extra to install."""

    code = "extra_missing"

    def __init__(self, extra: str, package: str, also: str = "") -> None:
        self.extra, self.package = extra, package
        install = f'pip install "jm_socialsec[{extra}]"'
        super().__init__(
            f"需要 {package}：请先 {install}" + (f"（或 [{also}]）" if also else ""),
            f"{package} is needed: {install} first" + (f" (or [{also}])" if also else ""),
            extra=extra,
            package=package,
        )


def pandas() -> Any:
    """The pandas module, or :class:`MissingExtra` naming ``[notebook]`` (and ``[batch]``)."""
    try:
        import pandas as pd
    except ImportError:
        raise MissingExtra("notebook", "pandas", also="batch") from None
    return pd


def _cell(value: Any, exact: bool) -> Any:
    """A field's value as a DataFrame cell, or _SKIP."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, Decimal):
        return value if exact else float(value)
    if isinstance(value, YearMonth):
        return pandas().Period(str(value), freq="M")
    if isinstance(value, date):
        return pandas().Timestamp(value)
    if isinstance(value, Enum):
        return value.value
    return _SKIP


def _row(result: Explained, exact: bool) -> dict[str, Any]:
    row: dict[str, Any] = {"type": type(result).__name__, "as_of": pandas().Timestamp(result.as_of)}
    for name in type(result).model_fields:
        value = getattr(result, name)
        if isinstance(value, Age):
            row[f"{name}.years"], row[f"{name}.months"] = value.years, value.months
            continue
        cell = _cell(value, exact)
        if cell is not _SKIP:
            row.setdefault(name, cell)
    return row


def _checked(results: Explained | Iterable[Explained]) -> list[Explained]:
    from .explain import Explained

    items = [results] if isinstance(results, Explained) else list(results)
    for n, item in enumerate(items):
        if not isinstance(item, Explained):
            raise InputError(
                f"results[{n}]",
                f"应为测算结果，而不是 {type(item).__name__}",
                f"must be an estimate's result, not {type(item).__name__}",
            )
    return items


def _labels(results: list[Explained], lang: str) -> dict[str, str]:
    """Headline fields and their labels; a field whose label differs between kinds keeps its name."""
    labels: dict[str, set[str]] = {}
    for r in results:
        for field, zh, en in r.headline:
            labels.setdefault(field, set()).add(zh if lang == "zh" else en)
    return {field: names.pop() for field, names in labels.items() if len(names) == 1}


def _dtypes(rows: list[dict[str, Any]], columns: list[str]) -> dict[str, str]:
    """Nullable dtypes for columns of whole numbers, flags and floats (a gap stays a gap, not NaN-ised)."""
    out: dict[str, str] = {}
    for name in columns:
        cells = [row[name] for row in rows if row.get(name) is not None]
        if cells and all(isinstance(c, bool) for c in cells):
            out[name] = "boolean"
        elif cells and all(isinstance(c, int) and not isinstance(c, bool) for c in cells):
            out[name] = "Int64"
        elif cells and all(isinstance(c, float) for c in cells):
            out[name] = "float64"
    return out


def to_frame(results: Explained | Iterable[Explained], *, exact: bool = True, lang: str | None = None) -> Any:
    """One row per result: amounts as ``Decimal`` (``exact=False``: ``float64``)."""
    from .html import check_lang

    pd = pandas()
    items = _checked(results)
    rows = [_row(r, exact) for r in items]
    columns = list(dict.fromkeys(["type", "as_of", *(k for row in rows for k in row)]))
    frame = pd.DataFrame.from_records(rows, columns=columns).astype(_dtypes(rows, columns))
    if lang is not None:
        frame = frame.rename(columns=_labels(items, check_lang(lang)))
    return frame


def steps_frame(result: Explained, lang: str = "zh", *, exact: bool = True) -> Any:
    """One row per step: number, id, label, result, unit, formula, calculation, provisional."""
    from .html import check_lang

    pd = pandas()
    zh = check_lang(lang) == "zh"
    rows = [
        {
            "n": n,
            "id": s.id,
            "label": s.label_zh if zh else s.label_en,
            "result": s.result if exact or not isinstance(s.result, Decimal) else float(s.result),
            "unit": None if s.unit is None else s.unit.value,
            "formula": s.formula_zh if zh else (s.formula_en or s.formula_zh),
            "calc": s.calc,
            "provisional": any(pv.provisional for pv in s.params),
        }
        for n, s in enumerate(_checked(result)[0].steps, 1)
    ]
    return pd.DataFrame.from_records(
        rows, columns=["n", "id", "label", "result", "unit", "formula", "calc", "provisional"]
    )
