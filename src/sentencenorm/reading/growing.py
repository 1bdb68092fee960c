"""`extract`'s grow: the grammar's parser fed from one start while it accepts.

From a word start a little before an anchor, the tokens the LALR parser takes one by one,
and every point after which the phrase could end (a phrase never ends on "of", "the" or a
comma; nor inside one length: "5年|半"). See `sentencenorm.reading.extractor` for how the
starts are chosen and the spans read.
"""

from __future__ import annotations

import re
from typing import Any, Final

import attrs
from lark import Token

from ..language.roles import CORE_TERMINALS, role
from .lalr import _token
from .pieces import continues_length

__all__ = ["MAX_SPAN", "Grower", "Grown"]

#: The longest phrase `extract` grows (characters), the same bound `parse` has in spirit.
MAX_SPAN: Final = 300
#: How close to the end of a full window a refusal counts as the window cutting a word.
_CUT_WORD: Final = 40
#: A double quotation mark that opens a quotation or closes one: curly and angled marks say
#: which; a straight one opens before a word ("| "fined) and closes after one (title" |).
_OPENS: Final = re.compile(r'[“„«]|(?<![^\s(\[])"(?=[^\s])')
_CLOSES: Final = re.compile(r'[”»]|(?<=[^\s(\[])"(?![^\s.,;:!?)\]])')


def quotation_end(window: str) -> int:
    """Where a quotation that began before *window* closes in it when another opens after
    it, else the window's length: a phrase never runs from one quotation into the next
    ('substituted “fined under this title” | for “fined not more than $5,000”' names two
    penalties, neither the other's; '"time served," with three years of supervised release'
    is one phrase)."""
    depth = 0
    closed: int | None = None  # where the quotation the window began in closed
    for mark in re.finditer(r'["“”„«»]', window):
        at = mark.start()
        if _CLOSES.match(window, at):
            if depth == 0 and closed is None:
                closed = at
            depth = max(depth - 1, 0)
        elif _OPENS.match(window, at):
            if closed is not None:
                return closed
            depth += 1
    return len(window)


def _shifted(token: Token, offset: int) -> Token:
    """`pieces.shift`, made without Lark's keyword handling: the same attributes."""
    start, end = token.start_pos, token.end_pos
    return _token(
        token.type,
        token.value,
        (start or 0) + offset,
        None,  # type: ignore[arg-type]  # as Token(type, value, start_pos) leaves them
        None,  # type: ignore[arg-type]
        None,  # type: ignore[arg-type]
        None,  # type: ignore[arg-type]
        (end or 0) + offset,
    )


@attrs.frozen
class Grown:
    """What feeding the parser from one start gave: the tokens, and where it could end."""

    start: int  # where in the document the tokens' offsets count from
    window: tuple[Token, ...]  # the tokens, offsets counted from `start`
    ends: tuple[int, ...]  # indexes into tokens after which the phrase may end, longest first
    runaway: bool = False  # still going when the window ended: no real phrase is that long

    @property
    def reach(self) -> int:
        """Where the longest phrase from this start ends."""
        return self.start + (self.window[self.ends[0]].end_pos or 0)

    def tokens(self) -> tuple[Token, ...]:
        """The tokens, offsets counted in the document (made only for starts that are read)."""
        start = self.start
        return tuple(_shifted(token, start) for token in self.window)


class Grower:
    """Grows phrases with one language's fast parser (`FastLALR` or `LarkLoop`).

    *range_on*: the range word and a figure after a value ("up to Rs 1 | to 2 lakh" is no
    "Rs 1"), or None.
    """

    def __init__(self, fast: Any, range_on: Any) -> None:
        self.fast = fast
        self.range_on = range_on
        #: Each terminal's role, asked once: whether a phrase may begin, or end, with it.
        self._starts: dict[str, bool] = {}
        self._ends: dict[str, bool] = {}

    def _begins(self, kind: str) -> bool:
        found = self._starts.get(kind)
        if found is None:
            found = self._starts[kind] = role(kind).starts
        return found

    def _may_end(self, kind: str) -> bool:
        found = self._ends.get(kind)
        if found is None:
            found = self._ends[kind] = role(kind).ends
        return found

    def may_start(self, text: str, low: str | None, start: int) -> bool:
        """Whether a phrase can begin at *start*: one regex match of the first state's lexer.

        Most words of running text cannot begin a phrase; this keeps them from costing a parse.
        """
        first = self.fast.first_token(text, start, low)
        return first is not None and self._begins(first[1])

    def grow(self, text: str, low: str | None, start: int) -> Grown | None:
        """Feed the parser from *start* while it accepts; None when nothing can start here."""
        window = text[start : start + MAX_SPAN]
        window = window[: quotation_end(window)]
        tokens: list[Token] = []
        ends: list[int] = []
        runaway = False
        may_end = self._may_end
        try:
            lowered_window = low[start : start + len(window)] if low is not None else None
            for token, can_end in self.fast.grow(window, lowered_window):
                if not tokens and not self._begins(token.type):
                    return None
                tokens.append(token)
                if can_end and may_end(token.type):
                    ends.append(len(tokens) - 1)
            reached = (tokens[-1].end_pos or 0) if tokens else 0
            # Still going when the window ended, or refused where the window cuts a word
            # ("lebenslang lebensl|"): no real phrase is that long.
            runaway = len(window) == MAX_SPAN and reached >= MAX_SPAN - _CUT_WORD
        except Exception:  # the transformer refused a value: the phrase ends before it
            reached = (tokens[-1].end_pos or 0) if tokens else 0
            runaway = len(window) == MAX_SPAN and reached >= MAX_SPAN - _CUT_WORD
        if not ends:
            return None
        # No end inside one length ("5年|半", "5年|6个月"): "被判5年半之後" is never "5年".
        ends = [at for at in ends if not continues_length(tokens, at, window)]
        if self.range_on is not None:  # nor at a value a range the parser refused goes on from
            ranged = self.range_on.match
            ends = [
                at
                for at, token in ((at, tokens[at]) for at in ends)
                if token.type not in CORE_TERMINALS or not ranged(window, token.end_pos or 0)
            ]
        if not ends:
            return None
        return Grown(start, tuple(tokens), tuple(reversed(ends)), runaway)
