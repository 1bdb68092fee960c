"""Jurisdiction profiles: the legal facts that give a parsed sentence its meaning in one place.

A profile is a data file, ``data/jurisdictions/<CODE>.toml``, one per jurisdiction. It names
its parent (``US-CA`` -> ``US`` -> ``root``) and inherits every fact it does not restate. Facts
come in tables; each table carries ``source``, the law its facts come from. `parse` never reads
a profile for meaning: severity, compare, months and band do, to fill what a phrase leaves
unstated (a German "life" allows release after 15 years, so it is 15 years to life there).

>>> de = load("DE")
>>> de.life_minimum, de.source("life.minimum")
(Duration('P15Y'), '§ 57a(1) StGB')
>>> load("US-CA").chain
('US-CA', 'US', 'root')
>>> load("XX")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
sentencenorm.errors.UnknownJurisdictionError: unknown jurisdiction 'XX'; available: ...

The facts a profile may state (table.key: kind):

- ``life.available`` (bool): the jurisdiction has life sentences.
- ``life.minimum`` (duration or "life"): the least time served under a life sentence whose
  phrase states no minimum ("life" itself: no release).
- ``life.minimum_at_most`` (duration): the longest such minimum a court may set.
- ``life.minimum_set_by_court`` (bool): the court sets the minimum case by case.
- ``death.available`` (bool), ``death.reprieve`` (duration: the reprieve of a suspended death
  sentence whose phrase states none), ``death.commuted_to`` ("life"): what a reprieve ends in.
- ``custody.minimum`` / ``custody.maximum`` (duration): the shortest and longest determinate
  custodial term; ``custody.exceptional_maximum`` (duration): the longest for the gravest crimes.
- ``combined_custody.cap`` / ``higher_cap`` / ``higher_cap_from_total`` (duration): the longest
  executed term for several crimes, and the total from which the higher cap applies.
- ``suspended_custody.term_minimum`` / ``term_maximum`` / ``period_minimum`` / ``period_maximum``
  (duration): the terms a suspended sentence may suspend, and its operational period.
- ``terms.<name>`` ([duration, duration]): the range of a named penalty.
- ``parole.available`` (bool), ``supervised_release.after_custody`` (bool),
  ``deprivation_of_rights.with_death_and_life`` ("life").
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Mapping
from typing import Any, Final

import attrs

from .._resources import data_dir
from ..errors import UnknownJurisdictionError
from ..model import LIFE, Life
from ..model.durations import Duration
from .territories import country_name, normalize_jurisdiction

__all__ = ["Example", "Jurisdiction", "available", "load"]

# The kind of value each fact holds; a profile with any other key is refused when it loads,
# so a misspelt fact cannot be silently ignored.
_DURATION: Final = "duration"
_BOUND: Final = "duration or 'life'"
_BOOL: Final = "true or false"
_LIFE_ONLY: Final = "'life'"
_RANGE: Final = "[duration, duration]"

_FACTS: Final[Mapping[str, Mapping[str, str]]] = {
    "life": {
        "available": _BOOL,
        "minimum": _BOUND,
        "minimum_at_most": _DURATION,
        "minimum_set_by_court": _BOOL,
    },
    "death": {"available": _BOOL, "reprieve": _DURATION, "commuted_to": _LIFE_ONLY},
    "custody": {"minimum": _DURATION, "maximum": _DURATION, "exceptional_maximum": _DURATION},
    "combined_custody": {
        "cap": _DURATION,
        "higher_cap": _DURATION,
        "higher_cap_from_total": _DURATION,
    },
    "suspended_custody": {
        "term_minimum": _DURATION,
        "term_maximum": _DURATION,
        "period_minimum": _DURATION,
        "period_maximum": _DURATION,
    },
    "terms": {},  # any name, each a range
    "parole": {"available": _BOOL},
    "supervised_release": {"after_custody": _BOOL},
    "deprivation_of_rights": {"with_death_and_life": _LIFE_ONLY},
}

ROOT: Final = "root"


@attrs.frozen
class Example:
    """A phrase a profile documents, and the severity it has there (checked by the tests)."""

    text: str
    severity: str
    reprieve: str | None = None
    lang: str = "en"


@attrs.frozen
class Jurisdiction:
    """One jurisdiction's facts, with everything its parents state and it does not.

    `facts` maps ``"table.key"`` to the value as the file writes it (durations as ISO text);
    `sources` maps the same names to the law each comes from. The typed properties read the
    facts that severity and compare use.
    """

    code: str
    name: str
    chain: tuple[str, ...]
    facts: Mapping[str, Any] = attrs.field(repr=False)
    sources: Mapping[str, str] = attrs.field(repr=False)
    examples: tuple[Example, ...] = attrs.field(repr=False)

    def fact(self, name: str) -> Any:
        """The value of fact *name* ("life.minimum"); None when no profile in the chain has it."""
        return self.facts.get(name)

    def source(self, name: str) -> str | None:
        """The law fact *name* comes from, as the profile cites it."""
        return self.sources.get(name)

    def cite(self, name: str) -> str:
        """ " (<source>)" for fact *name*, for appending to a reason."""
        source = self.sources.get(name)
        return f" ({source})" if source else ""

    def _duration(self, name: str) -> Duration | None:
        value = self.facts.get(name)
        return Duration.fromisoformat(value) if isinstance(value, str) else None

    @property
    def life_minimum(self) -> Duration | Life | None:
        """The least time served under a life sentence with no stated minimum (LIFE: no release)."""
        value = self.facts.get("life.minimum")
        if value is None:
            return None
        return LIFE if value == "life" else Duration.fromisoformat(value)

    @property
    def life_available(self) -> bool | None:
        """Whether life sentences exist here; None when no profile says."""
        value = self.facts.get("life.available")
        return value if isinstance(value, bool) else None

    @property
    def death_available(self) -> bool | None:
        """Whether death sentences exist here; None when no profile says."""
        value = self.facts.get("death.available")
        return value if isinstance(value, bool) else None

    @property
    def death_reprieve(self) -> Duration | None:
        """The reprieve of a suspended death sentence whose phrase states none."""
        return self._duration("death.reprieve")

    @property
    def custody_minimum(self) -> Duration | None:
        """The shortest custodial term."""
        return self._duration("custody.minimum")

    @property
    def custody_maximum(self) -> Duration | None:
        """The longest determinate custodial term for ordinary crimes."""
        return self._duration("custody.maximum")

    @property
    def open_maximum(self) -> tuple[Duration, str] | None:
        """What a determinate term with no stated maximum can reach, and the fact that says so.

        The exceptional maximum where there is one (Norway's 30 years), else the ordinary one.
        """
        for name in ("custody.exceptional_maximum", "custody.maximum"):
            value = self._duration(name)
            if value is not None:
                return value, name
        return None

    @property
    def combined_cap(self) -> tuple[Duration, Duration | None, Duration | None] | None:
        """(cap, higher cap, total from which the higher cap applies) for several terms."""
        cap = self._duration("combined_custody.cap")
        if cap is None:
            return None
        return (
            cap,
            self._duration("combined_custody.higher_cap"),
            self._duration("combined_custody.higher_cap_from_total"),
        )

    def term_range(self, name: str) -> tuple[Duration, Duration] | None:
        """The (shortest, longest) of a named range fact such as ``"terms.fixed_term"``."""
        value = self.facts.get(name)
        if not isinstance(value, list):
            return None
        return Duration.fromisoformat(value[0]), Duration.fromisoformat(value[1])

    def __str__(self) -> str:
        return self.code


def _directory() -> Any:
    return data_dir() / "jurisdictions"


@functools.cache
def available() -> tuple[str, ...]:
    """The codes of every shipped profile, sorted (``root`` last)."""
    codes = sorted(path.stem for path in _directory().glob("*.toml") if path.stem != ROOT)
    return (*codes, ROOT)


def normalize(code: str) -> str:
    """The profile code for *code*: upper case (``"us-ca"`` -> ``"US-CA"``), ``root`` as is."""
    text = code.strip()
    return ROOT if text.lower() == ROOT else text.upper()


def load(code: str | Jurisdiction | None = None) -> Jurisdiction:
    """The profile of *code* with its parents' facts; None gives ``root``. Loaded once.

    A real territory's code without a profile of its own (``"US-TX"``, ``"IN"``) gets the
    nearest profile above it: its country's, else ``root``, under its own code. Any other
    code raises `UnknownJurisdictionError`.

    >>> load("us-tx").chain, load("IN").chain
    (('US-TX', 'US', 'root'), ('IN', 'root'))
    """
    if isinstance(code, Jurisdiction):
        return code
    if code is None:
        return _load(ROOT)
    text = normalize(code) if isinstance(code, str) else ""

    if text in available():
        return _load(text)
    try:
        real = normalize_jurisdiction(code if isinstance(code, str) else text)
    except UnknownJurisdictionError as error:  # say which codes also bring legal facts
        profiles = f"a code with a profile: {', '.join(available())}"
        raise UnknownJurisdictionError(code, (*error.available, profiles)) from None
    return _without_profile(real or "")


@functools.cache
def _without_profile(code: str) -> Jurisdiction:
    """A real code with no profile: the nearest profile's facts under *code*."""
    country = code.partition("-")[0]
    parent = _load(country if country in available() else ROOT)
    return Jurisdiction(
        code=code,
        name=country_name(code) or code,
        chain=(code, *parent.chain),
        facts=parent.facts,
        sources=parent.sources,
        examples=(),
    )


@functools.cache
def _load(code: str) -> Jurisdiction:
    if code not in available():
        raise UnknownJurisdictionError(code, available())
    raw = _read(code)
    parent_code = raw.get("parent")
    if code == ROOT:
        chain: tuple[str, ...] = (ROOT,)
        facts: dict[str, Any] = {}
        sources: dict[str, str] = {}
    else:
        _check_ancestry(code, parent_code)
        parent = _load(parent_code)
        chain = (code, *parent.chain)
        facts = dict(parent.facts)
        sources = dict(parent.sources)
    for table, entries in raw.items():
        if table not in _FACTS:
            continue
        for key, value in entries.items():
            if key != "source":
                facts[f"{table}.{key}"] = value
                sources[f"{table}.{key}"] = entries["source"]
    examples = tuple(Example(**entry) for entry in raw.get("examples", ()))
    return Jurisdiction(
        code=code,
        name=raw["name"],
        chain=chain,
        facts=facts,
        sources=sources,
        examples=examples,
    )


def _check_ancestry(code: str, parent_code: Any) -> None:
    """The parents of *code* are shipped profiles and lead to root without a cycle."""
    seen = [code]
    while parent_code != ROOT:
        if not isinstance(parent_code, str) or parent_code not in available():
            raise ValueError(f"profile {seen[-1]}: 'parent' must name a profile: {parent_code!r}")
        if parent_code in seen:
            raise ValueError(f"profile {code}: its parents lead back: {' -> '.join(seen)}")
        seen.append(parent_code)
        parent_code = _read(parent_code).get("parent")


def _read(code: str) -> dict[str, Any]:
    """The profile file of *code*, checked: known tables and keys, values of the right kind."""
    path = _directory() / f"{code}.toml"
    raw: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))

    def problem(message: str) -> ValueError:
        return ValueError(f"{path.name}: {message}")

    if raw.get("code") != code:
        raise problem(f"'code' must be {code!r}, the file's name: {raw.get('code')!r}")
    if not isinstance(raw.get("name"), str) or not raw["name"]:
        raise problem("'name' must be a non-empty string")
    known = {"code", "name", "parent", "examples", *_FACTS}
    for key in raw:
        if key not in known:
            raise problem(f"unknown key {key!r}; known: {', '.join(sorted(known))}")
    for table, kinds in _FACTS.items():
        entries = raw.get(table)
        if entries is None:
            continue
        if not isinstance(entries, dict):
            raise problem(f"[{table}] must be a table")
        if not isinstance(entries.get("source"), str) or not entries["source"].strip():
            raise problem(f"[{table}] must cite its legal source in 'source'")
        for key, value in entries.items():
            if key == "source":
                continue
            kind = _RANGE if table == "terms" else kinds.get(key)
            if kind is None:
                raise problem(f"unknown fact {table}.{key}; known: {', '.join(sorted(kinds))}")
            if not _is_kind(value, kind):
                raise problem(f"{table}.{key} must be {kind}: {value!r}")
    for entry in raw.get("examples", ()):
        if not isinstance(entry, dict) or not {"text", "severity"} <= entry.keys():
            raise problem(f"each example needs 'text' and 'severity': {entry!r}")
        if not entry.keys() <= {"text", "severity", "reprieve", "lang"}:
            raise problem(f"unknown key in example: {sorted(entry)}")
    return raw


def _is_duration(value: Any) -> bool:
    try:
        Duration.fromisoformat(value)
    except ValueError:
        return False
    return True


def _is_kind(value: Any, kind: str) -> bool:
    if kind == _BOOL:
        return isinstance(value, bool)
    if kind == _LIFE_ONLY:
        return bool(value == "life")
    if kind == _BOUND:
        return bool(value == "life") or _is_duration(value)
    if kind == _RANGE:
        return (
            isinstance(value, list)
            and len(value) == 2
            and all(_is_duration(item) for item in value)
            and Duration.fromisoformat(value[0]).compare(Duration.fromisoformat(value[1])) != 1
        )
    return _is_duration(value)
