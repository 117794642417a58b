"""The 企业职工退休"一件事" checklist (enterprise-employee retirement, one-stop service), Jiangmen.

Jiangmen's social-insurance bureau (社保局) bundled six retirement items of four departments
(社保局, 住房公积金管理中心, 医保局, 卫健局) into one window, finished within 19 working days
(江门日报, 2025; secondary). National frame: 国发〔2024〕3号 (高效办成一件事), 国办发〔2025〕24号.
Rules reference: ``shared/rules/retirement_checklist.md``.

For one person, :func:`retirement_checklist` says which of the six items apply and why, the
documents to bring (the base list plus the situational ones this person triggers, nothing
more), the preconditions still open, the order (3 and 2 first, then 1, then 4, 5, 6 in
parallel; the order is secondary, taken from other provinces' bundles), the retirement month
(:func:`jm_socialsec.retirement.resolve`), whether the minimum contribution years are met (if
not: the shortfall and the options instead of item 1) and the due date.

Sources by item (details in the rules reference and ``docs/retirement_checklist.md``):

1. 企业职工基本养老金申领 — the Guangdong-wide item as published by Guangzhou (2025); 社会保险法
   第十六条; the 2024 NPC decision; 人社部发〔2024〕94号.
2. 企业职工从事特殊工种提前退休申请 — 办法第八条; 劳部发〔1993〕120号; register 人社厅发〔2020〕76号
   (secondary).
3. 企业职工历史信息审核申请 — 劳社部发〔1999〕8号 (birth date: the earliest in the file); when it is
   needed is a clean rule of other provinces' bundles (secondary).
4. 退休住房公积金提取 — 住房公积金管理条例 第二十四条（二）, 第二十五条.
5. 职工医保退休待遇核定 — 社会保险法 第二十七条; 粤医保规〔2022〕6号 (2030 values official; Jiangmen's
   2022-2029 thresholds unknown: assumed parameters the caller can override).
6. 城镇独生子女父母计划生育奖励 — 广东省人口与计划生育条例 (2021) 第三十六条; documents as listed
   by a Jiangmen county office. The amount is not known for Jiangmen and is not computed.

Limits: policy early retirement (closed or bankrupt enterprises) and illness (病残津贴) are not
modelled; Jiangmen's own document lists for items 4 and 6 were not all collected (the window's
list prevails).

Due date: the 19th working day after the day of application (the day itself is not counted,
民法典 第二百零一条), counting Chinese working days with the ``holidays`` package (weekends and
statutory holidays off, make-up working weekends on). A due date in a year whose State Council
holiday notice was not yet published on ``as_of`` (table ``checklist.holiday_schedule_published_through``,
capped by the last year the installed package lists make-up days for) is marked an estimate.
"""

from __future__ import annotations

import html
import threading
from collections.abc import Mapping
from datetime import date, datetime
from decimal import ROUND_CEILING, Decimal
from enum import StrEnum
from functools import cache
from typing import TYPE_CHECKING, Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from ..engine.api import check, field_value, input_error, public
from ..engine.errors import BadValue, NotCovered
from ..engine.explain import Explained, Notice, Quantity, Step, notices_for
from ..engine.months import Age, YearMonth
from ..engine.params import Params, ParamValue
from ..engine.regions import Region
from ..engine.tables import Status, Unit
from ..retirement import Category, RetirementChoice, SpecialWorkType, resolve, special_month

if TYPE_CHECKING:
    from holidays import HolidayBase

_YEAR = 12  # months in a year (structural)


# ---------------------------------------------------------------------------------------------
# Input


class DeemedService(StrEnum):
    """Kinds of 视同缴费 (deemed contribution time) that bring their own proof to item 3."""

    MILITARY = "military"  # 军龄 / 服役
    SENT_DOWN_YOUTH = "sent_down_youth"  # 知青上山下乡
    STATE_COLLECTIVE = "state_collective"  # 1998年前国有、集体单位工作（连续工龄）

    @property
    def zh(self) -> str:
        return {
            "military": "服役（军龄）",
            "sent_down_youth": "知青上山下乡",
            "state_collective": "国有、集体单位连续工龄",
        }[self.value]


class HukouType(StrEnum):
    """户籍类型."""

    URBAN = "urban"  # 城镇户籍（非农业）
    RURAL = "rural"  # 农村户籍（农业）


class SpouseHukou(StrEnum):
    """Where the spouse's hukou is, relative to the applicant's (decides where item 6 is filed)."""

    SAME_TOWN = "same_town"  # 同一镇街，或无配偶
    OTHER_TOWN = "other_town"  # 同市不同镇街
    OTHER_CITY = "other_city"  # 不同城市


def _birth_in(value: Any) -> Any:
    """A birth date (``date`` or ``YYYY-MM-DD``) or month (``YYYY-MM``); only the month counts."""
    if isinstance(value, str) and len(value.strip()) == len("YYYY-MM-DD"):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            raise BadValue(f"“{value}”不是有效日期", f"{value!r} is not a valid date") from None
    return value


