"""The JSON contract: `Sentence` to plain dicts (one private cattrs converter) and back.

- durations are ISO-8601 strings (``"P1Y6M"``), LIFE is ``"life"``, an unstated bound is null;
- money is ``{"amount": "250000", "currency": "USD"}``, the amount a string so it stays exact;
- each component carries its ``kind``; a custody ``suspended`` is null or ``{"period": ...}``;
  a custody ``regime`` ("administrative_detention") is written only when the custody has one:
  ordinary custody keeps exactly the keys MODEL.md's JSON contract shows (a reader comparing
  whole dicts with gold written before the field existed still finds them equal), and a
  missing ``regime`` reads as null. A forfeiture's ``all_property`` is written, likewise, only
  when true (all the offender's property, 没收个人全部财产); a missing one reads as false.

Reading accepts exactly the values writing produces, and raises `SentenceDataError` (a
`ValueError`) naming the key path of anything else (``components[0].max.amount``):

- a component's keys are ``kind`` and its fields; an unknown key is refused (it would carry a
  meaning that would be lost), a missing one takes its default (a missing custody ``count``
  is 1). Keys around the components other than ``text`` and ``modality`` are provenance
  (``start``, ``file``...) and are ignored;
- durations are ISO-8601 calendar durations, never zero (an unstated length is null); amounts
  are plain decimal strings (or whole JSON numbers) of at most 28 significant digits and
  decimals, never zero, never an exponent; every string is bounded before it is read, and no
  value, however large or deeply nested, is walked further than the contract reaches.

The package never touches ``cattrs.global_converter``: registering hooks there would change
every other library that uses it.
"""

from __future__ import annotations

import re
import reprlib
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any, Final

import attrs
import cattrs
from cattrs.gen import make_dict_unstructure_fn

from ..errors import SentenceDataError
from ..model import (
    COMPONENT_TYPES,
    LIFE,
    SINGLE_TYPES,
    Aggregation,
    Bound,
    Choice,
    Component,
    Composed,
    Counted,
    Life,
    Modality,
    Money,
    Quantity,
    Regime,
    Suspension,
)
from ..model.components import MAX_OPTIONS, Options
from ..model.durations import Duration

_converter: Final = cattrs.Converter()

KINDS: Final[dict[str, type[Component]]] = {cls.kind: cls for cls in COMPONENT_TYPES}


def _money_to(value: Money) -> dict[str, str]:
    return {"amount": f"{value.amount:f}", "currency": value.currency}


def _bound_to(value: Bound) -> str | None:
    if value is None:
        return None
    return "life" if isinstance(value, Life) else value.isoformat()


_converter.register_unstructure_hook(Duration, Duration.isoformat)
_converter.register_unstructure_hook(Life, lambda _: "life")
_converter.register_unstructure_hook(Money, _money_to)
_converter.register_unstructure_hook(Bound, _bound_to)
_converter.register_unstructure_hook(Aggregation, lambda value: value.value)
_converter.register_unstructure_hook(
    Aggregation | None, lambda value: None if value is None else value.value
)


def _quantity_to(value: Quantity | None) -> Any:
    if value is None:
        return None
    if isinstance(value, Duration):
        return value.isoformat()
    if isinstance(value, Money):
        return _money_to(value)
    return {"count": value.value, "unit": value.unit}


_converter.register_unstructure_hook(Quantity | None, _quantity_to)


#: Fields written only when set: newer than the JSON contract's first shape, their absence
#: means their default, null or false (see the module docstring).
_ONLY_WHEN_SET: Final = frozenset({"regime", "all_property"})
_converter.register_unstructure_hook(
    Regime | None, lambda value: None if value is None else value.value
)


def _unstructure_with_kind(cls: type[Component]) -> Callable[[Any], dict[str, Any]]:
    fields_out = make_dict_unstructure_fn(cls, _converter)
    optional = {
        field.name: field.default for field in attrs.fields(cls) if field.name in _ONLY_WHEN_SET
    }

    def unstructure(value: Any) -> dict[str, Any]:
        out = {"kind": cls.kind, **fields_out(value)}
        for name, default in optional.items():
            if out[name] is default:
                del out[name]
        return out

    return unstructure


