"""Parse tree to canonical model.

Two steps, both pure (no I/O, no state between calls):

1. `ToModel`, a Lark transformer applied *during* the LALR parse, turns numbers, durations,
   money and the structured cores ("six months to 10 years", "up to $250,000") into small
   values, and each item into the run of classed words around its core. It knows the
   language only through its lexicon.
2. `assemble` reads each item's words to learn what its core measures (custody, probation,
   a fine...), folds neighbouring items, and builds the `Sentence`:

   - "2 years and 6 months": a bare duration followed by a smaller unit is one duration;
   - ", suspended for 3 years", "with a two-year reprieve", "with the possibility of parole
     after 25 years", ", to be served consecutively": an item that only qualifies attaches
     to the component before it;
   - "life with a minimum term of 25 years", "a maximum of 40 years and a mandatory minimum
     of 5 years": an open-topped and an open-bottomed term of one kind meet in one term;
   - "up to 5 years and a $5,000 fine", "faces 10 years and a fine": a maximum carries over
     the fixed amounts that follow it (the convention of the gold corpus).

   A ";" between items stops all three folds: the parts on either side stand on their own.

Whatever cannot be read exactly raises `Reject` with the column it concerns; the parser turns
it into `SentenceParseError`.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any, Final

import attrs
from lark import Token, Transformer, v_args

from ..language.lexicon import Lexicon, fold
from ..model import (
    EXACT,
    LIFE,
    Bound,
    CommunityService,
    CommunitySupervision,
    Component,
    Custody,
    Death,
    DeprivationOfRights,
    Fine,
    Forfeiture,
    Life,
    Modality,
    Money,
    Other,
    Probation,
    Restitution,
    SupervisedRelease,
    Suspension,
    label_quantity,
)
from ..model.durations import Duration
from ..sentence import Sentence
from .hints import backwards_range


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
    """A number as written, exact."""

    value: Fraction
    pos: int


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


def _rank(unit: tuple[str, int]) -> int:
    if unit[0] == "hours":
        return _RANK_HOUR
    return _RANK.get(unit, _RANK_DAY)


@attrs.frozen
class Time:
    """A length as written: months, days and hours kept apart, possibly fractional."""

    months: Fraction
    days: Fraction
    hours: Fraction
    first: tuple[str, int]  # the largest unit written ("years" is ("months", 12))
    last: tuple[str, int]  # the smallest unit written
    pos: int

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
                raise Reject(f"{_figure(self.hours)} hours is not a whole number of days", self.pos)
            days += self.hours / 24
        if days.denominator != 1:
            raise Reject(f"{_figure(days)} days is not a whole number of days", self.pos)
        try:
            return Duration(months, int(days))
        except ValueError as exc:
            raise Reject(f"the length is out of range: {exc}", self.pos) from None


#: A bare whole number read as years ("25 to life") is below this: a four-digit figure is a
#: calendar year or an amount ("1995 to life", "2,000 to life"), never a term.
_MOST_BARE_YEARS: Final = 1000


@functools.lru_cache(maxsize=4096)
def _duration(months: int, days: int) -> Duration:
    # Values are immutable: a length read often ("5 years") is built and validated once.
    return Duration(months, days)


_custody: Final = functools.lru_cache(maxsize=4096)(Custody)


@attrs.frozen
class Cash:
    """An amount of money as written, with the sign or word that names its currency."""

    amount: Decimal
    sign: str
    scale: int
    pos: int


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


@attrs.frozen
class Core:
    """The structured part of an item: a value, a range, an open bound, or a term to life."""

    shape: str  # fixed, range, at_most, at_least, min_max, to_life, strokes
    low: Time | Cash | Strokes | None
    high: Time | Cash | Strokes | Life | None
    pos: int


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


@attrs.frozen
class Draft:
    """What the parse produced, before `assemble` gives it meaning."""

    cue: Cue | None
    items: tuple[Item, ...]
    joiners: tuple[str, ...]  # folded joiner before each item after the first


# ── the transformer ──────────────────────────────────────────────────────────────────────────

_DIGITS: Final = re.compile(
    r"(?P<int>[\d, \u00a0\u202f\u2009]*?)(?:\.(?P<dec>\d+))?"
    r"\s*(?:(?P<vulgar>[½¼¾⅓⅔])|(?P<num>\d)/(?P<den>\d+))?"
)
# Digits may be grouped by "," or by spaces (French "1 200", CLDR's no-break spaces).
_GROUPS: Final = re.compile(r"[, \u00a0\u202f\u2009]")
_MONEY: Final = re.compile(
    r"(?P<sign>.*?)\s*(?P<amount>\d(?:[\d,\u00a0\u202f\u2009]| (?=\d))*(?:\.\d+)?)$", re.S
)


def _is_year(number: Num) -> bool:
    return number.value.denominator == 1 and 1800 <= number.value <= 2200


def _figure(value: Fraction) -> str:
    return str(value.numerator) if value.denominator == 1 else f"{float(value):g}"


def _pos(item: Any) -> int:
    if isinstance(item, Token):
        return item.start_pos or 0
    return int(item.pos)


@v_args(inline=True)
class ToModel(Transformer[Token, Draft]):
    """Parse tree to `Draft`, one method per grammar alias. Stateless, so thread-safe."""

    def __init__(self, lexicon: Lexicon) -> None:
        super().__init__()
        self._lex = lexicon
        # Figures repeat ("5", "10", "2,000"): each distinct one is worked out once.
        self._figures = functools.lru_cache(maxsize=4096)(self._figures_value)

    # numbers ---------------------------------------------------------------------------------
    def digits(self, token: Token) -> Num:
        value = self._figures(token.value)
        if value is None:
            raise Reject(f"{token.value!r} divides by zero", _pos(token))
        return Num(value, _pos(token))

    def _figures_value(self, figures: str) -> Fraction | None:
        """The value of a number written in figures ("1,250", "2½", "1 1/2"); None for "/0"."""
        match = _DIGITS.fullmatch(self._lex.english_figures(figures))
        assert match is not None  # the grammar's DIGITS admits only these shapes
        whole = _GROUPS.sub("", match["int"])
        value = Fraction(int(whole)) if whole else _ZERO
        if match["dec"]:
            value += Fraction(int(match["dec"]), 10 ** len(match["dec"]))
        if match["vulgar"]:
            vulgar = match["vulgar"]
            # The grammar's DIGITS (common.lark) admits the same vulgar fractions in every
            # language; a lexicon without a table for one still knows its Unicode value.
            fraction = self._lex.fractions.get(vulgar)
            value += fraction or Fraction(unicodedata.numeric(vulgar)).limit_denominator(16)
        if match["den"]:
            if int(match["den"]) == 0:
                return None
            value += Fraction(int(match["num"]), int(match["den"]))
        return value

    def words(self, token: Token) -> Num:
        try:
            return Num(Fraction(self._lex.number(token.value)), _pos(token))
        except ValueError as error:  # a numeral that is not well formed ("五五")
            raise Reject(str(error), _pos(token)) from None

    def restated(self, words: Token, _open: Token, figure: Token, _close: Token) -> Num:
        # Legal drafting restates a number in figures: "thirty (30) days".
        spelled, written = self.words(words), self.digits(figure)
        if spelled.value != written.value:
            raise Reject(
                f"{words.value!r} is {_figure(spelled.value)} but the figure says "
                f"{_figure(written.value)}",
                _pos(figure),
            )
        return spelled

    def restated_words(self, figure: Token, _open: Token, words: Token, _close: Token) -> Num:
        return self.restated(words, _open, figure, _close)

    def number_and_a_half(self, number: Num, _half: Token) -> Num:
        return Num(number.value + Fraction(1, 2), number.pos)

    # durations -------------------------------------------------------------------------------
    def _unit(self, token: Token) -> tuple[str, int]:
        return self._lex.units[fold(token.value).rstrip(".")]

    def dur_part(self, number: Num, *rest: Token) -> Time:
        unit = self._unit(rest[-1])
        if self._lex.year_figures_are_dates and unit == ("months", 12) and _is_year(number):
            # "2015年" is a date in Chinese, never a length of 2015 years.
            raise Reject(f"{_figure(number.value)} with 年 is a calendar year", number.pos)
        return Time.of(number.value, unit, number.pos)

    def one_unit(self, token: Token) -> Time:
        # "a year", "another year", "an additional year": the token ends with its unit word.
        return Time.of(Fraction(1), self._unit(Token("UNIT", token.value.split()[-1])), _pos(token))

    def half_unit(self, half: Token, *rest: Token) -> Time:
        unit = self._unit(rest[-1]) if rest[-1].type == "UNIT" else self.one_unit(rest[-1]).first
        return Time.of(Fraction(1, 2), unit, _pos(half))

    def and_a_half(self, time: Time, _half: Token) -> Time:
        return time.plus(Time.of(Fraction(1, 2), time.last, time.pos))

    def duration(self, *parts: Time) -> Time:
        if len(parts) == 1:
            return parts[0]
        total, added = parts
        if _rank(added.first) >= _rank(total.last):
            raise Reject("the units of a length must run from larger to smaller", added.pos)
        return total.plus(added)

    # money -----------------------------------------------------------------------------------
    def money_sign(self, token: Token, scale: Token | None = None) -> Cash:
        match = _MONEY.match(self._lex.english_figures(token.value))
        assert match is not None  # the grammar's MONEY always ends in an amount
        factor = self._lex.money_scales[fold(scale.value)] if scale is not None else 1
        amount = EXACT.multiply(Decimal(_GROUPS.sub("", match["amount"])), factor)
        return Cash(amount, match["sign"] or "$", factor, _pos(token))

    def money_prefix(self, sign: Token, number: Num, *rest: Token) -> Cash:
        # "人民币五千元", "人民币701万元", "人民币5000": the currency word comes first.
        scale = next((token for token in rest if token.type == "SCALE"), None)
        factor = self._lex.money_scales[fold(scale.value)] if scale is not None else 1
        return Cash(_decimal(number.value * factor, number.pos), sign.value, factor, _pos(sign))

    def money_word(self, number: Num, *rest: Token) -> Cash:
        scale = next((token for token in rest if token.type == "SCALE"), None)
        factor = self._lex.money_scales[fold(scale.value)] if scale is not None else 1
        value = number.value * factor
        amount = _decimal(value, number.pos)
        return Cash(amount, rest[-1].value, factor, number.pos)

    # cores -----------------------------------------------------------------------------------
    def fixed(self, value: Time | Cash) -> Core:
        return Core("fixed", value, value, value.pos)

    def at_most(self, *args: Any) -> Core:
        value = next(arg for arg in args if isinstance(arg, Time | Cash))
        return Core("at_most", None, value, _pos(args[0]))

    def up_to_life(self, cue: Token, _life: Token) -> Core:
        return Core("at_most", None, LIFE, _pos(cue))

    def at_least(self, *args: Any) -> Core:
        value = next(arg for arg in args if isinstance(arg, Time | Cash))
        return Core("at_least", value, None, _pos(args[0]))

    def min_max(self, cue: Token, low: Any, _nor: Token, high: Time | Cash) -> Core:
        return Core("min_max", _scaled(low, high), high, _pos(cue))

    def service_hours(self, number: Num, words: Token) -> tuple[Core, Token]:
        # "200 community service hours": the hours, and the penalty's name as a word of the item.
        hours = Time.of(number.value, self._unit(Token("UNIT", "hours")), number.pos)
        named = Token.new_borrow_pos("W_COMMUNITY_SERVICE", words.value, words)
        return Core("fixed", hours, hours, number.pos), named

    def restated_value(self, value: Time | Cash, _open: Token, *rest: Any) -> Core:
        # "120 months (10 years)": federal judgments restate a length in larger units.
        again: Time | Cash = rest[-2]  # after "about", "approximately"... if written
        if (
            isinstance(value, Cash)
            and isinstance(again, Cash)
            and self._lex.currency(value.sign, None) != self._lex.currency(again.sign, None)
        ):
            # "1 million yuan (about $140,000)": a conversion for readers; the court's amount.
            return Core("fixed", value, value, value.pos)
        same = (
            isinstance(value, Time)
            and isinstance(again, Time)
            and value.duration() == again.duration()
        ) or (isinstance(value, Cash) and isinstance(again, Cash) and value.amount == again.amount)
        if not same:
            what = "amount" if isinstance(value, Cash) else "length"
            raise Reject(f"the {what} restated in brackets is not the same {what}", again.pos)
        return Core("fixed", value, value, value.pos)

    def min_to_life(self, cue: Token, low: Time | Cash, _nor: Token, _life: Token) -> Core:
        return Core("to_life", low, LIFE, _pos(cue))

    def to_life(self, *args: Any) -> Core:
        low = next(arg for arg in args if not isinstance(arg, Token))
        if isinstance(low, Num):  # "25-to-life" counts years
            if low.value.denominator != 1 or low.value >= _MOST_BARE_YEARS:
                # "1995 to life" is a year, "2,000 to life" a figure: never a number of years
                raise Reject(f"{_figure(low.value)} is not a number of years", low.pos)
            low = Time.of(low.value, ("months", 12), low.pos)
        if isinstance(low, Cash):
            raise Reject("an amount of money cannot run to life", low.pos)
        return Core("to_life", low, LIFE, low.pos)

    def number_list(self, *children: Any) -> tuple[Num, ...]:
        return tuple(child for child in children if isinstance(child, Num))

    def listed(self, numbers: tuple[Num, ...], last: Time) -> Listed:
        times = [Time.of(number.value, last.first, number.pos) for number in numbers]
        cores = tuple(Core("fixed", time, time, time.pos) for time in [*times, last])
        return Listed(cores, cores[0].pos)

    def range(self, *args: Any) -> Core:
        low, high = (arg for arg in args if isinstance(arg, Time | Cash | Num))
        assert isinstance(high, Time | Cash)  # the grammar puts a unit on the high end
        return Core("range", _scaled(low, high), high, _pos(args[0]))

    # items -----------------------------------------------------------------------------------
    def strokes(self, number: Num, token: Token) -> Core:
        if number.value.denominator != 1 or number.value < 1:
            raise Reject(f"{_figure(number.value)} is not a number of strokes", number.pos)
        label = "flogging" if "lash" in token.value.lower() else "caning"
        value = Strokes(int(number.value), label, number.pos)
        return Core("strokes", value, value, number.pos)

    def count(self, number: Num) -> Count:
        if number.value.denominator != 1 or not 1 <= number.value <= 10_000:
            raise Reject(f"{_figure(number.value)} is not a count of terms", number.pos)
        return Count(int(number.value), number.pos)

    def each_count(self, _each: Token, number: Num, _counts: Token) -> Count:
        count = self.count(number)  # "on each of three counts": three terms
        return Count(count.value, count.pos, per_conviction=True)

    def post(self, *children: Any) -> tuple[Any, ...]:
        return children

    def tail(self, *children: Any) -> tuple[Any, ...]:
        return children

    def body(self, *children: Any) -> tuple[Any, ...]:
        return children

    def item(self, *children: Any) -> Item | tuple[Item, ...]:
        cue = children[0] if isinstance(children[0], Cue) else None
        elements = tuple(_flatten(children[1:] if cue else children))
        listed = next((e for e in elements if isinstance(e, Listed)), None)
        if listed is None:
            return Item(elements, _pos(elements[0]), cue)
        # "were sentenced to 10, 12 and 15 years": as if each term were written out in full,
        # each item beginning at its own number (the first at the start of the phrase).
        at = elements.index(listed)
        clones = []
        for index, core in enumerate(listed.cores):
            copy = (*elements[:at], core, *elements[at + 1 :])
            pos = _pos(elements[0]) if index == 0 else core.pos
            clones.append(Item(copy, pos, cue if index == 0 else None, listed=True))
        return tuple(clones)

    def joiner(self, *tokens: Token) -> str:
        # The assembly below speaks English joiners ("and", "or", ";", "with"): a language's
        # lexicon maps its own onto them ("y" -> "and", "；" -> ";", "或者" -> "or").
        words = (fold(token.value) for token in tokens)
        return fold(" ".join(self._lex.joiners.get(word, word) for word in words))

    def items(self, *children: Any) -> tuple[list[Item], list[str]]:
        if len(children) == 1:
            return _spread(children[0], [], [])
        (items, joiners), joiner, item = children
        return _spread(item, list(items), [*joiners, joiner])

    def cue(self, *tokens: Token) -> Cue:
        aux = tokens[0] if tokens[0].type == "AUX" else None
        verb = tokens[-1] if tokens[-1].type != "AUX" else None
        aux_modality = self._lex.modality_aux.get(fold(aux.value)) if aux else None
        if verb is None:
            return Cue(_modality(aux_modality))
        verb_modality = self._lex.modality_verbs.get(fold(verb.value).split()[0])
        if verb.type == "V_IMPOSE" and aux_modality is not None:
            return Cue(_modality(aux_modality))
        bound = None
        if verb.type == "V_FACE":
            bound = "max"  # "faces 20 years": a maximum (the corpus convention)
        elif verb.type == "V_STATUTE_BOUND":
            bound = "min" if "minimum" in verb.value.lower() else "max"
        return Cue(_modality(verb_modality), bound=bound)

    def start(self, *children: Any) -> Draft:
        items, joiners = children[0]
        cue = next((item.cue for item in items if item.cue is not None), None)
        return Draft(cue, tuple(items), tuple(joiners))


def _spread(
    item: Item | tuple[Item, ...], items: list[Item], joiners: list[str]
) -> tuple[list[Item], list[str]]:
    """Append an item, or the items of a list ("10, 12 and 15 years") joined by "and"."""
    if isinstance(item, Item):
        return [*items, item], joiners
    return [*items, *item], [*joiners, *["and"] * (len(item) - 1)]


def _modality(value: str | None) -> Modality | None:
    return None if value is None else Modality(value)


def _flatten(children: Sequence[Any], into: list[Any] | None = None) -> list[Any]:
    """The elements of nested tuples, in order (a list built in place: no generators)."""
    found: list[Any] = [] if into is None else into
    for child in children:
        if type(child) is tuple:
            _flatten(child, found)
        else:
            found.append(child)
    return found


def _decimal(value: Fraction, pos: int) -> Decimal:
    # Exact only when the denominator divides a power of ten.
    scaled = value
    for places in range(13):
        if scaled.denominator == 1:
            return EXACT.scaleb(Decimal(scaled.numerator), -places)
        scaled *= 10
    raise Reject(f"{float(value):g} is not an exact amount of money", pos)


def _scaled(low: Any, high: Time | Cash) -> Time | Cash:
    """The low end of a range, taking the unit or scale written only on the high end."""
    if not isinstance(low, Num):
        return low  # type: ignore[no-any-return]
    if isinstance(high, Time):  # "six to 10 years"
        return Time.of(low.value, high.first, low.pos)
    # "5 to 10 million dollars", "between 5,000 and 10,000 yuan"
    return Cash(_decimal(low.value * high.scale, low.pos), high.sign, high.scale, low.pos)


# ── assembly: items to components ────────────────────────────────────────────────────────────

_KIND_OF_WORD: Final = {
    "W_CUSTODY": "custody",
    "W_TARIFF": "custody",
    "W_DEATH": "death",
    "W_DEATH_SUSPENDED": "death",
    "W_PROBATION": "probation",
    "W_SUPERVISED_RELEASE": "supervised_release",
    "W_COMMUNITY_SUPERVISION": "community_supervision",
    "W_COMMUNITY_SERVICE": "community_service",
    "W_RIGHTS": "deprivation_of_rights",
    "W_FINE": "fine",
    "W_RESTITUTION": "restitution",
    "W_FORFEITURE": "forfeiture",
    "W_OTHER": "other",
}
_BINDERS: Final = {
    "W_SUSPENDED",
    "W_SUSPENSION",
    "W_REPRIEVE",
    "W_PAROLE",
    "W_ELIGIBLE",
    "W_NON_PAROLE",
}
_LINKS: Final = {
    "L_OF",
    "L_FOR",
    "L_IN",
    "L_AT",
    "L_AFTER",
    "L_UNDER",
    "L_BY",
    "L_ON",
    "L_WITHIN",
    "POSS",
    "L_COPULA",
    "L_AMOUNT",
    "L_WORTH",
}
# Links that may open an item ("in 9 years' time"): any but the copula ("reduced to").
_OPENING_LINKS: Final = tuple(sorted(_LINKS - {"L_COPULA"}))
_PAROLE_BINDERS: Final = {"W_PAROLE", "W_ELIGIBLE"}
_COMPOUND_JOINERS: Final = {"and", ",", ", and", "plus"}
_HARD_JOINERS: Final = {";", "; and"}
_OR_JOINERS: Final = {"or", ", or"}
_SKIPPABLE: Final = {"A", "DET", "W_NEUTRAL", "L_OF"}
_TERM_KINDS: Final = {
    "custody",
    "probation",
    "supervised_release",
    "community_supervision",
    "deprivation_of_rights",
}
_DISTRIBUTES_TO: Final = _TERM_KINDS | {"fine"}


@attrs.define
class Chunk:
    """One item read for meaning; attachments fold into the chunk before them."""

    pos: int
    kind: str | None = None
    low: Time | Cash | Life | None = None
    high: Time | Cash | Life | None = None
    has_term: bool = False
    plain: bool = False  # a fixed value with no bound of its own: "up to" may carry over it
    open_high: bool = False  # stated as a minimum only ("at least", "minimum", tariff)
    open_low: bool = False  # stated as a maximum only ("up to", "maximum", "life")
    max_cue: bool = False  # states a maximum that carries over what follows
    count: int | None = 1
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

    def is_attachment(self) -> bool:
        return self.kind is None and not self.has_term


def assemble(
    draft: Draft, lexicon: Lexicon, *, text: str, country: str | None, context: Cue | None = None
) -> Sentence:
    """Give a parsed `Draft` its meaning: the canonical `Sentence`.

    *context* is a cue found outside the phrase (by `extract`); a cue inside it wins.
    """
    cue = draft.cue if draft.cue is not None else context
    items, joiners = _merge_compound_durations(list(draft.items), list(draft.joiners))
    joiners = _alternatives(joiners)
    chunks: list[Chunk] = []
    hard_breaks: set[int] = set()  # indexes of chunks that follow a ";"
    for index, item in enumerate(items):
        joiner = joiners[index - 1] if index else None
        chunk = _read_item(item, lexicon)
        if chunks and joiner not in _HARD_JOINERS and _qualifies(chunks[-1], chunk, joiner):
            continue
        if chunks and joiner in _OR_JOINERS and _either(chunks[-1], chunk):
            continue
        if chunk.is_attachment() and not chunks and chunk.suspended and chunk.suspension is None:
            chunk.kind = "custody"  # "a suspended sentence": custody of unstated length
        elif chunk.is_attachment():
            if not chunks:
                raise Reject("this qualifies a sentence, but none comes before it", chunk.pos)
            _attach(chunks[-1], chunk)
            continue
        if chunks and _partial_suspension(chunks[-1], chunk, joiner):
            raise Reject(
                'a partly suspended term ("with N years suspended") cannot be expressed yet',
                chunk.pos,
            )
        bare = not chunk.named and chunk.kind == "custody" and not chunk.open_high
        if chunks and joiner and "with" in joiner and bare:
            # "life with 25 years": a minimum? a second term? Refuse rather than guess.
            raise Reject(f'a bare length after "{joiner}" says nothing certain', chunk.pos)
        hard = joiner in _HARD_JOINERS
        if chunks and not hard and joiner not in _OR_JOINERS and _meet(chunks[-1], chunk, joiner):
            continue
        if hard:
            hard_breaks.add(len(chunks))
        chunks.append(chunk)
    _carry_maximum(chunks, cue, hard_breaks)
    components = tuple(_component(chunk, lexicon, country) for chunk in chunks)
    return Sentence(components, modality=cue.modality if cue else None, text=text)


def _alternatives(joiners: list[str]) -> list[str]:
    """ "16 months, 2 years, or 3 years": the commas of a list that ends in "or" are "or"s."""
    marked = list(joiners)
    for index in range(len(marked) - 1, -1, -1):
        if marked[index] in _OR_JOINERS:
            back = index - 1
            while back >= 0 and marked[back] == ",":
                marked[back] = ", or"
                back -= 1
    return marked


def _qualifies(before: Chunk, chunk: Chunk, joiner: str | None) -> bool:
    """Parts that only say more about the component before them, and so add no component.

    "seven years imprisonment with hard labour", "10 years and jail": custody with no term of
    its own beside a custodial term names how it is served. "death with a two-year
    probation" (older Chinese court English) is the reprieve of the death sentence.
    """
    bare_custody = (
        chunk.kind == "custody"
        and not chunk.has_term
        and not chunk.suspended
        and chunk.count == 1
        and chunk.aggregation is None
    )
    if bare_custody and before.kind == "custody":
        return True
    if (
        before.kind == "death"
        and chunk.kind == "probation"
        and joiner is not None
        and "with" in joiner
        and chunk.plain
        and isinstance(chunk.low, Time)
    ):
        before.reprieve, before.reprieve_period = True, chunk.low
        return True
    return False


def _either(before: Chunk, after: Chunk) -> bool:
    """Alternatives joined by "or" between terms of one kind are one range of possible terms.

    "five to 99 years or life" is P5Y..life; the Californian "16 months, 2 years, or 3 years"
    is P1Y4M..P3Y. Alternatives of different kinds ("a fine or imprisonment") stay apart.
    """
    if before.kind != after.kind or before.kind not in _TERM_KINDS:
        return False
    if not (before.has_term and after.has_term) or before.count != 1 or after.count != 1:
        return False
    if before.suspended or after.suspended or before.aggregation or after.aggregation:
        return False

    def low_of(chunk: Chunk) -> object:
        # A life sentence with no stated minimum is, as an alternative, at least life.
        return LIFE if chunk.low is None and isinstance(chunk.high, Life) else chunk.low

    lows = [low_of(before), low_of(after)]
    highs = [before.high, after.high]
    if any(isinstance(value, Cash) for value in lows + highs):
        return False
    low = _extreme(lows, smallest=True, pos=after.pos)
    high = _extreme(highs, smallest=False, pos=after.pos)
    before.low, before.high = low, high  # type: ignore[assignment]
    before.plain = before.max_cue = False
    before.open_low, before.open_high = low is None, high is None
    return True


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


def _merge_compound_durations(
    items: list[Item], joiners: list[str]
) -> tuple[list[Item], list[str]]:
    """ "2 years and 6 months in prison", "a year and a day": one duration across a joiner."""
    merged_items, merged_joiners = [items[0]], []
    for joiner, item in zip(joiners, items[1:], strict=True):
        previous = merged_items[-1]
        before, after = previous.elements[-1], item.elements[0]
        suspends = any(_is(e, "W_SUSPENDED", "W_SUSPENSION") for e in item.elements)
        if (
            joiner in _COMPOUND_JOINERS
            and not suspends  # "five years, six months suspended": a part suspended
            and isinstance(before, Core)
            and before.shape in {"fixed", "at_most", "at_least"}
            and isinstance(after, Core)
            and after.shape == "fixed"
            and isinstance(before.high if before.shape != "at_least" else before.low, Time)
            and isinstance(after.low, Time)
        ):
            length = before.high if before.shape != "at_least" else before.low
            assert isinstance(length, Time)
            assert isinstance(after.low, Time)
            hours_mix = after.low.hours_only() != length.hours_only()
            if _rank(after.low.first) < _rank(length.last) and not hours_mix:
                total = length.plus(after.low)
                low = None if before.shape == "at_most" else total
                high = None if before.shape == "at_least" else total
                core = Core(before.shape, low, high, before.pos)
                merged_items[-1] = Item(
                    (*previous.elements[:-1], core, *item.elements[1:]), previous.pos
                )
                continue
        merged_items.append(item)
        merged_joiners.append(joiner)
    return merged_items, merged_joiners


def _binder(
    elements: Sequence[Element], index: int, direct: frozenset[str] = frozenset()
) -> Token | None:
    """The word a core is bound to: "suspended for <3 years>", "parole after <25 years>".

    A word in *direct* (the lexicon's ``direct_binders``) takes its period with no link
    between: 缓刑<三年> is "suspended for three years".
    """
    after_core = [e for e in elements[index + 1 : index + 3] if not _is(e, "POSS")]
    if after_core and _is(after_core[0], "W_REPRIEVE", "W_SUSPENSION"):
        # "a two-year reprieve", "two years' reprieve", "a two-year suspension"
        return after_core[0]  # type: ignore[return-value]
    j = index - 1
    while j >= 0:
        element = elements[j]
        if not isinstance(element, Token):
            return None
        if element.type == "W_PAROLE_BAR":
            return element  # "no chance of parole for <25 years>": the link is in the token
        if element.type in _BINDERS:
            after = elements[j + 1]
            if _is(after, "L_AFTER") and element.type in {"W_SUSPENDED", "W_SUSPENSION"}:
                raise Reject(
                    'a term "suspended after" part is served is partly suspended, which '
                    "cannot be expressed yet",
                    _pos(after),
                )
            linked = isinstance(after, Token) and after.type in _LINKS and after.type != "POSS"
            if j + 1 == index and fold(element.value) in direct:
                return element
            if not linked and element.type in _PAROLE_BINDERS:
                # "parole possible after 25 years": a link comes later, before the core
                between = elements[j + 1 : index]
                linked = any(_is(e, *_LINKS) for e in between) and all(
                    _is(e, *_LINKS, *_SKIPPABLE) for e in between
                )
            return element if linked else None
        if element.type not in _SKIPPABLE and element.type not in _LINKS:
            return None
        j -= 1
    return None


def _is(element: object, *types: str) -> bool:
    return isinstance(element, Token) and element.type in types


def _read_item(item: Item, lexicon: Lexicon) -> Chunk:
    elements = item.elements
    chunk = Chunk(pos=item.pos)
    opening_link = elements[0] if _is(elements[0], *_OPENING_LINKS) else None
    kinds: dict[str, int] = {}
    parole_words: list[Token] = []
    bound_word: Token | None = None
    life = life_only = tariff = no_parole = per_conviction = False
    main: Core | None = None
    for index, element in enumerate(elements):
        if isinstance(element, Count):
            if chunk.count_given:
                raise Reject("two counts in one part of the phrase", element.pos)
            chunk.count, chunk.count_given = element.value, True
            per_conviction = element.per_conviction
            continue
        if isinstance(element, Core):
            binder = _binder(elements, index, lexicon.direct_binders)
            if binder is None:
                if main is not None:
                    raise Reject("two lengths or amounts in one part of the phrase", element.pos)
                main = element
                chunk.length_first = not chunk.suspended  # "a two-year suspended ..."
            elif binder.type in {"W_SUSPENDED", "W_SUSPENSION"}:
                chunk.suspension = _fixed_time(element, "a suspension period")
            elif binder.type == "W_REPRIEVE":
                chunk.reprieve_period = _fixed_time(element, "a reprieve")
            else:
                chunk.parole_after = _fixed_time(element, "a parole eligibility date")
            continue
        kind = element.type
        if kind in _KIND_OF_WORD:
            kinds.setdefault(_KIND_OF_WORD[kind], _pos(element))
        if kind == "W_OTHER":
            label = lexicon.other_label(element.value)
            if label is None:  # the grammar and the lexicon disagree: a bug, said plainly
                raise Reject(f"no label for {element.value!r} in the lexicon", _pos(element))
            if chunk.label is not None and label != chunk.label:
                raise Reject("two different penalties in one part of the phrase", _pos(element))
            chunk.label = label
        elif kind in {"W_MAX", "W_MIN"}:
            if bound_word is not None and bound_word.type != kind:
                raise Reject("both a maximum and a minimum for one value", _pos(element))
            bound_word = element
        elif kind == "W_LIFE":
            life = True
        elif kind == "W_LIFE_ONLY":
            life = life_only = True
        elif kind == "W_NO_PAROLE":
            no_parole = True
        elif kind in {"W_PAROLE", "W_ELIGIBLE", "W_PAROLE_BAR"}:
            chunk.mentions_parole = True
            parole_words.append(element)
        elif kind == "W_NON_PAROLE":
            bound_word = bound_word or Token("W_MIN", element.value, start_pos=element.start_pos)
            parole_words.append(element)
        elif kind == "W_IMMEDIATE":
            chunk.immediate = True
        elif kind == "W_SERVED":
            chunk.served = True
        elif kind == "W_LIFE_PHRASE":
            life = True
        elif kind in {"W_PLURAL", "W_EACH_COUNT"} and not chunk.count_given:
            chunk.count = None
        elif kind == "W_COUNT_WORD":
            if chunk.count_given:
                raise Reject("two counts in one part of the phrase", _pos(element))
            chunk.count, chunk.count_given = lexicon.count_words[fold(element.value)], True
        elif kind == "W_TARIFF":
            tariff = True
        elif kind in {"W_SUSPENDED", "W_SUSPENSION", "W_DEATH_SUSPENDED"}:
            chunk.suspended = True  # 死缓 is a suspended death sentence in one word
        elif kind == "W_REPRIEVE":
            chunk.reprieve = True
        elif kind == "W_AGG":
            aggregation = lexicon.aggregation[fold(element.value)]
            if chunk.aggregation not in {None, aggregation}:
                raise Reject("both consecutive and concurrent", _pos(element))
            chunk.aggregation = aggregation
        elif (
            kind == "W_NEUTRAL"
            and fold(element.value) in lexicon.plural_nouns
            and not chunk.count_given
        ):
            following = elements[index + 1] if index + 1 < len(elements) else None
            # "sentences of 14 days to 12 months" speaks of sentences in general; "life
            # sentences", "concurrent sentences of 8 years": several, number unknown.
            generic = _is(following, "L_OF") and not any(_is(e, "W_AGG") for e in elements)
            if not generic:
                chunk.count = None

    if opening_link is not None and main is not None:
        # "in 9 years' time", "after 10 years in prison", "within 30 days", "over 10 years":
        # a length after a bare preposition dates something; it is not a penalty.
        raise Reject(f"a length after {opening_link.value!r} is not a sentence", item.pos)  # type: ignore[union-attr]
    if main is not None and any(w.type == "W_PAROLE" for w in parole_words):
        # "five years of parole": a period on parole is not a sentence component.
        raise Reject("a period of parole is not a penalty this model can hold", main.pos)
    if no_parole and (life or main is None):
        life_only = True  # "life without parole"; alone, it qualifies the life term before it
        chunk.no_parole = not life
    if chunk.suspension is not None:
        chunk.suspended = True
    if chunk.reprieve_period is not None:
        chunk.reprieve = True
    if chunk.no_parole:
        life_only = False
    chunk.kind = _kind_of(kinds, life, main, chunk, item.pos)
    chunk.named = bool(kinds) or life
    if chunk.kind == "death":
        main = None  # a length there was the reprieve
    _read_term(chunk, main, bound_word, life=life, life_only=life_only, tariff=tariff)
    if chunk.parole_after is not None and chunk.kind == "custody" and chunk.has_term:
        _bound_by_parole(
            chunk, chunk.parole_after
        )  # "life without eligibility for parole for 10 years"
        chunk.parole_after = None
    if chunk.kind == "other":
        chunk.quantity = main
    if chunk.count_given and chunk.kind != "custody" and not per_conviction:
        raise Reject("only custodial terms can be counted", item.pos)
    if chunk.kind is not None and chunk.kind != "custody":
        chunk.count = 1
    return chunk


def _kind_of(
    kinds: dict[str, int], life: bool, main: Core | None, chunk: Chunk, pos: int
) -> str | None:
    named = dict(kinds)
    if "death" in named:
        if len(named) > 1 or life:
            other = next(kind for kind in named if kind != "death") if len(named) > 1 else "life"
            raise Reject(f"death and {other.replace('_', ' ')} in one part", named["death"])
        if main is not None:
            if not (chunk.suspended and chunk.length_first) or main.shape != "fixed":
                raise Reject("a death sentence has no length", main.pos)
            # "a two-year suspended death sentence": the length is the reprieve
            chunk.reprieve_period, chunk.reprieve = _fixed_time(main, "a reprieve"), True
        return "death"
    if "custody" in named and len(named) > 1:
        # "90 days of county jail": one kind; "prison ... probation" would be two.
        others = [kind for kind in named if kind != "custody"]
        raise Reject(f"custody and {others[0].replace('_', ' ')} in one part", named[others[0]])
    if len(named) > 1:
        first, second = list(named)[:2]
        raise Reject(
            f"{first.replace('_', ' ')} and {second.replace('_', ' ')} in one part", named[second]
        )
    if named:
        return next(iter(named))
    if life:
        return "custody"
    if main is None:
        if chunk.reprieve or (chunk.suspended and chunk.suspension is None):
            return None  # an attachment: "with reprieve", ", suspended"
        return None
    value = main.high if isinstance(main.high, Time | Cash) else main.low
    if isinstance(value, Strokes):
        chunk.label = value.label
        return "other"
    if isinstance(value, Cash):
        return "fine"
    if isinstance(value, Time) and value.hours_only():
        return "community_service"  # "a required 200 hours"
    return "custody"


def _read_term(
    chunk: Chunk,
    main: Core | None,
    bound_word: Token | None,
    *,
    life: bool,
    life_only: bool,
    tariff: bool,
) -> None:
    if chunk.kind is None:
        if bound_word is not None or life:
            raise Reject("a bound with nothing to bound", chunk.pos)
        return
    if main is None:
        if life:
            # Rights lost "for life" are lost until death: life..life (MODEL.md, 剥夺政治权利终身).
            whole = life_only or chunk.kind == "deprivation_of_rights"
            chunk.has_term = True
            chunk.low, chunk.high = (LIFE, LIFE) if whole else (None, LIFE)
            chunk.open_low = not whole
        return
    if isinstance(main.low, Strokes) and chunk.kind != "other":
        raise Reject("strokes are their own penalty", main.pos)
    if life:
        raise Reject("life and a length in one part of the phrase", main.pos)
    chunk.has_term = True
    chunk.low, chunk.high = main.low, main.high  # type: ignore[assignment]  # strokes: "other"
    shape = main.shape
    if bound_word is not None or tariff:
        if shape != "fixed" and not (
            bound_word is not None
            and (shape == "at_most") == (bound_word.type == "W_MAX")
            and shape in {"at_most", "at_least"}
        ):
            raise Reject("a maximum or minimum of something that is not one value", main.pos)
        if tariff:  # the minimum term of a life sentence
            chunk.high, chunk.open_high = LIFE, False
        elif bound_word is not None and bound_word.type == "W_MAX":
            chunk.low, chunk.open_low, chunk.max_cue = None, True, True
        else:
            chunk.high, chunk.open_high = None, True
        return
    chunk.plain = shape == "fixed"
    chunk.open_low = shape == "at_most"
    chunk.open_high = shape == "at_least"
    chunk.max_cue = shape == "at_most"


def _fixed_time(core: Core, what: str) -> Time:
    if core.shape != "fixed" or not isinstance(core.low, Time):
        raise Reject(f"{what} must be one length of time", core.pos)
    return core.low


def _attach(target: Chunk, extra: Chunk) -> None:
    """Fold a qualifying item into the component before it."""
    if extra.aggregation is not None:
        if target.kind != "custody":
            raise Reject("only custodial terms run consecutively or concurrently", extra.pos)
        target.aggregation = extra.aggregation
    if extra.suspended:
        if target.kind == "death":
            target.reprieve = True
            target.reprieve_period = extra.suspension or target.reprieve_period
        elif target.kind == "custody":
            target.suspended = True
            target.suspension = extra.suspension or target.suspension
        else:
            raise Reject("only custody or death can be suspended", extra.pos)
    if extra.reprieve:
        if target.kind == "custody":
            # Chinese court English: "three years in prison with a four-year reprieve" (缓刑)
            target.suspended = True
            target.suspension = extra.reprieve_period or target.suspension
        elif target.kind != "death":
            raise Reject("a reprieve belongs to a death or custodial sentence", extra.pos)
        else:
            target.reprieve = True
            target.reprieve_period = extra.reprieve_period or target.reprieve_period
    if extra.parole_after is not None:
        if target.kind != "custody":
            raise Reject("parole eligibility bounds a custodial term", extra.pos)
        _bound_by_parole(target, extra.parole_after)
    if extra.no_parole:
        if target.kind != "custody" or not isinstance(target.high, Life):
            raise Reject('"without parole" only qualifies a life sentence here', extra.pos)
        target.low, target.open_low = LIFE, False
    if extra.count_given:
        raise Reject("a count with no term to count", extra.pos)
    if extra.immediate and (target.kind != "death" or target.suspended or target.reprieve):
        raise Reject("immediate execution only qualifies a death sentence not suspended", extra.pos)
    parole_note = extra.mentions_parole and target.kind == "custody"
    # "90 days, to be served intermittently": how a custody term is served (weekends in
    # Canada) changes nothing this model holds, and the note is no second penalty.
    serving_note = extra.served and target.kind == "custody"
    said = extra.aggregation or extra.suspended or extra.reprieve or extra.parole_after
    if not (said or extra.no_parole or parole_note or serving_note or extra.immediate):
        raise Reject("this part says nothing that can be read", extra.pos)


def _bound_by_parole(target: Chunk, after: Time) -> None:
    """Parole eligibility after N years makes N the least time served: "life, parole after 25
    years" is P25Y..life; "20 years, with parole eligibility after 10 years" is P10Y..P20Y."""
    open_life = isinstance(target.high, Life) and target.low is None
    fixed = (
        target.low is not None and target.low == target.high and not isinstance(target.low, Life)
    )
    if not (open_life or fixed):
        raise Reject("parole eligibility only narrows a life or a fixed term", after.pos)
    target.low, target.open_low, target.plain = after, False, False


def _partial_suspension(before: Chunk, chunk: Chunk, joiner: str | None) -> bool:
    """A part of the term before: "10 years, 5 years suspended", "10 years with 5 suspended".

    Not when the term before is no custody ("death, 1 day suspended custody") nor when the
    suspended term names its own kind ("2 years in prison, 1 day in prison suspended"): then it
    is a sentence of its own.
    """
    return (
        before.kind == "custody"
        and chunk.kind == "custody"
        and chunk.suspended
        and chunk.plain
        and not chunk.named
        and joiner is not None
        and ("with" in joiner or joiner == ",")
    )


_SHARED_FIELDS: Final = ("count", "aggregation", "suspended", "suspension")


def _meet(before: Chunk, after: Chunk, joiner: str | None = None) -> bool:
    """Join an open-topped and an open-bottomed term of one kind into one term.

    "a maximum of 40 years and a mandatory minimum of 5 years" is P5Y..P40Y;
    "life with a minimum term of 25 years" and "life with a tariff of 15 years" are N..life.
    """
    if before.kind != after.kind or before.kind not in _TERM_KINDS:
        return False
    if (
        joiner is not None
        and "with" in joiner
        and before.plain
        and after.open_high
        and after.low is not None
        and after.count == 1
        and not after.suspended
    ):
        # "12 years with a non-parole period of eight years", "10 years with a minimum of 5"
        before.low, before.plain = after.low, False
        return True
    for upper, lower in ((before, after), (after, before)):
        meets = (
            upper.open_low
            and upper.low is None
            and lower.low is not None
            and not lower.plain
            and (lower.open_high or lower.high == upper.high)
            and not (upper.open_high or lower.open_low)
        )
        if not meets:
            continue
        shared = {}
        blank = Chunk(pos=0)
        for name in _SHARED_FIELDS:
            default = getattr(blank, name)
            mine, theirs = getattr(upper, name), getattr(lower, name)
            if mine != default and theirs != default and mine != theirs:
                return False
            shared[name] = mine if mine != default else theirs
        before.low, before.high = lower.low, upper.high
        before.open_low = before.open_high = before.plain = False
        before.max_cue = upper.max_cue
        for name, value in shared.items():
            setattr(before, name, value)
        return True
    return False


def _carry_maximum(chunks: list[Chunk], cue: Cue | None, hard_breaks: set[int]) -> None:
    """ "up to 5 years and a $5,000 fine": the fine's $5,000 is a maximum too."""
    carrying = False
    for index, chunk in enumerate(chunks):
        if index in hard_breaks:
            carrying = False
        if index == 0 and cue is not None and cue.bound == "min" and chunk.plain:
            chunk.high, chunk.plain, chunk.open_high = None, False, True  # "the minimum ... is"
        if index == 0 and cue is not None and cue.bound == "max" and chunk.plain:
            carrying = True  # "faces 20 years", "the maximum penalty is 20 years"
        if chunk.max_cue:
            carrying = True
        if carrying and chunk.plain and chunk.kind in _DISTRIBUTES_TO:
            chunk.low, chunk.plain, chunk.open_low = None, False, True


def _component(chunk: Chunk, lexicon: Lexicon, country: str | None) -> Component:
    kind = chunk.kind
    try:
        if kind == "custody":
            suspended = None
            if chunk.suspended:
                suspended = Suspension(_period(chunk.suspension))
            return _custody(
                _bound(chunk.low, chunk),
                _bound(chunk.high, chunk),
                count=chunk.count,
                aggregation=chunk.aggregation,
                suspended=suspended,
            )
        if kind == "death":
            stated = chunk.reprieve_period or chunk.suspension  # "death, suspended for two years"
            return Death(suspended=chunk.suspended or chunk.reprieve, reprieve=_period(stated))
        if kind == "fine":
            return Fine(
                _money(chunk.low, chunk, lexicon, country),
                _money(chunk.high, chunk, lexicon, country),
            )
        if kind in {"restitution", "forfeiture"}:
            if chunk.low is None or chunk.low != chunk.high:
                raise Reject(f"{kind} needs one stated amount", chunk.pos)
            amount = _money(chunk.low, chunk, lexicon, country)
            assert amount is not None
            return Restitution(amount) if kind == "restitution" else Forfeiture(amount)
        if kind == "community_service":
            if not chunk.plain or not isinstance(chunk.low, Time) or not chunk.low.hours_only():
                raise Reject("community service needs one number of hours", chunk.pos)
            hours = chunk.low.hours
            if hours.denominator != 1 or hours < 1:
                raise Reject("community service needs a whole number of hours", chunk.pos)
            return CommunityService(int(hours))
        if kind == "other":
            label = chunk.label or "other"
            if chunk.quantity is not None:
                label += " " + _quantity_label(chunk.quantity, lexicon, country)
            return Other(label)
        if kind == "deprivation_of_rights":
            return DeprivationOfRights(_bound(chunk.low, chunk), _bound(chunk.high, chunk))
        classes: dict[str, type[Probation | SupervisedRelease | CommunitySupervision]] = {
            "probation": Probation,
            "supervised_release": SupervisedRelease,
            "community_supervision": CommunitySupervision,
        }
        term_class = classes[kind or ""]
        low, high = _bound(chunk.low, chunk), _bound(chunk.high, chunk)
        if isinstance(low, Life) or isinstance(high, Life):
            raise Reject(f"{(kind or '').replace('_', ' ')} cannot last for life", chunk.pos)
        component: Component = term_class(low, high)
        return component
    except ValueError as exc:
        backwards = backwards_range(chunk.low, chunk.high, lexicon.lang)
        raise Reject(  # "10 years to 6 months": say the range runs backwards, in words
            backwards or str(exc), chunk.pos, impossible=backwards is not None
        ) from None


def _period(value: Time | None) -> Duration | None:
    """A suspension's or reprieve's stated length; zero is refused as a term's is."""
    if value is None:
        return None
    duration = value.duration()
    if duration.is_zero():
        raise Reject("a period of zero length", value.pos)
    return duration


def _bound(value: Time | Cash | Life | None, chunk: Chunk) -> Bound:
    if value is None or isinstance(value, Life):
        return value
    if isinstance(value, Cash):
        raise Reject(
            f"{(chunk.kind or '').replace('_', ' ')} is measured in time, not money", value.pos
        )
    duration = value.duration()
    if duration.is_zero():
        raise Reject("a term of zero length", value.pos)
    return duration


def _money(
    value: Time | Cash | Life | None, chunk: Chunk, lexicon: Lexicon, country: str | None
) -> Money | None:
    if value is None:
        return None
    if not isinstance(value, Cash):
        raise Reject(f"{(chunk.kind or '').replace('_', ' ')} is an amount of money", chunk.pos)
    if value.amount == 0:
        raise Reject("an amount of zero is no penalty", value.pos)
    if not chunk.named and fold(value.sign) in {"pound", "pounds"}:
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
    return Money(value.amount, code)


def _quantity_label(core: Core, lexicon: Lexicon, country: str | None) -> str:
    value = core.low
    if isinstance(value, Strokes):
        return f"{value.count} {'lashes' if value.label == 'flogging' else 'strokes'}"
    if core.shape != "fixed":
        raise Reject("a length or amount for this penalty must be one value", core.pos)
    if isinstance(value, Cash):
        money = _money(value, Chunk(pos=core.pos, kind="other"), lexicon, country)
        assert money is not None
        return label_quantity(money)
    assert isinstance(value, Time)
    return label_quantity(value.duration())
