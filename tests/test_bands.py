"""Months under a statistics convention, and sentence-length bands."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sentencenorm import Sentence, UnknownSchemeError, UnsupportedError, parse
from sentencenorm.law import jurisdictions as profiles
from sentencenorm.law.bands import band_schemes, conventions, scheme
from sentencenorm.strategies import sentences

MONTHS = [
    # (phrase, convention, (lo, hi))
    ("10 years", "ussc", (120, 120)),
    ("six months to 10 years", "ussc", (6, 120)),
    ("84 months in prison followed by two years of supervised release", "ussc", (84, 84)),
    ("up to 20 years", "ussc", (0, 240)),
    ("at least 10 years", "ussc", (120, None)),
    ("life", "ussc", (470, 470)),
    ("life", "cail", (-1, -1)),
    ("life sentences", "ussc", (470, 470)),
    ("life without parole", "cail", (-1, -1)),
    ("25 years to life", "ussc", (300, 470)),
    ("25 years to life", "cail", (300, -1)),
    ("death", "ussc", (470, 470)),
    ("death", "cail", (-2, -2)),
    ("a suspended death sentence", "cail", (-2, -2)),
    ("a suspended death sentence", "ussc", (470, 470)),
    ("30 days", "ussc", (30 / 30.4375, 30 / 30.4375)),
    ("1 year and 14 days", "cail", (12 + 14 / 30.4375, 12 + 14 / 30.4375)),
    ("two years suspended for three years", "cail", (24, 24)),
    ("three consecutive terms of 5 years", "ussc", (180, 180)),
    ("3 concurrent terms of 5 years", "ussc", (60, 60)),
    ("three terms of 5 years", "ussc", (60, 180)),
    ("10 years in prison and a $5,000 fine", "ussc", (120, 120)),
    ("a fine of $500", "ussc", (0, 0)),
    ("a fine of $500", "cail", (0, 0)),
    ("five years of probation", "ussc", (0, 0)),
]


@pytest.mark.parametrize(("text", "convention", "expected"), MONTHS)
def test_months(text: str, convention: str, expected: tuple[float, float | None]) -> None:
    """Months follow the convention's codes; days count 30.4375 a month."""
    low, high = parse(text).months(convention)
    assert low == pytest.approx(expected[0])
    if expected[1] is None:
        assert high is None
    else:
        assert high == pytest.approx(expected[1])


def test_months_default_is_ussc() -> None:
    """Without a convention, months are coded as the USSC codes them."""
    assert parse("life").months() == (470.0, 470.0)


def test_conventions_cite_sources() -> None:
    """Each convention names its source and its codes for life and death."""
    assert set(conventions()) == {"ussc", "cail"}
    for convention in conventions().values():
        assert convention.source.strip()
    assert (conventions()["cail"].life, conventions()["cail"].death) == (-1, -2)
    assert (conventions()["ussc"].life, conventions()["ussc"].death) == (470, 470)


