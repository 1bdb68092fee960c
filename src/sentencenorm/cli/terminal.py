"""What a person at a terminal sees: progress lines, summaries, components in words."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator

import sentencenorm
from sentencenorm import Sentence

from .streams import plural


class Progress:
    """Counts a batch; on a terminal, a progress line on stderr; at the end, a summary.

    Streaming output (``--jsonl``, CSV) always ends with the summary line: how many were
    read, how many failed, and how fast. Other outputs only say how many failed.
    """

    def __init__(self, streaming: bool) -> None:
        self.streaming = streaming
        self.live = streaming and sys.stderr.isatty()
        self.total = self.failed = 0
        self.started = time.perf_counter()
        self.shown = self.started

    def step(self, failed: bool) -> None:
        self.total += 1
        self.failed += failed
        if self.live and (now := time.perf_counter()) - self.shown >= 0.25:
            self.shown = now
            print(f"\r{self._counts()}", end="", file=sys.stderr, flush=True)

    def _counts(self) -> str:
        elapsed = max(time.perf_counter() - self.started, 1e-9)
        parsed = self.total - self.failed
        return f"{parsed:,} parsed, {self.failed:,} failed, {self.total / elapsed:,.0f}/s"

    def clear(self) -> None:
        """Take the progress line off the terminal."""
        if self.live:
            print("\r\x1b[K", end="", file=sys.stderr)

    def finish(self, noun: str) -> None:
        self.clear()
        nouns = plural(noun, self.total)
        if self.streaming and self.total:
            print(f"{self.total:,} {nouns}: {self._counts()}", file=sys.stderr)
        elif self.failed and self.total > 1:
            print(f"{self.failed} of {self.total} {nouns} did not parse", file=sys.stderr)


class Reading:
    """Counts the documents `extract` reads: on a terminal (stderr a TTY, never a pipe), a
    progress line of files and bytes, redrawn at most four times a second, within a long
    document too; at the end, a summary line as `parse`'s: how many files were read, how
    many could not be, the matches and the speed.

    *names* are the inputs, in order ("-" for stdin); *summary*: whether the run ends with
    the summary line (the caller decides: streams always, a person's listing of several
    files, never grep's -c, -l and -q).
    """

    def __init__(self, names: list[str], summary: bool) -> None:
        self.summary = summary
        self.live = sys.stderr.isatty()
        self.files = len(names)
        self.total = self.failed = self.matches = 0
        self.bytes = 0  # of the documents read to the end
        self.current = 0  # bytes of the document being read
        self.started = time.perf_counter()
        self.shown = self.started
        # The bytes of every input, where known before reading (stdin: once read).
        self.sizes: list[int | None] = [_size(name) for name in names] if self.live else []
        self.begun = 0
        self.drawn = False  # a progress line is on the terminal

    def begin(self, text: str | None) -> None:
        """The next document is about to be read (*text* None: it could not be)."""
        self.current = 0 if text is None else _bytes(text)
        if self.live and self.begun < len(self.sizes) and self.sizes[self.begun] is None:
            self.sizes[self.begun] = self.current
        self.begun += 1

    def within(self, done: int, length: int) -> None:
        """*done* characters of the *length* of the document being read are read."""
        if self.live and (now := time.perf_counter()) - self.shown >= 0.25:
            self.shown = now
            self._show(self.bytes + self.current * done // max(length, 1))

    def step(self, text: str | None, matches: int) -> None:
        """A document is read: *text* None when it could not be, with its *matches*."""
        self.total += 1
        self.failed += text is None
        self.matches += matches
        self.bytes += 0 if text is None else _bytes(text)
        if self.live and (now := time.perf_counter()) - self.shown >= 0.25:
            self.shown = now
            self._show(self.bytes)

    def _show(self, read: int) -> None:
        known = None if None in self.sizes else sum(s for s in self.sizes if s is not None)
        files = f"{self.total:,} of {self.files:,} {plural('file', self.files)}"
        amount = _amount(read) if known is None else f"{_amount(read)} of {_amount(known)}"
        share = f" ({read / known:.0%})" if known else ""
        matches = f"{self.matches:,} {plural('match', self.matches, 'matches')}"
        line = f"{files}, {amount}{share}, {matches}, {self._rate(read)}"
        print(f"\r{line}\x1b[K", end="", file=sys.stderr, flush=True)
        self.drawn = True

    def _rate(self, read: int) -> str:
        elapsed = max(time.perf_counter() - self.started, 1e-9)
        return f"{read / elapsed / 1e6:,.2f} MB/s"

    def clear(self) -> None:
        """Take the progress line off the terminal."""
        if self.drawn:
            print("\r\x1b[K", end="", file=sys.stderr, flush=True)
            self.drawn = False

    def finish(self) -> None:
        """The summary line: ``2 files: 2 read, 0 failed, 5 matches, 0.31 MB/s``."""
        self.clear()
        if self.summary and self.total:
            read = self.total - self.failed
            matches = f"{self.matches:,} {plural('match', self.matches, 'matches')}"
            print(
                f"{self.total:,} {plural('file', self.total)}: {read:,} read, "
                f"{self.failed:,} failed, {matches}, {self._rate(self.bytes)}",
                file=sys.stderr,
            )


def _size(name: str) -> int | None:
    if name == "-":
        return None
    try:
        return os.path.getsize(name)
    except OSError:
        return 0  # it will fail to be read: nothing to count


def _bytes(text: str) -> int:
    return len(text) if text.isascii() else len(text.encode("utf-8", "surrogatepass"))


def _amount(count: int) -> str:
    """*count* bytes for a person: ``812 B``, ``45.3 kB``, ``7.2 MB``."""
    if count < 1000:
        return f"{count} B"
    if count < 1_000_000:
        return f"{count / 1e3:.1f} kB"
    return f"{count / 1e6:,.1f} MB"


def component_lines(sentence: Sentence) -> Iterator[str]:
    """One line per component: its kind, then its words (or its notation without a renderer)."""
    render = getattr(sentencenorm, "render", None)
    for component in sentence.components:
        single = Sentence((component,))
        words = None
        if render is not None:
            try:
                words = str(render(single, locale="en", style="digits"))
            except Exception:  # the notation line above already says it exactly
                words = None
        if words is None or words == str(single):  # no words: the notation, less the kind
            words = str(single).removeprefix(component.kind).strip()
        yield f"{component.kind}: {words}" if words else component.kind
