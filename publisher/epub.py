"""Document → XHTML (Jinja2 templates) → ebooklib → EPUB 3 bytes, repacked deterministically.

ebooklib writes the package document (OPF metadata, manifest, spine) and the NCX; every XHTML
file, the nav document included, comes from our templates unchanged.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Any

from .fonts import FontSet
from .manifest import Manifest
from .reader import IMAGE_SUFFIXES, Document, TocEntry
from .templates import Templates, chapters_context, list_separator

STYLESHEET = "styles/book.css"


def render_epub(
    manifest: Manifest, document: Document, fonts: FontSet, templates: Templates, modified: dt.datetime
) -> bytes:
    """Build the EPUB 3 of a publication and return its bytes (equal inputs give equal bytes)."""
    from ebooklib import epub

    class TemplatedXhtml(epub.EpubHtml):
        """An XHTML document whose bytes are ours: ebooklib must not rebuild it."""

        def __init__(self, content: str, properties: tuple[str, ...] = (), **kwargs: Any) -> None:
            super().__init__(**kwargs)
            self.rendered = content.encode("utf-8")
            self.properties = list(properties)

        def get_content(self, default: Any = None) -> bytes:
            return self.rendered

    fonts = FontSet(tuple(_used_faces(fonts, document)), fonts.families)
    book = epub.EpubBook()
    _metadata(book, manifest)
    common = {"m": manifest, "stylesheet": STYLESHEET, "separator": list_separator(manifest.language)}

    titlepage = TemplatedXhtml(
        templates.render("epub/titlepage.xhtml.j2", **common),
        uid="titlepage",
        file_name="titlepage.xhtml",
        title=manifest.title,
        lang=manifest.language,
    )
    chapters = [
        TemplatedXhtml(
            templates.render("epub/chapter.xhtml.j2", chapter=context, **common),
            uid=context["id"],
            file_name=f"{context['id']}.xhtml",
            title=context["title"],
            lang=manifest.language,
        )
        for context in chapters_context(document)
    ]
    nav = TemplatedXhtml(
        templates.render("epub/nav.xhtml.j2", toc=document.toc(), **common),
        properties=("nav",),
        uid="nav",
        file_name="nav.xhtml",
        lang=manifest.language,
    )
    for item in (titlepage, *chapters, nav):
        book.add_item(item)
    book.add_item(
        epub.EpubItem(
            uid="style",
            file_name=STYLESHEET,
            media_type="text/css",
            content=_stylesheet(fonts, templates).encode("utf-8"),
        )
    )
    for number, face in enumerate(fonts.faces, start=1):
        book.add_item(
            epub.EpubItem(
                uid=f"font{number}",
                file_name=f"fonts/{face.path.name}",
                media_type=face.media_type,
                content=face.path.read_bytes(),
            )
        )
    for number, image in enumerate(document.images, start=1):
        book.add_item(
            epub.EpubItem(
                uid=f"image{number}",
                file_name=image.href,
                media_type=IMAGE_SUFFIXES[image.path.suffix.lower()],
                content=image.path.read_bytes(),
            )
        )
    book.add_item(epub.EpubNcx())
    book.toc = [_ebooklib_toc(epub, entry) for entry in document.toc()]
    book.spine = [titlepage, *chapters]

    buffer = io.BytesIO()
    options = {
        "mtime": modified,
        "epub3_landmark": False,
        "epub2_guide": False,
        "package_direction": True,
        "raise_exceptions": True,
    }
    epub.write_epub(buffer, book, options)
    return repack(buffer.getvalue(), modified)


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
            if name == "mimetype":
                info.compress_type = zipfile.ZIP_STORED
            else:
                info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, source.read(name), compresslevel=9)
    return out.getvalue()


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


def _stylesheet(fonts: FontSet, templates: Templates) -> str:
    faces = templates.render(
        "partials/fonts.css.j2",
        faces=fonts.css_faces(lambda face: f"../fonts/{face.path.name}"),
        families=fonts.families,
    )
    return faces + "\n" + templates.file("epub/book.css").read_text(encoding="utf-8")


def _used_faces(fonts: FontSet, document: Document) -> list[Any]:
    """The faces the book can reach: upright ones always (titles are bold), italic ones when it has <em>."""
    italic = any("<em>" in c.html for c in document.chapters)
    return [f for f in fonts.faces if f.style == "normal" or italic]


def _ebooklib_toc(epub: Any, entry: TocEntry) -> Any:
    href = f"{entry.chapter}.xhtml" + (f"#{entry.anchor}" if entry.anchor != entry.chapter else "")
    link = epub.Link(href, entry.title, entry.anchor)
    if not entry.children:
        return link
    return (epub.Section(entry.title, href), [_ebooklib_toc(epub, child) for child in entry.children])
