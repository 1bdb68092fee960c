"""Where the package's data lives: inside an installed wheel, or in a source checkout.

The grammars sit in the repository's top-level ``grammar/`` folder and are copied into the
wheel as ``sentencenorm/grammar``. An editable install (``pip install -e .``) has no such copy,
so the checkout's folder is the fallback.

The package is a folder of files (the paths are read as paths), so its folder is the one this
module sits in: what ``importlib.resources.files("sentencenorm")`` gives for it, without
importing `importlib.resources` (and the archive and temporary-file modules it loads) on a
first call.
"""

from __future__ import annotations

import functools
from pathlib import Path

#: The package's folder.
_PACKAGE = Path(__file__).parent


@functools.cache
def grammar_dir() -> Path:
    """The folder holding ``<lang>.lark`` files."""
    packaged = _PACKAGE / "grammar"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / "grammar"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(
        f"sentencenorm's grammar folder is missing (looked in {packaged} and {checkout})"
    )


@functools.cache
def data_dir() -> Path:
    """The package's own data folder (lexicons, locales)."""
    return _PACKAGE / "data"
