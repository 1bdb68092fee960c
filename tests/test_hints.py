"""Errors people can act on (issue 7): common-mistake hints, expected words in the phrase's
language, the range that runs backwards, and what the command line prints."""

from __future__ import annotations

import io
import pickle
import subprocess
import sys
from collections.abc import Iterator

import pytest

import sentencenorm
from sentencenorm import SentenceParseError, cli, parse
from sentencenorm.reading import hints
from sentencenorm.reading.grammars import available_languages, parser_for

#: The mistakes every language names (a language may name more).
COMMON = {
    "missing_unit",
    "missing_currency",
    "unknown_currency",
    "missing_number",
    "dangling_connective",
    "missing_term",
}


def _examples() -> Iterator[tuple[str, str, str]]:
    for lang in hints.available():
        for hint in hints.book(lang).hints:
            for example in hint.examples:
                yield lang, hint.label, example


EXAMPLES = list(_examples())


def _error(text: str, lang: str = "en") -> SentenceParseError:
    with pytest.raises(SentenceParseError) as info:
        parse(text, lang=lang)
    return info.value


def _title(lang: str, label: str) -> str:
    return next(hint.title for hint in hints.book(lang).hints if hint.label == label)


# ── the data ─────────────────────────────────────────────────────────────────────────────────


def test_every_language_has_hints_for_the_common_mistakes() -> None:
    """Each phrase grammar has a hints file naming at least the common mistakes."""
    assert set(available_languages()) <= set(hints.available())
    for lang in available_languages():
        labels = {hint.label for hint in hints.book(lang).hints}
        assert labels >= COMMON, (lang, sorted(COMMON - labels))


@pytest.mark.parametrize("lang", hints.available())
def test_hint_data_is_well_formed(lang: str) -> None:
    """Titles are distinct, every hint has examples, and every message fills in."""
    book = hints.book(lang)
    titles = [hint.title for hint in book.hints]
    assert len(titles) == len(set(titles))
    fields = {"found": "x", "found_repr": "'x'", "last": "y", "last_repr": "'y'"}
    for hint in book.hints:
        assert hint.examples, hint.label
        assert hint.message.format(**fields)
    for key in ("unexpected", "ends", "expected", "join", "list", "more", "hint"):
        assert key in book.messages


@pytest.mark.parametrize("lang", available_languages())
def test_expected_words_are_in_the_language_of_the_grammar(lang: str) -> None:
    """Every terminal English describes has its own description in each language's file."""
    english = hints.expected_words("en")
    own = hints._raw(lang).get("expected", {})
    terminals = {str(terminal.name) for terminal in parser_for(lang).terminals}
    missing = sorted(name for name in terminals if name in english and name not in own)
    assert not missing, missing


# ── every example gets its hint ──────────────────────────────────────────────────────────────


@pytest.mark.parametrize(("lang", "label", "example"), EXAMPLES)
def test_each_example_gets_its_own_hint(lang: str, label: str, example: str) -> None:
    """Each example phrase of each hint, read with its language, gets that hint, and the
    error's reason ends with it after the expected words."""
    found = hints.diagnose(lang, example, parser_for(lang))
    assert found is not None, example
    assert found.label == label
    error = _error(example, lang)
    template = hints.messages(lang)["hint"]
    assert error.reason is not None
    assert error.reason.endswith(template.format(title=found.title, message=found.message))
    assert error.expected  # the expected words are still given
    assert "{" not in error.reason  # every field was filled


# ── and near misses get no wrong hint ────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("lang", "phrase"),
    [
        ("en", "ten yaers"),  # a typo of a unit, not an unknown currency
        ("en", "10 yaers in prison"),
        ("en", "a term of 10 yaers"),
        ("en", "500 zorkmids"),  # no penalty named: unit or currency, who knows
        ("en", "sentenced to 3 years and 500 zorkmids"),
        ("en", "a fine of $500 and 10 yaers"),  # the fine is an earlier item
        ("en", "fined $500 zorkmids"),  # the currency is given: "$"
        ("en", "fined ("),  # not a currency sign
        ("en", "five years in prisn"),
        ("en", "banana"),
        ("zh", "有期徒刑十年卢布"),  # after a length, not an amount
        ("zh", "五年有限"),  # (五年有期 is the press's short form of 有期徒刑五年)
        ("zh", "香蕉"),
        ("de", "zehn Jahrre"),
        ("fr", "dix anz"),
        ("es", "diez añoss"),
    ],
)
def test_near_misses_get_no_hint(lang: str, phrase: str) -> None:
    """Phrases that fail like an example but are not that mistake get no hint at all."""
    assert hints.diagnose(lang, phrase, parser_for(lang)) is None
    separator = hints.messages(lang)["hint"].split("{")[0]
    assert separator not in (_error(phrase, lang).reason or "")


