"""The JSON contract: `Sentence` to plain dicts and back, through one private cattrs converter.

- durations are ISO-8601 strings (``"P1Y6M"``), LIFE is ``"life"``, an unstated bound is null;
- money is ``{"amount": "250000", "currency": "USD"}``, the amount a string so it stays exact;
- each component carries its ``kind``; a custody ``suspended`` is null or ``{"period": ...}``;
- reading ignores extra keys and fills defaults for missing optional ones (a missing custody
  ``count`` is 1), and raises `ValueError` naming the field that is wrong.

The package never touches ``cattrs.global_converter``: registering hooks there would change
every other library that uses it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any, Final

import cattrs
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from .durations import Duration
from .model import (
    COMPONENT_TYPES,
    LIFE,
    Aggregation,
    Bound,
    Component,
    Life,
    Modality,
    Money,
    Sentence,
)

_converter: Final = cattrs.Converter()

KINDS: Final[dict[str, type[Component]]] = {cls.kind: cls for cls in COMPONENT_TYPES}


def _duration_from(value: Any, _: object) -> Duration:
    if not isinstance(value, str):
        raise ValueError(f"a duration must be an ISO-8601 string such as 'P1Y6M': {value!r}")
    return Duration.fromisoformat(value)


def _bound_from(value: Any, _: object) -> Bound:
    if value is None:
        return None
    if value == "life":
        return LIFE
    return _duration_from(value, None)


def _optional_duration_from(value: Any, _: object) -> Duration | None:
    return None if value is None else _duration_from(value, None)


def _money_from(value: Any, _: object) -> Money:
    if not isinstance(value, Mapping) or set(value) < {"amount", "currency"}:
        raise ValueError(f"money must be {{'amount': '...', 'currency': 'XXX'}}: {value!r}")
    amount = value["amount"]
    if isinstance(amount, bool) or not isinstance(amount, str | int):
        raise ValueError(f"a money amount must be a decimal string: {amount!r}")
    try:
        return Money(Decimal(str(amount)), value["currency"])
    except InvalidOperation:
        raise ValueError(f"a money amount must be a decimal string: {amount!r}") from None


def _optional_money_from(value: Any, _: object) -> Money | None:
    return None if value is None else _money_from(value, None)


def _money_to(value: Money) -> dict[str, str]:
    return {"amount": f"{value.amount:f}", "currency": value.currency}


def _bound_to(value: Bound) -> str | None:
    if value is None:
        return None
    return "life" if isinstance(value, Life) else value.isoformat()


_converter.register_unstructure_hook(Duration, Duration.isoformat)
_converter.register_unstructure_hook(Life, lambda _: "life")
_converter.register_unstructure_hook(Money, _money_to)
_converter.register_structure_hook(Duration, _duration_from)
_converter.register_structure_hook(Money, _money_from)
_converter.register_structure_hook(Bound, _bound_from)
_converter.register_structure_hook(Duration | None, _optional_duration_from)
_converter.register_structure_hook(Money | None, _optional_money_from)
_converter.register_unstructure_hook(Bound, _bound_to)
_converter.register_unstructure_hook(Aggregation, lambda value: value.value)
_converter.register_unstructure_hook(
    Aggregation | None, lambda value: None if value is None else value.value
)


def _strict_int(value: Any, _: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"expected a whole number: {value!r}")
    return value


def _strict_bool(value: Any, _: object) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"expected true or false: {value!r}")
    return value


def _strict_str(value: Any, _: object) -> str:
    if not isinstance(value, str):
        raise ValueError(f"expected a string: {value!r}")
    return value


_converter.register_structure_hook(int, _strict_int)
_converter.register_structure_hook(bool, _strict_bool)
_converter.register_structure_hook(str, _strict_str)
_converter.register_structure_hook(
    Aggregation | None,
    lambda value, _: None if value is None else Aggregation(_strict_str(value, None)),
)


def _component_hooks(
    cls: type[Component],
) -> tuple[Callable[[Any], dict[str, Any]], Callable[[Any, Any], Any]]:
    fields_out = make_dict_unstructure_fn(cls, _converter)
    fields_in = make_dict_structure_fn(cls, _converter)

    def unstructure(value: Any) -> dict[str, Any]:
        return {"kind": cls.kind, **fields_out(value)}

    return unstructure, fields_in


_FROM_KIND: dict[str, Callable[[Any, Any], Any]] = {}
for _cls in COMPONENT_TYPES:
    _out, _in = _component_hooks(_cls)
    _converter.register_unstructure_hook(_cls, _out)
    _FROM_KIND[_cls.kind] = _in


def _component_to(value: Component) -> dict[str, Any]:
    result: dict[str, Any] = _converter.unstructure(value, unstructure_as=type(value))
    return result


def _component_from(value: Any, _: object) -> Component:
    if not isinstance(value, Mapping):
        raise ValueError(f"a component must be an object with a 'kind': {value!r}")
    kind = value.get("kind")
    structure = _FROM_KIND.get(kind) if isinstance(kind, str) else None
    if structure is None:
        raise ValueError(f"unknown component kind {kind!r}; known: {', '.join(KINDS)}")
    try:
        component: Component = structure(value, KINDS[str(kind)])
    except (cattrs.BaseValidationError, ValueError, TypeError) as exc:
        raise ValueError(f"bad {kind} component {dict(value)!r}: {_explain(exc)}") from None
    return component


def _explain(exc: BaseException) -> str:
    if isinstance(exc, cattrs.BaseValidationError):
        return "; ".join(cattrs.transform_error(exc, format_exception=_leaf_message))
    return str(exc)


def _leaf_message(exc: BaseException, _: object) -> str:
    return str(exc) or type(exc).__name__


def sentence_to_dict(sentence: Sentence) -> dict[str, Any]:
    """The JSON contract form of *sentence* (see the module docstring)."""
    return {
        "text": sentence.text,
        "modality": None if sentence.modality is None else sentence.modality.value,
        "components": [_component_to(component) for component in sentence.components],
    }


def sentence_from_dict(data: Any) -> Sentence:
    """Read the JSON contract form; raises ValueError that names what is wrong."""
    if not isinstance(data, Mapping):
        raise ValueError(f"a sentence must be an object with 'components': {data!r}")
    components = data.get("components")
    if not isinstance(components, list | tuple) or not components:
        raise ValueError(f"'components' must be a non-empty list: {components!r}")
    modality = data.get("modality")
    if modality is not None and modality not in {m.value for m in Modality}:
        known = ", ".join(m.value for m in Modality)
        raise ValueError(f"'modality' must be null or one of {known}: {modality!r}")
    text = data.get("text")
    if text is not None and not isinstance(text, str):
        raise ValueError(f"'text' must be a string or null: {text!r}")
    parts = tuple(_component_from(item, None) for item in components)
    return Sentence(parts, modality=modality, text=text)
