"""Explained results (计算说明): steps a clerk can print and a citizen can follow.

Every estimate returns a frozen model derived from :class:`Explained`: the amounts as fields,
an ordered list of :class:`Step` (what was computed, the formula, the inputs, the parameter
values with their sources and statuses, the result) and :class:`Notice` warnings: any value
below ``official``, any provisional value, any override. It renders as text (Chinese by
default), as HTML in Jupyter and as JSON (``model_dump(mode="json")``, Decimals as strings).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from decimal import Decimal
from enum import Enum
from functools import cached_property, wraps
from typing import Any, ClassVar, NamedTuple, TypeVar

from pydantic import BaseModel, ConfigDict, PrivateAttr, computed_field, field_serializer, field_validator

from .fmt import money
from .money import decimal_text, money_text
from .months import YearMonth
from .params import ParamValue, StepValue, is_money
from .tables import Status, Unit

T = TypeVar("T")


class Quantity(BaseModel):
    """An input of a step: name (both languages), value, unit."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True, defer_build=True)

    name_zh: str
    name_en: str
    value: StepValue
    unit: Unit | None = None

    @field_serializer("value", when_used="json")
    def _ser(self, v: Any) -> Any:
        return json_scalar(v, self.unit)


class Step(BaseModel):
    """One line of the explanation."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True, defer_build=True)

    id: str
    label_zh: str
    label_en: str
    formula_zh: str = ""
    formula_en: str = ""
    calc: str = ""  # the formula with the numbers filled in
    inputs: tuple[Quantity, ...] = ()
    params: tuple[ParamValue, ...] = ()
    result: StepValue = None
    unit: Unit | None = None
    note_zh: str = ""
    note_en: str = ""

    @field_serializer("result", when_used="json")
    def _ser(self, v: Any) -> Any:
        return json_scalar(v, self.unit)

    @field_validator("params")
    @classmethod
    def _each_value_once(cls, params: tuple[ParamValue, ...]) -> tuple[ParamValue, ...]:
        seen: dict[tuple[str, str | None, str], ParamValue] = {}
        for pv in params:
            seen.setdefault((pv.id, pv.key, str(pv.value)), pv)
        return tuple(seen.values())


class Notice(BaseModel):
    """A warning the user must see (code is stable; texts in both languages)."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    code: str
    zh: str
    en: str
    param: str | None = None


#: Units of amounts (shown grouped with two decimals; in JSON with at least two).
_MONEY_UNITS = frozenset(u for u in Unit if is_money(u))


def json_scalar(v: Any, unit: Unit | None = None) -> Any:
    """A step's value in JSON: money with two decimals, other numbers exact, months "YYYY-MM"."""
    if isinstance(v, Decimal):
        return money_text(v) if unit in _MONEY_UNITS else decimal_text(v)
    if isinstance(v, YearMonth | date):
        return str(v)
    if isinstance(v, tuple):
        return [json_scalar(x) for x in v]
    return v


#: How many parameter values keep what was derived from them (the shared cache holds a few hundred).
_PER_VALUE_MAX = 20_000


def per_value(fn: Callable[..., T]) -> Callable[..., T]:
    """Memoise ``fn(pv, *rest)`` on the value's identity: a :class:`ParamValue` is frozen and shared
    by every calculation that reads it (the parameter cache), so its words are made once, not per
    estimate. The value is kept with its entry, so its identity is not reused while cached."""
    cache: dict[tuple[Any, ...], tuple[ParamValue, T]] = {}

    @wraps(fn)
    def run(pv: ParamValue, *rest: Any) -> T:
        key = (id(pv), *rest)
        hit = cache.get(key)
        if hit is not None and hit[0] is pv:
            return hit[1]
        out = fn(pv, *rest)
        if len(cache) >= _PER_VALUE_MAX:
            cache.clear()
        cache[key] = (pv, out)
        return out

    run.cache_clear = cache.clear  # type: ignore[attr-defined]
    return run


def notices_for(used: Iterable[ParamValue]) -> tuple[Notice, ...]:
    """The warnings owed for the parameter values a calculation used (each said once)."""
    out: list[Notice] = []
    seen: set[tuple[str, str]] = set()
    for pv in used:
        for n in owed(pv):
            # One notice per code and parameter (a keyed table read twice is said once).
            k = (n.code, n.param or n.zh)
            if k not in seen:
                seen.add(k)
                out.append(n)
    return tuple(out)


