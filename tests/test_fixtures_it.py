"""Italian phrase fixtures: tests/fixtures/it/<family>.txt, read with ``lang="it"`` (they run
in tests/test_fixtures_languages.py). What only Italian needs is tested here: its number words
(one word per number, a ten that drops its vowel), its lexicon's words under their terminals,
and running text read by `extract`.
"""

from __future__ import annotations

import re

import pytest
from lark import Lark

from sentencenorm import extract, parse
from sentencenorm.language import lexicon
from sentencenorm.reading.grammars import build


@pytest.fixture(scope="module")
def italian() -> Lark:
    return build("it")


@pytest.mark.parametrize(
    ("table", "terminal", "template", "skip"),
    [
        # alone, "un"/"una" are the article and "tré" only ends a compound; "mezzo" is a number
        # only before "milione", an elided ten only before "'anni"
        (
            "numbers",
            "WORDNUM",
            "{}",
            {"un", "una", "tré", "zero", "mezzo"}
            | {
                f"{ten}{end}"
                for ten in ("vent", "trent", "quarant", "cinquant")
                for end in ("", "'", "’")
            }
            | {
                f"{ten}{end}"
                for ten in ("sessant", "settant", "ottant", "novant")
                for end in ("", "'", "’")
            },
        ),
        ("money_scales", "SCALE", "{}", set()),
        ("currency_words", "CURRENCY", "{}", set()),
        ("currency_signs", "MONEY", "{} 5", set()),
    ],
)
def test_lexicon_words_lex_under_their_terminal(
    italian: Lark, table: str, terminal: str, template: str, skip: set[str]
) -> None:
    """A word with a meaning in data/lexicon/it.toml is one the grammar can read."""
    regex = re.compile(italian.get_terminal(terminal).pattern.to_regexp(), re.IGNORECASE)
    words = getattr(lexicon("it"), table)
    unread = [w for w in words if w not in skip and not regex.fullmatch(template.format(w))]
    assert not unread, f"{terminal} does not read {unread}"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("ventuno", 21),
        ("ventun", 21),
        ("ventitré", 23),
        ("ventitre", 23),
        ("ventotto", 28),
        ("trentotto", 38),
        ("quarantacinque", 45),
        ("novantanove", 99),
        ("cento", 100),
        ("centouno", 101),
        ("centoventi", 120),
        ("duecento", 200),
        ("mille", 1000),
        ("milleduecento", 1200),
        ("duemilacinquecento", 2500),
        ("centomila", 100_000),
        ("un milione", 1_000_000),
        ("due milioni", 2_000_000),
    ],
)
def test_number_words_have_values(italian: Lark, text: str, value: int) -> None:
    """Every spelled number the grammar lexes as one token has its value in the lexicon."""
    regex = re.compile(italian.get_terminal("WORDNUM").pattern.to_regexp(), re.IGNORECASE)
    assert regex.fullmatch(text), text
    assert lexicon("it").number(text) == value


@pytest.mark.parametrize("text", ["ventiuno", "ventiotto", "trentaotto", "ventuna", "tré"])
def test_malformed_number_words_are_no_numbers(italian: Lark, text: str) -> None:
    """A ten keeps its vowel only before a consonant: "ventiotto" is no number word."""
    regex = re.compile(italian.get_terminal("WORDNUM").pattern.to_regexp(), re.IGNORECASE)
    assert not regex.fullmatch(text)


def test_elided_ten_before_anni() -> None:
    """ "vent'anni", "trent’anni": the ten, its apostrophe, the unit."""
    assert str(parse("vent'anni di carcere", lang="it")) == "custody P20Y"
    assert str(parse("trent’anni di reclusione", lang="it")) == "custody P30Y"


def test_or_between_penalties_is_a_choice() -> None:
    """A statute's "o" between penalties is a choice, never "and"."""
    phrase = "la reclusione fino a un anno o la multa fino a euro 516"
    assert str(parse(phrase, lang="it")) == "choice(custody ..P1Y | fine ..EUR 516)"


PARAGRAPH = (
    "Il tribunale di Milano ha condannato giovedì un uomo di 41 anni a cinque anni di "
    "reclusione e 20.000 euro di multa. Tre anni fa era già stato condannato a sei mesi di "
    "reclusione con pena sospesa. Il suo complice rischia fino a dieci anni di carcere."
)


def test_extract_finds_each_penalty_with_exact_offsets() -> None:
    """Each penalty of an Italian paragraph, its offsets exact, its modality from the text."""
    found = [(m.start, m.end, m.text, str(m.sentence)) for m in extract(PARAGRAPH, lang="it")]
    expected = [
        (
            "cinque anni di reclusione e 20.000 euro di multa",
            "imposed: custody P5Y + fine EUR 20000",
        ),
        (
            "condannato a sei mesi di reclusione con pena sospesa",
            "imposed: custody P6M suspended",
        ),
        ("rischia fino a dieci anni di carcere", "potential: custody ..P10Y"),
    ]
    assert found == [
        (PARAGRAPH.index(text), PARAGRAPH.index(text) + len(text), text, notation)
        for text, notation in expected
    ]


def test_extract_takes_the_prosecutors_request_as_potential() -> None:
    """ "il pm ha chiesto": what the prosecution asks for may come."""
    [match] = extract("Il pm ha chiesto dieci anni di reclusione per l'imputato.", lang="it")
    assert (match.text, str(match.sentence)) == (
        "dieci anni di reclusione",
        "potential: custody P10Y",
    )


@pytest.mark.parametrize(
    "text",
    [
        "Tre anni fa si è trasferito a Roma.",
        "Un uomo di 41 anni è stato arrestato.",
        "Dopo tre mesi di indagini, i carabinieri hanno sequestrato 26 chili di hashish.",
        "Ha dieci anni di esperienza come avvocato.",
        "Il bambino ha cinque anni e sua sorella tre anni.",
        "È in custodia cautelare da sei mesi.",
    ],
)
def test_extract_finds_nothing_where_no_penalty_is_stated(text: str) -> None:
    """Ages, dates, experience and pre-trial custody give no match."""
    assert extract(text, lang="it") == []
