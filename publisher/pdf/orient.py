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
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..typeset.bidi import BIDI_CONTROL as _CONTROLS
from .charclass import MIRROR, class_stretches, not_hyphenated, pdfium_class

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
    first = read = _read(data, by_page)
    misread = {
        (page, line.name): (line, sure)
        for page, lines in by_page.items()
        for line, sure in _reversed(read[page], lines)
    }
    if not misread:
        return data
    # each line is given the first turn from which PDFium reads it as typed, the pages read again after each
    chosen: dict[tuple[int, str], Callable[[str], str]] = {}
    for turn in _TURNS:
        trial = chosen | {key: turn(line) for key, (line, _) in misread.items() if key not in chosen}
        tried = _rewrite(data, trial)
        read = _read(tried, {page for page, _ in trial})
        # (read once more than before: its text elsewhere on the page, a file's name in a line of code below, had
        # taken any turn for right, the name at a line's end read backwards, "vsc.11W-6202_ylkeew_isat")
        chosen |= {key: trial[key] for key in trial if _more(misread[key][0].text, read[key[0]], first[key[0]])}
        if len(chosen) == len(misread):
            return tried  # (every line read as typed in this trial: it is the PDF)
    # (none did: a line found backwards whole is turned as before, one found by its letters alone left as it was;
    # and one found backwards no more once the others are turned, left too: a file's name ending a line, read right,
    # had been taken for backwards by its reversed image in the line of code below, itself read backwards)
    rest = {key: sure for key, (_, sure) in misread.items() if key not in chosen}
    if rest and chosen:
        read = _read(_rewrite(data, chosen), by_page)
        still = {(page, line.name) for page, lines in by_page.items() for line, _ in _reversed(read[page], lines)}
        rest = {key: sure for key, sure in rest.items() if key in still}
    chosen |= {key: _backwards for key, sure in rest.items() if sure}
    return _rewrite(data, chosen) if chosen else data


def _more(text: str, read: str, before: str) -> bool:
    """Whether a line's `text` is in the page's `read` more often than it was `before` any turn."""
    return read.count(_plain(text)) > before.count(_plain(text))


def _read(data: bytes, pages: Iterable[int]) -> dict[int, str]:
    """PDFium's text of each of the `pages` of `data`, as compared (_plain)."""
    import pypdfium2

    document = pypdfium2.PdfDocument(data)
    try:
        return {page: _plain(document[page].get_textpage().get_text_range()) for page in pages}
    finally:
        document.close()


def _reversed(read: str, lines: list[Written]) -> Iterable[tuple[Written, bool]]:
    """The `lines` (in the order drawn) that PDFium's text of their page, `read`, has backwards, each with
    whether its whole text was found so (not its letters alone).

    Each line is looked for after the one before it, as PDFium reads a page's lines in the order drawn: the
    same words earlier on the page (a code line that an inline `code` of the paragraph above quoted) are not
    taken for it. A line not found after its predecessor is looked for on the whole page, and then by its
    letters alone (PDFium may keep a neutral stretch in order as it reverses the rest: _stretched)."""
    cursor, letters = 0, _letters(read)
    texts = [_plain(line.text) for line in lines]
    for line in lines:
        text, backwards = _plain(line.text), _plain(line.text[::-1])  # (a fraction reads "1/2" both ways)
        if len(text) < 2:
            continue
        ahead, back = read.find(text, cursor), read.find(backwards, cursor)
        # (as typed only before it, in the paragraph above, the first line of the page's: a quote of it, `npm run
        # build -- --watch`, and the code block's line read backwards after it; not another line of the same text)
        quoted = 0 <= ahead < back and read.find(text, back) < 0 and text != backwards and texts.count(text) == 1
        if back >= 0 and (ahead < 0 or back < ahead or quoted):
            cursor = back + len(text)
            yield line, True
        elif ahead >= 0:
            cursor = ahead + len(text)
        elif text not in read and backwards in read:
            yield line, True
        elif text not in read and _letters_found(text, letters):
            yield line, False


