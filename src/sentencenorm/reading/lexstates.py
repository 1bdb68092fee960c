"""The lexer states of `sentencenorm.reading.lalr`: each of Lark's contextual lexer states,
tried only with the terminals that can begin where the text is.

Each state's terminals are filtered, once per (state, first two characters), to those that
can *begin* with those characters (worked out from each terminal's regular expression, see
`sentencenorm.reading.scanning.beginning`), and joined into alternations by Lark's own
``Scanner``, in Lark's order: an alternation picks its first matching branch, and a dropped
branch could never have matched there, so the token is the one Lark's lexer returns. A long
terminal (the number words) is compiled alone once per process and shared by every
alternation that holds it. Terminals are matched in the lowered text where that is proven
exact (`sentencenorm.reading.scanning.lowered_pattern`).

A first call pays for the states and beginnings its phrase meets, nothing more.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any, Final

from lark import Lark, Token
from lark.lexer import BasicLexer, PatternRE, PatternStr, Scanner, TerminalDef

from .scanning import DEPTH, beginning, lowered_pattern

__all__ = ["LexerState", "Lexers", "for_lowered", "lowered_terminals", "remember_lowered"]

#: How many distinct beginnings (two characters) a lexer state remembers a filtered
#: alternation for. Text uses a few hundred; beyond this (hostile text with thousands of
#: distinct characters) the state's full alternation is used, which is what Lark does anyway.
_STARTS_REMEMBERED: Final = 8192


class LexerState:
    """One of Lark's contextual lexer states, tried only with terminals that can begin here."""

    def __init__(self, lexer: BasicLexer, flags: int, compiled: Compiled | None = None) -> None:
        terminals, callbacks = _scanner_terminals(lexer)
        self.callback: dict[str, Callable[[Token], Token]] = {
            str(name): callback for name, callback in callbacks.items()
        }
        self.ignore: frozenset[str] = frozenset(map(str, lexer.ignore_types))
        self._flags = flags
        #: The alternations compiled for this grammar, shared by its states (`_scanned`).
        self._compiled: Compiled = {} if compiled is None else compiled
        self._terminals: list[TerminalDef] = list(terminals)
        self._tests = [_beginning(t.pattern.to_regexp(), flags) for t in self._terminals]
        self.by_start: dict[str, list[re.Pattern[str]]] = {}
        self._by_names: dict[tuple[bool, tuple[str, ...]], list[re.Pattern[str]]] = {}
        # The same terminals for `lowered` text (see sentencenorm.reading.scanning): each one made
        # case-sensitive where that is proven exact; `folds` is False when one cannot be.
        lowered = [for_lowered(terminal, flags) for terminal in self._terminals]
        self.folds = all(terminal is not None for terminal in lowered)
        self._lowered: list[TerminalDef] = [t for t in lowered if t is not None]
        self._lowered_tests = [_beginning(t.pattern.to_regexp(), flags) for t in self._lowered]
        #: `by_start` for lowered text: its alternations search the lowered text.
        self.by_lowered: dict[str, list[re.Pattern[str]]] = {}
        # Where a space can only begin an ignored terminal (whitespace), the space and what
        # follows it are skipped by that terminal's own pattern: no token, no alternation.
        skip = [
            terminal
            for terminal, test in zip(self._terminals, self._tests, strict=True)
            if test is None or test(" ", None)
        ]
        self.skip_space: Callable[[str, int], re.Match[str] | None] | None = None
        if len(skip) == 1 and skip[0].name in self.ignore and skip[0].name not in self.callback:
            self.skip_space = re.compile(skip[0].pattern.to_regexp(), flags).match

    @property
    def terminals(self) -> list[TerminalDef]:
        """Its terminals, in Lark's order."""
        return self._terminals

    @property
    def lowered_terminals(self) -> list[TerminalDef]:
        """Its terminals made to match lowered text (where each can be)."""
        return self._lowered

    def match(self, text: str, pos: int, low: str | None = None) -> tuple[str, str] | None:
        """The (value, terminal name) Lark's lexer would give at *pos*, or None.

        *low* is the `lowered` text, searched instead of *text* when given (and the state
        `folds`); the value is taken from *text* either way.
        """
        if low is not None and self.folds:
            start = low[pos : pos + DEPTH]
            mres = self.by_lowered.get(start)
            if mres is None:
                mres = self.alternations(start, lowered=True)
            subject = low
        else:
            start = text[pos : pos + DEPTH]
            mres = self.by_start.get(start)
            if mres is None:
                mres = self.alternations(start)
            subject = text
        for mre in mres:
            found = mre.match(subject, pos)
            if found is not None:
                return text[pos : found.end()], found.lastgroup  # type: ignore[return-value]
        return None

    def alternations(self, start: str, *, lowered: bool = False) -> list[re.Pattern[str]]:
        """The alternations to try where the text (`lowered` text when *lowered*) begins
        with *start* (its first characters)."""
        remembered = self.by_lowered if lowered else self.by_start
        terminals = self._lowered if lowered else self._terminals
        if len(remembered) >= _STARTS_REMEMBERED:
            return self._alternation(lowered, terminals)
        char, after = start[0], start[1] if len(start) > 1 else None
        chosen = [
            terminal
            for terminal, test in zip(
                terminals, self._lowered_tests if lowered else self._tests, strict=True
            )
            if test is None or test(char, after)
        ]
        mres = self._alternation(lowered, chosen)
        remembered[start] = mres
        return mres

    def _alternation(self, lowered: bool, chosen: list[TerminalDef]) -> list[re.Pattern[str]]:
        key = (lowered, tuple(terminal.name for terminal in chosen))
        mres = self._by_names.get(key)
        if mres is None:
            mres = self._by_names[key] = _joined(chosen, self._flags, self._compiled)
        return mres


