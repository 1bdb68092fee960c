"""A language's grammar as Lark reads it: the shared skeleton, then the language's own file.

``grammar/skeleton.lark`` holds the shape every phrase grammar shares (the rules, their
aliases, the terminal names the transformer reads). ``grammar/<lang>.lark`` follows it in one
text and says only where the language departs: its terminals, the rules only it has, and
``%extend`` (more alternatives) or ``%override`` (another rule) for the skeleton's.
"""

from __future__ import annotations

import functools
from typing import Final

from .._resources import grammar_dir
from ..language import Language

__all__ = ["SKELETON", "composed"]

#: The grammar every language's own file is laid over.
SKELETON: Final = "skeleton.lark"


@functools.cache
def composed(lang: str) -> str:
    """The grammar text of *lang* as Lark reads it: the skeleton, then ``grammar/<lang>.lark``.
    Read once per process."""
    own = Language.get(lang).grammar_path.read_text(encoding="utf-8")
    skeleton = (grammar_dir() / SKELETON).read_text(encoding="utf-8")
    return f"{skeleton}\n{own}"
