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

from pydantic import BeforeValidator, PlainSerializer, StringConstraints

from .errors import BadValue, InputError
from .limits import FINEST_DECIMALS, LARGEST_AMOUNT

#: One 分 (0.01 元): the unit every paid amount is rounded to. Structural, not a rate.
FEN = Decimal("0.01")
_NAN = "not_a_number"  # the stable reason code of a value that is no number


def parse_decimal(value: Any) -> Decimal:
    """Read an input number exactly; raise :class:`BadValue` for bool, NaN, infinity, junk and
    numbers outside the library's sanity limits (:mod:`~.limits`), each refused in microseconds."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > _LARGEST_INT:
        raise _too_large()  # before Decimal(value): converting a huge int costs seconds
    result = read_decimal(value)
    if abs(result) > LARGEST_AMOUNT:  # a cheap comparison, even for Decimal("1E+999999")
        raise _too_large()
    exponent = result.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -FINEST_DECIMALS:
        raise BadValue(
            f"小数位数超过本库的合理上限（{FINEST_DECIMALS} 位）",
            f"has more than {FINEST_DECIMALS} decimal places, the library's sanity limit",
            reason="out_of_range",
        )
    return result


_LARGEST_INT = int(LARGEST_AMOUNT)


def _too_large() -> BadValue:
    return BadValue(
        "数值超过本库的合理上限（10¹²）", "is above the library's sanity limit (10^12)", reason="out_of_range"
    )


def read_decimal(value: Any) -> Decimal:
    """Read a number exactly (any magnitude); raise :class:`BadValue` for bool, NaN, infinity and junk."""
    if isinstance(value, bool):
        raise BadValue("应为数值，不能是真/假", "must be a number, not a boolean", reason=_NAN)
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
            raise BadValue(f"“{value}”不是数值", f"{value!r} is not a number", reason=_NAN) from None
    else:
        raise BadValue("应为数值", f"must be a number, got {type(value).__name__}", reason=_NAN)
    if not result.is_finite():
        raise BadValue("应为有限数值", "must be a finite number", reason=_NAN)
    return result


def to_decimal(value: Any, field: str = "value", *, non_negative: bool = False) -> Decimal:
    """Convert input to ``Decimal`` exactly, or raise :class:`InputError` naming ``field``."""
    if type(value) is Decimal:  # the common, already exact input: the same checks, inline
        exponent = value.as_tuple().exponent
        if (
            value.is_finite()
            and -LARGEST_AMOUNT <= value <= LARGEST_AMOUNT
            and exponent >= -FINEST_DECIMALS  # type: ignore[operator]  # finite: an int
            and not (non_negative and value < 0)
        ):
            return value
    elif type(value) is str:  # text: without an exponent, its length bounds its decimals
        text = value.strip().replace(",", "")
        if len(text) < FINEST_DECIMALS and "e" not in text and "E" not in text:
            try:
                number = Decimal(text)
            except InvalidOperation:
                number = None  # the full path says why
            if (
                number is not None
                and number.is_finite()
                and -LARGEST_AMOUNT <= number <= LARGEST_AMOUNT
                and not (non_negative and number < 0)
            ):
                return number
    return _checked_decimal(value, field, non_negative)


def _checked_decimal(value: Any, field: str, non_negative: bool) -> Decimal:
    try:
        result = parse_decimal(value)
    except BadValue as e:
        raise InputError(field, e.why_zh, e.why_en, reason=e.reason) from None
    if non_negative and result < 0:
        raise InputError(field, "不能为负数", "must not be negative", reason="negative")
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
    result = read_decimal(value)  # a result's amount: no input limit (a grant can exceed any wage)
    if result < 0:
        raise BadValue("金额不能为负数", "money must not be negative", reason="negative")
    return result


def money_text(amount: Decimal) -> str:
    """Money for JSON: at least two decimals ("9493.00", never "9493"), never rounded, no exponent.

    An amount already in 分 (or coarser) gains its zeros exactly; a finer one (an unrounded
    intermediate) keeps every digit, so the text is always the exact value.
    """
    if amount.is_finite() and amount == amount.quantize(FEN):  # in 分 or coarser: zeros added exactly
        amount = amount.quantize(FEN)
    return format(amount, "f")


def fen_text(amount: Decimal) -> str:
    """:func:`money_text`'s text, from ``str`` where that has no exponent (the common amount in
    分 costs a third as much; a test compares the two over generated decimals)."""
    text = str(amount) if type(amount) is Decimal else "E"
    if "E" in text or len(text) >= 24 or not amount.is_finite():
        return money_text(amount)
    head, _, tail = text.partition(".")
    if len(tail) == 2:  # in 分: as it is
        return text
    decimals = tail.rstrip("0")
    if len(decimals) > 2:  # finer than 分: every digit
        return text
    return f"{head}.{decimals}{'00'[len(decimals) :]}"  # at least two decimals


def decimal_text(value: Decimal) -> str:
    """A rate, index or count for JSON: the exact decimal, without an exponent ("0.08", "1000")."""
    return format(value, "f")


#: Money in JSON: a string of at least two decimals (the schema says so with a pattern).
MONEY_PATTERN = r"^-?\d+\.\d{2,}$"

#: Money's JSON form, shared by every money type (the signed one too).
MONEY_JSON = PlainSerializer(
    fen_text, return_type=Annotated[str, StringConstraints(pattern=MONEY_PATTERN)], when_used="json"
)

#: Pydantic field type for money (never negative): accepts int, float (via its text), str, Decimal;
#: serialises to a string with two decimals in JSON so no precision is lost and 分 always show.
Money = Annotated[Decimal, BeforeValidator(_money_in), MONEY_JSON]
