"""Severity: where a sentence sits on one scale.

The severity axis runs: no custody < custodial durations < life < death with a reprieve <
death. A sentence's severity is an interval on it. `parse` records only what a phrase says; a
jurisdiction profile fills what the phrase leaves unstated (`jurisdictions`). Without one an
unstated bound stays open: it reaches to the end of the scale, and the reason says so.

>>> from sentencenorm import parse
>>> str(severity(parse("life")))
'?..life'
>>> str(severity(parse("life"), "DE")), str(severity(parse("life"), "US"))
('P15Y..life', 'life')
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from typing import Any, Final

import attrs

from ..model import (
    Aggregation,
    Choice,
    Component,
    Composed,
    Custody,
    Death,
    Life,
    Modality,
    expansions,
    plain_length,
)
from ..model.durations import Duration
from .jurisdictions import Jurisdiction, load

__all__ = ["DEATH_LEVEL", "LIFE_LEVEL", "NO_CUSTODY", "Level", "Rank", "Severity", "severity"]


class Rank(enum.IntEnum):
    """The steps of the severity axis, from least to most severe."""

    NONE = 0
    DURATION = 1
    LIFE = 2
    DEATH_REPRIEVE = 3
    DEATH = 4


_RANK_TEXT: Final = {
    Rank.NONE: ("none", "no custody"),
    Rank.LIFE: ("life", "life"),
    Rank.DEATH_REPRIEVE: ("death_reprieve", "death with a reprieve"),
    Rank.DEATH: ("death", "death"),
}


def _duration_only_with_its_rank(instance: Level, _: object, value: Duration | None) -> None:
    if (instance.rank is Rank.DURATION) != isinstance(value, Duration):
        raise ValueError(f"a level has a duration exactly when its rank is DURATION: {value!r}")


@attrs.frozen
class Level:
    """A point on the severity axis: a rank, and the length when the rank is DURATION."""

    rank: Rank = attrs.field(converter=Rank)
    duration: Duration | None = attrs.field(default=None, validator=_duration_only_with_its_rank)

    @classmethod
    def of(cls, bound: Duration | Life) -> Level:
        """The level of a term bound: a duration or LIFE."""
        if isinstance(bound, Duration):
            return cls(Rank.DURATION, bound)
        return LIFE_LEVEL

    def compare(self, other: Level) -> int | None:
        """-1, 0 or 1 as *self* is less, as or more severe; None where a month's length decides.

        >>> Level.of(Duration.of(months=1)).compare(Level.of(Duration.of(days=30))) is None
        True
        """
        if self.rank != other.rank:
            return -1 if self.rank < other.rank else 1
        if self.duration is not None and other.duration is not None:
            return self.duration.compare(other.duration)
        return 0

    def words(self) -> str:
        """The level for a person: "no custody", "1 year 6 months", "life", "death"."""
        if self.duration is not None:
            return plain_length(self.duration)
        return _RANK_TEXT[self.rank][1]

    def __str__(self) -> str:
        if self.duration is not None:
            return self.duration.isoformat()
        return _RANK_TEXT[self.rank][0]


NO_CUSTODY: Final = Level(Rank.NONE)
LIFE_LEVEL: Final = Level(Rank.LIFE)
DEATH_REPRIEVE_LEVEL: Final = Level(Rank.DEATH_REPRIEVE)
DEATH_LEVEL: Final = Level(Rank.DEATH)


@attrs.frozen
class Severity:
    """A sentence's place on the severity axis: the interval from `low` to `high`.

    An open end (`low_open`, `high_open`) is a bound the phrase leaves unstated and no profile
    fills: the interval then reaches to that end of the custodial scale (no custody, life).
    `low` and `high` are None for a sentence with no custodial or death component: it has no
    place on the scale. `reprieve` is a suspended death sentence's reprieve, stated or filled.
    `reason` says, in words, what was assumed and why.
    """

    low: Level | None
    high: Level | None
    low_open: bool = False
    high_open: bool = False
    reprieve: Duration | None = None
    jurisdiction: str | None = None
    reason: str = ""

    @property
    def placed(self) -> bool:
        """True when the sentence has a place on the severity axis."""
        return self.low is not None and self.high is not None

    @property
    def is_point(self) -> bool:
        """True when the interval is one known point."""
        return self.placed and not (self.low_open or self.high_open) and self.low == self.high

    def words(self) -> str:
        """The interval for a person: "15 years to life", "up to life (minimum unstated)"."""
        if self.low is None or self.high is None:
            return "no place on the severity scale"
        if self.is_point:
            return self.low.words()
        if self.low_open and self.high_open:
            return "a custodial term of unstated length"
        if self.low_open:
            return f"up to {self.high.words()}, minimum unstated"
        if self.high_open:
            return f"at least {self.low.words()}, maximum unstated"
        return f"{self.low.words()} to {self.high.words()}"

    def to_dict(self) -> dict[str, Any]:
        """The severity as JSON-ready values: the interval, its ends, and the reason.

        >>> from sentencenorm import parse
        >>> parse("life").severity("DE").to_dict()  # doctest: +NORMALIZE_WHITESPACE
        {'interval': 'P15Y..life', 'low': 'P15Y', 'high': 'life', 'low_open': False,
         'high_open': False, 'reprieve': None, 'jurisdiction': 'DE',
         'reason': 'A life sentence in DE allows release after 15 years (§ 57a(1) StGB).'}
        """
        return {
            "interval": str(self),
            "low": None if self.low is None else str(self.low),
            "high": None if self.high is None else str(self.high),
            "low_open": self.low_open,
            "high_open": self.high_open,
            "reprieve": None if self.reprieve is None else self.reprieve.isoformat(),
            "jurisdiction": self.jurisdiction,
            "reason": self.reason,
        }

    def __str__(self) -> str:
        """The interval in notation: ``P15Y..life``, ``?..life`` (open), ``death``."""
        if self.low is None or self.high is None:
            return "unplaced"
        if self.is_point:
            return str(self.low)
        low = "?" if self.low_open else str(self.low)
        high = "?" if self.high_open else str(self.high)
        return f"{low}..{high}"


@attrs.define
class _Range:
    """A custodial interval being built, with the notes that explain it."""

    low: Level
    high: Level
    low_open: bool = False
    high_open: bool = False
    terms: int | None = 1  # how many terms it adds up (None: unknown)
    concurrent: bool = False


def severity(sentence: Composed, jurisdiction: str | Jurisdiction | None = None) -> Severity:
    """The severity interval of *sentence*, with *jurisdiction*'s profile filling the gaps.

    >>> from sentencenorm import parse
    >>> s = severity(parse("a suspended death sentence"), "CN")
    >>> str(s), s.reprieve
    ('death_reprieve', Duration('P2Y'))
    >>> str(severity(parse("two years suspended for three years")))
    'none..P2Y'
    """
    if not isinstance(sentence, Composed):
        raise TypeError(f"severity needs a Sentence (parse the text first): {sentence!r}")
    if any(isinstance(part, Choice) for part in sentence.components):
        return _hull(sentence, jurisdiction)
    profile = load(jurisdiction)
    code = None if jurisdiction is None else profile.code
    notes: list[str] = []
    ranges = [
        _custody(part, profile, notes) for part in sentence.components if isinstance(part, Custody)
    ]
    deaths = [part for part in sentence.components if isinstance(part, Death)]
    custody = _combine(ranges, profile, notes) if ranges else None
    death: Level | None = None
    reprieve: Duration | None = None
    if deaths:
        death, reprieve = _death(deaths, profile, notes)
    _accompanying(sentence, profile, custody, death, notes)
    if custody is None and death is None:
        kinds = ", ".join(dict.fromkeys(part.kind for part in sentence.components))
        notes.append(f"it has no custodial or death component ({kinds}), so no place on the scale")
        return Severity(None, None, jurisdiction=code, reason=_sentence_of(notes))
    if death is None:
        assert custody is not None
        return Severity(
            custody.low,
            custody.high,
            custody.low_open,
            custody.high_open,
            jurisdiction=code,
            reason=_sentence_of(notes),
        )
    if custody is not None and sentence.modality in (Modality.POTENTIAL, Modality.STATUTORY):
        notes.append("custody and death are alternatives here, so it runs from one to the other")
        return Severity(
            custody.low,
            death,
            custody.low_open,
            reprieve=reprieve,
            jurisdiction=code,
            reason=_sentence_of(notes),
        )
    if custody is not None:
        notes.append("the death sentence outweighs the custodial term")
    return Severity(death, death, reprieve=reprieve, jurisdiction=code, reason=_sentence_of(notes))


@attrs.frozen
class Way:
    """One way a sentence with alternatives turns out: its components with one option each
    (`sentencenorm.model.expansions`); the law layer reads it as a sentence."""

    components: tuple[Component, ...]
    modality: Modality | None


def _hull(sentence: Composed, jurisdiction: str | Jurisdiction | None) -> Severity:
    """A sentence with alternatives is as severe as its ways together: from the least severe
    to the most (MODEL.md, "choice"). A way with no place on the scale (a fine alone) is
    no custody."""
    ways = [
        severity(Way(way, sentence.modality), jurisdiction)
        for way in expansions(sentence.components)
    ]
    code = ways[0].jurisdiction
    if not any(way.placed for way in ways):
        return Severity(
            None,
            None,
            jurisdiction=code,
            reason="None of its alternatives has a custodial or death component, so it has "
            "no place on the scale.",
        )
    ends = [
        (way.low, way.high, way.low_open, way.high_open, way.reprieve)
        if way.low is not None and way.high is not None
        else (NO_CUSTODY, NO_CUSTODY, False, False, None)
        for way in ways
    ]
    low = ends[0]
    high = ends[0]
    for end in ends[1:]:
        if end[0].compare(low[0]) == -1 or (end[0] == low[0] and end[2]):
            low = end
        if end[1].compare(high[1]) == 1 or (end[1] == high[1] and end[3]):
            high = end
    reasons = [way.reason for way in ways if way.placed and way.reason != "As stated."]
    if not all(way.placed for way in ways):
        reasons.append("An alternative with no custody or death (a fine alone) is no custody.")
    reason = " ".join(
        [
            f"It is one of {len(ways)} alternatives, from the least severe to the most.",
            *dict.fromkeys(reasons),
        ]
    )
    return Severity(
        low[0],
        high[1],
        low[2],
        high[3],
        reprieve=high[4],
        jurisdiction=code,
        reason=reason,
    )


def _accompanying(
    sentence: Composed,
    profile: Jurisdiction,
    custody: _Range | None,
    death: Level | None,
    notes: list[str],
) -> None:
    """Note what the profile's law attaches to the sentence outside the severity axis."""
    kinds = {part.kind for part in sentence.components}
    if "supervised_release" in kinds and profile.fact("supervised_release.after_custody"):
        notes.append(
            "supervised release follows custody and is not part of it"
            f"{profile.cite('supervised_release.after_custody')}"
        )
    life = custody is not None and custody.high.rank is Rank.LIFE and not custody.high_open
    rights = profile.fact("deprivation_of_rights.with_death_and_life")
    if rights == "life" and (death is not None or life) and "deprivation_of_rights" not in kinds:
        notes.append(
            "it also deprives the offender of political rights for life"
            f"{profile.cite('deprivation_of_rights.with_death_and_life')}"
        )


