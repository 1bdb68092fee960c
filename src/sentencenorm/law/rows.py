"""Flat rows for tables: every value of a sentence in fixed, documented columns.

`Sentence.to_row` puts the sentence's ``text``, ``modality`` and ``notation`` in front of the
columns this module fills (`COLUMNS`, in their stable order; the README's "Tables" lists
them); ``sentencenorm parse --format csv`` and ``--to-sqlite`` write them.

How values become columns:

- a length is given as ISO-8601 (``custody_min`` is ``"P6M"``, or ``"life"``) and as numbers:
  days and months, a month counted at 30.4375 days (data/conventions.toml), the arithmetic of
  `sentencenorm.law.bands.in_months` that ``--months`` uses. Life has no number: its flags
  (``custody_min_life``, ``custody_max_life``) say it, and the number columns stay empty;
- money is an exact `decimal.Decimal` amount and its ISO 4217 currency;
- empty (None) means the text did not say, or the sentence has no value of that kind;
- several values of one kind (two custody terms; the options of a choice) share the kind's
  columns: a minimum column holds the least minimum and a maximum column the greatest maximum
  (an unstated bound on either makes that side unstated): the hull, as MODEL.md treats a
  choice. Every other column of the kind holds the value where all of them agree and is empty
  where they do not. ``exact`` is then false, so that such a row is never taken for the whole
  sentence: ``notation`` (and the CLI's ``json`` column) hold it all. ``other`` is the
  exception: it lists every label.

>>> from sentencenorm import parse
>>> row = flatten(parse("84 months in prison followed by two years of supervised release"))
>>> row["custody_max"], row["custody_max_months"], row["supervised_release_max"], row["exact"]
('P7Y', 84.0, 'P2Y', True)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from enum import Enum
from typing import Any, Final, Literal

import attrs

from ..model import (
    LIFE,
    Choice,
    CommunityService,
    CommunitySupervision,
    Component,
    Composed,
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
    Single,
    SupervisedRelease,
)
from ..model.durations import Duration
from .bands import in_days, in_months

__all__ = ["COLUMNS", "LEADING", "MEANING", "Column", "column_names", "flatten"]

#: What a column holds: text, a truth value, a whole number, a real number or an exact amount.
ColumnType = Literal["text", "bool", "int", "real", "decimal"]


@attrs.frozen
class Column:
    """One column of a row: its name, the type of its values and what it means."""

    name: str
    type: ColumnType
    meaning: str


def _present(kind: str, what: str) -> Column:
    return Column(kind, "bool", f"the sentence has {what} (in a choice: in some option)")


def _term(kind: str, what: str, life: bool, numbers: bool) -> list[Column]:
    form = 'ISO-8601 or "life"' if life else "ISO-8601"
    columns = [
        _present(kind, f"a {what}"),
        Column(f"{kind}_min", "text", f"least {what}: {form}"),
        Column(f"{kind}_max", "text", f"greatest {what}: {form}"),
    ]
    if numbers:
        columns += [
            Column(f"{kind}_min_months", "real", f"{kind}_min in months (30.4375 days a month)"),
            Column(f"{kind}_max_months", "real", f"{kind}_max in months"),
        ]
    return columns


#: Sentence.to_row's columns before those of `flatten`.
LEADING: Final = (
    Column("text", "text", "the phrase it was read from"),
    Column("modality", "text", "imposed, potential, statutory, or empty: unsaid"),
    Column("notation", "text", "the whole sentence in canonical notation (parse reads it back)"),
)

#: The columns `flatten` fills, in their stable order.
COLUMNS: Final[tuple[Column, ...]] = (
    Column("choice", "bool", "the sentence holds alternatives; the kind columns span every option"),
    Column(
        "exact",
        "bool",
        "the columns hold the whole sentence: no choice, at most one value of each kind",
    ),
    Column("components", "int", "how many components the sentence has"),
    Column("custody_components", "int", "most custody terms imposed together (0: no custody)"),
    Column("custody_min", "text", 'least custody term: ISO-8601 or "life"'),
    Column("custody_max", "text", 'greatest custody term: ISO-8601 or "life"'),
    Column("custody_min_days", "real", "custody_min in days (a month is 30.4375 days)"),
    Column("custody_max_days", "real", "custody_max in days"),
    Column("custody_min_months", "real", "custody_min in months"),
    Column("custody_max_months", "real", "custody_max in months"),
    Column("custody_min_life", "bool", "the least custody is life"),
    Column("custody_max_life", "bool", "the greatest custody is life"),
    Column("custody_count", "int", "how many such terms (empty: a plural with no number)"),
    Column("custody_aggregation", "text", "consecutive, concurrent, or empty"),
    Column("custody_suspended", "bool", "the custody term is suspended"),
    Column("custody_suspended_period", "text", "the operational period of the suspension"),
    Column("custody_regime", "text", "administrative_detention (行政拘留) or none"),
    Column("death", "bool", "a death sentence (in a choice: in some option)"),
    Column("death_suspended", "bool", "the death sentence is suspended"),
    Column("death_reprieve", "text", "its reprieve, ISO-8601"),
    _present("fine", "a fine"),
    Column("fine_min_amount", "decimal", "least fine, exact"),
    Column("fine_max_amount", "decimal", "greatest fine, exact"),
    Column("fine_currency", "text", "ISO 4217 code of the fine"),
    _present("restitution", "restitution"),
    Column("restitution_amount", "decimal", "restitution, exact"),
    Column("restitution_currency", "text", "its ISO 4217 code"),
    _present("forfeiture", "a forfeiture"),
    Column("forfeiture_amount", "decimal", "forfeiture, exact"),
    Column("forfeiture_currency", "text", "its ISO 4217 code"),
    Column("forfeiture_all_property", "bool", "all the offender's property (没收个人全部财产)"),
    *_term("probation", "probation term", life=False, numbers=True),
    *_term("supervised_release", "supervised release term", life=True, numbers=True),
    *_term("community_supervision", "community supervision term", life=False, numbers=True),
    _present("community_service", "community service"),
    Column("community_service_hours", "int", "hours of community service"),
    *_term("deprivation_of_rights", "deprivation of rights", life=True, numbers=False),
    Column("other", "text", 'other penalties: each label and its quantity, joined by "; "'),
)

#: The columns `Sentence.to_row` adds when asked: months under a convention, a length band.
MEANING: Final = (
    Column("months_min", "real", "least custodial months as --months CONVENTION codes them"),
    Column("months_max", "real", "greatest custodial months (empty: unstated)"),
    Column("band", "text", "the length band of the maximum in --band SCHEME"),
)


def column_names(*, months: bool = False, band: bool = False) -> tuple[str, ...]:
    """The names of `Sentence.to_row`'s columns, in order, with the ones asked for."""
    names = [column.name for column in (*LEADING, *COLUMNS)]
    if months:
        names += ["months_min", "months_max"]
    if band:
        names.append("band")
    return tuple(names)


