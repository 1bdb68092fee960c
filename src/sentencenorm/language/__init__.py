"""What sentencenorm knows of each language, shared by the read and the write side:
`Language` (its parts, found from ``data/languages.toml``) and its `Lexicon`."""

from .lexicon import Lexicon
from .registry import Language, languages, lexicon

__all__ = ["Language", "Lexicon", "languages", "lexicon"]