@per_value
def owed(pv: ParamValue) -> tuple[Notice, ...]:
    """The warnings one parameter value owes: an override, a status below official, a provisional
    or projected figure, a document not verified for over a year."""
    name_zh, name_en = f"{pv.label_zh}（{pv.id}）", f"{pv.label_en} ({pv.id})"
    if pv.overridden:
        return (
            Notice(
                code="override",
                param=pv.id,
                zh=f"{name_zh}使用了调用方给定的值 {pv.value}，不是数据表的值",
                en=f"{name_en} uses the caller's value {pv.value}, not the table's",
            ),
        )
    out: list[Notice] = []
    if pv.status is Status.SECONDARY:
        out.append(
            Notice(
                code="status_secondary",
                param=pv.id,
                zh=f"{name_zh}的值 {pv.value} 来自二手资料（{pv.source.document}），未见原文",
                en=f"{name_en} = {pv.value} is from a secondary source "
                f"({pv.source.document}), not read in the original",
            )
        )
    elif pv.status is Status.ASSUMED and not pv.projected:  # a projection says so itself
        out.append(
            Notice(
                code="status_assumed",
                param=pv.id,
                zh=f"{name_zh}的值 {pv.value} 是假设，未经证实（{pv.source.document}）",
                en=f"{name_en} = {pv.value} is assumed, not confirmed ({pv.source.document})",
            )
        )
    if pv.provisional:
        out.append(Notice(code="provisional", param=pv.id, zh=pv.provisional_zh, en=pv.provisional_en))
    if pv.projected:
        out.append(Notice(code="projected", param=pv.id, zh=pv.projection_zh, en=pv.projection_en))
    if pv.reverify:
        out.append(
            Notice(
                code="not_reverified",
                param=pv.id,
                zh=f"{name_zh}所依据的{pv.source.document}最后核对于 {pv.source.verified_on}，"
                "已超过一年未重新核对，可能已被修改",
                en=f"{name_en} relies on {pv.source.document}, last verified on "
                f"{pv.source.verified_on}, more than a year ago: it may have been amended",
            )
        )
    return tuple(out)


class Explanation(NamedTuple):
    """What a result explains: its steps and its warnings."""

    steps: tuple[Step, ...]
    warnings: tuple[Notice, ...]


class Explained(BaseModel):
    """Base of every result: amounts (in subclasses), steps, warnings, renderers.

    ``steps`` and ``warnings`` are built only when read (or when the result is rendered or
    serialised): the engine replays the calculation with tracing on and turns the trace into
    steps with the area's words. A caller who reads only the amounts pays for no explanation.
    """

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True, defer_build=True)

    #: Title of the result, in both languages.
    title_zh: ClassVar[str] = "测算结果"
    title_en: ClassVar[str] = "Estimate"
    #: Headline fields: (field name, Chinese label, English label).
    headline: ClassVar[tuple[tuple[str, str, str], ...]] = ()

    as_of: date
    _explainer: Callable[[], Explanation] | None = PrivateAttr(default=None)
    #: The warnings from the first run's record (no replay needed for them).
    _warner: Callable[[], tuple[Notice, ...]] | None = PrivateAttr(default=None)

    def __init__(self, **data: Any) -> None:
        # Results built step by step (not through evaluate) pass their steps and warnings.
        steps, warnings = data.pop("steps", None), data.pop("warnings", None)
        super().__init__(**data)
        if steps is not None:
            self.__dict__["steps"] = tuple(steps)
        if warnings is not None:
            self.__dict__["warnings"] = tuple(warnings)

    @computed_field  # type: ignore[prop-decorator]
    @cached_property
    def steps(self) -> tuple[Step, ...]:
        """The explanation's lines, in the order of computation."""
        return self._explanation.steps

    @computed_field  # type: ignore[prop-decorator]
    @cached_property
    def warnings(self) -> tuple[Notice, ...]:
        """Everything the user must be told: statuses below official, provisional values, …"""
        if self._warner is not None:  # from the first run's record: no replay
            return self._warner()
        return self._explanation.warnings

    @cached_property
    def _explanation(self) -> Explanation:
        if self._explainer is None:
            return Explanation((), ())
        return self._explainer()

    @property
    def provisional_values(self) -> bool:
        return any(w.code == "provisional" for w in self.warnings)

    def sources(self) -> list[ParamValue]:
        """Every distinct parameter value used, in the order first used."""
        seen: dict[tuple[str, str | None, str], ParamValue] = {}
        for step in self.steps:
            for pv in step.params:
                seen.setdefault((pv.id, pv.key, str(pv.value)), pv)
        return list(seen.values())

    # -- rendering -------------------------------------------------------------------------
    def explain(self, lang: str = "zh") -> str:
        """Plain text for printing: Chinese by default, ``lang="en"`` for English."""
        return render_text(self, lang)

    def __str__(self) -> str:
        return self.explain("zh")

    def _repr_html_(self) -> str:
        return render_html(self)

    def to_html(self, lang: str = "zh") -> str:
        """HTML in one language (Chinese by default, ``lang="en"``): badges, warnings, steps folded."""
        return render_html(self, lang)

    def to_frame(self) -> Any:
        """A one-row pandas DataFrame of the amounts (``pip install "jm_socialsec[notebook]"``)."""
        from .frame import to_frame

        return to_frame(self)

    def to_json(self) -> dict[str, Any]:
        """JSON-friendly dict (Decimals as strings): ``model_dump(mode="json")``, made faster."""
        from .jsonout import result_json

        return result_json(self)


