"""Worked cases of every estimate as JSON bodies, shared by the interface tests.

Each case: the estimate's function, a JSON body (ISO dates, months "YYYY-MM", decimals as
strings), and the expected figures in their JSON form, copied from the worked case named in
the comment (the same figures the area tests assert, with their sources and hand calculations).
"""

from __future__ import annotations

from typing import Any

AS_OF = "2026-11-21"

CASES: dict[str, tuple[str, dict[str, Any], dict[str, Any]]] = {
    # tests/data/pension_cases.toml [[retirement_age]] (办法 annex 1): male 1966-01 → 2026-05 at 60y4m
    "statutory": (
        "statutory_retirement",
        {"birth": "1966-01", "category": "male", "as_of": AS_OF},
        {"year_month": "2026-05", "age": [60, 4], "delay_months": 4},
    ),
    # tests/test_retirement.py: flexible early to 2026-02 with 180 months → 60y1m
    "flexible": (
        "retirement_month",
        {
            "birth": "1966-01",
            "category": "male",
            "choice": "flexible_early",
            "month": "2026-02",
            "contribution_months": 180,
            "as_of": AS_OF,
        },
        {"month": "2026-02", "age": [60, 1]},
    ),
    # tests/test_retirement.py: special type, born 1970-05, underground, 9 years → 2025-07 at 55y2m
    "special": (
        "special_retirement",
        {"birth": "1970-05", "category": "male", "work_type": "underground", "years_in_type": "9", "as_of": AS_OF},
        {"earliest_month": "2025-07", "age": [55, 2], "qualifies": True, "required_years": "9"},
    ),
    # tests/data/pension_cases.toml [[min_contribution_years]] (办法 annex 4): 2035 → 18 years
    "min_years": ("min_contribution_years", {"year": 2035}, {"year": 2035, "min_contribution_years": "18"}),
    # tests/data/pension_cases.toml [[pension]]: the Zhongshan 基本养老金核定表 (2025-04)
    "pension": (
        "estimate_pension",
        {
            "retirement_month": "2025-03",
            "age": [55, 1],
            "contribution_months": 208,
            "average_index": "0.5241",
            "account_balance": "66720.85",
            "as_of": "2025-04-15",
        },
        {
            "base": "9307.00",
            "annuity_months": "169.5",
            "basic": "1127.31",
            "account": "393.63",
            "transitional": "168.00",
            "total": "1688.94",
            "provisional": True,
        },
    ),
    # tests/test_pension_death.py: 人社部发〔2021〕18号 worked example, 28 years 9 months
    "pension_death": (
        "pension_death_benefits",
        {"died_on": "2024-06-01", "contribution_months": 345, "as_of": AS_OF},
        {"survivor_months": "22.75", "funeral_grant": "9884.50", "survivor_grant": "112436.19"},
    ),
    # tests/test_contributions.py: 6800 × 8% = 544.00, × 16% = 1088.00
    "pension_contribution": (
        "pension_contribution",
        {"month": "2025-09", "wage": "6800", "region": "taishan", "as_of": AS_OF},
        {"base": "6800.00", "employee": "544.00", "employer": "1088.00", "total": "1632.00"},
    ),
    # tests/data/unemployment_cases.toml [[unemployment_amount]]: Jiangmen 2015-12 → 1080 a month
    "unemployment": (
        "unemployment_benefit",
        {
            "claim_month": "2015-12",
            "region": "jiangmen",
            "contribution_months": 36,
            "reason": "dismissed",
            "as_of": AS_OF,
        },
        {"monthly": "1080.00", "eligible": True},
    ),
    # tests/test_unemployment.py: base min(30000, 3 × 8000) = 24000; × 0.2% = 48.00; × 0.8% = 192.00
    "unemployment_contribution": (
        "unemployment_contribution",
        {"month": "2026-10", "wage": 30000, "city_average_wage": 8000, "as_of": AS_OF},
        {"base": "24000.00", "employee": "48.00", "employer": "192.00", "total": "240.00"},
    ),
    # tests/data/injury_cases.toml [[injury_grade10]]: own wage 6000 → 7 / 1 / 4 months
    "injury": (
        "injury_benefits",
        {
            "grade": 10,
            "injured_on": "2025-03-01",
            "avg_wage_12m": "6000",
            "leaves_job": True,
            "left_on": "2026-06-30",
            "as_of": AS_OF,
        },
        {
            "own_wage": "6000.00",
            "disability_lump_sum": "42000.00",
            "medical_lump_sum": "6000.00",
            "employment_lump_sum": "24000.00",
        },
    ),
    # tests/data/injury_cases.toml [[injury_death_grant]]: died 2025-06-01 → 1083760
    "injury_death": (
        "death_benefits",
        {"died_on": "2025-06-01", "avg_wage_12m": "7000", "dependents": ["spouse", "orphan"], "as_of": AS_OF},
        {"death_grant": "1083760.00"},
    ),
    # tests/test_injury.py: band 9183 × 0.6 = 5509.80 … 9183 × 3 = 27549.00; 5000 raised to 5509.80
    "own_wage": (
        "own_wage",
        {"avg_wage_12m": "5000", "injured_on": "2025-05-20", "as_of": AS_OF},
        {"lower": "5509.80", "upper": "27549.00", "own_wage": "5509.80"},
    ),
    # tests/test_injury.py: class 3 0.6% × 1.2 = 0.72%; 1,000,000 × 0.0072 = 7200.00
    "injury_contribution": (
        "injury_contribution",
        {"payroll": 1000000, "industry_class": 3, "on": "2026-10", "floating_factor": "1.2", "as_of": AS_OF},
        {"rate": "0.0072", "contribution": "7200.00"},
    ),
    # tests/test_checklist.py: male born 1966-08 → 2027-01; from Mon 2026-12-14, 19 working days → 2027-01-11
    "checklist": (
        "retirement_checklist",
        {
            "profile": {"birth": "1966-08", "category": "male", "contribution_months": 300},
            "apply_on": "2026-12-14",
            "as_of": AS_OF,
        },
        {"due_date": "2027-01-11", "retirement_month": "2027-01", "due_date_estimate": True},
    ),
}
