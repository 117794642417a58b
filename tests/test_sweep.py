"""The temporal sweep (Catala's coverage tests; issue 14, item 5).

1. Every parameter of the tables, queried on the first of every month of its covered range (its
   first date to its horizon, or to 2040 for one in force until amended), for every key of a
   keyed one: a value, or a refusal of a period the table declares ``missing`` — never a crash,
   never a silent gap. Outside the range: :class:`NotCovered` naming the parameter.
2. Every public estimate on a sweep of dates from 1995 to 2040 (claim months, injury and death
   days, birth months, retirement months, ``as_of``): a result that renders, or a documented
   refusal — :class:`NotCovered` naming a parameter of the tables, :class:`InputError` naming a
   field — never anything else.

The default run steps through the estimates every 5 months (each calendar month is met); with
``JM_SLOW=1`` every month, the 28th too, and the parameters also as known on the day itself.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import pytest
from dateutil.relativedelta import relativedelta

import jm_socialsec as js
from contract_cases import CASES
from jm_socialsec.engine.errors import InputError, NotCovered, SocialSecError
from jm_socialsec.engine.tables import Param, registry
from jm_socialsec.inputs import input_model

SLOW = os.environ.get("JM_SLOW") == "1"
OPEN_END = date(2040, 12, 1)  # how far a figure in force until amended is swept
EVERYTHING_KNOWN = date(2041, 1, 1)  # as_of on which every published figure is known
SWEEP = (date(1995, 1, 1), date(2040, 12, 1))
STEP = 1 if SLOW else 5  # months between two swept dates (5 is prime to 12: every month is met)


def firsts(start: date, end: date, step: int = 1) -> Iterator[date]:
    """The first day of every ``step``-th month from the month of ``start`` (or the next, if
    ``start`` is not a first) to ``end``."""
    day = start.replace(day=1) + relativedelta(months=0 if start.day == 1 else 1)
    while day <= end:
        yield day
        day += relativedelta(months=step)


# -- 1. every parameter on the first of every month ------------------------------------------


def _keys(p: Param) -> list[str | None]:
    keys = sorted({k for v in p.values if not v.missing and isinstance(v.value, dict) for k in v.value})
    return list(keys) or [None]


def _period(p: Param, day: date) -> Any:
    return next((v for v in p.values if v.since <= day and (v.until is None or day <= v.until)), None)


def _outcome(p: Param, day: date, key: str | None, as_of: date) -> str:
    """``value``, or the refusal's kind; anything but a NotCovered naming ``p`` fails."""
    try:
        value = js.lookup(p.id, day, as_of, key=key)
    except NotCovered as refused:
        assert refused.param == p.id, (p.id, day, key, str(refused))
        return "not_collected" if "not collected" in refused.message_en else "refused"
    assert value.id == p.id and value.value is not None
    return "value"


PARAMS = sorted(registry())


@pytest.mark.parametrize("param_id", PARAMS)
def test_every_parameter_has_a_value_every_month_it_covers(param_id: str) -> None:
    p = registry()[param_id]
    silent: list[str] = []
    for day in firsts(p.first, p.horizon or OPEN_END):
        period = _period(p, day)
        for key in _keys(p):
            if period is not None and not period.missing and key is not None and key not in period.value:
                # A key a period does not list (ages, grades of another period): refused, naming it.
                assert _outcome(p, day, key, EVERYTHING_KNOWN) == "refused"
                continue
            got = _outcome(p, day, key, EVERYTHING_KNOWN)
            expected = "not_collected" if period is not None and period.missing else "value"
            if got != expected:
                silent.append(f"{day} key={key}: {got}")
            if SLOW:  # as known on the day itself: a value, or a documented refusal
                _outcome(p, day, key, day)
    assert silent == [], f"{param_id}: months without a value and not declared missing: {silent[:12]}"


