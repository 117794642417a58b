"""Input models of the pension functions (fields = the functions' keywords)."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, ClassVar

from pydantic import BeforeValidator

from ..engine.months import Age
from ..engine.regions import Region
from ..engine.types import DayIn, IndexIn, MoneyIn, MonthIn, MonthsIn
from ..retirement.kinds import RetirementChoice
from .base import AsOf, DecimalIn, InputModel, Overrides, RegionIn
from .projection import AssumptionsIn
from .retirement import CategoryIn, ChoiceIn, WorkTypeIn

#: An age as ``[years, months]`` (months 0-11) or whole years.
AgeIn = Annotated[Age, BeforeValidator(Age.of)]


class PensionInput(InputModel):
    """:func:`~jm_socialsec.estimate_pension`: the 核定表 inputs.

    Either ``retirement_month`` and ``age``, or ``birth`` and ``category`` (with ``choice``).
    """

    function: ClassVar[str] = "estimate_pension"

    contribution_months: MonthsIn
    average_index: IndexIn
    account_balance: MoneyIn
    retirement_month: MonthIn | None = None
    age: AgeIn | None = None
    birth: MonthIn | None = None
    category: CategoryIn | None = None
    choice: ChoiceIn = RetirementChoice.STATUTORY
    special_type: WorkTypeIn | None = None
    special_years: DecimalIn | None = None
    deemed_months: MonthsIn = 0
    deemed_account: MoneyIn = Decimal(0)
    weighted_deemed_years: DecimalIn | None = None
    deemed_months_before_1994: MonthsIn | None = None
    index_sum_1994_1998: DecimalIn | None = None
    region: RegionIn = Region.JIANGMEN
    as_of: AsOf = None
    overrides: Overrides = None
    project: bool = False
    assumptions: AssumptionsIn = None


class PensionDeathBenefitsInput(InputModel):
    """:func:`~jm_socialsec.pension_death_benefits`: the 遗属待遇 of an insured person who died."""

    function: ClassVar[str] = "pension_death_benefits"

    died_on: DayIn
    contribution_months: MonthsIn
    account_balance: MoneyIn = Decimal(0)
    pension_months_drawn: MonthsIn = 0
    as_of: AsOf = None
    overrides: Overrides = None
    project: bool = False
    assumptions: AssumptionsIn = None


class PensionContributionInput(InputModel):
    """:func:`~jm_socialsec.pension_contribution`: a month's pension contributions."""

    function: ClassVar[str] = "pension_contribution"

    month: MonthIn
    wage: MoneyIn
    region: RegionIn = Region.JIANGMEN
    flexible: bool = False
    as_of: AsOf = None
    overrides: Overrides = None
    project: bool = False
    assumptions: AssumptionsIn = None
