"""One item read for meaning: its words' roles (`sentencenorm.language.roles`) make a `Part`.

An item is the run of classed words around at most one core ("a maximum sentence of 17 years
in prison"). Its words say what the core measures (custody, probation, a fine...), bound it
("maximum", "at least"), bind a second core ("suspended for <3 years>", "parole after <25
years>") or qualify it ("consecutive", "without parole"). The result, a `Part`, is a component
in the making; `sentencenorm.reading.rules` then folds neighbouring parts, and
`sentencenorm.reading.assemble` builds the components.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any, Final, NamedTuple

from lark import Token

from ..language import Lexicon
from ..language.lexicon import fold
from ..language.roles import AFTER, BINDERS, IN, OF, SKIPPABLE, WITHIN, Group, Says, role
from ..model import LIFE, Life
from ..model.labels import other_label
from ..model.merging import Span
from .lexical import (
    CORPORAL_UNITS,
    custodial,
    definite,
    ends_counted,
    own_life,
    repaid_only,
    summed,
    totalled,
)
from .parts import Cash, Core, Count, Item, Reject, Strokes, Time, pos

__all__ = ["Part", "bound_by_parole", "read_item"]


class Part(NamedTuple):
    """One item read for meaning (immutable: rules make changed copies, ``part._replace``).

    A named tuple rather than an attrs class: one is made for every item of every phrase
    read, and a tuple is made several times faster.
    """

    pos: int
    kind: str | None = None
    low: Time | Cash | Strokes | Life | None = None  # strokes: an `other` part's quantity
    high: Time | Cash | Strokes | Life | None = None
    has_term: bool = False
    plain: bool = False  # a fixed value with no bound of its own: "up to" may carry over it
    open_high: bool = False  # stated as a minimum only ("at least", "minimum", tariff)
    open_low: bool = False  # stated as a maximum only ("up to", "maximum", "life")
    max_cue: bool = False  # states a maximum that carries over what follows
    terms: int | None = 1  # how many terms: "three life sentences" (None: unknown)
    count_given: bool = False
    aggregation: str | None = None
    suspended: bool = False
    suspension: Time | None = None
    reprieve: bool = False
    reprieve_period: Time | None = None
    parole_after: Time | None = None
    label: str | None = None
    quantity: Core | None = None  # the core an `other` label measures
    length_first: bool = False  # the main length comes before any "suspended"
    immediate: bool = False  # "with immediate execution": a death sentence not suspended
    named: bool = False  # a word of the phrase says the kind ("prison", "fine"...)
    no_parole: bool = False  # ", without parole" on its own
    mentions_parole: bool = False  # "with the possibility of parole" (no date)
    served: bool = False  # how the term is served: "to be served intermittently"
    definite_bound: bool = False  # "the maximum"/"the minimum": a bound, or the sentence given
    all_terms: bool = False  # its aggregation is every term's: "…, all to run concurrently"
    one_count: bool = False  # "on count 4": the term is one named count's
    per_conviction: bool = False  # its count is of counts convicted of ("on counts 1 and 3")
    balance: bool = False  # "a balance of term of one year": added to the non-parole period
    optional: bool = False  # its own cue says it may be added ("and shall also be liable to")
    regime: str | None = None  # a custody regime its words name (行政拘留)
    all_property: bool = False  # a forfeiture of all property (没收个人全部财产)
    varying: bool = False  # 不等: its range summarizes values, stated in either order
    during_suspension: bool = False  # 緩刑期間付保護管束: lasts the suspension given before it
    lone_counts: bool = False  # "5 years on two counts": one term, or one per count? (unsaid)
    sentence_named: bool = False  # "sentence" names it, or the language needs no such word
    needs_term: bool = False  # bare 拘留: with no length an arrest, no penalty
    #: Life to the end only where the lexicon's `life_only_territories` say (终身监禁)
    whole_life_where: bool = False
    repaid: bool = False  # only a verb of paying back names its kind ("ordered to repay £745")

    def is_attachment(self) -> bool:
        """A part that only qualifies the one before it (no kind, no term)."""
        return self.kind is None and not self.has_term

    def span(self) -> Span:
        """Its term as `sentencenorm.model.merging` asks about terms."""
        return Span(self.low, self.high, self.plain, self.open_low, self.open_high)


def bound_by_parole(target: Part, after: Time) -> Part:
    """Parole eligibility after N years makes N the least time served: "life, parole after 25
    years" is P25Y..life; "20 years, with parole eligibility after 10 years" is P10Y..P20Y."""
    open_life = isinstance(target.high, Life) and target.low is None
    fixed = (
        target.low is not None and target.low == target.high and not isinstance(target.low, Life)
    )
    if not (open_life or fixed):
        raise Reject("parole eligibility only narrows a life or a fixed term", after.pos)
    return target._replace(low=after, open_low=False, plain=False)


