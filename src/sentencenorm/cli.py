"""The ``sentencenorm`` command: a thin, pipe-friendly layer over the public API.

``main(argv)`` returns the exit status instead of exiting, so tests can call it in-process;
the console script and ``python -m sentencenorm`` pass that status to ``sys.exit``.
Exit status: 0 when every phrase parsed, 1 when any did not, 2 for usage errors, 130 when
interrupted (143 for SIGTERM). No input, however malformed, produces a traceback.

Streams (``parse --jsonl``, ``parse --csv-column``, ``extract --jsonl``) write each record
whole: an interrupt leaves only complete lines, and ``--resume OUT`` continues into OUT.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import itertools
import json
import os
import shlex
import signal
import stat
import sys
import textwrap
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures.process import BrokenProcessPool
from types import FrameType
from typing import Any, BinaryIO, NoReturn, TextIO

import sentencenorm
from sentencenorm import Sentence, SentenceParseError, UnknownCodeError
from sentencenorm.batch import record

COMMANDS = ("parse", "extract", "compare", "render")

# Characters that str.splitlines() and other line readers take as line breaks but json.dumps
# leaves raw (it escapes the ASCII controls itself): escaped, one record is one line for all.
_LINE_BREAKS = {ord(char): f"\\u{ord(char):04x}" for char in "\x85\u2028\u2029"}


def _json(value: Any, **options: Any) -> str:
    """JSON as UTF-8 text (not \\u-escaped), with line-breaking characters escaped."""
    return json.dumps(value, ensure_ascii=False, **options).translate(_LINE_BREAKS)


_TOP_LEVEL_OPTIONS = ("-h", "--help", "--version")

EPILOG = r"""examples:
  sentencenorm parse "six months to 10 years"
  sentencenorm "six months to 10 years"        (parse is the default command)
  sentencenorm parse --json "84 months in prison followed by two years of supervised release"
  sentencenorm parse --jurisdiction CA 'a fine of $500'
  printf 'six months to 10 years\nten yaers\n' | sentencenorm parse --jsonl
  sentencenorm parse --jsonl < phrases.txt > out.jsonl
  sentencenorm parse --jsonl --resume out.jsonl < phrases.txt   (after Ctrl-C: appends the rest)
  sentencenorm extract article.txt            (every sentencing expression in a document)
  sentencenorm extract --jsonl --context 40 - < article.txt
  sentencenorm extract --jsonl --workers 0 judgments/   (every file under a folder)
  sentencenorm parse --csv-column text cases.csv > cases.out.csv
  sentencenorm compare "life" "25 years" --jurisdiction DE
  sentencenorm parse --lang zh "判处有期徒刑十五年"     (--lang auto picks the grammar)
  sentencenorm render "custody P2Y6M suspended=P3Y" --locale de
  sentencenorm parse "six months to 10 years" --months ussc --band space1

