"""`render`: a canonical value written out as a phrase, the write side of the library.

Wording (legal nouns, phrase patterns) comes from ``data/locales/<locale>.toml``. Digits,
plural forms, unit names, currency symbols and list joining come from Babel's CLDR data for
the requested locale, which is always passed explicitly. Number words for ``style="words"``
come from the lexicon the reader uses, so that "twenty-five" means 25 both ways (Babel has no
spell-out).

Whatever it writes, the reader reads back: ``parse(render(s)) == s`` for every canonical
``s``. Three habits keep it so:

- one phrase per term shape, each one the grammar reads exactly ("up to", "at least",
  "to life", "terms each of" for an unknown count...);
- "; " between two components wherever "and" or "," would let the reader fold them into one
  (a maximum carrying over what follows, two terms of one kind meeting in a range, a length
  merging with the next: see the module docstring of ``transformer.py``);
- a value with no phrasing the reader reads back (an `other` label the grammar does not
  know, a currency it has no sign or code for) is written whole in the canonical notation,
  which ``parse`` reads too.

Only English prose is written for now: ``en`` and its regional variants (``en_GB``,
``en_IN``...). The English reader reads digits grouped in threes with "," and a "." decimal
point, so those are what English prose uses; a variant whose CLDR data says otherwise
(``en_DE`` writes "5.000,5", ``en_IN`` groups "1,23,456") gets them as well.
"""

from __future__ import annotations

import functools
import itertools
import tomllib
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Final, Literal, TypeAlias, TypeVar

import attrs
from babel import Locale, localedata
from babel.core import UnknownLocaleError as BabelUnknownLocaleError
from babel.lists import format_list
from babel.numbers import format_decimal, get_currency_symbol, get_decimal_symbol, get_group_symbol
from babel.units import format_unit

from ._resources import data_dir
from .durations import Duration
from .errors import UnknownLocaleError, UnsupportedError
from .lexicon import Lexicon, fold, lexicon
from .model import (
    COMPONENT_TYPES,
    CommunityService,
    CommunitySupervision,
    Component,
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
    Sentence,
    SupervisedRelease,
    read_label_quantity,
)

__all__ = ["STYLES", "Style", "render"]

#: How numbers are written: spelled out ("six months") or in figures ("6 months").
Style: TypeAlias = Literal["words", "digits"]
STYLES: Final[tuple[str, ...]] = ("words", "digits")

#: Languages whose prose `render` writes; other locales raise `UnsupportedError` for now.
PROSE_LANGUAGES: Final = frozenset({"en"})

# CLDR unit keys for the parts of a `Duration`, largest first.
_YEAR: Final = "duration-year"
_MONTH: Final = "duration-month"
_DAY: Final = "duration-day"
_HOUR: Final = "duration-hour"

# Grouping in threes whatever the locale's own pattern (en_IN groups "1,23,456").
_WHOLE: Final = "#,##0"
_CENTS: Final = "#,##0.00"

# Babel writes U+00A0 and U+202F in some patterns; the reader takes them as spaces, and plain
# spaces keep the output easy to read, search and compare.
_NO_BREAK_SPACES: Final = str.maketrans({"\u00a0": " ", "\u202f": " "})

_T = TypeVar("_T")

# Kinds whose fixed term or amount the reader bounds with a maximum stated before it.
_CARRIED: Final = frozenset(
    {"custody", "probation", "supervised_release", "community_supervision"}
    | {"deprivation_of_rights", "fine"}
)


class _Unrenderable(Exception):
    """A value that has no phrasing the reader reads back."""


