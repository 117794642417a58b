"""Rate tables (数据表): dated, sourced parameters loaded once from ``tables/*.toml``.

A table file holds parameters; each parameter has an id, Chinese and English labels, a unit and
dated values. Each value has ``since`` (and ``until`` unless it is the last), the figure, its
source document and a status (official / secondary / assumed). Files are validated by pydantic
at load: unsorted or overlapping periods, a value without a source, an unknown unit or status
are :class:`~jm_socialsec.engine.errors.TableError` naming the file and the parameter.

This module knows how tables are stored; rule modules only call :mod:`jm_socialsec.engine.params`.
"""

from __future__ import annotations

import itertools
import tomllib
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from .errors import TableError
from .months import YearMonth


class Status(StrEnum):
    """How sure we are of a figure (see shared/rules/README.md)."""

    OFFICIAL = "official"  # read in the issuing government document
    SECONDARY = "secondary"  # reproduction or reconstruction; concordant sources
    ASSUMED = "assumed"  # best current knowledge, not confirmed

    @property
    def zh(self) -> str:
        return {"official": "官方", "secondary": "二手", "assumed": "假设"}[self.value]


class Unit(StrEnum):
    """Units a parameter may have. Rates and factors are fractions (0.08 = 8%)."""

    YUAN = "yuan"
    YUAN_PER_MONTH = "yuan_per_month"
    YUAN_PER_YEAR = "yuan_per_year"
    YUAN_PER_HOUR = "yuan_per_hour"
    RATE = "rate"  # a fraction between 0 and 1
    FACTOR = "factor"  # a multiplier, may exceed 1
    INDEX = "index"  # a wage index (缴费指数)
    MONTHS = "months"
    YEARS = "years"
    DAYS = "days"
    COUNT = "count"
    YEAR_MONTH = "year_month"  # a calendar month, "YYYY-MM"

    @property
    def zh(self) -> str:
        return _UNIT_ZH[self]

    @property
    def en(self) -> str:
        return _UNIT_EN[self]


_UNIT_ZH = {
    Unit.YUAN: "元",
    Unit.YUAN_PER_MONTH: "元/月",
    Unit.YUAN_PER_YEAR: "元/年",
    Unit.YUAN_PER_HOUR: "元/小时",
    Unit.RATE: "",
    Unit.FACTOR: "倍",
    Unit.INDEX: "",
    Unit.MONTHS: "个月",
    Unit.YEARS: "年",
    Unit.DAYS: "天",
    Unit.COUNT: "",
    Unit.YEAR_MONTH: "",
}
_UNIT_EN = {
    Unit.YUAN: "yuan",
    Unit.YUAN_PER_MONTH: "yuan/month",
    Unit.YUAN_PER_YEAR: "yuan/year",
    Unit.YUAN_PER_HOUR: "yuan/hour",
    Unit.RATE: "",
    Unit.FACTOR: "×",
    Unit.INDEX: "",
    Unit.MONTHS: "months",
    Unit.YEARS: "years",
    Unit.DAYS: "days",
    Unit.COUNT: "",
    Unit.YEAR_MONTH: "",
}
_MONEY_UNITS = {Unit.YUAN, Unit.YUAN_PER_MONTH, Unit.YUAN_PER_YEAR, Unit.YUAN_PER_HOUR}

Scalar = Decimal | YearMonth
Value = Scalar | dict[str, Scalar]


