"""The development corpus: real published clauses with gold annotations (tests/data/).

Scoring follows ../shared/corpus/README.md: parse(span) components must equal the gold
components, order-insensitive, amounts compared as decimals, a missing custody count being 1.
"""

from __future__ import annotations

import json
from pathlib import Path

from scoring import normal

from sentencenorm import SentenceParseError, parse

DATA = Path(__file__).parent / "data"
THRESHOLD = 0.95


def score(path: Path, lang: str) -> tuple[int, int, list[str]]:
    """(exact, total, failure lines) for the parser on every gold span of *path*."""
    exact = total = 0
    failures = []
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        for expression in record["expressions"]:
            total += 1
            gold = sorted(normal(c) for c in expression["components"])
            try:
                value = parse(expression["span"], lang=lang, jurisdiction=record["jurisdiction"])
            except SentenceParseError as error:
                failures.append(f"{record['id']}: {expression['span']!r}: {error.message}")
                continue
            got = sorted(normal(c) for c in value.to_dict()["components"])
            if got == gold:
                exact += 1
            else:
                failures.append(f"{record['id']}: {expression['span']!r} -> {value}")
    return exact, total, failures


def test_dev_en_parse_exactness() -> None:
    """At least 95% of the English gold spans parse to exactly the gold components."""
    exact, total, failures = score(DATA / "dev_en.jsonl", "en")
    rate = exact / total
    print(f"\ndev_en parse: {exact}/{total} exact = {rate:.3f}")
    print("\n".join(failures))
    assert rate >= THRESHOLD, "\n".join(failures)


def test_dev_zh_parse_exactness() -> None:
    """At least 95% of the Chinese gold spans (simplified, traditional, pinyin-noisy) parse
    to exactly the gold components."""
    exact, total, failures = score(DATA / "dev_zh.jsonl", "zh")
    rate = exact / total
    print(f"\ndev_zh parse: {exact}/{total} exact = {rate:.3f}")
    print("\n".join(failures))
    assert rate >= THRESHOLD, "\n".join(failures)


def test_examiner_set_parse_exactness() -> None:
    """A synthetic held-out-style set (tests/data/examiner_en.jsonl, 657 spans written by an
    independent examiner before seeing the parser's output) stays at least 95% exact."""
    exact, total, failures = score(DATA / "examiner_en.jsonl", "en")
    rate = exact / total
    print(f"\nexaminer_en parse: {exact}/{total} exact = {rate:.3f}")
    print("\n".join(failures))
    assert rate >= THRESHOLD, "\n".join(failures)
