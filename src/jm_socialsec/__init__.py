"""jm_socialsec — Jiangmen (江门) social-insurance rules as typed, tested, explained functions.

Every amount is exact (``Decimal``, official rounding), dated (the rule in force on that day, as
known on ``as_of``), sourced (each figure names its document and status) and explained (steps a
clerk can print). Outside the tables' dates it refuses with :class:`NotCovered`.

The top level is the public surface: the task functions (and the roster batch), their input
choices and input models, their result models, ``to_frame`` and the errors. The mechanics stay
importable from their modules (``jm_socialsec.engine.params.Params``, ``…money.round_fen``, …).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .batch import estimate_pensions, retiring_between
    from .checklist import (
        ChecklistItem,
        DeemedService,
        Document,
        HukouType,
        RetireeProfile,
        RetirementChecklist,
        SpouseHukou,
        retirement_checklist,
    )
    from .engine.errors import InputError, InternalError, NotCovered, SocialSecError, TableError
    from .engine.frame import to_frame
    from .engine.lookup import lookup
    from .engine.months import Age, YearMonth
    from .engine.params import ParamValue
    from .engine.projection import Assumptions
    from .engine.regions import Region
    from .injury import (
        BenefitItem,
        CareLevel,
        DeathBenefits,
        Dependent,
        InjuryBenefits,
        InjuryContribution,
        OwnWage,
        Payer,
        SurvivorPension,
        death_benefits,
        injury_benefits,
        injury_contribution,
        own_wage,
    )
    from .inputs import (
        DeathBenefitsInput,
        InjuryBenefitsInput,
        InjuryContributionInput,
        MinContributionYearsInput,
        OwnWageInput,
        PensionContributionInput,
        PensionDeathBenefitsInput,
        PensionInput,
        RetirementChecklistInput,
        RetirementMonthInput,
        SpecialRetirementInput,
        StatutoryRetirementInput,
        UnemploymentBenefitInput,
        UnemploymentContributionInput,
    )
    from .pension import (
        PensionDeathBenefits,
        PensionEstimate,
        PensionRecalculation,
        annuity_months,
        estimate_pension,
        pension_death_benefits,
        recalculate,
    )
    from .pension.contributions import PensionContribution, pension_contribution
    from .planner import PlanAssumptions, RetirementPlan, WhatIf, plan_retirement
    from .retirement import (
        Category,
        IllnessRoute,
        ResolvedRetirement,
        RetirementAge,
        RetirementChoice,
        SpecialRetirement,
        SpecialWorkType,
        illness_route,
        min_contribution_years,
        retirement_month,
        special_retirement,
        statutory_retirement,
    )
    from .unemployment import (
        SeparationReason,
        UnemploymentBenefit,
        UnemploymentContribution,
        unemployment_benefit,
        unemployment_contribution,
    )

__version__ = "0.1.0"

# Public names are loaded on first use (PEP 562): `import jm_socialsec` stays fast, and a
# service that only needs the unemployment rules never builds the pension models.
_LAZY: dict[str, str] = {
    "plan_retirement": "planner",
    "PlanAssumptions": "planner",
    "WhatIf": "planner",
    "RetirementPlan": "planner",
    "recalculate": "pension",
    "PensionRecalculation": "pension",
    "Assumptions": "engine.projection",
    "estimate_pensions": "batch",
    "retiring_between": "batch",
    "to_frame": "engine.frame",
    "DeathBenefitsInput": "inputs",
    "InjuryBenefitsInput": "inputs",
    "InjuryContributionInput": "inputs",
    "OwnWageInput": "inputs",
    "PensionContributionInput": "inputs",
    "PensionDeathBenefitsInput": "inputs",
    "PensionInput": "inputs",
    "RetirementChecklistInput": "inputs",
    "RetirementMonthInput": "inputs",
    "SpecialRetirementInput": "inputs",
    "StatutoryRetirementInput": "inputs",
    "UnemploymentBenefitInput": "inputs",
    "UnemploymentContributionInput": "inputs",
    "MinContributionYearsInput": "inputs",
    "statutory_retirement": "retirement",
    "retirement_month": "retirement",
    "special_retirement": "retirement",
    "min_contribution_years": "retirement",
    "illness_route": "retirement",
    "estimate_pension": "pension",
    "annuity_months": "pension",
    "pension_death_benefits": "pension",
    "pension_contribution": "pension.contributions",
    "unemployment_benefit": "unemployment",
    "unemployment_contribution": "unemployment",
    "injury_benefits": "injury",
    "death_benefits": "injury",
    "own_wage": "injury",
    "injury_contribution": "injury",
    "retirement_checklist": "checklist",
    "lookup": "engine.lookup",
    "RetireeProfile": "checklist",
    "DeemedService": "checklist",
    "HukouType": "checklist",
    "SpouseHukou": "checklist",
    "Category": "retirement",
    "RetirementChoice": "retirement",
    "SpecialWorkType": "retirement",
    "SeparationReason": "unemployment",
    "CareLevel": "injury",
    "Dependent": "injury",
    "Region": "engine.regions",
    "YearMonth": "engine.months",
    "Age": "engine.months",
    "RetirementAge": "retirement",
    "SpecialRetirement": "retirement",
    "ResolvedRetirement": "retirement",
    "IllnessRoute": "retirement",
    "PensionEstimate": "pension",
    "PensionDeathBenefits": "pension",
    "PensionContribution": "pension.contributions",
    "UnemploymentBenefit": "unemployment",
    "UnemploymentContribution": "unemployment",
    "InjuryBenefits": "injury",
    "DeathBenefits": "injury",
    "OwnWage": "injury",
    "InjuryContribution": "injury",
    "BenefitItem": "injury",
    "SurvivorPension": "injury",
    "Payer": "injury",
    "RetirementChecklist": "checklist",
    "ChecklistItem": "checklist",
    "Document": "checklist",
    "ParamValue": "engine.params",
    "SocialSecError": "engine.errors",
    "InputError": "engine.errors",
    "NotCovered": "engine.errors",
    "TableError": "engine.errors",
    "InternalError": "engine.errors",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


__all__ = [
    "Age",
    "Assumptions",
    "BenefitItem",
    "CareLevel",
    "Category",
    "ChecklistItem",
    "DeathBenefits",
    "DeathBenefitsInput",
    "DeemedService",
    "Dependent",
    "Document",
    "HukouType",
    "IllnessRoute",
    "InjuryBenefits",
    "InjuryBenefitsInput",
    "InjuryContribution",
    "InjuryContributionInput",
    "InputError",
    "InternalError",
    "MinContributionYearsInput",
    "NotCovered",
    "OwnWage",
    "OwnWageInput",
    "ParamValue",
    "Payer",
    "PensionContribution",
    "PensionContributionInput",
    "PensionDeathBenefits",
    "PensionDeathBenefitsInput",
    "PensionEstimate",
    "PensionInput",
    "PensionRecalculation",
    "PlanAssumptions",
    "Region",
    "ResolvedRetirement",
    "RetireeProfile",
    "RetirementAge",
    "RetirementChecklist",
    "RetirementChecklistInput",
    "RetirementChoice",
    "RetirementMonthInput",
    "RetirementPlan",
    "SeparationReason",
    "SocialSecError",
    "SpecialRetirement",
    "SpecialRetirementInput",
    "SpecialWorkType",
    "SpouseHukou",
    "StatutoryRetirementInput",
    "SurvivorPension",
    "TableError",
    "UnemploymentBenefit",
    "UnemploymentBenefitInput",
    "UnemploymentContribution",
    "UnemploymentContributionInput",
    "WhatIf",
    "YearMonth",
    "annuity_months",
    "death_benefits",
    "estimate_pension",
    "estimate_pensions",
    "illness_route",
    "injury_benefits",
    "injury_contribution",
    "lookup",
    "min_contribution_years",
    "own_wage",
    "pension_contribution",
    "pension_death_benefits",
    "plan_retirement",
    "recalculate",
    "retirement_checklist",
    "retirement_month",
    "retiring_between",
    "special_retirement",
    "statutory_retirement",
    "to_frame",
    "unemployment_benefit",
    "unemployment_contribution",
]
