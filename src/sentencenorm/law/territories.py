"""Jurisdiction codes and the reading questions they settle (MODEL.md, "Jurisdiction codes").

A jurisdiction code is an ISO 3166-1 alpha-2 code or an ISO 3166-2 subdivision, accepted in
any case and given back in upper case. Every real code is accepted everywhere (parse, extract,
compare, the CLI, Dask); one with a profile (`sentencenorm.law.jurisdictions`) also brings its
legal facts. A code that names no real territory raises `UnknownJurisdictionError`.

What a code settles when reading: which currency a sign such as "$", "Rs" or "kr" means there
(`currency_in`), from the territory's own currency in CLDR (through Babel); whether a figure
such as "€1.500" is 1500 there (`groups_with_dot`).

>>> normalize_jurisdiction("us-ca"), normalize_jurisdiction(" gb-sct ")
('US-CA', 'GB-SCT')
>>> normalize_jurisdiction("US-XX")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
sentencenorm.errors.UnknownJurisdictionError: unknown jurisdiction 'US-XX'; available: ...
>>> currency_in("dollar_sign", "AU"), currency_in("rupee", "PK"), currency_in("krone", "SE")
('AUD', 'PKR', 'SEK')
>>> currency_in("dollar_sign", "IN"), currency_in("krone", None) is None
('USD', True)
"""

from __future__ import annotations

import functools
import re
import tomllib
from typing import Any, Final

from .._resources import data_dir
from ..errors import UnknownJurisdictionError

__all__ = [
    "country_name",
    "currency_in",
    "family_currencies",
    "is_family",
    "is_real",
    "normalize_jurisdiction",
    "reading_territory",
    "tenders",
]

_SHAPE: Final = re.compile(r"[A-Z]{2}(?:-[A-Z0-9]{1,3})?", re.ASCII)
_EXAMPLES: Final = ("an ISO 3166-1 code such as US, GB, CN, IN",)


@functools.cache
def _territories() -> tuple[dict[str, str], dict[str, frozenset[str]], frozenset[str]]:
    """(country code -> English name, country code -> its subdivision codes, subdivisions
    that are territories of their own) from data/territories.toml."""
    raw: dict[str, Any] = tomllib.loads(
        (data_dir() / "territories.toml").read_text(encoding="utf-8")
    )
    countries: dict[str, str] = dict(raw["countries"])
    subdivisions = {
        country: frozenset(codes.split()) for country, codes in raw["subdivisions"].items()
    }
    return countries, subdivisions, frozenset(raw["own_territory"]["codes"].split())


def is_real(code: str) -> bool:
    """Whether *code* (upper case) is an ISO 3166-1 code or an ISO 3166-2 subdivision.

    >>> is_real("AU-NSW"), is_real("XX"), is_real("GB-ENG")
    (True, False, True)
    """
    if not _SHAPE.fullmatch(code):
        return False
    countries, subdivisions, _ = _territories()
    country, _, part = code.partition("-")
    if country not in countries:
        return False
    return not part or part in subdivisions.get(country, frozenset())


def normalize_jurisdiction(code: object) -> str | None:
    """The canonical form of a jurisdiction code (upper case, trimmed); None stays None.

    Raises `UnknownJurisdictionError` for anything that is not a real territory's code,
    with examples of what is accepted.
    """
    if code is None:
        return None
    text = code.strip().upper() if isinstance(code, str) else None
    if text is not None and is_real(text):
        return text
    raise UnknownJurisdictionError(code, _suggestions(text))


def _suggestions(text: str | None) -> list[str]:
    """What to write instead: a code of the same country where there is one (the profiles
    are added by `sentencenorm.law.jurisdictions.load`, which knows them)."""
    countries, subdivisions, _ = _territories()
    country = (text or "").partition("-")[0]
    if country in countries and subdivisions.get(country):
        some = sorted(subdivisions[country])[:3]
        shown = ", ".join(f"{country}-{part}" for part in some)
        subdivision = f"a subdivision of {country} such as {shown}"
    else:
        subdivision = "a subdivision such as US-CA, GB-SCT, AU-NSW"
    return [*_EXAMPLES, subdivision]


def country_name(code: str) -> str | None:
    """The English short name of the country of *code* ("US-CA" -> "United States")."""
    return _territories()[0].get(code.partition("-")[0])


