"""Hypothesis properties of the hostile-input contract (issue 7) over arbitrary text.

Two kinds of text: anything `st.text()` makes (lone surrogates included), and text built from
the grammars' own vocabulary (fixture words and phrases, numbers at the model's edges, joiners,
punctuation, notation, hostile characters), which gets the parser deep into a phrase. For each:

- `parse` raises nothing but `SentenceParseError`; the error's column is within
  [0, len(text)], its str() ends with the caret line, its reason is for people;
- a value that parses reads back from its canonical notation (``parse(str(v)) == v``, the
  model's equality, as tests/test_roundtrip.py) and its ``to_dict()`` is JSON that reads back;
- `extract` raises nothing; its matches are in order, never overlap, and
  ``text[m.start:m.end] == m.text``.

The checks are tests/fuzz/contract.py, shared with the atheris harness. Sizes are set here,
not by the profile, so that this file stays well under a minute in CI (about 30 s).
"""

from __future__ import annotations

import re

from fuzz.contract import LANGUAGES, check, check_extract, check_parse, phrases, vocabulary
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st


def examples(count: int) -> settings:
    """*count* examples, whatever the profile (tests/conftest.py), and no deadline: cost is
    checked as ratios in tests/test_hostile.py, not per example."""
    return settings(
        max_examples=count,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


languages = st.sampled_from(LANGUAGES)

#: Any code point: lone surrogates, controls, unassigned ones too.
any_character = st.characters(exclude_categories=())
any_text = st.text(any_character, max_size=120)

_VOCABULARY = {lang: vocabulary(lang) for lang in LANGUAGES}
_PHRASES = {lang: phrases(lang) for lang in LANGUAGES}
_SEPARATORS = st.sampled_from([" ", " ", " ", "", ", ", " and ", " to ", "，", "; ", "\n"])


@st.composite
def vocabulary_text(draw: st.DrawFn) -> tuple[str, str]:
    """(lang, text of 1-16 words of the language's vocabulary)."""
    lang = draw(languages)
    pieces = draw(st.lists(st.sampled_from(_VOCABULARY[lang]), min_size=1, max_size=16))
    return lang, draw(_SEPARATORS).join(pieces)


_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_EDGE_NUMBERS = st.sampled_from(
    [
        *("0", "00", "1", "12", "83333", "83334", "1000001", "0.5", "4½", "½", "1,000,000,000"),
        *("99999999999999999999", "9" * 29, "1.000000000000000000000000000001", "１０"),
    ]
)


@st.composite
def mutated_phrases(draw: st.DrawFn) -> tuple[str, str]:
    """(lang, 1-3 real phrases joined, then a few edits: a hostile piece inserted, a number
    swapped for one at the model's edges, a few characters cut)."""
    lang = draw(languages)
    text = draw(_SEPARATORS).join(
        draw(st.lists(st.sampled_from(_PHRASES[lang]), min_size=1, max_size=3))
    )
    for _ in range(draw(st.integers(0, 3))):
        edit = draw(st.sampled_from(["insert", "number", "cut"]))
        if edit == "insert":
            at = draw(st.integers(0, len(text)))
            piece = draw(st.one_of(st.sampled_from(_VOCABULARY[lang]), any_character))
            text = text[:at] + piece + text[at:]
        elif edit == "number" and (numbers := list(_NUMBER.finditer(text))):
            number = draw(st.sampled_from(numbers))
            text = text[: number.start()] + draw(_EDGE_NUMBERS) + text[number.end() :]
        elif edit == "cut" and len(text) > 2:
            start = draw(st.integers(0, len(text) - 2))
            text = text[:start] + text[start + draw(st.integers(1, 5)) :]
    return lang, text


@st.composite
def documents(draw: st.DrawFn) -> tuple[str, str]:
    """(lang, a document: phrases, vocabulary and arbitrary text around them)."""
    lang = draw(languages)
    parts = draw(
        st.lists(
            st.one_of(
                st.sampled_from(_PHRASES[lang]),
                st.sampled_from(_VOCABULARY[lang]),
                any_text,
                st.just("He was sentenced to"),
            ),
            min_size=1,
            max_size=12,
        )
    )
    return lang, draw(st.sampled_from([" ", ". ", "\n", ""])).join(parts)


@examples(300)
@given(any_text, languages)
def test_parse_any_text(text: str, lang: str) -> None:
    check_parse(text, lang)


@examples(500)
@given(vocabulary_text())
def test_parse_vocabulary_text(case: tuple[str, str]) -> None:
    lang, text = case
    check_parse(text, lang)


@examples(400)
@given(mutated_phrases())
def test_parse_and_extract_mutated_phrases(case: tuple[str, str]) -> None:
    lang, text = case
    check(text, lang)


@examples(300)
@given(any_text, languages)
def test_extract_any_text(text: str, lang: str) -> None:
    check_extract(text, lang)


@examples(150)
@given(documents())
def test_extract_documents(case: tuple[str, str]) -> None:
    lang, text = case
    check_extract(text, lang)
