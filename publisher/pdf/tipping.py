"""A page poppler would read left to right, tipped right to left.

poppler (pdftotext, Evince, Okular) takes a page's direction from the majority of its letters
(TextPage::coalesce's `primaryLR`), and every other line of the text layer is written for a right-to-left page:
poppler reads each from its right end (popplerwords.poppler_text, wholeline.poppler_ltr_line). A page of this
right-to-left book with as many Latin letters as Arabic ones (code, a note in English) is tipped back with
invisible marks that poppler counts as right-to-left letters.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from .marks import RLM
from .pagetext import Show


def tipped(lines: list[list[Show]], tippable: list[Any]) -> None:
    """poppler reads a page in the direction of the majority of its letters (TextPage::coalesce's `primaryLR`), and
    read a page of this right-to-left book whose Latin letters were as many (a short last page with a note in
    English and the imprint's font names, "( Architecture Decision Record )2"; a page of Python with Persian
    comments, "# پوشه‌هایی ... شود" as "پوشه‌هایی ... شود#" and "SOURCES = [" as "[ = SOURCES") left to right, each
    line backwards. If a page's Latin letters are more than half its Arabic ones (the running head and folio, which
    extractors may crop away, count), the first of its inline /ActualTexts `tippable` (a run-ending space's, else a
    line's read whole) gets enough RIGHT-TO-LEFT MARKs at its end to tip it. They are invisible, PDFium reads them
    as one (a line's: not at all, it has its named /ActualText), and poppler, reading a line from its right end,
    takes them first, a stretch of their own that changes no other."""
    if not tippable:
        return
    texts = (text or "" for line in lines for show in line for _, text in show.elements)
    kinds = [unicodedata.bidirectional(char) for text in texts for char in text]
    right, left = kinds.count("R") + kinds.count("AL"), kinds.count("L")
    if 2 * left > right:
        import pydyf

        tippable[0]["ActualText"] = pydyf.String(tippable[0]["ActualText"].string + RLM * (2 * left - right + 1))
