"""`render`: a canonical value written out as a phrase, the write side of the library.

Any locale Babel knows is written. Digits, plural forms, unit names, currency names and
symbols, and list joining come from Babel's CLDR data for the requested locale, which is
always passed explicitly. Legal nouns and phrase patterns come from ``data/locales/*.toml``
through a fallback chain, as CLDR's own data does: ``root.toml``, then the file of the
locale's language, then those of its script, territory and whole code, each laid over the
one before (``en_GB -> en -> root``, ``zh_Hant_TW -> zh_Hant -> zh -> root``). A language
file may name the ``scripts`` it serves; a locale in another script skips it (``en_Shaw``
gets root alone). Each file names its ``writer``:

- ``"prose"`` (``en.toml``): spaced prose; number words for ``style="words"`` come from the
  lexicon the reader uses, so that "twenty-five" means 25 both ways (Babel has no
  spell-out);
- ``"cjk"`` (``zh.toml``): unspaced Chinese court style ("判处有期徒刑三年，缓刑五年"), with
  Chinese numerals built from the file's ``[numbers]`` for ``style="words"``;
- ``"spaced"`` (``de.toml``, ``es.toml``, ``fr.toml``): spaced prose whose patterns hold
  their own nouns ("zwei Jahre Freiheitsstrafe", "seis años de prisión", "cinq ans
  d'emprisonnement"); number words from the reader's lexicon, compounded as the locale file
  says ("fünfundzwanzig", "treinta y cinco", "soixante-dix"), digits and currency names
  from CLDR ("5.000 Euro", "5 000 euros");
- ``"neutral"`` (``root.toml``): every other locale (ja, ko, ru, ar, nl, pt_BR...). Lengths
  and amounts are the locale's own CLDR forms ("10 年", "€ 5.000,00"), in figures in both
  styles; components are named by their canonical kind words ("custody", "fine"), since no
  language-neutral legal noun exists. No reader reads these back; they are summaries.

Whatever a prose, cjk or spaced locale writes, its reader reads back: ``parse(render(s,
locale=L), lang=L) == s`` for every canonical ``s`` (``en``, ``zh``, ``de``, ``es``, ``fr``
and their variants).
Three habits keep it so:

- one phrase per term shape, each one the grammar reads exactly ("up to", "at least",
  "to life", "terms each of" for an unknown count...; "以下", "以上", "至");
- a hard separator ("; ") between two components wherever "and" or "," would let the reader
  fold them into one (a maximum carrying over what follows, two terms of one kind meeting in
  a range, a length merging with the next: see the module docstring of ``transformer.py``);
  Chinese writes "；" there, and "；" before a term "N以上有期徒刑或者无期徒刑", whose 或者
  would make the reader take the commas before it as "or"s. A locale file whose reader does
  not stop at its separator says ``hard_stops_folds = false``, and such sentences are
  written in the notation instead;
- a value with no phrasing the reader reads back (an `other` label the grammar does not
  know, a currency it has no sign or code for, a pattern the locale file leaves empty) is
  written whole in the canonical notation, which ``parse`` reads in every language.

The English reader reads digits grouped in threes with "," and a "." decimal point, so those
are what English prose uses; a variant whose CLDR data says otherwise (``en_DE`` writes
"5.000,5", ``en_IN`` groups "1,23,456") gets them as well. The same holds for Chinese. German,
Spanish and French write their language's own CLDR digits ("5.000", "1.234,50", "5 000"),
which their readers read.
"""

from __future__ import annotations

import functools
import itertools
import re
import tomllib
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Final, Literal, TypeAlias, TypeVar

import attrs
from babel import Locale, localedata
from babel.core import UnknownLocaleError as BabelUnknownLocaleError
from babel.core import get_global, parse_locale
from babel.lists import format_list
from babel.numbers import (
    format_currency,
    format_decimal,
    get_currency_name,
    get_currency_symbol,
    get_decimal_symbol,
    get_group_symbol,
)
from babel.units import format_unit

from .._resources import data_dir
from ..errors import UnknownLocaleError, UnsupportedError
from ..language import Lexicon, lexicon
from ..language.lexicon import fold
from ..model import (
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
    SupervisedRelease,
    read_label_quantity,
)
from ..model.durations import Duration
from ..model.merging import DISTRIBUTES_TO, TERM_KINDS, Span, bare_custody_qualifies, meets
from ..sentence import Sentence

