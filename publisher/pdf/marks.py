"""Vocalised words in the text layer: each gets its characters back, in the order each extractor wants.

A word with marks is drawn as its letters' glyphs and, in `TJ` arrays of their own raised with `Ts`,
its marks' glyphs, moved over their letters: the glyphs' own text is wrong (clusters.py), and both
extractors take the moved marks for the edges of words ("ق َلباهُ"). So the glyphs of such a word
(the arrays of its marks included) are wrapped in two /ActualText spans of the word's text, as the
layout has it (clusters.py), with nothing drawn changed:

- an inline one for poppler, which lays the string out left to right over the span and then reverses
  each stretch without a left-to-right letter or digit: it gets the text reversed, numbers kept whole;
- inside it a named one for PDFium, which reads the innermost: on these lines PDFium reverses each stretch
  of right-to-left letters in place, and each stretch of neutrals holding punctuation, keeping the order of
  the stretches and the marks (pdfium_text).

A word here is a run of glyphs whose clusters hold only right-to-left letters, marks and tatweel:
punctuation, digits and Latin keep the marks of textlayer.py.

Text objects with raised glyphs (`Ts`), which is where every vocalised word is, are not cut: cutting their
arrays made PDFium draw glyphs up to a pixel away and take a mark lowered far below the line (a kasra under
a final meem) for a line of its own. `spanned_objects` gives such an object one pair of /ActualText over all
its operators, left whole, holding its whole text (several words, digits and punctuation among them).
Measured (benchmarks/text_fidelity.py on tests/fixtures/vocalised-*, 2026-12-03): PDFium 94-100 % of the
words, poppler 97-100 %, and with the marks 92-100 % and 97-100 %; before, 12-22 % and 4-9 %. Left: a
heading PDFium reads in visual order (hadith's basmala), and a word whose last mark comes before "»."
(PDFium puts the mark after the punctuation).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from .clusters import Key, Laid, is_mark, position_key
from .pagetext import Show

EMPTY: Mapping[str, str] = {}
_JOINERS = frozenset("\u0640\u200c\u200d")  # tatweel, ZERO WIDTH NON-JOINER and JOINER: inside words


@dataclass
class Word:
    """A vocalised word of a line: its glyph elements (show number in the line, element index) and text."""

    glyphs: list[tuple[int, int]]
    text: str


def marked_words(
    line: list[Show], laid: dict[Key, Laid], page: int, gaps: list[set[int]], elongated: Mapping[str, str] = EMPTY
) -> list[Word]:
    """The words of a line that need their text given: those with marks, their text from the layout's
    clusters, those with a kerning blank inside (`gaps`: glyphs followed by one, per `TJ`), their
    text from their glyphs', and those kashida justification elongated (`elongated`: as drawn → as typed),
    their text as typed."""
    objects: dict[tuple[int, float, float], list[int]] = {}
    for number, show in enumerate(line):
        objects.setdefault(show.origin, []).append(number)
    words: list[Word] = []
    for (_, x, y), shows in objects.items():
        layout = laid.get(position_key(page, x, y))
        if layout is not None and layout.vocalised and any(line[s].rise for s in shows):
            continue  # raised marks: see the module's docstring
        glyphs = [(s, i) for s in shows for i, (_, text) in enumerate(line[s].elements) if text is not None]
        if layout is not None and [int(line[s].elements[i][0][1:-1], 16) for s, i in glyphs] != [
            glyph for glyph, _, _ in layout.glyphs
        ]:
            layout = None  # not the text object the layout drew
        if layout is not None:
            texts = [(layout.text[start:end], start, end) for _, start, end in layout.glyphs]
        else:  # no Arabic, or not the text object the layout drew: the glyphs' own text, in visual order
            texts = [(line[s].elements[i][1] or "", -n, -n + 1) for n, (s, i) in enumerate(glyphs)]
        current: list[tuple[tuple[int, int], str, int, int]] = []
        for place, (text, start, end) in [*zip(glyphs, texts, strict=True), ((0, 0), ("", 0, 0))]:
            if _in_word(text):
                current.append((place, text, start, end))
                continue
            if current:
                if layout is not None:
                    word = layout.text[min(c[2] for c in current) : max(c[3] for c in current)]
                else:
                    word = "".join(c[1] for c in reversed(current))
                kerned = any(i in gaps[s] for (s, i), *_ in current[:-1])
                drawn = "".join(line[s].elements[i][1] or "" for (s, i), *_ in reversed(current))
                if word in elongated:
                    words.append(Word([c[0] for c in current], elongated[word]))
                elif kerned or any(map(is_mark, word)) or word != drawn:
                    words.append(Word([c[0] for c in current], word))
                current = []
    return words


def _in_word(cluster: str) -> bool:
    return bool(cluster) and all(
        char in _JOINERS or is_mark(char) or unicodedata.bidirectional(char) in ("R", "AL") for char in cluster
    )


# A number as poppler keeps it whole, left to right: digits with the separators between them.
_NUMBER = re.compile(r"[0-9\u0660-\u0669\u06f0-\u06f9]+(?:[.,\u066b\u066c][0-9\u0660-\u0669\u06f0-\u06f9]+)*")


def poppler_text(text: str) -> str:
    """The /ActualText poppler turns back into `text`: it is laid out left to right, then each stretch without
    a left-to-right letter or digit reversed. So the text reversed, its numbers kept left to right, and the
    space before each number (left of it) followed by a RIGHT-TO-LEFT MARK, which ends poppler's left-to-right
    stretch at the number (else "3 أشياء" comes out "3أشياء"; textlayer.RUN_END)."""
    reversed_text = _NUMBER.sub(lambda number: number[0][::-1], text[::-1])
    return re.sub(f" (?={_NUMBER.pattern})", " \u200f", reversed_text)


def pdfium_text(text: str) -> str:
    """The /ActualText PDFium turns back into `text`, measured on PDFium 8149 (pypdfium2 5.15): it reverses
    each stretch of right-to-left letters in place, and each stretch of neutrals that holds punctuation
    ("َ:" after "قال"); stretches of marks alone, spaces and digits stay as they are, and so does the
    order of the stretches."""
    stretches: list[tuple[str, str]] = []
    for char in text:
        kind = _pdfium_kind(char)
        if stretches and stretches[-1][0] == kind:
            stretches[-1] = (kind, stretches[-1][1] + char)
        else:
            stretches.append((kind, char))
    return "".join(
        stretch[::-1] if kind == "R" or (kind == "N" and not all(map(_weak, stretch))) else stretch
        for kind, stretch in stretches
    )


def _pdfium_kind(char: str) -> str:
    """R for a right-to-left letter, S for a space, D for a digit, N for the rest (marks, punctuation)."""
    bidi = unicodedata.bidirectional(char)
    if bidi in ("R", "AL"):
        return "R"
    return "S" if char == " " else "D" if bidi in ("EN", "AN", "L") else "N"


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
        text = layout.text[min(s for _, s, _ in layout.glyphs) : max(e for _, _, e in layout.glyphs)]
        if any(unicodedata.bidirectional(char) in ("L", "LRE", "LRO", "LRI", "RLI", "FSI") for char in text):
            continue
        indexes = [show.index for show in shows]
        found[origin] = (min(indexes), max(indexes), text)
    return found
