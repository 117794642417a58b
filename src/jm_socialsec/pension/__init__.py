"""Enterprise-employee basic pension (企业职工基本养老金), Guangdong formula (Shenzhen excluded).

基本养老金 = 基础养老金 + 个人账户养老金 + 过渡性养老金 (+ 过渡性调整额), each line rounded to 分
(half-up) as on the Guangdong 基本养老金核定表, and only there: every line is computed with exact
fractions from its inputs and rounded once (an index ÷ 0.6 rounded to the decimal context first
missed exact half-分 ties by 1 分):

- 基础养老金 = 计发基数 × (a + 平均缴费指数) / 2 × 缴费年限 × 1%, a = 1, or index / 0.6 when the
  index is below 0.6 (国发〔2005〕38号 第六条; the Guangdong a-coefficient, 粤府〔2006〕96号, is
  reconstructed from determination sheets: secondary). 缴费年限 = months / 12, not rounded.
- 个人账户养老金 = 个人账户储存额 ÷ 计发月数 (国发〔2005〕38号 annex; from 2025 by age to the month,
  interpolated and rounded to 0.1; before 2025 the whole-age row of the completed years — our
  reading, flagged).
- 过渡性养老金 = 100 元 (粤劳电〔2009〕32号) + 4 元 × whole contribution years (粤人社〔2014〕8号)
  + for deemed time the old method 视同缴费账户储存额 ÷ 120; 过渡性调整额 = max(0, new − old −
  津贴) × phase-in, new = 计发基数 × 加权视同年数 × 1.2% (粤府函〔2021〕294号). All secondary.
  The 新办法 and 原办法 amounts are printed in 分 on the sheet and enter the adjustment rounded.
  Whether 2026 sheets still add the 100 元 on top of the new-method amount is unconfirmed: the
  2026 fixed part is `assumed` and results say so.

The 计发基数 is the one for the retirement year; before it is published (as of ``as_of``) the
previous year's applies and the result is provisional (预发), as on the official sheets.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any, ClassVar

from ..engine.api import check, field_value, public
from ..engine.errors import InputError, NotCovered
from ..engine.explain import Explained, Notice, Quantity, Step, notices_for
from ..engine.money import Money, round_exact, round_fen, to_decimal
from ..engine.months import Age, YearMonth
from ..engine.params import Params, ParamValue
from ..engine.regions import Region
from ..engine.tables import Status, Unit
from ..retirement import Category, RetirementChoice, SpecialWorkType, min_years, resolve

M = Unit.YUAN_PER_MONTH
_YEAR = 12  # months in a year (structural)
_SHOWN = Decimal("0.0001")  # ratios shown in explanations (display only; calculations stay exact)
_MONTH_RULE = "pension.annuity_months.month_precision"


# ---------------------------------------------------------------------------------------------
# 计发月数 (annuity divisor)


def annuity_divisor(params: Params, age: Age, on: YearMonth) -> Decimal:
    """计发月数 for an age in years and months (国发〔2005〕38号 annex, whole ages).

    From the month rule's first date (2025-01-01): linear between whole ages, rounded half-up to
    the rule's step, ``round(T[a] − (T[a] − T[a+1]) × m / 12)``, computed exactly. Before it the
    whole-age row of the completed years (周岁) applies (see :func:`whole_age_notice`).
    Outside 40–70 the rule is unknown: :class:`NotCovered`.
    """
    low = params.value("pension.annuity_months", on, key=str(age.years))
    if age.months == 0 or not params.in_force(_MONTH_RULE, on):
        return low
    step = params.value(_MONTH_RULE, on)
    high = params.value("pension.annuity_months", on, key=str(age.years + 1))
    return round_exact(Fraction(low) - Fraction(low - high) * Fraction(age.months, _YEAR), step)


def whole_age_notice(params: Params, age: Age, on: YearMonth) -> tuple[Notice, ...]:
    """Flag a non-whole age before the month rule: the whole-age row is our reading."""
    if age.months == 0 or params.in_force(_MONTH_RULE, on):
        return ()
    return (
        Notice(
            code="annuity_months_whole_age",
            param="pension.annuity_months",
            zh=f"按月计算计发月数的规定施行前退休：按国发〔2005〕38号附件整岁表取 {age.years} 周岁的月数，"
            "不满一岁的月份不计（本库的理解，未见原文规定）",
            en=f"retirement before the month rule: the whole-age row for {age.years} completed years of "
            "国发〔2005〕38号's annex is used and the extra months are ignored (our reading, not confirmed)",
        ),
    )


@public
def annuity_months(years: int, months: int = 0, *, as_of: date | None = None) -> Decimal:
    """计发月数 for a retirement age of ``years`` and ``months`` (e.g. 60, 1 → 138.4), by the rule in
    force on ``as_of``'s month (before 2025 the months are ignored: the whole-age row applies)."""
    age = field_value((years, months), "age", Age.of)
    params = Params(as_of)
    return annuity_divisor(params, age, YearMonth.of(params.as_of))


# ---------------------------------------------------------------------------------------------
# The estimate


