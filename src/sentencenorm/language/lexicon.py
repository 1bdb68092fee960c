"""Word meanings per language, read once from ``data/lexicon/<lang>.toml``.

The reader (transformer) and the writer (renderer) both take number and unit words from here,
so "twenty-five" means 25 in both directions. Which words exist in a phrase, and where, is the
grammar's business (``grammar/<lang>.lark``); the grammar's number terminals are built from
the number tables here (`sentencenorm.reading.compose`), so every word lexed as a number has
a value.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Iterator, Mapping
from fractions import Fraction
from typing import Any, Final

import attrs

from .._resources import data_dir
from ..law.territories import currency_in, family_currencies, is_family
from .roles import PUNCTUATION_JOINS, Joins

_SPACES: Final = re.compile(r"[\s\-‐‑‒–—]+")
#: What the lexicon's label lookup puts around a phrase's words: a pattern of [other_labels]
#: that needs words before or after it ("disqualified(?=\\s+for\\s+<a length>|\\x00)",
#: "(?:(?<=\\d\\s)|(?<=\\x00))assessment") takes it in their stead. Running text never holds
#: it, so the grammar's terminal still needs the words.
AROUND: Final = "\x00"
# Decimal comma to decimal point, group dot to group comma.
_TO_ENGLISH_FIGURES: Final = str.maketrans({".": ",", ",": "."})


@functools.lru_cache(maxsize=8192)  # words of a grammar's terminals: few, and read again and again
def fold(text: str) -> str:
    """Lower case, with each run of spaces and hyphens made one space."""
    return _SPACES.sub(" ", text.strip().lower())


@attrs.frozen
class Lexicon:
    """The word tables of one language. See ``data/lexicon/en.toml`` for what each holds."""

    lang: str
    numbers: Mapping[str, int]
    number_scales: Mapping[str, int]
    fractions: Mapping[str, Fraction]
    units: Mapping[str, tuple[str, int]]
    money_scales: Mapping[str, int]
    currency_signs: Mapping[str, str]
    currency_words: Mapping[str, str]
    count_words: Mapping[str, int]
    modality_aux: Mapping[str, str]
    modality_verbs: Mapping[str, str]
    aggregation: Mapping[str, str]
    #: (pattern, label): the phrases that name each `other` penalty, as regular expressions
    #: (the grammar's W_OTHER is their alternation), in the order they are tried.
    other_labels: tuple[tuple[str, str], ...]
    number_system: str = "words"
    cjk_digits: Mapping[str, int] = attrs.field(factory=dict)
    cjk_units: Mapping[str, int] = attrs.field(factory=dict)
    cjk_large_units: Mapping[str, int] = attrs.field(factory=dict)
    #: One character for a digit times ten (廿 = 二十, 卅 = 三十).
    cjk_tens: Mapping[str, int] = attrs.field(factory=dict)
    direct_binders: frozenset[str] = frozenset()
    #: Currency words whose unit is a multiple of their ISO 4217 currency's: Iran's toman is
    #: ten rials, and amounts are kept in rials (IRR).
    currency_factors: Mapping[str, int] = attrs.field(factory=dict)
    #: Marks that close a figure with no sign and name the currency where it is written ("a
    #: fine of 5000/-": the rupee in India, the shilling in Tanzania).
    closing_marks: Mapping[str, str] = attrs.field(factory=dict)
    number_joiners: frozenset[str] = frozenset({"and"})
    decimal_mark: str = "."
    year_figures_are_dates: bool = False
    #: Whether a suspension word alone names a suspended sentence (缓刑, "zur Bewährung
    #: ausgesetzt"); English needs a noun ("a suspended sentence": a bare "suspension" may be
    #: a licence's or a job's).
    bare_suspension_is_sentence: bool = True
    #: The language's joiners, folded, by the role each plays between items.
    joiners: Mapping[str, Joins] = attrs.field(factory=dict)
    #: Words of a statute's bound cue that make it a minimum ("the minimum penalty is");
    #: without one the cue states a maximum.
    minimum_words: tuple[str, ...] = ()
    #: Cue words after which a penalty joined to another may be added, not must be: "and
    #: shall also be liable to fine", "and may also be fined" (folded).
    optional_cues: frozenset[str] = frozenset()
    #: A penalty word written as the sentencing verb with its object ("fined him"): the phrase
    #: it opens is a penalty given (folded, its last two words).
    imposing_words: frozenset[str] = frozenset()
    #: The verbs of such words that take any object ("fined Jeong", "fined the former
    #: minister"): a penalty word whose words go on after one of them is given, too.
    imposing_verbs: frozenset[str] = frozenset()
    #: (pattern, label): the words after a count that name an `other` penalty counted in its
    #: label's unit ("strokes of the cane", "lashes", "days of community service"; the
    #: grammar's STROKES is their alternation), in the order they are tried.
    counted_labels: tuple[tuple[str, str], ...] = ()
    #: Currency words that are also weights ("pounds"): a fine must be named to read them.
    weight_words: frozenset[str] = frozenset()
    #: Determiners that make a bound the one the law sets ("the maximum"): given as a
    #: sentence, it is the sentence itself ("received the maximum sentence of 10 years").
    definite_articles: frozenset[str] = frozenset()
    #: Determiners that make "life" a person's own ("gave two years of his life", "was given
    #: his life back"): with no sentence word after it, no life sentence.
    possessives: frozenset[str] = frozenset()
    #: Sentence names whose one length is the sum of a custodial term and a licence ("a
    #: 10-year extended sentence"): the custodial part unstated, so no custody term.
    summed_sentences: frozenset[str] = frozenset()
    #: Words that name a term the sum of others ("a total of 56 years on four counts"): one
    #: term, whatever counts or aggregation of its parts stand before it.
    total_words: frozenset[str] = frozenset()
    #: Units written as adjectives without a dash ("dreijährige"): see `reading.parts.Time`.
    attributive_units: frozenset[str] = frozenset()
    #: Where the whole-life words (W_LIFE_ONLY) mean life to the end; elsewhere plain life.
    #: Empty: everywhere ("whole life", "natural life").
    life_only_territories: frozenset[str] = frozenset()
    #: Where an order to pay back what was gained, named by its verb alone ("ordered to repay
    #: £745"), is a confiscation order (forfeiture); elsewhere it is restitution.
    repayment_confiscates: frozenset[str] = frozenset()
    #: What a penalty's name means, by territory, where that differs from place to place:
    #: name -> {territory: label, or "custody"} (the lexicon's [placed_labels]), and its meaning
    #: "elsewhere" if any. A name that is no label of data/labels.toml ("CCO") and has none
    #: is an abbreviation, read only where a territory gives it a meaning; its words are
    #: `placed_words`.
    placed_labels: Mapping[str, Mapping[str, str]] = attrs.field(factory=dict)
    #: (pattern, name): the words of each abbreviation of `placed_labels` (part of W_OTHER).
    placed_words: tuple[tuple[str, str], ...] = ()
    #: Names of `placed_labels` that, where no territory gives them a meaning, cut the phrase
    #: before them rather than refuse it whole ("10 years in prison and | three years of
    #: supervision" keeps the prison term).
    placed_cut: frozenset[str] = frozenset()
    #: Plural nouns that make a count unknown ("life sentences": several, how many unsaid).
    plural_nouns: frozenset[str] = frozenset({"sentences", "terms", "penalties", "punishments"})

    def joins(self, word: str) -> Joins:
        """The role of a joiner *word* ("and", "；", "或者"): the lexicon's, punctuation's in
        every language, else OTHER (it keeps the parts apart)."""
        folded = fold(word)
        return self.joiners.get(folded) or PUNCTUATION_JOINS.get(folded, Joins.OTHER)

    def statute_bound(self, cue: str) -> str:
        """ "min" when the bound cue *cue* names a minimum ("the minimum penalty is"), else
        "max"."""
        folded = fold(cue)
        return "min" if any(word in folded for word in self.minimum_words) else "max"

    def strokes_label(self, words: str) -> str:
        """The `other` label of what a count of *words* counts (a STROKES token), by the
        lexicon's [counted_labels] ("lashes" are flogging); "caning" where they name nothing,
        as before the table existed (a grammar whose STROKES is not built from it)."""
        for pattern, label in _compiled(self.counted_labels):
            if pattern.fullmatch(words):
                return label
        return "caning"

    def english_figures(self, text: str) -> str:
        """Figures as English writes them, for the reader: where the decimal mark is ",",
        "5.000,50" becomes "5,000.50" (no-break spaces grouping digits are read as they are).
        Unchanged where the mark is ".".

        >>> from sentencenorm.language import lexicon
        >>> attrs.evolve(lexicon("en"), decimal_mark=",").english_figures("€ 1.234.567,5")
        '€ 1,234,567.5'
        """
        if self.decimal_mark == ".":
            return text
        return text.translate(_TO_ENGLISH_FIGURES)

    def number(self, words: str) -> int:
        """The value of a spelled-out cardinal ("one hundred and twenty" -> 120).

        >>> from sentencenorm.language import lexicon
        >>> lexicon("en").number("Twenty-five thousand, three hundred and six")
        25306
        >>> lexicon("zh").number("一万二千零五"), lexicon("zh").number("十五")
        (12005, 15)

        Raises ValueError for a numeral that is not well formed ("五五", "十十").
        """
        if self.number_system == "cjk":
            return self._cjk_number(words)
        total = current = 0
        for word in self._number_words(fold(words.replace(",", " ")).split()):
            if word in self.number_joiners:
                continue
            scale = self.number_scales.get(word)
            if scale == 100:
                current = (current or 1) * 100
            elif scale is not None:
                total += (current or 1) * scale
                current = 0
            else:
                current += self.numbers[word]
        return total + current

    def _number_words(self, words: list[str]) -> Iterator[str]:
        """The lexicon's number words in *words*: the longest run of up to four words that is
        one entry ("quatre vingt dix"), or the parts of a compound written as one word
        ("zweihundertfünfundzwanzig" -> "zwei", "hundert", "fünfundzwanzig")."""
        index = 0
        while index < len(words):
            for size in range(min(4, len(words) - index), 0, -1):
                key = " ".join(words[index : index + size])
                if self._is_number_word(key):
                    yield key
                    index += size
                    break
            else:
                yield from self._compound(words[index])
                index += 1

    def _is_number_word(self, key: str) -> bool:
        return key in self.numbers or key in self.number_scales or key in self.number_joiners

    def _compound(self, word: str) -> Iterator[str]:
        """A word made of number words, split at the longest known prefix each time."""
        rest = word
        while rest:
            for end in range(len(rest), 0, -1):
                part = rest[:end]
                if self._is_number_word(part):
                    yield part
                    rest = rest[end:]
                    break
            else:
                raise ValueError(f"not a number word: {word!r}")

    def _cjk_number(self, text: str) -> int:
        """A Chinese numeral: digits times 十/百/千 within a section, sections times 万/亿.

        A last digit written right after a unit, with no 零 between, counts in the next lower
        unit (the spoken short form): 三万五 is 35,000, 两千六 2,600, 一百二 120; with 零 it is
        units (一百零二 is 102). After 万 or 亿 the short form is read only when the section
        before the large unit ends in a digit or 十 (一百二十万三 is 1,203,000); after 百 or 千
        ("一百万五") it is refused, not guessed.

        >>> from sentencenorm.language import lexicon
        >>> read = lexicon("zh").number
        >>> [read(n) for n in ("三万五", "两千六", "一百二", "一百二十万三", "一亿五")]
        [35000, 2600, 120, 1203000, 150000000]
        >>> [read(n) for n in ("一百零二", "三千零五", "十五", "二十五", "一千零十", "一万零五")]
        [102, 3005, 15, 25, 1010, 10005]
        >>> read("一百万五")
        Traceback (most recent call last):
        ...
        ValueError: a short form after '万' is not clear in '一百万五'

        廿 and 卅 are a digit and 十 in one character (二十, 三十):

        >>> [read(n) for n in ("廿五", "廿", "卅", "一百廿", "廿万")]
        [25, 20, 30, 120, 200000]
        """
        total = section = 0
        digit: int | None = None
        last_unit = 10**12  # small units must fall within a section: 千 before 百 before 十
        last_large = 10**17
        zero = False
        after: int | None = None  # the unit the character before was, if it was one
        section_end = 0  # the last small unit of the section before a large unit (0: a digit)
        for char in self._cjk_spelled(text):
            if char in self.cjk_digits:
                value = self.cjk_digits[char]
                if digit is not None and not zero:
                    raise ValueError(f"two digits in a row in {text!r}")
                zero = value == 0
                digit = None if zero else value
                if zero:
                    after = None
            elif char in self.cjk_units:
                unit = self.cjk_units[char]
                bare_ten = zero and digit is None and unit == 10  # 一千零十: 零 then 十 = 10
                if unit >= last_unit or (digit is None and zero and not bare_ten):
                    raise ValueError(f"{char!r} out of place in {text!r}")
                section += (1 if digit is None else digit) * unit
                digit, last_unit, zero, after = None, unit, False, unit
            elif char in self.cjk_large_units:
                large = self.cjk_large_units[char]
                amount = section + (digit or 0)
                section_end = 0 if digit is not None or last_unit > 10**11 else last_unit
                if large < last_large:
                    total += amount * large
                else:  # 一万亿: the larger unit multiplies all before it
                    total = (total + amount) * large
                if amount == 0 and total == 0:
                    raise ValueError(f"{char!r} with nothing to multiply in {text!r}")
                section, digit, last_unit, last_large, zero = 0, None, 10**12, large, False
                after = large
            else:
                raise ValueError(f"not a Chinese numeral: {text!r}")
        if digit is not None and after is not None and after > 10:
            if after == last_large and section_end > 10:
                raise ValueError(f"a short form after {text[-2]!r} is not clear in {text!r}")
            return total + section + digit * (after // 10)
        return total + section + (digit or 0)

    def _cjk_spelled(self, text: str) -> str:
        """*text* with 廿 / 卅 (`cjk_tens`) written as their digit and 十."""
        if not self.cjk_tens or not any(char in self.cjk_tens for char in text):
            return text
        # The first character the table lists for each digit (二 before 贰 and 两).
        digit_of: dict[int, str] = {}
        for char, value in self.cjk_digits.items():
            digit_of.setdefault(value, char)
        ten = next(char for char, value in self.cjk_units.items() if value == 10)
        return "".join(
            digit_of[self.cjk_tens[char] // 10] + ten if char in self.cjk_tens else char
            for char in text
        )

    def currency(self, sign: str, territory: str | None) -> str | None:
        """The ISO 4217 code a sign or word stands for in *territory* (its reading territory,
        `sentencenorm.law.territories.reading_territory`); None when nothing settles it."""
        key = fold(sign)
        code = self.currency_signs.get(key) or self.currency_words.get(key)
        code = code or self.closing_marks.get(key)
        if code is not None and is_family(code):  # "$", "Rs", "kr": the territory settles it
            return currency_in(code, territory)
        return code

    def currency_factor(self, sign: str) -> int:
        """How many units of its ISO 4217 currency one unit a sign or word names is worth
        ("toman": 10 rials); 1 for most."""
        return self.currency_factors.get(fold(sign), 1)

    def currencies_of(self, sign: str) -> tuple[str, ...]:
        """Every ISO 4217 code a sign or word can stand for, somewhere."""
        key = fold(sign)
        code = self.currency_signs.get(key) or self.currency_words.get(key)
        code = code or self.closing_marks.get(key)
        if code is None:
            return ()
        return family_currencies(code) if is_family(code) else (code,)

    def other_label(self, words: str) -> str | None:
        """The label of the penalty *words* name (a W_OTHER token), if they name one. A
        pattern that looks at the text around its words (a lookahead or a lookbehind that the
        grammar's terminal checks) finds `AROUND` in its place here."""
        padded = AROUND + words + AROUND
        for table in (self.other_labels, self.placed_words):
            for pattern, label in _compiled(table):
                if pattern.fullmatch(words):
                    return label
                found = pattern.match(padded, 1)
                if found is not None and found.end() == len(words) + 1:
                    return label
        return None

    def placed(self, name: str, territory: str | None) -> str | None:
        """What the penalty *name* means in *territory* where [placed_labels] says: a label,
        or "custody"; its meaning "elsewhere" where it says nothing there, or None."""
        meanings = self.placed_labels.get(name)
        if meanings is None:
            return None
        here = None if territory is None else meanings.get(territory)
        return meanings.get("elsewhere") if here is None else here


@functools.cache
def _compiled(labels: tuple[tuple[str, str], ...]) -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(pattern, re.IGNORECASE), label) for pattern, label in labels)


