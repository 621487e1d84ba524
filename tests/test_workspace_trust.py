"""What a workspace names and links cannot escape: slugs are a safe set, links out are never followed."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from conftest import REPO, SEED, make_workspace, run_publish

from publisher import build
from publisher.errors import InputError, PublishError
from publisher.web.site import relative_href
from publisher.workspace import Workspace, slug_problem

HOSTILE_SLUGS = [
    "javascript:alert(document.domain)",
    'a"onmouseover=alert(1)',
    "a'onmouseover=alert(1)",
    "<img src=x onerror=alert(1)>",
    "a b",
    "a%2fb",
    "a#b",
    "a?b=c",
    "a&b",
    "a\\b",
    "-rf",
    "_x",
    "..x",
    "x\u202egpj.pdf",  # RIGHT-TO-LEFT OVERRIDE: shows as "xfdp.jpg"
    "x\u2066y",
    "x\u200fy",
    "x\u200by",
    "new\nline",
    "tab\there",
    "bell\x07",
    "a" * 230,
    "م" * 101,
    unicodedata.normalize("NFD", "مَقالٌ-آخر-إلى"),  # alef with madda and hamza below, decomposed
    "e\u0301te",  # decomposed é
    "\u064eمقال",  # a mark first
    "x\u2028y",
]
GOOD_SLUGS = ["beni-mellal-social-pole", "مقال-٢٠٢٦", "مَقالٌ", "a.b_c-1", "café", "A5", "۱۴۰۵_گزارش", "x" * 100]


@pytest.mark.parametrize("slug", HOSTILE_SLUGS, ids=lambda s: repr(s)[:40])
def test_a_hostile_slug_is_refused(slug: str) -> None:
    assert slug_problem(slug) is not None


@pytest.mark.parametrize("slug", GOOD_SLUGS)
def test_letters_of_any_script_digits_and_dashes_are_slugs(slug: str) -> None:
    assert slug_problem(slug) is None


FOLDER_NAMES = [s for s in HOSTILE_SLUGS if "\\" not in s and not s.startswith(".")]  # "." first: hidden, skipped


@pytest.mark.parametrize("slug", FOLDER_NAMES, ids=lambda s: repr(s)[:40])
def test_a_folder_with_a_hostile_name_stops_the_build_naming_it(tmp_path: Path, slug: str) -> None:
    folder = tmp_path / "source" / slug
    folder.mkdir(parents=True)
    (folder / "manifest.toml").write_text('title = "ت"\nauthors = ["أ"]\n', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        Workspace(tmp_path).slugs()
    (message,) = caught.value.messages
    assert message.startswith('source/"') and "a slug (the folder's name" in message
    assert not re.search("[\x00-\x1f\u2028\u2029\u202a-\u202e\u2066-\u2069]", message)  # one line, in order


def test_hidden_folders_are_not_publications(tmp_path: Path) -> None:
    for name in (".git", ".hidden", "..."):
        (tmp_path / "source" / name).mkdir(parents=True)
    (tmp_path / "source" / "real").mkdir()
    assert Workspace(tmp_path).slugs() == ["real"]


@pytest.mark.parametrize("name", ["beni.pdf", "مقال-٢٠٢٦.epub", "a~b.pdf"])
def test_download_links_are_relative_and_percent_encoded(name: str) -> None:
    href = relative_href(name)
    assert re.fullmatch(r"[A-Za-z0-9._~%-]+", href) and ":" not in href and "/" not in href
    from urllib.parse import unquote

    assert unquote(href) == name


def test_the_issue_reproduction_exits_2_and_writes_no_link(tmp_path: Path) -> None:
    root = make_workspace(tmp_path / "ws", REPO / "source" / SEED)
    evil = root / "source" / "javascript:alert(document.domain)"
    shutil.copytree(root / "source" / SEED, evil)
    with (evil / "manifest.toml").open("a", encoding="utf-8") as out:
        out.write('identifier = "urn:x:evil"\n')
    result = run_publish("-C", str(root), "build")
    assert result.returncode == 2
    assert result.stderr.startswith('error: source/"javascript:alert(document.domain)": ":" is not allowed; a slug')
    assert len(result.stderr.splitlines()) == 1
    assert not (root / "dist").exists()


def test_an_arabic_slug_gets_a_working_percent_encoded_link(tmp_path: Path) -> None:
    root = make_workspace(tmp_path / "ws")
    folder = root / "source" / "مقال-٢٠٢٦"
    folder.mkdir()
    (folder / "manifest.toml").write_text('title = "مقال"\nauthors = ["أ"]\ndate = 2026-11-30\n', encoding="utf-8")
    (folder / "article.md").write_text("نص المقال.\n", encoding="utf-8")
    build(root, formats=["epub"], jobs=1)
    page = (root / "dist" / "index.html").read_text(encoding="utf-8")
    href = re.search(r'<a href="([^"]+)" download>', page)[1]  # type: ignore[index]
    assert href == "%D9%85%D9%82%D8%A7%D9%84-%D9%A2%D9%A0%D9%A2%D9%A6.epub"
    assert (root / "dist" / "مقال-٢٠٢٦.epub").is_file()
    assert "مقال-٢٠٢٦.epub" in (root / "dist" / "SHA256SUMS").read_text(encoding="utf-8")


def fifo(path: Path) -> Path:
    """A named pipe: a build that opened it to read would wait for a writer forever."""
    os.mkfifo(path)
    return path


def small_workspace(root: Path) -> Path:
    folder = root / "source" / "pub"
    folder.mkdir(parents=True)
    (folder / "manifest.toml").write_text('title = "مقال"\nauthors = ["أ"]\ndate = 2026-11-30\n', encoding="utf-8")
    (folder / "article.md").write_text("نص المقال.\n", encoding="utf-8")
    return root


LINKS = {  # what is a link out of the workspace → the start of the error naming it
    "manifest": ("source/pub/manifest.toml", "source/pub/manifest.toml: is a link to a file outside"),
    "template": ("templates/partials/title.html.j2", "templates/partials/title.html.j2: is a link to a file outside"),
    "stylesheet": ("templates/pdf/book.css", "templates/pdf/book.css: is a link to a file outside"),
    "labels": ("templates/partials/labels.j2", "templates/partials/labels.j2: is a link to a file outside"),
    "font": ("fonts/Leak.ttf", "fonts/Leak.ttf: is a link to a file outside"),
    "templates folder": ("templates", "templates: is a link to a folder outside the workspace"),
    "fonts folder": ("fonts", "fonts: is a link to a folder outside the workspace"),
    "dist folder": ("dist", "dist: is a link to a folder outside the workspace"),
    "a text": ("source/pub/article.md", 'source/pub/manifest.toml: text file "article.md" is a link'),
}


@pytest.mark.parametrize("what", sorted(LINKS))
def test_a_link_out_of_the_workspace_is_refused_and_never_opened(tmp_path: Path, what: str) -> None:
    root = small_workspace(tmp_path / "ws")
    where, message = LINKS[what]
    link = root / where
    if link.exists():
        link.unlink()
    link.parent.mkdir(parents=True, exist_ok=True)
    target = tmp_path / "outside"
    if where in ("templates", "fonts", "dist"):
        target.mkdir()
        fifo(target / "pipe")
    else:
        fifo(target)
    link.symlink_to(target)

    result = subprocess.run(
        [sys.executable, "-m", "publisher", "-C", str(root), "build"], capture_output=True, text=True, timeout=120
    )

    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith(f"error: {message}"), result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert not (root / "dist").is_dir() or what == "dist folder"
    assert [p.name for p in target.iterdir()] == ["pipe"] if target.is_dir() else True  # nothing written there


def test_a_link_in_dist_is_not_listed_nor_read(tmp_path: Path) -> None:
    root = small_workspace(tmp_path / "ws")
    (tmp_path / "secret").write_text("secret")
    build(root, formats=["epub"], jobs=1)
    (root / "dist" / "leak.pdf").symlink_to(tmp_path / "secret")
    with pytest.raises(PublishError, match=r"^dist/leak\.pdf: is a link"):
        build(root, formats=["epub"], jobs=1, cache=False)
    assert "leak.pdf" not in (root / "dist" / "SHA256SUMS").read_text()


def test_a_linked_artifact_is_replaced_not_written_through(tmp_path: Path) -> None:
    root = small_workspace(tmp_path / "ws")
    build(root, formats=["epub"], jobs=1)
    outside = tmp_path / "victim"
    outside.write_bytes(b"keep me")
    (root / "dist" / "pub.epub").unlink()
    (root / "dist" / "pub.epub").symlink_to(outside)
    assert [a.rendered for a in build(root, formats=["epub"], jobs=1)] == [True]
    assert outside.read_bytes() == b"keep me" and not (root / "dist" / "pub.epub").is_symlink()
