"""`Writer`: one canonical value written in the words of one locale, from its wording tables.

There is one writer for every language; what differs between languages is data: the
patterns of ``data/locales/<locale>.toml`` (where a noun stands, how a term's shape is said,
which separator joins two components), the speller of its script (`spellers`), and CLDR's
units, plural forms, currencies and lists through Babel.

Two rules keep every phrase readable back by the language's reader:

- each pattern is one the grammar reads, one per shape of term ("up to", "at least",
  "以下", "bis zu"...);
- components are joined softly (the locale's list, "，", "followed by") unless that would let
  the reader fold them into something else (a maximum carried over a fixed amount, two terms
  meeting in one range, a length running into the next): then by the hard separator ("; ",
  "；"). The writer does not guess when the reader folds: it asks the reader, reading the
  phrase back as it grows, so the two sides share one set of rules.

A value with no wording (an empty or missing pattern, a currency the reader has no sign or
name for, a phrase the reader does not read back) raises `Unwritable`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Final, TypeVar

import attrs
from babel import Locale
from babel.numbers import format_decimal, get_currency_name, get_currency_symbol
from babel.units import format_unit

from ..language import Lexicon
from ..model import (
    Choice,
    CommunityService,
    Component,
    Counted,
    Custody,
    Death,
    DeprivationOfRights,
    Fine,
    Forfeiture,
    Life,
    Money,
    Other,
    Restitution,
)
from ..model.durations import Duration
from ..sentence import Sentence
from .spellers import Speller
from .wording import join_list

__all__ = ["Unwritable", "Writer"]

# CLDR unit keys for the parts of a `Duration`, largest first.
_YEAR: Final = "duration-year"
_MONTH: Final = "duration-month"
_DAY: Final = "duration-day"
_HOUR: Final = "duration-hour"

# Grouping in threes whatever the locale's own pattern (en_IN groups "1,23,456").
_WHOLE: Final = "#,##0"
_CENTS: Final = "#,##0.00"

# Babel writes U+00A0 and U+202F in some patterns; the reader takes them as spaces, and plain
# spaces keep the output easy to read, search and compare.
_NO_BREAK_SPACES: Final = str.maketrans({"\u00a0": " ", "\u202f": " "})
# Taken out of a length the locale file says is written compactly ("3年6个月").
_SPACES: Final = str.maketrans({" ": None, "\u00a0": None, "\u202f": None})

# The shapes of a term whose phrase ends with a length ("seven years"): a custodial term of
# one of these shapes is given its setting ("in prison") when a component follows it.
_ENDS_WITH_LENGTH: Final = frozenset({"point", "range", "at_most", "at_least"})

_T = TypeVar("_T")


class Unwritable(Exception):
    """A value that has no phrasing in this locale that its reader reads back."""


def fill(pattern: object, **fields: str) -> str:
    """*pattern* with its fields; an empty or missing pattern is one the locale has no
    wording for."""
    if not isinstance(pattern, str) or not pattern:
        raise Unwritable("the locale has no wording for this")
    return pattern.format(**fields)


def shape(low: object, high: object) -> str:
    """The name of a term's shape, as the ``[term]`` tables key it: point, range, at_most..."""
    if low is None and high is None:
        return "none"
    if isinstance(low, Life):
        return "life_only"
    if isinstance(high, Life):
        return "up_to_life" if low is None else "to_life"
    if low is None:
        return "at_most"
    if high is None:
        return "at_least"
    return "point" if low == high else "range"


def _plural(forms: object, category: str) -> object:
    """The entry for a CLDR plural *category*, falling back to "other" (LDML)."""
    if isinstance(forms, Mapping):
        return forms.get(category) or forms.get("other")
    return forms


def _parts(duration: Duration) -> list[tuple[int, str]]:
    years, months = divmod(duration.months, 12)
    named = ((years, _YEAR), (months, _MONTH), (duration.days, _DAY))
    return [(amount, unit) for amount, unit in named if amount]


