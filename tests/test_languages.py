"""Every language is whole: all its parts present, and the parts agree (issue 15, item 1).

A language is a table in ``data/languages.toml`` and its files (`sentencenorm.Language`).
These checks run over every language the package lists, so a new one is held to them the
moment its table is added.
"""

from __future__ import annotations

import re
import tomllib

import pytest
from helpers import FIXTURES

import sentencenorm
from sentencenorm import Language, UnknownLanguageError, languages, parse
from sentencenorm._resources import data_dir
from sentencenorm.language import lexicon
from sentencenorm.language.registry import CLEANING_RULES, DETECTION
from sentencenorm.model.labels import other_label
from sentencenorm.reading import hints
from sentencenorm.reading.detect import _SCRIPT_CHARACTERS
from sentencenorm.reading.grammars import parser_for

LANGUAGES = languages()
# Terminals whose words are the same in every language (figures, punctuation, whitespace):
# English names them for all.
NEUTRAL_TERMINALS = {"DIGITS", "DASH", "COMMA", "STOP", "LPAR", "RPAR", "SEMI"}


def test_the_list_is_the_one_every_part_asks() -> None:
    """Grammars, hints, detection and the public API all know exactly these languages."""
    from sentencenorm.reading.grammars import available_languages

    assert tuple(sorted(LANGUAGES)) == LANGUAGES
    assert {"en", "zh", "de", "fr", "es"} <= set(LANGUAGES)
    assert available_languages() == LANGUAGES
    assert hints.available() == LANGUAGES
    assert sentencenorm.languages() == LANGUAGES


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_part_is_present(lang: str) -> None:
    """Grammar, context, lexicon, hints, writing and fixtures: each file exists and loads."""
    language = Language.get(lang)
    assert language.code == lang
    assert language.name
    assert language.grammar_path.is_file()
    assert language.context_path.is_file()
    assert language.context["keywords"]
    assert (data_dir() / "lexicon" / f"{lang}.toml").is_file()
    assert language.lexicon.lang == lang
    assert (data_dir() / "hints" / f"{lang}.toml").is_file()
    assert (data_dir() / "locales" / f"{lang}.toml").is_file()
    assert language.writing.get("lexicon") == language.code  # its reader reads its wording back
    assert (FIXTURES / lang).is_dir()
    assert parser_for(lang) is not None


@pytest.mark.parametrize("lang", LANGUAGES)
def test_scripts_cleaning_and_detection_are_known(lang: str) -> None:
    """Its rules are ones the read side knows, and a script it is told by has characters."""
    language = Language.get(lang)
    assert language.scripts
    assert set(language.cleaning) <= set(CLEANING_RULES)
    assert "zero_width" in language.cleaning
    assert language.detect in DETECTION
    if language.detect == "script":
        assert all(script in _SCRIPT_CHARACTERS for script in language.scripts)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_terminal_has_expected_words(lang: str) -> None:
    """Each terminal an error can name has words in the language (figures and punctuation
    may take English's, which are the same everywhere)."""
    own = Language.get(lang).hints.get("expected", {})
    english = hints.expected_words("en")
    parser = parser_for(lang)
    ignored = set(parser.ignore_tokens)
    names = {str(terminal.name) for terminal in parser.terminals} - ignored
    shown = {name for name in names if not name.startswith("_")}
    missing = {
        name
        for name in shown
        if name not in own and not (name in NEUTRAL_TERMINALS and name in english)
    }
    if lang == "en":
        missing = {name for name in shown if name not in english}
    assert not missing, sorted(missing)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_terminal_has_a_role(lang: str) -> None:
    """Each terminal of its grammar is in the roles table or has a declared prefix, and
    every word (``W_``) is listed: what it means is declared, not read from its name."""
    from sentencenorm.language.roles import ROLES, role

    parser = parser_for(lang)
    for terminal in parser.terminals:
        name = str(terminal.name)
        if name.startswith("__"):  # Lark's anonymous terminals: dropped, no role to play
            continue
        role(name)
        if name.startswith("W_"):
            assert name in ROLES, name


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_example_of_the_data_files_reads(lang: str) -> None:
    """Jurisdiction profiles' examples in the language parse; its hints' mistakes do not."""
    folder = data_dir() / "jurisdictions"
    for path in sorted(folder.glob("*.toml")):
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
        for example in raw.get("examples", ()):
            if example.get("lang", "en") == lang:
                parse(example["text"], lang=lang)
    for mistake in Language.get(lang).mistakes:
        with pytest.raises(sentencenorm.SentenceParseError):
            parse(mistake, lang=lang)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_label_the_lexicon_names_is_listed(lang: str) -> None:
    """The labels of a lexicon's [other_labels] are labels of data/labels.toml, and those of
    its [counted_labels] (the words after a count) are labels counted in a unit."""
    words = lexicon(lang)
    for _, name in words.other_labels:
        assert other_label(name) is not None, f"{lang}: {name!r} is not in data/labels.toml"
    for _, name in words.counted_labels:
        label = other_label(name)
        assert label is not None, f"{lang}: {name!r} is not in data/labels.toml"
        assert "count" in label.quantities, f"{lang}: {name!r} is not counted"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_label_pattern_compiles(lang: str) -> None:
    """Each pattern of [other_labels] and [counted_labels] is a regular expression (the
    lexicon is read without compiling them; a phrase that needs them compiles them)."""
    words = lexicon(lang)
    for pattern, label in (*words.other_labels, *words.counted_labels):
        try:
            re.compile(pattern, re.IGNORECASE)
        except re.error as error:
            raise AssertionError(f"{lang}: {label!r}: {pattern!r}: {error}") from None


@pytest.mark.parametrize("code", ["xx", "EN", "", "../en", "notation", "common", None, 3])
def test_an_unknown_code_names_the_languages(code: object) -> None:
    """Language.get refuses any other code, listing the languages."""
    with pytest.raises(UnknownLanguageError) as caught:
        Language.get(code)
    assert caught.value.available == LANGUAGES
