"""What every input model shares: JSON-friendly types, all errors at once, and the hook that
lets a public function take its model instead of keywords.

A model's fields are the function's keywords, with the same names and defaults; values are
read by the shared input types (:mod:`jm_socialsec.engine.types`), so ``"2026-11-21"`` is a
day, ``"1966-01"`` a month and ``"0.85"`` an exact decimal. Unknown fields are refused.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Annotated, Any, ClassVar, Generic, ParamSpec, Protocol, TypeVar, cast, overload

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    StrictFloat,
    StrictInt,
    StrictStr,
    ValidationError,
    WithJsonSchema,
)

from ..engine.api import input_error
from ..engine.errors import BadValue, InputError
from ..engine.money import parse_decimal
from ..engine.months import YearMonth
from ..engine.regions import Region
from ..engine.types import DayIn, to_day

P = ParamSpec("P")
R = TypeVar("R", covariant=True)
E = TypeVar("E", bound=Enum)
M = TypeVar("M", bound="InputModel")


class InputModel(BaseModel):
    """Base of every input model: frozen, unknown fields refused, errors as one :class:`InputError`.

    ``function`` names the public function the model is for; ``arguments()`` gives its keywords
    (only the fields that were given, so the function's own defaults apply to the rest).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    #: The public function this model is the input of (``"estimate_pension"``).
    function: ClassVar[str] = ""

    def __init__(self, **data: Any) -> None:
        try:
            super().__init__(**data)
        except ValidationError as e:
            raise input_error(e) from None

    @classmethod
    def of(cls: type[M], data: Mapping[str, Any] | str | bytes) -> M:
        """The model from a mapping or JSON text; every problem reported at once (:class:`InputError`)."""
        try:
            if isinstance(data, str | bytes):
                return cls.model_validate_json(data)
            return cls.model_validate(data)
        except ValidationError as e:
            raise input_error(e) from None

    def arguments(self) -> dict[str, Any]:
        """The keywords to call :attr:`function` with: the fields that were given, as validated."""
        return {name: getattr(self, name) for name in type(self).model_fields if name in self.model_fields_set}


class TakesInput(Protocol[P, R]):
    """A public function that takes its keywords, or its input model as the only argument."""

    @overload
    def __call__(self, model: InputModel, /) -> R: ...
    @overload
    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> R: ...


def accepts_input(fn: Callable[P, R]) -> TakesInput[P, R]:
    """Let ``fn`` be called with its input model alone: ``estimate_pension(PensionInput(...))``.

    The model's fields become the keywords; calling with keywords is unchanged. A model made for
    another function is refused (:class:`InputError` naming ``input``).
    """

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> R:
        if args and isinstance(args[0], InputModel):
            model = args[0]
            if len(args) > 1 or kwargs or model.function != fn.__name__:
                raise InputError(
                    "input",
                    f"{fn.__name__} 只接受它自己的输入模型（单独一个参数），收到 {type(model).__name__}",
                    f"{fn.__name__} takes its own input model as the only argument, got {type(model).__name__}",
                    reason="wrong_type",
                )
            call: Callable[..., R] = fn
            return call(**model.arguments())
        return fn(*args, **kwargs)

    return cast(TakesInput[P, R], wrapper)


class Choice(Generic[E]):
    """Reads a coded choice with the enum's own ``parse`` (its Chinese words too), else its value."""

    def __init__(self, kind: type[E]) -> None:
        self.kind = kind

    def __call__(self, value: Any) -> Any:
        parse = getattr(self.kind, "parse", None)
        try:
            return parse(value) if parse is not None else self.kind(value)
        except (InputError, ValueError) as e:
            codes = ", ".join(str(m.value) for m in self.kind)
            zh = e.why_zh if isinstance(e, InputError) else f"未知取值“{value}”，可选：{codes}"
            en = e.why_en if isinstance(e, InputError) else f"unknown value {value!r}; one of: {codes}"
            raise BadValue(zh, en, reason="not_allowed") from None


def _non_negative(value: Any) -> Decimal:
    number = parse_decimal(value)
    if number < 0:
        raise BadValue("不能为负数", "must not be negative", reason="negative")
    return number


def _day_or_month(value: Any) -> date:
    """A day, or a month given as ``YYYY-MM`` (its first day), as the injury functions read dates."""
    if isinstance(value, str) and len(value.strip()) < len("YYYY-MM-DD"):
        return YearMonth.of(value).first_day()
    return to_day(value)


#: An exact decimal that is not negative (years, factors): ``"0.85"`` or ``0.85``.
DecimalIn = Annotated[Decimal, BeforeValidator(_non_negative)]
#: A day (``YYYY-MM-DD``) or a month (``YYYY-MM``, its first day).
DayOrMonthIn = Annotated[
    date,
    BeforeValidator(_day_or_month),
    WithJsonSchema({"type": "string", "description": "YYYY-MM-DD, or YYYY-MM for its first day"}, mode="validation"),
]
#: A region by code or Chinese name (``"taishan"``, ``"台山"``).
RegionIn = Annotated[Region, BeforeValidator(Choice(Region))]
#: The day of knowledge (``as_of``): what was known on that day; today if not given.
AsOf = DayIn | None
#: An override value: a number (as text or number), a month ``YYYY-MM``, or a mapping key → value.
OverrideScalar = StrictStr | StrictInt | StrictFloat
Overrides = dict[str, OverrideScalar | dict[str, OverrideScalar]] | None
