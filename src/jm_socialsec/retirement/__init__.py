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

from ..engine.api import check, field_value, public
from ..engine.errors import InputError
from ..engine.explain import Explained, Notice, Quantity, Step, notices_for
from ..engine.months import Age, YearMonth
from ..engine.params import Params
from ..engine.tables import Unit

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


# ---------------------------------------------------------------------------------------------
# Special types of work (特殊工种), 办法第八条; ages after the reform are secondary.


class SpecialRetirement(Explained):
    """Special-type early retirement: the earliest month, the years required, whether they qualify."""

    title_zh: ClassVar[str] = "特殊工种提前退休测算"
    title_en: ClassVar[str] = "Special-type early retirement"
    headline: ClassVar[tuple[tuple[str, str, str], ...]] = (
        ("earliest_month", "最早可退休年月", "earliest retirement month"),
        ("age", "特殊工种退休年龄", "special-type retirement age"),
        ("required_years", "要求的累计年限", "years required"),
        ("qualifies", "年限是否满足", "years qualify"),
    )
    units: ClassVar[dict[str, Unit]] = {"required_years": Unit.YEARS}

    birth: YearMonth
    category: Category
    work_type: SpecialWorkType
    years_in_type: Decimal
    required_years: Decimal
    qualifies: bool
    delay_months: int
    age: Age
    earliest_month: YearMonth
    statutory_month: YearMonth
    #: Always True: the job type must be proven from the original file, the person must be in the
    #: national special-type register, and the case is published (公示) before approval.
    needs_approval: bool = True


def special_month(params: Params, birth: YearMonth, category: Category) -> tuple[Age, int, YearMonth]:
    """(special-type age before delay, delay months, earliest special-type month)."""
    sex = category.sex
    known = int(params.value("retirement.special.original_age", params.as_of, key=sex))
    years = int(params.value("retirement.special.original_age", birth.add_years(known), key=sex))
    original_month = birth.add_years(years)
    delay = _delay(params, "retirement.special.", sex, birth, original_month)
    return Age(years, 0), delay, original_month + delay


