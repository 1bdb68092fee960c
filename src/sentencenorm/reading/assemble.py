"""`assemble`: a parsed `Draft` to its `Sentence`, by the named rules of `rules`.

Each item is read into a `Part` (`sentencenorm.reading.items`); the parts go through
`sentencenorm.reading.rules.RULES` in order, which fold, change or refuse them; the parts that
stand become components. Whatever cannot be read exactly raises `Reject` with its column.
"""

from __future__ import annotations

import functools
from typing import Final

from ..language import Lexicon
from ..language.lexicon import fold
from ..language.roles import Joins
from ..model import (
    EXACT,
    Bound,
    Choice,
    CommunityService,
    CommunitySupervision,
    Component,
    Counted,
    Custody,
    Death,
    DeprivationOfRights,
    Fine,
    Forfeiture,
    Life,
    Money,
    Other,
    Probation,
    Restitution,
    SupervisedRelease,
    Suspension,
)
from ..model.durations import Duration
from ..model.labels import OtherLabel, other_label, quantity_kind
from ..sentence import Sentence
from .defaults import default_term, fine_or_term
from .items import Part, read_item
from .joining import compound_durations, merged_tiers, or_lists
from .parts import Cash, Core, Cue, Draft, Joiner, Reject, Strokes, Time
from .placed import in_place
from .rules import FIRST_RULES, RULES, Becomes, Fold
from .standing import (
    all_property_states_no_amount,
    bounds_meet_past_a_repeat,
    carried_maximum,
    counts_of_the_term,
    detention_needs_a_term,
    given_maximum,
    one_term_on_counts,
    probation_for_the_suspension,
    statute_choice_ceilings,
    terms_run_together,
    varying_range,
)

__all__ = ["assemble", "component"]

#: Custody components are immutable: a term read often ("5 years") is built once.
_custody: Final = functools.lru_cache(maxsize=4096)(Custody)


def assemble(
    draft: Draft, lexicon: Lexicon, *, text: str, country: str | None, context: Cue | None = None
) -> Sentence:
    """Give a parsed `Draft` its meaning: the canonical `Sentence`.

    *context* is a cue found outside the phrase (by `extract`); a cue inside it wins.
    """
    cue = draft.cue if draft.cue is not None else context
    if len(draft.items) == 1:  # one item: nothing to merge, no list
        items, marked = list(draft.items), []
    else:
        items, joiners = compound_durations(draft.items, draft.joiners)
        marked = or_lists(joiners)
    parts: list[Part] = []
    hard_breaks: set[int] = set()  # indexes of parts that follow a ";"
    standing_joiners: list[Joiner | None] = []  # the joiner before each part that stands
    for index, item in enumerate(items):
        joiner = marked[index - 1] if index else None
        part = read_item(item, lexicon)
        folded = False
        # A first part more than a qualifier goes to no rule (FIRST_RULES: tests/test_rules.py).
        candidates = RULES if parts else FIRST_RULES if part.is_attachment() else ()
        for rule in candidates:
            outcome = rule(parts[-1] if parts else None, part, joiner)
            if isinstance(outcome, Fold):
                parts[-1] = outcome.before
                folded = True
                break
            if isinstance(outcome, Becomes):
                part = outcome.part
        if folded:
            continue
        if joiner is not None and joiner.hard:
            hard_breaks.add(len(parts))
        parts.append(part)
        standing_joiners.append(joiner)
    stray = next((part for part in parts if part.balance), None)
    if stray is not None:  # "a balance of term of one year" with no non-parole period before
        raise Reject("a balance of term completes a non-parole period stated before it", stray.pos)
    parts = bounds_meet_past_a_repeat(parts, standing_joiners)
    parts = carried_maximum(given_maximum(parts, cue), cue, hard_breaks)
    parts = statute_choice_ceilings(parts, cue, standing_joiners, both=draft.both)
    parts = one_term_on_counts(terms_run_together(parts, hard_breaks))
    parts = probation_for_the_suspension(detention_needs_a_term(parts), hard_breaks)
    parts = counts_of_the_term(parts)
    parts = varying_range(all_property_states_no_amount(parts), cue, lexicon.currency_words)
    components = tuple(component(part, lexicon, country) for part in parts)
    if any(j is not None and j.in_default for j in standing_joiners):
        components = in_default(components, standing_joiners, parts)
    if any(j is not None and j.also_or_alone for j in standing_joiners):
        components = also_or_alone(components, standing_joiners, parts, both=draft.both)
    elif any(part.optional for part in parts[1:]):
        components = optional_additions(components, standing_joiners, parts, both=draft.both)
    elif draft.both or any(j is not None and j.alternative for j in standing_joiners):
        components = alternatives(components, standing_joiners, parts, both=draft.both)
    modality = cue.modality if cue else None
    components = fine_or_term(components, modality=modality)
    return Sentence(components, modality=modality, text=text)


