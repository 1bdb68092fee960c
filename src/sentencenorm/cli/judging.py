"""``sentencenorm compare`` and ``sentencenorm render``: one answer per input."""

from __future__ import annotations

import argparse
import json
import sys

import sentencenorm
from sentencenorm import Sentence, SentenceParseError, UnsupportedError

from .streams import OK, SOME_FAILED, decode, inputs, to_json


def compare_command(options: argparse.Namespace) -> int:
    """The order of two sentences by severity, and why."""
    sentences = []
    for text in (options.first, options.second):
        decoded, problem = decode(text.encode("utf-8", "surrogateescape"), "argument")
        result = read(decoded, problem, options.lang, options.jurisdiction)
        if isinstance(result, SentenceParseError):
            print(result, file=sys.stderr)
            return SOME_FAILED
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
    return OK


def render_command(options: argparse.Namespace) -> int:
    """One phrase per value, in order; a value that cannot be read leaves an empty line."""
    failed = 0
    for text, problem in inputs(options.values or ["-"]):
        value = _value(text, problem, options.lang)
        if isinstance(value, str):
            failed += 1
            print(value, file=sys.stderr)
            sys.stdout.write("\n")  # one output line per input line, even for a failure
            continue
        try:
            phrase = sentencenorm.render(
                value, locale=options.locale, style=options.style, unsupported=options.unsupported
            )
        except UnsupportedError as error:
            failed += 1
            print(f"sentencenorm: {error}", file=sys.stderr)
            phrase = ""
        sys.stdout.write(phrase + "\n")
    sys.stdout.flush()
    return SOME_FAILED if failed else OK


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
