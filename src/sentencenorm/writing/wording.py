"""The wording of a locale: its phrase tables, laid over each other as CLDR lays its data.

Legal nouns and phrase patterns live in ``data/locales/*.toml``. A locale's wording is each
file of its chain laid over the one before, most general first: ``root.toml``, the language
(``de``), its script (``zh_Hant``), its territory (``de_CH``) and its whole code
(``en_GB -> en -> root``, ``zh_Hant_TW -> zh_Hant -> zh -> root``). A file may name the
``scripts`` it serves; a locale written in another script skips it (``en_Shaw`` gets root
alone, so it has no wording). Digits, plural forms, unit names, currency names and list
patterns come from Babel's CLDR data for the locale itself.

>>> [name for name in chain(Locale.parse("zh_TW"))]
['root', 'zh', 'zh_Hant', 'zh_TW', 'zh_Hant_TW']
>>> wording(Locale.parse("de_CH"))["lexicon"]
'de'
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Mapping, Sequence
from typing import Any, Final

from babel import Locale, localedata
from babel.core import UnknownLocaleError as BabelUnknownLocaleError
from babel.core import get_global, parse_locale
from babel.lists import format_list
from babel.numbers import get_decimal_symbol, get_group_symbol

from .._resources import data_dir
from ..errors import UnknownLocaleError

__all__ = [
    "chain",
    "digits_locale",
    "join_list",
    "locale_code",
    "worded_locales",
    "wording",
]


def worded_locales() -> list[str]:
    """Locales with a wording file of their own (root aside): de, en, es, fr, zh, zh_Hant..."""
    folder = data_dir() / "locales"
    return sorted(path.stem for path in folder.glob("*.toml") if path.stem != "root")


def locale_code(code: object) -> str:
    """The canonical identifier of *code* ("en-gb" -> "en_GB"), checked against Babel."""
    parsed = None
    if isinstance(code, str) and code.strip():
        try:
            parsed = Locale.parse(code.strip().replace("-", "_"))
        except (ValueError, TypeError, BabelUnknownLocaleError):
            parsed = None
    if parsed is None:
        count = len(localedata.locale_identifiers())
        shown = [*worded_locales(), f"... ({count} CLDR locales in all)"]
        raise UnknownLocaleError(code, shown)
    return str(parsed)


def script(locale: Locale) -> str | None:
    """The script *locale* is written in: its own, or CLDR's likely one (zh_TW -> Hant)."""
    if locale.script:
        return locale.script
    likely: Mapping[str, str] = get_global("likely_subtags")
    for key in (f"{locale.language}_{locale.territory}", locale.language):
        if key in likely:
            return parse_locale(likely[key])[2]
    return None


def chain(locale: Locale) -> list[str]:
    """File names from the most general to the most specific: root, zh, zh_Hant, zh_TW..."""
    written_in, territory = script(locale), locale.territory
    names = ["root", locale.language]
    if written_in:
        names.append(f"{locale.language}_{written_in}")
    if territory:
        names.append(f"{locale.language}_{territory}")
        if written_in:
            names.append(f"{locale.language}_{written_in}_{territory}")
    names.append(str(locale))
    return list(dict.fromkeys(names))


@functools.cache
def _file(name: str) -> Mapping[str, Any] | None:
    path = data_dir() / "locales" / f"{name}.toml"
    if not path.is_file():
        return None
    return tomllib.loads(path.read_text(encoding="utf-8"))


def wording(locale: Locale) -> dict[str, Any]:
    """The wording of *locale*: each file of its chain laid over the one before.

    A file that names ``scripts`` is left out for a locale written in another script.
    """
    written_in = script(locale)
    merged: dict[str, Any] = {}
    for name in chain(locale):
        raw = _file(name)
        if raw is None:
            continue
        scripts = raw.get("scripts")
        if scripts is not None and written_in not in scripts:
            continue
        merged = _deep_merge(merged, {k: v for k, v in raw.items() if k != "scripts"})
    return merged


def _deep_merge(base: Mapping[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in extra.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), Mapping):
            merged[key] = _deep_merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def digits_locale(locale: Locale) -> Locale:
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


# CLDR's fallbacks between list styles (as babel.lists resolves them).
_LIST_FALLBACKS: Final[Mapping[str, tuple[str, ...]]] = {
    "unit": ("unit-short",),
    "unit-narrow": ("unit-short", "unit"),
    "standard-narrow": ("standard-short",),
}


def join_list(items: Sequence[str], style: str, locale: Locale) -> str:
    """CLDR's list pattern ("a, b and c"); some locales lack parts of a style (STYLE.md §d.1).

    A style the locale's own data lacks, or holds only in part, is "standard": Babel would
    borrow another style's patterns, or fail with KeyError (es "unit"), or write the last
    item twice (ar "unit-short" has no pattern for two items).
    """
    if len(items) > 1:
        style = _list_style(locale, style, len(items))
    try:
        return format_list(list(items), style=style, locale=locale)  # type: ignore[arg-type]
    except KeyError:
        return format_list(list(items), style="standard", locale=locale)


def _list_style(locale: Locale, style: str, count: int) -> str:
    """*style*, or the style CLDR falls back to for *locale*; "standard" where that one lacks
    a pattern *count* items need."""
    needed = {"2"} if count == 2 else {"start", "end"} | ({"middle"} if count > 3 else set())
    for name in (style, *_LIST_FALLBACKS.get(style, ())):
        patterns = locale.list_patterns.get(name)
        if patterns is not None:
            return name if needed <= set(patterns) else "standard"
    return "standard"
