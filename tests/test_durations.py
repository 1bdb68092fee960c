"""Duration: exact months and days, ISO-8601 in and out, a partial order."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sentencenorm import Duration


@pytest.mark.parametrize(
    ("iso", "months", "days"),
    [("P1Y6M", 18, 0), ("P14D", 0, 14), ("P2W", 0, 14), ("P0D", 0, 0), ("P1Y1D", 12, 1)],
)
def test_fromisoformat_reads_calendar_parts(iso: str, months: int, days: int) -> None:
    """Years fold into months and weeks into days."""
    assert Duration.fromisoformat(iso) == Duration(months, days)


@pytest.mark.parametrize("bad", ["", "P", "PT5H", "P1.5Y", "1Y", "P1Y2", "p1y", "P-1Y"])
def test_fromisoformat_rejects_what_is_not_a_calendar_duration(bad: str) -> None:
    """Time parts, fractions and junk are errors, not guesses."""
    with pytest.raises(ValueError, match="ISO-8601"):
        Duration.fromisoformat(bad)


def test_isoformat_is_canonical() -> None:
    """Zero parts are left out; the empty duration is P0D."""
    assert Duration(30, 0).isoformat() == "P2Y6M"
    assert Duration(0, 0).isoformat() == "P0D"
    assert Duration(12, 3).isoformat() == "P1Y3D"


@given(st.integers(0, 5000), st.integers(0, 5000))
def test_iso_round_trip(months: int, days: int) -> None:
    """fromisoformat(isoformat(d)) == d for every duration."""
    value = Duration(months, days)
    assert Duration.fromisoformat(value.isoformat()) == value


def test_validators_reject_negative_and_non_integer_parts() -> None:
    """Only whole, non-negative parts make a duration."""
    with pytest.raises(ValueError, match="'months'"):
        Duration(-1, 0)
    with pytest.raises(TypeError, match="'days'"):
        Duration(0, 1.5)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("P1Y", "P1Y", 0),
        ("P1Y", "P11M", 1),
        ("P1M", "P30D", None),  # a month is 28 to 31 days: no answer
        ("P1M", "P27D", 1),
        ("P1M", "P32D", -1),
        ("P1Y", "P6M40D", 1),
        ("P2M", "P1M29D", None),
    ],
)
def test_compare_is_a_partial_order(a: str, b: str, expected: int | None) -> None:
    """Months against days are compared only where every month length agrees."""
    left, right = Duration.fromisoformat(a), Duration.fromisoformat(b)
    assert left.compare(right) == expected
    assert right.compare(left) == (None if expected is None else -expected)


def test_no_total_ordering_is_offered() -> None:
    """Durations do not support < so that nobody orders months against days by accident."""
    with pytest.raises(TypeError):
        _ = Duration(1, 0) < Duration(0, 30)  # type: ignore[operator]


def test_unpickled_durations_are_shared_and_the_table_stays_bounded() -> None:
    """A duration unpickled twice is one object (values from workers share their lengths);
    the table of shared durations never holds more than DURATIONS_KEPT."""
    import pickle

    from sentencenorm.model import pickling

    lengths = [Duration(months=months, days=3) for months in range(pickling.DURATIONS_KEPT + 10)]
    again = pickle.loads(pickle.dumps(lengths))
    assert again == lengths
    assert pickle.loads(pickle.dumps(lengths[-1])) is again[-1]
    assert len(pickling._DURATIONS) <= pickling.DURATIONS_KEPT
