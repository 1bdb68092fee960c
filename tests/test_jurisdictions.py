"""Jurisdiction profiles: every shipped profile loads, cites its law, and its examples hold."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import sentencenorm
from sentencenorm import LIFE, Duration, SentenceParseError, UnknownJurisdictionError, parse
from sentencenorm._resources import data_dir
from sentencenorm.law import jurisdictions as profiles

SHIPPED = profiles.available()
PROFILE_DIR = data_dir() / "jurisdictions"
# The issue's minimum set; more may come, none may go.
REQUIRED = {"root", "US", "US-CA", "GB", "CN", "DE", "FR", "NO"}


def test_the_required_profiles_ship() -> None:
    """root, US, US-CA, GB, CN, DE, FR and NO are all shipped."""
    assert set(SHIPPED) >= REQUIRED


@pytest.mark.parametrize("code", SHIPPED)
def test_profile_loads_and_its_chain_ends_at_root(code: str) -> None:
    """Each profile loads; its parent chain starts with itself and ends at root."""
    profile = profiles.load(code)
    assert profile.code == code
    assert profile.chain[0] == code
    assert profile.chain[-1] == "root"
    assert len(set(profile.chain)) == len(profile.chain)


@pytest.mark.parametrize("code", SHIPPED)
def test_every_fact_cites_a_source(code: str) -> None:
    """Every fact a profile holds, own or inherited, names the law it comes from."""
    profile = profiles.load(code)
    assert set(profile.facts) == set(profile.sources)
    for name, source in profile.sources.items():
        assert source.strip(), name


@pytest.mark.parametrize("code", sorted(REQUIRED - {"root"}))
def test_every_fact_table_has_a_comment_naming_its_law(code: str) -> None:
    """In the file, each fact table is preceded by a comment, so a reader sees the source."""
    lines = (PROFILE_DIR / f"{code}.toml").read_text(encoding="utf-8").splitlines()
    for index, line in enumerate(lines):
        if re.fullmatch(r"\[[a-z_]+\]", line):
            assert lines[index + 1].startswith("#"), f"{code}: {line} has no comment"


EXAMPLES = [
    pytest.param(code, example, id=f"{code}:{example.text}")
    for code in SHIPPED
    for example in profiles.load(code).examples
]


@pytest.mark.parametrize(("code", "example"), EXAMPLES)
def test_profile_example_parses_to_its_severity(code: str, example: profiles.Example) -> None:
    """Each example phrase parses, and its severity in the profile is the one documented."""
    sentence = parse(example.text, lang=example.lang, jurisdiction=None)
    value = sentence.severity(code)
    assert str(value) == example.severity, value.reason
    if example.reprieve is not None:
        assert value.reprieve == Duration.fromisoformat(example.reprieve)


@pytest.mark.parametrize("code", SHIPPED)
def test_every_profile_has_examples(code: str) -> None:
    """Every profile documents at least two phrases with their severity."""
    assert len(profiles.load(code).examples) >= 2


def test_children_inherit_and_override() -> None:
    """US-CA keeps federal facts it does not restate and overrides the ones it does."""
    federal, california = profiles.load("US"), profiles.load("US-CA")
    assert federal.life_minimum is LIFE
    assert california.life_minimum == Duration.of(years=7)
    assert california.fact("supervised_release.after_custody") is True
    assert california.source("supervised_release.after_custody") == federal.source(
        "supervised_release.after_custody"
    )
    assert california.fact("parole.available") is True
    assert federal.fact("parole.available") is False


FACTS = [
    ("US", "life.minimum", "life"),
    ("US", "parole.available", False),
    ("US-CA", "life.minimum", "P7Y"),
    ("GB", "life.minimum_set_by_court", True),
    ("GB", "suspended_custody.term_minimum", "P14D"),
    ("GB", "suspended_custody.term_maximum", "P2Y"),
    ("GB", "suspended_custody.period_minimum", "P6M"),
    ("GB", "suspended_custody.period_maximum", "P2Y"),
    ("CN", "terms.fixed_term", ["P6M", "P15Y"]),
    ("CN", "terms.criminal_detention", ["P1M", "P6M"]),
    ("CN", "terms.public_surveillance", ["P3M", "P2Y"]),
    ("CN", "combined_custody.cap", "P20Y"),
    ("CN", "combined_custody.higher_cap", "P25Y"),
    ("CN", "combined_custody.higher_cap_from_total", "P35Y"),
    ("CN", "death.reprieve", "P2Y"),
    ("CN", "death.commuted_to", "life"),
    ("CN", "life.minimum", "P13Y"),
    ("CN", "deprivation_of_rights.with_death_and_life", "life"),
    ("DE", "custody.minimum", "P1M"),
    ("DE", "custody.maximum", "P15Y"),
    ("DE", "life.minimum", "P15Y"),
    ("FR", "custody.maximum", "P30Y"),
    ("FR", "life.minimum", "P18Y"),
    ("FR", "life.minimum_at_most", "P22Y"),
    ("NO", "custody.maximum", "P21Y"),
    ("NO", "custody.exceptional_maximum", "P30Y"),
    ("NO", "life.available", False),
]


@pytest.mark.parametrize(("code", "name", "value"), FACTS)
def test_the_facts_of_the_issue_are_encoded(code: str, name: str, value: object) -> None:
    """The legal facts the project relies on are in the data, as the law states them."""
    assert profiles.load(code).fact(name) == value


def test_typed_accessors_read_the_facts() -> None:
    """The typed properties turn ISO text into durations and 'life' into LIFE."""
    china = profiles.load("CN")
    assert china.death_reprieve == Duration.of(years=2)
    assert china.term_range("terms.fixed_term") == (Duration.of(months=6), Duration.of(years=15))
    assert china.combined_cap == (
        Duration.of(years=20),
        Duration.of(years=25),
        Duration.of(years=35),
    )
    norway = profiles.load("NO")
    assert norway.open_maximum == (Duration.of(years=30), "custody.exceptional_maximum")
    assert norway.life_available is False
    assert profiles.load("root").open_maximum is None


@pytest.mark.parametrize("code", ["de", " DE ", "us-ca", "ROOT"])
def test_codes_are_case_insensitive(code: str) -> None:
    """Codes are read case-insensitively and without surrounding spaces."""
    assert profiles.load(code).code == profiles.normalize(code)


@pytest.mark.parametrize("code", ["XX", "US-XX", "", "germany", "U S", 42, None.__class__])
def test_unknown_code_names_the_available_ones(code: object) -> None:
    """A code that is no real territory raises UnknownJurisdictionError saying what a code
    is and listing every shipped profile."""
    with pytest.raises(UnknownJurisdictionError) as info:
        profiles.load(code)  # type: ignore[arg-type]
    assert "ISO 3166-1" in str(info.value)
    for shipped in SHIPPED:
        assert shipped in str(info.value)


@pytest.mark.parametrize(
    ("code", "chain"),
    [
        ("US-NY", ("US-NY", "US", "root")),
        ("us-tx", ("US-TX", "US", "root")),
        ("IN", ("IN", "root")),
        ("au-nsw", ("AU-NSW", "root")),
        ("GB-SCT", ("GB-SCT", "GB", "root")),
    ],
)
def test_a_real_code_without_a_profile_gets_the_nearest_one(code: str, chain: tuple[str]) -> None:
    """MODEL.md: any real code is accepted; its country's profile (or root) fills the facts."""
    profile = profiles.load(code)
    assert profile.chain == chain
    assert profile.facts == profiles.load(chain[1]).facts


