"""Where a word whose text the text layer gives (marks.marked_words) begins and ends among its line's glyphs: the
punctuation glued to it across a kerning blank, the space it is drawn back over, and the spaces and punctuation
between it and its text object's edge, taken into its /ActualText."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from .pagetext import Show


@dataclass
class Word:
    """A vocalised word of a line: its glyph elements (show number in the line, element index) and text."""

    glyphs: list[tuple[int, int]]
    text: str
    glued: bool = False  # drawn touching what follows it (a number: "لـ٩٠٪"), no space between (marks.pdfium_text)
    prefix: str = ""  # a prefix drawn against it in another object, "الـ" of "الـ*جِرِش*" (lineroles._glued_prefix),
    prefix_array: int = -1  # and that object's array, by place in the line


Placed = tuple[tuple[int, int], str, int, int]  # a glyph, its text and where that is in the layout's text


def glued_across_kern(
    word: list[Placed], glyphs: list[tuple[int, int]], texts: list[tuple[str, int, int]], gaps: list[set[int]]
) -> tuple[list[Placed], list[Placed]]:
    """The punctuation or bracket glued to a word on its left and on its right across a kerning blank, which
    poppler reads as a space ("بِالْقِسْطِ﴾" read "بِالْقِسْطِ ﴾": Amiri kerns the ornate parenthesis 0.1 em away)."""
    first, last = glyphs.index(word[0][0]), glyphs.index(word[-1][0])
    left = first > 0 and glyphs[first - 1][1] in gaps[glyphs[first - 1][0]] and _sign(texts[first - 1][0])
    right = last + 1 < len(glyphs) and word[-1][0][1] in gaps[word[-1][0][0]] and _sign(texts[last + 1][0])
    before = [(glyphs[first - 1], *texts[first - 1])] if left else []
    after = [(glyphs[last + 1], *texts[last + 1])] if right else []
    return before, after


def _sign(text: str) -> bool:
    """Whether a glyph's text is one punctuation mark or bracket (no letter, digit, space or mark)."""
    return len(text) == 1 and unicodedata.category(text)[0] == "P"


def overlapped_space(word: Word, line: list[Show], glyphs: list[tuple[int, int]]) -> Word:
    """The word with the space just left of it, when its first glyph is drawn back over that space (after a space
    kashida narrowed: a tanwin on the word's last letter, "آيةٌ كثيرًا", or the word's last letter, "الإصدار 7"):
    PDFium dropped the space and read the two words as one. Inside the word's /ActualText, the space is text."""
    first = glyphs.index(word.glyphs[0])
    if not first:
        return word
    s, i = glyphs[first - 1]
    s2, i2 = word.glyphs[0]
    if s != s2 or line[s].elements[i][1] != " ":
        return word
    between = [element for element, text in line[s].elements[i + 1 : i2] if text is None]
    back = sum(float(element) for element in between if element and element[:1] != b"<")  # adjustments only
    return Word([glyphs[first - 1], *word.glyphs], word.text + " ") if back > 0 else word


def to_edges(word: Word, glyphs: list[tuple[int, int]], texts: list[tuple[str, int, int]]) -> Word:
    """The word with the spaces and punctuation between it and its text object's edge, if nothing else is there
    (". وخصص" where a sentence ends at a note call). Cut off, they made an array of their own, whose ink is too
    short to hold the raised call's baseline beside it, and PDFium broke the line there and read its halves
    in the wrong order (a kashida-justified line of the mashriq fixture)."""
    first, last = glyphs.index(word.glyphs[0]), glyphs.index(word.glyphs[-1])
    before, after = texts[:first], texts[last + 1 :]  # left of the word, right of it: after it and before it
    text = word.text
    if before and all(map(_edge, before)):
        word.glyphs[:0] = glyphs[:first]
        text += "".join(t for t, _, _ in sorted(before, key=lambda t: t[1]))
    # (not before a prefix glued to the number drawn left of it, "5G لـ٩٠٪": PDFium read the space after the prefix,
    # "ـل ٩٠٪", once the prefix's /ActualText began with it)
    glued = bool(before) and before[-1][0][:1].isdigit()
    if after and all(map(_edge, after)) and not glued:
        word.glyphs += glyphs[last + 1 :]
        text = "".join(t for t, _, _ in sorted(after, key=lambda t: t[1])) + text
    return Word(word.glyphs, text)


def _edge(text: tuple[str, int, int]) -> bool:
    """Whether a glyph's text is a space or punctuation that a word may take in (not a bracket, a mark, a sign)."""
    return bool(text[0]) and all(char.isspace() or char in ".,:;!?\u060c\u061b\u061f\u06d4" for char in text[0])
