"""The README's examples work as printed (issue 12: "each copy-pasteable and tested").

Every ```python block runs; every `jm-socialsec` command of a ```sh block runs (as a subprocess,
exit 0), except `serve`, whose request is sent to the app with FastAPI's test client instead.
The figures the README states are checked against their sources in the other tests (the
Zhongshan sheet: test_pension.py; 3119.84: the pension hand case).
"""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

README = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```(python|sh)\n(.*?)```", README, re.S)
PYTHON = [code for kind, code in BLOCKS if kind == "python"]
COMMANDS = [
    line.strip()
    for kind, code in BLOCKS
    if kind == "sh"
    for line in code.splitlines()
    if line.strip().startswith("jm-socialsec ") and " serve" not in line
]
CLI = [sys.executable, "-c", "import sys; from jm_socialsec.cli import main; sys.exit(main(sys.argv[1:]))"]


@pytest.mark.parametrize("code", PYTHON, ids=lambda c: c.splitlines()[1][:40])
def test_python_block_runs(code: str) -> None:
    namespace: dict[str, Any] = {}
    exec(compile(code, "README.md", "exec"), namespace)


@pytest.mark.parametrize("command", COMMANDS)
def test_cli_example_runs(command: str) -> None:
    argv = shlex.split(command)[1:]
    done = subprocess.run([*CLI, *argv], capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert done.returncode == 0, done.stderr


def _run_block(marker: str) -> dict[str, Any]:
    namespace: dict[str, Any] = {}
    exec(compile(next(c for c in PYTHON if marker in c), "README.md", "exec"), namespace)
    return namespace


def test_the_notebook_and_batch_blocks_state_true_figures() -> None:
    # the Zhongshan determination sheet (tests/data/pension_cases.toml): 1688.94
    assert _run_block("to_frame")["r"].total == Decimal("1688.94")
    batch = _run_block("estimate_pensions")
    total = batch["estimate_pensions"](batch["roster"], as_of=batch["date"](2026, 11, 21)).column("total")
    assert [Decimal(str(x)) for x in total.to_pylist()] == [Decimal("3119.84")]  # the pension example


def test_service_example_answers_as_documented() -> None:
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from jm_socialsec.service import app

    curl = next(line for line in README.splitlines() if line.startswith("curl "))
    path = re.search(r"localhost:8000(/\S+)", curl).group(1)  # type: ignore[union-attr]
    body = json.loads(re.search(r"-d '(.*)'", curl).group(1))  # type: ignore[union-attr]
    answer = TestClient(app).post(path, json=body)
    assert answer.status_code == 200
    assert answer.json()["total"] == "3119.84"  # the README's pension example, as_of 2026-11-21
