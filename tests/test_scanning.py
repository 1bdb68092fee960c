"""Searching running text fast (reading.scanning) finds exactly what the plain search finds.

The extractor searches documents with the case-insensitive patterns of each language's
``<lang>.context.toml``: led by a lookahead for their first characters, and, where that is
exact, case-sensitively in the lowered text. Both are held here to the pattern as written, on
text from the grammar's vocabulary, in every case, and on arbitrary text.
"""

from __future__ import annotations

import re
import tomllib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_lalr import TRICKY, mixed_case, vocabulary_text

from sentencenorm._resources import grammar_dir
from sentencenorm.reading import scanning
from sentencenorm.reading.caseless import Caseless
from sentencenorm.reading.grammars import available_languages
from sentencenorm.reading.scanning import ALPHABET, lowered, searched_faster

LANGUAGES = available_languages()


def _context_patterns() -> list[tuple[str, re.Pattern[str]]]:
    """Every pattern of every language's extraction context, as written (not accelerated)."""
    found = []
    for lang in LANGUAGES:
        raw = tomllib.loads((grammar_dir() / f"{lang}.context.toml").read_text(encoding="utf-8"))
        tables = [raw, raw.get("evidence", {}), raw.get("parts", {}), raw.get("not_penalty", {})]
        tables += raw.get("cues", []) + raw.get("after_cues", []) + raw.get("senses", [])
        for table in tables:
            for key, value in table.items():
                if isinstance(value, str) and key not in {"modality", "bound"}:
                    found.append((f"{lang}.{key}", re.compile(value, re.IGNORECASE)))
        for key, patterns in raw.get("negation", {}).items():  # lists, one alternation each
            found.append((f"{lang}.negation.{key}", re.compile("|".join(patterns), re.I)))
    return found


_PATTERNS = _context_patterns()
_CASELESS = [Caseless(pattern) for _name, pattern in _PATTERNS]


def _texts(lang: str) -> st.SearchStrategy[str]:
    return st.one_of(
        vocabulary_text(lang),
        mixed_case(lang),
        st.text(max_size=60),
        st.text(alphabet=ALPHABET[:0x180] + TRICKY + "’—£€ 年月", max_size=60),
    )


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_caseless_finds_what_the_pattern_finds(data: st.DataObject) -> None:
    index = data.draw(st.integers(0, len(_PATTERNS) - 1))
    name, pattern = _PATTERNS[index]
    text = data.draw(_texts(name.split(".")[0]))
    caseless, low = _CASELESS[index], lowered(text)
    assert [m.span() for m in caseless.finditer(text, low)] == [
        m.span() for m in pattern.finditer(text)
    ]
    assert bool(caseless.match(text, low)) == bool(pattern.match(text))
    pos = data.draw(st.integers(0, len(text)))
    endpos = data.draw(st.integers(pos, len(text)))
    found = caseless.search(text, low, pos, endpos)
    expected = pattern.search(text, pos, endpos)
    assert (found and found.span()) == (expected and expected.span())


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_searched_faster_finds_what_the_pattern_finds(data: st.DataObject) -> None:
    name, pattern = data.draw(st.sampled_from(_PATTERNS))
    text = data.draw(_texts(name.split(".")[0]))
    fast = searched_faster(pattern)
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in pattern.finditer(text)]
    assert bool(fast.match(text)) == bool(pattern.match(text))
    assert bool(fast.fullmatch(text)) == bool(pattern.fullmatch(text))


def test_most_context_patterns_are_accelerated() -> None:
    accelerated = [name for name, p in _PATTERNS if searched_faster(p) is not p]
    assert len(accelerated) > len(_PATTERNS) // 2, accelerated


def test_every_context_pattern_searches_lowered_text() -> None:
    # Not a matter of right or wrong (the plain search is kept otherwise) but of speed: a
    # pattern that loses its lowered form should be noticed and rewritten.
    plain = [
        name
        for (name, _), caseless in zip(_PATTERNS, _CASELESS, strict=True)
        if caseless.lowered is None
    ]
    assert plain == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He was SENTENCED to 20 Years", "he was sentenced to 20 years"),
        ("Müller erhielt drei JAHRE", "müller erhielt drei jahre"),
        ("判处有期徒刑十年", "判处有期徒刑十年"),
        ("“Ten years,” she said — £500", "“ten years,” she said — £500"),
        ("", ""),
    ],
)
def test_lowered_keeps_offsets(text: str, expected: str) -> None:
    assert lowered(text) == expected


@pytest.mark.parametrize("text", ["Ten ſ years", "İstanbul", "ΟΔΟΣ", "5 \u212a"])
def test_lowered_refuses_text_whose_case_folds_unevenly(text: str) -> None:
    assert lowered(text) is None


@pytest.mark.parametrize(
    ("pattern", "searches_lowered"),
    [
        (r"\bjahr(?-i:X)", False),  # a part that must keep its case
        (r"\bſtrafe", False),  # "ſ" matches "s" case-insensitively, not in lowered text
        ("\u212a", False),  # so does the Kelvin sign "k"
        (r"[^\W\d_A-Z]", False),  # a range of capitals: "[A-z]" lowered is another range
        (r"[^\W\d_ABC]", True),  # capitals one by one: lowered, the same letters
    ],
)
def test_patterns_that_would_differ_keep_the_plain_search(
    pattern: str, searches_lowered: bool
) -> None:
    caseless = Caseless(re.compile(pattern, re.IGNORECASE))
    assert (caseless.lowered is not None) == searches_lowered
    for text in ["JAHRX", "jahrX", "Strafe", "strafe", "k", "K", "ab", "AB", "\u212a"]:
        low = lowered(text)
        spans = [m.span() for m in caseless.finditer(text, low)]
        assert spans == [m.span() for m in re.finditer(pattern, text, re.IGNORECASE)], text


def test_capitals_in_a_case_insensitive_pattern_are_lowered() -> None:
    caseless = Caseless(re.compile(r"\bJahr(?:e|en)?\b|[ÄB]\w+\s*$|\W", re.IGNORECASE))
    assert caseless.lowered is not None
    assert caseless.lowered.pattern.endswith(r"(?:\bjahr(?:e|en)?\b|[äb]\w+\s*$|\W)")


def test_character_kinds_are_those_re_gives() -> None:
    """`scanning._kinds` (str methods, run for the alphabet at import) says what ``\\w``,
    ``\\d`` and ``\\s`` say of each character."""
    for char in map(chr, range(0x3000)):
        expected = tuple(bool(re.fullmatch(kind, char)) for kind in (r"\w", r"\d", r"\s"))
        assert scanning._kinds(char) == expected, hex(ord(char))
