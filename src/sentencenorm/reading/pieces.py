"""What `extract` asks of a phrase's tokens and items: where pieces begin and end, whether
they state a core or a bound, and what a bound says under "not".

Split from `sentencenorm.reading.extractor` so each module stays readable; nothing here
knows a language's words (roles and the lexicon do).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs
from lark import Token

from ..language.roles import AUX, Group, Says, role
from ..model import Component, Modality
from ..sentence import Sentence
from .parts import Core, Count, Draft, Item

__all__ = [
    "denied_bounds",
    "end_before",
    "has_core",
    "has_token",
    "has_verb",
    "is_bare_term",
    "is_det",
    "is_link",
    "item_start",
    "may_end",
    "off_cue",
    "per_conviction",
    "shift",
    "states_bound",
]


def off_cue(kind: str | None, piece: Draft, cued: bool, sentence: Sentence) -> bool:
    """Whether the cue outside the phrase ("fined the company") says a *kind* that some
    component of the sentence it introduces is not."""
    if kind is None or not cued or piece.cue is not None:
        return False
    return any(component.kind != kind for component in sentence.components)


def denied_bounds(sentence: Sentence) -> Sentence | None:
    """What a bound says under "not": "cannot impose more than two years" is at most two
    years, "may not be less than five" at least five (a limit the law sets: statutory). None
    when some penalty states no single bound to turn ("not sentenced to 5 to 10 years")."""
    turned: list[Component] = []
    for penalty in sentence.components:
        if not hasattr(penalty, "min"):  # no bounds to turn: "and a fine", death
            turned.append(penalty)
            continue
        bounded: Any = penalty
        if (bounded.min is None) == (bounded.max is None):
            return None
        turned.append(attrs.evolve(bounded, min=bounded.max, max=bounded.min))
    return Sentence(tuple(turned), modality=Modality.STATUTORY, text=sentence.text)


def states_bound(tokens: Sequence[Token]) -> bool:
    """Whether a word of the phrase is a bound or a range ("more than", "up to", "not
    exceeding", "the maximum")."""
    return any(
        (found := role(token.type)).group is Group.RANGE or found.says & {Says.MIN, Says.MAX}
        for token in tokens
    )


def has_verb(tokens: Sequence[Token]) -> bool:
    """A cue with a verb ("was sentenced to", "faces"), not a bare "is" or "was"."""
    return any(role(token.type).group is Group.CUE and token.type != AUX for token in tokens)


def per_conviction(item: Item) -> bool:
    """Terms stated per count ("death on each of two counts"): the expression ends there, and
    what follows ("and life imprisonment on the third") is a sentence of its own."""
    return any(
        (isinstance(e, Count) and e.per_conviction)
        or (isinstance(e, Token) and Says.EACH_COUNT in role(e.type).says)
        for e in item.elements
    )


def has_token(item: Item, kind: str) -> bool:
    return any(isinstance(e, Token) and e.type == kind for e in item.elements)


def is_bare_term(item: Item) -> bool:
    """An item that is a length and nothing else: "4年半" in "监禁3年和4年半"."""
    return len(item.elements) == 1 and isinstance(item.elements[0], Core)


def has_core(item: Item) -> bool:
    return any(isinstance(e, Core | Count) for e in item.elements)


def is_det(element: object) -> bool:
    if not isinstance(element, Token):
        return False
    found = role(element.type)
    return found.group is Group.DETERMINER or Says.POSSESSOR in found.says


def is_link(token: Token) -> bool:
    found = role(token.type)
    return found.group is Group.LINK and not found.possessive


def item_start(item: Item, tokens: Sequence[Token], start: int) -> int:
    """Where an item begins in the document, its cue included."""
    begin = start + item.pos
    index = next((i for i, t in enumerate(tokens) if (t.start_pos or 0) >= begin), len(tokens))
    while index > 0 and role(tokens[index - 1].type).group is Group.CUE:
        index -= 1
    return tokens[index].start_pos or begin if index < len(tokens) else begin


def end_before(tokens: Sequence[Token], begin: int) -> int:
    """The end of the last token before the joiner that precedes offset *begin*."""
    index = next((i for i, t in enumerate(tokens) if (t.start_pos or 0) >= begin), len(tokens))
    while index > 0 and role(tokens[index - 1].type).group in {Group.JOINER, Group.DROPPED}:
        index -= 1
    return tokens[index - 1].end_pos or begin if index > 0 else begin


def may_end(token: Token) -> bool:
    return role(token.type).ends


def shift(token: Token, offset: int) -> Token:
    shifted = Token(token.type, token.value, (token.start_pos or 0) + offset)
    shifted.end_pos = (token.end_pos or 0) + offset
    return shifted
