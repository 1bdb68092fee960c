"""lang="auto": the grammar is picked from the script and the sentencing vocabulary."""

from __future__ import annotations

import pytest

from sentencenorm import extract, parse
from sentencenorm.reading.detect import detect_language
from sentencenorm.reading.grammars import available_languages

CASES = [
    ("判处有期徒刑十五年", "zh"),
    ("判處死刑，緩期二年執行", "zh"),
    ("six months to 10 years", "en"),
    ("", "en"),
    ("12345", "en"),
    ("Freiheitsstrafe von zwei Jahren und sechs Monaten", "de"),
    ("cinq ans d'emprisonnement avec sursis", "fr"),
    ("seis años de prisión", "es"),
    ("cinque anni di reclusione", "it"),
    ("condannato all'ergastolo", "it"),
]


@pytest.mark.parametrize(("text", "lang"), CASES)
def test_detect_language(text: str, lang: str) -> None:
    """Chinese by its script, the others by their words; English when nothing says."""
    if lang not in available_languages():
        pytest.skip(f"no {lang} grammar yet")
    assert detect_language(text) == lang


def test_parse_and_extract_accept_auto() -> None:
    """parse and extract read with the detected grammar."""
    assert str(parse("有期徒刑十五年", lang="auto")) == "custody P15Y"
    assert str(parse("fifteen years", lang="auto")) == "custody P15Y"
    [match] = extract("他被判处有期徒刑十五年。", lang="auto")
    assert str(match.sentence) == "imposed: custody P15Y"
