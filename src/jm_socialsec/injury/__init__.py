"""Work-injury insurance (工伤保险): benefits by disability grade, death benefits, contributions.

Sources (figures and statuses in ``tables/injury.toml``):

- 工伤保险条例 (国务院令第586号, 2010 revision, in force 2011-01-01; official): art. 33 停工留薪期,
  arts. 35-37 disability benefits by grade, art. 39 death benefits, art. 64 本人工资.
- 社会保险法 arts. 38-39: which items the fund pays and which the employer pays (official).
- 广东省工伤保险条例, 2011 revision (in force 2012-01-01) and 2019 amendment (公告第37号, in force
  2019-07-01, province-level pooling). 2019 articles: 停工留薪期 cap 25, 生活护理费 26 (four levels
  of 生活自理障碍, 60/50/40/30% of the 全省 previous-year average wage), leaving grants 31 (grades
  5-6) and 32 (grades 7-10; withheld from a worker who draws a basic pension). No official copy
  was found: these figures are secondary. There is no near-retirement reduction in Guangdong.
- 关于调整2021年度我省工伤保险长期待遇发放标准的通知: the grade 1-4 托底线 of 2021 (secondary).
- 人社部发〔2015〕71号 and 粤人社规〔2021〕4号: industry base rates (secondary).

Choices where the texts are silent (each is also said in ``docs/injury.md``):

- "上年度" is the calendar year before the date concerned: 本人工资 and 生活护理费 use the average
  wage of the year before the injury / the appraisal; the funeral grant the year before the
  death; the death grant the national urban disposable income of the year before the death.
- The pooling area's average wage is Guangdong's provincial figure from the start of provincial
  pooling (2019-07, secondary); before that it was Jiangmen's city figure, which the tables do
  not hold: the caller supplies it (``city_average_wages``) or the call is refused.
- The leaving grants' month counts are dated by the injury; the pension exclusion (art. 32) by
  the end of the employment. Before 2019-07-01 the rule for a worker drawing a pension was not
  collected: ``draws_pension=True`` then is :class:`NotCovered`.
- Money is rounded to 分 (half up) once per item; 本人工资 is rounded to 分 too, as on the
  official sheets.
- Monthly items (伤残津贴, 生活护理费) are computed for the month of the appraisal
  (``assessed_on``, default the injury date); later yearly adjustments are not modelled.
- Survivor pensions over the cap are scaled down in proportion (largest remainder to 分).
- Death benefits are computed item by item: an item that needs a figure the tables lack is listed
  in ``not_covered`` with the reason; the call refuses only when no item can be computed.

Limits: injuries before 2011-01-01 (old rules) are :class:`NotCovered`, and so are Guangdong's
own items (leaving grants, 生活护理费, the 24-month cap) before 2012-01-01; medical and
rehabilitation costs are actual costs and not estimated; 住院伙食补助费 is not known for Jiangmen
and is a required input when asked for; the grade 1-4 non-hukou one-off settlement is not
computed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from decimal import ROUND_DOWN, Decimal
from enum import IntEnum, StrEnum
from typing import Any, ClassVar, NamedTuple

from pydantic import BaseModel, ConfigDict

from ..engine.api import check, field_value, public
from ..engine.errors import BadValue, InputError, NotCovered
from ..engine.explain import Explained, Notice, Quantity, Step, notices_for
from ..engine.money import FEN, Money, round_fen, to_decimal
from ..engine.months import YearMonth
from ..engine.params import Params, ParamValue
from ..engine.tables import Unit
from ..retirement import Category, statutory_month

M = Unit.YUAN_PER_MONTH
Y = Unit.YUAN
_YEAR = 12  # months in a year (structural)
_GRADES = range(1, 11)  # 劳动能力鉴定 grades 1-10 (structural: the appraisal standard has ten)
_CLASSES = range(1, 9)  # industry risk classes 1-8 (structural: 人社部发〔2015〕71号)
# Which grades get which item: the structure of the articles, not figures.
_FUND_ALLOWANCE = range(1, 5)  # art. 35: grades 1-4 keep the relation, the fund pays 伤残津贴
_EMPLOYER_ALLOWANCE = range(5, 7)  # art. 36: grades 5-6, the employer pays 伤残津贴
_LEAVING_GRANTS = range(5, 11)  # arts. 36-37: grades 5-10 get the grants when the employment ends
_NURSING_GRADES = range(1, 5)  # 广东 2019 art. 26: grades 1-4 confirmed as needing care
_CARE_LEVELS = range(1, 5)  # 生活自理障碍等级 一级 to 四级 (structural: the appraisal standard has four)
_ONE = Decimal(1)  # neutral multiplier (no floating factor)
_ZERO = Decimal(0)
_NIL = Decimal("0.00")  # an item the worker is not entitled to, in 分


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
    avg_wage_12m: Decimal
    average_wage: Decimal
    lower: Money
    upper: Money
    own_wage: Money
    provisional: bool


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
    payroll: Decimal
    base_rate: Decimal
    floating_factor: Decimal
    rate: Decimal
    contribution: Money


# ---------------------------------------------------------------------------------------------
# Input helpers


def _to_day(value: Any) -> date:
    if isinstance(value, date):
        return value if type(value) is date else date(value.year, value.month, value.day)
    if isinstance(value, YearMonth):
        return value.first_day()
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
        return YearMonth.of(value).first_day()
    raise BadValue("应为日期（YYYY-MM-DD）", f"must be a date (YYYY-MM-DD), got {value!r}")


def _day(value: Any, field: str) -> date:
    try:
        return field_value(value, field, _to_day)
    except InputError:
        raise InputError(field, f"“{value}”不是日期（YYYY-MM-DD）", f"{value!r} is not a date (YYYY-MM-DD)") from None


def _whole(value: Any, field: str, allowed: range, what_zh: str, what_en: str) -> int:
    number: int | None = None
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, str) and value.strip().isdigit():
        number = int(value.strip())
    check(
        number is not None and number in allowed,
        field,
        f"{what_zh}应为 {allowed.start}–{allowed.stop - 1} 的整数，收到 {value!r}",
        f"{what_en} must be a whole number {allowed.start}-{allowed.stop - 1}, got {value!r}",
    )
    assert number is not None
    return number


def _enum(cls: type[Any], value: Any, field: str, names_zh: str) -> Any:
    try:
        return cls(value)
    except ValueError:
        codes = ", ".join(m.value for m in cls)
        raise InputError(
            field, f"未知取值“{value}”，可选：{names_zh}", f"unknown value {value!r}; one of: {codes}"
        ) from None


def _city_wages(raw: Mapping[Any, Any] | None) -> dict[int, Decimal]:
    if raw is None:
        return {}
    check(
        isinstance(raw, Mapping),
        "city_average_wages",
        "应为 {统计年度: 月平均工资} 映射",
        "must be a mapping {statistical year: average monthly wage}",
    )
    out: dict[int, Decimal] = {}
    for year, wage in raw.items():
        y = _whole(year, "city_average_wages", range(1990, 2100), "统计年度", "the statistical year")
        out[y] = to_decimal(wage, f"city_average_wages[{y}]", non_negative=True)
    return out


# ---------------------------------------------------------------------------------------------
# Rules


def _year_before(day: date) -> date:
    """A day of the statistical year before ``day`` ("上年度"): tables key those figures by year."""
    return date(day.year - 1, 1, 1)


def _refusing_earlier(params: Params, param: str, on: date, key: str | None, why_zh: str, why_en: str) -> ParamValue:
    try:
        return params.get(param, on, key=key)
    except NotCovered as e:
        if e.covered_from is not None and on < e.covered_from:
            raise NotCovered(
                e.param,
                on,
                e.covered_from,
                e.covered_until,
                why_zh.format(since=e.covered_from),
                why_en.format(since=e.covered_from),
            ) from None
        raise


def _covered(params: Params, param: str, on: date, *, key: str | None = None) -> ParamValue:
    """A work-injury parameter; before 2011-01-01 the refusal says why (the old rules applied)."""
    return _refusing_earlier(
        params,
        param,
        on,
        key,
        "{since} 前的工伤适用旧的广东工伤待遇规定，不在本库范围内",
        "injuries before {since} fall under Guangdong's old rules, out of scope",
    )


def _guangdong(params: Params, param: str, on: date, *, key: str | None = None) -> ParamValue:
    """A figure of 广东省工伤保险条例: the 2011 revision is in force from 2012-01-01; earlier is refused."""
    return _refusing_earlier(
        params,
        param,
        on,
        key,
        "《广东省工伤保险条例》2011年修订文本自 {since} 起施行；此前适用的广东标准未收录",
        "the 2011 revision of Guangdong's work-injury regulation is in force from {since}; "
        "Guangdong's figures before it were not collected",
    )


class _CityWageMissing(InputError):
    """Jiangmen's average wage is needed (city pooling, before 2019-07) and was not supplied."""


