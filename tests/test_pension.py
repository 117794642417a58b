"""The pension estimate (Guangdong formula) and 计发月数.

Expected values: the Zhongshan determination sheet (tests/data/pension_cases.toml) and hand
calculations from the formula in shared/rules/pension.md §3, written out in each test. Death
benefits: tests/test_pension_death.py; exact rounding of the sheet lines: test_pension_rounding.py.
"""

from __future__ import annotations

import tomllib
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from jm_socialsec import InputError, NotCovered, YearMonth
from jm_socialsec.pension import annuity_months, estimate_pension

CASES = tomllib.loads((Path(__file__).parent / "data" / "pension_cases.toml").read_text("utf-8"))
AS_OF = date(2026, 11, 21)


@pytest.mark.parametrize("case", CASES["annuity_months"][0]["cases"], ids=lambda c: str(c["age"]))
def test_annuity_months_cases(case: dict[str, Any]) -> None:
    assert annuity_months(*case["age"], as_of=AS_OF) == Decimal(case["months"])


def test_annuity_months_month_rule_checks() -> None:
    # 51y11m: 190 − (190 − 185) × 11/12 = 185.4166… → 185.4 (the rules reference's check)
    assert annuity_months(51, 11, as_of=AS_OF) == Decimal("185.4")
    # 60y3m: 139 − 7 × 3/12 = 137.25 → 137.3 (half-up)
    assert annuity_months(60, 3, as_of=AS_OF) == Decimal("137.3")


@pytest.mark.parametrize("age", [(39, 11), (70, 1), (71, 0)])
def test_annuity_months_refused_outside_40_to_70(age: tuple[int, int]) -> None:
    with pytest.raises(NotCovered):
        annuity_months(*age, as_of=AS_OF)


@pytest.mark.parametrize("case", CASES["pension"], ids=lambda c: c["name"])
def test_determination_sheet(case: dict[str, Any]) -> None:
    r = estimate_pension(
        as_of=date.fromisoformat(case["as_of"]),
        retirement_month=case["retirement_month"],
        age=tuple(case["age"]),  # type: ignore[arg-type]
        contribution_months=case["contribution_months"],
        average_index=case["average_index"],
        account_balance=case["account_balance"],
        deemed_months=case["deemed_months"],
    )
    exp, tol = case["expected"], Decimal(case["tolerance"])
    assert r.base == Decimal(exp["base"])
    assert r.annuity_months == Decimal(exp["annuity_months"])
    for line in ("basic", "account", "transitional", "total"):
        assert abs(getattr(r, line) - Decimal(exp[line])) <= tol, line
    assert r.provisional is exp["provisional"]
    assert "provisional" in {w.code for w in r.warnings}


def test_same_person_after_the_2025_base_is_published() -> None:
    # as of 2025-11-01 the 2025 base 9493 (粤人社发〔2025〕32号, 2025-10-27) is known:
    # a = 0.5241 / 0.6 = 0.8735; 9493 × (0.8735 + 0.5241) / 2 = 6633.7084;
    # × 208 / 12 = 114984.2789…; × 1% = 1149.84. Account and transitional unchanged:
    # 1149.84 + 393.63 + 168.00 = 1711.47.
    r = estimate_pension(
        as_of=date(2025, 11, 1), retirement_month="2025-03", age=(55, 1), contribution_months=208,
        average_index="0.5241", account_balance="66720.85",
    )  # fmt: skip
    assert (r.base, r.basic, r.total, r.provisional) == (
        Decimal(9493),
        Decimal("1149.84"),
        Decimal("1711.47"),
        False,
    )


def test_deemed_time_with_old_and_new_method() -> None:
    # Retirement 2025-09 at 60y3m, 420 months (35 years) of which 120 deemed, index 1.0,
    # balance 100000, deemed account 20000, weighted deemed years 10.5, base 9493 (2025):
    #   basic   = 9493 × (1 + 1) / 2 × 35 × 1%            = 3322.55
    #   months  = 139 − 7 × 3/12 = 137.25 → 137.3; account = 100000 / 137.3 = 728.33
    #   old     = 20000 / 120 = 166.666… → 166.67; transitional = 100 + 4 × 35 + 166.67 = 406.67
    #   new     = 9493 × 10.5 × 1.2% = 1196.118 → 1196.12
    #   adjust  = max(0, 1196.12 − 166.67 − 140) × 100% = 889.45
    #   total   = 3322.55 + 728.33 + 406.67 + 889.45 = 5347.00
    r = estimate_pension(
        as_of=AS_OF, retirement_month="2025-09", age=(60, 3), contribution_months=420,
        average_index="1.0", account_balance=100000, deemed_months=120, deemed_account=20000,
        weighted_deemed_years="10.5",
    )  # fmt: skip
    assert (r.basic, r.account, r.transitional, r.adjustment, r.total) == (
        Decimal("3322.55"), Decimal("728.33"), Decimal("406.67"), Decimal("889.45"), Decimal("5347.00"),
    )  # fmt: skip


