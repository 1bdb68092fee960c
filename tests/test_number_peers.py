"""Numbers as other libraries write them, read in custody and fine phrases (issue 16).

num2words spells every number the way its authors and users expect in English, German and
French; this test puts its spellings (and the variants writers use: no hyphens, no commas)
into sentencing phrases and holds the reader to no wrong value and at least 99% read. Years
run 1..150; amounts a fixed sample up to ten million and some billions, millions with a
remainder among them ("two million two hundred thousand dollars", "zwei Millionen
zweihunderttausend Euro", "deux millions deux cent mille euros").
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator, Sequence

import pytest

from sentencenorm import parse
from sentencenorm.errors import SentenceParseError

num2words = pytest.importorskip("num2words").num2words

Expected = Callable[[int], str]

#: (language, phrase with {} for the number, what it must read as)
YEARS: tuple[tuple[str, str, Expected], ...] = (
    ("en", "{} years in prison", lambda n: f"custody P{n}Y"),
    ("de", "Freiheitsstrafe von {} Jahren", lambda n: f"custody P{n}Y"),
    ("fr", "{} ans d'emprisonnement", lambda n: f"custody P{n}Y"),
)
AMOUNTS: tuple[tuple[str, str, Expected], ...] = (
    ("en", "a fine of {} dollars", lambda n: f"fine USD {n}"),
    ("de", "Geldstrafe von {} Euro", lambda n: f"fine EUR {n}"),
    ("fr", "une amende de {} euros", lambda n: f"fine EUR {n}"),
)


def _amounts() -> list[int]:
    picked = random.Random(16)  # a fixed sample: the same numbers every run
    return sorted(
        {*range(2, 200), *(picked.randint(200, 10**7) for _ in range(300))}
        | {1000, 1001, 1100, 21000, 100_000, 999_999, 1_000_000, 1_500_000, 2_200_000}
        # billions with a remainder, round millions among them ("un milliard vingt-cinq
        # millions"): tests/test_number_peers_suites.py
        | {*(picked.randint(10**9, 10**12) for _ in range(40)), 1_000_000_001, 1_025_000_000}
    )


def _spellings(number: int, lang: str) -> Iterator[str]:
    spelled = num2words(number, lang=lang)
    yield spelled
    yield spelled.replace(",", "")
    if lang == "en":
        yield spelled.replace("-", " ")


@pytest.mark.parametrize(
    ("lang", "template", "expected", "numbers"),
    [(*case, range(1, 151)) for case in YEARS] + [(*case, _amounts()) for case in AMOUNTS],
    ids=[f"{lang}-years" for lang, *_ in YEARS] + [f"{lang}-amounts" for lang, *_ in AMOUNTS],
)
def test_no_wrong_value_and_nearly_all_read(
    lang: str, template: str, expected: Expected, numbers: Sequence[int]
) -> None:
    wrong: list[tuple[str, str]] = []
    refused: list[str] = []
    total = 0
    for number in numbers:
        for spelled in set(_spellings(number, lang)):
            total += 1
            phrase = template.format(spelled)
            try:
                got = str(parse(phrase, lang=lang))
            except SentenceParseError:
                refused.append(phrase)
                continue
            if got != expected(number):
                wrong.append((phrase, got))
    assert not wrong, wrong[:5]
    assert len(refused) <= total // 100, refused[:5]


@pytest.mark.parametrize(
    ("lang", "phrase", "expected"),
    [
        ("en", "a fine of two million two hundred thousand dollars", "fine USD 2200000"),
        ("en", "a fine of a million dollars", "fine USD 1000000"),
        ("de", "Geldstrafe von zwei Millionen zweihunderttausend Euro", "fine EUR 2200000"),
        ("de", "Geldstrafe von einer Million Euro", "fine EUR 1000000"),
        ("fr", "une amende de deux millions deux cent mille euros", "fine EUR 2200000"),
        ("fr", "une amende d'un euro", "fine EUR 1"),
    ],
)
def test_the_issue_s_examples(lang: str, phrase: str, expected: str) -> None:
    assert str(parse(phrase, lang=lang)) == expected


@pytest.mark.parametrize(
    ("lang", "phrase"),
    [("de", "hundert fünfzehn Tage"), ("de", "zwei fünf Jahre"), ("en", "two five years")],
)
def test_two_numbers_in_a_row_count_nothing(lang: str, phrase: str) -> None:
    # "hundert fünfzehn Tage" is a mis-spaced 115 days, never 100 terms of 15 days.
    with pytest.raises(SentenceParseError):
        parse(phrase, lang=lang)
