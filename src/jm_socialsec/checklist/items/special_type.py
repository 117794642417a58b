"""Item 2: 企业职工从事特殊工种提前退休申请 (special-type early retirement), 社保局.

Sources: 办法 第八条 (special types keep their earlier ages, delayed as the statutory ones);
劳部发〔1993〕120号 (only types approved before 1993 count); the national register
人社厅发〔2020〕76号 (secondary: a Guangdong service page); the public notice (公示) before
approval, its length assumed (other cities' service guides, table
``checklist.special_publicity_working_days``).

The item applies only when the person claims it (``choice="special"``; the retirement area has
checked the type and the years). Special-type history without a claim goes to item 3.
"""

from __future__ import annotations

from decimal import Decimal

from ...engine.months import YearMonth
from ...engine.params import At
from ...engine.trace import rule, untraced
from ...retirement import Category, RetirementChoice, SpecialWorkType, special_month
from . import Case, Verdict


@rule("checklist.special_type_claim", ref="办法 第八条", step=False)
def special_type_claim(at: At, choice: RetirementChoice, special_type: SpecialWorkType | None) -> tuple[bool, str]:
    """Item 2 applies to a special-type claim; special-type history alone is item 3's."""
    if choice is RetirementChoice.SPECIAL:
        return True, "special_type_claim"
    return False, "special_type_history_only" if special_type is not None else "special_type_not_claimed"


@rule("checklist.special_type_requirement", ref="办法 第八条; 劳部发〔1993〕120号", step=False)
def special_type_requirement(
    at: At, birth: YearMonth, category: Category, special_type: SpecialWorkType
) -> tuple[YearMonth, Decimal]:
    """(earliest special-type month, years required in the type then).

    The month is the retirement area's (its own lines explain ``special_retirement()``; here it
    runs untraced, and the retirement month's line already cites the tables it reads).
    """
    with untraced():
        _, _, earliest = special_month(at.params, birth, category)
    return earliest, at.at(earliest)("retirement.special.required_years", special_type.value)


@rule("checklist.special_type_documents", ref="特殊工种提前退休 办事指南 (申请材料)", step=False)
def special_type_documents(at: At) -> tuple[str, ...]:
    """The original file proving the type and its years, the form, the notice receipt, the cards."""
    return ("original_file", "special_type_form", "publicity_receipt", "id_card", "social_security_card")


@rule("checklist.special_type_preconditions", ref="人社厅发〔2020〕76号; 特殊工种提前退休 公示", step=False)
def special_type_preconditions(at: At, in_register: bool | None, min_years_met: bool) -> tuple[str, ...]:
    """The register (missing, or not checked yet), the public notice, the minimum years."""
    open_ = []
    if in_register is not True:
        open_.append("special_register_missing" if in_register is False else "special_register_unverified")
    open_.append("special_publicity")
    if not min_years_met:
        open_.append("min_years")
    return tuple(open_)


def verdict(at: At, c: Case) -> Verdict:
    p = c.person
    applies, reason = special_type_claim(at, c.choice, p.special_type)
    if not applies:
        return Verdict(False, reason)
    return Verdict(
        True,
        reason,
        special_type_documents(at),
        special_type_preconditions(at, p.special_in_register, c.min_years_met),
        ("early_lowers_pension", "types_before_1993"),
    )
