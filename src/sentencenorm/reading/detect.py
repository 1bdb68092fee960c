"""`detect_language`: which grammar should read a text, from its script and vocabulary.

A language whose `detect` is "script" (Chinese) is told by any character of its script.
Between the others, the one whose sentencing vocabulary (the ``keywords`` of
``grammar/<lang>.context.toml``, the same words `extract` uses to find penalties) occurs most
often wins; English when none does or on a tie.

>>> detect_language("判处有期徒刑十五年"), detect_language("six months to 10 years")
('zh', 'en')
"""

from __future__ import annotations

import functools
import re
from typing import Final

from ..language import Language, languages

__all__ = ["AUTO", "detect_language"]

#: The `lang` value that asks for detection.
AUTO: Final = "auto"
_DEFAULT: Final = "en"
#: The characters of each script a language may be told by (ISO 15924 codes), compiled by the
#: first detection (a range of 27,000 characters takes milliseconds to compile).
_SCRIPT_CHARACTERS: Final = {"Hani": r"[\u3400-\u9fff\uf900-\ufaff]"}


@functools.cache
def _by_script() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Languages told by their script (`detect = "script"`), with its characters."""
    found = []
    for code in languages():
        language = Language.get(code)
        if language.detect == "script":
            found += [(code, re.compile(_SCRIPT_CHARACTERS[script])) for script in language.scripts]
    return tuple(found)


@functools.cache
def _vocabulary() -> dict[str, re.Pattern[str]]:
    """Each language told by its words: its context file's keywords, compiled once."""
    found = {}
    for code in languages():
        language = Language.get(code)
        keywords = language.context.get("keywords")
        if language.detect == "vocabulary" and keywords:
            found[code] = re.compile(keywords, re.IGNORECASE)
    return found


def detect_language(text: str) -> str:
    """The language code of the grammar that should read *text*."""
    for lang, script in _by_script():
        if script.search(text):
            return lang
    scores = {lang: len(pattern.findall(text)) for lang, pattern in _vocabulary().items()}
    best = max(scores.values(), default=0)
    if best == 0 or scores.get(_DEFAULT) == best:
        return _DEFAULT
    return min(lang for lang, score in scores.items() if score == best)
