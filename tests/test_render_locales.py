"""render() beyond English: Chinese court style read back by the Chinese reader, and every other
CLDR locale: no wording but a clear refusal, or the notation on request."""

from __future__ import annotations

import pytest
from babel import Locale
from babel.localedata import locale_identifiers
from hypothesis import given
from hypothesis import strategies as st
from test_renderer import ONE_OF_EACH, STYLES, months, years

from sentencenorm import (
    LIFE,
    CommunityService,
    CommunitySupervision,
    Component,
    Counted,
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
    UnsupportedError,
    parse,
    render,
)
from sentencenorm.language import lexicon
from sentencenorm.strategies import components, money, sentences
from sentencenorm.writing.spellers import ChineseSpeller, speller_for
from sentencenorm.writing.wording import chain as chain_of
from sentencenorm.writing.wording import join_list, wording

CHINESE_NUMERALS = speller_for(wording(Locale.parse("zh")), lexicon("zh"))
assert isinstance(CHINESE_NUMERALS, ChineseSpeller)

#: Chinese locales the Chinese reader reads back, simplified and traditional.
CHINESE = ["zh", "zh_Hans", "zh_CN", "zh_Hans_SG", "zh_Hant", "zh_TW", "zh_HK"]

#: Locales with no wording file of their own: root's neutral wording, CLDR's lengths (Italian has
#: its own since data/locales/it.toml).
ROOT_LOCALES = [
    "ja", "ko", "ru", "ar", "hi", "pt_BR", "ro", "nl", "pl", "tr",
    "sv", "uk", "he", "th", "vi", "id", "cs", "el", "fi", "da",
]  # fmt: skip


def cny(amount: int | str) -> Money:
    return Money(amount, "CNY")


def reads_back_zh(value: Sentence | Component, **options: str) -> str:
    """Render *value* in Chinese and check that the Chinese reader reads it back."""
    text = render(value, **options)  # type: ignore[arg-type]
    expected = value if isinstance(value, Sentence) else Sentence((value,))
    assert parse(text, lang="zh") == expected, text
    return text


# ── the key property, in Chinese ─────────────────────────────────────────────────────────────


@pytest.mark.parametrize("locale", CHINESE)
@pytest.mark.parametrize("style", STYLES)
@given(value=sentences(written=True))
def test_chinese_render_then_parse_is_identity(locale: str, style: str, value: Sentence) -> None:
    """parse(render(s, locale=zh...), lang="zh") == s for every canonical sentence (in the
    notation where Chinese wording has no words for it: see test_wording_gaps)."""
    text = render(value, locale=locale, style=style, unsupported="notation")  # type: ignore[arg-type]
    assert parse(text, lang="zh") == value, text
    assert "\n" not in text


def _rights_shape(low: object, high: object) -> bool:
    """Rights are lost for a term or for life (终身); Chinese has no "up to life" for them."""
    return high is not LIFE or low is LIFE


#: A modality or none.
modalities = st.sampled_from([None, *Modality])
#: Custody of every bound shape, suspended or not: one term, its count and aggregation left out.
zh_custody = components("custody").map(
    lambda part: Custody(part.min, part.max, suspended=part.suspended)  # type: ignore[attr-defined]
)


@st.composite
def zh_fine(draw: st.DrawFn) -> Fine:
    currency = draw(st.sampled_from(["CNY", "CNY", "USD", "EUR", "GBP"]))
    shape = draw(st.sampled_from(["point", "range", "at_most", "at_least", "none"]))
    first = draw(money(currency))
    if shape == "point":
        return Fine(first, first)
    if shape == "at_most":
        return Fine(None, first)
    if shape == "at_least":
        return Fine(first, None)
    if shape == "range":
        return Fine(first, draw(money(currency).filter(lambda m: m.amount > first.amount)))
    return Fine()


#: Components that Chinese court wording can say exactly.
zh_components = st.one_of(
    zh_custody,
    components("death"),
    zh_fine(),
    money("CNY").map(Forfeiture),
    st.just(Forfeiture(all_property=True)),  # 没收个人全部财产
    components("community_supervision"),
    components("deprivation_of_rights").filter(lambda part: _rights_shape(part.min, part.max)),  # type: ignore[attr-defined]
    st.integers(1, 10_000).map(CommunityService),
    st.sampled_from(
        [
            "deportation",
            "exempted from criminal punishment (免予刑事处罚)",
        ]
    ).map(Other),
)


