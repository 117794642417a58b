"""The population batch (issue 13): every row identical to the scalar ``estimate_pension``.

The reference is the scalar function itself, called row by row with the row's values as
keywords (a null is an argument not given): the batch must return the same amounts to the 分,
the same eligibility and months missing, and for a refused row the same error code and field
(the parameter for ``not_covered``). Rows are generated to cover every branch: the three
categories around the 2025 reform, indices below and above 0.6, half-分 ties, deemed time given
and derived, flexible and special-type choices, and bad values of every input.
"""

from __future__ import annotations

import os
import random
from datetime import date
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

pa = pytest.importorskip("pyarrow")
pytest.importorskip("numpy")
pd = pytest.importorskip("pandas")

from jm_socialsec import InputError, estimate_pension  # noqa: E402
from jm_socialsec.batch import estimate_pensions, retiring_between  # noqa: E402
from jm_socialsec.retirement import statutory_retirement  # noqa: E402

AS_OF = date(2026, 11, 21)
RESULTS = ("base", "basic", "account", "transitional", "adjustment", "total", "annuity_months", "provisional")
SLOW = pytest.mark.skipif(not os.environ.get("JM_SLOW"), reason="slow: set JM_SLOW=1 (100,000 rows vs the scalar path)")


def _month(rng: random.Random, first: int, last: int) -> str:
    return f"{rng.randint(first, last)}-{rng.randint(1, 12):02d}"


def _retirement(rng: random.Random) -> dict[str, Any]:
    """How the row describes its retirement: birth and category (mostly), or month and age."""
    pick = rng.random()
    if pick < 0.75:
        category = rng.choice(["male", "female_55", "female_50"])
        first = {"male": 1960, "female_55": 1965, "female_50": 1970}[category]
        row: dict[str, Any] = {"birth": _month(rng, first, first + 8), "category": category}
        if rng.random() < 0.08:  # a flexible or special-type choice, sometimes impossible
            row["choice"] = rng.choice(["flexible_early", "flexible_late", "special"])
            row["retirement_month"] = _month(rng, 2024, 2026)
            if row["choice"] == "special":
                row["special_type"] = rng.choice(["underground", "harmful", "heavy"])
                row["special_years"] = rng.choice([5, 9, 12])
                if rng.random() < 0.5:
                    row["retirement_month"] = None
        return row
    if pick < 0.95:
        return {
            "retirement_month": _month(rng, 2021, 2027),
            "age_years": rng.randint(39, 71),
            "age_months": rng.randint(0, 11),
        }
    return {"retirement_month": _month(rng, 2023, 2026), "age_years": 60, "age_months": None}


def _amounts(rng: random.Random) -> dict[str, Any]:
    months = rng.randint(120, 480)
    index = round(rng.uniform(0.1, 2.9), rng.choice([2, 3, 4]))
    balance = round(rng.uniform(0, 400_000), rng.choice([0, 2, 3]))
    if rng.random() < 0.1:  # a half-分 tie on the account line for a whole-age divisor
        balance = float(Decimal(rng.choice([139, 170, 195])) * (Decimal(rng.randint(100, 3000)) + Decimal("0.005")))
    row: dict[str, Any] = {"contribution_months": months, "average_index": index, "account_balance": balance}
    if rng.random() < 0.3:
        deemed = rng.randint(1, min(months, 300))
        row.update(deemed_months=deemed, deemed_account=round(rng.uniform(0, 30_000), 2))
        if rng.random() < 0.5:
            row["weighted_deemed_years"] = round(rng.uniform(0, deemed / 12 * 1.2), 4)
        else:
            row["deemed_months_before_1994"] = rng.randint(0, deemed)
            row["index_sum_1994_1998"] = round(rng.uniform(0, 54 * 1.5), 4)
    if rng.random() < 0.3:
        row["region"] = rng.choice(["台山", "kaiping", "江门", "恩平市", "heshan"])
    return row


_BREAKERS = (
    ("contribution_months", None), ("contribution_months", -3), ("average_index", 0.0), ("average_index", 3.5),
    ("average_index", None), ("average_index", float("nan")), ("account_balance", -1.0), ("region", "广州"),
    ("birth", "1966-13"), ("category", "woman"), ("deemed_months", 9999), ("retirement_month", "soon"),
    ("age_months", 12), ("weighted_deemed_years", -1.0), ("choice", "whenever"), ("contribution_months", 700),
    ("birth", "2030-01"),
)  # fmt: skip


