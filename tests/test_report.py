"""The parameter report looks ahead (issue 12, item 6): values that expire, figures due.

Mechanism tests use synthetic documents and parameters (not figures of the law), with the
expected dates worked out by hand in each test; one test reads the shipped tables.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jm_socialsec.engine.report import Outlook, document_report, outlook, param_report, render_report
from jm_socialsec.engine.tables import documents, load_all, registry

REGISTER = """
[[document]]
id = "doc-a"
title = "某通知"
issuer = "某厅"
read_in = ["official page"]
verified_on = 2026-11-01

[[document]]
id = "doc-valid"
number = "某规〔2025〕1号"
title = "有效期至2027年3月的办法"
issuer = "某厅"
valid_until = 2027-03-31
read_in = ["official page"]
verified_on = 2026-11-01
"""

PARAMS = """
[[param]]
id = "x.base"
label_zh = "计发基数"
label_en = "base"
unit = "yuan_per_month"
interim = "previous"
covered_until = 2026-12-31

[[param.values]]
since = 2023-01-01
until = 2023-12-31
value = 100
published = 2023-10-28
status = "official"
source = { doc = "doc-a" }

[[param.values]]
since = 2024-01-01
until = 2024-12-31
value = 110
published = 2024-11-15
status = "official"
source = { doc = "doc-a" }

[[param.values]]
since = 2025-01-01
until = 2025-12-31
value = 120
published = 2025-09-30
status = "official"
source = { doc = "doc-a" }

[[param]]
id = "x.minimum"
label_zh = "最低工资"
label_en = "minimum wage"
unit = "yuan_per_month"
until_replaced = true

[[param.values]]
since = 2017-01-01
until = 2018-12-31
value = 1000
status = "official"
source = { doc = "doc-a" }

[[param.values]]
since = 2019-01-01
until = 2021-06-30
value = 1100
status = "official"
source = { doc = "doc-a" }

[[param.values]]
since = 2021-07-01
until = 2022-12-31
value = 1200
status = "official"
source = { doc = "doc-a" }

[[param.values]]
since = 2023-01-01
value = 1300
published = 2022-12-12
status = "official"
source = { doc = "doc-a" }

[[param]]
id = "x.rate"
label_zh = "费率"
label_en = "rate"
unit = "rate"

