"""Disability benefits by grade (工伤保险条例 第三十三条、第三十五条至第三十七条).

- 一次性伤残补助金 (fund, every grade): 本人工资 × the grade's months (arts. 35-37 (一)).
- 停工留薪期 (art. 33; 广东 art. 25): the employer keeps paying the original wage, normally at
  most ``injury.paid_leave.max_months``, extendable by ``max_extension_months``; Guangdong caps
  it at ``injury.paid_leave.guangdong_max_months`` (from its table's first date).
  Described, not estimated. Before Guangdong's cap was collected: national maximum + extension.
- 伤残津贴 (art. 35 (二), grades 1-4, fund; art. 36 (二), grades 5-6, employer when it cannot
  arrange suitable work): 本人工资 × the grade's share, lifted to Jiangmen's minimum wage in force
  in the month of the appraisal; grades 1-4 also to Guangdong's 托底线 where collected (the years its
  notices cover; otherwise a warning says only the minimum wage was applied). Later yearly adjustments are
  not modelled.

Each amount is rounded to 分 once; the top-up is the difference to the computed share.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from ..engine.params import At
from ..engine.tables import Unit
from ..engine.trace import fen, rule
from .coverage import national

M = Unit.YUAN_PER_MONTH
Y = Unit.YUAN
_PAID_IN_FEN = fen("待遇按分计发 / benefits are paid in 分")
_FLOOR_1_4 = "injury.disability_allowance_floor_grade1_4"
#: 广东省工伤保险条例 (2011 revision) in force: the first day of Guangdong's paid-leave cap (its table's
#: first date; a test checks they agree). The rule versions' dates are declared, so not read at import.
_GUANGDONG_FROM = date(2012, 1, 1)


@rule(
    "injury.disability_lump_sum",
    ref="工伤保险条例 第三十五条、第三十六条、第三十七条第（一）项",
    rounding=_PAID_IN_FEN,
    unit=Y,
)
def disability_lump_sum(at: At, grade: int, own_wage: Decimal) -> Decimal:
    """一次性伤残补助金 (fund) = 本人工资 × the grade's months."""
    return own_wage * national(at, "injury.disability_lump_sum_months", str(grade)).decimal


@rule(
    "injury.paid_leave",
    ref="工伤保险条例 第三十三条; 广东省工伤保险条例 第二十五条",
    since=_GUANGDONG_FROM,
    unit=Unit.MONTHS,
)
def paid_leave(at: At) -> int:
    """停工留薪期 最长: Guangdong's cap (the national normal maximum and extension are shown)."""
    national(at, "injury.paid_leave.max_months")
    national(at, "injury.paid_leave.max_extension_months")
    return int(at("injury.paid_leave.guangdong_max_months"))


@rule(
    "injury.paid_leave_national",
    ref="工伤保险条例 第三十三条第二款",
    until=_GUANGDONG_FROM - timedelta(days=1),
    unit=Unit.MONTHS,
)
def paid_leave_national(at: At) -> int:
    """停工留薪期 最长 before Guangdong's cap: the national normal maximum plus the extension."""
    normal = national(at, "injury.paid_leave.max_months").decimal
    return int(normal + national(at, "injury.paid_leave.max_extension_months").decimal)


@rule(
    "injury.allowance_share",
    ref="工伤保险条例 第三十五条第（二）项、第三十六条第（二）项",
    rounding=_PAID_IN_FEN,
    unit=M,
    step=False,
)
def allowance_share(at: At, grade: int, own_wage: Decimal) -> Decimal:
    """伤残津贴 as computed: 本人工资 × the grade's share."""
    return own_wage * national(at, "injury.disability_allowance_rate", str(grade)).decimal


@rule("injury.allowance_floor", ref="工伤保险条例 第三十五条第（二）项; 广东一至四级伤残津贴托底线", unit=M, step=False)
def allowance_floor(at: At, fund_pays: bool) -> Decimal:
    """The floor of 伤残津贴 in the month of the appraisal: the minimum wage, and for grades 1-4
    (fund) Guangdong's 托底线 where collected (a warning otherwise)."""
    floor = at("wages.minimum_monthly")
    if not fund_pays:
        return floor
    if not at.in_force(_FLOOR_1_4):
        at.notice("injury.not_collected", param=_FLOOR_1_4, on=at.on)
        return floor
    return max(floor, at(_FLOOR_1_4))


@rule("injury.allowance_top_up", ref="工伤保险条例 第三十五条第（二）项", rounding=_PAID_IN_FEN, unit=M, step=False)
def allowance_top_up(at: At, share: Decimal, floor: Decimal) -> Decimal:
    """补足差额: what lifts the computed allowance to its floor (0 when above)."""
    return max(floor - share, Decimal(0))


def _allowance(at: At, grade: int, own_wage: Decimal, assessed_on: date, fund_pays: bool) -> Decimal:
    share = allowance_share(at, grade, own_wage)
    return share + allowance_top_up(at, share, allowance_floor(at.at(assessed_on), fund_pays))


@rule("injury.disability_allowance", ref="工伤保险条例 第三十五条第（二）项", rounding=_PAID_IN_FEN, unit=M)
def disability_allowance(at: At, grade: int, own_wage: Decimal, assessed_on: date) -> Decimal:
    """伤残津贴, grades 1-4 (fund): the share lifted to the minimum wage and Guangdong's 托底线."""
    return _allowance(at, grade, own_wage, assessed_on, fund_pays=True)


@rule("injury.employer_disability_allowance", ref="工伤保险条例 第三十六条第（二）项", rounding=_PAID_IN_FEN, unit=M)
def employer_disability_allowance(at: At, grade: int, own_wage: Decimal, assessed_on: date) -> Decimal:
    """伤残津贴, grades 5-6 (employer, when it cannot arrange suitable work): lifted to the minimum wage."""
    return _allowance(at, grade, own_wage, assessed_on, fund_pays=False)
