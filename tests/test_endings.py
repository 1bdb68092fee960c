"""Which cues can end before a phrase (reading.endings): a cue left unsearched never matches.

`cue_before` searches only the cues whose pattern can end where the text before a phrase
ends. Held here to the plain search: before every phrase of the extraction fixtures, and on
text from the grammar's vocabulary and arbitrary text, in every language.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_lalr import TRICKY, mixed_case, vocabulary_text

from sentencenorm.language import Language
from sentencenorm.reading.caseless import Caseless
from sentencenorm.reading.context import load_context
from sentencenorm.reading.endings import (
    Anchored,
    Led,
    candidates,
    ending,
    heading,
    may_begin,
    may_end,
)
from sentencenorm.reading.grammars import available_languages
from sentencenorm.reading.scanning import ALPHABET, lowered

LANGUAGES = available_languages()
_FIXTURES = Path(__file__).parent / "fixtures"


def test_every_cue_before_is_judged() -> None:
    """Each language's cues are anchored at their end: none is searched for want of a test."""
    for lang in LANGUAGES:
        for cue in load_context(lang).cues:
            assert may_end(cue.pattern.pattern, "") is False, (lang, cue.pattern.pattern.pattern)


_SPAN = re.compile(r"=> \[(.+?)\] ")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_cues_before_the_fixtures_phrases(lang: str) -> None:
    """Before each phrase of the extraction fixtures, every cue that matches is among the
    candidates."""
    cues = load_context(lang).cues
    befores = []
    for path in sorted((_FIXTURES / lang / "extract").glob("*.txt")):
        text = ""
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("=>"):
                span = _SPAN.match(line)
                if span is not None and span.group(1) in text:
                    at = text.index(span.group(1))
                    befores.append(text[max(0, at - 120) : at])
            elif line and not line.startswith("--"):
                text = line
    for before in befores:
        kept = candidates(cues, ending(before))
        for index, cue in enumerate(cues):
            if index not in kept:
                assert cue.pattern.search(before, None) is None, (before, index)


@settings(max_examples=100, deadline=None)
@given(data=st.data())
def test_a_cue_left_out_never_matches(data: st.DataObject) -> None:
    lang = data.draw(st.sampled_from(LANGUAGES))
    cues = load_context(lang).cues
    text = data.draw(
        st.one_of(
            vocabulary_text(lang),
            mixed_case(lang),
            st.text(max_size=60),
            st.text(alphabet=ALPHABET[:0x180] + TRICKY + "’—£€ 年月\n\t:,", max_size=60),
        )
    )
    text += data.draw(st.sampled_from(["", " ", "  ", "\n", " \n"]))
    kept = candidates(cues, ending(text))
    for index, cue in enumerate(cues):
        if index not in kept:
            assert cue.pattern.search(text, None) is None


@pytest.mark.parametrize(
    ("pattern", "text", "expected"),
    [
        (r"\bto\s*$", "sentenced to ", True),
        (r"\bto\s*$", "sentenced to\n", True),
        (r"\bto\s*$", "half of ", False),
        (r"\bput\s+away\s*$", "put   away ", True),
        (r"\bfor[\s,]*$", "for , ", True),
        (r"for\s*[,\s]$", "for  ", True),
        (r"to\s*$", "o", False),  # too short
        (r"(?m)to\s*$", "half of", True),  # a line end inside: not judged
        (r"\bto\b", "half of", True),  # not anchored: not judged
        (r"\s*$", "half of", True),  # may hold nothing: not judged
    ],
)
def test_may_end(pattern: str, text: str, expected: bool) -> None:
    assert may_end(re.compile(pattern, re.IGNORECASE), ending(text)) is expected


def _negation_lists(lang: str) -> tuple[list[str], list[str]]:
    raw = Language.get(lang).context.get("negation", {})
    return list(raw.get("governs", [])), list(raw.get("after", []))


@settings(max_examples=100, deadline=None)
@given(data=st.data())
def test_a_pattern_left_out_of_a_list_never_matches(data: st.DataObject) -> None:
    """`Anchored.search` and `Led.match` say what their patterns' alternation says."""
    lang = data.draw(st.sampled_from(LANGUAGES))
    ends, begins = _negation_lists(lang)
    text = data.draw(
        st.one_of(
            vocabulary_text(lang),
            mixed_case(lang),
            st.text(max_size=60),
            st.text(alphabet=ALPHABET[:0x180] + TRICKY + "’—£€ 年月\n\t:,", max_size=60),
        )
    )
    text = data.draw(st.sampled_from(["", " ", ", "])) + text
    text += data.draw(st.sampled_from(["", " ", "  ", "\n", " \n"]))
    for low in (None, lowered(text)):
        if ends:
            whole = Caseless(re.compile("|".join(ends), re.IGNORECASE))
            assert Anchored(ends).search(text, low) is (whole.search(text, low) is not None)
        if begins:
            whole = Caseless(re.compile("|".join(begins), re.IGNORECASE))
            assert Led(begins).match(text, low) is (whole.match(text, low) is not None)


@pytest.mark.parametrize(
    ("pattern", "text", "expected"),
    [
        (r"^\s*later\b", "  Later on", True),
        (r"^\s*later\b", "for robbery", False),
        (r"\s*(?:a|an)\s+year", " an year", True),
        (r"\s*(?:a|an)\s+year", "the year", False),
        (r"(?=x)later", "later", True),  # a lookahead counts nothing
        (r"\s*", "anything", True),  # may hold nothing: not judged
        (r"lat", "la", False),  # too short
    ],
)
def test_may_begin(pattern: str, text: str, expected: bool) -> None:
    compiled = re.compile(pattern, re.IGNORECASE)
    assert may_begin(compiled.pattern, compiled.flags, heading(text)) is expected
