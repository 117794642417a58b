"""Table mutation (issue 14, part 4): does some test notice when a figure of tables/ changes?

    python tools/table_mutation.py [--only PARAM_PREFIX] [--jobs N] [--list] [--quick]
                                   [--record FILE] [--out FILE] [--retry FILE]

Each numeric value of ``tables/<area>/*.toml`` in turn is written one step up in its last
digit (``9493`` → ``9494``, ``0.8`` → ``0.9``, ``0.90`` → ``0.91``, ``"2014-07"`` → ``"2014-08"``;
the file otherwise byte-identical), the fast test subset runs against it (``-x``), and the value
is *killed* (a test failed) or *survives* (every test passed).

What counts as a value: the figure of a period (``value = …``), and each entry of a keyed
period (``value = { 40 = 233, … }``: one value per key) — everything a rule reads. Months
(``unit = "year_month"``) are values too: a rule reads them. The dates that bound periods
(``since``, ``until``, ``published``, ``covered_until``) are not values, nor is anything in
``tables/sources.toml`` (the document register: dates and metadata).

*Used* values: the (parameter, period, key) that the rule code of an area package
(``pension/``, ``unemployment/``, ``injury/``, ``retirement/``, ``checklist/``, ``planner/``,
``batch/``) reads while the recording corpus runs (the default test
suite but the notebooks and subprocess tests: the worked cases, the temporal sweep of every
public function over 1995–2040, the fuzz suite). A read by ``lookup`` from a test or by the
tables report is not a use. A projected value uses the published periods it grows from.
Every value the engine delivers is appended to ``Params.used`` (results cite them all); the
test process gets a noting list there (engine/params.py is not edited).

Nothing in the working tree is touched: the project (src, tables, tests, docs) is copied under
a scratch directory and the tests run there with ``PYTHONPATH=<copy>/src`` (the engine finds
``tables/`` next to its package in a source tree: ``engine/tables.py`` ``_table_dir``).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
#: What the scratch copy needs: the package, its tables, the tests and what they read.
COPIED = ("src", "tables", "tests", "docs", "tools", "pyproject.toml", "README.md")
RECORD_ENV = "JM_TABLE_MUTATION_RECORD"
_FAILED = re.compile(r"^(?:FAILED|ERROR) (\S+)", re.M)


# ---------------------------------------------------------------------------- the values


@dataclass(frozen=True)
class Value:
    """One figure of a table file, where it is written and what it is."""

    file: str  # relative to tables/, e.g. "pension/pension.toml"
    line: int  # 0-based line of ``value = …``
    start: int  # the literal's span in that line
    end: int
    param: str
    since: str  # the period's first day, ISO
    key: str | None  # the entry of a keyed period, None for a scalar
    text: str  # the literal as written (a month keeps its quotes)

    @property
    def name(self) -> str:
        where = f"{self.param} @ {self.since}"
        return f"{where} [{self.key}]" if self.key is not None else where

    @property
    def ident(self) -> tuple[str, str, str | None]:
        return (self.param, self.since, self.key)


_NUMBER = r"[0-9]+(?:\.[0-9]+)?"
_MONTH = r'"[0-9]{4}-[0-9]{2}"'
_LITERAL = re.compile(rf"{_MONTH}|{_NUMBER}")
_ENTRY = re.compile(rf'\s*(?:"(?P<qkey>[^"]*)"|(?P<key>[A-Za-z0-9_-]+))\s*=\s*(?P<lit>{_MONTH}|{_NUMBER})\s*(?:,|$)')
_HEADER = re.compile(r"^\s*\[\[(param(?:\.values)?)\]\]\s*$")
_FIELD = re.compile(r"^\s*(id|since|value)\s*=\s*(.*?)\s*$")


def _entries(param: str, since: str, where: tuple[str, int], rhs: str, offset: int) -> Iterator[Value]:
    """The literals of one ``value = …`` right-hand side (``offset``: where it starts in the line)."""
    file, line = where
    if not rhs.startswith("{"):
        literal = _LITERAL.fullmatch(rhs)
        if literal is None:
            raise ValueError(f"{file}:{line + 1}: not a number or a month: {rhs}")
        yield Value(file, line, offset, offset + len(rhs), param, since, None, rhs)
        return
    inner, pos = rhs[1 : rhs.rindex("}")], 0
    for entry in _ENTRY.finditer(inner):
        if entry.start() != pos:
            break
        key = entry.group("qkey") if entry.group("qkey") is not None else entry.group("key")
        start = offset + 1 + entry.start("lit")
        yield Value(file, line, start, start + len(entry.group("lit")), param, since, key, entry.group("lit"))
        pos = entry.end()
    if inner[pos:].strip():
        raise ValueError(f"{file}:{line + 1}: cannot read the entry at {inner[pos:]!r}")


def values_of(text: str, file: str) -> list[Value]:
    """Every value written in one table file, in file order (checked against the TOML parser)."""
    found: list[Value] = []
    param = since = ""
    for n, line in enumerate(text.splitlines()):
        if _HEADER.match(line):
            since = ""
            continue
        field_ = _FIELD.match(line)
        if field_ is None:
            continue
        name, rhs = field_.groups()
        if name == "id" and not since:
            param = rhs.strip('"')
        elif name == "since":
            since = rhs
        elif name == "value":
            found.extend(_entries(param, since, (file, n), rhs, line.index(rhs, line.index("=") + 1)))
    _check_against_toml(text, file, found)
    return found


def _leaves(text: str) -> dict[tuple[str, str, str | None], Any]:
    """(param, since, key) → value, as tomllib reads the file (decimals exact)."""
    out: dict[tuple[str, str, str | None], Any] = {}
    for p in tomllib.loads(text, parse_float=Decimal)["param"]:
        for period in p["values"]:
            if "value" not in period:
                continue
            value, since = period["value"], str(period["since"])
            pairs = value.items() if isinstance(value, dict) else [(None, value)]
            for key, leaf in pairs:
                out[p["id"], since, None if key is None else str(key)] = leaf
    return out


def _literal_value(text: str) -> Any:
    return text.strip('"') if text.startswith('"') else Decimal(text)


def _check_against_toml(text: str, file: str, found: list[Value]) -> None:
    """The scanner found exactly the values the TOML parser reads, with the same figures."""
    leaves = _leaves(text)
    mine = {v.ident: _literal_value(v.text) for v in found}
    if len(mine) != len(found) or mine != {k: Decimal(v) if isinstance(v, int) else v for k, v in leaves.items()}:
        missed = sorted(str(k) for k in set(leaves) ^ set(mine))
        raise ValueError(f"{file}: the scanner and the TOML parser disagree: {missed[:5]}")


def bumped(literal: str) -> str:
    """One step up in the last digit: ``9493``→``9494``, ``0.09``→``0.10``, ``"2014-12"``→``"2015-01"``."""
    if literal.startswith('"'):
        year, month = (int(x) for x in literal.strip('"').split("-"))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return f'"{year:04d}-{month:02d}"'
    number = Decimal(literal)
    step = Decimal(1).scaleb(number.as_tuple().exponent)  # type: ignore[arg-type]
    return f"{number + step:f}"


def mutated(text: str, value: Value) -> str:
    """The file text with ``value`` bumped, every other byte unchanged (checked by parsing)."""
    lines = text.splitlines(keepends=True)
    line = lines[value.line]
    assert line[value.start : value.end] == value.text, f"{value.name}: the file changed under the scan"
    lines[value.line] = line[: value.start] + bumped(value.text) + line[value.end :]
    out = "".join(lines)
    before, after = _leaves(text), _leaves(out)
    changed = {k for k in before if before[k] != after.get(k)}
    assert changed == {value.ident}, f"{value.name}: the mutation changed {changed}"
    return out


def all_values(tables: Path) -> list[Value]:
    """Every value of every table file below ``tables`` (the register excluded)."""
    out: list[Value] = []
    for path in sorted(tables.glob("*/*.toml")):
        out.extend(values_of(path.read_text(encoding="utf-8"), path.relative_to(tables).as_posix()))
    return out


# ---------------------------------------------------------------------------- recording what is used
# This part runs inside the test process, as a pytest plugin (``-p table_mutation``), only when
# JM_TABLE_MUTATION_RECORD names the file to write (or JM_TABLE_MUTATION_ORDER the readers to run first).

Ident = tuple[str, str, "str | None"]
SELECT_ENV = "JM_TABLE_MUTATION_ORDER"
QUICK_ENV = "JM_TABLE_MUTATION_QUICK"
#: Folders of the package that hold no rules: the engine, the command line, the input models.
NOT_RULES = {"engine", "cli", "inputs", "__pycache__"}


@dataclass
class Recorder:
    """Which test read which (parameter, period, key): any read, and reads by rule code."""

    areas: tuple[str, ...]
    reads: dict[Ident, set[str]] = field(default_factory=dict)
    used: dict[Ident, set[str]] = field(default_factory=dict)
    _seen: set[tuple[Ident, str]] = field(default_factory=set)

    def note(self, idents: Iterable[Ident]) -> None:
        test = os.environ.get("PYTEST_CURRENT_TEST", "(collection)").rsplit(" ", 1)[0]
        for ident in idents:
            self.reads.setdefault(ident, set()).add(test)
            if (ident, test) in self._seen or not self._from_rule(sys._getframe(1)):
                continue
            self._seen.add((ident, test))
            self.used.setdefault(ident, set()).add(test)

    def _from_rule(self, frame: Any) -> bool:
        while frame is not None:
            if frame.f_code.co_filename.startswith(self.areas):
                return True
            frame = frame.f_back
        return False

    def dump(self, path: str) -> None:
        def named(found: dict[Ident, set[str]]) -> dict[str, list[str]]:
            return {json.dumps(k, ensure_ascii=False): sorted(v) for k, v in found.items()}

        out = {"reads": named(self.reads), "used": named(self.used)}
        Path(path).write_text(json.dumps(out, ensure_ascii=False), encoding="utf-8")


def _projected_from(params: Any, pv: Any, key: str | None) -> list[Ident]:
    """The published periods a projected value grows from (engine/projection.py ``project``).

    The last period known on ``as_of`` always; the last five known too when the growth rate is
    the default one (their mean growth); none when the caller gave the value for that year.
    """
    p = params.tables[pv.id]
    assumptions = params.assumptions
    if assumptions is not None and assumptions.values.get(pv.id, {}).get(pv.since.year) is not None:
        return []
    known = [
        v for v in p.values
        if not v.missing and v.known_from <= params.as_of
        and isinstance(v.value.get(str(key)) if isinstance(v.value, dict) else v.value, Decimal)
    ]  # fmt: skip
    if assumptions is not None and pv.id in assumptions.growth:
        known = [v for v in known if v.since <= pv.since][-1:]
    else:
        known = known[-5:]
    return [(pv.id, str(v.since), key) for v in known]


class _Noted(list):  # type: ignore[type-arg]
    """``Params.used``, noting each value as it is appended: every read path of the engine records
    the value it delivers there (results cite them all), whether it resolves it, takes it from the
    shared cache or replays a memoised rule call's reads (``extend``)."""

    def __init__(self, params: Any, recorder: Recorder) -> None:
        super().__init__()
        self._params, self._recorder = params, recorder

    def append(self, pv: Any) -> None:
        super().append(pv)
        self._note([pv])

    def extend(self, values: Iterable[Any]) -> None:
        values = list(values)
        super().extend(values)
        self._note(values)

    def _note(self, values: list[Any]) -> None:
        for pv in values:
            if pv.overridden:  # the caller's figure, not the table's
                continue
            if pv.projected:
                self._recorder.note(_projected_from(self._params, pv, pv.key))
            else:
                self._recorder.note([(pv.id, str(pv.since), pv.key)])


