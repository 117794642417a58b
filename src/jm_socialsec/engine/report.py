"""The table report for maintainers (参数与文件一览): what the tables cover and rest on.

Two sections: one row per parameter (covered range, latest value, status, flags) and one row
per source document of the register (what the library takes from it, how sure, when its text
was last verified, and flags for a document that is due for re-verification, expired, or has a
known later amendment the tables do not yet follow).

Looking ahead (``SOON``, six months): a parameter whose covered range ends within six months is
``expiring``; a figure published per period (a calculation base, a contribution window, an
average wage, a minimum wage) whose next period starts within six months, or has started, is
``due`` for publication, and ``overdue`` when its usual publication date has passed. The next
period and its usual publication date come from the parameter's own history (:func:`outlook`).
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from datetime import date, timedelta
from statistics import median_low
from typing import Any, NamedTuple

from dateutil.relativedelta import relativedelta

from .months import YearMonth
from .params import reverify_due
from .tables import Document, Param, Status

#: How far ahead the report looks for values that expire and figures due (a maintainer's half-year).
SOON = relativedelta(months=6)


class Outlook(NamedTuple):
    """The next period of a figure published per period, and when it is usually published."""

    next_since: date
    expected_published: date


def per_period(p: Param) -> bool:
    """A figure published per period: it has a horizon, an interim rule or stands until replaced."""
    return p.covered_until is not None or p.interim == "previous" or p.until_replaced


def outlook(p: Param) -> Outlook | None:
    """When the next figure of ``p`` applies and is usually published, from its own history.

    The next period starts the day after the last one ends; a last period without an end (a
    minimum wage, until replaced) is followed after the median interval between past starts.
    The usual publication date is that start plus the median lag of past figures between
    ``since`` and the day they became known (``published``, else the document's publication,
    else ``since``; negative when announced in advance). None: not per period, or no history.
    """
    known = [v for v in p.values if not v.missing]
    if not per_period(p) or not known:
        return None
    last = p.values[-1]
    if last.until is not None:
        next_since = last.until + timedelta(days=1)
    elif len(p.values) >= 2:
        steps = [YearMonth.of(b.since) - YearMonth.of(a.since) for a, b in itertools.pairwise(p.values)]
        next_since = last.since + relativedelta(months=median_low(steps))
    else:
        return None
    lag = median_low([(v.known_from - v.since).days for v in known])
    return Outlook(next_since, next_since + timedelta(days=lag))


def _param_flags(p: Param, today: date, ahead: Outlook | None) -> list[str]:
    flags = []
    horizon = p.horizon
    if horizon is not None and horizon < today:
        flags.append("stale")
    elif horizon is not None and horizon <= today + SOON:
        flags.append("expiring")
    if p.values[-1].status is not Status.OFFICIAL:
        flags.append(p.values[-1].status.value)
    if p.gaps():
        flags.append("gap")
    if any(v.missing for v in p.values):
        flags.append("missing")
    if ahead is not None and ahead.next_since <= today + SOON:
        flags.append("due")
        if ahead.expected_published < today:
            flags.append("overdue")
    return flags


def param_report(params: dict[str, Param], today: date) -> list[dict[str, Any]]:
    """One row per parameter: covered range, latest value, status, source, flags."""
    rows = []
    for p in sorted(params.values(), key=lambda p: p.id):
        last = p.values[-1]
        latest = f"{len(last.value)} entries" if isinstance(last.value, dict) else str(last.value)
        horizon, ahead = p.horizon, outlook(p)
        rows.append(
            {
                "id": p.id,
                "label_zh": p.label_zh,
                "unit": p.unit.value,
                "from": str(p.first),
                "until": str(horizon) if horizon else "open",
                "latest": latest,
                "latest_since": str(last.since),
                "status": last.status.value,
                "source": last.source.document,
                "doc": last.source.doc,
                "next_period": _day(ahead.next_since) if ahead else None,
                "expected_published": _day(ahead.expected_published) if ahead else None,
                "flags": _param_flags(p, today, ahead),
            }
        )
    return rows


def document_report(documents: dict[str, Document], params: dict[str, Param], today: date) -> list[dict[str, Any]]:
    """One row per registered document: the parameters citing it, their statuses, flags."""
    uses: dict[str, set[str]] = defaultdict(set)
    statuses: dict[str, set[str]] = defaultdict(set)
    in_force_after: dict[str, date] = {}  # the latest day a value citing the document applies
    for p in params.values():
        for v in p.values:
            doc = v.source.doc
            uses[doc].add(p.id)
            statuses[doc].add(v.status.value)
            last_day = v.until or date.max
            in_force_after[doc] = max(in_force_after.get(doc, last_day), last_day)
    rows = []
    for d in sorted(documents.values(), key=lambda d: d.id):
        flags = []
        if reverify_due(d.verified_on, today):
            flags.append("reverify")
        if d.pending_amendment:
            flags.append("amended")
        if d.valid_until is not None and d.valid_until < today and in_force_after.get(d.id, date.min) > d.valid_until:
            flags.append("expired")
        elif d.valid_until is not None and today <= d.valid_until <= today + SOON and d.id in uses:
            flags.append("expiring")
        if d.id not in uses:
            flags.append("unused")
        rows.append(
            {
                "id": d.id,
                "name": d.name,
                "title": d.title,
                "issuer": d.issuer,
                "adopted": _day(d.adopted),
                "published": _day(d.published),
                "in_force": _day(d.in_force),
                "valid_until": _day(d.valid_until),
                "amends": d.amends,
                "amended_by": d.amended_by,
                "pending_amendment": d.pending_amendment,
                "read_in": list(d.read_in),
                "verified_on": str(d.verified_on),
                "params": sorted(uses.get(d.id, ())),
                "statuses": sorted(statuses.get(d.id, ())),
                "flags": flags,
            }
        )
    return rows


def _day(d: date | None) -> str | None:
    return str(d) if d is not None else None


PARAM_LEGEND = (
    "flags: stale = horizon passed, expiring = horizon within six months, secondary/assumed = latest "
    "value not confirmed in the original, gap = uncovered dates inside the range, missing = a period "
    "declared not collected, due = the next period's figure starts within six months (or has started) "
    "and is not in the tables, overdue = due and its usual publication date has passed"
)
DOC_LEGEND = (
    "flags: reverify = text last verified more than a year ago, amended = a later amendment the "
    "tables do not yet follow, expired = its validity ended but values still rely on it, "
    "expiring = its validity ends within six months, unused = no value cites it"
)
DUE_LEGEND = (
    "next period: the day after the last one ends (until replaced: after the median interval between "
    "past starts); usually published: that day plus the median lag of past publications"
)


def render_outlook(params: list[dict[str, Any]]) -> list[str]:
    """The figures published per period: when the next is due, and which are due now."""
    ahead = [r for r in params if r["next_period"] is not None]
    if not ahead:
        return []
    due = sum("due" in r["flags"] for r in ahead)
    lines = [
        "",
        f"{len(ahead)} figures published per period, {due} due / 按期公布的数值，{due} 项待公布  ({DUE_LEGEND})",
    ]
    for r in ahead:
        mark = [f for f in ("due", "overdue") if f in r["flags"]]
        lines.append(
            f"{r['id']}  {r['label_zh']}\n    next period from / 下一期自 {r['next_period']}   usually published by / "
            f"通常公布于 {r['expected_published']}   last {r['latest']} since {r['latest_since']}"
            + (f"  [{', '.join(mark)}]" if mark else "")
        )
    return lines


def render_report(params: list[dict[str, Any]], docs: list[dict[str, Any]]) -> str:
    """The report as text: parameters, then documents."""
    lines = [f"{len(params)} parameters / 参数  ({PARAM_LEGEND})"]
    for r in params:
        flags = f"  [{', '.join(r['flags'])}]" if r["flags"] else ""
        lines.append(
            f"{r['id']}  {r['label_zh']}\n    {r['from']} → {r['until']}   latest "
            f"{r['latest']} {r['unit']} since {r['latest_since']}   {r['status']}   "
            f"{r['source']}{flags}"
        )
    lines.extend(render_outlook(params))
    lines.append("")
    lines.append(f"{len(docs)} documents / 文件  ({DOC_LEGEND})")
    for r in docs:
        flags = f"  [{', '.join(r['flags'])}]" if r["flags"] else ""
        dates = "  ".join(
            f"{k} {r[k]}" for k in ("adopted", "published", "in_force", "valid_until") if r[k] is not None
        )
        lines.append(f"{r['id']}  {r['name']}{flags}")
        if r["name"] != r["title"]:
            lines.append(f"    {r['title']}")
        lines.append(f"    {r['issuer']}   {dates}".rstrip())
        if r["amended_by"]:
            lines.append(f"    amended by / 已被修改: {r['amended_by']}")
        if r["pending_amendment"]:
            lines.append(f"    not yet followed / 尚未采用的修改: {r['pending_amendment']}")
        lines.append(
            f"    verified {r['verified_on']}   status {'/'.join(r['statuses']) or '-'}   "
            f"used by {len(r['params'])}: {', '.join(r['params'])}"
        )
    return "\n".join(lines)
