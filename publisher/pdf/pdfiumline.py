"""Which way PDFium lays out an /ActualText shared by the arrays of a line, and so which way to write it.

PDFium (8149, pypdfium2 5.15) reads a page's text objects (one per `TJ`) in two stages. First it gathers
them in the order drawn into groups, each kept sorted left to right, and closes a group when an object sits
higher or lower than the group's rightmost one by more than half the wider of their two facing glyphs (a
raised mark's array, drawn with `Ts`, usually does). Then it reads each group's objects in that order; the
first object of a shared /ActualText gives the text, and the others, which carry the same innermost one,
add nothing.

Measured: when that first object is not right to left (a comma or a full stop alone at the line's left end,
a raised or lowered mark's array beside it aside) and the group goes on with more of the line, PDFium read the
line reversed (the poetry fixture's "... يَا بَنِيَّ،"); the text is then written reversed, which it reverses
back. When the group ends with that object (a raised mark's array comes next: "... ابْنِ القَارِحِ." in a
vocalised paragraph), or the object is right to left, it reads the text as written, whatever the object's
glyph (tried with "،", "." and "ب"). This is a model of what was seen, not of PDFium's code: a line it still
gets wrong ("# حساب المؤشر اليومي" opening a code block read reversed, "# جلب الأسعار" in the same place
not) is found and turned once the PDF is written (orient.py).
"""

from __future__ import annotations

import unicodedata

from ..typeset.bidi import POWERS
from .charclass import MIRROR, RLM, class_stretches, letter_kind, not_hyphenated
from .lineroles import RUN_END
from .marks import pdfium_text, placed_arrays
from .pagetext import Show

_STRONG = {"R": "R", "AL": "R", "L": "L"}


def pdfium_text_over(text: str, shows: list[Show], line: list[Show] | None = None) -> str:
    """`pdfium_text(text)` for one /ActualText over the arrays `shows` of `line` (default: they are the line),
    reversed where PDFium would read it reversed (see above)."""
    kinds = {unicodedata.bidirectional(char) for char in text}
    reversed_ = _reads_reversed(shows, line or shows)
    # (and a line of code without letters, read reversed: digits, separators and quotes, `"٠١٢٣٤٥٦٧٨٩٫٬",`, whose
    # trailing separators PDFium read first, "٬٫٠١٢٣٤٥٦٧٨٩", and `"٫٬",` read `,"٫٬"`)
    ltr = "L" in kinds or (reversed_ and kinds.isdisjoint(("R", "AL")))
    written = _mixed(text) if ltr else pdfium_text(text)
    return not_hyphenated(written[::-1] if reversed_ else written)


def _mixed(text: str) -> str:
    """The /ActualText of a line with left-to-right letters (code and its Arabic comment), which PDFium, reading
    it reversed, lays out as its stretches of one class (charclass.py) in reverse order, each as written
    (measured: "index = compute_index(prices, weights)  # النتيجة"): each stretch reversed in place; and a bracket in
    a neutral stretch after an Arabic one (no Latin letter between) mirrored, which PDFium mirrors there: a template
    string of a JavaScript line, `` `المجموع: ${total}` ``, was read "$}total}", `f("نص", {a: 1})` "}a: 1}"; and
    one before the line's first letter, which PDFium sets in the book's direction ("{ name: …" read "} name: …")."""
    out, strong = [], "R"
    for kind, stretch in class_stretches(text):
        if kind == "N" and strong == "R":
            stretch = stretch.translate(MIRROR)
        strong = kind if kind in ("L", "R") else strong
        out.append(stretch[::-1])
    return "".join(out)


def _reads_reversed(shows: list[Show], line: list[Show]) -> bool:
    marked = {id(show) for show in shows}
    for group in _groups(line):
        ours = [show for show in group if id(show) in marked]
        if ours:  # a raised or lowered mark's array beside the first one is not what PDFium measured by
            first = next((show for show in ours if not show.rise), ours[0])
            return len(ours) > 1 and not _right_to_left(first)
    return False


def call_text(call: Show, line: list[Show]) -> str:
    """A note call's /ActualText (textlayer.py), a space read where PDFium takes the call. A RIGHT-TO-LEFT MARK after
    it ends poppler's run before it ("2027¹ وقال") and keeps a full stop before it to its word ("الفائدة.¹ تأمل", read
    "الفائدة ." without); another space follows when PDFium sorts the call in with the line's other arrays (the array
    on the line's right ended in a glyph wide enough): the mark had joined the letters of the word after it, read
    backwards ("السنوي¹،" ending a line after "97.5%"). A call right after an Arabic letter, Arabic words after it on
    its line, has no mark: a character as small and as high as the call, it made poppler read the words from there to
    the line's left end as a line of their own, before the rest ("سنوياً¹، أي ما بين")."""
    placed = placed_arrays(line)
    if _beside(call, placed, right=True, strong=False) == _beside(call, placed, right=False) == "R":
        return " "
    if _after_unit_power(call, placed):  # "كم²¹": the mark first, else poppler read the space with the power, "كم ²"
        return RLM + RUN_END
    return RUN_END + " " if any(len(group) > 1 and call in group for group in _groups(line, call)) else RUN_END


