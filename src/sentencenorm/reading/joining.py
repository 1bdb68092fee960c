"""The rules on a phrase's items and joiners before its parts are read (the corpus of named
rules in `sentencenorm.reading.rules` runs after them): one length written across a joiner,
and the commas of a list that ends in "or".
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from .parts import COMMA_OR, Item, Joiner, joined_length

__all__ = ["BEFORE_READING", "compound_durations", "or_lists"]


def or_lists(joiners: Sequence[Joiner | None]) -> list[Joiner | None]:
    """ "16 months, 2 years, or 3 years": the commas of a list that ends in "or" are "or"s."""
    marked = list(joiners)
    for index in range(len(marked) - 1, -1, -1):
        joiner = marked[index]
        if joiner is not None and joiner.alternative:
            back = index - 1
            while back >= 0 and (found := marked[back]) is not None and found.comma:
                marked[back] = COMMA_OR
                back -= 1
    return marked


def compound_durations(
    items: Sequence[Item], joiners: Sequence[Joiner]
) -> tuple[list[Item], list[Joiner]]:
    """ "2 years and 6 months in prison", "a year and a day": one length across a joiner."""
    merged_items, merged_joiners = [items[0]], []
    for joiner, item in zip(joiners, items[1:], strict=True):
        previous = merged_items[-1]
        core = joined_length(previous, joiner, item)
        if core is not None:
            merged_items[-1] = Item(
                (*previous.elements[:-1], core, *item.elements[1:]), previous.pos
            )
            continue
        merged_items.append(item)
        merged_joiners.append(joiner)
    return merged_items, merged_joiners


#: The rules on items and joiners before parts are read, in order (for the fixture check).
BEFORE_READING: Final = (compound_durations, or_lists)
