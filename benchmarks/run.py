"""The benchmark harness: every named case, with reference rows measured in the same run.

Run from the repository root with the package installed (``pip install -e ".[dev]"``)::

    python -m benchmarks                 # every case, a table for people
    python -m benchmarks --quick         # smaller inputs, a look in under a minute
    python -m benchmarks --json          # the same numbers for machines
    python -m benchmarks --case zipf     # one case (repeatable)

Cases (each line of the table is one side of one case; "ratio" is the median over rounds of
that side's rate over its reference's rate in the same round, the two timed one after the
other). First the cold rows, on text and phrases never seen before, built from the real
corpora (tests/corpus/real_*.jsonl, see corpora.py), the paragraph and phrase caches emptied
before each round:

- ``extract_dense``: a document whose every paragraph is a distinct real sentencing clause,
  in English and in Chinese. Reference: a keyword-regex scan of the same text.
- ``extract_news``: news-like text, one real clause in 20 paragraphs, the others built from
  the corpus's negative records, no paragraph twice. Reference: the keyword scan.
- ``raw_phrases``: ``parse`` of real_en's gold spans and negative texts, about 30% of them
  refused (the note says how many). Reference: a bare Lark LALR parse of the same batch.
- ``first_call``: ``python -m sentencenorm "six months to 10 years"`` in a new process, wall
  seconds, after one untimed call (bytecode written, PYTHONDONTWRITEBYTECODE or not): as the
  wheel installs the package (with its parse tables, without interegular) and from this
  checkout (without tables). Reference: ``python -c pass``.

Then the other cold rows:

- ``distinct``: generated phrases, all different, the phrase cache cleared before each round.
  Reference: a bare Lark LALR parse of the same phrases (no transformer).
- ``dev_en`` / ``dev_zh``: the development corpora's gold spans (``tests/data``).
- ``extract_distinct``: the paragraphs of ``extract``'s document, each once, the cache
  cleared. Reference: the keyword scan.

- ``dask``: ``sentencenorm.dask.parse_frame`` of the distinct generated phrases on a
  ``distributed.LocalCluster`` of two single-threaded workers. Reference: the same graph on
  the synchronous scheduler in this process; the ratio is the speed-up (the note gives the
  load average: a loaded machine has no two free cores).
- ``workers``: ``parse_many`` on ``--size`` distinct phrases and ``extract_many`` on
  news-like documents of 20 paragraphs (all different), with ``workers=2`` against
  ``workers=1``; each round with two workers starts its processes anew, as a user's batch
  does (forked on Linux: they inherit what this process has loaded and compiled, as the
  workers of a user's second batch would; the first round's are as cold as a new
  process's). The note gives the load average and the CPU seconds of each side (the caller's and
  the workers'), which say what the workers cost beyond the work when the wall clock cannot.

Then the cache rows, which time answers remembered from an earlier read (each says so, with
its repeat rate, in its side and note, and has ``"cache": true`` in the JSON):

- ``zipf``: a batch drawn from the generated phrases with Zipf-skewed frequencies, as court
  data repeats its phrases; the phrase cache on. Reference: the bare Lark parse again.
- ``extract``: a news-like document whose 132 distinct paragraphs repeat (29,314 paragraphs at
  the default size).
  "paragraph cache, emptied": the cache cleared before each round (each distinct paragraph
  read once a round, the rest looked up); "paragraph cache, full": kept. Reference: the
  keyword scan.

Then writing, and the peers:

- ``render``: canonical sentences written in English, Chinese and German.
- ``json``: ``to_dict`` then ``json.dumps`` of canonical sentences.
- ``peers``: Microsoft Recognizers-Text and quantulum3 on the dev_en gold spans, beside
  sentencenorm, with the share of spans each gets right (benchmarks/peers.py), when installed
  (``pip install recognizers-text-suite "emoji<1.0" quantulum3``); a row says "not installed"
  otherwise. The ratio on a peer's row is sentencenorm's rate over the peer's.

No unit test times anything; the numbers belong here and in benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import atexit
import importlib.util
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from subprocess import PIPE
from typing import Any

import attrs

import sentencenorm
from sentencenorm._resources import grammar_dir
from sentencenorm.reading.extractor import _remembered
from sentencenorm.reading.parser import _outcome

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import corpora  # noqa: E402  (the cold rows' inputs, from the real corpora)
import extract_throughput  # noqa: E402  (the document generator and keyword scan)
import parse_throughput  # noqa: E402  (the phrase generator and the reference parser)
import peers  # noqa: E402  (the peers' adapters and the scorer)

#: The unit of a row timed in wall seconds a call (less is better).
SECONDS = "s"


@attrs.define
class Row:
    """One side of one case: what was timed, on how much, and how fast."""

    case: str
    side: str
    unit: str
    amount: float  # phrases or megabytes per round (calls, for a row in seconds)
    rates: list[float] = attrs.field(factory=list)  # per round; seconds a call when unit is "s"
    reference: str | None = None  # the side this one is compared with
    note: str = ""
    cache: bool = False  # a cache row: it times answers remembered from an earlier read

    @property
    def median(self) -> float:
        return statistics.median(self.rates) if self.rates else 0.0

    @property
    def seconds(self) -> bool:
        """Wall time a call, where less is better (the others are rates)."""
        return self.unit == SECONDS

    def as_dict(self, ratio: float | None) -> dict[str, Any]:
        return {
            "case": self.case,
            "side": self.side,
            "unit": self.unit,
            "median": self.median,
            "min": min(self.rates, default=0.0),
            "max": max(self.rates, default=0.0),
            "ratio": ratio,
            "cache": self.cache,
            "note": self.note,
        }


def _timed(run: Callable[[], object]) -> float:
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


def _alternate(rows: Sequence[tuple[Row, Callable[[], object]]], rounds: int) -> None:
    """Time every side once per round, in turn, so machine load falls on all of them."""
    for _, run in rows:
        run()  # warm-up: grammars built, lexers filled in
    for _ in range(rounds):
        for row, run in rows:
            took = _timed(run)
            row.rates.append(took / row.amount if row.seconds else row.amount / took)


def _parse_each(
    phrases: Sequence[str], lang: str = "en", cold: bool = False, repeat: int = 1
) -> Callable[[], None]:
    parse = sentencenorm.parse

    def run() -> None:
        for _ in range(repeat):
            if cold:  # every phrase read by the grammar, none answered from the cache
                _outcome.cache_clear()
            _each(phrases)

    def _each(phrases: Sequence[str]) -> None:
        for phrase in phrases:
            try:  # noqa: SIM105  (cheaper than a context manager inside a timed loop)
                parse(phrase, lang=lang)
            except sentencenorm.SentenceParseError:
                pass

    return run


def _bare_each(phrases: Sequence[str], lang: str = "en", repeat: int = 1) -> Callable[[], None]:
    from lark import Lark

    from sentencenorm.reading.grammars import grammar_path, grammar_text

    parser = Lark(
        grammar_text(lang), source_path=grammar_path(lang), parser="lalr", lexer="contextual"
    )

    def run() -> None:
        for phrase in list(phrases) * repeat:
            try:  # noqa: SIM105  (cheaper than a context manager inside a timed loop)
                parser.parse(phrase)
            except Exception:
                pass

    return run


def _zipf(phrases: Sequence[str], size: int, seed: int = 11) -> list[str]:
    """*size* draws from *phrases* with frequency proportional to 1 / rank."""
    weights = [1 / rank for rank in range(1, len(phrases) + 1)]
    return random.Random(seed).choices(list(phrases), weights=weights, k=size)


def _spans(name: str) -> list[str]:
    path = ROOT / "tests" / "data" / name
    spans = []
    for line in path.read_text(encoding="utf-8").splitlines():
        spans.extend(expression["span"] for expression in json.loads(line)["expressions"])
    return spans


def _sentences(size: int) -> list[sentencenorm.Sentence]:
    values = []
    for phrase in parse_throughput.generated_phrases(size * 2):
        try:
            values.append(sentencenorm.parse(phrase))
        except sentencenorm.SentenceParseError:
            continue
        if len(values) == size:
            break
    return values


# The cold rows: text and phrases never seen before, from the real corpora ------------------


def _forget() -> None:
    """Empty the caches that answer a paragraph or a phrase read before."""
    _remembered.cache_clear()  # extract's paragraph cache
    _outcome.cache_clear()  # parse's phrase cache


def _extract_cold(text: str, lang: str) -> Callable[[], object]:
    def run() -> object:
        _forget()  # every paragraph read by the grammar, none answered from a cache
        return sentencenorm.extract(text, lang=lang)

    return run


def _scan(text: str, lang: str) -> Callable[[], object]:
    keywords = extract_throughput.KEYWORDS if lang == "en" else extract_throughput.ZH_KEYWORDS
    return lambda: sum(1 for _ in keywords.finditer(text))


def _extract_rows(
    case: str, text: str, lang: str, note: str
) -> list[tuple[Row, Callable[[], object]]]:
    mb = len(text.encode("utf-8")) / 1e6
    matches = len(_extract_cold(text, lang)())
    note = f"{note}; {matches:,} matches; {mb:.2f} MB"
    reference = Row(case, f"keyword regex scan ({lang})", "MB/s", mb)
    ours = Row(case, f"sentencenorm.extract (cold, {lang})", "MB/s", mb, note=note)
    ours.reference = reference.side
    return [(ours, _extract_cold(text, lang)), (reference, _scan(text, lang))]


def case_extract_dense(size: int) -> list[tuple[Row, Callable[[], object]]]:
    """Every paragraph a distinct real sentencing clause, in English and in Chinese."""
    count = max(10, size // 50)  # the whole corpus from 50,000 (en 888 clauses, zh 441)
    rows = []
    for lang in ("en", "zh"):
        text = corpora.dense(lang, count)
        paragraphs = len(corpora.paragraphs(text))
        note = f"{paragraphs:,} real clauses of real_{lang}, one a paragraph, all different"
        rows += _extract_rows("extract_dense", text, lang, note)
    return rows


def case_extract_news(size: int) -> list[tuple[Row, Callable[[], object]]]:
    """News-like text: one real clause in 20 paragraphs, fillers from the negatives."""
    news = corpora.news(max(0.02, size / 50_000))  # 1 MB from 50,000
    note = (
        f"{news.clauses:,} real clauses in {news.paragraphs:,} paragraphs, all different "
        f"(fillers: negative records, each used at most {news.filler_uses} times)"
    )
    return _extract_rows("extract_news", news.text, "en", note)


def case_raw_phrases(size: int) -> list[tuple[Row, Callable[[], object]]]:
    """real_en's gold spans and negative texts as a user passes them, 30% refused."""
    batch = corpora.raw_phrases()
    repeat = max(1, size // (5 * len(batch.phrases)))
    amount = len(batch.phrases) * repeat
    note = corpora.share_note(batch)
    phrases = [phrase for phrase, _ in batch.phrases]
    reference = Row("raw_phrases", "bare Lark LALR", "phrases/s", amount)
    ours = Row("raw_phrases", "sentencenorm.parse (cold)", "phrases/s", amount, note=note)
    ours.reference = reference.side
    parse, refused = sentencenorm.parse, sentencenorm.SentenceParseError

    def run() -> None:
        for _ in range(repeat):
            _outcome.cache_clear()  # each phrase read, each refusal found, once a pass
            for phrase, jurisdiction in batch.phrases:
                try:  # noqa: SIM105  (cheaper than a context manager inside a timed loop)
                    parse(phrase, jurisdiction=jurisdiction)
                except refused:
                    pass

    return [(ours, run), (reference, _bare_each(phrases, repeat=repeat))]


#: The README's first command-line example: one phrase, in a new process.
PHRASE = "six months to 10 years"
FIRST_CALL = ("-m", "sentencenorm", PHRASE)
#: Python run with `interegular` kept from importing, as in a wheel's build environment and
#: where the wheel is installed (it requires lark, not the dev and test extras'
#: ``lark[interegular]``, with which Lark checks every pair of terminals for collisions each
#: time it builds a lexer, and which ``import lark`` loads when it is there).
NO_INTEREGULAR = "import runpy, sys; sys.modules['interegular'] = None; "
#: `FIRST_CALL` as the wheel's user runs it: no interegular.
FIRST_CALL_AS_WHEEL = (
    "-c",
    f"{NO_INTEREGULAR}sys.argv = ['sentencenorm', {PHRASE!r}]; "
    "runpy.run_module('sentencenorm', run_name='__main__', alter_sys=True)",
)


def _writing_bytecode(environment: Mapping[str, str]) -> dict[str, str]:
    """*environment* without PYTHONDONTWRITEBYTECODE: the untimed first call writes the
    bytecode the timed ones read, as installing a wheel does (pip compiles it)."""
    return {key: value for key, value in environment.items() if key != "PYTHONDONTWRITEBYTECODE"}


def _as_a_wheel() -> dict[str, str]:
    """The environment of a process that imports sentencenorm laid out as its wheel is.

    The package is copied to a temporary folder (removed at exit) with what the wheel build
    adds: the grammars as ``sentencenorm/grammar`` and each language's parse tables in
    ``sentencenorm/tables``, written by ``sentencenorm._build_tables`` as ``hatch_build.py``
    runs it. A source checkout has no tables and builds each grammar on first use.
    """
    folder = Path(tempfile.mkdtemp(prefix="sentencenorm-wheel-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    target = folder / "sentencenorm"
    skipped = shutil.ignore_patterns("__pycache__", "tables")
    shutil.copytree(Path(sentencenorm.__file__).resolve().parent, target, ignore=skipped)
    if not (target / "grammar").is_dir():
        shutil.copytree(grammar_dir(), target / "grammar")
    paths = [str(folder), *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]
    environment = _writing_bytecode({**os.environ, "PYTHONPATH": os.pathsep.join(paths)})
    build = (
        f"{NO_INTEREGULAR}sys.argv = ['_build_tables', {str(target / 'tables')!r}]; "
        "runpy.run_module('sentencenorm._build_tables', run_name='__main__', alter_sys=True)"
    )
    subprocess.run([sys.executable, "-c", build], env=environment, check=True, stdout=PIPE)
    where = [sys.executable, "-c", "import sentencenorm; print(sentencenorm.__file__)"]
    found = subprocess.run(where, env=environment, check=True, stdout=PIPE, text=True).stdout
    if not found.startswith(str(target)) or not (target / "tables" / "en.tables").is_file():
        raise RuntimeError(f"the wheel's layout in {folder} is not what imports: {found}")
    return environment


def _process(
    arguments: Sequence[str], expect: str = "", environment: dict[str, str] | None = None
) -> Callable[[], object]:
    command = [sys.executable, *arguments]

    def run() -> object:
        done = subprocess.run(command, capture_output=True, text=True, env=environment)
        if done.returncode != 0 or expect not in done.stdout:  # never time a failure
            raise RuntimeError(f"{' '.join(command)} exited {done.returncode}: {done.stderr}")
        return done

    return run


def case_first_call(size: int) -> list[tuple[Row, Callable[[], object]]]:
    """`python -m sentencenorm "six months to 10 years"` in a new process, wall time: as a
    wheel installs the package (with its parse tables), and from this checkout (without)."""
    note = (
        "wall seconds, a new process each call, bytecode written by an untimed call first; "
        "ratio = python -c pass's time / this one's"
    )
    wheel = Row("first_call", f'sentencenorm "{PHRASE}"', SECONDS, 1)
    wheel.note = f"{note}; laid out as the wheel installs it, parse tables included, no interegular"
    interegular = importlib.util.find_spec("interegular") is not None
    checkout = Row("first_call", "... the same, from this checkout", SECONDS, 1)
    checkout.note = "no parse tables: each grammar built in the process" + (
        "; interegular installed (Lark checks the terminals)" if interegular else ""
    )
    reference = Row("first_call", "python -c pass", SECONDS, 1)
    wheel.reference = checkout.reference = reference.side
    expect = "custody P6M..P10Y"
    return [
        (wheel, _process(FIRST_CALL_AS_WHEEL, expect, _as_a_wheel())),
        (checkout, _process(FIRST_CALL, expect, _writing_bytecode(os.environ))),
        (reference, _process(("-c", "pass"))),
    ]


# The rows that were there before, cold and cached ------------------------------------------


def case_distinct(size: int) -> list[tuple[Row, Callable[[], object]]]:
    phrases = list(dict.fromkeys(parse_throughput.generated_phrases(size)))
    reference = Row("distinct", "bare Lark LALR", "phrases/s", len(phrases))
    ours = Row("distinct", "sentencenorm.parse (cold)", "phrases/s", len(phrases))
    ours.reference = reference.side
    return [(ours, _parse_each(phrases, cold=True)), (reference, _bare_each(phrases))]


def case_zipf(size: int) -> list[tuple[Row, Callable[[], object]]]:
    pool = list(dict.fromkeys(parse_throughput.generated_phrases(size // 5)))
    batch = _zipf(pool, size)
    distinct = len(set(batch))
    note = f"cache row: {distinct:,} distinct phrases of {len(batch):,} read"
    reference = Row("zipf", "bare Lark LALR", "phrases/s", len(batch), note=note)
    ours = Row("zipf", "sentencenorm.parse (phrase cache)", "phrases/s", len(batch), note=note)
    ours.reference = reference.side
    ours.cache = True
    return [(ours, _parse_each(batch)), (reference, _bare_each(batch))]


def case_dev(lang: str) -> Callable[[int], list[tuple[Row, Callable[[], object]]]]:
    def build(size: int) -> list[tuple[Row, Callable[[], object]]]:
        spans = list(dict.fromkeys(_spans(f"dev_{lang}.jsonl")))
        repeat = max(1, size // (5 * len(spans)))
        amount = len(spans) * repeat
        reference = Row(f"dev_{lang}", "bare Lark LALR", "phrases/s", amount)
        ours = Row(f"dev_{lang}", "sentencenorm.parse (cold)", "phrases/s", amount)
        ours.reference = reference.side
        return [
            (ours, _parse_each(spans, lang=lang, cold=True, repeat=repeat)),
            (reference, _bare_each(spans, lang=lang, repeat=repeat)),
        ]

    return build


def case_extract(size: int) -> list[tuple[Row, Callable[[], object]]]:
    megabytes = max(1.0, size / 12_500)  # multi-megabyte, as news archives are: 4 MB by default
    text = extract_throughput.document(megabytes)
    mb = len(text.encode("utf-8")) / 1e6
    paragraphs = [p for p in text.split("\n\n") if p]
    distinct = f"{len(set(paragraphs)):,} distinct paragraphs of {len(paragraphs):,}"
    reference = Row("extract", "keyword regex scan", "MB/s", mb)
    new = Row(
        "extract",
        "sentencenorm.extract (paragraph cache, emptied)",
        "MB/s",
        mb,
        note=f"cache row: {distinct}, each distinct one read once a round",
        cache=True,
    )
    seen = Row(
        "extract",
        "sentencenorm.extract (paragraph cache, full)",
        "MB/s",
        mb,
        note=f"cache row: {distinct}, all read before",
        cache=True,
    )
    new.reference = seen.reference = reference.side
    keywords = extract_throughput.KEYWORDS

    def fresh() -> object:
        _remembered.cache_clear()  # no paragraph read before: each distinct one costs a read
        return sentencenorm.extract(text)

    return [
        (new, fresh),
        (seen, lambda: sentencenorm.extract(text)),
        (reference, lambda: sum(1 for _ in keywords.finditer(text))),
    ]


def case_extract_distinct(size: int) -> list[tuple[Row, Callable[[], object]]]:
    """Every paragraph different: the cost of reading text nobody has read before."""
    paragraphs = list(dict.fromkeys(extract_throughput.paragraphs() + extract_throughput.FILLER))
    text = "\n\n".join(paragraphs)
    mb = len(text.encode("utf-8")) / 1e6
    note = f"{len(paragraphs):,} paragraphs, all different, cache emptied"
    reference = Row("extract_distinct", "keyword regex scan", "MB/s", mb)
    ours = Row("extract_distinct", "sentencenorm.extract (cold)", "MB/s", mb, note=note)
    ours.reference = reference.side
    keywords = extract_throughput.KEYWORDS

    def cold() -> object:
        _remembered.cache_clear()
        return sentencenorm.extract(text)

    return [(ours, cold), (reference, lambda: sum(1 for _ in keywords.finditer(text)))]


def case_dask(size: int) -> list[tuple[Row, Callable[[], object]]]:
    """`sentencenorm.dask.parse_frame` on a two-worker `distributed.LocalCluster` (one thread
    each) against the same graph on the synchronous scheduler (this one process), on the same
    distinct phrases, the phrase caches emptied before each round (the workers' too)."""
    import dask.dataframe as dd
    import distributed
    import pandas as pd

    from sentencenorm.dask import parse_frame

    phrases = list(dict.fromkeys(parse_throughput.generated_phrases(size)))
    partitions = 8  # four a worker, so that neither waits for the other's last one
    frame = parse_frame(dd.from_pandas(pd.Series(phrases), npartitions=partitions))
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    client = distributed.Client(cluster, set_as_default=False)
    atexit.register(cluster.close)
    atexit.register(client.close)  # first: the client before its cluster
    load = " / ".join(f"{value:.1f}" for value in os.getloadavg())
    note = (
        f"{len(phrases):,} distinct phrases in {partitions} partitions, to typed rows; "
        f"ratio = 2 workers' rate / 1 process's, 2 at best; {os.cpu_count()} cores, "
        f"load average {load} (1/5/15 min) when the case started"
    )
    reference = Row("dask", "parse_frame, 1 process (synchronous)", "phrases/s", len(phrases))
    ours = Row("dask", "parse_frame, 2 Dask workers", "phrases/s", len(phrases), note=note)
    ours.reference = reference.side

    def workers() -> object:
        client.run(_outcome.cache_clear)  # each worker reads every phrase by the grammar
        return client.compute(frame, sync=True)

    def single() -> object:
        _outcome.cache_clear()
        return frame.compute(scheduler="synchronous")

    return [(ours, workers), (reference, single)]


def _cpu(children: bool) -> float:
    """CPU seconds used so far by this process, or by its children that have ended."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _many(
    run: Callable[[int], int],
    workers: int,
    cpu: dict[int, list[tuple[float, float]]],
    noted: Callable[[], None],
) -> Callable[[], object]:
    """A round of *run* with *workers*, the phrase and paragraph caches of this process
    emptied first (with more than one worker, each round starts new worker processes: their
    start-up is timed, as a user's batch pays it); the CPU seconds of this process and of the
    workers kept in *cpu* (then *noted* writes them in the row's note)."""

    def timed() -> object:
        _forget()
        mine, theirs = _cpu(False), _cpu(True)
        done = run(workers)
        cpu.setdefault(workers, []).append((_cpu(False) - mine, _cpu(True) - theirs))
        noted()
        return done

    return timed


def _cpu_note(cpu: dict[int, list[tuple[float, float]]]) -> str:
    """What the rounds in *cpu* cost in CPU seconds: on a loaded machine the wall-clock
    ratio says little, the CPU says what the workers cost beyond the work itself."""
    if not cpu.get(1) or not cpu.get(2):
        return ""
    one = statistics.median(own for own, _ in cpu[1])
    parent = statistics.median(own for own, _ in cpu[2])
    children = statistics.median(theirs for _, theirs in cpu[2])
    return (
        f"; CPU a round (median): 1 worker {one:.2f} s, 2 workers {parent + children:.2f} s "
        f"({parent:.2f} s the caller, {children:.2f} s the workers)"
    )


def case_workers(size: int) -> list[tuple[Row, Callable[[], object]]]:
    """`parse_many` and `extract_many` with ``workers=2`` against ``workers=1`` (this one
    process), on *size* distinct phrases and on news-like documents (all paragraphs
    different); the ratio is the speed-up, 2 at best on two free cores."""
    phrases = parse_throughput.distinct_phrases(size)
    news = corpora.news(max(0.02, size / 100_000))  # 0.5 MB from 50,000, 2 MB from 200,000
    parts = corpora.paragraphs(news.text)
    documents = ["\n\n".join(parts[i : i + 20]) for i in range(0, len(parts), 20)]
    mb = len(news.text.encode("utf-8")) / 1e6
    load = " / ".join(f"{value:.1f}" for value in os.getloadavg())
    machine = f"{os.cpu_count()} cores, load average {load} (1/5/15 min) when the case started"
    parse_cpu: dict[int, list[tuple[float, float]]] = {}
    extract_cpu: dict[int, list[tuple[float, float]]] = {}
    one = Row("workers", "parse_many, 1 worker", "phrases/s", len(phrases))
    two = Row("workers", "parse_many, 2 workers", "phrases/s", len(phrases))
    one_doc = Row("workers", "extract_many, 1 worker", "MB/s", mb)
    two_doc = Row("workers", "extract_many, 2 workers", "MB/s", mb)
    two.reference, two_doc.reference = one.side, one_doc.side

    def parse(workers: int) -> int:
        return sum(1 for _ in sentencenorm.parse_many(phrases, workers=workers))

    def extract(workers: int) -> int:
        found = sentencenorm.extract_many(documents, workers=workers)
        return sum(len(matches) for matches in found)

    def noted() -> None:
        two.note = f"{len(phrases):,} distinct phrases; {machine}{_cpu_note(parse_cpu)}"
        two_doc.note = (
            f"{len(documents):,} documents of 20 paragraphs, all different; "
            f"{mb:.2f} MB{_cpu_note(extract_cpu)}"
        )

    return [
        (two, _many(parse, 2, parse_cpu, noted)),
        (one, _many(parse, 1, parse_cpu, noted)),
        (two_doc, _many(extract, 2, extract_cpu, noted)),
        (one_doc, _many(extract, 1, extract_cpu, noted)),
    ]


def case_render(size: int) -> list[tuple[Row, Callable[[], object]]]:
    values = _sentences(min(size // 10, 5000))
    rows = []
    for locale in ("en", "zh", "de"):
        # Each phrase is read back as it is written: the parse cache is emptied each round,
        # so that no phrase has been read before. A value the locale has no words for yet is
        # written in the notation (the note says how many are written in words).
        worded = sum(
            sentencenorm.render(value, locale=locale, unsupported="notation") != str(value)
            for value in values
        )
        row = Row(
            "render",
            f"render locale={locale}",
            "sentences/s",
            len(values),
            note=f"{worded} of {len(values)} in words, each read back",
        )

        def run(locale: str = locale) -> None:
            _outcome.cache_clear()
            for value in values:
                sentencenorm.render(value, locale=locale, unsupported="notation")

        rows.append((row, run))
    return rows


def case_json(size: int) -> list[tuple[Row, Callable[[], object]]]:
    values = _sentences(min(size // 10, 5000))
    row = Row("json", "to_dict + json.dumps", "sentences/s", len(values))
    return [(row, lambda: [json.dumps(value.to_dict()) for value in values])]


def _peers(size: int, rounds: int) -> list[dict[str, Any]]:
    """Recognizers-Text and quantulum3 against sentencenorm on the dev_en gold spans.

    Each installed peer gets a row with its rate and its share right (benchmarks/peers.py says
    what "right" means); its ratio is sentencenorm's median rate over the peer's. sentencenorm
    gets a row with its rate on the same spans (the phrase cache cleared each round), timed
    in the same alternating rounds, and its own share right. A peer that does not import gets a
    "not installed" row, and when none imports nothing is timed.
    """
    gold = peers.load_gold()
    spans = list(dict.fromkeys(item.span for item in gold))
    absent: dict[str, dict[str, Any]] = {}
    sides: list[tuple[Row, Callable[[], object]]] = []
    for peer in peers.PEERS:
        reason = peer.missing()
        if reason is not None:
            absent[peer.name] = peers.not_installed_row(peer, reason)
            continue
        read = peer.load()  # models built here, outside the timing
        note = f"{peers.share(read, gold).note()}; ratio = sentencenorm / {peer.name}"
        row = Row("peers", peer.name, "phrases/s", len(spans), note=note)

        def run(read: peers.Reader = read) -> None:
            for span in spans:
                read(span, None)

        sides.append((row, run))
    if not sides:
        return list(absent.values())
    exact, by_rule = peers.sentencenorm_shares(gold)
    repeat = max(1, size // (5 * len(spans)))
    ours = Row("peers", "sentencenorm.parse (cold)", "phrases/s", len(spans) * repeat)
    ours.note = f"{exact.note()} exactly; {by_rule.right} under the peers' rule"
    _alternate([(ours, _parse_each(spans, cold=True, repeat=repeat)), *sides], rounds)
    timed = {row.side: row.as_dict(ours.median / row.median) for row, _ in sides}
    return [ours.as_dict(None)] + [timed.get(p.name) or absent[p.name] for p in peers.PEERS]


#: In the order of the table: the cold rows on the real corpora first, then the other cold
#: rows, then the cache rows, then writing.
CASES: dict[str, Callable[[int], list[tuple[Row, Callable[[], object]]]]] = {
    "extract_dense": case_extract_dense,
    "extract_news": case_extract_news,
    "raw_phrases": case_raw_phrases,
    "first_call": case_first_call,
    "distinct": case_distinct,
    "dev_en": case_dev("en"),
    "dev_zh": case_dev("zh"),
    "extract_distinct": case_extract_distinct,
    "dask": case_dask,
    "workers": case_workers,
    "zipf": case_zipf,
    "extract": case_extract,
    "render": case_render,
    "json": case_json,
}


def _paired_ratio(ours: Row, reference: Row) -> float:
    """The median over rounds of one side's rate over the reference's in the same round.

    The two were timed one right after the other, so a burst of load on a shared machine
    falls on both; a ratio of the two medians would pair rounds timed seconds apart. For rows
    in seconds it is the reference's time over this side's: above 1 is faster, as for rates.
    """
    pairs = zip(ours.rates, reference.rates, strict=True)
    if ours.seconds:
        return statistics.median(theirs / mine for mine, theirs in pairs)
    return statistics.median(mine / theirs for mine, theirs in pairs)


def measure(names: Sequence[str], size: int, rounds: int) -> dict[str, Any]:
    rows: list[dict[str, Any]] = []
    for name in names:
        sides = CASES[name](size)
        _alternate(sides, rounds)
        by_side = {row.side: row for row, _ in sides}
        for row, _ in sides:
            ratio = _paired_ratio(row, by_side[row.reference]) if row.reference else None
            rows.append(row.as_dict(ratio))
    rows.extend(_peers(size, rounds))
    return {
        "machine": {
            "cpu": parse_throughput.cpu_model(),
            "python": platform.python_version(),
            "sentencenorm": sentencenorm.__version__,
        },
        "size": size,
        "rounds": rounds,
        "rows": rows,
    }


def _figure(value: float, unit: str) -> str:
    if unit == SECONDS:
        return f"{value:.3f}"
    if unit == "MB/s":
        return f"{value:,.2f}" if value >= 1 else f"{value:.3f}"
    return f"{value:,.0f}"


def print_table(results: dict[str, Any]) -> None:
    machine = results["machine"]
    print(
        f"CPU: {machine['cpu']}; Python {machine['python']}; one core; "
        f"{results['rounds']} rounds, median [min, max]; ratio: this side over the reference"
    )
    print(f"{'case':<16} {'side':<40} {'median':>15} {'[min, max]':>22} {'ratio':>7}  note")
    for row in results["rows"]:
        head = f"{row['case']:<16} {row['side']:<40}"
        if "median" not in row:
            print(f"{head} {'':>15} {'':>22} {'':>7}  {row['note']}")
            continue
        unit = row["unit"]
        low, high = (_figure(row[key], unit) for key in ("min", "max"))
        median = f"{_figure(row['median'], unit)} {unit}"
        ratio = row["ratio"]
        shown = "" if ratio is None else f"{ratio:.2f}" if ratio >= 0.1 else f"{ratio:.3f}"
        print(f"{head} {median:>15} {f'[{low}, {high}]':>22} {shown:>7}  {row['note']}")


def main(argv: list[str] | None = None) -> int:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--case", action="append", choices=sorted(CASES), help="only this case")
    options.add_argument("--size", type=int, default=50_000, help="phrases per round (50,000)")
    options.add_argument("--rounds", type=int, default=5, help="rounds per side (5)")
    options.add_argument("--quick", action="store_true", help="5,000 phrases, 3 rounds")
    options.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = options.parse_args(argv)
    size, rounds = (5_000, 3) if args.quick else (args.size, args.rounds)
    chosen = [name for name in CASES if not args.case or name in args.case]  # table order
    results = measure(chosen, size, rounds)
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        print_table(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
