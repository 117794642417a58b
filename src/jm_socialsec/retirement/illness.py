"""Illness or non-work disability before the statutory age (病残津贴).

Source: 企业职工基本养老保险病残津贴暂行办法 (with the 2025 reform): a person found by a
working-ability appraisal to have completely lost the ability to work before the statutory age
draws the 病残津贴 until that age, then the monthly pension; early retirement for illness
(国发〔1978〕104号 第一条（三）) no longer applies.

Limits: the allowance's formula was not collected, so no amount is computed (a notice says so);
the appraisal itself (劳动能力鉴定) is outside this library.
"""

from __future__ import annotations

from ..engine.months import YearMonth
from ..engine.params import At
from ..engine.trace import rule


@rule("retirement.illness_allowance_until", ref="企业职工基本养老保险病残津贴暂行办法 (领取至法定退休年龄)")
def illness_allowance_until(at: At, statutory_month: YearMonth) -> YearMonth:
    """病残津贴途径: the allowance runs until the statutory retirement month, then the pension."""
    at.notice("retirement.amount_not_computed")
    return statutory_month
