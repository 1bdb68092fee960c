"""Errors people can act on: the words a `SentenceParseError` uses, per language, and the
common mistakes it names.

All of it is data, in ``data/hints/<lang>.toml`` (English, ``en.toml``, fills what another
language leaves out):

- ``[messages]``: how a reason is put together ("unexpected ...; expected ...").
- ``[expected]``: what the parser expected, in words, by terminal name ("a number").
- ``[hints.<label>]``: a common mistake, with a title, a message and example phrases that
  make it. The examples work as in Lark's `UnexpectedInput.match_examples`: a failing phrase
  gets the hint of an example that fails in the same parser state, on the same kind of token.
  Lark's method parses every example again on each call; here each language's examples are
  parsed once per process (on its first error) and their states kept in a dictionary, so an
  error costs a lookup. Two refinements make the match safe enough to show: the unexpected
  token's *type* must be the example's (a character the lexer could not read is compared by
  its kind: letter, digit, currency sign, other), and an example that fails inside an item
  naming a penalty family (the ``W_*`` words read so far: "a fine of 500 zorkmids") only
  matches errors inside such an item, so "10 yaers" is no unknown currency.
- ``[reversed_range]``: the message for a range that runs backwards ("10 years to 6 months").

>>> from sentencenorm.reading.grammars import parser_for
>>> hint = diagnose("en", "a fine of 500 zorkmids", parser_for("en"))
>>> hint.label, hint.title
('unknown_currency', 'unknown currency')
>>> hint.message.split(";")[0]
"'zorkmids' is not a currency this reader knows"
>>> diagnose("en", "ten yaers", parser_for("en")) is None
True
>>> expected_words("zh")["UNIT"]
'单位（如“年”“个月”）'
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any, Final, Protocol

from lark import Token, Tree
from lark.exceptions import UnexpectedCharacters, UnexpectedInput

from ..language import Language, languages
from ..language.roles import Group, role

#: The language whose file fills what another leaves out.
FALLBACK: Final = "en"

# Duration units by how the transformer keeps them: (part, size).
_UNIT_NAMES: Final = {
    ("months", 120): "decade",
    ("months", 12): "year",
    ("months", 1): "month",
    ("days", 14): "fortnight",
    ("days", 7): "week",
    ("days", 1): "day",
    ("hours", 1): "hour",
}


@dataclass(frozen=True)
class Hint:
    """A common mistake of one language: its label, title, message template and examples."""

    label: str
    title: str
    message: str
    examples: tuple[str, ...]
    prefer: tuple[str, ...] = ()
    found: re.Pattern[str] | None = None  # only when the unexpected word is one of these
    last: re.Pattern[str] | None = None  # only when the last word read is one of these

    def fits(self, found: str, last: str) -> bool:
        """Whether the words at the error are ones this hint is for (see `found`, `last`)."""
        return (self.found is None or self.found.fullmatch(found) is not None) and (
            self.last is None or self.last.fullmatch(last) is not None
        )

    @property
    def filters(self) -> int:
        return (self.found is not None) + (self.last is not None)


@dataclass(frozen=True)
class Found:
    """The hint an error gets: which mistake, and its message filled in."""

    label: str
    title: str
    message: str
    prefer: tuple[str, ...] = ()


@dataclass(frozen=True)
class Book:
    """One language's error words (English filling the gaps) and its own hints."""

    lang: str
    messages: Mapping[str, str]
    expected: Mapping[str, str]
    hints: tuple[Hint, ...]
    reversed_range: Mapping[str, Any]


def available() -> tuple[str, ...]:
    """Languages with error words and hints: every one `sentencenorm.language.languages()`
    lists (tests/test_languages.py checks each has its file)."""
    return languages()


def _raw(lang: str) -> Mapping[str, Any]:
    """The hints file of *lang* as it states it; nothing for any other code."""
    return Language.get(lang).hints if lang in languages() else {}


