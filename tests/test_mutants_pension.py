"""Tests written for surviving mutants of pension/ (tools/mutation.py, issue 14 part 3).

Each test states what the law or its worked case says; the mutant it was written for is named.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jm_socialsec import InputError, estimate_pension, pension_death_benefits
from jm_socialsec.engine.months import YearMonth
from jm_socialsec.engine.params import At, Params
from jm_socialsec.pension import eligibility, transitional
from jm_socialsec.pension.exact import Mixed, Months, Ratio, quotient, round_half_up, shown

AS_OF = date(2026, 11, 21)


def _at(month: str) -> At:
    return Params(AS_OF).at(YearMonth.of(month))


def test_a_death_known_on_its_own_day_is_answered() -> None:
    """人社部发〔2021〕18号 第四条, the source's worked example (corrections-2026-11 §3): 28 years 9 months
    of contributions → 9 + 13 + 9/12 = 22.75 months; death in 2024: 59307 ÷ 12 = 4942.25 a month,
    funeral 2 × 4942.25 = 9884.50, 22.75 × 4942.25 = 112436.1875 → 112436.19.

    A death reported on the day it happened (``as_of`` = ``died_on``) is a death that is known: the
    same answer. Kills ``died_on <= as_of`` → ``died_on < as_of`` (pension/death.py,
    pension_death_benefits)."""
    r = pension_death_benefits(date(2024, 6, 1), 28 * 12 + 9, as_of=date(2024, 6, 1))
    assert (r.survivor_months, r.funeral_grant, r.survivor_grant) == (
        Decimal("22.75"),
        Decimal("9884.50"),
        Decimal("112436.19"),
    )


def test_a_negative_account_balance_is_refused_naming_it() -> None:
    """人社部发〔2021〕18号 第五条: the personal account's balance is inherited — a balance is never
    negative, and bad input is a bilingual InputError naming the field (project standard). Kills
    ``non_negative=True`` → ``False``/dropped (pension/death.py, pension_death_benefits)."""
    with pytest.raises(InputError) as caught:
        pension_death_benefits(date(2024, 6, 1), 345, account_balance="-0.01", as_of=date(2026, 11, 21))
    assert caught.value.field == "account_balance"


def test_a_death_after_the_day_it_is_known_is_refused_naming_died_on() -> None:
    """A death cannot be known before it happens: bad input is a bilingual InputError naming the
    field (project standard; 人社部发〔2021〕18号 第四条 counts from the day of death). Kills the
    mutants of the ``died_on <= as_of`` check that drop or rename its field or its messages."""
    with pytest.raises(InputError) as caught:
        pension_death_benefits(date(2024, 6, 2), 345, as_of=date(2024, 6, 1))
    assert caught.value.field == "died_on"
    assert "died_on" in caught.value.message_en
    assert "死亡日期" in caught.value.message_zh


# ------------------------------------------------------------------ pension/transitional.py


def test_old_method_is_exact_at_a_half_fen_for_a_large_deemed_account() -> None:
    """粤府〔2006〕96号 (secondary): 原办法 = 视同缴费账户储存额 ÷ 120, printed in 分 half-up (the sheet's
    line). 151937091.00 ÷ 120 = 1266142.425 exactly (120 × 1266142.425 = 151937091) → 1266142.43.

    A large account (within the accepted 10¹² limit) whose quotient is an exact half 分: computed
    in floating point the half is lost (→ 1266142.42). Kills ``an * dd`` → ``an / dd``
    (pension/transitional.py, old_method)."""
    assert transitional.old_method(_at("2025-09"), Decimal("151937091.00")) == Decimal("1266142.43")


@pytest.mark.parametrize(("month", "ratio"), [("2021-06", "0.3"), ("2022-06", "0.5"), ("2023-06", "0.7")])
def test_adjustment_of_the_first_three_years_follows_the_phase_in(month: str, ratio: str) -> None:
    """粤府函〔2021〕294号: 过渡性调整额 is paid at 30% to retirements of 2021, 50% of 2022, 70% of
    2023 (then 90%, 100% from 2025). With a base of 8000, 加权视同年数 10, 原办法 25.00 and an
    allowance of 4 × 25 = 100: 新办法 = 8000 × 10 × 1.2% = 960.00; gap = 960 − 25 − 100 = 835.00;
    2021: 835 × 0.3 = 250.50; 2022: 835 × 0.5 = 417.50; 2023: 835 × 0.7 = 584.50."""
    expected = {"0.3": "250.50", "0.5": "417.50", "0.7": "584.50"}[ratio]
    a = _at(month)
    assert transitional.phase_in(a) == Decimal(ratio)
    got = transitional.transitional_adjustment(a, Decimal(8000), Ratio(10), Decimal("25.00"), Decimal(100))
    assert got == Decimal(expected)


def test_a_2022_retirement_rounds_the_half_phased_adjustment_up() -> None:
    """粤府函〔2021〕294号 and the 2022 计发基数 8682 (粤人社发〔2022〕33号): retirement 2022-09 at 60,
    305 months (25 whole years: 4 × 25 = 100.00 allowance), 60 deemed, deemed account 3000
    (÷ 120 = 25.00), 加权视同年数 10.5: 新办法 = 8682 × 10.5 × 1.2% = 1093.932 → 1093.93;
    gap = 1093.93 − 25.00 − 100.00 = 968.93; × 50% = 484.465 → 484.47 (half-up, in 分);
    过渡性养老金 = 100 + 100 + 25.00 = 225.00."""
    r = estimate_pension(
        as_of=date(2026, 11, 21), retirement_month="2022-09", age=(60, 0), contribution_months=305,
        average_index=1, account_balance=0, deemed_months=60, deemed_account=3000, weighted_deemed_years="10.5",
    )  # fmt: skip
    assert (r.transitional, r.adjustment) == (Decimal("225.00"), Decimal("484.47"))


# ------------------------------------------------------------------ pension/eligibility.py


def test_one_month_short_of_the_minimum_is_not_met() -> None:
    """社会保险法 第十六条: a monthly pension needs 累计缴费满十五年 (15 × 12 = 180 months to 2029).
    179 months: 1 month missing, not met; 180: met. Kills ``missing == 0`` → ``missing == 1``
    (pension/eligibility.py, minimum_years_met)."""
    may_2026 = YearMonth(2026, 5)
    assert eligibility.minimum_years_met(_at("2026-05"), 179, may_2026) is False
    assert eligibility.minimum_years_met(_at("2026-05"), 180, may_2026) is True


def _refusal(months: int = 300, **person: Any) -> InputError:
    with pytest.raises(InputError) as caught:
        estimate_pension(contribution_months=months, average_index=1, account_balance=0, as_of=AS_OF, **person)
    return caught.value


def test_a_birth_month_without_a_category_is_refused_naming_category() -> None:
    """The statutory age depends on the category (国务院关于渐进式延迟法定退休年龄的办法 第一条: men,
    women of 55, women of 50): a birth month alone cannot give a retirement month. Bad input is a
    bilingual InputError naming the field (project standard). Kills the field dropped or renamed,
    and the messages dropped (pension/eligibility.py, _resolved)."""
    e = _refusal(birth="1966-01")
    assert e.field == "category"
    assert "退休类别" in e.why_zh and "category" in e.why_en


@pytest.mark.parametrize("birth", ["1966-13", "2027-01"])
def test_an_impossible_or_future_birth_month_is_refused_naming_birth(birth: str) -> None:
    """Month 13 does not exist; a birth after ``as_of`` (2026-11-21) cannot be known. Bad input is a
    bilingual InputError naming the field (project standard). Kills ``"birth"`` dropped or renamed
    in both checks (pension/eligibility.py, _resolved)."""
    e = _refusal(birth=birth, category="male")
    assert e.field == "birth"
    assert e.why_zh and e.why_en


# ------------------------------------------------------------------ pension/exact.py
# The exact arithmetic under every pension line: its contract (module docstring) written out by
# hand. A line of the 核定表 is one exact fraction rounded half-up once to 分 (project standard:
# money exact, rounded half-up only where the rule rounds).


def test_a_quotient_carries_twelve_exact_decimals_and_a_sticky_digit() -> None:
    """1 ÷ 3 = 0.333333333333|333… → 12 decimals 333333333333, remainder ≠ 0 → sticky 1:
    0.3333333333331; 1 ÷ 8 = 0.125 exactly → 0.1250000000000 (sticky 0). The sign is the
    fraction's: −1 ÷ 3 = 1 ÷ −3 = −0.3333333333331, −1 ÷ −3 = 0.3333333333331."""
    third = Decimal("0.3333333333331")
    assert quotient(1, 3) == third and str(quotient(1, 3)) == "0.3333333333331"
    assert str(quotient(1, 8)) == "0.1250000000000"
    assert (quotient(-1, 3), quotient(1, -3), quotient(-1, -3)) == (-third, -third, third)
    assert quotient(0, 7) == 0


