"""Dated parameter lookup with two dates (参数查询：适用日期与知悉日期).

``on`` is the day the rule applies to; ``as_of`` is the day of knowledge. A figure published
after ``as_of`` is not known yet: where the rules say what is used meanwhile (``interim =
"previous"``, e.g. the pension base is paid provisionally on the previous year's), that figure is
returned marked provisional; otherwise :class:`NotCovered`. A date outside every period is
:class:`NotCovered` too — never a silent zero, never an extrapolation.

Rule modules receive a :class:`Params` for one call: it carries ``as_of`` and the caller's
overrides (what-if analysis) and remembers every value used, so the result can cite them all.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Annotated, Any

from dateutil.relativedelta import relativedelta
from pydantic import BaseModel, ConfigDict, WithJsonSchema, field_serializer

from .errors import BadValue, InputError, NotCovered
from .money import decimal_text, money_text, parse_decimal
from .months import YearMonth
from .projection import Assumptions, hint, project, projectable
from .tables import DatedValue, Param, Source, Status, Unit, registry
from .trace import CURRENT

_current = CURRENT.get  # bound once: read on every parameter access

OVERRIDE_SOURCE = Source(document="调用方覆盖 / caller override")

#: A parameter's value: a ``Decimal`` or a ``YearMonth``; in JSON an exact decimal string (money
#: with two decimals) or "YYYY-MM".
ParamScalar = Annotated[
    Any,
    WithJsonSchema(
        {"type": "string", "description": "exact decimal (money with two decimals) or YYYY-MM"},
        mode="serialization",
    ),
]

#: A value shown in an explanation step: a number, a month, a day, an age (years, months), a
#: flag, a code or nothing; in JSON numbers are exact decimal strings.
StepValue = Annotated[
    Any,
    WithJsonSchema(
        {
            "description": "exact decimal string (money with two decimals), YYYY-MM, YYYY-MM-DD, "
            "[years, months], a whole number, true/false, a code or null",
            "anyOf": [
                {"type": "string"},
                {"type": "integer"},
                {"type": "boolean"},
                {"type": "null"},
                {"type": "array", "items": {"type": ["string", "integer"]}},
            ],
        },
        mode="serialization",
    ),
]


def is_money(unit: Unit | None) -> bool:
    """Whether values in ``unit`` are amounts of yuan (shown with two decimals in JSON)."""
    return unit is not None and unit.value.startswith("yuan")


class ParamValue(BaseModel):
    """A parameter value as used in a calculation, with everything needed to cite it."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True, defer_build=True)

    id: str
    label_zh: str
    label_en: str
    unit: Unit
    value: ParamScalar  # Decimal or YearMonth (a keyed parameter is resolved to one entry)
    key: str | None = None
    since: date | None = None
    until: date | None = None
    status: Status
    source: Source
    provisional: bool = False
    provisional_zh: str = ""
    provisional_en: str = ""
    overridden: bool = False
    #: The document's text was last verified more than a year before ``as_of`` (re-check it).
    reverify: bool = False
    #: Not a published figure: projected on the caller's request (see engine/projection.py).
    projected: bool = False
    projection_zh: str = ""
    projection_en: str = ""

    @field_serializer("value", when_used="json")
    def _value_json(self, v: Any) -> Any:
        if isinstance(v, Decimal):
            return money_text(v) if is_money(self.unit) else decimal_text(v)
        return str(v) if isinstance(v, YearMonth) else v

    @property
    def decimal(self) -> Decimal:
        if not isinstance(self.value, Decimal):
            raise TypeError(f"{self.id} is not a number")
        return self.value

    def text(self) -> str:
        """Value with its unit, in Chinese (e.g. ``9493 元/月``)."""
        unit = self.unit.zh
        return f"{self.value} {unit}".strip()


def _param(param_id: str) -> Param:
    try:
        return registry()[param_id]
    except KeyError:
        raise NotCovered(param_id, "-", None, None, "没有这个参数", "no such parameter") from None


def _known(v: DatedValue, as_of: date) -> bool:
    return v.known_from <= as_of


