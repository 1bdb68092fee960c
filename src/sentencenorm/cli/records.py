"""The JSON records the commands write, and the check that a record is one of them.

Every record says how it was read: ``"lang"`` (the --lang asked) and ``"jurisdiction"`` (the
canonical code, or null). With the input's own text in ``"text"``, that is what lets
``--resume`` prove that an output belongs to this input and these options, record by record,
without reading anything again.
"""

from __future__ import annotations

import argparse
from typing import Any

import sentencenorm
from sentencenorm import Sentence, SentenceDataError, SentenceParseError
from sentencenorm.reading.batch import record as outcome_record


def provenance(options: argparse.Namespace) -> dict[str, Any]:
    """The keys that say how a record was read."""
    return {"lang": options.lang, "jurisdiction": options.jurisdiction}


def meaning(result: Sentence | SentenceParseError, options: argparse.Namespace) -> dict[str, Any]:
    """The fields --months, --band and --severity ask for, under their own JSON keys."""
    if not isinstance(result, Sentence):
        return {}
    extra: dict[str, Any] = {}
    if getattr(options, "months", None):
        extra["months"] = list(result.months(options.months))
    if getattr(options, "band", None):
        extra["band"] = result.band(options.band, jurisdiction=options.jurisdiction)
    if getattr(options, "severity", False):
        extra["severity"] = result.severity(options.jurisdiction).to_dict()
    return extra


def parse_record(
    text: str, result: Sentence | SentenceParseError, options: argparse.Namespace
) -> dict[str, Any]:
    """The JSON contract object of one outcome (the sentence or the error), how it was read,
    and what --months, --band and --severity add."""
    if isinstance(result, Sentence):
        return {**result.to_dict(), **provenance(options), **meaning(result, options)}
    return {**outcome_record(result), "text": text, **provenance(options)}


def check_parse_record(value: Any, text: str, options: argparse.Namespace) -> str | None:
    """Why *value* is not the record this command writes for the input *text* (None: it is).

    Checks the text, how it was read, the sentence (through `Sentence.from_dict`) or the
    error's shape, and recomputes what --months, --band and --severity add.
    """
    if not isinstance(value, dict) or not ("components" in value or "error" in value):
        return "is not a record of parse"
    if value.get("text") != text:
        return f"is the record of {_short(value.get('text'))}, where the input has {_short(text)}"
    problem = _check_provenance(value, options)
    if problem:
        return problem
    if "error" in value:
        error = value["error"]
        shape = isinstance(error, dict) and {"message", "column", "expected"} <= error.keys()
        return None if shape and "components" not in value else "is not a whole error record"
    try:
        sentence = Sentence.from_dict(value)
    except SentenceDataError as error:
        return f"is not a sentence of the JSON contract ({error})"
    expected = meaning(sentence, options)
    for key in ("months", "band", "severity"):
        if (key in value) != (key in expected):
            given = "with" if key in value else "without"
            return f"was written {given} --{key}; give the options of the run that wrote it"
        if key in value and value[key] != expected[key]:
            return f"has a {key} that --{key} {getattr(options, key)} does not give"
    return None


def match_record(
    name: str, match: sentencenorm.Match, options: argparse.Namespace
) -> dict[str, Any]:
    """A match as a JSON line: the contract, how it was read, and its file (none for stdin)."""
    record = {**match.to_dict(), **provenance(options)}
    if name != "-":
        record["file"] = name
    return record


def check_match_record(value: Any, options: argparse.Namespace) -> str | None:
    """Why *value* is not a match record of extract --jsonl with these options (None: it is)."""
    if not isinstance(value, dict) or not isinstance(value.get("file"), str):
        return "is not a match of extract --jsonl with its file name"
    start, end = value.get("start"), value.get("end")
    if not (
        isinstance(start, int)
        and isinstance(end, int)
        and not isinstance(start, bool)
        and not isinstance(end, bool)
        and 0 <= start < end
        and isinstance(value.get("text"), str)
    ):
        return "is not a match (start, end and text)"
    problem = _check_provenance(value, options)
    if problem:
        return problem
    try:
        Sentence.from_dict(value)
    except SentenceDataError as error:
        return f"is not a sentence of the JSON contract ({error})"
    return None


def _check_provenance(value: dict[str, Any], options: argparse.Namespace) -> str | None:
    for key, expected in provenance(options).items():
        if key not in value:
            return f"does not say its {key} (written by an older sentencenorm?)"
        if value[key] != expected:
            return (
                f"was read with --{key} {value[key]}, not {expected}; "
                "give the options of the run that wrote it"
            )
    return None


def _short(text: object) -> str:
    shown = repr(text)
    return shown if len(shown) <= 60 else shown[:57] + "..."
