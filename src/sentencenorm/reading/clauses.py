"""How one phrase of running text splits into expressions (`extract`'s parts).

"was sentenced to twelve months' imprisonment and fined $500" is two expressions, each with
its own verb; "84 months in prison followed by two years of supervised release" is one. The
words that decide are the language's context file's (``[parts]``).
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
from lark import Token

from ..language.roles import AUX, Group, Joins, Says, role
from ..model import Modality
from .context import Context, Slice, cue_after, cue_before
from .parts import Cue, Draft, Item, Joiner, joined_length
from .pieces import (
    Apart,
    all_terms,
    end_before,
    has_core,
    is_bare_term,
    is_det,
    item_start,
    one_count,
    per_conviction,
    stands_apart,
)

__all__ = [
    "Clauses",
    "cue_ahead",
    "cued_part",
    "in_list",
    "part_cue",
    "split_parts",
    "words_before_cue",
]


@attrs.frozen
class Clauses:
    """What a language says about where an expression ends and the next begins."""

    context: Context
    #: Terminals that name a penalty, alone or beside another.
    penalty_words: frozenset[str]
    apart: Apart

    def names_penalty(self, item: Item) -> bool:
        """An item with a length or amount, or a word naming a penalty: no mere qualifier of
        the item before it ("to run concurrently")."""
        kinds = self.penalty_words
        return has_core(item) or any(
            isinstance(e, Token) and e.type in kinds for e in item.elements
        )

    def closes(self, item: Item) -> bool:
        """Whether a word of *item* ends the expression it is in ("不等": varying)."""
        closing = self.context.closing_words
        return closing is not None and any(
            isinstance(e, Token) and closing.fullmatch(e.value) for e in item.elements
        )

    def opens_clause(self, item: Item) -> bool:
        lead = item.elements[0] if item.elements else None
        if is_det(lead) and isinstance(lead, Token) and lead.value.lower() in ("a", "an"):
            # "… and a forfeit of 43 million won": after an article the word is a noun, a
            # penalty joined to those before, never a verb opening a clause of its own
            return False
        first = next((e for e in item.elements if not is_det(e)), None)
        return isinstance(first, Token) and bool(self.context.clause_verbs.fullmatch(first.value))

    def distributed(self, item: Item) -> bool:
        """Whether *item* ends a distributed list ("... 19 years in prison respectively")."""
        word = self.context.distributive
        return word is not None and any(
            isinstance(e, Token) and word.fullmatch(e.value) for e in item.elements
        )

    def is_weak(self, item: Item) -> bool:
        """An item with no number that only adds a word that is no penalty ("and costs")."""
        if has_core(item):
            return False
        weak = self.context.weak
        words = [e for e in item.elements if isinstance(e, Token)]
        return any(weak.fullmatch(w.value) for w in words) and not any(
            w.type in self.context.evidence and not weak.fullmatch(w.value) for w in words
        )


def cue_ahead(draft: Draft, group: Sequence[int]) -> bool:
    """Whether the phrase's cue is that of an item after *group*, none of whose items (nor
    any before them) has one: "累计偷税80万元，| 被判有期徒刑2年" governs the term only, and
    the amount before it is none of its (a cue governs what follows it, never what precedes).
    A cue the phrase's first words make ("fined him $500") is of no later item."""
    last = group[-1] + 1
    return (
        draft.cue is not None
        and all(item.cue is None for item in draft.items[:last])
        and any(item.cue is not None for item in draft.items[last:])
    )


def part_cue(
    context: Context, ahead: bool, outer: Cue | None, around: Cue | None, before: Slice
) -> Cue | None:
    """The cue that governs a part: the phrase's (*outer*), unless its cue is of a later item
    (*ahead*); then only a cue before the phrase does: "sentenced Sun to | life imprisonment
    and ordered the confiscation of …" is a life sentence given, "偷税80万元，| 被判…" no fine."""
    if not ahead:
        return outer
    if around is not None:
        return around
    above = cue_before(context.cues, before)
    return None if above is None else Cue(above[0].modality, bound=above[0].bound)


def in_list(context: Context, draft: Draft, group: Sequence[int]) -> bool:
    """Whether the part of *group* is a term of a list ("10, 12 and 15 years", "5月、8月"):
    listed, or bare terms where the language writes each term of a list apart."""
    items = [draft.items[index] for index in group]
    return any(item.listed for item in items) or (
        context.separate_bare_terms and all(is_bare_term(item) for item in items)
    )


