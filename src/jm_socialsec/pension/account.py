"""个人账户养老金 (personal-account pension) and its 计发月数 (annuity divisor).

- 计发月数: the whole-age table of 国发〔2005〕38号's annex (40–70; secondary: several concordant
  copies). From 2025-01-01 (the age-in-months table of the 2025 reform, issuing document not
  identified: secondary) an age with months interpolates linearly between whole ages and rounds
  half-up to the table's step (0.1): ``T[a] − (T[a] − T[a+1]) × m ÷ 12``. Before 2025 the annex is
  by whole age only: a non-whole age takes the row of its completed years (周岁) — our reading (no
  text on months before the reform was found), flagged on the result. Outside 40–70 the rule is
  unknown: ``NotCovered``.
- 个人账户养老金 = 个人账户储存额 ÷ 计发月数, in 分, half-up, once.

The month rule's rounding step is a dated table figure (``pension.annuity_months.month_precision``),
so that rule applies it itself; every other rounding is declared.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ..engine.months import Age
from ..engine.params import At
from ..engine.tables import Unit
from ..engine.trace import in_force, memo, rule
from .basic import SHEET_FEN, YEAR, M
from .exact import quotient, round_half_up

#: The first day of the age-in-months table (the 2025 reform); the table's own first date agrees
#: (tests check it).
MONTH_RULE_FROM = date(2025, 1, 1)


@rule(
    "pension.annuity_months_whole_age",
    ref="国发〔2005〕38号 附件 个人账户养老金计发月数表 (整岁)",
    until=date(2024, 12, 31),
    unit=Unit.MONTHS,
)
def annuity_months_whole_age(at: At, age: Age) -> Decimal:
    """计发月数 before 2025: the row of the completed years (extra months ignored, flagged)."""
    if age.months:
        at.notice("pension.annuity_months_whole_age", param="pension.annuity_months", years=age.years)
    return at("pension.annuity_months", str(age.years))


@rule(
    "pension.annuity_months",
    ref="国发〔2005〕38号 附件; 到月的个人账户养老金计发月数表（2025年起）",
    since=MONTH_RULE_FROM,
    unit=Unit.MONTHS,
)
def annuity_months_by_month(at: At, age: Age) -> Decimal:
    """计发月数 from 2025: ``T[a] − (T[a] − T[a+1]) × m ÷ 12``, half-up to the table's step, exact."""
    low = at("pension.annuity_months", str(age.years))
    if age.months == 0:
        return low
    step = at("pension.annuity_months.month_precision")
    high = at("pension.annuity_months", str(age.years + 1))
    (ln, ld), (hn, hd) = low.as_integer_ratio(), high.as_integer_ratio()
    # low − (low − high) × m / 12 = (12·low − m·(low − high)) / 12, over the common denominator ld·hd
    numerator = YEAR * ln * hd - age.months * (ln * hd - hn * ld)
    return round_half_up(numerator, YEAR * ld * hd, step)


#: The versions of 计发月数, without overlap (tests sweep the dates: exactly one applies each day).
VERSIONS = (annuity_months_whole_age, annuity_months_by_month)
_BY_MONTH = annuity_months_by_month.rule  # type: ignore[attr-defined]


@memo  # a roster repeats retirement ages: each is worked out once per day, tables and as_of
def annuity_months(at: At, age: Age) -> Decimal:
    """计发月数 by the version of the rule in force on the retirement month (their declared dates)."""
    rule_in_force = annuity_months_by_month if in_force(_BY_MONTH, at.on) else annuity_months_whole_age
    return rule_in_force(at, age)


@rule("pension.account_pension", ref="国发〔2005〕38号 第六条 (个人账户储存额除以计发月数)", rounding=SHEET_FEN, unit=M)
def account_pension(at: At, account_balance: Decimal, annuity_months: Decimal) -> Decimal:
    """个人账户养老金 = 个人账户储存额 ÷ 计发月数, one exact division."""
    (bn, bd), (mn, md) = account_balance.as_integer_ratio(), annuity_months.as_integer_ratio()
    return quotient(bn * md, bd * mn)
