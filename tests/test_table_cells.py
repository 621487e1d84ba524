"""Tables whose cells run over lines: set as a book sets them, and read back cell by cell, row by row.

A cell that runs over lines starts on its row's first baseline, beside its neighbours, and a row is not cut
across pages (templates/pdf/book.css); poppler, which took each line of such a cell for a block of its own and
read a table's columns, or its rows' first lines, before the rest, gets each cell's text on its first line, and
PDFium reads the cells as before (pdf/cells.py). The fixtures (glossary-table, table-code, souq-table, dose-table,
verse-glossary, en-table, fa-table, ur-table, hijri-table, cells-inline, narrow-columns) hold the floors; here, tables
made for each case, the machinery on its own, and what the page looks like.
"""

from __future__ import annotations

import random
import sys

import pydyf
import pypdfium2
import pytest
from conftest import REPO, SEED, build_article

sys.path.insert(0, str(REPO / "benchmarks"))
from text_fidelity import body_boxes, pdfium_words, poppler_words, words

from publisher.pdf.cells import _glyphs_for_pdfium, _named_only, _silence, split_apart
from publisher.pdf.pagetext import Show

# cells of Arabic prose (the seed's words), Latin, numbers and signs, of one word to a few lines
PROSE = "the cell runs over several lines when its column is narrow and its text is long enough to wrap"
LATIN = PROSE.split()
NUMBERS = ["12,5", "−2.5%", "+4,1 %", "1 250", "2026-12-01", "٣٬٧٥٠", "٢٫٥٪", "10–15 mg"]


def _cell(rng: random.Random, arabic: list[str]) -> str:
    kind = rng.choice(["arabic", "arabic", "latin", "mixed", "number"])
    if kind == "number":
        return rng.choice(NUMBERS)
    if kind == "latin":
        start = rng.randrange(len(LATIN) - 12)
        return " ".join(LATIN[start : start + rng.randint(1, 12)])
    start = rng.randrange(len(arabic) - 20)
    text = " ".join(arabic[start : start + rng.randint(1, 18)])
    return f"{text} {rng.choice(LATIN)} {rng.choice(NUMBERS)}" if kind == "mixed" else text


def _table(rng: random.Random, columns: int, rows: int) -> tuple[str, list[list[str]]]:
    seed = next((REPO / "source" / SEED).glob("*.txt")).read_text(encoding="utf-8")
    arabic = [word.strip("،.:؛«»") for word in seed.split() if word.strip("،.:؛«»")]
    cells = [[_cell(rng, arabic) for _ in range(columns)] for _ in range(rows)]
    head = [f"العمود {n + 1}" for n in range(columns)]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * columns]
    lines += ["| " + " | ".join(row) + " |" for row in cells]
    return "\n".join(lines), [head, *cells]


def _read(pdf, reader: str) -> list[str]:
    """The words an extractor reads in the body of the pages (running heads and folios cropped, as the benchmark
    crops them)."""
    pages = range(len(pypdfium2.PdfDocument(str(pdf))))
    return (poppler_words if reader == "poppler" else pdfium_words)(pdf, pages, body_boxes(pdf, pages))


@pytest.mark.parametrize("seed, columns, page", [(1, 3, "A5"), (2, 4, "A5"), (3, 5, "A4"), (4, 2, "A6")])
def test_each_cell_reads_whole_and_the_rows_in_order(tmp_path, seed: int, columns: int, page: str) -> None:
    """Random tables of prose, Latin and numbers, cells of one word to several lines: both extractors read every
    cell's words together, the cells of a row in order and the rows in order (poppler read a column, or the first
    lines of a row, before the rest)."""
    table, rows = _table(random.Random(seed), columns, 4)
    pdf = build_article(tmp_path, "table", ["جدول:", table, "انتهى."], page=page)
    expected = [word for row in rows for cell in row for word in words(cell)]
    header = expected[: 2 * columns]
    for reader in ("pdfium", "poppler"):
        found = _read(pdf, reader)
        start = found.index(expected[0])  # the table's first word, after the title, the byline and "جدول:"
        found = found[:start] + header + _without(found[start + len(header) :], header)  # repeated on a new page
        assert found[start : start + len(expected)] == expected, reader


def _without(found: list[str], header: list[str]) -> list[str]:
    """`found` without the copies of a table's header WeasyPrint draws atop each page the table runs on to."""
    out: list[str] = []
    for word in found:
        out.append(word)
        if out[-len(header) :] == header:
            del out[-len(header) :]
    return out