def words_before_cue(tokens: Sequence[Token], limit: int) -> list[Token]:
    """The phrase's words up to the first cue at or after *limit* (all of them when none)."""
    words: list[Token] = []
    for token in tokens:
        if (token.start_pos or 0) >= limit and role(token.type).group is Group.CUE:
            break
        words.append(token)
    return words


def statutory_addition(first: Item, item: Item, joiner: Joiner) -> bool:
    """Whether *item* opens with a statute's cue and adds to an expression a statute's cue
    opens: "shall be imprisoned for 2 to 10 years | and may be fined", "shall be punished with
    imprisonment … | and shall also be liable to fine"; or with a bare verb that takes the
    statute's auxiliary: "shall be fined $500 | and imprisoned for 30 days" ("shall be"
    imprisoned, not a sentence given)."""
    return (
        item.cue is not None
        and (
            item.cue.modality is Modality.STATUTORY
            # the bare verb after "and" shares the statute's auxiliary; after a bare comma it
            # opens a clause of its own ("處有期徒刑參月，| 應執行有期徒刑伍月": given after)
            or (not any(map(_is_aux, item.elements)) and not joiner.comma)
        )
        and first.cue is not None
        and first.cue.modality is Modality.STATUTORY
    )


def _is_aux(element: object) -> bool:
    return isinstance(element, Token) and element.type == AUX


def split_parts(
    clauses: Clauses,
    draft: Draft,
    tokens: Sequence[Token],
    bounds: tuple[int, int],
    around: tuple[Slice, Slice],
) -> list[tuple[int, int, list[int]]]:
    """Split a phrase where a new clause begins; drop trailing items that are no penalty.

    Returns (start, end, indexes of the draft's items) per part.

    "was sentenced to twelve months' imprisonment and fined $500" is two expressions, each
    with its own verb; "84 months in prison followed by two years of supervised release" is
    one. "a fine of £1,000 and costs" ends before "and costs"; in "..., the total time
    served is 25 years" the last item is the subject of a new clause.
    """
    start, end = bounds
    before, after = around
    items = draft.items
    firsts = [item_start(item, tokens, start) for item in items]
    groups: list[list[int]] = [[0]]
    shared = clauses.context.distributes(tokens, after.text, before.text)  # "… respectively"
    leading = clauses.context.distributes_before(before)  # "分别 | 被判…及…"
    with_list = False  # past "respectively, with": what follows adds to the last term
    for index in range(1, len(items)):
        item = items[index]
        if shared and draft.joiners[index - 1].qualifying:
            with_list = with_list or clauses.distributed(items[index - 1])
        joined = draft.joiners[index - 1]
        if draft.both or (
            (joined.alternative or joined.in_default) and not clauses.closes(items[index - 1])
        ):
            # "shall be fined under this title or imprisoned not more than 5 years": a
            # clause after "or" is an alternative of the one before, never a penalty of
            # its own (MODEL.md: "or" is never "and"); a term served in default of paying the
            # fine before it is the fine's ("fined Shs 200/= in respect of each count or
            # suffer two months imprisonment"); a list that ", or both" closes is one choice
            # whatever verbs its parts have ("shall be fined not more than $250,000, imprisoned
            # not more than five years, or both": the corpus README's "or" convention).
            groups[-1].append(index)
            continue
        joiner = draft.joiners[index - 1]
        if statutory_addition(items[groups[-1][0]], item, joiner) or joiner.also_or_alone:
            # "shall be imprisoned … and may be fined not more than $50,000", "…, and shall
            # also be liable to fine", "…, and shall also, or shall only, be fined": a
            # statute's further penalty, one expression with the penalty it is added to (the
            # corpus README), as `parse` reads it.
            groups[-1].append(index)
            continue
        if (
            item.cue is not None
            or item.listed
            # "… CCO with condition to | perform 200 hours": the verb is the requirement's
            or (clauses.opens_clause(item) and not draft.joiners[index - 1].qualifying)
            or stands_apart(items[index - 1], item, draft.joiners[index - 1], clauses.apart)
            # "Imprisonment for a term not exceeding 3 years; | A fine not exceeding $5,000"
            # (not in a list that ", or both" closes: one choice)
            or (
                clauses.apart.semicolon
                and joined.roles == (Joins.HARD,)
                and has_core(item)
                and not draft.both
            )
            # 不等 closes what it summarizes; a bare penalty after it ("…不等，并处罚金")
            # has no value of its own to summarize, so it is added to all alike.
            or (clauses.closes(items[index - 1]) and has_core(item))
            or (leading and has_core(item) and draft.joiners[index - 1].roles == (Joins.AND,))
            or (
                (
                    per_conviction(items[index - 1])
                    or (one_count(items[index - 1]) and not any(map(all_terms, items[index:])))
                )
                and clauses.names_penalty(item)
            )
            or (
                shared
                and has_core(item)
                and joined_length(items[index - 1], draft.joiners[index - 1], item) is None
                # "... 19 years in prison respectively, | with 50 lashes and fines of ...":
                # what a "with" adds after the distributed list is each one's, with the last
                and not with_list
            )
        ):
            groups.append([index])
        else:
            groups[-1].append(index)
    last = len(items) - 1
    cut = clauses.context.cut_after  # "… and a fine | of 100,000": an amount unread
    if not has_core(items[last]) and (
        (
            after.match(clauses.context.subject_follows)
            # "Deportation | shall be ordered", "Life imprisonment | shall be imposed": the
            # verb after it is a cue that states the penalty, not a new clause's
            and cue_after(clauses.context.after_cues, after) is None
        )
        or (last > 0 and cut is not None and after.match(cut))
    ):
        groups[-1].remove(last)
    elif last > 0 and _measures_a_noun(clauses.context, items[last], after):
        # "200 hours' community work and nine months | ' supervision": a bare length whose
        # noun the phrase did not take measures that noun, no custody: a cut, dropped
        groups[-1].remove(last)
    if (
        len(groups[-1]) > 1
        and groups[-1][-1] == last
        and undone_default(clauses.context, draft, [last], after)
    ):
        groups[-1].remove(last)  # "…, but the High Court set the default term aside": a part
        groups.append([last])  # of its own, which the extractor drops (its words read)
    parts = []
    for group in groups:
        while len(group) > 1 and clauses.is_weak(items[group[-1]]):
            group.pop()
        if not group:
            continue
        part_start = start if group[0] == 0 else firsts[group[0]]
        following = group[-1] + 1
        part_end = end if following > last else end_before(tokens, firsts[following])
        parts.append((part_start, part_end, group))
    return parts


