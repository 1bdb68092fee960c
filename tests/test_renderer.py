"""render(): canonical values written as English prose that parse() reads back.

Chinese and the other locales are in tests/test_render_locales.py.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from babel import Locale
from babel.localedata import locale_identifiers
from hypothesis import given
from hypothesis import strategies as st

import sentencenorm
from sentencenorm import (
    LIFE,
    Choice,
    CommunityService,
    CommunitySupervision,
    Component,
    Custody,
    Death,
    DeprivationOfRights,
    Duration,
    Fine,
    Forfeiture,
    Modality,
    Money,
    Other,
    Probation,
    Restitution,
    Sentence,
    SupervisedRelease,
    Suspension,
    UnknownLocaleError,
    UnsupportedError,
    parse,
    render,
)
from sentencenorm.language import lexicon
from sentencenorm.model import COMPONENT_TYPES, Counted
from sentencenorm.model.labels import OtherLabel, other_label
from sentencenorm.strategies import sentences
from sentencenorm.writing import wording as wording_module
from sentencenorm.writing.wording import join_list

STYLES = ["words", "digits"]


def years(n: int) -> Duration:
    return Duration.of(years=n)


def months(n: int) -> Duration:
    return Duration.of(months=n)


def usd(amount: int | str) -> Money:
    return Money(amount, "USD")


def reads_back(value: Sentence | Component, **options: str) -> str:
    """Render *value* and check that parse() reads the text back to the same value."""
    text = render(value, **options)  # type: ignore[arg-type]
    expected = value if isinstance(value, Sentence) else Sentence((value,))
    assert parse(text) == expected, ascii(text)
    return text


#: Latin-script English locales: every one Babel knows is written (and read back).
ENGLISH = sorted(
    code
    for code in locale_identifiers()
    if code.split("_")[0] == "en" and Locale.parse(code).script in (None, "Latn")
)

# ── the key property ─────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize("style", STYLES)
@given(value=sentences(written=True))
def test_render_then_parse_is_identity(style: str, value: Sentence) -> None:
    """parse(render(s, style=X)) == s for every canonical sentence, in both styles; only
    alternatives may be refused (UnsupportedError), where the reader would read the words
    otherwise ("up to a month of probation or one month": the "up to" carries over)."""
    text = _written(value, style=style)
    assert text is None or parse(text) == value, ascii(text)


def _written(value: Sentence, **options: Any) -> str | None:
    try:
        return render(value, **options)
    except UnsupportedError:
        if not any(isinstance(component, Choice) for component in value.components):
            raise
        return None


@given(
    value=sentences(written=True), locale=st.sampled_from(ENGLISH), style=st.sampled_from(STYLES)
)
def test_every_english_locale_reads_back(value: Sentence, locale: str, style: str) -> None:
    """Regional English (en_GB, en_IN, en_DE, ...) is read back by the English reader too."""
    text = _written(value, locale=locale, style=style)
    if text is None:
        return
    assert parse(text) == value, ascii(text)
    assert "\u00a0" not in text
    assert "\u202f" not in text


# ── one table: every component kind and every bound shape ───────────────────────────────────

P1Y6M15D = Duration.of(years=1, months=6, days=15)
P1Y6M = Duration.of(years=1, months=6)

TABLE: list[tuple[Component | Sentence, str, str]] = [
    # custody: every bound shape
    (Custody(years(10), years(10)), "ten years", "10 years"),
    (Custody(months(6), years(10)), "six months to ten years", "6 months to 10 years"),
    (Custody(None, years(20)), "up to twenty years", "up to 20 years"),
    (Custody(years(10), None), "at least ten years", "at least 10 years"),
    (Custody(None, LIFE), "life", "life"),
    (Custody(LIFE, LIFE), "life without parole", "life without parole"),
    (Custody(years(25), LIFE), "twenty-five years to life", "25 years to life"),
    (Custody(), "imprisonment", "imprisonment"),
    (
        Custody(P1Y6M15D, P1Y6M15D),
        "one year, six months, and fifteen days",
        "1 year, 6 months, and 15 days",
    ),
    (
        Custody(P1Y6M, Duration.of(years=2, months=3)),
        "one year six months to two years three months",
        "1 year 6 months to 2 years 3 months",
    ),
    # custody: counts and aggregation
    (
        Custody(None, LIFE, count=3, aggregation="consecutive"),
        "three consecutive life sentences",
        "3 consecutive life sentences",
    ),
    (
        Custody(years(10), years(10), count=2, aggregation="concurrent"),
        "two concurrent ten-year terms",
        "2 concurrent 10-year terms",
    ),
    (Custody(None, LIFE, count=None), "life sentences", "life sentences"),
    (
        Custody(years(10), years(10), count=None, aggregation="consecutive"),
        "consecutive ten-year terms",
        "consecutive 10-year terms",
    ),
    (
        Custody(None, years(20), count=None),
        "terms each of up to twenty years",
        "terms each of up to 20 years",
    ),
    (
        Custody(months(6), years(10), count=2),
        "two terms of six months to ten years",
        "2 terms of 6 months to 10 years",
    ),
    (
        Custody(P1Y6M, P1Y6M, count=2),
        "two terms of one year and six months",
        "2 terms of 1 year and 6 months",
    ),
    (
        Custody(LIFE, LIFE, count=2),
        "two life sentences without parole",
        "2 life sentences without parole",
    ),
    (Custody(count=2), "two prison terms", "2 prison terms"),
    (Custody(count=None), "prison terms", "prison terms"),
    (
        Custody(years(10), years(10), aggregation="consecutive"),
        "ten years, to be served consecutively",
        "10 years, to be served consecutively",
    ),
    # custody: suspension
    (
        Custody(years(2), years(2), suspended=Suspension()),
        "two years, suspended",
        "2 years, suspended",
    ),
    (
        Custody(years(2), years(2), suspended=Suspension(years(3))),
        "two years, suspended for three years",
        "2 years, suspended for 3 years",
    ),
    (Custody(suspended=Suspension()), "imprisonment, suspended", "imprisonment, suspended"),
    # death
    (Death(), "death", "death"),
    (Death(suspended=True), "a suspended death sentence", "a suspended death sentence"),
    (
        Death(suspended=True, reprieve=years(2)),
        "a death sentence with a two-year reprieve",
        "a death sentence with a 2-year reprieve",
    ),
    (
        Death(suspended=True, reprieve=P1Y6M),
        "a death sentence with a reprieve of one year and six months",
        "a death sentence with a reprieve of 1 year and 6 months",
    ),
    # money: every bound shape; figures in both styles
    (Fine(usd(5000), usd(5000)), "a fine of $5,000", "a fine of $5,000"),
    (Fine(None, usd(5000)), "a fine of up to $5,000", "a fine of up to $5,000"),
    (Fine(usd(5000), None), "a fine of at least $5,000", "a fine of at least $5,000"),
    (Fine(usd(1000), usd(5000)), "a fine of $1,000 to $5,000", "a fine of $1,000 to $5,000"),
    (Fine(), "a fine", "a fine"),
    (Fine(usd("1234.5"), usd("1234.5")), "a fine of $1,234.50", "a fine of $1,234.50"),
    (Restitution(usd(5000)), "$5,000 in restitution", "$5,000 in restitution"),
    (Forfeiture(usd(5000)), "forfeiture of $5,000", "forfeiture of $5,000"),
    # supervision
    (Probation(years(3), years(3)), "three years of probation", "3 years of probation"),
    (
        Probation(months(6), years(3)),
        "six months to three years of probation",
        "6 months to 3 years of probation",
    ),
    (
        Probation(years(3), None),
        "at least three years of probation",
        "at least 3 years of probation",
    ),
    (Probation(), "probation", "probation"),
    (
        SupervisedRelease(None, years(3)),
        "up to three years of supervised release",
        "up to 3 years of supervised release",
    ),
    (SupervisedRelease(), "supervised release", "supervised release"),
    (
        CommunitySupervision(years(2), years(2)),
        "two years of community supervision",
        "2 years of community supervision",
    ),
    (CommunitySupervision(), "community supervision", "community supervision"),
    # deprivation of rights: every bound shape, life included
    (
        DeprivationOfRights(years(3), years(3)),
        "deprivation of political rights for three years",
        "deprivation of political rights for 3 years",
    ),
    (
        DeprivationOfRights(years(1), years(3)),
        "deprivation of political rights for one year to three years",
        "deprivation of political rights for 1 year to 3 years",
    ),
    (
        DeprivationOfRights(None, years(3)),
        "deprivation of political rights for up to three years",
        "deprivation of political rights for up to 3 years",
    ),
    (
        DeprivationOfRights(years(3), None),
        "deprivation of political rights for at least three years",
        "deprivation of political rights for at least 3 years",
    ),
    (
        DeprivationOfRights(None, LIFE),
        "deprivation of political rights for up to life",
        "deprivation of political rights for up to life",
    ),
    (
        DeprivationOfRights(LIFE, LIFE),
        "deprivation of political rights for life",
        "deprivation of political rights for life",
    ),
    (
        DeprivationOfRights(years(3), LIFE),
        "deprivation of political rights for three years to life",
        "deprivation of political rights for 3 years to life",
    ),
    (DeprivationOfRights(), "deprivation of political rights", "deprivation of political rights"),
    # community service and other
    (
        CommunityService(200),
        "two hundred hours of community service",
        "200 hours of community service",
    ),
    (CommunityService(1), "one hour of community service", "1 hour of community service"),
    (Other("time served"), "time served", "time served"),
    (
        Other("home confinement", months(6)),
        "six months of home confinement",
        "6 months of home confinement",
    ),
    (
        Other("house arrest", months(18)),
        "one year and six months of house arrest",
        "1 year and 6 months of house arrest",
    ),
    (Other("costs", usd(500)), "$500 in costs", "$500 in costs"),
    (
        Other("caning", Counted(12, "strokes")),
        "twelve strokes of the cane",
        "12 strokes of the cane",
    ),
    (Other("flogging", Counted(74, "lashes")), "seventy-four lashes", "74 lashes"),
    # a count's pattern by plural category; a length of one unit as an adjective, "an" before
    # a number said with a vowel ([elisions]), other lengths "of" the order
    (Other("caning", Counted(1, "strokes")), "one stroke of the cane", "1 stroke of the cane"),
    (Other("flogging", Counted(1, "lashes")), "one lash", "1 lash"),
    (
        Other("community order", months(6)),
        "a six-month community order",
        "a 6-month community order",
    ),
    (
        Other("community order", months(8)),
        "an eight-month community order",
        "an 8-month community order",
    ),
    (
        Other("driving ban", Duration.of(days=18)),
        "an eighteen-day driving ban",
        "an 18-day driving ban",
    ),
    (
        Other("community order", months(18)),
        "a community order of one year and six months",
        "a community order of 1 year and 6 months",
    ),
    # modality and joining
    (
        Sentence((Custody(years(10), years(10)),), modality="imposed"),
        "sentenced to ten years",
        "sentenced to 10 years",
    ),
    (
        Sentence((Custody(years(10), years(10)),), modality="potential"),
        "could be sentenced to ten years",
        "could be sentenced to 10 years",
    ),
    (
        Sentence((Death(),), modality="statutory"),
        "punishable by death",
        "punishable by death",
    ),
    (
        Sentence((Custody(years(7), years(7)), SupervisedRelease(years(2), years(2)))),
        "seven years in prison followed by two years of supervised release",
        "7 years in prison followed by 2 years of supervised release",
    ),
    (
        Sentence((Custody(years(20), years(20)), Fine(usd(5000), usd(5000))), modality="imposed"),
        "sentenced to twenty years in prison and a fine of $5,000",
        "sentenced to 20 years in prison and a fine of $5,000",
    ),
    (
        Sentence((Custody(None, years(5)), Fine(usd(500), usd(500)))),
        "up to five years in prison; a fine of $500",
        "up to 5 years in prison; a fine of $500",
    ),
    (
        Sentence((Custody(None, years(10)), Custody(years(2), None))),
        "up to ten years in prison; at least two years",
        "up to 10 years in prison; at least 2 years",
    ),
    (
        Sentence((Custody(years(10), years(10)), Probation(months(6), months(6)))),
        "ten years in prison and six months of probation",
        "10 years in prison and 6 months of probation",
    ),
    (
        Sentence((Death(), Fine(), Restitution(usd(10)))),
        "death, a fine, and $10 in restitution",
        "death, a fine, and $10 in restitution",
    ),
    (
        Sentence((Custody(P1Y6M15D, P1Y6M15D), Fine(), Probation())),
        "one year, six months, and fifteen days in prison; a fine; probation",
        "1 year, 6 months, and 15 days in prison; a fine; probation",
    ),
    # alternatives: "or" as statutes write it, and ", or both"
    (
        Choice([[Death()], [Custody(None, LIFE)]]),
        "death or life",
        "death or life",
    ),
    (
        Choice([[Fine(usd(100), usd(1000))], [Custody(None, months(9))]]),
        "a fine of $100 to $1,000 or up to nine months",
        "a fine of $100 to $1,000 or up to 9 months",
    ),
    (
        Choice(
            [
                [Custody(None, years(5))],
                [Fine(None, usd(250000))],
                [Custody(None, years(5)), Fine(None, usd(250000))],
            ]
        ),
        "up to five years or a fine of up to $250,000, or both",
        "up to 5 years or a fine of up to $250,000, or both",
    ),
    (
        Sentence(
            (
                Choice([[Custody(years(5), years(5))], [Fine(usd(500), usd(500))]]),
                SupervisedRelease(years(3), years(3)),
            )
        ),
        "five years or a fine of $500; three years of supervised release",
        "5 years or a fine of $500; 3 years of supervised release",
    ),
]


@pytest.mark.parametrize(
    ("value", "style", "expected"),
    [(value, "words", words) for value, words, _ in TABLE]
    + [(value, "digits", digits) for value, _, digits in TABLE],
    ids=repr,
)
def test_render_table(value: Sentence | Component, style: str, expected: str) -> None:
    """Each kind and bound shape has one phrasing per style, and it reads back."""
    assert ascii(reads_back(value, style=style)) == ascii(expected)


# ── coverage of kinds, lengths, money ────────────────────────────────────────────────────────

ONE_OF_EACH: dict[type, Component] = {
    Custody: Custody(years(2), years(2), count=2, aggregation="consecutive"),
    Death: Death(suspended=True, reprieve=years(2)),
    Fine: Fine(usd(100), usd(900)),
    Restitution: Restitution(Money(5000, "GBP")),
    Forfeiture: Forfeiture(Money("12.5", "EUR")),
    Probation: Probation(None, years(3)),
    SupervisedRelease: SupervisedRelease(years(1), years(5)),
    CommunitySupervision: CommunitySupervision(months(18), months(18)),
    CommunityService: CommunityService(120),
    DeprivationOfRights: DeprivationOfRights(LIFE, LIFE),
    Other: Other("electronic monitoring", Duration.of(days=90)),
    Choice: Choice([[Fine(usd(500), usd(500))], [Custody(None, months(6))]]),
}


def test_one_of_each_covers_every_kind() -> None:
    """The sample below has one value of every component class in the model."""
    assert set(ONE_OF_EACH) == set(COMPONENT_TYPES)


@pytest.mark.parametrize("locale", ["en", "en_US", "en_GB", "en_IN", "en_AU", "en_CA", "en_DE"])
@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("kind", list(ONE_OF_EACH), ids=lambda cls: cls.__name__)
def test_every_kind_renders(kind: type, style: str, locale: str) -> None:
    """Every component kind renders, in every style and several English locales."""
    text = reads_back(ONE_OF_EACH[kind], style=style, locale=locale)
    assert text
    assert text == text.strip()


@pytest.mark.parametrize(
    ("locale", "style", "expected"),
    [
        ("en", "words", "one year and six months"),
        ("en", "digits", "1 year and 6 months"),
        ("en_GB", "digits", "1 year and 6 months"),
    ],
)
def test_two_part_duration(locale: str, style: str, expected: str) -> None:
    """A length of two units is joined by the locale's list pattern: "1 year and 6 months"."""
    assert reads_back(Custody(P1Y6M, P1Y6M), locale=locale, style=style) == expected


