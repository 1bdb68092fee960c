"""The fast LALR loop (sentencenorm.reading.lalr) gives exactly what Lark's own parser gives.

`parse` runs every phrase through `FastLALR`; these tests hold it to Lark: the same value
(transformer output, token positions included) or the same exception, on the fixtures and
corpora of every language, on text built from the grammar's vocabulary and on arbitrary text.
"""

from __future__ import annotations

import json
import re
import warnings
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sentencenorm.reading.grammars import NOTATION, available_languages, fast_parser_for, parser_for
from sentencenorm.reading.lalr import FastLALR, _token
from sentencenorm.reading.scanning import beginning, first_set

DATA = Path(__file__).parent / "data"
FIXTURES = Path(__file__).parent / "fixtures"
LANGUAGES = available_languages()


def outcome(parse: Any, text: str) -> tuple[str, Any]:
    try:
        return ("value", parse(text))
    except Exception as error:  # the point: the same exception, whatever it is
        return ("error", (type(error).__name__, str(error)))


def assert_same(lang: str, text: str) -> None:
    expected = outcome(parser_for(lang).parse, text)
    assert outcome(fast_parser_for(lang).parse, text) == expected, text


def phrases_of(lang: str) -> list[str]:
    """Every phrase of the language's fixture files and gold corpus."""
    found: list[str] = []
    for path in sorted((FIXTURES / lang).rglob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line and not line.startswith(("#", "=>", "--")):
                found.append(line.split("=>")[0].strip())
    corpus = DATA / f"dev_{lang}.jsonl"
    if corpus.exists():
        for row in corpus.read_text(encoding="utf-8").splitlines():
            record = json.loads(row)
            found.append(record["text"])
            found += [expression["span"] for expression in record["expressions"]]
    return [phrase for phrase in found if phrase]


@pytest.mark.parametrize("lang", [*LANGUAGES, NOTATION])
def test_every_fixture_and_corpus_phrase_reads_as_lark_reads_it(lang: str) -> None:
    phrases = phrases_of(lang) if lang != NOTATION else phrases_of("en")
    assert len(phrases) > 50 or lang == NOTATION
    for phrase in phrases:
        assert_same(lang, phrase)


def vocabulary(lang: str) -> list[str]:
    words = {word for phrase in phrases_of(lang) for word in re.findall(r"\w+|[^\w\s]", phrase)}
    return sorted(words)


_VOCABULARY = {lang: vocabulary(lang) for lang in LANGUAGES}


@st.composite
def vocabulary_text(draw: st.DrawFn, lang: str) -> str:
    words = draw(st.lists(st.sampled_from(_VOCABULARY[lang]), min_size=1, max_size=12))
    joiner = "" if lang == "zh" else " "
    return joiner.join(words)


@pytest.mark.parametrize("lang", LANGUAGES)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_vocabulary_text_reads_as_lark_reads_it(lang: str, data: st.DataObject) -> None:
    assert_same(lang, data.draw(vocabulary_text(lang)))


# Characters where case-insensitive matching and lowering part ways: "ſ" and "K" (Kelvin)
# match "s" and "k", "İ" lowers to two characters, a final "Σ" lowers to "ς".
TRICKY = "ſKİıΣσςẞßÉéÅ\u212b\u0345ǅ"


@st.composite
def mixed_case(draw: st.DrawFn, lang: str) -> str:
    """Vocabulary text with each character's case drawn, and now and then a tricky one."""
    text = draw(vocabulary_text(lang))
    flips = draw(st.lists(st.booleans(), min_size=len(text), max_size=len(text)))
    text = "".join(c.upper() if flip else c for c, flip in zip(text, flips, strict=True))
    if draw(st.booleans()):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from(TRICKY)) + text[at:]
    return text


@pytest.mark.parametrize("lang", LANGUAGES)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_text_in_any_case_reads_as_lark_reads_it(lang: str, data: st.DataObject) -> None:
    # The loop lexes lowered text where that is exact (sentencenorm.reading.scanning): capitals,
    # and the characters where lowering and case-insensitive matching part ways.
    assert_same(lang, data.draw(mixed_case(lang)))


@pytest.mark.parametrize("lang", LANGUAGES)
@settings(max_examples=100, deadline=None)
@given(text=st.text(max_size=40))
def test_arbitrary_text_reads_as_lark_reads_it(lang: str, text: str) -> None:
    assert_same(lang, text)