class _AverageWage(BaseModel):
    """统筹地区上年度职工月平均工资 as used: the figure, where it came from."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    value: Decimal
    year: int
    param: ParamValue | None  # the provincial figure, or None when the caller supplied the city's
    pooling: ParamValue


def average_wage(params: Params, on: date, city_wages: Mapping[int, Decimal]) -> _AverageWage:
    """The pooling area's previous-year average monthly wage for a date (AW).

    Province-level pooling (粤人社规〔2019〕20号): Guangdong's provincial figure from its first
    month; before it, Jiangmen's city figure, which only the caller can supply.
    """
    pooling = _covered(params, "injury.provincial_pooling_since", on)
    year = on.year - 1
    if YearMonth.of(on) >= pooling.value:
        try:
            aw = params.get("wages.provincial_average_monthly", _year_before(on))
        except NotCovered as e:
            raise NotCovered(
                e.param,
                e.on,
                e.covered_from,
                e.covered_until,
                f"需要 {year} 年全省平均工资；可用 overrides 提供",
                f"needs the {year} provincial average wage; supply it with overrides",
            ) from None
        return _AverageWage(value=aw.decimal, year=year, param=aw, pooling=pooling)
    if year not in city_wages:
        raise _CityWageMissing(
            "city_average_wages",
            f"{pooling.value} 前工伤保险为市级统筹：需要江门市 {year} 年职工月平均工资（数据表未收录）",
            f"before {pooling.value} work-injury insurance was pooled by city: Jiangmen's {year} "
            "average monthly wage is needed (not in the tables)",
        )
    return _AverageWage(value=city_wages[year], year=year, param=None, pooling=pooling)


def _aw_inputs(aw: _AverageWage) -> tuple[tuple[Quantity, ...], tuple[ParamValue, ...]]:
    if aw.param is not None:
        return (), (aw.pooling, aw.param)
    q = Quantity(
        name_zh=f"江门市 {aw.year} 年职工月平均工资（调用方提供）",
        name_en=f"Jiangmen {aw.year} average monthly wage (caller's)",
        value=aw.value,
        unit=M,
    )
    return (q,), (aw.pooling,)


def _aw_notice(aw: _AverageWage) -> list[Notice]:
    if aw.param is not None:
        return []
    return [
        Notice(
            code="caller_value",
            zh=f"统筹地区上年度职工月平均工资使用了调用方提供的江门市 {aw.year} 年数值 {aw.value}",
            en=f"the pooling area's average wage is the caller's Jiangmen {aw.year} figure {aw.value}",
        )
    ]


def clamp_own_wage(avg_wage_12m: Decimal, lower: Decimal, upper: Decimal) -> Decimal:
    """本人工资: the 12-month average contribution wage held inside [lower, upper], to 分."""
    return round_fen(min(max(avg_wage_12m, lower), upper))


def _own_wage(
    params: Params, avg: Decimal, injured_on: date, city_wages: Mapping[int, Decimal]
) -> tuple[Decimal, Decimal, Decimal, _AverageWage, Step]:
    lo_ratio = _covered(params, "injury.own_wage.lower_ratio", injured_on)
    hi_mult = _covered(params, "injury.own_wage.upper_multiple", injured_on)
    aw = average_wage(params, injured_on, city_wages)
    lower = round_fen(aw.value * lo_ratio.decimal)
    upper = round_fen(aw.value * hi_mult.decimal)
    own = clamp_own_wage(avg, lower, upper)
    inputs, aw_params = _aw_inputs(aw)
    step = Step(
        id="own_wage",
        label_zh="本人工资",
        label_en="own wage",
        formula_zh="受伤前12个月平均月缴费工资，限定在统筹地区上年度职工月平均工资的 60%–300% 之间",
        formula_en="average monthly contribution wage of the 12 months before the injury, held "
        "within 60%-300% of the pooling area's previous-year average monthly wage",
        calc=f"min(max({avg}, {aw.value} × {lo_ratio.value} = {lower}), "
        f"{aw.value} × {hi_mult.value} = {upper}) = {own}",
        inputs=(
            Quantity(name_zh="受伤前12个月平均月缴费工资", name_en="12-month average wage", value=avg, unit=M),
            *inputs,
        ),
        params=(lo_ratio, hi_mult, *aw_params),
        result=own,
        unit=M,
        note_zh="工伤保险条例第六十四条；上年度 = 受伤日期的上一个统计年度",
        note_en="条例 art. 64; previous year = the statistical year before the injury date",
    )
    return own, lower, upper, aw, step


@public
def own_wage(
    avg_wage_12m: Decimal | int | float | str,
    injured_on: date | str,
    *,
    city_average_wages: Mapping[int, Any] | None = None,
    as_of: date | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> OwnWage:
    """本人工资 (条例 art. 64): the 12-month average wage clamped to 60-300% of the average wage.

    The average wage is the pooling area's figure of the statistical year before ``injured_on``
    (Guangdong's provincial figure since provincial pooling, 2019-07; before that Jiangmen's,
    supplied by the caller as ``city_average_wages={year: wage}``).
    """
    avg = to_decimal(avg_wage_12m, "avg_wage_12m", non_negative=True)
    day = _day(injured_on, "injured_on")
    city = _city_wages(city_average_wages)
    params = Params(as_of, overrides)
    own, lower, upper, aw, step = _own_wage(params, avg, day, city)
    return OwnWage(
        as_of=params.as_of,
        steps=(step,),
        warnings=notices_for(params.used) + tuple(_aw_notice(aw)),
        injured_on=day,
        avg_wage_12m=avg,
        average_wage=aw.value,
        lower=lower,
        upper=upper,
        own_wage=own,
        provisional=any(pv.provisional for pv in params.used),
    )


# ---------------------------------------------------------------------------------------------
# Disability items


def nursing_allowance(average_wage: Decimal, rate: Decimal) -> Decimal:
    """生活护理费 (广东 2019 art. 26): the previous-year average monthly wage × the level's share, to 分."""
    return round_fen(average_wage * rate)