def in_default(
    components: tuple[Component, ...], joiners: list[Joiner | None], parts: list[Part]
) -> tuple[Component, ...]:
    """A term "with the option of" a fine, or a term "in default" after a fine, is served
    only if the fine is not paid: the fine, and the term as `other` "default imprisonment"
    (the corpus README's convention for Nigeria's, Ghana's, Eswatini's "two months
    imprisonment with an option of fine of N50,000", and India's Penal Code s 64 "a fine of
    Rs 5,000, in default to undergo simple imprisonment for one month"). Anything else on
    either side is refused.

    *joiners* (aligned with *components*: the joiner before each) is updated in place, so the
    rules after this one see the penalties as they now stand.
    """
    standing: list[Component] = []
    kept: list[Joiner | None] = []
    for index, (penalty, joiner) in enumerate(zip(components, joiners, strict=True)):
        if joiner is None or not joiner.in_default:
            standing.append(penalty)
            kept.append(joiner)
            continue
        before = standing[-1] if standing else None
        if Joins.IN_DEFAULT in joiner.roles:  # "a fine of Rs 5,000, in default to undergo"
            fine, default = before, default_term(penalty)
            if not isinstance(fine, Fine) or default is None:
                raise Reject("'in default' must join a fine and a term", parts[index].pos)
        else:  # "two months with the option of a N50,000 fine"
            fine, default = penalty, default_term(before)
            if not isinstance(fine, Fine) or default is None:
                raise Reject("'with the option of' must join a term and a fine", parts[index].pos)
        standing[-1:] = [fine, default]
        kept.append(joiner)
    joiners[:] = kept
    return tuple(standing)


def also_or_alone(
    components: tuple[Component, ...],
    joiners: list[Joiner | None],
    parts: list[Part],
    *,
    both: bool,
) -> tuple[Component, ...]:
    """并处或者单处罚金: the penalty after comes with the penalties before, or alone (the corpus
    README: 处三年以下有期徒刑、拘役或者管制，并处或者单处罚金 is [[custody ..P3Y, fine],
    [community_supervision, fine], [fine]]); 可以并处罚金: the penalties before alone, or with
    it ([[X], [X, fine]]), 可以并处罚金或者没收财产 with one of them; 可并处或单处罚金 (may add
    it, or impose it alone): both, and it alone ([[X], [X, fine], [fine]]). Alternatives before
    it are read first; each of their options is taken. Anything else is refused, not guessed."""
    at = next(index for index, j in enumerate(joiners) if j is not None and j.also_or_alone)
    base, extra, after = components[:at], components[at:], joiners[at + 1 :]
    roles = joiners[at].roles  # type: ignore[union-attr]
    one_of = Joins.MAY_ALSO in roles and bool(after) and all(j and j.alternative for j in after)
    ors = any(j is not None and (j.alternative or j.also_or_alone) for j in after)
    if not base or both or (ors and not one_of):
        raise Reject("并处或者单处 must follow the penalties it is added to", parts[at].pos)
    before = joiners[:at]
    if any(j is not None and j.alternative for j in before):
        base = alternatives(base, list(before), parts[:at], both=False)
    alone: list[tuple[Component, ...]]
    if len(base) == 1 and isinstance(base[0], Choice):
        alone = list(base[0].options)
    elif any(isinstance(penalty, Choice) for penalty in base):
        raise Reject("并处或者单处 after alternatives beside other penalties", parts[at].pos)
    else:
        alone = [base]
    each = [(one,) for one in extra] if one_of else [extra]
    added = [(*option, *one) for option in alone for one in each]
    if Joins.MAY_ALSO_OR_ALONE in roles:  # 可并处或单处: each alone, each with it, it alone
        options = [*alone, *added, extra]
    elif Joins.MAY_ALSO in roles:  # 可以并处: each alone, or with it
        options = [*alone, *added]
    else:  # 并处或者单处: each with it, or it alone
        options = [*added, extra]
    try:
        return (Choice(options),)
    except ValueError:
        raise Reject("the same penalty with and without 并处或者单处", parts[at].pos) from None


