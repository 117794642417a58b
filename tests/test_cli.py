"""The command line in process: words, help, flags in errors, the short answer, masking.

Expected figures come from the law (annex tables of the 国务院办法, statutory multipliers) or a
hand calculation written out here; the subprocess tests (test_cli_subprocess.py) drive the
installed entry point as a clerk would.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from jm_socialsec import Category, Dependent, RetirementChoice, SeparationReason, SpecialWorkType
from jm_socialsec.checklist import DeemedService, HukouType, RetireeProfile, SpouseHukou
from jm_socialsec.cli import build_parser, main
from jm_socialsec.cli.console import ASCII_FOR, console_safe, usage_error
from jm_socialsec.cli.words import accepted, choice, normalise, words
from jm_socialsec.engine.errors import InputError

AS_OF = ["--as-of", "2026-11-21"]

# ---------------------------------------------------------------------------------------------
# The words


LIBRARY_CODES = {
    "category": {c.value for c in Category},
    "choice": {c.value for c in RetirementChoice},
    "special_type": {c.value for c in SpecialWorkType},
    "reason": {c.value for c in SeparationReason},
    "dependent": {c.value for c in Dependent},
    "hukou_type": {c.value for c in HukouType},
    "spouse_hukou": {c.value for c in SpouseHukou},
    "deemed_service": {c.value for c in DeemedService},
}


@pytest.mark.parametrize("kind", sorted(LIBRARY_CODES))
def test_alias_tables_name_exactly_the_library_codes(kind: str) -> None:
    assert set(accepted(kind)) == LIBRARY_CODES[kind]


@pytest.mark.parametrize("kind", sorted(words()["aliases"]))
def test_no_word_names_two_codes(kind: str) -> None:
    seen: dict[str, str] = {}
    for code, aliases in accepted(kind).items():
        for word in (code, *aliases):
            assert seen.setdefault(normalise(word), code) == code, f"{word!r} names {seen[normalise(word)]} and {code}"


@pytest.mark.parametrize(
    ("kind", "typed", "code"),
    [
        ("category", "男", "male"),
        ("category", "男职工", "male"),
        ("category", "女工人", "female_50"),
        ("category", "女职工（50）", "female_50"),  # full-width brackets
        ("category", "女职工(50)", "female_50"),
        ("category", "女干部", "female_55"),
        ("category", "女职工（55）", "female_55"),
        ("category", "FEMALE_55", "female_55"),
        ("reason", "辞退", "dismissed"),
        ("reason", "解除", "dismissed"),
        ("reason", "合同到期", "contract_expired"),
        ("reason", "主动辞职", "voluntary_resignation"),
        ("special_type", "井下", "underground"),
        ("special_type", "高空", "high_altitude"),
        ("special_type", "高温", "high_temperature"),
        ("special_type", "繁重", "heavy"),
        ("special_type", "有毒有害", "harmful"),
        ("choice", "法定", "statutory"),
        ("choice", "弹性提前", "flexible_early"),
        ("choice", "弹性延迟", "flexible_late"),
        ("choice", "特殊工种", "special"),
        ("dependent", "配偶", "spouse"),
        ("dependent", "子女", "relative"),
        ("dependent", "父母", "relative"),
        ("dependent", "孤儿", "orphan"),
        ("lang", "英文", "en"),
    ],
)
def test_chinese_words_and_codes_are_accepted(kind: str, typed: str, code: str) -> None:
    assert choice(kind, typed, "--x") == code
    assert choice(kind, code, "--x") == code


def test_an_unknown_word_names_the_flag_and_lists_the_words() -> None:
    with pytest.raises(InputError) as err:
        choice("reason", "协商解除", "--reason")  # ambiguous on purpose: who proposed it decides
    e = err.value
    assert e.field == "--reason"
    assert "辞退" in e.message_zh and "主动辞职" in e.message_zh
    assert "voluntary_resignation" in e.message_en and "dismissed" in e.message_en


# ---------------------------------------------------------------------------------------------
# Help and flags


def _leaves(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    out = [parser]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                out += _leaves(sub)
    return out


def _cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def test_every_flag_and_command_has_help_in_chinese_with_the_english_term() -> None:
    parsers = _leaves(build_parser())
    assert len(parsers) >= 14  # top, 9 commands, death ×2, contribution ×3 (+ the two groups)
    for parser in parsers:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                helps = [a.help for a in action._choices_actions]
            else:
                helps = [action.help]
            for h in helps:
                assert h and _cjk(h) and any(c.isascii() and c.isalpha() for c in h), (parser.prog, action.dest, h)


def test_every_profile_field_has_a_checklist_flag() -> None:
    checklist = next(p for p in _leaves(build_parser()) if p.prog.endswith(" checklist"))
    dests = {a.dest for a in checklist._actions}
    assert set(RetireeProfile.model_fields) <= dests


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    from jm_socialsec import __version__

    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"jm-socialsec {__version__}"


# ---------------------------------------------------------------------------------------------
# Results (moved from test_api.py) and the short answer


def test_cli_demo_and_tables_run(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo"]) == 0
    assert "计算步骤" in capsys.readouterr().out
    assert main(["demo", "--lang", "en"]) == 0
    assert "Steps:" in capsys.readouterr().out
    assert main(["tables"]) == 0
    assert "wages.minimum_monthly" in capsys.readouterr().out


def test_cli_demo_json_is_valid_json_with_year_months_as_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--json"]) == 0
    results = json.loads(capsys.readouterr().out)
    retirement = results[0]
    assert retirement["year_month"] == "2026-05"
    # a parameter whose value is a year-month (the reform's first delayed birth month) is text too
    values = [p["value"] for s in retirement["steps"] for p in s["params"]]
    assert "1965-01" in values


def test_cli_pension_reproduces_the_determination_sheet(capsys: pytest.CaptureFixture[str]) -> None:
    # the Zhongshan sheet (tests/data/pension_cases.toml): total 1688.94, provisional on the 2024 base
    argv = ["pension", "--retirement-month", "2025-03", "--age", "55", "1", "--months", "208", "--index", "0.5241",
            "--balance", "66720.85", "--as-of", "2025-04-15", "--json"]  # fmt: skip
    assert main(argv) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["total"], data["provisional"]) == ("1688.94", True)


def test_cli_estimates_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["retirement", "1966-01", "男", *AS_OF]) == 0
    assert "2026-05" in capsys.readouterr().out  # annex 1: born 1966-01 → 60y4m → 2026-05
    assert main(["unemployment", "2026-10", "--months", "60", "--reason", "辞退", *AS_OF]) == 0
    assert "1,836.00" in capsys.readouterr().out  # 2040 × 90%
    assert main(["injury", "10", "2025-03-10", "6000", *AS_OF]) == 0
    assert "42,000.00" in capsys.readouterr().out  # grade 10: 7 × 6000


def test_brief_pension_is_marked_provisional(capsys: pytest.CaptureFixture[str]) -> None:
    # README: 1966-01 man, 312 months, index 0.85, 86500 in 台山: 3119.84, provisional (2026 base unpublished)
    argv = ["pension", "--birth", "1966-01", "--category", "男", "--months", "312", "--index", "0.85",
            "--balance", "86500", "--region", "台山", *AS_OF, "--brief"]  # fmt: skip
    assert main(argv) == 0
    out = capsys.readouterr().out.splitlines()
    assert "〔预发〕" in out[0]
    assert "  基本养老金合计：3,119.84 元/月〔预发〕" in out
    assert "  退休年月：2026年5月" in out  # the month in the language's own form
    assert len(out) < 15
    assert main([*argv, "--lang", "en"]) == 0
    en = capsys.readouterr().out
    assert "total monthly pension: 3,119.84 yuan/month [provisional]" in en and "May 2026" in en


def test_brief_injury_gives_the_totals_by_payer(capsys: pytest.CaptureFixture[str]) -> None:
    # grade 7, own wage 8000 (inside the 60-300% band): 一次性伤残补助金 13 × 8000 = 104,000 (fund);
    # leaving: 医疗补助金 6 × 8000 = 48,000 (fund), 就业补助金 25 × 8000 = 200,000 (employer) —
    # the Guangdong month counts for grade 7 (广东省工伤保险条例 2019 arts. 31-32).
    argv = ["injury", "7", "2025-03-10", "8000", "--leaves-job", "--left-on", "2026-10-31", *AS_OF, "--brief"]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "工伤保险基金支付：一次性合计 152,000.00 元" in out  # 104,000 + 48,000
    assert "用人单位支付：一次性合计 200,000.00 元" in out


def test_brief_says_why_not_eligible(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["unemployment", "2026-10", "--months", "60", "--reason", "主动辞职", *AS_OF, "--brief"]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "不符合条件：" in out and "自愿" in out  # art. 16: the job ended by the person's own will


def test_brief_json(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["unemployment", "2026-10", "--months", "60", "--reason", "合同到期", *AS_OF, "--brief", "--json"]
    assert main(argv) == 0
    data = json.loads(capsys.readouterr().out)
    figures = {f["field"]: f["value"] for f in data["figures"]}
    assert figures["monthly"] in ("1836.00", "1836")  # 2040 × 90%
    assert figures["months"] == 6  # art. 17: 5 years of contributions → 6 months


def test_checklist_by_flags_equals_checklist_by_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    profile = tmp_path / "p.json"
    profile.write_text('{"birth": "1966-01", "category": "male", "contribution_months": 300}', "utf-8")
    assert main(["checklist", "--profile", str(profile), "--apply-on", "2026-04-01", *AS_OF]) == 0
    by_file = capsys.readouterr().out
    assert "企业职工基本养老金申领" in by_file and "2026-05" in by_file
    argv = ["checklist", "--birth", "1966-01", "--category", "男", "--months", "300", "--apply-on", "2026-04-01"]
    assert main([*argv, *AS_OF]) == 0
    assert capsys.readouterr().out == by_file


def test_checklist_flag_wins_over_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    profile = tmp_path / "p.json"
    profile.write_text('{"birth": "1966-01", "category": "男职工", "contribution_months": 100}', "utf-8")
    argv = ["checklist", "--profile", str(profile), "--months", "300", "--apply-on", "2026-04-01", *AS_OF, "--json"]
    assert main(argv) == 0
    assert json.loads(capsys.readouterr().out)["min_years_met"] is True  # 300 months = 25 years ≥ 15


# ---------------------------------------------------------------------------------------------
# Errors


@pytest.mark.parametrize(
    ("argv", "flag"),
    [
        (["injury", "7", "2025-03-10", "8000", "--left-on", "2026-10-31"], "--leaves-job"),
        (["injury", "7", "2025-03-10", "8000", "--leaves-job"], "--left-on"),
        (["pension", "--months", "312", "--index", "0.85", "--balance", "x", "--birth", "1966-01"], "--balance"),
        (["unemployment", "2026-10", "--months", "60", "--reason", "辞退", "--region", "广州"], "--region"),
        (["retirement", "1966-13", "male"], "birth"),
        (["checklist", "--birth", "1966-01", "--category", "男", "--months", "300", "--medical-months", "10",
          "--medical-local-months", "20"], "--medical-local-months"),
        (["death", "injury", "2026-03-01", "8000", "--dependent", "表哥"], "--dependent"),
        (["contribution", "injury", "1000", "9", "2026-10-01"], "industry_class"),
    ],
)  # fmt: skip
def test_errors_name_the_flag_typed(argv: list[str], flag: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*argv, *AS_OF, "--json"]) == 2
    error = json.loads(capsys.readouterr().out)["error"]
    assert error["code"] == "input_invalid" and error["field"] == flag
    assert "_" not in error["message_en"].split(":")[0] or flag == "industry_class"  # no left_on, avg_wage_12m


def test_a_keyword_in_the_sentence_is_written_as_its_flag(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["injury", "7", "2025-03-10", "8000", "--left-on", "2026-10-31"]) == 2
    err = capsys.readouterr().err
    assert "--left-on" in err and "left_on" not in err and "leaves_job" not in err


def test_profile_unknown_keys_are_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    profile = tmp_path / "p.json"
    profile.write_text('{"birth": "1966-01", "category": "male", "contribution_months": 300, "hukou": 1}', "utf-8")
    assert main(["checklist", "--profile", str(profile), "--json"]) == 2
    error = json.loads(capsys.readouterr().out)["error"]
    assert error["field"] == "--profile" and "hukou" in error["message_zh"] and "hukou" in error["message_en"]


def test_profile_value_error_names_the_key_in_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    profile = tmp_path / "p.json"
    profile.write_text('{"birth": "1966-01", "category": "male", "contribution_months": -1}', "utf-8")
    assert main(["checklist", "--profile", str(profile), "--json"]) == 2
    assert json.loads(capsys.readouterr().out)["error"]["field"] == "--profile: contribution_months"


def test_internal_error_is_a_line_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from jm_socialsec.cli import demo

    def broken() -> None:
        raise RuntimeError("bug 440703196601150015 here")

    monkeypatch.setattr(demo, "registry", broken)
    assert main(["tables"]) == 3
    err = capsys.readouterr().err
    assert "内部错误 / internal error" in err and "Traceback" not in err
    assert "196601150" not in err  # even a bug's message is masked


def test_table_error_is_a_message_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from jm_socialsec.cli import demo
    from jm_socialsec.engine.errors import TableError

    def broken() -> None:
        raise TableError("x.toml", "a.b", "broken on purpose")

    monkeypatch.setattr(demo, "registry", broken)
    assert main(["tables", "--json"]) == 2
    error = json.loads(capsys.readouterr().out)["error"]
    assert error["code"] == "table_invalid" and "x.toml" in error["message_en"]


def test_argparse_errors_are_bilingual_and_mask_id_numbers() -> None:
    e = usage_error("unrecognized arguments: 44070319660115001X")
    assert "196601150" not in e.message_en + e.message_zh
    assert e.message_zh.startswith("无法识别的参数")
    e = usage_error("argument --months: invalid int value: '12x'")
    assert e.field == "--months" and "应为整数" in e.message_zh


# ---------------------------------------------------------------------------------------------
# The console


def test_console_safe_replaces_what_gbk_cannot_show() -> None:
    assert console_safe("☐ 退休 − 3", "gbk") == "[ ] 退休 - 3"
    assert console_safe("⌊25 × 12⌋", "gbk") == "floor(25 × 12)"  # × exists in GBK: kept
    assert console_safe("☐ 退休", "utf-8") == "☐ 退休"  # nothing replaced where the console can show it
    assert console_safe("退休 ☐", "ascii") == "?? [ ]"  # even plain ASCII never raises


def test_every_replacement_is_plain_ascii() -> None:
    assert all(v.isascii() for v in ASCII_FOR.values())


def test_schema_command_prints_the_area_contract(capsys: pytest.CaptureFixture[str]) -> None:
    """`jm-socialsec schema pension` (issue 12 item 2): the inputs and results of every function."""
    from jm_socialsec.cli import main

    assert main(["schema", "pension"]) == 0
    contract = json.loads(capsys.readouterr().out)
    assert {"estimate_pension", "pension_death_benefits", "pension_contribution"} <= set(contract["functions"])
    assert "contribution_months" in contract["functions"]["estimate_pension"]["input"]["properties"]


def test_a_checklist_count_out_of_range_names_the_flag_typed(capsys: pytest.CaptureFixture[str]) -> None:
    """The checklist's ``--months`` (RetireeProfile.contribution_months) above the library's sanity
    limit (engine/limits.py MOST_MONTHS: (2200 − 1900) × 12 = 3600) is refused naming ``--months``,
    the flag the clerk typed, and the number typed is not printed back."""
    code = main(["checklist", "--birth", "1966-08", "--category", "男", "--months", "3601", "--apply-on", "2026-12-14"])
    err = capsys.readouterr().err
    assert code == 2
    assert "--months" in err and "contribution_months" not in err and "3601" not in err