def where_in(profile: Jurisdiction) -> str:
    return "" if profile.code == "root" else f" in {profile.code}"


def _custody(part: Custody, profile: Jurisdiction, notes: list[str]) -> _Range:
    """The interval of one custody component, its unstated bounds filled from *profile*."""
    where = where_in(profile)
    low, high = part.min, part.max
    result = _Range(NO_CUSTODY, LIFE_LEVEL)
    if high is None:
        filled = profile.open_maximum
        if (
            filled is not None
            and not isinstance(low, Life)
            and (low is None or low.compare(filled[0]) in (-1, 0))
        ):
            result.high = Level.of(filled[0])
            notes.append(
                f"an unstated maximum is {plain_length(filled[0])}{where}{profile.cite(filled[1])}"
            )
        else:
            result.high_open = True
            notes.append("the maximum is unstated")
    else:
        result.high = Level.of(high)
        if isinstance(high, Life) and profile.life_available is False:
            notes.append(f"{profile.name} has no life sentence{profile.cite('life.available')}")
    if part.suspended is not None:
        notes.append("a suspended term may never be served, so it starts at no custody")
        _check_suspension(part, profile, notes)
    elif low is not None:
        result.low = Level.of(low)
    elif isinstance(high, Life):
        minimum = profile.life_minimum
        if isinstance(minimum, Life):
            result.low = LIFE_LEVEL
            notes.append(f"a life sentence{where} is served for life{profile.cite('life.minimum')}")
        elif minimum is not None:
            result.low = Level.of(minimum)
            notes.append(
                f"a life sentence{where} allows release after {plain_length(minimum)}"
                f"{profile.cite('life.minimum')}"
            )
            most = profile.fact("life.minimum_at_most")
            if most:
                notes.append(
                    f"a court may raise that to {plain_length(Duration.fromisoformat(most))}"
                )
        else:
            result.low_open = True
            if profile.fact("life.minimum_set_by_court"):
                notes.append(
                    f"the minimum term of a life sentence{where} is set by the court and the "
                    f"phrase does not state it{profile.cite('life.minimum_set_by_court')}"
                )
            else:
                notes.append("the minimum of a life sentence is unstated")
    elif isinstance(high, Duration) and _fits(profile.custody_minimum, high):
        minimum = profile.custody_minimum
        assert minimum is not None
        result.low = Level.of(minimum)
        notes.append(
            f"the shortest custodial term{where} is {plain_length(minimum)}"
            f"{profile.cite('custody.minimum')}"
        )
    else:
        result.low_open = True
        notes.append("the minimum is unstated")
    _count(part, result, notes)
    return result


