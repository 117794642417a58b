"""职工医保 years at retirement (item 5's check): 职工医保退休缴费年限.

Sources: 社会保险法 第二十七条 (a retiree who has paid the required years pays no more; one who
has not pays up to them); 粤医保规〔2022〕6号 第六条 (total years: province-wide 30 for men, 25 for
women from 2030-01-01, each city stepping up from its own 2021 rule until then) and 第八条第（二）项
(of them, 10 years actually paid in the city where benefits are drawn, from 2022-07-01).

Choices where the texts are silent: Jiangmen's 2022–2029 steps were not found; the tables hold the
2030 values as *assumed* for those years (a warning and a note on item 5 say so; ``overrides``
replace them). Months to pay (补缴) are the larger of the two shortfalls: a month paid in
Jiangmen counts towards both. Years become months rounding up (half years only).

Limits: the top-up amount (the city's 上上年度 average wage × the employer rate) is not computed;
before 2022-07-01 no threshold is in the tables and nothing is guessed (the bureau decides).
"""

from __future__ import annotations

from decimal import ROUND_CEILING, Decimal

from ..engine.errors import NotCovered
from ..engine.params import At
from ..engine.tables import Status, Unit
from ..engine.trace import rule
from .result import MedicalCheck

_YEAR = 12  # months in a year (structural)
_GD_2022_6 = "粤医保规〔2022〕6号"


def _months(years: Decimal) -> int:
    return int((years * _YEAR).to_integral_value(rounding=ROUND_CEILING))


@rule("checklist.medical_required_months", ref=f"{_GD_2022_6} 第六条", unit=Unit.MONTHS, step=False)
def medical_required_months(at: At, sex: str) -> int:
    """累计缴费年限要求, in months, for a retirement in this month."""
    return _months(at("medical.retirement_min_years", sex))


@rule("checklist.medical_required_local_months", ref=f"{_GD_2022_6} 第八条第（二）项", unit=Unit.MONTHS, step=False)
def medical_required_local_months(at: At) -> int:
    """本市实际缴费年限要求, in months."""
    return _months(at("medical.retirement_min_local_years"))


@rule("checklist.medical_threshold_assumed", ref=f"{_GD_2022_6} 第六条 (江门 2022–2029 steps not found)", step=False)
def medical_threshold_assumed(at: At, sex: str) -> bool:
    """Whether a threshold used is not official (assumed, or the caller's override)."""
    used = (at.get("medical.retirement_min_years", sex), at.get("medical.retirement_min_local_years"))
    return any(pv.overridden or pv.status is not Status.OFFICIAL for pv in used)


@rule("checklist.medical_requirement", ref=f"{_GD_2022_6} 第六条、第八条第（二）项", unit=Unit.MONTHS)
def medical_requirement(at: At, sex: str) -> int:
    """The thresholds in months (shown when the person's own months are not known yet)."""
    total = medical_required_months(at, sex)
    medical_required_local_months(at)
    return total


@rule("checklist.medical_top_up_months", ref=f"社会保险法 第二十七条; {_GD_2022_6} 第六条、第八条", unit=Unit.MONTHS)
def medical_top_up_months(at: At, sex: str, months: int, local_months: int) -> int:
    """职工医保补缴月数 = max(0, total required − total, local required − local)."""
    total = medical_required_months(at, sex) - months
    local = medical_required_local_months(at) - local_months
    return max(0, total, local)


def medical_check(at: At, sex: str, months: int | None, local: int | None) -> MedicalCheck:
    """The check for a retirement in ``at``'s month: thresholds, the person's months, the top-up."""
    try:
        required, required_local = medical_required_months(at, sex), medical_required_local_months(at)
    except NotCovered:  # before the Guangdong rule: the bureau decides; nothing is guessed
        return MedicalCheck(
            required_months=None,
            required_local_months=None,
            months=months,
            local_months=local,
            met=None,
            top_up_months=None,
            threshold_assumed=True,
        )
    assumed = medical_threshold_assumed(at, sex)
    if months is None or local is None:
        medical_requirement(at, sex)
        top_up = None
    else:
        top_up = medical_top_up_months(at, sex, months, local)
    return MedicalCheck(
        required_months=required,
        required_local_months=required_local,
        months=months,
        local_months=local,
        met=None if top_up is None else top_up == 0,
        top_up_months=top_up,
        threshold_assumed=assumed,
    )
