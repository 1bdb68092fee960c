"""Data-driven phrase fixtures: one plain-text file per phrase family (tests/fixtures/<lang>/).

In the spirit of Duckling's per-rule corpora, each family of phrases ("ranges", "life",
"money"...) lives in its own UTF-8 file of cases that anyone can read and extend without
touching Python. The format::

    -- lines starting with "--" are comments; blank lines separate cases
    -- a positive case: the phrase, then "=> " and the expected canonical notation
    # jurisdiction: CA
    a fine of $500
    => fine CAD 500

    six months to 10 years
    => custody P6M..P10Y

    -- a negative case: the phrase, then "=> !" (parse must raise SentenceParseError)
    three months of investigation
    => !

Rules, enforced by `parse_cases` (a malformed file fails loudly rather than losing cases):

- A case is one phrase line followed directly by one ``=>`` line. The phrase is taken exactly
  as written, minus the line break: special characters (curly quotes, U+00A0, U+202F, dashes)
  are written literally.
- The expected value is ``str(parse(phrase, jurisdiction=...))``, the canonical notation of
  src/sentencenorm/writing/notation.py (with its modality prefix, e.g. ``imposed: custody P5Y``), or
  ``!`` when `parse` must raise `sentencenorm.SentenceParseError`.
- ``# key: value`` lines attach metadata to the next case; ``jurisdiction`` is the only key.
- ``--`` comment lines right before a case (in the same block) are kept as its `comments`.
- A phrase with no ``=>`` line, two phrases in a row, an ``=>`` with no phrase, metadata that
  reaches no case, or an unknown key are errors.

``pending.txt`` uses the same format but holds cases the parser does not meet yet; it is read
only to check its format (see /work/notes/fixture-failures.md for why each one fails).

>>> cases = parse_cases('''
... -- a comment
... # jurisdiction: CA
... a fine of $500
... => fine CAD 500
...
... three months of investigation
... => !
... ''', name="example.txt")
>>> [(c.id, c.phrase, c.expected, c.jurisdiction) for c in cases]
[('example.txt:4', 'a fine of $500', 'fine CAD 500', 'CA'),
 ('example.txt:7', 'three months of investigation', None, None)]
>>> cases[0].comments
('a comment',)
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import lark.lexer

FIXTURES = Path(__file__).parent / "fixtures"
PENDING = "pending.txt"
NEGATIVE = "!"
KNOWN_KEYS = frozenset({"jurisdiction"})

_META = re.compile(r"#\s*(?P<key>[A-Za-z_][\w-]*)\s*:\s*(?P<value>.*?)\s*$")


class FixtureFormatError(ValueError):
    """A fixture file that does not follow the format; names the file and line."""


@dataclass(frozen=True)
class Case:
    """One fixture case: a phrase and its expected notation (None: must not parse)."""

    file: str
    line: int  # 1-based line of the phrase
    phrase: str
    expected: str | None
    meta: Mapping[str, str] = field(default_factory=dict)
    comments: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        return f"{self.file}:{self.line}"

    @property
    def negative(self) -> bool:
        return self.expected is None

    @property
    def jurisdiction(self) -> str | None:
        return self.meta.get("jurisdiction")


def parse_cases(text: str, *, name: str) -> list[Case]:
    """Read the cases of one fixture file's *text*; *name* identifies it in ids and errors."""
    cases: list[Case] = []
    meta: dict[str, str] = {}
    comments: list[str] = []
    phrase: tuple[int, str] | None = None

    def fail(number: int, message: str) -> FixtureFormatError:
        return FixtureFormatError(f"{name}:{number}: {message}")

    number = 0
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\r\n")
        stripped = line.strip()
        if not stripped:
            if phrase is not None:
                raise fail(phrase[0], f"phrase {phrase[1]!r} has no '=>' line after it")
            comments = []
            continue
        if stripped.startswith("--"):
            if phrase is not None:
                raise fail(number, "a comment between a phrase and its '=>' line")
            comments.append(stripped[2:].strip())
            continue
        if stripped.startswith("#"):
            match = _META.fullmatch(stripped)
            if match is None:
                raise fail(number, "metadata must read '# key: value'")
            if phrase is not None:
                raise fail(number, "metadata between a phrase and its '=>' line")
            key = match["key"].lower()
            if key not in KNOWN_KEYS:
                raise fail(number, f"unknown key {key!r}; known: {', '.join(sorted(KNOWN_KEYS))}")
            if key in meta:
                raise fail(number, f"{key!r} given twice for one case")
            meta[key] = match["value"]
            continue
        if stripped.startswith("=>"):
            if phrase is None:
                raise fail(number, "'=>' with no phrase line before it")
            expected = stripped[2:].strip()
            if not expected:
                raise fail(number, "'=>' with nothing after it (use '=> !' for a negative case)")
            cases.append(
                Case(
                    file=name,
                    line=phrase[0],
                    phrase=phrase[1],
                    expected=None if expected == NEGATIVE else expected,
                    meta=dict(meta),
                    comments=tuple(comments),
                )
            )
            meta, comments, phrase = {}, [], None
            continue
        if phrase is not None:
            raise fail(number, f"two phrase lines in a row ({phrase[1]!r} has no '=>' line)")
        phrase = (number, line)
    if phrase is not None:
        raise fail(phrase[0], f"phrase {phrase[1]!r} has no '=>' line after it")
    if meta:
        raise fail(number, "metadata at the end of the file, with no case after it")
    return cases


def read_cases(path: Path) -> list[Case]:
    """The cases of the fixture file at *path*."""
    return parse_cases(path.read_text(encoding="utf-8"), name=path.name)


def fixture_files(lang: str = "en", *, pending: bool = False) -> list[Path]:
    """The family files of *lang*, sorted; pending.txt only when *pending* is true."""
    return sorted(
        path for path in (FIXTURES / lang).glob("*.txt") if (path.name == PENDING) == pending
    )


def load_cases(lang: str = "en") -> list[Case]:
    """Every case of every family file of *lang* (pending.txt excluded)."""
    return [case for path in fixture_files(lang) for case in read_cases(path)]


@contextlib.contextmanager
def collisions_checked() -> Iterator[None]:
    """Lark's terminal collision check (interegular) on, for a strict build: tests/conftest.py
    turns it off for the builds that would only log it. Fails at once without interegular."""
    import interegular  # noqa: F401  (the test extra installs it: lark[interegular])

    before = lark.lexer.has_interegular
    lark.lexer.has_interegular = True
    try:
        yield
    finally:
        lark.lexer.has_interegular = before
