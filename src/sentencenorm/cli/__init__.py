# PYTHON_ARGCOMPLETE_OK
"""The ``sentencenorm`` command: a thin, pipe-friendly layer over the public API.

``main(argv)`` returns the exit status instead of exiting, so tests can call it in-process;
the console script and ``python -m sentencenorm`` pass that status to ``sys.exit``. The exit
statuses are listed in `sentencenorm.cli.streams`: 0 all read, 1 some records are error rows,
2 usage, 3 the run failed (continue it with ``--resume``), 130/143 signals, 141 broken pipe;
``extract -q`` and ``compare --is`` answer with 0 (yes) and 1 (no).
No input, however malformed, produces a traceback.

Streams (``parse --jsonl``, ``parse --csv-column``, ``extract --jsonl``) write each record
whole: an interrupt or a failure leaves only complete records, and ``--resume OUT`` proves
OUT belongs to this input and these options before it continues it (`.resume`).

Modules: `.options` (the argparse grammar), `.streams` (statuses, signals, output, input
lines), `.records` (the JSON records), `.tables` (--format csv/tsv, --fields,
--to-sqlite), `.resume`, `.parsing`, `.extracting`, `.judging`
(compare, render), `.terminal` (what a person sees), `.advice` (after a failure: the word a
typo looks like, the --lang a text is written in).

Shell completion: with the ``completion`` extra (argcomplete) and
``eval "$(register-python-argcomplete sentencenorm)"``, the shell's request is answered from
the same parsers (`complete`).
"""

from __future__ import annotations

import argparse
import io
import os
import re
import sys
from typing import Any

import sentencenorm
from sentencenorm import SentenceParseError, UnknownCodeError, UnsupportedError
from sentencenorm.law.territories import normalize_jurisdiction

from .options import COMMANDS, DEFAULT_LANG, TOP_LEVEL_OPTIONS, build_parsers
from .streams import BROKEN_PIPE, RUN_FAILED, SIGNALS, USAGE, silence_stdout
from .tables import chosen

__all__ = ["main"]


def main(argv: list[str] | None = None) -> int:
    """Run the command line *argv* (default: ``sys.argv[1:]``); return the exit status."""
    SIGNALS.reset()
    try:
        with SIGNALS.installed():
            return _main(list(sys.argv[1:] if argv is None else argv))
    except SystemExit as exc:  # argparse: --help, --version and usage errors
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else USAGE)
    except KeyboardInterrupt:
        return SIGNALS.status()
    except BrokenPipeError:
        silence_stdout()
        return BROKEN_PIPE
    except Exception as exc:  # a bug: report it in one line, never as a traceback
        print(f"sentencenorm: internal error ({type(exc).__name__}: {exc})", file=sys.stderr)
        return RUN_FAILED


def _main(args: list[str]) -> int:
    completing = "_ARGCOMPLETE" in os.environ  # the shell asks (the completion extra)
    if not args or (args[0] not in COMMANDS and args[0] not in TOP_LEVEL_OPTIONS):
        named: str | None = "parse"  # the default command
    else:
        named = args[0] if args[0] in COMMANDS else None  # --help and --version: all
    # Only the command that runs gets its options (and loads what they are made of).
    built = build_parsers(None if completing else named)
    top, parse_parser, extract_parser, compare_parser, render_parser = built
    if completing:
        complete(top)
    if not args or (args[0] not in COMMANDS and args[0] not in TOP_LEVEL_OPTIONS):
        mistyped = mistyped_command(args[0] if args else "")
        if mistyped is not None:
            top.error(
                f"unknown command {args[0]!r}; did you mean {mistyped}? "
                f"(to read it as a phrase: sentencenorm parse -- {args[0]})"
            )
        args.insert(0, "parse")
    if args[0] not in COMMANDS:
        top.parse_args(args)  # prints help or version and exits
        return USAGE
    command = {
        "parse": parse_parser,
        "extract": extract_parser,
        "compare": compare_parser,
        "render": render_parser,
    }[args[0]]
    if args[0] == "parse":
        cut = args.index("--") if "--" in args else len(args)
        options = command.parse_intermixed_args(args[1:cut])  # options and phrases mixed
        options.phrases += args[cut + 1 :]  # after "--", all are phrases (3.11 drops them)
    else:
        options = command.parse_args(args[1:])
    options.lang_given = options.lang is not None
    if args[0] in ("parse", "extract"):
        _check_table_options(command, options, args[0])
    if options.lang is None:
        options.lang = DEFAULT_LANG
    _check_codes(command, options)
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(errors="backslashreplace")  # never fail on the terminal's charset
    if args[0] == "compare":
        from .judging import compare_command

        return compare_command(options)
    if args[0] == "render":
        from .judging import render_command

        return render_command(options)
    if options.workers < 0:
        command.error("--workers must be 0 (every core) or more")
    if args[0] == "extract":
        if options.context < 0:
            command.error("--context must be 0 or more")
        if options.resume is not None and not options.jsonl:
            command.error("--resume continues --jsonl output: use it with --jsonl")
        if options.max_count is not None and options.max_count < 1:
            command.error("--max-count must be 1 or more")
        from .extracting import extract_command

        return extract_command(command, options)
    if options.resume is not None and options.csv_column is None and not options.jsonl:
        command.error(
            "--resume continues one-line-per-phrase output: use it with --jsonl or "
            "--csv-column (the plain and --json outputs cannot be resumed)"
        )
    if options.csv_column is not None:
        if options.json or options.jsonl:
            flag = "--json" if options.json else "--jsonl"
            command.error(
                f"{flag} and --csv-column cannot go together: --csv-column writes a CSV (its "
                "json column holds each record); drop one of them"
            )
        from .parsing import parse_csv

        return parse_csv(command, options)
    from .parsing import parse_stream

    return parse_stream(command, options)


