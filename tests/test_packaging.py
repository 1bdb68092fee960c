"""The package as users get it: the wheel carries the grammars and data, and both a wheel
install and an editable install find their grammars (STYLE.md §d.5).

These build and install for real (virtualenvs, pip, PyPI for the dependencies), so they take
a minute; they are marked ``slow`` and still run by default.
"""

from __future__ import annotations

import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHECK = "import sentencenorm; print(sentencenorm.parse('six months to 10 years'))"

pytestmark = pytest.mark.slow


def _run(*command: str | Path, cwd: Path | None = None) -> str:
    result = subprocess.run(
        [str(part) for part in command], cwd=cwd, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"
    return result.stdout


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """sdist and wheel, the wheel built from the sdist (python -m build's default)."""
    out = tmp_path_factory.mktemp("dist")
    _run(sys.executable, "-m", "build", "--outdir", out, ROOT)
    return out


@pytest.fixture(scope="module")
def wheel(dist: Path) -> Path:
    (path,) = dist.glob("sentencenorm-*.whl")
    return path


def _fresh_python(where: Path) -> Path:
    venv.create(where, with_pip=True, clear=True)
    return where / "bin" / "python"


def test_wheel_carries_grammars_data_and_entry_point(wheel: Path) -> None:
    """The wheel built from the sdist holds every grammar, data file, py.typed and the script."""
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
        text = archive.read(entry_points).decode()
    for required in (
        "sentencenorm/grammar/en.lark",
        "sentencenorm/grammar/common.lark",
        "sentencenorm/grammar/notation.lark",
        "sentencenorm/py.typed",
        "sentencenorm/data/lexicon/en.toml",
        "sentencenorm/data/locales/en.toml",
    ):
        assert required in names, required
    assert "sentencenorm = sentencenorm.cli:main" in text


def test_sdist_carries_the_grammar_folder(dist: Path) -> None:
    """The sdist ships grammar/ at the top, where the wheel build copies it from."""
    import tarfile

    (sdist,) = dist.glob("sentencenorm-*.tar.gz")
    with tarfile.open(sdist) as archive:
        names = archive.getnames()
    assert any(name.endswith("/grammar/en.lark") for name in names)


def test_installed_wheel_finds_its_grammars(wheel: Path, tmp_path: Path) -> None:
    """Installed from the wheel, away from the checkout, the package reads phrases."""
    python = _fresh_python(tmp_path / "venv")
    _run(python, "-m", "pip", "install", "--quiet", wheel)
    assert _run(python, "-c", CHECK, cwd=tmp_path).strip() == "custody P6M..P10Y"
    script = tmp_path / "venv" / "bin" / "sentencenorm"
    assert "custody P7Y" in _run(script, "84 months", cwd=tmp_path)


def test_editable_install_finds_the_checkout_grammars(tmp_path: Path) -> None:
    """pip install -e reads grammar/ from the checkout (no stray copy needed)."""
    python = _fresh_python(tmp_path / "venv")
    _run(python, "-m", "pip", "install", "--quiet", "-e", ROOT)
    assert _run(python, "-c", CHECK, cwd=tmp_path).strip() == "custody P6M..P10Y"
