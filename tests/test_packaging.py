"""The wheel carries the default templates and fonts, so `pip install` + `publish build` works anywhere."""

from __future__ import annotations

import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

from conftest import FIXTURES, REPO, make_workspace, run_publish


def test_wheel_ships_the_defaults_and_builds_outside_the_repo(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--wheel-dir",
            str(tmp_path / "wheel"),
            str(REPO),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    wheel = next((tmp_path / "wheel").glob("publish-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for packaged in (
        "templates/pdf/book.html.j2",
        "templates/partials/body.html.j2",
        "templates/epub/book.css",
        "fonts/Amiri-Regular.ttf",
        "fonts/Amiri-BoldSlanted.ttf",
        "fonts/OFL-Amiri.txt",
        "colour/Artifex-CMYK-SWOP.icc",
        "colour/LICENSE-Artifex-CMYK-SWOP.txt",
    ):
        assert f"publisher/_defaults/{packaged}" in names, packaged
    assert "publisher/py.typed" in names
    assert "publisher/pdf/fontconfig.conf" in names

    site = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(site), str(wheel)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    workspace = make_workspace(tmp_path / "elsewhere", FIXTURES / "book")
    env = {"PYTHONPATH": str(site)}
    where = subprocess.run(
        [sys.executable, "-c", "import publisher; print(publisher.__file__)"],
        cwd=workspace,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert where.stdout.startswith(str(site))

    result = run_publish("build", cwd=workspace, env=env)
    assert result.returncode == 0, result.stderr
    assert (workspace / "dist" / "book.pdf").read_bytes().startswith(b"%PDF")


SDIST_ROOTS = ("publisher", "templates", "fonts", "colour", "source", "tests", "benchmarks", "tools", "docs")


def test_sdist_holds_exactly_the_tracked_files(tmp_path: Path) -> None:
    """Every tracked file of the project's folders (benchmarks/text_fidelity.py, which a test imports,
    among them) and nothing else: no node_modules from `npm ci`, no bytecode, no build cache."""
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "sdist", "-d", str(tmp_path)],
        cwd=REPO,
        check=True,
        capture_output=True,
        timeout=300,
    )
    (sdist,) = tmp_path.glob("publish-*.tar.gz")
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    tracked = subprocess.run(
        ["git", "ls-files", *SDIST_ROOTS, "README.md", "LICENSE", "pyproject.toml"],
        cwd=REPO,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    assert "benchmarks/text_fidelity.py" in names
    assert not [n for n in names if "node_modules" in n or "__pycache__" in n]
    assert names - {".gitignore", "PKG-INFO"} == set(tracked)
