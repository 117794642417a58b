"""The batch on Dask (issue 13): a LocalCluster of 2 workers gives the single-process results."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

pytest.importorskip("pyarrow")
pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")

import pyarrow.parquet as pq  # noqa: E402

from jm_socialsec.batch import estimate_pensions  # noqa: E402
from jm_socialsec.batch.dask import estimate_pensions_dask  # noqa: E402

sys.path.insert(0, str(Path(__file__).parent))
from test_batch import AS_OF, roster, table_of  # noqa: E402


def test_a_local_cluster_of_two_workers_gives_the_single_process_results(tmp_path: Path) -> None:
    rows = roster(2000, seed=21)
    source = tmp_path / "roster"
    source.mkdir()
    table = table_of(rows)
    for k in range(4):  # a dataset of four files: four partitions
        pq.write_table(table.slice(500 * k, 500), source / f"part-{k}.parquet")
    single = estimate_pensions(table, as_of=AS_OF)
    # threads, not processes: the same scheduler protocol, seconds less to start here
    with (
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as cluster,
        distributed.Client(cluster) as client,
    ):
        assert len(client.scheduler_info()["workers"]) == 2
        out = estimate_pensions_dask(source, tmp_path / "out", as_of=AS_OF, client=client)
    got = pq.read_table(out)
    names = [n for n in single.column_names if n not in table.column_names] + ["birth", "contribution_months"]
    assert got.num_rows == len(rows)
    assert got.select(names).to_pylist() == single.select(names).to_pylist()
