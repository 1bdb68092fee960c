"""``sentencenorm extract``: every sentencing expression of each document, with its offsets."""

from __future__ import annotations

import argparse
import itertools
import os
import sys
from collections.abc import Iterator
from typing import Any

import sentencenorm

from .advice import document_language, language_name
from .records import check_match_record, match_record, provenance
from .resume import Resume
from .streams import OK, SOME_FAILED, Writer, close_results, lock_stdout, plural, stopped, to_json
from .tables import Delimited, SqliteTable
from .terminal import Reading

#: extract -q when no input has a match (as grep -q).
NO_MATCH = 1


def extract_command(command: argparse.ArgumentParser, options: argparse.Namespace) -> int:
    """Matches of each document, for a person or as JSON lines (one write per file); or, as
    grep's -c, -l and -q, their count, the names of the files that have some, or nothing.

    The exit status is the streams' (0 all read, 1 a file could not be read...), except with
    ``-q``: 0 when some input has a match (it stops there), 1 when none has.
    """
    emphasis = sys.stdout.isatty() and "NO_COLOR" not in os.environ
    failed = 0
    matched = False
    names = list(files(options.files or ["-"]))
    out = Writer(sys.stdout)  # one record per file
    files_before = lines_before = 0  # kept with --resume
    found: Iterator[list[sentencenorm.Match]] | None = None
    table: SqliteTable | None = None
    delimited = Delimited(options.columns, options.format) if _delimited(options) else None
    grep_like = options.quiet or options.count or options.files_with_matches
    streamed = options.jsonl or delimited is not None or options.to_sqlite is not None
    reading: Reading | None = None
    try:
        if options.resume is not None:
            if "-" in names:
                command.error("--resume needs named files: matches from stdin carry no file name")
            resume = Resume(command, options.resume, quoted=False)
            resume.refuse_inputs(files=names)
            files_before, cut, lines_before = _check_kept_matches(resume, names, options)
            names = names[files_before:]
            last = f" (the last with matches: {names_before(files_before, resume)})"
            done = f"{files_before:,} {plural('file', files_before)}{last if files_before else ''}"
            out = resume.keep(cut, 0, done)
        else:
            lock_stdout()
        if delimited is not None:
            out.write(delimited.header(), record=False)
        if options.to_sqlite is not None:
            table = SqliteTable(command, options.to_sqlite, options.table, options.columns)
        reading = Reading(names, summary=not grep_like and (streamed or len(names) > 1))
        texts, documents = itertools.tee(_read_each(names, reading))
        found = sentencenorm.extract_many(
            documents, lang=options.lang, jurisdiction=options.jurisdiction, workers=options.workers
        )
        for name, text, matches in zip(names, texts, found, strict=True):
            if options.max_count is not None:
                matches = matches[: options.max_count]
            reading.step(text, len(matches))
            if sys.stdout.isatty():  # the output goes to the same screen: a clean line for it
                reading.clear()
            matched = matched or bool(matches)
            if text is not None and not matches and not options.quiet:
                _say_nothing_found(name, text, options)
            if text is None:
                failed += 1
                if table is not None or delimited is not None:  # an error row, never nothing
                    rows = [_unreadable_cells(name, options)]
                    out.write(_table_rows(rows, table, delimited))
                else:
                    out.write("")
            elif table is not None or delimited is not None:
                rows = [match_cells(name, match, options) for match in matches]
                out.write(_table_rows(rows, table, delimited))
            elif options.quiet:
                if matched:
                    break  # the answer is known: stop reading, as grep -q does
            elif options.count:
                shown = f"{_label(name)}:" if len(names) > 1 else ""
                out.write(f"{shown}{len(matches)}\n")
            elif options.files_with_matches:
                out.write(f"{_label(name)}\n" if matches else "")
            elif options.jsonl:  # one write for the file: an interrupt leaves whole files
                out.write(_jsonl(name, matches, options))
            else:
                out.write("".join(_shown(name, text, matches, options.context, emphasis)))
                count = len(matches)
                label = "stdin" if name == "-" else name
                reading.clear()
                print(f"{label}: {count} match{'' if count == 1 else 'es'}", file=sys.stderr)
        if table is not None:
            table.commit()
    except (KeyboardInterrupt, Exception) as stop:
        close_results(found)
        if reading is not None:
            reading.clear()
        if isinstance(stop, BrokenPipeError):
            raise
        count, lines = files_before + out.records, lines_before + out.lines
        done = f"{count:,} {plural('file', count)} ({lines:,} {plural('line', lines)})"
        return stopped(stop, out, done, options.jsonl and "-" not in names)
    finally:
        close_results(found)  # -q may stop before the last file
        if reading is not None and reading.live:
            from ..reading import extractor

            extractor.on_paragraph = None
        out.close()
        if table is not None:
            table.close()
    if reading is not None:
        reading.finish()
    if table is not None:
        print(
            f"sentencenorm: {table.rows:,} {plural('row', table.rows)} written to table "
            f"{table.table!r} of {options.to_sqlite}",
            file=sys.stderr,
        )
    if options.quiet:
        return OK if matched else NO_MATCH
    return SOME_FAILED if failed else OK


