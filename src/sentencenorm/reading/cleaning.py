"""Text cleaning before reading: what publishing systems leave in phrases that is not text.

Each language names the rules it needs in ``data/languages.toml`` (`Language.cleaning`):

- ``zero_width``: zero-width characters and soft hyphens left inside words
  ("impri\u200bsonment");
- ``pinyin_readings``: a pinyin reading some Chinese sites insert after a character
  ("執(zhí)行", "個(gè)月");
- ``numeral_spaces``: a space a publishing system left inside a Chinese numeral ("二 十萬元":
  二十萬元), between two of the language's numeral characters;
- ``restated_figures``: a figure in brackets restating the Chinese numeral right before it,
  as Macau's judgments write lengths ("兩(2)年"), or a numeral restating the figure before it
  ("1(壹)年9(玖)個月"), dropped only where both say the same number;
- ``line_breaks``: one line break a page's layout left between two Chinese characters
  ("人民" at a line's end, "币5000元" on the next: Chinese puts no space between words, so
  a break inside a sentence is no break of the text); a blank line, or a break after
  punctuation, stays;
- ``word_spaces``: spaces a page's layout left between two Chinese characters ("有 期徒刑玖月",
  where a judgment's line wrapped): for the same reason, no break of the text.

Offsets found in the clean text map back to the text as given, so errors and matches point
at the original characters.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import Final

from ..language import lexicon
from ..language.registry import CLEANING_RULES

__all__ = ["RULES", "clean"]

#: The rules, by the names languages.toml uses (one list: the registry checks languages by it).
RULES: Final = CLEANING_RULES

# Zero-width characters that publishing systems leave inside words ("impri\u200bsonment").
_ZERO_WIDTH: Final = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_HIDDEN_CHARS: Final = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
# A pinyin reading some Chinese sites insert after a character: "執(zhí)行", "個(gè)月".
_PINYIN: Final = (
    # The bracket first and the character before it checked after: a pattern that begins
    # with a character class is searched for in C, not tried at every position.
    r"[(（](?<=[\u3400-\u9fff][(（])[a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňǹḿ]{1,7}[1-5]?[)）]"
)


# One line break (spaces around it) between two Chinese characters: `line_breaks`.
_LINE_BREAK: Final = re.compile(
    r"(?<=[\u3400-\u9fff])[ \t\u3000]*\r?\n[ \t\u3000]*(?=[\u3400-\u9fff])"
)


# Up to three spaces before a Chinese character (`word_spaces` drops those that also follow one).
# The pattern opens with the spaces, so it is searched for in C; the character before is checked
# for the few it finds.
_WORD_SPACES: Final = re.compile(r"[ \t\u3000\u00a0]{1,3}(?=[\u3400-\u9fff])")


def _word_spaces(text: str) -> list[range]:
    """The spaces between two Chinese characters in *text* (`word_spaces`), as ranges."""
    return [
        range(space.start(), space.end())
        for space in _WORD_SPACES.finditer(text)
        if space.start() and "\u3400" <= text[space.start() - 1] <= "\u9fff"
    ]


@functools.cache
def _pinyin() -> re.Pattern[str]:
    """`_PINYIN`, compiled the first time a bracket follows a Chinese character."""
    return re.compile(_PINYIN)


def _pinyin_readings(text: str) -> list[re.Match[str]]:
    """The pinyin readings in *text*: tried only at brackets that follow a Chinese character."""
    found = []
    for bracket in "(（":
        at = text.find(bracket, 1)
        while at != -1:
            if "\u3400" <= text[at - 1] <= "\u9fff":
                reading = _pinyin().match(text, at)
                if reading is not None:
                    found.append(reading)
            at = text.find(bracket, at + 1)
    found.sort(key=lambda reading: reading.start())
    return found


@functools.cache
def _numerals(lang: str) -> str:
    """The characters of *lang*'s numerals (data/lexicon/<lang>.toml, cjk_*), or ""."""
    words = lexicon(lang)
    tables = (words.cjk_digits, words.cjk_units, words.cjk_large_units, words.cjk_tens)
    return "".join(sorted({char for table in tables for char in table}))


