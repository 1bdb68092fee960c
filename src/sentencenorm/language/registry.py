"""`Language`: everything sentencenorm knows of one language, loaded from data when asked.

The list of languages is ``data/languages.toml``; each language's parts live where their
kind lives (its grammar under ``grammar/``, its words, hints and writing under ``data/``),
named after its code. A `Language` finds them, reads each the first time it is asked for,
and keeps it: the read side builds its parser, context and error words from them, the write
side its wording. Adding a language is adding its files and its table in languages.toml.

>>> english = Language.get("en")
>>> english.name, english.scripts, english.grammar_path.name
('English', ('Latn',), 'en.lark')
>>> Language.get("zh").cleaning[-2:]
('line_breaks', 'word_spaces')
>>> "fr" in languages()
True
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final

import attrs

from .._resources import data_dir, grammar_dir
from ..errors import UnknownLanguageError
from .lexicon import Lexicon, read_lexicon

__all__ = ["CLEANING_RULES", "DETECTION", "Language", "languages", "lexicon"]

#: The text-cleaning rules a language may name (the read side applies them).
CLEANING_RULES: Final = (
    "zero_width",
    "pinyin_readings",
    "numeral_spaces",
    "restated_figures",
    "line_breaks",
    "word_spaces",
)
#: How ``lang="auto"`` may recognize a language.
DETECTION: Final = ("script", "vocabulary")


@functools.cache
def _table() -> Mapping[str, Mapping[str, Any]]:
    raw: dict[str, Any] = tomllib.loads((data_dir() / "languages.toml").read_text("utf-8"))
    return raw


def languages() -> tuple[str, ...]:
    """The codes of every language sentencenorm reads and writes, sorted."""
    return tuple(sorted(_table()))


@attrs.frozen
class Language:
    """One language: its name, scripts and cleaning rules, and where each of its parts is.

    The parts (`lexicon`, `context`, `hints`, `writing`, `grammar`) are read from their files
    the first time they are asked for, once per process.
    """

    code: str
    name: str
    scripts: tuple[str, ...]
    cleaning: tuple[str, ...]
    detect: str

    @classmethod
    def get(cls, code: object) -> Language:
        """The language *code* names; `UnknownLanguageError`, listing them all, otherwise."""
        if not isinstance(code, str) or code not in _table():
            raise UnknownLanguageError(code, languages())
        return _language(code)

    @property
    def grammar_path(self) -> Path:
        """Its Lark grammar, ``grammar/<code>.lark``."""
        return grammar_dir() / f"{self.code}.lark"

    @property
    def grammar(self) -> str:
        """The text of its own grammar file (the reader lays it over ``grammar/skeleton.lark``
        and fills in its number words: `sentencenorm.reading.compose`)."""
        return _grammar_text(self.code)

    @property
    def context_path(self) -> Path:
        """Its extraction context, ``grammar/<code>.context.toml``."""
        return grammar_dir() / f"{self.code}.context.toml"

    @property
    def context(self) -> Mapping[str, Any]:
        """Its extraction context as the file states it (compiled by the read side)."""
        return _toml(self.context_path)

    @property
    def lexicon(self) -> Lexicon:
        """What its words mean (``data/lexicon/<code>.toml``)."""
        return _lexicon(self.code)

    @property
    def hints(self) -> Mapping[str, Any]:
        """Its error words and common mistakes as ``data/hints/<code>.toml`` states them."""
        return _toml(data_dir() / "hints" / f"{self.code}.toml")

    @property
    def writing(self) -> Mapping[str, Any]:
        """How render writes it, as ``data/locales/<code>.toml`` states it (its locale chain
        lays this over ``root.toml``)."""
        return _toml(data_dir() / "locales" / f"{self.code}.toml")

    @property
    def mistakes(self) -> tuple[str, ...]:
        """The phrases its hints give as common mistakes: each must fail with its hint."""
        entries = self.hints.get("hints", {})
        return tuple(example for entry in entries.values() for example in entry["examples"])


@functools.cache
def _language(code: str) -> Language:
    entry = _table()[code]
    return Language(
        code=code,
        name=str(entry["name"]),
        scripts=tuple(entry["scripts"]),
        cleaning=tuple(entry["cleaning"]),
        detect=str(entry["detect"]),
    )


def lexicon(code: str) -> Lexicon:
    """The lexicon of the language *code* (`UnknownLanguageError` for any other code)."""
    return Language.get(code).lexicon


@functools.cache
def _lexicon(code: str) -> Lexicon:
    return read_lexicon(code)


@functools.cache
def _grammar_text(code: str) -> str:
    return (grammar_dir() / f"{code}.lark").read_text(encoding="utf-8")


@functools.cache
def _toml(path: Path) -> Mapping[str, Any]:
    if not path.is_file():
        return {}
    raw: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
    return raw
