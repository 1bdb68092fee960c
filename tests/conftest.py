"""Shared test configuration: Hypothesis profiles chosen by SENTENCENORM_HYPOTHESIS, and the
package's parse tables written before the run."""

from __future__ import annotations

import contextlib
import io
import os

import pytest
from hypothesis import HealthCheck, settings

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
    reads from its source (seconds each; Chinese about 40 s). Tests that must build from the
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