def _install(recorder: Recorder) -> None:
    """Give every ``Params`` a noting ``used`` list (engine/params.py itself is not edited)."""
    from jm_socialsec.engine import params as params_mod

    real = params_mod.Params.__init__

    def init(self: Any, *args: Any, **kwargs: Any) -> None:
        real(self, *args, **kwargs)
        self.used = _Noted(self, recorder)

    params_mod.Params.__init__ = init  # type: ignore[method-assign]


def pytest_configure(config: Any) -> None:
    path = os.environ.get(RECORD_ENV)
    if not path:
        return
    import jm_socialsec

    package = Path(jm_socialsec.__file__).parent
    areas = tuple(f"{d}{os.sep}" for d in sorted(package.iterdir()) if d.is_dir() and d.name not in NOT_RULES)
    recorder = Recorder(areas)
    _install(recorder)
    config.add_cleanup(lambda: recorder.dump(path))


def pytest_collection_modifyitems(session: Any, config: Any, items: list[Any]) -> None:
    """The tests that read the mutated value first, the snapshots last, without the tests that
    fail on the unchanged tables; ``quick``: the readers only."""
    order = os.environ.get(SELECT_ENV)
    if order is None:
        return
    plan = json.loads(Path(order).read_text(encoding="utf-8"))
    readers, broken = set(plan["first"]), set(plan["skip"])
    rank = {id(item): (item.nodeid not in readers, "test_snapshots" in item.nodeid) for item in items}
    quick = bool(os.environ.get(QUICK_ENV))
    kept = [item for item in items if item.nodeid not in broken and (item.nodeid in readers or not quick)]
    chosen = {id(item) for item in kept}
    config.hook.pytest_deselected(items=[item for item in items if id(item) not in chosen])
    items[:] = sorted(kept, key=lambda item: rank[id(item)])  # stable: the file order within each rank


