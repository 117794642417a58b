"""Personal data: ID numbers and names never come back unmasked (issue 14, item 2).

Real-looking 居民身份证号码 (valid GB 11643 check characters, however typed: full-width digits,
spaces, dashes, a lower-case x, as a number) go through every field of every public function,
input model, the CLI and the service; no error message, error attribute, chained traceback,
log line, ``repr``, ``str``, HTML, JSON or explanation shows the part a mask hides (the birth
date and sequence, characters 7-14). Names (Chinese, or capitalised words) quoted back in a
refusal are masked as a counter does (``张三`` → ``张*``).
"""

from __future__ import annotations

import functools
import json
import logging
import re
import subprocess
import sys
import traceback
from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import jm_socialsec as js
from contract_cases import AS_OF, CASES
from jm_socialsec.engine.errors import (
    InputError,
    InternalError,
    NotCovered,
    SocialSecError,
    TableError,
    mask_id,
    mask_name,
    redact,
)
from jm_socialsec.engine.idcard import check_char
from jm_socialsec.inputs import input_model


def id_number(area: str, born: date, sequence: int) -> str:
    """A number with a valid GB 11643 check character (ISO 7064 MOD 11-2)."""
    first17 = f"{area}{born:%Y%m%d}{sequence:03d}"
    return first17 + check_char(first17)


# Two real-looking numbers: one ending in X (check sum 2), one in a digit. Hand check of the
# first: weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2 over 4 4 0 7 0 3 1 9 7 0 0 5 2 0 0 0 2 give
# 28+36+0+35+0+12+2+9+42+0+0+45+20+0+0+0+4 = 233; 233 mod 11 = 2 → "X" (GB 11643 table 7.2).
ID_X = id_number("440703", date(1970, 5, 20), 2)
ID_DIGIT = id_number("440781", date(1971, 9, 23), 3)
assert ID_X == "44070319700520002X" and ID_DIGIT[-1].isdigit()

_FULL_WIDTH = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")


def typings(number: str) -> dict[str, Any]:
    """The ways a person or a program sends an ID number."""
    return {
        "plain": number,
        "lower_x": number.lower(),
        "full_width": number.translate(_FULL_WIDTH),
        "spaces": f"{number[:6]} {number[6:14]} {number[14:]}",
        "dashes": f"{number[:6]}-{number[6:14]}-{number[14:]}",
        "groups_of_4": " ".join(number[i : i + 4] for i in range(0, 18, 4)),
        "padded": f"  {number}\t",
    }


NAME = "".join(("张", "三"))  # a name, built so that no source line a traceback shows holds it
FORMS = {
    **typings(ID_X),
    "digits": ID_DIGIT,
    "int": int(ID_DIGIT),
    "decimal": Decimal(ID_DIGIT),
    "float": float(ID_DIGIT),
}


def hidden(number: str) -> str:
    """What a mask hides: characters 7-14 (the birth date)."""
    return number[6:14]


def _normal(text: str) -> str:
    """Full-width digits as ASCII, separators people type between digits removed."""
    text = text.translate({0xFF10 + i: 0x30 + i for i in range(10)})
    return re.sub(r"[\s\-－‐‑,_.]", "", text)


def leaks(text: str, numbers: tuple[str, ...] = (ID_X, ID_DIGIT)) -> bool:
    flat = _normal(text)
    # A float keeps 16-17 significant digits: its text holds the birth date whole.
    return any(hidden(n) in flat for n in numbers)


# -- the masking functions ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("44070319700520002X", "440703********002X"),
        ("44070319700520002x", "440703********002x"),
        ("４４０７０３１９７００５２０００２Ｘ", "４４０７０３********００２Ｘ"),
        ("440703 19700520 002X", "440703 ******** 002X"),
        ("440703-19700520-002X", "440703-********-002X"),
        ("4407 0319 7005 2000 2X", "4407 03** **** **00 2X"),
        ("证件44070319700520002X有误", "证件440703********002X有误"),
        ("4.40781197109230E+17", "4.407811****9230E+17"),  # an ID as a float: the run after the point
        ("wage 440,781,197,109,230,033.00", "wage 440,781,***,***,**0,033.00"),
        ("4407031970052", "440703***0052"),  # 13 digits: an account number too
    ],
)
def test_mask_id_keeps_the_first_6_and_last_4(text: str, shown: str) -> None:
    assert mask_id(text) == shown


