"""The text layer of a left-to-right book: Arabic phrases of several words read in their order.

A left-to-right book's lines are read as PDFium reads them, with one exception: a phrase of several Arabic
(or Hebrew...) words. PDFium cuts a line into stretches of one direction and reverses each right-to-left one
in place, but takes the space between two Arabic words for a stretch of its own, so it read the words in the
order drawn: "Its name in Arabic is فاس البالي" came out "... البالي فاس". Such a phrase's glyphs get an
/ActualText in a named property list, which PDFium reads (poppler ignores named ones and reads it right): the
phrase as drawn, which PDFium reverses whole. poppler gets an inline one, the phrase followed by a LEFT-TO-RIGHT
MARK: it reads a right-to-left stretch on to the next left-to-right letter, and took a phrase's closing bracket
and the space after it for the phrase's ("شوارة) still" read "‫ )الدباغة شوارة‬still"). Nothing drawn changes.

A line quoting vocalised Arabic is read whole instead: its words' raised marks are drawn in arrays of their own,
which both extractors took for words apart ("ن الرحيم ه الرحم"); its text comes from the layout, as typed, written
for each extractor as it turns it back (wholeline.py).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Collection
from typing import Any

from .addresspieces import address_roles
from .addresstext import ltr_address
from .cells import mark_cells, split_apart, wrapped_cells
from .charclass import LRM, letter_kind
from .clusters import Key, Laid, is_mark, position_key, read_clusters
from .lineroles import WIDE
from .marks import line_text
from .orient import Written
from .pagetext import Show, read_lines, wide_spaces
from .pieces import (
    ADDRESS_HEAD,
    ADDRESS_TAIL,
    LTR_RUN,
    PLAIN,
    STRETCHED_SPACE,
    cut_pieces,
    marked_depths,
    spread_address_roles,
    stretch_spaces,
    stretched,
)
from .wholeline import ltr_pdfium_text, ltr_poppler_text, whole_line_marks


def mark_phrases(
    document: Any,
    pdf: Any,
    streams: Any,
    calls: Collection[Key] = (),
    addresses: Collection[str] = (),
    written: list[Written] | None = None,
    turned: Collection[Key] = (),
    markers: Collection[Key] = (),
) -> int:
    """Give each multi-word right-to-left phrase of the pages (`streams`: each page's content stream, a list of
    operators, with its resources) its named /ActualText, each note call (`calls`, where their text starts)
    one of a space, as in a right-to-left book ("treasures”.1 Visitors" was read), each web address of
    `addresses` broken over lines or holding Arabic letters its whole text (addresspieces.py), and each line
    quoting vocalised Arabic, or of a right-to-left paragraph (where its text starts: `turned`), its whole text
    (wholeline.py; `written` is told them, for orient.py); returns how many."""
    import pydyf

    fonts = {font.hash: font for font in document.fonts.values()}
    decoded: dict[str, dict[bytes, tuple[bytes, str]]] = {}
    properties = pydyf.Dictionary()
    cells = wrapped_cells(document)  # table cells that run over lines, and the lines drawn among them (cells.py)
    pages = [
        (stream, resources, split_apart(read_lines(stream.stream, fonts, decoded), cells, page))
        for page, (stream, resources) in enumerate(streams)
    ]
    addressed, heads, _ = address_roles([line for *_, lines in pages for line in lines], addresses)
    count, number = 0, 0
    laid: dict[Key, Laid] | None = None  # the layout's clusters, read once a line shows a mark

    def named(text: str) -> bytes:
        name = f"RL{len(properties)}"
        properties[name] = pydyf.Dictionary({"ActualText": pydyf.String(text)})
        return f"/Span /{name} BDC".encode()

    def inline(text: str) -> list[Any]:
        return ["/Span", pydyf.Dictionary({"ActualText": pydyf.String(text)}), b"BDC"]

    for page, (stream, resources, lines) in enumerate(pages):
        replacements: dict[int, list[Any]] = {}
        depths: list[int] = []
        for line in lines:
            spelt, number = addressed.get(number, {}), number + 1
            # (a right-to-left paragraph's line: its runs were read in the order drawn, "1.5% خسر S&P 500")
            anyway = _word_across(line) or any(position_key(page, *show.origin[1:]) in turned for show in line)
            vocalised = any(is_mark(char) for show in line for _, text in show.elements for char in text or "")
            if not spelt and (anyway or vocalised):
                laid = read_clusters(document) if laid is None else laid
                rest, typed = _read_whole(line, page, laid, calls, anyway, markers)
                depths = (depths or marked_depths(stream.stream)) if typed else depths
                name = f"RL{len(properties)}"
                shared, outer = f"/Span /{name} BDC".encode(), inline(ltr_poppler_text(typed))
                marked = whole_line_marks(stream.stream, rest, {}, shared, outer, depths) if typed else None
                if marked is not None:
                    properties[name] = pydyf.Dictionary({"ActualText": pydyf.String(ltr_pdfium_text(typed))})
                    if written is not None:
                        written.append(Written(page, name, typed))
                    replacements.update(marked)
                    count += 1
                    line = [show for show in line if position_key(page, *show.origin[1:]) in calls]  # marked below
            heavy = _right_to_left_heavy(line)
            for place, show in enumerate(line):
                if position_key(page, *show.origin[1:]) in calls:
                    # (after a right-to-left word, a LEFT-TO-RIGHT MARK too: poppler had joined the word to the Latin
                    # one after the call, "ﷺ[^2] dire" read "ﷺdire", "نية¹ vient" "نيةvient")
                    before = next((t for shown in reversed(line[:place]) for _, t in reversed(shown.elements) if t), "")
                    call = " " + LRM if letter_kind(before[-1:]) == "R" else " "
                    replacements[show.index] = [*inline(call), stream.stream[show.index], b"EMC"]
                    continue
                after = next((text for later in line[place + 1 :] for _, text in later.elements if text), "")
                # (the line's end parts a phrase as a space does: "from الجبر" ending a line was read "جبر" "ال"; and
                # punctuation in another font: the Hebrew "“שלום” and" lost its space to poppler, "שלוםand")
                roles = _roles(show.elements, not after or _kind(after[:1]) == " ")
                spread_address_roles(roles, spelt, place)
                # (spaces in blanks wider than WIDE em, as in a right-to-left book: a justified line of a narrow list
                # item, "créer un centre de formation aux métiers de la", whose words poppler took each for a block)
                stretches = iter(stretch_spaces(show.elements, roles, wide_spaces(show, WIDE), PLAIN).values())
                if all(role == PLAIN for role in roles):
                    continue
                if LTR_RUN in roles:
                    laid = read_clusters(document) if laid is None else laid
                key = position_key(page, *show.origin[1:])
                phrases = iter(_typed_phrases(show, roles, laid.get(key) if laid is not None else None))
                items: list[Any] = []
                for role, part, text in cut_pieces(show.elements, roles):
                    tj = b"[" + part + b"] TJ"
                    if role == LTR_RUN:
                        # the phrase as typed (from the layout: Amiri's "لك" draws a tatweel glyph the map gives
                        # another cluster's letter, "الكتبية" read "اللكتبية"), reversed: PDFium reverses a whole
                        # /ActualText of right-to-left letters; and, for poppler, as it turns it back with a
                        # LEFT-TO-RIGHT MARK after it: a bracket or a quote and the space after the phrase ("(دار
                        # الدباغة شوارة) still") stay after it, not before (on a line with more Arabic words than
                        # Latin ones, a LEFT-TO-RIGHT MARK after each word for PDFium)
                        typed = next(phrases) or _pdfium(text)[::-1]
                        pdfium = typed[::-1].replace(" ", LRM + " ") if heavy else typed[::-1]
                        opening = [*inline(ltr_poppler_text(typed) + LRM), named(LRM + pdfium + LRM)]
                    elif role == ADDRESS_HEAD:  # an address's whole text
                        popplers, pdfiums = ltr_address(heads[id(show)], text)
                        opening = [*inline(popplers), named(pdfiums)]
                    elif role == ADDRESS_TAIL:  # the rest of it: a space; to poppler a mark, which keeps the
                        # line its width (nothing there, `"ﻻ"` in code, its line was read in two columns)
                        opening = [*inline(LRM), named(" ")]
                    elif role == STRETCHED_SPACE:  # with a LEFT-TO-RIGHT MARK, which fills its blank for poppler
                        items += [*inline(" " + LRM), *stretched(tj, next(stretches)), b"EMC"]
                        continue
                    else:
                        items.append(tj)
                        continue
                    items += [*opening, tj, b"EMC", b"EMC"]
                    count += 1
                replacements[show.index] = items
        if cells:
            laid = read_clusters(document) if laid is None else laid
            # (its note calls left out of a cell's text: a call in an English table's cell was read "decrees 1")
            count += mark_cells(
                lines, stream.stream, replacements, cells, page, laid, inline, named, False, calls=calls
            )
        if replacements:
            items = stream.stream
            stream.stream[:] = [new for index, item in enumerate(items) for new in replacements.get(index, [item])]
            resources["Properties"] = properties
    return count


def _typed_phrases(show: Show, roles: list[int], layout: Laid | None) -> list[str | None]:
    """The text as typed of each phrase (a stretch of LTR_RUN roles) of a `TJ`, from the clusters of the layout that
    drew it; None for each where its glyphs are not the layout's."""
    runs = [list(run) for phrase, run in itertools.groupby(range(len(roles)), lambda i: roles[i] == LTR_RUN) if phrase]
    glyphs = [index for index, (_, text) in enumerate(show.elements) if text is not None]
    if layout is None or [int(show.elements[i][0][1:-1], 16) for i in glyphs] != [g for g, _, _ in layout.glyphs]:
        return [None] * len(runs)
    ordinal = {index: n for n, index in enumerate(glyphs)}
    typed: list[str | None] = []
    for run in runs:
        drawn = [layout.glyphs[ordinal[index]] for index in run if index in ordinal]
        text = layout.typed(min(g[1] for g in drawn), max(g[2] for g in drawn)) if drawn else ""
        typed.append(_CONTROLS.sub("", text) or None)
    return typed


