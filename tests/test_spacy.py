"""sentencenorm.spacy_pipe: the "sentencenorm" component on blank spaCy pipelines (no model
download), its span group, its extensions and their serialization with the Doc."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

spacy = pytest.importorskip("spacy")

from spacy.tokens import Doc, DocBin  # noqa: E402

from sentencenorm import Sentence, UnknownJurisdictionError, extract  # noqa: E402
from sentencenorm.spacy_pipe import LABEL, make_component  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
NEWS = (
    "A federal judge on Tuesday sentenced the former mayor to 84 months in prison followed by"
    " two years of supervised release. His co-defendant was fined $5,000."
)
CHINESE = "被告人张某犯盗窃罪，判处有期徒刑三年，并处罚金五千元。被告人李某被判处拘役六个月。"


def _nlp(blank: str = "en", **config: object) -> spacy.language.Language:
    nlp = spacy.blank(blank)
    nlp.add_pipe("sentencenorm", config=config)
    return nlp


def _exact(doc: Doc, key: str = "sentencenorm") -> list[tuple[int, int, str]]:
    return [(s._.json["start"], s._.json["end"], s._.json["text"]) for s in doc.spans[key]]


def test_english_news_text_gives_one_span_per_match() -> None:
    """Two sentences of news: the span group holds exactly extract's matches, in order, on
    token boundaries, each with its Sentence, modality and JSON."""
    doc = _nlp()(NEWS)
    spans = list(doc.spans["sentencenorm"])
    matches = extract(NEWS)
    assert len(spans) == len(matches) == 2
    for span, match in zip(spans, matches, strict=True):
        assert (span.start_char, span.end_char, span.text) == (match.start, match.end, match.text)
        assert span.label_ == LABEL
        assert span._.sentence == match.sentence
        assert isinstance(span._.sentence, Sentence)
        assert span._.modality == "imposed"
        assert span._.json == match.to_dict()
    assert str(spans[0]._.sentence) == "imposed: custody P7Y + supervised_release P2Y"
    assert spans[1].text == "was fined $5,000"


def test_a_match_that_cuts_a_token_widens_to_the_token_and_keeps_its_offsets() -> None:
    """ "$500/$600" is one English token; the match "fined $500" ends inside it. Its span is
    the whole token, and the JSON keeps the match's exact offsets and text."""
    text = "She was fined $500/$600 by the court."
    [match] = extract(text)
    assert match.text == "was fined $500"
    doc = _nlp()(text)
    [span] = doc.spans["sentencenorm"]
    assert span.text == "was fined $500/$600"
    assert (span._.json["start"], span._.json["end"]) == (match.start, match.end)
    assert text[span._.json["start"] : span._.json["end"]] == span._.json["text"] == match.text
    assert str(span._.sentence) == "imposed: fine USD 500"


def test_chinese_with_the_blank_chinese_tokenizer() -> None:
    """spacy.blank("zh") segments characters (offline, no jieba): the spans are exact."""
    doc = _nlp("zh", lang="zh")(CHINESE)
    matches = extract(CHINESE, lang="zh")
    assert len(matches) == 2
    assert [(s.start_char, s.end_char, s.text) for s in doc.spans["sentencenorm"]] == [
        (m.start, m.end, m.text) for m in matches
    ]
    assert [s._.sentence for s in doc.spans["sentencenorm"]] == [m.sentence for m in matches]


def test_chinese_under_a_tokenizer_that_splits_on_spaces_keeps_both_matches() -> None:
    """spacy.blank("xx") makes the whole Chinese text about one token: both matches widen to
    the same tokens, and both stay, told apart by their ids and exact offsets."""
    doc = _nlp("xx", lang="zh")(CHINESE)
    matches = extract(CHINESE, lang="zh")
    spans = list(doc.spans["sentencenorm"])
    assert len(spans) == 2
    assert spans[0].start_char == spans[1].start_char == 0  # the same, wider, tokens
    assert _exact(doc) == [(m.start, m.end, m.text) for m in matches]
    assert [s._.sentence for s in spans] == [m.sentence for m in matches]
    assert spans[0].id != spans[1].id
    assert spans[0].id_ == f"sentencenorm:sentencenorm:{matches[0].start}:{matches[0].end}"


def test_pipe_over_many_docs_equals_extract() -> None:
    """nlp.pipe gives each Doc its own matches, in order."""
    texts = [NEWS, "Nothing to see here.", "She faces up to five years.", ""] * 25
    nlp = _nlp()
    docs = list(nlp.pipe(texts, batch_size=7))
    assert [_exact(doc) for doc in docs] == [
        [(m.start, m.end, m.text) for m in extract(text)] for text in texts
    ]