def _delimited(options: argparse.Namespace) -> bool:
    return options.format in ("csv", "tsv") and options.to_sqlite is None


def match_cells(
    name: str, match: sentencenorm.Match, options: argparse.Namespace
) -> dict[str, Any]:
    """The columns of one match: its file and offsets, its sentence's row, how it was read."""
    return {
        "file": None if name == "-" else name,
        "start": match.start,
        "end": match.end,
        **match.sentence.to_row(),
        "text": match.text,
        **provenance(options),
        "error": None,
        "json": to_json(match_record(name, match, options), separators=(",", ":")),
    }


def _unreadable_cells(name: str, options: argparse.Namespace) -> dict[str, Any]:
    """The error row of an input that could not be read (the reason document() printed)."""
    label = "stdin" if name == "-" else name
    reason = f"cannot read {label}"
    if name != "-":
        try:
            with open(name, "rb") as file:
                file.read().decode("utf-8-sig")
        except OSError as exc:
            reason += f": {exc.strerror or exc}"
        except UnicodeDecodeError as exc:
            reason = f"{label} is not UTF-8 text (byte {exc.start})"
    return {"file": None if name == "-" else name, **provenance(options), "error": reason}


def _table_rows(
    rows: list[dict[str, Any]], table: SqliteTable | None, delimited: Delimited | None
) -> str:
    """Rows into the database (nothing to print), or their CSV/TSV text (one write a file)."""
    if table is not None:
        for row in rows:
            table.add(row)
        return ""
    assert delimited is not None
    return "".join(delimited.row(row) for row in rows)


def _label(name: str) -> str:
    """How -c and -l name an input (stdin as grep names it)."""
    return "(standard input)" if name == "-" else name


def _say_nothing_found(name: str, text: str, options: argparse.Namespace) -> None:
    """On stderr: nothing was found in *name*, and the --lang it looks written in, when that
    is another language and --lang was not given (a hint, not an error)."""
    if options.lang_given or not text.strip():
        return
    other = document_language(text, options.lang)
    if other is None:
        return
    print(
        f"sentencenorm: found nothing in {'stdin' if name == '-' else name}; the text looks "
        f"{language_name(other)}: try --lang {other}",
        file=sys.stderr,
    )


def names_before(count: int, resume: Resume) -> str:
    return resume.last_file or f"file {count}"


def _jsonl(name: str, matches: list[sentencenorm.Match], options: argparse.Namespace) -> str:
    return "".join(to_json(match_record(name, m, options)) + "\n" for m in matches)


def _check_kept_matches(
    resume: Resume, names: list[str], options: argparse.Namespace
) -> tuple[int, int, int]:
    """Where ``extract --jsonl --resume`` goes on: (files to skip, byte to cut FILE at, lines
    kept), after proving every kept match.

    FILE's lines come in runs, one run per file with matches, in the order of the inputs. Each
    match must be a record of this command with these options whose text stands in its file
    at its offsets. The last run is compared with what this run finds in its file: complete,
    the run goes on after that file; cut short, it is dropped and the file read again.
    """
    runs: list[tuple[str, int, int, int]] = []  # (file, input index, byte offset, line index)
    index = -1
    texts: dict[str, str | None] = {}
    for number, offset, line in resume.lines():
        try:
            import json

            value = json.loads(line)
        except ValueError:
            resume.fail(f"line {number} is not a JSON record; is it the output of extract --jsonl?")
        problem = check_match_record(value, options)
        if problem:
            resume.fail(f"line {number} {problem}")
        name = value["file"]
        if not runs or runs[-1][0] != name:
            index = next((i for i in range(index + 1, len(names)) if names[i] == name), -1)
            if index < 0:
                resume.fail(
                    f"its matches of {name} (line {number}) do not come from these inputs in "
                    "this order; give the same FILE arguments as the run that wrote it"
                )
            runs.append((name, index, offset, number - 1))
            texts = {name: _quiet_document(name)}  # one file's text at a time
        text = texts[name]
        if text is None or text[value["start"] : value["end"]] != value["text"]:
            resume.fail(
                f"line {number}: {name} does not hold {value['text']!r} at "
                f"{value['start']}..{value['end']} (has it changed since?)"
            )
    tail = resume.tail()
    if not runs:
        _check_first_tail(resume, names, tail, options, 0)
        return 0, 0, 0
    name, index, start, line_index = runs[-1]
    expected = _jsonl(name, _matches(name, options), options).encode("utf-8", "backslashreplace")
    resume.file.seek(start)
    written = resume.file.read(resume.end - start)
    if written == expected:  # the last file is complete; a tail begins the next one's matches
        resume.last_file = name
        _check_first_tail(resume, names, tail, options, index + 1)
        return index + 1, resume.end, resume.records
    if not expected.startswith(written + tail):
        resume.fail(
            f"its matches of {name} from line {line_index + 1} are not what this command finds "
            "there with these options (were they written with other options, or has the file "
            "changed?)"
        )
    resume.last_file = runs[-2][0] if len(runs) > 1 else None
    return index, start, line_index


