"""The imprint and the two PDF layouts, read back as a reader gets them: an article of one page is one
page, its head over the text and its imprint after it; a book has its title page, the imprint on the
verso, its contents and its chapters on rectos; and the EPUB has the imprint as its copyright page."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pypdfium2
import pytest
from conftest import FIXTURES, REPO, make_workspace
from readers import anchor_page, assert_epubs_valid, blank_pages

from publisher import build
from publisher.source.fonts import licence_name

MM = 72 / 25.4
IMPRINT = """publisher = "دار المدينة للنشر"
rights = "النص مرخص بموجب CC BY-SA 4.0"
edition = "الطبعة الأولى"
identifier = "978-0-306-40615-7"
date = 2026-03-05
"""
ARTICLE = "هذا نص قصير لمقال من صفحة واحدة، فيه فقرتان.\n\nوالفقرة الثانية تختم المقال بسطر آخر.\n"


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A one-page article and a two-chapter book with publisher, rights, edition and ISBN; each again
    in the other layout; an English book; the fixture book as it ships."""
    root = make_workspace(tmp_path_factory.mktemp("imprint"), FIXTURES / "book")
    texts = {
        "article": {"article.txt": ARTICLE},
        "book": {"one.md": "# الفصل الأول\n\nنص.\n", "two.md": "# الفصل الثاني\n\nنص.\n"},
    }
    for slug, kind, layout in [
        ("article", "article", ""),
        ("article-as-book", "article", "book"),
        ("chapters", "book", ""),
        ("chapters-as-article", "book", "article"),
    ]:
        folder = root / "source" / slug
        folder.mkdir()
        head = f'title = "{slug}"\nsubtitle = "تجربة صفحة البيانات"\nauthors = ["سعاد العلوي", "محمد بناني"]\n'
        identifier = f'identifier = "urn:x-test:{slug}"\n' if slug != "article" else ""
        manifest = head + (
            IMPRINT if not identifier else IMPRINT.replace('identifier = "978-0-306-40615-7"\n', identifier)
        )
        (folder / "manifest.toml").write_text(manifest + (f'[pdf]\nlayout = "{layout}"\n' if layout else ""))
        for name, text in texts[kind].items():
            (folder / name).write_text(text)
    english = root / "source" / "english"
    english.mkdir()
    (english / "manifest.toml").write_text(
        'title = "A Short Book"\nauthors = ["Jane Doe"]\nlanguage = "en"\npublisher = "City Press"\n'
        'rights = "Copyright 2026 Jane Doe. All rights reserved."\nedition = "Second edition"\n'
        'identifier = "urn:isbn:979-10-90636-07-1"\ndate = 2026-03-05\n'
    )
    (english / "one.md").write_text("# One\n\nText.\n")
    (english / "two.md").write_text("# Two\n\nText.\n")
    build(root, jobs=1)
    assert_epubs_valid(root / "dist")
    return root


def pages(pdf: Path) -> list[str]:
    document = pypdfium2.PdfDocument(pdf)
    texts = [page.get_textpage().get_text_bounded() for page in document]
    document.close()
    return texts


def flat(text: str) -> str:
    """Text as compared: lines joined, bidi controls dropped."""
    return " ".join(re.sub("[\u200e\u200f\u202a-\u202e\u2066-\u2069]", "", text).split())


# Page counts --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("slug", "count", "blanks"),
    [
        ("article", 1, []),  # a one-page article is one page
        ("chapters-as-article", 1, []),  # no title page, no contents, no blank page
        ("article-as-book", 3, []),  # title page, imprint on its verso, the text on the next recto
        ("chapters", 7, [4, 6]),  # title, imprint, contents, blank verso, chapter, blank verso, chapter
        ("book", 7, [4, 6]),
    ],
)
def test_pages_and_blank_pages_of_each_layout(workspace: Path, slug: str, count: int, blanks: list[int]) -> None:
    """Blank: no text and no ink inside the trim box (rendered at 150 dpi), marks in the slug aside."""
    pdf = workspace / "dist" / f"{slug}.pdf"
    assert (len(pages(pdf)), blank_pages(pdf)) == (count, blanks)


def test_an_article_opens_with_its_head_and_ends_with_its_imprint(workspace: Path) -> None:
    """Title, subtitle and byline over the text on page 1, the text under them, the imprint after it;
    no running head nor folio on the opening page."""
    (text,) = pages(workspace / "dist" / "article.pdf")
    order = ["article", "تجربة صفحة البيانات", "سعاد العلوي، محمد بناني", "5 مارس 2026", "هذا نص قصير", "تختم المقال"]
    order += ["الناشر: دار المدينة للنشر", "الطبعة الأولى", "ردمك: 978-0-306-40615-7", "CC BY-SA 4.0", "Amiri"]
    found = [flat(text).find(part) for part in order]
    assert -1 not in found and found == sorted(found), list(zip(order, found, strict=True))
    page = pypdfium2.PdfDocument(workspace / "dist" / "article.pdf")[0]
    left, bottom, right, top = page.get_trimbox()
    head = page.get_textpage().get_text_bounded(left, top - 40 * MM, right, top)
    assert "article" in head and "هذا نص" not in head  # the head at the top of the page, the text under it
    margins = [(top - 17 * MM, top), (bottom, bottom + 19 * MM)]  # where a running head and a folio would be
    assert [page.get_textpage().get_text_bounded(left, low, right, high).strip() for low, high in margins] == ["", ""]


# The imprint --------------------------------------------------------------------------------------


