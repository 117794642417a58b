"""docs/example.ipynb runs end to end in a real kernel (issue 12, item 5).

Every cell must run without an error, and the figures its markdown promises (the docs' worked
examples, each with its source there) must be in its outputs, with the badges in the pages.
Skipped, with the reason, only when no Jupyter kernel can start here.
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

NOTEBOOK = Path(__file__).resolve().parents[1] / "docs" / "example.ipynb"
KERNEL = "jm-socialsec-test"


@pytest.fixture(scope="module")
def kernel_name(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """A kernel spec running this interpreter (so the kernel imports this checkout), or a skip.

    Its folder is on JUPYTER_PATH for the module's tests (the context stays open while they run).
    """
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


@pytest.fixture(scope="module")
def executed(kernel_name: str) -> Any:
    """The notebook run from docs/ (JUPYTER_PATH still names the kernel spec)."""
    nb = nbformat.read(NOTEBOOK, as_version=4)
    where = {"metadata": {"path": str(NOTEBOOK.parent)}}
    nbclient.NotebookClient(nb, kernel_name=kernel_name, timeout=300, allow_errors=True, resources=where).execute()
    return nb


def _outputs(nb: Any, mime: str) -> str:
    return "\n".join(
        str(o.get("data", {}).get(mime, "")) for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs
    )


def test_the_notebook_is_valid_and_covers_every_area() -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    source = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    for call in (
        "statutory_retirement(",
        "estimate_pension(",
        "pension_death_benefits(",
        "death_benefits(",
        "unemployment_benefit(",
        "injury_benefits(",
        "retirement_checklist(",
        "pension_contribution(",
        "unemployment_contribution(",
        "injury_contribution(",
        "to_frame(",
        "param_report(",
    ):
        assert call in source, call
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code"), "store it without outputs"


def test_every_cell_runs_without_error(executed: Any) -> None:
    errors = [
        (n, o.get("ename"), o.get("evalue"))
        for n, cell in enumerate(executed.cells)
        if cell.cell_type == "code"
        for o in cell.outputs
        if o.output_type == "error"
    ]
    assert errors == []
    assert all(c.get("execution_count") for c in executed.cells if c.cell_type == "code")


def test_the_figures_the_markdown_promises(executed: Any) -> None:
    text = _outputs(executed, "text/plain")
    expected = [
        "YearMonth(2026, 5)",  # retirement: 60 years 4 months (docs/retirement.md)
        "Age(years=60, months=4)",
        "(Decimal('1688.94'), True)",  # the Zhongshan sheet, provisional (docs/pension.md)
        "Decimal('9884.50'), Decimal('19.25'), Decimal('95138.31')",  # survivors (docs/pension.md §3)
        "Decimal('55098.00'), Decimal('4900.00'), Decimal('1083760.00')",  # work-related death (docs/injury.md)
        "Decimal('11016.00')",  # unemployment 1836.00 × 6 (docs/unemployment.md)
        "Decimal('200000.00')",  # grade 7 employment grant (docs/injury.md)
        "datetime.date(2027, 1, 11), True",  # the checklist's due date, an estimate
        "employee=Decimal('544.00'), employer=Decimal('1088.00')",  # pension contribution
        "employee=Decimal('48.00'), employer=Decimal('192.00')",  # unemployment contribution
        "contribution=Decimal('7200.00')",  # work-injury contribution
        "Decimal('22.53')",  # 1711.47 − 1688.94 after the 2025 base was published
        "'pension.calc_base'",  # due in the parameter report on 2026-11-30
    ]
    missing = [figure for figure in expected if figure not in text]
    assert missing == []


def test_results_render_with_badges_and_folded_steps(executed: Any) -> None:
    pages = _outputs(executed, "text/html")
    assert pages.count("<div class='jm-socialsec'") >= 12
    assert "jm-badge jm-provisional" in pages and ">预发</span>" in pages  # the sheet, the window
    assert "jm-badge jm-projected" in pages and ">预计</span>" in pages  # 2027 claim, the due date
    assert ">provisional</span>" in pages  # the English page
    assert "<details class='jm-steps'>" in pages
