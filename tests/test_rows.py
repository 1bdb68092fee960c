"""Tables people analyse: `Sentence.to_row`'s flat columns, and the command line's
``--format csv|tsv``, ``--fields`` and ``--to-sqlite``."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest
from cli_harness import run
from hypothesis import given, settings

from sentencenorm import (
    LIFE,
    Choice,
    CommunityService,
    CommunitySupervision,
    Custody,
    Death,
    DeprivationOfRights,
    Duration,
    Fine,
    Forfeiture,
    Money,
    Other,
    Probation,
    Restitution,
    Sentence,
    SupervisedRelease,
    parse,
)
from sentencenorm.law.rows import COLUMNS, LEADING, MEANING, column_names
from sentencenorm.model import Aggregation, Suspension
from sentencenorm.strategies import components, sentences

README = Path(__file__).resolve().parents[1] / "README.md"
NAMES = column_names()
YEAR = Duration.of(years=1)


def row_of(*parts: object, **options: object) -> dict[str, object]:
    return Sentence(parts).to_row(**options)  # type: ignore[arg-type]


# ── to_row ───────────────────────────────────────────────────────────────────────────────────


@settings(max_examples=100, deadline=None)
@given(sentences())
def test_to_row_never_raises_and_has_the_documented_columns(value: Sentence) -> None:
    row = value.to_row()
    assert tuple(row) == NAMES
    assert row["notation"] == str(value)
    for column in (*LEADING, *COLUMNS):
        cell = row[column.name]
        expected = {
            "text": str,
            "bool": bool,
            "int": int,
            "real": float,
            "decimal": Decimal,
        }[column.type]
        assert cell is None or isinstance(cell, expected), (column.name, cell)
    assert row["choice"] == any(isinstance(part, Choice) for part in value.components)
    asked = value.to_row(months="ussc", band="space1", jurisdiction="DE")
    assert tuple(asked) == column_names(months=True, band=True)
    assert (asked["months_min"], asked["months_max"]) == value.months("ussc")


@settings(max_examples=60, deadline=None)
@given(components())
def test_every_component_kind_flattens(part: object) -> None:
    row = row_of(part)
    kind = part.kind  # type: ignore[attr-defined]
    if kind != "choice":
        assert row["exact"] is True
        shown = {"custody": "custody_components", "other": "other"}.get(kind, kind)
        assert row[shown], (kind, row)  # never nothing: the kind is there


def test_custody_columns() -> None:
    term = Custody(
        min=Duration.of(months=6),
        max=Duration.of(years=10),
        count=2,
        aggregation=Aggregation.CONSECUTIVE,
        suspended=Suspension(Duration.of(years=3)),
    )
    row = row_of(term)
    assert row["custody_min"] == "P6M"
    assert row["custody_max"] == "P10Y"
    assert row["custody_min_months"] == 6.0
    assert row["custody_max_months"] == 120.0
    assert row["custody_min_days"] == 6 * 30.4375
    assert row["custody_max_days"] == 3652.5
    assert (row["custody_min_life"], row["custody_max_life"]) == (False, False)
    assert row["custody_count"] == 2
    assert row["custody_aggregation"] == "consecutive"
    assert row["custody_suspended"] is True
    assert row["custody_suspended_period"] == "P3Y"
    assert row["custody_components"] == 1
    assert row["exact"] is True
    assert row["custody_regime"] is None  # the place kept for a regime


def test_life_is_a_flag_not_a_number() -> None:
    row = row_of(Custody(min=Duration.of(years=25), max=LIFE))
    assert row["custody_max"] == "life"
    assert row["custody_max_life"] is True
    assert row["custody_max_months"] is None
    assert row["custody_max_days"] is None
    assert row["custody_min_months"] == 300.0
    whole = row_of(Custody(min=LIFE, max=LIFE, count=None))
    assert whole["custody_min_life"] is whole["custody_max_life"] is True
    assert whole["custody_count"] is None


def test_other_kinds() -> None:
    row = row_of(
        Death(suspended=True, reprieve=Duration.of(years=2)),
        Fine(min=Money(100, "EUR"), max=Money("2500.50", "EUR")),
        Restitution(Money(900, "USD")),
        Forfeiture(Money(5, "GBP")),
        Probation(max=Duration.of(years=3)),
        SupervisedRelease(min=YEAR, max=YEAR),
        CommunitySupervision(max=Duration.of(months=18)),
        CommunityService(200),
        DeprivationOfRights(min=LIFE, max=LIFE),
        Other("time served"),
        Other("costs", Money(250, "USD")),
    )
    assert (row["death"], row["death_suspended"], row["death_reprieve"]) == (True, True, "P2Y")
    assert row["fine_min_amount"] == Decimal(100)
    assert row["fine_max_amount"] == Decimal("2500.5")
    assert row["fine_currency"] == "EUR"
    assert (row["restitution_amount"], row["restitution_currency"]) == (Decimal(900), "USD")
    assert (row["forfeiture_amount"], row["forfeiture_currency"]) == (Decimal(5), "GBP")
    assert (row["probation_min"], row["probation_max"]) == (None, "P3Y")
    assert row["probation_max_months"] == 36.0
    assert row["supervised_release_min"] == row["supervised_release_max"] == "P1Y"
    assert row["community_supervision_max_months"] == 18.0
    assert row["community_service_hours"] == 200
    assert row["deprivation_of_rights_max"] == "life"
    assert row["other"] == "time served; costs USD 250"
    assert row["custody_components"] == 0
    assert row["custody_min_life"] is None
    assert row["exact"] is True
    assert row["components"] == 11


def test_no_death_is_false_not_empty() -> None:
    row = row_of(Fine(max=Money(5, "USD")))
    assert row["death"] is False
    assert row["death_suspended"] is None


def test_several_terms_of_one_kind_are_their_hull_and_not_exact() -> None:
    """Two custody terms: the least minimum and the greatest maximum, a count of components,
    and exact false; columns they disagree on are empty, never one of them silently."""
    row = row_of(
        Custody(min=YEAR, max=Duration.of(years=2), count=3),
        Custody(min=Duration.of(years=5), max=Duration.of(years=5)),
    )
    assert (row["custody_min"], row["custody_max"]) == ("P1Y", "P5Y")
    assert row["custody_components"] == 2
    assert row["exact"] is False
    assert row["custody_count"] is None
    open_top = row_of(Custody(max=YEAR), Custody(min=YEAR))
    assert open_top["custody_min"] is None
    assert open_top["custody_max"] is None
    currencies = row_of(Fine(max=Money(5, "USD")), Fine(max=Money(5, "EUR")))
    assert currencies["fine_currency"] is None
    assert currencies["fine_max_amount"] is None
    assert currencies["exact"] is False


def test_choice_is_the_hull_of_its_options() -> None:
    row = parse("up to 5 years, a $250,000 fine, or both").to_row()
    assert row["choice"] is True
    assert row["exact"] is False
    assert row["custody_max"] == "P5Y"
    assert row["fine_max_amount"] == Decimal(250000)
    assert row["custody_components"] == 1
    both = row_of(Choice([[Death()], [Custody(max=LIFE)]]))
    assert both["death"] is True
    assert both["custody_max_life"] is True


def test_months_and_band_only_when_asked() -> None:
    value = parse("six months to 10 years")
    assert "months_min" not in value.to_row()
    assert "band" not in value.to_row()
    row = value.to_row(months="ussc", band="space1")
    assert tuple(row) == column_names(months=True, band=True)
    assert (row["months_min"], row["months_max"], row["band"]) == (6.0, 120.0, "10y-<20y")


def test_columns_are_documented_in_the_readme() -> None:
    text = README.read_text(encoding="utf-8")
    tables = text[text.index("## Tables") :]
    for column in (*LEADING, *COLUMNS, *MEANING):
        assert f"`{column.name}`" in tables, column.name
    assert len(set(NAMES)) == len(NAMES)


# ── the command line ─────────────────────────────────────────────────────────────────────────


def read_table(text: str, delimiter: str = ",") -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text), delimiter=delimiter))


@pytest.mark.parametrize(("style", "delimiter"), [("csv", ","), ("tsv", "\t")])
def test_csv_and_tsv_round_trip(
    monkeypatch: pytest.MonkeyPatch, style: str, delimiter: str
) -> None:
    phrases = 'six months to 10 years\nten yaers\nfined $5,000, "and costs"\tx\nlife\n'
    result = run(monkeypatch, "parse", "--format", style, stdin=phrases.encode())
    assert result.code == 1
    header = next(csv.reader(io.StringIO(result.out), delimiter=delimiter))
    assert header == [*NAMES, "lang", "jurisdiction", "error", "json"]
    rows = read_table(result.out, delimiter)
    assert [row["text"] for row in rows] == phrases.splitlines()
    assert rows[0]["custody_max"] == "P10Y"
    assert rows[0]["custody_max_months"] == "120.0"
    assert rows[0]["exact"] == "true"
    assert rows[0]["error"] == ""
    assert rows[1]["error"].startswith("cannot read")
    assert rows[1]["custody_max"] == ""
    assert "error" in json.loads(rows[1]["json"])
    assert rows[3]["custody_max_life"] == "true"
    for row in rows:
        assert row["lang"] == "en"
        if not row["error"]:
            assert str(Sentence.from_dict(json.loads(row["json"]))) == row["notation"]


def test_json_and_jsonl_formats_are_the_old_flags(monkeypatch: pytest.MonkeyPatch) -> None:
    assert (
        run(monkeypatch, "parse", "--format", "jsonl", stdin=b"life\n").out
        == run(monkeypatch, "parse", "--jsonl", stdin=b"life\n").out
    )
    assert (
        run(monkeypatch, "parse", "--format", "json", "life").out
        == run(monkeypatch, "parse", "--json", "life").out
    )


def test_fields_choose_the_columns_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    result = run(
        monkeypatch,
        "parse",
        "--format",
        "csv",
        "--fields",
        "fine_max_amount,text,months_max,band",
        "--months",
        "ussc",
        "--band",
        "space1",
        "fined $5,000 and 2 years",
    )
    assert result.out.splitlines() == [
        "fine_max_amount,text,months_max,band",
        '5000,"fined $5,000 and 2 years",24.0,1y-<3y',
    ]


@pytest.mark.parametrize("argv", [["parse", "life"], ["extract", "-"]])
def test_unknown_field_names_it_and_lists_the_valid_ones(
    monkeypatch: pytest.MonkeyPatch, argv: list[str]
) -> None:
    result = run(monkeypatch, *argv[:1], "--format", "csv", "--fields", "text,sentense", *argv[1:])
    assert result.code == 2
    assert result.out == ""
    assert "unknown field 'sentense'" in result.err
    assert "custody_max_months" in result.err


def test_fields_need_a_table(monkeypatch: pytest.MonkeyPatch) -> None:
    result = run(monkeypatch, "parse", "--jsonl", "--fields", "text", stdin=b"life\n")
    assert result.code == 2
    assert "--fields chooses the columns" in result.err


def test_extract_csv_keeps_an_error_row_for_an_unreadable_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    good = tmp_path / "a.txt"
    good.write_text("He was jailed for 10 years and fined $500.", encoding="utf-8")
    bad = tmp_path / "b.txt"
    bad.write_bytes(b"\xff\xfe")
    result = run(monkeypatch, "extract", "--format", "csv", str(good), str(bad))
    assert result.code == 1
    rows = read_table(result.out)
    assert [(row["file"], row["start"], row["text"]) for row in rows] == [
        (str(good), "3", "was jailed for 10 years"),
        (str(good), "31", "fined $500"),
        (str(bad), "", ""),
    ]
    assert rows[1]["fine_max_amount"] == "500"
    assert rows[1]["modality"] == "imposed"
    assert "not UTF-8" in rows[2]["error"]


def test_to_sqlite_writes_and_reads_back(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    database = tmp_path / "out.db"
    data = b"six months to 10 years\nten yaers\nfined $250.50\n"
    result = run(monkeypatch, "parse", "--to-sqlite", str(database), stdin=data)
    assert result.code == 1
    assert result.out == ""
    again = run(monkeypatch, "parse", "--to-sqlite", str(database), stdin=b"life\n")
    assert again.code == 0  # appended: the table has these columns
    with sqlite3.connect(database) as connection:
        connection.row_factory = sqlite3.Row
        rows = [dict(row) for row in connection.execute("SELECT * FROM sentences")]
        types = {row[1]: row[2] for row in connection.execute("PRAGMA table_info(sentences)")}
    assert tuple(rows[0]) == (*NAMES, "lang", "jurisdiction", "error", "json")
    assert [row["text"] for row in rows] == [*data.decode().splitlines(), "life"]
    assert rows[0]["custody_max_months"] == 120.0
    assert rows[0]["exact"] == 1
    assert rows[1]["error"].startswith("cannot read")
    assert rows[2]["fine_max_amount"] == 250.5
    assert rows[3]["custody_max_life"] == 1
    assert types["custody_count"] == "INTEGER"
    assert types["fine_max_amount"] == "NUMERIC"


def test_to_sqlite_refuses_a_table_with_other_columns(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    database = tmp_path / "out.db"
    run(monkeypatch, "parse", "--to-sqlite", str(database), "--fields", "text", "life")
    result = run(monkeypatch, "parse", "--to-sqlite", str(database), "life")
    assert result.code == 2
    assert "has other columns" in result.err
    other = run(monkeypatch, "parse", "--to-sqlite", str(database), "--table", "t2", "life")
    assert other.code == 0


def test_extract_to_sqlite(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    database = tmp_path / "out.db"
    result = run(
        monkeypatch,
        "extract",
        "--to-sqlite",
        str(database),
        "--fields",
        "start,end,text,custody_max",
        "-",
        stdin=b"He was jailed for 10 years and fined $500.",
    )
    assert result.code == 0
    with sqlite3.connect(database) as connection:
        rows = list(connection.execute("SELECT * FROM matches"))
    assert rows == [(3, 26, "was jailed for 10 years", "P10Y"), (31, 41, "fined $500", None)]


def test_csv_column_keeps_its_columns_and_adds_the_fields(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    source = tmp_path / "cases.csv"
    source.write_text("id,text\n1,life\n2,ten yaers\n3\n", encoding="utf-8")
    argv = ["parse", "--csv-column", "text", "--fields", "custody_max_life,lang"]
    result = run(monkeypatch, *argv, str(source))
    rows = list(csv.reader(io.StringIO(result.out)))
    assert rows[0] == ["id", "text", "sentence", "json", "error", "custody_max_life", "lang"]
    assert rows[1][2] == "custody ..life"
    assert rows[1][5:] == ["true", "en"]
    assert rows[2][4].startswith("cannot read")
    assert rows[2][5:] == ["", "en"]
    assert len(rows[3]) == 7
    assert rows[3][5:] == ["", "en"]
    out = tmp_path / "out.csv"
    out.write_text("".join(result.out.splitlines(keepends=True)[:2]), encoding="utf-8")
    resumed = run(monkeypatch, *argv, "--resume", str(out), str(source))
    assert resumed.code == 1
    assert out.read_text(encoding="utf-8") == result.out
    plain = run(monkeypatch, "parse", "--csv-column", "text", str(source))
    assert next(csv.reader(io.StringIO(plain.out))) == ["id", "text", "sentence", "json", "error"]


def test_to_sqlite_and_csv_column_cannot_go_together(monkeypatch: pytest.MonkeyPatch) -> None:
    result = run(
        monkeypatch, "parse", "--csv-column", "text", "--to-sqlite", "x.db", stdin=b"text\nlife\n"
    )
    assert result.code == 2
    assert "cannot go together" in result.err


def test_to_sqlite_that_cannot_be_written_stops_the_run(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A database that refuses a row (full, locked; here a trigger) stops the run with status 3
    and says which file, never a traceback; the rows before it stay committed."""
    database = tmp_path / "out.db"
    run(monkeypatch, "parse", "--to-sqlite", str(database), "--fields", "text", "life")
    with sqlite3.connect(database) as connection:
        connection.execute(
            "CREATE TRIGGER full BEFORE INSERT ON sentences WHEN NEW.text = 'ten years' "
            "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END"
        )
    data = b"two years\nten years\nthree years\n"
    result = run(monkeypatch, "parse", "--to-sqlite", str(database), "--fields", "text", stdin=data)
    assert result.code == 3
    assert f"cannot write {database}: database or disk is full" in result.err
    with sqlite3.connect(database) as connection:
        texts = [row[0] for row in connection.execute("SELECT text FROM sentences")]
    assert texts == ["life", "two years"]


def test_custody_regime_has_its_column() -> None:
    """Administrative detention (行政拘留) keeps its regime in the row; plain custody none."""
    detained = parse("行政拘留十日", lang="zh").to_row()
    assert detained["custody_regime"] == "administrative_detention"
    assert parse("10 days in jail").to_row()["custody_regime"] in ("", None)


def test_forfeiture_of_all_property_has_its_column() -> None:
    """没收个人全部财产 says all property in the row; a forfeiture of an amount does not."""
    everything = parse("没收个人全部财产", lang="zh").to_row()
    assert everything["forfeiture"] is True
    assert everything["forfeiture_all_property"] is True
    assert everything["forfeiture_amount"] is None
    some = parse("没收个人财产人民币五万元", lang="zh").to_row()
    assert some["forfeiture_all_property"] is False
    assert parse("10 days in jail").to_row()["forfeiture_all_property"] is None
