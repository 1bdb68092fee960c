"""``python -m sentencenorm._build_tables [DIR]``: write every language's parse tables.

The wheel build runs it (hatch_build.py); a source checkout may too, into
``src/sentencenorm/tables/`` (see `sentencenorm.reading.tables`).
"""

from __future__ import annotations

import sys
from pathlib import Path

from .reading.grammars import NOTATION, available_languages, build_fresh, loop_agrees
from .reading.tables import TABLES, write


def main(argv: list[str] | None = None) -> int:
    """Write every language's tables (and the notation's) into DIR (the first argument), by
    default the package's own folder; print each file written."""
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0]) if args else TABLES
    for lang in (*available_languages(), NOTATION):
        parser, text, options = build_fresh(lang)
        agrees = loop_agrees(lang, parser) is None
        path = write(lang, parser, text, options, folder, loop_agrees=agrees)
        print(f"{path} ({path.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
