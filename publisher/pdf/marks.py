"""Vocalised words in the text layer: each gets its characters back, in the order each extractor wants.

A word with marks is drawn as its letters' glyphs and, in `TJ` arrays of their own raised with `Ts`,
its marks' glyphs, moved over their letters: the glyphs' own text is wrong (clusters.py), and both
extractors take the moved marks for the edges of words ("ق َلباهُ"). So the glyphs of such a word
(the arrays of its marks included) are wrapped in two /ActualText spans of the word's text, as the
layout has it (clusters.py), with nothing drawn changed:

- an inline one for poppler, which lays the string out left to right over the span and then reverses
  each stretch without a left-to-right letter or digit: it gets the text reversed, numbers kept whole
  (popplerwords.py);
- inside it a named one for PDFium, which reads the innermost: on these lines PDFium reverses each stretch
  of right-to-left letters in place, and each stretch of neutrals holding punctuation, keeping the order of
  the stretches and the marks (pdfium_text).

A word here is a run of glyphs whose clusters hold only right-to-left letters, marks and tatweel:
punctuation, digits and Latin keep the marks of textlayer.py.

Text objects with raised glyphs (`Ts`), which is where every vocalised word is, are not cut: cutting their
arrays made PDFium draw glyphs up to a pixel away and take a mark lowered far below the line (a kasra under
a final meem) for a line of its own. `spanned_objects` gives such an object one pair of /ActualText over all
its operators, left whole, holding its whole text (several words, digits and punctuation among them); one
holding a left-to-right isolate has its words marked as others' are. When such an object shares its line with others
(a byline: the vocalised name, " · ", a date), every object of the line gets one named /ActualText of the whole line
for PDFium (`line_text`).
Measured (benchmarks/text_fidelity.py on tests/fixtures/vocalised-*, 2026-12-03): PDFium 100 % of the words,
with the marks too; poppler 98.7-100 % ("3.5%" glued to the next word); before, 12-22 % and 4-9 %.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Mapping
from typing import Any

from ..typeset.bidi import OPERATORS
from ..typeset.kashida import as_typed
from .charclass import LRM, MIRROR, MIRRORED_CHARS, RLM, fraction
from .clusters import Key, Laid, is_mark, position_key
from .pagetext import TJ_PARTS, Show, as_mapped
from .wordedges import Word, glued_across_kern, overlapped_space, to_edges

EMPTY: Mapping[str, str] = {}
_JOINERS = frozenset("\u0640\u200c\u200d")  # tatweel, ZERO WIDTH NON-JOINER and JOINER: inside words


def marked_words(
    line: list[Show],
    laid: dict[Key, Laid],
    page: int,
    gaps: list[set[int]],
    elongated: Mapping[str, str] | None = None,
    spanned: Collection[tuple[int, float, float]] = (),
) -> list[Word]:
    """The words of a line that need their text given: those with marks, their text from the layout's clusters,
    those with a kerning blank inside (`gaps`: glyphs followed by one, per `TJ`), their text from their glyphs', and
    those kashida justification elongated (`elongated`: as drawn → as typed), their text as typed. Not in the objects
    `spanned` (by origin: `spanned_objects`), which get their whole text; an object with a raised glyph that is not
    one (it holds an isolate: "و$50,000") had no word marked: poppler read its "مؤسِّستها"'s shadda with another line."""
    objects: dict[tuple[int, float, float], list[int]] = {}
    for number, show in enumerate(line):
        objects.setdefault(show.origin, []).append(number)
    words: list[Word] = []
    for origin, shows in objects.items():
        if origin in spanned:
            continue  # raised marks: see the module's docstring
        layout = laid.get(position_key(page, origin[1], origin[2]))
        glyphs = [(s, i) for s in shows for i, (_, text) in enumerate(line[s].elements) if text is not None]
        if layout is not None and [int(line[s].elements[i][0][1:-1], 16) for s, i in glyphs] != [
            glyph for glyph, _, _ in layout.glyphs
        ]:
            layout = None  # not the text object the layout drew
        if layout is not None:
            texts = [(layout.typed(start, end), start, end) for _, start, end in layout.glyphs]
        else:  # no Arabic, or not the text object the layout drew: the glyphs' own text, in visual order
            texts = [(line[s].elements[i][1] or "", -n, -n + 1) for n, (s, i) in enumerate(glyphs)]
        current: list[tuple[tuple[int, int], str, int, int]] = []
        for place, (text, start, end) in [*zip(glyphs, texts, strict=True), ((0, 0), ("", 0, 0))]:
            if _in_word(text):
                current.append((place, text, start, end))
                continue
            if current and not any(unicodedata.bidirectional(ch) in ("R", "AL") for c in current for ch in c[1]):
                current = []  # marks alone, a Latin letter's ("x̄" of "σ = √(Σ(xᵢ − x̄)²/n)"): its run's
            if current:
                glued = glued_across_kern(current, glyphs, texts, gaps)
                current = [*glued[0], *current, *glued[1]]
                if layout is not None:
                    word = layout.typed(min(c[2] for c in current), max(c[3] for c in current))
                else:
                    word = "".join(c[1] for c in reversed(current))
                kerned = any(i in gaps[s] for (s, i), *_ in current[:-1]) or any(glued)
                drawn = "".join(line[s].elements[i][1] or "" for (s, i), *_ in reversed(current))
                # a glyph that stands for nothing (Amiri's tatweel between lam and kaf, "جھلک"), read "جھࢎلک" by
                # PDFium, "جھ لک" by poppler; one for tatweels and a letter (Amiri's "ـــا"), read backwards ("كتاـــب")
                silent = any(not line[s].elements[i][1] for (s, i), *_ in current)
                joined = any(len(c[1]) > 1 and TATWEEL in c[1] for c in current)
                if (typed := as_typed(word, elongated or EMPTY)) != word:
                    words.append(to_edges(Word([c[0] for c in current], typed), glyphs, texts))
                elif kerned or silent or joined or any(map(is_mark, word)) or word != drawn:
                    words.append(to_edges(Word([c[0] for c in current], word), glyphs, texts))
                if words and words[-1].glyphs[0] == current[0][0]:
                    words[-1] = overlapped_space(words[-1], line, glyphs)
                    left = texts[glyphs.index(words[-1].glyphs[0]) - 1][0] if words[-1].glyphs[0] != glyphs[0] else ""
                    words[-1].glued = bool(left) and held_before(left[:1])
                current = []
    return words


