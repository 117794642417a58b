"""Flexible retirement (弹性退休): 办法第三条.

Source: 国务院关于渐进式延迟法定退休年龄的办法 第三条 — with the minimum contribution years met,
a person may retire early by choice, at most three years before the statutory age and never
below the original age (60 / 55 / 50); with the employer's agreement (协商一致), late, at most
three years after it. The months are in tables/retirement (``retirement.flexible_*``).

Choices where the texts are silent: "three years" is counted as 36 calendar months from the
statutory month; a person whose statutory month precedes 2025-01-01 has no flexible window (the
rule did not exist then). Limits: whether the minimum years are met at the chosen month is
checked where the contribution months are known (:mod:`.choice`), not here.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from ..engine.months import Age, YearMonth
from ..engine.params import At, Params
from ..engine.trace import rule, version

_FLEXIBLE = "国务院关于渐进式延迟法定退休年龄的办法 第三条"
REFORM_IN_FORCE = date(2025, 1, 1)


class Window(NamedTuple):
    """The flexible window: the earliest flexible-early and the latest flexible-late month."""

    earliest: YearMonth
    latest: YearMonth

    def __str__(self) -> str:
        return f"{self.earliest} – {self.latest}"


@rule("retirement.flexible_retirement_window", ref=_FLEXIBLE, since=REFORM_IN_FORCE)
def flexible_retirement_window(at: At, birth: YearMonth, original_age: int, statutory: YearMonth) -> Window | None:
    """弹性退休可选范围. ``at`` is bound to the statutory month.

    Earliest: max(original age, statutory − the early maximum); latest: statutory + the late
    maximum (with the employer's agreement).
    """
    earliest = max(birth.add_years(original_age), statutory - int(at("retirement.flexible_early_max_months")))
    return Window(earliest, statutory + int(at("retirement.flexible_late_max_months")))


@rule("retirement.flexible_retirement_unavailable", ref=_FLEXIBLE + " (施行前无弹性退休)", until=date(2024, 12, 31))
def flexible_retirement_unavailable(at: At, birth: YearMonth, original_age: int, statutory: YearMonth) -> Window | None:
    """No flexible retirement for a statutory month before the reform took effect."""
    return None


FLEXIBLE_WINDOW = (flexible_retirement_window, flexible_retirement_unavailable)


def window(params: Params, birth: YearMonth, original_age: int, statutory: YearMonth) -> Window | None:
    """The window in force in the statutory month (None before the reform)."""
    rule_in_force = version(FLEXIBLE_WINDOW, statutory.first_day())
    return rule_in_force(params.at(statutory), birth, original_age, statutory)


def flexible_window(
    params: Params, birth: YearMonth, original: Age, statutory: YearMonth
) -> tuple[YearMonth | None, YearMonth | None]:
    """(earliest flexible-early month by age, latest flexible-late month); None before the reform."""
    w = window(params, birth, original.years, statutory)
    return (None, None) if w is None else (w.earliest, w.latest)