@pytest.mark.parametrize("param_id", PARAMS)
def test_outside_its_range_a_parameter_is_refused_naming_it(param_id: str) -> None:
    p = registry()[param_id]
    before = p.first - relativedelta(days=1)
    outside = [before] + ([p.horizon + relativedelta(days=1)] if p.horizon is not None else [])
    for day in outside:
        for key in _keys(p):
            with pytest.raises(NotCovered) as refused:
                js.lookup(p.id, day, EVERYTHING_KNOWN, key=key)
            assert refused.value.param == p.id


def test_the_sweep_meets_every_kind_of_parameter() -> None:
    """The sweep is no empty loop: keyed, open-ended, horizon-bounded and missing periods exist."""
    params = registry().values()
    assert any(p.keyed_by for p in params)
    assert any(p.horizon is None for p in params)
    assert any(p.horizon is not None for p in params)
    assert any(v.missing for p in params for v in p.values)


# -- 2. every public estimate on a sweep of dates ----------------------------------------------

_DAYS = list(firsts(*SWEEP, STEP))
if SLOW:
    _DAYS += [d.replace(day=28) for d in _DAYS]


def _is_date_field(value: Any) -> bool:
    text = str(value)
    return isinstance(value, str) and len(text) in (7, 10) and text[4] == "-" and text[:4].isdigit()


def _as_text(day: date, like: str) -> str:
    return day.isoformat()[: len(like)]


# Further starting points: the estimates by birth (not in the contract cases), the planner.
EXTRA: dict[str, tuple[str, dict[str, Any]]] = {
    "pension_by_birth": (
        "estimate_pension",
        {"birth": "1966-01", "category": "male", "contribution_months": 312, "average_index": "0.85",
         "account_balance": "86500", "region": "taishan", "as_of": "2026-11-21"},
    ),
    "pension_female_50": (
        "estimate_pension",
        {"birth": "1976-03", "category": "female_50", "contribution_months": 240, "average_index": "1.0",
         "account_balance": "60000", "as_of": "2026-11-21"},
    ),
    "illness_route": ("illness_route", {"birth": "1966-01", "category": "male", "as_of": "2026-11-21"}),
    "unemployment_flexible": (
        "unemployment_contribution",
        {"month": "2026-10", "wage": "6800", "city_average_wage": "8000", "flexible": True, "as_of": "2026-11-21"},
    ),
}  # fmt: skip

BASES = {**{name: (fn, body) for name, (fn, body, _) in CASES.items()}, **EXTRA}


def _sweeps() -> Iterator[Any]:
    """(case, field) for every date field of every starting point, ``as_of`` included."""
    for name, (_fn, body) in sorted(BASES.items()):
        fields = [f for f, v in body.items() if _is_date_field(v)]
        fields += [f"profile.{f}" for f, v in body.get("profile", {}).items() if _is_date_field(v)]
        for field in fields:
            yield pytest.param(name, field, id=f"{name}.{field}")


#: A birth is swept over the births that retire in the sweep's years (a person born in 1995-2040
#: retires after every table's horizon): the swept date less 60 years.
BIRTH_SHIFT = relativedelta(years=60)


def _with(body: dict[str, Any], field: str, day: date) -> dict[str, Any]:
    out = {k: (dict(v) if isinstance(v, dict) else v) for k, v in body.items()}
    target, name = (out["profile"], field.removeprefix("profile.")) if field.startswith("profile.") else (out, field)
    target[name] = _as_text(day - BIRTH_SHIFT if name == "birth" else day, target[name])
    return out


def _fields_of(fn: str) -> set[str]:
    try:
        names = set(input_model(fn).model_fields)
    except Exception:  # a function without an input model: its keywords
        import inspect

        names = set(inspect.signature(getattr(js, fn)).parameters)
    if fn == "retirement_checklist":  # a profile's problem names its own field (birth, not profile.birth)
        names |= set(js.RetireeProfile.model_fields)
    return names | {"arguments", "input"}


