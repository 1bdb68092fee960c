"""Tables: ``--format csv|tsv``, ``--fields`` and ``--to-sqlite``.

A record is a row of `Sentence.to_row`'s columns (`sentencenorm.law.rows`), then what the
command adds: ``severity`` (with --severity), ``lang`` and ``jurisdiction`` (how it was read),
``error`` (why an input could not be read: such a row is kept, never dropped) and ``json``
(the whole record of the JSON contract, for what the flat columns summarize). extract's rows
begin with ``file``, ``start`` and ``end``. ``--fields a,b,c`` keeps those columns, in that
order; ``--fields all`` is every column.

Cells: empty for unstated, ``true``/``false``, exact decimal amounts, numbers as Python
writes them (``12.5``). CSV and TSV are written with the csv module (RFC 4180 quoting; the TSV
quotes a cell holding a tab, a quote or a line break), so the csv module reads them back.

``--to-sqlite DB`` writes the same rows into a table of an SQLite database with the standard
library's sqlite3 (no extra to install): typed columns (TEXT, INTEGER for numbers and truth
values, REAL, NUMERIC for exact amounts), created when missing, appended to when it has
exactly these columns, refused otherwise. Rows are committed in batches and at the end, so an
interrupted run leaves whole rows.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import functools
import io
from collections.abc import Sequence
from decimal import Decimal
from typing import Any, Final

from sentencenorm import Sentence, SentenceParseError

from .records import parse_record, provenance
from .streams import WriteFailed, to_json

#: What the command line adds after the row's columns (severity only with --severity).
TAIL: Final = ("lang", "jurisdiction", "error", "json")
#: What extract's rows begin with.
MATCH_HEAD: Final = ("file", "start", "end")

_SQL_TYPES: Final = {
    "text": "TEXT",
    "bool": "INTEGER",
    "int": "INTEGER",
    "real": "REAL",
    "decimal": "NUMERIC",
}


@functools.cache
def _types() -> dict[str, str]:
    """Each column's type; the law (its rows) is loaded only when a table is written."""
    from sentencenorm.law.rows import COLUMNS, LEADING, MEANING

    return {
        **{column.name: column.type for column in (*LEADING, *COLUMNS, *MEANING)},
        "start": "int",
        "end": "int",
    }


#: Rows inserted between two commits of --to-sqlite.
BATCH: Final = 500


def available(options: argparse.Namespace, command: str) -> tuple[str, ...]:
    """Every column this command can write with these options, in the default order."""
    from sentencenorm.law.rows import column_names

    months = bool(getattr(options, "months", None))
    band = bool(getattr(options, "band", None))
    names = list(column_names(months=months, band=band))
    if getattr(options, "severity", False):
        names.append("severity")
    head = MATCH_HEAD if command == "extract" else ()
    return (*head, *names, *TAIL)


def chosen(
    command: argparse.ArgumentParser,
    options: argparse.Namespace,
    name: str,
    exclude: tuple[str, ...] = (),
) -> tuple[str, ...]:
    """The columns --fields names (all of them without --fields); an unknown one is a usage
    error that names it and lists the valid ones."""
    valid = tuple(field for field in available(options, name) if field not in exclude)
    if options.fields is None or options.fields.strip() == "all":
        return valid
    fields = [field.strip() for field in options.fields.split(",") if field.strip()]
    unknown = [field for field in fields if field not in valid]
    if unknown or not fields:
        problem = f"unknown field {', '.join(map(repr, unknown))}" if unknown else "no field"
        command.error(f"--fields: {problem}; the fields are {','.join(valid)} (or all)")
    repeated = sorted({field for field in fields if fields.count(field) > 1})
    if repeated:
        command.error(f"--fields: {', '.join(repeated)} given twice")
    return tuple(fields)


