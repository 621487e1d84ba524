"""Read back as typed: what the hundred-and-fortieth look at texts the project had never seen (the batches of the
hundred-and-thirty-eighth and -ninth) showed an extractor misreading, each then written for its class.

- a page of code that begins with a table: the marks that tip such a page back to right to left for poppler
  (pdf/tipping.py) went on a table row's /ActualText, which cells.py then wrote anew, so poppler read the whole page
  left to right, each line backwards ("-- ملخص … منازل" as "منازل 3 … --"): they go on one that is kept.
- a magnification glued to an Arabic suffix, Kurdish "3×دا" ("in 3×"): the run had no /ActualText of its own, and
  both read it "×3دا" (pdf/tjroles.py: "×" ends a run as "/" and "+" do).
- a line of code without a letter, digits and separators in quotes, `"٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬",`: PDFium read its
  trailing separators first, "٬٫٠١٢…" (pdf/pdfiumline.py: written as a line with Latin letters is).
- inline code of Arabic letters alone, `لا` or `ﻻ` in a text about normalising Arabic: taken for an address that may
  break over lines, its glyphs were found inside an ordinary word and given its text, "السجلات" read "السجالت" by
  PDFium (pdf/addresses.marked_addresses: such code is no address).
- in a left-to-right book, a note's call after an Arabic word and before a Latin one, "ﷺ[^2] dire": poppler read the
  two words as one, "ﷺdire" (pdf/ltrlayer.py: the call's text ends with a LEFT-TO-RIGHT MARK there)."""

from __future__ import annotations

import re
from pathlib import Path

import pypdfium2
from conftest import build_article
from test_copied_beside_runs import _texts

FILLER = "وتشير الأرقام الأولية إلى أن الإقبال على الخدمة الجديدة فاق التوقعات في الأسابيع الأولى من إطلاقها."
TABLE = (
    "| الرمز | المعنى | مثال |\n|---|---|---|\n"
    '| `(?P<name>...)` | مجموعة مسمّاة بالاسم الذي يليها | `m.group("num")` |\n'
    '| `[$€£]` | أي رمز من المجموعة | يطابق "€" في "300 €" |'
)
COMMENT = "-- ملخص حسب العملة؛ الدينار الكويتي = 1000 فلس، لذا نقرّب إلى 3 منازل"
SQL = [
    "CREATE TABLE IF NOT EXISTS payments (",
    "    id        INTEGER PRIMARY KEY,",
    "    amount    REAL    CHECK (amount >= 0),",
    "    currency  TEXT    NOT NULL DEFAULT 'KWD'",
    ");",
    COMMENT,
    "SELECT currency, COUNT(*) AS n",
    "FROM payments GROUP BY currency ORDER BY n DESC;",
    *[f"INSERT INTO payments VALUES ({n}, 'INV-{n:04d}', {n * 7}.5, 'KWD');" for n in range(12)],
]


def test_a_page_of_code_beginning_with_a_table_reads_right_to_left(tmp_path: Path) -> None:
    code = "```sql\n" + "\n".join(SQL) + "\n```"
    pdf = build_article(tmp_path, "sql", [FILLER] * 10 + [TABLE, code])
    pages = [page.get_textpage().get_text_range() for page in pypdfium2.PdfDocument(pdf)]
    assert pages[1].startswith("الرمز المعنى مثال"), pages[1][:80]  # the case: the table opens the page
    for name, read in _texts(pdf).items():
        assert f"{SQL[4]} {COMMENT} {SQL[6]}" in read, (name, read)
        assert "DEFAULT 'KWD' );" in read, (name, read)


def test_a_magnification_glued_to_a_suffix_reads_as_typed(tmp_path: Path) -> None:
    kurdish = "وێنەکان لە 3×دا تیژ و ڕوونن، و تەنانەت لە 10×دا، کە زوومی دیجیتاڵە."
    arabic = "كانت الصورة بالتكبير 3×ها واضحة، وبالتكبير 2×."
    for language, paragraph in (("ckb", kurdish), ("ar", arabic)):
        pdf = build_article(tmp_path / language, "zoom", [paragraph], language=language)
        for name, read in _texts(pdf).items():
            assert paragraph in read, (name, read)


def test_a_line_of_code_without_letters_reads_as_typed(tmp_path: Path) -> None:
    lines = ["DIGITS = str.maketrans(", '    "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬",', '    "٫٬",', '    "١٢٣",', ")"]
    pdf = build_article(tmp_path, "digits", ["جدول التحويل:", "```python\n" + "\n".join(lines) + "\n```"])
    for name, read in _texts(pdf).items():
        assert " ".join(line.strip() for line in lines) in read, (name, read)


def test_a_call_between_an_arabic_and_a_latin_word_keeps_the_space(tmp_path: Path) -> None:
    paragraphs = [
        "J'ai entendu le Messager de Dieu ﷺ[^2] dire : « Les actes ne valent que par les intentions. »",
        "Le mot نية[^1] vient ici, et le mot *niyya*[^1] aussi.",
        "[^1]: Intention.",
        "[^2]: Formule de bénédiction.",
    ]
    pdf = build_article(tmp_path, "call", paragraphs, language="fr")
    for name, read in _texts(pdf).items():
        read = re.sub("صلى الله عليه وسلم", "ﷺ", read)  # (PDFium decomposes the ligature whatever the text says)
        for words in ("Dieu ﷺ dire :", "Le mot نية vient ici", "le mot niyya aussi"):
            assert words in read, (name, words, read)


def test_inline_code_of_arabic_letters_leaves_other_words_alone(tmp_path: Path) -> None:
    paragraphs = ["فلا حاجة إلى مراجعة السجلات والاسم هنا.", "الشكل `ﻻ` يصبح `لا` بعد التطبيع، والحرف `ة` كذلك."]
    pdf = build_article(tmp_path, "letters", paragraphs)
    for name, read in _texts(pdf).items():
        read = read.replace("\ufefb", "لا")  # (PDFium gives the presentation form's letters whatever the text says)
        assert paragraphs[0] in read, (name, read)
        assert "الشكل لا يصبح لا بعد التطبيع، والحرف ة كذلك." in read, (name, read)