def _letters_found(text: str, letters_read: str) -> bool:
    """Whether the strong characters of `text` (as PDFium classes them) are in those of the page, `letters_read`, in
    either order."""
    letters = _letters(text)
    return len(letters) > 1 and (letters in letters_read or letters[::-1] in letters_read)


def _letters(text: str) -> str:
    """The strong (left-to-right and right-to-left) characters of `text`, as PDFium classes them."""
    return "".join(char for char in text if pdfium_class(char) in ("L", "R"))


def _backwards(actual: str) -> str:
    return not_hyphenated(actual[::-1])


def _stretched(text: str) -> str:
    """`text` as PDFium reads a line stretch by stretch in the order written (charclass.class_stretches), as
    measured on "/* تعريف … */", a CSS comment, read "*/ يلحملا … فيرعت /*": each right-to-left stretch reversed, and
    each neutral one before the first left-to-right letter reversed and mirrored. Its own inverse."""
    out, direction = [], "R"
    for kind, stretch in class_stretches(text):
        direction = kind if kind in ("L", "R") else direction
        if kind == "R" or (kind == "N" and direction == "R"):
            stretch = stretch[::-1].translate(MIRROR) if kind == "N" else stretch[::-1]
        out.append(stretch)
    return "".join(out)


def _given(text: str) -> Callable[[str], str]:
    written = not_hyphenated(text)
    return lambda _: written


# The /ActualText PDFium reads a misread line from, tried in turn: the one written, reversed (most lines: it read
# them backwards whole); the line's stretches' image (it read the line stretch by stretch, as written); and that
# reversed (it read the line backwards, then stretch by stretch: "/* خط احتياطي … */" came back "* / خط … /*")
_TURNS: tuple[Callable[[Written], Callable[[str], str]], ...] = (
    lambda line: _backwards,
    lambda line: _given(_stretched(line.text)),
    lambda line: _given(_stretched(line.text)[::-1]),
)


def _plain(text: str) -> str:
    """The text as compared: no bidi controls, no marks (PDFium keeps a letter's marks in their order when it
    reverses a line: "اللَّهِ" came back "ِهّ َللا"), all brackets alike (it mirrors them), no spaces."""
    # and no hyphen: PDFium joins a line that ends with one to the next without it ("al-" / "Baqarah")
    # (decomposed: a letter drawn as its base and a mark reads so, "ۂ" as "ہ" and a hamza: tounicode._take; and as
    # PDFium gives a vulgar fraction, "1/2" for "½": a chess game's code line ending "½–½" was not found, nor turned)
    text = unicodedata.normalize("NFKD", _CONTROLS.sub("", text)).translate(_BRACKETS).replace("-", "")
    text = text.replace("\u2044", "/")
    # and no white space: PDFium gives a FOUR-PER-EM SPACE (a list bullet's) as a space, after the bullet; but a
    # letter's hamza or madda kept ("أ" is no "ا": `"أ": "ا",` in code, without it its own mirror image, was found
    # read as typed in the reversed lines around it, and given the wrong turn)
    return "".join(char for char in text if not _dropped(char))


def _dropped(char: str) -> bool:
    return (unicodedata.combining(char) > 0 and char not in "\u0653\u0654\u0655") or char.isspace()


def _rewrite(data: bytes, turns: dict[tuple[int, str], Callable[[str], str]]) -> bytes:
    """The PDF with the named /ActualText of each (page, name) rewritten by its turn, in the page's property lists."""
    import pikepdf

    with pikepdf.open(io.BytesIO(data)) as pdf:
        for (page, name), turn in sorted(turns.items(), key=lambda item: item[0]):
            entry = pdf.pages[page].Resources.Properties["/" + name]
            entry.ActualText = pikepdf.String(turn(str(entry.ActualText)))
        out = io.BytesIO()
        pdf.save(out, fix_metadata_version=False, deterministic_id=True, min_version=pdf.pdf_version)
        return out.getvalue()
