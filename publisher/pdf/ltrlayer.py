"""The text layer of a left-to-right book: Arabic phrases of several words read in their order.

A left-to-right book's lines are read as PDFium reads them, with one exception: a phrase of several Arabic
(or Hebrew...) words. PDFium cuts a line into stretches of one direction and reverses each right-to-left one
in place, but takes the space between two Arabic words for a stretch of its own, so it read the words in the
order drawn: "Its name in Arabic is فاس البالي" came out "... البالي فاس". Such a phrase's glyphs get an
/ActualText in a named property list, which PDFium reads (poppler ignores named ones and reads it right): the
phrase as drawn, which PDFium reverses whole. poppler gets an inline one, the phrase followed by a LEFT-TO-RIGHT
MARK: it reads a right-to-left stretch on to the next left-to-right letter, and took a phrase's closing bracket
and the space after it for the phrase's ("شوارة) still" read "‫ )الدباغة شوارة‬still"). Nothing drawn changes.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from typing import Any

from .addresspieces import address_roles, ltr_address
from .charclass import LRM
from .clusters import Key, position_key
from .lineroles import ADDRESS_HEAD, ADDRESS_TAIL, LTR_RUN, PLAIN, cut_pieces, spread_address_roles
from .pagetext import read_lines


def mark_phrases(
    document: Any, pdf: Any, streams: Any, calls: Collection[Key] = (), addresses: Collection[str] = ()
) -> int:
    """Give each multi-word right-to-left phrase of the pages (`streams`: each page's content stream, a list of
    operators, with its resources) its named /ActualText, each note call (`calls`, where their text starts)
    one of a space, as in a right-to-left book ("treasures”.1 Visitors" was read), and each web address of
    `addresses` broken over lines or holding Arabic letters its whole text (addresspieces.py); returns how many."""
    import pydyf

    fonts = {font.hash: font for font in document.fonts.values()}
    decoded: dict[str, dict[bytes, tuple[bytes, str]]] = {}
    properties = pydyf.Dictionary()
    pages = [(stream, resources, read_lines(stream.stream, fonts, decoded)) for stream, resources in streams]
    addressed, heads = address_roles([line for *_, lines in pages for line in lines], addresses)
    count, number = 0, 0

    def named(text: str) -> bytes:
        name = f"RL{len(properties)}"
        properties[name] = pydyf.Dictionary({"ActualText": pydyf.String(text)})
        return f"/Span /{name} BDC".encode()

    def inline(text: str) -> list[Any]:
        return ["/Span", pydyf.Dictionary({"ActualText": pydyf.String(text)}), b"BDC"]

    for page, (stream, resources, lines) in enumerate(pages):
        replacements: dict[int, list[Any]] = {}
        for line in lines:
            spelt, number = addressed.get(number, {}), number + 1
            for place, show in enumerate(line):
                if position_key(page, *show.origin[1:]) in calls:
                    replacements[show.index] = [*inline(" "), stream.stream[show.index], b"EMC"]
                    continue
                after = next((text for later in line[place + 1 :] for _, text in later.elements if text), "")
                roles = _roles(show.elements, after[:1].isspace())
                spread_address_roles(roles, spelt, place)
                if all(role == PLAIN for role in roles):
                    continue
                items: list[Any] = []
                for role, part, text in cut_pieces(show.elements, roles):
                    tj = b"[" + part + b"] TJ"
                    if role == LTR_RUN:
                        # the phrase as drawn: PDFium reverses a whole /ActualText of right-to-left letters
                        # and, for poppler, the same with a LEFT-TO-RIGHT MARK after it: a bracket or a quote
                        # and the space after the phrase ("(دار الدباغة شوارة) still") stay after it, not before
                        opening = [*inline(_poppler(text) + LRM), named(LRM + _pdfium(text) + LRM)]
                    elif role == ADDRESS_HEAD:  # an address's whole text
                        popplers, pdfiums = ltr_address(heads[id(show)], text)
                        opening = [*inline(popplers), named(pdfiums)]
                    elif role == ADDRESS_TAIL:  # the rest of it: a space
                        opening = [*inline(" "), named(" ")]
                    else:
                        items.append(tj)
                        continue
                    items += [*opening, tj, b"EMC", b"EMC"]
                    count += 1
                replacements[show.index] = items
        if replacements:
            items = stream.stream
            stream.stream[:] = [new for index, item in enumerate(items) for new in replacements.get(index, [item])]
            resources["Properties"] = properties
    return count


def _roles(elements: list[tuple[bytes, str | None]], spaced: bool = False) -> list[int]:
    """LTR_RUN (here: a right-to-left phrase) for the elements from the first to the last right-to-left letter
    of each stretch of right-to-left letters, marks and spaces that holds a space or is followed by one (poppler
    read the space after a word on into the word: "السعودية and" came out "السعوديةand"; `spaced`: the next array
    of the line begins with a space); PLAIN for the rest."""
    roles = [PLAIN] * len(elements)
    first = last = None
    padded = [*elements, (b"", " " if spaced else "a"), (b"", "a")]
    for index, (_, text) in enumerate(padded):
        kind = None if text is None else _kind(text)
        if kind == "R":
            first, last = index if first is None else first, index
        elif kind == "x":
            if first is not None and last is not None and _spaced(padded, first - 1, index):
                roles[first : last + 1] = [LTR_RUN] * (last + 1 - first)
            first = last = None
    return roles


def _kind(text: str) -> str:
    if not text:
        return "x"
    bidi = unicodedata.bidirectional(text[0])
    if bidi in ("R", "AL", "AN") or (bidi == "NSM" and unicodedata.combining(text[0])):  # "٥٧٥ هـ" too
        return "R"
    return " " if text.isspace() else "x"


def _spaced(elements: list[tuple[bytes, str | None]], after: int, before: int) -> bool:
    return any((text or "").isspace() for _, text in elements[after + 1 : before])


def _pdfium(drawn: str) -> str:
    """A phrase as drawn, as PDFium reads it back as typed: it reverses the whole right-to-left stretch, its
    Arabic-Indic numbers too, so those go in backwards ("١٤٤٨ هـ", drawn "ـه ١٤٤٨", was read "٨٤٤١ هـ")."""
    return _DIGITS.sub(lambda digits: digits[0][::-1], drawn)


def _poppler(drawn: str) -> str:
    """A phrase as drawn, as poppler reads it back as typed: it keeps a number left to right where it stands
    and reverses the letters around it, so the stretches go in reading order, each as drawn ("١٤٤٨ هـ" was read
    "هـ ١٤٤٨")."""
    return "".join(_STRETCHES.findall(drawn)[::-1])


_AN = "\u0660-\u0669"  # Arabic-Indic digits: the bidi algorithm's Arabic numbers
_DIGITS = re.compile(f"[{_AN}]+")
_STRETCHES = re.compile(f"[{_AN}]+|[^{_AN}]+")