def _in_word(cluster: str) -> bool:
    return bool(cluster) and all(
        char in _JOINERS or is_mark(char) or unicodedata.bidirectional(char) in ("R", "AL") for char in cluster
    )


def pdfium_text(text: str, glued: bool = False) -> str:
    """The /ActualText PDFium turns back into `text`, measured on PDFium 8149 (pypdfium2 5.15): it reverses each
    stretch of right-to-left letters in place, and each stretch of neutrals that holds punctuation ("َ:" after
    "قال"), and each stretch of marks (two on one letter come out swapped: "نومٞۖ" read "نومۖٞ", which only a comparison
    in NFC hides when the two marks' classes differ); spaces, digits and the order of the stretches stay.

    Marks then punctuation ("إِلَيْهِ»." "وَمُسْلِمٌ." with the period in the next text object) are another case:
    PDFium's runs of neutrals swap a mark with a full stop, keep "»." in order, mirrored, and send a lone "»" past
    the next space. A RIGHT-TO-LEFT MARK after such a word's marks and after each of the punctuation marks that
    follow, each written mirrored, makes every one a stretch of its own in a right-to-left run, read back as typed
    (measured on 16 endings: ".", "».", "!»", "».)", "…»" …), as a careful author would type them."""
    stretches: list[tuple[str, str]] = []
    held = _held_tatweels(text, glued)
    numbers = ""  # the numbers typed just before, no space or letter between: one stretch to PDFium
    for token in _PDFIUM_NUMBER.split(held):
        if _PDFIUM_NUMBER.fullmatch(token):  # a number with its signs and separators: PDFium reverses each stretch
            # of it in place, with the numbers before it where it follows them (a phone's no-break spaces join its
            # groups: "+216 71 234 567" was read "567234 71 +216"), a product's sign between two digits parting
            # them ("30×40 سم" was read "40 ×30سم"; not a magnification's after its number, "3×", read as typed)
            if stretches and stretches[-1][0] == "D":
                stretches.pop()
                numbers += token
            else:
                numbers = token
            stretches.append(("D", "".join(part[::-1] for part in _PRODUCT.split(numbers))))
            continue
        for char in token:  # (a vulgar fraction kept whole between LEFT-TO-RIGHT MARKs, else PDFium reads "1/2")
            kind = "T" if char == _KEPT_TATWEEL else "F" if fraction(char) else _pdfium_kind(char)
            char = TATWEEL if char == _KEPT_TATWEEL else LRM + char + LRM if kind == "F" else char
            if stretches and stretches[-1][0] == kind:
                stretches[-1] = (kind, stretches[-1][1] + char)
            else:
                stretches.append((kind, char))
    written: list[str] = []
    for n, (kind, stretch) in enumerate(stretches):
        after_letters = n > 0 and stretches[n - 1][0] == "R"
        if kind == "N" and not all(map(_weak, stretch)):
            ending = re.match("[\u064b-\u065f\u0670]+", stretch) if after_letters else None  # the word's last marks
            marks = ending[0] if ending else ""
            by_number = "D" in (stretches[n - 1][0] if n else "", stretches[n + 1][0] if n + 1 < len(stretches) else "")
            # (and an operator ending the text a space after a number: "على (2 ×", broken there, read "2× ")
            by_number = by_number or (n == len(stretches) - 1 and [k for k, _ in stretches[n - 2 : n]] == ["D", "S"])
            if marks or by_number or any(c in MIRRORED_CHARS or c in ORNATE for c in stretch):
                punctuation = stretch[len(marks) :]
                written.append(marks + RLM + "".join(c.translate(MIRROR) + RLM for c in punctuation))
            else:
                written.append(stretch[::-1])
        elif kind == "R":
            written.append(stretch[::-1])
        elif kind == "N":  # marks: PDFium reverses two or more on one letter too ("نومٞۖ" read "نومۖٞ")
            # a word's last marks: a full stop may follow in the next text object
            # and before a number glued to the word ("وَ١٢٪": PDFium read the fatha after the number, "و١٢٪َ")
            ends = n == len(stretches) - 1 or stretches[n + 1][0] == "D"
            written.append(stretch[::-1] + (RLM if after_letters and ends else ""))
        else:
            written.append(stretch)
    # an operator ending the text after a space and an Arabic word ("التغيّر =", its operand on the next line):
    # PDFium read the space after it, "التغيّر="; written after it, it reads it before
    # (and one beginning it before a space and a number, "= +٢٥٠", read " =+٢٥٠": written after the space)
    out, ending, opening = "".join(written), _ENDING_OPERATOR.search(text), _OPENING_OPERATOR.match(text)
    out = out[: -len(ending[0])] + ending[0][::-1] if ending and out.endswith(ending[0]) else out
    return opening[0][::-1] + out[len(opening[0]) :] if opening and out.startswith(opening[0]) else out


