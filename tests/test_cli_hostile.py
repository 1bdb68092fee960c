"""Never lose, mix or invent a record (issue 14): --resume proves what it continues, outputs
are locked, workers die with their parent, and exit statuses say what happened.

Each test here reproduces a way main at 678d9e5 lost or mixed records.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from cli_harness import run

A = b"".join(f"{n + 1} years in prison\n".encode() for n in range(100))
B = b"".join(f"a fine of ${n + 1},000\n".encode() for n in range(200))


def _full(monkeypatch: pytest.MonkeyPatch, *argv: str, stdin: bytes) -> bytes:
    result = run(monkeypatch, *argv, stdin=stdin)
    return result.out.encode()


# ── 1. another input or other options are refused ────────────────────────────────────────────


def test_resume_with_another_input_is_refused(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Resuming A's output with B refused (exit 2, OUT untouched), where it spliced A and B."""
    out = tmp_path / "o.jsonl"
    out.write_bytes(_full(monkeypatch, "--jsonl", stdin=A))
    before = out.read_bytes()
    result = run(monkeypatch, "--jsonl", "--resume", str(out), stdin=B)
    assert result.code == 2
    assert (
        "line 1 is the record of '1 years in prison', where the input has 'a fine of $1,000'"
        in (result.err)
    )
    assert out.read_bytes() == before


