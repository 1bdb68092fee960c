"""sentencenorm.strategies: the public Hypothesis strategies draw what they promise, phrases
read back, st.from_type knows the model, and sentencenorm itself never imports Hypothesis."""

from __future__ import annotations

import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sentencenorm import (
    Choice,
    Component,
    Duration,
    Modality,
    Money,
    Sentence,
    UnknownLanguageError,
    UnsupportedError,
    languages,
    parse,
    render,
)
from sentencenorm.model import COMPONENT_TYPES
from sentencenorm.strategies import (
    CURRENCIES,
    KINDS,
    _hypothesis_setup_hook,
    components,
    durations,
    money,
    phrases,
    sentences,
)

SRC = Path(__file__).resolve().parents[1] / "src"


def _run(code: str, *paths: Path) -> subprocess.CompletedProcess[str]:
    """Run *code* in a new interpreter with the package's source (and *paths*) importable."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(str(p) for p in (*paths, SRC))}
    env.pop("HYPOTHESIS_NO_PLUGINS", None)
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env
    )


# ── each strategy draws what it says ────────────────────────────────────────────────────────


@given(durations())
def test_durations_are_non_zero_durations(value: Duration) -> None:
    assert isinstance(value, Duration)
    assert not value.is_zero()


@given(money())
def test_money_is_positive_in_a_supported_currency(value: Money) -> None:
    assert value.currency in CURRENCIES
    assert value.amount > 0
    assert value.amount == value.amount.quantize(Decimal("0.01"))


@pytest.mark.parametrize("currency", ["EUR", "CNY", "JPY"])
@settings(max_examples=20)
@given(data=st.data())
def test_money_in_the_currency_asked_for(currency: str, data: st.DataObject) -> None:
    assert data.draw(money(currency)).currency == currency


def test_money_refuses_a_code_that_is_not_iso_4217() -> None:
    with pytest.raises(ValueError, match="ISO 4217"):
        money("euro")


@pytest.mark.parametrize("kind", KINDS)
@settings(max_examples=30)
@given(data=st.data())
def test_components_of_each_kind(kind: str, data: st.DataObject) -> None:
    value = data.draw(components(kind))
    assert value.kind == kind
    assert parse(str(Sentence((value,)))) == Sentence((value,))


def test_kinds_are_the_models() -> None:
    assert set(KINDS) == {cls.kind for cls in COMPONENT_TYPES}
    assert "custody" in KINDS
    assert "choice" in KINDS


@given(components())
def test_components_of_any_kind(value: Component) -> None:
    assert value.kind in KINDS


def test_components_refuses_an_unknown_kind() -> None:
    with pytest.raises(ValueError, match="custody"):
        components("prison")


@pytest.mark.parametrize("modality", [*Modality, "imposed"])
@settings(max_examples=30)
@given(data=st.data())
def test_sentences_of_a_modality(modality: Modality | str, data: st.DataObject) -> None:
    value = data.draw(sentences(modality))
    assert isinstance(value, Sentence)
    assert value.modality is Modality(modality)
    assert 1 <= len(value.components) <= 3


def test_sentences_of_any_modality_or_none() -> None:
    seen: set[Modality | None] = set()

    @settings(max_examples=200, database=None)
    @given(sentences())
    def collect(value: Sentence) -> None:
        seen.add(value.modality)

    collect()
    assert seen == {None, *Modality}


def test_sentences_refuses_an_unknown_modality() -> None:
    with pytest.raises(ValueError, match="sentenced"):
        sentences("sentenced")


@given(sentences(written=True))
def test_written_sentences_hold_what_the_writers_write(value: Sentence) -> None:
    """Up to four components; alternatives, of one penalty each, only last."""
    assert 1 <= len(value.components) <= 4
    for component in value.components[:-1]:
        assert not isinstance(component, Choice)
    last = value.components[-1]
    if isinstance(last, Choice):
        assert all(len(option) <= 2 for option in last.options)


# ── phrases: written by render, read back by parse ──────────────────────────────────────────


@pytest.mark.parametrize("lang", languages())
@settings(max_examples=10, deadline=None)
@given(data=st.data())
def test_phrases_read_back(lang: str, data: st.DataObject) -> None:
    text, value = data.draw(phrases(lang))
    assert isinstance(value, Sentence)
    assert parse(text, lang=lang) == value, text


@pytest.mark.parametrize("style", ["words", "digits"])
@settings(max_examples=10, deadline=None)
@given(data=st.data())
def test_phrases_in_a_style(style: str, data: st.DataObject) -> None:
    text, value = data.draw(phrases("fr", style=style))  # type: ignore[arg-type]
    assert text == render(value, locale="fr", style=style)  # type: ignore[arg-type]


def test_phrases_refuses_an_unknown_language_or_style() -> None:
    with pytest.raises(UnknownLanguageError, match="nl"):
        phrases("nl")
    with pytest.raises(UnsupportedError, match="roman"):
        phrases("en", style="roman")  # type: ignore[arg-type]


# ── st.from_type ────────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    "cls", [Sentence, Duration, Money, *COMPONENT_TYPES], ids=lambda cls: cls.__name__
)
@settings(max_examples=10)
@given(data=st.data())
def test_from_type_draws_canonical_values(cls: type, data: st.DataObject) -> None:
    _hypothesis_setup_hook()  # what the entry point runs; importing the module did it too
    value = data.draw(st.from_type(cls))
    assert isinstance(value, cls)
    if cls in COMPONENT_TYPES:
        assert parse(str(Sentence((value,)))) == Sentence((value,))
    if cls is Sentence:
        assert parse(str(value)) == value


@settings(max_examples=20)
@given(st.from_type(Component))  # type: ignore[arg-type]
def test_from_type_of_the_component_union(value: Component) -> None:
    assert isinstance(value, COMPONENT_TYPES)


def test_entry_point_registers_the_types(tmp_path: Path) -> None:
    """Hypothesis runs the ``hypothesis`` entry point of an installed sentencenorm (here a
    stand-in distribution with the entry point of pyproject.toml), whichever is imported
    first: Hypothesis, or sentencenorm.strategies (which imports Hypothesis)."""
    dist = tmp_path / "sentencenorm_entry_point-0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: sentencenorm-entry-point\n")
    (dist / "entry_points.txt").write_text(
        "[hypothesis]\n_ = sentencenorm.strategies:_hypothesis_setup_hook\n"
    )
    check = (
        "import sys\n"
        "from hypothesis import strategies as st\n"
        "from sentencenorm import Custody\n"
        "assert 'sentencenorm.strategies' in sys.modules\n"
        "drawn = repr(st.from_type(Custody))\n"
        "assert drawn == '_custody(regimes=True)', drawn\n"
    )
    for first in ("import hypothesis", "import sentencenorm.strategies"):
        result = _run(f"{first}\n{check}", tmp_path)
        assert result.returncode == 0, result.stderr


# ── Hypothesis stays optional ───────────────────────────────────────────────────────────────


def test_importing_sentencenorm_does_not_import_hypothesis() -> None:
    result = _run(
        "import sys, sentencenorm\n"
        "sentencenorm.parse('six months')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'hypothesis'))"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_without_hypothesis_the_module_says_what_to_install() -> None:
    result = _run(
        "import sys\n"
        "sys.modules['hypothesis'] = None  # as if it were not installed\n"
        "try:\n"
        "    import sentencenorm.strategies\n"
        "except ImportError as error:\n"
        "    print(error)\n"
    )
    assert result.returncode == 0, result.stderr
    assert 'pip install "sentencenorm[hypothesis]"' in result.stdout