[[param.values]]
since = 2014-07-01
value = 0.9
status = "official"
source = { doc = "doc-valid" }
"""


@pytest.fixture(scope="module")
def tables() -> Any:
    return load_all({"sources.toml": REGISTER, "x.toml": PARAMS})


def _rows(tables: Any, today: date) -> dict[str, dict[str, Any]]:
    return {r["id"]: r for r in param_report(tables.params, today)}


def test_per_period_figure_next_period_and_usual_publication(tables: Any) -> None:
    # lags since → published: 2023-01-01 → 10-28 = 300 days; 2024-01-01 → 11-15 = 319 (leap
    # year); 2025-01-01 → 09-30 = 272; median 300. Next period: 2025-12-31 + 1 day = 2026-01-01,
    # usually published 2026-01-01 + 300 days = 2026-10-28.
    assert outlook(tables.params["x.base"]) == Outlook(date(2026, 1, 1), date(2026, 10, 28))
    row = _rows(tables, date(2026, 11, 30))["x.base"]
    assert (row["next_period"], row["expected_published"]) == ("2026-01-01", "2026-10-28")


def test_due_then_overdue_then_expiring(tables: Any) -> None:
    # 2025-05-01: the next period (2026-01-01) is more than six months away (2025-11-01)
    assert _rows(tables, date(2025, 5, 1))["x.base"]["flags"] == []
    # 2025-07-01: it starts within six months (by 2026-01-01): due, not yet usually published
    assert _rows(tables, date(2025, 7, 1))["x.base"]["flags"] == ["due"]
    # 2026-08-01: started, usually published 2026-10-28, still ahead; the horizon 2026-12-31
    # is within six months: expiring
    assert _rows(tables, date(2026, 8, 1))["x.base"]["flags"] == ["expiring", "due"]
    # 2026-11-30: the usual date has passed and the figure is not in the tables
    assert _rows(tables, date(2026, 11, 30))["x.base"]["flags"] == ["expiring", "due", "overdue"]
    # 2027-01-01: the horizon has passed
    assert _rows(tables, date(2027, 1, 1))["x.base"]["flags"] == ["stale", "due", "overdue"]


def test_a_standard_in_force_until_replaced_follows_its_usual_interval(tables: Any) -> None:
    # starts 2017-01, 2019-01, 2021-07, 2023-01: intervals 24, 30, 18 months, median 24 →
    # next 2023-01-01 + 24 months = 2025-01-01; lags 0, 0, 0 and −20 (announced 2022-12-12),
    # median (low) 0 → usually published 2025-01-01.
    assert outlook(tables.params["x.minimum"]) == Outlook(date(2025, 1, 1), date(2025, 1, 1))
    assert _rows(tables, date(2024, 6, 30))["x.minimum"]["flags"] == []  # 2025-01-01 > 2024-12-30
    assert _rows(tables, date(2024, 8, 1))["x.minimum"]["flags"] == ["due"]
    assert _rows(tables, date(2025, 3, 1))["x.minimum"]["flags"] == ["due", "overdue"]


def test_a_statute_is_never_due(tables: Any) -> None:
    assert outlook(tables.params["x.rate"]) is None
    row = _rows(tables, date(2030, 1, 1))["x.rate"]
    assert row["next_period"] is None and row["expected_published"] is None and row["flags"] == []


def test_document_validity_ending_within_six_months(tables: Any) -> None:
    def flags(today: date) -> list[str]:
        rows = document_report(tables.documents, tables.params, today)
        return next(r["flags"] for r in rows if r["id"] == "doc-valid")

    assert flags(date(2026, 9, 30)) == []  # 2027-03-31 is after 2027-03-30
    assert flags(date(2026, 11, 30)) == ["expiring"]
    assert flags(date(2027, 4, 1)) == ["expired"]  # x.rate still relies on it


def test_the_text_report_lists_the_calendar_with_due_marks(tables: Any) -> None:
    today = date(2026, 11, 30)
    text = render_report(param_report(tables.params, today), document_report(tables.documents, tables.params, today))
    assert "2 figures published per period, 2 due" in text
    assert "next period from / 下一期自 2026-01-01" in text and "通常公布于 2026-10-28" in text
    assert "[due, overdue]" in text and "expiring = horizon within six months" in text


def test_shipped_tables_the_2026_base_and_window_are_due() -> None:
    """As of 2026-11-30 (tables/pension/*.toml): bases were published 272, 364, 349 and 299 days
    after 1 January (2022-09-30, 2023-12-31, 2024-12-15, 2025-10-27): median (low) 299, so the
    2026 base was usually due by 2026-10-27. Windows: 2024-07-01 → 12-15 (167 days), 2025-07-01
    → 10-27 (118): median (low) 118, the 2026-07 window by 2026-10-27. Neither is in the tables."""
    rows = {r["id"]: r for r in param_report(registry(), date(2026, 11, 30))}
    base = rows["pension.calc_base"]
    assert (base["next_period"], base["expected_published"]) == ("2026-01-01", "2026-10-27")
    assert {"expiring", "due", "overdue"} <= set(base["flags"])  # covered until 2026-12-31
    window = rows["pension.contribution.base_upper"]
    assert (window["next_period"], window["expected_published"]) == ("2026-07-01", "2026-10-27")
    assert "overdue" in window["flags"]
    # the minimum wage of 2026-09-01 is recent: the next one is not due within six months
    assert "due" not in rows["wages.minimum_monthly"]["flags"]
    assert rows["wages.minimum_monthly"]["next_period"] is not None


@given(st.dates(date(2020, 1, 1), date(2032, 12, 31)))
def test_flags_are_consistent_on_any_day(today: date) -> None:
    for row in param_report(registry(), today):
        flags = set(row["flags"])
        assert not {"stale", "expiring"} <= flags
        assert "overdue" not in flags or "due" in flags
        assert "due" not in flags or row["next_period"] is not None
    for row in document_report(documents(), registry(), today):
        assert not {"expired", "expiring"} <= set(row["flags"])
