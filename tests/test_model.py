"""The canonical model: validators enforce one spelling per meaning."""

from __future__ import annotations

from decimal import Decimal

import pytest

from sentencenorm import (
    LIFE,
    CommunityService,
    Custody,
    Death,
    DeprivationOfRights,
    Duration,
    Fine,
    Modality,
    Money,
    Other,
    Probation,
    Sentence,
    Suspension,
)

Y = Duration.of


def test_min_above_max_is_rejected() -> None:
    """A term whose minimum is longer than its maximum is not a term."""
    with pytest.raises(ValueError, match="longer than the maximum"):
        Custody(Y(years=10), Y(months=6))


def test_incomparable_bounds_are_allowed() -> None:
    """1 month to 30 days cannot be ordered, so it is not rejected either."""
    assert Custody(Y(months=1), Y(days=30)).max == Y(days=30)


def test_life_as_a_lone_minimum_is_rejected() -> None:
    """LIFE may be the maximum, or both bounds, never the minimum alone."""
    with pytest.raises(ValueError, match="minimum is life"):
        Custody(LIFE, None)
    with pytest.raises(ValueError, match="minimum is life"):
        Custody(LIFE, Y(years=20))
    assert Custody(LIFE, LIFE).min is LIFE
    assert Custody(Y(years=25), LIFE).max is LIFE


def test_life_is_not_a_probation_term() -> None:
    """Probation, supervised release and community supervision have no life term."""
    with pytest.raises(TypeError, match="Duration or None"):
        Probation(None, LIFE)  # type: ignore[arg-type]


def test_deprivation_of_rights_may_be_for_life() -> None:
    """剥夺政治权利终身 is life..life."""
    assert DeprivationOfRights(LIFE, LIFE).min is LIFE


def test_count_must_be_positive_or_unknown() -> None:
    """A count is a whole number of terms from 1, or None for an unnumbered plural."""
    assert Custody(None, LIFE, count=None).count is None
    for bad in (0, -1, 2.0, True):
        with pytest.raises(ValueError, match="'count'"):
            Custody(None, LIFE, count=bad)  # type: ignore[arg-type]


def test_aggregation_accepts_its_plain_value() -> None:
    """aggregation="consecutive" is converted to the enum; junk is rejected."""
    assert Custody(None, LIFE, aggregation="consecutive").aggregation == "consecutive"  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="sideways"):
        Custody(None, LIFE, aggregation="sideways")  # type: ignore[arg-type]


def test_death_with_reprieve_is_suspended() -> None:
    """A reprieve only exists on a suspended death sentence."""
    with pytest.raises(ValueError, match="suspended"):
        Death(suspended=False, reprieve=Y(years=2))
    assert Death(True, Y(years=2)).reprieve == Y(years=2)


def test_money_is_exact_and_canonical() -> None:
    """200.00 and 200 are one amount with one spelling; currencies are ISO 4217 codes."""
    assert Money(Decimal("200.00"), "USD") == Money(200, "USD")
    assert str(Money(Decimal("2E+2"), "USD").amount) == "200"
    assert str(Money("1.50", "GBP").amount) == "1.5"
    with pytest.raises(ValueError, match="ISO 4217"):
        Money(5, "usd")
    with pytest.raises(ValueError, match="finite"):
        Money(Decimal("-1"), "USD")
    with pytest.raises(ValueError, match="finite"):
        Money(Decimal("NaN"), "USD")


def test_fine_bounds_share_a_currency_and_order() -> None:
    """A fine from $5 to £10 or from $10 to $5 is not one fine."""
    with pytest.raises(ValueError, match="one currency"):
        Fine(Money(5, "USD"), Money(10, "GBP"))
    with pytest.raises(ValueError, match="more than the maximum"):
        Fine(Money(10, "USD"), Money(5, "USD"))
    assert Fine() == Fine(None, None)


def test_community_service_hours_are_whole_and_positive() -> None:
    """Zero hours is no community service."""
    with pytest.raises(ValueError, match="'hours'"):
        CommunityService(0)


def test_other_label_is_one_clean_line() -> None:
    """Labels are single-spaced text, never empty."""
    with pytest.raises(ValueError, match="'label'"):
        Other("  ")
    with pytest.raises(ValueError, match="'label'"):
        Other("time  served")


def test_sentence_needs_components_and_ignores_text_in_equality() -> None:
    """The source text is provenance: equal meanings are equal sentences."""
    with pytest.raises(ValueError, match="at least one"):
        Sentence([])
    a = Sentence([Custody(Y(years=1), Y(years=1))], text="one year")
    b = Sentence([Custody(Y(months=12), Y(months=12))], text="12 months")
    assert a == b
    assert hash(a) == hash(b)
    assert Sentence([Death()], modality="imposed").modality is Modality.IMPOSED


def test_values_are_frozen() -> None:
    """Canonical values cannot be changed after they are built."""
    value = Custody(Y(years=1), Y(years=2), suspended=Suspension())
    with pytest.raises(AttributeError):
        value.count = 2  # type: ignore[misc]