# ---------------------------------------------------------------------------- running the tests

#: Left out of every mutant run: slow, or blind to figures (they check that something is
#: returned or refused, not which figure): the fuzz suite, the temporal sweep, the notebooks,
#: the service, the README, subprocesses, personal data, concurrency, speed, the Dask cluster.
SKIPPED = (
    "test_fuzz_", "test_sweep", "test_notebook", "test_planner_notebook", "test_service", "test_readme",
    "test_cli_subprocess", "test_personal_data", "test_concurrency", "test_speed", "test_batch_dask",
)  # fmt: skip
#: Left out of the recording corpus (their calls run in other processes, where nothing is recorded).
NOT_RECORDED = ("test_notebook", "test_planner_notebook", "test_cli_subprocess", "test_batch_dask")


def test_files(copy: Path, skipped: tuple[str, ...]) -> list[str]:
    return [f"tests/{p.name}" for p in sorted((copy / "tests").glob("test_*.py")) if not p.name.startswith(skipped)]


def make_copy(where: Path) -> Path:
    """A scratch copy of the project: its tests see only the copy's tables."""
    ignore = shutil.ignore_patterns("__pycache__", ".hypothesis", "*.pyc", ".pytest_cache")
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, where / name, ignore=ignore)
        elif source.exists():
            shutil.copy2(source, where / name)
    return where