def test_weighted_deemed_years_derived_with_the_county_index() -> None:
    # 开平 视同缴费指数 0.760: (0.760 × 60 + 54 × 1.0) / 12 = (45.6 + 54) / 12 = 8.3
    # new = 9493 × 8.3 × 1.2% = 945.5028 → 945.50; old = 12000 / 120 = 100.00; allowance 4 × 30 = 120
    # adjustment = (945.50 − 100.00 − 120) × 100% = 725.50
    r = estimate_pension(
        as_of=AS_OF, retirement_month="2025-09", age=(60, 3), contribution_months=360,
        average_index="1.0", account_balance=0, deemed_months=114, deemed_account=12000,
        deemed_months_before_1994=60, index_sum_1994_1998=54, region="开平",
    )  # fmt: skip
    assert r.adjustment == Decimal("725.50")


def test_statutory_path_from_birth_and_category() -> None:
    # male born 1965-05 → 2025-07 at 60y2m (annex 1); months: 139 − 7 × 2/12 = 137.83… → 137.8
    r = estimate_pension(
        as_of=AS_OF, birth="1965-05", category="male", contribution_months=300, average_index="0.8",
        account_balance="50000",
    )  # fmt: skip
    assert (str(r.retirement_month), r.age, r.annuity_months) == ("2025-07", (60, 2), Decimal("137.8"))
    # basic = 9493 × 1.8 / 2 × 25 × 1% = 2135.925 → 2135.93; account = 50000 / 137.8 = 362.845… → 362.84
    assert (r.basic, r.account) == (Decimal("2135.93"), Decimal("362.84"))


def test_below_minimum_years_gives_the_shortfall_and_options() -> None:
    # male born 1966-01 retires 2026-05; minimum 15 years = 180 months; 150 given → 30 short.
    r = estimate_pension(
        as_of=AS_OF, birth="1966-01", category="male", contribution_months=150, average_index=1,
        account_balance=1000,
    )  # fmt: skip
    assert (r.eligible, r.missing_months, r.total) == (False, 30, None)
    assert len(r.options) == 3 and "below_minimum_years" in {w.code for w in r.warnings}


def test_flexible_late_keeps_the_statutory_years_and_says_agreement() -> None:
    r = estimate_pension(
        as_of=AS_OF, birth="1966-01", category="male", choice="flexible_late", retirement_month="2026-10",
        contribution_months=200, average_index=1, account_balance=1000,
    )  # fmt: skip
    assert r.age == (60, 9) and "needs_employer_agreement" in {w.code for w in r.warnings}


def test_retirement_beyond_the_tables_is_not_covered() -> None:
    with pytest.raises(NotCovered) as err:
        estimate_pension(
            as_of=AS_OF, retirement_month="2027-01", age=(60, 0), contribution_months=300,
            average_index=1, account_balance=0,
        )  # fmt: skip
    assert err.value.param == "pension.calc_base"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"contribution_months": 60 * 12 - 16 * 12 + 1}, "contribution_months"),
        ({"contribution_months": -1}, "contribution_months"),
        ({"average_index": 0}, "average_index"),
        ({"average_index": "3.01"}, "average_index"),
        ({"account_balance": -1}, "account_balance"),
        ({"deemed_months": 400}, "deemed_months"),
        ({"deemed_months": 10}, "weighted_deemed_years"),
        ({"age": (60, 12)}, "age"),
    ],
)
def test_bad_input_is_a_bilingual_error_naming_the_field(change: dict[str, Any], field: str) -> None:
    args: dict[str, Any] = {
        "as_of": AS_OF, "retirement_month": "2025-09", "age": (60, 0), "contribution_months": 300,
        "average_index": 1, "account_balance": 0,
    } | change  # fmt: skip
    with pytest.raises(InputError) as err:
        estimate_pension(**args)
    assert err.value.field == field
    assert err.value.message_zh != err.value.message_en


