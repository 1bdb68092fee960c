"""The command line fits the shell: typo'd commands and words, the --lang a text needs, grep's
-c/-l/-q/--max-count for extract, compare's status, completion, refusals and short help."""

from __future__ import annotations

import argparse
import json
import sys
import types
from pathlib import Path

import pytest
from cli_harness import run

import sentencenorm
from sentencenorm.cli import advice
from sentencenorm.language import Language, languages
from sentencenorm.law import jurisdictions

GERMAN = "Er wurde zu drei Jahren Freiheitsstrafe verurteilt.\n"
ENGLISH = "He was sentenced to 10 years in prison and a fine of $500.\n"

# ── 1. a mistyped command ─────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("argv", "meant"),
    [
        (["extrct"], "extract"),
        (["extrct", "article.txt"], "extract"),
        (["pasre"], "parse"),
        (["comapre", "life", "2 years"], "compare"),
        (["rendr"], "render"),
    ],
)
def test_a_mistyped_command_is_named(
    monkeypatch: pytest.MonkeyPatch, argv: list[str], meant: str
) -> None:
    """A first argument that is one lowercase word close to a command, and no phrase, is a
    usage error suggesting the command (not a phrase that fails to parse)."""
    result = run(monkeypatch, *argv)
    assert result.code == 2
    assert result.out == ""
    assert f"unknown command {argv[0]!r}; did you mean {meant}?" in result.err
    assert "cannot read" not in result.err


@pytest.mark.parametrize("phrase", ["life", "death", "84 months in prison", "zebra"])
def test_a_phrase_without_a_command_is_still_parsed(
    monkeypatch: pytest.MonkeyPatch, phrase: str
) -> None:
    """Words that read as a phrase, and words close to no command, stay phrases of parse."""
    result = run(monkeypatch, phrase)
    assert "unknown command" not in result.err
    assert result.code == (1 if phrase == "zebra" else 0)


def test_parse_double_dash_reads_a_command_like_word(monkeypatch: pytest.MonkeyPatch) -> None:
    """The way out the message names: `parse -- extrct` reads the word as a phrase."""
    result = run(monkeypatch, "parse", "--", "extrct")
    assert result.code == 1
    assert 'cannot read "extrct"' in result.err


# ── 2. a misspelled word ──────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("phrase", "word"),
    [
        ("84 months in prisn", "prison"),
        ("ten yaers", "years"),
        ("six mnths", "months"),
        ("life withot parole", "without"),
    ],
)
def test_a_misspelled_word_gets_the_word_it_looks_like(
    monkeypatch: pytest.MonkeyPatch, phrase: str, word: str
) -> None:
    """After the caret picture: "did you mean '<word>'?", a word of the grammar."""
    result = run(monkeypatch, phrase)
    assert result.code == 1
    lines = result.err.splitlines()
    assert lines[0].startswith(f"cannot read {json.dumps(phrase)} at column")
    assert lines[3] == f"  did you mean {word!r}?"


def test_no_suggestion_without_a_close_word(monkeypatch: pytest.MonkeyPatch) -> None:
    """A word close to nothing the grammar knows gets no guess."""
    result = run(monkeypatch, "ten zqxwvk")
    assert result.code == 1
    assert "did you mean" not in result.err


def test_the_vocabulary_is_built_only_after_a_failure(monkeypatch: pytest.MonkeyPatch) -> None:
    """Phrases that parse never build the grammar's word list."""
    calls: list[str] = []

    def vocabulary(lang: str) -> frozenset[str]:
        calls.append(lang)
        return frozenset({"years"})

    monkeypatch.setattr(advice, "vocabulary", vocabulary)
    assert run(monkeypatch, "six months to 10 years", "life").code == 0
    assert calls == []
    assert "did you mean 'years'?" in run(monkeypatch, "ten yaers").err
    assert calls == ["en"]


def test_the_vocabulary_holds_the_grammar_words() -> None:
    """Words of the terminals' patterns, an optional last letter both ways."""
    words = advice.vocabulary("en")
    assert {"prison", "prisons", "years", "months", "supervised", "release"} <= words
    assert "zqxwvk" not in words


