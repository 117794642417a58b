"""Lookup with two dates: on / as_of, provisional values, overrides, NotCovered.

Mechanism tests use the synthetic table in conftest.py; the last tests use shipped figures
whose sources are named in tables/.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from jm_socialsec import InputError, NotCovered, YearMonth, lookup
from jm_socialsec.engine.params import Params


@pytest.mark.usefixtures("synthetic")
class TestMechanism:
    def test_value_in_force_and_known(self) -> None:
        pv = lookup("test.base", date(2025, 6, 1), as_of=date(2025, 11, 1))
        assert pv.value == Decimal(110)
        assert not pv.provisional
        assert pv.source.document == "doc B"

    def test_not_yet_published_uses_previous_provisionally(self) -> None:
        pv = lookup("test.base", date(2025, 6, 1), as_of=date(2025, 10, 26))
        assert pv.value == Decimal(100)
        assert pv.provisional
        assert "2025-10-26" in pv.provisional_zh

    def test_published_on_as_of_is_known(self) -> None:
        pv = lookup("test.base", date(2025, 6, 1), as_of=date(2025, 10, 27))
        assert pv.value == Decimal(110) and not pv.provisional

    def test_after_last_period_within_horizon_is_provisional(self) -> None:
        pv = lookup("test.base", date(2026, 3, 1), as_of=date(2026, 11, 21))
        assert pv.value == Decimal(110) and pv.provisional

    def test_beyond_horizon_is_not_covered(self) -> None:
        with pytest.raises(NotCovered) as err:
            lookup("test.base", date(2027, 1, 1), as_of=date(2026, 11, 21))
        assert err.value.param == "test.base"
        assert err.value.covered_from == date(2024, 1, 1)
        assert err.value.covered_until == date(2026, 12, 31)
        assert "2027-01-01" in str(err.value)

    def test_before_first_period_is_not_covered(self) -> None:
        with pytest.raises(NotCovered):
            lookup("test.base", date(2023, 12, 31), as_of=date(2026, 1, 1))

    def test_nothing_known_yet_is_not_covered(self) -> None:
        with pytest.raises(NotCovered, match="2024-05-01"):
            lookup("test.base", date(2024, 3, 1), as_of=date(2024, 5, 1))

    def test_without_interim_an_unpublished_value_is_refused(self) -> None:
        # test.open's 2023 value was published 2022-11-01; asking as of 2022-10-01 is refused.
        with pytest.raises(NotCovered, match="2022-11-01"):
            lookup("test.open", date(2023, 5, 1), as_of=date(2022, 10, 1))
        assert lookup("test.open", date(2023, 5, 1), as_of=date(2022, 11, 1)).value == Decimal("0.25")

    def test_open_ended_value_holds_until_horizon(self) -> None:
        assert lookup("test.open", date(2026, 6, 30), as_of=date(2026, 7, 1)).value == Decimal("0.25")
        with pytest.raises(NotCovered):
            lookup("test.open", date(2026, 7, 1), as_of=date(2026, 7, 1))

    def test_year_month_is_looked_up_on_its_first_day(self) -> None:
        pv = lookup("test.open", YearMonth(2022, 12), as_of=date(2026, 1, 1))
        assert pv.value == Decimal("0.5")

    def test_keyed(self) -> None:
        pv = lookup("test.keyed", date(2020, 1, 1), key="2", as_of=date(2026, 1, 1))
        assert pv.value == Decimal(25) and pv.key == "2"
        with pytest.raises(NotCovered, match="grade = 11"):
            lookup("test.keyed", date(2020, 1, 1), key="11", as_of=date(2026, 1, 1))
        with pytest.raises(NotCovered):
            lookup("test.keyed", date(2020, 1, 1), as_of=date(2026, 1, 1))

    def test_override_is_used_and_reported(self) -> None:
        pv = lookup("test.base", date(2025, 6, 1), as_of=date(2025, 11, 1), overrides={"test.base": 123.45})
        assert pv.value == Decimal("123.45")
        assert pv.overridden

    def test_override_of_a_keyed_parameter(self) -> None:
        params = Params(date(2026, 1, 1), {"test.keyed": {"1": 30}})
        assert params.value("test.keyed", date(2020, 1, 1), key="1") == Decimal(30)

    def test_override_of_unknown_parameter_is_an_input_error(self) -> None:
        with pytest.raises(InputError) as err:
            Params(date(2026, 1, 1), {"no.such": 1})
        assert err.value.field == "overrides"

    def test_override_rate_given_as_percent_is_refused(self) -> None:
        with pytest.raises(InputError, match=r"0\.08"):
            Params(date(2026, 1, 1), {"test.open": 8})

    def test_params_records_what_was_used(self) -> None:
        params = Params(date(2026, 1, 1))
        params.get("test.base", date(2024, 6, 1))
        params.get("test.open", date(2021, 6, 1))
        assert [pv.id for pv in params.used] == ["test.base", "test.open"]

    def test_a_period_declared_missing_is_refused_not_bridged(self) -> None:
        # interim = "previous" must not paper over a period we know we do not know.
        with pytest.raises(NotCovered, match="not collected"):
            lookup("test.holey", date(2022, 6, 1), as_of=date(2026, 1, 1))
        assert lookup("test.holey", date(2021, 6, 1), as_of=date(2026, 1, 1)).value == Decimal(500)

    def test_unknown_parameter(self) -> None:
        with pytest.raises(NotCovered, match="no such parameter"):
            lookup("nope.nope", date(2024, 1, 1))


def test_shipped_minimum_wage_2026() -> None:
    """粤府函〔2026〕188号: Jiangmen 2040 元/月 from 2026-09-01; 1850 before (粤府函〔2025〕23号)."""
    assert lookup("wages.minimum_monthly", date(2026, 9, 1), date(2026, 11, 21)).value == 2040
    assert lookup("wages.minimum_monthly", date(2026, 8, 31), date(2026, 11, 21)).value == 1850


def test_shipped_contribution_window_published_late() -> None:
    """The 2025-07 window (27549) was published 2025-10-27; before that 27501 applies, provisionally."""
    before = lookup("pension.contribution.base_upper", date(2025, 8, 1), date(2025, 10, 26))
    after = lookup("pension.contribution.base_upper", date(2025, 8, 1), date(2025, 10, 27))
    assert (before.value, before.provisional) == (Decimal(27501), True)
    assert (after.value, after.provisional) == (Decimal(27549), False)


def test_shipped_minimum_wage_2026_known_from_its_publication() -> None:
    """粤府函〔2026〕188号 was published on 2026-08-13 (成文 2026-08-12) for 2026-09-01.

    Before the correction the 2040 figure counted as known only from 2026-09-01.
    """
    on = date(2026, 9, 1)
    assert lookup("wages.minimum_monthly", on, date(2026, 8, 13)).value == 2040
    assert lookup("wages.minimum_hourly", on, date(2026, 8, 13)).value == Decimal("20.2")
    before = lookup("wages.minimum_monthly", on, date(2026, 8, 12))
    assert (before.value, before.provisional) == (Decimal(1850), True)


def test_shipped_minimum_wage_stays_in_force_until_replaced() -> None:
    """A minimum wage applies until a new one is published: 2027-03 gets 2040, marked provisional."""
    pv = lookup("wages.minimum_monthly", date(2027, 3, 1), date(2026, 11, 30))
    assert (pv.value, pv.provisional) == (Decimal(2040), True)


def test_shipped_medical_thresholds_known_from_publication() -> None:
    """粤医保规〔2022〕6号: signed 2022-05-10, published 2022-06-20, in force 2022-07-01."""
    pv = lookup("medical.retirement_min_years", date(2030, 1, 1), date(2022, 6, 20), key="male")
    assert pv.value == 30 and pv.source.published == date(2022, 6, 20)


def test_shipped_medical_local_years_have_no_phase_in() -> None:
    """粤医保规〔2022〕6号 第八条第（二）项: 「在退休后待遇享受地参加职工医保实际缴费年限累计满10年」.

    Only 第六条's total years step up to 2030; the 10 local years apply from 2022-07-01
    (第十六条「本办法自2022年7月1日起实施」). They were wrongly marked as an assumption before.
    """
    pv = lookup("medical.retirement_min_local_years", date(2026, 1, 1), date(2026, 11, 30))
    assert pv.value == 10 and pv.status.value == "official" and "第八条" in pv.source.locator


def test_a_value_from_the_tables_is_the_validated_value() -> None:
    """A first read builds its ParamValue from the already validated tables without validating it
    again (engine/params.py ``_from_tables``, issue 10): for every period of every parameter, and
    every key of a keyed one, it must equal — fields, order and JSON — the value pydantic validates."""
    from jm_socialsec.engine.params import ParamValue, _resolved
    from jm_socialsec.engine.tables import registry

    checked = 0
    for p in registry().values():
        for period in p.values:
            if period.missing:
                continue
            keys = list(period.value) if isinstance(period.value, dict) else [None]
            for key in keys:
                pv = _resolved(p, period.since, date(2026, 11, 21), key)
                validated = ParamValue(**{name: getattr(pv, name) for name in ParamValue.model_fields})
                assert pv == validated
                assert list(vars(pv)) == list(vars(validated))
                assert pv.model_dump(mode="json") == validated.model_dump(mode="json")
                checked += 1
    assert checked > 300  # every parameter, not a few


def test_the_days_of_a_period_share_one_value_but_a_provisional_value_is_its_days() -> None:
    """engine/params.py ``_resolved`` (issue 10/13: a cold batch reads a parameter on many days):
    every day of a period gives the same value, so it is made once per (period, key, as_of); a
    provisional value names the day it was asked for (预发), so it is made for that day."""
    from jm_socialsec.engine.params import Params, forget_values

    forget_values()
    known = date(2026, 11, 21)
    # 粤人社发〔2025〕32号 第二条: the 2025 calculation base, one period (2025-01-01 – 2025-12-31)
    march = Params(known).get("pension.calc_base", date(2025, 3, 1))
    june = Params(known).get("pension.calc_base", date(2025, 6, 1))
    assert june is march and march.since == date(2025, 1, 1) and not march.provisional
    # known on another day: a value of its own (its re-verification is judged on that day)
    assert Params(date(2026, 11, 22)).get("pension.calc_base", date(2025, 6, 1)) is not march
    # 2026's base is not published on 2026-11-21: 2025's applies provisionally, naming the day
    may = Params(known).get("pension.calc_base", date(2026, 5, 1))
    july = Params(known).get("pension.calc_base", date(2026, 7, 1))
    assert may.provisional and july.provisional and may.value == july.value == march.value
    assert "2026-05-01" in may.provisional_zh and "2026-07-01" in july.provisional_zh
    forget_values()
    again = Params(known).get("pension.calc_base", date(2025, 3, 1))
    assert again == march and again is not march  # forgotten: made anew, equal
