"""Projection of per-period figures (issue 11, item 1): only on request, marked, on stated assumptions.

Expected values are hand calculations from the table values (tables/pension/pension.toml,
tables/wages/wages.toml), written out here; the pension lines follow the Guangdong formula as in
tests/test_pension.py. The default growth is the mean of the year-on-year growths of the last
five values published on ``as_of`` (engine/projection.py).
"""

from __future__ import annotations

import inspect
import json
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import jm_socialsec
from jm_socialsec import InputError, NotCovered, estimate_pension, own_wage, pension_contribution
from jm_socialsec.cli import main
from jm_socialsec.engine.projection import Assumptions, default_growth
from jm_socialsec.engine.tables import registry
from jm_socialsec.inputs import INPUTS, PensionInput

AS_OF = date(2026, 11, 30)
# The issue's man: born 1968-07 in 开平, 28 years (336 months), index 1.0, 100000 in the account.
# Statutory month 2029-06 at 60y11m: the 2029 base is not published on 2026-11-30.
MAN = {
    "birth": "1968-07", "category": "male", "contribution_months": 336, "average_index": "1.0",
    "account_balance": "100000", "region": "开平", "as_of": AS_OF,
}  # fmt: skip
CLI_MAN = ["pension", "--birth", "1968-07", "--category", "男", "--months", "336", "--index", "1.0",
           "--balance", "100000", "--region", "开平", "--as-of", "2026-11-30"]  # fmt: skip


def _codes(result: Any) -> set[str]:
    return {w.code for w in result.warnings}


# ---------------------------------------------------------------------------------------------
# The default growth, by hand


def test_default_growth_of_the_calculation_base_is_the_mean_of_its_published_growths() -> None:
    # Published on 2026-11-30: 2022 8682, 2023 9028, 2024 9307, 2025 9493 (four values, so three
    # growths): 9028/8682 − 1 = 3.99%, 9307/9028 − 1 = 3.09%, 9493/9307 − 1 = 186/9307 = 2.00%.
    growths = [Fraction(9028, 8682) - 1, Fraction(9307, 9028) - 1, Fraction(9493, 9307) - 1]
    mean = sum(growths) / 3  # (0.039853 + 0.030904 + 0.019985) / 3 = 0.030247
    expected = Decimal(mean.numerator) / Decimal(mean.denominator)
    assert expected.quantize(Decimal("0.0001"), ROUND_HALF_UP) == Decimal("0.0302")
    rate, zh, en = default_growth(registry()["pension.calc_base"], AS_OF)
    assert rate == Decimal("0.0302")
    assert "2024→2025 2.00%" in zh and "2022→2023 3.99%" in zh and "3.02%" in en


def test_default_growth_uses_the_last_five_published_values_only() -> None:
    # Provincial average wage published on 2026-11-30, last five: 2020 7647, 2021 8310, 2022 8807,
    # 2023 9167, 2024 9183 (2014–2019 are older and left out). Growths: 663/7647 = 8.67%,
    # 497/8310 = 5.98%, 360/8807 = 4.09%, 16/9167 = 0.17%; mean 0.189130 / 4 = 0.047282 → 4.73%.
    rate, zh, _ = default_growth(registry()["wages.provincial_average_monthly"], AS_OF)
    assert rate == Decimal("0.0473")
    assert "最近 5 个" in zh and "2019→2020" not in zh and "2023→2024 0.17%" in zh


def test_the_man_of_the_issue_is_refused_without_and_projected_with_the_default_growth() -> None:
    with pytest.raises(NotCovered) as refused:
        estimate_pension(**MAN)
    assert "project=True" in refused.value.message_zh and "--project" in refused.value.message_en
    r = estimate_pension(**MAN, project=True)
    # base 2029 = 9493 × 1.0302⁴ = 9493 × 1.126383 = 10692.7 → 10693 (whole yuan, as published)
    # basic = 10693 × (1 + 1.0) / 2 × 28 × 1% = 2994.04; 计发月数 60y11m = 139 − 7 × 11/12 = 132.58 → 132.6
    # account = 100000 / 132.6 = 754.15; transitional = 100 + 4 × 28 = 212.00; total 3960.19
    assert (r.base, r.basic, r.account, r.transitional, r.total) == (
        Decimal(10693), Decimal("2994.04"), Decimal("754.15"), Decimal("212.00"), Decimal("3960.19"),
    )  # fmt: skip
    assert r.projected and not r.provisional and r.base_year == 2029
    assert r.projected_amount == Decimal("2994.04")  # basic + adjustment (0.00): the lines on the base
    assert "projected" in _codes(r)
    base_line = next(s for s in r.steps if s.id == "calc_base")
    assert base_line.params[0].projected
    assert "，预测〕" in r.explain() and ", projected]" in r.explain("en")
    warning = next(w for w in r.warnings if w.code == "projected")
    assert "3.02%" in warning.zh and "9493" in warning.zh  # the assumption that produced it