def _fits(shorter: Duration | None, longer: Duration) -> bool:
    return shorter is not None and shorter.compare(longer) in (-1, 0)


def _check_suspension(part: Custody, profile: Jurisdiction, notes: list[str]) -> None:
    """Note a suspended term or period outside what the profile's law allows."""
    checks = (
        (part.max, "term", "suspended term"),
        (part.suspended.period if part.suspended else None, "period", "operational period"),
    )
    for value, key, noun in checks:
        shortest = profile.fact(f"suspended_custody.{key}_minimum")
        longest = profile.fact(f"suspended_custody.{key}_maximum")
        if not isinstance(value, Duration) or shortest is None or longest is None:
            continue
        low, high = Duration.fromisoformat(shortest), Duration.fromisoformat(longest)
        if value.compare(low) == -1 or value.compare(high) == 1:
            cite = profile.cite(f"suspended_custody.{key}_minimum")
            notes.append(
                f"its {noun} of {plain_length(value)} is outside the {plain_length(low)} "
                f"to {plain_length(high)} the law allows{cite}"
            )


def _times(level: Level, count: int) -> Level | None:
    """*count* terms of *level* served one after another; None when too long to hold."""
    if level.duration is None:
        return level
    try:
        return Level.of(Duration(level.duration.months * count, level.duration.days * count))
    except ValueError:
        return None


