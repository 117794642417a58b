"""The public-API boundary: only documented errors leave it.

:func:`public` wraps every exported function: pydantic's ``ValidationError`` becomes an
:class:`InputError` naming the field in Chinese and English; any other unexpected exception
becomes :class:`InternalError` (chained, so a maintainer still sees the cause).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar

from pydantic import ValidationError

from .errors import BadValue, InputError, InternalError, SocialSecError

P = ParamSpec("P")
R = TypeVar("R")

_ZH_BY_TYPE = {
    "missing": ("缺少必填项", "is required"),
    "extra_forbidden": ("不是可用的输入项", "is not a known input"),
    "int_parsing": ("应为整数", "must be a whole number"),
    "int_type": ("应为整数", "must be a whole number"),
    "int_from_float": ("应为整数", "must be a whole number"),
    "date_parsing": ("应为日期（YYYY-MM-DD）", "must be a date (YYYY-MM-DD)"),
    "date_from_datetime_parsing": ("应为日期（YYYY-MM-DD）", "must be a date (YYYY-MM-DD)"),
    "date_type": ("应为日期（YYYY-MM-DD）", "must be a date (YYYY-MM-DD)"),
    "bool_parsing": ("应为是/否", "must be true or false"),
    "bool_type": ("应为是/否", "must be true or false"),
    "enum": ("不是允许的取值", "is not one of the allowed values"),
    "literal_error": ("不是允许的取值", "is not one of the allowed values"),
    "greater_than_equal": ("低于允许的最小值", "is below the minimum allowed"),
    "greater_than": ("低于允许的最小值", "is below the minimum allowed"),
    "less_than_equal": ("超过允许的最大值", "is above the maximum allowed"),
    "less_than": ("超过允许的最大值", "is above the maximum allowed"),
    "string_type": ("应为文字", "must be text"),
    "list_type": ("应为列表", "must be a list"),
    "tuple_type": ("应为（年, 月）", "must be a pair"),
}


def input_error(err: ValidationError) -> InputError:
    """The first problem of a pydantic ``ValidationError`` as a bilingual :class:`InputError`."""
    first = err.errors()[0]
    field = ".".join(str(x) for x in first["loc"]) or "input"
    cause = first.get("ctx", {}).get("error")
    if isinstance(cause, InputError):
        return InputError(cause.field if cause.field != "value" else field, cause.why_zh, cause.why_en)
    zh, en = _ZH_BY_TYPE.get(first["type"], ("输入无效", str(first["msg"])))
    if first["type"] in {"greater_than_equal", "less_than_equal", "greater_than", "less_than"}:
        limit = next(iter(first.get("ctx", {}).values()), "")
        zh, en = f"{zh}（{limit}）", f"{en} ({limit})"
    return InputError(field, zh, en)


def public(fn: Callable[P, R]) -> Callable[P, R]:
    """Decorator for exported functions: nothing but :class:`SocialSecError` escapes."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
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


def check(condition: bool, field: str, why_zh: str, why_en: str) -> None:
    """Raise :class:`InputError` for ``field`` unless ``condition`` holds."""
    if not condition:
        raise InputError(field, why_zh, why_en)


def field_value(value: Any, field: str, convert: Callable[[Any], R]) -> R:
    """Run a converter that raises :class:`BadValue`, naming ``field`` on failure."""
    try:
        return convert(value)
    except BadValue as e:
        raise InputError(field, e.why_zh, e.why_en) from None
