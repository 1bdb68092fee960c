"""``sentencenorm parse``: phrases from arguments, stdin lines or a CSV column, in order."""

from __future__ import annotations

import argparse
import csv
import io
import itertools
import sys
import textwrap
from collections.abc import Iterator
from typing import Any

import sentencenorm
from sentencenorm import Sentence, SentenceParseError

from .advice import parse_advice
from .records import check_parse_record, meaning, parse_record, provenance
from .resume import Resume
from .streams import (
    OK,
    SOME_FAILED,
    Writer,
    close_results,
    inputs,
    lock_stdout,
    plural,
    stopped,
    to_json,
)
from .tables import Delimited, SqliteTable, parse_cells
from .tables import cell as table_cell
from .terminal import Progress, component_lines


def parse_stream(command: argparse.ArgumentParser, options: argparse.Namespace) -> int:
    """``parse`` of phrase arguments and stdin lines: plain, --json or --jsonl, in order."""
    phrases: list[str] = options.phrases or ["-"]
    if options.jsonl:
        style = "jsonl"
    elif options.json:
        style = "json" if len(phrases) == 1 and phrases != ["-"] else "list"
    elif options.to_sqlite is not None:
        style = "sqlite"
    elif options.format in ("csv", "tsv"):
        style = options.format
    else:
        style = "human"
    streamed = style in ("jsonl", "csv", "tsv", "sqlite")  # errors are rows, not messages
    delimited = Delimited(options.columns, style) if style in ("csv", "tsv") else None
    table: SqliteTable | None = None
    pairs: Iterator[tuple[str, SentenceParseError | None]] = inputs(phrases)
    noun = "line" if "-" in phrases else "phrase"
    out = Writer(sys.stdout)
    progress = Progress(streamed)
    results: Iterator[Sentence | SentenceParseError] | None = None
    try:
        if options.resume is not None:
            resume = Resume(command, options.resume, quoted=False)
            resume.refuse_inputs(stdin="-" in phrases)
            pairs = _check_kept_lines(resume, pairs, options, noun)
            kept = resume.records
            out = resume.keep(resume.end, kept, f"{kept:,} {plural(noun, kept)}")
        else:
            lock_stdout()
        out.write("[" if style == "list" else "", record=False)
        if delimited is not None:
            out.write(delimited.header(), record=False)
        if style == "sqlite":
            table = SqliteTable(command, options.to_sqlite, options.table, options.columns)
        items = (text if problem is None else problem for text, problem in pairs)
        results = sentencenorm.parse_many(
            items, lang=options.lang, jurisdiction=options.jurisdiction, workers=options.workers
        )
        for result in results:
            text = result.text or ""
            if isinstance(result, SentenceParseError) and not streamed:
                print(result, file=sys.stderr)  # the message and its caret picture
                for line in parse_advice(result, options.lang, options.lang_given):
                    print(f"  {line}", file=sys.stderr)
            if table is not None:
                table.add(parse_cells(text, result, options))
                out.write("")  # counted
            elif delimited is not None:
                out.write(delimited.row(parse_cells(text, result, options)))
            else:
                out.write(format_outcome(style, progress.total, text, result, options))
            progress.step(isinstance(result, SentenceParseError))
        if table is not None:
            table.commit()
        list_end = ("\n]\n" if progress.total else "]\n") if style == "list" else ""
        out.write(list_end, record=False)
    except (KeyboardInterrupt, Exception) as stop:
        close_results(results)
        progress.clear()
        if isinstance(stop, BrokenPipeError):
            raise
        done = f"{out.records:,} {plural(noun, out.records)}"
        return stopped(stop, out, done, style == "jsonl")
    finally:
        out.close()
        if table is not None:
            table.close()
    progress.finish(noun)
    if table is not None:
        print(
            f"sentencenorm: {table.rows:,} {plural('row', table.rows)} written to table "
            f"{table.table!r} of {options.to_sqlite}",
            file=sys.stderr,
        )
    return SOME_FAILED if progress.failed else OK


