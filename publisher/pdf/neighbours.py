"""Which arrays of a line the text layer (textlayer.py) marks for what is drawn beside them: punctuation glued to a
left-to-right run, an isolate drawn against another, Arabic punctuation drawn against a marked word."""

from __future__ import annotations

import unicodedata
from typing import Any

from .charclass import LRM, MIRRORED_CHARS, fraction
from .numberpunct import SENTENCE
from .pagetext import as_mapped
from .pieces import PLAIN
from .tjroles import drawn_text

Split = list[tuple[list[tuple[int, bytes, str]], list[float]]]  # each array's pieces (role, elements, text), scalings

GLUED = SENTENCE | frozenset("()[]\u060c\u061b\u061f")  # punctuation and brackets: sentence marks, Arabic ones too


def abutting(split: Split, place: int, isolated: list[int]) -> bool:
    """Whether an isolated array of a number (digits and signs, no letter) has another on its right, drawn next to it
    with no space between: poppler read the two as one left-to-right stretch ("8% 10%")."""
    plain = [all(role == PLAIN for role, _, _ in split[p][0]) for p in (place, place + 1) if p < len(split)]
    texts = ["".join(text for _, _, text in split[p][0]) for p in (place, place + 1) if p < len(split)]
    spaced = any(text[-1:].isspace() for text in texts[:1]) or any(text[:1].isspace() for text in texts[1:])
    numbers = all(any(c.isdigit() for c in text) and not any(c.isalpha() for c in text) for text in texts)
    return {place, place + 1} <= set(isolated) and len(plain) == 2 and all(plain) and numbers and not spaced


def glued(split: Split, place: int, piece: int) -> bool:
    """Whether a piece is left-to-right letters or digits (and no right-to-left letter), with punctuation or a
    bracket drawn just left of it: the punctuation that follows it in reading order, with no space between."""
    kinds = [unicodedata.bidirectional(char) for char in split[place][0][piece][2]]
    if not kinds or kinds[0] not in ("L", "EN") or {"R", "AL", "AN"} & set(kinds):
        return False
    left = left_of(split, place, piece)
    return bool(left) and left[-1] in GLUED  # as drawn: its last glyph is its left one


def left_of(split: Split, place: int, piece: int) -> str:
    """The text of the piece drawn just left of a piece of a line (TJ number, piece number), "" at the line's end."""
    pieces = [texts for texts, _ in split]
    return pieces[place][piece - 1][2] if piece else pieces[place - 1][-1][2] if place and pieces[place - 1] else ""


def own_texts(line: list[Any], split: Split, role: int) -> dict[int, str] | None:
    """For poppler, each object's own text (by place in the line) of a left-to-right run over several (`role`), each
    wholly the run's, where it reads their glyphs otherwise: a run whose last object ends in a sign ("Ctrl+`", two
    keys, read "`Ctrl+"), which gets a LEFT-TO-RIGHT MARK after it; or one with a bracket the font's map has
    mirrored ("v(t) = v₀ + a·t", its subscript in an object of its own, read "v)t(": an Arabic bracket had drawn the
    glyph first; a relation too, "x ≤ 3" in the math font's object, read "x ≥ 3"). None for any other run (PDFium
    reads the run's one /ActualText; each object is as deep, as it wants)."""
    places = [place for place, (pieces, _) in enumerate(split) if any(r == role for r, _, _ in pieces)]
    if not places or any(r != role for place in places for r, _, _ in split[place][0]):
        return None  # an object with other text too: its own text would not be the run's
    owns = {place: drawn_text(line[place].elements) for place in places}
    last = owns[places[-1]].rstrip()
    if last and (not last[-1].isalnum() or fraction(last[-1])):  # "= ½" too
        return owns | {places[-1]: owns[places[-1]] + LRM}
    drawn = {place: b"".join(element for element, _ in line[place].elements) for place in places}
    return owns if any(mismapped(line[place], drawn[place], owns[place]) for place in places) else None


def mismapped(show: Any, part: bytes, text: str) -> bool:
    """Whether the font's map gives a relation or bracket of a left-to-right run's glyphs (`part` of `show`, drawing
    `text`) as its mirror image, which poppler then reads: an Arabic sentence drew the glyph first, mirrored ("رموز
    المقارنة <، ≤" before "a < b", read "a > b")."""
    mapped = as_mapped(show.font, part)
    return len(mapped) == len(text) and any(a != b and a in MIRRORED_CHARS for a, b in zip(mapped, text, strict=True))


def object_end(line: list[Any], split: Split, at: tuple[int, int]) -> str:
    """What PDFium's /ActualText of a marked word gets after it: a ZERO WIDTH NON-JOINER, a neutral that ends its
    stretch, where the word ends its text object (nothing drawn left of it there, its first piece drawn `at`) and the
    object drawn next on its left begins with Arabic punctuation, "؟" "؛" "۔" (after a word in bold or a link:
    "**تشاورية**؟", "[کلک کریں](…)۔"): PDFium had read the word as written, backwards, "ةيرواشت؟". (Not before a
    space or a sign: "يُكتب ∞ دائماً", the sign in another font, was read "يُكتب ∞دائماً" with it.)"""
    place, piece = at
    origin = line[place].origin
    drawn = [
        text
        for number, (show, (pieces, _)) in enumerate(zip(line, split, strict=True))
        if show.origin == origin and number <= place
        for index, (_, _, text) in enumerate(pieces)
        if number < place or index < piece
    ]
    first = min(number for number, show in enumerate(line) if show.origin == origin)
    if any(drawn) or not first:
        return ""
    beside = [text for _, text in line[first - 1].elements if text]  # the rightmost glyph there: its first character
    arabic = bool(beside) and unicodedata.bidirectional(beside[-1][:1]) == "AL"
    return "\u200c" if arabic and unicodedata.category(beside[-1][:1]).startswith("P") else ""
