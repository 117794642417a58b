"""Who applies (申请人信息): what the combined application asks about one person.

One model, :class:`RetireeProfile`, with every fact the six items need. A flag that is not
declared does not trigger its item or document (the default is what a clerk would assume:
职工医保 is compulsory for employees, so ``employee_medical`` defaults to True). No ID number is
taken. Contradictory flags are refused with a bilingual :class:`InputError` naming the field.
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from ..engine.api import check, input_error
from ..engine.errors import BadValue
from ..engine.limits import MOST_MONTHS
from ..engine.months import YearMonth
from ..engine.regions import Region
from ..engine.texts import catalogue
from ..engine.types import to_day
from ..retirement import Category, RetirementChoice, SpecialWorkType


class DeemedService(StrEnum):
    """Kinds of 视同缴费 (deemed contribution time) that bring their own proof to item 3."""

    MILITARY = "military"  # 军龄 / 服役
    SENT_DOWN_YOUTH = "sent_down_youth"  # 知青上山下乡
    STATE_COLLECTIVE = "state_collective"  # 1998年前国有、集体单位工作（连续工龄）

    @property
    def zh(self) -> str:
        """The Chinese name (from the catalogue, ``[deemed_service]``)."""
        return str(catalogue("checklist")["deemed_service"][self.value][0])


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
    """A birth date (``date``, ``datetime``, ``YYYY-MM-DD``) or month (``YYYY-MM``); only the month counts.

    Text as long as a date is read by the shared converter (:func:`~..engine.types.to_day`); the
    rest is left to the month's own reading (``YearMonth``).
    """
    if isinstance(value, str) and len(unicodedata.normalize("NFKC", value).strip()) >= len("YYYY-MM-DD"):
        try:
            return to_day(value)
        except BadValue as e:
            if e.reason == "out_of_range":
                raise
        raise BadValue(f"“{value}”不是有效日期", f"{value!r} is not a valid date")
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
    contribution_months: int = Field(ge=0, le=MOST_MONTHS)
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
    medical_months: int | None = Field(default=None, ge=0, le=MOST_MONTHS)
    #: 职工医保 months actually paid in Jiangmen; None: not known yet.
    medical_local_months: int | None = Field(default=None, ge=0, le=MOST_MONTHS)
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
