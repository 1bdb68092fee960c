"""Score sentencenorm on a corpus: ``python tests/corpus/score.py FILE [--lang L] [--misses]``.

Follows ../shared/corpus/README.md and tests/corpus/README.md:

- parse exact: ``parse(span)`` gives the gold components (order-insensitive; amounts as
  decimals; defaults filled on both sides). Expressions marked ``context`` (their value needs
  words outside the span) and records tagged ``not_expressible`` are left out and counted;
- extraction strict: a gold expression is found when exactly one match overlaps it and its
  components equal the gold; a match that overlaps no gold expression is a false positive
  (records tagged ``not_expressible`` are scored apart);
- the misses grouped by family, and a table per family.

``--json`` prints the numbers as one JSON object (the tests read it to hold floors).
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import sentencenorm

# Keys a component may leave out, with the value leaving it out means.
_DEFAULTS: dict[str, dict[str, Any]] = {
    "custody": {"count": 1, "aggregation": None, "suspended": None, "regime": None},
    "forfeiture": {"all_property": False},
    "other": {"quantity": None},
}


def normal(component: dict[str, Any]) -> str:
    """One component as a comparable string: defaults filled, amounts as decimals."""
    item = {**_DEFAULTS.get(component.get("kind", ""), {}), **component}
    if item.get("kind") == "choice":
        options = sorted(
            json.dumps(sorted(normal(c) for c in option)) for option in item["options"]
        )
        return json.dumps({"kind": "choice", "options": options})
    return json.dumps({key: _plain(value) for key, value in item.items()}, sort_keys=True)


def _plain(value: Any) -> Any:
    if isinstance(value, dict) and set(value) == {"amount", "currency"}:
        return {**value, "amount": str(Decimal(str(value["amount"])).normalize())}
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value


def components(items: list[dict[str, Any]]) -> list[str]:
    return sorted(normal(item) for item in items)


@dataclass
class Tally:
    """Counts of one slice of the corpus (all of it, or one family)."""

    records: int = 0
    parse_total: int = 0
    parse_exact: int = 0
    gold: int = 0
    found: int = 0
    matches: int = 0
    false_positives: int = 0

    @property
    def parse_rate(self) -> float:
        return self.parse_exact / self.parse_total if self.parse_total else 1.0

    @property
    def precision(self) -> float:
        return (self.matches - self.false_positives) / self.matches if self.matches else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Score:
    total: Tally = field(default_factory=Tally)
    apart: Tally = field(default_factory=Tally)  # records tagged not_expressible
    skipped_context: int = 0
    families: dict[str, Tally] = field(default_factory=lambda: collections.defaultdict(Tally))
    misses: dict[str, list[str]] = field(default_factory=lambda: collections.defaultdict(list))

    def as_dict(self) -> dict[str, Any]:
        def numbers(tally: Tally) -> dict[str, Any]:
            return {
                "records": tally.records,
                "parse_exact": round(tally.parse_rate, 4),
                "parse_total": tally.parse_total,
                "precision": round(tally.precision, 4),
                "recall": round(tally.recall, 4),
                "f1": round(tally.f1, 4),
                "gold": tally.gold,
                "matches": tally.matches,
                "false_positives": tally.false_positives,
            }

        return {
            **numbers(self.total),
            "not_expressible": numbers(self.apart),
            "context_expressions": self.skipped_context,
            "families": {name: numbers(t) for name, t in sorted(self.families.items())},
        }


def _parse_components(span: str, lang: str, jurisdiction: str | None) -> list[str] | str:
    try:
        sentence = sentencenorm.parse(span, lang=lang, jurisdiction=jurisdiction)
    except sentencenorm.SentenceParseError as error:
        return f"refused: {error.reason or error.message}"
    return components(sentence.to_dict()["components"])


def score_file(path: Path, lang: str | None = None) -> Score:
    score = Score()
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        reading = lang or record["lang"]
        apart = "not_expressible" in record.get("tags", [])
        tallies = [score.apart] if apart else [score.total]
        if not apart:
            tallies += [score.families[name] for name in record.get("families", [])]
        for tally in tallies:
            tally.records += 1
        text, code = record["text"], record.get("jurisdiction")
        label = record["id"]
        families = record.get("families", []) or ["(none)"]
        # parse
        for expression in record["expressions"]:
            if expression.get("context"):
                score.skipped_context += 1
                continue
            gold = components(expression["components"])
            got = _parse_components(expression["span"], reading, code)
            for tally in tallies:
                tally.parse_total += 1
                tally.parse_exact += got == gold
            if got != gold and not apart:
                shown = got if isinstance(got, str) else "; ".join(got)
                for name in families:
                    score.misses[name].append(
                        f"{label} parse {expression['span']!r}\n      gold {'; '.join(gold)}\n"
                        f"      got  {shown}"
                    )
        # extraction
        matches = sentencenorm.extract(text, lang=reading, jurisdiction=code)
        spans = []
        for expression in record["expressions"]:
            start = text.find(expression["span"])
            spans.append((start, start + len(expression["span"])))
        for tally in tallies:
            tally.matches += len(matches)
        for match in matches:
            if not any(match.start < end and start < match.end for start, end in spans):
                for tally in tallies:
                    tally.false_positives += 1
                if not apart:
                    for name in families:
                        score.misses[name].append(
                            f"{label} extract: false positive {match.text!r} -> {match.sentence}"
                        )
        for (start, end), expression in zip(spans, record["expressions"], strict=True):
            over = [m for m in matches if m.start < end and start < m.end]
            gold = components(expression["components"])
            ok = len(over) == 1 and components(over[0].sentence.to_dict()["components"]) == gold
            for tally in tallies:
                tally.gold += 1
                tally.found += ok
            if not ok and not apart:
                got = "; ".join(f"{m.text!r} -> {m.sentence}" for m in over) or "nothing"
                for name in families:
                    score.misses[name].append(
                        f"{label} extract: missed {expression['span']!r}: got {got}"
                    )
    return score


def _table(score: Score) -> str:
    rows = ["family                      records  parse        extract P / R / F1   FP"]
    for name, tally in sorted(score.families.items(), key=lambda item: -item[1].records):
        rows.append(
            f"{name:<27} {tally.records:>7}  {tally.parse_exact:>4}/{tally.parse_total:<4} "
            f"{tally.parse_rate:5.2f}  {tally.precision:.2f} / {tally.recall:.2f} / {tally.f1:.2f}"
            f"  {tally.false_positives:>3}"
        )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("files", nargs="+", type=Path)
    options.add_argument("--lang", help="read every record with this language")
    options.add_argument("--misses", action="store_true", help="print each miss, by family")
    options.add_argument("--json", action="store_true", help="print the numbers as JSON")
    args = options.parse_args(argv)
    for path in args.files:
        score = score_file(path, args.lang)
        if args.json:
            print(json.dumps({"file": str(path), **score.as_dict()}))
            continue
        total = score.total
        print(f"== {path}: {total.records} records ({score.apart.records} not expressible apart)")
        print(
            f"parse exact {total.parse_exact}/{total.parse_total} = {total.parse_rate:.3f} "
            f"({score.skipped_context} expressions that need context left out)"
        )
        print(
            f"extraction strict: found {total.found}/{total.gold}, {total.matches} matches, "
            f"{total.false_positives} false positives: P {total.precision:.3f} "
            f"R {total.recall:.3f} F1 {total.f1:.3f}"
        )
        print(_table(score))
        if args.misses:
            for name, lines in sorted(score.misses.items()):
                print(f"\n-- {name} ({len(lines)})")
                print("\n".join(f"  {line}" for line in lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
