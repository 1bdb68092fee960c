"""The package as users get it: the wheel carries the grammars and data, and both a wheel
install and an editable install find their grammars (STYLE.md §d.5).

These build and install for real (``python -m build``, fresh virtualenvs without the system
site-packages, pip fetching the dependencies from PyPI), so they take a minute or two; they
are marked ``slow`` and still run by default (``-m "not slow"`` leaves them out).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import venv
import zipfile
from pathlib import Path

import pytest

from sentencenorm import languages

ROOT = Path(__file__).resolve().parents[1]

# Run in the installed environment, from a temporary folder: parses a phrase and says where the
# code and the grammars were found.
CHECK = """\
import sentencenorm
from sentencenorm._resources import grammar_dir
from sentencenorm.reading import grammars
print(sentencenorm.parse('six months to 10 years'))
print(sentencenorm.__file__)
print(grammar_dir())
print('en' in grammars._FROM_TABLES)
"""

pytestmark = pytest.mark.slow


def _environment() -> dict[str, str]:
    """This process's environment, less what would let a child find the checkout's code."""
    hidden = {"PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "VIRTUAL_ENV"}
    return {key: value for key, value in os.environ.items() if key not in hidden}


def _run(*command: str | Path, cwd: Path | None = None) -> str:
    result = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=_environment(),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"
    return result.stdout


def _build(tmp_path_factory: pytest.TempPathFactory, *how: str | Path) -> Path:
    out = tmp_path_factory.mktemp("dist")
    _run(sys.executable, "-m", "build", *how, "--outdir", out, cwd=out)
    return out


def _only(folder: Path, pattern: str) -> Path:
    found = sorted(folder.glob(pattern))
    assert len(found) == 1, f"expected one {pattern} in {folder}, found {found}"
    return found[0]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel built straight from the checkout (``python -m build --wheel``)."""
    return _only(_build(tmp_path_factory, "--wheel", ROOT), "sentencenorm-*.whl")


