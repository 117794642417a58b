"""Unemployment insurance (失业保险): eligibility, 失业保险金, its duration, the side benefits and
the monthly contributions (employees and, from 2026, flexible workers), for Jiangmen (江门).

References (figures in ``tables/unemployment.toml``; the minimum wage in ``tables/wages.toml``):

- 广东省失业保险条例 (revised 2013-11-21, in force 2014-07-01; amended 2022-06-01 and, by
  《广东省人民代表大会常务委员会关于修改〈广东省岭南中药材保护条例〉〈广东省失业保险条例〉的决定》,
  2025-01-12). Article numbers follow the text in force: the 2022 text until 2025-01-11 (art. 8
  contribution base, 15-16 eligibility, 17 duration, 18 carry-over, 19 monthly amount, 20-23 the
  side benefits, 24 medical insurance, 25 death grants, 28 stop, 36 start of the period, 47 former
  farmer contract workers), the 2025 text from 2025-01-12 (8, 15-19 unchanged; 20 medical, 21
  death grants, 24 stop, 32 start of the period, 43 farmer contract workers). National layer:
  社会保险法 arts. 44-52.
- The 2025 amendment deleted the 求职补贴 (old art. 20), the childbirth supplement (21), the early
  re-employment and business-start lump sums (22, 23) and the non-hukou lump sum (31 ¶2, never
  computed here). Their parameters end the day before the amendment; the rules treat "no period in
  force" as "deleted" (:meth:`Params.in_force`), so the date lives in the tables only. A claim
  after it gets none of them, and the result says which article was deleted and by what.
- 国务院关于渐进式延迟法定退休年龄的办法 第七条: less than one year from the statutory retirement
  age, the benefit runs until that age (and the fund pays the pension contribution meanwhile).
- 粤人社规〔2025〕50号《广东省灵活就业人员参加失业保险办法》 (in force 2026-01-01 for two years):
  flexible workers in the Greater-Bay-Area cities (Jiangmen among them) may join voluntarily; base
  between the minimum wage and 3 × the city's 在岗 average wage, at the baseline rate (art. 6).

Choices where the texts are silent:

- The decision's effective date was not seen; the tables take its adoption date 2025-01-12
  (secondary). Guangdong amending decisions usually take effect on promulgation.
- No transitional rule was seen. A deleted item is decided by the date of the event that would
  have given it: each month of 求职补贴, the month of birth, the month of the new job or business.
  Dates are months, so the boundary month 2025-01 still counts under the 2022 text (its values for
  those days are secondary).
- From 2025-01-12 starting a business stops payment like re-employment (2025 art. 24(一)); the
  months not drawn are kept for a later claim (art. 18).

Limits: claims before 2014-07 (the 2013 regulation's start) are :class:`NotCovered`. The monthly
amount is the one of the claim month (a minimum-wage change during the period is not followed). The
urban 低保 floor of art. 19 is not checked (no figures collected). The city's 在岗 average wage
(death grants, contribution cap) was not found with a source: it is a caller input. Training
subsidies (2025 arts. 22-23) are not computed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from decimal import ROUND_CEILING, Decimal
from enum import StrEnum
from typing import Any, ClassVar, NamedTuple

from ..engine.api import check, field_value, public
from ..engine.errors import InputError, NotCovered
from ..engine.explain import Explained, Notice, Quantity, Step, notices_for
from ..engine.money import Money, round_fen, to_decimal
from ..engine.months import YearMonth
from ..engine.params import Params, ParamValue
from ..engine.regions import Region
from ..engine.tables import Status, Unit, registry
from ..pension.contributions import MonthlyContribution, clamp_base
from ..retirement import Category, statutory_month

M = Unit.YUAN_PER_MONTH
Y = Unit.YUAN
MONTHS = Unit.MONTHS

Wage = Decimal | int | float | str
MonthInput = YearMonth | str | date


class SeparationReason(StrEnum):
    """Why the job ended (离职原因). Only an end against the person's will qualifies (art. 16)."""

    CONTRACT_EXPIRED = "contract_expired"
    EMPLOYER_BANKRUPT = "employer_bankrupt"
    EMPLOYER_CLOSED = "employer_closed"
    DISMISSED = "dismissed"
    AGREED_AT_EMPLOYER_PROPOSAL = "agreed_at_employer_proposal"
    QUIT_FOR_EMPLOYER_FAULT = "quit_for_employer_fault"
    VOLUNTARY_RESIGNATION = "voluntary_resignation"
    AGREED_AT_WORKER_PROPOSAL = "agreed_at_worker_proposal"

    @property
    def zh(self) -> str:
        return _REASON_ZH[self]

    @property
    def en(self) -> str:
        return _REASON_EN[self]

    @property
    def eligible(self) -> bool:
        """Whether this end of the job qualifies for unemployment benefit (非本人意愿中断就业)."""
        return self not in _NOT_ELIGIBLE

    @classmethod
    def parse(cls, value: Any, field: str = "reason") -> SeparationReason:
        """Accept a code (``"voluntary_resignation"``) or the Chinese label."""
        if isinstance(value, SeparationReason):
            return value
        if isinstance(value, str):
            key = value.strip()
            for r in cls:
                if key.lower() == r.value or key == r.zh:
                    return r
        codes = ", ".join(r.value for r in cls)
        names = "；".join(r.zh for r in cls)
        raise InputError(field, f"未知离职原因“{value}”，可选：{names}", f"unknown reason {value!r}; one of: {codes}")


_REASON_ZH = {
    SeparationReason.CONTRACT_EXPIRED: "劳动合同期满未续订",
    SeparationReason.EMPLOYER_BANKRUPT: "用人单位依法宣告破产",
    SeparationReason.EMPLOYER_CLOSED: "用人单位被撤销、吊销营业执照、责令关闭或提前解散",
    SeparationReason.DISMISSED: "被用人单位解除劳动合同（含辞退、开除、除名）",
    SeparationReason.AGREED_AT_EMPLOYER_PROPOSAL: "用人单位提出、双方协商一致解除劳动合同",
    SeparationReason.QUIT_FOR_EMPLOYER_FAULT: "因用人单位过错由本人解除劳动合同（劳动合同法第三十八条）",
    SeparationReason.VOLUNTARY_RESIGNATION: "本人自愿辞职",
    SeparationReason.AGREED_AT_WORKER_PROPOSAL: "本人提出、双方协商一致解除劳动合同",
}
_REASON_EN = {
    SeparationReason.CONTRACT_EXPIRED: "contract expired and not renewed",
    SeparationReason.EMPLOYER_BANKRUPT: "employer declared bankrupt",
    SeparationReason.EMPLOYER_CLOSED: "employer dissolved, closed or its licence revoked",
    SeparationReason.DISMISSED: "dismissed by the employer",
    SeparationReason.AGREED_AT_EMPLOYER_PROPOSAL: "ended by agreement, proposed by the employer",
    SeparationReason.QUIT_FOR_EMPLOYER_FAULT: "the worker quit because of the employer's fault (LCL art. 38)",
    SeparationReason.VOLUNTARY_RESIGNATION: "voluntary resignation",
    SeparationReason.AGREED_AT_WORKER_PROPOSAL: "ended by agreement, proposed by the worker",
}
_NOT_ELIGIBLE = frozenset({SeparationReason.VOLUNTARY_RESIGNATION, SeparationReason.AGREED_AT_WORKER_PROPOSAL})
#: Used when the caller gives no reason; the result says so.
DEFAULT_REASON = SeparationReason.CONTRACT_EXPIRED

