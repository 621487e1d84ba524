"""A table as the layout set it: its rows, the text boxes of a cell, and which tables poppler is to read row by row.

pdf/cells.py writes the text of each cell that runs over lines on its first line for poppler (its docstring says how
poppler reads a page's blocks). A row is made one cell where poppler could not line the table's columns up
(`rows_whole`).
"""

from __future__ import annotations

from typing import Any

from ..typeset.bidi import BIDI_CONTROL as _BIDI
from ..typeset.bidi import LRI, PDI
from .charclass import letter_kind
from .clusters import ARABIC


def _aligned_apart(table: Any) -> bool:
    """Whether a table sets two neighbouring columns apart, one to the start and one centred ("| :--- | :---: |"):
    poppler finds a table where two neighbouring columns' cells are aligned alike down a row or two (TextOutputDev's
    coalesce), so not across such columns; it read a head's first cell after the others, and rows column by column
    ("فيتامين B12 200–900 pg/mL ضغط الدم < 120/80 mmHg"). Each row made one cell, its text on its first cell, the rows
    read in order."""
    return len(set(_alignments(table))) > 1


def _wrapped_off_start(table: Any) -> bool:
    """Whether a table whose columns are not all aligned to the start (ended or centred, "| :--- |" in a right-to-left
    table) has a cell that runs over lines: poppler lines a column's cells up by their first lines, which start apart
    in such a column, and read a head and the rows below it column by column ("البند ساعات الموقع الأثري التفاصيل"),
    a table or a page's part of one."""
    start = "right" if table.style["direction"] == "rtl" else "left"
    if set(_alignments(table)) <= {start}:
        return False
    return any(over_lines(text_boxes(cell)) for row in table_rows(table) for cell in row.children)


def _alignments(table: Any) -> list[str]:
    """The sides ("left", "right", "center") the cells of a table's first row are aligned to."""
    rows = table_rows(table)
    start, end = ("right", "left") if table.style["direction"] == "rtl" else ("left", "right")
    sides = {"start": start, "end": end, "justify": start}
    return (
        [sides.get(cell.style["text_align_all"], cell.style["text_align_all"]) for cell in rows[0].children]
        if rows
        else []
    )


def rows_whole(table: Any) -> bool:
    """Whether each row of a table is to be read as one cell (below): where poppler could not line its columns up
    (`_aligned_apart`, `_wrapped_off_start`, `_holed`), or a left-to-right book's table holding Arabic (its cells' lines
    read apart: "إنما innamā" lost). Only where the text layer can tell the order of every line: no right-to-left letter
    but Arabic's (a Hebrew cell's line it reads as drawn, and a row of "שדרות سديروت جادّة" had come out as its last
    line alone). (Not a right-to-left table whose head runs over lines, which poppler may read out of order, "الرسم
    السنوي المساحة القصوى": there two cells' runs side by side were read as one, "4.20bn-0.7%".)"""
    shown = "".join(text.text for text in text_boxes(table))
    if any(char.isalpha() and letter_kind(char) == "R" and not ARABIC.match(char) for char in shown):
        return False
    ltr_arabic = table.style["direction"] == "ltr" and bool(ARABIC.search(shown))
    return _aligned_apart(table) or _wrapped_off_start(table) or _holed(table) or ltr_arabic


def _holed(table: Any) -> bool:
    """Whether a table has an empty cell: poppler, finding no cell there to line up with the others of its column,
    read the column apart, after the rest of the table ("… نمک به مقدار لازم توضیح به‌علاوهٔ ۲ قاشق", the third
    column's head and its one cell in a recipe's table of ingredients)."""
    return any(
        not "".join(text.text for text in text_boxes(cell)).strip()
        for row in table_rows(table)
        for cell in row.children
    )


def table_rows(table: Any) -> list[Any]:
    """A table box's rows, its head's first."""
    return [row for group in table.children for row in getattr(group, "children", None) or ()]


def text_boxes(box: Any) -> list[Any]:
    """The text boxes inside `box`, in order."""
    from weasyprint.formatting_structure.boxes import TextBox

    def inside(box: Any) -> list[Any]:
        return (
            [box]
            if isinstance(box, TextBox)
            else [t for child in getattr(box, "children", None) or () for t in inside(child)]
        )

    return inside(box)


def over_lines(inside: list[Any]) -> bool:
    """Whether a cell's text boxes `inside` are set on more than one baseline."""
    return len({round(text.position_y + text.baseline, 1) for text in inside}) > 1


def letter_spaced(inside: list[Any]) -> bool:
    """Whether a cell's text is words of one character each ("F = m × a", "ق = ك × ت"): poppler, taking a line of such
    words, evenly spaced, for a word set letter-spaced, read it without its spaces ("F=m×a"); the cell's own text on its
    line is one word to it."""
    words = "".join(text.text for text in inside).split()
    return len(words) > 1 and all(len(_BIDI.sub("", word)) == 1 for word in words)


def holds_ltr_run(text: Any) -> bool:
    """Whether a cell's text box holds a left-to-right run: its own direction, an isolate's or an embedding's."""
    return text.style["direction"] == "ltr" or any(char in text.text for char in (LRI, PDI, "\u202a", "\u202d"))