def jsonl_line(
    text: str, result: Sentence | SentenceParseError, options: argparse.Namespace
) -> str:
    """The line ``parse --jsonl`` writes for one outcome."""
    return to_json(parse_record(text, result, options), separators=(",", ":")) + "\n"


def _check_kept_lines(
    resume: Resume,
    pairs: Iterator[tuple[str, SentenceParseError | None]],
    options: argparse.Namespace,
    noun: str,
) -> Iterator[tuple[str, SentenceParseError | None]]:
    """Prove FILE's lines are this run's first records; the input left after them."""
    read = 0
    for number, _, line in resume.lines():
        pair = next(pairs, None)
        if pair is None:
            resume.too_few(resume.records, read, noun)
        read += 1
        try:
            value = to_value(line)
        except ValueError:
            resume.fail(f"line {number} is not a JSON record; is it the output of parse --jsonl?")
        problem = check_parse_record(value, pair[0], options)
        if problem:
            resume.fail(f"line {number} {problem}")
    following = next(pairs, None)
    if following is None:
        resume.check_tail(None, "")
        return pairs
    text, failure = following
    outcome = failure if failure is not None else _outcome(text, options)
    expected = jsonl_line(text, outcome, options).encode("utf-8", "backslashreplace")
    resume.check_tail(expected, f"{noun} {read + 1}")
    return itertools.chain([following], pairs)


def to_value(line: bytes) -> Any:
    """A JSON line of an output file (ValueError when it is not one)."""
    import json

    return json.loads(line)


def _outcome(text: str, options: argparse.Namespace) -> Sentence | SentenceParseError:
    try:
        return sentencenorm.parse(text, lang=options.lang, jurisdiction=options.jurisdiction)
    except SentenceParseError as error:
        return error


def format_outcome(
    style: str,
    index: int,
    text: str,
    result: Sentence | SentenceParseError,
    options: argparse.Namespace,
) -> str:
    """The output of one phrase in *style*: jsonl, json, list (an item) or human."""
    if style == "jsonl":
        return jsonl_line(text, result, options)
    if style == "list":  # streamed exactly as json.dumps(items, indent=2) prints a list
        item = to_json(parse_record(text, result, options), indent=2)
        return ("\n" if index == 0 else ",\n") + textwrap.indent(item, "  ")
    if style == "json":  # a failure too: its error record (and the caret picture on stderr)
        return to_json(parse_record(text, result, options), indent=2) + "\n"
    if isinstance(result, SentenceParseError):
        return ""  # already on stderr
    lines = [to_json(text), f"  = {result}"]
    lines.extend(f"  {line}" for line in component_lines(result))
    lines.extend(f"  {line}" for line in _meaning_lines(meaning(result, options)))
    return "\n".join(lines) + "\n"


def _meaning_lines(extra: dict[str, Any]) -> Iterator[str]:
    """The --months, --band and --severity fields for a person."""
    if "months" in extra:
        low, high = extra["months"]
        yield f"months: {_number(low)} to {'unstated' if high is None else _number(high)}"
    if "band" in extra:
        yield f"band: {extra['band'] or 'none (that end is unstated or not custody)'}"
    if "severity" in extra:
        severity = extra["severity"]
        yield f"severity: {severity['interval']} — {severity['reason']}"


def _number(value: float) -> str:
    return f"{value:g}" if value == int(value) else f"{value:.2f}"


# ── CSV ──────────────────────────────────────────────────────────────────────────────────────


