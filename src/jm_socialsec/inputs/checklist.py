"""Input model of the retirement checklist (fields = the function's keywords)."""

from __future__ import annotations

from typing import ClassVar

from ..checklist.profile import RetireeProfile
from ..engine.types import DayIn
from .base import AsOf, InputModel, Overrides
from .projection import AssumptionsIn


class RetirementChecklistInput(InputModel):
    """:func:`~jm_socialsec.retirement_checklist`: the person's profile and the day they apply."""

    function: ClassVar[str] = "retirement_checklist"

    profile: RetireeProfile
    apply_on: DayIn
    as_of: AsOf = None
    overrides: Overrides = None
    project: bool = False
    assumptions: AssumptionsIn = None
