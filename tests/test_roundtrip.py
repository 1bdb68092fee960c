"""Round trips that must hold for every canonical sentence."""

from __future__ import annotations

from hypothesis import given

from sentencenorm import Sentence, parse
from sentencenorm.strategies import sentences


@given(sentences())
def test_notation_round_trip(value: Sentence) -> None:
    """parse(str(s)) == s: the canonical notation reads back to the same sentence."""
    assert parse(str(value)) == value


@given(sentences())
def test_dict_round_trip(value: Sentence) -> None:
    """from_dict(to_dict(s)) == s, and to_dict is stable through that trip."""
    data = value.to_dict()
    again = Sentence.from_dict(data)
    assert again == value
    assert again.to_dict() == data
