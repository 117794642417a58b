"""Fuzz the command line (issue 14, item 1): ``jm_socialsec.cli.main(argv)`` in-process, a few
runs as a subprocess.

Each argv is a command of the counter (retirement, pension, unemployment, injury, checklist,
death, contribution, recalc, plan, schema) with its positionals and flags filled with
valid-looking words or junk text (ID numbers, full-width digits, absurd numbers), tokens
dropped or added at random, ``--json``/``--brief``/``--lang en`` now and then. What must hold:
exit status 0 or 2 (never 3, an internal error), no traceback, no ID number printed back
unmasked; with ``--json`` the output is JSON, and a refusal of the input names its field.
"""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jm_socialsec.cli import main
from test_fuzz_space import ID_NUMBERS, ODD_TEXT, budget

WORDS: dict[str, st.SearchStrategy[str]] = {
    "MONTH": st.sampled_from(["1966-01", "2026-10", "1970-05", "２０２６-１０", "2030/1", "1899-12", "2201-01"]),
    "DAY": st.sampled_from(["2025-03-10", "2026-10-31", "2024-06-01", "2026-12-14", "2026-02-30"]),
    "CAT": st.sampled_from(["男", "male", "女工人", "女干部", "female_55"]),
    "N": st.sampled_from(["0", "60", "312", "1000", "-1", "1e3"]),
    "DEC": st.sampled_from(["0.85", "1", "3", "0", "86500", "1E+999999", "440703199001011234"]),
    "REGION": st.sampled_from(["台山", "jiangmen", "开平", "广州"]),
    "REASON": st.sampled_from(["辞退", "合同到期", "辞职", "协商解除"]),
    "GRADE": st.sampled_from(["1", "7", "10", "11", "0"]),
    "ID": st.sampled_from(ID_NUMBERS),
}
COMMANDS = (
    "retirement MONTH CAT",
    "retirement --id ID CAT",
    "pension --birth MONTH --category CAT --months N --index DEC --balance DEC --region REGION",
    "pension --id ID --months N --index DEC --balance DEC",
    "unemployment MONTH --months N --reason REASON --region REGION",
    "injury GRADE DAY DEC --leaves-job --left-on DAY",
    "checklist --birth MONTH --category CAT --months N --apply-on DAY",
    "death pension DAY --months N --balance DEC",
    "death injury DAY DEC --dependent 配偶",
    "contribution pension MONTH DEC --region REGION",
    "contribution unemployment MONTH DEC --city-average-wage DEC",
    "contribution injury DEC GRADE DAY --factor DEC",
    "recalc --birth MONTH --category CAT --months N --index DEC --balance DEC --granted-on DAY",
    "plan --birth MONTH --category CAT --months N --index DEC --balance DEC",
    "schema pension",
)
FLAGS = ("--json", "--brief", "--lang en", "--as-of DAY", "--override pension.calc_base=DEC", "--lang xx")
JUNK_TEXT = st.one_of(st.sampled_from(ODD_TEXT), st.text(max_size=8).filter(lambda t: "\x00" not in t))


@st.composite
def argvs(draw: st.DrawFn) -> list[str]:
    """A command line: a command's tokens, placeholders filled (1 in 6 with junk), tokens spoiled."""
    tokens = draw(st.sampled_from(COMMANDS)).split()
    for flag in draw(st.lists(st.sampled_from(FLAGS), max_size=3, unique=True)):
        tokens += flag.split()
    argv = [draw(st.one_of(*[WORDS[t]] * 5, JUNK_TEXT)) if t in WORDS else t for t in tokens]
    if draw(st.integers(0, 5)) == 0 and len(argv) > 1:
        del argv[draw(st.integers(1, len(argv) - 1))]
    if draw(st.integers(0, 5)) == 0:
        argv.insert(draw(st.integers(0, len(argv))), draw(st.one_of(JUNK_TEXT, WORDS["ID"])))
    return argv


def run_in_process(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


def assert_clean(argv: list[str], code: int, out: str, err: str) -> None:
    """Exit 0 or 2, no traceback, no ID unmasked, JSON when asked, a field named for bad input."""
    assert code in (0, 2), f"exit {code}: {argv}\n{err or out}"
    assert "Traceback" not in out + err
    for number in ID_NUMBERS:
        assert number not in out + err, f"{number} printed back: {argv}"
    if "--json" in argv and code == 2 and out.strip():
        error = json.loads(out)["error"]
        if error["code"] == "input_invalid":
            assert error["field"], error
    elif "--json" in argv and code == 0 and "--help" not in argv and argv[0] != "schema":
        json.loads(out)


@budget(40, 500)
@given(argvs())
def test_the_command_line_never_shows_a_traceback_or_an_internal_error(argv: list[str]) -> None:
    assert_clean(argv, *run_in_process(argv))


SUBPROCESS_RUNS = (
    ["retirement", "(None, 1)", "男"],
    ["pension", "--birth", "1966-01", "--category", "男", "--months", "312", "--index", "1E+999999", "--balance", "1"],
    ["retirement", "440703199001011234", "男", "--json"],
)


@pytest.mark.parametrize("argv", SUBPROCESS_RUNS, ids=range(len(SUBPROCESS_RUNS)))
def test_as_a_subprocess_a_bad_command_line_exits_2_with_no_traceback(argv: list[str]) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "jm_socialsec", *argv], capture_output=True, text=True, encoding="utf-8", timeout=60
    )
    assert_clean(argv, proc.returncode, proc.stdout, proc.stderr)
    assert proc.returncode == 2


def _refused(argv: list[str]) -> dict[str, Any]:
    code, out, _ = run_in_process([*argv, "--json"])
    assert code == 2
    return json.loads(out)["error"]  # type: ignore[no-any-return]


def test_an_absurd_year_or_amount_on_the_command_line_names_the_flag() -> None:
    assert _refused(["retirement", "2201-01", "男"])["field"] in {"birth", "BIRTH"}
    error = _refused(["contribution", "pension", "2026-10", "440703199001011234"])
    assert error["field"] in {"wage", "WAGE"}
    assert "440703199001011234" not in json.dumps(error, ensure_ascii=False)
