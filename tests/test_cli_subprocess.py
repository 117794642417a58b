"""The command line as a clerk runs it: a separate process, its real stdout encoding, exit codes.

Human and JSON modes, Chinese words, ID numbers valid and invalid, a GBK console, standard input
for the profile, and each error class (argparse's usage error, the library's input error, a
word the command line does not know, a date the tables do not cover): exit 2 and a bilingual
message naming the flag, never a traceback, never an ID number in clear.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

AS_OF = ["--as-of", "2026-11-21"]
# ID numbers with their GB 11643 check character worked by hand (weights 7 9 10 5 8 4 2 1 6 3 7 9
# 10 5 8 4 2; Σ mod 11 → "10X98765432"):
#   4 4 0 7 0 3 1 9 6 6 0 1 1 5 0 0 1 → Σ 222, 222 mod 11 = 2 → X; 17th digit 1 (odd): a man born 1966-01-15
MAN_1966 = "44070319660115001X"
#   4 4 0 7 0 3 1 9 7 0 0 5 2 0 0 0 2 → Σ 233, 233 mod 11 = 2 → X; 17th digit 2 (even): a woman born 1970-05-20
WOMAN_1970 = "44070319700520002X"
WRONG_CHECK = "440703196601150015"  # MAN_1966 with the check character typed as 5
HIDDEN = "196601150"  # the middle of MAN_1966: must never be printed


def run(*argv: str, encoding: str = "utf-8", stdin: str | None = None) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    return subprocess.run(
        [sys.executable, "-m", "jm_socialsec", *argv],
        input=None if stdin is None else stdin.encode("utf-8"),
        capture_output=True,
        env=env,
        timeout=120,
        check=False,
    )


def text(p: subprocess.CompletedProcess[bytes], encoding: str = "utf-8") -> tuple[str, str]:
    return p.stdout.decode(encoding), p.stderr.decode(encoding)


def test_human_mode_in_chinese_words() -> None:
    p = run("unemployment", "2026-10", "--months", "60", "--reason", "辞退", "--region", "台山", *AS_OF)
    out, err = text(p)
    assert p.returncode == 0, err
    assert "1,836.00" in out  # Jiangmen minimum wage 2040 × 90% (广东省失业保险条例第十九条)


def test_json_mode() -> None:
    p = run("retirement", "1966-01", "男职工", *AS_OF, "--json")
    assert p.returncode == 0
    data = json.loads(p.stdout)
    assert data["year_month"] == "2026-05"  # annex 1: born 1966-01 → 60 y 4 m → 2026-05


def test_id_number_in_place_of_birth_and_sex() -> None:
    p = run("retirement", "--id", MAN_1966, *AS_OF, "--json")
    assert p.returncode == 0, p.stderr.decode()
    assert json.loads(p.stdout)["year_month"] == "2026-05"  # born 1966-01, a man: as above
    assert HIDDEN.encode() not in p.stdout + p.stderr


def test_a_woman_needs_her_category_and_gets_her_own_age() -> None:
    p = run("retirement", "--id", WOMAN_1970, *AS_OF)
    _, err = text(p)
    assert p.returncode == 2 and "--category" in err and "女工人" in err
    # 女工人 (original 50): 50 reached 2020-05, before the reform (2025-01): no delay
    p = run("retirement", "--id", WOMAN_1970, "女工人", *AS_OF, "--json")
    assert json.loads(p.stdout)["year_month"] == "2020-05"
    # 女干部 (original 55, annex 2): born 1970-05 → 55 y 2 m → 2025-07
    p = run("pension", "--id", WOMAN_1970, "--category", "女干部", "--months", "300", "--index", "1",
            "--balance", "80000", *AS_OF, "--json")  # fmt: skip
    assert json.loads(p.stdout)["retirement_month"] == "2025-07"


@pytest.mark.parametrize(
    ("number", "why"),
    [
        (WRONG_CHECK, "校验码"),
        ("44070319661315001X", "出生日期"),  # month 13
        ("4407031966011500", "18"),  # too short
        ("44070319660115001A", "X"),  # not a digit or X
    ],
)
def test_invalid_id_numbers_are_refused_masked(number: str, why: str) -> None:
    p = run("retirement", "--id", number, *AS_OF)
    _, err = text(p)
    assert p.returncode == 2 and why in err and "--id" in err and "Traceback" not in err
    assert number[6:14] not in err  # the birth-date digits never shown


def test_an_id_typed_in_the_wrong_place_is_not_printed_back() -> None:
    for argv in (["retirement", "1966-01", "male", MAN_1966], ["pension", "--months", MAN_1966],
                 ["retirement", MAN_1966, "male"]):  # fmt: skip
        p = run(*argv)
        assert p.returncode == 2
        assert HIDDEN.encode() not in p.stdout + p.stderr, argv
        assert b"Traceback" not in p.stderr


@pytest.mark.parametrize(
    "argv",
    [
        ["retirement", "1966-01", "male", *AS_OF],  # "−" in a formula
        ["unemployment", "2026-10", "--months", "60", "--reason", "dismissed", *AS_OF],  # "⌊ ⌋"
        ["checklist", "--birth", "1966-08", "--category", "男", "--months", "300", "--apply-on", "2026-12-14", *AS_OF],
        ["demo"],
    ],
)
def test_a_gbk_console_gets_readable_text_not_a_crash(argv: list[str]) -> None:
    p = run(*argv, encoding="gbk")
    out, err = text(p, "gbk")
    assert p.returncode == 0, err
    assert "Traceback" not in err and out.strip()
    assert "−" not in out and "☐" not in out


def test_a_gbk_console_shows_checkboxes_as_ascii() -> None:
    argv = ["checklist", "--birth", "1966-08", "--category", "男", "--months", "300", "--apply-on", "2026-12-14"]
    out, _ = text(run(*argv, *AS_OF, encoding="gbk"), "gbk")
    assert "[ ]" in out and "企业职工基本养老金申领" in out


def test_a_gbk_console_gets_lossless_json() -> None:
    p = run("retirement", "1966-01", "male", *AS_OF, "--json", encoding="gbk")
    assert p.returncode == 0
    data = json.loads(p.stdout.decode("gbk"))
    assert any("−" in s["formula_zh"] or "−" in s["calc"] for s in data["steps"])  # escaped, then read back


def test_profile_from_standard_input() -> None:
    profile = '{"birth": "1966-01", "category": "男", "contribution_months": 300}'
    p = run("checklist", "--profile", "-", "--apply-on", "2026-04-01", *AS_OF, "--json", stdin=profile)
    assert p.returncode == 0, p.stderr.decode()
    assert json.loads(p.stdout)["retirement_month"] == "2026-05"  # annex 1, as above


@pytest.mark.parametrize(
    ("argv", "code", "field"),
    [
        (["pension", "--index", "1"], "usage", None),  # argparse: required flags missing
        (["injury", "7", "2025-03-10", "8000", "--left-on", "2026-10-31"], "input_invalid", "--leaves-job"),
        (["unemployment", "2026-10", "--months", "60", "--reason", "离职"], "input_invalid", "--reason"),
        (["retirement", "1966-01", "male", "--as-of", "yesterday"], "input_invalid", "--as-of"),
        (["checklist", "--profile", "/nonexistent.json"], "input_invalid", "--profile"),
        (["death", "pension", "2026-03-01", "--months", "240"], "not_covered", None),
    ],
)  # fmt: skip
def test_each_error_class_exit_2(argv: list[str], code: str, field: str | None) -> None:
    human = run(*argv)
    _, err = text(human)
    assert human.returncode == 2 and "Traceback" not in err
    assert "错误 / error" in err and f"[{code}]" in err
    as_json = run(*argv, "--json")
    assert as_json.returncode == 2
    error = json.loads(as_json.stdout)["error"]
    assert error["code"] == code and error["message_zh"] and error["message_en"]
    if field is not None:
        assert error["field"] == field


def test_help_shows_chinese_and_english() -> None:
    p = run("injury", "--help", encoding="gbk")
    out, _ = text(p, "gbk")
    assert p.returncode == 0 and "伤残等级" in out and "disability grade" in out and "--left-on" in out
