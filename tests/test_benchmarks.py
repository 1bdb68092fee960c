"""The benchmark harness runs and reports every side with its reference (no timing asserted)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

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
    cached = sides["zipf", "sentencenorm.parse (phrase cache)"]
    assert cached["cache"] is True
    assert cached["note"].startswith("cache row: ")
    assert cached["median"] > 0
    assert cached["min"] <= cached["median"] <= cached["max"]
    assert cached["ratio"] == pytest.approx(
        cached["median"] / sides["zipf", "bare Lark LALR"]["median"]
    )
    assert sides["json", "to_dict + json.dumps"]["ratio"] is None
    assert sides["json", "to_dict + json.dumps"]["cache"] is False
    # Each peer has a row, installed or not (with the peers installed, sentencenorm's own row
    # on the same spans comes first).
    assert {row["side"] for row in results["rows"] if row["case"] == "peers"} >= {
        "Recognizers-Text",
        "quantulum3",
    }


def test_cold_rows_run_on_a_tiny_input_and_come_first(capsys: pytest.CaptureFixture[str]) -> None:
    """The cold rows on the real corpora run on a small input, before every cache row, with
    their ratios to the reference of the same round (nothing about speed is asserted)."""
    run, _ = _benchmarks()
    cases = ["zipf", "extract_dense", "raw_phrases", "extract_news", "first_call"]
    argv = ["--size", "300", "--rounds", "1", "--json"]
    assert run.main([*argv, *(f"--case={case}" for case in cases)]) == 0
    rows = [row for row in json.loads(capsys.readouterr().out)["rows"] if "median" in row]
    order = [row["case"] for row in rows]
    assert order.index("zipf") > max(order.index(case) for case in cases[1:])
    assert {row["case"] for row in rows if row["cache"]} == {"zipf"}
    sides = {(row["case"], row["side"]): row for row in rows}
    for lang in ("en", "zh"):
        dense = sides["extract_dense", f"sentencenorm.extract (cold, {lang})"]
        scan = sides["extract_dense", f"keyword regex scan ({lang})"]
        assert dense["ratio"] == pytest.approx(dense["median"] / scan["median"])
        assert f"real clauses of real_{lang}, one a paragraph, all different" in dense["note"]
    news = sides["extract_news", "sentencenorm.extract (cold, en)"]
    assert "all different" in news["note"]
    assert news["median"] > 0
    raw = sides["raw_phrases", "sentencenorm.parse (cold)"]
    assert "% refused (" in raw["note"]
    assert raw["ratio"] == pytest.approx(
        raw["median"] / sides["raw_phrases", "bare Lark LALR"]["median"]
    )
    # The first call is timed in seconds (less is better); its ratio is the reference's time
    # over its own, so that above 1 means faster, as for every other row.
    call = sides["first_call", 'sentencenorm "six months to 10 years"']
    bare = sides["first_call", "python -c pass"]
    plain = sides["first_call", "... the same, from this checkout"]
    assert call["unit"] == plain["unit"] == bare["unit"] == "s"
    assert call["ratio"] == pytest.approx(bare["median"] / call["median"])
    assert plain["ratio"] == pytest.approx(bare["median"] / plain["median"])
    assert "bytecode written" in call["note"]
    assert "parse tables included" in call["note"]


def test_cold_inputs_never_repeat_a_paragraph() -> None:
    """The documents of the cold rows have no paragraph twice, the news-like one a real
    clause in one paragraph of each 20, and the raw batch about 30% refusals."""
    corpora = _benchmarks()[0].corpora
    for lang in ("en", "zh"):
        paragraphs = corpora.paragraphs(corpora.dense(lang, 50))
        assert len(paragraphs) == len(set(paragraphs)) == 50
    news = corpora.news(0.05)
    paragraphs = corpora.paragraphs(news.text)
    assert len(paragraphs) == len(set(paragraphs)) == news.paragraphs == 20 * news.clauses
    real = corpora.clauses("en")
    with_clause = [p for p in paragraphs if any(clause in p for clause in real)]
    assert len(with_clause) == news.clauses
    batch = corpora.raw_phrases()
    assert 0.28 <= batch.refused / len(batch.phrases) <= 0.32
    assert len(batch.phrases) == len(set(batch.phrases))


def _benchmarks() -> tuple[Any, Any]:
    """benchmarks.run and the peers module it uses (imported as run.py imports it)."""
    sys.path.insert(0, str(ROOT))
    try:
        from benchmarks import run
    finally:
        sys.path.remove(str(ROOT))
    return run, run.peers


def _custody(low: str | None, high: str | None, **more: Any) -> list[dict[str, Any]]:
    item = {"kind": "custody", "min": low, "max": high, "count": 1, "aggregation": None}
    return [{**item, "suspended": None, **more}]


def _fine(amount: str, currency: str) -> list[dict[str, Any]]:
    money = {"amount": amount, "currency": currency}
    return [{"kind": "fine", "min": money, "max": money}]


def _durations(*timexes: str) -> list[tuple[str, dict[str, Any]]]:
    """Recognizers-Text DateTime results as ``(type_name, resolution)`` pairs."""
    return [
        ("datetimeV2.duration", {"values": [{"timex": timex, "type": "duration", "value": "0"}]})
        for timex in timexes
    ]


def test_peer_scorer_reads_ranges_generously_and_collapsed_ranges_as_wrong() -> None:
    """Two durations for "six months to 10 years" are the range; one duration is not."""
    _, peers = _benchmarks()
    gold = _custody("P6M", "P10Y")
    assert peers.right(peers.recognizers_values(_durations("P6M", "P10Y")), gold)
    assert not peers.right(peers.recognizers_values(_durations("P10Y")), gold)
    # quantulum3 gives a range as its midpoint and uncertainty: 6.5 +/- 3.5 years is 3..10.
    spread = peers.Quantity(6.5, 3.5, "year", "time")
    assert peers.right(peers.quantulum_values([spread]), _custody("P3Y", "P10Y"))
    collapsed = peers.Quantity(6.0, None, "year", "time")
    assert not peers.right(peers.quantulum_values([collapsed]), _custody("P5Y", "P7Y"))
    # Months and days as written, never through seconds: twelve months is one year.
    assert peers.right(peers.recognizers_values(_durations("P12M")), _custody("P1Y", "P1Y"))
    assert peers.right(peers.recognizers_values(_durations("P13.5Y")), _custody("P13Y6M", None))
    assert not peers.right(peers.recognizers_values(_durations("P365D")), _custody("P1Y", "P1Y"))
    hours = [{"kind": "community_service", "hours": 200}]
    assert peers.right(peers.recognizers_values(_durations("PT200H")), hours)
    # A bound's direction is not compared: "up to 20 years" states {20 years}.
    assert peers.right(
        peers.quantulum_values([peers.Quantity(20, None, "year", "time")]), _custody(None, "P20Y")
    )


def test_peer_scorer_counts_what_no_value_states_as_wrong() -> None:
    """Life, death, counts, aggregation, suspension and `other` are wrong for any peer."""
    _, peers = _benchmarks()
    nothing = peers.recognizers_values([])
    assert not peers.right(nothing, _custody(None, "life"))
    assert not peers.right(nothing, _custody("life", "life"))
    assert not peers.right(peers.recognizers_values(_durations("P15Y")), _custody("P15Y", "life"))
    assert not peers.right(nothing, [{"kind": "death", "reprieve": None, "suspended": False}])
    twenty_five = peers.recognizers_values(_durations("P25Y"))
    assert peers.right(twenty_five, _custody("P25Y", "P25Y"))
    assert not peers.right(twenty_five, _custody("P25Y", "P25Y", count=3))
    assert not peers.right(twenty_five, _custody("P25Y", "P25Y", aggregation="consecutive"))
    assert not peers.right(twenty_five, _custody("P25Y", "P25Y", suspended={"period": None}))
    assert not peers.right(nothing, [{"kind": "other", "label": "time served"}])
    assert not peers.right(nothing, [{"kind": "fine", "min": None, "max": None}])
    assert peers.right(nothing, [])  # an empty gold is the only place nothing is right


def test_peer_scorer_compares_money_with_its_currency() -> None:
    """Amounts count with their currency; a bare dollar is the jurisdiction's dollar."""
    _, peers = _benchmarks()
    dollars = [("currency", {"value": "500", "unit": "Dollar"})]
    pounds = [("currency", {"value": "500", "unit": "Pound"})]
    assert peers.right(peers.recognizers_values(dollars, "US-FL"), _fine("500", "USD"))
    assert not peers.right(peers.recognizers_values(pounds, "US-FL"), _fine("500", "USD"))
    assert peers.right(peers.recognizers_values(pounds, "GB"), _fine("500.00", "GBP"))
    assert peers.right(peers.recognizers_values(dollars, "CA"), _fine("500", "CAD"))
    assert not peers.right(peers.recognizers_values(dollars, "US"), _fine("5000", "USD"))
    sterling = peers.Quantity(1000.0, None, "pound sterling", "currency", "GBP")
    assert peers.right(peers.quantulum_values([sterling]), _fine("1000", "GBP"))
    assert not peers.right(peers.quantulum_values([sterling]), _fine("1000", "USD"))
    restitution = [{"kind": "restitution", "amount": {"amount": "43000", "currency": "USD"}}]
    bare = peers.Quantity(43000.0, None, "dollar", "currency", "USD")
    assert peers.right(peers.quantulum_values([bare], "US-VA"), restitution)
    # Plain numbers are no duration or amount: "three" in "three life sentences" is left out.
    three = peers.Quantity(3.0, None, "dimensionless", "dimensionless")
    assert peers.quantulum_values([three]) == frozenset()