def test_jurisdiction_and_spans_key_come_from_the_config() -> None:
    """The jurisdiction settles "$" (Australian dollars in New South Wales); the span group is
    stored under spans_key; two components with different keys live side by side."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencenorm", name="au", config={"jurisdiction": "au-nsw", "spans_key": "au"})
    nlp.add_pipe("sentencenorm", name="plain")
    doc = nlp("He was fined $5.")
    [au] = doc.spans["au"]
    [plain] = doc.spans["sentencenorm"]
    assert str(au._.sentence) == "imposed: fine AUD 5"
    assert str(plain._.sentence) == "imposed: fine USD 5"


def test_a_saved_pipeline_loads_with_its_config(tmp_path: Path) -> None:
    """nlp.to_disk / spacy.load rebuild the component from its config alone."""
    _nlp(jurisdiction="au-nsw", spans_key="found").to_disk(tmp_path / "pipeline")
    nlp = spacy.load(tmp_path / "pipeline")
    assert nlp.get_pipe_config("sentencenorm")["jurisdiction"] == "au-nsw"
    doc = nlp("He was fined $5.")
    assert [str(span._.sentence) for span in doc.spans["found"]] == ["imposed: fine AUD 5"]


def test_an_unknown_jurisdiction_is_refused_when_the_pipe_is_added() -> None:
    with pytest.raises(UnknownJurisdictionError):
        spacy.blank("en").add_pipe("sentencenorm", config={"jurisdiction": "not a code"})


def _check_restored(doc: Doc, original: Doc) -> None:
    assert doc.text == original.text
    got, want = list(doc.spans["sentencenorm"]), list(original.spans["sentencenorm"])
    assert [(s.start, s.end, s.label_, s.id_) for s in got] == [
        (s.start, s.end, s.label_, s.id_) for s in want
    ]
    assert [s._.json for s in got] == [s._.json for s in want]
    assert [s._.sentence for s in got] == [s._.sentence for s in want]
    assert [s._.modality for s in got] == [s._.modality for s in want]


def test_doc_bytes_keep_the_span_group_and_the_json() -> None:
    """doc.to_bytes() / Doc.from_bytes keep the spans, their ids and their extensions."""
    nlp = _nlp("xx", lang="zh")
    original = nlp(CHINESE)
    restored = Doc(spacy.blank("xx").vocab).from_bytes(original.to_bytes())
    _check_restored(restored, original)


def test_docbin_keeps_the_span_group_and_the_json() -> None:
    """DocBin(store_user_data=True), read into a fresh vocabulary, keeps them too."""
    nlp = _nlp()
    originals = list(nlp.pipe([NEWS, "She was fined $500/$600 by the court."]))
    stored = DocBin(store_user_data=True, docs=originals).to_bytes()
    restored = list(DocBin().from_bytes(stored).get_docs(spacy.blank("en").vocab))
    assert len(restored) == 2
    for doc, original in zip(restored, originals, strict=True):
        _check_restored(doc, original)
    assert restored[1].spans["sentencenorm"][0]._.json["text"] == "was fined $500"


def test_the_entry_point_names_the_registered_factory() -> None:
    """pyproject's spacy_factories entry point is the function spaCy registered."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    target = project["project"]["entry-points"]["spacy_factories"]["sentencenorm"]
    assert target == "sentencenorm.spacy_pipe:make_component"
    meta = spacy.language.Language.get_factory_meta("sentencenorm")
    assert meta.factory == "sentencenorm"
    assert meta.default_config == {"lang": "en", "jurisdiction": None, "spans_key": "sentencenorm"}
    assert spacy.registry.factories.get("sentencenorm") is make_component


def _python(code: str) -> subprocess.CompletedProcess[str]:
    """Run *code* in a new interpreter that finds the same sentencenorm as this one."""
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_importing_sentencenorm_never_imports_spacy() -> None:
    result = _python(
        "import sys, sentencenorm; sentencenorm.extract('fined $5'); print('spacy' in sys.modules)"
    )
    assert result.stdout.strip() == "False", result.stderr


def test_without_spacy_the_module_names_the_extra() -> None:
    result = _python("import sys; sys.modules['spacy'] = None; import sentencenorm.spacy_pipe")
    assert result.returncode != 0
    assert 'pip install "sentencenorm[spacy]"' in result.stderr