class RetireeProfile(BaseModel):
    """What the combined application asks about one person (all fields the six items need).

    Required: ``birth`` (date or month), ``category`` (``male`` / ``female_55`` / ``female_50``,
    fixed by the post, not by sex alone) and ``contribution_months`` (total pension contribution
    months *including* deemed time, as reached by the retirement month). The rest has the
    default a clerk would assume; a flag that is not declared does not trigger its item or
    document. No ID number is taken.

    Construction errors (a wrong type, contradictory flags) are a bilingual
    :class:`~jm_socialsec.engine.errors.InputError` naming the field.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    # -- identity and retirement ---------------------------------------------------------------
    birth: YearMonth
    category: Category
    contribution_months: int = Field(ge=0)
    choice: RetirementChoice = RetirementChoice.STATUTORY
    #: The chosen month for flexible early/late retirement, optional for special type.
    retirement_month: YearMonth | None = None
    special_type: SpecialWorkType | None = None
    special_years: Decimal | None = Field(default=None, ge=0)
    #: In the national special-type register (特殊工种岗位人员信息库); None: not checked yet.
    special_in_register: bool | None = None
    # -- history (item 3) ----------------------------------------------------------------------
    deemed_service: tuple[DeemedService, ...] = ()
    #: Birth date, start of work or cadre/worker identity must be read from the personnel file.
    history_from_file: bool = False
    #: The history has already been reviewed (item 3 done earlier).
    history_reviewed: bool = False
    # -- pension pre-checks (item 1) -----------------------------------------------------------
    other_province_contributions: bool = False
    other_province_transferred: bool = False
    arrears: bool = False
    duplicate_contributions: bool = False
    #: Served a sentence (released, parole, supervised sentence): court and justice documents.
    served_sentence: bool = False
    employer_handles: bool = True
    by_proxy: bool = False
    # -- housing fund (item 4) -----------------------------------------------------------------
    housing_fund_account: bool = False
    housing_fund_arrears: bool = False
    # -- medical insurance (item 5) ------------------------------------------------------------
    #: In 职工医保 (employee medical insurance): compulsory for employees, hence the default.
    employee_medical: bool = True
    #: 职工医保 total contribution months, deemed included; None: not known yet.
    medical_months: int | None = Field(default=None, ge=0)
    #: 职工医保 months actually paid in Jiangmen; None: not known yet.
    medical_local_months: int | None = Field(default=None, ge=0)
    # -- hukou and family planning (item 6) ----------------------------------------------------
    hukou_type: HukouType | None = None
    hukou_region: Region | None = None
    hukou_outside_jiangmen: bool = False
    #: Holds the 独生子女父母光荣证 (or the employer's certificate).
    one_child_certificate: bool = False
    one_child_rewarded: bool = False
    only_child_alive: bool | None = None
    only_child_deceased: bool = False
    only_child_adopted: bool = False
    spouse_hukou: SpouseHukou = SpouseHukou.SAME_TOWN

    def __init__(self, **data: Any) -> None:
        try:
            super().__init__(**data)
        except ValidationError as e:
            raise input_error(e) from None

    @field_validator("birth", mode="before")
    @classmethod
    def _birth(cls, value: Any) -> Any:
        return _birth_in(value)

    @field_validator("category", mode="before")
    @classmethod
    def _category(cls, value: Any) -> Any:
        return Category.parse(value, "category")

    @field_validator("choice", mode="before")
    @classmethod
    def _choice(cls, value: Any) -> Any:
        return RetirementChoice.parse(value, "choice")

    @field_validator("special_type", mode="before")
    @classmethod
    def _special_type(cls, value: Any) -> Any:
        return None if value is None else SpecialWorkType.parse(value, "special_type")

    @field_validator("hukou_region", mode="before")
    @classmethod
    def _region(cls, value: Any) -> Any:
        return None if value is None else Region.parse(value, "hukou_region")

    @model_validator(mode="after")
    def _consistent(self) -> RetireeProfile:
        check(
            not (self.only_child_alive is True and self.only_child_deceased),
            "only_child_deceased",
            "独生子女不能同时标记为健在和已故",
            "the only child cannot be marked both alive and deceased",
        )
        check(
            self.other_province_contributions or not self.other_province_transferred,
            "other_province_transferred",
            "未申报外省缴费，却标记为已转移",
            "marked as transferred, but no contributions in other provinces are declared",
        )
        check(
            self.employee_medical or (self.medical_months is None and self.medical_local_months is None),
            "employee_medical",
            "未参加职工医保，却给出了职工医保缴费年限",
            "not in employee medical insurance, yet its contribution months are given",
        )
        check(
            self.medical_months is None
            or self.medical_local_months is None
            or self.medical_local_months <= self.medical_months,
            "medical_local_months",
            "本市实际缴费月数不能多于职工医保累计缴费月数",
            "months paid in Jiangmen cannot exceed the total medical contribution months",
        )
        check(
            self.housing_fund_account or not self.housing_fund_arrears,
            "housing_fund_arrears",
            "未申报住房公积金账户，却标记公积金欠缴",
            "housing-fund arrears marked, but no housing-fund account is declared",
        )
        check(
            not (self.hukou_outside_jiangmen and self.hukou_region is not None),
            "hukou_region",
            "户籍不能既在江门某区（市）又在江门以外",
            "the hukou cannot be both in a Jiangmen region and outside Jiangmen",
        )
        check(
            not self.one_child_certificate or self.hukou_type is not None,
            "hukou_type",
            "持独生子女父母光荣证的，须说明户籍类型（城镇 urban / 农村 rural）",
            "a one-child parent must state the hukou type (urban or rural)",
        )
        check(
            self.special_years is None or self.special_type is not None,
            "special_type",
            "给出了特殊工种年限，却未给出工种类别",
            "special-type years are given without the work type",
        )
        return self


# ---------------------------------------------------------------------------------------------
# Output


class Document(BaseModel):
    """A document to bring. ``when`` (and ``when_en``) says why this person needs it; empty: base list."""

    model_config = ConfigDict(frozen=True)

    name: str
    name_en: str
    note: str = ""
    note_en: str = ""
    when: str = ""
    when_en: str = ""

    @property
    def situational(self) -> bool:
        return bool(self.when)


class Precondition(BaseModel):
    """Something still open that must be settled before (or while) the item is handled."""

    model_config = ConfigDict(frozen=True)

    code: str
    zh: str
    en: str


class Option(BaseModel):
    """A way forward when the minimum contribution years are not met."""

    model_config = ConfigDict(frozen=True)

    code: str
    zh: str
    en: str


class ChecklistItem(BaseModel):
    """One of the six items, for this person."""

    model_config = ConfigDict(frozen=True)

    number: int
    name: str
    name_en: str
    department: str
    department_en: str
    applies: bool
    reason: str
    reason_en: str
    documents: tuple[Document, ...] = ()
    #: Preconditions still open (empty when the item does not apply).
    preconditions: tuple[Precondition, ...] = ()
    #: Items (that apply) to finish first.
    depends_on: tuple[int, ...] = ()
    notes: tuple[Notice, ...] = ()


class MedicalCheck(BaseModel):
    """职工医保 years against the retirement thresholds (item 5)."""

    model_config = ConfigDict(frozen=True)

    #: Required total months; None when the threshold for that month is not in the tables.
    required_months: int | None
    required_local_months: int | None
    months: int | None
    local_months: int | None
    #: None when either the threshold or the person's months are not known.
    met: bool | None
    #: Months to pay (补缴) to meet both thresholds; None when unknown.
    top_up_months: int | None
    #: The threshold used is not official (assumed or overridden).
    threshold_assumed: bool


_ITEMS: dict[int, tuple[str, str, str, str]] = {
    1: ("企业职工基本养老金申领", "basic pension claim", "社保局", "social insurance bureau"),
    2: (
        "企业职工从事特殊工种提前退休申请",
        "special-type early retirement application",
        "社保局",
        "social insurance bureau",
    ),
    3: ("企业职工历史信息审核申请", "review of the employment history", "社保局", "social insurance bureau"),
    4: ("退休住房公积金提取", "housing-fund withdrawal on retirement", "住房公积金管理中心", "housing fund centre"),
    5: (
        "职工医保退休待遇核定",
        "employee medical insurance: retiree benefits determination",
        "医保局",
        "medical insurance bureau",
    ),
    6: (
        "城镇独生子女父母计划生育奖励",
        "family-planning reward for urban one-child parents",
        "卫健局（经镇街、村居受理）",
        "health commission (filed at the town and neighbourhood offices)",
    ),
}
#: Processing order (secondary, from other provinces' bundles): the first group fixes the inputs
#: of item 1; the last group needs the retirement decision.
_FIRST, _SECOND, _LAST = (2, 3), (1,), (4, 5, 6)


class RetirementChecklist(Explained):
    """The six items for one person, with the retirement month and the due date."""

    title_zh: ClassVar[str] = "企业职工退休“一件事”办理清单"
    title_en: ClassVar[str] = "Enterprise-employee retirement: one-stop checklist"
    headline: ClassVar[tuple[tuple[str, str, str], ...]] = (
        ("retirement_month", "退休年月", "retirement month"),
        ("min_years_met", "是否满最低缴费年限", "minimum contribution years met"),
        ("due_date", "预计办结日期", "due date"),
        ("due_date_estimate", "办结日期为预估", "due date is an estimate"),
    )

    profile: RetireeProfile
    apply_on: date
    items: tuple[ChecklistItem, ...]
    choice: RetirementChoice
    retirement_month: YearMonth
    retirement_age: Age
    statutory_month: YearMonth
    benefit_start: YearMonth
    min_contribution_years: Decimal
    min_years_met: bool
    #: Months missing to the minimum (0 when met).
    shortfall_months: int
    #: The options when the minimum is not met (empty when met).
    shortfall_options: tuple[Option, ...]
    medical: MedicalCheck | None
    working_days: int
    due_date: date
    #: True when the due date falls in a year whose holiday schedule was not published on as_of.
    due_date_estimate: bool
    #: The last year with a published holiday schedule (as known on as_of, and in the package).
    holiday_schedule_through: int
    #: Groups of applying item numbers, in processing order (within a group: in parallel).
    processing_order: tuple[tuple[int, ...], ...]

    def item(self, number: int) -> ChecklistItem:
        return next(i for i in self.items if i.number == number)

    @property
    def applying(self) -> tuple[int, ...]:
        return tuple(i.number for i in self.items if i.applies)

    def explain(self, lang: str = "zh") -> str:
        """The counter print-out: numbered items, check boxes, documents indented."""
        return render_checklist_text(self, lang)

    def _repr_html_(self) -> str:
        return render_checklist_html(self)


# ---------------------------------------------------------------------------------------------
# Rules (pure)


def contribution_shortfall(months: int, min_years: Decimal) -> int:
    """Months missing to the minimum contribution years (社会保险法 第十六条; 办法第二条)."""
    needed = int((min_years * _YEAR).to_integral_value(rounding=ROUND_CEILING))
    return max(0, needed - months)


def medical_check(params: Params, sex: str, month: YearMonth, months: int | None, local: int | None) -> MedicalCheck:
    """职工医保 years at retirement against the thresholds in force in the retirement month.

    社会保险法 第二十七条; 粤医保规〔2022〕6号. Months to pay (补缴) are the larger of the two
    shortfalls: a month paid in Jiangmen counts towards both.
    """
    try:
        total_pv = params.get("medical.retirement_min_years", month, key=sex)
        local_pv = params.get("medical.retirement_min_local_years", month)
    except NotCovered:  # before the Guangdong rule: the bureau decides; nothing is guessed
        return MedicalCheck(
            required_months=None,
            required_local_months=None,
            months=months,
            local_months=local,
            met=None,
            top_up_months=None,
            threshold_assumed=True,
        )
    req = int((total_pv.decimal * _YEAR).to_integral_value(rounding=ROUND_CEILING))
    req_local = int((local_pv.decimal * _YEAR).to_integral_value(rounding=ROUND_CEILING))
    assumed = any(pv.overridden or pv.status is not Status.OFFICIAL for pv in (total_pv, local_pv))
    if months is None or local is None:
        return MedicalCheck(
            required_months=req,
            required_local_months=req_local,
            months=months,
            local_months=local,
            met=None,
            top_up_months=None,
            threshold_assumed=assumed,
        )
    top_up = max(0, req - months, req_local - local)
    return MedicalCheck(
        required_months=req,
        required_local_months=req_local,
        months=months,
        local_months=local,
        met=top_up == 0,
        top_up_months=top_up,
        threshold_assumed=assumed,
    )


def _package_schedule_through() -> int | None:
    """The last year the installed ``holidays`` package lists State Council make-up days for.

    Read from ``ChinaStaticHolidays.special_public_holidays`` (one entry per published notice);
    None if the package no longer exposes it (then the table alone decides).
    """
    from holidays.countries.china import ChinaStaticHolidays  # lazy: import time matters

    years = getattr(ChinaStaticHolidays, "special_public_holidays", None)
    return max(years) if isinstance(years, dict) and years else None


#: ``holidays`` fills a calendar's years lazily, on first use, and that is not thread-safe
#: (threads that first touch a year together saw half-filled years: due dates days off).
#: Every use of the shared calendar holds this lock; services run handlers in threads.
_CALENDAR_LOCK = threading.Lock()


@cache
def _china() -> HolidayBase:
    """One China calendar per process; it adds years as they are asked for (under the lock)."""
    import holidays  # lazy: import time matters

    return holidays.country_holidays("CN")


def working_days_after(start: date, n: int) -> date:
    """The ``n``-th Chinese working day after ``start`` (``start`` itself is not counted).

    Weekends and statutory holidays are off, make-up working weekends (调休) are on, as the
    ``holidays`` package has them from the State Council notices.
    """
    with _CALENDAR_LOCK:
        return _china().get_nth_working_day(start, n)


def is_working_day(day: date) -> bool:
    """Whether ``day`` is a Chinese working day (make-up weekends included)."""
    with _CALENDAR_LOCK:
        return _china().is_working_day(day)


def due_date(params: Params, apply_on: date) -> tuple[date, int, int, bool]:
    """(due date, working days, last published schedule year, estimate?) for an application."""
    limit = int(params.value("checklist.time_limit_working_days", apply_on))
    published: YearMonth = params.get("checklist.holiday_schedule_published_through", params.as_of).value
    through = published.year
    package = _package_schedule_through()
    if package is not None:
        through = min(through, package)
    due = working_days_after(apply_on, limit)
    return due, limit, through, due.year > through


# ---------------------------------------------------------------------------------------------
# The six items


def _doc(name: str, name_en: str, note: str = "", note_en: str = "", when: str = "", when_en: str = "") -> Document:
    return Document(name=name, name_en=name_en, note=note, note_en=note_en, when=when, when_en=when_en)


def _pre(code: str, zh: str, en: str) -> Precondition:
    return Precondition(code=code, zh=zh, en=en)


def _item(
    number: int,
    applies: bool,
    reason: str,
    reason_en: str,
    documents: tuple[Document, ...] = (),
    preconditions: tuple[Precondition, ...] = (),
    depends_on: tuple[int, ...] = (),
    notes: tuple[Notice, ...] = (),
) -> ChecklistItem:
    name, name_en, dept, dept_en = _ITEMS[number]
    return ChecklistItem(
        number=number,
        name=name,
        name_en=name_en,
        department=dept,
        department_en=dept_en,
        applies=applies,
        reason=reason,
        reason_en=reason_en,
        # Nothing to bring and nothing to settle for an item that does not apply.
        documents=documents if applies else (),
        preconditions=preconditions if applies else (),
        depends_on=depends_on if applies else (),
        notes=notes if applies else (),
    )


def _months_text(months: int, lang: str = "zh") -> str:
    y, m = divmod(months, _YEAR)
    if lang == "zh":
        return f"{y}年{m}个月" if m else f"{y}年"
    return f"{y} y {m} m" if m else f"{y} y"


class _Context(BaseModel):
    """What the item builders share (internal)."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    person: RetireeProfile
    apply_on: date
    choice: RetirementChoice
    month: YearMonth
    age: Age
    min_years: Decimal
    min_ok: bool
    shortfall: int
    item3: bool


