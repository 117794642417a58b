"""Tests written for surviving mutants of pension/ (tools/mutation.py, issue 14 part 3).

Each test states what the law or its worked case says; the mutant it was written for is named.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from jm_socialsec import InputError, pension_death_benefits


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