def parse_cells(
    text: str, result: Sentence | SentenceParseError, options: argparse.Namespace
) -> dict[str, Any]:
    """The columns of one outcome of parse (an error row when it did not parse)."""
    record = to_json(parse_record(text, result, options), separators=(",", ":"))
    if isinstance(result, SentenceParseError):
        return {"text": text, **provenance(options), "error": result.message, "json": record}
    cells = result.to_row(
        months=getattr(options, "months", None),
        band=getattr(options, "band", None),
        jurisdiction=options.jurisdiction,
    )
    if getattr(options, "severity", False):
        cells["severity"] = str(result.severity(options.jurisdiction))
    return {**cells, **provenance(options), "error": None, "json": record}


def error_cells(options: argparse.Namespace, message: str, **given: Any) -> dict[str, Any]:
    """An error row: what is known (a file's name), how it was read, and why it failed."""
    return {**given, **provenance(options), "error": message}


def cell(value: Any) -> str:
    """One value as a CSV cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return f"{value:f}"
    return str(value)


class Delimited:
    """CSV or TSV text, one record at a time (the header is a record, too)."""

    def __init__(self, fields: Sequence[str], style: str) -> None:
        self.fields = fields
        self.delimiter = "\t" if style == "tsv" else ","

    def line(self, cells: Sequence[str]) -> str:
        text = io.StringIO()
        csv.writer(text, delimiter=self.delimiter, lineterminator="\n").writerow(cells)
        return text.getvalue()

    def header(self) -> str:
        return self.line(self.fields)

    def row(self, values: dict[str, Any]) -> str:
        return self.line([cell(values.get(name)) for name in self.fields])


class SqliteTable:
    """``--to-sqlite DB --table T``: rows into a table, committed in batches."""

    def __init__(
        self, command: argparse.ArgumentParser, path: str, table: str, fields: Sequence[str]
    ) -> None:
        self.fields, self.path, self.table = tuple(fields), path, table
        self.pending = self.rows = 0
        if not table or "\x00" in table:
            command.error("--table needs a name")
        name = _identifier(table)
        import sqlite3  # loaded by the runs that write a database only

        self.error: type[Exception] = sqlite3.Error
        try:
            self.connection = sqlite3.connect(path)
            existing = [row[1] for row in self.connection.execute(f"PRAGMA table_info({name})")]
            if existing and tuple(existing) != self.fields:
                self.connection.close()
                command.error(
                    f"--to-sqlite {path}: table {table!r} has other columns "
                    f"({','.join(existing)}); name another --table, or give the same --fields"
                )
            if not existing:
                columns = ", ".join(
                    f"{_identifier(field)} {_SQL_TYPES[_types().get(field, 'text')]}"
                    for field in self.fields
                )
                self.connection.execute(f"CREATE TABLE {name} ({columns})")
                self.connection.commit()
        except sqlite3.Error as error:
            command.error(f"--to-sqlite {path}: {error}")
        marks = ", ".join("?" for _ in self.fields)
        self.insert = f"INSERT INTO {name} VALUES ({marks})"

    def add(self, values: dict[str, Any]) -> None:
        """Insert one row (`WriteFailed` when the database refuses it: full, locked...)."""
        cells = [_sql(values.get(name)) for name in self.fields]
        try:
            self.connection.execute(self.insert, cells)
        except self.error as error:
            raise WriteFailed(OSError(str(error)), self.path) from None
        self.rows += 1
        self.pending += 1
        if self.pending >= BATCH:
            self.commit()

    def commit(self) -> None:
        try:
            self.connection.commit()
        except self.error as error:
            raise WriteFailed(OSError(str(error)), self.path) from None
        self.pending = 0

    def close(self) -> None:
        """Commit the rows added (whole rows only), as far as the database lets it after a
        failure, and close the database (a run that ends well commits first, with `commit`)."""
        with contextlib.suppress(self.error, WriteFailed):
            self.commit()
        self.connection.close()


def _identifier(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _sql(value: Any) -> Any:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, Decimal):
        return f"{value:f}"  # NUMERIC: stored as a number where that is exact
    return value
