"""The retirement planner (issue 11, items 2, 3 and the ``plan`` command of item 5).

Expected values are hand calculations written out here from the tables' published figures
(2025 pension base 9493, the 2025-07 window's limits 4775 / 27549, the 2024 provincial average
wage 9183, 8% to the account: tables/pension/*.toml, tables/wages/wages.toml) and the retirement
annexes (a man born 1967-01 retires at 60 years 7 months, 2027-08; born 1976-09, at 63, 2039-09).
"""

from __future__ import annotations

import argparse
import itertools
import json
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from jm_socialsec import estimate_pension, statutory_retirement
from jm_socialsec.engine.errors import InputError, NotCovered, SocialSecError
from jm_socialsec.engine.months import YearMonth
from jm_socialsec.planner import Gap, Kind, PlanAssumptions, WhatIf, plan_retirement
from jm_socialsec.planner.path import PlanParams, Today, project_path
from jm_socialsec.planner.plan import Run  # noqa: F401  (the module imports cleanly)
from jm_socialsec.planner.rows import catch_up

AS_OF = date(2026, 11, 30)
#: No growth of any figure published per period: every projected figure is its last published one.
FLAT = {
    "pension.calc_base": 0,
    "pension.contribution.base_lower": 0,
    "pension.contribution.base_upper": 0,
    "wages.provincial_average_monthly": 0,
}
PERSON: dict[str, Any] = {
    "birth": "1967-01",
    "category": "male",
    "contribution_months": 336,
    "average_index": "1.0",
    "account_balance": "100000",
    "region": "开平",
    "as_of": AS_OF,
}
FEN = Decimal("0.01")


def _fen(x: Decimal) -> Decimal:
    return x.quantize(FEN, ROUND_HALF_UP)


# ---------------------------------------------------------------------------------------------
# The path, by hand


def _path(a: PlanAssumptions, until: str, months: int = 336, index: str = "1.0", balance: str = "100000") -> Any:
    params = PlanParams(AS_OF, None, a)
    from jm_socialsec.planner.path import Contributions

    today = Today(YearMonth(1968, 7), YearMonth(2026, 11), months, Decimal(index), Decimal(balance))
    return project_path(Contributions(params, a, Decimal(index)), today, a, YearMonth.of(until))


def test_two_months_of_contributions_and_interest_by_hand() -> None:
    """Index 1.0 on the 2024 average 9183 (the 2025 one is not out: provisional) → base 9183, within
    [4775, 27549]; 8% → 734.64 a month. Interest at the default 2.62% on the month balances (月积数):
    November 100734.64 × 0.0262 ÷ 12 = 219.94; December (100734.64 + 101469.28) × 0.0262 ÷ 12 = 441.48.
    With no growth the 2026 average (for 2027's index) is 9183 too: January adds 734.64 again."""
    path = _path(PlanAssumptions(growth=FLAT), "2027-01")
    nov, dec = path.at(YearMonth(2026, 11)), path.at(YearMonth(2026, 12))
    assert (nov.months, nov.index, nov.balance) == (337, Decimal("1.0000"), Decimal("100954.58"))
    assert (dec.months, dec.balance) == (338, Decimal("101910.76"))
    # credited at the year end: January starts from 101910.76, plus 734.64 and a month's interest
    jan = path.at(YearMonth(2027, 1))
    assert jan.balance == _fen(Decimal("101910.76") + Decimal("734.64")) + _fen(
        (Decimal("101910.76") + Decimal("734.64")) * Decimal("0.0262") / 12
    )
    assert not nov.projected and jan.projected  # the 2026 average wage (for 2027) is not published


def test_a_gap_adds_no_months_and_no_deposit_but_interest() -> None:
    a = PlanAssumptions(gaps=(Gap(months=2),), crediting_rate=Decimal("0.03"))
    dec = _path(a, "2026-12").at(YearMonth(2026, 12))
    assert dec.months == 336
    assert dec.balance == Decimal(100000) + _fen(Decimal(200000) * Decimal("0.03") / 12)  # 500.00