@given(st.integers(-(10**15), 10**15), st.integers(1, 10**9), st.integers(2, 11))
def test_a_rounded_quotient_is_the_exact_fraction_rounded_half_up(n: int, d: int, places: int) -> None:
    """The quotient rounded half-up to 10⁻ᵏ (k ≤ 11) is within half a step of the exact fraction
    n ÷ d, a tie going away from zero (ROUND_HALF_UP): r − ½ step ≤ |n ÷ d| < r + ½ step."""
    step = Decimal(1).scaleb(-places)
    r = quotient(n, d).quantize(step, ROUND_HALF_UP)
    exact, half = Fraction(abs(n), d), Fraction(step) / 2
    assert Fraction(abs(r)) - half <= exact < Fraction(abs(r)) + half
    assert r == 0 or (r < 0) == (n < 0)


def test_round_half_up_rounds_exact_halves_up() -> None:
    """1 ÷ 8 = 0.125 → 0.13 (a half goes up); 1 ÷ 3 → 0.33; 2 ÷ 3 = 0.666… → 0.7; 139 − 7 × 5/12 =
    1633/12 = 136.083… → 136.1 (国发〔2005〕38号 计发月数, printed to 0.1); 5 ÷ 2 → 3 (step 1)."""
    assert round_half_up(1, 8, Decimal("0.01")) == Decimal("0.13")
    assert round_half_up(1, 3, Decimal("0.01")) == Decimal("0.33")
    assert round_half_up(2, 3, Decimal("0.1")) == Decimal("0.7")
    assert round_half_up(1633, 12, Decimal("0.1")) == Decimal("136.1")
    assert round_half_up(5, 2, Decimal(1)) == Decimal(3)
    assert str(round_half_up(1, 4, Decimal("0.01"))) == "0.25"