def roster(n: int, seed: int) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    rows = []
    for _ in range(n):
        row = {**_retirement(rng), **_amounts(rng)}
        if rng.random() < 0.05:
            key, value = rng.choice(_BREAKERS)
            row[key] = value
        rows.append(row)
    return rows


COLUMN_TYPES = {
    "birth": pa.string(), "category": pa.string(), "choice": pa.string(), "retirement_month": pa.string(),
    "special_type": pa.string(), "special_years": pa.int64(), "age_years": pa.int64(), "age_months": pa.int64(),
    "contribution_months": pa.int64(), "average_index": pa.float64(), "account_balance": pa.float64(),
    "deemed_months": pa.int64(), "deemed_account": pa.float64(), "weighted_deemed_years": pa.float64(),
    "deemed_months_before_1994": pa.int64(), "index_sum_1994_1998": pa.float64(), "region": pa.string(),
}  # fmt: skip


def table_of(rows: list[dict[str, Any]]) -> Any:
    return pa.table({k: pa.array([r.get(k) for r in rows], t) for k, t in COLUMN_TYPES.items()})


def scalar(row: dict[str, Any]) -> dict[str, Any]:
    """The scalar path's answer for a row: amounts, or the refusal's code and field.

    A null is an argument not given; a required one is passed as None (refused naming it).
    """
    required = ("contribution_months", "average_index", "account_balance")
    kw = {k: v for k, v in row.items() if (v is not None or k in required) and k not in ("age_years", "age_months")}
    if row.get("age_years") is not None:
        kw["age"] = (row["age_years"], row.get("age_months") or 0)
    try:
        r = estimate_pension(**kw, as_of=AS_OF)
    except InputError as e:
        return {"error_code": e.code, "error_field": e.field}
    except Exception as e:  # NotCovered: the parameter not covered
        return {"error_code": e.code, "error_field": e.param}  # type: ignore[attr-defined]
    out = {"error_code": None, "eligible": r.eligible, "missing_months": r.missing_months}
    if r.eligible:
        out.update({k: getattr(r, k) for k in RESULTS})
    return out


def compare(rows: list[dict[str, Any]], result: Any) -> int:
    """Every row against the scalar path; returns the number of rows with amounts."""
    got = result.to_pylist()
    assert len(got) == len(rows)
    with_amounts = 0
    for i, (row, batch) in enumerate(zip(rows, got, strict=True)):
        want = scalar(row)
        keys = want.keys() if want["error_code"] is None else ("error_code", "error_field")
        assert {k: batch[k] for k in keys} == {k: want[k] for k in keys}, (i, row)
        with_amounts += want.get("total") is not None
    return with_amounts


def test_the_worked_case_of_the_readme() -> None:
    """README: 1966-01 male, 312 months, index 0.85, balance 86500, 台山 → 3119.84 (provisional)."""
    t = pa.table({"birth": ["1966-01"], "category": ["male"], "contribution_months": [312],
                  "average_index": ["0.85"], "account_balance": ["86500"], "region": ["台山"]})  # fmt: skip
    row = estimate_pensions(t, as_of=AS_OF).to_pylist()[0]
    assert row["total"] == Decimal("3119.84") and row["provisional"] is True and row["error_code"] is None


def test_generated_rows_match_the_scalar_path() -> None:
    rows = roster(3000, seed=13)
    assert compare(rows, estimate_pensions(table_of(rows), as_of=AS_OF)) > 1000


@SLOW
def test_100000_generated_rows_match_the_scalar_path() -> None:
    rows = roster(100_000, seed=2026)
    assert compare(rows, estimate_pensions(table_of(rows), as_of=AS_OF)) > 30_000


