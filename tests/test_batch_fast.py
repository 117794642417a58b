"""The batch's fast path (issue 13, speed): exact on every row it keeps, and the boundaries it draws.

The fast path (``jm_socialsec.batch.fast``) computes the statutory rows in int64 fixed point by
chunks and sends every other row to the general path. What could go wrong is at its edges: the
byte-level readers (a "YYYY-MM" decoded from its bytes, a category matched on its string view, a
float read as the decimal it stands for), the int64 bounds (a cohort that could overflow must go
to the general path), the chunk boundaries and the splice of general rows back into place. Each
is checked against the scalar ``estimate_pension`` (the reference, row by row) or against the
rule it implements (``YearMonth.of``, ``Decimal(repr(x))``, exact rounding with ``Fraction``).
"""

from __future__ import annotations

import gc
import random
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest

pa = pytest.importorskip("pyarrow")
np = pytest.importorskip("numpy")
hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from jm_socialsec.batch import api, cohorts, estimate_pensions, fast, fastout  # noqa: E402
from jm_socialsec.batch import fastread as fr  # noqa: E402
from jm_socialsec.engine.months import YearMonth  # noqa: E402
from jm_socialsec.engine.params import Params  # noqa: E402
from test_batch import AS_OF, compare, roster, scalar, table_of  # noqa: E402

CATEGORY = ["male", "female_55", "female_50"]


def _clean(n: int, seed: int) -> list[dict[str, Any]]:
    """Statutory rows the fast path takes: birth + category, numbers, deemed time with weighted years."""
    rng = random.Random(seed)
    rows = []
    for _ in range(n):
        cat = rng.choice(CATEGORY)
        first = {"male": 1960, "female_55": 1965, "female_50": 1970}[cat]
        months = rng.randint(0, 520)
        row: dict[str, Any] = {
            "birth": f"{rng.randint(first, first + 9)}-{rng.randint(1, 12):02d}",
            "category": cat,
            "contribution_months": months,
            "average_index": round(rng.uniform(0.05, 3.0), rng.choice([1, 2, 4, 6])),
            "account_balance": round(rng.uniform(0, 500_000), rng.choice([0, 2, 3])),
        }
        if rng.random() < 0.3 and months:
            deemed = rng.randint(1, min(months, 250))
            row.update(deemed_months=deemed, deemed_account=round(rng.uniform(0, 40_000), 2),
                       weighted_deemed_years=round(rng.uniform(0, deemed / 12 * 1.3), 4))  # fmt: skip
        rows.append(row)
    return rows


