"""Parse tables built ahead (sentencenorm.reading.tables): read back, they parse as the grammar
does; tables of another grammar, or a damaged file, are never used."""

from __future__ import annotations

import pickle
import zlib
from pathlib import Path

import pytest
from helpers import load_cases

from sentencenorm import SentenceParseError, _build_tables, parse
from sentencenorm.reading import grammars, tables
from sentencenorm.reading import parser as parser_module
from sentencenorm.reading.lalr import FastLALR

LANGUAGES = [*grammars.available_languages(), grammars.NOTATION]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every language's tables, written as the wheel build writes them: the package's own
    when they are all fresh (tests/conftest.py writes a checkout's), else written anew."""
    if all(_build_tables._fresh(lang, tables.TABLES) for lang in LANGUAGES):
        return tables.TABLES
    out = tmp_path_factory.mktemp("tables")
    assert _build_tables.main([str(out)]) == 0
    return out


def _read(lang: str, folder: Path) -> tables.Tables | None:
    transformer = grammars._transformer(lang)
    text = grammars.grammar_text(lang)
    return tables.load(lang, text, grammars.options(transformer=transformer), transformer, folder)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_tables_parse_as_the_grammar_does(lang: str, folder: Path) -> None:
    """A parser read from its tables, run by the fast loop with the stored lowered patterns,
    gives what the parser built from the grammar gives, value or error, on the fixtures."""
    stored = _read(lang, folder)
    assert stored is not None
    assert stored.loop_agrees
    built, _, _ = grammars.build_fresh(lang)  # never from tables, whatever the package holds
    assert stored.parser.ignore_tokens == built.ignore_tokens
    assert [t.name for t in stored.parser.terminals] == [t.name for t in built.terminals]
    fast = FastLALR(stored.parser, lowered=dict(stored.lowered))
    notation = [
        "custody P6M..P10Y x2 consecutive",
        "imposed: fine ..USD 250000 + death suspended reprieve=P2Y",
        'other "caning" 12 strokes',
        "custody P",
    ]
    phrases = notation if lang == "notation" else [case.phrase for case in load_cases(lang)]
    for phrase in phrases:
        assert _outcome(fast.parse, phrase) == _outcome(built.parse, phrase), phrase


def _outcome(parse: object, phrase: str) -> tuple[str, object]:
    """The value, or the error: its kind, where, and what was expected (a set, whose order
    Lark's message shows as it comes)."""
    try:
        return ("value", parse(phrase))  # type: ignore[operator]
    except Exception as error:
        expected = getattr(error, "expected", None) or getattr(error, "allowed", None) or ()
        where = (getattr(error, "line", None), getattr(error, "column", None))
        return ("error", (type(error).__name__, where, sorted(map(str, expected))))


@pytest.mark.parametrize("phrase", ["ten yaers", "six months to", "bis fünf Jahre", "，并处罚金"])
def test_refusals_read_the_same_from_tables(
    phrase: str, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What a refusal says (message, column, expected words) does not depend on where the
    parser came from."""

    def refusal(where: Path) -> str:
        monkeypatch.setattr(tables, "TABLES", where)
        for cached in (grammars.parser_for, grammars.fast_parser_for, parser_module._outcome):
            cached.cache_clear()  # type: ignore[attr-defined]
        with pytest.raises(SentenceParseError) as caught:
            parse(phrase, lang="auto")
        error = caught.value
        return f"{error}\n{error.column}\n{error.expected}"

    try:
        assert refusal(folder) == refusal(Path("/nonexistent"))
    finally:
        for cached in (grammars.parser_for, grammars.fast_parser_for, parser_module._outcome):
            cached.cache_clear()  # type: ignore[attr-defined]


def test_tables_of_another_grammar_are_not_used(folder: Path) -> None:
    """A grammar edited since the tables were built (or another Lark) changes the fingerprint:
    the tables are ignored and the grammar is built."""
    transformer = grammars._transformer("en")
    text = grammars.grammar_text("en") + "\n// edited\n"
    settings = grammars.options(transformer=transformer)
    assert tables.load("en", text, settings, transformer, folder) is None
    other = grammars.options(transformer=transformer, maybe_placeholders=True)
    assert tables.load("en", grammars.grammar_text("en"), other, transformer, folder) is None


def test_missing_or_damaged_tables_are_not_used(folder: Path, tmp_path: Path) -> None:
    assert _read("en", tmp_path) is None  # no file
    (tmp_path / "en.tables").write_bytes(b"not tables")
    assert _read("en", tmp_path) is None
    (tmp_path / "en.tables").write_bytes(zlib.compress(b"\x80\x04K\x01."))  # pickled 1
    assert _read("en", tmp_path) is None


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_tables_carry_how_every_pattern_begins(lang: str, folder: Path) -> None:
    """A first call parses no terminal's regular expression: the tables hold how each
    pattern of each lexer state can begin, as scanning works it out."""
    from sentencenorm.reading import scanning

    stored = pickle.loads(zlib.decompress((folder / f"{lang}.tables").read_bytes()))
    beginnings = stored["beginnings"]
    parser = _read(lang, folder)
    assert parser is not None
    flags = parser.parser.lexer_conf.g_regex_flags
    for state in FastLALR(parser.parser).lexers.every():
        for terminal in (*state.terminals, *state.lowered_terminals):
            key = (terminal.pattern.to_regexp(), flags)
            scanning.KNOWN_PATHS.pop(key, None)  # worked out again, not read back
            assert beginnings[key] == scanning.begin_paths(*key), terminal.name
