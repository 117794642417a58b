"""The exceptions of jm_socialsec: one hierarchy, stable codes, messages in Chinese and English.

Everything the public API raises is a :class:`SocialSecError`. Services match on ``.code``
(stable); people read ``str(err)`` (Chinese, then English). No message echoes personal data:
values that look like ID numbers are masked by :func:`mask_id`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import Any

_ID_LIKE = re.compile(r"(?<![0-9])[0-9]{12,}[0-9Xx]?(?![0-9])")


def mask_id(text: str) -> str:
    """Mask anything that looks like a resident ID or an account number (13+ digits).

    The first 6 and last 4 characters stay, so a clerk can still match a file.

    >>> mask_id("440703199001011234")
    '440703********1234'
    """
    return _ID_LIKE.sub(lambda m: m.group(0)[:6] + "*" * (len(m.group(0)) - 10) + m.group(0)[-4:], text)


class SocialSecError(Exception):
    """Root of every error jm_socialsec raises (社保计算错误)."""

    code: str = "error"

    def __init__(self, message_zh: str, message_en: str, **details: Any) -> None:
        self.message_zh = mask_id(message_zh)
        self.message_en = mask_id(message_en)
        self.details = details
        super().__init__(f"{self.message_zh} / {self.message_en}")

    def to_dict(self) -> dict[str, Any]:
        """JSON-friendly form for services: code, both messages, details as strings."""
        return {
            "code": self.code,
            "message_zh": self.message_zh,
            "message_en": self.message_en,
            "details": {k: mask_id(str(v)) for k, v in self.details.items() if v is not None},
        }


class InputError(SocialSecError, ValueError):
    """Bad input (输入有误): names the field and says why, in Chinese and English.

    ``errors`` lists every problem found at once (each with its ``field`` path and a stable
    ``reason`` code); ``field`` and the reason of the error itself are the first one's.
    """

    code = "input_invalid"

    def __init__(self, field: str, why_zh: str, why_en: str, *, reason: str = "invalid") -> None:
        self.field = field
        self.why_zh, self.why_en = why_zh, why_en
        #: Stable code of the problem (``missing``, ``unknown_field``, ``not_a_date``, … see docs/service.md).
        self.reason = reason
        self.errors: tuple[InputError, ...] = (self,)
        super().__init__(f"输入项 {field} 有误：{why_zh}", f"invalid {field}: {why_en}", field=field)

    @classmethod
    def combine(cls, errors: Sequence[InputError]) -> InputError:
        """One error carrying every problem: the first names the field, the messages list them all."""
        if len(errors) == 1:
            return errors[0]
        first = errors[0]
        combined = InputError(first.field, first.why_zh, first.why_en, reason=first.reason)
        combined.errors = tuple(p for e in errors for p in e.errors)
        count = len(combined.errors)
        combined.message_zh = f"输入有 {count} 处错误：" + "；".join(e.message_zh for e in combined.errors)
        combined.message_en = f"{count} input errors: " + "; ".join(e.message_en for e in combined.errors)
        combined.args = (f"{combined.message_zh} / {combined.message_en}",)
        return combined

    def to_dict(self) -> dict[str, Any]:
        """As :meth:`SocialSecError.to_dict`, with ``field`` (the first) and every problem in ``errors``."""
        return {
            **super().to_dict(),
            "field": self.field,
            "errors": [
                {"code": e.reason, "field": e.field, "message_zh": e.message_zh, "message_en": e.message_en}
                for e in self.errors
            ],
        }


class BadValue(InputError):
    """A value that failed a check where the field name is not known yet (the caller adds it)."""

    def __init__(self, why_zh: str, why_en: str, field: str = "value", *, reason: str = "invalid") -> None:
        super().__init__(field, why_zh, why_en, reason=reason)


class NotCovered(SocialSecError):
    """The date (or key) is outside what the tables cover (超出数据表覆盖范围).

    The library refuses rather than guesses: no silent zero, no extrapolation.
    """

    code = "not_covered"

    def __init__(
        self,
        param: str,
        on: date | str,
        covered_from: date | None,
        covered_until: date | None,
        why_zh: str = "",
        why_en: str = "",
    ) -> None:
        self.param = param
        self.on = on
        self.covered_from = covered_from
        self.covered_until = covered_until
        self.why_zh, self.why_en = why_zh, why_en
        rng = f"{covered_from or '…'} – {covered_until or '…'}"
        super().__init__(
            f"参数 {param} 在 {on} 没有数据（覆盖范围 {rng}）{('：' + why_zh) if why_zh else ''}",
            f"parameter {param} has no value for {on} (covered {rng}){(': ' + why_en) if why_en else ''}",
            param=param,
            on=on,
            covered_from=covered_from,
            covered_until=covered_until,
        )


class TableError(SocialSecError):
    """A rate table file is malformed (数据表有误); raised at load time, naming file and parameter."""

    code = "table_invalid"

    def __init__(self, file: str, param: str | None, why: str) -> None:
        self.file = file
        self.param = param
        where = f"{file}" + (f" [{param}]" if param else "")
        super().__init__(f"数据表 {where} 有误：{why}", f"table {where} is invalid: {why}", file=file, param=param)


class InternalError(SocialSecError):
    """A bug in jm_socialsec itself (内部错误); the original exception is chained as ``__cause__``."""

    code = "internal"

    def __init__(self, what: str) -> None:
        super().__init__(f"内部错误：{what}", f"internal error: {what}")
