"""A spaCy pipeline component: sentencing expressions as a span group of the Doc.

Needs the optional extra: ``pip install "sentencenorm[spacy]"``. (The module is not called
``spacy`` so that it never shadows the spaCy package.) The component is registered under the
name ``"sentencenorm"`` when this module is imported, and through the ``spacy_factories`` entry
point of an installed sentencenorm, so ``nlp.add_pipe("sentencenorm")`` works in any pipeline,
a blank one included, without importing sentencenorm first:

>>> import spacy
>>> nlp = spacy.blank("en")
>>> _ = nlp.add_pipe("sentencenorm", config={"jurisdiction": "US"})
>>> doc = nlp("He was sentenced to 20 years in prison. She was fined $500.")
>>> for span in doc.spans["sentencenorm"]:
...     print(span.text, "|", span._.sentence, "|", span._.modality)
was sentenced to 20 years in prison | imposed: custody P20Y | imposed
was fined $500 | imposed: fine USD 500 | imposed

The component runs `sentencenorm.extract` on the Doc's text (``lang`` and ``jurisdiction``
from its config) and puts one span per match in ``doc.spans[spans_key]``, labelled
``SENTENCE``, in order. Each span has:

- ``span._.json``: the match as `Match.to_dict` gives it: the JSON contract of the sentence,
  after the match's exact character offsets ``start`` and ``end`` and its ``text``;
- ``span._.sentence``: the `Sentence`, read back from that JSON;
- ``span._.modality``: ``"imposed"``, ``"potential"``, ``"statutory"`` or None.

Only the JSON is stored (in ``doc.user_data``, see below): the other two are computed from it,
so ``doc.to_bytes()``, ``Doc.from_bytes`` and ``DocBin(store_user_data=True)`` keep all three
with the span group.

Token boundaries. A match starts and ends at character offsets, which need not fall between
spaCy's tokens ("fined $500" in "$500/$600", or Chinese under a tokenizer that splits on
spaces). Such a match is never dropped: its span is widened to the tokens that hold it
(``doc.char_span(..., alignment_mode="expand")``), and the exact offsets stay in
``span._.json["start"]`` / ``["end"]`` (``span._.json["text"]`` is the exact text). So
``span.text`` may be longer than the match; ``text[json["start"]:json["end"]]`` never is.
Two matches may then widen to the very same tokens; they stay two spans, told apart by
``span.id_`` (``"sentencenorm:<spans_key>:<start>:<end>"``, the exact offsets), which is also
the key of their JSON: ``doc.user_data[("sentencenorm", span.id)]``.

The extension names ``sentence``, ``modality`` and ``json`` are registered on `Span` each time
a component is made (again and again is harmless); another library's span extensions of the
same names would be replaced.
"""

# No `from __future__ import annotations` here: spaCy validates a factory's arguments against
# its annotations, and spaCy 3.7.0 fails on the strings that import would make of them
# ("field 'nlp' not yet prepared so type is still a ForwardRef").
from collections.abc import Iterable, Iterator
from typing import Any, cast

try:
    from spacy.language import Language
    from spacy.tokens import Doc, Span
except ImportError as error:  # pragma: no cover - the extra is missing
    raise ImportError(
        'sentencenorm.spacy_pipe needs spaCy: pip install "sentencenorm[spacy]"'
    ) from error

from .reading.batch import _check
from .reading.extractor import extract
from .reading.match import Match
from .sentence import Sentence

__all__ = ["LABEL", "SentenceNormComponent", "make_component"]

#: The label of every span the component makes.
LABEL = "SENTENCE"
#: The first item of the ``doc.user_data`` keys that hold each span's JSON.
_STORE = "sentencenorm"


def _store(doc: Doc) -> dict[Any, Any]:
    """``doc.user_data`` (typed by spaCy as keyed by strings; its keys are tuples too)."""
    return cast("dict[Any, Any]", doc.user_data)


def _json(span: Span) -> dict[str, Any] | None:
    found = _store(span.doc).get((_STORE, span.id))
    return None if found is None else _as_json(found)


def _as_json(value: Any) -> Any:
    """*value* with its tuples made lists again (a Doc read back from bytes has tuples)."""
    if isinstance(value, dict):
        return {key: _as_json(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_as_json(item) for item in value]
    return value


def _sentence(span: Span) -> Sentence | None:
    record = _json(span)
    if record is None:
        return None
    return Sentence.from_dict({k: v for k, v in record.items() if k not in ("start", "end")})


def _modality(span: Span) -> str | None:
    record = _json(span)
    return None if record is None else record.get("modality")


def _register_extensions() -> None:
    """Span.sentence, Span.modality and Span.json, computed from the stored JSON."""
    Span.set_extension("json", getter=_json, force=True)
    Span.set_extension("sentence", getter=_sentence, force=True)
    Span.set_extension("modality", getter=_modality, force=True)


class SentenceNormComponent:
    """The ``"sentencenorm"`` pipeline component (see the module's documentation)."""

    def __init__(
        self,
        nlp: Language,
        name: str = "sentencenorm",
        *,
        lang: str = "en",
        jurisdiction: str | None = None,
        spans_key: str = "sentencenorm",
    ) -> None:
        _check(lang, jurisdiction)  # an unknown code is refused when the pipe is added
        self.name = name
        self.lang = lang
        self.jurisdiction = jurisdiction
        self.spans_key = spans_key
        _register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        return self._annotate(
            doc, extract(doc.text, lang=self.lang, jurisdiction=self.jurisdiction)
        )

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        """Annotate each Doc of *docs*, in order (`nlp.pipe` calls this)."""
        for doc in docs:
            yield self(doc)

    def _annotate(self, doc: Doc, matches: list[Match]) -> Doc:
        spans = []
        for match in matches:
            span = doc.char_span(match.start, match.end, label=LABEL, alignment_mode="expand")
            if span is None:  # pragma: no cover - "expand" covers any non-empty range
                raise ValueError(f"no tokens hold characters {match.start}-{match.end}")
            span.id_ = f"{_STORE}:{self.spans_key}:{match.start}:{match.end}"
            _store(doc)[(_STORE, span.id)] = match.to_dict()
            spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc


@Language.factory(
    "sentencenorm",
    default_config={"lang": "en", "jurisdiction": None, "spans_key": "sentencenorm"},
)
def make_component(
    nlp: Language, name: str, lang: str, jurisdiction: str | None, spans_key: str
) -> SentenceNormComponent:
    """Make the component (spaCy calls this for ``nlp.add_pipe("sentencenorm", config=...)``)."""
    return SentenceNormComponent(
        nlp, name, lang=lang, jurisdiction=jurisdiction, spans_key=spans_key
    )
