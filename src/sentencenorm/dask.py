"""Normalizing on more than one machine: typed frames and bags of matches over Dask.

Each partition of a ``dask.dataframe`` Series is read by `parse_many` / `extract_many` on
whichever worker holds it; every worker builds its grammar once. Needs the optional extra:
``pip install "sentencenorm[dask]"``.

- `parse_frame` (phrases) and `extract_frame` (documents) give a Dask DataFrame of typed
  columns: the flat row of `Sentence.to_row` (`sentencenorm.law.rows`), ``json`` (the JSON
  contract as a string) and ``error``. These are the ones for files: ``to_parquet`` and
  ``to_csv`` write them as they are.
- `extract_bag` reads a ``dask.bag`` of documents (`read_documents` makes one from files),
  a large document cut at blank lines into pieces that may go to different tasks, and gives
  a bag of match dicts whose offsets are the whole document's.
- `parse_series` and `extract_series` give the JSON contract as Python dicts in an object
  column (``json=True``: as JSON strings), for code that goes on in Python.

>>> import dask, dask.dataframe as dd, pandas as pd
>>> phrases = dd.from_pandas(pd.Series(["six months to 10 years", "ten yaers"]), npartitions=1)
>>> with dask.config.set(scheduler="synchronous"):
...     frame = parse_frame(phrases, fields=["custody_max", "custody_max_months"]).compute()
>>> frame["custody_max"].tolist(), frame["custody_max_months"].dtype
(['P10Y', <NA>], Float64Dtype())
>>> frame["error"].iloc[1][:32]
'cannot read "ten yaers" at colum'
"""

from __future__ import annotations

import json as _json
import re
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Any, Final

import pandas as pd

from .errors import SentenceParseError
from .reading.batch import _check, extract_many, parse_many, record
from .sentence import Sentence

__all__ = [
    "DTYPES",
    "extract_bag",
    "extract_frame",
    "extract_series",
    "frame_columns",
    "match_meta",
    "parse_frame",
    "parse_series",
    "read_documents",
]

#: The pandas dtype of each kind of column (`sentencenorm.law.rows.Column.type`). Amounts
#: ("decimal") are strings holding the exact `decimal.Decimal`: a float would round them
#: (0.1 + 0.2, or a forfeiture of 12,345,678,901,234.56), and Arrow's decimal types need one
#: scale for the whole column. Read them back with ``decimal.Decimal(value)``.
DTYPES: Final = {
    "text": "string[pyarrow]",
    "bool": "boolean",
    "int": "Int64",
    "real": "Float64",
    "decimal": "string[pyarrow]",
}

#: The columns `extract_frame` puts before the row's: where each match is.
_PLACE: Final = {"document": "string[pyarrow]", "start": "Int64", "end": "Int64"}
#: The columns after the row's.
_AFTER: Final = {"json": "string[pyarrow]", "error": "string[pyarrow]"}


def frame_columns(fields: Sequence[str] | None = None) -> dict[str, str]:
    """The row columns *fields* names (all of them by default), each with its dtype.

    >>> list(frame_columns(["custody_max", "fine_max_amount", "exact"]).items())
    [('custody_max', 'string[pyarrow]'), ('fine_max_amount', 'string[pyarrow]'), \
('exact', 'boolean')]
    """
    from .law.rows import COLUMNS, LEADING

    types = {column.name: DTYPES[column.type] for column in (*LEADING, *COLUMNS)}
    if fields is None:
        return types
    unknown = [name for name in fields if name not in types]
    if unknown:
        raise ValueError(f"unknown columns {unknown}: the columns are {list(types)}")
    return {name: types[name] for name in fields}


def _frame(rows: list[dict[str, Any]], dtypes: dict[str, str], index: Any) -> pd.DataFrame:
    """A pandas frame of *rows* with exactly *dtypes* (None is NA, an amount its exact text)."""
    columns = {}
    for name, dtype in dtypes.items():
        values = [row.get(name) for row in rows]
        if dtype == "string[pyarrow]":
            values = [None if v is None else str(v) for v in values]
        columns[name] = pd.array(values, dtype=dtype)
    return pd.DataFrame(columns, index=index)


def _contract(value: Any) -> str:
    return _json.dumps(value, ensure_ascii=False, default=_exact)


def _exact(value: object) -> str:
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(f"{type(value).__name__} is not JSON")


