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


def year_before(day: date) -> date:
    """A day of the statistical year before ``day`` ("上年度"): tables key those figures by year."""
    return date(day.year - 1, 1, 1)


def _refusing_earlier(at: At, param: str, key: str | None, why_zh: str, why_en: str) -> ParamValue:
    try:
        return at.get(param, key)
    except NotCovered as e:
        if e.covered_from is not None and at.on < e.covered_from:
            raise NotCovered(
                e.param,
                at.on,
                e.covered_from,
                e.covered_until,
                why_zh.format(since=e.covered_from),
                why_en.format(since=e.covered_from),
            ) from None
        raise


def national(at: At, param: str, key: str | None = None) -> ParamValue:
    """A figure of 工伤保险条例 (2010); before 2011-01-01 the refusal says the old rules applied."""
    return _refusing_earlier(
        at,
        param,
        key,
        "{since} 前的工伤适用旧的广东工伤待遇规定，不在本库范围内",
        "injuries before {since} fall under Guangdong's old rules, out of scope",
    )


def guangdong(at: At, param: str, key: str | None = None) -> ParamValue:
    """A figure of 广东省工伤保险条例: the 2011 revision is in force from 2012-01-01; earlier is refused."""
    return _refusing_earlier(
        at,
        param,
        key,
        "《广东省工伤保险条例》2011年修订文本自 {since} 起施行；此前适用的广东标准未收录",
        "the 2011 revision of Guangdong's work-injury regulation is in force from {since}; "
        "Guangdong's figures before it were not collected",
    )


def pension_rule(at: At, param: str) -> ParamValue:
    """广东 2019 art. 32, dated by the end of the employment; before 2019-07-01 not collected."""
    return _refusing_earlier(
        at,
        param,
        None,
        "{since} 前终止劳动关系且已享受基本养老保险待遇的，广东（2011年修订文本）的规定未收录",
        "for an employment that ended before {since} while the worker drew a basic pension, "
        "Guangdong's rule (2011 revision) was not collected",
    )
