"""The plan as a chart (规划图): monthly and cumulative pension against the retirement month.

Optional extra ``[plot]`` (matplotlib, drawn off-screen with the Agg backend). Two panels sharing
the retirement month: the monthly total pension, and the cumulative pension up to the horizon age
(an assumption shown in the plan). The statutory month is a dashed line; rows resting on a
projected figure are hollow markers; candidates below the minimum years have no amount and are
left out; what-ifs are labelled points. Labels in Chinese need a CJK font: the first one
matplotlib knows among the usual ones is used, and English labels otherwise.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..engine.errors import InputError, SocialSecError
from .candidates import Kind
from .result import PlanRow, RetirementPlan

#: Fonts with Chinese glyphs, tried in order (Noto/Source Han, WenQuanYi, Windows, macOS).
CJK_FONTS = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei",
             "Microsoft YaHei", "SimHei", "PingFang SC", "Heiti SC")  # fmt: skip

LABELS = {
    "monthly": ("月养老金（元）", "monthly pension (yuan)"),
    "cumulative": ("累计领取至 {horizon}（元）", "received up to {horizon} (yuan)"),
    "month": ("退休年月", "retirement month"),
    "statutory": ("法定 {month}", "statutory {month}"),
    "projected": ("空心：依赖预测数字", "hollow: rests on a projected figure"),
    "title": ("退休规划：各退休时间比较", "Retirement plan: the months compared"),
}


class PlotNotInstalled(SocialSecError):
    """matplotlib is missing (``pip install "jm_socialsec[plot]"``)."""

    code = "extra_missing"


def _pyplot() -> Any:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        raise PlotNotInstalled(
            '画图需要 matplotlib：pip install "jm_socialsec[plot]"',
            'the chart needs matplotlib: pip install "jm_socialsec[plot]"',
        ) from None
    return plt


def _font(lang: str) -> tuple[str, list[str]]:
    """(the language the labels can be drawn in, the font family list)."""
    if lang != "zh":
        return lang, ["DejaVu Sans"]
    from matplotlib import font_manager

    known = {f.name for f in font_manager.fontManager.ttflist}
    found = [f for f in CJK_FONTS if f in known]
    return ("zh", [*found, "DejaVu Sans"]) if found else ("en", ["DejaVu Sans"])


def _label(key: str, lang: str, **values: Any) -> str:
    return LABELS[key][0 if lang == "zh" else 1].format(**values)


def _x(row: PlanRow) -> float:
    """A month on a continuous axis (years, fractional)."""
    return row.retirement_month.year + (row.retirement_month.month - 1) / 12


def _series(ax: Any, rows: list[PlanRow], value: str, color: str) -> None:
    for projected in (False, True):
        chosen = [r for r in rows if r.projected is projected]
        if chosen:
            ax.plot([_x(r) for r in chosen], [float(getattr(r, value)) for r in chosen], "o", markersize=4,
                    color=color, markerfacecolor="none" if projected else color)  # fmt: skip
    ax.plot([_x(r) for r in rows], [float(getattr(r, value)) for r in rows], "-", color=color, linewidth=1, alpha=0.5)


def _what_ifs(ax: Any, rows: list[PlanRow], value: str) -> None:
    for r in rows:
        ax.plot([_x(r)], [float(getattr(r, value))], "D", color="#c2410c", markersize=6)
        ax.annotate(r.what_if or "", (_x(r), float(getattr(r, value))), textcoords="offset points", xytext=(6, 4),
                    fontsize=8, color="#c2410c")  # fmt: skip


def figure(plan: RetirementPlan, lang: str = "zh") -> Any:
    """The matplotlib Figure (two panels); the caller saves or shows it."""
    plt = _pyplot()
    from matplotlib import ticker

    lang, family = _font(lang)
    amounts = [r for r in plan.rows if r.total is not None]
    if not amounts:
        raise InputError(
            "rows", "没有可画的金额（均未满最低缴费年限）", "no amount to draw (no candidate meets the minimum years)"
        )
    main = [r for r in amounts if r.kind is not Kind.WHAT_IF]
    extra = [r for r in amounts if r.kind is Kind.WHAT_IF]
    with plt.rc_context({"font.family": family, "axes.unicode_minus": False}):
        fig, (top, bottom) = plt.subplots(2, 1, sharex=True, figsize=(8, 6), dpi=110)
        for ax, value, color, key in (
            (top, "total", "#2563eb", "monthly"),
            (bottom, "cumulative", "#059669", "cumulative"),
        ):
            _series(ax, main, value, color)
            _what_ifs(ax, extra, value)
            ax.axvline(_x(plan.statutory), linestyle="--", color="grey", linewidth=1)
            ax.set_ylabel(_label(key, lang, horizon=plan.horizon))
            ax.yaxis.set_major_formatter(ticker.FuncFormatter(lambda v, _: f"{v:,.0f}"))
            ax.xaxis.set_major_locator(ticker.MaxNLocator(integer=True))
            ax.grid(alpha=0.3)
        top.set_title(_label("title", lang))
        top.text(_x(plan.statutory), top.get_ylim()[1], " " + _label("statutory", lang, month=plan.statutory_month),
                 va="top", fontsize=8, color="grey")  # fmt: skip
        bottom.set_xlabel(_label("month", lang) + " — " + _label("projected", lang))
        fig.tight_layout()
    return fig


def to_png(plan: RetirementPlan, path: str | Path, lang: str = "zh") -> Path:
    """Draw the plan into a PNG file at ``path``; returns the path."""
    plt = _pyplot()
    out = Path(path)
    fig = figure(plan, lang)
    try:
        fig.savefig(out, format="png")
    except OSError as e:
        raise InputError(
            "--plot", f"无法写入图片文件 {out}：{e.strerror}", f"cannot write the image {out}: {e.strerror}"
        ) from None
    finally:
        plt.close(fig)
    return out
