"""What the work-injury functions return (工伤保险测算结果), and the choices they take.

Amounts are fields; the explanation (steps, warnings) is built by the engine from the rules'
trace and ``injury/texts.toml`` only when read. ``items`` lists every item with its payer
(社会保险法 arts. 38-39), in the words of ``[item.*]`` in the catalogue.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import IntEnum, StrEnum
from typing import ClassVar

from pydantic import BaseModel, ConfigDict

from ..engine.explain import Explained
from ..engine.money import Money
from ..engine.tables import Unit

M = Unit.YUAN_PER_MONTH
Y = Unit.YUAN


class Payer(StrEnum):
    """Who pays an item (社会保险法 arts. 38-39)."""

    FUND = "fund"  # 工伤保险基金
    EMPLOYER = "employer"  # 用人单位

    @property
    def zh(self) -> str:
        return {"fund": "工伤保险基金", "employer": "用人单位"}[self.value]


class CareLevel(IntEnum):
    """生活自理障碍等级 (广东省工伤保险条例 2019 art. 26): 一级 (1, most severe) to 四级 (4)."""

    ONE = 1
    TWO = 2
    THREE = 3
    FOUR = 4

    @property
    def zh(self) -> str:
        return f"生活自理障碍{'一二三四'[self.value - 1]}级"


class Dependent(StrEnum):
    """A dependent relative of a deceased worker (供养亲属, 条例 art. 39)."""

    SPOUSE = "spouse"  # 配偶
    RELATIVE = "relative"  # 其他供养亲属
    ORPHAN = "orphan"  # 孤儿 (a relative, +10%)
    LONE_ELDERLY = "lone_elderly"  # 孤寡老人 (a relative, +10%)

    @property
    def zh(self) -> str:
        return {"spouse": "配偶", "relative": "其他供养亲属", "orphan": "孤儿", "lone_elderly": "孤寡老人"}[self.value]

    @property
    def relation(self) -> str:
        """The key of ``injury.death.survivor_rate``: the spouse, or any other relative."""
        return "spouse" if self is Dependent.SPOUSE else "relative"

    @property
    def supplemented(self) -> bool:
        return self in (Dependent.ORPHAN, Dependent.LONE_ELDERLY)


class BenefitItem(BaseModel):
    """One benefit item with who pays it. ``amount`` None: described only (not estimated)."""

    model_config = ConfigDict(frozen=True)

    id: str
    label_zh: str
    label_en: str
    amount: Money | None
    unit: Unit
    payer: Payer
    note_zh: str = ""
    note_en: str = ""


class UncoveredItem(BaseModel):
    """An item that could not be computed, with the reason and what would make it answerable."""

    model_config = ConfigDict(frozen=True)

    id: str
    label_zh: str
    label_en: str
    reason_zh: str
    reason_en: str
    #: The parameter that was missing, when the reason is a table gap.
    param: str | None = None


class SurvivorPension(BaseModel):
    """The monthly pension of one dependent (供养亲属抚恤金)."""

    model_config = ConfigDict(frozen=True)

    dependent: Dependent
    rate: Decimal  # share of the deceased's 本人工资 before any cap
    amount: Money


# ---------------------------------------------------------------------------------------------
# Result models


class OwnWage(Explained):
    """本人工资 (条例 art. 64)."""

    title_zh: ClassVar[str] = "工伤保险本人工资测算"
    title_en: ClassVar[str] = "Own wage for work-injury benefits"
    headline: ClassVar[tuple[tuple[str, str, str], ...]] = (
        ("own_wage", "本人工资", "own wage"),
        ("average_wage", "统筹地区上年度职工月平均工资", "previous-year average monthly wage"),
        ("lower", "下限", "floor"),
        ("upper", "上限", "ceiling"),
    )
    units: ClassVar[dict[str, Unit]] = {"own_wage": M, "average_wage": M, "lower": M, "upper": M}

    injured_on: date
    avg_wage_12m: Money
    average_wage: Money
    lower: Money
    upper: Money
    own_wage: Money
    provisional: bool
    #: Whether a figure was projected (asked for with ``project`` / ``assumptions``); the warnings say which.
    projected: bool = False


class InjuryBenefits(Explained):
    """Benefits of a worker with a disability grade, each item with its payer."""

    title_zh: ClassVar[str] = "工伤伤残待遇测算"
    title_en: ClassVar[str] = "Work-injury disability benefits"
    headline: ClassVar[tuple[tuple[str, str, str], ...]] = (
        ("own_wage", "本人工资", "own wage"),
        ("disability_lump_sum", "一次性伤残补助金", "one-off disability grant"),
        ("monthly_allowance", "伤残津贴（月）", "disability allowance (monthly)"),
        ("medical_lump_sum", "一次性工伤医疗补助金", "one-off injury medical grant"),
        ("employment_lump_sum", "一次性伤残就业补助金", "one-off disability employment grant"),
        ("nursing_monthly", "生活护理费（月）", "nursing care (monthly)"),
        ("hospital_meals", "住院伙食补助费", "hospital meal allowance"),
    )
    units: ClassVar[dict[str, Unit]] = {
        "own_wage": M,
        "disability_lump_sum": Y,
        "monthly_allowance": M,
        "allowance_top_up": M,
        "medical_lump_sum": Y,
        "employment_lump_sum": Y,
        "nursing_monthly": M,
        "hospital_meals": Y,
    }

    grade: int
    injured_on: date
    assessed_on: date
    own_wage: Money
    disability_lump_sum: Money
    #: 伤残津贴, grades 1-6 (None for 7-10, and for 5-6 once the employment has ended).
    monthly_allowance: Money | None
    #: The part of the allowance that lifts it to the minimum wage / 托底线 (None: no allowance).
    allowance_top_up: Money | None
    #: The leaving grants (grades 5-10 when the employment ends; None otherwise). 0.00 when
    #: withheld because the worker draws a basic pension (广东 2019 art. 32).
    medical_lump_sum: Money | None
    employment_lump_sum: Money | None
    #: The caller's ``draws_pension`` and whether it withheld the leaving grants (if it had no
    #: effect, a warning ``input_no_effect`` says why).
    draws_pension: bool
    pension_exclusion_applied: bool
    care_level: CareLevel | None
    nursing_monthly: Money | None
    hospital_meals: Money | None
    paid_leave_max_months: int
    items: tuple[BenefitItem, ...]
    provisional: bool
    #: Whether a figure was projected (asked for with ``project`` / ``assumptions``); the warnings say which.
    projected: bool = False

    def payer_of(self, item_id: str) -> Payer:
        """Who pays the item ``item_id`` (e.g. ``"employment_lump_sum"``)."""
        for item in self.items:
            if item.id == item_id:
                return item.payer
        raise KeyError(item_id)


class DeathBenefits(Explained):
    """Benefits after a work-related death (工亡待遇, 条例 art. 39)."""

    title_zh: ClassVar[str] = "工亡待遇测算"
    title_en: ClassVar[str] = "Work-related death benefits"
    headline: ClassVar[tuple[tuple[str, str, str], ...]] = (
        ("own_wage", "工亡职工本人工资", "deceased's own wage"),
        ("funeral_grant", "丧葬补助金", "funeral grant"),
        ("survivor_monthly", "供养亲属抚恤金合计（月）", "survivor pensions, total (monthly)"),
        ("death_grant", "一次性工亡补助金", "one-off death grant"),
    )
    units: ClassVar[dict[str, Unit]] = {
        "own_wage": M,
        "funeral_grant": Y,
        "survivor_monthly": M,
        "death_grant": Y,
    }

    died_on: date
    injured_on: date
    during_paid_leave: bool
    grade: int | None
    #: Each amount is None when its item is in ``not_covered`` (the reason is there).
    own_wage: Money | None
    funeral_grant: Money | None
    survivor_monthly: Money | None
    survivors: tuple[SurvivorPension, ...]
    survivors_capped: bool
    #: None for a grade 1-4 worker who died after the paid leave (art. 39, third paragraph), or
    #: when listed in ``not_covered``.
    death_grant: Money | None
    items: tuple[BenefitItem, ...]
    #: The items that could not be computed, each with its reason (bilingual).
    not_covered: tuple[UncoveredItem, ...] = ()
    provisional: bool
    #: Whether a figure was projected (asked for with ``project`` / ``assumptions``); the warnings say which.
    projected: bool = False


class InjuryContribution(Explained):
    """The employer's work-injury contribution (工伤保险费, 条例 art. 10)."""

    title_zh: ClassVar[str] = "工伤保险费测算"
    title_en: ClassVar[str] = "Work-injury contribution"
    headline: ClassVar[tuple[tuple[str, str, str], ...]] = (
        ("payroll", "工资总额", "payroll"),
        ("rate", "适用费率", "rate applied"),
        ("contribution", "工伤保险费（单位缴纳）", "contribution (employer)"),
    )
    units: ClassVar[dict[str, Unit]] = {"payroll": Y, "base_rate": Unit.RATE, "rate": Unit.RATE, "contribution": Y}

    on: date
    industry_class: int
    rates: str
    payroll: Money
    base_rate: Decimal
    floating_factor: Decimal
    rate: Decimal
    contribution: Money
    #: Whether a figure was projected (asked for with ``project`` / ``assumptions``); the warnings say which.
    projected: bool = False
