"""The exceptions of jm_socialsec: one hierarchy, stable codes, messages in Chinese and English.

Everything the public API raises is a :class:`SocialSecError`. Services match on ``.code``
(stable); people read ``str(err)`` (Chinese, then English). No error shows personal data: every
message, attribute and detail, and the messages of the exceptions it chains (``__cause__``,
``__context__``), pass through :func:`redact` — ID and account numbers masked by :func:`mask_id`
(however typed: full-width digits, spaces, dashes), and a refused value quoted back (“…”,
'…') masked like a name when it could be one (:func:`mask_name`).
"""

from __future__ import annotations

import contextlib
import re
import sys
from collections.abc import Sequence
from datetime import date
from typing import Any

#: How many characters of an ID or account number stay visible (first, last): a clerk can still
#: match a file, nobody can read the birth date and sequence (the usual 6 + 4 of counters).
_KEEP_FIRST, _KEEP_LAST = 6, 4
_MIN_DIGITS = 13  # an ID has 15 or 18 characters, a bank account 16-19; a date or amount fewer
# A run of digits (any script: ASCII, full-width …), single spaces or dashes allowed between
# them as people type IDs ("440703 19900101 1234"), and the check character X at the end.
_SEP = "[ \u00a0\u3000\\-\u2010\u2011\uff0d]"
_ID_LIKE = re.compile(rf"(?<!\d)\d+(?:{_SEP}\d+)*(?:{_SEP}?[xXｘＸ](?![A-Za-z]))?(?!\d)")
# An amount grouped in thousands with 13 or more digits (≥ 10¹² yuan) is no amount: an ID typed as one.
_GROUPED = re.compile(r"(?<![\d,])\d{1,3}(?:,\d{3}){4,}(?![\d,])")
# 13 digits with at most one separator (or thousands comma) between two: what either pattern needs.
_ENOUGH_DIGITS = re.compile(rf"\d(?:(?:{_SEP}|,)?\d){{{_MIN_DIGITS - 1}}}")
# Dates and months only ("2025-01-01 2026-12-31"): never masked, however many digits.
_DATES = re.compile(r"\d{4}-\d{2}(?:-\d{2})?(?:[ \u00a0]\d{4}-\d{2}(?:-\d{2})?)*")


def _mask_run(run: str) -> str:
    """Digits (and a final X) between the first 6 and the last 4 become ``*``; separators stay."""
    marks = [i for i, c in enumerate(run) if c.isdecimal() or c in "xXｘＸ"]
    if len(marks) < _MIN_DIGITS or _DATES.fullmatch(run):
        return run
    hidden = set(marks[_KEEP_FIRST : len(marks) - _KEEP_LAST])
    return "".join("*" if i in hidden else c for i, c in enumerate(run))


def mask_id(text: str) -> str:
    """Mask anything that looks like a resident ID or an account number (13+ digits).

    The first 6 and last 4 characters stay, so a clerk can still match a file. Full-width
    digits, spaces and dashes between digits, and a lower-case or full-width X are recognised.

    >>> mask_id("440703199001011234")
    '440703********1234'
    >>> mask_id("身份证 440703 19900101 123X")
    '身份证 440703 ******** 123X'
    """
    if not _ENOUGH_DIGITS.search(text):  # the common case, one scan: nothing to mask
        return text
    text = _GROUPED.sub(lambda m: _mask_run(m.group(0)), text)
    return _ID_LIKE.sub(lambda m: _mask_run(m.group(0)), text)


def mask_name(text: str) -> str:
    """A text that could be a person's name, masked as counters do: the first character stays.

    Chinese text (``张三`` → ``张*``) and capitalised words (``Zhang San`` → ``Z********``) are
    masked; codes, numbers and dates (what a mistyped input usually is) stay readable.

    >>> mask_name("欧阳娜娜"), mask_name("femal"), mask_name("2026-13")
    ('欧***', 'femal', '2026-13')
    """
    if _CJK.search(text) or _CAPITALISED_WORDS.fullmatch(text.strip()):
        return text[:1] + "*" * (len(text) - 1)
    return text


