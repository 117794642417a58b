"""Reading the callers' values (输入校验): bilingual :class:`InputError` naming the field.

Only the shape of an input is checked here (a date, a grade 1-10, a care level 1-4, an end
of employment after the injury…); what the law makes of it is in the rule modules.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from ..engine.api import check
from ..engine.errors import BadValue, InputError
from ..engine.money import to_decimal
from ..engine.months import YearMonth, month_in
from ..engine.types import to_day
from .models import CareLevel, Dependent

GRADES = range(1, 11)  # 劳动能力鉴定 grades 1-10 (structural: the appraisal standard has ten)
CLASSES = range(1, 9)  # industry risk classes 1-8 (structural: 人社部发〔2015〕71号)
# Which grades get which item: the structure of the articles, not figures.
FUND_ALLOWANCE = range(1, 5)  # art. 35: grades 1-4 keep the relation, the fund pays 伤残津贴
EMPLOYER_ALLOWANCE = range(5, 7)  # art. 36: grades 5-6, the employer pays 伤残津贴
LEAVING_GRANTS = range(5, 11)  # arts. 36-37: grades 5-10 get the grants when the employment ends
NURSING_GRADES = range(1, 5)  # 广东 2019 art. 26: grades 1-4 confirmed as needing care
CARE_LEVELS = range(1, 5)  # 生活自理障碍等级 一级 to 四级 (structural: the appraisal standard has four)
_NOT_A_DAY = "not_a_date"  # the stable reason code of a bad day (as engine.types.to_day gives it)


def _to_day(value: Any) -> date:
    """A day by the shared converter (``date``, ``datetime`` → its date, ISO text), or a month's first day."""
    if isinstance(value, YearMonth):
        return to_day(value.first_day())
    try:
        return to_day(value)
    except BadValue as e:
        if e.reason != _NOT_A_DAY or not isinstance(value, str):
            raise
    return month_in(value).first_day()


def day(value: Any, field: str) -> date:
    """The day in ``field``: no day is refused in these words, one outside the sanity years in its own."""
    try:
        return _to_day(value)
    except BadValue as e:
        if e.reason == "out_of_range":
            raise InputError(field, e.why_zh, e.why_en, reason=e.reason) from None
        raise InputError(
            field, f"“{value}”不是日期（YYYY-MM-DD）", f"{value!r} is not a date (YYYY-MM-DD)", reason=_NOT_A_DAY
        ) from None


def whole(value: Any, field: str, allowed: range, what_zh: str, what_en: str) -> int:
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


def city_wages(raw: Mapping[Any, Any] | None) -> dict[int, Decimal]:
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
        y = whole(year, "city_average_wages", range(1990, 2100), "统计年度", "the statistical year")
        out[y] = to_decimal(wage, f"city_average_wages[{y}]", non_negative=True)
    return out


def care_level_of(value: Any, grade: int) -> CareLevel | None:
    """生活自理障碍等级 1-4, given only for a grade 1-4 worker (广东 2019 art. 26)."""
    if value is None:
        return None
    level = CareLevel(whole(value, "care_level", CARE_LEVELS, "生活自理障碍等级", "the care level (生活自理障碍等级)"))
    check(
        grade in NURSING_GRADES,
        "care_level",
        f"生活护理费只支付给经确认需要生活护理的一至四级伤残职工，{grade}级不适用",
        f"nursing care is paid only to grade 1-4 workers confirmed as needing care, not to grade {grade}",
    )
    return level


def end_of_employment(grade: int, injured: date, leaves_job: Any, left_on: Any) -> date | None:
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
        grade in LEAVING_GRANTS,
        "leaves_job",
        "一至四级伤残职工保留劳动关系、退出工作岗位，不支付一次性工伤医疗补助金和就业补助金",
        "grades 1-4 keep the employment relation; the leaving grants do not apply",
    )
    check(left_on is not None, "left_on", "终止或解除劳动关系时须给出日期", "the date the employment ends is required")
    left = day(left_on, "left_on")
    check(
        left >= injured,
        "left_on",
        f"劳动关系终止日期 {left} 早于受伤日期 {injured}",
        f"the end date {left} is before the injury date {injured}",
    )
    return left


def hospital_inputs(hospital_days: Any, hospital_meal_daily: Any) -> tuple[int | None, Decimal | None]:
    """Days in hospital and the daily amount (Jiangmen's is not in the tables: required with days)."""
    days: int | None = None
    if hospital_days is not None:
        days = whole(hospital_days, "hospital_days", range(0, 100000), "住院天数", "hospital days")
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


def death_inputs(
    died_on: Any, avg_wage_12m: Any, dependents: Any, during_paid_leave: Any, grade: Any, injured_on: Any
) -> tuple[date, Decimal, list[Dependent], date, int | None]:
    """The death inputs: dates in order, the grade required after the paid leave, the dependents."""
    died = day(died_on, "died_on")
    avg = to_decimal(avg_wage_12m, "avg_wage_12m", non_negative=True)
    injured = died if injured_on is None else day(injured_on, "injured_on")
    check(
        died >= injured,
        "died_on",
        f"死亡日期 {died} 早于受伤日期 {injured}",
        f"the date of death {died} is before the injury date {injured}",
    )
    check(isinstance(during_paid_leave, bool), "during_paid_leave", "应为是/否", "must be true or false")
    g = None if grade is None else whole(grade, "grade", GRADES, "伤残等级", "grade")
    if not during_paid_leave:
        check(
            g is not None and g in FUND_ALLOWANCE,
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
