"""Calendar months (年月) and ages in months (年龄，按月计).

The law counts ages and contribution time in whole months: "retirement month = birth month +
retirement age" and "缴费年限 = months / 12". :class:`YearMonth` is a calendar month;
:class:`Age` is ``(years, months)`` and is a plain tuple, so ``age == (60, 1)`` works.
"""

from __future__ import annotations

import functools
import re
from calendar import monthrange
from datetime import date
from decimal import Decimal
from typing import Any, NamedTuple

from pydantic import GetCoreSchemaHandler
from pydantic_core import core_schema

from .errors import BadValue
from .limits import EARLIEST_YEAR, LATEST_YEAR

_YM = re.compile(r"^\s*(\d{4})[-/.年](\d{1,2})月?\s*$")
_MONTHS_PER_YEAR = 12
_NOT_MONTH = "not_a_month"  # the stable reason code of a bad year-month
#: A year-month in JSON (what ``str(YearMonth)`` writes).
_YM_JSON = r"^\d{4}-(0[1-9]|1[0-2])$"


class YearMonth:
    """A calendar month. Ordered, hashable, month arithmetic with ``+ n`` and ``a - b``."""

    __slots__ = ("_index",)

    def __init__(self, year: int, month: int) -> None:
        if not 1 <= month <= _MONTHS_PER_YEAR:
            raise BadValue(f"月份 {month} 不在 1–12", f"month {month} is not in 1-12", reason=_NOT_MONTH)
        if not 1 <= year <= 9999:
            raise BadValue(f"年份 {year} 无效", f"year {year} is invalid", reason=_NOT_MONTH)
        self._index = year * _MONTHS_PER_YEAR + (month - 1)

    # -- construction -------------------------------------------------------------------
    @classmethod
    def from_index(cls, index: int) -> YearMonth:
        return cls(index // _MONTHS_PER_YEAR, index % _MONTHS_PER_YEAR + 1)

    @classmethod
    def of(cls, value: Any) -> YearMonth:
        """Accept ``YearMonth``, ``date`` (its month), ``"YYYY-MM"`` or ``(year, month)``.

        A year read from text or a pair must be within the library's sanity limits (:mod:`.limits`,
        1900–2200); a ``date`` or ``YearMonth`` (bounded by construction) is taken as it is, since
        rules convert their own dates here too — input models check those with :func:`month_in`.
        """
        if isinstance(value, YearMonth):
            return value
        if isinstance(value, date):
            return cls(value.year, value.month)
        if isinstance(value, str):
            m = _YM.match(value)
            if not m:
                raise BadValue(f"“{value}”不是 YYYY-MM 格式的年月", f"{value!r} is not YYYY-MM", reason=_NOT_MONTH)
            return _in_years(cls(int(m.group(1)), int(m.group(2))))
        if isinstance(value, tuple | list) and len(value) == 2:
            year, month = (whole(part, "年月", "a year-month", _NOT_MONTH) for part in value)
            _check_year(year)
            return cls(year, month)
        raise BadValue("应为年月（YYYY-MM）", f"must be a year-month (YYYY-MM), got {value!r}", reason=_NOT_MONTH)

    # -- views -----------------------------------------------------------------------------
    @property
    def year(self) -> int:
        return self._index // _MONTHS_PER_YEAR

    @property
    def month(self) -> int:
        return self._index % _MONTHS_PER_YEAR + 1

    @property
    def index(self) -> int:
        """Months since year 0: differences of indices are month counts."""
        return self._index

    def first_day(self) -> date:
        return _first_day(self._index)

    def last_day(self) -> date:
        return date(self.year, self.month, monthrange(self.year, self.month)[1])

    # -- arithmetic ------------------------------------------------------------------------
    def __add__(self, months: int) -> YearMonth:
        if not isinstance(months, int):
            return NotImplemented
        return YearMonth.from_index(self._index + months)

    def __sub__(self, other: YearMonth | int) -> Any:
        if isinstance(other, YearMonth):
            return self._index - other._index
        if isinstance(other, int):
            return YearMonth.from_index(self._index - other)
        return NotImplemented

    def add_years(self, years: int) -> YearMonth:
        return self + years * _MONTHS_PER_YEAR

    # -- comparison, hashing, text ---------------------------------------------------------
    def __eq__(self, other: object) -> bool:
        return isinstance(other, YearMonth) and self._index == other._index

    def __lt__(self, other: YearMonth) -> bool:
        return self._index < other._index

    def __le__(self, other: YearMonth) -> bool:
        return self._index <= other._index

    def __gt__(self, other: YearMonth) -> bool:
        return self._index > other._index

    def __ge__(self, other: YearMonth) -> bool:
        return self._index >= other._index

    def __hash__(self) -> int:
        return hash(self._index)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    def __repr__(self) -> str:
        return f"YearMonth({self.year}, {self.month})"

    def zh(self) -> str:
        return f"{self.year}年{self.month}月"

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> Any:
        text = core_schema.str_schema(pattern=_YM_JSON)
        return core_schema.no_info_plain_validator_function(
            cls.of,
            json_schema_input_schema=text,
            # The JSON form is "YYYY-MM" both ways: services read the same schema they send.
            serialization=core_schema.plain_serializer_function_ser_schema(str, return_schema=text),
        )


def whole(value: Any, what_zh: str, what_en: str, reason: str) -> int:
    """A whole number from an int or a numeral (text, ``Decimal``, float) that is one.

    Its size is checked before ``int()`` (:func:`~.money.parse_decimal`): ``int(Decimal("1E+999999"))``
    would cost seconds. A bool, ``None`` or a fraction is refused with :class:`BadValue`.
    """
    from .money import parse_decimal  # money imports nothing from here; lazy keeps the import graph flat

    if isinstance(value, int) and not isinstance(value, bool) and abs(value) <= _SMALL:
        return value
    if isinstance(value, bool) or not isinstance(value, int | str | Decimal | float):
        raise BadValue(f"{what_zh}应为整数", f"{what_en} must be whole numbers", reason=reason)
    try:
        number = parse_decimal(value)
    except BadValue as e:
        raise BadValue(f"{what_zh}：{e.why_zh}", f"{what_en}: {e.why_en}", reason=reason) from None
    if number != number.to_integral_value():
        raise BadValue(f"{what_zh}应为整数", f"{what_en} must be whole numbers", reason=reason)
    return int(number)


_SMALL = 10**6  # an int this small needs no reading


def _check_year(year: int) -> None:
    if not EARLIEST_YEAR <= year <= LATEST_YEAR:
        raise BadValue(
            f"年份 {year} 不在 {EARLIEST_YEAR}–{LATEST_YEAR} 之间（本库的合理范围）",
            f"year {year} is not within {EARLIEST_YEAR}-{LATEST_YEAR} (the library's sanity limits)",
            reason="out_of_range",
        )


def _in_years(month: YearMonth) -> YearMonth:
    _check_year(month.year)
    return month


def month_in(value: Any) -> YearMonth:
    """An input's year-month (:meth:`YearMonth.of`) in the sanity years, whatever its form."""
    return _in_years(YearMonth.of(value))


class Age(NamedTuple):
    """An age or a duration in whole years and months (岁/年 + 个月); a tuple ``(years, months)``."""

    years: int
    months: int = 0

    @classmethod
    def from_months(cls, total: int) -> Age:
        if total < 0:
            raise BadValue("月数不能为负", "a month count must not be negative")
        return cls(total // _MONTHS_PER_YEAR, total % _MONTHS_PER_YEAR)

    @classmethod
    def of(cls, value: Any) -> Age:
        """Accept an ``Age``, ``(years, months)`` or a whole number of years; normalise months."""
        if isinstance(value, int) and not isinstance(value, bool):
            years, months = value, 0
        elif isinstance(value, tuple | list) and len(value) == 2:
            years, months = (whole(part, "（年, 月）", "(years, months)", "invalid") for part in value)
        else:
            raise BadValue("应为（年, 月）", f"must be (years, months), got {value!r}")
        if years < 0 or not 0 <= months < _MONTHS_PER_YEAR:
            raise BadValue("年应≥0，月应在 0–11", "years must be >= 0 and months in 0-11")
        return cls(years, months)

    @property
    def total_months(self) -> int:
        return self.years * _MONTHS_PER_YEAR + self.months

    def zh(self) -> str:
        return f"{self.years}岁{self.months}个月" if self.months else f"{self.years}岁"

    def en(self) -> str:
        return f"{self.years} y {self.months} m"


def age_in_months(birth: YearMonth, on: YearMonth) -> int:
    """Age in whole months, counted by calendar month as the retirement rules do.

    An age of N months is reached in the month ``birth + N`` (办法: "到达…年龄的当月").
    """
    return on - birth  # type: ignore[no-any-return]


def age_on(birth: date, on: date) -> Age:
    """Completed age on a calendar day (周岁, full months), e.g. for eligibility checks."""
    from dateutil.relativedelta import relativedelta  # lazy: keeps the package import fast

    if on < birth:
        raise BadValue("日期早于出生日期", "the date is before the birth date")
    delta = relativedelta(on, birth)
    return Age(delta.years, delta.months)


def months_to_years(months: int) -> tuple[int, int]:
    """Split a month count into whole years and the remaining months."""
    return divmod(months, _MONTHS_PER_YEAR)


@functools.lru_cache(maxsize=4096)
def _first_day(index: int) -> date:
    """The first day of the month ``index`` (months since year 0): every dated read asks it."""
    year, month = divmod(index, _MONTHS_PER_YEAR)
    return date(year, month + 1, 1)
