"""Fuzz every public function of the top level (issue 14, item 1).

Each function of ``jm_socialsec.__all__`` is called with generated keywords: mostly valid-looking
values of its kinds (in every documented form), with none, one or several replaced by junk
(:mod:`test_fuzz_space`), optional ones left out at random, now and then an unknown keyword.
What must always hold:

- only a documented refusal escapes: :class:`InputError` naming one of the function's own
  parameters, or :class:`NotCovered` naming a parameter — never ``InternalError``, never a raw
  exception (``TypeError``, pydantic's ``ValidationError``, ``decimal.InvalidOperation``);
- a result's money is finite and never negative, and each line whose rule declares a rounding
  is a multiple of that rounding (分 for money);
- every result renders in all formats: ``explain("zh")``, ``explain("en")``, ``to_json()`` (as
  JSON text), ``to_html("zh")``, ``to_html("en")``, ``str``, ``repr``.
"""

from __future__ import annotations

import inspect
import itertools
import json
from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel

import jm_socialsec as jm
from jm_socialsec.engine.explain import Explained
from jm_socialsec.engine.money import FEN, money_text, read_decimal
from jm_socialsec.engine.trace import RULES
from test_fuzz_space import (
    AS_OF,
    CATEGORIES,
    CHOICES,
    DEPENDENTS,
    INDEX,
    JUNK,
    MONTH_COUNTS,
    REASONS,
    RECENT_DAYS,
    REGIONS,
    SLOW,
    WORK_TYPES,
    assert_documented,
    budget,
    days,
    money,
    months,
    numbers,
)

# ---------------------------------------------------------------------------------------------
# The keywords of each function: (strategy, required).

Spec = dict[str, tuple[st.SearchStrategy[Any], bool]]

BIRTHS = months(st.integers(1940, 2000))
RECENT_MONTHS = months(st.integers(2014, 2032))
FUTURE = {
    "overrides": (
        st.one_of(st.none(), st.just({"no.such.param": "1"}), st.just({"wages.minimum_monthly": "2100"})),
        False,
    ),
    "project": (st.booleans(), False),
    "assumptions": (st.one_of(st.none(), st.just({"growth": {"pension.calc_base": "0.03"}})), False),
}
COMMON = {"as_of": (AS_OF, False), **FUTURE}
SMALL_MONEY = money(20_000)
WAGES_BY_YEAR = st.dictionaries(st.integers(2015, 2030), SMALL_MONEY, max_size=3)

