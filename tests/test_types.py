"""Shared input types (issue 10 item 7): what a service really sends is read the same everywhere."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from jm_socialsec import InputError, Region, YearMonth
from jm_socialsec.engine.params import Params
from jm_socialsec.engine.types import DayIn, IndexIn, MoneyIn, MonthIn, MonthsIn, RegionIn, convert


@pytest.mark.parametrize(
    ("kind", "value", "expected"),
    [
        (DayIn, date(2026, 11, 30), date(2026, 11, 30)),
        (DayIn, datetime(2026, 11, 30, 23, 59), date(2026, 11, 30)),
        (DayIn, "2026-11-30", date(2026, 11, 30)),
        (MonthIn, "2026-05", YearMonth(2026, 5)),
        (MonthIn, date(2026, 5, 17), YearMonth(2026, 5)),
        (MonthIn, (2026, 5), YearMonth(2026, 5)),
        (MoneyIn, 0.1, Decimal("0.1")),  # a float through its text, not its binary value
        (MoneyIn, "8,000.50", Decimal("8000.50")),
        (IndexIn, "0.5241", Decimal("0.5241")),
        (MonthsIn, "312", 312),
        (MonthsIn, Decimal("12.0"), 12),
        (RegionIn, "台山", Region.TAISHAN),
    ],
)
def test_accepted(kind: object, value: object, expected: object) -> None:
    assert convert(kind, value, "x") == expected


@pytest.mark.parametrize(
    ("kind", "value"),
    [
        (DayIn, "30/11/2026"),
        (DayIn, 20261130),
        (MonthIn, "2026-13"),
        (MoneyIn, "NaN"),
        (MoneyIn, float("inf")),
        (MoneyIn, -1),
        (MoneyIn, True),
        (MonthsIn, 1.5),
        (MonthsIn, True),
        (MonthsIn, -3),
        (RegionIn, "广州"),
    ],
)
def test_refused_with_the_field_named_in_both_languages(kind: object, value: object) -> None:
    with pytest.raises(InputError) as err:
        convert(kind, value, "the_field")
    assert err.value.field == "the_field"
    assert err.value.why_zh and err.value.why_en


def test_as_of_accepts_what_a_service_sends() -> None:
    """as_of=datetime.now() used to fail with an internal error in every rule function."""
    assert Params(datetime(2026, 11, 30, 8, 0)).as_of == date(2026, 11, 30)
    assert Params("2026-11-30").as_of == date(2026, 11, 30)  # type: ignore[arg-type]
    with pytest.raises(InputError) as err:
        Params("yesterday")  # type: ignore[arg-type]
    assert err.value.field == "as_of"
