"""Item 6: 城镇独生子女父母计划生育奖励 (family-planning reward for urban one-child parents), 卫健局.

Sources: 广东省人口与计划生育条例 (2021) 第三十六条 (urban one-child parents receive a reward on
retirement); documents and where to apply as listed by a Jiangmen county office (spouses in
different towns apply where the wife's hukou is, in different cities each where their own is).

Limits: the amount is not known for Jiangmen and is not computed; a rural hukou, a hukou outside
Jiangmen, a reward already paid or a deceased child lead elsewhere (the reason says where).
"""

from __future__ import annotations

from ...engine.params import At
from ...engine.trace import rule
from ..profile import HukouType, SpouseHukou
from . import Case, Verdict

_REGULATION = "广东省人口与计划生育条例 (2021) 第三十六条"
_COUNTY_LIST = "江门 县级卫健部门 城镇独生子女父母计划生育奖励 申请材料"


@rule("checklist.one_child_reward", ref=_REGULATION, step=False)
def one_child_reward(
    at: At,
    one_child_certificate: bool,
    hukou_type: HukouType | None,
    hukou_outside_jiangmen: bool,
    one_child_rewarded: bool,
    only_child_deceased: bool,
    min_years_met: bool,
) -> tuple[bool, str]:
    """Item 6 applies to an urban Jiangmen hukou with the certificate, not yet rewarded, child alive."""
    if not one_child_certificate:
        return False, "one_child_no_certificate"
    if hukou_type is HukouType.RURAL:
        return False, "one_child_rural"
    if hukou_outside_jiangmen:
        return False, "one_child_hukou_elsewhere"
    if one_child_rewarded:
        return False, "one_child_rewarded"
    if only_child_deceased:
        return False, "one_child_deceased"
    if not min_years_met:
        return False, "needs_item_1"
    return True, "one_child_reward"


@rule("checklist.one_child_reward_documents", ref=_COUNTY_LIST, step=False)
def one_child_reward_documents(at: At, only_child_adopted: bool) -> tuple[str, ...]:
    """The county office's list; adoption papers for an adopted child."""
    docs = (
        "id_card",
        "household_register",
        "marriage_certificate",
        "birth_certificate",
        "one_child_certificate",
        "proof_of_retirement",
        "photos",
        "reward_application_form",
    )
    return (*docs, "adoption_papers") if only_child_adopted else docs


@rule("checklist.one_child_reward_notes", ref=_COUNTY_LIST, step=False)
def one_child_reward_notes(at: At, spouse_hukou: SpouseHukou) -> tuple[str, ...]:
    """Where to apply (by the spouses' hukou); the amount is not known."""
    return (f"where_to_apply_{spouse_hukou.value}", "one_child_amount_unknown")


def verdict(at: At, c: Case) -> Verdict:
    p = c.person
    applies, reason = one_child_reward(
        at,
        p.one_child_certificate,
        p.hukou_type,
        p.hukou_outside_jiangmen,
        p.one_child_rewarded,
        p.only_child_deceased,
        c.min_years_met,
    )
    if not applies:
        return Verdict(False, reason)
    return Verdict(
        True,
        reason,
        one_child_reward_documents(at, p.only_child_adopted),
        (),
        one_child_reward_notes(at, p.spouse_hukou),
    )