SPECS: dict[str, Spec] = {
    "statutory_retirement": {"birth": (BIRTHS, True), "category": (CATEGORIES, True), **COMMON},
    "retirement_month": {
        "birth": (BIRTHS, True), "category": (CATEGORIES, True), "choice": (CHOICES, False),
        "month": (RECENT_MONTHS, False), "contribution_months": (MONTH_COUNTS, False),
        "work_type": (WORK_TYPES, False), "years_in_type": (numbers(0, 30, 1), False), **COMMON,
    },
    "special_retirement": {
        "birth": (BIRTHS, True), "category": (CATEGORIES, True), "work_type": (WORK_TYPES, True),
        "years_in_type": (numbers(0, 30, 1), True), **COMMON,
    },
    "min_contribution_years": {"year": (st.integers(2015, 2045), True), "as_of": (AS_OF, False)},
    "illness_route": {"birth": (BIRTHS, True), "category": (CATEGORIES, True), "as_of": (AS_OF, False)},
    "annuity_months": {
        "years": (st.integers(40, 70), True), "months": (st.integers(0, 11), False), "as_of": (AS_OF, False),
    },
    "estimate_pension": {
        "contribution_months": (MONTH_COUNTS, True), "average_index": (INDEX, True),
        "account_balance": (money(), True), "retirement_month": (RECENT_MONTHS, False),
        "age": (st.tuples(st.integers(45, 65), st.integers(0, 11)), False), "birth": (BIRTHS, False),
        "category": (CATEGORIES, False), "choice": (CHOICES, False), "special_type": (WORK_TYPES, False),
        "special_years": (numbers(0, 30, 1), False), "deemed_months": (MONTH_COUNTS, False),
        "deemed_account": (SMALL_MONEY, False), "weighted_deemed_years": (numbers(0, 30, 2), False),
        "deemed_months_before_1994": (MONTH_COUNTS, False), "index_sum_1994_1998": (numbers(0, 15, 4), False),
        "region": (REGIONS, False), **COMMON,
    },
    "pension_death_benefits": {
        "died_on": (days(st.integers(2010, 2030)), True), "contribution_months": (MONTH_COUNTS, True),
        "account_balance": (money(), False), "pension_months_drawn": (MONTH_COUNTS, False), **COMMON,
    },
    "pension_contribution": {
        "month": (RECENT_MONTHS, True), "wage": (SMALL_MONEY, True), "region": (REGIONS, False),
        "flexible": (st.booleans(), False), **COMMON,
    },
    "unemployment_benefit": {
        "claim_month": (RECENT_MONTHS, True), "region": (REGIONS, True), "contribution_months": (MONTH_COUNTS, True),
        "unused_months": (st.integers(0, 24), False), "reason": (REASONS, False), "registered": (st.booleans(), False),
        "birth": (BIRTHS, False), "category": (CATEGORIES, False),
        "recent_contribution_wages": (st.lists(SMALL_MONEY, max_size=13).map(tuple), False),
        "childbirth_month": (RECENT_MONTHS, False), "reemployed_month": (RECENT_MONTHS, False),
        "reemployment_contract_months": (st.integers(0, 36), False),
        "reemployment_insured_months": (st.integers(0, 36), False), "business_start_month": (RECENT_MONTHS, False),
        "death_month": (RECENT_MONTHS, False), "city_average_wage": (SMALL_MONEY, False),
        "farmer_contract_months": (st.integers(0, 60), False), **COMMON,
    },
    "unemployment_contribution": {
        "month": (RECENT_MONTHS, True), "wage": (SMALL_MONEY, True), "region": (REGIONS, False),
        "city_average_wage": (SMALL_MONEY, True), "flexible": (st.booleans(), False), **COMMON,
    },
    "injury_benefits": {
        "grade": (st.integers(0, 11), True), "injured_on": (days(st.integers(2012, 2030)), True),
        "avg_wage_12m": (SMALL_MONEY, True), "assessed_on": (days(st.integers(2012, 2031)), False),
        "leaves_job": (st.booleans(), False), "left_on": (days(st.integers(2012, 2032)), False),
        "draws_pension": (st.booleans(), False), "birth": (BIRTHS, False), "category": (CATEGORIES, False),
        "care_level": (st.sampled_from([1, 2, 3, 4, "一级", "4"]), False),
        "hospital_days": (st.integers(0, 400), False),
        "hospital_meal_daily": (numbers(0, 200), False), "city_average_wages": (WAGES_BY_YEAR, False), **COMMON,
    },
    "death_benefits": {
        "died_on": (days(st.integers(2012, 2030)), True), "avg_wage_12m": (SMALL_MONEY, True),
        "dependents": (st.lists(DEPENDENTS, max_size=5), False), "during_paid_leave": (st.booleans(), False),
        "grade": (st.integers(1, 10), False), "injured_on": (days(st.integers(2010, 2030)), False),
        "city_average_wages": (WAGES_BY_YEAR, False), **COMMON,
    },
    "own_wage": {
        "avg_wage_12m": (SMALL_MONEY, True), "injured_on": (days(st.integers(2012, 2030)), True),
        "city_average_wages": (WAGES_BY_YEAR, False), **COMMON,
    },
    "injury_contribution": {
        "payroll": (money(10**7), True), "industry_class": (st.integers(0, 9), True),
        "on": (days(st.integers(2012, 2030)), True), "floating_factor": (numbers(0, 2, 2), False),
        "rates": (st.sampled_from(["guangdong", "national", "x"]), False), **COMMON,
    },
    "retirement_checklist": {
        "profile": (
            st.fixed_dictionaries(
                {"birth": BIRTHS, "category": CATEGORIES, "contribution_months": MONTH_COUNTS},
                optional={
                    "choice": CHOICES, "deemed_service": st.lists(st.sampled_from(["military", "知青"]), max_size=2),
                    "housing_fund_account": st.booleans(), "hukou_type": st.sampled_from(["urban", "农村"]),
                    "medical_months": st.integers(0, 400), "special_type": WORK_TYPES,
                    "special_years": numbers(0, 20, 1), "retirement_month": RECENT_MONTHS,
                },
            ),
            True,
        ),
        "apply_on": (days(st.integers(2020, 2032)), True), **COMMON,
    },
    "lookup": {
        "param": (st.sampled_from(["wages.minimum_monthly", "pension.calc_base", "injury.nursing_rate", "x.y"]), True),
        "on": (st.one_of(RECENT_DAYS, RECENT_MONTHS), True), "as_of": (AS_OF, False),
        "key": (st.sampled_from(["1", "2", "spouse", "60", "taishan"]), False),
        "overrides": (FUTURE["overrides"][0], False),
    },
    "plan_retirement": {
        "birth": (months(st.integers(1962, 1990)), True), "category": (CATEGORIES, True),
        "contribution_months": (st.integers(0, 480), True), "average_index": (INDEX, True),
        "account_balance": (money(), True), "region": (REGIONS, False), "deemed_months": (st.integers(0, 60), False),
        "what_ifs": (st.just([{"name": "gap", "gap_months": 12}]), False), "as_of": (AS_OF, False),
    },
}  # fmt: skip


