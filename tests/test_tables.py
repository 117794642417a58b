"""Table files: the shipped ones are valid and complete; each kind of bad file is rejected."""

from __future__ import annotations

from datetime import date

import pytest

from jm_socialsec.errors import TableError
from jm_socialsec.tables import Status, load_tables, parse_table, registry

GOOD_VALUE = """
[[param.values]]
since = 2024-01-01
value = 1
status = "official"
source = { document = "doc" }
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
source = { document = "d" }

[[param.values]]
since = 2021-02-01
value = 2
status = "official"
source = { document = "d" }
""")
    (p,) = parse_table(text, "t.toml").param
    assert p.gaps() == [(date(2021, 1, 1), date(2021, 1, 31))]


BAD = {
    "unsorted": (
        table("""
[[param.values]]
since = 2021-01-01
until = 2021-12-31
value = 1
status = "official"
source = { document = "d" }

[[param.values]]
since = 2020-01-01
until = 2020-12-31
value = 2
status = "official"
source = { document = "d" }
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
source = { document = "d" }

[[param.values]]
since = 2021-01-01
value = 2
status = "official"
source = { document = "d" }
"""),
        "overlap",
    ),
    "open middle": (
        table("""
[[param.values]]
since = 2020-01-01
value = 1
status = "official"
source = { document = "d" }

[[param.values]]
since = 2021-01-01
value = 2
status = "official"
source = { document = "d" }
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
source = { document = "" }
"""),
        "document",
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
source = { document = "d" }
"""),
        "needs a value",
    ),
    "unknown status": (
        table("""
[[param.values]]
since = 2020-01-01
value = 1
status = "rumour"
source = { document = "d" }
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
source = { document = "d" }
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
        parse_table(text, "bad.toml")
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
        load_tables({"a.toml": text, "b.toml": text})


def test_installed_wheel_ships_its_tables() -> None:
    """When installed (not from a checkout), the tables come from inside the package."""
    from pathlib import Path

    import jm_socialsec

    pkg = Path(jm_socialsec.__file__).parent
    if "site-packages" not in str(pkg):
        pytest.skip("running from a source checkout")
    assert sorted(p.name for p in (pkg / "tables").glob("*.toml"))
