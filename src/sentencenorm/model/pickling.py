"""Pickling the model compactly: a value crosses to another process as its class and its
field values, and is rebuilt there without running its converters and validators again.

`parse_many` and `extract_many` with workers, and Dask, send every result from a worker to
the caller. attrs pickles a frozen class as a dict of its fields handed to a `__setstate__`
written in Python: for a sentence of one custody term that is four dicts built, sent with
their keys, and walked again. Here each class is registered with `copyreg` (which `pickle`
and `copy` consult before the class's own `__reduce_ex__`) to go as ``(class, values)`` in
field order; the fields were checked when the value was first made, in the worker, so the
rebuild only sets them. A `Duration` (two whole numbers) is rebuilt once per length and
shared by the values that hold it, as frozen values may be. Pickles written before this
module still load (attrs' `__setstate__` is unchanged).

>>> import pickle
>>> from sentencenorm.model import Custody, Duration, Modality
>>> term = Custody(min=Duration.of(months=6), max=Duration.of(years=10))
>>> pickle.loads(pickle.dumps(term)) == term
True
>>> pickle.loads(pickle.dumps(Modality.IMPOSED)) is Modality.IMPOSED
True
"""

from __future__ import annotations

import copyreg
import enum
import operator
from collections.abc import Callable
from typing import Any, Final, TypeVar

import attrs

from .durations import Duration

__all__ = ["rebuilt", "register"]

_T = TypeVar("_T")

#: Each registered class's field names, in the order its values travel.
_FIELDS: dict[type, tuple[str, ...]] = {}
#: Durations rebuilt so far, by (months, days): a batch meets the same lengths again and again.
_DURATIONS: dict[tuple[int, int], Duration] = {}
#: How many durations are kept at most (the table is emptied when it is full).
DURATIONS_KEPT: Final = 4096

_new = object.__new__
_set = object.__setattr__


def rebuilt(cls: type[_T], values: tuple[Any, ...]) -> _T:
    """An instance of *cls* with *values* set in field order, its checks not run again."""
    value = _new(cls)
    for name, field in zip(_FIELDS[cls], values, strict=True):
        _set(value, name, field)
    return value


def _duration(months: int, days: int) -> Duration:
    key = (months, days)
    shared = _DURATIONS.get(key)
    if shared is None:
        if len(_DURATIONS) >= DURATIONS_KEPT:
            _DURATIONS.clear()
        shared = _DURATIONS[key] = rebuilt(Duration, key)
    return shared


def _member(member: enum.Enum) -> tuple[Callable[..., Any], tuple[Any, ...]]:
    return getattr, (type(member), member.name)


def register(cls: type[Any]) -> None:
    """Pickle the attrs class *cls* (or the enum) as its class and values (see the module)."""
    if issubclass(cls, enum.Enum):
        copyreg.pickle(cls, _member)
        return
    names = tuple(field.name for field in attrs.fields(cls))
    if not names:  # nothing to send: the class's own way (LIFE stays the one LIFE)
        return
    _FIELDS[cls] = names
    get = operator.attrgetter(*names)
    if cls is Duration:
        copyreg.pickle(cls, lambda value: (_duration, get(value)))
    elif len(names) == 1:
        copyreg.pickle(cls, lambda value: (rebuilt, (cls, (get(value),))))
    else:
        copyreg.pickle(cls, lambda value: (rebuilt, (cls, get(value))))
