"""Death of an insured person or pensioner (参保人员死亡遗属待遇) from the pension fund.

社会保险法 第十四条、第十七条、第四十九条: survivors get a funeral grant and a survivors' grant; the
personal account balance is inheritable; one funeral grant only across pension, work-injury and
unemployment insurance. The amounts follow 《企业职工基本养老保险遗属待遇暂行办法》 (人社部发〔2021〕18号,
in force 2021-09-01; secondary: reproductions and other cities' official restatements, no
Guangdong implementing notice found — the result says so):

- 丧葬补助金 = the province's previous-year urban monthly per-capita disposable income × 2 (第四条).
- 抚恤金 = that monthly income × months by contribution time counted to the month (第五条): under 5
  years 3; under 10 years 6; up to 15 years inclusive 9; then +1 a year pro rata by month, years
  above 30 as 30, at most 24. A pensioner: −1 a year of pension received (pro rata by month), not
  below 9.
- Under 5 contribution years the survivors' benefits may not exceed the person's own contributions:
  not checked (no contribution record), said on the result.

Choices where the texts are silent: for a pensioner with under 10 contribution years the text's
「最高发放月数」 (3 or 6) and 「最低为9个月」 conflict: refused (``NotCovered``), not guessed. Deaths
before 2021-09-01 are refused too (the earlier Guangdong rule was not collected). The grants are
exact until one half-up rounding to 分 each; the monthly income is shown to 分 but used unrounded.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, ClassVar

from ..engine.api import check, months_count, public
from ..engine.errors import NotCovered
from ..engine.evaluate import evaluate
from ..engine.explain import Explained
from ..engine.money import Money, to_decimal
from ..engine.params import At, Params
from ..engine.tables import Unit
from ..engine.trace import fen, rule
from ..inputs.base import accepts_input
from ..inputs.projection import AssumptionsArg, future, marks_projection
from .basic import YEAR, M
from .exact import Mixed, Months, quotient

_IN_FEN = fen("人社部发〔2021〕18号: amounts paid in 分 (half-up, once)")
_REF = "人社部发〔2021〕18号 第五条"


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
    #: Whether a figure was projected (asked for with ``project`` / ``assumptions``); the warnings say which.
    projected: bool = False


@dataclass(frozen=True)
class SurvivorSchedule:
    """The month schedule of 第五条 in force on the day of death (every figure from the tables)."""

    short_years: Decimal  # below: short_months
    short_months: Decimal
    mid_years: Decimal  # below (and from short_years): mid_months
    mid_months: Decimal
    base_years: Decimal  # from mid_years up to and including: base_months
    base_months: Decimal
    per_year: Decimal  # added per further year, pro rata by month
    years_cap: Decimal  # contribution years counted at most
    max_months: Decimal
    drawn_per_year: Decimal  # pensioner: deducted per year of pension received, pro rata by month
    pensioner_floor: Decimal


def survivor_schedule(at: At) -> SurvivorSchedule:
    """The figures of 第五条, read in the schedule's order (each cited on the months line)."""
    return SurvivorSchedule(
        *(
            at(f"pension.death.{name}")
            for name in (
                "short_years", "short_months", "mid_years", "mid_months", "survivor_base_years",
                "survivor_base_months", "survivor_months_per_year", "survivor_years_cap", "survivor_max_months",
                "pensioner_months_per_year", "pensioner_floor_months",
            )
        )
    )  # fmt: skip


def rule_in_force(at: At) -> None:
    """人社部发〔2021〕18号 applies from 2021-09-01: earlier deaths are refused, not guessed."""
    try:
        at("pension.death.funeral_multiple")
    except NotCovered as e:
        raise NotCovered(
            e.param,
            e.on,
            e.covered_from,
            e.covered_until,
            "此日期前适用的广东省死亡待遇规定未收集（人社部发〔2021〕18号施行前）",
            "the Guangdong rule in force before 人社部发〔2021〕18号 took effect was not collected",
        ) from None


@rule(
    "pension.monthly_standard",
    ref="人社部发〔2021〕18号 第四条、第五条 (上一年度城镇居民月人均可支配收入)",
    rounding=_IN_FEN,
    unit=M,
)
def monthly_standard(at: At) -> Decimal:
    """月标准 = 上年度全省城镇居民人均可支配收入 ÷ 12 (shown to 分; the grants use it exactly)."""
    n, d = at("pension.death.urban_income").as_integer_ratio()
    return quotient(n, d * YEAR)


@rule("pension.funeral_grant", ref="人社部发〔2021〕18号 第四条", rounding=_IN_FEN, unit=Unit.YUAN)
def funeral_grant(at: At, urban_income: Decimal) -> Decimal:
    """丧葬补助金 = 年收入 ÷ 12 × 倍数, one exact division."""
    (n, d), (mn, md) = urban_income.as_integer_ratio(), at("pension.death.funeral_multiple").as_integer_ratio()
    return quotient(n * mn, d * md * YEAR)


@rule("pension.in_service_months", ref=_REF, unit=Unit.MONTHS, step=False)
def in_service_months(at: At, contribution_months: int) -> Mixed:
    """By contribution time to the month: 3 / 6 / 9, then + per year pro rata, capped (第五条)."""
    s = survivor_schedule(at)
    if contribution_months < s.short_years * YEAR:
        return Mixed(s.short_months)
    if contribution_months < s.mid_years * YEAR:
        return Mixed(s.mid_months)
    counted = min(contribution_months, int(s.years_cap * YEAR))
    further = max(0, counted - int(s.base_years * YEAR))
    return Mixed(min(Mixed(s.base_months) + Mixed(further, YEAR) * Mixed(s.per_year), Mixed(s.max_months)))


