"""The retirement months a plan compares (候选退休时间), by the retirement rules.

- the statutory month (办法第一条; :func:`jm_socialsec.retirement.statutory_month`);
- every flexible-early month of the window (办法第三条: from the original age, at most the
  table's months early; :func:`jm_socialsec.retirement.flexible.window`) that is not in the past —
  whether the minimum years are met at that month is the pension estimate's check, made on the
  projected months (a month that fails it is not allowed and is left out);
- every flexible-late month of the window (with the employer's agreement);
- the special-type month (办法第八条), when a work type is given and its years qualify;
- what-ifs the caller names (:class:`WhatIf`): another index, a gap, a lump-sum top-up of the
  missing months (一次性缴费至最低缴费年限, only from the statutory month on: an early retirement
  needs the minimum years beforehand), at the statutory month unless another month is given.

Nothing here is a new rule: the windows, ages and years are the retirement area's.
"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum
from typing import Any, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..engine.api import check
from ..engine.months import YearMonth
from ..engine.params import Params
from ..retirement import Category, RetirementChoice, SpecialWorkType, statutory_month
from ..retirement.flexible import window
from ..retirement.special import special_month, special_years_qualify


class Kind(StrEnum):
    """Why a month is in the table."""

    STATUTORY = "statutory"
    FLEXIBLE_EARLY = "flexible_early"
    FLEXIBLE_LATE = "flexible_late"
    SPECIAL = "special"
    WHAT_IF = "what_if"

    @property
    def zh(self) -> str:
        return _ZH[self]

    @property
    def en(self) -> str:
        return self.value.replace("_", " ")


_ZH = {
    Kind.STATUTORY: "法定退休",
    Kind.FLEXIBLE_EARLY: "弹性提前",
    Kind.FLEXIBLE_LATE: "弹性延迟",
    Kind.SPECIAL: "特殊工种",
    Kind.WHAT_IF: "假设",
}


class WhatIf(BaseModel):
    """A variant the caller names: at ``month`` (default: the statutory month), with another index
    ahead, a gap of months from the projection start, and/or a lump-sum top-up of missing months."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str = Field(min_length=1, max_length=40)
    month: YearMonth | None = None
    index: Decimal | None = None
    gap_months: int = Field(default=0, ge=0)
    top_up: bool = False

    @field_validator("month", mode="before")
    @classmethod
    def _month(cls, value: Any) -> Any:
        return None if value is None else YearMonth.of(value)


class Candidate(NamedTuple):
    """One row to compute: why, the month, the choice the retirement rules know it by."""

    kind: Kind
    month: YearMonth
    choice: RetirementChoice
    what_if: WhatIf | None = None


class Special(NamedTuple):
    """The special-type facts given (both or neither)."""

    work_type: SpecialWorkType | None
    years: Decimal | None


def choice_for(month: YearMonth, statutory: YearMonth) -> RetirementChoice:
    """The choice a month amounts to, relative to the statutory month."""
    if month < statutory:
        return RetirementChoice.FLEXIBLE_EARLY
    return RetirementChoice.STATUTORY if month == statutory else RetirementChoice.FLEXIBLE_LATE


def _flexible(params: Params, birth: YearMonth, category: Category, start: YearMonth) -> list[Candidate]:
    original, _, statutory = statutory_month(params, birth, category)
    w = window(params, birth, original.years, statutory)
    if w is None:
        return []
    early = [
        Candidate(Kind.FLEXIBLE_EARLY, w.earliest + n, RetirementChoice.FLEXIBLE_EARLY)
        for n in range(statutory - w.earliest)
        if w.earliest + n >= start
    ]
    late = [
        Candidate(Kind.FLEXIBLE_LATE, statutory + n, RetirementChoice.FLEXIBLE_LATE)
        for n in range(1, w.latest - statutory + 1)
    ]
    return [*early, *late]


def _special(params: Params, birth: YearMonth, category: Category, special: Special) -> list[Candidate]:
    if special.work_type is None or special.years is None:
        return []
    _, _, earliest = special_month(params, birth, category)
    _, _, statutory = statutory_month(params, birth, category)
    qualifies = special_years_qualify(params.at(earliest), special.work_type, special.years)
    if not qualifies or earliest >= statutory:
        return []
    return [Candidate(Kind.SPECIAL, earliest, RetirementChoice.SPECIAL)]


def _what_ifs(what_ifs: tuple[WhatIf, ...], statutory: YearMonth, start: YearMonth) -> list[Candidate]:
    out = []
    for n, w in enumerate(what_ifs):
        month = w.month or statutory
        check(
            month >= start,
            f"what_ifs[{n}].month",
            f"假设“{w.name}”的退休年月 {month} 早于推算起点 {start}",
            f"what-if {w.name!r}: the month {month} is before the projection start {start}",
        )
        check(
            not w.top_up or month >= statutory,
            f"what_ifs[{n}].top_up",
            f"一次性缴费至最低缴费年限只能在达到法定退休年龄（{statutory}）后办理",
            f"a lump-sum top-up to the minimum years is only possible from the statutory month ({statutory})",
        )
        out.append(Candidate(Kind.WHAT_IF, month, choice_for(month, statutory), w))
    return out


def candidates(
    params: Params,
    birth: YearMonth,
    category: Category,
    start: YearMonth,
    special: Special,
    what_ifs: tuple[WhatIf, ...],
) -> list[Candidate]:
    """Every row of the plan, in the order of the months (what-ifs last)."""
    _, _, statutory = statutory_month(params, birth, category)
    rows = [Candidate(Kind.STATUTORY, statutory, RetirementChoice.STATUTORY)]
    rows += _flexible(params, birth, category, start)
    rows += [c for c in _special(params, birth, category, special) if c.month >= start]
    rows.sort(key=lambda c: c.month)
    return rows + _what_ifs(what_ifs, statutory, start)
