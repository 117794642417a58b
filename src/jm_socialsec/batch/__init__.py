"""Population batch (数据找人): exact pension estimates and retirement windows for a whole roster.

- :func:`estimate_pensions` — every row of a roster (Arrow, pandas, polars, Parquet or CSV),
  identical to :func:`jm_socialsec.estimate_pension` to the 分, vectorised in integers.
- :func:`retiring_between` — who reaches the statutory retirement month in a window, with the
  minimum-years check.
- :mod:`jm_socialsec.batch.dask` — the same over a Parquet dataset on a Dask cluster.

Needs the ``batch`` extra (numpy, pandas, pyarrow).
"""

from __future__ import annotations

from .api import estimate_pensions
from .window import retiring_between

__all__ = ["estimate_pensions", "retiring_between"]
