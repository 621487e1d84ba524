"""An Arabic unit with a power ("م²", "سم³", "م/ث²") stays one with its power, on the page and in the text copied.

Found in a text the project had never seen (a Sousse building-permit guide, the hundred-and-fourth batch): in a fee
table's "120 م² × 1.5 = 180 د.ت" the power began the left-to-right run "² × 1.5 = 180", drawn at its far end, away
from its "م" (typeset/bidi.py keeps a power glued to an Arabic letter out of any run now). Then the text layer took the
power for a Latin run's digit: PDFium read the space after it beyond "×" ("م²×", the power's marks: lineroles.py), the
run "1.5 = 180" went on to it and to the "م" before it as a prefix ("م1.5 = 180 × ²", sharedruns.unit_power), poppler
read "180 × ²" as one stretch (the spaces beside the operator end the run now); and in a cell read whole, an array of
signs alone (" ×") was read as drawn, left to right (marks.line_text)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from conftest import MARKS, build_article, build_drawn, misread
from test_typeset_pages import visual_lines

TYPED = [
    "قال يحسب المعلوم هكذا: 120 م² × 1.5 = 180 د.ت للمسكن.",
    "قال إن مساحة الشقة 120 م² وثمن المتر 1.5 د.ت فقط.",
    "قال إن الحجم 3 سم³ والمساحة ٤٥ كم² تقريبا.",
    "قال إن التسارع 9.8 م/ث² عند السطح.",
    "قال إن المعادلة E = mc² صحيحة دائما.",
    "قال إن الكلفة 4 × 250 م² × 3 = 3000 د.ت كاملة.",
]


def test_both_extractors_read_an_arabic_unit_and_its_power_as_typed(tmp_path: Path) -> None:
    assert misread(build_article(tmp_path, "powers", TYPED), TYPED) == []


def test_an_arabic_units_power_is_drawn_beside_it(tmp_path: Path) -> None:
    """As drawn (no text layer), left to right: the power just left of its letter, the operator left of it; a Latin
    power stays in its run ("mc²")."""
    build_article(tmp_path, "powers", TYPED)
    drawn = "\n".join(visual_lines(build_drawn(tmp_path, dist=tmp_path / "unmarked") / "powers.pdf"))
    assert drawn.count("× ²م") == 2 and "²×" not in drawn and drawn.count("²م\xa0120") == 2, drawn
    assert "mc²" in drawn and drawn.count("³مس") == 1 and drawn.count("²مك") == 1, drawn


def test_a_cells_line_ending_in_an_operator_reads_in_order(tmp_path: Path) -> None:
    """A table's cell over lines, one ending in "×" ("١ g ×" then "١٢ حبة", a Sidon pharmacy's list): poppler read
    "g×", the array " ×" as drawn."""
    rows = [
        "| الدواء | العيار والعبوة | السعر بالدولار | السعر بالليرة | الفئة |",
        "|---|---|---|---|---|",
        "| Amoxicillin (أموكسيسيلين) | ١ g × ١٢ حبة | ٤٫٢٠ $ | ٣٧٥٬٩٠٠ ل.ل | بوصفة طبية |",
        "| Omeprazole (أوميبرازول) | ٢٠ mg × ٢٨ كبسولة | ٥٫٦٠ $ | ٥٠١٬٢٠٠ ل.ل | بوصفة طبية |",
    ]
    pdf = build_article(tmp_path, "cells", ["\n".join(rows)])
    poppler = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "g×" not in MARKS.sub("", poppler) and "١ g × ١٢ حبة" in MARKS.sub("", poppler), poppler