@functools.cache
def _figure_marks(
    lang: str,
) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]] | None:
    """Spaces inside a numeral, a numeral with a figure in brackets after it, and a figure
    with a numeral in brackets after it, in *lang*."""
    chars = re.escape(_numerals(lang))
    if not chars:
        return None
    return (
        re.compile(rf"(?<=[{chars}])[ \u3000\u00a0]+(?=[{chars}])"),
        re.compile(rf"(?P<numeral>[{chars}]+)(?P<bracket>[(（](?P<figure>[0-9]{{1,6}})[)）])"),
        re.compile(rf"(?P<figure>[0-9]{{1,6}})(?P<bracket>[(（](?P<numeral>[{chars}]+)[)）])"),
    )


def _figure_drops(text: str, rules: Sequence[str], lang: str | None) -> list[range]:
    """What ``numeral_spaces`` and ``restated_figures`` take out of *text*, as ranges."""
    if lang is None or not ("numeral_spaces" in rules or "restated_figures" in rules):
        return []
    marks = _figure_marks(lang)
    if marks is None:
        return []
    spaces, *restatings = marks
    drops: list[range] = []
    if "numeral_spaces" in rules and (" " in text or "\u3000" in text or "\u00a0" in text):
        drops.extend(range(space.start(), space.end()) for space in spaces.finditer(text))
    if "restated_figures" in rules and ("(" in text or "（" in text):
        for restating in restatings:  # the figure in brackets, or the numeral in brackets
            for found in restating.finditer(text):
                try:
                    same = lexicon(lang).number(found["numeral"]) == int(found["figure"])
                except ValueError:  # not one numeral: nothing restated
                    same = False
                if same:
                    drops.append(range(found.start("bracket"), found.end("bracket")))
    return drops


def clean(text: str, rules: Sequence[str], lang: str | None = None) -> tuple[str, list[int] | None]:
    """*text* with what the cleaning *rules* take out removed (`CLEANING_RULES`: zero-width
    characters, inserted pinyin readings, line breaks and spaces between Chinese characters;
    with *lang*, spaces inside its numerals and figures restating them), and where each kept
    character was in *text* (None when nothing was removed), so offsets found in the clean
    text can be mapped back.

    >>> clean("ten\u200b years", ["zero_width"])
    ('ten years', [0, 1, 2, 4, 5, 6, 7, 8, 9])
    >>> clean("兩個(gè)月", ["zero_width", "pinyin_readings"])[0]
    '兩個月'
    >>> clean("二 十萬元，兩(2)年，三(4)年", ["numeral_spaces", "restated_figures"], "zh")[0]
    '二十萬元，兩年，三(4)年'
    >>> clean("1(壹)年9(玖)個月，2(參)年", ["restated_figures"], "zh")[0]
    '1年9個月，2(參)年'
    >>> clean("人民\\n币五千元。\\n判处", ["line_breaks"])[0]
    '人民币五千元。\\n判处'
    >>> clean("數罪合併應執行有 期徒刑玖月, 罰金", ["word_spaces"])[0]
    '數罪合併應執行有期徒刑玖月, 罰金'
    """
    if text.isascii():  # no zero-width character, no Chinese: nothing to take out
        return text, None
    # `in` scans in C at memory speed: a document pays a few passes, not a regex per character.
    hidden = "zero_width" in rules and any(char in text for char in _HIDDEN_CHARS)
    readings = _pinyin_readings(text) if "pinyin_readings" in rules else []
    figures = _figure_drops(text, rules, lang)
    if "line_breaks" in rules and "\n" in text:
        figures.extend(range(brk.start(), brk.end()) for brk in _LINE_BREAK.finditer(text))
    if "word_spaces" in rules and (" " in text or "\u3000" in text or "\u00a0" in text):
        figures.extend(_word_spaces(text))
    if not hidden and not readings and not figures:
        return text, None
    dropped: set[int] = set()
    for reading in readings:
        dropped.update(range(reading.start(), reading.end()))
    for figure in figures:
        dropped.update(figure)
    kept = [
        index
        for index, char in enumerate(text)
        if not (hidden and ord(char) in _ZERO_WIDTH) and index not in dropped
    ]
    return "".join(text[index] for index in kept), kept
