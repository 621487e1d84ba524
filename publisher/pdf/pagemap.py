"""The print-page map, read from WeasyPrint's layout: where each page of the PDF begins (typeset/pagemap.py).

Each page's boxes are read in the order of the text (the order the EPUB has it): text boxes and images,
never what CSS generates (list markers, note calls, the contents' leaders and page numbers), nor the
footnote area, running heads and folios. A table header that WeasyPrint repeats on the pages a table
runs on is read where the table starts only: the EPUB has it there once. A page is counted from the first
word of its main text, in the part (chapter, title page, imprint, contents) that word is in; a page with
no word and no image (a blank verso) begins nothing and is left out.

The folio is what the PDF prints at the page's foot, or, on a page that prints none (a title page, the
opening of a chapter), the page's number in the style of the folios the PDF does print.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..typeset.pagemap import IMAGE, WORDS_KEPT, PageStart, part_of, words


def page_starts(document: Any, counter_style: Any, default_style: str, number_from: int = 1) -> tuple[PageStart, ...]:
    """Where each page of a laid-out WeasyPrint `document` begins; `counter_style` is the CounterStyle
    it was laid out with, `default_style` the counter style of its folios when no page prints one; `number_from`
    the number of its first page (a part of a book laid out alone, parallel.py)."""
    from weasyprint.formatting_structure import boxes

    style = _folio_style(document, boxes) or default_style
    counts: dict[str, int] = {}
    opened: dict[int, int] = {}  # each table header's element → the page it was first read on
    starts = []
    for number, page in enumerate(document.pages, start=number_from):
        texts: dict[str, list[str]] = {}
        first = None
        for part, text in _pieces(page._page_box, None, boxes, opened, number):
            texts.setdefault(part, []).append(text)
            if first is None and words(text):
                first = part
        found = {part: words("".join(pieces)) for part, pieces in texts.items()}
        if first is not None:
            folio = _printed_folio(page._page_box, boxes) or counter_style.render_value(number, style)
            starts.append(PageStart(number, folio, first, counts.get(first, 0), tuple(found[first][:WORDS_KEPT])))
        for part, found_words in found.items():
            counts[part] = counts.get(part, 0) + len(found_words)
    return tuple(starts)


def _pieces(box: Any, part: str | None, boxes: Any, opened: dict[int, int], number: int) -> Iterator[tuple[str, str]]:
    """The text of a page's main flow under `box`, piece by piece, each with the part it is in: a text
    box's text, an image as IMAGE, and a space where a line or a block ends (no word runs across)."""
    if isinstance(box, boxes.FootnoteAreaBox | boxes.MarginBox) or "::" in (box.element_tag or ""):
        return  # notes are the EPUB's asides; generated text is in no document
    header = isinstance(box, boxes.TableRowGroupBox) and (box.is_header or box.is_footer) and box.element is not None
    if header and opened.setdefault(id(box.element), number) != number:
        return  # repeated on a page the table runs on to
    if box.element is not None and not isinstance(box, boxes.TextBox):
        part = part_of(box.element_tag, box.element.get("class") or "", box.element.get("id")) or part
    if isinstance(box, boxes.TextBox | boxes.ReplacedBox):
        if part is not None:  # else outside every part the EPUB has
            yield part, box.text if isinstance(box, boxes.TextBox) else f" {IMAGE} "
        return
    pieces = [piece for child in getattr(box, "children", ()) for piece in _pieces(child, part, boxes, opened, number)]
    yield from pieces
    if part is not None and isinstance(box, boxes.LineBox | boxes.BlockContainerBox):
        last = "".join(text for _, text in pieces[-3:])
        if not (isinstance(box, boxes.LineBox) and _WORD_GOES_ON.search(last)):
            yield part, " "


# A line that ends inside a word: at a break the address marks left (a zero width space), at a hyphen
# the text has or hyphenation adds. The word goes on on the next line, as it runs on in the EPUB.
_WORD_GOES_ON = re.compile(r"(?:\u200b|\u00ad|\u2010|(?<=\S)-)[\u200e\u200f\u2066-\u2069]*$")


def _folio_style(document: Any, boxes: Any) -> str | None:
    """The counter style of the folios the PDF prints (a margin box whose content is the page counter)."""
    for page in document.pages:
        for box in page._page_box.children:
            style = _page_counter(box, boxes)
            if style:
                return style
    return None


def _printed_folio(page: Any, boxes: Any) -> str | None:
    """The folio a page prints, as drawn; None when it prints none."""
    for box in page.children:
        if _page_counter(box, boxes):
            text = "".join(b.text for b in box.descendants() if isinstance(b, boxes.TextBox)).strip()
            return text or None
    return None


def _page_counter(box: Any, boxes: Any) -> str | None:
    """The counter style of a margin box that prints the page counter alone, else None."""
    if not isinstance(box, boxes.MarginBox):
        return None
    content = box.style["content"]
    if isinstance(content, tuple | list) and len(content) == 1:
        kind, value = content[0]
        if kind == "counter()" and value[0] == "page":
            return str(value[1])
    return None
