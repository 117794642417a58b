"""Sanity limits of the library (合理范围) — not law.

No rule bounds a year or an amount. These bounds are the library's own, in one place: wide
enough for every real case (births from 1900, projections to 2200, a payroll below a trillion
yuan), narrow enough that an absurd value — a year of ``Decimal("1E+999999")``, an ID number
pasted into a wage field — is refused at once with the field named, instead of costing seconds
of arithmetic or giving a result that cannot be printed.
"""

from __future__ import annotations

from decimal import Decimal

#: The earliest and latest calendar year an input (a day, a month, a birth) may name.
EARLIEST_YEAR = 1900
LATEST_YEAR = 2200

#: The largest number an input may carry, in yuan for an amount (10¹² 元); no index, count,
#: factor or number of years the library reads comes near it either.
LARGEST_AMOUNT = Decimal(10) ** 12

#: The most decimal places an input number may have: more than any float carries (5e-324 has
#: 324), few enough that exact arithmetic on it stays cheap (``1E-999999`` would cost seconds).
FINEST_DECIMALS = 400

#: The most months a count (contribution time, months drawn, a contract) may carry: the months
#: between the earliest and the latest sanity year. No working life is longer; an ID number
#: pasted as a count (≈ 4.4 × 10¹⁷) is refused naming the field instead of being computed with.
MOST_MONTHS = (LATEST_YEAR - EARLIEST_YEAR) * 12