def _says(element: object, *what: Says) -> bool:
    return isinstance(element, Token) and bool(role(element.type).says & set(what))


def _is(element: object, name: str) -> bool:
    return isinstance(element, Token) and element.type == name


def _plain_length(core: Core) -> bool:
    """Whether a core is a length written as a noun ("15 Tage"), not an adjective."""
    value = core.low if core.low is not None else core.high
    return isinstance(value, Time) and not value.attributive


def _binder(
    elements: Sequence[Any], index: int, direct: frozenset[str] = frozenset()
) -> Token | None:
    """The word a core is bound to: "suspended for <3 years>", "parole after <25 years>".

    A word in *direct* (the lexicon's ``direct_binders``) takes its period with no link
    between: 缓刑<三年> is "suspended for three years".
    """
    after_core = [
        e
        for e in elements[index + 1 : index + 3]
        if not (isinstance(e, Token) and role(e.type).possessive)
    ]
    if after_core and _says(after_core[0], Says.REPRIEVE, Says.SUSPENSION):
        # "a two-year reprieve", "two years' reprieve", "a two-year suspension"
        return after_core[0]  # type: ignore[no-any-return]
    j = index - 1
    while j >= 0:
        element = elements[j]
        if not isinstance(element, Token):
            return None
        says = role(element.type).says
        if Says.PAROLE_BAR in says:
            return element  # "no chance of parole for <25 years>": the link is in the token
        if says & BINDERS:
            after = elements[j + 1]
            if _is(after, AFTER) and says & {Says.SUSPENDED, Says.SUSPENSION}:
                raise Reject(
                    'a term "suspended after" part is served is partly suspended, which '
                    "cannot be expressed yet",
                    pos(after),
                )
            linked = (
                isinstance(after, Token)
                and role(after.type).group is Group.LINK
                and not role(after.type).possessive
            )
            if j + 1 == index and fold(element.value) in direct:
                return element
            if not linked and says & {Says.PAROLE, Says.ELIGIBLE}:
                # "parole possible after 25 years": a link comes later, before the core
                between = elements[j + 1 : index]
                linked = any(_link(e) for e in between) and all(
                    _link(e) or _skippable(e) for e in between
                )
            if not linked and says & {Says.SUSPENDED, Says.SUSPENSION}:
                # "suspended the term for 18 months": the period of the suspension, the
                # sentence named between ("a suspended sentence of six months" is the term)
                between = elements[j + 1 : index]
                linked = (
                    len(between) > 1
                    and _is(between[-1], "L_FOR")
                    and all(_skippable(e) and not _is(e, OF) for e in between[:-1])
                )
            return element if linked else None
        if not _skippable(element) and not _link(element):
            return None
        j -= 1
    return None


def _link(element: object) -> bool:
    return isinstance(element, Token) and role(element.type).group is Group.LINK


def _skippable(element: object) -> bool:
    return isinstance(element, Token) and element.type in SKIPPABLE