_ENDING_OPERATOR = re.compile(f"(?<=[\u0621-\u064a\u064b-\u0652\u0670]) [{OPERATORS}]$")
_OPENING_OPERATOR = re.compile(f"[{OPERATORS}] (?=[-+\u2212]?[\u0660-\u0669\u06f0-\u06f9])")  # (measured on these)


# Arabic marks newer than the extractors' tables (measured on every mark Amiri draws on "سنة"): PDFium 8149 takes
# U+065F and the Qur'anic U+08D3-U+08FF (open tanwin among them) for left-to-right letters (popplerwords.py: poppler)
PDFIUM_UNKNOWN = frozenset("\u065f" + "".join(map(chr, range(0x08D3, 0x0900))))
TATWEEL = "\u0640"
DIGIT, SIGNED = "[0-9\u0660-\u0669\u06f0-\u06f9]", "\\-+\u2212\u00b1\u2213"  # a digit; a number's signs (- + − ± ∓)
# A number as PDFium and poppler read it whole on a right-to-left line: digits, the separators between them, a sign
# before and a percent or degree sign after ("-3.2%", "2021-2026", "12:30", "٪٥٠", "٨٠°م": poppler read "°٨٠م" when the
# sign stood apart; a minute's prime, "٣٤′"); a plus between two digits is its own ("90+3", added time, read "+390" when
# taken for two), a product's sign ("1440×3200"), a magnification's after it ("5×", read "×5" in a cell over lines). A
# no-break space after it (before its unit: "١٠٣٣ م", typeset/bidi.py) is a separator to both, read with it.
NUMBER = re.compile(
    f"((?:[-+\u2212\u00b1\u066a%$\u00a3\u00a5\u20ac]?{DIGIT}(?:[-+.,:/\u2013\u066b\u066c\u00d7\u00b0\u2032]?{DIGIT})*[%\u066a\u2030\u00b0\u2032\u2033\u00d7]?[\u00a0\u202f]?))"
)
# The same for PDFium, which takes an en dash for a neutral between two numbers: "۲۰۲۶–۲۷" is two to it, each reversed
# in place (read "۲۷–۲۰۲۶" from one reversed whole); an ayah's end sign leads its number, "۝١" (read "١۝")
_PDFIUM_NUMBER = re.compile(NUMBER.pattern.replace("\u2013", "").replace("%$\u00a3\u00a5\u20ac]?", "%\u06dd]?", 1))

