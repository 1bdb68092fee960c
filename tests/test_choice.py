"""Alternatives (MODEL.md, "choice"): "or" is never "and".

The model refuses what is not a choice; the reader makes one only where penalties stand apart
across "or"; the law layer reads it as the interval from its least severe option to its most.
The phrase families themselves are fixtures (tests/fixtures/en/combinations.txt, extract/).
"""

from __future__ import annotations

import pytest

from sentencenorm import (
    LIFE,
    Choice,
    Custody,
    Death,
    Duration,
    Fine,
    Money,
    Sentence,
    SentenceDataError,
    SentenceParseError,
    compare,
    parse,
)
from sentencenorm.law.comparison import Order
from sentencenorm.model import expansions

FIVE_YEARS = Custody(None, Duration.of(years=5))
FINE = Fine(None, Money(250000, "USD"))


def test_a_choice_keeps_its_options_in_order() -> None:
    choice = Choice([[FIVE_YEARS], [FINE], [FIVE_YEARS, FINE]])
    assert choice.options == ((FIVE_YEARS,), (FINE,), (FIVE_YEARS, FINE))
    assert choice.kinds == ("custody", "fine")
    assert Choice([[FINE], [FIVE_YEARS]]) != Choice([[FIVE_YEARS], [FINE]])


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ([[FIVE_YEARS]], "from 2 to"),
        ([[FIVE_YEARS], []], "from 1 to"),
        ([[FIVE_YEARS], [FIVE_YEARS]], "each option once"),
        ([[FIVE_YEARS], [Choice([[FINE], [FIVE_YEARS]])]], "no choice inside a choice"),
        ([[FIVE_YEARS], ["custody P5Y"]], "components of one kind"),
        ("custody", "list of options"),
    ],
)
def test_what_is_no_choice_is_refused(options: object, message: str) -> None:
    with pytest.raises((ValueError, TypeError), match=message):
        Choice(options)  # type: ignore[arg-type]


def test_expansions_are_every_way_in_order() -> None:
    other = Choice([[Death()], [Custody(None, LIFE)]])
    ways = expansions([Choice([[FIVE_YEARS], [FINE]]), other])
    assert ways == [
        (FIVE_YEARS, Death()),
        (FIVE_YEARS, Custody(None, LIFE)),
        (FINE, Death()),
        (FINE, Custody(None, LIFE)),
    ]


def test_json_and_notation_carry_a_choice() -> None:
    sentence = parse("punishable by up to 5 years in prison, a $250,000 fine, or both")
    assert str(sentence) == (
        "statutory: choice(custody ..P5Y | fine ..USD 250000 | custody ..P5Y + fine ..USD 250000)"
    )
    data = sentence.to_dict()
    assert data["components"][0]["kind"] == "choice"
    assert [len(option) for option in data["components"][0]["options"]] == [1, 1, 2]
    assert Sentence.from_dict(data) == sentence
    assert parse(str(sentence)) == sentence


@pytest.mark.parametrize(
    ("data", "path"),
    [
        ({"kind": "choice", "options": [[{"kind": "death"}]]}, "components[0].options"),
        (
            {"kind": "choice", "options": [[{"kind": "death"}], [{"kind": "dearth"}]]},
            "components[0].options[1][0].kind",
        ),
        (
            {
                "kind": "choice",
                "options": [
                    [{"kind": "death"}],
                    [{"kind": "choice", "options": [[{"kind": "death"}], [{"kind": "fine"}]]}],
                ],
            },
            "components[0].options[1][0]",
        ),
    ],
)
def test_from_dict_names_what_is_wrong_in_a_choice(data: object, path: str) -> None:
    with pytest.raises(SentenceDataError) as error:
        Sentence.from_dict({"components": [data]})
    assert error.value.path == path


def test_notation_refuses_an_option_twice() -> None:
    with pytest.raises(SentenceParseError, match="each option once"):
        parse("choice(death | death)")


def test_severity_runs_from_the_least_severe_option_to_the_most() -> None:
    # (a statute's plain values are ceilings, statute_choice_ceilings: the notation states a
    # choice of exact values)
    assert str(parse("choice(fine USD 500 | custody P30D)").severity()) == "none..P30D"
    assert str(parse("death or life imprisonment").severity()) == "?..death"
    with_both = parse("up to 5 years in prison, a $250,000 fine, or both").severity()
    assert str(with_both) == "?..P5Y"
    assert "alternatives" in with_both.reason
    assert str(parse("a fine of $500 or restitution of $200").severity()) == "unplaced"


def test_months_and_compare_take_the_same_interval() -> None:
    assert parse("death or life imprisonment").months("cail") == (-1.0, -2.0)
    assert parse("death or life imprisonment").months("ussc") == (470.0, 470.0)
    assert parse("punishable by a fine of $500 or 30 days in jail").months()[0] == 0.0
    assert compare("up to 5 years or a fine", "10 years").order is Order.LESS
