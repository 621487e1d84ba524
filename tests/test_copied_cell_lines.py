"""Lines of table cells set over two lines, a unit's power before a note call, and a number beside an e-mail address.

Found in texts the project had never seen (the hundred-and-fifth to hundred-and-tenth batches):

- a Jeddah rental guide's cell "4 + مجلس" broke after "+": its first line, without Arabic, was read as drawn, and
  poppler's text of the cell began "+ 4" (cells._object_text: only a left-to-right run's objects read as drawn now);
- a Ramallah bazaar's cell "٢٥ ₪ للكيلو": poppler read "₪للكيلو", the shekel sign not among the signs poppler takes
  for left to right that marks.py parts from an Arabic word (all of its table's currency signs now);
- a Mansoura worksheet's cell "الماء النقي H₂O" broke before "H₂O", its subscript of another font: PDFium, told that
  the pages read right to left, read the line's two arrays backwards, "O₂H" (cells._runs_for_pdfium);
- the same worksheet's "3538 كم²[^2]": poppler read "كم 2", the note call's space taken into the power's stretch
  (pdfiumline.call_text: the RIGHT-TO-LEFT MARK first after a unit's power);
- an Urdu report's "ہیلپ لائن ۰۴۲-۳۵۷۸۱۲۰۰ یا ای میل support@…": both read the number backwards. The e-mail's isolate
  ends in a box of its own that draws nothing, at the place where the Arabic after it starts; its key made that text
  object a left-to-right run's (readingorder.placed_boxes)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pypdfium2
from conftest import MARKS, build_article


def read(pdf: Path) -> tuple[str, str]:
    """The text PDFium and poppler read, without bidi marks, each line's spaces made one."""
    pdfium = "\n".join(page.get_textpage().get_text_range() for page in pypdfium2.PdfDocument(pdf))
    poppler = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return tuple(  # type: ignore[return-value]
        "\n".join(" ".join(line.split()) for line in MARKS.sub("", text).replace("\r", "").split("\n"))
        for text in (pdfium, poppler)
    )


def test_cells_over_two_lines_read_as_typed(tmp_path: Path) -> None:
    table = [
        "| المادة | الكثافة (كغ/م³) | كتلة العينة | حجم العينة | هل تطفو على الماء؟ |",
        "|---|---|---|---|---|",
        "| الماء النقي H₂O | 1000 | 2 كغ | 0.002 م³ | — |",
        "| الماء الثقيل D₂O | 1107 | 5 كغ | 0.004 م³ | — |",
        "| الماء المالح H2O | 1025 | 3 كغ | 0.003 م³ | ٢٥ ₪ للكيلو |",
    ]
    pdf = build_article(tmp_path / "a4", "cells", ["\n".join(table)], page="A4")
    pdfium, poppler = read(pdf)
    for formula in ("H₂O", "D₂O"):
        assert formula in pdfium and formula in poppler and formula[::-1] not in pdfium, (formula, pdfium)
    assert "٢٥ ₪ للكيلو" in poppler and "٢٥ ₪ للكيلو" in pdfium, poppler


def test_a_cells_line_of_a_number_and_a_sign_reads_right_to_left(tmp_path: Path) -> None:
    rooms = [
        "| الحي | المساحة | الغرف | الإيجار السنوي | التأمين |",
        "|---|---|---|---|---|",
        "| الروضة | 165 م² | 3 + صالة | 42,000 ر.س | 2,000 ر.س |",
        "| النعيم | 140 م² | 3 + صالة | SAR 38,500 | SAR 1,500 |",
        "| المحمدية | 210 م² | 4 + مجلس | 65,000 ر.س | 3,000 ر.س |",
        "| أبحر الشمالية | 190 م² | 4 + صالة | SAR 58,000 | SAR 2,500 |",
    ]
    pdfium, poppler = read(build_article(tmp_path, "rooms", ["\n".join(rooms)], page="A6"))  # its cells over lines
    assert "4 + مجلس" in poppler and "3 + صالة" in poppler, poppler  # poppler's text of each cell: the cell whole
    assert not {"+ 3", "+ 4"} & {text[:3] for text in (*pdfium.split("\n"), *poppler.split("\n"))}, (pdfium, poppler)


def test_a_units_power_keeps_its_unit_before_a_note_call(tmp_path: Path) -> None:
    article = [
        "**سؤال 2:** مساحة محافظة الدقهلية تقريبا 3538 كم²[^1]. عبر عنها بوحدة م² باستخدام الصورة العلمية.",
        "[^1]: تقدير.",
    ]
    pdfium, poppler = read(build_article(tmp_path, "power", article, page="A4"))
    assert "3538 كم²" in poppler and "كم 2" not in poppler, poppler
    assert "3538 كم²" in pdfium, pdfium