_CONTROLS = re.compile("[\u2066-\u2069\u200e\u200f]")  # isolates and marks the typesetting put in


def _right_to_left_heavy(line: list[Show]) -> bool:
    """Whether PDFium would read a line right to left: it counts its stretches of one direction, and takes the line
    for right-to-left when those of right-to-left letters are as many as the left-to-right ones ("On dit en darija :
    « اللي ما عندو سبع خضاري ما عندو كسكسو » — qui" was read from "qui" back). A phrase's /ActualText adds two
    left-to-right ones (its LEFT-TO-RIGHT MARKs)."""
    kinds = [letter_kind(text) for show in line for _, text in show.elements if text]
    stretches = [kind for kind, _ in itertools.groupby(kind for kind in kinds if kind != "N")]
    words = [kind for kind, _ in itertools.groupby(kinds)]
    phrases = stretches.count("R")
    return words.count("R") >= words.count("L") + 2 * phrases


def _word_across(line: list[Show]) -> bool:
    """Whether an Arabic word of the line is drawn in two arrays: Amiri raises the meem of "مخازن" over its khah,
    in an array of its own, and each array's phrase was read apart ("خازنم")."""
    ends = [[text for _, text in show.elements if text] for show in line]
    return any(
        left and right and letter_kind(left[-1][-1:]) == "R" and letter_kind(right[0][:1]) == "R"
        for left, right in itertools.pairwise(ends)
    )


