"""Exact numbers of the pension rules (精确计算): ratios stay exact, a line is one division.

The 基本养老金核定表 prints each line in 分, rounded half-up once; the inputs of a line are exact
decimals and small integers, and the only non-terminating operations are divisions (÷ 12, ÷ 0.6,
÷ 计发月数). So a line is computed as one integer numerator over one integer denominator and
divided once (:func:`quotient`), and the engine applies the rounding the rule declares. Python's
``Fraction`` would be as exact but costs a microsecond or two per operation; integers cost little.

A ratio that is itself shown on the sheet (缴费年限 208 ÷ 12, a = 0.5241 ÷ 0.6, 加权视同年数) is kept
exact as a :class:`Ratio` and only *printed* to 4 places, as the explanation always has; the line
that uses it computes with the exact value. :class:`Months` and :class:`Mixed` print the survivors'
months of 人社部发〔2021〕18号 as a decimal (22.75) and as whole + fraction (22 + 3/4).
"""

from __future__ import annotations

from decimal import Context, Decimal
from fractions import Fraction

#: Decimals carried exactly by :func:`quotient` before its sticky digit (structural).
_DIGITS = 12
_SCALE = 10**_DIGITS
_WIDE = Context(prec=10_000)  # building the quotient never rounds
_SHOWN = Decimal("0.0001")  # ratios are printed to 4 places (display only)
_SHOWN_PLACES = -int(_SHOWN.as_tuple().exponent)
_SHOWN_UNITS = 10**_SHOWN_PLACES


def quotient(numerator: int, denominator: int) -> Decimal:
    """``numerator ÷ denominator`` as a Decimal that rounds exactly like the fraction.

    The result carries 12 exact decimals and one sticky digit (1 when the remainder is not zero), so
    rounding it half-up to any step from 10⁻¹¹ up gives the same result as rounding the exact
    fraction: a value below half a step stays below it, an exact half stays exact. Use it only in
    a rule whose rounding is declared (the unrounded value is not the exact one).
    """
    if denominator < 0:
        numerator, denominator = -numerator, -denominator
    sign = -1 if numerator < 0 else 1
    whole, rest = divmod(abs(numerator) * _SCALE, denominator)
    digits = whole * 10 + (1 if rest else 0)
    return Decimal(sign * digits).scaleb(-_DIGITS - 1, _WIDE)


def round_half_up(numerator: int, denominator: int, step: Decimal) -> Decimal:
    """``numerator ÷ denominator`` (≥ 0) rounded half-up to ``step`` (a power of ten), exactly."""
    sn, sd = step.as_integer_ratio()
    # units = n / (d × step) = n·sd / (d·sn); half-up: ⌊units + ½⌋ = ⌊(2·n·sd + d·sn) / (2·d·sn)⌋
    units = (2 * numerator * sd + denominator * sn) // (2 * denominator * sn)
    return (Decimal(units) * step).quantize(step)


def shown(value: Fraction) -> Decimal:
    """A ratio printed to 4 places, half-up (display only)."""
    return round_half_up(value.numerator, value.denominator, _SHOWN)


class Ratio(Fraction):
    """An exact ratio, printed to 4 places (缴费年限 17.3333, a 0.8735, 加权视同年数 10.5000)."""

    __slots__ = ()

    def __str__(self) -> str:
        n, d = self.numerator, self.denominator
        if n < 0:
            return str(shown(self))
        # shown(self)'s text in integers (an explanation prints a few ratios per estimate)
        whole, part = divmod((2 * n * _SHOWN_UNITS + d) // (2 * d), _SHOWN_UNITS)
        return f"{whole}.{part:0{_SHOWN_PLACES}d}"

    def __format__(self, spec: str) -> str:
        # as printed, in f-strings too (Fraction's own format would write 1/2 on Python 3.13)
        return format(str(self), spec)


class Months(Fraction):
    """Exact months, printed as a decimal: exact when it terminates (22.75), else to 4 places."""

    __slots__ = ()

    def decimal(self) -> Decimal:
        d = self.denominator
        if 10 ** d.bit_length() % d:  # a prime factor other than 2 and 5: no terminating decimal
            return shown(self)
        # exact, and as short as it can be: 22.75, 0.075, 120 (never 1.2E+2 nor 22.750)
        return _WIDE.divide(Decimal(self.numerator), Decimal(d))

    def __str__(self) -> str:
        return str(self.decimal())


class Mixed(Fraction):
    """Exact months printed as whole + fraction: 22 + 3/4 (22 when whole)."""

    __slots__ = ()

    def __str__(self) -> str:
        whole, rest = divmod(self.numerator, self.denominator)
        return str(whole) if rest == 0 else f"{whole} + {rest}/{self.denominator}"
