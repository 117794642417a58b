"""The public parameter lookup (参数查询): :func:`.params.lookup` behind the API's error boundary.

A caller (or a service) sends what it has: a day as ``date``, ``datetime`` (its date) or ISO
text, a month as ``YearMonth``, ``"YYYY-MM"`` or ``(year, month)`` (its first day), a key as
text or a whole number. Each is read here with the shared converters, so a bad value is an
:class:`InputError` naming ``param``, ``on``, ``as_of``, ``key`` or ``overrides``, never a raw
``TypeError``; an unknown parameter, or a date or key outside the tables, stays
:class:`NotCovered`, as :func:`.params.lookup` raises it.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from . import params
from .api import check, field_value, public
from .errors import BadValue
from .months import YearMonth, month_in
from .params import ParamValue
from .types import to_day

_NOT_A_DAY = ("应为日期（YYYY-MM-DD）或年月（YYYY-MM）", "must be a date (YYYY-MM-DD) or a year-month (YYYY-MM)")


@public
def lookup(
    param: str,
    on: date | YearMonth | str | tuple[int, int],
    as_of: date | str | None = None,
    *,
    key: str | int | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> ParamValue:
    """The value of ``param`` for the date ``on`` as known on ``as_of`` (default: today).

    ``on`` is a day, or a month (its first day). ``key`` picks one entry of a keyed parameter (an
    age, a grade, a region code; a whole number is read as its text). ``overrides`` maps parameter
    ids to caller values (what-if); an override is reported. Raises :class:`NotCovered` for an
    unknown parameter, outside the table's dates or for an unknown key; :class:`InputError`
    naming the argument for a value of the wrong kind.
    """
    check(
        isinstance(param, str) and bool(param.strip()), "param", "应为参数 id（文字）", "must be a parameter id (text)"
    )
    day = field_value(on, "on", on_day)
    known = None if as_of is None else field_value(as_of, "as_of", to_day)
    return params.lookup(param, day, known, key=field_value(key, "key", key_text), overrides=overrides)


def on_day(value: Any) -> date:
    """The day a lookup applies to: a day (``date``, ``datetime``, ISO text) or a month's first day."""
    if isinstance(value, date):
        return to_day(value)
    if isinstance(value, str):
        try:
            return to_day(value)
        except BadValue as e:
            if e.reason != "not_a_date":
                raise
        try:
            return month_in(value).first_day()
        except BadValue as e:
            if e.reason != "not_a_month":
                raise
        raise BadValue(f"“{value}”{_NOT_A_DAY[0]}", f"{value!r} {_NOT_A_DAY[1]}", reason="not_a_date") from None
    if isinstance(value, YearMonth | tuple | list):
        return month_in(value).first_day()
    raise BadValue(*_NOT_A_DAY, reason="not_a_date")


def key_text(value: Any) -> str | None:
    """A key as the tables write it: text, or a whole number's digits (``60`` → ``"60"``)."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise BadValue("应为文字或整数（如年龄 60、等级 1）", "must be text or a whole number (an age 60, a grade 1)")
