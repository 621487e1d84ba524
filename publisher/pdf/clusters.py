"""Which characters each drawn glyph stands for, read from the layout WeasyPrint drew: its clusters.

HarfBuzz shapes a letter and the marks on it (harakat, shadda, tanwin, sukun, dagger alef, madda,
hamza above or below) as one cluster of several glyphs: the letter's, each mark's, or one glyph for
two marks (Amiri draws shadda with fatha as one). WeasyPrint gives the whole cluster's text to one of
its glyphs and nothing to the others, and keeps, for each glyph, the text of the first cluster it met:
a glyph of fatha then stands, in the PDF's ToUnicode map, for "بَ", and a letter's glyph for nothing,
which PDFium shows as the glyph's number taken for a character (U+01B1, U+0BD1, U+0185).

So the text layer does not trust that map for vocalised text: for every text box that holds a mark it
lays the box's first line out again with Pango, as WeasyPrint did to draw it (`draw_first_line`), and
keeps each glyph's cluster. The boxes are found again in the page stream by where their text object
starts (the `Tm` WeasyPrint writes is the box's position and baseline); a text object whose glyphs do not
match the layout's is left alone.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

Key = tuple[int, float, float]
_GLYPH_INFO = 20  # bytes of a PangoGlyphInfo: glyph id, width, x and y offsets, attributes
WORD_JOINER = "\u2060"  # holds a range or an abbreviation to its number (pdf/addresses.py); no extractor shows it


def unjoined(text: str) -> str:
    """`text` without the WORD JOINERs the typesetting puts in (pdf/addresses.py)."""
    return text.replace(WORD_JOINER, "")


ARABIC = re.compile(
    "[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc]"
)  # page number, x and y of the text object's `Tm`


@dataclass(frozen=True)
class Laid:
    """The first line of one text box as drawn: its text, and each glyph drawn (in the order drawn, empty
    glyphs left out) with the character range of its cluster in `text`."""

    text: str
    glyphs: tuple[tuple[int, int, int], ...]  # (glyph id, first character, end)

    def typed(self, start: int, end: int) -> str:
        """`text[start:end]` as the author typed it: without the WORD JOINERs pdf/addresses.py put in."""
        return unjoined(self.text[start:end])

    @property
    def drawn(self) -> str:
        """The text of all the glyphs drawn, as typed."""
        return self.typed(min(start for _, start, _ in self.glyphs), max(end for _, _, end in self.glyphs))

    @property
    def vocalised(self) -> bool:
        """Whether the text holds a mark (its marks are raised with `Ts`, marks.py)."""
        return any(map(is_mark, self.text))


def is_mark(char: str) -> bool:
    """A combining mark: drawn on the letter before it, never a word of its own."""
    return unicodedata.category(char) in ("Mn", "Me")


def position_key(page: int, x: float, y: float) -> Key:
    """How a text object is found: its page and where its `Tm` puts it, to a thousandth of a point. A box's place is
    taken as the stream writes it (pydyf: six decimals) before it is rounded: a box at x = 438.53150002, its `Tm`
    written "438.5315", had been 438.532 against 438.531, and a line's isolate was taken for Arabic text."""
    return page, round(float(f"{x:f}"), 3), round(float(f"{y:f}"), 3)


def read_clusters(document: Any) -> dict[Key, Laid]:
    """The glyph clusters of every text box of `document` (a WeasyPrint Document) that holds a mark or an
    Arabic letter: a font may draw a letter as two glyphs (Amiri's kāf after lām takes a tatweel glyph of its
    own), and the map then gives the second one the text of whatever cluster met it first."""
    from weasyprint.formatting_structure import boxes
    from weasyprint.text.ffi import ffi

    if ffi.sizeof("PangoGlyphInfo") != _GLYPH_INFO or ffi.offsetof("PangoGlyphInfo", "glyph"):
        raise RuntimeError("PangoGlyphInfo is not laid out as clusters.py reads it")  # pragma: no cover
    found: dict[Key, Laid] = {}
    for number, page in enumerate(document.pages):
        for box in page._page_box.descendants():
            if isinstance(box, boxes.TextBox) and ARABIC.search(box.text):
                laid = _lay_out(box)
                if laid is not None:
                    found[position_key(number, box.position_x, box.position_y + box.baseline)] = laid
    return found


def _lay_out(box: Any) -> Laid | None:
    """Lay the box's first line out again as `draw_first_line` does, and read its glyphs and clusters."""
    from weasyprint.text.ffi import ffi, pango

    if box.style["visibility"] != "visible" or not box.text.strip():
        return None
    layout = box.pango_layout
    layout.reactivate(box.style)
    try:
        pango.pango_layout_set_single_paragraph_mode(layout.layout, True)
        line, _ = layout.get_first_line()
        text = layout.text
        data = text.encode()
        chars = _char_offsets(text)
        glyphs: list[tuple[int, int, int]] = []
        run = line.runs[0]
        while run != ffi.NULL:
            item = run.data
            run = run.next
            string = item.glyphs
            count, offset, length = string.num_glyphs, item.item.offset, item.item.length
            clusters = ffi.unpack(string.log_clusters, count)
            # the glyph ids, read from the array of PangoGlyphInfo at once (the id is its first field)
            ids = memoryview(ffi.buffer(string.glyphs, count * _GLYPH_INFO)).cast("I")[:: _GLYPH_INFO // 4]
            starts = sorted(set(clusters))
            ends = dict(zip(starts, [*starts[1:], length], strict=True))
            for glyph, start in zip(ids, clusters, strict=True):
                if glyph == pango.PANGO_GLYPH_EMPTY:
                    continue
                if glyph & pango.PANGO_GLYPH_UNKNOWN_FLAG:
                    return None  # drawn as a stand-in glyph: nothing to match
                end = ends[start]
                glyphs.append((glyph, chars[min(offset + start, len(data))], chars[min(offset + end, len(data))]))
        return Laid(text, tuple(glyphs))
    finally:
        layout.deactivate()


def _char_offsets(text: str) -> dict[int, int]:
    """From each UTF-8 byte offset that starts a character (and the end) to the character's index."""
    offsets, byte = {}, 0
    for index, char in enumerate(text):
        offsets[byte] = index
        byte += len(char.encode())
    offsets[byte] = len(text)
    return offsets
