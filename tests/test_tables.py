"""Table files: the shipped ones are valid and complete; each kind of bad file is rejected."""

from __future__ import annotations

from datetime import date

import pytest

from jm_socialsec.engine.errors import TableError
from jm_socialsec.engine.params import lookup
from jm_socialsec.engine.tables import Status, documents, load_tables, parse_register, parse_table, registry

# A synthetic register for mechanism tests (not a real document).
REGISTER = """
[[document]]
id = "d"
title = "文件甲"
issuer = "某机关"
read_in = ["nowhere: synthetic"]
verified_on = 2026-11-30
"""
DOCS = parse_register(REGISTER)

GOOD_VALUE = """
[[param.values]]
since = 2024-01-01
value = 1
status = "official"
source = { doc = "d" }
"""


def table(values: str, *, unit: str = "yuan", extra: str = "") -> str:
    return f"""
[[param]]
id = "x.y"
label_zh = "甲"
label_en = "a"
unit = "{unit}"
{extra}
{values}
"""


def test_shipped_tables_load_and_every_value_is_sourced() -> None:
    params = registry()
    assert len(params) >= 5
    for p in params.values():
        for v in p.values:
            assert v.source.document.strip(), p.id
            assert v.source.doc in documents(), (p.id, v.since)
            assert v.status in set(Status)


def test_shipped_tables_have_no_gap_inside_their_covered_range() -> None:
    gaps = {p.id: p.gaps() for p in registry().values() if p.gaps()}
    assert gaps == {}


def test_gap_is_detected() -> None:
    text = table("""
[[param.values]]
since = 2020-01-01
until = 2020-12-31
value = 1
status = "official"
source = { doc = "d" }

[[param.values]]
since = 2021-02-01
value = 2
status = "official"
source = { doc = "d" }
""")
    (p,) = parse_table(text, "t.toml", DOCS).param
    assert p.gaps() == [(date(2021, 1, 1), date(2021, 1, 31))]


