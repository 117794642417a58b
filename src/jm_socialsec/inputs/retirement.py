"""Input models of the retirement functions (fields = the functions' keywords)."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, ClassVar

from pydantic import BaseModel, BeforeValidator, ConfigDict

from ..engine.types import MonthIn, MonthsIn
from ..retirement.kinds import Category, RetirementChoice, SpecialWorkType
from .base import AsOf, Choice, DecimalIn, InputModel, Overrides
from .projection import AssumptionsIn

#: Coded choices: the codes in the schema; the words their ``parse`` knows are accepted too.
CategoryIn = Annotated[Category, BeforeValidator(Choice(Category))]
ChoiceIn = Annotated[RetirementChoice, BeforeValidator(Choice(RetirementChoice))]
WorkTypeIn = Annotated[SpecialWorkType, BeforeValidator(Choice(SpecialWorkType))]


class StatutoryRetirementInput(InputModel):
    """:func:`~jm_socialsec.statutory_retirement`: the statutory month for a birth month and category."""

    function: ClassVar[str] = "statutory_retirement"

    birth: MonthIn
    category: CategoryIn
    as_of: AsOf = None
    overrides: Overrides = None
    project: bool = False
    assumptions: AssumptionsIn = None


class RetirementMonthInput(InputModel):
    """:func:`~jm_socialsec.retirement_month`: the month a retirement choice leads to."""

    function: ClassVar[str] = "retirement_month"

    birth: MonthIn
    category: CategoryIn
    choice: ChoiceIn = RetirementChoice.STATUTORY
    month: MonthIn | None = None
    contribution_months: MonthsIn | None = None
    work_type: WorkTypeIn | None = None
    years_in_type: DecimalIn | None = None
    as_of: AsOf = None
    overrides: Overrides = None
    project: bool = False
    assumptions: AssumptionsIn = None


class SpecialRetirementInput(InputModel):
    """:func:`~jm_socialsec.special_retirement`: special-type early retirement."""

    function: ClassVar[str] = "special_retirement"

    birth: MonthIn
    category: CategoryIn
    work_type: WorkTypeIn
    years_in_type: DecimalIn
    as_of: AsOf = None
    overrides: Overrides = None
    project: bool = False
    assumptions: AssumptionsIn = None


class MinContributionYearsInput(InputModel):
    """:func:`~jm_socialsec.min_contribution_years`: the minimum years for a retirement year."""

    function: ClassVar[str] = "min_contribution_years"

    year: int
    as_of: AsOf = None


class MinContributionYears(BaseModel):
    """The result of :func:`~jm_socialsec.min_contribution_years` as a model (for JSON and schemas)."""

    model_config = ConfigDict(frozen=True)

    year: int
    min_contribution_years: Decimal
