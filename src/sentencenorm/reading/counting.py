"""How many counts a clause states, for a term it gives "on each count".

MODEL.md: "Each" and "on each count" give the number of counts stated in the clause, or null.
"Pleading guilty to two misdemeanor charges, he was given a year in jail on each charge" is a
year's custody twice; with no number of counts in the clause the count stays unknown.
"""

from __future__ import annotations

import attrs

from ..language.lexicon import Lexicon
from ..model import Custody
from ..sentence import Sentence
from .context import Context, Slice
from .neighbours import CLAUSE_END

__all__ = ["counted", "counts_in_clause"]


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


def counted(sentence: Sentence, counts: int) -> Sentence:
    """*sentence* with its custodial terms of unknown count given *counts*."""
    components = tuple(
        attrs.evolve(component, count=counts)
        if isinstance(component, Custody) and component.count is None
        else component
        for component in sentence.components
    )
    return attrs.evolve(sentence, components=components)