def test_three_part_duration_follows_the_locale_list_pattern() -> None:
    """en writes the serial comma, en_GB does not (CLDR list patterns)."""
    value = Custody(P1Y6M15D, P1Y6M15D)
    assert reads_back(value, style="digits") == "1 year, 6 months, and 15 days"
    assert reads_back(value, locale="en_GB", style="digits") == "1 year, 6 months and 15 days"


@pytest.mark.parametrize(
    ("money", "locale", "expected"),
    [
        (Money(5000, "CAD"), "en", "a fine of CA$5,000"),
        (Money(5000, "CAD"), "en_CA", "a fine of CAD 5,000"),  # "$" would read as USD
        (Money(5000, "USD"), "en_CA", "a fine of US$5,000"),
        (Money(5000, "AUD"), "en_AU", "a fine of AUD 5,000"),
        (Money(5000, "CNY"), "en", "a fine of CNY 5,000"),  # "CN¥" is not read
        (Money(5000, "JPY"), "en", "a fine of JPY 5,000"),  # "¥" is ambiguous
        (Money(5000, "GBP"), "en", "a fine of £5,000"),
        (Money("5000.5", "EUR"), "en", "a fine of €5,000.50"),
        (Money(5000, "CHF"), "en", "a fine of CHF 5,000"),
        (Money(5000, "INR"), "en_IN", "a fine of ₹5,000"),
        (Money(123456789, "INR"), "en_IN", "a fine of ₹123,456,789"),
        (Money("1234.5", "USD"), "en_DE", "a fine of US$1,234.50"),
    ],
)
def test_currency_reads_back(money: Money, locale: str, expected: str) -> None:
    """Each currency gets a sign or code that the reader maps back to it without a jurisdiction."""
    assert reads_back(Fine(money, money), locale=locale) == expected


