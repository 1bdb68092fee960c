"""What words after the terms given say of them, beyond the phrase that states them.

- How a term runs, said after it in its clause by a verb of its own: "A one month sentence of
  imprisonment imposed for unauthorised driving | was ordered to be served cumulatively on
  …" is a consecutive term; "… were ordered to run concurrently" is said of every term given
  in the sentence (context data ``aggregation_ordered``).
- A part of the term suspended, said in the next sentence: "14 months imprisonment for each.
  | For each 2 months is suspended" is the whole term, partly suspended (corpus README:
  partial suspension; ``suspended_part_after``).
- What a list of terms shares after its last item: "sentenced to 18 and 19 years
  imprisonment, | a fine and 50 lashes", "to 18 years and 19 years in prison respectively, |
  with 50 lashes and fines of …": the penalties added after the last term are each
  defendant's, not the last one's alone, as the unit after the last figure is each figure's.
- A penalty "for the same length of time" as the term before it in the phrase: "10 years in
  prison followed by a travel ban for the same length of time" is a ten-year ban
  (``same_length``).
- A suspension that closes a judgment's main text after the forfeitures that follow the term
  (Taiwan: "處有期徒刑貳年。…新臺幣壹仟元沒收；…；| 緩刑伍年。"): the term's
  (``suspension_closing``).
- The least time before parole of the term just given, said by a clause of its own: "if you're
  sentenced to life imprisonment, | you'll be given a non-parole period of at least 10 years"
  is one term, 10 years to life (``parole_floor``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

import attrs

from ..language.lexicon import Lexicon, fold
from ..model import Aggregation, Component, Custody, Duration, Modality, Other, Suspension
from ..model.labels import other_label
from .caseless import Caseless
from .match import Match

__all__ = [
    "ordered_runs",
    "parole_floors",
    "runs_on_counts",
    "same_lengths",
    "shared_additions",
    "suspended_parts",
    "suspensions_closing",
]

#: A sentence's stop between two matches.
_SENTENCE_END: Final = re.compile(r"[.!?](?=\s)")
#: Auxiliaries that say a verb of several terms ("were ordered to run concurrently").
_PLURAL: Final = re.compile(r"(?:were|are|have)\b", re.IGNORECASE)
#: What may join the items of one list of terms: a comma, "and" or both.
_LIST_JOINT: Final = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)", re.IGNORECASE)
#: A verb of several people ("were sentenced", "have been sentenced").
_SEVERAL: Final = re.compile(r"\b(?:were|are|have\s+been)\b", re.IGNORECASE)
#: A figure with its unit ("18 years"); a bare figure's unit is elided: the rest is shared.
_UNIT: Final = re.compile(r"\b(?:years?|months?|weeks?|days?|yrs?)\b", re.IGNORECASE)


def _terms(match: Match) -> list[Custody]:
    return [c for c in match.sentence.components if isinstance(c, Custody)]


def _with(match: Match, components: Sequence[Component]) -> Match:
    return attrs.evolve(match, sentence=attrs.evolve(match.sentence, components=tuple(components)))


def _running(match: Match, aggregation: Aggregation) -> Match:
    if match.modality not in (Modality.IMPOSED, None) or not _terms(match):
        return match
    return _with(
        match,
        [
            attrs.evolve(c, aggregation=aggregation)
            if isinstance(c, Custody) and c.aggregation is None and c.max is not None
            else c
            for c in match.sentence.components
        ],
    )


def _said_after(
    found: list[Match], index: int, text: str, pattern: Caseless
) -> re.Match[str] | None:
    """What *pattern* finds right after the match at *index*, before the next match."""
    following = found[index + 1].start if index + 1 < len(found) else len(text)
    return pattern.match(text[found[index].end : following], None)


def _sentence_first(found: list[Match], index: int, text: str) -> int:
    """The index of the first match in the sentence of the match at *index*."""
    first = index
    while first and not _SENTENCE_END.search(text, found[first - 1].end, found[first].start):
        first -= 1
    return first


def ordered_runs(
    found: list[Match], text: str, pattern: Caseless | None, lexicon: Lexicon
) -> list[Match]:
    """*found* with the aggregation a verb after a term states in its clause ("… imposed for
    unauthorised driving | was ordered to be served cumulatively"): the last term's when the
    verb is singular, every term's of its sentence when plural ("… were ordered to run
    concurrently"). The pattern's first group is the auxiliary, its second the word."""
    if pattern is None:
        return found
    found = list(found)
    for index, match in enumerate(found):
        said = _said_after(found, index, text, pattern)
        if said is None or not _terms(match):
            continue
        aggregation = Aggregation(lexicon.aggregation[fold(said.group(2))])
        first = _sentence_first(found, index, text) if _PLURAL.match(said.group(1)) else index
        for at in range(first, index + 1):
            found[at] = _running(found[at], aggregation)
    return found


def runs_on_counts(
    found: list[Match], text: str, pattern: Caseless | None, lexicon: Lexicon
) -> list[Match]:
    """*found* with the aggregation the next sentence states of the terms on some counts ("…
    | The sentence on count 2 should be served concurrently with the sentence on count 1")
    given to those terms: the terms of the sentence before, counted in their order. Nothing
    when a count is the first or past the last term."""
    if pattern is None:
        return found
    found = list(found)
    for index in range(len(found)):
        said = _said_after(found, index, text, pattern)
        if said is None:
            continue
        first = _sentence_first(found, index, text)
        given = [at for at in range(first, index + 1) if _terms(found[at])]  # fines count none
        counts = [int(figure) for figure in re.findall(r"\d+", said.group(1))]
        if not all(1 < count <= len(given) for count in counts):
            continue
        aggregation = Aggregation(lexicon.aggregation[fold(said.group(2))])
        for count in counts:
            found[given[count - 1]] = _running(found[given[count - 1]], aggregation)
    return found


def suspended_parts(
    found: list[Match], text: str, pattern: Caseless | None, lang: str
) -> list[Match]:
    """*found* with the term given right before a sentence that suspends a part of it ("…
    imprisonment for each. | For each 2 months is suspended") partly suspended, for the period
    the pattern's second group states, if any. The part (its first group) must be shorter than
    the term."""
    if pattern is None:
        return found
    result = []
    for index, match in enumerate(found):
        following = found[index + 1].start if index + 1 < len(found) else len(text)
        said = pattern.match(text[match.end : following], None)
        terms = _terms(match)
        if said is None or match.modality is not Modality.IMPOSED or len(terms) != 1:
            result.append(match)
            continue
        (term,) = terms
        part = _length(said.group(1), lang)
        if (
            part is None
            or not isinstance(term.max, Duration)
            or term.min != term.max
            or term.suspended is not None
            or part.compare(term.max) != -1
        ):
            result.append(match)
            continue
        period = None if said.group(2) is None else _length(said.group(2), lang)
        if said.group(2) is not None and period is None:
            result.append(match)
            continue
        suspended = attrs.evolve(term, suspended=Suspension(period))
        result.append(
            _with(match, [suspended if c is term else c for c in match.sentence.components])
        )
    return result


def suspensions_closing(
    found: list[Match], text: str, pattern: Caseless | None, lang: str
) -> list[Match]:
    """*found* with the one custodial term given before forfeitures suspended for the period a
    clause right after the last of them states ("處有期徒刑貳年。…新臺幣壹仟元沒收；如全部或一部不能
    沒收時，以其財產抵償之；| 緩刑伍年。"; the period in the pattern's first group), or right
    after the term's own rate clauses ("…有期徒刑如易科罰金,…均以新臺幣壹仟元折算壹日；| 判決另諭知
    被告緩刑參年"). Only an exact term, given, not yet suspended, and nothing but forfeitures
    between."""
    if pattern is None:
        return found
    found = list(found)
    for index, match in enumerate(found):
        terms = _terms(match)
        last = index + 1
        while last < len(found) and all(c.kind == "forfeiture" for c in _components(found[last])):
            last += 1
        if match.modality is not Modality.IMPOSED or len(terms) != 1:
            continue
        said = _said_after(found, last - 1, text, pattern)
        (term,) = terms
        if said is None or term.suspended is not None or term.count not in (1, None):
            continue
        period = _length(said.group(1), lang)
        if period is None or not isinstance(term.max, Duration) or term.min != term.max:
            continue
        suspended = attrs.evolve(term, suspended=Suspension(period))
        found[index] = _with(match, [suspended if c is term else c for c in _components(match)])
    return found


def _components(match: Match) -> tuple[Component, ...]:
    return match.sentence.components


def shared_additions(
    found: list[Match], text: str, distributive: re.Pattern[str] | None
) -> list[Match]:
    """*found* with the penalties added after the last term of a list given to each term of
    it: "sentenced to 18 | and | 19 years imprisonment, a fine and 50 lashes" (the first
    figure's unit elided, so what follows the last is each one's too), "18 years and 91 days
    | and | 19 years and 91 days in prison respectively, with 50 lashes and fines" (one term
    per person, the rest each one's). Only a term given alone before one term given with the
    additions after it, joined as a list."""
    if distributive is None:
        return found
    found = list(found)
    for index in range(len(found) - 1, 0, -1):
        head, last = found[index - 1], found[index]
        components = last.sentence.components
        if (
            head.modality is not Modality.IMPOSED
            or last.modality is not Modality.IMPOSED
            or len(head.sentence.components) != 1
            or not isinstance(head.sentence.components[0], Custody)
            or len(components) < 2
            or not isinstance(components[0], Custody)
            or any(isinstance(c, Custody) for c in components[1:])
        ):
            continue
        joint = _LIST_JOINT.fullmatch(text[head.end : last.start])
        # "the two were sentenced to 18 and | 19 years …": the unit of each, and what follows,
        # elided before the last; to several people ("he was sentenced to 5 and 7 years" is
        # one man's two terms, and the fine after them one)
        opening = max(0, head.start - 80)
        stop = max(
            (m.end() for m in _SENTENCE_END.finditer(text, opening, head.start)), default=opening
        )
        elided = (
            _UNIT.search(head.text) is None and _SEVERAL.search(text, stop, head.end) is not None
        )
        spread = any(distributive.fullmatch(word) for word in re.findall(r"\w+", last.text))
        if joint is None or not (elided or spread):
            continue
        found[index - 1] = _with(head, [*head.sentence.components, *components[1:]])
    return found


def _length(phrase: str, lang: str) -> Duration | None:
    """The one length *phrase* states ("2 months"), or None."""
    from .parser import parse  # the reader of phrases, which reading this module serves

    try:
        components = parse(phrase, lang=lang).components
    except ValueError:
        return None
    if len(components) != 1:
        return None
    (term,) = components
    if not isinstance(term, Custody) or not isinstance(term.max, Duration):
        return None
    return term.max if term.min == term.max else None


def parole_floors(
    found: list[Match], text: str, patterns: tuple[Caseless, Caseless] | None
) -> list[Match]:
    """*found* with a term given (life, or one length) and the least time before parole that the
    next match states of it ("… sentenced to life imprisonment | will usually serve at least 10
    years in prison before being eligible for parole") made one match: the floor its minimum.
    *patterns*: what may stand between them (the same person's verbs, no one else), and the
    words of parole that the second must name."""
    if patterns is None:
        return found
    between, parole = patterns
    result: list[Match] = []
    for match in found:
        head = result[-1] if result else None
        floor = _floor(head, match, text, between, parole) if head is not None else None
        if head is None or floor is None:
            result.append(match)
            continue
        span = text[head.start : match.end]
        sentence = attrs.evolve(head.sentence, components=(floor,), text=span)
        result[-1] = Match(head.start, match.end, span, sentence)
    return result


def _floor(
    head: Match, match: Match, text: str, between: Caseless, parole: Caseless
) -> Custody | None:
    """*head*'s term with *match*'s floor as its minimum, when *match* states one of it."""
    if len(head.sentence.components) != 1 or len(match.sentence.components) != 1:
        return None
    term, floor = head.sentence.components[0], match.sentence.components[0]
    if (
        not isinstance(term, Custody)
        or not isinstance(floor, Custody)
        or (term.count, term.suspended, floor.count, floor.suspended) != (1, None, 1, None)
        or term.max is None
        or term.min not in (None, term.max)
        or not isinstance(floor.min, Duration)
        or floor.max is not None
        or (isinstance(term.max, Duration) and floor.min.compare(term.max) != -1)
    ):
        return None
    if between.match(text[head.end : match.start], None) is None:
        return None
    stop = _SENTENCE_END.search(text, match.end)
    named = text[match.start : min(match.end + 60, len(text) if stop is None else stop.start())]
    if parole.search(named, None) is None:
        return None
    return attrs.evolve(term, min=floor.min)


def same_lengths(found: list[Match], text: str, pattern: Caseless | None) -> list[Match]:
    """*found* with a penalty of no length that the words at the end of its phrase say lasts
    "for the same length of time" as the one custodial term before it ("10 years in prison
    followed by a travel ban | for the same length of time"), in its phrase or the match
    before it in its sentence: that length, the words taken into the match. The pattern is
    searched from the phrase's last words; it must end at or past the phrase's end."""
    if pattern is None:
        return found
    result: list[Match] = []
    for match in found:
        start = max(match.start, match.end - 30)
        said = pattern.search(text[start : match.end + 60], None)
        components = match.sentence.components
        terms = _terms(match)
        if not terms and result and not _SENTENCE_END.search(text, result[-1].end, match.start):
            terms = _terms(
                result[-1]
            )  # "jailed for three years and given a ban | for the same period"
        lengthless = [c for c in components if isinstance(c, Other) and c.quantity is None]
        if (
            said is None
            or start + said.end() < match.end
            or text[match.end : start + said.start()].strip()
            or len(terms) != 1
            or not isinstance(terms[0].max, Duration)
            or terms[0].min != terms[0].max
            or len(lengthless) != 1
            or components[-1] is not lengthless[0]
        ):
            result.append(match)
            continue
        length, other = terms[0].max, lengthless[0]
        label = other_label(other.label)
        if label is None or not label.allows(length):
            result.append(match)
            continue
        lasting = attrs.evolve(other, quantity=length)
        end = start + said.end()
        span = text[match.start : end]
        sentence = attrs.evolve(match.sentence, components=(*components[:-1], lasting), text=span)
        result.append(Match(match.start, end, span, sentence))
    return result
