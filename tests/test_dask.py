"""sentencenorm.dask on a real distributed.LocalCluster with two worker processes."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

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


# Typed frames and bags: the synchronous scheduler (one process, fast) -------------------------


@pytest.fixture
def synchronous() -> Iterator[None]:
    import dask

    with dask.config.set(scheduler="synchronous"):
        yield


FEW = ["six months to 10 years", "ten yaers", "", "a fine of $1,234.56", "life without parole"]


@pytest.mark.usefixtures("synchronous")
def test_parse_frame_has_typed_columns_and_keeps_error_rows() -> None:
    """One row per phrase in its place, with the row's dtypes; a phrase that does not read is a
    row with its text, json and error, NA elsewhere."""
    from sentencenorm import parse
    from sentencenorm.dask import parse_frame
    from sentencenorm.law.rows import COLUMNS, LEADING

    frame = parse_frame(dd.from_pandas(pd.Series(FEW), npartitions=2))
    names = [column.name for column in (*LEADING, *COLUMNS)]
    assert list(frame.columns) == [*names, "json", "error"]
    got = frame.compute()
    assert list(got.index) == list(range(len(FEW)))
    assert str(got["custody_max_months"].dtype) == "Float64"
    assert str(got["components"].dtype) == "Int64"
    assert str(got["exact"].dtype) == "boolean"
    assert got["custody_max"].dtype == pd.StringDtype("pyarrow")
    # amounts are exact decimals, as text
    assert got.loc[3, "fine_max_amount"] == "1234.56"
    row = parse(FEW[0]).to_row()
    assert got.loc[0, "custody_max_months"] == row["custody_max_months"]
    assert json.loads(got.loc[0, "json"]) == record(parse(FEW[0]))
    assert got["error"].isna().tolist() == [True, False, False, True, True]
    assert got.loc[1, "text"] == "ten yaers"
    assert json.loads(got.loc[1, "json"])["error"]["column"] == 4
    assert got.loc[1, ["custody_max", "exact", "components"]].isna().all()


@pytest.mark.usefixtures("synchronous")
def test_parse_frame_writes_parquet_and_csv_that_read_back(tmp_path: Path) -> None:
    """to_parquet and to_csv write the typed columns; pandas reads them back equal (in CSV an
    empty text and NA are both an empty field, so the empty phrase's text reads back NA)."""
    from sentencenorm.dask import frame_columns, parse_frame

    frame = parse_frame(dd.from_pandas(pd.Series(FEW), npartitions=2))
    expected = frame.compute()
    frame.to_parquet(tmp_path / "parquet")
    back = pd.read_parquet(tmp_path / "parquet").sort_index().rename_axis(None)
    pd.testing.assert_frame_equal(back, expected, check_index_type=False)
    frame.to_csv(tmp_path / "csv" / "part-*.csv", index=False)
    dtypes = {**frame_columns(), "json": "string[pyarrow]", "error": "string[pyarrow]"}
    files = sorted((tmp_path / "csv").glob("part-*.csv"))
    back = pd.concat([pd.read_csv(f, dtype=dtypes) for f in files], ignore_index=True)
    expected.loc[expected["text"] == "", "text"] = pd.NA
    pd.testing.assert_frame_equal(back, expected.reset_index(drop=True), check_index_type=False)


def test_unknown_fields_raise_at_once() -> None:
    from sentencenorm.dask import parse_frame

    with pytest.raises(ValueError, match="unknown columns"):
        parse_frame(dd.from_pandas(pd.Series(["10 years"]), npartitions=1), fields=["nope"])


@pytest.mark.usefixtures("synchronous")
def test_parse_series_json_gives_strings() -> None:
    series = dd.from_pandas(pd.Series(FEW), npartitions=2)
    got = parse_series(series, json=True).compute().tolist()
    assert [json.loads(value) for value in got] == [record(r) for r in parse_many(FEW)]


@pytest.mark.usefixtures("synchronous")
def test_extract_frame_gives_one_row_per_match(tmp_path: Path) -> None:
    """document (the index label), start, end, the row and json; no row for a document
    without matches, an empty one, or one that is not text."""
    from sentencenorm.dask import extract_frame

    docs = pd.Series([DOCUMENTS[0], "", DOCUMENTS[1], None, DOCUMENTS[2]], index=list("abcde"))
    frame = extract_frame(dd.from_pandas(docs, npartitions=2))
    got = frame.compute()
    expected = [
        (label, m.start, m.end, m.text)
        for label, text in docs.items()
        if isinstance(text, str)
        for m in extract(text)
    ]
    assert list(zip(got["document"], got["start"], got["end"], got["text"], strict=True)) == (
        expected
    )
    assert {label for label, *_ in expected} == {"a", "e"}
    in_a, in_e = len(extract(DOCUMENTS[0])), len(extract(DOCUMENTS[2]))
    assert got["partition"].tolist() == [0] * in_a + [1] * in_e  # a, b, c | d, e
    assert str(got["start"].dtype) == "Int64"
    first = extract(DOCUMENTS[0])[0]
    assert json.loads(got["json"].iloc[0]) == first.to_dict()
    assert got["custody_max"].iloc[0] == first.sentence.to_row()["custody_max"]
    frame.to_parquet(tmp_path / "matches")
    back = pd.read_parquet(tmp_path / "matches")
    pd.testing.assert_frame_equal(
        back.reset_index(drop=True), got.reset_index(drop=True), check_index_type=False
    )


LONG = "\n\n".join(
    [
        "The court met at ten.",
        "He was sentenced to 20 years in prison and fined $500.",
        "Nothing here.\n  \nShe faces up to five years.",
        "A 41-year-old was given a suspended death sentence; two others got life sentences.",
    ]
    * 6
)


@pytest.mark.usefixtures("synchronous")
def test_extract_bag_splits_a_long_document_and_keeps_its_offsets() -> None:
    """A document cut into pieces over several partitions gives the matches extract gives for
    the whole document, with the whole document's offsets."""
    import dask.bag as db

    from sentencenorm.dask import extract_bag

    bag = extract_bag(db.from_sequence([("long", LONG)]), piece=120, npartitions=4)
    assert bag.npartitions == 4
    got = bag.compute()
    whole = extract(LONG)
    assert len(whole) > 10
    assert [(m["name"], m["start"], m["end"], m["text"]) for m in got] == [
        ("long", m.start, m.end, m.text) for m in whole
    ]
    assert all(LONG[m["start"] : m["end"]] == m["text"] for m in got)
    assert [{k: v for k, v in m.items() if k != "name"} for m in got] == [
        m.to_dict() for m in whole
    ]


@pytest.mark.usefixtures("synchronous")
def test_extract_bag_rows_to_dataframe_and_read_documents(tmp_path: Path) -> None:
    """read_documents reads files on the workers; rows=True with match_meta() makes a typed
    frame; an empty file gives no row."""
    from sentencenorm.dask import extract_bag, match_meta, read_documents

    paths = []
    for name, text in [("one.txt", LONG), ("empty.txt", ""), ("two.txt", DOCUMENTS[2])]:
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(tmp_path / name)
    frame = extract_bag(read_documents(paths), rows=True).to_dataframe(meta=match_meta())
    got = frame.compute()
    assert got["start"].dtype == "Int64"
    assert got["exact"].dtype == "boolean"
    expected = [
        (str(path), m.start, m.end) for path in paths for m in extract(path.read_text("utf-8"))
    ]
    assert list(zip(got["document"], got["start"], got["end"], strict=True)) == expected


@pytest.mark.usefixtures("client")
def test_parse_frame_on_the_cluster_equals_the_single_process_path() -> None:
    """On two worker processes, the typed frame equals the one the synchronous scheduler gives."""
    import dask

    from sentencenorm.dask import parse_frame

    frame = parse_frame(dd.from_pandas(pd.Series(PHRASES), npartitions=4))
    got = frame.compute()
    with dask.config.set(scheduler="synchronous"):
        expected = frame.compute()
    pd.testing.assert_frame_equal(got, expected)
