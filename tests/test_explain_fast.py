"""The explanation made cheaper (issue 10): each shortcut must write exactly what the long way writes.

Money is laid out by the locale's pattern (CLDR, read through babel: ``#,##0.00`` with every
further digit the exact value has); exact decimals as ``format(value, "f")``; JSON money as
``money_text``; a step's values gathered for the names its texts use only; a catalogue text
filled once per step. Each test compares the shortcut with the reference it replaces, over
generated values and over every rule the package traces.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest
from babel.numbers import format_decimal
from hypothesis import example, given, settings
from hypothesis import strategies as st
from pydantic_core import to_jsonable_python

import jm_socialsec
from jm_socialsec import estimate_pension, injury_benefits, unemployment_benefit
from jm_socialsec.engine.evaluate import _reads, _unique, _values, plan_of
from jm_socialsec.engine.explain import fmt, json_scalar, notices_for
from jm_socialsec.engine.fmt import LOCALES, money, plain
from jm_socialsec.engine.jsonout import scalar_json
from jm_socialsec.engine.money import fen_text, money_text
from jm_socialsec.engine.months import Age
from jm_socialsec.engine.params import Params
from jm_socialsec.engine.tables import Unit
from jm_socialsec.engine.texts import fill, fill_all, layout
from jm_socialsec.engine.trace import RULES, tracing
from jm_socialsec.pension.exact import Mixed, Months, Ratio

AS_OF = date(2026, 11, 21)

#: Decimals as a calculation makes them: amounts in 分, exact quotients, integers with an
#: exponent (1E+3), tiny ratios, negatives (a difference) — at most 20 digits (babel's range).
DECIMALS = st.builds(
    lambda digits, exponent, negative: Decimal(digits).scaleb(exponent) * (-1 if negative else 1),
    st.integers(0, 10**15),
    st.integers(-12, 4),
    st.booleans(),
)


@settings(max_examples=400, deadline=None)
@given(value=DECIMALS, lang=st.sampled_from(sorted(LOCALES)))
def test_money_is_laid_out_as_the_locales_pattern(value: Decimal, lang: str) -> None:
    """CLDR's decimal pattern ``#,##0.00`` for zh_CN and en (via babel): grouped by thousands, at
    least two decimals, never rounded."""
    expected = format_decimal(value, format="#,##0.00", locale=LOCALES[lang], decimal_quantization=False)
    assert money(value, lang) == expected


def test_money_by_hand() -> None:
    """Hand-written layouts: grouping, two decimals at least, every further digit kept, the sign."""
    assert money(Decimal(184000)) == "184,000.00"
    assert money(Decimal("5509.800"), "en") == "5,509.80"
    assert money(Decimal("1862.29")) == "1,862.29"
    assert money(Decimal("0.005")) == "0.005"
    assert money(Decimal("-0.50")) == "-0.50"
    assert money(Decimal("-1234567.5")) == "-1,234,567.50"
    assert money(Decimal("1E+3")) == "1,000.00"


@settings(max_examples=400, deadline=None)
@given(value=DECIMALS)
def test_exact_decimals_and_json_money_are_written_as_before(value: Decimal) -> None:
    """``plain`` is ``format(v, "f")``; ``fen_text`` is ``money_text`` (JSON money, exact)."""
    assert plain(value) == format(value, "f")
    assert fen_text(value) == money_text(value)


def test_exact_decimals_by_hand() -> None:
    assert plain(Decimal("1E+3")) == "1000"  # str() would write 1E+3
    assert plain(Decimal("1E-7")) == "0.0000001"
    assert fen_text(Decimal(9493)) == "9493.00"
    assert fen_text(Decimal("1.505")) == "1.505"  # finer than 分: every digit, not rounded
    assert fen_text(Decimal("2.500")) == "2.50"


@settings(max_examples=300, deadline=None)
@given(value=DECIMALS, unit=st.sampled_from([None, *Unit]), lang=st.sampled_from(["zh", "en"]))
def test_a_decimal_is_printed_with_its_unit_as_before(value: Decimal, unit: Unit | None, lang: str) -> None:
    """The print-out's rule: money grouped, a rate as a percentage, another number as ``str``
    writes it; then the unit's words (none for a rate) after a space."""
    if unit in {Unit.YUAN, Unit.YUAN_PER_MONTH, Unit.YUAN_PER_YEAR, Unit.YUAN_PER_HOUR}:
        text = money(value, lang)
    elif unit is Unit.RATE:
        text = f"{(value * 100).normalize():f}%"
    else:
        text = str(value)
    words = "" if unit is None or unit is Unit.RATE else (unit.zh if lang == "zh" else unit.en)
    assert fmt(value, unit, lang) == f"{text} {words}".rstrip()


