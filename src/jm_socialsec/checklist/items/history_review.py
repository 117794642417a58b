"""Item 3: 企业职工历史信息审核申请 (review of the employment history), 社保局.

Sources: 劳社部发〔1999〕8号 (the birth date is the earliest recorded in the file); when the review is
needed is a clean rule of other provinces' bundles (secondary): deemed time (military service,
知青上山下乡, continuous service in state or collective units before 1998), facts to be read from
the personnel file, or special-type records — unless the history was reviewed already.
"""

from __future__ import annotations

from ...engine.params import At
from ...engine.trace import rule
from ...retirement import SpecialWorkType
from ..profile import DeemedService
from . import Case, Verdict

_BUNDLES = "other provinces' 退休一件事 bundles: 历史信息审核 (secondary)"
_PROOF = {
    DeemedService.MILITARY: "military_proof",
    DeemedService.SENT_DOWN_YOUTH: "sent_down_youth_proof",
    DeemedService.STATE_COLLECTIVE: "state_collective_proof",
}


@rule("checklist.history_review_grounds", ref=_BUNDLES, step=False)
def history_review_grounds(
    at: At,
    deemed_service: tuple[DeemedService, ...],
    history_from_file: bool,
    special_type: SpecialWorkType | None,
) -> tuple[tuple[str, str], ...]:
    """What must be reviewed: each kind of deemed time, file facts, special-type records."""
    grounds = [("deemed", d.value) for d in deemed_service]
    if history_from_file:
        grounds.append(("from_file", ""))
    if special_type is not None:
        grounds.append(("special_records", special_type.value))
    return tuple(grounds)


@rule("checklist.history_review", ref=_BUNDLES, step=False)
def history_review(at: At, grounds: tuple[tuple[str, str], ...], history_reviewed: bool) -> tuple[bool, str]:
    """Item 3 applies when there is something to review that was not reviewed already."""
    if not grounds:
        return False, "history_nothing_to_review"
    if history_reviewed:
        return False, "history_reviewed"
    return True, "history_review"


@rule("checklist.history_review_documents", ref="历史信息审核 办事指南 (申请材料)", step=False)
def history_review_documents(at: At, deemed_service: tuple[DeemedService, ...]) -> tuple[str, ...]:
    """The file, the ID card, the form, and the proof of each kind of deemed time declared."""
    proofs = tuple(_PROOF[d] for d in DeemedService if d in deemed_service)
    return ("personnel_file", "id_card", "history_review_form", *proofs)


@rule("checklist.history_review_notes", ref="劳社部发〔1999〕8号", step=False)
def history_review_notes(at: At, history_from_file: bool) -> tuple[str, ...]:
    """The earliest birth date in the file counts."""
    return ("earliest_birth_date",) if history_from_file else ()


def verdict(at: At, c: Case) -> Verdict:
    p = c.person
    grounds = history_review_grounds(at, p.deemed_service, p.history_from_file, p.special_type)
    applies, reason = history_review(at, grounds, p.history_reviewed)
    if not applies:
        return Verdict(False, reason)
    return Verdict(
        True,
        reason,
        history_review_documents(at, p.deemed_service),
        (),
        history_review_notes(at, p.history_from_file),
        grounds,
    )
