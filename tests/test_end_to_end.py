"""End to end: build the seed and a two-chapter book, then read the artifacts with real readers."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pypdfium2
import pytest
from conftest import FIXTURES, REPO, SEED, Built, make_workspace
from fontTools.ttLib import TTFont
from readers import embedded_fonts, pdfium_text, recall

from publisher import build

NS = {
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
    "xhtml": "http://www.w3.org/1999/xhtml",
    "ncx": "http://www.daisy.org/z3986/2005/ncx/",
}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
MM = 72 / 25.4


def packaged_font_ids() -> set[str]:
    return {TTFont(p)["name"].getDebugName(3) for p in (REPO / "fonts").glob("*.ttf")}


def opf(epub: Path) -> ElementTree.Element:
    with zipfile.ZipFile(epub) as archive:
        return ElementTree.fromstring(archive.read("EPUB/content.opf"))


# PDF ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("slug", "size_mm"), [(SEED, (148, 210)), ("book", (176, 250))])
def test_pdf_opens_with_the_trim_size_of_the_manifest(built: Built, slug: str, size_mm: tuple[int, int]) -> None:
    import pikepdf

    # the article: its pages of text; the book: title page, imprint, contents, chapters on rectos
    assert len(pypdfium2.PdfDocument(built.artifact(slug, "pdf"))) >= (2 if slug == SEED else 7)
    with pikepdf.open(built.artifact(slug, "pdf")) as pdf:
        left, bottom, right, top = (float(v) for v in pdf.pages[0].TrimBox)
    assert (round((right - left) / MM), round((top - bottom) / MM)) == size_mm


def test_pdf_metadata_comes_from_the_manifest(built: Built) -> None:
    meta = pypdfium2.PdfDocument(built.artifact("book", "pdf")).get_metadata_dict()
    assert meta["Title"] == "دفتر الورشة"
    assert meta["Author"] == "هيئة التحرير, قسم التدقيق"
    assert meta["Subject"] == "كتاب صغير يختبر العناوين والقوائم والاقتباس والحواشي."
    assert meta["Keywords"] == "اختبار, نشر"
    assert meta["CreationDate"].startswith("D:20261102")


def test_pdf_declares_language_and_direction(built: Built) -> None:
    import pikepdf

    with pikepdf.open(built.artifact(SEED, "pdf")) as pdf:
        assert str(pdf.Root.Lang) == "ar"


@pytest.mark.parametrize("slug", [SEED, "book"])
def test_pdf_embeds_only_the_fonts_of_fonts_folder(built: Built, slug: str) -> None:
    fonts = embedded_fonts(built.artifact(slug, "pdf").read_bytes())
    assert fonts, "the PDF has no fonts"
    assert all(unique in packaged_font_ids() for unique in fonts.values()), fonts
    assert {re.sub(r"^/[A-Z]{6}\+", "/", name) for name in fonts} <= {
        "/Noto-Sans-Tifinagh",
        "/Amiri",
        "/Amiri-Bold",
        "/Amiri-Italic",
        "/Amiri-BoldItalic",
    }


def test_seed_text_extracts_in_order(built: Built) -> None:
    """PDFium finds 99.4 % of the seed's 473 words in order (measured 2026-11-30).

    The three misses are the three "2021-2026": in an Arabic line the bidi algorithm shows the
    range right to left, and PDFium extracts it as "2026-2021" (issue 4 works on that).
    """
    source = (REPO / "source" / SEED / "article.txt").read_text(encoding="utf-8")
    share, missing = recall(source, pdfium_text(built.artifact(SEED, "pdf").read_bytes()))
    assert share >= 0.99, missing
    assert set(missing) <= {"2021-2026"}


def test_book_text_extracts_in_order(built: Built) -> None:
    """PDFium finds 100 % of the book fixture's words in order, chapters in manifest order."""
    text = pdfium_text(built.artifact("book", "pdf").read_bytes())
    for name in ("b-first.md", "a-second.md"):
        source = (FIXTURES / "book" / name).read_text(encoding="utf-8")
        source = re.sub(r"!\[[^\]]*\]\([^)]*\)|\[\^1\]:?|^[#>|-]+|\|", " ", source, flags=re.MULTILINE)
        share, missing = recall(source, text)
        assert share == 1.0, missing
    assert text.index("الفصل الأول") < text.index("الفصل الثاني")