def leaving_grants_withheld(grade: int, draws_pension: bool, first_excluded_grade: int) -> bool:
    """广东 2019 art. 32: a grade 7-10 worker who draws a basic pension gets neither leaving grant."""
    return draws_pension and grade >= first_excluded_grade


def _care_level(value: Any, grade: int) -> CareLevel | None:
    if value is None:
        return None
    level = CareLevel(
        _whole(value, "care_level", _CARE_LEVELS, "生活自理障碍等级", "the care level (生活自理障碍等级)")
    )
    check(
        grade in _NURSING_GRADES,
        "care_level",
        f"生活护理费只支付给经确认需要生活护理的一至四级伤残职工，{grade}级不适用",
        f"nursing care is paid only to grade 1-4 workers confirmed as needing care, not to grade {grade}",
    )
    return level


def _left_on(grade: int, injured: date, leaves_job: Any, left_on: Any) -> date | None:
    """The date the employment ends (grades 5-10 only), checked against the injury date."""
    check(isinstance(leaves_job, bool), "leaves_job", "应为是/否", "must be true or false")
    if not leaves_job:
        check(
            left_on is None,
            "leaves_job",
            "给出了终止日期 left_on，但 leaves_job 不是 True",
            "left_on is given but leaves_job is not True",
        )
        return None
    check(
        grade in _LEAVING_GRANTS,
        "leaves_job",
        "一至四级伤残职工保留劳动关系、退出工作岗位，不支付一次性工伤医疗补助金和就业补助金",
        "grades 1-4 keep the employment relation; the leaving grants do not apply",
    )
    check(left_on is not None, "left_on", "终止或解除劳动关系时须给出日期", "the date the employment ends is required")
    left = _day(left_on, "left_on")
    check(
        left >= injured,
        "left_on",
        f"劳动关系终止日期 {left} 早于受伤日期 {injured}",
        f"the end date {left} is before the injury date {injured}",
    )
    return left


def _disability_lump_sum(params: Params, grade: int, own: Decimal, injured: date) -> tuple[Decimal, Step, BenefitItem]:
    months = _covered(params, "injury.disability_lump_sum_months", injured, key=str(grade))
    lump = round_fen(own * months.decimal)
    step = Step(
        id="disability_lump_sum",
        label_zh="一次性伤残补助金（工伤保险基金支付）",
        label_en="one-off disability grant (paid by the fund)",
        formula_zh="本人工资 × 伤残等级对应月数",
        formula_en="own wage × months for the grade",
        calc=f"{own} × {months.value} = {lump}",
        params=(months,),
        result=lump,
        unit=Y,
    )
    item = BenefitItem(
        id="disability_lump_sum",
        label_zh="一次性伤残补助金",
        label_en="one-off disability grant",
        amount=lump,
        unit=Y,
        payer=Payer.FUND,
    )
    return lump, step, item


def _paid_leave(params: Params, injured: date) -> tuple[int, Step, BenefitItem]:
    """停工留薪期 (employer), 条例 art. 33 and 广东 art. 25 (2019): described, not estimated."""
    leave_normal = _covered(params, "injury.paid_leave.max_months", injured)
    leave_ext = _covered(params, "injury.paid_leave.max_extension_months", injured)
    gd_id = "injury.paid_leave.guangdong_max_months"
    leave_gd: ParamValue | None = None
    if params.in_force(gd_id, injured):
        leave_gd = params.get(gd_id, injured)
        leave_max = int(leave_gd.decimal)
    else:  # 2011: Guangdong's own cap not collected; the national normal maximum plus extension
        leave_max = int(leave_normal.decimal + leave_ext.decimal)
    step = Step(
        id="paid_leave",
        label_zh="停工留薪期（用人单位按月支付原工资福利）",
        label_en="paid treatment leave (the employer keeps paying the original wage monthly)",
        formula_zh=f"一般不超过{leave_normal.value}个月，可延长不超过{leave_ext.value}个月"
        + ("；广东：治疗结束时确定，经劳动能力鉴定委员会确认" if leave_gd else ""),
        formula_en=f"normally at most {leave_normal.value} months, extendable by at most {leave_ext.value}"
        + ("; Guangdong: set at the end of treatment, confirmed by the appraisal committee" if leave_gd else ""),
        params=(leave_normal, leave_ext, *((leave_gd,) if leave_gd else ())),
        result=leave_max,
        unit=Unit.MONTHS,
        note_zh="期间原工资福利待遇不变；评定伤残等级后停发，改享伤残待遇",
        note_en="wage and benefits unchanged during the leave; replaced by disability benefits once graded",
    )
    item = BenefitItem(
        id="paid_leave",
        label_zh="停工留薪期工资福利",
        label_en="paid treatment leave wage",
        amount=None,
        unit=M,
        payer=Payer.EMPLOYER,
        note_zh=f"原工资福利不变，最长 {leave_max} 个月",
        note_en=f"original wage and benefits, at most {leave_max} months",
    )
    return leave_max, step, item


class _Part(NamedTuple):
    """What one item contributes to a result: amounts, explanation, items, warnings."""

    amounts: tuple[Decimal | None, ...]
    steps: list[Step]
    items: list[BenefitItem]
    notices: list[Notice]


def _disability_allowance(params: Params, grade: int, own: Decimal, injured: date, assessed: date) -> _Part:
    """伤残津贴 (条例 arts. 35 (2), 36 (2)): own wage × share, floored at the minimum wage / 托底线."""
    rate = _covered(params, "injury.disability_allowance_rate", injured, key=str(grade))
    computed = round_fen(own * rate.decimal)
    min_wage = params.get("wages.minimum_monthly", assessed)
    floor_params = [min_wage]
    floor = min_wage.decimal
    fund_pays = grade in _FUND_ALLOWANCE
    floor_id = "injury.disability_allowance_floor_grade1_4"
    notices: list[Notice] = []
    if fund_pays:
        if params.in_force(floor_id, assessed):
            bottom = params.get(floor_id, assessed)
            floor_params.append(bottom)
            floor = max(floor, bottom.decimal)
        else:
            notices.append(
                Notice(
                    code="not_collected",
                    param=floor_id,
                    zh=f"广东一至四级伤残津贴托底线在 {assessed} 的数值未收录，只按最低工资托底；实际津贴可能更高",
                    en=f"Guangdong's grade 1-4 allowance floor for {assessed} was not collected; only the "
                    "minimum wage is applied, the actual allowance may be higher",
                )
            )
    allowance = round_fen(max(computed, floor))
    top_up = allowance - computed
    payer = Payer.FUND if fund_pays else Payer.EMPLOYER
    step = Step(
        id="monthly_allowance",
        label_zh=f"伤残津贴（按月，{payer.zh}支付）",
        label_en=f"disability allowance (monthly, paid by the {payer.value})",
        formula_zh="本人工资 × 等级比例；低于最低工资标准（一至四级另有广东托底线）的补足差额",
        formula_en="own wage × the grade's share; topped up to the minimum wage (grades 1-4: also Guangdong's floor)",
        calc=f"max({own} × {rate.value} = {computed}, {floor}) = {allowance}；补足 {top_up}",
        params=(rate, *floor_params),
        result=allowance,
        unit=M,
        note_zh=(
            "保留劳动关系，退出工作岗位；达到退休年龄后停发，改领养老金，养老金低于伤残津贴的由基金补足差额"
            if fund_pays
            else "保留劳动关系，用人单位安排适当工作；难以安排的按月发给，并由用人单位缴纳社会保险费"
        ),
        note_en=(
            "keeps the employment relation, leaves the post; stops at retirement, when the pension "
            "starts (the fund pays any shortfall)"
            if fund_pays
            else "paid by the employer only when it cannot arrange suitable work; the employer keeps "
            "paying the contributions"
        ),
    )
    item = BenefitItem(
        id="monthly_allowance",
        label_zh="伤残津贴（月）",
        label_en="disability allowance (monthly)",
        amount=allowance,
        unit=M,
        payer=payer,
        note_zh=f"其中补足至最低标准 {top_up}",
        note_en=f"of which top-up to the floor {top_up}",
    )
    return _Part((allowance, top_up), [step], [item], notices)