for _cls in SINGLE_TYPES:
    _converter.register_unstructure_hook(_cls, _unstructure_with_kind(_cls))


def _choice_to(value: Choice) -> dict[str, Any]:
    return {
        "kind": Choice.kind,
        "options": [[_component_to(penalty) for penalty in option] for option in value.options],
    }


_converter.register_unstructure_hook(Choice, _choice_to)


def _component_to(value: Component) -> dict[str, Any]:
    result: dict[str, Any] = _converter.unstructure(value, unstructure_as=type(value))
    return result


def sentence_to_dict(sentence: Composed) -> dict[str, Any]:
    """The JSON contract form of *sentence* (see the module docstring)."""
    return {
        "text": getattr(sentence, "text", None),
        "modality": None if sentence.modality is None else sentence.modality.value,
        "components": [_component_to(component) for component in sentence.components],
    }


def sentence_from_dict(data: Any) -> tuple[tuple[Component, ...], Modality | None, str | None]:
    """Read the JSON contract form: the sentence's (components, modality, text), which
    `Sentence.from_dict` builds it from; `SentenceDataError` names the key path of what is
    wrong.

    >>> sentence_from_dict({"components": [{"kind": "custody", "max": "P5Y"}]})[0]
    ... # doctest: +ELLIPSIS
    (Custody(min=None, max=Duration('P5Y'), count=1, aggregation=None, suspended=None, ...),)
    >>> sentence_from_dict({"components": [{"kind": "custody", "count": "2"}]})
    Traceback (most recent call last):
    ...
    sentencenorm.errors.SentenceDataError: components[0].count: expected a whole number, not '2'

    """
    if not isinstance(data, Mapping):
        raise SentenceDataError("", f"a sentence is an object with 'components', not {_show(data)}")
    components = data.get("components")
    if not isinstance(components, list | tuple) or not components:
        raise SentenceDataError("components", f"must be a non-empty list, not {_show(components)}")
    if len(components) > MAX_COMPONENTS:
        raise SentenceDataError("components", f"at most {MAX_COMPONENTS} components")
    modality = data.get("modality")
    if modality is not None and (not isinstance(modality, str) or modality not in _MODALITIES):
        known = ", ".join(_MODALITIES)
        raise SentenceDataError(
            "modality", f"must be null or one of {known}, not {_show(modality)}"
        )
    text = data.get("text")
    if text is not None and not isinstance(text, str):
        raise SentenceDataError("text", f"must be a string or null, not {_show(text)}")
    parts = tuple(
        _component_from(item, f"components[{index}]") for index, item in enumerate(components)
    )
    return parts, None if modality is None else Modality(modality), text


# ── reading: exactly the values `sentence_to_dict` writes ───────────────────────────────────
#
# Each component field is read by the reader of its declared type, so a new component class
# needs no code here. A component's keys are its fields and "kind": an unknown key is an
# error (it would carry meaning that would be dropped), a missing one takes the field's
# default. Around the components, other keys are provenance ("start", "file"...) and ignored.

#: Most components one sentence may hold: far beyond any phrase (a parse reads at most 2,000
#: characters), small enough that hostile input costs little.
MAX_COMPONENTS: Final = 1000
#: Longest string accepted for a duration or an amount before it is read at all.
_LONGEST_FIGURE: Final = 64
_AMOUNT: Final = re.compile(r"\d+(?:\.\d+)?", re.ASCII)
_MODALITIES: Final = tuple(m.value for m in Modality)
_SHOW: Final = reprlib.Repr()
_SHOW.maxlevel, _SHOW.maxstring, _SHOW.maxother = 2, 40, 40


