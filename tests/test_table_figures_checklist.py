"""The figures of tables/checklist/, tables/medical/ and tables/labour/, stated from their documents
and checked through the rule (or public function) that reads them (issue 14, part 4: table
mutation). Nothing here is read from the tables.

Documents (tables/sources.toml):

- 江门日报 2025 (jiangmen-daily-2025-retirement): 退休“一件事” “19个工作日内办结”.
- 特殊工种提前退休公示期 5 个工作日: an assumption of the project (``assumption``; other cities' guides).
- 粤医保规〔2022〕6号 (gd-medical-2022-6) 第六条: 2030年1月1日起全省统一 男职工30年、女职工25年;
  第八条第（二）项: 在退休后待遇享受地实际缴费年限累计满10年.
- 中华人民共和国劳动法 (prc-labour-law) 第十五条: 禁止用人单位招用未满十六周岁的未成年人.
"""

from __future__ import annotations

from datetime import date

import pytest

from jm_socialsec import estimate_pension
from jm_socialsec.checklist.due_date import time_limit
from jm_socialsec.checklist.eligibility import special_publicity_days
from jm_socialsec.checklist.medical import medical_required_local_months, medical_required_months
from jm_socialsec.engine.errors import InputError
from jm_socialsec.engine.months import YearMonth
from jm_socialsec.engine.params import At, Params

AS_OF = date(2026, 11, 30)


def at(month: str) -> At:
    return Params(AS_OF).at(YearMonth.of(month))


def test_the_bundle_is_done_within_19_working_days() -> None:
    assert time_limit(at("2026-03")) == 19


def test_special_type_publicity_is_5_working_days() -> None:
    assert special_publicity_days(at("2026-03")) == 5


@pytest.mark.parametrize("month", ["2023-06", "2030-01", "2035-06"])
def test_medical_thresholds_men_30_years_women_25_and_10_years_locally(month: str) -> None:
    """30 × 12 = 360 months, 25 × 12 = 300 months, 10 × 12 = 120 months (Jiangmen's 2022-2029
    steps were not found: the 2030 figures are assumed for them)."""
    a = at(month)
    assert medical_required_months(a, "male") == 360
    assert medical_required_months(a, "female") == 300
    assert medical_required_local_months(a) == 120


PENSION = {
    "retirement_month": "2025-03", "age": (55, 1), "average_index": "0.5241", "account_balance": "66720.85",
    "as_of": date(2025, 4, 15),
}  # fmt: skip


def test_working_life_starts_at_16() -> None:
    """A retirement at 55 years 1 month (661 months of age) leaves at most 661 − 16 × 12 = 469
    months of contribution: 469 is accepted, 470 refused naming the field."""
    assert estimate_pension(contribution_months=469, **PENSION).total > 0  # type: ignore[arg-type]
    with pytest.raises(InputError) as refused:
        estimate_pension(contribution_months=470, **PENSION)  # type: ignore[arg-type]
    assert refused.value.field == "contribution_months"
