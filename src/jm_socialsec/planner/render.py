"""The plan for people (规划的呈现): a text table (Chinese by default, English), HTML, JSON.

The text and the page show, in this order: who and the state today; the assumptions the law does
not fix, each with its value and reason ("默认" where the planner chose it); the table, one row
per candidate, rows resting on a projected figure marked "*" (预计 / projected badge in HTML),
provisional ones "†" (预发); then the warnings, among them how every projected figure was
derived. The HTML reuses the notebook view's stylesheet and escaping
(:mod:`jm_socialsec.engine.html`).
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal
from typing import Any

from ..engine.fmt import money
from ..engine.html import STYLE, badge, check_lang, esc, warnings_block
from ..engine.money import decimal_text, money_text
from .result import PlanRow, RetirementPlan

#: The columns: (key, Chinese, English), in the order of the table.
COLUMNS = (
    ("label", "方案", "choice"),
    ("retirement_month", "退休年月", "retires"),
    ("age", "年龄", "age"),
    ("years", "缴费年限", "years"),
    ("annuity_months", "计发月数", "divisor"),
    ("basic", "基础养老金", "basic"),
    ("account", "个人账户养老金", "account"),
    ("transitional", "过渡性养老金", "transitional"),
    ("adjustment", "调整额", "adjustment"),
    ("total", "合计", "total"),
    ("difference", "较法定", "vs statutory"),
    ("catch_up", "追平月数", "catch-up months"),
    ("minimum", "最低年限", "minimum years"),
)

WORDS: dict[str, tuple[str, str]] = {
    "title": ("退休规划", "Retirement plan"),
    "as_of": ("依 {as_of} 知悉的规定", "rules as known on {as_of}"),
    "who": (
        "出生 {birth}，{category}，{region}；{start} 起推算：已缴费 {months} 个月，"
        "平均缴费指数 {index}，个人账户 {balance} 元",
        "born {birth}, {category}, {region}; projected from {start}: {months} months so far, average index {index}, "
        "account {balance} yuan",
    ),
    "statutory": (
        "法定退休年月 {month}；累计领取额计至 {horizon}",
        "statutory month {month}; cumulative pension to {horizon}",
    ),
    "assumptions": ("假设（法律未规定，可更改）", "Assumptions (not fixed by law; change them)"),
    "default": ("默认", "default"),
    "given": ("给定", "given"),
    "legend": (
        "* 依赖尚未公布、按假设预测的数字；† 预发（按上一年数字暂发，公布后重算）；"
        "追平月数：较晚方案领取多少个月后累计领取额追上较早方案",
        "* rests on a figure not yet published, projected under the assumptions; † provisional (previous year's "
        "figure, recalculated); catch-up months: months of the later choice's pension until its cumulative "
        "pension reaches the earlier one's",
    ),
    "short": ("差 {n} 个月", "{n} months short"),
    "met": ("满足", "met"),
    "not_met": ("未满足（{years} 年）", "not met ({years} y)"),
    "never": ("不会追平", "never"),
    "warnings": ("注意", "Warnings"),
    "top_up": ("一次性补缴 {n} 个月", "lump sum for {n} months"),
}


def word(key: str, lang: str, **values: Any) -> str:
    return WORDS[key][0 if lang == "zh" else 1].format(**values)


def _amount(value: Decimal | None, lang: str) -> str:
    return "—" if value is None else money(value, lang)


def _signed(value: Decimal | None, lang: str) -> str:
    if value is None:
        return "—"
    return ("+" if value > 0 else "−" if value < 0 else "±") + money(abs(value), lang)


def _catch_up(row: PlanRow, lang: str) -> str:
    if row.catch_up_months is not None:
        return str(row.catch_up_months)
    return word("never", lang) if row.difference is not None and row.difference != 0 else "—"


def cells(row: PlanRow, lang: str) -> dict[str, str]:
    """A row's cells as people read them (amounts grouped, the shortfall in place of the total)."""
    zh = lang == "zh"
    mark = ("*" if row.projected else "") + ("†" if row.provisional else "")
    label = row.label_zh if zh else row.label_en
    if row.top_up_months:
        label += (
            f"（{word('top_up', lang, n=row.top_up_months)}）"
            if zh
            else f" ({word('top_up', lang, n=row.top_up_months)})"
        )
    total = _amount(row.total, lang) + mark if row.eligible else word("short", lang, n=row.missing_months)
    years = f"{row.min_contribution_years.normalize():f}"
    return {
        "label": label,
        "retirement_month": str(row.retirement_month),
        "age": row.age.zh() if zh else row.age.en(),
        "years": f"{row.contribution_years:.2f}",
        "annuity_months": "—" if row.annuity_months is None else f"{row.annuity_months}",
        "basic": _amount(row.basic, lang),
        "account": _amount(row.account, lang),
        "transitional": _amount(row.transitional, lang),
        "adjustment": _amount(row.adjustment, lang),
        "total": total,
        "difference": _signed(row.difference, lang),
        "catch_up": _catch_up(row, lang),
        "minimum": word("met", lang) if row.eligible else word("not_met", lang, years=years),
    }


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int, right: bool) -> str:
    space = " " * (width - _width(text))
    return space + text if right else text + space


_LEFT = {"label", "retirement_month", "age", "minimum"}


