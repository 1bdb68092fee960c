"""The hot path: Lark's LALR tables and terminals, driven by a lean loop of our own.

Lark builds everything from ``grammar/<lang>.lark`` (the tables, the terminals in their
priority order, the contextual lexer's terminal set of each parser state, the callbacks that
apply the transformer during the parse). This module only *runs* them, faster than Lark's
general machinery does, and gives exactly what Lark gives:

- **Lexing two characters deep.** Lark's contextual lexer tries one big alternation of every
  terminal the parser state accepts at each token, so a word like "years" is tried against the
  whole vocabulary. Here each state's terminals are filtered, once per (state, first two
  characters), to those that can *begin* with those characters, and joined in Lark's order
  (`sentencenorm.reading.lexstates`): the token is the one Lark's lexer returns.
- **The parse loop** is Lark's ``ParserState.feed_token`` with the actions pre-digested: plain
  ``str`` keys, Lark's wrappers skipped where they do nothing (a ``?rule`` with one child, a
  transformer method taking its children as arguments), one-symbol reductions made in place,
  no parser-state objects.
- **Failures are Lark's.** Whenever this loop cannot go on (a character no terminal takes, a
  token the state refuses), the phrase is handed to Lark's own parser, which raises the exact
  exception it always raised; errors keep their words, columns and expected sets.

tests/test_lalr.py proves with Hypothesis that tokens and outcomes are Lark's, on arbitrary
text and on text built from the grammar's own vocabulary, in every language.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from types import FunctionType
from typing import Any, Final

from lark import Lark, Token
from lark.grammar import Rule
from lark.parse_tree_builder import ExpandSingleChild
from lark.parsers.lalr_analysis import Shift
from lark.visitors import _vargs_inline, _VArgsWrapper

from .lexstates import Lexers, for_lowered, remember_lowered
from .scanning import DEPTH, lowered

__all__ = ["FastLALR", "LarkLoop", "Refused"]


class Refused(Exception):
    """The fast loop cannot go on here; Lark's parser says why (internal to this module's users).
    `pos`: where Lark's parser stops too (a token refused, or no terminal matches; None: at
    the end of the text)."""

    def __init__(self, pos: int | None = None) -> None:
        super().__init__(pos)
        self.pos = pos


_new_str = str.__new__


def _token(
    kind: str,
    value: str,
    start: int,
    line: int,
    column: int,
    end_line: int,
    end_column: int,
    end: int,
) -> Token:
    """``Token(kind, value, start, line, column, end_line, end_column, end)``, made without
    Lark's keyword handling in ``Token.__new__`` (a fifth of the cost; tests/test_lalr.py
    checks that every attribute is the same)."""
    token: Token = _new_str(Token, value)
    token.type = kind
    token.value = value
    token.start_pos = start
    token.line = line
    token.column = column
    token.end_line = end_line
    token.end_column = end_column
    token.end_pos = end
    return token


# ── the parse loop ───────────────────────────────────────────────────────────────────────────

# An action is (code, argument, call): a shift (next state), or a reduction of a rule of
# `argument` = (size, nonterminal) symbols by `call`. The codes say how the call is made, so the
# loop skips Lark's layers of wrappers where they would do nothing.
_SHIFT: Final = 0
_UNIT: Final = 1  # "?rule: x" with one child: the value is the child, no call
_INLINE: Final = 2  # a transformer method taking the children as arguments, called directly
_CALL: Final = 3  # Lark's callback, called as Lark calls it (child filters, trees...)
_Action = tuple[int, Any, Any]
# The end of the text, as the parser is told it (Lark's name for it).
_END: Final = Token("$END", "")


def _reduction(rule: Rule, callback: Callable[[list[Any]], Any]) -> _Action:
    """The action reducing *rule*, whose callback Lark made as *callback*."""
    size_and_origin = (len(rule.expansion), str(rule.origin.name))
    if type(callback) is ExpandSingleChild and len(rule.expansion) == 1:
        return (_UNIT, size_and_origin, None)
    # A transformer method with inlined arguments (`v_args(inline=True)`), reached through
    # Lark's visit wrapper only (no child filter, no single-child expansion): call it.
    wrapped = getattr(callback, "__wrapped__", None)  # set by Lark's apply_visit_wrapper
    if (
        type(callback) is FunctionType
        and isinstance(wrapped, _VArgsWrapper)
        and wrapped.visit_wrapper is _vargs_inline
    ):
        return (_INLINE, size_and_origin, wrapped.base_func)
    return (_CALL, size_and_origin, callback)


def _digest(row: Any, callbacks: Any) -> tuple[dict[str, _Action], dict[str, int]]:
    """The actions and the gotos of one state's row of Lark's parse table."""
    actions: dict[str, _Action] = {}
    gotos: dict[str, int] = {}
    for name, (action, arg) in row.items():
        # Lark's names are Tokens (a str subclass whose == is Python code): plain str keys
        # make every lookup of the loop a C-level one.
        symbol = str(name)
        if action is not Shift:
            actions[symbol] = _reduction(arg, callbacks[arg])
        elif symbol.isupper() or symbol == "$END":
            actions[symbol] = (_SHIFT, arg, None)
        else:
            gotos[symbol] = arg
    return actions, gotos


class _Gotos(dict[int, dict[str, int]]):
    """The gotos of each parser state, digested with its actions when first asked for."""

    def __init__(self, actions: _Actions) -> None:
        super().__init__()
        self._actions = actions

    def __missing__(self, state: int) -> dict[str, int]:
        self._actions[state]  # digests the state's row, gotos included
        return self[state]


class _Actions(dict[int, dict[str, _Action]]):
    """The actions of each parser state, digested from Lark's table the first time the state
    is met: a phrase meets a few dozen of the grammar's hundreds of states, and a first call
    pays for those only. A state the table does not have is a KeyError."""

    def __init__(self, rows: dict[int, Any], callbacks: Any) -> None:
        super().__init__()
        self._rows = rows
        self._callbacks = callbacks
        self.gotos = _Gotos(self)

    def __missing__(self, state: int) -> dict[str, _Action]:
        actions, gotos = _digest(self._rows[state], self._callbacks)
        dict.__setitem__(self.gotos, state, gotos)
        self[state] = actions
        return actions


class FastLALR:
    """Runs a built `lark.Lark` LALR parser (contextual lexer, transformer attached).

    >>> from sentencenorm.reading.grammars import parser_for
    >>> fast = FastLALR(parser_for("en"))
    >>> fast.parse("six months") == parser_for("en").parse("six months")
    True
    >>> [(t.type, str(t), may_end) for t, may_end in fast.grow("10 years in")]
    [('DIGITS', '10', False), ('UNIT', 'years', True), ('L_IN', 'in', False)]
    """

    def __init__(
        self,
        lark: Lark,
        start: str = "start",
        lowered: dict[tuple[Any, ...], str | None] | None = None,
    ) -> None:
        """*lowered*: the terminals' patterns for lowered text, where the tables hold them."""
        if lowered:
            remember_lowered(lowered)
        frontend: Any = lark.parser
        if lark.options.parser != "lalr" or lark.options.lexer != "contextual":
            raise ValueError("FastLALR runs LALR parsers with the contextual lexer only")
        if lark.options.postlex is not None:
            raise ValueError("FastLALR does not run a postlexer")
        self.lark = lark
        parser = frontend.parser.parser
        table = parser.parse_table
        callbacks = parser.callbacks
        flags = frontend.lexer_conf.g_regex_flags
        self.start_state: int = table.start_states[start]
        self.end_state: int = table.end_states[start]
        #: Each parser state's lexer, made the first time the state lexes (a phrase meets a
        #: handful of the grammar's states: a first call pays for those only).
        self.lexers = Lexers(frontend.lexer.lexers, flags)
        #: Each parser state's actions and gotos, digested the first time the state is met
        #: (as its lexer is).
        self.actions = _Actions(table.states, callbacks)
        self.gotos = self.actions.gotos
        #: Whether every lexer state lexes `lowered` text (the notation's capitals do not):
        #: whether every terminal of the grammar does (each state's terminals are among them).
        self.folds = all(for_lowered(terminal, flags) is not None for terminal in lark.terminals)
        self.token_callbacks: dict[str, Callable[[Token], Any]] = {
            str(name): callback for name, callback in callbacks.items() if isinstance(name, str)
        }

    def first_token(self, text: str, pos: int, low: str | None = None) -> tuple[str, str] | None:
        """The (value, terminal) a phrase starting at *pos* begins with, or None."""
        return self.lexers[self.start_state].match(text, pos, low)

    def parse(self, text: str) -> Any:
        """What ``lark.parse(text)`` returns; on any failure, Lark's own exception."""
        try:
            return self.read(text)
        except Refused:
            return self.lark.parse(text)  # raises the exception Lark raises, or agrees

    def read(self, text: str) -> Any:
        """What ``lark.parse(text)`` returns; `Refused` (with where it stops) where Lark raises
        ``UnexpectedInput``, whose making costs `parse` a second parse by Lark."""
        states = [self.start_state]
        values: list[Any] = []
        feed = self._feed
        for token in self.tokens(text, states):
            feed(token, states, values)
        return feed(_END, states, values)

    def grow(self, text: str, low: str | None = None) -> Iterator[tuple[Token, bool]]:
        """Feed *text* token by token for as long as the parser accepts: each token fed, and
        whether the phrase could end after it. Stops (without an error) where the lexer or the
        parser refuses; an exception the transformer raises propagates. *low* is
        ``scanning.lowered(text)`` when the caller has it (else it is worked out here).

        >>> from sentencenorm.reading.grammars import parser_for
        >>> [(str(t), end) for t, end in FastLALR(parser_for("en")).grow("5 years and the")]
        [('5', False), ('years', True), ('and', False), ('the', False)]
        """
        states = [self.start_state]
        values: list[Any] = []
        actions = self.actions
        try:
            for token in self.tokens(text, states, low):
                self._feed(token, states, values)
                yield token, "$END" in actions[states[-1]]
        except Refused:
            return

    def _feed(self, token: Token, states: list[int], values: list[Any]) -> Any:
        """Lark's ``ParserState.feed_token``: reduce as the table says, then shift *token*;
        for the end of the text, reduce until the start rule is done and return its value."""
        actions, gotos, end_state = self.actions, self.gotos, self.end_state
        kind = token.type
        while True:
            action = actions[states[-1]].get(kind)
            if action is None:
                raise Refused(None if token is _END else token.start_pos)
            code, arg, call = action
            if code is _SHIFT:
                if token is _END:
                    raise Refused(None)  # Lark asserts this never happens
                states.append(arg)
                callbacks = self.token_callbacks
                values.append(token if kind not in callbacks else callbacks[kind](token))
                return None
            size, origin = arg
            if size == 1:  # most reductions: the value and the state are replaced in place
                if code != _UNIT:
                    values[-1] = call(values[-1]) if code == _INLINE else call([values[-1]])
                states[-1] = gotos[states[-2]][origin]
            else:
                if size:
                    children = values[-size:]
                    del states[-size:]
                    del values[-size:]
                    values.append(call(*children) if code == _INLINE else call(children))
                else:
                    values.append(call() if code == _INLINE else call([]))
                states.append(gotos[states[-1]][origin])
            if states[-1] == end_state:  # only ever reached at the end of the text
                return values[-1]

    def tokens(
        self, text: str, states: list[int] | None = None, low: str | None = None
    ) -> Iterator[Token]:
        """The tokens Lark's contextual lexer gives for *text*, each lexed in the parser state
        that ``states[-1]`` holds when it is asked for (the start state when *states* is None).

        Raises `Refused` where no terminal of the state matches. *low*: as for `grow`.
        """
        if states is None:
            states = [self.start_state]
        lexers = self.lexers
        pos = 0
        end = len(text)
        multiline = "\n" in text
        # Terminals are matched in the lowered text where that is exact (reading.scanning: a
        # case-sensitive match is several times cheaper); values come from the text.
        if not self.folds:
            low = None
        elif low is None:
            low = lowered(text)
        subject = text if low is None else low
        while pos < end:
            lexer = lexers[states[-1]]
            if text[pos] == " " and lexer.skip_space is not None:
                pos = lexer.skip_space(text, pos).end()  # type: ignore[union-attr]
                continue
            # `LexerState.match`, inlined: this loop runs once per token of every phrase
            key = subject[pos : pos + DEPTH]
            mres = (lexer.by_start if low is None else lexer.by_lowered).get(key)
            if mres is None:
                mres = lexer.alternations(key, lowered=low is not None)
            for mre in mres:
                found = mre.match(subject, pos)
                if found is not None:
                    break
            else:
                raise Refused(pos)
            start = pos
            pos = found.end()
            value = text[start:pos] if low is not None else found.group()
            kind: str = found.lastgroup  # type: ignore[assignment]  # every group is named
            if kind in lexer.ignore and kind not in lexer.callback:
                continue
            if multiline:
                token = _token(
                    kind,
                    value,
                    start,
                    text.count("\n", 0, start) + 1,
                    start - text.rfind("\n", 0, start),
                    text.count("\n", 0, pos) + 1,
                    pos - text.rfind("\n", 0, pos),
                    pos,
                )
            else:
                token = _token(kind, value, start, 1, start + 1, 1, pos + 1, pos)
            if kind in lexer.callback:
                token = lexer.callback[kind](token)
            if kind not in lexer.ignore:
                yield token


