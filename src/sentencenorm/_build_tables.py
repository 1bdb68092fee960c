"""``python -m sentencenorm._build_tables [--stale] [DIR]``: write every language's parse tables
(and the analysis of its context patterns: `sentencenorm.reading.prepared`).

The wheel build runs it (hatch_build.py); a source checkout may too, into
``src/sentencenorm/tables/`` (see `sentencenorm.reading.tables`). ``--stale`` writes only the
tables that are missing or were built from another grammar (the test session starts so:
tests/conftest.py).
"""

from __future__ import annotations

import functools
import sys
from pathlib import Path

from .reading import prepared
from .reading.caseless import Caseless
from .reading.context import build_context
from .reading.grammars import (
    NOTATION,
    available_languages,
    build_fresh,
    loop_agrees,
    stored_tables,
)
from .reading.tables import TABLES, write


def main(argv: list[str] | None = None) -> int:
    """Write every language's tables (and the notation's) into DIR (the first argument), by
    default the package's own folder, or with ``--stale`` those missing or stale there; print
    each file written."""
    args = list(sys.argv[1:] if argv is None else argv)
    stale_only = "--stale" in args
    args = [arg for arg in args if arg != "--stale"]
    folder = Path(args[0]) if args else TABLES
    for lang in (*available_languages(), NOTATION):
        if stale_only and _fresh(lang, folder):
            continue
        parser, text, options = build_fresh(lang)
        agrees = loop_agrees(lang, parser) is None
        path = write(lang, parser, text, options, folder, loop_agrees=agrees)
        print(f"{path} ({path.stat().st_size:,} bytes)")
    for lang in available_languages():  # the analysis of each one's context patterns
        cues = functools.partial(_cue_patterns, lang)
        if stale_only and prepared.fresh(lang, folder, cues):
            continue
        path = prepared.write(lang, folder, cues)
        print(f"{path} ({path.stat().st_size:,} bytes)")
    return 0


def _cue_patterns(lang: str) -> list[Caseless]:
    """Compile *lang*'s context (`prepared` keeps what it analyses); its cues before a
    phrase and its negation patterns that end where a phrase starts, whose endings are wanted
    too (`reading.endings`)."""
    context = build_context(lang)
    governs = context.negation.governs if context.negation is not None else None
    return [cue.pattern for cue in context.cues] + [
        part.pattern for part in (governs.parts if governs is not None else ())
    ]


def _fresh(lang: str, folder: Path) -> bool:
    """Whether *folder* holds tables of *lang* built from its grammar as it is now."""
    return stored_tables(lang, folder) is not None


if __name__ == "__main__":
    raise SystemExit(main())
