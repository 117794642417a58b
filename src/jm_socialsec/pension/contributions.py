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
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any, ClassVar

from ..engine.api import field_value, public
from ..engine.explain import Explained, Quantity, Step, notices_for
from ..engine.money import Money, round_fen, to_decimal
from ..engine.months import YearMonth
from ..engine.params import Params
from ..engine.regions import Region
from ..engine.tables import Unit

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


@public
def pension_contribution(
    month: YearMonth | str | date,
    wage: Decimal | int | float | str,
    region: Region | str = Region.JIANGMEN,
    *,
    flexible: bool = False,
    as_of: date | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> PensionContribution:
    """The pension contribution for ``month`` on a monthly ``wage`` (or chosen base).

    ``flexible=True`` for 灵活就业人员 (the whole 20% is the person's). Raises ``NotCovered``
    for months outside the published windows.
    """
    ym = field_value(month, "month", YearMonth.of)
    wage_d = to_decimal(wage, "wage", non_negative=True)
    reg = Region.parse(region)
    params = Params(as_of, overrides)

    lower = params.get("pension.contribution.base_lower", ym)
    upper = params.get("pension.contribution.base_upper", ym)
    base = clamp_base(wage_d, lower.decimal, upper.decimal)
    steps = [
        Step(
            id="base",
            label_zh="缴费基数",
            label_en="contribution base",
            formula_zh="工资（或自选基数）限定在 [下限, 上限] 之间",
            formula_en="wage (or chosen base) held within [lower, upper]",
            calc=f"min(max({wage_d}, {lower.value}), {upper.value}) = {base}",
            inputs=(Quantity(name_zh="月工资", name_en="monthly wage", value=wage_d, unit=M),),
            params=(lower, upper),
            result=base,
            unit=M,
        )
    ]
    if flexible:
        rate_e = params.get("pension.flexible.account_rate", ym)
        rate_r = params.get("pension.flexible.pooled_rate", ym)
        lbl_e = ("个人账户部分（8%）", "personal-account part")
        lbl_r = ("统筹部分", "pooled part")
    else:
        rate_e = params.get("pension.contribution.employee_rate", ym)
        rate_r = params.get("pension.contribution.employer_rate", ym)
        lbl_e = ("个人缴费", "employee contribution")
        lbl_r = ("单位缴费", "employer contribution")
    employee = round_fen(base * rate_e.decimal)
    employer = round_fen(base * rate_r.decimal)
    total = employee + employer
    steps += [
        Step(
            id="employee",
            label_zh=lbl_e[0],
            label_en=lbl_e[1],
            formula_zh="缴费基数 × 费率，四舍五入到分",
            formula_en="base × rate, rounded to fen",
            calc=f"{base} × {rate_e.value} = {employee}",
            params=(rate_e,),
            result=employee,
            unit=M,
        ),
        Step(
            id="employer",
            label_zh=lbl_r[0],
            label_en=lbl_r[1],
            formula_zh="缴费基数 × 费率，四舍五入到分",
            formula_en="base × rate, rounded to fen",
            calc=f"{base} × {rate_r.value} = {employer}",
            params=(rate_r,),
            result=employer,
            unit=M,
        ),
        Step(
            id="total",
            label_zh="合计",
            label_en="total",
            calc=f"{employee} + {employer}",
            result=total,
            unit=M,
        ),
    ]
    warnings = notices_for(params.used)
    return PensionContribution(
        as_of=params.as_of,
        steps=tuple(steps),
        warnings=warnings,
        month=ym,
        region=reg,
        flexible=flexible,
        base=base,
        employee=employee,
        employer=employer,
        total=total,
        provisional=any(pv.provisional for pv in params.used),
    )
