"""Exact calendar durations: whole months and whole days.

A sentence is counted in calendar units, so a duration keeps months and days apart and never
converts one into the other: "18 months" equals "1 year 6 months", and "2 weeks" equals
"14 days", but "1 month" is not "30 days". Comparing months with days is a partial order:
where a month's length (28 to 31 days) decides the answer, there is no answer.
"""

from __future__ import annotations

import re
from typing import Final

import attrs

_ISO: Final = re.compile(
    r"P(?!$)(?:(?P<y>\d+)Y)?(?:(?P<m>\d+)M)?(?:(?P<w>\d+)W)?(?:(?P<d>\d+)D)?",
    re.ASCII,
)

#: The shortest and longest calendar month, in days: the only month lengths comparison assumes.
MONTH_DAYS_MIN: Final = 28
MONTH_DAYS_MAX: Final = 31

#: Largest value accepted for months or days: far beyond any sentence, small enough that
#: arithmetic on it stays cheap and every rendering stays short.
LIMIT: Final = 10**6


def _non_negative(_: object, attribute: attrs.Attribute[int], value: int) -> None:
    if type(value) is not int:
        raise TypeError(f"'{attribute.name}' must be an int: {value!r}")
    if not 0 <= value <= LIMIT:
        raise ValueError(f"'{attribute.name}' must be between 0 and {LIMIT}: {value!r}")


@attrs.frozen(order=False)
class Duration:
    """A length of time in whole calendar months and whole days.

    Years fold into months (1 year = 12 months) and weeks into days (1 week = 7 days), so
    each length has exactly one value. Build one with `Duration.of` or `Duration.fromisoformat`.

    >>> Duration.of(years=1, months=6)
    Duration('P1Y6M')
    >>> Duration.of(months=18) == Duration.fromisoformat("P1Y6M")
    True
    >>> Duration.of(weeks=2).isoformat()
    'P14D'
    """

    months: int = attrs.field(default=0, validator=_non_negative)
    days: int = attrs.field(default=0, validator=_non_negative)

    @classmethod
    def of(cls, *, years: int = 0, months: int = 0, weeks: int = 0, days: int = 0) -> Duration:
        """The duration of the given calendar parts, normalized.

        >>> Duration.of(years=2, weeks=1)
        Duration('P2Y7D')
        """
        return cls(months=12 * years + months, days=7 * weeks + days)

    @classmethod
    def fromisoformat(cls, text: str) -> Duration:
        """Read an ISO-8601 duration with calendar parts only (``P1Y6M``, ``P2W``, ``P0D``).

        >>> Duration.fromisoformat("P2W")
        Duration('P14D')
        >>> Duration.fromisoformat("PT5H")
        Traceback (most recent call last):
        ...
        ValueError: not an ISO-8601 duration of years, months, weeks and days: 'PT5H'
        """
        match = _ISO.fullmatch(text) if isinstance(text, str) else None
        if match is None:
            raise ValueError(f"not an ISO-8601 duration of years, months, weeks and days: {text!r}")
        parts = {key: int(value) if value else 0 for key, value in match.groupdict().items()}
        return cls.of(years=parts["y"], months=parts["m"], weeks=parts["w"], days=parts["d"])

    def isoformat(self) -> str:
        """The canonical ISO-8601 form: ``P{y}Y{m}M{d}D`` with zero parts left out.

        >>> Duration(30, 0).isoformat(), Duration(0, 0).isoformat()
        ('P2Y6M', 'P0D')
        """
        years, months = divmod(self.months, 12)
        text = "P"
        if years:
            text += f"{years}Y"
        if months:
            text += f"{months}M"
        if self.days:
            text += f"{self.days}D"
        return text if text != "P" else "P0D"

    @property
    def years(self) -> int:
        """Whole years in the month count (``P1Y6M`` has 1)."""
        return self.months // 12

    def is_zero(self) -> bool:
        """True for the empty duration ``P0D``."""
        return self.months == 0 and self.days == 0

    def day_range(self) -> tuple[int, int]:
        """The fewest and most days this duration can last, a month being 28 to 31 days."""
        return (
            self.months * MONTH_DAYS_MIN + self.days,
            self.months * MONTH_DAYS_MAX + self.days,
        )

    def compare(self, other: Duration) -> int | None:
        """-1, 0 or 1 as *self* is shorter, equal or longer; None when it cannot be told.

        Exact when one duration is at least as long in both months and days. Otherwise each
        month counts as 28 to 31 days and the answer is None where that leaves it open.

        >>> Duration.of(years=1).compare(Duration.of(months=6, days=40))
        1
        >>> Duration.of(months=1).compare(Duration.of(days=30)) is None
        True
        """
        if self == other:
            return 0
        if self.months <= other.months and self.days <= other.days:
            return -1
        if self.months >= other.months and self.days >= other.days:
            return 1
        low, high = self.day_range()
        other_low, other_high = other.day_range()
        if low > other_high:
            return 1
        if high < other_low:
            return -1
        return None

    def __add__(self, other: object) -> Duration:
        if not isinstance(other, Duration):
            return NotImplemented
        return Duration(self.months + other.months, self.days + other.days)

    def __repr__(self) -> str:
        return f"Duration({self.isoformat()!r})"

    def __str__(self) -> str:
        return self.isoformat()
