"""Death benefits from the pension fund: 《企业职工基本养老保险遗属待遇暂行办法》 (人社部发〔2021〕18号).

In force 2021-09-01 (status secondary: read in reproductions and official restatements — the 滕州市
government Q&A of 2023-01-30, the 威海市 12345 reply of 2024-06-21; no Guangdong implementing notice).
The articles as restated there (第四条, 第五条):

    丧葬补助金的标准，按照参保人员死亡时本省上一年度城镇居民月人均可支配收入的2倍计算。
    抚恤金标准，以死亡时本省上一年度城镇居民月人均可支配收入为基数，根据本人的缴费年限确定发放月数。
    缴费年限不满5年的，发放月数为3个月；缴费年限满5年不满10年的，发放月数为6个月；缴费年限满10年
    不超过15年（含15年）的，发放月数为9个月；缴费年限15年以上的，每多缴费1年，发放月数增加1个月。
    缴费年限30年以上的，按照30年计算，发放月数最高为24个月。
    退休人员…根据本人在职时的缴费年限确定最高发放月数，每领取1年基本养老金减少1个月，发放月数最低
    为9个月。（缴费年限和领取基本养老金时间计算到月）
    累计缴费不足5年的，其遗属待遇标准不得超过其个人缴费之和。

Expected values are hand calculations written out in each test. The Guangdong urban per-capita
disposable income (元/year): 2020 50257, 2023 59307 (广东省统计局 communiqués, secondary).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jm_socialsec import InputError, NotCovered
from jm_socialsec.pension import pension_death_benefits

AS_OF = date(2026, 11, 21)
DIED_2024 = date(2024, 5, 1)  # → the 2023 income 59307, 4942.25 a month


def _months(contribution_months: int, drawn: int = 0) -> Decimal:
    return pension_death_benefits(
        DIED_2024, contribution_months, pension_months_drawn=drawn, as_of=AS_OF
    ).survivor_months


def test_worked_example_of_the_source() -> None:
    """The source's worked example (corrections-2026-11 §3): 「28 years 9 months → 9 + 13 + 9/12 =
    22.75 months」, and for a pensioner 「22.75 − 3.5 years of pension = 19.25 months」.

    Death in 2024: monthly income 59307 ÷ 12 = 4942.25; funeral 2 × 4942.25 = 9884.50;
    22.75 × 4942.25 = 112436.1875 → 112436.19; 19.25 × 4942.25 = 95138.3125 → 95138.31 (half-up, once).
    """
    r = pension_death_benefits(DIED_2024, 28 * 12 + 9, as_of=AS_OF)
    assert (r.survivor_months, r.funeral_grant, r.survivor_grant) == (
        Decimal("22.75"), Decimal("9884.50"), Decimal("112436.19"),
    )  # fmt: skip
    p = pension_death_benefits(DIED_2024, 28 * 12 + 9, pension_months_drawn=42, as_of=AS_OF)
    assert (p.survivor_months, p.survivor_grant, p.pension_months_drawn) == (
        Decimal("19.25"), Decimal("95138.31"), 42,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("months", "expected"),
    [
        (0, Decimal(3)),  # 「不满5年的，发放月数为3个月」
        (59, Decimal(3)),
        (60, Decimal(6)),  # 「满5年不满10年的，发放月数为6个月」
        (119, Decimal(6)),
        (120, Decimal(9)),  # 「满10年不超过15年（含15年）的，发放月数为9个月」
        (180, Decimal(9)),
        (183, Decimal("9.25")),  # 15y3m: 9 + 3/12
        (240, Decimal(14)),  # 20 years: 9 + 5 (was the whole-year rule's 14 too)
        (359, Decimal("23.9167")),  # 29y11m: 9 + 179/12 = 23.91666…, shown to 4 places
        (360, Decimal(24)),  # 「缴费年限30年以上的，按照30年计算，发放月数最高为24个月」
        (480, Decimal(24)),
    ],
)
def test_months_by_contribution_time(months: int, expected: Decimal) -> None:
    """第五条: the steps 3 / 6 / 9, then +1 month a year pro rata by month, years above 30 as 30."""
    assert _months(months) == expected


def test_grant_uses_the_exact_fraction_of_months() -> None:
    """「缴费年限…计算到月」: 15 years 1 month → 9 + 1/12 months; the grant is computed from the exact
    fraction and rounded once: 59307 × (109/12) / 12 = 6464463 / 144 = 44892.104166… → 44892.10.
    (Rounding the months to 9.0833 first would give 4942.25 × 9.0833 = 44891.939… → 44891.94.)"""
    r = pension_death_benefits(DIED_2024, 181, as_of=AS_OF)
    assert (r.survivor_months, r.survivor_grant) == (Decimal("9.0833"), Decimal("44892.10"))


def test_pensioner_months_never_below_the_floor() -> None:
    """「每领取1年基本养老金减少1个月，发放月数最低为9个月」: 16y8m of contributions → 9 + 20/12 =
    10.67 months; after 20 years of pension 10.67 − 20 < 9 → 9; 9 × 4942.25 = 44480.25."""
    r = pension_death_benefits(DIED_2024, 200, pension_months_drawn=240, as_of=AS_OF)
    assert (r.survivor_months, r.survivor_grant) == (Decimal(9), Decimal("44480.25"))


def test_pensioner_with_under_ten_years_is_not_guessed() -> None:
    """For a pensioner the text fixes 「最高发放月数」 by contribution time (6 for 5–10 years) and
    「发放月数最低为9个月」: below 10 years the two conflict, so the library refuses."""
    with pytest.raises(NotCovered) as err:
        pension_death_benefits(DIED_2024, 100, pension_months_drawn=12, as_of=AS_OF)
    assert err.value.param == "pension.death.pensioner_floor_months"
    # Not yet drawing a pension: the in-service steps apply.
    assert pension_death_benefits(DIED_2024, 100, as_of=AS_OF).survivor_months == Decimal(6)


def test_under_five_years_the_own_contributions_cap_is_flagged() -> None:
    """「累计缴费不足5年的，其遗属待遇标准不得超过其个人缴费之和」: the library has no contribution record
    to check it, so the result says so (and only under 5 years)."""
    short = pension_death_benefits(DIED_2024, 59, as_of=AS_OF)
    assert "own_contributions_cap_unchecked" in {w.code for w in short.warnings}
    assert (short.survivor_months, short.survivor_grant) == (Decimal(3), Decimal("14826.75"))  # 3 × 4942.25
    full = pension_death_benefits(DIED_2024, 60, as_of=AS_OF)
    assert "own_contributions_cap_unchecked" not in {w.code for w in full.warnings}


def test_in_force_from_2021_09_01_only() -> None:
    """人社部发〔2021〕18号 applies from 2021-09-01 (corrections-2026-11 §3: 「In force 2021-09-01 (not
    2021-01-01)」); the earlier Guangdong rule was not collected, so an earlier death is refused.

    Changed: this case used to be a death on 2021-03-01 under the national standard. On 2021-09-01,
    40 years count as 30 → 24 months; 2020 income 50257 ÷ 12 × 24 = 100514.00; funeral
    50257 ÷ 12 × 2 = 8376.1666… → 8376.17.
    """
    with pytest.raises(NotCovered, match="not collected") as err:
        pension_death_benefits(date(2021, 8, 31), 480, as_of=AS_OF)
    assert err.value.covered_from == date(2021, 9, 1)
    r = pension_death_benefits(date(2021, 9, 1), 480, as_of=AS_OF)
    assert (r.survivor_months, r.survivor_grant, r.funeral_grant) == (
        Decimal(24), Decimal("100514.00"), Decimal("8376.17"),
    )  # fmt: skip


def test_statuses_and_warnings() -> None:
    """The rule is secondary now (it was assumed): corrections-2026-11 §3 「Status secondary」.
    Death in 2024, 20 years → 14 months: 14 × 4942.25 = 69191.50; the account is inheritable."""
    r = pension_death_benefits(DIED_2024, 240, 30000, as_of=AS_OF)
    assert (r.funeral_grant, r.survivor_months, r.survivor_grant, r.inheritable_account) == (
        Decimal("9884.50"), Decimal(14), Decimal("69191.50"), Decimal(30000),
    )  # fmt: skip
    codes = {w.code for w in r.warnings}
    assert {"status_secondary", "guangdong_rule_not_found"} <= codes
    assert "status_assumed" not in codes
    assert all(pv.status.value == "secondary" for pv in r.sources())


def test_figures_in_texts_come_from_the_values_used() -> None:
    """No figure is a literal in the explanation: with the multiple overridden to 3 the text says × 3."""
    r = pension_death_benefits(DIED_2024, 240, as_of=AS_OF, overrides={"pension.death.funeral_multiple": 3})
    step = next(s for s in r.steps if s.id == "funeral_grant")
    assert "× 3" in step.formula_zh and "× 2" not in step.formula_zh
    assert r.funeral_grant == Decimal("14826.75")  # 59307 / 12 × 3


def test_income_not_collected() -> None:
    with pytest.raises(NotCovered, match="not collected"):
        pension_death_benefits(date(2023, 5, 1), 240, as_of=AS_OF)
    r = pension_death_benefits(date(2023, 5, 1), 240, as_of=AS_OF, overrides={"pension.death.urban_income": 57000})
    assert r.funeral_grant == Decimal("9500.00")  # 57000 / 12 × 2


@pytest.mark.parametrize("bad", [-1, 1.5, 12.0, True, "12", None])
def test_months_drawn_must_be_a_whole_number(bad: Any) -> None:
    """Issue 9, bad input: 「`pension_months_drawn` that is negative or not a whole number is refused」."""
    with pytest.raises(InputError) as err:
        pension_death_benefits(DIED_2024, 240, pension_months_drawn=bad, as_of=AS_OF)
    assert err.value.field == "pension_months_drawn"
    assert "pension_months_drawn" in err.value.message_zh and "pension_months_drawn" in err.value.message_en
    assert err.value.message_zh != err.value.message_en


# ------------------------------------------------------------------------------- properties

contribution = st.integers(0, 600)
drawn = st.integers(0, 480)


@given(contribution, st.integers(1, 120))
def test_months_never_fall_with_more_contribution_and_stay_capped(m: int, more: int) -> None:
    assert _months(m) <= _months(m + more) <= Decimal(24)


@given(st.integers(120, 600), drawn, st.integers(1, 120))
def test_pensioner_months_never_rise_with_time_drawn_and_keep_the_floor(m: int, d: int, more: int) -> None:
    assert Decimal(9) <= _months(m, d + more) <= _months(m, d) <= _months(m)