@functools.cache
def book(lang: str) -> Book:
    """The error words of *lang* (any code: an unknown one gets English and no hints)."""
    own, base = _raw(lang), _raw(FALLBACK)
    hints = tuple(
        Hint(
            label=label,
            title=str(entry.get("title", label.replace("_", " "))),
            message=str(entry["message"]),
            examples=tuple(entry.get("examples", ())),
            prefer=tuple(entry.get("prefer", ())),
            found=_pattern(entry.get("found")),
            last=_pattern(entry.get("last")),
        )
        for label, entry in own.get("hints", {}).items()
    )
    reversed_range = {**base.get("reversed_range", {}), **own.get("reversed_range", {})}
    reversed_range["units"] = {
        **base.get("reversed_range", {}).get("units", {}),
        **own.get("reversed_range", {}).get("units", {}),
    }
    return Book(
        lang=lang,
        messages={**base.get("messages", {}), **own.get("messages", {})},
        expected={**base.get("expected", {}), **own.get("expected", {})},
        hints=hints,
        reversed_range=reversed_range,
    )


def _pattern(source: object) -> re.Pattern[str] | None:
    return None if source is None else re.compile(str(source), re.IGNORECASE)


def messages(lang: str) -> Mapping[str, str]:
    """How *lang* puts a reason together: ``unexpected``, ``ends``, ``expected``, ``hint``..."""
    return book(lang).messages


def expected_words(lang: str) -> Mapping[str, str]:
    """What a terminal stands for, in words of *lang* (English where *lang* has none)."""
    return book(lang).expected


# ── matching an error against the examples ──────────────────────────────────────────────────

# (LALR state, "token" or "chars", the token type or the kind of character)
_Key = tuple[int, str, str]


@dataclass(frozen=True)
class _Index:
    table: object  # the parse table the states belong to
    entries: Mapping[_Key, tuple[tuple[frozenset[str], Hint], ...]]


def _char_kind(char: str) -> str:
    if char.isalpha():
        return "letter"
    if char.isdigit():
        return "digit"
    if unicodedata.category(char) == "Sc":
        return "currency"
    return "other"


def _families(values: Iterable[object]) -> frozenset[str]:
    """The penalty-family words (``W_*`` tokens) of the item being read: the tokens, trees and
    tuples on the parser's value stack. Items already read are lists of `Item` objects
    (skipped), so a family named in an earlier item does not count."""
    found: set[str] = set()
    pending = list(values)
    while pending:
        value = pending.pop()
        if isinstance(value, Token):
            if role(value.type).group is Group.WORD:
                found.add(value.type)
        elif isinstance(value, Tree):
            pending.extend(value.children)
        elif isinstance(value, tuple):
            pending.extend(value)
    return frozenset(found)


def _key(exc: UnexpectedInput) -> tuple[_Key, frozenset[str], object] | None:
    """What an error is matched by: its key, its item's families and its parse table."""
    state = getattr(exc, "state", None)
    position = getattr(state, "position", None)
    table = getattr(getattr(state, "parse_conf", None), "parse_table", None)
    if not isinstance(position, int) or table is None:
        return None
    families = _families(getattr(state, "value_stack", ()))
    if isinstance(exc, UnexpectedCharacters):
        char = str(getattr(exc, "char", "") or " ")[:1]
        return (position, "chars", _char_kind(char)), families, table
    token = getattr(exc, "token", None)
    kind = "$END" if token is None else str(getattr(token, "type", "$END"))
    return (position, "token", kind), families, table


class Parser(Hashable, Protocol):
    """What reads a phrase: `sentencenorm.reading.grammars.parser_for(lang)`, a `lark.Lark`."""

    def parse(self, text: str) -> Any: ...


#: How many (language, parser) example indexes are kept: one per grammar in practice.
_INDEXES: Final = 32