JOB_SEARCH = "unemployment.job_search.rate"
CHILDBIRTH = "unemployment.childbirth.factor"
EARLY_REEMPLOYMENT = "unemployment.early_reemployment.share"
BUSINESS_START = "unemployment.business_start.share"
#: The side benefits of the 2022 text that the 2025 amendment deleted, by the parameter carrying
#: each (its last period ends the day before the amendment) and their names.
DELETED_BENEFITS = (
    (JOB_SEARCH, "求职补贴", "job-search allowance"),
    (CHILDBIRTH, "领取期间生育补助", "childbirth supplement"),
    (EARLY_REEMPLOYMENT, "提前再就业一次性领取失业保险金", "early re-employment lump sum"),
    (BUSINESS_START, "自主创业一次性领取失业保险金", "business-start lump sum"),
)
AMENDING_DECISION_ZH = (
    "《广东省人民代表大会常务委员会关于修改〈广东省岭南中药材保护条例〉〈广东省失业保险条例〉的决定》"
)
AMENDING_DECISION_EN = "the Guangdong People's Congress Standing Committee's decision amending the regulation (2025)"
#: Articles the 2025 amendment renumbered, as (Chinese, number) in the 2022 text and the 2025 text.
ARTICLES: dict[str, dict[int, tuple[str, int]]] = {
    "period": {2022: ("第三十六条", 36), 2025: ("第三十二条", 32)},
    "medical": {2022: ("第二十四条", 24), 2025: ("第二十条", 20)},
    "death": {2022: ("第二十五条", 25), 2025: ("第二十一条", 21)},
    "stop": {2022: ("第二十八条", 28), 2025: ("第二十四条", 24)},
    "farmer": {2022: ("第四十七条", 47), 2025: ("第四十三条", 43)},
}


class UnemploymentBenefit(Explained):
    """An unemployment-benefit estimate (失业保险待遇测算), explained."""

    title_zh: ClassVar[str] = "失业保险待遇测算"
    title_en: ClassVar[str] = "Unemployment benefit"
    headline: ClassVar[tuple[tuple[str, str, str], ...]] = (
        ("eligible", "符合领取条件", "eligible"),
        ("monthly", "失业保险金（月）", "monthly benefit"),
        ("months", "领取期限", "benefit months"),
        ("total", "失业保险金合计", "total benefit"),
        ("first_month", "起始月", "first month"),
        ("last_month", "截止月", "last month"),
    )
    units: ClassVar[dict[str, Unit]] = {"monthly": M, "months": MONTHS, "total": Y}

    claim_month: YearMonth
    region: Region
    reason: SeparationReason
    contribution_months: int
    unused_months: int
    eligible: bool
    #: Why not eligible (empty when eligible).
    reasons: tuple[Notice, ...] = ()
    #: 失业保险金标准: minimum wage × rate in the claim month (also shown when not eligible).
    standard: Money
    monthly: Money
    #: Months earned by this claim's contribution time (art. 17).
    new_months: int
    #: New plus unused months, capped (art. 18).
    entitled_months: int
    #: Months of the period: the entitlement, extended to or cut at the statutory retirement month.
    months: int
    total: Money
    first_month: YearMonth | None = None
    last_month: YearMonth | None = None
    retirement_month: YearMonth | None = None
    extended_to_retirement: bool = False
    job_search_monthly: Money = Decimal(0)
    job_search_months: int = 0
    job_search_total: Money = Decimal(0)
    childbirth_supplement: Money = Decimal(0)
    early_reemployment_lump_sum: Money = Decimal(0)
    business_start_lump_sum: Money = Decimal(0)
    #: Months of the period from re-employment / business start on (not paid monthly).
    remaining_months: int = 0
    #: Months not paid out, kept for a later claim (art. 22).
    kept_months: int = 0
    funeral_grant: Money = Decimal(0)
    survivor_grant: Money = Decimal(0)
    farmer_transition_lump_sum: Money = Decimal(0)


class UnemploymentContribution(MonthlyContribution):
    """One month's unemployment-insurance contribution, explained."""

    title_zh: ClassVar[str] = "失业保险月缴费测算"
    title_en: ClassVar[str] = "Monthly unemployment-insurance contribution"

    #: A flexible worker (灵活就业人员, 粤人社规〔2025〕50号): ``employee`` is the whole contribution.
    flexible: bool = False


# ---------------------------------------------------------------------------------------------
# Rule functions: pure, one concept each.


