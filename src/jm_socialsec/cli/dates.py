"""Dates for people (日期格式): the output language's own form, from CLDR through babel.

2026-05-01 is "2026年5月1日" in Chinese and "May 1, 2026" in English; a month is "2026年5月" /
"May 2026". Used by the short answer; the full explanation keeps ISO dates (its snapshots are
the record a citizen takes away).
"""

from __future__ import annotations

from datetime import date

from ..engine.fmt import LOCALES
from ..engine.months import YearMonth


def day_text(day: date, lang: str = "zh") -> str:
    """A calendar day in the language's long form."""
    from babel.dates import format_date  # lazy: only needed to print

    return str(format_date(day, "long", locale=LOCALES.get(lang, "zh_CN")))


def month_text(month: YearMonth, lang: str = "zh") -> str:
    """A year-month in the language's form (CLDR skeleton yMMMM)."""
    from babel.dates import format_skeleton

    return str(format_skeleton("yMMMM", date(month.year, month.month, 1), locale=LOCALES.get(lang, "zh_CN")))