def _item1(c: _Context, depends: tuple[int, ...]) -> ChecklistItem:
    p = c.person
    years = _months_text(p.contribution_months)
    years_en = _months_text(p.contribution_months, "en")
    if not c.min_ok:
        return _item(
            1,
            False,
            f"缴费年限（含视同）{years}，不足最低缴费年限 {c.min_years} 年，差 {c.shortfall} 个月："
            "暂不能申领基本养老金，见下方可选办法",
            f"{years_en} of contributions (deemed included), short of the minimum {c.min_years} years "
            f"by {c.shortfall} months: no pension claim yet; see the options",
        )
    employer_seal = "；单位经办的加盖单位公章" if p.employer_handles else ""
    employer_seal_en = "; with the employer's seal when the employer manages the case" if p.employer_handles else ""
    docs = [
        _doc(
            "《企业职工基本养老保险待遇申报表》",
            "pension benefit declaration form",
            f"本人签名{employer_seal}",
            f"signed by the applicant{employer_seal_en}",
        ),
        _doc(
            "《企业职工基本养老保险退休时间申请书》",
            "retirement-month application",
            f"不迟于所选退休月份（{c.month}）提交",
            f"filed no later than the retirement month ({c.month})",
        ),
        _doc(
            "社会保障卡（已激活金融功能）",
            "social-security card with its bank function activated",
            "养老金发放账户",
            "the pension is paid to it",
        ),
    ]
    if c.choice is RetirementChoice.FLEXIBLE_LATE:
        docs.append(
            _doc(
                "与用人单位协商一致的弹性延迟退休书面协议",
                "written agreement with the employer on flexible late retirement",
                when="弹性延迟退休",
                when_en="flexible late retirement",
            )
        )
    if p.served_sentence:
        docs.append(
            _doc(
                "法院判决书、裁定书及刑满释放证明（或假释、暂予监外执行、社区矫正文书）",
                "court judgment and release papers (or parole, supervised sentence papers)",
                when="曾服刑、假释或监外执行",
                when_en="served a sentence, parole or supervised sentence",
            )
        )
    if p.duplicate_contributions:
        docs.append(
            _doc(
                "《企业职工基本养老保险重复缴费退款申请表》",
                "refund application for double contributions",
                when="存在重复缴费",
                when_en="double contributions",
            )
        )
    if p.by_proxy:
        docs.append(
            _doc(
                "《个人委托书》",
                "power of attorney",
                "申请人签名",
                "signed by the applicant",
                when="委托他人代办",
                when_en="a proxy applies",
            )
        )
        docs.append(
            _doc(
                "申请人及代办人居民身份证",
                "ID cards of the applicant and the proxy",
                when="委托他人代办",
                when_en="a proxy applies",
            )
        )
    pre: list[Precondition] = []
    if p.other_province_contributions and not p.other_province_transferred:
        pre.append(
            _pre(
                "transfer_other_province",
                "外省缴费须先办理基本养老保险关系转移接续（或书面声明不转移）",
                "transfer the contributions from other provinces first (or declare in writing not to)",
            )
        )
    if p.arrears:
        pre.append(_pre("arrears", "须先补缴养老保险欠费", "settle the pension contribution arrears first"))
    if c.apply_on < c.month.first_day():
        pre.append(
            _pre(
                "age_not_reached",
                f"申请日尚未到退休月份：{c.month} 起方可核准",
                f"the retirement month {c.month} is not reached yet on the day of application",
            )
        )
    if c.choice in (RetirementChoice.FLEXIBLE_EARLY, RetirementChoice.FLEXIBLE_LATE) and (
        YearMonth.of(c.apply_on) > c.month
    ):
        pre.append(
            _pre(
                "chosen_month_passed",
                f"所选退休月份 {c.month} 已过：退休时间申请书须不迟于该月提交，请先与社保局确认",
                f"the chosen month {c.month} has passed: the application had to be filed by then; ask the bureau first",
            )
        )
    pre.append(
        _pre(
            "stop_contributions",
            "退休当月到税务部门停止缴费（单位经办的由单位办理）",
            "stop contributions at the tax bureau in the retirement month (the employer does it when it "
            "manages the case)",
        )
    )
    notes: list[Notice] = []
    if c.item3:
        notes.append(
            Notice(
                code="years_pending_review",
                zh="缴费年限含待审核的视同缴费或档案信息，以第3项审核结果为准",
                en="the contribution time includes deemed or file-based history still to be reviewed (item 3)",
            )
        )
    return _item(
        1,
        True,
        f"{c.choice.zh}：{c.month}（{c.age.zh()}）退休，缴费年限（含视同）{years}，已满最低缴费年限 {c.min_years} 年",
        f"{c.choice.value}: retires in {c.month} at {c.age.en()}, {years_en} of contributions (deemed "
        f"included), minimum {c.min_years} years met",
        tuple(docs),
        tuple(pre),
        depends,
        tuple(notes),
    )


