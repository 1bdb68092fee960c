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

from .bands import band_schemes, conventions
from .batch import extract_many, parse_many
from .comparison import Comparison, Level, Order, Rank, Severity, compare
from .durations import Duration
from .errors import (
    SentenceNormError,
    SentenceParseError,
    UnknownCodeError,
    UnknownJurisdictionError,
    UnknownLanguageError,
    UnknownLocaleError,
    UnknownSchemeError,
    UnsupportedError,
)
from .extractor import Match, extract
from .jurisdictions import Jurisdiction
from .model import (
    LIFE,
    Aggregation,
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
    Sentence,
    SupervisedRelease,
    Suspension,
)
from .parser import MAX_PHRASE_LENGTH, parse
from .renderer import render

__version__ = "0.1.0"

__all__ = [
    "LIFE",
    "MAX_PHRASE_LENGTH",
    "Aggregation",
    "Bound",
    "CommunityService",
    "CommunitySupervision",
    "Comparison",
    "Component",
    "Custody",
    "Death",
    "DeprivationOfRights",
    "Duration",
    "Fine",
    "Forfeiture",
    "Jurisdiction",
    "Level",
    "Life",
    "Match",
    "Modality",
    "Money",
    "Order",
    "Other",
    "Probation",
    "Rank",
    "Restitution",
    "Sentence",
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
    "parse",
    "parse_many",
    "render",
]
