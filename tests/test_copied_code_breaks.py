"""Read back as typed: what the hundred-and-thirty-first and -second batches of texts the project had never seen
showed an extractor misreading, or the page drawing out of order, each then written for its class.

- inline code longer than a line at the end of an Arabic sentence, `names.filter((name) => name !== "")`, broken:
  at its "." (pdf/addresses.py lets code break there, as an address), the sentence's full stop drawn against the
  rest's left end, "..filter((name)": the text layer took both dots for stops, and both extractors read "names" and
  ".filter((name)" as two words (pdf/addresspieces.py: each count of stops is tried, the edge that ends the address
  taken first, the words of the run after its last piece read with it); drawn whole before a break at a space,
  "names.filter((name)" was taken for the first piece of itself, the ")" ending the code for its rest; broken after
  "!" of "!==" (a page fault: pdf/addresses.py now joins a word of code after "!" and "?" as after a hyphen); and
  broken before "=>", its rest beginning the next line with a sign, whose sentence's stop poppler read first
  (pdf/textlayer.py: a RIGHT-TO-LEFT MARK before such a run).
- a power written with a caret, "[H+] = 10^-7 mol/L" (a chemistry lesson): "^" ended the run and "-7" began one of
  its own, and the page drew "-7 mol/L^[H+] = 10" (typeset/bidi.INSIDE).
- a power of a bracket, "E = 10^-3 × (3×10^8)^2 = 9×10^13 J" (a physics lesson): the run ended at ")" and the page
  drew "2 = 9×10^13 J^E = 10^-3 × (3×10^8)"; "(a+b)^2" after an Arabic word, "2^)a+b)" (typeset/bidi.py: a sign after
  a closing bracket goes on with the run, and a bracket may open a word a sign goes on from).
- one operator of code alone, "`=`، `>`، `<`" (a Persian SQL lesson): PDFium read "=،> ،<"
  (pdf/charclass.pdfium_actual_text: between LEFT-TO-RIGHT MARKs, as two signs and more were).
- a table cell holding a number and a vocalised word, "6–24 شهراً": poppler read "6–24شهراً", the no-break space
  before the word's /ActualText taken into the number's stretch (pdf/popplerwords.poppler_text)."""

from __future__ import annotations

from pathlib import Path

import pypdfium2
import pytest
from conftest import build_article, build_drawn
from test_copied_beside_runs import _texts
from test_typeset_pages import MIRRORED, visual_lines

LEAD = "تعيد الدالة العناصر التي تُرجع لها دالة الاختبار القيمة الصحيحة فقط، ومثلاً لحذف السلاسل النصية الفارغة من قائمة"
CODE = 'names.filter((name) => name !== "")'


def test_long_inline_code_broken_over_lines_reads_as_typed(tmp_path: Path) -> None:
    broken = 0
    for words in range(0, 8):  # the code moves along the line word by word, and over it
        lead = " ".join(LEAD.split()[: 10 + words])
        pdf = build_article(tmp_path / str(words), "code", [f"{lead} أسماء نكتب `{CODE}`."])
        pages = [page.get_textpage().get_text_range() for page in pypdfium2.PdfDocument(pdf)]
        broken += not any(CODE in line for page in pages for line in page.split("\n"))
        for name, read in _texts(pdf).items():
            assert CODE in read, (words, name, read)
        assert "!==" in " ".join(pages)  # never "!" ending a line and "==" beginning the next
    assert broken  # the case: the code broken over two lines


def _drawn(root: Path, pdf: Path) -> list[str]:
    """The lines of `pdf`, built again without its text layer, as drawn left to right (brackets as bars)."""
    return [line.translate(MIRRORED) for line in visual_lines(build_drawn(root, root / "unmarked") / pdf.name)]


