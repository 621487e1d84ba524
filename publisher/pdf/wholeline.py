"""A line read whole: one /ActualText over all its text objects, and how to write it for a left-to-right line.

Both text layers give some lines their whole text at once: a verse, a code line with an Arabic comment
(textlayer.py), and in a left-to-right book a line quoting vocalised Arabic (ltrlayer.py). There PDFium and
poppler took the raised marks' arrays for the edges of words and read the Arabic out of order and cut
("«بِسْمِ اللَّهِ»" came back "ن الرحيم ه الرحم ... الل"). The line's text as typed comes from the layout's
clusters (marks.line_text); each extractor gets it written so that its own reordering gives it back:

- poppler reads the inline /ActualText laid left to right over the line and, on a left-to-right page, reverses
  each stretch that begins at a right-to-left letter and runs to the next left-to-right letter or digit
  (TextOutputDev's reorderText). So each such stretch, up to its last letter or mark, goes in reversed, after a
  RIGHT-TO-LEFT MARK (which opens poppler's stretch before the marks the reversed word begins with) and before
  a LEFT-TO-RIGHT MARK (which ends it before the punctuation after the word: "», is").
- PDFium cuts the text into segments of one class (charclass.py) and, when the right-to-left ones are at least
  as many as the left-to-right ones (the marks part every vocalised word into many), reads the segments in
  reverse order; it mirrors each bracket or quote of a neutral segment met after a right-to-left one, and may
  read the whole line backwards (it follows the first object it meets, pdfiumline.py). Measured on the
  vocalised-english fixture (PDFium 8149): the letters of each segment keep their order. So the segments go in
  reverse order when PDFium will read them so, and each neutral segment holding a bracket between two
  LEFT-TO-RIGHT MARKs, which PDFium then never mirrors, whichever way it reads; a line it reads backwards is
  found and turned once the PDF is written (orient.py).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Collection, Mapping
from itertools import groupby, pairwise
from typing import Any

from .charclass import LRM, POPPLER_NUMBER, letter_kind, pdfium_class
from .clusters import Key, Laid, is_mark, position_key
from .marks import MIRRORED_CHARS, PDFIUM_UNKNOWN, RLM, extent, placed_arrays
from .pagetext import Show
from .readingorder import enclosing

ZWNJ, ZWJ = "\u200c", "\u200d"
_HYPHENS = ("-", "\u00ad", "\u2010")


def whole_line_marks(
    items: list[Any],
    line: list[Show],
    spanned: Mapping,
    shared: bytes,
    outer: list[Any],
    depths: list[int],
    apart: Mapping[int, list[Any]] | None = None,
    running: bool = False,
) -> dict[int, list[Any]] | None:
    """The marks of a line read whole (a verse's, say), by stream index: one inline /ActualText for poppler
    around the whole line, and the named one of the line (`shared`) innermost at one depth on every text
    object, for PDFium; none else. A verse's hemistichs are two columns with a wide gap between them, and
    their words are spread over their columns: poppler took the hemistichs, even a lone word ("رَسْمُهَا"), for
    blocks of their own and read them out of order. Laid over the whole line, the text is one line to it. (A
    line of a left-to-right block, an Arabic comment in code, both had read in the book's direction: "جلب
    الأسعار #".) None where no marked-content sequence can hold the line alone (readingorder.enclosing).

    But poppler lays a span's text from the first glyph drawn in it to the end of the last, and a line of running
    text (`running`: read whole for a vocalised word beside a number or a Latin word, not a verse or code) is drawn in
    pieces from the right, each left to right: over them all the line got a negative width, and poppler read the
    next line first ("۲٬۱۵۰٬۰۰۰ واحد رسید." before the Persian line above it, whose "هفتهٔ" has a hamza above). Such a
    line (not a table's row, whose cells poppler reads as columns: not `running`), and one holding the rest of
    an address broken over lines (its arrays `apart`, by stream index, with their own inline marks for poppler: drawn
    first, at the right end) have poppler's text on one array (`_place`), an empty one on each other array."""
    apart = apart or {}
    inside = [show.index for show in line if show.index not in apart]
    span = enclosing(items, min(inside), max(inside), line[0].origin[2]) if inside else None
    if span is None or any(span[0] <= index <= span[1] for index in apart):
        return None
    units = {first: last for first, last, _ in spanned.values()}
    units |= {show.index: show.index for show in line if show.origin not in spanned}
    deepest = max(depths[first] for first in units)
    marks: dict[int, list[Any]] = {}
    for first, last in units.items():  # an array apart as deep as the others: its own mark for the line's span
        pad = deepest - depths[first]
        marks[first] = [*apart.get(first, []), *[b"/Span BMC"] * pad, shared, items[first]]
        marks[last] = [*marks.get(last, [items[last]]), *[b"EMC"] * (pad + 1 + (first in apart))]
    if apart or running:  # the line's text on one array (see above)
        placed = placed_arrays(line)
        carrier = max(
            (first for first in units if first not in apart),
            key=lambda first: _place(line, first, units, apart, placed),
        )
        edge = _ends(placed, carrier, units)[1]
        for first, last in units.items():
            if first not in apart:  # (right of the carrier a RIGHT-TO-LEFT MARK: see _silent)
                quiet = _silent(outer, RLM if _ends(placed, first, units)[0] >= edge - ABUTTING else "")
                marks[first] = [*(outer if first == carrier else quiet), *marks[first]]
                marks[last] = [*marks[last], b"EMC"]
        return marks
    start, end = span
    marks[start] = [*outer, *marks.get(start, [items[start]])]
    marks[end] = [*marks.get(end, [items[end]]), b"EMC"]
    return marks


def _place(
    line: list[Show], first: int, units: Mapping[int, int], apart: Mapping[int, Any], placed: list[Any]
) -> tuple[bool, float]:
    """Where poppler's text goes: at the line's right end, where a right-to-left line begins ("…بدأت بـ 3 مبرمجين
    و$50,000 فقط، ثم جمعت ابتداءً من": on the widest, "ثم جمعت", poppler read the line after it first), on the widest
    unit ending within an em of it: not on a bracket alone there, a few points into which poppler squeezed the line
    and then read it before the line above ("(NASA) در سال …" before "… ماهواره‌های ناسا"); beside the rest of an
    address (`apart`), drawn at the right end, on the widest. (`placed`: the line's arrays, marks.placed_arrays.)"""
    if apart:
        left, right = extent([show for show in line if first <= show.index <= units[first]])
        return True, right - left
    left, right = _ends(placed, first, units)
    return right >= _reach(placed, line[0].size) - line[0].size, right - left


def _ends(placed: list[Any], first: int, units: Mapping[int, int]) -> tuple[float, float]:
    """The left and right ends of the unit that begins at `first` (`placed`: the line's arrays)."""
    ends = [(left, right) for left, right, show in placed if first <= show.index <= units[first]]
    return min(left for left, _ in ends), max(right for _, right in ends)


def _reach(placed: list[Any], size: float) -> float:
    """How far left of a line's right end poppler's text may begin: past the narrow arrays drawn there, a number
    alone ("1.89 على Windows 11، …", whose "1.89", carrying the line, sat right of the indented line above it, and
    poppler took the two for columns and read the lower first)."""
    edge = max(right for _, right, _ in placed)
    for left, right, _ in sorted(placed, key=lambda array: -array[1]):
        if right < edge - size or right - left >= NARROW * size:
            break
        edge = min(edge, left)
    return edge


def _silent(marks: list[Any], text: str = "") -> list[Any]:
    """An inline /ActualText like `marks`, of no text: poppler reads nothing for what it holds. Or of `text`, a
    RIGHT-TO-LEFT MARK for the arrays right of the one carrying the line, which poppler then takes for where the line
    begins: a note's number there, read as nothing, had left the line's first glyph at the number's left, and the
    note's last line, one word under the number ("اليمن."), beside no glyph of the line above, a column read first."""
    import pydyf

    return [marks[0], pydyf.Dictionary({"ActualText": pydyf.String(text)}), *marks[2:]]


NARROW = 3  # em: an array narrower than this at a line's right end does not carry poppler's text alone
ABUTTING = 0.5  # pt an array right of the carrier may begin inside it: a bold word's, 0.005 pt (a note's "**الشَّبِم:**")
RAISED = 0.15  # em: an array raised or lowered more than this closes PDFium's group (pdfiumline.py)
ISOLATES = dict.fromkeys(range(0x2066, 0x206A))  # the bidi isolates' controls, which a line read whole leaves out


def beside_raised(
    line: list[Show], spanned: Collection[tuple[int, float, float]], laid: Mapping[Key, Laid], page: int
) -> bool:
    """Whether a vocalised object drawn with raised marks (`spanned`, by origin) shares its line with another object
    that holds a number (an Urdu "۲۰۲۶–۲۷" beside "شرحِ": PDFium grouped the number with the object's first array,
    read the object's text backwards there and again after its raised mark) or a Latin word ("لُغَةَ Python
    سَهْلَةٌ", read in pieces, twice); or whether such an object holds a left-to-right isolate, which left it out
    of `spanned` and had its arrays cut ("و37,5 °C، ونتحدّث عن حمّى مساءً من": PDFium closed its group at the
    raised tanwin of "مساءً" and read "من" after the number before it; a mark's array raised at all: "جداً" beside
    "والـVAR" was read backwards). Such a line is read whole (textlayer.py)."""

    def kinds(show: Show) -> set[str]:
        return {unicodedata.bidirectional(char) for _, text in show.elements for char in text or ""}

    def raised(show: Show) -> bool:
        layout = laid.get(position_key(page, *show.origin[1:]))
        lifted = abs(show.rise) > RAISED * show.size  # (not a letter's 0.3 pt, which closed no group)
        # (nor a mark's alone, however little: "قاسية جداً، والـVAR", its tanwin 0.6 pt up, read backwards, "ًادج")
        lifted = lifted or bool(show.rise and all(is_mark(char) for _, text in show.elements for char in text or ""))
        return lifted and show.origin not in spanned and layout is not None and layout.vocalised

    beside = bool(spanned) and any(show.origin not in spanned and kinds(show) & {"EN", "AN", "L"} for show in line)
    return beside or any(map(raised, line))


# The /ActualText of a vocalised object's arrays after its first on a line not read whole (a note's call kept it
# apart, beside_raised): a character PDFium takes for no text (not printable), so it reads nothing there, whatever
# group it takes a raised mark's array into; the object's text comes once, from its first array. (Poppler reads
# the inline /ActualText around them all and never a named one.)
SILENT = "\t"


def advancing(show: Show) -> bool:
    """Whether the array `show` is not raised and draws more than marks (by its glyphs' text): PDFium, which skips an
    empty object, reads it and gives its /ActualText there, the arrays after it being SILENT."""
    return not show.rise and any(not is_mark(char) for _, text in show.elements for char in text or "")


def isolates_only(line: list[Show], isolates: Collection[tuple[int, float, float]]) -> bool:
    """Whether a line of a right-to-left book holds left-to-right isolates alone (their objects' origins `isolates`),
    more than one or one in several fonts, and no right-to-left letter: the last line of inline code broken over lines,
    with an address in it ("-r requirements.txt", "-la /var/www"). Each object had the marks of a run in a
    right-to-left line, and PDFium read the line out of order ("requirements.piptxt install -r"): it is read whole,
    left to right (textlayer.py). Its objects abut: a table's row of cells set left to right ("EUR/MAD 10.74 +0.3%"),
    read whole, was one wide block to poppler, which read the header's cells out of order."""
    # (an object drawing no text aside: a break opportunity's joiners after an address ending the line)
    # (or one drawn in several fonts' arrays: a formula alone on its line, "x̄ = Σxᵢ/n", read "/xΣxin̄" by PDFium)
    fonts = len({id(show.font) for show in line})
    if (len(isolates) < 2 and fonts < 2) or any(show.origin not in isolates and _shows_text(show) for show in line):
        return False
    return _abutting(line) and not any(
        _right_to_left(c) for show in line for _, text in show.elements for c in text or ""
    )


def _shows_text(show: Show) -> bool:
    return any((text or "").strip() for _, text in show.elements)


def ltr_poppler_text(typed: str) -> str:
    """The inline /ActualText of a left-to-right line that poppler turns back into `typed` (see above). A stretch
    is right-to-left letters, their marks and the spaces and joiners between them: punctuation ends it, as a comma
    or a full stop between two Arabic words ends poppler's ("مَدْرَسَةٌ, مَطْبَعَةٌ" came out with the words swapped)."""
    out: list[str] = []
    start = 0
    while start < len(typed):
        if not _right_to_left(typed[start]):
            out.append(typed[start])
            start += 1
            continue
        end = start
        while end < len(typed) and (_right_to_left(typed[end]) or _inside_word(typed[end]) or typed[end] == " "):
            end += 1
        while not (_right_to_left(typed[end - 1]) or _inside_word(typed[end - 1])):
            end -= 1  # the spaces after the last word stay where they are, after the mark
        out.append(RLM + typed[start:end][::-1] + LRM)
        start = end
    return "".join(out)


def poppler_ltr_line(typed: str) -> str:
    """The inline /ActualText of a left-to-right line of a right-to-left book (code quoting Arabic, read whole) that
    poppler turns back into `typed`. It takes the line for right to left, as the page is, and reads it from its right
    end: a stretch up to a left-to-right letter or a number's character (POPPLER_NUMBER) reversed, then one up to a
    right-to-left letter as it stands, and so on. So the text goes in as such stretches from its end, each stretch
    after the first begun by a right-to-left letter: a RIGHT-TO-LEFT MARK where it is not (the neutrals between a
    left-to-right word and an Arabic one). Read as right to left text, `--data '{"name": "خديجة", "city": "فاس"}'`
    came out with its quotes on the far sides of its words: '"name" :خديجة"city" ,"" :فاس"'."""
    pieces: list[str] = []
    start = end = 0
    while end <= len(typed):
        if end < len(typed) and not _poppler_left_to_right(typed[end]):
            end += 1
            continue
        rtl = typed[start:end]
        pieces.append((RLM if pieces and rtl and not _right_to_left(rtl[0]) else "") + rtl)
        start = end  # a left-to-right stretch: to the last such character before the next right-to-left letter
        while end < len(typed) and not _right_to_left(typed[end]):
            end += 1
        while end > start and not _poppler_left_to_right(typed[end - 1]):
            end -= 1
        pieces.append(typed[start:end])
        start = end = end + (end == len(typed))
    return "".join(piece if number % 2 else piece[::-1] for number, piece in reversed(list(enumerate(pieces))))


def _poppler_left_to_right(char: str) -> bool:
    return letter_kind(char) == "L" or char in POPPLER_NUMBER


def ltr_pdfium_text(typed: str) -> str:
    """The named /ActualText of a left-to-right line that PDFium turns back into `typed` (see above), unless it
    reads the line backwards (orient.py turns it then)."""
    guarded = "".join(
        LRM + segment + LRM if _pdfium_kind(segment[0]) == "N" and MIRRORED_CHARS & set(segment) else segment
        for segment in _segments(typed)
    )
    segments = _segments(guarded)
    kinds = [_pdfium_kind(segment[0]) for segment in segments]
    lead = kinds.count("R") - kinds.count("L")
    # too close to call: PDFium read a line of as many right-to-left segments as left-to-right ones (2 and 2) as
    # left to right, where its code says right to left; so a few more left-to-right segments (a mark each, and a
    # ZERO WIDTH NON-JOINER between two), and the line is left to right whatever it counts
    written = "".join(segments[::-1]) if lead >= 2 else (LRM + ZWNJ) * max(0, lead + 2) + guarded
    # PDFium takes a line whose text ends with a hyphen (at either end: it may take the text backwards) for a word
    # broken over two lines, and reads the next line into it, which changed its count ("(al-" / "Baqarah"): a
    # ZERO WIDTH NON-JOINER there, which it counts as nothing, keeps the lines apart
    return (ZWNJ if written.startswith(_HYPHENS) else "") + written + (ZWNJ if written.endswith(_HYPHENS) else "")


def _segments(text: str) -> list[str]:
    """The stretches of `text` of one PDFium class, in order."""
    return ["".join(stretch) for _, stretch in groupby(text, _pdfium_kind)]


def _pdfium_kind(char: str) -> str:
    """PDFium's class of a character (charclass.py), the marks newer than its tables (the Qur'an's open tanwin
    among them) taken with the letters around them, as it reads them (marks.PDFIUM_UNKNOWN)."""
    return "R" if char in PDFIUM_UNKNOWN else pdfium_class(char)


def _right_to_left(char: str) -> bool:
    return letter_kind(char) == "R"


def _inside_word(char: str) -> bool:
    """A mark, or a joiner (ZERO WIDTH NON-JOINER and JOINER: "کتاب‌خانه")."""
    return is_mark(char) or char in (ZWNJ, ZWJ)


def _abutting(line: list[Show]) -> bool:
    """Whether the text objects of a line follow each other with no blank wider than half an em between them."""
    ends = sorted(extent([show for show in line if show.origin == origin]) for origin in {show.origin for show in line})
    return all(left - right < 0.5 * line[0].size for (_, right), (left, _) in pairwise(ends))