_GRANT_LABELS = {
    "medical_lump_sum": ("一次性工伤医疗补助金", "one-off injury medical grant", Payer.FUND),
    "employment_lump_sum": ("一次性伤残就业补助金", "one-off disability employment grant", Payer.EMPLOYER),
}


def _grant(item_id: str, months: ParamValue, own: Decimal, left: date) -> tuple[Decimal, Step, BenefitItem]:
    label_zh, label_en, payer = _GRANT_LABELS[item_id]
    amount = round_fen(own * months.decimal)
    step = Step(
        id=item_id,
        label_zh=f"{label_zh}（{payer.zh}支付）",
        label_en=f"{label_en} (paid by the {payer.value})",
        formula_zh="本人工资 × 伤残等级对应月数（广东）",
        formula_en="own wage × months for the grade (Guangdong)",
        calc=f"{own} × {months.value} = {amount}",
        inputs=(Quantity(name_zh="劳动关系终止日期", name_en="employment ends on", value=left),),
        params=(months,),
        result=amount,
        unit=Y,
    )
    return (
        amount,
        step,
        BenefitItem(id=item_id, label_zh=label_zh, label_en=label_en, amount=amount, unit=Y, payer=payer),
    )


def _withheld_grant(item_id: str, exclusion: ParamValue, left: date) -> tuple[Decimal, Step, BenefitItem]:
    label_zh, label_en, payer = _GRANT_LABELS[item_id]
    why_zh = (
        f"{exclusion.value}级至十级伤残职工享受基本养老保险待遇的，不享受{label_zh}（广东省工伤保险条例第三十二条）"
    )
    why_en = f"a grade {exclusion.value}-10 worker who draws a basic pension gets no {label_en} (Guangdong art. 32)"
    step = Step(
        id=item_id,
        label_zh=f"{label_zh}：不享受（已享受基本养老保险待遇）",
        label_en=f"{label_en}: not paid (draws a basic pension)",
        inputs=(Quantity(name_zh="劳动关系终止日期", name_en="employment ends on", value=left),),
        params=(exclusion,),
        result=_NIL,
        unit=Y,
        note_zh=why_zh,
        note_en=why_en,
    )
    item = BenefitItem(
        id=item_id,
        label_zh=label_zh,
        label_en=label_en,
        amount=_NIL,
        unit=Y,
        payer=payer,
        note_zh=why_zh,
        note_en=why_en,
    )
    return _NIL, step, item


def _pension_exclusion(params: Params, left: date) -> ParamValue:
    return _refusing_earlier(
        params,
        "injury.leaving_grants.pension_exclusion_from_grade",
        left,
        None,
        "{since} 前终止劳动关系且已享受基本养老保险待遇的，广东（2011年修订文本）的规定未收录",
        "for an employment that ended before {since} while the worker drew a basic pension, "
        "Guangdong's rule (2011 revision) was not collected",
    )


def _leaving_grants(
    params: Params,
    grade: int,
    own: Decimal,
    injured: date,
    left: date,
    draws_pension: bool,
    retirement: YearMonth | None,
) -> _Part:
    """The Guangdong leaving grants (2019 arts. 31-32): medical (fund), employment (employer)."""
    notices: list[Notice] = []
    exclusion: ParamValue | None = None
    if draws_pension:
        exclusion = _pension_exclusion(params, left)
        withheld = leaving_grants_withheld(grade, draws_pension, int(exclusion.decimal))
        notices.append(_pension_notice(grade, withheld, exclusion))
        if not withheld:
            exclusion = None
    elif retirement is not None and YearMonth.of(left) >= retirement:
        notices.append(
            Notice(
                code="at_retirement",
                zh=f"终止劳动关系时（{left}）已到法定退休年月 {retirement}：如已享受基本养老保险待遇，"
                "七级至十级伤残职工不享受这两项补助金（广东省工伤保险条例第三十二条），请设 draws_pension=True",
                en=f"the employment ends ({left}) at or after the statutory retirement month {retirement}: a "
                "grade 7-10 worker who draws a basic pension gets neither grant (Guangdong art. 32); "
                "set draws_pension=True if so",
            )
        )
    steps: list[Step] = []
    items: list[BenefitItem] = []
    amounts: list[Decimal] = []
    for item_id, param in (
        ("medical_lump_sum", "injury.medical_lump_sum_months"),
        ("employment_lump_sum", "injury.employment_lump_sum_months"),
    ):
        if exclusion is not None:  # withheld (art. 32)
            amount, step, item = _withheld_grant(item_id, exclusion, left)
        else:
            amount, step, item = _grant(item_id, _guangdong(params, param, injured, key=str(grade)), own, left)
        amounts.append(amount)
        steps.append(step)
        items.append(item)
    if retirement is not None:
        steps[-1] = steps[-1].model_copy(
            update={
                "inputs": (
                    *steps[-1].inputs,
                    Quantity(name_zh="法定退休年月", name_en="statutory retirement month", value=retirement),
                )
            }
        )
    return _Part(tuple(amounts), steps, items, notices)


def _pension_notice(grade: int, withheld: bool, exclusion: ParamValue) -> Notice:
    if withheld:
        return Notice(
            code="pension_exclusion",
            param=exclusion.id,
            zh="已享受基本养老保险待遇：不支付一次性工伤医疗补助金和一次性伤残就业补助金（广东省工伤保险条例第三十二条）",
            en="draws a basic pension: neither the injury medical grant nor the employment grant is paid "
            "(Guangdong art. 32)",
        )
    return Notice(
        code="input_no_effect",
        param=exclusion.id,
        zh=f"draws_pension=True 对本次计算没有影响：第三十二条只规定{exclusion.value}级至十级；{grade}级（第三十一条）"
        "是否同样不享受未见规定，两项补助金照常计发",
        en=f"draws_pension=True had no effect: art. 32 covers grades {exclusion.value}-10 only; whether "
        f"grade {grade} (art. 31) is excluded too was not seen, so both grants are paid",
    )