def test_a_power_written_with_a_caret_is_drawn_and_read_as_typed(tmp_path: Path) -> None:
    paragraphs = [
        "الماء النقي يتأين تأينا ضعيفا جدا، أي أن [H+] = 10^-7 mol/L، ومن ثم فإن pH = 7 في الوسط المتعادل.",
        "احسب الأس لمحلول تركيز أيونات الهيدروجين فيه 10^-3 mol/L، ثم قارن 2^10 = 1024 بقيمة x^2 + y^2 في الدرس.",
    ]
    pdf = build_article(tmp_path, "caret", paragraphs)
    lines = _drawn(tmp_path, pdf)
    for typed in ("[H+] = 10^-7 mol/L", "10^-3 mol/L", "2^10 = 1024", "x^2 + y^2"):  # drawn left to right
        assert any(typed.translate(MIRRORED) in line for line in lines), (typed, lines)
    for name, read in _texts(pdf).items():
        for typed in ("[H+] = 10^-7 mol/L", "10^-3 mol/L", "2^10 = 1024", "x^2 + y^2"):
            assert typed in read, (name, typed, read)


def test_a_cells_number_before_a_vocalised_word_keeps_its_space(tmp_path: Path) -> None:
    table = (
        "| العمر | الوزن التقريبي | الجرعة الواحدة (شراب 120 mg/5 ml) | عدد المرات |\n|---|---|---|---|\n"
        "| 3–6 أشهر | 5–8 كغ | 2.5–3.5 ml | حتى 4 مرات يومياً |\n"
        "| 6–24 شهراً | 8–12 كغ | 4–5 ml | حتى 4 مرات يومياً |\n"
        "| 2–6 سنواتٍ | 12–20 كغ | 5–10 ml | مرتين يوميًّا |"
    )
    pdf = build_article(tmp_path, "cells", ["جدول تقريبي للجرعات:", table])
    for name, read in _texts(pdf).items():
        for typed in ("6–24 شهراً", "2–6 سنواتٍ", "مرتين يوميًّا"):
            assert typed in read, (name, typed, read)


def test_a_power_of_a_bracket_is_drawn_and_read_as_typed(tmp_path: Path) -> None:
    paragraphs = [
        "E = 10^-3 × (3×10^8)^2 = 9×10^13 J",
        "لحصلنا على E = 10^-3 × (3×10^8)^2 = 9×10^13 J وهي طاقة هائلة تكفي مدينة كاملة.",
        "والمربع (a+b)^2 يساوي a^2 + 2ab + b^2 دائما، و(n+1)/2 هو المتوسط.",
    ]
    pdf = build_article(tmp_path, "powers", paragraphs)
    lines = _drawn(tmp_path, pdf)
    for typed in ("E = 10^-3 × (3×10^8)^2 = 9×10^13 J", "(a+b)^2", "a^2 + 2ab + b^2", "(n+1)/2"):  # drawn left to right
        assert sum(typed.translate(MIRRORED) in line for line in lines) >= 1, (typed, lines)
    for name, read in _texts(pdf).items():
        for typed in ("E = 10^-3 × (3×10^8)^2 = 9×10^13 J", "(a+b)^2", "(n+1)/2"):
            assert read.count(typed) >= 1, (name, typed, read)


@pytest.mark.parametrize("language", ["ar", "fa"])
def test_one_operator_of_code_alone_reads_as_typed(tmp_path: Path, language: str) -> None:
    paragraphs = ["في الشرط يمكن استعمال العوامل `=`، `>`، `<`، `>=` و`<=` للمقارنة، و`+` و`*` للحساب."]
    pdf = build_article(tmp_path, "operators", paragraphs, language=language)
    for name, read in _texts(pdf).items():
        assert "العوامل =، >، <، >= و<= للمقارنة، و+ و* للحساب" in read, (name, read)


REGEX = "/^\\p{Script=Arabic}+( \\p{Script=Arabic}+)*$/u"


def test_a_regular_expression_in_code_is_never_cut_after_a_sign(tmp_path: Path) -> None:
    """`/^\\p{Script=Arabic}+( \\p{Script=Arabic}+)*$/u` (a JavaScript lesson, b161b) was cut between "}" and "+", then
    after its first "/": both read "/^\\p{Script=Arabic}" and "+(" or "/" and "^\\p{…" apart (pdf/addresses.py)."""
    paragraphs = [
        f"{' '.join(LEAD.split()[: 4 + words])}: اسمح بالمسافة الواحدة فقط بين الكلمات `{REGEX}` في الحقل."
        for words in range(0, 12, 2)  # the expression moves along the line, and over it
    ]
    pdf = build_article(tmp_path, "regex", paragraphs)
    for name, read in _texts(pdf).items():
        assert read.count(REGEX) == len(paragraphs), (name, read)
