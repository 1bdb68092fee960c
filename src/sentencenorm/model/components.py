"""The components of a sentence: what each kind of penalty holds (MODEL.md, "Components").

Every type is a frozen attrs class: immutable, hashable, compared by value. `None` always
means "the text did not say", never zero. Validators reject values that are not canonical,
so two equal meanings are always equal objects.

>>> Custody(min=Duration.of(months=6), max=Duration.of(years=10))  # doctest: +ELLIPSIS
Custody(min=Duration('P6M'), max=Duration('P10Y'), count=1, aggregation=None, suspended=None, ...)
>>> from sentencenorm.model import LIFE
>>> Custody(min=LIFE, max=None)
Traceback (most recent call last):
...
ValueError: a term whose minimum is life must have life as its maximum (got None)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar, Final, Protocol, TypeAlias, runtime_checkable

import attrs

from .durations import Duration
from .values import Aggregation, Bound, Life, Modality, Money, Regime

__all__ = [
    "COMPONENT_TYPES",
    "SINGLE_TYPES",
    "Choice",
    "CommunityService",
    "CommunitySupervision",
    "Component",
    "Composed",
    "Counted",
    "Custody",
    "Death",
    "DeprivationOfRights",
    "Fine",
    "Forfeiture",
    "Options",
    "Other",
    "Probation",
    "Quantity",
    "Restitution",
    "Single",
    "SupervisedRelease",
    "Suspension",
    "expansions",
    "plain_length",
]


def _nonzero(name: str, value: Duration | None) -> None:
    """A length the text states is never zero: "0 years" is no penalty, and None says unstated."""
    if value is not None and value.is_zero():
        raise ValueError(f"'{name}' is a length of zero; an unstated length is None")


def _check_term(instance: Any, allow_life: bool) -> None:
    """min <= max where both are known; LIFE only at the top, and only where allowed."""
    low, high = instance.min, instance.max
    for name, bound in (("min", low), ("max", high)):
        if bound is None:
            continue
        if isinstance(bound, Duration):
            _nonzero(name, bound)
            continue
        if isinstance(bound, Life) and allow_life:
            continue
        kinds = "a Duration, LIFE or None" if allow_life else "a Duration or None"
        raise TypeError(f"'{name}' must be {kinds}: {bound!r}")
    if isinstance(low, Life) and not isinstance(high, Life):
        raise ValueError(
            f"a term whose minimum is life must have life as its maximum (got {high!r})"
        )
    if isinstance(low, Duration) and isinstance(high, Duration) and low.compare(high) == 1:
        raise ValueError(f"the minimum {low} is longer than the maximum {high}")


@attrs.frozen
class Suspension:
    """A custodial term suspended, with its operational (probation) period when stated."""

    period: Duration | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Duration))
    )

    def __attrs_post_init__(self) -> None:
        _nonzero("period", self.period)


def _count(_: object, attribute: attrs.Attribute[Any], value: int | None) -> None:
    if value is None:
        return
    if type(value) is not int or not 1 <= value <= 10_000:
        raise ValueError(
            f"'{attribute.name}' must be a whole number from 1 to 10000 or None: {value!r}"
        )


@attrs.frozen
class Custody:
    """Imprisonment, jail, detention: a term from `min` to `max`.

    `count` is how many such terms (None: a plural with no number, "life sentences");
    `aggregation` says whether several terms run consecutively or concurrently; `suspended`
    is None, or a `Suspension` when the term is suspended; `regime` is None for ordinary
    criminal custody, or the `Regime` it is served under (administrative detention, 行政拘留).
    """

    kind: ClassVar[str] = "custody"

    min: Bound = None
    max: Bound = None
    count: int | None = attrs.field(default=1, validator=_count)
    aggregation: Aggregation | None = attrs.field(
        default=None,
        converter=attrs.converters.optional(Aggregation),
    )
    suspended: Suspension | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Suspension))
    )
    regime: Regime | None = attrs.field(
        default=None,
        converter=attrs.converters.optional(Regime),
    )

    def __attrs_post_init__(self) -> None:
        _check_term(self, allow_life=True)


@attrs.frozen
class Death:
    """The death penalty; `suspended` for a suspended death sentence (死缓) with its reprieve."""

    kind: ClassVar[str] = "death"

    suspended: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))
    reprieve: Duration | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Duration))
    )

    def __attrs_post_init__(self) -> None:
        _nonzero("reprieve", self.reprieve)
        if self.reprieve is not None and not self.suspended:
            raise ValueError("a death sentence with a reprieve is a suspended death sentence")


def _penalty_amount(name: str, value: Money) -> None:
    """An amount a penalty states is more than zero ("fined $0" is no fine)."""
    if not value.amount:
        raise ValueError(f"'{name}' is an amount of zero; an unstated amount is None")


def _money_range(instance: Fine) -> None:
    low, high = instance.min, instance.max
    for name, bound in (("min", low), ("max", high)):
        if bound is not None and not isinstance(bound, Money):
            raise TypeError(f"'{name}' must be Money or None: {bound!r}")
        if bound is not None:
            _penalty_amount(name, bound)
    if low is not None and high is not None:
        if low.currency != high.currency:
            raise ValueError(f"a fine's bounds must share one currency: {low} and {high}")
        if low.amount > high.amount:
            raise ValueError(f"the minimum fine {low} is more than the maximum {high}")


@attrs.frozen
class Fine:
    """A fine from `min` to `max` ("fined $5,000": both; "up to $250,000": max only)."""

    kind: ClassVar[str] = "fine"

    min: Money | None = None
    max: Money | None = None

    def __attrs_post_init__(self) -> None:
        _money_range(self)


@attrs.frozen
class Restitution:
    """Money the offender must pay back to victims; `amount` None when the text states none
    ("concurrent custodial sentences and restitution", the corpus README's restitution with
    amount null).

    >>> Restitution()
    Restitution(amount=None)
    """

    kind: ClassVar[str] = "restitution"

    amount: Money | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Money))
    )

    def __attrs_post_init__(self) -> None:
        if self.amount is not None:
            _penalty_amount("amount", self.amount)


@attrs.frozen
class Forfeiture:
    """Money or property the offender forfeits to the state; `amount` None when the text
    states none ("并处没收财产", the corpus README's forfeiture with amount null);
    `all_property` True when all the offender's property is forfeited ("并处没收个人全部财产",
    Criminal Law art. 59), which states no amount of its own.

    >>> Forfeiture(all_property=True)
    Forfeiture(amount=None, all_property=True)
    >>> Forfeiture(Money("5000", "CNY"), all_property=True)
    Traceback (most recent call last):
    ...
    ValueError: a forfeiture of all property states no amount
    """

    kind: ClassVar[str] = "forfeiture"

    amount: Money | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Money))
    )
    all_property: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))

    def __attrs_post_init__(self) -> None:
        if self.amount is not None:
            _penalty_amount("amount", self.amount)
            if self.all_property:
                raise ValueError("a forfeiture of all property states no amount")


@attrs.frozen
class Probation:
    """A term of probation (life is not a probation term)."""

    kind: ClassVar[str] = "probation"

    min: Duration | None = None
    max: Duration | None = None

    def __attrs_post_init__(self) -> None:
        _check_term(self, allow_life=False)


@attrs.frozen
class SupervisedRelease:
    """Supervision after release from custody (US supervised release, post-release supervision).

    Life is allowed at the top, as in custody: 18 U.S.C. § 3583(k) authorizes supervised
    release for any term of years or life, and federal courts impose "a lifetime term of
    supervised release" (tests/corpus/README.md; a deviation from MODEL.md, which allows life
    only in custody and deprivation of rights).
    """

    kind: ClassVar[str] = "supervised_release"

    min: Bound = None
    max: Bound = None

    def __attrs_post_init__(self) -> None:
        _check_term(self, allow_life=True)


@attrs.frozen
class CommunitySupervision:
    """Supervision in the community instead of custody (Texas community supervision, 管制)."""

    kind: ClassVar[str] = "community_supervision"

    min: Duration | None = None
    max: Duration | None = None

    def __attrs_post_init__(self) -> None:
        _check_term(self, allow_life=False)


@attrs.frozen
class CommunityService:
    """Hours of unpaid work in the community."""

    kind: ClassVar[str] = "community_service"

    hours: int = attrs.field()

    @hours.validator
    def _whole_hours(self, attribute: attrs.Attribute[int], value: int) -> None:
        if type(value) is not int or not 1 <= value <= 1_000_000:
            raise ValueError(f"'hours' must be a whole number from 1 to 1000000: {value!r}")


@attrs.frozen
class DeprivationOfRights:
    """Loss of political or civil rights for a term, or for life (剥夺政治权利终身)."""

    kind: ClassVar[str] = "deprivation_of_rights"

    min: Bound = None
    max: Bound = None

    def __attrs_post_init__(self) -> None:
        _check_term(self, allow_life=True)


@attrs.frozen
class Counted:
    """A number of things a penalty states that are no length nor amount: "12 strokes",
    "74 lashes", "20 days" of rehabilitation activity."""

    value: int = attrs.field()
    unit: str = attrs.field()

    @value.validator
    def _whole(self, attribute: attrs.Attribute[int], value: int) -> None:
        if type(value) is not int or not 1 <= value <= 1_000_000:
            raise ValueError(f"a count must be a whole number from 1 to 1000000: {value!r}")

    @unit.validator
    def _word(self, attribute: attrs.Attribute[str], value: str) -> None:
        if not (isinstance(value, str) and value.isalpha() and value.islower()):
            raise ValueError(f"a count's unit is one lower-case word such as 'strokes': {value!r}")

    def __str__(self) -> str:
        return f"{self.value} {self.unit}"


#: What an `Other` states besides its name: a length, an amount, or a count of things.
Quantity: TypeAlias = Duration | Money | Counted


def _quantity(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if not isinstance(value, Duration | Money | Counted):
        raise TypeError(f"'quantity' must be a Duration, Money, Counted or None: {value!r}")
    if isinstance(value, Duration):
        _nonzero("quantity", value)
    if isinstance(value, Money):
        _penalty_amount("quantity", value)


@attrs.frozen
class Other:
    """A recognized penalty without its own kind: its `label` ("time served", "driving ban")
    and the `quantity` it states, if any ("6 months", "USD 250", "12 strokes")."""

    kind: ClassVar[str] = "other"

    label: str = attrs.field()
    quantity: Quantity | None = attrs.field(default=None, validator=_quantity)

    @label.validator
    def _one_line(self, attribute: attrs.Attribute[str], value: str) -> None:
        if not isinstance(value, str) or not value.strip() or value != " ".join(value.split()):
            raise ValueError(
                f"'label' must be non-empty text on one line, single-spaced: {value!r}"
            )


def plain_length(value: Duration) -> str:
    """A length in plain English words for messages: "1 year 6 months", "15 days".

    >>> plain_length(Duration.of(months=18))
    '1 year 6 months'
    """
    parts = []
    for amount, unit in ((value.years, "year"), (value.months % 12, "month"), (value.days, "day")):
        if amount:
            parts.append(f"{amount} {unit}{'' if amount == 1 else 's'}")
    return " ".join(parts) or "0 days"


#: A component that is one penalty (every kind but `Choice`).
Single: TypeAlias = (
    Custody
    | Death
    | Fine
    | Restitution
    | Forfeiture
    | Probation
    | SupervisedRelease
    | CommunitySupervision
    | CommunityService
    | DeprivationOfRights
    | Other
)

#: Every class of one penalty, in the order MODEL.md lists the kinds.
SINGLE_TYPES: Final[tuple[type[Single], ...]] = (
    Custody,
    Death,
    Fine,
    Restitution,
    Forfeiture,
    Probation,
    SupervisedRelease,
    CommunitySupervision,
    CommunityService,
    DeprivationOfRights,
    Other,
)

#: A choice's options: each a tuple of penalties.
Options: TypeAlias = tuple[tuple[Single, ...], ...]

#: Most options one choice may hold, and most penalties one option: far beyond any statute
#: ("A, B, or both" has three), small enough that hostile input costs little.
MAX_OPTIONS: Final = 16


def _options(value: object) -> Options:
    """The options as tuples (a list of lists from code or JSON is accepted)."""
    if not isinstance(value, list | tuple):
        raise TypeError(f"'options' must be a list of options, each a list of penalties: {value!r}")
    return tuple(tuple(option) if isinstance(option, list | tuple) else option for option in value)


def _check_options(
    instance: Choice, attribute: attrs.Attribute[Any], value: tuple[Any, ...]
) -> None:
    if not 2 <= len(value) <= MAX_OPTIONS:
        raise ValueError(f"a choice has from 2 to {MAX_OPTIONS} options, not {len(value)}")
    for index, option in enumerate(value):
        if not isinstance(option, tuple) or not 1 <= len(option) <= MAX_OPTIONS:
            raise ValueError(
                f"option {index} must hold from 1 to {MAX_OPTIONS} penalties: {option!r}"
            )
        for penalty in option:
            if not isinstance(penalty, SINGLE_TYPES):
                raise TypeError(
                    f"option {index} holds {penalty!r}: an option's penalties are components "
                    "of one kind each (no choice inside a choice)"
                )
    if len(set(value)) != len(value):
        raise ValueError("a choice lists each option once")


@attrs.frozen
class Choice:
    """Alternatives: "up to 5 years, a $250,000 fine, or both" is one of its `options`, each
    a tuple of penalties (MODEL.md: "or" is never "and"). The options keep the text's order.

    >>> Choice([[Custody(max=Duration.of(years=5))], [Fine(max=Money(250000, "USD"))]]).kinds
    ('custody', 'fine')
    """

    kind: ClassVar[str] = "choice"

    options: Options = attrs.field(converter=_options, validator=_check_options)

    @property
    def kinds(self) -> tuple[str, ...]:
        """The kinds its options name, each once, in order."""
        return tuple(dict.fromkeys(p.kind for option in self.options for p in option))


Component: TypeAlias = Single | Choice


def expansions(components: Sequence[Component]) -> list[tuple[Single, ...]]:
    """Every way the alternatives among *components* can turn out: each `Choice` replaced
    by one of its options, in the text's order (one way where there is no choice).

    >>> fine, prison = Fine(max=Money(500, "USD")), Custody(max=Duration.of(years=1))
    >>> [len(way) for way in expansions([Choice([[fine], [prison], [fine, prison]])])]
    [1, 1, 2]
    """
    ways: list[tuple[Single, ...]] = [()]
    for component in components:
        if isinstance(component, Choice):
            ways = [way + option for way in ways for option in component.options]
        else:
            ways = [(*way, component) for way in ways]
    return ways


#: Every component class, in the order MODEL.md lists the kinds.
COMPONENT_TYPES: Final[tuple[type[Component], ...]] = (*SINGLE_TYPES, Choice)


@runtime_checkable
class Composed(Protocol):
    """What the law and writing layers ask of a sentence: its components and its modality.

    `sentencenorm.Sentence` is one; those layers name this instead of it, so that they never
    import the class that imports them.
    """

    @property
    def components(self) -> tuple[Component, ...]: ...

    @property
    def modality(self) -> Modality | None: ...
