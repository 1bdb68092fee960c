"""parse and extract are safe to call from many threads at once."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from sentencenorm import SentenceParseError, extract, parse
from sentencenorm.reading.parser import _outcome

PHRASES = [
    "six months to 10 years",
    "ten yaers",
    "84 months in prison followed by two years of supervised release",
    "life without parole",
    "a fine of $500",
    "三年以上十年以下有期徒刑",
    "判处死刑，缓期二年执行",
] * 30
DOCUMENTS = [
    "He was sentenced to 20 years in prison and fined $500. She faces up to five years.",
    "被告人张三犯盗窃罪，判处有期徒刑三年，并处罚金人民币五千元。",
    "After three months of investigation, police seized 26 pounds of fentanyl.",
] * 20


def _read(phrase: str) -> str:
    lang = "zh" if not phrase.isascii() else "en"
    try:
        return str(parse(phrase, lang=lang))
    except SentenceParseError as error:
        return f"error {error.column}: {error.reason}"


def _found(document: str) -> list[tuple[int, int, str]]:
    lang = "zh" if not document.isascii() else "en"
    return [(m.start, m.end, str(m.sentence)) for m in extract(document, lang=lang)]


def test_parse_from_eight_threads_equals_sequential() -> None:
    """Eight threads parsing shared phrases get exactly the sequential answers."""
    _outcome.cache_clear()  # make the threads do the grammar work, not cache lookups
    sequential = [_read(phrase) for phrase in PHRASES]
    _outcome.cache_clear()
    with ThreadPoolExecutor(max_workers=8) as pool:
        threaded = list(pool.map(_read, PHRASES))
    assert threaded == sequential


def test_extract_from_eight_threads_equals_sequential() -> None:
    """Eight threads extracting from shared documents get exactly the sequential matches."""
    sequential = [_found(document) for document in DOCUMENTS]
    with ThreadPoolExecutor(max_workers=8) as pool:
        threaded = list(pool.map(_found, DOCUMENTS))
    assert threaded == sequential


def test_threads_starting_cold_build_each_grammar_once() -> None:
    """Eight threads that all ask for the English grammar in a fresh process build it once
    and share it (issue 14, item 8): counted by Lark's constructor."""
    import subprocess
    import sys

    program = """
import threading, lark
built = []
original = lark.Lark.__init__
def counting(self, grammar, **options):
    built.append(1)
    original(self, grammar, **options)
lark.Lark.__init__ = counting
import pathlib, sentencenorm, sentencenorm.reading.tables
sentencenorm.reading.tables.TABLES = pathlib.Path("/nonexistent")  # build, not read tables
barrier = threading.Barrier(8)
def work():
    barrier.wait()
    sentencenorm.parse("five years in prison")
    sentencenorm.extract("He was jailed for five years.")
threads = [threading.Thread(target=work) for _ in range(8)]
for thread in threads: thread.start()
for thread in threads: thread.join()
print(len(built))
"""
    result = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=True, timeout=300
    )
    assert result.stdout.strip() == "1", result.stderr
