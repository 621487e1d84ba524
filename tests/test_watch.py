"""`publish watch`: rebuilds what changed, survives a bad save."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import FIXTURES, REPO, SEED, make_workspace

from publisher.builder.watch import affected, editor_temporary, watch
from publisher.workspace import Workspace


def test_a_source_change_touches_its_publication_and_a_template_change_all(tmp_path: Path) -> None:
    root = make_workspace(tmp_path / "ws", FIXTURES / "book", REPO / "source" / SEED)
    space = Workspace(root)
    wanted = ["book", SEED]
    assert affected(space, [root / "source" / "book" / "a-second.md"], wanted) == ["book"]
    assert affected(space, [root / "templates" / "pdf" / "book.css"], wanted) == wanted


def test_watch_rebuilds_after_changes_and_survives_a_bad_save(tmp_path: Path) -> None:
    root = make_workspace(tmp_path / "ws", FIXTURES / "book")
    manifest = root / "source" / "book" / "manifest.toml"
    good = manifest.read_text(encoding="utf-8")

    def saves():
        manifest.write_text(good.replace("authors =", "auteurs ="), encoding="utf-8")
        yield {("modified", str(manifest))}
        manifest.write_text(good.replace("دار التجربة", "دار أخرى"), encoding="utf-8")
        yield {("modified", str(manifest))}

    lines: list[str] = []
    watch(root, [], lines.append, saves())
    lines = [re.sub(r" \(\d+ KB\)$", " (N KB)", line) for line in lines]  # sizes, as build prints them
    assert lines[:5] == [
        "wrote dist/book.pdf (N KB)",
        "wrote dist/book.epub (N KB)",
        "wrote dist/book.html (N KB)",
        "watching source/ (Ctrl-C to stop)",
        "changed: manifest.toml",
    ]
    assert "error: source/book/manifest.toml: unknown key 'auteurs' (did you mean 'authors'?)" in lines
    assert lines.index("waiting for the next change") < len(lines) - 4
    assert lines[-4:] == [
        "changed: manifest.toml",
        "wrote dist/book.pdf (N KB)",
        "wrote dist/book.epub (N KB)",
        "wrote dist/book.html (N KB)",
    ]


EDITOR_FILES = [
    ".article.md.swp",  # vim's swap file
    ".article.md.swx",  # vim's probe
    ".article.md.swo",  # vim's second swap file
    "article.md~",  # a backup
    "4913",  # vim's test that it may write the folder
    "5036",  # the next name vim tries
    ".#article.md",  # emacs's lock
    "#article.md#",  # emacs's auto-save
    "article.md.tmp",
    ".article.md.tmpXYZ",  # an atomic save
    "sed3KSKGZ",  # sed -i
    ".~lock.article.odt#",  # LibreOffice
]


@pytest.mark.parametrize("name", EDITOR_FILES)
def test_editor_temporary_files_are_not_changes(name: str) -> None:
    assert editor_temporary(Path("source") / "book" / name)


@pytest.mark.parametrize("name", ["article.md", "manifest.toml", "2024.md", "4914", "seditions", "sedan.md", "x.css"])
def test_real_files_are_changes(name: str) -> None:
    assert not editor_temporary(Path("source") / "book" / name)


def test_saves_that_write_only_editor_files_rebuild_nothing(tmp_path: Path) -> None:
    root = make_workspace(tmp_path / "ws", FIXTURES / "book")
    (root / "templates").mkdir()
    folder = root / "source" / "book"

    def saves():
        yield {("added", str(folder / name)) for name in EDITOR_FILES}
        yield {("added", str(root / "templates" / "4913")), ("deleted", str(folder / "sed3KSKGZ"))}
        yield {("added", str(folder / ".a-second.md.swp")), ("modified", str(folder / "a-second.md"))}

    lines: list[str] = []
    watch(root, [], lines.append, saves())
    assert lines[3] == "watching source/, templates/ (Ctrl-C to stop)"
    assert [line for line in lines if line.startswith("changed")] == ["changed: a-second.md"]


def test_the_watch_command_sees_a_real_file_change(tmp_path: Path) -> None:
    root = make_workspace(tmp_path / "ws", FIXTURES / "book")
    process = subprocess.Popen(
        [sys.executable, "-m", "publisher", "-C", str(root), "watch", "book"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        epub = root / "dist" / "book.epub"
        deadline = time.monotonic() + 120
        while not epub.exists():
            assert process.poll() is None and time.monotonic() < deadline
            time.sleep(0.1)
        first = epub.stat().st_mtime_ns
        time.sleep(1)  # let the watcher start
        chapter = root / "source" / "book" / "a-second.md"
        chapter.write_text(chapter.read_text(encoding="utf-8") + "\nفقرة جديدة.\n", encoding="utf-8")
        while epub.stat().st_mtime_ns == first:
            assert process.poll() is None and time.monotonic() < deadline
            time.sleep(0.1)
    finally:
        process.terminate()
        out, _ = process.communicate(timeout=30)
    assert "changed: a-second.md" in out
    assert "watching source/ (Ctrl-C to stop)" in out


def test_watching_a_publication_that_does_not_exist_exits_2_at_once(tmp_path: Path) -> None:
    root = make_workspace(tmp_path / "ws", FIXTURES / "book")
    result = subprocess.run(
        [sys.executable, "-m", "publisher", "-C", str(root), "watch", "nosuch"],
        capture_output=True,
        text=True,
        timeout=60,  # it used to print the error and wait for a change forever
    )
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == "error: source/nosuch: no such publication (there are: book)\n"
    assert not (root / "dist").exists()


def test_a_publication_deleted_while_watching_loses_its_artifacts(tmp_path: Path) -> None:
    import shutil

    root = make_workspace(tmp_path / "ws", FIXTURES / "book", REPO / "source" / SEED)

    def saves():
        shutil.rmtree(root / "source" / "book")
        yield {("deleted", str(root / "source" / "book" / "manifest.toml"))}

    lines: list[str] = []
    watch(root, [], lines.append, saves())
    assert "removed dist/book.pdf" in lines and "removed dist/book.epub" in lines, lines
    assert "removed dist/book.html" in lines, lines
    assert sorted(p.name for p in (root / "dist").iterdir()) == [
        "SHA256SUMS",
        "assets",
        f"{SEED}.epub",
        f"{SEED}.html",
        f"{SEED}.pdf",
        "index.html",
    ]
    assert "book" not in (root / "dist" / "SHA256SUMS").read_text()
