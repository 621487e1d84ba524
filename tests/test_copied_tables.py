"""A table whose rows hold no Arabic letter, under an Arabic header, copies row by row in order from both extractors.

Found in a text the project had never seen (a Moroccan exchange board, "| EUR/MAD | 10.74 | +0.3% |"): each of its
rows, every cell a left-to-right isolate, was taken for one line of isolates and read whole, left to right
(pdf/wholeline.isolates_only, meant for the last line of inline code broken over lines); its /ActualText spanned the
row's cells, and poppler, taking the row for one wide block, read the header's cells out of order ("الزوج التغير
السعر"). Such a line is read whole only when its objects abut now, as running text's do; table cells are apart. Read
as a row of cells now, right to left, a cell's run in several arrays ("DXB → LAX", its arrow in another font) gets its
/ActualText, and one where a cell ends has a space after it there: PDFium read a cell glued to the one before it
("EK 201DXB", "الأولىDXB", this last on rows with Arabic cells too)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pypdfium2
from conftest import MARKS, build_article

TABLES = [
    [["الزوج", "السعر", "التغير"], ["EUR/MAD", "10.74", "+0.3%"], ["USD/MAD", "9.87", "-0.2%"]],
    [["الشركة", "الرمز", "السعر"], ["Apple", "AAPL", "195.2"], ["Microsoft", "MSFT", "410.5"]],
    [["المؤشر", "القيمة"], ["10.74", "9.87"], ["12.1", "8.5"]],
    [["البند", "الإصدار", "الأمر"], ["Python", "3.12", "pip install -U pip"], ["Node.js", "20.11", "npm ci"]],
    [["الرحلة", "الوجهة", "الإقلاع"], ["الأولى", "DXB → JFK", "08:30"], ["EK 215", "DXB → LAX", "09:05"]],
    [["الرحلة", "الوجهة"], ["EK 216", "LAX → DXB"], ["QR 1053", "DOH → MAN"]],
    # a currency sign a space before its number, a table's next cell beside it (an Urdu market report): poppler read
    # "1,185 ₨" where the cell on its right was Arabic (pdf/lineroles.py)
    [
        ["السلعة", "الماضي", "الحالي", "التغير"],
        ["الدقيق", "₨ 1,185", "₨ 1,200", "+1.3%"],
        ["السكر", "₨ ۱۶۲", "$ 160", "-1.2%"],
    ],
    # a price in Arabic-Indic digits, its currency sign typed after it, the cell on its left ending in digits (a Sidon
    # pharmacy's list): both read "$ ١٫٨٥", the digits of the cell before taken for the run the sign ended
    # (pdf/lineroles.py: a cell begins as a line's end does)
    [
        ["الدواء", "بالدولار", "بالليرة"],
        ["باراسيتامول", "١٫٨٥ $", "١٦٥٬٥٧٥ ل.ل"],
        ["ميتفورمين", "٣٫١٠ €", "٢٧٧٬٤٥٠"],
        ["أموكسيسيلين", "٤٠ ₪", "٣٧٥٬٩٠٠ ل.ل"],
    ],
]


def _markdown(table: list[list[str]]) -> str:
    rows = [table[0], ["---"] * len(table[0]), *table[1:]]
    return "\n".join("| " + " | ".join(row) + " |" for row in rows)


def test_both_extractors_read_a_table_of_latin_rows_in_order(tmp_path: Path) -> None:
    pdf = build_article(
        tmp_path, "tables", [f"جدول رقم {n}:\n\n{_markdown(t)}" for n, t in enumerate(TABLES)], page="A4"
    )
    typed = [word for table in TABLES for row in table for cell in row for word in cell.split()]
    poppler = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pdfium = "\n".join(page.get_textpage().get_text_range() for page in pypdfium2.PdfDocument(pdf))
    for text in (poppler, pdfium):
        read = [word for word in MARKS.sub("", text).split() if word in typed]
        assert read == typed


# cells that run over lines, in columns aligned to the end or centred (a Lebanese day guide's "| :--- |"): poppler
# lines a column's cells up by their first lines, which start apart there, and read a head and the rows below it column
# by column, "البند ساعات الموقع الأثري التفاصيل" (tablecells._wrapped_off_start: each row made one cell)
WRAPPED = [
    ["البند", "التفاصيل", "ملاحظات"],
    ["ساعات الموقع الأثري والقلعة القديمة", "من 08:30 صباحا حتى قبيل الغروب بقليل", "تتغير المواعيد بين الصيف والشتاء"],
    ["رسم الدخول إلى الموقع الأثري", "يُدفع نقدًا عند المدخل الرئيسي للقلعة", "تخفيضات للطلاب والمتقاعدين والأطفال"],
    ["الميزانية التقريبية ليوم كامل", "40–60 $ للشخص الواحد في اليوم", "تشمل النقل والغداء والقهوة"],
]


def test_both_extractors_read_wrapped_cells_of_columns_not_aligned_to_the_start(tmp_path: Path) -> None:
    typed = [word for row in WRAPPED for cell in row for word in cell.split()]
    for number, align in enumerate((":---", ":---:", "---:")):
        rows = [WRAPPED[0], [align] * 3, *WRAPPED[1:]]
        table = "\n".join("| " + " | ".join(row) + " |" for row in rows)
        pdf = build_article(tmp_path / str(number), "cells", ["## معلومات عملية", table], page="A6")  # cells wrap
        poppler = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        pdfium = "\n".join(page.get_textpage().get_text_range() for page in pypdfium2.PdfDocument(pdf))
        for text in (poppler, pdfium):
            read = [word for word in MARKS.sub("", text).split() if word in typed]
            assert read == typed, (align, " ".join(read))


# a price typed with its currency sign after the number, in a cell that runs over lines (a Beirut festival's programme,
# the hundred-and-sixty-fifth batch): poppler's text of the cell reversed the sign apart from its number, "($1,000)"
# (popplerwords.poppler_text keeps the sign with the number)
PRICES = [
    ["الوقت", "الفقرة"],
    ["18:30", "حفل الختام وإعلان الفائز بجائزة المهرجان للشعراء الشباب (1,000$)"],
    ["19:30", "أمسية موسيقية في الساحة القديمة مع فرقة محلية، والتذكرة 250€ للشخص"],
    ["20:30", "عشاء في المطعم المطل على البحر بكلفة تقريبية تبلغ ٣٠٠$ للطاولة"],
]


def test_both_extractors_read_a_price_typed_after_its_number_in_a_cell_over_lines(tmp_path: Path) -> None:
    typed = [word for row in PRICES for cell in row for word in cell.split()]
    pdf = build_article(tmp_path, "prices", ["## البرنامج", _markdown(PRICES)], page="A6")
    poppler = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pdfium = "\n".join(page.get_textpage().get_text_range() for page in pypdfium2.PdfDocument(pdf))
    for text in (poppler, pdfium):
        read = [word for word in MARKS.sub("", text).split() if word in typed]
        assert read == typed, " ".join(read)
