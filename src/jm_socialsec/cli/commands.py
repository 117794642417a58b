"""What each subcommand computes (命令): options in, the library's result out.

Each ``run_*`` reads the parsed options, turns the clerk's words into the library's codes and
calls one public function; printing (full, ``--brief`` or ``--json``) is done by the caller.
Dates are checked here only where the library needs a ``date`` object; everything else is
validated by the library, whose field names the caller maps back to the flags typed.
"""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from ..engine.errors import InputError
from ..engine.explain import Explained
from .person import known_person, person
from .profile import profile_data
from .projection import projection_keywords
from .words import choice


def day(text: str | None, flag: str) -> date | None:
    """A YYYY-MM-DD date typed for ``flag`` (None stays None)."""
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InputError(flag, f"“{text}”不是 YYYY-MM-DD 格式的日期", f"{text!r} is not a YYYY-MM-DD date") from None


def overrides(pairs: list[str] | None) -> dict[str, str]:
    """``--override PARAM=VALUE`` pairs as a mapping."""
    out: dict[str, str] = {}
    for pair in pairs or []:
        key, sep, value = pair.partition("=")
        if not sep:
            raise InputError("--override", f"应为 参数id=值，而不是“{pair}”", f"must be param_id=value, not {pair!r}")
        out[key.strip()] = value.strip()
    return out


def known(args: argparse.Namespace) -> dict[str, Any]:
    """``as_of``, ``overrides``, ``project`` and ``assumptions``: the keywords every estimate takes."""
    return {"as_of": day(args.as_of, "--as-of"), "overrides": overrides(args.override), **projection_keywords(args)}


def _word(kind: str, value: str | None, flag: str) -> str | None:
    return None if value is None else choice(kind, value, flag)


def run_retirement(args: argparse.Namespace) -> Explained:
    from ..retirement import statutory_retirement

    if args.id is not None and args.birth is not None and args.category is None:
        args.birth, args.category = None, args.birth  # `retirement --id … 女工人`: the one word is the category
    birth, category = known_person(args)
    return statutory_retirement(birth, category, **known(args))


def run_pension(args: argparse.Namespace) -> Explained:
    from ..pension import estimate_pension

    return estimate_pension(**_pension_inputs(args), **known(args))


def run_recalc(args: argparse.Namespace) -> Explained:
    """The pension as granted on ``--granted-on`` (provisional), recalculated ``--as-of``."""
    from ..pension import estimate_pension, recalculate

    what_if = overrides(args.override)
    granted = estimate_pension(**_pension_inputs(args), as_of=day(args.granted_on, "--granted-on"), overrides=what_if)
    return recalculate(granted, as_of=day(args.as_of, "--as-of"))


def _pension_inputs(args: argparse.Namespace) -> dict[str, Any]:
    """The person's pension inputs as the library's keywords."""
    birth, category = person(args)
    return dict(
        contribution_months=args.months,
        average_index=args.index,
        account_balance=args.balance,
        birth=birth,
        category=category,
        choice=choice("choice", args.choice, "--choice"),
        retirement_month=args.retirement_month,
        age=tuple(args.age) if args.age else None,
        special_type=_word("special_type", args.special_type, "--special-type"),
        special_years=args.special_years,
        deemed_months=args.deemed_months,
        deemed_account=args.deemed_account,
        weighted_deemed_years=args.weighted_deemed_years,
        region=args.region,
    )


def run_unemployment(args: argparse.Namespace) -> Explained:
    from ..unemployment import unemployment_benefit

    birth, category = person(args)
    return unemployment_benefit(
        args.claim_month,
        args.region,
        args.months,
        args.unused,
        choice("reason", args.reason, "--reason"),
        birth=birth,
        category=category,
        **known(args),
    )


def run_injury(args: argparse.Namespace) -> Explained:
    from ..injury import injury_benefits

    birth, category = person(args)
    care = _word("care_level", args.care_level, "--care-level")
    return injury_benefits(
        args.grade,
        args.injured_on,
        args.wage,
        assessed_on=args.assessed_on,
        leaves_job=args.leaves_job,
        left_on=args.left_on,
        draws_pension=args.draws_pension,
        care_level=None if care is None else int(care),
        hospital_days=args.hospital_days,
        hospital_meal_daily=args.hospital_meal_daily,
        birth=birth,
        category=category,
        **known(args),
    )


def run_checklist(args: argparse.Namespace) -> Explained:
    from ..checklist import RetireeProfile, retirement_checklist

    birth, category = person(args)
    data = profile_data(args, birth, category)
    apply_on = day(args.apply_on, "--apply-on") or date.today()
    return retirement_checklist(RetireeProfile(**data), apply_on, **known(args))


def run_pension_death(args: argparse.Namespace) -> Explained:
    from ..pension import pension_death_benefits

    died = day(args.died_on, "died_on")
    assert died is not None  # a required positional
    return pension_death_benefits(died, args.months, args.balance, pension_months_drawn=args.drawn, **known(args))


def run_injury_death(args: argparse.Namespace) -> Explained:
    from ..injury import death_benefits

    dependents = [choice("dependent", d, "--dependent") for d in args.dependent or []]
    return death_benefits(
        args.died_on,
        args.wage,
        dependents,
        during_paid_leave=not args.after_paid_leave,
        grade=args.grade,
        injured_on=args.injured_on,
        **known(args),
    )


def run_pension_contribution(args: argparse.Namespace) -> Explained:
    from ..pension.contributions import pension_contribution

    return pension_contribution(args.month, args.wage, args.region, flexible=args.flexible, **known(args))


def run_unemployment_contribution(args: argparse.Namespace) -> Explained:
    from ..unemployment import unemployment_contribution

    return unemployment_contribution(
        args.month,
        args.wage,
        args.region,
        city_average_wage=args.city_average_wage,
        flexible=args.flexible,
        **known(args),
    )


def run_injury_contribution(args: argparse.Namespace) -> Explained:
    from ..injury import injury_contribution

    rates = choice("rates", args.rates, "--rates")
    return injury_contribution(args.payroll, args.industry_class, args.on, args.factor, rates=rates, **known(args))
