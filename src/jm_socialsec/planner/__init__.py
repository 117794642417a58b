"""The retirement planner (退休规划): a person's path to retirement and every month they may choose.

From the state today (birth, category, region, contribution months, average index, account
balance, deemed time) and stated assumptions for the years ahead, :func:`plan_retirement`
projects month by month the contribution months, the average index and the account balance
(:mod:`.path`), lists every retirement month the rules allow (:mod:`.candidates`: statutory,
flexible early and late, special type, what-ifs) and estimates each with
:func:`~jm_socialsec.pension.estimate_pension` — amounts only — into one table
(:class:`RetirementPlan`, rows :class:`PlanRow`): text (Chinese, English), HTML, JSON and, with
the ``[plot]`` extra, a chart (:mod:`.plot`). ``jm-socialsec plan`` is :mod:`.cli`.

Every assumption the law does not fix is an input with a default (``defaults.toml``), shown in
the result; every row resting on a figure not yet published is marked ``projected``. See
docs/planner.md.
"""

from __future__ import annotations

from .assumptions import Gap, PlanAssumptions
from .candidates import Kind, WhatIf
from .plan import plan_retirement
from .result import PlanRow, RetirementPlan

__all__ = ["Gap", "Kind", "PlanAssumptions", "PlanRow", "RetirementPlan", "WhatIf", "plan_retirement"]
