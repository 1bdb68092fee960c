"""The context patterns' analysis built ahead (sentencenorm.reading.prepared): read back, it
is what the patterns give when analysed in the process; a stale or damaged file is never
used, and a pattern it does not hold is analysed as before."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sentencenorm.reading import caseless, endings, prepared
from sentencenorm.reading.caseless import Caseless, analysed
from sentencenorm.reading.context import build_context
from sentencenorm.reading.grammars import available_languages
from sentencenorm.reading.scanning import lowered

LANGUAGES = available_languages()


def _cues(lang: str) -> list[Caseless]:
    return [cue.pattern for cue in build_context(lang).cues]


@pytest.fixture(autouse=True)
def _forgotten() -> object:
    """Each test starts and ends with nothing known (the process's contexts keep theirs)."""
    prepared._forget()
    yield
    prepared._forget()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_stored_analysis_is_the_one_worked_out(lang: str, tmp_path: Path) -> None:
    """Every pattern's stored analysis (and each cue's endings) equals the one worked out now,
    and the file is fresh for the context it was built from."""
    prepared.write(lang, tmp_path, lambda: _cues(lang))
    assert prepared.fresh(lang, tmp_path, lambda: _cues(lang))
    stored = dict(prepared.KNOWN), dict(prepared.LEADS), dict(endings.KNOWN_ENDS)
    assert stored[0]
    assert stored[2]
    for (source, flags), analysis in stored[0].items():
        assert analysis == analysed(source, flags), source
    for (source, flags), found in stored[2].items():
        assert found == endings._tester(source, flags), source
    # The stored code of each form compiles to the very pattern ``re`` compiles.
    assert caseless.KNOWN_CODE
    for (source, flags), code in caseless.KNOWN_CODE.items():
        assert code == caseless.code_of(source, flags)
        assert caseless.compiled(source, flags) == re.compile(source, flags), source


def test_a_stale_or_damaged_file_is_not_read(tmp_path: Path) -> None:
    prepared.write("en", tmp_path, lambda: _cues("en"))
    path = tmp_path / "en.context.tables"
    good = path.read_bytes()
    path.write_bytes(good[: len(good) // 2])
    assert not prepared.read("en", tmp_path)
    assert not prepared.KNOWN
    path.write_bytes(good)
    assert prepared.read("en", tmp_path)
    prepared._forget()
    original = prepared.fingerprint

    def other() -> str:
        return original() + "x"

    try:
        prepared.fingerprint = other  # type: ignore[assignment]
        assert not prepared.read("en", tmp_path)
        assert not prepared.KNOWN
    finally:
        prepared.fingerprint = original  # type: ignore[assignment]


def test_a_pattern_not_stored_is_analysed(tmp_path: Path) -> None:
    """A context file edited since the tables were built: its new pattern is analysed when it
    is loaded, and the tables are no longer fresh for it."""
    prepared.write("en", tmp_path, lambda: _cues("en"))
    assert prepared.read("en", tmp_path)
    source = r"\bsentenced\s+anew\s+to\s*$"
    assert (source, re.IGNORECASE) not in prepared.KNOWN

    def edited() -> list[Caseless]:
        return [*_cues("en"), prepared.caseless(source)]

    assert not prepared.fresh("en", tmp_path, edited)
    pattern = prepared.caseless(source)
    text = "He was SENTENCED anew to "
    assert [m.span() for m in pattern.finditer(text, lowered(text))] == [(7, 25)]
    assert [m.span() for m in pattern.finditer(text, None)] == [(7, 25)]


def test_each_form_is_compiled_when_first_searched() -> None:
    pattern = prepared.caseless(r"\bjail(?:ed)?\b")
    assert pattern._pattern is None
    assert pattern._lowered is None
    text = "JAILED"
    assert pattern.search(text, lowered(text)) is not None
    assert pattern._lowered is not None
    assert pattern._pattern is None
    assert pattern.search(text, None) is not None
    assert pattern._pattern is not None
