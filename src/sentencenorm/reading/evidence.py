"""Whether the words of a phrase show that it is a penalty (`extract`'s evidence).

The patterns and word lists are the language's context file's (``grammar/<lang>.context.toml``,
``[evidence]``); the questions are asked of a phrase's tokens before any parse, so that text
with no penalty in it costs little.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from typing import Final

from lark import Token

from ..language.roles import AUX, COPULA, CORE_TERMINALS, STATUTE_BOUND, TO_LIFE, Group, Says, role
from .context import Context, Slice
from .pieces import states_bound

__all__ = [
    "compares",
    "describes_a_noun",
    "is_penalty",
    "only_weak_verbs",
    "opens_on_a_date",
    "refers_back",
    "said_of_a_class",
    "states_difference",
    "states_time_spent",
    "tells_time_spent",
    "threshold",
    "unnamed_amount",
]

#: Terminals of a length: a phrase with one names a term, and an amount beside it a fine.
_LENGTHS: Final = frozenset({"UNIT", "ONE_UNIT"})
#: The link word "after" ("28 days | after | sentencing").
AFTER: Final = "L_AFTER"
#: The link word "in" ("sentence | in | 28 days"), and the terminals of a bare number.
_IN: Final = "L_IN"
_NUMBERS: Final = frozenset({"DIGITS", "WORDNUM"})

#: A word right after the phrase ("a two-year | contract").
_WORD_FOLLOWS: Final = re.compile(r"\s+[^\W\d_]", re.UNICODE)


def _attributive_end(tokens: Sequence[Token]) -> bool:
    """Whether the phrase ends in a length written as an adjective ("a two-year"): with a word
    after it that the phrase did not take, the length describes that word, not a penalty."""
    return len(tokens) >= 3 and tokens[-1].type == "UNIT" and tokens[-2].type == "DASH"


#: Family words that only qualify a sentence: under a cue they still name none alone.
_QUALIFIERS: Final = frozenset({Says.SUSPENDED, Says.SUSPENSION})


def describes_a_noun(tokens: Sequence[Token], after: str, context: Context | None = None) -> bool:
    """Whether the phrase's length measures a word after it that the phrase did not take: an
    adjective ("got a two-year | contract extension" describes the contract), or, in a phrase
    that names no penalty, a possessive ("received six months' | notice") or the context's
    `measured` words ("received two years | of training")."""
    if _attributive_end(tokens) and _WORD_FOLLOWS.match(after) is not None:
        return True
    if context is None or _names_penalty(context, tokens):
        return False
    if tokens[-1].type == "POSS" and _WORD_FOLLOWS.match(after) is not None:
        return True
    if any(t.type == "POSS" for t in tokens[:-1]):
        return True  # "received two years' | pay": the phrase took the word, still no penalty
    if tokens[-1].type in _COUNT_WORDS:
        return False  # "10 years on each of three counts | of theft": the counts' offence
    return context.measured is not None and context.measured.match(after) is not None


#: Words that end a phrase on the counts its terms are given on, which an offence may follow.
_COUNT_WORDS: Final = frozenset({"W_COUNTS", "W_EACH_COUNT", "W_ON_COUNT"})


def _names_penalty(context: Context, tokens: Sequence[Token]) -> bool:
    """Whether a word of the phrase names a kind of penalty or a sentence ("prison", "fine",
    "sentence"), beyond its verb and its length."""
    return any(
        role(t.type).kind is not None
        or (Says.NEUTRAL in role(t.type).says and context.nouns.fullmatch(t.value) is not None)
        or t.type in context.family
        for t in tokens
    )


def states_time_spent(context: Context, token: Token) -> bool:
    """Whether *token* is the phrase's own verb of time spent ("serving"): no evidence of a
    penalty alone, and no shield from `not_before` ("after | serving 12 years")."""
    return (
        context.spent_verbs is not None
        and role(token.type).group is Group.CUE
        and context.spent_verbs.fullmatch(token.value) is not None
    )


def tells_time_spent(context: Context, tokens: Sequence[Token]) -> bool:
    """Whether the phrase opens with a past verb of time spent ("Mandela | served 27 years in
    prison", "spent two years in jail"): time someone spent, told after it, not a sentence
    given (the caller asks this only of a phrase with no cue around it). Only before a length:
    "the family were | served a life sentence" is no time spent (a figure of speech)."""
    return context.spent_past is not None and any(
        context.spent_past.fullmatch(token.value) is not None
        and (following.type in _NUMBERS or following.type in _LENGTHS)
        for token, following in itertools.pairwise(tokens[:3])
    )


def opens_on_a_date(context: Context, text: str, start: int) -> bool:
    """Whether the phrase at *start* opens inside a calendar date: "2023年 | 3月7日有期徒刑才執行
    完畢" and "押後明年 | 1 月 28 日判刑" name a day, no term of three months and seven days."""
    dates = context.dates
    if dates is None:
        return False
    return any(
        date.start() <= start < date.end()
        for date in dates.finditer(text, max(0, start - 8), start + 16)
    )


def states_difference(context: Context, tokens: Sequence[Token]) -> bool:
    """Whether a length of the phrase is followed by a comparative: "about nine years |
    shorter" is the difference between two terms, no term; or by "after" and an event it
    counts from: "28 days after sentencing" is a time, no term; or whether the phrase's first
    length or amount follows "in": "(will pass) sentence in 28 days" is when, no term."""
    differences, events = context.differences, context.events
    for at, token in enumerate(tokens[:-2]):
        if (
            token.type in _LENGTHS
            or token.type in _NUMBERS
            or role(token.type).group is Group.MONEY
        ):
            break
        if (
            token.type == _IN
            and tokens[at + 1].type in _NUMBERS
            and tokens[at + 2].type in _LENGTHS
        ):
            return True
    for at, token in enumerate(tokens[:-1]):
        if token.type not in _LENGTHS:
            continue
        following = tokens[at + 1]
        if differences is not None and differences.fullmatch(following.value) is not None:
            return True
        then = tokens[at + 2].value if at + 2 < len(tokens) else ""
        if events is not None and following.type == AFTER and events.fullmatch(then):
            return True
    return False


def is_penalty(context: Context, tokens: Sequence[Token], *, cued: bool) -> bool:
    """Whether the words of a phrase (or a cue around it) show that it is a penalty.

    Strong words name a penalty ("prison", "fine", "sentence", "LWOP"); family words
    ("life", "death", "suspended") need a second one: "life imprisonment", "death, suspended
    for two years", "10 years to life" count, "his life", "the death of" and "suspended for
    six months" do not. A phrase without a number needs a cue or a strong word that stands
    without one ("the death penalty", "time served").
    """
    if not cued and _bare_to_life(tokens):
        return False  # "(sentenced 75 people to death and) 47 to life": people, not years
    cored = False
    spent = termed = False
    strong: set[str] = set()
    family: set[str] = set()
    coreless = False
    previous: Token | None = None
    for token in tokens:
        kind, word = token.type, token.value
        says = role(kind).says
        if kind in CORE_TERMINALS:
            cored = True
        elif role(kind).group is Group.RANGE and _named_bound(context, word):
            strong.add("noun")  # zh "最低刑期为 | 三年": the bound names the term
        elif says & {Says.MIN, Says.MAX} and previous is not None:
            if context.bound_adjectives.fullmatch(previous.value):
                strong.add("noun")  # "the legal minimum of 20 years"
        elif Says.NEUTRAL in says:
            if context.nouns.fullmatch(word):
                strong.add("noun")
            elif context.bounded_nouns is not None and context.bounded_nouns.fullmatch(word):
                termed = True
            if context.coreless_nouns.fullmatch(word):
                coreless = True
        elif states_time_spent(context, token):
            spent = True  # "is serving 30 years"; see below
        elif kind in context.evidence and not context.weak.fullmatch(word):
            strong.add(kind)
            coreless = coreless or kind in context.coreless
            coreless = coreless or bool(context.coreless_words.fullmatch(word))
        elif kind in context.family:
            family.add(kind)
            if Says.LIFE in says and previous is not None and previous.type in TO_LIFE:
                strong.add("to_life")  # "25 years to life", "up to life"
        if kind != "DASH":
            previous = token
    if termed and states_bound(tokens):
        strong.add("noun")  # "a term not exceeding six months", "a term of 2 to 6 years"
    elif spent and not termed:
        strong.add("spent")  # "is serving 30 years"; "is serving a four-year term" (an
        # office, a contract) is not
    if cued:
        # "sentenced him to ten years, then suspended imposition": "suspended" alone
        # qualifies a sentence and is none ("life", "death" alone under a cue are).
        return cored or bool(strong) or any(not role(kind).says & _QUALIFIERS for kind in family)
    if cored:
        return bool(strong) or len(family) > 1
    return coreless or (bool(family) and bool(strong or len(family) > 1))


def _bare_to_life(tokens: Sequence[Token]) -> bool:
    """Whether the phrase opens with a number and no unit running to life ("47 to life")."""
    kinds = [t.type for t in tokens[:4] if t.type != "DASH"]
    return kinds[:1] in (["DIGITS"], ["WORDNUM"]) and kinds[1:3] == ["TO", "W_LIFE"]


def only_weak_verbs(context: Context, tokens: Sequence[Token]) -> bool:
    """Whether the phrase's verbs are all ones anyone's plans use ("will spend", "must
    complete"): no cue of a penalty by themselves ("they will spend two years in Spain")."""
    verbs = [t for t in tokens if role(t.type).group is Group.CUE and t.type != "AUX"]
    return bool(verbs) and all(context.weak.fullmatch(t.value) for t in verbs)


def _named_bound(context: Context, word: str) -> bool:
    """Whether a bound word holds the noun of what it bounds (zh "最低刑期为")."""
    return context.named_bounds is not None and context.named_bounds.fullmatch(word) is not None


def refers_back(
    context: Context, tokens: Sequence[Token], *, cued: bool = False, before: str = ""
) -> bool:
    """Whether a phrase with no number names a penalty stated elsewhere: with no cue, "the life
    sentence", "his fine", "that the death penalty be imposed" open with a definite word and
    state nothing new; under a cue (*cued*), only what is paid: "to pay the fine in full",
    "ordered to pay the costs" ("sentenced to the death penalty" gives one), and what
    something is said to be (`predicates`)."""
    definite = context.definite
    if definite is None or any(t.type in CORE_TERMINALS or t.type == COPULA for t in tokens):
        return False  # "the penalty is commuted to life imprisonment" states a new one
    if not cued:
        return (
            role(tokens[0].type).group is Group.DETERMINER
            and definite.fullmatch(tokens[0].value) is not None
        )
    if predicates(context, tokens, before):
        return True
    pay = context.paying
    return pay is not None and any(
        role(verb.type).group is Group.CUE
        and pay.search(verb.value) is not None
        and role(word.type).group is Group.DETERMINER
        and definite.fullmatch(word.value) is not None
        for verb, word in itertools.pairwise(tokens)
    )


#: What a word says that bounds a term ("minimum", "maximum").
_BOUND_WORDS: Final = frozenset({Says.MIN, Says.MAX})
#: What a word says that is a value of its own: life, a term to life ("faces | life").
_VALUES: Final = frozenset({Says.LIFE, Says.LIFE_ONLY, Says.LIFE_PHRASE, Says.NO_PAROLE})


def _states_value(token: Token) -> bool:
    """Whether *token* states a value: a number, a length, an amount, life or death."""
    said = role(token.type)
    return token.type in CORE_TERMINALS or said.kind == "death" or bool(said.says & _VALUES)


def said_of_a_class(context: Context, tokens: Sequence[Token], before: str) -> bool:
    """Whether a phrase with no number is said of a class of people, not of someone sentenced:
    "Once a defendant has been ordered to pay | a fine, they have 28 days", "(held that)
    murderers and violent robbers must serve | a jail sentence": a rule for all such cases, no
    penalty given (`generic_subject`, tried on the words before the phrase and its leading
    verbs)."""
    pattern = context.generic_subject
    if pattern is None or any(_states_value(t) for t in tokens):
        return False  # "anyone who kills an officer faces | death" is the law's penalty
    return pattern.search(_with_lead(before, tokens), None) is not None


def _with_lead(before: str, tokens: Sequence[Token]) -> str:
    """The words before a phrase with the cue words that open it ("an offence | punishable
    by")."""
    lead = 0
    while lead < len(tokens) and role(tokens[lead].type).group is Group.CUE:
        lead += 1
    return " ".join([before.rstrip(), *(t.value for t in tokens[:lead])])


def predicates(context: Context, tokens: Sequence[Token], before: str) -> bool:
    """Whether a phrase with no number says what something is, not what someone got: "(losing
    the job) was a death sentence (for the town)", "(his death) was a life sentence"; unless
    what it is said of (*before*) names a penalty: "the starting point is | a whole life
    order"."""
    copulas, indefinite = context.copulas, context.indefinite
    words = before.split()
    subject = (words[-1:], words[-2:])
    return (
        not any(context.nouns.fullmatch(" ".join(tail)) for tail in subject if tail)
        and copulas is not None
        and indefinite is not None
        and len(tokens) > 1
        and tokens[0].type == AUX
        and copulas.fullmatch(tokens[0].value) is not None
        and role(tokens[1].type).group is Group.DETERMINER
        and indefinite.fullmatch(tokens[1].value) is not None
    )


def unnamed_amount(
    context: Context,
    tokens: Sequence[Token],
    cue_kind: str | None,
    *,
    own_verb: bool = False,
    after: str = "",
    before: str = "",
) -> bool:
    """Whether the phrase states an amount that nothing names as a penalty: no word of a kind
    ("fine", "restitution"), no verb of paying ("ordered to pay", "fined"), no cue outside
    that introduces a fine ("fined the company"). "He received a $5,000 bonus", "was awarded
    $2 million in damages" are money, not fines; so is an amount paid to a party named *after*
    it ("ordered to pay $1 million | to the family": damages or compensation, the words do not
    say which), or one a civil jury orders paid (*before*: "A jury ordered the company | to pay
    $4.7 billion"). *own_verb*: only a part of a phrase with a verb of its own ("was awarded
    $5,000 | and jailed for 20 months"); one without takes the verb of the list it belongs to
    ("were fined $5,000 and | $7,500 respectively")."""
    if context.pay_verbs is None or cue_kind is not None:
        return False
    if own_verb and not any(role(token.type).group is Group.CUE for token in tokens):
        return False
    paid_to = context.paid_to is not None and any(
        context.paid_to.match(words) is not None
        for words in (after, *(token.value for token in tokens))  # "… $200 to the victim"
    )
    paid_to = paid_to or (
        context.civil_order is not None and context.civil_order.search(before) is not None
    )
    if not any(role(token.type).group is Group.MONEY for token in tokens) or any(
        token.type in _LENGTHS for token in tokens
    ):
        return False  # no amount, or a term beside it ("10 years and $5,000")
    for token in tokens:
        found = role(token.type)
        if found.kind is not None or token.type == STATUTE_BOUND:
            return False  # "the maximum penalty is | £2,500": a penalty, so a fine
        if found.group is Group.CUE and context.pay_verbs.search(token.value) and not paid_to:
            return False
    return True


def threshold(context: Context, words: Sequence[Token], before: Slice) -> bool:
    """Whether the phrase is a threshold a clause sets, cue or not: an open comparative
    bound ("or less", "more than") after a condition's opening ("offenders who are",
    "if", "an offender") in the words before it; or any bound after words of the phrase that
    name sentences in general (*classes*: "for sentences | between 12 months and 2 years")."""
    if context.thresholds is None or context.conditions is None:
        return False
    thresholds = context.thresholds
    ranged = [at for at, token in enumerate(words) if role(token.type).group is Group.RANGE]
    compares = any(thresholds.fullmatch(words[at].value) for at in ranged)
    if compares and before.search(context.conditions):
        return True
    floors = context.class_floors
    bounds = [  # every bound of the phrase: a range word, "minimum", "maximum"
        token.value
        for token in words
        if role(token.type).group is Group.RANGE or role(token.type).says & _BOUND_WORDS
    ]
    if (
        context.offence_class is not None
        and floors is not None
        and bounds
        and all(floors.fullmatch(bound) for bound in bounds)  # a floor, and no ceiling
        and context.offence_class.search(_with_lead(before.text, words), None)
    ):
        return True  # "covers an indictable offence | punishable by at least ten years"
    # "a non-parole period for sentences | between 12 months and 2 years": the bound is a class
    # of sentences the period is for, not the period's (a phrase that opens with the class,
    # "(not available for) | sentences that are 10 years or longer", is the law's and stays)
    if not ranged or context.classes is None:
        return False
    lead = " ".join(token.value for token in words[: ranged[0]])
    return context.classes.search(lead) is not None


def compares(context: Context, tokens: Sequence[Token]) -> bool:
    """Whether a bound of the phrase is a comparative ("more than", "over")."""
    comparatives = context.comparatives
    return comparatives is not None and any(
        role(token.type).group is Group.RANGE and comparatives.fullmatch(token.value)
        for token in tokens
    )