def _label_phrases(
    table: Mapping[str, Any], name: str = "other_labels"
) -> tuple[tuple[str, str], ...]:
    """``[other_labels]`` (or ``[counted_labels]``): each label with the list of patterns that
    name it. The patterns are compiled when a phrase first needs them, not here: a first call
    reads most phrases without them (tests/test_languages.py compiles every one)."""
    pairs: list[tuple[str, str]] = []
    for label, patterns in table.items():
        if not isinstance(patterns, list) or not all(isinstance(p, str) for p in patterns):
            raise ValueError(f"[{name}] {label!r}: expected a list of patterns")
        pairs.extend((pattern, label) for pattern in patterns)
    return tuple(pairs)


def read_lexicon(lang: str) -> Lexicon:
    """Read ``data/lexicon/<lang>.toml`` (`sentencenorm.language.Language.lexicon` keeps it)."""
    path = data_dir() / "lexicon" / f"{lang}.toml"
    raw: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
    return Lexicon(
        lang=lang,
        numbers=raw.get("numbers", {}),
        number_scales=raw.get("number_scales", {}),
        fractions={key: Fraction(*value) for key, value in raw.get("fractions", {}).items()},
        units={key: (part, amount) for key, (part, amount) in raw.get("units", {}).items()},
        money_scales=raw.get("money_scales", {}),
        currency_signs=raw.get("currency_signs", {}),
        currency_words=raw.get("currency_words", {}),
        currency_factors=raw.get("currency_factors", {}),
        closing_marks={fold(mark): code for mark, code in raw.get("closing_marks", {}).items()},
        attributive_units=frozenset(fold(word) for word in raw.get("attributive_units", [])),
        definite_articles=frozenset(fold(word) for word in raw.get("definite_articles", [])),
        possessives=frozenset(fold(word) for word in raw.get("possessives", [])),
        summed_sentences=frozenset(fold(word) for word in raw.get("summed_sentences", [])),
        total_words=frozenset(fold(word) for word in raw.get("total_words", [])),
        life_only_territories=frozenset(raw.get("life_only_territories", [])),
        repayment_confiscates=frozenset(raw.get("repayment_confiscates", [])),
        count_words=raw.get("count_words", {}),
        modality_aux=raw.get("modality_aux", {}),
        optional_cues=frozenset(fold(word) for word in raw.get("optional_cues", [])),
        imposing_words=frozenset(fold(word) for word in raw.get("imposing_words", [])),
        imposing_verbs=frozenset(fold(word) for word in raw.get("imposing_verbs", [])),
        modality_verbs=raw.get("modality_verbs", {}),
        aggregation=raw.get("aggregation", {}),
        other_labels=_label_phrases(raw.get("other_labels", {})),
        number_system=raw.get("number_system", "words"),
        cjk_digits=raw.get("cjk_digits", {}),
        cjk_units=raw.get("cjk_units", {}),
        cjk_large_units=raw.get("cjk_large_units", {}),
        cjk_tens=raw.get("cjk_tens", {}),
        direct_binders=frozenset(fold(word) for word in raw.get("direct_binders", ())),
        number_joiners=frozenset(raw.get("number_joiners", ["and"])),
        decimal_mark=raw.get("decimal_mark", "."),
        year_figures_are_dates=bool(raw.get("year_figures_are_dates", False)),
        bare_suspension_is_sentence=bool(raw.get("bare_suspension_is_sentence", True)),
        joiners={fold(key): Joins(value) for key, value in raw.get("joiners", {}).items()},
        minimum_words=tuple(fold(word) for word in raw.get("minimum_words", ())),
        counted_labels=_label_phrases(raw.get("counted_labels", {}), "counted_labels"),
        weight_words=frozenset(fold(word) for word in raw.get("weight_words", ())),
        placed_labels={
            name: {key: value for key, value in table.items() if key not in ("words", "cut")}
            for name, table in raw.get("placed_labels", {}).items()
        },
        placed_cut=frozenset(
            name for name, table in raw.get("placed_labels", {}).items() if table.get("cut")
        ),
        placed_words=_label_phrases(
            {
                name: table["words"]
                for name, table in raw.get("placed_labels", {}).items()
                if "words" in table
            },
            "placed_labels",
        ),
        plural_nouns=frozenset(
            fold(word)
            for word in raw.get("plural_nouns", ["sentences", "terms", "penalties", "punishments"])
        ),
    )