@pytest.mark.parametrize("locale", ["zh", "zh_Hant"])
@pytest.mark.parametrize("style", STYLES)
@given(component=zh_components, modality=modalities)
def test_chinese_wording_covers_its_kinds(
    locale: str, style: str, component: Component, modality: object
) -> None:
    """A component Chinese can say is said in Chinese, never in the notation, and reads back."""
    value = Sentence((component,), modality=modality)  # type: ignore[arg-type]
    text = render(value, locale=locale, style=style)  # type: ignore[arg-type]
    assert text != str(value)
    assert parse(text, lang="zh") == value, text


@pytest.mark.parametrize("style", STYLES)
@given(
    value=st.builds(
        Sentence,
        components=st.lists(zh_components, min_size=2, max_size=4),
        modality=modalities,
    )
)
def test_chinese_components_joined_read_back(style: str, value: Sentence) -> None:
    """Several components joined by "，", "，并处" and "；" read back, all in Chinese."""
    text = render(value, locale="zh", style=style)  # type: ignore[arg-type]
    assert text != str(value)
    assert parse(text, lang="zh") == value, text


# ── Chinese court style, form by form ────────────────────────────────────────────────────────

P1Y6M = Duration.of(years=1, months=6)
P4M15D = Duration.of(months=4, days=15)

