"""The direction of a paragraph or list item written in the other direction's script.

A book's paragraphs take its direction. A paragraph or list item written in the other direction's script (an
English reference in an Arabic bibliography: "Goldziher, I., Muhammedanische Studien, Halle, 1889") set
right to left had its punctuation and numbers thrown to the wrong ends ("Muhammedanische Studien, Halle,
,.Goldziher, I .2"). It gets `dir` of its own script's direction, as HTML's `dir="auto"` would give it
(which WeasyPrint does not honour), and a language in that script ("und-Arab": which language, the text does not
say; the book's was wrong for its quotation marks and a screen reader), unless the author gave one: when its first
letter is of that script, as `dir="auto"` has it, and so are nearly all its letters (an Arabic paragraph of an
English book naming "Apple" is Arabic; "الجبر gave English its algebra" is English; "iPhone 16 Pro (سعره 4,999
ر.س):" in an Arabic list is Arabic). Headings and table cells keep the book's
direction and alignment: their runs are isolated like any other (typeset/bidi.py).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from markdown_it.token import Token

BLOCKS = ("paragraph_open", "list_item_open")
_LISTS = ("bullet_list_open", "ordered_list_open")


def mark_block_directions(tokens: list[Token], direction: str) -> None:
    """Give `dir` to each paragraph and list item written in the other direction's script: its first letter and
    nearly all its letters (MOSTLY), outside what it quotes or holds as code (unless that is all it has), are of it.
    A list nested in such an item keeps the book's direction unless its own items are judged otherwise."""
    other = "ltr" if direction == "rtl" else "rtl"
    for index, token in enumerate(tokens):
        if token.type not in BLOCKS or token.attrGet("dir"):
            continue
        texts = list(_own_texts(tokens, index))
        own = _QUOTED.sub(" ", "".join(text for kind, text in texts if kind == "text"))
        judged = own if _kinds(own) else "".join(text for _, text in texts)
        kinds = _kinds(judged)
        if kinds and kinds[0] == other and kinds.count(other) >= MOSTLY * len(kinds) and _worded(judged, other):
            token.attrSet("dir", other)
            first = next(char for char in judged if strong_direction(char))
            script = _SCRIPTS.get(unicodedata.name(first, "").split(" ")[0])
            if script and not token.attrGet("lang"):  # its language is not the book's: quotes, screen readers
                token.attrSet("lang", f"und-{script}")
            if token.type == "list_item_open":
                _nested_lists(tokens, index, direction)


def _nested_lists(tokens: list[Token], index: int, direction: str) -> None:
    """Give the lists nested in the item opened at `index` the book's `direction` (they took the item's)."""
    for token in tokens[index + 1 :]:
        if token.type == "list_item_close" and token.level == tokens[index].level:
            return
        if token.type in _LISTS and not token.attrGet("dir"):
            token.attrSet("dir", direction)


# Nearly all: "iPhone 16 Pro (سعره 4,999 ر.س):" in an Arabic list is Arabic (its Latin letters 65 % of them), as is
# "Pixel 9 (متاح في الإمارات فقط)."; an Arabic paragraph of an English book naming "Apple" and "S&P 500" (90 %) is not
MOSTLY = 0.8


# the script of a letter (ISO 15924), from the first word of its Unicode name
_SCRIPTS = {
    "ARABIC": "Arab", "HEBREW": "Hebr", "SYRIAC": "Syrc", "THAANA": "Thaa", "NKO": "Nkoo",
    "LATIN": "Latn", "GREEK": "Grek", "CYRILLIC": "Cyrl", "ARMENIAN": "Armn", "GEORGIAN": "Geor", "TIFINAGH": "Tfng",
}  # fmt: skip


def _worded(text: str, direction: str) -> bool:
    """Whether `text` holds a word of that direction's letters, four or more: not a formula alone, "x̄ = Σxᵢ/n" (set
    left to right at the left edge of an Arabic book's page, poppler took it for a column and read it last); its run
    is isolated, at the book's start edge."""
    return any(len(word) >= 4 for word in re.findall(r"[^\W\d_]+", text) if strong_direction(word[0]) == direction)


def _kinds(text: str) -> list[str]:
    return [kind for char in text if (kind := strong_direction(char))]


# What a paragraph quotes or holds as code is not what it is written in: "«Rust gives you the performance of C++…»
# — كما قال أحد المطورين" is an Arabic sentence
_QUOTED = re.compile('«[^»]*»|“[^”]*”|„[^“]*“|‹[^›]*›|"[^"]*"')


def _own_texts(tokens: list[Token], index: int) -> Iterator[tuple[str, str]]:
    """The text of the block opened at `index`, up to its close or its first nested list: (type, text) of each of
    its text and code children."""
    opened = tokens[index]
    closing = opened.type.replace("_open", "_close")
    for token in tokens[index + 1 :]:
        if (token.type == closing and token.level == opened.level) or token.type in _LISTS:
            return
        if token.type == "inline":
            yield from ((c.type, c.content) for c in token.children or () if c.type in ("text", "code_inline"))


def strong_direction(char: str) -> str | None:
    """ "ltr" or "rtl" for a strong letter, None for anything else."""
    kind = unicodedata.bidirectional(char)
    return "ltr" if kind == "L" else "rtl" if kind in ("R", "AL") else None
