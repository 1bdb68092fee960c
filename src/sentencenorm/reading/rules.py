"""How neighbouring parts of a phrase make one component: the assembly's named rules.

`sentencenorm.reading.assemble` reads each item into a `Part`, then gives it to `RULES` in
order, with the part before it and the joiner between them. A rule that applies folds the
part into the one before (`Fold`), makes it read otherwise and goes on (`Becomes`), or
refuses the phrase (`Reject`); a part no rule folds stands as a component of its own. Around
them, `before_reading` rules work on the items and joiners as parsed, and `after_reading`
rules on the parts that stand. Each rule says what it is for in its docstring and has its
own fixture file, ``tests/fixtures/rules/<name>.txt`` (positives and negatives).

The questions the writer asks too ("would these two parts fold?") live in
`sentencenorm.model.merging`; rules here ask them there.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any, Final

import attrs

from ..model import LIFE, Life
from ..model.merging import TERM_KINDS, bare_custody_qualifies, meets
from .attaching import attach
from .items import Part
from .joining import BEFORE_READING
from .parts import Cash, Joiner, Reject, Time
from .standing import AFTER_READING, spanning

__all__ = [
    "AFTER_READING",
    "BEFORE_READING",
    "FIRST_RULES",
    "RULES",
    "Becomes",
    "Fold",
    "Rule",
]


@attrs.frozen
class Fold:
    """The part is folded into the one before it: *before* is what that one becomes."""

    before: Part


@attrs.frozen
class Becomes:
    """The part reads as *part* instead, and goes on to the next rules."""

    part: Part


Outcome = Fold | Becomes | None
#: A rule: (the part before or None, the part, the joiner between or None) -> its outcome.
Rule = Callable[[Part | None, Part, Joiner | None], Outcome]


# ── the rules, in the order they are tried ───────────────────────────────────────────────────


def qualifying_custody_word(before: Part | None, part: Part, joiner: Joiner | None) -> Outcome:
    """A custody word with no term after a custodial term names how that one is served.

    "seven years imprisonment with hard labour", "10 years and jail", "有期徒刑十年，有期徒刑": one
    custody component. Not across ";". Counts it names are that term's ("three months' imprisonment
    | with hard labour on each of three counts, concurrently": three concurrent terms)
    """
    if before is None or (joiner is not None and joiner.hard):
        return None
    qualifies = bare_custody_qualifies(
        before.kind,
        part.kind,
        has_term=part.has_term,
        suspended=part.suspended,
        count=1,
        aggregation=None,
    )
    if not qualifies:
        return None
    if part.terms == 1 and part.aggregation is None:
        return Fold(before)
    if before.terms != 1 or before.aggregation is not None or not before.has_term:
        return None
    return Fold(
        before._replace(
            terms=part.terms,
            count_given=part.count_given,
            aggregation=part.aggregation,
            per_conviction=part.per_conviction,
        )
    )


def term_after_custody_word(before: Part | None, part: Part, joiner: Joiner | None) -> Outcome:
    """A bare term set off by a comma after a custody word with no term is that custody's term.

    "sentenced to imprisonment, ranging from seven to 10 years" is one custody P7Y..P10Y; "prison
    sentences, ranging from two to five years" keeps the count the words say. Only across a bare
    comma, and only a term no word of its own names ("imprisonment, and 10 years of probation",
    "imprisonment and a fine" stay apart).
    """
    if before is None or joiner is None or not joiner.comma:
        return None
    if before.kind != "custody" or not before.named or before.has_term or before.suspended:
        return None
    if (
        part.kind != "custody"
        or part.named
        or not part.has_term
        or part.terms != 1
        or part.suspended
        or part.aggregation is not None
        or part.parole_after is not None
    ):
        return None
    return Fold(_with_term(before, part))


def reprieve_of_death(before: Part | None, part: Part, joiner: Joiner | None) -> Outcome:
    """A probation "with" a death sentence is its reprieve (older Chinese court English).

    "death with a two-year probation" is death, suspended, reprieve P2Y.
    """
    if before is None or joiner is None or joiner.hard:
        return None
    if (
        before.kind == "death"
        and part.kind == "probation"
        and joiner.qualifying
        and part.plain
        and isinstance(part.low, Time)
    ):
        return Fold(before._replace(reprieve=True, reprieve_period=part.low))
    return None


def alternatives(before: Part | None, part: Part, joiner: Joiner | None) -> Outcome:
    """Alternatives joined by "or" between terms of one kind are one range of possible terms.

    "five to 99 years or life" is P5Y..life; the Californian "16 months, 2 years, or 3 years"
    is P1Y4M..P3Y. Alternatives of different kinds ("a fine or imprisonment") stay apart.
    """
    if before is None or joiner is None or not joiner.alternative:
        return None
    if before.kind == part.kind == "fine":
        return _money_alternatives(before, part)
    if before.kind != part.kind or before.kind not in TERM_KINDS:
        return None
    if before.terms == part.terms == 1 and _unbounded_or_life(before, part):
        # "imprisonment for any term of years or for life" (MODEL.md): up to life.
        return Fold(before._replace(low=None, high=LIFE, plain=False, open_low=True))
    if not (before.has_term and part.has_term) or before.terms != 1 or part.terms != 1:
        return None
    if before.regime != part.regime:
        return None  # 拘役 or 行政拘留: two penalties, not one range
    if before.suspended or part.suspended or before.aggregation or part.aggregation:
        return None

    def low_of(one: Part) -> object:
        # A life sentence with no stated minimum is, as an alternative, at least life.
        return LIFE if one.low is None and isinstance(one.high, Life) else one.low

    lows = [low_of(before), low_of(part)]
    highs = [before.high, part.high]
    if any(isinstance(value, Cash) for value in lows + highs):
        return None
    low: Any = _extreme(lows, smallest=True, pos=part.pos)
    high: Any = _extreme(highs, smallest=False, pos=part.pos)
    return _one_range(before, low, high)


def _one_range(before: Part, low: Any, high: Any) -> Fold:
    """*before* as the one range two alternatives make, an unstated side left open."""
    return Fold(
        before._replace(
            low=low,
            high=high,
            plain=False,
            max_cue=False,
            open_low=low is None,
            open_high=high is None,
        )
    )


def _unbounded_or_life(before: Part, part: Part) -> bool:
    """One side names the kind with no term ("any term of years"), the other life; neither
    suspended nor aggregated."""
    sides = (before, part)
    if any(side.suspended or side.aggregation for side in sides):
        return False
    termless = [side for side in sides if not side.has_term]
    life = [side for side in sides if side.has_term and isinstance(side.high, Life)]
    return len(termless) == 1 and len(life) == 1


def _money_alternatives(before: Part, part: Part) -> Outcome:
    """ "a fine of $200 or $500" is one fine of $200 to $500 (MODEL.md), where both name
    their amounts with the same sign; an unstated side stays unstated. A fine that states no
    amount adds none (corpus README): "a fine or a petty fine of not more than one million
    yen" is one fine of up to one million yen."""
    if before.has_term != part.has_term:
        stated_side = part if part.has_term else before
        return Fold(_with_term(before, stated_side))
    values = [before.low, before.high, part.low, part.high]
    stated = [value for value in values if value is not None]
    if len(stated) < 2 or not all(isinstance(value, Cash) for value in stated):
        return None
    if len({value.sign for value in stated if isinstance(value, Cash)}) != 1:
        return None

    def amount(value: object) -> Decimal:
        assert isinstance(value, Cash)
        return value.amount

    lows, highs = [before.low, part.low], [before.high, part.high]
    low = None if None in lows else min(lows, key=amount)
    high = None if None in highs else max(highs, key=amount)
    return _one_range(before, low, high)


