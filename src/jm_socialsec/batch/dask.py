"""The batch on a Dask cluster (分布式): one pure function per partition of a Parquet dataset.

:func:`estimate_pensions_dask` reads a Parquet dataset with ``dask.dataframe``, maps
:func:`jm_socialsec.batch.estimate_pensions` over its partitions (``map_partitions``: each
partition is estimated on its own, no state is shared) and writes Parquet. ``as_of`` is fixed
once on the client (today by default) so every worker answers as of the same day. Scheduling,
retries and data movement are Dask's (no scheduler of ours).

Each worker needs ``jm_socialsec[batch]`` installed (the tables ship inside the wheel) and read
access to the input and output paths (shared storage or object store URLs such as ``s3://``).
Needs the ``dask`` extra (``dask[dataframe]``, ``distributed``).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from ..engine.api import public
from ..engine.params import Params

Window = tuple[str, str] | None


def estimate_partition(
    frame: Any, as_of: date, overrides: Mapping[str, Any] | None = None, window: Window = None
) -> Any:
    """One partition (a pandas DataFrame): the batch estimate, result columns added — for the
    rows retiring within ``window`` (first, last month) when one is given."""
    from .api import estimate_pensions
    from .window import retiring_between

    if window is not None:
        frame = retiring_between(frame, *window, as_of=as_of, overrides=overrides)
    return estimate_pensions(frame, as_of=as_of, overrides=overrides)


@public
def estimate_pensions_dask(
    source: str | Path,
    destination: str | Path,
    *,
    as_of: date | None = None,
    overrides: Mapping[str, Any] | None = None,
    address: str | None = None,
    client: Any = None,
    partition_rows: int | None = None,
    window: Window = None,
) -> Path:
    """Estimate every row of the Parquet dataset ``source`` on Dask, writing Parquet to ``destination``.

    ``address``: a scheduler (``tcp://host:8786``) to connect to, or pass a ``distributed.Client``
    as ``client``; with neither, Dask's default (local) scheduler runs it. ``partition_rows``:
    repartition to about this many rows per partition (default: the files' row groups).
    ``window``: (first, last) month — only the rows reaching the statutory month within it.
    """
    import dask.dataframe as dd

    day = Params(as_of, overrides).as_of  # one day of knowledge for every worker
    frame = dd.read_parquet(str(source))
    if partition_rows:
        frame = frame.repartition(npartitions=max(1, -(-len(frame) // partition_rows)))
    meta = estimate_partition(frame._meta, day, overrides, window)
    result = frame.map_partitions(estimate_partition, day, overrides, window, meta=meta)
    if client is None and address is not None:
        import distributed

        connect: Any = distributed.Client  # untyped library
        with connect(address):
            result.to_parquet(str(destination), write_index=False)
    else:
        result.to_parquet(str(destination), write_index=False)
    return Path(destination)
