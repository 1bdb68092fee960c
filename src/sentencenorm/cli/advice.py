"""Advice after a failure: the word a typo was meant to be, the --lang a text is written in.

Both are worked out only when something has already failed (never on the success path), and
only for a person: the JSON records stay exactly the library's.
"""

from __future__ import annotations

import difflib
import functools
import re
from typing import Final

import sentencenorm
from sentencenorm import SentenceParseError
from sentencenorm.language import Language, languages

#: A word of a grammar's terminal patterns: letters (an escape such as \s is taken out first).
_WORD: Final = re.compile(r"[^\W\d_]{2,}(\?)?")
_ESCAPE: Final = re.compile(r"\\.")


@functools.cache
def vocabulary(lang: str) -> frozenset[str]:
    """The words *lang*'s grammar knows: the letters of its terminals' patterns, lower case
    (``prisons?`` gives "prisons" and "prison"). Built the first time a typo is looked up."""
    from sentencenorm.reading.grammars import parser_for

    words: set[str] = set()
    for terminal in parser_for(lang).terminals:
        source = _ESCAPE.sub(" ", str(terminal.pattern.value))
        for match in _WORD.finditer(source):
            word = match.group(0).rstrip("?").lower()
            words.add(word)
            if match.group(1):  # the last letter is optional
                words.add(word[:-1])
    return frozenset(word for word in words if len(word) >= 3)


def did_you_mean(error: SentenceParseError, lang: str) -> str | None:
    """The known word of *lang* closest to the word where *error* stopped, when one is close
    (difflib ratio 0.8 or more) and that word is not itself known."""
    if lang not in languages():
        return None
    found = re.match(r"[^\W\d_]+", error.text[error.column :])
    if found is None or len(found.group(0)) < 3:
        return None
    word = found.group(0).lower()
    try:
        known = vocabulary(lang)
    except Exception:  # advice is a courtesy: it never hides the error itself
        return None
    if word in known:
        return None
    close = difflib.get_close_matches(word, known, n=1, cutoff=0.8)
    return close[0] if close else None


def language_of(text: str, lang: str) -> str | None:
    """Another language whose grammar reads *text*, which *lang* could not read: Chinese for
    text with Chinese characters, else the first other language that parses it."""
    from sentencenorm.reading.detect import detect_language

    likely = detect_language(text)  # told by its script, or its vocabulary's guess first
    if Language.get(likely).detect == "script":
        return None if lang == likely else likely
    for other in sorted(languages(), key=lambda code: code != likely):
        if other == lang or Language.get(other).detect != "vocabulary":
            continue
        try:
            sentencenorm.parse(text, lang=other)
        except SentenceParseError:
            continue
        except Exception:  # a courtesy: never a failure of its own
            continue
        return other
    return None


def language_name(code: str) -> str:
    return Language.get(code).name


def parse_advice(error: SentenceParseError, lang: str, lang_given: bool) -> list[str]:
    """The lines of advice for a phrase that did not parse: the language that reads it (only
    when --lang was not given), else the word a typo looks like."""
    if not lang_given:
        other = language_of(error.text, lang)
        if other is not None:
            return [f"this reads as {language_name(other)}: use --lang {other}"]
    word = did_you_mean(error, lang)
    return [f"did you mean {word!r}?"] if word else []


def document_language(text: str, lang: str) -> str | None:
    """The language a document in which *lang* finds nothing looks written in, if another."""
    from sentencenorm.reading.detect import detect_language

    found = detect_language(text)
    return None if found == lang else found
