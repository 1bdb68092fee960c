"""`render`: a canonical value written out as a phrase, the write side of the library.

Every language sentencenorm reads, it writes (`writer.Writer`, from the locale's wording in
``data/locales/`` and Babel's CLDR data: digits, plural forms, unit names, currencies, lists),
and what it writes its reader reads back: ``parse(render(s, locale=L), lang=L) == s`` for
every canonical ``s``, checked as the phrase is written. A locale of another language has no
legal wording: `render` raises `UnsupportedError` rather than mix English kind words into
Dutch or Japanese, or, with ``unsupported="notation"``, writes the canonical notation, which
is the same in every language. The same holds for a value a language cannot say in words its
reader reads back (a currency it has no sign or name for, say): an error naming it, or the
notation when asked for.
"""

from __future__ import annotations

import functools
from typing import Final, Literal, TypeAlias

from babel import Locale

from ..errors import SentenceParseError, UnsupportedError
from ..language import languages, lexicon
from ..model import COMPONENT_TYPES, Component
from ..reading.parser import parse
from ..sentence import Sentence
from .spellers import speller_for
from .wording import digits_locale, locale_code, wording
from .writer import Unwritable, Writer

__all__ = ["STYLES", "UNSUPPORTED", "Style", "Unsupported", "render"]

#: How numbers are written: spelled out ("six months") or in figures ("6 months").
Style: TypeAlias = Literal["words", "digits"]
STYLES: Final[tuple[str, ...]] = ("words", "digits")
#: What `render` does with a value or locale it has no wording for.
Unsupported: TypeAlias = Literal["raise", "notation"]
UNSUPPORTED: Final[tuple[str, ...]] = ("raise", "notation")


def render(
    value: Sentence | Component,
    *,
    locale: str = "en",
    style: Style = "words",
    unsupported: Unsupported = "raise",
) -> str:
    """Write *value* as a phrase, in the words of *locale*, that `parse` reads back.

    A component is rendered as a sentence of that one component. The modality opens the
    phrase: imposed "sentenced to ...", potential "could be sentenced to ...", statutory
    "punishable by ..." (判处, 可能会被判处, 处). With ``style="words"`` counts and lengths
    are spelled out in the language's number words (Chinese numerals in Chinese); with
    ``style="digits"`` they are figures. Money is in figures, except that Chinese spells
    whole amounts out in words ("人民币五千元").

    Args:
        value: a `Sentence`, or one component such as `Custody`.
        locale: a CLDR locale code of a language sentencenorm reads: ``en``, ``en_GB``,
            ``en-IN``, ``zh``, ``zh_Hant_TW``, ``de_CH``, ``fr``, ``es_MX``...
        style: ``"words"`` or ``"digits"``.
        unsupported: ``"raise"`` (the default) raises `UnsupportedError` for a locale or a
            value with no wording; ``"notation"`` writes the canonical notation instead,
            ``str(sentence)``, which ``parse`` reads in every language.

    Raises:
        UnknownLocaleError: *locale* is not a locale Babel knows.
        UnsupportedError: *style* or *unsupported* is not one of its values; or the locale or
            the value has no wording and *unsupported* is ``"raise"``.
        TypeError: *value* is neither a sentence nor a component.

    >>> from sentencenorm import Custody, Duration, Fine, Money, parse
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
    ... # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    sentencenorm.errors.UnsupportedError: no wording for locale 'nl' (Dutch): ...
    >>> render(parse("10 years"), locale="nl", unsupported="notation")
    'custody P10Y'
    """
    sentence = _as_sentence(value)
    if not isinstance(style, str) or style not in STYLES:
        raise UnsupportedError(f"unknown style {style!r}; use one of: {', '.join(STYLES)}")
    if not isinstance(unsupported, str) or unsupported not in UNSUPPORTED:
        raise UnsupportedError(
            f"unknown unsupported={unsupported!r}; use one of: {', '.join(UNSUPPORTED)}"
        )
    code = locale_code(locale)
    writer = _writer(code, style)
    try:
        if writer is None:
            raise Unwritable(_no_wording(code))
        return writer.sentence(sentence)
    except Unwritable as problem:
        if unsupported == "notation":
            return str(sentence)
        fallback = 'pass unsupported="notation" (--unsupported notation) for the canonical notation'
        if writer is None:
            raise UnsupportedError(f"{problem}; {fallback}") from None
        raise UnsupportedError(
            f"cannot write {str(sentence)!r} in {code!r}: {problem}; {fallback}"
        ) from None


def _as_sentence(value: object) -> Sentence:
    if isinstance(value, Sentence):
        return value
    if isinstance(value, COMPONENT_TYPES):
        return Sentence((value,))
    raise TypeError(f"render() takes a Sentence or a sentence component, not {value!r}")


def _no_wording(code: str) -> str:
    name = Locale.parse(code).english_name or code
    return f"no wording for locale {code!r} ({name}): sentencenorm writes " + ", ".join(languages())


@functools.cache
def _writer(code: str, style: str) -> Writer | None:
    """The writer of a locale and style; None for a locale whose language has no wording."""
    locale = Locale.parse(code)
    table = wording(locale)
    lang = table.get("lexicon")
    if lang is None:
        return None
    words = lexicon(lang)

    def read_back(text: str) -> Sentence | None:
        try:
            return parse(text, lang=lang)
        except SentenceParseError:
            return None

    return Writer(
        locale=locale,
        digits_locale=digits_locale(locale),
        words=style == "words",
        table=table,
        lexicon=words,
        speller=speller_for(table, words),
        read_back=read_back,
    )