_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_CAPITALISED_WORDS = re.compile(r"[A-Z][a-z]+(?:[ .\-][A-Z][a-z]*)+")
# A value quoted back in a message: “…” in Chinese, '…' or "…" (Python's repr) in English.
_QUOTE_MARK = re.compile("[“'\"]")
_QUOTED = re.compile(r"“([^”\n]*)”|(?<![^\W_])'([^'\n]*)'(?![^\W_])|(?<![^\W_])\"([^\"\n]*)\"(?![^\W_])")


def redact(text: str) -> str:
    """A message as it may be shown: ID numbers masked, quoted values that could be names masked."""

    def quoted(m: re.Match[str]) -> str:
        whole, inner = m.group(0), next(g for g in m.groups() if g is not None)
        return whole[0] + mask_name(inner) + whole[-1]

    text = mask_id(text)
    return _QUOTED.sub(quoted, text) if _QUOTE_MARK.search(text) else text


def _safe(value: Any) -> Any:
    """A detail or attribute as it may be kept: text redacted; dates, numbers and None as they are."""
    if value is None or isinstance(value, bool | date):
        return value
    if isinstance(value, str):
        return redact(value)
    text = str(value)
    return value if redact(text) == text else redact(text)


def _tokens(*raw: Any) -> set[str]:
    """The parts of raw values (a field, a parameter, a key) that could be a name."""
    return {m.group(0) for value in raw if isinstance(value, str) for m in _NAMEISH.finditer(value)}


_NAMEISH = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+|[A-Z][a-z]+(?:[ .\-][A-Z][a-z]*)+")


def _hide(text: str, tokens: set[str]) -> str:
    """``text`` redacted, and every name-like part of the raw values it was built from masked."""
    if tokens:
        for token in sorted(tokens, key=len, reverse=True):
            text = text.replace(token, mask_name(token))
    return redact(text)


# The links of an exception chain as Python stores them (SocialSecError shows them redacted).
_CAUSE = BaseException.__dict__["__cause__"]
_CONTEXT = BaseException.__dict__["__context__"]


class Redacted(Exception):
    """Stands in a chain for an exception whose message held personal data.

    It keeps the original's type name (``original_type``), its redacted message and its
    traceback, so a maintainer still sees what failed and where.
    """

    def __init__(self, original: BaseException) -> None:
        self.original_type = f"{type(original).__module__}.{type(original).__qualname__}"
        super().__init__(f"{type(original).__qualname__}: {redact(_text(original))}")
        self.__traceback__ = original.__traceback__


def _text(exc: BaseException) -> str:
    try:
        return str(exc)
    except Exception:  # a broken __str__ must not hide the error being reported
        return "<unprintable>"


def _chain(exc: BaseException | None) -> list[BaseException]:
    """``exc`` and every exception it chains (cause and context), each once."""
    seen: list[BaseException] = []
    todo = [exc]
    while todo:
        e = todo.pop()
        if e is not None and not any(e is s for s in seen):
            seen.append(e)
            todo += [_CAUSE.__get__(e), _CONTEXT.__get__(e)]
    return seen


def _is_clean(exc: BaseException | None) -> bool:
    return all(redact(_text(e)) == _text(e) for e in _chain(exc))


def _redacted(exc: BaseException | None, made: dict[int, BaseException]) -> BaseException | None:
    """``exc`` itself if nothing in its chain holds personal data, else a redacted copy of the chain."""
    if exc is None or _is_clean(exc):
        return exc
    if id(exc) in made:
        return made[id(exc)]
    copy = made[id(exc)] = Redacted(exc)
    _CAUSE.__set__(copy, _redacted(_CAUSE.__get__(exc), made))
    _CONTEXT.__set__(copy, _redacted(_CONTEXT.__get__(exc), made))
    copy.__suppress_context__ = exc.__suppress_context__
    return copy


def _scrub_handled() -> None:
    """Redact, in place, the messages of the exception being handled (it becomes our context).

    Python's own traceback printer reads the chain below Python attributes; the arguments of a
    plain exception are what it prints, so they are redacted where they are.
    """
    for e in _chain(sys.exc_info()[1]):
        if not isinstance(e, SocialSecError) and any(isinstance(a, str) and redact(a) != a for a in e.args):
            # An exception type that forbids it is still read redacted through our __context__.
            with contextlib.suppress(AttributeError, TypeError):
                e.args = tuple(redact(a) if isinstance(a, str) else a for a in e.args)