def entitlement_months(
    contribution_months: int,
    minimum: int,
    first_tier: int,
    first_step: int,
    second_step: int,
    cap: int,
) -> int:
    """领取期限 earned by contribution time (广东省失业保险条例第十七条).

    One month per full year up to four years; beyond four years, one more month per full half
    year; at most ``cap``. Under ``minimum`` months (art. 15) nothing is earned.
    """
    m = contribution_months
    if m < minimum:
        return 0
    if m <= first_tier:
        return min(cap, m // first_step)
    return min(cap, first_tier // first_step + (m - first_tier) // second_step)


def combined_months(new: int, unused: int, cap: int) -> int:
    """New entitlement plus unused months of an earlier claim, at most ``cap`` (第十八条)."""
    return min(cap, new + unused)


def months_rounded_up(months: int, share: Decimal) -> int:
    """``months × share`` with a part month counted as a whole month (第二十二条)."""
    return int((Decimal(months) * share).to_integral_value(rounding=ROUND_CEILING))


def average_wage(wages: Sequence[Decimal], window: int) -> tuple[Decimal, int]:
    """The average of the last ``window`` monthly wages (fewer if fewer), and how many were used."""
    recent = wages[-window:]
    return sum(recent, Decimal(0)) / len(recent), len(recent)


def benefit_period(
    first: YearMonth,
    entitled: int,
    retirement: YearMonth | None,
    threshold: int | None,
) -> tuple[YearMonth, bool]:
    """Last month of the period and whether it was extended to the statutory retirement month.

    The period runs ``entitled`` months from ``first``. With a known retirement month it never
    goes past it (a pension follows, art. 28), and when its normal end is less than ``threshold``
    months before it, it runs until it (办法第七条; ``threshold`` None: not in force).
    """
    last = first + (entitled - 1)
    if retirement is None:
        return last, False
    if retirement <= last:
        return retirement, False
    if threshold is not None and retirement - last < threshold:
        return retirement, True
    return last, False


# ---------------------------------------------------------------------------------------------
# Input helpers.


def _count(value: Any, field: str) -> int:
    check(
        isinstance(value, int) and not isinstance(value, bool),
        field,
        "应为整数（月数）",
        "must be a whole number of months",
    )
    check(value >= 0, field, "不能为负数", "must not be negative")
    return int(value)


def _month(value: Any, field: str) -> YearMonth:
    return field_value(value, field, YearMonth.of)


def _wages(values: Any, field: str) -> tuple[Decimal, ...]:
    check(
        isinstance(values, Sequence) and not isinstance(values, str | bytes),
        field,
        "应为按月排列的缴费工资列表（最早的在前）",
        "must be a list of monthly contribution wages, oldest first",
    )
    check(len(values) > 0, field, "至少需要一个月的缴费工资", "needs at least one month")
    return tuple(to_decimal(v, f"{field}[{i}]", non_negative=True) for i, v in enumerate(values))


def _int(params: Params, param: str, on: YearMonth) -> tuple[int, ParamValue]:
    pv = params.get(param, on)
    return int(pv.decimal), pv


def _rate_in_force(params: Params, claim: YearMonth) -> ParamValue:
    """The benefit rate of the claim month; a claim before the regulation is refused plainly."""
    try:
        return params.get("unemployment.benefit.rate", claim)
    except NotCovered as e:
        before = e.covered_from is not None and claim.first_day() < e.covered_from
        if not before:
            raise
        raise NotCovered(
            e.param,
            e.on,
            e.covered_from,
            e.covered_until,
            f"申领月 {claim} 早于广东省失业保险条例（2013年修订）施行，不在本库范围",
            f"claim month {claim} is before the 2013 Guangdong regulation came into force; not covered",
        ) from None


# ---------------------------------------------------------------------------------------------
# The 2025 amendment: deleted side benefits and renumbered articles.


def deleted_value(params: Params, param: str, on: YearMonth) -> ParamValue | None:
    """The last value of a deleted rule when ``on`` is after its end; ``None`` while it is in force.

    A rule whose table has no period in force on ``on``, but had one before, was deleted (the
    2025 amendment's deletions end the day before it took effect). The returned value is the
    rule's last one: its source names the deleted article, its ``until`` the last day in force.
    It is read outside ``params``: a deleted figure is not used, so it is not cited as used.
    """
    if params.in_force(param, on):
        return None
    end = registry()[param].horizon
    if end is None or on.first_day() <= end:
        return None  # before the rule existed: not a deletion (the caller's lookup refuses)
    return Params(params.as_of).get(param, end)


def text_year(params: Params, on: YearMonth) -> int:
    """Which text of the regulation numbers the articles on ``on``: 2022 (its art. 20 still in
    force) or 2025 (the amended text, which deleted it)."""
    return 2022 if params.in_force(JOB_SEARCH, on) else 2025


def article(params: Params, on: YearMonth, concept: str) -> tuple[str, str]:
    """The article of ``concept`` in the text in force on ``on``: (``第二十一条``, ``art. 21``)."""
    zh, number = ARTICLES[concept][text_year(params, on)]
    return zh, f"art. {number}"


def _deleted_since(gone: ParamValue) -> tuple[str, str]:
    """The first day without the rule, qualified when the table is not sure of it."""
    since = str(gone.until + timedelta(days=1)) if gone.until is not None else ""
    if gone.status is Status.OFFICIAL:
        return since, since
    return f"{since}（该日期未经原文证实：{gone.status.zh}）", f"{since} (a {gone.status.value} date, not confirmed)"


def _article_of(gone: ParamValue) -> str:
    return gone.source.locator.split("（")[0]


def _deleted_text(gone: ParamValue, name_zh: str, name_en: str) -> tuple[str, str]:
    """'X (old art. N) was deleted by the 2025 decision, from D' in both languages."""
    art, (since_zh, since_en) = _article_of(gone), _deleted_since(gone)
    return (
        f"{name_zh}（{gone.source.document}{art}）已由{AMENDING_DECISION_ZH}删除，自 {since_zh} 起不再享受",
        f"the {name_en} ({gone.source.document} {art}) was deleted by {AMENDING_DECISION_EN}; none from {since_en}",
    )


def _no_effect(field: str, gone: ParamValue, name_zh: str, name_en: str) -> Notice:
    zh, en = _deleted_text(gone, name_zh, name_en)
    return Notice(
        code="input_no_effect",
        param=gone.id,
        zh=f"输入 {field} 未产生影响：{zh}",
        en=f"the input {field} had no effect: {en}",
    )


def _deleted_benefits_step(params: Params, claim: YearMonth) -> Step | None:
    """One step listing the side benefits deleted before ``claim`` (none: no step)."""
    gone = [(deleted_value(params, pid, claim), zh, en) for pid, zh, en in DELETED_BENEFITS]
    found = [(pv, zh, en) for pv, zh, en in gone if pv is not None]
    if not found:
        return None
    items_zh = "、".join(f"{zh}（{pv.source.document}{_article_of(pv)}）" for pv, zh, _ in found)
    items_en = ", ".join(f"the {en} ({pv.source.document} {_article_of(pv)})" for pv, _, en in found)
    since_zh, since_en = _deleted_since(found[0][0])
    return Step(
        id="deleted_benefits",
        label_zh="2025年修正删除的待遇",
        label_en="benefits deleted by the 2025 amendment",
        result=Decimal(0),
        unit=Y,
        note_zh=f"{items_zh}已由{AMENDING_DECISION_ZH}删除，自 {since_zh} 起的申领不再享受",
        note_en=f"{items_en}: deleted by {AMENDING_DECISION_EN}; claims from {since_en} get none of them",
    )


# ---------------------------------------------------------------------------------------------
# Public functions.


@public
def unemployment_benefit(
    claim_month: MonthInput,
    region: Region | str,
    contribution_months: int,
    unused_months: int = 0,
    reason: SeparationReason | str | None = None,
    *,
    registered: bool = True,
    birth: MonthInput | None = None,
    category: Category | str | None = None,
    recent_contribution_wages: Sequence[Wage] | None = None,
    childbirth_month: MonthInput | None = None,
    reemployed_month: MonthInput | None = None,
    reemployment_contract_months: int | None = None,
    reemployment_insured_months: int | None = None,
    business_start_month: MonthInput | None = None,
    death_month: MonthInput | None = None,
    city_average_wage: Wage | None = None,
    farmer_contract_months: int | None = None,
    as_of: date | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> UnemploymentBenefit:
    """Unemployment benefit (失业保险金) for a claim starting in ``claim_month``.

    - ``claim_month``: the first month of the benefit period (the month of 失业登记 when the claim
      follows within 7 working days, otherwise the month of the claim; art. 36).
    - ``contribution_months``: contribution months counted for this claim (since the last claim,
      or all of them if never claimed; arts. 18, 45). ``unused_months``: months left from an
      earlier claim (at most 24).
    - ``reason``: a :class:`SeparationReason` (``"voluntary_resignation"`` is not eligible); when
      omitted, contract expiry is assumed and the result says so. ``registered``: 失业登记 done.
    - ``birth`` and ``category`` (together): the period extends to, and never passes, the
      statutory retirement month (办法第七条).

    Side benefits, computed when their inputs are given and the claim is eligible:
    ``recent_contribution_wages`` (monthly, oldest first; the last 12 are averaged) gives the
    求职补贴 (art. 20) and, with ``farmer_contract_months`` (continuous months before 2014-07 as a
    farmer contract worker), the art. 47 lump sum; ``childbirth_month`` the childbirth supplement
    (art. 21); ``reemployed_month`` with ``reemployment_contract_months`` and
    ``reemployment_insured_months`` the early re-employment lump sum (art. 22);
    ``business_start_month`` the business-start lump sum (art. 23); ``death_month`` with
    ``city_average_wage`` (the city's previous-year 在岗 average monthly wage) the death grants
    (art. 25). At most one of re-employment, business start and death.
    """
    # -- inputs ------------------------------------------------------------------------------
    claim = _month(claim_month, "claim_month")
    reg = Region.parse(region)
    m = _count(contribution_months, "contribution_months")
    unused = _count(unused_months, "unused_months")
    reason_given = reason is not None
    why = SeparationReason.parse(reason) if reason is not None else DEFAULT_REASON
    check(isinstance(registered, bool), "registered", "应为是/否", "must be true or false")
    if (birth is None) != (category is None):
        field = "category" if category is None else "birth"
        raise InputError(field, "出生年月与退休类别须同时给出", "birth and category must be given together")
    birth_ym = _month(birth, "birth") if birth is not None else None
    cat = Category.parse(category) if category is not None else None
    if birth_ym is not None:
        check(birth_ym < claim, "birth", "出生年月应早于申领月", "the birth month must precede the claim")
    wages = (
        _wages(recent_contribution_wages, "recent_contribution_wages")
        if recent_contribution_wages is not None
        else None
    )
    births = _month(childbirth_month, "childbirth_month") if childbirth_month is not None else None
    events = {
        "reemployed_month": reemployed_month,
        "business_start_month": business_start_month,
        "death_month": death_month,
    }
    given = [k for k, v in events.items() if v is not None]
    if len(given) > 1:
        raise InputError(
            given[1],
            f"{'、'.join(given)} 只能给出一项（领取期间只能因一件事结束）",
            f"give only one of {', '.join(given)} (the claim ends once)",
        )
    end_field = given[0] if given else None
    end_month = _month(events[end_field], end_field) if end_field is not None else None
    contract = insured = None
    if reemployment_contract_months is not None:
        contract = _count(reemployment_contract_months, "reemployment_contract_months")
    if reemployment_insured_months is not None:
        insured = _count(reemployment_insured_months, "reemployment_insured_months")
    avg_wage = None
    if city_average_wage is not None:
        avg_wage = to_decimal(city_average_wage, "city_average_wage", non_negative=True)
    if end_field == "death_month":
        check(
            avg_wage is not None,
            "city_average_wage",
            "计算丧葬补助金、抚恤金须给出江门市上年度在岗职工月平均工资",
            "the city's previous-year average monthly wage (在岗) is required for the death grants",
        )
    farmer = None
    if farmer_contract_months is not None:
        farmer = _count(farmer_contract_months, "farmer_contract_months")
        check(
            wages is not None,
            "recent_contribution_wages",
            "计算原农民合同制工人生活补助须给出失业前的月缴费工资",
            "the monthly contribution wages before unemployment are required for the art. 47 lump sum",
        )

    params = Params(as_of, overrides)
    if end_field == "reemployed_month" and end_month is not None:
        _require_lump_sum_inputs(params, end_month, contract, insured)

    # -- amount (art. 19) ----------------------------------------------------------------------
    rate = _rate_in_force(params, claim)
    minimum_wage = params.get("wages.minimum_monthly", claim)
    standard = round_fen(minimum_wage.decimal * rate.decimal)

    # -- eligibility (arts. 15, 16) ------------------------------------------------------------
    minimum, p_min = _int(params, "unemployment.eligibility.min_contribution_months", claim)
    cap, p_cap = _int(params, "unemployment.duration.max_months", claim)
    check(
        unused <= cap,
        "unused_months",
        f"剩余期限不能超过 {cap} 个月（第十八条）",
        f"must not exceed {cap} months (art. 18)",
    )
    retirement = statutory_month(params, birth_ym, cat)[2] if birth_ym and cat else None
    reasons: list[Notice] = []
    if not why.eligible:
        reasons.append(
            Notice(
                code="reason_not_eligible",
                zh=f"离职原因“{why.zh}”属本人意愿中断就业，不符合领取条件（第十六条）",
                en=f"the job ended by the person's own will ({why.en}); not eligible (art. 16)",
            )
        )
    if m < minimum and unused == 0:
        reasons.append(
            Notice(
                code="contribution_too_short",
                zh=f"累计缴费 {m} 个月，不满 {minimum} 个月，且无以前未领完的期限（第十五条）",
                en=f"{m} contribution months, under {minimum}, and no unused months from an earlier claim (art. 15)",
            )
        )
    if not registered:
        reasons.append(
            Notice(
                code="not_registered",
                zh="未办理失业登记并有求职要求（第十五条）",
                en="not registered as unemployed and looking for work (art. 15)",
            )
        )
    if retirement is not None and retirement < claim:
        reasons.append(
            Notice(
                code="past_retirement_age",
                zh=f"申领月已过法定退休年月 {retirement}",
                en=f"the claim month is after the statutory retirement month {retirement}",
            )
        )
    eligible = not reasons

    steps: list[Step] = [
        Step(
            id="eligibility",
            label_zh="领取条件",
            label_en="eligibility",
            formula_zh=f"非本人意愿中断就业；累计缴费满 {minimum} 个月（或尚有未领完的期限）；已失业登记",
            formula_en=f"job ended against the person's will; {minimum} contribution months "
            "(or unused months left); registered as unemployed",
            inputs=(
                Quantity(name_zh="离职原因", name_en="reason", value=why.zh),
                Quantity(name_zh="本次累计缴费月数", name_en="contribution months", value=m, unit=MONTHS),
                Quantity(name_zh="以前未领完的月数", name_en="unused months", value=unused, unit=MONTHS),
                Quantity(name_zh="已失业登记", name_en="registered", value=registered),
            ),
            params=(p_min,),
            result=eligible,
            note_zh="；".join(r.zh for r in reasons),
            note_en="; ".join(r.en for r in reasons),
        ),
        Step(
            id="standard",
            label_zh="失业保险金标准（第十九条）",
            label_en="benefit standard (art. 19)",
            formula_zh="申领地（江门市）月最低工资标准 × 比例",
            formula_en="Jiangmen monthly minimum wage × rate",
            calc=f"{minimum_wage.value} × {rate.value} = {standard}",
            params=(minimum_wage, rate),
            result=standard,
            unit=M,
            note_zh=f"最低工资标准自 {minimum_wage.since} 起执行；按申领当月的标准计，领取期间调整的以经办机构为准；"
            "不低于城市居民最低生活保障标准（低保标准未收录，未核对）",
            note_en=f"minimum wage in force since {minimum_wage.since}; the claim month's figure is "
            "used throughout; never below the urban 低保 standard (not collected, not checked)",
        ),
    ]

    # -- duration (arts. 17, 18; 办法第七条) -----------------------------------------------------
    first_tier, p_t1 = _int(params, "unemployment.duration.first_tier_months", claim)
    step1, p_s1 = _int(params, "unemployment.duration.first_tier_step_months", claim)
    step2, p_s2 = _int(params, "unemployment.duration.second_tier_step_months", claim)
    new = entitlement_months(m, minimum, first_tier, step1, step2, cap)
    entitled = combined_months(new, unused, cap)
    months = 0
    first = last = None
    extended = False
    steps.append(
        Step(
            id="new_months",
            label_zh="本次缴费可领月数（第十七条）",
            label_en="months earned by this contribution time (art. 17)",
            formula_zh=f"不满 {minimum} 个月：0；{first_tier} 个月以内：每满 {step1} 个月 1 个月；"
            f"超过部分每满 {step2} 个月加 1 个月；最多 {cap} 个月",
            formula_en=f"under {minimum}: 0; up to {first_tier}: one per {step1} months; beyond: "
            f"one more per {step2} months; at most {cap}",
            calc=_schedule_calc(m, minimum, first_tier, step1, step2, cap, new),
            params=(p_min, p_t1, p_s1, p_s2, p_cap),
            result=new,
            unit=MONTHS,
        )
    )
    steps.append(
        Step(
            id="entitled_months",
            label_zh="合并以前未领完的期限（第十八条）",
            label_en="plus unused months of an earlier claim (art. 18)",
            formula_zh=f"min({cap}, 本次可领 + 未领完)",
            formula_en=f"min({cap}, new + unused)",
            calc=f"min({cap}, {new} + {unused}) = {entitled}",
            params=(p_cap,),
            result=entitled,
            unit=MONTHS,
        )
    )
    if eligible:
        first = claim
        threshold, p_thr = _threshold(params, claim, claim + (entitled - 1))
        last, extended = benefit_period(first, entitled, retirement, threshold)
        months = last - first + 1
        if retirement is not None:
            steps.append(_retirement_step(first, entitled, retirement, threshold, p_thr, last, extended))
    monthly = standard if eligible else Decimal(0)
    total = round_fen(monthly * months)
    art_period = article(params, claim, "period")
    steps.append(
        Step(
            id="period",
            label_zh="领取期间",
            label_en="benefit period",
            formula_zh=f"自申领月起连续计算（{art_period[0]}）",
            formula_en=f"consecutive months from the claim month ({art_period[1]})",
            result=f"{first} – {last}" if first else None,
            note_zh="申领后次月起按月发放" if first else "不符合领取条件",
            note_en="paid monthly from the month after the decision" if first else "not eligible",
        )
    )
    steps.append(
        Step(
            id="total",
            label_zh="失业保险金合计",
            label_en="total benefit",
            formula_zh="月失业保险金 × 领取月数",
            formula_en="monthly benefit × months",
            calc=f"{monthly} × {months} = {total}",
            result=total,
            unit=Y,
        )
    )
    result: dict[str, Any] = {}
    notes: list[Notice] = []
    if eligible and first is not None and last is not None:
        art_medical = article(params, claim, "medical")
        steps.append(
            Step(
                id="medical",
                label_zh=f"职工医保缴费（{art_medical[0]}）",
                label_en=f"medical-insurance contribution ({art_medical[1]})",
                note_zh="领取期间的职工基本医疗保险费由失业保险基金缴纳，个人不缴费（未计算金额）"
                + ("；延长期间养老保险费亦由失业保险基金缴纳" if extended else ""),
                note_en="the fund pays the person's 职工医保 contribution during the claim; the "
                "person pays nothing (amount not computed)"
                + ("; during the extension it also pays the pension contribution" if extended else ""),
            )
        )
        paid_through = last
        if end_month is not None:
            check(
                end_month >= first,
                end_field or "",
                f"早于领取期间起始月 {first}",
                f"is before the first month of the period {first}",
            )
            paid_through = min(last, end_month if end_field == "death_month" else end_month - 1)
        deleted = _deleted_benefits_step(params, claim)
        if deleted is not None:
            steps.append(deleted)
        if wages is not None:
            result |= _job_search(params, claim, wages, first, paid_through, steps, notes)
            if farmer is not None:
                result |= _farmer(params, claim, wages, farmer, steps)
        if births is not None:
            result |= _childbirth(params, claim, births, first, last, standard, steps, notes)
        if end_field in ("reemployed_month", "business_start_month") and end_month is not None:
            event = _EndOfClaim(end_field, end_month, last, standard, contract, insured)
            result |= _lump_sum(params, event, steps, notes)
        if end_field == "death_month" and end_month is not None and avg_wage is not None:
            result |= _death(params, claim, end_month, last, avg_wage, steps)

    warnings = [*notes, *notices_for(params.used)]
    if not reason_given:
        warnings.insert(
            0,
            Notice(
                code="reason_assumed",
                zh=f"未给出离职原因，按“{why.zh}”估算；本人自愿辞职不能领取",
                en=f"no reason given; '{why.en}' is assumed. Voluntary resignation does not qualify",
            ),
        )
    return UnemploymentBenefit(
        as_of=params.as_of,
        steps=tuple(steps),
        warnings=tuple(warnings),
        claim_month=claim,
        region=reg,
        reason=why,
        contribution_months=m,
        unused_months=unused,
        eligible=eligible,
        reasons=tuple(reasons),
        standard=standard,
        monthly=monthly,
        new_months=new,
        entitled_months=entitled,
        months=months,
        total=total,
        first_month=first,
        last_month=last,
        retirement_month=retirement,
        extended_to_retirement=extended,
        **result,
    )


def _schedule_calc(m: int, minimum: int, tier: int, s1: int, s2: int, cap: int, new: int) -> str:
    if m < minimum:
        return f"{m} < {minimum} → 0"
    if m <= tier:
        return f"{m} ÷ {s1} 取整 = {new}"
    return f"min({cap}, {tier} ÷ {s1} + ({m} − {tier}) ÷ {s2} 取整) = {new}"


def _threshold(params: Params, claim: YearMonth, normal_last: YearMonth) -> tuple[int | None, ParamValue | None]:
    """办法第七条's threshold if it is in force at the claim or by the period's normal end."""
    param = "unemployment.near_retirement.threshold_months"
    for on in (claim, normal_last):
        if params.in_force(param, on):
            value, pv = _int(params, param, on)
            return value, pv
    return None, None


def _retirement_step(
    first: YearMonth,
    entitled: int,
    retirement: YearMonth,
    threshold: int | None,
    p_thr: ParamValue | None,
    last: YearMonth,
    extended: bool,
) -> Step:
    normal_last = first + (entitled - 1)
    if extended:
        note_zh = f"正常截止月 {normal_last} 距法定退休年月 {retirement} 不足 {threshold} 个月，延长至法定退休年月"
        note_en = (
            f"the normal last month {normal_last} is less than {threshold} months before the "
            f"statutory retirement month {retirement}: extended to it"
        )
    elif last == retirement:
        note_zh = f"达到法定退休年月 {retirement} 即停止领取（其后按月领取养老金）"
        note_en = f"benefit stops at the statutory retirement month {retirement} (a pension follows)"
    elif threshold is None:
        note_zh = "延长领取的规定（办法第七条）在领取期间尚未施行"
        note_en = "the extension (办法第七条) was not in force during the period"
    else:
        note_zh = f"距法定退休年月 {retirement} 不少于 {threshold} 个月，不延长"
        note_en = f"{threshold} months or more before the statutory month {retirement}: no extension"
    return Step(
        id="retirement",
        label_zh="临近法定退休年龄（办法第七条）",
        label_en="near the statutory retirement age (reform 办法 art. 7)",
        formula_zh="正常截止月距法定退休年月不足一年的，延长至法定退休年月；不超过法定退休年月",
        formula_en="extended to the statutory retirement month when the normal end is less than a "
        "year before it; never past it",
        params=(p_thr,) if p_thr is not None else (),
        inputs=(Quantity(name_zh="法定退休年月", name_en="statutory retirement month", value=retirement),),
        result=last,
        note_zh=note_zh,
        note_en=note_en,
    )


def _require_lump_sum_inputs(params: Params, reemployed: YearMonth, contract: int | None, insured: int | None) -> None:
    """While the early re-employment lump sum exists, its conditions need both inputs (第二十二条)."""
    if not params.in_force(EARLY_REEMPLOYMENT, reemployed):
        return
    for f, v in (("reemployment_contract_months", contract), ("reemployment_insured_months", insured)):
        check(v is not None, f, "提前再就业时须给出", "required with reemployed_month")


def _job_search(
    params: Params,
    claim: YearMonth,
    wages: Sequence[Decimal],
    first: YearMonth,
    paid_through: YearMonth,
    steps: list[Step],
    notes: list[Notice],
) -> dict[str, Any]:
    """求职补贴 (2022 text 第二十条): 15% of the recent average contribution wage, monthly, at most
    6 months. Deleted by the 2025 amendment: a month after the deletion pays none."""
    gone = deleted_value(params, JOB_SEARCH, claim)
    if gone is not None:
        notes.append(_no_effect("recent_contribution_wages", gone, "求职补贴", "job-search allowance"))
        return {}
    rate = params.get(JOB_SEARCH, claim)
    max_months, p_max = _int(params, "unemployment.job_search.max_months", claim)
    window, p_win = _int(params, "unemployment.job_search.wage_window_months", claim)
    avg, n = average_wage(wages, window)
    monthly = round_fen(avg * rate.decimal)
    due = min(max_months, max(0, paid_through - first + 1))
    months = sum(1 for i in range(due) if params.in_force(JOB_SEARCH, first + i))
    total = round_fen(monthly * months)
    # the last month paid is cited too: its period may be less sure than the claim month's
    last_paid = params.get(JOB_SEARCH, first + (months - 1)) if months else rate
    note = ("", "")
    if months < due:
        gone = deleted_value(params, JOB_SEARCH, first + months)
        assert gone is not None  # a month not in force after one in force: deleted
        zh, en = _deleted_text(gone, "求职补贴", "job-search allowance")
        note = (f"{zh}：{due - months} 个月不发", f"{en}: {due - months} months not paid")
    steps.append(
        Step(
            id="job_search",
            label_zh="求职补贴（第二十条）",
            label_en="job-search allowance (art. 20)",
            formula_zh=f"失业前 {window} 个月平均缴费工资（不足按实际）× 比例，随失业保险金按月发放，最多 "
            f"{max_months} 个月，不超过法定退休年龄",
            formula_en=f"average contribution wage of the last {window} months (fewer if fewer) × "
            f"rate, paid monthly with the benefit, at most {max_months} months, not past the "
            "statutory retirement age",
            calc=f"{round_fen(avg)}（{n} 个月平均）× {rate.value} = {monthly}/月 × {months} = {total}",
            params=(p_win, rate, last_paid, p_max),
            result=total,
            unit=Y,
            note_zh=note[0],
            note_en=note[1],
        )
    )
    return {"job_search_monthly": monthly, "job_search_months": months, "job_search_total": total}


def _farmer(
    params: Params, claim: YearMonth, wages: Sequence[Decimal], farmer: int, steps: list[Step]
) -> dict[str, Any]:
    """原农民合同制工人 生活补助 (2022 text 第四十七条, 2025 text 第四十三条)."""
    cutoff = params.get("unemployment.farmer_transition.cutoff_month", claim)
    exempt, p_ex = _int(params, "unemployment.farmer_transition.exempt_months", claim)
    rate = params.get("unemployment.farmer_transition.rate", claim)
    window, p_win = _int(params, "unemployment.farmer_transition.wage_window_months", claim)
    avg, n = average_wage(wages, window)
    counted = max(0, farmer - exempt)
    lump = round_fen(avg * rate.decimal * counted)
    art = article(params, claim, "farmer")
    steps.append(
        Step(
            id="farmer_transition",
            label_zh=f"原农民合同制工人一次性生活补助（{art[0]}）",
            label_en=f"former farmer contract workers' lump sum ({art[1]})",
            formula_zh=f"{cutoff.value} 前连续缴费超过 {exempt} 个月的部分，"
            f"每月按失业前 {window} 个月平均缴费工资 × 比例",
            formula_en=f"for each continuous contribution month before {cutoff.value} beyond {exempt}: "
            f"average contribution wage of the last {window} months × rate",
            calc=f"{round_fen(avg)}（{n} 个月平均）× {rate.value} × max(0, {farmer} − {exempt}) = {lump}",
            params=(cutoff, p_ex, rate, p_win),
            result=lump,
            unit=Y,
        )
    )
    return {"farmer_transition_lump_sum": lump}


def _childbirth(
    params: Params,
    claim: YearMonth,
    born: YearMonth,
    first: YearMonth,
    last: YearMonth,
    standard: Decimal,
    steps: list[Step],
    notes: list[Notice],
) -> dict[str, Any]:
    """领取期间生育 (2022 text 第二十一条): one payment of 3 × the monthly benefit. Deleted by the
    2025 amendment: a birth after the deletion gives none."""
    gone = deleted_value(params, CHILDBIRTH, max(born, claim))
    if gone is not None:
        notes.append(_no_effect("childbirth_month", gone, "领取期间生育补助", "childbirth supplement"))
        return {}
    during = first <= born <= last
    factor = params.get(CHILDBIRTH, born if during else claim)
    amount = round_fen(standard * factor.decimal) if during else Decimal(0)
    steps.append(
        Step(
            id="childbirth",
            label_zh="领取期间生育的一次性补助（第二十一条）",
            label_en="childbirth supplement (art. 21)",
            formula_zh="当月失业保险金 × 倍数，一次性发放",
            formula_en="that month's benefit × factor, paid once",
            calc=f"{standard} × {factor.value} = {amount}" if during else "",
            inputs=(Quantity(name_zh="生育月", name_en="childbirth month", value=born),),
            params=(factor,),
            result=amount,
            unit=Y,
            note_zh="" if during else "生育月不在领取期间内",
            note_en="" if during else "the childbirth month is outside the benefit period",
        )
    )
    return {"childbirth_supplement": amount}


class _EndOfClaim(NamedTuple):
    """A new job or business during the claim: what ends the monthly payment."""

    field: str  # "reemployed_month" or "business_start_month"
    on: YearMonth
    last: YearMonth  # the period's last month
    standard: Decimal
    contract: int | None
    insured: int | None

    @property
    def remaining(self) -> int:
        """Months of the period from the new job on (not paid monthly)."""
        return max(0, int(self.last - self.on) + 1)


def _lump_sum(params: Params, end: _EndOfClaim, steps: list[Step], notes: list[Notice]) -> dict[str, Any]:
    """提前再就业 (2022 text 第二十二条) or 自主创业 (第二十三条): the remaining months as a lump sum.

    Both were deleted by the 2025 amendment: from then the payment stops and the remaining months
    are kept (:func:`_stop_and_keep`).
    """
    reemployed = end.field == "reemployed_month"
    gone = deleted_value(params, EARLY_REEMPLOYMENT if reemployed else BUSINESS_START, end.on)
    if gone is not None:
        return _stop_and_keep(params, end, gone, steps, notes)
    remaining = end.remaining
    used: list[ParamValue] = []
    if reemployed:
        share = params.get(EARLY_REEMPLOYMENT, end.on)
        min_contract, p_c = _int(params, "unemployment.early_reemployment.min_contract_months", end.on)
        min_insured, p_i = _int(params, "unemployment.early_reemployment.min_insured_months", end.on)
        used += [p_c, p_i]
        assert end.contract is not None and end.insured is not None  # required while in force
        met = end.contract >= min_contract and end.insured >= min_insured
        label = ("提前再就业一次性领取（第二十二条）", "early re-employment lump sum (art. 22)")
        field = "early_reemployment_lump_sum"
        unmet_zh = f"须签订 {min_contract} 个月以上劳动合同并参保满 {min_insured} 个月，条件未满足"
        unmet_en = f"needs a contract of {min_contract}+ months and {min_insured} months insured; not met"
    else:
        share = params.get(BUSINESS_START, end.on)
        met = True
        label = ("自主创业一次性领取（第二十三条）", "business-start lump sum (art. 23)")
        field = "business_start_lump_sum"
        unmet_zh = unmet_en = ""
    paid = months_rounded_up(remaining, share.decimal) if met else 0
    lump = round_fen(end.standard * paid)
    kept = remaining - paid if met else remaining
    steps.append(
        Step(
            id=field,
            label_zh=label[0],
            label_en=label[1],
            formula_zh="剩余月数 × 比例（不足一个月按一个月）× 月失业保险金；余下月数保留，下次失业时合并计算",
            formula_en="remaining months × share (a part month counts whole) × monthly benefit; the "
            "rest is kept for a later claim",
            calc=f"⌈{remaining} × {share.value}⌉ = {paid}；{end.standard} × {paid} = {lump}" if met else "",
            inputs=(Quantity(name_zh="就业/创业月", name_en="month of the new job", value=end.on),),
            params=(share, *used),
            result=lump,
            unit=Y,
            note_zh=unmet_zh if not met else f"剩余 {remaining} 个月，保留 {kept} 个月",
            note_en=unmet_en if not met else f"{remaining} months remaining, {kept} kept",
        )
    )
    return {field: lump, "remaining_months": remaining, "kept_months": kept}


def _stop_and_keep(
    params: Params, end: _EndOfClaim, gone: ParamValue, steps: list[Step], notes: list[Notice]
) -> dict[str, Any]:
    """After the 2025 amendment a new job (or business) stops the payment (2025 text 第二十四条
    (一)) and the months not drawn are kept for a later claim (第十八条): no lump sum."""
    reemployed = end.field == "reemployed_month"
    name = (
        ("提前再就业一次性领取", "early re-employment lump sum")
        if reemployed
        else ("自主创业一次性领取", "business-start lump sum")
    )
    if reemployed:
        for f, v in (("reemployment_contract_months", end.contract), ("reemployment_insured_months", end.insured)):
            if v is not None:
                notes.append(_no_effect(f, gone, *name))
    cap, p_cap = _int(params, "unemployment.duration.max_months", end.on)
    art = article(params, end.on, "stop")
    deleted_zh, deleted_en = _deleted_text(gone, *name)
    remaining = end.remaining
    field = "early_reemployment_lump_sum" if reemployed else "business_start_lump_sum"
    steps.append(
        Step(
            id=field,
            label_zh=f"重新就业：停止领取，剩余期限保留（{art[0]}、第十八条）",
            label_en=f"new job: payment stops, the remaining months are kept ({art[1]}, art. 18)",
            formula_zh=f"重新就业的，停止领取失业保险金；再次失业时与新的期限合并计算，最长 {cap} 个月",
            formula_en="payment stops on re-employment; the months not drawn are added to a later claim, "
            f"at most {cap}",
            calc=f"{end.last} − {end.on} + 1 = {remaining}",
            inputs=(Quantity(name_zh="就业/创业月", name_en="month of the new job", value=end.on),),
            params=(p_cap,),
            result=Decimal(0),
            unit=Y,
            note_zh=f"{deleted_zh}；{end.on} 起停止按月领取，剩余 {remaining} 个月保留"
            + ("（自主创业按重新就业处理）" if not reemployed else ""),
            note_en=f"{deleted_en}; monthly payment stops from {end.on}, {remaining} months kept"
            + (" (a business start is treated as re-employment)" if not reemployed else ""),
        )
    )
    return {field: Decimal(0), "remaining_months": remaining, "kept_months": remaining}


def _death(
    params: Params,
    claim: YearMonth,
    died: YearMonth,
    last: YearMonth,
    avg_wage: Decimal,
    steps: list[Step],
) -> dict[str, Any]:
    """领取期间死亡 (2022 text 第二十五条, 2025 text 第二十一条): 丧葬补助金 and 抚恤金, multiples of
    the average wage."""
    art = article(params, claim, "death")
    f_funeral = params.get("unemployment.death.funeral_factor", claim)
    f_survivor = params.get("unemployment.death.survivor_factor", claim)
    during = died <= last
    funeral = round_fen(avg_wage * f_funeral.decimal) if during else Decimal(0)
    survivor = round_fen(avg_wage * f_survivor.decimal) if during else Decimal(0)
    steps.append(
        Step(
            id="death",
            label_zh=f"领取期间死亡：丧葬补助金和抚恤金（{art[0]}）",
            label_en=f"death during the claim: funeral and survivors' grants ({art[1]})",
            formula_zh="江门市上年度在岗职工月平均工资 × 倍数",
            formula_en="the city's previous-year average monthly wage (在岗) × factor",
            calc=f"{avg_wage} × {f_funeral.value} = {funeral}；{avg_wage} × {f_survivor.value} = {survivor}"
            if during
            else "",
            inputs=(
                Quantity(name_zh="死亡月", name_en="month of death", value=died),
                Quantity(
                    name_zh="上年度在岗职工月平均工资（调用方提供）",
                    name_en="previous-year average monthly wage (caller input)",
                    value=avg_wage,
                    unit=M,
                ),
            ),
            params=(f_funeral, f_survivor),
            result=funeral + survivor,
            unit=Y,
            note_zh="另发当月未领的失业保险金；养老、工伤、失业保险的丧葬补助金只能选领一项"
            if during
            else "死亡月不在领取期间内",
            note_en="plus the unpaid benefit of that month; the family picks one funeral grant only "
            "across pension, injury and unemployment insurance"
            if during
            else "the month of death is outside the benefit period",
        )
    )
    return {"funeral_grant": funeral, "survivor_grant": survivor}


@public
def unemployment_contribution(
    month: MonthInput,
    wage: Wage,
    region: Region | str = Region.JIANGMEN,
    *,
    city_average_wage: Wage,
    flexible: bool = False,
    as_of: date | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> UnemploymentContribution:
    """The unemployment-insurance contribution for ``month`` on a monthly ``wage``.

    The base is the wage held between Jiangmen's minimum wage and 3 × ``city_average_wage`` (the
    city's previous-year 在岗 average monthly wage, a caller input: no sourced figure was found)
    (广东省失业保险条例第八条). Employee 0.2% (secondary); the employer rate is assumed (override
    ``unemployment.contribution.employer_rate`` with the actual one). Amounts rounded to 分.

    ``flexible=True``: a flexible worker (灵活就业人员) who chose to join (粤人社规〔2025〕50号, from
    2026-01-01 for two years; months outside are :class:`NotCovered`). ``wage`` is the declared base
    (on first joining, the average monthly income of the 12 months before), held within the same
    bounds (办法第六条); the person pays the whole baseline rate (employer plus employee rates,
    assumed), reported as ``employee``; ``employer`` is 0.
    """
    ym = _month(month, "month")
    wage_d = to_decimal(wage, "wage", non_negative=True)
    reg = Region.parse(region)
    avg = to_decimal(city_average_wage, "city_average_wage", non_negative=True)
    check(isinstance(flexible, bool), "flexible", "应为是/否", "must be true or false")
    params = Params(as_of, overrides)
    if flexible:
        rate = _flexible_rate(params, ym)
        base, base_step = _contribution_base(params, ym, wage_d, avg, "unemployment.flexible.base_cap_factor")
        shares = _flexible_shares(base, rate)
    else:
        base, base_step = _contribution_base(params, ym, wage_d, avg, "unemployment.contribution.base_cap_factor")
        shares = _employee_employer_shares(params, ym, base)
    employee, employer = shares[0].result, shares[1].result
    total = employee + employer
    total_step = Step(
        id="total", label_zh="合计", label_en="total", calc=f"{employee} + {employer}", result=total, unit=M
    )
    return UnemploymentContribution(
        as_of=params.as_of,
        steps=(base_step, *shares, total_step),
        warnings=notices_for(params.used),
        month=ym,
        region=reg,
        flexible=flexible,
        base=base,
        employee=employee,
        employer=employer,
        total=total,
    )


def _contribution_base(
    params: Params, ym: YearMonth, wage: Decimal, avg: Decimal, cap_param: str
) -> tuple[Decimal, Step]:
    """缴费基数: the wage held within [minimum wage, average wage × factor] (条例第八条; 办法第六条)."""
    floor = params.get("wages.minimum_monthly", ym)
    factor = params.get(cap_param, ym)
    cap = avg * factor.decimal
    check(
        cap >= floor.decimal,
        "city_average_wage",
        f"{factor.value} 倍后（{cap}）低于最低工资标准 {floor.value}，请核对",
        f"{factor.value} × it ({cap}) is below the minimum wage {floor.value}; check the figure",
    )
    base = clamp_base(wage, floor.decimal, cap)
    art = factor.source.locator.split("（")[0]
    return base, Step(
        id="base",
        label_zh=f"缴费基数（{factor.source.document}{art}）",
        label_en=f"contribution base ({factor.source.document} {art})",
        formula_zh="工资限定在 [最低工资标准, 上年度在岗职工月平均工资 × 倍数] 之间",
        formula_en="wage held within [minimum wage, previous-year average monthly wage × factor]",
        calc=f"min(max({wage}, {floor.value}), {avg} × {factor.value}) = {base}",
        inputs=(
            Quantity(name_zh="月工资（申报基数）", name_en="monthly wage (declared base)", value=wage, unit=M),
            Quantity(
                name_zh="上年度在岗职工月平均工资（调用方提供）",
                name_en="previous-year average monthly wage (caller input)",
                value=avg,
                unit=M,
            ),
        ),
        params=(floor, factor),
        result=base,
        unit=M,
    )


def _share_step(step_id: str, label: tuple[str, str], base: Decimal, rate: ParamValue) -> Step:
    amount = round_fen(base * rate.decimal)
    return Step(
        id=step_id,
        label_zh=label[0],
        label_en=label[1],
        formula_zh="缴费基数 × 费率，四舍五入到分",
        formula_en="base × rate, rounded to fen",
        calc=f"{base} × {rate.value} = {amount}",
        params=(rate,),
        result=amount,
        unit=M,
    )


def _employee_employer_shares(params: Params, ym: YearMonth, base: Decimal) -> tuple[Step, Step]:
    """An employee's month: the employee's and the employer's share (条例第八条)."""
    rate_e = params.get("unemployment.contribution.employee_rate", ym)
    rate_r = params.get("unemployment.contribution.employer_rate", ym)
    return (
        _share_step("employee", ("个人缴费", "employee contribution"), base, rate_e),
        _share_step("employer", ("单位缴费", "employer contribution"), base, rate_r),
    )


def _flexible_rate(params: Params, ym: YearMonth) -> ParamValue:
    """The flexible worker's rate; outside the 办法's two years a plain refusal (办法第二十六条)."""
    param = "unemployment.flexible.rate"
    try:
        return params.get(param, ym)
    except NotCovered as e:
        if e.covered_from is None or e.covered_until is None:
            raise
        doc = registry()[param].values[0].source.document
        if ym.first_day() < e.covered_from:
            zh = f"{doc} 自 {e.covered_from} 起施行，此前灵活就业人员不能参加失业保险"
            en = f"{doc} is in force from {e.covered_from}; flexible workers could not join before"
        else:
            zh = f"{doc} 有效期至 {e.covered_until}，其后的续期或新办法尚未收录"
            en = f"{doc} is valid until {e.covered_until}; its renewal or successor is not in the tables yet"
        raise NotCovered(e.param, e.on, e.covered_from, e.covered_until, zh, en) from None


def _flexible_shares(base: Decimal, rate: ParamValue) -> tuple[Step, Step]:
    """A flexible worker pays the whole baseline rate, employer plus employee (办法第六条)."""
    own = _share_step(
        "employee", ("本人缴费（基准费率，单位和个人费率之和）", "own contribution (baseline rate)"), base, rate
    )
    employer = Step(
        id="employer",
        label_zh="单位缴费",
        label_en="employer contribution",
        result=Decimal(0),
        unit=M,
        note_zh="灵活就业人员无用人单位，按单位和个人费率之和由本人缴纳",
        note_en="no employer: the flexible worker pays the employer and employee rates together",
    )
    return own, employer