BAD = {
    "unsorted": (
        table("""
[[param.values]]
since = 2021-01-01
until = 2021-12-31
value = 1
status = "official"
source = { doc = "d" }

[[param.values]]
since = 2020-01-01
until = 2020-12-31
value = 2
status = "official"
source = { doc = "d" }
"""),
        "not sorted",
    ),
    "overlap": (
        table("""
[[param.values]]
since = 2020-01-01
until = 2021-06-30
value = 1
status = "official"
source = { doc = "d" }

[[param.values]]
since = 2021-01-01
value = 2
status = "official"
source = { doc = "d" }
"""),
        "overlap",
    ),
    "open middle": (
        table("""
[[param.values]]
since = 2020-01-01
value = 1
status = "official"
source = { doc = "d" }

[[param.values]]
since = 2021-01-01
value = 2
status = "official"
source = { doc = "d" }
"""),
        "open-ended",
    ),
    "no source": (
        table("""
[[param.values]]
since = 2020-01-01
value = 1
status = "official"
"""),
        "source",
    ),
    "empty source": (
        table("""
[[param.values]]
since = 2020-01-01
value = 1
status = "official"
source = { doc = "" }
"""),
        "register",
    ),
    "a document not in the register": (table(GOOD_VALUE.replace('doc = "d"', 'doc = "e"')), "no document 'e'"),
    "document described at the value": (
        table(GOOD_VALUE.replace('{ doc = "d" }', '{ document = "粤府函〔2026〕188号" }')),
        "cite a document of the register",
    ),
    "missing with a value": (
        table(GOOD_VALUE.replace('status = "official"', 'status = "official"\nmissing = true')),
        "missing = true",
    ),
    "no value": (
        table("""
[[param.values]]
since = 2020-01-01
status = "official"
source = { doc = "d" }
"""),
        "needs a value",
    ),
    "unknown status": (
        table("""
[[param.values]]
since = 2020-01-01
value = 1
status = "rumour"
source = { doc = "d" }
"""),
        "status",
    ),
    "unknown unit": (table(GOOD_VALUE, unit="furlongs"), "unit"),
    "rate above one": (table(GOOD_VALUE.replace("value = 1", "value = 8"), unit="rate"), "rate"),
    "negative money": (table(GOOD_VALUE.replace("value = 1", "value = -5")), "negative"),
    "mapping without keyed_by": (table(GOOD_VALUE.replace("value = 1", "value = { a = 1 }")), "keyed_by"),
    "scalar with keyed_by": (table(GOOD_VALUE, extra='keyed_by = "age"'), "mapping"),
    "until before since": (
        table("""
[[param.values]]
since = 2020-01-01
until = 2019-01-01
value = 1
status = "official"
source = { doc = "d" }
"""),
        "before since",
    ),
    "unknown field": (
        table(GOOD_VALUE.replace('status = "official"', 'status = "official"\nfoo = 1')),
        "foo",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_table_is_rejected_naming_file_and_param(case: str) -> None:
    text, why = BAD[case]
    with pytest.raises(TableError) as err:
        parse_table(text, "bad.toml", DOCS)
    msg = str(err.value)
    assert "bad.toml" in msg
    assert "x.y" in msg
    assert why in msg
    assert err.value.code == "table_invalid"


def test_bad_toml_syntax_names_the_file() -> None:
    with pytest.raises(TableError, match=r"broken\.toml"):
        parse_table("[[param]\nid=", "broken.toml")


def test_duplicate_id_across_files() -> None:
    text = table(GOOD_VALUE)
    with pytest.raises(TableError, match="twice"):
        load_tables({"sources.toml": REGISTER, "a.toml": text, "b.toml": text})


def test_installed_wheel_ships_its_tables() -> None:
    """When installed (not from a checkout), the tables come from inside the package."""
    from pathlib import Path

    import jm_socialsec

    pkg = Path(jm_socialsec.__file__).parent
    if "site-packages" not in str(pkg):
        pytest.skip("running from a source checkout")
    assert (pkg / "tables" / "sources.toml").is_file()
    assert (pkg / "tables" / "pension" / "pension.toml").is_file()


#: Figures published per period (a year's base, window, average, income, floor): they refuse a
#: period not yet published. Every other figure is a rule in force until amended (issue 9 item 3).
PER_PERIOD = {
    "pension.calc_base",
    "pension.contribution.base_upper",
    "pension.contribution.base_lower",
    "pension.death.urban_income",
    "wages.provincial_average_monthly",
    "injury.national_urban_disposable_income",
    "injury.disability_allowance_floor_grade1_4",
}


def test_statutory_figures_do_not_expire() -> None:
    """A rule stays in force until amended: a statute's figure answers any later date.

    Before issue 9, 56 of 92 parameters refused every date after 2026-12-31. A parameter may end
    only if it is published per period, or its last document was amended (the figure was deleted,
    e.g. 求职补贴 by the 2025 amendment of 广东省失业保险条例) or had a stated validity.
    """
    docs = documents()
    for p in registry().values():
        if p.horizon is None:
            last = p.values[-1].value
            key = next(iter(last)) if isinstance(last, dict) else None
            assert lookup(p.id, date(2040, 1, 1), date(2026, 11, 30), key=key).value is not None
        elif p.id not in PER_PERIOD:
            doc = docs[p.values[-1].source.doc]
            assert doc.amended_by or doc.valid_until == p.horizon, p.id


def test_every_registered_document_is_described_and_cited() -> None:
    """Each document once, with where its text was read and when; every one is cited or flagged."""
    docs = documents()
    cited = {v.source.doc for p in registry().values() for v in p.values}
    assert cited <= set(docs)
    for d in docs.values():
        assert d.read_in and d.verified_on <= date(2026, 11, 30), d.id


def test_amended_unemployment_regulation_is_linked_to_its_amendment() -> None:
    """《广东省失业保险条例》: amended 2025-01-12 by the Standing Committee's decision."""
    docs = documents()
    new = docs["gd-unemployment-regulation-2025"]
    assert new.adopted == date(2025, 1, 12)
    assert docs[new.amends].amended_by == new.id


def test_a_parameter_id_names_its_folder() -> None:
    """tables/<area>/*.toml holds only ids starting with <area>.: one hop from id to file."""
    text = table(GOOD_VALUE)  # defines x.y
    load_tables({"sources.toml": REGISTER, "x/a.toml": text})
    with pytest.raises(TableError, match="starting with pension"):
        load_tables({"sources.toml": REGISTER, "pension/a.toml": text})


@pytest.mark.parametrize("param", ["retirement.delay_cap_months", "retirement.delay_step_birth_months"])
def test_the_delay_cites_article_one_of_the_measures(param: str) -> None:
    """国务院关于渐进式延迟法定退休年龄的办法: 第一条 orders the delay ("每四个月延迟一个月 … 每二个月延迟
    一个月"); 第二条 is the minimum contribution years (最低缴费年限). The delay's figures cite 第一条."""
    pv = lookup(param, date(2025, 1, 1), key="male", as_of=date(2026, 11, 30))
    assert pv.source.doc == "retirement-reform-measures-2024"
    assert pv.source.locator.startswith("第一条")
