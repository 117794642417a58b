"""Item 4: 退休住房公积金提取 (housing-fund withdrawal on retirement), 住房公积金管理中心.

Sources: 住房公积金管理条例 第二十四条（二） (retirement: the balance may be withdrawn) and 第二十五条
(the account is closed). Jiangmen's own document list was not collected (the window's list
prevails); the proof of retirement comes from item 1, so the item waits for it.
"""

from __future__ import annotations

from ...engine.params import At
from ...engine.trace import rule
from . import Case, Verdict

_REGULATION = "住房公积金管理条例 第二十四条（二）、第二十五条"


@rule("checklist.housing_fund", ref=_REGULATION, step=False)
def housing_fund(at: At, housing_fund_account: bool, min_years_met: bool) -> tuple[bool, str]:
    """Item 4 applies to a declared account, once item 1 can be decided."""
    if not housing_fund_account:
        return False, "housing_fund_none"
    if not min_years_met:
        return False, "needs_item_1"
    return True, "housing_fund"


@rule("checklist.housing_fund_preconditions", ref=_REGULATION, step=False)
def housing_fund_preconditions(at: At, housing_fund_arrears: bool) -> tuple[str, ...]:
    """The employer's arrears are paid first."""
    return ("housing_fund_arrears",) if housing_fund_arrears else ()


def verdict(at: At, c: Case) -> Verdict:
    p = c.person
    applies, reason = housing_fund(at, p.housing_fund_account, c.min_years_met)
    if not applies:
        return Verdict(False, reason)
    return Verdict(
        True,
        reason,
        ("id_card", "bank_account"),
        housing_fund_preconditions(at, p.housing_fund_arrears),
        ("housing_fund_closed",),
    )
