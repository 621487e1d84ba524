"""A table cell whose text runs over several lines, read as one by poppler: its text on its first line.

poppler (pdftotext) puts the glyphs of a page into blocks, a block being lines whose baselines are at most 1.5
font sizes apart (TextOutputDev's maxLineSpacingDelta); the lines of a cell, set with the book's leading (1.65),
are one block each. It then orders the blocks by Breuel's rules (the higher of two that overlap across comes
first; of two side by side, the one on the reading side) unless it takes them for a table's cells, aligned in
rows and columns, which it reads row by row, line by line. Either way a cell that runs over lines was read in
pieces: its lines down a column before the next cell ("واجهة برمجة التطبيقات تعلم الآلة الحوسبة السحابية", three
cells of the first column), or the first lines of a row's cells before their second lines ("واجهة برمجة API
(application interface de" then "التطبيقات programming programmation").

Cells start on their row's first baseline (pdf/book.css), and each cell that runs over lines gets poppler's
text of the whole cell (an inline /ActualText) on the first text object of its first line, where its line starts,
and an empty one on each of its other objects: to poppler each cell is one line, at the top of its row, and the
table rows of one-line cells, which it lines up and reads in order. poppler lays the text over the glyphs it
replaces, however tight (a narrow column's cell of fifteen lines read back whole).

PDFium reads a page's objects in the order drawn, cell after cell, and read such cells right: it is to read them
as before. It takes the innermost /ActualText, inline or named, and reads the glyphs for an empty one: the cell's
own /ActualTexts are written as named ones (which poppler ignores), each array of the first object without one of
its own gets an empty named one inside poppler's, and each array of the other objects its own empty inline one
(PDFium takes an array whose innermost mark is the one of the array before for read already: "كل 6" was lost).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Collection, Mapping
from functools import partial
from itertools import count, groupby, pairwise
from typing import Any

from .addresses import BREAKS_BEFORE
from .charclass import letter_kind, pdfium_actual_text
from .clusters import Key, Laid, position_key
from .marks import line_text, spanned_objects
from .pagetext import Show
from .popplerwords import poppler_text
from .tablecells import holds_ltr_run, letter_spaced, over_lines, rows_whole, table_rows, text_boxes
from .wholeline import ltr_poppler_text

_HYPHENATION = ("\u2010", "\u00ad")  # what WeasyPrint draws where it hyphenates (the hyphenate-character)


def wrapped_cells(document: Any) -> dict[Key, int]:
    """The text boxes of every table cell whose text is set on more than one baseline: by position key (page,
    `Tm` x and y), the cell's number."""
    return table_cells(document)[0]


def table_cells(document: Any) -> tuple[dict[Key, int], dict[Key, bool]]:
    """The text boxes of the table cells set on more than one baseline, as wrapped_cells gives them, and the position
    keys of every text box in a table cell, True for one holding a left-to-right run (an isolate's or its own box)."""
    from weasyprint.formatting_structure import boxes

    found: dict[Key, int] = {}
    every: dict[Key, bool] = {}
    numbers = count()

    def visit(box: Any, page: int) -> None:
        if isinstance(box, boxes.TableBox) and rows_whole(box):  # each row one cell to poppler
            for row in table_rows(box):
                held = {
                    position_key(page, t.position_x, t.position_y + t.baseline): holds_ltr_run(t)
                    for t in text_boxes(row)
                }
                every.update(held)
                found.update(dict.fromkeys(held, -1 - next(numbers)))  # (negative: a row's)
            return
        if isinstance(box, boxes.TableCellBox):
            inside = text_boxes(box)
            keys = [position_key(page, text.position_x, text.position_y + text.baseline) for text in inside]
            every.update((key, holds_ltr_run(text)) for key, text in zip(keys, inside, strict=True))
            if over_lines(inside) or letter_spaced(inside):
                found.update(dict.fromkeys(keys, next(numbers)))
            return
        for child in getattr(box, "children", None) or ():
            visit(child, page)

    for number, page in enumerate(document.pages):
        visit(page._page_box, number)
    return found, every


