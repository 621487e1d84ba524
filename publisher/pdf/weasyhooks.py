"""The WeasyPrint internals the chapter-parallel render (parallel.py) relies on, all in this module.

WeasyPrint 70 lays out the body of every page of a document first, then the margin boxes of each page
(`weasyprint.layout.layout_document` calls `make_margin_boxes(context, page, state)` once a page, after
the pagination loop). A part of a book rendered alone can therefore say how many pages it has at the
first margin box, and be told then what no layout of its own can know: the number of its first page in
the book, and the running strings (`string-set`) the parts before it left in effect. Nothing else of its
pages depends on them. Three more internals: WeasyPrint's own font subsetter (`Font._harfbuzz_subset`,
HarfBuzz with glyph ids kept), called on the merged glyph set of the book; its outline builder
(`Document.make_bookmark_tree`), called on the bookmarks of every part; and HarfBuzz through its cffi
bindings. tests/test_chapters.py fails loudly if an upgrade moves any of them.

And four mended: the removal of the space a line ends with (`end_spaces_mended`, tested in tests/test_pdf.py), a
line cut down to its first word (`one_word_lines_mended`, tests/test_pdf.py), notes deferred by a rounding
(`footnotes_mended`) and notes lost or queued out of order (`footnotes_kept`, both in tests/test_page_details.py).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

SCALE = 0.75  # PDF points per CSS pixel: WeasyPrint's scale at zoom 1


@dataclass(frozen=True)
class Laid:
    """What a part's layout says at its first margin box: its page count, the last value of each running
    string it sets, and what would make its pages depend on the rest of the book."""

    pages: int
    strings: dict[str, str]
    page_counters: frozenset[str]  # the counters of the page context (WeasyPrint keeps 'page' and 'pages')
    page_based_content: bool  # content that needs page counters or targets (counter(page) in the text...)
    running_elements: bool  # position: running(), moved into margin boxes by element()


@dataclass(frozen=True)
class Numbers:
    """What a part is told once the parts before it are counted: how much to add to each page number, and
    the running strings in effect where it starts."""

    shift: int
    strings: Mapping[str, str] = field(default_factory=dict)


@contextlib.contextmanager
def late_page_numbers(supply: Callable[[Laid], Numbers]) -> Iterator[None]:
    """While a document renders in this process: at its first margin box, call `supply` with what its layout
    says, then make every page's margin boxes with the page counter shifted and the strings carried in (on
    page 1, so that any page of the part which sets none shows them, as the book's page would)."""
    import weasyprint.layout as layout

    original = layout.make_margin_boxes
    given: list[Numbers] = []

    def margin_boxes(context: Any, page: Any, state: Any) -> Any:
        if not given:
            given.append(supply(_laid(context, state)))
            for name, value in given[0].strings.items():
                if not context.string_set[name].get(1):
                    context.string_set[name][1] = [value]
        counters = {**state[1], "page": [value + given[0].shift for value in state[1]["page"]]}
        return original(context, page, (state[0], counters, state[2], state[3]))

    layout.make_margin_boxes = margin_boxes
    try:
        yield
    finally:
        layout.make_margin_boxes = original


def _laid(context: Any, state: Any) -> Laid:
    last = {}
    for name, pages in context.string_set.items():
        assigned = [page for page, values in pages.items() if values]
        if assigned:
            last[name] = pages[max(assigned)][-1]
    return Laid(
        pages=len(context.page_maker) - 1,
        strings=last,
        page_counters=frozenset(state[1]),
        page_based_content=bool(context.target_collector.counter_lookup_items),
        running_elements=any(any(pages.values()) for pages in context.running_elements.values()),
    )


def footnote_calls(pages: list[Any]) -> int:
    """How many footnotes these pages (`weasyprint.Page`) call (each call's box may come in more than one piece)."""
    return len(
        {
            id(box.element)
            for page in pages
            for box in page._page_box.descendants()
            if str(box.element_tag or "").endswith("::footnote-call")
        }
    )


def has_footnotes(page: Any) -> bool:
    """Whether a page (`weasyprint.Page`) shows footnotes at its foot."""
    from weasyprint.formatting_structure.boxes import FootnoteAreaBox

    return any(isinstance(box, FootnoteAreaBox) and box.children for box in page._page_box.children)


