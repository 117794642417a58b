"""docs/planner.ipynb runs end to end in a real kernel (issue 11, "Done when").

Every cell must run without an error, and the figures its markdown promises (the worked example of
docs/planner.md, computed by hand there) must be in its outputs, with the projected badge in the
page and the chart drawn. Skipped, with the reason, only when no Jupyter kernel can start here.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

nbformat = pytest.importorskip("nbformat", reason='needs the test extra: pip install ".[test]"')
nbclient = pytest.importorskip("nbclient", reason='needs the test extra: pip install ".[test]"')
pytest.importorskip("ipykernel", reason='the kernel (ipykernel) is in the test extra: pip install ".[test]"')
pytest.importorskip("matplotlib", reason='the chart needs the plot extra: pip install ".[plot]"')

NOTEBOOK = Path(__file__).resolve().parents[1] / "docs" / "planner.ipynb"
KERNEL = "jm-socialsec-planner-test"


@pytest.fixture(scope="module")
def kernel_name(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """A kernel spec running this interpreter (as in tests/test_notebook.py), or a skip."""
    from jupyter_client.manager import start_new_kernel

    spec = tmp_path_factory.mktemp("jupyter") / "kernels" / KERNEL
    spec.mkdir(parents=True)
    argv = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    (spec / "kernel.json").write_text(json.dumps({"argv": argv, "display_name": KERNEL, "language": "python"}))
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("JUPYTER_PATH", str(spec.parents[1]))
        try:
            km, kc = start_new_kernel(kernel_name=KERNEL, startup_timeout=60)
        except Exception as e:  # any reason a kernel cannot start here
            pytest.skip(f"a Jupyter kernel cannot start here ({type(e).__name__}: {e})")
        kc.stop_channels()
        km.shutdown_kernel(now=True)
        yield KERNEL


def _outputs(nb: Any, mime: str) -> str:
    return "\n".join(
        str(o.get("data", {}).get(mime, "")) for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs
    )


@pytest.fixture(scope="module")
def executed(kernel_name: str, tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The notebook run in a scratch folder (its chart is written there, not into docs/)."""
    nb = nbformat.read(NOTEBOOK, as_version=4)
    where = {"metadata": {"path": str(tmp_path_factory.mktemp("planner_nb"))}}
    nbclient.NotebookClient(nb, kernel_name=kernel_name, timeout=300, allow_errors=True, resources=where).execute()
    return nb


def test_stored_valid_and_without_outputs() -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    source = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    assert "plan_retirement(" in source and "to_png(" in source and "project=False" in source
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code")


def test_every_cell_runs(executed: Any) -> None:
    errors = [o.get("evalue") for c in executed.cells if c.cell_type == "code" for o in c.outputs
              if o.output_type == "error"]  # fmt: skip
    assert errors == []


def test_the_figures_the_markdown_promises(executed: Any) -> None:
    text = _outputs(executed, "text/plain") + _outputs(executed, "text/html")
    stream = "\n".join(o.get("text", "") for c in executed.cells if c.cell_type == "code" for o in c.outputs)
    expected = [
        "YearMonth(2029, 6)",  # the statutory month (IPython may wrap the tuple: its parts one by one)
        "Decimal('134670.70')",
        "Decimal('10693')",
        "Decimal('4514.81')",
        "(Decimal('22.43'), 202), ('2028-07', Decimal('-332.68'), 139)",
        "Decimal('9493')",  # no growth: the 2025 base
        "['2%']",
    ]
    assert [f for f in expected if f not in text] == []
    assert "jm-badge jm-projected" in text and "<table>" in text
    assert "Retirement plan" in stream and "project=True" in stream
    assert "image/png" in {
        k for c in executed.cells if c.cell_type == "code" for o in c.outputs for k in o.get("data", {})
    }