def split_apart(lines: list[list[Show]], cells: dict[Key, int], page: int) -> list[list[Show]]:
    """`lines` (a page's, textlayer.py), each line holding a cell that runs over lines cut where another line's
    objects are drawn between its own: a row's first line is drawn a cell at a time, each cell's other lines after
    it. PDFium reads an object whose innermost mark is the object before's (as deep) as read already, so a line's
    objects that share one /ActualText of the line (a vocalised line's) must be drawn one after another: the row
    "سِقْطُ اللِّوَى | مُنْقَطَعُ الرَّمْلِ ... | قِفَا نَبْكِ ..." had been read once for each of its cells."""
    if not cells:
        return lines
    drawn = sorted(show.index for line in lines for show in line)
    place = {index: order for order, index in enumerate(drawn)}
    out: list[list[Show]] = []
    for line in lines:
        if not any(position_key(page, *show.origin[1:]) in cells for show in line):
            out.append(line)
            continue
        pieces: dict[int, list[Show]] = {}  # each run of objects drawn one after another, by its first's place
        starts = sorted(place[show.index] for show in line)
        first = {order: order for order in starts}
        for before, after in pairwise(starts):
            if after == before + 1:
                first[after] = first[before]
        for show in line:  # in the line's order, left to right
            pieces.setdefault(first[place[show.index]], []).append(show)
        out.extend(pieces[start] for start in sorted(pieces))
    return out


def mark_cells(
    lines: list[list[Show]],
    items: list[Any],
    replacements: dict[int, list[Any]],
    cells: dict[Key, int],
    page: int,
    laid: dict[Key, Laid],
    inline: Callable[[str], list[Any]],
    named: Callable[[str], bytes],
    rtl: bool = True,
    runs: Mapping[Key, bool] | None = None,
    calls: Collection[Key] = (),
) -> int:
    """Give the cells that run over lines on this page their marks (above), in `replacements` (stream index →
    what replaces that item); returns how many cells. Not `rtl`: a left-to-right book's (ltrlayer.py). `runs`: the
    keys of the boxes holding a left-to-right run (table_cells), whose objects without Arabic read as drawn; the
    others are read right to left ("4 +" ending a cell's line, read "+ 4" as drawn); without it, all read as drawn.
    `calls`: the keys of note calls, which poppler's text of a cell leaves out (they read as spaces: textlayer.py)."""
    if not cells:
        return 0

    found: dict[int, list[Show]] = {}
    for line in lines:
        for show in line:
            cell = cells.get(position_key(page, *show.origin[1:]))
            if cell is not None:
                found.setdefault(cell, []).append(show)
    count = 0
    marked: set[tuple[int, float, float]] = set()  # the objects of the cells marked
    for number, cell_shows in found.items():
        shows = sorted(cell_shows, key=lambda show: show.index)
        text = _cell_text(shows, partial(_object_text, laid=laid, page=page, runs=runs, calls=calls, ltr=not rtl))
        if not text:
            continue
        objects: dict[tuple[int, float, float], list[Show]] = {}
        for show in shows:
            objects.setdefault(show.origin, []).append(show)
        # the first line's first object (the page's y grows downwards): where the line starts, at the cell's edge,
        # which poppler lines up with the edges of the cells above and below to find a table
        # (not a note's call, raised above it: poppler took the cell's text there for a line of its own, between the
        # table's rows, and read the table column by column, "التوقيت 9:00 10:45 المؤطر المحور …")
        uncalled = [origin for origin in objects if position_key(page, *origin[1:]) not in calls] or list(objects)
        # (and one that draws a glyph: an empty array's /ActualText poppler never reads, and an address begins with one,
        # "https://www.finances.gov.ma/ar/…" in a cell, lost)
        uncalled = [origin for origin in uncalled if any(_drawn(show) for show in objects[origin])] or uncalled
        top = min(origin[2] for origin in uncalled)
        carrier = next(origin for origin in uncalled if abs(origin[2] - top) < 0.01)
        for show in shows:  # every inline /ActualText of the cell a named one: PDFium's alone
            replacements[show.index] = _named_only(replacements.get(show.index, [items[show.index]]), named)
        if (runs is not None or not rtl) and number >= 0:  # (not a row made one cell, rows_whole: its runs apart)
            _runs_for_pdfium(objects, runs, page, replacements, named, text)
        for origin, drawn in objects.items():
            indexes = [show.index for show in drawn]
            if origin != carrier:
                _silence(indexes, replacements)
                continue
            _glyphs_for_pdfium(indexes, replacements, named)
            replacements[indexes[0]][:0] = inline(poppler_text(text) if rtl else ltr_poppler_text(text))
            replacements[indexes[-1]].append(b"EMC")
        marked.update(objects)
        count += 1
    for line in lines:  # every other object of a line with a cell marked one mark deeper too, as PDFium wants
        if any(show.origin in marked for show in line):
            for origin in dict.fromkeys(show.origin for show in line if show.origin not in marked):
                drawn = [show for show in line if show.origin == origin]
                replacements.setdefault(drawn[0].index, [items[drawn[0].index]])[:0] = [b"/Span BMC"]
                replacements.setdefault(drawn[-1].index, [items[drawn[-1].index]]).append(b"EMC")
    return count


