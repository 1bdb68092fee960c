"""Word meanings per language, read once from ``data/lexicon/<lang>.toml``.

The reader (transformer) and the writer (renderer) both take number and unit words from here,
so "twenty-five" means 25 in both directions. Which words exist in a phrase, and where, is the
grammar's business (``grammar/<lang>.lark``).
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Mapping
from fractions import Fraction
from typing import Any, Final

import attrs

from ._resources import data_dir
from .errors import UnknownLanguageError

_SPACES: Final = re.compile(r"[\s\-‐‑‒–—]+")


def fold(text: str) -> str:
    """Lower case, with each run of spaces and hyphens made one space."""
    return _SPACES.sub(" ", text.strip().lower())


@attrs.frozen
class Lexicon:
    """The word tables of one language. See ``data/lexicon/en.toml`` for what each holds."""

    lang: str
    numbers: Mapping[str, int]
    number_scales: Mapping[str, int]
    fractions: Mapping[str, Fraction]
    units: Mapping[str, tuple[str, int]]
    money_scales: Mapping[str, int]
    currency_signs: Mapping[str, str]
    currency_words: Mapping[str, str]
    by_jurisdiction: Mapping[str, Mapping[str, str]]
    count_words: Mapping[str, int]
    modality_aux: Mapping[str, str]
    modality_verbs: Mapping[str, str]
    aggregation: Mapping[str, str]
    other_labels: tuple[tuple[str, str], ...]

    def number(self, words: str) -> int:
        """The value of a spelled-out cardinal ("one hundred and twenty" -> 120).

        >>> lexicon("en").number("Twenty-five thousand, three hundred and six")
        25306
        """
        total = current = 0
        for word in fold(words.replace(",", " ")).split():
            if word == "and":
                continue
            scale = self.number_scales.get(word)
            if scale == 100:
                current = (current or 1) * 100
            elif scale is not None:
                total += (current or 1) * scale
                current = 0
            else:
                current += self.numbers[word]
        return total + current

    def currency(self, sign: str, country: str | None) -> str | None:
        """The ISO 4217 code a sign or word stands for in *country*; None when ambiguous."""
        key = fold(sign)
        code = self.currency_signs.get(key) or self.currency_words.get(key)
        table = self.by_jurisdiction.get(code or "")
        if table is not None:
            return table.get(country or "", table.get("default"))
        return code

    def other_label(self, words: str) -> str | None:
        """The canonical label of a penalty kept as `other`, if the words name one."""
        folded = fold(words)
        for key, label in self.other_labels:
            if key in folded:
                return label
        return None


def available_languages() -> tuple[str, ...]:
    """Language codes that have a lexicon."""
    return tuple(sorted(path.stem for path in (data_dir() / "lexicon").glob("*.toml")))


@functools.cache
def lexicon(lang: str) -> Lexicon:
    """The lexicon of *lang*, loaded once per process."""
    path = data_dir() / "lexicon" / f"{lang}.toml"
    if not isinstance(lang, str) or not lang.isidentifier() or not path.is_file():
        raise UnknownLanguageError(lang, available_languages())
    raw: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
    return Lexicon(
        lang=lang,
        numbers=raw.get("numbers", {}),
        number_scales=raw.get("number_scales", {}),
        fractions={key: Fraction(*value) for key, value in raw.get("fractions", {}).items()},
        units={key: (part, amount) for key, (part, amount) in raw.get("units", {}).items()},
        money_scales=raw.get("money_scales", {}),
        currency_signs=raw.get("currency_signs", {}),
        currency_words=raw.get("currency_words", {}),
        by_jurisdiction=raw.get("by_jurisdiction", {}),
        count_words=raw.get("count_words", {}),
        modality_aux=raw.get("modality_aux", {}),
        modality_verbs=raw.get("modality_verbs", {}),
        aggregation=raw.get("aggregation", {}),
        other_labels=tuple(raw.get("other_labels", {}).items()),
    )
