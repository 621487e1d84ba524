"""Incremental builds: an artifact is rendered again exactly when something it depends on changed."""

from __future__ import annotations

import base64
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, REPO, SEED, copy_built, make_workspace, run_publish

from publisher import build
from publisher.builder.cache import FOLDER

PUBLICATIONS = (REPO / "source" / SEED, FIXTURES / "book")


def rendered(root: Path, **options: object) -> set[str]:
    """Build the workspace; the names of the artifacts that were rendered, not reused."""
    return {a.path.name for a in build(root, **options) if a.rendered}


@pytest.fixture(scope="module")
def original(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_workspace(tmp_path_factory.mktemp("incremental") / "ws", *PUBLICATIONS)
    assert rendered(root, jobs=1) == {
        f"{SEED}.pdf",
        f"{SEED}.epub",
        f"{SEED}.html",
        "book.pdf",
        "book.epub",
        "book.html",
    }
    return root


@pytest.fixture
def workspace(original: Path, tmp_path: Path) -> Path:
    """The seed and the book, just built: a copy of the module's build, for each test to change."""
    return copy_built(original, tmp_path / "ws")


def test_nothing_changed_nothing_rendered_and_dist_untouched(workspace: Path) -> None:
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in (workspace / "dist").rglob("*") if p.is_file()}
    artifacts = build(workspace)
    assert [a.rendered for a in artifacts] == [False] * 6
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in (workspace / "dist").rglob("*") if p.is_file()} == before
    assert (workspace / FOLDER / ".gitignore").read_text().splitlines()[-1] == "*"


def test_a_no_op_build_does_not_import_the_renderers(workspace: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "publisher", "-C", str(workspace), "build"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "all 6 up to date\n"
    imported = {line.split("|")[-1].strip().split(".")[0] for line in result.stderr.splitlines() if "|" in line}
    assert {"publisher", "click"} <= imported
    assert not imported & {"weasyprint", "ebooklib", "fontTools", "jinja2", "markdown_it", "PIL", "pypdfium2"}


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ("source/book/a-second.md", {"book.pdf", "book.epub", "book.html"}),
        ("source/book/cover.jpg", {"book.pdf", "book.epub", "book.html"}),  # a file the manifest names
        ("source/book/manifest.toml", {"book.pdf", "book.epub", "book.html"}),
        ("source/book/img/diagram.png", {"book.pdf", "book.epub", "book.html"}),  # an image the text uses
        # the EPUBs mark where the PDFs' pages begin, which the PDF's templates may move
        ("templates/pdf/book.css", {f"{SEED}.pdf", "book.pdf", f"{SEED}.epub", "book.epub"}),
        ("templates/epub/book.css", {f"{SEED}.epub", "book.epub", f"{SEED}.html", "book.html"}),  # the web's type too
        ("templates/cover/cover.css", {f"{SEED}.epub"}),  # the book has its own cover image
        (
            "templates/partials/labels.j2",
            {f"{SEED}.pdf", f"{SEED}.epub", f"{SEED}.html", "book.pdf", "book.epub", "book.html"},
        ),
        (
            "fonts/Amiri-Regular.ttf",
            {f"{SEED}.pdf", f"{SEED}.epub", f"{SEED}.html", "book.pdf", "book.epub", "book.html"},
        ),
    ],
)
def test_a_change_renders_exactly_what_depends_on_it(workspace: Path, change: str, expected: set[str]) -> None:
    target = workspace / change
    if not target.exists():  # a workspace override of a packaged template or font
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(REPO / change, target)
    with target.open("ab") as out:
        out.write(b"\n" if target.suffix in {".md", ".toml", ".css", ".j2"} else b"\0")
    assert rendered(workspace) == expected
    assert rendered(workspace) == set()


def test_a_file_no_publication_reads_changes_nothing(workspace: Path) -> None:
    (workspace / "source" / "book" / "unused.txt").write_text("notes for the editor\n")
    assert rendered(workspace) == set()


def test_a_missing_or_edited_artifact_is_rendered_again(workspace: Path) -> None:
    (workspace / "dist" / "book.pdf").unlink()
    (workspace / "dist" / f"{SEED}.epub").write_bytes(b"not an epub")
    assert rendered(workspace) == {"book.pdf", f"{SEED}.epub"}


def test_a_copied_workspace_trusts_contents_not_times(workspace: Path, tmp_path: Path) -> None:
    """Same bytes with new modification times and inodes: still up to date (keys hash contents)."""
    copy = tmp_path / "copy"
    shutil.copytree(workspace, copy)
    for path in copy.rglob("*"):
        os.utime(path, (1, 1))
    assert rendered(copy) == set()