def subset_font(data: bytes, index: int, glyphs: Iterable[int], family: str) -> bytes:
    """`data` (a font file) subset to `glyphs` as WeasyPrint subsets a font for a PDF (HarfBuzz, glyph ids kept,
    no hinting): the same bytes a serial render of the book embeds for the same glyphs."""
    from weasyprint.pdf.fonts import Font
    from weasyprint.text.ffi import ffi, harfbuzz

    if not hasattr(harfbuzz, "hb_face_create"):  # WeasyPrint declares what it calls, and it makes faces in Pango
        ffi.cdef(
            "hb_blob_t * hb_blob_create (const char *data, unsigned int length, int mode, void *user_data,"
            " void *destroy); hb_face_t * hb_face_create (hb_blob_t *blob, unsigned int index);"
        )
    read_only = 1  # HB_MEMORY_MODE_READONLY: HarfBuzz reads `data` where it is, while it lives here
    blob = ffi.gc(harfbuzz.hb_blob_create(data, len(data), read_only, ffi.NULL, ffi.NULL), harfbuzz.hb_blob_destroy)
    face = ffi.gc(harfbuzz.hb_face_create(blob, index), harfbuzz.hb_face_destroy)
    font = SimpleNamespace(hb_face=face, missing={}, family=family, file_content=None)
    Font._harfbuzz_subset(font, dict.fromkeys(sorted(glyphs), ""), False)
    if font.file_content is None:
        raise ValueError(f"HarfBuzz could not subset {family}")
    return bytes(font.file_content)


def font_data(font: Any) -> tuple[bytes, int]:
    """The whole file a WeasyPrint font of a document was made from, and the face's index in it."""
    from weasyprint.text.fonts import get_hb_object_data

    return bytes(get_hb_object_data(font.hb_face)), int(font.index)


def font_facts(font: Any) -> dict[str, Any]:
    """What makes a font of a laid-out document one the merge cannot subset as WeasyPrint would: a bitmap or
    colour font, a variable one (instanced after subsetting), glyphs missing from it (.notdef outlines)."""
    return {
        "plain": not (font.bitmap or font.png or font.svg or font.colr or font.missing or "fvar" in font.tables),
        "family": font.family,
    }


def bookmark_tree(pages: list[tuple[float, list[Any]]]) -> list[Any]:
    """The outline of a book whose pages have these (height in CSS pixels, `Page.bookmarks`), as WeasyPrint
    makes a document's: subtrees (label, (page index, x, y), children, state), x and y in PDF points."""
    from weasyprint.document import Document

    book = SimpleNamespace(pages=[SimpleNamespace(height=height, bookmarks=marks) for height, marks in pages])
    return Document.make_bookmark_tree(book, SCALE, transform_pages=True)


def mend_weasyprint() -> None:
    """The four mends below, once a process."""
    end_spaces_mended()
    one_word_lines_mended()
    footnotes_mended()
    footnotes_kept()


def end_spaces_mended() -> None:
    """Mend, once a process, how WeasyPrint 70 takes the space off the end of a line (`remove_last_whitespace`).

    It shortens the line's last text box by the space but leaves the box's Pango layout with it; when that
    text runs right to left, where the space is drawn at the box's left, it moves every box of the line left
    by the space's width to make up for it. Justification then lays the box's text out again without the space
    (`add_word_spacing`), so that on a justified line the text stands a space's width left of its place: a
    first line "لاحظ أن النص…" 3.3 pt into the left margin, a full stop after inline code ("و`age`. لاختيار")
    4.4 px apart from it, and on a line that ends with Arabic in a left-to-right paragraph, the whole line moved
    left. Here the box gets the layout without the space, and only the boxes right of it close up on it."""
    import weasyprint.layout.inline as inline

    if getattr(inline.remove_last_whitespace, "mended", False):
        return
    from weasyprint.formatting_structure import boxes

    def remove_last_whitespace(context: Any, line: Any) -> None:
        chain, box = [], line
        while isinstance(box, (boxes.LineBox, boxes.InlineBox)):
            if not box.children:
                return
            chain.append(box)
            box = box.children[-1]
        if not isinstance(box, boxes.TextBox) or box.style["white_space"] not in ("normal", "nowrap", "pre-line"):
            return
        text = box.text.rstrip(" ")
        if len(text) == len(box.text):
            return
        box.text, width = text, 0.0
        if text:
            shortened, resume, _ = inline.split_text_box(context, box, None, 0)
            assert shortened is not None and resume is None
            width, box.pango_layout = shortened.width, shortened.pango_layout
        space, box.width = box.width - width, width
        for ancestor in chain:
            ancestor.width -= space
            for child in ancestor.children:
                if child is not box and child not in chain and child.position_x > box.position_x:
                    child.translate(dx=-space, ignore_floats=True)

    _install(inline, "remove_last_whitespace", remove_last_whitespace)


