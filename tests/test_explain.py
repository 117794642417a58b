"""Rendering of explained results and the warnings they must carry."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest

from jm_socialsec import pension_contribution


@pytest.fixture
def result():  # type: ignore[no-untyped-def]
    # as of 2025-09-01 the 2025-07 window (published 2025-10-27) is not known yet.
    return pension_contribution("2025-08", 30000, as_of=date(2025, 9, 1))


def test_text_chinese_default_lists_steps_sources_and_warnings(result) -> None:  # type: ignore[no-untyped-def]
    text = str(result)
    assert text == result.explain("zh")
    assert "缴费基数" in text and "计算步骤" in text
    assert "27,501" in text  # the provisional upper limit, grouped
    assert "预计" in text and "假设" in text and "二手" in text
    assert "2024-12-15" in text  # the source's publication date


def test_text_english(result) -> None:  # type: ignore[no-untyped-def]
    text = result.explain("en")
    assert "Steps:" in text and "provisional" in text and "assumed" in text


def test_html(result) -> None:  # type: ignore[no-untyped-def]
    page = result._repr_html_()
    assert page.startswith("<div") and "<table>" in page and "注意" in page


def test_json_round_trip_keeps_decimals_as_strings(result) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(json.dumps(result.to_json(), ensure_ascii=False))
    assert data["base"] == "27501.00"  # money in JSON always has two decimals (issue 12)
    assert data["employee"] == "2200.08"
    assert data["month"] == "2025-08"
    assert data["steps"][0]["params"][0]["source"]["published"] == "2024-12-15"


def test_warning_codes(result) -> None:  # type: ignore[no-untyped-def]
    codes = {w.code for w in result.warnings}
    assert codes == {"provisional", "status_secondary", "status_assumed"}


def test_override_warning_replaces_status_warning() -> None:
    r = pension_contribution(
        "2025-08", 30000, as_of=date(2025, 11, 1), overrides={"pension.contribution.employer_rate": "0.14"}
    )
    codes = [(w.code, w.param) for w in r.warnings]
    assert ("override", "pension.contribution.employer_rate") in codes
    assert ("status_assumed", "pension.contribution.employer_rate") not in codes
    assert r.employer == Decimal("3856.86")  # by hand: 27549 × 0.14 = 3856.86
