"""The command line: output formats, stdin streaming, exit statuses and failure handling."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_harness import FakeStdin, Result, run
from hypothesis import given
from hypothesis import strategies as st

import sentencenorm

PHRASE = "six months to 10 years"


def input_lines(data: bytes) -> list[bytes]:
    parts = data.split(b"\n")
    if parts[-1] == b"":
        parts.pop()
    return parts


def test_parse_prints_phrase_notation_and_components(monkeypatch: pytest.MonkeyPatch) -> None:
    """`parse PHRASE` prints the quoted phrase, its notation and a line per component."""
    result = run(monkeypatch, "parse", PHRASE)
    assert result.code == 0
    lines = result.out.splitlines()
    assert lines[0] == f'"{PHRASE}"'
    assert lines[1] == "  = custody P6M..P10Y"
    assert lines[2].startswith("  custody: ")
    assert len(lines) == 3
    assert result.err == ""


def test_every_component_gets_its_own_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """A sentence with two components prints two component lines, in text order."""
    phrase = "84 months in prison followed by two years of supervised release"
    result = run(monkeypatch, phrase)
    lines = result.out.splitlines()
    assert lines[1] == "  = custody P7Y + supervised_release P2Y"
    assert lines[2].startswith("  custody: ")
    assert lines[3].startswith("  supervised_release: ")


def test_component_line_uses_render_when_available(monkeypatch: pytest.MonkeyPatch) -> None:
    """The component line shows sentencenorm.render of that one component, in digits."""
    calls: list[tuple[sentencenorm.Sentence, str, str]] = []

    def render(sentence: sentencenorm.Sentence, *, locale: str, style: str) -> str:
        calls.append((sentence, locale, style))
        return "six months to ten years"

    monkeypatch.setattr(sentencenorm, "render", render, raising=False)
    result = run(monkeypatch, PHRASE)
    assert result.out.splitlines()[2] == "  custody: six months to ten years"
    assert calls == [(sentencenorm.Sentence(sentencenorm.parse(PHRASE).components), "en", "digits")]


def test_component_line_without_render(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without a renderer the component line is its kind and its notation."""
    monkeypatch.delattr(sentencenorm, "render", raising=False)
    assert run(monkeypatch, PHRASE).out.splitlines()[2] == "  custody: P6M..P10Y"


def test_component_line_survives_a_failing_render(monkeypatch: pytest.MonkeyPatch) -> None:
    """A renderer that raises falls back to the notation instead of failing the phrase."""

    def render(sentence: sentencenorm.Sentence, *, locale: str, style: str) -> str:
        raise sentencenorm.UnsupportedError("no words for this")

    monkeypatch.setattr(sentencenorm, "render", render, raising=False)
    result = run(monkeypatch, PHRASE)
    assert result.code == 0
    assert result.out.splitlines()[2] == "  custody: P6M..P10Y"


def test_no_subcommand_is_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    """A phrase with no subcommand prints exactly what `parse PHRASE` prints."""
    assert run(monkeypatch, PHRASE) == run(monkeypatch, "parse", PHRASE)


def test_options_before_the_phrase_without_subcommand(monkeypatch: pytest.MonkeyPatch) -> None:
    """Parse options may come first when the subcommand is left out."""
    assert run(monkeypatch, "--json", PHRASE) == run(monkeypatch, "parse", PHRASE, "--json")