@public
def special_retirement(
    birth: date | YearMonth | str,
    category: Category | str,
    work_type: SpecialWorkType | str,
    years_in_type: Decimal | int | float | str,
    *,
    as_of: date | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> SpecialRetirement:
    """Special-type early retirement (特殊工种提前退休): age, years required and whether they qualify.

    The ages after the reform are secondary (a city reply and three determination sheets); the
    years required are secondary restatements. Approval needs the original personnel file, the
    national register and a public notice: this estimate never replaces that.
    """
    from ..engine.money import to_decimal

    params = Params(as_of, overrides)
    cat = Category.parse(category)
    kind = SpecialWorkType.parse(work_type, "work_type")
    years = to_decimal(years_in_type, "years_in_type", non_negative=True)
    ym = _birth(birth, params.as_of)
    base_age, delay, earliest = special_month(params, ym, cat)
    _, _, statutory = statutory_month(params, ym, cat)
    required = params.get("retirement.special.required_years", earliest, key=kind.value)
    qualifies = years >= required.decimal
    age = Age.from_months(base_age.total_months + delay)
    steps = (
        Step(
            id="special_age",
            label_zh="特殊工种退休年龄",
            label_en="special-type retirement age",
            formula_zh="原特殊工种年龄（男55/女45）+ 延迟月数（同法定表的算法）",
            formula_en="pre-reform special age (men 55 / women 45) + delay (same algorithm as the statutory table)",
            calc=f"{ym} + {base_age.years}×12 + {delay} = {earliest}",
            params=tuple(p for p in params.used if p.id.startswith("retirement.special.") and "required" not in p.id),
            result=age,
        ),
        Step(
            id="years",
            label_zh="特殊工种累计年限",
            label_en="years in the special type",
            formula_zh="累计年限 ≥ 要求年限",
            formula_en="cumulative years ≥ required years",
            calc=f"{years} ≥ {required.value} → {'满足' if qualifies else '不满足'}",
            inputs=(
                Quantity(name_zh="工种类别", name_en="work type", value=kind.zh),
                Quantity(name_zh="累计年限", name_en="years in type", value=years, unit=Unit.YEARS),
            ),
            params=(required,),
            result=qualifies,
            note_zh="须以原始档案证明工种及年限、已录入全国特殊工种信息库，并经公示、审批；提前退休会减少缴费年限并降低养老金",
            note_en="the job type and years must be proven from the original file, the person must be in the "
            "national register, and the case is published and approved; early retirement shortens "
            "contribution time and lowers the pension",
        ),
    )
    return SpecialRetirement(
        as_of=params.as_of,
        steps=steps,
        warnings=notices_for(params.used),
        birth=ym,
        category=cat,
        work_type=kind,
        years_in_type=years,
        required_years=required.decimal,
        qualifies=qualifies,
        delay_months=delay,
        age=age,
        earliest_month=earliest,
        statutory_month=statutory,
    )


# ---------------------------------------------------------------------------------------------
# The person's choice (退休方式) resolved to a retirement month, checked against the rules.


class RetirementChoice(StrEnum):
    """How the person retires."""

    STATUTORY = "statutory"  # 法定退休年龄
    FLEXIBLE_EARLY = "flexible_early"  # 弹性提前退休
    FLEXIBLE_LATE = "flexible_late"  # 弹性延迟退休（须用人单位同意）
    SPECIAL = "special"  # 特殊工种提前退休

    @property
    def zh(self) -> str:
        return {
            "statutory": "法定退休年龄退休",
            "flexible_early": "弹性提前退休",
            "flexible_late": "弹性延迟退休",
            "special": "特殊工种提前退休",
        }[self.value]

    @classmethod
    def parse(cls, value: Any, field: str = "choice") -> RetirementChoice:
        try:
            return cls(value)
        except ValueError:
            names = ", ".join(c.value for c in cls)
            raise InputError(
                field, f"未知退休方式“{value}”（可选：{names}）", f"unknown choice {value!r} ({names})"
            ) from None


class ResolvedRetirement(Explained):
    """The retirement month and age a choice leads to, and what it requires."""

    title_zh: ClassVar[str] = "退休时间"
    title_en: ClassVar[str] = "Retirement month"

    choice: RetirementChoice
    month: YearMonth
    age: Age
    statutory_month: YearMonth
    min_years: Decimal
    #: True when the choice needs the employer's written agreement (flexible late).
    needs_employer_agreement: bool = False
    #: True when the choice needs an approval procedure (special type).
    needs_approval: bool = False


def resolve(
    params: Params,
    birth: YearMonth,
    category: Category,
    choice: RetirementChoice,
    month: YearMonth | None = None,
    contribution_months: int | None = None,
    work_type: SpecialWorkType | None = None,
    years_in_type: Decimal | None = None,
) -> ResolvedRetirement:
    """Check a retirement choice against the rules and return its month (the rule, for reuse).

    Raises :class:`InputError` naming ``retirement_month`` (or the special-type fields) when the
    rules do not allow the choice for this person.
    """
    original, _delay_months, statutory = statutory_month(params, birth, category)
    earliest, latest = flexible_window(params, birth, original, statutory)
    agreement = approval = False
    if choice is RetirementChoice.STATUTORY:
        check(
            month is None or month == statutory,
            "retirement_month",
            f"按法定年龄退休的月份是 {statutory}",
            f"the statutory retirement month is {statutory}",
        )
        chosen = statutory
    elif choice is RetirementChoice.FLEXIBLE_EARLY:
        check(
            month is not None,
            "retirement_month",
            "弹性提前退休须给出退休年月",
            "flexible early retirement needs the month",
        )
        assert month is not None
        check(
            earliest is not None,
            "choice",
            "该人员法定退休早于弹性退休制度施行",
            "flexible retirement did not exist then",
        )
        assert earliest is not None
        check(
            earliest <= month < statutory,
            "retirement_month",
            f"弹性提前退休只能在 {earliest} 至 {statutory - 1} 之间（不早于原法定年龄，最多提前36个月）",
            f"flexible early retirement must fall in {earliest}..{statutory - 1} "
            "(not below the original age, at most 36 months early)",
        )
        chosen = month
    elif choice is RetirementChoice.FLEXIBLE_LATE:
        check(
            month is not None,
            "retirement_month",
            "弹性延迟退休须给出退休年月",
            "flexible late retirement needs the month",
        )
        assert month is not None
        check(
            latest is not None,
            "choice",
            "该人员法定退休早于弹性退休制度施行",
            "flexible retirement did not exist then",
        )
        assert latest is not None
        check(
            statutory < month <= latest,
            "retirement_month",
            f"弹性延迟退休只能在 {statutory + 1} 至 {latest} 之间（最多延迟36个月）",
            f"flexible late retirement must fall in {statutory + 1}..{latest} (at most 36 months late)",
        )
        chosen, agreement = month, True
    else:
        check(
            work_type is not None,
            "special_type",
            "特殊工种退休须给出工种类别",
            "special-type retirement needs the work type",
        )
        check(
            years_in_type is not None,
            "special_years",
            "特殊工种退休须给出累计年限",
            "special-type retirement needs the years",
        )
        assert work_type is not None and years_in_type is not None
        _, _, special_earliest = special_month(params, birth, category)
        required = params.value("retirement.special.required_years", special_earliest, key=work_type.value)
        check(
            years_in_type >= required,
            "special_years",
            f"{work_type.zh}须累计满 {required} 年，现为 {years_in_type} 年",
            f"{work_type.value} needs {required} years, has {years_in_type}",
        )
        chosen = month if month is not None else special_earliest
        check(
            special_earliest <= chosen <= statutory,
            "retirement_month",
            f"特殊工种退休只能在 {special_earliest} 至 {statutory} 之间",
            f"special-type retirement must fall in {special_earliest}..{statutory}",
        )
        approval = True
    # Flexible late retirement keeps the minimum years of the statutory year (secondary).
    years_month = statutory if choice is RetirementChoice.FLEXIBLE_LATE else chosen
    needed = min_years(params, years_month)
    if choice is RetirementChoice.FLEXIBLE_EARLY and contribution_months is not None:
        check(
            contribution_months >= needed * _YEAR,
            "retirement_month",
            f"弹性提前退休须在 {chosen} 时已满最低缴费年限 {needed} 年",
            f"flexible early retirement needs the minimum {needed} years at {chosen}",
        )
    return ResolvedRetirement(
        as_of=params.as_of,
        warnings=notices_for(params.used),
        choice=choice,
        month=chosen,
        age=Age.from_months(chosen - birth),
        statutory_month=statutory,
        min_years=needed,
        needs_employer_agreement=agreement,
        needs_approval=approval,
    )


@public
def retirement_month(
    birth: date | YearMonth | str,
    category: Category | str,
    choice: RetirementChoice | str = RetirementChoice.STATUTORY,
    month: date | YearMonth | str | None = None,
    *,
    contribution_months: int | None = None,
    work_type: SpecialWorkType | str | None = None,
    years_in_type: Decimal | int | float | str | None = None,
    as_of: date | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> ResolvedRetirement:
    """The retirement month and age for a choice (statutory, flexible early/late, special type),
    refusing a choice the rules do not allow for this person (bilingual :class:`InputError`)."""
    from ..engine.money import to_decimal

    params = Params(as_of, overrides)
    return resolve(
        params,
        _birth(birth, params.as_of),
        Category.parse(category),
        RetirementChoice.parse(choice),
        None if month is None else field_value(month, "retirement_month", YearMonth.of),
        contribution_months,
        None if work_type is None else SpecialWorkType.parse(work_type, "special_type"),
        None if years_in_type is None else to_decimal(years_in_type, "special_years", non_negative=True),
    )


# ---------------------------------------------------------------------------------------------
# Illness or non-work disability before the statutory age (病残津贴)


class IllnessRoute(Explained):
    """What applies to a person who loses the ability to work before the statutory age."""

    title_zh: ClassVar[str] = "因病或非因工致残：病残津贴"
    title_en: ClassVar[str] = "Illness or non-work disability: the 病残津贴 route"
    headline: ClassVar[tuple[tuple[str, str, str], ...]] = (
        ("statutory_month", "法定退休年月", "statutory retirement month"),
        ("route_zh", "办理途径", "route"),
    )

    statutory_month: YearMonth
    route_zh: str
    route_en: str
    #: Always None: the 病残津贴 formula was not collected; the library computes no amount.
    amount: None = None


@public
def illness_route(
    birth: date | YearMonth | str,
    category: Category | str,
    *,
    as_of: date | None = None,
) -> IllnessRoute:
    """The route for complete loss of working ability before the statutory age, without an amount.

    From 2025 early retirement for illness is replaced by 病残津贴 (企业职工基本养老保险病残津贴暂行办法)
    until the statutory age, then the pension. The formula was not collected: no amount is computed.
    """
    params = Params(as_of)
    cat = Category.parse(category)
    ym = _birth(birth, params.as_of)
    _, _, month = statutory_month(params, ym, cat)
    route_zh = "经劳动能力鉴定完全丧失劳动能力的，申领病残津贴至法定退休年龄，之后按月领取基本养老金"
    route_en = (
        "after an appraisal of complete loss of working ability, draw the 病残津贴 (illness/disability "
        "allowance) until the statutory retirement age, then the monthly pension"
    )
    return IllnessRoute(
        as_of=params.as_of,
        steps=(
            Step(
                id="route",
                label_zh="病残津贴途径",
                label_en="illness/disability allowance route",
                result=month,
                note_zh=route_zh + "；本库不计算病残津贴金额（计发办法未收集）",
                note_en=route_en + "; the library computes no amount (the formula was not collected)",
            ),
        ),
        warnings=(
            Notice(
                code="amount_not_computed",
                zh="病残津贴计发办法未收集，不计算金额",
                en="the 病残津贴 formula was not collected; no amount is computed",
            ),
        ),
        statutory_month=month,
        route_zh=route_zh,
        route_en=route_en,
    )
