"""Hypothesis strategies for canonical values: every kind, every bound shape.

"Canonical" means what `parse` can produce: non-zero durations, amounts with at most two
decimals, labels the English grammar recognizes, counts from 1 up or unknown.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

from sentencenorm import (
    LIFE,
    Choice,
    CommunityService,
    CommunitySupervision,
    Custody,
    Death,
    DeprivationOfRights,
    Duration,
    Fine,
    Forfeiture,
    Modality,
    Money,
    Other,
    Probation,
    Regime,
    Restitution,
    Sentence,
    SupervisedRelease,
    Suspension,
)
from sentencenorm.model import Counted
from sentencenorm.model.labels import other_labels

durations = st.builds(
    Duration.of,
    years=st.integers(0, 99),
    months=st.integers(0, 11),
    days=st.sampled_from([0, 0, 0, 1, 7, 14, 15, 30, 45, 90, 180, 364]),
).filter(lambda d: not d.is_zero())


@st.composite
def ordered_durations(draw: st.DrawFn) -> tuple[Duration, Duration]:
    """Two different durations, the first not longer than the second."""
    low = draw(durations)
    high = draw(durations.filter(lambda d: d != low and low.compare(d) != 1))
    return low, high


@st.composite
def terms(draw: st.DrawFn, *, life: bool) -> tuple[object, object]:
    """(min, max) pairs of every shape the model allows; LIFE only where *life*."""
    shapes = ["point", "range", "at_most", "at_least", "none"]
    if life:
        shapes += ["up_to_life", "life_only", "to_life"]
    shape = draw(st.sampled_from(shapes))
    if shape == "point":
        value = draw(durations)
        return value, value
    if shape == "range":
        return draw(ordered_durations())
    if shape == "at_most":
        return None, draw(durations)
    if shape == "at_least":
        return draw(durations), None
    if shape == "up_to_life":
        return None, LIFE
    if shape == "life_only":
        return LIFE, LIFE
    if shape == "to_life":
        return draw(durations), LIFE
    return None, None


currencies = st.sampled_from(["USD", "GBP", "EUR", "CNY", "INR", "CAD", "AUD", "CHF"])
amounts = st.one_of(
    st.integers(1, 10**9).map(Decimal),
    st.integers(100, 10**8).map(lambda cents: Decimal(cents) / 100),
)


@st.composite
def money(draw: st.DrawFn, currency: str | None = None) -> Money:
    return Money(draw(amounts), currency or draw(currencies))


@st.composite
def custody(draw: st.DrawFn, *, regimes: bool = False) -> Custody:
    """Custody; with *regimes*, sometimes under a `Regime` (administrative detention), which
    only Chinese writes, so the writers' strategies leave it out."""
    low, high = draw(terms(life=True))
    suspended = draw(
        st.sampled_from([None, None, "plain", "period"]),
    )
    suspension = None
    if suspended == "plain":
        suspension = Suspension()
    elif suspended == "period":
        suspension = Suspension(draw(durations))
    return Custody(
        low,  # type: ignore[arg-type]
        high,  # type: ignore[arg-type]
        count=draw(st.sampled_from([1, 1, 1, 2, 3, 12, None])),
        aggregation=draw(st.sampled_from([None, None, "consecutive", "concurrent"])),
        suspended=suspension,
        regime=draw(st.sampled_from([None, None, None, *Regime])) if regimes else None,
    )


@st.composite
def death(draw: st.DrawFn) -> Death:
    suspended = draw(st.booleans())
    reprieve = draw(st.one_of(st.none(), durations)) if suspended else None
    return Death(suspended=suspended, reprieve=reprieve)


@st.composite
def fine(draw: st.DrawFn) -> Fine:
    currency = draw(currencies)
    shape = draw(st.sampled_from(["point", "range", "at_most", "at_least", "none"]))
    if shape == "none":
        return Fine()
    first = draw(money(currency))
    if shape == "point":
        return Fine(first, first)
    if shape == "at_most":
        return Fine(None, first)
    if shape == "at_least":
        return Fine(first, None)
    second = draw(money(currency).filter(lambda m: m.amount > first.amount))
    return Fine(first, second)


def _term_kind(cls: type, *, life: bool = False) -> st.SearchStrategy[object]:
    return terms(life=life).map(lambda pair: cls(*pair))


#: Labels the renderer tests take one by one: some alone, some with a length.
OTHER_LABELS = ["time served", "deportation", "absolute discharge"]
OTHER_LABELS_WITH_LENGTH = [
    "home confinement",
    "house arrest",
    "electronic monitoring",
    "conditional discharge",
    "rehab",
    "license suspension",
    "driving ban",
    "curfew",
    "community order",
]


@st.composite
def other(draw: st.DrawFn) -> Other:
    """Any label of data/labels.toml, alone or with a quantity of a kind it may state (a
    count in its own unit)."""
    known = draw(st.sampled_from(list(other_labels().values())))
    kind = draw(st.sampled_from([None, *known.quantities]))
    if kind is None:
        return Other(known.name)
    if kind == "length":
        return Other(known.name, draw(durations))
    if kind == "amount":
        return Other(known.name, draw(money()))
    assert known.unit is not None
    return Other(known.name, Counted(draw(st.integers(1, 200)), known.unit))


single_components = st.one_of(
    custody(),
    death(),
    fine(),
    money().map(Restitution),
    money().map(Forfeiture),
    _term_kind(Probation),
    _term_kind(SupervisedRelease),
    _term_kind(CommunitySupervision),
    st.integers(1, 10_000).map(CommunityService),
    _term_kind(DeprivationOfRights, life=True),
    other(),
)


@st.composite
def choice(draw: st.DrawFn, *, penalties: int = 1) -> Choice:
    """Alternatives: two or three options of up to *penalties* penalties each, or the
    statutes' "A or B, or both". With one penalty each, the options are of different kinds
    (MODEL.md: alternatives of one kind are one range where they can be, and the writers are
    not held to write the others)."""
    option = st.lists(single_components, min_size=1, max_size=penalties).map(tuple)
    unique_by: Any = (lambda option: option[0].kind) if penalties == 1 else (lambda o: o)
    options = draw(st.lists(option, min_size=2, max_size=3, unique_by=unique_by))
    if len(options) == 2 and len(options[0] + options[1]) <= 2 and draw(st.booleans()):
        both = options[0] + options[1]
        if both not in options:
            options.append(both)
    return Choice(options)


#: Every component: one penalty, or alternatives of one penalty each...
components = st.one_of(single_components, choice())
#: ...and alternatives of several penalties each, which the notation and JSON carry.
any_components = st.one_of(
    single_components, custody(regimes=True), st.just(Forfeiture()), choice(penalties=3)
)

modalities = st.sampled_from([None, *Modality])


@st.composite
def _written_components(draw: st.DrawFn) -> list[Any]:
    """Up to four penalties, or alternatives with the penalties before them: the phrases
    the writers are held to write. Alternatives closed by ", or both" end a phrase as they
    end a statute's clause; penalties after them are not written (`render` refuses)."""
    found = draw(st.lists(single_components, min_size=0, max_size=3))
    if not found or draw(st.booleans()):
        found.append(draw(choice()) if draw(st.booleans()) else draw(single_components))
    return found


sentences = st.builds(Sentence, components=_written_components(), modality=modalities)
#: Sentences of `any_components`: for the notation, JSON and the law layer.
any_sentences = st.builds(
    Sentence,
    components=st.lists(any_components, min_size=1, max_size=3),
    modality=modalities,
)
