"""Mutation testing of the rule modules (issue 14, part 3): mutmut on a scratch copy, kill rates per module.

    python tools/mutation.py [--module pension/basic.py ...] [--area pension ...] [--max-children 1]
                             [--scratch /tmp/jm_mutation] [--source worktree|head]
                             [--rerun | --rerun-survivors]
                             [--no-run] [--no-classify] [--survivors FILE] [--max-examples N]
                             [--selection-by-pattern]

Run it on demand (not in CI), with ``nice -n 10`` on a shared machine: a few minutes per module.

1. **A scratch copy** of the project (``src``, ``tests``, ``tables``, ``pyproject.toml``) under
   ``--scratch``; the working tree is never touched. ``--source head`` copies the last commit
   instead of the working tree (``git archive``: nothing is written to the repository), with
   the working tree's ``tests/test_mutants_*.py`` (the tests written for survivors).
2. **Decorators unrolled.** mutmut 3 leaves decorated functions alone, and almost every rule is
   ``@rule(...)`` and every public function ``@public``. In the copy each decorated top-level
   function (and each ``@property``) is rewritten into the same semantics without decorator
   syntax: ``def f(...)`` then ``f = rule(...)(f)`` (innermost first), the statements placed in
   the lines the decorators freed, so the code after the function keeps its line numbers.
   ``@memo`` (a cache of whole sub-calculations) is dropped and every ``functools.cache`` of the
   rule modules is cleared when a test session starts: a mutant must never be served a result
   the unmutated run left in a cache.
3. **mutmut run** (``[tool.mutmut]`` written into the copy's ``pyproject.toml``) with the tests of
   the rule areas (``TESTS`` below); mutmut runs, for each mutant, only the tests that reach the
   mutated function. Resumable: mutants with a verdict are not run again (``--rerun`` runs them all,
   ``--rerun-survivors`` the survivors, once tests were written for them).
4. **What a survivor changes.** Each surviving mutant is run against a fixed corpus of public
   calls (``corpus()``: the worked case of every estimate in ``tests/contract_cases.py`` and each
   of its inputs varied in turn over a grid of dates, counts, amounts and choices) that reach
   the mutated function. Its *outcome* on each call — every amount, month, count, flag and item
   of the result (``essence()``: the result's fields without their words, and the codes of its
   warnings), or the refusal's class, code and field — is compared with the unmutated run's. A
   mutant whose outcome differs on some call *changes an amount, a month, a flag or an item*;
   the others change only words or nothing the corpus sees (candidates for equivalence).

Prints, per module: mutants, killed, survived, timeouts (and other verdicts), the kill rate, and
the kill rate among mutants that change an amount/month/flag/item (killed ones count as such:
they change what some test checks). ``--survivors FILE`` writes each survivor with its class
and its diff.
"""

from __future__ import annotations

import argparse
import ast
import difflib
import io
import json
import os
import re
import subprocess
import sys
import tarfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "src/jm_socialsec"
#: The rule modules (issue 14): the areas' folders; not engine/, cli/, batch/, service, inputs/.
AREAS = ("retirement", "pension", "unemployment", "injury", "checklist", "planner")
#: The tests run against each mutant: the rule areas' own tests, their snapshots (explanation
#: texts are guarded there, and the worked cases' amounts too), the cross-area API and input
#: tests and the CLI (in process). Left out: the slow tier, the fuzz suite, the temporal sweep,
#: the concurrency, speed, notebook, service, README, personal-data and subprocess tests (slow,
#: or they check no amount: they guard crashes and leaks, not figures).
TESTS = (
    "test_retirement.py",
    "test_pension.py",
    "test_pension_death.py",
    "test_pension_rounding.py",
    "test_pension_rules.py",
    "test_contributions.py",
    "test_recalc.py",
    "test_unemployment.py",
    "test_unemployment_2025.py",
    "test_unemployment_rules.py",
    "test_injury.py",
    "test_injury_guangdong.py",
    "test_injury_rules.py",
    "test_checklist.py",
    "test_checklist_rules.py",
    "test_planner.py",
    "test_projection.py",
    "test_api.py",
    "test_inputs.py",
    "test_explain.py",
    "test_snapshots.py",
    "test_cli.py",
    "test_input_fixes.py",
    "test_table_figures_*.py",
    "test_mutants_*.py",
)
#: Decorators not re-applied in the copy (caches: the same values, computed again).
DROPPED = {"memo"}
#: mutmut's verdicts by exit code (mutmut.stats.status_by_exit_code, kept here to read results).
STATUS: dict[int | None, str] = {1: "killed", 3: "killed", 0: "survived", 5: "no tests", 33: "no tests"}
STATUS |= {34: "skipped", 36: "timeout"}
STATUS |= {37: "type check", -24: "timeout", 24: "timeout", 152: "timeout", 255: "timeout", None: "not checked"}