def parse_csv(command: argparse.ArgumentParser, options: argparse.Namespace) -> int:
    """``parse --csv-column NAME``: a CSV in, the same CSV with the readings added, out.

    Added columns: ``sentence`` (canonical notation), ``json`` (the JSON contract) and
    ``error`` (why the cell did not parse). One output row per input row, in order; a row the
    CSV reader cannot read (a field over its size limit) is an error row in its place.
    """
    sources = options.phrases or ["-"]
    if len(sources) != 1:
        command.error("--csv-column reads one CSV file (or - for stdin)")
    name = sources[0]
    try:
        raw = (
            io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8-sig", errors="surrogateescape")
            if name == "-"
            else open(name, encoding="utf-8-sig", errors="surrogateescape", newline="")  # noqa: SIM115
        )
    except OSError as exc:
        command.error(f"cannot read {name}: {exc.strerror or exc}")
    out = Writer(sys.stdout)
    progress = Progress(True)
    results: Iterator[Sentence | SentenceParseError] | None = None
    try:
        with raw:
            reader = _csv_rows(csv.reader(raw))
            header = next(reader, None)
            if not isinstance(header, list):
                problem = "has no header row" if header is None else f"has no header: {header}"
                command.error(f"{name} {problem}")
            if options.csv_column not in header:
                command.error(f"no column {options.csv_column!r}; the columns are {header}")
            column = header.index(options.csv_column)
            heading = [*header, "sentence", "json", "error", *options.extra_columns]
            if options.resume is not None:
                resume = Resume(command, options.resume, quoted=True)
                resume.refuse_inputs(stdin=name == "-", files=[name])
                reader = _check_kept_rows(resume, reader, heading, column, options)
                rows_before = max(resume.records - 1, 0)
                done = f"{rows_before:,} {plural('row', rows_before)}"
                out = resume.keep(resume.end if resume.records else 0, resume.records, done)
            else:
                lock_stdout()
            writer = csv.writer(out, lineterminator="\n")
            if out.records == 0:
                out.write(csv_line(heading))
            rows, cells = itertools.tee(reader)
            items = (_csv_cell(row, column) for row in cells)
            results = sentencenorm.parse_many(
                items,
                lang=options.lang,
                jurisdiction=options.jurisdiction,
                workers=options.workers,
            )
            for row, result in zip(rows, results, strict=True):
                writer.writerow(_csv_output(row, len(header), result, options))
                progress.step(isinstance(result, SentenceParseError))
    except (KeyboardInterrupt, Exception) as stop:
        close_results(results)
        progress.clear()
        if isinstance(stop, BrokenPipeError):
            raise
        written = max(out.records - 1, 0)  # the header is no row
        return stopped(stop, out, f"{written:,} {plural('row', written)}", True)
    finally:
        out.close()
    progress.finish("row")
    return SOME_FAILED if progress.failed else OK


def _check_kept_rows(
    resume: Resume,
    reader: Iterator[list[str] | str],
    heading: list[str],
    column: int,
    options: argparse.Namespace,
) -> Iterator[list[str] | str]:
    """Prove FILE's rows are this run's first rows (each keeps its input row's cells and a
    reading of them); the input rows left after them."""
    width = len(heading) - 3 - len(options.extra_columns)
    read = 0
    for number, row in enumerate(resume.csv_rows(), start=1):
        if number == 1:
            if row != heading:
                resume.fail(
                    f"its first line is not the header this command writes ({','.join(heading)}); "
                    "is it the right file?"
                )
            continue
        source = next(reader, None)
        if source is None:
            resume.too_few(resume.records - 1, read, "row")
        read += 1
        problem = _row_problem(row, source, width, column, options)
        if problem:
            resume.fail(f"row {number - 1} {problem}")
    following = next(reader, None)
    if resume.records == 0:  # nothing complete, not even the header
        expected = csv_line(heading).encode("utf-8", "backslashreplace")
        resume.check_tail(expected, "the header")
    elif following is None:
        resume.check_tail(None, "")
    else:
        cell = _csv_cell(following, column)
        outcome = cell if isinstance(cell, SentenceParseError) else _outcome(cell, options)
        line = csv_line(_csv_output(following, width, outcome, options))
        resume.check_tail(line.encode("utf-8", "backslashreplace"), f"row {read + 1}")
    return reader if following is None else itertools.chain([following], reader)