def _env(copy: Path, extra: dict[str, str]) -> dict[str, str]:
    """The copy's package first on the path; compiled files cached under the copy (none in the venv)."""
    env = {k: v for k, v in os.environ.items() if k not in ("JM_SLOW", "PYTHONDONTWRITEBYTECODE")}
    env["PYTHONPATH"] = os.pathsep.join([str(copy / "src"), str(copy / "tools"), env.get("PYTHONPATH", "")])
    env["PYTHONPYCACHEPREFIX"] = str(copy / ".pycache")
    return env | extra


def pytest(copy: Path, files: list[str], extra: dict[str, str], *flags: str) -> subprocess.CompletedProcess[str]:
    args = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "table_mutation", "-rfE", *flags]
    return subprocess.run([*args, *files], cwd=copy, env=_env(copy, extra), capture_output=True, text=True)


def record(copy: Path) -> dict[str, Any]:
    """Run the recording corpus on the unchanged tables: every read, the reads by rule code, and
    the tests that already fail (others are editing the tree; those cannot tell a mutant)."""
    out = copy / "record.json"
    done = pytest(copy, test_files(copy, NOT_RECORDED), {RECORD_ENV: str(out)})
    if done.returncode not in (0, 1) or not out.exists():
        sys.exit(f"the recording run failed (exit {done.returncode}):\n{done.stdout[-3000:]}{done.stderr[-2000:]}")
    recorded: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    if not recorded["used"]:
        sys.exit("nothing recorded as used: does the engine still record reads in Params.used? (see _install)")
    recorded["broken"] = _FAILED.findall(done.stdout)
    out.write_text(json.dumps(recorded, ensure_ascii=False), encoding="utf-8")
    return recorded