def suspended_sentence_alone(before: Part | None, part: Part, joiner: Joiner | None) -> Outcome:
    """ "a suspended sentence" with nothing before it is custody of unstated length, suspended;
    a bare "suspension" or "suspended" names no sentence (a licence's, a job's)."""
    alone = before is None and part.is_attachment() and part.sentence_named
    if alone and part.suspended and part.suspension is None:
        return Becomes(part._replace(kind="custody"))
    return None


def qualifier(before: Part | None, part: Part, joiner: Joiner | None) -> Outcome:
    """A part that only qualifies folds into the component before it.

    ", suspended for 3 years", "with a two-year reprieve", "with the possibility of parole
    after 25 years", ", to be served consecutively", ", without parole".
    """
    if not part.is_attachment():
        return None
    if before is None:
        raise Reject("this qualifies a sentence, but none comes before it", part.pos)
    return Fold(attach(before, part))


def partial_suspension(before: Part | None, part: Part, joiner: Joiner | None) -> Outcome:
    """A suspended part of the term before it makes that term partly suspended: the full term
    with `suspended` set, its period if stated (MODEL.md: "the suspended part is not yet in
    the model").

    "10 years, 5 years suspended", "10 years with 5 suspended", "18 months imprisonment of
    which 6 months was suspended for 5 years" (P1Y6M suspended=P5Y). A suspended part longer
    than the term is refused. Not when the term before is no custody ("death, 1 day suspended
    custody") nor when the suspended term names its own kind ("2 years in prison, 1 day in
    prison suspended"): then it is a sentence of its own.
    """
    if (
        before is not None
        and before.kind == "custody"
        and part.kind == "custody"
        and part.suspended
        and part.plain
        and joiner is not None
        and (joiner.part_of or (not part.named and (joiner.qualifying or joiner.comma)))
    ):
        whole, suspended = before.high, part.low
        if not (isinstance(whole, Time) and before.low == whole and isinstance(suspended, Time)):
            raise Reject("only part of one exact term can be suspended", part.pos)
        if _rough_days(suspended) > _rough_days(whole):
            raise Reject("the suspended part is longer than the term", part.pos)
        if before.suspended:
            raise Reject("a term suspended twice", part.pos)
        return Fold(before._replace(suspended=True, suspension=part.suspension))
    return None