@st.composite
def calls(draw: st.DrawFn, spec: Spec) -> dict[str, Any]:
    """Keywords: required ones always, optional ones at random; 0, 1 or several made junk."""
    kwargs = {name: draw(s) for name, (s, required) in spec.items() if required or draw(st.booleans())}
    spoiled = draw(st.sampled_from([0, 0, 0, 0, 0, 1, 1, 1, 2, 4]))
    for name in draw(st.lists(st.sampled_from(sorted(spec)), max_size=spoiled, unique=True)):
        kwargs[name] = draw(JUNK)
    if draw(st.integers(0, 40)) == 0:
        kwargs["no_such_keyword"] = 1
    return kwargs


#: Fields an error may name besides the function's parameters: a profile's own fields (the
#: checklist reads the mapping as a RetireeProfile).
ALSO_NAMED = {"retirement_checklist": set(jm.RetireeProfile.model_fields)}


def parameters(fn: Callable[..., Any]) -> set[str] | None:
    """The names an InputError of ``fn`` may give as its field (its parameters, and the call itself)."""
    if fn.__name__ in {"estimate_pensions", "retiring_between"}:
        return None  # a roster's errors name its columns
    names = set(inspect.signature(fn).parameters) | ALSO_NAMED.get(fn.__name__, set())
    return names | {"arguments", "input", "age"}  # ``age``: retirement month and age read as one


# ---------------------------------------------------------------------------------------------
# What a result must be.


def _money_fields(model: BaseModel) -> Iterator[tuple[str, Decimal | None, bool]]:
    """Every field declared as money (serialised by ``money_text``) in the model and the models it
    holds, and whether it is declared signed (:data:`SignedMoney`, a difference) rather than ``Money``."""
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        metadata = list(_metadata(info.annotation))
        if any(getattr(m, "func", None) is money_text for m in metadata):
            signed = any(getattr(m, "func", None) is read_decimal for m in metadata)
            yield name, value, signed
        for inner in value if isinstance(value, tuple | list) else (value,):
            if isinstance(inner, BaseModel):
                yield from _money_fields(inner)


