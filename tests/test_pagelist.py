"""The EPUB's print-page map: a marker where each page of the PDF begins, a page list, its source named.

Checked as a reader with both editions would: for every page of the PDF that carries text, the page list
has an entry, it leads to a page break marker, and the words after that marker in the XHTML are the first
words of the page's body as PDFium extracts them (running head and folio cropped away), on the
repository's publications and fixtures (`built`) and on `tests/fixtures/pages`, a small page on which pages
begin inside paragraphs, a list, a quotation, a table whose header the PDF repeats, and at an address.
"""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest
from conftest import FIXTURES, PUBLICATIONS, Built, make_workspace
from readers import epubcheck, words
from test_epub import ace_report

from publisher import PublishError, build
from publisher.builder.cache import FOLDER
from publisher.epub.pagelist import insert_markers, place_markers
from publisher.pdf.pagetype import PageType, average_advance, page_type
from publisher.typeset.pagemap import PageStart
from publisher.typeset.pagemap import words as page_words
from publisher.workspace import Workspace, packaged_dir

XHTML = "{http://www.w3.org/1999/xhtml}"
TYPE = "{http://www.idpf.org/2007/ops}type"
BUILT = [*(p.name for p in PUBLICATIONS), "book", "mixed", "poetry", "figures"]
COMPARED = 5  # words after each marker, against the page's first words
_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "tr", "div", "section", "figure", "figcaption"}
_BLOCKS |= {"blockquote", "br", "nav", "ol", "ul", "table", "img", "header", "aside", "pre"}
# What only the PDF prints, or PDFium places where it likes: note calls, the contents' page numbers, the
# separator of a byline. Words are compared without them.
_GENERATED = re.compile(r"^[\d\u0660-\u0669\u06f0-\u06f9.,٫٬]+$|^[·•]$")


