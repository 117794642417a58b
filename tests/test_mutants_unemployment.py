"""Tests written for surviving mutants of unemployment/ (tools/mutation.py, issue 14 part 3).

Each test states what the law or its worked case says; the mutant it was written for is named
(``module.function`` and mutmut's number). Documents (tables/sources.toml):
``gd-unemployment-regulation-2022`` / ``-2025`` (广东省失业保险条例, 2022 and 2025 texts) and
``retirement-reform-measures-2024`` (国务院关于渐进式延迟法定退休年龄的办法).

Figures used by hand (tables/unemployment/unemployment.toml, tables/wages/wages.toml): Jiangmen
minimum wage 1720 (2021-12), 1850 (2025-03), 2040 (2026-09); benefit rate 90% (art. 19); art. 15:
12 months; art. 17: 48 months at one per 12, beyond at one per 6, at most 24; 办法第七条: 12 months.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from jm_socialsec import InputError, NotCovered
from jm_socialsec.engine.months import YearMonth
from jm_socialsec.engine.regions import Region
from jm_socialsec.unemployment import (
    SeparationReason,
    UnemploymentBenefit,
    unemployment_benefit,
    unemployment_contribution,
)

AS_OF = date(2026, 11, 21)


def benefit(claim: str = "2026-10", months: int = 60, unused: int = 0, **kw: Any) -> UnemploymentBenefit:
    kw.setdefault("reason", "contract_expired")
    return unemployment_benefit(claim, "jiangmen", months, unused, as_of=AS_OF, **kw)


# ---------------------------------------------------------------- reasons.py (art. 16)


def test_an_unknown_reason_is_refused_listing_the_accepted_codes_and_names() -> None:
    """条例第十六条 lists the ends against the person's will; an unknown reason is refused naming the
    field, with every accepted code (English) and every Chinese name (中文). Mutants
    ``SeparationReason.parse`` 8, 10, 11, 13 (the lists dropped or their separators changed)."""
    with pytest.raises(InputError) as err:
        SeparationReason.parse("fired_for_fun")
    e = err.value
    assert e.field == "reason"
    assert "contract_expired, employer_bankrupt, employer_closed, dismissed" in e.why_en
    assert "voluntary_resignation, agreed_at_worker_proposal" in e.why_en
    assert "劳动合同期满未续订；用人单位依法宣告破产" in e.why_zh
    assert "本人自愿辞职；本人提出、双方协商一致解除劳动合同" in e.why_zh


# ---------------------------------------------------------------- eligibility.py (arts. 15, 16, 18)


def test_one_unused_month_makes_up_for_a_short_contribution_time() -> None:
    """条例第十五条第（一）项 with 第十八条: months left from an earlier claim qualify a claim whose
    own contribution time is under a year — one month is enough. 6 months of contributions earn
    nothing (under 12, art. 17); 1 unused month → 1 month: 2040 × 90% = 1836 (claim 2026-10).
    Mutant ``contribution_condition`` 8 (``unused_months > 1``)."""
    r = benefit(months=6, unused=1)
    assert r.eligible and r.reasons == ()
    assert (r.new_months, r.entitled_months, r.months, r.total) == (0, 1, 1, Decimal(1836))


def test_a_short_contribution_time_is_said_with_its_months_and_the_minimum() -> None:
    """条例第十五条第（一）项: 累计缴费满一年. 7 months, no unused months: not eligible, and the reason
    says 7 months, under 12. Mutants ``contribution_condition`` 11, 12 (the figures dropped)."""
    r = benefit(months=7)
    assert not r.eligible
    (why,) = r.reasons
    assert why.code == "contribution_too_short"
    assert why.en.startswith("7 contribution months, under 12")
    assert why.zh.startswith("累计缴费 7 个月，不满 12 个月")


def test_an_end_by_the_persons_own_will_is_said_in_both_languages() -> None:
    """条例第十六条: a voluntary resignation (本人自愿辞职) is not an end against the person's will;
    the reason names it in Chinese and English. Mutant ``involuntary_separation`` 4."""
    r = benefit(reason="voluntary_resignation")
    (why,) = r.reasons
    assert why.code == "reason_not_eligible"
    assert "本人自愿辞职" in why.zh and "voluntary resignation" in why.en


def test_a_claim_in_the_statutory_retirement_month_itself_is_paid_for_that_month() -> None:
    """条例第二十八条 (2025 第二十四条) stops the benefit on reaching the statutory retirement age, and
    办法第七条 extends it *to* that age: the retirement month is the last month paid, so a claim in
    that very month is eligible for it (only a claim after it is refused). Male born 1966-03: 60
    years + 4 months' delay (办法 annex: 14 months after 1965-01, 14 // 4 + 1 = 4) → 2026-07.
    Claim 2026-07, 24 months (2 earned) → stopped at 2026-07: 1 month × 1850 × 90% = 1665.
    Mutant ``before_retirement`` 3 (``retirement <= claim_month``)."""
    r = benefit("2026-07", 24, birth="1966-03", category="male")
    assert r.retirement_month == YearMonth(2026, 7)
    assert r.eligible
    assert (r.months, r.first_month, r.last_month, r.total) == (
        1,
        YearMonth(2026, 7),
        YearMonth(2026, 7),
        Decimal(1665),
    )


def test_a_claim_after_the_retirement_month_names_that_month() -> None:
    """条例第二十八条: a claim after the statutory retirement month (2026-07 for a man born 1966-03,
    as above) is refused, and the reason says which month. Mutant ``before_retirement`` 5."""
    r = benefit("2026-08", 24, birth="1966-03", category="male")
    (why,) = r.reasons
    assert why.code == "past_retirement_age"
    assert "2026-07" in why.zh and "2026-07" in why.en


# ---------------------------------------------------------------- duration.py (art. 17, 28; 办法第七条)


def test_a_normal_end_in_the_retirement_month_is_a_stop_not_an_extension() -> None:
    """条例第二十八条 / 办法第七条: when the entitlement ends exactly in the statutory retirement month,
    nothing is extended — the period ends there because the benefit stops at that age. Male born
    1966-03 → 2026-07 (as above). Claim 2026-03, 54 months → 4 + (54 − 48) // 6 = 5 months:
    2026-03 … 2026-07, the retirement month itself; 5 × 1665 = 8325. The explanation cites the
    stop (art. 28), not the extension. Mutant ``last_month`` 6 (``retirement < normal``)."""
    r = benefit("2026-03", 54, birth="1966-03", category="male")
    assert (r.months, r.last_month, r.total, r.extended_to_retirement) == (5, YearMonth(2026, 7), Decimal(8325), False)
    ids = [s.id for s in r.steps]
    assert "stop_at_retirement" in ids and "near_retirement_extension" not in ids


# ---------------------------------------------------------------- side.py (2022 text arts. 20-25)


def test_no_job_search_allowance_when_reemployed_in_the_claim_month() -> None:
    """2022 text 第二十条: 求职补贴 is paid monthly *with* the benefit; a new job stops the monthly
    benefit from its month on (第二十二条: the remaining months, from the new job's month, are paid
    at once). Re-employed in the claim month 2024-03: no month of benefit is paid monthly, so no
    month of allowance. The lump sum: 120 months → 4 + (120 − 48) / 6 = 16 months (2024-03 …
    2025-06), all remaining; half = 8 months × 1720 × 90% = 8 × 1548 = 12384; 8 kept (第十八条).
    Mutant ``job_search_due`` 13 (``max(1, …)``: one month due even then)."""
    kw: dict[str, Any] = {"reemployment_contract_months": 12, "reemployment_insured_months": 3}
    r = benefit("2024-03", 120, reemployed_month="2024-03", recent_contribution_wages=[6000], **kw)
    assert (r.job_search_months, r.job_search_total) == (0, Decimal(0))
    assert (r.remaining_months, r.early_reemployment_lump_sum, r.kept_months) == (16, Decimal(12384), 8)


def test_the_last_month_of_job_search_allowance_cites_its_own_figure() -> None:
    """2022 text 第二十条: 15% of the average wage a month, at most 6 months. Claim 2024-08, 60
    months → 6 months: 2024-08 … 2025-01; 6000 × 15% = 900 × 6 = 5400. The last month, 2025-01,
    falls in the rate's last period (2025-01-01 … 2025-01-11, before the 2025 amendment), whose
    status is secondary (its end depends on the amendment's unconfirmed effective date): the
    result says so. Mutants ``job_search_months`` 17, 19 (another month's figure cited)."""
    r = benefit("2024-08", 60, recent_contribution_wages=[6000])
    assert (r.job_search_monthly, r.job_search_months, r.job_search_total) == (Decimal(900), 6, Decimal(5400))
    assert ("status_secondary", "unemployment.job_search.rate") in [(w.code, w.param) for w in r.warnings]


@pytest.mark.parametrize("field", ["reemployed_month", "business_start_month"])
def test_a_new_job_after_the_period_keeps_no_months(field: str) -> None:
    """2025 text 第二十四条第（一）项 and 第十八条: a new job or business stops the payment and the
    months not drawn are kept. Claim 2026-10, 60 months → 6 months, 2026-10 … 2027-03; a new job
    in 2027-05 comes after the period: no month is left to keep.
    Mutants ``stop_on_reemployment`` 18, ``stop_on_business_start`` 18 (``max(1, …)``)."""
    kw: dict[str, Any] = {field: "2027-05"}
    r = benefit("2026-10", 60, **kw)
    assert (r.months, r.remaining_months, r.kept_months) == (6, 0, 0)


def test_the_death_grants_line_adds_the_two_grants() -> None:
    """条例第二十一条 (2025 text; 2022 第二十五条): 丧葬补助金 3 × and 抚恤金 6 × the city's previous-year
    average monthly wage, 8000 (a caller input): 24000 + 48000 = 72000 on the explanation's line;
    a death after the period: that line is 0. Mutants ``death_grants`` 7 (``-``) and
    ``death_after_period`` 14 (``Decimal(1)``)."""
    r = benefit(death_month="2026-12", city_average_wage=8000)
    assert (r.funeral_grant, r.survivor_grant) == (Decimal(24000), Decimal(48000))
    assert {s.id: s.result for s in r.steps}["death_grants"] == Decimal(72000)
    r = benefit(death_month="2027-04", city_average_wage=8000)  # period 2026-10 … 2027-03
    assert {s.id: s.result for s in r.steps}["death_after_period"] == 0


# ---------------------------------------------------------------- api.py: the claim


def test_a_death_in_the_last_month_of_the_period_gives_the_grants() -> None:
    """条例第二十一条 (2025 text): 领取失业保险金期间死亡 — the period's last month is within it. Claim
    2026-10, 60 months → 6 months, 2026-10 … 2027-03; death in 2027-03: 3 × 8000 = 24000 and
    6 × 8000 = 48000. Mutant ``_death`` 1 (``died >= last``)."""
    r = benefit(death_month="2027-03", city_average_wage=8000)
    assert r.last_month == YearMonth(2027, 3)
    assert (r.funeral_grant, r.survivor_grant) == (Decimal(24000), Decimal(48000))


# ---------------------------------------------------------------- api.py: the contribution


def contribution(month: str = "2026-10", wage: Any = 5000, **kw: Any) -> Any:
    kw.setdefault("city_average_wage", 8000)
    return unemployment_contribution(month, wage, as_of=AS_OF, **kw)


def test_the_contribution_names_its_month_and_region() -> None:
    """条例第八条, Jiangmen (the default region) and 台山 (Taishan uses Jiangmen's minimum wage):
    base 5000 within [2040, 3 × 8000]; employee 0.2% = 10.00, employer 0.8% (assumed) = 40.00.
    Mutants ``unemployment_contribution`` 20, 49, ``_contribution`` 67-70 (month or region lost)."""
    r = contribution()
    assert (r.month, r.region) == (YearMonth(2026, 10), Region.JIANGMEN)
    assert contribution(region="taishan").region is Region.TAISHAN
    assert (r.base, r.employee, r.employer, r.total) == (Decimal(5000), Decimal(10), Decimal(40), Decimal(50))


@pytest.mark.parametrize(
    ("kw", "field", "why_en"),
    [
        ({"month": "2026-13"}, "month", "month 13 is not in 1-12"),
        ({"city_average_wage": "eight thousand"}, "city_average_wage", ""),
        # refused as negative, not merely as a cap below the minimum wage (条例第八条)
        ({"city_average_wage": -8000}, "city_average_wage", "must not be negative"),
    ],
)
def test_a_bad_contribution_input_is_refused_naming_its_field(kw: dict[str, Any], field: str, why_en: str) -> None:
    """Bad input: a bilingual InputError naming the field (project brief). Mutants
    ``unemployment_contribution`` 5, 8, 9 (``month``), 24, 27, 29, 30 (``city_average_wage``),
    25, 28, 31 (``non_negative`` dropped on the average wage)."""
    with pytest.raises(InputError) as err:
        contribution(**kw)
    assert err.value.field == field
    assert why_en in err.value.why_en and err.value.why_zh


def test_a_flexible_workers_month_before_the_scheme_names_the_scheme_and_its_range() -> None:
    """粤人社规〔2025〕50号 第二十六条: in force from 2026-01-01 for two years (to 2027-12-31). A month
    before is refused: the refusal names the month, the covered range, and says why in Chinese and
    English. Mutants ``_flexible_scheme`` 19, 20, 21 (the month or range dropped), 28, 29 (the
    Chinese or English words lost)."""
    with pytest.raises(NotCovered) as err:
        contribution("2025-12", flexible=True)
    e = err.value
    assert (e.on, e.covered_from, e.covered_until) == (date(2025, 12, 1), date(2026, 1, 1), date(2027, 12, 31))
    assert "粤人社规〔2025〕50号" in e.why_zh and "2026-01-01" in e.why_zh and "施行" in e.why_zh
    assert "粤人社规〔2025〕50号" in e.why_en and "2026-01-01" in e.why_en and "in force from" in e.why_en


@pytest.mark.parametrize(
    ("kw", "field"),
    [({"project": "yes"}, "project"), ({"assumptions": "junk"}, "assumptions")],
)
def test_a_bad_projection_request_to_the_contribution_is_refused_naming_it(kw: dict[str, Any], field: str) -> None:
    """Bad input: a bilingual InputError naming the field, also for the projection request (project
    brief; ``project`` is true or false, ``assumptions`` a mapping). Mutants
    ``unemployment_contribution`` 54, 64 (the request not passed on), 66 (``assumptions`` dropped)."""
    with pytest.raises(InputError) as err:
        contribution(**kw)
    assert err.value.field == field and err.value.why_zh and err.value.why_en


def test_a_cap_equal_to_the_minimum_wage_is_accepted() -> None:
    """条例第八条: the base lies within [minimum wage, 3 × the city's average monthly wage]. With an
    average of 680, 3 × 680 = 2040 = the minimum wage from 2026-09: the two bounds meet, the base is
    2040 whatever the wage; 2040 × 0.2% = 4.08, × 0.8% = 16.32, total 20.40. Only a cap *below* the
    minimum wage is refused. Mutant ``_contribution`` 33 (``cap > floor``)."""
    r = contribution("2026-10", 5000, city_average_wage=680)
    assert (r.base, r.employee, r.employer, r.total) == (
        Decimal(2040),
        Decimal("4.08"),
        Decimal("16.32"),
        Decimal("20.40"),
    )
    with pytest.raises(InputError) as err:
        contribution("2026-10", 5000, city_average_wage="679.99")  # 3 × 679.99 = 2039.97 < 2040
    assert err.value.field == "city_average_wage"


# ---------------------------------------------------------------- api.py: side items of a claim


def test_a_string_is_not_a_list_of_wages() -> None:
    """Bad input: ``recent_contribution_wages`` is a list of monthly wages (2022 text 第二十条: the
    average of the last 12 months); a string (``"6000"``, which is a sequence of characters) is
    refused naming the field, in both languages — not read as four wages 6, 0, 0, 0.
    Mutants ``_wages`` 2, 3, 4, 9."""
    with pytest.raises(InputError) as err:
        benefit("2024-03", recent_contribution_wages="6000")
    e = err.value
    assert e.field == "recent_contribution_wages" and e.why_zh and e.why_en


def test_a_death_during_the_claim_is_paid_the_allowance_for_its_month_and_no_lump_sum() -> None:
    """2022 text 第二十五条: 领取失业保险金期间死亡 — a death in a month of the period gives the grants,
    so that month is a month of the claim (the library's reading, stated in ``api._side_items``:
    paid through the month of death, a new job's month is not); the 求职补贴 paid with the benefit
    (第二十条) runs through it. A death is not a new job or a business (第二十二、二十三条): no lump
    sum, no month kept. Claim 2024-03, 60 months → 6 months (2024-03 … 2024-08); death 2024-05: 3 months ×
    6000 × 15% = 3 × 900 = 2700; grants 3 × 8000 = 24000 and 6 × 8000 = 48000.
    Mutants ``_side_items`` 19, 22, 23 (the death month not paid), 69 (a death taken for a
    business start)."""
    r = benefit("2024-03", 60, death_month="2024-05", city_average_wage=8000, recent_contribution_wages=[6000])
    assert (r.job_search_months, r.job_search_total) == (3, Decimal(2700))
    assert (r.funeral_grant, r.survivor_grant) == (Decimal(24000), Decimal(48000))
    assert (r.business_start_lump_sum, r.early_reemployment_lump_sum) == (Decimal(0), Decimal(0))
    assert (r.remaining_months, r.kept_months) == (0, 0)


def test_a_birth_in_the_claim_month_gives_the_childbirth_supplement() -> None:
    """2022 text 第二十一条: 领取失业保险金期间生育 — the claim month is the period's first month.
    Claim 2024-03: 1720 × 90% = 1548; × 3 = 4644. Mutant ``_childbirth`` 21 (``first < born``)."""
    assert benefit("2024-03", childbirth_month="2024-03").childbirth_supplement == Decimal(4644)


@pytest.mark.parametrize("field", ["reemployed_month", "business_start_month"])
def test_a_new_job_after_the_period_under_the_2022_text_pays_no_lump_sum(field: str) -> None:
    """2022 text 第二十二、二十三条: the lump sum is the *remaining* months' benefit. Claim 2024-03, 60
    months → 2024-03 … 2024-08; a new job or business in 2024-10 (art. 22/23 still in force)
    leaves no month: nothing paid at once, nothing kept. Mutant ``_new_job`` 19 (``max(1, …)``:
    one month left → half a month rounded up → 1548 paid)."""
    kw: dict[str, Any] = {field: "2024-10"}
    if field == "reemployed_month":
        kw |= {"reemployment_contract_months": 12, "reemployment_insured_months": 3}
    r = benefit("2024-03", 60, **kw)
    assert (r.early_reemployment_lump_sum, r.business_start_lump_sum) == (Decimal(0), Decimal(0))
    assert (r.remaining_months, r.kept_months) == (0, 0)


def test_the_contract_inputs_after_the_amendment_are_each_said_to_have_no_effect() -> None:
    """2025 amending decision: art. 22 of the 2022 text (the early re-employment lump sum, with its
    contract and insured-months conditions) is deleted; a new job in 2026 stops the payment (2025
    text 第二十四条第（一）项). Each of the two inputs given is named in its own ``input_no_effect``
    warning. Mutants ``_new_job`` 29, 31, 32 (a field's name changed)."""
    kw: dict[str, Any] = {"reemployment_contract_months": 12, "reemployment_insured_months": 3}
    r = benefit("2026-10", 60, reemployed_month="2026-12", **kw)
    said = [w.en for w in r.warnings if w.code == "input_no_effect"]
    assert len(said) == 2
    assert said[0].startswith("the input reemployment_contract_months had no effect")
    assert said[1].startswith("the input reemployment_insured_months had no effect")


def test_a_claim_before_the_2013_regulation_says_so_with_the_covered_range() -> None:
    """广东省失业保险条例（2013年修订） in force 2014-07-01: a claim of 2014-06 is refused, naming the
    month, the first covered day and why, in Chinese and English.
    Mutants ``_table_checks`` 11, 13, 21 (the month, the range or the English words lost)."""
    with pytest.raises(NotCovered) as err:
        benefit("2014-06")
    e = err.value
    assert (e.on, e.covered_from, e.covered_until) == (date(2014, 6, 1), date(2014, 7, 1), None)
    assert "2014-06" in e.why_zh and "2013年修订" in e.why_zh
    assert "2014-06" in e.why_en and "before the 2013 Guangdong regulation" in e.why_en


def test_a_figure_not_yet_published_is_not_called_a_claim_before_the_regulation() -> None:
    """Known on 2024-06-01, the 2025 text (its art. 19's 90%, published 2025-01-12) was not: a 2026
    claim asked that day is refused for that reason — not as a claim before 2014-07-01.
    Mutant ``_table_checks`` 7 (every refusal re-worded as before the regulation)."""
    with pytest.raises(NotCovered) as err:
        unemployment_benefit("2026-10", "jiangmen", 60, 0, "dismissed", as_of=date(2024, 6, 1))
    assert "2025-01-12" in err.value.why_en and "before the 2013" not in err.value.why_en


def test_a_missing_insured_months_input_is_named() -> None:
    """2022 text 第二十二条: the early re-employment lump sum needs a contract of a year and 3 months
    insured; with a 2024 re-employment both inputs are required, and the one missing is named.
    Mutants ``_table_checks`` 34, 35."""
    with pytest.raises(InputError) as err:
        benefit("2024-03", 120, reemployed_month="2024-07", reemployment_contract_months=12)
    assert err.value.field == "reemployment_insured_months"


def test_an_assumed_reason_is_named_in_both_languages() -> None:
    """条例第十六条: with no reason given, contract expiry (劳动合同期满未续订) is assumed and the warning
    names it in Chinese and English. Mutants ``_benefit`` 9, 10."""
    (w,) = [w for w in benefit(reason=None).warnings if w.code == "reason_assumed"]
    assert "劳动合同期满未续订" in w.zh and "contract expired and not renewed" in w.en


@pytest.mark.parametrize("end", [{}, {"business_start_month": "2026-12"}, {"reemployed_month": "2026-12"}])
def test_an_average_wage_without_a_death_gives_no_death_grants(end: dict[str, Any]) -> None:
    """条例第二十一条 (2025 text): the grants are for a death during the claim only; the city's average
    wage given with no death (or with a new job or business) pays nothing. Claim 2026-10, 60 months
    → 6 × 1836 = 11016. Mutants ``_side_items`` 87, 88 (the death condition loosened)."""
    r = benefit(city_average_wage=8000, **end)
    assert (r.funeral_grant, r.survivor_grant) == (Decimal(0), Decimal(0))
    assert r.total == Decimal(11016)


@pytest.mark.parametrize(
    ("kw", "field", "why_en"),
    [
        # 3600 months: the library's sanity limit (1900–2200); a count this large is an ID, not months
        ({"months": 100000}, "contribution_months", "3600"),
        ({"registered": "yes"}, "registered", "true or false"),
        ({"reemployed_month": "2026-12", "reemployment_contract_months": "twelve"}, "reemployment_contract_months", ""),
        ({"reemployed_month": "2026-12", "reemployment_contract_months": -1}, "reemployment_contract_months", ""),
        ({"reemployed_month": "2026-12", "reemployment_insured_months": -1}, "reemployment_insured_months", ""),
        ({"recent_contribution_wages": [5000], "farmer_contract_months": -1}, "farmer_contract_months", ""),
        ({"city_average_wage": "eight thousand"}, "city_average_wage", ""),
        # a negative average wage would make negative death grants (条例第二十一条: 3 × and 6 × it)
        ({"death_month": "2026-12", "city_average_wage": -8000}, "city_average_wage", "must not be negative"),
        ({"death_month": "2026-13", "city_average_wage": 8000}, "death_month", "13"),
        ({"category": "male"}, "birth", "together"),  # 办法第七条 needs both: the missing one is named
        ({"birth": "1966-13", "category": "male"}, "birth", "13"),
        ({"birth": "2026-10", "category": "male"}, "birth", "precede"),  # born in the claim month
    ],
)
def test_a_bad_claim_input_is_refused_naming_its_field(kw: dict[str, Any], field: str, why_en: str) -> None:
    """Bad input: a bilingual InputError naming the field (project brief; "refuse rather than
    guess"). Mutants ``_count`` 28; ``_claim`` 29-31, 36, 37 (``registered``), 70, 75, 76
    (contract months), 79, 84, 85 (insured months), 90, 91, 93-97 (average wage, also its
    ``non_negative``), 117, 122, 123 (farmer months); ``_end_of_claim`` 23; ``_person`` 6, 10, 11
    (the missing one of birth and category), 23, 28, 29 (``birth``), 44 (a birth in the claim
    month accepted)."""
    months = kw.pop("months", 60)
    with pytest.raises(InputError) as err:
        benefit("2026-10", months, **kw)
    e = err.value
    assert e.field == field
    assert why_en in e.why_en and e.why_zh and e.why_en


def test_two_ends_of_the_claim_are_refused_naming_both() -> None:
    """A claim ends once (by a new job, a business or a death): two given are refused, the message
    naming both inputs, in both languages. Mutants ``_end_of_claim`` 13, 15 (the list's
    separators)."""
    with pytest.raises(InputError) as err:
        benefit(reemployed_month="2026-12", death_month="2026-12", city_average_wage=8000)
    e = err.value
    assert e.field == "death_month"
    assert "reemployed_month、death_month" in e.why_zh and "reemployed_month, death_month" in e.why_en


@pytest.mark.parametrize(("kw", "field"), [({"project": "yes"}, "project"), ({"assumptions": "junk"}, "assumptions")])
def test_a_bad_projection_request_to_the_benefit_is_refused_naming_it(kw: dict[str, Any], field: str) -> None:
    """As for the contribution: ``project`` is true or false, ``assumptions`` a mapping. Mutants
    ``unemployment_benefit`` 47, 53 (the request not passed on), 55 (``assumptions`` dropped)."""
    with pytest.raises(InputError) as err:
        benefit(**kw)
    assert err.value.field == field and err.value.why_zh and err.value.why_en


def test_a_normal_end_one_month_before_the_retirement_month_is_extended() -> None:
    """办法第七条: 距法定退休年龄不足一年的，领取失业保险金年限延长至法定退休年龄. Male born 1966-03 →
    2026-07 (as above). Claim 2026-03, 48 months → 48 // 12 = 4 months, normal end 2026-06, one
    month before 2026-07: extended to 2026-07 → 5 months × 1665 = 8325, flagged as extended.
    Mutant ``_benefit`` 120 (``entitled + 1``: the flag lost for a normal end 1 or 2 months before)."""
    r = benefit("2026-03", 48, birth="1966-03", category="male")
    assert r.entitled_months == 4
    assert (r.months, r.last_month, r.total, r.extended_to_retirement) == (5, YearMonth(2026, 7), Decimal(8325), True)


def _inputs(r: UnemploymentBenefit, step: str) -> list[Any]:
    return [q.value for q in next(s for s in r.steps if s.id == step).inputs]


def test_the_explanation_lines_show_the_months_they_are_decided_by() -> None:
    """The explanation cites what each line is decided by (project brief: explained functions): the
    month of death and the average wage for the death grants (条例第二十一条; 2022 第二十五条), the
    month of birth for the childbirth supplement (2022 text 第二十一条), the statutory retirement
    month when 办法第七条 is not yet in force (a man born 1963-06 retires at 60 in 2023-06, before the
    reform). Mutants ``_death`` 3, 4, 9; ``_childbirth`` 27, 35; ``last_month`` 24 (an input dropped)."""
    r = benefit(death_month="2026-12", city_average_wage=8000)
    assert _inputs(r, "death_grants") == [YearMonth(2026, 12), Decimal(8000)]
    r = benefit(death_month="2027-04", city_average_wage=8000)  # after the period 2026-10 … 2027-03
    assert _inputs(r, "death_after_period") == [YearMonth(2027, 4), Decimal(8000)]
    assert _inputs(benefit("2024-03", childbirth_month="2024-05"), "childbirth_supplement") == [YearMonth(2024, 5)]
    r = benefit("2024-03", childbirth_month="2024-12")  # after the period 2024-03 … 2024-08
    assert _inputs(r, "childbirth_outside_period") == [YearMonth(2024, 12)]
    r = benefit("2023-01", 24, birth="1963-06", category="male")
    assert _inputs(r, "extension_not_in_force") == [YearMonth(2023, 6)]