_PRODUCT = re.compile(f"(?<={DIGIT})(\u00d7)(?={DIGIT})")  # a product's sign between two digits ("1440×3200")

ORNATE = frozenset("\ufd3e\ufd3f")  # the Qur'an's ornate parentheses "﴿ ﴾": not mirrored, but as easily moved
BRACKETED = MIRRORED_CHARS | ORNATE


def mirrored_texts(
    text: str, as_drawn: bool, run_end: bool = False, show: Show | None = None, part: bytes = b""
) -> tuple[str, str]:
    """The /ActualText of a bracket or quote PDFium reads mirrored (`text`: it and the spaces beside it, as drawn).
    For poppler, none (its glyphs read as they are), or, where a space is drawn on its right (an opening one after
    a separator: "المدير: «نريد"), its text and a RIGHT-TO-LEFT MARK, which ends poppler's stretch there: it read
    "المدير« :نريد", the colon and the space taken into a stretch of their own, as a number's separators (54 words
    of the fixtures); and its text where the map of the font of `show` says its glyphs (`part`) are others: the map
    has one entry a glyph, the first cluster's, and a bracket set right to left draws its mirror image, which a
    Latin run may have drawn first ("(3 + 2)" was read "(3 + 2("). For PDFium, mirrored, in the order typed ("رقم
    (٣)"), or as drawn (`as_drawn`), and an ornate one with a RIGHT-TO-LEFT MARK after it: "لِتَعَارَفُوا﴾ [الحجرات"
    was read "لِتَعَارَفُوا[ ﴾الحجرات"; one alone with a run's end on its right (`run_end`: the space after a
    separator, lineroles._separates, or after a number's run) between two: PDFium took the bracket and the space for
    one stretch, in the order drawn ("المعلمة: «Python" came back "المعلمة:« Python", "بلغت 80 (مقابل" "بلغت 80(
    مقابل")."""
    ornate = RLM if ORNATE & set(text) else ""
    typed = text if ornate or as_drawn else text[::-1]
    alone = RLM if run_end and text.strip() == text else ""
    mapped = as_mapped(show.font, part) if show is not None else text
    popplers = text + RLM if text.endswith(" ") and text.strip() else text if mapped != text else ""
    return popplers, alone + typed.translate(MIRROR) + (ornate or alone)


_KEPT_TATWEEL = "\ue002"  # stands for a tatweel PDFium leaves where it is


def _held_tatweels(text: str, glued: bool) -> str:
    """`text` with the tatweels that end a word before what PDFium leaves them beside (`held_before`; `glued`: the
    word ends `text`, and what follows it outside does) as _KEPT_TATWEEL: PDFium reverses the others with the word,
    inside `text` before a number, a bracket or a Latin word too (a vocalised line's "بـ(20)", "بـ20", "الـCPU": kept,
    they were read "ـب(20", "ـب20")."""

    def held(run: re.Match[str]) -> str:
        return _KEPT_TATWEEL * len(run[0]) if glued and run.end() == len(text) else run[0]

    return re.sub(f"{TATWEEL}+", held, text)


def held_before(char: str) -> bool:
    """Whether a tatweel that ends a word before `char` stays where it is to PDFium: before a number, a Latin letter or
    an opening quote or bracket ("لـ٩٠٪", "الـCPU", "لـ«البيان»"), not a space or punctuation ("هـ/1492م", "هـ.")."""
    return _pdfium_kind(char) == "D" or char in "«“‹([{\"'"


def _pdfium_kind(char: str) -> str:
    """R for a right-to-left letter, S for a space, D for a digit, N for the rest (marks, punctuation)."""
    bidi = unicodedata.bidirectional(char)
    if bidi in ("R", "AL") or char in PDFIUM_UNKNOWN:  # the unknown ones: reversed with the letters around them
        return "R"
    return "S" if char.isspace() else "D" if bidi in ("EN", "AN", "L") else "N"


def _weak(char: str) -> bool:
    return unicodedata.bidirectional(char) in ("NSM", "BN")