BANDS = [
    # (phrase, scheme, jurisdiction, basis, label)
    ("20 days", "space1", None, "max", "<1m"),
    ("30 days", "space1", None, "max", "<1m"),  # 30 / 30.4375 months
    ("31 days", "space1", None, "max", "1m-<3m"),
    ("1 month", "space1", None, "max", "1m-<3m"),
    ("2 months", "space1", None, "max", "1m-<3m"),
    ("3 months", "space1", None, "max", "3m-<6m"),
    ("6 months", "space1", None, "max", "6m-<1y"),
    ("11 months", "space1", None, "max", "6m-<1y"),
    ("1 year", "space1", None, "max", "1y-<3y"),
    ("two years", "space1", None, "max", "1y-<3y"),
    ("3 years", "space1", None, "max", "3y-<5y"),
    ("five years", "space1", None, "max", "5y-<10y"),
    ("10 years", "space1", None, "max", "10y-<20y"),
    ("19 years and 11 months", "space1", None, "max", "10y-<20y"),
    ("20 years", "space1", None, "max", ">=20y"),
    ("99 years", "space1", None, "max", ">=20y"),
    ("life", "space1", None, "max", "life"),
    ("death", "space1", None, "max", "death"),
    ("a suspended death sentence", "space1", None, "max", "death"),
    ("six months to 10 years", "space1", None, "max", "10y-<20y"),
    ("six months to 10 years", "space1", None, "min", "6m-<1y"),
    ("two years suspended for three years", "space1", None, "max", "1y-<3y"),
    ("two years suspended for three years", "space1", None, "min", None),
    ("at least 5 years", "space1", None, "max", None),
    ("at least 5 years", "space1", "DE", "max", "10y-<20y"),
    ("at least 5 years", "space1", None, "min", "5y-<10y"),
    ("life", "space1", "DE", "min", "10y-<20y"),
    ("life", "space1", "US", "min", "life"),
    ("life", "space1", None, "min", None),
    ("a fine of $500", "space1", None, "max", None),
    ("6 months", "bop", None, "max", "<=1y"),
    ("1 year", "bop", None, "max", "<=1y"),
    ("a year and a day", "bop", None, "max", "1y-<3y"),
    ("two years", "bop", None, "max", "1y-<3y"),
    ("3 years", "bop", None, "max", "3y-<5y"),
    ("seven years", "bop", None, "max", "5y-<10y"),
    ("10 years", "bop", None, "max", "10y-<15y"),
    ("15 years", "bop", None, "max", "15y-<20y"),
    ("20 years", "bop", None, "max", ">=20y"),
    ("life", "bop", None, "max", "life"),
    ("death", "bop", None, "max", "death"),
]


@pytest.mark.parametrize(("text", "code", "jurisdiction", "basis", "label"), BANDS)
def test_band(
    text: str, code: str, jurisdiction: str | None, basis: str, label: str | None
) -> None:
    """The band holding the chosen end; None when that end is unstated or not custody."""
    assert parse(text).band(code, jurisdiction=jurisdiction, basis=basis) == label


@pytest.mark.parametrize("code", ["space1", "bop"])
def test_band_tables_are_data_with_a_source(code: str) -> None:
    """Each scheme loads from its data file, names its source, and ends with life and death."""
    table = scheme(code)
    assert table.source.strip()
    labels = [item.label for item in table.bands]
    assert labels[-2:] == ["life", "death"]
    assert labels[-3] == ">=20y"


def test_the_schemes_list_their_labels_exactly() -> None:
    """The labels are the ones SPACE I and the Bureau of Prisons publish."""
    assert [item.label for item in scheme("space1").bands] == [
        "<1m", "1m-<3m", "3m-<6m", "6m-<1y", "1y-<3y", "3y-<5y",
        "5y-<10y", "10y-<20y", ">=20y", "life", "death",
    ]  # fmt: skip
    assert [item.label for item in scheme("bop").bands] == [
        "<=1y", "1y-<3y", "3y-<5y", "5y-<10y", "10y-<15y", "15y-<20y", ">=20y", "life", "death",
    ]  # fmt: skip
    assert band_schemes() == ("bop", "space1")


def test_unknown_scheme_or_convention_names_the_known_ones() -> None:
    """An unknown scheme or convention is a named error listing what exists."""
    with pytest.raises(UnknownSchemeError, match="bop, space1"):
        parse("10 years").band("space2")
    with pytest.raises(UnknownSchemeError, match="cail, ussc"):
        parse("10 years").months("bjs")
    with pytest.raises(UnsupportedError, match="max, min"):
        parse("10 years").band("space1", basis="interval")


@given(sentences(), st.sampled_from(["space1", "bop"]), st.sampled_from(["max", "min"]))
def test_band_is_a_label_of_the_scheme_or_none(sentence: Sentence, code: str, basis: str) -> None:
    """Every sentence gets one of the scheme's labels, or None, without error."""
    labels = {item.label for item in scheme(code).bands}
    for jurisdiction in (None, *profiles.available()):
        label = sentence.band(code, jurisdiction=jurisdiction, basis=basis)
        assert label is None or label in labels


@given(sentences(), st.sampled_from(["ussc", "cail"]))
def test_months_never_fail(sentence: Sentence, convention: str) -> None:
    """Every sentence has months under every convention; a known maximum is never below 0
    unless it is a life or death code."""
    low, high = sentence.months(convention)
    codes = {conventions()[convention].life, conventions()[convention].death}
    assert low >= 0 or low in codes
    assert high is None or high >= 0 or high in codes
