"""The public surface: bilingual errors naming the field, masking (the CLI: tests/test_cli*.py)."""

from __future__ import annotations

import pytest

from jm_socialsec import InputError, Region, SocialSecError
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
