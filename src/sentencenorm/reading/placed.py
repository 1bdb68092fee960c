"""Penalty names whose meaning depends on where the court sits (the lexicon's [placed_labels]).

"CCO" is a community correction order in Victoria and New South Wales and nothing a court
orders elsewhere; "CSO" is a community service order in Queensland and a conditional sentence
of imprisonment in Canada; "20 years' preventive detention" is a term of imprisonment in
Singapore and no length a German Sicherungsverwahrung states. The jurisdiction passed to
`parse` or `extract` settles such a name as it settles what "$" means; with none, or one
that gives the abbreviation no meaning, the abbreviation is refused, never guessed.
"""

from __future__ import annotations

from typing import Final

from ..language import Lexicon
from ..model.labels import other_label
from .items import Part
from .parts import Reject, Time

__all__ = ["CUSTODY", "in_place"]

#: The meaning that makes a named penalty a term of custody.
CUSTODY: Final = "custody"
#: The meanings that make a named penalty a term of a kind of its own: custody, or New
#: Zealand's supervision, a community sentence of probation (Sentencing Act 2002, s 45).
TERMS: Final = frozenset({CUSTODY, "probation"})


def in_place(part: Part, lexicon: Lexicon, territory: str | None) -> Part:
    """The `other` *part* as its name reads in *territory*: another label, a custody or
    probation part (its length the term), or unchanged; `Reject` for an abbreviation the territory
    gives no meaning."""
    name = part.label or ""
    if name not in lexicon.placed_labels:
        return part
    meaning = lexicon.placed(name, territory)
    if meaning is None:
        if other_label(name) is not None:
            return part  # a label of its own elsewhere ("preventive detention")
        where = "with no jurisdiction" if territory is None else f"in {territory}"
        # Its length is its own: "a 12 month CCO" is no 12-month term of another penalty.
        raise Reject(
            f"{name!r} names no penalty {where}; pass the court's jurisdiction",
            part.pos,
            impossible=part.quantity is not None and name not in lexicon.placed_cut,
        )
    if meaning not in TERMS:
        return part._replace(label=meaning)
    core = part.quantity
    if core is None:  # "sentenced to preventive detention": custody, no term stated
        return part._replace(kind=meaning, label=None, named=True)
    if core.shape != "fixed" or not isinstance(core.low, Time):
        raise Reject(f"a {name} is a term of {meaning}: one length", core.pos)
    return part._replace(
        kind=meaning,
        label=None,
        quantity=None,
        low=core.low,
        high=core.high,
        has_term=True,
        plain=True,
        named=True,
    )
