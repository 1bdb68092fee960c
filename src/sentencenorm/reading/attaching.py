"""What a qualifying part says of the term before it: "to run concurrently", "suspended for
two years", "with parole eligibility after 10 years", "on each of the two counts" (the
`qualifier` rule of `sentencenorm.reading.rules` folds a part that only qualifies)."""

from __future__ import annotations

from fractions import Fraction

from ..model import LIFE, Life
from .items import Part, bound_by_parole
from .parts import Reject, Time

__all__ = ["attach", "part_of_whole"]


def part_of_whole(target: Part, number: int | None) -> bool:
    """Whether *number*, in the unit of *target*'s one exact term, is less than that term:
    "two" of "four years", never "five" of "four years" nor any of "two years six months"."""
    whole = target.high
    if (
        number is None
        or target.kind != "custody"
        or not isinstance(whole, Time)
        or target.low != whole
        or whole.first != whole.last
        or target.terms != 1
    ):
        return False
    field, size = whole.first
    amount: Fraction = getattr(whole, field) / size
    return 0 < number < amount


def attach(target: Part, extra: Part) -> Part:
    """*target* with what the qualifying part *extra* says of it."""
    if extra.aggregation is not None:
        if target.kind != "custody":
            raise Reject("only custodial terms run consecutively or concurrently", extra.pos)
        target = target._replace(aggregation=extra.aggregation, all_terms=extra.all_terms)
    if extra.suspended:
        if target.kind == "death":
            period = extra.suspension or target.reprieve_period
            target = target._replace(reprieve=True, reprieve_period=period)
        elif target.kind == "custody":
            period = extra.suspension or target.suspension
            target = target._replace(suspended=True, suspension=period)
        else:
            raise Reject("only custody or death can be suspended", extra.pos)
    if extra.reprieve:
        if target.kind == "custody":
            # Chinese court English: "three years in prison with a four-year reprieve" (缓刑)
            period = extra.reprieve_period or target.suspension
            target = target._replace(suspended=True, suspension=period)
        elif target.kind != "death":
            raise Reject("a reprieve belongs to a death or custodial sentence", extra.pos)
        else:
            period = extra.reprieve_period or target.reprieve_period
            target = target._replace(reprieve=True, reprieve_period=period)
    if extra.parole_after is not None:
        if target.kind != "custody":
            raise Reject("parole eligibility bounds a custodial term", extra.pos)
        target = bound_by_parole(target, extra.parole_after)
    if extra.no_parole:
        if target.kind != "custody" or not isinstance(target.high, Life):
            raise Reject('"without parole" only qualifies a life sentence here', extra.pos)
        target = target._replace(low=LIFE, open_low=False)
    if extra.count_given and extra.suspended and not extra.per_conviction:
        # "10 years with 5 suspended", "four years, of which two are suspended for five years"
        # (MODEL.md): the bare number counts the whole term's own unit, a part of it; the
        # term is partly suspended (suspension set above), the part not yet in the model.
        if not part_of_whole(target, extra.terms):
            raise Reject("a suspended part that is no part of one exact term", extra.pos)
    elif extra.count_given:
        # "5 years imprisonment, each on counts 1, 3 and 4", "10 years, on each of the two
        # counts": the counts set off after one custody term are that term's.
        counted = target.kind == "custody" and target.has_term and target.terms == 1
        counts = extra.per_conviction and extra.terms is not None
        if not (counted and counts) or target.count_given or target.one_count:
            raise Reject("a count with no term to count", extra.pos)
        target = target._replace(terms=extra.terms, count_given=True, lone_counts=extra.lone_counts)
    if extra.immediate and (target.kind != "death" or target.suspended or target.reprieve):
        raise Reject("immediate execution only qualifies a death sentence not suspended", extra.pos)
    parole_note = extra.mentions_parole and target.kind == "custody"
    # "90 days, to be served intermittently": how a custody term is served (weekends in
    # Canada) changes nothing this model holds, and the note is no second penalty.
    serving_note = extra.served and target.kind == "custody"
    said = extra.aggregation or extra.suspended or extra.reprieve or extra.parole_after
    noted = parole_note or serving_note or extra.immediate or extra.count_given
    if not (said or extra.no_parole or noted):
        raise Reject("this part says nothing that can be read", extra.pos)
    return target
