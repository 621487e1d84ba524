"""Vocalised words in the text layer: each gets its characters back, in the order each extractor wants.

A word with marks is drawn as its letters' glyphs and, in `TJ` arrays of their own raised with `Ts`,
its marks' glyphs, moved over their letters: the glyphs' own text is wrong (clusters.py), and both
extractors take the moved marks for the edges of words ("ق َلباهُ"). So the glyphs of such a word
(the arrays of its marks included) are wrapped in two /ActualText spans of the word's text, as the
layout has it (clusters.py), with nothing drawn changed:

- an inline one for poppler, which lays the string out left to right over the span and then reverses
  the right-to-left stretch: it gets the word reversed, marks included;
- inside it a named one for PDFium, which reads the innermost: PDFium cuts the line into stretches of one
  class (letters, then "weak" characters, marks among them) and reverses the order of the stretches
  and the letters inside each, but not the marks inside theirs: it gets the stretches of the word in
  reverse order, its letters reversed and its marks as written.

A word here is a run of glyphs whose clusters hold only right-to-left letters, marks and tatweel:
punctuation, digits and Latin keep the marks of textlayer.py.

Not yet for text objects with marks and raised glyphs (`Ts`), which is where every vocalised word is:
cutting their arrays made PDFium draw some glyphs of the line up to a pixel away (poppler drew them the same),
which the test of nothing drawn changed catches on tests/fixtures/vocalised-hadith. Measured with the
marks on them all the same (benchmarks/text_fidelity.py on tests/fixtures/vocalised-*): poppler read
94-100 % of the words, with and without marks, PDFium 87-97 % (77-97 % with marks), where both read
2-11 % without: PDFium takes a mark lowered far below the line (a kasra under a final meem) for a
line of its own and reads the two parts of the line in the wrong order.

`spanned_objects` does without cutting: one pair of /ActualText over every operator of a vocalised line's
text object, left whole (textlayer.VOCALISED_LINES, off). Nothing drawn changed (the test passes with it
on), and poppler read 72.6-97.1 % of the words of the vocalised fixtures (66-97 % with marks), but PDFium
3-9 %: it reorders a long /ActualText one way on some lines (each stretch of letters reversed) and another
on others (the stretches' order reversed), which pdfium_text does not yet model.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from .clusters import Key, Laid, is_mark, position_key
from .pagetext import Show

_JOINERS = frozenset("\u0640\u200c\u200d")  # tatweel, ZERO WIDTH NON-JOINER and JOINER: inside words


@dataclass
class Word:
    """A vocalised word of a line: its glyph elements (show number in the line, element index) and text."""

    glyphs: list[tuple[int, int]]
    text: str


def marked_words(line: list[Show], laid: dict[Key, Laid], page: int, gaps: list[set[int]]) -> list[Word]:
    """The words of a line that need their text given: those with marks, their text from the layout's
    clusters, and those with a kerning blank inside (`gaps`: glyphs followed by one, per `TJ`), their
    text from their glyphs'."""
    objects: dict[tuple[int, float, float], list[int]] = {}
    for number, show in enumerate(line):
        objects.setdefault(show.origin, []).append(number)
    words: list[Word] = []
    for (_, x, y), shows in objects.items():
        layout = laid.get(position_key(page, x, y))
        if layout is not None and any(line[s].rise for s in shows):
            continue  # raised marks: see the module's docstring
        glyphs = [(s, i) for s in shows for i, (_, text) in enumerate(line[s].elements) if text is not None]
        if layout is not None and [int(line[s].elements[i][0][1:-1], 16) for s, i in glyphs] == [
            glyph for glyph, _, _ in layout.glyphs
        ]:
            texts = [(layout.text[start:end], start, end) for _, start, end in layout.glyphs]
        else:  # no marks, or not the text object the layout drew: the glyphs' own text, in visual order
            texts = [(line[s].elements[i][1] or "", -n, -n + 1) for n, (s, i) in enumerate(glyphs)]
        current: list[tuple[tuple[int, int], str, int, int]] = []
        for place, (text, start, end) in [*zip(glyphs, texts, strict=True), ((0, 0), ("", 0, 0))]:
            if _in_word(text):
                current.append((place, text, start, end))
                continue
            if current:
                if layout is not None and texts[0][1] >= 0:
                    word = layout.text[min(c[2] for c in current) : max(c[3] for c in current)]
                else:
                    word = "".join(c[1] for c in reversed(current))
                kerned = any(i in gaps[s] for (s, i), *_ in current[:-1])
                if kerned or any(map(is_mark, word)):
                    words.append(Word([c[0] for c in current], word))
                current = []
    return words


def _in_word(cluster: str) -> bool:
    return bool(cluster) and all(
        char in _JOINERS or is_mark(char) or unicodedata.bidirectional(char) in ("R", "AL") for char in cluster
    )


def poppler_text(word: str) -> str:
    """The /ActualText poppler turns back into `word`: it is laid out left to right, then reversed."""
    return word[::-1]


def pdfium_text(word: str) -> str:
    """The /ActualText PDFium turns back into `word`: it reverses each stretch of letters in it, but
    not the stretches of marks (its "weak" class), nor the order of the stretches."""
    stretches: list[str] = []
    for char in word:
        if stretches and _weak(stretches[-1][0]) == _weak(char):
            stretches[-1] += char
        else:
            stretches.append(char)
    return "".join(stretch if _weak(stretch[0]) else stretch[::-1] for stretch in stretches)


def _weak(char: str) -> bool:
    return unicodedata.bidirectional(char) in ("NSM", "BN")


def spanned_objects(
    line: list[Show], laid: dict[Key, Laid], page: int
) -> dict[tuple[int, float, float], tuple[int, int, str]]:
    """The text objects of a line drawn with raised marks (`Ts`) whose glyphs are the layout's, whose text is
    right-to-left letters, marks and neutrals only: by origin, the stream index of their first and last `TJ`
    and their text in logical order. Such an object gets one /ActualText over all its operators, which
    are left whole: cutting its arrays moved PDFium's drawing."""
    objects: dict[tuple[int, float, float], list[Show]] = {}
    for show in line:
        objects.setdefault(show.origin, []).append(show)
    found = {}
    for origin, shows in objects.items():
        layout = laid.get(position_key(page, origin[1], origin[2]))
        if layout is None or not any(show.rise for show in shows):
            continue
        glyphs = [int(e[1:-1], 16) for show in shows for e, text in show.elements if text is not None]
        if glyphs != [glyph for glyph, _, _ in layout.glyphs]:
            continue
        text = layout.text[min(s for _, s, _ in layout.glyphs) : max(e for _, _, e in layout.glyphs)]
        if any(
            unicodedata.bidirectional(char) in ("L", "EN", "AN", "LRE", "LRO", "LRI", "RLI", "FSI") for char in text
        ):
            continue
        indexes = [show.index for show in shows]
        found[origin] = (min(indexes), max(indexes), text)
    return found