def test_a_low_index_is_held_at_the_lower_limit() -> None:
    """Index 0.3 × 9183 = 2754.90 < 4775: the base is 4775, 8% = 382.00, its index 4775 ÷ 9183."""
    a = PlanAssumptions(index=Decimal("0.3"), crediting_rate=Decimal(0))
    nov = _path(a, "2026-11", months=120, index="0.5", balance="0").at(YearMonth(2026, 11))
    assert nov.balance == Decimal("382.00")
    expected = (Fraction(1, 2) * 120 + Fraction(4775, 9183)) / 121
    assert nov.index == Decimal(str(round(float(expected), 4)))


def test_a_month_before_the_start_is_refused_naming_the_field() -> None:
    with pytest.raises(InputError) as e:
        _path(PlanAssumptions(), "2027-01").at(YearMonth(2026, 10))
    assert e.value.field == "retirement_month"


# ---------------------------------------------------------------------------------------------
# The plan


def test_zero_growth_statutory_row_equals_estimate_pension_on_the_projected_inputs() -> None:
    """Born 1967-01 → statutory 2027-08; 2026-11 … 2027-08 is 10 months at 734.64, crediting 0:
    balance 100000 + 7346.40; 346 months; index 1.0. With no growth the 2027 base is 2025's 9493,
    so estimate_pension with that base given as an override must agree to the 分."""
    a = PlanAssumptions(growth=FLAT, crediting_rate=Decimal(0))
    plan = plan_retirement(**PERSON, assumptions=a)
    row = plan.statutory
    assert (str(row.retirement_month), row.contribution_months) == ("2027-08", 346)
    assert row.account_balance == Decimal("107346.40") and row.average_index == Decimal("1.0000")
    direct = estimate_pension(
        birth="1967-01", category="male", contribution_months=346, average_index="1.0000",
        account_balance="107346.40", region="开平", as_of=AS_OF, overrides={"pension.calc_base": "9493"},
    )  # fmt: skip
    assert row.base == Decimal(9493) and row.projected
    for line in ("basic", "account", "transitional", "adjustment", "total"):
        assert getattr(row, line) == getattr(direct, line), line


def test_projection_off_refuses_with_the_hint() -> None:
    with pytest.raises(NotCovered) as e:
        plan_retirement(**PERSON, project=False)
    assert "project=True" in e.value.message_en and "--project" in e.value.message_zh


def test_the_full_window_gives_36_early_36_late_and_the_statutory_row() -> None:
    """Born 1976-09: statutory at 63 (annex 1, full delay) → 2039-09; early from 60 (2036-09)."""
    plan = plan_retirement(**{**PERSON, "birth": "1976-09", "contribution_months": 240})
    kinds = [r.kind for r in plan.rows]
    assert kinds.count(Kind.FLEXIBLE_EARLY) == 36 and kinds.count(Kind.FLEXIBLE_LATE) == 36
    assert kinds.count(Kind.STATUTORY) == 1 and str(plan.statutory.retirement_month) == "2039-09"
    assert str(plan.rows[0].retirement_month) == "2036-09" and str(plan.rows[-1].retirement_month) == "2042-09"


def test_short_of_the_minimum_gives_the_shortfall_no_early_rows_and_a_top_up() -> None:
    """150 months + 10 to 2027-08 = 160 < 15 years (180): 20 months short; early retirement needs the
    minimum beforehand (no early row); a lump sum of 20 months makes the pension payable."""
    plan = plan_retirement(**{**PERSON, "contribution_months": 150}, what_ifs=[WhatIf(name="补缴", top_up=True)])
    row = plan.statutory
    assert (row.eligible, row.missing_months, row.total) == (False, 20, None)
    assert not [r for r in plan.rows if r.kind is Kind.FLEXIBLE_EARLY]
    topped = next(r for r in plan.rows if r.kind is Kind.WHAT_IF)
    assert topped.eligible and topped.top_up_months == 20 and topped.contribution_months == 180
    assert "差 20 个月" in plan.explain() and "20 months short" in plan.explain("en")


