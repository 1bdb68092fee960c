"""`extract`: every sentencing expression in running text, with exact offsets and modality.

How a document is read (the phrase syntax is the grammar's, the same one `parse` uses):

1. **Prefilter.** One scan for *anchors* (units, money, "life", "death", "prison"...; see
   ``grammar/<lang>.context.toml``). A document without them costs that scan and nothing more.
2. **Grow.** For each anchor not already inside a match, the grammar's own LALR parser is fed
   the text from each word start a little before the anchor, token by token, until the lexer
   or the parser refuses. Every point where the parser could end the phrase is a candidate
   end; the leftmost start and the longest end that ends on a word that carries meaning win
   (a phrase never ends on "of", "the" or a comma).
3. **Read.** The chosen span is parsed again and assembled exactly as `parse` would, with the
   modality a cue outside the span states ("sentenced the 46-year-old man to ...").
4. **Verify.** A span is kept only when something shows that its numbers are a penalty: a word
   of a penalty family, a penalty noun, or a cue; and nothing next to it says otherwise
   ("after 17 years in prison", "a 41-year-old man", "10 years ago").
5. **Not given.** A piece the text says was not given ("avoided the death penalty", "was not
   sentenced to", "..., which was later quashed", "reduced her term by two years") is dropped,
   and its words are not read again (MODEL.md: negation, overturned terms, refused requests).

Cost is linear in the document: each anchor tries a bounded number of starts over a bounded
window, and every pattern is a bounded alternation.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator, Sequence
from typing import Final

from lark import Lark, Token

from .._once import built_once
from ..errors import UnknownLanguageError
from ..language import Language, Lexicon, lexicon
from ..language.roles import AUX, CORE_TERMINALS, Group, role
from ..law.territories import normalize_jurisdiction, reading_territory
from ..model import Modality
from ..sentence import Sentence
from .clauses import (
    Clauses,
    cue_ahead,
    cued_part,
    in_list,
    part_cue,
    split_parts,
    undone_default,
    words_before_cue,
)
from .cleaning import clean
from .context import Slice, cue_after, cue_before, load_context
from .counting import in_clause
from .defaults import served_in_default
from .detect import AUTO, detect_language
from .evidence import (
    compares,
    describes_a_noun,
    is_penalty,
    only_weak_verbs,
    opens_on_a_date,
    refers_back,
    said_of_a_class,
    states_difference,
    states_time_spent,
    tells_time_spent,
    threshold,
    unnamed_amount,
)
from .grammars import available_languages, fast_parser_for, parser_for
from .growing import Grower, Grown
from .match import Match
from .negation import denial
from .neighbours import (
    Impossible,
    as_kin,
    bound_over,
    changing,
    kin_before,
    later_clauses,
    lent_kind,
    old_and_new,
    range_goes_on,
)
from .parts import Cue, Draft
from .pieces import (
    Apart,
    denied_bounds,
    has_verb,
    is_link,
    off_cue,
    states_bound,
    tried_ends,
)
from .scanning import lowered

__all__ = ["Match", "extract"]

#: How far before an anchor a phrase may start (characters): 80 in "the deprivation of
#: political rights is reduced to a period of three to ten years".
LOOKBACK: Final = 120
#: How many ends of one start are read, longest first (a phrase failing at three is none).
ENDS_TRIED: Final = 3
#: How far from a keyword ("sentenced", "prison", "faces"...) an anchor is looked at.
REACH: Final = 250
#: How much text before and after a phrase its context patterns see: a cue ("sentenced ... to";
#: "The judge chose not to follow the policy statement, which would have meant …, and gave |",
#: 128 characters) or what undid it ("…, a harsher total the First District found violated").
CONTEXT: Final = 170

# Where a phrase may begin and end is each terminal's role (sentencenorm.language.roles): a
# phrase is "20 years in prison", never "for 20 years in prison, the" (links, determiners,
# joiners, punctuation and dropped words stay outside).


def extract(text: str, *, lang: str = "en", jurisdiction: str | None = None) -> list[Match]:
    """Every sentencing expression in *text*, in order, never overlapping.

    A phrase with several components ("84 months in prison followed by two years of supervised
    release") is one match; a list that gives one term each ("were sentenced to 10, 12 and 15
    years") is one match per term. Numbers that are no penalty yield nothing. *lang* picks
    the grammar; ``"auto"`` picks it from the document's script and vocabulary.

    >>> doc = "A 41-year-old was given a suspended death sentence; two others got life sentences."
    >>> for match in extract(doc):
    ...     print(match.start, match.end, repr(match.text), str(match.sentence))
    14 50 'was given a suspended death sentence' imposed: death suspended
    63 81 'got life sentences' imposed: custody ..life x?
    >>> extract("After three months of investigation, police seized 26 pounds of fentanyl.")
    []

    Nothing but `UnknownLanguageError` / `UnknownJurisdictionError` (for bad codes) and
    `TypeError` (for a non-str *text*) ever escapes: text that cannot be read yields no match.
    """
    if not isinstance(text, str):
        raise TypeError(f"extract() reads text (str), not {type(text).__name__}")
    if lang == AUTO:
        lang = detect_language(text)
    if lang not in available_languages():
        raise UnknownLanguageError(lang, available_languages())
    country = reading_territory(normalize_jurisdiction(jurisdiction))
    cleaned, kept = clean(text, Language.get(lang).cleaning, lang)
    found = _by_paragraph(lang, cleaned, country)
    if kept is None:
        return found
    # Offsets are found in the cleaned text and reported in the text as given.
    shifted = []
    for match in found:
        start, end = kept[match.start], kept[match.end - 1] + 1
        shifted.append(Match(start, end, text[start:end], match.sentence))
    return shifted


# ── paragraphs ───────────────────────────────────────────────────────────────────────────────

#: A blank line ends a paragraph: no expression, and no cue ("sentenced ... to"), reaches
#: across one, so each paragraph is read on its own.
_PARAGRAPH_BREAK: Final = re.compile(r"\n[^\S\n]*\n")
#: How many distinct paragraphs `extract` remembers the matches of, per process. News feeds
#: and court dockets repeat whole paragraphs (wire copy, boilerplate, the same sentence
#: reported by many outlets): a repeated paragraph costs a dictionary lookup.
PARAGRAPH_CACHE_SIZE: Final = 8192
#: Longer paragraphs are read every time, so the cache holds at most about 33 MB of text.
_LONGEST_REMEMBERED: Final = 4000

_Found = tuple[tuple[int, int, str, Sentence], ...]

#: When set, called after each paragraph `extract` reads in this process with (characters
#: read, characters in the text): the command line's progress line on a terminal sets it.
on_paragraph: Callable[[int, int], object] | None = None


def _by_paragraph(lang: str, text: str, country: str | None) -> list[Match]:
    found: list[Match] = []
    begin = 0
    breaks = [*(b.span() for b in _PARAGRAPH_BREAK.finditer(text)), (len(text), len(text))]
    told = on_paragraph
    for stop, after in breaks:
        if stop > begin:
            paragraph = text[begin:stop]
            if len(paragraph) <= _LONGEST_REMEMBERED:
                matches = _remembered(lang, country, paragraph)
            else:
                matches = _in_paragraph(lang, country, paragraph)
            for start, end, span, sentence in matches:
                found.append(Match(begin + start, begin + end, span, sentence))
            if told is not None:
                told(after, len(text))
        begin = after
    return found


def _in_paragraph(lang: str, country: str | None, paragraph: str) -> _Found:
    return tuple(
        (match.start, match.end, match.text, match.sentence)
        for match in later_clauses(_reader(lang), paragraph, country)
    )


_remembered = functools.lru_cache(maxsize=PARAGRAPH_CACHE_SIZE)(_in_paragraph)


# ── the reader ──────────────────────────────────────────────────────────────────────────────


class _Reader:
    """Extraction for one language: its parser, lexicon and context rules, built once."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.parser: Lark = parser_for(lang)
        self.lexicon: Lexicon = lexicon(lang)
        self.context = load_context(lang)
        self.fast = fast_parser_for(lang)
        #: Terminals that name a penalty, alone or beside another (see `_names_penalty`).
        self.penalty_words = self.context.evidence | self.context.family
        context = self.context
        self.apart = Apart(
            context.separate_bare_terms,
            context.copula_clauses,
            self.penalty_words,
            context.semicolon_parts,
        )
        self.clauses = Clauses(context, self.penalty_words, self.apart)
        #: The range word and a figure after a value: "up to Rs 1 | to 2 lakh" is no "Rs 1".
        self.range_on = range_goes_on(self.parser.terminals, self.lexicon)
        self.grower = Grower(self.fast, self.range_on)

    def matches(self, text: str, country: str | None) -> Iterator[Match]:
        done = 0  # matches never overlap: nothing before this offset is looked at again
        scanned = 0  # word starts before this offset have been tried already
        skip = 0  # inside a runaway phrase: no word before this offset starts one
        folded = lowered(text)  # the context patterns search this where it is exact (scanning)
        carry: tuple[int, Cue] | None = None  # the last match's end and the cue outside it
        previous: Match | None = None  # the last match: a bare bound after it may continue it
        for found in self._anchors(text, folded):
            anchor = found.start()
            if anchor < done:
                continue
            # Starts are grown leftmost first, each once, and only until one reads: the
            # leftmost start whose phrase covers the anchor wins, so later ones need no work.
            # Each word costs at most one grow and the whole document stays linear.
            low = max(done, anchor - LOOKBACK)
            covering: list[Grown] = []
            matches: list[Match] = []
            read: tuple[list[Match], int, Cue | None] | None = None
            for word in self.context.word_start.finditer(text, max(scanned, low, skip), anchor + 1):
                start = word.start()
                grower = self.grower
                grown = (
                    grower.grow(text, folded, start)
                    if grower.may_start(text, folded, start)
                    else None
                )
                if grown is None or grown.reach <= anchor:
                    continue
                covering.append(grown)
                carried = self._carried(text, folded, carry, start)
                kin = kin_before(previous, text, start, self.context.kin_broken)
                read = self._at_start(text, folded, anchor, start, grown, country, carried, kin)
                if read is not None:
                    matches, _, outer = read
                    if matches and outer is not None and outer.modality is not None:
                        carry = (max(match.end for match in matches), bound_over(outer, matches))
                    break
            scanned = anchor + 1
            for match in matches:
                yield match
                done = scanned = max(scanned, match.end)
                previous = match
            if read is not None:
                done = scanned = max(scanned, read[1])
                if not matches:  # not given: so is a parenthesis of its own words after it
                    done = scanned = self.context.aside_after(text, folded, done)
            else:
                # Each start was judged on its longest ends; later anchors would judge the same
                # ends again. A start that ran to MAX_SPAN is no real phrase ("life life
                # life..."): the words it swallowed are not tried as starts again.
                for grown in covering:
                    if grown.runaway:
                        skip = max(skip, grown.reach)

    def _anchors(self, text: str, lowered: str | None) -> Iterator[re.Match[str]]:
        """The anchors within `REACH` of a keyword, in order: the prefilter."""
        anchors = self.context.anchors
        low = high = -1
        for keyword in self.context.keywords.finditer(text, lowered):
            if keyword.start() - REACH > high:
                if high > low:
                    yield from anchors.finditer(text, lowered, low, high)
                low = max(high, keyword.start() - REACH, 0)
            high = min(len(text), keyword.end() + REACH)
        if high > low:
            yield from anchors.finditer(text, lowered, low, high)

    def _at_start(
        self,
        text: str,
        low: str | None,
        anchor: int,
        start: int,
        attempt: Grown,
        country: str | None,
        carried: Cue | None,
        kin: Match | None = None,
    ) -> tuple[list[Match], int, Cue | None] | None:
        """The matches of the phrase from *start* that covers *anchor*, longest end first,
        and where the phrase ends; None when no phrase from *start* reads (the matches are
        empty when the phrase reads but the text says it was not given)."""
        tokens: tuple[Token, ...] = ()
        for last in tried_ends(attempt.window, attempt.ends, ENDS_TRIED):
            end = attempt.start + (attempt.window[last].end_pos or 0)
            if end <= anchor:
                break  # shorter ends miss the anchor too; a later start may reach it
            try:
                tokens = tokens or attempt.tokens()
                found = self._read(text, low, start, end, tokens[: last + 1], country, carried, kin)
            except Impossible:
                # "10 years to 6 months": a shorter end would cut the range in two and read
                # half of it ("10 years") as a sentence. A later start may still read.
                return None
            if found is not None:
                matches, negated, outer = found
                # A piece the text says was not given is dropped, but its words are read: no
                # later start reads them again ("the death penalty" in "avoided the death
                # penalty").
                return matches, end if negated else max(m.end for m in matches), outer
        return None

    def _carried(
        self, text: str, low: str | None, carry: tuple[int, Cue] | None, start: int
    ) -> Cue | None:
        """The cue of the match before *start*, its offence between: "4 years for robbery and |"."""
        pattern = self.context.carried_over
        if carry is None or pattern is None or not 0 <= start - carry[0] <= CONTEXT:
            return None
        return carry[1] if Slice(text, low, carry[0], start).match(pattern) else None

    def _read(
        self,
        text: str,
        low: str | None,
        start: int,
        end: int,
        tokens: Sequence[Token],
        country: str | None,
        carried: Cue | None = None,
        kin: Match | None = None,
    ) -> tuple[list[Match], bool, Cue | None] | None:
        """The matches of text[start:end] when it reads as a penalty, and whether the text
        says a piece of it was not given (dropped from the matches); None when it does not
        read.

        *low* is the `lowered` text (or None), which the context patterns search instead.
        """
        context = self.context
        before = Slice(text, low, max(0, start - CONTEXT), start)
        after = Slice(text, low, end, end + CONTEXT)
        phrase = Slice(text, low, start, end)
        if context.no_penalty_after(after, phrase):
            return None
        if context.names_class(before, phrase, after):
            return [], True, None  # "被判处十年以上有期徒刑的，…": read, and no shorter end is
        if tokens[0].type == AUX and context.existential and before.search(context.existential):
            return None  # "there | is a mandatory life sentence": a later start reads it
        coreless = context.not_after_coreless  # "被判处无期徒刑的，…", "死缓犯": a class
        if coreless and not any(t.type in CORE_TERMINALS for t in tokens) and after.match(coreless):
            return [], True, None  # a class, as above: no shorter end of it is one penalty
        around = None
        through_aux = False  # the cue outside was read through the phrase's bare auxiliary
        outranked = False  # the cue outside outranks the phrase's own verb ("建议 | 判处")
        cue_kind = None  # the only kind the cue outside may introduce, if it says one
        requested = False  # the cue outside is a party's request ("prosecutors sought")
        verb = has_verb(tokens) and not only_weak_verbs(context, tokens)  # not "will spend"
        cue_at = -1 if verb else None  # where the cue that governs the phrase starts
        if verb:
            above = cue_before(context.cues, before, tokens)  # "建议 | 判处…": a request
            if above is not None and above[0].outranks(tokens):
                around = Cue(above[0].modality, bound=above[0].bound)  # "最轻 | 处一个月…"
                cue_at, outranked, requested = above[1], True, above[0].request
            elif (below := cue_after(context.after_cues, after)) and below.outranks(tokens):
                around, outranked = Cue(below.modality, bound=below.bound), True  # "處…，| 如易科"
        if not verb:
            # "the maximum sentence for trafficking is | 25 years": a bare auxiliary opens the
            # phrase, so the cue it ends is read through it (the same slice start, so that
            # where the cue starts means the same).
            before_cue = None
            if tokens[0].type == AUX:
                # The auxiliary may end a longer cue ("the maximum sentence … | is"); one that
                # is the whole cue ("got | life sentences") is read as before, from the phrase.
                first = Slice(text, low, max(0, start - CONTEXT), tokens[0].end_pos or start)
                before_cue = cue_before(context.cues, first)
                through_aux = before_cue is not None and (
                    max(0, start - CONTEXT) + before_cue[1] < (tokens[0].start_pos or 0)
                )
                if not through_aux:
                    before_cue = None
            if before_cue is None:
                before_cue = cue_before(context.cues, before)
            found = before_cue[0] if before_cue else cue_after(context.after_cues, after)
            if found is not None and found.bound and tokens[0].value.lower() in _OWNED:
                found = None  # "his sentence of 10 years | is the maximum": one given, no law's
            if found is not None:
                around, cue_kind = Cue(found.modality, bound=found.bound), found.kind
                requested = found.request
                cue_at = before_cue[1] if before_cue else None
            elif carried is not None and tokens[0].type != AUX:
                around = carried  # "sentenced to 4 years for robbery and | 2 years for assault"
        # "is serving a four-year term": a verb of time spent says nothing of a penalty alone.
        spent = any(states_time_spent(context, token) for token in tokens[:2])
        if around is None and tells_time_spent(context, tokens):
            return None  # "Mandela served 27 years in prison": time spent, no sentence
        if opens_on_a_date(context, text, start):
            return None  # "2023年 | 3月7日": a day, no term
        if states_difference(context, tokens):
            return None  # "about nine years | shorter than": the difference between two terms
        changed = context.changed_bound(tokens, text, low, start - CONTEXT)  # "went | from"
        if changed == "":
            return None  # a change of something the text does not name: no range either
        if changed and around is None:
            around = Cue(Modality.STATUTORY, bound=changed)
        cued = around is not None or (verb and not spent) or changed is not None
        # "Man gets 10 years for robbery": an offence named after it makes a length a sentence;
        # not after a bare copula ("the statute of limitations is | 20 years for crimes ...")
        bare_copula = (
            tokens[0].type == AUX
            and not verb
            and context.subject_follows.match(tokens[0].value, None) is not None
        )
        cued = cued or (not spent and not bare_copula and context.offence_follows(after))
        if not is_penalty(self.context, tokens, cued=cued):
            if kin is None or not states_bound(tokens):
                return None  # cheap, before any parse: no part of it can be a penalty either
        else:
            kin = None  # "不得超过3年" continues the penalty before it only when it names none
        try:
            # `read`, not `parse`: a refusal needs no Lark exception here (Lark's own parse of
            # the span would build its scanners, the most of a cold document's time).
            draft = self.fast.read(text[start:end])
        except Exception:
            return None
        if not isinstance(draft, Draft):
            return None
        outer = draft.cue if around is None else around
        if (outer is None or spent) and (
            before.search(context.not_before)
            or (context.portion is not None and context.portion.search(text, start, end))
        ):
            # "after 17 years in prison", "over a 39-day period", "after | serving 12 years";
            # "served 10 years of his sentence": a part of a sentence, no sentence
            return None
        if unnamed_amount(context, tokens, cue_kind, after=after.text, before=before.text):
            return None  # "received a $5,000 bonus": money, no fine
        if before.text.strip() and (
            refers_back(context, tokens, cued=bool(outer), before=before.text)
            or said_of_a_class(context, tokens, before.text)
        ):
            # "said the life sentence would stand": one stated elsewhere (a phrase alone, as
            # a title, is read). Its words are read: no later start reads "life sentence".
            return [], True, None
        if describes_a_noun(tokens, after.text, self.context):
            return None  # "got a two-year | contract extension": the length describes a noun
        body = next((t for t in tokens if role(t.type).group is not Group.CUE), None)
        if body is None or is_link(body):
            return None  # "that he was facing in federal jail": the cue governs no penalty
        # "avoided the death penalty" governs the first piece of the phrase; "..., which was
        # later quashed" the last ("avoided prison | and was fined $500" keeps the fine).
        phrase = Slice(text, low, start, end)
        denied = denial(context.negation, (before, phrase, after), tokens, cue_at, requested)
        negated = turned = False  # turned: a change stated high to low (`changing`)
        matches = []
        parts = split_parts(self.clauses, draft, tokens, (start, end), (before, after))
        last = len(parts) - 1
        for index, (part_start, part_end, group) in enumerate(parts):
            if (
                # a term of the list the first piece opens shares its fate ("原判處…5月、8月")
                (
                    denied.first
                    and (index == 0 or denied.whole or in_list(self.context, draft, group))
                )
                or (index == last and denied.last)
                or (index == last and undone_default(context, draft, group, after))
                # replaced by the words after it in the phrase: "一审判处…五年，二审改判…三年"
                or (index < last and context.negation.follows(Slice(text, low, part_end, end)))
                or any(part_start <= at < part_end for at in denied.changes)
            ):
                negated = True
                continue
            if index and opens_on_a_date(context, text, part_start):
                continue  # "…有期徒刑;| 102年立法院…": a year, no part of the list
            if index == 0 and through_aux and around is not None and len(tokens) > 1:
                # The auxiliary belongs to the cue outside: "is | 25 years imprisonment".
                part_start = max(part_start, tokens[1].start_pos or part_start)
            part = text[part_start:part_end]
            items = [draft.items[index] for index in group]
            # A list's term ("12" in "10, 12 and 15 years") shares its words, not a later cue's.
            ahead = cue_ahead(draft, group)
            shared = in_list(self.context, draft, group)
            words = (
                words_before_cue(tokens, part_end if ahead else end)
                if shared
                else [t for t in tokens if part_start <= (t.start_pos or 0) < part_end]
            )
            here = part_cue(context, ahead, outer, around, before)  # what governs it
            if kin is None and not is_penalty(
                context, words, cued=cued_part(context, here, around, draft, group)
            ):
                continue
            if unnamed_amount(context, words, cue_kind, own_verb=True):
                continue  # "… and jailed for 20 months": "was awarded $5,000" alone is no fine
            joiners = tuple(draft.joiners[index - 1] for index in group[1:])
            # ", or both" closes the phrase: it belongs to the piece that ends it.
            both = draft.both and group[-1] == len(draft.items) - 1
            # A cue read through the bare auxiliary ("the maximum sentence … is") outranks
            # what the auxiliary alone says ("is": imposed).
            replaced = (through_aux or outranked) and around is not None
            inner = None if index == 0 and replaced else items[0].cue
            piece = Draft(inner, tuple(items), joiners, both)
            read = changing(piece, self.lexicon, part, country, here, changed)  # or Impossible
            if read is None:
                return None  # a shorter end may read
            sentence, turned = read
            if kin is not None:
                kindred = as_kin(sentence, kin)  # "管制…，数罪并罚时 | 不得超过3年"
                if kindred is None:
                    return None
                sentence = kindred
            if outer is around and piece.cue is None:  # "the period of probation can last |"
                sentence = lent_kind(cue_kind, words, sentence, self.lexicon, country)
            if off_cue(cue_kind, piece, outer is around, sentence):
                continue  # "fined the player two weeks' wages": no fine, so no penalty
            if (sentence.modality is None and compares(self.context, words)) or (
                index == 0 and threshold(self.context, words, before)
            ):
                # "for fines totalling less than $10,000", "offenders who are imprisoned for 3
                # years or less": a condition. Read, so that no part of it ("$10,000") is read
                # again as a value of its own.
                negated = True
                continue
            sentence = in_clause(self.context, self.lexicon, sentence, items, (before, after))
            if index == last and self.context.in_default(part, before, after):
                sentence = served_in_default(sentence) or sentence
            if index == 0 and denied.bound_denied:
                turned_bound = denied_bounds(sentence)  # "not | more than two years"
                if turned_bound is None:
                    negated = True
                    continue
                sentence = turned_bound
            matches.append(Match(part_start, part_end, part, sentence))
        if changed:
            matches = old_and_new(matches, tokens, changed, turned)
            if not matches:
                return None
        return (matches, negated, outer) if matches or negated else None


#: Determiners that make a phrase a sentence someone was given, never the bound a law sets.
_OWNED: Final = frozenset({"his", "her", "their", "its", "this", "that"})


@built_once
def _reader(lang: str) -> _Reader:
    return _Reader(lang)
