"""Monthly unemployment-insurance contributions (失业保险月缴费).

- Employees (广东省失业保险条例第八条): the wage held between the city's minimum wage and 3 × the
  city's previous-year 在岗 average monthly wage (a caller input: no sourced figure was found);
  employee 0.2% (secondary), employer rate assumed (override it with the actual one).
- Flexible workers (粤人社规〔2025〕50号《广东省灵活就业人员参加失业保险办法》, from 2026-01-01 for
  two years; 第六条): a declared base held within the same bounds; the person pays the whole
  baseline rate (employer plus employee rates, assumed), reported as ``employee``.

Each paid amount is rounded to 分 (the tax bureau bills in 分); the base is not rounded.
"""

from __future__ import annotations

from decimal import Decimal

from ..engine.params import At
from ..engine.tables import Unit
from ..engine.trace import fen, rule
from ..pension.contributions import clamp_base

M = Unit.YUAN_PER_MONTH
_BILLED_IN_FEN = "each paid amount is billed in 分 by the tax bureau (税务机关按分征收)"
MINIMUM_WAGE = "wages.minimum_monthly"


@rule("unemployment.contribution_base", ref="广东省失业保险条例第八条", unit=M)
def contribution_base(at: At, wage: Decimal, city_average_wage: Decimal) -> Decimal:
    """缴费基数: the wage held within [minimum wage, previous-year average monthly wage × factor]."""
    floor = at(MINIMUM_WAGE)
    return clamp_base(wage, floor, city_average_wage * at("unemployment.contribution.base_cap_factor"))


@rule("unemployment.flexible_contribution_base", ref="粤人社规〔2025〕50号 第六条", unit=M)
def flexible_contribution_base(at: At, wage: Decimal, city_average_wage: Decimal) -> Decimal:
    """灵活就业人员缴费基数: the declared base held within the same bounds (办法第六条)."""
    floor = at(MINIMUM_WAGE)
    return clamp_base(wage, floor, city_average_wage * at("unemployment.flexible.base_cap_factor"))


@rule("unemployment.employee_share", ref="广东省失业保险条例第八条（个人缴费）", rounding=fen(_BILLED_IN_FEN), unit=M)
def employee_share(at: At, base: Decimal) -> Decimal:
    """个人缴费 = 缴费基数 × 个人费率."""
    return base * at("unemployment.contribution.employee_rate")


@rule("unemployment.employer_share", ref="广东省失业保险条例第八条（单位缴费）", rounding=fen(_BILLED_IN_FEN), unit=M)
def employer_share(at: At, base: Decimal) -> Decimal:
    """单位缴费 = 缴费基数 × 单位费率."""
    return base * at("unemployment.contribution.employer_rate")


@rule(
    "unemployment.flexible_share", ref="粤人社规〔2025〕50号 第六条（基准费率）", rounding=fen(_BILLED_IN_FEN), unit=M
)
def flexible_share(at: At, base: Decimal) -> Decimal:
    """灵活就业人员本人缴费 = 缴费基数 × 基准费率 (单位和个人费率之和)."""
    return base * at("unemployment.flexible.rate")


@rule("unemployment.flexible_employer_share", ref="粤人社规〔2025〕50号 第六条", unit=M)
def flexible_employer_share(at: At) -> Decimal:
    """No employer: nothing is paid by one."""
    return Decimal(0)


@rule("unemployment.contribution_total", ref="两部分之和 (sum of the two parts)", unit=M)
def contribution_total(at: At, employee: Decimal, employer: Decimal) -> Decimal:
    """合计."""
    return employee + employer
