"""Builds the Lark parsers, once per process. Every Lark option is set here and only here.

The hot path runs `sentencenorm.reading.lalr.FastLALR`, which reads Lark's internal tables; it is
tested with the Lark versions pyproject.toml allows. If a Lark release changes what it reads,
`fast_parser_for` notices when it builds the loop (an error, or a disagreement with Lark on
its self-test phrases) and falls back to `sentencenorm.reading.lalr.LarkLoop`, Lark's own parser:
the same results, slower, and one `RuntimeWarning` saying so.
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import lark
from lark import Lark

from .._once import built_once
from .._resources import grammar_dir
from ..language import Language, languages, lexicon
from . import tables
from .compose import composed
from .lalr import FastLALR, LarkLoop
from .tree import ToModel

#: The notation grammar reads `str(sentence)`; it is not a language.
NOTATION = "notation"


def available_languages() -> tuple[str, ...]:
    """Languages with a phrase grammar: every one `sentencenorm.language.languages()` lists."""
    return languages()


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

    Only the languages `sentencenorm.language.languages()` lists are accepted, so a code can
    never reach another file ("../x") or a shared piece ("common").
    """
    if lang == NOTATION:
        return str(grammar_dir() / f"{NOTATION}.lark")
    return str(Language.get(lang).grammar_path)


def grammar_text(lang: str) -> str:
    """The grammar Lark builds for *lang*: ``grammar/skeleton.lark`` and ``grammar/<lang>.lark``
    as one text, number words written in from the lexicon (`sentencenorm.reading.compose`);
    the notation's own file as it is."""
    if lang == NOTATION:
        return (grammar_dir() / f"{NOTATION}.lark").read_text(encoding="utf-8")
    return composed(lang)


def build(lang: str, **overrides: Any) -> Lark:
    """A new Lark parser for *lang* (`options` with *overrides*); `parser_for` keeps one."""
    # The file's own path, so that `%import .common` is found beside it.
    return Lark(grammar_text(lang), source_path=grammar_path(lang), **options(**overrides))


def _transformer(lang: str) -> Any:
    if lang == NOTATION:
        from .notation_reader import FromNotation

        return FromNotation()
    return ToModel(lexicon(lang))


#: The lowered terminal patterns of each language whose parser came from its tables.
_FROM_TABLES: dict[str, dict[Any, str | None]] = {}
#: Whether the loop passed its self-test when those tables were built.
_TABLES_LOOP_AGREES: dict[str, bool] = {}


@built_once
def parser_for(lang: str) -> Lark:
    """The LALR parser of *lang* with its transformer applied during the parse: read from
    the tables built ahead (`sentencenorm.reading.tables`) where they match the grammar,
    else built from it."""
    stored = stored_tables(lang)
    if stored is not None:
        _FROM_TABLES[lang] = dict(stored.lowered)
        _TABLES_LOOP_AGREES[lang] = stored.loop_agrees
        return stored.parser
    _FROM_TABLES.pop(lang, None)  # what an earlier parser of lang came from holds no more
    _TABLES_LOOP_AGREES.pop(lang, None)
    return build_fresh(lang)[0]


def stored_tables(lang: str, folder: Path | None = None) -> tables.Tables | None:
    """*lang*'s tables in *folder* (the package's), if they were built from its grammar as it
    is now; None otherwise."""
    transformer = _transformer(lang)
    settings = options(transformer=transformer)
    return tables.load(lang, grammar_text(lang), settings, transformer, folder)


def build_fresh(lang: str) -> tuple[Lark, str, dict[str, Any]]:
    """*lang*'s parser built from its grammar (never from tables), with the text and the
    options it was built from: what `sentencenorm.reading.tables` writes."""
    transformer = _transformer(lang)
    text = grammar_text(lang)
    settings = options(transformer=transformer)
    return Lark(text, source_path=grammar_path(lang), **settings), text, settings


@built_once
def fast_parser_for(lang: str) -> FastLALR | LarkLoop:
    """`parser_for` run by sentencenorm's own LALR loop: the same tables, results and errors.

    Lark's own parser (`LarkLoop`) where the loop cannot be built on this Lark or disagrees
    with Lark on the self-test phrases; a `RuntimeWarning` says so, once per language.
    """
    parser = parser_for(lang)
    lowered = _FROM_TABLES.get(lang)
    if lowered is not None and _TABLES_LOOP_AGREES.get(lang):
        # Tables built with this very Lark (their fingerprint says so), on which the loop
        # passed its self-test when they were built: no need to run it again.
        try:
            return FastLALR(parser, lowered=lowered)
        except Exception:
            pass
    problem = loop_agrees(lang, parser)
    if problem is None:
        return FastLALR(parser, lowered=lowered)
    warnings.warn(
        f"sentencenorm: the fast LALR loop cannot run on lark {lark.__version__} for "
        f"{lang!r} ({problem}); reading with Lark's own parser instead: the same results, "
        "slower. The Lark versions sentencenorm is tested with are in its pyproject.toml.",
        RuntimeWarning,
        stacklevel=2,
    )
    return LarkLoop(parser)


def loop_agrees(lang: str, parser: Lark) -> str | None:
    """None where the fast loop can be built on *parser* and agrees with Lark on the
    self-test phrases; else what went wrong."""
    try:
        fast = FastLALR(parser)
        disagreement = next(
            (phrase for phrase in _self_test_phrases(lang) if not _agree(fast, parser, phrase)),
            None,
        )
    except Exception as error:  # Lark's internals moved: read them no more
        return f"{type(error).__name__}: {error}"
    return None if disagreement is None else f"it reads {disagreement!r} otherwise than Lark"


def _self_test_phrases(lang: str) -> list[str]:
    """Phrases that take the loop through lexing, reductions and a refusal: a number with
    units and currency signs of the language, and one of its hint examples (a mistake; a
    refusal is handed to Lark anyway, so one is enough, and each costs Lark tens of ms)."""
    from .hints import book  # the hints' data holds each language's common mistakes

    if lang == NOTATION:
        return ["custody P6M..P10Y x2 consecutive", "fine ..USD 250000 + death", "custody P"]
    words = lexicon(lang)
    phrases = [hint.examples[0] for hint in book(lang).hints if hint.examples][:1]
    phrases += [f"5 {unit}" for unit in list(words.units)[:4]]
    phrases += [f"{sign}500" for sign in list(words.currency_signs)[:2]]
    return phrases


def _agree(fast: FastLALR, parser: Lark, phrase: str) -> bool:
    """Whether the loop and Lark give the same value, or the same exception, for *phrase*."""

    def outcome(parse: Any) -> tuple[str, Any]:
        try:
            return ("value", parse(phrase))
        except Exception as error:
            return ("error", (type(error).__name__, str(error)))

    return outcome(fast.parse) == outcome(parser.parse)
