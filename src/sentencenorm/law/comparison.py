"""Comparison: how two sentences order by severity (`sentencenorm.law.severity`).

>>> from sentencenorm import parse
>>> compare(parse("life"), parse("25 years"), jurisdiction="DE").order
<Order.OVERLAPS: 'overlaps'>
>>> compare(parse("life"), parse("25 years"), jurisdiction="DE", basis="max").order
<Order.GREATER: 'greater'>
>>> compare(parse("1 month"), parse("30 days")).order
<Order.INCOMPARABLE: 'incomparable'>
"""

from __future__ import annotations

import enum
from typing import Any, Final, Literal

import attrs

from ..errors import UnsupportedError
from ..model import Composed
from .jurisdictions import Jurisdiction, load
from .severity import Level, Rank, Severity, severity, where_in

__all__ = [
    "BASES",
    "Comparison",
    "Level",
    "Order",
    "Rank",
    "Severity",
    "compare",
    "severity",
]

Basis = Literal["interval", "max", "min"]
#: What `compare` may compare: whole intervals, their upper ends, or their lower ends.
BASES: Final[tuple[str, ...]] = ("interval", "max", "min")


class Order(enum.StrEnum):
    """How two sentences order by severity."""

    LESS = "less"
    EQUAL = "equal"
    GREATER = "greater"
    OVERLAPS = "overlaps"
    INCOMPARABLE = "incomparable"

    def reverse(self) -> Order:
        """The order seen from the other side: LESS and GREATER swap, the rest stay."""
        return {Order.LESS: Order.GREATER, Order.GREATER: Order.LESS}.get(self, self)


@attrs.frozen
class Comparison:
    """The answer of `compare`: the `order`, the `reason` in words, and both severities."""

    order: Order
    reason: str
    basis: str
    left: Severity = attrs.field(repr=False)
    right: Severity = attrs.field(repr=False)

    def to_dict(self) -> dict[str, Any]:
        """The comparison as JSON-ready values: order, reason, basis and both severities."""
        return {
            "order": self.order.value,
            "reason": self.reason,
            "basis": self.basis,
            "left": self.left.to_dict(),
            "right": self.right.to_dict(),
        }

    def __str__(self) -> str:
        return f"{self.order.name}: {self.reason}"


@attrs.frozen
class _Ends:
    """The part of a severity that a basis compares: an interval, or one end as a range."""

    low: Level
    high: Level
    point: bool
    words: str


def _ends(value: Severity, basis: str) -> _Ends:
    assert value.low is not None
    assert value.high is not None
    if basis == "max":
        if value.high_open:
            return _Ends(value.low, value.high, False, "an unstated maximum")
        return _Ends(value.high, value.high, True, f"a maximum of {value.high.words()}")
    if basis == "min":
        if value.low_open:
            return _Ends(value.low, value.high, False, "an unstated minimum")
        return _Ends(value.low, value.low, True, f"a minimum of {value.low.words()}")
    return _Ends(value.low, value.high, value.is_point, value.words())


def _order(first: _Ends, second: _Ends) -> Order:
    """The interval order: LESS/GREATER when disjoint, EQUAL for one same point."""
    if first.point and second.point and first.low == second.low:
        return Order.EQUAL
    if first.high.compare(second.low) == -1:
        return Order.LESS
    if first.low.compare(second.high) == 1:
        return Order.GREATER
    if first.low.compare(second.high) in (-1, 0) and second.low.compare(first.high) in (-1, 0):
        return Order.OVERLAPS
    return Order.INCOMPARABLE


def _name(sentence: Composed) -> str:
    text = getattr(sentence, "text", None)  # the phrase it was read from, when there is one
    return f'"{text}"' if text else f"`{sentence}`"


def compare(
    a: Composed,
    b: Composed,
    *,
    jurisdiction: str | Jurisdiction | None = None,
    basis: Basis | str = "interval",
) -> Comparison:
    """How *a* orders against *b* by severity, in *jurisdiction*, on *basis*.

    ``basis="interval"``: LESS or GREATER only when the intervals are disjoint, EQUAL when
    both are the same point, OVERLAPS when they share part of the axis, INCOMPARABLE when the
    length of a month decides it or a sentence has no place on the axis. ``"max"`` and
    ``"min"`` compare the upper or the lower ends (an unstated end is a range in itself).

    >>> from sentencenorm import parse
    >>> print(compare(parse("six months to 10 years"), parse("life"), jurisdiction="US"))
    ... # doctest: +ELLIPSIS
    LESS: "six months to 10 years" (6 months to 10 years) is less severe than "life" (life)
    in US. "life": A life sentence in US is served for life (18 U.S.C. § 3624(b)(1); ...).
    """
    for value in (a, b):
        if not isinstance(value, Composed):
            raise TypeError(f"compare needs two Sentences (parse the text first): {value!r}")
    if basis not in BASES:
        raise UnsupportedError(f"unknown basis {basis!r}; choose one of {', '.join(BASES)}")
    profile = load(jurisdiction)
    left, right = severity(a, profile), severity(b, profile)
    where = "" if jurisdiction is None else where_in(profile)
    if not left.placed or not right.placed:
        unplaced = [(s, v) for s, v in ((a, left), (b, right)) if not v.placed]
        why = " ".join(f"{_name(s)}: {v.reason}" for s, v in unplaced)
        reason = f"{_name(a)} and {_name(b)} have no common scale. {why}"
        return Comparison(Order.INCOMPARABLE, reason, basis, left, right)
    first, second = _ends(left, basis), _ends(right, basis)
    order = _order(first, second)
    shown_a = f"{_name(a)} ({first.words})"
    shown_b = f"{_name(b)} ({second.words})"
    if order is Order.OVERLAPS:
        head = f"{shown_a} and {shown_b} overlap{where}: either may be the more severe"
    elif order is Order.INCOMPARABLE:
        head = (
            f"{shown_a} and {shown_b} cannot be ordered{where}: a month is 28 to 31 days, "
            "and the answer depends on which"
        )
    else:
        verb = {
            Order.LESS: "is less severe than",
            Order.GREATER: "is more severe than",
            Order.EQUAL: "is exactly as severe as",
        }[order]
        head = f"{shown_a} {verb} {shown_b}{where}"
    if basis != "interval":
        head = f"by {'maximum' if basis == 'max' else 'minimum'}, {head}"
    details = [
        f"{_name(s)}: {v.reason}" for s, v in ((a, left), (b, right)) if v.reason != "As stated."
    ]
    reason = " ".join([head + ".", *dict.fromkeys(details)])
    return Comparison(order, reason, basis, left, right)
