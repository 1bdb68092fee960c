"""German phrase fixtures: tests/fixtures/de/<family>.txt, read with ``lang="de"``.

Same format and rules as the English fixtures (tests/helpers.py): each case asserts
``str(parse(phrase, lang="de")) == expected`` or, for ``=> !``, a `SentenceParseError`.
Also here: the German grammar builds as strict LALR, its lexicon reads German number words and
figures, and `extract` finds German sentencing expressions in running text with exact offsets.
"""

from __future__ import annotations

import re

import pytest
from lark import Lark

from sentencenorm import extract, parse
from sentencenorm.language import lexicon
from sentencenorm.reading.grammars import build


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("eins", 1),
        ("zwölf", 12),
        ("einundzwanzig", 21),
        ("zweihundertfünfzig", 250),
        ("einhundertzwanzig", 120),
        ("zweitausendfünfhundert", 2500),
        ("dreißig", 30),
        ("Sechzehn", 16),
    ],
)
def test_compound_number_words_have_values(words: str, value: int) -> None:
    """German number words are one word; the lexicon splits them at known parts."""
    assert lexicon("de").number(words) == value


def _terminal(parser: Lark, name: str) -> re.Pattern[str]:
    return re.compile(parser.get_terminal(name).pattern.to_regexp())


@pytest.mark.parametrize(
    ("table", "terminals", "template"),
    [
        ("numbers", ("WORDNUM", "EIN_NUM"), "{}"),
        ("units", ("UNIT",), "{}"),
        ("money_scales", ("SCALE",), "{}"),
        ("currency_words", ("CURRENCY",), "{}"),
        ("currency_signs", ("MONEY",), "{} 5"),
        ("modality_aux", ("AUX",), "{}"),
        ("count_words", ("W_COUNT_WORD",), "{}"),
    ],
)
def test_lexicon_words_lex_under_their_terminal(
    table: str, terminals: tuple[str, ...], template: str
) -> None:
    """A word with a meaning in data/lexicon/de.toml is one grammar/de.lark can read."""
    parser = build("de")
    patterns = [_terminal(parser, name) for name in terminals]
    words = getattr(lexicon("de"), table)
    unread = [w for w in words if not any(p.fullmatch(template.format(w)) for p in patterns)]
    assert not unread, f"{terminals} do not read {unread}"


def test_every_other_penalty_has_a_label() -> None:
    """Each measure the grammar keeps as `other` has a canonical label in the lexicon."""
    for phrase in [
        "Sicherungsverwahrung",
        "Unterbringung in der Sicherungsverwahrung",
        "Unterbringung in einem psychiatrischen Krankenhaus",
        "Unterbringung in einer Entziehungsanstalt",
        "Fahrverbot",
        "Entziehung der Fahrerlaubnis",
        "Führerscheinentzug",
        "Berufsverbot",
        "Ausweisung",
        "Abschiebung",
    ]:
        assert lexicon("de").other_label(phrase) is not None, phrase
        assert str(parse(phrase, lang="de")).startswith("other "), phrase


def test_figures_use_the_decimal_comma() -> None:
    """ "5.000" groups thousands and "1.200,50" has a decimal comma, as German writes them."""
    assert lexicon("de").english_figures("1.200,50") == "1,200.50"
    assert str(parse("Geldstrafe von 5.000 Euro", lang="de")) == "fine EUR 5000"
    assert str(parse("1,5 Jahre", lang="de")) == "custody P1Y6M"


def test_german_and_english_read_alike() -> None:
    """A German phrase and its English translation have one canonical value."""
    pairs = [
        ("Freiheitsstrafe von sechs Monaten bis zu fünf Jahren", "six months to five years"),
        ("lebenslange Freiheitsstrafe", "life imprisonment"),
        ("zwei Jahre Haft auf Bewährung", "two years in prison, suspended"),
        ("droht eine Freiheitsstrafe von bis zu zehn Jahren", "faces up to 10 years in prison"),
    ]
    for german, english in pairs:
        assert parse(german, lang="de").components == parse(english).components, german


# ── running text ─────────────────────────────────────────────────────────────────────────────

PARAGRAPH = (
    "Das Landgericht Köln hat einen 41-jährigen Mann am Dienstag zu einer Freiheitsstrafe "
    "von acht Jahren verurteilt. Vor drei Jahren hatte er einen Supermarkt überfallen. Die "
    "Staatsanwaltschaft hatte zehn Jahre gefordert. Sein Mittäter erhielt eine "
    "Bewährungsstrafe von einem Jahr und zehn Monaten. Raub wird mit Freiheitsstrafe nicht "
    "unter einem Jahr bestraft. Ein 41-jähriger Mann sagte aus. Der Prozess dauerte drei "
    "Monate. Dem Fahrer droht nun eine Geldstrafe in Höhe von 1.200,50 €."
)


def test_extract_finds_german_sentences_with_exact_offsets() -> None:
    """Each sentencing expression, with its modality; offsets index the text as given."""
    matches = extract(PARAGRAPH, lang="de")
    for match in matches:
        assert PARAGRAPH[match.start : match.end] == match.text
    assert [(m.text, str(m.sentence)) for m in matches] == [
        ("einer Freiheitsstrafe von acht Jahren verurteilt", "imposed: custody P8Y"),
        ("zehn Jahre", "potential: custody P10Y"),
        (
            "erhielt eine Bewährungsstrafe von einem Jahr und zehn Monaten",
            "imposed: custody P1Y10M suspended",
        ),
        (
            "wird mit Freiheitsstrafe nicht unter einem Jahr bestraft",
            "statutory: custody P1Y..",
        ),
        ("droht nun eine Geldstrafe in Höhe von 1.200,50 €", "potential: fine ..EUR 1200.5"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Vor drei Jahren zog er nach Berlin.",
        "Ein 41-jähriger Mann wurde gestern festgenommen.",
        "Er ist 41 Jahre alt.",
        "Nach zehn Jahren Haft kam er frei.",
        "Der Prozess dauerte drei Monate.",
        "Die Todesstrafe ist in Deutschland abgeschafft.",
        "Der Vater gab ihm zwei Wochen Hausarrest.",
        "Wegen der Unruhen gilt eine nächtliche Ausgangssperre für drei Tage.",
        "Die Stadt plant ein Einreiseverbot für fünf Jahre.",
        "Er macht seit Januar sechs Monate Drogentherapie.",
        "Er steht drei Jahre unter Bewährung.",
    ],
)
def test_extract_ignores_numbers_that_are_no_penalty(text: str) -> None:
    """Ages, dates and time spent are not sentences."""
    assert extract(text, lang="de") == []


def test_extract_reads_a_weak_penalty_word_beside_a_cue() -> None:
    """A word that is a penalty only in court ("Hausarrest") is one beside a sentencing verb."""
    text = "Das Gericht verurteilte ihn zu sechs Monaten Hausarrest."
    assert [str(m.sentence) for m in extract(text, lang="de")] == [
        'imposed: other "house arrest" P6M'
    ]


def test_extract_reads_what_threatened_as_a_maximum() -> None:
    """ "ihm hatten zehn Jahre Haft gedroht": what he faced, at most, as "faces" in English."""
    text = "Er wurde freigesprochen; ihm hatten zehn Jahre Haft gedroht."
    assert [str(m.sentence) for m in extract(text, lang="de")] == ["potential: custody ..P10Y"]
