"""Shared test configuration: Hypothesis profiles chosen by SENTENCENORM_HYPOTHESIS, the
package's parse tables written before the run, and Lark's terminal collision check kept for the
strict builds that test it."""

from __future__ import annotations

import contextlib
import io
import os

import lark.lexer
import pytest
from hypothesis import HealthCheck, settings

# Lark compares every pair of terminals for a collision (interegular, which the test extra
# installs for strict builds) whenever it builds a lexer; a build that is not strict only logs
# what it finds, to a logger Lark keeps at CRITICAL, so nothing sees it. For Chinese that is
# about 90 s of CPU per build, and the suite builds grammars from their source in several places
# (the tables below, tests/test_tables.py, fallbacks). Off for the session; the strict builds,
# where a collision fails (tests/test_grammars.py), turn it back on with
# `helpers.collisions_checked`. A strict build without it raises LexError: never skipped.
lark.lexer.has_interegular = False

settings.register_profile(
    "ci", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "dev", max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("fast", max_examples=20, deadline=None)
settings.load_profile(os.environ.get("SENTENCENORM_HYPOTHESIS", "ci"))


def pytest_configure(config: pytest.Config) -> None:
    """Write the package's parse tables where they are missing or stale, once per run, before
    any test (or xdist worker) starts: an editable install has none (hatch_build.py), and
    without them every process of the suite, subprocesses included, builds each grammar it
    reads from its source (each pays Lark's collision check there: Chinese about 90 s of CPU;
    here, with the check off, all of them take a few seconds). Tests that must build from the
    grammar still do (`grammars.build_fresh`, strict builds); tables never stand in for them.
    """
    if hasattr(config, "workerinput"):  # an xdist worker: the controller wrote them
        return
    from sentencenorm import _build_tables
    from sentencenorm.reading.tables import TABLES

    if TABLES.parent.parent.name != "src":  # an installed package: never written into
        return

    with contextlib.redirect_stdout(io.StringIO()):
        _build_tables.main(["--stale"])
