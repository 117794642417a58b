"""The HTTP service through FastAPI's test client: every endpoint on a worked case, every error
class as JSON with code, field and both languages, OpenAPI, the table report, no state kept,
nothing personal in the logs."""

from __future__ import annotations

import logging
from typing import Any

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

from fastapi.testclient import TestClient
from jsonschema import Draft202012Validator

from contract_cases import AS_OF, CASES
from jm_socialsec.schema import estimates
from jm_socialsec.service import app

client = TestClient(app, raise_server_exceptions=False)
PATHS = {e.function: f"/{e.area}/{e.function}" for e in estimates()}


def post(function: str, body: Any) -> Any:
    return client.post(PATHS[function], json=body)


@pytest.mark.parametrize("case", sorted(CASES))
def test_every_endpoint_answers_its_worked_case(case: str) -> None:
    function, body, expected = CASES[case]
    r = post(function, body)
    assert r.status_code == 200, r.text
    data = r.json()
    assert {k: data[k] for k in expected} == expected


def test_there_is_one_endpoint_per_estimate() -> None:
    assert set(PATHS) == {function for function, _, _ in CASES.values()}
    assert len(PATHS) == 14


def test_result_json_carries_the_explanation() -> None:
    data = post(*CASES["pension"][:2]).json()
    assert data["steps"] and all("label_zh" in s and "label_en" in s for s in data["steps"])
    assert "provisional" in {w["code"] for w in data["warnings"]}


def test_bad_input_lists_every_problem_with_its_field_422() -> None:
    r = post("estimate_pension", {"birth": "1966-13", "category": "男人", "contribution_months": -1, "bogus": 1})
    assert r.status_code == 422
    body = r.json()
    assert body["code"] == "input_invalid"
    problems = {(e["field"], e["code"]) for e in body["errors"]}
    assert problems == {
        ("birth", "not_a_month"),
        ("category", "not_allowed"),
        ("contribution_months", "not_whole"),
        ("average_index", "missing"),
        ("account_balance", "missing"),
        ("bogus", "unknown_field"),
    }
    assert body["field"] == body["errors"][0]["field"]
    assert all(e["message_zh"] and e["message_en"] and e["field"] in e["message_en"] for e in body["errors"])


def test_nested_fields_are_named_by_their_path() -> None:
    body = {
        "profile": {
            "birth": "1966-08",
            "category": "male",
            "contribution_months": 300,
            "deemed_service": ["military", "navy"],
            "arrears": "sometimes",
        },
        "apply_on": "2026-12-14",
    }
    fields = {e["field"] for e in post("retirement_checklist", body).json()["errors"]}
    assert fields == {"profile.deemed_service[1]", "profile.arrears"}


def test_malformed_json_is_a_422_naming_the_input() -> None:
    r = client.post(PATHS["own_wage"], content=b'{"avg_wage_12m": ', headers={"content-type": "application/json"})
    assert r.status_code == 422
    assert r.json()["errors"][0]["code"] == "malformed_json" and r.json()["field"] == "input"


@pytest.mark.parametrize("body", [[1, 2], "text", None])
def test_a_body_that_is_no_object_is_refused(body: Any) -> None:
    r = post("own_wage", body)
    assert r.status_code == 422 and r.json()["code"] == "input_invalid"


def test_a_choice_the_rules_refuse_is_a_422_naming_the_field() -> None:
    # tests/test_retirement.py: flexible early before the original age 60 (2026-01) is refused.
    body = {"birth": "1966-01", "category": "male", "choice": "flexible_early", "month": "2025-12", "as_of": AS_OF}
    r = post("retirement_month", body)
    assert r.status_code == 422
    assert r.json()["field"] == "month" and "2026-01" in r.json()["message_en"]


def test_outside_the_tables_is_a_400_not_covered() -> None:
    # The survivors' rule of 人社部发〔2021〕18号 applies from 2021-09-01; earlier deaths are refused.
    r = post("pension_death_benefits", {"died_on": "2019-06-01", "contribution_months": 345, "as_of": AS_OF})
    assert r.status_code == 400
    assert r.json()["code"] == "not_covered" and r.json()["details"]["param"].startswith("pension.death")


def test_a_bug_is_a_500_without_details(monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    import jm_socialsec

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("secret 440703199001011234")

    monkeypatch.setattr(jm_socialsec, "own_wage", broken)
    with caplog.at_level(logging.INFO, logger="jm_socialsec.service"):
        r = post("own_wage", {"avg_wage_12m": "5000", "injured_on": "2025-05-20"})
    assert r.status_code == 500
    assert r.json() == {"code": "internal", "message_zh": "内部错误", "message_en": "internal error", "details": {}}
    assert "440703" not in caplog.text and "RuntimeError" in caplog.text


def test_nothing_a_person_sent_is_logged(caplog: pytest.LogCaptureFixture) -> None:
    body = {"avg_wage_12m": "5123.45", "injured_on": "2025-05-20", "note": "440703199001011234"}
    with caplog.at_level(logging.DEBUG, logger="jm_socialsec.service"):
        assert post("own_wage", body).status_code == 422  # "note" is unknown
        assert post("own_wage", {**CASES["own_wage"][1], "avg_wage_12m": "5123.45"}).status_code == 200
    assert "5123.45" not in caplog.text and "440703" not in caplog.text
    assert "refused input_invalid (422): note" in caplog.text  # the field's name, never its value
    assert "/injury/own_wage 422" in caplog.text and "/injury/own_wage 200" in caplog.text


def test_no_state_is_kept_between_requests() -> None:
    function, body, _ = CASES["pension_contribution"]
    first = post(function, body).json()
    what_if = post(function, {**body, "overrides": {"pension.contribution.employer_rate": "0.14"}}).json()
    assert what_if["employer"] == "952.00"  # 6800 × 14%
    assert post(function, body).json() == first


def test_openapi_is_generated_and_its_schemas_are_valid() -> None:
    r = client.get("/openapi.json")
    assert r.status_code == 200
    spec = r.json()
    assert spec["openapi"].startswith("3.")
    assert set(PATHS.values()) <= set(spec["paths"]) and "/tables" in spec["paths"]
    for path in PATHS.values():
        responses = spec["paths"][path]["post"]["responses"]
        assert {"200", "400", "422", "500"} <= set(responses)
    for schema in spec["components"]["schemas"].values():
        Draft202012Validator.check_schema(schema)  # OpenAPI 3.1 schemas are JSON Schema 2020-12


def test_tables_report() -> None:
    r = client.get("/tables", params={"today": "2026-11-21"})
    assert r.status_code == 200
    data = r.json()
    ids = {row["id"] for row in data["parameters"]}
    assert "pension.calc_base" in ids and data["documents"]
    assert client.get("/tables", params={"today": "not a day"}).status_code == 422
