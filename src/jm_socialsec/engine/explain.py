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

from .fmt import money, percent, plain
from .money import fen_text
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
        return fen_text(v) if unit in _MONEY_UNITS else plain(v)
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
    done: set[int] = set()  # values already looked at (a value is read many times: said once)
    cache = _OWED
    for pv in used:
        ident = id(pv)
        if ident in done:
            continue
        done.add(ident)
        hit = cache.get(ident)  # what :func:`per_value` does, inline: this runs per value read
        if hit is None or hit[0] is not pv:
            hit = _owed_entry(pv)
        for k, n in hit[1]:
            if k not in seen:
                seen.add(k)
                out.append(n)
    return tuple(out)


#: :func:`owed` by value identity, each notice with what makes it said once (see :func:`per_value`).
_OWED: dict[int, tuple[ParamValue, tuple[tuple[tuple[str, str], Notice], ...]]] = {}


def _owed_entry(pv: ParamValue) -> tuple[ParamValue, tuple[tuple[tuple[str, str], Notice], ...]]:
    """A value's entry in :data:`_OWED`: its notices, each with its code and parameter (a keyed
    table read twice is said once) or its words."""
    entry = (pv, tuple(((n.code, n.param or n.zh), n) for n in owed(pv)))
    if len(_OWED) >= _PER_VALUE_MAX:
        _OWED.clear()
    _OWED[id(pv)] = entry
    return entry


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
        warner = self._private("_warner")
        if warner is not None:  # from the first run's record: no replay
            return warner()  # type: ignore[no-any-return]
        return self._explanation.warnings

    @cached_property
    def _explanation(self) -> Explanation:
        explainer = self._private("_explainer")
        if explainer is None:
            return Explanation((), ())
        return explainer()  # type: ignore[no-any-return]

    def _private(self, name: str) -> Any:
        """A private attribute, read from pydantic's store (``self._x`` costs a ``__getattr__``)."""
        private = self.__pydantic_private__
        return None if private is None else private.get(name)

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


#: Each unit's words in Chinese and in English, with the space before them ("" for none).
_SUFFIX_ZH = {u: "" if u is Unit.RATE or not u.zh else f" {u.zh}" for u in Unit}
_SUFFIX_EN = {u: "" if u is Unit.RATE or not u.en else f" {u.en}" for u in Unit}


def fmt(value: Any, unit: Unit | None = None, lang: str = "zh") -> str:
    """A value with grouping for money and its unit in the chosen language."""
    if type(value) is Decimal:  # the common case first (its text never ends in a space)
        if unit is None:
            return str(value)
        suffix = (_SUFFIX_ZH if lang == "zh" else _SUFFIX_EN)[unit]
        if unit in _MONEY_UNITS:
            return money(value, lang) + suffix
        return (percent(value) if unit is Unit.RATE else str(value)) + suffix
    if isinstance(value, bool):
        return ("是" if value else "否") if lang == "zh" else ("yes" if value else "no")
    elif isinstance(value, Decimal) and unit in _MONEY_UNITS:
        text = money(value, lang)
    elif isinstance(value, Decimal) and unit is Unit.RATE:
        text = percent(value)
    elif isinstance(value, tuple) and len(value) == 2 and all(isinstance(x, int) for x in value):
        text = f"{value[0]}岁{value[1]}个月" if lang == "zh" else f"{value[0]} y {value[1]} m"
        return text
    elif value is None:
        return "—"
    elif isinstance(value, Enum) and hasattr(value, "zh"):
        text = str(value.zh) if lang == "zh" else str(value.value)  # a coded choice: its words
    else:
        text = str(value)
    suffix = "" if unit is None else (_SUFFIX_ZH if lang == "zh" else _SUFFIX_EN)[unit]
    return text + suffix if suffix else text.rstrip()


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


class _Heads(NamedTuple):
    """The words of a print-out in one language."""

    lang: str
    steps: str
    formula: str
    calc: str
    note: str
    warnings: str


_HEADS = {
    True: _Heads("zh", "计算步骤：", "   公式：", "   计算：", "   说明：", "注意："),
    False: _Heads("en", "Steps:", "   formula: ", "   calculation: ", "   note: ", "Warnings:"),
}


def render_text(result: Explained, lang: str = "zh") -> str:
    zh = lang == "zh"
    heads = _HEADS[zh]
    as_of = result.as_of
    lines = [f"{result.title_zh}（依 {as_of} 知悉的规定）" if zh else f"{result.title_en} (rules as known on {as_of})"]
    units: dict[str, Unit] = getattr(result, "units", {})
    for field, label_zh, label_en in result.headline:
        text = fmt(getattr(result, field), units.get(field), lang)
        lines.append(f"  {label_zh}：{text}" if zh else f"  {label_en}: {text}")
    lines.append(heads.steps)
    for n, s in enumerate(result.steps, 1):
        _step_lines(lines, n, s, heads, lang)
    warnings = result.warnings
    if warnings:
        lines.append(heads.warnings)
        lines.extend([f"  ! {w.zh}" for w in warnings] if zh else [f"  ! {w.en}" for w in warnings])
    return "\n".join(lines)


def _step_lines(lines: list[str], n: int, s: Step, heads: _Heads, lang: str) -> None:
    """A step's lines: label and result, formula, calculation, inputs, values read, note."""
    zh = heads.lang == "zh"
    lines.append(f"{n}. {s.label_zh if zh else s.label_en} = {fmt(s.result, s.unit, lang)}")
    formula = s.formula_zh if zh else (s.formula_en or s.formula_zh)
    if formula:
        lines.append(heads.formula + formula)
    if s.calc:
        lines.append(heads.calc + s.calc)
    for q in s.inputs:
        lines.append(f"   · {q.name_zh if zh else q.name_en} = {fmt(q.value, q.unit, lang)}")
    for pv in s.params:
        lines.append("   · " + _param_line(pv, lang))
    note = s.note_zh if zh else s.note_en
    if note:
        lines.append(heads.note + note)


def render_html(result: Explained, lang: str = "zh") -> str:
    """The notebook view, in one language: see :mod:`jm_socialsec.engine.html`."""
    from .html import render_html as view

    return view(result, lang)