def render(
    value: Sentence | Component,
    *,
    locale: str = "en",
    style: Style = "words",
) -> str:
    """Write *value* as a phrase that `sentencenorm.parse` reads back to the same value.

    A component is rendered as a sentence of that one component. The modality opens the
    phrase: imposed "sentenced to ...", potential "could be sentenced to ...", statutory
    "punishable by ...". With ``style="words"`` counts and lengths are spelled out; with
    ``style="digits"`` they are figures. Money is always in figures.

    Args:
        value: a `Sentence`, or one component such as `Custody`.
        locale: a CLDR locale code, ``en`` or a regional variant (``en_GB``, ``en-IN``).
        style: ``"words"`` or ``"digits"``.

    Returns:
        The phrase. A value that no English phrase expresses in a way the reader reads back
        (an `Other` label the grammar does not know, a currency with no sign or code it reads)
        comes back in the canonical notation, ``str(sentence)``, which ``parse`` reads too.

    Raises:
        UnknownLocaleError: *locale* is not a locale Babel knows.
        UnsupportedError: *locale* is not English (other languages come later), or *style*
            is not one of the two styles.
        TypeError: *value* is neither a sentence nor a component.

    >>> from sentencenorm import parse
    >>> render(parse("six months to 10 years"))
    'six months to ten years'
    >>> render(parse("six months to 10 years"), style="digits")
    '6 months to 10 years'
    >>> render(parse("was sentenced to three consecutive life terms and fined $5,000"))
    'sentenced to three consecutive life sentences and a fine of $5,000'
    >>> render(parse("faces up to 20 years and a $250,000 fine"))
    'could be sentenced to up to twenty years in prison and a fine of up to $250,000'
    >>> render(Custody(min=Duration.of(months=18), max=Duration.of(months=18)), style="digits")
    '1 year and 6 months'
    >>> render(parse("84 months in prison followed by 2 years of supervised release"))
    'seven years in prison followed by two years of supervised release'
    >>> render(parse("1 year, 6 months and 15 days"), locale="en_GB", style="digits")
    '1 year, 6 months and 15 days'
    >>> render(Fine(max=Money(5000, "CAD")))
    'a fine of up to CA$5,000'
    """
    sentence = _as_sentence(value)
    if not isinstance(style, str) or style not in STYLES:
        raise UnsupportedError(f"unknown style {style!r}; use one of: {', '.join(STYLES)}")
    writer = _writer(_locale_code(locale), style)
    try:
        text = writer.sentence(sentence)
    except _Unrenderable:
        return str(sentence)
    return text.translate(_NO_BREAK_SPACES)


def _as_sentence(value: object) -> Sentence:
    if isinstance(value, Sentence):
        return value
    if isinstance(value, COMPONENT_TYPES):
        return Sentence((value,))
    raise TypeError(f"render() takes a Sentence or a sentence component, not {value!r}")


# ── locales ──────────────────────────────────────────────────────────────────────────────────


def _english_locales() -> list[str]:
    return sorted(
        code for code in localedata.locale_identifiers() if code.split("_")[0] in PROSE_LANGUAGES
    )


def _locale_code(code: object) -> str:
    """The canonical identifier of *code* ("en-gb" -> "en_GB"), checked for prose support."""
    parsed = None
    if isinstance(code, str) and code.strip():
        try:
            parsed = Locale.parse(code.strip().replace("-", "_"))
        except (ValueError, TypeError, BabelUnknownLocaleError):
            parsed = None
    if parsed is None:
        known = _english_locales()
        shown = [*known[:6], f"... ({len(known)} English locales in all)"]
        raise UnknownLocaleError(code, shown)
    if parsed.language not in PROSE_LANGUAGES or parsed.script not in (None, "Latn"):
        raise UnsupportedError(
            f"render writes English prose only, in the Latin script, for now "
            f"(en, en_GB, en_US, en_IN...); {code!r} is not supported yet"
        )
    return str(parsed)


def _load_phrases(locale: Locale) -> dict[str, Any]:
    """``data/locales/<lang>.toml`` with any regional file (``en_GB.toml``) laid over it."""
    folder = data_dir() / "locales"
    chain = [locale.language]
    if locale.territory:
        chain.append(f"{locale.language}_{locale.territory}")
    chain.append(str(locale))
    merged: dict[str, Any] = {}
    for name in dict.fromkeys(chain):
        path = folder / f"{name}.toml"
        if path.is_file():
            merged = _deep_merge(merged, tomllib.loads(path.read_text(encoding="utf-8")))
    if not merged:
        raise UnsupportedError(f"no phrase table for locale {str(locale)!r} in {folder}")
    return merged