# ── Lark's own loop, where the fast one cannot be built ──────────────────────────────────────


class LarkLoop:
    """The interface of `FastLALR` run by Lark's public API only: the same results, slower.

    `sentencenorm.reading.grammars.fast_parser_for` falls back to it (with one warning) when
    the fast loop cannot be built or disagrees with Lark on its self-test: a Lark release that
    renamed or changed the internals `FastLALR` reads costs speed, never a wrong value.
    """

    def __init__(self, lark: Lark) -> None:
        self.lark = lark

    def parse(self, text: str) -> Any:
        """What ``lark.parse(text)`` returns, or raises."""
        return self.lark.parse(text)

    read = parse  # as `FastLALR.read`, with Lark's own exceptions: never `Refused`

    def grow(self, text: str, low: str | None = None) -> Iterator[tuple[Token, bool]]:
        """As `FastLALR.grow`, through Lark's interactive parser.

        Its ``iter_parse`` hands out each token before feeding it; a token is passed on here
        once the parser took it (the next token was lexed, or the text ended), with whether
        the phrase could end after it.
        """
        from lark.exceptions import UnexpectedCharacters, UnexpectedInput

        interactive = self.lark.parse_interactive(text)
        tokens = interactive.iter_parse()
        pending: Token | None = None
        while True:
            try:
                token = next(tokens)
            except (StopIteration, UnexpectedCharacters):  # the pending token was fed
                if pending is not None:
                    yield pending, "$END" in interactive.choices()  # type: ignore[no-untyped-call]
                return
            except UnexpectedInput:  # the parser refused the pending token
                return
            if pending is not None:
                yield pending, "$END" in interactive.choices()  # type: ignore[no-untyped-call]
            pending = token

    def first_token(self, text: str, pos: int, low: str | None = None) -> tuple[str, str] | None:
        """As `FastLALR.first_token`: the first token Lark lexes at *pos* in the start state."""
        from lark.exceptions import UnexpectedInput

        try:
            token = next(self.lark.parse_interactive(text[pos:]).iter_parse())
        except (StopIteration, UnexpectedInput):
            return None
        except Exception:  # the transformer refused the first value: it still began there
            return None
        return str(token), str(token.type)
