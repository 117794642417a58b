"""The public surface: bilingual errors naming the field, masking, the CLI never shows a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from jm_socialsec import InputError, Region, SocialSecError
from jm_socialsec.cli import main
from jm_socialsec.engine.errors import mask_id


def test_region_by_code_and_chinese_name() -> None:
    assert Region.parse("taishan") is Region.TAISHAN
    assert Region.parse("TaiShan") is Region.TAISHAN
    assert Region.parse("台山") is Region.TAISHAN
    assert Region.parse("台山市") is Region.TAISHAN
    assert Region.parse("新会区") is Region.XINHUI
    assert Region.parse("江门") is Region.JIANGMEN
    assert {r.level for r in Region} == {"city", "district", "county_city"}


def test_unknown_region_lists_the_choices_in_both_languages() -> None:
    with pytest.raises(InputError) as err:
        Region.parse("广州")
    assert "台山市" in err.value.message_zh and "taishan" in err.value.message_en
    assert err.value.to_dict()["code"] == "input_invalid"


def test_id_numbers_are_masked_in_messages() -> None:
    assert mask_id("证件44070319900101123X有误") == "证件440703********123X有误"
    assert mask_id("2025-10-27 金额 1083760") == "2025-10-27 金额 1083760"  # dates, amounts stay
    err = SocialSecError("号码 440703199001011234", "id 440703199001011234")
    assert "199001011" not in str(err)


def test_cli_demo_and_tables_run(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo"]) == 0
    assert "计算步骤" in capsys.readouterr().out
    assert main(["demo", "--lang", "en"]) == 0
    assert "Steps:" in capsys.readouterr().out
    assert main(["tables"]) == 0
    assert "wages.minimum_monthly" in capsys.readouterr().out


def test_cli_demo_json_is_valid_json_with_year_months_as_text(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    assert main(["demo", "--json"]) == 0
    results = json.loads(capsys.readouterr().out)
    retirement = results[0]
    assert retirement["year_month"] == "2026-05"
    # a parameter whose value is a year-month (the reform's first delayed birth month) is text too
    values = [p["value"] for s in retirement["steps"] for p in s["params"]]
    assert "1965-01" in values


def test_cli_error_is_a_message_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from jm_socialsec import cli
    from jm_socialsec.engine.errors import TableError

    def broken() -> None:
        raise TableError("x.toml", "a.b", "broken on purpose")

    monkeypatch.setattr(cli, "registry", broken)
    assert main(["tables"]) == 2
    err = capsys.readouterr().err
    assert "x.toml" in err and "Traceback" not in err


def test_cli_pension_reproduces_the_determination_sheet(capsys: pytest.CaptureFixture[str]) -> None:
    # the Zhongshan sheet (tests/data/pension_cases.toml): total 1688.94, provisional on the 2024 base
    argv = ["pension", "--retirement-month", "2025-03", "--age", "55", "1", "--months", "208", "--index", "0.5241",
            "--balance", "66720.85", "--as-of", "2025-04-15", "--json"]  # fmt: skip
    assert main(argv) == 0
    import json

    data = json.loads(capsys.readouterr().out)
    assert (data["total"], data["provisional"]) == ("1688.94", True)


def test_cli_estimates_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["retirement", "1966-01", "male", "--as-of", "2026-11-21"]) == 0
    assert "2026-05" in capsys.readouterr().out  # annex 1: born 1966-01 → 60y4m → 2026-05
    assert main(["unemployment", "2026-10", "--months", "60", "--reason", "dismissed", "--as-of", "2026-11-21"]) == 0
    assert "1,836.00" in capsys.readouterr().out  # 2040 × 90%
    assert main(["injury", "10", "2025-03-10", "6000", "--as-of", "2026-11-21"]) == 0
    assert "42,000.00" in capsys.readouterr().out  # grade 10: 7 × 6000


def test_cli_checklist_from_a_profile_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    profile = tmp_path / "p.json"
    profile.write_text('{"birth": "1966-01", "category": "male", "contribution_months": 300}', "utf-8")
    assert main(["checklist", "--profile", str(profile), "--apply-on", "2026-04-01", "--as-of", "2026-11-21"]) == 0
    out = capsys.readouterr().out
    assert "企业职工基本养老金申领" in out and "2026-05" in out


@pytest.mark.parametrize(
    "argv",
    [
        ["retirement", "1966-13", "male"],
        ["pension", "--retirement-month", "2025-03", "--age", "55", "1", "--months", "208", "--index", "9",
         "--balance", "1"],
        ["unemployment", "2026-10", "--months", "60", "--reason", "fired_for_fun"],
        ["injury", "11", "2025-03-10", "6000"],
        ["retirement", "1966-01", "male", "--as-of", "yesterday"],
        ["checklist", "--profile", "/nonexistent.json"],
    ],
)  # fmt: skip
def test_cli_bad_input_is_a_bilingual_message_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "错误 / error [input_invalid]" in err and "invalid" in err and "Traceback" not in err
