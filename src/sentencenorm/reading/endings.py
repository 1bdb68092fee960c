"""How a cue can end: which cue patterns are worth a search of the text before a phrase.

A cue before a phrase (``[[cues]]`` in ``grammar/<lang>.context.toml``) is anchored at the
end of the text it is searched in ("sentenced ... to\\s*$"), and `cue_before` searches each
language's dozens of them, in file order, before every phrase `extract` reads. Most of them
cannot end where that text ends: "... in the first half of" ends in "f", "o", "f", and no cue
pattern ending in "to", "for", "faces" or "given" can match it.

Exact, as `scanning.searched_faster` is for how a match begins: from each pattern's parse
tree (walked backward by `scanning._paths`), the last few characters that are not white
space a match can end with (white space is skipped on both sides, so "put away  " and
"put\\s+away\\s*$" agree). A pattern is tested only when it is anchored at the
end of the text (``$`` or ``\\Z``, no MULTILINE) and every match of it holds enough such
characters; any other pattern is always searched. The answer for one ending is remembered:
news text ends its words in a few thousand ways.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from re import _constants as sre
from re import _parser as sre_parse
from typing import Any, Final, NamedTuple, Protocol

from .caseless import Caseless
from .scanning import _REPEATS, _ZERO_WIDTH, _only_space, _Path, _paths, _piece_test, _TooMany

__all__ = [
    "KNOWN_ENDS",
    "Anchored",
    "Led",
    "candidates",
    "ending",
    "heading",
    "may_begin",
    "may_end",
    "tails",
]

#: How many characters (white space aside) of the end are compared.
DEPTH: Final = 3
_ENDS: Final = frozenset({sre.AT_END, sre.AT_END_STRING})


def ending(text: str) -> str:
    """The last `DEPTH` characters of *text* that are not white space, last first."""
    out: list[str] = []
    at = len(text) - 1
    while at >= 0 and len(out) < DEPTH:
        char = text[at]
        if not char.isspace():
            out.append(char)
        at -= 1
    return "".join(out)


def _anchored(items: Any) -> str:
    """ "yes" when every match of *items* ends where the text ends, "none" when *items*
    consume white space at most (look further left), else "no"."""
    for op, arg in reversed(list(items)):
        if op is sre.AT and arg in _ENDS:
            return "yes"
        if op in _ZERO_WIDTH or _only_space(op, arg):
            continue
        if op is sre.SUBPATTERN:
            found = _anchored(arg[3])
        elif op is sre.BRANCH:
            answers = {_anchored(branch) for branch in arg[1]}
            found = answers.pop() if len(answers) == 1 else "no"
        elif op in _REPEATS:
            found = "none" if _anchored(arg[2]) == "none" else "no"
        else:
            return "no"
        if found != "none":
            return found
    return "none"


def _tester(source: str, flags: int) -> frozenset[_Path] | None:
    """The ways a match of *source* (under *flags*) can end, or None when it is not to be
    filtered."""
    if flags & re.MULTILINE:
        return None  # "$" before every line break: a match may end inside the text
    parsed = sre_parse.parse(source, flags)
    if _anchored(parsed) != "yes":
        return None
    return _deepest(parsed, backward=True)


def _deepest(parsed: Any, backward: bool) -> frozenset[_Path] | None:
    """The ways *parsed* can begin (*backward*: end), white space skipped, to the greatest
    depth that does not hold too many ways; None when a match may hold nothing that counts."""
    for depth in range(DEPTH, 0, -1):
        try:
            paths = _paths(parsed, parsed.state.flags, depth, backward=backward, spaces=True)
        except _TooMany:
            continue
        if any(not path for path in paths):
            return None  # a match may hold nothing that counts
        return frozenset(paths)
    return None


#: The ways each pattern can end, by (source, flags as compiled): worked out once per
#: process, or read from the tables built ahead (`sentencenorm.reading.prepared`).
KNOWN_ENDS: dict[tuple[str, int], frozenset[_Path] | None] = {}


def tails(source: str, flags: int) -> frozenset[_Path] | None:
    """`_tester` of *source*, remembered in `KNOWN_ENDS`."""
    key = (source, flags)
    if key in KNOWN_ENDS:
        return KNOWN_ENDS[key]
    found = KNOWN_ENDS[key] = _tester(source, flags)
    return found


def _head_tester(source: str, flags: int) -> frozenset[_Path] | None:
    """The ways a match of *source* (under *flags*) at the start of a text can begin (white
    space skipped, first first), or None when it is not to be filtered."""
    return _deepest(sre_parse.parse(source, flags), backward=False)


def heading(text: str) -> str:
    """The first `DEPTH` characters of *text* that are not white space, first first."""
    out: list[str] = []
    for char in text:
        if not char.isspace():
            out.append(char)
            if len(out) == DEPTH:
                break
    return "".join(out)


def _fits(paths: frozenset[_Path], end: str) -> bool:
    for path in paths:
        if len(path) > len(end):
            continue  # the text holds too few characters for this way of ending
        tests = (
            piece is None or _piece_test(piece)(char)
            for piece, char in zip(path, end, strict=False)
        )
        if all(tests):
            return True
    return False


#: Flags a piece of a path may carry that `_fitting` writes inline (or leaves out: the
#: default for str patterns, and verbose mode, which `_piece_test` drops too).
_INLINE: Final = re.IGNORECASE | re.UNICODE | re.VERBOSE


def _fitting(paths: frozenset[_Path] | None) -> Callable[[str], bool] | None:
    """`_fits` for *paths* as one regular expression matched against an ending (one ``re``
    call for every path, where new text meets thousands of endings); None when every ending
    fits (a pattern not judged)."""
    if paths is None:
        return None
    if any(piece is not None and piece[1] & ~_INLINE for path in paths for piece in path):
        return lambda end: _fits(paths, end)
    ways = sorted(
        "".join(
            "(?s:.)" if piece is None else f"(?{'i' if piece[1] & re.I else '-i'}:[{piece[0]}])"
            for piece in path
        )
        for path in paths
    )
    compiled = re.compile("|".join(ways) or "(?!)")
    return lambda end: compiled.match(end) is not None


#: `_fitting` of each pattern's `tails`, and of its `_head_tester`, by (source, flags).
_FITS: dict[tuple[str, int], Callable[[str], bool] | None] = {}
_HEADS: dict[tuple[str, int], Callable[[str], bool] | None] = {}


def may_end(pattern: re.Pattern[str], end: str) -> bool:
    """Whether a match of *pattern* can end where a text whose `ending` is *end* ends (True
    for a pattern this module does not judge).

    >>> to = re.compile(r"\\bsentenced\\s+to\\s*$", re.IGNORECASE)
    >>> may_end(to, ending("he was SENTENCED TO ")), may_end(to, ending("the half of "))
    (True, False)
    >>> may_end(re.compile(r"to\\s*$", re.M), ending("the half of "))  # not judged
    True
    """
    key = (pattern.pattern, pattern.flags)
    if key in _FITS:
        fits = _FITS[key]
    else:
        fits = _FITS[key] = _fitting(tails(*key))
    return fits is None or fits(end)


def may_begin(source: str, flags: int, head: str) -> bool:
    """Whether a match of *source* (under *flags*) at the start of a text can succeed on a
    text whose `heading` is *head* (True for a pattern this module does not judge).

    >>> later = r"^\\s*later\\b"
    >>> may_begin(later, re.I, heading("  Later on")), may_begin(later, re.I, heading(" for X"))
    (True, False)
    """
    key = (source, flags)
    if key in _HEADS:
        fits = _HEADS[key]
    else:
        fits = _HEADS[key] = _fitting(_head_tester(source, flags))
    return fits is None or fits(head)


class _Cue(Protocol):
    @property
    def pattern(self) -> Caseless: ...


_Judged = tuple[tuple[int, frozenset[_Path] | None], ...]
_CANDIDATES: dict[int, tuple[Sequence[_Cue], dict[str, tuple[int, ...]], dict[str, _Judged]]] = {}
#: How many endings are remembered per list of cues (then forgotten all at once).
_REMEMBERED: Final = 1 << 16


def candidates(cues: Sequence[_Cue], end: str) -> tuple[int, ...]:
    """The indexes of the *cues* (a language's, searched in file order) whose pattern can
    match a text whose `ending` is *end*; remembered per ending, and first narrowed to the
    cues that can end with its last character (remembered per character)."""
    known = _CANDIDATES.get(id(cues))
    if known is None or known[0] is not cues:
        known = _CANDIDATES[id(cues)] = (cues, {}, {})
    by_end, by_last = known[1], known[2]
    found = by_end.get(end)
    if found is None:
        if len(by_end) >= _REMEMBERED:
            by_end.clear()
            by_last.clear()
        last = end[:1]
        judged = by_last.get(last)
        if judged is None:
            judged = by_last[last] = _ending_with(cues, last)
        found = by_end[end] = tuple(
            index for index, paths in judged if paths is None or _fits(paths, end)
        )
    return found


def _ending_with(cues: Sequence[_Cue], last: str) -> _Judged:
    """The cues (index, ways to end) a match of which can end with the character *last* (""
    for a text of white space): every way `_fits` a text ending so begins with it."""
    found = []
    for index, cue in enumerate(cues):
        paths = tails(cue.pattern.source, cue.pattern.flags)
        if paths is None or (
            last and any(path[0] is None or _piece_test(path[0])(last) for path in paths)
        ):
            found.append((index, paths))
    return tuple(found)


class _Part(NamedTuple):
    pattern: Caseless


def _plain(source: str) -> Caseless:
    return Caseless(re.compile(source, re.IGNORECASE))


class Anchored:
    """A list of patterns that each end where the text searched ends ("avoided\\s*$"), as
    `cue_before` reads its cues: `search` tries, one by one, only those that can end where
    the text ends (`candidates`). Whether any matches is what their alternation's search
    says; most texts let few of them be tried, each led by its own first characters, where
    the alternation tries every one at every position. Compiled when first searched, each
    made a `Caseless` by *made* (`reading.prepared.caseless` for a language's context).

    >>> avoided = Anchored([r"\\bavoided\\s*$", r"\\bspared\\s*$"])
    >>> avoided.search("He AVOIDED ", None), avoided.search("he avoided it", None)
    (True, False)
    """

    __slots__ = ("parts", "patterns")

    def __init__(self, patterns: Sequence[str], made: Callable[[str], Caseless] = _plain) -> None:
        self.patterns = tuple(patterns)
        #: Each pattern, as a cue of `candidates` (compiled when first searched).
        self.parts = tuple(_Part(made(pattern)) for pattern in self.patterns)

    def search(self, text: str, low: str | None) -> bool:
        """Whether a pattern matches *text* (*low*: its `lowered` form, or None)."""
        parts = self.parts
        return any(
            parts[index].pattern.search(text, low) is not None
            for index in candidates(parts, ending(text))
        )


class Led:
    """A list of patterns matched at the start of a text (the words right after a phrase:
    "^\\s*,?\\s*which\\s+was\\s+later\\s+quashed"): `match` tries, one by one, only those
    that can begin as the text begins (`may_begin`). Whether any matches is what their
    alternation's match says. Compiled when first matched (each made as `Anchored` makes it).

    >>> later = Led([r"\\s*later\\b", r"\\s*ago\\b"])
    >>> later.match(" AGO, he said", None), later.match(" in prison", None)
    (True, False)
    """

    __slots__ = ("_by_head", "parts", "patterns")

    def __init__(self, patterns: Sequence[str], made: Callable[[str], Caseless] = _plain) -> None:
        self.patterns = tuple(patterns)
        #: Each pattern (compiled when first matched).
        self.parts = tuple(made(pattern) for pattern in self.patterns)
        self._by_head: dict[str, tuple[int, ...]] = {}

    def match(self, text: str, low: str | None) -> bool:
        """Whether a pattern matches at the start of *text* (*low*: its `lowered` form, or None)."""
        parts = self.parts
        head = heading(text)
        chosen = self._by_head.get(head)
        if chosen is None:
            if len(self._by_head) >= _REMEMBERED:
                self._by_head.clear()
            chosen = self._by_head[head] = tuple(
                index
                for index, part in enumerate(parts)
                if may_begin(part.source, part.flags, head)
            )
        return any(parts[index].match(text, low) is not None for index in chosen)
