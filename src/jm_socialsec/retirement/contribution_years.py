"""Minimum contribution years (最低缴费年限): 办法第二条 and annex 4.

Sources: 中华人民共和国社会保险法 第十六条 (15 years, from 2011-07-01; 国发〔1997〕26号 第五条
before); 国务院关于渐进式延迟法定退休年龄的办法 第二条 and 附件4: from 2030-01-01 the minimum
rises by six months a year to 20 years. The figures are in tables/pension/minimum_years.toml
(``pension.min_contribution_years``).

Choices where the texts are silent: the minimum is that of the calendar year of retirement (read
in its January); a flexible late retirement keeps the minimum of its statutory year (secondary:
restated by bureaus' answers, not by the 办法 itself — :mod:`.choice`).
"""

from __future__ import annotations

from decimal import Decimal

from ..engine.months import YearMonth
from ..engine.params import At, Params
from ..engine.tables import Unit
from ..engine.trace import rule


@rule(
    "retirement.minimum_contribution_years",
    ref="国务院关于渐进式延迟法定退休年龄的办法 第二条; 附件4 (社会保险法 第十六条)",
    unit=Unit.YEARS,
)
def minimum_contribution_years(at: At, retirement_month: YearMonth) -> Decimal:
    """最低缴费年限 for a retirement in ``retirement_month`` (by its calendar year)."""
    return at.at(YearMonth(retirement_month.year, 1))("pension.min_contribution_years")


def min_years(params: Params, month: YearMonth) -> Decimal:
    """最低缴费年限 for a retirement in ``month``: the rule above, for reuse."""
    return minimum_contribution_years(params.at(month), month)