def _check_first_tail(
    resume: Resume, names: list[str], tail: bytes, options: argparse.Namespace, first: int
) -> None:
    """A cut-off record after the kept runs must begin the matches of the next file that has
    any (read until one is found)."""
    if not tail:
        return
    for name in names[first:]:
        lines = _jsonl(name, _matches(name, options), options)
        if lines:
            resume.check_tail(lines.encode("utf-8", "backslashreplace"), f"the matches of {name}")
            return
    resume.check_tail(None, "")


def _matches(name: str, options: argparse.Namespace) -> list[sentencenorm.Match]:
    text = _quiet_document(name)
    if text is None:
        return []
    found = sentencenorm.extract(text, lang=options.lang, jurisdiction=options.jurisdiction)
    return found if options.max_count is None else found[: options.max_count]


def files(names: list[str]) -> Iterator[str]:
    """Each name, with a folder replaced by the files under it (sorted, hidden ones skipped)."""
    for name in names:
        if name != "-" and os.path.isdir(name):
            for folder, subfolders, found in os.walk(name):
                subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
                for file in sorted(found):
                    if not file.startswith("."):
                        yield os.path.join(folder, file)
        else:
            yield name


def _read_each(names: list[str], reading: Reading) -> Iterator[str | None]:
    """Each document's text, in order, told to *reading* as it is handed on to be read; on a
    terminal, with one process reading, each paragraph read is told too (a progress line that
    moves within a long document or stdin)."""
    if reading.live:
        from ..reading import extractor  # loaded by extract_many in any case

        extractor.on_paragraph = reading.within
    for name in names:
        text = document(name)
        reading.begin(text)
        yield text


def document(name: str) -> str | None:
    """The text of a file (or stdin); None, with a message on stderr, when it cannot be read."""
    label = "stdin" if name == "-" else name
    try:
        raw = sys.stdin.buffer.read() if name == "-" else open(name, "rb").read()  # noqa: SIM115
    except OSError as exc:
        print(f"sentencenorm: cannot read {label}: {exc.strerror or exc}", file=sys.stderr)
        return None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        print(f"sentencenorm: {label} is not UTF-8 text (byte {exc.start})", file=sys.stderr)
        return None


def _quiet_document(name: str) -> str | None:
    try:
        with open(name, "rb") as file:
            return file.read().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None


def _shown(
    name: str, text: str, matches: list[sentencenorm.Match], width: int, emphasis: bool
) -> Iterator[str]:
    """Each match for a person: where it is, what it means, and the text around it. Lines are
    counted once through the document, not again from its start for each match."""
    line, line_start, counted = 1, 0, 0
    for match in matches:
        line += text.count("\n", counted, match.start)
        counted = match.start
        line_start = text.rfind("\n", 0, match.start) + 1
        column = match.start - line_start + 1
        where = f"{'' if name == '-' else name + ':'}{line}:{column}"
        before = text[max(0, match.start - width) : match.start]
        after = text[match.end : match.end + width]
        shown = f"\x1b[1;4m{match.text}\x1b[0m" if emphasis else f"[{match.text}]"
        context = " ".join(f"{before}{shown}{after}".split()) if width else shown
        yield f"{where}  {match.sentence}\n    {context}\n"