def test_pdf_page_numbers_follow_the_digits_of_the_text(built: Built) -> None:
    """The seed is Moroccan and writes European digits: so do its folios (W3C alreq, CLDR ar-MA)."""
    document = pypdfium2.PdfDocument(built.artifact(SEED, "pdf"))
    number = str(len(document))
    last = document[len(document) - 1].get_textpage().get_text_bounded()
    assert last.rstrip().endswith(number)
    assert not last.rstrip().endswith(number.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")))


# EPUB -----------------------------------------------------------------------------------------


def test_opf_has_the_manifest_metadata_and_an_rtl_spine(built: Built) -> None:
    package = opf(built.artifact("book", "epub"))
    meta = package.find("opf:metadata", NS)

    def dc(name: str) -> list[str]:
        return [e.text for e in meta.findall(f"dc:{name}", NS)]

    assert dc("title") == ["دفتر الورشة", "كتاب تجريبي من فصلين"]
    assert dc("creator") == ["هيئة التحرير", "قسم التدقيق"]
    assert dc("language") == ["ar"]
    assert dc("identifier")[0].startswith("urn:uuid:")
    assert dc("date") == ["2026-11-02"]
    assert dc("publisher") == ["دار التجربة"]
    assert dc("subject") == ["اختبار", "نشر"]
    assert dc("description") == ["كتاب صغير يختبر العناوين والقوائم والاقتباس والحواشي."]
    assert dc("rights") == ["جميع الحقوق محفوظة"]
    modified = [e.text for e in meta.findall("opf:meta", NS) if e.get("property") == "dcterms:modified"]
    assert modified == ["2026-11-02T00:00:00Z"]
    spine = package.find("opf:spine", NS)
    assert spine.get("page-progression-direction") == "rtl"
    assert [(i.get("idref"), i.get("linear", "yes")) for i in spine] == [
        ("cover", "yes"),
        ("titlepage", "yes"),
        ("imprint", "yes"),
        ("ch01", "yes"),
        ("ch02", "yes"),
        ("nav", "no"),
    ]


def test_every_xhtml_document_has_lang_and_dir(built: Built) -> None:
    with zipfile.ZipFile(built.artifact("book", "epub")) as archive:
        documents = [n for n in archive.namelist() if n.endswith(".xhtml")]
        assert len(documents) == 6  # cover, title page, imprint, two chapters, nav
        for name in documents:
            root = ElementTree.fromstring(archive.read(name))
            assert (root.get("lang"), root.get(XML_LANG), root.get("dir")) == ("ar", "ar", "rtl"), name


def test_nav_and_ncx_list_chapters_in_reading_order_with_nested_headings(built: Built) -> None:
    with zipfile.ZipFile(built.artifact("book", "epub")) as archive:
        nav = ElementTree.fromstring(archive.read("EPUB/nav.xhtml"))
        ncx = ElementTree.fromstring(archive.read("EPUB/toc.ncx"))
    top = nav.findall(".//xhtml:nav[@id='toc']/xhtml:ol/xhtml:li", NS)
    assert [li.find("xhtml:a", NS).text for li in top] == ["الفصل الأول: البداية", "الفصل الثاني: الخاتمة"]
    assert [a.text for a in top[0].findall("xhtml:ol/xhtml:li/xhtml:a", NS)] == ["قائمة المهام"]
    nested = top[1].findall("xhtml:ol/xhtml:li/xhtml:ol/xhtml:li/xhtml:a", NS)
    assert [(a.text, a.get("href")) for a in nested] == [("ملاحظة أخيرة", "ch02.xhtml#ch02-h3")]
    points = ncx.findall(".//ncx:navPoint/ncx:navLabel/ncx:text", NS)
    assert [p.text for p in points][:2] == ["الفصل الأول: البداية", "قائمة المهام"]


def test_epub_stylesheet_embeds_the_fonts_it_ships(built: Built) -> None:
    with zipfile.ZipFile(built.artifact("book", "epub")) as archive:
        css = archive.read("EPUB/styles/book.css").decode()
        shipped = {n.removeprefix("EPUB/") for n in archive.namelist() if n.startswith("EPUB/fonts/")}
    referenced = {u.removeprefix("../") for u in re.findall(r'url\("([^"]+)"\)', css)}
    assert referenced == shipped
    assert "fonts/Amiri-Regular.ttf" in shipped
    manifest_types = {
        i.get("href"): i.get("media-type")
        for i in opf(built.artifact("book", "epub")).iter()
        if i.get("href", "").startswith("fonts/")
    }
    assert set(manifest_types.values()) == {"font/ttf"}


def test_epub_zip_layout(built: Built) -> None:
    with zipfile.ZipFile(built.artifact(SEED, "epub")) as archive:
        first = archive.infolist()[0]
        assert (first.filename, first.compress_type) == ("mimetype", zipfile.ZIP_STORED)
        assert archive.read("mimetype") == b"application/epub+zip"


# Both -----------------------------------------------------------------------------------------


def test_equal_inputs_give_equal_bytes(built: Built, tmp_path: Path) -> None:
    again = make_workspace(tmp_path / "again", FIXTURES / "book")
    build(again)
    for fmt in ("pdf", "epub"):
        assert (again / "dist" / f"book.{fmt}").read_bytes() == built.artifact("book", fmt).read_bytes(), fmt


def test_committed_dist_is_what_source_builds_now() -> None:
    """dist/ in the repo, index.html and SHA256SUMS included, is a fresh build of source/ (the same
    check as `publish build --check`; when it fails: publish build, then commit dist/)."""
    from publisher.builder.verify import stale_artifacts

    assert stale_artifacts(REPO) == []


def test_workspace_templates_override_the_packaged_ones(tmp_path: Path) -> None:
    root = make_workspace(tmp_path / "ws", FIXTURES / "book")
    (root / "templates" / "partials").mkdir(parents=True)
    shutil.copy(REPO / "templates" / "partials" / "title.html.j2", root / "templates" / "partials")
    title = root / "templates" / "partials" / "title.html.j2"
    title.write_text(title.read_text().replace("</h1>", " — طبعة خاصة</h1>"))
    build(root, formats=["epub"])
    with zipfile.ZipFile(root / "dist" / "book.epub") as archive:
        assert "طبعة خاصة" in archive.read("EPUB/titlepage.xhtml").decode()


def test_template_syntax_in_an_article_is_text_not_a_template(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    folder = root / "source" / "tpl"
    folder.mkdir(parents=True)
    (folder / "manifest.toml").write_text('title = "قوالب"\nauthors = ["أ"]\n', encoding="utf-8")
    (folder / "a.md").write_text("نص {{ 7*7 }} و{% include 'pdf/book.css' %} و{# تعليق #}\n", encoding="utf-8")
    build(root)
    with zipfile.ZipFile(root / "dist" / "tpl.epub") as archive:
        chapter = archive.read("EPUB/ch01.xhtml").decode().replace("\u2066", "").replace("\u2069", "")
    text = re.sub(r"<[^>]*>", "", chapter)  # the typesetting's spans and curly quotes aside
    assert "{{ 7*7 }}" in text and "{% include ‘pdf/book.css’ %}" in text and "{# تعليق #}" in text
    assert "49" not in text and "@page" not in text
    assert "{{ 7*7 }}" in pdfium_text((root / "dist" / "tpl.pdf").read_bytes()).replace("\u2066", "").replace(
        "\u2069", ""
    )
