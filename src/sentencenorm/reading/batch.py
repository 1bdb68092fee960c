"""`parse_many` and `extract_many`: one result per input, in order, streaming, on many cores.

Both read their input lazily and keep a bounded number of inputs in flight, so a
ten-million-line file costs constant memory. Errors are values: a phrase that cannot be read
gives its `SentenceParseError` in its place, never an exception that ends the batch and never
a dropped record. With ``workers > 1`` the work is spread over that many processes (each
loads its grammar's tables once) in chunks of up to `CHUNK` inputs or `CHUNK_CHARS`
characters, whichever comes first (so that a few long documents still go to several
workers), and results still come back in input order; an input that fits in one chunk is
read in this process, as no second worker would have anything to do. ``workers=0`` means one
worker per core this process may run on (`cores`: its CPU affinity, as ``taskset`` or a
container sets it). On Linux, in a process that runs no other thread, the workers are
*forked* (`start_method`): they start at once with what this process has loaded. Elsewhere
they are *spawned*: each starts a new interpreter that imports the caller's main module, so
a script that calls these functions at its top level must keep that call under
``if __name__ == "__main__":`` (else its workers would run the script again: the pool then
fails at once, and the error says so); keep the guard anyway, for the scripts that will run
on other systems. Results come back from the workers as their values only
(`sentencenorm.model.pickling`), rebuilt here without their checks run again. The workers
ignore Ctrl-C: the caller gets the KeyboardInterrupt, and closing the iterator (or leaving it)
ends them without finishing the queued work. A worker that dies (killed, out of memory)
raises `concurrent.futures.process.BrokenProcessPool` in the caller rather than hanging; a
caller that dies, even by SIGKILL, takes its workers with it within a fraction of a second.

>>> results = list(parse_many(["six months to 10 years", "ten yaers", "life"]))
>>> [str(r) if not isinstance(r, SentenceParseError) else "error" for r in results]
['custody P6M..P10Y', 'error', 'custody ..life']
"""

from __future__ import annotations

import collections
import contextlib
import itertools
import os
import signal
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, Final, TypeVar

from ..errors import SentenceParseError
from ..sentence import Sentence
from .parser import parse

if TYPE_CHECKING:
    from concurrent.futures import Future

    from .match import Match

__all__ = ["extract_many", "parse_many", "record"]

#: Inputs sent to a worker at a time: large enough to amortize the hand-over, small enough
#: that results keep streaming.
CHUNK: Final = 512
#: Characters of text sent to a worker at a time at most (a longer input goes alone): about
#: a tenth of a second of `extract`, so that 73 documents of 7 kB make 25 chunks, not one,
#: and the last chunk of a batch keeps one worker busy while the other idles only briefly.
CHUNK_CHARS: Final = 20_000
#: Chunks in flight per worker: the bound that keeps memory constant on endless input.
AHEAD: Final = 4

_Result = TypeVar("_Result")


def parse_many(
    phrases: Iterable[object],
    *,
    lang: str = "en",
    jurisdiction: str | None = None,
    workers: int = 1,
) -> Iterator[Sentence | SentenceParseError]:
    """`parse` each phrase; yield its `Sentence`, or its `SentenceParseError`, in order.

    An item that is not text gives an error in its place; an item that is already a
    `SentenceParseError` (a line that failed upstream) is passed through in its place.
    Unknown *lang* or *jurisdiction* codes raise at once, before any input is read.
    ``workers=0`` starts one worker per core this process may use (`cores`); see the module
    for chunks and for the ``if __name__ == "__main__":`` a script needs with workers.
    """
    _check(lang, jurisdiction)
    return _run(_parse_chunk, phrases, (lang, jurisdiction), workers)


def extract_many(
    documents: Iterable[object],
    *,
    lang: str = "en",
    jurisdiction: str | None = None,
    workers: int = 1,
) -> Iterator[list[Match]]:
    """`extract` each document; yield its list of matches (empty for none), in order.

    An item that is not text gives an empty list in its place.
    """
    _check(lang, jurisdiction)
    return _run(_extract_chunk, documents, (lang, jurisdiction), workers)


def record(result: Sentence | SentenceParseError) -> dict[str, Any]:
    """One outcome as the JSON contract: the sentence's dict, or ``{"text", "error"}``.

    >>> record(next(parse_many(["ten yaers"])))["error"]["column"]
    4
    """
    if isinstance(result, Sentence):
        return result.to_dict()
    error = {"message": result.message, "column": result.column, "expected": list(result.expected)}
    return {"text": result.text, "error": error}


def _check(lang: str, jurisdiction: str | None) -> None:
    """Raise the named error for a bad code now, not in a worker later."""
    with contextlib.suppress(SentenceParseError):  # the empty phrase: the codes are fine
        parse("", lang=lang, jurisdiction=jurisdiction)


def _parse_one(item: object, lang: str, jurisdiction: str | None) -> Any:
    if isinstance(item, SentenceParseError):
        return item  # an input that already failed upstream (not UTF-8, say) keeps its place
    if not isinstance(item, str):
        shown = repr(item)[:60]
        return SentenceParseError(shown, 0, reason=f"not text ({type(item).__name__})")
    try:
        return parse(item, lang=lang, jurisdiction=jurisdiction)
    except SentenceParseError as error:
        return error
    except Exception as exc:  # parse promises never to; keep the record rather than the batch
        reason = f"internal error ({type(exc).__name__}: {exc}); please report it"
        return SentenceParseError(item, 0, reason=reason)