class Document(BaseModel):
    """A source document, described once in the register ``tables/sources.toml`` (文件登记).

    Values cite a document by ``doc`` (its id) plus a ``locator``; its number, exact title,
    issuer, dates, what amends it and where its text was read live here only.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$")
    number: str = ""  # 文号, e.g. 粤人社规〔2025〕50号; empty for laws and statistics
    title: str = Field(min_length=1)  # the exact official title
    issuer: str = Field(min_length=1)
    adopted: date | None = None  # 通过 / 成文
    published: date | None = None  # 公布 / 发布
    in_force: date | None = None  # 施行
    valid_until: date | None = None  # for documents with a stated validity (有效期)
    amends: str = ""  # id of the document it amends or replaces
    amended_by: str = ""  # id of a later document (in the register) that amends or replaces it
    #: A later amendment or replacement known to exist that the tables do not yet follow.
    pending_amendment: str = ""
    read_in: tuple[str, ...] = Field(min_length=1)  # where its text was read (address, public copy)
    verified_on: date  # when its text was last read for the tables
    note: str = ""

    @property
    def name(self) -> str:
        """How a value cites it: the number, else the title."""
        return self.number or self.title


class Source(BaseModel):
    """Where a figure comes from: the document (resolved from the register) and the place in it."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    doc: str = ""  # the register id
    document: str = Field(min_length=1)  # number, else title (filled from the register)
    title: str = ""
    locator: str = ""  # article, annex or table
    published: date | None = None
    verified_on: date | None = None
    note: str = ""

    def short(self) -> str:
        parts = [self.document]
        if self.locator:
            parts.append(self.locator)
        if self.published:
            parts.append(str(self.published))
        return "，".join(parts)


def _resolve_source(raw: Any, info: ValidationInfo) -> Any:
    """A table cites ``{doc = id, locator, note}``; fill the rest from the register."""
    if isinstance(raw, Source):  # already resolved (a copy of a validated value)
        return raw
    if not isinstance(raw, dict) or "doc" not in raw:
        raise ValueError("source: cite a document of the register: { doc = <id>, locator = ... }")
    extra = set(raw) - {"doc", "locator", "note"}
    if extra:
        raise ValueError(f"source: {', '.join(sorted(extra))} belong in the document register, not here")
    documents: dict[str, Document] = (info.context or {}).get("documents", {})
    doc = documents.get(str(raw["doc"]))
    if doc is None:
        raise ValueError(f"source: no document {raw['doc']!r} in the register (tables/sources.toml)")
    return {
        **raw,
        "document": doc.name,
        "title": doc.title,
        "published": doc.published,
        "verified_on": doc.verified_on,
    }


class DatedValue(BaseModel):
    """One period of a parameter: the figure in force from ``since`` to ``until`` (inclusive)."""

    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True, defer_build=True)

    since: date
    until: date | None = None
    value: Any = None
    #: A period we know we do not know (e.g. a year's figure not collected): lookups in it are
    #: NotCovered with that reason, and it is not a gap.
    missing: bool = False
    status: Status
    source: Source
    #: When the figure became known. ``None``: the source's publication date, else ``since``.
    #: A figure published after
    #: ``since`` (bases and windows announced late) is not known to an ``as_of`` before this.
    published: date | None = None
    note: str = ""

    @field_validator("source", mode="before")
    @classmethod
    def _cite(cls, raw: Any, info: ValidationInfo) -> Any:
        return _resolve_source(raw, info)

    @model_validator(mode="after")
    def _period(self) -> DatedValue:
        if self.until is not None and self.until < self.since:
            raise ValueError(f"until {self.until} is before since {self.since}")
        if self.missing != (self.value is None):
            raise ValueError(f"the period from {self.since} needs a value, or missing = true and no value")
        return self

    @property
    def known_from(self) -> date:
        if self.published is not None:
            return self.published
        return self.source.published if self.source.published is not None else self.since