# What each word does to the item, worked out once per terminal from its role: the first that
# applies, in this order (a word says one thing here; its kind is counted apart).
_NOTHING, _OTHER, _MAX, _MIN, _LIFE, _LIFE_ONLY, _NO_PAROLE, _PAROLE = range(8)
_NON_PAROLE, _IMMEDIATE, _SERVED, _PLURAL, _COUNT_WORD, _TARIFF, _SUSPENDED = range(8, 15)
_REPRIEVE, _AGGREGATION, _NEUTRAL, _BALANCE = range(15, 19)
_ACTIONS: Final = (
    (Says.OTHER, _OTHER),
    (Says.MAX, _MAX),
    (Says.MIN, _MIN),
    (Says.LIFE, _LIFE),
    (Says.LIFE_ONLY, _LIFE_ONLY),
    (Says.NO_PAROLE, _NO_PAROLE),
    (Says.PAROLE, _PAROLE),
    (Says.ELIGIBLE, _PAROLE),
    (Says.PAROLE_BAR, _PAROLE),
    (Says.NON_PAROLE, _NON_PAROLE),
    (Says.BEFORE_PAROLE, _NON_PAROLE),  # "10 years before parole": the least served
    (Says.IMMEDIATE, _IMMEDIATE),
    (Says.SERVED, _SERVED),
    (Says.LIFE_PHRASE, _LIFE),
    (Says.PLURAL, _PLURAL),
    (Says.EACH_COUNT, _PLURAL),
    (Says.COUNT_WORD, _COUNT_WORD),
    (Says.TARIFF, _TARIFF),
    (Says.SUSPENDED, _SUSPENDED),
    (Says.SUSPENSION, _SUSPENDED),
    (Says.DEATH_SUSPENDED, _SUSPENDED),
    (Says.REPRIEVE, _REPRIEVE),
    (Says.AGGREGATION, _AGGREGATION),
    (Says.NEUTRAL, _NEUTRAL),
    (Says.BALANCE, _BALANCE),
)


@functools.cache
def _word(name: str) -> tuple[str | None, int, bool]:
    """(the kind the word names, what it does, whether it is "parole" itself)."""
    found = role(name)
    action = next((act for said, act in _ACTIONS if said in found.says), _NOTHING)
    return found.kind, action, Says.PAROLE in found.says


