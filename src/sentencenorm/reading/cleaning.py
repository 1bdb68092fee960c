"""Text cleaning before reading: what publishing systems leave in phrases that is not text.

Each language names the rules it needs in ``data/languages.toml`` (`Language.cleaning`):

- ``zero_width``: zero-width characters and soft hyphens left inside words
  ("impri\u200bsonment");
- ``pinyin_readings``: a pinyin reading some Chinese sites insert after a character
  ("執(zhí)行", "個(gè)月").

Offsets found in the clean text map back to the text as given, so errors and matches point
at the original characters.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import Final

__all__ = ["RULES", "clean"]

#: The rules, by the names languages.toml uses.
RULES: Final = ("zero_width", "pinyin_readings")

# Zero-width characters that publishing systems leave inside words ("impri\u200bsonment").
_ZERO_WIDTH: Final = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_HIDDEN_CHARS: Final = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
# A pinyin reading some Chinese sites insert after a character: "執(zhí)行", "個(gè)月".
_PINYIN: Final = (
    # The bracket first and the character before it checked after: a pattern that begins
    # with a character class is searched for in C, not tried at every position.
    r"[(（](?<=[\u3400-\u9fff][(（])[a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňǹḿ]{1,7}[1-5]?[)）]"
)


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


def clean(text: str, rules: Sequence[str]) -> tuple[str, list[int] | None]:
    """*text* with what the cleaning *rules* take out removed (`CLEANING_RULES`: zero-width
    characters, inserted pinyin readings), and where each kept character was in *text*
    (None when nothing was removed), so offsets found in the clean text can be mapped back.

    >>> clean("ten\u200b years", ["zero_width"])
    ('ten years', [0, 1, 2, 4, 5, 6, 7, 8, 9])
    >>> clean("兩個(gè)月", ["zero_width", "pinyin_readings"])[0]
    '兩個月'
    """
    if text.isascii():  # no zero-width character, no Chinese: nothing to take out
        return text, None
    # `in` scans in C at memory speed: a document pays a few passes, not a regex per character.
    hidden = "zero_width" in rules and any(char in text for char in _HIDDEN_CHARS)
    readings = _pinyin_readings(text) if "pinyin_readings" in rules else []
    if not hidden and not readings:
        return text, None
    dropped: set[int] = set()
    for reading in readings:
        dropped.update(range(reading.start(), reading.end()))
    kept = [
        index
        for index, char in enumerate(text)
        if not (hidden and ord(char) in _ZERO_WIDTH) and index not in dropped
    ]
    return "".join(text[index] for index in kept), kept
