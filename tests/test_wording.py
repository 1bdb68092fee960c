"""Every language with a grammar writes every canonical value in its own words: the gaps.

Issue 15 asks that a language sentencenorm reads say every canonical value, never falling
back to the notation. `probes` takes every kind through every shape it has, and every label
of data/labels.toml alone and with each quantity it may state; tests/wording_gaps/<lang>.txt
lists the probes a language's wording cannot yet say, one a line in the notation. The test
holds each list exact both ways: a new gap fails it, and so does a closed one left on the
list, so the files shrink as languages gain words. Every probe a language does write must
read back.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sentencenorm import (
    LIFE,
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
    Money,
    Other,
    Probation,
    Regime,
    Restitution,
    Sentence,
    SupervisedRelease,
    Suspension,
    UnsupportedError,
    languages,
    parse,
    render,
)
from sentencenorm.model.labels import other_labels

GAPS = Path(__file__).parent / "wording_gaps"

#: The currency each language's courts use, for the probes' amounts.
CURRENCY = {"en": "USD", "zh": "CNY"}


def years(n: int) -> Duration:
    return Duration.of(years=n)


def days(n: int) -> Duration:
    return Duration.of(days=n)


def probes(lang: str) -> list[Sentence]:
    """Every kind in every shape, and every label with every quantity it may state."""
    money = Money(5000, CURRENCY.get(lang, "EUR"))
    more = Money(8000, money.currency)
    terms: list[tuple[Duration | None, Duration | None]] = [
        (years(2), years(2)),
        (years(1), years(3)),
        (None, years(3)),
        (years(2), None),
        (None, None),
    ]
    values: list[Component] = [
        *(Custody(low, high) for low, high in terms),
        Custody(None, LIFE),
        Custody(LIFE, LIFE),
        Custody(years(15), LIFE),
        Custody(years(2), years(2), count=2),
        Custody(None, LIFE, count=3),
        Custody(None, LIFE, count=None),
        Custody(years(2), years(2), count=None),
        Custody(years(2), years(2), aggregation="consecutive"),
        Custody(years(2), years(2), aggregation="concurrent"),
        Custody(years(2), years(2), count=2, aggregation="consecutive"),
        Custody(years(2), years(2), suspended=Suspension()),
        Custody(years(2), years(2), suspended=Suspension(years(3))),
        *(
            Custody(low, high, regime=Regime.ADMINISTRATIVE_DETENTION)
            for low, high in [
                (days(5), days(5)),
                (days(5), days(10)),
                (None, days(5)),
                (None, None),
            ]
        ),
        Death(),
        Death(suspended=True),
        Death(suspended=True, reprieve=years(2)),
        Fine(money, money),
        Fine(money, more),
        Fine(None, money),
        Fine(money, None),
        Fine(),
        Restitution(money),
        Forfeiture(money),
        Forfeiture(),
        Forfeiture(all_property=True),
        *(kind(low, high) for kind in (Probation, SupervisedRelease) for low, high in terms),
        *(CommunitySupervision(low, high) for low, high in terms),
        *(DeprivationOfRights(low, high) for low, high in terms),
        DeprivationOfRights(LIFE, LIFE),
        DeprivationOfRights(None, LIFE),
        CommunityService(100),
    ]
    for label in other_labels().values():
        values.append(Other(label.name))
        if "length" in label.quantities:
            values.append(Other(label.name, Duration.of(months=6)))
        if "amount" in label.quantities:
            values.append(Other(label.name, money))
        if "count" in label.quantities:
            assert label.unit is not None
            values.append(Other(label.name, Counted(12, label.unit)))
    return [Sentence((value,)) for value in values]


def gaps_on_file(lang: str) -> list[str]:
    """The gaps listed for *lang*: every line but comments ("--") and blank ones."""
    path = GAPS / f"{lang}.txt"
    if not path.is_file():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("--")]


@pytest.mark.parametrize("lang", languages())
def test_wording_gaps(lang: str) -> None:
    """The probes a language cannot say are exactly those on file; the rest read back."""
    gaps: list[str] = []
    for value in probes(lang):
        for style in ("words", "digits"):
            try:
                text = render(value, locale=lang, style=style)  # type: ignore[arg-type]
            except UnsupportedError:
                gaps.append(str(value))
                break
            assert parse(text, lang=lang) == value, (style, text)
    on_file = gaps_on_file(lang)
    new = sorted(set(gaps) - set(on_file))
    closed = sorted(set(on_file) - set(gaps))
    assert not new, f"{lang}: new wording gaps (add the words, or list them): {new}"
    assert not closed, f"{lang}: gaps now closed; take them off tests/wording_gaps: {closed}"


def test_gap_files_name_only_languages() -> None:
    assert {path.stem for path in GAPS.glob("*.txt")} <= set(languages())