def read_item(item: Item, lexicon: Lexicon) -> Part:
    """The `Part` *item* reads as (`Reject` where it cannot mean one exact thing)."""
    elements = item.elements
    first = elements[0]
    opening_link = (
        first if isinstance(first, Token) and _link(first) and role(first.type).opens else None
    )
    kinds: dict[str, int] = {}
    parole_period_word = False  # "five years of parole": no sentence
    bound: tuple[Says, int] | None = None  # MAX or MIN, and where the word is
    life = life_only = tariff = no_parole = per_conviction = whole_life_where = False
    mentions_parole = immediate = served = length_first = balance = False
    main: Core | None = None
    count: int | None = 1
    count_given = suspended = reprieve = lone_counts = False
    suspension = reprieve_period = parole_after = None
    suspension_at = -1
    label: str | None = None
    aggregation: str | None = None
    regime: str | None = None
    definite_bound = False
    words_say: set[Says] = set()  # what the words say, beside kinds and bounds
    for index, element in enumerate(elements):
        if isinstance(element, Count):
            if count_given:
                raise Reject("two counts in one part of the phrase", element.pos)
            count, count_given = element.value, True
            per_conviction, lone_counts = element.per_conviction, not element.distributes
            continue
        if isinstance(element, Core):
            if index and isinstance(elements[index - 1], Count) and _plain_length(element):
                # "hundert fünfzehn Tage", "two five years": two numbers in a row are one
                # mis-spaced number or a typo, never a count of terms ("three 25-year
                # sentences" counts: its length is an adjective).
                raise Reject("a number right before a length counts nothing", element.pos)
            binder = _binder(elements, index, lexicon.direct_binders)
            if binder is None:
                if index > 0 and any(_is(elements[index - 1], w) for w in (AFTER, WITHIN)):
                    # "escaped from prison after 3 years", "pay within 14 days": when, not how
                    # long (a period after "parole", "eligible" or "suspended" is that word's).
                    word = str(elements[index - 1])
                    raise Reject(f"a length after {word!r} says when, not how long", element.pos)
                if main is not None:
                    raise Reject("two lengths or amounts in one part of the phrase", element.pos)
                main = element
                length_first = not suspended  # "a two-year suspended ..."
            elif _says(binder, Says.SUSPENDED, Says.SUSPENSION):
                suspension = _fixed_time(element, "a suspension period")
                suspension_at = element.pos
            elif _says(binder, Says.REPRIEVE):
                reprieve_period = _fixed_time(element, "a reprieve")
            else:
                # "not eligible for parole for at least 10 years": the least time is 10 years
                least = element.low if element.shape == "at_least" else None
                parole_after = (
                    least
                    if isinstance(least, Time)
                    else _fixed_time(element, "a parole eligibility date")
                )
            continue
        kind, action, is_parole = _word(element.type)
        if kind is not None:
            kinds.setdefault(kind, element.start_pos or 0)
        said_regime = role(element.type).regime
        if said_regime is not None:
            if regime not in {None, said_regime}:
                raise Reject("two custody regimes in one part of the phrase", pos(element))
            regime = said_regime
        words_say |= role(element.type).says
        if action == _NOTHING:
            continue
        if action == _OTHER:
            named = lexicon.other_label(element.value)
            if named is None:  # the grammar and the lexicon disagree: a bug, said plainly
                raise Reject(f"no label for {element.value!r} in the lexicon", pos(element))
            if label is not None and named != label:
                raise Reject("two different penalties in one part of the phrase", pos(element))
            label = named
        elif action in (_MAX, _MIN):
            said = Says.MAX if action == _MAX else Says.MIN
            if bound is not None and bound[0] is not said:
                raise Reject("both a maximum and a minimum for one value", pos(element))
            bound = (said, pos(element))
            definite_bound = definite(elements, index, lexicon)
        elif action == _LIFE:
            if own_life(elements, index, lexicon):
                raise Reject("a person's own life is no life sentence", pos(element))
            life = True
        elif action == _LIFE_ONLY:
            life = life_only = True
            whole_life_where = bool(lexicon.life_only_territories)
        elif action == _NO_PAROLE:
            no_parole = True
        elif action == _PAROLE:
            mentions_parole = True
            parole_period_word = parole_period_word or is_parole
        elif action == _NON_PAROLE:
            bound = bound or (Says.MIN, pos(element))
        elif action == _IMMEDIATE:
            immediate = True
        elif action == _SERVED:
            served = True
        elif action == _PLURAL:
            if not count_given:
                count = None
        elif action == _COUNT_WORD:
            if count_given:
                raise Reject("two counts in one part of the phrase", pos(element))
            count, count_given = lexicon.count_words[fold(element.value)], True
        elif action == _TARIFF:
            tariff = True
        elif action == _SUSPENDED:
            suspended = True  # 死缓 is a suspended death sentence in one word
        elif action == _REPRIEVE:
            reprieve = True
        elif action == _BALANCE:
            balance = True
        elif action == _AGGREGATION:
            said_aggregation = lexicon.aggregation[fold(element.value)]
            if aggregation not in {None, said_aggregation}:
                raise Reject("both consecutive and concurrent", pos(element))
            aggregation = said_aggregation
        elif (
            fold(element.value) in lexicon.plural_nouns
            and not count_given
            and not (index and _is(elements[index - 1], IN))  # "in terms of the 2012 Act"
        ):  # _NEUTRAL
            following = elements[index + 1] if index + 1 < len(elements) else None
            # "sentences of 2 to 12 months", "that start at 5 years": sentences in general.
            opens_floor = isinstance(following, Core) and following.shape == "at_least"
            aggregated = any(_says(e, Says.AGGREGATION) for e in elements)  # several: unknown
            if aggregated or not (_is(following, OF) or opens_floor):
                count = None

    if main is not None and summed(elements, lexicon):
        raise Reject(
            "an extended sentence's length is its custodial term and licence together", main.pos
        )
    named_first = main is not None and any(
        at < main.pos for named, at in kinds.items() if named != "custody"
    )  # "in prison for 5 years" may be time spent; "at a fine of $500" is a fine
    if opening_link is not None and main is not None and not named_first:
        # "in 9 years' time", "after 10 years in prison", "within 30 days", "over 10 years":
        # a length after a bare preposition dates something; it is not a penalty. A kind
        # named before it makes it one ("assessed punishment … and at a fine of $500").
        raise Reject(f"a length after {opening_link.value!r} is not a sentence", item.pos)
    if main is not None and parole_period_word:
        # "five years of parole": a period on parole is not a sentence component.
        raise Reject("a period of parole is not a penalty this model can hold", main.pos)
    lone_no_parole = False
    if no_parole and (life or main is None):
        life_only = True  # "life without parole"; alone, it qualifies the life term before it
        lone_no_parole = not life
    if suspension is not None:
        suspended = True
        if (
            main is None
            and kinds
            and all(named in _SUPERVISING and at > suspension_at for named, at in kinds.items())
        ):
            # "suspended for 10 years' community supervision", "probated for 5 years of
            # probation": the supervision named after the period is the suspension's (corpus
            # README), no penalty of its own.
            kinds.clear()
    if reprieve_period is not None:
        reprieve = True
    if lone_no_parole:
        life_only = False
    if label is not None and "custody" in kinds and custodial(label):
        # A penalty that is itself custody takes the custody word beside it ("six months'
        # imprisonment in default of payment" is one penalty, not custody and `other`).
        del kinds["custody"]
    kind, named_label, death_reprieve = _kind_of(
        kinds, life, main, item.pos, suspended=suspended, length_first=length_first
    )
    if named_label is not None:
        label = named_label
    if death_reprieve is not None:
        reprieve_period, reprieve = death_reprieve, True
    if kind == "death":
        main = None  # a length there was the reprieve
    found = other_label(label) if kind == "other" and main is None and label else None
    if (
        count_given
        and found is not None
        and found.unit in CORPORAL_UNITS
        and ends_counted(elements)
    ):
        # "two years in prison and one whipping": a count right before corporal punishment
        # named without its unit counts its strokes (data/labels.toml); "two caning sentences"
        # counts sentences and stays refused.
        assert label is not None
        assert count is not None
        strokes = Strokes(count, label, item.pos)
        main = Core("strokes", strokes, strokes, item.pos)
        count, count_given = 1, False
    term = _term_of(kind, main, bound, item.pos, life=life, life_only=life_only, tariff=tariff)
    its_parts_counted, its_parts_aggregated = totalled(elements, lexicon)
    if its_parts_counted and kind == "custody":
        count, count_given, per_conviction = 1, False, False
    aggregation = None if its_parts_aggregated else aggregation
    if count_given and kind is not None and kind != "custody" and not per_conviction:
        raise Reject("only custodial terms can be counted", item.pos)
    part = Part(
        pos=item.pos,
        whole_life_where=whole_life_where,
        kind=kind,
        terms=1 if kind not in (None, "custody", "probation") else count,
        count_given=count_given,
        aggregation=aggregation,
        suspended=suspended,
        suspension=suspension,
        reprieve=reprieve,
        reprieve_period=reprieve_period,
        parole_after=parole_after,
        label=label,
        quantity=main if kind == "other" else None,
        length_first=length_first,
        immediate=immediate,
        named=bool(kinds) or life,
        no_parole=lone_no_parole,
        mentions_parole=mentions_parole,
        served=served,
        definite_bound=definite_bound and kind in {"custody", "fine"},
        all_terms=Says.ALL_TERMS in words_say,
        balance=balance,
        per_conviction=per_conviction,
        one_count=Says.ONE_COUNT in words_say,
        optional=item.cue is not None and item.cue.optional,
        regime=regime if kind == "custody" else None,
        all_property=Says.ALL_PROPERTY in words_say and kind == "forfeiture",
        repaid=kind == "restitution" and repaid_only(elements),
        varying=Says.VARYING in words_say,
        during_suspension=Says.DURING_SUSPENSION in words_say,
        needs_term=Says.NEEDS_TERM in words_say,
        sentence_named=Says.NEUTRAL in words_say or lexicon.bare_suspension_is_sentence,
        lone_counts=lone_counts and count_given and not words_say & {Says.PLURAL, Says.AGGREGATION},
        **term,
    )
    if part.parole_after is not None and part.kind == "custody" and part.has_term:
        # "life without eligibility for parole for 10 years"
        part = bound_by_parole(part, part.parole_after)._replace(parole_after=None)
    return part