class PensionEstimate(Explained):
    """A Guangdong 基本养老金核定表, line by line, with its steps and warnings."""

    title_zh: ClassVar[str] = "企业职工基本养老金测算"
    title_en: ClassVar[str] = "Enterprise-employee basic pension estimate"
    headline: ClassVar[tuple[tuple[str, str, str], ...]] = (
        ("retirement_month", "退休年月", "retirement month"),
        ("age", "退休年龄", "age at retirement"),
        ("base", "计发基数", "calculation base"),
        ("basic", "基础养老金", "basic pension"),
        ("account", "个人账户养老金", "personal-account pension"),
        ("transitional", "过渡性养老金", "transitional pension"),
        ("adjustment", "过渡性调整额", "transitional adjustment"),
        ("total", "基本养老金合计", "total monthly pension"),
    )
    units: ClassVar[dict[str, Unit]] = {
        "base": M,
        "basic": M,
        "account": M,
        "transitional": M,
        "adjustment": M,
        "total": M,
    }

    retirement_month: YearMonth
    age: Age
    benefit_start: YearMonth
    region: Region
    contribution_months: int
    contribution_years: Decimal  # months / 12, unrounded
    average_index: Decimal
    min_contribution_years: Decimal
    eligible: bool
    #: Months short of the minimum contribution years (0 when eligible).
    missing_months: int = 0
    #: What a person short of the minimum can do (Chinese, English), empty when eligible.
    options: tuple[tuple[str, str], ...] = ()
    base: Money | None = None
    base_year: int | None = None
    provisional: bool = False
    annuity_months: Decimal | None = None
    basic: Money | None = None
    account: Money | None = None
    transitional: Money | None = None
    adjustment: Money | None = None
    total: Money | None = None


_OPTIONS = (
    ("延长缴费至满最低缴费年限（延长缴费）", "keep contributing until the minimum is met (延长缴费)"),
    (
        "按规定一次性补缴不足年限（一次性缴费）",
        "pay the missing years in a lump sum where the rules allow (一次性缴费)",
    ),
    (
        "申请转入城乡居民基本养老保险（社会保险法第十六条）",
        "transfer to the residents' basic pension scheme (社会保险法 art. 16)",
    ),
)


def _retirement(
    params: Params,
    retirement_month: Any,
    age: Any,
    birth: Any,
    category: Any,
    choice: Any,
    contribution_months: int,
    work_type: Any,
    years_in_type: Any,
) -> tuple[YearMonth, Age, Decimal, tuple[Notice, ...]]:
    """Retirement month, age, minimum years, and notices for the choice (employer, approval)."""
    if birth is None:
        check(
            retirement_month is not None and age is not None,
            "retirement_month",
            "须给出退休年月和退休年龄，或出生年月和退休类别",
            "give retirement_month and age, or birth and category",
        )
        month = field_value(retirement_month, "retirement_month", YearMonth.of)
        return month, field_value(age, "age", Age.of), min_years(params, month), ()
    check(category is not None, "category", "给出出生年月时须给出退休类别", "category is required with birth")
    birth_ym = field_value(birth, "birth", YearMonth.of)
    check(
        birth_ym <= YearMonth.of(params.as_of),
        "birth",
        "出生年月晚于知悉日期",
        "birth month is after the as_of date",
    )
    resolved = resolve(
        params,
        birth_ym,
        Category.parse(category),
        RetirementChoice.parse(choice),
        None if retirement_month is None else field_value(retirement_month, "retirement_month", YearMonth.of),
        contribution_months,
        None if work_type is None else SpecialWorkType.parse(work_type, "special_type"),
        None if years_in_type is None else to_decimal(years_in_type, "special_years", non_negative=True),
    )
    if age is not None:
        check(
            field_value(age, "age", Age.of) == resolved.age,
            "age",
            f"退休年龄与出生年月不符（应为 {resolved.age.zh()}）",
            f"age does not match the birth month (should be {resolved.age.en()})",
        )
    notices: list[Notice] = []
    if resolved.needs_employer_agreement:
        notices.append(
            Notice(
                code="needs_employer_agreement",
                zh="弹性延迟退休须与用人单位协商一致并书面约定",
                en="flexible late retirement needs the employer's written agreement",
            )
        )
    if resolved.needs_approval:
        notices.append(
            Notice(
                code="needs_approval",
                zh="特殊工种提前退休须经原始档案审核、公示和审批；退休年龄为二手资料",
                en="special-type early retirement needs the file review, public notice and approval; "
                "the ages are from secondary sources",
            )
        )
    return resolved.month, resolved.age, resolved.min_years, tuple(notices)