def test_unknown_code_is_refused_by_severity_and_compare() -> None:
    """severity and compare refuse an unknown jurisdiction the same way."""
    life = parse("life")
    with pytest.raises(UnknownJurisdictionError):
        life.severity("ZZ")
    with pytest.raises(UnknownJurisdictionError):
        sentencenorm.compare(life, life, jurisdiction="ZZ")


def test_a_profile_object_is_accepted_where_a_code_is() -> None:
    """A loaded Jurisdiction may be passed instead of its code."""
    germany = profiles.load("DE")
    assert parse("life").severity(germany) == parse("life").severity("DE")


# The loader refuses broken data: tested on files in a temporary folder.

GOOD_CHILD = """
code = "XA"
name = "Testland"
parent = "root"

[life]
# a comment
minimum = "P10Y"
source = "Test Act s. 1"
"""


def _with_profiles(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, **files: str) -> None:
    (tmp_path / "root.toml").write_text('code = "root"\nname = "root"\n', encoding="utf-8")
    for name, text in files.items():
        (tmp_path / f"{name.replace('_', '-')}.toml").write_text(text, encoding="utf-8")
    monkeypatch.setattr(profiles, "_directory", lambda: tmp_path)
    profiles.available.cache_clear()
    profiles._load.cache_clear()


@pytest.fixture
def restore_caches() -> object:
    yield None
    profiles.available.cache_clear()
    profiles._load.cache_clear()


