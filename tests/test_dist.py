"""dist/ never holds a half-written or half-updated build: not after errors, SIGINT or SIGKILL."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import FIXTURES, REPO, SEED, copy_built, interruptible, make_workspace, run_publish

from publisher.builder.dist import TEMP_SUFFIX, Release, remove_leftovers
from publisher.cli import dist_changes


def snapshot(dist: Path) -> dict[str, bytes]:
    return {p.relative_to(dist).as_posix(): p.read_bytes() for p in sorted(dist.rglob("*")) if p.is_file()}


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


def test_a_release_undone_takes_its_half_made_temporary_files_too(tmp_path: Path) -> None:
    """A Ctrl-C inside `stage`, after mkstemp made the file and before it was returned, left an empty
    ".a.pdf.PID.x.partial" in dist/; the Release never knew of it. Undone, it deletes this process's own."""
    import os
    import tempfile

    dist = tmp_path / "dist"
    (dist / "assets").mkdir(parents=True)
    (dist / "a.pdf").write_bytes(b"old a")
    others = dist / ".b.pdf.1.x.partial"  # another writer's: left to remove_leftovers
    others.write_bytes(b"")
    with pytest.raises(KeyboardInterrupt), Release(dist):
        for folder in (dist, dist / "assets"):
            tempfile.mkstemp(dir=folder, prefix=f".a.pdf.{os.getpid()}.", suffix=".partial")
        raise KeyboardInterrupt
    assert snapshot(dist) == {"a.pdf": b"old a", others.name: b""}