def is_default_term(item: Item, joiner: Joiner) -> bool:
    """Whether *item* is a term served in default of paying the fine before it ("or 4
    months imprisonment in default", "in default whereof | three months")."""
    if Joins.IN_DEFAULT in joiner.roles:
        return True
    words = (e.value.lower() for e in item.elements if isinstance(e, Token))
    return any("default" in word for word in words)


def undone_default(context: Context, draft: Draft, group: Sequence[int], after: Slice) -> bool:
    """Whether the part of *draft* made of the items *group* is a default term alone that
    the words *after* the phrase say a court set aside (``default_undone``)."""
    at = group[0]
    return (
        len(group) == 1
        and at > 0
        and context.default_undone is not None
        and is_default_term(draft.items[at], draft.joiners[at - 1])
        and after.match(context.default_undone)
    )


def _measures_a_noun(context: Context, item: Item, after: Slice) -> bool:
    """A bare length with a possessive or "of" and a word after it that the phrase did not
    take (the context's `measured`): the length of something the grammar cannot name. So is
    a length named by no kind ("… followed by a three-year term | of court supervision")."""
    measured = context.measured
    if measured is None or measured.match(after.text) is None:
        return False
    tokens = [e for e in item.elements if isinstance(e, Token)]
    return is_bare_term(item) or (
        has_core(item)
        and any(Says.NEUTRAL in role(t.type).says for t in tokens)  # "term", "sentence"
        and all(role(t.type).kind is None for t in tokens)
    )


def cued_part(
    context: Context, outer: Cue | None, around: Cue | None, draft: Draft, at: Sequence[int]
) -> bool:
    """Whether a cue governs the part of *draft* made of the items *at*: the cue outside the
    phrase (*around*), or a verb of the phrase at or before the part ("sentenced to 4 years for
    robbery and | 2 years"), or one after it unless the part states time spent: "served two
    four-year terms, | was jailed for six years" says nothing of the terms."""
    if outer is None or outer.modality is None:
        return False
    spent = context.spent_verbs
    words = [e for index in at for e in draft.items[index].elements if isinstance(e, Token)]
    if around is not None or spent is None or not any(spent.fullmatch(w.value) for w in words):
        return True
    return any(item.cue is not None for item in draft.items[: at[-1] + 1])
