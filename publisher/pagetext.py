"""The text of a page as WeasyPrint draws it: the glyphs of each `TJ` operator, grouped into lines.

WeasyPrint opens a text object (`BT` ... `ET`, placed by a `Tm` matrix) for each inline box it
draws, and changes font inside it with `Tf`: a line of mixed text (an address kept whole, a word in
another script) is several text objects, written in logical order. Marks that depend on what is
to the left or right of a glyph (textlayer.py) need the line in visual order: the text objects on
one baseline sorted by where they start, the operators inside one text object as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

_TJ = re.compile(rb"<([0-9a-fA-F]*)>|[-+]?[0-9.]+")


@dataclass
class Show:
    """One `TJ` operator: its place in the stream, its font, and its elements in visual order.

    An element is a glyph (its bytes and its text through the font's glyph-to-Unicode map) or a
    position adjustment (its bytes and None).
    """

    index: int
    font: Any
    elements: list[tuple[bytes, str | None]]


def read_lines(items: list[Any], fonts: dict[str, Any]) -> list[list[Show]]:
    """The `TJ` operators of a page's content stream by line, each line left to right.

    A line is the text objects that share a baseline under the same transformation (`cm`); each is
    placed by its `Tm` (and `Td`, which WeasyPrint 70 does not write but a template's SVG might).
    """
    lines: dict[tuple[int, float], list[tuple[float, int, Show]]] = {}
    font = None
    x = y = 0.0
    space, spaces, saved = 0, 0, []  # the current transformation, as a number that changes with each `cm`
    for index, item in enumerate(items):
        if not isinstance(item, bytes):
            continue
        operator = item.rsplit(maxsplit=1)[-1] if item.strip() else b""
        if operator == b"q":
            saved.append(space)
        elif operator == b"Q" and saved:
            space = saved.pop()
        elif operator == b"cm":
            spaces += 1
            space = spaces
        elif operator == b"BT":
            x = y = 0.0
        elif operator == b"Tm":
            x, y = (float(value) for value in item.split()[4:6])
        elif operator == b"Td":
            dx, dy = (float(value) for value in item.split()[:2])
            x, y = x + dx, y + dy
        elif operator == b"Tf":
            font = fonts.get(item[1:].split()[0].decode())
        elif operator == b"TJ" and font is not None and item.startswith(b"["):
            line = lines.setdefault((space, round(y, 2)), [])
            line.append((x, len(line), Show(index, font, list(_elements(item[1 : -len(b"] TJ")], font)))))
    return [[show for _, _, show in sorted(line, key=lambda entry: entry[:2])] for line in lines.values()]


def _elements(array: bytes, font: Any) -> Iterator[tuple[bytes, str | None]]:
    """The glyphs and position adjustments of a TJ array, one glyph per element."""
    width = 2 if font.bitmap else 4
    for match in _TJ.finditer(array):
        if match[1] is None:
            yield match[0], None
            continue
        hexes = match[1]
        if not hexes:
            yield b"<>", None
        for start in range(0, len(hexes), width):
            glyph = hexes[start : start + width]
            yield b"<" + glyph + b">", font.to_unicode.get(int(glyph, 16), "")