def test_ratios_print_to_four_places_half_up() -> None:
    """A shown ratio (缴费年限, a, 加权视同年数) prints to 4 places, half-up: 208 ÷ 12 = 17.3333…;
    2 ÷ 3 → 0.6667; 1 ÷ 20000 = 0.00005 → 0.0001; 1 ÷ 2 → 0.5000 (also through an f-string)."""
    assert str(Ratio(208, 12)) == "17.3333"
    assert shown(Fraction(2, 3)) == Decimal("0.6667")
    assert str(shown(Fraction(1, 20000))) == "0.0001"
    assert f"{Ratio(1, 2)}" == "0.5000" and format(Ratio(1, 2), "") == "0.5000"


def test_survivor_months_print_as_a_decimal_and_as_whole_plus_fraction() -> None:
    """人社部发〔2021〕18号 第四条's worked months: 22 + 3/4 → 22.75 and "22 + 3/4". A terminating
    fraction prints exactly (3/40 = 0.075; 45/2 = 22.5; 220/10 = 22, no decimals); one that does
    not, to 4 places (1/6 = 0.1666… → 0.1667; 1/3 → 0.3333). Whole + fraction: 1/3 → "0 + 1/3"."""
    assert Months(91, 4).decimal() == Decimal("22.75") and str(Months(91, 4)) == "22.75"
    assert (str(Months(3, 40)), str(Months(45, 2)), str(Months(220, 10))) == ("0.075", "22.5", "22")
    assert (str(Months(1, 6)), str(Months(1, 3))) == ("0.1667", "0.3333")
    assert (str(Mixed(91, 4)), str(Mixed(22)), str(Mixed(1, 3))) == ("22 + 3/4", "22", "0 + 1/3")


