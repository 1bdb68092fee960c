"""A language's extraction context: ``grammar/<lang>.context.toml``, compiled.

What running text around a phrase may say about it: the anchors and keywords the prefilter
looks for, the cues before or after a phrase that give it a modality ("was sentenced to",
"faces"), what makes a number no penalty, and how parts of a clause are told apart.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any, Final, TypeVar

import attrs
from lark import Token

from ..language import Language, Lexicon, lexicon
from ..language.roles import FROM, TO, Group, Says, role
from ..model import Modality
from . import prepared
from .caseless import Caseless
from .compose import tried_order
from .endings import Anchored, Led, candidates, ending
from .negation import Negation, Sense
from .pieces import states_bound

__all__ = [
    "Context",
    "ContextCue",
    "Negation",
    "Slice",
    "build_context",
    "cue_after",
    "cue_before",
    "load_context",
]

#: Where a word starts: a letter or digit after a non-word character, or a currency sign
#: (unless the language's context file says otherwise).
WORD_START: Final = re.compile(r"(?<![\w'’\-‐‑‒–—/.,])[\w$£€¥₹₦₱]")


# ── context data ────────────────────────────────────────────────────────────────────────────


#: Groups of a length or an amount: a phrase stating one before "from" states no change.
_CORES: Final = frozenset({Group.NUMBER, Group.MONEY})


@attrs.frozen
class ContextCue:
    pattern: Caseless
    modality: Modality
    bound: str | None
    kind: str | None = None  # the only kind of component the cue may introduce ("fined ...")
    #: Says more than a verb inside the phrase: "建议 | 判处有期徒刑五年" is a request.
    outranks_verb: bool = False
    #: A party's request ("prosecutors sought", "the Crown's request for"): what the court
    #: did instead (``[negation] overruled``) says it was not given.
    request: bool = False
    #: The only verbs it outranks, when it names them, and only in a phrase of one value (no
    #: bound, range or alternative): "依詐欺罪 | 處有期徒刑1年" is a sentence given; "依詐欺罪 |
    #: 可處…" and "依殺人罪，| 處死刑或無期徒刑" stay a statute's.
    verb: re.Pattern[str] | None = None

    def outranks(self, tokens: Sequence[Token]) -> bool:
        """Whether the cue says more than the verb that opens the phrase of *tokens*."""
        if not self.outranks_verb or self.verb is None:
            return self.outranks_verb
        # The verb past an "each" that opens the phrase ("…共參罪，| 各處有期徒刑肆月").
        opening = next((t for t in tokens if Says.EACH not in role(t.type).says), tokens[0])
        return (
            self.verb.fullmatch(opening.value) is not None
            and not states_bound(tokens)
            and all(token.type != "OR" for token in tokens)
        )


@attrs.frozen
class Context:
    """``grammar/<lang>.context.toml``, compiled."""

    anchors: Caseless
    keywords: Caseless
    evidence: frozenset[str]
    nouns: re.Pattern[str]
    bound_adjectives: re.Pattern[str]
    coreless_nouns: re.Pattern[str]
    coreless_words: re.Pattern[str]
    #: Neutral nouns that say "penalty" only in a phrase with a bound or a range ("a term not
    #: exceeding six months"; "a six-year term" may be an office).
    bounded_nouns: re.Pattern[str] | None
    #: Bound words that hold the noun of what they bound (zh "最低刑期为"): a penalty's name.
    named_bounds: re.Pattern[str] | None
    #: Verbs under which an amount with no kind word is a fine ("ordered to pay $500").
    pay_verbs: re.Pattern[str] | None
    #: Right after an amount a verb of paying names: the party it is paid to ("ordered to pay $1
    #: million | to the family"), which makes it a payment to someone, not a fine.
    paid_to: re.Pattern[str] | None
    #: Just before such an amount: a civil jury's order ("A jury ordered the company | to pay
    #: $4.7 billion"): damages, not a fine.
    civil_order: re.Pattern[str] | None
    #: Verbs of paying: before a definite penalty with no amount ("to pay | the fine") they
    #: point at one stated elsewhere.
    paying: re.Pattern[str] | None
    #: A bare copula and an indefinite article before a penalty with no number: what something
    #: is said to be ("was | a | death sentence for the town"), no sentence given.
    copulas: re.Pattern[str] | None
    indefinite: re.Pattern[str] | None
    comparatives: re.Pattern[str] | None
    thresholds: re.Pattern[str] | None
    conditions: Caseless | None
    #: Words in a phrase, before its bound, that make the bound a class of sentences ("a
    #: non-parole period | for sentences | between 12 months and 2 years").
    classes: re.Pattern[str] | None
    #: An offence named with no article of its own before a floor ("covers an indictable
    #: offence | punishable by at least ten years"): a class of offences (`class_floors`).
    offence_class: Caseless | None
    class_floors: re.Pattern[str] | None
    #: How many counts a clause states ("two misdemeanor charges"), its figure or words in the
    #: first group: the count of a term given "on each count" after it.
    counts_stated: Caseless | None
    #: Offences listed right after a term given "each" ("twenty years each, under Sections
    #: 5(l) and 5(j)"), the list in the first group: one term per offence listed.
    counts_listed: Caseless | None
    #: A clause opening on the counts each term is given on ("On each of counts 1 and 3 he was
    #: sentenced to"): the listed counts in the first group, or their number in the second.
    counts_opened: Caseless | None
    #: The counts named right after a term given "each" ("on each | of counts 1 and 3"): the
    #: listed counts in the first group, or their number in the second.
    counts_after_each: Caseless | None
    weak: re.Pattern[str]
    #: Determiners that point at a penalty stated elsewhere ("the", "his"): a phrase with no
    #: number and no cue that opens with one states nothing new.
    definite: re.Pattern[str] | None
    #: A generic subject, a class of people, before a penalty with no number ("Once a
    #: defendant has been ordered to pay | a fine", "murderers must serve | a jail sentence").
    generic_subject: Caseless | None
    coreless: frozenset[str]
    family: frozenset[str]
    clause_verbs: re.Pattern[str]
    subject_follows: Caseless
    cues: tuple[ContextCue, ...]
    after_cues: tuple[ContextCue, ...]
    not_before: Caseless
    not_after: Caseless
    #: A phrase's own verb that states time already spent ("serving"), which `not_before`
    #: still judges: "after serving 12 years in prison" is time served, not a sentence.
    spent_verbs: re.Pattern[str] | None
    #: ...of which the past tense tells time spent, with no cue: "Mandela served 27 years in
    #: prison" (a life's story; the sentence, if any, may have been longer), never a sentence.
    spent_past: re.Pattern[str] | None
    #: In a phrase with a verb of time spent, the sentence it is part of ("served 11 years |
    #: of their sentence"): the part already served, not a sentence.
    portion: re.Pattern[str] | None
    #: Right after a phrase that names no penalty, words that make its length a measure of
    #: something else ("received two years | of training").
    measured: re.Pattern[str] | None
    not_after_coreless: Caseless | None
    #: Right after a phrase whose last item states no value, the start of an amount or a bound
    #: the grammar could not read ("… and a fine | of 100,000"): that item is a cut, dropped.
    cut_after: Caseless | None
    #: Right after a phrase whose last item is a default term, a court setting that term aside
    #: ("…, but the High Court set the default term aside"): the item is dropped, the fine stays.
    default_undone: Caseless | None
    #: A comparative right after a length: the length is a difference ("two years longer").
    differences: re.Pattern[str] | None
    #: An event a length counts from ("28 days after | sentencing"): the length is a time.
    events: re.Pattern[str] | None
    #: A calendar date, which a phrase that opens inside it is part of (zh "2023年 | 3月7日").
    dates: re.Pattern[str] | None
    word_start: re.Pattern[str]
    separate_bare_terms: bool
    copula_clauses: bool
    semicolon_parts: bool
    closing_words: re.Pattern[str] | None
    #: A word that hands the items of a list to as many people ("respectively"): each item
    #: with a number is then an expression of its own.
    distributive: re.Pattern[str] | None
    #: What may stand between a match and the next phrase for the next to share its cue: the
    #: first one's offence and a joiner ("4 years for robbery and | 2 years for assault").
    carried_over: Caseless | None
    #: An offence named right after a phrase ("for robbery"): a length before it is a sentence.
    offence_after: Caseless | None
    #: A suspension of the term just given, stated later in its sentence ("Imposing four months
    #: imprisonment, the judge | suspended the term for 18 months"): its period, when stated,
    #: in the first group.
    suspended_after: Caseless | None
    #: Words between a bound and the penalty before it that name another penalty: "probation
    #: can last up to five years, and jail | can be up to one year" is no bound of probation.
    kin_broken: Caseless | None
    #: An item of a list with its verb and unit elided, right after a term given (", Stefanovich
    #: to | 9 |,"): the bare number in the first group (reading/elided.py).
    elided_terms: Caseless | None
    #: The list of people right after a custodial sentence given with no term ("All are
    #: sentenced to prison. | Stefanovic to nine years, …"): its first term in the first group.
    listed_after: Caseless | None
    #: The minimum of the term just given, set right after it ("... in prison. | His non-parole
    #: period has been set at two years"): the length in the first group.
    minimum_after: Caseless | None
    #: How the terms just given run, said in the next sentence ("... on each of the four
    #: counts. | The sentence is to run concurrently"): the aggregation word in the first group.
    aggregation_after: Caseless | None
    #: How every term of a sentence runs, said where it closes ("5 years for robbery and 3
    #: years for assault, | all to run concurrently"): the aggregation word in the first group.
    aggregation_closing: Caseless | None
    #: How the term just given runs, said by a verb of its own later in its clause ("… |
    #: was ordered to be served cumulatively"): the auxiliary in the first group, the
    #: aggregation word in the second (reading/said_after.py).
    aggregation_ordered: Caseless | None
    #: How the term given on a count runs, said in the next sentence ("| The sentence on count
    #: 2 should be served concurrently"): the counts in the first group, the word in the second.
    aggregation_on_count: Caseless | None
    #: What may stand between a term given and the least time before parole stated of it
    #: ("… life imprisonment, | you'll | be given a non-parole period of at least 10 years"),
    #: and the words of parole that the second must name (reading/said_after.py).
    parole_floor: tuple[Caseless, Caseless] | None
    #: A penalty lasting "for the same length of time" as the term before it in its phrase
    #: (reading/said_after.py).
    same_length: Caseless | None
    #: A part of the term just given suspended, said right after it ("… for each. | For each 2
    #: months is suspended"): the part in the first group.
    suspended_part_after: Caseless | None
    #: A suspension closing a judgment's main text after the forfeitures that follow the term
    #: ("…沒收；| 緩刑伍年。"): its period in the first group (reading/said_after.py).
    suspension_closing: Caseless | None
    #: A term given, then cut with its unit elided ("14 years in jail | (reduced to six)"):
    #: the cut term's unit in the first group, the bare number that stands in the second.
    reduced_terms: Caseless | None
    #: Words before a cut term that make it a bound the law sets ("the maximum penalty of").
    reduced_bounds: Caseless | None
    #: A reprieve of the death sentence just given, stated later in its sentence ("sentenced
    #: to death for taking bribes ..., | but was given a two-year reprieve"): its length, when
    #: stated, in the first group.
    reprieve_after: Caseless | None
    #: A parenthesis right after a phrase, with no verb of its own, that belongs to it ("the
    #: fine of $10,000 | (in default 8 weeks' imprisonment)"): dropped with it when the phrase
    #: was not given.
    aside: Caseless | None
    #: Words before a bare auxiliary that make it no cue ("there | is a mandatory life
    #: sentence"): the phrase starts after it.
    existential: Caseless | None
    #: A verb of change before "from X to Y", and the bound words it changes (``[changes]``).
    change_verbs: Caseless | None
    change_bounds: tuple[tuple[str, Caseless], ...]
    negation: Negation
    #: ``[default_term]``: words after a phrase that make its terms served only if an amount
    #: ordered is not paid, and the word of the phrase that makes it a further term.
    default_after: Caseless | None = None
    default_further: re.Pattern[str] | None = None
    default_before: Caseless | None = None
    #: Words before a phrase, reaching up to it, that hand the items of its list to as many
    #: people ("分別改判兩名被告人須接受 | 12個月感化及80小時社會服務"): items joined by "and"
    #: are then expressions of their own.
    distributive_before: Caseless | None = None
    #: Words right after a phrase that `not_after` takes for a time ("five years | later") but
    #: that, after a phrase given with its own verb (`event_phrase`, anchored at both ends), tell
    #: an event ("被判5年半 | 之後": after the sentence was given).
    event_after: Caseless | None = None
    event_phrase: Caseless | None = None
    #: Words right after a phrase given by a sentencing verb, inside it (`class_phrase`) or
    #: just before it (`class_before`), that make it a class of offenders ("被判处十年以上有期
    #: 徒刑的，…", "对于被判处拘役、三年以下有期徒刑的 | 犯罪分子"): no sentence given.
    class_after: Caseless | None = None
    class_phrase: Caseless | None = None
    class_before: Caseless | None = None

    def names_class(self, before: Slice, phrase: Slice, after: Slice) -> bool:
        """Whether the phrase, given by a sentencing verb and followed by `class_after`, names
        the offenders under such a sentence rather than a sentence given."""
        if self.class_after is None or not after.match(self.class_after):
            return False
        inside = self.class_phrase is not None and phrase.match(self.class_phrase)
        return inside or (self.class_before is not None and before.search(self.class_before))

    def no_penalty_after(self, after: Slice, phrase: Slice) -> bool:
        """Whether words right after the phrase make it no penalty (`not_after`), unless they
        tell an event after a phrase given with its own verb (`event_after`)."""
        if not after.match(self.not_after):
            return False
        if self.event_after is None or self.event_phrase is None:
            return True
        return not (after.match(self.event_after) and phrase.match(self.event_phrase))

    def in_default(self, phrase: str, before: Slice, after: Slice) -> bool:
        """Whether the text around *phrase* says its terms are served in default of payment: a
        condition before it ("If he fails to pay the fine, | he will serve six months"), or a
        further term with the failure after it ("a further eleven and half months
        imprisonment | after failing to pay back £65,157.65")."""
        if self.default_before is not None and before.search(self.default_before):
            return True
        further, condition = self.default_further, self.default_after
        return (
            further is not None
            and condition is not None
            and further.search(phrase) is not None
            and after.match(condition)
        )

    def changed_bound(
        self, tokens: Sequence[Token], text: str, low: str | None, since: int
    ) -> str | None:
        """The bound a law changes when the phrase states its "from X to Y" ("the maximum …
        went | from 10 to 14 years", "raised the maximum fine | from $5,000 to $10,000"):
        "max" or "min"; "" when a verb of change stands before it but no bound word; None
        when the phrase is no change. *since* is where the text before it is looked at."""
        if self.change_verbs is None:
            return None
        at = next((i for i, t in enumerate(tokens) if t.type == FROM), None)
        if at is None or any(role(t.type).group in _CORES for t in tokens[:at]):
            return None
        if not any(t.type == TO for t in tokens[at:]):
            return None  # "increased it from the legal minimum of 20 years": no "to", no change
        opening = tokens[at]
        before = Slice(text, low, max(0, since), opening.start_pos or 0)
        if not before.search(self.change_verbs):
            return None
        return next((bound for bound, word in self.change_bounds if before.search(word)), "")

    def aside_after(self, text: str, low: str | None, end: int) -> int:
        """Where a parenthesis that belongs to the phrase ending at *end* closes ("the fine of
        $10,000 | (in default 8 weeks' imprisonment)"), or *end* when none follows."""
        if self.aside is None:
            return end
        found = self.aside.match(
            text[end : end + 120], None if low is None else low[end : end + 120]
        )
        return end if found is None else end + found.end()

    def offence_follows(self, after: Slice) -> bool:
        """Whether the text right after the phrase names the offence it punishes."""
        return self.offence_after is not None and after.match(self.offence_after)

    def distributes_before(self, before: Slice) -> bool:
        """Whether words right before the phrase hand its list to as many people."""
        return self.distributive_before is not None and before.search(self.distributive_before)

    def distributes(self, tokens: Sequence[Token], after: str, before: str = "") -> bool:
        """Whether a word of the phrase, right after it or right before it (with at most an
        auxiliary between) hands its items to as many people: "were jailed for nine years and
        seven years respectively", "D1 and D2 were respectively given | jail sentences of 10
        months and 11 months" are two expressions."""
        word = self.distributive
        if word is None:
            return False
        if any(word.fullmatch(token.value) for token in tokens):
            return True
        if word.match(after.lstrip(" ,")) is not None:
            return True
        words = before.split()[-2:]
        return any(word.fullmatch(found.strip(" ,")) for found in words)


def _compile(pattern: str) -> re.Pattern[str]:
    # Searched for in whole documents: led by a lookahead for the characters a match begins with.
    return prepared.searched(pattern)


def _caseless(pattern: str) -> Caseless:
    # Searched for in running text: in its lowered form where that is exact (see scanning),
    # compiled when first searched, from the analysis built ahead where it is (prepared).
    return prepared.caseless(pattern)


def _cues(tables: Sequence[dict[str, Any]]) -> tuple[ContextCue, ...]:
    return tuple(
        ContextCue(
            _caseless(table["pattern"]),
            Modality(table["modality"]),
            table.get("bound"),
            table.get("kind"),
            bool(table.get("outranks_verb", False)),
            bool(table.get("request", False)),
            re.compile(table["verb"], re.IGNORECASE) if "verb" in table else None,
        )
        for table in tables
    )


def money_anchors(words: Lexicon) -> str:
    """The lexicon's currency signs before a figure and its currency words, as one pattern:
    what ``{money}`` stands for in a context file's anchors, so that every amount the grammar
    reads is an anchor ("Dh50,000", "5,000 dirhams").

    >>> from sentencenorm.language import lexicon
    >>> import re
    >>> anchors = re.compile(money_anchors(lexicon("en")), re.IGNORECASE)
    >>> [m.group() for m in anchors.finditer("fined Dh50,000 or 5,000 dirhams, not 5 drams")]
    ['Dh', 'dirhams']
    """
    signs = "|".join(re.escape(sign) for sign in tried_order(list(words.currency_signs)))
    spelled = tried_order(list(words.currency_words))
    names = "|".join(r"\s+".join(map(re.escape, name.split())) for name in spelled)
    return rf"(?<!\w)(?:{signs})(?=\s?\d)|\b(?:{names})\b"


_Built = TypeVar("_Built")


def _optional(table: dict[str, Any], key: str, build: Callable[[str], _Built]) -> _Built | None:
    """*key*'s pattern in a context file's *table*, compiled by *build*; None where it is absent."""
    return build(table[key]) if key in table else None


def load_context(lang: str) -> Context:
    """Read and compile the context rules of *lang* (cached by `_reader`), with the analysis
    of its patterns built ahead where the tables hold it (`prepared`)."""
    prepared.read(lang)
    return build_context(lang)


def build_context(lang: str) -> Context:
    """`load_context`, the patterns analysed with what is known of them in this process."""
    raw = Language.get(lang).context
    default_term = raw.get("default_term", {})  # a language may give any of its three keys
    evidence = raw["evidence"]
    anchors = raw["anchors"]
    if "{money}" in anchors:
        anchors = anchors.replace("{money}", money_anchors(lexicon(lang)))
    # "governs" ends where the phrase starts, "after" begins where it ends: each pattern of
    # theirs is tried alone, where it can match (endings); the others as one alternation.
    lists = {"governs": Anchored, "after": Led}
    negation: dict[str, Any] = {
        key: lists[key](patterns, _caseless) if key in lists else _caseless("|".join(patterns))
        for key, patterns in raw.get("negation", {}).items()
    }
    return Context(
        anchors=_caseless(anchors),
        keywords=_caseless(raw["keywords"]),
        evidence=frozenset(evidence["terminals"]),
        nouns=_compile(evidence["nouns"]),
        bound_adjectives=_compile(evidence["bound_adjectives"]),
        coreless_nouns=_compile(evidence["coreless_nouns"]),
        coreless_words=_compile(evidence["coreless_words"]),
        bounded_nouns=_optional(evidence, "bounded_nouns", _compile),
        named_bounds=_optional(evidence, "named_bounds", _compile),
        pay_verbs=_optional(evidence, "pay_verbs", _compile),
        paid_to=_optional(evidence, "paid_to", _compile),
        civil_order=_optional(evidence, "civil_order", _compile),
        paying=_optional(evidence, "paying", _compile),
        copulas=_optional(evidence, "copulas", _compile),
        indefinite=_optional(evidence, "indefinite", _compile),
        comparatives=_optional(evidence, "comparatives", _compile),
        thresholds=_optional(evidence, "thresholds", _compile),
        conditions=_optional(evidence, "conditions", _caseless),
        classes=_optional(evidence, "classes", _compile),
        offence_class=_optional(evidence, "offence_class", _caseless),
        class_floors=_optional(evidence, "class_floors", _compile),
        counts_stated=_optional(evidence, "counts_stated", _caseless),
        counts_listed=_optional(evidence, "counts_listed", _caseless),
        counts_opened=_optional(evidence, "counts_opened", _caseless),
        counts_after_each=_optional(evidence, "counts_after_each", _caseless),
        weak=_compile(evidence["weak"]),
        definite=_optional(evidence, "definite", _compile),
        generic_subject=_optional(evidence, "generic_subject", _caseless),
        coreless=frozenset(evidence["coreless"]),
        family=frozenset(evidence["family"]),
        clause_verbs=_compile(raw["parts"]["clause_verbs"]),
        subject_follows=_caseless(raw["parts"]["subject_follows"]),
        cues=_cues(raw.get("cues", [])),
        after_cues=_cues(raw.get("after_cues", [])),
        not_before=_caseless(raw["not_penalty"]["before"]),
        not_after=_caseless(raw["not_penalty"]["after"]),
        spent_verbs=_optional(raw["not_penalty"], "spent_verbs", _compile),
        spent_past=_optional(raw["not_penalty"], "spent_past", _compile),
        portion=_optional(raw["not_penalty"], "portion", _compile),
        measured=_optional(raw["not_penalty"], "measured", _compile),
        not_after_coreless=_optional(raw["not_penalty"], "after_coreless", _caseless),
        cut_after=_optional(raw["not_penalty"], "cut_after", _caseless),
        default_undone=_optional(raw["not_penalty"], "default_undone", _caseless),
        differences=_optional(raw["not_penalty"], "differences", _compile),
        events=_optional(raw["not_penalty"], "events", _compile),
        dates=_optional(raw["not_penalty"], "dates", _compile),
        word_start=_compile(raw["word_start"]) if "word_start" in raw else WORD_START,
        separate_bare_terms=bool(raw["parts"].get("separate_bare_terms", False)),
        copula_clauses=bool(raw["parts"].get("copula_clauses", False)),
        semicolon_parts=bool(raw["parts"].get("semicolon_parts", False)),
        closing_words=_optional(raw["parts"], "closing_words", _compile),
        aside=_optional(raw["parts"], "aside", _caseless),
        existential=_optional(raw["parts"], "existential", _caseless),
        change_verbs=_caseless(raw["changes"]["verbs"]) if "changes" in raw else None,
        change_bounds=tuple(
            (bound, _caseless(raw["changes"][bound]))
            for bound in ("max", "min")
            if bound in raw.get("changes", {})
        ),
        offence_after=_optional(evidence, "offence_after", _caseless),
        suspended_after=_optional(evidence, "suspended_after", _caseless),
        elided_terms=_optional(evidence, "elided_terms", _caseless),
        kin_broken=_optional(evidence, "kin_broken", _caseless),
        listed_after=_optional(evidence, "listed_after", _caseless),
        minimum_after=_optional(evidence, "minimum_after", _caseless),
        aggregation_after=_optional(evidence, "aggregation_after", _caseless),
        aggregation_closing=_optional(evidence, "aggregation_closing", _caseless),
        aggregation_ordered=_optional(evidence, "aggregation_ordered", _caseless),
        suspended_part_after=_optional(evidence, "suspended_part_after", _caseless),
        suspension_closing=_optional(evidence, "suspension_closing", _caseless),
        aggregation_on_count=_optional(evidence, "aggregation_on_count", _caseless),
        same_length=_optional(evidence, "same_length", _caseless),
        parole_floor=(
            (_caseless(evidence["parole_floor_between"]), _caseless(evidence["parole_floor"]))
            if "parole_floor" in evidence
            else None
        ),
        reduced_terms=_optional(evidence, "reduced_terms", _caseless),
        reduced_bounds=_optional(evidence, "reduced_bounds", _caseless),
        reprieve_after=_optional(evidence, "reprieve_after", _caseless),
        carried_over=_optional(raw["parts"], "carried_over", _caseless),
        distributive=_optional(raw["parts"], "distributive", _compile),
        negation=Negation(
            **negation,
            senses=tuple(
                Sense(
                    re.compile(sense["word"], re.IGNORECASE),
                    _caseless(sense["before"]),
                    _optional(sense, "next", lambda p: re.compile(p, re.IGNORECASE)),
                    _optional(sense, "unless", _caseless),
                    _optional(sense, "unless_after", _caseless),
                )
                for sense in raw.get("senses", ())
            ),
        ),
        default_after=_optional(default_term, "after", _caseless),
        default_before=_optional(default_term, "before", _caseless),
        default_further=_optional(default_term, "further", _compile),
        distributive_before=_optional(raw["parts"], "distributive_before", _caseless),
        event_after=_optional(raw["not_penalty"], "event_after", _caseless),
        event_phrase=_optional(raw["not_penalty"], "event_phrase", _caseless),
        class_after=_optional(raw["not_penalty"], "class_after", _caseless),
        class_phrase=_optional(raw["not_penalty"], "class_phrase", _caseless),
        class_before=_optional(raw["not_penalty"], "class_before", _caseless),
    )


class Slice:
    """``text[start:end]``, and the same of the `lowered` text, for the context patterns."""

    __slots__ = ("lowered", "text")

    def __init__(self, text: str, low: str | None, start: int, end: int) -> None:
        self.text = text[start:end]
        self.lowered = low[start:end] if low is not None else None

    def search(self, pattern: Caseless) -> bool:
        return pattern.search(self.text, self.lowered) is not None

    def match(self, pattern: Caseless) -> bool:
        return pattern.match(self.text, self.lowered) is not None

    def find(self, pattern: Caseless) -> int | None:
        """Where in the slice *pattern* first matches, or None."""
        found = pattern.search(self.text, self.lowered)
        return None if found is None else found.start()


def cue_before(
    cues: Sequence[ContextCue], before: Slice, tokens: Sequence[Token] = ()
) -> tuple[ContextCue, int] | None:
    """The first cue (in file order) that ends just before the phrase, and where it starts.

    A cue that names the verbs it outranks (`ContextCue.verb`) counts only before a phrase
    of *tokens* it outranks: "被告 | 處有期徒刑二年" is a sentence given, "被告 | 赔偿…" says
    nothing."""
    for index in candidates(cues, ending(before.text)):  # those that can end there (exact)
        cue = cues[index]
        if cue.verb is not None and not (tokens and cue.outranks(tokens)):
            continue
        at = before.find(cue.pattern)
        if at is not None:
            return cue, at
    return None


def cue_after(cues: Sequence[ContextCue], after: Slice) -> ContextCue | None:
    for cue in cues:
        if after.match(cue.pattern):
            return cue
    return None
