"""The document register (issue 9 item 6) and figures that stay in force (item 3).

Mechanism tests use synthetic documents and parameters (not figures of the law); the shipped
tests check the register the library ships with, against the texts named in each test.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from jm_socialsec.engine import params as params_mod
from jm_socialsec.engine.errors import TableError
from jm_socialsec.engine.params import lookup
from jm_socialsec.engine.report import document_report
from jm_socialsec.engine.tables import load_all, parse_register

REGISTER = """
[[document]]
id = "law-2013"
title = "某条例（2013年修订）"
issuer = "某人大常委会"
in_force = 2014-07-01
amended_by = "law-2025"
read_in = ["official page"]
verified_on = 2026-11-21

[[document]]
id = "law-2025"
title = "某条例（2025年修正）"
issuer = "某人大常委会"
adopted = 2025-01-12
published = 2025-02-19
amends = "law-2013"
read_in = ["verbatim copy"]
verified_on = 2026-11-30

[[document]]
id = "wage-2026"
number = "某府函〔2026〕1号"
title = "关于调整最低工资标准的通知"
issuer = "某省人民政府"
published = 2026-08-13
read_in = ["verbatim copy"]
verified_on = 2026-11-30

[[document]]
id = "notice-2022"
number = "某规〔2022〕6号"
title = "有效期三年的通知"
issuer = "某局"
valid_until = 2025-06-30
pending_amendment = "no renewal found"
read_in = ["official page"]
verified_on = 2026-11-30
"""

PARAMS = """
[[param]]
id = "x.rate"
label_zh = "费率"
label_en = "rate"
unit = "rate"

[[param.values]]
since = 2014-07-01
until = 2025-01-11
value = 0.9
status = "official"
source = { doc = "law-2013", locator = "第十九条" }

[[param.values]]
since = 2025-01-12
value = 0.9
status = "official"
source = { doc = "law-2025", locator = "第十九条" }

[[param]]
id = "x.minimum_wage"
label_zh = "最低工资"
label_en = "minimum wage"
unit = "yuan_per_month"
until_replaced = true

[[param.values]]
since = 2025-03-01
until = 2026-08-31
value = 1850
status = "official"
source = { doc = "law-2013", locator = "x" }

[[param.values]]
since = 2026-09-01
value = 2040
published = 2026-08-13
status = "official"
source = { doc = "wage-2026", locator = "江门" }

[[param]]
id = "x.threshold"
label_zh = "门槛"
label_en = "threshold"
unit = "years"

