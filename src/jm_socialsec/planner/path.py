"""A person's path to retirement (退休前的缴费路径), month by month from the state today.

From today's contribution months, average index and account balance, each month ahead adds:

- a contribution month (unless in a gap), at a contribution wage — the year's wage if given, else
  the year's index × the previous year's provincial average monthly wage — held within the
  window's limits (:func:`jm_socialsec.pension.contributions.contribution_base`, the same rule as
  a monthly contribution), its index the base ÷ that average wage (rules reference §3.1);
- 8% of the base to the personal account (:func:`~jm_socialsec.pension.contributions.employee_share`,
  rounded to 分 as billed), the rate read from tables/ (rules reference §3.2, §4);
- interest at the year's crediting rate, credited once a year (rules reference §3.2: yearly
  crediting). Within a year the interest accrues on the monthly balances (月积数法: the opening
  balance for every month, each deposit from its own month on), so a retirement in the middle of
  a year carries that year's interest to the end of its retirement month.

Choices where the texts are silent (marked as the planner's, not the law's): the state today is
taken at the start of the projection start month (its contribution not yet paid); the retirement
month is contributed for (contributions stop after it, the pension starts the month after);
interest is rounded to 分 when credited at the year end and at the retirement month; the average
index is kept to four decimals as the sheets print it. Figures published per period that are not
out yet (the limits, the average wage) are read through the engine's projection, marked
``projected``; with projection off they are refused with the hint how to ask.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

from ..engine.api import check
from ..engine.errors import InputError
from ..engine.money import round_exact, round_fen
from ..engine.months import YearMonth
from ..engine.params import Params, ParamValue
from ..pension.contributions import contribution_base, employee_share
from .assumptions import PlanAssumptions, default_value

_YEAR = 12  # months in a year (structural)
_JULY = 7  # contribution-base windows run July to June (tables/pension/contributions.toml)
AVERAGE_WAGE = "wages.provincial_average_monthly"


@dataclass(frozen=True, slots=True)
class Today:
    """The person's state at the start of the projection."""

    birth: YearMonth
    start: YearMonth
    months: int
    index: Decimal
    balance: Decimal


@dataclass(frozen=True, slots=True)
class Point:
    """The state at the end of a month, were the person to retire in it."""

    month: YearMonth
    months: int
    index: Decimal
    balance: Decimal
    #: A figure published per period was projected on the way here (limits or average wage).
    projected: bool


@dataclass(frozen=True, slots=True)
class _Mark:
    """What a point needs, kept cheap: its index sum as (folded sum, current index, its count)."""

    month: YearMonth
    months: int
    folded: Fraction
    current: Fraction
    count: int
    balance: Decimal
    projected: bool


@dataclass(frozen=True, slots=True)
class Month:
    """One month's contribution under the assumptions."""

    index: Fraction
    deposit: Decimal
    projected: bool


class PlanParams(Params):
    """The parameters of one plan: a projected figure is worked out once per period and key (the
    plan's assumptions do not change while it runs), however many months and paths read it."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self._projected: dict[tuple[str, date, str | None], ParamValue] = {}

    def _resolved_or_projected(self, param: str, day: date, key: str | None) -> ParamValue:
        found = self._projected.get((param, day, key))
        if found is None:
            found = self._projected[(param, day, key)] = super()._resolved_or_projected(param, day, key)
        return found


class Contributions:
    """A month's contribution, worked out once per contribution window (year and half)."""

    def __init__(self, params: Params, a: PlanAssumptions, index_so_far: Decimal) -> None:
        self.params, self.a, self.index_so_far = params, a, index_so_far
        self._memo: dict[tuple[int, bool], Month] = {}

    def of(self, month: YearMonth) -> Month:
        key = (month.year, month.month >= _JULY)
        found = self._memo.get(key)
        if found is None:
            found = self._memo[key] = self._work_out(month)
        return found

    def _work_out(self, month: YearMonth) -> Month:
        read = len(self.params.used)
        average = self.params.value(AVERAGE_WAGE, YearMonth(month.year - 1, 1))
        # the limits are one figure per July-to-June window: read at its first month
        at = self.params.at(YearMonth(month.year if month.month >= _JULY else month.year - 1, _JULY))
        base = contribution_base(at, self._wage(month.year, average))
        deposit = employee_share(at, base)
        projected = any(pv.projected for pv in self.params.used[read:])
        return Month(Fraction(base) / Fraction(average), deposit, projected)

    def _wage(self, year: int, average: Decimal) -> Decimal:
        wage = self.a.wage_by_year.get(year)
        if wage is not None:
            return wage
        index = self.a.index_by_year.get(year, self.a.index if self.a.index is not None else self.index_so_far)
        ceiling = self.params.value("pension.max_average_index", YearMonth(year, 1))
        field = f"assumptions.index_by_year[{year}]" if year in self.a.index_by_year else "assumptions.index"
        check(
            Decimal(0) < index <= ceiling,
            field,
            f"缴费指数 {index} 应大于0且不超过{ceiling}",
            f"a contribution index of {index} must be above 0 and at most {ceiling}",
        )
        return index * average


def gap_months(a: PlanAssumptions, start: YearMonth) -> frozenset[YearMonth]:
    """Every month without contributions."""
    return frozenset((g.start or start) + n for g in a.gaps for n in range(g.months))


class Path:
    """The month-by-month path from the start to the last month asked for."""

    def __init__(self, today: Today, marks: list[_Mark]) -> None:
        self.today, self.marks = today, marks
        self._step = default_value("index_precision")

    def at(self, month: YearMonth) -> Point:
        """The state at the end of ``month`` (a retirement month from the start on)."""
        offset = month - self.today.start
        check(
            offset >= 0,
            "retirement_month",
            f"退休年月 {month} 早于推算起点 {self.today.start}",
            f"the retirement month {month} is before the projection start {self.today.start}",
        )
        if offset >= len(self.marks):
            raise InputError(
                "retirement_month",
                f"退休年月 {month} 超出推算范围（至 {self.marks[-1].month}）",
                f"the retirement month {month} is past the projected path (to {self.marks[-1].month})",
            )
        m = self.marks[offset]
        total = m.folded + m.current * m.count
        index = round_exact(total / m.months, self._step) if m.months else self.today.index
        return Point(m.month, m.months, index, m.balance, m.projected)


def project_path(contributions: Contributions, today: Today, a: PlanAssumptions, until: YearMonth) -> Path:
    """Month by month from ``today.start`` to ``until``: months, index sum, balance with interest."""
    gaps = gap_months(a, today.start)
    months, folded, current, count = today.months, Fraction(today.index) * today.months, Fraction(0), 0
    opening, deposits, product, projected = today.balance, Decimal(0), Decimal(0), False
    marks: list[_Mark] = []
    month = today.start
    while month <= until:
        if month not in gaps:
            c = contributions.of(month)
            if c.index != current:  # a new window's index: fold the last one's months in
                folded, current, count = folded + current * count, c.index, 0
            months, count, deposits = months + 1, count + 1, deposits + c.deposit
            projected = projected or c.projected
        product += opening + deposits  # 月积数: this month's balance
        interest = round_fen(product * a.crediting(month.year) / _YEAR)
        marks.append(_Mark(month, months, folded, current, count, opening + deposits + interest, projected))
        if month.month == _YEAR:  # credited at the year end
            opening, deposits, product = opening + deposits + interest, Decimal(0), Decimal(0)
        month = month + 1
    return Path(today, marks)