@pytest.fixture(scope="module")
def paged(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The pages fixture, its PDF and EPUB built once."""
    root = make_workspace(tmp_path_factory.mktemp("pages"), FIXTURES / "pages")
    build(root, formats=["pdf", "epub"])
    return Built(root)


def workspace(request: pytest.FixtureRequest, slug: str) -> Built:
    return request.getfixturevalue("paged" if slug == "pages" else "built")


# The map against the PDF ---------------------------------------------------------------------------


# PDFium reads the first line of the poetry fixture's page 3 (a vocalised paragraph) right to left, letter
# by letter; poppler reads it right. A fault of the PDF's text layer, not of the map: when it is mended, this
# test passes, and strict xfail says so.
_TEXT_LAYER = pytest.mark.xfail(strict=True, reason="PDFium reads poetry's page 3 first line reversed")
CHECKED = [*(pytest.param(s, marks=_TEXT_LAYER) if s == "poetry" else s for s in BUILT), "pages"]
IMAGE = "\ufffc"  # an image where the words after a marker are read: a page may begin with one


@pytest.mark.parametrize("slug", CHECKED)
def test_each_page_with_text_is_listed_and_its_marker_precedes_its_first_words(
    request: pytest.FixtureRequest, slug: str
) -> None:
    space = workspace(request, slug)
    markers = read_markers(space.artifact(slug, "epub"))
    pages = body_words(space, slug)
    assert len(pages) > 1 or slug == "mixed"
    for number, (found, carries_text) in enumerate(pages, start=1):
        after, header = markers.get(number, ([], []))
        if not carries_text:  # blank, or a picture alone: marked only before its picture
            assert number not in markers or after[:1] == [IMAGE], f"page {number}: a marker before {after}"
            continue
        assert number in markers, f"page {number} of {slug}.pdf is not in the page list"
        after = [word for word in after if word != IMAGE]  # PDFium reads no picture
        if header and found[: len(header)] == header:
            found = found[len(header) :]  # the table's header, which the PDF repeats on each page it runs on
        compared = min(COMPARED, len(after))
        assert compared > 0 and after[:compared] == found[:compared], f"page {number}: {after} / {found}"


def test_the_pages_fixture_begins_pages_everywhere(paged: Built) -> None:
    """The fixture does what it is for: markers inside a paragraph, a list item, a table cell, and before an
    address's isolate (never inside it)."""
    with zipfile.ZipFile(paged.artifact("pages", "epub")) as archive:
        text = "".join(archive.read(f"EPUB/ch0{n}.xhtml").decode() for n in (1, 2))
    marker = r'<span epub:type="pagebreak" role="doc-pagebreak" id="page-\d+" title="\d+" aria-label="\d+"></span>'
    assert re.search(rf"<td>{marker}مدينة", text)
    assert re.search(rf"<li>{marker}عنصر ثان", text)
    assert re.search(rf'{marker}<span dir="ltr">\u2066https://', text)
    assert re.search(rf"والإدماج {marker}الاجتماعي،", text)  # between two words of a paragraph


@pytest.mark.parametrize("slug", ["book", "pages"])
def test_folios_are_the_pdfs_in_its_numerals(request: pytest.FixtureRequest, slug: str) -> None:
    """Each marker's label is the folio the PDF prints on its page (book: Arabic-Indic digits), and pages
    that print none (title page, imprint, chapter openings) are numbered on."""
    import pypdfium2

    space = workspace(request, slug)
    labels = page_labels(space.artifact(slug, "epub"))
    margin = type_area(space, slug).bottom - 4  # the foot margin, where the folio is
    document = pypdfium2.PdfDocument(space.artifact(slug, "pdf"))
    try:
        for number, label in labels.items():
            page = document[number - 1]
            left, bottom, right, _ = page.get_trimbox()
            foot = page.get_textpage().get_text_bounded(left, bottom, right, bottom + margin).strip()
            assert foot in ("", label), f"page {number}: prints {foot!r}, labelled {label!r}"
    finally:
        document.close()
    digits = "٠١٢٣٤٥٦٧٨٩" if slug == "book" else "0123456789"
    assert list(labels.values()) == ["".join(digits[int(d)] for d in str(n)) for n in labels]


# The package ------------------------------------------------------------------------------------------


def test_page_list_source_and_features_are_declared(paged: Built) -> None:
    with zipfile.ZipFile(paged.artifact("pages", "epub")) as archive:
        opf = ElementTree.fromstring(archive.read("EPUB/content.opf"))
        nav = ElementTree.fromstring(archive.read("EPUB/nav.xhtml"))
    metas = {}
    for meta in opf.iter("{http://www.idpf.org/2007/opf}meta"):
        metas.setdefault(meta.get("property"), []).append(meta.text)
    assert {"pageBreakMarkers", "pageNavigation"} <= set(metas["schema:accessibilityFeature"])
    assert metas["pageBreakSource"] == ["خريطة الصفحات، PDF A6، 2026-12-01"]
    assert "قائمة بالصفحات" in metas["schema:accessibilitySummary"][0]
    (page_list,) = [n for n in nav.iter(f"{XHTML}nav") if n.get(TYPE) == "page-list"]
    assert page_list.get("hidden") is not None and page_list.get("role") == "doc-pagelist"


def test_epubcheck_and_ace_find_nothing(paged: Built) -> None:
    epub = paged.artifact("pages", "epub")
    assert [(m["ID"], m["severity"]) for m in epubcheck(epub)] == [("CSS-028", "USAGE")]
    report = ace_report(epub)
    assert [a for document in report["assertions"] for a in document["assertions"]] == []
    assert report["properties"]["hasPageBreaks"] is True


# The build ----------------------------------------------------------------------------------------------


def test_an_epub_built_alone_lays_the_pdf_out_and_is_the_same(built: Built, tmp_path: Path) -> None:
    """`--format epub` without a cache: the EPUB lays the PDF out itself (not written) and marks the same pages."""
    build(built.root, ["book"], formats=["epub"], dist=tmp_path, cache=False)
    assert (tmp_path / "book.epub").read_bytes() == built.artifact("book", "epub").read_bytes()
    assert not (tmp_path / "book.pdf").exists()


def test_an_epub_rebuilt_alone_takes_the_pdfs_page_map_from_the_cache(
    paged: Built, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An EPUB template change renders the EPUB only, with the page map its PDF's cache entry keeps; a page
    map damaged in the cache is not trusted: the EPUB lays the PDF out again."""
    root = tmp_path / "copy"
    shutil.copytree(paged.root, root)
    override = root / "templates" / "epub" / "book.css"
    override.parent.mkdir(parents=True)
    override.write_text((packaged_dir("templates") / "epub" / "book.css").read_text() + "\n/* changed */\n")

    def refused(job: object) -> None:
        raise AssertionError("laid out again")

    monkeypatch.setattr("publisher.pdf.render.lay_out_pages", refused)  # the render workers are forked with it
    artifacts = build(root, formats=["pdf", "epub"], jobs=1)
    assert {a.path.name for a in artifacts if a.rendered} == {"pages.epub"}
    assert chapters(root / "dist" / "pages.epub") == chapters(paged.artifact("pages", "epub"))

    entry = root / FOLDER / "artifacts" / "pages.pdf.json"
    entry.write_text(entry.read_text().replace('"ch02",', '"ch02", "one field too many",', 1))
    override.write_text(override.read_text() + "/* changed again */\n")
    with pytest.raises(PublishError, match="laid out again"):
        build(root, formats=["epub"], jobs=1)


def chapters(epub: Path) -> list[bytes]:
    with zipfile.ZipFile(epub) as archive:
        return [archive.read(name) for name in sorted(archive.namelist()) if name.startswith("EPUB/ch")]


# Placing a marker ----------------------------------------------------------------------------------------

HEAD = '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><body>'


def start(number: int, index: int, text: str) -> PageStart:
    return PageStart(number, str(number), "ch01", index, tuple(page_words(text)))


def placed(body: str, *starts: PageStart, contents: bool = False) -> str:
    xhtml = HEAD + body + "</body></html>"
    out = insert_markers(xhtml, place_markers(xhtml, contents, starts))
    return re.sub(r'<span epub:type="pagebreak"[^>]*></span>', "|", out)[len(HEAD) : -len("</body></html>")]


def test_a_marker_goes_before_the_elements_its_word_opens_where_they_admit_one() -> None:
    section = '<section class="chapter" id="ch01">'
    assert placed(f"{section}<h1>عنوان الفصل</h1><p>نص</p></section>", start(5, 0, "عنوان الفصل نص")) == (
        f"{section}|<h1>عنوان الفصل</h1><p>نص</p></section>"  # never inside the heading: its name
    )
    assert placed("<p>أ ب</p><ul>\n<li>ج د</li>\n<li>هـ و</li></ul>", start(2, 4, "هـ و")) == (
        "<p>أ ب</p><ul>\n<li>ج د</li>\n<li>|هـ و</li></ul>"
    )
    assert placed("<p>أ</p><table><tbody><tr><td>ب</td></tr></tbody></table>", start(2, 1, "ب")) == (
        "<p>أ</p>|<table><tbody><tr><td>ب</td></tr></tbody></table>"
    )
    text = '<p>كلمة <span dir="ltr">\u2066WeasyPrint 70\u2069</span> بعدها</p>'
    assert placed(text, start(3, 1, "WeasyPrint 70 بعدها")) == (
        '<p>كلمة |<span dir="ltr">\u2066WeasyPrint 70\u2069</span> بعدها</p>'
    )


def test_notes_are_not_counted_and_a_hyphenated_word_is_marked_whole() -> None:
    body = (
        '<p>أ<sup class="footnote-ref"><a epub:type="noteref" href="#n">١</a></sup> ب&amp;ج د</p>'
        '<div class="footnotes"><aside epub:type="footnote" id="n"><p>حاشية</p></aside></div>'
    )
    assert placed(body, start(2, 1, "ب&ج د")) == body.replace(" ب&amp;", " |ب&amp;")
    assert placed("<p>one hyphenation two three</p>", start(2, 2, "ation two three")) == (
        "<p>one |hyphenation two three</p>"  # the layout counted "hyphen‐" before the page
    )


def test_contents_are_marked_before_the_list_only() -> None:
    nav = '<nav epub:type="toc" id="toc"><h1>المحتويات</h1><ol><li><a href="a.xhtml">أ</a></li></ol></nav>'
    first, second = start(3, 0, "المحتويات أ"), start(4, 1, "أ")
    assert placed(nav, first, second, contents=True) == "|" + nav  # a continued list has no place for one


# Reading the editions ------------------------------------------------------------------------------------


def read_markers(epub: Path) -> dict[int, tuple[list[str], list[str]]]:
    """Each page the page list names (by its marker's id, page-N): the words after its marker in its
    document, and the words of the header of the table the marker is in, if any. Every link must lead to
    a marker whose title and label are the entry's text."""
    out: dict[int, tuple[list[str], list[str]]] = {}
    with zipfile.ZipFile(epub) as archive:
        nav = ElementTree.fromstring(archive.read("EPUB/nav.xhtml"))
        (page_list,) = [n for n in nav.iter(f"{XHTML}nav") if n.get(TYPE) == "page-list"]
        for link in page_list.iter(f"{XHTML}a"):
            name, _, target = link.get("href").partition("#")
            root = ElementTree.fromstring(archive.read(f"EPUB/{name}"))
            (marker,) = [e for e in root.iter() if e.get("id") == target]
            assert marker.get(TYPE) == "pagebreak" and marker.get("role") == "doc-pagebreak"
            assert marker.get("title") == marker.get("aria-label") == link.text
            out[int(target.removeprefix("page-"))] = (_plain(words(_text_after(root, target))), _header(root, target))
    return out


def page_labels(epub: Path) -> dict[int, str]:
    with zipfile.ZipFile(epub) as archive:
        nav = ElementTree.fromstring(archive.read("EPUB/nav.xhtml"))
    (page_list,) = [n for n in nav.iter(f"{XHTML}nav") if n.get(TYPE) == "page-list"]
    return {int(a.get("href").rpartition("#page-")[2]): a.text for a in page_list.iter(f"{XHTML}a")}


def body_words(space: Built, slug: str) -> list[tuple[list[str], bool]]:
    """Per page of the PDF: the words of its body (the type area: running head and folio cropped away, at
    the margins the layout gives the page), and whether the page carries text at all."""
    import pypdfium2

    kind = type_area(space, slug)
    document = pypdfium2.PdfDocument(space.artifact(slug, "pdf"))
    pages = []
    try:
        for page in document:
            left, bottom, right, top = page.get_trimbox()
            text = page.get_textpage()
            body = text.get_text_bounded(left, bottom + kind.bottom - 4, right, top - kind.top + 4)
            pages.append((_plain(words(body)), bool(text.get_text_bounded().strip())))
    finally:
        document.close()
    return pages


def type_area(space: Built, slug: str) -> PageType:
    """The page type the PDF of `slug` was laid out with: its margins hold the running head and the folio."""
    from publisher.source.fonts import load_fonts
    from publisher.source.manifest import load_manifest
    from publisher.typeset.document import typeset_document

    manifest = load_manifest(space.root / "source" / slug)
    advance = average_advance(typeset_document(manifest), load_fonts(Workspace(space.root).search_path("fonts")))
    return page_type(manifest.pdf.page_size, advance, manifest.pdf.font_size, mirrored=manifest.pdf.profile == "print")


def _plain(found: list[str]) -> list[str]:
    return [word for word in found if not _GENERATED.match(word)]


def _is_note(element: ElementTree.Element) -> bool:
    kinds, classes = set((element.get(TYPE) or "").split()), set((element.get("class") or "").split())
    return bool(kinds & {"footnote", "noteref"} or classes & {"footnotes", "footnote-ref"})


def _text_after(root: ElementTree.Element, target: str) -> str:
    """The text of a document after the element with id `target`, notes left out, blocks apart."""
    out: list[str] = []
    reading = False

    def walk(element: ElementTree.Element) -> None:
        nonlocal reading
        tag = element.tag.removeprefix(XHTML)
        if element.get("id") == target:
            reading = True
        elif not _is_note(element) and element.get("hidden") is None:
            out.append(f" {IMAGE} " if reading and tag == "img" else " " if reading and tag in _BLOCKS else "")
            out.append(element.text or "" if reading else "")
            for child in element:
                walk(child)
            out.append(" " if reading and tag in _BLOCKS else "")
        out.append(element.tail or "" if reading else "")

    walk(root)
    return "".join(out)


def _header(root: ElementTree.Element, target: str) -> list[str]:
    """The words of the header of the table whose body holds the element `target`, else none."""
    for table in root.iter(f"{XHTML}table"):
        body = table.find(f"{XHTML}tbody")
        if body is not None and any(e.get("id") == target for e in body.iter()):
            head = table.find(f"{XHTML}thead")
            return words(" ".join(head.itertext())) if head is not None else []
    return []
