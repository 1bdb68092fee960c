"""The real corpora (tests/corpus/): valid records, and floors under the measured rates.

The floors are the rates measured when they were last raised, rounded down: a change that
reads the world worse fails here. Raise them as rules land (tests/corpus/README.md says how
the corpora were made; `python tests/corpus/score.py FILE --misses` shows what is missed).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

CORPUS = Path(__file__).parent / "corpus"
sys.path.insert(0, str(CORPUS))

import check  # noqa: E402
import score  # noqa: E402

# (parse exact, extraction strict F1) at least; real_en measured 2026-12-06 before issues
# 15-17, real_zh raised with issue 17 (measured 0.733 / 0.751, then 0.800 / 0.830); real_en
# raised with issue 16 (measured 0.744 / 0.753, then 0.766 / 0.783 with the gold's clause
# convention aligned to dev_en; real_zh 0.814 / 0.852), then 2026-12-07 (real_en 0.829 / 0.831,
# real_zh 0.852 / 0.888), real_zh again on branch zh2 (0.876 / 0.909), real_en at stop 27
# (0.889 / 0.888) and real_zh (0.880 / 0.914), at stop 28 (real_en 0.909 / 0.908, real_zh
# 0.930 / 0.948), at stop 29 (real_en 0.924 / 0.941, real_zh 0.956 / 0.969), at stop 30 (real_en
# 0.945 / 0.947 with 136 new records from unseen sources, real_zh 0.962 / 0.972), at stop 32
# (real_en 0.936 / 0.945 with 78 blind round-4 records, real_zh 0.965 / 0.970 with 54; then with
# blind rounds 5 and 6, 144 records more, their misses only partly fixed, real_en 0.934 / 0.938,
# real_zh 0.967 / 0.968: the en F1 floor follows the harder corpus down, the zh parse floor up);
# at stop 33 with blind rounds 8 to 11 (240 English, 174 Chinese records more, scored before
# their fixes, then partly fixed) real_en 0.913 / 0.920, real_zh 0.962 / 0.968, and with round 12
# (80 English, 30 Chinese) real_en 0.905 / 0.914, real_zh 0.962 / 0.968: the en floors follow the
# harder corpus down (on the stop-32 records they held: see the issue note).
FLOORS = {"real_en.jsonl": (0.9, 0.91), "real_zh.jsonl": (0.96, 0.965)}


def test_records_follow_the_annotation_guide() -> None:
    """Every record passes the corpus checker (schema, spans, labels, no reserved source)."""
    problems = check.check_files([CORPUS / name for name in FLOORS])
    assert not problems, "\n".join(problems[:40])


def test_corpora_are_as_large_and_varied_as_promised() -> None:
    """real_en: 1,000+ records, 300+ sources, 8+ jurisdictions; real_zh: 600+, 150+; each a
    quarter or more negatives."""
    import json

    for name, (records, sources) in {
        "real_en.jsonl": (1000, 300),
        "real_zh.jsonl": (600, 150),
    }.items():
        lines = [
            json.loads(line) for line in (CORPUS / name).read_text(encoding="utf-8").splitlines()
        ]
        assert len(lines) >= records
        assert len({check._address(r["source"]) for r in lines}) >= sources
        negatives = sum(not r["expressions"] for r in lines)
        assert negatives >= len(lines) / 4
    english = [json.loads(line) for line in (CORPUS / "real_en.jsonl").read_text().splitlines()]
    assert len({r["jurisdiction"].split("-")[0] for r in english if r["jurisdiction"]}) >= 8


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_rates_stay_above_their_floors(name: str) -> None:
    """Parse exact and extraction strict F1 on each real corpus stay at or above the floor."""
    result = score.score_file(CORPUS / name)
    parse_floor, f1_floor = FLOORS[name]
    total = result.total
    print(f"\n{name}: parse {total.parse_rate:.3f}, extraction F1 {total.f1:.3f}")
    assert total.parse_rate >= parse_floor
    assert total.f1 >= f1_floor
