"""The command line's grammar: argparse parsers of the four commands and their help."""

from __future__ import annotations

import argparse
import textwrap
from collections.abc import Callable, Iterator, Sequence
from typing import TypeAlias, overload

import sentencenorm
from sentencenorm.language import Language, languages

COMMANDS = ("parse", "extract", "compare", "render")
TOP_LEVEL_OPTIONS = ("-h", "--help", "--version")
#: The --lang every command reads with when none is given.
DEFAULT_LANG = "en"

EPILOG = r"""examples:
  sentencenorm parse "six months to 10 years"
  sentencenorm "six months to 10 years"        (parse is the default command)
  sentencenorm parse --json "84 months in prison"
  printf 'six months to 10 years\nten yaers\n' | sentencenorm parse --jsonl
  sentencenorm extract article.txt            (every sentencing expression in a document)
  sentencenorm extract -l judgments/          (the files with at least one)
  sentencenorm compare "2 years" life --is less && echo lighter
  sentencenorm render "custody P2Y6M suspended=P3Y" --locale de

'sentencenorm COMMAND --help' shows the options and examples of each command.
Exit status: 0 every record read; 1 some records are error rows; 2 usage error (nothing
written); 3 the run failed (a worker died, the output could not be written): continue it with
--resume; 130 after Ctrl-C, 143 after SIGTERM; 141 when the output's reader went away.
extract -q and compare --is answer with their status (see their --help).
"""

STREAMS = """--resume OUT continues a stream that was cut short: OUT is locked, every record it
holds is checked against this input and these options (it is refused, untouched, if it is
anything else), a cut-off last record is dropped and the rest is appended, so that OUT then
holds what one uninterrupted run writes. An interrupted or failed stream ends with whole
records only.
Exit status: 0 every record read; 1 some records are error rows; 2 usage error (nothing
written); 3 the run failed: continue it with --resume; 130/143 signals; 141 broken pipe.
"""

PARSE_EPILOG = (
    r"""examples:
  sentencenorm parse "six months to 10 years"
  sentencenorm parse --json "84 months in prison followed by two years of supervised release"
  printf 'six months to 10 years\nten yaers\n' | sentencenorm parse --jsonl
  sentencenorm parse --jsonl --resume out.jsonl < phrases.txt   (after Ctrl-C: appends the rest)
  sentencenorm parse --csv-column text cases.csv > cases.out.csv
  sentencenorm parse --format csv --fields text,custody_max_months < phrases.txt
  sentencenorm parse --lang zh "判处有期徒刑十五年"

With no PHRASE (or with "-"), phrases are read from stdin, one per line.
"""
    + STREAMS
)

EXTRACT_EPILOG = (
    r"""examples:
  sentencenorm extract article.txt
  sentencenorm extract --jsonl --context 40 - < article.txt
  sentencenorm extract -c judgments/          (matches per file, as grep -c)
  sentencenorm extract --format tsv judgments/ > matches.tsv  (one row per match)
  sentencenorm extract --to-sqlite cases.db judgments/        (table "matches")
  sentencenorm extract -q notice.txt && echo "has a sentence"

-q exits 0 when some input has a match and 1 when none has; the other outputs exit as below.
"""
    + STREAMS
)

COMPARE_EPILOG = r"""examples:
  sentencenorm compare "life" "25 years" --jurisdiction DE
  sentencenorm compare "18 months" "a year and six months" --is equal && echo same
  sentencenorm compare "2 years" "life" --is less,equal && echo "no heavier"

Exit status: 0 when the two were ordered; with --is, 0 when the order is one of those given
and 1 when it is another; 2 when a phrase cannot be read or the command line is wrong.
"""

RENDER_EPILOG = r"""examples:
  sentencenorm render "custody P2Y6M suspended=P3Y" --locale de
  sentencenorm render --lang de "drei Jahre Freiheitsstrafe" --locale fr
  sentencenorm parse --jsonl < phrases.txt | sentencenorm render --locale es

One output line per input line; a value that cannot be read or written gives a line
"error: <why>" in its place (and the full message on stderr), and exit status 1.
"""


#: What ``add_subparsers`` returns: it makes each command's parser.
_Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


def build_parsers(
    command: str | None = None,
) -> tuple[
    argparse.ArgumentParser,
    argparse.ArgumentParser,
    argparse.ArgumentParser,
    argparse.ArgumentParser,
    argparse.ArgumentParser,
]:
    """The top-level parser and the parsers of the ``parse``, ``extract``, ``compare`` and
    ``render`` commands.

    With a *command*, only that command's parser gets its options (the others are named, with
    their help line, as the top-level help lists them): a run of one command loads only
    what that command's options are made of (``compare`` the law, ``render`` the writer).
    """
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
    built = []
    for name, help_line, fill in (
        ("parse", "read phrases into canonical sentences (the default command)", _parse_options),
        ("extract", "find every sentencing expression in documents", _extract_options),
        ("compare", "order two sentences by severity", _compare_options),
        ("render", "write canonical values as phrases in a locale", _render_options),
    ):
        if command in (None, name):
            parser = fill(commands, help_line)
        else:
            parser = commands.add_parser(name, help=help_line, formatter_class=raw)
        built.append(parser)
    parse, extract, compare, render = built
    return top, parse, extract, compare, render


