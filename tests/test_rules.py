"""Each named rule of the assembly has its own fixture file, and its cases read as expected.

`sentencenorm.reading.rules` lists the rules in the order they are tried; every one has
``tests/fixtures/rules/<name>.txt`` with positives and negatives (tests/helpers.py format). A
phrase in Chinese is read with lang="zh", every other one in English.
"""

from __future__ import annotations

import re

import pytest
from helpers import FIXTURES, Case, parse_cases

from sentencenorm import SentenceParseError, parse
from sentencenorm.reading import rules

RULE_FILES = FIXTURES / "rules"
NAMED = [rule.__name__ for rule in (*rules.BEFORE_READING, *rules.RULES, *rules.AFTER_READING)]
_HAN = re.compile(r"[\u3400-\u9fff]")


def _cases() -> list[Case]:
    found: list[Case] = []
    for path in sorted(RULE_FILES.glob("*.txt")):
        found += parse_cases(path.read_text(encoding="utf-8"), name=f"rules/{path.name}")
    return found


CASES = _cases()


def test_every_rule_has_a_docstring_and_a_fixture_file() -> None:
    """One file per rule, named after it; no file for a rule that does not exist."""
    files = {path.stem for path in RULE_FILES.glob("*.txt")}
    assert files == set(NAMED)
    for rule in (*rules.BEFORE_READING, *rules.RULES, *rules.AFTER_READING):
        assert rule.__doc__, rule.__name__


@pytest.mark.parametrize("name", NAMED)
def test_every_rule_has_positives_and_negatives(name: str) -> None:
    """At least three cases a file, at least one a positive."""
    cases = [case for case in CASES if case.id.startswith(f"rules/{name}.txt")]
    assert len(cases) >= 3
    assert any(case.expected is not None for case in cases)


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_rule_case_reads_as_expected(case: Case) -> None:
    lang = "zh" if _HAN.search(case.phrase) else "en"
    if case.expected is None:
        with pytest.raises(SentenceParseError):
            parse(case.phrase, lang=lang, jurisdiction=case.jurisdiction)
    else:
        assert str(parse(case.phrase, lang=lang, jurisdiction=case.jurisdiction)) == case.expected


def test_the_rules_for_a_first_part_are_those_that_need_none_before() -> None:
    """FIRST_RULES (tried alone on a phrase's first part) are exactly the rules that can apply
    with no part before: every other one returns None for it."""
    from sentencenorm.reading.items import Part

    alone = Part(pos=0, suspended=True)
    termed = Part(pos=0, kind="custody", has_term=True, plain=True)
    for rule in rules.RULES:
        if rule in rules.FIRST_RULES:
            continue
        assert rule(None, alone, None) is None, rule.__name__
        assert rule(None, termed, None) is None, rule.__name__
    assert set(rules.FIRST_RULES) <= set(rules.RULES)
    for rule in rules.FIRST_RULES:  # they concern a part that only qualifies
        assert rule(None, termed, None) is None, rule.__name__