def _resolve(p: Param, on: date, as_of: date) -> tuple[DatedValue, str, str]:
    """The period that applies on ``on`` as known on ``as_of``, with a provisional note if any."""
    horizon = p.horizon
    if on < p.first or (horizon is not None and on > horizon):
        raise NotCovered(p.id, on, p.first, horizon)
    applying = next((v for v in p.values if v.since <= on and (v.until is None or on <= v.until)), None)
    if applying is None and p.interim == "none":
        raise NotCovered(p.id, on, p.first, horizon, "该日期不在任何期间内", "a gap in the table")
    if applying is not None and applying.missing:
        raise NotCovered(
            p.id,
            on,
            p.first,
            horizon,
            f"该期间的值未收集（{applying.source.document}）",
            f"the value for this period was not collected ({applying.source.document})",
        )
    if applying is not None and _known(applying, as_of):
        if p.until_replaced and applying.until is None:
            return applying, *_maybe_replaced(p, applying, on, as_of)
        return applying, "", ""
    if p.interim != "previous" and not p.until_replaced:
        assert applying is not None
        raise NotCovered(
            p.id,
            on,
            p.first,
            horizon,
            f"该值 {applying.known_from} 才公布，{as_of} 时尚未知悉",
            f"the value was published on {applying.known_from}, not yet known on {as_of}",
        )
    # 预发: the latest earlier figure already known on as_of applies provisionally.
    earlier = [v for v in p.values if v.since <= on and _known(v, as_of) and not v.missing]
    if applying is not None:
        earlier = [v for v in earlier if v.since < applying.since]
    if not earlier:
        raise NotCovered(
            p.id, on, p.first, horizon, f"{as_of} 时尚无已公布的值", f"no value was published yet on {as_of}"
        )
    used = earlier[-1]
    return (
        used,
        f"{on} 适用的{p.label_zh}在 {as_of} 尚未公布，暂按 {used.since} 起的值预计，公布后需重算",
        f"the {p.label_en} for {on} was not published on {as_of}; the value from {used.since} "
        "is used provisionally and will be recalculated",
    )


def _maybe_replaced(p: Param, last: DatedValue, on: date, as_of: date) -> tuple[str, str]:
    """A figure in force until replaced is certain only up to what is known (as_of, last check)."""
    checked = min(as_of, last.source.verified_on or as_of)
    if on <= checked:
        return "", ""
    return (
        f"{p.label_zh}在新标准公布前继续有效；{on} 适用的值按 {last.since} 起的标准预计"
        f"（已核对至 {checked}），如有新标准公布需重算",
        f"the {p.label_en} stays in force until replaced; for {on} the figure in force since "
        f"{last.since} is used provisionally (checked up to {checked}); recalculate if a new one is published",
    )


def reverify_due(verified_on: date | None, as_of: date) -> bool:
    """Whether a document's text was last verified more than a year before ``as_of``."""
    return verified_on is not None and _a_year_after(verified_on) < as_of


@functools.lru_cache(maxsize=4096)
def _a_year_after(day: date) -> date:
    """The same day a year later (29 February → 28 February); a register has few such days, so
    each is worked out once (``relativedelta`` costs microseconds, a first read pays it)."""
    return day + relativedelta(years=1)


