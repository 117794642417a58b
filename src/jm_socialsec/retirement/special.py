"""Special types of work (特殊工种提前退休): 办法第八条, 国发〔1978〕104号 第一条（二）.

Sources: before the reform men retire at 55 and women at 45 after 10 years of work at height or
of especially heavy labour, 9 underground or at high temperature, 8 in other work harmful to
health (国发〔1978〕104号 第一条（二）; the years as restated with 劳部发〔1993〕120号, secondary).
The 办法 (第八条) keeps special-type early retirement; the delayed special ages (men towards 58,
women towards 50, in the statutory tables' shape) are from the 洛阳市 bureau's reply of 2024-11-22
and fit three official Guangdong determination sheets (55y2m, 55y3m, 55y4m): secondary.

Choices where the texts are silent: the special ages follow the sex, not the statutory category
(a 女干部 in a special type is treated like other women); the years required are read in the
earliest special-type month. Limits: approval needs the original personnel file, the national
special-type register and a public notice (公示): an estimate never replaces it.
"""

from __future__ import annotations

from decimal import Decimal

from ..engine.months import Age, YearMonth
from ..engine.params import At, Params
from ..engine.tables import Unit
from ..engine.trace import rule
from .age import annex_delay
from .kinds import Category, SpecialWorkType

_SPECIAL_AGES = "国发〔1978〕104号 第一条（二）; 洛阳市人社局答复 2024-11-22 (延迟, 二手)"
_SPECIAL_YEARS = "国发〔1978〕104号 第一条（二）; 劳部发〔1993〕120号 (年限, 二手)"


@rule("retirement.special_original_age", ref=_SPECIAL_AGES, unit=Unit.YEARS)
def special_original_age(at: At, birth: YearMonth, sex: str) -> int:
    """特殊工种原提前退休年龄 (before any delay). ``at`` is bound to the day of knowledge."""
    known = int(at("retirement.special.original_age", sex))
    return int(at.at(birth.add_years(known))("retirement.special.original_age", sex))


@rule("retirement.months_after_special_reform_start", ref=_SPECIAL_AGES, unit=Unit.MONTHS, step=False)
def months_after_special_reform_start(at: At, birth: YearMonth, sex: str) -> int:
    """k: birth months since the first birth month whose special age is delayed."""
    start: YearMonth = at.get("retirement.special.reform_start_birth_month", sex).value
    return birth - start  # type: ignore[no-any-return]


@rule("retirement.special_delay_months", ref=_SPECIAL_AGES, unit=Unit.MONTHS)
def special_delay_months(at: At, birth: YearMonth, sex: str) -> int:
    """特殊工种延迟月数. ``at`` is bound to the month the special age before the reform is reached."""
    cap = int(at("retirement.special.delay_cap_months", sex))
    if cap == 0:
        return 0
    k = months_after_special_reform_start(at, birth, sex)
    return annex_delay(k, int(at("retirement.special.delay_step_birth_months", sex)), cap)


@rule("retirement.special_earliest_month", ref=_SPECIAL_AGES)
def special_earliest_month(at: At, birth: YearMonth, special_original_age: int, special_delay_months: int) -> YearMonth:
    """特殊工种最早可退休年月: the month the special age plus its delay is reached."""
    return birth.add_years(special_original_age) + special_delay_months


@rule("retirement.required_special_years", ref=_SPECIAL_YEARS, unit=Unit.YEARS, step=False)
def required_special_years(at: At, work_type: SpecialWorkType) -> Decimal:
    """特殊工种累计年限要求 of the work type."""
    return at("retirement.special.required_years", work_type.value)


@rule("retirement.special_years_qualify", ref=_SPECIAL_YEARS)
def special_years_qualify(at: At, work_type: SpecialWorkType, years_in_type: Decimal) -> bool:
    """特殊工种累计年限是否满足: the years in the type reach the years required."""
    return years_in_type >= required_special_years(at, work_type)


def special_month(params: Params, birth: YearMonth, category: Category) -> tuple[Age, int, YearMonth]:
    """(special-type age before delay, delay months, earliest special-type month): for reuse."""
    at = params.at(params.as_of)
    years = special_original_age(at, birth, category.sex)
    delay = special_delay_months(params.at(birth.add_years(years)), birth, category.sex)
    return Age(years, 0), delay, special_earliest_month(at, birth, years, delay)