__all__ = ["STYLES", "Style", "render"]

#: How numbers are written: spelled out ("six months") or in figures ("6 months").
Style: TypeAlias = Literal["words", "digits"]
STYLES: Final[tuple[str, ...]] = ("words", "digits")

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
# All three, taken out of a length where the locale file says it is written compactly.
_SPACES: Final = str.maketrans({" ": None, "\u00a0": None, "\u202f": None})

_T = TypeVar("_T")


class _Unrenderable(Exception):
    """A value that has no phrasing the reader reads back."""


def _fill(pattern: str, **fields: str) -> str:
    """*pattern* with its fields; an empty pattern is one the locale has no wording for."""
    if not pattern:
        raise _Unrenderable("the locale file has no wording for this")
    return pattern.format(**fields)


def render(
    value: Sentence | Component,
    *,
    locale: str = "en",
    style: Style = "words",
) -> str:
    """Write *value* as a phrase, in the words of *locale*.

    A component is rendered as a sentence of that one component. The modality opens the
    phrase: imposed "sentenced to ...", potential "could be sentenced to ...", statutory
    "punishable by ..." (判处, 可能会被判处, 处). With ``style="words"`` counts and lengths
    are spelled out where the locale has number words (English, German, Spanish and French
    words, Chinese numerals);
    with ``style="digits"`` they are figures. Money is in figures, except that Chinese
    spells whole amounts out in words ("人民币五千元").

    For English, Chinese, German, Spanish and French locales, `sentencenorm.parse` reads the
    phrase back to the same value. Other locales get a language-neutral summary from
    ``data/locales/root.toml``: CLDR's own lengths and amounts, named by the canonical kind
    words (see the module docstring).

    Args:
        value: a `Sentence`, or one component such as `Custody`.
        locale: any CLDR locale code Babel knows: ``en``, ``en_GB``, ``en-IN``, ``zh``,
            ``zh_Hant_TW``, ``de``, ``ja``...
        style: ``"words"`` or ``"digits"``.

    Returns:
        The phrase, on one line. A value that the locale's wording cannot express in a way
        its reader reads back (an `Other` label the grammar does not know, a currency with no
        sign or name it reads, a kind the language has no wording for) comes back in the
        canonical notation, ``str(sentence)``, which ``parse`` reads in every language.

    Raises:
        UnknownLocaleError: *locale* is not a locale Babel knows.
        UnsupportedError: *style* is not one of the two styles.
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
    >>> render(parse("sentenced to 3 years, suspended for 5 years, and a fine of CNY 50000"),
    ...        locale="zh")
    '判处有期徒刑三年，缓刑五年，并处罚金人民币五万元'
    >>> render(parse("death with a two-year reprieve"), locale="zh_Hant", style="digits")
    '死刑緩期2年執行'
    >>> render(parse("sentenced to 10 years and a fine of EUR 5000"), locale="de")
    'erhielt zehn Jahre Freiheitsstrafe und eine Geldstrafe von 5.000 Euro'
    >>> render(parse("six months to 10 years"), locale="fr")
    "de six mois à dix ans d'emprisonnement"
    >>> render(parse("sentenced to 10 years and a fine of EUR 5000"), locale="nl")
    'imposed: custody 10 jaar en fine € 5.000,00'
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


def _phrase_locales() -> list[str]:
    """Locales with a wording file of their own (root aside): en, zh, zh_Hant..."""
    folder = data_dir() / "locales"
    return sorted(path.stem for path in folder.glob("*.toml") if path.stem != "root")


def _locale_code(code: object) -> str:
    """The canonical identifier of *code* ("en-gb" -> "en_GB"), checked against Babel."""
    parsed = None
    if isinstance(code, str) and code.strip():
        try:
            parsed = Locale.parse(code.strip().replace("-", "_"))
        except (ValueError, TypeError, BabelUnknownLocaleError):
            parsed = None
    if parsed is None:
        count = len(localedata.locale_identifiers())
        shown = [*_phrase_locales(), "de", "ja", f"... ({count} CLDR locales in all)"]
        raise UnknownLocaleError(code, shown)
    return str(parsed)


def _script(locale: Locale) -> str | None:
    """The script *locale* is written in: its own, or CLDR's likely one (zh_TW -> Hant)."""
    if locale.script:
        return locale.script
    likely: Mapping[str, str] = get_global("likely_subtags")
    for key in (f"{locale.language}_{locale.territory}", locale.language):
        if key in likely:
            return parse_locale(likely[key])[2]
    return None