def test_a_top_up_before_the_statutory_month_is_refused() -> None:
    with pytest.raises(InputError) as e:
        plan_retirement(**PERSON, what_ifs=[WhatIf(name="x", top_up=True, month="2027-01")])
    assert e.value.field == "what_ifs[0].top_up"


def test_what_ifs_another_index_and_a_gap() -> None:
    plan = plan_retirement(**PERSON, what_ifs=[{"name": "高指数", "index": "1.5"}, {"name": "断缴", "gap_months": 6}])
    high, gap = (r for r in plan.rows if r.kind is Kind.WHAT_IF)
    stat = plan.statutory
    assert high.average_index > stat.average_index and high.total > stat.total  # type: ignore[operator]
    assert gap.contribution_months == stat.contribution_months - 6 and gap.total < stat.total  # type: ignore[operator]


def test_catch_up_by_hand() -> None:
    """12 months later at 3300 instead of 3000: 12 × 3000 ÷ 300 = 120 months to catch up."""
    assert catch_up(12, Fraction(3000), Fraction(3300)) == 120
    assert catch_up(1, Fraction(100), Fraction(150)) == 2
    assert catch_up(1, Fraction(100), Fraction(130)) == 4  # 10/3 → 4 (3 months are not enough)
    assert catch_up(12, Fraction(3000), Fraction(3000)) is None


def test_catch_up_months_in_the_table_are_the_least_that_suffice() -> None:
    plan = plan_retirement(**PERSON)
    stat = plan.statutory
    for r in plan.rows:
        if r.catch_up_months is None:
            continue
        earlier, later = sorted((r, stat), key=lambda x: x.retirement_month)
        gap, n = later.retirement_month - earlier.retirement_month, r.catch_up_months
        assert n * later.total >= (n + gap) * earlier.total  # type: ignore[operator]
        assert (n - 1) * later.total < (n - 1 + gap) * earlier.total  # type: ignore[operator]


# ---------------------------------------------------------------------------------------------
# Bad input


@pytest.mark.parametrize(
    ("assumptions", "field"),
    [
        ({"crediting_rate": "0.5"}, "assumptions.crediting_rate"),
        ({"crediting_rate": "-0.01"}, "assumptions.crediting_rate"),
        ({"crediting_by_year": {2028: "0.4"}}, "assumptions.crediting_by_year"),
        ({"growth": {"pension.calc_base": "0.31"}}, "assumptions.growth"),
        ({"growth": {"pension.calc_base": "-0.11"}}, "assumptions.growth"),
        ({"index": "3.5"}, "assumptions.index"),
        ({"start": "1980-01"}, "assumptions.start"),  # before the 16th birthday (1983-01)
        ({"start": "2027-09"}, "assumptions.start"),  # after the statutory month 2027-08
    ],
)
def test_bad_assumptions_are_refused_naming_the_field(assumptions: dict[str, Any], field: str) -> None:
    with pytest.raises(InputError) as e:
        plan_retirement(**PERSON, assumptions=assumptions)
    assert e.value.field.startswith(field), e.value.field
    assert e.value.message_zh and e.value.message_en


def test_a_balance_without_any_account_month_is_an_error() -> None:
    with pytest.raises(InputError) as e:
        plan_retirement(**{**PERSON, "contribution_months": 100}, deemed_months=100, weighted_deemed_years="8")
    assert e.value.field == "account_balance"


def test_a_balance_beyond_the_ceiling_is_a_warning() -> None:
    """336 months × 27549 × 8% = 740517.12: more than that is flagged, the plan still given."""
    plan = plan_retirement(**{**PERSON, "account_balance": "740517.13"})
    assert plan.warnings[0].code == "balance_implausible" and "740517.12" in plan.warnings[0].zh
    ok = plan_retirement(**{**PERSON, "account_balance": "740517.12"})
    assert "balance_implausible" not in {w.code for w in ok.warnings}


# ---------------------------------------------------------------------------------------------
# Properties