def _deep_merge(base: Mapping[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in extra.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), Mapping):
            merged[key] = _deep_merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _digits_locale(locale: Locale) -> Locale:
    """The locale whose digit symbols English prose uses: *locale*'s if the reader reads them."""
    if get_group_symbol(locale) == "," and get_decimal_symbol(locale) == ".":
        return locale
    return Locale.parse(locale.language)


@functools.cache
def _writer(code: str, style: str) -> _Writer:
    locale = Locale.parse(code)
    lex = lexicon(locale.language)
    phrases = _load_phrases(locale)
    avoid = set(phrases.get("numbers", {}).get("avoid", ()))
    spelled: dict[int, str] = {}
    for word, number in lex.numbers.items():
        if word not in avoid:
            spelled.setdefault(number, word)
    return _Writer(
        locale=locale,
        digits_locale=_digits_locale(locale),
        words=style == "words",
        phrases=phrases,
        lexicon=lex,
        spelled=spelled,
        scales={value: word for word, value in lex.number_scales.items()},
    )


# ── writing ──────────────────────────────────────────────────────────────────────────────────


@attrs.frozen
class _Part:
    """One component as written, with what the joiner before the next one must know."""

    text: str
    kind: str
    states_max: bool  # written with "up to": the reader carries a maximum over what follows
    plain: bool  # one fixed length or amount: a maximum carried from before would bound it


