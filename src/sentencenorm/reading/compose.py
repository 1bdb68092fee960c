r"""A language's grammar as Lark reads it: the shared skeleton, the language's own file, and
its number words written in from its lexicon.

``grammar/skeleton.lark`` holds the shape every phrase grammar shares (the rules, their
aliases, the terminal names the transformer reads). ``grammar/<lang>.lark`` follows it in one
text and says only where the language departs: its terminals, the rules only it has, and
``%extend`` (more alternatives) or ``%override`` (another rule) for the skeleton's.

Number words are the lexicon's (``data/lexicon/<lang>.toml``), so that the words a grammar
lexes as a number are the words the reader can give a value. A grammar names them with three
directives of its own, each on one line, which this module reads and removes before Lark
sees the text:

``%words NAME: TABLE SELECTION``
    The words of a lexicon table (``numbers``, ``scales`` for ``number_scales``, ``joiners``
    for ``number_joiners``; ``cjk_digits``, ``cjk_units``, ``cjk_large_units``, ``cjk_tens``;
    ``money_scales``, ``currency_signs`` and ``currency_words``, so that a sign the grammar
    lexes is one the reader knows) as one alternation ``(?:...)``, in the table's order but a
    longer word before any shorter one it begins with. SELECTION, any of: ``LOW..HIGH`` (the
    whole numbers in that range), a single value (``0.5``), a word of the table; ``-word``
    leaves a word out. None: the whole table. A space inside a word (French "quatre vingt")
    is written as the pattern ``sep``.
``%chars NAME: TABLE SELECTION``
    The same, one character each, for use inside a character class ``[...]``.
``%pattern NAME: REGEX``
    A piece of regular expression, written in as ``(?:REGEX)``.
``%phrases NAME: TABLE``
    The phrases of a lexicon table whose entries are patterns (``other_labels``: the words
    of each `other` penalty, by its label; ``counted_labels``: the words after a count that
    name one), one alternation in the table's order; a pattern that never matches where the
    lexicon has no such table.

``{NAME}`` in a terminal's pattern or in a ``%pattern`` is replaced by its value. Every name
must be defined, once, and every word selected must be in the table, so a grammar cannot
spell a number the lexicon does not know.

>>> tables = {"numbers": {"a": 1, "one": 1, "two": 2, "twenty": 20, "thirty": 30}}
>>> print(expand(r'''%words units: numbers 1..9 -a
... %words tens: numbers 20..90
... %pattern sep: [-\s]+
... WORDNUM: /{tens}(?:{sep}{units})?|{units}/i''', tables))
<BLANKLINE>
<BLANKLINE>
<BLANKLINE>
WORDNUM: /(?:twenty|thirty)(?:(?:[-\s]+)(?:one|two))?|(?:one|two)/i
"""

from __future__ import annotations

import functools
import re
import shlex
from collections.abc import Mapping
from typing import Any, Final

from lark.exceptions import GrammarError

from .._resources import grammar_dir
from ..language import Language, Lexicon, lexicon

__all__ = ["SKELETON", "composed", "expand", "number_tables"]

#: The grammar every language's own file is laid over.
SKELETON: Final = "skeleton.lark"

_DIRECTIVE: Final = re.compile(
    r"^%(?P<kind>words|chars|pattern|phrases)[ \t]+(?P<name>[a-z][a-z0-9_]*)[ \t]*:"
    r"[ \t]*(?P<value>.*?)[ \t]*$",
    re.MULTILINE,
)
# A name in braces; never a quantifier such as {2} or {0,4}.
_PLACEHOLDER: Final = re.compile(r"\{([a-z][a-z0-9_]*)\}")
_RANGE: Final = re.compile(r"^(\d+(?:\.\d+)?)(?:\.\.(\d+(?:\.\d+)?))?$")
#: A space inside a lexicon word ("quatre vingt") is written as this pattern.
SPACE_PATTERN: Final = "sep"


@functools.cache
def composed(lang: str) -> str:
    """The grammar text of *lang* as Lark reads it: the skeleton, then ``grammar/<lang>.lark``,
    its number words filled in from its lexicon. Read once per process."""
    own = Language.get(lang).grammar_path.read_text(encoding="utf-8")
    skeleton = (grammar_dir() / SKELETON).read_text(encoding="utf-8")
    return expand(f"{skeleton}\n{own}", number_tables(lexicon(lang)))


def number_tables(words: Lexicon) -> dict[str, Mapping[str, Any]]:
    """The lexicon tables a grammar may take number words from, by the names it uses."""
    return {
        "numbers": words.numbers,
        "scales": words.number_scales,
        "joiners": dict.fromkeys(sorted(words.number_joiners)),
        "cjk_digits": words.cjk_digits,
        "cjk_units": words.cjk_units,
        "cjk_large_units": words.cjk_large_units,
        "cjk_tens": words.cjk_tens,
        "other_labels": dict(words.other_labels + words.placed_words),
        "counted_labels": dict(words.counted_labels),
        "money_scales": words.money_scales,
        "currency_signs": words.currency_signs,
        "currency_words": words.currency_words,
    }