@pytest.mark.parametrize(
    ("hours", "words"),
    [
        (7, "seven"),
        (21, "twenty-one"),
        (100, "one hundred"),
        (105, "one hundred and five"),
        (999, "nine hundred and ninety-nine"),
        (1000, "one thousand"),
        (1005, "one thousand and five"),
        (1234, "one thousand two hundred and thirty-four"),
        (20000, "twenty thousand"),
        (90909, "ninety thousand nine hundred and nine"),
        (25000, "25,000"),  # "twenty-five thousand" is not one number to the reader
        (100000, "100,000"),
    ],
)
def test_numbers_spelled_with_the_lexicon(hours: int, words: str) -> None:
    """style="words" spells numbers as far as the reader's number words go, then uses figures."""
    expected = f"{words} hours of community service"
    assert reads_back(CommunityService(hours)) == expected


#: Labels taken one by one: some alone, some with a length.
OTHER_LABELS = ["time served", "deportation", "absolute discharge"]
OTHER_LABELS_WITH_LENGTH = [
    "home confinement",
    "house arrest",
    "electronic monitoring",
    "conditional discharge",
    "rehab",
    "license suspension",
    "driving ban",
    "curfew",
    "community order",
]


@pytest.mark.parametrize("label", sorted(set(OTHER_LABELS + OTHER_LABELS_WITH_LENGTH)))
@pytest.mark.parametrize("style", STYLES)
def test_other_labels_read_back(label: str, style: str) -> None:
    """Every label the reader gives is written so that it reads back, with or without a length."""
    reads_back(Other(label), style=style)
    if "length" in known_label(label).quantities:
        reads_back(Other(label, months(18)), style=style)