@rule("pension.pensioner_months", ref=_REF + " (退休人员)", unit=Unit.MONTHS, step=False)
def pensioner_months(at: At, in_service_months: Mixed, pension_months_drawn: int) -> Mixed:
    """A pensioner's months: less per year of pension received (pro rata by month), not below the floor."""
    if pension_months_drawn == 0:
        return in_service_months
    per_year = at("pension.death.pensioner_months_per_year")
    floor = Mixed(at("pension.death.pensioner_floor_months"))
    if in_service_months < floor:
        mid_years = at("pension.death.mid_years")
        raise NotCovered(
            "pension.death.pensioner_floor_months",
            at.on,
            None,
            None,
            f"退休人员缴费不满{mid_years}年时，按在职缴费年限确定的最高月数低于最低月数 {floor}，文件未说明取哪一个",
            f"for a pensioner with under {mid_years} contribution years the maximum months by contribution time "
            f"fall below the minimum of {floor}; the text does not say which applies",
        )
    drawn = Mixed(pension_months_drawn, YEAR) * Mixed(per_year)
    return Mixed(max(in_service_months - drawn, floor))


@rule("pension.survivor_months", ref=_REF, unit=Unit.MONTHS)
def survivor_months(at: At, contribution_months: int, pension_months_drawn: int) -> Months:
    """抚恤金发放月数: by contribution time; a pensioner's reduced by the pension drawn."""
    return Months(pensioner_months(at, in_service_months(at, contribution_months), pension_months_drawn))


@rule("pension.survivor_grant", ref="人社部发〔2021〕18号 第五条 (抚恤金)", rounding=_IN_FEN, unit=Unit.YUAN)
def survivor_grant(at: At, urban_income: Decimal, survivor_months: Mixed) -> Decimal:
    """抚恤金 = 年收入 ÷ 12 × 发放月数 (exact months), one exact division."""
    n, d = urban_income.as_integer_ratio()
    return quotient(n * survivor_months.numerator, d * YEAR * survivor_months.denominator)


@rule("pension.inheritable_account", ref="社会保险法 第十四条 (个人账户余额可以继承)", unit=Unit.YUAN)
def inheritable_account(at: At, account_balance: Decimal) -> Decimal:
    """个人账户余额: inherited as it stands."""
    return account_balance


@rule("pension.own_contributions_cap", ref="人社部发〔2021〕18号 (累计缴费不足5年的，不得超过个人缴费之和)", step=False)
def own_contributions_cap(at: At, contribution_months: int) -> bool:
    """Under the limit years the benefits may not exceed the own contributions: said, not checked."""
    limit = at("pension.death.own_contribution_limit_years")
    applies = contribution_months < limit * YEAR
    if applies:
        at.notice(
            "pension.own_contributions_cap_unchecked", param="pension.death.own_contribution_limit_years", years=limit
        )
    return applies


@marks_projection
def _death(params: Params, died_on: date, months: int, drawn: int, balance: Decimal) -> dict[str, Any]:
    """The rule in force, then the lines of 第四条 and 第五条, then the caveats."""
    at = params.at(died_on)
    rule_in_force(at)
    survivor_schedule(at)  # the figures of 第五条 in force that day (cited on the months line)
    income = at("pension.death.urban_income")
    standard = monthly_standard(at)
    funeral = funeral_grant(at, income)
    months_exact = survivor_months(at, months, drawn)
    survivor = survivor_grant(at, income, Mixed(months_exact))
    inherited = inheritable_account(at, balance)
    at.notice("pension.guangdong_rule_not_found")
    own_contributions_cap(at, months)
    return {
        "died_on": died_on,
        "monthly_standard": standard,
        "funeral_grant": funeral,
        "survivor_months": months_exact.decimal(),
        "survivor_grant": survivor,
        "inheritable_account": inherited,
        "pension_months_drawn": drawn,
    }


@accepts_input
@public
def pension_death_benefits(
    died_on: date,
    contribution_months: int,
    account_balance: Decimal | int | float | str = 0,
    *,
    pension_months_drawn: int = 0,
    as_of: date | None = None,
    overrides: Mapping[str, Any] | None = None,
    project: bool = False,
    assumptions: AssumptionsArg = None,
) -> PensionDeathBenefits:
    """Survivors' benefits when an insured person or pensioner dies of illness or a non-work cause.

    ``pension_months_drawn``: months of pension already received (pensioners; default 0). Deaths
    before 2021-09-01 are :class:`NotCovered`. See the module docstring for the rules.
    """
    check(isinstance(died_on, date), "died_on", "应为日期", "must be a date")
    params = Params(as_of, overrides)
    check(died_on <= params.as_of, "died_on", "死亡日期晚于知悉日期", "died_on is after the as_of date")
    months = months_count(contribution_months, "contribution_months")
    drawn = months_count(pension_months_drawn, "pension_months_drawn")
    balance = to_decimal(account_balance, "account_balance", non_negative=True)
    return evaluate(
        PensionDeathBenefits, _death, died_on, months, drawn, balance,
        as_of=params.as_of, overrides=overrides, assumptions=future(project, assumptions),
    )  # fmt: skip
