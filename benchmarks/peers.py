"""Peers on the gold spans of tests/data/dev_en.jsonl: what each understood, and how fast.

Two peers read durations and amounts in English text, and neither knows what a sentence is:

- Microsoft Recognizers-Text (``pip install recognizers-text-suite "emoji<1.0"``; the suite
  imports ``emoji.UNICODE_EMOJI``, which emoji 1.0 removed): the DateTime model's durations
  and the NumberWithUnit currency model's amounts. Both models are built once, outside any
  timing (``recognize_datetime`` and ``recognize_currency`` would build a recognizer per call).
- quantulum3 (``pip install quantulum3``): ``parser.parse``'s quantities of time and currency.

**What a peer understood.** An adapter turns a peer's output into a set of comparable values:

- a length (:class:`Length`): months (a year is 12), days (a week is 7) and hours. Recognizers-
  Text is read from the ISO 8601 ``timex`` of each duration ("P6M", "P13.5Y", "PT200H"); its
  ``value`` in seconds is used only when the timex does not read, because seconds make a month
  30 days and a year 365, so "twelve months" would not equal "one year". quantulum3 is read
  from the unit (year, month, week, day, hour, ...) and the value.
- an amount of money (:class:`Money`): a decimal and an ISO 4217 code. A bare dollar
  (Recognizers-Text's "Dollar", quantulum3's "dollar") is the dollar of the record's
  jurisdiction (CAD in CA, AUD in AU, ..., USD otherwise), as sentencenorm reads "$".

Everything else a peer returns (dates, plain numbers, lengths in metres, "dollar to the 200")
is left out: only durations and amounts are compared. The generous reading of ranges: a peer
that returns two durations for "six months to 10 years" returns the set {6 months, 10 years},
which is the range; quantulum3 returns a range as a midpoint and an uncertainty (6.5 +/- 3.5
years for "three to ten years"), which is read back as its two ends, {3 years, 10 years}.

**The rule.** A peer is right on a gold expression when the set of values it returns equals
the set the gold components state (:func:`expected`), and wrong otherwise:

- every duration bound (``min``, ``max``) of custody, probation, supervised release,
  community supervision and deprivation of rights, every amount of a fine, restitution and
  forfeiture, and community service's hours (as a length in hours) is a value;
- the kinds are not compared, nor which bound a value is: "up to 20 years", "at least 20
  years", "20 years" and "20 years of probation" all state {20 years}, and a peer that returns
  20 years is right on each. That is the generous side of the rule;
- what no duration or amount can say makes the gold set hold a mark (:class:`Beyond`) that no
  peer's output matches: life, death, a custody count other than one (or unknown), consecutive or
  concurrent aggregation, a suspension, a reprieve, an ``other`` penalty (its meaning is a
  label: "time served", "license suspension 6 months"), and a penalty named without any value
  ("fined under this title"). So such an expression is wrong for every peer, whatever it
  returns: a peer's output is never exactly right there, and no partial credit is given.

sentencenorm is scored on the same spans, parsed with the record's jurisdiction, the strict
way tests/test_corpus.py does: its components must equal the gold components (order-
insensitive, amounts as decimals, a missing custody count being 1). Its share under the
peers' rule (the value set of its own components against the gold's) is reported too.

Nothing here times anything; benchmarks/run.py's ``_peers`` does, with the readers made here.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import re
import sys
import warnings
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from pathlib import Path
from typing import Any, NamedTuple

import sentencenorm

# Components are compared exactly as the corpus tests compare them (one source of that rule).
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from scoring import normal

DEV_EN = Path(__file__).resolve().parents[1] / "tests" / "data" / "dev_en.jsonl"


class Length(NamedTuple):
    """A duration as months, days and hours (never converted into each other)."""

    months: Fraction = Fraction(0)
    days: Fraction = Fraction(0)
    hours: Fraction = Fraction(0)

    def __str__(self) -> str:
        parts = [(self.months, "M"), (self.days, "D")]
        text = "".join(f"{float(n):g}{unit}" for n, unit in parts if n)
        return f"P{text}T{float(self.hours):g}H" if self.hours else f"P{text or '0D'}"


class Money(NamedTuple):
    amount: Decimal
    currency: str

    def __str__(self) -> str:
        return f"{self.currency} {self.amount.normalize():f}"


class Beyond(NamedTuple):
    """A meaning no duration or amount states ("life", "death", "count 3", ...)."""

    what: str

    def __str__(self) -> str:
        return f"<{self.what}>"


Value = Length | Money | Beyond
Reader = Callable[[str, str | None], frozenset[Value]]


@dataclass(frozen=True)
class Gold:
    """One gold expression of the corpus."""

    id: str
    span: str
    jurisdiction: str | None
    components: list[dict[str, Any]]


def load_gold(path: Path = DEV_EN) -> list[Gold]:
    gold = []
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        for expression in record["expressions"]:
            gold.append(
                Gold(
                    record["id"],
                    expression["span"],
                    record.get("jurisdiction"),
                    expression["components"],
                )
            )
    return gold


_NUMBER = r"(\d+(?:\.\d+)?)"
_ISO = re.compile(
    rf"P(?:{_NUMBER}Y)?(?:{_NUMBER}M)?(?:{_NUMBER}W)?(?:{_NUMBER}D)?"
    rf"(?:T(?:{_NUMBER}H)?(?:{_NUMBER}M)?(?:{_NUMBER}S)?)?"
)


def iso_length(text: str) -> Length | None:
    """ "P13Y6M" -> 162 months; "PT200H" -> 200 hours; None for what does not read ("PXY")."""
    match = _ISO.fullmatch(text)
    if match is None or text in ("P", "PT"):
        return None
    y, mo, w, d, h, mi, s = (Fraction(part) if part else Fraction(0) for part in match.groups())
    return Length(y * 12 + mo, w * 7 + d, h + mi / 60 + s / 3600)


_DOLLARS = {"CA": "CAD", "AU": "AUD", "NZ": "NZD", "HK": "HKD", "SG": "SGD", "TW": "TWD"}


def dollar(jurisdiction: str | None) -> str:
    """The currency a bare dollar sign means in *jurisdiction* ("US-FL" -> USD, "CA" -> CAD)."""
    country = (jurisdiction or "").split("-")[0].upper()
    return _DOLLARS.get(country, "USD")


def _money(value: Any) -> Money:
    return Money(Decimal(str(value["amount"])), value["currency"])


def _duration_bound(value: str | None) -> Value | None:
    if value is None:
        return None
    if value == "life":
        return Beyond("life")
    length = iso_length(value)
    return length if length is not None else Beyond(f"duration {value}")


def expected(components: Sequence[Mapping[str, Any]]) -> frozenset[Value]:
    """The values the gold *components* state, with a mark for each meaning beyond them."""
    values: set[Value] = set()
    for component in components:
        kind = component["kind"]
        found: set[Value] = set()
        for key, value in component.items():
            if key == "kind" or value is None:
                continue
            if isinstance(value, Mapping) and "amount" in value and "currency" in value:
                found.add(_money(value))  # a fine's bounds, restitution, forfeiture
            elif key in ("min", "max"):
                bound = _duration_bound(value)
                if bound is not None:
                    found.add(bound)
            elif key == "hours":
                found.add(Length(hours=Fraction(value)))
            elif key == "count":
                if value != 1:
                    found.add(Beyond(f"count {value}"))
            elif key == "suspended":
                if value is not False:
                    found.add(Beyond("suspended"))
            else:  # aggregation, reprieve, label, and any key not known here
                found.add(Beyond(f"{key} {value}"))
        if kind == "custody" and "count" in component and component["count"] is None:
            found.add(Beyond("count unknown"))
        if kind in ("death", "other"):
            found.add(Beyond(kind))
        if not any(not isinstance(value, Beyond) for value in found):
            found.add(Beyond(f"{kind} without a value"))
        values |= found
    return frozenset(values)


def right(values: Iterable[Value], components: Sequence[Mapping[str, Any]]) -> bool:
    """Whether a peer that returned *values* is right on an expression with *components*."""
    return frozenset(values) == expected(components)


# Recognizers-Text -----------------------------------------------------------------------------

_CURRENCY_NAMES = {
    "pound": "GBP",
    "british pound": "GBP",
    "pound sterling": "GBP",
    "euro": "EUR",
    "yen": "JPY",
    "japanese yen": "JPY",
    "yuan": "CNY",
    "chinese yuan": "CNY",
    "renminbi": "CNY",
    "united states dollar": "USD",
    "canadian dollar": "CAD",
    "australian dollar": "AUD",
    "new zealand dollar": "NZD",
    "hong kong dollar": "HKD",
    "singapore dollar": "SGD",
}


def _currency(name: str, jurisdiction: str | None, code: str | None = None) -> str:
    folded = name.strip().lower()
    if folded == "dollar":
        return dollar(jurisdiction)
    return code or _CURRENCY_NAMES.get(folded, name)


def recognizers_values(
    results: Iterable[tuple[str, Mapping[str, Any]]], jurisdiction: str | None = None
) -> frozenset[Value]:
    """Values from Recognizers-Text results given as ``(type_name, resolution)`` pairs."""
    values: set[Value] = set()
    for type_name, resolution in results:
        if type_name == "datetimeV2.duration":
            for item in resolution.get("values") or ():
                length = iso_length(str(item.get("timex", "")))
                if length is None:
                    try:
                        seconds = Fraction(str(item["value"]))
                    except (KeyError, ValueError):
                        continue
                    whole = seconds % 86400 == 0
                    length = Length(days=seconds / 86400) if whole else Length(hours=seconds / 3600)
                values.add(length)
        elif type_name == "currency":
            try:
                amount = Decimal(str(resolution["value"]))
            except (KeyError, InvalidOperation):
                continue
            unit = str(resolution.get("unit", ""))
            values.add(Money(amount, _currency(unit, jurisdiction, resolution.get("isoCurrency"))))
    return frozenset(values)


def _recognizers() -> Reader:
    from recognizers_date_time import DateTimeRecognizer
    from recognizers_number_with_unit import NumberWithUnitRecognizer
    from recognizers_text import Culture

    durations = DateTimeRecognizer(Culture.English).get_datetime_model()
    amounts = NumberWithUnitRecognizer(Culture.English).get_currency_model()

    def read(phrase: str, jurisdiction: str | None = None) -> frozenset[Value]:
        found = [(result.type_name, result.resolution) for result in durations.parse(phrase)]
        found += [(result.type_name, result.resolution) for result in amounts.parse(phrase)]
        return recognizers_values(found, jurisdiction)

    return read


# quantulum3 -----------------------------------------------------------------------------------

_TIME_UNITS = {  # unit name -> Length of one
    "year": Length(months=Fraction(12)),
    "month": Length(months=Fraction(1)),
    "decade": Length(months=Fraction(120)),
    "century": Length(months=Fraction(1200)),
    "week": Length(days=Fraction(7)),
    "day": Length(days=Fraction(1)),
    "hour": Length(hours=Fraction(1)),
    "minute": Length(hours=Fraction(1, 60)),
    "second": Length(hours=Fraction(1, 3600)),
}


class Quantity(NamedTuple):
    """The parts of a quantulum3 ``Quantity`` that matter here."""

    value: float
    uncertainty: float | None
    unit: str  # unit.name: "year", "dollar", "pound sterling", ...
    entity: str  # unit.entity.name: "time", "currency", "dimensionless", ...
    currency_code: str | None = None


def _exact(number: float) -> Fraction:
    return Fraction(number).limit_denominator(10_000)


def quantulum_values(
    quantities: Iterable[Quantity], jurisdiction: str | None = None
) -> frozenset[Value]:
    """Values from quantulum3 quantities; a value with an uncertainty is read as a range."""
    values: set[Value] = set()
    for quantity in quantities:
        middle = _exact(quantity.value)
        spread = _exact(quantity.uncertainty) if quantity.uncertainty else Fraction(0)
        numbers = {middle - spread, middle + spread}
        if quantity.entity == "time":
            one = _TIME_UNITS.get(quantity.unit)
            if one is None:
                values.add(Beyond(f"time unit {quantity.unit}"))
                continue
            for number in numbers:
                values.add(Length(*(number * part for part in one)))
        elif quantity.entity == "currency":
            code = _currency(quantity.unit, jurisdiction, quantity.currency_code)
            for number in numbers:
                amount = Decimal(number.numerator) / Decimal(number.denominator)
                values.add(Money(amount, code))
    return frozenset(values)


def _quantulum() -> Reader:
    with warnings.catch_warnings():  # "Classifier dependencies not installed": it does without
        warnings.simplefilter("ignore")
        from quantulum3 import parser

    def read(phrase: str, jurisdiction: str | None = None) -> frozenset[Value]:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found = parser.parse(phrase)
        return quantulum_values(
            (
                Quantity(
                    q.value,
                    q.uncertainty,
                    q.unit.name,
                    q.unit.entity.name,
                    getattr(q.unit, "currency_code", None),
                )
                for q in found
            ),
            jurisdiction,
        )

    return read


# The peers, installed or not ------------------------------------------------------------------


@dataclass(frozen=True)
class Peer:
    name: str
    modules: tuple[str, ...]
    install: str  # what to run to install it
    load: Callable[[], Reader]

    def missing(self) -> str | None:
        """None when the peer imports; otherwise why not, with what to install."""
        for module in self.modules:
            if importlib.util.find_spec(module) is None:
                return f"not installed ({self.install})"
        for module in self.modules:
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    importlib.import_module(module)
            except ImportError as error:
                return f"not installed: {module} fails to import ({error}; {self.install})"
        return None


PEERS = (
    Peer(
        "Recognizers-Text",
        ("recognizers_text", "recognizers_date_time", "recognizers_number_with_unit"),
        'pip install recognizers-text-suite "emoji<1.0"',
        _recognizers,
    ),
    Peer("quantulum3", ("quantulum3",), "pip install quantulum3", _quantulum),
)


def not_installed_row(peer: Peer, reason: str) -> dict[str, Any]:
    """The harness row of a peer that cannot run here."""
    return {"case": "peers", "side": peer.name, "note": reason}


# Scoring --------------------------------------------------------------------------------------


@dataclass
class Share:
    right: int
    total: int
    misses: list[str]

    def note(self) -> str:
        share = self.right / self.total if self.total else 0.0
        return f"right on {self.right} of {self.total} dev_en spans ({share:.0%})"


def share(read: Reader, gold: Sequence[Gold]) -> Share:
    """How many gold expressions *read* gets right under the peers' rule."""
    count, misses = 0, []
    for item in gold:
        values = read(item.span, item.jurisdiction)
        if right(values, item.components):
            count += 1
        else:
            got = ", ".join(sorted(map(str, values))) or "nothing"
            misses.append(f"{item.id}: {item.span!r}: {got}")
    return Share(count, len(gold), misses)