def test_a_number_beside_an_e_mail_address_reads_as_typed(tmp_path: Path) -> None:
    lines = ["فون ۰۴۲-۳۵۷۸۱۲۰۰ یا ای میل support@psl-t20.pk پر رابطہ کریں۔"]
    for text in read(build_article(tmp_path, "phone", lines, language="ur-PK")):
        assert "فون ۰۴۲-۳۵۷۸۱۲۰۰ یا ای میل support@psl-t20.pk پر رابطہ کریں۔" in text, text


def test_formulas_and_paths_in_cells_over_lines_read_once_and_whole(tmp_path: Path) -> None:
    """A lab sheet's "KH₂PO₄ / Na₂HPO₄" on a cell's first line, read "4PO2KH" by PDFium (a run of several arrays on any
    line of such a cell gets its text), and "يمتص CO₂ من الهواء …": poppler read "CO₂" again at the cell's end, the
    run's arrays each written in one item with its marks, left unsilenced (cells._shown); an API's table of paths,
    "/v2/lines/{id}/departures" broken after a slash, read "/v2/lines/ {id}/ departures" by poppler."""
    table = [
        "| المادة | الصيغة | التركيز | الخطورة | ملاحظات |",
        "|---|---|---|---|---|",
        "| هيدروكسيد الصوديوم | NaOH | 0.1 mol/L | أكّال | يمتص CO₂ من الهواء فيتغير تركيزه؛ يُغلق الوعاء فور الانتهاء |",
        "| محلول منظِّم فوسفاتي | KH₂PO₄ / Na₂HPO₄ | pH 7.4 | منخفضة | لمعايرة جهاز قياس الحموضة قبل الجلسة |",
    ]
    paths = [
        "| المسار | الوصف | الحد |",
        "|---|---|---|",
        "| `/v2/lines/{id}/departures` | المغادرات القادمة لخط واحد مع التأخير المقدّر بالدقائق | 120 طلبًا/دقيقة |",
    ]
    specs = [
        "| البند | المواصفات |",
        "|---|---|",
        "| البطارية | 75 Wh، والاستهلاك عند تشغيل الفيديو ≈ 75 Wh ÷ 10.75 h ≈ 7 W |",
    ]
    battery = [  # its cell broken before "10.75": a line of four arrays, two with their own text ("7 W" read first)
        "| القانون | الصيغة | الوحدة | مثال محلول |",
        "|---|---|---|---|",
        "| البطارية | ≈ 75 Wh ÷ 10.75 h ≈ 7 W | W | تقريبا |",
    ]
    tables = ["\n".join(rows) for rows in (table, paths, specs, battery)]
    pdfium, poppler = read(build_article(tmp_path, "lab", tables, page="A6"))
    for formula in ("KH₂PO₄", "Na₂HPO₄"):
        assert formula in pdfium and formula in poppler, (formula, pdfium)
    assert poppler.count("CO₂") == 1 and "/v2/lines/{id}/departures" in poppler, poppler
    assert "KH₂PO₄ / Na₂HPO₄" in poppler, poppler  # (a slash with a space after it: the line broke there)
    assert pdfium.count("10.75") == 2, pdfium  # a run given its own text by the text layer is not given it again
    assert "10.75 h ≈ 7 W" in pdfium and "10.75 h ≈ 7 W" in poppler, pdfium  # (its own text left out: cells._unnamed)


def test_a_note_call_in_a_cell_over_lines_reads_as_a_space(tmp_path: Path) -> None:
    """A recipe's table head, "من الاحتياج اليومي[^1]" set over three lines: poppler's text of the cell had the call's
    digit, read "اليومي ١" (cells._object_text leaves note calls out, as the text layer does elsewhere)."""
    table = [
        "| العنصر | القرص الواحد (٤٠ غ) | من الاحتياج اليومي[^1] | ملاحظات |",
        "|---|---|---|---|",
        "| الطاقة | ١٧٠ kcal | ٨٪ | معظمها من التمر والدقيق |",
    ]
    _, poppler = read(build_article(tmp_path, "head", ["\n".join(table), "[^1]: لبالغ."], page="A6"))
    assert "من الاحتياج اليومي ملاحظات" in " ".join(poppler.split()), poppler


def test_a_count_before_a_latin_name_in_a_cell_over_lines_reads_as_typed(tmp_path: Path) -> None:
    """A laptop's spec sheet (the hundred-and-twelfth batch), "2× Thunderbolt 4، و1× USB-A 3.2" in a cell over lines:
    poppler's text of the cell kept "×" out of the run, read "×2 Thunderbolt 4" (popplerwords._LATIN: a count's "2× "
    begins the run)."""
    specs = [
        "| البند | المواصفات |",
        "|---|---|",
        "| المنافذ | 2× Thunderbolt 4، و1× USB-A 3.2، وHDMI 2.1، ومقبس صوت 3.5 mm |",
    ]
    _, poppler = read(build_article(tmp_path, "specs", ["\n".join(specs)], page="A6"))
    assert "2× Thunderbolt 4" in poppler and "و1× USB-A 3.2" in poppler, poppler