def lookup(
    param: str,
    on: date | YearMonth,
    as_of: date | None = None,
    *,
    key: str | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> ParamValue:
    """The value of ``param`` for the date ``on`` as known on ``as_of`` (default: today).

    ``key`` picks one entry of a keyed parameter (an age, a grade, a region code).
    ``overrides`` maps parameter ids to caller values (what-if); an override is reported.
    Raises :class:`NotCovered` outside the table's dates or for an unknown key.
    """
    return Params(as_of, overrides).get(param, on, key=key)


class Params:
    """Parameter access for one calculation: ``as_of``, overrides, and a record of what was used."""

    #: Not bound to a date (an :class:`At` is): what a memoised sub-calculation's key reads.
    on: date | None = None

    @property
    def params(self) -> Params:
        """The calculation itself (as an :class:`At`'s ``params`` is): one way to reach it from either."""
        return self

    def __init__(
        self,
        as_of: date | None = None,
        overrides: Mapping[str, Any] | None = None,
        assumptions: Assumptions | None = None,
    ):
        self.as_of = as_of if type(as_of) is date else _as_of(as_of)
        #: Projection of per-period figures not yet published: only when asked for (None: refuse).
        self.assumptions = assumptions
        self._overrides = _check_overrides(overrides) if overrides else {}
        self.overrides = overrides
        self.used: list[ParamValue] = []
        self.notices: list[tuple[str, dict[str, Any]]] = []
        #: The tables this calculation reads (their identity keys cached values and sub-calculations).
        self.tables = registry()
        #: The values already resolved for these tables as known on ``as_of`` (shared, see _CACHE).
        self._known = _shared_values(self.tables, self.as_of)
        #: What calculations sharing memoised sub-calculations have in common: the tables and
        #: ``as_of``; None when the figures are the caller's (overrides) or projected.
        self.shared = None if overrides or assumptions is not None else (id(self.tables), self.as_of)

    def get(self, param: str, on: date | YearMonth, *, key: str | None = None) -> ParamValue:
        """The value of ``param`` on ``on`` (recorded as used, and in the trace when tracing)."""
        day = on if type(on) is date else on.first_day() if isinstance(on, YearMonth) else on
        if self._overrides and param in self._overrides:
            pv = self._from_override(self._param(param), self._overrides[param], key)
        else:
            known = self._known.get((param, day, key))
            pv = self._first_read(param, day, key) if known is None else known
        self.used.append(pv)
        node = CURRENT.get()
        if node is not None:
            node.params.append(pv)
        return pv

    def _first_read(self, param: str, day: date, key: str | None) -> ParamValue:
        """Resolve a value not read before; shared unless it depends on this call's assumptions."""
        pv = self._resolved_or_projected(param, day, key)
        if not pv.projected:
            if len(self._known) >= _CACHE_MAX:
                self._known.clear()
            self._known[param, day, key] = pv
        return pv

    def _resolved_or_projected(self, param: str, day: date, key: str | None) -> ParamValue:
        """The published value; past its periods, a projection if asked for, else the refusal with a hint."""
        p = self._param(param)
        try:
            return _resolved(p, day, self.as_of, key)
        except NotCovered as refused:
            if not projectable(p) or day < p.first:
                raise
            if self.assumptions is None:
                zh, en = hint(p)
                why_zh = "；".join(x for x in (refused.why_zh, zh) if x)
                why_en = "; ".join(x for x in (refused.why_en, en) if x)
                raise NotCovered(p.id, day, p.first, p.horizon, why_zh, why_en) from None
            fields = project(p, day, self.as_of, key, self.assumptions)
            return ParamValue(
                **_described(p),
                key=key,
                status=Status.ASSUMED,
                provisional=False,
                projected=True,
                reverify=False,
                **fields,
            )

    def _param(self, param_id: str) -> Param:
        try:
            return self.tables[param_id]
        except KeyError:
            raise NotCovered(param_id, "-", None, None, "没有这个参数", "no such parameter") from None

    def at(self, on: date | YearMonth) -> At:
        """Parameter access bound to the date ``on``: what a rule receives."""
        return At(self, on.first_day() if isinstance(on, YearMonth) else on)

    def notice(self, code: str, **values: Any) -> None:
        """A rule's own warning, ``<area>.<code>``; its words are in the area's catalogue."""
        self.notices.append((code, values))

    def in_force(self, param: str, on: date | YearMonth) -> bool:
        """Whether the table covers ``on`` at all (a rule that did not exist yet is not in force)."""
        day = on.first_day() if isinstance(on, YearMonth) else on
        p = _param(param)
        return p.first <= day and (p.horizon is None or day <= p.horizon)

    def value(self, param: str, on: date | YearMonth, *, key: str | None = None) -> Decimal:
        """Shortcut: the numeric value (recorded as used)."""
        day = on if type(on) is date else on.first_day() if isinstance(on, YearMonth) else on
        return self.read(param, day, key).decimal

    def read(self, param: str, day: date, key: str | None = None) -> ParamValue:
        """:meth:`get` for a day: a value already resolved is recorded inline (the hot path)."""
        pv = None if self._overrides else self._known.get((param, day, key))
        if pv is None:  # a first read, an override: the full path
            return self.get(param, day, key=key)
        self.used.append(pv)
        node = _current()
        if node is not None:
            node.params.append(pv)
        return pv

    def _from_override(self, p: Param, raw: Any, key: str | None) -> ParamValue:
        value = raw
        if isinstance(raw, Mapping):
            if key is None or str(key) not in raw:
                raise InputError(f"overrides[{p.id}]", f"缺少键 {key}", f"missing key {key!r}")
            value = raw[str(key)]
        return ParamValue(
            **_described(p),
            value=value,
            key=key,
            status=Status.ASSUMED,
            source=OVERRIDE_SOURCE,
            overridden=True,
        )


def _as_of(value: Any) -> date:
    """The day of knowledge: today by default; a ``datetime`` counts as its date, ISO text is read."""
    if value is None:
        return date.today()
    if type(value) is date:
        return value
    from .types import to_day

    try:
        return to_day(value)
    except BadValue as e:
        raise InputError("as_of", e.why_zh, e.why_en) from None


class At:
    """Parameter access bound to one date (the date a rule applies to), for one calculation."""

    __slots__ = ("on", "params")

    def __init__(self, params: Params, on: date) -> None:
        self.params = params
        self.on = on

    def __call__(self, param: str, key: str | None = None) -> Decimal:
        """The numeric value of ``param`` on this date (recorded as used)."""
        params = self.params
        pv = None if params._overrides else params._known.get((param, self.on, key))
        if pv is None:  # a first read, an override: the full path
            pv = params.get(param, self.on, key=key)
        else:  # a value already resolved for these tables and as_of: what ``get`` records, inline
            params.used.append(pv)
            node = _current()
            if node is not None:
                node.params.append(pv)
        value = pv.value
        if not isinstance(value, Decimal):
            raise TypeError(f"{param} is not a number")
        return value

    def get(self, param: str, key: str | None = None) -> ParamValue:
        """The value with its source and status (recorded as used)."""
        return self.params.read(param, self.on, key)

    def in_force(self, param: str) -> bool:
        """Whether the table covers this date at all (a rule that did not exist yet is not)."""
        return self.params.in_force(param, self.on)

    def at(self, on: date | YearMonth) -> At:
        """The same calculation's access bound to another date."""
        return self.params.at(on)

    def notice(self, code: str, **values: Any) -> None:
        """Record a rule's own warning (``<area>.<code>``, words in the area's catalogue)."""
        self.params.notice(code, **values)


#: Resolved values by (tables, as_of), then by (parameter, day, key): tables are immutable and a
#: resolved value is a frozen model, so one lookup serves every later calculation that knows as
#: much (bounded; a race only resolves the same value twice).
_CACHE: dict[tuple[int, date], dict[tuple[str, date, str | None], ParamValue]] = {}
_CACHE_MAX = 200_000
_KNOWLEDGE_MAX = 1_000  # days of knowledge kept at once (a service asks about a few)


def _shared_values(tables: dict[str, Param], as_of: date) -> dict[tuple[str, date, str | None], ParamValue]:
    """The shared values resolved from ``tables`` as known on ``as_of`` (filled as they are read)."""
    known = _CACHE.get((id(tables), as_of))
    if known is None:
        if len(_CACHE) >= _KNOWLEDGE_MAX:
            _CACHE.clear()
        known = _CACHE.setdefault((id(tables), as_of), {})
    return known


def _resolved(p: Param, day: date, as_of: date, key: str | None) -> ParamValue:
    period, note_zh, note_en = _resolve(p, day, as_of)
    value = period.value
    if isinstance(value, dict):
        value = _pick(p, value, key, day)
    elif key is not None:
        raise NotCovered(p.id, day, None, None, "该参数不按键取值", "not a keyed parameter")
    if note_zh:  # a provisional value names its day: made for this day only
        return _value_of(p, period, value, key, as_of, note_zh, note_en)
    # Every day of a period gives the same value: one object per (period, key, as_of).
    shared = (id(period), key, as_of)
    hit = _BY_PERIOD.get(shared)
    if hit is None or hit[0] is not period:  # (identity checked: an id is reused only once freed)
        if len(_BY_PERIOD) >= _CACHE_MAX:
            _BY_PERIOD.clear()
        hit = _BY_PERIOD[shared] = (period, _value_of(p, period, value, key, as_of, "", ""))
    return hit[1]


#: The value of a period, by (period, key, as_of) — the days of a period share it.
_BY_PERIOD: dict[tuple[int, str | None, date], tuple[DatedValue, ParamValue]] = {}


def forget_values() -> None:
    """Forget every resolved value (a cold start; the tables stay loaded): for benchmarks and tests."""
    _CACHE.clear()
    _BY_PERIOD.clear()


def _value_of(
    p: Param, period: DatedValue, value: Any, key: str | None, as_of: date, note_zh: str, note_en: str
) -> ParamValue:
    fields = {
        **_described(p),
        "value": value,
        "key": key,
        "since": period.since,
        "until": period.until,
        "status": period.status,
        "source": period.source,
        "provisional": bool(note_zh),
        "provisional_zh": note_zh,
        "provisional_en": note_en,
        "reverify": reverify_due(period.source.verified_on, as_of),
    }
    return _from_tables(fields) if key is None or type(key) is str else ParamValue(**fields)


def _from_tables(fields: dict[str, Any]) -> ParamValue:
    """A value built from the tables' own, already validated values: not validated a second time
    (what pydantic would check, the tables' loader has; a first read costs ~1 µs, not ~9)."""
    pv = ParamValue.__new__(ParamValue)
    values = _PARAM_DEFAULTS.copy()  # the model's order, the defaults of what is not given
    values.update(fields)
    object.__setattr__(pv, "__dict__", values)
    object.__setattr__(pv, "__pydantic_fields_set__", set(fields))
    object.__setattr__(pv, "__pydantic_extra__", None)
    object.__setattr__(pv, "__pydantic_private__", None)
    return pv


#: Every field of :class:`ParamValue` in the model's order, with its default (``None`` for a
#: required one: always given).
_PARAM_DEFAULTS = {name: None if info.is_required() else info.default for name, info in ParamValue.model_fields.items()}


def _described(p: Param) -> dict[str, Any]:
    """What every value of ``p`` says about itself: id, labels, unit."""
    return {"id": p.id, "label_zh": p.label_zh, "label_en": p.label_en, "unit": p.unit}


def _pick(p: Param, mapping: dict[str, Any], key: str | None, day: date) -> Any:
    if key is None:
        raise NotCovered(p.id, day, None, None, f"需要{p.keyed_by}", f"needs a {p.keyed_by} key")
    if str(key) not in mapping:
        keys = ", ".join(mapping)
        raise NotCovered(
            p.id,
            f"{day} [{p.keyed_by}={key}]",
            None,
            None,
            f"{p.keyed_by} = {key} 不在表内（有：{keys}）",
            f"{p.keyed_by} = {key} is not in the table (has: {keys})",
        )
    return mapping[str(key)]


def _check_overrides(overrides: Mapping[str, Any]) -> dict[str, Any]:
    if not isinstance(overrides, Mapping):
        raise InputError("overrides", "应为 {参数id: 值} 映射", "must be a mapping {param id: value}")
    table = registry()
    checked: dict[str, Any] = {}
    for pid, raw in overrides.items():
        if pid not in table:
            raise InputError("overrides", f"没有参数 {pid}", f"no parameter {pid!r}")
        unit = table[pid].unit
        try:
            if isinstance(raw, Mapping):
                checked[pid] = {str(k): _override_scalar(v, unit) for k, v in raw.items()}
            else:
                checked[pid] = _override_scalar(raw, unit)
        except BadValue as e:
            raise InputError(f"overrides[{pid}]", e.why_zh, e.why_en) from None
    return checked


def _override_scalar(raw: Any, unit: Unit) -> Any:
    if unit is Unit.YEAR_MONTH:
        return YearMonth.of(raw)
    number = parse_decimal(raw)
    if number < 0:
        raise BadValue("不能为负数", "must not be negative")
    if unit is Unit.RATE and number > 1:
        raise BadValue("费率应为 0–1 之间的小数（8% 写作 0.08）", "a rate is a fraction in [0, 1] (8% is 0.08)")
    return number
