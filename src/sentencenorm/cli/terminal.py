"""What a person at a terminal sees: progress lines, summaries, components in words."""

from __future__ import annotations

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