#: The kinds whose period, named right after a suspension's, is that suspension's.
_SUPERVISING: Final = frozenset({"probation", "community_supervision"})


def _kind_of(
    kinds: dict[str, int],
    life: bool,
    main: Core | None,
    at: int,
    *,
    suspended: bool,
    length_first: bool,
) -> tuple[str | None, str | None, Time | None]:
    """(the kind its words name or its core shows, the label strokes give, the reprieve a
    death sentence's length is)."""
    if "death" in kinds:
        if len(kinds) > 1 or life:
            other = next(kind for kind in kinds if kind != "death") if len(kinds) > 1 else "life"
            raise Reject(f"death and {other.replace('_', ' ')} in one part", kinds["death"])
        if main is not None:
            if not (suspended and length_first) or main.shape != "fixed":
                raise Reject("a death sentence has no length", main.pos)
            # "a two-year suspended death sentence": the length is the reprieve
            return "death", None, _fixed_time(main, "a reprieve")
        return "death", None, None
    if "custody" in kinds and len(kinds) > 1:
        # "90 days of county jail": one kind; "prison ... probation" would be two.
        others = [kind for kind in kinds if kind != "custody"]
        raise Reject(f"custody and {others[0].replace('_', ' ')} in one part", kinds[others[0]])
    if len(kinds) > 1:
        first, second = list(kinds)[:2]
        raise Reject(
            f"{first.replace('_', ' ')} and {second.replace('_', ' ')} in one part", kinds[second]
        )
    if kinds:
        return next(iter(kinds)), None, None
    if life:
        return "custody", None, None
    if main is None:
        return None, None, None  # an attachment: "with reprieve", ", suspended"
    value = main.high if isinstance(main.high, Time | Cash) else main.low
    if isinstance(value, Strokes):
        return "other", value.label, None
    if isinstance(value, Cash):
        return "fine", None, None
    if isinstance(value, Time) and value.hours_only():
        return "community_service", None, None  # "a required 200 hours"
    return "custody", None, None