FRESH_CACHES = """

# --- added by tools/mutation.py in the scratch copy: no cached result crosses into a mutant ---
def _clear_rule_caches():  # type: ignore[no-untyped-def]
    import sys

    for name, module in list(sys.modules.items()):
        if name.split(".")[1:2] and name.split(".")[1] in {areas!r}:
            for value in list(vars(module).values()):
                clear = getattr(value, "cache_clear", None)
                if callable(clear) and getattr(value, "__module__", None) == name:
                    clear()


def pytest_sessionstart(session):  # type: ignore[no-untyped-def]
    _clear_rule_caches()


def pytest_runtest_setup(item):  # type: ignore[no-untyped-def]
    # per test too: mutmut maps a cached function to the tests that reach it, and a cache warm
    # from an earlier test would hide the function from every later one
    _clear_rule_caches()
"""


# ---------------------------------------------------------------- the copy


def unroll_decorators(source: str) -> str:
    """The module with each decorated top-level function (and ``@property``) written without
    decorator syntax: the same objects bound to the same names, so mutmut mutates them."""
    tree = ast.parse(source)
    lines = source.splitlines(keepends=True)
    targets: list[tuple[ast.stmt, str]] = [
        (node, "") for node in tree.body if isinstance(node, ast.FunctionDef) and node.decorator_list
    ]
    for cls in (n for n in tree.body if isinstance(n, ast.ClassDef)):
        targets += [(node, " " * node.col_offset) for node in cls.body if _is_property(node)]
    for node, indent in sorted(targets, key=lambda t: -t[0].lineno):
        assert isinstance(node, ast.FunctionDef)
        first = min(d.lineno for d in node.decorator_list)
        body = lines[node.lineno - 1 : node.end_lineno]
        kept = [d for d in node.decorator_list if not (isinstance(d, ast.Name) and d.id in DROPPED)]
        again = [f"{indent}{node.name} = {ast.unparse(d)}({node.name})\n" for d in reversed(kept)]
        freed = node.lineno - first
        block = body + again + ["\n"] * max(0, freed - len(again))
        lines[first - 1 : node.end_lineno] = block
    return "".join(lines)


def _is_property(node: ast.stmt) -> bool:
    return (
        isinstance(node, ast.FunctionDef)
        and len(node.decorator_list) == 1
        and isinstance(node.decorator_list[0], ast.Name)
        and node.decorator_list[0].id == "property"
    )


def is_rule_module(rel: str) -> bool:
    parts = rel.split("/")
    return rel.endswith(".py") and rel.startswith(PACKAGE + "/") and len(parts) > 3 and parts[2] in AREAS


def project_files(source: str) -> Iterator[tuple[str, bytes]]:
    """(relative path, content) of the files the copy needs, from the working tree or HEAD."""
    wanted = ("src", "tests", "tables", "pyproject.toml")
    if source == "head":
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", "HEAD", *wanted], capture_output=True, check=True)
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            for member in tar.getmembers():
                handle = tar.extractfile(member) if member.isfile() else None
                if handle is not None and not _is_mutant_test(member.name):
                    yield member.name, handle.read()
        # The tests written for survivors are always the working tree's: they are what is being
        # measured, and they may not be committed yet.
        for file in sorted((ROOT / "tests").glob("test_mutants_*.py")):
            yield file.relative_to(ROOT).as_posix(), file.read_bytes()
        return
    for top in wanted:
        path = ROOT / top
        for file in [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file()):
            rel = file.relative_to(ROOT).as_posix()
            if "__pycache__" not in rel and ".hypothesis" not in rel:
                yield rel, file.read_bytes()


def _is_mutant_test(rel: str) -> bool:
    return re.fullmatch(r"tests/test_mutants_\w+\.py", rel) is not None


#: ``--max-examples N``: the copy's Hypothesis properties run at most N examples (None: as written).
MAX_EXAMPLES: int | None = None


