"""The command line's words (命令行用语), read once from ``words.toml`` beside this module.

:func:`choice` turns what a clerk typed (a code, a Chinese word, an abbreviation) into the
library's code, or refuses with a bilingual :class:`InputError` naming the flag and listing the
accepted words. :func:`help_for` gives a flag's help; :func:`say` a sentence in one language.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib.resources import files
from typing import Any

from ..engine.errors import InputError

_WIDTH = str.maketrans({"（": "(", "）": ")", "，": ",", "　": " "})


@cache
def words() -> dict[str, Any]:
    """The parsed ``words.toml`` (cached: read once per process)."""
    return tomllib.loads(files(__package__).joinpath("words.toml").read_text("utf-8"))


def normalise(word: str) -> str:
    """One form per word: case, spaces and full/half-width brackets do not matter."""
    return "".join(word.translate(_WIDTH).split()).lower()


@cache
def _table(kind: str) -> dict[str, str]:
    """Every accepted word of a kind (normalised) → its code; the codes accept themselves."""
    table: dict[str, str] = {}
    for code, aliases in words()["aliases"][kind].items():
        for word in (code, *aliases):
            table[normalise(word)] = code
    return table


def kinds() -> tuple[str, ...]:
    """The kinds of choice the command line knows (category, reason, dependent, …)."""
    return tuple(words()["aliases"])


def accepted(kind: str) -> dict[str, list[str]]:
    """Code → the words accepted for it (the code itself not repeated)."""
    return {code: list(aliases) for code, aliases in words()["aliases"][kind].items()}


def choice(kind: str, value: str, flag: str) -> str:
    """The library's code for what the clerk typed, or an InputError naming ``flag``."""
    code = _table(kind).get(normalise(value))
    if code is not None:
        return code
    kind_zh, kind_en = words()["kinds"][kind]
    listing = "；".join(f"{code}（{'、'.join(aliases[:4])}）" for code, aliases in accepted(kind).items())
    codes = ", ".join(accepted(kind))
    zh, en = words()["text"]["unknown_choice"]
    raise InputError(
        flag,
        zh.format(kind=kind_zh, value=value, words=listing),
        en.format(kind=kind_en, value=value, codes=codes),
    )


def say(key: str, lang: str = "zh", **values: Any) -> str:
    """A sentence of ``[text]`` in one language, its placeholders filled."""
    zh, en = words()["text"][key]
    return str(zh if lang == "zh" else en).format(**values)


def both(key: str, **values: Any) -> tuple[str, str]:
    """A sentence of ``[text]`` in both languages (for an error)."""
    return say(key, "zh", **values), say(key, "en", **values)


def help_for(command: str, name: str) -> str:
    """The help of ``name`` (a flag or a positional) in ``command`` (dotted for sub-subcommands).

    The most specific entry wins: ``death.injury.wage``, then ``death.wage``, then ``wage``.
    """
    table: dict[str, str] = words()["help"]
    parts = command.split(".") if command else []
    for n in range(len(parts), -1, -1):
        key = ".".join([*parts[:n], name])
        if key in table:
            return table[key]
    raise KeyError(f"no help for {name!r} in {command!r} (add it to cli/words.toml)")