@pytest.mark.parametrize(
    ("pattern", "flags", "begins", "never"),
    [
        ("abc", 0, "a", "bA"),
        ("(?i:abc)", 0, "aA", "b"),
        ("(?i:k)", 0, "kK\u212a", "x"),  # the Kelvin sign folds to k
        ("(?:x)?y", 0, "xy", "z"),  # an optional first part: either may begin
        ("(?=a)ab|cd", 0, "ac", "b"),  # a lookahead consumes nothing
        (r"[\d,]+", 0, "7,", "a"),
        (r"\bfoo", 0, "f", "o"),
        ("(?:ab|c*d)", 0, "acd", "b"),
        ("[a-c]x", re.IGNORECASE, "aBc", "d"),
    ],
)
def test_first_characters(pattern: str, flags: int, begins: str, never: str) -> None:
    test = first_set(pattern, flags)
    assert test is not None
    for char in begins:
        assert test(char), (pattern, char)
    for char in never:
        assert not test(char), (pattern, char)


@pytest.mark.parametrize("pattern", ["[^a]b", ".x", r"(a)?\1", "(?:a*)"])
def test_first_characters_that_filter_nothing(pattern: str) -> None:
    assert first_set(pattern, 0) is None


def test_only_lalr_with_the_contextual_lexer_is_run() -> None:
    from lark import Lark

    with pytest.raises(ValueError, match="contextual"):
        FastLALR(Lark("start: WORD\nWORD: /\\w+/", parser="lalr", lexer="basic"))


def test_errors_are_larks_own() -> None:
    from lark.exceptions import UnexpectedInput

    fast = fast_parser_for("en")
    with pytest.raises(UnexpectedInput) as caught:
        fast.parse("ten yaers")
    assert caught.value.pos_in_stream == 4


def test_tokens_are_made_as_lark_makes_them() -> None:
    from lark import Token

    made = _token("UNIT", "years", 5, 2, 3, 2, 8, 10)
    lark = Token("UNIT", "years", 5, 2, 3, 2, 8, 10)
    assert type(made) is Token
    assert made == lark
    for name in Token.__slots__:
        assert getattr(made, name) == getattr(lark, name), name


@pytest.mark.parametrize(
    ("pattern", "begins", "never"),
    [
        ("(?i:years?)", ["ye", "YE", "y"], ["yo", "ey"]),
        ("(?:up\\s+to|under)", ["up", "un", "u"], ["ur", "pu"]),
        ("(?:a|b)c?d", ["ac", "ad", "bd"], ["ae", "cd"]),
        ("x+y", ["xx", "xy"], ["xz"]),
        ("[0-9]{2,}", ["12"], ["1a"]),
    ],
)
def test_two_characters_deep(pattern: str, begins: list[str], never: list[str]) -> None:
    test = beginning(pattern, 0)
    assert test is not None
    for start in begins:
        assert test(start[0], start[1] if len(start) > 1 else None), (pattern, start)
    for start in never:
        assert not test(start[0], start[1]), (pattern, start)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_language_lexes_lowered_text(lang: str) -> None:
    # Not a matter of right or wrong (a state that cannot lex lowered text lexes the text)
    # but of speed: a terminal that loses its lowered form (a case-sensitive capital, a range
    # of capitals) should be noticed and rewritten.
    fast = fast_parser_for(lang)
    lexers = fast.lexers.every() if isinstance(fast, FastLALR) else []
    lowered = {t.name for state in lexers for t in state._lowered}
    assert fast.folds, [t.name for t in parser_for(lang).terminals if t.name not in lowered]


# ── a Lark release that moves the internals the loop reads ───────────────────────────────────


@pytest.fixture
def fresh_parsers() -> Any:
    """Every built parser and reader forgotten before and after the test."""
    from sentencenorm.reading import extractor, grammars, tables
    from sentencenorm.reading.parser import _outcome

    def forget() -> None:
        # Tables built ahead name the Lark they were built with, so a Lark that moved its
        # internals never reads them; here the same Lark is patched: build from the grammar.
        tables.TABLES = Path("/nonexistent/sentencenorm-tables")
        grammars.parser_for.cache_clear()  # type: ignore[attr-defined]
        grammars.fast_parser_for.cache_clear()  # type: ignore[attr-defined]
        extractor._reader.cache_clear()  # type: ignore[attr-defined]
        extractor._remembered.cache_clear()
        _outcome.cache_clear()

    folder = tables.TABLES
    forget()
    yield
    forget()
    tables.TABLES = folder