def test_half_fen_ties_round_up_and_the_low_index_branch() -> None:
    """Hand calculation, 2024 (base 9307, known by 2026; 计发月数 of a whole age 60: 139):

    - basic: 9307 × (0.5 ÷ 0.6 + 0.5) ÷ 2 × 189 ÷ 12 × 1% = 9307 × 189 ÷ 1800 = 977.235 → 977.24;
    - account: 13900.695 ÷ 139 = 100.005 → 100.01;
    - transitional: 100 + 4 × 15 = 160.00.
    """
    t = pa.table({"retirement_month": ["2024-06"], "age_years": [60], "age_months": [0], "contribution_months": [189],
                  "average_index": [0.5], "account_balance": ["13900.695"]})  # fmt: skip
    row = estimate_pensions(t, as_of=AS_OF).to_pylist()[0]
    assert (row["basic"], row["account"], row["transitional"]) == (
        Decimal("977.24"),
        Decimal("100.01"),
        Decimal("160.00"),
    )
    assert Fraction(9307 * 189, 1800) * 100 % 1 == Fraction(1, 2)  # it is a tie
    assert row["total"] == Decimal("1237.25") and row["provisional"] is False


def test_values_the_fixed_point_cannot_carry_go_through_the_scalar_path() -> None:
    """An index with 12 decimals (more than the fixed point keeps) and a 12-digit balance with 6
    decimals (products beyond int64): both still equal the scalar path."""
    rows = [
        {"birth": "1964-05", "category": "male", "contribution_months": 400, "average_index": "0.812345678912",
         "account_balance": "1"},
        {"birth": "1964-05", "category": "male", "contribution_months": 400, "average_index": "1.2",
         "account_balance": "123456789012.123456"},
    ]  # fmt: skip
    t = pa.table({k: [r[k] for r in rows] for k in rows[0]})
    got = estimate_pensions(t, as_of=AS_OF).to_pylist()
    for row, batch in zip(rows, got, strict=True):
        want = estimate_pension(**row, as_of=AS_OF)
        assert (batch["basic"], batch["account"], batch["total"]) == (want.basic, want.account, want.total)


def test_text_columns_are_read_as_the_scalar_path_reads_text() -> None:
    rows = [
        {"birth": "1965-07", "category": "female_50", "contribution_months": "300", "average_index": "1,0",
         "account_balance": "1,234.5"},
        {"birth": "1965-07", "category": "male", "contribution_months": "300", "average_index": " 0.75 ",
         "account_balance": "52000"},
        {"birth": "1965-07", "category": "male", "contribution_months": "3.5", "average_index": "0.75",
         "account_balance": "52000"},
    ]  # fmt: skip
    got = estimate_pensions(pa.table({k: [r[k] for r in rows] for k in rows[0]}), as_of=AS_OF).to_pylist()
    # the scalar parser drops thousands separators: "1,0" is 10, above the ceiling of 3
    assert (got[0]["error_code"], got[0]["error_field"]) == ("input_invalid", "average_index")
    # digit text in a months column is its integer (the batch's one leniency: CSV text)
    want = estimate_pension(**{**rows[1], "contribution_months": 300}, as_of=AS_OF)
    assert got[1]["total"] == want.total
    assert (got[2]["error_code"], got[2]["error_field"]) == ("input_invalid", "contribution_months")


def test_a_table_without_a_required_column_is_refused_naming_it() -> None:
    t = pa.table({"birth": ["1966-01"], "category": ["male"], "contribution_months": [312], "average_index": [0.85]})
    with pytest.raises(InputError) as e:
        estimate_pensions(t, as_of=AS_OF)
    assert e.value.field == "account_balance"
    with pytest.raises(InputError) as e:
        estimate_pensions({"not": "a table"}, as_of=AS_OF)
    assert e.value.field == "table"


