"""The README's first command, run as written, in as clean a place as this machine allows.

A copy of the repository (a clone, with the working tree's tracked files over it, so that what is
tested is what is on disk) without its dist/; an empty HOME; the PATH a fresh Debian 12 root shell
has, so `python3` is Debian's own (/usr/bin/python3, which refuses `pip install` outside a virtual
environment) and nothing of this machine's other Pythons, Node or tools is in reach; the apt-get
steps run as written (we are root; as another user they are checked with dpkg-query instead). Only
pip's download cache and its registry settings are this machine's: they change how fast packages
arrive, not which ones.

Slow (a new virtual environment takes a minute or two), so it is marked `slow`; it is part of the suite.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import REPO
from test_repo import readme_commands

DEBIAN_ROOT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
APT = re.compile(r"^apt-get update -qq && apt-get install -y -qq (?P<packages>[a-z0-9.+\- ]+?) && ")


def clean_copy(destination: Path) -> Path:
    """The repository as git tracks it, with the working tree's version of each tracked file."""
    subprocess.run(["git", "clone", "-q", str(REPO), str(destination)], check=True)
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True).stdout
    for name in tracked.decode().split("\0"):
        source = REPO / name
        if name and source.is_file() and not source.is_symlink():
            (destination / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, destination / name)
    return destination


def as_this_user(command: str) -> str:
    """The command as written for root; for another user, its apt-get steps become a check that the
    packages are installed (only root may install them)."""
    if os.geteuid() == 0:
        return command
    found = APT.match(command)
    assert found, command
    return f"dpkg-query -W {found['packages']} >/dev/null && " + command[found.end() :]


@pytest.fixture(scope="module")
def set_up(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """Run the README's first command in a clean copy of the repository whose dist/ is emptied."""
    folder = tmp_path_factory.mktemp("fresh")
    clone = clean_copy(folder / "publish")
    shutil.rmtree(clone / "dist")
    home = folder / "home"
    home.mkdir()
    env = {"HOME": str(home), "PATH": DEBIAN_ROOT_PATH, "DEBIAN_FRONTEND": "noninteractive"}
    env |= {name: value for name, value in os.environ.items() if name.startswith("PIP_")}  # registries
    env.setdefault("PIP_CACHE_DIR", str(Path.home() / ".cache" / "pip"))
    command = as_this_user(readme_commands()[0])
    result = subprocess.run(
        ["sh", "-c", command],  # dash on Debian: the block must not need bash
        cwd=clone,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=1200,
    )
    return clone, result


@pytest.mark.slow
def test_the_first_command_builds_dist_in_a_clean_copy(set_up: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    clone, result = set_up
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
    built = sorted(str(p.relative_to(clone / "dist")) for p in (clone / "dist").rglob("*") if p.is_file())
    assert built == sorted(str(p.relative_to(REPO / "dist")) for p in (REPO / "dist").rglob("*") if p.is_file())
    check = subprocess.run(["sha256sum", "--check", "--strict", "SHA256SUMS"], cwd=clone / "dist", capture_output=True)
    assert check.returncode == 0, check.stdout
    for name in built:  # the same bytes as the committed dist/, whichever Python made them
        assert (clone / "dist" / name).read_bytes() == (REPO / "dist" / name).read_bytes(), name


@pytest.mark.slow
def test_the_first_command_uses_a_venv_of_the_system_python(
    set_up: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    clone, result = set_up
    assert result.returncode == 0
    python = clone / ".venv" / "bin" / "python"
    base = subprocess.run([python, "-c", "import sys; print(sys.base_prefix)"], capture_output=True, text=True)
    expected = "/usr" if Path("/usr/bin/python3").exists() else base.stdout.strip()  # Debian's, where it is
    assert base.stdout.strip() == expected
    assert (clone / ".venv" / "bin" / "publish").exists()
