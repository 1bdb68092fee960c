"""Validate real-corpus records against tests/corpus/README.md.

``python tests/corpus/check.py FILE…`` checks records; ``--urls URL…`` names reserved pages.

Independent of the package on purpose: the gold is written from MODEL.md, so its checker must
not lean on what the code reads. Exits 1 and names each record and key that is wrong.
"""

from __future__ import annotations

import itertools
import json
import re
import sys
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
RESERVED = HERE.parents[2] / "shared" / "corpus" / "reserved_sources.txt"

DURATION = re.compile(r"P(?!$)(?:[1-9]\d*Y)?(?:(?:[1-9]|1[01])M)?(?:[1-9]\d*D)?")
CURRENCY = re.compile(r"[A-Z]{3}")
JURISDICTION = re.compile(r"[A-Z]{2}(?:-[A-Z0-9]{1,3})?")
SOURCE_KINDS = {
    "judgment",
    "sentencing_remarks",
    "statute",
    "press_release",
    "news",
    "guidance",
    "explainer",
    "other",
}
MODALITIES = {"imposed", "potential", "statutory", None}
LABELS = {
    "time served",
    "home detention",
    "home confinement",
    "house arrest",
    "electronic monitoring",
    "curfew",
    "default imprisonment",
    "caning",
    "flogging",
    "intensive correction order",
    "community correction order",
    "community order",
    "community service order",
    "supervision requirement",
    "rehabilitation activity requirement",
    "extended licence",
    "licence",
    "good behaviour bond",
    "driving ban",
    "license suspension",
    "license revocation",
    "disqualification",
    "costs",
    "victim surcharge",
    "special assessment",
    "levy",
    "conditional discharge",
    "absolute discharge",
    "deportation",
    "drug treatment",
    "rehab",
    "sexual harm prevention order",
    "restraining order",
    "exempted from criminal punishment (免予刑事处罚)",
    "conversion to fine",
    "travel ban",
}
COUNT_UNITS = {"strokes", "lashes", "hours", "days", "weekends"}
_FAMILY_NAMES = """custody_term range statutory_max minimum life life_without_parole non_parole
    death death_reprieve fine money_format restitution forfeiture probation supervised_release
    community_service community_supervision deprivation_of_rights suspended partial_suspension
    aggregation counts total choice other_penalty default_term caning administrative_detention
    commutation number_words chinese_numerals approximation idiom statute_formula
    news_short_form uk_commonwealth indian_formula negative negation rejected_or_overturned
    non_penalty_term"""
FAMILIES = set(_FAMILY_NAMES.split())
TERM_KINDS = {"probation", "supervised_release", "community_supervision", "deprivation_of_rights"}


def reserved_sources() -> set[str]:
    if not RESERVED.exists():
        return set()
    lines = RESERVED.read_text(encoding="utf-8").splitlines()
    return {_address(line) for line in lines if line.strip() and not line.startswith("#")}


def _address(url: str) -> str:
    """A page's address without scheme, "www." or trailing slash, for comparison."""
    url = re.sub(r"^https?://", "", url.strip())
    url = re.sub(r"^www\.", "", url)
    return url.rstrip("/")


def _bound(value: Any, where: str, life: bool = True) -> Iterator[str]:
    if value is None or (life and value == "life"):
        return
    if not isinstance(value, str) or not DURATION.fullmatch(value):
        shapes = "P1Y6M, P14D" + (", life" if life else "")
        yield f"{where}: {value!r} is not a canonical duration ({shapes})"


def _money(value: Any, where: str, optional: bool = True) -> Iterator[str]:
    if value is None and optional:
        return
    if not isinstance(value, dict) or set(value) != {"amount", "currency"}:
        yield f"{where}: money must be {{'amount': '5000', 'currency': 'USD'}}, got {value!r}"
        return
    amount, currency = value["amount"], value["currency"]
    try:
        ok = (
            isinstance(amount, str) and Decimal(amount) > 0 and re.fullmatch(r"\d+(\.\d+)?", amount)
        )
    except InvalidOperation:
        ok = False
    if not ok:
        yield f"{where}.amount: {amount!r} is not a plain positive decimal string"
    if not isinstance(currency, str) or not CURRENCY.fullmatch(currency):
        yield f"{where}.currency: {currency!r} is not an ISO 4217 code"