#: With ``--max-examples``: no Hypothesis deadline in the copy — mutmut's stats run traces every call
#: and the machine is shared, so an example may take longer than the 200 ms default, and one such
#: "DeadlineExceeded" in the clean or stats run stops mutmut (time is not what a mutant changes).
NO_DEADLINE = """

# --- added by tools/mutation.py (--max-examples): no Hypothesis deadline under mutation ---
from hypothesis import settings as _settings

_settings.register_profile("mutation", deadline=None)
_settings.load_profile("mutation")
"""


def _capped_examples(text: str) -> str:
    """The test file with every ``max_examples=K`` lowered to ``MAX_EXAMPLES`` (a survivor runs
    every test that reaches its function; the planner's properties take most of that time)."""
    return re.sub(r"\bmax_examples=(\d+)", lambda m: f"max_examples={min(int(m[1]), MAX_EXAMPLES or 0)}", text)


def prepared(rel: str, content: bytes) -> bytes:
    """A file as the copy holds it."""
    if MAX_EXAMPLES is not None and re.fullmatch(r"tests/test_\w+\.py", rel):
        content = _capped_examples(content.decode("utf-8")).encode("utf-8")
    if is_rule_module(rel):
        return unroll_decorators(content.decode("utf-8")).encode("utf-8")
    if rel == f"{PACKAGE}/engine/api.py":
        return _boundary_through_trampolines(content.decode("utf-8")).encode("utf-8")
    if rel == "tests/conftest.py":
        added = FRESH_CACHES.format(areas=set(AREAS))
        if MAX_EXAMPLES is not None:
            added += NO_DEADLINE
        if BY_PATTERN:
            added += SELECTION_BY_PATTERN.format(patterns=TESTS)
        return content + added.encode("utf-8")
    if rel == "pyproject.toml":
        text = re.sub(r"(?ms)^\[tool\.mutmut\].*?(?=^\[|\Z)", "", content.decode("utf-8"))
        return (text + mutmut_config()).encode("utf-8")
    return content


def _boundary_through_trampolines(text: str) -> str:
    """``public`` tells a wrong call (an ``InputError``) from a bug by the traceback's depth; under
    mutmut a trampoline stands between, so the copy also asks the signature, and names the
    function as the original does (mutmut renames its copies ``x_<name>__mutmut_orig``)."""
    old = "            if e.__traceback__ is not None and e.__traceback__.tb_next is None:\n"
    new = (
        "            if e.__traceback__ is not None and (\n"
        "                e.__traceback__.tb_next is None or _bad_call(fn, args, kwargs)):\n"
        "                e = TypeError(__import__('re').sub(r'x_(\\w+?)__mutmut_(orig|\\d+)', r'\\1', str(e)))\n"
    )
    assert old in text, "engine/api.py: public's test for a wrong call has changed; update tools/mutation.py"
    return text.replace(old, new) + _BAD_CALL


_BAD_CALL = """

def _bad_call(fn, args, kwargs):  # type: ignore[no-untyped-def]  # added by tools/mutation.py
    import inspect

    try:
        inspect.signature(fn).bind(*args, **kwargs)
    except TypeError:
        return True
    return False
"""


#: ``--selection-by-pattern``: mutmut is given the folder ``tests/`` and the copy's conftest leaves
#: out every test file no pattern of ``TESTS`` matches — a test file added later (another area's
#: ``test_mutants_*.py``) then changes no configuration, and mutmut keeps its verdicts.
BY_PATTERN = False

SELECTION_BY_PATTERN = """

# --- added by tools/mutation.py (--selection-by-pattern): the test files of TESTS only ---
def pytest_ignore_collect(collection_path, config):  # type: ignore[no-untyped-def]
    import fnmatch

    if collection_path.suffix == ".py" and collection_path.name.startswith("test_"):
        return not any(fnmatch.fnmatch(collection_path.name, p) for p in {patterns!r})
    return None
"""


def mutmut_config() -> str:
    tests = sorted({str(p.relative_to(ROOT)) for pattern in TESTS for p in (ROOT / "tests").glob(pattern)})
    if BY_PATTERN:
        tests = ["tests/"]
    return "\n[tool.mutmut]\n" + "\n".join(
        [
            f'source_paths = ["{PACKAGE}"]',
            "only_mutate = " + json.dumps([f"{PACKAGE}/{area}/*" for area in AREAS]),
            'also_copy = ["tables/"]',
            'pytest_add_cli_args = ["-p", "no:cacheprovider", "-W", "ignore::DeprecationWarning"]',
            "pytest_add_cli_args_test_selection = " + json.dumps(tests),
            "use_git_change_detection = false",
            "timeout_multiplier = 10.0",
            "",
        ]
    )