With no PHRASE (or with "-"), phrases are read from stdin, one per line.
--resume OUT continues a stream (--jsonl, --csv-column, extract --jsonl) that was cut short:
the records already complete in OUT are skipped in the input (a cut-off last line is removed)
and the rest is appended to OUT, which then holds what one uninterrupted run writes. The same
command line starts OUT when it does not exist yet. Nothing goes to stdout with --resume;
the summary and the exit status count the records of this run.
Exit status: 0 when every phrase parsed, 1 when any did not, 2 for usage errors, 130 after
Ctrl-C (143 after SIGTERM); an interrupted stream ends with whole lines only.
"""


def build_parsers() -> tuple[
    argparse.ArgumentParser,
    argparse.ArgumentParser,
    argparse.ArgumentParser,
    argparse.ArgumentParser,
    argparse.ArgumentParser,
]:
    """The top-level parser and the parsers of the ``parse``, ``extract``, ``compare`` and
    ``render`` commands."""
    raw = argparse.RawDescriptionHelpFormatter
    top = argparse.ArgumentParser(
        prog="sentencenorm",
        description="Turn criminal-sentencing phrases into canonical values.\n"
        "See 'sentencenorm parse --help' for the options of parse.",
        epilog=EPILOG,
        formatter_class=raw,
    )
    top.add_argument("--version", action="version", version=f"%(prog)s {sentencenorm.__version__}")
    commands = top.add_subparsers(dest="command", metavar="COMMAND")
    parse = commands.add_parser(
        "parse",
        help="read phrases into canonical sentences (the default command)",
        description="Read each PHRASE into its canonical sentence.",
        epilog=EPILOG,
        formatter_class=raw,
    )
    parse.add_argument("phrases", nargs="*", metavar="PHRASE", help='a phrase; "-" reads stdin')
    output = parse.add_mutually_exclusive_group()
    output.add_argument(
        "--json", action="store_true", help="print the JSON document (a list for several)"
    )
    output.add_argument(
        "--jsonl", action="store_true", help="print one compact JSON object per input line"
    )
    _reading_options(parse)
    _batch_options(
        parse,
        "continue an interrupted --jsonl or --csv-column run whose output is FILE: skip the "
        "input records FILE holds and append the rest to FILE (not stdout)",
    )
    parse.add_argument(
        "--csv-column",
        metavar="NAME",
        help="read a CSV (file or -) and add sentence, json and error columns; NAME is the "
        "column holding the phrases",
    )
    meaning = parse.add_argument_group(
        "meaning", "add what a sentence means; --jurisdiction's profile fills unstated bounds"
    )
    meaning.add_argument(
        "--months",
        metavar="CONVENTION",
        choices=sorted(sentencenorm.conventions()),
        help="months of the custodial part as (lo, hi), coded as ussc or cail code them",
    )
    meaning.add_argument(
        "--band",
        metavar="SCHEME",
        choices=sentencenorm.band_schemes(),
        help="the length band of the maximum: space1 (SPACE I) or bop (Bureau of Prisons)",
    )
    meaning.add_argument(
        "--severity", action="store_true", help="the interval on the severity axis, and why"
    )
    extract = commands.add_parser(
        "extract",
        help="find every sentencing expression in documents",
        description="Find every sentencing expression in each FILE, with exact offsets.",
        epilog=EPILOG,
        formatter_class=raw,
    )
    extract.add_argument(
        "files", nargs="*", metavar="FILE", help='a UTF-8 text or a folder of them; "-" is stdin'
    )
    extract.add_argument(
        "--jsonl", action="store_true", help="print one compact JSON object per match"
    )
    extract.add_argument(
        "--context", type=int, default=60, metavar="N", help="characters of context shown (60)"
    )
    _reading_options(extract)
    _batch_options(
        extract,
        "continue an interrupted --jsonl run over named files whose output is FILE: skip the "
        "files FILE completes and append the rest to FILE (not stdout)",
    )
    compare = commands.add_parser(
        "compare",
        help="order two sentences by severity",
        description="Order sentence A against sentence B by severity: LESS, EQUAL, GREATER, "
        "OVERLAPS or INCOMPARABLE, and why.",
        epilog=EPILOG,
        formatter_class=raw,
    )
    compare.add_argument("first", metavar="A", help="a sentencing phrase")
    compare.add_argument("second", metavar="B", help="the phrase to compare it with")
    compare.add_argument(
        "--basis",
        choices=sentencenorm.comparison.BASES,
        default="interval",
        help="compare whole intervals (default), or only their max or min ends",
    )
    compare.add_argument("--json", action="store_true", help="print the comparison as JSON")
    command_help = "whose law fills unstated bounds (" + ", ".join(_profiles()) + ")"
    compare.add_argument("--lang", default="en", help="grammar to read with (default: en)")
    compare.add_argument("--jurisdiction", metavar="CODE", help=command_help)
    render = commands.add_parser(
        "render",
        help="write canonical values as phrases in a locale",
        description="Write each VALUE (canonical notation, a JSON object of the contract, or "
        "a phrase in --lang) as a phrase in --locale.",
        epilog=EPILOG,
        formatter_class=raw,
    )
    render.add_argument("values", nargs="*", metavar="VALUE", help='a value; "-" reads stdin')
    render.add_argument("--locale", default="en", help="any CLDR locale (default: en)")
    render.add_argument(
        "--style",
        choices=sentencenorm.renderer.STYLES,
        default="words",
        help="numbers in words (default) or digits",
    )
    render.add_argument("--lang", default="en", help="grammar for values given as phrases")
    return top, parse, extract, compare, render


def _profiles() -> tuple[str, ...]:
    return sentencenorm.jurisdictions.available()


def _batch_options(command: argparse.ArgumentParser, resume: str) -> None:
    command.add_argument(
        "--workers",
        type=int,
        default=1,
        metavar="N",
        help="processes to read with (default 1; 0 uses every core); order is kept",
    )
    command.add_argument("--resume", metavar="FILE", help=resume)


def _reading_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("--lang", default="en", help="grammar to read with (default: en)")
    command.add_argument("--jurisdiction", metavar="CODE", help='settles readings such as "$"')


def main(argv: list[str] | None = None) -> int:
    """Run the command line *argv* (default: ``sys.argv[1:]``); return the exit status."""
    _SIGNALS.reset()
    try:
        with _SIGNALS.installed():
            return _main(list(sys.argv[1:] if argv is None else argv))
    except SystemExit as exc:  # argparse: --help, --version and usage errors
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    except KeyboardInterrupt:
        return _SIGNALS.status()
    except BrokenPipeError:
        _silence_stdout()
        return 1
    except Exception as exc:  # a bug: report it in one line, never as a traceback
        print(f"sentencenorm: internal error ({type(exc).__name__}: {exc})", file=sys.stderr)
        return 1


def _main(args: list[str]) -> int:
    top, parse_command, extract_command, compare_command, render_command = build_parsers()
    if not args or (args[0] not in COMMANDS and args[0] not in _TOP_LEVEL_OPTIONS):
        args.insert(0, "parse")
    if args[0] == "extract":
        return _extract(extract_command, args[1:])
    if args[0] == "compare":
        return _compare(compare_command, args[1:])
    if args[0] == "render":
        return _render(render_command, args[1:])
    if args[0] != "parse":
        top.parse_args(args)  # prints help or version and exits
        return 2
    cut = args.index("--") if "--" in args else len(args)
    options = parse_command.parse_intermixed_args(args[1:cut])  # options and phrases mixed
    options.phrases += args[cut + 1 :]  # after "--", all are phrases (3.11 intermixed drops them)
    try:  # check the codes once, up front, before any input is read
        sentencenorm.parse("", lang=options.lang, jurisdiction=options.jurisdiction)
    except UnknownCodeError as exc:
        parse_command.error(str(exc))
    except SentenceParseError:
        pass  # the empty phrase: the codes are fine
    if (options.band or options.severity) and options.jurisdiction:
        try:  # the profile that fills unstated bounds must exist
            sentencenorm.jurisdictions.load(options.jurisdiction)
        except UnknownCodeError as exc:
            parse_command.error(str(exc))
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(errors="backslashreplace")  # never fail on the terminal's charset

    if options.workers < 0:
        parse_command.error("--workers must be 0 (every core) or more")
    if options.resume is not None and options.csv_column is None and not options.jsonl:
        parse_command.error(
            "--resume continues one-line-per-phrase output: use it with --jsonl or "
            "--csv-column (the plain and --json outputs cannot be resumed)"
        )
    if options.csv_column is not None:
        return _parse_csv(parse_command, options)
    return _parse_stream(parse_command, options)


def _parse_stream(command: argparse.ArgumentParser, options: argparse.Namespace) -> int:
    """``parse`` of phrase arguments and stdin lines: plain, --json or --jsonl, in order."""
    phrases: list[str] = options.phrases or ["-"]
    if options.jsonl:
        style = "jsonl"
    elif options.json:
        style = "json" if len(phrases) == 1 and phrases != ["-"] else "list"
    else:
        style = "human"
    pairs = _inputs(phrases)
    noun = "line" if "-" in phrases else "phrase"
    out = _Writer(sys.stdout)
    progress = _Progress(style == "jsonl")
    results: Iterator[Sentence | SentenceParseError] | None = None
    try:
        if options.resume is not None:
            resume = _Resume(command, options.resume, quoted=False)
            resume.refuse_inputs(stdin="-" in phrases)
            resume.check_lines(_is_parse_record, "parse --jsonl")
            resume.skip(pairs, resume.records, noun)
            records = resume.records
            out = resume.open(resume.end, records, f"{records:,} {_plural(noun, records)}")
        out.write("[" if style == "list" else "", record=False)
        items = (text if problem is None else problem for text, problem in pairs)
        results = sentencenorm.parse_many(
            items, lang=options.lang, jurisdiction=options.jurisdiction, workers=options.workers
        )
        for result in results:
            text = result.text or ""
            if isinstance(result, SentenceParseError) and style != "jsonl":
                print(result, file=sys.stderr)  # the message and its caret picture
            out.write(_format(style, progress.total, text, result, _meaning(result, options)))
            progress.step(isinstance(result, SentenceParseError))
        list_end = ("\n]\n" if progress.total else "]\n") if style == "list" else ""
        out.write(list_end, record=False)
    except (KeyboardInterrupt, BrokenProcessPool) as stop:
        _close(results)
        progress.clear()
        done = f"{out.records:,} {_plural(noun, out.records)}"
        return _interrupted(stop, out, done, style == "jsonl")
    finally:
        out.close()
    progress.finish(noun)
    return 1 if progress.failed else 0


def _is_parse_record(value: object) -> bool:
    """Whether a JSON value is a line of ``parse --jsonl``: a sentence or an error."""
    return (
        isinstance(value, dict)
        and "text" in value
        and ("components" in value or "error" in value)
        and "start" not in value  # a match of extract --jsonl
    )


class _Progress:
    """Counts a batch; on a terminal, a progress line on stderr; at the end, a summary.

    Streaming output (``--jsonl``, CSV) always ends with the summary line: how many were
    read, how many failed, and how fast. Other outputs only say how many failed.
    """

    def __init__(self, streaming: bool) -> None:
        self.streaming = streaming
        self.live = streaming and sys.stderr.isatty()
        self.total = self.failed = 0
        self.started = time.perf_counter()
        self.shown = self.started

    def step(self, failed: bool) -> None:
        self.total += 1
        self.failed += failed
        if self.live and (now := time.perf_counter()) - self.shown >= 0.25:
            self.shown = now
            print(f"\r{self._counts()}", end="", file=sys.stderr, flush=True)

    def _counts(self) -> str:
        elapsed = max(time.perf_counter() - self.started, 1e-9)
        parsed = self.total - self.failed
        return f"{parsed:,} parsed, {self.failed:,} failed, {self.total / elapsed:,.0f}/s"

    def clear(self) -> None:
        """Take the progress line off the terminal."""
        if self.live:
            print("\r\x1b[K", end="", file=sys.stderr)

    def finish(self, noun: str) -> None:
        self.clear()
        nouns = _plural(noun, self.total)
        if self.streaming and self.total:
            print(f"{self.total:,} {nouns}: {self._counts()}", file=sys.stderr)
        elif self.failed and self.total > 1:
            print(f"{self.failed} of {self.total} {nouns} did not parse", file=sys.stderr)


# ── whole records, interrupts and --resume ───────────────────────────────────────────────────


class _Signals:
    """SIGINT and SIGTERM as KeyboardInterrupt, held back while a record is being written.

    Python's own SIGINT handler raises anywhere, even between the two halves of a buffered
    write; this one raises at once unless a record is being written, and else right after it.
    """

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.holding = False
        self.pending = False
        self.received: int | None = None

    @contextlib.contextmanager
    def installed(self) -> Iterator[None]:
        """Handle SIGINT and SIGTERM while the block runs (signals need the main thread)."""
        if threading.current_thread() is not threading.main_thread():
            yield
            return
        numbers = (signal.SIGINT, signal.SIGTERM)
        previous = {number: signal.getsignal(number) for number in numbers}
        for number in numbers:
            signal.signal(number, self._handle)
        try:
            yield
        finally:
            for number, handler in previous.items():
                signal.signal(number, signal.SIG_DFL if handler is None else handler)

    def _handle(self, number: int, frame: FrameType | None) -> None:
        self.received = number
        if self.holding:
            self.pending = True
            return
        raise KeyboardInterrupt

    def status(self) -> int:
        """The exit status for the interrupt: 128 plus the signal's number (130 for Ctrl-C)."""
        return 128 + (self.received or signal.SIGINT)