def test_the_estimate_says_who_is_eligible_and_from_which_month() -> None:
    """国务院关于渐进式延迟法定退休年龄的办法 附件1 as docs/pension.md works it: a man born 1966-01 →
    k = 12 → delay 4 → 60 years 4 months → retires 2026-05; 待遇自退休次月起计发 → benefits from
    2026-06. 300 months ≥ 15 × 12 (社会保险法 第十六条): eligible, nothing missing, no options.
    Guards the estimate's ``eligible`` and ``benefit_start`` (issue 14: unguarded)."""
    r = estimate_pension(
        contribution_months=300, average_index=1, account_balance=0, birth="1966-01", category="male", as_of=AS_OF
    )
    assert (r.retirement_month, r.age.years, r.age.months) == (YearMonth(2026, 5), 60, 4)
    assert (r.benefit_start, r.eligible, r.missing_months, r.options) == (YearMonth(2026, 6), True, 0, ())


def test_a_birth_in_the_month_of_as_of_is_known_and_short_of_the_minimum() -> None:
    """A birth in the month of ``as_of`` (2026-11) is not after it: answered, not refused. A man born
    2026-11 retires at the full delayed age 63 (办法 附件1: 60 + 36 months) in 2089-11, benefits from
    2089-12; the minimum is then 20 years (附件4: 15 to 2029, + 6 months a year from 2030, 20 from
    2039): 0 months → not eligible, 20 × 12 − 0 = 240 months missing, and the options are said.
    Kills ``birth <= as_of`` → ``<`` (pension/eligibility.py, _resolved)."""
    r = estimate_pension(
        contribution_months=0, average_index=1, account_balance=0, birth="2026-11", category="male", as_of=AS_OF
    )
    assert (r.retirement_month, r.age.years, r.age.months, r.benefit_start) == (
        YearMonth(2089, 11),
        63,
        0,
        YearMonth(2089, 12),
    )
    assert (r.eligible, r.min_contribution_years, r.missing_months) == (False, Decimal(20), 240)
    assert r.options and r.basic is None and r.total is None


def test_a_special_type_retirement_is_estimated_at_its_own_age() -> None:
    """特殊工种 (underground, 9 years required: 劳部发〔1993〕120号 as restated; the delayed special
    ages 55 → 58 for men: the Luoyang bureau's reply of 2024-11-22): a man born 1970-05 is 4 birth
    months past 1970-01, step 4 → delay 2 → 55 years 2 months → retires 2025-07, benefits from
    2025-08, after the approval procedure (the result says so). Kills the special type dropped on
    the way to the retirement rules (pension/eligibility.py, _resolved)."""
    r = estimate_pension(
        contribution_months=300, average_index=1, account_balance=0, birth="1970-05", category="male",
        choice="special", special_type="underground", special_years=9, as_of=AS_OF,
    )  # fmt: skip
    assert (r.retirement_month, r.age.years, r.age.months, r.benefit_start) == (
        YearMonth(2025, 7),
        55,
        2,
        YearMonth(2025, 8),
    )
    assert "needs_approval" in {w.code for w in r.warnings}


@pytest.mark.parametrize(
    ("person", "field"),
    [
        ({"choice": "flexible_early", "retirement_month": "2026-13"}, "retirement_month"),
        ({"choice": "special", "special_type": "mine", "special_years": 9}, "special_type"),
        ({"choice": "special", "special_type": "underground", "special_years": "-1"}, "special_years"),
        ({"choice": "special", "special_type": "underground", "special_years": "nine"}, "special_years"),
    ],
)
def test_bad_retirement_details_with_a_birth_month_are_refused_naming_the_field(
    person: dict[str, Any], field: str
) -> None:
    """Month 13 does not exist; 劳部发〔1993〕120号 knows five special types (high altitude, heavy,
    underground, high temperature, harmful), not "mine"; years in a special type are a count, never
    negative, never words. Bad input is a bilingual InputError naming the field (project standard).
    Kills the field names dropped or renamed on the way to the retirement rules, and negative years
    let through (pension/eligibility.py, _resolved)."""
    e = _refusal(birth="1970-05", category="male", **person)
    assert e.field == field
    assert e.why_zh and e.why_en


