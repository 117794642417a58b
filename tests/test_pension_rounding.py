"""Exact rounding of the 基本养老金核定表 lines (issue 9 item 7; corrections-2026-11 §5).

corrections-2026-11 §5: 「Compute each 核定表 line from exact inputs and round once, at the end,
half-up to 分. Intermediate quotients (e.g. the a-coefficient index ÷ 0.6) must not be rounded to
the context precision first: the exact value can sit exactly on half a 分.」

The expected values here are computed independently with :class:`fractions.Fraction` from the
formula in shared/rules/pension.md §3 (figures written out below, not read from the tables):

    a          = 1 if index ≥ 0.6 else index ÷ 0.6
    基础养老金   = base × (a + index) ÷ 2 × months ÷ 12 × 1%
    计发月数     = round_0.1(T[y] − (T[y] − T[y+1]) × m ÷ 12)          (from 2025, half-up)
    个人账户养老金 = balance ÷ 计发月数
    原办法       = deemed account ÷ 120;  过渡性养老金 = 100 + 4 × whole years + 原办法
    新办法       = base × weighted deemed years × 1.2%
    过渡性调整额  = max(0, 新办法 − 原办法 − 4 × whole years) × 100%   (2025)

each line rounded half-up to 分 once (新办法 and 原办法 are printed lines of the sheet, in 分).
"""

from __future__ import annotations

import math
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

from hypothesis import event, example, given
from hypothesis import strategies as st

from jm_socialsec.pension import estimate_pension

AS_OF = date(2026, 11, 21)
# 国发〔2005〕38号 annex, whole ages 55–62 (shared/rules/pension.md §3.2)
T = {55: 170, 56: 164, 57: 158, 58: 152, 59: 145, 60: 139, 61: 132, 62: 125}
THRESHOLD, RATE = Fraction(6, 10), Fraction(1, 100)


def half_up(x: Fraction, places: int = 2) -> Decimal:
    """The test's own half-up rounding of an exact rational (no decimal context involved)."""
    scale = 10**places
    n = math.floor(x * scale + Fraction(1, 2))
    return Decimal(n).scaleb(-places).quantize(Decimal(1).scaleb(-places))


def is_tie(x: Fraction) -> bool:
    """True when ``x`` sits exactly on half a 分."""
    return (x * 100 - Fraction(1, 2)).denominator == 1


def exact_basic(base: int, index: Fraction, months: int) -> Fraction:
    a = Fraction(1) if index >= THRESHOLD else index / THRESHOLD
    return base * (a + index) / 2 * Fraction(months, 12) * RATE


def exact_divisor(years: int, months: int) -> Decimal:
    return half_up(T[years] - Fraction(T[years] - T[years + 1]) * Fraction(months, 12), places=1)


def dec(x: Fraction) -> Decimal:
    """A terminating fraction (k / 10000, cents) as the exact Decimal a caller would type."""
    return Decimal(x.numerator) / Decimal(x.denominator)


def _estimate(base: int, index: Fraction, months: int, age: tuple[int, int], balance: Fraction, **kw: Any) -> Any:
    return estimate_pension(
        as_of=AS_OF, retirement_month="2025-09", age=age, contribution_months=months, average_index=dec(index),
        account_balance=dec(balance), overrides={"pension.calc_base": base}, **kw,
    )  # fmt: skip


# ------------------------------------------------------------------------------ pinned examples


def test_issue_example_half_fen_tie_rounds_up() -> None:
    """Issue 9 item 7: retirement 2025-03 at 55y1m (female_55, born 1970-02: 1970-02 + 55y1m = 2025-03),
    216 months, index 0.3125, account 66,720.85, as of 2025-04-15 (the 2024 base 9307, provisionally):

        a = 0.3125 ÷ 0.6 = 0.5208333…;  a + index = 0.8333… = 5/6
        基础养老金 = 9307 × 5/6 ÷ 2 × 216/12 × 1% = 9307 × 0.075 = 698.025 → 698.03 (was 698.02)
        个人账户养老金 = 66720.85 ÷ 169.5 = 393.633… → 393.63;  过渡性 = 100 + 4 × 18 = 172.00
        total = 698.03 + 393.63 + 172.00 = 1263.66
    """
    kw = {"contribution_months": 216, "average_index": "0.3125", "account_balance": "66720.85"}
    by_age = estimate_pension(as_of=date(2025, 4, 15), retirement_month="2025-03", age=(55, 1), **kw)  # type: ignore[arg-type]
    by_birth = estimate_pension(as_of=date(2025, 4, 15), birth="1970-02", category="female_55", **kw)  # type: ignore[arg-type]
    for r in (by_age, by_birth):
        assert (r.base, r.basic, r.account, r.transitional, r.total) == (
            Decimal(9307), Decimal("698.03"), Decimal("393.63"), Decimal("172.00"), Decimal("1263.66"),
        )  # fmt: skip
    # After the 2025 base (9493) is published: 9493 × 0.075 = 711.975 → 711.98, also a tie.
    later = estimate_pension(as_of=date(2025, 11, 1), retirement_month="2025-03", age=(55, 1), **kw)  # type: ignore[arg-type]
    assert later.basic == Decimal("711.98")