def _count(part: Custody, result: _Range, notes: list[str]) -> None:
    """Scale the interval of one term to the component's count of terms."""
    count = part.count
    result.terms = count
    if count == 1:
        return
    if part.aggregation is Aggregation.CONCURRENT:
        result.concurrent = True
        notes.append("concurrent terms are served together, so they last as long as one")
        return
    if count is None:
        if result.high.rank is Rank.DURATION:
            result.high, result.high_open = LIFE_LEVEL, True
            notes.append("the number of terms is unstated, so their total is too")
        return
    high = _times(result.high, count)
    if high is None:
        result.high, result.high_open = LIFE_LEVEL, True
        notes.append("the total of the terms is too long to hold, so it is left open")
    else:
        result.high = high
    # A release point a profile supplies for one life sentence is not a length to multiply:
    # only a minimum the phrase states ("two consecutive terms of 25 years to life") adds up.
    stated_low = part.min is not None or result.high.rank is Rank.DURATION
    if part.aggregation is Aggregation.CONSECUTIVE and stated_low:
        low = _times(result.low, count)
        result.low = low if low is not None else result.low
        notes.append(f"{count} consecutive terms are served one after another")
    elif part.aggregation is Aggregation.CONSECUTIVE:
        notes.append(f"{count} consecutive life terms are served for at least that minimum")
    else:
        notes.append(f"{count} terms last as long as one if concurrent, or their total")


