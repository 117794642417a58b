"""Item 1: 企业职工基本养老金申领 (the basic pension claim), 社保局.

Sources: the Guangdong-wide item as published by Guangzhou (2025) — the base documents, the
situational ones and the checks before approval; 社会保险法 第十六条 (the minimum years); the
2024 NPC decision and 人社部发〔2024〕94号 (the retirement-month application, filed no later than
the month, for the flexible choices).

Choices where the texts are silent: with the minimum years not met the item does not apply and
the result gives the shortfall and the options instead; applying before the retirement month is
allowed, approval waits for the month.
"""

from __future__ import annotations

from datetime import date

from ...engine.months import YearMonth
from ...engine.params import At
from ...engine.trace import rule
from ...retirement import RetirementChoice
from . import Case, Verdict

_GUIDE = "广东省 企业职工基本养老金申领 办事指南 (广州市公布, 2025)"
_FLEXIBLE = (RetirementChoice.FLEXIBLE_EARLY, RetirementChoice.FLEXIBLE_LATE)


@rule("checklist.pension_claim", ref="社会保险法 第十六条 (累计缴费满十五年的，按月领取基本养老金)", step=False)
def pension_claim(at: At, min_years_met: bool) -> tuple[bool, str]:
    """Item 1 applies when the minimum contribution years are met at the retirement month."""
    return (True, "pension_claim") if min_years_met else (False, "pension_claim_short")


@rule("checklist.pension_claim_documents", ref=f"{_GUIDE}: 申请材料", step=False)
def pension_claim_documents(
    at: At,
    choice: RetirementChoice,
    employer_handles: bool,
    served_sentence: bool,
    duplicate_contributions: bool,
    by_proxy: bool,
) -> tuple[str, ...]:
    """The base documents (the form sealed when the employer manages the case), then the situational ones."""
    form = "benefit_declaration_form_employer" if employer_handles else "benefit_declaration_form"
    docs = [form, "retirement_month_application", "social_security_card_banking"]
    if choice is RetirementChoice.FLEXIBLE_LATE:
        docs.append("flexible_late_agreement")
    if served_sentence:
        docs.append("sentence_papers")
    if duplicate_contributions:
        docs.append("double_contribution_refund_form")
    if by_proxy:
        docs += ["power_of_attorney", "proxy_id_cards"]
    return tuple(docs)


@rule("checklist.pension_claim_preconditions", ref=f"{_GUIDE}: 办理条件; 人社部发〔2024〕94号", step=False)
def pension_claim_preconditions(
    at: At,
    apply_on: date,
    month: YearMonth,
    choice: RetirementChoice,
    other_province_contributions: bool,
    other_province_transferred: bool,
    arrears: bool,
) -> tuple[str, ...]:
    """What must be settled first: transfers, arrears, the month reached, a flexible month not past."""
    open_ = []
    if other_province_contributions and not other_province_transferred:
        open_.append("transfer_other_province")
    if arrears:
        open_.append("arrears")
    if apply_on < month.first_day():
        open_.append("age_not_reached")
    if choice in _FLEXIBLE and YearMonth.of(apply_on) > month:
        open_.append("chosen_month_passed")
    return (*open_, "stop_contributions")


@rule("checklist.pension_claim_notes", ref="劳社部发〔1999〕8号 (history reviewed before the claim)", step=False)
def pension_claim_notes(at: At, history_review_applies: bool) -> tuple[str, ...]:
    """The contribution time is provisional while item 3 reviews the history."""
    return ("years_pending_review",) if history_review_applies else ()


def verdict(at: At, c: Case, history_review_applies: bool) -> Verdict:
    p = c.person
    applies, reason = pension_claim(at, c.min_years_met)
    if not applies:
        return Verdict(False, reason)
    return Verdict(
        True,
        reason,
        pension_claim_documents(
            at, c.choice, p.employer_handles, p.served_sentence, p.duplicate_contributions, p.by_proxy
        ),
        pension_claim_preconditions(
            at,
            c.apply_on,
            c.month,
            c.choice,
            p.other_province_contributions,
            p.other_province_transferred,
            p.arrears,
        ),
        pension_claim_notes(at, history_review_applies),
    )
