"""`Sentence.from_dict` accepts exactly what `to_dict` writes; everything else is one error.

Each case here was accepted before (issue 14, item 6): a huge exponent built a 1 GB string,
zero terms and amounts read into values that `parse(str(v))` refuses, ``suspended: "yes"``
read as suspended, and deep nesting raised RecursionError.
"""

from __future__ import annotations

import copy
import json
import time
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sentencenorm import Sentence, SentenceDataError, SentenceNormError, parse
from sentencenorm.strategies import sentences


def custody(**fields: Any) -> dict[str, Any]:
    return {"components": [{"kind": "custody", **fields}]}


def fine_max(amount: Any, currency: Any = "USD") -> dict[str, Any]:
    return {"components": [{"kind": "fine", "max": {"amount": amount, "currency": currency}}]}


@pytest.mark.parametrize(
    ("data", "path", "words"),
    [
        # a huge exponent: refused before any digit is expanded
        (fine_max("1e-999999999"), "components[0].max.amount", "decimal string"),
        (fine_max("1E+999999999"), "components[0].max.amount", "decimal string"),
        (fine_max("0." + "0" * 40 + "1"), "components[0].max.amount", "decimals"),
        (fine_max("9" * 29), "components[0].max.amount", "digits"),
        (fine_max("1" * 100_000), "components[0].max.amount", "decimal string"),
        (fine_max(5.5), "components[0].max.amount", "decimal string"),
        (fine_max(True), "components[0].max.amount", "decimal string"),
        (fine_max("-5"), "components[0].max.amount", "decimal string"),
        (fine_max("NaN"), "components[0].max.amount", "decimal string"),
        (fine_max("5", "usd"), "components[0].max.currency", "ISO 4217"),
        (fine_max("5", 840), "components[0].max.currency", "ISO 4217"),
        # zero: what parse refuses, from_dict refuses
        (fine_max("0"), "components[0].max.amount", "zero"),
        (fine_max("0.00"), "components[0].max.amount", "zero"),
        (custody(max="P0D"), "components[0].max", "zero"),
        (custody(min="P0Y", max="P1Y"), "components[0].min", "zero"),
        (custody(suspended={"period": "P0D"}), "components[0].suspended.period", "zero"),
        (
            {"components": [{"kind": "death", "suspended": True, "reprieve": "P0D"}]},
            "components[0].reprieve",
            "zero",
        ),
        (
            {"components": [{"kind": "restitution", "amount": {"amount": "0", "currency": "USD"}}]},
            "components[0].amount.amount",
            "zero",
        ),
        # suspended is null or {"period": ...}, nothing else
        (custody(suspended="yes"), "components[0].suspended", "period"),
        (custody(suspended=[1]), "components[0].suspended", "period"),
        (custody(suspended={}), "components[0].suspended", "period"),
        (custody(suspended=True), "components[0].suspended", "period"),
        (custody(suspended={"period": "P1Y", "x": 1}), "components[0].suspended", "period"),
        # types, keys and the model's own rules
        (custody(count="2"), "components[0].count", "whole number"),
        (custody(count=True), "components[0].count", "whole number"),
        (custody(count=0), "components[0]", "1 to 10000"),
        (custody(aggregation="both"), "components[0].aggregation", "consecutive"),
        (custody(min="P5Y", max="P1Y"), "components[0]", "longer than"),
        (custody(min="life", max="P1Y"), "components[0]", "life"),
        (custody(max="P" + "9" * 5000 + "Y"), "components[0].max", "ISO-8601"),
        (custody(max="P99999999Y"), "components[0].max", "between 0 and"),
        (custody(prison=True), "components[0].prison", "not a field of custody"),
        ({"components": [{"kind": "prison"}]}, "components[0].kind", "unknown component kind"),
        ({"components": [{"kind": ["custody"]}]}, "components[0].kind", "unknown component"),
        ({"components": [{"kind": "community_service"}]}, "components[0].hours", "missing"),
        ({"components": [{"kind": "community_service", "hours": 0}]}, "components[0]", "hours"),
        ({"components": [{"kind": "other", "label": "  "}]}, "components[0]", "label"),
        ({"components": [{"kind": "death"}], "modality": "maybe"}, "modality", "imposed"),
        ({"components": [{"kind": "death"}], "modality": ["imposed"]}, "modality", "imposed"),
        ({"components": [{"kind": "death"}], "text": 5}, "text", "string"),
        ({"components": []}, "components", "non-empty list"),
        ({"components": "custody P1Y"}, "components", "non-empty list"),
        ({"components": [1]}, "components[0]", "object with a 'kind'"),
        ([], "", "an object with 'components'"),
        (None, "", "an object with 'components'"),
    ],
)
def test_from_dict_refuses_with_the_key_path(data: Any, path: str, words: str) -> None:
    """Every bad value raises SentenceDataError naming where it is and what is wrong."""
    started = time.perf_counter()
    with pytest.raises(SentenceDataError) as caught:
        Sentence.from_dict(data)
    assert time.perf_counter() - started < 1.0  # nothing huge is built on the way
    error = caught.value
    assert error.path == path
    assert words in error.problem
    assert isinstance(error, ValueError)
    assert isinstance(error, SentenceNormError)
    assert str(error) == (f"{path}: {error.problem}" if path else error.problem)