ZH: list[tuple[Component | Sentence, str, str]] = [
    (Custody(years(10), years(10)), "有期徒刑十年", "有期徒刑10年"),
    (Custody(P1Y6M, P1Y6M), "有期徒刑一年六个月", "有期徒刑1年6个月"),
    (Custody(P4M15D, P4M15D), "拘役四个月十五天", "拘役4个月15天"),
    (Custody(months(6), months(6)), "有期徒刑六个月", "有期徒刑6个月"),
    (Custody(None, LIFE), "无期徒刑", "无期徒刑"),
    (Custody(LIFE, LIFE), "终身监禁", "终身监禁"),
    (Custody(), "有期徒刑", "有期徒刑"),
    (Custody(years(3), years(10)), "三年以上十年以下有期徒刑", "3年以上10年以下有期徒刑"),
    (Custody(None, years(3)), "三年以下有期徒刑", "3年以下有期徒刑"),
    (Custody(years(10), None), "十年以上有期徒刑", "10年以上有期徒刑"),
    (
        Custody(years(3), years(3), suspended=Suspension(years(5))),
        "有期徒刑三年，缓刑五年",
        "有期徒刑3年，缓刑5年",
    ),
    (
        Custody(years(3), years(3), suspended=Suspension()),
        "有期徒刑三年，缓刑",
        "有期徒刑3年，缓刑",
    ),
    (Death(), "死刑", "死刑"),
    (Death(suspended=True, reprieve=years(2)), "死刑缓期二年执行", "死刑缓期2年执行"),
    (Death(suspended=True), "死刑缓期执行", "死刑缓期执行"),
    (Fine(cny(5000), cny(5000)), "罚金人民币五千元", "罚金人民币5,000元"),
    (Fine(None, cny(5000)), "罚金人民币五千元以下", "罚金人民币5,000元以下"),
    (Fine(cny(5000), None), "罚金人民币五千元以上", "罚金人民币5,000元以上"),
    (
        Fine(cny(5000), cny(10000)),
        "罚金人民币五千元至人民币一万元",
        "罚金人民币5,000元至人民币10,000元",
    ),
    (Fine(), "罚金", "罚金"),
    (Fine(cny("1234.5"), cny("1234.5")), "罚金人民币1,234.50元", "罚金人民币1,234.50元"),
    (Fine(Money(5000, "USD"), Money(5000, "USD")), "罚金五千美元", "罚金5,000美元"),
    (Forfeiture(cny(100000)), "没收个人财产人民币十万元", "没收个人财产人民币100,000元"),
    (DeprivationOfRights(years(3), years(3)), "剥夺政治权利三年", "剥夺政治权利3年"),
    (DeprivationOfRights(LIFE, LIFE), "剥夺政治权利终身", "剥夺政治权利终身"),
    (DeprivationOfRights(years(1), years(3)), "剥夺政治权利一年至三年", "剥夺政治权利1年至3年"),
    (DeprivationOfRights(), "剥夺政治权利", "剥夺政治权利"),
    (CommunitySupervision(years(1), years(1)), "管制一年", "管制1年"),
    (CommunitySupervision(months(3), years(2)), "管制三个月至二年", "管制3个月至2年"),
    (Other("deportation"), "驱逐出境", "驱逐出境"),
    (CommunityService(200), "社会服务令二百小时", "社会服务令200小时"),
    # Several terms and how they run (Hong Kong court wording), probation (感化令), US
    # supervised release (监管释放), restitution (责令退赔), rights lost up to life.
    (Custody(years(2), years(2), count=2), "二项有期徒刑二年", "2项有期徒刑2年"),
    (Custody(None, LIFE, count=3), "三个无期徒刑", "3个无期徒刑"),
    (Custody(None, LIFE, count=None), "多个无期徒刑", "多个无期徒刑"),
    (
        Custody(years(2), years(2), count=2, aggregation="consecutive"),
        "二项有期徒刑二年，分期执行",
        "2项有期徒刑2年，分期执行",
    ),
    (
        Custody(years(2), years(2), aggregation="concurrent"),
        "有期徒刑二年，同期执行",
        "有期徒刑2年，同期执行",
    ),
    (Probation(years(3), years(3)), "感化令三年", "感化令3年"),
    (SupervisedRelease(years(1), years(1)), "监管释放一年", "监管释放1年"),
    (Restitution(cny(5000)), "责令退赔人民币五千元", "责令退赔人民币5,000元"),
    (DeprivationOfRights(None, LIFE), "剥夺政治权利最长至终身", "剥夺政治权利最长至终身"),
    (Other("time served"), "已服刑期", "已服刑期"),
    (Other("caning", Counted(12, "strokes")), "十二下鞭刑", "12下鞭刑"),
    (Other("costs", cny(500)), "诉讼费用人民币五百元", "诉讼费用人民币500元"),
    (Other("driving ban", months(6)), "禁止驾驶六个月", "禁止驾驶6个月"),
    (
        Custody(years(10), LIFE),
        "十年以上有期徒刑或者无期徒刑",
        "10年以上有期徒刑或者无期徒刑",
    ),
    # "；" where "，" would let the reader fold: a maximum carried over a fixed amount...
    (
        Sentence((Custody(None, years(3)), Fine(cny(5000), cny(5000)))),
        "三年以下有期徒刑；罚金人民币五千元",
        "3年以下有期徒刑；罚金人民币5,000元",
    ),
    # ...two open terms of one kind meeting in one range...
    (
        Sentence((Custody(None, years(3)), Custody(years(10), None))),
        "三年以下有期徒刑；十年以上有期徒刑",
        "3年以下有期徒刑；10年以上有期徒刑",
    ),
    # ...and a list before 或者, whose commas the reader takes as "or"s.
    (
        Sentence((Custody(years(1), years(1)), Custody(years(10), LIFE))),
        "有期徒刑一年；十年以上有期徒刑或者无期徒刑",
        "有期徒刑1年；10年以上有期徒刑或者无期徒刑",
    ),
    (
        Sentence((Custody(years(1), years(1)), Custody(years(2), years(2)))),
        "有期徒刑一年，有期徒刑二年",
        "有期徒刑1年，有期徒刑2年",
    ),
    (
        Sentence((Custody(years(10), years(10)),), modality="imposed"),
        "判处有期徒刑十年",
        "判处有期徒刑10年",
    ),
    (
        Sentence((Custody(years(10), years(10)),), modality="potential"),
        "可能会被判处有期徒刑十年",
        "可能会被判处有期徒刑10年",
    ),
    (
        Sentence((Custody(None, years(3)),), modality="statutory"),
        "处三年以下有期徒刑",
        "处3年以下有期徒刑",
    ),
    (
        Sentence(
            (
                Custody(years(3), years(3), suspended=Suspension(years(5))),
                Fine(cny(50000), cny(50000)),
            ),
            modality="imposed",
        ),
        "判处有期徒刑三年，缓刑五年，并处罚金人民币五万元",
        "判处有期徒刑3年，缓刑5年，并处罚金人民币50,000元",
    ),
    (
        Sentence((Death(suspended=True, reprieve=years(2)), DeprivationOfRights(LIFE, LIFE))),
        "死刑缓期二年执行，剥夺政治权利终身",
        "死刑缓期2年执行，剥夺政治权利终身",
    ),
]


@pytest.mark.parametrize(
    ("value", "style", "expected"),
    [(value, "words", words) for value, words, _ in ZH]
    + [(value, "digits", digits) for value, _, digits in ZH],
    ids=repr,
)
def test_chinese_table(value: Sentence | Component, style: str, expected: str) -> None:
    """Each form has one Chinese court phrasing per style, and it reads back."""
    assert reads_back_zh(value, locale="zh", style=style) == expected


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("zh_Hant", "判處有期徒刑三年，緩刑五年，並處罰金人民幣五萬元"),
        ("zh_TW", "判處有期徒刑三年，緩刑五年，並處罰金人民幣五萬元"),
        ("zh_CN", "判处有期徒刑三年，缓刑五年，并处罚金人民币五万元"),
    ],
)
def test_traditional_characters(locale: str, expected: str) -> None:
    """zh_Hant (and zh_TW, written in Hant) lays traditional characters over zh.toml."""
    value = Sentence(
        (
            Custody(years(3), years(3), suspended=Suspension(years(5))),
            Fine(cny(50000), cny(50000)),
        ),
        modality="imposed",
    )
    assert reads_back_zh(value, locale=locale) == expected


