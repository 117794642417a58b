"""Input models (输入模型): one per estimate, the same fields as the function's keywords.

For services and files: JSON-friendly (days ``"2026-11-21"``, months ``"1966-01"``, decimals
as strings or numbers), unknown fields refused, every problem reported at once in one
:class:`~jm_socialsec.InputError` (``.errors``, each with its field path and a stable code).
Every public function takes its model as its only argument, as an alternative to keywords::

    from jm_socialsec import estimate_pension
    from jm_socialsec.inputs import PensionInput

    model = PensionInput.of('{"birth": "1966-01", "category": "male", "contribution_months": 312,'
                            ' "average_index": "0.85", "account_balance": "86500"}')
    estimate_pension(model) == estimate_pension(**model.arguments())

Models load on first use, like the package's public names.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .base import InputModel
    from .checklist import RetirementChecklistInput
    from .injury import DeathBenefitsInput, InjuryBenefitsInput, InjuryContributionInput, OwnWageInput
    from .pension import PensionContributionInput, PensionDeathBenefitsInput, PensionInput
    from .retirement import (
        MinContributionYears,
        MinContributionYearsInput,
        RetirementMonthInput,
        SpecialRetirementInput,
        StatutoryRetirementInput,
    )
    from .unemployment import UnemploymentBenefitInput, UnemploymentContributionInput

#: The input model of each public function, by area: (function, model, module).
INPUTS: dict[str, tuple[tuple[str, str], ...]] = {
    "retirement": (
        ("statutory_retirement", "StatutoryRetirementInput"),
        ("retirement_month", "RetirementMonthInput"),
        ("special_retirement", "SpecialRetirementInput"),
        ("min_contribution_years", "MinContributionYearsInput"),
    ),
    "pension": (
        ("estimate_pension", "PensionInput"),
        ("pension_death_benefits", "PensionDeathBenefitsInput"),
        ("pension_contribution", "PensionContributionInput"),
    ),
    "unemployment": (
        ("unemployment_benefit", "UnemploymentBenefitInput"),
        ("unemployment_contribution", "UnemploymentContributionInput"),
    ),
    "injury": (
        ("injury_benefits", "InjuryBenefitsInput"),
        ("death_benefits", "DeathBenefitsInput"),
        ("own_wage", "OwnWageInput"),
        ("injury_contribution", "InjuryContributionInput"),
    ),
    "checklist": (("retirement_checklist", "RetirementChecklistInput"),),
}

_LAZY: dict[str, str] = {model: area for area, pairs in INPUTS.items() for _, model in pairs}
_LAZY.update(InputModel="base", MinContributionYears="retirement")


def input_model(function: str) -> type[InputModel]:
    """The input model of a public function, by the function's name (``"estimate_pension"``)."""
    for pairs in INPUTS.values():
        for name, model in pairs:
            if name == function:
                return globals().get(model) or __getattr__(model)  # type: ignore[no-any-return]
    raise KeyError(function)


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


__all__ = [
    "INPUTS",
    "DeathBenefitsInput",
    "InjuryBenefitsInput",
    "InjuryContributionInput",
    "InputModel",
    "MinContributionYears",
    "MinContributionYearsInput",
    "OwnWageInput",
    "PensionContributionInput",
    "PensionDeathBenefitsInput",
    "PensionInput",
    "RetirementChecklistInput",
    "RetirementMonthInput",
    "SpecialRetirementInput",
    "StatutoryRetirementInput",
    "UnemploymentBenefitInput",
    "UnemploymentContributionInput",
    "input_model",
]
