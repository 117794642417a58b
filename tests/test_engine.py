"""The engine (issue 10): rules declare their rounding, the trace explains, words are catalogued.

Mechanism tests use rules defined here (area ``enginetest``, figures from the synthetic tables of
conftest.py, not from the law). The catalogue tests run over every rule of the package.
"""

from __future__ import annotations

import ast
import re
from datetime import date
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

import jm_socialsec
from jm_socialsec.engine.evaluate import steps_from
from jm_socialsec.engine.params import At, Params
from jm_socialsec.engine.texts import catalogue, fill, pair, placeholders
from jm_socialsec.engine.trace import RULES, Rounding, fen, rule, tracing, version


@rule("enginetest.share", ref="synthetic", rounding=fen("synthetic: to the fen"))
def share(at: At, base: Decimal) -> Fraction:
    return Fraction(base) * Fraction(at("test.open")) / 3


@rule("enginetest.helper", ref="synthetic", step=False)
def helper(at: At, x: Decimal) -> Decimal:
    return x + at("test.base")


@rule("enginetest.outer", ref="synthetic")
def outer(at: At, x: Decimal) -> Decimal:
    return helper(at, x) + share(at, x)


@rule("enginetest.old", ref="synthetic", until=date(2024, 12, 31))
def old(at: At) -> int:
    return 1


@rule("enginetest.new", ref="synthetic", since=date(2025, 1, 1))
def new(at: At) -> int:
    return 2


@pytest.mark.usefixtures("synthetic")
class TestRules:
    def test_declared_rounding_is_applied_once_exactly(self) -> None:
        # 100.05 × 0.25 / 3 = 8.3375 exactly → 8.34 (half-up), with no rounded intermediate.
        at = Params(date(2026, 1, 1)).at(date(2025, 6, 1))
        assert share(at, Decimal("100.05")) == Decimal("8.34")

    def test_untraced_call_records_nothing_but_the_reads(self) -> None:
        params = Params(date(2026, 1, 1))
        outer(params.at(date(2025, 6, 1)), Decimal(3))
        assert [pv.id for pv in params.used] == ["test.base", "test.open"]

    def test_trace_is_a_tree_of_calls_with_inputs_reads_and_results(self) -> None:
        params = Params(date(2026, 1, 1))
        with tracing() as root:
            result = outer(params.at(date(2025, 6, 1)), Decimal(3))
        (node,) = root.children
        assert node.rule == "enginetest.outer" and node.inputs == {"x": Decimal(3)}
        assert [c.rule for c in node.children] == ["enginetest.helper", "enginetest.share"]
        # base 110 (test.base 2025) + 3 = 113; 3 × 0.25 / 3 = 0.25; 113.25
        assert node.result == result == Decimal("113.25")
        assert [pv.id for pv in node.children[0].params] == ["test.base"]

    def test_steps_come_from_the_trace_helpers_fold_into_their_caller(self) -> None:
        params = Params(date(2026, 1, 1))
        with tracing() as root:
            outer(params.at(date(2025, 6, 1)), Decimal(3))
        steps = steps_from(root)
        assert [s.id for s in steps] == ["share", "outer"]
        assert [pv.id for pv in steps[1].params] == ["test.base"]  # read by the hidden helper

    def test_one_version_in_force_per_date(self) -> None:
        assert version((old, new), date(2024, 12, 31)) is old
        assert version((old, new), date(2025, 1, 1)) is new

    def test_rounding_of_decimal_and_fraction_agree(self) -> None:
        r = Rounding(Decimal("0.01"), "x")
        assert r(Decimal("698.025")) == r(Fraction(279210, 400)) == Decimal("698.03")


def test_fill_replaces_placeholders_and_refuses_unknown_names() -> None:
    values = {"pension.basic_rate_per_year": Decimal("0.01"), "result": Decimal("5")}
    assert fill("× {pension.basic_rate_per_year:pct} = {result}", values) == "× 1% = 5"
    with pytest.raises(jm_socialsec.InternalError):
        fill("{nope}", values)


# ------------------------------------------------------------------------- the whole package


def _all_rules() -> dict[str, object]:
    for area in ("retirement", "pension", "unemployment", "injury", "checklist"):
        __import__(f"jm_socialsec.{area}")
    return {k: v for k, v in RULES.items() if not k.startswith("enginetest.")}


def test_every_rule_shown_has_words_in_both_languages() -> None:
    missing = []
    for rid, info in _all_rules().items():
        if not info.step:  # type: ignore[attr-defined]
            continue
        words = catalogue(info.area).get(info.name, {})  # type: ignore[attr-defined]
        zh, en = pair(words, "label")
        if not (zh.strip() and en.strip()):
            missing.append(rid)
    assert missing == []


