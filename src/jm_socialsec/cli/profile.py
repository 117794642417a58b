"""The checklist's applicant by flags (申请人信息): one flag per :class:`RetireeProfile` field.

The flags are made from the model, so a new field gets its flag (its help is in ``words.toml``,
``profile.<field>``; a test checks). ``--profile FILE`` (or ``-`` for standard input) gives the
same fields as JSON; a flag typed on the command line wins over the file. Choices accept the
Chinese words of ``words.toml`` in both. Unknown keys in the file are named.
"""

from __future__ import annotations

import argparse
import json
import sys
import types
import typing
from typing import Any

from ..checklist import RetireeProfile
from ..engine.errors import InputError
from .words import both, choice, help_for, kinds

#: Fields with a flag of another name (the other commands' names for the same thing).
FLAG_OF = {"contribution_months": "--months"}
#: Fields taken by the person options (--id, --birth, --category), not made here.
PERSON_FIELDS = ("birth", "category")


def flag_of(field: str) -> str:
    return FLAG_OF.get(field, "--" + field.replace("_", "-"))


def _is_bool(annotation: Any) -> bool:
    return annotation is bool or (
        isinstance(annotation, types.UnionType) and set(typing.get_args(annotation)) == {bool, type(None)}
    )


def _is_tuple(annotation: Any) -> bool:
    return typing.get_origin(annotation) is tuple


def add_profile_flags(parser: argparse.ArgumentParser) -> None:
    """One flag per profile field (``--x/--no-x`` for yes/no, repeatable for lists)."""
    for field, info in RetireeProfile.model_fields.items():
        if field in PERSON_FIELDS:
            continue
        flag, key = flag_of(field), f"profile.{field}"
        name = flag if field in FLAG_OF else key
        help_ = help_for("checklist", name)
        if _is_bool(info.annotation):
            parser.add_argument(flag, dest=field, action=argparse.BooleanOptionalAction, default=None, help=help_)
        elif _is_tuple(info.annotation):
            parser.add_argument(flag, dest=field, action="append", default=None, metavar="WORD", help=help_)
        else:
            parser.add_argument(flag, dest=field, default=None, help=help_)


def _read(source: str) -> Any:
    try:
        if source == "-":
            return json.load(sys.stdin)
        with open(source, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError) as e:
        raise InputError("--profile", *both("profile_read", why=e)) from None


def from_file(source: str) -> dict[str, Any]:
    """The profile fields of a JSON file (``-``: standard input); unknown keys named."""
    data = _read(source)
    if not isinstance(data, dict):
        raise InputError("--profile", *both("profile_object"))
    unknown = sorted(set(data) - set(RetireeProfile.model_fields))
    if unknown:
        known = ", ".join(RetireeProfile.model_fields)
        raise InputError("--profile", *both("profile_unknown", keys=", ".join(unknown), known=known))
    return {str(k): v for k, v in data.items()}


def _in_words(field: str, value: Any, where: str) -> Any:
    """A choice typed in Chinese (or a list of them) as the library's code; other values as given."""
    if field not in kinds() or value is None:
        return value
    if isinstance(value, list | tuple):
        return [choice(field, str(v), where) for v in value]
    return choice(field, str(value), where) if isinstance(value, str) else value


def profile_data(args: argparse.Namespace, birth: str | None, category: str | None) -> dict[str, Any]:
    """The profile's fields: the file's (if any), then the flags typed, then birth and category."""
    data = from_file(args.profile) if args.profile else {}
    data = {k: _in_words(k, v, "--profile") for k, v in data.items()}
    args._from_file = set(data)  # an error in one of these names "--profile: <key>"
    for field in RetireeProfile.model_fields:
        typed = getattr(args, field, None) if field not in PERSON_FIELDS else None
        if typed is not None:
            data[field] = _in_words(field, typed, flag_of(field))
            args._from_file.discard(field)
    for field, value in (("birth", birth), ("category", category)):
        if value is not None:
            data[field] = value
            args._from_file.discard(field)
    return data
