"""What says a phrase, or a piece of it, was not given: the ``[negation]`` context data.

MODEL.md (Running text): a negated penalty, a rejected, overturned or vacated one, a refused
request and a counterfactual are no match, and their words are not read again.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

import attrs
from lark import Token

from ..language.roles import BY, CORE_TERMINALS
from .caseless import Caseless
from .endings import Anchored, Led
from .pieces import states_bound

if TYPE_CHECKING:
    from .context import Slice

__all__ = ["Denial", "Negation", "Sense", "denial"]


@attrs.frozen
class Sense:
    """A penalty word that the clause around it can show to be no court's (``[[senses]]``):
    *word* (a token of the phrase, matched whole, and *next*, when given, the token after it)
    read against *before* (the words just before the phrase): "The company director was |
    disqualified for six years" is no driving ban, "The pupil was | given detention for a week"
    no custody, "Employees serve | a probationary period of three months" no probation;
    unless the phrase says a court's word (*unless*: "The pupil was | sentenced to 12
    months' detention"), or the words right after it do (*unless_after*: "The club was | fined
    £50,000 | by magistrates")."""

    word: re.Pattern[str]
    before: Caseless
    next: re.Pattern[str] | None = None
    unless: Caseless | None = None
    unless_after: Caseless | None = None

    def denies(self, tokens: Sequence[Token], at: int, around: tuple[Slice, Slice, Slice]) -> bool:
        """Whether the token at *at* of *tokens* is this word, in this sense; *around* is the
        text before the phrase, the phrase and the text after it."""
        if self.word.fullmatch(tokens[at].value) is None:
            return False
        if self.next is not None:
            following = tokens[at + 1].value if at + 1 < len(tokens) else ""
            if self.next.fullmatch(following) is None:
                return False
        before, phrase, after = around
        if self.unless_after is not None and after.match(self.unless_after):
            return False
        return before.search(self.before) and not (
            self.unless is not None and phrase.search(self.unless)
        )


