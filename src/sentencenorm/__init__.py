"""sentencenorm: criminal-sentencing phrases to canonical values comparable across jurisdictions.

>>> import sentencenorm
>>> sentence = sentencenorm.parse("84 months in prison followed by two years of supervised release")
>>> str(sentence)
'custody P7Y + supervised_release P2Y'
>>> sentencenorm.render(sentence)
'seven years in prison followed by two years of supervised release'
>>> sentencenorm.render(sentence, style="digits")
'7 years in prison followed by 2 years of supervised release'
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .errors import (
    SentenceDataError,
    SentenceNormError,
    SentenceParseError,
    UnknownCodeError,
    UnknownJurisdictionError,
    UnknownLanguageError,
    UnknownLocaleError,
    UnknownSchemeError,
    UnsupportedError,
)

if TYPE_CHECKING:
    from .language import Language, languages
    from .law.bands import band_schemes, conventions
    from .law.comparison import Comparison, Order
    from .law.jurisdictions import Jurisdiction
    from .law.severity import Level, Rank, Severity
    from .model import (
        LIFE,
        Aggregation,
        Bound,
        Choice,
        CommunityService,
        CommunitySupervision,
        Component,
        Counted,
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
        Regime,
        Restitution,
        SupervisedRelease,
        Suspension,
    )
    from .model.durations import Duration
    from .reading.batch import extract_many, parse_many
    from .reading.extractor import extract
    from .reading.match import Match
    from .reading.parser import MAX_PHRASE_LENGTH, parse
    from .sentence import Sentence
    from .writing.renderer import render

#: Where each public name lives. A name is imported the first time it is asked for (PEP 562),
#: so that a process pays only for what it uses: ``parse`` in English loads neither Babel nor
#: the writer nor another language, and ``import sentencenorm`` alone loads nothing but the
#: errors.
_LAZY: dict[str, str] = {
    "Language": "language",
    "languages": "language",
    "band_schemes": "law.bands",
    "conventions": "law.bands",
    "Comparison": "law.comparison",
    "Order": "law.comparison",
    "Jurisdiction": "law.jurisdictions",
    "Level": "law.severity",
    "Rank": "law.severity",
    "Severity": "law.severity",
    **dict.fromkeys(
        (
            "LIFE",
            "Aggregation",
            "Bound",
            "Choice",
            "CommunityService",
            "CommunitySupervision",
            "Component",
            "Counted",
            "Custody",
            "Death",
            "DeprivationOfRights",
            "Fine",
            "Forfeiture",
            "Life",
            "Modality",
            "Money",
            "Other",
            "Probation",
            "Regime",
            "Restitution",
            "SupervisedRelease",
            "Suspension",
        ),
        "model",
    ),
    "Duration": "model.durations",
    "extract_many": "reading.batch",
    "parse_many": "reading.batch",
    "extract": "reading.extractor",
    "Match": "reading.match",
    "MAX_PHRASE_LENGTH": "reading.parser",
    "parse": "reading.parser",
    "Sentence": "sentence",
    "render": "writing.renderer",
}
#: The lazy names looked up once already: one deleted since (``del sentencenorm.render``)
#: stays deleted, as a name imported at the top would.
_LOADED: set[str] = set()


def __getattr__(name: str) -> Any:
    where = _LAZY.get(name)
    if where is None or name in _LOADED:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{where}"), name)
    globals()[name] = value
    _LOADED.add(name)
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


__version__ = "0.1.0"


def compare(
    a: Sentence | str,
    b: Sentence | str,
    *,
    jurisdiction: str | Jurisdiction | None = None,
    basis: str = "interval",
    lang: str = "en",
) -> Comparison:
    """How *a* orders against *b* by severity (`sentencenorm.law.comparison.compare`).

    Each side is a `Sentence` or a phrase, which is parsed first (with *lang*, and
    *jurisdiction* settling readings such as "$"); a phrase that cannot be read raises
    `SentenceParseError`.

    >>> from sentencenorm import parse
    >>> compare("life", "25 years", jurisdiction="DE").order
    <Order.OVERLAPS: 'overlaps'>
    >>> compare(parse("无期徒刑", lang="zh"), "25 years", jurisdiction="US", basis="min").order
    <Order.GREATER: 'greater'>
    """
    from .law.comparison import compare as compare_sentences
    from .law.jurisdictions import Jurisdiction
    from .reading.parser import parse

    code = jurisdiction.code if isinstance(jurisdiction, Jurisdiction) else jurisdiction
    sides = [
        parse(side, lang=lang, jurisdiction=code) if isinstance(side, str) else side
        for side in (a, b)
    ]
    return compare_sentences(sides[0], sides[1], jurisdiction=jurisdiction, basis=basis)


__all__ = [
    "LIFE",
    "MAX_PHRASE_LENGTH",
    "Aggregation",
    "Bound",
    "Choice",
    "CommunityService",
    "CommunitySupervision",
    "Comparison",
    "Component",
    "Counted",
    "Custody",
    "Death",
    "DeprivationOfRights",
    "Duration",
    "Fine",
    "Forfeiture",
    "Jurisdiction",
    "Language",
    "Level",
    "Life",
    "Match",
    "Modality",
    "Money",
    "Order",
    "Other",
    "Probation",
    "Rank",
    "Regime",
    "Restitution",
    "Sentence",
    "SentenceDataError",
    "SentenceNormError",
    "SentenceParseError",
    "Severity",
    "SupervisedRelease",
    "Suspension",
    "UnknownCodeError",
    "UnknownJurisdictionError",
    "UnknownLanguageError",
    "UnknownLocaleError",
    "UnknownSchemeError",
    "UnsupportedError",
    "__version__",
    "band_schemes",
    "compare",
    "conventions",
    "extract",
    "extract_many",
    "languages",
    "parse",
    "parse_many",
    "render",
]
