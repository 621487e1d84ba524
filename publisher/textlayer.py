"""The text layer of right-to-left PDFs: marks that make text extractors read the words in order.

Nothing drawn changes; the marks only steer two extractors, each through a door the other keeps shut.

poppler (pdftotext, Evince) rebuilds a right-to-left line from its glyphs in visual order: it
drops the space glyphs, puts spaces back where it sees gaps, then reverses every stretch of the
line that holds no left-to-right letter or digit. The space that follows a left-to-right run in
reading order ("2021-2026 التي") sits at the run's visual left, and poppler's left-to-right stretch
takes it in, so the run comes out glued to the next word: "2021-2026التي". Giving that one space
glyph an /ActualText of a space and a RIGHT-TO-LEFT MARK ends the stretch where the run ends.
poppler reads /ActualText only from an inline property dictionary (`/Span <<...>> BDC`).

PDFium (Chrome, pypdfium2) cuts each line, in visual order, into segments of one character class
(left-to-right letters; digits and number punctuation; right-to-left letters; the rest) and
reverses the order of the segments when the line is right-to-left, which it decides by counting
segments unless the document's /ViewerPreferences say /Direction /R2L. So we say it: lines mostly in
Latin (an e-mail address, a table row "RBA 577827 الرباط") no longer come out in visual order.
A left-to-right run of more than one segment ("Maroc Digital 2030") still comes out segment by
segment reversed ("2030 Digital Maroc"): its glyphs get an /ActualText of the run with its
segments in reverse order, which PDFium's reversal puts back. That /ActualText sits in a *named*
property list (`/Span /AT3 BDC`, /Properties in the page resources), which PDFium resolves and
poppler ignores, so poppler keeps reading the glyphs. PDFium also mirrors each bracket or quote
it reverses ("{" becomes "}"), though the glyph's text is already the character in reading order:
such a glyph gets the mirror image as its named /ActualText, which PDFium mirrors back. (PDFium also
reads the inline RIGHT-TO-LEFT MARK above as one more right-to-left character, which changes no word.)
Figures: benchmarks/text_fidelity.py.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

RUN_END = " \u200f"  # a space, then a RIGHT-TO-LEFT MARK: the order poppler lays them out, left to right
_TJ = re.compile(rb"<([0-9a-fA-F]*)>|[-+]?[0-9.]+")
# PDFium's character classes (core/fxcrt/fx_bidi.cpp): L, "left weak" W, R, and N for everything else.
_MIRROR = str.maketrans("(){}[]<>«»‹›", ")(}{][><»«›‹")
_PDFIUM_CLASS = {"L": "L", "R": "R", "AL": "R"} | dict.fromkeys(("EN", "AN", "NSM", "CS", "ES", "ET", "BN"), "W")

PLAIN, RUN_END_SPACE, LTR_RUN, MIRRORED = 0, 1, 2, 3  # the roles of the pieces a TJ array is cut into


def mark_text_layer(document: Any, pdf: Any) -> int:
    """Declare the reading order right-to-left and add the marks described above; returns how many marks.

    Runs as WeasyPrint's finisher, on the page streams before they are written: the glyphs of a
    `TJ` operator are read back to text through the font's own glyph-to-Unicode map.
    """
    import pydyf

    preferences = pdf.catalog.get("ViewerPreferences")
    if not isinstance(preferences, pydyf.Dictionary):
        preferences = pdf.catalog["ViewerPreferences"] = pydyf.Dictionary()
    preferences["Direction"] = "/R2L"
    fonts = {font.hash: font for font in document.fonts.values()}
    properties = pydyf.Dictionary()  # the named property lists, shared by the pages through their resources
    count = 0
    for stream, resources in _page_streams(pdf):
        font = None
        items: list[Any] = []
        for item in stream.stream:
            if isinstance(item, bytes) and item.endswith(b" Tf"):
                font = fonts.get(item[1:].split()[0].decode())
            if font is None or not (isinstance(item, bytes) and item.startswith(b"[") and item.endswith(b"] TJ")):
                items.append(item)
                continue
            for role, part, text in _split(item[1:-4], font):
                show = b"[" + part + b"] TJ"
                if role == RUN_END_SPACE:
                    items += ["/Span", pydyf.Dictionary({"ActualText": pydyf.String(RUN_END)}), b"BDC", show, b"EMC"]
                elif role == LTR_RUN:
                    name = f"AT{len(properties)}"
                    properties[name] = pydyf.Dictionary({"ActualText": pydyf.String(pdfium_actual_text(text))})
                    items += [f"/Span /{name} BDC".encode(), show, b"EMC"]
                elif role == MIRRORED:
                    name = f"AT{len(properties)}"
                    properties[name] = pydyf.Dictionary({"ActualText": pydyf.String(text.translate(_MIRROR))})
                    items += [f"/Span /{name} BDC".encode(), show, b"EMC"]
                elif part:
                    items.append(show)
                    continue
                count += 1
        stream.stream[:] = items
        resources["Properties"] = properties
    return count


def pdfium_actual_text(run: str) -> str:
    """The /ActualText that PDFium's segment reversal turns back into `run`, a left-to-right run.

    PDFium reverses the order of the segments; inside a segment it keeps left-to-right letters and
    digits as they are and reverses a neutral one (spaces, punctuation) met while it is still reading
    right to left: before the run's first left-to-right letter.
    """
    segments: list[str] = []
    ltr = False
    for kind, text in _segments(run):
        ltr = ltr or kind == "L"
        segments.append(text[::-1] if kind in ("N", "R") and not ltr else text)
    return "".join(reversed(segments))


def _segments(text: str) -> Iterator[tuple[str, str]]:
    """The stretches of `text` of one PDFium character class, in order."""
    start = 0
    for index in range(1, len(text) + 1):
        if index == len(text) or _pdfium_class(text[index]) != _pdfium_class(text[start]):
            yield _pdfium_class(text[start]), text[start:index]
            start = index


def _pdfium_class(char: str) -> str:
    return _PDFIUM_CLASS.get(unicodedata.bidirectional(char), "N")


def _page_streams(pdf: Any) -> Iterator[tuple[Any, Any]]:
    """Each page's content stream (drawn by WeasyPrint, a list of operators) with the page's resources."""
    import pydyf

    by_reference = {obj.reference: obj for obj in pdf.objects[1:] if hasattr(obj, "reference")}
    for page in by_reference.values():
        if not isinstance(page, pydyf.Dictionary) or page.get("Type") != "/Page":
            continue
        stream, resources = by_reference.get(page.get("Contents")), by_reference.get(page.get("Resources"))
        if isinstance(stream, pydyf.Stream) and isinstance(stream.stream, list) and resources is not None:
            yield stream, resources


def _split(array: bytes, font: Any) -> list[tuple[int, bytes, str]]:
    """The elements of a TJ array in pieces (role, elements, text): run-ending spaces and left-to-right runs apart.

    A left-to-right run goes from a left-to-right letter or digit to the last one before a
    right-to-left letter; it is set apart only when PDFium would reorder it.
    """
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
    roles = [PLAIN] * len(elements)
    space: int | None = None  # the last space glyph since a letter or digit, punctuation may follow it
    run: list[int] = []  # the first and the last left-to-right letter or digit of the current run
    for index, (_, text) in enumerate([*elements, (b"", "\u0627")]):  # an ALEF closes the last run
        kind = None if text is None else _kind(text)
        if kind == "R":
            ltr = _text(elements[run[0] : run[-1] + 1]) if run else ""
            if pdfium_actual_text(ltr) != ltr:
                roles[run[0] : run[-1] + 1] = [LTR_RUN] * (run[-1] + 1 - run[0])
            run, space = [], None
        elif kind == "L":
            if not run and space is not None:
                roles[space] = RUN_END_SPACE
            run, space = [run[0] if run else index, index], None
        elif text == " ":
            space = index
    reading = "R"  # PDFium reads the line from its visual right end, right to left
    for index in reversed(range(len(elements))):
        text = elements[index][1] or ""
        if roles[index] == RUN_END_SPACE or _pdfium_class(text[:1] or " ") == "R":
            reading = "R"
        elif text and _pdfium_class(text[0]) == "L":
            reading = "L"
        elif reading == "R" and roles[index] == PLAIN and len(text) == 1 and ord(text) in _MIRROR:
            roles[index] = MIRRORED
    for index in [i for i, role in enumerate(roles) if role == MIRRORED]:  # with the spaces and marks around it
        for step in (-1, 1):
            near = index + step
            while 0 <= near < len(elements) and roles[near] == PLAIN and _pdfium_class(elements[near][1] or " ") == "N":
                roles[near], near = MIRRORED, near + step
    pieces: list[tuple[int, bytes, str]] = []
    for index, (element, text) in enumerate(elements):
        if pieces and pieces[-1][0] == roles[index] != RUN_END_SPACE:
            role, part, joined = pieces[-1]
            pieces[-1] = (role, part + element, joined + (text or ""))
        else:
            pieces.append((roles[index], element, text or ""))
    return pieces or [(PLAIN, b"", "")]


def _text(elements: list[tuple[bytes, str | None]]) -> str:
    return "".join(text or "" for _, text in elements)


def _kind(text: str) -> str:
    """R for a right-to-left letter, L for a left-to-right letter or a digit, N for anything else."""
    bidi = unicodedata.bidirectional(text[0]) if text else ""
    if bidi in ("R", "AL"):
        return "R"
    return "L" if bidi in ("L", "EN", "AN") else "N"