class Param(BaseModel):
    """A parameter: id, labels, unit and its dated values, oldest first."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$")
    label_zh: str = Field(min_length=1)
    label_en: str = Field(min_length=1)
    unit: Unit
    #: What the keys of a mapping value mean (``age``, ``grade``, ``region``…); None: scalar.
    keyed_by: str | None = None
    #: Until a figure is published, the previous one applies provisionally (预发): "previous".
    interim: str = Field(default="none", pattern=r"^(none|previous)$")
    #: The last date the parameter is declared to cover; later dates are NotCovered. Only for
    #: figures published per period (bases, limits, averages): a statute's figure has none.
    covered_until: date | None = None
    #: In force until replaced (a minimum wage): after what is known — ``as_of``, or the day
    #: its document was last verified — the last figure applies, marked provisional.
    until_replaced: bool = False
    note: str = ""
    values: tuple[DatedValue, ...] = Field(min_length=1)

    @field_validator("values")
    @classmethod
    def _sorted_no_overlap(cls, values: tuple[DatedValue, ...], info: ValidationInfo) -> tuple[DatedValue, ...]:
        for prev, nxt in itertools.pairwise(values):
            if nxt.since <= prev.since:
                raise ValueError(f"periods are not sorted: {nxt.since} after {prev.since}")
            if prev.until is None:
                raise ValueError(f"only the last period may be open-ended ({prev.since})")
            if nxt.since <= prev.until:
                raise ValueError(f"periods overlap: {prev.since}–{prev.until} and {nxt.since}")
        unit = info.data.get("unit")
        if unit is None:  # the unit itself failed; that error is reported
            return values
        keyed_by = info.data.get("keyed_by")
        return tuple(
            v if v.missing else v.model_copy(update={"value": _convert(v.value, unit, keyed_by, v.since)})
            for v in values
        )

    @model_validator(mode="after")
    def _horizon(self) -> Param:
        last = self.values[-1]
        if self.covered_until is not None and self.covered_until < last.since:
            raise ValueError(f"covered_until {self.covered_until} is before the last period")
        return self

    @property
    def first(self) -> date:
        return self.values[0].since

    @property
    def horizon(self) -> date | None:
        """The last covered date: ``covered_until``, else the last period's ``until``."""
        return self.covered_until if self.covered_until is not None else self.values[-1].until

    def gaps(self) -> list[tuple[date, date]]:
        """Periods inside the covered range with no value (and no interim rule to bridge them)."""
        out: list[tuple[date, date]] = []
        for prev, nxt in zip(self.values, self.values[1:], strict=False):
            assert prev.until is not None  # enforced by the validator
            if nxt.since > prev.until + timedelta(days=1):
                out.append((prev.until + timedelta(days=1), nxt.since - timedelta(days=1)))
        last = self.values[-1]
        if (
            self.interim == "none"
            and last.until is not None
            and self.covered_until is not None
            and self.covered_until > last.until
        ):
            out.append((last.until + timedelta(days=1), self.covered_until))
        return out


def _convert(raw: Any, unit: Unit, keyed_by: str | None, since: date) -> Value:
    if keyed_by is not None:
        if not isinstance(raw, dict) or not raw:
            raise ValueError(f"value for {since} must be a non-empty mapping keyed by {keyed_by}")
        return {str(k): _scalar(v, unit, since) for k, v in raw.items()}
    if isinstance(raw, dict):
        raise ValueError(f"value for {since} is a mapping but keyed_by is not set")
    return _scalar(raw, unit, since)


def _scalar(raw: Any, unit: Unit, since: date) -> Scalar:
    if unit is Unit.YEAR_MONTH:
        return YearMonth.of(raw)
    if isinstance(raw, bool) or not isinstance(raw, int | Decimal | str):
        raise ValueError(f"value for {since} must be a number, got {raw!r}")
    number = Decimal(raw) if not isinstance(raw, Decimal) else raw
    if unit in _MONEY_UNITS and number < 0:
        raise ValueError(f"money value for {since} is negative")
    if unit is Unit.RATE and not 0 <= number <= 1:
        raise ValueError(f"rate for {since} must be a fraction in [0, 1], got {number}")
    return number


class TableFile(BaseModel):
    """One ``tables/*.toml`` file."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    title: str = ""
    param: tuple[Param, ...] = Field(min_length=1)


def _describe(err: ValidationError, data: dict[str, Any]) -> tuple[str | None, str]:
    """The parameter id and a readable reason for the first validation error."""
    first = err.errors()[0]
    loc = first["loc"]
    param_id = None
    if len(loc) >= 2 and loc[0] == "param" and isinstance(loc[1], int):
        try:
            param_id = str(data["param"][loc[1]].get("id", f"#{loc[1]}"))
        except (IndexError, AttributeError, KeyError):
            param_id = f"#{loc[1]}"
    where = ".".join(str(x) for x in loc[2:]) or ".".join(str(x) for x in loc)
    msg = str(first["msg"]).removeprefix("Value error, ")
    return param_id, f"{where}: {msg}"


class Register(BaseModel):
    """The document register file, ``tables/sources.toml``."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    title: str = ""
    document: tuple[Document, ...] = Field(min_length=1)