def _after_unit_power(call: Show, placed: list[tuple[float, float, Show]]) -> bool:
    """Whether the text a call follows ends with a power glued to an Arabic letter, a unit's ("٣٥٣٨ كم²")."""
    left = next(left for left, _, show in placed if show is call)
    beside = sorted(((a, show) for a, _, show in placed if show is not call and a >= left), key=lambda item: item[0])
    chars = [text for _, show in beside for _, text in show.elements if text and _counted(text, False)]
    return len(chars) > 1 and chars[0] in POWERS and letter_kind(chars[1]) == "R"


def with_blank(tj: bytes, call: Show, line: list[Show]) -> bytes:
    """A note call's `TJ` with a space glyph of its font after its digits: nothing drawn, but an array of more than
    one glyph. When PDFium sorts the call in with its line's arrays, it starts a new line after an array of one glyph
    set higher than the next one ("الغنم²، مفروم مرتين" was read "، مفروم مرتين" on a line of its own, before the rest),
    not after one of two or more whose box holds the next one's baseline. The space glyph is one the line draws."""
    blank = next(
        (e for show in line if show is not call for e, t in show.elements if t == " " and show.font is call.font), None
    )
    end = tj.rfind(b"]")
    return tj[:end] + blank + tj[end:] if blank and end > 0 else tj


def _beside(call: Show, placed: list[tuple[float, float, Show]], right: bool, strong: bool = True) -> str:
    """The kind (charclass.letter_kind) of the strong character nearest the call on its right (the end of the text it
    follows) or its left, "" if none; not `strong`: of the nearest character but a mark (N for punctuation)."""
    left, end = next((left, end) for left, end, show in placed if show is call)
    beside = [(a, show) for a, b, show in placed if show is not call and (a >= left if right else b <= end)]
    for _, show in sorted(beside, key=lambda item: item[0], reverse=not right):
        texts = [text for _, text in show.elements if text]
        kinds = [letter_kind(text) for text in (texts if right else texts[::-1]) if _counted(text, strong)]
        if kinds:
            return kinds[0]
    return ""


def _counted(text: str, strong: bool) -> bool:
    return letter_kind(text) != "N" if strong else not text.isspace() and not unicodedata.combining(text[0])


def _groups(line: list[Show], call: Show | None = None) -> list[list[Show]]:
    """PDFium's first stage over the arrays of a line: groups in the order drawn, each sorted left to right.
    Arrays that draw nothing PDFium can see (spaces alone, empty) are passed over, but a note call (its text a space
    by then)."""
    groups: list[list[tuple[float, Show]]] = []
    for left, _, show in placed_arrays(line):
        glyphs = [element for element, text in show.elements if text and element[1:-1]]
        if not glyphs or (show is not call and not any(text and not text.isspace() for _, text in show.elements)):
            continue
        if groups:
            _, last = groups[-1][-1]
            facing = max(_width(last, _last_glyph(last)), _width(show, glyphs[0]))
            if abs(_height(show) - _height(last)) > facing / 2:
                groups.append([])
        else:
            groups.append([])
        groups[-1].append((left, show))
        groups[-1].sort(key=lambda placed: placed[0])
    return [[show for _, show in group] for group in groups]


def _last_glyph(show: Show) -> bytes:
    return [element for element, text in show.elements if text and element[1:-1]][-1]


def _width(show: Show, glyph: bytes) -> float:
    return show.font.widths.get(int(glyph[1:-1], 16), 0) * show.size / 1000


def _height(show: Show) -> float:
    return show.origin[2] - show.rise  # `Tm` flips the y axis: a rise moves the glyphs up the page


def _right_to_left(show: Show) -> bool:
    """Whether PDFium takes an array for right to left: as many stretches of right-to-left letters as of
    left-to-right ones, and at least one (the first character of each glyph's text counts)."""
    kinds = [_STRONG.get(unicodedata.bidirectional(text[0]), "") for _, text in show.elements if text]
    stretches = [kind for n, kind in enumerate(kinds) if kind in "RL" and (n == 0 or kinds[n - 1] != kind)]
    right = stretches.count("R")
    return right > 0 and right >= stretches.count("L")
