"""The lines whose /ActualText PDFium reads backwards, found by reading the written PDF with PDFium, and turned.

A line read whole (a verse, a vocalised line, a code block's Arabic comment) carries one named /ActualText on
all its text objects, and PDFium lays it out in the direction of the object it meets first
(pdfiumline.py). That guess is measured, not known: on texts it had never seen ("# حساب المؤشر اليومي"
opening a code block) PDFium read a line the other way round from another built the same way. So the
finished PDF is read once with PDFium (pypdfium2, the reader Chrome uses), and each such line it reads
reversed gets its text written the other way, which it then reads as typed. Only books with such lines pay
for it; the property lists change, nothing drawn does.
"""

from __future__ import annotations

import io
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from ..typeset.bidi import BIDI_CONTROL as _CONTROLS
from .charclass import not_hyphenated

# PDFium mirrors them as it reverses, and English quotation marks too ("environment.”" read "“.tnemnorivne")
_BRACKETS = str.maketrans("(){}[]<>«»‹›“”‘’", "||||||||||||||||")


@dataclass(frozen=True)
class Written:
    """A line's named /ActualText: the page, the property list's name, the line's text as typed."""

    page: int
    name: str
    text: str


def orient(data: bytes, written: Iterable[Written]) -> bytes:
    """`data` (a PDF) with the /ActualText of each line PDFium reads reversed written the other way."""
    by_page: dict[int, list[Written]] = defaultdict(list)
    for line in written:
        by_page[line.page].append(line)
    if not by_page:
        return data
    import pypdfium2

    document = pypdfium2.PdfDocument(data)
    turned: set[tuple[int, str]] = set()
    try:
        for page, lines in sorted(by_page.items()):
            read = _plain(document[page].get_textpage().get_text_range())
            turned.update((page, name) for name in _reversed(read, lines))
    finally:
        document.close()
    return _turn(data, turned) if turned else data


def _reversed(read: str, lines: list[Written]) -> Iterable[str]:
    """The names of the `lines` (in the order drawn) that PDFium's text of their page, `read`, has backwards.

    Each line is looked for after the one before it, as PDFium reads a page's lines in the order drawn: the
    same words earlier on the page (a code line that an inline `code` of the paragraph above quoted) are not
    taken for it. A line not found after its predecessor is looked for on the whole page."""
    cursor = 0
    for line in lines:
        text, backwards = _plain(line.text), _plain(line.text[::-1])  # (a fraction reads "1/2" both ways)
        if len(text) < 2:
            continue
        ahead, back = read.find(text, cursor), read.find(backwards, cursor)
        if back >= 0 and (ahead < 0 or back < ahead):
            cursor = back + len(text)
            yield line.name
        elif ahead >= 0:
            cursor = ahead + len(text)
        elif text not in read and backwards in read:
            yield line.name


def _plain(text: str) -> str:
    """The text as compared: no bidi controls, no marks (PDFium keeps a letter's marks in their order when it
    reverses a line: "اللَّهِ" came back "ِهّ َللا"), all brackets alike (it mirrors them), no spaces."""
    # and no hyphen: PDFium joins a line that ends with one to the next without it ("al-" / "Baqarah")
    # (decomposed: a letter drawn as its base and a mark reads so, "ۂ" as "ہ" and a hamza: tounicode._take; and as
    # PDFium gives a vulgar fraction, "1/2" for "½": a chess game's code line ending "½–½" was not found, nor turned)
    text = unicodedata.normalize("NFKD", _CONTROLS.sub("", text)).translate(_BRACKETS).replace("-", "")
    text = text.replace("\u2044", "/")
    # and no white space: PDFium gives a FOUR-PER-EM SPACE (a list bullet's) as a space, after the bullet
    return "".join(char for char in text if not unicodedata.combining(char) and not char.isspace())


def _turn(data: bytes, turned: set[tuple[int, str]]) -> bytes:
    """The PDF with the named /ActualText of each (page, name) reversed, in that page's property lists."""
    import pikepdf

    with pikepdf.open(io.BytesIO(data)) as pdf:
        for page, name in sorted(turned):
            entry = pdf.pages[page].Resources.Properties["/" + name]
            entry.ActualText = pikepdf.String(not_hyphenated(str(entry.ActualText)[::-1]))
        out = io.BytesIO()
        pdf.save(out, fix_metadata_version=False, deterministic_id=True, min_version=pdf.pdf_version)
        return out.getvalue()
