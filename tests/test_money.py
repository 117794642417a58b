"""Money: exact decimals, half-up to 分 only when asked, floats through their text."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jm_socialsec import InputError
from jm_socialsec.engine.money import round_exact, round_fen, to_decimal


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        ("2.675", "2.68"),  # half-up (banker's rounding would give 2.68 too; next case differs)
        ("2.665", "2.67"),  # half-up, where ROUND_HALF_EVEN would give 2.66
        ("393.6333", "393.63"),
        ("1127.3149", "1127.31"),
        ("0.005", "0.01"),
        ("-0.005", "-0.01"),  # half away from zero
        ("100", "100.00"),
    ],
)
def test_round_fen_half_up(amount: str, expected: str) -> None:
    assert round_fen(Decimal(amount)) == Decimal(expected)
    assert str(round_fen(Decimal(amount))) == expected


def test_float_goes_through_its_text() -> None:
    assert to_decimal(0.1) == Decimal("0.1")
    assert to_decimal(2.675) == Decimal("2.675")  # the binary double is 2.67499999…
    assert round_fen(to_decimal(2.675)) == Decimal("2.68")


@pytest.mark.parametrize("bad", [True, None, "abc", float("nan"), float("inf"), [1]])
def test_junk_is_refused_naming_the_field(bad: object) -> None:
    with pytest.raises(InputError) as err:
        to_decimal(bad, "wage")
    assert err.value.field == "wage"
    assert "wage" in err.value.message_zh and "wage" in err.value.message_en


def test_negative_refused_when_asked() -> None:
    with pytest.raises(InputError, match="负"):
        to_decimal(-1, "wage", non_negative=True)
    assert to_decimal("1,234.5") == Decimal("1234.5")


@given(st.decimals(min_value=-(10**9), max_value=10**9, allow_nan=False, places=6))
def test_round_fen_is_within_half_a_fen_and_has_two_places(d: Decimal) -> None:
    r = round_fen(d)
    assert r.as_tuple().exponent == -2
    assert abs(r - d) <= Decimal("0.005")


@given(st.floats(min_value=0, max_value=1e9, allow_nan=False))
def test_float_conversion_matches_repr(f: float) -> None:
    assert to_decimal(f) == Decimal(repr(f))


def test_exact_fractions_round_once() -> None:
    """Issue 9 item 7: 9307 × (0.3125 ÷ 0.6 + 0.3125) ÷ 2 × 18 × 1% is exactly 698.025 and rounds to
    698.03; in 28-digit decimals 0.3125 ÷ 0.6 = 0.5208333…33 (rounded) and the product falls just
    below the tie, 698.0249999…, which rounds to 698.02."""
    exact = 9307 * (Fraction(3125, 6000) + Fraction(3125, 10000)) / 2 * 18 / 100
    assert exact == Fraction(698025, 1000)
    assert round_fen(exact) == Decimal("698.03")
    context = Decimal(9307) * (Decimal("0.3125") / Decimal("0.6") + Decimal("0.3125")) / 2 * 18 * Decimal("0.01")
    assert round_fen(context) == Decimal("698.02")  # the old behaviour, for the record
    assert round_fen(Fraction(-1, 200)) == Decimal("-0.01")  # halves away from zero, as ROUND_HALF_UP
    assert round_fen(7) == Decimal("7.00")
    assert round_exact(Fraction(1655, 10), Decimal("0.1")) == Decimal("165.5")
    assert round_exact(Fraction(2033, 12), Decimal("0.1")) == Decimal("169.4")  # 169.4166…


@given(st.integers(-(10**12), 10**12), st.integers(1, 10**6))
def test_round_fen_of_a_fraction_is_within_half_a_fen(n: int, d: int) -> None:
    x = Fraction(n, d)
    r = round_fen(x)
    assert r.as_tuple().exponent == -2
    assert abs(Fraction(r) - x) <= Fraction(1, 200)
    if abs(Fraction(r) - x) == Fraction(1, 200):  # a tie goes away from zero
        assert abs(Fraction(r)) > abs(x)


def _outcome(fn: Any, value: Any, non_negative: bool) -> Any:
    try:
        number = fn(value, "x", non_negative=non_negative) if fn is to_decimal else fn(value, "x", non_negative)
        return ("ok", str(number))  # the same digits and exponent, not only an equal value
    except InputError as e:
        return ("refused", e.field, e.reason, e.message_zh, e.message_en)


@given(
    st.one_of(
        st.decimals(allow_nan=True, allow_infinity=True),
        st.decimals(allow_nan=False, allow_infinity=False).map(str),
        st.text(alphabet="0123456789.,-+eE naNInfsx", max_size=12),
        st.sampled_from(["1E+13", "-1E+13", "1E-401", "1E-400", " 1,000.5 ", "sNaN", "-0", "0.85", "1" * 399]),
        st.integers(390, 410).map(lambda n: "0." + "0" * (n - 3) + "1"),  # about the 400-decimal limit
    ),
    st.booleans(),
)
def test_the_fast_reading_of_text_and_decimals_is_the_checked_one(value: Any, non_negative: bool) -> None:
    """``to_decimal``'s inline path for ``Decimal`` and text (engine/money.py) gives what the
    checked path gives — the same number, or the same refusal naming the field — over any input."""
    from jm_socialsec.engine.money import _checked_decimal

    assert _outcome(to_decimal, value, non_negative) == _outcome(_checked_decimal, value, non_negative)