def _general_rows(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the rows sent to the general path by ``estimate_pensions``."""
    sent: list[int] = []
    real = api.general_columns

    def spy(table: Any, params: Any, overrides: Any) -> Any:
        sent.append(table.num_rows)
        return real(table, params, overrides)

    monkeypatch.setattr(api, "general_columns", spy)
    return sent


def test_clean_statutory_rows_take_the_fast_path_and_match_the_scalar_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """A roster of birth + category rows never reaches the general path, and every row is the
    scalar path's (amounts to the 分, ineligible rows, the working-life refusal)."""
    sent = _general_rows(monkeypatch)
    rows = _clean(3000, seed=31)
    assert compare(rows, estimate_pensions(table_of(rows), as_of=AS_OF)) > 500
    assert sent == []


def test_mixed_rows_are_spliced_back_in_place_across_chunk_edges(monkeypatch: pytest.MonkeyPatch) -> None:
    """Chunks of 37 rows over a table of ragged Arrow chunks: rows of both paths, in order."""
    sent = _general_rows(monkeypatch)
    monkeypatch.setattr(fast, "CHUNK", 37)
    rows = roster(1500, seed=41)
    whole = table_of(rows)
    ragged = pa.concat_tables([whole.slice(a, b - a) for a, b in [(0, 5), (5, 300), (300, 301), (301, 1500)]])
    assert ragged.column("birth").num_chunks == 4
    compare(rows, estimate_pensions(ragged, as_of=AS_OF))
    assert 0 < sum(sent) < len(rows)  # both paths were used


def test_dictionary_and_irregular_month_text_read_as_the_scalar_path_reads_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A dictionary-encoded birth and category (as read from Parquet; chunks of 64 rows share the
    dictionary, parsed once), months written "1966-7", "1966/07" or with spaces, and category
    codes in another spelling: the scalar answer each."""
    monkeypatch.setattr(fast, "CHUNK", 64)
    rows = _clean(400, seed=5)
    odd = ["1966-7", "1966/07", " 1966-07 ", "1966年7月", "1966-13", "1899-12", None, "2026-12"]
    for i, text in enumerate(odd):
        rows[i]["birth"] = text
    rows[20]["category"], rows[21]["category"], rows[22]["category"] = "MALE", None, "femal_55"
    table = table_of(rows)
    compare(rows, estimate_pensions(table, as_of=AS_OF))
    encoded = table.set_column(0, "birth", table.column("birth").dictionary_encode())
    encoded = encoded.set_column(1, "category", encoded.column("category").dictionary_encode())
    compare(rows, estimate_pensions(encoded, as_of=AS_OF))


def test_birth_as_dates_including_before_1900_is_the_scalar_answer() -> None:
    """A date32 birth column is read per value (its month); a birth before the cohort table's
    first month (1900-01) is not clipped onto it: the general path answers (the scalar refusal)."""
    rows = _clean(200, seed=12)
    table = table_of(rows)
    for r in rows:
        y, m = (int(p) for p in r["birth"].split("-"))
        r["birth"] = date(y, m, 15)
    rows[0]["birth"], rows[1]["birth"] = date(1850, 3, 1), date(1899, 12, 31)
    table = table.set_column(0, "birth", pa.array([r["birth"] for r in rows], pa.date32()))
    compare(rows, estimate_pensions(table, as_of=AS_OF))


def test_integer_and_decimal_columns_are_read_exactly() -> None:
    """Balances as int64 and as decimal128(20, 3), indices as decimal128(10, 4): the scalar answer."""
    rows = _clean(300, seed=8)
    table = table_of(rows)
    for r in rows:
        r["account_balance"] = int(r["account_balance"])
        r["average_index"] = Decimal(str(r["average_index"])).quantize(Decimal("0.0001"))
    index = table.schema.get_field_index("average_index")
    balance = table.schema.get_field_index("account_balance")
    table = table.set_column(index, "average_index", pa.array([r["average_index"] for r in rows], pa.decimal128(10, 4)))
    as_int = table.set_column(balance, "account_balance", pa.array([r["account_balance"] for r in rows], pa.int64()))
    compare(rows, estimate_pensions(as_int, as_of=AS_OF))
    money = pa.array([Decimal(r["account_balance"]) for r in rows], pa.decimal128(20, 3))
    compare(rows, estimate_pensions(table.set_column(balance, "account_balance", money), as_of=AS_OF))


def test_a_cohort_that_could_overflow_int64_goes_to_the_general_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """A rate per year of 0.0100000001 (an override, 10 places) puts the basic line over a
    denominator above 2⁶²: those rows are computed by the general path (Python integers) and still
    equal the scalar path."""
    sent = _general_rows(monkeypatch)
    rows = _clean(60, seed=9)
    overrides = {"pension.basic_rate_per_year": "0.0100000001"}
    out = estimate_pensions(table_of(rows), as_of=AS_OF, overrides=overrides).to_pylist()
    from jm_socialsec import estimate_pension

    for row, got in zip(rows, out, strict=True):
        try:
            want = estimate_pension(**row, as_of=AS_OF, overrides=overrides)
        except Exception as e:
            assert got["error_code"] == e.code  # type: ignore[attr-defined]
            continue
        assert (got["total"], got["basic"]) == (want.total, want.basic)
    assert sum(sent) > 0


@given(
    kh=st.integers(0, 10**9), kl=st.integers(0, 10**9), d=st.integers(1, 10**15),
    limit=st.integers(-5, 2000), ka=st.integers(0, 10**6), da=st.integers(1, 10**12),
)  # fmt: skip
@settings(max_examples=300, deadline=None)
def test_a_cohort_not_marked_wide_keeps_every_numerator_below_2_to_the_62(
    kh: int, kl: int, d: int, limit: int, ka: int, da: int
) -> None:
    """The bound the fast path relies on: for the largest inputs a kept row can have (months
    within the working life, the index at its ceiling of 3, money at 10⁹ 元), 2·numerator + d < 2⁶²."""
    c = cohorts.Cohort(kh=kh, kl=kl, d=d, limit=limit, ka=ka, da=da)
    x_max = 3 * cohorts.INDEX_SCALE
    cohorts._check_bounds(c, x_max)
    m = max(limit, 0)
    worst = max(kh * (cohorts.INDEX_SCALE + x_max) * m, kl * x_max * m)
    fits = 2 * worst + d < 2**62 and 2 * ka * cohorts.MONEY_MAX + da < 2**62
    if not c.wide:
        assert fits


@given(num=st.integers(0, 2**40), den=st.integers(1, 2**20))
@settings(max_examples=300, deadline=None)
def test_half_up_is_the_exact_quotient_rounded_half_up(num: int, den: int) -> None:
    """``_half_up`` (both forms: an even scalar, any array) equals ⌊num/den + ½⌋ computed with Fraction."""
    want = int(Fraction(num, den) + Fraction(1, 2))  # num ≥ 0: int() is the floor
    assert int(fast._half_up(np.array([num], np.int64), den)[0]) == want
    assert int(fast._half_up(np.array([num], np.int64), np.array([den], np.int64))[0]) == want


_DIGITS = st.sampled_from(list("0123456789-/ x年"))


@given(st.one_of(st.text(_DIGITS, min_size=7, max_size=7), st.builds(
    lambda y, m: f"{y:04d}-{m:02d}", st.integers(1800, 2300), st.integers(0, 13))))  # fmt: skip
@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_month_bytes_decode_only_canonical_months_and_to_the_scalar_month(text: str) -> None:
    """A 7-byte text is ok exactly when it is "YYYY-MM" within 1900–2200, and then its index is
    ``YearMonth.of(text)``'s (anything else goes to the general path, which parses it)."""
    arr = pa.array([text, "2000-01"])
    seven = fr.seven_bytes(arr)
    if seven is None:  # not 7 bytes of UTF-8 (a multi-byte character)
        return
    index, ok = fr.month_index(seven)
    canonical = len(text) == 7 and text[4] == "-" and text[:4].isascii() and text[:4].isdigit()
    canonical = canonical and text[5:].isdigit() and 1900 <= int(text[:4]) <= 2200 and 1 <= int(text[5:]) <= 12
    assert bool(ok[0]) is canonical
    if canonical:
        assert int(index[0]) == YearMonth.of(text).index
    views_index, views_ok = fr.month_index_views(fr.views(arr))
    assert bool(views_ok[0]) is canonical and (not canonical or views_index[0] == index[0])


@given(st.text(st.sampled_from(list("femal_0512 MALE男")), max_size=14))
@settings(max_examples=300, deadline=None)
def test_category_views_match_only_the_exact_codes(text: str) -> None:
    """A category is matched on its string view only when it is exactly one of the codes."""
    code, ok = fast._CODES.read(fr.views(pa.array([text, None])))
    assert bool(ok[0]) is (text in CATEGORY) and not ok[1]
    if text in CATEGORY:
        assert int(code[0]) == CATEGORY.index(text)


@given(st.floats(allow_nan=True, allow_infinity=True, width=64), st.sampled_from([6, 9]))
@settings(max_examples=500, deadline=None)
def test_a_float_is_read_as_the_decimal_its_shortest_text_stands_for(x: float, scale: int) -> None:
    """ok ⇒ units / 10^scale is ``Decimal(repr(x))`` (what the scalar path reads), exactly."""
    units, ok = fr.fixed(pa.array([x]), 1, scale, -1, fr.spacing_limit(scale))
    if ok[0]:
        assert Decimal(int(units[0])).scaleb(-scale) == Decimal(repr(x))
    elif x == x and abs(x) < 1e6 and x >= 0 and Decimal(repr(x)).as_tuple().exponent >= -scale:
        pytest.fail(f"{x!r} has at most {scale} places and should be read")


def test_reads_are_kept_per_day_and_overrides_and_forgotten_on_clear() -> None:
    """The cohorts' reads are remembered per (as_of, overrides): a second roster on the same day
    reads nothing again; another day or another override reads afresh; ``clear`` forgets."""
    cohorts.clear()
    t = table_of(_clean(50, seed=2))
    estimate_pensions(t, as_of=AS_OF)
    assert len(cohorts._CONTEXTS) == 1
    estimate_pensions(t, as_of=AS_OF)
    estimate_pensions(t, as_of=date(2026, 6, 1))
    estimate_pensions(t, as_of=AS_OF, overrides={"pension.transitional.fixed": "100"})
    assert len(cohorts._CONTEXTS) == 3
    cohorts.clear()
    assert not cohorts._CONTEXTS
    assert Params(AS_OF, None).as_of == AS_OF


def test_output_buffers_full_of_garbage_are_overwritten_on_every_row(monkeypatch: pytest.MonkeyPatch) -> None:
    """The output buffers come from Arrow's pool unzeroed: filled with 0xA5 bytes here, every row must
    still be the scalar path's — chunks of 37 rows, a first chunk that goes wholly to the general
    path (given retirement months), fast rows (high words written), refused rows (null amounts),
    and months far beyond any working life (the months-missing arithmetic wraps in int32 there:
    the row is refused, as the scalar path refuses it, and its months are not shown)."""

    def garbage(shape: tuple[int, ...], dtype: Any) -> Any:
        words, buffer = real(shape, dtype)
        words.view(np.uint8)[...] = 0xA5
        return words, buffer

    real = fastout.pooled
    monkeypatch.setattr(fastout, "pooled", garbage)
    monkeypatch.setattr(fast, "CHUNK", 37)
    rows = _clean(400, seed=77)
    for row in rows[:37]:
        row.update(retirement_month="2026-01", age_years=63, age_months=0, birth=None, category=None)
    rows[40]["contribution_months"] = 5_000_000_000
    rows[41]["contribution_months"] = 2**31 + 200  # need − m wraps to a positive int32
    got = estimate_pensions(table_of(rows), as_of=AS_OF)
    assert compare(rows, got) > 100
    for row, out in zip(rows, got.to_pylist(), strict=True):
        if scalar(row).get("total") is None:
            assert out["total"] is None and out["basic"] is None
        if out["error_code"] is not None:
            assert out["missing_months"] is None and out["eligible"] is None
    assert got.column("error_field")[41].as_py() == "contribution_months"


@pytest.mark.parametrize(
    ("text", "code"),
    [("male", 0), ("female_55", 1), ("female_50", 2), ("female_5", None), ("female_555", None),
     ("female_50 ", None), ("male\0", None), ("female_55\0", None), ("Male", None), ("", None),
     ("fema", None), ("female_55female_55", None)],
)  # fmt: skip
def test_category_codes_are_matched_whole_and_only_whole(text: str, code: int | None) -> None:
    """Each code is matched on its length and every byte: a shared first word ("fema", length 9)
    is not enough, a trailing byte (a space, a NUL) or a shorter prefix is not the code. The codes
    are ``Category``'s: 男职工 and the women of original ages 55 and 50, as 国务院关于渐进式延迟法定
    退休年龄的办法 (retirement-reform-measures-2024) 第一条 distinguishes them."""
    got, ok = fast._CODES.read(fr.views(pa.array([text])))
    assert bool(ok[0]) is (code is not None)
    if code is not None:
        assert int(got[0]) == code


def _transitional(tf: int, tp: int, dt: int, limit: int = 480) -> Any:
    return cohorts._transitional_by_month([cohorts.Cohort(tf=tf, tp=tp, dt=dt, limit=limit)])


def test_the_transitional_table_by_months_is_the_line_worked_by_hand() -> None:
    """过渡性养老金 before 原办法 (粤劳电〔2009〕32号: 100 元, and 4 元 a whole year of contribution, as
    the tables hold them): in 分 over dt = 1, tf = 10000 and tp = 400. 0 or 11 months: 100.00;
    12 months: 104.00; 189 months (15 whole years): 100 + 4 × 15 = 160.00 (the worked case of
    ``test_half_fen_ties_round_up_and_the_low_index_branch``)."""
    table = _transitional(10000, 400, 1)
    assert table is not None
    assert [int(table[m]) for m in (0, 11, 12, 189)] == [10000, 10000, 10400, 16000]
    # over a denominator: (1 + ⌊m/12⌋) / 2 rounds half up: m = 0 → ½ → 1; m = 12 → 1; m = 24 → 1½ → 2
    table = _transitional(1, 1, 2)
    assert table is not None and [int(table[m]) for m in (0, 12, 24)] == [1, 1, 2]


def test_no_transitional_table_when_a_cohort_differs_or_works_beyond_it() -> None:
    """The table is used only when the cohorts whose rows can have amounts share tf, tp and dt and
    have their months within it; a refused cohort (no figures, no working-life limit) and a wide
    one (its rows go to the general path) do not count."""
    live = cohorts.Cohort(tf=10000, tp=400, dt=1, limit=480)
    refused = cohorts.Cohort(err_a=3)  # tf = tp = 0, no limit: its rows are all refused
    wide = cohorts.Cohort(tf=1, tp=2, dt=3, limit=480, wide=True)
    assert cohorts._transitional_by_month([live, refused, wide]) is not None
    other = cohorts.Cohort(tf=10000, tp=500, dt=1, limit=480)
    assert cohorts._transitional_by_month([live, other]) is None
    assert _transitional(10000, 400, 1, limit=cohorts._BY_MONTH) is None
    assert cohorts._transitional_by_month([refused]) is None


@given(tf=st.integers(0, 10**12), tp=st.integers(0, 10**9), dt=st.integers(1, 10**6), m=st.integers(0, 2047))
@settings(max_examples=300, deadline=None)
def test_the_transitional_table_is_the_exact_half_up_quotient(tf: int, tp: int, dt: int, m: int) -> None:
    """table[m] = ⌊(tf + tp·⌊m/12⌋) / dt + ½⌋ exactly (Fraction), the per-row line it replaces."""
    table = _transitional(tf, tp, dt, limit=600)
    assert table is not None
    assert int(table[m]) == int(Fraction(tf + tp * (m // 12), dt) + Fraction(1, 2))


def test_common_denominators_keep_every_fraction_and_leave_the_built_cohorts_alone() -> None:
    """Cohorts over d = 3 and d = 6 are brought to 6 (kh 1/3 → 2/6); a refused cohort only takes
    the shape; the cohorts passed in (kept for the next roster) are not changed."""
    a = cohorts.Cohort(kh=1, kl=2, d=3, limit=480)
    b = cohorts.Cohort(kh=5, kl=7, d=6, limit=480)
    refused = cohorts.Cohort(err_plain=2, d=1)
    out = cohorts._common_denominators([a, b, refused], 3 * cohorts.INDEX_SCALE)
    assert [(c.kh, c.kl, c.d) for c in out] == [(2, 4, 6), (5, 7, 6), (0, 0, 6)]
    assert (a.kh, a.kl, a.d, refused.d) == (1, 2, 3, 1)
    assert out[1] is b  # unchanged: not copied


@pytest.mark.parametrize("enabled", [True, False])
def test_the_garbage_collector_is_left_as_it_was_found(enabled: bool) -> None:
    """Resolving cohorts pauses the collector; afterwards it is as the caller had it."""
    cohorts.clear()
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        estimate_pensions(table_of(_clean(20, seed=3)), as_of=AS_OF)
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()


# ---------------------------------------------------------------------------------------------
# The second speed pass (issue 13): month keys straight from the bytes, floats without a
# float-to-int pass, the half-up rounding in two steps, decimal words in one pass, error offsets.

_AS_OF_MONTH = YearMonth.of(AS_OF).index  # 2026-11


def _keys(text: str) -> tuple[int, bool]:
    seven = fr.seven_bytes(pa.array([text, "2000-01"]))
    assert seven is not None
    key, ok = fr.month_keys(seven, fr.month_key_table(cohorts.FIRST_MONTH, _AS_OF_MONTH))
    return int(key[0]), bool(ok[0])


@pytest.mark.parametrize(
    ("text", "key"),
    [("2000-01", 72003), ("1900-01", 68403), ("1966-07", 3 * (1966 * 12 + 7)), ("2026-11", 72969),
     ("2026-12", None), ("1899-12", None), ("9999-12", None), ("2000-00", None), ("2000-13", None),
     ("20x0-01", None), ("2000/01", None)],
)  # fmt: skip
def test_a_month_key_is_three_times_the_month_number_worked_by_hand(text: str, key: int | None) -> None:
    """The cohort key of a "YYYY-MM" birth is 3·(year·12 + month): 2000-01 → 3 × 24001 = 72003,
    1900-01 → 3 × 22801 = 68403, 2026-11 → 3 × 24323 = 72969 (the category number is added to it).
    Only months from 1900-01 to the as_of month (2026-11) are ok: a later birth, 1899-12, a month
    0 or 13, and 9999-12 — whose key wraps (3 × 120,000 mod 2¹⁷ = 97,856, not a month's key) — go
    to the general path, which refuses or reads them as the scalar path does."""
    got, ok = _keys(text)
    assert ok is (key is not None)
    if key is not None:
        assert got == key


@given(st.one_of(st.text(_DIGITS, min_size=7, max_size=7), st.builds(
    lambda y, m: f"{y:04d}-{m:02d}", st.integers(1800, 9999), st.integers(0, 13))))  # fmt: skip
@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_month_keys_take_exactly_the_canonical_months_within_the_table(text: str) -> None:
    """ok exactly when the text is ``YearMonth.of``'s own spelling of a month from 1900-01 to the
    as_of month, and then the key is 3·(index + 1) (the decode never accepts another text, even
    where its key wraps)."""
    if len(text.encode()) != 7:
        return
    key, ok = _keys(text)
    canonical = text[4] == "-" and text[:4].isascii() and text[:4].isdigit() and text[5:].isascii()
    canonical = canonical and text[5:].isdigit() and 1 <= int(text[5:]) <= 12
    within = canonical and cohorts.FIRST_MONTH <= int(text[:4]) * 12 + int(text[5:]) - 1 <= _AS_OF_MONTH
    assert ok is within
    if within:
        assert key == 3 * (YearMonth.of(text).index + 1)


@pytest.mark.parametrize(
    ("x", "scale", "low", "units"),
    [(0.5, 6, -1, 500_000), (123.456789, 6, -1, 123_456_789), (0.0, 6, -1, 0), (-0.0, 6, -1, 0),
     (1e-9, 9, 0, 1), (0.0, 9, 0, None), (-1e-6, 6, -1, None), (1e-7, 6, -1, None),
     (2.0**51 / 1e6, 6, -1, None), (1e300, 6, -1, None), (-1e300, 6, -1, None),
     (float("nan"), 6, -1, None), (float("inf"), 6, -1, None), (float("-inf"), 6, -1, None)],
)  # fmt: skip
def test_float_units_worked_by_hand_and_every_value_out_of_range_refused(
    x: float, scale: int, low: int, units: int | None
) -> None:
    """0.5 元 is 500,000 units of 10⁻⁶; 123.456789 is 123,456,789; 0 and −0 are 0 (money may be
    0, low = −1); an index must be above 0 (low = 0): 10⁻⁹ is 1 unit, 0 is not ok. Not ok (the
    general path reads them): 10⁻⁷ (more places than the scale), −10⁻⁶ (below the bound), 2⁵¹
    units (beyond the exact rounding), ±10³⁰⁰ (whose rounded bits are not the units), NaN, ±∞."""
    got, ok = fr.fixed(pa.array([x]), 1, scale, low, fr.spacing_limit(scale))
    assert bool(ok[0]) is (units is not None)
    if units is not None:
        assert int(got[0]) == units


@given(st.floats(allow_nan=True, allow_infinity=True, width=64), st.sampled_from([(6, -1), (9, 0)]))
@settings(max_examples=500, deadline=None)
def test_float_units_are_within_the_bounds_whenever_ok(x: float, scale_low: tuple[int, int]) -> None:
    """ok ⇒ low < units ≤ high and units / 10^scale is ``Decimal(repr(x))``, for every float."""
    scale, low = scale_low
    high = fr.spacing_limit(scale)
    units, ok = fr.fixed(pa.array([x, 1.0]), 2, scale, low, high)
    if ok[0]:
        assert low < int(units[0]) <= high
        assert Decimal(int(units[0])).scaleb(-scale) == Decimal(repr(x))


@pytest.mark.parametrize(
    ("balance", "k", "d", "fen"),
    [(695, 1, 139, 5), (764, 1, 139, 5), (765, 1, 139, 6), (5, 1, 2, 3), (3, 5, 6, 3), (13, 1, 2, 7), (0, 1, 139, 0)],
)  # fmt: skip
def test_the_account_line_rounds_half_up_worked_by_hand(balance: int, k: int, d: int, fen: int) -> None:
    """个人账户养老金 = 个人账户储存额 ÷ 计发月数 (国发〔2005〕38号 (state-council-2005-38) 第六条),
    to the 分 half up, as ⌊(k·b + ⌊d/2⌋) / d⌋ with a per-row divisor: 695 / 139 = 5 exactly;
    764 / 139 = 5.496… → 5; 765 / 139 = 5.503… → 6; 5 / 2 = 2.5 → 3 (a half goes up);
    3 × 5 / 6 = 2.5 → 3; 13 / 2 = 6.5 → 7; 0 → 0."""
    got = fast._account(np.array([balance]), k, np.array([d]))
    assert int(got[0]) == fen


@given(b=st.integers(0, 10**15), k=st.integers(1, 10**3), d=st.integers(1, 10**12))
@settings(max_examples=300, deadline=None)
def test_the_account_line_is_the_exact_quotient_rounded_half_up(b: int, k: int, d: int) -> None:
    """⌊(k·b + ⌊d/2⌋) / d⌋ = ⌊k·b/d + ½⌋ (Fraction), for an odd or even divisor, per row or uniform."""
    want = int(Fraction(k * b, d) + Fraction(1, 2))
    assert int(fast._account(np.array([b]), k, np.array([d]))[0]) == want
    assert int(fast._account(np.array([b]), k, d)[0]) == want


def test_lines_are_written_as_whole_decimal_words_over_garbage() -> None:
    """Each line (0 ≤ value < 2⁶²) becomes the words (value, 0) exactly, over a buffer full of
    0xA5 bytes: 0, 1 分 (whose bits read as a float are the smallest subnormal), 2⁵² − 1, 2⁵²,
    2⁶² − 1 and 12,345,678.90 元."""
    values = np.array([0, 1, 2**52 - 1, 2**52, 2**62 - 1, 1_234_567_890], np.int64)
    words = np.full((len(values), 2), -0x5A5A5A5A5A5A5A5B, np.int64)  # the bytes 0xA5
    fast._put(words, values)
    assert words[:, 0].tolist() == values.tolist()
    assert words[:, 1].tolist() == [0] * len(values)


def test_error_strings_from_one_refusal_reuse_the_running_count() -> None:
    """Rows refused by one (code, field) pair: the offsets are the refused rows before each row
    times the text's length — "ab" on rows 0, 2 and 3, null on row 1 — and the column that is
    not the last leaves the counts as they were for the next one."""
    refused = np.array([True, False, True, True])
    ids = refused.astype(np.int16)
    counts = fastout._running_count(refused)
    assert counts.tolist() == [0, 1, 1, 2, 3]
    mask = (refused, fastout._bitmap(refused))
    first = fastout.strings(ids, ["", "ab"], mask, {1}, counts, last=False)
    assert counts.tolist() == [0, 1, 1, 2, 3]
    last = fastout.strings(ids, ["", "xyz"], mask, {1}, counts)
    assert first.to_pylist() == ["ab", None, "ab", "ab"]
    assert last.to_pylist() == ["xyz", None, "xyz", "xyz"]


@pytest.mark.parametrize(
    ("x", "readable"),
    [(0.0, True), (0.01, True), (1e9, True), (1e9 + 0.5, False), (-0.01, False), (float("nan"), False),
     (float("inf"), False), (float("-inf"), False), (-0.0, False), (5e-324, True)],
)  # fmt: skip
def test_an_unused_deemed_account_is_readable_only_between_0_and_the_bound(x: float, readable: bool) -> None:
    """A deemed account on a row without deemed time is not used, but the scalar path still reads
    it (0 ≤ value ≤ 10⁹ 元, finite). The fast reader compares the float's bits with the bound's: 0,
    1 分, 10⁹ and the smallest positive float pass; a negative, above 10⁹, NaN, ±∞ do not; −0 is
    sent to the general path too (which reads it as 0, as the scalar path does: a slower row, never
    a different answer). A null is readable (not given)."""
    ok = fr.readable(pa.array([x, None], pa.float64()), 1e9)
    assert bool(ok[0]) is readable and bool(ok[1])
