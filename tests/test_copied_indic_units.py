"""A number in Arabic-Indic or Persian digits with a Latin unit or a power ("٢٥ °C", "١٢ GB", "۶٫۰۲×۱۰²³",
"−۲۷۳٫۱۵ °C") is drawn as the bidi algorithm sets it, the unit whole, and copies as typed from PDFium and poppler.

Found in texts the project had never seen (a Persian popular-science article, the eighty-ninth batch): "٢٥ °C" was
drawn "C° ٢٥", the degree sign outside the unit's run (typeset/bidi.py); poppler read "١٢ GB" as "GB ١٢" and PDFium
as "١٢GB", the space between the number and the Latin word no run's end (pdf/lineroles.py); PDFium read a power's
superscript digits apart, each before its number, "³²١٠" (pdf/tjroles.py); and the no-break space between Persian's
isolated signed number and its unit's run was drawn as nothing (WeasyPrint draws no text box Python's `strip()`
empties), the two read as one run, "°C−۲۷۳٫۱۵" (pdf/runts.py). A unit glued to its number ("٢٥°C", the ninety-second
batch) was read in the order drawn, "°C٢٥", by both (pdf/sharedruns.py). And vulgar fractions, alone, in mixed
numbers and beside vocalised words (below)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import MARKS, build_article, build_drawn, misread
from test_copied_beside_runs import _missing, _texts
from test_typeset_pages import visual_lines

# units of temperature, size, mass and length, a power, a signed number, in Arabic-Indic digits and in Persian ones
ARABIC = ["٢٥ °C", "٣٠ °F", "١٢ GB", "٥٠ mg", "٢٥ km", "٦٫٠٢×١٠²³", "٩×١٠¹³", "−٢٧٣٫١٥ °C", "٢٫٥ kWh"]
PERSIAN = ["۲۵ °C", "۱۲ GB", "۲۵ km", "۶٫۰۲×۱۰²³", "−۲۷۳٫۱۵ °C", "−۴۰ °F", "۳٫۵ mm"]


@pytest.mark.parametrize(("language", "units"), [("ar", ARABIC), ("fa", PERSIAN)])
def test_both_extractors_read_an_arabic_indic_number_and_its_latin_unit_as_typed(
    tmp_path: Path, language: str, units: list[str]
) -> None:
    typed = [f"قال إن القيمة {unit} هذا الأسبوع." for unit in units]
    assert misread(build_article(tmp_path, "units", typed, language=language), typed) == []


# a unit glued to such a number, which the bidi algorithm sets on its left: drawn "°C٢٥", both read it so; signed
# (the sign drawn on the number's right, read with the unit: "- ٣°C"), after a prefix letter (poppler: "وG٤")
GLUED = ["٢٥°C", "-٣°C", "−١٢°F", "٥٠kg", "١٢GB", "١٢٠km/h", "و٤G", "۲۵°C", "و۱۸°C"]


def test_both_extractors_read_a_unit_glued_to_an_arabic_indic_number_as_typed(tmp_path: Path) -> None:
    typed = [f"قال إن القيمة {unit} هذا الأسبوع." for unit in GLUED]
    assert misread(build_article(tmp_path, "glued", typed), typed) == []


def test_a_persian_number_and_its_unit_read_as_typed_in_persian_prose(tmp_path: Path) -> None:
    """The same in Persian sentences, read back whole, in order (the no-break space drawn, a space read)."""
    typed = [f"دمای هوا به {unit} رسید و سپس کاهش یافت." for unit in PERSIAN]
    pdf = build_article(tmp_path, "fa", typed, language="fa")
    import subprocess

    import pypdfium2

    poppler = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pdfium = "\n".join(page.get_textpage().get_text_range() for page in pypdfium2.PdfDocument(pdf))
    for text in (poppler, pdfium):
        lines = [line.strip() for line in MARKS.sub("", text).replace("\r", "").split("\n") if line.startswith("دمای")]
        assert lines == typed


def test_a_degree_sign_is_drawn_with_its_unit(tmp_path: Path) -> None:
    """As drawn (no text layer), left to right: the degree sign left of its letter, the unit left of the number."""
    typed = [f"قال إن الحرارة {unit} اليوم." for unit in ("٢٥ °C", "٣٠ °F", "٢٥°C", "−٢٧٣٫١٥ °C")]
    build_article(tmp_path, "degrees", typed)
    drawn = "\n".join(visual_lines(build_drawn(tmp_path, dist=tmp_path / "unmarked") / "degrees.pdf"))
    assert "C°" not in drawn and "F°" not in drawn, drawn
    assert drawn.count("°C") == 3 and drawn.count("°F") == 1, drawn


# vulgar fractions: alone, after a whole number in either digits, with a Latin unit, after a prefix letter, typed apart
FRACTIONS = ["½ كوب", "١½ كوب", "و١½ كوب", "1½ كوب", "1½ cup", "12½ kg", "2¼ tbsp", "٢ ½ كوب", "½ ملعقة و¼ كوب"]


def test_both_extractors_read_a_fraction_and_its_number_as_typed(tmp_path: Path) -> None:
    """PDFium read "1½ cup" as "1 ½cup" (the fraction and the space a neutral stretch apart from its number:
    pdf/charclass.py), both read "و١½" as "و½١" (a mixed number after a prefix letter was no run: typeset/bidi.py), and
    poppler "٢ ½" as "½ ٢" (pdf/lineroles.py)."""
    typed = [f"قال أضف {amount} من الحليب." for amount in FRACTIONS]
    assert misread(build_article(tmp_path, "fractions", typed), typed) == []


def test_a_lone_fraction_beside_vocalised_words_reads_once(tmp_path: Path) -> None:
    """A line holding a vocalised word, a lone fraction and plain Arabic after it (a children's lesson, amman-school):
    PDFium read the vocalised stretch's text twice, "… أي نصفه.قال أخذ كلٌّ منهما", the fraction an isolate of its own
    between them. A lone fraction is no run now, as a bare number is not (typeset/bidi.py), kept whole in the
    stretch's text between LEFT-TO-RIGHT MARKs (pdf/marks.py)."""
    typed = ["قال أخذ كلٌّ منهما ½ الرغيف، أي نصفه.", "قال أخذ كلٌّ منهما ¾ الكعكة وبقي رُبْعُها.", "قال اكتبه: ½ أم ¼؟"]
    assert misread(build_article(tmp_path, "lone", typed), typed) == []


# a unit of such a number with another run a space after it ("بين ٢ و٨ °C (36–46 °F)", a pharmacy's price list, the
# hundred-and-forty-seventh batch): one run with it, drawn "°C (36–46 °F) ٨و", the unit at the run's far end from its
# number, the number beside the other reading; both extractors read "و ٨°C" or "و°C … ٨"
APART = ["و٨ °C (36–46 °F)", "١٢٠ km/h (75 mph)", "۸ °C (46 °F)", "٥ mg [2 g]"]


def test_a_unit_stays_beside_its_number_before_another_run(tmp_path: Path) -> None:
    typed = [f"قال إن القيمة {unit} اليوم." for unit in APART]
    found = misread(build_article(tmp_path, "apart", typed), typed)  # (the no-break space before a unit read as one)
    assert [(want, got) for want, got in found if want.split() != got.split()] == []
    drawn = visual_lines(build_drawn(tmp_path, dist=tmp_path / "unmarked") / "apart.pdf")
    for unit, number in (("°C", "٨و"), ("km/h", "١٢٠"), ("°C", "۸"), ("mg", "٥")):  # the unit left of its number
        assert any(f"{unit}\u00a0{number}" in line for line in drawn), (unit, drawn)


def test_a_spaced_units_compound_is_drawn_and_read_whole(tmp_path: Path) -> None:
    """A unit's compound a space from its number (the hundred-and-fifty-sixth batch, a coral scientist's heat stress,
    "4 °C-weeks"): the run stopped at the unit, "weeks" was one of its own, drawn "weeks-4 °C" and read so by both."""
    typed = [f"قال إن المؤشر {unit} اليوم." for unit in ("4 °C-weeks", "12 °C-days", "٨ °C-weeks", "90 %-ile")]
    assert misread(build_article(tmp_path, "compound", typed), typed) == []
    drawn = "\n".join(visual_lines(build_drawn(tmp_path, dist=tmp_path / "unmarked") / "compound.pdf"))
    assert "4 °C-weeks" in drawn and "12 °C-days" in drawn and "weeks-" not in drawn, drawn


def test_a_unit_per_a_normalised_quantity_stays_whole_and_with_its_number(tmp_path: Path) -> None:
    """An English leaflet's "eGFR below 30 mL/min/1.73 m²" (the hundred-and-fifty-second batch): the unit broke before
    its "/1.73", read "mL/min /1.73" by both, and "30" could end a line with its unit on the next; the number and the
    unit stay together, the unit whole (typeset/units.py, pdf/addresses.py), whatever falls at a line's end."""
    paragraphs = [f"{'x' * n} You have reduced kidney function, eGFR below 30 mL/min/1.73 m² today." for n in range(14)]
    build_article(tmp_path, "egfr", paragraphs, page="A6", language="en")
    lines = visual_lines(build_drawn(tmp_path, dist=tmp_path / "unmarked") / "egfr.pdf")
    assert sum(line.count("mL/min/1.73") for line in lines) == len(paragraphs), lines
    assert not any(line.rstrip().endswith(" 30") for line in lines), lines  # (30 with its unit)


# an angle in degrees and minutes (and seconds): a moon's altitude in a table, a city's coordinates in prose
ANGLES = ["٥°٢٠′", "٤°٠٥′", "٣٣°٣٥′١٢″", "۲۳°۳۵′", "33°35′12″", "7°36′"]


def test_an_angle_in_degrees_and_minutes_reads_as_typed_in_a_cell_and_in_prose(tmp_path: Path) -> None:
    """Poppler read the angle of a table's cell, in Arabic-Indic digits, with its minutes first, "٢٠′٥°": the degree
    sign between two numbers ended the number its /ActualText kept whole (pdf/marks.py NUMBER)."""
    table = "| المدينة | الارتفاع | الاستطالة |\n|---|:---:|:---:|\n" + "".join(
        f"| مدينة {n} | {angle} | ٧٫٦° |\n" for n, angle in enumerate(ANGLES)
    )
    prose = [f"ارتفاع القمر عند الغروب {angle} فوق الأفق." for angle in ANGLES]
    pdf = build_article(tmp_path, "angles", [table, *prose], language="ar-YE")
    counts = {name: [text.count(angle) for angle in ANGLES] for name, text in _texts(pdf).items()}
    assert counts == {"poppler": [2] * len(ANGLES), "pdfium": [2] * len(ANGLES)}  # in the cell and in the sentence


def test_a_list_of_percentages_reads_as_typed(tmp_path: Path) -> None:
    """A lesson's answers, "(٢) ٦٠٪، ٨٪، ١٧٥٪." (the hundred-and-sixty-third batch): poppler read "٦٠٪٨ ،٪١٧٥ ،٪",
    each comma and the number after it one stretch (pdf/numberpunct.py: the comma after a percent sign ends it)."""
    typed = ["٦٠٪، ٨٪، ١٧٥٪", "٦٠%، ٨%، ١٧٥%", "١٠٪؛ ٢٠٪؛ ٣٠٪", "60%، 8%، 175%"]
    paragraphs = [f"النسب هي {percentages} على الترتيب." for percentages in typed]
    pdf = build_article(tmp_path, "percentages", paragraphs, language="ar-IQ")
    persian = build_article(tmp_path / "fa", "fa", ["نسبت‌ها ۶۰٪، ۸٪، ۱۷۵٪ است."], language="fa")
    assert _missing(pdf, tuple(typed)) == [] and _missing(persian, ("۶۰٪، ۸٪، ۱۷۵٪",)) == []


def test_an_operator_ending_a_line_after_an_arabic_word_keeps_its_space(tmp_path: Path) -> None:
    """ "التغيّر =" ending a line, "+٢٥٠ ديناراً" beginning the next (the same lesson): both read "التغيّر=" (pdf/marks.py,
    pdf/lineroles.py: the space written after the operator for PDFium, before it for poppler)."""
    paragraphs = [
        f"{'كلمة ' * n}ارتفع السعر إلى ١٬٢٥٠ ديناراً. التغيّر = +٢٥٠ ديناراً، والنسبة = +٢٥٪." for n in range(14)
    ]
    pdf = build_article(tmp_path, "change", paragraphs, page="B5", language="ar-IQ")
    texts = _texts(pdf)
    assert [text.count("التغيّر = +٢٥٠") for text in texts.values()] == [len(paragraphs)] * 2, texts
