"""Canonical notation: the short text form of a `Sentence` that `parse` reads back.

One line, ASCII except inside labels, one spelling per value::

    [modality ": "] component (" + " component)*

    custody [TERM] [xN | x?] [consecutive | concurrent] [suspended[=DURATION]] [regime=REGIME]
    death [suspended] [reprieve=DURATION]
    fine [MONEY-TERM]            restitution [MONEY]      forfeiture [MONEY | all_property]
    probation [TERM]             supervised_release [TERM]
    community_supervision [TERM] deprivation_of_rights [TERM]
    community_service Nh         other "LABEL" [QUANTITY]
    choice(OPTION | OPTION ...)  where an OPTION is component (" + " component)*, no choice

A TERM is one bound when min equals max (``P10Y``, ``life``), else ``MIN..MAX`` with an
unstated side left empty (``..P20Y``, ``P10Y..``, ``P25Y..life``); a term with neither bound
is left out. Durations are ISO-8601; MONEY is ``CODE AMOUNT`` (``USD 5000``). An `Other`'s
QUANTITY is a duration, money, or a count and its unit (``other "caning" 12 strokes``).
A custody's REGIME is the value of `sentencenorm.model.Regime`
(``custody ..P5D regime=administrative_detention``: 行政拘留 of up to five days);
``forfeiture all_property`` is the forfeiture of all the offender's property (没收个人全部财产).
The grammar that reads it is ``grammar/notation.lark``.

>>> from sentencenorm import parse
>>> str(parse("sentenced to three consecutive life terms"))
'imposed: custody ..life x3 consecutive'
>>> str(parse("a death sentence with a two-year reprieve"))
'death suspended reprieve=P2Y'
>>> str(parse("up to 5 years in prison, a $250,000 fine, or both"))
'choice(custody ..P5Y | fine ..USD 250000 | custody ..P5Y + fine ..USD 250000)'
"""

from __future__ import annotations

import json

from ..model import (
    Choice,
    CommunityService,
    Component,
    Composed,
    Custody,
    Death,
    Fine,
    Forfeiture,
    Money,
    Other,
    Restitution,
)


def format_sentence(sentence: Composed) -> str:
    """The canonical notation of *sentence*."""
    body = " + ".join(format_component(component) for component in sentence.components)
    if sentence.modality is None:
        return body
    return f"{sentence.modality.value}: {body}"


def format_component(component: Component) -> str:
    """The canonical notation of one component."""
    if isinstance(component, Choice):
        options = (" + ".join(map(format_component, option)) for option in component.options)
        return f"choice({' | '.join(options)})"
    words = [component.kind]
    if isinstance(component, Custody):
        words += _term(component.min, component.max)
        if component.count is None:
            words.append("x?")
        elif component.count != 1:
            words.append(f"x{component.count}")
        if component.aggregation is not None:
            words.append(component.aggregation.value)
        if component.suspended is not None:
            period = component.suspended.period
            words.append("suspended" if period is None else f"suspended={period}")
        if component.regime is not None:
            words.append(f"regime={component.regime.value}")
    elif isinstance(component, Death):
        if component.suspended:
            words.append("suspended")
        if component.reprieve is not None:
            words.append(f"reprieve={component.reprieve}")
    elif isinstance(component, Fine):
        words += _term(component.min, component.max)
    elif isinstance(component, Restitution | Forfeiture):
        if component.amount is not None:  # either may state none
            words.append(_money(component.amount))
        if isinstance(component, Forfeiture) and component.all_property:
            words.append("all_property")
    elif isinstance(component, CommunityService):
        words.append(f"{component.hours}h")
    elif isinstance(component, Other):
        words.append(json.dumps(component.label, ensure_ascii=False))
        quantity = component.quantity
        if isinstance(quantity, Money):
            words.append(_money(quantity))
        elif quantity is not None:
            words.append(str(quantity))  # "P6M", "12 strokes"
    else:
        words += _term(component.min, component.max)
    return " ".join(words)


def _bound(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, Money):
        return _money(value)
    return str(value)


def _term(low: object, high: object) -> list[str]:
    if low is None and high is None:
        return []
    if low == high:
        return [_bound(low)]
    return [f"{_bound(low)}..{_bound(high)}"]


def _money(value: Money) -> str:
    return f"{value.currency} {value.amount:f}"