def test_peers_not_installed_row(monkeypatch: pytest.MonkeyPatch) -> None:
    """A peer that does not import gets one row saying how to install it, and nothing is timed."""
    run, peers = _benchmarks()

    def never() -> Any:
        raise AssertionError("a missing peer is never loaded")

    missing = peers.Peer("Nobody", ("no_such_module_here",), "pip install nobody", never)
    monkeypatch.setattr(peers, "PEERS", (missing,))
    assert run._peers(300, 1) == [
        {"case": "peers", "side": "Nobody", "note": "not installed (pip install nobody)"}
    ]


def test_peers_rows_when_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    """An installed peer (here a stand-in that reads "10 years" in every phrase) gets a timed
    row with its share right, sentencenorm gets a row with its own share, and a missing peer
    still gets its row, in the order of the peers."""
    run, peers = _benchmarks()
    ten = peers.recognizers_values(_durations("P10Y"))
    stand_in = peers.Peer("Stand-in", ("json",), "pip install stand-in", lambda: lambda *_: ten)
    missing = peers.Peer("Nobody", ("no_such_module_here",), "pip install nobody", lambda: None)
    monkeypatch.setattr(peers, "PEERS", (stand_in, missing))
    rows = run._peers(300, 1)
    assert [row["side"] for row in rows] == ["sentencenorm.parse (cold)", "Stand-in", "Nobody"]
    ours, theirs, absent = rows
    gold = peers.load_gold()
    tens = sum(peers.right(ten, item.components) for item in gold)
    assert tens >= 1
    assert theirs["note"].startswith(f"right on {tens} of {len(gold)} dev_en spans (")
    assert "ratio = sentencenorm / Stand-in" in theirs["note"]
    for row in (ours, theirs):
        assert row["case"] == "peers"
        assert row["unit"] == "phrases/s"
        assert 0 < row["min"] <= row["median"] <= row["max"]
    assert theirs["ratio"] == pytest.approx(ours["median"] / theirs["median"])
    assert ours["ratio"] is None
    assert ours["note"].startswith("right on ")
    assert f"of {len(gold)} dev_en spans" in ours["note"]
    assert absent["note"].startswith("not installed (pip install nobody)")