def reading_territory(code: str | None) -> str | None:
    """The territory whose usage settles readings for *code*: its country, or the subdivision
    itself where that is a territory of its own (CN-HK reads as HK, US-PR as PR).

    >>> reading_territory("US-CA"), reading_territory("CN-HK"), reading_territory(None)
    ('US', 'HK', None)
    """
    if code is None:
        return None
    country, _, part = code.partition("-")
    return part if code in _territories()[2] else country


@functools.cache
def _families() -> dict[str, tuple[str | None, tuple[str, ...]]]:
    """Currency families (data/currency_families.toml): name -> (default, currencies)."""
    raw = _family_tables()
    return {name: (table.get("default"), tuple(table["currencies"])) for name, table in raw.items()}


@functools.cache
def _family_tables() -> dict[str, Any]:
    raw: dict[str, Any] = tomllib.loads(
        (data_dir() / "currency_families.toml").read_text(encoding="utf-8")
    )
    return raw


def _outlived(family: str) -> tuple[str, ...]:
    """The withdrawn currencies the family's sign still names where they were tender."""
    return tuple(_family_tables()[family].get("former", ()))


def is_family(name: str) -> bool:
    """Whether *name* names a currency family rather than an ISO 4217 code."""
    return name in _families()


def family_currencies(family: str) -> tuple[str, ...]:
    """The currencies a sign of *family* is written for (withdrawn ones included)."""
    return _families()[family][1] + _outlived(family)


@functools.lru_cache(maxsize=1024)
def currency_in(family: str, territory: str | None) -> str | None:
    """The ISO 4217 code a sign of *family* means in *territory* (a `reading_territory`).

    The territory's current legal tender when the family's sign is written for it; else its
    latest former tender among those the family lists as ``former`` (a text from Ireland
    that writes "£" means the Irish pound, its tender until 2002: the euro is never written
    so); else the family's default, else None (the reader then refuses to guess).

    >>> currency_in("pound_sign", "IE"), currency_in("pound_sign", "GB")
    ('IEP', 'GBP')
    """
    default, currencies = _families()[family]
    if territory is not None:
        outlived = _outlived(family)
        for currency in _tenders(territory):
            if currency in currencies:
                return currency
        for currency in _former_tenders(territory):
            if currency in outlived:
                return currency
    return default


def tenders(territory: str) -> tuple[str, ...]:
    """The territory's current legal tender currencies (a `reading_territory`).

    >>> tenders("EG"), tenders("ZW")[:1]
    (('EGP',), ('USD',))
    """
    return tuple(_tenders(territory))


def _former_tenders(territory: str) -> list[str]:
    """The territory's former legal tender currencies, the latest withdrawn first."""
    from babel.core import get_global

    entries = get_global("territory_currencies").get(territory, ())
    former = [(end, code) for code, _start, end, tender in entries if end is not None and tender]
    return [code for _end, code in sorted(former, reverse=True)]


def _tenders(territory: str) -> list[str]:
    """The territory's current legal tender currencies, in CLDR's order."""
    from babel.core import get_global  # Babel is loaded only when a sign needs settling

    entries = get_global("territory_currencies").get(territory, ())
    return [code for code, _start, end, tender in entries if end is None and tender]


@functools.cache
def groups_with_dot(territory: str | None) -> bool | None:
    """Whether a figure such as "1.500" is 1500 in the territory: its main language (CLDR's
    official language with the most speakers there) marks decimals with a comma, so the dot
    can only group thousands. None when no territory is known.

    >>> groups_with_dot("DE"), groups_with_dot("FR"), groups_with_dot("IE"), groups_with_dot(None)
    (True, True, False, None)
    """
    if territory is None:
        return None
    from babel import Locale  # Babel is loaded only when a figure needs settling
    from babel.core import get_global
    from babel.numbers import get_decimal_symbol

    languages = get_global("territory_languages").get(territory)
    if not languages:
        return None
    main = max(
        languages.items(),
        key=lambda item: (
            item[1].get("official_status") is not None,
            item[1].get("population_percent", 0),
        ),
    )[0]
    try:
        locale = Locale.parse(f"{main}_{territory}")
    except (ValueError, LookupError):
        locale = Locale.parse(main)
    return bool(get_decimal_symbol(locale) == ",")