def test_several_phrases_are_each_parsed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each phrase argument gets its own block, in order."""
    result = run(monkeypatch, "parse", PHRASE, "life without parole")
    assert result.code == 0
    quoted = [line for line in result.out.splitlines() if not line.startswith(" ")]
    assert quoted == [f'"{PHRASE}"', '"life without parole"']


READ_WITH = {"lang": "en", "jurisdiction": None}


def test_json_is_exactly_to_dict(monkeypatch: pytest.MonkeyPatch) -> None:
    """`--json` prints one indented document: Sentence.to_dict() and how it was read."""
    result = run(monkeypatch, "parse", "--json", PHRASE)
    assert result.code == 0
    assert json.loads(result.out) == {**sentencenorm.parse(PHRASE).to_dict(), **READ_WITH}
    assert result.out.startswith("{\n  ")


def test_json_keeps_non_ascii_text(monkeypatch: pytest.MonkeyPatch) -> None:
    """`--json` writes non-ASCII characters as themselves, not as escapes."""
    result = run(monkeypatch, "--json", "a fine of €500")
    assert result.code == 0
    assert "€500" in result.out


def test_json_with_several_phrases_is_a_list(monkeypatch: pytest.MonkeyPatch) -> None:
    """`--json` with several phrases prints the list json.dumps(indent=2) would print."""
    phrases = [PHRASE, "life without parole"]
    result = run(monkeypatch, "--json", *phrases)
    expected = [{**sentencenorm.parse(phrase).to_dict(), **READ_WITH} for phrase in phrases]
    assert result.out == json.dumps(expected, ensure_ascii=False, indent=2) + "\n"


def test_json_list_keeps_failures_in_place(monkeypatch: pytest.MonkeyPatch) -> None:
    """In a `--json` list a phrase that fails is an error object at its position, and exit is 1."""
    result = run(monkeypatch, "--json", PHRASE, "ten yaers", "life")
    assert result.code == 1
    items = json.loads(result.out)
    assert [item["text"] for item in items] == [PHRASE, "ten yaers", "life"]
    assert items[1]["error"]["column"] == 4
    assert "ten yaers" in result.err


def test_json_single_failure_is_an_error_object(monkeypatch: pytest.MonkeyPatch) -> None:
    """`--json` on one bad phrase prints its error object, as --jsonl does (never silence),
    and the caret picture on stderr."""
    result = run(monkeypatch, "--json", "ten yaers")
    assert result.code == 1
    record = json.loads(result.out)
    assert record["text"] == "ten yaers"
    assert record["error"]["column"] == 4
    jsonl = run(monkeypatch, "--jsonl", "ten yaers")
    assert json.loads(jsonl.out) == record
    assert result.err.splitlines()[1:3] == ["  ten yaers", "      ^"]


def test_human_failure_goes_to_stderr(monkeypatch: pytest.MonkeyPatch) -> None:
    """A phrase that does not parse exits 1 with str(SentenceParseError) on stderr."""
    result = run(monkeypatch, "ten yaers")
    assert result.code == 1
    with pytest.raises(sentencenorm.SentenceParseError) as caught:
        sentencenorm.parse("ten yaers")
    assert result.err == str(caught.value) + "\n  did you mean 'years'?\n"


MIXED = b"six months to 10 years\n\nten yaers\r\ncaf\xe9 10 years\nlife without parole\r\n  life  "


def test_jsonl_keeps_every_line_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    """`--jsonl` writes one object per input line (good, bad, blank, not UTF-8), in order."""
    result = run(monkeypatch, "parse", "--jsonl", stdin=MIXED)
    lines = result.out.splitlines()
    assert len(lines) == len(input_lines(MIXED)) == 6
    records = [json.loads(line) for line in lines]
    assert [record["text"] for record in records] == [
        PHRASE,
        "",
        "ten yaers",
        "caf\\xe9 10 years",
        "life without parole",
        "  life  ",
    ]
    assert records[0] == {**sentencenorm.parse(PHRASE).to_dict(), **READ_WITH}
    assert records[4] == {**sentencenorm.parse("life without parole").to_dict(), **READ_WITH}
    for index in (1, 2, 3):
        assert set(records[index]) == {"text", "error", "lang", "jurisdiction"}
        assert set(records[index]["error"]) == {"message", "column", "expected"}
    assert records[2]["error"]["column"] == 4
    assert "a number" in records[2]["error"]["expected"]
    assert result.code == 1
    assert re.fullmatch(r"6 lines: 3 parsed, 3 failed, [\d,]+/s\n", result.err)


def test_jsonl_lines_are_compact(monkeypatch: pytest.MonkeyPatch) -> None:
    """`--jsonl` output lines contain no indentation or newlines inside an object."""
    result = run(monkeypatch, "--jsonl", stdin=b"six months to 10 years\n")
    record = {**sentencenorm.parse(PHRASE).to_dict(), **READ_WITH}
    assert result.out == json.dumps(record, separators=(",", ":")) + "\n"


def test_invalid_utf8_names_the_byte_offset(monkeypatch: pytest.MonkeyPatch) -> None:
    """A line that is not UTF-8 becomes an error saying so, with its byte offset."""
    result = run(monkeypatch, "--jsonl", stdin=b"10 ye\xffars\n")
    error = json.loads(result.out)["error"]
    assert "not valid UTF-8" in error["message"]
    assert "byte offset 5" in error["message"]
    assert error["column"] == 5


def test_only_the_newline_is_stripped(monkeypatch: pytest.MonkeyPatch) -> None:
    """Only a trailing "\\n" or "\\r\\n" is removed; a lone "\\r" and spaces stay in "text"."""
    result = run(monkeypatch, "--jsonl", stdin=b" 10 years\r\n10 years\r")
    texts = [json.loads(line)["text"] for line in result.out.splitlines()]
    assert texts == [" 10 years", "10 years\r"]


def test_no_phrase_and_dash_read_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    """With no phrase, or the phrase "-", phrases come from stdin in the human format."""
    data = b"six months to 10 years\nlife\n"
    from_stdin = run(monkeypatch, stdin=data)
    assert from_stdin == run(monkeypatch, "parse", "-", stdin=data)
    assert from_stdin == run(monkeypatch, PHRASE, "life")
    assert from_stdin.code == 0


def test_empty_stdin_is_no_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    """Empty stdin gives no output lines and exit status 0."""
    assert run(monkeypatch, "--jsonl", stdin=b"") == Result(0, "", "")


def test_stdin_is_streamed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each output line is written before the next input line is read."""
    out = io.StringIO()

    def lines() -> Iterator[bytes]:
        for number in range(1, 4):
            assert out.getvalue().count("\n") == number - 1
            yield f"{number} years\n".encode()

    result = run(monkeypatch, "--jsonl", stdin=FakeStdin(lines()), stdout=out)
    assert result.code == 0
    assert out.getvalue().count("\n") == 3


