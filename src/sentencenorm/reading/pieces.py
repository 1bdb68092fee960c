"""What `extract` asks of a phrase's tokens and items: where pieces begin and end, whether
they state a core or a bound, and what a bound says under "not".

Split from `sentencenorm.reading.extractor` so each module stays readable; nothing here
knows a language's words (roles and the lexicon do).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, Final

import attrs
from lark import Token

from ..language.roles import AUX, COPULA, Group, Says, role
from ..model import Choice, Component, Modality, Other
from ..sentence import Sentence
from .defaults import DEFAULT_TERM
from .parts import Cash, Core, Count, Draft, Item, Joiner

__all__ = [
    "Apart",
    "continues_length",
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
    "stands_apart",
    "states_bound",
]


def off_cue(kind: str | None, piece: Draft, cued: bool, sentence: Sentence) -> bool:
    """Whether the cue outside the phrase ("fined the company") says a *kind* that some
    component of the sentence it introduces is not. The term served in default of paying a
    fine goes with the fine ("fined the trader | KSh 30,000 or serve three months in prison")."""
    if kind is None or not cued or piece.cue is not None:
        return False
    # paying back: either; "other:LABEL" (`neighbours.lent_kind`) introduces an `other`
    kinds = _PAYMENTS if kind == "repaid" else {kind.partition(":")[0]}
    return any(
        component.kind not in kinds
        and not (
            kind == "fine" and isinstance(component, Other) and component.label == DEFAULT_TERM
        )
        for component in sentence.components
    )


#: What paying back may be (`neighbours.lent_amount`).
_PAYMENTS: Final = frozenset({"restitution", "forfeiture"})


def denied_bounds(sentence: Sentence) -> Sentence | None:
    """What a bound says under "not": "cannot impose more than two years" is at most two
    years, "may not be less than five" at least five (a limit the law sets: statutory). None
    when some penalty states no single bound to turn ("not sentenced to 5 to 10 years")."""
    turned = _turned(sentence.components)
    if turned is None:
        return None
    return Sentence(turned, modality=Modality.STATUTORY, text=sentence.text)


def _turned(components: Sequence[Component]) -> tuple[Component, ...] | None:
    """*components* with each single bound turned (`denied_bounds`), alternatives too: "shall
    not impose a fine of more than ten pounds or a term of more than one month" is a choice of
    maxima. None when one states no single bound."""
    turned: list[Component] = []
    for penalty in components:
        if isinstance(penalty, Choice):
            options = [_turned(option) for option in penalty.options]
            if any(option is None for option in options):
                return None
            turned.append(Choice([option for option in options if option is not None]))
            continue
        if not hasattr(penalty, "min"):  # no bounds to turn: "and a fine", death
            turned.append(penalty)
            continue
        bounded: Any = penalty
        if (bounded.min is None) == (bounded.max is None):
            return None
        turned.append(attrs.evolve(bounded, min=bounded.max, max=bounded.min))
    return tuple(turned)


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


def one_count(item: Item) -> bool:
    """A term stated for one named count ("six years on the firearm count", "5 years on count
    4"): what follows with a penalty of its own ("and one year on the ammunition count") is
    a sentence of its own."""
    return any(isinstance(e, Token) and Says.ONE_COUNT in role(e.type).says for e in item.elements)


def all_terms(item: Item) -> bool:
    """An item that says how every term before it runs: "..., all to run concurrently"."""
    return any(isinstance(e, Token) and Says.ALL_TERMS in role(e.type).says for e in item.elements)


def has_token(item: Item, kind: str) -> bool:
    return any(isinstance(e, Token) and e.type == kind for e in item.elements)


def tried_ends(tokens: Sequence[Token], ends: Sequence[int], count: int) -> list[int]:
    """The ends of a phrase `extract` reads: the *count* longest, then each end right before a
    joiner whose next item opens with a cue of its own, longest first: "…不能少于兩個月, |
    判處有期徒刑的…" ends a clause even when the phrase read on refuses."""
    clause_ends = [
        at
        for at in ends[count:]
        if at + 2 < len(tokens)
        and role(tokens[at + 1].type).group is Group.JOINER
        and role(tokens[at + 2].type).group is Group.CUE
    ]
    return [*ends[:count], *clause_ends]


def is_bare_term(item: Item) -> bool:
    """An item that is a length and nothing else: "4年半" in "监禁3年和4年半" (not an amount
    whose currency word names its penalty: "并處1000罰款"), or a length with a note in brackets
    that changes no value after it (Taiwan: "8月(不得易科罰金)" in "有期徒刑8月(得易科罰金)、
    8月(不得易科罰金)")."""
    elements = item.elements
    if len(elements) > 1 and all(_bracket_note(element) for element in elements[1:]):
        elements = elements[:1]
    if len(elements) != 1 or not isinstance(core := elements[0], Core):
        return False
    return not any(isinstance(v, Cash) and v.named for v in (core.low, core.high))


def _bracket_note(element: object) -> bool:
    """A neutral word in brackets (W_NEUTRAL "(得易科罰金)"): no value of its own."""
    return (
        isinstance(element, Token)
        and Says.NEUTRAL in role(element.type).says
        and str(element)[:1] in "(（"
    )


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


def continues_length(tokens: Sequence[Token], at: int, window: str = "") -> bool:
    """Whether the token after *at* goes on with the length or amount that ends there: "半"
    after "5年", a number right after a unit ("5年6个月"), a scale after an amount ("$5 |
    million": never "$5"), a figure right after a scale ("人民币1万 | 3000元": never 10,000).
    No match ends inside one length or amount. A number that *window* (the text the tokens
    were read from) marks as a list's item number goes on with nothing: "判处有期徒刑三年 |
    二、被告人李某…" (the next item of a judgment's list)."""
    if at + 1 >= len(tokens):
        return False
    following = tokens[at + 1].type
    if following in {"DIGITS", "WORDNUM"} and _LIST_MARK.match(window, tokens[at + 1].end_pos or 0):
        return False
    return following in {"AND_A_HALF", "SCALE"} or (
        tokens[at].type in {"UNIT", "SCALE"} and following in {"DIGITS", "WORDNUM"}
    )


#: The mark after a list's item number: "二、", "2.", "(2)", "2）".
_LIST_MARK: Final = re.compile(r"\s*(?:、|[.．](?!\d)|[)）])")


def meets_bound(before: Item, item: Item) -> bool:
    """Whether *item* is a bound that meets the opposite bound of the item before: "最短不少于
    1个月，最长不超过6个月" is one term, P1M..P6M (the rule bounds_meet)."""
    shapes = {e.shape for e in before.elements if isinstance(e, Core)}
    own = {e.shape for e in item.elements if isinstance(e, Core)}
    return (own == {"at_most"} and "at_least" in shapes) or (
        own == {"at_least"} and "at_most" in shapes
    )


@attrs.frozen
class Apart:
    """What makes an item a statement of its own in a language (grammar/<lang>.context.toml
    [parts]): a bare term (separate_bare_terms), "X为Y" or a penalty bounded after its name
    (copula_clauses), a penalty after a bare ";" (semicolon_parts); *penalty_words* are the
    terminals that name a penalty."""

    bare_terms: bool
    copula: bool
    penalty_words: frozenset[str]
    semicolon: bool = False


def stands_apart(before: Item, item: Item, joiner: Joiner, apart: Apart) -> bool:
    """Whether *item* begins a new part of the phrase, by what *apart* says of the language."""
    if apart.bare_terms and is_bare_term(item) and not meets_bound(before, item):
        return True
    return apart.copula and (
        has_token(item, COPULA) or bounds_own(item, joiner, apart.penalty_words)
    )


def bounds_own(item: Item, joiner: Joiner, penalty_words: frozenset[str]) -> bool:
    """Whether *item*, after a bare comma, names its penalty (one of *penalty_words*) and then
    bounds it: a statement of its own, as "X为Y" is (copula_clauses): "管制不能超過三年，拘役
    不能超過一年" is two."""
    if not joiner.comma:
        return False
    named = False
    for element in item.elements:
        if isinstance(element, Token) and element.type in penalty_words:
            named = True
        elif isinstance(element, Core):
            return named and element.shape in {"at_most", "at_least"}
    return False
