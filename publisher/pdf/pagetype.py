"""Type that follows the page: the body size, the measure and the margins from the trim size.

A5 is the reference: 11.5 pt type. A wider page gets larger type, with the square root of its width
(A4 13.75 pt, letter 14 pt), so that it reads at the arm's length a larger book is held at; and the
measure holds 68 characters of the book's own text whatever the page: the text is shaped with
HarfBuzz in the book's fonts and the measure is 68 of its average advances (marks, which take no room,
not counted). Amiri's Latin letters are wider than its Arabic ones (0.40 em against 0.35 em on
average over an English paragraph and the seed), so an English book gets a wider measure than an
Arabic one, in em, for the same count. The margins take what the measure leaves, the inner one
(binding) larger than the outer; top and bottom grow with the page's height.
`[pdf] font-size` sets the body size and the measure follows it.

Before this, every page size had A5's 11.5 pt type and 14/20 mm margins: a full line held a median 75
characters on A5, 93 on B5, 115 on A4 and 120 on letter (PDFium, the seed).
"""

from __future__ import annotations

import html
import math
import re
import unicodedata
from dataclasses import dataclass

from ..source.fonts import FontSet
from ..source.lengths import MM, length_points, page_size_mm
from ..source.reader import Document
from ..typeset.ink import measure

REFERENCE_WIDTH, REFERENCE_BODY = 148 * MM, 11.5  # A5 and its body size, pt
CHARACTERS = 68  # a measure of this many average characters of the book's text; full lines hold about as many
SAMPLE = 6000  # characters of the book shaped to find their average advance
MEASURE_EM = (22.0, 30.0)  # the measure's bounds in em, whatever the text
MIN_BODY, MAX_BODY = 9.0, 16.0  # pt: from the trim size; `[pdf] font-size` may go beyond
MIN_SIDE = 12 * MM  # the narrowest side margin: a small page gets a shorter measure instead
INNER = 0.56  # the binding's share of the two side margins
TOP, BOTTOM = 18 * MM, 20 * MM  # on A5; in proportion to the height elsewhere
REFERENCE_HEIGHT = 210 * MM


@dataclass(frozen=True)
class PageType:
    """The sizes of a page's type area, in points."""

    body: float  # body type size
    measure: float  # the width of the text block
    inner: float  # the side margin at the binding (print), or each side margin (screen)
    outer: float
    top: float
    bottom: float

    @property
    def scale(self) -> float:
        """The body size against A5's: the running head and folio grow with it."""
        return self.body / REFERENCE_BODY


def trim_size(page_size: str) -> tuple[float, float]:
    """Width and height in points of a manifest's `page-size` (checked by the manifest already)."""
    size = page_size_mm(page_size)
    assert size is not None, page_size
    return size[0] * MM, size[1] * MM


def average_advance(document: Document, fonts: FontSet) -> float:
    """The average advance in em of the characters of the book's running text (marks and controls not
    counted), shaped in its fonts: up to SAMPLE characters taken from its start, middle and end."""
    text = " ".join(" ".join(re.sub(r"<[^>]+>", " ", html.unescape(c.html)).split()) for c in document.chapters)
    if len(text) > SAMPLE:
        third = SAMPLE // 3
        middle = (len(text) - third) // 2
        text = " ".join((text[:third], text[middle : middle + third], text[-third:]))
    counted = sum(1 for char in text if unicodedata.category(char)[0] not in "MC")
    if not counted:
        return sum(MEASURE_EM) / 2 / CHARACTERS
    return measure(text, fonts).advance / counted


def page_type(page_size: str, advance: float, font_size: str = "auto", mirrored: bool = True) -> PageType:
    """The body size and margins for a trim size and text whose characters advance `advance` em on
    average; `font_size` a length, or "auto" for the size the page's width wants."""
    width, height = trim_size(page_size)
    if font_size == "auto":
        body = REFERENCE_BODY * math.sqrt(width / REFERENCE_WIDTH)
        body = min(MAX_BODY, max(MIN_BODY, round(body * 4) / 4))
    else:
        body = length_points(font_size)
    em = min(MEASURE_EM[1], max(MEASURE_EM[0], CHARACTERS * advance))
    measure = min(em * body, width - 2 * MIN_SIDE)
    side = width - measure
    outer = max(MIN_SIDE, side * (1 - INNER)) if mirrored else side / 2
    ratio = height / REFERENCE_HEIGHT
    return PageType(body=body, measure=measure, inner=side - outer, outer=outer, top=TOP * ratio, bottom=BOTTOM * ratio)
