"""Which texts cover a date (适用范围): refusals that say why.

- 工伤保险条例 (2010 revision) is in force from 2011-01-01: an earlier injury falls under
  Guangdong's old rules, out of scope.
- 广东省工伤保险条例, 2011 revision, is in force from 2012-01-01: Guangdong's own figures before
  it (the leaving grants, 生活护理费, the 24-month cap) were not collected.
- 广东 2019 art. 32 (the pension exclusion) applies from 2019-07-01; what the 2011 revision said
  of a worker drawing a pension was not collected.

Each helper reads a parameter through the rule's accessor and, for a date before the table's
first, re-raises :class:`NotCovered` with the reason (never a silent zero).
"""

from __future__ import annotations

from datetime import date

from ..engine.errors import NotCovered
from ..engine.params import At, ParamValue
from ..engine.tables import documents, registry
from ..engine.texts import catalogue, fill, pair


def year_before(day: date) -> date:
    """A day of the statistical year before ``day`` ("上年度"): tables key those figures by year."""
    return date(day.year - 1, 1, 1)


def _refusing_earlier(at: At, param: str, key: str | None, code: str) -> ParamValue:
    try:
        return at.get(param, key)
    except NotCovered as e:
        if e.covered_from is not None and at.on < e.covered_from:
            zh, en = pair(catalogue("injury")["refusal"][code], "text")
            values = {"since": e.covered_from, **_documents_of(e.param)}
            raise NotCovered(
                e.param, at.on, e.covered_from, e.covered_until, fill(zh, values, "zh"), fill(en, values, "en")
            ) from None
        raise


def _documents_of(param: str) -> dict[str, str]:
    """The document of the table's first period, and the one it amended (from the register)."""
    first = registry()[param].values[0].source
    register = documents()
    amended = register[first.doc].amends if first.doc in register else None
    return {"document": first.title or first.document, "earlier": register[amended].title if amended else ""}


def national(at: At, param: str, key: str | None = None) -> ParamValue:
    """A figure of 工伤保险条例 (2010); before 2011-01-01 the refusal says the old rules applied."""
    return _refusing_earlier(at, param, key, "national_before")


def guangdong(at: At, param: str, key: str | None = None) -> ParamValue:
    """A figure of 广东省工伤保险条例: the 2011 revision is in force from 2012-01-01; earlier is refused."""
    return _refusing_earlier(at, param, key, "guangdong_before")


def pension_rule(at: At, param: str) -> ParamValue:
    """广东 2019 art. 32, dated by the end of the employment; before 2019-07-01 not collected."""
    return _refusing_earlier(at, param, None, "pension_rule_before")
