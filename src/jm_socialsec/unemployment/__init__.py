"""Unemployment insurance (失业保险): eligibility, 失业保险金, its duration, the side benefits and
the monthly contributions (employees and, from 2026, flexible workers), for Jiangmen (江门).

References (figures in ``tables/unemployment/unemployment.toml``; the minimum wage in
``tables/wages/wages.toml``):

- 广东省失业保险条例 (revised 2013-11-21, in force 2014-07-01; amended 2022-06-01 and, by
  《广东省人民代表大会常务委员会关于修改〈广东省岭南中药材保护条例〉〈广东省失业保险条例〉的决定》,
  2025-01-12). Article numbers follow the text in force: the 2022 text until 2025-01-11 (art. 8
  contribution base, 15-16 eligibility, 17 duration, 18 carry-over, 19 monthly amount, 20-23 the
  side benefits, 24 medical insurance, 25 death grants, 28 stop, 36 start of the period, 47 former
  farmer contract workers), the 2025 text from 2025-01-12 (8, 15-19 unchanged; 20 medical, 21
  death grants, 24 stop, 32 start of the period, 43 farmer contract workers). National layer:
  社会保险法 arts. 44-52.
- The 2025 amendment deleted the 求职补贴 (old art. 20), the childbirth supplement (21), the early
  re-employment and business-start lump sums (22, 23) and the non-hukou lump sum (31 ¶2, never
  computed here). Their parameters end the day before the amendment; the rules treat "no period in
  force" as "deleted" (:meth:`Params.in_force`), so the date lives in the tables only. A claim
  after it gets none of them, and the result says which article was deleted and by what.
- 国务院关于渐进式延迟法定退休年龄的办法 第七条: less than one year from the statutory retirement
  age, the benefit runs until that age (and the fund pays the pension contribution meanwhile).
- 粤人社规〔2025〕50号《广东省灵活就业人员参加失业保险办法》 (in force 2026-01-01 for two years):
  flexible workers in the Greater-Bay-Area cities (Jiangmen among them) may join voluntarily; base
  between the minimum wage and 3 × the city's 在岗 average wage, at the baseline rate (art. 6).

Choices where the texts are silent:

- The decision's effective date was not seen; the tables take its adoption date 2025-01-12
  (secondary). Guangdong amending decisions usually take effect on promulgation.
- No transitional rule was seen. A deleted item is decided by the date of the event that would
  have given it: each month of 求职补贴, the month of birth, the month of the new job or business.
  Dates are months, so the boundary month 2025-01 still counts under the 2022 text (its values for
  those days are secondary).
- From 2025-01-12 starting a business stops payment like re-employment (2025 art. 24(一)); the
  months not drawn are kept for a later claim (art. 18).

Layout (the regulation's table of contents): :mod:`.eligibility` (arts. 15-16), :mod:`.amount`
(art. 19), :mod:`.duration` (arts. 17-18, the period, 办法第七条), :mod:`.side` (medical insurance,
the 2022 side benefits, death grants, farmer contract workers), :mod:`.amendment` (the 2025
deletions and renumbering), :mod:`.contributions` (art. 8; 办法第六条); the public functions and
result models in :mod:`.api`; the words of the explanation in ``texts.toml``.

Limits: claims before 2014-07 (the 2013 regulation's start) are :class:`NotCovered`. The monthly
amount is the one of the claim month (a minimum-wage change during the period is not followed). The
urban 低保 floor of art. 19 is not checked (no figures collected). The city's 在岗 average wage
(death grants, contribution cap) was not found with a source: it is a caller input. Training
subsidies (2025 arts. 22-23) are not computed.
"""

from .amendment import (
    ARTICLES,
    BUSINESS_START,
    CHILDBIRTH,
    DELETED_BENEFITS,
    EARLY_REEMPLOYMENT,
    JOB_SEARCH,
    Article,
    deleted_value,
    text_year,
)
from .api import UnemploymentBenefit, UnemploymentContribution, unemployment_benefit, unemployment_contribution
from .reasons import DEFAULT_REASON, SeparationReason

__all__ = [
    "ARTICLES",
    "BUSINESS_START",
    "CHILDBIRTH",
    "DEFAULT_REASON",
    "DELETED_BENEFITS",
    "EARLY_REEMPLOYMENT",
    "JOB_SEARCH",
    "Article",
    "SeparationReason",
    "UnemploymentBenefit",
    "UnemploymentContribution",
    "deleted_value",
    "text_year",
    "unemployment_benefit",
    "unemployment_contribution",
]