def test_account_and_old_method_ties_round_up() -> None:
    """Retirement 2025-09 at 56y0m (计发月数 164), 360 months of which 60 deemed:
    个人账户养老金 = 82000.82 ÷ 164 = 500.005 → 500.01; 原办法 = 12000.60 ÷ 120 = 100.005 → 100.01;
    过渡性 = 100 + 4 × 30 + 100.01 = 320.01; 新办法 = 9493 × 2.5 × 1.2% = 284.79;
    调整额 = max(0, 284.79 − 100.01 − 120) × 100% = 64.78."""
    r = estimate_pension(
        as_of=AS_OF, retirement_month="2025-09", age=(56, 0), contribution_months=360, average_index=1,
        account_balance="82000.82", deemed_months=60, deemed_account="12000.60", weighted_deemed_years="2.5",
    )  # fmt: skip
    assert (r.account, r.transitional, r.adjustment) == (Decimal("500.01"), Decimal("320.01"), Decimal("64.78"))


# ------------------------------------------------------------------------------ properties

bases = st.integers(5000, 15000)
indices = st.integers(1, 30000).map(lambda k: Fraction(k, 10000))  # k / 10000, the sheets' 4 places
contribution = st.integers(180, 420)
ages = st.tuples(st.integers(55, 61), st.integers(0, 11))
cents = st.integers(0, 100_000_000).map(lambda c: Fraction(c, 100))


@given(bases, indices, contribution, ages, cents, st.integers(0, 180), cents, st.integers(0, 3000))
@example(9307, Fraction(3125, 10000), 216, (55, 1), Fraction(6672085, 100), 0, Fraction(0), 0)  # the issue's tie
@example(9493, Fraction(3125, 10000), 216, (56, 0), Fraction(8200082, 100), 60, Fraction(1200060, 100), 250)
def test_every_line_is_the_exact_value_rounded_half_up(
    base: int, index: Fraction, months: int, age: tuple[int, int], balance: Fraction, deemed: int,
    deemed_account: Fraction, weighted_hundredths: int,
) -> None:  # fmt: skip
    deemed = min(deemed, months)
    weighted = Fraction(weighted_hundredths, 100)
    r = _estimate(
        base, index, months, age, balance, deemed_months=deemed,
        deemed_account=dec(deemed_account),
        weighted_deemed_years=Decimal(weighted_hundredths) / 100,
    )  # fmt: skip
    basic = exact_basic(base, index, months)
    divisor = exact_divisor(*age)
    account = balance / Fraction(divisor)
    whole_years = months // 12
    old = half_up(deemed_account / 120) if deemed else Decimal(0)
    transitional = half_up(100 + 4 * whole_years + Fraction(old))
    adjustment = Decimal("0.00")
    if deemed:
        new = half_up(base * weighted * Fraction(12, 1000))
        adjustment = half_up(max(Fraction(0), Fraction(new) - Fraction(old) - 4 * whole_years))
    for exact in (basic, account):
        if is_tie(exact):
            event("a line on an exact half-分 tie")
    assert r.annuity_months == divisor
    assert (r.basic, r.account, r.transitional, r.adjustment) == (
        half_up(basic), half_up(account), transitional, adjustment,
    )  # fmt: skip
    assert r.total == r.basic + r.account + r.transitional + r.adjustment


def _tie_base(index: Fraction, months: int) -> int | None:
    """A base (yuan) that puts 基础养老金 exactly on half a 分, or None if none exists.

    In 分 the line is base × c with c = (a + index) ÷ 2 × months ÷ 12 × 1% × 100 = p/q; base × p/q has
    fractional part 1/2 iff 2·base·p ≡ q (mod 2q): q even and base ≡ (q/2) · p⁻¹ (mod q)."""
    c = exact_basic(1, index, months) * 100
    p, q = c.numerator, c.denominator
    if q % 2:
        return None
    return (q // 2) * pow(p, -1, q) % q


@given(indices, contribution, st.integers(0, 3))
def test_constructed_ties_are_ties_and_round_up(index: Fraction, months: int, shift: int) -> None:
    """Ties do occur: over constructed inputs the exact basic pension is on half a 分, and the line is
    that value plus half a 分 (half-up), never the value minus it."""
    base = _tie_base(index, months)
    if base is None:  # no integer base puts this index and months on a tie
        return
    c = exact_basic(1, index, months) * 100
    base += shift * c.denominator  # other bases with the same residue are ties too
    exact = exact_basic(base, index, months)
    assert is_tie(exact)
    event("below 0.6" if index < THRESHOLD else "0.6 or above")
    r = _estimate(base, index, months, (60, 0), Fraction(0))
    assert r.basic == half_up(exact) == dec(exact + Fraction(1, 200)).quantize(Decimal("0.01"))
