"""Input models: one per estimate, fields = keywords, JSON-friendly, all errors at once.

Expected values are the worked cases of tests/contract_cases.py (each names its source)."""

from __future__ import annotations

import inspect
import json
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import jm_socialsec
from contract_cases import AS_OF, CASES
from jm_socialsec import InputError, SocialSecError
from jm_socialsec.engine.months import YearMonth
from jm_socialsec.inputs import (
    INPUTS,
    PensionContributionInput,
    PensionInput,
    RetirementChecklistInput,
    StatutoryRetirementInput,
    UnemploymentBenefitInput,
    input_model,
)

FUNCTIONS = [function for pairs in INPUTS.values() for function, _ in pairs]


@pytest.mark.parametrize("function", FUNCTIONS)
def test_fields_are_the_keywords_with_the_same_defaults(function: str) -> None:
    model = input_model(function)
    params = inspect.signature(getattr(jm_socialsec, function)).parameters
    assert list(model.model_fields) == list(params)  # same names, same order
    for name, field in model.model_fields.items():
        default = params[name].default
        if default is inspect.Parameter.empty:
            assert field.is_required(), name
        else:
            assert not field.is_required() and field.default == default, name


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_model_reads_json_with_iso_dates_and_decimal_strings(case: str) -> None:
    function, body, expected = CASES[case]
    model = input_model(function).of(json.dumps(body))
    by_model = getattr(jm_socialsec, function)(model)
    by_keywords = getattr(jm_socialsec, function)(**model.arguments())
    if isinstance(by_model, Decimal):  # min_contribution_years: the bare figure
        assert by_model == by_keywords == Decimal(expected["min_contribution_years"])
        return
    assert by_model.to_json() == by_keywords.to_json()
    data = by_model.to_json()
    assert {k: data[k] for k in expected} == expected


def test_json_values_become_exact_python_values() -> None:
    model = PensionInput.of(
        '{"birth": "1966-01", "category": "male", "contribution_months": "312", "average_index": 0.85,'
        ' "account_balance": "86500.10", "region": "台山", "as_of": "2026-11-21"}'
    )
    assert model.birth == YearMonth(1966, 1) and model.as_of == date(2026, 11, 21)
    assert model.average_index == Decimal("0.85")  # a JSON number through its text, not its binary value
    assert model.account_balance == Decimal("86500.10") and model.contribution_months == 312
    assert model.region.value == "taishan"  # Chinese names are read as by the functions


def test_every_problem_is_reported_at_once_with_its_path() -> None:
    with pytest.raises(InputError) as err:
        UnemploymentBenefitInput.of(
            {
                "claim_month": "2026-13",
                "region": "广州",
                "contribution_months": 1.5,
                "recent_contribution_wages": ["4500", "x", -1],
                "reason": "bored",
                "as_of": "21/11/2026",
            }
        )
    found = [(e.field, e.reason) for e in err.value.errors]
    assert found == [
        ("claim_month", "not_a_month"),
        ("region", "not_allowed"),
        ("contribution_months", "not_whole"),
        ("reason", "not_allowed"),
        ("recent_contribution_wages[1]", "not_a_number"),
        ("recent_contribution_wages[2]", "negative"),
        ("as_of", "not_a_date"),
    ]
    assert err.value.field == "claim_month"  # the first
    assert "7" in err.value.message_zh and "7 input errors" in err.value.message_en
    as_dict = err.value.to_dict()
    assert as_dict["field"] == "claim_month" and len(as_dict["errors"]) == 7
    assert {e["code"] for e in as_dict["errors"]} >= {"not_a_month", "not_allowed", "negative"}


def test_unknown_fields_are_named() -> None:
    with pytest.raises(InputError) as err:
        StatutoryRetirementInput(birth="1966-01", category="male", brith="1966-01", id="440703199001011234")
    assert [(e.field, e.reason) for e in err.value.errors] == [("brith", "unknown_field"), ("id", "unknown_field")]
    assert "440703199001011234" not in str(err.value)