def bond_of_suspension(before: Part | None, part: Part, joiner: Joiner | None) -> Outcome:
    """A good behaviour bond "with" a suspended term is the suspension's condition, and its
    length the suspension's period (Australia, New Zealand: the term is suspended on the
    offender entering a bond to be of good behaviour for that long).

    "a three-month suspended sentence, with a six-month good behaviour bond" is custody P3M
    suspended=P6M. Not after a term that is not suspended, nor after one whose period is
    stated already, nor across "and" (a bond beside the term).
    """
    if (
        before is not None
        and joiner is not None
        and joiner.qualifying
        and not joiner.part_of
        and before.kind == "custody"
        and before.suspended
        and before.suspension is None
        and part.kind == "other"
        and part.label == "good behaviour bond"
        and part.quantity is not None
        and part.quantity.shape == "fixed"
        and isinstance(part.quantity.low, Time)
    ):
        return Fold(before._replace(suspension=part.quantity.low))
    return None


def _rough_days(length: Time) -> Fraction:
    """A length in days at 30 days a month, for comparing a part with its whole."""
    return length.months * 30 + length.days + length.hours / 24


def amount_forfeited_after(before: Part | None, part: Part, joiner: Joiner | None) -> Outcome:
    """A bare amount, a comma, then a forfeiture of no amount: one forfeiture of that amount
    (Taiwan: "現金新臺幣柒仟壹佰陸拾元，均沒收之"); not after a named fine ("罰金…，沒收之")."""
    if before is None or joiner is None or not joiner.comma:
        return None
    if (
        part.kind == "forfeiture"
        and not part.has_term
        and not part.all_property
        and before.kind == "fine"
        and not before.named
        and before.plain
        and isinstance(before.low, Cash)
        and before.low == before.high
    ):
        return Fold(before._replace(kind="forfeiture", named=True))
    return None


