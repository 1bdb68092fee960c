"""Regular expressions, read for speed: what a match can begin with, and matching lowered text.

Python's ``re`` tries a pattern at every position of the text, and a case-insensitive word
list costs a comparison per word per position. Three exact aids (the same matches at the
same offsets; tests/test_scanning.py and tests/test_lalr.py check them with Hypothesis):

- **What a match can begin with** (`beginning`, from each pattern's parse tree): the LALR
  loop (sentencenorm.reading.lalr) tries only the terminals that can begin with the next two
  characters.
- **Led by the first two characters** (`searched_faster`): a lookahead for the characters a
  match can begin with lets most positions of a long text fail at once.
- **Lowered text, case-sensitive pattern** (`lowered_pattern`, `lowered`, and
  `sentencenorm.reading.caseless`): where lowering the text keeps every offset and every
  character's kind (ASCII, Latin letters, characters without case such as Chinese, quotes,
  currency signs), a case-insensitive pattern matches exactly where the same pattern,
  lowered and case-sensitive, matches the lowered text, provided each character test of the
  two gives the same answer for a character and for its lowercase. That is checked once per
  pattern, test by test, over every character `lowered` lets through; a pattern that fails
  keeps its plain search.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Callable
from re import _constants as sre
from re import _parser as sre_parse
from typing import Any, Final

__all__ = [
    "DEPTH",
    "beginning",
    "first_set",
    "lead_source",
    "lowered",
    "lowered_pattern",
    "searched_faster",
]


# ── how a match can begin ────────────────────────────────────────────────────────────────


_CATEGORY: Final = {
    sre.CATEGORY_DIGIT: r"\d",
    sre.CATEGORY_NOT_DIGIT: r"\D",
    sre.CATEGORY_SPACE: r"\s",
    sre.CATEGORY_NOT_SPACE: r"\S",
    sre.CATEGORY_WORD: r"\w",
    sre.CATEGORY_NOT_WORD: r"\W",
}
_REPEATS: Final = {
    sre.MAX_REPEAT,
    sre.MIN_REPEAT,
    getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT),
}
_ZERO_WIDTH: Final = {sre.AT, sre.ASSERT, sre.ASSERT_NOT}


def _class_item(op: Any, arg: Any) -> str | None:
    """One member of a character class as class syntax; None when it could be anything."""
    if op is sre.LITERAL:
        return re.escape(chr(arg))
    if op is sre.RANGE:
        return f"{re.escape(chr(arg[0]))}-{re.escape(chr(arg[1]))}"
    if op is sre.CATEGORY:
        return _CATEGORY.get(arg)
    return None  # NEGATE, a Unicode category we do not map...: do not filter


# How a match can begin: paths of up to `DEPTH` pieces, one per character; a piece is a
# character class (class syntax, flags) or None for "any character". A path shorter than
# `DEPTH` means the match can end (or anything can follow) there. Every set errs only
# towards more paths: a terminal is never dropped where it could match. The same walk
# (`_paths`) gives `reading.endings` how a match can end, white space skipped.
_Piece = tuple[str, int] | None
_Path = tuple[_Piece, ...]
DEPTH: Final = 2
#: Beyond this many paths a terminal is judged on its first character only.
_MOST_PATHS: Final = 4096


class _TooMany(Exception):
    """Too many ways to begin: give up the second character."""


def _joined(left: set[_Path], right: set[_Path], depth: int) -> set[_Path]:
    """Every path of *left* followed by every path of *right*, cut to *depth*."""
    out = {path for path in left if len(path) >= depth}
    short = [path for path in left if len(path) < depth]
    for path in short:
        for more in right:
            out.add((path + more)[:depth])
    if len(out) > _MOST_PATHS:
        raise _TooMany
    return out


def _paths(
    items: Any, flags: int, depth: int, *, backward: bool = False, spaces: bool = False
) -> set[_Path]:
    """How a match of the parsed pattern *items* can begin (see `_Path`); *backward*: how it
    can end (its last characters, last first). *spaces*: white space is skipped, as if the
    match held none (a character that may be white space may count or not)."""
    paths: set[_Path] = {()}
    for op, arg in reversed(list(items)) if backward else items:
        if all(len(path) >= depth for path in paths):
            break
        paths = _joined(paths, _item_paths(op, arg, flags, depth, backward, spaces), depth)
    return paths


def _item_paths(
    op: Any, arg: Any, flags: int, depth: int, backward: bool, spaces: bool
) -> set[_Path]:
    # With *spaces*, one character that may be white space may also be skipped: none.
    skipped: set[_Path] = {()} if spaces else set()
    if op in _ZERO_WIDTH or (spaces and _only_space(op, arg)):
        return {()}  # nothing that counts: what comes after it (before it, backward) does
    if op is sre.LITERAL:
        return {((re.escape(chr(arg)), flags),)}
    if op is sre.IN:
        pieces = [_class_item(member_op, member) for member_op, member in arg]
        if any(piece is None for piece in pieces):
            return skipped | {(None,)}
        piece = ("".join(p for p in pieces if p is not None), flags)
        if spaces and _may_be_space(piece):
            return {(), (piece,)}  # it may be white space: skipped, or it counts
        return {(piece,)}
    if op is sre.SUBPATTERN:
        _group, add_flags, del_flags, pattern = arg
        return _paths(
            pattern, (flags | add_flags) & ~del_flags, depth, backward=backward, spaces=spaces
        )
    if op is sre.BRANCH:
        found: set[_Path] = set()
        for branch in arg[1]:
            found |= _paths(branch, flags, depth, backward=backward, spaces=spaces)
        return found
    if op in _REPEATS:
        low, high, pattern = arg
        once = _paths(pattern, flags, depth, backward=backward, spaces=spaces)
        copies: set[_Path] = {()}
        found = set()
        # n copies for n from low to high; past `depth` copies nothing new can begin.
        for count in range(min(high, depth) + 1):
            if count >= min(low, depth):
                found |= copies
            copies = _joined(copies, once, depth)
        return found
    if op is getattr(sre, "ATOMIC_GROUP", None):
        return _paths(arg, flags, depth, backward=backward, spaces=spaces)
    if op in (sre.ANY, sre.NOT_LITERAL):
        return skipped | {(None,)}  # one character (maybe white space)
    return {(), (None,) * depth}  # a group reference...: anything, of any length


def _only_space(op: Any, arg: Any) -> bool:
    """Whether the item matches white space only (one character of it)."""
    if op is sre.LITERAL:
        return chr(arg).isspace()
    if op is sre.IN:
        return bool(arg) and all(
            (member_op is sre.CATEGORY and member is sre.CATEGORY_SPACE)
            or (member_op is sre.LITERAL and chr(member).isspace())
            for member_op, member in arg
        )
    return False


@functools.cache
def _may_be_space(piece: tuple[str, int]) -> bool:
    """Whether the class *piece* holds a character of white space."""
    return any(_piece_test(piece)(space) for space in _spaces())


@functools.cache  # not at import: only `reading.endings` skips white space
def _spaces() -> str:
    """Every character `re` takes for ``\\s`` in a str pattern below U+3001 (and U+3000
    itself): the white space a class may hold."""
    return "".join(c for c in map(chr, range(0x3001)) if re.match(r"\s", c))


@functools.cache
def _piece_test(piece: tuple[str, int]) -> Callable[[str], object]:
    return re.compile(f"[{piece[0]}]", piece[1] & ~re.VERBOSE).match


def _begins(paths: set[_Path]) -> Callable[[str, str | None], bool] | None:
    """The test "can a match begin with these two characters?" (the second None at the end of
    the text), or None when any may begin one."""
    if any(not path or (path[0] is None and len(path) == 1) for path in paths):
        return None
    # first piece -> the pieces that may follow it (None: anything may follow)
    following: dict[_Piece, set[_Piece]] = {}
    for path in paths:
        following.setdefault(path[0], set()).add(path[1] if len(path) > 1 else None)
    groups = [
        (
            None if first is None else _piece_test(first),
            None
            if None in seconds
            else [_piece_test(second) for second in seconds if second is not None],
        )
        for first, seconds in following.items()
    ]

    def tried(char: str, after: str | None) -> bool:
        for first, seconds in groups:
            if first is not None and not first(char):
                continue
            if seconds is None or after is None:
                return True
            if any(second(after) for second in seconds):
                return True
        return False

    # A terminal is in many lexer states, each of which asks it once per new beginning.
    answers: dict[tuple[str, str | None], bool] = {}

    def test(char: str, after: str | None) -> bool:
        key = (char, after)
        found = answers.get(key)
        if found is None:
            if len(answers) >= _ANSWERS:
                answers.clear()
            found = answers[key] = tried(char, after)
        return found

    return test


#: How many answers each test of `_begins` remembers (then forgets all at once).
_ANSWERS: Final = 1 << 14


#: The ways each pattern can begin, by (pattern, flags): worked out here once per process, or
#: read from the tables built ahead (`sentencenorm.reading.tables`), so that a first call
#: need not parse every pattern of a grammar.
KNOWN_PATHS: dict[tuple[str, int], frozenset[_Path]] = {}


def begin_paths(regexp: str, flags: int) -> frozenset[_Path]:
    """How a match of *regexp* can begin: two characters deep, or one where two would be too
    many (the data `beginning` makes its test from)."""
    key = (regexp, flags)
    found = KNOWN_PATHS.get(key)
    if found is None:
        parsed = sre_parse.parse(regexp, flags)
        try:
            found = frozenset(_paths(parsed, parsed.state.flags, DEPTH))
        except _TooMany:
            found = frozenset(_paths(parsed, parsed.state.flags, 1))
        KNOWN_PATHS[key] = found
    return found


@functools.cache  # a terminal is in many lexer states: worked out once
def beginning(regexp: str, flags: int) -> Callable[[str, str | None], bool] | None:
    """`_begins` for *regexp* (`begin_paths`)."""
    return _begins(set(begin_paths(regexp, flags)))


def first_set(regexp: str, flags: int) -> Callable[[str], bool] | None:
    """A test for "can a match of *regexp* begin with this character?", or None when any
    character may begin one. The test errs only towards yes."""
    parsed = sre_parse.parse(regexp, flags)
    test = _begins(_paths(parsed, parsed.state.flags, 1))
    if test is None:
        return None
    return lambda char: test(char, None)


def searched_faster(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """*pattern*, made to find the same matches faster where it is searched for in long text.

    A search tries the pattern at every position; led by a lookahead for the characters any
    match must begin with (a class for the first, then the pairs of the first two), it skips
    the others quickly. Patterns that could begin with anything are returned as they are.

    >>> fast = searched_faster(re.compile(r"\\b(?:prison|jail)", re.IGNORECASE))
    >>> fast.pattern
    '(?=[jp])(?=[j][a]|[p][r])(?:\\\\b(?:prison|jail))'
    >>> [m.span() for m in fast.finditer("Sent to JAIL, not prison.")]
    [(8, 12), (18, 24)]
    """
    led = _lead(sre_parse.parse(pattern.pattern, pattern.flags), pattern.pattern)
    if led is None:
        return pattern
    try:
        return re.compile(led, pattern.flags)
    except re.error:  # e.g. global flags that must stay at the start
        return pattern


def lead_source(source: str, flags: int) -> tuple[int, str | None]:
    """*source*'s flags as compiled under *flags*, and its `searched_faster` form (None where
    it has none), not compiled."""
    parsed = sre_parse.parse(source, flags)
    return parsed.state.flags, _lead(parsed, source)


def _lead(parsed: Any, source: str) -> str | None:
    """`searched_faster`'s form of *source* (parsed as *parsed*), not compiled; None where
    some match begins with anything (or with nothing)."""
    try:
        paths = _paths(parsed, parsed.state.flags, 2)
    except _TooMany:
        paths = _paths(parsed, parsed.state.flags, 1)
    if not paths or any(not path or path[0] is None for path in paths):
        return None  # some match begins with anything (or with nothing)
    if len({piece[1] for path in paths for piece in path if piece is not None}) != 1:
        return None  # classes under different flags cannot share one lookahead
    # first character's class -> the classes of the second ("" where anything may follow)
    seconds: dict[str, set[str]] = defaultdict(set)
    for first, *rest in paths:
        assert first is not None
        second = rest[0] if rest else None
        seconds[first[0]].add(second[0] if second is not None else "")
    lead = "".join(sorted(seconds))
    pairs = "|".join(
        f"[{first}]" if "" in following else f"[{first}][{''.join(sorted(following))}]"
        for first, following in sorted(seconds.items())
    )
    return f"(?=[{lead}])(?={pairs})(?:{source})"


# ── lowered text ─────────────────────────────────────────────────────────────────────────────


def _kinds(char: str) -> tuple[bool, bool, bool]:
    """Whether ``\\w``, ``\\d`` and ``\\s`` match the character *char*, as `re` decides it
    for text (alphanumeric or "_", decimal, space), without a regular expression (this runs
    for 592 characters at import)."""
    return (char.isalnum() or char == "_", char.isdecimal(), char.isspace())


def _keeps_kind(char: str) -> bool:
    low = char.lower()
    return len(low) == 1 and _kinds(char) == _kinds(low)


#: Characters with case that `lowered` lets through: ASCII and Latin letters whose lowercase
#: is one character of the same kind. Left out: "ſ", "ı" and "İ", which a case-insensitive
#: pattern equates with ASCII letters of another lowercase ("ſ" with "s").
ALPHABET: Final = "".join(
    char for char in map(chr, range(0x250)) if char not in "ſıİ" and _keeps_kind(char)
)
_ALPHABET_LOWERED: Final = ALPHABET.lower()
# Characters outside the alphabet: each must have no case at all.
_OUTSIDE: Final = re.compile(
    "[^" + "".join(re.escape(char) for char in ALPHABET) + "]",
)


def lowered(text: str) -> str | None:
    """``text.lower()`` when a `Caseless` pattern may search it instead of *text*, else None.

    That is when every character is in `ALPHABET` or has no case (Chinese, punctuation, signs):
    then lowering keeps every offset.

    >>> lowered("Sentenced to 20 YEARS — £500")
    'sentenced to 20 years — £500'
    >>> lowered("ΟΔΟΣ") is None  # Greek: a final sigma lowers by context
    True
    """
    if not text.isascii():
        for char in set(_OUTSIDE.findall(text)):
            if char.lower() != char or char.upper() != char:
                return None
    return text.lower()


# ── which patterns may search lowered text ───────────────────────────────────────────────────

_ALPHABET_SET: Final = frozenset(ALPHABET)
_ESCAPE_OR_RUN: Final = re.compile(r"\\.|[^\\]+", re.DOTALL)


def _lower_source(found: re.Match[str]) -> str:
    run = found.group()
    if run.startswith("\\"):
        return run  # an escape keeps its letter: \W, \S, \d...
    return "".join(char.lower() if char in _ALPHABET_SET else char for char in run)


def lowered_pattern(pattern: str, flags: int) -> re.Pattern[str] | None:
    r"""A case-sensitive pattern that matches `lowered` text exactly where *pattern* (under
    *flags*, case-insensitive or not) matches the text; None where that cannot be shown.

    The source is lowered outside its escapes ("Jahr" -> "jahr": the same under IGNORECASE),
    then every character test of the two is compared, test by test, over `ALPHABET`.

    >>> lowered_pattern(r"\bJahre?\b", re.IGNORECASE).pattern
    '\\bjahre?\\b'
    >>> lowered_pattern(r"[A-Z]{3}", 0) is None  # capitals only: lowered text has none
    True
    """
    try:
        same = _lowered_source(pattern, flags)
        return None if same is None else re.compile(same[0], flags & ~re.IGNORECASE)
    except re.error:  # e.g. a flag letter lowered: keep the plain search
        return None


def _lowered_source(pattern: str, flags: int, original: Any = None) -> tuple[str, Any] | None:
    """`lowered_pattern`'s source, and its parse without IGNORECASE, not compiled (which may
    still fail); *original* is *pattern* parsed under *flags*, when the caller has it."""
    source = _ESCAPE_OR_RUN.sub(_lower_source, pattern)
    plain = flags & ~re.IGNORECASE
    try:
        if original is None:
            original = sre_parse.parse(pattern, flags)
        same = original if source == pattern else sre_parse.parse(source, flags)
        candidate = sre_parse.parse(source, plain)
    except re.error:  # e.g. a flag letter lowered: keep the plain search
        return None
    if source != pattern and not (flags & re.IGNORECASE and _ranges_kept(list(original))):
        return None  # lowering changed what a case-sensitive pattern or a range means
    if not _same_tests(list(same), list(candidate), flags & re.IGNORECASE):
        return None
    return source, candidate


def _ranges_kept(items: list[Any]) -> bool:
    """Whether lowering leaves every range of a class as it is: lowering a letter means the
    same to a case-insensitive pattern, but "[A-z]" and "[a-z]" are different ranges."""
    for op, arg in items:
        if op is sre.IN:
            for member_op, member in arg:
                if member_op is sre.RANGE and any(
                    chr(end) in _ALPHABET_SET and chr(end).lower() != chr(end) for end in member
                ):
                    return False
        elif not all(_ranges_kept(list(part)) for part in _nested(op, arg)):
            return False
    return True


def _nested(op: Any, arg: Any) -> list[Any]:
    """The patterns nested in one operation of a parsed pattern."""
    if op is sre.SUBPATTERN:
        return [arg[3]]
    if op is sre.BRANCH:
        return list(arg[1])
    if op in _REPEATS or op in (sre.ASSERT, sre.ASSERT_NOT):
        return [arg[-1]]
    if op is getattr(sre, "ATOMIC_GROUP", None):
        return [arg]
    if op is sre.GROUPREF_EXISTS:
        return [part for part in arg[1:] if part is not None]
    return []


# Operations whose argument holds no character test: equal arguments, equal behaviour.
_PLAIN_OPS: Final = {sre.AT, sre.ANY, sre.GROUPREF}


def _same_tests(left: list[Any], right: list[Any], caseless: int) -> bool:
    """Whether parsed *left* (IGNORECASE when *caseless*) on a text behaves as parsed *right*
    (case-sensitive) on the lowered text: the same operations, each character test agreeing
    on every character of `ALPHABET`."""
    if len(left) != len(right):
        return False
    for (op, arg), (other_op, other_arg) in zip(left, right, strict=True):
        if op is not other_op:
            return False
        if op in (sre.LITERAL, sre.NOT_LITERAL, sre.IN):
            if not _agrees(_test(op, arg), _test(other_op, other_arg), caseless):
                return False
        elif op is sre.SUBPATTERN:
            group, add_flags, del_flags, items = arg
            if (add_flags | del_flags) & re.IGNORECASE or other_arg[:3] != (
                group,
                add_flags,
                del_flags,
            ):
                return False  # a part that sets its own case rule
            if not _same_tests(list(items), list(other_arg[3]), caseless):
                return False
        elif op is sre.BRANCH:
            if len(arg[1]) != len(other_arg[1]) or not all(
                _same_tests(list(a), list(b), caseless)
                for a, b in zip(arg[1], other_arg[1], strict=True)
            ):
                return False
        elif op in _REPEATS or op in (sre.ASSERT, sre.ASSERT_NOT):
            if arg[:-1] != other_arg[:-1]:
                return False
            if not _same_tests(list(arg[-1]), list(other_arg[-1]), caseless):
                return False
        elif op is getattr(sre, "ATOMIC_GROUP", None):
            if not _same_tests(list(arg), list(other_arg), caseless):
                return False
        elif op not in _PLAIN_OPS or arg != other_arg:
            return False  # an operation this check does not know: keep the plain search
    return True


def _test(op: Any, arg: Any) -> str | None:
    """One character test of a parsed pattern as a pattern of its own, or None."""
    if op is sre.LITERAL:
        return re.escape(chr(arg))
    if op is sre.NOT_LITERAL:
        return f"[^{re.escape(chr(arg))}]"
    negate = bool(arg) and arg[0][0] is sre.NEGATE
    members = [_class_item(member_op, member) for member_op, member in arg[negate:]]
    if any(member is None for member in members):
        return None
    return f"[{'^' if negate else ''}{''.join(members)}]"  # type: ignore[arg-type]


@functools.cache
def _agrees(test: str | None, lowered_test: str | None, caseless: int) -> bool:
    if test is None or lowered_test is None:
        return False
    found = [m.start() for m in re.finditer(test, ALPHABET, caseless)]
    return found == [m.start() for m in re.finditer(lowered_test, _ALPHABET_LOWERED)]
