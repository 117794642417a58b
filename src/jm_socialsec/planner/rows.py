"""A plan's rows (方案比较): each candidate's amounts, and how it compares with the statutory one.

- ``difference`` = the row's total − the statutory row's total (a month's pension);
- ``catch_up_months`` (追平月数): the later of the two starts later but, when it pays more, its
  cumulative pension reaches the earlier one's after n months of its own pension, the least n with
  n × later ≥ (n + months between them) × earlier, i.e. ⌈gap × earlier ÷ (later − earlier)⌉; never
  when it pays no more (None). The contributions paid meanwhile are not counted (a planner choice);
- ``cumulative``: the total × the months from the month after retirement to the horizon age
  (an assumption, shown), only to compare the candidates;
- a lump-sum top-up (一次性缴费至最低缴费年限) adds the missing months at the retirement month's
  contribution (the same base, index and 8% to the account as a month contributed then).
"""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction
from typing import Any

from ..engine.money import round_exact
from ..engine.months import YearMonth
from ..pension import PensionEstimate
from .assumptions import default_value
from .candidates import Candidate, Kind
from .path import Contributions, Point
from .result import PlanRow


def row_of(c: Candidate, point: Point, estimate: PensionEstimate, topped: int) -> PlanRow:
    """A candidate's row from its estimate (amounts only) and the projected inputs; its comparison
    (difference, catch-up months, cumulative) is left at None until :func:`compared`."""
    projected = point.projected or any(w.code == "projected" for w in estimate.warnings)
    fields: dict[str, Any] = {
        "kind": c.kind,
        "what_if": None if c.what_if is None else c.what_if.name,
        "choice": c.choice,
        "retirement_month": c.month,
        "age": estimate.age,
        "contribution_months": estimate.contribution_months,
        "contribution_years": estimate.contribution_years,
        "average_index": estimate.average_index,
        "account_balance": point.balance,
        "min_contribution_years": estimate.min_contribution_years,
        "eligible": estimate.eligible,
        "missing_months": estimate.missing_months,
        "top_up_months": topped,
        "annuity_months": estimate.annuity_months,
        "base": estimate.base,
        "basic": estimate.basic,
        "account": estimate.account,
        "transitional": estimate.transitional,
        "adjustment": estimate.adjustment,
        "total": estimate.total,
        "projected": projected,
        "provisional": estimate.provisional,
    }
    return PlanRow.model_construct(**fields)


def catch_up(gap: int, earlier: Fraction, later: Fraction) -> int | None:
    """Months of the later pension until its cumulative reaches the earlier one's (None: never)."""
    if later <= earlier:
        return None
    whole, rest = divmod(gap * earlier, later - earlier)
    return int(whole) + (1 if rest else 0)


def _compare(row: PlanRow, statutory: PlanRow, horizon: YearMonth) -> dict[str, Any]:
    if row.total is None:
        return {}
    cumulative = row.total * max(0, horizon - row.retirement_month)
    if statutory.total is None or row is statutory:
        return {"cumulative": cumulative}
    gap = abs(row.retirement_month - statutory.retirement_month)
    earlier, later = sorted((row, statutory), key=lambda r: r.retirement_month)
    return {
        "cumulative": cumulative,
        "difference": row.total - statutory.total,
        "catch_up_months": None if gap == 0 else _catch_up(gap, earlier, later),
    }


def _catch_up(gap: int, earlier: PlanRow, later: PlanRow) -> int | None:
    assert earlier.total is not None and later.total is not None
    return catch_up(gap, Fraction(earlier.total), Fraction(later.total))


def compared(rows: list[PlanRow], horizon: YearMonth) -> list[PlanRow]:
    """The rows with their difference, catch-up months and cumulative pension."""
    statutory = next(r for r in rows if r.kind is Kind.STATUTORY)
    return [r.model_copy(update=_compare(r, statutory, horizon)) for r in rows]


def top_up(contributions: Contributions, point: Point, missing: int) -> tuple[Point, int]:
    """The point after a lump-sum payment of ``missing`` months at its month's contribution."""
    c = contributions.of(point.month)
    months = point.months + missing
    index_sum = Fraction(point.index) * point.months + c.index * missing
    index = round_exact(index_sum / months, default_value("index_precision"))
    balance = point.balance + c.deposit * missing
    return replace(
        point, months=months, index=index, balance=balance, projected=point.projected or c.projected
    ), missing