people = st.fixed_dictionaries(
    {
        "birth": st.builds(lambda y, m: f"{y}-{m:02d}", st.integers(1966, 1980), st.integers(1, 12)),
        "category": st.sampled_from(["male", "female_55", "female_50"]),
        "contribution_months": st.integers(120, 300),
        "average_index": st.decimals("0.6", "2.0", places=2),
        "account_balance": st.decimals("0", "200000", places=2),
    }
)
_SLOW = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _fits(p: dict[str, Any]) -> bool:
    statutory = statutory_retirement(p["birth"], p["category"], as_of=AS_OF).year_month
    return statutory >= YearMonth(2026, 11) and p["contribution_months"] <= (statutory - YearMonth.of(p["birth"])) - 192


@_SLOW
@given(
    index=st.decimals("0.3", "3", places=2),
    gaps=st.lists(st.tuples(st.integers(0, 40), st.integers(0, 24)), max_size=3),
    rate=st.decimals("0", "0.3", places=4),
)
def test_a_later_month_never_has_a_lower_balance_or_fewer_months(
    index: Decimal, gaps: list[Any], rate: Decimal
) -> None:
    a = PlanAssumptions(
        index=index, crediting_rate=rate, gaps=tuple(Gap(start=YearMonth(2026, 11) + s, months=n) for s, n in gaps)
    )
    path = _path(a, "2031-12")
    points = [path.at(YearMonth(2026, 11) + n) for n in range(62)]
    for before, after in itertools.pairwise(points):
        assert after.months >= before.months and after.balance >= before.balance


@_SLOW
@given(person=people)
def test_the_table_always_contains_the_statutory_row_and_marks_projections(person: dict[str, Any]) -> None:
    assume(_fits(person))
    plan = plan_retirement(**person, region="台山", as_of=AS_OF)
    statutory = statutory_retirement(person["birth"], person["category"], as_of=AS_OF).year_month
    assert [r.retirement_month for r in plan.rows if r.kind is Kind.STATUTORY] == [statutory]
    for r in plan.rows:
        # the pension base of 2027 on is not published on 2026-11-30: any amount from then is projected
        if r.total is not None and r.retirement_month.year >= 2027:
            assert r.projected
    if any(r.projected for r in plan.rows):
        assert "projected" in {w.code for w in plan.warnings}


@_SLOW
@given(person=people)
def test_zero_growth_statutory_row_equals_the_hand_projection(person: dict[str, Any]) -> None:
    """Crediting 0 and no growth: each month to the statutory one adds a month at
    8% × min(max(index × 9183, 4775), 27549) and that base ÷ 9183 to the index sum."""
    assume(_fits(person))
    a = PlanAssumptions(growth=FLAT, crediting_rate=Decimal(0))
    row = plan_retirement(**person, region="台山", as_of=AS_OF, assumptions=a).statutory
    n = row.retirement_month - YearMonth(2026, 11) + 1
    base = min(max(person["average_index"] * 9183, Decimal(4775)), Decimal(27549))
    months = person["contribution_months"] + n
    total = Fraction(person["average_index"]) * person["contribution_months"] + Fraction(base) / 9183 * n
    index = (Decimal(total.numerator) / Decimal(total.denominator) / months).quantize(Decimal("0.0001"), ROUND_HALF_UP)
    balance = person["account_balance"] + n * _fen(base * Decimal("0.08"))
    assert (row.contribution_months, row.average_index, row.account_balance) == (months, index, balance)
    direct = estimate_pension(
        birth=person["birth"], category=person["category"], contribution_months=months, average_index=index,
        account_balance=balance, region="台山", as_of=AS_OF,
        overrides={"pension.calc_base": "9493"} if row.retirement_month.year >= 2027 else None,
    )  # fmt: skip
    assert row.total == direct.total and row.missing_months == direct.missing_months


# ---------------------------------------------------------------------------------------------
# Renderers and the command line


