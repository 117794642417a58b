"""The fuzz suite's input space (issue 14, item 1), and the shared converters fuzzed on it.

The strategies below are what a careless or hostile caller sends: valid-looking values of every
kind (days, months, money, indices, month counts, regions, coded choices, in every form the
library documents), edge values, and junk (wrong types, NaN/Infinity, full-width digits,
18-digit ID numbers, datetimes, tuples like ``(None, 1)``, ``Decimal("1E+999999")``). The other
``tests/test_fuzz_*.py`` modules draw from them; this module also fuzzes the converters every
input goes through (``YearMonth.of``, ``Age.of``, ``to_day``, ``parse_decimal``, the input
types) and pins the sanity limits of ``engine/limits.py``.

Budgets: every fuzz test takes ``budget(n, slow)`` examples — ``n`` in the default run, ``slow``
with ``JM_SLOW=1`` (the slow tier CI runs; about 100,000 in all, see docs/testing.md "Fuzzing");
``derandomize=True`` makes each run the same.
"""

from __future__ import annotations

import os
import time
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jm_socialsec import InputError, SocialSecError
from jm_socialsec.engine.errors import BadValue
from jm_socialsec.engine.limits import EARLIEST_YEAR, LARGEST_AMOUNT, LATEST_YEAR
from jm_socialsec.engine.money import parse_decimal, to_decimal
from jm_socialsec.engine.months import Age, YearMonth, month_in
from jm_socialsec.engine.types import DayIn, IndexIn, MoneyIn, MonthIn, MonthsIn, convert, to_day

#: The slow tier (``JM_SLOW=1``, run by ``.ci/run``) multiplies every budget by this.
SLOW = 40 if os.environ.get("JM_SLOW") else 1


def budget(examples: int, slow: int | None = None) -> settings:
    """Reproducible settings (no deadline: CI machines vary): ``examples`` in the default run,
    ``slow`` (default ``examples`` × :data:`SLOW`) in the slow tier."""
    return settings(
        max_examples=(slow or examples * SLOW) if SLOW > 1 else examples,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    )


# ---------------------------------------------------------------------------------------------
# Junk: what no field accepts (or accepts only as a documented refusal).

ID_NUMBERS = ("440703199001011234", "44070319700520002X", "440781196601150018")
ODD_TEXT = (
    "", " ", "abc", "NaN", "nan", "inf", "-Infinity", "sNaN", "1E+999999", "-1e999999", "1E-999999",
    "--", "2026-13", "2026-00", "2026-02-30", "0000-01", "9999-12", "１９６６-０１", "２０２６-１１-２１",
    "１２３", "０.８５", "1,000,000", "￥100", "0x10", "1_000", "十", "男", "∞", "null", "None", "[]",
    "440703-19900101-1234", "4407 0319 9001 0112 34", "４４０７０３１９９００１０１１２３４",
    "2026-11-21T10:30:00", "2026/11", "1966年1月", "<script>", "' OR 1=1", "\x00", "\u200b", "🙂",
    *ID_NUMBERS,
)  # fmt: skip
ODD_VALUES: tuple[Any, ...] = (
    None, True, False, 0, -1, 10**13, -(10**40), 10**4000, 1.5, -0.01, 1e300, 5e-324,
    float("nan"), float("inf"), float("-inf"),
    Decimal("NaN"), Decimal("sNaN"), Decimal("Infinity"), Decimal("-Infinity"),
    Decimal("1E+999999"), Decimal("-1E+999999"), Decimal("1E-999999"), Decimal("1E+20"), Decimal("-0"),
    (None, 1), (2026, None), (2026, 13), (2026,), (2026, 1, 1), ("x", "y"), (Decimal("1E+999999"), 1),
    (Decimal("2026.5"), 1), [1966, 1], {}, {"a": 1}, [], set(), frozenset(), b"2026-01", bytearray(b"1"),
    object(), Fraction(1, 3), complex(1, 1), 440703199001011234,
    datetime(2026, 5, 1, 10, 30), datetime(2026, 5, 1, 23, 59, tzinfo=timezone(timedelta(hours=-12))),
    date(1, 1, 1), date(9999, 12, 31), date(1899, 12, 31), date(2201, 1, 1),
    YearMonth(9999, 12), YearMonth(1, 1), Age(200, 0),
)  # fmt: skip

