"""Enterprise-employee basic pension (企业职工基本养老金), Guangdong formula (Shenzhen excluded).

基本养老金 = 基础养老金 + 个人账户养老金 + 过渡性养老金 (+ 过渡性调整额), each line rounded to 分
as on the Guangdong 基本养老金核定表:

- 基础养老金 = 计发基数 × (a + 平均缴费指数) / 2 × 缴费年限 × 1%, a = 1, or index / 0.6 when the
  index is below 0.6 (国发〔2005〕38号 第六条; the Guangdong a-coefficient, 粤府〔2006〕96号, is
  reconstructed from determination sheets: secondary). 缴费年限 = months / 12, not rounded.
- 个人账户养老金 = 个人账户储存额 ÷ 计发月数 (国发〔2005〕38号 annex; months by age to the month).
- 过渡性养老金 = 100 元 (粤劳电〔2009〕32号) + 4 元 × whole contribution years (粤人社〔2014〕8号)
  + for deemed time the old method 视同缴费账户储存额 ÷ 120; 过渡性调整额 = max(0, new − old −
  津贴) × phase-in, new = 计发基数 × 加权视同年数 × 1.2% (粤府函〔2021〕294号). All secondary.

The 计发基数 is the one for the retirement year; before it is published (as of ``as_of``) the
previous year's applies and the result is provisional (预发), as on the official sheets.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, ClassVar

from ._api import check, field_value, public
from .errors import InputError
from .explain import Explained, Notice, Quantity, Step, notices_for
from .money import Money, round_fen, to_decimal
from .months import Age, YearMonth
from .params import Params
from .regions import Region
from .retirement import Category, RetirementChoice, SpecialWorkType, min_years, resolve
from .tables import Unit

M = Unit.YUAN_PER_MONTH
_YEAR = 12  # months in a year (structural)
_TENTH = Decimal("0.1")  # 计发月数 are rounded to one decimal (structural precision)


# ---------------------------------------------------------------------------------------------
# 计发月数 (annuity divisor)


def annuity_divisor(params: Params, age: Age, on: YearMonth) -> Decimal:
    """计发月数 for an age in years and months: linear between whole ages, half-up to 0.1.

    ``months(a, m) = round1(T[a] − (T[a] − T[a+1]) × m / 12)``; whole ages read the table.
    Outside 40–70 the rule is unknown: :class:`NotCovered`.
    """
    low = params.value("pension.annuity_months", on, key=str(age.years))
    if age.months == 0:
        return low
    high = params.value("pension.annuity_months", on, key=str(age.years + 1))
    exact = low - (low - high) * age.months / _YEAR
    return exact.quantize(_TENTH, rounding=ROUND_HALF_UP)


@public
def annuity_months(years: int, months: int = 0, *, as_of: date | None = None) -> Decimal:
    """计发月数 for a retirement age of ``years`` and ``months`` (e.g. 60, 1 → 138.4)."""
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
    basic, basic_step = _basic(params, month, base, index, years)
    steps.append(basic_step)
    divisor = annuity_divisor(params, age, month)
    account = round_fen(balance / divisor)
    steps.append(
        Step(
            id="annuity_months",
            label_zh="计发月数",
            label_en="annuity divisor (months)",
            formula_zh="按退休年龄（到月）在整岁表中线性插值，四舍五入到0.1",
            formula_en="whole-age table interpolated by month, half-up to 0.1",
            inputs=(Quantity(name_zh="退休年龄", name_en="age at retirement", value=age),),
            params=tuple(pv for pv in params.used if pv.id == "pension.annuity_months"),
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
        warnings=notices_for(params.used) + choice_notices,
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


def _show(d: Decimal) -> Decimal:
    """A ratio shown to 4 places in the explanation (the calculation keeps it exact)."""
    return d.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)


def _basic(params: Params, month: YearMonth, base: Decimal, index: Decimal, years: Decimal) -> tuple[Decimal, Step]:
    """基础养老金 with Guangdong's a-coefficient below the low-index threshold."""
    threshold = params.get("pension.low_index_threshold", month)
    rate = params.get("pension.basic_rate_per_year", month)
    a = Decimal(1) if index >= threshold.decimal else index / threshold.decimal
    basic = round_fen(base * (a + index) / 2 * years * rate.decimal)
    a_text = "1" if a == 1 else f"{index} ÷ {threshold.value} = {_show(a)}"
    return basic, Step(
        id="basic",
        label_zh="基础养老金",
        label_en="basic pension",
        formula_zh="计发基数 × (a + 平均缴费指数) ÷ 2 × 缴费年限 × 1%；指数低于0.6时 a = 指数 ÷ 0.6，否则 a = 1",
        formula_en="base × (a + index) / 2 × years × 1%; a = index / 0.6 below 0.6, else 1",
        calc=f"a = {a_text}；{base} × ({_show(a)} + {index}) ÷ 2 × {_show(years)} × {rate.value} = {basic}",
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
        old = round_fen(deemed_account / divisor.decimal)
    transitional = round_fen(fixed.decimal + allowance + old)
    steps = [
        Step(
            id="transitional",
            label_zh="过渡性养老金",
            label_en="transitional pension",
            formula_zh="100元 + 4元 × 缴费整年数 + 视同缴费账户储存额 ÷ 120（有视同缴费时）",
            formula_en="100 + 4 × whole contribution years + deemed account / 120 (with deemed time)",
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
    new = round_fen(base * weighted * rate.decimal)
    gap = max(Decimal(0), new - old - allowance)
    adjustment = round_fen(gap * phase.decimal)
    steps.append(
        Step(
            id="adjustment",
            label_zh="过渡性调整额",
            label_en="transitional adjustment",
            formula_zh="max(0, 新办法 − 原办法 − 缴费年限津贴) × 实施比例；新办法 = 计发基数 × 加权视同年数 × 1.2%",
            formula_en="max(0, new − old − allowance) × phase-in; new = base × weighted deemed years × 1.2%",
            calc=f"新办法 {base} × {_show(weighted)} × {rate.value} = {new}；"
            f"max(0, {new} − {old} − {allowance}) × {phase.value} = {adjustment}",
            params=(rate, phase),
            result=adjustment,
            unit=M,
        )
    )
    return transitional, adjustment, steps


def _weighted_years(
    params: Params,
    month: YearMonth,
    weighted_years: Any,
    deemed_before_1994: int | None,
    index_sum: Any,
    region: Region,
) -> tuple[Decimal, Step | None]:
    """加权视同年数: given, or (视同缴费指数 × months to 1993-12 + Σ indices 1994-01…1998-06) / 12."""
    if weighted_years is not None:
        return to_decimal(weighted_years, "weighted_deemed_years", non_negative=True), None
    if deemed_before_1994 is None or index_sum is None:
        raise InputError(
            "weighted_deemed_years",
            "有视同缴费时须给出加权视同年数，或给出1993年底前视同月数和1994-01至1998-06各月指数之和",
            "with deemed time give weighted_deemed_years, or deemed_months_before_1994 and index_sum_1994_1998",
        )
    before = _whole(deemed_before_1994, "deemed_months_before_1994")
    total_index = to_decimal(index_sum, "index_sum_1994_1998", non_negative=True)
    deemed_index = params.get("pension.deemed_index", month, key=region.value)
    weighted = (deemed_index.decimal * before + total_index) / _YEAR
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
# Death of an insured person or pensioner (社会保险法 第十四条、第十七条、第四十九条)


class PensionDeathBenefits(Explained):
    """丧葬补助金 and 抚恤金 from the pension fund, and the inheritable account balance."""

    title_zh: ClassVar[str] = "参保人员死亡遗属待遇测算"
    title_en: ClassVar[str] = "Death benefits of an insured person"
    headline: ClassVar[tuple[tuple[str, str, str], ...]] = (
        ("funeral_grant", "丧葬补助金", "funeral grant"),
        ("survivor_grant", "抚恤金", "survivors' grant"),
        ("inheritable_account", "可继承的个人账户余额", "inheritable account balance"),
    )
    units: ClassVar[dict[str, Unit]] = {
        "funeral_grant": Unit.YUAN,
        "survivor_grant": Unit.YUAN,
        "inheritable_account": Unit.YUAN,
        "monthly_standard": M,
    }

    died_on: date
    monthly_standard: Money
    funeral_grant: Money
    survivor_months: int
    survivor_grant: Money
    inheritable_account: Money


@public
def pension_death_benefits(
    died_on: date,
    contribution_months: int,
    account_balance: Decimal | int | float | str = 0,
    *,
    as_of: date | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> PensionDeathBenefits:
    """Survivors' benefits when an insured person or pensioner dies of illness or a non-work cause.

    National standard 人社部发〔2021〕18号 (assumed for Guangdong: the provincial notice was not
    found): 丧葬补助金 = 2 × the monthly standard; 抚恤金 = standard × months (9 for up to 15
    contribution years, +1 per further whole year, at most 24); the standard is the province's
    previous-year urban per-capita disposable income ÷ 12. The account balance is inheritable.
    If the death also qualifies under work-injury or unemployment insurance, the family chooses
    one funeral grant only.
    """
    check(isinstance(died_on, date), "died_on", "应为日期", "must be a date")
    params = Params(as_of, overrides)
    check(died_on <= params.as_of, "died_on", "死亡日期晚于知悉日期", "died_on is after the as_of date")
    months = _whole(contribution_months, "contribution_months")
    balance = to_decimal(account_balance, "account_balance", non_negative=True)
    income = params.get("pension.death.urban_income", died_on)
    standard = income.decimal / _YEAR
    multiple = params.get("pension.death.funeral_multiple", died_on)
    funeral = round_fen(standard * multiple.decimal)
    base_months = params.get("pension.death.survivor_base_months", died_on)
    base_years = params.get("pension.death.survivor_base_years", died_on)
    max_months = params.get("pension.death.survivor_max_months", died_on)
    extra = max(0, months // _YEAR - int(base_years.decimal))
    survivor_months = min(int(base_months.decimal) + extra, int(max_months.decimal))
    survivor = round_fen(standard * survivor_months)
    steps = (
        Step(
            id="standard",
            label_zh="月标准",
            label_en="monthly standard",
            formula_zh="上年度全省城镇居民人均可支配收入 ÷ 12",
            formula_en="previous-year provincial urban per-capita disposable income / 12",
            calc=f"{income.value} ÷ 12",
            params=(income,),
            result=round_fen(standard),
            unit=M,
        ),
        Step(
            id="funeral_grant",
            label_zh="丧葬补助金",
            label_en="funeral grant",
            formula_zh="月标准 × 2",
            formula_en="monthly standard × 2",
            calc=f"{income.value} ÷ 12 × {multiple.value} = {funeral}",
            params=(multiple,),
            result=funeral,
            unit=Unit.YUAN,
        ),
        Step(
            id="survivor_grant",
            label_zh="抚恤金",
            label_en="survivors' grant",
            formula_zh="月标准 × 月数；缴费15年及以下9个月，每多1整年加1个月，最多24个月",
            formula_en="standard × months; 9 up to 15 years, +1 per further whole year, at most 24",
            calc=f"月数 min({base_months.value} + {extra}, {max_months.value}) = {survivor_months}；"
            f"{income.value} ÷ 12 × {survivor_months} = {survivor}",
            inputs=(Quantity(name_zh="缴费月数", name_en="contribution months", value=months, unit=Unit.MONTHS),),
            params=(base_months, base_years, max_months),
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
    return PensionDeathBenefits(
        as_of=params.as_of,
        steps=steps,
        warnings=(
            *notices_for(params.used),
            Notice(
                code="guangdong_rule_not_found",
                zh="广东省遗属待遇实施文件未找到，按全国标准（人社部发〔2021〕18号）估算",
                en="the Guangdong implementing notice was not found; the national standard is used",
            ),
        ),
        died_on=died_on,
        monthly_standard=round_fen(standard),
        funeral_grant=funeral,
        survivor_months=survivor_months,
        survivor_grant=survivor,
        inheritable_account=balance,
    )


__all__ = [
    "PensionDeathBenefits",
    "PensionEstimate",
    "annuity_months",
    "estimate_pension",
    "pension_death_benefits",
]
