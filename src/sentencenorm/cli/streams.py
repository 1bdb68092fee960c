"""What every command shares: exit statuses, signals, whole-record output, input lines.

Exit statuses (documented in the README's CLI section and in ``sentencenorm --help``):

- 0 (`OK`): every record was read;
- 1 (`SOME_FAILED`): the run finished, and some records are error rows (a phrase that did
  not parse, a file that could not be read): look at the output;
- 2 (`USAGE`): the command line or an option's value is wrong, or ``--resume FILE`` was
  refused; nothing was written;
- 3 (`RUN_FAILED`): the run itself failed (a worker process died, the output could not be
  written, disk full, an internal error) and stopped after whole records; continue it with
  ``--resume``;
- 130 and 143: stopped by Ctrl-C (SIGINT) or SIGTERM, after whole records;
- 141: the reader of the output went away (a broken pipe, as SIGPIPE would end the process).

``extract -q`` and ``compare --is`` answer a question with their status instead: 0 yes (a
match; the order asked), 1 no, 2 the question could not be asked (an unreadable phrase, a
usage error).
"""

from __future__ import annotations

import contextlib
import json
import os
import shlex
import signal
import stat
import sys
import threading
from collections.abc import Iterable, Iterator
from types import FrameType
from typing import Any, Final, TextIO

from sentencenorm import SentenceParseError

OK: Final = 0
SOME_FAILED: Final = 1
USAGE: Final = 2
RUN_FAILED: Final = 3
#: compare's "the order is not the one asked" (as cmp and diff say "different").
DIFFERENT: Final = 1
BROKEN_PIPE: Final = 128 + 13  # SIGPIPE

# Characters that str.splitlines() and other line readers take as line breaks but json.dumps
# leaves raw (it escapes the ASCII controls itself): escaped, one record is one line for all.
_LINE_BREAKS: Final = {ord(char): f"\\u{ord(char):04x}" for char in "\x85\u2028\u2029"}


def to_json(value: Any, **options: Any) -> str:
    """JSON as UTF-8 text (not \\u-escaped), with line-breaking characters escaped."""
    return json.dumps(value, ensure_ascii=False, **options).translate(_LINE_BREAKS)


def plural(noun: str, count: int, many: str | None = None) -> str:
    return noun if count == 1 else many or noun + "s"


class WriteFailed(Exception):
    """The output could not be written (disk full, a closed file...): the run must stop."""

    def __init__(self, error: OSError, target: str | None = None) -> None:
        self.error = error
        #: What could not be written, when it is not the run's output stream (--to-sqlite).
        self.target = target
        super().__init__(error.strerror or str(error))


class Signals:
    """SIGINT and SIGTERM as KeyboardInterrupt, held back while a record is being written.

    Python's own SIGINT handler raises anywhere, even between the two halves of a buffered
    write; this one raises at once unless a record is being written, and else right after it.
    """

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.holding = False
        self.pending = False
        self.received: int | None = None

    @contextlib.contextmanager
    def installed(self) -> Iterator[None]:
        """Handle SIGINT and SIGTERM while the block runs (signals need the main thread)."""
        if threading.current_thread() is not threading.main_thread():
            yield
            return
        numbers = (signal.SIGINT, signal.SIGTERM)
        previous = {number: signal.getsignal(number) for number in numbers}
        for number in numbers:
            signal.signal(number, self._handle)
        try:
            yield
        finally:
            for number, handler in previous.items():
                signal.signal(number, signal.SIG_DFL if handler is None else handler)

    def _handle(self, number: int, frame: FrameType | None) -> None:
        self.received = number
        if self.holding:
            self.pending = True
            return
        raise KeyboardInterrupt

    def status(self) -> int:
        """The exit status for the interrupt: 128 plus the signal's number (130 for Ctrl-C)."""
        return 128 + (self.received or signal.SIGINT)


SIGNALS: Final = Signals()


class Writer:
    """A stream's output: each record written whole with one write and one flush, and counted.

    An interrupt that arrives while a record is written is raised after it, so the output
    never ends in a partial line (only SIGKILL or a crash of the machine can cut one). A
    write that fails raises `WriteFailed` (a broken pipe stays BrokenPipeError).
    """

    def __init__(self, stream: TextIO, name: str | None = None, records: int = 0) -> None:
        self.stream, self.name, self.records = stream, name, records
        self.lines = 0  # written by this run
        self.owned = name is not None

    def write(self, text: str, record: bool = True) -> int:
        """Write *text* (an empty record, too, counts as done) and flush it."""
        SIGNALS.holding = True
        try:
            if text:
                try:
                    self.stream.write(text)
                    self.stream.flush()
                except BrokenPipeError:
                    raise
                except OSError as error:
                    raise WriteFailed(error) from None
            self.records += record
            self.lines += text.count("\n")
        finally:
            SIGNALS.holding = False
        if SIGNALS.pending:
            SIGNALS.pending = False
            raise KeyboardInterrupt
        return len(text)

    def target(self) -> str:
        """How to name this output after --resume: its file, or OUT when that is unknown."""
        name = self.name if self.name is not None else file_name(self.stream)
        return "OUT (the file this output went to)" if name is None else shlex.quote(name)

    def close(self) -> None:
        if self.owned:
            with contextlib.suppress(OSError):
                self.stream.close()


