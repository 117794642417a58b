"""The public-API boundary: only documented errors leave it.

:func:`public` wraps every exported function: pydantic's ``ValidationError`` becomes an
:class:`InputError` naming the field in Chinese and English; any other unexpected exception
becomes :class:`InternalError` (chained, so a maintainer still sees the cause).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from typing import Any, ParamSpec, TypeVar

from pydantic import ValidationError

from .errors import BadValue, InputError, InternalError, SocialSecError
from .limits import EARLIEST_YEAR, LATEST_YEAR
from .types import months_within, to_day

P = ParamSpec("P")
R = TypeVar("R")

#: pydantic's error types: the stable reason code and the words, in Chinese and English.
_BY_TYPE: dict[str, tuple[str, str, str]] = {
    "missing": ("missing", "缺少必填项", "is required"),
    "extra_forbidden": ("unknown_field", "不是可用的输入项", "is not a known input"),
    "int_parsing": ("not_whole", "应为整数", "must be a whole number"),
    "int_type": ("not_whole", "应为整数", "must be a whole number"),
    "int_from_float": ("not_whole", "应为整数", "must be a whole number"),
    "date_parsing": ("not_a_date", "应为日期（YYYY-MM-DD）", "must be a date (YYYY-MM-DD)"),
    "date_from_datetime_parsing": ("not_a_date", "应为日期（YYYY-MM-DD）", "must be a date (YYYY-MM-DD)"),
    "date_type": ("not_a_date", "应为日期（YYYY-MM-DD）", "must be a date (YYYY-MM-DD)"),
    "bool_parsing": ("wrong_type", "应为是/否", "must be true or false"),
    "bool_type": ("wrong_type", "应为是/否", "must be true or false"),
    "enum": ("not_allowed", "不是允许的取值", "is not one of the allowed values"),
    "literal_error": ("not_allowed", "不是允许的取值", "is not one of the allowed values"),
    "greater_than_equal": ("out_of_range", "低于允许的最小值", "is below the minimum allowed"),
    "greater_than": ("out_of_range", "低于允许的最小值", "is below the minimum allowed"),
    "less_than_equal": ("out_of_range", "超过允许的最大值", "is above the maximum allowed"),
    "less_than": ("out_of_range", "超过允许的最大值", "is above the maximum allowed"),
    "string_type": ("wrong_type", "应为文字", "must be text"),
    "list_type": ("wrong_type", "应为列表", "must be a list"),
    "tuple_type": ("wrong_type", "应为（年, 月）", "must be a pair"),
    "dict_type": ("wrong_type", "应为对象（键: 值）", "must be an object (key: value)"),
    "model_type": ("wrong_type", "应为对象（键: 值）", "must be an object (key: value)"),
    "model_attributes_type": ("wrong_type", "应为对象（键: 值）", "must be an object (key: value)"),
    "json_invalid": ("malformed_json", "不是有效的 JSON", "is not valid JSON"),
    "json_type": ("malformed_json", "不是有效的 JSON", "is not valid JSON"),
}
_LIMITS = {"greater_than_equal", "less_than_equal", "greater_than", "less_than"}


def field_path(loc: Sequence[str | int]) -> str:
    """A pydantic location as a field path: ``profile.deemed_service[0].months``."""
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path or "input"


def problems(error: Mapping[str, Any], loc: Sequence[str | int] | None = None) -> list[InputError]:
    """One pydantic error (a dict of ``ValidationError.errors()``) as bilingual :class:`InputError` s.

    A validator that raised an :class:`InputError` keeps its words and reason (all of its
    problems, when it carried several), with its field placed under the error's location.
    """
    where = tuple(error["loc"] if loc is None else loc)
    cause = error.get("ctx", {}).get("error")
    if isinstance(cause, InputError):
        return [InputError(_under(where, e.field), e.why_zh, e.why_en, reason=e.reason) for e in cause.errors]
    reason, zh, en = _BY_TYPE.get(error["type"], ("invalid", "输入无效", str(error["msg"])))
    if error["type"] in _LIMITS:
        limit = next(iter(error.get("ctx", {}).values()), "")
        zh, en = f"{zh}（{limit}）", f"{en} ({limit})"
    return [InputError(field_path(where), zh, en, reason=reason)]


def _under(loc: tuple[str | int, ...], field: str) -> str:
    """A validator's own field name placed under the location it was raised at."""
    if field == "value" or (loc and str(loc[-1]) == field):
        return field_path(loc)
    return f"{field_path(loc)}.{field}" if loc else field


def input_error(err: ValidationError) -> InputError:
    """Every problem of a pydantic ``ValidationError`` in one :class:`InputError` (the first names the field)."""
    return InputError.combine([p for e in err.errors() for p in problems(e)])


def public(fn: Callable[P, R]) -> Callable[P, R]:
    """Decorator for exported functions: nothing but :class:`SocialSecError` escapes."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            if args and any(isinstance(a, datetime) for a in args):
                args = tuple(a.date() if isinstance(a, datetime) else a for a in args)  # type: ignore[assignment]
            _as_received(kwargs)
            return fn(*args, **kwargs)
        except SocialSecError:
            raise
        except ValidationError as e:
            raise input_error(e) from None
        except TypeError as e:  # wrong arguments to the function itself
            if e.__traceback__ is not None and e.__traceback__.tb_next is None:
                raise InputError("arguments", f"参数有误：{e}", str(e)) from None
            raise InternalError(f"{type(e).__name__}: {e}") from e
        except Exception as e:
            raise InternalError(f"{type(e).__name__}: {e}") from e

    return wrapper


def _as_received(kwargs: dict[str, Any]) -> None:
    """What a calling service sends, read the same way by every public function (in place).

    A ``datetime`` anywhere a day is expected counts as its date (``datetime.now()`` is what a
    service passes); ``as_of`` is read as a day (ISO text too) within the sanity years; the
    ``overrides`` are a mapping. Errors name the keyword.
    """
    for name, value in kwargs.items():
        if isinstance(value, datetime):
            kwargs[name] = value.date()
    as_of = kwargs.get("as_of")
    if as_of is not None and not (type(as_of) is date and EARLIEST_YEAR <= as_of.year <= LATEST_YEAR):
        kwargs["as_of"] = field_value(as_of, "as_of", to_day)
    overrides = kwargs.get("overrides")
    if overrides is not None and not isinstance(overrides, Mapping):
        raise InputError("overrides", "应为 {参数id: 值} 映射", "must be a mapping {param id: value}")


def check(condition: bool, field: str, why_zh: str, why_en: str) -> None:
    """Raise :class:`InputError` for ``field`` unless ``condition`` holds."""
    if not condition:
        raise InputError(field, why_zh, why_en)


def field_value(value: Any, field: str, convert: Callable[[Any], R]) -> R:
    """Run a converter that raises :class:`BadValue`, naming ``field`` on failure."""
    try:
        return convert(value)
    except BadValue as e:
        raise InputError(field, e.why_zh, e.why_en, reason=e.reason) from None


def whole_months(value: Any, field: str) -> int:
    """A whole, non-negative count of months, or :class:`InputError` naming ``field``."""
    check(
        isinstance(value, int) and not isinstance(value, bool) and value >= 0,
        field,
        "应为不小于0的整数（月数）",
        "must be a whole number of months, not negative",
    )
    return int(value)


def months_count(value: Any, field: str) -> int:
    """A whole, non-negative count of months within the sanity limit, or :class:`InputError` naming ``field``."""
    return field_value(whole_months(value, field), field, months_within)
