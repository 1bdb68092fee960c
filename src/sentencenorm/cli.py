"""The ``sentencenorm`` command: a thin, pipe-friendly layer over the public API.

``main(argv)`` returns the exit status instead of exiting, so tests can call it in-process;
the console script and ``python -m sentencenorm`` pass that status to ``sys.exit``.
Exit status: 0 when every phrase parsed, 1 when any did not, 2 for usage errors, 130 when
interrupted. No input, however malformed, produces a traceback.
"""

from __future__ import annotations

import argparse
import csv
import io
import itertools
import json
import os
import sys
import textwrap
import time
from collections.abc import Iterable, Iterator
from typing import Any

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
  sentencenorm extract article.txt            (every sentencing expression in a document)
  sentencenorm extract --jsonl --context 40 - < article.txt
  sentencenorm extract --jsonl --workers 0 judgments/   (every file under a folder)
  sentencenorm parse --csv-column text cases.csv > cases.out.csv
  sentencenorm compare "life" "25 years" --jurisdiction DE
  sentencenorm parse --lang zh "判处有期徒刑十五年"     (--lang auto picks the grammar)
  sentencenorm render "custody P2Y6M suspended=P3Y" --locale de
  sentencenorm parse "six months to 10 years" --months ussc --band space1

With no PHRASE (or with "-"), phrases are read from stdin, one per line.
Exit status: 0 when every phrase parsed, 1 when any did not, 2 for usage errors.
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
    _batch_options(parse)
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
    _batch_options(extract)
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


def _batch_options(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--workers",
        type=int,
        default=1,
        metavar="N",
        help="processes to read with (default 1; 0 uses every core); order is kept",
    )


def _reading_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("--lang", default="en", help="grammar to read with (default: en)")
    command.add_argument("--jurisdiction", metavar="CODE", help='settles readings such as "$"')


def main(argv: list[str] | None = None) -> int:
    """Run the command line *argv* (default: ``sys.argv[1:]``); return the exit status."""
    try:
        return _main(list(sys.argv[1:] if argv is None else argv))
    except SystemExit as exc:  # argparse: --help, --version and usage errors
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    except KeyboardInterrupt:
        return 130
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
    if options.csv_column is not None:
        return _parse_csv(parse_command, options)
    out = sys.stdout
    phrases: list[str] = options.phrases or ["-"]
    if options.jsonl:
        style = "jsonl"
    elif options.json:
        style = "json" if len(phrases) == 1 and phrases != ["-"] else "list"
    else:
        style = "human"
    out.write("[" if style == "list" else "")
    progress = _Progress(style == "jsonl")
    items = (text if problem is None else problem for text, problem in _inputs(phrases))
    results = sentencenorm.parse_many(
        items, lang=options.lang, jurisdiction=options.jurisdiction, workers=options.workers
    )
    for result in results:
        text = result.text or ""
        if isinstance(result, SentenceParseError) and style != "jsonl":
            print(result, file=sys.stderr)  # the message and its caret picture
        out.write(_format(style, progress.total, text, result, _meaning(result, options)))
        progress.step(isinstance(result, SentenceParseError))
    out.write(("\n]\n" if progress.total else "]\n") if style == "list" else "")
    out.flush()
    progress.finish("line" if "-" in phrases else "phrase")
    return 1 if progress.failed else 0


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

    def finish(self, noun: str) -> None:
        if self.live:
            print("\r\x1b[K", end="", file=sys.stderr)
        nouns = noun + ("" if self.total == 1 else "s")
        if self.streaming and self.total:
            print(f"{self.total:,} {nouns}: {self._counts()}", file=sys.stderr)
        elif self.failed and self.total > 1:
            print(f"{self.failed} of {self.total} {nouns} did not parse", file=sys.stderr)


def _parse_csv(command: argparse.ArgumentParser, options: argparse.Namespace) -> int:
    """``parse --csv-column NAME``: a CSV in, the same CSV with the readings added, out.

    Added columns: ``sentence`` (canonical notation), ``json`` (the JSON contract) and
    ``error`` (why the cell did not parse). One output row per input row, in order.
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
    with raw:
        reader = csv.reader(raw)
        header = next(reader, None)
        if header is None:
            print(f"sentencenorm: {name} has no header row", file=sys.stderr)
            return 1
        if options.csv_column not in header:
            command.error(f"no column {options.csv_column!r}; the columns are {header}")
        column = header.index(options.csv_column)
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow([*header, "sentence", "json", "error"])
        rows, cells = itertools.tee(reader)
        items = (_csv_cell(row, column) for row in cells)
        progress = _Progress(True)
        results = sentencenorm.parse_many(
            items, lang=options.lang, jurisdiction=options.jurisdiction, workers=options.workers
        )
        for row, result in zip(rows, results, strict=True):
            shown = [
                cell.encode("utf-8", "surrogateescape").decode("utf-8", "replace") for cell in row
            ]
            if isinstance(result, SentenceParseError):
                writer.writerow([*shown, "", "", result.message])
            else:
                record = {**result.to_dict(), **_meaning(result, options)}
                writer.writerow([*shown, str(result), _json(record, separators=(",", ":")), ""])
            progress.step(isinstance(result, SentenceParseError))
    sys.stdout.flush()
    progress.finish("row")
    return 1 if progress.failed else 0


def _csv_cell(row: list[str], column: int) -> str | SentenceParseError:
    """The cell to read, or the error that stands in its place."""
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
    emphasis = sys.stdout.isatty() and "NO_COLOR" not in os.environ
    failed = 0
    names = list(_files(options.files or ["-"]))
    texts, documents = itertools.tee(_document(name) for name in names)
    found = sentencenorm.extract_many(
        documents, lang=options.lang, jurisdiction=options.jurisdiction, workers=options.workers
    )
    for name, text, matches in zip(names, texts, found, strict=True):
        if text is None:
            failed += 1
            continue
        for match in matches:
            if options.jsonl:
                record = match.to_dict()
                if name != "-":
                    record["file"] = name
                sys.stdout.write(_json(record) + "\n")
            else:
                sys.stdout.write(_show(name, text, match, options.context, emphasis))
        if not options.jsonl:
            count = len(matches)
            label = "stdin" if name == "-" else name
            print(f"{label}: {count} match{'' if count == 1 else 'es'}", file=sys.stderr)
    sys.stdout.flush()
    return 1 if failed else 0


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
