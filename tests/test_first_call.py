"""A first call pays for what it uses (issue 18): a fresh process that parses English loads
neither Babel, the writer, the JSON converter, the law, dask nor the worker pool, and reads the
files of English only; ``extract`` and ``parse`` of one language read that language's files.

Each case runs in a new process and looks at `sys.modules` and at the files it opened (an
audit hook). How fast the first call is lives in the benchmarks (``first_call``), not here.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap

import pytest

#: Modules a plain ``parse`` (or ``extract``) has no use for.
NOT_FOR_READING = (
    "babel",
    "cattrs",
    "dask",
    "pandas",
    "multiprocessing",
    "concurrent.futures",
    "sentencenorm.writing.renderer",
    "sentencenorm.writing.writer",
    "sentencenorm.writing.wording",
    "sentencenorm.writing.serialize",
    "sentencenorm.law.bands",
    "sentencenorm.law.severity",
    "sentencenorm.law.comparison",
    "sentencenorm.cli",
)

PROBE = textwrap.dedent(
    """
    import json, sys
    opened = []
    def hook(event, args):
        if event == "open" and isinstance(args[0], str):
            opened.append(args[0])
    sys.addaudithook(hook)
    {code}
    print(json.dumps({{"modules": sorted(sys.modules), "opened": opened}}))
    """
)

#: A language's own files: its lexicon, tables, grammar, extraction context, hints.
OWN_FILE = re.compile(
    r"(?:lexicon|tables|hints|grammar)/(?P<lang>[a-z]+)(?:\.context)?\.(?:toml|tables|lark)$"
)


def probe(code: str) -> tuple[set[str], set[str]]:
    """The modules a new process running *code* has loaded, and the languages whose own files
    it opened."""
    program = PROBE.format(code=textwrap.dedent(code).strip())
    done = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=True, timeout=300
    )
    found = json.loads(done.stdout.splitlines()[-1])
    languages = {
        match["lang"]
        for path in found["opened"]
        if (match := OWN_FILE.search(path.replace("\\", "/"))) is not None
    }
    return set(found["modules"]), languages - {"skeleton", "notation"}


def loaded(modules: set[str], name: str) -> bool:
    return any(module == name or module.startswith(f"{name}.") for module in modules)


def test_import_alone_loads_only_the_errors() -> None:
    """``import sentencenorm`` loads the package and its errors; each name loads when used."""
    modules, languages = probe("import sentencenorm")
    ours = {module for module in modules if module.startswith("sentencenorm.")}
    assert ours == {"sentencenorm.errors"}
    assert not languages


def test_parse_in_english_loads_english_only() -> None:
    """A phrase read in English: no writer, Babel, JSON converter, law, dask or process pool,
    and no file of another language (nor the hints, which only a failure needs)."""
    modules, languages = probe(
        """
        import sentencenorm
        assert str(sentencenorm.parse("six months to 10 years")) == "custody P6M..P10Y"
        """
    )
    assert not [name for name in NOT_FOR_READING if loaded(modules, name)]
    assert languages == {"en"}
    assert "sentencenorm.reading.extractor" not in modules
    assert "sentencenorm.reading.hints" not in modules  # the words of an error: on failure


def test_parse_many_loads_no_process_pool() -> None:
    """``parse_many`` with one worker (the CLI's default) loads neither `multiprocessing` nor
    the extractor."""
    modules, languages = probe(
        """
        import sentencenorm
        assert len(list(sentencenorm.parse_many(["six months to 10 years", "ten yaers"]))) == 2
        """
    )
    assert not [name for name in NOT_FOR_READING if loaded(modules, name)]
    assert "sentencenorm.reading.extractor" not in modules
    assert languages == {"en"}


@pytest.mark.parametrize(
    ("lang", "phrase"),
    [("zh", "判处有期徒刑十五年"), ("de", "drei Jahre Freiheitsstrafe"), ("en", "six monts")],
)
def test_parse_reads_the_files_of_its_language_only(lang: str, phrase: str) -> None:
    """Another language, or a phrase that fails (its message and hint), reads that language's
    files only."""
    modules, languages = probe(
        f"""
        import sentencenorm
        try:
            sentencenorm.parse({phrase!r}, lang={lang!r})
        except sentencenorm.SentenceParseError as error:
            assert error.expected
        """
    )
    assert languages == {lang}
    assert not loaded(modules, "sentencenorm.writing.writer")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "He was sentenced to six months to 10 years in prison. The weather was fine."),
        ("zh", "被告人张某犯盗窃罪，判处有期徒刑三年。"),
    ],
)
def test_extract_pays_for_one_language(lang: str, text: str) -> None:
    """``extract`` in a fresh process reads its language's files only, without the writer."""
    modules, languages = probe(
        f"""
        import sentencenorm
        assert sentencenorm.extract({text!r}, lang={lang!r})
        """
    )
    assert languages == {lang}
    assert not [name for name in NOT_FOR_READING if loaded(modules, name)]


def test_cli_parse_json_loads_no_writer() -> None:
    """``sentencenorm parse --json PHRASE`` builds only parse's options: no writer, no Babel,
    no law (its --months and --band choices are read when one is given), one language."""
    modules, languages = probe(
        """
        import contextlib, io
        from sentencenorm.cli import main
        with contextlib.redirect_stdout(io.StringIO()) as out:
            assert main(["parse", "--json", "six months to 10 years"]) == 0
        assert '"P10Y"' in out.getvalue()
        """
    )
    json_side = {"cattrs", "sentencenorm.writing.serialize", "sentencenorm.cli"}
    unwanted = [name for name in NOT_FOR_READING if name not in json_side]
    assert not [name for name in unwanted if loaded(modules, name)]
    assert languages == {"en"}


def test_cli_phrase_reads_one_language() -> None:
    """``sentencenorm PHRASE`` (its words line is rendered in English) reads English only, and
    loads neither the JSON converter nor the law nor a process pool."""
    modules, languages = probe(
        """
        import contextlib, io
        from sentencenorm.cli import main
        with contextlib.redirect_stdout(io.StringIO()) as out:
            assert main(["six months to 10 years"]) == 0
        assert "custody: 6 months to 10 years" in out.getvalue()
        """
    )
    unwanted = ("cattrs", "multiprocessing", "concurrent.futures", "sentencenorm.law.bands")
    assert not [name for name in unwanted if loaded(modules, name)]
    assert languages == {"en"}
