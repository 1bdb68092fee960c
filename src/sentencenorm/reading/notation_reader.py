"""Reads the canonical notation (``grammar/notation.lark``) back into a `Sentence`.

The read side of `sentencenorm.writing.notation`; the two share only the model.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from lark import Token, Transformer, v_args

from ..model import (
    LIFE,
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
    Money,
    Other,
    Probation,
    Quantity,
    Regime,
    Restitution,
    SupervisedRelease,
    Suspension,
)
from ..model.durations import Duration
from ..sentence import Sentence
from .parts import Reject


def _pos(token: Token) -> int:
    return token.start_pos or 0


def _duration(token: Token) -> Duration:
    try:
        duration = Duration.fromisoformat(token.value)
    except ValueError as exc:
        raise Reject(str(exc), _pos(token)) from None
    if duration.is_zero():  # as in prose ("0 years"): a length of nothing is no penalty
        raise Reject("a term of zero length", _pos(token))
    return duration


def _bound(token: Token | None) -> Bound:
    if token is None:
        return None
    return LIFE if token.type == "LIFE" else _duration(token)


@v_args(inline=True)
class FromNotation(Transformer[Token, Sentence]):
    """Notation tree to `Sentence`; one method per alias."""

    def term_point(self, bound: Token) -> tuple[Bound, Bound]:
        value = _bound(bound)
        return value, value

    def term_range(self, *tokens: Token) -> tuple[Bound, Bound]:
        split = next(i for i, token in enumerate(tokens) if token.type == "RANGE")
        low = tokens[0] if split == 1 else None
        high = tokens[split + 1] if split + 1 < len(tokens) else None
        return _bound(low), _bound(high)

    def money(self, code: Token, amount: Token) -> Money:
        money = Money(Decimal(amount.value), code.value)
        if not money.amount:  # as in prose ("a fine of $0")
            raise Reject("an amount of zero is no penalty", _pos(amount))
        return money

    def money_point(self, money: Money) -> tuple[Money, Money]:
        return money, money

    def money_range(self, *parts: Any) -> tuple[Money | None, Money | None]:
        split = next(i for i, part in enumerate(parts) if isinstance(part, Token))
        low = parts[0] if split == 1 else None
        high = parts[split + 1] if split + 1 < len(parts) else None
        return low, high

    def count(self, number: Token) -> tuple[str, int]:
        return ("count", int(number.value))

    def count_unknown(self) -> tuple[str, None]:
        return ("count", None)

    def suspension(self, _flag: Token, period: Token | None = None) -> Suspension:
        return Suspension(None if period is None else _duration(period))

    def regime(self, name: Token) -> Regime:
        return Regime(name.value)

    def reprieve(self, period: Token) -> tuple[str, Duration]:
        return ("reprieve", _duration(period))

    def custody(self, *parts: Any) -> Custody:
        low: Bound = None
        high: Bound = None
        count: int | None = 1
        aggregation = None
        suspended = None
        regime = None
        for part in parts:
            if isinstance(part, Suspension):
                suspended = part
            elif isinstance(part, Regime):
                regime = part
            elif isinstance(part, Token):
                aggregation = part.value
            elif part[0] == "count":
                count = part[1]
            else:
                low, high = part
        return Custody(
            low, high, count=count, aggregation=aggregation, suspended=suspended, regime=regime
        )

    def death(self, *parts: Any) -> Death:
        suspended = any(isinstance(part, Token) for part in parts)
        reprieve = next((part[1] for part in parts if isinstance(part, tuple)), None)
        return Death(suspended=suspended, reprieve=reprieve)

    def fine(self, term: tuple[Money | None, Money | None] = (None, None)) -> Fine:
        return Fine(*term)

    def restitution(self, money: Money | None = None) -> Restitution:
        return Restitution(money)

    def forfeiture(self, what: Money | Token | None = None) -> Forfeiture:
        if isinstance(what, Token):  # ALL_PROPERTY
            return Forfeiture(all_property=True)
        return Forfeiture(what)

    def probation(self, term: tuple[Any, Any] = (None, None)) -> Probation:
        return Probation(*term)

    def supervised_release(self, term: tuple[Any, Any] = (None, None)) -> SupervisedRelease:
        return SupervisedRelease(*term)

    def community_supervision(self, term: tuple[Any, Any] = (None, None)) -> CommunitySupervision:
        return CommunitySupervision(*term)

    def deprivation_of_rights(self, term: tuple[Any, Any] = (None, None)) -> DeprivationOfRights:
        return DeprivationOfRights(*term)

    def community_service(self, hours: Token) -> CommunityService:
        return CommunityService(int(hours.value[:-1]))

    def other(self, label: Token, quantity: Quantity | None = None) -> Other:
        return Other(json.loads(label.value), quantity)

    def quantity_length(self, length: Token) -> Duration:
        return _duration(length)

    def quantity_money(self, money: Money) -> Money:
        return money

    def quantity_count(self, count: Token, unit: Token) -> Counted:
        value = int(count.value)
        if not value:
            raise Reject("a count of zero is no penalty", _pos(count))
        return Counted(value, unit.value)

    def option(self, *components: Component) -> tuple[Component, ...]:
        return components

    def choice(self, *options: tuple[Component, ...]) -> Choice:
        try:
            return Choice(options)
        except ValueError as exc:  # an option listed twice
            raise Reject(str(exc), 0) from None

    def start(self, *parts: Any) -> Sentence:
        modality = parts[0].value if isinstance(parts[0], Token) else None
        components: list[Component] = [part for part in parts if not isinstance(part, Token)]
        return Sentence(components, modality=modality)
