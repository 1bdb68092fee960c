"""French phrase fixtures: tests/fixtures/fr/<family>.txt, read with ``lang="fr"``.

Same format and rules as the English fixtures (tests/helpers.py): each case asserts
``str(parse(phrase, lang="fr")) == expected`` or, for ``=> !``, a `SentenceParseError`.
"""

from __future__ import annotations

import re

import pytest
from helpers import FIXTURES
from lark import Lark

from sentencenorm import SentenceParseError, extract, parse
from sentencenorm.language import lexicon
from sentencenorm.reading.grammars import build


@pytest.fixture(scope="module")
def french() -> Lark:
    return build("fr")


@pytest.mark.parametrize(
    ("table", "terminal", "template"),
    [
        ("numbers", "WORDNUM", "{}"),
        ("units", "UNIT", "{}"),
        ("money_scales", "SCALE", "{}"),
        ("currency_words", "CURRENCY", "{}"),
        ("currency_signs", "MONEY", "{} 5"),
        ("aggregation", "W_AGG", "{}"),
    ],
)
def test_lexicon_words_lex_under_their_terminal(
    french: Lark, table: str, terminal: str, template: str
) -> None:
    """A word with a meaning in data/lexicon/fr.toml is one the grammar can read."""
    regex = re.compile(french.get_terminal(terminal).pattern.to_regexp())
    skip = {"un", "une"} if table == "numbers" else set()  # alone, "un" is the determiner
    words = getattr(lexicon("fr"), table)
    unread = [w for w in words if w not in skip and not regex.fullmatch(template.format(w))]
    assert not unread, f"{terminal} does not read {unread}"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("vingt et un", 21),
        ("trente-cinq", 35),
        ("soixante-dix", 70),
        ("soixante et onze", 71),
        ("quatre-vingts", 80),
        ("quatre-vingt-un", 81),
        ("quatre-vingt-dix", 90),
        ("quatre-vingt-dix-neuf", 99),
        ("cent", 100),
        ("deux cents", 200),
        ("deux cent cinquante", 250),
        ("mille", 1000),
        ("deux mille cinq cents", 2500),
        ("cinq cent mille", 500_000),
        ("nonante-neuf", 99),
    ],
)
def test_number_words_have_values(french: Lark, text: str, value: int) -> None:
    """Every spelled number the grammar lexes as one token has its value in the lexicon."""
    regex = re.compile(french.get_terminal("WORDNUM").pattern.to_regexp(), re.IGNORECASE)
    assert regex.fullmatch(text), text
    assert lexicon("fr").number(text) == value


def test_money_fixtures_keep_their_no_break_spaces() -> None:
    """The figures grouped with U+00A0 and U+202F are written literally in money.txt."""
    text = (FIXTURES / "fr" / "money.txt").read_text(encoding="utf-8")
    assert "\u00a0" in text
    assert "\u202f" in text


def test_partly_suspended_term_is_refused_at_dont() -> None:
    """ "dont un an avec sursis" (partly suspended) is refused where "dont" stands."""
    phrase = "deux ans d'emprisonnement dont un an avec sursis"
    with pytest.raises(SentenceParseError) as info:
        parse(phrase, lang="fr")
    assert info.value.column == phrase.index("dont")


PARAGRAPH = (
    "Le tribunal correctionnel a condamné jeudi un homme de 41 ans à cinq ans "
    "d'emprisonnement et 20 000 euros d'amende. Il y a trois ans, il avait déjà été "
    "condamné à six mois de prison avec sursis. Son complice encourait jusqu'à dix ans de "
    "prison."
)


def test_extract_finds_each_penalty_with_exact_offsets() -> None:
    """Each penalty of a French paragraph, its offsets exact, its modality from the text."""
    found = [(m.start, m.end, m.text, str(m.sentence)) for m in extract(PARAGRAPH, lang="fr")]
    expected = [
        (
            "cinq ans d'emprisonnement et 20 000 euros d'amende",
            "imposed: custody P5Y + fine EUR 20000",
        ),
        (
            "avait déjà été condamné à six mois de prison avec sursis",
            "imposed: custody P6M suspended",
        ),
        ("encourait jusqu'à dix ans de prison", "potential: custody ..P10Y"),
    ]
    assert found == [
        (PARAGRAPH.index(text), PARAGRAPH.index(text) + len(text), text, notation)
        for text, notation in expected
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Il y a trois ans, il a déménagé.",
        "Un homme de 41 ans a été interpellé.",
        "Après trois mois d'enquête, les gendarmes ont saisi 26 kilos de cannabis.",
        # a partly suspended term is not read in part
        "Le parquet a requis cinq ans de prison dont trois avec sursis contre le prévenu.",
        "L'enfant a cinq ans et sa sœur a trois ans.",
    ],
)
def test_extract_finds_nothing_where_no_penalty_is_stated(text: str) -> None:
    """Ages, dates and lengths that are no penalty give no match."""
    assert extract(text, lang="fr") == []