#: A quantity of each kind, for the labels that may state it.
SAMPLE_QUANTITIES: dict[str, list[Duration | Money]] = {
    "length": [months(6), Duration.of(years=2, days=15)],
    "amount": [usd(500), Money("12.50", "GBP")],
}
#: Counts for the labels that state one, in their own unit: one (singular), and more.
SAMPLE_COUNTS: tuple[int, ...] = (1, 12)


@pytest.mark.parametrize("label", sorted({label for _, label in lexicon("en").other_labels}))
@pytest.mark.parametrize("style", STYLES)
def test_every_lexicon_label_reads_back(label: str, style: str) -> None:
    """Each label of the lexicon's [other_labels] table reads back, alone and with every
    quantity data/labels.toml lets it state."""
    reads_back(Other(label), style=style)
    known = known_label(label)
    for kind in known.quantities:
        if kind == "count":  # a count is of the label's own unit
            assert known.unit is not None
            for count in SAMPLE_COUNTS:
                reads_back(Other(label, Counted(count, known.unit)), style=style)
            continue
        for quantity in SAMPLE_QUANTITIES[kind]:
            reads_back(Other(label, quantity), style=style)


def known_label(name: str) -> OtherLabel:
    label = other_label(name)
    assert label is not None, f"{name!r} is not in data/labels.toml"
    return label


