"""The pieces of a URL or e-mail address broken over lines, found among the glyphs of a PDF's lines.

pdf.py lets an address break at sensible points (after "/", before "." or "@"); each piece then
sits at one end of its line, and text extractors, which read line by line, give it as a word of
its own. The text layer (textlayer.py) gives the first piece the whole address as its /ActualText
and the others a single space (PDFium ignores an empty one and reads the glyphs). It sees glyphs,
not HTML: a piece is the stretch of glyphs without a space or a right-to-left letter at one end of
a line, and pieces on consecutive lines make one address when together they spell one of the
addresses pdf.py marked, in order. Zero-width characters (the break opportunities, the isolates)
are drawn as empty glyphs without text.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from .lineroles import ADDRESS_HEAD, ADDRESS_TAIL
from .pagetext import Show

Glyph = tuple[int, int]  # (index of the TJ in its line, index of the glyph in the TJ's elements)


@dataclass
class Piece:
    """Glyphs of one line that draw a piece of an address, in visual order; `line` counts over the document.
    `companions` are the glyphs of the words of its left-to-right run drawn with it, `beside` their text: before a
    first piece ("GET " of "GET /api/v2/…"), after a last one."""

    line: int
    glyphs: list[Glyph] = field(default_factory=list)
    companions: list[tuple[int, int, str]] = field(default_factory=list)

    @property
    def beside(self) -> str:
        return _spell(self.companions)


Edge = tuple[list[tuple[int, int, str]], bool, list[tuple[int, int, str]]]  # glyphs, read from the left, beside


def find_broken_addresses(lines: list[list[Show]], addresses: Iterable[str]) -> list[tuple[str, list[Piece]]]:
    """Each address of `addresses` drawn over two lines or more: the address and its pieces, in reading order.

    `lines` are every line of the document in the order they are drawn (pagetext.read_lines, page after page).
    """
    known = frozenset(addresses)
    if not known:
        return []
    prefixes = frozenset({address[:end] for address in known for end in range(1, len(address))})
    so_far = known | prefixes
    found: list[tuple[str, list[Piece]]] = []
    text, pieces = "", list[Piece]()  # the address begun on earlier lines
    for number, line in enumerate(lines):
        glyphs = [(s, i, t) for s, show in enumerate(line) for i, (_, t) in enumerate(show.elements) if t]
        # A piece sits at the outer end of the run at one edge: the reading start of a right-to-left line
        # is its right edge, its reading end the left edge; the other way round in a left-to-right line.
        edges = [edge for from_left in (False, True) for edge in _edges(glyphs, from_left)]
        if pieces:  # the address goes on at the start of this line
            for edge, from_left, beside in edges:
                n = _longest(edge, from_left, text, so_far)
                if n and not (beside and not from_left):  # the words beside a last piece follow it, on its right
                    piece = _outer(edge, from_left, n)
                    text += _spell(piece)
                    pieces.append(Piece(number, [(s, i) for s, i, _ in piece], beside))
                    break
            else:
                text, pieces = "", []
            if text in known:
                found.append((text, pieces))
                text, pieces = "", []
            elif pieces and (len(pieces[-1].glyphs) < len(glyphs) or pieces[-1].beside):
                text, pieces = "", []  # unfinished, yet not at the line's end: not an address of ours
        if pieces:
            continue
        for edge, from_left, beside in reversed(edges):  # an address begins at the end of this line
            n = _longest(edge, from_left, "", prefixes)
            if n and not (beside and from_left):  # the words beside a first piece precede it, on its left
                piece = _outer(edge, from_left, n)
                lead = [] if from_left else edge[: len(edge) - n]  # and the signs glued before it: "#!" of "#!/usr"
                text, pieces = _spell(piece), [Piece(number, [(s, i) for s, i, _ in piece], beside + lead)]
                break
    return found


def _edges(glyphs: list[tuple[int, int, str]], from_left: bool) -> list[Edge]:
    """Where a piece may sit at one end of a line: its outer word (`_edge`), and, when the line begins or ends
    with a left-to-right run of several words inside right-to-left text, the run's word beside the right-to-left
    text, which is the run's end in reading order ("GET /api/v2/indices" ending an Arabic line: the piece is
    "/api/v2/indices"); each with the side it is read from and the rest of its run, in visual order."""
    outer = _edge(glyphs, from_left)
    run: list[tuple[int, int, str]] = []
    for glyph in glyphs if from_left else reversed(glyphs):
        if unicodedata.bidirectional(glyph[2][0]) in ("R", "AL"):
            break
        run.append(glyph)
    else:
        return [(outer, from_left, [])]  # no right-to-left letter: a left-to-right line
    while run and run[-1][2].isspace():
        run.pop()
    inner: list[tuple[int, int, str]] = []
    for glyph in reversed(run):
        if glyph[2].isspace():
            break
        inner.append(glyph)
    if len(inner) == len(run):  # one word: the outer one, which at a line's left end may end with a piece
        return [(outer, from_left, []), *([(outer, False, [])] if from_left else [])]  # ("#!/usr/bin/", env)
    rest = run[: len(run) - len(inner)]
    if from_left:
        return [(outer, from_left, []), (inner[::-1], False, rest)]
    return [(outer, from_left, []), (inner, True, rest[::-1])]


def _edge(glyphs: list[tuple[int, int, str]], from_left: bool) -> list[tuple[int, int, str]]:
    """The glyphs at one end of a line up to a space or a right-to-left letter, in visual order."""
    run: list[tuple[int, int, str]] = []
    for glyph in glyphs if from_left else reversed(glyphs):
        if glyph[2].isspace() or unicodedata.bidirectional(glyph[2][0]) in ("R", "AL"):
            break
        run.append(glyph)
    return run if from_left else run[::-1]


def _outer(edge: list[tuple[int, int, str]], from_left: bool, n: int) -> list[tuple[int, int, str]]:
    """The n glyphs of an edge's run nearest the line's end, in visual order."""
    return edge[:n] if from_left else edge[len(edge) - n :]


def _longest(edge: list[tuple[int, int, str]], from_left: bool, before: str, allowed: frozenset[str]) -> int:
    """The most glyphs at the outer end of `edge` whose text, after `before`, is `allowed`, and the rest of the
    run no letter or digit (a bracket, a quote): the piece of an address is not a part of a longer word. 0 if none.
    """
    for n in range(len(edge), 0, -1):
        rest = edge[n:] if from_left else edge[: len(edge) - n]
        if any(text.isalnum() for _, _, text in rest):
            return 0
        if before + _spell(_outer(edge, from_left, n)) in allowed:
            return n
    return 0


def _spell(glyphs: list[tuple[int, int, str]]) -> str:
    return "".join(text for _, _, text in glyphs)


def address_roles(
    lines: list[list[Show]], addresses: Iterable[str]
) -> tuple[dict[int, dict[tuple[int, int], int]], dict[int, str]]:
    """For each line (by number over the document), the roles of the glyphs of addresses broken over lines;
    and the text each first piece stands for, by the id of its TJ (textlayer.py writes them).

    The first piece's glyphs in one TJ get the address, after the words of its run before it; all its other
    glyphs and the other pieces nothing (a space), but for a last piece drawn with words of its run after it:
    its glyphs in one TJ get those words. The glyphs of those words get a space, their spaces keep their roles
    (a justified line's space stretched over its blank, which keeps poppler from taking the line for columns).
    """
    roles: dict[int, dict[tuple[int, int], int]] = {}
    heads: dict[int, str] = {}
    for address, pieces in find_broken_addresses(lines, addresses):
        first = pieces[0].glyphs[0][0]
        heads[id(lines[pieces[0].line][first])] = pieces[0].beside + address
        last = pieces[-1]
        if len(pieces) > 1 and last.beside:
            heads[id(lines[last.line][last.glyphs[0][0]])] = last.beside  # its space first
        for number, piece in enumerate(pieces):
            headed = piece.glyphs[0][0] if number == 0 or (piece is last and last.beside) else None
            for s, i in piece.glyphs:
                roles.setdefault(piece.line, {})[(s, i)] = ADDRESS_HEAD if s == headed else ADDRESS_TAIL
            for s, i, text in piece.companions:  # read in the piece's text; their spaces keep their own roles
                if not text.isspace():
                    roles.setdefault(piece.line, {})[(s, i)] = ADDRESS_TAIL
    return roles, heads
