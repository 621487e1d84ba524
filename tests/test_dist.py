"""dist/ never holds a half-written or half-updated build: not after errors, SIGINT or SIGKILL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import FIXTURES, REPO, SEED, make_workspace

from publisher.builder.dist import TEMP_SUFFIX, Release, remove_leftovers


def snapshot(dist: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(dist.iterdir())}


def test_release_publishes_all_or_nothing(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    dist.mkdir()
    (dist / "a.pdf").write_bytes(b"old a")
    with pytest.raises(RuntimeError), Release(dist) as release:
        release.add("a.pdf", b"new a")
        release.add("b.pdf", b"new b")
        raise RuntimeError("the EPUB failed")
    assert snapshot(dist) == {"a.pdf": b"old a"}
    with Release(dist) as release:
        release.add("a.pdf", b"new a")
        release.add("b.pdf", b"new b")
    assert snapshot(dist) == {"a.pdf": b"new a", "b.pdf": b"new b"}


def test_leftovers_of_dead_writers_go_and_those_of_live_ones_stay(tmp_path: Path) -> None:
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    (tmp_path / f".a.pdf.{dead.stdout.strip()}.x1{TEMP_SUFFIX}").write_bytes(b"")
    (tmp_path / f".b.pdf.{os.getpid()}.x2{TEMP_SUFFIX}").write_bytes(b"")
    remove_leftovers(tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == [f".b.pdf.{os.getpid()}.x2{TEMP_SUFFIX}"]


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A built workspace whose sources then change, so that a new build would change dist/."""
    root = make_workspace(tmp_path / "ws", REPO / "source" / SEED, FIXTURES / "book")
    result = subprocess.run([sys.executable, "-m", "publisher", "-C", str(root), "build"], capture_output=True)
    assert result.returncode == 0, result.stderr
    for manifest in (root / "source").glob("*/manifest.toml"):
        text = manifest.read_text(encoding="utf-8")
        manifest.write_text(text.replace('\ntitle = "', '\ntitle = "جديد: ', 1), encoding="utf-8")
    return root


def start_and_signal(root: Path, signum: int) -> subprocess.CompletedProcess:
    """Start a build, wait until it has staged its first artifact, then send `signum`."""
    process = subprocess.Popen(
        [sys.executable, "-m", "publisher", "-C", str(root), "build"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 120
    while not list((root / "dist").glob(f".*{TEMP_SUFFIX}")):
        assert process.poll() is None, "the build ended before it could be interrupted"
        assert time.monotonic() < deadline
        time.sleep(0.01)
    process.send_signal(signum)
    out, err = process.communicate(timeout=120)
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


def test_a_killed_build_leaves_the_previous_artifacts_and_the_next_build_cleans_up(workspace: Path) -> None:
    before = snapshot(workspace / "dist")
    result = start_and_signal(workspace, signal.SIGKILL)
    assert result.returncode == -signal.SIGKILL
    visible = {name: data for name, data in snapshot(workspace / "dist").items() if not name.startswith(".")}
    assert visible == before
    assert list((workspace / "dist").glob(f".*{TEMP_SUFFIX}"))  # what the killed process left

    again = subprocess.run(
        [sys.executable, "-m", "publisher", "-C", str(workspace), "build", "book"], capture_output=True, text=True
    )
    assert again.returncode == 0, again.stderr
    assert not list((workspace / "dist").glob(".*"))
    assert snapshot(workspace / "dist")[f"{SEED}.pdf"] == before[f"{SEED}.pdf"]


def test_an_interrupted_build_says_so_and_leaves_dist_as_it_was(workspace: Path) -> None:
    before = snapshot(workspace / "dist")
    result = start_and_signal(workspace, signal.SIGINT)
    assert result.returncode == 130
    assert result.stderr == "error: interrupted; dist/ keeps the files it had\n"
    assert snapshot(workspace / "dist") == before
