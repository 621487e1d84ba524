"""Read back as typed: what the hundred-and-forty-first batch of texts the project had never seen showed an extractor
misreading, each then written for its class.

- an English or French book's note written in Arabic ("[^2]: ابن سناء الملك، …"): its line, an Arabic paragraph's,
  is read whole, and its marker "(1)", set left to right, came into the text reversed and glued: ")1(ابن" by both
  (pdf/ltrlayer._read_whole: the marker first, as typed, a space from the text).
- such a book's table cell of two Arabic words and a slash, "حبر / مداد", broken after the slash: poppler read
  "حبر/مداد" (pdf/cells.py: in a left-to-right book the " /" ending the line reads as drawn).
- curly quotes typed in Arabic, "بـ“البرنامج الموازي”", "‘نص’": PDFium mirrors them, as it does brackets, and read
  "بـ”البرنامج الموازي“" (pdf/charclass.BRACKETS: their /ActualText for PDFium holds the mirror image).
- in a left-to-right book, every bracket after an Arabic paragraph's "(رحمه الله)" read turned, ")may God have
  mercy on him(": the glyph's map was the one of its first, mirrored, use (pdf/tounicode.py: the bracket it draws).
- a list item whose line holds a relation drawn in another font alone between two runs ("ΔL ≈ ۸٫۶۴×۱۰⁻³ m"): the
  line sits a point lower than its marker, which WeasyPrint draws last on the page, where PDFium read "۲."
  (pdf/readingorder.py: a marker joins its line within a tenth of an em)."""

from __future__ import annotations

from pathlib import Path

from conftest import build_article
from test_copied_beside_runs import _texts


def test_a_note_in_arabic_in_a_left_to_right_book_reads_its_marker_first(tmp_path: Path) -> None:
    paragraphs = [
        "The muwashshah[^1] was codified later, and the zajal[^2] too.",
        "[^1]: ابن سناء الملك، دار الطراز في عمل الموشحات، دمشق، 1949.",
        "[^2]: Ibn Quzman, the master of the zajal.",
    ]
    for language in ("en", "fr"):
        pdf = build_article(tmp_path / language, "notes", paragraphs, language=language)
        for name, read in _texts(pdf).items():
            assert "(1) ابن سناء الملك، دار الطراز" in read, (name, read)


def test_an_arabic_cell_broken_after_a_slash_keeps_its_spaces(tmp_path: Path) -> None:
    table = (
        "| Outil | Nom arabe | Prix indicatif | Remarque |\n|---|---|---|---|\n"
        "| Calames en roseau (lot de 5) | أقلام قصب | 18 € | à tailler soi-même |\n"
        "| Encre (flacon de 60 ml) | حبر / مداد | 9 € | |\n"
        "| Papier āhār, format A4, 120 g/m² | ورق مقهّر | 2,50 € la feuille | s'abîme à l'humidité |"
    )
    pdf = build_article(tmp_path, "tools", ["Le budget :", table], language="fr")
    for name, read in _texts(pdf).items():
        assert "Encre (flacon de 60 ml) حبر / مداد 9 €" in read, (name, read)


def test_a_list_marker_is_read_with_its_line_set_lower(tmp_path: Path) -> None:
    items = "1. نتیجه ساده است.\n2. نتیجه: ΔL ≈ ۸٫۶۴×۱۰⁻³ m، یعنی حدود ۸٫۶ میلی‌متر!\n3. پایان."
    pdf = build_article(tmp_path, "items", ["فهرست:", items], language="fa")
    for name, read in _texts(pdf).items():
        assert "۲. نتیجه: ΔL ≈ ۸٫۶۴×۱۰⁻³ m، یعنی" in read, (name, read)


def test_curly_quotes_typed_in_arabic_read_as_typed(tmp_path: Path) -> None:
    paragraphs = [
        "تعلن الجامعة عن فتح باب الالتحاق بـ“البرنامج الموازي” لدرجة البكالوريوس.",
        "قال ‘نص’، ثم “نص آخر”، وكتاب l’encre “noire” و(“نص”) هنا.",
        "قال: “This is ‘nested’ text” ثم مضى.",
    ]
    pdf = build_article(tmp_path, "quotes", paragraphs, language="ar-JO")
    for name, read in _texts(pdf).items():
        for paragraph in paragraphs:
            assert paragraph.replace("ـ", "") in read.replace("ـ", ""), (name, paragraph, read)


def test_brackets_of_a_left_to_right_book_read_as_typed_after_an_arabic_paragraph(tmp_path: Path) -> None:
    paragraphs = [
        "قال الشاعر (رحمه الله) في ديوانه [الجزء الأول] كلاما جميلا.",
        "The poet (may God have mercy on him) said [this] beautifully, and the phrase (رحمه الله) follows.",
    ]
    for language in ("en", "fr"):
        pdf = build_article(tmp_path / language, "brackets", paragraphs, language=language)
        for name, read in _texts(pdf).items():
            for paragraph in paragraphs:
                assert paragraph in read, (name, paragraph, read)