def test_leftovers_of_dead_writers_go_and_those_of_live_ones_stay(tmp_path: Path) -> None:
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    (tmp_path / f".a.pdf.{dead.stdout.strip()}.x1{TEMP_SUFFIX}").write_bytes(b"")
    (tmp_path / f".b.pdf.{os.getpid()}.x2{TEMP_SUFFIX}").write_bytes(b"")
    remove_leftovers(tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == [f".b.pdf.{os.getpid()}.x2{TEMP_SUFFIX}"]


@pytest.fixture(scope="module")
def pair_built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed and the book, built by the command, once for the module (tests change copies of it)."""
    root = make_workspace(tmp_path_factory.mktemp("dist") / "ws", REPO / "source" / SEED, FIXTURES / "book")
    result = run_publish("-C", str(root), "build")
    assert result.returncode == 0, result.stderr
    return root


@pytest.fixture
def workspace(pair_built: Path, tmp_path: Path) -> Path:
    """A built workspace whose sources then change, so that a new build would change dist/."""
    root = copy_built(pair_built, tmp_path / "ws")
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
        preexec_fn=interruptible,
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


def consistent(dist: Path) -> None:
    """SHA256SUMS passes `sha256sum -c` and lists exactly the PDFs, EPUBs, web editions and their assets, and
    the page links to exactly the publications' files."""
    import re

    result = subprocess.run(["sha256sum", "--check", "--strict", "SHA256SUMS"], cwd=dist, capture_output=True)
    assert result.returncode == 0, result.stdout
    files = {p.name for p in dist.iterdir() if p.suffix in (".pdf", ".epub", ".html") and p.name != "index.html"}
    assets = {f"assets/{p.name}" for p in (dist / "assets").iterdir()} if (dist / "assets").is_dir() else set()
    assert {line.split("  ")[1] for line in (dist / "SHA256SUMS").read_text().splitlines()} == files | assets
    assert set(re.findall(r'href="([^"]+\.(?:pdf|epub|html))"', (dist / "index.html").read_text())) == files
    assert not list(dist.glob(".*"))


def killed_build(root: Path, after: int) -> subprocess.CompletedProcess:
    """A build that kills itself right after its `after`-th change to dist/ (the test hook). The fixture's
    build renames two artifacts, index.html, then SHA256SUMS."""
    return run_publish("-C", str(root), "build", env={"PUBLISH_FAULT": f"after-rename:{after}"})


@pytest.mark.parametrize(("after", "repair"), [(1, "build"), (2, "site"), (3, "watch")])
def test_a_build_killed_between_renames_is_repaired_by_the_next_command(
    workspace: Path, after: int, repair: str
) -> None:
    from publisher.builder.watch import watch

    dist = workspace / "dist"
    result = killed_build(workspace, after)
    assert result.returncode == -signal.SIGKILL, result.stderr
    mismatch = subprocess.run(["sha256sum", "--check", "--strict", "SHA256SUMS"], cwd=dist, capture_output=True)
    assert mismatch.returncode != 0  # what the issue saw: a new file beside the old SHA256SUMS
    if repair == "build":
        checked = run_publish("-C", str(workspace), "check")
        assert checked.returncode == 2
        said = (
            ": its SHA-256 is not the one SHA256SUMS lists (an interrupted build?); run publish build to repair dist/"
        )
        assert len([line for line in checked.stderr.splitlines() if line.endswith(said)]) == 1, checked.stderr
    if repair == "watch":
        lines: list[str] = []
        watch(workspace, [], lines.append, iter(()))
        assert any(line.startswith("repaired: dist/") for line in lines), lines
    else:
        fixed = run_publish("-C", str(workspace), repair)
        assert fixed.returncode == 0, fixed.stderr
        assert ("repaired: dist/" if repair == "build" else "wrote dist/SHA256SUMS") in fixed.stdout
    consistent(dist)
    again = run_publish("-C", str(workspace), "build", "--json")
    assert again.returncode == 0 and json.loads(again.stdout)["repaired"] == [], again.stdout
    consistent(dist)


def test_renames_go_artifacts_first_and_checksums_last(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    renamed: list[str] = []
    replace = os.replace
    monkeypatch.setattr(os, "replace", lambda a, b: renamed.append(Path(b).name) or replace(a, b))
    (tmp_path / "gone.pdf").write_bytes(b"old")
    with Release(tmp_path) as release:
        release.add("SHA256SUMS", b"sums")
        release.add("index.html", b"page")
        release.add("a.pdf", b"a")
        release.remove("gone.pdf")
        release.add("a.epub", b"a")
        assert sorted(release.files((".pdf", ".epub"))) == ["a.epub", "a.pdf"]
    assert renamed == ["a.pdf", "a.epub", "index.html", "SHA256SUMS"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["SHA256SUMS", "a.epub", "a.pdf", "index.html"]


@pytest.fixture
def pair(pair_built: Path, tmp_path: Path) -> Path:
    """A built workspace of two publications."""
    return copy_built(pair_built, tmp_path / "ws")


def test_a_build_removes_the_artifacts_of_a_publication_that_is_gone_and_nothing_else(pair: Path) -> None:
    import shutil

    dist = pair / "dist"
    (dist / "notes.pdf").write_bytes(b"%PDF a file someone put here")  # not publish's: never listed, never removed
    shutil.rmtree(pair / "source" / "book")
    for partial in (["build", SEED], ["build", "--shard", "1/1"]):  # part of the workspace: nothing removed
        result = run_publish("-C", str(pair), *partial)
        assert result.returncode == 0, result.stderr
        assert (dist / "book.pdf").exists() and (dist / "book.epub").exists()
    checked = run_publish("-C", str(pair), "check")
    assert checked.returncode == 2
    assert "error: dist/book.pdf: source/book is gone; run publish build to remove it" in checked.stderr
    assert (dist / "book.pdf").exists()  # check writes nothing

    check = run_publish("-C", str(pair), "build", "--check")
    assert check.returncode == 2
    assert "error: dist/book.pdf: no publication in source/ makes it any more; run publish build to remove it" in (
        check.stderr
    )
    result = run_publish("-C", str(pair), "build", "--json")
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["removed"] == ["dist/book.epub", "dist/book.html", "dist/book.pdf"] and summary["repaired"] == []
    assert dist_changes(summary["removed"], [])[:3] == [  # what the command prints without --json
        "removed dist/book.epub (its publication is no longer in source/)",
        "removed dist/book.html (its publication is no longer in source/)",
        "removed dist/book.pdf (its publication is no longer in source/)",
    ]
    assert sorted(p.name for p in dist.iterdir()) == [
        "SHA256SUMS",
        "assets",
        f"{SEED}.epub",
        f"{SEED}.html",
        f"{SEED}.pdf",
        "index.html",
        "notes.pdf",
    ]
    (dist / "notes.pdf").unlink()
    consistent(dist)
    assert "book" not in (dist / "index.html").read_text()


def test_removed_only_what_publish_listed_or_recorded(tmp_path: Path) -> None:
    from publisher.builder.dist import orphans

    (tmp_path / "SHA256SUMS").write_text(f"{'0' * 64}  old.pdf\n")
    for name in ("old.pdf", "cached.epub", "mine.pdf", "kept.pdf", "kept.epub"):
        (tmp_path / name).write_bytes(b"x")
    assert orphans(tmp_path, ["kept"], lambda name: name == "cached.epub") == ["cached.epub", "old.pdf"]