def _unused_pension_notice(grade: int) -> Notice:
    """draws_pension=True where it changes nothing: said, never silently ignored."""
    if grade in _FUND_ALLOWANCE:
        zh, en = (
            "一至四级伤残职工保留劳动关系，不适用两项一次性补助金",
            "grades 1-4 keep the employment relation; the leaving grants do not apply",
        )
    else:
        zh, en = (
            "领取基本养老金只在劳动关系终止时影响两项一次性补助金，本次未终止劳动关系（leaves_job 不是 True）",
            "drawing a pension only matters for the leaving grants when the employment ends (leaves_job is not True)",
        )
    return Notice(
        code="input_no_effect",
        zh=f"draws_pension=True 对本次计算没有影响：{zh}",
        en=f"draws_pension=True had no effect: {en}",
    )


def _nursing(params: Params, care: CareLevel, assessed: date, city: Mapping[int, Decimal]) -> _Part:
    """生活护理费 (fund), 广东 2019 art. 26: four levels of the (全省) previous-year average wage."""
    rate = _guangdong(params, "injury.nursing_rate", assessed, key=str(care.value))
    aw = average_wage(params, assessed, city)
    nursing = nursing_allowance(aw.value, rate.decimal)
    inputs, aw_params = _aw_inputs(aw)
    step = Step(
        id="nursing",
        label_zh=f"生活护理费（按月，工伤保险基金支付；{care.zh}）",
        label_en=f"nursing care (monthly, paid by the fund; care level {care.value})",
        formula_zh="上年度职工月平均工资（2019-07 起为全省） × 生活自理障碍等级比例",
        formula_en="previous-year average monthly wage (the province's from 2019-07) × the care level's share",
        calc=f"{aw.value} × {rate.value} = {nursing}",
        inputs=(Quantity(name_zh="生活自理障碍等级", name_en="care level", value=care.value), *inputs),
        params=(rate, *aw_params),
        result=nursing,
        unit=M,
        note_zh="只支付给经劳动能力鉴定委员会确认需要生活护理的一至四级伤残职工",
        note_en="paid only to grade 1-4 workers confirmed by the appraisal committee as needing care",
    )
    item = BenefitItem(
        id="nursing",
        label_zh="生活护理费（月）",
        label_en="nursing care (monthly)",
        amount=nursing,
        unit=M,
        payer=Payer.FUND,
    )
    return _Part((nursing,), [step], [item], _aw_notice(aw))


def _hospital_meals(days: int, daily: Decimal) -> _Part:
    """住院伙食补助费 (fund): Jiangmen's amount is not known, the caller gives it."""
    meals = round_fen(daily * days)
    step = Step(
        id="hospital_meals",
        label_zh="住院伙食补助费（工伤保险基金支付）",
        label_en="hospital meal allowance (paid by the fund)",
        formula_zh="每日标准（调用方提供） × 住院天数",
        formula_en="daily amount (caller's) × days in hospital",
        calc=f"{daily} × {days} = {meals}",
        inputs=(
            Quantity(name_zh="每日标准", name_en="daily amount", value=daily, unit=Y),
            Quantity(name_zh="住院天数", name_en="days in hospital", value=days, unit=Unit.DAYS),
        ),
        result=meals,
        unit=Y,
    )
    item = BenefitItem(
        id="hospital_meals",
        label_zh="住院伙食补助费",
        label_en="hospital meal allowance",
        amount=meals,
        unit=Y,
        payer=Payer.FUND,
        note_zh="每日标准为调用方提供",
        note_en="daily amount given by the caller",
    )
    return _Part((meals,), [step], [item], [])


def _hospital_inputs(hospital_days: Any, hospital_meal_daily: Any) -> tuple[int | None, Decimal | None]:
    days: int | None = None
    if hospital_days is not None:
        days = _whole(hospital_days, "hospital_days", range(0, 100000), "住院天数", "hospital days")
        check(
            hospital_meal_daily is not None,
            "hospital_meal_daily",
            "江门住院伙食补助费标准未收录，计算住院伙食补助须给出每日标准",
            "Jiangmen's daily hospital meal allowance is not in the tables: it is required",
        )
    daily = (
        None
        if hospital_meal_daily is None
        else to_decimal(hospital_meal_daily, "hospital_meal_daily", non_negative=True)
    )
    return days, daily