def _read_whole(
    line: list[Show],
    page: int,
    laid: dict[Key, Laid],
    apart: Collection[Key],
    anyway: bool = False,
    markers: Collection[Key] = (),
) -> tuple[list[Show], str]:
    """A line quoting vocalised Arabic, or any line (`anyway`: a word drawn in two arrays, a right-to-left
    paragraph's), read whole (wholeline.py): its arrays but its note calls (`apart`: a call has its own
    /ActualText; a list's marker is drawn beside its item, and read with it), and their text as typed; "" for any
    other line. A marker (`markers`: a note's "(1) ", a list's) is set left to right as the book is, and read first,
    a space from the text: a note in Arabic had read ")1(ابن" by both."""
    keys = [position_key(page, *show.origin[1:]) for show in line]
    if not anyway and not any(key in laid and laid[key].vocalised for key in keys):
        return [], ""
    rest = [show for show, key in zip(line, keys, strict=True) if key not in apart]
    marked = [show for show, key in zip(line, keys, strict=True) if key in markers and key not in apart]
    text = line_text([show for show in rest if show not in marked], {}, laid, page, whole=True, ltr=True) or ""
    marker = "".join(t or "" for show in marked for _, t in show.elements).strip()
    return rest, f"{marker} {text.lstrip()}" if marker and text.strip() else text