[[param.values]]
since = 2022-07-01
value = 30
status = "official"
source = { doc = "notice-2022", locator = "第三条" }
"""


@pytest.fixture
def registered(monkeypatch: pytest.MonkeyPatch) -> Any:
    tables = load_all({"sources.toml": REGISTER, "x.toml": PARAMS})
    monkeypatch.setattr(params_mod, "registry", lambda: tables.params)
    return tables


def test_a_value_cites_its_document_once_described(registered: Any) -> None:
    pv = lookup("x.rate", date(2026, 1, 1), as_of=date(2026, 11, 30))
    assert pv.source.doc == "law-2025"
    assert pv.source.document == "某条例（2025年修正）"  # no number: the title names it
    assert pv.source.locator == "第十九条"
    assert pv.source.published == date(2025, 2, 19)
    assert pv.source.verified_on == date(2026, 11, 30)
    wage = lookup("x.minimum_wage", date(2026, 10, 1), as_of=date(2026, 11, 30))
    assert (wage.source.document, wage.source.title) == ("某府函〔2026〕1号", "关于调整最低工资标准的通知")


def test_a_statute_figure_does_not_expire(registered: Any) -> None:
    """A rule stays in force until amended: any later date gets it, not provisional."""
    pv = lookup("x.rate", date(2040, 1, 1), as_of=date(2026, 11, 30))
    assert pv.value == Decimal("0.9") and not pv.provisional and not pv.reverify


def test_a_text_not_reverified_for_a_year_is_flagged(registered: Any) -> None:
    # law-2025 was verified on 2026-11-30: still fresh on 2027-11-30, due the day after.
    assert not lookup("x.rate", date(2027, 6, 1), as_of=date(2027, 11, 30)).reverify
    assert lookup("x.rate", date(2027, 6, 1), as_of=date(2027, 12, 1)).reverify


def test_minimum_wage_stays_in_force_until_replaced_marked_provisional(registered: Any) -> None:
    # Known (as_of and the last check are both 2026-11-30) for 2026-10: a plain value.
    now = lookup("x.minimum_wage", date(2026, 10, 1), as_of=date(2026, 11, 30))
    assert (now.value, now.provisional) == (Decimal(2040), False)
    # A claim in 2027-03 is answered with the figure in force, marked provisional.
    later = lookup("x.minimum_wage", date(2027, 3, 1), as_of=date(2026, 11, 30))
    assert (later.value, later.provisional) == (Decimal(2040), True)
    assert "2026-09-01" in later.provisional_zh and "until replaced" in later.provisional_en
    # Even with a later as_of, the figure is sure only up to the day the notice was last checked.
    assert lookup("x.minimum_wage", date(2027, 3, 1), as_of=date(2027, 6, 1)).provisional


def test_minimum_wage_is_known_from_its_publication(registered: Any) -> None:
    """Published 2026-08-13 for 2026-09-01: known on 2026-08-13; before, the old one applies."""
    assert lookup("x.minimum_wage", date(2026, 9, 1), as_of=date(2026, 8, 13)).value == 2040
    before = lookup("x.minimum_wage", date(2026, 9, 1), as_of=date(2026, 8, 12))
    assert (before.value, before.provisional) == (Decimal(1850), True)


def test_document_report_flags(registered: Any) -> None:
    rows = {r["id"]: r for r in document_report(registered.documents, registered.params, date(2026, 11, 30))}
    assert rows["law-2025"]["params"] == ["x.rate"] and rows["law-2025"]["flags"] == []
    assert rows["law-2013"]["amended_by"] == "law-2025"
    # valid to 2025-06-30, still relied on by an open-ended value, and a renewal is unknown
    assert set(rows["notice-2022"]["flags"]) == {"expired", "amended"}
    later = {r["id"]: r for r in document_report(registered.documents, registered.params, date(2027, 12, 1))}
    assert "reverify" in later["law-2025"]["flags"]


def test_unused_document_is_flagged() -> None:
    tables = load_all({"sources.toml": REGISTER, "x.toml": PARAMS.split('[[param]]\nid = "x.threshold"')[0]})
    rows = {r["id"]: r for r in document_report(tables.documents, tables.params, date(2026, 11, 30))}
    assert "unused" in rows["notice-2022"]["flags"]


@pytest.mark.parametrize(
    ("register", "params", "why"),
    [
        (REGISTER, PARAMS.replace('doc = "law-2025"', 'doc = "law-2099"'), "no document 'law-2099'"),
        (REGISTER, PARAMS.replace('doc = "law-2025", locator', 'doc = "law-2025", title = "t", locator'), "register"),
        (REGISTER + REGISTER.split("[[document]]")[1].join(["[[document]]", ""]), PARAMS, "defined twice"),
        (REGISTER.replace('amended_by = "law-2025"', 'amended_by = "law-2030"'), PARAMS, "law-2030"),
        (REGISTER.replace("verified_on = 2026-11-21\n", ""), PARAMS, "verified_on"),
    ],
)
def test_bad_register_or_citation_is_a_table_error(register: str, params: str, why: str) -> None:
    with pytest.raises(TableError, match=why):
        load_all({"sources.toml": register, "x.toml": params})


def test_register_alone_parses() -> None:
    docs = parse_register(REGISTER)
    assert docs["wage-2026"].name == "某府函〔2026〕1号"
    assert docs["law-2013"].name == "某条例（2013年修订）"


def test_shipped_claim_in_2028_warns_that_texts_need_reverifying() -> None:
    """An unemployment claim in 2028 is answered (statutes do not expire, issue 9 item 3), but the
    regulation and the minimum-wage notice were last read for the tables on 2026-11-30: a result
    known on 2028-01-15 says they were not re-verified for over a year, and the minimum wage (in
    force until replaced, 粤府函〔2026〕188号) is provisional."""
    from jm_socialsec.unemployment import unemployment_benefit

    r = unemployment_benefit("2028-01", "jiangmen", 60, reason="contract_expired", as_of=date(2028, 1, 15))
    codes = {(w.code, w.param) for w in r.warnings}
    assert ("not_reverified", "unemployment.benefit.rate") in codes
    assert ("provisional", "wages.minimum_monthly") in codes
    fresh = unemployment_benefit("2026-10", "jiangmen", 60, reason="contract_expired", as_of=date(2026, 11, 30))
    assert not any(w.code in {"not_reverified", "provisional"} for w in fresh.warnings)
