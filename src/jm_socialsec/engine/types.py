"""Shared input types (输入类型): one converter per kind of value, for every model and function.

Pydantic ``Annotated`` types that accept what callers send — a ``date``, a ``datetime`` (its
date), an ISO string; a year-month as ``YearMonth``, ``date``, ``"YYYY-MM"`` or ``(y, m)``;
money and indices exactly (floats through their text, never NaN or infinity); a region by code
or Chinese name — and refuse the rest with a bilingual message. Used in input models
(``class X(BaseModel): month: MonthIn``) and by :func:`convert` in the public functions, so
that one kind of value is read the same way everywhere.
"""

from __future__ import annotations

import unicodedata
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any, TypeVar

from pydantic import BeforeValidator, TypeAdapter, ValidationError

from .errors import BadValue, InputError
from .limits import EARLIEST_YEAR, LATEST_YEAR, MOST_MONTHS
from .money import MONEY_JSON, parse_decimal, read_decimal
from .months import YearMonth, month_in
from .regions import parse_region

T = TypeVar("T")
_DATE = "not_a_date"  # the stable reason code of a bad day


def to_day(value: Any) -> date:
    """A calendar day from a ``date``, a ``datetime`` (its date) or ISO text (a date, or a date and
    time; full-width digits too), in the years of the library's sanity limits (:mod:`.limits`)."""
    if isinstance(value, datetime):
        return _in_years(value.date())
    if isinstance(value, date):
        return _in_years(value)
    if isinstance(value, str):
        try:
            day = _iso_day(unicodedata.normalize("NFKC", value).strip())
        except ValueError:
            raise BadValue(
                f"“{value}”不是日期（YYYY-MM-DD）", f"{value!r} is not a date (YYYY-MM-DD)", reason=_DATE
            ) from None
        return _in_years(day)
    raise BadValue("应为日期（YYYY-MM-DD）", f"must be a date (YYYY-MM-DD), got {type(value).__name__}", reason=_DATE)


def _iso_day(text: str) -> date:
    """``YYYY-MM-DD``, or an ISO date and time (``datetime.now().isoformat()``): the date as written."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        return datetime.fromisoformat(text).date()


def _in_years(day: date) -> date:
    if not EARLIEST_YEAR <= day.year <= LATEST_YEAR:
        raise BadValue(
            f"日期 {day} 不在 {EARLIEST_YEAR}–{LATEST_YEAR} 年之间（本库的合理范围）",
            f"the day {day} is not within the years {EARLIEST_YEAR}-{LATEST_YEAR} (the library's sanity limits)",
            reason="out_of_range",
        )
    return day


def to_money(value: Any) -> Decimal:
    """An amount in yuan, exact, not negative."""
    number = parse_decimal(value)
    if number < 0:
        raise BadValue("金额不能为负数", "an amount must not be negative", reason="negative")
    return number


def to_index(value: Any) -> Decimal:
    """A contribution index (缴费指数), exact, not negative."""
    number = parse_decimal(value)
    if number < 0:
        raise BadValue("缴费指数不能为负数", "an index must not be negative", reason="negative")
    return number


def to_months(value: Any) -> int:
    """A whole number of months, not negative, within the sanity limit (a bool or a fraction is refused)."""
    if isinstance(value, bool) or not isinstance(value, int | str | Decimal | float):
        raise BadValue("应为整数个月", "must be a whole number of months", reason="not_whole")
    number = parse_decimal(value)
    if number != number.to_integral_value() or number < 0:
        raise BadValue("应为非负整数个月", "must be a whole, non-negative number of months", reason="not_whole")
    return months_within(int(number))


def months_within(count: int) -> int:
    """A count of months no longer than the sanity limit (:data:`.limits.MOST_MONTHS`).

    The refusal does not quote the count: a number this large is more likely an ID number than months.
    """
    if count > MOST_MONTHS:
        raise BadValue(
            f"超过 {MOST_MONTHS} 个月（本库的合理上限：{EARLIEST_YEAR}–{LATEST_YEAR} 年之间的月数）",
            f"is above {MOST_MONTHS} months (the library's sanity limit: the months from {EARLIEST_YEAR} "
            f"to {LATEST_YEAR})",
            reason="out_of_range",
        )
    return count


DayIn = Annotated[date, BeforeValidator(to_day)]
MonthIn = Annotated[YearMonth, BeforeValidator(month_in)]
MoneyIn = Annotated[Decimal, BeforeValidator(to_money)]
IndexIn = Annotated[Decimal, BeforeValidator(to_index)]
MonthsIn = Annotated[int, BeforeValidator(to_months)]
RegionIn = Annotated[Any, BeforeValidator(parse_region)]

#: A result's amount that may be negative (a difference between two amounts), exact, in JSON a
#: string of at least two decimals like :data:`~.money.Money`; ``Money`` itself is never negative.
SignedMoney = Annotated[Decimal, BeforeValidator(read_decimal), MONEY_JSON]


def convert(kind: Any, value: Any, field: str) -> Any:
    """Read ``value`` as the input type ``kind`` (e.g. :data:`MonthIn`), naming ``field`` on error."""
    try:
        return _adapter(kind).validate_python(value)
    except ValidationError as e:
        cause = e.errors()[0].get("ctx", {}).get("error")
        if isinstance(cause, InputError):
            raise InputError(field, cause.why_zh, cause.why_en, reason=cause.reason) from None
        raise InputError(field, "输入无效", str(e.errors()[0]["msg"])) from None


_ADAPTERS: dict[int, TypeAdapter[Any]] = {}


def _adapter(kind: Any) -> TypeAdapter[Any]:
    adapter = _ADAPTERS.get(id(kind))
    if adapter is None:
        adapter = _ADAPTERS[id(kind)] = TypeAdapter(kind)
    return adapter
