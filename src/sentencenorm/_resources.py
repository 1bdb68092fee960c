"""Where the package's data lives: inside an installed wheel, or in a source checkout.

The grammars sit in the repository's top-level ``grammar/`` folder and are copied into the
wheel as ``sentencenorm/grammar``. An editable install (``pip install -e .``) has no such copy,
so the checkout's folder is the fallback.
"""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path


@functools.cache
def grammar_dir() -> Path:
    """The folder holding ``<lang>.lark`` files."""
    packaged = Path(str(resources.files("sentencenorm"))) / "grammar"
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
    return Path(str(resources.files("sentencenorm"))) / "data"