def flatten(sentence: Composed) -> dict[str, Any]:
    """The `COLUMNS` of a sentence (anything with ``components``), in order."""
    components: Sequence[Component] = sentence.components
    values = list(_singles(components))
    kinds = {value.kind for value in values}
    row: dict[str, Any] = {
        "choice": any(isinstance(part, Choice) for part in components),
        "exact": True,
        "components": len(components),
    }
    most = {kind: _most(components, kind) for kind in {value.kind for value in values}}
    row["exact"] = not row["choice"] and all(
        count <= 1 for kind, count in most.items() if kind != Other.kind
    )
    custody = [value for value in values if isinstance(value, Custody)]
    row["custody_components"] = most.get(Custody.kind, 0)
    row.update(_custody(custody))
    deaths = [value for value in values if isinstance(value, Death)]
    row["death"] = bool(deaths)
    row["death_suspended"] = _agreed(value.suspended for value in deaths)
    row["death_reprieve"] = _iso(_agreed(value.reprieve for value in deaths))
    row.update(_fine([value for value in values if isinstance(value, Fine)]))
    for cls in (Restitution, Forfeiture):
        amounts = [value.amount for value in values if isinstance(value, cls)]
        # An amount unstated (没收财产, forfeiture with no sum) leaves both columns empty.
        stated = [money for money in amounts if money is not None]
        whole = len(stated) == len(amounts)
        currency = _agreed(money.currency for money in stated) if whole else None
        row[f"{cls.kind}_amount"] = _agreed(money.amount for money in stated) if currency else None
        row[f"{cls.kind}_currency"] = currency
    row["forfeiture_all_property"] = _agreed(
        value.all_property for value in values if isinstance(value, Forfeiture)
    )
    for term in (Probation, SupervisedRelease, CommunitySupervision):
        low, high = _hull([value for value in values if isinstance(value, term)])
        row[f"{term.kind}_min"], row[f"{term.kind}_max"] = _iso(low), _iso(high)
        row[f"{term.kind}_min_months"] = _months(low)
        row[f"{term.kind}_max_months"] = _months(high)
    row["community_service_hours"] = _agreed(
        value.hours for value in values if isinstance(value, CommunityService)
    )
    low, high = _hull([value for value in values if isinstance(value, DeprivationOfRights)])
    row["deprivation_of_rights_min"], row["deprivation_of_rights_max"] = _iso(low), _iso(high)
    row["other"] = "; ".join(map(_other, _others(components))) or None
    for kind in _PRESENT:
        row[kind] = kind in kinds
    return {column.name: row[column.name] for column in COLUMNS}


