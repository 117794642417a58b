"""The resident ID number (GB 11643-1999): checksum, birth date, sex, and never shown in clear."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jm_socialsec.engine.errors import InputError
from jm_socialsec.engine.idcard import check_char, masked, read_id


def test_the_standards_own_examples() -> None:
    # GB 11643-1999 appendix examples. 11010519491231002X: Σ(digit × weight) = 167, 167 mod 11 = 2
    # → "X"; 17th digit 2 (even) → a woman born 1949-12-31.
    assert check_char("11010519491231002") == "X"
    facts = read_id("11010519491231002X")
    assert (facts.birth, facts.sex) == (date(1949, 12, 31), "female")
    # 440524188001010014: Σ = 195, 195 mod 11 = 8 → "4"; 17th digit 1 (odd) → a man born 1880-01-01.
    facts = read_id("440524188001010014")
    assert (facts.birth, facts.sex) == (date(1880, 1, 1), "male")


def test_lower_case_x_and_spaces_are_read() -> None:
    assert read_id("110105 19491231 002x").birth == date(1949, 12, 31)


def test_a_wrong_check_character_is_refused_masked() -> None:
    with pytest.raises(InputError) as err:
        read_id("110105194912310021", "--id")
    e = err.value
    assert e.field == "--id" and "校验码" in e.message_zh and "check character" in e.message_en
    assert "19491231" not in e.message_zh + e.message_en
    assert "110105********0021" in e.message_zh


def test_the_facts_keep_no_number() -> None:
    shown = repr(read_id("11010519491231002X"))
    assert "110105" not in shown and "002X" not in shown


def test_short_input_shows_no_character() -> None:
    assert masked("44070319") == "********"


_PLACE = st.from_regex(r"[1-8][0-9]{5}", fullmatch=True)
_SEQ = st.from_regex(r"[0-9]{3}", fullmatch=True)
_BIRTH = st.dates(min_value=date(1900, 1, 1), max_value=date(2025, 12, 31))


def _number(place: str, birth: date, seq: str) -> str:
    first17 = f"{place}{birth:%Y%m%d}{seq}"
    return first17 + check_char(first17)


@given(_PLACE, _BIRTH, _SEQ)
def test_any_well_formed_number_gives_back_its_birth_and_sex(place: str, birth: date, seq: str) -> None:
    facts = read_id(_number(place, birth, seq))
    assert facts.birth == birth
    assert facts.sex == ("male" if int(seq[2]) % 2 else "female")


@given(_PLACE, _BIRTH, _SEQ, st.integers(0, 16), st.integers(1, 9))
def test_any_single_digit_typo_is_caught(place: str, birth: date, seq: str, pos: int, shift: int) -> None:
    # ISO 7064 MOD 11-2 detects every single substitution: each weight is non-zero mod 11.
    good = _number(place, birth, seq)
    typo = good[:pos] + str((int(good[pos]) + shift) % 10) + good[pos + 1 :]
    with pytest.raises(InputError) as err:
        read_id(typo, "--id")
    assert typo[6:14] not in err.value.message_zh + err.value.message_en
