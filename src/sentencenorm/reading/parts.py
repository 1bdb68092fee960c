"""What the parse builds before meaning is given: exact values and items of classed words.

`sentencenorm.reading.tree.ToModel` makes these from the parse tree, during the parse: numbers
(`Num`), lengths as written (`Time`), amounts (`Cash`), strokes, counts, the structured
`Core` of an item ("six months to 10 years", "up to $250,000"), the `Item` around it, the
`Joiner` between items and the `Cue` that gives the modality. `sentencenorm.reading.assemble`
gives them meaning. All are immutable.

Whatever cannot be read exactly raises `Reject` with the column it concerns; the parser turns
it into `SentenceParseError`.
"""

from __future__ import annotations

import functools
from decimal import Decimal
from fractions import Fraction
from typing import Any, Final

import attrs
from lark import Token

from ..language.roles import Joins, Says, role
from ..model import Life, Modality
from ..model.durations import Duration

__all__ = [
    "AND",
    "COMMA_OR",
    "MOST_BARE_YEARS",
    "Cash",
    "Core",
    "Count",
    "Cue",
    "Draft",
    "Element",
    "Item",
    "Joiner",
    "Listed",
    "Num",
    "Reject",
    "Strokes",
    "Time",
    "figure",
    "joined_length",
    "pos",
    "rank",
]


