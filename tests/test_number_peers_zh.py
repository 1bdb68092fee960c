"""Chinese numerals as cn2an writes them, read in custody and fine phrases (issue 17).

cn2an converts between Chinese numerals and figures; its tests list how Chinese writes
integers: positional numerals (十一, 一千零一, 一亿五千万零六千三百五十五), the
spoken short forms (三万五, 两千六, 一百二), the financial characters (壹佰壹拾壹,
壹拾壹元整, 壹拾壹圆正), digit by digit (一九零三九七一) and figures mixed with
characters (100万三千). tests/data/cn2an_numbers.tsv holds
its integer pairs; this test puts them into sentencing phrases and holds the reader to no wrong
value anywhere and at least 99% read of the positional writings. Digit-by-digit numerals are
how Chinese writes calendar years and codes (二〇〇二年), and two neighbouring digits before a
unit are a range ("一二年", a year or two): they may stay unread, never be misread. Figures
mixed with characters past "100万" / "10.1万" ("1万600", "1百01") may stay unread too.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sentencenorm import parse
from sentencenorm.errors import SentenceParseError

DATA = Path(__file__).parent / "data" / "cn2an_numbers.tsv"
#: a numeral that carries its own unit of money (an2cn's "rmb" writing, cn2an's 元整 / 圆正)
MONEY_ENDS = ("元", "圆", "元整", "圆整", "元正", "圆正")
DIGITS_ONLY = set("〇零一二三四五六七八九壹贰叁肆伍陆柒捌玖两兩")


def _pairs() -> list[tuple[str, int]]:
    rows = []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            text, value, _where = line.split("\t")
            rows.append((text, int(value)))
    return rows


def _positional(text: str) -> bool:
    """Written with units (十, 百, 万…), not digit by digit nor with figures."""
    bare = text.removesuffix("整").removesuffix("正").rstrip("元圆")
    digit_by_digit = len(bare) > 1 and set(bare) <= DIGITS_ONLY
    return not digit_by_digit and not any(char.isascii() for char in bare)


def _phrases() -> list[tuple[str, str, bool]]:
    """(phrase, what it must read as, whether it must be read)"""
    cases = []
    for text, value in _pairs():
        positional = _positional(text)
        if text.endswith(MONEY_ENDS):
            cases += [(f"罚金{text}", f"fine CNY {value}", positional)]
            cases += [(f"罚金人民币{text}", f"fine CNY {value}", positional)]
            continue
        if value <= 150:
            cases.append((f"有期徒刑{text}年", f"custody P{value}Y", positional))
        cases += [(f"罚金{text}元", f"fine CNY {value}", positional)]
        cases += [(f"罚金人民币{text}元", f"fine CNY {value}", positional)]
    return cases


def test_the_data_is_there() -> None:
    pairs = _pairs()
    assert len(pairs) > 100
    assert ("一亿五千万零六千三百五十五", 150006355) in pairs


def test_no_wrong_value_and_nearly_all_read() -> None:
    wrong: list[tuple[str, str]] = []
    refused: list[str] = []
    total = 0
    for phrase, expected, must_read in _phrases():
        total += must_read
        try:
            got = str(parse(phrase, lang="zh"))
        except SentenceParseError:
            if must_read:
                refused.append(phrase)
            continue
        if got != expected:
            wrong.append((phrase, got))
    assert not wrong, wrong[:5]
    assert len(refused) <= total // 100, refused[:5]


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("罚金壹拾壹圆正", "fine CNY 11"),
        ("罚金人民币壹佰壹拾壹圆整", "fine CNY 111"),
        ("罚金一百九十万零三千九百七十一元", "fine CNY 1903971"),
        ("罚金十三万五元", "fine CNY 135000"),
        ("有期徒刑廿二年", "custody P22Y"),
        ("罚金10.1万元", "fine CNY 101000"),
        ("有期徒刑一二年", "custody P1Y..P2Y"),  # a year or two, never twelve
    ],
)
def test_examples(phrase: str, expected: str) -> None:
    assert str(parse(phrase, lang="zh")) == expected


@pytest.mark.parametrize(
    "phrase",
    [
        "有期徒刑二〇〇二年",
        "罚金一九零三九七一元",
        "有期徒刑一一年",
        "罚金一万零百一十一元",
        "正有期徒刑三年",
    ],
)
def test_unclear_stays_unread(phrase: str) -> None:
    # digit by digit (a calendar year, a code), or 零 before 百 (no numeral writes it so)
    with pytest.raises(SentenceParseError):
        parse(phrase, lang="zh")
