"""The errors sentencenorm raises on purpose.

Catch `SentenceNormError` to catch all of them. Lark's own exceptions never escape the
package: the parser turns them into `SentenceParseError`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence


class SentenceNormError(Exception):
    """Base class of every error sentencenorm raises on purpose."""


class SentenceParseError(SentenceNormError, ValueError):
    """A phrase could not be read.

    Carries the phrase (`text`), the `column` where reading stopped, the words that would
    have been accepted there (`expected`, in plain words) and a short `reason`. Its `str()`
    shows the phrase with a caret under the column. For an error `parse` raises, `expected`,
    `reason` and the message are worked out when one of them is first read: a program that
    only counts its refusals never pays for their words.

    Columns count characters from 0 everywhere: in `column`, in the message, in the JSON
    error record, as Python indexes a string and as `extract` gives `start` and `end`
    (``text[column:]`` is where reading stopped).

    >>> err = SentenceParseError("ten yaers", 4, ["a unit such as 'years'"])
    >>> print(err)
    cannot read "ten yaers" at column 4: expected a unit such as 'years'
      ten yaers
          ^
    """

    def __init__(
        self,
        text: str,
        column: int,
        expected: Iterable[str] = (),
        reason: str | None = None,
    ) -> None:
        self.text = text
        self.column = max(0, min(column, len(text)))
        self._expected: tuple[str, ...] = tuple(expected)
        self._reason = reason
        self._later: _Later | None = None
        # The message is written when it is read (str(), `message`), not here: a program
        # that reads many phrases and counts its refusals never pays for their words.
        super().__init__(self.text, self.column)

    @property
    def expected(self) -> tuple[str, ...]:
        """The words that would have been accepted at `column`, most useful first."""
        if self._later is not None:
            self._settle()
        return self._expected

    @property
    def reason(self) -> str | None:
        """Why reading stopped, in words (None: the `expected` words say it)."""
        if self._later is not None:
            self._settle()
        return self._reason

    def _settle(self) -> None:
        later = self._later
        if later is not None:  # cleared once both are set: another thread asks `later` too
            self._expected, self._reason = later()
            self._later = None

    def _copy(self, text: str | None = None, column: int | None = None) -> SentenceParseError:
        """A new error like this one (no traceback), at *column* of *text* if given: words
        not yet worked out are worked out once, for both, when either is read."""
        copy: SentenceParseError = SentenceParseError.__new__(SentenceParseError)
        copy.__dict__.update(self.__dict__)  # a remembered refusal raised again: no __init__
        if text is not None:
            copy.text = text
        if column is not None:
            copy.column = max(0, min(column, len(copy.text)))
        BaseException.__init__(copy, copy.text, copy.column)
        return copy

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._message()!r})"

    @property
    def message(self) -> str:
        """The one-line message, without the caret picture."""
        return self._message()

    def _message(self) -> str:
        shown = self.text if len(self.text) <= 120 else self.text[:117] + "..."
        head = f"cannot read {_quote(shown)} at column {self.column}"
        if self.reason:
            return f"{head}: {self.reason}"
        if self.expected:
            return f"{head}: expected {_or_list(self.expected)}"
        return head

    def __str__(self) -> str:
        # Show a window of the phrase around the column so a 1 MB input stays readable.
        start = max(0, self.column - 60)
        window = self.text[start : start + 120]
        visible = "".join(ch if ch.isprintable() else " " for ch in window)
        caret = " " * (self.column - start) + "^"
        return f"{self._message()}\n  {visible}\n  {caret}"

    def __reduce__(
        self,
    ) -> tuple[type[SentenceParseError], tuple[str, int, tuple[str, ...], str | None]]:
        return (type(self), (self.text, self.column, self.expected, self.reason))


def deferred(
    text: str, column: int, words: Callable[[], tuple[Sequence[str], str | None]]
) -> SentenceParseError:
    """A `SentenceParseError` at *column* of *text* whose `expected` and `reason` are
    ``words()``, called once, when one of them (or the message) is first read.

    `parse` refuses a phrase at the cost of finding where reading stops; what was expected
    there and the hint take a second parse by Lark and a lookup in the hints, worth paying
    only for an error someone reads.

    >>> error = deferred("ten yaers", 4, lambda: (["a unit"], None))
    >>> error.column, error.expected
    (4, ('a unit',))
    """
    error = SentenceParseError(text, column)
    error._later = _Later(words)
    return error


class _Later:
    """``words()``, called at most once, by whichever copy of an error asks first."""

    __slots__ = ("_value", "_words")

    def __init__(self, words: Callable[[], tuple[Sequence[str], str | None]]) -> None:
        self._words: Callable[[], tuple[Sequence[str], str | None]] | None = words
        self._value: tuple[tuple[str, ...], str | None] = ((), None)

    def __call__(self) -> tuple[tuple[str, ...], str | None]:
        words = self._words
        if words is not None:  # two threads may both work them out: the same words
            expected, reason = words()
            self._value = (tuple(expected), reason)
            self._words = None
        return self._value


class SentenceDataError(SentenceNormError, ValueError):
    """A value handed to `Sentence.from_dict` is not the JSON contract.

    `path` says where, in the dotted and indexed form of the JSON
    (``components[0].max.amount``; empty for the value as a whole), and `problem` what is
    wrong there; `str()` is ``"<path>: <problem>"``.

    >>> error = SentenceDataError("components[0].count", "expected a whole number, got '2'")
    >>> print(error)
    components[0].count: expected a whole number, got '2'
    """

    def __init__(self, path: str, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}" if path else problem)

    def __reduce__(self) -> tuple[type[SentenceDataError], tuple[str, str]]:
        return (type(self), (self.path, self.problem))


class UnknownCodeError(SentenceNormError, LookupError):
    """A language, locale or jurisdiction code that sentencenorm does not know."""

    what = "code"

    def __init__(self, code: object, available: Sequence[str]) -> None:
        self.code = code
        self.available = tuple(available)
        super().__init__(
            f"unknown {self.what} {code!r}; available: {', '.join(self.available) or 'none'}"
        )


class UnknownLanguageError(UnknownCodeError):
    """No grammar exists for the requested language."""

    what = "language"


class UnknownLocaleError(UnknownCodeError):
    """The requested locale is not a locale Babel knows."""

    what = "locale"


class UnknownJurisdictionError(UnknownCodeError):
    """The jurisdiction code is not one sentencenorm can use."""

    what = "jurisdiction"


class UnknownSchemeError(UnknownCodeError):
    """No band scheme or statistics convention has the requested name."""

    what = "scheme"


class UnsupportedError(SentenceNormError, ValueError):
    """A value cannot be expressed in the requested output (e.g. a style or locale)."""


def _quote(text: str) -> str:
    """*text* in double quotes, with every character that could make a printed message lie or
    fail (controls, bidi overrides, lone surrogates...) written as an escape."""
    return '"' + "".join(_safe(char) for char in text.replace('"', '\\"')) + '"'


def _safe(char: str) -> str:
    if char.isprintable():
        return char
    return char.encode("unicode_escape", "backslashreplace").decode("ascii")


def _or_list(items: Sequence[str]) -> str:
    items = list(dict.fromkeys(items))
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " or " + items[-1]