class Reject(Exception):
    """A phrase that parses but does not mean one exact thing; *pos* is a 0-based column.

    *impossible*: what the text says cannot be (a range that runs backwards), so no shorter
    part of it may be read as a sentence either ("10 years to 6 months" is not "10 years").
    """

    def __init__(self, message: str, pos: int, *, impossible: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.pos = pos
        self.impossible = impossible


# ── values built during the parse ────────────────────────────────────────────────────────────


@attrs.frozen
class Num:
    """A number as written, exact; *spelled* if in words."""

    value: Fraction
    pos: int
    spelled: bool = False


# Rank of a unit, to check that a compound duration runs from larger to smaller units.
_RANK: Final = {
    ("months", 120): 5,
    ("months", 12): 4,
    ("months", 1): 3,
    ("days", 14): 2,
    ("days", 7): 2,
}
_RANK_DAY: Final = 1
_ZERO: Final = Fraction(0)
_RANK_HOUR: Final = 0


def rank(unit: tuple[str, int]) -> int:
    """The rank of a unit: a compound length runs from larger to smaller ones."""
    if unit[0] == "hours":
        return _RANK_HOUR
    return _RANK.get(unit, _RANK_DAY)


def below_one(part: Time, unit: tuple[str, int]) -> bool:
    """Whether *part*, written after a length whose smallest unit is *unit*, can be the rest
    of that unit: "2 years and 6 months" is one length, "9 years and 30 months" two terms (30
    months is no rest of a year). Only months are weighed against years: days are kept apart
    from months in a `Duration` ("one month and forty-five days" is P1M45D)."""
    kind, size = unit
    if kind != "months" or part.days or part.hours or not part.months:
        return True
    return part.months < size


@attrs.frozen
class Time:
    """A length as written: months, days and hours kept apart, possibly fractional."""

    months: Fraction
    days: Fraction
    hours: Fraction
    first: tuple[str, int]  # the largest unit written ("years" is ("months", 12))
    last: tuple[str, int]  # the smallest unit written
    pos: int
    #: Written as an adjective ("a 25-year sentence", "dreijährige"): a number before it may
    #: count terms ("three 25-year sentences"); before a plain length it may not.
    attributive: bool = attrs.field(default=False, eq=False)

    @classmethod
    def of(cls, amount: Fraction, unit: tuple[str, int], pos: int) -> Time:
        part, size = unit
        value = amount * size if size != 1 else amount
        return cls(
            months=value if part == "months" else _ZERO,
            days=value if part == "days" else _ZERO,
            hours=value if part == "hours" else _ZERO,
            first=unit,
            last=unit,
            pos=pos,
        )

    def plus(self, other: Time) -> Time:
        return Time(
            self.months + other.months,
            self.days + other.days,
            self.hours + other.hours,
            self.first,
            other.last,
            self.pos,
        )

    def hours_only(self) -> bool:
        return self.hours != 0 and self.months == 0 and self.days == 0

    def duration(self) -> Duration:
        """The exact `Duration`; a month's fraction becomes days at 30 days a month (MODEL.md)."""
        if not self.hours and self.months.denominator == 1 and self.days.denominator == 1:
            try:  # whole months and days, the common case: no fraction arithmetic
                return _duration(int(self.months), int(self.days))
            except ValueError as exc:
                raise Reject(f"the length is out of range: {exc}", self.pos) from None
        months = int(self.months)
        days = self.days + (self.months - months) * 30
        if self.hours:
            if self.hours % 24:
                raise Reject(f"{figure(self.hours)} hours is not a whole number of days", self.pos)
            days += self.hours / 24
        if days.denominator != 1:
            raise Reject(f"{figure(days)} days is not a whole number of days", self.pos)
        try:
            return Duration(months, int(days))
        except ValueError as exc:
            raise Reject(f"the length is out of range: {exc}", self.pos) from None


#: A bare whole number read as years ("25 to life") is below this: a four-digit figure is a
#: calendar year or an amount ("1995 to life", "2,000 to life"), never a term.
MOST_BARE_YEARS: Final = 1000


@functools.lru_cache(maxsize=4096)
def _duration(months: int, days: int) -> Duration:
    # Values are immutable: a length read often ("5 years") is built and validated once.
    return Duration(months, days)


@attrs.frozen
class Cash:
    """An amount of money as written, with the sign or word that names its currency."""

    amount: Decimal
    sign: str
    scale: int
    pos: int
    #: Written "1.500" (a dot, then three digits): 1.5 where the dot marks decimals, 1500 where
    #: it groups thousands; the jurisdiction settles it (MODEL.md), else it is refused.
    dotted: bool = attrs.field(default=False, eq=False)
    #: The amount restated in brackets in another currency ("$1,600 (EGP30,000)"): a
    #: conversion for readers, unless the jurisdiction's currency is the one in brackets.
    converted: Cash | None = attrs.field(default=None, eq=False)
    #: Given as approximate ("about $140,000"): never the court's amount against an exact one.
    near: bool = attrs.field(default=False, eq=False)
    #: Its currency word names the penalty too ("并處1000罰款"): a fine, never a bare amount.
    named: bool = attrs.field(default=False, eq=False)

    @property
    def count(self) -> Decimal:
        """How many of its scale: 2 in "$2 million", the amount in "$500"."""
        return self.amount / self.scale


@attrs.frozen
class Strokes:
    """Strokes of the cane or lashes: corporal punishment, kept as `other`."""

    count: int
    label: str  # "caning" or "flogging"
    pos: int


@attrs.frozen
class Count:
    """How many terms: "three" in "three 25-year sentences"."""

    value: int
    pos: int
    per_conviction: bool = False  # "on each of three counts": a term per count convicted of
    #: False for "on three counts" with no "each": a term per count only where the words say
    #: several terms ("concurrent terms … on two charges"), else maybe one for them all
    distributes: bool = True


@attrs.frozen
class Core:
    """The structured part of an item: a value, a range, an open bound, or a term to life."""

    shape: str  # fixed, range, at_most, at_least, min_max, to_life, strokes
    low: Time | Cash | Strokes | None
    high: Time | Cash | Strokes | Life | None
    pos: int
    #: Written with no unit ("25 to life"): a number of years only where it opens the phrase.
    bare: bool = attrs.field(default=False, eq=False)


Element = Token | Count | Core


@attrs.frozen
class Item:
    """One item between joiners: its words, counts and cores in text order."""

    elements: tuple[Element, ...]
    pos: int
    cue: Cue | None = None
    listed: bool = False  # one of "10, 12 and 15 years": a term of its own (see `listed`)


@attrs.frozen
class Listed:
    """ "10, 12 and 15 years": one fixed term per number, the unit written once, at the end."""

    cores: tuple[Core, ...]
    pos: int


@attrs.frozen
class Cue:
    """The modality cue that opens a phrase ("was sentenced to", "faces")."""

    modality: Modality | None
    bound: str | None = None  # "faces N years", "the maximum penalty is N": "max" (or "min")
    optional: bool = False  # "and shall also be liable to fine": the penalty may be added
    #: a law's change stated high to low ("lowered | from 10 to 5 years"): a range in either order
    either_order: bool = False


@attrs.frozen
class Joiner:
    """The joiner between two items: the role of each of its words, in order (", and" is
    COMMA, AND), and the questions the assembly's rules ask of it, answered once when it is
    made (`Joiner.of`): never a question about words.
    """

    roles: tuple[Joins, ...]
    #: ";", "; and": nothing carries or folds over it.
    hard: bool = False
    #: "or", ", or": alternatives.
    alternative: bool = False
    #: "and", ",", ", and", "plus": parts of one list, or of one length.
    compound: bool = False
    #: A "with" among its words: the part after qualifies the one before.
    qualifying: bool = False
    #: A bare comma.
    comma: bool = False
    #: "with the option of": the term before is served only in default of the fine after.
    in_default: bool = False
    #: "of which": the part after is a part of the term before.
    part_of: bool = False
    #: 并处或者单处, 可以并处, 可并处或单处: the penalty after comes with those before, or
    #: alone, or both (`sentencenorm.reading.assemble.also_or_alone`).
    also_or_alone: bool = False

    @staticmethod
    @functools.lru_cache(maxsize=256)
    def of(roles: tuple[Joins, ...]) -> Joiner:
        """The joiner of these roles (one value per distinct joiner)."""
        return Joiner(
            roles,
            hard=roles in _HARD,
            alternative=roles in _ALTERNATIVE,
            compound=roles in _COMPOUND,
            qualifying=Joins.WITH in roles or Joins.PART in roles,
            comma=roles == (Joins.COMMA,),
            in_default=Joins.DEFAULT in roles or Joins.IN_DEFAULT in roles,
            part_of=Joins.PART in roles,
            also_or_alone=bool(_ADDS.intersection(roles)),
        )

    def __str__(self) -> str:
        """The joiner for a message, by its roles: "with", ", and", ";"."""
        return " ".join(_SHOWN.get(one, one.value) for one in self.roles)


_SHOWN: Final = {Joins.COMMA: ",", Joins.HARD: ";"}
_HARD: Final = frozenset({(Joins.HARD,), (Joins.HARD, Joins.AND)})
_ALTERNATIVE: Final = frozenset(
    {(Joins.OR,), (Joins.COMMA, Joins.OR), (Joins.EITHER,), (Joins.COMMA, Joins.EITHER)}
)
_COMPOUND: Final = frozenset(
    {(Joins.AND,), (Joins.COMMA,), (Joins.COMMA, Joins.AND), (Joins.PLUS,)}
)
#: The roles of the joiners that add a penalty to those before, or beside them
#: (`also_or_alone`).
_ADDS: Final = frozenset({Joins.ALSO_OR_ALONE, Joins.MAY_ALSO, Joins.MAY_ALSO_OR_ALONE})
#: The joiner a list ("10, 12 and 15 years") puts between the items it spreads into.
AND: Final = Joiner.of((Joins.AND,))
#: A comma that an "or" at the end of its list makes an alternative too.
COMMA_OR: Final = Joiner.of((Joins.COMMA, Joins.OR))


@attrs.frozen
class Draft:
    """What the parse produced, before `assemble` gives it meaning."""

    cue: Cue | None
    items: tuple[Item, ...]
    joiners: tuple[Joiner, ...]  # the joiner before each item after the first
    #: The phrase ends "..., or both" (English) or "... ou l'une de ces deux peines" (French):
    #: each penalty alone, and all together, are the options.
    both: bool = False


def figure(value: Fraction) -> str:
    """A number as a person writes it: "5", "2.5"."""
    return str(value.numerator) if value.denominator == 1 else f"{float(value):g}"


def pos(item: Any) -> int:
    """Where a token or a built value starts in the phrase."""
    if isinstance(item, Token):
        return item.start_pos or 0
    return int(item.pos)


def joined_length(previous: Item, joiner: Joiner, item: Item) -> Core | None:
    """The one length that *previous* and *item* make across *joiner* ("18 years | and | 91
    days"), or None when they are two."""
    before, after = previous.elements[-1], item.elements[0]
    suspends = any(
        isinstance(e, Token) and role(e.type).says & {Says.SUSPENDED, Says.SUSPENSION}
        for e in item.elements
    )
    if not (
        joiner.compound
        and not suspends  # "five years, six months suspended": a part suspended
        and isinstance(before, Core)
        and before.shape in {"fixed", "at_most", "at_least"}
        and isinstance(after, Core)
        and after.shape == "fixed"
        and isinstance(before.high if before.shape != "at_least" else before.low, Time)
        and isinstance(after.low, Time)
    ):
        return None
    length = before.high if before.shape != "at_least" else before.low
    assert isinstance(length, Time)
    assert isinstance(after.low, Time)
    hours_mix = after.low.hours_only() != length.hours_only()
    if rank(after.low.first) >= rank(length.last) or hours_mix:
        return None
    if not below_one(after.low, length.last):
        return None  # "12 years, 9 years and 30 months": 30 months is no rest of a year
    total = length.plus(after.low)
    low = None if before.shape == "at_most" else total
    high = None if before.shape == "at_least" else total
    return Core(before.shape, low, high, before.pos)
