"""Inputs for the cold rows, built from the real corpora (tests/corpus/real_*.jsonl).

Each record's ``"text"`` is a real clause from a court, a statute or the news; records with
no ``"expressions"`` are negatives (numbers that are no penalty: ages, money involved, terms
of office, dates). Everything here is deterministic (fixed seeds), and no paragraph of a
document repeats, so the paragraph cache has nothing to answer from:

- `dense`: every paragraph one distinct real sentencing clause.
- `news`: news-like text, one sentencing clause in 20 paragraphs. Every paragraph is two to
  four negative records joined by spaces, drawn at random (no paragraph twice); in one
  paragraph of each 20, at a random place, one of them is replaced by a real clause (each
  clause used once). The negatives are only 477 sentences, so a filler sentence recurs in
  different paragraphs (`news_stats` says how often); no paragraph does.
- `raw_phrases`: the gold spans of real_en's expressions, with their jurisdictions, as a user
  would pass them to `parse`, mixed with negative texts so that about 30% of the batch is
  refused: every span that reads, plus refusals drawn at random from the spans that do not
  read and the negative texts, in proportion to how many there are of each.
"""

from __future__ import annotations

import json
import random
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

import sentencenorm

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpus"
#: One paragraph in this many holds a sentencing clause in `news`.
NEWS_EVERY = 20
#: The share of refusals `raw_phrases` aims at (issue 18's "raw input with 30% refusals").
REFUSALS = 0.30
_JOINER = {"en": " ", "zh": ""}


def records(lang: str) -> list[dict[str, Any]]:
    path = CORPUS / f"real_{lang}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def clauses(lang: str, *, negative: bool = False) -> list[str]:
    """The distinct texts of the positive (or the negative) records, in file order."""
    chosen = (r["text"] for r in records(lang) if bool(r["expressions"]) is not negative)
    return list(dict.fromkeys(text.strip() for text in chosen if text.strip()))


def dense(lang: str, count: int | None = None, seed: int = 18) -> str:
    """*count* distinct real sentencing clauses (all when None), one a paragraph."""
    texts = clauses(lang)
    random.Random(seed).shuffle(texts)
    return "\n\n".join(texts[:count])


class News(NamedTuple):
    text: str
    paragraphs: int
    clauses: int  # paragraphs with a real sentencing clause in them
    filler_uses: int  # how many times a filler sentence is used, at most


def news(megabytes: float, lang: str = "en", seed: int = 20) -> News:
    """About *megabytes* of news-like text: one real clause in `NEWS_EVERY` paragraphs."""
    rng = random.Random(seed)
    real = clauses(lang)
    rng.shuffle(real)
    filler = clauses(lang, negative=True)
    fillers = set(filler)
    joiner, size = _JOINER[lang], int(megabytes * 1_000_000)
    seen: set[str] = set()
    paragraphs: list[str] = []
    uses: Counter[str] = Counter()
    total, placed = 0, 0
    while total < size and placed < len(real):
        here = rng.randrange(NEWS_EVERY)  # where this block's clause goes
        for index in range(NEWS_EVERY):
            while True:
                sentences = rng.sample(filler, rng.randint(2, 4))
                if index == here:
                    sentences[rng.randrange(len(sentences))] = real[placed]
                paragraph = joiner.join(sentences)
                if paragraph not in seen:
                    break
            seen.add(paragraph)
            uses.update(s for s in sentences if s in fillers)
            paragraphs.append(paragraph)
            total += len(paragraph.encode()) + 2
        placed += 1
    return News("\n\n".join(paragraphs), len(paragraphs), placed, max(uses.values()))


class Batch(NamedTuple):
    phrases: list[tuple[str, str | None]]  # (phrase, jurisdiction)
    refused: int
    refused_spans: int  # of which gold spans
    spans: int  # distinct gold spans in the corpus
    spans_refused: int  # of which refused


def _refused(phrase: str, jurisdiction: str | None) -> bool:
    try:
        sentencenorm.parse(phrase, jurisdiction=jurisdiction)
    except sentencenorm.SentenceParseError:
        return True
    return False


def raw_phrases(lang: str = "en", share: float = REFUSALS, seed: int = 30) -> Batch:
    """Real gold spans and negative texts, about *share* of them refused, shuffled."""
    rows = records(lang)
    spans = list(
        dict.fromkeys((e["span"], r.get("jurisdiction")) for r in rows for e in r["expressions"])
    )
    negatives = list(
        dict.fromkeys((r["text"], r.get("jurisdiction")) for r in rows if not r["expressions"])
    )
    refusing = {pair for pair in spans if _refused(*pair)}
    read = [pair for pair in spans if pair not in refusing]
    refused_spans = [pair for pair in spans if pair in refusing]
    refused_texts = [pair for pair in negatives if _refused(*pair)]
    rng = random.Random(seed)
    pool = refused_spans + refused_texts
    wanted = min(len(pool), round(len(read) * share / (1 - share)))
    refusals = rng.sample(pool, wanted)
    phrases = read + refusals
    rng.shuffle(phrases)
    from_spans = sum(pair in refusing for pair in refusals)
    return Batch(phrases, len(refusals), from_spans, len(spans), len(refused_spans))


def share_note(batch: Batch) -> str:
    return (
        f"{len(batch.phrases):,} phrases, {batch.refused / len(batch.phrases):.0%} refused "
        f"({batch.refused_spans} gold spans, {batch.refused - batch.refused_spans} negative texts)"
        f"; of all {batch.spans:,} gold spans {batch.spans_refused / batch.spans:.0%} are refused"
    )


def paragraphs(text: str) -> Sequence[str]:
    return [p for p in text.split("\n\n") if p]