def _show(value: Any) -> str:
    """A short, safe picture of any value for a message (bounded for huge or deep values)."""
    try:
        return _SHOW.repr(value)
    except Exception:  # a hostile object whose repr fails: say what it is
        return f"a {type(value).__name__}"


def _read_duration(value: Any, path: str) -> Duration:
    if not isinstance(value, str) or len(value) > _LONGEST_FIGURE:
        raise SentenceDataError(
            path, f"expected an ISO-8601 duration such as 'P1Y6M', not {_show(value)}"
        )
    try:
        duration = Duration.fromisoformat(value)
    except ValueError as error:
        raise SentenceDataError(path, str(error)) from None
    if duration.is_zero():
        raise SentenceDataError(path, "a length of zero; an unstated length is null")
    return duration


def _read_bound(value: Any, path: str) -> Bound:
    if value is None:
        return None
    if value == "life":
        return LIFE
    return _read_duration(value, path)


def _read_optional_duration(value: Any, path: str) -> Duration | None:
    return None if value is None else _read_duration(value, path)


def _read_money(value: Any, path: str) -> Money:
    if not isinstance(value, Mapping) or set(value) != {"amount", "currency"}:
        raise SentenceDataError(
            path, f"money is {{'amount': '250000', 'currency': 'USD'}}, not {_show(value)}"
        )
    amount, currency = value["amount"], value["currency"]
    if isinstance(amount, int) and not isinstance(amount, bool):
        amount = str(amount)
    if (
        not isinstance(amount, str)
        or len(amount) > _LONGEST_FIGURE
        or not _AMOUNT.fullmatch(amount)
    ):
        raise SentenceDataError(
            f"{path}.amount", f"expected a decimal string such as '250000', not {_show(amount)}"
        )
    if not isinstance(currency, str):
        raise SentenceDataError(
            f"{path}.currency", f"expected an ISO 4217 code, not {_show(currency)}"
        )
    if not Decimal(amount):
        raise SentenceDataError(f"{path}.amount", "an amount of zero; an unstated amount is null")
    try:
        return Money(Decimal(amount), currency)
    except ValueError as error:
        where = "currency" if "currency" in str(error) else "amount"
        raise SentenceDataError(f"{path}.{where}", str(error)) from None


def _read_optional_money(value: Any, path: str) -> Money | None:
    return None if value is None else _read_money(value, path)


