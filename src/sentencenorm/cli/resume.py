"""``--resume FILE``: go on with an output that was cut short, and never spoil a file.

Before a byte is changed, FILE is locked (a second run on it is refused at once) and proven
to be the beginning of what this command writes for this input and these options:

- every complete record is checked, not only the first and the last: it must be a record of
  this command (`records.check_parse_record`, `records.check_match_record`) for the input in
  the same place (the same text, the same CSV cells, a match whose text is in its file at its
  offsets), read with the same --lang and --jurisdiction, with what --months, --band and
  --severity add;
- what follows the last complete record (a record cut by SIGKILL or a crash) must be the
  beginning of exactly the record this run writes next; anything else (a JSON config, a
  binary file, garbage) is refused.

Refusals are usage errors (exit status 2) that say which line is wrong and why; FILE is left
as it was. Only then is the cut-off part dropped and the rest appended, under the lock.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import sys
from collections.abc import Iterable, Iterator
from typing import Any, BinaryIO, Final, NoReturn

from .streams import Writer, lock, plural

#: Longest cut-off record considered: a record is a phrase of at most 2,000 characters with its
#: reading (or a match of one paragraph); more is no cut-off record.
_LONGEST_TAIL: Final = 1 << 24


class Resume:
    """An earlier output FILE of the same command, locked for this run."""

    def __init__(self, command: argparse.ArgumentParser, path: str, quoted: bool) -> None:
        self.command, self.path, self.quoted = command, path, quoted
        #: The file of the last kept matches (extract), for messages.
        self.last_file: str | None = None
        if os.path.isdir(path):
            self.fail("it is a folder")
        self.exists = os.path.exists(path)
        try:
            number = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
        except OSError as exc:
            self.fail(f"cannot open it: {exc.strerror or exc}")
        self.file: BinaryIO = os.fdopen(number, "r+b")
        if not lock(number):
            self.file.close()
            self.fail("another run is writing it now (it is locked); wait for it to end")
        try:
            self.records, self.end = _complete_records(self.file, quoted)
            self.size = self.file.seek(0, io.SEEK_END)
        except OSError as exc:
            self.fail(f"cannot read it: {exc.strerror or exc}")

    def fail(self, problem: str) -> NoReturn:
        """A usage error about FILE (exit status 2); FILE is left as it was."""
        file = getattr(self, "file", None)
        if file is not None:
            file.close()
        self.command.error(f"--resume {self.path}: {problem}")

    def refuse_inputs(self, stdin: bool = False, files: Iterable[str] = ()) -> None:
        """FILE must not be an input, nor also stdout: appending would read or clobber it."""
        here = os.fstat(self.file.fileno())
        streams = [("stdout", sys.stdout)] + ([("stdin", sys.stdin)] if stdin else [])
        for label, stream in streams:
            try:
                same = os.path.samestat(os.fstat(stream.fileno()), here)
            except (AttributeError, OSError, ValueError):
                same = False
            if same:
                self.fail(f"it is also {label}; with --resume the output is appended to FILE")
        for name in files:
            if name != "-" and os.path.exists(name) and os.path.samestat(os.stat(name), here):
                self.fail("it is one of the inputs")

    def lines(self) -> Iterator[tuple[int, int, bytes]]:
        """FILE's complete lines: (line number from 1, byte offset, the line)."""
        self.file.seek(0)
        offset = 0
        for number, line in enumerate(self.file, start=1):
            if offset + len(line) > self.end:
                return
            yield number, offset, line
            offset += len(line)

    def csv_rows(self) -> Iterator[list[str]]:
        """FILE's complete CSV records, as the csv module reads them."""
        self.file.seek(0)
        text = io.TextIOWrapper(
            io.BufferedReader(_Bounded(self.file, self.end)), encoding="utf-8", newline=""
        )
        try:
            yield from csv.reader(text)
        except (UnicodeDecodeError, csv.Error) as exc:
            self.fail(f"it is not a CSV this command writes ({exc})")

    def tail(self) -> bytes:
        """What follows the last complete record (a record cut short, or nothing)."""
        if self.size - self.end > _LONGEST_TAIL:
            self.fail(
                f"it ends with {self.size - self.end:,} bytes that are not a complete record: "
                "it is not an output of this command"
            )
        self.file.seek(self.end)
        return self.file.read()

    def check_tail(self, expected: bytes | None, what: str) -> None:
        """The part after the last complete record must begin *expected*, the record this run
        writes next (None: this run writes none)."""
        tail = self.tail()
        if not tail:
            return
        if expected is None:
            self.fail(
                f"it ends with {len(tail):,} bytes after its last complete record, and the input "
                "has nothing left for them: it is not a cut-off output of this input"
            )
        if not expected.startswith(tail):
            kept = f"its {self.records:,} complete {plural('record', self.records)}"
            self.fail(
                f"what follows {kept} is not the beginning of the record of {what}: it is not "
                "an output of this command cut short (nothing was changed)"
            )

    def keep(self, end: int, records: int, done: str) -> Writer:
        """Cut FILE after byte *end* (a partial record goes) and append to it from there.

        *records* counts the records FILE keeps; *done* says what they are, for a person.
        """
        self.file.truncate(end)
        self.file.seek(end)
        if end:
            print(f"sentencenorm: resuming {self.path} after {done}", file=sys.stderr)
        stream = io.TextIOWrapper(
            self.file, encoding="utf-8", errors="backslashreplace", newline="", write_through=True
        )
        return Writer(stream, self.path, records)

    def too_few(self, kept: int, read: int, noun: str) -> NoReturn:
        self.fail(
            f"it holds {kept:,} {plural(noun, kept)} but the input has only {read:,}; "
            "is it the output of this input?"
        )


def _complete_records(file: BinaryIO, quoted: bool) -> tuple[int, int]:
    """The records a file completes and the byte offset where the last one ends.

    A record ends at a newline; with *quoted* (CSV) not at one inside double quotes.
    """
    count = end = offset = 0
    inside = False
    file.seek(0)
    while chunk := file.read(1 << 20):
        position = offset
        for index, piece in enumerate(chunk.split(b'"') if quoted else [chunk]):
            if index:  # a quote mark stood between this piece and the last
                inside = not inside
                position += 1
            if not inside and (newlines := piece.count(b"\n")):
                count += newlines
                end = position + piece.rindex(b"\n") + 1
            position += len(piece)
        offset += len(chunk)
    return count, end


class _Bounded(io.RawIOBase):
    """The first *limit* bytes of a binary file, as a readable stream."""

    def __init__(self, file: BinaryIO, limit: int) -> None:
        self.file, self.left = file, limit

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        size = min(len(buffer), self.left)
        data = self.file.read(size)
        buffer[: len(data)] = data
        self.left -= len(data)
        return len(data)
