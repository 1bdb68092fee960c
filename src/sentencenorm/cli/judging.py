"""``sentencenorm compare`` and ``sentencenorm render``: one answer per input."""

from __future__ import annotations

import argparse
import json
import sys

import sentencenorm
from sentencenorm import Sentence, SentenceParseError, UnsupportedError

from .advice import parse_advice
from .streams import DIFFERENT, OK, SOME_FAILED, USAGE, decode, inputs, to_json


def compare_command(options: argparse.Namespace) -> int:
    """The order of two sentences by severity, and why.

    The exit status: 0 when the two were ordered; with ``--is ORDER[,ORDER]`` it answers that
    question, as ``test`` does: 0 when the order is one of those, 1 when it is another. 2 when
    a phrase cannot be read (as for a usage error): no order, so neither answer.
    """
    sentences = []
    for text in (options.first, options.second):
        decoded, problem = decode(text.encode("utf-8", "surrogateescape"), "argument")
        result = read(decoded, problem, options.lang, options.jurisdiction)
        if isinstance(result, SentenceParseError):
            print(result, file=sys.stderr)
            if problem is None:
                for line in parse_advice(result, options.lang, options.lang_given):
                    print(f"  {line}", file=sys.stderr)
            return USAGE
        sentences.append(result)
    comparison = sentencenorm.compare(
        sentences[0], sentences[1], jurisdiction=options.jurisdiction, basis=options.basis
    )
    if options.json:
        record = {"a": options.first, "b": options.second, "jurisdiction": options.jurisdiction}
        record.update(comparison.to_dict())
        sys.stdout.write(to_json(record, indent=2) + "\n")
    else:
        sys.stdout.write(f"{comparison.order.name}\n  {comparison.reason}\n")
    sys.stdout.flush()
    if options.expect is None or comparison.order.name.lower() in options.expect:
        return OK
    return DIFFERENT


def render_command(options: argparse.Namespace) -> int:
    """One line per value, in order: its phrase, or for a value that cannot be read or
    written an error row, ``error: <why>`` (the full message goes to stderr)."""
    failed = 0
    for text, problem in inputs(options.values or ["-"]):
        value = _value(text, problem, options.lang)
        if isinstance(value, str):
            failed += 1
            print(value, file=sys.stderr)
            sys.stdout.write(error_row(value))  # one output line per input line
            continue
        try:
            phrase = sentencenorm.render(
                value, locale=options.locale, style=options.style, unsupported=options.unsupported
            )
        except UnsupportedError as error:
            failed += 1
            print(f"sentencenorm: {error}", file=sys.stderr)
            sys.stdout.write(error_row(str(error)))
            continue
        sys.stdout.write(phrase + "\n")
    sys.stdout.flush()
    return SOME_FAILED if failed else OK


def error_row(message: str) -> str:
    """The output line of a value render could not write: its message's first line, with no
    "sentencenorm: " prefix, after "error: "."""
    first = message.splitlines()[0] if message else "cannot read the value"
    return f"error: {first.removeprefix('sentencenorm: ')}\n"


def _value(text: str, problem: SentenceParseError | None, lang: str) -> Sentence | str:
    """The sentence a render input stands for, or the message saying why there is none."""
    if problem is not None:
        return str(problem)
    if text.lstrip().startswith("{"):
        try:
            return Sentence.from_dict(json.loads(text))
        except (ValueError, RecursionError) as error:  # JSONDecodeError is a ValueError
            return f"sentencenorm: not a sentence in the JSON contract: {error}"
    result = read(text, None, lang, None)
    return str(result) if isinstance(result, SentenceParseError) else result


def read(
    text: str, problem: SentenceParseError | None, lang: str, jurisdiction: str | None
) -> Sentence | SentenceParseError:
    """The sentence of *text*, or the error that says why there is none."""
    if problem is not None:
        return problem
    try:
        return sentencenorm.parse(text, lang=lang, jurisdiction=jurisdiction)
    except SentenceParseError as error:
        return error