@pytest.mark.usefixtures("restore_caches")
def test_loader_reads_a_well_formed_profile(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A test-only profile loads with its parent's facts and its own."""
    _with_profiles(monkeypatch, tmp_path, XA=GOOD_CHILD)
    assert profiles.available() == ("XA", "root")
    assert profiles.load("xa").life_minimum == Duration.of(years=10)


BROKEN = [
    (GOOD_CHILD.replace('source = "Test Act s. 1"', ""), "must cite its legal source"),
    (GOOD_CHILD.replace("minimum =", "minimun ="), "unknown fact life.minimun"),
    (GOOD_CHILD.replace('"P10Y"', '"ten years"'), "life.minimum must be"),
    (GOOD_CHILD.replace('code = "XA"', 'code = "XB"'), "'code' must be 'XA'"),
    (GOOD_CHILD.replace('parent = "root"', 'parent = "QQ"'), "'parent' must name a profile"),
    (GOOD_CHILD.replace("[life]", "[lfie]"), "unknown key 'lfie'"),
    (GOOD_CHILD + '\n[[examples]]\ntext = "life"\n', "needs 'text' and 'severity'"),
]


@pytest.mark.usefixtures("restore_caches")
@pytest.mark.parametrize(("text", "message"), BROKEN, ids=[m for _, m in BROKEN])
def test_loader_refuses_broken_profiles(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, text: str, message: str
) -> None:
    """A misspelt fact, a missing source or a bad value stops loading with a named problem."""
    _with_profiles(monkeypatch, tmp_path, XA=text)
    with pytest.raises(ValueError, match=re.escape(message)):
        profiles.load("XA")


@pytest.mark.usefixtures("restore_caches")
def test_loader_refuses_a_parent_cycle(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Profiles whose parents lead back to themselves are refused, not looped over."""
    first = GOOD_CHILD.replace('parent = "root"', 'parent = "XB"')
    second = GOOD_CHILD.replace('code = "XA"', 'code = "XB"').replace(
        'parent = "root"', 'parent = "XA"'
    )
    _with_profiles(monkeypatch, tmp_path, XA=first, XB=second)
    with pytest.raises(ValueError, match="its parents lead back: XA -> XB"):
        profiles.load("XA")


@pytest.mark.parametrize(
    ("phrase", "code", "expected"),
    [
        ("a fine of $500", None, "fine USD 500"),
        ("a fine of $500", "au", "fine AUD 500"),
        ("a fine of $500", "AU-NSW", "fine AUD 500"),
        ("a fine of $500", "CN-HK", "fine HKD 500"),  # a subdivision that is a territory
        ("a fine of $500", "US-PR", "fine USD 500"),
        ("a fine of $500", "MX", "fine MXN 500"),  # the peso is written "$"
        ("a fine of 500 dollars", "MX", "fine USD 500"),  # the word is a dollar, never a peso
        ("a fine of $500", "IN", "fine USD 500"),  # no dollar there: the default
        ("a fine of $500", "NA", "fine NAD 500"),  # CLDR: ZAR and NAD; the dollar is NAD
        ("a fine of Rs 500", None, "fine INR 500"),
        ("a fine of Rs 500", "pk", "fine PKR 500"),
        ("a fine of Rs 500", "BT", "fine INR 500"),
        ("a fine of kr 5,000", "SE", "fine SEK 5000"),
        ("a fine of kr 5,000", "NO", "fine NOK 5000"),
    ],
)
def test_a_real_code_settles_currency_signs_from_cldr(
    phrase: str, code: str | None, expected: str
) -> None:
    """MODEL.md: any real code, with or without a profile, settles "$", "Rs", "kr" from the
    territory's own currency in CLDR (data/currency_families.toml says how)."""
    assert str(parse(phrase, jurisdiction=code)) == expected


@pytest.mark.parametrize("phrase", ["a fine of kr 5,000", "a fine of ¥5,000"])
def test_a_sign_nothing_settles_is_refused(phrase: str) -> None:
    """Without a jurisdiction that settles it, a sign of several currencies is refused."""
    with pytest.raises(SentenceParseError, match="names no single currency"):
        parse(phrase)
    with pytest.raises(SentenceParseError, match="names no single currency"):
        parse(phrase, jurisdiction="DE")


@pytest.mark.parametrize("code", ["XX", "us-xx", "USA", "U.S.", "", " ", "EU", "ZZ", "US-"])
def test_an_unreal_code_is_refused_everywhere(code: str) -> None:
    """parse, extract, the batch API, severity, compare and the Dask functions all refuse a
    code that names no territory (the CLI: test_cli.py)."""
    from sentencenorm import dask as dask_functions

    for call in (
        lambda: parse("five years", jurisdiction=code),
        lambda: sentencenorm.extract("five years in prison", jurisdiction=code),
        lambda: list(sentencenorm.parse_many(["five years"], jurisdiction=code)),
        lambda: parse("life").severity(code),
        lambda: sentencenorm.compare("life", "life", jurisdiction=code),
        lambda: dask_functions.parse_series(None, jurisdiction=code),
        lambda: dask_functions.extract_series(None, jurisdiction=code),
    ):
        with pytest.raises(UnknownJurisdictionError):
            call()


def test_codes_come_back_in_canonical_case() -> None:
    """Codes are read in any case and given back upper case."""
    assert profiles.load("gb-sct").code == "GB-SCT"
    assert "in US-TX" in sentencenorm.compare("life", "25 years", jurisdiction="us-tx").reason
