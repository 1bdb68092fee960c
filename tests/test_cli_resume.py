"""No lost records: interrupted streams leave whole lines, and --resume finishes them exactly."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from cli_harness import FakeStdin, run

import sentencenorm
from sentencenorm.cli import extracting

# Good, garbled, blank, not UTF-8, with characters other readers take as line breaks.
LINES = [
    b"six months to 10 years",
    b"ten yaers",
    b"",
    b"caf\xe9 10 years",
    b"life without parole",
    b"  life  \r",
    "10 years\u2028x".encode(),
    b"a fine of $500",
    "有期徒刑十五年".encode(),
    b"84 months in prison followed by two years of supervised release",
]
STDIN = b"".join(line + b"\n" for line in LINES * 3)


def _cuts(data: bytes) -> list[int]:
    """Places to cut an output: nothing, inside the first line, on a line end, mid-way, all."""
    first_end = data.index(b"\n") + 1
    middle = len(data) // 2
    return sorted({0, 3, first_end, middle, data.rindex(b"\n", 0, middle) + 1, len(data)})


# ── parse --jsonl ────────────────────────────────────────────────────────────────────────────


def test_resume_jsonl_gives_the_bytes_of_an_uninterrupted_run(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Whatever prefix of the output FILE holds, --resume FILE completes it byte for byte."""
    full = run(monkeypatch, "--jsonl", stdin=STDIN).out.encode()
    assert full.count(b"\n") == len(LINES) * 3
    for cut in _cuts(full):
        out = tmp_path / f"out{cut}.jsonl"
        out.write_bytes(full[:cut])
        result = run(monkeypatch, "--jsonl", "--resume", str(out), stdin=STDIN)
        assert result.out == ""  # with --resume the output goes to FILE
        assert out.read_bytes() == full, cut
        kept = full[:cut].count(b"\n")
        resumed = f"resuming {out} after {kept:,} line" in result.err
        assert resumed == (kept > 0)


