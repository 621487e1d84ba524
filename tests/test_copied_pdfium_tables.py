"""What PDFium's own tables make of a line: characters newer than its bidi table, and a line's text that begins with a
hyphen.

Found in texts the project had never seen (the hundred-and-eighth and ninth batches):

- a Kuwaiti explainer on dust storms wrote Stokes's law, "v = (ρₚ − ρₐ) · g · d² ÷ (١٨ · μ)": PDFium read "vₚ = (ρ −
  ρₐ)", and "حيث ρₚ" as "ₚρ". Its table (core/fxcrt/fx_ucddata.inc) has the subscript letters after "ₔ", added to
  Unicode later, for neutrals, and the text layer wrote them as left-to-right letters (pdf/charclass.pdfium_class);
- an Algerian app's release notes: a nested list's item "أُضيف دعم طرازَي العدّادات `WM-310` و`WM-420`.", read whole
  for its vocalised word, had its text for PDFium written "-420.WMو …": PDFium, which meets that hyphen last, took
  the line for a word broken over two and joined it to the next item, "• الدفع الإلكتروني" (its hyphen replaced by
  U+FFFE); a RIGHT-TO-LEFT MARK before it now (charclass.not_hyphenated), as after one ending a line."""

from __future__ import annotations

from pathlib import Path

import pypdfium2
from conftest import MARKS, build_article, misread
from test_copied_beside_runs import _missing

from publisher.pdf.charclass import RLM, not_hyphenated, pdfium_class


def test_letters_newer_than_pdfiums_table_are_its_neutrals() -> None:
    assert [pdfium_class(char) for char in "ₐₔₚₜρa"] == ["L", "L", "N", "N", "L", "L"]


def test_a_lines_text_beginning_or_ending_with_a_hyphen_gets_a_mark_there() -> None:
    assert not_hyphenated("-420.WMو 2.") == RLM + "-420.WMو 2."
    assert not_hyphenated("ينسخ --") == "ينسخ --" + RLM
    assert not_hyphenated("WM-420") == "WM-420"
    # and before the spaces a line of code begins with, written reversed (`  -name '20??-??-??' -mtime +30`, the
    # hundred-and-sixtieth batch: PDFium joined it to the heading after the code block, "الأهمname")
    assert not_hyphenated("03+ emitm- eman-  ") == "03+ emitm- eman-  " + RLM
    assert not_hyphenated("  -x") == RLM + "  -x"


def test_a_line_of_code_beginning_with_a_hyphen_is_not_joined_to_the_heading_after(tmp_path: Path) -> None:
    block = "```bash\nfind /srv/backups -mindepth 1 -type d \\\n  -name '20??-??-??' -mtime +30 -exec rm -rf {} +\n```"
    pdf = build_article(tmp_path, "find", ["قال:", block, "## الخطوة 5: الاستعادة", "نص."], page="B5", language="ar-JO")
    assert _missing(pdf, ("-name '20??-??-??'", "الخطوة 5: الاستعادة")) == []


STOKES = [
    "قال إن السرعة v = (ρₚ − ρₐ) · g · d² تقريبا.",
    "قال حيث ρₚ كثافة الجسيم وρₐ كثافة الهواء.",
]


def test_a_subscript_letter_newer_than_pdfiums_table_reads_in_its_place(tmp_path: Path) -> None:
    found = misread(build_article(tmp_path, "stokes", STOKES), STOKES)
    assert [(typed, read) for typed, read in found if typed.split() != read.split()] == []


def test_a_vocalised_list_item_with_code_reads_on_its_own_line(tmp_path: Path) -> None:
    items = [
        "- **قراءة العدّادات**\n"
        "  1. انخفض هامش الخطأ في القراءة الآلية كثيرا بعد تحديث خوارزمية المعايرة الجديدة التي طورها الفريق.\n"
        "  2. أُضيف دعم طرازَي العدّادات `WM-310` و`WM-420`.\n"
        "- **الدفع الإلكتروني**\n"
        "  1. صار الدفع يتمّ في شاشة واحدة."
    ]
    pdf = build_article(tmp_path, "notes", items, language="ar-DZ", page="A4")
    text = MARKS.sub("", "\n".join(page.get_textpage().get_text_range() for page in pypdfium2.PdfDocument(pdf)))
    lines = [line.strip() for line in text.replace("\r", "").split("\n")]
    assert "2. أُضيف دعم طرازَي العدّادات WM-310 وWM-420." in lines and "• الدفع الإلكتروني" in lines, lines