_SIGNALS = _Signals()


class _Writer:
    """A stream's output: each record written whole with one write and one flush, and counted.

    An interrupt that arrives while a record is written is raised after it, so the output
    never ends in a partial line (only SIGKILL or a crash of the machine can cut one).
    """

    def __init__(self, stream: TextIO, name: str | None = None, records: int = 0) -> None:
        self.stream, self.name, self.records = stream, name, records
        self.lines = 0  # written by this run
        self.owned = name is not None

    def write(self, text: str, record: bool = True) -> int:
        """Write *text* (an empty record, too, counts as done) and flush it."""
        _SIGNALS.holding = True
        try:
            if text:
                self.stream.write(text)
                self.stream.flush()
            self.records += record
            self.lines += text.count("\n")
        finally:
            _SIGNALS.holding = False
        if _SIGNALS.pending:
            _SIGNALS.pending = False
            raise KeyboardInterrupt
        return len(text)

    def target(self) -> str:
        """How to name this output after --resume: its file, or OUT when that is unknown."""
        name = self.name if self.name is not None else _file_name(self.stream)
        return "OUT (the file this output went to)" if name is None else shlex.quote(name)

    def close(self) -> None:
        if self.owned:
            self.stream.close()


def _file_name(stream: TextIO) -> str | None:
    """The path of the regular file *stream* writes to, when the system can tell."""
    try:
        number = stream.fileno()
        status = os.fstat(number)
        if not stat.S_ISREG(status.st_mode):
            return None
        path = os.readlink(f"/proc/self/fd/{number}")
        if not os.path.samestat(os.stat(path), status):
            return None
    except (AttributeError, OSError, ValueError):  # io.UnsupportedOperation is both
        return None
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative


