"""The grammars build strictly, every alias has a transformer method, and the lexicon and the
grammar agree on the words they share."""

from __future__ import annotations

import re

import pytest
from lark import Lark

from sentencenorm._resources import grammar_dir
from sentencenorm.language import lexicon
from sentencenorm.reading.grammars import available_languages, grammar_path, options
from sentencenorm.reading.notation_reader import FromNotation
from sentencenorm.reading.tree import ToModel

GRAMMARS = [*available_languages(), "notation"]


@pytest.fixture(scope="module", params=GRAMMARS)
def strict(request: pytest.FixtureRequest) -> tuple[str, Lark]:
    lang = request.param
    return lang, Lark.open(grammar_path(lang), **options(strict=True))


def test_languages_are_found_by_file_name() -> None:
    """Every grammar/<lang>.lark except shared pieces is a language."""
    assert "en" in available_languages()
    assert {"common", "notation"}.isdisjoint(available_languages())
    assert (grammar_dir() / "common.lark").is_file()


def test_grammar_builds_strictly(strict: tuple[str, Lark]) -> None:
    """strict=True: no LALR conflict and no terminal collision in any lexer state."""
    _, parser = strict
    assert parser.options.parser == "lalr"


def test_every_alias_has_a_transformer_method(strict: tuple[str, Lark]) -> None:
    """Each rule or alias that reaches the transformer is handled by a method of its own."""
    lang, parser = strict
    transformer = FromNotation if lang == "notation" else ToModel
    missing = set()
    for rule in parser.rules:
        name = rule.alias or rule.origin.name
        name = getattr(name, "value", name)
        inlined = rule.options.expand1 and len(rule.expansion) == 1 and not rule.alias
        if inlined or str(name).startswith("_"):
            continue
        if not hasattr(transformer, str(name)):
            missing.add(str(name))
    assert not missing, f"{lang}: no transformer method for {sorted(missing)}"


def _terminal(parser: Lark, name: str) -> re.Pattern[str]:
    pattern = parser.get_terminal(name).pattern
    return re.compile(pattern.to_regexp())


@pytest.fixture(scope="module")
def english() -> Lark:
    return Lark.open(grammar_path("en"), **options())


@pytest.mark.parametrize(
    ("table", "terminal", "template"),
    [
        ("numbers", "WORDNUM", "{}"),
        ("units", "UNIT", "{}"),
        ("money_scales", "SCALE", "{}"),
        ("currency_words", "CURRENCY", "{}"),
        ("currency_signs", "MONEY", "{} 5"),
        ("aggregation", "W_AGG", "{}"),
        ("modality_aux", "AUX", "{}"),
    ],
)
def test_lexicon_words_lex_under_their_terminal(
    english: Lark, table: str, terminal: str, template: str
) -> None:
    """A word with a meaning in data/lexicon/en.toml is one the grammar can read."""
    regex = _terminal(english, terminal)
    words = getattr(lexicon("en"), table)
    skip = {"a", "zero"} if table == "numbers" else set()  # "a" is its own token; 0 is no term
    unread = [w for w in words if w not in skip and not regex.fullmatch(template.format(w))]
    assert not unread, f"{terminal} does not read {unread}"


def test_number_words_have_values(english: Lark) -> None:
    """Every spelled number the grammar lexes has a value in the lexicon."""
    for text, value in [
        ("one hundred and twenty", 120),
        ("twenty-five", 25),
        ("a thousand", 1000),
        ("two thousand five hundred", 2500),
        ("nine hundred ninety-nine thousand nine hundred ninety-nine", 999_999),
        ("dozen", 12),
    ]:
        assert _terminal(english, "WORDNUM").fullmatch(text), text
        assert lexicon("en").number(text) == value


@pytest.mark.parametrize(
    "phrase",
    [
        "time served",
        "time already served",
        "home confinement",
        "home detention",
        "house arrest",
        "electronic monitoring",
        "electronically monitored",
        "electronic tagging",
        "conditional discharge",
        "absolute discharge",
        "rehab",
        "rehabilitation",
        "drug treatment",
        "special assessment",
        "court costs",
        "costs",
        "driving ban",
        "disqualified from driving",
        "driving disqualification",
        "licence suspension",
        "driver's license will be suspended",
        "license revoked",
        "curfew",
        "community order",
        "deportation",
        "deported",
        "victim surcharge",
        "confiscation of all personal property",
    ],
)
def test_every_other_penalty_has_a_label(english: Lark, phrase: str) -> None:
    """Each phrase the grammar keeps as `other` has a canonical label in the lexicon."""
    assert _terminal(english, "W_OTHER").fullmatch(phrase), phrase
    assert lexicon("en").other_label(phrase) is not None
