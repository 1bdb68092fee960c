"""Parse throughput: sentencenorm.parse against a bare Lark LALR parse of the same phrases.

Run from the repository root (the package installed, e.g. ``pip install -e .``)::

    python benchmarks/parse_throughput.py              # 100,000 generated phrases + dev corpus
    python benchmarks/parse_throughput.py --size 20000 --rounds 3
    python benchmarks/parse_throughput.py --json

Each case is timed for several rounds; the table shows phrases per second (median, with the
slowest and fastest round) and the ratio to the reference measured in the same run: the same
grammar (``grammar_text("en")``, the skeleton and en.lark) loaded with
``Lark(..., parser="lalr")`` and no transformer, building a parse tree. The reference only
recognizes; sentencenorm also gives each phrase its meaning.

Before timing, every phrase is parsed once by both (which also warms up Lark's lazily built
lexers): a generated phrase that sentencenorm cannot parse stops the run, so the generated
batch is all real work. Rounds alternate between the two sides, so a change in machine load
falls on both. See benchmarks/README.md for how to read the numbers.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import lark
from lark import Lark

import sentencenorm
from sentencenorm.reading.grammars import grammar_path, grammar_text

ROOT = Path(__file__).resolve().parents[1]

NUMBERS = ["1", "2", "3", "5", "6", "7", "10", "12", "15", "18", "20", "25", "30", "84", "120"]
WORDS = ["one", "two", "three", "five", "six", "ten", "twelve", "twenty", "twenty-five"]
UNITS = ["years", "months", "days", "weeks"]
CUES = ["", "", "", "sentenced to ", "was sentenced to ", "faces ", "punishable by ", "jailed for "]
TAILS = ["", "", " in prison", " in federal prison", " behind bars", "' imprisonment", " in jail"]

TEMPLATES = [
    "{n} {u}",
    "{w} {u}{t}",
    "{n} to {n2} {u}",
    "{m} months to {n2} years",
    "between {n} and {n2} {u}",
    "up to {n2} years{t}",
    "not more than {n2} years",
    "a maximum of {n2} years",
    "at least {n} years{t}",
    "a mandatory minimum of {n} years",
    "{n} years to life",
    "life{t}",
    "life without parole",
    "life with the possibility of parole after {n} years",
    "{w} life sentences",
    "three consecutive life terms",
    "death",
    "a suspended death sentence",
    "a death sentence with a two-year reprieve",
    "a suspended sentence of {n} months",
    "{n} months, suspended for {w} years",
    "a {n}-year prison sentence",
    "{w} concurrent {n}-year terms",
    "{n} {u} in prison followed by {w} years of supervised release",
    "{n} years and a fine of ${k},000",
    "{n} years, {w} years of probation and {h} hours of community service",
    "a fine of up to ${k},000",
    "fined ${k},000",
    "${k},000 in restitution",
    "{h} hours of community service",
    "time served",
    "{n} years and {n3} months",
    "{w} and a half years",
]


def generated_phrases(size: int, seed: int = 2026) -> list[str]:
    """*size* phrases from the templates, with a modality cue sometimes, deterministically."""
    rng = random.Random(seed)
    phrases = []
    for _ in range(size):
        low = rng.choice(NUMBERS[:8])
        template = rng.choice(TEMPLATES)
        body = template.format(
            n=low,
            n2=rng.choice([n for n in NUMBERS if int(n) > int(low)]),
            n3=rng.randint(1, 11),
            w=rng.choice(WORDS),
            m=rng.choice(WORDS[:6]),  # under a year: "ten months to 2 years"
            u=rng.choice(UNITS),
            t=rng.choice(TAILS),
            k=rng.choice([1, 5, 10, 25, 250]),
            h=rng.choice([50, 100, 200, 300]),
        )
        phrases.append(rng.choice(CUES) + body)
    return phrases


def distinct_phrases(size: int, seed: int = 2026) -> list[str]:
    """*size* different phrases from the templates, none twice: the numbers drawn from wider
    ranges (a term from 1 to 120, the other end up to 200 more, amounts and hours to 999)."""
    rng = random.Random(seed)
    phrases: dict[str, None] = {}
    while len(phrases) < size:
        low = rng.randint(1, 120)
        body = rng.choice(TEMPLATES).format(
            n=low,
            n2=rng.randint(low + 1, low + 200),
            n3=rng.randint(1, 11),
            w=rng.choice(WORDS),
            m=rng.choice(WORDS[:6]),
            u=rng.choice(UNITS),
            t=rng.choice(TAILS),
            k=rng.randint(1, 999),
            h=rng.randint(1, 999),
        )
        phrases[rng.choice(CUES) + body] = None
    return list(phrases)


def corpus_phrases() -> list[str]:
    """The gold spans of the English development corpus."""
    spans = []
    for line in (ROOT / "tests" / "data" / "dev_en.jsonl").read_text(encoding="utf-8").splitlines():
        spans += [expression["span"] for expression in json.loads(line)["expressions"]]
    return spans


def reference_parser() -> Lark:
    """The same grammar, LALR, no transformer: recognition and a parse tree only."""
    return Lark(grammar_text("en"), source_path=grammar_path("en"), parser="lalr")


def time_rounds(
    work: Callable[[Sequence[str]], object], phrases: Sequence[str], rounds: int
) -> list[float]:
    """Phrases per second of each round."""
    rates = []
    for _ in range(rounds):
        started = time.perf_counter()
        work(phrases)
        rates.append(len(phrases) / (time.perf_counter() - started))
    return rates


def parse_all(phrases: Sequence[str]) -> None:
    parse = sentencenorm.parse
    for phrase in phrases:
        try:  # noqa: SIM105 - try/except is cheaper than suppress() in a timed loop
            parse(phrase)
        except sentencenorm.SentenceParseError:
            pass


def reference_all(parser: Lark) -> Callable[[Sequence[str]], None]:
    def run(phrases: Sequence[str]) -> None:
        for phrase in phrases:
            try:  # noqa: SIM105 - try/except is cheaper than suppress() in a timed loop
                parser.parse(phrase)
            except Exception:
                pass

    return run


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def check(name: str, phrases: Sequence[str], reference: Lark, *, strict: bool) -> int:
    """Parse every distinct phrase once with both parsers (this is also the warm-up) and
    return how many of *phrases* sentencenorm reads. With *strict*, a phrase either side
    cannot read stops the run, with a list of them."""
    readable: dict[str, bool] = {}
    failures: dict[str, list[str]] = {}
    for phrase in dict.fromkeys(phrases):
        readable[phrase] = _parses(phrase)
        if not readable[phrase]:
            failures.setdefault(phrase, []).append("sentencenorm")
        try:
            reference.parse(phrase)
        except Exception as error:  # listed below; a LarkError or worse
            failures.setdefault(phrase, []).append(f"bare Lark ({type(error).__name__})")
    if strict and failures:
        shown = "\n".join(f"  {p!r}: {', '.join(who)}" for p, who in list(failures.items())[:20])
        raise SystemExit(
            f"{name}: {len(failures)} of {len(readable)} distinct phrases do not parse "
            f"(fix the templates or the grammar):\n{shown}"
        )
    return sum(readable[phrase] for phrase in phrases)


def measure(size: int, rounds: int) -> dict[str, Any]:
    parser = reference_parser()
    reference = reference_all(parser)
    cases = {
        f"generated ({size:,} phrases)": generated_phrases(size),
        "dev corpus spans": corpus_phrases(),
    }
    results: dict[str, Any] = {
        "machine": {
            "cpu": cpu_model(),
            "python": platform.python_version(),
            "lark": lark.__version__,
            "sentencenorm": sentencenorm.__version__,
        },
        "rounds": rounds,
        "cases": [],
    }
    for name, phrases in cases.items():
        corpus = name.startswith("dev")
        parsed = check(name, phrases, parser, strict=not corpus)
        # The corpus is small: repeat it to about 20,000 phrases so a round lasts seconds.
        batch = phrases if not corpus else phrases * max(1, 20_000 // len(phrases))
        ours: list[float] = []
        theirs: list[float] = []
        for _ in range(rounds):  # alternate, so drift in machine load falls on both sides
            ours += time_rounds(parse_all, batch, 1)
            theirs += time_rounds(reference, batch, 1)
        results["cases"].append(
            {
                "case": name,
                "phrases": len(phrases),
                "distinct": len(set(phrases)),
                "timed_per_round": len(batch),
                "mean_chars": round(sum(map(len, phrases)) / len(phrases), 1),
                "parsed": parsed,
                "sentencenorm": _summary(ours),
                "bare_lark_lalr": _summary(theirs),
                "ratio": statistics.median(ours) / statistics.median(theirs),
            }
        )
    return results


def _parses(phrase: str) -> bool:
    try:
        sentencenorm.parse(phrase)
    except sentencenorm.SentenceParseError:
        return False
    return True


def _summary(rates: list[float]) -> dict[str, float]:
    return {"median": statistics.median(rates), "min": min(rates), "max": max(rates)}


def print_table(results: dict[str, Any]) -> None:
    machine = results["machine"]
    print(
        f"CPU: {machine['cpu']}; Python {machine['python']}; lark {machine['lark']}; "
        f"sentencenorm {machine['sentencenorm']}; {results['rounds']} rounds"
    )
    print(f"{'case':<28} {'parsed':>13}  {'sentencenorm /s':>22}  {'bare Lark LALR /s':>22}  ratio")
    for case in results["cases"]:
        ours, theirs = case["sentencenorm"], case["bare_lark_lalr"]
        print(
            f"{case['case']:<28} {case['parsed']:>6}/{case['phrases']:<6}  "
            f"{ours['median']:>9,.0f} ({ours['min']:,.0f}-{ours['max']:,.0f})  "
            f"{theirs['median']:>9,.0f} ({theirs['min']:,.0f}-{theirs['max']:,.0f})  "
            f"{case['ratio']:.2f}x"
        )
    print(
        "phrases/s: median of the rounds (slowest-fastest round); ratio: sentencenorm median / "
        "bare Lark median,\nbelow 1 when sentencenorm is slower. The dev corpus is repeated to "
        "about 20,000 phrases per round."
    )


def main(argv: list[str] | None = None) -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--size", type=int, default=100_000, help="generated phrases")
    options.add_argument("--rounds", type=int, default=5, help="timed rounds per case")
    options.add_argument("--json", action="store_true", help="print the numbers as JSON")
    args = options.parse_args(argv)
    if args.size < 1 or args.rounds < 1:
        options.error("--size and --rounds must be at least 1")
    results = measure(args.size, args.rounds)
    if args.json:
        json.dump(results, sys.stdout, indent=2)
        print()
    else:
        print_table(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