def _item2(c: _Context, params: Params) -> ChecklistItem:
    p = c.person
    if c.choice is not RetirementChoice.SPECIAL:
        if p.special_type is not None:
            return _item(
                2,
                False,
                f"有{p.special_type.zh}经历，但选择{c.choice.zh}，不申请特殊工种提前退休（工种记录在第3项审核）",
                f"has {p.special_type.value} history but chose {c.choice.value}: no special-type claim "
                "(the records are reviewed in item 3)",
            )
        return _item(2, False, "未申请特殊工种提前退休", "no special-type early retirement claimed")
    assert p.special_type is not None and p.special_years is not None  # resolve() checked them
    _, _, earliest = special_month(params, p.birth, p.category)
    required = params.get("retirement.special.required_years", earliest, key=p.special_type.value)
    publicity = params.get("checklist.special_publicity_working_days", c.apply_on)
    docs = (
        _doc(
            "原始档案（招工登记表、工资调整审批表、劳动合同等）",
            "original personnel file (hiring record, wage adjustment records, contracts)",
            "原件；须能证明所从事工种及连续或累计年限",
            "originals, showing the job type and its years, continuous or cumulative",
        ),
        _doc("特殊工种提前退休申请表", "special-type early retirement application form"),
        _doc("单位公示回执", "the employer's public-notice receipt"),
        _doc("居民身份证", "resident ID card"),
        _doc("社会保障卡", "social-security card"),
    )
    pre = []
    if p.special_in_register is not True:
        state = "尚未录入" if p.special_in_register is False else "须核实已录入"
        pre.append(
            _pre(
                "special_register",
                f"{state}全国特殊工种岗位人员信息库（人社厅发〔2020〕76号）：未录入的不能批准",
                "must be in the national special-type register (人社厅发〔2020〕76号); not approved otherwise",
            )
        )
    pre.append(
        _pre(
            "special_publicity",
            f"社保局公示（约 {publicity.value} 个工作日，假设值）无异议后方可审批",
            f"the case is published (about {publicity.value} working days, assumed) before approval",
        )
    )
    if not c.min_ok:
        pre.append(
            _pre(
                "min_years",
                f"须满最低缴费年限 {c.min_years} 年（差 {c.shortfall} 个月）",
                f"needs the minimum {c.min_years} contribution years ({c.shortfall} months short)",
            )
        )
    notes = (
        Notice(
            code="early_lowers_pension",
            zh="提前退休会缩短缴费年限，降低养老金及今后的调整水平，申请时须确认知悉",
            en="early retirement shortens contribution time and lowers the pension and its future "
            "adjustments; the applicant must acknowledge this",
        ),
        Notice(
            code="types_before_1993",
            zh="只认可1993年以前经批准的特殊工种（劳部发〔1993〕120号后不再新增）",
            en="only job types approved before 1993 count (劳部发〔1993〕120号 stopped new approvals)",
        ),
    )
    return _item(
        2,
        True,
        f"申请特殊工种提前退休：{p.special_type.zh}累计 {p.special_years} 年（要求 {required.value} 年），"
        f"最早 {earliest}，选定 {c.month}",
        f"special-type early retirement: {p.special_years} years of {p.special_type.value} "
        f"(required {required.value}), earliest {earliest}, chosen {c.month}",
        docs,
        tuple(pre),
        (),
        notes,
    )