@attrs.frozen
class Negation:
    """What says a phrase was not given (``[negation]``; a language may have none yet).

    *denies* ("was not", "never") and *governs* ("avoided", "vacated") end just before the
    phrase; *reaches* ends there too but with words between, and yields to a sentencing cue
    that stands nearer; *after* starts just after the phrase ("..., which was later quashed");
    *overruled* starts there too, and undoes only a request ("prosecutors sought 10 years, |
    but the judge imposed probation"). *unreal* says a penalty was only a counterfactual: a
    past modal ("could have been facing") in the phrase or before it, with a condition that
    did not hold after it (*unreal_if*: "if he was an adult") or before it (*unreal_had*:
    "Had he been convicted, he would have faced"); *unreal_would* a
    verb of giving after "would have" reaching into the phrase, alone ("he would | have been
    sentenced to death"). *subject* ends just before the phrase too,
    and undoes every clause of it, not only the first (a ruling undone: "The annulled ruling
    had sentenced him to"). Each is a list of patterns in the data,
    tried as one alternation.
    """

    denies: Caseless | None = None
    #: Each of its patterns ends where the phrase starts: only those that can end there are
    #: searched (`Anchored`).
    governs: Anchored | None = None
    reaches: Caseless | None = None
    #: Each of its patterns begins where the phrase ends: only those that can begin there are
    #: matched (`Led`).
    after: Led | None = None
    overruled: Caseless | None = None
    #: The same said before the request, in its sentence: a sentence given and then conceded
    #: ("was sentenced to one day, although the government had asked the judge to sentence
    #: him to | 13 months"), or an acquittal ("found not guilty …; prosecutors had sought |
    #: nine years"): the request was not followed.
    overruled_before: Caseless | None = None
    unreal: Caseless | None = None
    unreal_if: Caseless | None = None
    unreal_had: Caseless | None = None
    subject: Caseless | None = None
    unreal_would: Caseless | None = None
    #: A penalty an act's gerund names, the gerund opening its clause as the subject
    #: (*acting*, before the phrase) of a verb of need or of what would be (*acting_verb*,
    #: right after it): "Imposing | the death penalty | required a unanimous jury", "(said)
    #: letting the respondent escape with | a fine of Rs. 10,000 | would deprive the law of
    #: its effectiveness": an act spoken of, none done.
    acting: Caseless | None = None
    acting_verb: Caseless | None = None
    #: What an appeal contests, just before the phrase (*contested*: "appealed her sentence
    #: of"), and the appeal won, after it in its sentence (*contest_won*: "…, and the appeal
    #: was allowed"): set aside or replaced, no expression (MODEL.md).
    contested: Caseless | None = None
    contest_won: Caseless | None = None
    senses: tuple[Sense, ...] = ()
    #: token value -> the senses whose word it is (most tokens are none's): asked once
    _worded: dict[str, tuple[Sense, ...]] = attrs.field(factory=dict, init=False, eq=False)

    def worded(self, value: str) -> tuple[Sense, ...]:
        """The senses whose word *value* is (`Sense.word`, matched whole)."""
        found = self._worded.get(value)
        if found is None:
            if len(self._worded) >= 1 << 16:
                self._worded.clear()
            found = self._worded[value] = tuple(
                sense for sense in self.senses if sense.word.fullmatch(value) is not None
            )
        return found

    def before(self, before: Slice, *, cue_at: int | None, bounded: bool) -> bool:
        """Whether words before the phrase say it was not given; *cue_at* is where a
        sentencing cue before it starts (-1 inside the phrase), *bounded* whether the phrase
        states a bound ("shall not impose | a fine exceeding ten pounds" is a maximum)."""
        if self.denies is not None and not bounded and before.search(self.denies):
            return True
        if self.governs is not None and self.governs.search(before.text, before.lowered):
            return True
        if self.undoes_all(before):
            return True
        if self.reaches is None or cue_at == -1:
            return False
        found = before.find(self.reaches)
        return found is not None and (cue_at is None or found > cue_at)

    def undoes_all(self, before: Slice) -> bool:
        """Whether the words before the phrase undo all it says, each clause of it: the ruling
        that gave it was annulled ("The annulled ruling had sentenced him to | 15 years and
        fined him $500"), where "avoided | prison and was fined $500" undoes the first only."""
        return self.subject is not None and before.search(self.subject)

    def denies_bound(self, before: Slice, *, bounded: bool) -> bool:
        """Whether "not" governs a phrase that states a bound: "cannot be given for | more
        than two years" is at most two years."""
        return bounded and self.denies is not None and before.search(self.denies)

    def follows(self, after: Slice, *, requested: bool = False) -> bool:
        """Whether words right after the phrase undo it ("was set aside on appeal"), or
        (*requested*: a request's phrase) say the court went otherwise."""
        if self.after is not None and self.after.match(after.text, after.lowered):
            return True
        return requested and self.overruled is not None and after.match(self.overruled)

    def overruled_earlier(self, before: Slice, *, requested: bool) -> bool:
        """Whether the words before a request's phrase say the court went otherwise."""
        return (
            requested and self.overruled_before is not None and before.search(self.overruled_before)
        )

    def overturned(self, before: Slice, after: Slice) -> bool:
        """Whether the phrase is what an appeal contests ("appealed her sentence of") and the
        sentence says the appeal was won ("…, and the appeal was allowed")."""
        if self.contested is None or self.contest_won is None:
            return False
        return before.search(self.contested) and after.match(self.contest_won)

    def counterfactual(self, before: Slice, phrase: Slice, after: Slice) -> bool:
        """Whether the phrase is a penalty that could only have been: a past modal ("could
        have been facing") in the phrase or just before it, with a condition that did not
        hold after it ("if he was an adult") or before it ("Had he been convicted,")."""
        if (
            self.acting is not None
            and self.acting_verb is not None
            and before.search(self.acting)
            and after.match(self.acting_verb)
        ):
            return True  # "Imposing | the death penalty | required a unanimous jury"
        if self.unreal_would is not None:
            # "In another country, he would | have been sentenced to death": what would have
            # been done is counterfactual by itself, condition stated or not
            low = None if before.lowered is None else before.lowered + (phrase.lowered or "")
            found = self.unreal_would.search(before.text + phrase.text, low)
            if found is not None and found.start() < len(before.text) < found.end():
                return True
        if self.unreal is None or not (before.search(self.unreal) or phrase.search(self.unreal)):
            return False
        return (self.unreal_if is not None and after.match(self.unreal_if)) or (
            self.unreal_had is not None and before.search(self.unreal_had)
        )


@attrs.frozen
class Denial:
    """Which pieces of one phrase the text around it says were not given.

    *first*: the first piece ("avoided | prison and was fined $500"); *whole*: every piece
    (the ruling that gave them was annulled); *last*: the last ("..., which was later
    quashed"); *bound_denied*: "not" turns the first piece's bound around ("cannot be given
    for | more than two years"); *changes*: where a length after "by" starts, the change
    itself ("reduced her jail term by | two years").
    """

    first: bool
    whole: bool
    last: bool
    bound_denied: bool
    changes: tuple[int, ...]


def denial(
    negation: Negation,
    around: tuple[Slice, Slice, Slice],
    tokens: Sequence[Token],
    cue_at: int | None,
    requested: bool,
) -> Denial:
    """What the words *around* a phrase (before, the phrase, after) deny of it; *cue_at* is
    where the cue that governs it starts (-1 inside the phrase), *requested* whether that cue
    is a party's request."""
    before, phrase, after = around
    bounded = states_bound(tokens)
    first = negation.before(before, cue_at=cue_at, bounded=bounded) or (
        negation.overruled_earlier(before, requested=requested)
    )
    last = negation.follows(after, requested=requested)
    if negation.counterfactual(before, phrase, after) or negation.overturned(before, after):
        first = last = True  # "could have been facing … if he was an adult"
    changes = tuple(
        token.start_pos or 0
        for token, following in itertools.pairwise(tokens)
        if token.type == BY and following.type in CORE_TERMINALS
    ) + tuple(
        token.start_pos or 0
        for at, token in enumerate(tokens)
        if any(sense.denies(tokens, at, around) for sense in negation.worded(token.value))
    )
    return Denial(
        first=first,
        whole=negation.undoes_all(before),
        last=last,
        bound_denied=negation.denies_bound(before, bounded=bounded),
        changes=changes,
    )
