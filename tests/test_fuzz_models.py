"""Fuzz every input model (src/jm_socialsec/inputs/) and the functions taking them (issue 14, item 1).

Each model gets the fields of its function's spec (:mod:`test_fuzz_api`), as Python values and as
JSON text, with junk and now and then an unknown field: it is built, or refused with one
:class:`InputError` whose every problem names a field of the model; a model that is built runs
its function with the same guarantees as the keywords.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import jm_socialsec as jm
from jm_socialsec.inputs import INPUTS, input_model
from test_fuzz_api import ALSO_NAMED, SPECS, assert_sound, calls
from test_fuzz_space import assert_documented, budget

FUNCTIONS = sorted(name for pairs in INPUTS.values() for name, _ in pairs)


def _json(value: Any) -> Any:
    """What a service would send for ``value``: text for days, months and decimals, lists for pairs."""
    return json.loads(json.dumps(value, default=str))


@pytest.mark.parametrize("function", FUNCTIONS)
def test_a_model_is_built_or_refused_naming_its_fields(function: str) -> None:
    model = input_model(function)
    fields = set(model.model_fields) | ALSO_NAMED.get(function, set()) | {"input", "no_such_keyword"}
    spec = SPECS[function]

    @budget(25, 400)
    @given(calls(spec), st.sampled_from(["python", "json_text", "json_values"]))
    def run(kwargs: dict[str, Any], form: str) -> None:
        try:
            if form == "python":
                built = model.of(kwargs)
            else:
                text = json.dumps(kwargs, default=str)
                built = model.of(text) if form == "json_text" else model(**_json(kwargs))
        except Exception as e:
            assert_documented(e, fields)
            return
        _run(function, built)

    run()


def _run(function: str, model: Any) -> None:
    fn = getattr(jm, function)
    try:
        result = fn(model)
    except Exception as e:
        named = set(type(model).model_fields) | ALSO_NAMED.get(function, set())
        assert_documented(e, named | {"input", "arguments", "age"})
        return
    assert_sound(result)


def test_every_input_model_is_fuzzed() -> None:
    assert set(FUNCTIONS) <= set(SPECS)


def test_a_model_of_another_function_is_refused_naming_input() -> None:
    model = input_model("statutory_retirement").of({"birth": "1966-01", "category": "male"})
    with pytest.raises(jm.InputError) as err:
        jm.estimate_pension(model)  # type: ignore[call-overload]
    assert err.value.field == "input"