def test_nested_profile_problems_carry_the_profile_path() -> None:
    with pytest.raises(InputError) as err:
        RetirementChecklistInput.of(
            {
                "profile": {
                    "birth": "1966-08",
                    "category": "male",
                    "contribution_months": 300,
                    "only_child_alive": True,
                    "only_child_deceased": True,
                },
                "apply_on": "2026-12-14",
            }
        )
    assert err.value.field == "profile.only_child_deceased"


def test_a_single_error_is_itself() -> None:
    with pytest.raises(InputError) as err:
        StatutoryRetirementInput.of({"birth": "1966-01"})
    assert err.value.errors == (err.value,) and err.value.reason == "missing" and err.value.field == "category"


def test_a_model_of_another_function_is_refused() -> None:
    model = StatutoryRetirementInput(birth="1966-01", category="male")
    with pytest.raises(InputError) as err:
        jm_socialsec.estimate_pension(model)  # type: ignore[call-overload]
    assert err.value.field == "input"
    with pytest.raises(InputError):
        jm_socialsec.statutory_retirement(model, as_of=AS_OF)  # type: ignore[call-overload]


def test_cross_field_rules_still_refuse_through_the_model() -> None:
    # tests/test_retirement.py: flexible early before the original age (2026-01) is refused.
    model = input_model("retirement_month").of(
        {"birth": "1966-01", "category": "male", "choice": "flexible_early", "month": "2025-12", "as_of": AS_OF}
    )
    with pytest.raises(InputError) as err:
        jm_socialsec.retirement_month(model)
    assert err.value.field == "month"  # retirement_month names its own keyword


# ------------------------------------------------------------------ model-in equals keywords-in


def _outcome(call: Any) -> Any:
    try:
        return call().to_json()
    except SocialSecError as e:
        return (e.code, getattr(e, "field", None))


months = st.builds(lambda y, m: f"{y}-{m:02d}", st.integers(2025, 2026), st.integers(1, 12))
wages = st.one_of(st.integers(0, 60000), st.decimals(0, 60000, places=2).map(str), st.integers(-5, -1))


@settings(max_examples=40, deadline=None)
@given(
    month=months, wage=wages, region=st.sampled_from(["jiangmen", "台山", "kaiping", "heshan"]), flexible=st.booleans()
)
def test_pension_contribution_model_in_equals_keywords_in(month: str, wage: Any, region: str, flexible: bool) -> None:
    kwargs = {"month": month, "wage": wage, "region": region, "flexible": flexible, "as_of": AS_OF}
    by_keywords = _outcome(lambda: jm_socialsec.pension_contribution(**kwargs))
    by_model = _outcome(lambda: jm_socialsec.pension_contribution(PensionContributionInput.of(json.dumps(kwargs))))
    assert by_model == by_keywords


@settings(max_examples=40, deadline=None)
@given(
    birth=st.builds(lambda y, m: f"{y}-{m:02d}", st.integers(1955, 1990), st.integers(1, 12)),
    category=st.sampled_from(["male", "female_55", "female_50"]),
    months_=st.integers(0, 480),
    index=st.decimals("0.3", "3", places=2).map(str),
    balance=st.decimals(0, 300000, places=2).map(str),
)
def test_estimate_pension_model_in_equals_keywords_in(
    birth: str, category: str, months_: int, index: str, balance: str
) -> None:
    kwargs = {
        "birth": birth,
        "category": category,
        "contribution_months": months_,
        "average_index": index,
        "account_balance": balance,
        "as_of": AS_OF,
    }
    by_keywords = _outcome(lambda: jm_socialsec.estimate_pension(**kwargs))
    by_model = _outcome(lambda: jm_socialsec.estimate_pension(PensionInput.of(json.dumps(kwargs))))
    assert by_model == by_keywords
