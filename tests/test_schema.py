"""JSON Schema for every input and every result, in validation and serialization modes; a
result's JSON validates against its serialization schema, a worked case's body against its
input schema; money is a string with two decimals."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from contract_cases import CASES
from jm_socialsec.engine.money import money_text
from jm_socialsec.schema import ErrorBody, Estimate, area_schema, areas, estimates, model_schema

BY_FUNCTION = {e.function: e for e in estimates()}
MODELS = sorted({m for e in estimates() for m in (e.input, e.result)} | {ErrorBody}, key=lambda m: m.__name__)


@pytest.mark.parametrize("mode", ["validation", "serialization"])
@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_every_model_has_a_valid_schema_in_both_modes(model: Any, mode: Any) -> None:
    schema = model_schema(model, mode)
    Draft202012Validator.check_schema(schema)
    json.dumps(schema)  # plain JSON


def test_every_estimate_has_a_worked_case_here() -> None:
    assert set(BY_FUNCTION) == {function for function, _, _ in CASES.values()}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_result_validates_against_its_serialization_schema(case: str) -> None:
    function, body, _ = CASES[case]
    estimate: Estimate = BY_FUNCTION[function]
    Draft202012Validator(model_schema(estimate.input, "validation")).validate(body)
    data = estimate.run(estimate.input.of(body)).model_dump(mode="json")
    Draft202012Validator(model_schema(estimate.result, "serialization")).validate(data)


def test_the_schema_refuses_what_the_contract_forbids() -> None:
    schema = model_schema(BY_FUNCTION["estimate_pension"].result, "serialization")
    data = BY_FUNCTION["estimate_pension"].run(BY_FUNCTION["estimate_pension"].input.of(CASES["pension"][1]))
    good = data.model_dump(mode="json")
    validator = Draft202012Validator(schema)
    assert not list(validator.iter_errors(good))
    assert list(validator.iter_errors({**good, "total": "1688.9"}))  # money needs two decimals
    assert list(validator.iter_errors({**good, "retirement_month": "2025-3"}))  # months are YYYY-MM
    unknown = model_schema(BY_FUNCTION["estimate_pension"].input, "validation")
    assert unknown["additionalProperties"] is False  # unknown fields are refused


@pytest.mark.parametrize(
    ("amount", "text"),
    [("9493", "9493.00"), ("1836.00", "1836.00"), ("0.1", "0.10"), ("1E+3", "1000.00"), ("3119.845", "3119.845")],
)
def test_money_in_json_has_two_decimals_and_is_never_rounded(amount: str, text: str) -> None:
    assert money_text(Decimal(amount)) == text
    assert Decimal(money_text(Decimal(amount))) == Decimal(amount)


def test_rates_and_indices_are_exact_decimal_strings() -> None:
    # tests/test_injury.py: class 3 0.6% × 1.2 = 0.72%
    function, body, _ = CASES["injury_contribution"]
    data = BY_FUNCTION[function].run(BY_FUNCTION[function].input.of(body)).model_dump(mode="json")
    assert (data["rate"], data["floating_factor"], data["contribution"]) == ("0.0072", "1.2", "7200.00")


@pytest.mark.parametrize("area", ["retirement", "pension", "unemployment", "injury", "checklist"])
def test_area_schema_lists_its_functions(area: str) -> None:
    schema = area_schema(area)
    functions = {e.function for e in estimates() if e.area == area}
    assert set(schema["functions"]) == functions
    for part in schema["functions"].values():
        Draft202012Validator.check_schema(part["input"])
        Draft202012Validator.check_schema(part["result"])


def test_areas_and_unknown_area() -> None:
    assert areas() == ("retirement", "pension", "unemployment", "injury", "checklist")
    with pytest.raises(KeyError):
        area_schema("health")