def _components(item: Gold) -> list[dict[str, Any]] | None:
    try:
        value = sentencenorm.parse(item.span, jurisdiction=item.jurisdiction)
    except sentencenorm.SentenceParseError:
        return None
    components: list[dict[str, Any]] = value.to_dict()["components"]
    return components


def sentencenorm_shares(gold: Sequence[Gold]) -> tuple[Share, Share]:
    """sentencenorm's share exactly right (components equal) and under the peers' rule."""
    exact, by_rule = Share(0, len(gold), []), Share(0, len(gold), [])
    for item in gold:
        got = _components(item)
        if got is not None and sorted(map(normal, got)) == sorted(map(normal, item.components)):
            exact.right += 1
        else:
            exact.misses.append(f"{item.id}: {item.span!r}")
        if got is not None and expected(got) == expected(item.components):
            by_rule.right += 1
        else:
            by_rule.misses.append(f"{item.id}: {item.span!r}")
    return exact, by_rule


if __name__ == "__main__":  # python benchmarks/peers.py: each installed peer's misses
    gold = load_gold()
    for peer in PEERS:
        reason = peer.missing()
        if reason:
            print(f"{peer.name}: {reason}")
            continue
        result = share(peer.load(), gold)
        print(f"{peer.name}: {result.note()}")
        print("\n".join(f"  {miss}" for miss in result.misses))
    exact, by_rule = sentencenorm_shares(gold)
    print(f"sentencenorm: {exact.note()} exactly; {by_rule.note()} under the peers' rule")
    print("\n".join(f"  {miss}" for miss in exact.misses))
