"""The canonical model: what a sentencing phrase means, independent of how it was written.

`values` holds the plain values (life, modality, aggregation, money), `components` what
each kind of penalty holds, `durations` exact calendar lengths. The `Sentence` that holds
components, with its ways out (JSON, notation, severity), is `sentencenorm.sentence`: it sits
above the writing and law layers it calls, and nothing here imports it.
"""

from __future__ import annotations

from . import pickling as _pickling
from .components import (
    COMPONENT_TYPES,
    SINGLE_TYPES,
    Choice,
    CommunityService,
    CommunitySupervision,
    Component,
    Composed,
    Counted,
    Custody,
    Death,
    DeprivationOfRights,
    Fine,
    Forfeiture,
    Other,
    Probation,
    Quantity,
    Restitution,
    Single,
    SupervisedRelease,
    Suspension,
    expansions,
    plain_length,
)
from .durations import Duration
from .values import EXACT, LIFE, MONEY_DIGITS, Aggregation, Bound, Life, Modality, Money, Regime

__all__ = [
    "COMPONENT_TYPES",
    "EXACT",
    "LIFE",
    "MONEY_DIGITS",
    "SINGLE_TYPES",
    "Aggregation",
    "Bound",
    "Choice",
    "CommunityService",
    "CommunitySupervision",
    "Component",
    "Composed",
    "Counted",
    "Custody",
    "Death",
    "DeprivationOfRights",
    "Duration",
    "Fine",
    "Forfeiture",
    "Life",
    "Modality",
    "Money",
    "Other",
    "Probation",
    "Quantity",
    "Regime",
    "Restitution",
    "Single",
    "SupervisedRelease",
    "Suspension",
    "expansions",
    "plain_length",
]

# Sent between processes as their values (`sentencenorm.model.pickling`).
for _kind in (*COMPONENT_TYPES, Suspension, Duration, Money, Modality, Aggregation, Regime):
    _pickling.register(_kind)