def test_parquet_and_csv_paths_in_and_out(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    rows = roster(300, seed=7)
    pq.write_table(table_of(rows), tmp_path / "in.parquet")
    out = estimate_pensions(tmp_path / "in.parquet", as_of=AS_OF, out=tmp_path / "out.parquet")
    assert out == tmp_path / "out.parquet"
    compare(rows, pq.read_table(out))
    csv_rows = [r for r in rows if r.get("age_years") is None and r.get("choice") is None][:50]
    pd.DataFrame(csv_rows, columns=["birth", "category", "contribution_months", "average_index",
                                    "account_balance"]).to_csv(tmp_path / "in.csv", index=False)  # fmt: skip
    table = estimate_pensions(tmp_path / "in.csv", as_of=AS_OF)
    inputs = table.select(["birth", "category", "contribution_months", "average_index", "account_balance"])
    assert table.column("total").to_pylist() == [scalar(r).get("total") for r in inputs.to_pylist()]


def test_pandas_in_pandas_out_keeps_index_and_columns() -> None:
    rows = roster(200, seed=3)
    frame = table_of(rows).to_pandas()
    frame.index = frame.index + 1000
    frame["clerk_note"] = "x"
    out = estimate_pensions(frame, as_of=AS_OF)
    assert isinstance(out, pd.DataFrame) and list(out.index) == list(frame.index) and "clerk_note" in out
    assert [None if pd.isna(v) else v for v in out["total"]] == [scalar(r).get("total") for r in rows]


def test_polars_if_installed() -> None:
    pl = pytest.importorskip("polars")
    rows = roster(100, seed=5)
    out = estimate_pensions(pl.from_arrow(table_of(rows)), as_of=AS_OF)
    assert isinstance(out, pl.DataFrame)
    compare(rows, out.to_arrow())


def test_retiring_between_selects_by_statutory_month_with_the_minimum_years() -> None:
    """Each kept row's month is ``statutory_retirement``'s; every row with that month in the window
    is kept; the minimum is 15 years (180 months) for a retirement before 2030."""
    rng = random.Random(11)
    rows = [{"birth": _month(rng, 1960, 1980), "category": rng.choice(["male", "female_55", "female_50"]),
             "contribution_months": rng.randint(100, 400)} for _ in range(400)]  # fmt: skip
    rows.append({"birth": "1966-00", "category": "male", "contribution_months": 200})
    t = pa.table({k: [r[k] for r in rows] for k in rows[0]})
    got = retiring_between(t, "2026-12", "2027-05", as_of=AS_OF).to_pylist()
    want = []
    for r in rows[:-1]:
        s = statutory_retirement(r["birth"], r["category"], as_of=AS_OF)
        if "2026-12" <= str(s.year_month) <= "2027-05":
            want.append(
                (
                    r["birth"],
                    r["category"],
                    str(s.year_month),
                    s.age.total_months,
                    max(0, 180 - r["contribution_months"]),
                )
            )
    kept = [(g["birth"], g["category"], g["statutory_month"], g["statutory_age_months"], g["missing_months"])
            for g in got if g["error_code"] is None]  # fmt: skip
    assert kept == want and want
    assert [(g["birth"], g["error_field"]) for g in got if g["error_code"]] == [("1966-00", "birth")]


def _batch_cli(argv: list[str]) -> int:
    """The ``batch`` command as the lead wires it: ``add_parser`` on the main subcommands."""
    import argparse

    from jm_socialsec.batch.cli import add_parser

    parser = argparse.ArgumentParser(prog="jm-socialsec")
    add_parser(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["batch", *argv])
    return int(args.func(args))


def test_cli_batch_in_chunks_with_a_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import pyarrow.parquet as pq

    rows = roster(500, seed=17)
    pq.write_table(table_of(rows), tmp_path / "in.parquet")
    code = _batch_cli([str(tmp_path / "in.parquet"), str(tmp_path / "out.parquet"), "--chunk-rows", "120",
                       "--as-of", AS_OF.isoformat()])  # fmt: skip
    assert code == 0
    compare(rows, pq.read_table(tmp_path / "out.parquet"))
    printed = capsys.readouterr().out
    assert "rows: 500" in printed and "not_covered pension.calc_base" in printed


def test_cli_batch_retiring_within_six_months(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """As of 2026-11-21, "6m" is 2026-11 … 2027-04. Men, delay = (birth − 1965-01) // 4 + 1 months:
    born 1966-07 → 18 // 4 + 1 = 5 → 60 y 5 m → 2026-12 (in); 1966-03 → 4 → 2026-07 (out);
    1967-01 → 7 → 2027-08 (out)."""
    import pyarrow.parquet as pq

    births = ["1966-07", "1966-03", "1967-01"]
    t = pa.table({"birth": births, "category": ["male"] * 3, "contribution_months": [300] * 3,
                  "average_index": [1.0] * 3, "account_balance": [100000] * 3})  # fmt: skip
    pq.write_table(t, tmp_path / "in.parquet")
    argv = [
        str(tmp_path / "in.parquet"),
        str(tmp_path / "out.parquet"),
        "--retiring-within",
        "6m",
        "--as-of",
        "2026-11-21",
    ]
    assert _batch_cli(argv) == 0
    out = pq.read_table(tmp_path / "out.parquet")
    assert out.column("birth").to_pylist() == ["1966-07"] and out.column("statutory_month").to_pylist() == ["2026-12"]
    assert "rows: 1" in capsys.readouterr().out