@functools.lru_cache(maxsize=_INDEXES)
def _index(lang: str, parser: Parser) -> _Index:
    """Each example of *lang* parsed once by *parser*: where it fails, by key (built on the
    first error of that language and parser, then kept)."""
    hints = book(lang).hints
    if not hints:
        return _Index(None, {})
    parse = parser.parse
    table: object = None
    entries: dict[_Key, list[tuple[frozenset[str], Hint]]] = {}
    for hint in hints:
        for example in hint.examples:
            try:
                parse(example)
            except UnexpectedInput as exc:
                keyed = _key(exc)
                if keyed is None:
                    continue
                key, families, table = keyed
                entries.setdefault(key, []).append((families, hint))
            except Exception:  # an example the model refuses teaches nothing
                continue
    return _Index(table, {key: tuple(found) for key, found in entries.items()})


def match(
    lang: str, exc: UnexpectedInput, parser: Parser, found: str = "", last: str = ""
) -> Hint | None:
    """The hint whose example fails as *exc* (raised by *parser*) does, or None.

    Among examples failing in the same state on the same kind of token, those whose item
    families are all in the error's item, and whose hint fits the unexpected word *found* and
    the last word read *last*, qualify; the most specific wins (more families, then more word
    filters), then the first in the file.
    """
    keyed = _key(exc)
    if keyed is None:
        return None
    key, families, table = keyed
    index = _index(lang, parser)
    if index.table is not table:  # another parser's states: they mean nothing here
        return None
    best: tuple[tuple[int, int], Hint] | None = None
    for needed, hint in index.entries.get(key, ()):
        if not needed <= families or not hint.fits(found, last):
            continue
        rank = (len(needed), hint.filters)
        if best is None or rank > best[0]:
            best = (rank, hint)
    return None if best is None else best[1]


def hint_for(
    lang: str, exc: UnexpectedInput, text: str, column: int, parser: Parser
) -> Found | None:
    """The common mistake *exc* looks like: raised by *parser* (the grammar of *lang*) reading
    *text*, stopped at *column*."""
    token = getattr(exc, "token", None)
    if isinstance(token, Token) and token.type != "$END" and str(token).strip():
        found = str(token).strip()  # the unexpected token itself ("年" in "有期徒刑年以下")
    else:
        found = _word(text, column)
    last = _last_word(exc, text, column)
    hint = match(lang, exc, parser, found, last)
    if hint is None:
        return None
    fields = {
        "found": printable(found),
        "found_repr": repr(found),
        "last": printable(last),
        "last_repr": repr(last),
    }
    try:
        message = hint.message.format(**fields)
    except (KeyError, IndexError, ValueError):  # a broken template: the title still helps
        message = hint.message
    return Found(hint.label, hint.title, message, hint.prefer)


def diagnose(lang: str, text: str, parser: Parser) -> Found | None:
    """The hint *text* gets when *parser* (the grammar of *lang*) reads it; None when it
    parses or no hint fits. For tests and for looking at one phrase: `parse` puts the same
    hint in its errors.
    """
    try:
        parser.parse(text)
    except UnexpectedInput as exc:
        return hint_for(lang, exc, text, _column(exc, text), parser)
    except Exception:  # refused by the model: no grammar hint
        return None
    return None


def printable(word: str) -> str:
    r"""*word* with what a terminal would act on (control characters, direction overrides,
    lone surrogates) written as escapes, the rest as is: "€500" stays, "\x00" is shown.

    >>> printable("zork\u202emids")
    'zork\\u202emids'
    """
    return "".join(char if char.isprintable() else repr(char)[1:-1] for char in word)


def _column(exc: UnexpectedInput, text: str) -> int:
    token = getattr(exc, "token", None)
    if isinstance(exc, UnexpectedCharacters):
        return exc.pos_in_stream or 0
    if token is None or token.type == "$END":
        return len(text.rstrip())
    return token.start_pos or 0


def _word(text: str, column: int) -> str:
    rest = text[column:].split(None, 1)
    return rest[0][:40] if rest else ""


