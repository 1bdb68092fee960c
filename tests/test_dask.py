"""sentencenorm.dask on a real distributed.LocalCluster with two worker processes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")
pd = pytest.importorskip("pandas")

from sentencenorm import UnknownLanguageError, extract, parse_many  # noqa: E402
from sentencenorm.dask import extract_series, parse_series  # noqa: E402
from sentencenorm.reading.batch import record  # noqa: E402

PHRASES = [
    "six months to 10 years",
    "ten yaers",
    "84 months in prison followed by two years of supervised release",
    "life without parole",
    "",
    "a fine of $500",
    "faces up to 20 years",
] * 40  # 280 rows over 4 partitions
DOCUMENTS = [
    "He was sentenced to 20 years in prison and fined $500.",
    "Nothing here.",
    "She faces up to five years.",
] * 10


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    """A local cluster of two worker processes, as on two machines."""
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as connected,
    ):
        yield connected


@pytest.mark.usefixtures("client")
def test_parse_series_equals_the_single_process_path() -> None:
    """Every row's result on the cluster is exactly the single-process result, in place."""
    series = dd.from_pandas(pd.Series(PHRASES, name="phrase"), npartitions=4)
    got = parse_series(series).compute()
    assert list(got.index) == list(range(len(PHRASES)))
    assert got.tolist() == [record(result) for result in parse_many(PHRASES)]


@pytest.mark.usefixtures("client")
def test_extract_series_equals_the_single_process_path() -> None:
    """Each document's matches come back as match dicts, the same as extract gives."""
    series = dd.from_pandas(pd.Series(DOCUMENTS), npartitions=3)
    got = extract_series(series).compute().tolist()
    assert got == [[match.to_dict() for match in extract(text)] for text in DOCUMENTS]


def test_bad_codes_raise_before_the_graph_runs() -> None:
    """An unknown language is refused when the Series is built, not on a worker."""
    series = dd.from_pandas(pd.Series(["10 years"]), npartitions=1)
    with pytest.raises(UnknownLanguageError):
        parse_series(series, lang="xx")
