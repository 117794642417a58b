"""Money (金额) as exact ``Decimal``, rounded to 分 only where a rule says so.

Floats given as money are read through their shortest decimal text (``repr``), never their
binary expansion: ``0.1`` becomes ``Decimal("0.1")``, not ``0.1000000000000000055…``.

A rule that divides (an index ÷ 0.6, a balance ÷ 计发月数, an income ÷ 12) computes with exact
fractions (:class:`fractions.Fraction`) and rounds once, where the rule rounds: a quotient
rounded to the decimal context's precision first can land on the wrong side of half a 分.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from fractions import Fraction
from math import floor
from typing import Annotated, Any

from pydantic import BeforeValidator, PlainSerializer

from .errors import BadValue, InputError

#: One 分 (0.01 元): the unit every paid amount is rounded to. Structural, not a rate.
FEN = Decimal("0.01")


def parse_decimal(value: Any) -> Decimal:
    """Read a number exactly; raise :class:`BadValue` for bool, NaN, infinity and junk."""
    if isinstance(value, bool):
        raise BadValue("应为数值，不能是真/假", "must be a number, not a boolean")
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, float):
        result = Decimal(repr(value))  # shortest round-trip text of the float
    elif isinstance(value, str):
        try:
            result = Decimal(value.strip().replace(",", ""))
        except InvalidOperation:
            raise BadValue(f"“{value}”不是数值", f"{value!r} is not a number") from None
    else:
        raise BadValue("应为数值", f"must be a number, got {type(value).__name__}")
    if not result.is_finite():
        raise BadValue("应为有限数值", "must be a finite number")
    return result


def to_decimal(value: Any, field: str = "value", *, non_negative: bool = False) -> Decimal:
    """Convert input to ``Decimal`` exactly, or raise :class:`InputError` naming ``field``."""
    try:
        result = parse_decimal(value)
    except BadValue as e:
        raise InputError(field, e.why_zh, e.why_en) from None
    if non_negative and result < 0:
        raise InputError(field, "不能为负数", "must not be negative")
    return result


def round_fen(amount: Decimal | Fraction | int) -> Decimal:
    """Round to 分 with ROUND_HALF_UP (四舍五入到分), the rounding of the official sheets.

    An exact :class:`~fractions.Fraction` is rounded exactly: 698.025 (= 279210/400) → 698.03.
    """
    if isinstance(amount, Decimal):
        return amount.quantize(FEN, rounding=ROUND_HALF_UP)
    return round_exact(Fraction(amount), FEN)


def round_exact(value: Fraction, step: Decimal) -> Decimal:
    """Round an exact rational half-up (halves away from zero) to a multiple of ``step``.

    ``step`` is a power of ten (``Decimal("0.01")`` for 分, ``Decimal("0.1")`` for 计发月数);
    the result carries its exponent. No intermediate value is rounded.
    """
    units = value / Fraction(step)
    whole = floor(abs(units) + Fraction(1, 2))
    return (Decimal(whole if units >= 0 else -whole) * step).quantize(step)


def _money_in(value: Any) -> Decimal:
    result = parse_decimal(value)
    if result < 0:
        raise BadValue("金额不能为负数", "money must not be negative")
    return result


#: Pydantic field type for money (never negative): accepts int, float (via its text), str, Decimal;
#: serialises to a string in JSON so no precision is lost.
Money = Annotated[
    Decimal,
    BeforeValidator(_money_in),
    PlainSerializer(lambda d: str(d), return_type=str, when_used="json"),
]