#: A terminal whose pattern is at least this long (the number words, the neutral words, the
#: currencies) is compiled alone and shared by every alternation it is in, rather than
#: compiled again inside each (10 ms for the number words).
_ALONE_FROM: Final = 500
#: The alternations compiled for one grammar (its `Lexers`), by their terminals (name and
#: pattern) and flags: its lexer states and beginnings share a few hundred runs of terminals
#: among thousands of (state, beginning) pairs, and each run is compiled once (Python's own
#: cache of patterns keeps 512, so an extraction's first paragraphs compiled most of them
#: again: 1,729 compiles of 211 runs over 36 news-like documents).
Compiled = dict[tuple[tuple[tuple[str, str], ...], int], list[re.Pattern[str]]]


def _joined(chosen: list[TerminalDef], flags: int, compiled: Compiled) -> list[re.Pattern[str]]:
    """The alternations that match as one alternation of *chosen* does, in their order.

    An alternation takes its first branch that matches; so does a list of alternations tried
    in turn (as Lark's scanner tries its own, which it splits at Python's group limit). Runs
    of short terminals are joined by Lark's own ``Scanner``, spelled as Lark spells them; a long
    one stands alone. Each is compiled once per grammar (in *compiled*)."""
    mres: list[re.Pattern[str]] = []
    run: list[TerminalDef] = []
    for terminal in chosen:
        if len(terminal.pattern.to_regexp()) < _ALONE_FROM:
            run.append(terminal)
            continue
        mres += _scanned(run, flags, compiled)
        run = []
        mres += _scanned([terminal], flags, compiled)
    return mres + _scanned(run, flags, compiled)


def _scanned(terminals: list[TerminalDef], flags: int, compiled: Compiled) -> list[re.Pattern[str]]:
    """Lark's own alternation(s) of *terminals* (none for none), compiled once (*compiled*)."""
    if not terminals:
        return []
    key = (tuple((str(t.name), t.pattern.to_regexp()) for t in terminals), flags)
    mres = compiled.get(key)
    if mres is None:
        scanner = Scanner(terminals, flags, re, use_bytes=False)  # type: ignore[no-untyped-call]
        mres = compiled[key] = list(scanner._mres)
    return mres


