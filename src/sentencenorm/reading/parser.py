"""`parse`: one phrase in, one canonical `Sentence` out, or a `SentenceParseError`."""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Final

from lark.exceptions import LarkError, UnexpectedCharacters, UnexpectedEOF, UnexpectedInput

from ..errors import SentenceParseError, UnknownLanguageError, deferred
from ..language import Language, lexicon
from ..law.territories import normalize_jurisdiction, reading_territory
from ..model import SINGLE_TYPES, Choice, Modality
from ..sentence import Sentence
from .assemble import assemble
from .cleaning import clean
from .detect import AUTO, detect_language
from .grammars import NOTATION, available_languages, fast_parser_for
from .lalr import Refused
from .parts import Draft, Reject

if TYPE_CHECKING:
    from .hints import Found

#: How the notation is cleaned: it is read in every language, and no site inserts pinyin in it.
_ZERO_WIDTH_ONLY: Final = ("zero_width",)

#: Longest phrase `parse` reads. A sentencing phrase is a clause, not a document: longer input
#: is refused up front so that no caller can make one call cost more than a few milliseconds.
#: Use `extract` for documents.
MAX_PHRASE_LENGTH: Final = 2000

_NOTATION_START: Final = re.compile(
    rf"\s*(?:(?:{'|'.join(m.value for m in Modality)})\s*:\s*)?"
    rf"(?:(?:{'|'.join(c.kind for c in SINGLE_TYPES)})(?:\s|$)|{Choice.kind}\()"
)


