"""Phrase fixtures of the languages after English: tests/fixtures/<lang>/<family>.txt.

Same format and rules as the English fixtures (tests/helpers.py, tests/test_fixtures_en.py):
each case asserts ``str(parse(phrase, lang=L)) == expected`` or, for ``=> !``, a
`SentenceParseError` (that each language's grammar builds as strict LALR is
tests/test_grammars.py's). What only one language
needs (its number words, figures, running text) is tested in tests/test_fixtures_<lang>.py.
"""

from __future__ import annotations

import pytest
from helpers import FIXTURES, Case, fixture_files, load_cases, read_cases

from sentencenorm import SentenceParseError, parse

_EUROPEAN = (
    "numbers",
    "ranges",
    "bounds",
    "life",
    "suspension",
    "money",
    "modality",
    "combinations",
)
#: lang -> (phrase families, least positive cases per family, least negative cases)
LANGUAGES: dict[str, tuple[tuple[str, ...], int, int]] = {
    "de": (_EUROPEAN, 10, 3),
    "es": (_EUROPEAN, 10, 3),
    "fr": (_EUROPEAN, 10, 3),
    "it": (_EUROPEAN, 10, 3),
    "zh": (
        (
            "numbers",
            "units",
            "ranges",
            "life",
            "death",
            "suspension",
            "money",
            "combinations",
            "modality",
            "text_variants",
            "several",
            "orders",
            "labels",
            "detention",
        ),
        8,
        1,
    ),
}

CASES = [(lang, case) for lang in LANGUAGES for case in load_cases(lang)]
POSITIVE = [(lang, case) for lang, case in CASES if not case.negative]
NEGATIVE = [(lang, case) for lang, case in CASES if case.negative]


def _ids(cases: list[tuple[str, Case]]) -> list[str]:
    return [f"{lang}/{case.id}" for lang, case in cases]


@pytest.mark.parametrize(("lang", "case"), POSITIVE, ids=_ids(POSITIVE))
def test_phrase_reads_as_expected(lang: str, case: Case) -> None:
    """The phrase reads to exactly its canonical value."""
    assert str(parse(case.phrase, lang=lang, jurisdiction=case.jurisdiction)) == case.expected


@pytest.mark.parametrize(("lang", "case"), NEGATIVE, ids=_ids(NEGATIVE))
def test_phrase_is_refused(lang: str, case: Case) -> None:
    """A phrase that means nothing exact is refused with SentenceParseError."""
    with pytest.raises(SentenceParseError):
        parse(case.phrase, lang=lang, jurisdiction=case.jurisdiction)


@pytest.mark.parametrize(("lang", "case"), POSITIVE, ids=_ids(POSITIVE))
def test_expected_value_is_canonical_notation(lang: str, case: Case) -> None:
    """The expected value is itself canonical notation (parse reads it back unchanged)."""
    assert case.expected is not None
    assert str(parse(case.expected, lang=lang)) == case.expected


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_family_has_a_file(lang: str) -> None:
    """Each phrase family has its fixture file, and no file is outside the list."""
    assert {path.stem for path in fixture_files(lang)} == set(LANGUAGES[lang][0])


@pytest.mark.parametrize(
    ("lang", "family"), [(lang, family) for lang, spec in LANGUAGES.items() for family in spec[0]]
)
def test_family_has_positives_and_negatives(lang: str, family: str) -> None:
    """Every family shows what it reads and what it refuses."""
    _, least_positive, least_negative = LANGUAGES[lang]
    cases = read_cases(FIXTURES / lang / f"{family}.txt")
    positives = sum(not case.negative for case in cases)
    negatives = sum(case.negative for case in cases)
    assert positives >= least_positive, f"{lang}/{family}: {positives} positive cases"
    assert negatives >= least_negative, f"{lang}/{family}: {negatives} negative cases"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_phrase_is_listed_twice_in_one_family(lang: str) -> None:
    """A phrase appears once per family file."""
    seen: dict[tuple[str, str, str | None], str] = {}
    for case in load_cases(lang):
        key = (case.file, case.phrase, case.jurisdiction)
        assert key not in seen, f"{case.id} repeats {seen[key]}"
        seen[key] = case.id
