"""Monthly pension contributions (企业职工基本养老保险月缴费).

- Employee 8% of the contribution base, all into the personal account (国发〔2005〕38号).
- Employer rate: Guangdong's figure is not confirmed (assumed; the national cap is 16% since
  2019-05-01, 国办发〔2019〕13号).
- The base is the wage clamped to the Guangdong window's limits (July-to-June windows announced
  months late and applied backwards: before a window is published the previous one applies,
  provisionally).
- Flexible workers (灵活就业人员): a base they choose within the limits × 20%, 12% pooled and
  8% to the account (粤人社规〔2021〕5号; continued by 粤人社规〔2026〕14号 from 2026-05-01).

Each paid amount is rounded to 分 (the tax bureau bills in 分); the base is not rounded.
The words of the explanation are in ``pension/texts.toml``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any, ClassVar

from ..engine.api import check, field_value, public
from ..engine.evaluate import evaluate
from ..engine.explain import Explained
from ..engine.money import Money, to_decimal
from ..engine.months import YearMonth
from ..engine.params import At, Params
from ..engine.regions import Region
from ..engine.tables import Unit
from ..engine.trace import fen, rule
from ..inputs.base import accepts_input
from ..inputs.projection import AssumptionsArg, future, marks_projection

M = Unit.YUAN_PER_MONTH


class MonthlyContribution(Explained):
    """One month's contribution to a social-insurance scheme: base, both shares, total."""

    headline: ClassVar[tuple[tuple[str, str, str], ...]] = (
        ("base", "缴费基数", "contribution base"),
        ("employee", "个人缴费", "employee contribution"),
        ("employer", "单位缴费", "employer contribution"),
        ("total", "合计", "total"),
    )
    units: ClassVar[dict[str, Unit]] = {"base": M, "employee": M, "employer": M, "total": M}

    month: YearMonth
    region: Region
    base: Money
    employee: Money
    employer: Money
    total: Money
    #: Whether a figure was projected (asked for with ``project`` / ``assumptions``); the warnings say which.
    projected: bool = False


class PensionContribution(MonthlyContribution):
    """One month's pension contribution, explained.

    For a flexible worker ``employee`` is the 8% that goes to the personal account and
    ``employer`` the 12% pooled part.
    """

    title_zh: ClassVar[str] = "企业职工基本养老保险月缴费测算"
    title_en: ClassVar[str] = "Monthly pension contribution"

    flexible: bool
    provisional: bool


def clamp_base(wage: Decimal, lower: Decimal, upper: Decimal) -> Decimal:
    """缴费基数: the wage held inside [lower, upper]."""
    return min(max(wage, lower), upper)


# ---------------------------------------------------------------------------------------------
# Rules

_BILLED_IN_FEN = "each paid amount is billed in 分 by the tax bureau (税务机关按分征收)"


@rule("pension.contribution_base", ref="粤人社发〔2025〕32号 第二条 (缴费基数上下限)", unit=M)
def contribution_base(at: At, wage: Decimal) -> Decimal:
    """缴费基数: the wage (or a flexible worker's chosen base) held within the window's limits."""
    return clamp_base(wage, at("pension.contribution.base_lower"), at("pension.contribution.base_upper"))


@rule("pension.employee_share", ref="国发〔2005〕38号 第四条 (个人缴费)", rounding=fen(_BILLED_IN_FEN), unit=M)
def employee_share(at: At, base: Decimal) -> Decimal:
    """个人缴费 = 缴费基数 × 个人缴费比例, all into the personal account."""
    return base * at("pension.contribution.employee_rate")


@rule("pension.employer_share", ref="国办发〔2019〕13号 一 (单位缴费比例)", rounding=fen(_BILLED_IN_FEN), unit=M)
def employer_share(at: At, base: Decimal) -> Decimal:
    """单位缴费 = 缴费基数 × 单位缴费比例."""
    return base * at("pension.contribution.employer_rate")


@rule(
    "pension.flexible_account_share",
    ref="粤人社规〔2021〕5号 (灵活就业人员个人账户部分)",
    rounding=fen(_BILLED_IN_FEN),
    unit=M,
)
def flexible_account_share(at: At, base: Decimal) -> Decimal:
    """灵活就业人员个人账户部分 = 缴费基数 × 个人账户比例."""
    return base * at("pension.flexible.account_rate")


@rule(
    "pension.flexible_pooled_share",
    ref="粤人社规〔2021〕5号 (灵活就业人员统筹部分)",
    rounding=fen(_BILLED_IN_FEN),
    unit=M,
)
def flexible_pooled_share(at: At, base: Decimal) -> Decimal:
    """灵活就业人员统筹部分 = 缴费基数 × 统筹比例."""
    return base * at("pension.flexible.pooled_rate")


@rule("pension.contribution_total", ref="两部分之和 (sum of the two parts)", unit=M)
def contribution_total(at: At, employee: Decimal, employer: Decimal) -> Decimal:
    """合计."""
    return employee + employer


@marks_projection
def _contribution(params: Params, month: YearMonth, wage: Decimal, region: Region, flexible: bool) -> dict[str, Any]:
    """The rules in order: base, the two shares, the total."""
    at = params.at(month)
    base = contribution_base(at, wage)
    if flexible:
        employee, employer = flexible_account_share(at, base), flexible_pooled_share(at, base)
    else:
        employee, employer = employee_share(at, base), employer_share(at, base)
    return {
        "month": month,
        "region": region,
        "flexible": flexible,
        "base": base,
        "employee": employee,
        "employer": employer,
        "total": contribution_total(at, employee, employer),
        "provisional": any(pv.provisional for pv in params.used),
    }


@accepts_input
@public
def pension_contribution(
    month: YearMonth | str | date,
    wage: Decimal | int | float | str,
    region: Region | str = Region.JIANGMEN,
    *,
    flexible: bool = False,
    as_of: date | None = None,
    overrides: Mapping[str, Any] | None = None,
    project: bool = False,
    assumptions: AssumptionsArg = None,
) -> PensionContribution:
    """The pension contribution for ``month`` on a monthly ``wage`` (or chosen base).

    ``flexible=True`` for 灵活就业人员 (the whole 20% is the person's). Raises ``NotCovered``
    for months outside the published windows.
    """
    ym = field_value(month, "month", YearMonth.of)
    wage_d = to_decimal(wage, "wage", non_negative=True)
    reg = Region.parse(region)
    check(isinstance(flexible, bool), "flexible", "应为是/否", "must be true or false")
    return evaluate(
        PensionContribution, _contribution, ym, wage_d, reg, flexible,
        as_of=as_of, overrides=overrides, assumptions=future(project, assumptions),
    )  # fmt: skip
