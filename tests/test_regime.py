"""Custody `regime` (MODEL.md, components: administrative detention, 行政拘留) through every
layer: the model, JSON, the notation, compare and severity, the renderer."""

from __future__ import annotations

import pytest

from sentencenorm import (
    Custody,
    Duration,
    Order,
    Regime,
    Sentence,
    SentenceDataError,
    UnsupportedError,
    compare,
    parse,
    render,
)

DETENTION = Regime.ADMINISTRATIVE_DETENTION


def days(n: int) -> Duration:
    return Duration.of(days=n)


def test_regime_is_optional_and_converted_from_its_value() -> None:
    assert Custody(days(5), days(5)).regime is None
    held = Custody(days(5), days(5), regime="administrative_detention")
    assert held.regime is DETENTION
    assert held != Custody(days(5), days(5))
    with pytest.raises(ValueError, match="prison camp"):
        Custody(days(5), days(5), regime="prison camp")


def test_json_writes_regime_only_when_set() -> None:
    """Ordinary custody keeps exactly the contract's keys; a regime adds its key."""
    plain = Sentence([Custody(None, days(5))]).to_dict()["components"][0]
    assert "regime" not in plain
    held = Sentence([Custody(None, days(5), regime=DETENTION)]).to_dict()["components"][0]
    assert held == {
        "kind": "custody",
        "min": None,
        "max": "P5D",
        "count": 1,
        "aggregation": None,
        "suspended": None,
        "regime": "administrative_detention",
    }
    assert Sentence.from_dict({"components": [held]}).components[0].regime is DETENTION
    assert Sentence.from_dict({"components": [{**plain, "regime": None}]}).components[0] == (
        Custody(None, days(5))
    )


def test_json_refuses_an_unknown_regime_naming_its_path() -> None:
    with pytest.raises(SentenceDataError, match=r"components\[0\]\.regime"):
        Sentence.from_dict({"components": [{"kind": "custody", "regime": "jail cell"}]})


def test_notation_marks_the_regime_and_reads_it_back() -> None:
    value = Sentence([Custody(days(5), days(10), regime=DETENTION)])
    assert str(value) == "custody P5D..P10D regime=administrative_detention"
    assert parse(str(value)) == value
    assert parse(str(value), lang="zh") == value


def test_administrative_detention_compares_as_days_of_custody() -> None:
    detention = Sentence([Custody(days(15), days(15), regime=DETENTION)])
    assert compare(detention, parse("6 months")).order is Order.LESS
    assert compare(detention, parse("15 days")).order is Order.EQUAL
    assert detention.severity() == parse("15 days").severity()


def test_chinese_writes_administrative_detention_and_reads_it_back() -> None:
    for value in (
        Custody(days(10), days(10), regime=DETENTION),
        Custody(days(5), days(10), regime=DETENTION),
        Custody(None, days(5), regime=DETENTION),
    ):
        for style in ("words", "digits"):
            text = render(value, locale="zh", style=style)  # type: ignore[arg-type]
            assert "行政拘留" in text
            assert parse(text, lang="zh") == Sentence([value])
    assert render(Custody(days(10), days(10), regime=DETENTION), locale="zh") == "行政拘留十天"


@pytest.mark.parametrize("locale", ["en", "de", "fr", "es", "it"])
def test_languages_without_the_institution_refuse_it(locale: str) -> None:
    value = Custody(days(10), days(10), regime=DETENTION)
    with pytest.raises(UnsupportedError, match="administrative detention"):
        render(value, locale=locale)
    assert render(value, locale=locale, unsupported="notation") == str(Sentence([value]))


# ── a forfeiture with no amount stated (corpus README: amount null) ─────────────────────────


def test_forfeiture_may_state_no_amount() -> None:
    from sentencenorm import Forfeiture, Money

    assert Forfeiture().amount is None
    assert Forfeiture(Money(5000, "CNY")).amount == Money(5000, "CNY")
    with pytest.raises(ValueError, match="zero"):
        Forfeiture(Money(0, "CNY"))
    value = Sentence([Forfeiture()])
    assert value.to_dict()["components"] == [{"kind": "forfeiture", "amount": None}]
    assert Sentence.from_dict(value.to_dict()) == value
    assert str(value) == "forfeiture"
    assert parse(str(value)) == value


def test_chinese_reads_and_writes_a_forfeiture_of_property() -> None:
    from sentencenorm import Forfeiture

    read = parse("无期徒刑，并处没收财产", lang="zh")
    assert read.components[-1] == Forfeiture()
    assert render(Forfeiture(), locale="zh") == "没收财产"
    assert render(Forfeiture(), locale="zh_Hant") == "沒收財產"
    assert render(Forfeiture(), locale="en") == "forfeiture"


def test_restitution_may_state_no_amount() -> None:
    from sentencenorm import Money, Restitution

    assert Restitution().amount is None
    with pytest.raises(ValueError, match="zero"):
        Restitution(Money(0, "USD"))
    value = Sentence([Restitution()])
    assert value.to_dict()["components"] == [{"kind": "restitution", "amount": None}]
    assert Sentence.from_dict(value.to_dict()) == value
    assert str(value) == "restitution"
    assert parse(str(value)) == value
    assert (
        parse("concurrent custodial sentences and restitution").components[-1]
        == value.components[0]
    )
    assert render(Restitution(), locale="en") == "restitution"
    assert render(Restitution(), locale="zh") == "责令退赔"
    assert render(Restitution(), locale="zh_Hant") == "責令退賠"


# ── a forfeiture of all property (没收个人全部财产; corpus README: all_property true) ─────────


def test_forfeiture_of_all_property() -> None:
    from sentencenorm import Forfeiture, Money

    everything = Forfeiture(all_property=True)
    assert everything.amount is None
    with pytest.raises(ValueError, match="all property"):
        Forfeiture(Money(5000, "CNY"), all_property=True)
    value = Sentence([everything])
    # the key is written only when true: older records keep their keys
    assert value.to_dict()["components"] == [
        {"kind": "forfeiture", "amount": None, "all_property": True}
    ]
    assert Sentence([Forfeiture()]).to_dict()["components"] == [
        {"kind": "forfeiture", "amount": None}
    ]
    assert Sentence.from_dict(value.to_dict()) == value
    missing = {"components": [{"kind": "forfeiture", "amount": None}]}
    assert Sentence.from_dict(missing) == Sentence([Forfeiture()])
    with pytest.raises(ValueError, match="all_property"):
        Sentence.from_dict({"components": [{"kind": "forfeiture", "all_property": "yes"}]})
    assert str(value) == "forfeiture all_property"
    assert parse(str(value)) == value


def test_all_property_is_read_and_written() -> None:
    from sentencenorm import Forfeiture

    everything = Forfeiture(all_property=True)
    for text in ("无期徒刑，并处没收个人全部财产", "死刑，并沒收個人全部財產"):
        assert parse(text, lang="zh").components[-1] == everything
    assert parse("forfeiture of all his personal property").components == (everything,)
    assert render(everything, locale="zh") == "没收个人全部财产"
    assert render(everything, locale="zh_Hant") == "沒收個人全部財產"
    assert render(everything, locale="en") == "forfeiture of all property"
