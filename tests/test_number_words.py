"""Number words come from the lexicon (grammar/<lang>.lark writes them with %words and %chars,
sentencenorm.reading.compose fills them in), and the terminals built so lex exactly what the
hand-written patterns they replaced lexed.

tests/data/number_terminals_before.json keeps those patterns as they were. Each is compared
with the terminal of today's grammar on every number from 0 to 9999 as the writer spells it
(and in other spellings the lexicon allows: synonyms, hyphens or spaces, capitals), on pairs
of the lexicon's number words, and at every position of the language's fixture files: both
must match the same text, to the same end, or both not at all.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
from babel import Locale
from lark import Lark
from lark.exceptions import GrammarError

from sentencenorm.language import lexicon
from sentencenorm.reading.compose import composed, expand, tried_order
from sentencenorm.reading.grammars import available_languages, parser_for
from sentencenorm.writing.spellers import speller_for
from sentencenorm.writing.wording import wording

TESTS = Path(__file__).resolve().parent
BEFORE: dict[str, dict[str, dict[str, object]]] = json.loads(
    (TESTS / "data" / "number_terminals_before.json").read_text(encoding="utf-8")
)
# Where each terminal is tried: "{}" is a number (or a fixture's text). A terminal that looks
# past its own word for a number ("con" before a length) is tried before numbers.
PROBES: dict[tuple[str, str], tuple[str, ...]] = {
    ("de", "OR"): ("oder {}", "oder {} Jahre", "oder mit {} Jahren"),
    ("es", "J_OTHER"): ("con {}", "con {} años", "con {} y cinco meses"),
    ("es", "FROM"): ("de {} a tres años", "de {} años a seis años", "de un año y {} días a 2"),
    ("es", "_Y_PART"): ("y {} meses", "y {} días"),
}
# The one change made on purpose: a word that only begins like a number word ("veintitantos",
# twenty-odd) counted as a number where the hand-written Spanish patterns looked ahead for
# one (they listed stems, "veint", "dieci"); the lexicon's words do not. Such phrases are
# refused either way (tests/fixtures/es/numbers.txt), only the column named differs. And one
# addition: 廿 / 卅 (twenty, thirty: data/lexicon/zh.toml [cjk_tens]) are numerals now, which
# the hand-written WORDNUM did not lex (tests/fixtures/zh/numbers.txt).
NOT_NUMBERS = ("veintitantos", "廿", "卅")
NUMBERS = ("{}", "{} {unit}", "{}-{unit}", "{},", "{}s", "{}jährige")


def _terminals() -> Iterator[tuple[str, str]]:
    for lang, terminals in BEFORE.items():
        for name in terminals:
            yield lang, name


def _parser(lang: str) -> Lark:
    # The parser the package reads (its tables, fresh: conftest.py), shared with other tests:
    # its terminals are the grammar's, however it was built.
    return parser_for(lang)


@cache
def _numbers(lang: str) -> frozenset[str]:
    """0..9999 as the writer spells them, and as the lexicon lets them be spelled otherwise;
    and every two number words of the lexicon side by side."""
    words = lexicon(lang)
    writer = speller_for(wording(Locale.parse(lang)), lexicon(lang))
    same: dict[object, list[str]] = {}
    for word, value in words.numbers.items():
        same.setdefault(value, []).append(word)
    found: set[str] = set()
    for number in range(10_000):
        spelled = writer.spell(number)
        if spelled is None:
            continue
        forms = {spelled, spelled.upper(), spelled.title()}
        forms |= {spelled.replace("-", " "), spelled.replace(" ", "-")}
        parts = spelled.split(" ")
        for at, part in enumerate(parts):
            for other in same.get(words.numbers.get(part), ()):
                forms.add(" ".join([*parts[:at], other, *parts[at + 1 :]]))
        found |= forms
    vocabulary = [
        *words.numbers,
        *words.number_scales,
        *words.number_joiners,
        *words.cjk_digits,
        *words.cjk_units,
        *words.cjk_large_units,
    ]
    found |= {f"{a}{gap}{b}" for a in vocabulary for b in vocabulary for gap in ("", " ", "-")}
    return frozenset(found)


#: What a language's number words read since the patterns were replaced, beyond millions:
#: French "un" before a currency ("une amende d'un euro"); hundreds counted past nine
#: ("forty-five hundred", "neunzehnhundert", "dix-neuf cent") and the French "mil" of dates
#: (tests/test_number_peers_suites.py). And one French change the other way: a teen after a
#: ten other than "soixante" and "quatre-vingt" ("quarante douze") is no longer one number.
#: Chinese 又 joins the parts of a length as 零 does ("一年又六個月"); 貮, a variant of 貳 in
#: Macau's and Taiwan's judgments ("2(貮)年"), is a digit since 2026-12-08.
GROWN: dict[str, str] = {
    "zh": r"又|貮",
    "en": r"(?:ty|teen|ten|eleven|twelve)[-\s]+(?:\w+[-\s]+)?hundred",
    "de": r"(?:zehn|elf|zwölf)hundert",
    "fr": r"\bune?\s+(?:euros?|dollars?|francs?|livres?)\b"
    r"|(?:dix|onze|douze|treize|quatorze|quinze|seize)[-\s]+(?:\w+[-\s]+)?cents?\b|\bmil\b"
    r"|(?:vingt|trente|quarante|cinquante|septante|huitante|octante|nonante)[-\s]+"
    r"(?:et[-\s]+)?(?:dix|onze|douze|treize|quatorze|quinze|seize)",
}


@cache
def _millions(lang: str) -> re.Pattern[str]:
    """The lexicon's number scales of a million and more, and `GROWN`, as a pattern."""
    words = [word for word, value in lexicon(lang).number_scales.items() if value >= 10**6]
    grown = [re.escape(word) for word in words] + ([GROWN[lang]] if lang in GROWN else [])
    return re.compile("|".join(grown) or "(?!)", re.IGNORECASE)