def _cell_text(shows: list[Show], read_line: Callable[[list[Show]], str | None]) -> str:
    """The text of a cell's objects `shows` (in the order drawn), line after line (each read by `read_line`,
    _object_text): each stretch of objects drawn one after another on one baseline (a head row made one cell,
    rows_whole, is drawn a cell at a time: "الأجل" and "التقريبي" of its third cell come before its fourth cell's
    line)."""
    lines = [list(line) for _, line in groupby(shows, key=lambda show: round(show.origin[2], 2))]
    text = ""
    for drawn in lines:
        read = read_line(drawn)
        if read is None:  # a line of text it cannot tell the order of (a Hebrew word): no cell's text at all
            return ""
        own = " ".join(read.split())
        if text.endswith(_HYPHENATION):
            text = text[:-1] + own
        elif (text.endswith("-") and own[:1].isalpha()) or (text.endswith("/") and text[-2:-1].strip() and own[:1]):
            text += own  # and a path or a unit broken after its slash: "/v2/lines/" "{id}/departures" (not "KH₂PO₄ /")
        elif text.endswith("\u2013") and text[-2:-1].isalnum() and own[:1].isalnum():
            text += own  # and a range broken after its dash: "Box 1a–" "1g" (a tax return's boxes)
        elif text[-1:].isascii() and text[-1:].isalnum() and own[:1] in BREAKS_BEFORE and own[1:2].isalnum():
            text += own  # and an address broken before its sign (pdf/addresses.py): "GPL-3.0-or" "-later"
        else:
            text = f"{text} {own}" if text and own else text or own
    return text


def _object_text(
    shows: list[Show],
    laid: dict[Key, Laid],
    page: int,
    runs: Mapping[Key, bool] | None,
    calls: Collection[Key],
    ltr: bool = False,
) -> str | None:
    """The text of objects on one line, in reading order; one of a left-to-right run without Arabic read as drawn,
    and in a left-to-right book (`ltr`) one of neither Arabic nor Latin letters: " /" after "حبر", a line's end, had
    read "/ " and joined the next line's word to it, "حبر/مداد"."""
    origins = {show.origin for show in shows if runs is None or runs.get(position_key(page, *show.origin[1:]), False)}
    called = [show.index for show in shows if position_key(page, *show.origin[1:]) in calls]  # a note's: a space
    if len(called) == len(shows):
        return ""  # (a call alone, raised above its line)
    read = line_text(shows, spanned_objects(shows, laid, page), laid, page, True, called, ltr, origins)
    if runs is None or called or read is None or len(origins) < len({show.origin for show in shows}):
        return read
    # a run's objects, left to right (a stable sort: an object's arrays stay in the order drawn), with their spaces
    # where drawn: "*matlaʿ* / prelude" had read "matlaʿ/ " and the next line's word glued to its slash
    text = _text(sorted(shows, key=lambda show: show.origin[1]))
    same = text.replace(" ", "") == read.replace(" ", "") and "R" not in map(letter_kind, text)
    return text if same and text.strip().count(" ") >= read.strip().count(" ") else read  # (not cells' glued numbers)


