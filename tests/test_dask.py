"""Dask: the per-article stage on a real dask.distributed LocalCluster gives the same tables."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.corpus import load_corpus
from analysis.pipeline import extract_tables
from tests.conftest import SEEDS
from tests.test_cli import run_cli


def test_a_local_cluster_gives_the_tables_of_one_process(nlp, tmp_path):
    corpus = load_corpus(SEEDS)
    alone = extract_tables(corpus, nlp=nlp)
    on_dask = extract_tables(corpus, nlp=nlp, scheduler="local", cache_folder=tmp_path)
    for name, frame in alone.by_name().items():
        pd.testing.assert_frame_equal(on_dask.by_name()[name], frame, obj=name)
    # Workers wrote the shared cache: the next run reads every result back.
    assert len(list((tmp_path / "results").rglob("*.json"))) == 5


def test_extract_on_dask_from_the_command_line(tmp_path):
    result = run_cli("extract", str(SEEDS), "--out", str(tmp_path / "dask"), "--dask",
                     "--no-cache")
    assert result.returncode == 0, result.stderr[-3000:]
    plain = run_cli("extract", str(SEEDS), "--out", str(tmp_path / "plain"), "--no-cache")
    assert plain.returncode == 0
    for name in ("figures", "attributions", "keywords", "trends", "kwic"):
        assert (tmp_path / "dask" / f"{name}.csv").read_bytes() == (
            tmp_path / "plain" / f"{name}.csv").read_bytes(), name


@pytest.mark.parametrize("address", ["nonsense", "http//:x"])
def test_a_bad_scheduler_address_exits_2_naming_the_parameter(tmp_path, address):
    result = run_cli("extract", str(SEEDS), "--out", str(tmp_path), "--dask", address)
    assert result.returncode == 2
    assert "parameter 'scheduler'" in result.stderr
