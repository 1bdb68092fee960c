"""Chinese phrase fixtures: tests/fixtures/zh/<family>.txt, read with ``lang="zh"``.

Same format and rules as the English fixtures (tests/helpers.py): each case asserts
``str(parse(phrase, lang="zh")) == expected`` or, for ``=> !``, a `SentenceParseError`.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_extract import Document, read_documents

from sentencenorm import SentenceParseError, extract, parse


def test_simplified_and_traditional_read_alike() -> None:
    """Traditional characters and inserted pinyin readings change nothing."""
    simplified = parse("判处死刑，缓期二年执行", lang="zh")
    assert parse("判處死刑，緩期二年執(zhí)行", lang="zh") == simplified


def test_pinyin_reading_offsets_in_errors_point_into_the_text_as_given() -> None:
    """An error after an inserted pinyin reading reports the column of the text as given."""
    with pytest.raises(SentenceParseError) as info:
        parse("拘役兩個(gè)月零", lang="zh")
    assert info.value.column == len("拘役兩個(gè)月零") - 1 or info.value.column == len(
        "拘役兩個(gè)月零"
    )


# ── running text: tests/fixtures/zh/extract/*.txt ─────────────────────────────────────────────

EXTRACT = Path(__file__).parent / "fixtures" / "zh" / "extract"
DOCUMENTS = [doc for path in sorted(EXTRACT.glob("*.txt")) for doc in read_documents(path)]


@pytest.mark.parametrize("document", DOCUMENTS, ids=[d.id for d in DOCUMENTS])
def test_zh_fixture_document(document: Document) -> None:
    """Each document gives exactly its expected matches, in order (format: test_extract.py)."""
    matches = extract(document.text, lang="zh", jurisdiction=document.jurisdiction)
    got = [(m.text, str(m.sentence)) for m in matches]
    assert len(matches) == len(document.expected), got
    cursor = 0
    for match, (core, notation) in zip(matches, document.expected, strict=True):
        at = document.text.find(core, cursor)
        assert match.start <= at, (core, got)
        assert at + len(core) <= match.end, (core, got)
        assert str(match.sentence) == notation, (core, got)
        cursor = at + len(core)
