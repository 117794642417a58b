"""Which texts cover a date (适用范围): refusals that say why.

- 工伤保险条例 (as revised): an injury before its in-force date falls under Guangdong's old
  rules, out of scope.
- 广东省工伤保险条例 (as revised): Guangdong's own figures before its in-force date (the leaving
  grants, 生活护理费, the cap of 停工留薪期) were not collected.
- 广东省工伤保险条例 (as amended) art. 32, the pension exclusion: what the earlier text said of a
  worker drawing a pension was not collected.

The dates are each table's first date (``since`` of its first period), the documents' titles come
from the register (tables/sources.toml): neither is typed here.

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
            values = {"since": e.covered_from, **_documents_of(e.param)}
            # the values (a date, titles) are written the same in both languages
            zh, en = (fill(text, values) for text in pair(catalogue("injury")["refusal"][code], "text"))
            raise NotCovered(e.param, at.on, e.covered_from, e.covered_until, zh, en) from None
        raise


def _documents_of(param: str) -> dict[str, str]:
    """The title of the table's first period's document, and of the one it amended if any (every
    shipped value cites a document of the register, and every document there has a title)."""
    first = registry()[param].values[0].source
    register = documents()
    amended = register[first.doc].amends
    return {"document": first.title} | ({"earlier": register[amended].title} if amended else {})


def national(at: At, param: str, key: str | None = None) -> ParamValue:
    """A figure of 工伤保险条例; before its table's first date the refusal says the old rules applied."""
    return _refusing_earlier(at, param, key, "national_before")


def guangdong(at: At, param: str, key: str | None = None) -> ParamValue:
    """A figure of 广东省工伤保险条例; before its table's first date it was not collected: refused."""
    return _refusing_earlier(at, param, key, "guangdong_before")


def pension_rule(at: At, param: str) -> ParamValue:
    """The pension exclusion (广东 art. 32), dated by the end of the employment; before its table's
    first date not collected: refused."""
    return _refusing_earlier(at, param, None, "pension_rule_before")
