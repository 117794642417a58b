"""``to_json()`` writes the explanation from cached parts (engine/jsonout.py, issue 10): it must
give exactly the dict pydantic's own ``model_dump(mode="json")`` gives, and the cached parts must
not leak between results (a caller may change the dict it got)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jm_socialsec import estimate_pension, injury_benefits, unemployment_benefit
from test_snapshots import _scenarios

AS_OF = date(2026, 11, 21)


@pytest.mark.parametrize("name", sorted(_scenarios()))
def test_fast_json_is_pydantics_json(name: str) -> None:
    result = _scenarios()[name]()
    assert result.to_json() == result.model_dump(mode="json")


@settings(max_examples=60, deadline=None)
@given(
    birth_year=st.integers(1962, 1975),
    birth_month=st.integers(1, 12),
    category=st.sampled_from(["male", "female_55", "female_50"]),
    months=st.integers(180, 420),
    index=st.decimals(Decimal("0.30"), Decimal("3"), places=2),
    balance=st.decimals(Decimal(0), Decimal(500000), places=2),
    deemed=st.booleans(),
    project=st.booleans(),
    override=st.booleans(),
)
def test_fast_json_equals_pydantic_on_generated_estimates(
    birth_year: int,
    birth_month: int,
    category: str,
    months: int,
    index: Decimal,
    balance: Decimal,
    deemed: bool,
    project: bool,
    override: bool,
) -> None:
    """Every kind of parameter value an estimate cites — official, secondary, assumed, provisional,
    projected, overridden — is written the same way by both."""
    deemed_kw = {"deemed_months": 60, "deemed_account": "2400", "weighted_deemed_years": "5.2"} if deemed else {}
    try:
        result = estimate_pension(
            birth=f"{birth_year}-{birth_month:02d}",
            category=category,
            contribution_months=months,
            average_index=index,
            account_balance=balance,
            project=project,
            overrides={"pension.low_index_threshold": "0.7"} if override else None,
            as_of=AS_OF,
            **deemed_kw,  # type: ignore[arg-type]
        )
    except Exception as refused:  # a documented refusal (not covered yet, short working life)
        from jm_socialsec import SocialSecError

        assert isinstance(refused, SocialSecError)
        return
    assert result.to_json() == result.model_dump(mode="json")


def test_other_areas_write_the_same_json() -> None:
    for result in (
        unemployment_benefit("2024-06", "jiangmen", 60, reason="contract_expired", as_of=AS_OF),
        injury_benefits(5, "2025-03-01", "6000", as_of=AS_OF),
    ):
        assert result.to_json() == result.model_dump(mode="json")


def test_a_changed_json_does_not_change_the_next_one() -> None:
    """The parameter values' JSON is cached: each result gets its own copy."""
    kw = {"birth": "1966-01", "category": "male", "contribution_months": 312, "average_index": "0.85",
          "account_balance": "86500", "as_of": AS_OF}  # fmt: skip
    first = estimate_pension(**kw).to_json()  # type: ignore[arg-type]
    cited = first["steps"][0]["params"][0]
    cited["value"] = "0"
    cited["source"]["document"] = "changed"
    again = estimate_pension(**kw).to_json()  # type: ignore[arg-type]
    assert again["steps"][0]["params"][0]["value"] != "0"
    assert again["steps"][0]["params"][0]["source"]["document"] != "changed"
    assert again == estimate_pension(**kw).model_dump(mode="json")  # type: ignore[arg-type]
