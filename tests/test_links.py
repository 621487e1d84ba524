"""Links inside a book: to another chapter's file, to a heading by its text, to a note; resolved in
the PDF (internal links to named destinations) and the EPUB (the chapter's XHTML), or refused."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pikepdf
import pytest
from readers import anchor_page, assert_epubs_valid
from structure import link_contents, pdfua_findings, problems

from publisher import build
from publisher.errors import SourceError
from publisher.source.links import heading_anchor
from publisher.source.manifest import load_manifest
from publisher.typeset.document import typeset_document

MANIFEST = 'title = "كتاب الروابط"\nauthors = ["أ"]\ndate = 2026-01-01\ntext = ["article.md", "appendix.md"]\n'
ARTICLE = """# المقال

نص فيه حاشية.[^1]

انظر [الملحق](appendix.md) و[القسم](appendix.md#قسم-ثان) و[العنوان](./appendix.md#الملحق)
و[الحاشية](#fn-ch01-1) و[الموقع](https://example.com/a?b=1) و[البريد](mailto:desk@example.com).

## عنوان فرعي

[إلى أعلى](#عنوان-فرعي) و[إلى القسم](#قسم-ثان)

[^1]: حاشية.
"""
APPENDIX = """# الملحق

## قسم ثان!

نص الملحق. [رجوع](article.md#عنوان-فرعي) و[البداية](article.md)
"""


def book(root: Path, article: str = ARTICLE, appendix: str = APPENDIX) -> Path:
    folder = root / "source" / "links"
    folder.mkdir(parents=True)
    (folder / "manifest.toml").write_text(MANIFEST, encoding="utf-8")
    (folder / "article.md").write_text(article, encoding="utf-8")
    (folder / "appendix.md").write_text(appendix, encoding="utf-8")
    (folder / "other.md").write_text("نص ليس فصلا.\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("links")
    book(root)
    build(root, jobs=1)
    return assert_epubs_valid(root / "dist")


def hrefs(epub: Path, name: str) -> list[str]:
    with zipfile.ZipFile(epub) as archive:
        body = archive.read(f"EPUB/{name}").decode()
    return [h for h in re.findall(r'<a href="([^"]+)"', body) if "footnote" not in h]


def test_epub_links_reach_the_chapter_files_and_their_ids(dist: Path) -> None:
    article = hrefs(dist / "links.epub", "ch01.xhtml")
    assert article == [
        "#fn-ch01-1",  # the note call the reader made
        "ch02.xhtml#ch02",  # appendix.md: the chapter
        "ch02.xhtml#ch02-h2",  # appendix.md#قسم-ثان: its heading, by its text
        "ch02.xhtml#ch02",  # ./appendix.md#الملحق: the chapter's own title is the chapter
        "#fn-ch01-1",
        "https://example.com/a?b=1",
        "mailto:desk@example.com",
        "#ch01-h2",
        "ch02.xhtml#ch02-h2",  # a heading of the one other chapter that has it
        "#fnref-ch01-1",
    ]
    assert hrefs(dist / "links.epub", "ch02.xhtml") == ["ch01.xhtml#ch01-h2", "ch01.xhtml#ch01"]


def test_pdf_links_are_internal_and_land_on_their_headings(dist: Path) -> None:
    pdf = dist / "links.pdf"
    with pikepdf.open(pdf) as document:
        destinations = [
            str(a.Dest) for page in document.pages for a in page.get("/Annots", []) if a.get("/Dest") is not None
        ]
        uris = [str(a.A.URI) for page in document.pages for a in page.get("/Annots", []) if "/A" in a]
    assert {"ch01", "ch01-h2", "ch02", "ch02-h2", "fn-ch01-1"} <= set(destinations)
    assert all(anchor_page(pdf, name) is not None for name in set(destinations))  # every one lands somewhere
    assert anchor_page(pdf, "ch02-h2") == anchor_page(pdf, "ch02")  # the section on the appendix's first page
    assert uris == ["https://example.com/a?b=1", "mailto:desk@example.com"]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("[هنا](#missing)", 'link "#missing" points at no heading or note in this publication'),
        ("[هنا](other.md)", 'link "other.md" points at no text file of this publication'),
        ("[هنا](appendix.md#nosuch)", 'link "appendix.md#nosuch" points at no heading or note of appendix.md'),
        ("[هنا](../links/nothing.md)", 'link "../links/nothing.md" points at no text file'),
    ],
)
def test_a_dangling_link_names_its_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    folder = book(tmp_path, article=f"# المقال\n\nنص.\n\n{line}\n", appendix="# الملحق\n\nنص.\n")
    with pytest.raises(SourceError) as caught:
        typeset_document(load_manifest(folder))
    (problem,) = caught.value.messages
    assert problem.startswith(f"source/links/article.md line 5: {message}")


def test_every_dangling_link_of_a_book_is_reported(tmp_path: Path) -> None:
    folder = book(tmp_path, article="# المقال\n\n[أ](#a)\n\n[ب](#b)\n", appendix="# الملحق\n\n[ج](article.md#c)\n")
    with pytest.raises(SourceError) as caught:
        typeset_document(load_manifest(folder))
    assert [m.split(": link")[0] for m in caught.value.messages] == [
        "source/links/article.md line 3",
        "source/links/article.md line 5",
        "source/links/appendix.md line 3",
    ]


def test_heading_anchors_are_spelled_as_markdown_previews_spell_them() -> None:
    assert heading_anchor("قسم ثان!") == "قسم-ثان"
    assert heading_anchor("Chapter 2: The «Sea»") == "chapter-2-the-sea"
    assert heading_anchor("الفَصْلُ الأوّل") == "الفَصْلُ-الأوّل"  # marks stay


def test_pdf_links_are_described_by_their_text(dist: Path) -> None:
    """A link annotation's /Contents, which a screen reader announces, is the link's text (its target,
    "ch02" or the URL, before), and each sits in a Link element; pdfua finds nothing."""
    pdf = dist / "links.pdf"
    contents = [title for title in ("المقال", "عنوان فرعي", "الملحق", "قسم ثان!") for _ in range(3)]  # the contents
    contents += ["الملحق", "القسم", "العنوان", "الحاشية", "الموقع", "البريد", "إلى أعلى", "إلى القسم"]
    contents += ["رجوع", "البداية"]  # the appendix's
    assert link_contents(pdf) == contents
    assert problems(pdf) == []
    assert pdfua_findings(pdf)[0] == []
