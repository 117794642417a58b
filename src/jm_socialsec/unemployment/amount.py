"""The monthly amount (失业保险金标准) and the total: 广东省失业保险条例第十九条.

「失业保险金由社会保险经办机构按照失业保险金领取地地级以上市最低工资标准的百分之九十按月计发」
(80% until 2018-04-30). The claim month's minimum wage is used for the whole period (a change
during it is not followed: the agency decides). The urban 低保 floor of art. 19 is not checked
(no figures collected).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ..engine.params import At
from ..engine.tables import Unit
from ..engine.trace import fen, rule

#: Benefits are paid in 分 by the agency; no article orders another rounding.
PAID_IN_FEN = "按月计发，经办机构按分发放 (amounts are paid in 分)"
MINIMUM_WAGE = "wages.minimum_monthly"


@rule("unemployment.minimum_wage_since", ref="最低工资标准的施行日期", step=False)
def minimum_wage_since(at: At) -> date | None:
    """The day the minimum wage in force on the claim month took effect."""
    return at.get(MINIMUM_WAGE).since


@rule(
    "unemployment.benefit_standard",
    ref="广东省失业保险条例第十九条",
    rounding=fen(PAID_IN_FEN),
    unit=Unit.YUAN_PER_MONTH,
)
def benefit_standard(at: At) -> Decimal:
    """失业保险金标准 = 申领地月最低工资标准 × 比例."""
    minimum_wage = at(MINIMUM_WAGE)
    minimum_wage_since(at)
    return minimum_wage * at("unemployment.benefit.rate")


@rule(
    "unemployment.benefit_total",
    ref="广东省失业保险条例第十九条（按月计发）",
    rounding=fen(PAID_IN_FEN),
    unit=Unit.YUAN,
)
def benefit_total(at: At, monthly: Decimal, months: int) -> Decimal:
    """失业保险金合计 = 月失业保险金 × 领取月数."""
    return monthly * months
