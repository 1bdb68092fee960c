"""Spanish phrase fixtures: tests/fixtures/es/<family>.txt, read with ``lang="es"``.

Same format and rules as the English fixtures (tests/helpers.py): each case asserts
``str(parse(phrase, lang="es")) == expected`` or, for ``=> !``, a `SentenceParseError`.
Also: grammar/es.lark builds as strict LALR, and `extract` reads a Spanish paragraph with
exact offsets while leaving ages and dates alone.
"""

from __future__ import annotations

import pytest
from helpers import FIXTURES, Case, fixture_files, load_cases, read_cases
from lark import Lark

from sentencenorm import SentenceParseError, extract, parse
from sentencenorm.grammars import grammar_path, options

FAMILIES = (
    "numbers",
    "ranges",
    "bounds",
    "life",
    "suspension",
    "money",
    "modality",
    "combinations",
)
MIN_POSITIVE = 10
MIN_NEGATIVE = 3

CASES = load_cases("es")
POSITIVE = [case for case in CASES if not case.negative]
NEGATIVE = [case for case in CASES if case.negative]


def _ids(cases: list[Case]) -> list[str]:
    return [case.id for case in cases]


@pytest.mark.parametrize("case", POSITIVE, ids=_ids(POSITIVE))
def test_phrase_reads_as_expected(case: Case) -> None:
    """The phrase reads to exactly its canonical value."""
    assert str(parse(case.phrase, lang="es", jurisdiction=case.jurisdiction)) == case.expected


@pytest.mark.parametrize("case", NEGATIVE, ids=_ids(NEGATIVE))
def test_phrase_is_refused(case: Case) -> None:
    """A phrase that means nothing exact is refused with SentenceParseError."""
    with pytest.raises(SentenceParseError):
        parse(case.phrase, lang="es", jurisdiction=case.jurisdiction)


@pytest.mark.parametrize("case", POSITIVE, ids=_ids(POSITIVE))
def test_expected_value_is_canonical_notation(case: Case) -> None:
    """The expected value is itself canonical notation (parse reads it back unchanged)."""
    assert case.expected is not None
    assert str(parse(case.expected, lang="es")) == case.expected


# ── the fixture set itself ────────────────────────────────────────────────────────────────────


def test_every_family_has_a_file() -> None:
    """Each phrase family has its fixture file, and no file is outside the list."""
    assert {path.stem for path in fixture_files("es")} == set(FAMILIES)


@pytest.mark.parametrize("family", FAMILIES)
def test_family_is_broad_enough(family: str) -> None:
    """Every family shows what it reads and what it refuses."""
    cases = read_cases(FIXTURES / "es" / f"{family}.txt")
    positives = sum(not case.negative for case in cases)
    negatives = sum(case.negative for case in cases)
    assert positives >= MIN_POSITIVE, f"{family}: {positives} positive cases"
    assert negatives >= MIN_NEGATIVE, f"{family}: {negatives} negative cases"


def test_no_phrase_is_listed_twice_in_one_family() -> None:
    """A phrase appears once per family file."""
    seen: dict[tuple[str, str, str | None], str] = {}
    for case in CASES:
        key = (case.file, case.phrase, case.jurisdiction)
        assert key not in seen, f"{case.id} repeats {seen[key]}"
        seen[key] = case.id


# ── the grammar ─────────────────────────────────────────────────────────────────────────────


def test_grammar_is_conflict_free() -> None:
    """grammar/es.lark builds as strict LALR: no conflicts, no lexer collisions."""
    Lark.open(grammar_path("es"), **options(strict=True))


def test_spanish_figures_use_a_decimal_comma() -> None:
    """ "." groups digits and "," is the decimal mark, in amounts and in lengths alike."""
    assert str(parse("multa de 1.200,50 €", lang="es")) == "fine EUR 1200.5"
    assert str(parse("una multa de 5.000 euros", lang="es")) == "fine EUR 5000"
    assert str(parse("2,5 años de prisión", lang="es")) == "custody P2Y6M"


def test_unaccented_spelling_reads_alike() -> None:
    """Words typed without their accents read as the accented ones."""
    accented = parse("dieciséis años de prisión, con suspensión de la pena", lang="es")
    assert parse("dieciseis años de prision, con suspension de la pena", lang="es") == accented


# ── running text ────────────────────────────────────────────────────────────────────────────

PARAGRAPH = (
    "La Audiencia Provincial ha condenado a un hombre de 41 años a seis años de prisión "
    "por un delito de homicidio. Hace tres años el acusado ya había sido detenido. "
    "Su cómplice fue condenada a dos años de prisión, con la pena suspendida durante tres "
    "años, y al pago de una multa de 1.200,50 €. "
    "La Fiscalía pedía para él ocho años de cárcel; el delito se castiga con la pena de "
    "prisión de cinco a diez años."
)


def test_extract_finds_each_penalty_with_exact_offsets() -> None:
    """Each penalty is found once, with its modality; ages and dates give nothing."""
    found = [(m.text, str(m.sentence)) for m in extract(PARAGRAPH, lang="es")]
    assert found == [
        ("seis años de prisión", "imposed: custody P6Y"),
        (
            "fue condenada a dos años de prisión, con la pena suspendida durante tres años, "
            "y al pago de una multa de 1.200,50 €",
            "imposed: custody P2Y suspended=P3Y + fine EUR 1200.5",
        ),
        ("ocho años de cárcel", "potential: custody P8Y"),
        (
            "se castiga con la pena de prisión de cinco a diez años",
            "statutory: custody P5Y..P10Y",
        ),
    ]
    for match in extract(PARAGRAPH, lang="es"):
        assert PARAGRAPH[match.start : match.end] == match.text
    first = extract(PARAGRAPH, lang="es")[0]
    assert (first.start, first.end) == (PARAGRAPH.index("seis años"), PARAGRAPH.index(" por"))


@pytest.mark.parametrize(
    "text",
    [
        "Hace tres años se mudó a Sevilla.",
        "Un hombre de 41 años resultó herido.",
        "Tras pasar siete años en prisión, salió en libertad.",
        "Estuvo dos años en prisión provisional.",
        "La investigación duró tres meses.",
    ],
)
def test_extract_leaves_numbers_that_are_no_penalty(text: str) -> None:
    """Ages, dates, time already spent and pre-trial detention are no sentence."""
    assert extract(text, lang="es") == []