# ── 3. the --lang a text needs ────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("phrase", "advice_line"),
    [
        ("判处有期徒刑十五年", "this reads as Chinese: use --lang zh"),
        ("drei Jahre Freiheitsstrafe", "this reads as German: use --lang de"),
        ("cinq ans d'emprisonnement", "this reads as French: use --lang fr"),
    ],
)
def test_another_language_is_named(
    monkeypatch: pytest.MonkeyPatch, phrase: str, advice_line: str
) -> None:
    """A phrase the default language cannot read, and another can, names that --lang."""
    result = run(monkeypatch, phrase)
    assert result.code == 1
    assert f"  {advice_line}" in result.err.splitlines()
    code = advice_line.rsplit(" ", 1)[-1]
    assert run(monkeypatch, "--lang", code, phrase).code == 0


def test_an_explicit_lang_gets_no_language_advice(monkeypatch: pytest.MonkeyPatch) -> None:
    """--lang en given on purpose: the phrase is not English, and nothing says otherwise."""
    result = run(monkeypatch, "--lang", "en", "drei Jahre Freiheitsstrafe")
    assert result.code == 1
    assert "--lang de" not in result.err


def test_extract_names_the_language_of_a_text_it_finds_nothing_in(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """extract of German text with the default language: nothing found, said on stderr with
    the --lang that reads it; the status stays that of a run without matches (0)."""
    german = tmp_path / "urteil.txt"
    german.write_text(GERMAN, encoding="utf-8")
    result = run(monkeypatch, "extract", str(german))
    assert result.code == 0
    assert result.out == ""
    assert f"found nothing in {german}; the text looks German: try --lang de" in result.err
    assert "--lang de" not in run(monkeypatch, "extract", "--lang", "en", str(german)).err
    found = run(monkeypatch, "extract", "--lang", "de", "--jsonl", str(german))
    assert found.out.count("\n") >= 1


# ── 4. extract -c, -l, -q, --max-count; compare's status (test_cli.py) ───────────────────────


@pytest.fixture
def documents(tmp_path: Path) -> tuple[Path, Path]:
    german, english = tmp_path / "de.txt", tmp_path / "en.txt"
    german.write_text(GERMAN, encoding="utf-8")
    english.write_text(ENGLISH * 3, encoding="utf-8")
    return german, english


def test_extract_count(monkeypatch: pytest.MonkeyPatch, documents: tuple[Path, Path]) -> None:
    """-c prints each input's number of matches, named when there are several (grep -c)."""
    german, english = documents
    result = run(monkeypatch, "extract", "-c", str(german), str(english))
    assert result.code == 0
    assert result.out == f"{german}:0\n{english}:3\n"
    assert run(monkeypatch, "extract", "--count", str(english)).out == "3\n"
    piped = run(monkeypatch, "extract", "-c", "--max-count", "2", stdin=ENGLISH.encode() * 3)
    assert piped.out == "2\n"


def test_extract_files_with_matches(
    monkeypatch: pytest.MonkeyPatch, documents: tuple[Path, Path]
) -> None:
    """-l prints the names of the inputs with a match, nothing else."""
    german, english = documents
    result = run(monkeypatch, "extract", "-l", str(german), str(english))
    assert result.code == 0
    assert result.out == f"{english}\n"
    piped = run(monkeypatch, "extract", "--files-with-matches", stdin=ENGLISH.encode())
    assert piped.out == "(standard input)\n"


def test_extract_quiet(monkeypatch: pytest.MonkeyPatch, documents: tuple[Path, Path]) -> None:
    """-q prints nothing and answers with its status: 0 some match, 1 none."""
    german, english = documents
    found = run(monkeypatch, "extract", "-q", str(german), str(english))
    assert (found.code, found.out) == (0, "")
    none = run(monkeypatch, "extract", "--quiet", str(german))
    assert (none.code, none.out, none.err) == (1, "", "")


def test_extract_quiet_stops_at_the_first_match(
    monkeypatch: pytest.MonkeyPatch, documents: tuple[Path, Path], tmp_path: Path
) -> None:
    """As grep -q: once a match is found the answer is known, and later inputs are not read
    (a missing one is not even reported); without a match every input is read."""
    german, english = documents
    missing = tmp_path / "missing.txt"
    found = run(monkeypatch, "extract", "-q", str(english), str(missing))
    assert (found.code, found.err) == (0, "")
    none = run(monkeypatch, "extract", "-q", str(german), str(missing))
    assert none.code == 1
    assert f"cannot read {missing}" in none.err


def test_extract_max_count(monkeypatch: pytest.MonkeyPatch, documents: tuple[Path, Path]) -> None:
    """--max-count N keeps the first N matches of each input, in every output."""
    _, english = documents
    every = run(monkeypatch, "extract", "--jsonl", str(english)).out.splitlines()
    first = run(monkeypatch, "extract", "--jsonl", "--max-count", "1", str(english))
    assert first.out.splitlines() == every[:1]
    human = run(monkeypatch, "extract", "--max-count", "2", str(english))
    assert human.out.count("\n    ") == 2
    assert f"{english}: 2 matches" in human.err


@pytest.mark.parametrize(
    ("argv", "problem"),
    [
        (["-c", "-l"], "not allowed with argument"),
        (["-q", "--jsonl"], "not allowed with argument"),
        (["--max-count", "0"], "--max-count must be 1 or more"),
        (["--max-count", "x"], "invalid int value"),
    ],
)
def test_extract_flags_that_do_not_fit(
    monkeypatch: pytest.MonkeyPatch, argv: list[str], problem: str
) -> None:
    result = run(monkeypatch, "extract", *argv, "-")
    assert result.code == 2
    assert problem in result.err


# ── 5. completion ─────────────────────────────────────────────────────────────────────────────


def test_completion_hands_the_parser_to_argcomplete(monkeypatch: pytest.MonkeyPatch) -> None:
    """With argcomplete installed and the shell asking, argcomplete gets the whole parser
    (every command and option); the marker it looks for is at the top of the modules."""
    seen: list[object] = []
    fake = types.ModuleType("argcomplete")
    fake.autocomplete = seen.append  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "argcomplete", fake)
    monkeypatch.setenv("_ARGCOMPLETE", "1")
    run(monkeypatch, "life")
    (parser,) = seen
    assert isinstance(parser, argparse.ArgumentParser)
    (commands,) = (a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    assert set(commands.choices) == {"parse", "extract", "compare", "render"}
    for module in ("cli/__init__.py", "__main__.py"):
        path = Path(sentencenorm.__file__).parent / module
        assert path.read_text(encoding="utf-8").startswith("# PYTHON_ARGCOMPLETE_OK\n")


def test_completion_without_argcomplete_is_no_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "argcomplete", None)  # import fails
    monkeypatch.setenv("_ARGCOMPLETE", "1")
    assert run(monkeypatch, "life").code == 0