def _metadata(annotation: Any) -> Iterator[Any]:
    yield from getattr(annotation, "__metadata__", ())
    for arg in getattr(annotation, "__args__", ()):
        yield from _metadata(arg)


def _declared_rounding(step_id: str) -> Decimal | None:
    """The rounding step the rule shown as ``step_id`` declares (when every rule of that name agrees)."""
    steps = {info.rounding.step if info.rounding else None for info in RULES.values() if info.name == step_id}
    return steps.pop() if len(steps) == 1 else None


def assert_sound(result: Any) -> None:
    """Money finite, not negative, rounded where declared; every rendering works."""
    if isinstance(result, Decimal):
        assert result.is_finite() and result >= 0
        return
    if not isinstance(result, BaseModel):
        return
    for name, value, signed in _money_fields(result):
        if value is not None:
            assert value.is_finite() and (value >= 0 or signed), f"{name} = {value}"
            assert value == value.quantize(FEN), f"{name} = {value} is not in 分"
    for step in getattr(result, "steps", ()):
        step_of = _declared_rounding(step.id)
        if step_of is not None and isinstance(step.result, Decimal):
            assert step.result == step.result.quantize(step_of), f"{step.id} = {step.result} not rounded to {step_of}"
    if hasattr(result, "explain") and next(_RENDERED) % RENDER_EVERY == 0:  # a ParamValue has no explain
        render(result)


#: The slow tier renders one result in RENDER_EVERY (rendering costs ten times the estimate);
#: the default run renders every one.
RENDER_EVERY = 6 if SLOW > 1 else 1
_RENDERED = itertools.count()


def render(result: Any) -> None:
    for lang in ("zh", "en"):
        assert result.explain(lang)
        assert result.to_html(lang)
    json.dumps(result.to_json())
    if isinstance(result, Explained):
        assert str(result) and result._repr_html_()
    repr(result)


def outcome(fn: Callable[..., Any], kwargs: dict[str, Any]) -> Any:
    """Call ``fn``: its result checked, or its refusal checked; anything else fails the test."""
    try:
        result = fn(**kwargs)
    except Exception as e:
        assert_documented(e, parameters(fn))
        return e
    assert_sound(result)
    return result


FUNCTIONS = sorted(SPECS)
#: Examples per function (default run, slow tier); the planner costs most.
EXAMPLES = {
    "plan_retirement": (8, 100), "retirement_checklist": (40, 800), "death_benefits": (60, 500),
}  # fmt: skip


@pytest.mark.parametrize("name", FUNCTIONS)
def test_only_documented_errors_escape_and_results_are_sound(name: str) -> None:
    fn = getattr(jm, name)

    @budget(*EXAMPLES.get(name, (60, 900)))
    @given(calls(SPECS[name]))
    def run(kwargs: dict[str, Any]) -> None:
        outcome(fn, kwargs)

    run()


def test_every_public_function_of_the_top_level_is_fuzzed() -> None:
    """The fuzz suite keeps up with ``__all__``: a new public function needs its spec here."""
    functions = {n for n in jm.__all__ if callable(getattr(jm, n)) and not isinstance(getattr(jm, n), type)}
    elsewhere = {"recalculate", "to_frame", "estimate_pensions", "retiring_between"}  # below
    assert functions == set(SPECS) | elsewhere


# ---------------------------------------------------------------------------------------------
# The functions that take results or tables.

ESTIMATE = {
    "retirement_month": "2025-03", "age": (55, 1), "contribution_months": 208, "average_index": "0.5241",
    "account_balance": "66720.85", "as_of": date(2025, 4, 15),
}  # fmt: skip


@budget(30, 300)
@given(st.one_of(AS_OF, JUNK), st.one_of(st.none(), FUTURE["overrides"][0], JUNK), st.integers(0, 9))
def test_recalculate_takes_an_estimate_and_refuses_anything_else(as_of: Any, overrides: Any, junk: int) -> None:
    estimate: Any = jm.estimate_pension(**ESTIMATE) if junk else "not an estimate"
    outcome(jm.recalculate, {"estimate": estimate, "as_of": as_of, "overrides": overrides})