def _check_table_options(
    command: argparse.ArgumentParser, options: argparse.Namespace, name: str
) -> None:
    """--format json/jsonl are --json/--jsonl; --fields needs a table and names its columns."""
    if options.format in ("json", "jsonl"):
        setattr(options, options.format, True)
    tabled = options.format in ("csv", "tsv") or options.to_sqlite is not None
    csv_column = getattr(options, "csv_column", None) is not None
    if csv_column and (options.to_sqlite is not None or options.format not in (None, "csv")):
        shown = "--to-sqlite" if options.to_sqlite is not None else f"--format {options.format}"
        command.error(
            f"{shown} and --csv-column cannot go together: --csv-column writes its input CSV "
            "back with the readings added (--fields adds flat columns to it)"
        )
    if options.fields is not None and not (tabled or csv_column):
        command.error(
            "--fields chooses the columns of --format csv, --format tsv, --to-sqlite or "
            "--csv-column; give one of them"
        )
    if csv_column:  # its sentence, json and error columns, then the flat ones --fields names
        fields = chosen(command, options, name, exclude=("error", "json"))
        options.extra_columns = fields if options.fields is not None else ()
    else:  # the rows' columns (and the law they need) only for a table
        options.columns = chosen(command, options, name) if tabled else ()
        options.extra_columns = ()


def _check_codes(command: argparse.ArgumentParser, options: argparse.Namespace) -> None:
    """Check every code once, up front, before any input is read; keep the canonical
    jurisdiction code (records and messages give it in upper case)."""
    try:
        if getattr(options, "jurisdiction", None) is not None:
            from sentencenorm.law.jurisdictions import load as load_profile

            load_profile(options.jurisdiction)  # names the profiles when the code is unreal
            options.jurisdiction = normalize_jurisdiction(options.jurisdiction)
        if getattr(options, "locale", None) is not None:
            sentencenorm.render(
                sentencenorm.parse("custody P1Y"),
                locale=options.locale,
                unsupported=options.unsupported,
            )
        sentencenorm.parse("", lang=options.lang)
    except (UnknownCodeError, UnsupportedError) as exc:  # a locale with no wording too
        command.error(str(exc))
    except SentenceParseError:
        pass  # the empty phrase: the codes are fine


def complete(parser: argparse.ArgumentParser) -> None:
    """Answer the shell's completion request with argcomplete (``pip install
    ".[completion]"``, then ``eval "$(register-python-argcomplete sentencenorm)"``); it exits
    when it has answered. Without argcomplete, nothing happens."""
    try:
        import argcomplete
    except ImportError:
        return
    argcomplete.autocomplete(parser)


def mistyped_command(word: str) -> str | None:
    """The command *word* looks like a typo of, when it is one lowercase word close to a
    command's name and not a phrase parse can read (``sentencenorm life`` stays a phrase)."""
    if not re.fullmatch(r"[a-z]+", word):
        return None
    import difflib  # a lone lowercase word only

    close = difflib.get_close_matches(word, COMMANDS, n=1, cutoff=0.75)
    if not close:
        return None
    try:
        sentencenorm.parse(word)
    except SentenceParseError:
        return close[0]
    return None


def __getattr__(name: str) -> Any:
    """``cli._document`` stays where tests and users have patched it (loaded when asked)."""
    if name == "_document":
        from .extracting import document

        return document
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ += ["_document"]