def _term(item: dict[str, Any], where: str, life: bool) -> Iterator[str]:
    yield from _bound(item.get("min"), f"{where}.min", life)
    yield from _bound(item.get("max"), f"{where}.max", life)


def check_component(item: Any, where: str) -> Iterator[str]:
    if not isinstance(item, dict) or "kind" not in item:
        yield f"{where}: a component is an object with a 'kind'"
        return
    kind = item["kind"]
    keys = set(item) - {"kind"}
    expected: dict[str, set[str]] = {
        "custody": {"min", "max", "count", "aggregation", "suspended"},
        "death": {"suspended", "reprieve"},
        "fine": {"min", "max"},
        "restitution": {"amount"},
        "forfeiture": {"amount", "all_property"},
        "community_service": {"hours"},
        "other": {"label", "quantity"},
        "choice": {"options"},
        **{k: {"min", "max"} for k in TERM_KINDS},
    }
    if kind not in expected:
        yield f"{where}.kind: unknown kind {kind!r}"
        return
    optional = {"regime"} if kind == "custody" else set()
    if not expected[kind] <= keys or keys - expected[kind] - optional:
        yield f"{where}: {kind} takes keys {sorted(expected[kind] | optional)}, got {sorted(keys)}"
        return
    if kind == "custody":
        yield from _term(item, where, life=True)
        count = item["count"]
        if count is not None and (
            not isinstance(count, int) or isinstance(count, bool) or count < 1
        ):
            yield f"{where}.count: {count!r} must be a positive int or null"
        if item["aggregation"] not in {None, "consecutive", "concurrent"}:
            yield f"{where}.aggregation: {item['aggregation']!r}"
        suspended = item["suspended"]
        if suspended is not None:
            if not isinstance(suspended, dict) or set(suspended) != {"period"}:
                yield f"{where}.suspended: null or {{'period': 'P3Y' | null}}, got {suspended!r}"
            else:
                yield from _bound(suspended["period"], f"{where}.suspended.period", life=False)
        if "regime" in item and item["regime"] != "administrative_detention":
            yield f"{where}.regime: only 'administrative_detention' is annotated"
        if item["min"] == "life" and item["max"] != "life":
            yield f"{where}: min life needs max life"
    elif kind == "death":
        if not isinstance(item["suspended"], bool):
            yield f"{where}.suspended: a bool"
        yield from _bound(item["reprieve"], f"{where}.reprieve", life=False)
    elif kind == "fine":
        yield from _money(item["min"], f"{where}.min")
        yield from _money(item["max"], f"{where}.max")
    elif kind in ("restitution", "forfeiture"):
        yield from _money(item["amount"], f"{where}.amount")
        if kind == "forfeiture" and not isinstance(item["all_property"], bool):
            yield f"{where}.all_property: a bool"
    elif kind == "community_service":
        hours = item["hours"]
        if hours is not None and (
            not isinstance(hours, int) or isinstance(hours, bool) or hours < 1
        ):
            yield f"{where}.hours: a positive int or null"
    elif kind in TERM_KINDS:
        # life: deprivation of rights (MODEL.md) and supervised release (README, decisions)
        yield from _term(item, where, life=kind in ("deprivation_of_rights", "supervised_release"))
    elif kind == "other":
        if item["label"] not in LABELS:
            yield f"{where}.label: {item['label']!r} is not in the README's table"
        quantity = item["quantity"]
        if isinstance(quantity, dict) and "count" in quantity:
            if set(quantity) != {"count", "unit"} or quantity["unit"] not in COUNT_UNITS:
                yield f"{where}.quantity: {{'count': N, 'unit': one of {sorted(COUNT_UNITS)}}}"
        elif isinstance(quantity, dict):
            yield from _money(quantity, f"{where}.quantity")
        else:
            yield from _bound(quantity, f"{where}.quantity", life=False)
    elif kind == "choice":
        options = item["options"]
        if not isinstance(options, list) or len(options) < 2:
            yield f"{where}.options: a list of two or more options"
            return
        for i, option in enumerate(options):
            if not isinstance(option, list) or not option:
                yield f"{where}.options[{i}]: a non-empty list of components"
                continue
            for j, part in enumerate(option):
                if isinstance(part, dict) and part.get("kind") == "choice":
                    yield f"{where}.options[{i}][{j}]: a choice inside a choice; flatten it"
                yield from check_component(part, f"{where}.options[{i}][{j}]")


