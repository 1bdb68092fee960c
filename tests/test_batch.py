"""parse_many / extract_many: one result per input, in order, streaming, on one or many cores."""

from __future__ import annotations

import itertools
import os
import pickle
import subprocess
import sys
import textwrap
import threading
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest

from sentencenorm import (
    LIFE,
    SentenceParseError,
    UnknownLanguageError,
    extract,
    extract_many,
    parse,
    parse_many,
)
from sentencenorm.reading import batch
from sentencenorm.reading.batch import CHUNK

PHRASES = [
    "six months to 10 years",
    "ten yaers",
    "life without parole",
    "",
    "a fine of $500",
    "有期徒刑十五年",
]


def _shown(result: object) -> str:
    if isinstance(result, SentenceParseError):
        return f"error at {result.column}"
    return str(result)


def _expected(phrases: list[object], lang: str = "en") -> list[str]:
    shown = []
    for phrase in phrases:
        try:
            shown.append(_shown(parse(phrase, lang=lang)))  # type: ignore[arg-type]
        except SentenceParseError as error:
            shown.append(_shown(error))
    return shown


def test_one_result_per_phrase_in_order_errors_as_values() -> None:
    """Every input gives one result in its place; a bad phrase gives its error, not a raise."""
    results = list(parse_many(PHRASES))
    assert len(results) == len(PHRASES)
    assert [_shown(r) for r in results] == _expected(PHRASES)
    assert isinstance(results[1], SentenceParseError)


def test_items_that_are_not_text_are_errors_in_place() -> None:
    """None, bytes or numbers are error values where they stood."""
    results = list(parse_many(["10 years", None, b"10 years", 42, "life"]))
    assert [type(r).__name__ for r in results] == [
        "Sentence",
        "SentenceParseError",
        "SentenceParseError",
        "SentenceParseError",
        "Sentence",
    ]
    assert "not text (NoneType)" in str(results[1])


def test_bad_codes_raise_before_any_input_is_read() -> None:
    """An unknown language is refused at the call, not in the middle of a batch."""

    def never() -> Iterator[str]:
        raise AssertionError("the input was read")
        yield ""  # pragma: no cover

    with pytest.raises(UnknownLanguageError):
        parse_many(never(), lang="xx")
    with pytest.raises(ValueError, match="workers"):
        list(parse_many(["x"], workers=-1))


def test_streaming_reads_lazily() -> None:
    """Results come out before the input ends: an endless input can be consumed in part."""
    endless = itertools.cycle(["six months to 10 years", "ten yaers"])
    first = list(itertools.islice(parse_many(endless), 3 * CHUNK))
    assert len(first) == 3 * CHUNK


def test_memory_stays_bounded_on_a_long_input() -> None:
    """Memory does not grow with the input: 200,000 lines cost what 20,000 do."""

    def measure(count: int) -> int:
        source = (f"{n % 40 + 1} years" for n in range(count))
        tracemalloc.start()
        for _ in parse_many(source):
            pass
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        return peak

    small, large = measure(20_000), measure(200_000)
    assert large < small * 2 + 1_000_000


def test_workers_give_the_same_results_in_the_same_order() -> None:
    """Two worker processes answer exactly as one process does, in input order."""
    phrases = PHRASES * 300
    single = [_shown(r) for r in parse_many(phrases)]
    multi = [_shown(r) for r in parse_many(phrases, workers=2)]
    assert multi == single


def test_results_survive_the_trip_between_processes() -> None:
    """Values pickle exactly; LIFE comes back as the one LIFE."""
    value = parse("life without parole")
    again = pickle.loads(pickle.dumps(value))
    assert again == value
    assert again.components[0].max is LIFE
    error = pickle.loads(pickle.dumps(next(iter(parse_many(["ten yaers"])))))
    assert isinstance(error, SentenceParseError)


def test_extract_many_one_list_per_document(monkeypatch: pytest.MonkeyPatch) -> None:
    """extract_many gives each document's matches in order; empty lists stay in place (one
    document a chunk, so that they cross to the workers and back)."""
    monkeypatch.setattr(batch, "CHUNK", 1)
    documents = [
        "He was sentenced to 20 years in prison.",
        "Nothing to see here.",
        None,
        "She faces up to five years.",
    ]
    results = list(extract_many(documents, workers=2))
    assert len(results) == 4
    assert results[1] == []
    assert results[2] == []
    assert results[0] == extract(documents[0])  # type: ignore[arg-type]
    assert [str(m.sentence) for m in results[3]] == ["potential: custody ..P5Y"]


def test_chunks_close_at_a_count_or_a_size(monkeypatch: pytest.MonkeyPatch) -> None:
    """A chunk holds CHUNK inputs, or fewer where they reach CHUNK_CHARS characters: a few
    long documents still go to several workers."""
    monkeypatch.setattr(batch, "CHUNK", 3)
    monkeypatch.setattr(batch, "CHUNK_CHARS", 10)
    items: list[object] = ["a", "b", "c", "d", "x" * 12, "e", "f", None, "g", "h" * 6, "i" * 6]
    chunks = list(batch._chunks(items))
    assert [len(chunk) for chunk in chunks] == [3, 2, 3, 3]
    assert [item for chunk in chunks for item in chunk] == items


def test_one_chunk_is_read_without_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    """An input that fits in one chunk starts no worker (it would only add its start-up);
    workers=0 means the cores this process may run on."""

    def no_pool(*args: object) -> Iterator[object]:
        raise AssertionError("a pool was started")

    monkeypatch.setattr(batch, "_pooled", no_pool)
    phrases = PHRASES * 2
    assert [_shown(r) for r in parse_many(phrases, workers=0)] == [
        _shown(r) for r in parse_many(phrases)
    ]
    assert 1 <= batch.cores() <= (os.cpu_count() or 1)


def test_a_script_without_the_main_guard_is_told_so(tmp_path: Path) -> None:
    """Spawned workers import the caller's script; one that calls parse_many at its top level
    fails as they start, and the error says to keep the call under the ``__main__`` guard.
    (A second thread makes the workers spawned on Linux too: see the next test.)"""
    script = tmp_path / "unguarded.py"
    script.write_text(
        textwrap.dedent(
            f"""
            import threading
            import sentencenorm
            done = threading.Event()
            threading.Thread(target=done.wait, daemon=True).start()
            phrases = ["life"] * {CHUNK * 3}
            print(sum(1 for _ in sentencenorm.parse_many(phrases, workers=2)))
            """
        )
    )
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=300
    )
    assert done.returncode != 0
    assert 'if __name__ == "__main__":' in done.stderr.splitlines()[-1]


def test_workers_are_forked_on_linux_without_other_threads(tmp_path: Path) -> None:
    """On Linux a process that runs one thread forks its workers (they start with what it
    has loaded), so an unguarded script works there; with another thread running they are
    spawned, as everywhere else."""
    done = threading.Event()
    waiting = threading.Thread(target=done.wait, daemon=True)
    waiting.start()
    try:
        assert batch.start_method() == "spawn"
    finally:
        done.set()
        waiting.join()
    if not sys.platform.startswith("linux"):
        return
    assert batch.start_method() == "fork"
    script = tmp_path / "unguarded.py"
    script.write_text(
        textwrap.dedent(
            f"""
            import sentencenorm
            phrases = ["life", "ten yaers"] * {CHUNK * 2}
            print(sum(1 for _ in sentencenorm.parse_many(phrases, workers=2)))
            """
        )
    )
    ran = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300)
    assert (ran.returncode, ran.stdout) == (0, f"{CHUNK * 4}\n")