def _term_of(
    kind: str | None,
    main: Core | None,
    bound: tuple[Says, int] | None,
    at: int,
    *,
    life: bool,
    life_only: bool,
    tariff: bool,
) -> dict[str, Any]:
    """The term fields its core and bound words state."""
    if kind is None:
        if bound is not None or life:
            raise Reject("a bound with nothing to bound", at)
        return {}
    if main is None:
        if life:
            # Rights lost "for life" are lost until death: life..life (MODEL.md, 剥夺政治权利终身).
            whole = life_only or kind == "deprivation_of_rights"
            low, high = (LIFE, LIFE) if whole else (None, LIFE)
            # "a maximum sentence of life imprisonment, a $20 million fine": the maximum
            # carries over the plain values after it, as "a maximum of 20 years" does.
            most = bound is not None and bound[0] is Says.MAX and not whole
            return {
                "has_term": True,
                "low": low,
                "high": high,
                "open_low": not whole,
                "max_cue": most,
            }
        return {}
    if isinstance(main.low, Strokes) and kind != "other":
        raise Reject("strokes are their own penalty", main.pos)
    if life:
        raise Reject("life and a length in one part of the phrase", main.pos)
    shape = main.shape
    if bound is not None or tariff:
        said = bound[0] if bound is not None else None
        if shape != "fixed" and not (
            said is not None
            and (shape == "at_most") == (said is Says.MAX)
            and shape in {"at_most", "at_least"}
        ):
            raise Reject("a maximum or minimum of something that is not one value", main.pos)
        # A tariff (minimum term, punishment part) is the least time served: a minimum, whose
        # head sentence ("life with a tariff of 15 years") the phrase states or leaves unstated
        # (corpus README: "Punishment part of 37 years" is P37Y.., never a guessed life).
        if said is Says.MAX and not tariff:
            return {"has_term": True, "high": main.high, "open_low": True, "max_cue": True}
        return {"has_term": True, "low": main.low, "open_high": True}
    return {
        "has_term": True,
        "low": main.low,
        "high": main.high,
        "plain": shape == "fixed",
        "open_low": shape == "at_most",
        "open_high": shape == "at_least",
        "max_cue": shape == "at_most",
    }


def _fixed_time(core: Core, what: str) -> Time:
    if core.shape != "fixed" or not isinstance(core.low, Time):
        raise Reject(f"{what} must be one length of time", core.pos)
    return core.low
