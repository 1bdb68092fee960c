"""What the lexicon says single words of a phrase's part mean, beside their terminals.

Each question reads the language's lexicon (``data/lexicon/<lang>.toml``) against the tokens
of one item, so that a word's meaning stays data: "the maximum" is the law's own bound, "his
life" a person's own, "an extended sentence" a sum of custody and licence.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Final

from lark import Token

from ..language import Lexicon
from ..language.lexicon import fold
from ..language.roles import Group, Says, role
from ..model.labels import other_label
from .parts import Count

__all__ = [
    "CORPORAL_UNITS",
    "custodial",
    "definite",
    "ends_counted",
    "own_life",
    "repaid_only",
    "summed",
    "totalled",
]


def summed(elements: Sequence[object], lexicon: Lexicon) -> bool:
    """Whether the words name a sentence whose length sums custody and licence."""
    if not lexicon.summed_sentences:
        return False
    words = [fold(e.value) for e in elements if isinstance(e, Token)]
    return any(
        " ".join(words[start : start + size]) in lexicon.summed_sentences
        for size in (2, 3)
        for start in range(len(words) - size + 1)
    )


def own_life(elements: Sequence[object], index: int, lexicon: Lexicon) -> bool:
    """Whether "life" at *index* is a person's own: a possessive right before it and no word
    after it in the part ("two years of his life", not "his life sentence")."""
    if not index or index + 1 < len(elements) or not lexicon.possessives:
        return False
    before = elements[index - 1]
    return (
        isinstance(before, Token)
        and role(before.type).group is Group.DETERMINER
        and fold(before.value) in lexicon.possessives
    )


def definite(elements: Sequence[object], index: int, lexicon: Lexicon) -> bool:
    """Whether the bound word at *index* follows a definite article, adjectives between:
    "the (statutory) maximum"."""
    for element in reversed(elements[:index]):
        if not isinstance(element, Token):
            return False
        if Says.NEUTRAL in role(element.type).says:
            continue  # "the statutory maximum"
        return role(element.type).group is Group.DETERMINER and (
            fold(element.value) in lexicon.definite_articles
        )
    return False


def totalled(elements: Sequence[object], lexicon: Lexicon) -> tuple[bool, bool]:
    """For a part named the sum of others ("a total of 56 years on four counts", "ran
    everything concurrently for a total term of 32 months"): whether the counts it is given
    after that word, and the aggregation words all before it, are its parts' (a total is one
    term, as stated)."""
    at = next(
        (
            index
            for index, e in enumerate(elements)
            if isinstance(e, Token)
            and Says.NEUTRAL in role(e.type).says
            and fold(e.value) in lexicon.total_words
        ),
        None,
    )
    if at is None:
        return False, False
    counted = any(
        (isinstance(e, Count) and e.per_conviction)
        or (isinstance(e, Token) and Says.EACH_COUNT in role(e.type).says)
        for e in elements[at:]
    )
    aggregated = [
        index
        for index, e in enumerate(elements)
        if isinstance(e, Token) and Says.AGGREGATION in role(e.type).says
    ]
    return counted, bool(aggregated) and max(aggregated) < at


def repaid_only(elements: Sequence[object]) -> bool:
    """Whether a verb of paying back is the only word of the part that names its kind ("ordered
    to repay £745"; "to pay back £59,816.24 in compensation" names it in words)."""
    named = [role(e.type).says for e in elements if isinstance(e, Token) and role(e.type).kind]
    return bool(named) and all(Says.REPAID in says for says in named)


@functools.cache
def custodial(label: str) -> bool:
    """Whether the `other` penalty *label* is itself a term of custody (data/labels.toml)."""
    found = other_label(label)
    return found is not None and found.custodial


#: The units a count before a label counts (data/labels.toml: caning's strokes; not lashes:
#: "3 lashings" is no flogging).
CORPORAL_UNITS: Final = frozenset({"strokes"})


def ends_counted(elements: Sequence[object]) -> bool:
    """Whether the part ends in a count and the one word after it ("one whipping")."""
    return (
        len(elements) >= 2 and isinstance(elements[-2], Count) and isinstance(elements[-1], Token)
    )
