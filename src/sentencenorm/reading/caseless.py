"""Case-insensitive patterns searched in `lowered` text, each form compiled when first searched.

`Caseless` (the extraction context's patterns, `reading.context`) searches a pattern in the
lowered text where that is exact, and in the text itself otherwise (`reading.scanning`
shows which patterns may). What each form is compiled from is worked out once from the
pattern's parse tree (`analysed`), or read from the tables built ahead
(`reading.prepared`), and each form is compiled on its first search only.

Compiling is itself most of the cost of a first search: Python's ``re`` parses and compiles
in Python, tens of milliseconds for the larger alternations. The tables built ahead may
therefore also hold the code ``re`` compiles each form to (`code_of`), which
`_sre.compile` takes as it is, as ``re`` itself hands it over, where the Python that built
them is the one running (the tables' fingerprint says so): compiling from it is exact, the
same pattern object ``re.compile`` gives.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from re import _compiler as sre_compile  # type: ignore[attr-defined]
from re import _parser as sre_parse
from typing import Any, Final

from .scanning import _lead, _lowered_source

__all__ = ["KNOWN_CODE", "Analysis", "Caseless", "Code", "analysed", "code_of", "compiled"]

#: Which ``_sre`` runs the code (its version, and the size of its code units).
SRE: Final[str] = f"{sre_compile._sre.MAGIC} {sre_compile._sre.CODESIZE}"
#: What ``re`` hands to ``_sre.compile`` for a pattern: its flags as compiled, its code, its
#: number of groups less one, and its group names both ways.
Code = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]
#: The code of each form, by (source, flags): read from the tables built ahead, when this
#: Python built them.
KNOWN_CODE: dict[tuple[str, int], Code] = {}


def code_of(source: str, flags: int) -> Code:
    """What ``re.compile(source, flags)`` hands to ``_sre.compile`` (as ``re._compiler``
    works it out)."""
    parsed: Any = sre_parse.parse(source, flags)
    code = [int(unit) for unit in sre_compile._code(parsed, flags)]  # named constants: ints
    names: dict[str, int] = dict(parsed.state.groupdict)
    by_index: list[str | None] = [None] * parsed.state.groups
    for name, index in names.items():
        by_index[index] = name
    return (flags | parsed.state.flags, code, parsed.state.groups - 1, names, tuple(by_index))


def compiled(source: str, flags: int) -> re.Pattern[str]:
    """``re.compile(source, flags)``, from its stored code where there is some."""
    code = KNOWN_CODE.get((source, flags))
    if code is not None:
        try:
            return sre_compile._sre.compile(source, *code)  # type: ignore[no-any-return]
        except Exception:  # code this `_sre` does not take: compiled as usual
            KNOWN_CODE.pop((source, flags), None)
    return re.compile(source, flags)


def led_or_plain(led: str | None, source: str, flags: int) -> re.Pattern[str]:
    """*led* (`searched_faster`'s form of *source*) compiled, or *source* where it has none
    or it does not compile (e.g. global flags that must stay at the start)."""
    if led is not None:
        try:
            return compiled(led, flags)
        except re.error:
            pass
    return compiled(source, flags)


#: What `Caseless` keeps of a pattern, worked out once (`analysed`) and compiled only when
#: searched: its flags as compiled, its source and its `searched_faster` form, and the same
#: two of its form for `lowered` text (None, None where it has none).
Analysis = tuple[int, str, str | None, str | None, str | None]


def analysed(source: str, flags: int) -> Analysis:
    """What `Caseless` needs of the pattern *source* (under *flags*), without compiling it:
    each form is parsed once (the tables built ahead hold it: `reading.prepared`)."""
    original = sre_parse.parse(source, flags)
    flags |= original.state.flags  # as the compiled pattern's flags say
    led = _lead(original, source)
    same = _lowered_source(source, flags, original)
    if same is None:
        return (flags, source, led, None, None)
    low, parsed = same
    return (flags, source, led, low, _lead(parsed, low))


class Caseless:
    """A case-insensitive pattern, searched in a text or, faster, in its `lowered` form.

    Offsets are the text's either way (the matched characters are lowered in the second).
    Each form is compiled when it is first searched (`lowered` text is the usual one).

    >>> from sentencenorm.reading.scanning import lowered
    >>> sentenced = Caseless(re.compile(r"\\bsentenc\\w*", re.IGNORECASE))
    >>> text = "He was SENTENCED today."
    >>> [m.span() for m in sentenced.finditer(text, lowered(text))]
    [(7, 16)]
    >>> sentenced.lowered is not None
    True
    """

    __slots__ = ("_lowered", "_pattern", "_ready", "analysis")

    def __init__(self, pattern: re.Pattern[str] | Analysis) -> None:
        #: What the forms are compiled from (`analysed`).
        self.analysis: Analysis = (
            analysed(pattern.pattern, pattern.flags) if isinstance(pattern, re.Pattern) else pattern
        )
        self._pattern: re.Pattern[str] | None = None
        self._lowered: re.Pattern[str] | None = None
        self._ready = self.analysis[3] is None  # whether `_lowered` is what it will be

    @property
    def source(self) -> str:
        return self.analysis[1]

    @property
    def flags(self) -> int:
        return self.analysis[0]

    @property
    def pattern(self) -> re.Pattern[str]:
        """The pattern as given (led by its first characters), for any text."""
        found = self._pattern
        if found is None:
            flags, source, led = self.analysis[:3]
            found = self._pattern = led_or_plain(led, source, flags)
        return found

    @property
    def lowered(self) -> re.Pattern[str] | None:
        """The same pattern without IGNORECASE, for `lowered` text; None when some character
        test of it answers differently for a character and for its lowercase."""
        return self._lowered if self._ready else self._lowered_now()

    def _lowered_now(self) -> re.Pattern[str] | None:
        flags, _source, _led, low, led = self.analysis
        try:
            found = led_or_plain(led, low or "", flags & ~re.IGNORECASE)
        except re.error:  # a form that does not compile: the plain search is kept
            found = None
        self._lowered, self._ready = found, True
        return found

    def search(
        self, text: str, low: str | None, pos: int = 0, endpos: int = 2**63 - 1
    ) -> re.Match[str] | None:
        """``pattern.search(text, pos, endpos)``; *low* is `lowered` (text) or None."""
        if low is not None:
            same = self._lowered if self._ready else self._lowered_now()
            if same is not None:
                return same.search(low, pos, endpos)
        return self.pattern.search(text, pos, endpos)

    def match(self, text: str, low: str | None) -> re.Match[str] | None:
        """``pattern.match(text)``; *low* is `lowered` (text) or None."""
        if low is not None:
            same = self._lowered if self._ready else self._lowered_now()
            if same is not None:
                return same.match(low)
        return self.pattern.match(text)

    def finditer(
        self, text: str, low: str | None, pos: int = 0, endpos: int = 2**63 - 1
    ) -> Iterator[re.Match[str]]:
        """``pattern.finditer(text, pos, endpos)``; *low* is `lowered` (text) or None."""
        if low is not None:
            same = self._lowered if self._ready else self._lowered_now()
            if same is not None:
                return same.finditer(low, pos, endpos)
        return self.pattern.finditer(text, pos, endpos)