def test_timestamp_and_options_are_part_of_the_key(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert len(rendered(workspace)) == 6
    assert rendered(workspace, formats=["pdf"]) == set()
    assert len(rendered(workspace, cache=False)) == 6


def test_a_new_tool_version_renders_everything(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import publisher.version

    monkeypatch.setattr(publisher.version, "_tool", "another version of publish")
    assert len(rendered(workspace)) == 6


def test_a_damaged_cache_entry_means_a_render_not_a_crash(workspace: Path) -> None:
    (workspace / FOLDER / "artifacts" / "book.pdf.json").write_text("{not json")
    assert rendered(workspace) == {"book.pdf"}


def test_two_builds_at_once_both_succeed_and_agree(tmp_path: Path) -> None:
    root = make_workspace(tmp_path / "ws", *PUBLICATIONS)
    command = [sys.executable, "-m", "publisher", "-C", str(root), "build", "--jobs", "1"]
    first, second = (subprocess.Popen(command, stderr=subprocess.PIPE, text=True) for _ in range(2))
    assert (first.wait(timeout=300), second.wait(timeout=300)) == (0, 0), first.stderr.read() + second.stderr.read()
    checked = run_publish("-C", str(root), "build", "--check")
    assert checked.returncode == 0, checked.stderr
    assert rendered(root) == set()


def test_each_output_reads_only_the_template_folders_its_key_hashes(tmp_path: Path, monkeypatch) -> None:
    """The cache keys hash TEMPLATE_FOLDERS per output: this holds only if the renderers stay inside them."""
    import jinja2

    from publisher.builder.cache import TEMPLATE_FOLDERS
    from publisher.builder.plan import Shard, write_site
    from publisher.typeset.templates import Templates

    log = tmp_path / "read.txt"  # a file, not a list: the renders run in worker processes

    def read(name: str) -> None:
        with log.open("a", encoding="utf-8") as out:
            out.write(name + "\n")

    get_source = jinja2.FileSystemLoader.get_source
    file = Templates.file
    monkeypatch.setattr(
        jinja2.FileSystemLoader, "get_source", lambda self, env, name: read(name) or get_source(self, env, name)
    )
    monkeypatch.setattr(Templates, "file", lambda self, name: read(name) or file(self, name))
    root = make_workspace(tmp_path / "ws", REPO / "source" / SEED)  # draws its cover from templates/cover/

    def folders(action) -> set[str]:
        log.write_text("", encoding="utf-8")
        action()
        return {name.split("/")[0] for name in log.read_text(encoding="utf-8").split()}

    whole = Shard(1, 1)  # a shard build writes no download page
    assert folders(lambda: build(root, formats=["pdf"], jobs=1, shard=whole, cache=False)) <= set(
        TEMPLATE_FOLDERS["pdf"]
    )
    epub = folders(lambda: build(root, formats=["epub"], jobs=1, shard=whole, cache=False))
    assert "cover" in epub and epub <= {*TEMPLATE_FOLDERS["epub"], *TEMPLATE_FOLDERS["cover"]}
    assert folders(lambda: write_site(root)) <= set(TEMPLATE_FOLDERS["site"])


def test_the_download_page_reuses_its_fonts_and_thumbnails(workspace: Path) -> None:
    """The page changes with every artifact (sizes, hashes) but rarely its characters or covers."""
    kept = workspace / FOLDER
    before = sorted(p.relative_to(kept) for p in kept.glob("*/*") if p.parent.name in ("fonts", "thumbnails"))
    assert len([p for p in before if p.parent.name == "fonts"]) >= 1 and len(before) >= 2
    page = (workspace / "dist" / "index.html").read_bytes()
    with (workspace / "source" / "book" / "a-second.md").open("a") as out:
        out.write("\nفقرة أخرى.\n")
    assert rendered(workspace) == {"book.pdf", "book.epub", "book.html"}
    assert (workspace / "dist" / "index.html").read_bytes() != page  # new sizes and hashes
    after = sorted(p.relative_to(kept) for p in kept.glob("*/*") if p.parent.name in ("fonts", "thumbnails"))
    assert after == before


def test_the_page_fonts_made_while_rendering_are_the_ones_the_page_uses(tmp_path: Path) -> None:
    """The build makes the page's fonts ahead, from made-up sizes and hashes: none may go to waste."""
    root = make_workspace(tmp_path / "ws", *PUBLICATIONS)
    build(root, jobs=2)
    kept = sorted((root / FOLDER / "fonts").iterdir())
    page = (root / "dist" / "index.html").read_text()
    # a kept piece is its SHA-256 (32 bytes), then the font: the page's, or a web edition's file
    files = {p.read_bytes() for p in (root / "dist" / "assets").glob("*.woff2")}
    assert files
    assert kept and all(
        base64.b64encode(p.read_bytes()[32:]).decode() in page or p.read_bytes()[32:] in files for p in kept
    )


def test_the_cache_forgets_what_is_gone_and_what_is_long_unused(workspace: Path) -> None:
    kept = workspace / FOLDER
    shutil.rmtree(workspace / "source" / "book")
    stale = kept / "fonts" / "0000.woff2"
    stale.write_bytes(b"old")
    os.utime(stale, (1, 1))
    build(workspace, ["beni-mellal-social-pole"])  # a partial build prunes nothing
    assert (kept / "artifacts" / "book.pdf.json").exists() and stale.exists()
    build(workspace)
    assert sorted(p.name for p in (kept / "artifacts").iterdir()) == [
        f"{SEED}.epub.json",
        f"{SEED}.html.json",
        f"{SEED}.pdf.json",
        "index.html.json",
    ]
    assert not stale.exists() and list((kept / "fonts").iterdir())


def epub_text(path: Path) -> str:
    import zipfile

    with zipfile.ZipFile(path) as archive:
        return "".join(archive.read(n).decode() for n in archive.namelist() if n.endswith(".xhtml"))


EDIT = "\nفقرة أضيفت أثناء البناء.\n"


def test_an_edit_saved_just_after_the_text_was_read_is_built_next_time(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The key must describe the bytes that were rendered, not the file as it is when the key is made."""
    import publisher.typeset.document as document

    chapter = workspace / "source" / "book" / "a-second.md"
    read_document = document.read_document

    def read_then_edit(manifest, problems=None):  # the editor saves between the read and the key
        read = read_document(manifest, problems)
        if manifest.slug == "book" and EDIT not in chapter.read_text(encoding="utf-8"):
            with chapter.open("a", encoding="utf-8") as out:
                out.write(EDIT)
        return read

    with chapter.open("a", encoding="utf-8") as out:
        out.write("\nفقرة قبل البناء.\n")
    monkeypatch.setattr(document, "read_document", read_then_edit)
    assert rendered(workspace, jobs=1) == {"book.pdf", "book.epub", "book.html"}
    assert "أثناء البناء" not in epub_text(workspace / "dist" / "book.epub")  # the old text was rendered
    monkeypatch.undo()
    assert rendered(workspace, jobs=1) == {"book.pdf", "book.epub", "book.html"}  # so the next build renders the new
    assert "أثناء البناء" in epub_text(workspace / "dist" / "book.epub")
    assert rendered(workspace, jobs=1) == set()


@pytest.mark.parametrize("change", ["source/book/a-second.md", "source/book/manifest.toml", "source/book/cover.jpg"])
def test_an_edit_saved_while_the_artifact_renders_is_built_next_time(
    workspace: Path, monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    from publisher.builder import pool

    target = workspace / change
    render = pool.Renderer.render

    def edit_then_render(self, task, *told):
        if not target.read_bytes().endswith(b"\n\n"):
            with target.open("ab") as out:
                out.write(b"\n\n" if target.suffix != ".jpg" else b"\0\n\n")
        return render(self, task, *told)

    with (workspace / "source" / "book" / "b-first.md").open("a") as out:  # something to render
        out.write("\n")
    monkeypatch.setattr(pool.Renderer, "render", edit_then_render)
    assert rendered(workspace, jobs=1) == {"book.pdf", "book.epub", "book.html"}
    monkeypatch.undo()
    assert rendered(workspace, jobs=1) == {"book.pdf", "book.epub", "book.html"}
    assert rendered(workspace, jobs=1) == set()


def test_an_artifact_edited_in_place_with_its_time_restored_is_noticed(workspace: Path) -> None:
    """Same size, same modification time, same inode: only the bytes differ. A build notices (the change
    time cannot be set back) and `build --check` compares bytes."""
    from publisher.builder.verify import stale_artifacts

    pdf = workspace / "dist" / "book.pdf"
    before = pdf.stat()
    with pdf.open("r+b") as out:  # in place: the inode stays
        out.seek(before.st_size // 2)
        byte = out.read(1)
        out.seek(before.st_size // 2)
        out.write(bytes([byte[0] ^ 0xFF]))
    os.utime(pdf, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = pdf.stat()
    assert (after.st_size, after.st_mtime_ns, after.st_ino) == (before.st_size, before.st_mtime_ns, before.st_ino)
    assert stale_artifacts(workspace) == ["dist/book.pdf: differs from what source/ builds now; run publish build"]
    assert rendered(workspace) == {"book.pdf"}
    assert stale_artifacts(workspace) == []