def _row(result: Sentence | SentenceParseError, phrase: object) -> dict[str, Any]:
    """One phrase's row: its flat columns, json and error (an error row keeps its text)."""
    if isinstance(result, Sentence):
        return {**result.to_row(), "json": _contract(record(result)), "error": None}
    text = phrase if isinstance(phrase, str) else None
    return {"text": text, "json": _contract(record(result)), "error": result.message}


# ── phrases ─────────────────────────────────────────────────────────────────────────────────


def parse_frame(
    series: Any,
    *,
    lang: str = "en",
    jurisdiction: str | None = None,
    fields: Sequence[str] | None = None,
) -> Any:
    """A Dask DataFrame with one row per phrase of *series*, in its place (same index).

    Its columns are the flat row (`Sentence.to_row`: *fields*, or every column of
    `sentencenorm.law.rows.COLUMNS` after ``text``, ``modality`` and ``notation``) with the
    dtypes of `DTYPES`, then ``json`` (the JSON contract, a string) and ``error`` (the
    message of a phrase that does not read; NA otherwise). A phrase that does not read is a
    row with its ``text``, ``json`` and ``error`` and NA elsewhere, never dropped. Unknown
    codes or column names raise at once, before any partition is read.

    >>> import dask, dask.dataframe as dd, pandas as pd
    >>> phrases = dd.from_pandas(pd.Series(["a fine of $500", "life"]), npartitions=2)
    >>> frame = parse_frame(phrases, fields=["fine_max_amount", "custody_max_life"])
    >>> frame.dtypes.astype(str).tolist()
    ['string', 'boolean', 'string', 'string']
    >>> with dask.config.set(scheduler="synchronous"):
    ...     frame.compute()["fine_max_amount"].tolist()
    ['500', <NA>]
    """
    _check(lang, jurisdiction)
    dtypes = {**frame_columns(fields), **_AFTER}
    meta = _frame([], dtypes, pd.Index([], dtype=series.index.dtype))
    return series.map_partitions(_parse_rows, lang, jurisdiction, dtypes, meta=meta)


def _parse_rows(
    part: pd.Series, lang: str, jurisdiction: str | None, dtypes: dict[str, str]
) -> pd.DataFrame:
    phrases = part.tolist()
    results = parse_many(phrases, lang=lang, jurisdiction=jurisdiction)
    rows = [_row(result, phrase) for result, phrase in zip(results, phrases, strict=True)]
    return _frame(rows, dtypes, part.index)


def parse_series(
    series: Any, *, lang: str = "en", jurisdiction: str | None = None, json: bool = False
) -> Any:
    """A Dask Series of the JSON contract of each phrase of *series* (lazy, by partition).

    Each value is a dict (an object column, for code that goes on in Python), or with
    ``json=True`` a JSON string. To write files, use `parse_frame`: typed columns that
    ``to_parquet`` and ``to_csv`` write as they are. Unknown *lang* or *jurisdiction* codes
    raise at once, before any partition is read.

    >>> import dask, dask.dataframe as dd, pandas as pd
    >>> phrases = dd.from_pandas(pd.Series(["ten yaers"]), npartitions=1)
    >>> [record.get("error", {}).get("column") for record in parse_series(phrases).compute()]
    [4]
    """
    _check(lang, jurisdiction)
    dtype = "string[pyarrow]" if json else object
    meta = pd.Series(dtype=dtype, name=series.name)
    return series.map_partitions(_parse_partition, lang, jurisdiction, json, meta=meta)


def _parse_partition(part: pd.Series, lang: str, jurisdiction: str | None, json: bool) -> pd.Series:
    results = [record(r) for r in parse_many(part.tolist(), lang=lang, jurisdiction=jurisdiction)]
    if json:
        return pd.Series(
            [_contract(r) for r in results],
            index=part.index,
            name=part.name,
            dtype="string[pyarrow]",
        )
    return pd.Series(results, index=part.index, name=part.name, dtype=object)


# ── documents ───────────────────────────────────────────────────────────────────────────────


def extract_series(
    series: Any, *, lang: str = "en", jurisdiction: str | None = None, json: bool = False
) -> Any:
    """A Dask Series of each document's matches (a list of match dicts, empty for none; with
    ``json=True`` that list as a JSON string). For files, use `extract_frame`."""
    _check(lang, jurisdiction)
    dtype = "string[pyarrow]" if json else object
    meta = pd.Series(dtype=dtype, name=series.name)
    return series.map_partitions(_extract_partition, lang, jurisdiction, json, meta=meta)