def test_deep_nesting_is_refused_not_a_recursion_error() -> None:
    """A value nested 100,000 deep where a duration belongs: one short error."""
    deep: Any = "P1Y"
    for _ in range(100_000):
        deep = [deep]
    with pytest.raises(SentenceDataError) as caught:
        Sentence.from_dict(custody(max=deep))
    assert caught.value.path == "components[0].max"
    assert len(str(caught.value)) < 200
    nested: Any = {}
    for _ in range(100_000):
        nested = {"components": nested}
    with pytest.raises(SentenceDataError):
        Sentence.from_dict(nested)


def test_provenance_keys_around_the_components_are_ignored() -> None:
    """A record of `extract --jsonl` (start, end, file...) reads as its sentence."""
    record = {**parse("five years in prison").to_dict(), "start": 3, "end": 22, "file": "a.txt"}
    assert Sentence.from_dict(record) == parse("five years in prison")


def test_gold_spellings_read_as_their_values() -> None:
    """Amounts with trailing zeros, whole-number amounts and non-canonical ISO spellings that
    name the same value are that value (the corpora's gold is written so)."""
    value = Sentence.from_dict(
        {
            "components": [
                {"kind": "custody", "min": "P18M", "max": "P2Y"},
                {"kind": "fine", "min": {"amount": "200.00", "currency": "USD"}, "max": None},
                {"kind": "restitution", "amount": {"amount": 5000, "currency": "USD"}},
            ]
        }
    )
    assert str(value) == "custody P1Y6M..P2Y + fine USD 200.. + restitution USD 5000"


@given(sentences())
def test_round_trip_through_json_text(value: Sentence) -> None:
    """from_dict(json.loads(json.dumps(to_dict(s)))) == s for every canonical s."""
    assert Sentence.from_dict(json.loads(json.dumps(value.to_dict()))) == value


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=12)
    | st.sampled_from(["P1Y", "P0D", "life", "custody", "USD", "0", "1e9", "period"]),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner),
    max_leaves=20,
)


@given(json_values)
def test_arbitrary_json_raises_only_the_documented_error(data: Any) -> None:
    """Whatever JSON arrives, from_dict returns a Sentence or raises SentenceDataError."""
    try:
        value = Sentence.from_dict(data)
    except SentenceDataError:
        return
    assert Sentence.from_dict(value.to_dict()) == value


_KEYS = st.sampled_from(
    ["kind", "min", "max", "count", "aggregation", "suspended", "period", "amount", "currency"]
)


@settings(max_examples=300)
@given(sentences(), st.data())
def test_mutated_records_raise_only_the_documented_error(value: Sentence, data: Any) -> None:
    """A valid record with one value replaced or one key dropped: a sentence that round-trips
    (to_dict of it reads back to itself), or SentenceDataError; never another exception."""
    record = copy.deepcopy(value.to_dict())
    component = data.draw(st.sampled_from(record["components"]))
    key = data.draw(_KEYS)
    if data.draw(st.booleans()):
        component.pop(key, None)
    else:
        component[key] = data.draw(json_values)
    try:
        again = Sentence.from_dict(record)
    except SentenceDataError:
        return
    assert Sentence.from_dict(again.to_dict()) == again
