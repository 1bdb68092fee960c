"""Numbers in words, one speller per script family; the words are the readers' own.

Babel has no spell-out rules, so `render(style="words")` spells with the same word tables the
readers use, and a number spelled here reads back as itself:

- `WordSpeller` (Latin-script languages): the lexicon's number words, compounded as the
  locale file's ``[numbers]`` says ("twenty-five", "fünfundzwanzig", "treinta y cinco",
  "soixante-dix"), in the gender of the unit that follows ("einen Monat", "una hora");
- `ChineseSpeller`: Chinese numerals from the file's ``[numbers]`` digits and units
  (十五, 一百零五, 一万二千).

A speller returns None where its words stop; the writer then uses figures.

>>> from sentencenorm.language import lexicon
>>> from sentencenorm.writing.wording import wording
>>> from babel import Locale
>>> english = speller_for(wording(Locale.parse("en")), lexicon("en"))
>>> english.spell(25), english.spell(105), english.spell(2005), english.spell(123456)
('twenty-five', 'one hundred and five', 'two thousand and five', None)
>>> speller_for(wording(Locale.parse("zh")), lexicon("zh")).spell(100001)
'十万零一'
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol

import attrs

from ..language import Lexicon

__all__ = ["ChineseSpeller", "Speller", "WordSpeller", "speller_for"]


class Speller(Protocol):
    def spell(self, value: int, unit: str | None = None) -> str | None:
        """*value* in words (as it stands before *unit*, a CLDR unit key), or None."""
        ...


def speller_for(table: Mapping[str, Any], words: Lexicon) -> Speller:
    """The speller the locale's ``[numbers]`` table names (``speller``), with its data."""
    numbers: Mapping[str, Any] = table.get("numbers", {})
    if numbers.get("speller") == "chinese":
        return ChineseSpeller(numbers["digits"], tuple(numbers["units"]), tuple(numbers["large"]))
    avoid = set(numbers.get("avoid", ()))
    spelled: dict[int, str] = {}
    for word, number in words.numbers.items():
        if word not in avoid:
            spelled.setdefault(number, word)
    return WordSpeller(numbers, spelled)


@attrs.frozen
class WordSpeller:
    """Words built from the lexicon's own and the locale's ``[numbers]`` patterns.

    Words come from the locale file's ``words`` (keyed by number), then the lexicon; 21 to 99
    from ``tens``; hundreds from ``hundreds`` (one head per digit, ``hundreds_exact`` for a
    whole hundred) and ``hundred_join``; thousands up to 99,999 from ``thousands``,
    ``thousand_one`` and ``thousand_join`` (``thousand_join_small`` before a rest under 100:
    "two thousand and five"). ``compound`` gives the form of a number inside a longer one
    (German "ein"); ``thousand_heads = "words"`` allows only one-word heads before "thousand"
    (what the English reader reads). ``endings`` puts a number in its unit's gender.
    """

    table: Mapping[str, Any]
    spelled: Mapping[int, str]  # number -> its word ("six"), from the lexicon

    def spell(self, value: int, unit: str | None = None) -> str | None:
        words = self.words(value)
        return None if words is None else self.gendered(words, unit)

    def words(self, value: int) -> str | None:
        table = self.table
        named: Mapping[str, str] = table.get("words", {})
        if str(value) in named:
            return named[str(value)]
        if value in self.spelled:
            return self.spelled[value]
        if 20 < value < 100 and "tens" in table:
            tens, ones = value - value % 10, value % 10
            tens_word, ones_word = self.spelled.get(tens), self.compound(ones)
            if tens_word is None or ones_word is None:
                return None
            pattern: str = table["tens"]
            return pattern.format(tens=tens_word, ones=ones_word)
        if 100 <= value < 1000 and "hundreds" in table:
            head, rest = divmod(value, 100)
            if not rest:
                exact: Sequence[str] = table.get("hundreds_exact", table["hundreds"])
                return exact[head - 1]
            tail = self.words(rest)
            if tail is None:
                return None
            return f"{table['hundreds'][head - 1]}{table['hundred_join']}{tail}"
        if 1000 <= value < 100_000 and "thousands" in table:
            head, rest = divmod(value, 1000)
            if table.get("thousand_heads") == "words" and head not in self.spelled:
                return None
            lead = self.compound(head) if head > 1 else None
            if head > 1 and lead is None:
                return None
            thousands = (
                str(table["thousand_one"])
                if lead is None
                else str(table["thousands"]).format(head=lead)
            )
            if not rest:
                return thousands
            tail = self.words(rest)
            if tail is None:
                return None
            join = table["thousand_join"]
            if rest < 100:
                join = table.get("thousand_join_small", join)
            return f"{thousands}{join}{tail}"
        return None

    def compound(self, value: int) -> str | None:
        """*value* inside a longer number ("ein" in "einundzwanzig", "eintausend")."""
        forms: Mapping[str, str] = self.table.get("compound", {})
        return forms.get(str(value)) or self.words(value)

    def gendered(self, spelled: str, unit: str | None) -> str:
        """*spelled* as it stands before *unit*: "ein" Jahr, "einen" Monat, "una" hora.

        ``[numbers.endings.<gender>]`` maps the last word ("uno" -> "una", also after a space
        or hyphen) and, for keys that open with "*", the end of every word ("doscientos
        cincuenta" -> "doscientas cincuenta").
        """
        table = self.table
        gender = table.get("genders", {}).get(unit or "", table.get("gender", ""))
        endings: Mapping[str, str] = table.get("endings", {}).get(gender, {})
        if not endings:
            return spelled
        inside = {key[1:]: value for key, value in endings.items() if key.startswith("*")}
        words = spelled.split(" ")
        for index, word in enumerate(words):
            for ending, replacement in inside.items():
                if word.endswith(ending):
                    words[index] = word[: len(word) - len(ending)] + replacement
        spelled = " ".join(words)
        for ending in sorted(endings, key=len, reverse=True):
            if ending.startswith("*"):
                continue
            if spelled == ending or spelled.endswith((" " + ending, "-" + ending)):
                return spelled[: len(spelled) - len(ending)] + endings[ending]
        return spelled


@attrs.frozen
class ChineseSpeller:
    """Chinese numerals: 十五, 一百零五, 一万二千, 十万零一十; None past the last large unit.

    Four-digit sections, each followed by its large unit (万, 亿); 十 opens a number without
    一; each gap of zeros before a digit is written once as 零.
    """

    digits: str  # 零一二...九
    units: tuple[str, ...]  # 十 百 千
    large: tuple[str, ...]  # 万 亿

    def spell(self, value: int, unit: str | None = None) -> str | None:
        digits = self.digits
        if value == 0:
            return digits[0]
        sections: list[int] = []
        while value:
            value, section = divmod(value, 10_000)
            sections.insert(0, section)
        if len(sections) > len(self.large) + 1:
            return None
        text = ""
        zero = False  # a gap of zeros waits for the next digit
        for index, section in enumerate(sections):
            power = len(sections) - 1 - index
            if section == 0:
                zero = zero or bool(text)
                continue
            if text and section < 1000:
                zero = True
            for place in (3, 2, 1, 0):
                digit = section // 10**place % 10
                if digit == 0:
                    zero = zero or (bool(text) and place < 3)
                    continue
                if zero:
                    text += digits[0]
                    zero = False
                if not (digit == 1 and place == 1 and not text):
                    text += digits[digit]
                text += self.units[place - 1] if place else ""
            text += self.large[power - 1] if power else ""
            zero = False
        return text
