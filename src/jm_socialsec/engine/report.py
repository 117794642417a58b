"""The table report for maintainers (参数与文件一览): what the tables cover and rest on.

Two sections: one row per parameter (covered range, latest value, status, flags) and one row
per source document of the register (what the library takes from it, how sure, when its text
was last verified, and flags for a document that is due for re-verification, expired, or has a
known later amendment the tables do not yet follow).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from .params import reverify_due
from .tables import Document, Param, Status


def param_report(params: dict[str, Param], today: date) -> list[dict[str, Any]]:
    """One row per parameter: covered range, latest value, status, source, flags."""
    rows = []
    for p in sorted(params.values(), key=lambda p: p.id):
        last = p.values[-1]
        latest = f"{len(last.value)} entries" if isinstance(last.value, dict) else str(last.value)
        flags = []
        horizon = p.horizon
        if horizon is not None and horizon < today:
            flags.append("stale")
        if last.status is not Status.OFFICIAL:
            flags.append(last.status.value)
        if p.gaps():
            flags.append("gap")
        if any(v.missing for v in p.values):
            flags.append("missing")
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
                "flags": flags,
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
    "flags: stale = horizon passed, secondary/assumed = latest value not confirmed in the original, "
    "gap = uncovered dates inside the range, missing = a period declared not collected"
)
DOC_LEGEND = (
    "flags: reverify = text last verified more than a year ago, amended = a later amendment the "
    "tables do not yet follow, expired = its validity ended but values still rely on it, "
    "unused = no value cites it"
)


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