def parse(text: str, *, lang: str = "en", jurisdiction: str | None = None) -> Sentence:
    """Read one sentencing phrase into its canonical `Sentence`.

    *lang* picks the grammar (``"en"``, ``"zh"``...; ``"auto"`` picks it from the script and
    vocabulary). *jurisdiction* only settles how to read the text (what "$" means); legal
    meaning is applied later, by comparison. The canonical notation (``str(sentence)``) is
    read too.

    >>> parse("six months to 10 years").to_dict()["components"][0]["min"]
    'P6M'
    >>> str(parse("判处死刑，缓期二年执行", lang="zh")), str(parse("有期徒刑十五年", lang="auto"))
    ('imposed: death suspended reprieve=P2Y', 'custody P15Y')
    >>> str(parse("was sentenced to 20 years in prison and fined $5,000"))
    'imposed: custody P20Y + fine USD 5000'
    >>> str(parse("a fine of $500", jurisdiction="CA"))
    'fine CAD 500'
    >>> try:
    ...     parse("ten yaers")
    ... except SentenceParseError as error:
    ...     print(error.column, error.expected[0])
    ...     print(error.reason)
    ...     print(*str(error).splitlines()[1:], sep=chr(10))
    4 a unit such as 'years'
    unexpected 'yaers'; expected a unit such as 'years', a number, ...
      ten yaers
          ^

    Raises:
        SentenceParseError: the phrase cannot be read exactly (never any other error for
            text input).
        UnknownLanguageError, UnknownJurisdictionError: for codes sentencenorm cannot use.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse() reads text (str), not {type(text).__name__}")
    if lang != AUTO and lang not in available_languages():
        raise UnknownLanguageError(lang, available_languages())
    country = reading_territory(normalize_jurisdiction(jurisdiction))
    if len(text) > MAX_PHRASE_LENGTH:  # before anything reads the text, language detection too
        raise SentenceParseError(
            text,
            MAX_PHRASE_LENGTH,
            reason=f"a phrase is at most {MAX_PHRASE_LENGTH} characters; "
            "use extract() for documents",
        )
    if lang == AUTO:
        lang = detect_language(text)
    if not text.strip():
        raise SentenceParseError(text, 0, reason="the phrase is empty")
    if len(text) <= CACHED_LENGTH:
        outcome = _outcome(text, lang, country)
    else:  # long and rarely repeated: not worth the memory a remembered copy takes
        outcome = _outcome.__wrapped__(text, lang, country)
    if isinstance(outcome, SentenceParseError):  # a fresh error each time, never a shared one
        raise outcome._copy()  # its words, if not yet read, are worked out once for all copies
    return outcome


#: How many distinct (phrase, language, country) outcomes `parse` remembers. Court data
#: repeats its phrases ("two years of probation" thousands of times): a repeated phrase
#: costs a dictionary lookup. Values are immutable, so a remembered one is safe to share.
CACHE_SIZE: Final = 65536
#: Longest phrase whose outcome is remembered. The memory is bounded by size, not only by
#: count: 65,536 remembered phrases of 2,000 characters would hold 600 MB, of at most this
#: many about 40 MB. Repeated phrases are short; a long one is read again in ~1 ms.
CACHED_LENGTH: Final = 300


@functools.lru_cache(maxsize=CACHE_SIZE)
def _outcome(text: str, lang: str, country: str | None) -> Sentence | SentenceParseError:
    """The sentence *text* reads to, or the error saying why not (remembered)."""
    try:
        if not _NOTATION_START.match(text):
            return _read(text, lang, country)
        # Canonical notation ("custody P6M..P10Y") is read first where it could be one: a
        # few spellings are also prose ("custody life"), and the notation's meaning is exact.
        try:
            return _read(text, NOTATION, country)
        except _Refused as refused:  # notation, read, and what it says is wrong: say that
            return _bare(refused)
        except SentenceParseError as notation_error:
            try:
                return _read(text, lang, country)
            except SentenceParseError as error:
                return _bare(notation_error if notation_error.column > error.column else error)
    except SentenceParseError as error:
        return _bare(error)


def _bare(error: SentenceParseError) -> SentenceParseError:
    """*error* without its traceback and the exceptions behind it (Lark's, with its parser
    state): what is remembered costs what a value costs, not 17 KB of frames."""
    return error._copy()


def _read(text: str, lang: str, country: str | None) -> Sentence:
    cleaned, kept = clean(
        text, _ZERO_WIDTH_ONLY if lang == NOTATION else Language.get(lang).cleaning, lang
    )
    if kept is None:
        return _read_clean(text, lang, country)
    try:
        value = _read_clean(cleaned, lang, country)
    except SentenceParseError as error:  # report the column in the text as given
        column = kept[error.column] if error.column < len(kept) else len(text)
        raise error._copy(text, column) from None
    return Sentence(value.components, modality=value.modality, text=text)


class _Refused(SentenceParseError):
    """The grammar read the phrase, and its meaning was refused (a range that runs backwards,
    a zero term...): unlike a phrase the grammar could not read, no other reading is tried."""


def _read_clean(text: str, lang: str, country: str | None) -> Sentence:
    try:
        result = fast_parser_for(lang).read(text)
        if isinstance(result, Sentence):  # the notation builds the sentence itself
            return Sentence(result.components, modality=result.modality, text=text)
        assert isinstance(result, Draft)
        return assemble(result, lexicon(lang), text=text, country=country)
    except Reject as reject:
        raise _Refused(text, reject.pos, reason=reject.message) from None
    except Refused as stop:  # the fast loop stopped where Lark's parser stops
        raise _stopped(text, stop.pos, lang) from None
    except UnexpectedInput as exc:  # Lark's own loop (`LarkLoop`) stopped
        raise _from_lark(text, exc, lang) from None
    except LarkError as exc:  # a transformer error Lark wrapped, or an internal one
        cause = exc.__context__
        if isinstance(cause, Reject):
            raise _Refused(text, cause.pos, reason=cause.message) from None
        raise SentenceParseError(text, 0, reason=str(cause or exc)) from None
    except (ValueError, TypeError, ArithmeticError) as exc:  # a model validator said no
        raise _Refused(text, 0, reason=str(exc)) from None
    except Exception as exc:  # a bug; the promise is that only our error escapes
        raise SentenceParseError(
            text, 0, reason=f"internal error ({type(exc).__name__}: {exc}); please report it"
        ) from exc


def _stopped(text: str, pos: int | None, lang: str) -> SentenceParseError:
    """The error for a phrase the fast loop stopped reading at *pos* (None: at the end), as
    `_from_lark` makes it from the exception Lark's parser raises there: the column now, the
    expected words and the hint when read (they need Lark's exception: a second parse)."""
    column = len(text.rstrip()) if pos is None else pos
    return deferred(text, column, functools.partial(_words_from_lark, text, lang))


def _words_from_lark(text: str, lang: str) -> tuple[tuple[str, ...], str | None]:
    """The expected words and the reason of `_from_lark` for *text*, which Lark refuses."""
    from .grammars import parser_for

    try:
        parser_for(lang).parse(text)
    except UnexpectedInput as exc:
        error = _from_lark(text, exc, lang)
        return error.expected, error.reason
    except Exception as exc:  # refused by the model: Lark and the loop disagree (a bug)
        return (), f"internal error ({type(exc).__name__}: {exc}); please report it"
    return (), "internal error (Lark reads the phrase the loop refused); please report it"


def _from_lark(text: str, exc: UnexpectedInput, lang: str = "en") -> SentenceParseError:
    """The error for a phrase Lark refused: the column, what was expected there in words of
    *lang*, and the common mistake it looks like (`sentencenorm.reading.hints`), if any."""
    column: int
    names: set[str]
    found: str | None
    if isinstance(exc, UnexpectedEOF):
        column = len(text.rstrip())
        names = {str(name) for name in exc.expected}
        found = None
    elif isinstance(exc, UnexpectedCharacters):
        column = exc.pos_in_stream or 0
        names = {str(name) for name in exc.allowed}
        found = _word_at(text, column)
    else:
        token = getattr(exc, "token", None)
        is_end = token is None or token.type == "$END"
        column = len(text.rstrip()) if token is None or is_end else (token.start_pos or 0)
        names = {str(name) for name in getattr(exc, "expected", ()) or getattr(exc, "accepts", ())}
        found = None if is_end else _word_at(text, column)
    hint = _hint(lang, exc, text, column)
    try:
        expected = _expected(names, lang, prefer=hint.prefer if hint else ())
        reason = _reason(lang, found, expected, hint)
    except Exception:  # the words data is broken: still only our error, with the column
        expected, reason = sorted(names), None
    return SentenceParseError(text, column, expected, reason=reason)


def _hint(lang: str, exc: UnexpectedInput, text: str, column: int) -> Found | None:
    from .grammars import parser_for  # the parser whose states the error's state belongs to
    from .hints import hint_for  # the hints (and their data) are loaded by a first failure

    try:
        return hint_for(lang, exc, text, column, parser_for(lang))
    except Exception:  # a hint is a courtesy: it never hides the error itself
        return None


def _reason(lang: str, found: str | None, expected: list[str], hint: Found | None) -> str:
    """ "unexpected 'x'; expected a, b, ... — title: message", in words of *lang*."""
    from .hints import messages, printable

    words = messages(lang)
    if found is None:
        reason = words["ends"]
    else:
        reason = words["unexpected"].format(found=printable(found), found_repr=repr(found))
    if expected:
        shown = expected if len(expected) <= 3 else [*expected[:2], words["more"]]
        reason += words["join"] + words["expected"].format(expected=words["list"].join(shown))
    if hint is not None:
        reason += words["hint"].format(title=hint.title, message=hint.message)
    return reason


def _word_at(text: str, column: int) -> str:
    match = re.match(r"\S{1,40}", text[column:])
    return match.group(0) if match else text[column : column + 1]


def _expected(names: set[str], lang: str = "en", prefer: tuple[str, ...] = ()) -> list[str]:
    """What the terminals *names* stand for, in words of *lang* (data/hints/<lang>.toml), most
    useful first: the order of the English words (units, numbers, lengths, amounts...) in every
    language, with the terminals a hint *prefer*s in front."""
    from .hints import expected_words

    english, local = expected_words("en"), expected_words(lang)
    known = [name for name in names if name in local]
    known.sort(key=lambda name: (name not in prefer, *_rank_expected(english.get(name, "")), name))
    return list(dict.fromkeys(local[name] for name in known))


def _rank_expected(word: str) -> tuple[int, str]:
    order = ("a unit", "a number", "a length", "an amount", "a word", "'")
    for index, prefix in enumerate(order):
        if word.startswith(prefix):
            return index, word
    return len(order) + (not word), word