def _interrupted(stop: BaseException, out: _Writer, done: str, resumable: bool) -> int:
    """Say how far a stopped run got (and how to go on); return the exit status."""
    hint = f"; continue with --resume {out.target()}" if resumable else ""
    if isinstance(stop, KeyboardInterrupt) or _SIGNALS.received is not None:
        print(f"sentencenorm: interrupted after {done}{hint}", file=sys.stderr)
        return _SIGNALS.status()
    print(f"sentencenorm: a worker process died; stopped after {done}{hint}", file=sys.stderr)
    return 1


def _close(results: Iterator[Any] | None) -> None:
    """Close a batch's generator now, so its worker processes end before we return."""
    close = getattr(results, "close", None)
    if close is not None:
        close()


def _plural(noun: str, count: int) -> str:
    return noun if count == 1 else noun + "s"


def _complete_records(path: str, quoted: bool) -> tuple[int, int]:
    """The records a file completes and the byte offset where the last one ends.

    A record ends at a newline; with *quoted* (CSV) not at one inside double quotes.
    """
    count = end = offset = 0
    inside = False
    with open(path, "rb") as file:
        while chunk := file.read(1 << 20):
            position = offset
            for index, piece in enumerate(chunk.split(b'"') if quoted else [chunk]):
                if index:  # a quote mark stood between this piece and the last
                    inside = not inside
                    position += 1
                if not inside and (newlines := piece.count(b"\n")):
                    count += newlines
                    end = position + piece.rindex(b"\n") + 1
                position += len(piece)
            offset += len(chunk)
    return count, end


