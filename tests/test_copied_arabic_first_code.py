"""Inline code whose Arabic comes before its first Latin letter: `"البخلاء" in inventory`, `تقرير_2026.pdf`.

Found in a text the project had never seen (the hundred-and-forty-second batch, a Python tutorial on dictionaries,
in a table's cell and then in running text): PDFium read `"ءالخبلا" in inventory`. Such code is marked as an
address (pdf/addresses.py), and PDFium reads an address's Arabic letters as written wherever they stand; they
were written turned when no Latin letter came before them (pdf/addresstext.pdfium_address). Such code glued to a
prefix (و`df["الكمية"].sum()`, the hundred-and-forty-seventh batch's pandas tutorial) was read by PDFium with a
space after the prefix, "و df[…]": the code's other objects were read as a space each (pdf/textlayer.py)."""

from __future__ import annotations

from pathlib import Path

from conftest import build_article, misread

CODE = [
    'قال ابحث بالشرط `"البخلاء" in inventory` هنا.',
    'قال استعمل `"مرحبا بكم" if ok else "وداعا"` هنا.',
    "قال الملف `تقرير_2026.pdf` هنا.",
    'قال اكتب `print("مرحبا")` ثم `set("العمر", 30)` هنا.',
    'قال اكتب و`df["الكمية"].sum()` هنا.',
    "قال افتح و`ملف.csv` ثم و`csv.ملف` هنا.",
]


def test_both_extractors_read_code_that_begins_with_arabic_as_typed(tmp_path: Path) -> None:
    typed = [line.replace("`", "") for line in CODE]
    assert misread(build_article(tmp_path, "code", CODE), typed) == []