def sync_copy(scratch: Path, source: str) -> None:
    """Write the copy, touching only files whose content changed (mutmut resumes on the rest)."""
    seen = set()
    for rel, content in project_files(source):
        seen.add(rel)
        target = scratch / rel
        data = prepared(rel, content)
        if not target.exists() or target.read_bytes() != data:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    for top in ("src", "tests", "tables"):
        for file in (scratch / top).rglob("*"):
            rel = file.relative_to(scratch).as_posix()
            if file.is_file() and rel not in seen and "__pycache__" not in rel:
                file.unlink()


# ---------------------------------------------------------------- running mutmut


def module_key(rel: str) -> str:
    """``pension/basic.py`` → ``jm_socialsec.pension.basic`` (the prefix of its mutants' names); a
    package's ``__init__.py`` is named by the package (``checklist/items/__init__.py`` →
    ``jm_socialsec.checklist.items``), as mutmut names its mutants."""
    return "jm_socialsec." + rel.removesuffix(".py").removesuffix("/__init__").replace("/", ".")


def rule_modules(scratch: Path) -> list[str]:
    base = scratch / PACKAGE
    found = [p.relative_to(base).as_posix() for p in sorted(base.rglob("*.py"))]
    return [rel for rel in found if is_rule_module(f"{PACKAGE}/{rel}")]


def verdicts(scratch: Path, rel: str) -> dict[str, int | None]:
    """mutmut's exit code by mutant of one module ({} before its mutants are generated)."""
    meta = scratch / "mutants" / PACKAGE / (rel + ".meta")
    if not meta.exists():
        return {}
    codes: dict[str, int | None] = json.loads(meta.read_text())["exit_code_by_key"]
    return codes


