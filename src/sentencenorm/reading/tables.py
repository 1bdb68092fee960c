"""Parse tables built ahead of time, so that a first call does not build a grammar.

Building a language's parser (reading the grammar, the LALR analysis, checking its terminals)
takes about half a second; a one-phrase command would pay it every time. The wheel therefore
ships each language's tables, built when the wheel is built (``hatch_build.py`` runs
``python -m sentencenorm._build_tables DIR``): Lark's own serialized parser, and for each
terminal its pattern for lowered text (`sentencenorm.reading.scanning`), which is otherwise
worked out with the regex parser on the first call. Beside them, ``<lang>.context.tables``
holds what the extraction context's patterns are compiled from (`sentencenorm.reading.prepared`).

Tables are data shipped with the code, as trusted as the code; nothing is ever written to a
shared cache folder. Each file names the grammar it was built from (a digest of the composed
grammar text, the Lark version and the parser options): tables built from another grammar —
a checkout edited since, another Lark — are not used, and the grammar is built as before. A
source checkout may write its own with ``python -m sentencenorm._build_tables`` (into
``src/sentencenorm/tables/``, ignored by git); without them it builds each grammar on first
use.
"""

from __future__ import annotations

import hashlib
import pickle
import zlib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final

import lark
from lark import Lark
from lark.grammar import Rule
from lark.lexer import TerminalDef

from . import scanning
from .lalr import FastLALR

__all__ = ["TABLES", "Tables", "fingerprint", "load", "write"]

#: The folder inside the package that holds the tables (<lang>.tables).
TABLES: Final = Path(__file__).resolve().parent.parent / "tables"
#: Bumped when the file's layout changes; part of the fingerprint.
_LAYOUT: Final = 2


class Tables:
    """A parser read from its tables, each terminal's pattern for lowered text, and whether
    the fast loop passed its self-test on them."""

    def __init__(self, parser: Lark, lowered: Mapping[Any, str | None], loop_agrees: bool) -> None:
        self.parser = parser  # (the ways its patterns begin are in scanning.KNOWN_PATHS)
        self.lowered = lowered
        #: Whether sentencenorm's loop agreed with Lark on its self-test when they were built
        #: (with this Lark: the fingerprint says so), so that it need not be run again.
        self.loop_agrees = loop_agrees


def fingerprint(text: str, options: Mapping[str, Any]) -> str:
    """What tables must have been built from to be used: the grammar text, Lark's version,
    the options (the transformer aside, which is given when they are read)."""
    settings = {key: value for key, value in options.items() if key != "transformer"}
    source = f"{_LAYOUT}\n{lark.__version__}\n{sorted(settings.items())!r}\n{text}"
    return hashlib.sha256(source.encode("utf-8")).hexdigest()


def load(
    lang: str,
    text: str,
    options: Mapping[str, Any],
    transformer: Any,
    folder: Path | None = None,
) -> Tables | None:
    """The parser of *lang* from its tables in *folder* (the package's `TABLES`), if tables
    built from *text* are there; else None.

    A missing, unreadable or stale file is None: the caller builds the grammar instead.
    """
    path = (folder or TABLES) / f"{lang}.tables"
    try:
        stored = pickle.loads(
            zlib.decompress(path.read_bytes())
        )  # package data, as trusted as the code
        if stored["fingerprint"] != fingerprint(text, options):
            return None
        parser: Lark = Lark.__new__(Lark)
        parser._load(stored["lark"], transformer=transformer)  # Lark.load without a file
        # What Lark.__init__ sets besides the tables, for code that reads a parser's grammar.
        parser.ignore_tokens = list(parser.lexer_conf.ignore)
        parser.source_grammar = text
    except FileNotFoundError:
        return None
    except Exception:  # tables of another layout or Lark: build the grammar instead
        return None
    scanning.KNOWN_PATHS.update(stored["beginnings"])
    return Tables(parser, stored["lowered"], stored["loop_agrees"])


def write(
    lang: str,
    parser: Lark,
    text: str,
    options: Mapping[str, Any],
    folder: Path,
    *,
    loop_agrees: bool,
) -> Path:
    """Write the tables of *parser* (built from *text* with *options*) for *lang*."""
    from .lexstates import lowered_terminals  # the lowered patterns, as the loop works them out

    data, memo = parser.memo_serialize([TerminalDef, Rule])
    # The transformer is given when the tables are read (it holds the lexicon).
    data["options"] = {k: v for k, v in data["options"].items() if k != "transformer"}
    # How each pattern of each lexer state can begin (and of its form for lowered text).
    flags = parser.lexer_conf.g_regex_flags
    patterns = {
        (terminal.pattern.to_regexp(), flags)
        for state in FastLALR(parser).lexers.every()
        for terminal in (*state.terminals, *state.lowered_terminals)
    }
    beginnings = {key: scanning.begin_paths(*key) for key in sorted(patterns)}
    stored = {
        "fingerprint": fingerprint(text, options),
        "lark": {"data": data, "memo": memo},
        "lowered": lowered_terminals(parser),
        "loop_agrees": loop_agrees,
        "beginnings": beginnings,
    }
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{lang}.tables"
    path.write_bytes(zlib.compress(pickle.dumps(stored, protocol=4), 6))
    return path
