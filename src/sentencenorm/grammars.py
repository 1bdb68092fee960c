"""Builds the Lark parsers, once per process. Every Lark option is set here and only here."""

from __future__ import annotations

import functools
from typing import Any

from lark import Lark

from ._once import built_once
from ._resources import grammar_dir
from .errors import UnknownLanguageError
from .lalr import FastLALR
from .lexicon import lexicon
from .transformer import ToModel

#: The notation grammar reads `str(sentence)`; it is not a language.
NOTATION = "notation"


@functools.cache
def available_languages() -> tuple[str, ...]:
    """Languages with a phrase grammar (``grammar/<lang>.lark`` beside a lexicon)."""
    return tuple(
        sorted(
            path.stem
            for path in grammar_dir().glob("*.lark")
            if path.stem not in {NOTATION, "common"}
        )
    )


def options(**overrides: Any) -> dict[str, Any]:
    """The Lark options every parser is built with; tests rebuild with ``strict=True``."""
    settings: dict[str, Any] = {
        "parser": "lalr",  # linear time; conflicts are found when the grammar is built
        "lexer": "contextual",  # a word is only lexed as what the parser can accept there
        "maybe_placeholders": False,
        "propagate_positions": False,  # tokens carry their own offsets; tree nodes need none
    }
    settings.update(overrides)
    return settings


def grammar_path(lang: str) -> str:
    """The grammar file of *lang* (or of the notation); UnknownLanguageError for anything else.

    Only names found by `available_languages` are accepted, so a code can never reach another
    file ("../x") or a shared piece ("common").
    """
    if lang != NOTATION and lang not in available_languages():
        raise UnknownLanguageError(lang, available_languages())
    return str(grammar_dir() / f"{lang}.lark")


@built_once
def parser_for(lang: str) -> Lark:
    """The LALR parser of *lang* with its transformer applied during the parse."""
    path = grammar_path(lang)
    if lang == NOTATION:
        from .notation_reader import FromNotation

        transformer: Any = FromNotation()
    else:
        transformer = ToModel(lexicon(lang))
    return Lark.open(path, transformer=transformer, **options())


@built_once
def fast_parser_for(lang: str) -> FastLALR:
    """`parser_for` run by sentencenorm's own LALR loop: the same tables, results and errors."""
    return FastLALR(parser_for(lang))