@budget(15, 150)
@given(
    st.lists(st.one_of(st.just("pension"), st.just("death"), JUNK), max_size=3),
    st.sampled_from([None, "zh", "en", "x"]),
)
def test_to_frame_takes_results_and_refuses_anything_else(items: list[Any], lang: Any) -> None:
    pytest.importorskip("pandas")
    made = {
        "pension": lambda: jm.estimate_pension(**ESTIMATE),
        "death": lambda: jm.pension_death_benefits(date(2024, 6, 1), 240, 50000, as_of=date(2026, 11, 1)),
    }
    results = [made[x]() if isinstance(x, str) and x in made else x for x in items]
    outcome(jm.to_frame, {"results": results, "lang": lang})


@budget(15, 150)
@given(
    st.fixed_dictionaries(
        {"birth": st.lists(st.one_of(st.just("1966-01"), JUNK.map(str)), min_size=1, max_size=3)},
        optional={"category": st.just(["male"])},
    ),
    st.one_of(AS_OF, JUNK),
)
def test_the_roster_batch_refuses_a_bad_table_or_as_of_with_a_documented_error(
    columns: dict[str, Any], as_of: Any
) -> None:
    pa = pytest.importorskip("pyarrow")
    n = len(columns["birth"])
    columns = {k: (v * n)[:n] for k, v in columns.items()}
    table = pa.table(columns) if len({len(v) for v in columns.values()}) == 1 else columns
    for fn, kwargs in (
        (jm.estimate_pensions, {"table": table, "as_of": as_of}),
        (jm.retiring_between, {"table": table, "start": "2026-01", "end": as_of, "as_of": date(2026, 11, 1)}),
    ):
        outcome(fn, kwargs)


# ---------------------------------------------------------------------------------------------
# Found before (issue 14's "Why"): each kept as a test.


def test_as_of_as_a_datetime_is_its_date_in_every_rule_function() -> None:
    from datetime import datetime

    now = datetime(2026, 11, 21, 15, 45)
    r = jm.statutory_retirement("1966-01", "male", as_of=now)
    assert r.as_of == date(2026, 11, 21)
    c = jm.pension_contribution("2026-10", 6800, "台山", as_of=now)
    assert c.as_of == date(2026, 11, 21)


@pytest.mark.parametrize("bad", [(None, 1), (1966, None), ("x", 1), (1966.5, 1)])
def test_a_malformed_year_month_names_the_field(bad: Any) -> None:
    with pytest.raises(jm.InputError) as err:
        jm.statutory_retirement(bad, "male")
    assert err.value.field == "birth"
    with pytest.raises(jm.InputError) as err:
        jm.RetireeProfile(birth=bad, category="male", contribution_months=300)
    assert err.value.field == "birth"


def test_amounts_above_the_sanity_limit_are_refused_naming_the_field() -> None:
    with pytest.raises(jm.InputError) as err:
        jm.pension_contribution("2026-10", "440703199001011234", "台山")
    assert err.value.field == "wage" and "440703199001011234" not in str(err.value)
    with pytest.raises(jm.InputError) as err:
        jm.injury_benefits(5, "2025-01-01", Decimal("1E+30"))
    assert err.value.field == "avg_wage_12m"


def test_a_result_at_the_sanity_limit_still_renders() -> None:
    """Before: from 10¹⁸ yuan a result was returned that could not be printed. The largest wage
    accepted now (10¹² yuan) gives amounts beyond it (a death grant is months of wages), and they print."""
    r = jm.death_benefits("2026-03-01", 10**12, ["spouse"], as_of=date(2026, 11, 1))
    render(r)
    assert "1,000,000,000,000" in r.explain("en") or "1000000000000" in json.dumps(r.to_json())