def _parse_chunk(
    items: list[object], lang: str, jurisdiction: str | None
) -> list[Sentence | SentenceParseError]:
    return [_parse_one(item, lang, jurisdiction) for item in items]


def _extract_chunk(items: list[object], lang: str, jurisdiction: str | None) -> list[list[Match]]:
    from .extractor import extract  # loaded by the batches that extract, not by parse_many

    return [
        extract(item, lang=lang, jurisdiction=jurisdiction) if isinstance(item, str) else []
        for item in items
    ]


#: How often a worker looks whether its parent is still alive, in seconds.
PARENT_CHECK: Final = 0.2


def _start_worker(parent: int) -> None:
    """In a worker: leave Ctrl-C (sent to the whole process group) to the parent process, and
    end when the parent ends, however it ends. A parent killed with SIGKILL runs no cleanup;
    its workers would live on (holding its stdout open, so a `| cat` after it never ends).
    SIGTERM ends a worker quietly, as in a spawned one: a forked one would inherit the
    caller's handler (the CLI's raises KeyboardInterrupt, a traceback in each worker)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    threading.Thread(
        target=_watch_parent, args=(parent,), name="sentencenorm-parent-watch", daemon=True
    ).start()


def _watch_parent(parent: int) -> None:
    """End this worker at once when *parent* is gone (this process is then adopted by another,
    so its parent pid changes): there is nobody left to hand results to."""
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK)
    os._exit(1)


def cores() -> int:
    """The cores this process may run on: its CPU affinity where the system says (a
    container or ``taskset`` may allow fewer than the machine has), else every core."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):  # not Linux
        return os.cpu_count() or 1


def start_method() -> str:
    """How the workers start: *fork* on Linux when this process runs no thread but the
    calling one, else *spawn*. A forked worker starts at once, with the modules, tables and
    compiled patterns this process already holds (a spawned one imports and loads them all
    again, about 0.3 s of CPU each); forking while another thread may hold a lock can leave
    the worker stuck on it, so a process with threads (a server, a GUI, Dask) gets spawned
    workers, and so does every other system (macOS's own libraries are not fork-safe)."""
    if sys.platform == "linux" and threading.active_count() == 1:
        return "fork"
    return "spawn"


def _chunks(items: Iterable[object]) -> Iterator[list[object]]:
    """*items* in chunks of `CHUNK` inputs, or fewer where they hold `CHUNK_CHARS` characters."""
    chunk: list[object] = []
    size = 0
    for item in items:
        chunk.append(item)
        if isinstance(item, str):
            size += len(item)
        if len(chunk) >= CHUNK or size >= CHUNK_CHARS:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def _run(
    work: Any, items: Iterable[object], args: tuple[str, str | None], workers: int
) -> Iterator[Any]:
    if not isinstance(workers, int) or workers < 0:
        raise ValueError(f"workers must be a whole number, 0 for one a core: {workers!r}")
    count = cores() if workers == 0 else workers
    if count <= 1:  # one at a time: each result leaves before the next input is read
        for item in items:
            yield from work([item], *args)
        return
    chunks = _chunks(items)
    head = list(itertools.islice(chunks, 2))
    if len(head) < 2:  # all of it in one chunk: a worker would only add its start-up
        for chunk in head:
            yield from work(chunk, *args)
        return
    yield from _pooled(work, itertools.chain(head, chunks), args, count)


def _pooled(
    work: Any, chunks: Iterator[list[object]], args: tuple[str, str | None], count: int
) -> Iterator[Any]:
    # ProcessPoolExecutor, not multiprocessing.Pool: when a worker is killed (SIGTERM to the
    # process group, the OOM killer) it fails the batch, where Pool.terminate() can wait
    # forever on a task queue that the dead worker left half read. Both are loaded only here,
    # by a batch that uses more than one process.
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    method = start_method()
    pool = ProcessPoolExecutor(
        count,
        mp_context=multiprocessing.get_context(method),
        initializer=_start_worker,
        initargs=(os.getpid(),),
    )
    lang, jurisdiction = args
    answered = False
    try:
        pending: collections.deque[Future[Any]] = collections.deque()
        for chunk in chunks:
            pending.append(pool.submit(work, chunk, lang, jurisdiction))
            if len(pending) >= AHEAD * count:
                yield from pending.popleft().result()
                answered = True
        while pending:
            yield from pending.popleft().result()
            answered = True
    except BrokenProcessPool as error:
        if answered or method != "spawn":  # a worker died in the run (killed, out of memory)
            raise
        raise BrokenProcessPool(f"{error} {_UNGUARDED}") from error
    finally:  # closed early (an interrupt): drop the queued chunks, end the workers
        pool.shutdown(wait=True, cancel_futures=True)


#: What a pool that breaks before its first answer says: most often a script without the
#: ``__main__`` guard, whose spawned workers run it again and fail as they start.
_UNGUARDED: Final = (
    "(the worker processes failed before their first answer: when this runs from a script, "
    'keep the call under `if __name__ == "__main__":`, since each worker is a new '
    "process that imports the script)"
)