#: Lexicon tables whose keys are phrases written as patterns, not words.
PHRASE_TABLES: Final = frozenset({"other_labels", "counted_labels"})


def expand(text: str, tables: Mapping[str, Mapping[str, Any]]) -> str:
    """*text* with its ``%words`` / ``%chars`` / ``%pattern`` lines removed (each becomes an
    empty line) and every ``{name}`` replaced; `GrammarError` for a name defined twice or
    never, an unknown table, or a selection that finds nothing or names an unknown word."""
    definitions: dict[str, tuple[str, str]] = {}
    for found in _DIRECTIVE.finditer(text):
        name = found["name"]
        if name in definitions:
            raise GrammarError(f"%{found['kind']} {name}: defined twice")
        definitions[name] = (found["kind"], found["value"])
    if not definitions:
        return _unfilled(text)
    values: dict[str, str] = {}

    def value(name: str, using: tuple[str, ...]) -> str:
        if name in values:
            return values[name]
        if name not in definitions:
            raise GrammarError(f"{{{name}}} is not defined (%words, %chars or %pattern)")
        if name in using:
            raise GrammarError(f"{{{name}}} refers to itself: {' -> '.join((*using, name))}")
        kind, body = definitions[name]
        if kind == "phrases":
            table = body.strip()
            if table not in PHRASE_TABLES:
                raise GrammarError(f"%phrases {name}: no phrase table {table!r}")
            phrases = tables.get(table)
            # A language whose lexicon has none of them reads none: a pattern that never
            # matches (and is never empty, which Lark refuses).
            result = "(?:" + "|".join(phrases) + ")" if phrases else "(?!x)x"
        elif kind == "pattern":
            filled = _PLACEHOLDER.sub(lambda m: value(m[1], (*using, name)), body)
            result = f"(?:{filled})"
        else:
            words = select(tables, body, f"%{kind} {name}")
            if kind == "chars":
                result = _char_class(words, name)
            else:
                space = value(SPACE_PATTERN, (*using, name)) if any(" " in w for w in words) else ""
                result = "(?:" + "|".join(_word(w, space) for w in words) + ")"
        values[name] = result
        return result

    body = _DIRECTIVE.sub("", text)
    return _unfilled(_PLACEHOLDER.sub(lambda m: value(m[1], ()), body))


def select(tables: Mapping[str, Mapping[str, Any]], selection: str, where: str) -> list[str]:
    """The words of a ``%words`` selection ("numbers 1..9 -a"), in the order they are tried."""
    table_name, *parts = shlex.split(selection)
    table = tables.get(table_name)
    if table is None:
        raise GrammarError(f"{where}: no lexicon table {table_name!r} (one of {sorted(tables)})")
    ranges: list[tuple[float, float, bool]] = []
    named: set[str] = set()
    left_out: set[str] = set()
    for part in parts:
        bounds = _RANGE.match(part)
        if bounds:
            low = float(bounds[1])
            ranges.append((low, float(bounds[2] or low), bounds[2] is not None))
        elif part.startswith("-"):
            left_out.add(part[1:])
        else:
            named.add(part)
    unknown = (named | left_out) - set(table)
    if unknown:
        raise GrammarError(f"{where}: not in the lexicon's {table_name}: {sorted(unknown)}")

    def chosen(word: str, number: Any) -> bool:
        if word in left_out:
            return False
        if not ranges and not named:
            return True
        return word in named or any(_within(number, *bounds) for bounds in ranges)

    words = [word for word, number in table.items() if chosen(word, number)]
    if not words:
        raise GrammarError(f"{where}: selects no word")
    return tried_order(words)


def tried_order(words: list[str]) -> list[str]:
    """*words* in their order, but each before any earlier word it begins with, so that an
    alternation tries "ciento" before "cien" and "eines" before "ein".

    >>> tried_order(["ein", "eine", "einer", "zwei", "cien", "ciento"])
    ['einer', 'eine', 'ein', 'zwei', 'ciento', 'cien']
    """
    ordered: list[str] = []
    for word in words:
        before = next(
            (at for at, earlier in enumerate(ordered) if word.startswith(earlier)), len(ordered)
        )
        ordered.insert(before, word)
    return ordered


def _within(number: Any, low: float, high: float, is_range: bool) -> bool:
    if not isinstance(number, int | float) or isinstance(number, bool):
        return False
    if is_range:  # a range takes whole numbers: "1..9" is not "eineinhalb" (1.5)
        return low <= number <= high and float(number).is_integer()
    return float(number) == low


def _word(word: str, space: str) -> str:
    return space.join(re.escape(part) for part in word.split(" "))


def _char_class(words: list[str], name: str) -> str:
    if any(len(word) != 1 for word in words):
        raise GrammarError(f"%chars {name}: takes one character per word")
    return "".join(re.escape(word) if word in "\\]^-[" else word for word in words)


def _unfilled(text: str) -> str:
    left = _PLACEHOLDER.search(text)
    if left:
        raise GrammarError(f"{{{left[1]}}} is not defined (%words, %chars or %pattern)")
    return text
