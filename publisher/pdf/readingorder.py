"""List markers and note calls drawn again where PDFium reads them: next to the text of their line.

PDFium (Chrome's viewer, pypdfium2) reads a page's text objects in the order they are drawn, and only
objects drawn one after another on one baseline make a line. WeasyPrint draws the markers of a list after the
whole list, so PDFium read "١. ٢. ٣." under the last item. A note call is raised above its line: PDFium started
a new group of objects at it, and when the object drawn after it began with a narrow glyph ("." after
"السابق¹") another one, and put the groups side by side in the order drawn, not where they stand: the line came
out in pieces ("وخصص منها مليون" before "جنيه ... السابق"). So each marker is drawn just before the first text
object on its baseline, and each note call just after the last text object of its line (whose text the text
layer makes a space: it is not a word, and PDFium's place for it is the end of the line).

Nothing changes on the page. A marker or a call is one unit of the stream (a `q` ... `Q` or a marked-content
sequence holding one text object), moved over text objects only (nothing painted over it in its new place),
to where the graphics state is the one it had, and only if it leaves that state as it found it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..typeset.bidi import BIDI_CONTROL as _CONTROLS
from .clusters import Key, position_key
from .pagetext import RAISED

_STATE = frozenset(
    b"gs rg RG g G k K cs CS sc SC scn SCN w J j M d ri i Tc Tw Tz TL Ts Tr".split()
)  # the font (`Tf`) is not among them: WeasyPrint sets it in each text object before it shows text
_COLOURS = {b"rg": b"fill", b"g": b"fill", b"k": b"fill", b"sc": b"fill", b"scn": b"fill", b"cs": b"fill space"}
_COLOURS |= {
    b"RG": b"stroke",
    b"G": b"stroke",
    b"K": b"stroke",
    b"SC": b"stroke",
    b"SCN": b"stroke",
    b"CS": b"stroke space",
}
_DEFAULTS = {b"fill": b"0 g", b"stroke": b"0 G", b"w": b"1 w", b"J": b"0 J", b"j": b"0 j", b"M": b"10 M"}
_DEFAULTS |= {b"d": b"[] 0 d", b"Tc": b"0 Tc", b"Tw": b"0 Tw", b"Tz": b"100 Tz", b"TL": b"0 TL", b"Ts": b"0 Ts"}
_DEFAULTS |= {b"Tr": b"0 Tr"}
_GS = frozenset((b"gs", b"gs ca", b"gs CA"))  # what an ExtGState sets (the last one of each kind): _set_gs
_PAINTS = frozenset(b"S s f F f* B B* b b* sh Do BI EI n W W*".split())
_OPENS, _CLOSES = frozenset((b"q", b"BDC", b"BMC", b"BT")), frozenset((b"Q", b"EMC", b"ET"))


def placed_boxes(document: Any) -> tuple[dict[Key, float], set[Key], dict[Key, bool], set[Key], set[Key]]:
    """Where the text of each list marker (and its box's width), of each note call and of each line to be read whole
    starts (page, `Tm` x and y), from the layout. Read whole: a verse's line (its hemistichs, columns apart), a line of
    a left-to-right block in a right-to-left book (a code block's Arabic comment, "# جلب الأسعار"), True for those, and
    a line of a right-to-left block in a left-to-right book (an Arabic paragraph of an English book), False.
    Then every text box set left to right in a right-to-left book (a Latin run's element, such a block), and last
    every text box of inline code (`code`, `kbd`, `samp`)."""
    from weasyprint.formatting_structure import boxes

    markers: dict[Key, float] = {}
    calls: set[Key] = set()
    whole: dict[Key, bool] = {}
    ltr: set[Key] = set()
    code: set[Key] = set()

    def visit(box: Any, number: int, verse: bool, turned: bool) -> None:
        if isinstance(box, boxes.TextBox):
            tag = box.element_tag or ""
            key = position_key(number, box.position_x, box.position_y + box.baseline)
            if tag.endswith(("::marker", "::footnote-marker")):
                markers[key] = box.width
            elif tag.endswith("::footnote-call"):
                calls.add(key)
            if verse or turned:  # a marker too: "2. Goldziher, I., ...", a list item in Latin (source/blockdir.py)
                whole[key] = turned and not verse and rtl
            if rtl and box.style["direction"] == "ltr" and _CONTROLS.sub("", box.text):  # not an isolate's end alone:
                ltr.add(key)  # drawing nothing, it stands where the Arabic after it starts, whose key it took
            if tag in ("code", "kbd", "samp"):
                code.add(key)
        element = getattr(box, "element", None)
        verse = verse or (element is not None and "verse" in str(element.get("class") or "").split())
        if isinstance(box, boxes.BlockContainerBox) and not verse:
            turned = box.style["direction"] == ("ltr" if rtl else "rtl")
        for child in getattr(box, "children", None) or ():
            visit(child, number, verse, turned)

    for number, page in enumerate(document.pages):
        root = next((box for box in page._page_box.children if box.element_tag == "html"), None)
        rtl = root is not None and root.style["direction"] == "rtl"
        visit(page._page_box, number, False, False)
    return markers, calls, whole, ltr, code


def enclosing(items: list[Any], first: int, last: int, y: float) -> tuple[int, int] | None:
    """Where a marked-content sequence can open and close around stream items `first` to `last` (two `TJ`s)
    without crossing a `q`, a `BT` or another sequence: the stretch of their nearest common parent's children
    that holds them, if all the text it shows is drawn at `y` (one line), else None."""
    node = _tree(items)
    while True:
        inside = [
            n
            for n, child in enumerate(node.children)
            if child.start <= first < child.end or child.start <= last < child.end
        ]
        if not inside:
            return None
        low, high = inside[0], inside[-1]
        if low == high and node.children[low].children and node.children[low].end > last:
            node = node.children[low]  # both inside one child: look closer
            continue
        start, end = node.children[low].start, node.children[high].end
        placed = [float(item.split()[5]) for item in items[start:end] if _operator(item) == b"Tm"]
        return (start, end - 1) if all(abs(at - y) < 0.01 for at in placed) else None


def move_markers_and_calls(items: list[Any], page: int, markers: Mapping[Key, float], calls: set[Key]) -> None:
    """Move, in one page's content stream (WeasyPrint's list of operators), each marker before the first text
    of its line and each call after the last text of its line, where that is safe (see above).

    All moves are read from the stream as drawn and made in one pass: a moved unit leaves the graphics state as
    it found it and carries its own, so no move changes the state anywhere else, and a page of a thousand
    markers (a workspace's stylesheet can set type that small) costs a thousand moves, not a thousand readings."""
    wanted = {key for key in [*markers, *calls] if key[0] == page}
    if not wanted:
        return
    found = []
    for key, units, number in _candidates(items, page, wanted):
        target = _line_start(units, number) if key in markers else _line_end(units, number)
        if target is not None:
            found.append((units, number, target, markers.get(key, 0.0)))
    moved = {id(units[number]) for units, number, *_ in found}
    found = [move for move in found if id(_anchor(*move[:3])) not in moved]  # a unit moved itself anchors nothing
    states = _states(items, {at for units, number, target, _ in found for at in _places(units, number, target)})
    before: dict[int, list[Any]] = {}
    after: dict[int, list[Any]] = {}
    gone: set[int] = set()
    for units, number, target, width in found:
        start, end, place = _places(units, number, target)
        between = range(target, number) if target < number else range(number + 1, target)
        text = units[number].texts[0]  # (a marker moves back over paths clear of it: _clear_of)
        clear = [units[n].plain or (target < number and _clear_of(units[n], text, width)) for n in between]
        if not all(clear) or states[start] != states[end]:
            continue
        if _transparency(states[start]) != _transparency(states[place]):
            continue
        state = _DEFAULTS | states[start]
        block = [b"q", *(value for key, value in sorted(state.items()) if key not in _GS), *items[start:end], b"Q"]
        if target < number:
            before.setdefault(units[target].start, []).extend(block)
        else:
            after.setdefault(units[target - 1].end - 1, []).extend(block)
        gone.update(range(start, end))
    if gone:
        items[:] = [
            out
            for index, item in enumerate(items)
            for out in (*before.get(index, ()), *(() if index in gone else (item,)), *after.get(index, ()))
        ]


def _anchor(units: list[_Node], number: int, target: int) -> _Node:
    """The unit a move is made beside: the one it goes before, or the one it goes after."""
    return units[target] if target < number else units[target - 1]


def _places(units: list[_Node], number: int, target: int) -> tuple[int, int, int]:
    """Where a unit starts and ends in the stream, and the place it goes to."""
    place = units[target].start if target < len(units) else units[-1].end
    return units[number].start, units[number].end, place


@dataclass
class _Node:
    """A stretch of the stream: one operator, or what a `q`, `BDC`/`BMC` or `BT` opens, up to its close."""

    start: int
    end: int = 0
    children: list[_Node] = field(default_factory=list)
    texts: list[tuple[float, float, float]] = field(default_factory=list)  # x, y and size of each text shown
    plain: bool = True  # paints nothing but text, keeps the coordinates
    points: list[tuple[float, float]] = field(default_factory=list)  # of the paths it paints, if `plain` is not
    traced: bool = True  # what it paints is its paths' alone, in the coordinates of its text (no `cm`, no image)


def _tree(items: list[Any]) -> _Node:
    root = _Node(0, len(items))
    stack = [root]
    x = y = size = 0.0
    operands: int | None = None  # pydyf writes `BDC` as three items: the tag, the property list, the operator
    for index, item in enumerate(items):
        if not isinstance(item, bytes | bytearray):
            operands = index if operands is None else operands
            continue
        first, operands = (index if operands is None else operands), None
        operator = _operator(item)
        if operator in _OPENS:
            stack[-1].children.append(_Node(first))
            stack.append(stack[-1].children[-1])
            continue
        if operator in _CLOSES and len(stack) > 1:
            node = stack.pop()
            node.end = index + 1
            stack[-1].texts += node.texts
            stack[-1].plain = stack[-1].plain and node.plain
            stack[-1].points += node.points
            stack[-1].traced = stack[-1].traced and node.traced
            continue
        leaf = _Node(first, index + 1)
        stack[-1].children.append(leaf)
        if operator == b"Tm":
            x, y = (float(value) for value in item.split()[4:6])
        elif operator == b"Tf":
            size = float(item.split()[-2])
        elif operator in (b"TJ", b"Tj"):
            stack[-1].texts.append((x, y, size))
        elif operator in _PAINTS or operator in (b"cm", b"Td", b"TD", b"T*"):
            stack[-1].plain = leaf.plain = False
            stack[-1].traced = stack[-1].traced and operator in _PATH_ENDS
        elif operator in _PATH:
            values = [float(value) for value in item.split()[:-1]]
            if operator == b"re":
                values += [values[0] + values[2], values[1] + values[3]]
            stack[-1].points += zip(values[::2], values[1::2], strict=False)
    return root


_PATH = frozenset(b"m l c v y re".split())  # (a rectangle's width and height made its far corner)
_PATH_ENDS = frozenset(b"S s f F f* B B* b b* n W W*".split())  # what paints (or clips) a path and nothing else


def _clear_of(unit: _Node, text: tuple[float, float, float], width: float) -> bool:
    """Whether what `unit` paints, its paths alone, lies clear of a marker's text (`x`, `y`, size; its box `width`
    wide, the space before its item's text included): the box of all its paths' points beside the marker's box, or an
    em and a half above its baseline, half an em below. A marker moved before its line's text is drawn before what lies
    between: a strikethrough in a list's item ("~~ليبيا~~", "~~Heat~~") had kept every marker of the list where
    WeasyPrint draws them, after the list, and PDFium read them all there, "• • •", "1. 2. 3."; a shaded box behind
    the marker still does."""
    x, y, size = text
    if not unit.traced or not unit.points:
        return False
    xs, ys = [px for px, _ in unit.points], [py for _, py in unit.points]
    beside = max(xs) <= x + 0.01 or min(xs) >= x + width - 0.01  # (a strikethrough begins where the marker's box ends)
    return beside or max(ys) < y - 1.5 * size or min(ys) > y + 0.5 * size


def _candidates(items: list[Any], page: int, keys: set[Key]) -> Iterator[tuple[Key, list[_Node], int]]:
    """For each marker or call of `keys` found: its key, the units beside it (the children of its unit's
    parent) and its unit's number among them. Its unit: the largest stretch holding its text and nothing else."""

    def visit(node: _Node, unit: tuple[list[_Node], int] | None) -> Iterator[tuple[Key, list[_Node], int]]:
        for number, child in enumerate(node.children):
            alone = len(child.texts) == 1 and child.plain
            inner = unit or ((node.children, number) if alone else None)
            if alone and child.start + 1 < child.end and _operator(items[child.start]) == b"BT":
                key = position_key(page, *child.texts[0][:2])
                if key in keys and inner is not None:
                    yield key, *inner
            elif child.texts:
                yield from visit(child, inner if alone else None)

    yield from visit(_tree(items), None)


def _line_start(units: list[_Node], number: int) -> int | None:
    """For a marker: the unit before which it goes, the first one drawn on its baseline before it (else None).
    Even right after its line's text: the text layer reads a line in the order drawn (marks.line_text), and an
    item ending a page, its marker drawn after it, had read "الْحَقْلِ؟١." on both extractors. (Its baseline within a
    tenth of an em: a line holding a box of a fallback font alone, " ≈ " between two runs, is set a point lower than its
    marker, which WeasyPrint then draws last on the page, where PDFium read it.)"""
    _, y, size = units[number].texts[0]
    return next((n for n in range(number) if any(abs(t[1] - y) < 0.1 * size for t in units[n].texts)), None)


def _line_end(units: list[_Node], number: int) -> int | None:
    """For a call: the unit after which it goes, the last of the text objects drawn after it on its line."""
    _, y, size = units[number].texts[0]
    last = None
    for n in range(number + 1, len(units)):
        texts = units[n].texts
        if units[n].plain and texts and all(t[1:] == (y, size) for t in texts):
            continue  # another call of the line ("٢٠٢٧¹ … ١٢٫٥²"): the text after it is still this line's
        if not units[n].plain or not all(t[2] > size and abs(t[1] - y) <= RAISED * t[2] for t in texts):
            break
        last = n if texts else last
    return None if last is None else last + 1


def _states(items: list[Any], places: set[int]) -> dict[int, dict[bytes, bytes]]:
    """The graphics state in force before each item of `places`: each state operator's last use, `q` and `Q`
    counted, the colour operators under one name. One reading of the stream for them all."""
    stack: list[dict[bytes, bytes]] = [{}]
    states: dict[int, dict[bytes, bytes]] = {}
    for index, item in enumerate([*items, b""]):
        if index in places:
            states[index] = dict(stack[-1])
        operator = _operator(item)
        if operator == b"q":
            stack.append(dict(stack[-1]))
        elif operator == b"Q" and len(stack) > 1:
            stack.pop()
        elif operator == b"gs":
            _set_gs(stack[-1], bytes(item))
        elif operator in _STATE:
            stack[-1][_COLOURS.get(operator, operator)] = bytes(item)
    return states


def _set_gs(state: dict[bytes, bytes], item: bytes) -> None:
    """Note an ExtGState set. WeasyPrint names its opacities by value, `/a0.5` for fill and `/A0.5` for stroke
    (each sets that alone): full opacity is the PDF's initial state, as if nothing had set it."""
    name = item.split()[0]
    kind = {b"/a": b"gs ca", b"/A": b"gs CA"}.get(name[:2], b"gs")
    try:
        opaque = kind != b"gs" and float(name[2:]) == 1
    except ValueError:
        kind, opaque = b"gs", False
    if opaque:
        state.pop(kind, None)
    else:
        state[kind] = item


def _transparency(state: dict[bytes, bytes]) -> dict[bytes, bytes]:
    return {key: value for key, value in state.items() if key in _GS}


def _operator(item: Any) -> bytes:
    if not isinstance(item, bytes | bytearray):
        return b""
    parts = item.rsplit(maxsplit=1)
    return bytes(parts[-1]) if parts else b""