def run_mutmut(scratch: Path, modules: list[str], max_children: int, rerun: str) -> None:
    """One ``mutmut run`` per module (mutmut's own clean run and stats come first). ``rerun``:
    ``""`` (only mutants without a verdict), ``"all"``, or ``"survivors"`` (after new tests)."""
    mutmut = Path(sys.executable).with_name("mutmut")
    for rel in modules:
        codes = verdicts(scratch, rel)
        pending = [
            k
            for k, v in codes.items()
            if v is None or rerun == "all" or (rerun == "survivors" and STATUS.get(v) == "survived")
        ]
        generated = (scratch / "mutants" / PACKAGE / (rel + ".meta")).exists()
        if generated and not pending:
            print(f"== {rel}: every mutant has a verdict (--rerun to run again)", flush=True)
            continue
        # a package's own mutants are ``<package>.x_…`` / ``<package>.xǁ…``: not its submodules'
        every = module_key(rel) + (".x*" if rel.endswith("/__init__.py") else ".*")
        names = pending if codes and len(pending) < len(codes) else [every]
        print(f"== mutmut: {rel} ({len(pending) if codes else 'all'} mutants)", flush=True)
        command = ["nice", "-n", "10", str(mutmut), "run", "--max-children", str(max_children), *names]
        env = {k: v for k, v in os.environ.items() if k not in {"JM_SLOW", "MUTANT_UNDER_TEST"}}
        done = subprocess.run(command, cwd=scratch, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        tail = done.stdout.decode("utf-8", "replace").strip().splitlines()[-3:]
        print("   " + "\n   ".join(line[-160:] for line in tail), flush=True)


# ---------------------------------------------------------------- survivors: what they change


def mutant_diff(scratch: Path, rel: str, key: str) -> str:
    """The unified diff of a mutant against the original function (from mutmut's line index)."""
    spans_file = scratch / "mutants" / PACKAGE / (rel + ".spans")
    spans = json.loads(spans_file.read_text())["spans"]
    name = key.rpartition(".")[2]
    orig = name.partition("__mutmut_")[0] + "__mutmut_orig"
    lines = (scratch / "mutants" / PACKAGE / rel).read_text(encoding="utf-8").splitlines(keepends=True)

    def source(fn: str) -> list[str]:
        start, end = spans[fn]
        return [re.sub(r"\b(x_|xǁ\w+ǁ)?(\w+?)__mutmut_(orig|\d+)\b", r"\2", s) for s in lines[start - 1 : end]]

    diff = difflib.unified_diff(source(orig), source(name), f"{rel} (original)", f"{rel} ({name})", n=1)
    return "".join(diff)


def classify(scratch: Path, survivors: list[str]) -> dict[str, str]:
    """Each survivor's class: ``amount`` (changes an outcome on the corpus), else ``text-or-none``."""
    if not survivors:
        return {}
    request = scratch / "classify.json"
    request.write_text(json.dumps(survivors))
    env = {k: v for k, v in os.environ.items() if k not in {"JM_SLOW", "MUTANT_UNDER_TEST"}}
    command = ["nice", "-n", "10", sys.executable, str(Path(__file__).resolve()), "--classify-worker", str(request)]
    subprocess.run(command, cwd=scratch, env=env, check=True)
    answer: dict[str, str] = json.loads(request.with_suffix(".out.json").read_text())
    return answer


def corpus() -> Iterator[tuple[str, dict[str, Any]]]:
    """The public calls every survivor is run against: each worked case, then each of its
    inputs varied in turn (``VARIANTS``), all other inputs as in the worked case."""
    sys.path.insert(0, str(Path.cwd() / "mutants" / "tests"))
    from contract_cases import CASES  # type: ignore[import-not-found]

    for fn, body, _ in CASES.values():
        yield fn, body
        for name, value in body.items():
            for other in variants(name, value):
                yield fn, {**body, name: other}
        if fn == "retirement_checklist":
            profile = body["profile"]
            changes = [(k, o) for k, v in profile.items() for o in variants(k, v)]
            changes += [(k, o) for k, values in PROFILE_EXTRAS.items() for o in values]
            for name, other in changes:
                yield fn, {**body, "profile": {**profile, name: other}}
        for extra, values in EXTRAS.get(fn, {}).items():
            for other in values:
                yield fn, {**body, extra: other}
    yield from planner_calls()


def planner_calls() -> Iterator[tuple[str, dict[str, Any]]]:
    """The planner's calls (``contract_cases`` has none): each plan of ``PLANS``, then each of its
    inputs in ``PLAN_VARIANTS`` varied in turn, the other inputs as in the plan."""
    for body in PLANS:
        yield "plan_retirement", body
        for name, values in PLAN_VARIANTS.items():
            for other in values:
                yield "plan_retirement", {**body, name: other}


MONTH_SHIFTS = (-300, -180, -120, -61, -37, -25, -13, -7, -4, -1, 1, 2, 3, 5, 8, 11, 14, 23, 30, 49, 61, 97, 121)
DAY_SHIFTS = (-4000, -1500, -800, -400, -366, -200, -45, -9, -1, 1, 3, 6, 30, 90, 181, 365, 700, 1100, 2000)
COUNTS = (0, 1, 6, 11, 12, 13, 23, 24, 35, 36, 59, 60, 61, 119, 120, 121, 179, 180, 181, 215, 240, 300, 359, 360, 480)
FACTORS = ("0", "0.01", "0.3", "0.5", "0.6", "0.99", "1.01", "1.5", "2", "3", "3.01", "5", "10")
CHOICES: dict[str, tuple[Any, ...]] = {
    "category": ("male", "female_55", "female_50"),
    "region": ("jiangmen", "pengjiang", "jianghai", "xinhui", "taishan", "kaiping", "heshan", "enping"),
    "reason": (
        "contract_expired",
        "employer_bankrupt",
        "dismissed",
        "quit_for_employer_fault",
        "voluntary_resignation",
        "agreed_at_worker_proposal",
    ),
    "choice": ("statutory", "flexible_early", "flexible_late", "special"),
    "work_type": ("high_altitude", "heavy", "underground", "high_temperature", "harmful"),
    "dependents": ((), ("spouse",), ("spouse", "orphan", "orphan", "relative"), ("lone_elderly", "relative")),
    "leaves_job": (True, False),
    "grade": tuple(range(1, 11)),
    "industry_class": tuple(range(1, 9)),
}
#: Inputs the worked cases leave out, each with a few values.
EXTRAS: dict[str, dict[str, tuple[Any, ...]]] = {
    "estimate_pension": {"region": ("taishan", "kaiping", "enping"), "deemed_months": (0, 24, 120)},
    "pension_death_benefits": {"pension_months_drawn": (0, 12, 139, 200), "account_balance": ("20000", "86500")},
    "injury_benefits": {
        "draws_pension": (True,),
        "care_level": (1, 2, 3, 4),
        "assessed_on": ("2026-01-05",),
        "hospital_days": (10,),
    },
    "death_benefits": {"during_paid_leave": (False,), "grade": (1, 4, 6)},
    "unemployment_benefit": {"unused_months": (0, 3, 12), "city_average_wage": ("8000",)},
    "pension_contribution": {"flexible": (True,)},
    "unemployment_contribution": {"flexible": (True,)},
}
#: The planner's plans: docs/planner.md's worked example (50 rows, a what-if), a man whose statutory
#: month follows the projection start (short of the minimum: a top-up, a gap), a special type, and a
#: woman with deemed time.
PLANS: tuple[dict[str, Any], ...] = (
    {
        "birth": "1968-07", "category": "male", "region": "kaiping", "contribution_months": 336,
        "average_index": "1.0", "account_balance": "100000", "as_of": "2026-11-30",
        "what_ifs": [{"name": "index 1.5", "index": "1.5"}],
    },
    {
        "birth": "1966-07", "category": "male", "contribution_months": 150, "average_index": "0.8",
        "account_balance": "50000", "as_of": "2026-11-30",
        "what_ifs": [{"name": "top", "top_up": True}, {"name": "gap", "gap_months": 2, "month": "2027-03"}],
    },
    {
        "birth": "1972-01", "category": "male", "contribution_months": 300, "average_index": "1.2",
        "account_balance": "90000", "special_type": "underground", "special_years": 12, "as_of": "2026-11-30",
        "assumptions": {"horizon_age": 75},
    },
    {
        "birth": "1975-03", "category": "female_55", "contribution_months": 240, "average_index": "0.7",
        "account_balance": "40000", "deemed_months": 24, "weighted_deemed_years": "2", "deemed_account": "1000",
        "as_of": "2026-11-30", "what_ifs": [{"name": "later", "month": "2033-01"}],
    },
)  # fmt: skip
PLAN_VARIANTS: dict[str, tuple[Any, ...]] = {
    "contribution_months": (100, 179, 240),
    "average_index": ("0.4", "2.9"),
    "account_balance": ("0", "900000"),
    "project": (False,),
    "assumptions": (
        {"crediting_rate": "0.01", "crediting_by_year": {2028: "0.05"}},
        {"index": "0.5", "index_by_year": {2027: "2.5"}, "wage_by_year": {2028: "3000"}},
        {"gaps": [{"months": 6}, {"months": 3, "start": "2027-12"}]},
        {"horizon_age": 70, "start": "2026-12"},
        {"growth": {"pension.calc_base": "0", "wages.provincial_average_monthly": "0.1"}},
    ),
}

#: The checklist's profile: each yes/no of the person's situation turned on (or off) in turn.
PROFILE_FLAGS = (
    "history_from_file",
    "history_reviewed",
    "other_province_contributions",
    "other_province_transferred",
    "arrears",
    "duplicate_contributions",
    "served_sentence",
    "by_proxy",
    "housing_fund_account",
    "housing_fund_arrears",
    "hukou_outside_jiangmen",
    "one_child_certificate",
    "one_child_rewarded",
    "only_child_deceased",
    "only_child_adopted",
)
PROFILE_EXTRAS: dict[str, tuple[Any, ...]] = {
    "employer_handles": (False,),
    "employee_medical": (False,),
    "medical_months": (0, 179, 180, 299, 300, 359, 360),
    "medical_local_months": (0, 59, 60, 119, 120),
    "only_child_alive": (True, False),
} | {flag: (True,) for flag in PROFILE_FLAGS}


def variants(name: str, value: Any) -> Iterator[Any]:
    """Other values of an input of the same kind (a month, a day, a count, an amount, a choice)."""
    if name in CHOICES:
        yield from (v for v in CHOICES[name] if v != value)
    elif isinstance(value, bool):
        yield not value
    elif isinstance(value, int):
        yield from (COUNTS if value > 12 else range(0, 13))
    elif isinstance(value, list) and len(value) == 2:
        yield from ([value[0] + dy, m] for dy in (-5, -1, 1, 5) for m in (0, 1, 6, 11))
    elif isinstance(value, str) and re.fullmatch(r"\d{4}-\d\d", value):
        index = int(value[:4]) * 12 + int(value[5:]) - 1
        yield from (f"{(index + s) // 12:04d}-{(index + s) % 12 + 1:02d}" for s in MONTH_SHIFTS)
    elif isinstance(value, str) and re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        from datetime import date, timedelta

        yield from ((date.fromisoformat(value) + timedelta(days=s)).isoformat() for s in DAY_SHIFTS)
    elif isinstance(value, str) and re.fullmatch(r"[\d.]+", value):
        from decimal import Decimal

        yield from (str(Decimal(value) * Decimal(f)) for f in FACTORS)


def essence(value: Any) -> Any:
    """What a result says apart from its words: amounts, months, counts, flags, items, codes."""
    from datetime import date
    from decimal import Decimal
    from enum import Enum

    from pydantic import BaseModel

    if isinstance(value, BaseModel):
        fields = {k: essence(getattr(value, k)) for k in type(value).model_fields if not _is_words(k)}
        warnings = getattr(value, "warnings", None)
        if warnings is not None:
            fields["warnings"] = sorted(w.code for w in warnings)
        return fields
    if isinstance(value, tuple) and hasattr(value, "_asdict"):  # a NamedTuple (the plan's assumptions)
        value = value._asdict()
    if isinstance(value, dict):
        return {str(k): essence(v) for k, v in value.items() if not _is_words(str(k))}
    if isinstance(value, list | tuple | set | frozenset):
        return [essence(v) for v in value]
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, str):
        return value if re.fullmatch(r"[\x21-\x7e]*", value) else "<words>"
    if value is None or isinstance(value, bool | int | Decimal | date):
        return repr(value)
    return str(value)


