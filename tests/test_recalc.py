"""Back pay when the year's base is published (补发, issue 11 item 4).

The hand case is the Zhongshan determination sheet (tests/data/pension_cases.toml): retirement
2025-03 at 55y1m, granted on 2025-04-15 on the 2024 base 9307 (预发, total 1688.94), recalculated
on 2025-11-01 on the 2025 base 9493 (粤人社发〔2025〕32号, published 2025-10-27).
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jm_socialsec import InputError, NotCovered, estimate_pension
from jm_socialsec.cli import main
from jm_socialsec.engine.months import YearMonth
from jm_socialsec.pension import PensionRecalculation, recalculate

GRANTED_ON = date(2025, 4, 15)
SHEET = {
    "retirement_month": "2025-03", "age": (55, 1), "contribution_months": 208,
    "average_index": "0.5241", "account_balance": "66720.85",
}  # fmt: skip
CLI_SHEET = ["recalc", "--retirement-month", "2025-03", "--age", "55", "1", "--months", "208",
             "--index", "0.5241", "--balance", "66720.85"]  # fmt: skip


@pytest.fixture(scope="module")
def granted() -> Any:
    return estimate_pension(**SHEET, as_of=GRANTED_ON)


def test_the_zhongshan_sheet_recalculated_on_the_2025_base(granted: Any) -> None:
    assert (granted.total, granted.base, granted.provisional) == (Decimal("1688.94"), Decimal(9307), True)
    r = recalculate(granted, as_of=date(2025, 11, 1))
    assert isinstance(r, PensionRecalculation)
    # New sheet (tests/test_pension.py): a = 0.5241 / 0.6 = 0.8735; 9493 × (0.8735 + 0.5241) / 2
    # × 208/12 × 1% = 1149.84; account 66720.85 / 169.5 = 393.63 and transitional 100 + 4 × 17
    # = 168.00 do not read the base; total 1149.84 + 393.63 + 168.00 = 1711.47.
    assert (r.base, r.base_year, r.basic, r.account, r.transitional, r.adjustment, r.total) == (
        Decimal(9493), 2025, Decimal("1149.84"), Decimal("393.63"), Decimal("168.00"), Decimal("0.00"),
        Decimal("1711.47"),
    )  # fmt: skip
    assert (r.granted_base, r.granted_base_year, r.granted_total) == (Decimal(9307), 2024, Decimal("1688.94"))
    # Monthly difference: 1711.47 − 1688.94 = 22.53.
    assert r.monthly_difference == Decimal("22.53")
    # Months back: the pension starts the month after retirement, 2025-04; the recalculation is in
    # 2025-11, counted too: 04, 05, 06, 07, 08, 09, 10, 11 = 8 months. Back pay 22.53 × 8 = 180.24.
    assert (r.first_month, r.last_month, r.months_back) == (YearMonth(2025, 4), YearMonth(2025, 11), 8)
    assert r.back_pay == Decimal("180.24")
    assert r.granted_on == GRANTED_ON and r.as_of == date(2025, 11, 1)


def test_the_explanation_shows_the_new_lines_then_the_back_pay(granted: Any) -> None:
    r = recalculate(granted, as_of=date(2025, 11, 1))
    ids = [s.id for s in r.steps]
    assert ids[-4:] == ["granted_pension", "monthly_difference", "months_back", "back_pay"]
    assert "basic_pension" in ids and "total_pension" in ids
    text, english = r.explain(), r.explain("en")
    assert "1711.47 − 1688.94 = 22.53" in text and "22.53 × 8 = 180.24" in text
    assert "补发金额：180.24 元" in text and "back pay: 180.24 yuan" in english
    assert "months_back_convention" in {w.code for w in r.warnings}
    assert "provisional" not in {w.code for w in r.warnings}  # the base is published now
    assert r.to_json()["back_pay"] == "180.24"


def test_refused_while_the_base_is_still_not_published(granted: Any) -> None:
    with pytest.raises(NotCovered) as err:
        recalculate(granted, as_of=date(2025, 10, 26))  # the day before 粤人社发〔2025〕32号 was published
    assert err.value.param == "pension.calc_base"
    assert "2025 年的养老金计发基数在 2025-10-26 尚未公布" in err.value.message_zh
    assert "not yet published on 2025-10-26" in err.value.message_en


def test_only_a_provisional_pension_is_recalculated(granted: Any) -> None:
    final = estimate_pension(**SHEET, as_of=date(2025, 11, 1))
    with pytest.raises(InputError) as err:
        recalculate(final, as_of=date(2025, 12, 1))
    assert err.value.field == "estimate" and "not provisional" in err.value.message_en
    short = estimate_pension(**{**SHEET, "contribution_months": 100}, as_of=GRANTED_ON)
    with pytest.raises(InputError) as err:
        recalculate(short, as_of=date(2025, 11, 1))
    assert err.value.field == "estimate" and "minimum" in err.value.message_en
    with pytest.raises(InputError) as err:
        recalculate("1688.94", as_of=date(2025, 11, 1))  # type: ignore[arg-type]
    assert err.value.field == "estimate"
    with pytest.raises(InputError) as err:
        recalculate(granted, as_of=date(2025, 4, 1))
    assert err.value.field == "as_of"


def test_no_months_back_before_the_pension_starts() -> None:
    # Retirement 2025-12 at 60y3m, granted 2025-10-01 on the 2024 base; recalculated 2025-11-01:
    # the pension starts 2026-01, after the recalculation month: nothing to pay back yet.
    early = estimate_pension(
        retirement_month="2025-12", age=(60, 3), contribution_months=360, average_index="1.0",
        account_balance="100000", as_of=date(2025, 10, 1),
    )  # fmt: skip
    assert early.provisional
    r = recalculate(early, as_of=date(2025, 11, 1))
    # 30 years: the basic pension rises by (9493 − 9307) × (1 + 1.0) / 2 × 30 × 1% = 55.80 a month
    assert r.monthly_difference == Decimal("55.80")
    assert (r.first_month, r.months_back, r.back_pay) == (YearMonth(2026, 1), 0, Decimal("0.00"))


@given(
    index=st.decimals("0.30", "3", places=4),
    months=st.integers(180, 460),
    balance=st.decimals("0", "500000", places=2),
    days=st.integers(0, 400),
    deemed=st.one_of(st.none(), st.tuples(st.integers(1, 120), st.decimals("0.5", "10", places=2))),
)
@settings(max_examples=40, deadline=None)
def test_back_pay_is_zero_when_the_published_base_equals_the_provisional_one(
    index: Decimal, months: int, balance: Decimal, days: int, deemed: Any
) -> None:
    extra: dict[str, Any] = {}
    if deemed is not None:
        extra = {"deemed_months": min(deemed[0], months), "deemed_account": "0", "weighted_deemed_years": deemed[1]}
    granted = estimate_pension(
        **{**SHEET, "contribution_months": months, "average_index": index, "account_balance": balance},
        **extra, as_of=GRANTED_ON,
    )  # fmt: skip
    as_of = date(2025, 10, 28) + timedelta(days=days)
    # The year's base "published" at the provisional figure: an override of pension.calc_base.
    r = recalculate(granted, as_of=as_of, overrides={"pension.calc_base": str(granted.base)})
    assert r.total == granted.total and r.monthly_difference == 0 and r.back_pay == 0
    # months back: 2025-04 through the month of as_of, both counted
    assert r.months_back == (as_of.year - 2025) * 12 + as_of.month - 4 + 1
    # and on the real 2025 base the back pay is the difference for each of those months
    real = recalculate(granted, as_of=as_of)
    assert real.back_pay == real.monthly_difference * real.months_back
    assert real.monthly_difference == (real.basic - granted.basic) + (real.adjustment - granted.adjustment)


def test_cli_recalc_prints_the_back_pay(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*CLI_SHEET, "--granted-on", "2025-04-15", "--as-of", "2025-11-01", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["monthly_difference"], data["months_back"], data["back_pay"]) == ("22.53", 8, "180.24")
    assert main([*CLI_SHEET, "--granted-on", "2025-04-15", "--as-of", "2025-11-01", "--brief"]) == 0
    out = capsys.readouterr().out
    assert "补发金额：180.24 元" in out and "补发月数：8 个月" in out
    assert main([*CLI_SHEET, "--granted-on", "2025-04-15", "--as-of", "2025-11-01", "--lang", "en"]) == 0
    assert "back pay = 180.24 yuan" in capsys.readouterr().out


def test_cli_recalc_errors_name_the_flags(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*CLI_SHEET, "--granted-on", "2025-11-15", "--as-of", "2025-11-20", "--json"]) == 2
    assert json.loads(capsys.readouterr().out)["error"]["field"] == "--granted-on"  # not provisional
    assert main([*CLI_SHEET, "--granted-on", "15/04/2025", "--as-of", "2025-11-20", "--json"]) == 2
    assert json.loads(capsys.readouterr().out)["error"]["field"] == "--granted-on"
    assert main([*CLI_SHEET, "--granted-on", "2025-04-15", "--as-of", "2025-10-01"]) == 2
    assert "pension.calc_base" in capsys.readouterr().err  # still not published: not covered
    assert main([*CLI_SHEET, "--as-of", "2025-11-01"]) == 2  # --granted-on is required
    assert "--granted-on" in capsys.readouterr().err