def test_resume_skips_the_records_already_there(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The lines FILE holds are not read again: their input lines are only skipped."""
    full = run(monkeypatch, "--jsonl", stdin=STDIN).out.encode()
    out = tmp_path / "out.jsonl"
    first_end = full.index(b"\n") + 1
    out.write_bytes(full[: first_end + 15])  # the first line, and the second cut short
    parsed: list[object] = []
    original = sentencenorm.parse_many

    def counting(items: Iterator[object], **options: Any) -> Iterator[object]:
        for item in items:
            parsed.append(item)
            yield from original([item], **options)

    monkeypatch.setattr(sentencenorm, "parse_many", counting)
    result = run(monkeypatch, "--jsonl", "--resume", str(out), stdin=STDIN)
    assert len(parsed) == len(LINES) * 3 - 1
    assert parsed[0] == "ten yaers"
    assert out.read_bytes() == full
    assert re.search(r"^29 lines: \d+ parsed, \d+ failed", result.err, re.MULTILINE)


def test_resume_with_two_workers(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """--workers 2 keeps the order, so resuming with it gives the same bytes."""
    data = STDIN * 40  # 1,200 lines: more than two chunks
    full = run(monkeypatch, "--jsonl", stdin=data).out.encode()
    out = tmp_path / "out.jsonl"
    cut = len(full) // 3 + 7
    out.write_bytes(full[:cut])
    result = run(monkeypatch, "--jsonl", "--workers", "2", "--resume", str(out), stdin=data)
    assert result.code == 1  # some lines do not parse
    assert out.read_bytes() == full


def test_resume_starts_a_file_that_does_not_exist(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The same command line serves for the first run: a missing FILE is started."""
    full = run(monkeypatch, "--jsonl", stdin=STDIN).out.encode()
    out = tmp_path / "new.jsonl"
    result = run(monkeypatch, "--jsonl", "--resume", str(out), stdin=STDIN)
    assert out.read_bytes() == full
    assert "resuming" not in result.err


def test_resume_of_a_finished_file_adds_nothing(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Resuming a complete output reads all input, writes nothing and exits 0."""
    full = run(monkeypatch, "--jsonl", stdin=STDIN).out.encode()
    out = tmp_path / "out.jsonl"
    out.write_bytes(full)
    result = run(monkeypatch, "--jsonl", "--resume", str(out), stdin=STDIN)
    assert result.code == 0
    assert out.read_bytes() == full


def test_phrase_arguments_resume_too(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Phrases given as arguments are records in order, like stdin lines."""
    phrases = ["life", "ten yaers", "10 years"]
    full = run(monkeypatch, "--jsonl", *phrases).out.encode()
    out = tmp_path / "out.jsonl"
    out.write_bytes(full[: full.index(b"\n") + 1])
    run(monkeypatch, "--jsonl", "--resume", str(out), *phrases)
    assert out.read_bytes() == full


# ── parse --csv-column ───────────────────────────────────────────────────────────────────────


def _csv_input(path: Path) -> None:
    rows = [["id", "text"]]
    texts = ["six months to 10 years", "ten yaers", 'a "fine" of $500, or', "84 months\nin prison"]
    rows += [[str(number), texts[number % len(texts)]] for number in range(30)]
    with path.open("w", encoding="utf-8", newline="") as file:
        csv.writer(file).writerows(rows)


def test_resume_csv_gives_the_bytes_of_an_uninterrupted_run(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """CSV output, cut anywhere (in the header, inside a quoted cell with a newline), resumes."""
    source = tmp_path / "cases.csv"
    _csv_input(source)
    full = run(monkeypatch, "--csv-column", "text", str(source)).out.encode()
    header_end = full.index(b"\n") + 1
    inside_cell = full.index(b"84 months\n") + 10  # just after the newline inside quotes
    for cut in [*_cuts(full), header_end - 2, header_end, inside_cell]:
        out = tmp_path / f"out{cut}.csv"
        out.write_bytes(full[:cut])
        result = run(monkeypatch, "--csv-column", "text", "--resume", str(out), str(source))
        assert result.out == ""
        assert out.read_bytes() == full, cut
        if cut == inside_cell:  # the rows before the cut one are kept, the header not counted
            kept = len(list(csv.reader(io.StringIO(full[:cut].decode())))) - 2
            assert f"after {kept} rows" in result.err


def test_resume_csv_counts_the_header_once(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """FILE with the header and two rows skips two input rows, not three."""
    data = b"id,text\n1,life\n2,ten yaers\n3,10 years\n"
    full = run(monkeypatch, "--csv-column", "text", stdin=data).out.encode()
    out = tmp_path / "out.csv"
    out.write_bytes(b"".join(full.splitlines(keepends=True)[:3]))
    result = run(monkeypatch, "--csv-column", "text", "--resume", str(out), stdin=data)
    assert "resuming" in result.err
    assert "after 2 rows" in result.err
    assert re.search(r"^1 row: 1 parsed, 0 failed", result.err, re.MULTILINE)
    assert out.read_bytes() == full


def test_resume_csv_with_a_foreign_header_is_a_usage_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A FILE whose first line is not this command's header is refused and left alone."""
    out = tmp_path / "out.csv"
    out.write_bytes(b"id,text,sentence\n1,life,x\n")
    result = run(
        monkeypatch, "--csv-column", "text", "--resume", str(out), stdin=b"id,text\n1,life\n"
    )
    assert result.code == 2
    assert "not the header this command writes" in result.err
    assert out.read_bytes() == b"id,text,sentence\n1,life,x\n"


# ── extract --jsonl over a folder ────────────────────────────────────────────────────────────


def _documents(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> tuple[Path, bytes]:
    """A folder of documents (one without matches, one in a subfolder) and what an
    uninterrupted ``extract --jsonl`` writes for it."""
    folder = tmp_path / "docs"
    (folder / "sub").mkdir(parents=True)
    for number in range(1, 7):
        (folder / f"d{number}.txt").write_text(
            f"He was jailed for {number} years and fined ${number}00. "
            f"She faces up to {number + 1} years.",
            encoding="utf-8",
        )
    (folder / "d3.txt").write_text("Nothing to see: 3 apples.", encoding="utf-8")
    (folder / "sub" / "last.txt").write_text("He was jailed for 3 years.", encoding="utf-8")
    return folder, run(monkeypatch, "extract", "--jsonl", str(folder)).out.encode()


def _on_read(patch: pytest.MonkeyPatch, before: Callable[[str], None]) -> None:
    """Calls *before* with each document's name as the CLI reads it (it may raise)."""
    original = extracting.document

    def reading(name: str) -> str | None:
        before(name)
        return original(name)

    patch.setattr(extracting, "document", reading)


def test_resume_extract_skips_complete_files(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Files before the last one FILE names are not read again; the output is exact."""
    folder, full = _documents(monkeypatch, tmp_path)
    assert full.count(b"\n") == 5 * 3 + 1
    for cut in _cuts(full):
        out = tmp_path / f"out{cut}.jsonl"
        out.write_bytes(full[:cut])
        result = run(monkeypatch, "extract", "--jsonl", "--resume", str(out), str(folder))
        assert result.code == 0
        assert out.read_bytes() == full, cut
    # cut inside d4's lines: d1, d2, d3 (no matches) are complete; d4 is read again
    read: list[str] = []
    _on_read(monkeypatch, lambda name: read.append(Path(name).name))
    out = tmp_path / "out.jsonl"
    lines = full.splitlines(keepends=True)
    out.write_bytes(b"".join(lines[:7]) + lines[7][:10])  # d1, d2 (6 lines), d4's first
    result = run(monkeypatch, "extract", "--jsonl", "--resume", str(out), str(folder))
    assert read == ["d4.txt", "d5.txt", "d6.txt", "last.txt"]
    assert "after 3 files" in result.err
    assert out.read_bytes() == full


def test_interrupted_extract_leaves_whole_files(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Ctrl-C during extract: the files done are in OUT, whole; resume finishes it exactly."""
    folder, full = _documents(monkeypatch, tmp_path)

    def interrupt(name: str) -> None:
        if name.endswith("d5.txt"):
            raise KeyboardInterrupt

    out = tmp_path / "out.jsonl"
    with monkeypatch.context() as patch:
        _on_read(patch, interrupt)
        result = run(patch, "extract", "--jsonl", "--resume", str(out), str(folder))
    assert result.code == 130
    assert f"interrupted after 4 files (9 lines); continue with --resume {out}" in result.err
    assert out.read_bytes() == b"".join(full.splitlines(keepends=True)[:9])
    run(monkeypatch, "extract", "--jsonl", "--resume", str(out), str(folder))
    assert out.read_bytes() == full


# ── usage errors ─────────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["parse", "--resume", "{out}"], "use it with --jsonl or --csv-column"),
        (["parse", "--json", "--resume", "{out}"], "use it with --jsonl or --csv-column"),
        (["extract", "--resume", "{out}", "{out}"], "use it with --jsonl"),
        (["extract", "--jsonl", "--resume", "{out}", "-"], "matches from stdin carry no file"),
        (["parse", "--jsonl", "--resume", "{out}", "life"], "line 1 does not say its lang"),
        (["parse", "--csv-column", "text", "--resume", "{out}"], "not the header"),
        (["extract", "--jsonl", "--resume", "{out}", "{docs}"], "line 1 is not a match"),
    ],
)
def test_resume_usage_errors(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, argv: list[str], message: str
) -> None:
    """What --resume cannot do exits 2 with a message naming it, and FILE stays untouched."""
    out = tmp_path / "out.jsonl"
    data = b'{"text":"life","modality":null,"components":[]}\n{"text":"x","error":{}}\n{"te'
    out.write_bytes(data)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text("He got 3 years.", encoding="utf-8")
    args = [arg.format(out=out, docs=tmp_path / "docs") for arg in argv]
    result = run(monkeypatch, *args, stdin=b"id,text\n1,life\n")
    assert result.code == 2
    assert message in result.err
    assert "usage:" in result.err
    assert out.read_bytes() == data


def test_resume_refuses_a_file_that_is_not_its_output(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Pointing --resume at the input (say) is refused: nothing is appended to it."""
    phrases = tmp_path / "phrases.txt"
    phrases.write_bytes(STDIN)
    result = run(monkeypatch, "--jsonl", "--resume", str(phrases), stdin=STDIN)
    assert result.code == 2
    assert "line 1 is not a JSON record; is it the output of parse --jsonl?" in result.err
    csv_in = tmp_path / "in.csv"
    csv_in.write_bytes(b"id,text\n1,life\n")
    result = run(monkeypatch, "--csv-column", "text", "--resume", str(csv_in), str(csv_in))
    assert result.code == 2
    assert "it is one of the inputs" in result.err
    assert phrases.read_bytes() == STDIN
    assert csv_in.read_bytes() == b"id,text\n1,life\n"


# ── interrupts, in-process ───────────────────────────────────────────────────────────────────


class _SignalMidWrite(io.StringIO):
    """An output that receives SIGINT half-way through each of its writes."""

    def write(self, text: str) -> int:
        half = len(text) // 2
        super().write(text[:half])
        signal.raise_signal(signal.SIGINT)
        for _ in range(100):  # bytecodes: Python runs the handler somewhere in here
            pass
        return super().write(text[half:])


def test_a_signal_during_a_write_waits_for_the_end_of_the_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """SIGINT arriving mid-write ends the run after that line: the output is whole lines."""
    before = signal.getsignal(signal.SIGINT)
    out = _SignalMidWrite()
    result = run(monkeypatch, "--jsonl", stdin=STDIN, stdout=out)
    assert result.code == 130
    written = out.getvalue()
    assert written.endswith("\n")
    assert [json.loads(line)["text"] for line in written.splitlines()] == ["six months to 10 years"]
    assert "interrupted after 1 line; continue with --resume OUT" in result.err
    assert signal.getsignal(signal.SIGINT) is before  # the handler is put back


def test_interrupted_csv_says_how_many_rows(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Ctrl-C in CSV mode: whole rows, the header not counted, and a resume that completes."""
    data = b"id,text\n1,life\n2,ten yaers\n3,10 years\n"
    full = run(monkeypatch, "--csv-column", "text", stdin=data).out.encode()

    class Cut(io.RawIOBase):
        """stdin that gives the header and two rows, then is interrupted."""

        def __init__(self) -> None:
            self.left = data[: data.index(b"3,")]

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
            if not self.left:
                raise KeyboardInterrupt
            size = min(len(self.left), len(buffer))
            buffer[:size], self.left = self.left[:size], self.left[size:]
            return size

    out = tmp_path / "out.csv"
    stdin = FakeStdin(io.BufferedReader(Cut()))  # type: ignore[type-var]
    result = run(monkeypatch, "--csv-column", "text", "--resume", str(out), stdin=stdin)
    assert result.code == 130
    assert f"interrupted after 2 rows; continue with --resume {out}" in result.err
    assert out.read_bytes() == b"".join(full.splitlines(keepends=True)[:3])
    run(monkeypatch, "--csv-column", "text", "--resume", str(out), stdin=data)
    assert out.read_bytes() == full


# ── invalid UTF-8 is an error row in place ───────────────────────────────────────────────────


def test_invalid_utf8_lines_are_error_rows_in_place(monkeypatch: pytest.MonkeyPatch) -> None:
    """Bytes that are not UTF-8 give an error record at their line, with and without workers."""
    data = b"life\n\xff\xfe\n10 ye\xc3ars\nten years\n"
    for workers in ("1", "2"):
        result = run(monkeypatch, "--jsonl", "--workers", workers, stdin=data)
        records = [json.loads(line) for line in result.out.splitlines()]
        assert len(records) == 4
        assert ["error" in record for record in records] == [False, True, True, False]
        assert "not valid UTF-8" in records[1]["error"]["message"]
        assert records[2]["text"] == "10 ye\\xc3ars"
        assert result.code == 1
    plain = run(monkeypatch, stdin=data)
    assert plain.code == 1
    assert plain.out.count('"life"') == 1
    assert "not valid UTF-8" in plain.err


def test_invalid_utf8_and_unreadable_csv_rows_keep_their_place(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A CSV cell that is not UTF-8, or a row the CSV reader refuses, is an error row in place."""
    huge = "x" * (csv.field_size_limit() + 1)
    data = b"id,text\n1,life\n2,caf\xe9 10 years\n3," + huge.encode() + b"\n4,10 years\n"
    result = run(monkeypatch, "--csv-column", "text", stdin=data)
    rows = list(csv.reader(io.StringIO(result.out)))
    assert [row[0] for row in rows] == ["id", "1", "2", "", "4"]
    assert rows[2][1] == "caf\N{REPLACEMENT CHARACTER} 10 years"
    assert "not valid UTF-8" in rows[2][-1]
    assert "cannot be read as CSV" in rows[3][-1]
    assert rows[4][2] == "custody P10Y"
    assert result.code == 1


# ── interrupts, in a real process ────────────────────────────────────────────────────────────


def _command(*argv: str) -> list[str]:
    return [sys.executable, "-m", "sentencenorm", *argv]


def _wait_for_lines(path: Path, count: int, process: subprocess.Popen[bytes]) -> None:
    """Wait until *path* holds at least *count* lines (the process must still be running)."""
    deadline = time.monotonic() + 120
    while path.read_bytes().count(b"\n") < count:
        assert process.poll() is None, "the process ended before it was interrupted"
        assert time.monotonic() < deadline
        time.sleep(0.02)


def _check_whole_lines(data: bytes) -> int:
    """Assert *data* is whole JSON lines; return how many."""
    assert data.endswith(b"\n")
    for line in data.splitlines():
        assert isinstance(json.loads(line), dict)
    return data.count(b"\n")


def test_sigint_mid_stream_then_resume(tmp_path: Path) -> None:
    """A real SIGINT while busy: exit 130, whole lines, the message; resume gives the bytes."""
    source = tmp_path / "phrases.txt"
    source.write_bytes(STDIN * 1000)  # 30,000 lines: seconds of work
    full = tmp_path / "full.jsonl"
    with source.open("rb") as stdin, full.open("wb") as stdout:
        subprocess.run(_command("--jsonl"), stdin=stdin, stdout=stdout, check=False, timeout=300)
    out = tmp_path / "out.jsonl"
    with source.open("rb") as stdin, out.open("wb") as stdout:
        process = subprocess.Popen(
            _command("--jsonl"), stdin=stdin, stdout=stdout, stderr=subprocess.PIPE
        )
        _wait_for_lines(out, 2000, process)
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=60)
    assert process.returncode == 130
    count = _check_whole_lines(out.read_bytes())
    assert 0 < count < 30_000
    lines = "line" if count == 1 else "lines"
    message = f"sentencenorm: interrupted after {count:,} {lines}; continue with --resume "
    assert message in err.decode()
    if sys.platform == "linux":  # the file's name is found through /proc
        assert err.decode().rstrip().endswith(f"--resume {out}")
    assert b"Traceback" not in err
    with source.open("rb") as stdin:
        done = subprocess.run(
            _command("--jsonl", "--resume", str(out)),
            stdin=stdin,
            capture_output=True,
            check=False,
            timeout=300,
        )
    assert done.returncode == 1, done.stderr
    assert done.stdout == b""
    assert out.read_bytes() == full.read_bytes()


def test_sigint_while_waiting_for_input(tmp_path: Path) -> None:
    """SIGINT while blocked on stdin: every line read so far is written, whole."""
    out = tmp_path / "out.jsonl"
    with out.open("wb") as stdout:
        process = subprocess.Popen(
            _command("parse", "--jsonl"),
            stdin=subprocess.PIPE,
            stdout=stdout,
            stderr=subprocess.PIPE,
        )
        assert process.stdin is not None
        process.stdin.write(STDIN)
        process.stdin.flush()
        _wait_for_lines(out, len(LINES) * 3, process)
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=60)
    assert process.returncode == 130
    assert _check_whole_lines(out.read_bytes()) == len(LINES) * 3
    assert f"interrupted after {len(LINES) * 3} lines" in err.decode()


def _workers_run(source: Path, out: Path) -> subprocess.Popen[bytes]:
    """`parse --jsonl --workers 2` in its own process group, writing *out*."""
    with source.open("rb") as stdin, out.open("wb") as stdout:
        return subprocess.Popen(
            _command("--jsonl", "--workers", "2"),
            stdin=stdin,
            stdout=stdout,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )


def _stop(process: subprocess.Popen[bytes]) -> bytes:
    """The stderr of a run that should end by itself now; a hung one is killed, and fails."""
    try:
        return process.communicate(timeout=60)[1]
    finally:  # never leave a hung run (or its workers) behind
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@pytest.mark.parametrize(("number", "status"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_signals_to_the_whole_group_with_workers(
    tmp_path: Path, number: signal.Signals, status: int
) -> None:
    """Ctrl-C or SIGTERM to the process group (workers too): no hang, no traceback, whole lines."""
    source = tmp_path / "phrases.txt"
    source.write_bytes(STDIN * 3000)
    out = tmp_path / "out.jsonl"
    process = _workers_run(source, out)
    _wait_for_lines(out, 2000, process)
    os.killpg(process.pid, number)
    err = _stop(process)
    assert process.returncode == status, err
    assert b"Traceback" not in err
    count = _check_whole_lines(out.read_bytes())
    assert f"interrupted after {count:,} lines; continue with --resume".encode() in err


def _children(pid: int) -> list[int]:
    return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
def test_a_worker_that_dies_stops_the_run_resumably(tmp_path: Path) -> None:
    """A worker killed outright ends the run (exit 3: the run failed) with whole lines and the
    --resume hint, not a hang."""
    source = tmp_path / "phrases.txt"
    source.write_bytes(STDIN * 3000)
    out = tmp_path / "out.jsonl"
    process = _workers_run(source, out)
    _wait_for_lines(out, 2000, process)
    workers = [
        child
        for child in _children(process.pid)
        if b"resource_tracker" not in Path(f"/proc/{child}/cmdline").read_bytes()
    ]  # spawned workers run spawn_main, forked ones the parent's command line
    assert len(workers) == 2
    os.kill(workers[0], signal.SIGKILL)
    err = _stop(process)
    assert process.returncode == 3, err
    count = _check_whole_lines(out.read_bytes())
    assert (
        f"a worker process died; stopped after {count:,} lines; continue with --resume".encode()
        in err
    )