def test_an_age_given_with_the_birth_month_must_be_the_retirement_age() -> None:
    """A man born 1966-01 retires at 60 years 4 months (办法 附件1, docs/pension.md's example): that
    age, given as well, is accepted; 60 years 0 months contradicts the birth month and is refused
    naming ``age`` and saying the right one; (60, 13) is no age. Bad input is a bilingual
    InputError naming the field (project standard). Kills the age check dropped, its field or
    messages dropped (pension/eligibility.py, _resolved)."""
    assert estimate_pension(
        contribution_months=300, average_index=1, account_balance=0, birth="1966-01", category="male",
        age=(60, 4), as_of=AS_OF,
    ).retirement_month == YearMonth(2026, 5)  # fmt: skip
    wrong = _refusal(birth="1966-01", category="male", age=(60, 0))
    assert wrong.field == "age"
    assert "60岁4个月" in wrong.why_zh and "60 y 4 m" in wrong.why_en
    assert _refusal(birth="1966-01", category="male", age=(60, 13)).field == "age"


def _flexible(birth: str, choice: str, month: str) -> Any:
    return estimate_pension(
        contribution_months=180, average_index=1, account_balance=0, birth=birth, category="male",
        choice=choice, retirement_month=month, as_of=AS_OF, project=True,
    )  # fmt: skip


def test_a_flexible_late_retirement_keeps_the_minimum_of_its_statutory_year() -> None:
    """办法 附件1: a man born 1968-05 is k = 40 birth months past 1965-01 → delay 40 // 4 + 1 = 11 →
    60 years 11 months → statutory month 2029-04. 办法 第三条: late by up to 36 months with the
    employer's agreement → 2030-04. The minimum is the statutory year's (docs/pension.md, our
    reading, secondary): 2029 → 15 years (附件4; 15.5 only from 2030) → 180 months: eligible,
    nothing missing. Kills ``late`` lost or negated (pension/eligibility.py, _resolved)."""
    r = _flexible("1968-05", "flexible_late", "2030-04")
    assert (r.retirement_month, r.age.years, r.age.months) == (YearMonth(2030, 4), 61, 11)
    assert (r.eligible, r.min_contribution_years, r.missing_months) == (True, Decimal(15), 0)
    assert "needs_employer_agreement" in {w.code for w in r.warnings}


def test_a_flexible_early_retirement_takes_the_minimum_of_its_own_month() -> None:
    """办法 附件1: a man born 1969-09 is k = 56 → delay 56 // 4 + 1 = 15 → 61 years 3 months →
    statutory 2030-12, whose minimum is 15.5 years (附件4). 办法 第三条: early by up to 36 months,
    never below 60, with the minimum at that month → 2029-12 at 60 years 3 months, minimum 15 years
    (2029) → 180 months: eligible. At the statutory month 180 months are 15.5 × 12 − 180 = 6 short.
    Kills the statutory month's minimum applied to every choice (pension/eligibility.py, _resolved)."""
    early = _flexible("1969-09", "flexible_early", "2029-12")
    assert (early.age.years, early.age.months, early.eligible, early.min_contribution_years) == (60, 3, True, 15)
    statutory = estimate_pension(
        contribution_months=180, average_index=1, account_balance=0, birth="1969-09", category="male", as_of=AS_OF
    )
    assert (statutory.retirement_month, statutory.eligible, statutory.missing_months) == (YearMonth(2030, 12), False, 6)


def test_without_a_birth_month_the_retirement_month_and_age_are_required() -> None:
    """An estimate needs the retirement month and age, or what gives them (birth month and
    category). Bad input is a bilingual InputError naming the field (project standard). Kills the
    messages dropped (pension/eligibility.py, retirement)."""
    e = _refusal()
    assert e.field == "retirement_month"
    assert "退休年月" in e.why_zh and "retirement_month" in e.why_en


def test_an_age_spelled_as_a_json_list_is_the_same_age() -> None:
    """A service sends JSON, where (60, 4) arrives as [60, 4] (issue 14, part 7: inputs a service
    really sends are accepted): the same answer as the docs/pension.md example — born 1966-01,
    60 years 4 months, retires 2026-05. Kills the memo used for every input, unhashable ones too
    (pension/eligibility.py, retirement)."""
    as_json: Any = [60, 4]
    r = estimate_pension(
        contribution_months=300, average_index=1, account_balance=0, birth="1966-01", category="male",
        age=as_json, as_of=AS_OF,
    )  # fmt: skip
    assert (r.retirement_month, r.benefit_start) == (YearMonth(2026, 5), YearMonth(2026, 6))


def test_an_impossible_retirement_month_is_refused_naming_it() -> None:
    """Month 13 does not exist. Bad input is a bilingual InputError naming the field (project
    standard). Kills the field dropped (pension/eligibility.py, retirement)."""
    e = _refusal(retirement_month="2026-13", age=(60, 4))
    assert e.field == "retirement_month"
    assert e.why_zh and e.why_en


