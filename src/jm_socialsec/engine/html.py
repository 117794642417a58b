"""The notebook view of a result (网页视图): HTML for Jupyter and for exported pages.

One language at a time (Chinese by default). From the top: the title with the rules' date and
badges — 预发 / provisional when a figure published per period is not out yet and the previous
one stands in (the result will be recalculated), 预计 / projected when a standard in force until
replaced is carried past what is known (or a date is estimated) — then the warnings, then a
compact headline table, then the steps folded in ``<details>``. A small stylesheet scoped to
``.jm-socialsec`` reads in light and dark Jupyter themes and in an exported page.

Every text is HTML-escaped and passed through :func:`~.errors.mask_id`: no ID number reaches a
page unmasked. A result with a view of its own (the checklist) registers it with
:func:`register_view`; :func:`render_html` dispatches to it.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, TypeVar

from .errors import InputError, mask_id
from .tables import registry

if TYPE_CHECKING:
    from .explain import Explained, Notice, Step
    from .params import ParamValue

LANGS = ("zh", "en")

STYLE = """<style>
.jm-socialsec{font-size:13px;line-height:1.5;max-width:60em;color:inherit}
.jm-socialsec h4{margin:.2em 0 .5em;font-size:1.15em}
.jm-socialsec .jm-asof,.jm-socialsec small,.jm-socialsec .jm-muted{font-weight:normal;opacity:.7}
.jm-socialsec table{border-collapse:collapse;margin:.3em 0 .6em}
.jm-socialsec th,.jm-socialsec td{padding:.2em .7em;text-align:left;vertical-align:top;
 border-bottom:1px solid rgba(127,127,127,.3);background:none}
.jm-socialsec td.jm-num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.jm-socialsec .jm-badge{display:inline-block;margin-left:.4em;padding:0 .5em;border-radius:1em;
 border:1px solid currentColor;font-size:.8em;font-weight:600;white-space:nowrap}