def optional_additions(
    components: tuple[Component, ...],
    joiners: list[Joiner | None],
    parts: list[Part],
    *,
    both: bool,
) -> tuple[Component, ...]:
    """Penalties a statute says may be added ("..., and shall also be liable to fine", "and may
    also be fined") are a `Choice`: the penalties before alone, or with them (the corpus
    README's convention: "可以并处罚金" is [[X], [X, fine]]). Alternatives as well are refused
    rather than guessed at.
    """
    first = next(index for index, part in enumerate(parts) if index and part.optional)
    if both or any(j is not None and j.alternative for j in joiners):
        raise Reject("alternatives and a penalty that may be added", parts[first].pos)
    base = components[:first]
    return (Choice([base, components]),)


def alternatives(
    components: tuple[Component, ...],
    joiners: list[Joiner | None],
    parts: list[Part],
    *,
    both: bool,
) -> tuple[Component, ...]:
    """Penalties that still stand apart across "or" are a `Choice` (MODEL.md: "or" is never
    "and"; alternatives that one range holds were merged by `rules.alternatives` before).

    The options are the runs of penalties between the "or"s: "a fine not exceeding $500 or
    imprisonment not exceeding 30 days" is choice(fine | custody). A closing ", or both"
    adds both together: "up to 5 years, a $250,000 fine, or both" (a list whose commas the
    "or both" makes alternatives); after penalties joined by "and" it adds each alone
    (French "... et 30 000 euros d'amende ou l'une de ces deux peines seulement"). What
    follows the alternatives after a comma or ";" stands beside the choice ("up to 5 years or
    a fine, and 3 years of supervised release"). What cannot be told is refused.
    """
    count = len(components)
    alternative = [j is not None and j.alternative for j in joiners]
    # "a fine of $800 and/or imprisonment not to exceed 60 days": either, or both.
    both = both or any(j is not None and Joins.EITHER in j.roles for j in joiners)
    if both and count < 2:  # "up to 6 months in jail, or both": both of what?
        raise Reject('"or both" after a single penalty', parts[-1].pos)
    if both and not any(alternative):
        if all(j is not None and j.comma for j in joiners[1:]):  # "A, B, or both"
            alternative = [False] + [True] * (count - 1)
        elif count == 2:  # "A and B, or one of them alone"
            return (Choice([components, components[:1], components[1:]]),)
        else:
            raise Reject('"or both" after penalties that are not a list of two', parts[-1].pos)
    first = alternative.index(True) - 1  # the first option begins before the first "or"
    # A comma or ";" between two "or"s ends a run of alternatives: in "十年以上有期徒刑、无期徒刑
    # 或者死刑，并处罚金或者没收财产" the fine or forfeiture is a choice beside the terms'.
    last = first + 1
    for index in range(last + 1, count):
        if alternative[index]:
            if any(_closes(joiners[between]) for between in range(last + 1, index)):
                break
            last = index
    # The last option runs on over "and" ("or imprisonment and a fine"), not over a comma, nor
    # over "also" that adds to every option (`_adds_to_all`).
    end = last + 1
    while (
        end < count
        and not _closes(joiners[end])
        and not _adds_to_all(components, joiners, first, end)
    ):
        end += 1
    # ...and the first begins back over "and": "a fine and costs or 30 days", and over ",
    # plus", which adds to the penalty before it: "a fine of $800, plus court costs, and/or
    # imprisonment not to exceed 60 days" offers the fine with the costs.
    while first > 0 and (not _closes(joiners[first]) or _plus(joiners[first])):
        first -= 1
    comma_or = any(
        Joins.COMMA in joiners[index].roles  # type: ignore[union-attr]
        for index in range(first + 1, last + 1)
        if alternative[index]
    )
    # "also" adding to all the options adds to the choice, whichever grouping is read: no tiers
    # to tell apart.
    added_after = (
        end < count and _adds(joiners[end]) and not _adds_to_all(components, joiners, first, end)
    )
    if comma_or and (_adds(joiners[first]) or added_after):
        # "三年以下有期徒刑，并处罚金，或三年以上七年以下有期徒刑，并处罚金": whether ", or"
        # offers the penalty added with 并处 or all before it, and whether the 并处 after
        # it adds to the last option or to the choice, cannot be told, unless the tiers have
        # one shape and merge (`merged_tiers`), which every grouping reads alike.
        # No shorter part of it is read either: it would choose one grouping.
        tiers = merged_tiers(components, joiners) if not both else None
        if tiers is not None:
            return tiers
        raise Reject(
            '", or" beside a penalty added with another', parts[first].pos, impossible=True
        )
    options: list[tuple[Component, ...]] = []
    for index in range(first, end):
        if index == first or alternative[index]:
            options.append(())
        elif joiners[index] is not None and joiners[index].hard:  # type: ignore[union-attr]
            raise Reject('alternatives across ";"', parts[index].pos)
        options[-1] += (components[index],)
    if not both and len(options) == 3 and _restates_both(options):
        options.pop()  # "..., or by both such fine and imprisonment": "..., or both"
        both = True
    if both:
        if len(options) != 2:
            raise Reject('"or both" after more than two alternatives', parts[-1].pos)
        options.append(options[0] + options[1])
    try:
        choice = Choice(options)
    except ValueError:  # "5 years or 5 years": the same option twice is no choice
        raise Reject("the same penalty on both sides of 'or'", parts[first].pos) from None
    rest = components[end:]
    if any(alternative[end:]):  # a second run of alternatives after this one
        rest = alternatives(rest, [None, *joiners[end + 1 :]], parts[end:], both=False)
    return (*components[:first], choice, *rest)