# ── values with no English phrasing ──────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    "value",
    [
        Sentence((Custody(years(1), years(1)), Other("a label the grammar does not know"))),
        Sentence((Restitution(Money(5000, "MXN")),), modality="imposed"),
        Sentence((Other("costs", months(6)),)),  # costs state an amount, not a length
    ],
    ids=repr,
)
def test_unphrasable_values_raise_or_fall_back_to_notation(value: Sentence) -> None:
    """A value no English phrase reads back raises UnsupportedError, naming the value; asked
    for, it is written in the canonical notation instead."""
    with pytest.raises(UnsupportedError, match="cannot write"):
        render(value)
    assert render(value, unsupported="notation") == str(value)
    assert parse(render(value, unsupported="notation")) == value


# ── arguments ────────────────────────────────────────────────────────────────────────────────


def test_component_is_rendered_as_a_sentence() -> None:
    """render(component) == render(Sentence((component,)))."""
    value = Custody(None, LIFE)
    assert render(value) == render(Sentence((value,))) == "life"


def test_modality_cues() -> None:
    """Imposed, potential and statutory cues read back; "faces" is not used (it reads as a cap)."""
    for modality in Modality:
        text = reads_back(Sentence((Custody(years(5), years(5)),), modality=modality))
        assert "face" not in text


