"""Show how the current outputs differ from the committed snapshots (for review).

    python tools/snapshot_diff.py [NAME_SUBSTRING ...]

Prints a unified diff per changed file (zh, en, json) of the scenarios in
tests/test_snapshots.py whose name contains one of the substrings (all when none given).
Nothing is written: regenerate with JM_UPDATE_SNAPSHOTS=1 once the changes are reviewed.
"""

from __future__ import annotations

import difflib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from test_snapshots import HERE, _outputs, _scenarios  # noqa: E402


def main(filters: list[str]) -> int:
    changed = 0
    for name, make in sorted(_scenarios().items()):
        if filters and not any(f in name for f in filters):
            continue
        for suffix, text in _outputs(make()).items():
            path = HERE / f"{name}.{suffix}"
            old = path.read_text(encoding="utf-8") if path.exists() else ""
            if old != text:
                changed += 1
                sys.stdout.writelines(
                    difflib.unified_diff(
                        old.splitlines(True), text.splitlines(True), f"a/{path.name}", f"b/{path.name}"
                    )
                )
    print(f"{changed} snapshot file(s) differ")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
