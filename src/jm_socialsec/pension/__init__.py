"""Enterprise-employee basic pension (企业职工基本养老金), Guangdong formula (Shenzhen excluded).

The rule modules read like the determination sheet (基本养老金核定表) and the documents behind it:

- :mod:`.eligibility` — the retirement month and age (by the retirement rules), 最低缴费年限 and the
  shortfall (社会保险法 第十六条; 国务院关于渐进式延迟法定退休年龄的办法 附件4).
- :mod:`.basic` — 计发基数, 缴费年限, the a-coefficient, 基础养老金 (国发〔2005〕38号 第六条;
  粤府〔2006〕96号).
- :mod:`.account` — 计发月数 (whole age before 2025, by month from 2025) and 个人账户养老金.
- :mod:`.transitional` — 过渡性养老金 (100 元, 4 元 a year, 原办法 ÷ 120) and 过渡性调整额 (新办法,
  实施比例; 粤府函〔2021〕294号). All secondary.
- :mod:`.api` — :func:`estimate_pension`, the lines in the sheet's order, and the total.
- :mod:`.death` — 丧葬补助金 and 抚恤金 (人社部发〔2021〕18号).
- :mod:`.contributions` — the monthly contribution (国发〔2005〕38号; 粤人社规〔2021〕5号).
- :mod:`.recalc` — :func:`recalculate`: a provisional (预发) pension redone on the published base,
  the monthly difference and the back pay (补发).

基本养老金 = 基础养老金 + 个人账户养老金 + 过渡性养老金 (+ 过渡性调整额), each line rounded to 分
(half-up) as on the sheet, and only there: every line is one exact division of its inputs
(:mod:`.exact`), rounded once by the rule's declared rounding. The 计发基数 is the one for the
retirement year; before it is published (as of ``as_of``) the previous year's applies and the
result is provisional (预发), as on the official sheets. Whether 2026 sheets still add the 100 元
on top of the new-method amount is unconfirmed: the 2026 fixed part is ``assumed`` and results
say so. The words of every line are in ``pension/texts.toml``.
"""

from __future__ import annotations

from .api import PensionEstimate, annuity_months, estimate_pension
from .death import PensionDeathBenefits, pension_death_benefits
from .recalc import PensionRecalculation, recalculate

__all__ = [
    "PensionDeathBenefits",
    "PensionEstimate",
    "PensionRecalculation",
    "annuity_months",
    "estimate_pension",
    "pension_death_benefits",
    "recalculate",
]