def test_every_placeholder_names_an_input_a_parameter_a_rule_or_the_result() -> None:
    from jm_socialsec.engine.tables import registry

    params = set(registry())
    bad = []
    for rid, info in _all_rules().items():
        names = {r.split(".", 1)[1] for r in RULES if r.startswith(f"{info.area}.")}  # type: ignore[attr-defined]
        known = params | set(info.inputs) | names | {"result"}  # type: ignore[attr-defined]
        words = catalogue(info.area).get(info.name, {})  # type: ignore[attr-defined]
        for key in ("label", "formula", "note", "calc"):
            for text in pair(words, key):
                bad += [(rid, key, n) for n in placeholders(text) if n not in known]
    assert bad == []


NUMBER = re.compile(r"(?<![\w.{])(\d+(?:\.\d+)?)(%?)(?![\w}])")


def test_no_table_figure_is_typed_into_a_text() -> None:
    """A formula shows a figure only through a placeholder: "× 1%" is a bug, "× {rate:pct}" is not."""
    from jm_socialsec.engine.tables import registry

    figures: set[Decimal] = set()
    for p in registry().values():
        for v in p.values:
            values = v.value.values() if isinstance(v.value, dict) else [v.value]
            figures |= {x for x in values if isinstance(x, Decimal) and x not in {0, 1, 2, 12}}
    found = []
    for rid, info in _all_rules().items():
        words = catalogue(info.area).get(info.name, {})  # type: ignore[attr-defined]
        for key in ("label", "formula", "note"):
            for text in pair(words, key):
                for number, pct in NUMBER.findall(text):
                    value = Decimal(number) / (100 if pct else 1)
                    if value in figures:
                        found.append((rid, key, number + pct))
    assert found == []


def test_no_function_in_the_package_is_longer_than_60_lines() -> None:
    root = Path(jm_socialsec.__file__).parent
    long = []
    for path in root.rglob("*.py"):
        if path.name == "cli.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                n = (node.end_lineno or node.lineno) - node.lineno + 1
                if n > 60:
                    long.append(f"{path.relative_to(root)}:{node.name} ({n})")
    assert long == []