def _read_int(value: Any, path: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise SentenceDataError(path, f"expected a whole number, not {_show(value)}")
    return value


def _read_optional_int(value: Any, path: str) -> int | None:
    return None if value is None else _read_int(value, path)


def _read_bool(value: Any, path: str) -> bool:
    if not isinstance(value, bool):
        raise SentenceDataError(path, f"expected true or false, not {_show(value)}")
    return value


def _read_str(value: Any, path: str) -> str:
    if not isinstance(value, str):
        raise SentenceDataError(path, f"expected a string, not {_show(value)}")
    return value


def _read_quantity(value: Any, path: str) -> Quantity | None:
    if value is None:
        return None
    if isinstance(value, str):
        return _read_duration(value, path)
    if isinstance(value, Mapping) and set(value) == {"count", "unit"}:
        count, unit = value["count"], value["unit"]
        _read_int(count, f"{path}.count")
        if not isinstance(unit, str):
            raise SentenceDataError(f"{path}.unit", f"expected a word, not {_show(unit)}")
        try:
            return Counted(count, unit)
        except ValueError as error:
            raise SentenceDataError(path, str(error)) from None
    if isinstance(value, Mapping) and set(value) == {"amount", "currency"}:
        return _read_money(value, path)
    raise SentenceDataError(
        path,
        "expected null, a duration such as 'P6M', money such as {'amount': '250', "
        "'currency': 'USD'} or a count such as {'count': 12, 'unit': 'strokes'}, not "
        + _show(value),
    )


def _read_options(value: Any, path: str) -> Options:
    """A choice's options: a list of lists of components of one kind each (no choice)."""
    if not isinstance(value, list | tuple) or not 2 <= len(value) <= MAX_OPTIONS:
        raise SentenceDataError(
            path, f"expected a list of 2 to {MAX_OPTIONS} options, not {_show(value)}"
        )
    options = []
    for index, option in enumerate(value):
        where = f"{path}[{index}]"
        if not isinstance(option, list | tuple) or not 1 <= len(option) <= MAX_OPTIONS:
            raise SentenceDataError(
                where, f"an option is a list of 1 to {MAX_OPTIONS} components, not {_show(option)}"
            )
        penalties = []
        for number, item in enumerate(option):
            penalty = _component_from(item, f"{where}[{number}]")
            if isinstance(penalty, Choice):
                raise SentenceDataError(f"{where}[{number}]", "a choice inside a choice")
            penalties.append(penalty)
        options.append(tuple(penalties))
    return tuple(options)


def _read_aggregation(value: Any, path: str) -> Aggregation | None:
    if value is None:
        return None
    known = [a.value for a in Aggregation]
    if not isinstance(value, str) or value not in known:
        raise SentenceDataError(
            path, f"expected null or one of {', '.join(known)}, not {_show(value)}"
        )
    return Aggregation(value)


def _read_regime(value: Any, path: str) -> Regime | None:
    if value is None:
        return None
    known = [r.value for r in Regime]
    if not isinstance(value, str) or value not in known:
        raise SentenceDataError(
            path, f"expected null or one of {', '.join(known)}, not {_show(value)}"
        )
    return Regime(value)


def _read_suspension(value: Any, path: str) -> Suspension | None:
    if value is None:
        return None
    if not isinstance(value, Mapping) or set(value) != {"period"}:
        raise SentenceDataError(
            path, f"expected null or {{'period': 'P3Y' or null}}, not {_show(value)}"
        )
    return Suspension(_read_optional_duration(value["period"], f"{path}.period"))


#: The reader of each field type, by the type the model declares the field with.
_READERS: Final[dict[Any, Callable[[Any, str], Any]]] = {
    Bound: _read_bound,
    Duration | None: _read_optional_duration,
    Money: _read_money,
    Money | None: _read_optional_money,
    int: _read_int,
    int | None: _read_optional_int,
    bool: _read_bool,
    str: _read_str,
    Aggregation | None: _read_aggregation,
    Suspension | None: _read_suspension,
    Regime | None: _read_regime,
    Quantity | None: _read_quantity,
    Options: _read_options,
}

_FIELDS: Final[dict[str, tuple[attrs.Attribute[Any], ...]]] = {
    cls.kind: attrs.fields(attrs.resolve_types(cls)) for cls in COMPONENT_TYPES
}


def _component_from(value: Any, path: str) -> Component:
    if not isinstance(value, Mapping):
        raise SentenceDataError(path, f"a component is an object with a 'kind', not {_show(value)}")
    kind = value.get("kind")
    if not isinstance(kind, str) or kind not in KINDS:
        raise SentenceDataError(
            f"{path}.kind", f"unknown component kind {_show(kind)}; known: {', '.join(KINDS)}"
        )
    fields = _FIELDS[kind]
    names = {field.name for field in fields}
    for key in value:
        if key != "kind" and key not in names:
            shown = key if isinstance(key, str) else _show(key)
            raise SentenceDataError(
                f"{path}.{shown}", f"not a field of {kind} (its fields: {', '.join(sorted(names))})"
            )
    arguments: dict[str, Any] = {}
    for field in fields:
        if field.name in value:
            reader = _READERS[field.type]
            arguments[field.name] = reader(value[field.name], f"{path}.{field.name}")
        elif field.default is attrs.NOTHING:
            raise SentenceDataError(f"{path}.{field.name}", f"missing; {kind} needs it")
    try:
        component: Component = KINDS[kind](**arguments)
    except (ValueError, TypeError) as error:  # the model's own rules (min <= max, ...)
        raise SentenceDataError(path, str(error)) from None
    return component