@given(st.lists(st.binary(max_size=40), max_size=6), st.sampled_from([b"\n", b"\r\n"]))
def test_jsonl_never_loses_a_line(chunks: list[bytes], newline: bytes) -> None:
    """For any bytes on stdin, `--jsonl` writes one JSON object per line, never a traceback."""
    data = newline.join(chunk.replace(b"\n", b" ") for chunk in chunks)
    with pytest.MonkeyPatch.context() as monkeypatch:
        result = run(monkeypatch, "--jsonl", stdin=data)
    records = [json.loads(line) for line in result.out.splitlines()]
    assert len(records) == len(input_lines(data))
    assert all("text" in record for record in records)
    assert result.code == (1 if any("error" in record for record in records) else 0)


def test_jsonl_escapes_characters_that_readers_take_as_line_breaks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """U+2028, U+2029 and U+0085 in a line stay escaped: one record is one line to any reader."""
    data = "10 years\u2028x\n5\x85 years\n\u2029\n".encode()
    result = run(monkeypatch, "--jsonl", stdin=data)
    lines = result.out.splitlines()
    assert len(lines) == 3
    assert [json.loads(line)["text"] for line in lines] == [
        "10 years\u2028x",
        "5\x85 years",
        "\u2029",
    ]


def test_unknown_lang_is_a_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """An unknown --lang exits 2 and names the languages that are available."""
    result = run(monkeypatch, "--lang", "xx", PHRASE)
    assert result.code == 2
    assert result.out == ""
    assert "unknown language 'xx'" in result.err
    assert "available: " in result.err
    assert "en, " in result.err or "en\n" in result.err


def test_bad_jurisdiction_is_a_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """A --jurisdiction that is not a code exits 2 before reading stdin, saying what is accepted."""
    result = run(monkeypatch, "--jsonl", "--jurisdiction", "u.s.", stdin=b"10 years\n")
    assert result.code == 2
    assert result.out == ""
    assert "available:" in result.err