def _glyphs_for_pdfium(
    indexes: list[int], replacements: dict[int, list[Any]], named: Callable[[str], bytes], shared: bytes = b""
) -> None:
    """Put each `TJ` of the object carrying poppler's text (its stream `indexes`, their replacements) that no
    /ActualText of its own holds inside an empty named one, its own: PDFium takes the innermost /ActualText and
    reads the glyphs for an empty one, as if there were none, where poppler's would have been innermost. (Or
    inside the named one `shared`, the same for all: PDFium reads its text once.)"""
    spans: list[bool] = []
    for index in indexes:
        out: list[Any] = []
        for item in replacements[index]:
            if _opens(item):
                spans.append(_opens_text(item))
            elif item == b"EMC" and spans:
                spans.pop()
            elif isinstance(item, bytes) and item.endswith(b"TJ") and not any(spans):
                out += [shared or named(""), item, b"EMC"]
                continue
            out.append(item)
        replacements[index] = out


def _runs_for_pdfium(
    objects: dict[tuple[int, float, float], list[Show]],
    runs: Mapping[Key, bool] | None,
    page: int,
    replacements: dict[int, list[Any]],
    named: Callable[[str], bytes],
    cell: str = "",
) -> None:
    """Each line of a cell over lines that is a left-to-right run drawn as two arrays or more ("H₂O", its subscript of
    another font): PDFium, told that the pages read right to left, read their stretches backwards ("O₂H"). They get the
    run's /ActualText as PDFium turns it back (charclass.pdfium_actual_text), a named one innermost on each array.
    A word such a line ends that the next goes on with (an address broken where it may, its text `cell` has no space
    there) is the first line's whole, the next's a space: "https://…/budget" and "-citoyen-2026.aspx" were two words.
    Without `runs`, a left-to-right book's cell (ltrlayer.py), which PDFium reads as drawn: only such words, whose
    hyphen ending a line PDFium had taken for a hyphenation's and dropped ("Profit-" "taking": "Profittaking")."""
    lines: dict[float, list[tuple[int, float, float]]] = {}
    for origin in objects:
        lines.setdefault(round(origin[2], 2), []).append(origin)
    marked: list[tuple[list[int], str]] = []  # each left-to-right line's arrays and text, top to bottom
    for _, origins in sorted(lines.items()):
        origins.sort(key=lambda origin: origin[1])
        # (the brackets around a run are not its: "(Tanger-" "Ville)", a station's name broken at its hyphen)
        bracketed = [origin for origin in origins if _text(objects[origin]).strip() not in _BRACKETS]
        origins = bracketed if bracketed and len(bracketed) < len(origins) else origins
        arrays = [show for origin in origins for show in objects[origin]]
        drawn = _text(arrays)
        indexes = [show.index for show in arrays]
        joined = any(_shown(item) and b"/Span /" in item for i in indexes for item in replacements[i])
        ltr = runs is None or all(runs.get(position_key(page, *origin[1:]), False) for origin in origins)
        rtl = any(unicodedata.bidirectional(char) in ("R", "AL") for char in drawn)
        marked.append((indexes, drawn.strip()) if not (joined or rtl) and ltr else ([], ""))
    texts = [text for _, text in marked]
    unspaced = cell.replace(" ", "")
    for above, below in pairwise(range(len(texts))):
        head = next((n for n in range(above, -1, -1) if texts[n].strip()), above)  # (an address over three lines)
        rest = texts[below].replace("\u00a0", " ").split(" ", 1)  # ("mL/min/" "1.73 m²", a unit's no-break space)
        word = f"{texts[head].rsplit(' ', 1)[-1]}{rest[0]}"  # broken inside a word:
        whole = texts[head].replace(" ", "") + rest[0]  # ("Box 1a–" "1g": the line's last word goes on)
        if texts[head].strip() and texts[below] and whole in unspaced and word in cell:
            texts[head], texts[below] = texts[head] + rest[0], rest[1] if len(rest) > 1 else " "
    for (indexes, drawn), text in zip(marked, texts, strict=True):
        if (len(indexes) > 1 and runs is not None) or (indexes and text != drawn):  # (an array alone as marked, unless)
            # the text layer's own /ActualTexts of the run's arrays go: PDFium took an array marked deeper than the
            # one before for unread, and read the run's text again ("÷ 10.75 h ≈ 7 W" thrice, "Eₖ = ½ m" with its "½")
            _unnamed(indexes, replacements)
            read = text if runs is None else pdfium_actual_text(text)
            _glyphs_for_pdfium(indexes, replacements, named, named(read if text.strip() else " "))