JUNK: st.SearchStrategy[Any] = st.one_of(
    st.sampled_from(ODD_TEXT),
    st.sampled_from(ODD_VALUES),
    st.text(max_size=12),
    st.integers(),
    st.floats(),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.tuples(st.one_of(st.none(), st.integers(), st.text(max_size=4)), st.one_of(st.none(), st.integers())),
    st.datetimes(),
    st.dates(),
    st.binary(max_size=4),
    st.lists(st.integers(), max_size=3),
)

# ---------------------------------------------------------------------------------------------
# Valid-looking values of each kind, in every form the library documents.

YEARS = st.integers(1930, 2060)


def _full_width(text: str) -> str:
    return text.translate({ord(d): 0xFF10 + int(d) for d in "0123456789"})


@st.composite
def months(draw: st.DrawFn, years: st.SearchStrategy[int] = YEARS) -> Any:
    """A year-month as YearMonth, date, datetime, "YYYY-MM", "YYYY年M月", full-width, (y, m) or [y, m]."""
    y, m = draw(years), draw(st.integers(1, 12))
    forms = [
        YearMonth(y, m), date(y, m, 1), datetime(y, m, 28, 23, 59), f"{y}-{m:02d}", f"{y}年{m}月",
        _full_width(f"{y}-{m:02d}"), (y, m), [y, m], f" {y}/{m} ", (str(y), Decimal(m)),
    ]  # fmt: skip
    return draw(st.sampled_from(forms))


@st.composite
def days(draw: st.DrawFn, years: st.SearchStrategy[int] = YEARS) -> Any:
    """A day as date, datetime (naive or aware), ISO text or full-width ISO text."""
    d = draw(st.dates(date(1930, 1, 1), date(2060, 12, 31)).filter(lambda d: d.year in range(1930, 2061)))
    forms = [d, datetime(d.year, d.month, d.day, 12), d.isoformat(), _full_width(d.isoformat()), f" {d} "]
    return draw(st.sampled_from(forms))


RECENT_DAYS = st.dates(date(2018, 1, 1), date(2030, 12, 31))


@st.composite
def numbers(draw: st.DrawFn, low: int, high: int, places: int = 2) -> Any:
    """An exact decimal in [low, high] as Decimal, text (with thousands commas), int or float."""
    value = draw(st.decimals(low, high, places=draw(st.integers(0, places)), allow_nan=False, allow_infinity=False))
    forms = [value, str(value), f"{value:,}", int(value), float(value)]
    return draw(st.sampled_from(forms))


def money(high: int = 200_000) -> st.SearchStrategy[Any]:
    return st.one_of(numbers(0, high), st.sampled_from([0, "0", Decimal("0.00"), 10**12, "1000000000000"]))


INDEX = st.one_of(numbers(0, 4, 4), st.sampled_from(["0.6", "3", "3.0001", 0, "0"]))
MONTH_COUNTS = st.one_of(st.integers(0, 600), st.integers(0, 600).map(str), st.sampled_from([Decimal("180"), 180.0]))
REGIONS = st.sampled_from(
    ["jiangmen", "pengjiang", "jianghai", "xinhui", "taishan", "kaiping", "heshan", "enping", "台山", "台山市",
     "新会区", "江门", "TaiShan", " 开平 "]
)  # fmt: skip
CATEGORIES = st.sampled_from(["male", "female_55", "female_50", "男", "女工人", "女干部", "女职工（50）", "f55"])
CHOICES = st.sampled_from(["statutory", "flexible_early", "flexible_late", "special", "法定", "提前", "延迟"])
WORK_TYPES = st.sampled_from(["underground", "high_altitude", "high_temperature", "heavy", "harmful", "井下"])
REASONS = st.sampled_from(
    ["contract_expired", "employer_bankrupt", "employer_closed", "dismissed", "agreed_at_employer_proposal",
     "quit_for_employer_fault", "voluntary_resignation", "agreed_at_worker_proposal", "辞退", "合同到期", "辞职"]
)  # fmt: skip
DEPENDENTS = st.sampled_from(["spouse", "relative", "orphan", "lone_elderly", "配偶", "子女", "孤儿"])
AS_OF = st.one_of(st.none(), st.none(), days(st.integers(2016, 2035)), RECENT_DAYS)