def table(plan: RetirementPlan, lang: str) -> list[str]:
    """The rows as aligned text columns (wide characters count twice)."""
    head = [c[1] if lang == "zh" else c[2] for c in COLUMNS]
    body = [[cells(r, lang)[c[0]] for c in COLUMNS] for r in plan.rows]
    widths = [max(_width(x) for x in col) for col in zip(head, *body, strict=True)]
    out = []
    for line in (head, *body):
        out.append("  ".join(_pad(x, w, c[0] not in _LEFT) for x, w, c in zip(line, widths, COLUMNS, strict=True)))
    return out


def _who(plan: RetirementPlan, lang: str) -> str:
    zh = lang == "zh"
    return word(
        "who", lang, birth=plan.birth, category=plan.category.zh if zh else plan.category.value,
        region=plan.region.zh if zh else plan.region.value, start=plan.start, months=plan.contribution_months,
        index=plan.average_index, balance=money(plan.account_balance, lang),
    )  # fmt: skip


def _assumption_lines(plan: RetirementPlan, lang: str) -> list[str]:
    zh = lang == "zh"
    lines = []
    for s in plan.assumptions:
        tag = word("default", lang) if s.default else word("given", lang)
        why = s.why_zh if zh else s.why_en
        label = s.label_zh if zh else s.label_en
        lines.append(
            f"· {label} = {s.value}〔{tag}{'：' + why if why else ''}〕"
            if zh
            else f"· {label} = {s.value} [{tag}{': ' + why if why else ''}]"
        )
    return lines


def text(plan: RetirementPlan, lang: str = "zh") -> str:
    """The plan as text for a print-out or a terminal."""
    check_lang(lang)
    zh = lang == "zh"
    lines = [f"{word('title', lang)}（{word('as_of', lang, as_of=plan.as_of)}）" if zh
             else f"{word('title', lang)} ({word('as_of', lang, as_of=plan.as_of)})"]  # fmt: skip
    lines += [_who(plan, lang), word("statutory", lang, month=plan.statutory_month, horizon=plan.horizon)]
    lines += [word("assumptions", lang) + ("：" if zh else ":"), *_assumption_lines(plan, lang), ""]
    lines += [*table(plan, lang), word("legend", lang)]
    if plan.warnings:
        lines.append(word("warnings", lang) + ("：" if zh else ":"))
        lines += [f"  ! {w.zh if zh else w.en}" for w in plan.warnings]
    return "\n".join(lines)


def _html_row(row: PlanRow, lang: str) -> str:
    c = cells(row, lang)
    marks = (badge("projected", lang) if row.projected else "") + (
        badge("provisional", lang) if row.provisional else ""
    )
    c["total"] = esc(c["total"].rstrip("*†")) + marks if row.eligible else esc(c["total"])
    tds = "".join(
        f"<td{'' if key in _LEFT else ' class=jm-num'}>{c[key] if key == 'total' else esc(c[key])}</td>"
        for key, _, _ in COLUMNS
    )
    style = " style='font-weight:600'" if row.kind.value == "statutory" else ""
    return f"<tr{style}>{tds}</tr>"


def html(plan: RetirementPlan, lang: str = "zh") -> str:
    """The notebook view: the title, the warnings, the assumptions, the table (one language)."""
    check_lang(lang)
    zh = lang == "zh"
    as_of = esc(word("as_of", lang, as_of=plan.as_of))
    title = f"<h4>{esc(word('title', lang))} <span class='jm-asof'>{as_of}</span>"
    title += (badge("projected", lang) if plan.projected else "") + "</h4>"
    statutory = esc(word("statutory", lang, month=plan.statutory_month, horizon=plan.horizon))
    who = f"<p>{esc(_who(plan, lang))}<br>{statutory}</p>"
    items = "".join(f"<li>{esc(line[2:])}</li>" for line in _assumption_lines(plan, lang))
    assumed = f"<div><b>{esc(word('assumptions', lang))}</b><ul>{items}</ul></div>"
    head = "".join(f"<th>{esc(c[1] if zh else c[2])}</th>" for c in COLUMNS)
    body = "".join(_html_row(r, lang) for r in plan.rows)
    legend = f"<p><small>{esc(word('legend', lang))}</small></p>"
    grid = f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{legend}"
    code = "zh-CN" if zh else "en"
    warn = warnings_block(plan.warnings, lang)
    return f"<div class='jm-socialsec' lang='{code}'>{STYLE}{title}{warn}{who}{assumed}{grid}</div>"


def _json_value(value: Any, is_money: bool = False) -> Any:
    if isinstance(value, Decimal):
        return money_text(value) if is_money else decimal_text(value)
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, tuple):  # an Age
        return list(value)
    return str(value)


_MONEY = {
    "account_balance",
    "base",
    "basic",
    "account",
    "transitional",
    "adjustment",
    "total",
    "difference",
    "cumulative",
}


def _row_json(row: PlanRow) -> dict[str, Any]:
    out = {name: _json_value(getattr(row, name), name in _MONEY) for name in PlanRow.model_fields}
    out["label_zh"], out["label_en"] = row.label_zh, row.label_en
    return out


_PLAN_FIELDS = (
    "as_of", "birth", "category", "region", "start", "contribution_months", "average_index", "account_balance",
    "statutory_month", "horizon", "projecting",
)  # fmt: skip


def to_json(plan: RetirementPlan) -> dict[str, Any]:
    """The plan as a JSON-friendly dict (exact decimal strings, money with two decimals)."""
    out = {name: _json_value(getattr(plan, name), name == "account_balance") for name in _PLAN_FIELDS}
    out["assumptions"] = [s._asdict() for s in plan.assumptions]
    out["rows"] = [_row_json(r) for r in plan.rows]
    out["warnings"] = [w.model_dump(mode="json") for w in plan.warnings]
    return out