@attrs.frozen
class _Writer:
    """Everything `render` needs for one locale and style; built once, then reused."""

    locale: Locale
    digits_locale: Locale
    words: bool
    phrases: Mapping[str, Any]
    lexicon: Lexicon
    spelled: Mapping[int, str]  # number -> its word ("six"), from the lexicon
    scales: Mapping[int, str]  # 100 -> "hundred", 1000 -> "thousand"

    # sentences ---------------------------------------------------------------------------
    def sentence(self, sentence: Sentence) -> str:
        last = len(sentence.components) - 1
        parts = [
            self.component(component, more_follows=index < last)
            for index, component in enumerate(sentence.components)
        ]
        body = self.join(parts)
        if sentence.modality is None:
            return body
        pattern: str = self.phrases["modality"][sentence.modality.value]
        return pattern.format(body=body)

    def join(self, parts: Sequence[_Part]) -> str:
        """Join components with the locale's list pattern, breaking runs where folds could bite."""
        join = self.phrases["join"]
        style = join["list_style"]
        # A list whose items hold commas ("1 year, 6 months, and 15 days") is split by
        # semicolons, as in print; "; " never changes what the reader reads.
        commas = any(", " in part.text for part in parts)
        runs: list[list[str]] = [[parts[0].text]]
        separators: list[str] = []
        carrying = parts[0].states_max  # the reader carries a maximum until a "; "
        for before, after in itertools.pairwise(parts):
            separator = self.separator(before, after, carrying=carrying)
            if separator is None and commas:
                separator = join["hard"]
            if separator == join["hard"]:
                carrying = False
            carrying = carrying or after.states_max
            if separator is None:
                runs[-1].append(after.text)
            else:
                separators.append(separator)
                runs.append([after.text])
        text = self.list(runs[0], style)
        for separator, run in zip(separators, runs[1:], strict=True):
            text += separator + self.list(run, style)
        return text

    def separator(self, before: _Part, after: _Part, *, carrying: bool) -> str | None:
        """The joiner between two components, or None to let the list pattern join them.

        "; " stops every fold of the reader: two terms of one kind meeting in one range
        ("up to 10 years; at least 2 years"), a maximum carrying over a later fixed amount
        ("up to 5 years in prison; a fine of $500") and a length merging with the one after
        it ("ten years; six months of probation").
        """
        join = self.phrases["join"]
        hard: str = join["hard"]
        if before.kind == after.kind or (carrying and after.plain):
            return hard
        if before.kind == "custody" and after.kind == "supervised_release":
            followed: str = join["followed_by"]  # not "and": lengths do not merge across it
            return followed
        if self.ends_with_length(before.text) and self.starts_with_number(after.text):
            return hard
        return None

    def ends_with_length(self, text: str) -> bool:
        last = fold(text).rsplit(" ", 1)[-1].rstrip(".,;")
        return last in self.lexicon.units

    def starts_with_number(self, text: str) -> bool:
        first = fold(text).split(" ", 1)[0]
        return (
            first[:1].isdigit() or first in self.spelled.values() or first in self.scales.values()
        )

    def list(self, items: Sequence[str], style: str) -> str:
        """CLDR's list pattern; some locales lack parts of a style (STYLE.md §d.1)."""
        try:
            return format_list(list(items), style=style, locale=self.locale)  # type: ignore[arg-type]
        except KeyError:
            return format_list(list(items), style="standard", locale=self.locale)

    # components ---------------------------------------------------------------------------
    def component(self, component: Component, *, more_follows: bool = False) -> _Part:
        if isinstance(component, Custody):
            text = self.custody(component, placed=more_follows)
        elif isinstance(component, Death):
            text = self.death(component)
        elif isinstance(component, Fine):
            text = self.with_term(component.kind, self.money_term(component.min, component.max))
        elif isinstance(component, Restitution | Forfeiture):
            pattern: str = self.phrases[component.kind]["amount"]
            text = pattern.format(amount=self.money(component.amount))
        elif isinstance(component, Probation | SupervisedRelease | CommunitySupervision):
            text = self.with_term(component.kind, self.term(component.min, component.max))
        elif isinstance(component, DeprivationOfRights):
            bounds = {**self.phrases["term"], **self.phrases[component.kind].get("bounds", {})}
            text = self.with_term(component.kind, self.term(component.min, component.max, bounds))
        elif isinstance(component, CommunityService):
            pattern = self.phrases[component.kind]["hours"]
            text = pattern.format(hours=self.unit(component.hours, _HOUR))
        else:
            text = self.other(component)
        low, high = getattr(component, "min", None), getattr(component, "max", None)
        # Custody's open life is written "life"; elsewhere it is "up to life", which carries.
        open_life = isinstance(high, Life) and component.kind != "custody"
        states_max = low is None and (isinstance(high, Duration | Money) or open_life)
        plain = low is not None and low == high and isinstance(low, Duration | Money)
        return _Part(text, component.kind, states_max, plain and component.kind in _CARRIED)

    def with_term(self, kind: str, term: str | None) -> str:
        table = self.phrases[kind]
        if term is None:
            none: str = table["none"]
            return none
        pattern: str = table["with_term"]
        return pattern.format(term=term)

    def custody(self, custody: Custody, *, placed: bool = False) -> str:
        """A custodial term; *placed* says where it is served ("seven years in prison
        followed by..."), so that a length never runs into the component after it."""
        table = self.phrases["custody"]
        if custody.count == 1:
            body = self.term(custody.min, custody.max) or table["none"]
            if placed and self.ends_with_length(body):
                body = table["setting"].format(body=body)
            if custody.aggregation is not None:
                body = table["served"][custody.aggregation.value].format(body=body)
        else:
            body = self.several(custody)
        if custody.suspended is None:
            return body
        period = custody.suspended.period
        if period is None:
            suspended: str = table["suspended"]
            return suspended.format(body=body)
        suspended_for: str = table["suspended_for"]
        return suspended_for.format(body=body, length=self.length(period))

    def several(self, custody: Custody) -> str:
        """Several terms: "three consecutive life sentences", "terms each of up to 5 years"."""
        table = self.phrases["custody"]
        nouns = table["several"]
        count = custody.count
        category = self.locale.plural_form(count) if count is not None else "other"
        low, high = custody.min, custody.max
        adjective = self.adjective(low) if low == high and isinstance(low, Duration) else None
        if low is None and high is None:
            noun = _plural(nouns["none"], category)
        elif isinstance(low, Life):
            noun = _plural(nouns["life_only"], category)
        elif low is None and isinstance(high, Life):
            noun = _plural(nouns["up_to_life"], category)
        elif adjective is not None:
            noun = _plural(nouns["point"], category).format(length=adjective)
        else:
            key = "counted" if count is not None else "uncounted"
            noun = _plural(nouns[key], category).format(term=self.term(low, high))
        words = [
            self.number(count) if count is not None else "",
            table["aggregation"][custody.aggregation.value] if custody.aggregation else "",
            noun,
        ]
        return " ".join(word for word in words if word)

    def death(self, death: Death) -> str:
        table = self.phrases["death"]
        if not death.suspended:
            plain: str = table["plain"]
            return plain
        if death.reprieve is None:
            suspended: str = table["suspended"]
            return suspended
        adjective = self.adjective(death.reprieve)
        if adjective is not None:
            pattern: str = table["reprieve_adjective"]
            return pattern.format(length=adjective)
        pattern = table["reprieve"]
        return pattern.format(length=self.length(death.reprieve))

    def other(self, other: Other) -> str:
        label, quantity = self.split_label(other.label)
        table = {**self.phrases["other"], "phrase": label}
        entry = self.phrases["other"].get("labels", {}).get(label, {})
        table.update({"phrase": entry} if isinstance(entry, str) else entry)
        phrase: str = table["phrase"]
        if quantity is None:
            return phrase
        if isinstance(quantity, Duration):
            pattern: str = table["length"]
            return pattern.format(length=self.length(quantity), label=phrase)
        pattern = table["amount"]
        return pattern.format(amount=self.money(quantity), label=phrase)

    def split_label(self, label: str) -> tuple[str, Duration | Money | None]:
        """A label the reader gives ("home confinement 6 months") as (label, quantity)."""
        known = sorted({name for _, name in self.lexicon.other_labels}, key=len, reverse=True)
        for name in known:
            if label == name:
                return name, None
            if label.startswith(name + " "):
                quantity = read_label_quantity(label[len(name) + 1 :])
                if quantity is not None:
                    return name, quantity
        raise _Unrenderable(f"no phrase reads back as the label {label!r}")

    # terms --------------------------------------------------------------------------------
    def term(
        self,
        low: Duration | Life | None,
        high: Duration | Life | None,
        table: Mapping[str, str] | None = None,
    ) -> str | None:
        """A term of time in the words of *table* (``[term]`` by default); None if unstated."""
        return _term(low, high, table or self.phrases["term"], self.length)

    def money_term(self, low: Money | None, high: Money | None) -> str | None:
        return _term(low, high, self.phrases["fine"]["bounds"], lambda m, joined: self.money(m))

    # lengths and numbers -------------------------------------------------------------------
    def length(self, duration: Duration, joined: bool = True) -> str:
        """ "1 year and 6 months" (*joined*), or "1 year 6 months" inside a range."""
        parts = [self.unit(amount, unit) for amount, unit in _parts(duration)]
        if not parts:
            raise _Unrenderable("a length of zero")
        if not joined:
            return " ".join(parts)
        return self.list(parts, self.phrases["join"]["length_list_style"])

    def adjective(self, duration: Duration) -> str | None:
        """ "ten-year" for a length of one unit; None for a length of several parts."""
        parts = _parts(duration)
        if len(parts) != 1:
            return None
        ((amount, unit),) = parts
        one = format_decimal(1, _WHOLE, locale=self.locale)
        name = format_unit(1, unit, length="long", format=_WHOLE, locale=self.locale)
        pattern: str = self.phrases["length"]["adjective"]
        return pattern.format(number=self.number(amount), unit=name.replace(one, "", 1).strip())

    def unit(self, amount: int, unit: str) -> str:
        """ "6 months" or "six months": CLDR's unit pattern and plural form, our number."""
        text = format_unit(amount, unit, length="long", format=_WHOLE, locale=self.locale)
        shown = format_decimal(amount, _WHOLE, locale=self.locale)
        return text.replace(shown, self.number(amount), 1)

    def number(self, value: int) -> str:
        if self.words:
            spelled = self.spell(value)
            if spelled is not None:
                return spelled
        return format_decimal(value, _WHOLE, locale=self.digits_locale)

    def spell(self, value: int) -> str | None:
        """*value* in words, or None where the reader's number words stop.

        The English reader takes one number word before "hundred" or "thousand" ("nine
        hundred", "twenty thousand"), so 1 to 999, and the thousands up to 99,999 whose
        thousands are one word, are spelled out; other numbers stay in figures.
        """
        table = self.phrases["numbers"]
        if value in self.spelled:
            return self.spelled[value]
        if 20 < value < 100 and value - value % 10 in self.spelled:
            tens, ones = value - value % 10, value % 10
            return str(table["tens"]).format(tens=self.spelled[tens], ones=self.spelled[ones])
        if 100 <= value < 1000 and 100 in self.scales:
            head, rest = divmod(value, 100)
            words = f"{self.spelled[head]} {self.scales[100]}"
            tail = self.spell(rest) if rest else None
            if not rest or tail is None:
                return words if not rest else None
            return str(table["hundreds"]).format(hundreds=words, rest=tail)
        if 1000 <= value < 100_000 and 1000 in self.scales:
            head, rest = divmod(value, 1000)
            if head not in self.spelled:
                return None
            words = f"{self.spelled[head]} {self.scales[1000]}"
            tail = self.spell(rest) if rest else None
            if not rest or tail is None:
                return words if not rest else None
            key = "thousands" if rest >= 100 else "thousands_and"
            return str(table[key]).format(thousands=words, rest=tail)
        return None

    def money(self, money: Money) -> str:
        """ "$5,000", "CA$5,000" or "CAD 5,000": a sign only where the reader reads it back."""
        sign = get_currency_symbol(money.currency, locale=self.locale)
        if self.lexicon.currency(sign, None) != money.currency:
            sign = money.currency
            if self.lexicon.currency(sign, None) != money.currency:
                raise _Unrenderable(f"the reader has no sign or code for {money.currency}")
        whole = money.amount == money.amount.to_integral_value()
        amount = format_decimal(
            money.amount,
            _WHOLE if whole else _CENTS,
            locale=self.digits_locale,
            decimal_quantization=False,
        )
        space = " " if sign[-1:].isalpha() else ""
        return f"{sign}{space}{amount}"


