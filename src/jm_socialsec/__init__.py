"""jm_socialsec — Jiangmen (江门) social-insurance rules as typed, tested, explained functions.

Every amount is exact (``Decimal``, official rounding), dated (the rule in force on that day, as
known on ``as_of``), sourced (each figure names its document and status) and explained (steps a
clerk can print). Outside the tables' dates it refuses with :class:`NotCovered`.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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
    from .engine.errors import InputError, InternalError, NotCovered, SocialSecError, TableError, mask_id
    from .engine.explain import Explained, Notice, Quantity, Step
    from .engine.money import round_fen, to_decimal
    from .engine.months import Age, YearMonth
    from .engine.params import Params, ParamValue, lookup
    from .engine.regions import Region
    from .engine.tables import Source, Status, Unit
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
    from .pension import PensionDeathBenefits, PensionEstimate, annuity_months, estimate_pension, pension_death_benefits
    from .pension.contributions import PensionContribution, pension_contribution
    from .retirement import (
        Category,
        ResolvedRetirement,
        RetirementAge,
        RetirementChoice,
        SpecialRetirement,
        SpecialWorkType,
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
    "Age": "engine.months",
    "Category": "retirement",
    "IllnessRoute": "retirement",
    "illness_route": "retirement",
    "Explained": "engine.explain",
    "InputError": "engine.errors",
    "InternalError": "engine.errors",
    "NotCovered": "engine.errors",
    "Notice": "engine.explain",
    "ParamValue": "engine.params",
    "Params": "engine.params",
    "PensionContribution": "pension.contributions",
    "PensionDeathBenefits": "pension",
    "PensionEstimate": "pension",
    "Quantity": "engine.explain",
    "Region": "engine.regions",
    "ResolvedRetirement": "retirement",
    "RetirementAge": "retirement",
    "RetirementChoice": "retirement",
    "SocialSecError": "engine.errors",
    "Source": "engine.tables",
    "SpecialRetirement": "retirement",
    "SpecialWorkType": "retirement",
    "Status": "engine.tables",
    "Step": "engine.explain",
    "TableError": "engine.errors",
    "Unit": "engine.tables",
    "BenefitItem": "injury",
    "CareLevel": "injury",
    "DeathBenefits": "injury",
    "Dependent": "injury",
    "InjuryBenefits": "injury",
    "InjuryContribution": "injury",
    "OwnWage": "injury",
    "Payer": "injury",
    "SurvivorPension": "injury",
    "death_benefits": "injury",
    "injury_benefits": "injury",
    "injury_contribution": "injury",
    "own_wage": "injury",
    "ChecklistItem": "checklist",
    "DeemedService": "checklist",
    "Document": "checklist",
    "HukouType": "checklist",
    "RetireeProfile": "checklist",
    "RetirementChecklist": "checklist",
    "SpouseHukou": "checklist",
    "retirement_checklist": "checklist",
    "SeparationReason": "unemployment",
    "UnemploymentBenefit": "unemployment",
    "UnemploymentContribution": "unemployment",
    "unemployment_benefit": "unemployment",
    "unemployment_contribution": "unemployment",
    "YearMonth": "engine.months",
    "annuity_months": "pension",
    "estimate_pension": "pension",
    "lookup": "engine.params",
    "mask_id": "engine.errors",
    "min_contribution_years": "retirement",
    "pension_contribution": "pension.contributions",
    "pension_death_benefits": "pension",
    "retirement_month": "retirement",
    "round_fen": "engine.money",
    "special_retirement": "retirement",
    "statutory_retirement": "retirement",
    "to_decimal": "engine.money",
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
    "BenefitItem",
    "CareLevel",
    "Category",
    "ChecklistItem",
    "DeathBenefits",
    "DeemedService",
    "Dependent",
    "Document",
    "Explained",
    "HukouType",
    "IllnessRoute",
    "InjuryBenefits",
    "InjuryContribution",
    "InputError",
    "InternalError",
    "NotCovered",
    "Notice",
    "OwnWage",
    "ParamValue",
    "Params",
    "Payer",
    "PensionContribution",
    "PensionDeathBenefits",
    "PensionEstimate",
    "Quantity",
    "Region",
    "ResolvedRetirement",
    "RetireeProfile",
    "RetirementAge",
    "RetirementChecklist",
    "RetirementChoice",
    "SeparationReason",
    "SocialSecError",
    "Source",
    "SpecialRetirement",
    "SpecialWorkType",
    "SpouseHukou",
    "Status",
    "Step",
    "SurvivorPension",
    "TableError",
    "UnemploymentBenefit",
    "UnemploymentContribution",
    "Unit",
    "YearMonth",
    "annuity_months",
    "death_benefits",
    "estimate_pension",
    "illness_route",
    "injury_benefits",
    "injury_contribution",
    "lookup",
    "mask_id",
    "min_contribution_years",
    "own_wage",
    "pension_contribution",
    "pension_death_benefits",
    "retirement_checklist",
    "retirement_month",
    "round_fen",
    "special_retirement",
    "statutory_retirement",
    "to_decimal",
    "unemployment_benefit",
    "unemployment_contribution",
]
