"""cli.main run in-process, as the CLI tests drive it: given stdin bytes, captured output."""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from sentencenorm import cli


@dataclass
class Result:
    code: int
    out: str
    err: str


class FakeStdin:
    """A stand-in for sys.stdin whose `buffer` yields the given raw lines."""

    def __init__(self, lines: Iterator[bytes] | io.BytesIO) -> None:
        self.buffer = lines

    def isatty(self) -> bool:
        return False

    def close(self) -> None:
        """A forked worker closes its stdin first (multiprocessing's bootstrap), as a file."""


def run(
    monkeypatch: pytest.MonkeyPatch,
    *argv: str,
    stdin: bytes | FakeStdin = b"",
    stdout: object = None,
) -> Result:
    """cli.main in-process with the given stdin; its status, stdout and stderr."""
    out, err = io.StringIO(), io.StringIO()
    monkeypatch.setattr(
        sys, "stdin", stdin if isinstance(stdin, FakeStdin) else FakeStdin(io.BytesIO(stdin))
    )
    monkeypatch.setattr(sys, "stdout", stdout or out)
    monkeypatch.setattr(sys, "stderr", err)
    code = cli.main(list(argv))
    result = Result(code, out.getvalue(), err.getvalue())
    assert "Traceback" not in result.err
    return result