def test_a_projected_base_is_never_remembered_for_a_caller_who_did_not_ask() -> None:
    """engine/trace.py ``memo``: the calculation base of a month is remembered between estimates,
    but not a projected one — after the man's projected estimate, the same estimate without
    ``project`` is still refused (the 2029 base is not published on 2026-11-30), and with another
    growth rate it rests on its own projection (9493 × 1.05⁴ = 11538.8 → 11539, not 10693)."""
    assert estimate_pension(**MAN, project=True).base == Decimal(10693)
    with pytest.raises(NotCovered):
        estimate_pension(**MAN)
    faster = estimate_pension(**MAN, assumptions={"growth": {"pension.calc_base": "0.05"}})
    assert faster.base == Decimal(11539) and faster.projected


def test_a_caller_rate_and_explicit_values_per_year() -> None:
    # growth 2%: 9493 × 1.02⁴ = 9493 × 1.08243216 = 10275.53 → 10276; basic = 10276 × 0.28 = 2877.28
    r = estimate_pension(**MAN, assumptions={"growth": {"pension.calc_base": "0.02"}})
    assert (r.base, r.basic, r.total) == (Decimal(10276), Decimal("2877.28"), Decimal("3843.43"))
    # an explicit value for 2029 wins over any rate: basic = 10000 × 0.28 = 2800.00
    both = Assumptions(growth={"pension.calc_base": Decimal("0.05")}, values={"pension.calc_base": {2029: 10000}})
    r = estimate_pension(**MAN, assumptions=both)
    assert (r.base, r.basic, r.total) == (Decimal(10000), Decimal("2800.00"), Decimal("3766.15"))
    assert "调用方给定的值" in next(w.zh for w in r.warnings if w.code == "projected")
    # a value for another year does not apply: the 2% rate from 2025 does
    other = {"growth": {"pension.calc_base": "0.02"}, "values": {"pension.calc_base": {2028: 1}}}
    assert estimate_pension(**MAN, assumptions=other).base == Decimal(10276)


def test_published_figures_are_never_projected() -> None:
    # The Zhongshan sheet (2025-04-15): the 2024 base is used provisionally (预发), projection or not.
    sheet = {"retirement_month": "2025-03", "age": (55, 1), "contribution_months": 208,
             "average_index": "0.5241", "account_balance": "66720.85", "as_of": date(2025, 4, 15)}  # fmt: skip
    plain, asked = estimate_pension(**sheet), estimate_pension(**sheet, project=True)
    assert plain.total == asked.total == Decimal("1688.94")
    assert asked.provisional and not asked.projected and asked.projected_amount == Decimal("0.00")
    assert "projected" not in _codes(asked)


# ---------------------------------------------------------------------------------------------
# Bad assumptions


@pytest.mark.parametrize("rate", ["-0.10", "0.30", "0", "0.03"])
def test_growth_inside_the_band_is_accepted(rate: str) -> None:
    assert estimate_pension(**MAN, assumptions={"growth": {"pension.calc_base": rate}}).projected


@given(st.one_of(st.decimals("-0.99", "-0.1001", places=4), st.decimals("0.3001", "5", places=4)))
@settings(max_examples=30, deadline=None)
def test_growth_outside_the_band_is_refused_naming_the_field(rate: Decimal) -> None:
    with pytest.raises(InputError) as err:
        estimate_pension(**MAN, assumptions={"growth": {"pension.calc_base": rate}})
    assert err.value.field == "assumptions.growth[pension.calc_base]"
    assert "合理范围" in err.value.message_zh and "plausible band" in err.value.message_en
    with pytest.raises(InputError) as in_model:
        PensionInput.of({**MAN, "as_of": "2026-11-30", "assumptions": {"growth": {"pension.calc_base": str(rate)}}})
    assert in_model.value.field == "assumptions.growth[pension.calc_base]"