def _extract_partition(
    part: pd.Series, lang: str, jurisdiction: str | None, json: bool
) -> pd.Series:
    found = extract_many(part.tolist(), lang=lang, jurisdiction=jurisdiction)
    results = [[match.to_dict() for match in matches] for matches in found]
    if json:
        return pd.Series(
            [_contract(r) for r in results],
            index=part.index,
            name=part.name,
            dtype="string[pyarrow]",
        )
    return pd.Series(results, index=part.index, name=part.name, dtype=object)


def _match_row(
    name: object, start: int, end: int, sentence: Sentence, match: dict[str, Any]
) -> dict[str, Any]:
    return {
        "document": None if name is None else str(name),
        "start": start,
        "end": end,
        **sentence.to_row(),
        "json": _contract(match),
        "error": None,
    }


def match_meta(fields: Sequence[str] | None = None) -> pd.DataFrame:
    """The empty typed frame of `extract_frame`'s rows, and of ``extract_bag(..., rows=True)``
    for ``.to_dataframe(meta=match_meta())``: ``document``, ``start``, ``end``, the row
    columns *fields* names (``text`` is the match's text), ``json`` and ``error``.

    >>> list(match_meta(["custody_max"]).columns)
    ['document', 'start', 'end', 'custody_max', 'json', 'error']
    """
    return _frame([], {**_PLACE, **frame_columns(fields), **_AFTER}, pd.RangeIndex(0))


def extract_frame(
    series: Any,
    *,
    lang: str = "en",
    jurisdiction: str | None = None,
    fields: Sequence[str] | None = None,
) -> Any:
    """A Dask DataFrame with one row per match in the documents of *series*.

    ``partition`` is the number of the partition of *series* that holds the document and
    ``document`` its index label there (as text): together they name it whichever worker
    reads it, even where each partition's index starts again at 0 (``dd.read_csv``). Then
    ``start`` and ``end``, the match's offsets in the document, the match's flat row
    (*fields*, every column by default; ``text`` is the matched text), ``json`` (the match
    dict: its offsets and the JSON contract) and ``error`` (always NA: text that cannot be
    read gives no match). A document without matches, or empty, or not text, gives no row.
    The frame's index is a running number within each partition.

    >>> import dask, dask.dataframe as dd, pandas as pd
    >>> docs = pd.Series(["He got 20 years in prison.", "", "Fined $500."], index=["a", "b", "c"])
    >>> frame = extract_frame(dd.from_pandas(docs, npartitions=2), fields=["custody_max"])
    >>> where = ["partition", "document", "start", "end", "custody_max"]
    >>> with dask.config.set(scheduler="synchronous"):
    ...     frame.compute()[where].values.tolist()
    [[0, 'a', 3, 25, 'P20Y'], [1, 'c', 0, 10, <NA>]]
    """
    _check(lang, jurisdiction)
    dtypes = {"partition": "Int64", **_PLACE, **frame_columns(fields), **_AFTER}
    meta = _frame([], dtypes, pd.RangeIndex(0))
    return series.map_partitions(_extract_rows, lang, jurisdiction, dtypes, meta=meta)


def _extract_rows(
    part: pd.Series,
    lang: str,
    jurisdiction: str | None,
    dtypes: dict[str, str],
    partition_info: dict[str, Any] | None = None,  # dask passes {"number": i, ...}
) -> pd.DataFrame:
    number = None if partition_info is None else partition_info["number"]
    found = extract_many(part.tolist(), lang=lang, jurisdiction=jurisdiction)
    rows = [
        {"partition": number, **_match_row(name, m.start, m.end, m.sentence, m.to_dict())}
        for name, matches in zip(part.index, found, strict=True)
        for m in matches
    ]
    return _frame(rows, dtypes, pd.RangeIndex(len(rows)))


#: A blank line: where `extract` itself cuts a document into paragraphs that it reads alone
#: (`sentencenorm.reading.extractor`), so cutting there changes no match.
_BLANK_LINE: Final = re.compile(r"\n[^\S\n]*\n")
#: The characters of text one piece of `extract_bag` holds at most (a single paragraph
#: longer than this stays whole).
PIECE: Final = 100_000


