"""The six items of the bundle, one module each, in the official order (事项清单).

1. :mod:`.pension_claim` — 企业职工基本养老金申领 (社保局)
2. :mod:`.special_type` — 企业职工从事特殊工种提前退休申请 (社保局)
3. :mod:`.history_review` — 企业职工历史信息审核申请 (社保局)
4. :mod:`.housing_fund` — 退休住房公积金提取 (住房公积金管理中心)
5. :mod:`.medical_benefits` — 职工医保退休待遇核定 (医保局)
6. :mod:`.one_child_reward` — 城镇独生子女父母计划生育奖励 (卫健局, filed at the town offices)

Each module's rules decide, from plain values, whether its item applies (and why: a reason
code), the documents (codes), the preconditions still open (codes) and the notes (codes); its
``verdict`` gathers them. The words are in ``checklist/texts.toml``, filled by
:mod:`jm_socialsec.checklist.words`.

The order (secondary: other provinces' bundles): 3 and 2 first (they fix the inputs of the
pension claim), then 1, then 4, 5 and 6 in parallel (they need the retirement decision).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from ...engine.months import Age, YearMonth
from ...engine.params import At
from ...engine.trace import rule
from ...retirement import RetirementChoice
from ..profile import RetireeProfile
from ..result import MedicalCheck

_ORDER_REF = "processing order of other provinces' 退休一件事 bundles (secondary)"
#: Processing order: the first group fixes the inputs of item 1; the last group needs its decision.
PHASES: tuple[tuple[int, ...], ...] = ((2, 3), (1,), (4, 5, 6))


@dataclass(frozen=True, slots=True)
class Case:
    """What the items share for one person (plain values, decided before the items)."""

    person: RetireeProfile
    apply_on: date
    choice: RetirementChoice
    month: YearMonth
    age: Age
    min_years: Decimal
    min_years_met: bool
    shortfall: int
    medical: MedicalCheck | None
    #: 特殊工种: earliest month, years required, public-notice days (None unless claimed).
    special_earliest: YearMonth | None = None
    special_required_years: Decimal | None = None
    publicity_days: int | None = None


class Verdict(NamedTuple):
    """What an item's rules decided: codes only (the words are in the catalogue)."""

    applies: bool
    reason: str
    documents: tuple[str, ...] = ()
    preconditions: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    #: Item 3's grounds: (ground code, value) pairs joined into its reason.
    grounds: tuple[tuple[str, str], ...] = ()


@rule("checklist.depends_on", ref=_ORDER_REF, step=False)
def depends_on(at: At, number: int, applying: frozenset[int]) -> tuple[int, ...]:
    """The applying items of the earlier phase an item waits for (none when it does not apply)."""
    if number not in applying:
        return ()
    phase = next(i for i, group in enumerate(PHASES) if number in group)
    return tuple(n for n in PHASES[phase - 1] if n in applying) if phase else ()


@rule("checklist.processing_order", ref=_ORDER_REF, step=False)
def processing_order(at: At, applying: frozenset[int]) -> tuple[tuple[int, ...], ...]:
    """Groups of applying items in processing order (within a group: in parallel)."""
    groups = (tuple(n for n in phase if n in applying) for phase in PHASES)
    return tuple(group for group in groups if group)
