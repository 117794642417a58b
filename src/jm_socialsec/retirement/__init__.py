"""Retirement (退休): the statutory age under the 2025 reform, flexible and special-type retirement,
the minimum contribution years, the person's choice, and the illness route.

Sources: 全国人民代表大会常务委员会关于实施渐进式延迟法定退休年龄的决定 (2024-09-13, in force
2025-01-01) and the attached 国务院关于渐进式延迟法定退休年龄的办法 — 第一条 the delayed ages
(annexes 1-3), 第二条 the minimum contribution years (annex 4), 第三条 flexible retirement,
第八条 special types; 国发〔1978〕104号 for the original ages; 社会保险法 第十六条 for the
15 years; 企业职工基本养老保险病残津贴暂行办法 for the illness route. Special-type ages after the
reform are secondary (tables/retirement/retirement.toml). The figures are in
tables/retirement/retirement.toml and tables/pension/minimum_years.toml; the words in
``retirement/texts.toml``; the rules read like the 办法:

- :mod:`.age` — 第一条: original age, delay, statutory month (法定退休年龄);
- :mod:`.contribution_years` — 第二条: 最低缴费年限;
- :mod:`.flexible` — 第三条: the flexible window (弹性退休);
- :mod:`.special` — 第八条: special types of work (特殊工种);
- :mod:`.choice` — the person's choice checked and resolved to a month (退休方式);
- :mod:`.illness` — illness or non-work disability: 病残津贴 (no amount);
- :mod:`.api` — the public functions and their results.

Choices where the texts are silent and limits are in each module's docstring and in
docs/retirement.md.
"""

from __future__ import annotations

from .age import statutory_month
from .api import (
    IllnessRoute,
    ResolvedRetirement,
    RetirementAge,
    SpecialRetirement,
    illness_route,
    min_contribution_years,
    resolve,
    retirement_month,
    special_retirement,
    statutory_retirement,
)
from .contribution_years import min_years
from .flexible import flexible_window
from .kinds import Category, RetirementChoice, SpecialWorkType
from .special import special_month

__all__ = [
    "Category",
    "IllnessRoute",
    "ResolvedRetirement",
    "RetirementAge",
    "RetirementChoice",
    "SpecialRetirement",
    "SpecialWorkType",
    "flexible_window",
    "illness_route",
    "min_contribution_years",
    "min_years",
    "resolve",
    "retirement_month",
    "special_month",
    "special_retirement",
    "statutory_month",
    "statutory_retirement",
]
