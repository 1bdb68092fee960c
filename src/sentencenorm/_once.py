"""`built_once`: a per-key cache for expensive builds that many threads may ask for at once.

`functools.cache` lets eight threads that arrive together before the first build ends each
build the same grammar (a second or more each). Here the first caller builds under a lock
and the others wait for its result; once built, a value is a dictionary lookup with no lock.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from typing import TypeVar

_Key = TypeVar("_Key")
_Value = TypeVar("_Value")


def built_once(build: Callable[[_Key], _Value]) -> Callable[[_Key], _Value]:
    """Wrap *build* (one hashable argument) so each key is built once per process.

    An exception is not remembered: the next call builds again (and raises again).

    >>> calls = []
    >>> @built_once
    ... def square(n: int) -> int:
    ...     calls.append(n)
    ...     return n * n
    >>> square(3), square(3), calls
    (9, 9, [3])
    """
    built: dict[_Key, _Value] = {}
    lock = threading.RLock()  # re-entrant: a build may ask for another key (a parser its tables)

    @functools.wraps(build)
    def get(key: _Key) -> _Value:
        try:
            return built[key]
        except KeyError:
            pass
        with lock:
            if key not in built:
                built[key] = build(key)
            return built[key]

    get.cache_clear = built.clear  # type: ignore[attr-defined]
    return get