@pytest.mark.parametrize("slug", ["book", "chapters"])
def test_the_imprint_page_of_a_book_with_rights_and_publisher_carries_both(workspace: Path, slug: str) -> None:
    pdf = workspace / "dist" / f"{slug}.pdf"
    index = anchor_page(pdf, "imprint")
    assert index == 1  # page 2, the title page's verso
    text = flat(pages(pdf)[index])
    publisher, rights = {"book": ("دار التجربة", "جميع الحقوق محفوظة")}.get(slug, ("دار المدينة للنشر", "CC BY-SA 4.0"))
    assert f"الناشر: {publisher}" in text and rights in text
    assert "العنوان:" in text and "تأليف:" in text and "تاريخ النشر:" in text
    assert "الخطوط: Amiri برخصة SIL Open Font License 1.1" in text
    page = pypdfium2.PdfDocument(pdf)[index]
    textpage = page.get_textpage()
    boxes = [textpage.get_charbox(i) for i in range(textpage.count_chars()) if textpage.get_text_range(i, 1).strip()]
    _, bottom, _, top = page.get_trimbox()
    assert max(box[3] for box in boxes) - bottom < 0.5 * (top - bottom)  # in the lower half of the page: at its foot
    assert min(box[1] for box in boxes) - bottom > 19 * MM  # on the foot margin: no folio under it


def test_the_imprint_names_the_edition_the_isbn_and_the_date_in_the_books_digits(workspace: Path) -> None:
    chapters = flat(pages(workspace / "dist" / "chapters.pdf")[1])
    assert "الطبعة الأولى" in chapters and "تاريخ النشر: 5 مارس 2026" in chapters
    assert "المعرّف: urn:x-test:chapters" in chapters  # an identifier the manifest gives, not an ISBN
    book = flat(pages(workspace / "dist" / "book.pdf")[1])  # Arabic-Indic digits, as the book's text writes them
    assert "تاريخ النشر: ٢ نوفمبر ٢٠٢٦" in book
    assert "urn:uuid" not in book  # the identifier made up from the slug names nothing to a reader


def test_labels_follow_the_language(workspace: Path) -> None:
    text = flat(pages(workspace / "dist" / "english.pdf")[1])
    for line in (
        "Title: A Short Book",
        "Author: Jane Doe",
        "Publisher: City Press",
        "Second edition",
        "Published: March 5, 2026",
        "ISBN: 979-10-90636-07-1",
        "Copyright 2026 Jane Doe. All rights reserved.",
        "Typefaces: Amiri licensed under the SIL Open Font License 1.1",
    ):
        assert line in text, line


def test_the_epub_has_the_imprint_as_its_copyright_page_after_the_title_page(workspace: Path) -> None:
    with zipfile.ZipFile(workspace / "dist" / "chapters.epub") as epub:
        opf = ElementTree.fromstring(epub.read("EPUB/content.opf"))
        page = epub.read("EPUB/imprint.xhtml").decode()
    spine = [item.get("idref") for item in opf.iter("{http://www.idpf.org/2007/opf}itemref")]
    assert spine[:3] == ["cover", "titlepage", "imprint"]
    assert 'epub:type="copyright-page"' in page
    text = flat(re.sub(r"<[^>]+>", "", page))
    for part in ("الناشر: دار المدينة للنشر", "النص مرخص بموجب CC BY-SA 4.0", "الطبعة الأولى", "5 مارس 2026"):
        assert part in text, part


def test_the_typefaces_are_those_the_book_is_set_in(workspace: Path, tmp_path: Path) -> None:
    """Only the families that draw something of the text: the seed is all Amiri; Tifinagh letters and code
    bring their fonts in."""
    assert "Noto" not in flat(pages(workspace / "dist" / "chapters.pdf")[1])
    root = make_workspace(tmp_path / "ws", FIXTURES / "mixed")
    manifest = root / "source" / "mixed" / "manifest.toml"
    manifest.write_text(manifest.read_text() + '[pdf]\nlayout = "book"\n')
    build(root, formats=["pdf"], jobs=1)
    text = flat(pages(root / "dist" / "mixed.pdf")[1])
    # the families under one licence named together, the licence once (typeset/imprint.py)
    assert "الخطوط: Amiri، Noto Sans Tifinagh برخصة SIL Open Font License 1.1" in text, text
    assert text.count("SIL Open Font License") == 1


@pytest.mark.parametrize(
    ("description", "url", "name"),
    [
        (
            "This Font Software is licensed under the SIL Open Font License, Version 1.1.",
            "",
            "SIL Open Font License 1.1",
        ),
        ("", "https://openfontlicense.org", "SIL Open Font License 1.1"),
        ("Licensed under the Apache License, Version 2.0", "", "Apache License 2.0"),
        ("Free for personal use", "", "Free for personal use"),
        ("x" * 80, "", None),
        ("", "", None),
    ],
)
def test_a_fonts_licence_is_named_from_its_own_tables(description: str, url: str, name: str | None) -> None:
    assert licence_name(description, url) == name


def test_a_workspace_template_overrides_the_imprint_in_both_outputs(tmp_path: Path) -> None:
    root = make_workspace(tmp_path / "ws", FIXTURES / "book")
    (root / "templates" / "partials").mkdir(parents=True)
    shutil.copy(REPO / "templates" / "partials" / "imprint.html.j2", root / "templates" / "partials")
    imprint = root / "templates" / "partials" / "imprint.html.j2"
    imprint.write_text(imprint.read_text().replace("</section>", "<p>طبع في الرباط</p>\n</section>"))
    build(root, jobs=1)
    assert "طبع في الرباط" in flat(pages(root / "dist" / "book.pdf")[1])
    with zipfile.ZipFile(root / "dist" / "book.epub") as epub:
        assert "طبع في الرباط" in epub.read("EPUB/imprint.xhtml").decode()