REGISTER_FILE = "sources.toml"


def _toml(text: str, name: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as e:
        raise TableError(name, None, f"TOML: {e}") from None


def parse_register(text: str, name: str = REGISTER_FILE) -> dict[str, Document]:
    """Parse the document register; ids are unique and cross-references resolve."""
    data = _toml(text, name)
    try:
        register = Register.model_validate(data)
    except ValidationError as e:
        first = e.errors()[0]
        raise TableError(name, None, f"{'.'.join(str(x) for x in first['loc'])}: {first['msg']}") from None
    docs: dict[str, Document] = {}
    for d in register.document:
        if d.id in docs:
            raise TableError(name, d.id, "document id defined twice")
        docs[d.id] = d
    for d in docs.values():
        for ref in (d.amends, d.amended_by):
            if ref and ref not in docs:
                raise TableError(name, d.id, f"refers to {ref!r}, which is not in the register")
    return docs


def parse_table(text: str, name: str, documents: dict[str, Document] | None = None) -> TableFile:
    """Parse and validate one table file's text; errors name the file and the parameter."""
    data = _toml(text, name)
    try:
        return TableFile.model_validate(data, context={"documents": documents or {}})
    except ValidationError as e:
        param_id, why = _describe(e, data)
        raise TableError(name, param_id, why) from None


class Tables(BaseModel):
    """Everything loaded from ``tables/``: the document register and the parameters."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    documents: dict[str, Document]
    params: dict[str, Param]


def load_all(files: dict[str, str]) -> Tables:
    """Validate the register (``sources.toml``, if given) and every table file citing it.

    A file in a folder (``pension/pension.toml``) may only define parameters whose id starts
    with the folder's name (``pension.…``): an id names where its figure lives.
    """
    documents = parse_register(files[REGISTER_FILE]) if REGISTER_FILE in files else {}
    params: dict[str, Param] = {}
    for name in sorted(files):
        if name == REGISTER_FILE:
            continue
        folder = name.rpartition("/")[0]
        for p in parse_table(files[name], name, documents).param:
            if folder and p.id.split(".")[0] != folder:
                raise TableError(name, p.id, f"a parameter in {folder}/ must have an id starting with {folder}.")
            if p.id in params:
                raise TableError(name, p.id, "parameter id defined twice")
            params[p.id] = p
    return Tables(documents=documents, params=params)


def load_tables(files: dict[str, str]) -> dict[str, Param]:
    """Validate every file and index parameters by id (an id defined twice is an error)."""
    return load_all(files).params


def _table_dir() -> Any:
    """The shipped tables (inside the wheel); in a source checkout, the repository's tables/."""
    packaged = resources.files("jm_socialsec") / "tables"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "tables"


def _toml_files(folder: Any) -> dict[str, str]:
    """``sources.toml`` and every ``<area>/<name>.toml`` below the tables folder."""
    files: dict[str, str] = {}
    for entry in folder.iterdir():
        if entry.is_dir():
            for f in entry.iterdir():
                if f.name.endswith(".toml"):
                    files[f"{entry.name}/{f.name}"] = f.read_text(encoding="utf-8")
        elif entry.name.endswith(".toml"):
            if entry.name != REGISTER_FILE:
                raise TableError(entry.name, None, "a table file belongs in the folder of its area")
            files[entry.name] = entry.read_text(encoding="utf-8")
    return files


@cache
def shipped() -> Tables:
    """The shipped register and tables, loaded and validated once per process."""
    folder = _table_dir()
    files = _toml_files(folder)
    if not files:
        raise TableError(str(folder), None, "no table files found")
    return load_all(files)


def registry() -> dict[str, Param]:
    """All parameters (loaded once per process)."""
    return shipped().params


def documents() -> dict[str, Document]:
    """The document register (loaded once per process)."""
    return shipped().documents
