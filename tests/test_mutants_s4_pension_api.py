"""Tests written for surviving mutants of pension/api.py, the pension estimate's public entry point
(tools/mutation.py, issue 14 part 3): ``estimate_pension``, ``annuity_months`` and the input checks
and sheet lines behind them.

Each test states what the law, its annex or a worked case says, with the hand calculation written
out; the mutants it was written for are named (``mutmut`` numbers of the first run, before the
simplifications of ``_compute`` and ``_deemed`` renumbered them). Documents:
tables/sources.toml — 国发〔2005〕38号 (``state-council-2005-38``: 第六条 and the annex's 计发月数表),
粤府函〔2021〕294号 (``gd-gov-2021-294``: the transitional pension and its adjustment), 粤人社发〔2025〕32号
(``gd-hrss-2025-32``: the 2025 calculation base 9493), the month-precise divisor of 2025
(``mohrss-annuity-months-by-month-2025``), 社会保险法 第十六条 (``prc-social-insurance-law``: 15 years).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from jm_socialsec import InputError
from jm_socialsec.pension import annuity_months, estimate_pension

AS_OF = date(2026, 11, 21)

#: A 2025-09 retirement at 60 years 3 months, as in tests/test_pension.py (base 9493 of 2025,
#: 粤人社发〔2025〕32号 第二条; 计发月数 139 − 7 × 3/12 = 137.25 → 137.3).
SHEET: dict[str, Any] = {
    "as_of": AS_OF,
    "retirement_month": "2025-09",
    "age": (60, 3),
    "contribution_months": 420,
    "average_index": "1.0",
    "account_balance": 100000,
}


def _refusal(**change: Any) -> InputError:
    with pytest.raises(InputError) as err:
        estimate_pension(**(SHEET | change))
    return err.value


# ------------------------------------------------------------------------------ annuity_months


def test_annuity_months_of_a_whole_age_needs_no_months() -> None:
    """国发〔2005〕38号 附件 计发月数表: 50 → 195, 55 → 170, 60 → 139. Called with the years only,
    the age is that many whole years (months default to 0), on the rule of 2026 as well (a whole
    age is its own row). Kills ``months: int = 1`` (60y1m would be 139 − 7 × 1/12 = 138.4)."""
    assert [annuity_months(y, as_of=AS_OF) for y in (50, 55, 60)] == [Decimal(195), Decimal(170), Decimal(139)]


def test_annuity_months_follow_the_rule_in_force_on_as_of() -> None:
    """Before 2025 the 计发月数表 of 国发〔2005〕38号 is by whole age: 60y3m takes the row of 60, 139.
    From 2025-01-01 the divisor is by month (mohrss-annuity-months-by-month-2025): 139 − (139 − 132)
    × 3/12 = 137.25 → 137.3. Kills ``Params(None)`` (today's rule whatever ``as_of`` says)."""
    assert annuity_months(60, 3, as_of=date(2024, 6, 1)) == Decimal(139)
    assert annuity_months(60, 3, as_of=date(2025, 6, 1)) == Decimal("137.3")


@pytest.mark.parametrize("age", [(60, 12), (60, -1)])
def test_annuity_months_of_an_impossible_age_is_refused_naming_age(age: tuple[int, int]) -> None:
    """A month of age is 0…11: 60 years 12 months is no age. Refused naming ``age`` (the caller's
    argument is the pair years, months). Kills the field name dropped or misspelt."""
    with pytest.raises(InputError) as err:
        annuity_months(*age, as_of=AS_OF)
    assert err.value.field == "age"


# ------------------------------------------------------------------------------ deemed time


def test_a_negative_deemed_account_is_refused_even_without_deemed_months() -> None:
    """视同缴费账户储存额 is an amount of money: never negative. Refused naming ``deemed_account``
    even when ``deemed_months`` is 0 (the account is then unused, but a negative amount is a typing
    error all the same). Kills the fast path taken for a non-zero account, ``non_negative`` dropped
    and the field name dropped or misspelt (``_deemed`` 10, 21–28)."""
    err = _refusal(deemed_months=0, deemed_account=-1)
    assert (err.field, err.reason) == ("deemed_account", "negative")


@pytest.mark.parametrize("months", [False, 0.0, -1, "12"])
def test_deemed_months_that_are_not_a_whole_count_are_refused_naming_them(months: Any) -> None:
    """Deemed time is counted in whole months: a yes/no, a float, a negative or a string is refused
    naming ``deemed_months`` — not read as 0 (no deemed time). Kills the fast path taken for a
    value that is not an ``int`` (``_deemed`` 5) and the field name dropped or misspelt (14, 17, 18)."""
    assert _refusal(deemed_months=months).field == "deemed_months"


def test_a_deemed_account_given_as_a_yes_no_is_refused_naming_it() -> None:
    """``deemed_account=False`` is not the amount 0: refused naming ``deemed_account`` (no boolean
    is an amount). Kills the fast path taken for a value that is not an ``int`` (``_deemed`` 9)."""
    assert _refusal(deemed_account=False).field == "deemed_account"


def test_a_deemed_account_without_deemed_months_changes_nothing() -> None:
    """The old method (视同缴费账户储存额 ÷ 120, 粤府函〔2021〕294号) is a part of the transitional
    pension for deemed time: with no deemed months there is none, whatever account is given. The
    2025-09 sheet: transitional = 100 + 4 × 35 = 240.00, no adjustment; total = 3322.55 + 728.33 +
    240.00 = 4290.88 — the same with or without a deemed account of 5000. Kills the "no deemed time"
    test in ``_deemed`` read as ``== 1`` (the account then asks for weighted years)."""
    for account in (0, 5000, "5000.00"):
        r = estimate_pension(**SHEET, deemed_months=0, deemed_account=account)
        assert (r.transitional, r.adjustment, r.total) == (Decimal("240.00"), Decimal("0.00"), Decimal("4290.88"))


def test_deemed_months_beyond_the_total_are_refused_with_both_counts_named() -> None:
    """``contribution_months`` is the total, deemed time included (国发〔2005〕38号 第六条: 缴费年限，
    含视同缴费年限): 421 deemed months within 420 in all are refused naming
    ``deemed_months``, the words saying what exceeds what. Kills the check's field and words."""
    err = _refusal(deemed_months=421, weighted_deemed_years="10.5")
    assert err.field == "deemed_months"
    assert (err.why_zh, err.why_en) == (
        "视同缴费月数不能超过总缴费月数",
        "deemed months cannot exceed the total contribution months",
    )


def test_all_of_the_contribution_time_may_be_deemed() -> None:
    """Deemed months equal to the total are allowed (≤, not <). A 2025-09 retirement at 60y3m with
    180 months, all deemed, weighted deemed years 15, index 1.0, account and deemed account 0
    (粤府函〔2021〕294号; 国发〔2005〕38号 第六条; base 9493):

    - basic = 9493 × (1 + 1) / 2 × 15 × 1% = 1423.95; account pension 0 / 137.3 = 0.00
    - old method 0 / 120 = 0.00; transitional = 100 + 4 × 15 + 0.00 = 160.00
    - new method 9493 × 15 × 1.2% = 1708.74; adjustment = (1708.74 − 0.00 − 4 × 15) × 100% = 1648.74
    - total = 1423.95 + 0.00 + 160.00 + 1648.74 = 3232.69

    Kills ``deemed <= months`` → ``deemed < months`` (``_deemed`` 37)."""
    r = estimate_pension(
        **(SHEET | {"contribution_months": 180, "account_balance": 0}),
        deemed_months=180,
        deemed_account=0,
        weighted_deemed_years="15",
    )
    assert (r.basic, r.account, r.transitional, r.adjustment, r.total) == (
        Decimal("1423.95"), Decimal("0.00"), Decimal("160.00"), Decimal("1648.74"), Decimal("3232.69"),
    )  # fmt: skip


# ------------------------------------------------------------------------------ projection


def test_the_projected_part_of_a_pension_with_deemed_time_adds_the_adjustment() -> None:
    """A 2027-03 retirement asked for on 2026-11-21: the 2027 base is not published, so it is
    projected — here with growth 0, the 2025 base 9493 (粤人社发〔2025〕32号) carried over. The same
    person as tests/test_pension.py's deemed case (420 months, 120 deemed, weighted 10.5, index 1.0,
    account 100000, deemed account 20000, 60y3m → 137.3):

    - basic = 9493 × 2 / 2 × 35 × 1% = 3322.55 — reads the base
    - account = 100000 / 137.3 = 728.33; transitional = 100 + 4 × 35 + 20000 / 120 (166.67) = 406.67
    - adjustment = 9493 × 10.5 × 1.2% (1196.12) − 166.67 − 140 = 889.45 — reads the base
    - total 5347.00, of which the lines on the projected base: 3322.55 + 889.45 = 4212.00

    Kills ``basic - adjustment`` (``_compute`` 161: 2433.10)."""
    r = estimate_pension(
        **(SHEET | {"retirement_month": "2027-03"}),
        deemed_months=120,
        deemed_account=20000,
        weighted_deemed_years="10.5",
        assumptions={"growth": {"pension.calc_base": "0"}},
    )
    assert (r.base, r.base_year, r.projected, r.provisional) == (Decimal(9493), 2027, True, False)
    assert (r.basic, r.adjustment, r.total) == (Decimal("3322.55"), Decimal("889.45"), Decimal("5347.00"))
    assert r.projected_amount == Decimal("4212.00")


def test_deemed_time_without_a_deemed_account_has_no_old_method_part() -> None:
    """``deemed_account`` defaults to 0: no 视同缴费账户储存额, so the old method (储存额 ÷ 120) is 0.00.
    The deemed case of tests/test_pension.py without its account (粤府函〔2021〕294号; base 9493):

    - transitional = 100 + 4 × 35 + 0.00 = 240.00
    - adjustment = 9493 × 10.5 × 1.2% (1196.118 → 1196.12) − 0.00 − 4 × 35 = 1056.12
    - total = 3322.55 + 728.33 + 240.00 + 1056.12 = 5347.00

    Kills the default ``deemed_account = 1`` (1 ÷ 120 → 0.01: 240.01 and 1056.11)."""
    r = estimate_pension(**SHEET, deemed_months=120, weighted_deemed_years="10.5")
    assert (r.transitional, r.adjustment, r.total) == (Decimal("240.00"), Decimal("1056.12"), Decimal("5347.00"))


def test_deemed_years_derive_from_no_deemed_months_before_1994() -> None:
    """All the deemed time may fall in 1994-01…1998-06: ``deemed_months_before_1994 = 0`` is a count,
    not a missing value. 开平's 视同缴费指数 0.760 (粤府函〔2021〕294号), index sum 54:

    - weighted deemed years = (0.760 × 0 + 54) / 12 = 4.5
    - new method 9493 × 4.5 × 1.2% = 512.622 → 512.62; old 20000 / 120 = 166.67; allowance 4 × 35 = 140
    - adjustment = 512.62 − 166.67 − 140 = 205.95; transitional = 100 + 140 + 166.67 = 406.67
    - total = 3322.55 + 728.33 + 406.67 + 205.95 = 4663.50

    Kills ``value >= 0`` → ``value > 0`` / ``>= 1`` in ``_whole``."""
    r = estimate_pension(
        **SHEET,
        deemed_months=120,
        deemed_account=20000,
        deemed_months_before_1994=0,
        index_sum_1994_1998=54,
        region="开平",
    )
    assert (r.transitional, r.adjustment, r.total) == (Decimal("406.67"), Decimal("205.95"), Decimal("4663.50"))


def test_no_contribution_months_at_all_is_a_shortfall_not_an_error() -> None:
    """0 months is a count: the estimate answers that the 15-year minimum of a 2025 retirement
    (社会保险法 第十六条; raised only from 2030) is 180 months away. Kills ``value > 0`` /
    ``>= 1`` in ``_whole`` (0 refused as not a whole count)."""
    r = estimate_pension(**(SHEET | {"contribution_months": 0}))
    assert (r.eligible, r.missing_months, r.min_contribution_years, r.total) == (False, 180, Decimal(15), None)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"average_index": "abc"}, "average_index"),
        ({"average_index": None}, "average_index"),
        ({"account_balance": "abc"}, "account_balance"),
        ({"contribution_months": True}, "contribution_months"),
        ({"contribution_months": 420.0}, "contribution_months"),
        ({"deemed_months": 120, "weighted_deemed_years": "10.5", "deemed_account": "x"}, "deemed_account"),
        ({"deemed_months": 120, "weighted_deemed_years": "-1"}, "weighted_deemed_years"),
        ({"deemed_months": 120, "weighted_deemed_years": "x"}, "weighted_deemed_years"),
        (
            {"deemed_months": 120, "deemed_months_before_1994": -1, "index_sum_1994_1998": 54},
            "deemed_months_before_1994",
        ),
        (
            {"deemed_months": 120, "deemed_months_before_1994": 6.0, "index_sum_1994_1998": 54},
            "deemed_months_before_1994",
        ),
        ({"deemed_months": 120, "deemed_months_before_1994": 60, "index_sum_1994_1998": -1}, "index_sum_1994_1998"),
        ({"deemed_months": 120, "deemed_months_before_1994": 60, "index_sum_1994_1998": "x"}, "index_sum_1994_1998"),
    ],
)
def test_each_bad_number_is_refused_naming_its_own_field(change: dict[str, Any], field: str) -> None:
    """Refuse rather than guess, naming the field (project brief): a non-number, a negative amount or
    index sum, a count of months that is not a whole non-negative number. Kills the field names
    dropped or misspelt and ``non_negative`` dropped in ``estimate_pension`` and ``_deemed``."""
    assert _refusal(**change).field == field