def _pieces(item: object, lang: str, size: int) -> list[tuple[object, int, str, str]]:
    """*item* (a text, or a ``(name, text)`` pair) cut at blank lines into pieces of whole
    paragraphs of about *size* characters: ``(name, offset in the document, lang, piece)``.

    >>> [offset for _, offset, _, _ in _pieces(("d", "one\\n\\ntwo\\n\\nthree"), "en", 5)]
    [0, 5, 10]
    """
    name, text = item if isinstance(item, (tuple, list)) else (None, item)
    if not isinstance(text, str) or not text:
        return []
    if lang == "auto":  # one language for the whole document, as extract would pick it
        from .reading.detect import detect_language

        lang = detect_language(text)
    pieces, begin = [], 0
    for brk in _BLANK_LINE.finditer(text):
        if brk.end() - begin >= size:
            pieces.append((name, begin, lang, text[begin : brk.end()]))
            begin = brk.end()
    pieces.append((name, begin, lang, text[begin:]))
    return pieces


def _extract_pieces(
    pieces: Iterable[tuple[object, int, str, str]], jurisdiction: str | None, rows: bool
) -> Iterator[dict[str, Any]]:
    from .reading.extractor import extract

    for name, offset, lang, piece in pieces:
        for match in extract(piece, lang=lang, jurisdiction=jurisdiction):
            start, end = offset + match.start, offset + match.end
            contract = {**match.to_dict(), "start": start, "end": end}
            if rows:
                yield _match_row(name, start, end, match.sentence, contract)
            else:
                yield {"name": name, **contract}


def extract_bag(
    bag: Any,
    *,
    lang: str = "en",
    jurisdiction: str | None = None,
    piece: int = PIECE,
    npartitions: int | None = None,
    rows: bool = False,
) -> Any:
    """A ``dask.bag`` of the matches in the documents of *bag* (texts, or ``(name, text)``).

    Each document is cut at blank lines into pieces of whole paragraphs of about *piece*
    characters (where `extract` itself reads paragraph by paragraph, so no match changes);
    with *npartitions* the pieces are spread over that many partitions, so a large document
    is read by several tasks at once. Each match is a dict: ``name`` (the document's, None for
    a bare text), ``start`` and ``end`` in the whole document, ``text`` and the JSON contract.
    With ``rows=True`` each is the flat typed row instead, for
    ``.to_dataframe(meta=match_meta())`` and then ``to_parquet``. ``lang="auto"`` picks one
    language per document.

    >>> import dask, dask.bag as db
    >>> first = ("a", "Nothing.\\n\\nHe was sentenced to 20 years.")
    >>> docs = db.from_sequence([first, "Fined $500."])
    >>> with dask.config.set(scheduler="synchronous"):
    ...     [(m["name"], m["start"], m["text"]) for m in extract_bag(docs).compute()]
    [('a', 13, 'was sentenced to 20 years'), (None, 0, 'Fined $500')]
    """
    _check(lang if lang != "auto" else "en", jurisdiction)
    if not isinstance(piece, int) or piece < 1:
        raise ValueError(f"piece must be a positive number of characters: {piece!r}")
    pieces = bag.map(_pieces, lang, piece).flatten()
    if npartitions is not None:
        pieces = pieces.repartition(npartitions=npartitions)
    return pieces.map_partitions(_extract_pieces, jurisdiction, rows)


def _read(path: str) -> tuple[str, str]:
    with open(path, encoding="utf-8", errors="replace") as file:
        return path, file.read()


def read_documents(paths: Iterable[Any], *, npartitions: int | None = None) -> Any:
    """A ``dask.bag`` of ``(path, text)``, each file read (UTF-8) by the worker that
    handles it, not by the client: the paths must be reachable from every worker.

    >>> import dask, pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("She faces up to five years.", encoding="utf-8")
    >>> with dask.config.set(scheduler="synchronous"):
    ...     [m["text"] for m in extract_bag(read_documents([folder / "a.txt"])).compute()]
    ['faces up to five years']
    """
    import dask.bag

    db: Any = dask.bag  # untyped
    names = [str(path) for path in paths]
    count = npartitions or max(1, min(len(names), 100))
    return db.from_sequence(names, npartitions=count).map(_read)
