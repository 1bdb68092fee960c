"""Spanish phrase fixtures: tests/fixtures/es/<family>.txt, read with ``lang="es"``.

Same format and rules as the English fixtures (tests/helpers.py): each case asserts
``str(parse(phrase, lang="es")) == expected`` or, for ``=> !``, a `SentenceParseError`.
Also: grammar/es.lark builds as strict LALR, and `extract` reads a Spanish paragraph with
exact offsets while leaving ages and dates alone.
"""

from __future__ import annotations

import pytest

from sentencenorm import extract, parse


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
