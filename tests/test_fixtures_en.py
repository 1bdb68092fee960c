"""English phrase fixtures: tests/fixtures/en/<family>.txt, one file per phrase family.

Each case asserts ``str(parse(phrase, jurisdiction=...)) == expected`` (the canonical
notation) or, for ``=> !``, that `parse` raises `SentenceParseError`. The format is described
in tests/helpers.py. pending.txt holds cases the parser does not meet yet: it is checked for
format only (its failures are listed in /work/notes/fixture-failures.md).
"""

from __future__ import annotations

import pytest
from helpers import (
    FIXTURES,
    PENDING,
    Case,
    FixtureFormatError,
    fixture_files,
    load_cases,
    parse_cases,
    read_cases,
)

from sentencenorm import SentenceParseError, parse

FAMILIES = (
    "numbers",
    "units",
    "compound",
    "ranges",
    "bounds",
    "life",
    "death",
    "suspension",
    "counts",
    "combinations",
    "money",
    "supervision",
    "modality",
    "other",
    "text_variants",
)
MIN_POSITIVE = 12
MIN_NEGATIVE = 4

CASES = load_cases("en")
POSITIVE = [case for case in CASES if not case.negative]
NEGATIVE = [case for case in CASES if case.negative]


def _ids(cases: list[Case]) -> list[str]:
    return [case.id for case in cases]


@pytest.mark.parametrize("case", POSITIVE, ids=_ids(POSITIVE))
def test_phrase_reads_as_expected(case: Case) -> None:
    assert str(parse(case.phrase, jurisdiction=case.jurisdiction)) == case.expected


@pytest.mark.parametrize("case", NEGATIVE, ids=_ids(NEGATIVE))
def test_phrase_is_refused(case: Case) -> None:
    with pytest.raises(SentenceParseError):
        parse(case.phrase, jurisdiction=case.jurisdiction)


@pytest.mark.parametrize("case", POSITIVE, ids=_ids(POSITIVE))
def test_expected_value_is_canonical_notation(case: Case) -> None:
    # Guards the fixtures themselves: "custody P18M" would never match, "P1Y6M" does.
    assert case.expected is not None
    assert str(parse(case.expected)) == case.expected


# ── the fixture set itself ────────────────────────────────────────────────────────────────────


def test_every_family_has_a_file() -> None:
    names = {path.stem for path in fixture_files("en")}
    assert names == set(FAMILIES)


@pytest.mark.parametrize("family", FAMILIES)
def test_family_is_broad_enough(family: str) -> None:
    cases = read_cases(FIXTURES / "en" / f"{family}.txt")
    positives = sum(not case.negative for case in cases)
    negatives = sum(case.negative for case in cases)
    assert positives >= MIN_POSITIVE, f"{family}: {positives} positive cases"
    assert negatives >= MIN_NEGATIVE, f"{family}: {negatives} negative cases"


def test_no_phrase_is_listed_twice_in_one_family() -> None:
    # Across families a phrase may recur ("25-to-life" is both a unit form and a life term).
    seen: dict[tuple[str, str, str | None], str] = {}
    for case in CASES:
        key = (case.file, case.phrase, case.jurisdiction)
        assert key not in seen, f"{case.id} repeats {seen[key]}"
        seen[key] = case.id


def test_pending_is_well_formed_and_not_run() -> None:
    (pending,) = fixture_files("en", pending=True)
    assert pending.name == PENDING
    cases = read_cases(pending)
    assert cases, "pending.txt is empty: remove it"
    assert all(case.file == PENDING for case in cases)
    assert not any(case.file == PENDING for case in CASES)


def test_files_are_utf8_with_literal_special_characters() -> None:
    text = (FIXTURES / "en" / "text_variants.txt").read_text(encoding="utf-8")
    for char in "\u00a0\u202f\u2019\u2013\u2011":
        assert char in text, f"U+{ord(char):04X} missing from text_variants.txt"


# ── the loader ───────────────────────────────────────────────────────────────────────────────


def test_loader_reads_metadata_comments_and_negatives() -> None:
    cases = parse_cases(
        "-- header\n\n-- note\n# jurisdiction: AU\n$500\n=> fine AUD 500\n\nsince 2012\n=> !\n",
        name="t.txt",
    )
    assert [(c.id, c.phrase, c.expected, c.jurisdiction, c.comments) for c in cases] == [
        ("t.txt:5", "$500", "fine AUD 500", "AU", ("note",)),
        ("t.txt:8", "since 2012", None, None, ()),
    ]


def test_loader_keeps_the_phrase_exactly() -> None:
    (case,) = parse_cases("  10\u00a0years’\n=> custody P10Y\n", name="t.txt")
    assert case.phrase == "  10\u00a0years’"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("10 years\n\n=> custody P10Y\n", "has no '=>' line"),
        ("10 years\n", "has no '=>' line"),
        ("=> custody P10Y\n", "no phrase line"),
        ("10 years\n11 years\n=> custody P10Y\n", "two phrase lines"),
        ("10 years\n=>\n", "nothing after it"),
        ("# court: high\n10 years\n=> custody P10Y\n", "unknown key"),
        ("# jurisdiction CA\n10 years\n=> custody P10Y\n", "# key: value"),
        ("10 years\n# jurisdiction: CA\n=> custody P10Y\n", "between a phrase"),
        ("10 years\n-- note\n=> custody P10Y\n", "between a phrase"),
        ("10 years\n=> custody P10Y\n# jurisdiction: CA\n", "end of the file"),
    ],
)
def test_loader_rejects_malformed_files(text: str, message: str) -> None:
    with pytest.raises(FixtureFormatError, match=message):
        parse_cases(text, name="t.txt")