def _restates_both(options: list[tuple[Component, ...]]) -> bool:
    """Whether the last of three options names, with no value, the penalties of the two
    before, each of one penalty: "a fine not exceeding $500 or imprisonment not exceeding 12
    months, or both such fine and imprisonment" is "..., or both"."""
    first, second, last = options
    if len(first) != 1 or len(second) != 1 or len(last) != 2:
        return False
    kinds = sorted(penalty.kind for penalty in last)
    return kinds == sorted((first[0].kind, second[0].kind)) and all(map(_unstated, last))


def _unstated(penalty: Component) -> bool:
    """A penalty named with nothing stated about it ("imprisonment", "a fine")."""
    try:
        return penalty == type(penalty)()  # type: ignore[call-arg]
    except TypeError:  # a kind that cannot be named without a value (restitution)
        return False


def _adds(joiner: Joiner | None) -> bool:
    """Whether a joiner adds a penalty to the one before it (并处: "also impose")."""
    return joiner is not None and bool({Joins.OTHER, Joins.ALSO} & set(joiner.roles))


def _adds_to_all(
    components: tuple[Component, ...], joiners: list[Joiner | None], first: int, end: int
) -> bool:
    """Whether the joiner before ``components[end]`` adds it to every option from ``first``:
    "also" (并处, "as well as") adding a kind no option holds ("…至无期徒刑，乃至死刑并处罚金";
    "罚金或者…有期徒刑并处罚金" is a fine, or a term with a fine)."""
    joiner = joiners[end]
    if joiner is None or Joins.ALSO not in joiner.roles:
        return False
    return all(components[end].kind != components[index].kind for index in range(first, end))


def _plus(joiner: Joiner | None) -> bool:
    """Whether a joiner is "plus" (after a comma or not), never across ";"."""
    return joiner is not None and not joiner.hard and Joins.PLUS in joiner.roles


def _closes(joiner: Joiner | None) -> bool:
    """Whether a joiner ends a run of alternatives: a comma or ";" among its words."""
    return joiner is None or joiner.hard or Joins.COMMA in joiner.roles


