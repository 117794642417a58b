"""Writing to the console (控制台输出): never a crash on its encoding, never an ID number shown.

A Windows console or a terminal set to GBK cannot show "−" or "☐"; printing them raised
``UnicodeEncodeError`` and the clerk saw nothing. :func:`emit` writes each character the
stream's encoding cannot show as readable ASCII ("-" for "−", "[ ]" for "☐"), JSON is written
with ``\\uXXXX`` escapes instead (lossless), and errors — ours and argparse's — go through
:func:`~jm_socialsec.engine.errors.mask_id` so an ID number typed in the wrong place is never
printed back.
"""

from __future__ import annotations

import argparse
import codecs
import json
import re
import sys
import unicodedata
from typing import Any, NoReturn, TextIO

from ..engine.errors import mask_id

#: Readable ASCII for the symbols the explanations use, where a console cannot show them.
ASCII_FOR = {
    "−": "-",
    "–": "-",
    "—": "-",
    "☐": "[ ]",
    "☑": "[x]",
    "☒": "[x]",
    "✓": "v",
    "✔": "v",
    "✗": "x",
    "✘": "x",
    "•": "*",
    "·": "*",
    "…": "...",
    "×": "x",
    "÷": "/",
    "≤": "<=",
    "≥": ">=",
    "≠": "!=",
    "≈": "~",
    "→": "->",
    "⌊": "floor(",
    "⌋": ")",
    "⌈": "ceil(",
    "⌉": ")",
    "¥": "CNY ",
    "€": "EUR ",
    "“": '"',
    "”": '"',
    "‘": "'",
    "’": "'",
}
_HANDLER = "jm_socialsec.ascii"


def _ascii_for(char: str) -> str:
    if char in ASCII_FOR:
        return ASCII_FOR[char]
    plain = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode("ascii")
    return plain or "?"


def _replace(err: UnicodeError) -> tuple[str, int]:
    if not isinstance(err, UnicodeEncodeError):
        raise err
    return "".join(_ascii_for(c) for c in err.object[err.start : err.end]), err.end


codecs.register_error(_HANDLER, _replace)


def _encoding(stream: TextIO) -> str:
    return getattr(stream, "encoding", None) or "utf-8"


def console_safe(text: str, encoding: str) -> str:
    """``text`` with every character ``encoding`` cannot show replaced by readable ASCII."""
    try:
        text.encode(encoding)
        return text
    except UnicodeEncodeError:
        return text.encode(encoding, errors=_HANDLER).decode(encoding)
    except LookupError:  # an encoding Python does not know: plain ASCII is safe everywhere
        return text.encode("ascii", errors=_HANDLER).decode("ascii")


def emit(text: str, stream: TextIO | None = None) -> None:
    """Print ``text`` (and a newline) so that the console can show it."""
    out = stream if stream is not None else sys.stdout
    out.write(console_safe(text, _encoding(out)) + "\n")


def emit_json(data: Any, stream: TextIO | None = None) -> None:
    """Print ``data`` as JSON: characters as they are where the console can show them, else escaped."""
    out = stream if stream is not None else sys.stdout
    text = json.dumps(data, ensure_ascii=False, indent=2)
    try:
        text.encode(_encoding(out))
    except (UnicodeEncodeError, LookupError):
        text = json.dumps(data, ensure_ascii=True, indent=2)
    out.write(text + "\n")


# ---------------------------------------------------------------------------------------------
# argparse's own errors: bilingual, masked, JSON when asked.

_ARGPARSE_ZH = (
    (re.compile(r"the following arguments are required: (.+)"), "缺少必填项：{0}"),
    (re.compile(r"unrecognized arguments: (.+)"), "无法识别的参数：{0}"),
    (re.compile(r"argument (\S+): invalid int value: (.+)"), "{0} 应为整数，而不是 {1}"),
    (re.compile(r"argument (\S+): invalid choice: (.+?) \(choose from (.+)\)"), "{0} 不能取 {1}，可选：{2}"),
    (re.compile(r"argument (\S+): expected (.+) arguments?"), "{0} 需要 {1} 个值"),
    (re.compile(r"argument (\S+): expected one argument"), "{0} 需要一个值"),
    (re.compile(r"invalid choice: (.+?) \(choose from (.+)\)"), "没有子命令 {0}，可选：{1}"),
)
_FLAG_IN = re.compile(r"argument ([^:\s]+)")


class UsageError(Exception):
    """argparse refused the command line (exit 2); the message is already masked."""

    def __init__(self, message_zh: str, message_en: str, field: str | None) -> None:
        super().__init__(message_en)
        self.message_zh, self.message_en, self.field = message_zh, message_en, field

    def to_dict(self) -> dict[str, Any]:
        return {"code": "usage", "field": self.field, "message_zh": self.message_zh, "message_en": self.message_en}


def usage_error(message: str) -> UsageError:
    """argparse's English message as a bilingual, masked :class:`UsageError`."""
    en = mask_id(message)
    zh = next((zh.format(*m.groups()) for rx, zh in _ARGPARSE_ZH if (m := rx.search(en))), "命令行有误")
    flag = _FLAG_IN.search(en)
    return UsageError(zh, en, flag.group(1).split("/")[0] if flag else None)


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are raised (masked, bilingual), never printed raw."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        add_help = kwargs.get("add_help", True)
        kwargs["add_help"] = False  # our own -h, with a bilingual help line
        super().__init__(*args, **kwargs)
        if add_help:
            self.add_argument("-h", "--help", action="help", help="显示本帮助并退出 / show this help and exit")

    def error(self, message: str) -> NoReturn:
        raise usage_error(message)

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        if message:
            emit(mask_id(message).rstrip("\n"), sys.stderr)
        raise SystemExit(status)

    def _print_message(self, message: str, file: Any = None) -> None:
        if message:
            emit(message.rstrip("\n"), file if file is not None else sys.stdout)
