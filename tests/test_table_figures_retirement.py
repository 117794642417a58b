"""Every retirement figure of tables/retirement/, stated from its document and checked through the
rule that reads it (issue 14, part 4: table mutation). Nothing here is read from the tables.

Documents (tables/sources.toml):

- 国发〔1978〕104号 (state-council-1978-104) 第一条: 男年满60周岁, 女干部55周岁, 女工人50周岁; 第一条（二）
  特殊工种 男年满55周岁、女年满45周岁.
- 国务院关于渐进式延迟法定退休年龄的办法 (retirement-reform-measures-2024) 第一条 and 附件1-3: from
  2025-01-01 men (born from 1965-01) and women of 55 (born from 1970-01) one month later every four
  birth months, to 63 and 58 (36 months at most); women of 50 (born from 1975-01) one month later every
  two birth months, to 55 (60 months); 第三条: 弹性提前 at most 3 years before, not before the original
  age; 弹性延迟 at most 3 years after.
- 洛阳市人社局答复 2024-11-22 (luoyang-hrss-reply-2024-11-22): 特殊工种 the same shape — men 55 → 58
  (born from 1970-01, every four months, 36 at most), women 45 → 50 (born from 1980-01, every two
  months, 60 at most).
- 劳部发〔1993〕120号 (mol-1993-120): 高空、特别繁重体力劳动 10 年; 井下、高温 9 年; 其他有害身体健康 8 年.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from jm_socialsec.engine.months import YearMonth
from jm_socialsec.engine.params import Params
from jm_socialsec.retirement import Category, special_month, special_retirement, statutory_month
from jm_socialsec.retirement.flexible import flexible_window

AS_OF = date(2026, 11, 30)

#: (category, birth, retirement month): before the reform, the first delayed births, the step, the cap.
STATUTORY = [
    ("male", "1960-03", "2020-03"),  # 60, no delay before 2025
    ("male", "1964-12", "2024-12"),
    ("male", "1965-01", "2025-02"),  # first delayed birth month: 1 month
    ("male", "1965-04", "2025-05"),  # k = 3: still 1
    ("male", "1965-05", "2025-07"),  # k = 4: 2 (every four birth months)
    ("male", "1977-01", "2040-01"),  # k = 144: 37 → capped at 36 (63)
    ("female_55", "1965-03", "2020-03"),  # 55
    ("female_55", "1970-01", "2025-02"),
    ("female_55", "1970-05", "2025-07"),
    ("female_55", "1982-01", "2040-01"),  # capped at 36 (58)
    ("female_50", "1970-03", "2020-03"),  # 50
    ("female_50", "1975-01", "2025-02"),
    ("female_50", "1975-03", "2025-05"),  # k = 2: 2 (every two birth months)
    ("female_50", "1985-01", "2040-01"),  # k = 120: 61 → capped at 60 (55)
]


@pytest.mark.parametrize(("category", "birth", "month"), STATUTORY)
def test_statutory_retirement_month(category: str, birth: str, month: str) -> None:
    got = statutory_month(Params(AS_OF), YearMonth.of(birth), Category(category))[2]
    assert got == YearMonth.of(month)


SPECIAL = [
    ("male", "1969-06", "2024-06"),  # 55, no delay before 2025
    ("male", "1970-01", "2025-02"),
    ("male", "1970-05", "2025-07"),
    ("male", "1982-01", "2040-01"),  # capped at 36 (58)
    ("female_50", "1975-06", "2020-06"),  # 45
    ("female_50", "1980-01", "2025-02"),
    ("female_50", "1980-03", "2025-05"),
    ("female_55", "1990-01", "2040-01"),  # k = 120: 61 → capped at 60 (50); the sex decides
]


@pytest.mark.parametrize(("category", "birth", "month"), SPECIAL)
def test_special_type_earliest_month(category: str, birth: str, month: str) -> None:
    got = special_month(Params(AS_OF), YearMonth.of(birth), Category(category))[2]
    assert got == YearMonth.of(month)


def test_flexible_window_is_three_years_each_way() -> None:
    """A woman of 50 born 1985-01: statutory 2040-01 (55); earliest max(2035-01 (50), 2040-01 − 36
    = 2037-01) = 2037-01; latest 2040-01 + 36 = 2043-01."""
    params = Params(AS_OF)
    birth = YearMonth(1985, 1)
    original, _, statutory = statutory_month(params, birth, Category.FEMALE_50)
    assert flexible_window(params, birth, original, statutory) == (YearMonth(2037, 1), YearMonth(2043, 1))


@pytest.mark.parametrize(
    ("work_type", "years"),
    [("high_altitude", 10), ("heavy", 10), ("underground", 9), ("high_temperature", 9), ("harmful", 8)],
)
def test_years_required_for_every_special_work_type(work_type: str, years: int) -> None:
    r = special_retirement("1970-05", "male", work_type, years, as_of=AS_OF)
    assert r.required_years == years and r.qualifies
    short = special_retirement("1970-05", "male", work_type, Decimal(years) - Decimal("0.5"), as_of=AS_OF)
    assert not short.qualifies
