"""seeds/index.toml and seeds/*.txt agree: every seed is described, every entry exists."""

from __future__ import annotations

import hashlib
import tomllib
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
FIELDS = {
    "file",
    "sha256",
    "origin",
    "publisher",
    "url",
    "lang",
    "jurisdiction",
    "about",
    "used_for",
}


def entries() -> list[dict[str, str]]:
    index = tomllib.loads((SEEDS / "index.toml").read_text(encoding="utf-8"))
    assert set(index) == {"seed"}, "index.toml holds only [[seed]] tables"
    seeds: list[dict[str, str]] = index["seed"]
    return seeds


def test_every_entry_names_an_existing_file() -> None:
    """Each entry has exactly the documented keys, all strings, and names a seed file."""
    for entry in entries():
        assert set(entry) == FIELDS, entry.get("file")
        assert all(isinstance(value, str) for value in entry.values()), entry["file"]
        assert (SEEDS / entry["file"]).is_file(), f"seeds/{entry['file']} does not exist"


def test_every_seed_file_has_one_entry() -> None:
    """Each seeds/*.txt is described once."""
    named = [entry["file"] for entry in entries()]
    assert len(named) == len(set(named)), "a file is described twice"
    assert set(named) == {path.name for path in SEEDS.glob("*.txt")}


def test_seeds_are_kept_as_received() -> None:
    """The bytes still hash to what the index recorded: offsets into a seed stay exact."""
    for entry in entries():
        digest = hashlib.sha256((SEEDS / entry["file"]).read_bytes()).hexdigest()
        assert digest == entry["sha256"], f"seeds/{entry['file']} changed"


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
