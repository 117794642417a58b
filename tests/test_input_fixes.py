"""The input bugs pinned by the fuzz, personal-data and sweep suites (issue 14), each fixed and kept.

1. ``lookup`` behind the API's error boundary, reading ``on``/``as_of`` with the shared converters;
2. ``injury_contribution(rates=...)`` refuses what is no rate table's name (it hashed it first);
3. ``retirement_month`` names its own keywords (``month``, ``work_type``, ``years_in_type``);
4. ``min_contribution_years`` names ``year`` and keeps to the sanity years;
5. ``plan_retirement(what_ifs=...)`` refuses what is no list, naming ``what_ifs``;
6. a plan's ``difference`` is signed money: negative when a row pays less, and the JSON reads back;
7. counts of months are bounded (:data:`~jm_socialsec.engine.limits.MOST_MONTHS`);
8. ``pension_contribution(flexible=...)`` takes a real bool only;
9. the injury and checklist dates are read by the shared converter (``datetime``, ISO text).

Expected values come from the tables' documents (named in each docstring, registered in
tables/sources.toml) or from the sanity limits of engine/limits.py, written out here.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import TypeAdapter

import jm_socialsec as jm
from jm_socialsec.engine.limits import EARLIEST_YEAR, LATEST_YEAR, MOST_MONTHS
from jm_socialsec.engine.money import Money
from jm_socialsec.engine.types import SignedMoney
from test_fuzz_space import budget

AS_OF = date(2026, 11, 21)
ID_NUMBER = 440781197109230033  # a made-up 居民身份证号码 pasted as a number (birth date 19710923)


def _refused(call: Any) -> jm.InputError:
    with pytest.raises(jm.InputError) as err:
        call()
    return err.value


# -- 1. lookup ----------------------------------------------------------------------------------

_FULL_WIDTH = str.maketrans("0123456789-", "０１２３４５６７８９－")


@pytest.mark.parametrize(
    "on",
    [
        date(2026, 9, 1),
        datetime(2026, 9, 1, 8, 30),
        "2026-09-01",
        "2026-09-01T08:30:00",
        "2026-09-01".translate(_FULL_WIDTH),
        "2026-09",
        "2026年9月",
        (2026, 9),
        [2026, 9],
        jm.YearMonth(2026, 9),
    ],
)
def test_lookup_reads_a_day_or_a_month_in_every_form_a_caller_sends(on: Any) -> None:
    """粤府函〔2026〕188号 (gd-minimum-wage-2026), 江门: 2040 元/月 from 2026-09-01; a month is
    read as its first day, a datetime as its date."""
    assert jm.lookup("wages.minimum_monthly", on, AS_OF).value == 2040


def test_lookup_reads_as_of_as_a_service_sends_it() -> None:
    """The 2026 minimum wage (gd-minimum-wage-2026) is known on 2026-11-21, whatever its form."""
    for as_of in ("2026-11-21", datetime(2026, 11, 21, 23, 59), "2026-11-21T23:59:00"):
        assert jm.lookup("wages.minimum_monthly", "2026-09-01", as_of).value == 2040
        assert jm.lookup("wages.minimum_monthly", "2026-09-01", as_of=as_of).value == 2040


def test_lookup_reads_a_whole_number_key_as_its_digits() -> None:
    """国发〔2005〕38号 附件 (state-council-2005-38): 计发月数 at 60 is 139."""
    assert jm.lookup("pension.annuity_months", date(2020, 1, 1), AS_OF, key=60).value == 139
    assert jm.lookup("pension.annuity_months", date(2020, 1, 1), AS_OF, key="60").value == 139


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"param": 3, "on": "2026-09-01"}, "param"),
        ({"param": None, "on": "2026-09-01"}, "param"),
        ({"param": "", "on": "2026-09-01"}, "param"),  # found by the fuzz: an empty id is no parameter
        ({"param": "  ", "on": "2026-09-01"}, "param"),
        ({"on": "2026-13-01"}, "on"),
        ({"on": "yesterday"}, "on"),
        ({"on": (None, 1)}, "on"),
        ({"on": (2026, 9, 1)}, "on"),
        ({"on": 20260901}, "on"),
        ({"on": Decimal("1E+999999")}, "on"),
        ({"on": "2500-01-01"}, "on"),  # after the sanity years
        ({"on": (1899, 12)}, "on"),  # before them
        ({"as_of": "tomorrow"}, "as_of"),
        ({"as_of": (2026, 11)}, "as_of"),
        ({"key": 1.5}, "key"),
        ({"key": True}, "key"),
        ({"key": ["60"]}, "key"),
        ({"overrides": "wages.minimum_monthly=1"}, "overrides"),
        ({"no_such_keyword": 1}, "arguments"),
    ],
)
def test_lookup_refuses_a_bad_argument_naming_it(kwargs: dict[str, Any], field: str) -> None:
    call = {"param": "wages.minimum_monthly", "on": date(2026, 9, 1), "as_of": AS_OF, **kwargs}
    err = _refused(lambda: jm.lookup(**call))
    assert err.field == field
    assert err.message_zh and err.message_en


def test_lookup_of_an_unknown_parameter_stays_not_covered() -> None:
    """As engine/params.py raises it: NotCovered naming the parameter (docs/architecture.md, Errors)."""
    with pytest.raises(jm.NotCovered) as err:
        jm.lookup("no.such.parameter", "2026-09-01", AS_OF)
    assert err.value.param == "no.such.parameter"


@budget(40)
@given(st.dates(date(2014, 1, 1), date(2032, 12, 31)), st.sampled_from(["iso", "datetime", "month", "pair"]))
def test_lookup_of_any_form_equals_the_lookup_of_its_day(day: date, form: str) -> None:
    """Whatever the form, the value is the one of its day (a month: its first day)."""
    on: Any = {
        "iso": day.isoformat(),
        "datetime": datetime(day.year, day.month, day.day, 17),
        "month": f"{day:%Y-%m}",
        "pair": (day.year, day.month),
    }[form]
    plain = day if form in ("iso", "datetime") else day.replace(day=1)
    try:
        expected = jm.lookup("wages.minimum_monthly", plain, AS_OF)
    except jm.NotCovered:
        with pytest.raises(jm.NotCovered):
            jm.lookup("wages.minimum_monthly", on, AS_OF)
        return
    assert jm.lookup("wages.minimum_monthly", on, AS_OF) == expected


# -- 2. injury_contribution(rates=...) ---------------------------------------------------------


@pytest.mark.parametrize("rates", [None, ["guangdong"], {}, Decimal("sNaN"), 1, "Guangdong "])
def test_injury_contribution_refuses_what_is_no_rate_table(rates: Any) -> None:
    err = _refused(lambda: jm.injury_contribution(100000, 3, "2026-10-01", rates=rates, as_of=AS_OF))
    assert err.field == "rates"


# -- 3. retirement_month names its own keywords ------------------------------------------------


def test_retirement_month_names_month_when_the_month_is_missing_or_outside_the_window() -> None:
    """国务院关于渐进式延迟法定退休年龄的办法 (retirement-reform-measures-2024) 第三条: a man born
    1966-01 reaches his original age 60 in 2026-01; flexible early retirement cannot be earlier."""
    assert _refused(lambda: jm.retirement_month("1966-01", "male", "flexible_early", as_of=AS_OF)).field == "month"
    early = _refused(lambda: jm.retirement_month("1966-01", "male", "flexible_early", "2025-12", as_of=AS_OF))
    assert early.field == "month"
    assert _refused(lambda: jm.retirement_month("1966-01", "male", month="x", as_of=AS_OF)).field == "month"


def test_retirement_month_names_the_minimum_years_on_month_and_reads_contribution_months() -> None:
    """办法第二条 and 附件4: 15 years (180 months) are needed for a retirement in 2026; 179 are
    refused (naming the month chosen), 180 allowed. contribution_months of the wrong kind is
    refused naming it (it used to be an internal error)."""
    short = _refused(
        lambda: jm.retirement_month(
            "1966-01", "male", "flexible_early", "2026-02", contribution_months=179, as_of=AS_OF
        )
    )
    assert short.field == "month"
    r = jm.retirement_month("1966-01", "male", "flexible_early", "2026-02", contribution_months=180, as_of=AS_OF)
    assert r.month == jm.YearMonth(2026, 2)
    flexible_early: Any = functools.partial(jm.retirement_month, "1966-01", "male", "flexible_early", "2026-02")
    for bad in ("x", -1, 1.5, ID_NUMBER):
        err = _refused(functools.partial(flexible_early, contribution_months=bad, as_of=AS_OF))
        assert err.field == "contribution_months"


def test_retirement_month_names_the_special_type_keywords() -> None:
    """劳部发〔1993〕120号 (mol-1993-120): other harmful work needs 8 years; 5 do not qualify."""
    assert _refused(lambda: jm.retirement_month("1971-01", "male", "special", as_of=AS_OF)).field == "work_type"
    no_years = _refused(lambda: jm.retirement_month("1971-01", "male", "special", work_type="harmful", as_of=AS_OF))
    assert no_years.field == "years_in_type"
    too_few = _refused(
        lambda: jm.retirement_month("1971-01", "male", "special", work_type="harmful", years_in_type=5, as_of=AS_OF)
    )
    assert too_few.field == "years_in_type"


def test_estimate_pension_keeps_its_own_field_names() -> None:
    """The same refusal through estimate_pension names its keyword ``retirement_month``."""
    person: dict[str, Any] = {"birth": "1966-01", "category": "male", "choice": "flexible_early", "as_of": AS_OF}
    err = _refused(lambda: jm.estimate_pension(contribution_months=300, average_index="1", account_balance=1, **person))
    assert err.field == "retirement_month"


# -- 4. min_contribution_years(year) -------------------------------------------------------------


@pytest.mark.parametrize(("year", "years"), [(2029, Decimal(15)), (2030, Decimal("15.5")), (2039, Decimal(20))])
def test_min_contribution_years_by_year(year: int, years: Decimal) -> None:
    """社会保险法第十六条 (15 years to 2029); 办法第二条, 附件4: +6 months a year from 2030, 20 from 2039."""
    assert jm.min_contribution_years(year, as_of=AS_OF) == years


@pytest.mark.parametrize(
    "year", [EARLIEST_YEAR - 1, LATEST_YEAR + 1, 0, -2030, 10**20, ID_NUMBER, True, "2030", 2030.0]
)
def test_min_contribution_years_refuses_naming_the_year(year: Any) -> None:
    err = _refused(lambda: jm.min_contribution_years(year, as_of=AS_OF))
    assert err.field == "year"
    assert "19710923" not in str(err)


# -- 5. plan_retirement(what_ifs=...) ------------------------------------------------------------

_PLAN: dict[str, Any] = {
    "birth": "1962-01", "category": "male", "contribution_months": 0, "average_index": "0.6",
    "account_balance": 0, "as_of": date(2026, 11, 1),
}  # fmt: skip


_NO_WHAT_IFS = [
    (None, "what_ifs"),
    (3, "what_ifs"),
    ("gap", "what_ifs"),
    ([3], "what_ifs[0]"),
    ([{"name": "x", "gap": 1}], "what_ifs[0].gap"),
]


@pytest.mark.parametrize(("what_ifs", "field"), _NO_WHAT_IFS)
def test_plan_retirement_refuses_what_ifs_that_are_no_list_of_what_ifs(what_ifs: Any, field: str) -> None:
    assert _refused(lambda: jm.plan_retirement(**_PLAN, what_ifs=what_ifs)).field == field


# -- 6. a signed difference ----------------------------------------------------------------------


def test_signed_money_takes_a_negative_amount_and_money_does_not() -> None:
    signed, money = TypeAdapter(SignedMoney), TypeAdapter(Money)
    assert signed.validate_python("-12.3") == Decimal("-12.3")
    assert signed.dump_json(Decimal("-12.3")) == b'"-12.30"'
    assert signed.validate_json(signed.dump_json(Decimal("-0.05"))) == Decimal("-0.05")
    with pytest.raises(ValueError):
        money.validate_python("-12.3")


def test_a_row_that_pays_less_than_the_statutory_one_has_a_negative_difference() -> None:
    """办法第三条: a man born 1970-01 may retire early from his original age 60 (2030-01) up to the
    statutory month (60 + 16 months: 2031-05, 附件1); an earlier month has fewer contribution years
    (国发〔2005〕38号 第六条: 1% of the base per year) and a larger 计发月数 (附件), so a smaller pension."""
    person: dict[str, Any] = {"birth": "1970-01", "category": "male", "as_of": date(2026, 11, 1)}
    plan = jm.plan_retirement(contribution_months=300, average_index="1", account_balance=100000, **person)
    statutory = plan.statutory
    assert statutory.total is not None
    earlier = [r for r in plan.rows if r.retirement_month < statutory.retirement_month and r.total is not None]
    assert earlier
    for row in earlier:
        assert row.total is not None and row.difference == row.total - statutory.total
        assert row.difference is not None and row.difference < 0
    assert type(plan).model_validate_json(plan.model_dump_json()) == plan


# -- 7. counts of months ------------------------------------------------------------------------


def test_the_months_limit_is_the_months_between_the_sanity_years() -> None:
    """engine/limits.py: (2200 − 1900) × 12 = 3600 months; no working life is longer."""
    assert MOST_MONTHS == (LATEST_YEAR - EARLIEST_YEAR) * 12 == 3600


_PLAN_AHEAD: dict[str, Any] = {**_PLAN, "birth": "1970-01"}  # retires after as_of: a plan is made
_COUNTS: dict[str, Callable[[int], Any]] = {
    "unemployment_benefit.contribution_months": lambda n: jm.unemployment_benefit("2026-10", "台山", n, as_of=AS_OF),
    "unemployment_benefit.unused_months": lambda n: jm.unemployment_benefit(
        "2026-10", "台山", 60, unused_months=n, as_of=AS_OF
    ),
    "pension_death_benefits.contribution_months": lambda n: jm.pension_death_benefits(
        date(2024, 6, 1), n, 50000, as_of=AS_OF
    ),
    "pension_death_benefits.pension_months_drawn": lambda n: jm.pension_death_benefits(
        date(2024, 6, 1), 240, 50000, pension_months_drawn=n, as_of=AS_OF
    ),
    "retirement_checklist.contribution_months": lambda n: jm.RetireeProfile(
        birth="1966-08", category="male", contribution_months=n
    ),
    "retirement_checklist.medical_months": lambda n: jm.RetireeProfile(
        birth="1966-08", category="male", contribution_months=300, medical_months=n
    ),
    "retirement_checklist.medical_local_months": lambda n: jm.RetireeProfile(
        birth="1966-08", category="male", contribution_months=300, medical_local_months=n
    ),
    "plan_retirement.contribution_months": lambda n: jm.plan_retirement(**{**_PLAN_AHEAD, "contribution_months": n}),
    "plan_retirement.deemed_months": lambda n: jm.plan_retirement(**_PLAN_AHEAD, deemed_months=n),
}


@pytest.mark.parametrize("where", sorted(_COUNTS))
@pytest.mark.parametrize("count", [MOST_MONTHS + 1, ID_NUMBER, 10**400])
def test_a_count_of_months_above_the_limit_is_refused_naming_it_and_not_shown(where: str, count: int) -> None:
    err = _refused(lambda: _COUNTS[where](count))
    assert err.field == where.split(".")[1]
    assert str(count) not in str(err) and "19710923" not in str(err) and "19710923" not in repr(err.to_dict())


@pytest.mark.parametrize("where", sorted(_COUNTS))
def test_a_count_at_the_limit_is_not_refused_for_its_size(where: str) -> None:
    """3600 months is implausible but not absurd: another rule may refuse it, never the bound."""
    try:
        _COUNTS[where](MOST_MONTHS)
    except jm.InputError as err:
        assert err.reason != "out_of_range" or err.field != where.split(".")[1], str(err)
    except jm.NotCovered:
        pass


@budget(30)
@given(st.integers(MOST_MONTHS + 1, 10**30))
def test_every_count_above_the_limit_is_refused(count: int) -> None:
    for where in ("unemployment_benefit.contribution_months", "pension_death_benefits.pension_months_drawn"):
        assert _refused(functools.partial(_COUNTS[where], count)).field == where.split(".")[1]


def test_the_cli_refuses_an_id_number_as_months_without_printing_it(capsys: pytest.CaptureFixture[str]) -> None:
    from jm_socialsec.cli import main

    assert (
        main(["unemployment", "2026-10", "--months", str(ID_NUMBER), "--reason", "dismissed", "--as-of", "2026-11-21"])
        == 2
    )
    out, err = capsys.readouterr()
    assert "--months" in out + err and "19710923" not in out + err


# -- 8. pension_contribution(flexible=...) --------------------------------------------------------


@pytest.mark.parametrize("flexible", ["yes", "true", 1, 0, None, "x", ID_NUMBER])
def test_pension_contribution_takes_a_real_bool_as_flexible(flexible: Any) -> None:
    err = _refused(lambda: jm.pension_contribution("2026-10", 6800, "台山", flexible=flexible, as_of=AS_OF))
    assert err.field == "flexible" and "19710923" not in str(err)


def test_a_flexible_worker_pays_the_whole_20_percent() -> None:
    """粤人社规〔2026〕14号 (gd-hrss-2026-14): 灵活就业人员 20%, 12% pooled and 8% to the account.
    6800 lies inside the 2025-07 window (4775–27549, gd-hrss-2025-32), which still applies in
    2026-10: 6800 × 8% = 544.00, 6800 × 12% = 816.00, together 1360.00."""
    c = jm.pension_contribution("2026-10", 6800, "台山", flexible=True, as_of=AS_OF)
    assert (c.employee, c.employer, c.total) == (Decimal("544.00"), Decimal("816.00"), Decimal("1360.00"))


# -- 9. dates by the shared converter -------------------------------------------------------------


@pytest.mark.parametrize(
    "injured_on",
    [datetime(2025, 3, 10, 9, 30), "2025-03-10T09:30:00", "2025-03-10".translate(_FULL_WIDTH), " 2025-03-10 "],
)
def test_an_injury_day_in_any_form_is_its_date(injured_on: Any) -> None:
    by_form = jm.own_wage(8000, injured_on, as_of=AS_OF)
    by_date = jm.own_wage(8000, date(2025, 3, 10), as_of=AS_OF)
    assert by_form.to_json() == by_date.to_json()


def test_an_injury_month_is_still_its_first_day() -> None:
    """A month as a day keeps its meaning (the first day), as before the shared converter."""
    assert jm.own_wage(8000, "2025-03", as_of=AS_OF).to_json() == jm.own_wage(8000, "2025-03-01", as_of=AS_OF).to_json()


@pytest.mark.parametrize(
    ("value", "words"), [("2025-02-30", "不是日期"), ("2500-01-01", "1900–2200"), ([2025], "不是日期")]
)
def test_a_bad_injury_day_is_refused_naming_the_field(value: Any, words: str) -> None:
    err = _refused(lambda: jm.injury_contribution(100000, 3, value, as_of=AS_OF))
    assert err.field == "on" and words in err.message_zh


@pytest.mark.parametrize("apply_on", [datetime(2026, 12, 14, 10), "2026-12-14T10:00:00", "２０２６－１２－１４"])
def test_the_checklist_reads_the_application_day_as_its_date(apply_on: Any) -> None:
    profile = {"birth": "1966-08", "category": "male", "contribution_months": 300}
    by_form = jm.retirement_checklist(profile, apply_on, as_of=AS_OF)
    by_date = jm.retirement_checklist(profile, date(2026, 12, 14), as_of=AS_OF)
    assert by_form.due_date == by_date.due_date and by_form.apply_on == date(2026, 12, 14)


@pytest.mark.parametrize(
    ("apply_on", "words"), [("14/12/2026", "应为日期"), (20261214, "应为日期"), ("2201-01-01", "1900–2200")]
)
def test_a_bad_application_day_is_refused_naming_it(apply_on: Any, words: str) -> None:
    profile = {"birth": "1966-08", "category": "male", "contribution_months": 300}
    err = _refused(lambda: jm.retirement_checklist(profile, apply_on, as_of=AS_OF))
    assert err.field == "apply_on" and words in err.message_zh


@pytest.mark.parametrize(
    "birth", ["1966-08-15", "1966-08-15T00:00:00", "１９６６－０８－１５", datetime(1966, 8, 15, 6)]
)
def test_a_profile_birth_day_in_any_form_counts_by_its_month(birth: Any) -> None:
    assert jm.RetireeProfile(birth=birth, category="male", contribution_months=300).birth == jm.YearMonth(1966, 8)


@pytest.mark.parametrize(("birth", "words"), [("1966-02-30", "不是有效日期"), ("1899-12-31", "1900–2200")])
def test_a_bad_profile_birth_day_is_refused_naming_birth(birth: str, words: str) -> None:
    err = _refused(lambda: jm.RetireeProfile(birth=birth, category="male", contribution_months=300))
    assert err.field == "birth" and words in err.message_zh