@dataclass
class Outcome:
    value: Value
    used: bool
    readers: int  # tests of the subset that read the value
    result: str = ""  # killed | survived | error
    by: str = ""  # the first failing test
    seconds: float = 0.0
    invalid_table: bool = False


def run_mutant(copy: Path, outcome: Outcome, files: list[str], plan: dict[str, list[str]], quick: bool) -> Outcome:
    """Write the mutated file into the copy, run the subset (readers first, ``-x``), restore."""
    value, path = outcome.value, copy / "tables" / outcome.value.file
    original = path.read_text(encoding="utf-8")
    order = copy / "readers.json"
    order.write_text(json.dumps(plan), encoding="utf-8")
    extra = {SELECT_ENV: str(order)} | ({QUICK_ENV: "1"} if quick else {})
    started = time.monotonic()
    try:
        path.write_text(mutated(original, value), encoding="utf-8")
        done = pytest(copy, files, extra, "-x")
    finally:
        path.write_text(original, encoding="utf-8")
    outcome.seconds = round(time.monotonic() - started, 1)
    failed = _FAILED.search(done.stdout)
    outcome.result = {0: "survived", 1: "killed", 5: "survived"}.get(done.returncode, "error")
    outcome.by = failed.group(1) if failed else done.stdout[-300:] if outcome.result == "error" else ""
    outcome.invalid_table = "TableError" in done.stdout or "table_invalid" in done.stdout
    return outcome


# ---------------------------------------------------------------------------- the command


def _planned(recorded: dict[str, Any], value: Value, files: list[str]) -> tuple[Outcome, dict[str, list[str]]]:
    """Whether rule code uses ``value``; the tests of the subset that read it run first."""
    name = json.dumps(value.ident, ensure_ascii=False)
    kept = tuple(f"{f}::" for f in files)
    readers = [t for t in recorded["reads"].get(name, []) if t.startswith(kept) and t not in recorded["broken"]]
    return Outcome(value, name in recorded["used"], len(readers)), {"first": readers, "skip": recorded["broken"]}


def _run_all(
    todo: list[tuple[Outcome, dict[str, list[str]]]], copies: list[Path], files: list[str], quick: bool
) -> None:
    """Each mutant on a free copy (``--jobs``: one copy per worker); progress on stderr."""
    from concurrent.futures import ThreadPoolExecutor
    from queue import Queue

    free: Queue[Path] = Queue()
    for c in copies:
        free.put(c)

    def one(item: tuple[Outcome, dict[str, list[str]]]) -> Outcome:
        outcome, plan = item
        if quick and not plan["first"]:
            outcome.result = "survived"
            return outcome
        copy = free.get()
        try:
            return run_mutant(copy, outcome, files, plan, quick)
        finally:
            free.put(copy)

    pool = ThreadPoolExecutor(max_workers=len(copies))
    try:
        for n, outcome in enumerate(pool.map(one, todo), 1):
            print(f"[{n}/{len(todo)}] {outcome.result:8} {outcome.seconds:5.1f}s {outcome.value.name} = "
                  f"{outcome.value.text} {outcome.by}", file=sys.stderr, flush=True)  # fmt: skip
    finally:  # stopped (SIGTERM, ^C): the mutants not started are dropped, the running one ends
        pool.shutdown(wait=True, cancel_futures=True)


