"""The direction of a paragraph or list item written wholly in the other direction's script.

A book's paragraphs take its direction. A paragraph or list item with no letter of that direction (an
English reference in an Arabic bibliography: "Goldziher, I., Muhammedanische Studien, Halle, 1889") set
right to left had its punctuation and numbers thrown to the wrong ends ("Muhammedanische Studien, Halle,
,.Goldziher, I .2"). It gets `dir` of its own script's direction, as HTML's `dir="auto"` would give it
(which WeasyPrint does not honour), unless the author gave one. Headings and table cells keep the book's
direction and alignment: their runs are isolated like any other (typeset/bidi.py).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from markdown_it.token import Token

BLOCKS = ("paragraph_open", "list_item_open")
_LISTS = ("bullet_list_open", "ordered_list_open")


def mark_block_directions(tokens: list[Token], direction: str) -> None:
    """Give `dir` to each paragraph and list item whose letters are all of the other direction."""
    other = "ltr" if direction == "rtl" else "rtl"
    for index, token in enumerate(tokens):
        if token.type not in BLOCKS or token.attrGet("dir"):
            continue
        kinds = {strong_direction(char) for text in _own_texts(tokens, index) for char in text} - {None}
        if kinds == {other}:
            token.attrSet("dir", other)


def _own_texts(tokens: list[Token], index: int) -> Iterator[str]:
    """The text of the block opened at `index`, up to its close or its first nested list."""
    opened = tokens[index]
    closing = opened.type.replace("_open", "_close")
    for token in tokens[index + 1 :]:
        if (token.type == closing and token.level == opened.level) or token.type in _LISTS:
            return
        if token.type == "inline":
            yield from (child.content for child in token.children or () if child.type in ("text", "code_inline"))


def strong_direction(char: str) -> str | None:
    """ "ltr" or "rtl" for a strong letter, None for anything else."""
    kind = unicodedata.bidirectional(char)
    return "ltr" if kind == "L" else "rtl" if kind in ("R", "AL") else None
