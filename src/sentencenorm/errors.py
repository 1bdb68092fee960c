"""The errors sentencenorm raises on purpose.

Catch `SentenceNormError` to catch all of them. Lark's own exceptions never escape the
package: the parser turns them into `SentenceParseError`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence


class SentenceNormError(Exception):
    """Base class of every error sentencenorm raises on purpose."""


class SentenceParseError(SentenceNormError, ValueError):
    """A phrase could not be read.

    Carries the phrase (`text`), the `column` where reading stopped, the words that would
    have been accepted there (`expected`, in plain words) and a short `reason`. Its `str()`
    shows the phrase with a caret under the column.

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
        self.expected: tuple[str, ...] = tuple(expected)
        self.reason = reason
        super().__init__(self._message())

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