def _plural(forms: str | Mapping[str, str], category: str) -> str:
    """The entry for a CLDR plural *category*, falling back to "other" (LDML)."""
    if isinstance(forms, str):
        return forms
    return forms.get(category) or forms["other"]


def _parts(duration: Duration) -> list[tuple[int, str]]:
    years, months = divmod(duration.months, 12)
    named = ((years, _YEAR), (months, _MONTH), (duration.days, _DAY))
    return [(amount, unit) for amount, unit in named if amount]


def _term(
    low: _T | Life | None,
    high: _T | Life | None,
    table: Mapping[str, str],
    bound: Callable[[_T, bool], str],
) -> str | None:
    """The phrase of a term's shape; *bound* writes one bound (joined: may use "and")."""
    if low is None and high is None:
        return None
    if isinstance(low, Life):
        return table["life_only"]
    if isinstance(high, Life):
        if low is None:
            return table["up_to_life"]
        return table["to_life"].format(min=bound(low, False))
    if low is None:
        assert high is not None
        return table["at_most"].format(max=bound(high, True))
    if high is None:
        return table["at_least"].format(min=bound(low, True))
    if low == high:
        return table["point"].format(max=bound(high, True))
    return table["range"].format(min=bound(low, False), max=bound(high, False))


# The quantity the reader appends to an `other` label: "6 months", "1 year 6 months",