def test_a_count_of_months_that_is_not_whole_says_so_in_both_languages() -> None:
    """The refusal of a count of months says what a count is: whole, not negative (words only; the
    field is checked above). Kills the messages of ``_whole`` replaced or upper-cased."""
    err = _refusal(contribution_months=-1)
    assert err.field == "contribution_months"
    assert (err.why_zh, err.why_en) == ("应为不小于0的整数（月数）", "must be a whole number of months, not negative")


@pytest.mark.parametrize(
    ("months", "given"),
    [(120, {"deemed_months_before_1994": 60}), (120, {"index_sum_1994_1998": 54}), (120, {}), (1, {})],
)
def test_deemed_time_needs_its_weighted_years_or_both_inputs_deriving_them(months: int, given: dict[str, Any]) -> None:
    """With deemed months, the new method needs the weighted deemed years (粤府函〔2021〕294号): given,
    or derived from the deemed months before 1994 *and* the index sum 1994-01…1998-06. One of the
    two alone is refused naming ``weighted_deemed_years``, the words naming the alternatives. One
    deemed month is deemed time too (kills the "no deemed time" fast path read as ``== 1``)."""
    err = _refusal(deemed_months=months, **given)
    assert err.field == "weighted_deemed_years"
    assert err.why_zh.startswith(
        "有视同缴费时须给出加权视同年数，或给出1993年底前视同月数和1994-01至1998-06各月指数之和"
    )
    assert err.why_en.startswith("with deemed time give weighted_deemed_years, or deemed_months_before_1994 and ")
    assert err.why_zh.endswith("之和") and err.why_en.endswith("index_sum_1994_1998")
