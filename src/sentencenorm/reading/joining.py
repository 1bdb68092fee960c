"""The rules on a phrase's items and joiners before its parts are read (the corpus of named
rules in `sentencenorm.reading.rules` runs after them): one length written across a joiner,
and the commas of a list that ends in "or".
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

import attrs

from ..language.roles import Joins
from ..model import LIFE, Component, Custody, Life
from .parts import COMMA_OR, Item, Joiner, joined_length

__all__ = ["BEFORE_READING", "compound_durations", "merged_tiers", "or_lists"]


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


def merged_tiers(
    components: Sequence[Component], joiners: Sequence[Joiner | None]
) -> tuple[Component, ...] | None:
    """Tiers of one shape offered across ", or", each with the penalty its 并处 adds: "三年以下有期
    徒刑或者拘役，并处罚金，或三年以上七年以下有期徒刑，并处罚金" is custody ..P7Y with a fine
    (MODEL.md: alternatives of one kind and shape merge into one range). Whichever way ", or"
    groups, such tiers mean the same; None when they differ in shape or do not merge.
    """
    tiers: list[list[Component]] = [[components[0]]]
    for joiner, penalty in zip(joiners[1:], components[1:], strict=True):
        if joiner is None or joiner.hard:
            return None
        if joiner.alternative:
            if Joins.COMMA not in joiner.roles:
                return None
            tiers.append([penalty])
        elif {Joins.OTHER, Joins.ALSO} & set(joiner.roles):
            tiers[-1].append(penalty)
        else:
            return None
    shapes = {tuple(penalty.kind for penalty in tier) for tier in tiers}
    if len(tiers) < 2 or len(shapes) != 1 or len(tiers[0]) < 2:
        return None
    merged: list[Component] = []
    for same in zip(*tiers, strict=True):
        one = _merged(list(same))
        if one is None:
            return None
        merged.append(one)
    return tuple(merged)


def _merged(penalties: list[Component]) -> Component | None:
    """One component for the same penalty in every tier: equal ones, or one range of terms."""
    if all(penalty == penalties[0] for penalty in penalties):
        return penalties[0]
    terms = [p for p in penalties if isinstance(p, Custody)]
    if len(terms) != len(penalties) or any(
        t.count != 1 or t.suspended or t.aggregation or t.regime != terms[0].regime for t in terms
    ):
        return None
    low = _extreme([t.min for t in terms], smallest=True)
    high = _extreme([t.max for t in terms], smallest=False)
    if low is _UNTOLD or high is _UNTOLD:
        return None
    return attrs.evolve(terms[0], min=low, max=high)


_UNTOLD: Final = object()


def _extreme(bounds: list[Any], *, smallest: bool) -> Any:
    """The least (or greatest) of the tiers' bounds; an unstated one leaves it unstated, and life
    tops any term."""
    if not smallest and any(isinstance(bound, Life) for bound in bounds):
        return LIFE
    if any(bound is None or isinstance(bound, Life) for bound in bounds):
        return None if any(bound is None for bound in bounds) else _UNTOLD
    best = bounds[0]
    for bound in bounds[1:]:
        order = bound.compare(best)
        if order is None:
            return _UNTOLD
        if (order < 0) if smallest else (order > 0):
            best = bound
    return best


#: The rules on items and joiners before parts are read, in order (for the fixture check).
BEFORE_READING: Final = (compound_durations, or_lists)