def test_resume_with_a_longer_input_that_differs_later_is_refused(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Every kept line is compared, not only the first: a difference at line 57 is found."""
    out = tmp_path / "o.jsonl"
    out.write_bytes(_full(monkeypatch, "--jsonl", stdin=A))
    changed = A.replace(b"57 years in prison\n", b"57 years in jail\n")
    result = run(monkeypatch, "--jsonl", "--resume", str(out), stdin=changed + B)
    assert result.code == 2
    assert "line 57 is the record of '57 years in prison'" in result.err


@pytest.mark.parametrize(
    ("first", "then", "words"),
    [
        ([], ["--lang", "zh"], "was read with --lang en, not zh"),
        (["--jurisdiction", "CA"], [], "was read with --jurisdiction CA, not None"),
        ([], ["--jurisdiction", "au"], "was read with --jurisdiction None, not AU"),
        (["--months", "ussc"], [], "was written with --months"),
        ([], ["--band", "space1"], "was written without --band"),
        (["--months", "ussc"], ["--months", "cail"], "has a months that --months cail"),
    ],
)
def test_resume_with_other_options_is_refused(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, first: list[str], then: list[str], words: str
) -> None:
    """--lang, --jurisdiction, --months, --band: each record says how it was read."""
    data = b"a fine of $500\nlife\n10 years\n"
    out = tmp_path / "o.jsonl"
    full = _full(monkeypatch, "--jsonl", *first, stdin=data)
    out.write_bytes(full[: full.rindex(b"\n", 0, len(full) - 1) + 1])
    result = run(monkeypatch, "--jsonl", *then, "--resume", str(out), stdin=data)
    assert result.code == 2, result.err
    assert words in result.err
    assert out.read_bytes() == full[: full.rindex(b"\n", 0, len(full) - 1) + 1]


def test_resume_extract_with_other_options_or_a_changed_file_is_refused(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """extract --jsonl: other options, and a file that changed since, are refused too."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("He was jailed for 4 years and fined $400.", encoding="utf-8")
    (docs / "b.txt").write_text("She got 6 years.", encoding="utf-8")
    full = _full(monkeypatch, "extract", "--jsonl", str(docs), stdin=b"")
    out = tmp_path / "o.jsonl"
    out.write_bytes(full)
    other = run(
        monkeypatch, "extract", "--jsonl", "--jurisdiction", "CA", "--resume", str(out), str(docs)
    )
    assert other.code == 2
    assert "--jurisdiction None, not CA" in other.err
    (docs / "a.txt").write_text("He was jailed for 5 years and fined $400.", encoding="utf-8")
    changed = run(monkeypatch, "extract", "--jsonl", "--resume", str(out), str(docs))
    assert changed.code == 2
    assert "does not hold 'was jailed for 4 years'" in changed.err
    assert out.read_bytes() == full


# ── 2. a file that is not this command's output is never truncated ───────────────────────────


@pytest.mark.parametrize(
    "content",
    [
        b'{"setting": true, "name": "config"}',  # a JSON config without a newline
        bytes(range(256)) * 4,  # a binary file
        b"just some notes",
        b'{"text":"not this input",',
    ],
)
@pytest.mark.parametrize("command", [["--jsonl"], ["--csv-column", "text"]])
def test_resume_never_truncates_a_file_that_is_not_its_output(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, content: bytes, command: list[str]
) -> None:
    """Where it truncated such a file to 0 bytes, it is refused and left byte for byte."""
    out = tmp_path / "precious"
    out.write_bytes(content)
    data = b"text\nlife\n" if "--csv-column" in command else b"life\n"
    result = run(monkeypatch, *command, "--resume", str(out), stdin=data)
    assert result.code == 2
    assert "--resume" in result.err
    assert out.read_bytes() == content


def test_resume_keeps_a_real_cut_off_record(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A record cut at any byte (SIGKILL mid-write) is recognized and completed exactly."""
    full = _full(monkeypatch, "--jsonl", stdin=A[:60])
    second = full.index(b"\n") + 1
    for cut in range(second, second + 80, 7):
        out = tmp_path / f"o{cut}.jsonl"
        out.write_bytes(full[:cut])
        result = run(monkeypatch, "--jsonl", "--resume", str(out), stdin=A[:60])
        assert result.code == 0, result.err
        assert out.read_bytes() == full


# ── 3. every kept line is checked; the output is locked ──────────────────────────────────────


@pytest.mark.parametrize(
    ("line", "words"),
    [
        (b"garbage\n", "line 40 is not a JSON record"),
        (b'{"text":"40 years in prison"}\n', "line 40 is not a record of parse"),
        (
            b'{"text":"40 years in prison","modality":null,"components":[{"kind":"custody",'
            b'"max":"P0D"}],"lang":"en","jurisdiction":null}\n',
            "line 40 is not a sentence of the JSON contract",
        ),
    ],
)
def test_garbage_in_the_middle_is_found(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, line: bytes, words: str
) -> None:
    """A bad line between good first and last lines is refused, where it survived."""
    full = _full(monkeypatch, "--jsonl", stdin=A)
    lines = full.splitlines(keepends=True)
    lines[39] = line
    out = tmp_path / "o.jsonl"
    out.write_bytes(b"".join(lines[:80]))
    result = run(monkeypatch, "--jsonl", "--resume", str(out), stdin=A)
    assert result.code == 2
    assert words in result.err


@pytest.mark.skipif(sys.platform == "win32", reason="fcntl locks")
def test_a_locked_output_is_refused_at_once(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """While another process holds OUT, a resume is refused at once (exit 2), not appended."""
    import fcntl

    out = tmp_path / "o.jsonl"
    out.write_bytes(_full(monkeypatch, "--jsonl", stdin=A)[:500])
    before = out.read_bytes()
    with out.open("rb") as holder:
        fcntl.flock(holder.fileno(), fcntl.LOCK_EX)
        started = time.monotonic()
        result = run(monkeypatch, "--jsonl", "--resume", str(out), stdin=A)
        assert time.monotonic() - started < 5
    assert result.code == 2
    assert "another run is writing it now" in result.err
    assert out.read_bytes() == before


def _command(*argv: str) -> list[str]:
    return [sys.executable, "-m", "sentencenorm", *argv]


@pytest.mark.skipif(sys.platform == "win32", reason="fcntl locks")
def test_two_runs_resuming_one_file_never_interleave(tmp_path: Path) -> None:
    """Two runs resuming the same file at once: one refuses, and the file is exactly one
    uninterrupted run's output (it had 59,999 lines for 30,000 inputs)."""
    source = tmp_path / "in.txt"
    source.write_bytes(A * 100)  # 10,000 lines
    expected = tmp_path / "expected.jsonl"
    with source.open("rb") as stdin, expected.open("wb") as stdout:
        subprocess.run(_command("--jsonl"), stdin=stdin, stdout=stdout, check=True, timeout=300)
    out = tmp_path / "o.jsonl"
    processes = []
    for _ in range(2):
        with source.open("rb") as stdin:
            processes.append(
                subprocess.Popen(
                    _command("--jsonl", "--resume", str(out)),
                    stdin=stdin,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.PIPE,
                )
            )
    results = [(process.wait(timeout=300), process.communicate()[1]) for process in processes]
    statuses = sorted(status for status, _ in results)
    assert statuses in ([0, 0], [0, 2]), results  # the second either waited its turn or refused
    assert out.read_bytes() == expected.read_bytes()


@pytest.mark.skipif(sys.platform == "win32", reason="fcntl locks")
def test_a_resume_while_the_first_run_still_writes_is_refused(tmp_path: Path) -> None:
    """The first run (stdout redirected to a file) holds a lock too: resuming it meanwhile is
    refused instead of writing beside it."""
    source = tmp_path / "in.txt"
    source.write_bytes(A * 300)
    out = tmp_path / "o.jsonl"
    with source.open("rb") as stdin, out.open("wb") as stdout:
        first = subprocess.Popen(_command("--jsonl"), stdin=stdin, stdout=stdout)
        try:
            deadline = time.monotonic() + 120
            while out.stat().st_size == 0:
                assert time.monotonic() < deadline
                assert first.poll() is None
                time.sleep(0.02)
            with source.open("rb") as again:
                second = subprocess.run(
                    _command("--jsonl", "--resume", str(out)),
                    stdin=again,
                    capture_output=True,
                    timeout=300,
                    check=False,
                )
        finally:
            first.wait(timeout=300)
    assert second.returncode == 2, second.stderr
    assert b"another run is writing it now" in second.stderr
    assert first.returncode == 0


# ── 4. workers die with their parent ─────────────────────────────────────────────────────────


def _descendants(pid: int) -> set[int]:
    found, queue = set(), [pid]
    while queue:
        current = queue.pop()
        path = Path(f"/proc/{current}/task/{current}/children")
        children = [int(c) for c in path.read_text().split()] if path.exists() else []
        found.update(children)
        queue.extend(children)
    return found


def _alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return status.rsplit(")", 1)[1].split()[0] != "Z"


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
def test_sigkill_of_the_cli_takes_its_workers_with_it(tmp_path: Path) -> None:
    """kill -9 of `parse --workers 2 | reader`: every worker and the resource tracker end, and
    the reader sees the end of its input (it waited forever before)."""
    source = tmp_path / "in.txt"
    source.write_bytes(A * 2000)
    with source.open("rb") as stdin:
        process = subprocess.Popen(
            _command("--jsonl", "--workers", "2"),
            stdin=stdin,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
    assert process.stdout is not None
    for _ in range(2000):  # well into the run: the workers are up
        assert process.stdout.readline()
    helpers = _descendants(process.pid)
    assert len(helpers) >= 2
    process.kill()
    process.wait()
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in helpers):
        assert time.monotonic() < deadline, [pid for pid in helpers if _alive(pid)]
        time.sleep(0.05)
    process.stdout.read()  # returns: nobody holds the pipe open any more
    process.stdout.close()


# ── 5. exit statuses ─────────────────────────────────────────────────────────────────────────


def test_exit_statuses_tell_apart_what_happened(monkeypatch: pytest.MonkeyPatch) -> None:
    """0 all read, 1 some error rows, 2 usage; 3 and the signals are tested with real runs."""
    assert run(monkeypatch, "--jsonl", stdin=b"life\n").code == 0
    assert run(monkeypatch, "--jsonl", stdin=b"life\nten yaers\n").code == 1
    assert run(monkeypatch, "--jsonl", "--lang", "xx", stdin=b"life\n").code == 2
    assert run(monkeypatch, "--resume", "x.jsonl", stdin=b"life\n").code == 2


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize(
    "argv", [["--jsonl"], ["--csv-column", "text"], ["extract", "--jsonl", "-"]]
)
def test_disk_full_is_a_run_failure_with_the_resume_hint(argv: list[str]) -> None:
    """Writing to a full disk: exit 3, one line saying so and how to continue, no traceback
    (it said "internal error (OSError ...)" with exit 1)."""
    data = b"text\nlife\n" if "--csv-column" in argv else b"He was jailed for life.\n"
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            _command(*argv),
            input=data,
            stdout=full,
            stderr=subprocess.PIPE,
            timeout=120,
            check=False,
        )
    err = done.stderr.decode()
    assert done.returncode == 3, err
    assert "No space left on device" in err
    assert "stopped after" in err
    if argv[0] != "extract":  # extract from stdin cannot be resumed: no file names
        assert "continue with --resume" in err
    assert "Traceback" not in err
    assert err.count("\n") == 1


def test_a_failed_write_in_process_is_a_run_failure(monkeypatch: pytest.MonkeyPatch) -> None:
    """The same in-process: an OSError from the output is exit 3 with the hint."""
    import io

    class Full(io.StringIO):
        def write(self, text: str) -> int:
            raise OSError(28, "No space left on device")

    result = run(monkeypatch, "--jsonl", stdin=b"life\n", stdout=Full())
    assert result.code == 3
    assert "cannot write OUT (the file this output went to): No space left on device" in result.err
    assert "stopped after 0 lines; continue with --resume OUT" in result.err


# ── 8. extract: the interrupt and the resume that follows count the same files ───────────────


def test_extract_interrupt_and_resume_say_the_same_count(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """ "interrupted after 37 files" was followed by "resuming after 36": now the resume checks
    the last file's matches and goes on after it when they are complete."""
    from sentencenorm.cli import extracting

    docs = tmp_path / "docs"
    docs.mkdir()
    for number in range(1, 41):
        (docs / f"{number:02}.txt").write_text(
            f"He was jailed for {number} years.", encoding="utf-8"
        )
    full = _full(monkeypatch, "extract", "--jsonl", str(docs), stdin=b"")
    out = tmp_path / "o.jsonl"
    original = extracting.document

    def interrupting(name: str) -> str | None:
        if name.endswith("38.txt"):
            raise KeyboardInterrupt
        return original(name)

    with monkeypatch.context() as patch:
        patch.setattr(extracting, "document", interrupting)
        stopped = run(patch, "extract", "--jsonl", "--resume", str(out), str(docs))
    assert stopped.code == 130
    assert "interrupted after 37 files" in stopped.err
    resumed = run(monkeypatch, "extract", "--jsonl", "--resume", str(out), str(docs))
    assert resumed.code == 0
    assert "resuming" in resumed.err
    assert "after 37 files" in resumed.err
    assert out.read_bytes() == full
    records = [json.loads(line) for line in out.read_bytes().splitlines()]
    assert [Path(r["file"]).name for r in records] == [f"{n:02}.txt" for n in range(1, 41)]


def test_signal_statuses_are_documented() -> None:
    """The statuses are in --help for people who script the command."""
    done = subprocess.run(_command("--help"), capture_output=True, timeout=120, check=True)
    text = done.stdout.decode()
    for words in (
        "0 every record read",
        "1 some records are error rows",
        "2 usage error",
        "3 the run failed",
        "130",
        "143",
        "141",
    ):
        assert words in text, words


def test_sigterm_and_sigint_statuses_with_a_real_process(tmp_path: Path) -> None:
    """143 after SIGTERM (130 after SIGINT is in test_cli_resume)."""
    source = tmp_path / "in.txt"
    source.write_bytes(A * 500)
    out = tmp_path / "o.jsonl"
    with source.open("rb") as stdin, out.open("wb") as stdout:
        process = subprocess.Popen(
            _command("--jsonl"), stdin=stdin, stdout=stdout, stderr=subprocess.PIPE
        )
        deadline = time.monotonic() + 120
        while out.stat().st_size < 10_000:
            assert time.monotonic() < deadline
            assert process.poll() is None
            time.sleep(0.02)
        os.kill(process.pid, signal.SIGTERM)
        _, err = process.communicate(timeout=60)
    assert process.returncode == 143, err
    assert b"continue with --resume" in err