def _line_before(file: BinaryIO, end: int) -> bytes:
    """The line that ends at byte *end* of *file* (its newline included), read backwards."""
    data = b""
    position = end
    while position > 0:
        step = min(1 << 16, position)
        position -= step
        file.seek(position)
        data = file.read(step) + data
        start = data.rfind(b"\n", 0, len(data) - 1)
        if start >= 0:
            return data[start + 1 :]
    return data


class _Resume:
    """An earlier output FILE of the same command: what it completes, checks, and appending."""

    def __init__(self, command: argparse.ArgumentParser, path: str, quoted: bool) -> None:
        self.command, self.path = command, path
        self.exists = os.path.exists(path)
        try:
            self.records, self.end = _complete_records(path, quoted) if self.exists else (0, 0)
        except OSError as exc:
            self.fail(f"cannot read it: {exc.strerror or exc}")

    def fail(self, problem: str) -> NoReturn:
        """A usage error about FILE (exit status 2)."""
        self.command.error(f"--resume {self.path}: {problem}")

    def refuse_inputs(self, stdin: bool = False, files: Iterable[str] = ()) -> None:
        """FILE must not be an input, nor also stdout: appending would read or clobber it."""
        if not self.exists:
            return
        here = os.stat(self.path)
        streams = [("stdout", sys.stdout)] + ([("stdin", sys.stdin)] if stdin else [])
        for label, stream in streams:
            try:
                same = os.path.samestat(os.fstat(stream.fileno()), here)
            except (AttributeError, OSError, ValueError):
                same = False
            if same:
                self.fail(f"it is also {label}; with --resume the output is appended to FILE")
        for name in files:
            if name != "-" and os.path.exists(name) and os.path.samefile(name, self.path):
                self.fail("it is one of the inputs")

    def lines(self, stop: int | None = None) -> Iterator[tuple[int, bytes]]:
        """FILE's complete lines up to byte *stop* (default: all), each with its offset."""
        stop = self.end if stop is None else stop
        offset = 0
        with open(self.path, "rb") as file:
            for line in file:
                if offset + len(line) > stop:
                    return
                yield offset, line
                offset += len(line)

    def check_lines(self, fits: Callable[[object], bool], what: str) -> None:
        """FILE's first and last complete lines must be JSON records that *what* writes."""
        if not self.records:
            return
        with open(self.path, "rb") as file:
            first = file.readline()
            last = _line_before(file, self.end)
        for number, line in ((1, first), (self.records, last)):
            try:
                good = fits(json.loads(line))
            except ValueError:  # json.JSONDecodeError and UnicodeDecodeError are ValueErrors
                good = False
            if not good:
                self.fail(f"line {number} is not a record of {what}; is it the right file?")

    def check_header(self, expected: bytes) -> None:
        """FILE must begin with the CSV header this command writes."""
        with open(self.path, "rb") as file:
            if file.read(len(expected)) != expected:
                self.fail(
                    "its first line is not the header this command writes "
                    f"({expected.decode().strip()}); is it the right file?"
                )

    def skip(self, items: Iterator[Any], count: int, noun: str) -> None:
        """Read past the *count* input records FILE already holds."""
        skipped = sum(1 for _ in itertools.islice(items, count))
        if skipped < count:
            self.fail(
                f"it holds {count:,} {_plural(noun, count)} but the input has only {skipped:,}; "
                "is it the output of this input?"
            )

    def open(self, end: int, records: int, done: str) -> _Writer:
        """Cut FILE after byte *end* (a partial record goes) and append to it from there.

        *records* counts the records FILE keeps; *done* says what they are, for a person.
        """
        if self.exists:
            with open(self.path, "r+b") as file:
                file.truncate(end)
        if end:
            print(f"sentencenorm: resuming {self.path} after {done}", file=sys.stderr)
        stream = open(self.path, "a", encoding="utf-8", errors="backslashreplace", newline="")  # noqa: SIM115
        return _Writer(stream, self.path, records)


# ── CSV ──────────────────────────────────────────────────────────────────────────────────────