@pytest.mark.parametrize(
    ("lang", "phrase", "label"),
    [
        ("en", "up to 120", "missing_unit"),  # not a calendar year
        ("en", "up to 2012", "calendar_year"),
        ("en", "a fine of $500 and 10", "missing_unit"),  # the fine is an earlier item
        ("en", "sentenced to 5 years and a fine of 700 quatloos", "unknown_currency"),
        ("en", "life with parole after 25", "missing_unit"),
        ("de", "Geldstrafe von 500 Rubel", "unknown_currency"),
        ("de", "Geldstrafe von 90 Tagessätzen", "day_fines"),  # not an unknown currency
        ("zh", "判处有期徒刑三年，并处罚金五千", "missing_currency"),
        ("zh", "判处有期徒刑十五", "missing_unit"),  # custody: a unit, not a currency
    ],
)
def test_the_most_specific_hint_wins(lang: str, phrase: str, label: str) -> None:
    """Where several hints share a parser state, the penalty named and the words decide."""
    found = hints.diagnose(lang, phrase, parser_for(lang))
    assert found is not None
    assert found.label == label


# ── what the error says ──────────────────────────────────────────────────────────────────────


def test_english_errors_without_a_hint_are_unchanged() -> None:
    """The wording README.md and parse()'s docstring show stays exactly as it was."""
    assert _error("ten yaers").reason == (
        "unexpected 'yaers'; expected a unit such as 'years', a number, ..."
    )
    error = _error("five years in prisn")
    assert (error.column, error.reason) == (
        14,
        "unexpected 'prisn'; expected a number, a length such as 'a year', ...",
    )


def test_unknown_currency_names_the_word_and_puts_currencies_first() -> None:
    error = _error("a fine of 500 zorkmids")
    assert error.column == 14
    assert error.expected[0] == "a currency such as 'dollars'"
    assert error.reason == (
        "unexpected 'zorkmids'; expected a currency such as 'dollars', a unit such as 'years', "
        "... — unknown currency: 'zorkmids' is not a currency this reader knows; write the "
        "amount as '$500', '500 dollars' or 'USD 500'"
    )


def test_an_unfinished_phrase_says_so_and_what_follows_nothing() -> None:
    error = _error("5 years in prison followed by")
    assert error.column == len("5 years in prison followed by")
    assert error.reason is not None
    assert error.reason.startswith("the phrase ends too soon; expected a number")
    assert error.reason.endswith(
        "dangling connective: nothing follows 'followed by'; finish the phrase or drop "
        "'followed by'"
    )


@pytest.mark.parametrize(
    ("lang", "phrase", "reason", "expected"),
    [
        ("zh", "五年有限", "此处不能是“有限”；应为数字、刑种（如“有期徒刑”）、……", "数字"),
        ("zh", "罚金五千", "短语过早结束；应为币种（如“元”）", "单位（如“年”“个月”）"),
        (
            "de",
            "zehn Jahrre",
            "unerwartet: „Jahrre“; erwartet: eine Einheit wie „Jahre“",
            "eine Zahl",
        ),
        ("fr", "dix anz", "« anz » inattendu ; attendu : une unité comme « ans »", "« et »"),
        ("es", "diez añoss", "«añoss» inesperado; se esperaba una unidad como «años»", "un número"),
    ],
)
def test_errors_speak_the_language_of_the_phrase(
    lang: str, phrase: str, reason: str, expected: str
) -> None:
    """Expected words and the reason are in the phrase's language, from its hints file."""
    error = _error(phrase, lang)
    assert error.reason is not None
    assert error.reason.startswith(reason)
    assert expected in error.expected
    english = set(hints.expected_words("en").values())
    assert not english & set(error.expected)


def test_a_hinted_error_still_pickles() -> None:
    error = _error("fined 500 quatloos")
    again = pickle.loads(pickle.dumps(error))
    assert (again.column, again.expected, again.reason, str(again)) == (
        error.column,
        error.expected,
        error.reason,
        str(error),
    )


def test_the_notation_grammar_still_reports_in_english() -> None:
    """A language with no hints file (the canonical notation) gets English words, no hint."""
    error = _error("custody P6M..P")
    # ")" too: the term might close an option of a choice (one LALR state serves both).
    assert "an ISO-8601 duration such as 'P1Y6M'" in error.expected
    assert "hint" not in str(error).lower()