def _scanner_terminals(lexer: BasicLexer) -> tuple[list[TerminalDef], dict[Any, Any]]:
    """The terminals of Lark's scanner for *lexer*, in its order, with its string/regex folding
    and callbacks, without compiling the alternation of them all that its scanner holds: the
    loop compiles one per beginning of text, and that one costs most of a first call."""
    if getattr(lexer, "_scanner", None) is None and not getattr(lexer, "user_callbacks", None):
        try:
            from lark.lexer import _create_unless

            terminals, callbacks = _create_unless(  # type: ignore[no-untyped-call]
                lexer.terminals, lexer.g_regex_flags, lexer.re, lexer.use_bytes
            )
            return list(terminals), dict(callbacks)
        except (ImportError, AttributeError, TypeError):  # a Lark that moved it: its scanner
            pass
    scanner = lexer.scanner
    return list(scanner.terminals), dict(lexer.callback)


@functools.lru_cache(maxsize=4096)
def _beginning(regexp: str, flags: int) -> Callable[[str, str | None], bool] | None:
    """`scanning.beginning`, worked out once per pattern (a terminal is in many states)."""
    return beginning(regexp, flags)


# Each terminal's pattern for lowered text, worked out once per process (a terminal is in many
# lexer states) or read from the tables built ahead (`sentencenorm.reading.tables`).
_LOWERED: dict[tuple[Any, ...], str | None] = {}


def _key(terminal: TerminalDef, flags: int) -> tuple[Any, ...]:
    pattern = terminal.pattern
    return (type(pattern).__name__, pattern.value, tuple(pattern.flags), flags)


def for_lowered(terminal: TerminalDef, flags: int) -> TerminalDef | None:
    """*terminal*, made to match `lowered` text case-sensitively where it matches the text;
    None where `lowered_pattern` cannot show that."""
    key = _key(terminal, flags)
    if key not in _LOWERED:
        _LOWERED[key] = _lowered_pattern(terminal, flags)
    same = _LOWERED[key]
    if same is None:
        return None
    other = frozenset(terminal.pattern.flags) - {"i"}
    return TerminalDef(terminal.name, PatternRE(same, other), terminal.priority)


def lowered_terminals(lark: Lark) -> dict[tuple[Any, ...], str | None]:
    """Every terminal's pattern for lowered text (None: it has none), as the tables keep it."""
    flags = lark.lexer_conf.g_regex_flags
    for terminal in lark.terminals:
        for_lowered(terminal, flags)
    return {key: _LOWERED[key] for key in (_key(t, flags) for t in lark.terminals)}


def _lowered_pattern(terminal: TerminalDef, flags: int) -> str | None:
    pattern = terminal.pattern
    body = re.escape(pattern.value) if isinstance(pattern, PatternStr) else pattern.value
    caseless = re.IGNORECASE if "i" in pattern.flags else 0
    other = frozenset(pattern.flags) - {"i"}
    # Lark wraps a terminal in one inline group per flag; the check sees the same wrapping.
    for flag in sorted(other):
        body = f"(?{flag}:{body})"
    same = lowered_pattern(body, flags | caseless)
    return None if same is None else same.pattern


class Lexers(dict[int, LexerState]):
    """The lexer state of each parser state, made when first asked for; states that share
    Lark's lexer share one."""

    def __init__(self, lexers: dict[int, BasicLexer], flags: int) -> None:
        super().__init__()
        self._lark = lexers
        self._flags = flags
        self._shared: dict[int, LexerState] = {}
        self._compiled: Compiled = {}

    def __missing__(self, state: int) -> LexerState:
        lexer = self._lark[state]  # KeyError for a state the parser does not have
        made = self._shared.get(id(lexer))
        if made is None:
            made = self._shared[id(lexer)] = LexerState(lexer, self._flags, self._compiled)
        self[state] = made
        return made

    def every(self) -> list[LexerState]:
        """Every state's lexer, made now (tests look at them all)."""
        return [self[state] for state in self._lark]


def remember_lowered(patterns: dict[tuple[Any, ...], str | None]) -> None:
    """Take the terminals' patterns for lowered text from the tables built ahead."""
    _LOWERED.update(patterns)