.jm-socialsec .jm-provisional{color:#c2410c;background:rgba(245,158,11,.12)}
.jm-socialsec .jm-projected{color:#2563eb;background:rgba(59,130,246,.12)}
.jm-socialsec .jm-warnings{border-left:3px solid #d97706;background:rgba(245,158,11,.08);
 padding:.3em .8em;margin:.4em 0 .6em}
.jm-socialsec .jm-warnings ul,.jm-socialsec ol{margin:.2em 0;padding-left:1.4em}
.jm-socialsec summary{cursor:pointer}
.jm-socialsec details details{margin:.15em 0}
.jm-socialsec .jm-detail{margin:.2em 0 .5em 1em}
.jm-socialsec ul.jm-items{list-style:none;padding-left:0}
.jm-socialsec .jm-items>li{margin:.5em 0}
@media print{.jm-socialsec .jm-badge{border-width:2px}}
</style>"""

#: The view's fixed words: (Chinese, English).
WORDS: dict[str, tuple[str, str]] = {
    "as_of": ("依 {as_of} 知悉的规定", "rules as known on {as_of}"),
    "warnings": ("注意", "Warnings"),
    "item": ("项目", "item"),
    "value": ("数值", "value"),
    "steps": ("计算步骤（{n} 步）", "Steps ({n})"),
    "formula": ("公式", "formula"),
    "calc": ("计算", "calculation"),
    "inputs": ("输入", "inputs"),
    "params": ("参数及依据", "parameters and sources"),
    "note": ("说明", "note"),
    "colon": ("：", ": "),
    "provisional": ("预发", "provisional"),
    "projected": ("预计", "projected"),
}

#: Notice codes shown first (what changes the answer), then the rules' own, then statuses.
_STATUS_CODES = ("status_secondary", "status_assumed", "not_reverified")
_FIRST_CODES = ("override", "provisional", "due_date_estimate")


def word(key: str, lang: str, **values: Any) -> str:
    text = WORDS[key][0 if lang == "zh" else 1]
    return text.format(**values) if values else text


def esc(value: Any) -> str:
    """Escaped for HTML, with anything like an ID number masked."""
    return html.escape(mask_id(str(value)))


def check_lang(lang: str) -> str:
    if lang not in LANGS:
        raise InputError("lang", f"语言应为 zh 或 en，而不是“{lang}”", f"must be zh or en, not {lang!r}")
    return lang


# -- badges ----------------------------------------------------------------------------------


def _param_kind(param_id: str | None) -> str:
    """A provisional value of a parameter in force until replaced (a minimum wage) is a
    projection of the current standard; one of a figure published per period
    (``interim = "previous"``) is paid on the previous figure and recalculated: 预发."""
    param = registry().get(param_id or "")
    return "projected" if param is not None and param.until_replaced else "provisional"


def badge_kind(notice: Notice) -> str | None:
    """``provisional`` (预发), ``projected`` (预计) or None for a warning that is neither.

    An estimated date (the checklist's due date without the year's holiday schedule) is a
    projection too.
    """
    if notice.code in {"due_date_estimate", "projected"}:  # an estimated date, a projected figure
        return "projected"
    return _param_kind(notice.param) if notice.code == "provisional" else None


def badge(kind: str, lang: str, why: Iterable[str] = ()) -> str:
    title = esc(" / ".join(why))
    return f"<span class='jm-badge jm-{kind}' title='{title}'>{esc(word(kind, lang))}</span>"


def _grouped(marks: Iterable[tuple[str | None, str]], lang: str) -> str:
    why: dict[str, list[str]] = {}
    for kind, text in marks:
        if kind is not None:
            why.setdefault(kind, []).append(text)
    return "".join(badge(kind, lang, dict.fromkeys(why[kind])) for kind in ("provisional", "projected") if kind in why)


def badges(notices: Iterable[Notice], lang: str) -> str:
    """One badge per kind present, its tooltip the warnings behind it."""
    return _grouped(((badge_kind(n), n.zh if lang == "zh" else n.en) for n in notices), lang)


def _param_badges(params: Iterable[ParamValue], lang: str) -> str:
    """The badges of a step: one per kind among the provisional values it read."""
    return _grouped(
        (
            (_param_kind(pv.id), pv.provisional_zh if lang == "zh" else pv.provisional_en)
            for pv in params
            if pv.provisional
        ),
        lang,
    )


# -- blocks ----------------------------------------------------------------------------------


def title(result: Explained, lang: str, marks: str = "") -> str:
    """The title, the date of the rules, and any badges given."""
    name = result.title_zh if lang == "zh" else result.title_en
    as_of = word("as_of", lang, as_of=result.as_of)
    return f"<h4>{esc(name)} <span class='jm-asof'>{esc(as_of)}</span>{marks}</h4>"


def _order(notices: Iterable[Notice]) -> list[Notice]:
    def rank(n: Notice) -> int:
        if n.code in _FIRST_CODES:
            return 0
        return 2 if n.code in _STATUS_CODES else 1

    return sorted(notices, key=rank)  # stable: the calculation's order within a rank


def warnings_block(notices: Iterable[Notice], lang: str) -> str:
    """The warnings, at the top: what changes the answer first, then unconfirmed figures."""
    items = "".join(f"<li>{esc(n.zh if lang == 'zh' else n.en)}</li>" for n in _order(notices))
    if not items:
        return ""
    return f"<div class='jm-warnings' role='note'><b>{esc(word('warnings', lang))}</b><ul>{items}</ul></div>"


def headline_table(result: Explained, lang: str, marks: str = "") -> str:
    """The headline figures, one row each, amounts right-aligned; the badges head the values."""
    from .explain import fmt

    units = getattr(result, "units", {})
    rows = []
    for field, label_zh, label_en in result.headline:
        value = fmt(getattr(result, field), units.get(field), lang)
        label = label_zh if lang == "zh" else label_en
        rows.append(f"<tr><th>{esc(label)}</th><td class='jm-num'>{esc(value)}</td></tr>")
    if not rows:
        return ""
    head = f"<thead><tr><th>{esc(word('item', lang))}</th><th>{esc(word('value', lang))}{marks}</th></tr></thead>"
    return f"<table>{head}<tbody>{''.join(rows)}</tbody></table>"


def _param_line(pv: ParamValue, lang: str) -> str:
    from .explain import _param_line as line  # the text print-out's wording, one source of truth

    return esc(line(pv, lang))


def _step_detail(step: Step, lang: str) -> str:
    from .explain import fmt

    zh, colon = lang == "zh", word("colon", lang)
    parts = []
    formula = step.formula_zh if zh else (step.formula_en or step.formula_zh)
    if formula:
        parts.append(f"<div>{esc(word('formula', lang) + colon + formula)}</div>")
    if step.calc:
        parts.append(f"<div>{esc(word('calc', lang) + colon)}<code>{esc(step.calc)}</code></div>")
    inputs = "".join(
        f"<li>{esc(q.name_zh if zh else q.name_en)} = {esc(fmt(q.value, q.unit, lang))}</li>" for q in step.inputs
    )
    if inputs:
        parts.append(f"<div>{esc(word('inputs', lang))}<ul>{inputs}</ul></div>")
    params = "".join(f"<li><small>{_param_line(pv, lang)}</small></li>" for pv in step.params)
    if params:
        parts.append(f"<div>{esc(word('params', lang))}<ul>{params}</ul></div>")
    note = step.note_zh if zh else step.note_en
    if note:
        parts.append(f"<div>{esc(word('note', lang) + colon + note)}</div>")
    return f"<div class='jm-detail'>{''.join(parts)}</div>"


def steps_block(steps: Iterable[Step], lang: str) -> str:
    """The steps folded: one summary line each (label = result), the detail inside."""
    from .explain import fmt

    lines = []
    for s in steps:
        label = s.label_zh if lang == "zh" else s.label_en
        marks = _param_badges(s.params, lang)
        summary = f"{esc(label)} = <b>{esc(fmt(s.result, s.unit, lang))}</b>{marks}"
        lines.append(f"<li><details><summary>{summary}</summary>{_step_detail(s, lang)}</details></li>")
    if not lines:
        return ""
    head = esc(word("steps", lang, n=len(lines)))
    return f"<details class='jm-steps'><summary><b>{head}</b></summary><ol>{''.join(lines)}</ol></details>"


def page(lang: str, *blocks: str) -> str:
    """The blocks in one scoped container with the stylesheet."""
    code = "zh-CN" if lang == "zh" else "en"
    return f"<div class='jm-socialsec' lang='{code}'>{STYLE}{''.join(blocks)}</div>"


# -- entry points ----------------------------------------------------------------------------

View = TypeVar("View", bound=Callable[..., str])
_VIEWS: dict[type, Callable[[Any, str], str]] = {}


def register_view(cls: type) -> Callable[[View], View]:
    """Declare ``fn(result, lang)`` as the HTML view of results of ``cls`` (and subclasses)."""

    def register(fn: View) -> View:
        _VIEWS[cls] = fn
        return fn

    return register


def render_html(result: Explained, lang: str = "zh") -> str:
    """The result as HTML in one language (``"zh"`` default, ``"en"``)."""
    check_lang(lang)
    for cls in type(result).__mro__:
        view = _VIEWS.get(cls)
        if view is not None:
            return view(result, lang)
    marks = badges(result.warnings, lang)
    table = headline_table(result, lang, marks)
    return page(
        lang,
        title(result, lang, "" if table else marks),
        warnings_block(result.warnings, lang),
        table,
        steps_block(result.steps, lang),
    )