def test_an_absurd_year_costs_no_time_in_the_public_functions() -> None:
    """Before: Decimal("1E+999999") as a year cost 36-58 s per call. Bound: 1 s for all five (see
    test_fuzz_space.test_an_absurd_magnitude_is_refused_at_once for why this is not a benchmark)."""
    import time

    huge = Decimal("1E+999999")
    start = time.perf_counter()
    for call in (
        lambda: jm.statutory_retirement((huge, 1), "male"),
        lambda: jm.pension_contribution((huge, 1), 5000),
        lambda: jm.annuity_months(huge),
        lambda: jm.min_contribution_years(huge),
        lambda: jm.estimate_pension(
            contribution_months=huge, average_index="1", account_balance=1, birth="1966-01", category="male"
        ),
    ):
        with pytest.raises(jm.InputError):
            call()
    assert time.perf_counter() - start < 1.0


def test_retirement_month_names_its_own_parameter() -> None:
    with pytest.raises(jm.InputError) as err:
        jm.retirement_month("1966-01", "male", "flexible_early")
    assert err.value.field == "month"


def test_a_datetime_day_of_death_is_its_date() -> None:
    """Found by the fuzz: ``died_on=datetime(...)`` was an internal error ("can't compare
    datetime.datetime to datetime.date", pension/death.py); the boundary now reads it as its date."""
    from datetime import datetime

    by_datetime = jm.pension_death_benefits(datetime(2024, 6, 1, 9, 30), 240, 50000, as_of=date(2026, 11, 1))
    by_date = jm.pension_death_benefits(date(2024, 6, 1), 240, 50000, as_of=date(2026, 11, 1))
    assert by_datetime.to_json() == by_date.to_json()


@pytest.mark.parametrize("overrides", ["pension.calc_base=9000", ["x"], 3])
def test_overrides_that_are_no_mapping_name_the_keyword(overrides: Any) -> None:
    """Found by the fuzz: ``recalculate(..., overrides="…")`` was an internal error ("'str' object
    is not a mapping", pension/recalc.py); the boundary now refuses it for every function."""
    with pytest.raises(jm.InputError) as err:
        jm.recalculate(jm.estimate_pension(**ESTIMATE), overrides=overrides)
    assert err.value.field == "overrides"
    with pytest.raises(jm.InputError) as err:
        jm.statutory_retirement("1966-01", "male", overrides=overrides)
    assert err.value.field == "overrides"


def test_a_plan_round_trips_through_its_json() -> None:
    plan = jm.plan_retirement(
        birth="1976-01", category="male", contribution_months=90, average_index="0.6", account_balance=0,
        as_of=date(2026, 11, 1),
    )  # fmt: skip
    assert any(row.difference is not None and row.difference < 0 for row in plan.rows)
    assert type(plan).model_validate_json(plan.model_dump_json()) == plan


@pytest.mark.parametrize("rates", [Decimal("sNaN"), ["guangdong"], {}])
def test_injury_contribution_refuses_unhashable_rates_naming_the_field(rates: Any) -> None:
    with pytest.raises(jm.InputError) as err:
        jm.injury_contribution(100000, 3, "2026-10-01", rates=rates)
    assert err.value.field == "rates"


@pytest.mark.parametrize("year", [0, 10**20, 2201])
def test_min_contribution_years_names_the_year(year: int) -> None:
    with pytest.raises(jm.InputError) as err:
        jm.min_contribution_years(year)
    assert err.value.field == "year"


@pytest.mark.parametrize("what_ifs", [None, 3])
def test_plan_retirement_refuses_what_ifs_that_are_no_list(what_ifs: Any) -> None:
    with pytest.raises(jm.InputError) as err:
        jm.plan_retirement(
            birth="1962-01", category="male", contribution_months=0, average_index="0.6", account_balance=0,
            what_ifs=what_ifs, as_of=date(2026, 11, 1),
        )  # fmt: skip
    assert err.value.field == "what_ifs"
