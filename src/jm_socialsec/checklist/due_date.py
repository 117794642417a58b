"""The due date (办结时限): the 19th Chinese working day after the day of application.

Sources: Jiangmen's bundle is finished "19个工作日内办结" (江门日报, 2025; secondary: the bureau's
own notice was not read), table ``checklist.time_limit_working_days``. A period counted in days
starts on the next day (民法典 第二百零一条): the day of application is not counted.

Working days are those of the ``holidays`` package (China): weekends and statutory holidays off,
make-up working weekends (调休) on, as the State Council's yearly notices fix them. The notice
for a year appears around November of the year before; table
``checklist.holiday_schedule_published_through`` records, by publication date, the last year
published. Read on ``as_of`` and capped by the last year the installed package lists make-up
days for, it says whether a due date is certain or an estimate (weekends and statutory
holidays only; the checklist errs on the safe side and says so).

Limits: the launch date of the bundle within 2025 was not collected (the time limit is dated
from 2025-01-01; an application before is ``NotCovered``).

Thread safety: ``holidays`` fills a calendar's years lazily, on first use, and that is not
thread-safe; every use of the one shared calendar (:func:`_china`) holds :data:`_CALENDAR_LOCK`.
"""

from __future__ import annotations

import threading
from datetime import date
from functools import cache
from typing import TYPE_CHECKING

from ..engine.months import YearMonth
from ..engine.params import At
from ..engine.tables import Unit
from ..engine.trace import rule

if TYPE_CHECKING:
    from holidays import HolidayBase

_CIVIL_CODE_201 = "民法典 第二百零一条 (按照年、月、日计算期间的，开始的当日不计入)"


@cache
def _package_schedule_through() -> int | None:
    """The last year the installed ``holidays`` package lists State Council make-up days for.

    Read from ``ChinaStaticHolidays.special_public_holidays`` (one entry per published notice);
    None if the package no longer exposes it (then the table alone decides).
    """
    from holidays.countries.china import ChinaStaticHolidays  # lazy: import time matters

    years = getattr(ChinaStaticHolidays, "special_public_holidays", None)
    return max(years) if isinstance(years, dict) and years else None


#: ``holidays`` fills a calendar's years lazily, on first use, and that is not thread-safe
#: (threads that first touch a year together saw half-filled years: due dates days off).
#: Every use of the shared calendar holds this lock; services run handlers in threads.
_CALENDAR_LOCK = threading.Lock()


@cache
def _china() -> HolidayBase:
    """One China calendar per process; it adds years as they are asked for (under the lock)."""
    import holidays  # lazy: import time matters

    return holidays.country_holidays("CN")


def working_days_after(start: date, n: int) -> date:
    """The ``n``-th Chinese working day after ``start`` (``start`` itself is not counted).

    Weekends and statutory holidays are off, make-up working weekends (调休) are on, as the
    ``holidays`` package has them from the State Council notices.
    """
    with _CALENDAR_LOCK:
        return _china().get_nth_working_day(start, n)


def is_working_day(day: date) -> bool:
    """Whether ``day`` is a Chinese working day (make-up weekends included)."""
    with _CALENDAR_LOCK:
        return _china().is_working_day(day)


# ---------------------------------------------------------------------------------------------
# Rules


@rule("checklist.time_limit", ref="江门 退休“一件事”: “19个工作日内办结” (江门日报, 2025)", unit=Unit.DAYS, step=False)
def time_limit(at: At) -> int:
    """办结时限: the working days the bundle takes, for an application on this date."""
    return int(at("checklist.time_limit_working_days"))


@rule("checklist.holiday_schedule_through", ref="国务院办公厅 部分节假日安排的通知 (each year's)", step=False)
def holiday_schedule_through(at: At) -> int:
    """The last year whose 放假调休安排 was published on ``as_of`` (and is in the package)."""
    as_known = at.at(at.params.as_of)
    published: YearMonth = as_known.get("checklist.holiday_schedule_published_through").value
    package = _package_schedule_through()
    return published.year if package is None else min(published.year, package)


@rule("checklist.due_date", ref=_CIVIL_CODE_201)
def due_date(at: At, apply_on: date) -> date:
    """预计办结日期: the ``time_limit``-th working day after ``apply_on`` (that day not counted),
    counted on the calendar published through ``holiday_schedule_through``."""
    limit = time_limit(at)
    holiday_schedule_through(at)  # the calendar counted on: shown in the line's note
    return working_days_after(apply_on, limit)


@rule("checklist.due_date_is_estimate", ref="国务院办公厅 部分节假日安排的通知 (not yet published)", step=False)
def due_date_is_estimate(at: At, due: date, through: int) -> bool:
    """A due date in a year whose holiday notice was not published on ``as_of`` is an estimate."""
    if due.year <= through:
        return False
    at.notice(
        "checklist.due_date_estimate",
        param="checklist.holiday_schedule_published_through",
        year=due.year,
        as_of=at.params.as_of,
        through=through,
    )
    return True
