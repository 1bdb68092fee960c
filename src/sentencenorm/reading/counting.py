"""How many counts a clause states, for a term it gives "on each count".

MODEL.md: "Each" and "on each count" give the number of counts stated in the clause, or null.
"Pleading guilty to two misdemeanor charges, he was given a year in jail on each charge" is a
year's custody twice; with no number of counts in the clause the count stays unknown.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

import attrs
from lark import Token

from ..language.lexicon import Lexicon
from ..language.roles import Says, role
from ..model import Custody
from ..sentence import Sentence
from .context import Context, Slice
from .neighbours import CLAUSE_END
from .parts import Item
from .pieces import per_conviction

__all__ = ["counted", "counts_in_clause", "each_counted", "in_clause", "per_each"]

#: What separates the offences of a list ("5(l) and 5(j)", "376, 323 & 506").
_LIST_SEPARATOR: Final = re.compile(r"\s*(?:,\s*(?:and\b|&)?|\band\b|&)\s*")


def counts_in_clause(context: Context, lexicon: Lexicon, before: Slice) -> int | None:
    """The number of counts the clause before a phrase states, the nearest first; None when
    it states none (or one: a single count needs no "each")."""
    pattern = context.counts_stated
    if pattern is None:
        return None
    text = before.text
    stop = max((found.end() for found in CLAUSE_END.finditer(text)), default=0)
    last = None
    for found in pattern.finditer(text, before.lowered, stop):
        last = found  # the nearest to the phrase
    if last is None:
        return None
    words = last.group(1)  # the figure or the number words
    try:
        value = int(words) if words.isdigit() else lexicon.number(words)
    except (KeyError, ValueError):
        return None
    return value if value > 1 else None


def counted(sentence: Sentence, counts: int | None, replacing: int | None = None) -> Sentence:
    """*sentence* with its custodial terms of count *replacing* (unknown by default) given
    *counts*."""
    components = tuple(
        attrs.evolve(component, count=counts)
        if isinstance(component, Custody) and component.count == replacing
        else component
        for component in sentence.components
    )
    return attrs.evolve(sentence, components=components)


def per_each(item: Item) -> bool:
    """A term given "each" with no count named ("twenty years each", "a year each")."""
    return any(isinstance(e, Token) and Says.EACH in role(e.type).says for e in item.elements)


def each_counted(
    context: Context, lexicon: Lexicon, sentence: Sentence, before: Slice, after: Slice
) -> Sentence:
    """*sentence*, given "each", with one custodial term per count when the clause states the
    counts before it or lists the offences right after it; else as it was (one per defendant:
    "two men were jailed for eight years each")."""
    stated = counts_in_clause(context, lexicon, before)
    if stated is None and context.counts_listed is not None:
        listed = context.counts_listed.match(after.text, after.lowered)
        if listed is not None:
            stated = len([p for p in _LIST_SEPARATOR.split(listed.group(1)) if p])
    if stated is None and context.counts_after_each is not None:
        named = context.counts_after_each.match(after.text, after.lowered)
        if named is not None and named.group(1) is None and named.group(2) is None:
            return counted(sentence, None, replacing=1)  # "each | of the fraud convictions"
        stated = None if named is None else _counts_named(named, lexicon)
    if stated is None or stated < 2:
        return sentence
    return counted(sentence, stated, replacing=1)


def in_clause(
    context: Context,
    lexicon: Lexicon,
    sentence: Sentence,
    items: Sequence[Item],
    around: tuple[Slice, Slice],
) -> Sentence:
    """*sentence* with the counts its clause states, where its items give a term per count
    ("two charges … a year in jail on each charge") or per "each" ("twenty years each, under
    ss 5 and 7"); unchanged otherwise."""
    before, after = around
    if any(per_conviction(item) for item in items):
        stated = counts_in_clause(context, lexicon, before)
        return counted(sentence, stated) if stated else sentence
    if any(per_each(item) for item in items):
        return each_counted(context, lexicon, sentence, before, after)
    return _opened_counted(context, lexicon, sentence, before)


def _opened_counted(
    context: Context, lexicon: Lexicon, sentence: Sentence, before: Slice
) -> Sentence:
    """*sentence* with one custodial term per count when its clause opens on the counts each
    is given on ("On each of counts 1 and 3 he was sentenced to | 15 years"); else as it was."""
    pattern = context.counts_opened
    found = None if pattern is None else pattern.search(before.text, before.lowered)
    if found is None:
        return sentence
    if found.group(1) is None and found.group(2) is None:
        return counted(sentence, None, replacing=1)  # "On each count, he faces": unknown
    stated = _counts_named(found, lexicon)
    if stated is None or stated < 2:
        return sentence
    return counted(sentence, stated, replacing=1)


def _counts_named(found: re.Match[str], lexicon: Lexicon) -> int | None:
    """How many counts *found* names: its first group lists them ("1 and 3"), its second
    numbers them ("four", "2"); None when the number cannot be read."""
    listed, number = found.group(1), found.group(2)
    if listed is not None:
        return len([p for p in _LIST_SEPARATOR.split(listed) if p])
    try:
        return int(number) if number.isdigit() else lexicon.number(number)
    except (KeyError, ValueError):
        return None
