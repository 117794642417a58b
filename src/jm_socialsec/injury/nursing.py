"""Care and hospital items (生活护理费、住院伙食补助费), both paid by the fund.

- 生活护理费 (广东 2019 art. 26, replacing the national three levels of 条例 art. 34): grade 1-4
  workers confirmed as needing care get, by 生活自理障碍等级 一级 to 四级, a share (60 / 50 / 40 /
  30%) of the previous-year average monthly wage — 全省 from provincial pooling (2019-07), the
  pooling area's (Jiangmen's, the caller's) before. Dated by the appraisal (``assessed_on``);
  not covered before 2012-01-01 (the 2011 revision's in-force date). Secondary.
- 住院伙食补助费 (条例 art. 30): Jiangmen's daily amount is not known: the caller gives it.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from ..engine.params import At
from ..engine.tables import Unit
from ..engine.trace import fen, rule
from .coverage import guangdong
from .models import CareLevel
from .own_wage import average_wage

M = Unit.YUAN_PER_MONTH
_PAID_IN_FEN = fen("待遇按分计发 / benefits are paid in 分")


def nursing_allowance(average_wage: Decimal, rate: Decimal) -> Decimal:
    """生活护理费 (广东 2019 art. 26): the previous-year average monthly wage × the level's share, to 分."""
    return _PAID_IN_FEN(average_wage * rate)


@rule("injury.nursing", ref="广东省工伤保险条例 第二十六条", rounding=_PAID_IN_FEN, unit=M)
def nursing(at: At, care_level: CareLevel, city_wages: Mapping[int, Decimal]) -> Decimal:
    """生活护理费 (monthly, fund) = 上年度职工月平均工资 × the care level's share (``at``: the appraisal)."""
    rate = guangdong(at, "injury.nursing_rate", str(int(care_level))).decimal
    return average_wage(at, city_wages) * rate


@rule(
    "injury.hospital_meals", ref="工伤保险条例 第三十条第四款 (住院伙食补助费)", rounding=_PAID_IN_FEN, unit=Unit.YUAN
)
def hospital_meals(at: At, daily: Decimal, days: int) -> Decimal:
    """住院伙食补助费 (fund) = the daily amount (the caller's) × the days in hospital."""
    return daily * days