@pytest.mark.parametrize(
    ("assumptions", "field"),
    [
        ({"growth": {"pension.basic_rate_per_year": "0.01"}}, "assumptions.growth[pension.basic_rate_per_year]"),
        ({"values": {"pension.calc_bas": {"2029": "10000"}}}, "assumptions.values[pension.calc_bas]"),
        ({"values": {"pension.calc_base": {"next": "10000"}}}, "assumptions.values[pension.calc_base][next]"),
        ({"grwth": {}}, "assumptions.grwth"),
        ("3%", "assumptions"),
    ],
)
def test_assumptions_about_unknown_or_fixed_figures_are_refused(assumptions: Any, field: str) -> None:
    with pytest.raises(InputError) as err:
        estimate_pension(**MAN, assumptions=assumptions)
    assert err.value.field == field


def test_project_must_be_true_or_false() -> None:
    with pytest.raises(InputError) as err:
        estimate_pension(**MAN, project="yes")  # type: ignore[arg-type]
    assert err.value.field == "project"


# ---------------------------------------------------------------------------------------------
# Every estimate


ESTIMATES = [f for pairs in INPUTS.values() for f, _ in pairs if f != "min_contribution_years"]


@pytest.mark.parametrize("function", ESTIMATES)
def test_every_estimate_takes_project_and_assumptions(function: str) -> None:
    params = inspect.signature(getattr(jm_socialsec, function)).parameters
    assert params["project"].default is False and params["assumptions"].default is None


def test_other_estimates_project_on_request_and_say_so() -> None:
    # Injured 2027-03: 本人工资 needs the 2026 provincial average wage (published: 2024's 9183).
    with pytest.raises(NotCovered) as refused:
        own_wage(8000, "2027-03-01", as_of=AS_OF)
    assert "--project" in refused.value.message_en
    r = own_wage(8000, "2027-03-01", as_of=AS_OF, project=True)
    # 9183 × 1.0473² = 9183 × 1.09683729 = 10072.26 → 10072; floor 60% = 6043.20; 8000 within the band
    assert (r.average_wage, r.lower, r.own_wage) == (Decimal(10072), Decimal("6043.20"), Decimal("8000.00"))
    assert r.projected and "projected" in _codes(r)
    # Contribution month 2027-08: the 2027-07 window is not published; with 0% growth the 2025-07
    # limits stay: lower 4775, so a wage of 3000 is raised to 4775 and 8% of it is 382.00.
    with pytest.raises(NotCovered):
        pension_contribution("2027-08", 3000, as_of=AS_OF)
    flat = {"growth": {"pension.contribution.base_lower": 0, "pension.contribution.base_upper": 0}}
    c = pension_contribution("2027-08", 3000, as_of=AS_OF, assumptions=flat)
    assert (c.base, c.employee, c.projected) == (Decimal(4775), Decimal("382.00"), True)
    assert not pension_contribution("2026-08", 3000, as_of=AS_OF, project=True).projected


@st.composite
def people(draw: st.DrawFn) -> dict[str, Any]:
    year = draw(st.integers(1964, 1976))
    month = draw(st.integers(1, 12))
    return {
        "birth": f"{year}-{month:02d}",
        "category": draw(st.sampled_from(["male", "female_55", "female_50"])),
        "contribution_months": draw(st.integers(120, 400)),
        "average_index": str(draw(st.decimals("0.3", "3", places=2))),
        "account_balance": str(draw(st.decimals("0", "400000", places=2))),
        "region": draw(st.sampled_from(["jiangmen", "开平", "台山"])),
        "as_of": AS_OF,
    }


