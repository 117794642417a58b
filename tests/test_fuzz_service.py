"""Fuzz the HTTP service (issue 14, item 1): FastAPI's TestClient on ``jm_socialsec.service.app``.

Each endpoint gets bodies built from its function's spec (:mod:`test_fuzz_api`) as a service
sends them (days, months and decimals as text, pairs as lists; JSON numbers too large for a
float), junk values, unknown fields, bodies that are no JSON object. What must hold: the status
is 200, 400 (not covered) or 422 (bad input), never 500; every answer is JSON; a refusal carries
its code and bilingual messages, and a 422 names the field of each problem.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from test_fuzz_api import SPECS, calls
from test_fuzz_space import budget

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

from fastapi.testclient import TestClient

from jm_socialsec.schema import estimates
from jm_socialsec.service import app

CLIENT = TestClient(app, raise_server_exceptions=False)
ENDPOINTS = {e.function: f"/{e.area}/{e.function}" for e in estimates()}
ODD_BODIES = (
    b"",
    b"null",
    b"[]",
    b"{",
    b'"text"',
    b"1e400",
    b'{"birth": 1e400}',
    '{"birth": "１９６６-０１"}'.encode(),
)


def _body(kwargs: dict[str, Any]) -> bytes:
    return json.dumps(kwargs, default=str, allow_nan=True).encode()


@pytest.mark.parametrize("function", sorted(ENDPOINTS))
def test_the_service_answers_200_400_or_422_never_500(function: str) -> None:
    path = ENDPOINTS[function]

    @budget(10, 100)
    @given(st.one_of(calls(SPECS[function]).map(_body), st.sampled_from(ODD_BODIES)))
    def run(body: bytes) -> None:
        response = CLIENT.post(path, content=body, headers={"content-type": "application/json"})
        assert response.status_code in (200, 400, 422), f"{response.status_code}: {body!r} → {response.text}"
        answer = response.json()
        if response.status_code == 200:
            return
        assert answer["code"] == {400: "not_covered", 422: "input_invalid"}[response.status_code]
        assert answer["message_zh"] and answer["message_en"]
        if response.status_code == 422:
            assert answer["field"] and all(p["field"] for p in answer["errors"]), answer

    run()


def test_every_endpoint_is_fuzzed() -> None:
    assert set(ENDPOINTS) <= set(SPECS)


def test_a_datetime_and_an_absurd_amount_as_a_service_sends_them() -> None:
    ok = CLIENT.post(
        ENDPOINTS["pension_contribution"],
        json={"month": "2026-10", "wage": "6800", "region": "台山", "as_of": "2026-11-21T15:45:00"},
    )
    assert ok.status_code == 200, ok.text
    refused = CLIENT.post(ENDPOINTS["pension_contribution"], json={"month": "2026-10", "wage": "440703199001011234"})
    assert refused.status_code == 422 and refused.json()["field"] == "wage"
    assert "440703199001011234" not in refused.text
    year = CLIENT.post(ENDPOINTS["statutory_retirement"], json={"birth": "2201-01", "category": "male"})
    assert year.status_code == 422 and year.json()["field"] == "birth"
