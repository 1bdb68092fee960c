"""`extract`'s progress line and summary (issue 18, item 6).

On a terminal (stderr a TTY) `extract` redraws a progress line of files and bytes on stderr,
within a long document too; never in a pipe. A stream (``--jsonl``, CSV, SQLite) and a
listing of several files end with a summary line like `parse`'s; grep's -c, -l and -q
print none.
"""

from __future__ import annotations

import io
import itertools
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from cli_harness import FakeStdin, run

from sentencenorm import cli
from sentencenorm.cli import terminal
from sentencenorm.reading import extractor

CLAUSE = "He was jailed for 10 years and fined $500."
SUMMARY = r"(\d+) files?: (\d+) read, (\d+) failed, (\d+) match(?:es)?, [\d,.]+ MB/s"


@pytest.fixture
def documents(tmp_path: Path) -> list[str]:
    first = tmp_path / "a.txt"
    first.write_text(f"{CLAUSE}\n\nNothing here.\n", encoding="utf-8")
    second = tmp_path / "b.txt"
    second.write_text("Nothing at all.\n", encoding="utf-8")
    return [str(first), str(second)]


def test_jsonl_ends_with_the_summary_and_no_progress_in_a_pipe(
    monkeypatch: pytest.MonkeyPatch, documents: list[str]
) -> None:
    result = run(monkeypatch, "extract", "--jsonl", *documents)
    assert result.code == 0
    assert len(result.out.splitlines()) == 2
    assert re.fullmatch(SUMMARY + "\n", result.err)
    assert re.fullmatch(SUMMARY + "\n", result.err).groups() == ("2", "2", "0", "2")  # type: ignore[union-attr]


def test_the_summary_counts_a_file_that_cannot_be_read(
    monkeypatch: pytest.MonkeyPatch, documents: list[str], tmp_path: Path
) -> None:
    result = run(monkeypatch, "extract", "--jsonl", documents[0], str(tmp_path / "missing.txt"))
    assert result.code == 1
    last = result.err.splitlines()[-1]
    assert re.fullmatch(SUMMARY, last).groups() == ("2", "1", "1", "2")  # type: ignore[union-attr]


def test_a_listing_of_several_files_ends_with_the_summary_one_file_does_not(
    monkeypatch: pytest.MonkeyPatch, documents: list[str]
) -> None:
    several = run(monkeypatch, "extract", *documents).err.splitlines()
    assert several[:2] == [f"{documents[0]}: 2 matches", f"{documents[1]}: 0 matches"]
    assert re.fullmatch(SUMMARY, several[2])
    assert run(monkeypatch, "extract", "-", stdin=CLAUSE.encode()).err == "stdin: 2 matches\n"


@pytest.mark.parametrize("flag", ["-c", "-l", "-q"])
def test_grep_like_output_has_no_summary(
    monkeypatch: pytest.MonkeyPatch, documents: list[str], flag: str
) -> None:
    assert run(monkeypatch, "extract", flag, *documents).err == ""


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_on_a_terminal_a_progress_line_moves_within_a_document_then_the_summary(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    clock = itertools.count()  # each reading of the clock a second later: every line drawn
    monkeypatch.setattr(terminal.time, "perf_counter", lambda: float(next(clock)))
    text = "\n\n".join([CLAUSE, "Nothing here.", "Again nothing.", CLAUSE]) + "\n"
    out, err = io.StringIO(), Terminal()
    monkeypatch.setattr(sys, "stdin", FakeStdin(io.BytesIO(text.encode())))
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    assert cli.main(["extract", "--jsonl", "-"]) == 0
    assert len(out.getvalue().splitlines()) == 4
    *drawn, summary = err.getvalue().split("\r")
    lines = [line.removesuffix("\x1b[K") for line in drawn if line]
    size = len(text.encode())
    # a line after each paragraph of the one document (stdin), then one when it is done
    assert len(lines) >= 4
    assert lines[0].startswith(f"0 of 1 file, {len(CLAUSE) + 2} B of {size} B (")
    assert lines[-1].startswith(f"1 of 1 file, {size} B of {size} B (100%), 4 matches, ")
    shares = [int(m.group(1)) for line in lines if (m := re.search(r"\((\d+)%\)", line))]
    assert shares == sorted(shares)
    assert shares[0] < 100
    assert re.fullmatch("\x1b\\[K" + SUMMARY + "\n", summary)
    assert extractor.on_paragraph is None  # the hook is taken down with the run


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_a_real_terminal_gets_the_summary_and_the_pipe_only_records(documents: list[str]) -> None:
    main, secondary = os.openpty()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "sentencenorm", "extract", "--jsonl", *documents],
            stdout=subprocess.PIPE,
            stderr=secondary,
            timeout=120,
        )
        os.close(secondary)
        shown = b""
        while True:
            try:
                chunk = os.read(main, 4096)
            except OSError:  # the terminal closed (Linux raises EIO at the end)
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(main)
    assert done.returncode == 0
    assert len(done.stdout.splitlines()) == 2
    assert re.search(SUMMARY.encode(), shown)