# ---------------------------------------------------------------------------------------------
# Renderers. Kept here, apart from the rules: rule modules never format text.


#: Each unit's words by language.
_SUFFIX = {(u, lang): "" if u is Unit.RATE else (u.zh if lang == "zh" else u.en) for u in Unit for lang in ("zh", "en")}


def fmt(value: Any, unit: Unit | None = None, lang: str = "zh") -> str:
    """A value with grouping for money and its unit in the chosen language."""
    if isinstance(value, bool):
        return ("是" if value else "否") if lang == "zh" else ("yes" if value else "no")
    if isinstance(value, Decimal) and unit in _MONEY_UNITS:
        text = money(value, lang)
    elif isinstance(value, Decimal) and unit is Unit.RATE:
        text = f"{(value * 100).normalize():f}%"
    elif isinstance(value, tuple) and len(value) == 2 and all(isinstance(x, int) for x in value):
        text = f"{value[0]}岁{value[1]}个月" if lang == "zh" else f"{value[0]} y {value[1]} m"
        return text
    elif value is None:
        return "—"
    elif isinstance(value, Enum) and hasattr(value, "zh"):
        text = str(value.zh) if lang == "zh" else str(value.value)  # a coded choice: its words
    else:
        text = str(value)
    suffix = "" if unit is None else _SUFFIX[unit, "zh" if lang == "zh" else "en"]
    return f"{text} {suffix}".rstrip()


@per_value
def _param_line(pv: ParamValue, lang: str) -> str:
    """A value read, as a line under its step (made once per value and language)."""
    if lang == "zh":
        status = "调用方覆盖" if pv.overridden else pv.status.zh
        flag = "，预计" if pv.provisional else "，预测" if pv.projected else ""
        key = f"[{pv.key}]" if pv.key else ""
        return f"{pv.label_zh}{key} = {fmt(pv.value, pv.unit)}〔{pv.source.short()}；{status}{flag}〕"
    status = "caller override" if pv.overridden else pv.status.value
    flag = ", provisional" if pv.provisional else ", projected" if pv.projected else ""
    key = f"[{pv.key}]" if pv.key else ""
    return f"{pv.label_en}{key} = {fmt(pv.value, pv.unit, 'en')} [{pv.source.short()}; {status}{flag}]"


def render_text(result: Explained, lang: str = "zh") -> str:
    zh = lang == "zh"
    lines = [
        f"{result.title_zh if zh else result.title_en}（依 {result.as_of} 知悉的规定）"
        if zh
        else f"{result.title_en} (rules as known on {result.as_of})"
    ]
    for field, label_zh, label_en in result.headline:
        value = getattr(result, field)
        unit = _unit_of(result, field)
        lines.append(
            f"  {label_zh if zh else label_en}：{fmt(value, unit, lang)}"
            if zh
            else f"  {label_en}: {fmt(value, unit, lang)}"
        )
    lines.append("计算步骤：" if zh else "Steps:")
    for n, s in enumerate(result.steps, 1):
        label = s.label_zh if zh else s.label_en
        lines.append(f"{n}. {label} = {fmt(s.result, s.unit, lang)}")
        formula = s.formula_zh if zh else (s.formula_en or s.formula_zh)
        if formula:
            lines.append(f"   {'公式' if zh else 'formula'}：{formula}" if zh else f"   formula: {formula}")
        if s.calc:
            lines.append(f"   计算：{s.calc}" if zh else f"   calculation: {s.calc}")
        for q in s.inputs:
            name = q.name_zh if zh else q.name_en
            lines.append(f"   · {name} = {fmt(q.value, q.unit, lang)}")
        for pv in s.params:
            lines.append(f"   · {_param_line(pv, lang)}")
        note = s.note_zh if zh else s.note_en
        if note:
            lines.append(f"   {'说明' if zh else 'note'}：{note}" if zh else f"   note: {note}")
    if result.warnings:
        lines.append("注意：" if zh else "Warnings:")
        lines.extend(f"  ! {w.zh if zh else w.en}" for w in result.warnings)
    return "\n".join(lines)


def _unit_of(result: Explained, field: str) -> Unit | None:
    units: dict[str, Unit] = getattr(result, "units", {})
    return units.get(field)


def render_html(result: Explained, lang: str = "zh") -> str:
    """The notebook view, in one language: see :mod:`jm_socialsec.engine.html`."""
    from .html import render_html as view

    return view(result, lang)