def _item3(c: _Context) -> ChecklistItem:
    p = c.person
    why: list[tuple[str, str]] = [(f"视同缴费：{d.zh}", f"deemed time: {d.value}") for d in p.deemed_service]
    if p.history_from_file:
        why.append(
            (
                "出生日期、参加工作时间或干部/工人身份须以档案认定",
                "birth date, start of work or cadre/worker identity read from the file",
            )
        )
    if p.special_type is not None:
        why.append((f"特殊工种记录（{p.special_type.zh}）", f"special-type records ({p.special_type.value})"))
    if not why:
        return _item(
            3,
            False,
            "无视同缴费年限、无须以档案认定的信息、无特殊工种记录",
            "no deemed time, nothing to read from the file, no special-type records",
        )
    if p.history_reviewed:
        return _item(3, False, "历史信息已审核完毕", "the history has already been reviewed")
    docs = [
        _doc("人事档案", "personnel file", "原件", "original"),
        _doc("居民身份证", "resident ID card"),
        _doc("企业职工历史信息审核申请表", "history review application form"),
    ]
    proofs = {
        DeemedService.MILITARY: ("退伍证或军人登记表", "discharge certificate or military registration form"),
        DeemedService.SENT_DOWN_YOUTH: ("知青上山下乡证明材料", "proof of sent-down-youth service"),
        DeemedService.STATE_COLLECTIVE: ("招工登记表（招工表）", "hiring record of the state/collective unit"),
    }
    for d in DeemedService:
        if d in p.deemed_service:
            docs.append(_doc(*proofs[d], when=f"视同缴费：{d.zh}", when_en=f"deemed time: {d.value}"))
    notes: tuple[Notice, ...] = ()
    if p.history_from_file:
        notes = (
            Notice(
                code="earliest_birth_date",
                zh="出生日期以档案中最早记载为准（劳社部发〔1999〕8号）",
                en="the earliest birth date recorded in the file counts (劳社部发〔1999〕8号)",
            ),
        )
    return _item(
        3,
        True,
        "须审核：" + "；".join(zh for zh, _ in why),
        "to review: " + "; ".join(en for _, en in why),
        tuple(docs),
        (),
        (),
        notes,
    )


_NEEDS_ITEM1 = (
    "以第1项退休核准为前提；最低缴费年限未满足，暂不能办理",
    "needs the retirement decision of item 1, which cannot be made (minimum years not met)",
)


def _item4(c: _Context) -> ChecklistItem:
    p = c.person
    if not p.housing_fund_account:
        return _item(
            4,
            False,
            "未申报住房公积金账户（如有余额，请申报后一并办理）",
            "no housing-fund account declared (declare it if it has a balance)",
        )
    if not c.min_ok:
        return _item(4, False, *_NEEDS_ITEM1)
    docs = (
        _doc("居民身份证", "resident ID card"),
        _doc(
            "本人名下银行结算账户",
            "a bank account in the applicant's name",
            "未提供的，以社会保障卡金融账户收款",
            "otherwise the social-security card's bank account is used",
        ),
    )
    pre = []
    if p.housing_fund_arrears:
        pre.append(
            _pre("housing_fund_arrears", "单位欠缴的住房公积金须先补缴", "settle the housing-fund arrears first")
        )
    notes = (
        Notice(
            code="housing_fund_closed",
            zh="退休证明由第1项推送；提取后公积金账户销户。江门公积金中心的具体材料未收录，以窗口告知为准",
            en="proof of retirement comes from item 1; the account is closed on withdrawal. Jiangmen's "
            "own list was not collected: the window's list prevails",
        ),
    )
    return _item(
        4,
        True,
        "有住房公积金账户，退休后可提取全部余额并销户（住房公积金管理条例第二十四条）",
        "has a housing-fund account: the balance is withdrawn and the account closed on retirement "
        "(住房公积金管理条例 art. 24)",
        docs,
        tuple(pre),
        (1,),
        notes,
    )