def bare_length_after_with(before: Part | None, part: Part, joiner: Joiner | None) -> Outcome:
    """A bare length after "with" is refused: "life with 25 years" (a minimum? a second
    term?) says nothing certain."""
    bare = not part.named and part.kind == "custody" and not part.open_high
    if before is not None and joiner is not None and joiner.qualifying and bare:
        raise Reject(f'a bare length after "{joiner}" says nothing certain', part.pos)
    return None


def label_said_again(before: Part | None, part: Part, joiner: Joiner | None) -> Outcome:
    """An `other` penalty with no quantity after "with" that names the label of the one before
    says again what that one is: "six months' community detention | with a curfew" (New
    Zealand's community detention is a curfew) is one curfew of six months."""
    again = part.kind == "other" and part.quantity is None and part.label is not None
    if before is None or joiner is None or not joiner.qualifying or not again:
        return None
    return Fold(before) if before.kind == "other" and before.label == part.label else None


_SHARED: Final = ("terms", "aggregation", "suspended", "suspension")


def bounds_meet(before: Part | None, part: Part, joiner: Joiner | None) -> Outcome:
    """An open-topped and an open-bottomed term of one kind make one term.

    "a maximum of 40 years and a mandatory minimum of 5 years" is P5Y..P40Y; "life with a
    minimum term of 25 years" and "life with a tariff of 15 years" are N..life; "12 years with
    a non-parole period of eight years" and "a unified 25-year term, ten years fixed" are
    P8Y..P12Y and P10Y..P25Y. Not across ";" or "or".
    """
    if before is None or (joiner is not None and (joiner.hard or joiner.alternative)):
        return None
    # A bare length before a comma takes the kind the next bound names ("2年以上、5年以下的緩刑
    # 考驗期": the noun after a list of bounds is the head of both).
    borrows = (
        joiner is not None
        and joiner.comma
        and not before.named
        and before.kind == "custody"
        and part.named
        and part.kind in TERM_KINDS
    )
    # A bare bound after a comma takes the kind of the bound before it ("缓刑考验期限为原判刑期以上
    # 五年以下，但是不能少于一年": the floor of the same period).
    trails = (
        joiner is not None
        and joiner.comma
        and before.named
        and not part.named
        and part.kind == "custody"
        and before.kind in TERM_KINDS
    )
    if not (borrows or trails) and (
        before.kind != part.kind or before.kind not in (*TERM_KINDS, "fine")
    ):
        return None  # a fine's bounds meet too: "处3000元以上、1万元以下的罚款"
    if (
        joiner is not None
        and (joiner.qualifying or (joiner.comma and _unnamed_custody(before, part)))
        and before.plain
        and part.open_high
        and part.low is not None
        and part.terms == 1
        and not part.suspended
    ):
        # "12 years with a non-parole period of eight years", "10 years with a minimum of 5",
        # "a unified twenty-five year term, ten years fixed" (Idaho: the fixed part is served
        # before parole may come)
        return Fold(before._replace(low=part.low, plain=False))
    for upper, lower in ((before, part), (part, before)):
        if borrows and upper is before:
            continue  # "up to 10 years, at least 3 years of supervised release": two kinds
        if not meets(upper.span(), lower.span()):
            continue
        blank = Part(pos=0)
        shared = {}
        for name in _SHARED:
            default = getattr(blank, name)
            mine, theirs = getattr(upper, name), getattr(lower, name)
            if mine != default and theirs != default and mine != theirs:
                return None
            shared[name] = mine if mine != default else theirs
        merged = spanning(part if borrows else before, lower, upper, **shared)
        return Fold(merged)
    if trails and (part.open_low or part.open_high):
        # "有期徒刑三年，但不得少于一年": a floor (or ceiling) that closes no range before it
        raise Reject("a bare bound after a comma closes no range before it", part.pos)
    return None


def _unnamed_custody(before: Part, part: Part) -> bool:
    """Two custodial parts no word names custody: "a unified 25-year term, ten years fixed"
    (a named term stays apart from a bare bound: "有期徒刑三年，但不得少于一年" is refused)."""
    return before.kind == part.kind == "custody" and not (before.named or part.named)


