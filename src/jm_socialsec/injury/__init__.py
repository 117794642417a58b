"""Work-injury insurance (工伤保险): benefits by disability grade, death benefits, contributions.

Sources (figures and statuses in ``tables/injury/injury.toml``; words in ``injury/texts.toml``):

- 工伤保险条例 (国务院令第586号, its 2010 revision; official; in-force dates in
  ``tables/sources.toml``): 第三十三条 停工留薪期, 第三十五至三十七条 disability benefits by grade,
  第三十九条 death benefits, 第六十四条 本人工资.
- 社会保险法 第三十八、三十九条: which items the fund pays and which the employer pays (official).
- 广东省工伤保险条例, its 2011 revision and 2019 amendment (公告第37号, province-level pooling). The
  amended articles: 第二十五条 the 停工留薪期 cap, 第二十六条 生活护理费 (a share of the 全省
  previous-year average wage per level of 生活自理障碍: ``injury.nursing_rate``), 第三十一条 and
  第三十二条 the leaving grants (the latter withheld from a worker who draws a basic pension). No
  official copy was found: these figures are secondary. There is no near-retirement reduction in
  Guangdong.
- 关于调整2021年度我省工伤保险长期待遇发放标准的通知: the grade 1-4 托底线 (secondary).
- 人社部发〔2015〕71号 and 粤人社规〔2021〕4号: industry base rates (secondary).

Choices where the texts are silent (each is also said in ``docs/injury.md``):

- "上年度" is the calendar year before the date concerned: 本人工资 and 生活护理费 use the average
  wage of the year before the injury / the appraisal; the funeral grant the year before the
  death; the death grant the national urban disposable income of the year before the death.
- The pooling area's average wage is Guangdong's provincial figure from the start of provincial
  pooling (``injury.provincial_pooling_since``, secondary); before that it was Jiangmen's city
  figure, which the tables do not hold: the caller supplies it (``city_average_wages``) or the
  call is refused.
- The leaving grants' month counts are dated by the injury; the pension exclusion (广东 第三十二条)
  by the end of the employment. Before the 2019 amendment took effect (the first date of
  ``injury.leaving_grants.pension_exclusion_from_grade``) the rule for a worker drawing a pension
  was not collected: ``draws_pension=True`` then is :class:`NotCovered`.
- Money is rounded to 分 (half up) once per item; 本人工资 is rounded to 分 too, as on the
  official sheets.
- Monthly items (伤残津贴, 生活护理费) are computed for the month of the appraisal
  (``assessed_on``, default the injury date); later yearly adjustments are not modelled.
- Survivor pensions over the cap are scaled down in proportion (largest remainder to 分).
- Death benefits are computed item by item: an item that needs a figure the tables lack is listed
  in ``not_covered`` with the reason; the call refuses only when no item can be computed.

Limits: injuries before the national regulation's 2010 revision took effect (old rules) are
:class:`NotCovered`, and so are Guangdong's own items (leaving grants, 生活护理费, the paid-leave
cap) before its 2011 revision took effect; medical and
rehabilitation costs are actual costs and not estimated; 住院伙食补助费 is not known for Jiangmen
and is a required input when asked for; the grade 1-4 non-hukou one-off settlement is not
computed.

Layout (the order of the regulation): ``own_wage`` (art. 64 and the pooling area's average
wage), ``disability`` (arts. 33, 35-37), ``leaving`` (广东 arts. 31-32), ``nursing`` (广东 art. 26
and the hospital meals), ``death`` (art. 39), ``contribution`` (arts. 8, 10); ``coverage`` says
which texts cover a date; ``api`` validates the input and calls the rules in order; ``models``
holds the results.
"""

from __future__ import annotations

from .api import death_benefits, injury_benefits, injury_contribution, own_wage
from .death import share_survivors
from .leaving import leaving_grants_withheld
from .models import (
    BenefitItem,
    CareLevel,
    DeathBenefits,
    Dependent,
    InjuryBenefits,
    InjuryContribution,
    OwnWage,
    Payer,
    SurvivorPension,
    UncoveredItem,
)
from .nursing import nursing_allowance
from .own_wage import clamp_own_wage

__all__ = [
    "BenefitItem",
    "CareLevel",
    "DeathBenefits",
    "Dependent",
    "InjuryBenefits",
    "InjuryContribution",
    "OwnWage",
    "Payer",
    "SurvivorPension",
    "UncoveredItem",
    "clamp_own_wage",
    "death_benefits",
    "injury_benefits",
    "injury_contribution",
    "leaving_grants_withheld",
    "nursing_allowance",
    "own_wage",
    "share_survivors",
]