def check_record(record: Any, reserved: set[str]) -> Iterator[str]:
    if not isinstance(record, dict):
        yield "a record is a JSON object"
        return
    need = {
        "id",
        "source",
        "source_kind",
        "lang",
        "jurisdiction",
        "text",
        "expressions",
        "families",
    }
    missing = need - set(record)
    if missing:
        yield f"missing keys {sorted(missing)}"
        return
    extra = set(record) - need - {"tags", "note"}
    if extra:
        yield f"unknown keys {sorted(extra)}"
    if not str(record["source"]).startswith(("http://", "https://")):
        yield f"source: {record['source']!r} is not an address"
    elif _address(record["source"]) in reserved:
        yield "source: a reserved page (shared/corpus/reserved_sources.txt): never use it"
    if record["source_kind"] not in SOURCE_KINDS:
        yield f"source_kind: {record['source_kind']!r} not in {sorted(SOURCE_KINDS)}"
    if record["lang"] not in ("en", "zh"):
        yield f"lang: {record['lang']!r}"
    jurisdiction = record["jurisdiction"]
    if jurisdiction is not None and not (
        isinstance(jurisdiction, str) and JURISDICTION.fullmatch(jurisdiction)
    ):
        yield f"jurisdiction: {jurisdiction!r} is not an ISO 3166 code in upper case"
    text = record["text"]
    if not isinstance(text, str) or not text.strip():
        yield "text: empty"
        return
    for family in record["families"]:
        if family not in FAMILIES:
            yield f"families: {family!r} is not in the README's list"
    spans: list[tuple[int, int]] = []
    for e, expression in enumerate(record["expressions"]):
        where = f"expressions[{e}]"
        keys = set(expression)
        if not {"span", "modality", "components"} <= keys or keys - {
            "span",
            "modality",
            "components",
            "context",
            "change",
        }:
            yield f"{where}: keys span, modality, components (+ context, change): {sorted(keys)}"
            continue
        span = expression["span"]
        if not span or span not in text:
            yield f"{where}.span: {span!r} is not a substring of the text"
        elif text.count(span) > 1:
            yield f"{where}.span: {span!r} occurs more than once in the text; lengthen it"
        if span and span in text:
            spans.append((text.find(span), text.find(span) + len(span)))
        if expression["modality"] not in MODALITIES:
            yield f"{where}.modality: {expression['modality']!r}"
        if expression.get("change") not in (None, "commutation"):
            yield f"{where}.change: only 'commutation'"
        if "context" in expression and expression["context"] is not True:
            yield f"{where}.context: true or absent"
        components = expression["components"]
        if not isinstance(components, list) or not components:
            yield f"{where}.components: a non-empty list"
            continue
        for c, component in enumerate(components):
            yield from check_component(component, f"{where}.components[{c}]")
    ordered = sorted(spans)
    for (_, end), (start, _) in itertools.pairwise(ordered):
        if start < end:
            yield "expressions: two spans overlap"


def check_files(paths: list[Path]) -> list[str]:
    reserved = reserved_sources()
    problems: list[str] = []
    seen: dict[str, str] = {}
    for path in paths:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                problems.append(f"{path}:{number}: not JSON ({error})")
                continue
            name = f"{path.name}:{number} ({record.get('id') if isinstance(record, dict) else '?'})"
            identifier = record.get("id") if isinstance(record, dict) else None
            if identifier in seen:
                problems.append(f"{name}: id already used at {seen[identifier]}")
            elif identifier is not None:
                seen[identifier] = name
            problems.extend(f"{name}: {p}" for p in check_record(record, reserved))
    return problems


if __name__ == "__main__":
    if sys.argv[1:2] == ["--urls"]:
        # Which of these addresses are reserved (print them; exit 1 if any): check a search
        # result's address before using anything from it.
        banned = reserved_sources()
        hits = [url for url in sys.argv[2:] if _address(url) in banned]
        print("\n".join(f"RESERVED {url}" for url in hits) or "none reserved")
        sys.exit(1 if hits else 0)
    files = [Path(p) for p in sys.argv[1:]]
    found = check_files(files)
    print("\n".join(found) if found else f"ok: {len(files)} file(s)")
    sys.exit(1 if found else 0)