def test_text_html_json() -> None:
    plan = plan_retirement(**PERSON, what_ifs=[WhatIf(name="高指数", index="1.5")])
    zh, en = plan.explain(), plan.explain("en")
    assert "退休规划" in zh and "2027-08" in zh and "默认" in zh and "记账利率" in zh
    assert "Retirement plan" in en and "crediting rate" in en and "default" in en
    page = plan.to_html("en")
    assert page.startswith("<div class='jm-socialsec'") and "jm-badge jm-projected" in page and "<table>" in page
    data = json.loads(json.dumps(plan.to_json()))
    stat = next(r for r in data["rows"] if r["kind"] == "statutory")
    assert stat["retirement_month"] == "2027-08" and stat["total"] == f"{plan.statutory.total:.2f}"
    assert stat["projected"] is True and data["assumptions"][1]["name"] == "crediting_rate"
    with pytest.raises(InputError):
        plan.explain("fr")


def test_the_chart_is_a_png(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib", reason='the chart needs the plot extra: pip install ".[plot]"')
    out = plan_retirement(**PERSON).to_png(tmp_path / "plan.png", "en")
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def _cli(argv: list[str]) -> Any:
    from jm_socialsec.planner.cli import add_parser

    parser = argparse.ArgumentParser()
    add_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    return args.func(args)


BASE = ["plan", "--birth", "1967-01", "--category", "男", "--months", "336", "--index", "1.0", "--balance", "100000",
        "--region", "开平", "--as-of", "2026-11-30"]  # fmt: skip


def test_cli_prints_the_table_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        _cli([*BASE, "--growth", "pension.calc_base=2%", "--assume", "index:2027=1.2", "--what-if", "高:index=1.5"])
        == 0
    )
    out = capsys.readouterr().out
    assert "法定退休" in out and "2027-08" in out and "假设：高" in out
    assert _cli([*BASE, "--json", "--lang", "en"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["statutory_month"] == "2027-08" and data["plot"] is None


@pytest.mark.parametrize(
    ("flags", "flag"),
    [
        (["--crediting-rate", "50%"], "--crediting-rate"),
        (["--growth", "foo=0.02"], "--growth"),
        (["--growth", "pension.calc_base=0.5"], "--growth"),
        (["--assume", "index:x=1"], "--assume"),
        (["--index-ahead", "9"], "--index-ahead"),
        (["--start", "1970-01"], "--start"),
        (["--what-if", "x:colour=red"], "--what-if"),
    ],
)
def test_cli_errors_name_the_flag(flags: list[str], flag: str) -> None:
    with pytest.raises(SocialSecError) as e:
        _cli([*BASE, *flags])
    assert isinstance(e.value, InputError) and e.value.field == flag


def test_cli_plot(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("matplotlib", reason='the chart needs the plot extra: pip install ".[plot]"')
    target = tmp_path / "p.png"
    assert _cli([*BASE, "--plot", str(target)]) == 0
    assert target.read_bytes()[:4] == b"\x89PNG" and str(target) in capsys.readouterr().out


def test_a_bad_what_if_names_its_place() -> None:
    with pytest.raises(InputError) as e:
        plan_retirement(**PERSON, what_ifs=[{"name": "ok"}, {"name": "x", "gap_months": -1}])
    assert e.value.field == "what_ifs[1].gap_months"


def test_a_gap_longer_than_a_working_life_is_refused_naming_the_gap(capsys: pytest.CaptureFixture[str]) -> None:
    """A gap (断缴) is at most a working life (engine/limits.py ``MOST_MONTHS``, 3600 months: the
    library's sanity years 1900–2200): a longer one is a typo, refused naming the gap — not an
    internal date overflow naming ``value`` (found by mutation testing, 2026-11-30)."""
    kw = {"birth": "1968-07", "category": "male", "contribution_months": 336, "average_index": "1.0",
          "account_balance": "100000", "as_of": date(2026, 11, 30)}  # fmt: skip
    with pytest.raises(InputError) as refused:
        plan_retirement(**kw, assumptions={"gaps": [{"months": 10**20}]})  # type: ignore[arg-type]
    assert refused.value.field == "assumptions.gaps[0].months" and "3600" in refused.value.why_en
    assert Gap(months=3600).months == 3600  # the bound itself is a gap
    from jm_socialsec.cli import main

    assert main([*BASE, "--gap", "2028-01:99999999999999999999"]) == 2
    err = capsys.readouterr().err
    assert "输入项 --gap 有误" in err and "invalid --gap:" in err and "3600" in err
