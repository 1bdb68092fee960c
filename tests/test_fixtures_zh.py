"""Chinese phrase fixtures: tests/fixtures/zh/<family>.txt, read with ``lang="zh"``.

Same format and rules as the English fixtures (tests/helpers.py): each case asserts
``str(parse(phrase, lang="zh")) == expected`` or, for ``=> !``, a `SentenceParseError`.
"""

from __future__ import annotations

import pytest

from sentencenorm import SentenceParseError, parse


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