def _add(first: Level, second: Level) -> Level | None:
    """Two terms served one after the other; None when too long to hold."""
    if first.rank is Rank.NONE:
        return second
    if second.rank is Rank.NONE:
        return first
    if first.duration is None or second.duration is None:
        return LIFE_LEVEL
    try:
        return Level.of(first.duration + second.duration)
    except ValueError:
        return None


def _combine(ranges: Sequence[_Range], profile: Jurisdiction, notes: list[str]) -> _Range:
    """Several custody components: at least the longest minimum, at most the total."""
    result = ranges[0]
    for other in ranges[1:]:
        if result.low.compare(other.low) == -1:
            result.low, result.low_open = other.low, other.low_open
        total = _add(result.high, other.high)
        result.high_open = result.high_open or other.high_open or total is None
        result.high = LIFE_LEVEL if total is None else total
        result.terms = (
            None if result.terms is None or other.terms is None else result.terms + other.terms
        )
        result.concurrent = False
    if len(ranges) > 1:
        notes.append(
            "separate custodial terms last at least as long as the longest, at most their total"
        )
    several = result.terms is None or result.terms > 1
    if several and not result.concurrent:
        _cap(result, profile, notes)
    return result


def _cap(result: _Range, profile: Jurisdiction, notes: list[str]) -> None:
    """Apply a profile's limit on the executed total of several determinate terms."""
    rule = profile.combined_cap
    single_term_at_most = profile.custody_maximum
    if rule is None:
        return
    cap, higher, from_total = rule
    if result.high_open and result.high.rank is Rank.LIFE:
        # An unknown number of determinate terms: the higher cap bounds any total.
        if single_term_at_most is None or result.low.rank > Rank.DURATION:
            return
        limit = higher or cap
        result.high, result.high_open = Level.of(limit), False
    elif result.high.duration is not None:
        total = result.high.duration
        limit = cap
        if higher is not None and from_total is not None and total.compare(from_total) != -1:
            limit = higher
        if total.compare(limit) != 1:
            return
        result.high = Level.of(limit)
    else:
        return
    if result.low.duration is not None and result.low.duration.compare(limit) == 1:
        result.low = Level.of(limit)
    notes.append(
        f"several terms{where_in(profile)} are executed as at most {plain_length(limit)}"
        f"{profile.cite('combined_custody.cap')}"
    )


def _death(
    deaths: Sequence[Death], profile: Jurisdiction, notes: list[str]
) -> tuple[Level, Duration | None]:
    """The level of the gravest death component and its reprieve, filled from *profile*."""
    where = where_in(profile)
    gravest = next((part for part in deaths if not part.suspended), deaths[0])
    if profile.death_available is False:
        notes.append(f"{profile.name} has no death penalty{profile.cite('death.available')}")
    if not gravest.suspended:
        return DEATH_LEVEL, None
    reprieve = gravest.reprieve
    if reprieve is None and profile.death_reprieve is not None:
        reprieve = profile.death_reprieve
        notes.append(
            f"a suspended death sentence{where} has a reprieve of {plain_length(reprieve)}"
            f"{profile.cite('death.reprieve')}"
        )
    elif reprieve is None:
        notes.append("the length of the reprieve is unstated")
    if profile.fact("death.commuted_to") == "life":
        notes.append("it is normally commuted to life imprisonment when the reprieve ends")
    return DEATH_REPRIEVE_LEVEL, reprieve


def _sentence_of(notes: Sequence[str]) -> str:
    """Notes joined into one sentence; "as stated" when nothing was assumed."""
    text = "; ".join(dict.fromkeys(notes))
    return (text[0].upper() + text[1:] + ".") if text else "As stated."