@pytest.mark.parametrize(
    "text",
    [
        "2025-10-27 金额 1083760",
        "覆盖范围 2025-01-01 – 2026-12-31",
        "2025-01-01 2026-12-31",  # two days: 16 digits, not a number
        "2029-06 2029-07 2029-08",
        "3,119.84 元",
        "999,999,999,999.99",  # below 10¹²: an amount
        "123456789012",  # 12 digits
    ],
)
def test_dates_and_amounts_stay_readable(text: str) -> None:
    assert mask_id(text) == text


def test_names_are_masked_as_at_a_counter() -> None:
    assert mask_name("张三") == "张*"
    assert mask_name("欧阳娜娜") == "欧***"
    assert mask_name("Zhang San") == "Z********"
    assert mask_name("femal") == "femal"  # a mistyped code stays readable
    assert redact("未知地区“张三”，可选：台山") == "未知地区“张*”，可选：台山"
    assert redact("unknown region '李四'; one of: taishan") == "unknown region '李*'; one of: taishan"
    assert redact("the person's own will ('Li Si')") == "the person's own will ('L****')"


_born = st.dates(date(1900, 1, 1), date(2025, 12, 31))


@given(area=st.from_regex(r"[1-8][0-9]{5}", fullmatch=True), born=_born, seq=st.integers(0, 999),
       form=st.sampled_from(sorted(typings("0" * 18))), before=st.text(max_size=8),
       after=st.text(alphabet=st.characters(blacklist_categories=("Nd",)), max_size=8))  # fmt: skip
def test_any_id_in_any_typing_in_any_text_is_masked(
    area: str, born: date, seq: int, form: str, before: str, after: str
) -> None:
    number = id_number(area, born, seq)
    text = f"{before} {typings(number)[form]}{after}"
    assert not leaks(redact(text), (number,))
    assert not leaks(mask_id(text), (number,))


# -- the error classes ------------------------------------------------------------------------


def _error_texts(err: BaseException) -> Iterator[str]:
    """Everything an error shows: messages, attributes, details, JSON, repr, the whole chain."""
    yield str(err)
    yield repr(err)
    yield "".join(traceback.format_exception(err))
    seen: list[BaseException] = []
    link: BaseException | None = err
    while link is not None and not any(link is s for s in seen):
        seen.append(link)
        yield str(link)
        yield repr(link)
        for nxt in (link.__cause__, link.__context__):
            if nxt is not None:
                yield str(nxt)
        link = link.__cause__ or link.__context__
    if isinstance(err, SocialSecError):
        yield json.dumps(err.to_dict(), ensure_ascii=False, default=str)
        yield repr(err.details)
        yield " ".join(str(getattr(err, a, "")) for a in ("why_zh", "why_en", "field", "param", "on", "file"))
        for problem in getattr(err, "errors", ()):
            yield f"{problem.field} {problem.why_zh} {problem.why_en} {problem.message_zh} {problem.message_en}"


def shows_personal_data(err: BaseException) -> list[str]:
    """The texts of ``err`` that show an ID number or a name (names quoted back, as messages do)."""
    return [t for t in _error_texts(err) if leaks(t) or "张三" in t or "Zhang San" in t]


@pytest.mark.parametrize("number", list(typings(ID_X).values()))
def test_every_error_class_masks_every_argument(number: str) -> None:
    errors: list[SocialSecError] = [
        InputError(number, f"“{number}”不对，“张三”", f"{number!r} is wrong, 'Zhang San'"),
        InputError("wage", f"“{number}” / “张三”", f"{number!r} / '张三'"),
        NotCovered(number, number, None, None, f"键 “{number}”", f"key {number!r}"),
        NotCovered("x.y", f"2025-01-01 [age={number}]", None, None, f"age = {number} 不在表内", number),
        NotCovered("x.y", "2025-01-01 [age=张三]", None, None, "age = 张三 不在表内", "age = 张三 is not in"),
        TableError(number, number, number),
        InternalError(f"TypeError: {number!r} “张三” 'Zhang San'"),
        SocialSecError(number, number, value=number, who="张三", amount=Decimal(ID_DIGIT)),
        InputError.combine([InputError(number, number, number), InputError("张三", "“张三”", "'Zhang San'")]),
    ]
    for err in errors:
        assert shows_personal_data(err) == [], type(err).__name__