def _parse_csv(command: argparse.ArgumentParser, options: argparse.Namespace) -> int:
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
        print(f"sentencenorm: cannot read {name}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    out = _Writer(sys.stdout)
    progress = _Progress(True)
    results: Iterator[Sentence | SentenceParseError] | None = None
    rows_before = 0
    try:
        with raw:
            reader = _csv_rows(csv.reader(raw))
            header = next(reader, None)
            if not isinstance(header, list):
                problem = "has no header row" if header is None else f"has no header: {header}"
                print(f"sentencenorm: {name} {problem}", file=sys.stderr)
                return 1
            if options.csv_column not in header:
                command.error(f"no column {options.csv_column!r}; the columns are {header}")
            column = header.index(options.csv_column)
            heading = [*header, "sentence", "json", "error"]
            if options.resume is not None:
                resume = _Resume(command, options.resume, quoted=True)
                resume.refuse_inputs(stdin=name == "-", files=[name])
                rows_before = max(resume.records - 1, 0)
                if resume.records:
                    resume.check_header(_csv_line(heading))
                resume.skip(reader, rows_before, "row")
                done = f"{rows_before:,} {_plural('row', rows_before)}"
                out = resume.open(resume.end if resume.records else 0, resume.records, done)
            writer = csv.writer(out, lineterminator="\n")
            if out.records == 0:
                writer.writerow(heading)
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
    except (KeyboardInterrupt, BrokenProcessPool) as stop:
        _close(results)
        progress.clear()
        written = max(out.records - 1, 0)  # the header is no row
        return _interrupted(stop, out, f"{written:,} {_plural('row', written)}", True)
    finally:
        out.close()
    progress.finish("row")
    return 1 if progress.failed else 0


def _csv_rows(reader: Iterator[list[str]]) -> Iterator[list[str] | str]:
    """The reader's rows; a row it cannot read gives the reason in its place."""
    while True:
        try:
            yield next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield f"the row cannot be read as CSV ({exc})"


def _csv_line(cells: list[str]) -> bytes:
    """One CSV record as the output file holds it."""
    text = io.StringIO()
    csv.writer(text, lineterminator="\n").writerow(cells)
    return text.getvalue().encode("utf-8", "backslashreplace")


def _csv_output(
    row: list[str] | str,
    width: int,
    result: Sentence | SentenceParseError,
    options: argparse.Namespace,
) -> list[str]:
    """The output row of an input row: its cells, then sentence, json and error."""
    if isinstance(row, str):  # unreadable: empty cells, and the reason
        return [*([""] * width), "", "", row]
    shown = [cell.encode("utf-8", "surrogateescape").decode("utf-8", "replace") for cell in row]
    if isinstance(result, SentenceParseError):
        return [*shown, "", "", result.message]
    record = {**result.to_dict(), **_meaning(result, options)}
    return [*shown, str(result), _json(record, separators=(",", ":")), ""]


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


def _meaning(result: Sentence | SentenceParseError, options: argparse.Namespace) -> dict[str, Any]:
    """The fields --months, --band and --severity ask for, under their own JSON keys."""
    if not isinstance(result, Sentence):
        return {}
    extra: dict[str, Any] = {}
    if options.months:
        extra["months"] = list(result.months(options.months))
    if options.band:
        extra["band"] = result.band(options.band, jurisdiction=options.jurisdiction)
    if options.severity:
        extra["severity"] = result.severity(options.jurisdiction).to_dict()
    return extra


def _compare(command: argparse.ArgumentParser, args: list[str]) -> int:
    """``sentencenorm compare A B``: the order of two sentences by severity, and why."""
    options = command.parse_args(args)
    try:  # check the codes up front: a reading code and a profile
        sentencenorm.parse("", lang=options.lang, jurisdiction=options.jurisdiction)
    except UnknownCodeError as exc:
        command.error(str(exc))
    except SentenceParseError:
        pass
    if options.jurisdiction is not None:
        try:
            sentencenorm.jurisdictions.load(options.jurisdiction)
        except UnknownCodeError as exc:
            command.error(str(exc))
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(errors="backslashreplace")
    sentences = []
    for text in (options.first, options.second):
        decoded, problem = _decode(text.encode("utf-8", "surrogateescape"), "argument")
        result = _parse(decoded, problem, options.lang, options.jurisdiction)
        if isinstance(result, SentenceParseError):
            print(result, file=sys.stderr)
            return 1
        sentences.append(result)
    comparison = sentencenorm.compare(
        sentences[0], sentences[1], jurisdiction=options.jurisdiction, basis=options.basis
    )
    if options.json:
        record = {"a": options.first, "b": options.second, "jurisdiction": options.jurisdiction}
        record.update(comparison.to_dict())
        sys.stdout.write(_json(record, indent=2) + "\n")
    else:
        sys.stdout.write(f"{comparison.order.name}\n  {comparison.reason}\n")
    sys.stdout.flush()
    return 0


def _render(command: argparse.ArgumentParser, args: list[str]) -> int:
    """``sentencenorm render VALUE --locale L``: one phrase per value, in order."""
    options = command.parse_args(args)
    try:  # check the codes up front
        sentencenorm.render(sentencenorm.parse("custody P1Y"), locale=options.locale)
        sentencenorm.parse("", lang=options.lang)
    except UnknownCodeError as exc:
        command.error(str(exc))
    except SentenceParseError:
        pass
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(errors="backslashreplace")
    failed = 0
    for text, problem in _inputs(options.values or ["-"]):
        value = _value(text, problem, options.lang)
        if isinstance(value, str):
            failed += 1
            print(value, file=sys.stderr)
            sys.stdout.write("\n")  # one output line per input line, even for a failure
            continue
        sys.stdout.write(
            sentencenorm.render(value, locale=options.locale, style=options.style) + "\n"
        )
    sys.stdout.flush()
    return 1 if failed else 0


def _value(text: str, problem: SentenceParseError | None, lang: str) -> Sentence | str:
    """The sentence a render input stands for, or the message saying why there is none."""
    if problem is not None:
        return str(problem)
    if text.lstrip().startswith("{"):
        try:
            return Sentence.from_dict(json.loads(text))
        except (ValueError, TypeError) as error:  # json.JSONDecodeError is a ValueError
            return f"sentencenorm: not a sentence in the JSON contract: {error}"
    result = _parse(text, None, lang, None)
    return str(result) if isinstance(result, SentenceParseError) else result


def _extract(command: argparse.ArgumentParser, args: list[str]) -> int:
    """``sentencenorm extract``: matches of each document, for a person or as JSON lines."""
    options = command.parse_args(args)
    if options.context < 0:
        command.error("--context must be 0 or more")
    try:  # check the codes once, up front
        sentencenorm.extract("", lang=options.lang, jurisdiction=options.jurisdiction)
    except UnknownCodeError as exc:
        command.error(str(exc))
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(errors="backslashreplace")
    if options.workers < 0:
        command.error("--workers must be 0 (every core) or more")
    if options.resume is not None and not options.jsonl:
        command.error("--resume continues --jsonl output: use it with --jsonl")
    emphasis = sys.stdout.isatty() and "NO_COLOR" not in os.environ
    failed = 0
    names = list(_files(options.files or ["-"]))
    out = _Writer(sys.stdout)  # one record per file
    files = lines = 0  # skipped with --resume
    found: Iterator[list[sentencenorm.Match]] | None = None
    try:
        if options.resume is not None:
            if "-" in names:
                command.error("--resume needs named files: matches from stdin carry no file name")
            resume = _Resume(command, options.resume, quoted=False)
            resume.refuse_inputs(files=names)
            files, cut, lines = _extract_resumed(resume, names)
            names = names[files:]
            done = f"{files:,} {_plural('file', files)}"
            out = resume.open(cut, 0, done)
        texts, documents = itertools.tee(_document(name) for name in names)
        found = sentencenorm.extract_many(
            documents,
            lang=options.lang,
            jurisdiction=options.jurisdiction,
            workers=options.workers,
        )
        for name, text, matches in zip(names, texts, found, strict=True):
            if text is None:
                failed += 1
                out.write("")
            elif options.jsonl:  # one write for the file: an interrupt leaves whole files
                out.write("".join(_json(_match_record(name, match)) + "\n" for match in matches))
            else:
                out.write("".join(_show(name, text, m, options.context, emphasis) for m in matches))
                count = len(matches)
                label = "stdin" if name == "-" else name
                print(f"{label}: {count} match{'' if count == 1 else 'es'}", file=sys.stderr)
    except (KeyboardInterrupt, BrokenProcessPool) as stop:
        _close(found)
        files, lines = files + out.records, lines + out.lines
        done = f"{files:,} {_plural('file', files)} ({lines:,} {_plural('line', lines)})"
        return _interrupted(stop, out, done, options.jsonl and "-" not in names)
    finally:
        out.close()
    return 1 if failed else 0


def _match_record(name: str, match: sentencenorm.Match) -> dict[str, Any]:
    """A match as a JSON line: the contract, and the file it is in (none for stdin)."""
    record = match.to_dict()
    if name != "-":
        record["file"] = name
    return record


def _extract_resumed(resume: _Resume, names: list[str]) -> tuple[int, int, int]:
    """Where ``extract --jsonl --resume`` goes on: (files to skip, byte to cut FILE at, lines kept).

    FILE's lines come in runs, one run per file with matches. The last run may have been cut
    short, so it is dropped and its file read again; the files before it are complete.
    """
    if not resume.exists:
        return 0, 0, 0
    runs: list[tuple[str, int, int]] = []  # (file, offset, line number) where each run starts
    for number, (offset, line) in enumerate(resume.lines(), start=1):
        try:
            record = json.loads(line)
        except ValueError:
            record = None
        if not isinstance(record, dict) or not isinstance(record.get("file"), str):
            resume.fail(f"line {number} is not a match of extract --jsonl with its file name")
        if not runs or runs[-1][0] != record["file"]:
            runs.append((record["file"], offset, number - 1))
    index = -1
    for name, _, number in runs:  # each run's file, in the order of the inputs
        index = next((i for i in range(index + 1, len(names)) if names[i] == name), -1)
        if index < 0:
            resume.fail(
                f"its matches of {name} (line {number + 1}) do not come from these inputs in "
                "this order; give the same FILE arguments as the run that wrote it"
            )
    if not runs:
        return 0, 0, 0
    return index, runs[-1][1], runs[-1][2]


def _files(names: list[str]) -> Iterator[str]:
    """Each name, with a folder replaced by the files under it (sorted, hidden ones skipped)."""
    for name in names:
        if name != "-" and os.path.isdir(name):
            for folder, subfolders, files in os.walk(name):
                subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
                for file in sorted(files):
                    if not file.startswith("."):
                        yield os.path.join(folder, file)
        else:
            yield name


def _document(name: str) -> str | None:
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


def _show(name: str, text: str, match: sentencenorm.Match, width: int, emphasis: bool) -> str:
    """A match for a person: where it is, what it means, and the text around it."""
    line = text.count("\n", 0, match.start) + 1
    column = match.start - (text.rfind("\n", 0, match.start) + 1) + 1
    where = f"{'' if name == '-' else name + ':'}{line}:{column}"
    before = text[max(0, match.start - width) : match.start]
    after = text[match.end : match.end + width]
    shown = f"\x1b[1;4m{match.text}\x1b[0m" if emphasis else f"[{match.text}]"
    context = " ".join(f"{before}{shown}{after}".split()) if width else shown
    return f"{where}  {match.sentence}\n    {context}\n"


def _inputs(phrases: list[str]) -> Iterator[tuple[str, SentenceParseError | None]]:
    """Each phrase argument, with stdin's lines in place of "-", decoded one at a time."""
    for phrase in phrases:
        if phrase == "-":
            yield from (_decode(raw, "line") for raw in _stdin_lines())
            continue
        try:  # undecodable bytes in argv arrive as lone surrogates: find them again
            raw = phrase.encode("utf-8", "surrogateescape")
        except UnicodeEncodeError:
            raw = phrase.encode("utf-8", "surrogatepass")
        yield _decode(raw, "argument")


def _stdin_lines() -> Iterator[bytes]:
    """stdin's lines as bytes, without their "\\n" or "\\r\\n", read as they arrive."""
    stdin = sys.stdin
    if stdin is None:
        return
    if stdin.isatty():
        print("sentencenorm: reading phrases from stdin, one per line", file=sys.stderr)
    stream: Iterable[bytes] = getattr(stdin, "buffer", None) or (
        line.encode("utf-8", "surrogateescape") for line in stdin
    )
    for raw in stream:
        if raw.endswith(b"\r\n"):
            yield raw[:-2]
        elif raw.endswith(b"\n"):
            yield raw[:-1]
        else:
            yield raw


def _decode(raw: bytes, what: str) -> tuple[str, SentenceParseError | None]:
    """Decode UTF-8; bytes that are not UTF-8 give shown text and the error to report."""
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        text = raw.decode("utf-8", "backslashreplace")
        column = len(raw[: exc.start].decode("utf-8"))
        reason = (
            f"the {what} is not valid UTF-8 "
            f"(byte 0x{raw[exc.start]:02x} at byte offset {exc.start})"
        )
        return text, SentenceParseError(text, column, reason=reason)


def _parse(
    text: str, problem: SentenceParseError | None, lang: str, jurisdiction: str | None
) -> Sentence | SentenceParseError:
    if problem is not None:
        return problem
    try:
        return sentencenorm.parse(text, lang=lang, jurisdiction=jurisdiction)
    except SentenceParseError as error:
        return error
    except Exception as exc:  # parse promises never to; keep the line rather than crash
        reason = f"internal error ({type(exc).__name__}: {exc}); please report it"
        return SentenceParseError(text, 0, reason=reason)


def _record(
    text: str, result: Sentence | SentenceParseError, extra: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The JSON contract object of one outcome: the sentence (and *extra* keys), or the error."""
    if isinstance(result, Sentence):
        return {**result.to_dict(), **(extra or {})}
    return {**record(result), "text": text}


def _format(
    style: str,
    index: int,
    text: str,
    result: Sentence | SentenceParseError,
    extra: dict[str, Any] | None = None,
) -> str:
    """The output of one phrase in *style*: jsonl, json, list (an item) or human."""
    if style == "jsonl":
        return _json(_record(text, result, extra), separators=(",", ":")) + "\n"
    if style == "list":  # streamed exactly as json.dumps(items, indent=2) prints a list
        item = _json(_record(text, result, extra), indent=2)
        return ("\n" if index == 0 else ",\n") + textwrap.indent(item, "  ")
    if isinstance(result, SentenceParseError):
        return ""  # already on stderr
    if style == "json":
        return _json(_record(text, result, extra), indent=2) + "\n"
    lines = [_json(text), f"  = {result}"]
    lines.extend(f"  {line}" for line in _component_lines(result))
    lines.extend(f"  {line}" for line in _meaning_lines(extra or {}))
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


def _component_lines(sentence: Sentence) -> Iterator[str]:
    """One line per component: its kind, then its words (or its notation without a renderer)."""
    render = getattr(sentencenorm, "render", None)
    for component in sentence.components:
        single = Sentence((component,))
        words = None
        if render is not None:
            try:
                words = str(render(single, locale="en", style="digits"))
            except Exception:  # the notation line above already says it exactly
                words = None
        if words is None or words == str(single):  # no words: the notation, less the kind
            words = str(single).removeprefix(component.kind).strip()
        yield f"{component.kind}: {words}" if words else component.kind


def _silence_stdout() -> None:
    """After a broken pipe, point stdout at devnull so the exit flush stays quiet too."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass  # not a real file (tests): nothing will be flushed at exit


if __name__ == "__main__":
    sys.exit(main())