def one_word_lines_mended() -> None:
    """Mend, once a process, a line WeasyPrint 70 cut down to its first word (`split_first_line`).

    Pango keeps a text whole on a line it measures as fitting, and WeasyPrint measures that line up to a pixel
    wider (kerning across Pango's items), finds it too wide, and keeps its first word alone: "هنا" stood on a
    line of its own in the middle of a justified paragraph, the rest of the line below it (a line of Arabic
    that ends just before a left-to-right run, a paragraph's second line after an indented first). Such a line
    is laid out again a pixel or a few narrower, where Pango breaks at the last space that fits."""
    import math

    import weasyprint.layout.inline as inline

    if getattr(inline.split_first_line, "mended", False):
        return
    original = inline.split_first_line

    def split_first_line(text: str, style: Any, context: Any, max_width: Any, *rest: Any, **named: Any) -> Any:
        split = original(text, style, context, max_width, *rest, **named)
        resume, width = split[2], split[3]
        if resume is None or max_width is None or not math.isfinite(max_width) or width > max_width / 2:
            return split
        if len(text.encode()[:resume].decode(errors="ignore").split()) != 1:
            return split
        for narrower in (1, 2, 4, 8):
            again = original(text, style, context, max_width - narrower, *rest, **named)
            if again[2] is not None and again[2] > resume and again[3] <= max_width:
                return again
        return split

    _install(inline, "split_first_line", split_first_line)


def footnotes_mended() -> None:
    """Mend, once a process, how WeasyPrint 70 asks whether a page's notes overflow their area
    (`LayoutContext._update_footnote_area`).

    It lays the notes out in a copy of the area, of auto height, and compares where the last note ends with
    where the area ends: two sums of the same lengths (its margin, rule, padding and the notes' heights) added in
    another order, compared exactly. They differ by a rounding (1e-13 px) as often as not; the note was then taken
    for overflowing, deferred to the next page, and every later note with it: each note of a book fell a page
    after its call, the last alone on a page of its own (with the area's 3 mm top margin). An area of auto height
    holds whatever is laid out in it, so there that answer is a rounding and is taken back; one with a
    max-height (a workspace's template may set it) keeps it."""
    import math

    from weasyprint.layout import LayoutContext

    if getattr(LayoutContext._update_footnote_area, "mended", False):
        return
    original = LayoutContext._update_footnote_area

    def update_footnote_area(context: Any) -> bool:
        overflow = original(context)
        limit = context.current_footnote_area.style["max_height"]
        return bool(overflow) and math.isfinite(getattr(limit, "value", limit))

    _install(LayoutContext, "_update_footnote_area", update_footnote_area)


def footnotes_kept() -> None:
    """Mend, once a process, two ways WeasyPrint 70 loses a note's place (`layout.page.make_page`).

    When a paragraph's line does not fit and the paragraph's orphans forbid breaking before it, WeasyPrint
    defers the page's last notes to make room and sets the line, but never lays out the notes called in that line:
    their calls print and the notes are nowhere ("b" of four lines, each with a note: its note lost). And the notes
    it defers so are queued after those deferred before, out of their order ("(25) (24)"). Here, once a page is
    made, a note called on it and never laid out is deferred to the next page, as a note that did not fit is; and
    the deferred notes start the next page in the order of their calls."""
    import weasyprint.layout.page as page_layout

    if getattr(page_layout.make_page, "mended", False):
        return
    original = page_layout.make_page

    def make_page(context: Any, *rest: Any, **named: Any) -> Any:
        if not hasattr(context, "note_order"):  # (at the first page every note waits, in the order of its call)
            context.note_order = {id(note): place for place, note in enumerate(context.footnotes)}
        context.reported_footnotes.sort(key=lambda note: context.note_order.get(id(note), 0))
        made = original(context, *rest, **named)
        waiting = [box.footnote for box in made[0].descendants() if getattr(box, "footnote", None) is not None]
        for note in [note for note in waiting if note in context.footnotes]:
            context.footnotes.remove(note)
            context.reported_footnotes.append(note)
        return made

    _install(page_layout, "make_page", make_page)


def _install(owner: Any, name: str, mended: Any) -> None:
    """Put `mended` in place of `owner`'s `name`, marked as mended and keeping WeasyPrint's own as its `original`
    (tests/test_pdf.py puts it back to show the fault)."""
    mended.mended, mended.original = True, getattr(owner, name)
    setattr(owner, name, mended)