def _chain(locale: Locale) -> list[str]:
    """File names from the most general to the most specific: root, zh, zh_Hant, zh_TW..."""
    script, territory = _script(locale), locale.territory
    names = ["root", locale.language]
    if script:
        names.append(f"{locale.language}_{script}")
    if territory:
        names.append(f"{locale.language}_{territory}")
        if script:
            names.append(f"{locale.language}_{script}_{territory}")
    names.append(str(locale))
    return list(dict.fromkeys(names))


def _load_phrases(locale: Locale) -> dict[str, Any]:
    """The wording of *locale*: each file of its chain laid over the one before.

    A file that names ``scripts`` is left out for a locale written in another script.
    """
    folder = data_dir() / "locales"
    script = _script(locale)
    merged: dict[str, Any] = {}
    for name in _chain(locale):
        path = folder / f"{name}.toml"
        if not path.is_file():
            continue
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
        scripts = raw.pop("scripts", None)
        if scripts is not None and script not in scripts:
            continue
        merged = _deep_merge(merged, raw)
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
    """The locale whose digit symbols prose uses: *locale*'s if the reader reads them.

    Each reader reads the symbols of its language's own CLDR data ("5,000.5" in English and
    Chinese, "5.000,5" in German and Spanish, "5 000,5" in French); a variant that writes
    others (en_DE "5.000,5", es_MX "5,000.5", de_CH "5’000.5") gets its language's.
    """
    language = Locale.parse(locale.language)
    same = get_group_symbol(locale) == get_group_symbol(language)
    if same and get_decimal_symbol(locale) == get_decimal_symbol(language):
        return locale
    return language


# The word tables of a locale whose language has no reader: none.
_NO_WORDS: Final = Lexicon(
    lang="root",
    numbers={},
    number_scales={},
    fractions={},
    units={},
    money_scales={},
    currency_signs={},
    currency_words={},
    count_words={},
    modality_aux={},
    modality_verbs={},
    aggregation={},
    other_labels=(),
)


