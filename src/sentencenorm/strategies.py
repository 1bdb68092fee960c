"""Hypothesis strategies for canonical values, for property-based tests of code that takes or
gives sentences.

Hypothesis is an optional dependency: ``pip install "sentencenorm[hypothesis]"``. Importing
`sentencenorm` never imports it; importing this module does, and registers the model's types
(`Sentence`, `Duration`, `Money`, `Custody` and every other component class) with
`hypothesis.strategies.from_type`. An installed sentencenorm registers them as soon as
Hypothesis is imported, through Hypothesis's ``hypothesis`` entry point (pyproject.toml).

"Canonical" means what `parse` can produce: non-zero durations, amounts with at most two
decimals, the labels of data/labels.toml, counts from 1 up or unknown.

>>> from hypothesis import given, settings
>>> from sentencenorm import parse
>>> @settings(max_examples=20, deadline=None)
... @given(sentences())
... def test_notation_reads_back(value):
...     assert parse(str(value)) == value
>>> test_notation_reads_back()
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Final, cast

from .errors import UnknownLanguageError, UnsupportedError
from .language import languages
from .model import (
    COMPONENT_TYPES,
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
    Duration,
    Fine,
    Forfeiture,
    Modality,
    Money,
    Other,
    Probation,
    Regime,
    Restitution,
    Single,
    SupervisedRelease,
    Suspension,
)
from .model.labels import other_labels
from .sentence import Sentence
from .writing.renderer import STYLES, Style, render


def _hypothesis_setup_hook() -> None:
    """Register the model's types for `hypothesis.strategies.from_type`.

    Hypothesis calls this through the ``hypothesis`` entry point of an installed sentencenorm
    when it is imported; importing this module registers them too. It is defined before the
    import of Hypothesis below: where this module is what imports Hypothesis first, Hypothesis
    calls it while the module is still being run, and it leaves the work to the module's end.
    """
    if "_register" in globals():
        _register()


try:
    from hypothesis import reject
    from hypothesis import strategies as st
except ImportError as error:  # pragma: no cover - exercised in a subprocess
    raise ImportError(
        'sentencenorm.strategies needs Hypothesis: pip install "sentencenorm[hypothesis]"'
    ) from error


__all__ = ["CURRENCIES", "KINDS", "components", "durations", "money", "phrases", "sentences"]

#: The currencies `money()` draws from when given none (English has words for them all).
CURRENCIES: Final[tuple[str, ...]] = ("USD", "GBP", "EUR", "CNY", "INR", "CAD", "AUD", "CHF")
#: The kind names `components()` takes: "custody", "fine", ..., "choice".
KINDS: Final[tuple[str, ...]] = tuple(cls.kind for cls in COMPONENT_TYPES)

_DURATIONS = st.builds(
    Duration.of,
    years=st.integers(0, 99),
    months=st.integers(0, 11),
    days=st.sampled_from([0, 0, 0, 1, 7, 14, 15, 30, 45, 90, 180, 364]),
).filter(lambda d: not d.is_zero())

_AMOUNTS = st.one_of(
    st.integers(1, 10**9).map(Decimal),
    st.integers(100, 10**8).map(lambda cents: Decimal(cents) / 100),
)

_MODALITIES = st.sampled_from([None, *Modality])
_STYLES: tuple[Style, ...] = ("words", "digits")


def durations() -> st.SearchStrategy[Duration]:
    """Non-zero durations: up to 99 years, 11 months and a year's worth of days.

    >>> from hypothesis import given
    >>> @given(durations())
    ... def test_never_zero(length):
    ...     assert not length.is_zero()
    >>> test_never_zero()
    """
    return _DURATIONS


def money(currency: str | None = None) -> st.SearchStrategy[Money]:
    """Positive amounts of at most two decimals, in *currency* (an ISO 4217 code such as
    ``"EUR"``) or, with None, in any of `CURRENCIES`.

    >>> from hypothesis import given
    >>> @given(money("EUR"))
    ... def test_in_euros(amount):
    ...     assert amount.currency == "EUR" and amount.amount > 0
    >>> test_in_euros()
    """
    if currency is None:
        return st.builds(Money, _AMOUNTS, st.sampled_from(CURRENCIES))
    Money(1, currency)  # a code that is not ISO 4217 raises ValueError here, not in a draw
    return _AMOUNTS.map(lambda amount: Money(amount, currency))


@st.composite
def _ordered_durations(draw: st.DrawFn) -> tuple[Duration, Duration]:
    """Two different durations, the first not longer than the second."""
    low = draw(_DURATIONS)
    high = draw(_DURATIONS.filter(lambda d: d != low and low.compare(d) != 1))
    return low, high


def _plain_term(draw: st.DrawFn, shape: str) -> tuple[Duration | None, Duration | None]:
    if shape == "point":
        value = draw(_DURATIONS)
        return value, value
    if shape == "range":
        return draw(_ordered_durations())
    if shape == "at_most":
        return None, draw(_DURATIONS)
    if shape == "at_least":
        return draw(_DURATIONS), None
    return None, None


_PLAIN_SHAPES = ["point", "range", "at_most", "at_least", "none"]


@st.composite
def _plain_terms(draw: st.DrawFn) -> tuple[Duration | None, Duration | None]:
    """(min, max) of every shape a term without life may have."""
    return _plain_term(draw, draw(st.sampled_from(_PLAIN_SHAPES)))


@st.composite
def _life_terms(draw: st.DrawFn) -> tuple[Bound, Bound]:
    """(min, max) of every shape, life among them."""
    shape = draw(st.sampled_from([*_PLAIN_SHAPES, "up_to_life", "life_only", "to_life"]))
    if shape == "up_to_life":
        return None, LIFE
    if shape == "life_only":
        return LIFE, LIFE
    if shape == "to_life":
        return draw(_DURATIONS), LIFE
    return _plain_term(draw, shape)


@st.composite
def _custody(draw: st.DrawFn, *, regimes: bool = False) -> Custody:
    """Custody; with *regimes*, sometimes under a `Regime` (administrative detention), which
    only Chinese writes, so the sentences the writers are held to write leave it out."""
    low, high = draw(_life_terms())
    suspended = draw(st.sampled_from([None, None, "plain", "period"]))
    suspension = None
    if suspended == "plain":
        suspension = Suspension()
    elif suspended == "period":
        suspension = Suspension(draw(_DURATIONS))
    return Custody(
        low,
        high,
        count=draw(st.sampled_from([1, 1, 1, 2, 3, 12, None])),
        aggregation=draw(st.sampled_from([None, None, "consecutive", "concurrent"])),
        suspended=suspension,
        regime=draw(st.sampled_from([None, None, None, *Regime])) if regimes else None,
    )


@st.composite
def _death(draw: st.DrawFn) -> Death:
    suspended = draw(st.booleans())
    reprieve = draw(st.one_of(st.none(), _DURATIONS)) if suspended else None
    return Death(suspended=suspended, reprieve=reprieve)


@st.composite
def _fine(draw: st.DrawFn) -> Fine:
    currency = draw(st.sampled_from(CURRENCIES))
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


#: Labels whose meaning a component now carries, so that English and Chinese write (and
#: read) that component instead: "confiscation of property" is forfeiture all_property
#: (没收个人全部财产). Other languages' readers still give the label; drawn only where every
#: canonical value is.
_SUPERSEDED_LABELS: Final = frozenset({"confiscation of property"})


@st.composite
def _other(draw: st.DrawFn, *, every: bool = False) -> Other:
    """Any label of data/labels.toml (with *every* False, none of `_SUPERSEDED_LABELS`),
    alone or with a quantity of a kind it may state (a count in its own unit)."""
    labels = [
        label for label in other_labels().values() if every or label.name not in _SUPERSEDED_LABELS
    ]
    known = draw(st.sampled_from(labels))
    kind = draw(st.sampled_from([None, *known.quantities]))
    if kind is None:
        return Other(known.name)
    if kind == "length":
        return Other(known.name, draw(_DURATIONS))
    if kind == "amount":
        return Other(known.name, draw(money()))
    assert known.unit is not None
    return Other(known.name, Counted(draw(st.integers(1, 200)), known.unit))


_SINGLES: dict[str, st.SearchStrategy[Any]] = {
    "custody": _custody(),
    "death": _death(),
    "fine": _fine(),
    "restitution": money().map(Restitution),
    "forfeiture": money().map(Forfeiture),
    "probation": _plain_terms().map(lambda pair: Probation(*pair)),
    "supervised_release": _plain_terms().map(lambda pair: SupervisedRelease(*pair)),
    "community_supervision": _plain_terms().map(lambda pair: CommunitySupervision(*pair)),
    "community_service": st.integers(1, 10_000).map(CommunityService),
    "deprivation_of_rights": _life_terms().map(lambda pair: DeprivationOfRights(*pair)),
    "other": _other(),
}
_SINGLE: st.SearchStrategy[Single] = st.one_of(*_SINGLES.values())
#: Every canonical value of each kind, also those only some writers write: custody under a
#: regime, forfeiture with no amount (没收财产) or of all property (没收个人全部财产), restitution
#: with no amount (责令退赔), every label.
_ALL_SINGLES: dict[str, st.SearchStrategy[Any]] = {
    **_SINGLES,
    "custody": _custody(regimes=True),
    "other": _other(every=True),
    "forfeiture": st.one_of(
        money().map(Forfeiture), st.just(Forfeiture()), st.just(Forfeiture(all_property=True))
    ),
    "restitution": st.one_of(money().map(Restitution), st.just(Restitution())),
}


@st.composite
def _choice(draw: st.DrawFn, *, penalties: int) -> Choice:
    """Alternatives: two or three options of up to *penalties* penalties each, or the
    statutes' "A or B, or both". With one penalty each, the options are of different kinds
    (MODEL.md: alternatives of one kind are one range where they can be, and the writers are
    not held to write the others)."""
    option = st.lists(_SINGLE, min_size=1, max_size=penalties).map(tuple)
    unique_by: Any = (lambda option: option[0].kind) if penalties == 1 else (lambda o: o)
    options = draw(st.lists(option, min_size=2, max_size=3, unique_by=unique_by))
    if len(options) == 2 and len(options[0] + options[1]) <= 2 and draw(st.booleans()):
        both = options[0] + options[1]
        if both not in options:
            options.append(both)
    return Choice(options)


_ANY_COMPONENT: st.SearchStrategy[Component] = st.one_of(
    *_ALL_SINGLES.values(), _choice(penalties=3)
)


def components(kind: str | None = None) -> st.SearchStrategy[Component]:
    """Components of *kind* (one of `KINDS`: ``"custody"``, ``"fine"``, ..., ``"choice"``),
    or of any kind with None. Every bound shape (a point, a range, "up to", "at least", none,
    life where the kind has it); alternatives (``"choice"``) of two or three options of up to
    three penalties each.

    Raises:
        ValueError: *kind* is not one of `KINDS`.

    >>> from hypothesis import given
    >>> @given(components("fine"))
    ... def test_fines(fine):
    ...     assert fine.kind == "fine"
    >>> test_fines()
    """
    if kind is None:
        return _ANY_COMPONENT
    if kind == "choice":
        return _choice(penalties=3)
    if kind not in _ALL_SINGLES:
        raise ValueError(f"no component kind {kind!r}: one of {', '.join(KINDS)}")
    return _ALL_SINGLES[kind]


@st.composite
def _written_components(draw: st.DrawFn) -> list[Component]:
    """Up to four penalties, or alternatives with the penalties before them: the phrases
    the writers are held to write. Alternatives closed by ", or both" end a phrase as they
    end a statute's clause; penalties after them are not written (`render` refuses)."""
    found: list[Component] = list(draw(st.lists(_SINGLE, min_size=0, max_size=3)))
    if not found or draw(st.booleans()):
        found.append(draw(_choice(penalties=1)) if draw(st.booleans()) else draw(_SINGLE))
    return found


