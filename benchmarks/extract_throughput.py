"""Extraction throughput: sentencenorm.extract on news-like text, in MB/s, against a keyword scan.

Run from the repository root (the package installed, e.g. ``pip install -e .``)::

    python benchmarks/extract_throughput.py                # a 4 MB document, 5 rounds
    python benchmarks/extract_throughput.py --megabytes 1 --rounds 3 --json

The document is built, with a fixed seed, from paragraphs of real-looking text: the seed
article (seeds/), the development corpus's clauses and the extraction fixtures' news
paragraphs (tests/), shuffled and mixed with as much penalty-free filler as a general news feed
has (most paragraphs of news say nothing about sentences). The reference, timed in the same
run and on the same text, is a plain case-insensitive keyword regex scan (``findall``) of the
sentencing vocabulary: what the cheapest possible "find the sentencing passages" tool costs.
The ratio is sentencenorm's MB/s over the reference's.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import re
import statistics
import time
from pathlib import Path

import sentencenorm

ROOT = Path(__file__).resolve().parents[1]
KEYWORDS = re.compile(
    r"\b(?:sentenced|sentences?|prison|jail|imprisonment|years?|months?|days?|fined?|probation|"
    r"life|death|penalty|punishable|faces?)\b",
    re.IGNORECASE,
)
#: The same scan for Chinese text (no word boundaries in Chinese): the sentencing vocabulary
#: of the zh grammar, and the bare units as "years?|months?|days?" are in English.
ZH_KEYWORDS = re.compile(
    r"判处|判决|有期徒刑|无期徒刑|拘役|管制|死刑|缓刑|罚金|罚款|没收|剥夺政治权利|监禁|年|个月|日|天"
)
FILLER = [
    "The city council met on Tuesday to discuss the budget for the coming year, which includes "
    "$4.5 million for road repairs and 12 new buses.",
    "Temperatures will climb to 31 degrees by the weekend, forecasters said, after three weeks "
    "of unusually cool weather across the region.",
    "The company reported revenue of $2.1 billion for the quarter, up 8 percent from a year "
    "earlier, and said it would hire 300 workers over the next six months.",
    "Fans waited for more than two hours in the rain before the band took the stage at 9 p.m.",
    "The museum, which opened in 1998, welcomed its ten millionth visitor on Sunday.",
]


def paragraphs() -> list[str]:
    found = [(ROOT / "seeds" / "fentanyl-ring-sentencing.txt").read_text(encoding="utf-8")]
    for line in (ROOT / "tests" / "data" / "dev_en.jsonl").read_text(encoding="utf-8").splitlines():
        found.append(json.loads(line)["text"])
    news = ROOT / "tests" / "fixtures" / "en" / "extract" / "news.txt"
    found += [
        line
        for line in news.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith(("--", "=>", "#"))
    ]
    return found


def document(megabytes: float, seed: int = 7) -> str:
    rng = random.Random(seed)
    real, size, parts = paragraphs(), int(megabytes * 1_000_000), []
    total = 0
    while total < size:
        part = rng.choice(real) if rng.random() < 0.3 else rng.choice(FILLER)
        parts.append(part)
        total += len(part.encode()) + 2
    return "\n\n".join(parts)


def timed(function: object, text: str, rounds: int) -> list[float]:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        function(text)  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--megabytes", type=float, default=4.0)
    options.add_argument("--rounds", type=int, default=5)
    options.add_argument("--json", action="store_true")
    args = options.parse_args()
    text = document(args.megabytes)
    size = len(text.encode()) / 1_000_000
    matches = len(sentencenorm.extract(text))  # warm-up: grammars built, lexers compiled
    ours, reference = [], []
    for _ in range(args.rounds):  # alternate, so a change in machine load falls on both
        ours += timed(sentencenorm.extract, text, 1)
        reference += timed(KEYWORDS.findall, text, 1)
    ours_rate = size / statistics.median(ours)
    ref_rate = size / statistics.median(reference)
    result = {
        "machine": platform.processor() or platform.machine(),
        "python": platform.python_version(),
        "megabytes": round(size, 2),
        "matches": matches,
        "extract_mb_s": round(ours_rate, 3),
        "extract_mb_s_range": [round(size / max(ours), 3), round(size / min(ours), 3)],
        "keyword_scan_mb_s": round(ref_rate, 3),
        "ratio": round(ours_rate / ref_rate, 4),
    }
    if args.json:
        print(json.dumps(result))
        return
    print(f"document: {size:.2f} MB of news-like text, {matches} matches, {args.rounds} rounds")
    print(f"{'case':<28}{'MB/s (median)':>16}{'slowest–fastest':>22}")
    low, high = result["extract_mb_s_range"]
    print(f"{'sentencenorm.extract':<28}{ours_rate:>16.3f}{f'{low:.3f}–{high:.3f}':>22}")
    print(f"{'keyword regex scan (ref)':<28}{ref_rate:>16.3f}")
    print(f"ratio extract / keyword scan: {ours_rate / ref_rate:.3f}")


if __name__ == "__main__":
    main()
