"""The model's plain values: life, modality, aggregation and money.

Every type is a frozen attrs class or an enum: immutable, hashable, compared by value.
"""

from __future__ import annotations

import decimal
import enum
from decimal import Decimal
from typing import Final, TypeAlias

import attrs

from .durations import Duration

__all__ = [
    "EXACT",
    "LIFE",
    "MONEY_DIGITS",
    "Aggregation",
    "Bound",
    "Life",
    "Modality",
    "Money",
    "Regime",
]


@attrs.frozen(repr=False)
class Life:
    """The open top of the custody scale: a sentence for the rest of the offender's life."""

    def __repr__(self) -> str:
        return "LIFE"

    def __str__(self) -> str:
        return "life"

    def __reduce__(self) -> str:
        # Unpickled (e.g. from a worker process) as the one LIFE, so `is LIFE` stays true.
        return "LIFE"


LIFE: Final = Life()

#: A bound of a term: a `Duration`, `LIFE`, or None when the text leaves it unstated.
Bound: TypeAlias = Duration | Life | None


class Modality(enum.StrEnum):
    """What the phrase says about the sentence: handed down, threatened, or in the statute."""

    IMPOSED = "imposed"
    POTENTIAL = "potential"
    STATUTORY = "statutory"


class Aggregation(enum.StrEnum):
    """How several terms of one custody component are served."""

    CONSECUTIVE = "consecutive"
    CONCURRENT = "concurrent"


class Regime(enum.StrEnum):
    """Where or under what law a custodial term is served, when the phrase says it is not
    ordinary criminal custody (MODEL.md, custody ``regime``; None: ordinary, or unsaid).

    Administrative detention is the police's penalty for public-order offences (China:
    行政拘留 / 治安拘留, Public Security Administration Punishments Law art. 10, 1 to 15 days,
    art. 16 up to 20 days for several): a term of custody in days, not a criminal sentence.
    MODEL.md names other regimes (prison, jail, detention, home confinement) that no reader
    tells apart yet; each joins this enum when one does.
    """

    ADMINISTRATIVE_DETENTION = "administrative_detention"


#: Significant digits an amount of money may have: decimal's default precision, far beyond
#: any real amount. More is refused, never rounded (a wrong amount is worse than none).
MONEY_DIGITS: Final = 28
#: Decimal arithmetic that never rounds an amount as written (a phrase has at most 2,000
#: characters, so 4,000 digits hold any product); the model then refuses what it cannot hold.
EXACT: Final = decimal.Context(prec=4000, Emax=decimal.MAX_EMAX, Emin=decimal.MIN_EMIN)


def _canonical_amount(value: Decimal | int | str) -> Decimal:
    try:
        amount = Decimal(value) if not isinstance(value, Decimal) else value
    except (ArithmeticError, ValueError, TypeError):
        raise ValueError(f"not an amount of money: {value!r}") from None
    if not amount.is_finite() or amount < 0:
        raise ValueError(f"an amount of money must be a finite number of at least 0: {value!r}")
    if amount.adjusted() >= MONEY_DIGITS:
        raise ValueError(f"an amount of money has at most {MONEY_DIGITS} digits: {value}")
    if amount and amount.adjusted() < -MONEY_DIGITS:  # "1e-999999999" would be a 1 GB string
        raise ValueError(f"an amount of money has at most {MONEY_DIGITS} decimals: {value}")
    # One spelling per amount: no exponent, no trailing zeros ("200.00" and "2E+2" are 200).
    if amount == amount.to_integral_value(context=EXACT):
        canonical = amount.quantize(Decimal(1), context=EXACT)
    else:
        canonical = amount.normalize(EXACT)
    if len(canonical.as_tuple().digits) > MONEY_DIGITS:
        raise ValueError(
            f"an amount of money has at most {MONEY_DIGITS} significant digits: {value}"
        )
    return canonical


@attrs.frozen(order=False)
class Money:
    """An exact amount in an ISO 4217 currency.

    >>> Money("1200000.00", "USD")
    Money('1200000', 'USD')
    """

    amount: Decimal = attrs.field(converter=_canonical_amount)
    currency: str = attrs.field()

    @currency.validator
    def _iso_4217(self, attribute: attrs.Attribute[str], value: str) -> None:
        if not (isinstance(value, str) and len(value) == 3 and value.isascii() and value.isupper()):
            raise ValueError(f"'currency' must be an ISO 4217 code such as 'USD': {value!r}")

    def __repr__(self) -> str:
        return f"Money({str(self.amount)!r}, {self.currency!r})"

    def __str__(self) -> str:
        return f"{self.currency} {self.amount}"