@given(
    people(),
    st.one_of(
        st.just({"project": True}),
        st.decimals("-0.10", "0.30", places=3).map(lambda g: {"assumptions": {"growth": {"pension.calc_base": g}}}),
    ),
)
@settings(max_examples=60, deadline=None)
def test_a_projected_result_always_says_so_and_nothing_published_changes(person: dict[str, Any], ask: Any) -> None:
    try:
        r = estimate_pension(**person, **ask)
    except InputError:  # contribution months beyond the working life: not this property's concern
        return
    except NotCovered as e:  # a retirement before the tables begin is never projected (only forward)
        assert e.covered_from is not None and e.on < e.covered_from
        return
    assert r.projected == ("projected" in _codes(r))
    if r.eligible and r.base_year is not None and r.base_year > 2025:  # no base beyond 2025 is published
        assert r.projected
    if r.projected:
        assert r.projected_amount == r.basic + r.adjustment  # type: ignore[operator]
        assert any(pv.projected for s in r.steps for pv in s.params)
        with pytest.raises(NotCovered) as refused:  # without projection: refused, with the hint
            estimate_pension(**person)
        assert "project=True" in refused.value.message_en and "--growth" in refused.value.message_en
    else:
        assert estimate_pension(**person).to_json() == r.to_json()  # projection changed nothing


# ---------------------------------------------------------------------------------------------
# The service and the command line


def test_the_service_reads_the_projection_from_the_body() -> None:
    pytest.importorskip("fastapi")
    pytest.importorskip("httpx")
    from fastapi.testclient import TestClient

    from jm_socialsec.service import app

    client = TestClient(app, raise_server_exceptions=False)
    body = {**MAN, "as_of": "2026-11-30"}
    refused = client.post("/pension/estimate_pension", json=body)
    assert refused.status_code == 400 and "project=True" in refused.json()["message_en"]
    ok = client.post("/pension/estimate_pension", json={**body, "project": True}).json()
    assert (ok["total"], ok["projected"], ok["projected_amount"]) == ("3960.19", True, "2994.04")
    bad = client.post("/pension/estimate_pension", json={**body, "assumptions": {"growth": {"pension.calc_base": 1}}})
    assert bad.status_code == 422 and bad.json()["field"] == "assumptions.growth[pension.calc_base]"


def test_cli_refuses_without_projection_and_names_the_flags(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(CLI_MAN) == 2
    err = capsys.readouterr().err
    assert "--project" in err and "--growth PARAM=RATE" in err


def test_cli_project_growth_and_assume(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*CLI_MAN, "--project", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["total"], data["projected"]) == ("3960.19", True)
    assert main([*CLI_MAN, "--growth", "pension.calc_base=2%", "--json"]) == 0  # 2% = 0.02: base 10276
    assert json.loads(capsys.readouterr().out)["base"] == "10276.00"
    assert main([*CLI_MAN, "--assume", "pension.calc_base:2029=10000", "--brief"]) == 0
    out = capsys.readouterr().out
    assert "〔预测〕" in out.splitlines()[0] and "3,766.15 元/月〔预测〕" in out and "2,800.00" in out


@pytest.mark.parametrize(
    ("flags", "named"),
    [
        (["--growth", "pension.calc_base=50%"], "--growth"),
        (["--growth", "pension.calc_base"], "--growth"),
        (["--growth", "pension.calc_base=fast"], "--growth"),
        (["--assume", "pension.calc_base=10000"], "--assume"),
        (["--assume", "pension.basic_rate_per_year:2029=0.02"], "--assume"),
    ],
)
def test_cli_bad_assumptions_name_the_flag(flags: list[str], named: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*CLI_MAN, *flags, "--json"]) == 2
    error = json.loads(capsys.readouterr().out)["error"]
    assert error["field"] == named and error["code"] == "input_invalid"


def test_cli_projection_flags_on_every_estimate_command(capsys: pytest.CaptureFixture[str]) -> None:
    commands = [
        ["retirement", "1966-01", "男"], ["unemployment", "2026-10", "--months", "60", "--reason", "辞退"],
        ["injury", "10", "2027-03-10", "6000"], ["death", "injury", "2027-03-10", "6000"],
        ["death", "pension", "2024-10-01", "--months", "200"], ["contribution", "pension", "2027-08", "3000"],
        ["contribution", "unemployment", "2026-10", "3000", "--city-average-wage", "9000"],
        ["contribution", "injury", "100000", "3", "2026-10"],
        ["checklist", "--birth", "1966-08", "--category", "男", "--months", "300", "--apply-on", "2026-12-14"],
    ]  # fmt: skip
    for argv in commands:
        assert main([*argv, "--as-of", "2026-11-30", "--project", "--json"]) == 0, argv
        assert "projected" in json.loads(capsys.readouterr().out), argv
    assert main(["injury", "10", "2027-03-10", "6000", "--as-of", "2026-11-30", "--project", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["projected"] is True  # the 2026 average wage is projected