def test_examples_are_parsed_once_per_language_and_parser() -> None:
    """Lark's match_examples parses every example on each call; here they are parsed once."""
    _error("fined 1 quatloo")  # builds the English index if no test did yet
    before = hints._index.cache_info()
    for number in range(2, 40):
        error = _error(f"fined {number} quatloos")
        assert "unknown currency" in (error.reason or "")
    after = hints._index.cache_info()
    assert after.misses == before.misses
    assert after.currsize == before.currsize


# ── the range that runs backwards ────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("lang", "phrase", "column", "reason"),
    [
        (
            "en",
            "10 years to 6 months",
            0,
            "the range runs backwards: the minimum, 10 years, is longer than the maximum, "
            "6 months; put the shorter term first",
        ),
        (
            "en",
            "sentenced to 10 years to 6 months in prison",
            13,
            "the range runs backwards: the minimum, 10 years, is longer than the maximum, "
            "6 months; put the shorter term first",
        ),
        (
            "en",
            "from 1 year 6 months to 1 year",
            0,
            "the range runs backwards: the minimum, 1 year 6 months, is longer than the "
            "maximum, 1 year; put the shorter term first",
        ),
        (
            "en",
            "between $1.5 million and $500,000",
            0,
            "the range runs backwards: the minimum, $1,500,000, is more than the maximum, "
            "$500,000; put the smaller amount first",
        ),
        (
            "zh",
            "有期徒刑十年至六个月",
            0,
            "刑期范围前后颠倒：下限10年长于上限6个月；请把较短的刑期写在前面",
        ),
        (
            "de",
            "zehn Jahre bis sechs Monate",
            0,
            "der Bereich ist verkehrt herum: das Minimum, 10 Jahre, ist länger als das "
            "Maximum, 6 Monate; die kürzere Dauer zuerst nennen",
        ),
        (
            "fr",
            "dix ans à six mois",
            0,
            "la fourchette est à l’envers : le minimum, 10 ans, dépasse le maximum, 6 mois ; "
            "écrire la durée la plus courte en premier",
        ),
        (
            "es",
            "diez años a seis meses",
            0,
            "el intervalo está al revés: el mínimo, 10 años, es más largo que el máximo, "
            "6 meses; escriba primero la duración más corta",
        ),
    ],
)
def test_a_backwards_range_says_so_in_words(
    lang: str, phrase: str, column: int, reason: str
) -> None:
    """The column stays at the range; the reason says what to change, in the phrase's words."""
    error = _error(phrase, lang)
    assert (error.column, error.reason) == (column, reason)


# ── the command line ─────────────────────────────────────────────────────────────────────────


def test_cli_prints_the_hint_with_a_caret_and_exits_1(monkeypatch: pytest.MonkeyPatch) -> None:
    out, err = io.StringIO(), io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    code = cli.main(["parse", "a fine of 500 zorkmids"])
    assert code == 1
    lines = err.getvalue().splitlines()
    assert "Traceback" not in err.getvalue()
    assert lines[0].startswith('cannot read "a fine of 500 zorkmids" at column 14: unexpected')
    assert "unknown currency: 'zorkmids' is not a currency" in lines[0]
    assert lines[1] == "  a fine of 500 zorkmids"
    assert lines[2] == "  " + " " * 14 + "^"


def test_cli_run_for_real_speaks_chinese() -> None:
    """`python -m sentencenorm parse --lang zh ...` exits 1, no traceback, caret and hint."""
    result = subprocess.run(
        [sys.executable, "-m", "sentencenorm", "parse", "--lang", "zh", "罚金五千卢布"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert "未知币种：不认识“卢布”这种货币" in lines[0]
    assert lines[1:3] == ["  罚金五千卢布", "      ^"]


def test_package_exports_are_untouched() -> None:
    """The hints module is internal: nothing new in sentencenorm's public names."""
    assert "hints" not in sentencenorm.__all__


@pytest.mark.parametrize(
    ("lang", "phrase"),
    [
        ("en", "fined 500 quat\x1b[2Jloos"),
        ("zh", "罚金五千卢\u202e布"),
        ("de", "Geldstrafe von 500 Zork\x00mids"),
        ("fr", "cinq ans\u202e et"),
    ],
)
def test_reasons_escape_what_a_terminal_would_act_on(lang: str, phrase: str) -> None:
    """The unexpected word is quoted with its control characters escaped, in every language."""
    reason = _error(phrase, lang).reason
    assert reason is not None
    assert reason.isprintable()