def test_the_completion_extra_is_declared() -> None:
    import tomllib

    pyproject = Path(__file__).resolve().parents[1] / "pyproject.toml"
    extras = tomllib.loads(pyproject.read_text())["project"]["optional-dependencies"]
    assert any(item.startswith("argcomplete") for item in extras["completion"])


# ── 6. failures are never silent, options never ignored ──────────────────────────────────────


@pytest.mark.parametrize("flag", ["--json", "--jsonl"])
def test_csv_column_refuses_json_output(monkeypatch: pytest.MonkeyPatch, flag: str) -> None:
    """--json or --jsonl with --csv-column is refused, naming both, not ignored."""
    result = run(monkeypatch, flag, "--csv-column", "text", stdin=b"text\nlife\n")
    assert result.code == 2
    assert result.out == ""
    assert f"{flag} and --csv-column cannot go together" in result.err


# ── 7. short help for each command ────────────────────────────────────────────────────────────


def test_parse_help_lists_the_languages_and_jurisdictions(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """From the data: every language with its name, every jurisdiction profile."""
    text = " ".join(run(monkeypatch, "parse", "--help").out.split())
    for code in languages():
        assert f"{code} ({Language.get(code).name})" in text
    assert ", ".join(jurisdictions.available()) in text


@pytest.mark.parametrize("command", ["parse", "extract", "compare", "render"])
def test_each_help_shows_its_own_examples(monkeypatch: pytest.MonkeyPatch, command: str) -> None:
    """A command's --help shows examples of that command only, and stays short."""
    result = run(monkeypatch, command, "--help")
    assert result.code == 0
    examples = result.out.split("examples:\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert examples
    assert all(f"sentencenorm {command} " in line for line in examples)
    assert len(result.out.splitlines()) < 70