def test_a_layout_fills_several_texts_as_fill_fills_each() -> None:
    values = {"rate": Decimal("0.08"), "base": Decimal("9493"), "result": Decimal("759.44")}
    texts = (("费率 {rate:pct}，{base} × {rate} = {result}", "zh"), ("rate {rate:pct} {{not a name} {", "en"))
    plan = layout(texts)
    assert fill_all(plan, values) == [fill(text, values, lang) for text, lang in texts]
    assert fill_all(plan, values) == ["费率 8%，9493 × 0.08 = 759.44", "rate 8% {{not a name} {"]
    assert len(plan.shown) == 5  # a value named twice in one language is shown once
    odd = {**values, "base": "a\0b"}  # a value holding the layout's separator: filled text by text
    assert fill_all(plan, odd) == [fill(text, odd, lang) for text, lang in texts]
    with pytest.raises(jm_socialsec.InternalError, match="nope"):
        fill_all(layout((("{nope}", "zh"),)), values)


def _traces() -> list[object]:
    """Traced calculations of three areas, each with its root node."""
    runs = []
    for make in (
        lambda: estimate_pension(
            birth="1966-01", category="male", contribution_months=312, average_index="0.55",
            account_balance="86500", deemed_months=60, deemed_account="2400", weighted_deemed_years="5.2",
            as_of=AS_OF,
        ),
        lambda: unemployment_benefit("2024-06", "jiangmen", 60, reason="contract_expired", as_of=AS_OF),
        lambda: injury_benefits(5, "2025-03-01", "6000", as_of=AS_OF),
    ):  # fmt: skip
        compute, args, as_of, overrides = make()._explainer.args  # type: ignore[attr-defined]
        with tracing() as root:
            compute(Params(as_of, overrides), *args)
        runs.append(root)
    return runs


def test_a_step_gathers_the_values_its_texts_name_as_the_whole_gathering_finds_them() -> None:
    """For every shown rule of three areas: the values gathered by name are those of the full
    gathering (inputs over sub-results over values read; ``result`` last)."""
    checked = 0
    for root in _traces():
        for node in root.walk():  # type: ignore[attr-defined]
            plan = plan_of(node.rule)
            if not RULES[node.rule].step or not plan.names:
                continue
            reads = _unique(_reads(node))
            full = _values(node, reads)
            assert _values(node, reads, plan.names) == {name: full[name] for name in plan.names}
            checked += 1
    assert checked >= 10


@pytest.mark.parametrize(
    "value",
    [Ratio(313, 12), Months(91, 4), Mixed(91, 4), Fraction(1, 3), Age(60, 3), (Decimal("1.5"), 2), ("a", True, None)],
)
def test_a_step_value_is_written_to_json_as_pydantic_infers_it(value: object) -> None:
    """A fraction as its text, a tuple as a list: what pydantic's own inference writes."""
    assert scalar_json(value) == to_jsonable_python(json_scalar(value))


def test_a_value_read_many_times_owes_its_warnings_once() -> None:
    """An override owes one warning, however often the value was read (and whatever was between)."""
    params = Params(AS_OF, {"pension.low_index_threshold": "0.7"})
    pv = params.get("pension.low_index_threshold", date(2025, 1, 1))
    other = params.get("pension.basic_rate_per_year", date(2025, 1, 1))
    notices = notices_for([pv, other, pv, pv])
    assert [(n.code, n.param) for n in notices if n.param == pv.id] == [("override", pv.id)]
    assert notices == notices_for([pv, other])


@given(st.integers(-(10**9), 10**12), st.integers(1, 10**9))
@example(0, 1)
@example(5, 100_000)  # 0.00005: half a unit of the last place shown, up
@example(49_999, 1_000_000_000)  # just below half: down
@example(312, 12)
def test_a_ratio_prints_as_shown_writes_it(numerator: int, denominator: int) -> None:
    """``Ratio.__str__`` (pension/exact.py, in integers) is ``shown``'s text: half-up to 4 places."""
    from jm_socialsec.pension.exact import shown

    value = Ratio(numerator, denominator)
    assert str(value) == str(shown(value))
