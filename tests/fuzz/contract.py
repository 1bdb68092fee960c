"""The hostile-input contract (issue 7) as plain checks, shared by the Hypothesis properties
(tests/test_fuzz_properties.py) and the atheris harness (tests/fuzz/fuzz_parse.py).

- `sentencenorm.parse(text, lang=L)` raises nothing but `SentenceParseError` for any str; the
  error's column is within [0, len(text)], its str() ends with the caret line, and its reason
  is a sentence for people (never "internal error ..." or a Python repr);
- a value that parses reads back from its canonical notation (``parse(str(v)) == v``, with the
  model's equality, as tests/test_roundtrip.py does) and its JSON contract form is
  serializable and reads back;
- `sentencenorm.extract(text, lang=L)` raises nothing for any str and returns a list of
  matches, in order, never overlapping, with ``text[m.start:m.end] == m.text``.

Any other outcome raises `ContractBreak` (an AssertionError), or lets the escaping exception
through, so both Hypothesis and libFuzzer report it with the input.

`KNOWN_BREAKS` lists symptoms of breaks that are reported and pinned by strict xfail rows in
tests/test_hostile.py; they are tolerated here so that the properties and the fuzzer keep
looking for new ones. Remove an entry together with its xfail row once the source is fixed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path

from sentencenorm import Match, Sentence, SentenceParseError, extract, parse
from sentencenorm.reading.grammars import available_languages

#: Every language with a grammar, plus "auto" (detection runs before the grammar).
LANGUAGES: tuple[str, ...] = (*available_languages(), "auto")

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


class ContractBreak(AssertionError):
    """An outcome the contract does not allow."""


#: (name, symptom) of breaks already reported and pinned by a strict xfail in
#: tests/test_hostile.py, tolerated here by their exact symptom, e.g.
#: ``("zh-vulgar-fraction", lambda text, lang, error: (error.reason or "").startswith(
#: "internal error (KeyError: '½')"))``. Empty: every break found so far is fixed.
KNOWN_BREAKS: tuple[tuple[str, Callable[[str, str, SentenceParseError], bool]], ...] = ()

# What a reason for people never looks like.
_NOT_FOR_PEOPLE = re.compile(r"^internal error|<class '|Traceback|\bat 0x[0-9a-f]+")


def known_break(text: str, lang: str, error: SentenceParseError) -> str | None:
    """The name of the known break *error* is a symptom of, or None."""
    for name, symptom in KNOWN_BREAKS:
        if symptom(text, lang, error):
            return name
    return None


def check_error(error: SentenceParseError, text: str, lang: str) -> None:
    """The error `parse` raised for *text* is one the contract allows."""
    if error.text != text:
        raise ContractBreak(f"error.text {error.text!r} is not the phrase {text!r}")
    if not 0 <= error.column <= len(text):
        raise ContractBreak(f"column {error.column} outside [0, {len(text)}]")
    rendered = str(error)
    caret = rendered.rsplit("\n", 1)[-1]
    if "\n" not in rendered or not caret.startswith("  ") or caret.strip() != "^":
        raise ContractBreak(f"str(error) does not end with the caret line: {rendered!r}")
    reason = error.reason or ""
    if _NOT_FOR_PEOPLE.search(reason) and known_break(text, lang, error) is None:
        raise ContractBreak(f"reason is not for people: {reason!r}")


def check_value(value: Sentence, text: str, lang: str) -> None:
    """A value `parse` returned: notation and JSON read back to an equal value."""
    if not isinstance(value, Sentence):
        raise ContractBreak(f"parse returned {type(value).__name__}, not Sentence")
    notation = str(value)
    reader = "en" if lang == "auto" else lang
    try:
        again = parse(notation, lang=reader)
    except SentenceParseError as error:
        raise ContractBreak(f"notation {notation!r} does not read back: {error}") from None
    if again != value:
        raise ContractBreak(f"parse(str(v)) != v for {notation!r}: {again!r} != {value!r}")
    data = value.to_dict()
    try:
        encoded = json.dumps(data, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise ContractBreak(f"to_dict() is not JSON-serializable: {exc}") from None
    if data.get("text") != text:
        raise ContractBreak(f"to_dict()['text'] is {data.get('text')!r}, not the phrase")
    if Sentence.from_dict(json.loads(encoded)) != value:
        raise ContractBreak(f"from_dict(to_dict(v)) != v for {notation!r}")


def check_parse(text: str, lang: str) -> Sentence | SentenceParseError:
    """Parse *text*; only `SentenceParseError` may escape (anything else propagates)."""
    try:
        value = parse(text, lang=lang)
    except SentenceParseError as error:
        check_error(error, text, lang)
        return error
    check_value(value, text, lang)
    return value


def check_extract(text: str, lang: str) -> list[Match]:
    """Extract from *text*; nothing may escape, and the matches keep their promises."""
    matches = extract(text, lang=lang)
    if not isinstance(matches, list):
        raise ContractBreak(f"extract returned {type(matches).__name__}, not list")
    previous_end = 0
    for match in matches:
        if not isinstance(match, Match) or not isinstance(match.sentence, Sentence):
            raise ContractBreak(f"not a Match of a Sentence: {match!r}")
        if not previous_end <= match.start < match.end <= len(text):
            raise ContractBreak(
                f"match [{match.start}, {match.end}) out of order, overlapping or outside the "
                f"text (previous end {previous_end}, length {len(text)})"
            )
        if text[match.start : match.end] != match.text:
            raise ContractBreak(f"text[{match.start}:{match.end}] != {match.text!r}")
        try:
            json.dumps(match.to_dict(), allow_nan=False)
        except (TypeError, ValueError) as exc:
            raise ContractBreak(f"Match.to_dict() is not JSON-serializable: {exc}") from None
        previous_end = match.end
    return matches


def check(text: str, lang: str) -> None:
    """The whole contract for one input."""
    check_parse(text, lang)
    check_extract(text, lang)


# ── vocabulary: what the grammars read, so that generated text gets past the first word ──────

_SKIP_LINE = ("--", "=>", "#")


def fixture_lines(lang: str) -> list[str]:
    """Phrases and documents of the fixture files of *lang* (every line that is no comment,
    expectation or metadata), in file order."""
    lines: list[str] = []
    folder = FIXTURES / lang
    if not folder.is_dir():
        return lines
    for path in sorted(folder.rglob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith(_SKIP_LINE):
                lines.append(line)
    return lines


_ZH_PIECE = re.compile(r"\d+|[\u3400-\u9fff]{1,2}|[^\s\d\u3400-\u9fff]")


def words(lang: str) -> list[str]:
    """The distinct words of the fixture phrases of *lang* (two-character pieces for zh)."""
    found: set[str] = set()
    for line in fixture_lines(lang):
        if len(line) > 200:  # a document, not a phrase
            continue
        found.update(_ZH_PIECE.findall(line) if lang == "zh" else line.split())
    return sorted(found)


#: Pieces every language gets: canonical notation, numbers at and past the model's edges,
#: joiners, punctuation, and characters that publishing systems and attackers leave in text.
NOTATION_WORDS = (
    "custody", "death", "fine", "restitution", "forfeiture", "probation",
    "supervised_release", "community_supervision", "deprivation_of_rights",
    "community_service", "other", "imposed:", "potential:", "statutory:", "+", "..",
    "P6M", "P10Y", "P1Y6M", "P0D", "P0Y", "..life", "life", "x3", "x?", "consecutive",
    "concurrent", "suspended", "suspended=P3Y", "reprieve=P2Y", "USD", "CNY", "500", "200h",
    '"time served"',
)  # fmt: skip
EDGE_WORDS = (
    "0", "00", "1", "-1", "-5", "12", "83333", "83334", "1000000", "99999999999999999999",
    "1e309", "1.5", "0.5", "0.001", "1,000,000", "½", "$", "$0", "€", "£", "¥", "元", "万",
    "亿", "年", "个月", "to", "and", "or", "between", "up to", "at least", "-", "–", "—", "/",
    ",", ".", ";", "(", ")", "'", "’", '"', "，", "、", "。",
)  # fmt: skip
HOSTILE_CHARACTERS = (
    "\x00", "\x07", "\x1b", "\t", "\n", "\r", "\x85", "\u2028", "\u00a0", "\u00ad", "\u200b",
    "\u200e", "\u202e", "\u202c", "\u2066", "\ufeff", "\ufffd", "\ud800", "\udfff", "\udc80",
    "😀", "１０", "𝟏", "⑩", "\u0301",
)  # fmt: skip


def vocabulary(lang: str) -> list[str]:
    """Words to build text from for *lang* ("auto": every language's)."""
    languages = available_languages() if lang == "auto" else (lang,)
    pool = [word for code in languages for word in words(code)]
    return [*pool, *NOTATION_WORDS, *EDGE_WORDS, *HOSTILE_CHARACTERS]


def phrases(lang: str) -> list[str]:
    """Whole fixture phrases of *lang* ("auto": every language's), documents left out."""
    languages = available_languages() if lang == "auto" else (lang,)
    return [line for code in languages for line in fixture_lines(code) if len(line) <= 200]


def seed_texts() -> Iterator[tuple[str, str]]:
    """(lang, phrase) pairs for the fuzzer's seed corpus: a few phrases of each language."""
    for lang in available_languages():
        lines = fixture_lines(lang)
        yield from ((lang, line) for line in lines[:: max(1, len(lines) // 12)][:12])
