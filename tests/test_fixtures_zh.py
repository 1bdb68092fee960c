"""Chinese phrase fixtures: tests/fixtures/zh/<family>.txt, read with ``lang="zh"``.

Same format and rules as the English fixtures (tests/helpers.py): each case asserts
``str(parse(phrase, lang="zh")) == expected`` or, for ``=> !``, a `SentenceParseError`.
"""

from __future__ import annotations

import pytest
from helpers import FIXTURES, Case, fixture_files, load_cases, read_cases
from lark import Lark

from sentencenorm import SentenceParseError, parse
from sentencenorm.grammars import grammar_path, options

FAMILIES = (
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
)
MIN_POSITIVE = 8
MIN_NEGATIVE = 1

CASES = load_cases("zh")
POSITIVE = [case for case in CASES if not case.negative]
NEGATIVE = [case for case in CASES if case.negative]


def _ids(cases: list[Case]) -> list[str]:
    return [case.id for case in cases]


@pytest.mark.parametrize("case", POSITIVE, ids=_ids(POSITIVE))
def test_phrase_reads_as_expected(case: Case) -> None:
    """The phrase reads to exactly its canonical value."""
    assert str(parse(case.phrase, lang="zh", jurisdiction=case.jurisdiction)) == case.expected


@pytest.mark.parametrize("case", NEGATIVE, ids=_ids(NEGATIVE))
def test_phrase_is_refused(case: Case) -> None:
    """A phrase that means nothing exact is refused with SentenceParseError."""
    with pytest.raises(SentenceParseError):
        parse(case.phrase, lang="zh", jurisdiction=case.jurisdiction)


@pytest.mark.parametrize("case", POSITIVE, ids=_ids(POSITIVE))
def test_expected_value_is_canonical_notation(case: Case) -> None:
    """The expected value is itself canonical notation (parse reads it back unchanged)."""
    assert case.expected is not None
    assert str(parse(case.expected, lang="zh")) == case.expected


def test_every_family_has_a_file() -> None:
    """Each phrase family has its fixture file, and no file is outside the list."""
    assert {path.stem for path in fixture_files("zh")} == set(FAMILIES)


@pytest.mark.parametrize("family", FAMILIES)
def test_family_has_positives_and_negatives(family: str) -> None:
    """Every family shows what it reads and what it refuses."""
    cases = read_cases(FIXTURES / "zh" / f"{family}.txt")
    assert sum(not case.negative for case in cases) >= MIN_POSITIVE
    assert sum(case.negative for case in cases) >= MIN_NEGATIVE


def test_grammar_is_conflict_free() -> None:
    """grammar/zh.lark builds as strict LALR: no conflicts, no lexer collisions."""
    Lark.open(grammar_path("zh"), **options(strict=True))


def test_simplified_and_traditional_read_alike() -> None:
    """Traditional characters and inserted pinyin readings change nothing."""
    simplified = parse("判处死刑，缓期二年执行", lang="zh")
    assert parse("判處死刑，緩期二年執(zhí)行", lang="zh") == simplified


def test_pinyin_reading_offsets_in_errors_point_into_the_text_as_given() -> None:
    """An error after an inserted pinyin reading reports the column of the text as given."""
    with pytest.raises(SentenceParseError) as info:
        parse("拘役兩個(gè)月零", lang="zh")
    assert info.value.column == len("拘役兩個(gè)月零") - 1 or info.value.column == len(
        "拘役兩個(gè)月零"
    )