def sentences(
    modality: Modality | str | None = None, *, written: bool = False
) -> st.SearchStrategy[Sentence]:
    """Sentences of one to three components of any kind, with *modality* (a `Modality` or
    its value, ``"imposed"``...) or, with None, any modality or none.

    With ``written=True``, only the sentences the writers are held to write: up to four
    penalties, alternatives last (options of one penalty each, or both). `render` writes
    them all in English but for some alternatives it refuses (`UnsupportedError`), and in
    the other languages what it has words for; `phrases` draws from them.

    Raises:
        ValueError: *modality* is not a `Modality`.

    >>> from hypothesis import given
    >>> @given(sentences("statutory"))
    ... def test_statutory(value):
    ...     assert value.modality is Modality.STATUTORY and value.components
    >>> test_statutory()
    """
    modalities = _MODALITIES if modality is None else st.just(Modality(modality))
    if written:
        return st.builds(Sentence, components=_written_components(), modality=modalities)
    return st.builds(
        Sentence,
        components=st.lists(_ANY_COMPONENT, min_size=1, max_size=3),
        modality=modalities,
    )


@st.composite
def _phrase(draw: st.DrawFn, lang: str, style: Style | None) -> tuple[str, Sentence]:
    value = draw(sentences(written=True))
    chosen: Style = style if style is not None else draw(st.sampled_from(_STYLES))
    try:
        text = render(value, locale=lang, style=chosen)
    except UnsupportedError:
        reject()  # no words for it in this language: another sentence
    return text, value


