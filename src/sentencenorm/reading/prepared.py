"""Context patterns analysed ahead, and compiled only when first searched.

A language's extraction context (``grammar/<lang>.context.toml``, `reading.context`) holds
about 150 patterns. Each is searched in a form worked out from its parse tree: led by the
characters a match can begin with (`scanning.searched_faster`), lowered where that is exact
(`caseless.Caseless`), and for a cue before a phrase, the ways it can end
(`reading.endings`). Worked out in each new process, that took about a second of CPU before
the first `extract` (and as much in each worker of `extract_many`), the patterns parsed
several times over and compiled in forms never searched.

So the analysis is done when the parse tables are built (``python -m
sentencenorm._build_tables``; the wheel ships it beside them, as trusted as the code), in
``<lang>.context.tables``, and each pattern is compiled from it in the one form that is
searched, on its first search (`caseless.Caseless`). The stored analysis is keyed by each
pattern's source: a pattern that is not there (a context file edited since, no tables) is
analysed when it is loaded, as before. The file names the code that analyses and the Python
it ran on (`fingerprint`): tables analysed otherwise are not used. It also holds the code
``re`` compiles each searched form to, used only by the very Python that built it
(`code_fingerprint`, `caseless.KNOWN_CODE`): compiling is most of what a first search costs.
"""

from __future__ import annotations

import hashlib
import pickle
import re
import sys
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Final

from . import caseless as _caseless
from . import endings, scanning, tables
from .caseless import Analysis, Caseless, Code, analysed, code_of, led_or_plain
from .scanning import lead_source

__all__ = ["caseless", "fresh", "read", "searched", "write"]

#: Bumped when the file's layout changes; part of the fingerprint.
_LAYOUT: Final = 1
_FLAGS: Final = re.IGNORECASE  # every context pattern is case-insensitive

#: Each pattern's analysis for `Caseless`, by (source, flags): from the tables or worked out.
KNOWN: dict[tuple[str, int], Analysis] = {}
#: Each pattern's `searched_faster` form (its flags as compiled, its led source or None).
LEADS: dict[tuple[str, int], tuple[int, str | None]] = {}
#: The patterns worked out in this process rather than read (`fresh` looks at it).
_WORKED_OUT: set[tuple[str, int]] = set()
#: Whether each language's stored analysis was read (False: missing or stale), this process.
_READ: dict[str, bool] = {}


def caseless(source: str) -> Caseless:
    """The context pattern *source* as a `Caseless`, compiled when first searched."""
    key = (source, _FLAGS)
    found = KNOWN.get(key)
    if found is None:
        found = KNOWN[key] = analysed(source, _FLAGS)
        _WORKED_OUT.add(key)
    return Caseless(found)


def searched(source: str) -> re.Pattern[str]:
    """The context pattern *source*, case-insensitive, in its `searched_faster` form."""
    key = (source, _FLAGS)
    found = LEADS.get(key)
    if found is None:
        found = LEADS[key] = lead_source(source, _FLAGS)
        _WORKED_OUT.add(key)
    return led_or_plain(found[1], source, found[0])


def fingerprint() -> str:
    """What the stored analysis must have been worked out with: this layout, the modules that
    work it out (their source), and the Python whose ``re`` parsed the patterns."""
    digest = hashlib.sha256(f"{_LAYOUT}\n{sys.version_info[:2]}\n".encode())
    for module in (scanning, _caseless, endings):
        try:
            digest.update(Path(module.__file__ or "").read_bytes())
        except OSError:
            return ""  # no source to name the code by: never matches
    return digest.hexdigest()


def code_fingerprint() -> str:
    """What the stored code of the compiled patterns must have been made by: this very Python
    (its build, and the version of the code its ``_sre`` runs)."""
    return f"{sys.implementation.name} {sys.version} {_caseless.SRE}"


def _path(lang: str, folder: Path | None) -> Path:
    return (folder or tables.TABLES) / f"{lang}.context.tables"


def read(lang: str, folder: Path | None = None) -> bool:
    """Take in the stored analysis of *lang*'s context patterns, once per process (from
    *folder*, by default the package's tables); False when there is none, or it is stale."""
    if folder is not None:
        return _read(_path(lang, folder)) > 0
    if lang not in _READ:
        _READ[lang] = _read(_path(lang, None)) > 0
    return _READ[lang]


def _read(path: Path) -> int:
    """Take in what *path* holds: 0 when nothing (missing, damaged or stale), 1 the analysis,
    2 the analysis and the code of its compiled forms (made by this Python)."""
    try:
        stored = pickle.loads(  # package data, as trusted as the code
            zlib.decompress(path.read_bytes())
        )
        if stored["fingerprint"] != fingerprint():
            return 0
        KNOWN.update(stored["caseless"])
        LEADS.update(stored["searched"])
        endings.KNOWN_ENDS.update(stored["ends"])
        if stored["code_fingerprint"] != code_fingerprint():
            return 1  # another Python: each form is compiled by ``re``
        _caseless.KNOWN_CODE.update(stored["code"])
    except FileNotFoundError:
        return 0
    except Exception:  # a damaged file or another layout: the patterns are analysed instead
        return 0
    return 2


def _forget() -> None:
    KNOWN.clear()
    LEADS.clear()
    _caseless.KNOWN_CODE.clear()
    endings.KNOWN_ENDS.clear()
    _WORKED_OUT.clear()
    _READ.clear()


def fresh(lang: str, folder: Path, build: Callable[[], Iterable[Caseless]]) -> bool:
    """Whether *folder* holds the analysis of every pattern *build* compiles for *lang* (it
    returns the cues whose endings are wanted). Empties this process's analyses first."""
    _forget()
    if _read(_path(lang, folder)) < 2:
        return False
    cues = list(build())
    return not _WORKED_OUT and all((cue.source, cue.flags) in endings.KNOWN_ENDS for cue in cues)


def write(lang: str, folder: Path, build: Callable[[], Iterable[Caseless]]) -> Path:
    """Work out the analysis of every pattern *build* compiles for *lang* (and the endings of
    the cues it returns) and write it into *folder*. Empties this process's analyses first."""
    _forget()
    ends = {(cue.source, cue.flags): endings.tails(cue.source, cue.flags) for cue in build()}
    stored = {
        "fingerprint": fingerprint(),
        "caseless": dict(KNOWN),
        "searched": dict(LEADS),
        "ends": ends,
        "code_fingerprint": code_fingerprint(),
        "code": _codes(),
    }
    folder.mkdir(parents=True, exist_ok=True)
    path = _path(lang, folder)
    path.write_bytes(zlib.compress(pickle.dumps(stored, protocol=4), 6))
    _forget()
    return path


def _codes() -> dict[tuple[str, int], Code]:
    """The code of the form of each known pattern that is searched first: its form for
    `lowered` text where it has one, else the pattern itself (as `Caseless` compiles them)."""
    codes: dict[tuple[str, int], Code] = {}
    for source, flags in KNOWN:
        full, _source, led, low, low_led = KNOWN[source, flags]
        if low is not None:
            _add_code(codes, (low_led, low), full & ~re.IGNORECASE)
        else:
            _add_code(codes, (led, source), full)
    for source, flags in LEADS:
        full, led = LEADS[source, flags]
        _add_code(codes, (led, source), full)
    return codes


def _add_code(
    codes: dict[tuple[str, int], Code], forms: tuple[str | None, str], flags: int
) -> None:
    """The code of the first of *forms* that compiles (as `caseless.led_or_plain` takes them)."""
    for form in forms:
        if form is not None:
            try:
                codes[form, flags] = code_of(form, flags)
            except re.error:
                continue
            return
