"""jm_socialsec — Jiangmen (江门) social-insurance rules as typed, tested, explained functions.

Every amount is exact (``Decimal``, official rounding), dated (the rule in force on that day, as
known on ``as_of``), sourced (each figure names its document and status) and explained (steps a
clerk can print). Outside the tables' dates it refuses with :class:`NotCovered`.
"""

from .contributions import PensionContribution, pension_contribution
from .errors import InputError, InternalError, NotCovered, SocialSecError, TableError, mask_id
from .explain import Explained, Notice, Quantity, Step
from .money import round_fen, to_decimal
from .months import Age, YearMonth
from .params import Params, ParamValue, lookup
from .regions import Region
from .tables import Source, Status, Unit

__version__ = "0.1.0"

__all__ = [
    "Age",
    "Explained",
    "InputError",
    "InternalError",
    "NotCovered",
    "Notice",
    "ParamValue",
    "Params",
    "PensionContribution",
    "Quantity",
    "Region",
    "SocialSecError",
    "Source",
    "Status",
    "Step",
    "TableError",
    "Unit",
    "YearMonth",
    "lookup",
    "mask_id",
    "pension_contribution",
    "round_fen",
    "to_decimal",
]
