"""Who the estimate is for (人员信息): birth month and retirement category, typed or read from an ID.

``--id`` (居民身份证号码) stands in for ``--birth`` and the sex; the category is still needed for
a woman, whose original retirement age (50 or 55) depends on her post, not on her sex. The ID
number is read once, checked (GB 11643) and dropped: only the birth month and the category go on.
"""

from __future__ import annotations

import argparse
from datetime import date

from ..engine.errors import InputError
from ..engine.idcard import read_id
from ..retirement import Category
from .words import both, choice


def _month(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def _from_id(number: str, category: str | None) -> tuple[str, str]:
    facts = read_id(number, "--id")
    if category is None:
        if facts.sex == "female":
            raise InputError("--category", *both("id_category"))
        category = Category.MALE.value
    elif Category(category).sex != facts.sex:
        raise InputError("--category", *both("id_sex_mismatch"))
    return _month(facts.birth), category


def person(args: argparse.Namespace) -> tuple[str | None, str | None]:
    """(birth, category code) from ``--id`` or ``--birth``, with ``--category`` in Chinese or English.

    Either may be missing (the library then says what it needs).
    """
    number = getattr(args, "id", None)
    args.id = None  # not kept beyond this point
    birth: str | None = args.birth
    category = None if args.category is None else choice("category", args.category, "--category")
    if number is not None:
        if birth is not None:
            raise InputError("--id", *both("id_and_birth"))
        birth, category = _from_id(number, category)
    return birth, category


def known_person(args: argparse.Namespace) -> tuple[str, str]:
    """(birth, category code), both required."""
    birth, category = person(args)
    if birth is None:
        raise InputError("--birth", *both("birth_needed"))
    if category is None:
        raise InputError("--category", *both("category_needed"))
    return birth, category
