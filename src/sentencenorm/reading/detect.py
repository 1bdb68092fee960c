"""`detect_language`: which grammar should read a text, from its script and vocabulary.

Chinese is told by its script. Between languages written in Latin letters, the one whose
sentencing vocabulary (the ``keywords`` of ``grammar/<lang>.context.toml``, the same words
`extract` uses to find penalties) occurs most often wins; English when none does or on a tie.

>>> detect_language("判处有期徒刑十五年"), detect_language("six months to 10 years")
('zh', 'en')
"""

from __future__ import annotations

import functools
import re
import tomllib
from typing import Final

from .._resources import grammar_dir
from .grammars import available_languages

__all__ = ["AUTO", "detect_language"]

#: The `lang` value that asks for detection.
AUTO: Final = "auto"
_DEFAULT: Final = "en"
_HAN: Final = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# Languages told by their script rather than their words.
_SCRIPTS: Final = {"zh": _HAN}


@functools.cache
def _vocabulary() -> dict[str, re.Pattern[str]]:
    """Each Latin-script language's sentencing keywords, compiled once."""
    found = {}
    for lang in available_languages():
        path = grammar_dir() / f"{lang}.context.toml"
        if lang in _SCRIPTS or not path.is_file():
            continue
        keywords = tomllib.loads(path.read_text(encoding="utf-8")).get("keywords")
        if keywords:
            found[lang] = re.compile(keywords, re.IGNORECASE)
    return found


def detect_language(text: str) -> str:
    """The language code of the grammar that should read *text*."""
    for lang, script in _SCRIPTS.items():
        if lang in available_languages() and script.search(text):
            return lang
    scores = {lang: len(pattern.findall(text)) for lang, pattern in _vocabulary().items()}
    best = max(scores.values(), default=0)
    if best == 0 or scores.get(_DEFAULT) == best:
        return _DEFAULT
    return min(lang for lang, score in scores.items() if score == best)
