"""Sentencing statistics: months under a coding convention, and sentence-length bands.

Both tables are data: ``data/conventions.toml`` (how USSC and CAIL2018 code months, life and
death) and ``data/bands/<scheme>.toml`` (SPACE I and Bureau of Prisons length bands).

>>> from sentencenorm import parse
>>> months(parse("84 months in prison followed by two years of supervised release"))
(84.0, 84.0)
>>> months(parse("life"), "cail"), months(parse("life"), "ussc")
((-1.0, -1.0), (470.0, 470.0))
>>> band(parse("six months to 10 years"), "space1"), band(parse("life"), "bop")
('10y-<20y', 'life')
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Callable, Mapping, Sequence
from fractions import Fraction
from typing import Any, Final, Literal

import attrs

from .._resources import data_dir
from ..errors import UnknownSchemeError, UnsupportedError
from ..model import Aggregation, Choice, Composed, Custody, Death, Life, expansions
from ..model.durations import Duration
from .jurisdictions import Jurisdiction
from .severity import Rank, Severity, Way, severity

__all__ = [
    "Band",
    "Convention",
    "band",
    "band_schemes",
    "conventions",
    "in_days",
    "in_months",
    "months",
]


@attrs.frozen
class Convention:
    """How a statistics source codes a custodial sentence in months."""

    code: str
    name: str
    life: int
    death: int
    source: str


@attrs.frozen
class Band:
    """One band of a scheme: lengths under `below` (or at most `through`), or life, or death."""

    label: str
    below: Duration | None = None
    through: Duration | None = None
    level: Literal["life", "death"] | None = None


@attrs.frozen
class BandScheme:
    """A named list of bands, shortest first, with the source that defines them."""

    code: str
    name: str
    source: str
    bands: tuple[Band, ...]


@functools.cache
def _conventions_file() -> Mapping[str, Any]:
    return tomllib.loads((data_dir() / "conventions.toml").read_text(encoding="utf-8"))


@functools.cache
def _days_per_month() -> Fraction:
    return Fraction(_conventions_file()["days_per_month"])


def in_months(duration: Duration) -> Fraction:
    """A duration in months, days counted at 30.4375 a month.

    >>> in_months(Duration.of(years=1, days=14))
    Fraction(6068, 487)
    """
    return duration.months + Fraction(duration.days) / _days_per_month()


def in_days(duration: Duration) -> Fraction:
    """A duration in days, months counted at 30.4375 days (the inverse of `in_months`).

    >>> in_days(Duration.of(years=1, days=14))
    Fraction(1517, 4)
    """
    return in_months(duration) * _days_per_month()


@functools.cache
def conventions() -> Mapping[str, Convention]:
    """Every statistics convention `months` knows, by code."""
    return {
        code: Convention(code=code, **entry)
        for code, entry in _conventions_file()["conventions"].items()
    }


def _convention(code: str) -> Convention:
    found = conventions().get(code) if isinstance(code, str) else None
    if found is None:
        raise UnknownSchemeError(code, sorted(conventions()))
    return found


# The months of a custody bound while they are added up: a length, LIFE, or None (unknown).
_Months = Fraction | Life | None


def _scaled(value: _Months, count: int) -> _Months:
    return value * count if isinstance(value, Fraction) else value


def _custody_months(part: Custody) -> tuple[_Months, _Months]:
    """(lowest, highest) months of one custody component; the nominal term when suspended."""
    high: _Months = part.max if isinstance(part.max, Life) else None
    if isinstance(part.max, Duration):
        high = in_months(part.max)
    low: _Months
    if isinstance(part.min, Duration):
        low = in_months(part.min)
    elif isinstance(part.max, Life):
        low = part.max  # a life sentence with no stated minimum is coded as life
    else:
        low = Fraction(0)
    count = part.count
    if count == 1 or part.aggregation is Aggregation.CONCURRENT:
        return low, high
    if count is None:
        return low, high if isinstance(high, Life) else None
    if part.aggregation is Aggregation.CONSECUTIVE:
        low = _scaled(low, count)
    return low, _scaled(high, count)


def months(sentence: Composed, convention: str = "ussc") -> tuple[float, float | None]:
    """(lowest, highest) months of the custodial part, coded as *convention* codes them.

    ``"ussc"`` codes life and death as 470 months; ``"cail"`` codes death as -2 and life as -1.
    Days count 30.4375 a month. An unstated minimum is coded as life when the maximum is life
    and as 0 otherwise; an unstated maximum is None. A sentence with no custody is (0, 0); one
    with a death component is coded as death. A suspended term is coded as the term imposed.
    Several terms: at least the longest minimum, at most the total (life absorbs any length).

    >>> from sentencenorm import parse
    >>> months(parse("a suspended death sentence"), "cail")
    (-2.0, -2.0)
    >>> months(parse("at least 10 years")), months(parse("a fine of $500"))
    ((120.0, None), (0.0, 0.0))
    """
    if not isinstance(sentence, Composed):
        raise TypeError(f"months needs a Sentence (parse the text first): {sentence!r}")
    coding = _convention(convention)
    if any(isinstance(part, Choice) for part in sentence.components):
        # Alternatives: from the least of their ways to the most (MODEL.md, "choice").
        ways = [
            months(Way(way, sentence.modality), convention)
            for way in expansions(sentence.components)
        ]
        order = _severity_order(coding)
        lowest = min((way[0] for way in ways), key=order)
        highs = [way[1] for way in ways]
        return lowest, None if None in highs else max(highs, key=order)
    if any(isinstance(part, Death) for part in sentence.components):
        return float(coding.death), float(coding.death)
    parts = [_custody_months(part) for part in sentence.components if isinstance(part, Custody)]
    if not parts:
        return 0.0, 0.0
    low, high = parts[0]
    for other_low, other_high in parts[1:]:
        low = _longer(low, other_low)
        high = _total(high, other_high)

    def code(value: _Months) -> float:
        return float(coding.life) if isinstance(value, Life) else float(value or 0)

    return code(low), None if high is None else code(high)


def _severity_order(coding: Convention) -> Callable[[float | None], tuple[int, float]]:
    """A key that orders coded months by severity: lengths, then life, then death (a
    convention may code them below the lengths, as "cail" does with -1 and -2)."""

    def key(value: float | None) -> tuple[int, float]:
        if value == float(coding.death):
            return (2, 0.0)
        if value == float(coding.life):
            return (1, 0.0)
        return (0, value or 0.0)

    return key


def _longer(first: _Months, second: _Months) -> _Months:
    if isinstance(first, Life) or isinstance(second, Life):
        return first if isinstance(first, Life) else second
    return max(first or Fraction(0), second or Fraction(0))


def _total(first: _Months, second: _Months) -> _Months:
    if first is None or second is None:
        return None
    if isinstance(first, Life) or isinstance(second, Life):
        return first if isinstance(first, Life) else second
    return first + second


def band_schemes() -> tuple[str, ...]:
    """The names of the band schemes `band` knows."""
    return tuple(sorted(path.stem for path in (data_dir() / "bands").glob("*.toml")))


@functools.cache
def scheme(code: str) -> BandScheme:
    """The band scheme *code* ("space1", "bop"), read once and checked."""
    if not isinstance(code, str) or code not in band_schemes():
        raise UnknownSchemeError(code, band_schemes())
    path = data_dir() / "bands" / f"{code}.toml"
    raw: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
    bands = tuple(_band(entry, path.name) for entry in raw["bands"])
    _check(bands, path.name)
    return BandScheme(code=code, name=raw["name"], source=raw["source"], bands=bands)


def _band(entry: Mapping[str, Any], where: str) -> Band:
    unknown = set(entry) - {"label", "below", "through", "level"}
    if unknown or not isinstance(entry.get("label"), str):
        raise ValueError(f"{where}: a band has a label and one of below/through/level: {entry}")
    below, through = entry.get("below"), entry.get("through")
    return Band(
        label=entry["label"],
        below=Duration.fromisoformat(below) if below is not None else None,
        through=Duration.fromisoformat(through) if through is not None else None,
        level=entry.get("level"),
    )


def _check(bands: Sequence[Band], where: str) -> None:
    """Length bands ascend and end with one open band; life and death have a band each."""
    lengths = [item for item in bands if item.level is None]
    bounds = [item.below or item.through for item in lengths]
    if not lengths or bounds[-1] is not None or None in bounds[:-1]:
        raise ValueError(f"{where}: every length band but the last needs a bound")
    edges = [in_months(bound) for bound in bounds[:-1] if bound is not None]
    if edges != sorted(set(edges)):
        raise ValueError(f"{where}: length bands must ascend")
    if sorted(item.level or "" for item in bands if item.level) != ["death", "life"]:
        raise ValueError(f"{where}: there must be one 'life' band and one 'death' band")


_BASES: Final = ("max", "min")


def band(
    sentence: Composed,
    scheme_code: str,
    *,
    jurisdiction: str | Jurisdiction | None = None,
    basis: str = "max",
) -> str | None:
    """The label of the band of *scheme_code* that holds the sentence's maximum (or minimum).

    The end comes from `severity`, so a jurisdiction fills what the phrase leaves unstated.
    Death, with or without a reprieve, has its own label ``death``. None when that end is
    unstated, is "no custody", or the sentence has no custodial or death component.

    >>> from sentencenorm import parse
    >>> at_least_five = parse("at least 5 years")
    >>> band(at_least_five, "space1"), band(at_least_five, "space1", jurisdiction="DE")
    (None, '10y-<20y')
    >>> band(parse("a year"), "bop"), band(parse("a year and a day"), "bop")
    ('<=1y', '1y-<3y')
    """
    if not isinstance(sentence, Composed):
        raise TypeError(f"band needs a Sentence (parse the text first): {sentence!r}")
    table = scheme(scheme_code)
    if basis not in _BASES:
        raise UnsupportedError(f"unknown basis {basis!r}; choose one of {', '.join(_BASES)}")
    value: Severity = severity(sentence, jurisdiction)
    end, unstated = (value.high, value.high_open) if basis == "max" else (value.low, value.low_open)
    if end is None or unstated or end.rank is Rank.NONE:
        return None
    if end.rank >= Rank.DEATH_REPRIEVE:
        return _labelled(table, "death")
    if end.rank is Rank.LIFE:
        return _labelled(table, "life")
    assert end.duration is not None
    length = in_months(end.duration)
    for item in table.bands:
        if item.level is not None:
            continue
        if item.below is not None and length < in_months(item.below):
            return item.label
        if item.through is not None and length <= in_months(item.through):
            return item.label
        if item.below is None and item.through is None:
            return item.label
    raise AssertionError("the scheme's last length band has no bound")  # checked on load


def _labelled(table: BandScheme, level: str) -> str:
    return next(item.label for item in table.bands if item.level == level)
