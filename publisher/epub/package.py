"""Document → XHTML (Jinja2 templates) → ebooklib → EPUB 3 bytes, repacked deterministically.

ebooklib writes the package document (OPF metadata, manifest, spine) and the NCX; every XHTML
file, the nav document included, comes from our templates unchanged. Fonts are subset to the
characters the book's documents contain.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from markupsafe import Markup

from ..source.fonts import FontSet
from ..source.images import image_media_type
from ..source.languages import list_separator
from ..source.links import across_files
from ..source.manifest import Manifest, default_identifier
from ..source.reader import Document, TocEntry, text_characters
from ..typeset.imprint import imprint_context
from ..typeset.job import Job
from ..typeset.pagemap import CONTENTS, IMPRINT, TITLEPAGE, PageStart
from ..typeset.screen import faces_wanted, screen_body
from ..typeset.subset import subset_face
from ..typeset.templates import Templates, chapters_context
from .pagelist import insert_markers, marker_id, place_markers

STYLESHEET = "styles/book.css"
CONFORMS_TO = "EPUB Accessibility 1.1 - WCAG 2.2 Level AA"
COVER_SUFFIX = {"image/png": "png", "image/jpeg": "jpg", "image/svg+xml": "svg"}


@dataclass(frozen=True)
class Page:
    """One XHTML document of the book."""

    uid: str
    title: str
    xhtml: str
    properties: tuple[str, ...] = ()
    linear: bool = True

    @property
    def file_name(self) -> str:
        return f"{self.uid}.xhtml"


@dataclass(frozen=True)
class Cover:
    """The cover image: its bytes and media type."""

    data: bytes
    media_type: str

    @property
    def href(self) -> str:
        """Where the image lies in the EPUB."""
        return f"images/cover.{COVER_SUFFIX[self.media_type]}"


def render_epub(job: Job, cover: Cover, starts: Sequence[PageStart] = ()) -> bytes:
    """Build the EPUB 3 of a publication and return its bytes (equal inputs give equal bytes), with a
    page break marker and a page list entry where each page of its PDF begins (`starts`, from the PDF's
    layout; none without them)."""
    manifest, document, fonts, templates, modified = job.manifest, job.document, job.fonts, job.templates, job.modified
    labels = templates.labels(manifest.language)
    pages = render_pages(manifest, document, templates, labels, cover, fonts, modified, starts)
    characters = {c for page in pages for c in text_characters(page.xhtml, keep_format=True)}
    html = "".join(c.html for c in document.chapters)
    fonts = fonts.reaching(characters, **faces_wanted(html, manifest))
    paged = any('epub:type="pagebreak"' in page.xhtml for page in pages)  # then the nav lists the pages too
    return _package(manifest, document, fonts, templates, labels, cover, pages, characters, modified, paged)


def render_pages(
    manifest: Manifest,
    document: Document,
    templates: Templates,
    labels: dict[str, str],
    cover: Cover,
    fonts: FontSet,
    moment: dt.datetime,
    starts: Sequence[PageStart] = (),
) -> list[Page]:
    """Every XHTML document in reading order: cover, title page, imprint (the copyright page),
    chapters, then the nav document; marked where each page of the PDF begins (`starts`)."""
    common = {
        "m": manifest,
        "t": labels,
        "stylesheet": STYLESHEET,
        "separator": list_separator(manifest.language),
        "numerals": document.numerals,
    }
    chapters = [
        {**c, "body": Markup(across_files(screen_body(str(c["body"]), fonts, manifest), c["id"]))}
        for c in chapters_context(document, labels)
    ]
    imprint = imprint_context(manifest, document, fonts, moment)
    pages = [
        Page("cover", labels["cover"], templates.render("epub/cover.xhtml.j2", cover=cover.href, **common)),
        Page("titlepage", manifest.title, templates.render("epub/titlepage.xhtml.j2", **common)),
        Page("imprint", labels["imprint"], templates.render("epub/imprint.xhtml.j2", imprint=imprint, **common)),
        *(Page(c["id"], c["title"], templates.render("epub/chapter.xhtml.j2", chapter=c, **common)) for c in chapters),
    ]

    def nav(page_list: Sequence[tuple[str, str]]) -> str:
        toc, first = document.toc(), chapters[0]["id"]
        return templates.render("epub/nav.xhtml.j2", toc=toc, first=first, page_list=page_list, **common)

    return _marked(pages, nav, starts, labels["contents"])


# The EPUB document that holds each part of the book a page of the PDF may begin in (chapters by their id).
_DOCUMENTS = {TITLEPAGE: "titlepage", IMPRINT: "imprint", CONTENTS: "nav"}


def _marked(
    pages: list[Page], nav: Callable[[Sequence[tuple[str, str]]], str], starts: Sequence[PageStart], title: str
) -> list[Page]:
    """The documents with a page break marker where each page of the PDF begins, and the nav document
    (rendered by `nav` with a page list: each page's folio and link) after them."""
    wanted: dict[str, list[PageStart]] = {}
    for start in starts:
        wanted.setdefault(_DOCUMENTS.get(start.part, start.part), []).append(start)
    placed = {page.uid: place_markers(page.xhtml, False, wanted[page.uid]) for page in pages if page.uid in wanted}
    contents = place_markers(nav(()), True, wanted.get("nav", []))
    every = [*placed.items(), ("nav", contents)]
    found = sorted((start.number, uid, start) for uid, marks in every for _, start in marks)
    xhtml = nav([(start.folio, f"{uid}.xhtml#{marker_id(start)}") for _, uid, start in found])
    contents = place_markers(xhtml, True, wanted.get("nav", []))  # again, in the nav that lists the pages
    marked = [replace(page, xhtml=insert_markers(page.xhtml, placed.get(page.uid, ()))) for page in pages]
    return [*marked, Page("nav", title, insert_markers(xhtml, contents), properties=("nav",), linear=False)]


def accessibility_metadata(
    manifest: Manifest, document: Document, labels: dict[str, str], paged: bool = False
) -> list[tuple[str, str]]:
    """EPUB Accessibility 1.1 metadata as (property, value) pairs, the summary in the book's language;
    with `paged`, the book marks the pages of its PDF edition and lists them, which it names."""
    images = bool(document.images)
    features = ["structuralNavigation", "tableOfContents", "readingOrder", "displayTransformability"]
    features += ["pageBreakMarkers", "pageNavigation"] if paged else []
    summary = labels["summary"] + (" " + labels["summary_images"] if images else "")
    summary += " " + labels["summary_pages"] if paged else ""
    return [
        ("schema:accessMode", "textual"),
        *([("schema:accessMode", "visual")] if images else []),
        ("schema:accessModeSufficient", "textual"),
        *(("schema:accessibilityFeature", f) for f in features),
        *([("schema:accessibilityFeature", "alternativeText")] if images else []),
        ("schema:accessibilityHazard", "none"),
        ("schema:accessibilitySummary", summary),
        ("dcterms:conformsTo", CONFORMS_TO),
        *([("pageBreakSource", page_break_source(manifest))] if paged else []),
    ]


def page_break_source(manifest: Manifest) -> str:
    """The print edition the page markers come from, named so that it is told from any other: this
    title's PDF at its page size, its publisher and date, and its ISBN or the identifier the manifest
    gives (the one derived from the slug names nothing to a reader)."""
    named = [manifest.title, f"PDF {manifest.pdf.page_size}", *([manifest.publisher] if manifest.publisher else [])]
    named += [manifest.date.isoformat()] if manifest.date else []
    if manifest.isbn:
        named.append(f"ISBN {manifest.isbn}")
    elif manifest.identifier != default_identifier(manifest.slug):
        named.append(manifest.identifier)
    return list_separator(manifest.language).join(named)


def repack(data: bytes, moment: dt.datetime) -> bytes:
    """Rewrite a zip with `mimetype` first and stored, then every entry in order with one timestamp."""
    stamp = max(moment, dt.datetime(1980, 1, 1, tzinfo=dt.UTC)).timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        names = source.namelist()
        names.sort(key=lambda n: n != "mimetype")
        for name in names:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            target.writestr(info, source.read(name), compresslevel=9)
    return out.getvalue()


def _package(
    manifest: Manifest,
    document: Document,
    fonts: FontSet,
    templates: Templates,
    labels: dict[str, str],
    cover: Cover,
    pages: list[Page],
    characters: set[str],
    modified: dt.datetime,
    paged: bool = False,
) -> bytes:
    """Hand everything to ebooklib, which writes the OPF and NCX, then make the zip deterministic."""
    from ebooklib import epub

    class TemplatedXhtml(epub.EpubHtml):
        """An XHTML document whose bytes are ours: ebooklib must not rebuild it."""

        def __init__(self, page: Page) -> None:
            super().__init__(uid=page.uid, file_name=page.file_name, title=page.title, lang=manifest.language)
            self.rendered = page.xhtml.encode("utf-8")
            self.properties = list(page.properties)
            self.is_linear = page.linear

        def get_content(self, default: Any = None) -> bytes:
            return self.rendered

    class Writer(epub.EpubWriter):
        """ebooklib's writer, with the book's language on the package element too."""

        def _write_opf_file(self, root: Any) -> None:
            root.set("{http://www.w3.org/XML/1998/namespace}lang", manifest.language)
            super()._write_opf_file(root)

    book = epub.EpubBook()
    _metadata(book, manifest)
    for prop, value in accessibility_metadata(manifest, document, labels, paged):
        book.add_metadata(None, "meta", value, {"property": prop})
    items = {page.uid: TemplatedXhtml(page) for page in pages}
    for item in items.values():
        book.add_item(item)
    cover_item = epub.EpubCover(uid="cover-image", file_name=cover.href)
    cover_item.media_type, cover_item.content = cover.media_type, cover.data
    book.add_item(cover_item)
    book.add_metadata(None, "meta", "", {"name": "cover", "content": "cover-image"})  # for EPUB 2 readers
    book.add_item(
        epub.EpubItem(uid="style", file_name=STYLESHEET, media_type="text/css", content=_stylesheet(fonts, templates))
    )
    for number, face in enumerate(fonts.faces, start=1):
        book.add_item(
            epub.EpubItem(
                uid=f"font{number}",
                file_name=f"fonts/{face.file_name}",
                media_type=face.media_type,
                content=subset_face(face, characters),
            )
        )
    for number, image in enumerate(document.images, start=1):
        book.add_item(
            epub.EpubItem(
                uid=f"image{number}",
                file_name=image.href,
                media_type=image_media_type(image.path),
                content=image.path.read_bytes(),
            )
        )
    book.add_item(epub.EpubNcx())
    book.toc = [_ebooklib_toc(epub, entry) for entry in document.toc()]
    book.spine = [items[page.uid] for page in pages]

    buffer = io.BytesIO()
    options = {"mtime": modified, "epub3_landmark": False, "epub2_guide": False, "package_direction": True}
    writer = Writer(buffer, book, options)
    writer.process()
    try:
        writer.write()
    finally:  # a failed write leaves ebooklib's zip open; close it here, not in the garbage collector
        with contextlib.suppress(Exception):
            writer.out.close()
    return repack(buffer.getvalue(), modified)


def _metadata(book: Any, manifest: Manifest) -> None:
    """The OPF metadata: Dublin Core from the manifest (dcterms:modified is written by the packer)."""
    dc = "DC"
    book.set_identifier(manifest.identifier)
    book.set_language(manifest.language)
    book.set_direction(manifest.direction)
    book.add_metadata(dc, "title", manifest.title, {"id": "title"})
    book.title = manifest.title
    if manifest.subtitle:
        book.add_metadata(dc, "title", manifest.subtitle, {"id": "subtitle"})
        book.add_metadata(None, "meta", "main", {"refines": "#title", "property": "title-type"})
        book.add_metadata(None, "meta", "subtitle", {"refines": "#subtitle", "property": "title-type"})
    for number, author in enumerate(manifest.authors, start=1):
        book.add_author(author, uid=f"creator{number}")
    for key in ("publisher", "description", "rights"):
        value = getattr(manifest, key)
        if value:
            book.add_metadata(dc, key, value)
    if manifest.date:
        book.add_metadata(dc, "date", manifest.date.isoformat())
    for subject in manifest.subjects:
        book.add_metadata(dc, "subject", subject)


def _stylesheet(fonts: FontSet, templates: Templates) -> bytes:
    faces = templates.render(
        "partials/fonts.css.j2",
        faces=fonts.css_faces(lambda face: f"../fonts/{face.file_name}"),
        families=fonts.families,
    )
    return (faces + "\n" + templates.file("epub/book.css").read_text(encoding="utf-8")).encode("utf-8")


def _ebooklib_toc(epub: Any, entry: TocEntry) -> Any:
    href = f"{entry.chapter}.xhtml" + (f"#{entry.anchor}" if entry.anchor != entry.chapter else "")
    link = epub.Link(href, entry.title, entry.anchor)
    if not entry.children:
        return link
    return (epub.Section(entry.title, href), [_ebooklib_toc(epub, child) for child in entry.children])
