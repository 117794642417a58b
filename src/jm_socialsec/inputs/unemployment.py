"""Input models of the unemployment functions (fields = the functions' keywords)."""

from __future__ import annotations

from typing import Annotated, ClassVar

from pydantic import BeforeValidator

from ..engine.regions import Region
from ..engine.types import MoneyIn, MonthIn, MonthsIn
from ..unemployment.reasons import SeparationReason
from .base import AsOf, Choice, InputModel, Overrides, RegionIn
from .projection import AssumptionsIn
from .retirement import CategoryIn

#: Why the job ended: a code, or its Chinese label.
ReasonIn = Annotated[SeparationReason, BeforeValidator(Choice(SeparationReason))]


class UnemploymentBenefitInput(InputModel):
    """:func:`~jm_socialsec.unemployment_benefit`: a claim starting in ``claim_month``."""

    function: ClassVar[str] = "unemployment_benefit"

    claim_month: MonthIn
    region: RegionIn
    contribution_months: MonthsIn
    unused_months: MonthsIn = 0
    reason: ReasonIn | None = None
    registered: bool = True
    birth: MonthIn | None = None
    category: CategoryIn | None = None
    recent_contribution_wages: tuple[MoneyIn, ...] | None = None
    childbirth_month: MonthIn | None = None
    reemployed_month: MonthIn | None = None
    reemployment_contract_months: MonthsIn | None = None
    reemployment_insured_months: MonthsIn | None = None
    business_start_month: MonthIn | None = None
    death_month: MonthIn | None = None
    city_average_wage: MoneyIn | None = None
    farmer_contract_months: MonthsIn | None = None
    as_of: AsOf = None
    overrides: Overrides = None
    project: bool = False
    assumptions: AssumptionsIn = None


class UnemploymentContributionInput(InputModel):
    """:func:`~jm_socialsec.unemployment_contribution`: a month's unemployment contributions."""

    function: ClassVar[str] = "unemployment_contribution"

    month: MonthIn
    wage: MoneyIn
    region: RegionIn = Region.JIANGMEN
    city_average_wage: MoneyIn
    flexible: bool = False
    as_of: AsOf = None
    overrides: Overrides = None
    project: bool = False
    assumptions: AssumptionsIn = None