def valid_or_junk(valid: st.SearchStrategy[Any], junk_share: int = 6) -> st.SearchStrategy[Any]:
    """``valid`` most of the time (``junk_share - 1`` in ``junk_share``), else junk."""
    return st.one_of(*([valid] * (junk_share - 1)), JUNK)


# ---------------------------------------------------------------------------------------------
# What an error must be: documented, naming a field (or a parameter), messages in both languages.


def assert_documented(err: BaseException, fields: set[str] | None = None) -> None:
    """``err`` is a documented refusal: an InputError naming one of ``fields`` (their roots), or
    NotCovered naming a parameter; never InternalError or TableError; both messages present."""
    assert isinstance(err, SocialSecError), f"undocumented {type(err).__name__}: {err}"
    assert err.code in {"input_invalid", "not_covered"}, f"{err.code}: {err}"
    assert err.message_zh and err.message_en
    assert err.to_dict()["code"] == err.code
    if isinstance(err, InputError):
        for problem in err.errors:
            assert problem.field, err
            root = problem.field.split(".")[0].split("[")[0]
            if fields is not None:
                assert root in fields, f"{problem.field!r} is not one of {sorted(fields)}: {err}"
    else:
        assert isinstance(getattr(err, "param", None), str) and err.param, err


# ---------------------------------------------------------------------------------------------
# The converters, fuzzed: a value or a BadValue, never anything else, and always fast.

ANY_VALUE = st.one_of(JUNK, months(), days(), numbers(-10, 10**6, 4), MONTH_COUNTS)


@budget(200, 16000)
@given(ANY_VALUE)
def test_year_month_of_reads_or_refuses_and_stays_in_the_sanity_years(value: Any) -> None:
    try:
        ym = month_in(value)
    except BadValue as e:
        assert e.reason in {"not_a_month", "out_of_range"}, e
        return
    assert EARLIEST_YEAR <= ym.year <= LATEST_YEAR and 1 <= ym.month <= 12


@budget(200, 16000)
@given(ANY_VALUE)
def test_to_day_reads_or_refuses_and_stays_in_the_sanity_years(value: Any) -> None:
    try:
        day = to_day(value)
    except BadValue as e:
        assert e.reason in {"not_a_date", "out_of_range"}, e
        return
    assert type(day) is date and EARLIEST_YEAR <= day.year <= LATEST_YEAR


@budget(200, 16000)
@given(ANY_VALUE)
def test_parse_decimal_gives_a_finite_number_within_the_limit(value: Any) -> None:
    try:
        number = parse_decimal(value)
    except BadValue as e:
        assert e.reason in {"not_a_number", "out_of_range"}, e
        return
    assert number.is_finite() and abs(number) <= LARGEST_AMOUNT


@budget(150, 16000)
@given(st.one_of(JUNK, st.tuples(st.integers(0, 120), st.integers(0, 11)), st.integers(0, 120)))
def test_age_of_reads_or_refuses(value: Any) -> None:
    try:
        age = Age.of(value)
    except BadValue:
        return
    assert age.years >= 0 and 0 <= age.months <= 11


@budget(200, 16000)
@given(st.sampled_from([DayIn, MonthIn, MoneyIn, IndexIn, MonthsIn]), ANY_VALUE)
def test_the_input_types_name_the_field(kind: Any, value: Any) -> None:
    try:
        convert(kind, value, "the_field")
    except InputError as e:
        assert e.field == "the_field", e


