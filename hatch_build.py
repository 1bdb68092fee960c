"""Build hook: the wheel ships each language's parse tables (`sentencenorm.reading.tables`).

They are built here, from this source tree, with the Lark the build environment installs
(build-system.requires pins the same range as the package), and force-included as
``sentencenorm/tables``. An editable install skips them: it builds each grammar on first use,
so an edited grammar takes effect at once.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

ROOT = Path(__file__).resolve().parent


class TablesHook(BuildHookInterface):  # type: ignore[misc]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        out = Path(tempfile.mkdtemp(prefix="sentencenorm-tables-"))
        # The build environment's packages (lark, attrs... from build-system.requires) are on
        # this process's path, put there by the installer (pip's isolated build env is an
        # overlay, not this interpreter's site-packages): the child gets the same path.
        path = [str(ROOT / "src"), *(entry for entry in sys.path if entry)]
        environment = {**os.environ, "PYTHONPATH": os.pathsep.join(path)}
        subprocess.run(
            [sys.executable, "-m", "sentencenorm._build_tables", str(out)],
            check=True,
            cwd=ROOT,
            env=environment,
        )
        build_data["force_include"][str(out)] = "sentencenorm/tables"
