"""The JSON contract of MODEL.md, key for key."""

from __future__ import annotations

import json

import pytest

from sentencenorm import Sentence, parse


@pytest.mark.parametrize(
    ("phrase", "components"),
    [
        (
            "six months to 10 years",
            [
                {
                    "kind": "custody",
                    "min": "P6M",
                    "max": "P10Y",
                    "count": 1,
                    "aggregation": None,
                    "suspended": None,
                }
            ],
        ),
        (
            "three consecutive life sentences",
            [
                {
                    "kind": "custody",
                    "min": None,
                    "max": "life",
                    "count": 3,
                    "aggregation": "consecutive",
                    "suspended": None,
                }
            ],
        ),
        (
            "2 years, suspended for 3 years",
            [
                {
                    "kind": "custody",
                    "min": "P2Y",
                    "max": "P2Y",
                    "count": 1,
                    "aggregation": None,
                    "suspended": {"period": "P3Y"},
                }
            ],
        ),
        (
            "death sentence with a two-year reprieve",
            [{"kind": "death", "suspended": True, "reprieve": "P2Y"}],
        ),
        (
            "a fine of up to $250,000",
            [{"kind": "fine", "min": None, "max": {"amount": "250000", "currency": "USD"}}],
        ),
        (
            "$43,000 in restitution",
            [{"kind": "restitution", "amount": {"amount": "43000", "currency": "USD"}}],
        ),
        (
            "forfeit $1.2 million",
            [{"kind": "forfeiture", "amount": {"amount": "1200000", "currency": "USD"}}],
        ),
        ("3 years of probation", [{"kind": "probation", "min": "P3Y", "max": "P3Y"}]),
        ("200 hours of community service", [{"kind": "community_service", "hours": 200}]),
        ("time served", [{"kind": "other", "label": "time served", "quantity": None}]),
        (
            "six months of home confinement",
            [{"kind": "other", "label": "home confinement", "quantity": "P6M"}],
        ),
        (
            "$250 in costs",
            [
                {
                    "kind": "other",
                    "label": "costs",
                    "quantity": {"amount": "250", "currency": "USD"},
                }
            ],
        ),
        (
            "12 strokes of the cane",
            [{"kind": "other", "label": "caning", "quantity": {"count": 12, "unit": "strokes"}}],
        ),
    ],
)
def test_to_dict_has_exactly_the_contract_keys(
    phrase: str, components: list[dict[str, object]]
) -> None:
    """to_dict() writes the documented keys and values, nothing renamed."""
    data = parse(phrase).to_dict()
    assert data == {"text": phrase, "modality": None, "components": components}
    assert json.loads(json.dumps(data)) == data  # plain JSON types only


def test_modality_is_its_plain_value() -> None:
    """Modality serializes as "imposed", "potential", "statutory" or null."""
    assert parse("sentenced to 5 years").to_dict()["modality"] == "imposed"


def test_from_dict_reads_gold_annotations() -> None:
    """Gold components read back, with a missing custody count meaning 1 and extra keys ignored."""
    value = Sentence.from_dict(
        {
            "components": [
                {
                    "kind": "custody",
                    "min": "P1Y",
                    "max": "P1Y",
                    "aggregation": None,
                    "suspended": None,
                },
                {"kind": "fine", "min": {"amount": "200.00", "currency": "USD"}, "max": None},
            ],
            "modality": "imposed",
            "extra": "ignored",
        }
    )
    assert str(value) == "imposed: custody P1Y + fine USD 200.."