def phrases(
    lang: str = "en", style: Style | None = None
) -> st.SearchStrategy[tuple[str, Sentence]]:
    """``(text, value)``: a canonical sentence (`sentences` with ``written=True``) and the
    phrase `render` writes for it in *lang* (one of `sentencenorm.languages()`), with numbers
    in *style* (``"words"``, ``"digits"``, or either with None). ``parse(text, lang=lang)``
    reads *value* back. Sentences the language has no words for are not drawn (the
    notation is never the text).

    Raises:
        UnknownLanguageError: *lang* is not a language sentencenorm writes.
        UnsupportedError: *style* is not ``"words"`` or ``"digits"``.

    >>> from hypothesis import given, settings
    >>> from sentencenorm import parse
    >>> @settings(max_examples=10, deadline=None)
    ... @given(phrases(lang="de", style="digits"))
    ... def test_german_reads_back(phrase):
    ...     text, value = phrase
    ...     assert parse(text, lang="de") == value
    >>> test_german_reads_back()
    """
    if lang not in languages():
        raise UnknownLanguageError(lang, languages())
    if style is not None and style not in STYLES:
        raise UnsupportedError(f"unknown style {style!r}; use one of: {', '.join(STYLES)}")
    return _phrase(lang, style)


def _register() -> None:
    st.register_type_strategy(Duration, durations())
    st.register_type_strategy(Money, money())
    st.register_type_strategy(Sentence, sentences())
    for cls in COMPONENT_TYPES:
        strategy = cast("st.SearchStrategy[Any]", components(cls.kind))
        st.register_type_strategy(cls, strategy)


_register()
