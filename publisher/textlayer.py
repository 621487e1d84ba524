"""The text layer of right-to-left PDFs: marks that keep text extractors from gluing words.

poppler (pdftotext, Evince) rebuilds a right-to-left line from its glyphs in visual order: it
drops the space glyphs, puts spaces back where it sees gaps, then reverses every stretch of the
line that holds no left-to-right letter or digit. The space that follows a left-to-right run in
reading order ("2021-2026 التي") sits at the run's visual left, and poppler's left-to-right stretch
takes it in, so the run comes out glued to the next word: "2021-2026التي". Giving that one space
glyph an /ActualText of a space and a RIGHT-TO-LEFT MARK ends the stretch where the run ends.
PDFium reads the same mark as one more right-to-left character where one is expected (its
word order is unchanged; measured with benchmarks/text_fidelity.py). Nothing drawn changes.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

RUN_END = " \u200f"  # a space, then a RIGHT-TO-LEFT MARK: the order poppler lays them out, left to right
_TJ = re.compile(rb"<([0-9a-fA-F]*)>|[-+]?[0-9.]+")


def mark_run_ends(document: Any, pdf: Any) -> int:
    """Wrap each space glyph drawn just left of a left-to-right run in an /ActualText span; returns how many.

    Runs as WeasyPrint's finisher, on the page streams before they are written: the glyphs of a
    `TJ` operator are read back to text through the font's own glyph-to-Unicode map.
    """
    import pydyf

    fonts = {font.hash: font for font in document.fonts.values()}
    count = 0
    for stream in pdf.objects:
        if not isinstance(stream, pydyf.Stream) or not isinstance(stream.stream, list):
            continue
        font = None
        items: list[Any] = []
        for item in stream.stream:
            if isinstance(item, bytes) and item.endswith(b" Tf"):
                font = fonts.get(item[1:].split()[0].decode())
            if font is None or not (isinstance(item, bytes) and item.startswith(b"[") and item.endswith(b"] TJ")):
                items.append(item)
                continue
            for part, is_run_end in _split(item[1:-4], font):
                if is_run_end:
                    items += ["/Span", pydyf.Dictionary({"ActualText": pydyf.String(RUN_END)}), b"BDC"]
                    items += [b"[" + part + b"] TJ", b"EMC"]
                    count += 1
                elif part:
                    items.append(b"[" + part + b"] TJ")
        stream.stream[:] = items
    return count


def _split(array: bytes, font: Any) -> Iterator[tuple[bytes, bool]]:
    """The elements of a TJ array in pieces; a piece that is one run-ending space glyph is flagged."""
    width = 2 if font.bitmap else 4
    elements: list[tuple[bytes, str | None]] = []  # (element, the glyph's text or None for a number)
    for match in _TJ.finditer(array):
        if match[1] is None:
            elements.append((match[0], None))
            continue
        hexes = match[1]
        if not hexes:
            elements.append((b"<>", None))
        for start in range(0, len(hexes), width):
            glyph = hexes[start : start + width]
            elements.append((b"<" + glyph + b">", font.to_unicode.get(int(glyph, 16), "")))
    start = 0
    space: int | None = None  # the last space glyph since a letter or digit, punctuation may follow it
    in_run = False  # inside a visual stretch without right-to-left letters that holds a letter or digit
    for index, (_, text) in enumerate(elements):
        kind = None if text is None else _kind(text)
        if kind == "R":
            in_run, space = False, None
        elif kind == "L":
            if not in_run and space is not None:
                yield b"".join(e for e, _ in elements[start:space]), False
                yield elements[space][0], True
                start = space + 1
            in_run, space = True, None
        elif text == " ":
            space = index
    yield b"".join(e for e, _ in elements[start:]), False


def _kind(text: str) -> str:
    """R for a right-to-left letter, L for a left-to-right letter or a digit, N for anything else."""
    bidi = unicodedata.bidirectional(text[0]) if text else ""
    if bidi in ("R", "AL"):
        return "R"
    return "L" if bidi in ("L", "EN", "AN") else "N"