def spanned_objects(
    line: list[Show], laid: dict[Key, Laid], page: int
) -> dict[tuple[int, float, float], tuple[int, int, str]]:
    """The text objects of a line drawn with raised marks (`Ts`) whose glyphs are the layout's, whose text is
    right-to-left letters, marks, digits and neutrals only: by origin, the stream index of their first and last `TJ`
    and their text in logical order. Such an object gets one /ActualText over all its operators, which
    are left whole: cutting its arrays moved PDFium's drawing."""
    objects: dict[tuple[int, float, float], list[Show]] = {}
    for show in line:
        objects.setdefault(show.origin, []).append(show)
    found = {}
    for origin, shows in objects.items():
        layout = laid.get(position_key(page, origin[1], origin[2]))
        if layout is None or not layout.vocalised or not any(show.rise for show in shows):
            continue
        glyphs = [int(e[1:-1], 16) for show in shows for e, text in show.elements if text is not None]
        if glyphs != [glyph for glyph, _, _ in layout.glyphs]:
            continue
        text = layout.drawn
        if any(unicodedata.bidirectional(char) in ("L", "LRE", "LRO", "LRI", "RLI", "FSI") for char in text):
            continue
        indexes = [show.index for show in shows]
        found[origin] = (min(indexes), max(indexes), text)
    return found


def line_text(
    line: list[Show],
    spanned: Mapping[tuple[int, float, float], tuple[int, int, str]],
    laid: dict[Key, Laid],
    page: int,
    whole: bool = False,
    called: Collection[int] = (),
    ltr: bool = False,
    isolated: Collection[tuple[int, float, float]] = (),
) -> str | None:
    """The text of a line, in reading order, when a vocalised text object (`spanned_objects`) shares it with
    others (a byline: the author's vocalised name, then " · " and a date), else None.

    PDFium takes the objects of a line in visual order, unless one of them sits more than half its width above or
    below the one before it (a raised mark's array, alone in its own `TJ`): then it starts a new group, sorted left
    to right again, and an object drawn after the vocalised one but left of it comes between that object's arrays,
    which are then read twice ("name · date name"). So every object of such a line gets one named /ActualText of the
    whole line (textlayer.py): the first read gives it, the others add nothing. Only for lines without left-to-right
    letters, which their own marks place (textlayer.py). A line read `whole` (a verse's hemistichs, vocalised or not)
    always gets its text (textlayer.py). The line's text leaves out the objects of note calls (stream indexes
    `called`), and the blank they fill (it had the call's digit, read after the line: "مَرَّتَيْنِ» .١"). In a line of
    a left-to-right block (`ltr`: a list item in Latin, "2. Goldziher, I., ...") or of an isolate (origins
    `isolated`: "-7 // 2", which had read "2 // -7") an object without right-to-left letters reads as drawn."""
    if not whole and (not spanned or all(show.origin in spanned for show in line)):
        return None
    objects: dict[tuple[int, float, float], list[Show]] = {}
    for show in sorted(line, key=lambda show: show.index):  # in the order drawn: the order of reading
        if show.index not in called:
            objects.setdefault(show.origin, []).append(show)
    texts = []
    for origin, shows in objects.items():
        if origin in spanned:
            texts.append(spanned[origin][2])
            continue
        layout = laid.get(position_key(page, origin[1], origin[2]))
        glyphs = [(element, text) for show in shows for element, text in show.elements if text is not None]
        kinds = {unicodedata.bidirectional(char) for _, text in glyphs for char in text}  # (an isolate's: not " ×")
        if layout is not None and [int(e[1:-1], 16) for e, _ in glyphs] == [glyph for glyph, _, _ in layout.glyphs]:
            texts.append(layout.drawn)
        elif not kinds & {"R", "AL"} and (
            ltr or (origin in isolated and kinds & {"L", "EN", "AN"}) or (spanned and "L" in kinds)
        ):
            # a Latin run beside vocalised words, in a box of its own set left to right ("لُغَةَ Python سَهْلَةٌ")
            texts.append("".join(text for _, text in glyphs))
        elif all(unicodedata.bidirectional(text[:1]) in _NEUTRAL_OR_DIGIT for _, text in glyphs):
            # " · " or a note's "(1) ": its glyphs right to left, a number's left to right
            drawn = "".join(text for _, text in glyphs)
            texts.append("".join(reversed([m[0] for m in re.finditer(f"{NUMBER.pattern}|.", drawn)])))
        else:
            return None
    if not texts:
        return None
    text = texts[0]
    extents = [(*extent(shows), shows[0].size) for shows in objects.values()]
    calls = [extent([show]) for show in line if show.index in called]  # ("١٢هـ¹، و": no blank after "هـ")
    for (left, right, size), (left2, right2, _), more in zip(extents, extents[1:], texts[1:], strict=False):
        gap = (right2, left) if left - right2 > left2 - right else (right, left2)
        blank = gap[1] - gap[0] > GAP * size and not any(gap[0] - 0.5 <= a and b <= gap[1] + 0.5 for a, b in calls)
        if blank and text and not (text[-1:].isspace() or more[:1].isspace()):
            text += " "  # a blank between two objects (a margin): PDFium would have read a space there
        text += more
    return None if not whole and any(unicodedata.bidirectional(char) == "L" for char in text) else text


