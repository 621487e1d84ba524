"""An address or code broken over the lines of a table's cell reads as one word in both extractors.

Found in a text the project had never seen (the hundred-and-forty-second batch, a Python tutorial's table of
dictionary methods: `list(inventory.items())[0]` broken after "inventory"), then tried with URLs in a table of
sources. Poppler read nothing of a URL in a cell: the cell's text went on its first line's first array, which was
empty (an address's box opens with one), and poppler reads no /ActualText without a glyph drawn (pdf/cells.py: the
first array that draws). PDFium read each line of the cell apart, "https://…/budget -citoyen-2026.aspx": a word a line
ends that the next goes on with now goes whole on the first line (pdf/cells._runs_for_pdfium)."""

from __future__ import annotations

from pathlib import Path

from conftest import build_article
from test_copied_beside_runs import _texts

SOURCES = (
    "| المصدر | الرابط | ملاحظة |\n|---|---|---|\n"
    "| وزارة المالية | https://www.finances.gov.ma/ar/Pages/budget-citoyen-2026.aspx | محدث |\n"
    "| البنك الدولي | https://data.worldbank.org/indicator/NY.GDP.MKTP.CD?locations=MA | سنوي |\n"
    "| الأرشيف | https://archive.example.org/collections/manuscripts/arabic/2026/catalogue-complet.pdf | ثلاثة أسطر |"
)
METHODS = (
    "| الدالة أو التابع | الوظيفة | مثال | الناتج |\n|---|---|---|---|\n"
    '| `k in d` | فحص وجود المفتاح | `"البخلاء" in inventory` | `True` |\n'
    "| `d.items()` | أزواج المفتاح والقيمة | `list(inventory.items())[0]` | `('مقدمة ابن خلدون', 5)` |\n"
    "| `d.values()` | القيم | `sum(inventory.values())` | `21` |"
)


def test_urls_broken_in_cells_read_whole(tmp_path: Path) -> None:
    pdf = build_article(tmp_path, "sources", ["المصادر:", SOURCES])
    for name, read in _texts(pdf).items():
        for typed in (
            "https://www.finances.gov.ma/ar/Pages/budget-citoyen-2026.aspx",
            "https://data.worldbank.org/indicator/NY.GDP.MKTP.CD?locations=MA",
            "https://archive.example.org/collections/manuscripts/arabic/2026/catalogue-complet.pdf",
        ):
            assert typed in read.split(), (name, typed, read)


def test_code_broken_in_cells_reads_whole(tmp_path: Path) -> None:
    pdf = build_article(tmp_path, "methods", ["التوابع:", METHODS], page="letter")
    for name, read in _texts(pdf).items():
        for typed in ("list(inventory.items())[0]", '"البخلاء" in inventory', "sum(inventory.values())"):
            assert typed in read, (name, typed, read)


# a contract's signatures: a table with an empty head cell, each row read as one cell (pdf/cells.py), its e-mail
# addresses broken before "@" (two pieces) and before ".com.kw" (three)
PARTIES = (
    "| | الطرف الأول (المؤجر) | الطرف الثاني (المستأجر) |\n|---|---|---|\n"
    "| الاسم | عبدالرحمن يوسف الصقر | مازن خليل داود |\n"
    "| البريد الإلكتروني المعتمد | a.alsaqer@example.com.kw | mazen.dawood@example.com |\n"
    "| البريد الاحتياطي | ahmed@example.com | info.desk@press.example.com |"
)


def test_addresses_broken_in_the_cells_of_one_row_read_whole(tmp_path: Path) -> None:
    """The hundred-and-fifty-ninth batch's lease: a row is drawn a cell at a time, so the first piece of the first
    cell's address was set aside when the second cell's began, and forgotten; the second then took the first's rest,
    and PDFium read "a.alsaqer" and "mazen.dawood @example.com" (addresspieces: every address set aside is kept)."""
    pdf = build_article(tmp_path, "parties", ["التوقيعات:", PARTIES], page="B5", language="ar-KW")
    for name, read in _texts(pdf).items():
        for typed in (
            "a.alsaqer@example.com.kw",
            "mazen.dawood@example.com",
            "ahmed@example.com",
            "info.desk@press.example.com",
        ):
            assert read.split().count(typed) == 1, (name, typed, read)
