"""The provincial average wages of tables/wages/ that no worked case reaches (2014–2017, 2021, 2022), stated
from their source and checked where they reach a result: a projection (issue 14, part 4).

广东省人社厅 历年全省平均工资（汇编） (gd-average-wages-compilation), 在岗职工, monthly: 2014 4986,
2015 5525, 2016 6071, 2017 6668; 全口径 2018 6338, 2019 6756, 2020 7647, 2021 8310, 2022 8807. Each counts as known
from the start of its year (the table's note). Past the table's horizon (2025-12-31) a caller who asks
for a projection gets the last figure known on ``as_of`` grown at the mean yearly growth of the last
five known figures, rounded to 0.01%, kept in whole yuan half-up (engine/projection.py: a library
policy, not law). A one-yuan change of an early figure moves that mean by about 0.005–0.02%; the cases
below are the ``as_of`` where it moves the rounded rate, so each figure is guarded somewhere.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import pytest

from jm_socialsec.engine.params import Params
from jm_socialsec.engine.projection import Assumptions

CASES = [
    # as_of, the last figure known, its year, the rate by hand, the years grown to 2026
    (date(2015, 6, 1), 5525, "0.1081", 11),  # 5525 ÷ 4986 − 1 = 0.108103
    (date(2016, 6, 1), 6071, "0.1035", 10),  # (0.108103 + 6071 ÷ 5525 − 1 = 0.098824) ÷ 2 = 0.103463
    (date(2017, 6, 1), 6668, "0.1018", 9),  # (0.108103 + 0.098824 + 6668 ÷ 6071 − 1 = 0.098336) ÷ 3 = 0.101754
    # 2017–2021: (6338 ÷ 6668 − 1 = −0.049490, 6756 ÷ 6338 − 1 = 0.065951, 7647 ÷ 6756 − 1 = 0.131883,
    # 8310 ÷ 7647 − 1 = 0.086701) ÷ 4 = 0.058761
    (date(2021, 6, 1), 8310, "0.0588", 5),
    # 2018–2022: (0.065951 + 0.131883 + 0.086701 + 8807 ÷ 8310 − 1 = 0.059807) ÷ 4 = 0.086086
    (date(2022, 6, 1), 8807, "0.0861", 4),
]


@pytest.mark.parametrize(("as_of", "last", "rate", "years"), CASES)
def test_projected_2026_average_wage_grows_at_the_mean_of_the_known_figures(
    as_of: date, last: int, rate: str, years: int
) -> None:
    pv = Params(as_of, assumptions=Assumptions()).at(date(2026, 3, 1)).get("wages.provincial_average_monthly")
    expected = (Decimal(last) * (1 + Decimal(rate)) ** years).quantize(Decimal(1), ROUND_HALF_UP)
    assert pv.projected and pv.value == expected
