"""The labels of `Other` penalties, read from ``data/labels.toml``: one list for every language.

A label names a penalty that has no kind of its own ("driving ban", "caning") and says what
quantity it may state: a length, an amount, or a count of some unit. Readers give only these
labels and writers know a phrase for each, so "Fahrverbot von drei Monaten" and "a three-month
driving ban" are the same `Other`.

>>> ban = other_label("driving ban")
>>> ban.quantities, ban.unit
(('length',), None)
>>> other_label("caning").unit
'strokes'
>>> other_label("parking ticket") is None
True
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Mapping
from typing import Final, Literal, TypeAlias

import attrs

from .._resources import data_dir
from .components import Counted, Quantity
from .durations import Duration
from .values import Money

__all__ = [
    "QUANTITY_KINDS",
    "OtherLabel",
    "QuantityKind",
    "other_label",
    "other_labels",
    "quantity_kind",
]

QuantityKind: TypeAlias = Literal["length", "amount", "count"]
#: What an `Other` may state besides its label.
QUANTITY_KINDS: Final[tuple[QuantityKind, ...]] = ("length", "amount", "count")


@attrs.frozen
class OtherLabel:
    """One label: its name, what it covers, the quantities it may state, a count's unit, and
    whether it is itself a term of custody (words naming custody beside it belong to it)."""

    name: str
    what: str
    quantities: tuple[QuantityKind, ...] = ()
    unit: str | None = None
    custodial: bool = False

    def allows(self, quantity: Quantity | None) -> bool:
        """Whether this label may state *quantity* (None, a label alone, always may).

        >>> other_label("costs").allows(Duration.of(months=6))
        False
        """
        if quantity is None:
            return True
        return quantity_kind(quantity) in self.quantities and (
            not isinstance(quantity, Counted) or quantity.unit == self.unit
        )


def quantity_kind(quantity: Quantity) -> QuantityKind:
    """ "length", "amount" or "count"."""
    if isinstance(quantity, Duration):
        return "length"
    if isinstance(quantity, Money):
        return "amount"
    return "count"


@functools.cache
def other_labels() -> Mapping[str, OtherLabel]:
    """Every label, by name, in the order of the data file."""
    raw = tomllib.loads((data_dir() / "labels.toml").read_text("utf-8"))
    labels: dict[str, OtherLabel] = {}
    for name, table in raw.items():
        kinds = tuple(table.get("quantity", ()))
        unknown = set(kinds) - set(QUANTITY_KINDS)
        if unknown or ("count" in kinds) != ("unit" in table):
            raise ValueError(f"labels.toml: label {name!r} has a bad quantity: {table!r}")
        custodial = table.get("custodial", False)
        if not isinstance(custodial, bool):
            raise ValueError(f"labels.toml: label {name!r} has a bad custodial: {custodial!r}")
        labels[name] = OtherLabel(name, table["what"], kinds, table.get("unit"), custodial)
    return labels


def other_label(name: str) -> OtherLabel | None:
    """The label called *name*; None if there is none."""
    return other_labels().get(name)