def test_unknown_category_and_early_month() -> None:
    base = {"as_of": AS_OF, "contribution_months": 300, "average_index": 1, "account_balance": 0}
    with pytest.raises(InputError) as err:
        estimate_pension(birth="1966-01", category="man", **base)
    assert err.value.field == "category"
    with pytest.raises(InputError) as err:
        estimate_pension(birth="1966-01", category="male", choice="flexible_early", retirement_month="2025-06", **base)
    assert err.value.field == "retirement_month"


# ------------------------------------------------------------------------------- properties

indices = st.decimals(min_value=Decimal("0.3"), max_value=Decimal("3"), places=4)
months = st.integers(180, 480)
balances = st.decimals(min_value=0, max_value=1_000_000, places=2)


def _estimate(m: int, index: Decimal, balance: Decimal) -> Any:
    return estimate_pension(
        as_of=AS_OF, retirement_month="2025-09", age=(60, 3), contribution_months=m,
        average_index=index, account_balance=balance,
    )  # fmt: skip


@given(months, st.integers(0, 120), indices, balances)
@example(208, 1, Decimal("0.5241"), Decimal("66720.85"))
def test_more_months_never_lower_the_pension(m: int, more: int, index: Decimal, balance: Decimal) -> None:
    assert _estimate(min(m + more, 528), index, balance).total >= _estimate(m, index, balance).total


@given(months, indices, indices, balances)
@example(208, Decimal("0.5999"), Decimal("0.6"), Decimal(0))
def test_a_higher_index_never_lowers_it(m: int, a: Decimal, b: Decimal, balance: Decimal) -> None:
    lo, hi = sorted((a, b))
    assert _estimate(m, hi, balance).total >= _estimate(m, lo, balance).total


@given(months, st.decimals(min_value=Decimal("1E-8"), max_value=Decimal("1E-4")))
def test_basic_pension_is_continuous_at_index_0_6(m: int, eps: Decimal) -> None:
    at = _estimate(m, Decimal("0.6"), Decimal(0)).basic
    below = estimate_pension(
        as_of=AS_OF, retirement_month="2025-09", age=(60, 3), contribution_months=m,
        average_index=Decimal("0.6") - eps, account_balance=0,
    ).basic  # fmt: skip
    # d basic / d index near 0.6 is base × years × 1% × (1/0.6 + 1) / 2 ≤ 9493 × 40 × 0.01 × 1.34 ≈ 5090
    # per unit of index, so an eps ≤ 1E-4 moves it by at most 0.51 plus one fen of rounding.
    assert Decimal(0) <= at - below <= Decimal("0.52")


@given(st.integers(40 * 12, 70 * 12 - 1))
def test_annuity_months_decrease_with_age(age_months: int) -> None:
    y, m = divmod(age_months, 12)
    y2, m2 = divmod(age_months + 1, 12)
    assert annuity_months(y2, m2, as_of=AS_OF) < annuity_months(y, m, as_of=AS_OF)


@given(months, indices, balances, st.integers(0, 180), st.decimals(min_value=0, max_value=30, places=2))
def test_every_amount_is_non_negative_with_two_places(
    m: int, index: Decimal, balance: Decimal, deemed: int, weighted: Decimal
) -> None:
    r = estimate_pension(
        as_of=AS_OF, retirement_month="2025-09", age=(60, 3), contribution_months=m, average_index=index,
        account_balance=balance, deemed_months=min(deemed, m), deemed_account=balance / 10,
        weighted_deemed_years=weighted,
    )  # fmt: skip
    for line in (r.basic, r.account, r.transitional, r.adjustment, r.total):
        assert line >= 0 and line.as_tuple().exponent == -2


# ------------------------------------------------------------------------ corrections of 2026-11


def test_annuity_months_before_2025_take_the_whole_age_row() -> None:
    """国发〔2005〕38号 附件《个人账户养老金计发月数表》 lists whole ages only (「退休年龄 … 计发月数」,
    40 … 70); the month-interpolated divisor is documented from 2025-01-01 (corrections-2026-11 §5:
    「before it, the 国发〔2005〕38号 table is by whole age」).

    Our reading, flagged on the result: a 2024-06 retirement at 60y5m takes the row of 60 completed
    years, 139 (not 139 − 7 × 5/12 = 136.08 → 136.1 as from 2025). 100000 ÷ 139 = 719.4244… → 719.42.
    """
    r = estimate_pension(
        as_of=AS_OF, retirement_month="2024-06", age=(60, 5), contribution_months=300,
        average_index=1, account_balance=100000,
    )  # fmt: skip
    assert (r.annuity_months, r.account) == (Decimal(139), Decimal("719.42"))
    assert "annuity_months_whole_age" in {w.code for w in r.warnings}
    # From 2025 the same age interpolates: 139 − 7 × 5/12 = 136.083… → 136.1; no flag.
    later = estimate_pension(
        as_of=AS_OF, retirement_month="2025-06", age=(60, 5), contribution_months=300,
        average_index=1, account_balance=100000,
    )  # fmt: skip
    assert later.annuity_months == Decimal("136.1")
    assert "annuity_months_whole_age" not in {w.code for w in later.warnings}


