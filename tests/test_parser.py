"""parse(): its errors, its limits, and that nothing but SentenceParseError escapes it."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

import sentencenorm
import sentencenorm.reading.batch  # a submodule is an attribute once imported (import is lazy)
from sentencenorm import (
    MAX_PHRASE_LENGTH,
    SentenceNormError,
    SentenceParseError,
    UnknownJurisdictionError,
    UnknownLanguageError,
    parse,
)


def test_error_names_the_column_and_draws_a_caret() -> None:
    """The message quotes the phrase, gives the column (0-based, as `.column` and the JSON
    record give it: one base everywhere) and a caret under it."""
    with pytest.raises(SentenceParseError) as info:
        parse("five years in prisn")
    error = info.value
    assert error.column == 14
    assert error.text == "five years in prisn"
    lines = str(error).splitlines()
    assert lines[0].startswith('cannot read "five years in prisn" at column 14')
    assert lines[2].index("^") - 2 == 14
    record = sentencenorm.reading.batch.record(error)
    assert record["error"]["column"] == 14
    assert "at column 14:" in record["error"]["message"]


def test_error_lists_expected_words_in_plain_english() -> None:
    """Expected items are words for people, not terminal names."""
    with pytest.raises(SentenceParseError) as info:
        parse("ten")
    assert "a unit such as 'years'" in info.value.expected
    assert all(not word.isupper() for word in info.value.expected)


def test_error_is_a_value_error_and_a_package_error() -> None:
    """Callers can catch ValueError or SentenceNormError."""
    with pytest.raises(ValueError):  # noqa: PT011 - the type is the point
        parse("banana")
    with pytest.raises(SentenceNormError):
        parse("banana")


def test_error_survives_pickling() -> None:
    """Errors cross process boundaries intact (batch workers)."""
    with pytest.raises(SentenceParseError) as info:
        parse("ten yaers")
    again = pickle.loads(pickle.dumps(info.value))
    assert (again.text, again.column, again.expected, str(again)) == (
        info.value.text,
        info.value.column,
        info.value.expected,
        str(info.value),
    )


@pytest.mark.parametrize(
    ("phrase", "reason"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("10 years to 6 months", "longer than the maximum"),
        ("0 years", "zero length"),
        ("6 months 1 year", "larger to smaller"),
        ("thirty (31) days", "figure says 31"),
        ("36 hours in jail", "whole number of days"),
        ("1.5 weeks", "whole number of days"),
        ("2 years with 3 years suspended", "longer than the term"),
        ("¥5,000", "pass the jurisdiction whose currency it is"),
        ("life imprisonment of 25 years", "life and a length"),
        ("3 years of probation in prison", "custody and probation"),
    ],
)
def test_meaningless_phrases_are_refused_with_a_reason(phrase: str, reason: str) -> None:
    """A phrase that parses but has no exact meaning is an error that says why."""
    with pytest.raises(SentenceParseError, match=reason):
        parse(phrase)


def test_too_long_input_is_refused_up_front() -> None:
    """parse() reads clauses; documents over the limit are refused at once."""
    with pytest.raises(SentenceParseError, match="at most"):
        parse("10 years " * MAX_PHRASE_LENGTH)


@pytest.mark.parametrize("lang", ["xx", "notation", "common", "../grammar/en", "EN", "", None])
def test_unknown_language_lists_the_available_ones(lang: str) -> None:
    """Only real language codes are accepted; the error names what exists."""
    with pytest.raises(UnknownLanguageError, match=r"available: (\w+, )*en\b"):
        parse("10 years", lang=lang)


def test_jurisdiction_codes_are_checked_and_normalized() -> None:
    """Jurisdiction codes are ISO 3166 shapes, any case."""
    assert str(parse("$5", jurisdiction="au-nsw")) == "fine AUD 5"
    with pytest.raises(UnknownJurisdictionError):
        parse("$5", jurisdiction="Canada")


def test_the_source_text_is_kept_outside_equality() -> None:
    """parse keeps the text it read, and equal meanings stay equal."""
    a, b = parse("18 months"), parse("1 year and 6 months")
    assert a == b
    assert (a.text, b.text) == ("18 months", "1 year and 6 months")


def test_non_text_is_a_type_error() -> None:
    """Passing bytes or None is a programming error, not a phrase."""
    with pytest.raises(TypeError):
        parse(b"10 years")  # type: ignore[arg-type]


VOCABULARY = (
    "seventy–five",
    "twenty‑five",
    "—",
    "‑",
    "of execution",
    "suspension",
    "no chance of parole for",
    "non-parole period",
    "or",
    "lakh",
    "R5",
    "\u200b",
    "(10 years)",
    "the maximum penalty is",
    "multiple",
    "a",
    "an",
    "the",
    "of",
    "in",
    "for",
    "to",
    "and",
    ",",
    ";",
    "up",
    "to",
    "at",
    "least",
    "not",
    "more",
    "than",
    "between",
    "from",
    "years",
    "months",
    "days",
    "hours",
    "life",
    "death",
    "prison",
    "probation",
    "fine",
    "$500",
    "£5",
    "ten",
    "10",
    "2.5",
    "½",
    "-",
    "–",
    "suspended",
    "consecutive",
    "concurrent",
    "sentences",
    "sentenced",
    "faces",
    "punishable",
    "with",
    "followed",
    "by",
    "'",
    "’",
    "reprieve",
    "parole",
    "after",
    "minimum",
    "maximum",
    "(30)",
    "thirty",
    "million",
    "yuan",
    "time",
    "served",
)


def _check_outcome(text: str) -> None:
    """parse(text) gives a sentence that round-trips, or a deliberate SentenceParseError."""
    try:
        value = parse(text)
    except SentenceParseError as error:
        message = str(error)
    else:
        message = ""
        assert parse(str(value)) == value
        assert sentencenorm.Sentence.from_dict(value.to_dict()) == value
    assert "internal error" not in message


@given(st.text(max_size=80))
def test_arbitrary_text_raises_only_the_parse_error(text: str) -> None:
    """Whatever the input, parse returns a Sentence or raises SentenceParseError."""
    _check_outcome(text)


@given(st.lists(st.sampled_from(VOCABULARY), max_size=12).map(" ".join))
def test_vocabulary_soup_raises_only_the_parse_error(text: str) -> None:
    """Sequences of real grammar words reach deep paths without any other exception."""
    _check_outcome(text)


# ── the phrase cache ────────────────────────────────────────────────────────────────────────


def test_a_repeated_phrase_is_read_once() -> None:
    """A phrase seen before is answered from the cache, with an equal value."""
    from sentencenorm.reading.parser import _outcome

    first = parse("seventeen months and 3 days in jail")
    hits = _outcome.cache_info().hits
    again = parse("seventeen months and 3 days in jail")
    assert again == first
    assert again.text == first.text
    assert _outcome.cache_info().hits == hits + 1


def test_a_repeated_error_is_a_fresh_error_with_the_same_fields() -> None:
    """A phrase that failed before fails again the same way, with a new exception object."""
    errors = []
    for _ in range(2):
        with pytest.raises(SentenceParseError) as info:
            parse("ten yaers of cached failure")
        errors.append(info.value)
    first, second = errors
    assert first is not second
    assert (first.text, first.column, first.expected, first.reason) == (
        second.text,
        second.column,
        second.expected,
        second.reason,
    )


@given(st.text(max_size=40))
def test_cached_and_fresh_reads_agree(text: str) -> None:
    """The cache changes nothing: a second read equals a read with the cache cleared."""
    from sentencenorm.reading.parser import _outcome

    def read() -> object:
        try:
            return parse(text)
        except SentenceParseError as error:
            return (error.column, error.reason, error.expected)

    cached = read()
    _outcome.cache_clear()
    assert read() == cached


@pytest.mark.parametrize(
    ("phrase", "lang", "reason"),
    [
        ("a fine of $" + "9" * 29, "en", "at most 28 digits"),
        ("a fine of $1.000000000000000000000000000001", "en", "at most 28 significant digits"),
        ("custody P0Y", "en", "zero length"),
        ("fine USD 0", "en", "amount of zero"),
        ("custody P10Y..P6M", "en", "longer than the maximum"),  # the notation's own reason
    ],
)
def test_amounts_and_notation_are_refused_not_rounded(phrase: str, lang: str, reason: str) -> None:
    with pytest.raises(SentenceParseError, match=reason):
        parse(phrase, lang=lang)


def test_the_largest_amount_reads_exactly() -> None:
    assert str(parse("a fine of $" + "9" * 28)) == "fine USD " + "9" * 28


def test_vulgar_fractions_read_in_every_language() -> None:
    assert str(parse("有期徒刑4½年", lang="zh")) == "custody P4Y6M"


@pytest.mark.parametrize("hostile", ["\x1b[2J", "\x00", "\u202e", "\ud800"])
def test_error_messages_escape_what_a_terminal_would_obey(hostile: str) -> None:
    with pytest.raises(SentenceParseError) as caught:
        parse(f"{hostile}10 yaers")
    head = str(caught.value).splitlines()[0]
    assert hostile not in head
    assert hostile.encode("unicode_escape").decode() in head
    str(caught.value).encode("utf-8")  # printable on any UTF-8 stream


_PINYIN_PIECES = [*"執行個月年(（)）zhígèxíng12 5\u200b", "(zhí)", "（gè）", "(xíng2)"]


@given(st.lists(st.sampled_from(_PINYIN_PIECES), max_size=20).map("".join))
def test_pinyin_readings_are_found_where_the_pattern_finds_them(text: str) -> None:
    from sentencenorm.reading.cleaning import _pinyin, _pinyin_readings

    everywhere = [m.span() for m in _pinyin().finditer(text)]
    assert [m.span() for m in _pinyin_readings(text)] == everywhere


def test_long_phrases_are_not_remembered() -> None:
    """The parse cache is bounded by size: a phrase longer than CACHED_LENGTH is read each
    time and never kept (600 MB of 2,000-character phrases could be held before)."""
    from sentencenorm.reading.parser import CACHED_LENGTH, _outcome

    before = _outcome.cache_info().currsize
    for number in range(50):
        long_phrase = f"{number + 1} years in prison " + "x" * CACHED_LENGTH
        with pytest.raises(SentenceParseError):
            parse(long_phrase)
    assert _outcome.cache_info().currsize == before
    parse("seven years in prison")
    assert _outcome.cache_info().currsize == before + 1


@pytest.mark.parametrize(
    "phrase", ["1995 to life", "2,000 to life", "$5,000 to life", "1000 to life"]
)
def test_a_year_or_a_figure_is_never_a_number_of_years(phrase: str) -> None:
    """A bare four-digit or money figure before "to life" is refused (issue 14, item 8)."""
    with pytest.raises(SentenceParseError):
        parse(phrase)
    assert str(parse("25 to life")) == "custody P25Y..life"