def balance_of_term(before: Part | None, part: Part, joiner: Joiner | None) -> Outcome:
    """A balance of term after a non-parole period completes the head sentence: the least time
    served is the non-parole period, the head sentence that plus the balance (MODEL.md's
    convention for non-parole periods; New South Wales, Crimes (Sentencing Procedure) Act 1999,
    s 44: "the balance of the term of the sentence").

    "a non-parole period of two years, with a balance of term of one year" is P2Y..P3Y. A
    balance with no non-parole period before it, or a balance that is not one exact length, is
    refused.
    """
    if not part.balance:
        return None
    exact = isinstance(part.low, Time) and part.low == part.high and part.kind in (None, "custody")
    least = before.low if before is not None else None
    if (
        before is None
        or (joiner is not None and joiner.hard)
        or before.kind not in (None, "custody")
        or not isinstance(least, Time)
        or before.high is not None
        or not exact
    ):
        raise Reject("a balance of term completes a non-parole period stated before it", part.pos)
    assert isinstance(part.low, Time)
    head = least.plus(part.low)
    return Fold(before._replace(kind="custody", high=head, open_high=False, plain=False))


def least_time_of_custody(before: Part | None, part: Part, joiner: Joiner | None) -> Outcome:
    """A least time to serve "with" a custody word that states no term is that custody's
    term: "imprisonment with a non-parole period of nine months" is one custody term, P9M..
    (its head sentence unstated), not a bare custody beside a second one.
    """
    if before is None or joiner is None or not joiner.qualifying:
        return None
    bare = (
        before.kind == "custody"
        and not before.has_term
        and not before.suspended
        and before.terms == 1
        and before.aggregation is None
    )
    least_only = (
        part.kind in (None, "custody")
        and isinstance(part.low, Time)
        and part.high is None
        and not part.suspended
    )
    return Fold(part._replace(kind="custody", pos=before.pos)) if bare and least_only else None


#: The rules between two parts, in the order they are tried.
RULES: Final[tuple[Rule, ...]] = (
    least_time_of_custody,
    balance_of_term,
    qualifying_custody_word,
    term_after_custody_word,
    reprieve_of_death,
    alternatives,
    suspended_sentence_alone,
    qualifier,
    partial_suspension,
    bond_of_suspension,
    amount_forfeited_after,
    bare_length_after_with,
    label_said_again,
    bounds_meet,
)
#: The rules that may apply to the first part of a phrase (the others need a part before):
#: a phrase of one item, the commonest, is tried against these alone.
FIRST_RULES: Final[tuple[Rule, ...]] = (suspended_sentence_alone, qualifier)


# ── before the parts are read ────────────────────────────────────────────────────────────────


# ── helpers ──────────────────────────────────────────────────────────────────────────────────


def _extreme(values: Sequence[object], *, smallest: bool, pos: int) -> object:
    """The least (or greatest) of two bounds. An unstated bound makes the result unstated,
    except that life tops any alternative ("not less than 10 years or for life": P10Y..life)."""
    lifes = [value for value in values if isinstance(value, Life)]
    if not smallest and lifes:
        return LIFE
    if any(value is None for value in values):
        return None
    times = [value for value in values if isinstance(value, Time)]
    if lifes and (not smallest or not times):
        return LIFE
    if len(times) == 1:
        return times[0]
    first, second = times[0], times[1]
    order = first.duration().compare(second.duration())
    if order is None:
        raise Reject("alternatives whose order cannot be told (months against days)", pos)
    keep_first = (order <= 0) if smallest else (order >= 0)
    return first if keep_first else second


def _with_term(target: Part, source: Part) -> Part:
    """*target* with the term *source* states (its bounds, their shape, its maximum's cue)."""
    return target._replace(
        low=source.low,
        high=source.high,
        has_term=True,
        plain=source.plain,
        open_low=source.open_low,
        open_high=source.open_high,
        max_cue=source.max_cue,
    )
