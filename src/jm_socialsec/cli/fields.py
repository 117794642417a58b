"""Errors in the clerk's terms (报错用选项名): the library's field names mapped to the flags typed.

The library names its keywords (``left_on``, ``avg_wage_12m``); the clerk typed ``--left-on``
or the third value after ``injury``. :func:`in_flags` rewrites an :class:`InputError` so that its
field, and any keyword its sentences mention, is the flag of the command that was run (for a
checklist value read from ``--profile``, ``--profile: <key>``).
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Collection

from ..engine.errors import InputError

#: Library keyword → the option's ``dest`` where the command line calls it otherwise.
DEST_OF = {
    "contribution_months": "months",
    "average_index": "index",
    "account_balance": "balance",
    "unused_months": "unused",
    "avg_wage_12m": "wage",
    "pension_months_drawn": "drawn",
    "dependents": "dependent",
    "during_paid_leave": "after_paid_leave",
    "floating_factor": "factor",
    "overrides": "override",
    "estimate": "granted_on",  # recalc: the estimate granted on --granted-on
}
_KEYWORD = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b")  # snake_case words: library keywords


def _flags(parser: argparse.ArgumentParser) -> dict[str, str]:
    """dest → what the clerk types: the long option, or the positional's name."""
    out: dict[str, str] = {}
    for action in parser._actions:
        if action.dest not in out and action.dest != "help":
            out[action.dest] = action.option_strings[0] if action.option_strings else str(action.metavar or action.dest)
    return out


def flag_for(field: str, parser: argparse.ArgumentParser, from_file: Collection[str] = ()) -> str:
    """The flag for the library's ``field`` (``left_on`` → ``--left-on``); unknown names unchanged."""
    if field.startswith("-"):
        return field  # already a flag
    base = re.split(r"[.\[]", field, maxsplit=1)[0]
    if base in from_file:
        return f"--profile: {field}"
    flags = _flags(parser)
    found = flags.get(DEST_OF.get(base, base)) or flags.get(base)  # the checklist keeps the field as dest
    return field if found is None else found + field[len(base) :]


def in_flags(err: InputError, parser: argparse.ArgumentParser, from_file: Collection[str] = ()) -> InputError:
    """``err`` naming the flag typed, and with the keywords in its sentences written as flags."""

    if err.field.startswith("-"):
        return err  # the command line's own error: it names the flag already

    def flags_in(text: str) -> str:
        return _KEYWORD.sub(lambda m: _word_flag(m.group(0), parser, from_file), text)

    return InputError(flag_for(err.field, parser, from_file), flags_in(err.why_zh), flags_in(err.why_en))


def _word_flag(word: str, parser: argparse.ArgumentParser, from_file: Collection[str]) -> str:
    flag = flag_for(word, parser, from_file)
    return flag if flag.startswith("-") else word  # only keywords that are options; prose stays
