"""Statutory retirement age (法定退休年龄): 办法第一条 and annexes 1-3.

Sources: 国发〔1978〕104号 第一条 (the original ages 60 / 55 / 50, in force until the reform) and
国务院关于渐进式延迟法定退休年龄的办法 (2024-09-13, in force 2025-01-01) 第一条: from 2025 the
ages of men and of women with an original age of 55 rise by one month every four birth months,
to 63 and 58; women with an original age of 50 by one month every two birth months, to 55.

The annex rows are reproduced by::

    k = birth month − first delayed birth month of the category
    delay = 0 if k < 0 else min(k // step + 1, cap)
    retirement month = birth month + original age + delay   (the month the age is reached)

Choices where the texts are silent: the delay is read as in force in the month the original age
is reached (a person who reached it before 2025 has none); an age is reached in the month
``birth + age`` (办法: "达到…年龄的当月"), counted by calendar month. Limits: only the three
enterprise categories; 国家另有规定 (other national rules) are not modelled.
"""

from __future__ import annotations

from ..engine.months import Age, YearMonth
from ..engine.params import At, Params
from ..engine.tables import Unit
from ..engine.trace import rule
from .kinds import Category

_ORIGINAL_AGES = "国发〔1978〕104号 第一条 (原法定退休年龄)"
_REFORM = "国务院关于渐进式延迟法定退休年龄的办法 第一条; 附件1-3"


def annex_delay(k: int, step: int, cap: int) -> int:
    """The annexes' delay for a birth month ``k`` months after the first delayed one."""
    return 0 if k < 0 else min(k // step + 1, cap)


@rule("retirement.original_age", ref=_ORIGINAL_AGES, unit=Unit.YEARS)
def original_age(at: At, birth: YearMonth, category: Category) -> int:
    """原法定退休年龄 of the category, in whole years.

    ``at`` is bound to the day of knowledge (as_of): the ages are constant since 1978, so the
    age known then says in which month to confirm that it was in force.
    """
    known = int(at("retirement.original_age", category.value))
    return int(at.at(birth.add_years(known))("retirement.original_age", category.value))


@rule("retirement.months_after_reform_start", ref=_REFORM, unit=Unit.MONTHS, step=False)
def months_after_reform_start(at: At, birth: YearMonth, category: Category) -> int:
    """k: birth months since the first birth month whose age is delayed (negative before)."""
    start: YearMonth = at.get("retirement.reform_start_birth_month", category.value).value
    return birth - start  # type: ignore[no-any-return]


@rule("retirement.delay_months", ref=_REFORM, unit=Unit.MONTHS)
def delay_months(at: At, birth: YearMonth, category: Category) -> int:
    """延迟月数. ``at`` is bound to the month the original age is reached (none before 2025)."""
    cap = int(at("retirement.delay_cap_months", category.value))
    if cap == 0:
        return 0
    k = months_after_reform_start(at, birth, category)
    return annex_delay(k, int(at("retirement.delay_step_birth_months", category.value)), cap)


@rule("retirement.statutory_retirement_month", ref=_REFORM)
def statutory_retirement_month(at: At, birth: YearMonth, original_age: int, delay_months: int) -> YearMonth:
    """法定退休年月: the month the original age plus the delay is reached."""
    return birth.add_years(original_age) + delay_months


@rule("retirement.retirement_age", ref="办法第一条 (达到…年龄的当月; 按月计)", step=False)
def retirement_age(at: At, birth: YearMonth, month: YearMonth) -> Age:
    """退休年龄: the age in whole years and months in the retirement month."""
    return Age.from_months(month - birth)


@rule("retirement.benefit_start", ref="待遇自退休次月起计发 (benefits from the month after retirement)", step=False)
def benefit_start(at: At, month: YearMonth) -> YearMonth:
    """待遇起始月: the month after the retirement month."""
    return month + 1


def statutory_month(params: Params, birth: YearMonth, category: Category) -> tuple[Age, int, YearMonth]:
    """(original age, delay months, statutory retirement month): the rules above, for reuse.

    Called inside another area's calculation, the rules appear in that area's trace.
    """
    at = params.at(params.as_of)
    years = original_age(at, birth, category)
    delay = delay_months(params.at(birth.add_years(years)), birth, category)
    return Age(years, 0), delay, statutory_retirement_month(at, birth, years, delay)