_NEUTRAL_OR_DIGIT = frozenset(("WS", "ON", "CS", "ES", "ET", "EN", "AN"))
GAP = 0.15  # em: a blank between two text objects wider than this is a space between words


def placed_arrays(line: list[Show]) -> list[tuple[float, float, Show]]:
    """Each array of a line with where it begins and ends, left to right along its text object, in the order
    drawn (an array starts where the one before it in its object ends)."""
    ends: dict[tuple[int, float, float], float] = {}
    placed = []
    for show in sorted(line, key=lambda show: show.index):
        left = ends.get(show.origin, show.origin[1])
        start, end = extent([show])
        ends[show.origin] = left + end - start
        placed.append((left, left + end - start, show))
    return placed


def extent(shows: list[Show]) -> tuple[float, float]:
    """Where a text object's arrays begin and end on the line, left to right, in points."""
    left = shows[0].origin[1]
    advance = 0.0
    for show in shows:
        for element, _ in show.elements:
            if not element:
                continue
            if element[:1] != b"<":
                thousandths = -float(element)  # an adjustment
            else:  # a glyph (an empty one draws nothing)
                thousandths = show.font.widths.get(int(element[1:-1], 16), 0) if element[1:-1] else 0
            advance += thousandths * show.size / 1000
    return left, left + advance


def base_first(tj: bytes, font: Any) -> bytes:
    """`tj` (a word's first array, where its /ActualText opens) with the mark it draws first, before its base, drawn
    after the base instead, where it was. poppler lays an /ActualText out from the first glyph drawn: the fathatan of a
    bold word's last "اً", drawn first (in visual order) and hanging left of its alef, took "تسارعاً" over the full
    stop drawn after it, and poppler set the word on a line of its own. Adjustments keep every glyph in its place."""
    start, end = tj.find(b"["), tj.rfind(b"]")
    parts = TJ_PARTS.findall(tj[start + 1 : end]) if 0 <= start < end else []
    before = float(parts.pop(0)[0]) if parts and parts[0][0] else 0.0  # what moves the mark left
    if len(parts) < 2 or parts[0][0]:
        return tj
    mark = parts.pop(0)[1]
    between = float(parts.pop(0)[0]) if parts[0][0] else 0.0  # what moves the base back
    if not parts or parts[0][0] or not (_is_mark(font, mark) and _is_base(font, parts[0][1])):
        return tj
    base = parts.pop(0)[1]
    mark_width, base_width = font.widths.get(int(mark, 16), 0), font.widths.get(int(base, 16), 0)
    lead = before - mark_width + between  # (the base's place, the mark's, and the array's end as they were)
    head = [_number(lead)] if lead else []
    head += [b"<" + base + b">", _number(base_width + mark_width - between), b"<" + mark + b">"]
    head += [_number(between - base_width)]
    rest = [number or b"<" + glyph + b">" for number, glyph in parts]
    return tj[:start] + b"[" + b" ".join(head + rest) + b"]" + tj[end + 1 :]


def _number(value: float) -> bytes:
    return (b"%.6f" % value).rstrip(b"0").rstrip(b".")


def _is_mark(font: Any, glyph: bytes) -> bool:
    text = _glyph_text(font, glyph)
    return bool(text) and all(map(is_mark, text))


def _is_base(font: Any, glyph: bytes) -> bool:
    text = _glyph_text(font, glyph)
    return bool(text) and not is_mark(text[0])


def _glyph_text(font: Any, glyph: bytes) -> str:
    """The text `font` maps one glyph of a TJ string to (its four hex digits), "" for anything else."""
    return font.to_unicode.get(int(glyph, 16), "") if len(glyph) == 4 else ""
