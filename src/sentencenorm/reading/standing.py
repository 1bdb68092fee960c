"""The rules on the parts of a phrase that stand once every part is read, in order.

`sentencenorm.reading.rules` lists them as AFTER_READING beside the rules on parts and joiners;
each has its fixture file in ``tests/fixtures/rules/``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

import attrs

from ..language.roles import Joins
from ..model import Modality
from ..model.merging import DISTRIBUTES_TO, TERM_KINDS, meets
from .items import Part
from .parts import Cash, Cue, Joiner, Reject, Time

__all__ = [
    "AFTER_READING",
    "all_property_states_no_amount",
    "bounds_meet_past_a_repeat",
    "carried_maximum",
    "counts_of_the_term",
    "detention_needs_a_term",
    "given_maximum",
    "one_term_on_counts",
    "probation_for_the_suspension",
    "statute_choice_ceilings",
    "terms_run_together",
    "varying_range",
]


# ── after the parts are read ─────────────────────────────────────────────────────────────────


def carried_maximum(parts: list[Part], cue: Cue | None, hard_breaks: set[int]) -> list[Part]:
    """ "up to 5 years and a $5,000 fine": a maximum carries over the plain values after it.

    The fine's $5,000 is a maximum too (the gold corpus's convention); so after "faces 20
    years" or "the maximum penalty is". "the minimum penalty is 5 years": a minimum, and so is
    each term of a list of terms under it ("the mandatory minimum terms are 3 years, 10 years
    and 20 years to life"). Not across ";".
    """
    if (cue is None or cue.bound is None) and not any(part.max_cue for part in parts):
        return parts  # no maximum to carry, no minimum cue: nothing changes
    carrying = False
    result = []
    for index, part in enumerate(parts):
        if index in hard_breaks:
            carrying = False
        minimum = cue is not None and cue.bound == "min" and index not in hard_breaks
        if minimum and part.plain and (index == 0 or part.kind == parts[0].kind == "custody"):
            # "the mandatory minimum terms are 3 years, 10 years and 20 years to life": a list
            # of terms under the cue are minima each; a fine beside the term is none.
            part = part._replace(high=None, plain=False, open_high=True)
        if index == 0 and cue is not None and cue.bound == "max":
            # "faces 20 years", "the maximum penalty is 20 years"; "faces a mandatory minimum
            # of 10 years and up to life, a $10,000,000 fine": the fine is a maximum too; so
            # past a penalty of no value ("可處第4級罰款及監禁3年").
            carrying = True
        if part.max_cue:
            carrying = True
        if carrying and part.plain and part.kind in DISTRIBUTES_TO:
            part = part._replace(low=None, plain=False, open_low=True)
        result.append(part)
    return result


def given_maximum(parts: list[Part], cue: Cue | None) -> list[Part]:
    """ "received the maximum sentence of 10 years", "was given the statutory maximum two
    years' imprisonment", "was sentenced to the mandatory minimum of 15 years": the bound the
    law sets, named with "the" and given as a sentence, is the sentence itself (exactly 10
    years; MODEL.md). "faces the maximum sentence of 10 years" and "a maximum of 10 years"
    stay bounds.
    """
    if cue is None or cue.modality is not Modality.IMPOSED:
        return parts
    return [
        part._replace(low=part.high, open_low=False, max_cue=False, plain=True)
        if part.definite_bound and part.open_low and isinstance(part.high, Time | Cash)
        else part._replace(high=part.low, open_high=False, plain=True)
        if part.definite_bound and part.open_high and isinstance(part.low, Time | Cash)
        # "sentenced to the maximum sentence of life imprisonment and a $250,000 fine": life
        # given, and the fine beside it given as stated, no maximum.
        else part._replace(max_cue=False)
        if part.definite_bound
        else part
        for part in parts
    ]


def statute_choice_ceilings(
    parts: list[Part], cue: Cue | None, joiners: list[Joiner | None], *, both: bool
) -> list[Part]:
    """A choice a statute offers states the most the court may impose: "a fine not exceeding
    the statutory maximum or to imprisonment for a term of three months or both" is custody
    ..P3M, "3 Months or Fine or Both" (a penal code's schedule) too, "punishable by a fine of
    $500 or 6 months imprisonment" is fine ..USD 500 or custody ..P6M.

    A court decides one sentence; only a law offers penalties to choose from (MODEL.md's
    "fined under this title or imprisoned not more than 10 years, or both"), and a penalty
    the law prescribes is its ceiling (the corpus README: a statute's "shall be imprisoned not
    more than"; a statutory maximum is max only). So each plain term or amount of a phrase
    whose alternatives close with "or both" (or join with "and/or"), or that a statute's cue
    opens ("liable to", "punishable by"), is a maximum. An imposed choice stays as stated
    ("was sentenced to a fine of $500 or imprisonment for up to 30 days"), and so does one
    with no cue and no "or both" ("12 months imprisonment or a fine of R3000": a magistrate's
    order as often as a law's).
    """
    either = any(j is not None and j.alternative for j in joiners)
    together = both or any(j is not None and Joins.EITHER in j.roles for j in joiners)
    statute = cue is not None and cue.modality is Modality.STATUTORY
    if cue is not None and cue.modality is Modality.IMPOSED:
        return parts
    if not (together or (statute and either)):
        return parts
    return [
        part._replace(low=None, plain=False, open_low=True)
        if part.plain
        and part.kind in {"custody", "fine"}
        and not part.suspended
        and part.aggregation is None
        and isinstance(part.high, Time | Cash)
        else part
        for part in parts
    ]


def bounds_meet_past_a_repeat(parts: list[Part], joiners: list[Joiner | None]) -> list[Part]:
    """ "a minimum punishment of imprisonment for five years with fine and a maximum
    punishment of imprisonment for seven years with fine" (India's judgments, restating a
    section): a floor and a ceiling of one kind, each with the same unstated penalty beside
    it, are one term with that penalty once: custody P5Y..P7Y + fine, as "a minimum of 5
    years and a maximum of 7 years" is one term (`bounds_meet`). Not across ";" or "or", nor
    when the penalties beside differ or state values ("… with a fine of Rs 5,000 and … with
    a fine of Rs 10,000" keeps its four parts). *joiners* (the joiner before each part) is
    updated in place, so the rules after this one see the parts as they now stand.
    """
    if len(parts) < 4:
        return parts
    result = list(parts)
    at = 0
    while at + 3 < len(result):
        first, beside, second, again = result[at : at + 4]
        between = joiners[at + 1 : at + 4]
        if (
            first.kind == second.kind
            and first.kind in TERM_KINDS
            and beside.kind == again.kind
            and beside.kind not in (None, first.kind)
            and not (beside.has_term or again.has_term)
            and beside._replace(pos=0) == again._replace(pos=0)
            and not any(j is None or j.hard or j.alternative for j in between)
            and first.terms == second.terms
            and first.aggregation == second.aggregation
            and not (first.suspended or second.suspended)
        ):
            merged = _met(first, second)
            if merged is not None:
                result[at : at + 4] = [merged, beside]
                del joiners[at + 2 : at + 4]
        at += 1
    return result


def spanning(base: Part, lower: Part, upper: Part, **shared: Any) -> Part:
    """*base* as the one term from *lower*'s floor to *upper*'s ceiling (both bounds closed,
    the ceiling's cue kept), with *shared* fields as given (`rules` folds a range so too)."""
    return base._replace(
        low=lower.low,
        high=upper.high,
        open_low=False,
        open_high=False,
        plain=False,
        max_cue=upper.max_cue,
        **shared,
    )


def _met(first: Part, second: Part) -> Part | None:
    """The one term a floor and a ceiling make, in either order, or None."""
    for upper, lower in ((first, second), (second, first)):
        if meets(upper.span(), lower.span()):
            return spanning(first, lower, upper)
    return None


def terms_run_together(parts: list[Part], hard_breaks: set[int]) -> list[Part]:
    """ "5 years on count one and 3 years on count two, all to run concurrently": a closing
    "all" (or "both", "the sentences") says how every custodial term before it runs, back to
    a ";". A term that says its own way of running keeps it.
    """
    if not any(part.all_terms for part in parts):
        return parts
    result = list(parts)
    for index, part in enumerate(parts):
        if not (part.all_terms and part.aggregation):
            continue
        for earlier in range(index - 1, -1, -1):
            if earlier + 1 in hard_breaks:
                break
            other = result[earlier]
            if other.kind == "custody" and other.aggregation is None:
                result[earlier] = other._replace(aggregation=part.aggregation)
    return result


def one_term_on_counts(parts: list[Part]) -> list[Part]:
    """One term "on two counts" (no "each", no plural, not run with others) may be one term for
    them all or one a count: the phrase is refused, so a match stops before the counts ("a total
    of 56 years in prison | on four counts"). "concurrent terms of 12 months on two charges", "on
    each of two counts" and "5 years on two counts, to run concurrently" are a term a count.
    """
    for part in parts:
        if part.lone_counts and part.aggregation is None:
            raise Reject("one term 'on N counts' may be one term for them all", part.pos)
    return parts


#: The rules on the parts that stand, in order.
def detention_needs_a_term(parts: list[Part]) -> list[Part]:
    """A bare 拘留 with no length of its own, standing as a part, is an arrest, not a penalty.

    "被拘留十天" and "处五日以下拘留" are administrative detention; "被拘留人", "不执行拘留处罚",
    "嫌疑人已被拘留" name the detention or a police arrest and state no penalty: the phrase is
    refused. 行政拘留 / 治安拘留 name the penalty itself, days or none ("作出行政拘留处罚").
    (Beside a criminal term, "三年以下有期徒刑或拘留", the word has folded into that term
    already: qualifying_custody_word.)
    """
    for part in parts:
        if part.kind == "custody" and part.needs_term and not part.has_term:
            raise Reject("拘留 with no length is no penalty", part.pos)
    return parts


def all_property_states_no_amount(parts: list[Part]) -> list[Part]:
    """没收个人全部财产 (all the offender's property, Criminal Law art. 59) is a forfeiture of
    no stated amount: "并处没收个人全部财产" is forfeiture all_property. With an amount in the
    same part ("没收个人全部财产五万元") the phrase says two things of one forfeiture, and is
    refused rather than read as either.
    """
    for part in parts:
        if part.kind == "forfeiture" and part.all_property and part.has_term:
            raise Reject("all property and an amount in one forfeiture", part.pos)
    return parts


def varying_range(
    parts: list[Part], cue: Cue | None = None, currency_words: Mapping[str, str] | None = None
) -> list[Part]:
    """A range closed by 不等 (varying) summarizes the terms or amounts of several defendants,
    and the press states it in either order: "有期徒刑8年至1年半不等" is P1Y6M..P8Y, "罚金8000至
    2000元不等" 2000..8000; so is a range after a summary in the same phrase, in its order
    ("有期徒刑8年至1年半不等，并处罚金8000至2000元": the fines of the same defendants, 2000..8000).
    So does a law's change read high to low (a *cue* in either order:
    "the maximum was lowered | from 10 to 5 years", whose figures `neighbours.old_and_new`
    then gives back in the text's order). Otherwise a backwards range is refused
    (hints.backwards_range). A fine word's unnamed yuan and 元 (*currency_words*) are one
    currency: "罚金10万-1万元不等" is 10000..100000.
    """
    either = cue is not None and cue.either_order
    if not either and not any(part.varying for part in parts):
        return parts
    from .hints import backwards_range  # the hints load with a first 不等

    out = []
    summary = False  # a 不等 summary stands before: what follows is the same defendants'
    for part in parts:
        summary = summary or part.varying
        low, high, words = part.low, part.high, currency_words or {}
        if isinstance(low, Cash) and isinstance(high, Cash) and low.sign != high.sign:
            named = words.get(low.sign)  # 罚金10万-1万元: 金 and 元 both the yuan
            low = (
                low
                if named is None or named != words.get(high.sign)
                else attrs.evolve(low, sign=high.sign)
            )
        if (either or summary) and backwards_range(low, high, "zh") is not None:
            part = part._replace(low=part.high, high=part.low)
        out.append(part)
    return out


def probation_for_the_suspension(parts: list[Part], hard_breaks: set[int]) -> list[Part]:
    """Supervision ordered for the period of a suspension just given, with no length of its own,
    lasts that period: Taiwan's "有期徒刑2年，緩刑5年，緩刑期間付保護管束" (protective supervision
    during the suspension, Criminal Code art. 93) is custody P2Y suspended=P5Y and probation
    P5Y. Only words saying so carry the period (Says.DURING_SUSPENSION): a bare probation
    ("six months, suspended for one year, and probation"), one after anything else, or one
    after ";" (nothing carries over it) stays as it is.
    """
    result = list(parts)
    for index in range(1, len(parts)):
        before, part = result[index - 1], parts[index]
        if index in hard_breaks or not part.during_suspension or part.has_term:
            continue
        if part.kind != "probation" or before.kind != "custody":
            continue
        if before.suspended and isinstance(before.suspension, Time):
            period = before.suspension
            result[index] = part._replace(
                low=period, high=period, has_term=True, plain=True, open_low=False, open_high=False
            )
    return result


def counts_of_the_term(parts: list[Part]) -> list[Part]:
    """The counts and how the terms run, said after a probation that closes a list with one
    custody term, are that term's: "10 years' imprisonment and 12 months' probation on each
    count both concurrent" (Northern Ireland's custody probation order) is custody P10Y on each
    count, concurrent, and one probation (a probation is never counted nor run with others).
    """
    last = parts[-1] if len(parts) > 1 else None
    if last is None or last.kind != "probation" or (last.terms == 1 and not last.aggregation):
        return parts
    custody = [index for index, part in enumerate(parts[:-1]) if part.kind == "custody"]
    if len(custody) != 1 or parts[custody[0]].terms != 1 or parts[custody[0]].aggregation:
        return parts
    result = list(parts)
    result[custody[0]] = parts[custody[0]]._replace(
        terms=last.terms, count_given=last.count_given, aggregation=last.aggregation
    )
    result[-1] = last._replace(terms=1, count_given=False, aggregation=None)
    return result


AFTER_READING: Final = (
    bounds_meet_past_a_repeat,
    given_maximum,
    carried_maximum,
    statute_choice_ceilings,
    terms_run_together,
    one_term_on_counts,
    detention_needs_a_term,
    probation_for_the_suspension,
    counts_of_the_term,
    all_property_states_no_amount,
    varying_range,
)
