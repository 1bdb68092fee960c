"""The README's promises hold: its command-line examples run as shown, and the two commands
CI runs (install-and-run, test) are where .ci/run looks for them.

The Python examples in README.md run as doctests (pytest's --doctest-glob, pyproject.toml).
"""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[1] / "README.md"
TEXT = README.read_text(encoding="utf-8")


def console_examples() -> list[tuple[str, list[str]]]:
    """(command, expected output lines) for each ``$ `` line in the console blocks."""
    examples = []
    for block in re.findall(r"```console\n(.*?)```", TEXT, re.S):
        lines = block.rstrip("\n").split("\n")
        for index, line in enumerate(lines):
            if line.startswith("$ "):
                output = []
                for following in lines[index + 1 :]:
                    if following.startswith("$ "):
                        break
                    output.append(following)
                examples.append((line[2:], output))
    return examples


@pytest.mark.parametrize(("command", "expected"), console_examples(), ids=lambda v: str(v)[:40])
def test_console_example_runs_as_shown(command: str, expected: list[str], tmp_path: Path) -> None:
    """Each `$ sentencenorm ...` example runs, exits 0 and prints what the README shows."""
    (tmp_path / "phrases.txt").write_text(
        "six months to 10 years\nlife without parole\n", encoding="utf-8"
    )
    runnable = command.replace("sentencenorm", f"{shlex.quote(sys.executable)} -m sentencenorm", 1)
    result = subprocess.run(
        ["bash", "-c", runnable], cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout.splitlines() == expected
    if "> out.jsonl" in command:  # one JSON line per input line
        assert len((tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()) == 2


@pytest.mark.parametrize("marker", ["install-and-run", "test"])
def test_ci_commands_are_one_line_after_their_marker(marker: str) -> None:
    """.ci/run finds exactly one command line in the block after each marker."""
    match = re.search(rf"<!-- ci: {marker} -->\n```\n(.*?)\n```", TEXT, re.S)
    assert match, f"no ```-block after <!-- ci: {marker} -->"
    assert "\n" not in match.group(1).strip()