@pytest.fixture(scope="module")
def via_sdist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``python -m build`` with no target: an sdist, then a wheel built from that sdist."""
    return _build(tmp_path_factory, ROOT)


@pytest.fixture(scope="module")
def sdist(via_sdist: Path) -> Path:
    return _only(via_sdist, "sentencenorm-*.tar.gz")


@pytest.fixture(scope="module")
def wheel_from_sdist(via_sdist: Path) -> Path:
    return _only(via_sdist, "sentencenorm-*.whl")


def _fresh_python(where: Path) -> Path:
    """A new virtualenv with pip and nothing else (no system site-packages)."""
    venv.create(where, with_pip=True, clear=True, system_site_packages=False)
    return where / "bin" / "python"


def _check_wheel(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        entry_points = _only_name(names, ".dist-info/entry_points.txt")
        scripts = archive.read(entry_points).decode()
    for required in (
        "sentencenorm/grammar/en.lark",
        "sentencenorm/grammar/common.lark",
        "sentencenorm/grammar/skeleton.lark",
        "sentencenorm/grammar/notation.lark",
        "sentencenorm/py.typed",
        "sentencenorm/data/lexicon/en.toml",
        "sentencenorm/data/lexicon/zh.toml",
        "sentencenorm/grammar/zh.lark",
        "sentencenorm/grammar/zh.context.toml",
        "sentencenorm/data/locales/en.toml",
        "sentencenorm/data/conventions.toml",
        "sentencenorm/data/bands/space1.toml",
        "sentencenorm/data/bands/bop.toml",
        "sentencenorm/data/labels.toml",
        *(f"sentencenorm/data/jurisdictions/{code}.toml" for code in JURISDICTIONS),
        *(f"sentencenorm/tables/{lang}.tables" for lang in (*languages(), "notation")),
        *(f"sentencenorm/tables/{lang}.context.tables" for lang in languages()),
    ):
        assert required in names, f"{required} is missing from {wheel.name}"
    assert "[console_scripts]\nsentencenorm = sentencenorm.cli:main" in scripts, scripts
    # Hypothesis registers the model's types through this (sentencenorm.strategies).
    assert "[hypothesis]\n_ = sentencenorm.strategies:_hypothesis_setup_hook" in scripts, scripts
    assert "sentencenorm/strategies.py" in names
    # spaCy finds the pipeline component through this (sentencenorm.spacy_pipe).
    assert "[spacy_factories]\nsentencenorm = sentencenorm.spacy_pipe:make_component" in scripts
    assert "sentencenorm/spacy_pipe.py" in names


def _only_name(names: set[str], suffix: str) -> str:
    found = [name for name in names if name.endswith(suffix)]
    assert len(found) == 1, found
    return found[0]


JURISDICTIONS = ("root", "US", "US-CA", "GB", "CN", "DE", "FR", "NO")


def test_wheel_carries_grammars_data_and_entry_point(wheel: Path) -> None:
    """The wheel holds every grammar, the data files, py.typed, the console script and the
    Hypothesis and spaCy entry points."""
    _check_wheel(wheel)


def test_sdist_then_wheel_still_carries_the_grammars(sdist: Path, wheel_from_sdist: Path) -> None:
    """sdist -> wheel: the sdist keeps grammar/ at the top, and the wheel built from it has
    the grammars inside the package (a sdist force-include would break this, pypa/hatch#1305).
    """
    with tarfile.open(sdist) as archive:
        names = archive.getnames()
    for grammar in ("en.lark", "common.lark", "skeleton.lark", "notation.lark"):
        assert any(name.endswith(f"/grammar/{grammar}") for name in names), grammar
    _check_wheel(wheel_from_sdist)


def test_installed_wheel_finds_its_grammars(wheel: Path, tmp_path: Path) -> None:
    """Installed from the wheel, run away from the checkout, the package reads phrases with
    the grammars inside its own install; the console script works too."""
    python = _fresh_python(tmp_path / "venv")
    _run(python, "-m", "pip", "install", "--quiet", wheel)
    work = tmp_path / "elsewhere"
    work.mkdir()
    parsed, module, grammars, from_tables = _run(python, "-c", CHECK, cwd=work).splitlines()
    assert parsed == "custody P6M..P10Y"
    assert from_tables == "True"  # the wheel's tables, built with the Lark it installs
    site = (tmp_path / "venv").resolve()
    assert Path(module).resolve().is_relative_to(site), module
    assert Path(grammars).resolve() == Path(module).resolve().parent / "grammar"
    assert not Path(grammars).resolve().is_relative_to(ROOT), grammars
    script = tmp_path / "venv" / "bin" / "sentencenorm"
    assert "custody P7Y" in _run(script, "84 months", cwd=work)
    compared = _run(script, "compare", "life", "25 years", "--jurisdiction", "DE", cwd=work)
    assert compared.startswith("OVERLAPS"), compared  # the profiles ship in the wheel


def test_pip_install_from_the_checkout_in_a_bare_venv(tmp_path: Path) -> None:
    """The README's own install (``pip install .`` in a venv with nothing in it) builds the
    wheel's tables in pip's isolated build environment, whose packages the build hook's
    child process must see, and installs a package that reads from them."""
    python = _fresh_python(tmp_path / "venv")
    _run(python, "-m", "pip", "install", "--quiet", ROOT)
    work = tmp_path / "elsewhere"
    work.mkdir()
    parsed, _, _, from_tables = _run(python, "-c", CHECK, cwd=work).splitlines()
    assert parsed == "custody P6M..P10Y"
    assert from_tables == "True"


def test_editable_install_finds_the_checkout_grammars(tmp_path: Path) -> None:
    """pip install -e runs the checkout's code with the checkout's grammar/ (§d.5), so an
    edited grammar takes effect without reinstalling."""
    python = _fresh_python(tmp_path / "venv")
    _run(python, "-m", "pip", "install", "--quiet", "-e", ROOT)
    work = tmp_path / "elsewhere"
    work.mkdir()
    parsed, module, grammars, _ = _run(python, "-c", CHECK, cwd=work).splitlines()
    assert parsed == "custody P6M..P10Y"
    assert Path(module).resolve() == ROOT / "src" / "sentencenorm" / "__init__.py"
    assert Path(grammars).resolve() == ROOT / "grammar"