@pytest.mark.parametrize(
    ("number", "numeral"),
    [
        (1, "一"),
        (10, "十"),
        (15, "十五"),
        (25, "二十五"),
        (100, "一百"),
        (105, "一百零五"),
        (110, "一百一十"),
        (1005, "一千零五"),
        (10500, "一万零五百"),
        (12000, "一万二千"),
        (100010, "十万零一十"),
        (10001000, "一千万一千"),
        (100000005, "一亿零五"),
        (123456789, "一亿二千三百四十五万六千七百八十九"),
        (1000000000, "十亿"),
    ],
)
def test_chinese_numerals(number: int, numeral: str) -> None:
    """Chinese numerals: 十 opens without 一, one 零 per gap, 万 and 亿 sections."""
    assert CHINESE_NUMERALS.spell(number) == numeral
    assert lexicon("zh").number(numeral) == number


@given(number=st.integers(1, 10**12 - 1))
def test_chinese_numerals_read_back(number: int) -> None:
    """Every numeral the writer spells, the reader's number system reads as the same number."""
    numeral = CHINESE_NUMERALS.spell(number)
    assert numeral is not None
    assert lexicon("zh").number(numeral) == number


@pytest.mark.parametrize(
    "value",
    [
        Sentence((Fine(Money(5000, "CAD"), Money(5000, "CAD")),)),
        Sentence((DeprivationOfRights(years(3), LIFE),)),
    ],
    ids=str,
)
@pytest.mark.parametrize("style", STYLES)
def test_chinese_raises_or_falls_back_to_notation(value: Sentence, style: str) -> None:
    """What Chinese court wording cannot say exactly raises UnsupportedError, or is written in
    the canonical notation when asked for."""
    with pytest.raises(UnsupportedError, match="in 'zh'"):
        render(value, locale="zh", style=style)  # type: ignore[arg-type]
    text = render(value, locale="zh", style=style, unsupported="notation")  # type: ignore[arg-type]
    assert text == str(value)
    assert parse(text, lang="zh") == value


# ── every other locale: no wording, never a mix of languages ────────────────────────────────


@pytest.mark.parametrize("locale", ROOT_LOCALES)
@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("kind", list(ONE_OF_EACH), ids=lambda cls: cls.__name__)
def test_every_kind_in_locales_without_wording(kind: type, style: str, locale: str) -> None:
    """A locale whose language has no wording raises UnsupportedError naming it, or writes
    the canonical notation on request: never English kind words among its own lengths."""
    value = Sentence((ONE_OF_EACH[kind],))
    with pytest.raises(UnsupportedError, match=f"no wording for locale '{locale}'"):
        render(value, locale=locale, style=style)  # type: ignore[arg-type]
    assert render(value, locale=locale, style=style, unsupported="notation") == str(value)  # type: ignore[arg-type]


def test_every_cldr_locale_answers() -> None:
    """Every locale Babel knows gets words or a clear refusal, and the notation on request
    (STYLE.md §d.1: CLDR data with missing parts)."""
    value = Custody(P1Y6M, P1Y6M)
    worded = 0
    for code in locale_identifiers():
        for style in STYLES:
            if wording(Locale.parse(code)).get("lexicon") is None:
                with pytest.raises(UnsupportedError, match="no wording for locale"):
                    render(value, locale=code, style=style)  # type: ignore[arg-type]
            else:
                worded += 1
                text = render(value, locale=code, style=style)  # type: ignore[arg-type]
                assert text, code
                assert "\n" not in text, code
            fallback = render(value, locale=code, style=style, unsupported="notation")  # type: ignore[arg-type]
            assert fallback, code
    assert worded > 100  # every variant of en, de, es, fr and zh


def test_no_list_item_is_written_twice() -> None:
    """Babel writes the last item twice where a locale's style has no two-item pattern (ar)."""
    text = join_list(["1 year", "6 months"], "unit-short", Locale.parse("ar"))
    assert text.count("6 months") == 1, text


@pytest.mark.parametrize(
    ("locale", "chain"),
    [
        ("en_GB", ["root", "en", "en_Latn", "en_GB", "en_Latn_GB"]),
        ("zh_TW", ["root", "zh", "zh_Hant", "zh_TW", "zh_Hant_TW"]),
        ("ja", ["root", "ja", "ja_Jpan"]),
    ],
)
def test_fallback_chain(locale: str, chain: list[str]) -> None:
    """Files are laid over each other from root to the whole code, as CLDR's data is."""
    assert chain_of(Locale.parse(locale)) == chain