def test_jurisdiction_is_passed_to_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    """--jurisdiction reaches parse: "$" is read as Canadian dollars for CA."""
    result = run(monkeypatch, "--json", "--jurisdiction", "CA", "a fine of $500")
    assert json.loads(result.out)["components"][0]["max"]["currency"] == "CAD"


@pytest.mark.parametrize("argv", [["--jsonl", "--json", PHRASE], ["parse", "--bogus"], ["--lang"]])
def test_usage_errors_exit_2(monkeypatch: pytest.MonkeyPatch, argv: list[str]) -> None:
    """argparse's usage errors exit 2 with a usage line on stderr."""
    result = run(monkeypatch, *argv)
    assert result.code == 2
    assert "usage:" in result.err


@pytest.mark.parametrize("argv", [["--help"], ["parse", "--help"]])
def test_help_shows_examples(monkeypatch: pytest.MonkeyPatch, argv: list[str]) -> None:
    """--help exits 0 and shows examples including --json and a --jsonl pipe."""
    result = run(monkeypatch, *argv)
    assert result.code == 0
    assert "examples:" in result.out
    assert f'sentencenorm parse "{PHRASE}"' in result.out
    assert "--json " in result.out
    assert "| sentencenorm parse --jsonl" in result.out


def test_version(monkeypatch: pytest.MonkeyPatch) -> None:
    """--version prints the package version and exits 0."""
    result = run(monkeypatch, "--version")
    assert result.code == 0
    assert result.out.split() == ["sentencenorm", sentencenorm.__version__]


def test_phrase_starting_with_dash_after_double_dash(monkeypatch: pytest.MonkeyPatch) -> None:
    """A phrase that looks like an option is read as a phrase after "--"."""
    result = run(monkeypatch, "--jsonl", "--", "-x")
    assert result.code == 1
    assert json.loads(result.out)["text"] == "-x"


def test_undecodable_argument_is_an_error_not_a_crash(monkeypatch: pytest.MonkeyPatch) -> None:
    """An argument with bytes that are not UTF-8 (lone surrogates in argv) is an error line."""
    result = run(monkeypatch, "--jsonl", "10 years\udcff")
    assert result.code == 1
    assert "not valid UTF-8" in json.loads(result.out)["error"]["message"]


