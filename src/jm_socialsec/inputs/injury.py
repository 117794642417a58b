"""Input models of the work-injury functions (fields = the functions' keywords)."""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import BeforeValidator, Field

from ..engine.types import MoneyIn, MonthIn
from ..injury.inputs import CLASSES, GRADES
from ..injury.models import CareLevel, Dependent
from .base import AsOf, Choice, DayOrMonthIn, DecimalIn, InputModel, Overrides
from .projection import AssumptionsIn
from .retirement import CategoryIn

#: 伤残等级 1-10 and 行业类别 1-8 (the structure of the appraisal standard and of 人社部发〔2015〕71号).
GradeIn = Annotated[int, Field(ge=GRADES.start, le=GRADES.stop - 1)]
IndustryClassIn = Annotated[int, Field(ge=CLASSES.start, le=CLASSES.stop - 1)]
CareLevelIn = CareLevel
DependentIn = Annotated[Dependent, BeforeValidator(Choice(Dependent))]
#: Average monthly wage by statistical year (JSON keys are the years as text: ``{"2024": "7000"}``).
CityWagesIn = dict[int, MoneyIn] | None


class OwnWageInput(InputModel):
    """:func:`~jm_socialsec.own_wage`: 本人工资 held in the 60-300% band."""

    function: ClassVar[str] = "own_wage"

    avg_wage_12m: MoneyIn
    injured_on: DayOrMonthIn
    city_average_wages: CityWagesIn = None
    as_of: AsOf = None
    overrides: Overrides = None
    project: bool = False
    assumptions: AssumptionsIn = None


class InjuryBenefitsInput(InputModel):
    """:func:`~jm_socialsec.injury_benefits`: every item for a grade 1-10, with who pays it."""

    function: ClassVar[str] = "injury_benefits"

    grade: GradeIn
    injured_on: DayOrMonthIn
    avg_wage_12m: MoneyIn
    assessed_on: DayOrMonthIn | None = None
    leaves_job: bool = False
    left_on: DayOrMonthIn | None = None
    draws_pension: bool = False
    birth: MonthIn | None = None
    category: CategoryIn | None = None
    care_level: CareLevelIn | None = None
    hospital_days: Annotated[int, Field(ge=0)] | None = None
    hospital_meal_daily: MoneyIn | None = None
    city_average_wages: CityWagesIn = None
    as_of: AsOf = None
    overrides: Overrides = None
    project: bool = False
    assumptions: AssumptionsIn = None


class DeathBenefitsInput(InputModel):
    """:func:`~jm_socialsec.death_benefits`: 工亡待遇 for the relatives."""

    function: ClassVar[str] = "death_benefits"

    died_on: DayOrMonthIn
    avg_wage_12m: MoneyIn
    dependents: tuple[DependentIn, ...] = ()
    during_paid_leave: bool = True
    grade: GradeIn | None = None
    injured_on: DayOrMonthIn | None = None
    city_average_wages: CityWagesIn = None
    as_of: AsOf = None
    overrides: Overrides = None
    project: bool = False
    assumptions: AssumptionsIn = None


class InjuryContributionInput(InputModel):
    """:func:`~jm_socialsec.injury_contribution`: the employer's work-injury contribution."""

    function: ClassVar[str] = "injury_contribution"

    payroll: MoneyIn
    industry_class: IndustryClassIn
    on: DayOrMonthIn
    floating_factor: DecimalIn | None = None
    rates: Literal["guangdong", "national"] = "guangdong"
    as_of: AsOf = None
    overrides: Overrides = None
    project: bool = False
    assumptions: AssumptionsIn = None
