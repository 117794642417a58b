"""The plan's result models (规划结果): one row per candidate retirement month, and the plan.

Rows carry amounts only (each is an :func:`~jm_socialsec.pension.estimate_pension` on the
projected inputs, its explanation never built); the plan carries the assumptions it rests on,
shown with their values and reasons, and the warnings. Renderers: :mod:`.render` (text, HTML,
JSON) and :mod:`.plot` (PNG, optional extra ``[plot]``).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

from ..engine.explain import Notice
from ..engine.money import Money
from ..engine.months import Age, YearMonth
from ..engine.regions import Region
from ..engine.types import SignedMoney
from ..retirement import Category, RetirementChoice
from .assumptions import Shown
from .candidates import Kind


class PlanRow(BaseModel):
    """One candidate retirement month: the 核定表 lines on the projected inputs, and the comparison.

    Below the minimum years there is no amount: ``eligible`` is False and ``missing_months`` says
    the shortfall. ``difference`` is ``total`` minus the statutory row's; ``catch_up_months`` the
    months of pension, after the later of this row and the statutory one starts, until the later
    one's cumulative pension reaches the earlier one's (None when it never does, or either has no
    amount). ``projected``: the row rests on a figure published per period that is not out yet.
    """

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    kind: Kind
    what_if: str | None = None
    choice: RetirementChoice
    retirement_month: YearMonth
    age: Age
    contribution_months: int
    contribution_years: Decimal
    average_index: Decimal
    account_balance: Money
    min_contribution_years: Decimal
    eligible: bool
    missing_months: int = 0
    top_up_months: int = 0
    annuity_months: Decimal | None = None
    base: Money | None = None
    basic: Money | None = None
    account: Money | None = None
    transitional: Money | None = None
    adjustment: Money | None = None
    total: Money | None = None
    difference: SignedMoney | None = None  # negative when the row pays less than the statutory one
    catch_up_months: int | None = None
    cumulative: Money | None = None
    projected: bool = False
    provisional: bool = False

    @property
    def label_zh(self) -> str:
        return f"{self.kind.zh}：{self.what_if}" if self.what_if else self.kind.zh

    @property
    def label_en(self) -> str:
        return f"{self.kind.en}: {self.what_if}" if self.what_if else self.kind.en


class RetirementPlan(BaseModel):
    """A retirement plan: the rows, the assumptions they rest on (shown), the warnings."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    as_of: date
    birth: YearMonth
    category: Category
    region: Region
    start: YearMonth
    contribution_months: int
    average_index: Decimal
    account_balance: Money
    statutory_month: YearMonth
    horizon: YearMonth
    projecting: bool
    rows: tuple[PlanRow, ...]
    assumptions: tuple[Shown, ...]
    warnings: tuple[Notice, ...]

    @property
    def statutory(self) -> PlanRow:
        """The statutory row (always in the table)."""
        return next(r for r in self.rows if r.kind is Kind.STATUTORY)

    @property
    def projected(self) -> bool:
        return any(r.projected for r in self.rows)

    def explain(self, lang: str = "zh") -> str:
        """The table as text: Chinese by default, ``lang="en"``."""
        from .render import text

        return text(self, lang)

    def __str__(self) -> str:
        return self.explain("zh")

    def to_html(self, lang: str = "zh") -> str:
        from .render import html

        return html(self, lang)

    def _repr_html_(self) -> str:
        return self.to_html("zh")

    def to_json(self) -> dict[str, Any]:
        """JSON-friendly dict: Decimals as strings, months "YYYY-MM"."""
        from .render import to_json

        return to_json(self)

    def to_png(self, path: str | Path, lang: str = "zh") -> Path:
        """The monthly and cumulative pension against the retirement month, as a PNG
        (``pip install "jm_socialsec[plot]"``)."""
        from .plot import to_png

        return to_png(self, path, lang)