@public
def injury_benefits(
    grade: int,
    injured_on: date | str,
    avg_wage_12m: Decimal | int | float | str,
    *,
    assessed_on: date | str | None = None,
    leaves_job: bool = False,
    left_on: date | str | None = None,
    draws_pension: bool = False,
    birth: date | YearMonth | str | None = None,
    category: Category | str | None = None,
    care_level: CareLevel | int | str | None = None,
    hospital_days: int | None = None,
    hospital_meal_daily: Decimal | int | float | str | None = None,
    city_average_wages: Mapping[int, Any] | None = None,
    as_of: date | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> InjuryBenefits:
    """Benefits of a worker appraised at disability ``grade`` (1 most severe … 10), by item and payer.

    - 一次性伤残补助金 (fund), every grade — 条例 arts. 35-37.
    - 伤残津贴, grades 1-4 (fund, the worker keeps the employment relation) and 5-6 (employer,
      when it cannot arrange suitable work), floored at Jiangmen's minimum wage in force on
      ``assessed_on`` (the top-up is shown); grades 1-4 also at Guangdong's 托底线 where known.
    - ``leaves_job=True`` with ``left_on`` (grades 5-10): 一次性工伤医疗补助金 (fund) and
      一次性伤残就业补助金 (employer), Guangdong's month counts (secondary; injuries from
      2012-01-01). No reduction near retirement (Guangdong has none).
    - ``draws_pension=True``: a grade 7-10 worker who draws a basic pension gets neither leaving
      grant (广东 2019 art. 32, employment ending from 2019-07-01; both shown as 0.00). Where it
      changes nothing (grades 1-6, or no end of employment) a warning ``input_no_effect`` says so.
    - ``birth`` and ``category`` (optional): the statutory retirement month is shown with the
      leaving grants, with a warning when the employment ends at or after it.
    - ``care_level`` 1-4 (生活自理障碍等级 一级 to 四级; grades 1-4 only): 生活护理费 (fund),
      60 / 50 / 40 / 30% of the previous-year average monthly wage (广东 2019 art. 26).
    - ``hospital_days`` with ``hospital_meal_daily`` (Jiangmen's daily amount, not in the tables):
      住院伙食补助费 (fund).
    - 停工留薪期 is described (employer pays the original wage; at most 24 months in Guangdong).
    """
    g = _whole(grade, "grade", _GRADES, "伤残等级", "grade")
    injured = _day(injured_on, "injured_on")
    avg = to_decimal(avg_wage_12m, "avg_wage_12m", non_negative=True)
    assessed = injured if assessed_on is None else _day(assessed_on, "assessed_on")
    check(
        assessed >= injured,
        "assessed_on",
        f"鉴定日期 {assessed} 早于受伤日期 {injured}",
        f"the appraisal date {assessed} is before the injury date {injured}",
    )
    left = _left_on(g, injured, leaves_job, left_on)
    check(isinstance(draws_pension, bool), "draws_pension", "应为是/否", "must be true or false")
    birth_ym = None if birth is None else field_value(birth, "birth", YearMonth.of)
    cat = None if category is None else Category.parse(category)
    care = _care_level(care_level, g)
    days, meal_daily = _hospital_inputs(hospital_days, hospital_meal_daily)
    city = _city_wages(city_average_wages)
    params = Params(as_of, overrides)

    own, _lower, _upper, aw, own_step = _own_wage(params, avg, injured, city)
    lump, lump_step, lump_item = _disability_lump_sum(params, g, own, injured)
    leave_max, leave_step, leave_item = _paid_leave(params, injured)
    parts = [_Part((), [own_step, lump_step, leave_step], [lump_item, leave_item], _aw_notice(aw))]
    allowance = top_up = medical = employment = nursing = meals = None
    if g in _FUND_ALLOWANCE or (g in _EMPLOYER_ALLOWANCE and left is None):
        parts.append(_disability_allowance(params, g, own, injured, assessed))
        allowance, top_up = parts[-1].amounts
    withheld = False
    if left is not None:
        retirement = None if birth_ym is None or cat is None else statutory_month(params, birth_ym, cat)[2]
        parts.append(_leaving_grants(params, g, own, injured, left, draws_pension, retirement))
        medical, employment = parts[-1].amounts
        withheld = any(n.code == "pension_exclusion" for n in parts[-1].notices)
    elif draws_pension:
        parts.append(_Part((), [], [], [_unused_pension_notice(g)]))
    if care is not None:
        parts.append(_nursing(params, care, assessed, city))
        (nursing,) = parts[-1].amounts
    if days is not None:
        assert meal_daily is not None
        parts.append(_hospital_meals(days, meal_daily))
        (meals,) = parts[-1].amounts
    return InjuryBenefits(
        as_of=params.as_of,
        steps=tuple(s for p in parts for s in p.steps),
        warnings=notices_for(params.used) + tuple(_unique([n for p in parts for n in p.notices])),
        grade=g,
        injured_on=injured,
        assessed_on=assessed,
        own_wage=own,
        disability_lump_sum=lump,
        monthly_allowance=allowance,
        allowance_top_up=top_up,
        medical_lump_sum=medical,
        employment_lump_sum=employment,
        draws_pension=draws_pension,
        pension_exclusion_applied=withheld,
        care_level=care,
        nursing_monthly=nursing,
        hospital_meals=meals,
        paid_leave_max_months=leave_max,
        items=tuple(i for p in parts for i in p.items),
        provisional=any(pv.provisional for pv in params.used),
    )


def _unique(notices: Sequence[Notice]) -> list[Notice]:
    seen: set[tuple[str, str]] = set()
    out = []
    for n in notices:
        if (n.code, n.zh) not in seen:
            seen.add((n.code, n.zh))
            out.append(n)
    return out


def share_survivors(raw: Sequence[Decimal], cap: Decimal) -> tuple[list[Decimal], bool]:
    """Survivor pensions to 分 with their total held at ``cap`` (art. 39: not above the wage).

    Each share is rounded on its own; if the total is above the cap, the shares are scaled in
    proportion and the cap is split by largest remainder, so the total is exactly the cap.
    Returns (shares, capped).
    """
    shares = [round_fen(r) for r in raw]
    total = sum(raw, _ZERO)
    if sum(shares, _ZERO) <= cap:
        return shares, total > cap
    exact = [r * cap / total for r in raw]
    floors = [e.quantize(FEN, rounding=ROUND_DOWN) for e in exact]
    leftover = int((cap - sum(floors, _ZERO)) / FEN)
    order = sorted(range(len(raw)), key=lambda i: (-(exact[i] - floors[i]), i))
    for i in order[:leftover]:
        floors[i] += FEN
    return floors, True


# ---------------------------------------------------------------------------------------------
# Death items (条例 art. 39), each computed on its own


_DEATH_LABELS = {
    "own_wage": ("工亡职工本人工资", "deceased's own wage"),
    "funeral_grant": ("丧葬补助金", "funeral grant"),
    "survivor_monthly": ("供养亲属抚恤金（月）", "survivor pensions (monthly)"),
    "death_grant": ("一次性工亡补助金", "one-off death grant"),
}


class _Refused(Exception):
    """An item that could not be computed (internal: collected into ``not_covered``)."""

    def __init__(self, item: UncoveredItem, cause: NotCovered | None) -> None:
        super().__init__(item.id)
        self.item = item
        self.cause = cause


def _attempt(params: Params, item_id: str, compute: Any) -> Any:
    """Run one item's computation; a table gap becomes :class:`_Refused` (the values it read are dropped)."""
    mark = len(params.used)
    label_zh, label_en = _DEATH_LABELS[item_id]
    try:
        return compute()
    except NotCovered as e:
        del params.used[mark:]
        item = UncoveredItem(
            id=item_id,
            label_zh=label_zh,
            label_en=label_en,
            reason_zh=e.message_zh,
            reason_en=e.message_en,
            param=e.param,
        )
        raise _Refused(item, e) from None
    except _CityWageMissing as e:
        del params.used[mark:]
        item = UncoveredItem(
            id=item_id,
            label_zh=label_zh,
            label_en=label_en,
            reason_zh=f"{e.why_zh}；可用 city_average_wages 提供",
            reason_en=f"{e.why_en}; supply it as city_average_wages",
            param="injury.provincial_pooling_since",
        )
        raise _Refused(item, None) from None


def _funeral(params: Params, died: date, city: Mapping[int, Decimal]) -> _Part:
    """丧葬补助金 (art. 39 (一)): 6 months of the pooling area's previous-year average wage."""
    months = _covered(params, "injury.death.funeral_grant_months", died)
    aw = average_wage(params, died, city)
    funeral = round_fen(aw.value * months.decimal)
    aw_inputs, aw_params = _aw_inputs(aw)
    step = Step(
        id="funeral_grant",
        label_zh="丧葬补助金",
        label_en="funeral grant",
        formula_zh=f"统筹地区上年度职工月平均工资 × {months.value}个月",
        formula_en=f"pooling area's previous-year average monthly wage × {months.value} months",
        calc=f"{aw.value} × {months.value} = {funeral}",
        inputs=aw_inputs,
        params=(months, *aw_params),
        result=funeral,
        unit=Y,
    )
    item = BenefitItem(
        id="funeral_grant", label_zh="丧葬补助金", label_en="funeral grant", amount=funeral, unit=Y, payer=Payer.FUND
    )
    return _Part((funeral,), [step], [item], _aw_notice(aw))


def _survivors(
    params: Params, deps: Sequence[Dependent], own: Decimal, avg: Decimal, died: date
) -> tuple[_Part, tuple[SurvivorPension, ...], bool]:
    """供养亲属抚恤金 (art. 39 (二)) with the +10% cases and the cap at the deceased's wage."""
    rates: list[Decimal] = []
    rate_params: list[ParamValue] = []
    supplemented = any(d.supplemented for d in deps)
    supplement = _covered(params, "injury.death.survivor_supplement", died) if supplemented else None
    for d in deps:
        base = _covered(params, "injury.death.survivor_rate", died, key=d.relation)
        rate_params.append(base)
        rates.append(base.decimal + (supplement.decimal if d.supplemented and supplement else _ZERO))
    cap_mult = _covered(params, "injury.death.survivor_total_cap", died)
    # Art. 39 (二): the shares are of 本人工资, but their total is capped at 生前的工资 — the wage
    # actually earned (the 12-month average given), not the 60–300% clamped 本人工资.
    cap = round_fen(avg * cap_mult.decimal)
    shares, capped = share_survivors([own * r for r in rates], cap)
    survivors = tuple(
        SurvivorPension(dependent=d, rate=r, amount=a) for d, r, a in zip(deps, rates, shares, strict=True)
    )
    total = round_fen(sum(shares, _ZERO))
    step = Step(
        id="survivor_monthly",
        label_zh="供养亲属抚恤金合计（按月）",
        label_en="survivor pensions, total (monthly)",
        formula_zh="本人工资 × 比例（配偶、其他亲属每人、孤寡老人或孤儿加发）；"
        "合计不高于工亡职工生前的工资（条例第三十九条）",
        formula_en="own wage × share (spouse, each other relative, lone elderly or orphan supplement); "
        "the total not above the deceased's wage before death (art. 39)",
        calc="；".join(f"{d.zh} {own} × {r} = {round_fen(own * r)}" for d, r in zip(deps, rates, strict=True))
        + (
            f"；合计超过生前工资上限 {avg} × {cap_mult.value} = {cap}，按比例压缩为 "
            + " + ".join(str(a) for a in shares)
            if capped
            else ""
        ),
        inputs=tuple(
            Quantity(name_zh=f"供养亲属{i + 1}", name_en=f"dependent {i + 1}", value=d.zh) for i, d in enumerate(deps)
        ),
        params=(*rate_params, *((supplement,) if supplement else ()), cap_mult),
        result=total,
        unit=M,
        note_zh="供养亲属的范围由国务院社会保险行政部门规定；本函数按调用方给出的名单计算",
        note_en="who counts as a dependent is set by the ministry; the caller's list is used as given",
    )
    item = BenefitItem(
        id="survivor_monthly",
        label_zh="供养亲属抚恤金（月）",
        label_en="survivor pensions (monthly)",
        amount=total,
        unit=M,
        payer=Payer.FUND,
    )
    return _Part((total,), [step], [item], []), survivors, capped


def _death_grant(params: Params, died: date) -> _Part:
    """一次性工亡补助金 (art. 39 (三)): 20 × the national urban disposable income of the year before."""
    multiple = _covered(params, "injury.death.grant_multiple", died)
    income = params.get("injury.national_urban_disposable_income", _year_before(died))
    grant = round_fen(income.decimal * multiple.decimal)
    step = Step(
        id="death_grant",
        label_zh="一次性工亡补助金",
        label_en="one-off death grant",
        formula_zh=f"上一年度全国城镇居民人均可支配收入 × {multiple.value}",
        formula_en=f"previous year's national urban per-capita disposable income × {multiple.value}",
        calc=f"{income.value} × {multiple.value} = {grant}",
        params=(multiple, income),
        result=grant,
        unit=Y,
        note_zh=f"收入年度 = {died.year - 1}（死亡的上一年）",
        note_en=f"income year = {died.year - 1} (the year before the death)",
    )
    item = BenefitItem(
        id="death_grant",
        label_zh="一次性工亡补助金",
        label_en="one-off death grant",
        amount=grant,
        unit=Y,
        payer=Payer.FUND,
    )
    return _Part((grant,), [step], [item], [])


_NO_DEATH_GRANT = Step(
    id="death_grant",
    label_zh="一次性工亡补助金：不适用",
    label_en="one-off death grant: not applicable",
    note_zh="一至四级伤残职工在停工留薪期满后死亡的，近亲属只享受丧葬补助金和供养亲属抚恤金（条例第三十九条第三款）",
    note_en="a grade 1-4 worker who dies after the paid leave: the funeral grant and the survivor pensions only "
    "(art. 39, third paragraph)",
)


def _uncovered_part(refused: _Refused) -> _Part:
    u = refused.item
    step = Step(
        id=u.id,
        label_zh=f"{u.label_zh}：无法计算",
        label_en=f"{u.label_en}: not covered",
        note_zh=u.reason_zh,
        note_en=u.reason_en,
    )
    notice = Notice(
        code="item_not_covered",
        param=u.param,
        zh=f"{u.label_zh}未计算：{u.reason_zh}",
        en=f"{u.label_en} not computed: {u.reason_en}",
    )
    return _Part((None,), [step], [], [notice])


def _refuse_all(died: date, refused: Sequence[_Refused]) -> NotCovered:
    """Nothing could be computed: one :class:`NotCovered` carrying every item's reason."""
    first = next((r.cause for r in refused if r.cause is not None), None)
    why_zh = "；".join(f"{r.item.label_zh}：{r.item.reason_zh}" for r in refused)
    why_en = "; ".join(f"{r.item.label_en}: {r.item.reason_en}" for r in refused)
    if first is None:
        return NotCovered("injury.provincial_pooling_since", died, None, None, why_zh, why_en)
    return NotCovered(first.param, died, first.covered_from, first.covered_until, why_zh, why_en)


def _death_inputs(
    died_on: Any, avg_wage_12m: Any, dependents: Any, during_paid_leave: Any, grade: Any, injured_on: Any
) -> tuple[date, Decimal, list[Dependent], date, int | None]:
    died = _day(died_on, "died_on")
    avg = to_decimal(avg_wage_12m, "avg_wage_12m", non_negative=True)
    injured = died if injured_on is None else _day(injured_on, "injured_on")
    check(
        died >= injured,
        "died_on",
        f"死亡日期 {died} 早于受伤日期 {injured}",
        f"the date of death {died} is before the injury date {injured}",
    )
    check(isinstance(during_paid_leave, bool), "during_paid_leave", "应为是/否", "must be true or false")
    g = None if grade is None else _whole(grade, "grade", _GRADES, "伤残等级", "grade")
    if not during_paid_leave:
        check(
            g is not None and g in _FUND_ALLOWANCE,
            "grade",
            "停工留薪期满后死亡的，只有一至四级伤残职工的近亲属享受工亡待遇（条例第三十九条），须给出 1–4 级",
            "after the paid leave, only a grade 1-4 worker's relatives get death benefits (art. 39): give a grade 1-4",
        )
    check(
        isinstance(dependents, Sequence) and not isinstance(dependents, str),
        "dependents",
        "应为供养亲属类别的列表",
        "must be a list of dependent types",
    )
    names = "spouse（配偶）、relative（其他亲属）、orphan（孤儿）、lone_elderly（孤寡老人）"
    deps: list[Dependent] = [_enum(Dependent, d, "dependents", names) for d in dependents]
    check(deps.count(Dependent.SPOUSE) <= 1, "dependents", "配偶最多一人", "at most one spouse")
    return died, avg, deps, injured, g


@public
def death_benefits(
    died_on: date | str,
    avg_wage_12m: Decimal | int | float | str,
    dependents: Sequence[Dependent | str] = (),
    *,
    during_paid_leave: bool = True,
    grade: int | None = None,
    injured_on: date | str | None = None,
    city_average_wages: Mapping[int, Any] | None = None,
    as_of: date | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> DeathBenefits:
    """Benefits after a work-related death (工亡, 条例 art. 39), all paid by the fund.

    - 丧葬补助金: 6 months of the pooling area's average wage of the year before the death.
    - 供养亲属抚恤金 per dependent (``"spouse"`` 40%, ``"relative"`` 30%, ``"orphan"`` and
      ``"lone_elderly"`` 30% + 10%) of the deceased's 本人工资; the total is capped at the wage
      before death (``avg_wage_12m``, not clamped; 条例 art. 39 (二)).
    - 一次性工亡补助金: 20 × the national urban per-capita disposable income of the year before
      the death; before that figure is published (per ``as_of``) the previous one is used,
      provisionally.

    ``during_paid_leave=True`` (default): died in the accident or during the 停工留薪期 — all
    three. ``False``: a grade 1-4 worker (``grade``) who died after the paid leave — the first
    two only. ``injured_on`` (default ``died_on``) dates the 本人工资.

    Each item is computed on its own: one that needs a figure the tables lack (e.g. the funeral
    grant before 2019-07 needs Jiangmen's average wage, ``city_average_wages``) has amount None
    and is listed in ``not_covered`` with its reason (and a warning ``item_not_covered``); the
    others are still given. :class:`NotCovered` only when no item can be computed.
    """
    died, avg, deps, injured, g = _death_inputs(died_on, avg_wage_12m, dependents, during_paid_leave, grade, injured_on)
    city = _city_wages(city_average_wages)
    params = Params(as_of, overrides)
    parts: list[_Part] = []
    refused: list[_Refused] = []

    def attempt(item_id: str, compute: Any) -> Any:
        try:
            return _attempt(params, item_id, compute)
        except _Refused as r:
            refused.append(r)
            parts.append(_uncovered_part(r))
            return None

    own_part = attempt("own_wage", lambda: _own_wage(params, avg, injured, city))
    own = None if own_part is None else own_part[0]
    if own_part is not None:
        parts.append(_Part((own,), [own_part[4]], [], _aw_notice(own_part[3])))
    funeral_part = attempt("funeral_grant", lambda: _funeral(params, died, city))
    if funeral_part is not None:
        parts.append(funeral_part)
    survivors: tuple[SurvivorPension, ...] = ()
    capped = False
    survivor_total = None
    if own is not None:
        surv = attempt("survivor_monthly", lambda: _survivors(params, deps, own, avg, died))
        if surv is not None:
            parts.append(surv[0])
            survivors, capped, (survivor_total,) = surv[1], surv[2], surv[0].amounts
    else:
        refused.append(_needs_own_wage())
        parts.append(_uncovered_part(refused[-1]))
    grant = None
    if during_paid_leave:
        grant_part = attempt("death_grant", lambda: _death_grant(params, died))
        if grant_part is not None:
            parts.append(grant_part)
            (grant,) = grant_part.amounts
    else:
        parts.append(_Part((), [_NO_DEATH_GRANT], [], []))
    if all(a is None for a in (funeral_part, survivor_total, grant)):
        raise _refuse_all(died, refused)
    return DeathBenefits(
        as_of=params.as_of,
        steps=tuple(s for p in parts for s in p.steps),
        warnings=notices_for(params.used) + tuple(_unique([n for p in parts for n in p.notices])),
        died_on=died,
        injured_on=injured,
        during_paid_leave=during_paid_leave,
        grade=g,
        own_wage=own,
        funeral_grant=None if funeral_part is None else funeral_part.amounts[0],
        survivor_monthly=survivor_total,
        survivors=survivors,
        survivors_capped=capped,
        death_grant=grant,
        items=tuple(i for p in parts for i in p.items),
        not_covered=tuple(r.item for r in refused),
        provisional=any(pv.provisional for pv in params.used),
    )


def _needs_own_wage() -> _Refused:
    label_zh, label_en = _DEATH_LABELS["survivor_monthly"]
    item = UncoveredItem(
        id="survivor_monthly",
        label_zh=label_zh,
        label_en=label_en,
        reason_zh="须先确定工亡职工本人工资（见“工亡职工本人工资”一项的原因）",
        reason_en="needs the deceased's own wage (see the reason given for the own wage)",
    )
    return _Refused(item, None)


_RATE_TABLES = {
    "guangdong": "injury.contribution.guangdong_base_rate",
    "national": "injury.contribution.national_base_rate",
}


@public
def injury_contribution(
    payroll: Decimal | int | float | str,
    industry_class: int,
    on: date | YearMonth | str,
    floating_factor: Decimal | int | float | str | None = None,
    *,
    rates: str = "guangdong",
    as_of: date | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> InjuryContribution:
    """The employer's work-injury contribution: payroll × base rate of the class × floating factor.

    ``industry_class`` 1-8 (人社部发〔2015〕71号). ``rates="guangdong"`` (default: 粤人社规〔2021〕4号,
    from 2021-05-01, applied by Jiangmen directly) or ``"national"`` (from 2015-10-01).
    ``floating_factor`` (e.g. ``0.8``, ``1.2``): none province-wide was found, so it is the
    caller's; it must lie inside the national bands (assumed). Workers pay nothing.
    """
    pay = to_decimal(payroll, "payroll", non_negative=True)
    cls = _whole(industry_class, "industry_class", _CLASSES, "行业类别", "industry class")
    day = _day(on, "on")
    check(
        rates in _RATE_TABLES,
        "rates",
        "费率表应为 guangdong（广东）或 national（全国）",
        "rates must be 'guangdong' or 'national'",
    )
    factor_in = None if floating_factor is None else to_decimal(floating_factor, "floating_factor", non_negative=True)
    params = Params(as_of, overrides)
    base = params.get(_RATE_TABLES[rates], day, key=str(cls))
    factor = _ONE
    factor_params: tuple[ParamValue, ...] = ()
    if factor_in is not None:
        lo = params.get("injury.contribution.floating_factor_min", day, key=str(cls))
        hi = params.get("injury.contribution.floating_factor_max", day, key=str(cls))
        check(
            lo.decimal <= factor_in <= hi.decimal,
            "floating_factor",
            f"第{cls}类行业的浮动系数应在 {lo.value}–{hi.value} 之间",
            f"for class {cls} the floating factor must be within {lo.value}-{hi.value}",
        )
        factor = factor_in
        factor_params = (lo, hi)
    rate = base.decimal * factor
    amount = round_fen(pay * rate)
    steps = (
        Step(
            id="rate",
            label_zh="适用费率",
            label_en="rate applied",
            formula_zh="行业基准费率 × 浮动系数",
            formula_en="industry base rate × floating factor",
            calc=f"{base.value} × {factor} = {rate}",
            inputs=(
                Quantity(name_zh="行业类别", name_en="industry class", value=cls),
                Quantity(name_zh="浮动系数", name_en="floating factor", value=factor, unit=Unit.FACTOR),
            ),
            params=(base, *factor_params),
            result=rate,
            unit=Unit.RATE,
            note_zh="" if factor_in is not None else "未给浮动系数：按基准费率",
            note_en="" if factor_in is not None else "no floating factor given: the base rate",
        ),
        Step(
            id="contribution",
            label_zh="工伤保险费（用人单位缴纳，个人不缴费）",
            label_en="work-injury contribution (employer only; workers pay nothing)",
            formula_zh="本单位职工工资总额 × 费率，四舍五入到分",
            formula_en="payroll × rate, rounded to fen",
            calc=f"{pay} × {rate} = {amount}",
            inputs=(Quantity(name_zh="工资总额", name_en="payroll", value=pay, unit=Y),),
            result=amount,
            unit=Y,
        ),
    )
    return InjuryContribution(
        as_of=params.as_of,
        steps=steps,
        warnings=notices_for(params.used),
        on=day,
        industry_class=cls,
        rates=rates,
        payroll=pay,
        base_rate=base.decimal,
        floating_factor=factor,
        rate=rate,
        contribution=amount,
    )