_BRACKETS = frozenset("()[]")


def _text(shows: list[Show]) -> str:
    return "".join(text or "" for show in shows for _, text in show.elements)


def _drawn(show: Show) -> bool:
    return any(text for _, text in show.elements)


def _unnamed(indexes: list[int], replacements: dict[int, list[Any]]) -> None:
    """The objects `indexes` (their replacements) without their named /ActualTexts, their other marks kept."""
    for index in indexes:
        out: list[Any] = []
        dropped: list[bool] = []
        for item in replacements[index]:
            if _opens(item):
                dropped.append(_opens_text(item))
            elif item == b"EMC" and dropped and dropped.pop():
                continue
            if not (_opens(item) and dropped[-1]):
                out.append(item)
        replacements[index] = out


def _silence(indexes: list[int], replacements: dict[int, list[Any]]) -> None:
    """Put each `TJ` of an object (its stream `indexes`, their replacements) outside any marked-content sequence of
    its own, and each such sequence, in an empty inline /ActualText: poppler reads nothing of them, PDFium what it
    read before. One each: PDFium took a `TJ` whose innermost mark was the one before's for read already ("كل 6"
    after a no-break space's own /ActualText, lost)."""
    import pydyf

    depth = 0
    for index in indexes:
        out: list[Any] = []
        for item in replacements[index]:
            opens = _opens(item)  # (the inline ones named by now: _named_only)
            if depth == 0 and item == b"EMC":  # a sequence's end that began before the object: not its own
                out.append(item)
                continue
            if depth == 0 and (opens or _shown(item)):
                out += ["/Span", pydyf.Dictionary({"ActualText": pydyf.String("")}), b"BDC"]
            out.append(item)
            depth += opens - (item == b"EMC")
            if depth == 0 and (item == b"EMC" or _shown(item)):
                out.append(b"EMC")
        replacements[index] = out


def _shown(item: Any) -> bool:
    """Whether `item` is a `TJ`, or one in its marked-content sequence written as one item (a Latin run's arrays of a
    line: "CO₂" in a cell, its arrays each inside its run's /ActualText, had been left unsilenced, read twice)."""
    return isinstance(item, bytes) and (item.endswith(b"TJ") or (item.startswith(b"/Span") and item.endswith(b"EMC")))


def _opens(item: Any) -> bool:
    return isinstance(item, bytes) and item.endswith((b" BDC", b" BMC"))


def _opens_text(item: Any) -> bool:
    """Whether `item` opens a named /ActualText (the cell's inline ones are named by now: _named_only)."""
    return isinstance(item, bytes) and item.startswith((b"/Span /AT", b"/Span /RL")) and item.endswith(b" BDC")


def _named_only(items: list[Any], named: Callable[[str], bytes]) -> list[Any]:
    """`items` with each inline /ActualText (`/Span <<...>> BDC`) made a named one (`/Span /ATn BDC`), which PDFium
    reads as it read the inline one, and poppler ignores."""
    out: list[Any] = []
    for item in items:
        if (
            item == b"BDC"
            and len(out) >= 2
            and out[-2] == "/Span"
            and isinstance(out[-1], dict)
            and "ActualText" in out[-1]
        ):
            text = out[-1]["ActualText"].string
            out[-2:] = [named(text)]
            continue
        out.append(item)
    return out