def _is_words(name: str) -> bool:
    return name.endswith(("_zh", "_en")) or name in {"steps", "label", "name", "note", "text", "title"}


def outcome(fn: str, body: dict[str, Any]) -> str:
    """The essence of one public call as JSON text: the result's, or the refusal's."""
    import jm_socialsec
    from jm_socialsec.engine.errors import SocialSecError

    kwargs = {k: _typed(k, v) for k, v in body.items()}
    try:
        return json.dumps(essence(getattr(jm_socialsec, fn)(**kwargs)), sort_keys=True)
    except SocialSecError as e:
        return json.dumps(["refused", type(e).__name__, e.code, str(getattr(e, "field", ""))])
    except Exception as e:  # a mutant may break anything
        return json.dumps(["crashed", type(e).__name__])


def _typed(name: str, value: Any) -> Any:
    """Days as ``date`` (some functions take no ISO text for a day), the rest as JSON gives it."""
    from datetime import date

    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d\d-\d\d", value) and name != "as_of":
        return date.fromisoformat(value)
    return value


def classify_worker(request: Path) -> None:
    """In the copy (cwd = scratch): the corpus unmutated (noting the functions each call
    reaches), then each survivor on the calls that reach its function."""
    sys.path.insert(0, str(Path.cwd() / "mutants" / "src"))
    sys.path[:] = [p for p in sys.path if Path(p).resolve() != (ROOT / "src").resolve()]
    from mutmut.mutation.trampoline import set_mutant_under_test
    from mutmut.state import state

    import jm_socialsec

    assert Path(jm_socialsec.__file__).is_relative_to(Path.cwd()), jm_socialsec.__file__
    calls = list(corpus())
    set_mutant_under_test("stats")
    baseline, reached = [], []
    for fn, body in calls:
        state()._stats.clear()
        baseline.append(outcome(fn, body))
        reached.append(set(state()._stats))
    answer = {}
    for key in json.loads(request.read_text()):
        function = key.partition("__mutmut_")[0]
        set_mutant_under_test(key)
        changed = any(
            outcome(fn, body) != base
            for (fn, body), base, hit in zip(calls, baseline, reached, strict=True)
            if function in hit
        )
        answer[key] = "amount" if changed else "text-or-none"
    set_mutant_under_test("")
    request.with_suffix(".out.json").write_text(json.dumps(answer))
    print(f"   corpus: {len(calls)} calls, {len(answer)} survivors classified", flush=True)