@cache
def _fixture_lines(lang: str) -> tuple[str, ...]:
    folders = [TESTS / "fixtures" / lang] + ([TESTS / "fixtures" / "rules"] if lang == "en" else [])
    return tuple(
        line
        for folder in folders
        for path in sorted(folder.rglob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
    )


def _end(pattern: re.Pattern[str], text: str, at: int = 0) -> int | None:
    found = pattern.match(text, at)
    return None if found is None else found.end()


@pytest.mark.parametrize(("lang", "name"), list(_terminals()))
def test_terminal_lexes_what_the_hand_written_one_lexed(lang: str, name: str) -> None:
    """The same matches, to the same end, on numbers and fixtures; the same priority."""
    before = BEFORE[lang][name]
    terminal = _parser(lang).get_terminal(name)
    assert terminal.priority == before["priority"]
    assert sorted(terminal.pattern.flags) == before["flags"]
    flags = re.IGNORECASE if "i" in terminal.pattern.flags else 0
    old = re.compile(str(before["regex"]), flags)
    new = re.compile(terminal.pattern.value, flags)
    unit = next(iter(lexicon(lang).units))
    probes = [probe.replace("{unit}", unit) for probe in PROBES.get((lang, name), NUMBERS)]
    # Millions with a remainder ("two million two hundred thousand") and `GROWN` are read
    # since the patterns were replaced: tests/test_number_peers.py and the fixtures hold them.
    grown = _millions(lang)
    differ = [
        text
        for number in _numbers(lang)
        for probe in probes
        if _end(old, text := probe.format(number)) != _end(new, text) and not grown.search(text)
    ]
    differ += [
        line[at : at + 40]
        for line in _fixture_lines(lang)
        if not any(word in line for word in NOT_NUMBERS) and not grown.search(line)
        for at in range(len(line))
        if _end(old, line, at) != _end(new, line, at)
    ]
    assert not differ, f"{lang} {name} lexes otherwise: {differ[:10]}"


@pytest.mark.parametrize("lang", list(available_languages()))
def test_the_composed_grammar_has_no_directive_left(lang: str) -> None:
    """Lark sees neither %words / %chars / %pattern lines nor a {name} left unfilled."""
    text = composed(lang)
    assert not re.search(r"^%(?:words|chars|pattern)\b", text, re.MULTILINE)
    assert not re.search(r"\{[a-z][a-z0-9_]*\}", text)


TABLES = {"numbers": {"a": 1, "one": 1, "two": 2, "zwei": 2, "twenty": 20, "half": 0.5}}


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("%words w: numbers 1..9\nT: /{w}/", "(?:a|one|two|zwei)"),
        ("%words w: numbers 1..9 -a -zwei\nT: /{w}/", "(?:one|two)"),
        ("%words w: numbers 0.5 twenty\nT: /{w}/", "(?:twenty|half)"),
        ("%words w: numbers 0..1\nT: /{w}/", "(?:a|one)"),  # 0.5 is no whole number
        ("%words w: numbers\n%pattern p: {w}x\nT: /{p}/", "(?:(?:a|one|two|zwei|twenty|half)x)"),
    ],
)
def test_a_selection_takes_the_lexicon_words_asked_for(text: str, words: str) -> None:
    assert expand(text, TABLES).split("T: /")[1] == words + "/"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("T: /{w}/", "not defined"),
        ("%words w: numbers 100..200\nT: /{w}/", "selects no word"),
        ("%words w: numbers three\nT: /{w}/", "not in the lexicon"),
        ("%words w: numbers 1..9 -three\nT: /{w}/", "not in the lexicon"),
        ("%words w: units 1..9\nT: /{w}/", "no lexicon table"),
        ("%words w: numbers 1\n%words w: numbers 2\nT: /{w}/", "defined twice"),
        ("%pattern p: x{p}\nT: /{p}/", "refers to itself"),
        ("%chars c: numbers 1..9\nT: /[{c}]/", "one character"),
    ],
)
def test_a_mistaken_directive_is_a_grammar_error(text: str, problem: str) -> None:
    with pytest.raises(GrammarError, match=problem):
        expand(text, TABLES)


def test_longer_words_are_tried_first() -> None:
    assert tried_order(["cien", "ciento", "mil", "millones", "millón"]) == [
        "ciento",
        "cien",
        "millones",
        "millón",
        "mil",
    ]