def summary(outcomes: list[Outcome], seconds: float) -> str:
    """The figures and every survivor (parameter, period, key, value), used ones first."""
    used = [o for o in outcomes if o.used]

    def count(result: str, group: list[Outcome]) -> int:
        return sum(o.result == result for o in group)

    lines = [
        f"values {len(outcomes)}, used {len(used)} (unused {len(outcomes) - len(used)}); killed "
        f"{count('killed', outcomes)}, survived {count('survived', outcomes)}, errors {count('error', outcomes)}; "
        f"in {seconds:.0f} s",
        f"used: killed {count('killed', used)} of {len(used)}, survived {count('survived', used)}",
        f"killed first by a snapshot test: {sum('test_snapshots' in o.by for o in outcomes)}; "
        f"by an invalid table: {sum(o.invalid_table for o in outcomes)}",
    ]
    for title, group in (("used", True), ("unused", False)):
        left = [o for o in outcomes if o.result != "killed" and o.used is group]
        lines.append(f"-- {title}, not killed: {len(left)}")
        lines += [f"   {o.result:8} {o.value.name} = {o.value.text}  ({o.value.file})" for o in left]
    return "\n".join(lines)


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", default="", metavar="PARAM_PREFIX", help="only the parameters whose id starts so")
    parser.add_argument("--jobs", type=int, default=1, help="mutants run at once (one scratch copy each; default 1)")
    parser.add_argument("--list", action="store_true", help="list the values (and whether used) and stop")
    parser.add_argument("--quick", action="store_true", help="run only the tests that read the value (a first look)")
    parser.add_argument("--record", metavar="FILE", help="reuse a recording (record.json of an earlier run)")
    parser.add_argument("--out", metavar="FILE", help="write every outcome as JSON")
    parser.add_argument("--retry", metavar="FILE", help="run only the values an earlier --out FILE did not kill")
    return parser.parse_args(argv)


def _carried(todo: list[tuple[Outcome, dict[str, list[str]]]], retry: str | None) -> list[tuple[Outcome, Any]]:
    """``--retry``: the values an earlier run (its ``--out`` file) killed keep that outcome; the others run."""
    if retry is None:
        return todo
    earlier = {row["name"]: row for row in json.loads(Path(retry).read_text(encoding="utf-8"))}
    left = []
    for outcome, plan in todo:
        row = earlier.get(outcome.value.name)
        if row is not None and row["result"] == "killed" and row["value"]["text"] == outcome.value.text:
            outcome.result, outcome.by, outcome.invalid_table = (
                "killed",
                f"{row['by']} (earlier run)",
                row["invalid_table"],
            )
        else:
            left.append((outcome, plan))
    return left


def _recorded(args: argparse.Namespace, copy: Path) -> dict[str, Any]:
    """The recording: reused (``--record``), or made now and kept next to ``--out``."""
    if args.record:
        return json.loads(Path(args.record).read_text("utf-8"))  # type: ignore[no-any-return]
    recorded = record(copy)
    if args.out:
        shutil.copy2(copy / "record.json", Path(args.out).with_suffix(".record.json"))
    return recorded


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("stopped (SIGTERM); the scratch copies are removed"))
    values = [v for v in all_values(ROOT / "tables") if v.param.startswith(args.only)]
    scratch = Path(tempfile.mkdtemp(prefix="table_mutation."))
    started = time.monotonic()
    try:
        copies = [make_copy(scratch / f"copy{n}") for n in range(max(1, args.jobs))]
        files = test_files(copies[0], SKIPPED)
        recorded = _recorded(args, copies[0])
        for test in recorded["broken"]:
            print(f"left out, fails on the unchanged tables: {test}", file=sys.stderr)
        todo = [_planned(recorded, v, files) for v in values]
        if args.list:
            for o, _ in todo:
                print(f"{'used  ' if o.used else 'unused'} {o.readers:4} readers  {o.value.name} = {o.value.text}")
            return 0
        _run_all(_carried(todo, args.retry), copies, files, args.quick)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    outcomes = [o for o, _ in todo]
    if args.out:
        rows = [asdict(o) | {"name": o.value.name} for o in outcomes]
        Path(args.out).write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    print(summary(outcomes, time.monotonic() - started))
    return 0


if __name__ == "__main__":
    sys.exit(main())