def test_keyboard_interrupt_exits_130(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C while reading stdin exits 130 with the lines written so far, no traceback."""

    def lines() -> Iterator[bytes]:
        yield b"10 years\n"
        raise KeyboardInterrupt

    result = run(monkeypatch, "--jsonl", stdin=FakeStdin(lines()))
    assert result.code == 130
    assert json.loads(result.out)["text"] == "10 years"
    assert result.err.startswith("sentencenorm: interrupted after 1 line; continue with --resume ")


def test_broken_pipe_is_quiet(monkeypatch: pytest.MonkeyPatch) -> None:
    """A reader that goes away (BrokenPipeError) ends the run quietly with status 141, as
    SIGPIPE would (what `set -o pipefail` scripts expect of `cmd | head`)."""

    class Closed(io.StringIO):
        def write(self, text: str) -> int:
            raise BrokenPipeError

    result = run(monkeypatch, "--jsonl", stdin=b"10 years\n", stdout=Closed())
    assert result.code == 141
    assert result.err == ""


def _python_m(*argv: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "sentencenorm", *argv],
        input=stdin,
        capture_output=True,
        timeout=120,
        check=False,
    )


def test_python_m_entry_point() -> None:
    """`python -m sentencenorm` runs the CLI in a real process, --json and --jsonl alike."""
    done = _python_m("--json", PHRASE)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {**sentencenorm.parse(PHRASE).to_dict(), **READ_WITH}
    piped = _python_m("parse", "--jsonl", stdin=MIXED)
    assert piped.returncode == 1
    assert len(piped.stdout.decode("utf-8").splitlines()) == len(input_lines(MIXED))
    assert b"Traceback" not in piped.stderr
    assert re.fullmatch(r"6 lines: 3 parsed, 3 failed, [\d,]+/s\n", piped.stderr.decode())


def test_real_broken_pipe_leaves_no_traceback(tmp_path: Path) -> None:
    """Closing the reading end of stdout early makes the process exit without a traceback."""
    source = tmp_path / "in.txt"
    source.write_bytes(b"six months to 10 years\n" * 3000)
    with source.open("rb") as stdin:
        process = subprocess.Popen(
            [sys.executable, "-m", "sentencenorm", "--jsonl"],
            stdin=stdin,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert process.stdout is not None
        assert process.stderr is not None
        assert process.stdout.readline().startswith(b'{"text":')
        process.stdout.close()
        err = process.stderr.read()
        process.stderr.close()
        assert process.wait(timeout=120) == 141
    assert err == b""


# ── extract ──────────────────────────────────────────────────────────────────────────────────

SEED_TEXT = Path(__file__).resolve().parents[1] / "seeds" / "fentanyl-ring-sentencing.txt"


def test_extract_file_prints_matches_with_context(capsys: pytest.CaptureFixture[str]) -> None:
    from sentencenorm.cli import main

    assert main(["extract", str(SEED_TEXT), "--context", "20"]) == 0
    out, err = capsys.readouterr()
    assert out.count("\n    ") == 3
    assert "[was given a suspended death sentence]" in out
    assert "imposed: custody P6M..P10Y x?" in out
    assert err.strip().endswith(": 3 matches")


def test_extract_stdin_jsonl_follows_the_contract(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io
    import json

    from sentencenorm.cli import main

    text = "He was sentenced to 20 years in prison and fined $500. A 41-year-old man."
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
    assert main(["extract", "--jsonl", "-"]) == 0
    lines = capsys.readouterr().out.splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["text"] for r in records] == ["was sentenced to 20 years in prison", "fined $500"]
    for record in records:
        assert list(record)[:5] == ["start", "end", "text", "modality", "components"]
        assert text[record["start"] : record["end"]] == record["text"]


def test_extract_reports_unreadable_input_without_traceback(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import io

    from sentencenorm.cli import main

    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"ten \xff years")))
    assert main(["extract", "-"]) == 1
    assert "stdin is not UTF-8 text (byte 4)" in capsys.readouterr().err
    assert main(["extract", str(tmp_path / "missing.txt")]) == 1
    assert "cannot read" in capsys.readouterr().err
    assert main(["extract", "--context", "-1", "-"]) == 2


# compare, and what parse adds with --months, --band and --severity


def test_compare_prints_the_order_and_the_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    """`compare A B --jurisdiction DE` prints the order, then the reason, and exits 0."""
    result = run(monkeypatch, "compare", "life", "25 years", "--jurisdiction", "DE")
    assert result.code == 0
    order, reason = result.out.splitlines()
    assert order == "OVERLAPS"
    assert reason.startswith('  "life" (15 years to life) and "25 years" (25 years) overlap')
    assert "§ 57a(1) StGB" in reason


@pytest.mark.parametrize(
    ("argv", "order"),
    [
        (["life", "25 years", "--jurisdiction", "US"], "GREATER"),
        (["life", "25 years", "--basis", "max"], "GREATER"),
        (["two years", "life without parole"], "LESS"),
        (["18 months", "a year and six months"], "EQUAL"),
        (["1 month", "30 days"], "INCOMPARABLE"),
        (["a fine of $500", "2 years"], "INCOMPARABLE"),
    ],
)
def test_compare_orders(monkeypatch: pytest.MonkeyPatch, argv: list[str], order: str) -> None:
    """The order printed is compare()'s, on the basis and jurisdiction given; the status is
    0, and with --is, 0 exactly for the orders named, else 1."""
    result = run(monkeypatch, "compare", *argv)
    assert result.code == 0
    assert result.out.splitlines()[0] == order
    assert run(monkeypatch, "compare", *argv, "--is", order.lower()).code == 0
    assert run(monkeypatch, "compare", *argv, "--is", f"overlaps,{order}").code == 0
    other = "less" if order != "LESS" else "greater"
    assert run(monkeypatch, "compare", *argv, "--is", other).code == 1


def test_compare_is_names_the_orders(monkeypatch: pytest.MonkeyPatch) -> None:
    """An unknown order in --is is a usage error naming the orders there are."""
    result = run(monkeypatch, "compare", "life", "2 years", "--is", "less,lesser")
    assert result.code == 2
    assert "lesser is no order; the orders are less, equal, greater, overlaps" in result.err


def test_compare_json(monkeypatch: pytest.MonkeyPatch) -> None:
    """--json prints both phrases, the order, the reason and both severities."""
    result = run(monkeypatch, "compare", "--json", "life", "25 years", "--jurisdiction", "DE")
    record = json.loads(result.out)
    assert record["a"] == "life"
    assert record["b"] == "25 years"
    assert record["jurisdiction"] == "DE"
    assert record["order"] == "overlaps"
    assert record["basis"] == "interval"
    assert record["left"]["interval"] == "P15Y..life"
    assert record["right"]["interval"] == "P25Y"
    assert "§ 57a(1) StGB" in record["reason"]


def test_compare_unreadable_phrase_exits_2(monkeypatch: pytest.MonkeyPatch) -> None:
    """A phrase that does not parse is reported with its caret picture and exit status 2
    (no order was found: neither the 0 nor the 1 answer)."""
    result = run(monkeypatch, "compare", "life", "25 yaers")
    assert result.code == 2
    assert result.out == ""
    assert 'cannot read "25 yaers"' in result.err
    assert "did you mean 'years'?" in result.err


def test_compare_unknown_jurisdiction_lists_the_profiles(monkeypatch: pytest.MonkeyPatch) -> None:
    """A code that is no real territory is a usage error naming every available profile."""
    result = run(monkeypatch, "compare", "life", "life", "--jurisdiction", "XX")
    assert result.code == 2
    assert "unknown jurisdiction 'XX'" in result.err
    assert "a code with a profile: CN, DE, FR, GB, NO, US, US-CA, root" in result.err


def test_compare_with_a_real_code_without_a_profile(monkeypatch: pytest.MonkeyPatch) -> None:
    """A real code without a profile compares with the nearest profile (JP: root)."""
    result = run(monkeypatch, "compare", "life", "25 years", "--jurisdiction", "jp")
    assert result.code == 0
    assert result.out.startswith("OVERLAPS")


def test_parse_adds_months_and_band(monkeypatch: pytest.MonkeyPatch) -> None:
    """--months and --band add a line each for a person."""
    result = run(monkeypatch, PHRASE, "--months", "ussc", "--band", "space1")
    assert result.code == 0
    assert "  months: 6 to 120" in result.out.splitlines()
    assert "  band: 10y-<20y" in result.out.splitlines()


def test_parse_json_carries_months_band_and_severity(monkeypatch: pytest.MonkeyPatch) -> None:
    """JSON keeps the contract's keys and adds months, band and severity under their own."""
    argv = ["--json", "life", "--months", "cail", "--band", "bop", "--severity"]
    result = run(monkeypatch, *argv, "--jurisdiction", "DE")
    record = json.loads(result.out)
    assert record["components"][0]["max"] == "life"
    assert record["months"] == [-1.0, -1.0]
    assert record["band"] == "life"
    assert record["severity"]["interval"] == "P15Y..life"


def test_parse_jsonl_adds_fields_to_sentences_not_to_errors(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """In --jsonl, a sentence line gains the fields; an error line stays an error object."""
    result = run(monkeypatch, "--jsonl", "--band", "space1", stdin=b"10 years\nten yaers\n")
    first, second = (json.loads(line) for line in result.out.splitlines())
    assert first["band"] == "10y-<20y"
    assert "band" not in second
    assert "error" in second
    assert result.code == 1


@pytest.mark.parametrize("command", ["parse", "extract", "compare"])
@pytest.mark.parametrize("code", ["XX", "US-XX", "usa", "U-S"])
def test_unreal_jurisdiction_is_a_usage_error(
    monkeypatch: pytest.MonkeyPatch, command: str, code: str
) -> None:
    """A code that names no real territory exits 2 everywhere (issue 14, item 7)."""
    args = {"parse": ["10 years"], "extract": ["-"], "compare": ["life", "10 years"]}[command]
    result = run(monkeypatch, command, "--jurisdiction", code, *args, stdin=b"a fine of $5\n")
    assert result.code == 2
    assert f"unknown jurisdiction {code!r}" in result.err


def test_parse_band_with_a_real_code_without_a_profile(monkeypatch: pytest.MonkeyPatch) -> None:
    """--band with a real code that has no profile of its own uses the nearest one."""
    result = run(monkeypatch, "--band", "space1", "--jurisdiction", "ca", "10 years")
    assert result.code == 0
    assert "band: 10y-<20y" in result.out


def test_parse_unknown_scheme_is_a_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """An unknown --band scheme or --months convention exits 2 naming the choices."""
    result = run(monkeypatch, "--band", "space9", "10 years")
    assert result.code == 2
    assert "bop" in result.err
    assert "space1" in result.err


# render, and reading other languages


def test_render_writes_notation_json_or_phrase_in_a_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """render takes canonical notation, a JSON contract object or a phrase; one line each."""
    record = json.dumps(sentencenorm.parse("two years").to_dict())
    result = run(monkeypatch, "render", "custody P6M..P10Y", record, "--style", "digits")
    assert result.code == 0
    assert result.out.splitlines() == ["6 months to 10 years", "2 years"]


def test_render_reads_phrases_in_lang(monkeypatch: pytest.MonkeyPatch) -> None:
    """A phrase in --lang is read, then written in --locale."""
    result = run(monkeypatch, "render", "--lang", "zh", "有期徒刑十五年", "--style", "digits")
    assert result.code == 0
    assert result.out == "15 years\n"


def test_render_keeps_one_line_per_input_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """A value that cannot be read leaves an error row in its place and exit status 1."""
    result = run(monkeypatch, "render", "--style", "digits", stdin=b"custody P1Y\nnonsense\n{bad\n")
    assert result.code == 1
    lines = result.out.splitlines()
    assert lines[0] == "1 year"
    assert lines[1].startswith('error: cannot read "nonsense" at column 0: ')
    assert lines[2].startswith("error: not a sentence in the JSON contract: ")
    assert 'cannot read "nonsense"' in result.err
    assert "not a sentence in the JSON contract" in result.err


def test_render_unknown_locale_is_a_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """An unknown --locale exits 2 naming the problem."""
    result = run(monkeypatch, "render", "custody P1Y", "--locale", "xx")
    assert result.code == 2
    assert "unknown locale 'xx'" in result.err


def test_render_locale_without_wording(monkeypatch: pytest.MonkeyPatch) -> None:
    """A locale whose language has no wording exits 2 naming it, unless the notation is
    asked for."""
    result = run(monkeypatch, "render", "custody P1Y", "--locale", "nl")
    assert result.code == 2
    assert "no wording for locale 'nl' (Dutch)" in result.err
    result = run(
        monkeypatch, "render", "custody P1Y", "--locale", "nl", "--unsupported", "notation"
    )
    assert result.code == 0
    assert result.out == "custody P1Y\n"


def test_render_value_without_wording(monkeypatch: pytest.MonkeyPatch) -> None:
    """A value the locale cannot say leaves an error row, a message naming it and exit
    status 1; with --unsupported notation it is written in the notation."""
    values = b"deprivation_of_rights P3Y..life\ncustody P2Y\n"
    result = run(monkeypatch, "render", "--locale", "zh", stdin=values)
    assert result.code == 1
    lines = result.out.splitlines()
    assert lines[0].startswith("error: cannot write 'deprivation_of_rights P3Y..life' in 'zh'")
    assert lines[1] == "有期徒刑二年"
    assert "cannot write 'deprivation_of_rights P3Y..life' in 'zh'" in result.err
    result = run(monkeypatch, "render", "--locale", "zh", "--unsupported", "notation", stdin=values)
    assert result.code == 0
    assert result.out.splitlines() == ["deprivation_of_rights P3Y..life", "有期徒刑二年"]


def test_parse_in_chinese(monkeypatch: pytest.MonkeyPatch) -> None:
    """`sentencenorm parse "有期徒刑十五年" --lang zh` reads Chinese court wording."""
    result = run(monkeypatch, "parse", "有期徒刑十五年", "--lang", "zh", "--json")
    assert result.code == 0
    assert json.loads(result.out)["components"][0]["max"] == "P15Y"


def test_lang_auto_picks_the_grammar_per_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """--lang auto reads each line with the grammar its script and words call for."""
    data = "判处死刑，缓期二年执行\nsix months to 10 years\n".encode()
    result = run(monkeypatch, "parse", "--jsonl", "--lang", "auto", stdin=data)
    first, second = (json.loads(line) for line in result.out.splitlines())
    assert first["components"][0] == {"kind": "death", "suspended": True, "reprieve": "P2Y"}
    assert second["components"][0]["max"] == "P10Y"


def test_extract_chinese_document(monkeypatch: pytest.MonkeyPatch) -> None:
    """extract --lang zh finds the court's own words with exact offsets."""
    text = "法院以受贿罪判处被告人王某有期徒刑十年，并处罚金人民币五十万元。"
    result = run(monkeypatch, "extract", "--jsonl", "--lang", "zh", "-", stdin=text.encode())
    [record] = [json.loads(line) for line in result.out.splitlines()]
    assert text[record["start"] : record["end"]] == record["text"]
    assert record["modality"] == "imposed"
    assert [c["kind"] for c in record["components"]] == ["custody", "fine"]


# batches: workers, CSV, folders


def test_jsonl_with_workers_keeps_order_and_every_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """--workers 2 gives the same lines, in the same order, as one process."""
    data = ("six months to 10 years\nten yaers\n\xff\nlife\n" * 50).encode("latin-1")
    single = run(monkeypatch, "--jsonl", stdin=data)
    multi = run(monkeypatch, "--jsonl", "--workers", "2", stdin=data)
    assert multi.out == single.out
    assert len(multi.out.splitlines()) == 200
    assert multi.code == single.code == 1


def test_csv_in_csv_out(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """--csv-column reads a CSV and writes it back with sentence, json and error columns."""
    source = tmp_path / "cases.csv"
    source.write_text(
        'id,text\n1,six months to 10 years\n2,"ten yaers"\n3,"fined $500, and costs"\n4\n',
        encoding="utf-8",
    )
    result = run(monkeypatch, "parse", "--csv-column", "text", str(source))
    rows = list(csv.reader(io.StringIO(result.out)))
    assert rows[0] == ["id", "text", "sentence", "json", "error"]
    assert rows[1][:3] == ["1", "six months to 10 years", "custody P6M..P10Y"]
    assert json.loads(rows[1][3])["components"][0]["max"] == "P10Y"
    assert rows[2][2:4] == ["", ""]
    assert "cannot read" in rows[2][4]
    assert rows[4][0] == "4"
    assert "no column 2" in rows[4][-1]
    assert len(rows) == 5
    assert result.code == 1
    assert re.fullmatch(r"4 rows: \d parsed, \d failed, [\d,]+/s\n", result.err)


def test_csv_unknown_column_is_a_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """A --csv-column that the header lacks exits 2 naming the columns there are."""
    result = run(monkeypatch, "parse", "--csv-column", "phrase", stdin=b"id,text\n1,life\n")
    assert result.code == 2
    assert "no column 'phrase'" in result.err


def test_extract_reads_every_file_of_a_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A folder stands for the files under it, in sorted order; --workers keeps that order."""
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text("He was fined $500.", encoding="utf-8")
    (tmp_path / "b" / "c.txt").write_text("She was jailed for 3 years.", encoding="utf-8")
    (tmp_path / ".hidden").write_text("He was fined $9.", encoding="utf-8")
    result = run(monkeypatch, "extract", "--jsonl", "--workers", "2", str(tmp_path))
    records = [json.loads(line) for line in result.out.splitlines()]
    assert [Path(r["file"]).name for r in records] == ["a.txt", "c.txt"]
    assert [r["text"] for r in records] == ["was fined $500", "was jailed for 3 years"]