@pytest.mark.parametrize("age", [None, (60, 3)])
def test_a_flexible_early_retirement_short_of_the_minimum_is_refused(age: Any) -> None:
    """办法 第三条: early retirement only with the minimum contribution years at that month — a man born
    1969-09 choosing 2029-12 needs 15 × 12 = 180 months (附件4, 2029); 170 are refused naming the
    retirement month, the age given or not. Kills the contribution months lost on the way to the
    retirement rules (pension/eligibility.py, retirement)."""
    e = _refusal(170, birth="1969-09", category="male", choice="flexible_early", retirement_month="2029-12", age=age)
    assert e.field == "retirement_month"
    assert "15" in e.why_zh and "minimum" in e.why_en


@pytest.mark.parametrize("person", [{"retirement_month": "2026-05"}, {"age": (60, 4)}])
def test_a_retirement_month_or_an_age_alone_is_refused_asking_for_both(person: dict[str, Any]) -> None:
    """The estimate needs the retirement month (the rules in force, the calculation base) and the
    age (计发月数, 国发〔2005〕38号 附件): one without the other, and no birth month, is refused saying
    both are needed. Kills ``and`` → ``or`` in that check (pension/eligibility.py, retirement)."""
    e = _refusal(**person)
    assert e.field == "retirement_month"
    assert "retirement_month and age" in e.why_en and "退休年月和退休年龄" in e.why_zh


def test_round_half_up_to_a_step_above_one() -> None:
    """The step is any power of ten: 125 ÷ 1 to tens = 12.5 tens → 13 tens = 130 (a half goes up);
    1249 ÷ 10 = 124.9 → 120; to hundreds, 250 → 300. Kills ``× sn`` → ``÷ sn`` in the rounding
    (pension/exact.py, round_half_up: equal while the step's numerator is 1, i.e. for steps ≤ 1)."""
    assert round_half_up(125, 1, Decimal(10)) == 130
    assert round_half_up(1249, 10, Decimal(10)) == 120
    assert round_half_up(250, 1, Decimal(100)) == 300


def test_whole_months_print_without_an_exponent() -> None:
    """Survivors' months (人社部发〔2021〕18号 第四条) printed as a decimal: whole months print as a
    whole number — 120 months is "120", not "1.2E+2". Kills the whole-number branch dropped
    (pension/exact.py, Months.decimal)."""
    assert (str(Months(120)), str(Months(240, 2)), str(Months(22))) == ("120", "120", "22")


def test_a_zero_quotient_is_not_negative_and_a_long_one_is_not_rounded() -> None:
    """0 ÷ 7 = 0, unsigned: a line of 0 must never print as −0.00 (project standard: no negative
    money). 10²⁰ ÷ 3 = 33333333333333333333.333333333333|3… → 20 whole digits, 12 decimals and the
    sticky 1, 33 digits in all: built without rounding (the module's contract), beyond the default
    28-digit context. Kills the wide context dropped (pension/exact.py, quotient). (The zero's sign
    is guarded too, though ``numerator <= 0`` gives the same: ``-1 * 0`` is the integer 0.)"""
    zero = quotient(0, 7)
    assert zero == 0 and not zero.is_signed()
    assert str(zero.quantize(Decimal("0.01"))) == "0.00"
    assert quotient(10**20, 3) == Decimal("33333333333333333333.3333333333331")


@pytest.mark.parametrize("field", ["contribution_months", "pension_months_drawn"])
def test_a_death_with_an_absurd_count_of_months_is_refused_naming_it(field: str) -> None:
    """Issue 14, part 7: absurd magnitudes are refused with the field named. No count of months
    spans more than the sanity years 1900–2200: (2200 − 1900) × 12 = 3600; 3601 is refused (an ID
    number pasted as a count would be, too). Kills the field dropped in the limit check
    (pension/death.py, _months_count)."""
    counts: dict[str, Any] = {"contribution_months": 345, "pension_months_drawn": 0} | {field: 3601}
    with pytest.raises(InputError) as caught:
        pension_death_benefits(date(2024, 6, 1), as_of=AS_OF, **counts)
    assert caught.value.field == field
    assert "3600" in caught.value.why_en
