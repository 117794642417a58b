"""Results as pandas DataFrames (issue 12, item 5): exact amounts, typed columns, clear errors.

The figures are the docs' worked examples: the Zhongshan sheet (docs/pension.md), the Taishan
unemployment claim (docs/unemployment.md) and the grade-7 injury (docs/injury.md).
"""

from __future__ import annotations

import sys
from datetime import date
from decimal import Decimal

import pytest

pd = pytest.importorskip("pandas", reason='pandas is the notebook extra: pip install "jm_socialsec[notebook]"')

from jm_socialsec import (  # noqa: E402
    InputError,
    SocialSecError,
    estimate_pension,
    injury_benefits,
    unemployment_benefit,
)
from jm_socialsec.engine.explain import Explained  # noqa: E402
from jm_socialsec.engine.frame import MissingExtra, steps_frame, to_frame  # noqa: E402

AS_OF = date(2026, 11, 21)


def _sheet(as_of: date) -> Explained:
    return estimate_pension(
        as_of=as_of,
        retirement_month="2025-03",
        age=(55, 1),
        contribution_months=208,
        average_index="0.5241",
        account_balance="66720.85",
    )


@pytest.fixture(scope="module")
def sheet() -> Explained:
    return _sheet(date(2025, 4, 15))


@pytest.fixture(scope="module")
def claim() -> Explained:
    return unemployment_benefit("2026-10", "台山", 60, reason="contract_expired", as_of=AS_OF)


def test_one_result_is_one_row_with_exact_decimals(sheet: Explained) -> None:
    frame = sheet.to_frame()
    assert len(frame) == 1 and list(frame.columns[:2]) == ["type", "as_of"]
    row = frame.iloc[0]
    assert row["type"] == "PensionEstimate" and row["as_of"] == pd.Timestamp("2025-04-15")
    # docs/pension.md: 9307 (2024's base, provisionally), 1127.31 + 393.63 + 168.00 = 1688.94
    assert row["base"] == Decimal("9307") and isinstance(row["total"], Decimal)
    assert (row["basic"], row["account"], row["transitional"], row["total"]) == (
        Decimal("1127.31"),
        Decimal("393.63"),
        Decimal("168.00"),
        Decimal("1688.94"),
    )
    assert bool(row["provisional"]) is True


def test_months_are_periods_ages_two_integer_columns(sheet: Explained) -> None:
    frame = to_frame(sheet)
    assert frame["retirement_month"].iloc[0] == pd.Period("2025-03", freq="M")
    assert frame["benefit_start"].iloc[0] == pd.Period("2025-04", freq="M")
    assert (frame["age.years"].iloc[0], frame["age.months"].iloc[0]) == (55, 1)
    assert str(frame["contribution_months"].dtype) == "Int64" and str(frame["provisional"].dtype) == "boolean"
    assert "steps" not in frame.columns and "warnings" not in frame.columns


def test_a_list_is_one_row_each_and_sums_stay_exact(sheet: Explained, claim: Explained) -> None:
    recalculated = _sheet(date(2025, 11, 1))  # docs/pension.md: 9493 → 1711.47 after publication
    frame = to_frame([sheet, recalculated])
    assert list(frame["base"]) == [Decimal("9307"), Decimal("9493")]
    assert frame["total"].iloc[1] - frame["total"].iloc[0] == Decimal("22.53")  # 1711.47 − 1688.94
    assert list(frame["provisional"]) == [True, False]
    mixed = to_frame([sheet, claim])
    assert list(mixed["type"]) == ["PensionEstimate", "UnemploymentBenefit"]
    # the claim: 2040 × 90% = 1836.00 for 6 months = 11016.00 (docs/unemployment.md)
    assert mixed["monthly"].iloc[1] == Decimal("1836.00") and mixed["months"].iloc[1] == 6
    assert pd.isna(mixed["monthly"].iloc[0]) and pd.isna(mixed["months"].iloc[0])
    assert mixed["total"].sum() == Decimal("12704.94")  # 1688.94 + 11016.00, exact


def test_floats_on_request(sheet: Explained) -> None:
    frame = to_frame([sheet], exact=False)
    assert frame["total"].dtype == "float64" and frame["total"].iloc[0] == pytest.approx(1688.94)


def test_labels_in_either_language(sheet: Explained, claim: Explained) -> None:
    assert "基本养老金合计" in to_frame(sheet, lang="zh").columns
    assert "total monthly pension" in to_frame(sheet, lang="en").columns
    injury = injury_benefits(7, "2025-03-10", 8000, as_of=AS_OF)
    both = to_frame([sheet, injury, claim], lang="en")
    # docs/injury.md: 8000 × 13 = 104000.00
    assert both["one-off disability grant"].iloc[1] == Decimal("104000.00")
    # two kinds label "total" differently: the column keeps its name rather than mislabel one
    assert "total" in both.columns and "total monthly pension" not in both.columns


def test_steps_frame(sheet: Explained) -> None:
    steps = steps_frame(sheet)
    assert len(steps) == len(sheet.steps) == 8
    first = steps.iloc[0]
    assert (first["id"], first["label"], first["result"], first["provisional"]) == ("calc_base", "计发基数", 9307, True)
    assert not steps["provisional"].iloc[1:].any()  # only the base was provisional
    assert steps_frame(sheet, "en")["label"].iloc[0] == "calculation base"


def test_not_a_result_is_an_input_error_naming_its_place(sheet: Explained) -> None:
    with pytest.raises(InputError) as err:
        to_frame([sheet, {"total": 1}])  # type: ignore[list-item]
    assert err.value.field == "results[1]" and "dict" in err.value.message_en


def test_without_pandas_a_bilingual_error_names_the_extra(sheet: Explained, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now fails
    with pytest.raises(MissingExtra) as err:
        sheet.to_frame()
    e = err.value
    assert isinstance(e, SocialSecError) and isinstance(e, ImportError) and e.code == "extra_missing"
    assert 'pip install "jm_socialsec[notebook]"' in e.message_zh and "[batch]" in e.message_zh
    assert 'pip install "jm_socialsec[notebook]"' in e.message_en and "pandas" in e.message_en
    assert e.to_dict()["code"] == "extra_missing"
