"""Tests written for surviving mutants of retirement/ (tools/mutation.py, issue 14 part 3).

Each test states what the law or its worked case says; the mutant it was written for is named.
"""

from __future__ import annotations

from datetime import date

import pytest

from jm_socialsec import InputError
from jm_socialsec.engine.months import Age, YearMonth
from jm_socialsec.engine.params import Params
from jm_socialsec.retirement import Category, RetirementChoice, SpecialWorkType
from jm_socialsec.retirement.special import special_month

AS_OF = date(2026, 11, 21)


@pytest.mark.parametrize(
    ("birth", "category", "expected"),
    [
        (YearMonth(1970, 5), Category.MALE, (Age(55, 0), 2, YearMonth(2025, 7))),
        (YearMonth(1980, 3), Category.FEMALE_55, (Age(45, 0), 2, YearMonth(2025, 5))),
        (YearMonth(1979, 12), Category.FEMALE_50, (Age(45, 0), 0, YearMonth(2024, 12))),
    ],
)
def test_special_type_month_gives_the_age_before_the_delay(
    birth: YearMonth, category: Category, expected: tuple[Age, int, YearMonth]
) -> None:
    """特殊工种 ages before the delay: men 55, women 45 (劳部发〔1993〕120号 as restated); the delay
    (55 → 58 men, 45 → 50 women: the Luoyang bureau's reply of 2024-11-22). A man born 1970-05 is
    4 birth months past 1970-01, step 4 → delay 2 → 55 years 2 months → 2025-07 (the 55y2m
    determination sheets); a woman born 1980-03 is 2 past 1980-01, step 2 → delay 2 → 45y2m →
    2025-05; one born 1979-12 is before the reform: no delay → 45 → 2024-12. Kills the age before
    the delay lost or changed (retirement/special.py, special_month: its callers use the month)."""
    assert special_month(Params(AS_OF), birth, category) == expected


def test_special_work_types_carry_the_names_of_the_notice() -> None:
    """劳部发〔1993〕120号 (as restated) names the early-retirement work types: 高空作业, 特别繁重体力劳动,
    井下作业, 高温作业 and 其他有害身体健康工种 — the Chinese names the results print. Kills each name or
    its code changed (retirement/kinds.py, SpecialWorkType.zh)."""
    names = {t.value: t.zh for t in SpecialWorkType}
    assert names == {
        "high_altitude": "高空作业",
        "heavy": "特别繁重体力劳动",
        "underground": "井下作业",
        "high_temperature": "高温作业",
        "harmful": "其他有害身体健康工种",
    }


def test_an_unknown_special_type_is_refused_naming_special_type() -> None:
    """Bad input is a bilingual InputError naming the field (project standard): the keyword of the
    public functions is ``special_type``. Kills the default field renamed (retirement/kinds.py,
    SpecialWorkType.parse)."""
    with pytest.raises(InputError) as caught:
        SpecialWorkType.parse("mine")
    assert caught.value.field == "special_type"
    assert "mine" in caught.value.why_en and "underground" in caught.value.why_en
    assert "mine" in caught.value.why_zh and "underground" in caught.value.why_zh


def test_an_unknown_choice_is_refused_naming_choice_and_the_choices() -> None:
    """Bad input is a bilingual InputError naming the field and, for a coded choice, the codes it
    accepts (project standard): ``choice`` is the keyword of the public functions. Kills the
    default field renamed and the codes or the value left out of the messages (retirement/kinds.py,
    RetirementChoice.parse, parse_code)."""
    with pytest.raises(InputError) as caught:
        RetirementChoice.parse("whenever")
    e = caught.value
    assert e.field == "choice"
    for why in (e.why_zh, e.why_en):
        assert "whenever" in why and all(code in why for code in ("statutory", "flexible_early", "special"))


def test_retirement_choices_carry_the_words_of_the_law() -> None:
    """办法 第三条: 弹性提前退休 and 弹性延迟退休 (early and late by the worker's choice); 特殊工种提前退休
    (劳部发〔1993〕120号). The Chinese names the results print. Kills a name changed
    (retirement/kinds.py, RetirementChoice.zh)."""
    assert RetirementChoice.FLEXIBLE_EARLY.zh == "弹性提前退休"
    assert RetirementChoice.FLEXIBLE_LATE.zh == "弹性延迟退休"
    assert RetirementChoice.SPECIAL.zh == "特殊工种提前退休"


def test_each_category_has_a_chinese_name_with_its_original_age() -> None:
    """国发〔1978〕104号's categories, as the 2024 办法 第一条 delays them: 男职工 (60), 女职工 of the original
    55 (女干部) and of the original 50 (女工人). Each prints a Chinese name saying which. Kills a
    category's code changed in the names (retirement/kinds.py, Category.zh)."""
    assert Category.MALE.zh == "男职工"
    assert "女职工" in Category.FEMALE_55.zh and "55" in Category.FEMALE_55.zh
    assert "女职工" in Category.FEMALE_50.zh and "50" in Category.FEMALE_50.zh


def test_no_flexible_window_for_a_statutory_month_before_the_reform() -> None:
    """国务院关于渐进式延迟法定退休年龄的办法 第三条 (flexible retirement) is in force from 2025-01-01:
    a man born 1960-03 reached 60 in 2020-03, before it — no window, (None, None), not an error.
    Kills ``w is None`` → ``(w is None) and False`` (retirement/flexible.py flexible_window)."""
    from jm_socialsec.retirement.age import statutory_month
    from jm_socialsec.retirement.flexible import flexible_window

    params = Params(date(2026, 11, 30))
    birth = YearMonth(1960, 3)
    original, _, statutory = statutory_month(params, birth, Category.MALE)
    assert statutory == YearMonth(2020, 3)
    assert flexible_window(params, birth, original, statutory) == (None, None)