def _roles(elements: list[tuple[bytes, str | None]], spaced: bool = False) -> list[int]:
    """LTR_RUN (here: a right-to-left phrase) for the elements from the first to the last right-to-left letter
    of each stretch of right-to-left letters, marks, spaces and punctuation that holds a space or punctuation
    ("ك-ت-ب", a root, read "ب-ت-ك") or is followed by one before the next left-to-right letter or digit (poppler
    read the space after a word on into the word: "السعودية and" came out "السعوديةand", and "(ٱ) appear"
    "ٱappear"; `spaced`: the next array of the line begins with a space or punctuation); PLAIN for the rest."""
    roles = [PLAIN] * len(elements)
    first = last = None
    padded = [*elements, (b"", " " if spaced else "a"), (b"", "a")]
    for index, (_, text) in enumerate(padded):
        # a glyph that stands for no character of its own (Amiri's medial jeem of "الجبر", its letter given to a
        # tatweel glyph drawn before it) goes on with the phrase it is in: as a left-to-right letter it cut the
        # word in two ("جبر" and "ال", each read in its own place)
        kind = _kind(text) if text else None
        if kind == "R":
            first, last = index if first is None else first, index
        elif kind == "x":
            if first is not None and last is not None and _parted(padded, first, index):
                roles[first : last + 1] = [LTR_RUN] * (last + 1 - first)
            first = last = None
    return roles


def _kind(text: str) -> str:
    """R: a right-to-left letter, a mark or an Arabic-Indic digit; x: a left-to-right letter or a digit, which
    ends a phrase; " ": anything else (spaces, punctuation), which a phrase may hold."""
    bidi = unicodedata.bidirectional(text[0])
    if bidi in ("R", "AL", "AN") or (bidi == "NSM" and unicodedata.combining(text[0])):  # "٥٧٥ هـ" too
        return "R"
    return "x" if bidi in ("L", "EN") else " "


def _parted(elements: list[tuple[bytes, str | None]], first: int, before: int) -> bool:
    """Whether a stretch holds a right-to-left letter (a number alone, "﴿٢٥٥﴾", PDFium reads as drawn) and a space
    or punctuation after its first character."""
    texts = [text or "" for _, text in elements[first:before]]
    letters = any(letter_kind(char) == "R" for text in texts for char in text)
    return letters and any(text and _kind(text) == " " for text in texts[1:])


def _pdfium(drawn: str) -> str:
    """A phrase as drawn (where the layout's clusters do not give it as typed), as PDFium reads it back as typed: it
    reverses the whole right-to-left stretch, its Arabic-Indic numbers too, so those go in backwards ("١٤٤٨ هـ",
    drawn "ـه ١٤٤٨", was read "٨٤٤١ هـ")."""
    return _DIGITS.sub(lambda digits: digits[0][::-1], drawn)


_AN = "\u0660-\u0669"  # Arabic-Indic digits: the bidi algorithm's Arabic numbers
_DIGITS = re.compile(f"[{_AN}]+")