# ---------------------------------------------------------------- the report


def report(scratch: Path, modules: list[str], classify_survivors: bool, survivors_file: Path | None) -> int:
    """The per-module table; the survivors with their class and diff when asked."""
    codes = {rel: verdicts(scratch, rel) for rel in modules}
    survivors = [k for rel in modules for k, v in codes[rel].items() if STATUS.get(v) == "survived"]
    classes = classify(scratch, survivors) if classify_survivors else {}
    print(f"{'module':32} {'mutants':>7} {'killed':>6} {'surv.':>5} {'t/o':>4} {'other':>5} {'kill%':>6}", end="")
    print(f" {'amount-kill%':>12}")
    totals: Counter[str] = Counter()
    for rel in modules:
        row = _row(codes[rel], classes)
        totals.update(row)
        if row["mutants"]:
            print(_line(rel, row))
    print(_line("all", totals))
    if survivors_file is not None:
        with survivors_file.open("w", encoding="utf-8") as out:
            for rel in modules:
                for key in (k for k, v in codes[rel].items() if STATUS.get(v) == "survived"):
                    out.write(f"### {key} [{classes.get(key, 'unclassified')}]\n{mutant_diff(scratch, rel, key)}\n")
    return 0


def _row(codes: dict[str, int | None], classes: dict[str, str]) -> Counter[str]:
    row: Counter[str] = Counter(mutants=len(codes))
    for key, code in codes.items():
        status = STATUS.get(code, "other")
        row[status if status in {"killed", "survived", "timeout", "not checked"} else "other"] += 1
        row["amount_survived"] += classes.get(key) == "amount"
    return row


