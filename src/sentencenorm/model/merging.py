"""When two neighbouring parts of a phrase mean one component: the questions both sides ask.

The reader (`sentencenorm.reading.rules`) folds neighbouring items into one component by
these rules; the writer (`sentencenorm.writing.renderer`) must know when its output would be
folded, so that it keeps apart what is apart. Both ask this module, so they cannot drift.

A `Span` is a term as a phrase states it: its bounds, whether it was stated as one value
("10 years": plain), and which of its ends are open ("up to 10 years" is open below, "at
least 10 years" above).

>>> from sentencenorm.model import LIFE, Duration
>>> up_to_40 = Span(None, Duration.of(years=40), open_low=True)
>>> at_least_5 = Span(Duration.of(years=5), None, open_high=True)
>>> five = Duration.of(years=5)
>>> meets(up_to_40, at_least_5), meets(up_to_40, Span.of_bounds(five, five))
(True, False)
"""

from __future__ import annotations

from typing import Any, Final

import attrs

from .values import Life

__all__ = ["DISTRIBUTES_TO", "TERM_KINDS", "Span", "bare_custody_qualifies", "meets"]

#: Kinds whose component is a term from min to max: what "or" and bounds merge.
TERM_KINDS: Final = frozenset(
    {"custody", "probation", "supervised_release", "community_supervision", "deprivation_of_rights"}
)
#: Kinds whose plain value a maximum stated before it carries over ("up to 5 years and a
#: $5,000 fine": the fine is at most $5,000 too; the gold corpus's convention).
DISTRIBUTES_TO: Final = TERM_KINDS | {"fine"}


@attrs.frozen
class Span:
    """A term as stated: bounds (lengths, amounts or life), plainness and open ends."""

    low: Any
    high: Any
    plain: bool = False  # stated as one value, with no bound word of its own
    open_low: bool = False  # stated as a maximum only ("up to", "maximum", "life")
    open_high: bool = False  # stated as a minimum only ("at least", "minimum")

    @classmethod
    def of_bounds(cls, low: Any, high: Any) -> Span:
        """The span a component's bounds are written as: one value when they are equal, a
        maximum only, a minimum only, or a range."""
        plain = low is not None and low == high and not isinstance(low, Life)
        return cls(
            low,
            high,
            plain=plain,
            open_low=low is None and high is not None,
            open_high=high is None and low is not None,
        )


def meets(upper: Span, lower: Span) -> bool:
    """Whether an open-bottomed term (*upper*: "a maximum of 40 years", "life") and an
    open-topped one (*lower*: "a minimum of 5 years") of one kind meet in one term.

    "a maximum of 40 years and a mandatory minimum of 5 years" is P5Y..P40Y; "life with a
    minimum term of 25 years" is P25Y..life. A plain value ("5 years") meets nothing: it is a
    term of its own.
    """
    both_life = isinstance(lower.high, Life) and isinstance(upper.high, Life)
    return (
        upper.open_low
        and upper.low is None
        and lower.low is not None
        and not lower.plain
        and (lower.open_high or both_life)
        and not (upper.open_high or lower.open_low)
    )


def bare_custody_qualifies(
    before_kind: str | None,
    kind: str | None,
    *,
    has_term: bool,
    suspended: bool,
    count: int | None,
    aggregation: object,
) -> bool:
    """Whether a custody word with no term of its own, after a custodial term, only names how
    that term is served ("seven years imprisonment with hard labour", "10 years and jail",
    "有期徒刑十年，有期徒刑"): it adds no component."""
    return (
        before_kind == "custody"
        and kind == "custody"
        and not has_term
        and not suspended
        and count == 1
        and aggregation is None
    )
