"""JSON Schema for every estimate's input and result (the JSON contract of services).

Each estimate is one :class:`Estimate`: its area, its public function, its input model
(:mod:`jm_socialsec.inputs`) and its result model. :func:`area_schema` gives an area's
schemas — inputs in validation mode (what a caller may send), results in serialization mode
(what ``to_json()`` and the HTTP service return: money as strings with two decimals, rates and
indices as exact decimal strings, months ``"YYYY-MM"``, days ``"YYYY-MM-DD"``). The error body
the service answers with is :class:`ErrorBody`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from .inputs import INPUTS, input_model
from .inputs.base import InputModel

Mode = Literal["validation", "serialization"]

#: The result model of each public function (its class name, exported at the package's top level).
RESULTS: dict[str, str] = {
    "statutory_retirement": "RetirementAge",
    "retirement_month": "ResolvedRetirement",
    "special_retirement": "SpecialRetirement",
    "min_contribution_years": "jm_socialsec.inputs.retirement:MinContributionYears",
    "estimate_pension": "PensionEstimate",
    "pension_death_benefits": "PensionDeathBenefits",
    "pension_contribution": "PensionContribution",
    "unemployment_benefit": "UnemploymentBenefit",
    "unemployment_contribution": "UnemploymentContribution",
    "injury_benefits": "InjuryBenefits",
    "death_benefits": "DeathBenefits",
    "own_wage": "OwnWage",
    "injury_contribution": "InjuryContribution",
    "retirement_checklist": "RetirementChecklist",
}


@dataclass(frozen=True)
class Estimate:
    """One estimate of the JSON contract: what it takes and what it returns."""

    area: str
    function: str
    input: type[InputModel]
    result: type[BaseModel]

    def run(self, model: InputModel) -> BaseModel:
        """Call the public function with the model; a bare value is wrapped in its result model."""
        fn: Callable[[InputModel], Any] = getattr(importlib.import_module("jm_socialsec"), self.function)
        value = fn(model)
        if isinstance(value, BaseModel):
            return value
        return self.result.model_validate({**model.arguments(), self.function: value})


class Problem(BaseModel):
    """One problem with the input: a stable code, the field path, the words in both languages."""

    code: str = Field(description="stable code: missing, unknown_field, not_a_date, not_a_month, …")
    field: str = Field(description="path of the field, e.g. profile.deemed_service[1]")
    message_zh: str
    message_en: str


class ErrorBody(BaseModel):
    """What the service answers with when it refuses (HTTP 422, 400 or 500)."""

    model_config = ConfigDict(extra="allow")

    code: str = Field(description="input_invalid, not_covered, table_invalid or internal")
    message_zh: str
    message_en: str
    field: str | None = Field(default=None, description="the first field in error (input_invalid only)")
    errors: list[Problem] = Field(default_factory=list, description="every problem at once (input_invalid)")
    details: dict[str, str] = Field(default_factory=dict)


def _result_model(function: str) -> type[BaseModel]:
    where = RESULTS[function]
    module, _, name = where.rpartition(":")
    model: type[BaseModel] = getattr(importlib.import_module(module or "jm_socialsec"), name)
    return model


@cache
def estimates() -> tuple[Estimate, ...]:
    """Every estimate of the contract, area by area, in the order of :data:`jm_socialsec.inputs.INPUTS`."""
    return tuple(
        Estimate(area, function, input_model(function), _result_model(function))
        for area, pairs in INPUTS.items()
        for function, _ in pairs
    )


def areas() -> tuple[str, ...]:
    """The areas, in order: retirement, pension, unemployment, injury, checklist."""
    return tuple(INPUTS)


def model_schema(model: type[BaseModel], mode: Mode = "validation") -> dict[str, Any]:
    """A model's JSON Schema (draft 2020-12) in the given mode."""
    return model.model_json_schema(mode=mode)


def area_schema(area: str) -> dict[str, Any]:
    """An area's contract: per function, the input schema (validation) and result schema (serialization).

    Raises :class:`KeyError` for an unknown area (see :func:`areas`).
    """
    if area not in INPUTS:
        raise KeyError(area)
    return {
        "area": area,
        "functions": {
            e.function: {
                "input": model_schema(e.input, "validation"),
                "result": model_schema(e.result, "serialization"),
            }
            for e in estimates()
            if e.area == area
        },
        "error": model_schema(ErrorBody, "serialization"),
    }
