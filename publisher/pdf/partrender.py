"""One part of a book (parts.py) rendered alone: laid out, told its page numbers late, its stub pages dropped,
drawn and finished as the whole book's pages are, and described for the merge (merge.py).

Links to anchors in other parts would be dropped by WeasyPrint (it keeps a link only to an anchor of the
document): such anchors are added to the part's first page, so that the link is written (`/Dest (name)`,
as in the whole book), and the merge keeps the destination of the part that has the anchor.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..typeset.job import Job
from ..typeset.numerals import CSS_COUNTER_STYLES
from ..typeset.pagemap import PageStart
from .justified import fit_justified
from .orient import Written, orient
from .pagemap import page_starts
from .parts import PART_END, PART_START, Book, Part, part_html
from .render import finisher, pdf_options, weasyprint_for
from .tounicode import cluster_glyphs
from .weasyhooks import Laid, Numbers, font_data, font_facts, footnote_calls, has_footnotes, late_page_numbers


class Unsupported(Exception):
    """The part cannot give the pages the whole book has: the book is laid out in one piece instead."""


Maps = dict[str, dict[int, str]]  # each font's glyphs (by the font's resource name) and the text each reads as


@dataclass(frozen=True)
class FontUse:
    """A font a part's PDF embeds, by its resource name: the file it comes from (SHA-256, face index), whether
    the merge may subset it, its glyphs' widths and texts as the part's text layer read them, and the clusters
    of several glyphs it draws (tounicode.py's votes)."""

    digest: str
    index: int
    family: str
    plain: bool
    widths: dict[int, float]
    texts: dict[int, str]
    clusters: list[tuple[str, list[tuple[int, bool]]]]


@dataclass(frozen=True)
class Laidout:
    """A part laid out: its WeasyPrint document and the counter styles it read, the pages it keeps (its
    stubs' dropped), their first's number in the book, and what its layout said at its first margin box."""

    document: Any
    counters: Any
    kept: list[Any]
    first: int
    laid: Laid


@dataclass(frozen=True)
class PartPdf:
    """A part rendered: its PDF, and what the merge needs besides (its print-page map: pagemap.py)."""

    index: int
    data: bytes
    pages: int
    starts: tuple[PageStart, ...]
    fake: frozenset[str]  # destinations that stand for anchors of other parts
    bookmarks: list[tuple[float, list[Any]]]  # each page's height and Page.bookmarks
    fonts: dict[str, FontUse] = field(default_factory=dict)


def lay_out(
    book: Book, part: Part, job: Job, told: Callable[[Laid], Numbers], stand_ins: Mapping[str, int] | None = None
) -> Laidout:
    """Lay `part` out (`told` gives its numbers once it is counted; the front matter's `stand_ins` stand for
    the anchors its contents number)."""
    said: list[Laid] = []
    given: list[Numbers] = []

    def supply(laid: Laid) -> Numbers:
        said.append(laid)
        if part.index and laid.page_based_content:
            raise Unsupported("a chapter prints page numbers or targets of its own (counter(page), target-counter())")
        if laid.running_elements:
            raise Unsupported("it has running elements (element())")
        if laid.page_counters - {"page", "pages"}:
            raise Unsupported("its pages count more than pages")
        given.append(told(laid))
        return given[0]

    with weasyprint_for(job) as layout, late_page_numbers(supply):
        document, counters = layout(part_html(book, part, stand_ins))
        fit_justified(document)  # see justified.py
    pages = document.pages
    ends = [n for n, page in enumerate(pages) if PART_END in page.anchors]
    stop = ends[0] if ends else len(pages)
    start = 2 if part.index else 0
    expected = part.chapters[0] if part.chapters else None
    if part.index and not (PART_START in pages[0].anchors and expected in pages[start].anchors):
        raise Unsupported("a chapter does not open on the recto after a part's first page")
    if part.closing and not ends:
        raise Unsupported("a part's last chapter did not end before the next one's opening")
    if part.closing and has_footnotes(pages[stop]):  # in the book, they are on the next chapter's first page
        raise Unsupported("a footnote of a part's last page was carried over to the next chapter's")
    return Laidout(document, counters, pages[start:stop], start + 1 + given[0].shift, said[0])


def draw(
    laidout: Laidout,
    part: Part,
    job: Job,
    html: str,
    marks: tuple[float, str] | None,
    earlier: Callable[[Maps], Maps],
) -> PartPdf:
    """The PDF of the `kept` pages of a laid out part, finished as the book's (render.finisher).

    WeasyPrint maps a glyph to the text it is first drawn for (a bracket drawn mirrored reads as its mirror
    image), and the text layer reads that map: before it runs, `earlier` is given the part's glyph maps and
    returns, for the glyphs that parts before it drew, the text they were first drawn for in the book.
    """
    document, kept = laidout.document, laidout.kept
    copy = document.copy(kept)
    starts = page_starts(copy, laidout.counters, CSS_COUNTER_STYLES[job.document.numerals], laidout.first)
    if part.index and footnote_calls(kept) != part.body.count('<span class="footnote"'):
        raise Unsupported("not every footnote of a part is numbered on its pages")
    present = {name for page in kept for name in page.anchors}
    wanted = {target for page in kept for kind, target, _, _ in page.links if kind == "internal"}
    fake = frozenset(wanted - present)
    for name in sorted(fake):
        kept[0].anchors[name] = (0, 0, 0, 0)
    fonts: dict[str, FontUse] = {}
    written: list[Written] = []
    base = finisher(job, html, marks, written=written)

    def finish(part_document: Any, pdf: Any) -> None:
        hashes = [font.hash for font in part_document.fonts.values()]
        if len(hashes) != len(set(hashes)):
            raise Unsupported("one font file is two fonts of the part")
        book = earlier(glyph_maps(part_document))
        for font in part_document.fonts.values():
            for glyph, text in book.get(font.hash, {}).items():
                font.to_unicode[glyph] = text
        found = cluster_glyphs(part_document)
        base(part_document, pdf)
        _name_table_headers(pdf, f"p{part.index}-")
        for font in part_document.fonts.values():
            data, index = font_data(font)
            facts = font_facts(font)
            clusters = [c for f, found_clusters in found.items() if f is font for c in found_clusters]
            digest = hashlib.sha256(data).hexdigest()
            texts, widths = dict(font.to_unicode), dict(font.widths)
            fonts[font.hash] = FontUse(digest, index, facts["family"], facts["plain"], widths, texts, clusters)

    data = orient(copy.write_pdf(**pdf_options(job), finisher=finish), written)
    if _draws_notdef(data):  # the merge keeps the pages' text and glyph ids: read here, not in the book
        raise Unsupported("a page draws .notdef (a box for a character no font has)")
    bookmarks = [(page.height, list(page.bookmarks)) for page in kept]
    return PartPdf(part.index, data, len(kept), starts, fake, bookmarks, fonts)


def first_pages(kept: list[Any]) -> dict[str, int]:
    """The first of these pages (`weasyprint.Page`) each anchor is on."""
    first: dict[str, int] = {}
    for number, page in enumerate(kept):
        for name in page.anchors:
            first.setdefault(name, number)
    return first


def _draws_notdef(data: bytes) -> bool:
    import io

    import pikepdf

    from .notdef import notdef_pages

    with pikepdf.open(io.BytesIO(data)) as pdf:
        return bool(notdef_pages(pdf))


def first_drawn(laidout: Laidout, job: Job) -> Maps:
    """The glyph maps of a part's pages as WeasyPrint draws them, without writing their PDF."""

    class Drawn(Exception):
        pass

    def stop(drawn: Any, pdf: Any) -> None:
        raise Drawn(glyph_maps(drawn))

    try:
        laidout.document.copy(laidout.kept).write_pdf(**pdf_options(job), finisher=stop)
    except Drawn as exc:
        return exc.args[0]
    raise AssertionError("WeasyPrint did not call the finisher")


def glyph_maps(document: Any) -> Maps:
    """Each font's glyphs in a drawn document and the text WeasyPrint maps each to."""
    return {font.hash: dict(font.to_unicode) for font in document.fonts.values()}


def _name_table_headers(pdf: Any, prefix: str) -> None:
    """Make the IDs WeasyPrint gives table headers ("<object number>-<row>-<column>") unique in the book:
    two parts may hold a table element of the same object number."""
    import pydyf

    for obj in pdf.objects[1:]:
        if not isinstance(obj, pydyf.Dictionary) or obj.get("Type") != "/StructElem":
            continue
        if isinstance(obj.get("ID"), pydyf.String):
            obj["ID"] = pydyf.String(prefix + _text(obj["ID"]))
        attributes = obj.get("A")
        if isinstance(attributes, pydyf.Dictionary) and "Headers" in attributes:
            attributes["Headers"] = pydyf.Array(pydyf.String(prefix + _text(h)) for h in attributes["Headers"])


def _text(string: Any) -> str:
    value = string.string if hasattr(string, "string") else string
    return value.decode() if isinstance(value, bytes) else str(value)