def _parse_options(commands: _Commands, help_line: str) -> argparse.ArgumentParser:
    raw = argparse.RawDescriptionHelpFormatter
    parse = commands.add_parser(
        "parse",
        help=help_line,
        description="Read each PHRASE into its canonical sentence.\n\n" + available_codes(),
        epilog=PARSE_EPILOG,
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
    table_options(parse, output, ("human", "json", "jsonl", "csv", "tsv"), "sentences")
    parse.add_argument(
        "--csv-column",
        metavar="NAME",
        help="read a CSV (file or -) and add sentence, json and error columns; NAME is the "
        "column holding the phrases (not with --json or --jsonl: the CSV is the output)",
    )
    reading_options(parse)
    batch_options(
        parse,
        "continue an interrupted --jsonl or --csv-column run whose output is FILE: skip the "
        "input records FILE holds and append the rest to FILE (not stdout)",
    )
    meaning = parse.add_argument_group(
        "meaning", "add what a sentence means; --jurisdiction's profile fills unstated bounds"
    )
    meaning.add_argument(
        "--months",
        metavar="CONVENTION",
        choices=Choices(lambda: sorted(sentencenorm.conventions())),
        help="months of the custodial part as (lo, hi), coded as ussc or cail code them",
    )
    meaning.add_argument(
        "--band",
        metavar="SCHEME",
        choices=Choices(lambda: sentencenorm.band_schemes()),
        help="the length band of the maximum: space1 (SPACE I) or bop (Bureau of Prisons)",
    )
    meaning.add_argument(
        "--severity", action="store_true", help="the interval on the severity axis, and why"
    )
    return parse


def _extract_options(commands: _Commands, help_line: str) -> argparse.ArgumentParser:
    extract = commands.add_parser(
        "extract",
        help=help_line,
        description="Find every sentencing expression in each FILE, with exact offsets.",
        epilog=EXTRACT_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    extract.add_argument(
        "files", nargs="*", metavar="FILE", help='a UTF-8 text or a folder of them; "-" is stdin'
    )
    shown = extract.add_mutually_exclusive_group()
    shown.add_argument(
        "--jsonl", action="store_true", help="print one compact JSON object per match"
    )
    table_options(extract, shown, ("human", "jsonl", "csv", "tsv"), "matches")
    shown.add_argument(
        "-c", "--count", action="store_true", help="print the number of matches of each input"
    )
    shown.add_argument(
        "-l",
        "--files-with-matches",
        action="store_true",
        help="print the name of each input with at least one match",
    )
    shown.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="print nothing; exit 0 when some input has a match, 1 when none has",
    )
    extract.add_argument(
        "--max-count",
        type=int,
        metavar="N",
        help="stop after N matches of each input",
    )
    extract.add_argument(
        "--context", type=int, default=60, metavar="N", help="characters of context shown (60)"
    )
    reading_options(extract)
    batch_options(
        extract,
        "continue an interrupted --jsonl run over named files whose output is FILE: skip the "
        "files FILE completes and append the rest to FILE (not stdout)",
    )
    return extract


def _compare_options(commands: _Commands, help_line: str) -> argparse.ArgumentParser:
    from sentencenorm.law import comparison

    compare = commands.add_parser(
        "compare",
        help=help_line,
        description="Order sentence A against sentence B by severity: LESS, EQUAL, GREATER, "
        "OVERLAPS or INCOMPARABLE, and why.",
        epilog=COMPARE_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    compare.add_argument("first", metavar="A", help="a sentencing phrase")
    compare.add_argument("second", metavar="B", help="the phrase to compare it with")
    compare.add_argument(
        "--basis",
        choices=comparison.BASES,
        default="interval",
        help="compare whole intervals (default), or only their max or min ends",
    )
    compare.add_argument("--json", action="store_true", help="print the comparison as JSON")
    compare.add_argument(
        "--is",
        dest="expect",
        metavar="ORDER[,ORDER]",
        type=orders,
        help="exit 0 when the order is one of these (less, equal, greater, overlaps, "
        "incomparable), else 1",
    )
    command_help = "whose law fills unstated bounds (" + ", ".join(profiles()) + ")"
    compare.add_argument("--lang", help=f"grammar to read with (default: {DEFAULT_LANG})")
    compare.add_argument("--jurisdiction", metavar="CODE", help=command_help)
    return compare


def _render_options(commands: _Commands, help_line: str) -> argparse.ArgumentParser:
    from sentencenorm.writing import renderer

    render = commands.add_parser(
        "render",
        help=help_line,
        description="Write each VALUE (canonical notation, a JSON object of the contract, or "
        "a phrase in --lang) as a phrase in --locale.",
        epilog=RENDER_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    render.add_argument("values", nargs="*", metavar="VALUE", help='a value; "-" reads stdin')
    render.add_argument(
        "--locale",
        default="en",
        help="a CLDR locale of a language sentencenorm reads: en, en_GB, de, fr_CA, es_MX, zh, "
        "zh_Hant... (default: en)",
    )
    render.add_argument(
        "--unsupported",
        choices=renderer.UNSUPPORTED,
        default="raise",
        help="a value or locale with no wording: an error for that value (raise, the "
        "default) or the canonical notation (notation)",
    )
    render.add_argument(
        "--style",
        choices=renderer.STYLES,
        default="words",
        help="numbers in words (default) or digits",
    )
    render.add_argument("--lang", help="grammar for values given as phrases")
    return render


class Choices(Sequence[str]):
    """The choices of an option, worked out from the data the first time they are asked
    for (a value checked, the help or an error shown, a completion), not when the parser is
    built. Give the option a metavar: argparse shows the choices of one without it."""

    def __init__(self, find: Callable[[], Sequence[str]]) -> None:
        self._find = find
        self._found: tuple[str, ...] | None = None

    def _all(self) -> tuple[str, ...]:
        if self._found is None:
            self._found = tuple(self._find())
        return self._found

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[str]: ...
    def __getitem__(self, index: int | slice) -> str | Sequence[str]:
        return self._all()[index]

    def __len__(self) -> int:
        return len(self._all())

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __contains__(self, value: object) -> bool:
        return value in self._all()


def profiles() -> tuple[str, ...]:
    from sentencenorm.law import jurisdictions

    return jurisdictions.available()


def available_codes() -> str:
    """The languages and jurisdiction profiles this installation has, from its data."""
    names = ", ".join(f"{code} ({Language.get(code).name})" for code in languages())
    lines = (
        f"languages (--lang): {names}, or auto (picked per phrase)",
        f"jurisdictions (--jurisdiction): {', '.join(profiles())} (profiles), or any other "
        "ISO 3166 code",
    )
    return "\n".join(textwrap.fill(line, width=78, subsequent_indent="  ") for line in lines)


def orders(text: str) -> frozenset[str]:
    """The value of ``compare --is``: order names, separated by commas."""
    from sentencenorm.law.comparison import Order

    names = {name.strip().lower() for name in text.split(",") if name.strip()}
    known = {order.name.lower() for order in Order}
    unknown = sorted(names - known)
    if unknown or not names:
        raise argparse.ArgumentTypeError(
            f"{', '.join(unknown) or 'nothing'} is no order; the orders are "
            + ", ".join(order.name.lower() for order in Order)
        )
    return frozenset(names)


def table_options(
    command: argparse.ArgumentParser,
    output: argparse._MutuallyExclusiveGroup,
    formats: tuple[str, ...],
    table: str,
) -> None:
    """--format, --fields, --to-sqlite and --table (README, "Tables")."""
    output.add_argument(
        "--format",
        metavar="FORMAT",
        choices=formats,
        help=f"{'|'.join(formats)}: csv and tsv write a table, one row per "
        + ("input line" if "json" in formats else "match")
        + " (README, Tables)",
    )
    output.add_argument(
        "--to-sqlite", metavar="DB", help="write those rows into a table of the SQLite file DB"
    )
    command.add_argument(
        "--fields",
        metavar="A,B,C",
        help="the table's columns, in order (default: all; a wrong name lists them)",
    )
    command.add_argument(
        "--table", default=table, metavar="NAME", help=f"--to-sqlite's table (default {table})"
    )


def batch_options(command: argparse.ArgumentParser, resume: str) -> None:
    command.add_argument(
        "--workers",
        type=int,
        default=1,
        metavar="N",
        help="processes to read with (default 1; 0: one per core this process may use); "
        "order is kept",
    )
    command.add_argument("--resume", metavar="FILE", help=resume)


def reading_options(command: argparse.ArgumentParser) -> None:
    lang = command.add_argument("--lang", help=f"grammar to read with (default: {DEFAULT_LANG})")
    lang.completer = language_codes  # type: ignore[attr-defined]  # read by argcomplete
    where = command.add_argument(
        "--jurisdiction", metavar="CODE", help='settles readings such as "$"'
    )
    where.completer = jurisdiction_codes  # type: ignore[attr-defined]


def language_codes(**_: object) -> list[str]:
    """What ``--lang`` may be, for shell completion."""
    return [*languages(), "auto"]


def jurisdiction_codes(**_: object) -> list[str]:
    """The jurisdiction profiles, for shell completion."""
    return list(profiles())