def _without_mres(monkeypatch: pytest.MonkeyPatch) -> None:
    """Simulate a Lark that renamed ``Scanner._mres`` (issue 15, item 7): Lark's own
    scanners keep working under the new name; the loop no longer finds the old one."""
    from lark.lexer import Scanner

    original_init = Scanner.__init__

    def init(self: Any, *args: Any, **kwargs: Any) -> None:
        original_init(self, *args, **kwargs)
        self._compiled = self.__dict__.pop("_mres")

    def compiled(self: Any) -> Any:  # scanners built before the patch keep the old name
        return self.__dict__.get("_compiled") or self.__dict__["_mres"]

    def match(self: Any, text: Any, pos: int) -> Any:
        # Lark 1.3 passes a TextSlice, Lark 1.2.2 (the lowest allowed) a str.
        subject, end = (text.text, text.end) if hasattr(text, "text") else (text, len(text))
        for mre in compiled(self):
            found = mre.match(subject, pos, end)
            if found:
                return found.group(0), found.lastgroup
        return None

    def fullmatch(self: Any, text: str) -> Any:
        for mre in compiled(self):
            found = mre.fullmatch(text)
            if found:
                return found.lastgroup
        return None

    monkeypatch.setattr(Scanner, "__init__", init)
    monkeypatch.setattr(Scanner, "match", match)
    if hasattr(Scanner, "fullmatch"):  # Lark 1.2.2, the lowest version allowed, has none
        monkeypatch.setattr(Scanner, "fullmatch", fullmatch)
    from sentencenorm.reading import grammars

    grammars.parser_for.cache_clear()  # type: ignore[attr-defined]  # Lark's lexers anew


@pytest.mark.parametrize("breakage", ["mres", "tables", "disagree"])
def test_a_lark_that_moved_its_internals_reads_the_same_slower(
    monkeypatch: pytest.MonkeyPatch, fresh_parsers: None, breakage: str
) -> None:
    """parse and extract give exactly the same results through Lark's own parser, with one
    RuntimeWarning, when the fast loop cannot be built or disagrees with Lark."""
    import sentencenorm
    import sentencenorm.reading.lalr as loop
    from sentencenorm.reading.grammars import fast_parser_for

    # English only: every language goes through the same fallback, and each grammar built
    # from its source here costs its build twice (Chinese ~40 s), three times over.
    phrases = ["six months to 10 years", "ten yaers", "life without parole"]
    document = "He was sentenced to 20 years in prison and fined $5,000. She faces up to 5 years."
    expected = [outcome(lambda p: str(sentencenorm.parse(p, lang="auto")), p) for p in phrases]
    expected_matches = [(m.start, m.end, str(m.sentence)) for m in sentencenorm.extract(document)]
    fast_parser_for.cache_clear()  # type: ignore[attr-defined]
    from sentencenorm.reading import extractor
    from sentencenorm.reading.parser import _outcome

    extractor._reader.cache_clear()  # type: ignore[attr-defined]
    extractor._remembered.cache_clear()
    _outcome.cache_clear()
    if breakage == "mres":
        _without_mres(monkeypatch)
    elif breakage == "tables":

        def moved(self: Any, lark: Any, start: str = "start") -> None:
            raise AttributeError("'LALR_Parser' object has no attribute 'parse_table'")

        monkeypatch.setattr(loop.FastLALR, "__init__", moved)
    else:
        monkeypatch.setattr(loop.FastLALR, "parse", lambda self, text: "something else")
    with pytest.warns(RuntimeWarning, match="reading with Lark's own parser instead"):
        fast_parser_for("en")
    assert isinstance(fast_parser_for("en"), loop.LarkLoop)
    with warnings.catch_warnings():  # one warning per language, as each is built
        warnings.simplefilter("ignore", RuntimeWarning)
        got = [outcome(lambda p: str(sentencenorm.parse(p, lang="auto")), p) for p in phrases]
    matches = [(m.start, m.end, str(m.sentence)) for m in sentencenorm.extract(document)]
    assert got == expected
    assert matches == expected_matches