def _documented(fn: str, err: SocialSecError) -> str:
    """The refusal's kind, after checking it names what it must; anything else fails."""
    if isinstance(err, NotCovered):
        assert err.param in registry(), f"{fn}: NotCovered names no parameter: {err}"
        return f"not_covered:{err.param}"
    if isinstance(err, InputError):
        for problem in err.errors:
            root = problem.field.split(".")[0].split("[")[0]
            assert root in _fields_of(fn), f"{fn}: InputError names no field of it: {problem.field!r}: {err}"
        return f"input:{err.field}"
    raise AssertionError(f"{fn}: undocumented {type(err).__name__}: {err}")


def _typed(fn: str, body: dict[str, Any]) -> dict[str, Any]:
    """The keywords as a caller in Python passes them (dates as ``date``): read by the input model."""
    try:
        model = input_model(fn)
    except Exception:  # no input model (illness_route, plan_retirement): the body as it is
        return body
    return model.of(body).arguments()


def run_estimate(fn: str, body: dict[str, Any], render: bool) -> str:
    call: Callable[..., Any] = getattr(js, fn)
    try:
        result = call(**_typed(fn, body))
    except SocialSecError as err:
        return _documented(fn, err)
    except Exception as err:  # the point of the sweep: say which date broke what
        raise AssertionError(f"{fn}({body}) raised {type(err).__name__}: {err}") from err
    if render and hasattr(result, "to_json"):  # the explanation replays the rules: it must not crash
        result.to_json()
        result.explain("en")
    return "result"


def _grid_through(body: dict[str, Any], field: str) -> list[date]:
    """The swept days (every STEP-th month of SWEEP, the 28th too when slow) on the grid that
    meets the case's own month: a case whose dates with a result are fewer than STEP months in a
    row (a birth for flexible early retirement into a fixed month: three) is still met."""
    target, name = (body["profile"], field.removeprefix("profile.")) if field.startswith("profile.") else (body, field)
    text = str(target[name])
    own = date.fromisoformat(text if len(text) == len("YYYY-MM-DD") else f"{text}-01")
    anchor = own + BIRTH_SHIFT if name == "birth" else own
    offset = ((anchor.year - SWEEP[0].year) * 12 + anchor.month - SWEEP[0].month) % STEP
    days = list(firsts(SWEEP[0] + relativedelta(months=offset), SWEEP[1], STEP))
    return days + [d.replace(day=28) for d in days] if SLOW else days


@pytest.mark.parametrize(("case", "field"), list(_sweeps()))
def test_every_estimate_gives_a_result_or_a_documented_refusal(case: str, field: str) -> None:
    fn, body = BASES[case]
    outcomes: dict[str, int] = {}
    for i, day in enumerate(_grid_through(body, field)):
        kind = run_estimate(fn, _with(body, field, day), render=SLOW or i % 4 == 0)
        outcomes[kind] = outcomes.get(kind, 0) + 1
    # Not a loop of refusals: some date of 1995-2040 gives a result.
    assert outcomes.get("result", 0) > 0, f"{case}.{field}: no date gives a result: {outcomes}"


def test_the_sweep_gives_results_where_the_tables_cover_the_date() -> None:
    """A date inside the tables' range gives a result (a sweep that only refuses would prove nothing)."""
    for name in sorted(BASES):
        fn, body = BASES[name]
        assert run_estimate(fn, dict(body), render=True) == "result", name


def test_plan_retirement_and_min_years_over_the_sweep() -> None:
    for year in range(SWEEP[0].year, SWEEP[1].year + 1):
        run = run_estimate("min_contribution_years", {"year": year, "as_of": date(2026, 11, 21)}, render=False)
        assert run == "result" or run.startswith(("not_covered", "input")), year
    for day in _DAYS[:: 1 if SLOW else 12]:
        body = {"birth": "1968-07", "category": "male", "region": "kaiping", "contribution_months": 336,
                "average_index": "1.0", "account_balance": "100000", "as_of": day}  # fmt: skip
        run_estimate("plan_retirement", body, render=SLOW)
