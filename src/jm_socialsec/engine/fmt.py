"""Numbers for people (格式): the locale's symbols from babel (CLDR), loaded once per language.

babel's ``format_decimal`` parses its pattern and looks its locale up on every call (about
60 µs here). The locale's grouping and decimal symbols are read from babel once per language;
each number is then laid out by Python's own formatter (about 1 µs), exactly: at least two
decimals for money (分), every further digit the exact value has.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from typing import Any

LOCALES = {"zh": "zh_CN", "en": "en"}
FEN = Decimal("0.01")  # at least two decimals in an amount (structural)


@cache
def _locale(lang: str) -> Any:
    from babel import Locale  # lazy: babel is only needed to print

    return Locale.parse(LOCALES.get(lang, "zh_CN"))


@cache
def _symbols(lang: str) -> tuple[str, str]:
    """(group, decimal) symbols of the language's locale, from CLDR via babel."""
    symbols = _locale(lang).number_symbols
    latn = symbols.get("latn", symbols)  # babel ≥ 2.14 keys symbols by numbering system
    return str(latn["group"]), str(latn["decimal"])


def money(value: Decimal, lang: str = "zh") -> str:
    """An amount grouped by thousands with at least two decimals: 184000 → 184,000.00."""
    text = str(value) if type(value) is Decimal else "E"
    if "E" not in text and len(text) < 24 and value.is_finite() and _plain_symbols(lang):
        # written without an exponent (the common case): its digits grouped, its decimals
        # without trailing zeros but at least two — as the pattern below writes them
        head, _, tail = text.partition(".")
        if len(tail) != 2:
            tail = tail.rstrip("0")
            tail += "00"[len(tail) :]  # at least two decimals
        if len(head) < 4:  # (so "-0" keeps its sign)
            return f"{head}.{tail}"
        if len(head) < 7 and head[0] != "-":
            return f"{head[:-3]},{head[-3:]}.{tail}"
        return f"{int(head):,}.{tail}"
    exponent = value.as_tuple().exponent
    if exponent != -2 or value.adjusted() >= 25:  # an amount in 分 already shows as it is
        value = value.normalize()  # 5509.800 → 5509.8 (then 5509.80), as babel's pattern shows it
        exponent = value.as_tuple().exponent
        if isinstance(exponent, int) and exponent > -2:
            value = value.quantize(FEN) if value.adjusted() < 25 else value
    text = f"{value:,f}"
    group, decimal = _symbols(lang)
    if (group, decimal) != (",", "."):
        text = text.replace(",", "\0").replace(".", decimal).replace("\0", group)
    return text


@cache
def _plain_symbols(lang: str) -> bool:
    """Whether the language groups with "," and marks decimals with "." (Python's own way)."""
    return _symbols(lang) == (",", ".")


def plain(value: Decimal) -> str:
    """An exact decimal without an exponent, as ``format(value, "f")`` writes it (1E+3 → 1000),
    at a third of its cost: ``str`` writes the same unless it uses an exponent (a subclass may
    write itself otherwise: it is formatted)."""
    if type(value) is not Decimal:
        return format(value, "f")
    text = str(value)
    return text if "E" not in text else format(value, "f")


def percent(rate: Decimal) -> str:
    """A rate as a percentage, exact: 0.012 → 1.2%."""
    return f"{(rate * 100).normalize():f}%"
