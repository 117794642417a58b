"""Item 5: 职工医保退休待遇核定 (employee medical insurance: retiree benefits), 医保局.

Sources: 社会保险法 第二十七条; 粤医保规〔2022〕6号 (the thresholds: :mod:`..medical`). Inside the
bundle nothing more is brought: the data comes from item 1. The reason depends on what is
known: the thresholds (not before 2022-07-01), the person's months, and the months to top up.
"""

from __future__ import annotations

from ...engine.params import At
from ...engine.trace import rule
from ..result import MedicalCheck
from . import Case, Verdict

_LAW = "社会保险法 第二十七条; 粤医保规〔2022〕6号"


@rule("checklist.medical_benefits", ref=_LAW, step=False)
def medical_benefits(
    at: At, employee_medical: bool, min_years_met: bool, medical: MedicalCheck | None
) -> tuple[bool, str]:
    """Item 5 applies to a member of 职工医保 once item 1 can be decided; the reason says what is known."""
    if not employee_medical or medical is None:
        return False, "medical_not_insured"
    if not min_years_met:
        return False, "needs_item_1"
    if medical.required_months is None or medical.required_local_months is None:
        return True, "medical_threshold_unknown"
    if medical.met is None:
        return True, "medical_months_unknown"
    return True, "medical_met" if medical.met else "medical_short"


@rule("checklist.medical_benefits_preconditions", ref=_LAW, step=False)
def medical_benefits_preconditions(at: At, medical: MedicalCheck) -> tuple[str, ...]:
    """The person's months, when not known; the top-up, when short."""
    if medical.required_months is None:
        return ()
    if medical.met is None:
        return ("medical_years_unknown",)
    return () if medical.met else ("medical_top_up",)


@rule("checklist.medical_benefits_notes", ref=_LAW, step=False)
def medical_benefits_notes(at: At, threshold_assumed: bool) -> tuple[str, ...]:
    """An unconfirmed threshold is said; the data is pushed from item 1."""
    return ("medical_threshold_assumed", "medical_data_pushed") if threshold_assumed else ("medical_data_pushed",)


def verdict(at: At, c: Case) -> Verdict:
    applies, reason = medical_benefits(at, c.person.employee_medical, c.min_years_met, c.medical)
    if not applies or c.medical is None:
        return Verdict(False, reason)
    return Verdict(
        True,
        reason,
        (),
        medical_benefits_preconditions(at, c.medical),
        medical_benefits_notes(at, c.medical.threshold_assumed),
    )
