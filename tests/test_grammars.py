"""The grammars build strictly, every alias has a transformer method, the lexicon and the
grammar agree on the words they share, and each language's file adds to the skeleton instead
of copying it."""

from __future__ import annotations

import re
from typing import NamedTuple

import pytest
from helpers import collisions_checked
from lark import Lark
from lark.exceptions import LexError

from sentencenorm._resources import grammar_dir
from sentencenorm.language import lexicon
from sentencenorm.reading.grammars import available_languages, build
from sentencenorm.reading.notation_reader import FromNotation
from sentencenorm.reading.tree import ToModel

GRAMMARS = [*available_languages(), "notation"]


@pytest.fixture(scope="module", params=GRAMMARS)
def strict(request: pytest.FixtureRequest) -> tuple[str, Lark]:
    lang = request.param
    with collisions_checked():
        return lang, build(lang, strict=True)


def test_languages_are_found_by_file_name() -> None:
    """Every grammar/<lang>.lark except shared pieces is a language."""
    assert "en" in available_languages()
    assert {"common", "notation", "skeleton"}.isdisjoint(available_languages())
    assert (grammar_dir() / "common.lark").is_file()
    assert (grammar_dir() / "skeleton.lark").is_file()


def test_grammar_builds_strictly(strict: tuple[str, Lark]) -> None:
    """strict=True: no LALR conflict and no terminal collision in any lexer state."""
    _, parser = strict
    assert parser.options.parser == "lalr"


def test_strict_builds_still_find_terminal_collisions() -> None:
    """The collision check the session turns off (tests/conftest.py) is on for strict builds:
    two terminals that lex the same word fail, and a strict build without it fails too."""
    colliding = 'start: A | B\nA: /ab+/\nB: /a+b/\n%ignore " "'
    with collisions_checked(), pytest.raises(LexError, match="Collision between Terminals"):
        Lark(colliding, parser="lalr", lexer="contextual", strict=True)
    with pytest.raises(LexError, match="interegular must be installed"):
        Lark(colliding, parser="lalr", lexer="contextual", strict=True)


def test_every_alias_has_a_transformer_method(strict: tuple[str, Lark]) -> None:
    """Each rule or alias that reaches the transformer is handled by a method of its own."""
    lang, parser = strict
    transformer = FromNotation if lang == "notation" else ToModel
    missing = set()
    for rule in parser.rules:
        name = rule.alias or rule.origin.name
        name = getattr(name, "value", name)
        inlined = rule.options.expand1 and len(rule.expansion) == 1 and not rule.alias
        if inlined or str(name).startswith("_"):
            continue
        if not hasattr(transformer, str(name)):
            missing.add(str(name))
    assert not missing, f"{lang}: no transformer method for {sorted(missing)}"


# ── composed, not copied ──────────────────────────────────────────────────────────────────────

LANGUAGES = list(available_languages())
_HEAD = re.compile(
    r"^(?:%(?P<how>override|extend) )?(?P<mod>[?!]?)(?P<name>[A-Za-z_]\w*)"
    r"(?P<priority>\.-?\d+)?\s*:(?P<body>.*)$"
)
_REGEX = re.compile(r"/(?!/)(?:\\/|\\\\|[^/\n])*?/[imslux]*")


class Definition(NamedTuple):
    """One rule or terminal as a grammar file writes it."""

    how: str  # "", "override" or "extend"
    modifier: str  # "?" (inlined) or ""
    name: str
    alternatives: frozenset[str]  # a rule's, normalized; a terminal's priority and pattern


def definitions(text: str) -> list[Definition]:
    """The definitions of a grammar file, continuation lines joined, comments dropped."""
    found: list[list[str]] = []  # how, modifier, name, body
    for line in text.splitlines():
        head = _HEAD.match(line)
        if head:
            # A terminal's priority is part of what it is: the same pattern at another
            # priority is an override that changes something.
            start = head["priority"] or "" if _is_terminal(head["name"]) else ""
            found.append([head["how"] or "", head["mod"], head["name"], start])
            line = head["body"]
        elif not line[:1].isspace() or not found:
            continue
        if _is_terminal(found[-1][2]):  # its pattern
            pattern = _REGEX.search(line)
            found[-1][3] += pattern.group() if pattern else line.strip()
        else:
            found[-1][3] += " " + line.split("//")[0]
    return [
        Definition(how, modifier, name, _alternatives(name, body))
        for how, modifier, name, body in found
    ]


def _is_terminal(name: str) -> bool:
    return name.lstrip("_").isupper()


def _alternatives(name: str, body: str) -> frozenset[str]:
    if _is_terminal(name):
        return frozenset({body})
    parts, depth, current = [], 0, ""
    for char in body:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "|" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    return frozenset(" ".join(part.split()) for part in parts if part.strip())