class SocialSecError(Exception):
    """Root of every error jm_socialsec raises (社保计算错误).

    Messages, details and the chained exceptions (``__cause__``, ``__context__``) are redacted:
    no ID number or name that a caller sent is shown back.
    """

    code: str = "error"

    def __init__(self, message_zh: str, message_en: str, **details: Any) -> None:
        tokens = _tokens(*details.values())
        self.message_zh = _hide(message_zh, tokens)
        self.message_en = _hide(message_en, tokens)
        self.details = {k: _safe(_hide(v, tokens) if isinstance(v, str) else v) for k, v in details.items()}
        super().__init__(f"{self.message_zh} / {self.message_en}")
        _scrub_handled()

    @property
    def __cause__(self) -> BaseException | None:
        return _redacted(_CAUSE.__get__(self), {})

    @__cause__.setter
    def __cause__(self, value: BaseException | None) -> None:
        _CAUSE.__set__(self, value)

    @property
    def __context__(self) -> BaseException | None:
        return _redacted(_CONTEXT.__get__(self), {})

    @__context__.setter
    def __context__(self, value: BaseException | None) -> None:
        _CONTEXT.__set__(self, value)

    def to_dict(self) -> dict[str, Any]:
        """JSON-friendly form for services: code, both messages, details as strings."""
        return {
            "code": self.code,
            "message_zh": self.message_zh,
            "message_en": self.message_en,
            "details": {k: redact(str(v)) for k, v in self.details.items() if v is not None},
        }


def _safe_name(text: str) -> str:
    """A field path or parameter id as it may be shown: ID numbers and name-like parts masked."""
    return _hide(text, _tokens(text))


class InputError(SocialSecError, ValueError):
    """Bad input (输入有误): names the field and says why, in Chinese and English.

    ``errors`` lists every problem found at once (each with its ``field`` path and a stable
    ``reason`` code); ``field`` and the reason of the error itself are the first one's.
    """

    code = "input_invalid"

    def __init__(self, field: str, why_zh: str, why_en: str, *, reason: str = "invalid") -> None:
        tokens = _tokens(field)
        self.field = _hide(field, tokens)
        self.why_zh, self.why_en = _hide(why_zh, tokens), _hide(why_en, tokens)
        #: Stable code of the problem (``missing``, ``unknown_field``, ``not_a_date``, … see docs/service.md).
        self.reason = reason
        self.errors: tuple[InputError, ...] = (self,)
        super().__init__(
            f"输入项 {self.field} 有误：{self.why_zh}", f"invalid {self.field}: {self.why_en}", field=self.field
        )

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
        tokens = _tokens(param, on)
        self.param = _safe_name(param)
        self.on = _safe_name(on) if isinstance(on, str) else on
        self.covered_from = covered_from
        self.covered_until = covered_until
        self.why_zh, self.why_en = _hide(why_zh, tokens), _hide(why_en, tokens)
        rng = f"{covered_from or '…'} – {covered_until or '…'}"
        zh = f"：{self.why_zh}" if why_zh else ""
        en = f": {self.why_en}" if why_en else ""
        super().__init__(
            f"参数 {self.param} 在 {self.on} 没有数据（覆盖范围 {rng}）{zh}",
            f"parameter {self.param} has no value for {self.on} (covered {rng}){en}",
            param=self.param,
            on=self.on,
            covered_from=covered_from,
            covered_until=covered_until,
        )


class TableError(SocialSecError):
    """A rate table file is malformed (数据表有误); raised at load time, naming file and parameter."""

    code = "table_invalid"

    def __init__(self, file: str, param: str | None, why: str) -> None:
        self.file = _safe_name(file)
        self.param = None if param is None else _safe_name(param)
        where = f"{self.file}" + (f" [{self.param}]" if self.param else "")
        super().__init__(
            f"数据表 {where} 有误：{why}", f"table {where} is invalid: {why}", file=self.file, param=self.param
        )


class InternalError(SocialSecError):
    """A bug in jm_socialsec itself (内部错误); the original exception is chained as ``__cause__``."""

    code = "internal"

    def __init__(self, what: str) -> None:
        super().__init__(f"内部错误：{what}", f"internal error: {what}")