def file_name(stream: TextIO) -> str | None:
    """The path of the regular file *stream* writes to, when the system can tell."""
    try:
        number = stream.fileno()
        status = os.fstat(number)
        if not stat.S_ISREG(status.st_mode):
            return None
        path = os.readlink(f"/proc/self/fd/{number}")
        if not os.path.samestat(os.stat(path), status):
            return None
    except (AttributeError, OSError, ValueError):  # io.UnsupportedOperation is both
        return None
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative


def lock(number: int) -> bool:
    """Take an exclusive lock on the open file *number* for as long as it stays open.

    False when another process holds it. Where the system or the file system has no such
    locks, the output is written unlocked (True), as every other tool would.
    """
    try:
        import fcntl
    except ImportError:  # Windows: a lock on the first byte
        import msvcrt

        try:
            msvcrt.locking(number, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        except OSError:
            return False
        return True
    try:
        fcntl.flock(number, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError:  # no locks on this file system
        return True
    return True


def lock_stdout() -> None:
    """Hold a lock on stdout when it is a regular file, so that a ``--resume`` of that file
    started while this run still writes it is refused instead of interleaving its records."""
    with contextlib.suppress(AttributeError, OSError, ValueError):
        number = sys.stdout.fileno()
        if stat.S_ISREG(os.fstat(number).st_mode):
            lock(number)  # another holder: this run writes as before, unlocked


def stopped(
    stop: BaseException, out: Writer, done: str, resumable: bool, what: str = "record"
) -> int:
    """Say why a run stopped, how far it got and how to go on; return the exit status."""
    hint = f"; continue with --resume {out.target()}" if resumable else ""
    if isinstance(stop, KeyboardInterrupt) or SIGNALS.received is not None:
        print(f"sentencenorm: interrupted after {done}{hint}", file=sys.stderr)
        return SIGNALS.status()
    if isinstance(stop, WriteFailed):
        problem = f"cannot write {stop.target or out.target()}: {stop}"
        silence_stdout()
    elif isinstance(stop, SentenceParseError):  # an input that cannot be read at all
        problem = stop.message
    elif type(stop).__name__ == "BrokenProcessPool":
        problem = "a worker process died"
    else:  # a bug: one line, never a traceback
        problem = f"internal error ({type(stop).__name__}: {stop}); please report it"
    print(f"sentencenorm: {problem}; stopped after {done}{hint}", file=sys.stderr)
    return RUN_FAILED


def close_results(results: Iterator[Any] | None) -> None:
    """Close a batch's generator now, so its worker processes end before we return."""
    close = getattr(results, "close", None)
    if close is not None:
        with contextlib.suppress(Exception):
            close()


def silence_stdout() -> None:
    """After a broken pipe or a failed write, point stdout at devnull so the exit flush is
    quiet too."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass  # not a real file (tests): nothing will be flushed at exit


# ── input lines ──────────────────────────────────────────────────────────────────────────────


def inputs(phrases: list[str]) -> Iterator[tuple[str, SentenceParseError | None]]:
    """Each phrase argument, with stdin's lines in place of "-", decoded one at a time."""
    for phrase in phrases:
        if phrase == "-":
            yield from (decode(raw, "line") for raw in stdin_lines())
            continue
        try:  # undecodable bytes in argv arrive as lone surrogates: find them again
            raw = phrase.encode("utf-8", "surrogateescape")
        except UnicodeEncodeError:
            raw = phrase.encode("utf-8", "surrogatepass")
        yield decode(raw, "argument")


def stdin_lines() -> Iterator[bytes]:
    """stdin's lines as bytes, without their "\\n" or "\\r\\n", read as they arrive."""
    stdin = sys.stdin
    if stdin is None:
        return
    if stdin.isatty():
        print("sentencenorm: reading phrases from stdin, one per line", file=sys.stderr)
    stream: Iterable[bytes] = getattr(stdin, "buffer", None) or (
        line.encode("utf-8", "surrogateescape") for line in stdin
    )
    for raw in stream:
        if raw.endswith(b"\r\n"):
            yield raw[:-2]
        elif raw.endswith(b"\n"):
            yield raw[:-1]
        else:
            yield raw


def decode(raw: bytes, what: str) -> tuple[str, SentenceParseError | None]:
    """Decode UTF-8; bytes that are not UTF-8 give shown text and the error to report."""
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        text = raw.decode("utf-8", "backslashreplace")
        column = len(raw[: exc.start].decode("utf-8"))
        reason = (
            f"the {what} is not valid UTF-8 "
            f"(byte 0x{raw[exc.start]:02x} at byte offset {exc.start})"
        )
        return text, SentenceParseError(text, column, reason=reason)
