"""seeds/index.toml and seeds/*.txt agree: every seed is described, every entry exists."""

from __future__ import annotations

import tomllib
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
FIELDS = {"file", "origin", "publisher", "url", "lang", "jurisdiction", "about", "used_for"}


def test_index_and_files_agree() -> None:
    """Each index entry has every field and names a file; each seed file has an entry."""
    entries = tomllib.loads((SEEDS / "index.toml").read_text(encoding="utf-8"))["seed"]
    for entry in entries:
        assert set(entry) == FIELDS, entry.get("file")
        assert (SEEDS / entry["file"]).is_file(), entry["file"]
    assert {entry["file"] for entry in entries} == {p.name for p in SEEDS.glob("*.txt")}


def test_the_founding_seed_reads_its_three_sentences() -> None:
    """The three sentencing phrases of the founding article parse as the project promises."""
    from sentencenorm import parse

    text = (SEEDS / "fentanyl-ring-sentencing.txt").read_text(encoding="utf-8")
    expected = {
        "suspended death sentence": "death suspended",
        "life sentences": "custody ..life x?",
        "six months to 10 years": "custody P6M..P10Y",
    }
    for phrase, notation in expected.items():
        assert phrase in text
        assert str(parse(phrase)) == notation
