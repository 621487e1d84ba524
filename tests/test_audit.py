"""A rendered artifact is read back before it may reach dist/: the EPUB's package and links, the PDF."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from conftest import run_publish

from publisher.builder.audit import epub_problems, pdf_problems
from publisher.source.fonts import load_fonts
from publisher.source.manifest import load_manifest

REPO = Path(__file__).resolve().parent.parent


def seed_epub() -> bytes:
    return (REPO / "dist" / "beni-mellal-social-pole.epub").read_bytes()


def rewritten(data: bytes, name: str, change: object) -> bytes:
    """The EPUB with one file's bytes changed by `change` (or left out when it gives None)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == name:
                content = change(content)  # type: ignore[operator]
                if content is None:
                    continue
            target.writestr(info, content)
    return out.getvalue()


def test_the_seed_epub_passes() -> None:
    assert epub_problems(seed_epub(), "dist/seed.epub") == []


@pytest.mark.parametrize(
    ("name", "change", "problem"),
    [
        ("EPUB/nav.xhtml", lambda b: b.replace(b'href="nav.xhtml#toc"', b'href="#tocs"'), "has no such id"),
        (
            "EPUB/ch01.xhtml",
            lambda b: b.replace(b"</body>", b'<a href="ch09.xhtml">x</a></body>'),
            "not in the package",
        ),
        ("EPUB/nav.xhtml", lambda b: b.replace(b'href="ch01.xhtml', b'href="ch07.xhtml', 1), "not in the package"),
        ("EPUB/styles/book.css", lambda b: b.replace(b"../fonts/", b"../font/", 1), "not in the package"),
        ("EPUB/ch01.xhtml", lambda b: None, "is listed in EPUB/content.opf but not in the zip"),
        ("EPUB/ch01.xhtml", lambda b: b.replace(b"</body>", b"<p></body>"), "is not well-formed XML"),
        ("META-INF/container.xml", lambda b: None, "not a complete EPUB package"),
        ("mimetype", lambda b: b"application/zip", "not the mimetype"),
    ],
)
def test_a_broken_epub_is_named_with_what_breaks_it(name: str, change: object, problem: str) -> None:
    problems = epub_problems(rewritten(seed_epub(), name, change), "dist/seed.epub")
    assert problems and all(p.startswith("dist/seed.epub: ") for p in problems)
    assert problem in problems[0]


def test_a_pdf_that_does_not_open_is_named() -> None:
    manifest = load_manifest(REPO / "source" / "beni-mellal-social-pole")
    fonts = load_fonts((REPO / "fonts",))
    data = (REPO / "dist" / "beni-mellal-social-pole.pdf").read_bytes()
    assert pdf_problems(data, "dist/seed.pdf", manifest, fonts) == []
    (problem,) = pdf_problems(data[: len(data) // 3], "dist/seed.pdf", manifest, fonts)
    assert problem.startswith("dist/seed.pdf: not a readable PDF")


def test_a_build_whose_epub_breaks_fails_naming_it_and_writes_nothing(tmp_path: Path) -> None:
    """A renderer bug (here: cross-chapter links left as in the PDF) is exit 1 naming the artifact."""
    folder = tmp_path / "source" / "pub"
    folder.mkdir(parents=True)
    (folder / "manifest.toml").write_text('title = "ك"\nauthors = ["أ"]\ntext = ["a.md", "b.md"]\n', encoding="utf-8")
    (folder / "a.md").write_text("# أ\n\n[إلى ب](b.md)\n", encoding="utf-8")
    (folder / "b.md").write_text("# ب\n\nنص.\n", encoding="utf-8")
    (tmp_path / "sitecustomize.py").write_text(
        "import publisher.source.links as links\nlinks.across_files = lambda body, chapter: body\n", encoding="utf-8"
    )
    result = run_publish("-C", str(tmp_path), "build", "--format", "epub", env={"PYTHONPATH": str(tmp_path)})
    assert result.returncode == 1, result.stderr
    assert result.stderr.startswith(
        'error: dist/pub.epub: EPUB/ch01.xhtml links to "#ch02", but EPUB/ch01.xhtml has no such id'
    )
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "dist").exists()
