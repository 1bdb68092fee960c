#!/usr/bin/env python3
"""atheris (libFuzzer) harness for the hostile-input contract (issue 7, docs/hostile-input.md).

Each input is ``[language byte][decoding byte] UTF-8 bytes...``:

- the language byte picks one of `contract.LANGUAGES` (every grammar, and "auto");
- the decoding byte picks how the bytes become a str, the three ways text reaches users:
  ``surrogateescape`` (sys.argv, os.fsdecode, files opened with it: invalid bytes become lone
  U+DC80..U+DCFF), ``surrogatepass`` (lone surrogates from UTF-8-encoded surrogates, as
  ``json.loads('"\\ud800"')`` also gives) and ``replace`` (U+FFFD);
- the rest is the text, given to `sentencenorm.parse` and `sentencenorm.extract`.

Any exception but `SentenceParseError` from parse, any exception from extract, and any broken
promise (`contract.ContractBreak`) is a crash; libFuzzer's -timeout catches a hang.

Run it with ``bash tests/fuzz/run.sh [SECONDS]`` (needs ``pip install atheris``), or show
what a crash file holds with ``python tests/fuzz/fuzz_parse.py --show CRASH_FILE``. pytest
never imports this file (tests/fuzz/conftest.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

MODES = ("surrogatepass", "surrogateescape", "replace")


def decode(data: bytes, languages: tuple[str, ...]) -> tuple[str, str, str]:
    """(language, decoding, text) of one fuzzer input."""
    lang = languages[data[0] % len(languages)] if data else "en"
    mode = MODES[data[1] % len(MODES)] if len(data) > 1 else MODES[0]
    try:
        return lang, mode, data[2:].decode("utf-8", errors=mode)
    except UnicodeDecodeError:  # surrogatepass takes encoded surrogates, not other bad bytes
        return lang, "surrogateescape", data[2:].decode("utf-8", errors="surrogateescape")


def encode(lang: str, text: str, languages: tuple[str, ...], mode: str = MODES[0]) -> bytes:
    """The fuzzer input that decodes to (lang, mode, text): for seed files."""
    return bytes([languages.index(lang), MODES.index(mode)]) + text.encode("utf-8", mode)


def show(path: str) -> None:
    """Print what a crash or corpus file decodes to, and run it outside the fuzzer."""
    import contract

    lang, mode, text = decode(Path(path).read_bytes(), contract.LANGUAGES)
    print(f"{path}: lang={lang!r} decoding={mode!r} ({len(text)} characters)")
    print(f"  repro: sentencenorm.parse({text[:300]!r}, lang={lang!r})")
    contract.check(text, lang)
    print("  no contract break outside the fuzzer")


def write_seeds(folder: str) -> None:
    """Write the seed corpus: a few fixture phrases of each language, with hostile twins."""
    import contract

    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    languages = contract.LANGUAGES
    for index, (lang, phrase) in enumerate(contract.seed_texts()):
        (out / f"{lang}-{index:03d}").write_bytes(encode(lang, phrase, languages))
    hostile = {
        "empty": ("en", ""),
        "nul": ("en", "10\x00 years"),
        "surrogate": ("en", "\ud800 years"),
        "bidi": ("en", "\u202e10 years\u202c"),
        "fullwidth": ("en", "１０ years"),
        "reversed": ("en", "10 years to 6 months"),
        "notation": ("en", "imposed: custody P6M..P10Y x3 consecutive + fine ..USD 250000"),
        "document": ("en", "He was sentenced to 10 years in prison and fined $5,000. " * 3),
        "auto-zh": ("auto", "判处有期徒刑三年，缓刑五年，并处罚金人民币五万元"),
    }
    for name, (lang, text) in hostile.items():
        (out / f"hostile-{name}").write_bytes(encode(lang, text, languages))


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--show":
        show(sys.argv[2])
        return
    if len(sys.argv) == 3 and sys.argv[1] == "--write-seeds":
        write_seeds(sys.argv[2])
        return

    import atheris

    with atheris.instrument_imports(include=["sentencenorm", "lark"]):
        import contract

    languages = contract.LANGUAGES
    for lang in languages:  # build every parser before the clock of -timeout starts
        contract.check("10 years", lang)

    def test_one_input(data: bytes) -> None:
        lang, _mode, text = decode(data, languages)
        contract.check(text, lang)

    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