def _line(name: str, row: Counter[str]) -> str:
    judged = row["killed"] + row["survived"] + row["timeout"] + row["other"]
    rate = 100 * (row["killed"] + row["timeout"]) / judged if judged else 0.0
    amount = row["killed"] + row["timeout"] + row["amount_survived"]
    amount_rate = 100 * (row["killed"] + row["timeout"]) / amount if amount else 100.0
    pending = f"  ({row['not checked']} not run)" if row["not checked"] else ""
    return (
        f"{name:32} {row['mutants']:7} {row['killed']:6} {row['survived']:5} {row['timeout']:4} "
        f"{row['other']:5} {rate:6.1f} {amount_rate:12.1f}{pending}"
    )


def chosen_modules(every: list[str], modules: list[str], areas: list[str]) -> list[str]:
    """The modules asked for, in the order asked (an area's small rule modules before its api)."""
    by_size = sorted(every, key=lambda rel: (rel.endswith("api.py"), rel))
    chosen = [m for m in modules if m in every]
    chosen += [m for area in areas for m in by_size if m.split("/")[0] == area and m not in chosen]
    return chosen or by_size


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    p.add_argument("--module", action="append", default=[], help="e.g. pension/basic.py (repeatable)")
    p.add_argument("--area", action="append", default=[], choices=AREAS, help="every module of an area")
    p.add_argument("--max-children", type=int, default=1)
    p.add_argument("--scratch", type=Path, default=Path("/tmp/jm_mutation"))
    p.add_argument("--source", choices=("worktree", "head"), default="worktree")
    p.add_argument("--rerun", action="store_const", const="all", default="", help="run every mutant again")
    p.add_argument(
        "--rerun-survivors", dest="rerun", action="store_const", const="survivors", help="run the survivors again"
    )
    p.add_argument("--no-run", action="store_true", help="only report what earlier runs found")
    p.add_argument("--no-classify", action="store_true", help="do not run the survivors against the corpus")
    p.add_argument("--survivors", type=Path, help="write each survivor, its class and diff, to this file")
    p.add_argument(
        "--max-examples", type=int, help="cap every Hypothesis property of the copy's tests at N examples (speed)"
    )
    p.add_argument(
        "--selection-by-pattern",
        action="store_true",
        help="give mutmut tests/ and select the files by TESTS' patterns: a test file added later keeps the verdicts",
    )
    p.add_argument("--classify-worker", type=Path, help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    global MAX_EXAMPLES, BY_PATTERN
    MAX_EXAMPLES, BY_PATTERN = args.max_examples, args.selection_by_pattern
    if args.classify_worker:
        classify_worker(args.classify_worker)
        return 0
    args.scratch.mkdir(parents=True, exist_ok=True)
    if not args.no_run:
        sync_copy(args.scratch, args.source)
    every = rule_modules(args.scratch)
    chosen = chosen_modules(every, args.module, args.area)
    unknown = set(args.module) - set(every)
    if unknown:
        p.error(f"not a rule module: {sorted(unknown)} (one of {every})")
    if not args.no_run:
        run_mutmut(args.scratch, chosen, args.max_children, args.rerun)
    return report(args.scratch, chosen, not args.no_classify, args.survivors)


if __name__ == "__main__":
    sys.exit(main())