def test_a_cell_starts_on_its_rows_first_baseline(tmp_path) -> None:
    """A runover cell's neighbours are set on its first line (the Chicago Manual's rule), not centred in the row:
    the first characters of a row's cells share a baseline (PDFium's character boxes)."""
    table = "| المصطلح | الشرح |\n|---|---|\n| خوارزمية | " + "سلسلة من الخطوات المحددة لحل مسألة " * 4 + "|"
    pdf = build_article(tmp_path, "baseline", [table])
    page = pypdfium2.PdfDocument(str(pdf))[0].get_textpage()
    text = page.get_text_range()
    # a character's box from its font's ascent and descent, (left, bottom, right, top): one bottom, one baseline
    bottoms = [page.get_charbox(text.index(word), loose=True)[1] for word in ("خوارزمية", "سلسلة")]
    assert abs(bottoms[0] - bottoms[1]) < 0.5, bottoms


def test_a_row_moves_whole_to_the_next_page(tmp_path) -> None:
    """No row is cut across pages: each row's cells are all on one page, under the header repeated there."""
    long = "نص طويل يمتد على أسطر كثيرة في هذه الخلية " * 6
    rows = [f"| الصف {n} | {long} الصف {n} |" for n in range(1, 7)]
    pdf = build_article(tmp_path, "rows", ["| العنوان | النص |\n|---|---|\n" + "\n".join(rows)], page="A6")
    pages = [page.get_textpage().get_text_range() for page in pypdfium2.PdfDocument(str(pdf))]
    assert len(pages) > 2
    for n in range(1, 7):
        holding = [number for number, text in enumerate(pages) if f"الصف {n}" in text or f"{n} الصف" in text]
        assert len(holding) == 1, (n, holding)  # both its cells, which name the row, on the same page


def _show(index: int, block: int, y: float) -> Show:
    return Show(index, None, [(b"<01>", "x")], origin=(block, 10.0 * index, y))


def test_a_line_drawn_among_a_rows_cells_is_cut_where_another_lines_objects_come_between() -> None:
    """A row's first line is drawn a cell at a time, each cell's next lines after it: the line is cut there, so
    that objects that share a line's /ActualText are drawn one after another (PDFium read a row once per cell)."""
    first = [_show(1, 1, 5.0), _show(2, 2, 5.0), _show(4, 4, 5.0), _show(5, 5, 5.0)]  # cells 1–2, then 3 and 4
    second = [_show(3, 3, 9.0)]  # cell 2's second line, drawn between
    alone = [_show(6, 6, 20.0), _show(7, 7, 20.0)]  # a line of no cell
    cells = {(0, 10.0 * n, y): 1 for n, y in ((1, 5.0), (2, 5.0), (3, 9.0), (4, 5.0), (5, 5.0))}
    split = split_apart([first, second, alone], cells, 0)
    assert [[show.index for show in line] for line in split] == [[1, 2], [4, 5], [3], [6, 7]]
    assert split_apart([first, second, alone], {}, 0) == [first, second, alone]  # no cell: as read


def _balanced(items: list) -> bool:
    depth = 0
    for item in items:
        depth += (isinstance(item, bytes) and item.endswith((b"BDC", b"BMC"))) - (item == b"EMC")
        if depth < 0:
            return False
    return depth == 0


def test_a_cells_marks_are_named_and_each_array_of_a_silent_object_has_its_own() -> None:
    """The cell's inline /ActualTexts become named ones (PDFium reads them, poppler does not); each array of an
    object poppler is not to read gets its own empty inline one, and the object carrying poppler's text an empty
    named one on each array no /ActualText of its own holds (PDFium then reads its glyphs)."""
    names: list[str] = []

    def named(text: str) -> bytes:
        names.append(text)
        return f"/Span /AT{len(names)} BDC".encode()

    inline = ["/Span", pydyf.Dictionary({"ActualText": pydyf.String(" \u200f")}), b"BDC"]
    items = [b"[<01>] TJ", *inline, b"[<02>] TJ", b"EMC", b"[<03>] TJ"]
    converted = _named_only(items, named)
    assert converted == [b"[<01>] TJ", b"/Span /AT1 BDC", b"[<02>] TJ", b"EMC", b"[<03>] TJ"]
    assert names == [" \u200f"]
    silent = {7: list(converted)}
    _silence([7], silent)
    assert _balanced(silent[7])
    openings = [n for n, item in enumerate(silent[7]) if isinstance(item, pydyf.Dictionary)]
    assert len(openings) == 3 and all(silent[7][n]["ActualText"].string == "" for n in openings)  # one each
    carried = {7: list(converted)}
    _glyphs_for_pdfium([7], carried, named)
    assert _balanced(carried[7])
    assert carried[7].count(b"[<02>] TJ") == 1 and names[1:] == ["", ""]  # <01> and <03>, not the named one's
    assert carried[7][carried[7].index(b"[<02>] TJ") - 1] == b"/Span /AT1 BDC"