def _item5(c: _Context, medical: MedicalCheck | None) -> ChecklistItem:
    p = c.person
    if not p.employee_medical or medical is None:
        return _item(
            5,
            False,
            "未参加职工医保（城乡居民医保不在本事项）",
            "not in employee medical insurance (residents' medical insurance is not part of this item)",
        )
    if not c.min_ok:
        return _item(5, False, *_NEEDS_ITEM1)
    pre: list[Precondition] = []
    notes: list[Notice] = []
    if medical.required_months is None or medical.required_local_months is None:
        reason = "参加职工医保；该退休月份适用的缴费年限要求未收录，由医保局核定"
        reason_en = (
            "in employee medical insurance; the threshold for that month is not in the tables: the bureau decides"
        )
    else:
        need = (
            f"须累计 {_months_text(medical.required_months)}，"
            f"其中在江门实际缴费 {_months_text(medical.required_local_months)}"
        )
        need_en = (
            f"needs {_months_text(medical.required_months, 'en')} in total, "
            f"{_months_text(medical.required_local_months, 'en')} of them paid in Jiangmen"
        )
        if medical.met is None:
            reason, reason_en = f"参加职工医保；{need}", f"in employee medical insurance; {need_en}"
            pre.append(
                _pre(
                    "medical_years_unknown",
                    "提供职工医保累计缴费年限及在江门实际缴费年限，以核定是否需补缴",
                    "give the total and Jiangmen medical contribution months to see whether a top-up is needed",
                )
            )
        elif medical.met:
            reason = f"参加职工医保，{need}；已满足，退休后不再缴费"
            reason_en = f"in employee medical insurance, {need_en}; met: no more contributions after retirement"
        else:
            reason = f"参加职工医保，{need}；差 {medical.top_up_months} 个月，须补缴"
            reason_en = f"in employee medical insurance, {need_en}; {medical.top_up_months} months short: top-up"
            pre.append(
                _pre(
                    "medical_top_up",
                    f"补缴职工医保 {medical.top_up_months} 个月（可按月或一次性，基数为本市上上年度全口径"
                    "城镇单位就业人员平均工资，费率为单位缴费费率）",
                    f"pay {medical.top_up_months} months of medical contributions (monthly or in one lump, on "
                    "the city's average wage of two years before × the employer rate)",
                )
            )
    if medical.threshold_assumed:
        notes.append(
            Notice(
                code="medical_threshold_assumed",
                zh="江门在该退休月份适用的职工医保退休缴费年限要求未经证实：所用年限为假设值或调用方给定值"
                "（可用 overrides 覆盖），以医保局核定为准",
                en="Jiangmen's medical-insurance thresholds for that month are not confirmed: the years "
                "used are assumed or the caller's (override them with overrides); the bureau decides",
            )
        )
    notes.append(
        Notice(
            code="medical_data_pushed",
            zh="一件事内无须另交材料，数据由第1项推送",
            en="nothing more to bring inside the bundle: the data comes from item 1",
        )
    )
    return _item(5, True, reason, reason_en, (), tuple(pre), (1,), tuple(notes))


def _item6(c: _Context) -> ChecklistItem:
    p = c.person
    no: tuple[str, str] | None = None
    if not p.one_child_certificate:
        no = ("未持《独生子女父母光荣证》（或单位证明）", "no one-child parent certificate")
    elif p.hukou_type is HukouType.RURAL:
        no = (
            "农村户籍，不属城镇独生子女父母奖励（可了解农村部分计划生育家庭奖励扶助）",
            "rural hukou: not the urban reward (see the rural family-planning support instead)",
        )
    elif p.hukou_outside_jiangmen:
        no = ("户籍不在江门，须向户籍地卫生健康部门申请", "hukou outside Jiangmen: apply where the hukou is")
    elif p.one_child_rewarded:
        no = ("已领取过独生子女父母计划生育奖励，不重复发放", "already rewarded: not paid twice")
    elif p.only_child_deceased:
        no = (
            "独生子女已故，转计划生育特别扶助，不在本事项",
            "the only child has died: the special family-planning support applies instead, not this item",
        )
    elif not c.min_ok:
        no = _NEEDS_ITEM1
    if no is not None:
        return _item(6, False, *no)
    docs = [
        _doc("居民身份证", "resident ID card"),
        _doc("户口簿", "household register"),
        _doc("结婚证", "marriage certificate"),
        _doc("子女出生医学证明", "the child's birth certificate"),
        _doc(
            "《独生子女父母光荣证》",
            "one-child parent certificate",
            "或单位出具的证明",
            "or the employer's certificate",
        ),
        _doc("退休证明", "proof of retirement", "一件事内可由第1项结果提供", "inside the bundle, from item 1"),
        _doc("近期一寸免冠照片", "recent one-inch photos", "3张", "3"),
        _doc(
            "《广东省城镇独生子女父母计划生育奖励申请表》",
            "Guangdong application form for the reward",
            "一式3份",
            "3 copies",
        ),
    ]
    if p.only_child_adopted:
        docs.append(_doc("收养证明材料", "adoption papers", when="子女为收养", when_en="the child is adopted"))
    where = {
        SpouseHukou.SAME_TOWN: ("向户籍所在镇街（村居）申请", "apply at the town office of the hukou"),
        SpouseHukou.OTHER_TOWN: (
            "夫妻户籍在本市不同镇街：向女方户籍所在地申请",
            "spouses' hukou in different towns: apply where the wife's hukou is",
        ),
        SpouseHukou.OTHER_CITY: (
            "夫妻户籍在不同城市：各自向本人户籍所在地申请",
            "spouses' hukou in different cities: each applies where their own hukou is",
        ),
    }[p.spouse_hukou]
    region = f"（{p.hukou_region.zh}）" if p.hukou_region is not None else ""
    notes = (
        Notice(code="where_to_apply", zh=where[0] + region, en=where[1]),
        Notice(
            code="one_child_amount_unknown",
            zh="江门的奖励金额未收录，本清单只判断资格和材料，不给出金额",
            en="Jiangmen's reward amount is not known: this checklist gives eligibility and documents only",
        ),
    )
    return _item(
        6,
        True,
        "城镇户籍、持独生子女父母光荣证、未领取过奖励、子女健在（广东省人口与计划生育条例第三十六条）",
        "urban hukou, one-child parent certificate, not yet rewarded, child alive (广东省人口与计划生育条例 art. 36)",
        tuple(docs),
        (),
        (1,),
        notes,
    )


# ---------------------------------------------------------------------------------------------
# Public entry point


