"""`ToModel`: the parse tree to a `Draft`, applied by Lark during the LALR parse.

One method per grammar alias. Numbers, lengths and amounts become exact values; each item
becomes the run of classed words around its core; joiners become their roles. It knows a
language only through its lexicon (numbers, units, currencies, joiners, cue words), so the
grammars of every language share it. Stateless, so thread-safe.
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

from ..language import Lexicon
from ..language.lexicon import fold
from ..language.roles import AUX, FACE, IMPOSE, OR_BOTH, SERVICE_WORD, STATUTE_BOUND, Joins, role
from ..model import EXACT, LIFE, Modality
from .parts import (
    AND,
    MOST_BARE_YEARS,
    Cash,
    Core,
    Count,
    Cue,
    Draft,
    Item,
    Joiner,
    Listed,
    Num,
    Reject,
    Strokes,
    Time,
    pos,
    rank,
)
from .parts import (
    figure as _figure,
)

__all__ = ["ToModel"]

_DIGITS: Final = re.compile(
    r"(?P<int>[\d, \u00a0\u202f\u2009]*?)(?:\.(?P<dec>\d+))?"
    r"\s*(?:(?P<vulgar>[½¼¾⅓⅔])|(?P<num>\d)/(?P<den>\d+))?"
)
# Digits may be grouped by "," or by spaces (French "1 200", CLDR's no-break spaces).
_GROUPS: Final = re.compile(r"[, \u00a0\u202f\u2009]")
_BRACKETS: Final = frozenset({"LPAR", "RPAR"})
_MONEY: Final = re.compile(
    r"(?P<sign>.*?)\s*(?P<amount>\d(?:[\d,\u00a0\u202f\u2009]| (?=\d))*(?:\.\d+)?)"
    r"(?:\.\s00)?(?:\s?[-‐=]\s?00)?(?:\s*/\s?[=-]|=)?$",
    re.S,
)
# "R75 000,00": digits grouped by spaces, then a decimal comma (Southern Africa).
#: A figure that reads 1.5 or 1500 by convention: "1.500", "25.000".
_A_SCALE: Final = re.compile(r"an?[-‐‑‒–—\s]+(?:hundred|thousand|million)", re.IGNORECASE)
_DOTTED: Final = re.compile(r"[1-9]\d{0,2}\.\d{3}")  # "0.001" groups nothing
_SPACED_DECIMAL: Final = re.compile(r"(\d{1,3}(?:[ \u00a0]\d{3})+),(\d{2})")


@functools.cache
def _joins(name: str) -> Joins | None:
    """The role a joiner terminal has whatever its words (`Role.joins`), if it has one."""
    return role(name).joins


def _is_year(number: Num) -> bool:
    return number.value.denominator == 1 and 1800 <= number.value <= 2200


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
            raise Reject(f"{token.value!r} divides by zero", pos(token))
        return Num(value, pos(token))

    def _figures_value(self, figures: str) -> Fraction | None:
        """The value of a number written in figures ("1,250", "2½", "1 1/2"); None for "/0"."""
        match = _DIGITS.fullmatch(self._lex.english_figures(figures))
        assert match is not None  # the grammar's DIGITS admits only these shapes
        whole = _GROUPS.sub("", match["int"])
        value = Fraction(int(whole)) if whole else Fraction(0)
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
            return Num(Fraction(self._lex.number(token.value)), pos(token), spelled=True)
        except ValueError as error:  # a numeral that is not well formed ("五五")
            raise Reject(str(error), pos(token)) from None

    def restated(self, words: Token, _open: Token, figure: Token, _close: Token) -> Num:
        # Legal drafting restates a number in figures: "thirty (30) days".
        spelled, written = self.words(words), self.digits(figure)
        if spelled.value != written.value:
            raise Reject(
                f"{words.value!r} is {_figure(spelled.value)} but the figure says "
                f"{_figure(written.value)}",
                pos(figure),
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
        time = Time.of(number.value, unit, number.pos)
        attributive = self._lex.attributive_units  # empty but in German: no fold on the hot path
        if any(token.type == "DASH" for token in rest) or (
            attributive and fold(rest[-1].value) in attributive
        ):
            return attrs.evolve(time, attributive=True)  # "25-year", "dreijährige"
        return time

    def one_unit(self, token: Token) -> Time:
        # "a year", "another year", "an additional year": the token ends with its unit word.
        return Time.of(Fraction(1), self._unit(Token("UNIT", token.value.split()[-1])), pos(token))

    def half_unit(self, half: Token, *rest: Token) -> Time:
        unit = self._unit(rest[-1]) if rest[-1].type == "UNIT" else self.one_unit(rest[-1]).first
        return Time.of(Fraction(1, 2), unit, pos(half))

    def and_a_half(self, time: Time, _half: Token) -> Time:
        return time.plus(Time.of(Fraction(1, 2), time.last, time.pos))

    def months_and_a_half(self, number: Num, token: Token) -> Time:
        """ "三个半月": three and a half months (the half between the measure word and 月)."""
        return Time.of(number.value + Fraction(1, 2), self._unit(Token("UNIT", "个月")), number.pos)

    def duration(self, *parts: Time) -> Time:
        if len(parts) == 1:
            return parts[0]
        total, added = parts
        if rank(added.first) >= rank(total.last):
            raise Reject("the units of a length must run from larger to smaller", added.pos)
        return total.plus(added)

    # money -----------------------------------------------------------------------------------
    def money_sign(self, token: Token, scale: Token | None = None) -> Cash:
        match = _MONEY.match(self._lex.english_figures(token.value))
        assert match is not None  # the grammar's MONEY always ends in an amount
        factor = self._lex.money_scales[fold(scale.value.lstrip("-‐‑"))] if scale is not None else 1
        figure = match["amount"]
        spaced = _SPACED_DECIMAL.fullmatch(figure)
        if spaced is not None:
            figure = f"{spaced[1]}.{spaced[2]}"
        amount = EXACT.multiply(Decimal(_GROUPS.sub("", figure)), factor)
        dotted = scale is None and _DOTTED.fullmatch(figure) is not None  # "€1.500"
        return Cash(amount, match["sign"] or "$", factor, pos(token), dotted=dotted)

    def money_sign_word(self, token: Token, *rest: Token) -> Cash:
        # "$10,000 dollars": the narrower of sign and word names the currency ("$" may be a
        # peso, "dollars" never is); a word no currency of the sign fits is no restatement.
        cash = self.money_sign(token, *rest[:-1])
        signs = set(self._lex.currencies_of(cash.sign))
        words = set(self._lex.currencies_of(rest[-1].value))
        if not words <= signs and not signs <= words:
            raise Reject(f"{rest[-1].value!r} is not the currency of {cash.sign!r}", pos(rest[-1]))
        sign = rest[-1].value if words <= signs else cash.sign
        return attrs.evolve(cash, sign=sign)

    def money_scales(self, big: Num, big_scale: Token, *rest: Any) -> Cash:
        # "one million and 300 thousand tomans": 1,300,000; the remainder below the scale.
        small, small_scale, currency = rest
        large = self._lex.money_scales[fold(big_scale.value.lstrip("-‐‑"))]
        part = self.money_word(small, small_scale, currency)
        if large <= part.scale or part.amount >= large:
            raise Reject("the remainder must count below the scale before it", part.pos)
        head = self.money_word(big, big_scale, currency)
        return Cash(head.amount + part.amount, currency.value, 1, big.pos)

    def money_half(self, half: Token, number: Token, currency: Token) -> Cash:
        # "half a million dollars": only "a" hundred, thousand or million is halved.
        if not _A_SCALE.fullmatch(number.value):
            raise Reject(f"half of {number.value!r} is no amount", pos(number))
        value = self.words(number).value / 2
        return Cash(_decimal(value, pos(half)), currency.value, 1, pos(half))

    def money_prefix(self, sign: Token, number: Num, *rest: Token) -> Cash:
        # "人民币五千元", "人民币701万元", "人民币5000": the currency word comes first.
        scale = next((token for token in rest if token.type == "SCALE"), None)
        factor = self._lex.money_scales[fold(scale.value.lstrip("-‐‑"))] if scale is not None else 1
        return Cash(_decimal(number.value * factor, number.pos), sign.value, factor, pos(sign))

    def money_before(self, currency: Token, figure: Token, *rest: Token) -> Cash:
        # "rupees one lakh", "Kenya shillings 50,000": the currency word before the amount.
        number = self.digits(figure) if figure.type == "DIGITS" else self.words(figure)
        return attrs.evolve(self.money_word(number, *rest, currency), pos=pos(currency))

    def money_word(self, number: Num, *rest: Token) -> Cash:
        scale = next((token for token in rest if token.type == "SCALE"), None)
        factor = self._lex.money_scales[fold(scale.value.lstrip("-‐‑"))] if scale is not None else 1
        value = number.value * factor
        if number.spelled and factor > 1:
            value = _spelled_scaled(number, factor, scale)
        amount = _decimal(value, number.pos)
        named = role(rest[-1].type).kind is not None  # "1000罰款": the fine word after it
        return Cash(amount, rest[-1].value, factor, number.pos, named=named)

    def money_compound(self, high: Num, large: Token, low: Num, *rest: Token) -> Cash:
        # "1万3千元", "1万3000元": a figure for each scale (the last may have none), the
        # smaller part less than one of the larger.
        small, currency = rest if len(rest) == 2 else (None, rest[0])
        big = self._lex.money_scales[fold(large.value)]
        little = 1 if small is None else self._lex.money_scales[fold(small.value)]
        if low.value * little >= big:
            raise Reject(
                f"{low.value}{'' if small is None else small.value} after {large.value}"
                " is no part of it",
                pos(currency if small is None else small),
            )
        amount = _decimal(high.value * big + low.value * little, high.pos)
        return Cash(amount, currency.value, 1, high.pos)

    def money_prefix_compound(self, sign: Token, high: Num, large: Token, *rest: Any) -> Cash:
        # "人民币1万3千元": the currency word first, then a figure for each scale.
        tokens = [token for token in rest[1:] if token.type != "CURRENCY"]
        cash = self.money_compound(high, large, rest[0], *tokens, sign)
        return attrs.evolve(cash, pos=pos(sign))

    # cores -----------------------------------------------------------------------------------
    def fixed(self, value: Time | Cash) -> Core:
        return Core("fixed", value, value, value.pos)

    def at_most(self, *args: Any) -> Core:
        value = next(arg for arg in args if isinstance(arg, Time | Cash))
        return Core("at_most", None, value, pos(args[0]))

    def up_to_life(self, cue: Token, _life: Token) -> Core:
        return Core("at_most", None, LIFE, pos(cue))

    def at_least(self, *args: Any) -> Core:
        value = next(arg for arg in args if isinstance(arg, Time | Cash))
        return Core("at_least", value, None, pos(args[0]))

    def or_more_of_unit(self, number: Num, more: Token, unit: Token) -> Core:
        # "four or more years": the bound between the number and its unit
        return Core("at_least", self.dur_part(number, unit), None, number.pos)

    def min_max(self, cue: Token, low: Any, _nor: Token, high: Time | Cash) -> Core:
        return Core("min_max", _scaled(low, high), high, pos(cue))

    def service_hours(self, number: Num, words: Token) -> tuple[Core, Token]:
        # "200 community service hours": the hours, and the penalty's name as a word of the item.
        hours = Time.of(number.value, self._unit(Token("UNIT", "hours")), number.pos)
        named = Token.new_borrow_pos(SERVICE_WORD, words.value, words)
        return Core("fixed", hours, hours, number.pos), named

    def approximate(self, _near: Token, value: Time | Cash) -> Time | Cash:
        # "nearly five years", "about $277,000": the figure as stated (corpus README).
        return attrs.evolve(value, near=True) if isinstance(value, Cash) else value

    def value_again(self, value: Time | Cash, again: Time | Cash) -> Time | Cash:
        # "二萬元(HKD$20,000.00)": a restatement whose brackets the grammar drops (zh)
        return self.restated_value(value, None, again)

    def converted_tail(self, *children: Any) -> tuple[Any, ...]:
        # "a 10 million toman fine (around 390 USD)": a rounded conversion of the amount before
        # the word, for readers; the court's amount is that one. An unrounded one is refused.
        at = next(i for i, c in enumerate(children) if isinstance(c, Token) and c.type == "LPAR")
        rest = children[at + 1 :]
        again = next(item for item in rest if not isinstance(item, Token))
        rounded = any(isinstance(item, Token) and item.type == "APPROX" for item in rest)
        if not isinstance(again, Cash) or not (rounded or again.near):
            raise Reject("only a rounded amount in brackets is a conversion", pos(children[at]))
        return children[:at]

    def restated_value(self, value: Time | Cash, _open: Token | None, *rest: Any) -> Time | Cash:
        # "120 months (10 years)": federal judgments restate a length in larger units.
        agains = [item for item in rest if not isinstance(item, Token)]
        for again in agains:
            if (
                isinstance(value, Cash)
                and isinstance(again, Cash)
                and self._lex.currency(value.sign, None) != self._lex.currency(again.sign, None)
            ):
                # "1 million yuan (about $140,000)", "($139, £109)": conversions for readers;
                # the court's amount stands (which is the court's, the jurisdiction says).
                # "(about $140,000)", "(over $56,000)": a rounded restatement is a conversion.
                if (
                    len(agains) == 1
                    and not again.near
                    and not any(isinstance(item, Token) and item.type == "APPROX" for item in rest)
                ):
                    return attrs.evolve(value, converted=again)
                continue
            if len(agains) > 1:
                raise Reject("several restatements in brackets are conversions only", again.pos)
            same = (
                isinstance(value, Time)
                and isinstance(again, Time)
                and value.duration() == again.duration()
            ) or (
                isinstance(value, Cash) and isinstance(again, Cash) and value.amount == again.amount
            )
            if not same:
                what = "amount" if isinstance(value, Cash) else "length"
                raise Reject(f"the {what} restated in brackets is not the same {what}", again.pos)
        return value

    def min_to_life(self, cue: Token, low: Time | Cash, _nor: Token, _life: Token) -> Core:
        return Core("to_life", low, LIFE, pos(cue))

    def to_life(self, *args: Any) -> Core:
        low = next(arg for arg in args if not isinstance(arg, Token))
        if isinstance(low, Num):  # "25-to-life" counts years
            if low.value.denominator != 1 or low.value >= MOST_BARE_YEARS:
                # "1995 to life" is a year, "2,000 to life" a figure: never a number of years
                raise Reject(f"{_figure(low.value)} is not a number of years", low.pos)
            return Core("to_life", Time.of(low.value, ("months", 12), low.pos), LIFE, low.pos, True)
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
        return Core("range", _scaled(low, high), high, pos(args[0]))

    def floored_range(self, *args: Any) -> Core:
        # zh "原判刑期以上五年以下，但是不能少于一年": the high end first, the least after 但
        high, low = (arg for arg in args if isinstance(arg, Time | Cash))
        return Core("range", low, high, low.pos)

    def range_scaled(self, *args: Any) -> Core:
        # "Rs 1 to 2 lakh": the sign on the low end, the scale alone on the high end.
        low, number = (arg for arg in args if isinstance(arg, Time | Cash | Num))
        scale = args[-1]
        assert isinstance(number, Num)  # the grammar puts a bare number before the scale
        if not isinstance(low, Cash):
            raise Reject(f"{scale.value!r} scales an amount of money", pos(scale))
        high = self.money_word(number, scale, Token("CURRENCY", low.sign))
        return Core("range", _scaled(low, high), high, pos(args[0]))

    # items -----------------------------------------------------------------------------------
    def strokes(self, number: Num, token: Token) -> Core:
        if number.value.denominator != 1 or number.value < 1:
            raise Reject(f"{_figure(number.value)} is not a number of strokes", number.pos)
        label = self._lex.strokes_label(token.value)
        value = Strokes(int(number.value), label, number.pos)
        return Core("strokes", value, value, number.pos)

    def strokes_verb(self, verb: Token, number: Num, times: Token) -> Core:
        """ "whipped 10 times": the verb names the corporal punishment (its label as the
        lexicon's counted words give it, caning where they name none), "times" its strokes."""
        del times
        return self.strokes(number, verb)

    def count(self, number: Num) -> Count:
        if number.value.denominator != 1 or not 1 <= number.value <= 10_000:
            raise Reject(f"{_figure(number.value)} is not a count of terms", number.pos)
        return Count(int(number.value), number.pos)

    def each_count(self, _each: Token, number: Num, _counts: Token) -> Count:
        count = self.count(number)  # "on each of three counts": three terms
        each = _each.type == "W_EACH_OF"  # "on three counts" (W_ON_N_COUNTS) may be one term
        return Count(count.value, count.pos, per_conviction=True, distributes=each)

    def counts_named(self, _on: Token, *children: Token) -> Count:
        # "on counts 1, 3 and 4": three terms, one per count named; the figures name counts.
        named = [child for child in children if child.type == "DIGITS"]
        for number in named:
            if not number.value.isdigit() or int(number.value) < 1:
                raise Reject(f"{number.value} is not a count's number", pos(number))
        return Count(len(named), pos(named[0]), per_conviction=True)

    def period_first(self, core: Any, word: Token, *rest: Token) -> tuple[Any, ...]:
        # zh "有期徒刑三年，三年缓刑": the length before the suspension word is its period, read
        # as if written after it ("缓刑三年").
        return (word, core, *rest)

    def post(self, *children: Any) -> tuple[Any, ...]:
        return children

    def tail(self, *children: Any) -> tuple[Any, ...]:
        return children

    def body(self, *children: Any) -> tuple[Any, ...]:
        return children

    def bracketed_body(self, *children: Any) -> tuple[Any, ...]:
        # "a long-term sentence (four or more years)": the brackets only set the length apart.
        # An amount in brackets is a conversion for readers ("a fine (about $390)"): refused.
        kept = tuple(c for c in children if not (isinstance(c, Token) and c.type in _BRACKETS))
        core = next(c for c in kept if isinstance(c, Core))
        if not any(isinstance(value, Time) for value in (core.low, core.high)):
            raise Reject("only a length in brackets states a term", core.pos)
        return kept

    def _imposing(self, elements: Sequence[Any]) -> bool:
        """Whether an item opens with a penalty word that is the verb with its object ("fined
        him $500", "fined Jeong 35 million won"): a penalty given (the lexicon's words)."""
        first = next((e for e in elements if isinstance(e, Token)), None)
        return first is not None and (
            _last_two(first.value) in self._lex.imposing_words
            or any(w in self._lex.imposing_verbs for w in fold(first.value).split()[:-1])
        )

    def item(self, *children: Any) -> Item | tuple[Item, ...]:
        # The cue opens the item, or follows the one word a language puts before it (每项判处)
        at = next((i for i, child in enumerate(children[:2]) if isinstance(child, Cue)), None)
        cue = None if at is None else children[at]
        elements = tuple(_flatten(children if at is None else children[:at] + children[at + 1 :]))
        if cue is None and self._imposing(elements):
            cue = Cue(Modality.IMPOSED)  # "… and fined the accused | 5,000 dirhams"
        listed = next((e for e in elements if isinstance(e, Listed)), None)
        if listed is None:
            return Item(elements, pos(elements[0]), cue)
        # "were sentenced to 10, 12 and 15 years": as if each term were written out in full,
        # each item beginning at its own number (the first at the start of the phrase).
        at = elements.index(listed)
        clones = []
        for index, core in enumerate(listed.cores):
            copy = (*elements[:at], core, *elements[at + 1 :])
            start = pos(elements[0]) if index == 0 else core.pos
            clones.append(Item(copy, start, cue if index == 0 else None, listed=True))
        return tuple(clones)

    def joiner(self, *tokens: Token) -> Joiner:
        # Each word's role in the language's lexicon ("y": and, "；": hard, "或者": or), unless
        # its terminal has one whatever its words ("in default whereof").
        roles = (_joins(token.type) or self._lex.joins(token.value) for token in tokens)
        return Joiner.of(tuple(roles))

    def items(self, *children: Any) -> tuple[list[Item], list[Joiner]]:
        if len(children) == 1:
            return _spread(children[0], [], [])
        (items, joiners), joiner, item = children
        return _spread(item, list(items), [*joiners, joiner])

    def cue(self, *tokens: Token) -> Cue:
        aux = tokens[0] if tokens[0].type == AUX else None
        verb = tokens[-1] if tokens[-1].type != AUX else None
        aux_modality = self._lex.modality_aux.get(fold(aux.value)) if aux else None
        optional = self._lex.optional_cues
        may = (aux is not None and fold(aux.value) in optional) or (
            verb is not None and fold(verb.value).split()[0] in optional
        )
        if verb is None:
            return Cue(_modality(aux_modality), optional=may)
        words = fold(verb.value).split()  # the first two words ("will face") before the first
        verbs = self._lex.modality_verbs
        verb_modality = verbs.get(" ".join(words[:2])) or verbs.get(words[0])
        if verb.type == IMPOSE and aux_modality is not None:
            return Cue(_modality(aux_modality), optional=may)
        bound = None
        if verb.type == FACE:
            bound = "max"  # "faces 20 years": a maximum (the corpus convention)
        elif verb.type == STATUTE_BOUND:
            bound = self._lex.statute_bound(verb.value)  # "the minimum penalty is": "min"
        return Cue(_modality(verb_modality), bound=bound, optional=may)

    def start(self, *children: Any) -> Draft:
        items, joiners = children[0]
        for item in items[1:]:
            bare = next((e for e in item.elements if isinstance(e, Core) and e.bare), None)
            if bare is not None:
                # "sentenced 75 people to death and | 47 to life": a count of people
                raise Reject("a bare number after another penalty counts no years", bare.pos)
        at, cue = next(((i, item.cue) for i, item in enumerate(items) if item.cue), (0, None))
        if at and cue is not None and cue.bound == "max" and joiners[at - 1].alternative:
            # "fined $500 or face three months in jail": the term the fine's payer faces if
            # unpaid (fine_or_term), not the modality of the whole phrase.
            cue = None
        both = any(isinstance(child, Token) and child.type == OR_BOTH for child in children[1:])
        return Draft(cue, tuple(items), tuple(joiners), both)


def _spread(
    item: Item | tuple[Item, ...], items: list[Item], joiners: list[Joiner]
) -> tuple[list[Item], list[Joiner]]:
    """Append an item, or the items of a list ("10, 12 and 15 years") joined by "and"."""
    if isinstance(item, Item):
        return [*items, item], joiners
    return [*items, *item], [*joiners, *[AND] * (len(item) - 1)]


def _last_two(words: str) -> str:
    return " ".join(fold(words).split()[-2:])


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


def _spelled_scaled(number: Num, factor: int, scale: Token | None) -> Fraction:
    """A number in words times the scale after it; after billions in words, the scale counts
    only the words after them ("un milliard vingt-cinq millions d'euros" is 1,025,000,000)."""
    billions = number.value - number.value % 10**9
    count = number.value - billions
    if billions and factor < 10**9 and count < 1000:
        return billions + count * factor
    if number.value >= min(factor, 10**6):
        # "zwei Millionen fünfhundert Tausend Euro", "deux millions cinq milliards": words that
        # count to the scale after them, or to millions, are no count of it ("two thousand
        # million dollars" is one).
        raise Reject(f"a scale after {_figure(number.value)} in words", pos(scale))
    return number.value * factor


def _scaled(low: Any, high: Time | Cash) -> Time | Cash:
    """The low end of a range, taking the unit or scale written only on the high end.

    A scale ("million", "lakh") written once, on the high end, scales the low end too when
    the low end is a figure with no scale of its own below the high end's count of the scale:
    "1 to 2 million dollars" and "$1 to $2 million" are 1,000,000..2,000,000, "Rs 1 to 2 lakh"
    100,000..200,000. A low end at or above that count would run the range backwards scaled,
    and is the figure as written: "30,000 to 1 million Egyptian pounds" is 30,000..1,000,000,
    "500 to 2 million" 500..2,000,000."""
    if isinstance(low, Cash) and isinstance(high, Cash):
        shares = low.scale == 1 < high.scale and low.sign == high.sign and not low.dotted
        if shares and low.amount < high.count:
            # "$1 to $2 million", "Rs 1 to 2 lakh": the sign on the low end, the scale on the high
            return Cash(EXACT.multiply(low.amount, high.scale), low.sign, high.scale, low.pos)
        return low
    if not isinstance(low, Num):
        return low  # type: ignore[no-any-return]
    if isinstance(high, Time):  # "six to 10 years"
        return Time.of(low.value, high.first, low.pos)
    # "5 to 10 million dollars", "between 5,000 and 10,000 yuan"
    scale = high.scale if low.value < high.count else 1
    return Cash(_decimal(low.value * scale, low.pos), high.sign, scale, low.pos)