def component(part: Part, lexicon: Lexicon, country: str | None) -> Component:
    """The component a `Part` that stands makes (`Reject` where it cannot be one exactly)."""
    if part.kind == "other":  # a name the territory reads ("CCO" in Victoria)
        part = in_place(part, lexicon, country)
    kind = part.kind
    try:
        if kind == "custody":
            suspended = None
            if part.suspended:
                suspended = Suspension(_period(part.suspension))
            floor = part.low
            if part.whole_life_where and country not in {None, *lexicon.life_only_territories}:
                floor = None  # Hong Kong's 終身監禁 is plain life imprisonment
            return _custody(
                _bound(floor, part),
                _bound(part.high, part),
                count=part.terms,
                aggregation=part.aggregation,
                suspended=suspended,
                regime=part.regime,
            )
        if kind == "death":
            stated = part.reprieve_period or part.suspension  # "death, suspended for two years"
            return Death(suspended=part.suspended or part.reprieve, reprieve=_period(stated))
        if kind == "fine":
            if part.suspended:  # "罚金五千元缓刑三年": the model suspends custody and death only
                raise Reject("only custody or death can be suspended", part.pos)
            part = _court_fine(part, lexicon, country)
            return Fine(
                _money(part.low, part, lexicon, country),
                _money(part.high, part, lexicon, country),
            )
        if kind == "restitution" and part.repaid and country in lexicon.repayment_confiscates:
            kind = "forfeiture"  # "ordered to repay £745" in England: a confiscation order
        if kind == "forfeiture" and not part.has_term:
            # "并处没收财产": property forfeited, no amount stated; 没收个人全部财产: all of it
            return Forfeiture(all_property=part.all_property)
        if kind == "restitution" and not part.has_term:
            if part.repaid:  # "ordered to repay, along with $119,985 in back taxes"
                raise Reject("paying back states no amount here", part.pos)
            return Restitution()  # "custodial sentences and restitution": no amount stated
        if kind in {"restitution", "forfeiture"}:
            if part.low is None or part.low != part.high:
                raise Reject(f"{kind} needs one stated amount", part.pos)
            amount = _money(part.low, part, lexicon, country)
            assert amount is not None
            return Restitution(amount) if kind == "restitution" else Forfeiture(amount)
        if kind == "community_service":
            if not part.plain or not isinstance(part.low, Time) or not part.low.hours_only():
                raise Reject("community service needs one number of hours", part.pos)
            hours = part.low.hours
            if hours.denominator != 1 or hours < 1:
                raise Reject("community service needs a whole number of hours", part.pos)
            return CommunityService(int(hours))
        if kind == "other":
            return _other(part, lexicon, country)
        if kind == "deprivation_of_rights":
            return DeprivationOfRights(_bound(part.low, part), _bound(part.high, part))
        classes: dict[str, type[Probation | SupervisedRelease | CommunitySupervision]] = {
            "probation": Probation,
            "supervised_release": SupervisedRelease,
            "community_supervision": CommunitySupervision,
        }
        term_class = classes[kind or ""]
        low, high = _bound(part.low, part), _bound(part.high, part)
        if term_class is SupervisedRelease:
            return SupervisedRelease(low, high)  # may last for life: 18 U.S.C. § 3583(k)
        if isinstance(low, Life) or isinstance(high, Life):
            # probation and 管制 may not
            raise Reject(f"{(kind or '').replace('_', ' ')} cannot last for life", part.pos)
        component: Component = term_class(low, high)
        return component
    except ValueError as exc:
        from .hints import backwards_range  # loaded by the first range read backwards

        backwards = backwards_range(part.low, part.high, lexicon.lang)
        raise Reject(  # "10 years to 6 months": say the range runs backwards, in words
            backwards or str(exc), part.pos, impossible=backwards is not None
        ) from None


def _period(value: Time | None) -> Duration | None:
    """A suspension's or reprieve's stated length; zero is refused as a term's is."""
    if value is None:
        return None
    duration = value.duration()
    if duration.is_zero():
        raise Reject("a period of zero length", value.pos)
    return duration


def _bound(value: Time | Cash | Strokes | Life | None, part: Part) -> Bound:
    if value is None or isinstance(value, Life):
        return value
    if isinstance(value, Strokes):
        raise Reject("strokes are their own penalty", value.pos)
    if isinstance(value, Cash):
        raise Reject(
            f"{(part.kind or '').replace('_', ' ')} is measured in time, not money", value.pos
        )
    duration = value.duration()
    if duration.is_zero():
        raise Reject("a term of zero length", value.pos)
    return duration