def _apply_on(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise BadValue("应为日期（YYYY-MM-DD）", "must be a date (YYYY-MM-DD)")


_OPTIONS = (
    Option(
        code="extend",
        zh="延长缴费至满最低缴费年限，届时按实际年龄领取（社会保险法第十六条）",
        en="keep contributing until the minimum is met; the pension then starts at that age",
    ),
    Option(
        code="lump_sum",
        zh="按规定一次性缴费补足（须符合有关政策）",
        en="pay the missing time in one lump where the rules allow it",
    ),
    Option(
        code="residents_scheme",
        zh="转入城乡居民基本养老保险，按规定享受相应待遇",
        en="transfer to the urban and rural residents' pension scheme",
    ),
)


@public
def retirement_checklist(
    profile: RetireeProfile | Mapping[str, Any],
    apply_on: date | str,
    *,
    as_of: date | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> RetirementChecklist:
    """The six-item 企业职工退休"一件事" checklist for one person applying on ``apply_on``.

    Returns all six items in the official order, each with whether it applies and why, the
    documents to bring, the open preconditions and the items to finish first; the retirement
    month; whether the minimum contribution years are met (if not, the shortfall and the options,
    and item 1 does not apply); and ``due_date``, 19 working days after ``apply_on`` (an estimate
    when that year's holiday schedule was not yet published on ``as_of``).

    A retirement choice the rules do not allow (flexible early below the original age or without
    the minimum years, special type without enough years) is an :class:`InputError` naming the
    field. ``overrides`` replace table values (e.g. ``{"medical.retirement_min_years": {"male": 25,
    "female": 20}}``); every override is reported.
    """
    if isinstance(profile, RetireeProfile):
        person = profile
    else:
        check(
            isinstance(profile, Mapping),
            "profile",
            "应为 RetireeProfile 或字段映射",
            "must be a RetireeProfile or a mapping",
        )
        person = RetireeProfile(**{str(k): v for k, v in profile.items()})
    day = field_value(apply_on, "apply_on", _apply_on)
    params = Params(as_of, overrides)
    check(
        person.birth <= YearMonth.of(params.as_of),
        "birth",
        f"出生年月 {person.birth} 晚于今天（{params.as_of}）",
        f"birth month {person.birth} is after the as_of date {params.as_of}",
    )
    check(
        person.birth < YearMonth.of(day),
        "apply_on",
        f"申请日期 {day} 早于出生年月",
        f"the application date {day} is before the birth month",
    )
    resolved = resolve(
        params,
        person.birth,
        person.category,
        person.choice,
        person.retirement_month,
        person.contribution_months,
        person.special_type,
        person.special_years,
    )
    shortfall = contribution_shortfall(person.contribution_months, resolved.min_years)
    medical = (
        medical_check(params, person.category.sex, resolved.month, person.medical_months, person.medical_local_months)
        if person.employee_medical
        else None
    )
    due, limit, through, estimate = due_date(params, day)

    ctx = _Context(
        person=person,
        apply_on=day,
        choice=resolved.choice,
        month=resolved.month,
        age=resolved.age,
        min_years=resolved.min_years,
        min_ok=shortfall == 0,
        shortfall=shortfall,
        item3=False,
    )
    item3 = _item3(ctx)
    ctx = ctx.model_copy(update={"item3": item3.applies})
    item2 = _item2(ctx, params)
    first = tuple(i.number for i in (item2, item3) if i.applies)
    items = (_item1(ctx, first), item2, item3, _item4(ctx), _item5(ctx, medical), _item6(ctx))
    applying = {i.number for i in items if i.applies}
    order = tuple(
        group for group in (tuple(n for n in phase if n in applying) for phase in (_FIRST, _SECOND, _LAST)) if group
    )

    warnings = list(notices_for(params.used))
    if estimate:
        warnings.append(
            Notice(
                code="due_date_estimate",
                zh=f"{due.year}年放假调休安排在 {params.as_of} 尚未公布（已公布至{through}年），"
                "办结日期按周末和法定节日推算、未计调休，为预估日期",
                en=f"the {due.year} holiday schedule was not published on {params.as_of} (published "
                f"through {through}): the due date counts weekends and statutory holidays without "
                "make-up days and is an estimate",
                param="checklist.holiday_schedule_published_through",
            )
        )
    return RetirementChecklist(
        as_of=params.as_of,
        steps=_steps(ctx, params.used, medical, due, limit, through),
        warnings=tuple(warnings),
        profile=person,
        apply_on=day,
        items=items,
        choice=resolved.choice,
        retirement_month=resolved.month,
        retirement_age=resolved.age,
        statutory_month=resolved.statutory_month,
        benefit_start=resolved.month + 1,
        min_contribution_years=resolved.min_years,
        min_years_met=ctx.min_ok,
        shortfall_months=shortfall,
        shortfall_options=() if ctx.min_ok else _OPTIONS,
        medical=medical,
        working_days=limit,
        due_date=due,
        due_date_estimate=estimate,
        holiday_schedule_through=through,
        processing_order=order,
    )


def _steps(
    c: _Context,
    used: list[ParamValue],
    medical: MedicalCheck | None,
    due: date,
    limit: int,
    through: int,
) -> tuple[Step, ...]:
    """The explanation steps, each citing the parameter values it used."""

    def cited(*prefixes: str) -> tuple[ParamValue, ...]:
        return tuple(pv for pv in used if pv.id.startswith(prefixes))

    person = c.person
    steps = [
        Step(
            id="retirement_month",
            label_zh="退休年月",
            label_en="retirement month",
            inputs=(
                Quantity(name_zh="出生年月", name_en="birth month", value=person.birth),
                Quantity(name_zh="类别", name_en="category", value=person.category.zh),
                Quantity(name_zh="退休方式", name_en="choice", value=person.choice.zh),
            ),
            params=cited("retirement.", "checklist.special_"),
            result=c.month,
        ),
        Step(
            id="min_years",
            label_zh="是否满最低缴费年限",
            label_en="minimum contribution years met",
            formula_zh="缴费月数（含视同）≥ 最低缴费年限 × 12",
            formula_en="contribution months (deemed included) ≥ minimum years × 12",
            calc=f"{person.contribution_months} ≥ {c.min_years} × {_YEAR}"
            + (f"，差 {c.shortfall} 个月" if c.shortfall else ""),
            inputs=(
                Quantity(
                    name_zh="缴费月数",
                    name_en="contribution months",
                    value=person.contribution_months,
                    unit=Unit.MONTHS,
                ),
            ),
            params=cited("pension.min_contribution_years"),
            result=c.min_ok,
        ),
    ]
    if medical is not None:
        if medical.required_months is None:
            calc = "该月份的年限要求未收录"
        elif medical.met is None:
            calc = f"要求 {medical.required_months} / {medical.required_local_months} 个月；本人月数未提供"
        else:
            calc = (
                f"max(0, {medical.required_months} − {medical.months}, "
                f"{medical.required_local_months} − {medical.local_months}) = {medical.top_up_months}"
            )
        steps.append(
            Step(
                id="medical",
                label_zh="职工医保补缴月数",
                label_en="employee medical insurance: months to top up",
                formula_zh="max(0, 累计要求 − 累计月数, 本市要求 − 本市实缴月数)",
                formula_en="max(0, total required − total, local required − local)",
                calc=calc,
                params=cited("medical."),
                result=medical.top_up_months,
                unit=Unit.MONTHS,
            )
        )
    steps.append(
        Step(
            id="due_date",
            label_zh="预计办结日期",
            label_en="due date",
            formula_zh="申请日次日起第 N 个工作日（周末、法定节假日不计，调休上班日计入）",
            formula_en="the N-th working day after the application day (weekends and holidays off, make-up days on)",
            calc=f"{c.apply_on} + {limit} 个工作日 = {due}",
            params=cited("checklist.time_limit", "checklist.holiday_schedule"),
            result=due,
            note_zh=f"放假调休安排已公布至 {through} 年",
            note_en=f"holiday schedules published through {through}",
        )
    )
    return tuple(steps)


# ---------------------------------------------------------------------------------------------
# Renderers (kept apart from the rules): the counter print-out, HTML, and JSON via to_json().

_BOX = "☐"
_WEEKDAY_ZH = "一二三四五六日"


def _source_line(pv: ParamValue, lang: str) -> str:
    key = f"[{pv.key}]" if pv.key else ""
    if lang == "zh":
        status = "调用方覆盖" if pv.overridden else pv.status.zh
        return f"{pv.label_zh}{key} = {pv.value}〔{pv.source.short()}；{status}〕"
    status = "caller override" if pv.overridden else pv.status.value
    return f"{pv.label_en}{key} = {pv.value} [{pv.source.short()}; {status}]"


def render_checklist_text(result: RetirementChecklist, lang: str = "zh") -> str:
    """Plain text for the counter: numbered items, check boxes, documents indented."""
    zh = lang == "zh"
    out: list[str] = []
    add = out.append
    if zh:
        add(f"{result.title_zh}（依 {result.as_of} 知悉的规定）")
        add(f"申请日期：{result.apply_on}（星期{_WEEKDAY_ZH[result.apply_on.weekday()]}）")
        add(
            f"退休方式：{result.choice.zh}；退休年月：{result.retirement_month}（{result.retirement_age.zh()}）；"
            f"待遇起始月：{result.benefit_start}"
        )
        met = "已满足" if result.min_years_met else f"未满足，差 {result.shortfall_months} 个月"
        add(
            f"最低缴费年限：{result.min_contribution_years} 年；缴费年限（含视同）："
            f"{_months_text(result.profile.contribution_months)} → {met}"
        )
        est = "（预估：该年放假安排尚未公布）" if result.due_date_estimate else ""
        add(f"预计办结：{result.due_date}（申请日后第 {result.working_days} 个工作日）{est}")
        order = " → ".join("、".join(f"第{n}项" for n in g) for g in result.processing_order)
        add(f"办理顺序：{order or '无'}（同组可同时办理）")
    else:
        add(f"{result.title_en} (rules as known on {result.as_of})")
        add(f"Application date: {result.apply_on} ({result.apply_on.strftime('%A')})")
        add(
            f"Choice: {result.choice.value}; retirement month: {result.retirement_month} "
            f"({result.retirement_age.en()}); benefits start: {result.benefit_start}"
        )
        met = "met" if result.min_years_met else f"not met, {result.shortfall_months} months short"
        add(
            f"Minimum contribution years: {result.min_contribution_years}; contributions (deemed included): "
            f"{_months_text(result.profile.contribution_months, 'en')} → {met}"
        )
        est = " (estimate: that year's holiday schedule is not published yet)" if result.due_date_estimate else ""
        add(f"Due date: {result.due_date} ({result.working_days} working days after the application){est}")
        order = " → ".join(", ".join(f"item {n}" for n in g) for g in result.processing_order)
        add(f"Order: {order or 'none'} (items in a group run in parallel)")
    if result.shortfall_options:
        add("可选办法：" if zh else "Options:")
        out.extend(f"  · {o.zh if zh else o.en}" for o in result.shortfall_options)
    add("")
    for item in result.items:
        name = item.name if zh else f"{item.name_en} ({item.name})"
        dept = item.department if zh else item.department_en
        if not item.applies:
            add(
                f"   {item.number}. {name}〔{dept}〕—— 不适用：{item.reason}"
                if zh
                else f"   {item.number}. {name} [{dept}] — does not apply: {item.reason_en}"
            )
            continue
        add(f"{_BOX} {item.number}. {name}〔{dept}〕" if zh else f"{_BOX} {item.number}. {name} [{dept}]")
        add(f"     适用：{item.reason}" if zh else f"     applies: {item.reason_en}")
        if item.depends_on:
            deps = "、".join(f"第{n}项" for n in item.depends_on)
            add(f"     须先办：{deps}" if zh else f"     after: {', '.join(f'item {n}' for n in item.depends_on)}")
        if item.documents:
            add("     携带材料：" if zh else "     documents:")
            for d in item.documents:
                note = d.note if zh else d.note_en
                when = d.when if zh else d.when_en
                line = d.name if zh else f"{d.name_en} ({d.name})"
                if note:
                    line += f"（{note}）" if zh else f" — {note}"
                if when:
                    line += f"〔因：{when}〕" if zh else f" [because: {when}]"
                add(f"       {_BOX} {line}")
        else:
            add("     携带材料：无须另交" if zh else "     documents: nothing more to bring")
        if item.preconditions:
            add("     待办事项：" if zh else "     still open:")
            out.extend(f"       △ {p.zh if zh else p.en}" for p in item.preconditions)
        out.extend(f"     提示：{n.zh}" if zh else f"     note: {n.en}" for n in item.notes)
    if result.warnings:
        add("")
        add("注意：" if zh else "Warnings:")
        out.extend(f"  ! {w.zh if zh else w.en}" for w in result.warnings)
    sources = result.sources()
    if sources:
        add("依据：" if zh else "Sources:")
        out.extend(f"  · {_source_line(pv, lang)}" for pv in sources)
    return "\n".join(out)


def render_checklist_html(result: RetirementChecklist) -> str:
    """HTML for notebooks: the same content as the counter text, with check boxes."""
    e = html.escape
    head = (
        f"<p>申请日期 / applied: <b>{result.apply_on}</b> · 退休年月 / retirement month: "
        f"<b>{result.retirement_month}</b> ({e(result.retirement_age.zh())}) · 最低缴费年限 / minimum years: "
        f"<b>{result.min_contribution_years}</b> ({'已满足 / met' if result.min_years_met else '未满足 / not met'}) · "
        f"预计办结 / due: <b>{result.due_date}</b>"
        + (" <i>(预估 / estimate)</i>" if result.due_date_estimate else "")
        + "</p>"
    )
    options = "".join(f"<li>{e(o.zh)}<br><small>{e(o.en)}</small></li>" for o in result.shortfall_options)
    rows = []
    for item in result.items:
        box = "&#9744;" if item.applies else "—"
        docs = "".join(
            f"<li>&#9744; {e(d.name)}"
            + (f"（{e(d.note)}）" if d.note else "")
            + (f" <small>〔因：{e(d.when)}〕</small>" if d.when else "")
            + "</li>"
            for d in item.documents
        )
        pre = "".join(f"<li>△ {e(p.zh)}<br><small>{e(p.en)}</small></li>" for p in item.preconditions)
        notes = "".join(f"<li>{e(n.zh)}</li>" for n in item.notes)
        deps = "、".join(f"第{n}项" for n in item.depends_on)
        rows.append(
            f"<tr><td>{box} {item.number}</td><td>{e(item.name)}<br><small>{e(item.name_en)}</small></td>"
            f"<td>{e(item.department)}</td><td>{e(item.reason)}<br><small>{e(item.reason_en)}</small>"
            + (f"<br>须先办：{deps}" if deps else "")
            + "</td>"
            f"<td><ul>{docs}</ul></td><td><ul>{pre}{notes}</ul></td></tr>"
        )
    warn = "".join(f"<li>{e(w.zh)}<br><small>{e(w.en)}</small></li>" for w in result.warnings)
    return (
        f"<div class='jm-socialsec'><h4>{e(result.title_zh)} / {e(result.title_en)}"
        f" <small>as of {result.as_of}</small></h4>{head}"
        + (f"<p><b>可选办法 / options</b></p><ul>{options}</ul>" if options else "")
        + "<table><thead><tr><th>#</th><th>事项</th><th>部门</th><th>是否适用</th><th>携带材料</th>"
        f"<th>待办与提示</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
        + (f"<p><b>注意 / Warnings</b></p><ul>{warn}</ul>" if warn else "")
        + "</div>"
    )