def test_reading_only_the_amounts_builds_no_explanation(monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 10: a caller who reads only ``.total`` pays for no steps (they are built on first read)."""
    from jm_socialsec import estimate_pension
    from jm_socialsec.engine import evaluate as ev

    built: list[int] = []
    real = ev.steps_from
    monkeypatch.setattr(ev, "steps_from", lambda root: built.append(1) or real(root))
    r = estimate_pension(
        birth="1966-01", category="male", contribution_months=312, average_index="0.85",
        account_balance="86500", region="台山", as_of=date(2026, 11, 21),
    )  # fmt: skip
    assert r.total > 0 and r.warnings  # warnings come from the first run's record, no replay
    assert built == []
    assert [s.id for s in r.steps][-1] == "total_pension"
    assert built == [1]
    r.explain()
    r.to_json()
    assert built == [1]  # built once, then kept


@pytest.mark.usefixtures("synthetic")
def test_memo_replays_the_reads_and_is_skipped_for_overrides_and_traces() -> None:
    from jm_socialsec.engine.trace import memo

    runs: list[int] = []

    @memo
    def sub(params: Params, x: int) -> Decimal:
        runs.append(x)
        return params.at(date(2025, 6, 1))("test.base") + x

    first, second = Params(date(2026, 1, 1)), Params(date(2026, 1, 1))
    assert sub(first, 1) == sub(second, 1) == Decimal(111)  # test.base 2025 = 110
    assert runs == [1]  # the second calculation reused the first
    assert [pv.id for pv in second.used] == ["test.base"]  # and still cites what it rests on
    assert sub(Params(date(2026, 1, 1), {"test.base": 5}), 1) == Decimal(6)  # a what-if is computed
    with tracing() as root:
        sub(Params(date(2026, 1, 1)), 1)
    assert runs == [1, 1, 1]  # a trace needs the calls
    assert [pv.id for pv in root.params] == ["test.base"]  # and records the reads


@pytest.mark.usefixtures("synthetic")
def test_a_memo_replays_the_trace_of_its_first_traced_run() -> None:
    """``memo`` (engine/trace.py): under a trace, a hit adds the nodes its first traced run made
    (the same objects: a node is not changed once made), so the step made from one is made once."""
    from jm_socialsec.engine.trace import memo

    runs: list[Decimal] = []

    @memo
    def sub(at: At, x: Decimal) -> Decimal:
        runs.append(x)
        return outer(at, x)

    day = date(2025, 6, 1)
    with tracing() as first:
        sub(Params(date(2026, 1, 1)).at(day), Decimal(3))
    again = Params(date(2026, 1, 1))
    with tracing() as second:
        sub(again.at(day), Decimal(3))
    assert runs == [Decimal(3)]  # the second trace took it from the memo
    assert second.children == first.children and second.children[0] is first.children[0]
    assert [pv.id for pv in again.used] == ["test.base", "test.open"]  # still cited
    assert steps_from(second)[0] is steps_from(first)[0]  # one step object for the shared node
    with tracing() as other_day:  # the date an At is bound to is part of the key
        sub(Params(date(2026, 1, 1)).at(date(2025, 7, 1)), Decimal(3))
    assert runs == [Decimal(3), Decimal(3)] and other_day.children[0] is not first.children[0]


def test_a_result_without_a_required_field_is_an_internal_error() -> None:
    """``build`` (engine/evaluate.py): a compute that forgets a required field is a bug in the
    library, said as one (InternalError naming the field), never a result missing it."""
    from jm_socialsec.engine.errors import InternalError
    from jm_socialsec.engine.evaluate import build
    from jm_socialsec.engine.explain import Explained, Explanation

    class Sample(Explained):
        count: int

    with pytest.raises(InternalError, match="count"):
        build(Sample, {"as_of": date(2026, 1, 1)}, lambda: Explanation((), ()))


@pytest.mark.usefixtures("synthetic")
def test_an_opaque_memo_is_never_traced() -> None:
    """``opaque_memo`` (engine/trace.py): a sub-calculation whose steps are not the caller's runs
    untraced, so an explanation's replay takes it from the memo, still citing its reads."""
    from jm_socialsec.engine.trace import opaque_memo

    runs: list[int] = []

    def body(params: Params, x: int) -> Decimal:
        runs.append(x)
        return params.at(date(2025, 6, 1))("test.base") + x

    sub = opaque_memo(body)
    assert sub(Params(date(2026, 1, 1)), 1) == Decimal(111)
    traced = Params(date(2026, 1, 1))
    with tracing() as root:
        assert sub(traced, 1) == Decimal(111)
    assert runs == [1]  # the replay took it from the memo
    assert [pv.id for pv in traced.used] == ["test.base"] and not root.params  # cited, not a step's read
    with tracing() as root:
        assert sub(Params(date(2026, 1, 1)), 2) == Decimal(112)  # a first run under a trace
        assert sub(Params(date(2026, 1, 1), {"test.base": 5}), 2) == Decimal(7)  # a what-if, untraced too
    assert runs == [1, 2, 2] and not root.params


# ---------------------------------------------------------------------------------------------
# Speed without changed results (issue 10): what is shared between calculations is only what
# cannot differ between them.


@pytest.mark.usefixtures("synthetic")
def test_a_resolved_value_is_shared_only_by_calculations_that_know_as_much() -> None:
    on = date(2025, 6, 1)
    first = Params(date(2026, 1, 1)).get("test.base", on)
    second = Params(date(2026, 1, 1)).get("test.base", on)
    assert second is first  # resolved once: the tables and the day of knowledge are the same
    assert first.value == Decimal(110) and not first.provisional  # 2025's 110, published 2025-10-27
    earlier = Params(date(2025, 6, 30)).get("test.base", on)  # before 2025's figure was published
    assert earlier.value == Decimal(100) and earlier.provisional  # 2024's, provisionally (interim)
    what_if = Params(date(2026, 1, 1), {"test.base": 7}).get("test.base", on)
    assert what_if.value == Decimal(7) and what_if.overridden
    assert Params(date(2026, 1, 1)).get("test.base", on) is first  # the what-if was not shared


@pytest.mark.usefixtures("synthetic")
def test_a_value_owes_its_warnings_once_however_often_it_is_read() -> None:
    from jm_socialsec.engine.explain import notices_for, owed

    pv = Params(date(2026, 1, 1)).get("test.base", date(2025, 6, 1))  # 2025: secondary (doc-b)
    assert owed(pv) is owed(pv)  # made once per value
    notices = notices_for([pv, pv])
    assert [(n.code, n.param) for n in notices] == [("status_secondary", "test.base")]
    assert "110" in notices[0].en and "secondary" in notices[0].en


def test_results_share_immutable_defaults_but_not_mutable_ones() -> None:
    from pydantic import Field

    from jm_socialsec.engine.evaluate import build
    from jm_socialsec.engine.explain import Explained, Explanation

    class Sample(Explained):
        count: int = 0
        seen: list[int] = Field(default_factory=list)

    def nothing() -> Explanation:
        return Explanation((), ())

    one = build(Sample, {"as_of": date(2026, 1, 1)}, nothing)
    two = build(Sample, {"as_of": date(2026, 1, 1)}, nothing)
    assert one.count == two.count == 0
    one.seen.append(1)
    assert two.seen == []  # a list default is made anew for each result
    assert list(one.model_dump()) == ["as_of", "count", "seen", "steps", "warnings"]  # the model's order
