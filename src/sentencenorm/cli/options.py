"""The command line's grammar: argparse parsers of the four commands and their help."""

from __future__ import annotations

import argparse

import sentencenorm
from sentencenorm.law import comparison, jurisdictions
from sentencenorm.writing import renderer

COMMANDS = ("parse", "extract", "compare", "render")
TOP_LEVEL_OPTIONS = ("-h", "--help", "--version")

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
OUT is locked, every record it holds is checked against this input and these options (it is
refused, untouched, if it is anything else), a cut-off last record is dropped and the rest is
appended, so that OUT then holds what one uninterrupted run writes. The same command line
starts OUT when it does not exist yet. Nothing goes to stdout with --resume; the summary and
the exit status count the records of this run.
Exit status: 0 every record read; 1 some records are error rows; 2 usage error (nothing
written); 3 the run failed (a worker died, the output could not be written): continue it with
--resume; 130 after Ctrl-C, 143 after SIGTERM; 141 when the output's reader went away.
An interrupted or failed stream ends with whole records only.
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
    reading_options(parse)
    batch_options(
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
    reading_options(extract)
    batch_options(
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
        choices=comparison.BASES,
        default="interval",
        help="compare whole intervals (default), or only their max or min ends",
    )
    compare.add_argument("--json", action="store_true", help="print the comparison as JSON")
    command_help = "whose law fills unstated bounds (" + ", ".join(profiles()) + ")"
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
    render.add_argument("--lang", default="en", help="grammar for values given as phrases")
    return top, parse, extract, compare, render


def profiles() -> tuple[str, ...]:
    return jurisdictions.available()


def batch_options(command: argparse.ArgumentParser, resume: str) -> None:
    command.add_argument(
        "--workers",
        type=int,
        default=1,
        metavar="N",
        help="processes to read with (default 1; 0 uses every core); order is kept",
    )
    command.add_argument("--resume", metavar="FILE", help=resume)


def reading_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("--lang", default="en", help="grammar to read with (default: en)")
    command.add_argument("--jurisdiction", metavar="CODE", help='settles readings such as "$"')
