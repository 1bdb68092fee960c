"""What a match takes from the matches and words around it, beyond its cue.

- A law's change of a bound, "from 10 to 14 years", is two statutory bounds, the old and the
  new (`old_and_new`), in either direction ("lowered from 10 to 5 years": `changing`).
- A bare bound right after a penalty, in the same sentence, continues that penalty: "管制的期
  限为3个月以上2年以下，数罪并罚时 | 不得超过3年" is a bound of 管制 (community supervision),
  though no word of its own names it (`kin_before`, `as_kin`; MODEL.md: context that changes a
  match's meaning).
- A bare length under a cue that names the penalty it measures ("the period of probation can
  last | from 1 to 3 years") is that penalty (`lent_kind`).
- A term given and then suspended later in its sentence ("Imposing four months imprisonment,
  the judge | suspended the term for 18 months") is a suspended term; a minimum set right
  after it is its minimum (`later_clauses`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Final, Protocol

import attrs
from lark import Token
from lark.lexer import TerminalDef

from ..language.lexicon import Lexicon, fold
from ..language.roles import FROM, TO, role
from ..model import (
    LIFE,
    Aggregation,
    CommunitySupervision,
    Component,
    Custody,
    Death,
    DeprivationOfRights,
    Duration,
    Fine,
    Forfeiture,
    Modality,
    Other,
    Probation,
    Restitution,
    SupervisedRelease,
    Suspension,
)
from ..sentence import Sentence
from .assemble import assemble
from .caseless import Caseless
from .context import Context
from .elided import elided_items, listed_terms, reduced_items
from .match import Match
from .parts import Cue, Draft, Reject
from .said_after import (
    ordered_runs,
    parole_floors,
    runs_on_counts,
    same_lengths,
    shared_additions,
    suspended_parts,
    suspensions_closing,
)

__all__ = [
    "CLAUSE_END",
    "KIN_GAP",
    "Impossible",
    "as_kin",
    "bound_over",
    "changing",
    "kin_before",
    "later_clauses",
    "lent_kind",
    "old_and_new",
    "range_goes_on",
]

#: How far after a penalty a bare bound may stand and still continue it, in characters.
KIN_GAP: Final = 40
#: What ends a sentence between them (a comma, a clause of its own, does not).
_SENTENCE_END: Final = re.compile(r"[.!?](?=\s)|[。！？]")
#: What ends a clause: a sentence's stop or a semicolon (a full-width one needs no space after).
CLAUSE_END: Final = re.compile(r"[.;!?](?=\s)|[。；！？]")
#: Kinds measured in time, whose bound a bare length may be.
_LENGTH_KINDS: Final = (Custody, Probation, CommunitySupervision, SupervisedRelease)
#: Kinds stated as bounds whose bound a length after them may share (`bound_over`).
_BOUNDED: Final = (Custody, Probation, CommunitySupervision, SupervisedRelease, Fine)
#: The kinds a cue may lend a bare length to, by name: penalties measured in time alone.
_LENT: Final = {
    kind.kind: kind
    for kind in (Probation, CommunitySupervision, SupervisedRelease, DeprivationOfRights)
}


class Impossible(Exception):
    """A phrase from this start reads as something impossible: none of its ends match."""


def changing(
    piece: Draft,
    lexicon: Lexicon,
    text: str,
    country: str | None,
    cue: Cue | None,
    bound: str | None,
) -> tuple[Sentence, bool] | None:
    """*piece* assembled, and whether it states a law's change of a *bound* high to low ("the
    maximum was lowered | from 10 years to five years"): a range read in either order, whose
    values `old_and_new` gives back in the text's order. None when it does not read (a shorter
    end may); `Impossible` when it reads as what cannot be ("10 years to 6 months", with no
    change before it: a shorter end would cut the range in two and read half of it)."""
    try:
        try:
            return assemble(piece, lexicon, text=text, country=country, context=cue), False
        except Reject as reject:
            if not (reject.impossible and bound and cue is not None):
                raise
        turned = attrs.evolve(cue, either_order=True)
        return assemble(piece, lexicon, text=text, country=country, context=turned), True
    except Reject as reject:
        if reject.impossible:
            raise Impossible from None
        return None
    except Exception:  # a model validator
        return None


def bound_over(cue: Cue, matches: list[Match]) -> Cue:
    """The cue a phrase after *matches* shares ("faces up to 20 years for fraud and | 5 years
    for theft"), with the bound the last of them states when it states only one ("up to", "at
    least"): the bound carries over the offence to the length after it, as "up to" carries over
    the lengths joined after it in one phrase. Not a sentence given: "sentenced to at least 10
    years for trafficking and | 5 years for possession" gives the 5 years as stated."""
    if cue.bound is not None or cue.modality is Modality.IMPOSED or not matches:
        return cue
    components = matches[-1].sentence.components
    bounded = [c for c in components if isinstance(c, _BOUNDED)]
    if not bounded or len(bounded) != len(components):
        return cue
    if all(c.min is None and c.max is not None and c.max is not LIFE for c in bounded):
        return attrs.evolve(cue, bound="max")
    if all(c.min is not None and c.max is None for c in bounded):
        return attrs.evolve(cue, bound="min")
    return cue


def old_and_new(
    matches: list[Match], tokens: Sequence[Token], bound: str, backwards: bool = False
) -> list[Match]:
    """A law's change of a bound, "from 10 to 14 years", as two statutory bounds: the old
    one (its figure) and the new one; nothing when the phrase reads as anything but one
    range of one component. *backwards*: the text states the higher figure first ("lowered
    from 10 to 5 years")."""
    joints = [t for t in tokens if t.type == TO]
    if len(matches) != 1 or len(matches[0].sentence.components) != 1 or len(joints) != 1:
        return []
    (match,) = matches
    (whole,) = match.sentence.components
    low, high = getattr(whole, "min", None), getattr(whole, "max", None)
    if low is None or high is None or low == high:
        return []
    joint = joints[0]
    opening = next(index for index, t in enumerate(tokens) if t.type == FROM)
    first = tokens[opening + 1]
    second = next(t for t in tokens if (t.start_pos or 0) > (joint.start_pos or 0))
    pieces = []
    if backwards:
        low, high = high, low
    for value, begin, end in (
        (low, first.start_pos or 0, joint.start_pos or 0),
        (high, second.start_pos or 0, match.end),
    ):
        stated = {"min": value, "max": None} if bound == "min" else {"min": None, "max": value}
        component = attrs.evolve(whole, **stated)
        sentence = Sentence((component,), modality=Modality.STATUTORY)
        text = match.text[begin - match.start : end - match.start].rstrip()
        pieces.append(Match(begin, begin + len(text), text, sentence))
    return pieces


def kin_before(
    previous: Match | None, text: str, start: int, broken: Caseless | None = None
) -> Match | None:
    """The match just before *start* when a bare bound there may continue it: one penalty
    measured in time and stated as bounds, at most `KIN_GAP` characters before, in the same
    sentence, with no word between that names another (*broken*, `Context.kin_broken`)."""
    if previous is None or not 0 <= start - previous.end <= KIN_GAP:
        return None
    if _SENTENCE_END.search(text, previous.end, start):
        return None
    if broken is not None and broken.search(text, None, previous.end, start):
        return None  # "probation … up to five years, and jail | can be up to one year"
    components = previous.sentence.components
    if len(components) != 1 or not isinstance(components[0], _LENGTH_KINDS):
        return None
    # Only a statement of bounds goes on with another ("3个月以上2年以下 | 不得超过3年"); after a
    # term given ("减为二十五年有期徒刑的，| 不能少于二十年") a bound is of something else.
    penalty = components[0]
    return previous if penalty.min != penalty.max else None


def as_kin(sentence: Sentence, kin: Match) -> Sentence | None:
    """*sentence*, one bound of custody and nothing else, as a bound of *kin*'s penalty with
    its modality; None when it is anything more."""
    if len(sentence.components) != 1 or sentence.modality is not None:
        return None
    (term,) = sentence.components
    if (
        not isinstance(term, Custody)
        or term.count != 1
        or term.suspended is not None
        or term.aggregation is not None
        or (term.min is not None and term.max is not None)  # a bound, not a range
    ):
        return None
    (penalty,) = kin.sentence.components
    component: Component
    if isinstance(penalty, Custody):
        component = attrs.evolve(term, regime=penalty.regime)
    elif isinstance(penalty, Probation | CommunitySupervision | SupervisedRelease) and (
        isinstance(term.min, Duration | None) and isinstance(term.max, Duration | None)
    ):
        component = type(penalty)(min=term.min, max=term.max)
    else:
        return None  # life is no bound of probation
    return Sentence((component,), modality=kin.sentence.modality, text=sentence.text)


def lent_kind(
    kind: str | None,
    tokens: Sequence[Token],
    sentence: Sentence,
    lexicon: Lexicon | None = None,
    country: str | None = None,
) -> Sentence:
    """*sentence*, a bare length that no word of its phrase names (read as custody), as the
    penalty measured in time that the cue before it names: "the period of probation can last |
    from 1 to 3 years" is probation, "the term of public surveillance shall be | not less than
    three months ..." community supervision; a bare amount (read as a fine) as the payment the
    cue names (`lent_amount`). A cue's ``other:LABEL`` lends one length to that labelled
    penalty ("a good behaviour bond ... (for example, | three years)"). Anything else stays
    as it was."""
    if kind in _PAID:
        return lent_amount(kind, tokens, sentence, lexicon, country)
    general, _, label = (kind or "").partition(":")
    lent = _LENT.get(kind or "")
    if (lent is None and not label) or len(sentence.components) != 1:
        return sentence
    (term,) = sentence.components
    if (
        not isinstance(term, Custody)
        or any(role(token.type).kind is not None for token in tokens)  # "3 years in prison"
        or (term.count, term.suspended, term.aggregation, term.regime) != (1, None, None, None)
    ):
        return sentence
    low, high = term.min, term.max
    if not isinstance(low, Duration | None) or not isinstance(high, Duration | None):
        return sentence  # life measures none of them here
    if lent is None:
        # An `other` penalty states one quantity: a bound or a range of it stays unread.
        if general != "other" or low is None or low != high:
            return sentence
        return attrs.evolve(sentence, components=(Other(label, quantity=low),))
    return attrs.evolve(sentence, components=(lent(min=low, max=high),))


#: The kinds of payment a cue may lend a bare amount to; "repaid" is paying back ("$241,843,
#: which he was ordered to repay"): restitution, or where the lexicon says a confiscation.
_PAID: Final = frozenset({"restitution", "forfeiture", "repaid"})


def lent_amount(
    kind: str,
    tokens: Sequence[Token],
    sentence: Sentence,
    lexicon: Lexicon | None,
    country: str | None,
) -> Sentence:
    """*sentence*, one bare amount that no word of its phrase names (read as a fine), as the
    payment the cue around it names: "restitution— | about $277,000 to the U.S. Coast Guard",
    "| $241,843, which Langford was ordered to repay"."""
    if len(sentence.components) != 1 or any(role(token.type).kind for token in tokens):
        return sentence
    (fine,) = sentence.components
    if not isinstance(fine, Fine) or fine.min is None or fine.min != fine.max:
        return sentence  # "up to $5,000" bounds a fine; a payment is one amount
    confiscates = lexicon is not None and country in lexicon.repayment_confiscates
    if kind == "forfeiture" or (kind == "repaid" and confiscates):
        return attrs.evolve(sentence, components=(Forfeiture(fine.min),))
    return attrs.evolve(sentence, components=(Restitution(fine.min),))


def range_goes_on(terminals: Iterable[TerminalDef], lexicon: Lexicon) -> re.Pattern[str] | None:
    """The range word and a figure right after a phrase: "up to Rs 1 | to 2 lakh" is no "Rs
    1", "禁止駕駛兩個月 | 至三年" no two months (a figure in numerals too): a phrase cut there is
    the low end of a range the grammar could not read, never a value."""
    to = next((t for t in terminals if t.name == TO), None)
    if to is None:
        return None
    cjk = re.escape("".join([*lexicon.cjk_digits, *lexicon.cjk_units]))
    return re.compile(rf"\s*(?:{to.pattern.to_regexp()})\s*(?:\S+\s?)?[\d{cjk}]")


class _Reader(Protocol):
    lang: str
    context: Context
    lexicon: Lexicon

    def matches(self, text: str, country: str | None) -> Iterator[Match]: ...


def later_clauses(reader: _Reader, text: str, country: str | None) -> Iterator[Match]:
    """The reader's matches in *text*, with what the clauses right after a custodial term
    given say of it (context data): elided items of a list ("Y to | 9 |,", `elided_items`);
    a suspension later in its sentence ("Imposing four months imprisonment, District Judge X
    | suspended the term for 18 months" is P4M suspended for P1Y6M, ``suspended_after``); its
    minimum set right after it ("... in prison. | His non-parole period has been set at two
    years", ``minimum_after``). Only one term, given, and no match between them."""
    context, lang = reader.context, reader.lang
    found = listed_terms(list(reader.matches(text, country)), text, context.listed_after, lang)
    found = elided_items(found, text, context.elided_terms, lang)
    found = reduced_items(found, text, (context.reduced_terms, context.reduced_bounds), lang)
    found = _run_as_said_after(found, text, context, reader.lexicon)
    found = ordered_runs(found, text, context.aggregation_ordered, reader.lexicon)
    found = runs_on_counts(found, text, context.aggregation_on_count, reader.lexicon)
    found = suspended_parts(found, text, context.suspended_part_after, lang)
    found = suspensions_closing(found, text, context.suspension_closing, lang)
    found = shared_additions(found, text, context.distributive)
    found = parole_floors(found, text, context.parole_floor)
    found = same_lengths(found, text, context.same_length)
    found = [_reprieved(match, text, context, lang) for match in found]
    suspension, minimum = context.suspended_after, context.minimum_after
    taken = -1  # a match that only restated what the term before it took up
    for index, match in enumerate(found):
        if index == taken:
            continue
        following = found[index + 1] if index + 1 < len(found) else None
        rest = text[match.end : len(text) if following is None else following.start]
        whole = text[match.end : _reach(following, text)]
        if suspension is not None and (later := suspension.match(rest, None)) is not None:
            match = _suspended(match, later, lang)
        elif (
            suspension is not None
            and following is not None
            and (later := suspension.match(whole, None)) is not None
            and later.start(1) is not None
            and later.start(1) >= following.start - match.end
            and _SUSPENDING.search(text, match.end, following.start) is not None
            and later.end(1) >= following.end - match.end
        ):
            # "... for six months, which the judge suspended for | a year |", "…, but this
            # sentence is wholly suspended upon him entering | a bond to be of good behaviour
            # for three years |": the period, read as a match of its own, goes with the term
            # it suspends.
            suspended = _suspended(match, later, lang)
            taken = index + 1 if suspended is not match else taken
            match = suspended
        elif minimum is not None:
            # "... for life. | The minimum term was fixed at 22 years" may be a match itself:
            # the clause is read through it, and it goes with the term it bounds.
            later = minimum.match(whole, None)
            end = match.end + (later.end() if later is not None else 0)
            inside = following is not None and following.start < end
            if later is not None and (not inside or end >= _reach(following, text)):
                bounded = _with_minimum(match, later, lang)
                taken = index + 1 if inside and bounded is not match else taken
                match = bounded
        yield match


#: The word that suspends a term, before the period it is suspended for.
_SUSPENDING: Final = re.compile(r"suspend|probat", re.IGNORECASE)
#: Where the sentence a phrase stands in ends ("; " too: a list's clause).
_CLAUSE_STOP: Final = re.compile(r"[.;!?](?=\s|$)|[。！？；]")


def _run_as_said_after(
    found: list[Match], text: str, context: Context, lexicon: Lexicon
) -> list[Match]:
    """*found* with the aggregation the next sentence states ("... on each of the four counts.
    | The sentence is to run concurrently") given to the custodial terms of the sentence
    before it that state none (``aggregation_after``); likewise the aggregation of every term
    that closes their sentence ("5 years for robbery and | 3 years for assault, all to run
    concurrently", ``aggregation_closing``). Terms not given stay as they are."""
    pattern = context.aggregation_after
    if pattern is None:
        return found
    found = list(found)
    closing = context.aggregation_closing
    for index, match in enumerate(found):
        stop = _CLAUSE_STOP.search(text, match.end)
        window = text[match.end : len(text) if stop is None else stop.start()]
        all_of = None if closing is None else closing.search(window, None)
        if all_of is not None:
            found[index] = _running(match, Aggregation(lexicon.aggregation[fold(all_of[1])]))
        following = found[index + 1] if index + 1 < len(found) else None
        rest = text[match.end : len(text) if following is None else following.start]
        later = pattern.match(rest, None)
        if later is None:
            continue
        aggregation = Aggregation(lexicon.aggregation[fold(later.group(1))])
        first = index
        while first and not _SENTENCE_END.search(text, found[first - 1].end, found[first].start):
            first -= 1
        for at in range(first, index + 1):
            found[at] = _running(found[at], aggregation)
    return found


def _reprieved(match: Match, text: str, context: Context, lang: str) -> Match:
    """*match*, a death sentence given alone, with the reprieve stated later in its sentence
    (``reprieve_after``: "sentenced to death for ..., | but was given a two-year reprieve")."""
    components = match.sentence.components
    pattern = context.reprieve_after
    if (
        pattern is None
        or match.modality is not Modality.IMPOSED
        or len(components) != 1
        or not isinstance(components[0], Death)
        or components[0].suspended
    ):
        return match
    later = pattern.match(text[match.end : match.end + 200], None)
    if later is None:
        return match
    stated = later.group(1) or later.group(2)
    period = None if stated is None else _length(stated.replace("-", " "), lang)
    if stated is not None and period is None:
        return match
    death = Death(suspended=True, reprieve=period)
    return attrs.evolve(match, sentence=attrs.evolve(match.sentence, components=(death,)))


def _running(match: Match, aggregation: Aggregation) -> Match:
    if match.modality is not Modality.IMPOSED:
        return match
    components = tuple(
        attrs.evolve(part, aggregation=aggregation)
        if isinstance(part, Custody) and part.aggregation is None
        else part
        for part in match.sentence.components
    )
    return attrs.evolve(match, sentence=attrs.evolve(match.sentence, components=components))


def _reach(following: Match | None, text: str) -> int:
    return len(text) if following is None else following.end


def _given(match: Match) -> Custody | None:
    """The one custodial term *match* gives, plain and of one length or life; else None."""
    components = match.sentence.components
    if match.modality is not Modality.IMPOSED or len(components) != 1:
        return None
    (term,) = components
    if (
        not isinstance(term, Custody)
        or (term.count, term.suspended, term.regime) != (1, None, None)
        or not ((isinstance(term.max, Duration) and term.min == term.max) or term.max == LIFE)
    ):
        return None
    return term


def _length(text: str, lang: str) -> Duration | None:
    """The one length *text* states ("two years and three months"), or None."""
    from .parser import parse  # the reader of phrases, which reading this module serves

    try:
        components = parse(text, lang=lang).components
    except ValueError:
        return None
    if len(components) != 1 or not isinstance(components[0], Custody):
        return None
    length = components[0].max
    return length if isinstance(length, Duration) and components[0].min == length else None


def _suspended(match: Match, later: re.Match[str], lang: str) -> Match:
    # the one custodial term, alone or beside what is no term ("180 days of confinement and a
    # fine of $1,000, | with a recommendation that the sentence be probated")
    # (a range too: "two years with a 12 month non-parole period, | but this sentence is
    # wholly suspended")
    parts = match.sentence.components
    terms = [part for part in parts if isinstance(part, Custody)]
    if match.modality is not Modality.IMPOSED or len(terms) != 1:
        return match
    (term,) = terms
    if (term.count, term.suspended, term.regime) != (1, None, None) or not isinstance(
        term.max, Duration
    ):
        return match
    period = None if later.group(1) is None else _length(later.group(1), lang)
    if later.group(1) is not None and period is None:
        return match
    suspended = attrs.evolve(term, suspended=Suspension(period))
    components = tuple(suspended if part is term else part for part in parts)
    return attrs.evolve(match, sentence=attrs.evolve(match.sentence, components=components))


def _with_minimum(match: Match, later: re.Match[str], lang: str) -> Match:
    term = _given(match)
    minimum = _length(later.group(1), lang)
    if term is None or minimum is None:
        return match
    if isinstance(term.max, Duration) and minimum.compare(term.max) != -1:
        return match  # a minimum must be shorter than the term
    bounded = attrs.evolve(term, min=minimum)
    return attrs.evolve(match, sentence=attrs.evolve(match.sentence, components=(bounded,)))