@functools.cache
def _writer(code: str, style: str) -> _Writer:
    locale = Locale.parse(code)
    phrases = _load_phrases(locale)
    lex = lexicon(phrases["lexicon"]) if "lexicon" in phrases else _NO_WORDS
    avoid = set(phrases.get("numbers", {}).get("avoid", ()))
    spelled: dict[int, str] = {}
    for word, number in lex.numbers.items():
        if word not in avoid:
            spelled.setdefault(number, word)
    kind = _WRITERS.get(phrases.get("writer", "neutral"))
    if kind is None:
        raise UnsupportedError(f"unknown writer {phrases.get('writer')!r} for locale {code!r}")
    return kind(
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
    component: Component | None = None  # the value written, for the writers that look closer


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
        """CLDR's list pattern; some locales lack parts of a style (STYLE.md §d.1).

        A style the locale's own data lacks, or holds only in part, is "standard": Babel
        would borrow another style's patterns, or fail with KeyError (es "unit"), or write
        the last item twice (ar "unit-short" has no pattern for two items).
        """
        if len(items) > 1:
            style = _list_style(self.locale, style, len(items))
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
            text = _fill(pattern, amount=self.money(component.amount))
        elif isinstance(component, Probation | SupervisedRelease | CommunitySupervision):
            text = self.with_term(component.kind, self.term(component.min, component.max))
        elif isinstance(component, DeprivationOfRights):
            bounds = {**self.phrases["term"], **self.phrases[component.kind].get("bounds", {})}
            text = self.with_term(component.kind, self.term(component.min, component.max, bounds))
        elif isinstance(component, CommunityService):
            pattern = self.phrases[component.kind]["hours"]
            text = _fill(pattern, hours=self.unit(component.hours, _HOUR))
        else:
            text = self.other(component)
        low, high = getattr(component, "min", None), getattr(component, "max", None)
        # Custody's open life is written "life"; elsewhere it is "up to life", which carries.
        open_life = isinstance(high, Life) and component.kind != "custody"
        states_max = low is None and (isinstance(high, Duration | Money) or open_life)
        plain = low is not None and low == high and isinstance(low, Duration | Money)
        carried = plain and component.kind in DISTRIBUTES_TO
        return _Part(text, component.kind, states_max, carried, component)

    def with_term(self, kind: str, term: str | None) -> str:
        table = self.phrases[kind]
        if term is None:
            return _fill(table["none"])
        return _fill(table["with_term"], term=term)

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
            return _fill(table["plain"])
        if death.reprieve is None:
            return _fill(table["suspended"])
        # "a two-year reprieve", where the locale has an adjective form for it
        adjective = self.adjective(death.reprieve) if table.get("reprieve_adjective") else None
        if adjective is not None:
            return _fill(table["reprieve_adjective"], length=adjective)
        return _fill(table["reprieve"], length=self.length(death.reprieve))

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
        return _fill(table["life_only"])
    if isinstance(high, Life):
        if low is None:
            return _fill(table["up_to_life"])
        return _fill(table["to_life"], min=bound(low, False))
    if low is None:
        assert high is not None
        return _fill(table["at_most"], max=bound(high, True))
    if high is None:
        return _fill(table["at_least"], min=bound(low, True))
    if low == high:
        return _fill(table["point"], max=bound(high, True))
    return _fill(table["range"], min=bound(low, False), max=bound(high, False))


# CLDR's fallbacks between list styles (as babel.lists resolves them).
_LIST_FALLBACKS: Final[Mapping[str, tuple[str, ...]]] = {
    "unit": ("unit-short",),
    "unit-narrow": ("unit-short", "unit"),
    "standard-narrow": ("standard-short",),
}


def _list_style(locale: Locale, style: str, count: int) -> str:
    """*style*, or the style CLDR falls back to for *locale*; "standard" where that one lacks
    a pattern *count* items need."""
    needed = {"2"} if count == 2 else {"start", "end"} | ({"middle"} if count > 3 else set())
    for name in (style, *_LIST_FALLBACKS.get(style, ())):
        patterns = locale.list_patterns.get(name)
        if patterns is not None:
            return name if needed <= set(patterns) else "standard"
    return "standard"


def _duration(text: str) -> Duration:
    return Duration.fromisoformat(text)


# ── writers without English prose ────────────────────────────────────────────────────────────


@attrs.frozen
class _PlainWriter(_Writer):
    """What the Chinese and the neutral writers share: patterns that hold their own nouns.

    Custody is one pattern per term shape (``[custody.term]``), so that the noun may stand
    before the bounds or after them; several terms, their aggregation and suspension wrap
    it. Lengths are CLDR's units joined by CLDR's unit list.
    """

    def custody(self, custody: Custody, *, placed: bool = False) -> str:
        table = self.phrases["custody"]
        body = self.short_term(custody)
        if body is None:
            body = self.term(custody.min, custody.max, table["term"]) or _fill(table["none"])
        if custody.count is None:
            body = _fill(table["uncounted"], body=body)
        elif custody.count != 1:
            body = _fill(table["counted"], body=body, count=self.number(custody.count))
        return self.qualified(custody, body)

    def qualified(self, custody: Custody, body: str) -> str:
        """*body* (the term) with the custody's aggregation and suspension around it."""
        table = self.phrases["custody"]
        if custody.aggregation is not None:
            body = _fill(table["aggregation"][custody.aggregation.value], body=body)
        if custody.suspended is None:
            return body
        period = custody.suspended.period
        if period is None:
            return _fill(table["suspended"], body=body)
        return _fill(table["suspended_for"], body=body, length=self.length(period))

    def short_term(self, custody: Custody) -> str | None:
        """A fixed term below ``detention_below`` in its own words (拘役), if the file has them."""
        table = self.phrases["custody"]
        low, high = custody.min, custody.max
        if not table.get("detention") or not isinstance(low, Duration) or low != high:
            return None
        if low.compare(_duration(table["detention_below"])) != -1:
            return None
        return _fill(table["detention"], max=self.length(low))

    def length(self, duration: Duration, joined: bool = True) -> str:
        parts = [self.unit(amount, unit) for amount, unit in _parts(duration)]
        if not parts:
            raise _Unrenderable("a length of zero")
        text = self.list(parts, self.phrases["join"]["length_list_style"])
        return text.translate(_SPACES) if self.phrases["length"]["compact"] else text

    def other(self, other: Other) -> str:
        label, quantity = self.split_label(other.label)
        entry = self.phrases["other"].get("labels", {}).get(label, {})
        table = {
            **self.phrases["other"],
            **({"phrase": entry} if isinstance(entry, str) else entry),
        }
        phrase = _fill(table["phrase"], label=label)
        if quantity is None:
            return phrase
        if isinstance(quantity, Duration):
            return _fill(table["length"], length=self.length(quantity), label=phrase)
        return _fill(table["amount"], amount=self.money(quantity), label=phrase)


@attrs.frozen
class _NeutralWriter(_PlainWriter):
    """root.toml's structured summary: CLDR lengths and amounts, canonical kind words."""

    def join(self, parts: Sequence[_Part]) -> str:
        return self.list([part.text for part in parts], self.phrases["join"]["list_style"])

    def number(self, value: int) -> str:
        # Babel has no spell-out rules: figures in both styles, in the locale's own pattern.
        return format_decimal(value, locale=self.locale)

    def unit(self, amount: int, unit: str) -> str:
        length = self.phrases["length"]["unit_length"]
        return format_unit(amount, unit, length=length, locale=self.locale)

    def money(self, money: Money) -> str:
        return format_currency(
            money.amount, money.currency, locale=self.locale, decimal_quantization=False
        )

    def split_label(self, label: str) -> tuple[str, Duration | Money | None]:
        """The label and the quantity the reader appended to it, whatever the label."""
        words = label.split(" ")
        for index in range(1, len(words)):
            quantity = read_label_quantity(" ".join(words[index:]))
            if quantity is not None:
                return " ".join(words[:index]), quantity
        return label, None


@attrs.frozen
class _CjkWriter(_PlainWriter):
    """Chinese court style: no spaces, Chinese numerals, "，" between components."""

    def join(self, parts: Sequence[_Part]) -> str:
        """ "，" between components, "，并处" before a money penalty, "；" where folds bite."""
        join = self.phrases["join"]
        text = parts[0].text
        carrying = parts[0].states_max  # the reader carries a maximum ("以下") forward
        for before, after in itertools.pairwise(parts):
            if _folds(before, after) or (carrying and after.plain) or _alternatives(after):
                if not join["hard_stops_folds"]:
                    raise _Unrenderable("the reader would fold these components into one")
                separator: str = join["hard"]
                carrying = False
            elif after.kind in join["added_kinds"]:
                separator = join["added"]
            else:
                separator = join["separator"]
            carrying = carrying or after.states_max
            text += separator + after.text
        return text

    def unit(self, amount: int, unit: str) -> str:
        length = self.phrases["length"]["unit_length"]
        text = format_unit(amount, unit, length=length, format=_WHOLE, locale=self.locale)
        shown = format_decimal(amount, _WHOLE, locale=self.locale)
        return text.replace(shown, self.number(amount), 1)

    def number(self, value: int) -> str:
        if self.words:
            spelled = self.spell(value)
            if spelled is not None:
                return spelled
        return format_decimal(value, _WHOLE, locale=self.digits_locale)

    def spell(self, value: int) -> str | None:
        """*value* in Chinese numerals: 十五, 一百零五, 一万二千, 十万零一十; None past 亿 sections.

        Four-digit sections, each followed by its large unit (万, 亿); 十 opens a number
        without 一; each gap of zeros before a digit is written once as 零.
        """
        table = self.phrases["numbers"]
        digits: str = table["digits"]
        units: Sequence[str] = table["units"]
        large: Sequence[str] = table["large"]
        if value == 0:
            return digits[0]
        sections: list[int] = []
        while value:
            value, section = divmod(value, 10_000)
            sections.insert(0, section)
        if len(sections) > len(large) + 1:
            return None
        text = ""
        zero = False  # a gap of zeros waits for the next digit
        for index, section in enumerate(sections):
            power = len(sections) - 1 - index
            if section == 0:
                zero = zero or bool(text)
                continue
            if text and section < 1000:
                zero = True
            for place in (3, 2, 1, 0):
                digit = section // 10**place % 10
                if digit == 0:
                    zero = zero or (bool(text) and place < 3)
                    continue
                if zero:
                    text += digits[0]
                    zero = False
                if not (digit == 1 and place == 1 and not text):
                    text += digits[digit]
                text += units[place - 1] if place else ""
            text += large[power - 1] if power else ""
            zero = False
        return text

    def money(self, money: Money) -> str:
        """ "人民币五千元", "5,000美元": CLDR's currency name, where the reader reads it back."""
        name = get_currency_name(money.currency, locale=self.locale)
        if self.lexicon.currency(name, None) != money.currency:
            raise _Unrenderable(f"the reader has no name for {money.currency}")
        table = self.phrases["money"]
        pattern: str = table.get("patterns", {}).get(money.currency, table["pattern"])
        whole = money.amount == money.amount.to_integral_value()
        spelled = self.spell(int(money.amount)) if whole and self.words else None
        amount = spelled or format_decimal(
            money.amount,
            _WHOLE if whole else _CENTS,
            locale=self.digits_locale,
            decimal_quantization=False,
        )
        return _fill(pattern, name=name, amount=amount)


@attrs.frozen
class _SpacedWriter(_PlainWriter):
    """Spaced prose whose patterns hold their own nouns (German, Spanish, French).

    Everything language-specific is in the locale file: the custodial noun and where it stands
    (``[custody.term]``: "zwei Jahre Freiheitsstrafe", "seis años de prisión"), the number
    words beyond the lexicon's own and how they compound (``[numbers]``: "fünfundzwanzig",
    "treinta y cinco", "soixante-dix"), the form of a number before each unit by its gender
    ("einen Monat", "una hora", "veintiún años"), and how an amount is written with the
    currency's CLDR name or sign ("5.000 Euro", "£ 5.000"). Components are joined by CLDR's
    list ("a, b und c"), with ``[join].hard`` wherever the reader would fold two into one.
    """

    def sentence(self, sentence: Sentence) -> str:
        """The sentence, with the locale's elisions made ("de un an" -> "d'un an")."""
        text = super().sentence(sentence)
        for full, short in self.phrases.get("elisions", {}).items():
            text = re.sub(rf"(?<![\w']){re.escape(full)}(?!\w)", short, text)
        return text

    def join(self, parts: Sequence[_Part]) -> str:
        """CLDR's list of the components, broken by the hard separator where folds could
        bite: between two of one kind, after a maximum the reader would carry over a fixed
        length or amount, and between a length and a number that could continue it."""
        join = self.phrases["join"]
        runs: list[list[str]] = [[parts[0].text]]
        carrying = parts[0].states_max  # the reader carries a maximum until a hard stop
        for before, after in itertools.pairwise(parts):
            if (
                before.kind == after.kind
                or (carrying and after.plain)
                or self.merges(before, after)
            ):
                runs.append([after.text])
                carrying = False
            else:
                runs[-1].append(after.text)
            carrying = carrying or after.states_max
        hard: str = join["hard"]
        return hard.join(self.list(run, join["list_style"]) for run in runs)

    def merges(self, before: _Part, after: _Part) -> bool:
        """Whether the reader would read the opening of *after* with *before*: a length
        within its first words as more of the length *before* ends with ("für einen Tag und
        eine Stunde...", French "d'un mois et jusqu'à un jour"), or a suspended term opening
        with a number as the suspended part of the term before it ("..., zwei Jahre auf
        Bewährung" reads as "zwei davon auf Bewährung")."""
        opening = [word.strip(".,;") for word in fold(after.text).split(" ")[:5]]
        if self.ends_with_length(before.text) and (
            self.starts_with_number(after.text)
            or any(word in self.lexicon.units for word in opening)
        ):
            return True
        suspended = isinstance(after.component, Custody) and after.component.suspended
        return bool(suspended) and self.starts_with_number(after.text)

    def custody(self, custody: Custody, *, placed: bool = False) -> str:
        table = self.phrases["custody"]
        if custody.count == 1:
            body = self.term(custody.min, custody.max, table["term"]) or _fill(table["none"])
        else:
            body = self.several(custody)
        return self.qualified(custody, body)

    def several(self, custody: Custody) -> str:
        """Several terms: a pattern for their shape in ``[custody.several]`` ("zwei
        lebenslange Freiheitsstrafen"), or its ``default`` around the term ("dos penas de
        cinco años de prisión"), else the lexicon's count word before the term ("zweimal
        zwei Jahre Freiheitsstrafe", ``[custody].times``); "" where none says it."""
        table = self.phrases["custody"]
        shape = _shape(custody.min, custody.max)
        body = self.term(custody.min, custody.max, table["term"]) or _fill(table["none"])
        if custody.count is None:
            return _fill(table.get("uncounted", {}).get(shape, ""), body=body)
        several = table.get("several", {})
        forms = several.get(shape) or several.get("default")
        if forms:
            pattern = _plural(forms, self.locale.plural_form(custody.count))
            return _fill(pattern, count=self.number(custody.count), body=body)
        avoid = self.phrases["numbers"].get("avoid_counts", ())
        times = [
            word
            for word, count in self.lexicon.count_words.items()
            if count == custody.count and word not in avoid
        ]
        if not times:
            raise _Unrenderable(f"no count word for {custody.count} terms")
        return _fill(table.get("times", ""), times=times[0], body=body)

    def length(self, duration: Duration, joined: bool = True) -> str:
        """The parts of a length joined by ``[length].join`` ("ein Jahr und sechs Monate"):
        CLDR's list would put commas between them, which the readers take as joiners of
        components ("ein Jahr, einen Monat und einen Tag auf Bewährung")."""
        parts = [self.unit(amount, unit) for amount, unit in _parts(duration)]
        if not parts:
            raise _Unrenderable("a length of zero")
        join: str = self.phrases["length"]["join"]
        return join.join(parts)

    def starts_with_number(self, text: str) -> bool:
        """Whether *text* opens with a number the reader reads: a figure, a number word, or
        an article that the writer avoids as a number but that counts a unit after it
        ("eine Stunde", "una hora"; not "eine Geldstrafe")."""
        words = [word.rstrip(".,;") for word in fold(text).split(" ")]
        if not self.is_number(words[0]):
            return super().starts_with_number(text)
        if words[0] not in self.phrases["numbers"].get("avoid", ()):
            return True
        following = words[1] if len(words) > 1 else ""
        return following in self.lexicon.units or self.is_number(following)

    def is_number(self, word: str) -> bool:
        """Whether the lexicon reads *word* as a number ("fünfundzwanzig", "ciento")."""
        if not word:
            return False
        try:
            self.lexicon.number(word)
        except (KeyError, ValueError):
            return False
        return True

    def unit(self, amount: int, unit: str) -> str:
        """CLDR's unit name and plural form, with the number in the unit's gender."""
        text = format_unit(amount, unit, length="long", format=_WHOLE, locale=self.locale)
        shown = format_decimal(amount, _WHOLE, locale=self.locale)
        return text.replace(shown, self.number(amount, unit), 1)

    def number(self, value: int, unit: str | None = None) -> str:
        if self.words:
            spelled = self.spell(value)
            if spelled is not None:
                return self.gendered(spelled, unit)
        return format_decimal(value, _WHOLE, locale=self.digits_locale)

    def gendered(self, spelled: str, unit: str | None) -> str:
        """*spelled* as it stands before *unit*: "ein" Jahr, "einen" Monat, "una" hora.

        ``[numbers.endings.<gender>]`` maps the last word ("uno" -> "una", also after a space
        or hyphen) and, for keys that open with "*", the end of every word ("doscientos
        cincuenta" -> "doscientas cincuenta").
        """
        table = self.phrases["numbers"]
        gender = table.get("genders", {}).get(unit or "", table.get("gender", ""))
        endings: Mapping[str, str] = table.get("endings", {}).get(gender, {})
        inside = {key[1:]: value for key, value in endings.items() if key.startswith("*")}
        words = spelled.split(" ")
        for index, word in enumerate(words):
            for ending, replacement in inside.items():
                if word.endswith(ending):
                    words[index] = word[: len(word) - len(ending)] + replacement
        spelled = " ".join(words)
        for ending in sorted(endings, key=len, reverse=True):
            if ending.startswith("*"):
                continue
            if spelled == ending or spelled.endswith((" " + ending, "-" + ending)):
                return spelled[: len(spelled) - len(ending)] + endings[ending]
        return spelled

    def spell(self, value: int) -> str | None:
        """*value* in words, built by ``[numbers]``; None past the thousands.

        Words come from the locale file's ``words`` (keyed by number), then the lexicon;
        21 to 99 from the ``tens`` pattern; hundreds from ``hundreds`` (one head per digit,
        ``hundreds_exact`` for a whole hundred); thousands up to 99,999 from ``thousands``.
        ``compound`` gives the form of a number inside a longer one (German "ein").
        """
        table = self.phrases["numbers"]
        words: Mapping[str, str] = table.get("words", {})
        if str(value) in words:
            return words[str(value)]
        if value in self.spelled:
            return self.spelled[value]
        if 20 < value < 100:
            tens, ones = value - value % 10, value % 10
            if tens not in self.spelled:
                return None
            pattern: str = table["tens"]
            return pattern.format(tens=self.spelled[tens], ones=self.compound(ones))
        if 100 <= value < 1000:
            head, rest = divmod(value, 100)
            if not rest:
                exact: Sequence[str] = table.get("hundreds_exact", table["hundreds"])
                return exact[head - 1]
            tail = self.spell(rest)
            if tail is None:
                return None
            return f"{table['hundreds'][head - 1]}{table['hundred_join']}{tail}"
        if 1000 <= value < 100_000:
            head, rest = divmod(value, 1000)
            lead = self.compound(head) if head > 1 else None
            thousands = (
                str(table["thousand_one"])
                if lead is None
                else str(table["thousands"]).format(head=lead)
            )
            if not rest:
                return thousands
            tail = self.spell(rest)
            return None if tail is None else f"{thousands}{table['thousand_join']}{tail}"
        return None

    def compound(self, value: int) -> str:
        """*value* inside a longer number ("ein" in "einundzwanzig", "eintausend")."""
        forms: Mapping[str, str] = self.phrases["numbers"].get("compound", {})
        spelled = forms.get(str(value)) or self.spell(value)
        if spelled is None:
            raise _Unrenderable(f"no words for {value}")
        return spelled

    def money(self, money: Money) -> str:
        """ "5.000 Euro", "£ 5.000": CLDR's name or sign, where the reader reads it back."""
        table = self.phrases["money"]
        whole = money.amount == money.amount.to_integral_value()
        amount = format_decimal(
            money.amount,
            _WHOLE if whole else _CENTS,
            locale=self.digits_locale,
            decimal_quantization=False,
        )
        count = int(money.amount) if whole else 2
        name = get_currency_name(money.currency, count=count, locale=self.locale)
        if self.lexicon.currency(name, None) == money.currency:
            return _fill(table["pattern"], amount=amount, name=name)
        for sign in (get_currency_symbol(money.currency, locale=self.locale), money.currency):
            if self.lexicon.currency(sign, None) == money.currency:
                return _fill(table["sign_pattern"], amount=amount, sign=sign)
        raise _Unrenderable(f"the reader has no name or sign for {money.currency}")


def _shape(low: object, high: object) -> str:
    """The name of a term's shape, as in ``[term]``: point, range, at_most, up_to_life..."""
    if low is None and high is None:
        return "none"
    if isinstance(low, Life):
        return "life_only"
    if isinstance(high, Life):
        return "up_to_life" if low is None else "to_life"
    if low is None:
        return "at_most"
    if high is None:
        return "at_least"
    return "point" if low == high else "range"


def _alternatives(part: _Part) -> bool:
    """A custodial term "N以上有期徒刑或者无期徒刑": its 或者 makes the reader take the commas
    of the list before it as "or"s, so a hard separator goes before it."""
    custody = part.component
    return (
        isinstance(custody, Custody)
        and isinstance(custody.min, Duration)
        and isinstance(custody.max, Life)
    )


def _folds(before: _Part, after: _Part) -> bool:
    """Whether the reader would make two neighbouring components of one kind one component.

    A custodial term with no length after another names how that one is served ("有期徒刑十年，
    有期徒刑"); an open-bottomed and an open-topped term meet in one range ("三年以下有期徒刑，
    十年以上有期徒刑"). Kinds the reader keeps apart (two fixed terms, two death sentences)
    need no hard separator. Unknown shapes count as folding: the notation is always exact.
    """
    first, second = before.component, after.component
    if before.kind != after.kind or first is None or second is None:
        return False
    if isinstance(first, Custody) and isinstance(second, Custody):
        # A custody with no term is written as its custody word, its suspension after it as
        # a part of its own ("有期徒刑，缓刑"): the reader meets the word alone first.
        bare = bare_custody_qualifies(
            first.kind,
            second.kind,
            has_term=second.min is not None or second.max is not None,
            suspended=False,
            count=second.count,
            aggregation=second.aggregation,
        )
        if bare:
            return True
    if before.kind in TERM_KINDS:
        one = Span.of_bounds(getattr(first, "min", None), getattr(first, "max", None))
        two = Span.of_bounds(getattr(second, "min", None), getattr(second, "max", None))
        return meets(one, two) or meets(two, one)
    return isinstance(first, Other)


_WRITERS: Final[Mapping[str, type[_Writer]]] = {
    "prose": _Writer,
    "cjk": _CjkWriter,
    "neutral": _NeutralWriter,
    "spaced": _SpacedWriter,
}