def test_dask_case_times_two_workers_against_one_process(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The dask case runs parse_frame on a two-worker LocalCluster and in this process, on the
    same phrases, and reports the ratio of the two with the machine's load (no speed asserted)."""
    pytest.importorskip("distributed")
    run, _ = _benchmarks()
    assert run.main(["--size", "200", "--rounds", "1", "--json", "--case", "dask"]) == 0
    rows = [row for row in json.loads(capsys.readouterr().out)["rows"] if row["case"] == "dask"]
    sides = {row["side"]: row for row in rows}
    ours = sides["parse_frame, 2 Dask workers"]
    single = sides["parse_frame, 1 process (synchronous)"]
    assert ours["ratio"] == pytest.approx(ours["median"] / single["median"])
    assert "load average" in ours["note"]


def test_workers_case_times_two_workers_against_one(capsys: pytest.CaptureFixture[str]) -> None:
    """The workers case runs parse_many and extract_many with two workers and with one, on the
    same distinct inputs, and reports the ratio with the load and the CPU each side used."""
    run, _ = _benchmarks()
    assert run.main(["--size", "1500", "--rounds", "1", "--json", "--case", "workers"]) == 0
    rows = [row for row in json.loads(capsys.readouterr().out)["rows"] if row["case"] == "workers"]
    sides = {row["side"]: row for row in rows}
    for kind in ("parse_many", "extract_many"):
        two, one = sides[f"{kind}, 2 workers"], sides[f"{kind}, 1 worker"]
        assert two["ratio"] == pytest.approx(two["median"] / one["median"])
        assert "CPU a round" in two["note"]
    assert "1,500 distinct phrases" in sides["parse_many, 2 workers"]["note"]
    assert "load average" in sides["parse_many, 2 workers"]["note"]