def _money(
    value: Time | Cash | Strokes | Life | None, part: Part, lexicon: Lexicon, country: str | None
) -> Money | None:
    if value is None:
        return None
    if not isinstance(value, Cash):
        raise Reject(f"{(part.kind or '').replace('_', ' ')} is an amount of money", part.pos)
    if value.converted is not None and country is not None:
        value = _court_amount(value, value.converted, part, lexicon, country)
    if value.amount == 0:
        raise Reject("an amount of zero is no penalty", value.pos)
    if not part.named and fold(value.sign) in lexicon.weight_words:
        raise Reject(
            '"pounds" alone may be a weight; write "a fine of ... pounds" or "£"', value.pos
        )
    code = lexicon.currency(value.sign, country)
    if code is None:
        candidates = " or ".join(lexicon.currencies_of(value.sign))
        raise Reject(
            f"{value.sign!r} names no single currency here ({candidates}); "
            "pass the jurisdiction whose currency it is",
            value.pos,
        )
    amount = value.amount
    if value.dotted:
        # "€1.500": 1500 where the jurisdiction groups thousands with ".", 1.5 where the dot
        # marks decimals; with no jurisdiction, two conventions and nothing to settle them.
        from ..law.territories import groups_with_dot, reading_territory  # rare: kept lazy

        grouped = groups_with_dot(reading_territory(country))
        if grouped is None:
            raise Reject(
                f"{amount} or {(amount * 1000).normalize():f}? the dot may mark decimals or "
                "thousands; pass the jurisdiction",
                value.pos,
            )
        if grouped:
            amount = EXACT.multiply(amount, 1000)
    factor = lexicon.currency_factor(value.sign)
    if factor != 1:  # "10 million toman": in rials
        amount = EXACT.multiply(amount, factor)
    return Money(amount, code)


def _court_fine(part: Part, lexicon: Lexicon, country: str | None) -> Part:
    """*part*, a fine stated as one bound on a conversion with the court's own amount in
    brackets after it ("fined over $1,600 (EGP30,000)" in Egypt), as that amount exactly: the
    bound says how the conversion compares, the court's figure is what it imposed. Not a
    ceiling ("a fine of up to $1,600 (EGP30,000)"): what the law allows is refused as before."""
    if country is None or part.high is not None or not isinstance(part.low, Cash):
        return part
    bounds = [part.low]
    again = bounds[0].converted
    if again is None:
        return part
    from ..law.territories import tenders  # rare: kept lazy

    own = tenders(country)
    if lexicon.currency(bounds[0].sign, country) in own:
        return part
    if lexicon.currency(again.sign, country) not in own:
        return part
    return part._replace(low=again, high=again, open_low=False, open_high=False)


def _court_amount(value: Cash, again: Cash, part: Part, lexicon: Lexicon, country: str) -> Cash:
    """Of an amount and its restatement in brackets in another currency, the court's: the
    one in the jurisdiction's currency ("fined $1,600 (EGP30,000)" in Egypt is EGP 30,000). A
    bound on the conversion ("over $1,600 (EGP30,000)") says nothing sure of it, nor its cut."""
    from ..law.territories import tenders  # rare: kept lazy

    own = tenders(country)
    first, second = (lexicon.currency(cash.sign, country) for cash in (value, again))
    if first in own or second not in own:
        return value
    if part.low is None or part.high is None or part.low != part.high:
        raise Reject(f"a bound on a conversion, not {again.sign}", again.pos, impossible=True)
    return again


def _other(part: Part, lexicon: Lexicon, country: str | None) -> Other:
    """A penalty kept under its label, with the quantity the label may state."""
    label = other_label(part.label or "")
    if label is None:  # the lexicon names a label data/labels.toml does not list
        raise Reject(f"no penalty is labelled {part.label!r}", part.pos)
    quantity = None
    if part.quantity is not None:
        quantity = _quantity(part.quantity, label, lexicon, country)
        if not label.allows(quantity):
            kind = quantity_kind(quantity)
            raise Reject(f"a {label.name} states no {kind} such as {quantity}", part.quantity.pos)
    return Other(label.name, quantity)


def _quantity(
    core: Core, label: OtherLabel, lexicon: Lexicon, country: str | None
) -> Duration | Money | Counted:
    """What an `other` penalty states: one length, one amount, or a count of strokes."""
    value = core.low
    if isinstance(value, Strokes):
        if label.unit is None:
            raise Reject(f"a {label.name} is not counted in strokes", core.pos)
        return Counted(value.count, label.unit)
    if core.shape != "fixed":
        raise Reject("a length or amount for this penalty must be one value", core.pos)
    if isinstance(value, Cash):
        money = _money(value, Part(pos=core.pos, kind="other"), lexicon, country)
        assert money is not None
        return money
    assert isinstance(value, Time)
    duration = value.duration()
    if duration.is_zero():
        raise Reject("a length of zero", value.pos)
    if (
        label.unit == "days"
        and "length" not in label.quantities
        and value.first == value.last == ("days", 1)
    ):
        # Days of a penalty counted in days and never measured in time are its count: "a
        # rehabilitation activity requirement of 20 days" is 20 activity days, not a length
        # the label cannot state.
        return Counted(duration.days, "days")
    return duration