def _row_problem(
    row: list[str], source: list[str] | str, width: int, column: int, options: argparse.Namespace
) -> str | None:
    extra = len(options.extra_columns)
    if len(row) != width + 3 + extra:
        return f"has {len(row)} cells, where this command writes {width + 3 + extra}"
    row, flat = row[: len(row) - extra], row[len(row) - extra :]
    shown = [""] * width if isinstance(source, str) else _shown(source)
    if isinstance(source, list) and len(source) != width:
        shown = shown[:width] + [""] * (width - len(shown))
    if row[:width] != shown[:width]:
        return "does not hold the cells of the input row in its place; is it this input's output?"
    notation, record, error = row[width:]
    if bool(record) == bool(error) or bool(notation) != bool(record):
        return "is not a reading of this command (sentence and json, or an error)"
    cell = source[column] if isinstance(source, list) and column < len(source) else ""
    if not record:
        text = "" if isinstance(source, str) else _shown([cell])[0]
        expected = _flat({"text": text, **provenance(options), "error": error}, options)
        return None if flat == expected else "has flat cells that are not its reading's"
    try:
        value = to_value(record.encode("utf-8"))
    except ValueError:
        return "has a json cell that is not JSON"
    problem = check_parse_record(value, cell, options)
    if problem is None and str(Sentence.from_dict(value)) != notation:
        problem = "has a sentence cell that is not the notation of its json cell"
    if problem is None and extra:
        sentence = Sentence.from_dict(value)
        if flat != _flat(parse_cells(sentence.text or "", sentence, options), options):
            problem = "has flat cells (--fields) that are not its reading's"
    return None if problem is None else f"(its json cell) {problem}"


def _flat(values: dict[str, Any], options: argparse.Namespace) -> list[str]:
    """The cells of the --fields columns --csv-column adds."""
    return [table_cell(values.get(name)) for name in options.extra_columns]


def _csv_rows(reader: Iterator[list[str]]) -> Iterator[list[str] | str]:
    """The reader's rows; a row it cannot read gives the reason in its place."""
    while True:
        try:
            yield next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield f"the row cannot be read as CSV ({exc})"


def csv_line(cells: list[str]) -> str:
    """One CSV record as the output file holds it."""
    text = io.StringIO()
    csv.writer(text, lineterminator="\n").writerow(cells)
    return text.getvalue()


def _shown(row: list[str]) -> list[str]:
    return [cell.encode("utf-8", "surrogateescape").decode("utf-8", "replace") for cell in row]


def _csv_output(
    row: list[str] | str,
    width: int,
    result: Sentence | SentenceParseError,
    options: argparse.Namespace,
) -> list[str]:
    """The output row of an input row: its cells, then sentence, json and error."""
    if isinstance(row, str):  # unreadable: empty cells, and the reason
        failed = {"text": "", **provenance(options), "error": row}
        return [*([""] * width), "", "", row, *_flat(failed, options)]
    shown = _shown(row)
    if options.extra_columns and len(shown) < width:  # the flat cells under their heading
        shown += [""] * (width - len(shown))
    if isinstance(result, SentenceParseError):
        failed = {"text": result.text or "", **provenance(options), "error": result.message}
        return [*shown, "", "", result.message, *_flat(failed, options)]
    record = parse_record(result.text or "", result, options)
    flat = _flat(parse_cells(result.text or "", result, options), options)
    return [*shown, str(result), to_json(record, separators=(",", ":")), "", *flat]


def _csv_cell(row: list[str] | str, column: int) -> str | SentenceParseError:
    """The cell to read, or the error that stands in its place."""
    if isinstance(row, str):
        return SentenceParseError("", 0, reason=row)
    if column >= len(row):
        return SentenceParseError("", 0, reason=f"the row has no column {column + 1}")
    cell = row[column]
    try:
        cell.encode("utf-8")
    except UnicodeEncodeError as exc:  # a byte that was not UTF-8, kept as a lone surrogate
        shown = cell.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        return SentenceParseError(shown, exc.start, reason="the cell is not valid UTF-8")
    return cell