@attrs.frozen
class Writer:
    """Everything `render` needs for one locale and style; built once, then reused."""

    locale: Locale
    digits_locale: Locale
    words: bool  # style="words": numbers spelled where the speller can
    table: Mapping[str, Any]  # the locale's wording (`wording.wording`)
    lexicon: Lexicon  # the reader's words: which signs and names it reads
    speller: Speller
    read_back: Callable[[str], Sentence | None]  # the reader; None where it refuses

    def section(self, name: str) -> Mapping[str, Any]:
        found = self.table.get(name, {})
        return found if isinstance(found, Mapping) else {}

    # sentences ---------------------------------------------------------------------------
    def sentence(self, sentence: Sentence) -> str:
        """The whole phrase, checked by reading it back (see the module doc).

        Most phrases read back joined softly throughout: one reading settles them. Where one
        does not, the phrase is built again component by component, each joined softly if
        the phrase so far reads back so, and by the hard separator otherwise.
        """
        components = sentence.components
        texts = [
            self.component(component, more_follows=index < len(components) - 1)
            for index, component in enumerate(components)
        ]
        join = self.section("join")
        hard: str = join.get("hard", "")
        lists = not (join.get("commas_break_lists") and any(", " in text for text in texts))
        runs: list[list[str]] = [[texts[0]]]  # runs of softly joined components...
        separators: list[str] = []  # ...and what stands between two runs
        options = [self.soft(components, texts, 1, runs, separators, lists)]
        for index in range(2, len(components) + 1):
            options.append(self.soft(components, texts, index, *options[-1], lists))
        text = self.finish(*options[-1], sentence.modality)
        if self.reads_back(text, sentence):
            return text
        if len(components) == 1:
            raise Unwritable(f"the reader does not read {text!r} back")
        for index in range(1, len(components)):
            tried = [self.soft(components, texts, index + 1, runs, separators, lists)]
            if hard:
                tried.append(([*runs, [texts[index]]], [*separators, hard]))
            expected = Sentence(components[: index + 1], sentence.modality)
            for option_runs, option_separators in tried:
                text = self.finish(option_runs, option_separators, sentence.modality)
                if self.reads_back(text, expected):
                    runs, separators = option_runs, option_separators
                    break
            else:
                raise Unwritable("the reader would read these components otherwise")
        return text

    def soft(
        self,
        components: Sequence[Component],
        texts: Sequence[str],
        count: int,
        runs: list[list[str]],
        separators: list[str],
        lists: bool,
    ) -> tuple[list[list[str]], list[str]]:
        """*runs* with the component at *count* - 1 joined softly: by the locale's joiner for
        the two kinds, else in the list of the run before (or in a run of its own after a
        separator of its pair, or where lists may not hold it)."""
        if count == 1:
            return runs, separators
        index = count - 1
        between = self.between(components[index - 1], components[index])
        if between is None and lists:
            return [*runs[:-1], [*runs[-1], texts[index]]], separators
        hard: str = self.section("join").get("hard", "")
        return [*runs, [texts[index]]], [*separators, between or hard]

    def finish(
        self, runs: Sequence[Sequence[str]], separators: Sequence[str], modality: Any
    ) -> str:
        """The phrase of *runs*: each run a list, the runs joined, the modality cue around."""
        join = self.section("join")
        soft = join.get("separator")
        style = join.get("list_style", "standard")
        written = [soft.join(run) if soft else join_list(run, style, self.locale) for run in runs]
        text = written[0]
        for separator, run in zip(separators, written[1:], strict=True):
            text += separator + run
        if modality is not None:
            text = fill(self.section("modality").get(modality.value), body=text)
        for full, short in self.section("elisions").items():
            text = re.sub(rf"(?<![\w']){re.escape(full)}(?!\w)", short, text)
        return text.translate(_NO_BREAK_SPACES)

    def between(self, before: Component, after: Component) -> str | None:
        """The joiner the locale puts between two kinds, if it has one: "followed by"
        before supervised release, "，并处" before a money penalty in Chinese."""
        join = self.section("join")
        pairs: Mapping[str, str] = join.get("between", {})
        found = pairs.get(f"{before.kind} {after.kind}") or pairs.get(f"* {after.kind}")
        return found or None

    def reads_back(self, text: str, expected: Sentence) -> bool:
        return self.read_back(text) == expected

    # components ---------------------------------------------------------------------------
    def component(self, component: Component, *, more_follows: bool = False) -> str:
        kind = component.kind
        if isinstance(component, Choice):
            return self.choice(component)
        if isinstance(component, Custody):
            return self.custody(component, placed=more_follows)
        if isinstance(component, Death):
            return self.death(component)
        if isinstance(component, Fine):
            bounds = self.section("fine").get("bounds", {})
            term = _term(component.min, component.max, bounds, lambda m, joined: self.money(m))
            return self.with_term(kind, term)
        if isinstance(component, Forfeiture) and component.all_property:
            return fill(self.section(kind).get("all_property"))  # 没收个人全部财产
        if isinstance(component, Restitution | Forfeiture):
            if component.amount is None:  # no stated amount
                return fill(self.section(kind).get("none"))
            return fill(self.section(kind).get("amount"), amount=self.money(component.amount))
        if isinstance(component, CommunityService):
            hours = self.unit(component.hours, _HOUR)
            return fill(self.section(kind).get("hours"), hours=hours)
        if isinstance(component, Other):
            return self.other(component)
        bounds = {**self.section("term"), **self.section(kind).get("bounds", {})}
        if isinstance(component, DeprivationOfRights):
            return self.with_term(kind, self.term(component.min, component.max, bounds))
        return self.with_term(kind, self.term(component.min, component.max, bounds))

    def choice(self, choice: Choice) -> str:
        """Alternatives: each option's penalties as a list, the options as CLDR's "or" list
        ("up to 5 years or a fine of up to $250,000"), or "A or B, or both" where the last
        option is the two before it together."""
        table = self.section("choice")
        if not table.get("or"):
            raise Unwritable("no wording for alternatives (a choice)")
        options = choice.options
        written = [
            join_list([self.component(penalty) for penalty in option], "standard", self.locale)
            for option in options
        ]
        if len(options) == 3 and options[2] == options[0] + options[1] and table.get("both"):
            return fill(table["both"], first=written[0], second=written[1])
        return fill(table["or"], options=join_list(written, "or", self.locale))

    def with_term(self, kind: str, term: str | None) -> str:
        table = self.section(kind)
        if term is None:
            return fill(table.get("none"))
        return fill(table.get("with_term"), term=term)

    def custody(self, custody: Custody, *, placed: bool = False) -> str:
        """A custodial term; *placed* says where it is served ("seven years in prison
        followed by..."), where the locale says so, when a component follows."""
        table = self.section("custody")
        form = shape(custody.min, custody.max)
        if custody.regime is not None:
            return self.regime(custody, form)
        aggregation = custody.aggregation.value if custody.aggregation else None
        if custody.count == 1:
            body = self.custody_term(custody, form)
            if placed and table.get("setting") and form in _ENDS_WITH_LENGTH:
                body = fill(table["setting"], body=body)
        else:
            body, aggregation = self.several(custody, form, aggregation)
        if aggregation is not None:
            body = fill(table.get("served", {}).get(aggregation), body=body)
        if custody.suspended is None:
            return body
        period = custody.suspended.period
        if period is None:
            return fill(table.get("suspended"), body=body)
        return fill(table.get("suspended_for"), body=body, length=self.length(period))

    def regime(self, custody: Custody, form: str) -> str:
        """Custody under a regime of its own (行政拘留): ``[custody.regime.<regime>]``, a pattern
        per shape of the term and ``none``. One term, never counted, aggregated or suspended
        (administrative detention is none of these); a locale with no such table has no
        wording for it."""
        regime = custody.regime.value if custody.regime is not None else ""
        table = self.section("custody").get("regime", {}).get(regime)
        if not table:
            raise Unwritable(f"no wording for custody as {regime.replace('_', ' ')}")
        if custody.count != 1 or custody.aggregation is not None or custody.suspended is not None:
            raise Unwritable(f"no wording for {regime.replace('_', ' ')} counted or suspended")
        written = self.term(custody.min, custody.max, table)
        return fill(table.get("none")) if written is None else written

    def custody_term(self, custody: Custody, form: str) -> str:
        """One custodial term: ``[custody.term]`` laid over ``[term]``; a short fixed term in
        words of its own where the locale has them (拘役 below six months)."""
        table = self.section("custody")
        low, high = custody.min, custody.max
        if form == "none":
            return fill(table.get("none"))
        below = table.get("detention_below")
        if (
            form == "point"
            and below
            and isinstance(low, Duration)
            and low.compare(Duration.fromisoformat(below)) == -1
        ):
            return fill(table.get("detention"), max=self.length(low))
        terms = {**self.section("term"), **table.get("term", {})}
        written = self.term(low, high, terms)
        assert written is not None
        return written

    def several(
        self, custody: Custody, form: str, aggregation: str | None
    ) -> tuple[str, str | None]:
        """Several terms, and the aggregation still to be said around them.

        ``[custody.several]`` (a stated count) and ``[custody.uncounted]`` hold a pattern per
        shape, or a ``default``, each keyed by CLDR plural category; ``point`` uses the
        length's adjective ("two ten-year terms") when it has one. Fields: {count}, {body}
        (the term as one custody), {term}, {length}, and {aggregation}, the adjective of
        ``[custody.aggregation]``, for locales that say it inside the phrase ("three
        consecutive life sentences"). Else the lexicon's count word ("zweimal", ``times``).
        """
        table = self.section("custody")
        count = custody.count
        forms = table.get("several" if count is not None else "uncounted", {})
        adjective = None
        if form == "point" and isinstance(custody.min, Duration):
            adjective = self.adjective(custody.min)
        keys = [form] if form != "point" or adjective is not None else []
        pattern = next((forms[key] for key in [*keys, "default"] if key in forms), None)
        category = self.locale.plural_form(count) if count is not None else "other"
        chosen = _plural(pattern, category)
        if isinstance(chosen, str) and chosen:
            inside = "{aggregation}" in chosen
            adjectives = table.get("aggregation", {})
            fields: dict[str, Callable[[], str]] = {
                "count": lambda: self.number(count) if count is not None else "",
                "aggregation": lambda: adjectives.get(aggregation, "") if aggregation else "",
                "length": lambda: adjective or "",
                "term": lambda: self.term(custody.min, custody.max) or "",
                "body": lambda: self.custody_term(custody, form),
            }
            used = {name: make() for name, make in fields.items() if f"{{{name}}}" in chosen}
            text = " ".join(fill(chosen, **used).split())  # an empty field leaves no gap
            return text, None if inside else aggregation
        times = [
            word
            for word, number in self.lexicon.count_words.items()
            if number == count and word not in self.section("numbers").get("avoid_counts", ())
        ]
        if count is None or not times:
            raise Unwritable(f"no wording for {count or 'several'} terms")
        body = self.custody_term(custody, form)
        return fill(table.get("times"), times=times[0], body=body), aggregation

    def death(self, death: Death) -> str:
        table = self.section("death")
        if not death.suspended:
            return fill(table.get("plain"))
        if death.reprieve is None:
            return fill(table.get("suspended"))
        # "a two-year reprieve", where the locale has an adjective form for it
        adjective = self.adjective(death.reprieve) if table.get("reprieve_adjective") else None
        if adjective is not None:
            return fill(table["reprieve_adjective"], length=adjective)
        return fill(table.get("reprieve"), length=self.length(death.reprieve))

    def other(self, other: Other) -> str:
        """A penalty by its label: ``[other.labels."<label>"]`` over ``[other]``."""
        base = self.section("other")
        entry = base.get("labels", {}).get(other.label, {})
        table = {**base, **({"phrase": entry} if isinstance(entry, str) else entry)}
        phrase = fill(table.get("phrase"), label=other.label)
        quantity = other.quantity
        if quantity is None:
            return phrase
        if isinstance(quantity, Duration):
            # "a six-month community order", where the label has a pattern for a length of one
            # unit as an adjective; else "a community order of one year and six months"
            adjective = self.adjective(quantity) if table.get("length_adjective") else None
            if adjective is not None:
                return fill(table["length_adjective"], length=adjective, label=phrase)
            return fill(table.get("length"), length=self.length(quantity), label=phrase)
        if isinstance(quantity, Money):
            return fill(table.get("amount"), amount=self.money(quantity), label=phrase)
        assert isinstance(quantity, Counted)
        count = self.number(quantity.value)
        pattern = _plural(table.get("count"), self.locale.plural_form(quantity.value))
        return fill(pattern, count=count, unit=quantity.unit, label=phrase)

    # terms, lengths and numbers ------------------------------------------------------------
    def term(
        self,
        low: Duration | Life | None,
        high: Duration | Life | None,
        table: Mapping[str, str] | None = None,
    ) -> str | None:
        """A term of time in the words of *table* (``[term]`` by default); None if unstated."""
        return _term(low, high, table or self.section("term"), self.length)

    def length(self, duration: Duration, joined: bool = True) -> str:
        """ "1 year and 6 months" (*joined*), or as ``[length].unjoined`` says inside a range
        ("1 year 6 months to 2 years"); ``join`` replaces CLDR's list where its commas would
        read as joiners of components ("ein Jahr und sechs Monate")."""
        table = self.section("length")
        parts = [self.unit(amount, unit) for amount, unit in _parts(duration)]
        if not parts:
            raise Unwritable("a length of zero")
        if not joined and "unjoined" in table:
            text: str = table["unjoined"].join(parts)
        elif "join" in table:
            text = table["join"].join(parts)
        else:
            text = join_list(parts, table.get("list_style", "standard"), self.locale)
        return text.translate(_SPACES) if table.get("compact") else text

    def adjective(self, duration: Duration) -> str | None:
        """ "ten-year" for a length of one unit, where the locale has ``[length].adjective``."""
        pattern = self.section("length").get("adjective")
        parts = _parts(duration)
        if not pattern or len(parts) != 1:
            return None
        ((amount, unit),) = parts
        one = format_decimal(1, _WHOLE, locale=self.locale)
        name = format_unit(1, unit, length="long", format=_WHOLE, locale=self.locale)
        return str(pattern).format(
            number=self.number(amount), unit=name.replace(one, "", 1).strip()
        )

    def unit(self, amount: int, unit: str) -> str:
        """ "6 months", "sechs Monate", "六个月": CLDR's unit and plural form, our number."""
        length = self.section("length").get("unit_length", "long")
        text = format_unit(amount, unit, length=length, format=_WHOLE, locale=self.locale)
        shown = format_decimal(amount, _WHOLE, locale=self.locale)
        return text.replace(shown, self.number(amount, unit), 1)

    def number(self, value: int, unit: str | None = None) -> str:
        if self.words:
            spelled = self.speller.spell(value, unit)
            if spelled is not None:
                return spelled
        return format_decimal(value, _WHOLE, locale=self.digits_locale)

    def money(self, money: Money) -> str:
        """An amount in the first form of ``[money].forms`` the reader reads back: CLDR's
        currency ``name`` ("5.000 Euro", "人民币五千元"), or its ``sign`` ("$5,000") or ISO
        code ("CAD 5,000"). Chinese spells whole amounts out in the words style."""
        table = self.section("money")
        whole = money.amount == money.amount.to_integral_value()
        amount = None
        if whole and self.words and table.get("spell_amounts"):
            amount = self.speller.spell(int(money.amount))
        if amount is None:
            amount = format_decimal(
                money.amount,
                _WHOLE if whole else _CENTS,
                locale=self.digits_locale,
                decimal_quantization=False,
            )
        for form in table.get("forms", ("sign",)):
            if form == "name":
                count = int(money.amount) if whole else 2
                name = get_currency_name(money.currency, count=count, locale=self.locale)
                if self.lexicon.currency(name, None) == money.currency:
                    pattern = table.get("patterns", {}).get(money.currency, table.get("pattern"))
                    return fill(pattern, name=name, amount=amount)
                continue
            for sign in (get_currency_symbol(money.currency, locale=self.locale), money.currency):
                if self.lexicon.currency(sign, None) == money.currency:
                    space = " " if sign[-1:].isalpha() else ""
                    return fill(table.get("sign_pattern"), sign=sign, space=space, amount=amount)
        raise Unwritable(f"the reader has no name or sign for {money.currency}")


def _term(
    low: _T | Life | None,
    high: _T | Life | None,
    table: Mapping[str, str],
    bound: Callable[[_T, bool], str],
) -> str | None:
    """The phrase of a term's shape; *bound* writes one bound (joined: may use "and")."""
    form = shape(low, high)
    if form == "none":
        return None
    if form in ("life_only", "up_to_life"):
        return fill(table.get(form))
    if form == "to_life":
        return fill(table.get(form), min=bound(low, False))  # type: ignore[arg-type]
    if form == "at_most":
        return fill(table.get(form), max=bound(high, True))  # type: ignore[arg-type]
    if form == "at_least":
        return fill(table.get(form), min=bound(low, True))  # type: ignore[arg-type]
    if form == "point":
        return fill(table.get(form), max=bound(high, True))  # type: ignore[arg-type]
    return fill(table.get(form), min=bound(low, False), max=bound(high, False))  # type: ignore[arg-type]