def _raise_chained(number: str) -> InternalError:
    try:
        try:
            try:
                raise ValueError(f"invalid literal {number!r} for {NAME!r}")  # not in this line: a traceback shows it
            except ValueError as inner:
                raise KeyError(number) from inner
        except KeyError as e:
            raise InternalError(f"{type(e).__name__}: {e}") from e
    except InternalError as err:
        return err


@pytest.mark.parametrize("number", [ID_X, typings(ID_X)["full_width"], typings(ID_X)["spaces"]])
def test_chained_causes_and_contexts_are_masked(number: str) -> None:
    err = _raise_chained(number)
    assert shows_personal_data(err) == []
    assert isinstance(err.__cause__, BaseException)  # the chain is kept for a maintainer …
    assert "KeyError" in "".join(traceback.format_exception(err))  # … with what failed


def test_a_pydantic_error_in_the_context_is_masked() -> None:
    """A refusal raised ``from None`` still holds pydantic's error (with ``input_value``) as context."""
    with pytest.raises(InputError) as caught:
        js.PensionInput(contribution_months=ID_X)
    assert shows_personal_data(caught.value) == []


def test_an_uncaught_error_prints_no_id_number() -> None:
    """Python's own traceback printer (not the ``traceback`` module) reads the chain below us."""
    code = (
        "from jm_socialsec.engine.errors import InternalError\n"
        "try:\n"
        f"    int('{ID_X} 张三')\n"
        "except ValueError as e:\n"
        "    raise InternalError(str(e)) from e\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False)
    assert run.returncode == 1 and "InternalError" in run.stderr
    assert not leaks(run.stderr)


# -- every field of every public function and input model ------------------------------------


def _fields(function: str) -> list[str]:
    model = input_model(function)
    names = list(model.model_fields)
    if function == "retirement_checklist":  # the profile's own fields, each in turn
        names += [f"profile.{f}" for f in js.RetireeProfile.model_fields]
    return names


def _with(body: dict[str, Any], field: str, value: Any) -> dict[str, Any]:
    out = json.loads(json.dumps(body))
    if field.startswith("profile."):
        out["profile"] = {**out["profile"], field.removeprefix("profile."): value}
    else:
        out[field] = value
    return out


def _typed_with(function: str, field: str, value: Any) -> dict[str, Any]:
    """The keywords a Python caller passes (dates as ``date``), with ``value`` in ``field``."""
    kwargs = input_model(function).of(BODIES[function]).arguments()
    if field.startswith("profile."):
        kwargs["profile"] = {**BODIES[function]["profile"], field.removeprefix("profile."): value}
    else:
        kwargs[field] = value
    return kwargs


CALLS = [pytest.param(fn, field, id=f"{fn}.{field}") for fn, _body, _ in CASES.values() for field in _fields(fn)]
BODIES = {fn: body for fn, body, _ in CASES.values()}


def _shown(outcome: Any) -> Iterator[str]:
    """Every way a result is shown: str, repr, explanations, JSON, HTML."""
    yield str(outcome)
    yield repr(outcome)
    for lang in ("zh", "en"):
        yield outcome.explain(lang)
    yield json.dumps(outcome.to_json(), ensure_ascii=False, default=str)
    yield outcome._repr_html_()


def check_call(call: Callable[[], Any]) -> str:
    """Call; the outcome (a result or a refusal) shows no personal data. Returns its kind.

    That only documented errors escape is the fuzz suite's to check (tests/test_fuzz_*.py);
    here any exception is read for personal data.
    """
    try:
        outcome = call()
    except Exception as err:
        assert shows_personal_data(err) == []
        return type(err).__name__
    if hasattr(outcome, "explain"):
        assert [t for t in _shown(outcome) if leaks(t)] == []
    return "result"


@pytest.mark.parametrize(("function", "field"), CALLS)
def test_an_id_number_in_any_field_is_never_shown(function: str, field: str) -> None:
    body = BODIES[function]
    for form in FORMS.values():
        check_call(functools.partial(getattr(js, function), **_typed_with(function, field, form)))
        check_call(functools.partial(input_model(function).of, _with(body, field, form)))


@pytest.mark.parametrize("function", sorted(BODIES))
def test_an_id_number_as_a_field_name_or_list_item_is_never_shown(function: str) -> None:
    body = BODIES[function]
    for form in (ID_X, typings(ID_X)["full_width"], "张三"):
        assert check_call(lambda f=form: input_model(function).of({**body, f: 1})) == "InputError"  # type: ignore[misc]
        assert check_call(lambda f=form: getattr(js, function)(**{**body, f: 1})) == "InputError"  # type: ignore[misc]
        assert check_call(lambda f=form: input_model(function).of(json.dumps({**body, "x": [f]}))) == "InputError"  # type: ignore[misc]


# Fields that take an amount of yuan: an ID number there (≈ 4.4 × 10¹⁷) is not a plausible one.
MONEY_FIELDS = [
    ("pension_contribution", "wage"),
    ("unemployment_contribution", "wage"),
    ("unemployment_contribution", "city_average_wage"),
    ("injury_benefits", "avg_wage_12m"),
    ("death_benefits", "avg_wage_12m"),
    ("own_wage", "avg_wage_12m"),
    ("injury_contribution", "payroll"),
    ("estimate_pension", "account_balance"),
]


@pytest.mark.parametrize(("function", "field"), MONEY_FIELDS)
def test_an_id_number_in_a_money_field_is_refused_naming_it(function: str, field: str) -> None:
    for form in ("plain", "spaces", "full_width"):
        number = typings(ID_DIGIT)[form]
        with pytest.raises(InputError) as caught:
            getattr(js, function)(**_with(BODIES[function], field, number))
        if form == "plain":  # a number: refused as implausible, naming the field
            assert caught.value.field == field
        assert shows_personal_data(caught.value) == []


def test_lookup_never_shows_an_id_number() -> None:
    day = date(2025, 9, 1)
    for form in FORMS.values():
        check_call(lambda f=form: js.lookup(f, day))  # type: ignore[misc]
        check_call(lambda f=form: js.lookup("wages.minimum_monthly", f))  # type: ignore[misc]
        check_call(lambda f=form: js.lookup("wages.minimum_monthly", day, f))  # type: ignore[misc]
        check_call(lambda f=form: js.lookup("wages.minimum_monthly", day, key=f))  # type: ignore[misc]
        check_call(lambda f=form: js.lookup("wages.minimum_monthly", day, overrides={f: "1"}))  # type: ignore[misc]
        check_call(lambda f=form: js.lookup("wages.minimum_monthly", day, overrides={"wages.minimum_monthly": f}))  # type: ignore[misc]


def test_the_other_public_functions_never_show_an_id_number() -> None:
    for form in FORMS.values():
        check_call(lambda f=form: js.annuity_months(f))  # type: ignore[misc]
        check_call(lambda f=form: js.illness_route(f, "male"))  # type: ignore[misc]
        check_call(lambda f=form: js.statutory_retirement("1966-01", "male", as_of=f))  # type: ignore[misc]
        check_call(lambda f=form: js.RetireeProfile(birth=f, category="male", contribution_months=300))  # type: ignore[misc]
        check_call(lambda f=form: js.estimate_pension(**BODIES["estimate_pension"], overrides={f: "1"}))  # type: ignore[misc]


# -- the command line ---------------------------------------------------------------------------

COMMANDS = [
    ["retirement", "1966-01", "male", "--as-of", AS_OF],
    ["retirement", "--id", "44070319700520002X", "女干部", "--brief"],
    ["pension", "--birth", "1966-01", "--category", "male", "--months", "312", "--index", "0.85",
     "--balance", "86500", "--region", "台山", "--as-of", AS_OF],
    ["unemployment", "2026-10", "--months", "60", "--reason", "dismissed", "--as-of", AS_OF],
    ["injury", "7", "2025-03-10", "8000", "--leaves-job", "--left-on", "2026-10-31", "--as-of", AS_OF],
    ["death", "pension", "2024-06-01", "--months", "240", "--balance", "50000", "--as-of", AS_OF],
    ["contribution", "unemployment", "2026-10", "6800", "--city-average-wage", "8000", "--as-of", AS_OF],
    ["checklist", "--birth", "1966-08", "--category", "男", "--months", "300", "--apply-on", "2026-12-14"],
]  # fmt: skip


def _cli_runs() -> Iterator[Any]:
    """Each README command with the ID number in place of each word in turn, and appended."""
    for argv in COMMANDS:
        for i in range(len(argv)):
            where = f"{argv[0]}[{i}]"
            yield pytest.param(where, [*argv[:i], ID_DIGIT, *argv[i + 1 :]], id=where)
        yield pytest.param(f"{argv[0]}+", [*argv, typings(ID_X)["spaces"]], id=f"{argv[0]}+")


@pytest.mark.parametrize(("where", "argv"), list(_cli_runs()))
@pytest.mark.parametrize("as_json", [False, True], ids=["text", "json"])
def test_the_cli_never_prints_an_id_number(
    where: str, argv: list[str], as_json: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    from jm_socialsec.cli import main

    status = main([*argv, "--json"] if as_json else argv)
    out, err = capsys.readouterr()
    assert status in (0, 2), (where, err)
    assert not leaks(out + err), where


def test_the_cli_reads_an_id_without_showing_it(capsys: pytest.CaptureFixture[str]) -> None:
    from jm_socialsec.cli import main

    for form in ("plain", "spaces", "full_width", "lower_x"):
        assert main(["retirement", "--id", typings(ID_X)[form], "女干部", "--as-of", AS_OF]) in (0, 2)
        out, err = capsys.readouterr()
        assert not leaks(out + err), form


# -- the service ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def client() -> Any:
    pytest.importorskip("fastapi")
    pytest.importorskip("httpx")
    from fastapi.testclient import TestClient

    from jm_socialsec.schema import estimates
    from jm_socialsec.service import app

    c = TestClient(app, raise_server_exceptions=False)
    c.paths = {e.function: f"/{e.area}/{e.function}" for e in estimates()}  # type: ignore[attr-defined]
    return c


@pytest.mark.parametrize("function", sorted(BODIES))
def test_the_service_never_answers_or_logs_an_id_number(
    client: Any, function: str, caplog: pytest.LogCaptureFixture
) -> None:
    path = client.paths[function]
    bodies = [_with(BODIES[function], f, v) for f in _fields(function) for v in (ID_X, int(ID_DIGIT))]
    bodies += [{**BODIES[function], ID_X: 1}, {**BODIES[function], "张三": ID_X}]
    with caplog.at_level(logging.DEBUG):
        for body in bodies:
            answer = client.post(path, json=body)
            assert answer.status_code in (200, 400, 422), answer.text
            assert not leaks(answer.text) and "张三" not in answer.text
        broken = client.post(path, content=f'{{"birth": "{ID_X}", 张三', headers={"content-type": "application/json"})
        assert broken.status_code == 422 and not leaks(broken.text)
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert not leaks(logged) and "张三" not in logged


def test_the_batch_never_shows_an_id_number() -> None:
    pa = pytest.importorskip("pyarrow")
    roster = pa.table(
        {
            "birth": ["1966-01", ID_X, "1966-01"],
            "category": ["male", "male", typings(ID_X)["full_width"]],
            "contribution_months": [312, 312, 312],
            "average_index": ["0.85", "0.85", "0.85"],
            "account_balance": ["86500", "86500", "86500"],
            "region": ["台山", "台山", "台山"],
        }
    )
    out = js.estimate_pensions(roster, as_of=date(2026, 11, 21))
    shown = json.dumps(out.to_pylist(), ensure_ascii=False, default=str)
    shown = shown.replace(ID_X, "").replace(typings(ID_X)["full_width"], "")  # the caller's own columns
    assert not leaks(shown)


def _texts(entry: Any) -> Iterator[str]:
    if isinstance(entry, str):
        yield entry
    elif isinstance(entry, dict):
        for value in entry.values():
            yield from _texts(value)
    elif isinstance(entry, list):
        for value in entry:
            yield from _texts(value)


@pytest.mark.parametrize("area", ["retirement", "pension", "unemployment", "injury", "checklist", "planner"])
def test_no_text_of_the_catalogues_is_masked_as_personal_data(area: str) -> None:
    """Masking reads a quoted word as a possible name (“张三” → “张*”): the library's own words must
    not look like one, or a clerk reads “工*******” (found by mutation testing in injury's
    ``needs_own_wage`` reason, which quoted the label 工亡职工本人工资 — now in 「」)."""
    from jm_socialsec.engine.errors import redact
    from jm_socialsec.engine.texts import catalogue

    masked = [text for text in _texts(catalogue(area)) if redact(text) != text]
    assert masked == []
