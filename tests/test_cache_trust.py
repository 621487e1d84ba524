"""The cache is workspace input: what it holds is checked before use, and a bad cache costs a render,
never a leaked file, a hang, a garbage artifact or a failed build."""

from __future__ import annotations

import base64
import io
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from readers import assert_epubs_valid

from publisher import build
from publisher.builder.cache import FOLDER
from publisher.builder.plan import write_site

SECRET = b"the machine's secret, never to be published\n"


def small_workspace(root: Path) -> Path:
    folder = root / "source" / "pub"
    folder.mkdir(parents=True)
    (folder / "manifest.toml").write_text('title = "مقال"\nauthors = ["أ"]\ndate = 2026-11-30\n', encoding="utf-8")
    (folder / "article.md").write_text("# مقال\n\nنص المقال.\n", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def original(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = small_workspace(tmp_path_factory.mktemp("cache") / "ws")
    build(root, jobs=1)
    assert_epubs_valid(root / "dist")
    return root


@pytest.fixture
def workspace(original: Path, tmp_path: Path) -> Path:
    root = tmp_path / "ws"
    shutil.copytree(original, root, symlinks=True)
    (tmp_path / "secret").write_bytes(SECRET)
    return root


def page_fonts_are_fonts(root: Path) -> None:
    """Every font the download page embeds is a WOFF2 file fontTools can read."""
    from fontTools.ttLib import TTFont

    page = (root / "dist" / "index.html").read_text(encoding="utf-8")
    fonts = re.findall(r"data:font/woff2;base64,([A-Za-z0-9+/=]+)", page)
    assert fonts
    for data in fonts:
        TTFont(io.BytesIO(base64.b64decode(data))).getBestCmap()


def remake_page(root: Path) -> str:
    (root / FOLDER / "artifacts" / "index.html.json").unlink()
    write_site(root)
    return (root / "dist" / "index.html").read_text(encoding="utf-8")


def test_a_linked_thumbnail_is_not_read_into_the_page(workspace: Path) -> None:
    thumbnails = sorted((workspace / FOLDER / "thumbnails").iterdir())
    assert thumbnails
    for kept in thumbnails:
        kept.unlink()
        kept.symlink_to(workspace.parent / "secret")
    page = remake_page(workspace)
    assert base64.b64encode(SECRET).decode()[:24] not in page
    assert all(not p.is_symlink() for p in (workspace / FOLDER / "thumbnails").iterdir())


@pytest.mark.parametrize("garbage", [b"", b"garbage", b"\0" * 40, b"wOF2" + os.urandom(2000)])
def test_garbage_kept_fonts_are_made_again(workspace: Path, garbage: bytes) -> None:
    for kept in (workspace / FOLDER / "fonts").iterdir():
        kept.write_bytes(garbage)
    remake_page(workspace)
    (workspace / FOLDER / "artifacts" / "pub.html.json").unlink()  # the web edition's fonts are kept there too
    build(workspace, jobs=1)
    page_fonts_are_fonts(workspace)
    assert all(kept.read_bytes() != garbage for kept in (workspace / FOLDER / "fonts").iterdir())  # made again


def test_a_kept_font_with_its_digest_forged_over_other_bytes_is_not_used(workspace: Path) -> None:
    for kept in (workspace / FOLDER / "fonts").iterdir():
        data = kept.read_bytes()
        kept.write_bytes(data[:32] + b"X" + data[33:])  # the stored digest no longer matches
    remake_page(workspace)
    page_fonts_are_fonts(workspace)


def edit_entry(root: Path, name: str, change) -> None:
    path = root / FOLDER / "artifacts" / f"{name}.json"
    entry = json.loads(path.read_text())
    change(entry)
    path.write_text(json.dumps(entry))


ENTRIES = {
    "inputs name a device": lambda e: e.update(inputs=["/dev/zero"]),
    "inputs climb out": lambda e: e.update(inputs=["../secret"]),
    "inputs name a pipe outside through a link": lambda e: e.update(inputs=["source/pub/pipe"]),
    "inputs are not a list": lambda e: e.update(inputs=5),
    "stat is a string": lambda e: e.update(stat="x"),
    "size is negative": lambda e: e.update(size=-1),
    "key is not hex": lambda e: e.update(key="../../etc"),
    "a warning with a terminal escape": lambda e: e.update(warnings=["\x1b]0;owned\x07 \x1b[2J"]),
    "a warning that is not text": lambda e: e.update(warnings=[{"a": 1}]),
    "the entry is a list": lambda e: (e.clear(), e.update({"key": []})),
}


@pytest.mark.parametrize("damage", sorted(ENTRIES))
def test_a_bad_cache_entry_is_ignored_and_the_artifact_rendered_again(workspace: Path, damage: str) -> None:
    os.mkfifo(workspace.parent / "pipe")
    (workspace / "source" / "pub" / "pipe").symlink_to(workspace.parent / "pipe")
    edit_entry(workspace, "pub.pdf", ENTRIES[damage])
    before = (workspace / "dist" / "pub.pdf").read_bytes()
    result = subprocess.run(
        [sys.executable, "-m", "publisher", "-C", str(workspace), "build", "--verbose"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "wrote dist/pub.pdf" in result.stdout and "\x1b" not in result.stdout + result.stderr
    assert (workspace / "dist" / "pub.pdf").read_bytes() == before  # the same bytes, rendered again
    rewritten = json.loads((workspace / FOLDER / "artifacts" / "pub.pdf.json").read_text())
    assert rewritten.get("inputs", []) == [] and "warnings" not in rewritten  # what the render found, nothing else


@pytest.mark.parametrize("data", [b"{", b"\xff\xfe", b"[]", b"null", b" " * (2**20 + 1)])
def test_an_entry_that_does_not_parse_is_ignored(workspace: Path, data: bytes) -> None:
    (workspace / FOLDER / "artifacts" / "pub.pdf.json").write_bytes(data)
    assert {a.path.name for a in build(workspace, jobs=1) if a.rendered} == {"pub.pdf"}


def test_a_linked_entry_is_not_followed(workspace: Path) -> None:
    os.mkfifo(workspace.parent / "pipe")
    entry = workspace / FOLDER / "artifacts" / "pub.epub.json"
    entry.unlink()
    entry.symlink_to(workspace.parent / "pipe")
    assert {a.path.name for a in build(workspace, jobs=1) if a.rendered} == {"pub.epub"}
    assert not entry.is_symlink()


@pytest.mark.parametrize("what", ["artifacts", "fonts", "thumbnails", ""])
def test_a_file_where_the_cache_keeps_a_folder_is_not_fatal(workspace: Path, what: str) -> None:
    place = workspace / FOLDER / what if what else workspace / FOLDER
    shutil.rmtree(place)
    place.write_text("not a folder")
    with (workspace / "source" / "pub" / "article.md").open("a", encoding="utf-8") as out:
        out.write("\nفقرة أخرى.\n")  # the artifacts and the page are made again
    assert {a.path.name for a in build(workspace, jobs=1) if a.rendered} == {"pub.pdf", "pub.epub", "pub.html"}
    assert place.is_dir()
    assert build(workspace, jobs=1) and not any(a.rendered for a in build(workspace, jobs=1))


@pytest.mark.parametrize("what", ["", "artifacts", "fonts", "thumbnails"])
def test_a_cache_folder_linked_out_of_the_workspace_is_never_written_or_pruned(workspace: Path, what: str) -> None:
    outside = workspace.parent / "elsewhere"
    outside.mkdir()
    old = outside / "precious.json"
    old.write_text("{}")
    os.utime(old, (1, 1))  # older than any prune horizon
    place = workspace / FOLDER / what if what else workspace / FOLDER
    shutil.rmtree(place)
    place.symlink_to(outside)
    shutil.rmtree(workspace / "source" / "pub")  # a whole build that prunes
    other = small_workspace(workspace.parent / "other") / "source" / "pub"
    shutil.copytree(other, workspace / "source" / "second")
    build(workspace, jobs=1)
    assert [p.name for p in outside.iterdir()] == ["precious.json"]
    assert not place.is_symlink()


def test_the_issue_reproductions_run_to_the_end(workspace: Path) -> None:
    """inputs listing /dev/zero hung the build; .publish-cache/artifacts as a file failed it."""
    edit_entry(workspace, "pub.pdf", lambda e: e.update(inputs=["/dev/zero"]))
    shutil.rmtree(workspace / FOLDER / "thumbnails")
    (workspace / FOLDER / "thumbnails").mkdir()
    started = time.perf_counter()
    build(workspace, jobs=1)
    assert time.perf_counter() - started < 60
    shutil.rmtree(workspace / FOLDER / "artifacts")
    (workspace / FOLDER / "artifacts").write_text("x")
    assert len(build(workspace, jobs=1)) == 3  # PDF, EPUB, web edition