@pytest.mark.parametrize("code", ["en-GB", "en_gb", "EN", " en "])
def test_locale_spellings(code: str) -> None:
    """Hyphens, case and surrounding spaces in a locale code are accepted."""
    assert render(Custody(years(1), years(1)), locale=code) == "one year"


@pytest.mark.parametrize("code", ["xx", "en_XX", "", "not a locale", None, 3])
def test_unknown_locale(code: object) -> None:
    """A code Babel does not know raises UnknownLocaleError listing some that exist."""
    with pytest.raises(UnknownLocaleError) as info:
        render(Death(), locale=code)  # type: ignore[arg-type]
    assert "en_GB" in info.value.available or "en" in info.value.available
    assert isinstance(info.value, sentencenorm.SentenceNormError)


@pytest.mark.parametrize("code", ["de", "fr_FR", "zh_Hans_CN", "es", "de_AT", "es_419"])
def test_other_languages_are_written_too(code: str) -> None:
    """Every locale of a language with a reader is written in its own words."""
    text = render(Death(), locale=code)
    assert text
    assert "\n" not in text
    assert text != str(Sentence((Death(),)))


@pytest.mark.parametrize("code", ["nl", "ja", "ru", "pt_BR", "ar", "en_Shaw"])
def test_languages_without_wording_raise_or_write_notation(code: str) -> None:
    """A locale of a language with no wording is never written in a mix of English kind words
    and its own lengths: UnsupportedError naming the locale and the languages there are, or
    the canonical notation when asked for. en.toml serves the Latin script only, so en_Shaw
    has no wording either."""
    value = Sentence((Custody(years(2), years(2)), Fine(usd(500), usd(500))))
    with pytest.raises(UnsupportedError, match=f"no wording for locale '{code}'.*de, en"):
        render(value, locale=code)
    assert render(value, locale=code, unsupported="notation") == str(value)
    assert render(Custody(years(2), years(2)), locale="en_GB", style="digits") == "2 years"


def test_unknown_unsupported_option() -> None:
    with pytest.raises(UnsupportedError, match="unsupported"):
        render(Death(), unsupported="ignore")  # type: ignore[arg-type]


def test_unknown_style() -> None:
    """A style other than "words" or "digits" raises UnsupportedError."""
    with pytest.raises(UnsupportedError, match="style"):
        render(Death(), style="roman")  # type: ignore[arg-type]


def test_not_a_value() -> None:
    """Anything but a sentence or a component is a TypeError."""
    with pytest.raises(TypeError):
        render("ten years")  # type: ignore[arg-type]


def test_list_style_falls_back_to_standard(monkeypatch: pytest.MonkeyPatch) -> None:
    """A CLDR list style with missing parts (KeyError, STYLE.md §d.1) falls back to "standard"."""
    real = wording_module.format_list
    calls: list[str] = []

    def partial_data(items: list[str], style: str = "standard", locale: object = None) -> str:
        calls.append(style)
        if style != "standard":
            raise KeyError("start")
        return real(items, style=style, locale=locale)  # type: ignore[arg-type]

    monkeypatch.setattr(wording_module, "format_list", partial_data)
    assert join_list(["1 year", "6 months"], "unit", Locale.parse("en")) == "1 year and 6 months"
    assert calls == ["unit", "standard"]


def test_output_has_plain_spaces() -> None:
    """Babel's no-break spaces are written as plain spaces."""
    value = Sentence(
        (Fine(Money(5000, "CHF"), Money(5000, "CHF")), Custody(P1Y6M, P1Y6M)),
        modality="imposed",
    )
    for code in ENGLISH:
        for style in STYLES:
            text = render(value, locale=code, style=style)  # type: ignore[arg-type]
            assert "\u00a0" not in text, (code, ascii(text))
            assert "\u202f" not in text, (code, ascii(text))


def test_decimal_amounts_are_exact() -> None:
    """Amounts keep every decimal they have, and cents are written with two digits."""
    assert reads_back(Restitution(usd("0.001"))) == "$0.001 in restitution"
    assert reads_back(Restitution(usd(Decimal("19.9")))) == "$19.90 in restitution"
