"""Monthly pension contributions. Expected values are hand calculations from the tables' sources:
window 2025-07 (粤人社发〔2025〕32号): lower 4775, upper 27549; employee 8%; employer 16% (assumed)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from jm_socialsec import InputError, NotCovered, pension_contribution

AS_OF = date(2026, 11, 21)


def test_wage_inside_the_window() -> None:
    r = pension_contribution("2025-09", 6800, "台山", as_of=AS_OF)
    # 6800 × 0.08 = 544.00; 6800 × 0.16 = 1088.00
    assert (r.base, r.employee, r.employer, r.total) == (
        Decimal(6800),
        Decimal("544.00"),
        Decimal("1088.00"),
        Decimal("1632.00"),
    )
    assert not r.provisional


def test_wage_below_the_floor_is_raised_to_it() -> None:
    r = pension_contribution("2025-09", 3000, as_of=AS_OF)
    # 4775 × 0.08 = 382.00; 4775 × 0.16 = 764.00
    assert (r.base, r.employee, r.employer) == (Decimal(4775), Decimal("382.00"), Decimal("764.00"))


def test_wage_above_the_cap_is_cut_and_rounded_to_fen() -> None:
    r = pension_contribution("2025-09", 50000, as_of=AS_OF)
    # 27549 × 0.08 = 2203.92; 27549 × 0.16 = 4407.84
    assert (r.base, r.employee, r.employer) == (Decimal(27549), Decimal("2203.92"), Decimal("4407.84"))


def test_flexible_worker_pays_twenty_percent_split_twelve_eight() -> None:
    r = pension_contribution("2026-06", 4775, flexible=True, as_of=AS_OF)
    # 4775 × 0.08 = 382.00 (account); 4775 × 0.12 = 573.00 (pooled); total 955.00 = 20%
    assert (r.employee, r.employer, r.total) == (Decimal("382.00"), Decimal("573.00"), Decimal("955.00"))


def test_month_after_the_last_window_is_provisional() -> None:
    r = pension_contribution("2026-08", 6000, as_of=AS_OF)
    assert r.provisional and r.base == Decimal(6000)


def test_before_the_collected_windows_is_not_covered() -> None:
    with pytest.raises(NotCovered):
        pension_contribution("2024-06", 6000, as_of=AS_OF)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [({"wage": -1}, "wage"), ({"month": "2025-13"}, "month"), ({"region": "广州"}, "region")],
)
def test_bad_input_names_the_field(kwargs: dict[str, object], field: str) -> None:
    args: dict[str, object] = {"month": "2025-09", "wage": 6000, "region": "jiangmen"} | kwargs
    with pytest.raises(InputError) as err:
        pension_contribution(args["month"], args["wage"], args["region"], as_of=AS_OF)  # type: ignore[arg-type]
    assert err.value.field == field


wages = st.decimals(min_value=0, max_value=100000, places=2)


@given(wages, wages)
@example(Decimal(4775), Decimal("4774.99"))
def test_contribution_is_monotonic_in_wage_and_capped(a: Decimal, b: Decimal) -> None:
    lo, hi = sorted((a, b))
    r_lo = pension_contribution("2025-09", lo, as_of=AS_OF)
    r_hi = pension_contribution("2025-09", hi, as_of=AS_OF)
    assert Decimal(0) <= r_lo.total <= r_hi.total
    assert r_hi.base <= Decimal(27549)
    assert r_lo.employee.as_tuple().exponent == -2
