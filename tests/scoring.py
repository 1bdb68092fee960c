"""Corpus scoring shared by the tests (and by people: ``python tests/scoring.py FILE``).

Follows ../shared/corpus/README.md. Components are compared order-insensitively, amounts as
decimals, a custody ``count`` absent meaning 1. Extraction: a gold expression is found when
exactly one match overlaps it and that match's components equal the gold; a match that
overlaps no gold expression is a false positive.
"""

from __future__ import annotations

import json
import re
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs

from sentencenorm import Duration, extract
from sentencenorm.model.labels import other_label

# The development corpora were annotated before MODEL.md gave `other` a quantity of its own:
# their labels carry it ("license suspension 6 months", "caning 12 strokes", "costs USD 250").
_PACKED_LENGTH = re.compile(
    r"(?P<label>.+?) (?:(?P<y>\d+) years?)? ?(?:(?P<m>\d+) months?)? ?(?:(?P<d>\d+) days?)?"
)
_PACKED_AMOUNT = re.compile(r"(?P<label>.+) (?P<currency>[A-Z]{3}) (?P<amount>\d+(?:\.\d+)?)")
_PACKED_COUNT = re.compile(r"(?P<label>.+) (?P<count>\d+) (?P<unit>strokes|lashes)")


def unpacked(item: dict[str, Any]) -> dict[str, Any]:
    """An `other` whose label packs its quantity, as MODEL.md writes it now: label and
    quantity apart; any other component as it is.

    >>> unpacked({"kind": "other", "label": "rehab 90 days"})
    {'kind': 'other', 'label': 'rehab', 'quantity': 'P90D'}
    >>> unpacked({"kind": "other", "label": "costs USD 250"})["quantity"]
    {'amount': '250', 'currency': 'USD'}
    """
    if item["kind"] != "other" or "quantity" in item or other_label(item["label"]):
        return {**item, "quantity": item.get("quantity")} if item["kind"] == "other" else item
    label: str = item["label"]
    if match := _PACKED_COUNT.fullmatch(label):
        quantity: Any = {"count": int(match["count"]), "unit": match["unit"]}
    elif match := _PACKED_AMOUNT.fullmatch(label):
        quantity = {"amount": match["amount"], "currency": match["currency"]}
    elif (match := _PACKED_LENGTH.fullmatch(label)) and any(match.group(k) for k in "ymd"):
        parts = {key: int(match.group(key) or 0) for key in "ymd"}
        quantity = Duration.of(years=parts["y"], months=parts["m"], days=parts["d"]).isoformat()
    else:
        return {**item, "quantity": None}
    return {"kind": "other", "label": match["label"], "quantity": quantity}


def normal(component: dict[str, Any]) -> str:
    """One component as a comparable string."""
    item = unpacked(dict(component))
    if item["kind"] == "custody":
        item.setdefault("count", 1)
    for key, value in item.items():
        if isinstance(value, dict) and "amount" in value:
            item[key] = {**value, "amount": str(Decimal(value["amount"]).normalize())}
    return json.dumps(item, sort_keys=True)


def components(items: list[dict[str, Any]]) -> list[str]:
    return sorted(normal(c) for c in items)


@attrs.define
class ExtractionScore:
    found: int = 0  # gold expressions overlapped by exactly one match with equal components
    gold: int = 0
    matches: int = 0
    false_positives: int = 0
    notes: list[str] = attrs.Factory(list)

    @property
    def precision(self) -> float:
        correct = self.matches - self.false_positives
        return correct / self.matches if self.matches else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def line(self) -> str:
        return (
            f"found {self.found}/{self.gold}, {self.matches} matches, "
            f"{self.false_positives} false positives: precision {self.precision:.3f}, "
            f"recall {self.recall:.3f}, F1 {self.f1:.3f}"
        )


def score_extraction(path: Path, lang: str) -> ExtractionScore:
    """Run `extract` on every record's text of *path* and score it against the gold."""
    score = ExtractionScore()
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        text = record["text"]
        matches = extract(text, lang=lang, jurisdiction=record["jurisdiction"])
        score.matches += len(matches)
        spans = []
        for expression in record["expressions"]:
            start = text.find(expression["span"])
            spans.append((start, start + len(expression["span"])))
        for match in matches:
            if not any(match.start < end and start < match.end for start, end in spans):
                score.false_positives += 1
                score.notes.append(
                    f"{record['id']}: false positive {match.text!r} -> {match.sentence}"
                )
        for (start, end), expression in zip(spans, record["expressions"], strict=True):
            score.gold += 1
            over = [m for m in matches if m.start < end and start < m.end]
            gold = components(expression["components"])
            if len(over) == 1 and components(over[0].sentence.to_dict()["components"]) == gold:
                score.found += 1
                continue
            got = "; ".join(f"{m.text!r} -> {m.sentence}" for m in over) or "nothing"
            score.notes.append(f"{record['id']}: missed {expression['span']!r}: got {got}")
    return score


if __name__ == "__main__":
    result = score_extraction(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else "en")
    print("\n".join(result.notes))
    print(result.line())
