"""Items of a list whose verb and unit are elided, after a term given.

"Bialiatski was sentenced to 10 years in prison, Stefanovich to | 9 |, and Labkovich to 7
years": the bare "9" is a term of the same kind and unit as the one before it, given the same
way (context data ``elided_terms``). Only after one custodial term given, stated in one unit,
and only a bare number that closes its item ("to 9," / "to 9." / "to 9 and"): "ages ranged
from 12 to 16" follows no term, and "raising his total to 15" is no person's item.
"""

from __future__ import annotations

import re
from typing import Final

import attrs

from ..model import Component, Custody, Duration, Modality, Other
from ..sentence import Sentence
from .caseless import Caseless
from .match import Match

__all__ = ["elided_items", "listed_terms", "reduced_items"]

#: The unit a term states, the last in its text ("10 years in prison").
_UNIT: Final = re.compile(r"\b(years?|months?|weeks?|days?)\b", re.IGNORECASE)


def elided_items(found: list[Match], text: str, pattern: Caseless | None, lang: str) -> list[Match]:
    """*found* with a match for each bare number an elided list item gives after a custodial
    term given (see the module's docstring)."""
    if pattern is None:
        return found
    result: list[Match] = []
    for index, match in enumerate(found):
        result.append(match)
        following = found[index + 1].start if index + 1 < len(found) else len(text)
        units = _UNIT.findall(match.text)
        head = match
        while units and (item := _item(head, units[-1], text, following, pattern, lang)):
            result.append(item)
            head = item
    return result


def listed_terms(found: list[Match], text: str, pattern: Caseless | None, lang: str) -> list[Match]:
    """*found* with a custodial sentence given with no term ("All are sentenced to prison.")
    replaced by the first term of the list of people right after it ("| Stefanovic to | nine
    years |, Labkovitch to seven …"), which `elided_items` then follows (context data
    ``listed_after``: its first group the term, with its unit)."""
    if pattern is None:
        return found
    result: list[Match] = []
    for index, match in enumerate(found):
        following = found[index + 1].start if index + 1 < len(found) else len(text)
        components = match.sentence.components
        said = None
        if (
            match.modality is Modality.IMPOSED
            and len(components) == 1
            and isinstance(components[0], Custody)
            and (components[0].min, components[0].max, components[0].count) == (None, None, 1)
        ):
            said = pattern.match(text[match.end : following], None)
        value = None if said is None else _custody(said.group(1), lang)
        if said is None or value is None:
            result.append(match)
            continue
        start = match.end + said.start(1)
        term = text[start : match.end + said.end(1)]
        sentence = Sentence(value, modality=Modality.IMPOSED, text=term)
        result.append(Match(start, start + len(term), term, sentence))
    return result


def _custody(phrase: str, lang: str) -> tuple[Custody] | None:
    """The one plain custodial term *phrase* states, or None."""
    from .parser import parse  # the reader of phrases, which reading this module serves

    try:
        components = parse(phrase, lang=lang).components
    except ValueError:
        return None
    if len(components) != 1 or not isinstance(components[0], Custody):
        return None
    return (components[0],)


def _item(
    head: Match, unit: str, text: str, following: int, pattern: Caseless, lang: str
) -> Match | None:
    """The elided item right after *head*, a term in *unit*, before *following*."""
    components = head.sentence.components
    if head.modality is not Modality.IMPOSED or len(components) != 1:
        return None
    (term,) = components
    other = isinstance(term, Other) and isinstance(term.quantity, Duration)  # a default term
    if not other and (
        not isinstance(term, Custody)
        or (term.count, term.suspended, term.aggregation, term.regime) != (1, None, None, None)
        or not isinstance(term.max, Duration)
        or term.min != term.max
    ):
        return None
    found = pattern.match(text[head.end : following], None)
    if found is None:
        return None
    group = 1 if found.group(1) is not None else 2  # "Jones to | 9", "Jones | 9 years"
    said = found.group(1) or f"{found.group(2)} {found.group(3)}"
    value = _custody(said if group == 2 else f"{said} {unit}", lang)
    if value is None or not isinstance(value[0].max, Duration):
        return None
    start = head.end + found.start(group)
    end = head.end + found.end(1 if group == 1 else 3)
    parts: tuple[Component, ...] = value
    if isinstance(term, Other):
        parts = (attrs.evolve(term, quantity=value[0].max),)
    sentence = Sentence(parts, modality=head.sentence.modality, text=text[start:end])
    return Match(start, end, text[start:end], sentence)


def reduced_items(
    found: list[Match],
    text: str,
    patterns: tuple[Caseless | None, Caseless | None],
    lang: str,
) -> list[Match]:
    """*found* with the term that stands where a term was cut with its unit elided ("14 years
    in jail | (reduced to six)": six years, given), when the cut term was read as replaced
    (no match covers it) and nothing read the bare number (context data ``reduced_terms``);
    never a bound the law sets (``reduced_bounds`` before it)."""
    pattern, bounds = patterns
    if pattern is None:
        return found
    added: list[Match] = []
    for cut in pattern.finditer(text, None):
        if any(m.start < cut.end() and cut.start() < m.end for m in found):
            continue  # the cut term stands as read, or the number was read: nothing to add
        if bounds is not None and bounds.search(text, None, max(0, cut.start() - 80), cut.start()):
            continue  # "the maximum penalty of | 10 years … was reduced to 5": a law's bound
        from .parser import parse  # the reader of phrases, which reading this module serves

        unit = 1 if cut.group(1) else 3  # "reduced the sentence from 20 months to | 16": 3, 4
        try:
            value = parse(f"{cut.group(unit + 1)} {cut.group(unit)}", lang=lang)
        except ValueError:
            continue
        if len(value.components) != 1 or not isinstance(value.components[0], Custody):
            continue
        number = cut.group(unit + 1)
        sentence = Sentence(value.components, modality=Modality.IMPOSED, text=number)
        added.append(Match(cut.start(unit + 1), cut.end(unit + 1), number, sentence))
    return sorted([*found, *added], key=lambda match: match.start) if added else found