@public
def estimate_pension(
    *,
    contribution_months: int,
    average_index: Decimal | float | str,
    account_balance: Decimal | int | float | str,
    retirement_month: YearMonth | date | str | None = None,
    age: Age | tuple[int, int] | None = None,
    birth: YearMonth | date | str | None = None,
    category: Category | str | None = None,
    choice: RetirementChoice | str = RetirementChoice.STATUTORY,
    special_type: SpecialWorkType | str | None = None,
    special_years: Decimal | int | float | str | None = None,
    deemed_months: int = 0,
    deemed_account: Decimal | int | float | str = 0,
    weighted_deemed_years: Decimal | int | float | str | None = None,
    deemed_months_before_1994: int | None = None,
    index_sum_1994_1998: Decimal | int | float | str | None = None,
    region: Region | str = Region.JIANGMEN,
    as_of: date | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> PensionEstimate:
    """Estimate the monthly basic pension at retirement, line by line as on the 核定表.

    Give either ``retirement_month`` and ``age=(years, months)``, or ``birth`` and ``category``
    (with ``choice`` = statutory / flexible_early / flexible_late / special and, for a flexible
    choice, ``retirement_month``; for special, ``special_type`` and ``special_years``).

    ``contribution_months``: total, deemed included. ``average_index``: 平均缴费指数 (0 < i ≤ 3).
    ``account_balance``: 个人账户储存额 at retirement. For deemed time (视同缴费, before 1998-07):
    ``deemed_months``, ``deemed_account`` (视同缴费账户储存额) and ``weighted_deemed_years``
    (加权视同年数) — or ``deemed_months_before_1994`` and ``index_sum_1994_1998`` (Σ actual
    monthly indices 1994-01…1998-06) to derive it with the region's 视同缴费指数.
    """
    params = Params(as_of, overrides)
    reg = Region.parse(region)
    months = _whole(contribution_months, "contribution_months")
    deemed = _whole(deemed_months, "deemed_months")
    index = to_decimal(average_index, "average_index")
    max_index = params.value("pension.max_average_index", params.as_of)
    check(
        Decimal(0) < index <= max_index,
        "average_index",
        f"平均缴费指数应大于0且不超过{max_index}",
        f"the average index must be above 0 and at most {max_index}",
    )
    balance = to_decimal(account_balance, "account_balance", non_negative=True)
    deemed_acct = to_decimal(deemed_account, "deemed_account", non_negative=True)
    check(
        deemed <= months,
        "deemed_months",
        "视同缴费月数不能超过总缴费月数",
        "deemed months cannot exceed the total contribution months",
    )
    month, age, needed, choice_notices = _retirement(
        params, retirement_month, age, birth, category, choice, months, special_type, special_years
    )
    min_age = int(params.value("labour.minimum_working_age", month))
    check(
        months <= age.total_months - min_age * _YEAR,
        "contribution_months",
        f"缴费月数 {months} 超过可能的工作时间（退休年龄减 {min_age} 岁）",
        f"{months} contribution months exceed the possible working life (age at retirement minus {min_age})",
    )
    years = Decimal(months) / _YEAR
    common: dict[str, Any] = {
        "retirement_month": month,
        "age": age,
        "benefit_start": month + 1,
        "region": reg,
        "contribution_months": months,
        "contribution_years": years,
        "average_index": index,
        "min_contribution_years": needed,
    }
    needed_months = int(needed * _YEAR)
    if months < needed_months:
        return _ineligible(params, common, needed, needed_months - months, choice_notices)

    steps: list[Step] = []
    base_pv = params.get("pension.calc_base", month)
    base = base_pv.decimal
    steps.append(
        Step(
            id="base",
            label_zh="计发基数",
            label_en="calculation base",
            formula_zh="退休当年的计发基数；未公布前按上年预发",
            formula_en="the base of the retirement year; the previous year's until it is published",
            params=(base_pv,),
            result=base,
            unit=M,
        )
    )
    steps.append(
        Step(
            id="years",
            label_zh="缴费年限",
            label_en="contribution years",
            formula_zh="缴费月数（含视同）÷ 12，不取整",
            formula_en="contribution months (deemed included) / 12, not rounded",
            calc=f"{months} ÷ 12 = {_show(years)}",
            result=_show(years),
            unit=Unit.YEARS,
        )
    )
    basic, basic_step = _basic(params, month, base, index, months)
    steps.append(basic_step)
    divisor = annuity_divisor(params, age, month)
    account = account_pension(balance, divisor)
    steps.append(
        Step(
            id="annuity_months",
            label_zh="计发月数",
            label_en="annuity divisor (months)",
            formula_zh="按退休年龄（到月）在整岁表中线性插值，四舍五入到规定位数；此前按周岁取整岁表",
            formula_en="whole-age table interpolated by month, rounded half-up to the set step; "
            "before the month rule, the row of the completed years",
            inputs=(Quantity(name_zh="退休年龄", name_en="age at retirement", value=age),),
            params=tuple(pv for pv in params.used if pv.id.startswith("pension.annuity_months")),
            result=divisor,
            unit=Unit.MONTHS,
        )
    )
    steps.append(
        Step(
            id="account",
            label_zh="个人账户养老金",
            label_en="personal-account pension",
            formula_zh="个人账户储存额 ÷ 计发月数",
            formula_en="account balance / annuity months",
            calc=f"{balance} ÷ {divisor} = {account}",
            inputs=(Quantity(name_zh="个人账户储存额", name_en="account balance", value=balance, unit=Unit.YUAN),),
            result=account,
            unit=M,
        )
    )
    transitional, adjustment, t_steps = _transitional(
        params, month, base, months, deemed, deemed_acct, weighted_deemed_years,
        deemed_months_before_1994, index_sum_1994_1998, reg,
    )  # fmt: skip
    steps.extend(t_steps)
    total = basic + account + transitional + adjustment
    steps.append(
        Step(
            id="total",
            label_zh="基本养老金合计",
            label_en="total monthly pension",
            formula_zh="基础养老金 + 个人账户养老金 + 过渡性养老金 + 过渡性调整额",
            formula_en="basic + account + transitional + adjustment",
            calc=f"{basic} + {account} + {transitional} + {adjustment} = {total}",
            result=total,
            unit=M,
        )
    )
    return PensionEstimate(
        as_of=params.as_of,
        steps=tuple(steps),
        warnings=notices_for(params.used)
        + choice_notices
        + whole_age_notice(params, age, month)
        + _transitional_notice(params.used),
        eligible=True,
        base=base,
        base_year=base_pv.since.year if base_pv.since else None,
        provisional=base_pv.provisional,
        annuity_months=divisor,
        basic=basic,
        account=account,
        transitional=transitional,
        adjustment=adjustment,
        total=total,
        **common,
    )


def _whole(value: Any, field: str) -> int:
    check(
        isinstance(value, int) and not isinstance(value, bool) and value >= 0,
        field,
        "应为不小于0的整数（月数）",
        "must be a whole number of months, not negative",
    )
    return int(value)


def _pct(rate: Decimal) -> str:
    """A rate as a percentage for a formula text (0.012 → 1.2%)."""
    return f"{(rate * 100).normalize():f}%"


def _show(d: Decimal | Fraction) -> Decimal:
    """A ratio shown to 4 places in the explanation (the calculation keeps it exact)."""
    return round_exact(Fraction(d), _SHOWN)


def basic_pension(base: Decimal, index: Decimal, months: int, threshold: Decimal, rate: Decimal) -> Decimal:
    """基础养老金 = base × (a + index) ÷ 2 × months ÷ 12 × rate, a = 1 or index ÷ threshold.

    国发〔2005〕38号 第六条 with Guangdong's a-coefficient (粤府〔2006〕96号, secondary). Exact
    fractions throughout; the one rounding is the line's, half-up to 分.
    """
    i = Fraction(index)
    a = Fraction(1) if index >= threshold else i / Fraction(threshold)
    return round_fen(Fraction(base) * (a + i) / 2 * Fraction(months, _YEAR) * Fraction(rate))


def account_pension(balance: Decimal, divisor: Decimal) -> Decimal:
    """个人账户养老金 = 个人账户储存额 ÷ 计发月数, exact, half-up to 分."""
    return round_fen(Fraction(balance) / Fraction(divisor))


def _basic(params: Params, month: YearMonth, base: Decimal, index: Decimal, months: int) -> tuple[Decimal, Step]:
    """基础养老金 with Guangdong's a-coefficient below the low-index threshold, and its step."""
    threshold = params.get("pension.low_index_threshold", month)
    rate = params.get("pension.basic_rate_per_year", month)
    basic = basic_pension(base, index, months, threshold.decimal, rate.decimal)
    low = index < threshold.decimal
    a_shown = _show(Fraction(index) / Fraction(threshold.decimal)) if low else Decimal(1)
    years = Fraction(months, _YEAR)
    a_text = f"{index} ÷ {threshold.value} = {a_shown}" if low else "1"
    return basic, Step(
        id="basic",
        label_zh="基础养老金",
        label_en="basic pension",
        formula_zh=f"计发基数 × (a + 平均缴费指数) ÷ 2 × 缴费年限 × {_pct(rate.decimal)}；"
        f"指数低于{threshold.value}时 a = 指数 ÷ {threshold.value}，否则 a = 1",
        formula_en=f"base × (a + index) / 2 × years × {_pct(rate.decimal)}; "
        f"a = index / {threshold.value} below {threshold.value}, else 1",
        calc=f"a = {a_text}；{base} × ({a_shown} + {index}) ÷ 2 × {_show(years)} × {rate.value} = {basic}",
        inputs=(Quantity(name_zh="平均缴费指数", name_en="average index", value=index),),
        params=(threshold, rate),
        result=basic,
        unit=M,
    )


def _transitional(
    params: Params,
    month: YearMonth,
    base: Decimal,
    months: int,
    deemed: int,
    deemed_account: Decimal,
    weighted_years: Any,
    deemed_before_1994: int | None,
    index_sum: Any,
    region: Region,
) -> tuple[Decimal, Decimal, list[Step]]:
    """过渡性养老金 (fixed + allowance + old method) and 过渡性调整额."""
    fixed = params.get("pension.transitional.fixed", month)
    per_year = params.get("pension.transitional.per_year", month)
    whole_years = months // _YEAR
    allowance = per_year.decimal * whole_years
    old = Decimal(0)
    if deemed > 0:
        divisor = params.get("pension.transitional.old_method_divisor", month)
        old = round_fen(Fraction(deemed_account) / Fraction(divisor.decimal))
    transitional = round_fen(fixed.decimal + allowance + old)
    steps = [
        Step(
            id="transitional",
            label_zh="过渡性养老金",
            label_en="transitional pension",
            formula_zh=f"{fixed.value}元 + {per_year.value}元 × 缴费整年数"
            " + 视同缴费账户储存额 ÷ 原办法除数（有视同缴费时）",
            formula_en=f"{fixed.value} + {per_year.value} × whole contribution years "
            "+ deemed account / old-method divisor (with deemed time)",
            calc=f"{fixed.value} + {per_year.value} × {whole_years} + {old} = {transitional}",
            inputs=(
                Quantity(
                    name_zh="视同缴费账户储存额",
                    name_en="deemed account",
                    value=deemed_account,
                    unit=Unit.YUAN,
                ),
            )
            if deemed
            else (),
            params=(fixed, per_year, *tuple(pv for pv in params.used if pv.id.endswith("old_method_divisor"))),
            result=transitional,
            unit=M,
        )
    ]
    if deemed == 0:
        return transitional, Decimal("0.00"), steps
    weighted, weighted_step = _weighted_years(params, month, weighted_years, deemed_before_1994, index_sum, region)
    if weighted_step is not None:
        steps.append(weighted_step)
    rate = params.get("pension.transitional.new_method_rate", month)
    phase = params.get("pension.transitional.phase_in", month)
    new = round_fen(Fraction(base) * weighted * Fraction(rate.decimal))
    gap = max(Decimal(0), new - old - allowance)
    adjustment = round_fen(Fraction(gap) * Fraction(phase.decimal))
    steps.append(
        Step(
            id="adjustment",
            label_zh="过渡性调整额",
            label_en="transitional adjustment",
            formula_zh="max(0, 新办法 − 原办法 − 缴费年限津贴) × 实施比例；"
            f"新办法 = 计发基数 × 加权视同年数 × {_pct(rate.decimal)}（新办法、原办法各按分四舍五入）",
            formula_en="max(0, new − old − allowance) × phase-in; "
            f"new = base × weighted deemed years × {_pct(rate.decimal)} (new and old each rounded to the fen)",
            calc=f"新办法 {base} × {_show(weighted)} × {rate.value} = {new}；"
            f"max(0, {new} − {old} − {allowance}) × {phase.value} = {adjustment}",
            params=(rate, phase),
            result=adjustment,
            unit=M,
        )
    )
    return transitional, adjustment, steps


def _transitional_notice(used: list[ParamValue]) -> tuple[Notice, ...]:
    """Flag the unconfirmed transitional treatment on sheets from 2026 (the fixed part assumed)."""
    fixed = next((pv for pv in used if pv.id == "pension.transitional.fixed"), None)
    if fixed is None or fixed.overridden or fixed.status is not Status.ASSUMED or fixed.since is None:
        return ()
    return (
        Notice(
            code="transitional_treatment_unconfirmed",
            param=fixed.id,
            zh=f"{fixed.since.year}年起退休的核定表是否仍在新办法金额之外另加过渡性养老金固定部分 {fixed.value} 元"
            "未经证实（一份转录的韶关核定表只计新办法金额），本测算仍按另加计算",
            en=f"whether sheets for retirements from {fixed.since.year} still add the fixed transitional part "
            f"of {fixed.value} yuan on top of the new-method amount is unconfirmed (a transcribed Shaoguan sheet "
            "shows the new-method amount alone); this estimate still adds it",
        ),
    )


def _weighted_years(
    params: Params,
    month: YearMonth,
    weighted_years: Any,
    deemed_before_1994: int | None,
    index_sum: Any,
    region: Region,
) -> tuple[Fraction, Step | None]:
    """加权视同年数: given, or (视同缴费指数 × months to 1993-12 + Σ indices 1994-01…1998-06) / 12, exact."""
    if weighted_years is not None:
        return Fraction(to_decimal(weighted_years, "weighted_deemed_years", non_negative=True)), None
    if deemed_before_1994 is None or index_sum is None:
        raise InputError(
            "weighted_deemed_years",
            "有视同缴费时须给出加权视同年数，或给出1993年底前视同月数和1994-01至1998-06各月指数之和",
            "with deemed time give weighted_deemed_years, or deemed_months_before_1994 and index_sum_1994_1998",
        )
    before = _whole(deemed_before_1994, "deemed_months_before_1994")
    total_index = to_decimal(index_sum, "index_sum_1994_1998", non_negative=True)
    deemed_index = params.get("pension.deemed_index", month, key=region.value)
    weighted = (Fraction(deemed_index.decimal) * before + Fraction(total_index)) / _YEAR
    return weighted, Step(
        id="weighted_deemed_years",
        label_zh="加权视同年数",
        label_en="weighted deemed years",
        formula_zh="(视同缴费指数 × 1993年底前视同月数 + 1994-01至1998-06各月实际指数之和) ÷ 12",
        formula_en="(deemed index × deemed months to 1993-12 + Σ monthly indices 1994-01…1998-06) / 12",
        calc=f"({deemed_index.value} × {before} + {total_index}) ÷ 12 = {_show(weighted)}",
        params=(deemed_index,),
        result=_show(weighted),
        unit=Unit.YEARS,
    )


def _ineligible(
    params: Params,
    common: dict[str, Any],
    needed: Decimal,
    missing: int,
    choice_notices: tuple[Notice, ...],
) -> PensionEstimate:
    step = Step(
        id="eligibility",
        label_zh="最低缴费年限",
        label_en="minimum contribution years",
        formula_zh="缴费月数（含视同）≥ 最低缴费年限 × 12",
        formula_en="contribution months (deemed included) ≥ minimum years × 12",
        calc=f"{common['contribution_months']} < {needed} × 12；差 {missing} 个月",
        params=tuple(pv for pv in params.used if pv.id == "pension.min_contribution_years"),
        result=False,
        note_zh="不足最低缴费年限，暂不能按月领取基本养老金；可选：" + "；".join(z for z, _ in _OPTIONS),
        note_en="short of the minimum: no monthly pension yet; options: " + "; ".join(e for _, e in _OPTIONS),
    )
    return PensionEstimate(
        as_of=params.as_of,
        steps=(step,),
        warnings=notices_for(params.used)
        + choice_notices
        + (
            Notice(
                code="below_minimum_years",
                zh=f"缴费年限不足最低 {needed} 年，还差 {missing} 个月",
                en=f"contribution time is {missing} months short of the minimum {needed} years",
            ),
        ),
        eligible=False,
        missing_months=missing,
        options=_OPTIONS,
        **common,
    )


# ---------------------------------------------------------------------------------------------
# Death of an insured person or pensioner (社会保险法 第十四条、第十七条、第四十九条;
# 企业职工基本养老保险遗属待遇暂行办法, 人社部发〔2021〕18号, in force 2021-09-01)


@dataclass(frozen=True)
class SurvivorSchedule:
    """抚恤金发放月数 schedule of 人社部发〔2021〕18号 第五条, as read from the tables."""

    short_years: int  # below: short_months
    short_months: Fraction
    mid_years: int  # below (and from short_years): mid_months
    mid_months: Fraction
    base_years: int  # from mid_years up to and including: base_months
    base_months: Fraction
    per_year: Fraction  # added per further year, pro rata by month
    years_cap: int  # contribution years counted at most
    max_months: Fraction
    drawn_per_year: Fraction  # pensioner: deducted per year of pension received, pro rata by month
    pensioner_floor: Fraction


_SCHEDULE_IDS = {
    "short_years": "pension.death.short_years",
    "short_months": "pension.death.short_months",
    "mid_years": "pension.death.mid_years",
    "mid_months": "pension.death.mid_months",
    "base_years": "pension.death.survivor_base_years",
    "base_months": "pension.death.survivor_base_months",
    "per_year": "pension.death.survivor_months_per_year",
    "years_cap": "pension.death.survivor_years_cap",
    "max_months": "pension.death.survivor_max_months",
    "drawn_per_year": "pension.death.pensioner_months_per_year",
    "pensioner_floor": "pension.death.pensioner_floor_months",
}


def survivor_schedule(params: Params, on: date) -> SurvivorSchedule:
    """The month schedule in force on ``on`` (every figure from tables/pension.toml)."""
    v = {name: params.value(pid, on) for name, pid in _SCHEDULE_IDS.items()}
    return SurvivorSchedule(
        short_years=int(v["short_years"]),
        short_months=Fraction(v["short_months"]),
        mid_years=int(v["mid_years"]),
        mid_months=Fraction(v["mid_months"]),
        base_years=int(v["base_years"]),
        base_months=Fraction(v["base_months"]),
        per_year=Fraction(v["per_year"]),
        years_cap=int(v["years_cap"]),
        max_months=Fraction(v["max_months"]),
        drawn_per_year=Fraction(v["drawn_per_year"]),
        pensioner_floor=Fraction(v["pensioner_floor"]),
    )


def in_service_months(s: SurvivorSchedule, contribution_months: int) -> Fraction:
    """抚恤金发放月数 by contribution time counted to the month (第五条).

    Under ``short_years`` → ``short_months``; under ``mid_years`` → ``mid_months``; up to and
    including ``base_years`` → ``base_months``; above, + ``per_year`` per further year pro rata by
    month, years above ``years_cap`` counted as the cap, at most ``max_months``.
    """
    if contribution_months < s.short_years * _YEAR:
        return s.short_months
    if contribution_months < s.mid_years * _YEAR:
        return s.mid_months
    counted = min(contribution_months, s.years_cap * _YEAR)
    further = max(0, counted - s.base_years * _YEAR)
    return min(s.base_months + Fraction(further, _YEAR) * s.per_year, s.max_months)


def pensioner_months(s: SurvivorSchedule, in_service: Fraction, drawn_months: int) -> Fraction:
    """A pensioner's months: the in-service months minus ``drawn_per_year`` per year of pension
    received (pro rata by month), never below ``pensioner_floor`` (第五条, 退休人员)."""
    if drawn_months == 0:
        return in_service
    return max(in_service - Fraction(drawn_months, _YEAR) * s.drawn_per_year, s.pensioner_floor)


def _months_shown(months: Fraction) -> Decimal:
    """Months as a Decimal: exact when it terminates (22.75), else to 4 places (the grant stays exact)."""
    d = months.denominator
    while d % 2 == 0:
        d //= 2
    while d % 5 == 0:
        d //= 5
    if d != 1:
        return round_exact(months, _SHOWN)
    exact = Decimal(months.numerator) / Decimal(months.denominator)
    return exact.quantize(Decimal(1)) if exact == exact.to_integral_value() else exact.normalize()


def _fraction_text(f: Fraction) -> str:
    whole, rest = divmod(f.numerator, f.denominator)
    return str(whole) if rest == 0 else f"{whole} + {rest}/{f.denominator}"


class PensionDeathBenefits(Explained):
    """丧葬补助金 and 抚恤金 from the pension fund, and the inheritable account balance."""

    title_zh: ClassVar[str] = "参保人员死亡遗属待遇测算"
    title_en: ClassVar[str] = "Death benefits of an insured person"
    headline: ClassVar[tuple[tuple[str, str, str], ...]] = (
        ("funeral_grant", "丧葬补助金", "funeral grant"),
        ("survivor_months", "抚恤金发放月数", "survivors' grant, months"),
        ("survivor_grant", "抚恤金", "survivors' grant"),
        ("inheritable_account", "可继承的个人账户余额", "inheritable account balance"),
    )
    units: ClassVar[dict[str, Unit]] = {
        "funeral_grant": Unit.YUAN,
        "survivor_months": Unit.MONTHS,
        "survivor_grant": Unit.YUAN,
        "inheritable_account": Unit.YUAN,
        "monthly_standard": M,
    }

    died_on: date
    #: The monthly income standard shown to the 分 (the grants use it unrounded).
    monthly_standard: Money
    funeral_grant: Money
    #: 抚恤金发放月数: may be fractional (pro rata by month); exact when it terminates (22.75),
    #: else shown to 4 places — the grant is computed from the exact fraction.
    survivor_months: Decimal
    survivor_grant: Money
    inheritable_account: Money
    #: Months of pension received before death (0: died before drawing a pension).
    pension_months_drawn: int = 0


@public
def pension_death_benefits(
    died_on: date,
    contribution_months: int,
    account_balance: Decimal | int | float | str = 0,
    *,
    pension_months_drawn: int = 0,
    as_of: date | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> PensionDeathBenefits:
    """Survivors' benefits when an insured person or pensioner dies of illness or a non-work cause.

    企业职工基本养老保险遗属待遇暂行办法 (人社部发〔2021〕18号, in force 2021-09-01; secondary, no
    Guangdong implementing notice found): 丧葬补助金 = the province's previous-year urban monthly
    per-capita disposable income × the funeral multiple (第四条); 抚恤金 = that income × months by
    contribution time counted to the month (第五条). ``pension_months_drawn``: months of pension
    already received (pensioners; default 0) — the months fall by one per year drawn, pro rata,
    not below the pensioners' floor. Amounts are exact until one half-up rounding to 分 each.
    Deaths before 2021-09-01 are :class:`NotCovered`. The account balance is inheritable; one
    funeral grant only across pension, work-injury and unemployment insurance.
    """
    check(isinstance(died_on, date), "died_on", "应为日期", "must be a date")
    params = Params(as_of, overrides)
    check(died_on <= params.as_of, "died_on", "死亡日期晚于知悉日期", "died_on is after the as_of date")
    months = _whole(contribution_months, "contribution_months")
    drawn = _whole(pension_months_drawn, "pension_months_drawn")
    balance = to_decimal(account_balance, "account_balance", non_negative=True)
    multiple = _death_rule_in_force(params, died_on)
    schedule = survivor_schedule(params, died_on)
    income = params.get("pension.death.urban_income", died_on)
    in_service = in_service_months(schedule, months)
    if drawn and in_service < schedule.pensioner_floor:
        raise NotCovered(
            "pension.death.pensioner_floor_months",
            died_on,
            None,
            None,
            f"退休人员缴费不满{schedule.mid_years}年时，按在职缴费年限确定的最高月数低于最低月数"
            f" {schedule.pensioner_floor}，文件未说明取哪一个",
            f"for a pensioner with under {schedule.mid_years} contribution years the maximum months by "
            f"contribution time fall below the minimum of {schedule.pensioner_floor}; "
            "the text does not say which applies",
        )
    survivor_months = pensioner_months(schedule, in_service, drawn)
    monthly = Fraction(income.decimal) / _YEAR
    funeral = round_fen(monthly * Fraction(multiple.decimal))
    survivor = round_fen(monthly * survivor_months)
    steps = _death_steps(
        params, income, multiple, months, drawn, in_service, survivor_months, funeral, survivor, balance
    )
    return PensionDeathBenefits(
        as_of=params.as_of,
        steps=steps,
        warnings=(
            *notices_for(params.used),
            Notice(
                code="guangdong_rule_not_found",
                zh="广东省遗属待遇实施文件未找到，按全国办法（人社部发〔2021〕18号）估算",
                en="the Guangdong implementing notice was not found; the national rule (人社部发〔2021〕18号) is used",
            ),
            *_own_contribution_caveat(params, died_on, months),
        ),
        died_on=died_on,
        monthly_standard=round_fen(monthly),
        funeral_grant=funeral,
        survivor_months=_months_shown(survivor_months),
        survivor_grant=survivor,
        inheritable_account=balance,
        pension_months_drawn=drawn,
    )


def _death_rule_in_force(params: Params, died_on: date) -> ParamValue:
    """The funeral multiple, or NotCovered for deaths before 人社部发〔2021〕18号 took effect."""
    try:
        return params.get("pension.death.funeral_multiple", died_on)
    except NotCovered as e:
        raise NotCovered(
            e.param,
            e.on,
            e.covered_from,
            e.covered_until,
            "此日期前适用的广东省死亡待遇规定未收集（人社部发〔2021〕18号施行前）",
            "the Guangdong rule in force before 人社部发〔2021〕18号 took effect was not collected",
        ) from None


def _own_contribution_caveat(params: Params, died_on: date, months: int) -> tuple[Notice, ...]:
    """Under the limit years the benefits may not exceed the person's own contributions (unchecked)."""
    limit = params.get("pension.death.own_contribution_limit_years", died_on)
    if months >= limit.decimal * _YEAR:
        return ()
    return (
        Notice(
            code="own_contributions_cap_unchecked",
            param=limit.id,
            zh=f"累计缴费不足{limit.value}年：遗属待遇不得超过本人个人缴费之和（以个人身份参保的按记入个人账户部分），"
            "本测算没有个人缴费数据，未作此项核对",
            en=f"under {limit.value} contribution years the survivors' benefits may not exceed the person's own "
            "contributions (for self-employed members: the part credited to the account); not checked here "
            "(no contribution record given)",
        ),
    )


def _death_steps(
    params: Params,
    income: ParamValue,
    multiple: ParamValue,
    months: int,
    drawn: int,
    in_service: Fraction,
    survivor_months: Fraction,
    funeral: Decimal,
    survivor: Decimal,
    balance: Decimal,
) -> tuple[Step, ...]:
    schedule_params = tuple(pv for pv in params.used if pv.id in _SCHEDULE_IDS.values())
    drawn_text = "" if not drawn else f"；已领取养老金 {drawn} 个月：{_fraction_text(survivor_months)}"
    return (
        Step(
            id="standard",
            label_zh="月标准",
            label_en="monthly standard",
            formula_zh="上年度全省城镇居民人均可支配收入 ÷ 12（计算时不取整）",
            formula_en="previous-year provincial urban per-capita disposable income / 12 (kept exact)",
            calc=f"{income.value} ÷ 12",
            params=(income,),
            result=round_fen(Fraction(income.decimal) / _YEAR),
            unit=M,
        ),
        Step(
            id="funeral_grant",
            label_zh="丧葬补助金",
            label_en="funeral grant",
            formula_zh=f"月标准 × {multiple.value}",
            formula_en=f"monthly standard × {multiple.value}",
            calc=f"{income.value} ÷ 12 × {multiple.value} = {funeral}",
            params=(multiple,),
            result=funeral,
            unit=Unit.YUAN,
        ),
        Step(
            id="survivor_months",
            label_zh="抚恤金发放月数",
            label_en="survivors' grant, months",
            formula_zh="按缴费年限（计算到月）分档；退休人员按已领取养老金的时间（到月）折算减少，不低于最低月数",
            formula_en="by contribution time to the month; pensioners: less per year of pension drawn "
            "(pro rata by month), not below the floor",
            calc=f"缴费 {months} 个月：{_fraction_text(in_service)}{drawn_text}",
            inputs=(
                Quantity(name_zh="缴费月数", name_en="contribution months", value=months, unit=Unit.MONTHS),
                Quantity(name_zh="已领取养老金月数", name_en="months of pension drawn", value=drawn, unit=Unit.MONTHS),
            ),
            params=schedule_params,
            result=_months_shown(survivor_months),
            unit=Unit.MONTHS,
        ),
        Step(
            id="survivor_grant",
            label_zh="抚恤金",
            label_en="survivors' grant",
            formula_zh="月标准 × 发放月数",
            formula_en="monthly standard × months",
            calc=f"{income.value} ÷ 12 × ({_fraction_text(survivor_months)}) = {survivor}",
            result=survivor,
            unit=Unit.YUAN,
        ),
        Step(
            id="inheritable_account",
            label_zh="个人账户余额（可继承）",
            label_en="account balance (inheritable)",
            result=balance,
            unit=Unit.YUAN,
            note_zh="丧葬补助金在养老、工伤、失业保险中只能择一领取",
            note_en="only one funeral grant across pension, work-injury and unemployment insurance",
        ),
    )


__all__ = [
    "PensionDeathBenefits",
    "PensionEstimate",
    "annuity_months",
    "estimate_pension",
    "pension_death_benefits",
]
