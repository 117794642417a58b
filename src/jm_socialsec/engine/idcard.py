"""The resident ID number (居民身份证号码, GB 11643-1999): birth date and sex, checksum verified.

An 18-character number: 6 digits of the issuing area, 8 of the birth date (YYYYMMDD), 3 of the
sequence (odd for a man, even for a woman) and a check character (0-9 or X) computed per
ISO 7064 MOD 11-2 as GB 11643 orders. :func:`read_id` returns only what the rules need (the
birth date and the sex); the number itself is never kept, and every message shows it masked
(first 6 and last 4 characters, as :func:`~jm_socialsec.engine.errors.mask_id`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .errors import InputError

ID_LENGTH = 18  # GB 11643-1999 第4条: 十八位 (structural)
# ISO 7064 MOD 11-2 as tabulated in GB 11643-1999 第7.2条: weights of positions 1-17, check chars.
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"


@dataclass(frozen=True)
class IdFacts:
    """What an ID number says about its holder: birth date and sex (``"male"`` / ``"female"``)."""

    birth: date
    sex: str


def check_char(first17: str) -> str:
    """The GB 11643 check character of the first 17 digits (0-9 or X)."""
    total = sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True))
    return _CHECK_CHARS[total % 11]


def masked(number: str) -> str:
    """The number as a clerk may see it: first 6 and last 4 characters (none if it is short)."""
    if len(number) < 13:  # too short to be matched to a file: show no character at all
        return "*" * len(number)
    return number[:6] + "*" * (len(number) - 10) + number[-4:]  # as mask_id, whatever the characters


def _refuse(field: str, number: str, why_zh: str, why_en: str) -> InputError:
    shown = masked(number)
    return InputError(field, f"身份证号码 {shown} {why_zh}", f"ID number {shown}: {why_en}")


def read_id(text: str, field: str = "id") -> IdFacts:
    """Birth date and sex from an 18-character 居民身份证号码, after checking its form and checksum.

    Spaces are ignored and a lower-case ``x`` is read as ``X``. A wrong length, a non-digit, an
    impossible birth date or a wrong check character is an :class:`InputError` naming ``field``;
    the number appears in it masked.
    """
    number = "".join(str(text).split()).upper()
    if len(number) != ID_LENGTH:
        raise _refuse(
            field, number, f"应为 18 位，实为 {len(number)} 位", f"must have 18 characters, not {len(number)}"
        )
    if not number[:17].isdecimal() or not (number[17].isdecimal() or number[17] == "X"):
        raise _refuse(field, number, "前 17 位应为数字，末位为数字或 X", "must be 17 digits and a digit or X")
    try:
        birth = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        raise _refuse(
            field, number, "第 7-14 位不是有效的出生日期", "positions 7-14 are not a valid birth date"
        ) from None
    if number[17] != check_char(number[:17]):
        raise _refuse(
            field,
            number,
            "校验码不符（GB 11643），请核对是否录错",
            "the check character does not match (GB 11643); please check for a typing error",
        )
    return IdFacts(birth, "male" if int(number[16]) % 2 else "female")
