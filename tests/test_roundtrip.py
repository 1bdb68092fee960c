"""Round trips that must hold for every canonical sentence."""

from __future__ import annotations

import copy
import pickle

import attrs
from hypothesis import given
from hypothesis import strategies as st

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


@given(sentences(), st.text(max_size=20) | st.none())
def test_pickle_and_copy_round_trip(value: Sentence, text: str | None) -> None:
    """A sentence crosses to another process (workers, Dask) as its values and comes back
    the same: equal, with its text, its dict and its repr, its durations shared
    (`sentencenorm.model.pickling`); `copy` and `deepcopy` give the same."""
    value = attrs.evolve(value, text=text)
    for again in (
        pickle.loads(pickle.dumps(value, pickle.HIGHEST_PROTOCOL)),
        pickle.loads(pickle.dumps(value, 2)),
        copy.copy(value),
        copy.deepcopy(value),
    ):
        assert type(again) is Sentence
        assert again == value
        assert (again.text, repr(again), again.to_dict()) == (text, repr(value), value.to_dict())
        assert hash(again) == hash(value)
