"""Severity intervals and compare: the rules of the severity axis, and the order laws."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sentencenorm import (
    Custody,
    Duration,
    Order,
    Sentence,
    SentenceParseError,
    UnsupportedError,
    compare,
    parse,
)
from sentencenorm.law import jurisdictions as profiles
from sentencenorm.law.severity import Level, Rank
from sentencenorm.strategies import components, sentences

SEVERITIES = [
    # (phrase, jurisdiction, interval)
    ("life", None, "?..life"),
    ("life", "root", "?..life"),
    ("life", "US", "life"),
    ("life", "US-CA", "P7Y..life"),
    ("life", "GB", "?..life"),
    ("life", "CN", "P13Y..life"),
    ("life", "DE", "P15Y..life"),
    ("life", "FR", "P18Y..life"),
    ("life", "NO", "?..life"),
    ("life sentences", "DE", "P15Y..life"),
    ("life without parole", None, "life"),
    ("a whole life order", "GB", "life"),
    ("25 years to life", None, "P25Y..life"),
    ("25 years to life", "US", "P25Y..life"),
    ("six months to 10 years", None, "P6M..P10Y"),
    ("six months to 10 years", "DE", "P6M..P10Y"),
    ("10 years", "CN", "P10Y"),
    ("up to 20 years", None, "?..P20Y"),
    ("up to 20 years", "US", "?..P20Y"),
    ("up to 5 years", "DE", "P1M..P5Y"),
    ("up to 5 years", "CN", "P1M..P5Y"),
    ("up to 5 years", "NO", "P14D..P5Y"),
    ("at least 10 years", None, "P10Y..?"),
    ("at least 10 years", "DE", "P10Y..P15Y"),
    ("at least 10 years", "CN", "P10Y..P15Y"),
    ("at least 10 years", "FR", "P10Y..P30Y"),
    ("at least 10 years", "NO", "P10Y..P30Y"),
    ("at least 20 years", "DE", "P20Y..?"),  # beyond the 15-year limit: not filled
    ("a prison sentence", None, "?..?"),
    ("two years suspended for three years", None, "none..P2Y"),
    ("two years suspended for three years", "US", "none..P2Y"),
    ("three consecutive terms of 5 years", None, "P15Y"),
    ("3 concurrent terms of 5 years", None, "P5Y"),
    ("three terms of 5 years", None, "P5Y..P15Y"),
    ("three terms of 5 years", "CN", "P5Y..P15Y"),
    ("five terms of 5 years", "CN", "P5Y..P20Y"),  # total 25 < 35: at most 20 (art. 69)
    ("five terms of 10 years", "CN", "P10Y..P25Y"),  # total 50 >= 35: at most 25
    ("three consecutive life sentences", "DE", "P15Y..life"),
    ("three consecutive life sentences", "US", "life"),
    ("death", None, "death"),
    ("death", "DE", "death"),
    ("a suspended death sentence", None, "death_reprieve"),
    ("a suspended death sentence", "CN", "death_reprieve"),
    ("punishable by death or life imprisonment", "US", "life..death"),
    ("punishable by death or life imprisonment", None, "?..death"),
    ("10 years in prison and a $5,000 fine", None, "P10Y"),
    ("84 months in prison followed by two years of supervised release", "US", "P7Y"),
    ("a fine of $500", None, "unplaced"),
    ("five years of probation", "US", "unplaced"),
    ("200 hours of community service", None, "unplaced"),
]


@pytest.mark.parametrize(("text", "code", "expected"), SEVERITIES)
def test_severity_interval(text: str, code: str | None, expected: str) -> None:
    """The severity of a phrase, with the profile filling only what the phrase leaves unstated."""
    assert str(parse(text).severity(code)) == expected


REASONS = [
    ("life", None, "minimum of a life sentence is unstated"),
    ("life", "DE", "§ 57a(1) StGB"),
    ("life", "US", "served for life"),
    ("life", "GB", "set by the court"),
    ("life", "NO", "Norway has no life sentence"),
    ("a suspended death sentence", "CN", "reprieve of 2 years (Criminal Law of the PRC"),
    ("a suspended death sentence", None, "reprieve is unstated"),
    ("death", "FR", "France has no death penalty"),
    ("two years suspended for three years", None, "may never be served"),
    ("two years suspended for three years", "GB", "operational period of 3 years is outside"),
    ("a fine of $500", None, "no custodial or death component (fine)"),
    ("at least 10 years", "DE", "unstated maximum is 15 years in DE (§ 38 StGB)"),
    ("five terms of 10 years", "CN", "at most 25 years (Criminal Law of the PRC, art. 69)"),
    ("life", "CN", "political rights for life (Criminal Law of the PRC, art. 57)"),
    ("a suspended death sentence", "CN", "political rights for life"),
    (
        "84 months in prison followed by two years of supervised release",
        "US",
        "elease follows custody and is not part of it (18 U.S.C. § 3583(a))",
    ),
]


@pytest.mark.parametrize(("text", "code", "words"), REASONS)
def test_severity_reason_says_what_was_assumed(text: str, code: str | None, words: str) -> None:
    """The reason names each assumption, with the law a profile took it from."""
    assert words in parse(text).severity(code).reason


def test_a_stated_reprieve_is_kept_and_an_unstated_one_filled() -> None:
    """CN fills a two-year reprieve; a stated reprieve wins; no profile leaves it unknown."""
    suspended = parse("a suspended death sentence")
    assert suspended.severity("CN").reprieve == Duration.of(years=2)
    assert suspended.severity().reprieve is None
    stated = parse("death with a three-year reprieve")
    assert stated.severity("CN").reprieve == Duration.of(years=3)


def test_parse_records_only_what_the_text_says() -> None:
    """A jurisdiction at parse time does not fill legal meaning into the value."""
    assert parse("life", jurisdiction="DE") == parse("life")
    assert str(parse("a suspended death sentence", jurisdiction="CN")) == "death suspended"


COMPARISONS = [
    # (a, b, jurisdiction, basis, order)
    ("life", "25 years", "DE", "interval", Order.OVERLAPS),
    ("life", "25 years", "DE", "max", Order.GREATER),
    ("life", "25 years", "DE", "min", Order.LESS),
    ("life", "10 years", "DE", "interval", Order.GREATER),
    ("life", "25 years", "US", "interval", Order.GREATER),
    ("life", "25 years", None, "interval", Order.OVERLAPS),
    ("life", "25 years", None, "max", Order.GREATER),
    ("life", "25 years", None, "min", Order.OVERLAPS),
    ("life", "life", None, "interval", Order.OVERLAPS),
    ("life", "life", "US", "interval", Order.EQUAL),
    ("life", "life", None, "max", Order.EQUAL),
    ("life", "25 years to life", None, "max", Order.EQUAL),
    ("life", "25 years to life", "FR", "min", Order.LESS),
    ("1 month", "30 days", None, "interval", Order.INCOMPARABLE),
    ("1 month", "32 days", None, "interval", Order.LESS),
    ("1 month", "27 days", None, "interval", Order.GREATER),
    ("18 months", "1 year and 6 months", None, "interval", Order.EQUAL),
    ("six months to 10 years", "two to three years", None, "interval", Order.OVERLAPS),
    ("six months to 10 years", "two to three years", None, "max", Order.GREATER),
    ("six months to 10 years", "two to three years", None, "min", Order.LESS),
    ("six months to 10 years", "11 years", None, "interval", Order.LESS),
    ("up to 5 years", "10 years", None, "interval", Order.LESS),
    ("up to 5 years", "2 years", None, "interval", Order.OVERLAPS),
    ("at least 10 years", "5 years", None, "interval", Order.GREATER),
    ("at least 10 years", "20 years", None, "interval", Order.OVERLAPS),
    ("at least 10 years", "20 years", "DE", "interval", Order.LESS),
    ("two years suspended for three years", "6 months", None, "interval", Order.OVERLAPS),
    ("two years suspended for three years", "3 years", None, "interval", Order.LESS),
    ("two years suspended for three years", "2 years", None, "max", Order.EQUAL),
    ("a suspended death sentence", "death", None, "interval", Order.LESS),
    ("a suspended death sentence", "life without parole", None, "interval", Order.GREATER),
    ("a suspended death sentence", "a suspended death sentence", "CN", "interval", Order.EQUAL),
    ("death", "life", None, "interval", Order.GREATER),
    ("death", "death", None, "interval", Order.EQUAL),
    ("a fine of $500", "2 years", None, "interval", Order.INCOMPARABLE),
    ("a fine of $500", "a fine of $500", None, "interval", Order.INCOMPARABLE),
    ("five years of probation", "death", None, "interval", Order.INCOMPARABLE),
    ("10 years in prison and a $5,000 fine", "10 years", None, "interval", Order.EQUAL),
]


@pytest.mark.parametrize(("a", "b", "code", "basis", "order"), COMPARISONS)
def test_compare(a: str, b: str, code: str | None, basis: str, order: Order) -> None:
    """compare follows the interval rules, and the reverse comparison agrees."""
    result = compare(parse(a), parse(b), jurisdiction=code, basis=basis)
    assert result.order is order, result.reason
    assert compare(parse(b), parse(a), jurisdiction=code, basis=basis).order is order.reverse()


def test_compare_reads_phrases() -> None:
    """Phrases are parsed first (in *lang*), so compare("life", "25 years") just works."""
    assert compare("life", "25 years", jurisdiction="DE") == compare(
        parse("life"), parse("25 years"), jurisdiction="DE"
    )
    assert compare("无期徒刑", "死刑", lang="zh").order is Order.LESS
    assert compare("a fine of $500", "10 years", jurisdiction="US").order is Order.INCOMPARABLE


def test_reason_is_a_readable_sentence() -> None:
    """The reason names both phrases, what each means, the relation and the law used."""
    result = compare(parse("life"), parse("25 years"), jurisdiction="DE")
    assert result.reason.startswith('"life" (15 years to life) and "25 years" (25 years) overlap')
    assert "§ 57a(1) StGB" in result.reason
    assert str(result).startswith("OVERLAPS: ")
    month = compare(parse("1 month"), parse("30 days"))
    assert "a month is 28 to 31 days" in month.reason
    fine = compare(parse("a fine of $500"), parse("2 years"))
    assert "no common scale" in fine.reason
    assert "no custodial or death component" in fine.reason
    by_max = compare(parse("life"), parse("25 years"), basis="max")
    assert by_max.reason.startswith('by maximum, "life" (a maximum of life) is more severe')


def test_compare_refuses_what_it_cannot_read() -> None:
    """compare takes Sentences or phrases and a known basis; anything else is a clear error."""
    with pytest.raises(TypeError, match="parse the text first"):
        compare(42, parse("10 years"))  # type: ignore[arg-type]
    with pytest.raises(SentenceParseError):
        compare("ten yaers", "10 years")
    with pytest.raises(UnsupportedError, match="interval, max, min"):
        compare(parse("life"), parse("10 years"), basis="median")


def test_level_order() -> None:
    """No custody < durations < life < death with a reprieve < death."""
    axis = [
        Level(Rank.NONE),
        Level(Rank.DURATION, Duration.of(days=1)),
        Level(Rank.DURATION, Duration.of(years=99)),
        Level(Rank.LIFE),
        Level(Rank.DEATH_REPRIEVE),
        Level(Rank.DEATH),
    ]
    for index, lower in enumerate(axis):
        for higher in axis[index + 1 :]:
            assert lower.compare(higher) == -1
            assert higher.compare(lower) == 1
        assert lower.compare(lower) == 0
    with pytest.raises(ValueError, match="exactly when its rank is DURATION"):
        Level(Rank.LIFE, Duration.of(years=1))


# The order laws, under Hypothesis, in every profile and on every basis.

codes = st.sampled_from([None, *profiles.available()])
bases = st.sampled_from(["interval", "max", "min"])
custody = components("custody")
death = components("death")
# Custody and death only: most pairs land on the scale, so LESS chains are common.
on_scale = st.builds(
    Sentence,
    components=st.lists(st.one_of(custody, custody, death), min_size=1, max_size=2),
    modality=st.sampled_from([None, "imposed", "potential"]),
)
any_sentence = st.one_of(on_scale, sentences(written=True))
# One plain term (a custody's bounds alone) or a death sentence: chains of LESS are frequent
# among these.
single_terms = st.one_of(
    custody.map(lambda part: Sentence((Custody(part.min, part.max),))),  # type: ignore[attr-defined]
    death.map(lambda part: Sentence((part,))),
)
chained = st.one_of(single_terms, on_scale)


@given(any_sentence, any_sentence, codes, bases)
def test_compare_agrees_with_its_reverse(a: Sentence, b: Sentence, code: str, basis: str) -> None:
    """compare(b, a) is compare(a, b) seen from the other side (antisymmetry)."""
    forward = compare(a, b, jurisdiction=code, basis=basis).order
    backward = compare(b, a, jurisdiction=code, basis=basis).order
    assert backward is forward.reverse()


@given(any_sentence, any_sentence, codes)
def test_equal_iff_the_same_point(a: Sentence, b: Sentence, code: str) -> None:
    """EQUAL exactly when both severities are one known point, the same one."""
    left, right = a.severity(code), b.severity(code)
    same_point = left.is_point and right.is_point and left.low == right.low
    assert (compare(a, b, jurisdiction=code).order is Order.EQUAL) == same_point


@given(any_sentence, codes, bases)
def test_a_sentence_never_orders_against_itself(a: Sentence, code: str, basis: str) -> None:
    """compare(a, a) is never LESS or GREATER; it is EQUAL for a point."""
    order = compare(a, a, jurisdiction=code, basis=basis).order
    assert order not in (Order.LESS, Order.GREATER)
    if basis == "interval" and a.severity(code).is_point:
        assert order is Order.EQUAL


@given(st.lists(chained, min_size=3, max_size=6), codes, bases)
def test_less_is_transitive(values: list[Sentence], code: str, basis: str) -> None:
    """a < b and b < c give a < c, for every triple of a handful of sentences."""
    orders = {
        (i, j): compare(a, b, jurisdiction=code, basis=basis).order
        for i, a in enumerate(values)
        for j, b in enumerate(values)
    }
    for i, j in orders:
        for k in range(len(values)):
            if orders[i, j] is Order.LESS and orders[j, k] is Order.LESS:
                assert orders[i, k] is Order.LESS


@given(any_sentence, codes)
def test_severity_is_a_well_formed_interval(a: Sentence, code: str) -> None:
    """low is never above high; open ends sit at the ends of the custodial scale."""
    value = a.severity(code)
    if not value.placed:
        assert not any(part.kind in ("custody", "death") for part in a.components)
        return
    assert value.low is not None
    assert value.high is not None
    assert value.low.compare(value.high) != 1
    if value.low_open:
        assert value.low.rank is Rank.NONE
    if value.high_open:
        assert value.high.rank is Rank.LIFE
    assert value.reason.endswith(".")


@given(st.lists(on_scale, min_size=2, max_size=6), codes)
def test_sorting_by_less_is_consistent(values: list[Sentence], code: str) -> None:
    """Whatever is LESS than something is never GREATER than it under the same profile."""
    for a in values:
        for b in values:
            order = compare(a, b, jurisdiction=code).order
            if order is Order.LESS:
                assert compare(b, a, jurisdiction=code).order is Order.GREATER