# ---------------------------------------------------------------------------------------------
# Item 7: what a service really sends is read; absurd magnitudes are refused at once.


def test_a_datetime_counts_as_its_date_everywhere_a_day_or_month_is_read() -> None:
    now = datetime(2026, 11, 21, 15, 45, 12)
    assert to_day(now) == date(2026, 11, 21)
    assert YearMonth.of(now) == YearMonth(2026, 11)
    assert convert(DayIn, now, "as_of") == date(2026, 11, 21)


def test_iso_text_full_width_digits_and_decimal_text_are_read() -> None:
    assert to_day("２０２６-１１-２１") == date(2026, 11, 21)
    assert to_day("2026-11-21T15:45:00+08:00") == date(2026, 11, 21)  # datetime.now().isoformat()
    assert YearMonth.of("１９６６-０１") == YearMonth(1966, 1)
    assert parse_decimal("86,500.50") == Decimal("86500.50")
    assert parse_decimal("０.８５") == Decimal("0.85")  # Python's Decimal reads any Unicode digit


@pytest.mark.parametrize("year", [EARLIEST_YEAR - 1, LATEST_YEAR + 1, 1, 9999])
def test_years_outside_the_sanity_limits_are_refused_with_the_reason(year: int) -> None:
    for value in (f"{year:04d}-06", (year, 6)):
        with pytest.raises(BadValue) as err:
            YearMonth.of(value)
        assert err.value.reason == "out_of_range", value
    for value in (date(year, 6, 1), YearMonth(year, 6)):  # rules convert their own dates with YearMonth.of
        with pytest.raises(BadValue) as err:
            month_in(value)
        assert err.value.reason == "out_of_range", value
        with pytest.raises(InputError) as err:
            convert(MonthIn, value, "birth")
        assert err.value.field == "birth"
    for day in (date(year, 6, 1), f"{year:04d}-06-01"):
        with pytest.raises(BadValue) as err:
            to_day(day)
        assert err.value.reason == "out_of_range", day


def test_the_limits_themselves_are_accepted() -> None:
    assert YearMonth.of((EARLIEST_YEAR, 1)) == YearMonth(1900, 1)
    assert to_day(f"{LATEST_YEAR}-12-31") == date(2200, 12, 31)
    assert parse_decimal(10**12) == Decimal(10) ** 12
    with pytest.raises(BadValue):
        parse_decimal(10**12 + 1)
    with pytest.raises(BadValue):
        parse_decimal("1000000000000.01")


def test_an_id_number_in_a_money_field_is_refused_naming_the_field() -> None:
    """Before: 440703199001011234 was read as a wage of 4.4 × 10¹⁷ yuan and printed back."""
    for text in (*ID_NUMBERS[:1], "440703199001011234.00", "4.4E17"):
        with pytest.raises(InputError) as err:
            to_decimal(text, "wage", non_negative=True)
        assert err.value.field == "wage" and err.value.reason == "out_of_range"


ABSURD = (Decimal("1E+999999"), Decimal("-1E+999999"), 10**4000, -(10**4000), Decimal("1E-999999"), "9" * 100_000)


@pytest.mark.parametrize(
    "absurd", ABSURD, ids=["1E+999999", "-1E+999999", "10**4000", "-10**4000", "1E-999999", "9*1e5"]
)
def test_an_absurd_magnitude_is_refused_at_once(absurd: Any) -> None:
    """Before: a year of Decimal("1E+999999") cost 36-58 s of CPU (int() of a million digits).

    Not a benchmark: the bound is four orders of magnitude above the cost now (microseconds) and
    far below the cost before, so only a return of the pathology fails it.
    """
    start = time.perf_counter()
    for convert_it in (
        lambda: YearMonth.of((absurd, 1)),
        lambda: YearMonth.of((2026, absurd)),
        lambda: Age.of((absurd, 0)),
        lambda: parse_decimal(absurd),
    ):
        with pytest.raises(BadValue):
            convert_it()
    assert time.perf_counter() - start < 1.0