def _file(name: str) -> list[Definition]:
    return definitions((grammar_dir() / f"{name}.lark").read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_language_changes_what_it_takes_from_the_skeleton(lang: str) -> None:
    """An %override of a skeleton rule changes it (and keeps its `?`); an %extend adds only
    alternatives the skeleton lacks; nothing else of the skeleton is defined again."""
    skeleton = {definition.name: definition for definition in _file("skeleton")}
    for definition in _file(lang):
        base = skeleton.get(definition.name)
        where = f"{lang}.lark: {definition.how or 'defines'} {definition.name}"
        if definition.how == "override":
            assert base is not None, f"{where}: not a rule of the skeleton"
            assert definition.alternatives != base.alternatives, f"{where}: same as the skeleton"
            assert definition.modifier == base.modifier, f"{where}: '?' differs from the skeleton"
        elif definition.how == "extend":
            assert base is not None, f"{where}: not a rule of the skeleton"
            again = definition.alternatives & base.alternatives
            assert not again, f"{where}: the skeleton has {sorted(again)} already"
        else:
            assert base is None, f"{where}: the skeleton defines it (use %override or %extend)"


def test_no_definition_is_copied_into_three_languages() -> None:
    """A rule, a terminal or an added alternative written alike in three language files
    belongs in grammar/skeleton.lark."""
    seen: dict[tuple[str, str, frozenset[str]], set[str]] = {}
    for lang in LANGUAGES:
        for definition in _file(lang):
            pieces = (
                [frozenset({alternative}) for alternative in definition.alternatives]
                if definition.how == "extend"
                else [definition.alternatives]
            )
            for piece in pieces:
                seen.setdefault((definition.how, definition.name, piece), set()).add(lang)
    copied = {key: sorted(langs) for key, langs in seen.items() if len(langs) >= 3}
    assert not copied, f"share these in grammar/skeleton.lark: {copied}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_number_words_are_not_spelled_in_the_grammar(lang: str) -> None:
    """Terminals take number words from the lexicon (%words, %chars), never list them: no
    pattern of grammar/<lang>.lark names three of the lexicon's numbers (two and above) or
    three Chinese digits."""
    words = lexicon(lang)
    numbers = {word for word, value in words.numbers.items() if value >= 2}
    digits = set(words.cjk_digits)
    for definition in _file(lang):
        for pattern in definition.alternatives if _is_terminal(definition.name) else ():
            named = {run.lower() for run in re.findall(r"[^\W\d_]+", pattern)} & numbers
            named |= set(pattern) & digits
            assert len(named) < 3, f"{lang}.lark {definition.name} spells {sorted(named)}"


def _terminal(parser: Lark, name: str) -> re.Pattern[str]:
    pattern = parser.get_terminal(name).pattern
    return re.compile(pattern.to_regexp())


@pytest.fixture(scope="module")
def english() -> Lark:
    return build("en")


@pytest.mark.parametrize(
    ("table", "terminal", "template"),
    [
        ("numbers", "WORDNUM", "{}"),
        ("units", "UNIT", "{}"),
        ("money_scales", "SCALE", "{}"),
        ("currency_words", "CURRENCY", "{}"),
        ("currency_signs", "MONEY", "{} 5"),
        ("aggregation", "W_AGG", "{}"),
        ("modality_aux", "AUX", "{}"),
    ],
)
def test_lexicon_words_lex_under_their_terminal(
    english: Lark, table: str, terminal: str, template: str
) -> None:
    """A word with a meaning in data/lexicon/en.toml is one the grammar can read."""
    regex = _terminal(english, terminal)
    words = getattr(lexicon("en"), table)
    skip = {"a", "zero"} if table == "numbers" else set()  # "a" is its own token; 0 is no term
    # a sign may stand right before the figure only ("`25,000", "?1,50,000": India's "₹")
    forms = (template, template.replace(" ", ""))
    unread = [
        w
        for w in words
        if w not in skip and not any(regex.fullmatch(form.format(w)) for form in forms)
    ]
    assert not unread, f"{terminal} does not read {unread}"


def test_number_words_have_values(english: Lark) -> None:
    """Every spelled number the grammar lexes has a value in the lexicon."""
    for text, value in [
        ("one hundred and twenty", 120),
        ("twenty-five", 25),
        ("a thousand", 1000),
        ("two thousand five hundred", 2500),
        ("nine hundred ninety-nine thousand nine hundred ninety-nine", 999_999),
        ("dozen", 12),
    ]:
        assert _terminal(english, "WORDNUM").fullmatch(text), text
        assert lexicon("en").number(text) == value


@pytest.mark.parametrize(
    "phrase",
    [
        "time served",
        "time already served",
        "home confinement",
        "home detention",
        "house arrest",
        "electronic monitoring",
        "electronically monitored",
        "electronic tagging",
        "conditional discharge",
        "absolute discharge",
        "rehab",
        "rehabilitation",
        "drug treatment",
        "special assessment",
        "court costs",
        "costs",
        "driving ban",
        "disqualified from driving",
        "driving disqualification",
        "licence suspension",
        "driver's license will be suspended",
        "license revoked",
        "curfew",
        "community order",
        "deportation",
        "deported",
        "victim surcharge",
    ],
)
def test_every_other_penalty_has_a_label(english: Lark, phrase: str) -> None:
    """Each phrase the grammar keeps as `other` has a canonical label in the lexicon."""
    assert _terminal(english, "W_OTHER").fullmatch(phrase), phrase
    assert lexicon("en").other_label(phrase) is not None
