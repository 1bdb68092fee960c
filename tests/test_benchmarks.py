"""The benchmark harness runs and reports every side with its reference (no timing asserted)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_harness_reports_each_case_with_its_reference(capsys: pytest.CaptureFixture[str]) -> None:
    """A tiny run of three cases prints JSON rows with rates, spreads and ratios."""
    sys.path.insert(0, str(ROOT))
    try:
        from benchmarks.run import main
    finally:
        sys.path.remove(str(ROOT))
    argv = ["--size", "300", "--rounds", "1", "--case", "zipf", "--case", "json", "--json"]
    assert main(argv) == 0
    results = json.loads(capsys.readouterr().out)
    assert results["machine"]["cpu"]
    sides = {(row["case"], row["side"]): row for row in results["rows"]}
    cached = sides["zipf", "sentencenorm.parse (cached)"]
    assert cached["median"] > 0
    assert cached["min"] <= cached["median"] <= cached["max"]
    assert cached["ratio"] == pytest.approx(
        cached["median"] / sides["zipf", "bare Lark LALR"]["median"]
    )
    assert sides["json", "to_dict + json.dumps"]["ratio"] is None
    assert {row["side"] for row in results["rows"] if row["case"] == "peers"} == {
        "Recognizers-Text",
        "quantulum3",
    }