def _last_word(exc: UnexpectedInput, text: str, column: int) -> str:
    """The last word read before the error: the lexer's last token where Lark kept it."""
    interactive = getattr(exc, "interactive_parser", None)
    lexer_state = getattr(getattr(interactive, "lexer_thread", None), "state", None)
    last = getattr(lexer_state, "last_token", None)
    if isinstance(last, Token) and last.end_pos is not None and last.end_pos <= column:
        return str(last).strip()
    for value in reversed(getattr(getattr(exc, "state", None), "value_stack", ()) or ()):
        if isinstance(value, Token):
            return str(value).strip()
        break
    before = text[:column].split()
    return before[-1] if before else ""


# ── the range that runs backwards ───────────────────────────────────────────────────────────


def backwards_range(low: Any, high: Any, lang: str) -> str | None:
    """The message for a minimum above its maximum, in words of *lang*; None when *low* and
    *high* (the transformer's `Time` or `Cash` values) are not such a pair.

    >>> from sentencenorm.reading.parts import Time
    >>> ten, six = Time.of(Fraction(10), ("months", 12), 0), Time.of(Fraction(6), ("months", 1), 9)
    >>> message = backwards_range(ten, six, "en") or ""
    >>> message.split(";")
    ['the range runs backwards: the minimum, 10 years, is longer than the maximum, 6 months', \
' put the shorter term first']
    """
    words = book(lang).reversed_range
    try:
        if _is_time(low) and _is_time(high):
            if _days(low) <= _days(high):
                return None
            return str(words["duration"]).format(
                low=_time_words(low, lang), high=_time_words(high, lang)
            )
        if _is_cash(low) and _is_cash(high):
            if low.sign != high.sign or low.amount <= high.amount:
                return None
            return str(words["money"]).format(
                low=_cash_words(low, lang), high=_cash_words(high, lang)
            )
    except (KeyError, IndexError, ValueError, ArithmeticError):  # broken data: say it plainly
        return None
    return None


def _is_time(value: object) -> bool:
    return all(hasattr(value, name) for name in ("months", "days", "hours", "first", "last"))


def _is_cash(value: object) -> bool:
    return hasattr(value, "amount") and hasattr(value, "sign")


def _days(time: Any) -> Fraction:
    """Rough length for ordering only (30-day months), exact enough to tell which is longer."""
    return Fraction(time.months) * 30 + Fraction(time.days) + Fraction(time.hours) / 24


def _time_words(time: Any, lang: str) -> str:
    words = book(lang).reversed_range
    units: Mapping[str, Mapping[str, str]] = words["units"]

    def part(amount: int, unit: str) -> str:
        forms = units[unit]
        return str(forms["one" if amount == 1 else "other"]).format(n=amount)

    first: tuple[str, int] = tuple(time.first)
    value = {"months": time.months, "days": time.days, "hours": time.hours}
    if first == tuple(time.last) and first in _UNIT_NAMES:
        others = sum(amount for name, amount in value.items() if name != first[0])
        amount = Fraction(value[first[0]]) / first[1]
        if not others and amount.denominator == 1:
            return part(int(amount), _UNIT_NAMES[first])
    months = Fraction(time.months)
    days = Fraction(time.days) + (months - int(months)) * 30 + Fraction(time.hours) / 24
    years, rest = divmod(int(months), 12)
    parts = [
        part(amount, unit)
        for amount, unit in ((years, "year"), (rest, "month"), (int(days), "day"))
        if amount
    ]
    return str(words.get("parts", " ")).join(parts) or part(0, "day")


def _cash_words(cash: Any, lang: str) -> str:
    words = book(lang).reversed_range
    value = Decimal(cash.amount)
    from babel.numbers import format_decimal  # Babel only for a hint that names a sum

    try:
        amount = format_decimal(value, locale=lang if lang in available() else FALLBACK)
    except Exception:  # Babel without this locale: plain figures
        amount = f"{value:f}"
    sign = str(cash.sign).strip()
    pattern = words["amount_word"] if sign[-1:].isalpha() else words["sign_amount"]
    return str(pattern).format(sign=sign, amount=amount)
