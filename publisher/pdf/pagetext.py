"""The text of a page as WeasyPrint draws it: the glyphs of each `TJ` operator, grouped into lines.

WeasyPrint opens a text object (`BT` ... `ET`, placed by a `Tm` matrix) for each inline box it
draws, and changes font inside it with `Tf`: a line of mixed text (an address kept whole, a word in
another script) is several text objects, written in logical order. Marks that depend on what is
to the left or right of a glyph (textlayer.py) need the line in visual order: the text objects on
one baseline sorted by where they start, the operators inside one text object as written.

A justified line with few spaces (the line above an address kept whole) can have blanks of two or
three em between words; `wide_spaces` finds the space glyphs in such blanks from the `TJ` position
adjustments around them and the glyph's width (WeasyPrint's font objects keep the widths they write).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

TJ_PARTS = re.compile(rb"([-+]?[0-9.]+)|<([0-9a-fA-F]*)>")  # (a position adjustment, or a string's hex digits)
# WeasyPrint puts at most two adjustments next to a space glyph (an empty glyph's, the space's own), so a
# blank over 0.8 em around a space under 0.4 em wide has one of -200 or below: only such arrays are read.
_LOOSE = re.compile(rb"-(?:[2-9][0-9]{2}|[0-9]{4,})")
RAISED = 0.45  # em of the line's type: how far from its baseline a smaller object's is when it is set on the line
KEEP = 200  # in thousandths of an em: what a stretched space leaves blank on each side


@dataclass
class Show:
    """One `TJ` operator: its place in the stream, its font, and its elements in visual order.

    An element is a glyph (its bytes and its text through the font's glyph-to-Unicode map) or a
    position adjustment (its bytes and None).
    """

    index: int
    font: Any
    elements: list[tuple[bytes, str | None]]
    loose: bool = False  # whether the array has an adjustment large enough for a wide blank
    size: float = 0.0  # the font size (`Tf`)
    origin: tuple[int, float, float] = (0, 0.0, 0.0)  # its text object: its `BT`'s number, where `Tm` puts it
    rise: float = 0.0  # the text rise (`Ts`): WeasyPrint raises a mark's glyph in an array of its own


def read_lines(
    items: list[Any], fonts: dict[str, Any], decoded: dict[str, dict[bytes, tuple[bytes, str]]] | None = None
) -> list[list[Show]]:
    """The `TJ` operators of a page's content stream by line, each line left to right.

    A line is the text objects that share a baseline under the same transformation (`cm`); each is
    placed by its `Tm` (and `Td`, which WeasyPrint 70 does not write but a template's SVG might).
    `decoded` remembers each font's glyphs once decoded; pass the same dictionary for every page of
    a document (a 300-page book draws about a million glyphs from a few hundred codes).
    """
    decoded = {} if decoded is None else decoded
    lines: dict[tuple[int, float], list[tuple[float, int, Show]]] = {}
    font, size, block, rise = None, 0.0, 0, 0.0
    x = y = 0.0
    origin = (0, x, y)
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
            block += 1
            origin = (block, x, y)
        elif operator == b"Tm":
            x, y = (float(value) for value in item.split()[4:6])
            origin = (block, x, y)
        elif operator == b"Td":
            dx, dy = (float(value) for value in item.split()[:2])
            x, y = x + dx, y + dy
        elif operator == b"Ts":
            rise = float(item.split()[0])
        elif operator == b"Tf":
            name, size_text = item[1:].split()[:2]
            font, size = fonts.get(name.decode()), float(size_text)
        elif operator == b"TJ" and font is not None and item.startswith(b"["):
            line = lines.setdefault((space, round(y, 2)), [])
            array = item[1 : -len(b"] TJ")]
            glyph_text = _decoder(font, decoded.setdefault(font.hash, {}))
            show = Show(index, font, _elements(array, font, glyph_text), loose(array), size, origin, rise)
            line.append((x, len(line), show))
    return [[show for _, _, show in sorted(line, key=lambda entry: entry[:2])] for line in _raised_joined(lines)]


def _raised_joined(
    lines: dict[tuple[int, float], list[tuple[float, int, Show]]],
) -> list[list[tuple[float, int, Show]]]:
    """The lines, each text object of a smaller size set on a baseline of its own near a line's (a note call,
    `vertical-align: super` or `sub`) joined to that line: it is read where it stands, between the words."""
    joined = {key: list(line) for key, line in lines.items()}
    for key, line in sorted(lines.items(), key=lambda item: max(entry[2].size for entry in item[1])):
        size = max(entry[2].size for entry in line)
        left, right = min(entry[0] for entry in line), max(entry[0] for entry in line)
        for other, main in joined.items():
            big = max((entry[2].size for entry in main), default=0.0)
            if other[0] != key[0] or other == key or big <= size or abs(other[1] - key[1]) > RAISED * big:
                continue
            if min(entry[0] for entry in main) - 2 * big <= left and right <= max(entry[0] for entry in main) + 2 * big:
                main += [(x, len(main) + number, show) for number, (x, _, show) in enumerate(joined.pop(key))]
                break
    return list(joined.values())


def _elements(array: bytes, font: Any, glyph_text: Any) -> list[tuple[bytes, str | None]]:
    """The glyphs and position adjustments of a TJ array, one glyph per element."""
    width = 2 if font.bitmap else 4
    elements: list[tuple[bytes, str | None]] = []
    for number, hexes in TJ_PARTS.findall(array):
        if number:
            elements.append((number, None))
        elif len(hexes) == width:  # how WeasyPrint writes nearly every glyph: one to a string
            elements.append(glyph_text(hexes))
        elif not hexes:
            elements.append((b"<>", None))
        else:
            elements += map(glyph_text, [hexes[start : start + width] for start in range(0, len(hexes), width)])
    return elements


def as_mapped(font: Any, part: bytes) -> str:
    """What `font`'s glyph-to-Unicode map says the glyphs of `part` (TJ elements' bytes) are: what poppler reads."""
    return "".join(font.to_unicode.get(int(glyph, 16), "") for glyph in _GLYPH.findall(part))


_GLYPH = re.compile(rb"<([0-9a-fA-F]+)>")


def _decoder(font: Any, known: dict[bytes, tuple[bytes, str]]) -> Any:
    """A function from a glyph's hex code to its element (its bytes in a TJ array, its text), each
    computed once and kept in `known`."""

    def glyph_text(glyph: bytes) -> tuple[bytes, str]:
        element = known.get(glyph)
        if element is None:
            element = known[glyph] = (b"<" + glyph + b">", font.to_unicode.get(int(glyph, 16), ""))
        return element

    return glyph_text


def loose(array: bytes) -> bool:
    """Whether the elements of a `TJ` array hold an adjustment large enough for a wide blank."""
    return _LOOSE.search(array) is not None


def wide_spaces(show: Show, wider_than: float) -> dict[int, tuple[float, dict[int, bytes]]]:
    """The space glyphs of a `TJ` in blanks wider than `wider_than` em, by element index, each with how to
    stretch it over its blank but `KEEP` on each side: its horizontal scaling (`Tz`, percent) and the new
    bytes of the elements next to it (the adjustment nearest it on each side becomes `KEEP`, the rest go).

    The blank is the space's width and the adjustments and empty glyphs next to it in the array; at the
    edge of the array, with no adjustment on one side, the space stays where it starts or ends.
    """
    if not show.loose or show.font.bitmap:
        return {}
    found: dict[int, tuple[float, dict[int, bytes]]] = {}
    taken: set[int] = set()  # the adjustments of the blanks already stretched over
    elements = show.elements
    for index, (element, text) in enumerate(elements):
        width = show.font.widths.get(int(element[1:-1], 16)) if text in (" ", "\u00a0") else None
        runs = [list(_around(elements, index, way)) for way in (-1, 1)] if width else []
        if not width or taken.intersection(runs[0]):
            continue  # not a space, or one whose blank is shared with a space already stretched
        numbers = [[near for near in run if elements[near][0][:1] != b"<"] for run in runs]
        before, after = (-sum(float(elements[near][0]) for near in side) for side in numbers)
        if before + width + after <= 1000 * wider_than:
            continue
        new = {near: b"" for run in runs for near in run}
        margins = 0.0
        for side, blank in zip(numbers, (before, after), strict=True):
            if side:  # the nearest adjustment on this side
                margin = min(KEEP, max(blank, 0.0))
                new[side[0]], margins = f"{-margin:.3f}".encode(), margins + margin
        found[index] = (100 * (before + width + after - margins) / width, new)
        taken.update(new)
    return found


def blank_after(show: Show, index: int, wider_than: float) -> tuple[float, list[int]] | None:
    """For the space glyph at `index`, when the adjustments after it (up to the next glyph) leave a blank wider
    than `wider_than` em: the horizontal scaling (`Tz`, percent) that stretches the space over that blank, and
    the adjustments that then go. poppler takes such a blank for a space of its own (see kerning_gaps)."""
    width = show.font.widths.get(int(show.elements[index][0][1:-1], 16)) if not show.font.bitmap else None
    after = [near for near in _around(show.elements, index, 1) if show.elements[near][0][:1] != b"<"]
    if not width or not after:
        return None
    blank = -sum(float(show.elements[near][0]) for near in after)
    return (100 * (width + blank) / width, after) if blank > 1000 * wider_than else None


def _around(elements: list[tuple[bytes, str | None]], index: int, step: int) -> Iterator[int]:
    """The adjustments and empty glyphs right before (step -1) or right after (step 1) the glyph at `index`."""
    near = index + step
    while 0 <= near < len(elements) and elements[near][1] is None:
        yield near
        near += step


def kerning_gaps(show: Show, wider_than: float) -> dict[int, tuple[float, list[int]]]:
    """The glyphs of a `TJ` that a blank wider than `wider_than` em parts from the next glyph of the
    same word (a kerning pair of Amiri: "و" or "ر" before "ي"), by element index: the blank in text
    space units, for a `Tc` that puts it in the glyph's advance, and the adjustments that make it now.

    poppler takes a blank over 0.1 em between two glyphs for a space between words ("تشاور ية"); the
    glyph's own advance it does not. Spaces and glyphs without text (marks, clusters.py) are left out.
    """
    found: dict[int, tuple[float, list[int]]] = {}
    elements = show.elements
    glyphs = [index for index, (_, text) in enumerate(elements) if text is not None]
    for left, right in itertools.pairwise(glyphs):
        if not (elements[left][1] or "").strip() or not (elements[right][1] or "").strip():
            continue
        between = [index for index in range(left + 1, right) if elements[index][0][:1] != b"<"]
        blank = -sum(float(elements[index][0]) for index in between) / 1000
        if blank > wider_than:
            found[left] = (blank * show.size, between)
    return found
