"""Terms served only if a fine is not paid: the corpus README's "default imprisonment".

A fine "or" a term is a choice in a statute, and in a court's order the fine with the term
served in default of payment (`fine_or_term`); words outside a phrase may say its terms are
served in default (`served_in_default`); `default_term` is the term a penalty states as one.
"""

from __future__ import annotations

from typing import Final

from ..model import Choice, Component, Custody, Fine, Modality, Other
from ..model.durations import Duration
from ..sentence import Sentence

__all__ = ["DEFAULT_TERM", "default_term", "fine_or_term", "served_in_default"]

#: What a term served only if a fine is not paid is (data/labels.toml).
DEFAULT_TERM: Final = "default imprisonment"


def fine_or_term(
    components: tuple[Component, ...], *, modality: Modality | None
) -> tuple[Component, ...]:
    """An imposed fine "or" a term after it is the fine, with the term served in default of
    payment: "fined Sh20,000 or serve six months in jail", "a S$3,500 fine or go to jail for
    one week" (a court decides; only a statute offers a choice). The fine must state its
    amount and the term be one exact length; other imposed choices stand as they are. A phrase
    that states no modality reads so too ("fined KSh. 15,000 or 3 months in prison", "$100 or
    3 months imprisonment": the corpus README's convention for South Africa, Kenya, Nigeria and
    Zimbabwe); a statute's ("liable to", "punishable by", "shall be") stays a choice.

    So when the phrase is imposed or states no modality; a term that itself says it is served
    in default ("fines or imprisonment in default") is never the fine's alternative, whatever
    the modality and whether or not the fine states its amount (the corpus README: "in default
    … imprisonment" is a fine and a default term, never a choice).

    Imposed (the phrase says a court gave it), the term may come first too ("sentenced
    26 Kenyans to one-year imprisonment or to a fine of Sh500, 000": the term is served if
    the fine is not paid), the two kept in the order the text gives them.
    """
    given, imposed = modality in {Modality.IMPOSED, None}, modality is Modality.IMPOSED
    standing: list[Component] = []
    for penalty in components:
        if isinstance(penalty, Choice) and len(penalty.options) == 2:
            (fine, *more), (term, *rest) = penalty.options
            if imposed and isinstance(term, Fine) and not more and not rest:
                first = default_term(fine)  # "one-year imprisonment or to a fine of Sh500, 000"
                if first is not None and (term.min is not None or term.max is not None):
                    standing += [first, term]
                    continue
            default = default_term(term) if not more and not rest else None
            stated = isinstance(fine, Fine) and (fine.min is not None or fine.max is not None)
            if (
                default is not None
                and isinstance(fine, Fine)
                and (default is term or (given and stated))
            ):
                standing += [fine, default]
                continue
        standing.append(penalty)
    return tuple(standing)


def served_in_default(sentence: Sentence) -> Sentence | None:
    """*sentence* as terms served only if an amount ordered is not paid, which words outside
    the phrase say ("ordered to serve a further eleven and half months imprisonment | after
    failing to pay back £65,157.65"): each term `other` "default imprisonment"; None when a
    component is anything but one exact term (`default_term`)."""
    terms = tuple(term for term in map(default_term, sentence.components) if term is not None)
    if not terms or len(terms) != len(sentence.components):
        return None
    return Sentence(terms, modality=sentence.modality, text=sentence.text)


def default_term(term: Component | None) -> Other | None:
    """The default term a penalty states, if it is one exact length of custody (or already
    the default term); None otherwise. Terms of one length for as many people or counts as
    the phrase does not say ("two-year sentences with an option of a N400,000 fine each") are
    that length each: the default term has no count."""
    if isinstance(term, Other):
        return term if term.label == DEFAULT_TERM else None
    if (
        isinstance(term, Custody)
        and isinstance(term.max, Duration)
        and term.min == term.max
        and term.count in (1, None)
        and term.aggregation is None
        and term.suspended is None
    ):
        return Other(DEFAULT_TERM, term.max)
    return None
