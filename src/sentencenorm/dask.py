"""Normalizing on more than one machine: `parse_series` and `extract_series` over Dask.

Each partition of a ``dask.dataframe`` Series is read by `parse_many` / `extract_many` on
whichever worker holds it; every worker builds its grammar once. The results are the JSON
contract, exactly what the single-process path gives (`sentencenorm.reading.batch.record`), one per
row, in the row's place. Needs the optional extra: ``pip install "sentencenorm[dask]"``.

>>> import dask.dataframe as dd, pandas as pd
>>> phrases = dd.from_pandas(pd.Series(["six months to 10 years", "ten yaers"]), npartitions=1)
>>> [record.get("error", {}).get("column") for record in parse_series(phrases).compute()]
[None, 4]
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from .reading.batch import _check, extract_many, parse_many, record

__all__ = ["extract_series", "parse_series"]


def parse_series(series: Any, *, lang: str = "en", jurisdiction: str | None = None) -> Any:
    """A Dask Series of the JSON contract of each phrase of *series* (lazy, by partition).

    Unknown *lang* or *jurisdiction* codes raise at once, before any partition is read.
    """
    _check(lang, jurisdiction)
    return series.map_partitions(
        _parse_partition, lang, jurisdiction, meta=pd.Series(dtype=object, name=series.name)
    )


def extract_series(series: Any, *, lang: str = "en", jurisdiction: str | None = None) -> Any:
    """A Dask Series of each document's matches (a list of match dicts, empty for none)."""
    _check(lang, jurisdiction)
    return series.map_partitions(
        _extract_partition, lang, jurisdiction, meta=pd.Series(dtype=object, name=series.name)
    )


def _parse_partition(part: pd.Series, lang: str, jurisdiction: str | None) -> pd.Series:
    results = [record(r) for r in parse_many(part.tolist(), lang=lang, jurisdiction=jurisdiction)]
    return pd.Series(results, index=part.index, name=part.name, dtype=object)


def _extract_partition(part: pd.Series, lang: str, jurisdiction: str | None) -> pd.Series:
    found = extract_many(part.tolist(), lang=lang, jurisdiction=jurisdiction)
    results = [[match.to_dict() for match in matches] for matches in found]
    return pd.Series(results, index=part.index, name=part.name, dtype=object)
