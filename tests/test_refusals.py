"""A refused phrase costs where reading stops; its words are worked out when they are read.

`parse` refuses a phrase as soon as the fast loop (sentencenorm.reading.lalr) stops: the
column is known then. What was expected there and the hint need Lark's own exception (a
second parse) and the hints data: they are worked out the first time `expected`, `reason`,
the message or `str()` is read, once for every copy of the error (a remembered refusal is
raised again as a copy). These tests hold the deferred errors to the ones Lark's exception
gives at once, on the fixtures and corpora and on drawn text.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_lalr import phrases_of, vocabulary_text

import sentencenorm
from sentencenorm import SentenceParseError
from sentencenorm.errors import deferred
from sentencenorm.reading import parser as parser_module
from sentencenorm.reading.grammars import NOTATION, available_languages, parser_for
from sentencenorm.reading.lalr import LarkLoop

LANGUAGES = available_languages()


@contextmanager
def larks_own_loop() -> Iterator[None]:
    """`parse` run by Lark's parser: every error made at once from Lark's exception."""
    with mock.patch.object(
        parser_module, "fast_parser_for", lambda lang: LarkLoop(parser_for(lang))
    ):
        yield


def outcome(text: str, lang: str) -> tuple[Any, ...]:
    found = parser_module._outcome.__wrapped__(text, lang, None)  # type: ignore[attr-defined]
    if isinstance(found, SentenceParseError):
        return ("error", found.column, found.expected, found.reason, str(found))
    return ("value", str(found))


def assert_same(text: str, lang: str) -> None:
    deferred_outcome = outcome(text, lang)
    with larks_own_loop():
        assert deferred_outcome == outcome(text, lang), text


@pytest.mark.parametrize("lang", [*LANGUAGES, NOTATION])
def test_every_fixture_and_corpus_refusal_is_the_one_lark_gives(lang: str) -> None:
    phrases = phrases_of(lang if lang != NOTATION else "en")
    for phrase in phrases[:400] + [f"{p} zork" for p in phrases[:100]]:
        assert_same(phrase, lang if lang != NOTATION else "en")


@pytest.mark.parametrize("lang", LANGUAGES)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_drawn_refusals_are_the_ones_lark_gives(lang: str, data: st.DataObject) -> None:
    text = data.draw(st.one_of(vocabulary_text(lang), st.text(max_size=30)))
    if text.strip():
        assert_same(text, lang)


def test_the_words_are_worked_out_when_read_and_once() -> None:
    parser_module._outcome.cache_clear()
    calls: list[str] = []
    real = parser_module._words_from_lark

    def counted(text: str, lang: str) -> tuple[tuple[str, ...], str | None]:
        calls.append(text)
        return real(text, lang)

    with mock.patch.object(parser_module, "_words_from_lark", counted):
        errors = []
        for _ in range(3):  # the second and third are remembered: copies of the first
            with pytest.raises(SentenceParseError) as caught:
                sentencenorm.parse("ten yaers zork")
            errors.append(caught.value)
        assert calls == []
        assert errors[0].column == 4
        assert errors[0] is not errors[1]
        assert errors[1].reason == (
            "unexpected 'yaers'; expected a unit such as 'years', a number, ..."
        )
        assert calls == ["ten yaers zork"]
        assert [str(e) for e in errors] == [str(errors[1])] * 3
        assert calls == ["ten yaers zork"]


def test_a_deferred_error_pickles_and_shows_as_before() -> None:
    parser_module._outcome.cache_clear()
    with pytest.raises(SentenceParseError) as caught:
        sentencenorm.parse("ten yaers")
    error = caught.value
    again = pickle.loads(pickle.dumps(error))
    assert (again.column, again.expected, again.reason) == (
        error.column,
        error.expected,
        error.reason,
    )
    assert str(again) == str(error)
    assert repr(error) == f"SentenceParseError({error.message!r})"


def test_deferred() -> None:
    error = deferred("ten yaers", 4, lambda: (["a unit"], "no unit"))
    assert str(error).splitlines()[0] == 'cannot read "ten yaers" at column 4: no unit'
    assert error.expected == ("a unit",)
