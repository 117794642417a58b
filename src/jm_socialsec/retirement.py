"""Retirement age (退休年龄) under the 2025 reform, flexible and special-type retirement.

Sources: 全国人民代表大会常务委员会关于实施渐进式延迟法定退休年龄的决定 (2024-09-13) and the attached
国务院关于渐进式延迟法定退休年龄的办法 (第二条, 第三条, 第八条, annexes 1-4); special-type ages after
the reform are secondary (tables/retirement.toml).

The annex rows are reproduced by::

    k = birth month − first delayed birth month of the category
    delay = 0 if k < 0 else min(k // step + 1, cap)
    retirement month = birth month + original age + delay   (the month the age is reached)

Illness or non-work disability before the statutory age: from 2025 the route is 病残津贴
(企业职工基本养老保险病残津贴暂行办法), not early retirement; no amount is computed here.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any, ClassVar

from ._api import check, field_value, public
from .errors import InputError
from .explain import Explained, Quantity, Step, notices_for
from .months import Age, YearMonth
from .params import Params
from .tables import Unit

_YEAR = 12  # months in a year (structural)


class Category(StrEnum):
    """Retirement category, fixed by the post at retirement (not derivable from sex alone)."""

    MALE = "male"  # 男职工
    FEMALE_55 = "female_55"  # 原法定退休年龄55周岁的女职工（女干部）
    FEMALE_50 = "female_50"  # 原法定退休年龄50周岁的女职工（女工人）

    @property
    def zh(self) -> str:
        return {
            "male": "男职工",
            "female_55": "女职工（原55周岁）",
            "female_50": "女职工（原50周岁）",
        }[self.value]

    @property
    def sex(self) -> str:
        return "male" if self is Category.MALE else "female"

    @classmethod
    def parse(cls, value: Any, field: str = "category") -> Category:
        try:
            return cls(value)
        except ValueError:
            raise InputError(
                field,
                f"未知退休类别“{value}”，可选：male（男）、female_55（女，原55岁）、female_50（女，原50岁）",
                f"unknown category {value!r}; one of male, female_55, female_50",
            ) from None


class SpecialWorkType(StrEnum):
    """特殊工种 types with their own years requirement."""

    HIGH_ALTITUDE = "high_altitude"  # 高空
    HEAVY = "heavy"  # 特别繁重体力劳动
    UNDERGROUND = "underground"  # 井下
    HIGH_TEMPERATURE = "high_temperature"  # 高温
    HARMFUL = "harmful"  # 其他有害身体健康

    @property
    def zh(self) -> str:
        return {
            "high_altitude": "高空作业",
            "heavy": "特别繁重体力劳动",
            "underground": "井下作业",
            "high_temperature": "高温作业",
            "harmful": "其他有害身体健康工种",
        }[self.value]

    @classmethod
    def parse(cls, value: Any, field: str = "special_type") -> SpecialWorkType:
        try:
            return cls(value)
        except ValueError:
            names = ", ".join(t.value for t in cls)
            raise InputError(
                field,
                f"未知特殊工种类别“{value}”（可选：{names}）",
                f"unknown special type {value!r} ({names})",
            ) from None


class RetirementAge(Explained):
    """The statutory retirement month of a person, with the flexible window."""

    title_zh: ClassVar[str] = "法定退休年龄测算"
    title_en: ClassVar[str] = "Statutory retirement age"
    headline: ClassVar[tuple[tuple[str, str, str], ...]] = (
        ("year_month", "法定退休年月", "statutory retirement month"),
        ("age", "法定退休年龄", "statutory retirement age"),
        ("delay_months", "延迟月数", "months of delay"),
        ("benefit_start", "待遇起始月", "benefits start"),
        ("flexible_earliest", "弹性提前最早", "earliest flexible-early month"),
        ("flexible_latest", "弹性延迟最晚", "latest flexible-late month"),
    )

    birth: YearMonth
    category: Category
    original_age: Age
    delay_months: int
    age: Age
    year_month: YearMonth
    benefit_start: YearMonth
    #: Earliest flexible-early month: never below the original age, at most 36 months early, and
    #: only if the minimum contribution years are met at that month.
    flexible_earliest: YearMonth | None
    #: Latest flexible-late month: 36 months after the statutory month, with the employer's agreement.
    #: Both None when the statutory month precedes the reform (no flexible retirement then).
    flexible_latest: YearMonth | None


def _delay(params: Params, prefix: str, key: str, birth: YearMonth, original_month: YearMonth) -> int:
    """Months of delay by the reform (0 when the original age is reached before it)."""
    cap = int(params.value(f"{prefix}delay_cap_months", original_month, key=key))
    if cap == 0:
        return 0
    start: YearMonth = params.get(f"{prefix}reform_start_birth_month", original_month, key=key).value
    step = int(params.value(f"{prefix}delay_step_birth_months", original_month, key=key))
    k = birth - start
    return 0 if k < 0 else min(k // step + 1, cap)


def _birth(birth: Any, as_of: date) -> YearMonth:
    ym = field_value(birth, "birth", YearMonth.of)
    check(
        ym <= YearMonth.of(as_of),
        "birth",
        f"出生年月 {ym} 晚于今天（{as_of}）",
        f"birth month {ym} is after the as_of date {as_of}",
    )
    return ym


def statutory_month(params: Params, birth: YearMonth, category: Category) -> tuple[Age, int, YearMonth]:
    """(original age, delay months, statutory retirement month) — the rule, for reuse."""
    # The original ages are constant since 1978; read them as known on as_of, then confirm they
    # were in force in the month the person reaches that age.
    known = int(params.value("retirement.original_age", params.as_of, key=category.value))
    original_years = int(params.value("retirement.original_age", birth.add_years(known), key=category.value))
    original_month = birth.add_years(original_years)
    delay = _delay(params, "retirement.", category.value, birth, original_month)
    return Age(original_years, 0), delay, original_month + delay


@public
def statutory_retirement(
    birth: date | YearMonth | str,
    category: Category | str,
    *,
    as_of: date | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> RetirementAge:
    """The statutory retirement month and age (法定退休年龄) for a birth month and category.

    ``category``: ``"male"``, ``"female_55"`` (女干部, original 55) or ``"female_50"`` (女工人,
    original 50). Month-exact against annexes 1-3 of the 国务院办法.
    """
    params = Params(as_of, overrides)
    cat = Category.parse(category)
    ym = _birth(birth, params.as_of)
    original, delay, month = statutory_month(params, ym, cat)
    earliest, latest = flexible_window(params, ym, original, month)
    age = Age.from_months(original.total_months + delay)
    used = list(params.used)
    steps = (
        Step(
            id="original_age",
            label_zh="原法定退休年龄",
            label_en="original retirement age",
            inputs=(
                Quantity(name_zh="出生年月", name_en="birth month", value=ym),
                Quantity(name_zh="类别", name_en="category", value=cat.zh),
            ),
            params=tuple(p for p in used if p.id == "retirement.original_age"),
            result=original.years,
            unit=Unit.YEARS,
        ),
        Step(
            id="delay",
            label_zh="延迟月数",
            label_en="months of delay",
            formula_zh="k = 出生年月 − 开始延迟的出生年月；k<0 不延迟，否则 min(k ÷ 步长取整 + 1, 上限)",
            formula_en="k = birth − first delayed birth month; 0 if k < 0 else min(k // step + 1, cap)",
            params=tuple(p for p in used if p.id.startswith("retirement.") and "delay" in p.id)
            + tuple(p for p in used if p.id == "retirement.reform_start_birth_month"),
            result=delay,
            unit=Unit.MONTHS,
        ),
        Step(
            id="year_month",
            label_zh="法定退休年月",
            label_en="statutory retirement month",
            formula_zh="出生年月 + 原退休年龄 + 延迟月数（达到年龄的当月）",
            formula_en="birth month + original age + delay (the month the age is reached)",
            calc=f"{ym} + {original.years}×12 + {delay} = {month}",
            result=month,
        ),
        Step(
            id="flexible",
            label_zh="弹性退休可选范围",
            label_en="flexible retirement window",
            formula_zh="最早：max(原退休年龄, 法定 − 36个月)，且届时须满最低缴费年限；"
            "最晚：法定 + 36个月，须用人单位同意",
            formula_en="earliest: max(original age, statutory − 36 months), only with the minimum "
            "contribution years then; latest: statutory + 36 months, with the employer's agreement",
            params=tuple(p for p in used if p.id.startswith("retirement.flexible")),
            result=f"{earliest} – {latest}" if earliest and latest else None,
            note_zh="" if earliest else "法定退休年月早于弹性退休制度施行，不适用",
            note_en="" if earliest else "the statutory month precedes flexible retirement; not applicable",
        ),
    )
    return RetirementAge(
        as_of=params.as_of,
        steps=steps,
        warnings=notices_for(params.used),
        birth=ym,
        category=cat,
        original_age=original,
        delay_months=delay,
        age=age,
        year_month=month,
        benefit_start=month + 1,
        flexible_earliest=earliest,
        flexible_latest=latest,
    )


def flexible_window(
    params: Params, birth: YearMonth, original: Age, statutory: YearMonth
) -> tuple[YearMonth | None, YearMonth | None]:
    """(earliest flexible-early month by age, latest flexible-late month); None before the reform."""
    if not params.in_force("retirement.flexible_early_max_months", statutory):
        return None, None
    early_max = int(params.value("retirement.flexible_early_max_months", statutory))
    late_max = int(params.value("retirement.flexible_late_max_months", statutory))
    return max(birth + original.total_months, statutory - early_max), statutory + late_max


def min_years(params: Params, month: YearMonth) -> Decimal:
    """最低缴费年限 for a retirement in ``month`` (keyed by the calendar year of retirement)."""
    return params.value("pension.min_contribution_years", YearMonth(month.year, 1))


@public
def min_contribution_years(year: int, *, as_of: date | None = None) -> Decimal:
    """最低缴费年限 for a retirement in calendar ``year``: 15 up to 2029, +0.5 a year, 20 from 2039."""
    check(
        isinstance(year, int) and not isinstance(year, bool),
        "year",
        "应为年份（整数）",
        "must be a whole year",
    )
    return min_years(Params(as_of), YearMonth(year, 1))