#: The kinds with a column that says whether the sentence has one (custody has
#: custody_components, death its own column, other its labels).
_PRESENT: Final = (
    "fine",
    "restitution",
    "forfeiture",
    "probation",
    "supervised_release",
    "community_supervision",
    "community_service",
    "deprivation_of_rights",
)


def _singles(components: Iterable[Component]) -> Iterator[Single]:
    """Every penalty, those of a choice's options too, in the text's order."""
    for part in components:
        if isinstance(part, Choice):
            for option in part.options:
                yield from option
        else:
            yield part


def _most(components: Iterable[Component], kind: str) -> int:
    """The most penalties of *kind* that one way of the alternatives holds together."""
    total = 0
    for part in components:
        if isinstance(part, Choice):
            total += max(sum(p.kind == kind for p in option) for option in part.options)
        else:
            total += part.kind == kind
    return total


def _others(components: Iterable[Component]) -> list[Other]:
    """Every `Other` in the text's order; one the options of a choice repeat, once."""
    found: list[Other] = []
    for part in components:
        if isinstance(part, Choice):
            options = [p for option in part.options for p in option if isinstance(p, Other)]
            found += [p for p in dict.fromkeys(options) if p not in found]
        elif isinstance(part, Other):
            found.append(part)
    return found


def _agreed(values: Iterable[Any]) -> Any:
    """The one value all of *values* share; None when they differ or there is none."""
    distinct = set(values)
    return distinct.pop() if len(distinct) == 1 else None


_Bound = Duration | Life | None


def _hull(values: Sequence[Any]) -> tuple[_Bound, _Bound]:
    """The least minimum and the greatest maximum of terms (an unstated one wins its side)."""
    if not values:
        return None, None
    lows: list[_Bound] = [value.min for value in values]
    highs: list[_Bound] = [value.max for value in values]
    low: _Bound
    high: _Bound
    if None in lows:
        low = None
    elif all(isinstance(bound, Life) for bound in lows):
        low = LIFE
    else:
        low = min((b for b in lows if isinstance(b, Duration)), key=_order)
    if None in highs:
        high = None
    elif any(isinstance(bound, Life) for bound in highs):
        high = LIFE
    else:
        high = max((b for b in highs if isinstance(b, Duration)), key=_order)
    return low, high


def _order(duration: Duration) -> tuple[Any, int, int]:
    # months at 30.4375 days first; then the parts, so that ties break the same way each time
    return in_months(duration), duration.months, duration.days


def _custody(values: list[Custody]) -> dict[str, Any]:
    low, high = _hull(values)
    suspended = _agreed(value.suspended is not None for value in values)
    periods = (value.suspended.period if value.suspended else None for value in values)
    return {
        "custody_min": _iso(low),
        "custody_max": _iso(high),
        "custody_min_days": _days(low),
        "custody_max_days": _days(high),
        "custody_min_months": _months(low),
        "custody_max_months": _months(high),
        "custody_min_life": isinstance(low, Life) if values else None,
        "custody_max_life": isinstance(high, Life) if values else None,
        "custody_count": _agreed(value.count for value in values),
        "custody_aggregation": _text(_agreed(value.aggregation for value in values)),
        "custody_suspended": suspended,
        "custody_suspended_period": _iso(_agreed(periods)) if suspended else None,
        "custody_regime": _text(_agreed(value.regime for value in values)),
    }


def _fine(values: list[Fine]) -> dict[str, Any]:
    bounds = [money for value in values for money in (value.min, value.max) if money is not None]
    currency = _agreed(money.currency for money in bounds)
    if not values or currency is None:  # no fine, or fines in several currencies
        return {"fine_min_amount": None, "fine_max_amount": None, "fine_currency": None}
    lows: list[Money | None] = [value.min for value in values]
    highs: list[Money | None] = [value.max for value in values]
    low: Decimal | None = None
    high: Decimal | None = None
    if None not in lows:
        low = min(money.amount for money in lows if money is not None)
    if None not in highs:
        high = max(money.amount for money in highs if money is not None)
    return {"fine_min_amount": low, "fine_max_amount": high, "fine_currency": currency}


def _iso(value: _Bound) -> str | None:
    if value is None:
        return None
    return "life" if isinstance(value, Life) else value.isoformat()


def _months(value: _Bound) -> float | None:
    return float(in_months(value)) if isinstance(value, Duration) else None


def _days(value: _Bound) -> float | None:
    return float(in_days(value)) if isinstance(value, Duration) else None


def _text(value: Any) -> str | None:
    if value is None:
        return None
    return str(value.value) if isinstance(value, Enum) else str(value)


def _other(value: Other) -> str:
    return value.label if value.quantity is None else f"{value.label} {value.quantity}"
