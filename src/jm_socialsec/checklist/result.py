"""What the checklist gives back (办理清单): the six items for one person, and the result.

Plain frozen models; their words are filled from ``checklist/texts.toml`` by
:mod:`jm_socialsec.checklist.words` (rules return codes only), and the explanation's lines
(``steps``) and ``warnings`` are built by the engine only when read.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import ClassVar

from pydantic import BaseModel, ConfigDict

from ..engine.explain import Explained, Notice
from ..engine.months import Age, YearMonth
from ..retirement import RetirementChoice
from .profile import RetireeProfile


class Document(BaseModel):
    """A document to bring. ``when`` (and ``when_en``) says why this person needs it; empty: base list."""

    model_config = ConfigDict(frozen=True)

    name: str
    name_en: str
    note: str = ""
    note_en: str = ""
    when: str = ""
    when_en: str = ""

    @property
    def situational(self) -> bool:
        return bool(self.when)


class Precondition(BaseModel):
    """Something still open that must be settled before (or while) the item is handled."""

    model_config = ConfigDict(frozen=True)

    code: str
    zh: str
    en: str


class Option(BaseModel):
    """A way forward when the minimum contribution years are not met."""

    model_config = ConfigDict(frozen=True)

    code: str
    zh: str
    en: str


class ChecklistItem(BaseModel):
    """One of the six items, for this person."""

    model_config = ConfigDict(frozen=True)

    number: int
    name: str
    name_en: str
    department: str
    department_en: str
    applies: bool
    reason: str
    reason_en: str
    documents: tuple[Document, ...] = ()
    #: Preconditions still open (empty when the item does not apply).
    preconditions: tuple[Precondition, ...] = ()
    #: Items (that apply) to finish first.
    depends_on: tuple[int, ...] = ()
    notes: tuple[Notice, ...] = ()


class MedicalCheck(BaseModel):
    """职工医保 years against the retirement thresholds (item 5)."""

    model_config = ConfigDict(frozen=True)

    #: Required total months; None when the threshold for that month is not in the tables.
    required_months: int | None
    required_local_months: int | None
    months: int | None
    local_months: int | None
    #: None when either the threshold or the person's months are not known.
    met: bool | None
    #: Months to pay (补缴) to meet both thresholds; None when unknown.
    top_up_months: int | None
    #: The threshold used is not official (assumed or overridden).
    threshold_assumed: bool


class RetirementChecklist(Explained):
    """The six items for one person, with the retirement month and the due date."""

    title_zh: ClassVar[str] = "企业职工退休“一件事”办理清单"
    title_en: ClassVar[str] = "Enterprise-employee retirement: one-stop checklist"
    headline: ClassVar[tuple[tuple[str, str, str], ...]] = (
        ("retirement_month", "退休年月", "retirement month"),
        ("min_years_met", "是否满最低缴费年限", "minimum contribution years met"),
        ("due_date", "预计办结日期", "due date"),
        ("due_date_estimate", "办结日期为预估", "due date is an estimate"),
    )

    profile: RetireeProfile
    apply_on: date
    items: tuple[ChecklistItem, ...]
    choice: RetirementChoice
    retirement_month: YearMonth
    retirement_age: Age
    statutory_month: YearMonth
    benefit_start: YearMonth
    min_contribution_years: Decimal
    min_years_met: bool
    #: Months missing to the minimum (0 when met).
    shortfall_months: int
    #: The options when the minimum is not met (empty when met).
    shortfall_options: tuple[Option, ...]
    medical: MedicalCheck | None
    working_days: int
    due_date: date
    #: True when the due date falls in a year whose holiday schedule was not published on as_of.
    due_date_estimate: bool
    #: The last year with a published holiday schedule (as known on as_of, and in the package).
    holiday_schedule_through: int
    #: Groups of applying item numbers, in processing order (within a group: in parallel).
    processing_order: tuple[tuple[int, ...], ...]
    #: Whether a figure was projected (asked for with ``project`` / ``assumptions``); the warnings say which.
    projected: bool = False

    def item(self, number: int) -> ChecklistItem:
        return next(i for i in self.items if i.number == number)

    @property
    def applying(self) -> tuple[int, ...]:
        return tuple(i.number for i in self.items if i.applies)

    def explain(self, lang: str = "zh") -> str:
        """The counter print-out: numbered items, check boxes, documents indented."""
        from .render import render_checklist_text

        return render_checklist_text(self, lang)

    def _repr_html_(self) -> str:
        from .render import render_checklist_html

        return render_checklist_html(self)