def test_phase_in_from_2026_is_secondary_and_the_2026_sheet_treatment_is_flagged() -> None:
    """corrections-2026-11 §5: 「Transitional phase-in from 2026: 100%, now secondary (four concordant
    pages: 「第五年(2025年)及以后发放100%」)」 — and 「keep the 2026 treatment flagged as unconfirmed」
    (a transcribed Shaoguan 2026-01 sheet shows the new-method amount alone, no 100 元 on top).

    Retirement 2026-05 at 60y4m as of 2026-11-21 (the 2026 base is not published: 9493 provisionally),
    300 months of which 60 deemed, index 1, balance 0, deemed account 12000, weighted deemed years 5:
    transitional = 100 + 4 × 25 + 12000 / 120 = 300.00; new = 9493 × 5 × 1.2% = 569.58;
    adjustment = (569.58 − 100.00 − 100) × 100% = 369.58.
    """
    r = estimate_pension(
        as_of=AS_OF, retirement_month="2026-05", age=(60, 4), contribution_months=300, average_index=1,
        account_balance=0, deemed_months=60, deemed_account=12000, weighted_deemed_years=5,
    )  # fmt: skip
    assert (r.transitional, r.adjustment) == (Decimal("300.00"), Decimal("369.58"))
    phase = next(pv for pv in r.sources() if pv.id == "pension.transitional.phase_in")
    assert (phase.value, phase.status.value) == (Decimal(1), "secondary")
    codes = {(w.code, w.param) for w in r.warnings}
    assert ("transitional_treatment_unconfirmed", "pension.transitional.fixed") in codes
    assert ("status_assumed", "pension.transitional.phase_in") not in codes
    # A 2025 retirement (Huizhou 2025 sheet fits new method + 100) carries no such flag.
    r25 = estimate_pension(
        as_of=AS_OF, retirement_month="2025-09", age=(60, 3), contribution_months=300, average_index=1,
        account_balance=0,
    )  # fmt: skip
    assert "transitional_treatment_unconfirmed" not in {w.code for w in r25.warnings}


def test_calc_base_2025_cites_the_exact_title() -> None:
    """corrections-2026-11 §5: 粤人社发〔2025〕32号's title is 《关于公布2025年职工基本养老保险缴费基数
    上下限和基本养老金计发基数有关问题的通知》."""
    r = estimate_pension(
        as_of=AS_OF, retirement_month="2025-09", age=(60, 3), contribution_months=300, average_index=1,
        account_balance=0,
    )  # fmt: skip
    base = next(pv for pv in r.sources() if pv.id == "pension.calc_base")
    assert base.source.document == "粤人社发〔2025〕32号"
    assert base.source.title == "关于公布2025年职工基本养老保险缴费基数上下限和基本养老金计发基数有关问题的通知"


def test_a_flexible_early_retirement_is_checked_against_each_persons_months() -> None:
    """国务院关于渐进式延迟法定退休年龄的办法 第三条 (弹性提前退休 needs the minimum contribution
    years, 15 in 2026, at the chosen month). The retirement is remembered per birth month, but a
    flexible early one depends on the months too: one person meeting the minimum does not let
    the next, with 170 months (< 15 × 12 = 180), through."""
    base = {"as_of": AS_OF, "average_index": 1, "account_balance": 0, "birth": "1966-01", "category": "male"}
    early = {**base, "choice": "flexible_early", "retirement_month": "2026-02"}
    assert estimate_pension(contribution_months=200, **early).retirement_month == YearMonth(2026, 2)
    with pytest.raises(InputError) as err:
        estimate_pension(contribution_months=170, **early)
    assert err.value.field == "retirement_month"
    # The statutory retirement reads no months: 170 months retire at the statutory month, short.
    short = estimate_pension(contribution_months=170, **base)
    assert not short.eligible and short.missing_months == 180 - 170
