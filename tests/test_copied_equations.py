"""Numbers and names joined by operators and signs ("5 - 3 = 2", "244 *:5433", "]−∞, 3]", "−(3 + 2)") are drawn
left to right as typed, and copy as typed from PDFium and poppler; so do Latin names a spaced hyphen parts ("Real
Madrid - Barcelona"), which are drawn right to left, as the bidi algorithm sets them.

Found in texts the project had never seen: a developer's note printing "LISTEN 0 244 *:5433", a school lesson of
equations and intervals written as the Maghreb writes them, a Moroccan pharmacy leaflet's "(500 - 1000 mg)". A spaced
hyphen between two numbers had been left outside their run, which the bidi algorithm drew "3 = 2 - 5", and so had a
sign before a bracket, an interval's outward brackets and "∞" (typeset/bidi.py). PDFium, given a run of numbers and
signs, reverses the order of its stretches but keeps the signs inside one in order, which the text layer had written
reversed: "244* :5433", "5× 3", "2≥ 3" (pdf/charclass.py). A bracket set right to left draws its mirror image, whose
entry in the font's map is the first cluster's: once a Latin run had drawn it first, poppler read "(3 + 2)" as
"(3 + 2(" (pdf/marks.mirrored_texts). And poppler read a lone hyphen after a Latin name with it: "Real Madrid
Barcelona -" (pdf/lineroles.py). A relation the math font draws, between an Arabic word and a number, PDFium read
glued to the word, "العمر≥ 18" (pdf/tjroles.py), and Arabic-Indic numbers it parts, "٥ ≥ ٣", were read as one run
left to right by both, "٣ ≥ ٥" (pdf/lineroles.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import MARKS, build_article, build_drawn, misread
from test_typeset_pages import visual_lines

# sums and differences spaced and chained, the minus first or last; a range with a unit in Latin letters; signs glued
# to the number after them, of every kind PDFium tells apart (mirrored or not, one or two characters); code's operators
# between numbers; decimals; the true minus sign; a sign before a bracket; intervals with brackets turned outward,
# infinity, and a set's membership; a letter's equation with the increment sign; a product in brackets (poppler had
# read "()6 × 3", a run holding "×" given between LEFT-TO-RIGHT MARKs as one ending with it is: pdf/charclass.py)
EXPRESSIONS = [
    "5 - 3 = 2",
    "10 - 3 - 2 = 5",
    "2 = 5 - 3",
    "6 × 3 + 2 = 20",
    "12 ÷ 4 = 3",
    "5 − 3 = 2",
    "x - 2 ≥ 0",
    "500 - 1000 mg",
    "244 *:5433",
    "244 *5",
    "1 *:2",
    "5 ×3",
    "10.5 ×2",
    "2 ≥3",
    "7 ≤ 9",
    "5 => 6",
    "5 != 6",
    "1 << 3",
    "12 ** 3",
    "7 // 2",
    "244 ~5",
    "10 @5",
    "−(3 + 2)",
    "-(a + b)",
    "2(3 + 4)",
    "(6 × 3)",
    "(2×3)",
    "[0, 1[",
    "]−∞, 3]",
    "]0; +∞[",
    "x ∈ ]0, 1[",
    "e ∈ [0, 1)",  # (half-open as English writes it: its "∈" was drawn right to left, mirrored, a Persian lesson's)
    "x ∈ (0, 1]",
    "T = 2π√(L/g)",  # (a root after its factor: cut there, drawn in pieces, "√" mirrored; an Egyptian physics lesson's)
    "f₀ = 1 / (2π√(LC))",
    "A = {x ∈ ℝ : f(x) ≥ 0}",  # (its parts found apart, set right to left: a Tunisian lecture's set, its interval)
    "]−∞, −√(2/3)]",
    "∆ = b² − 4ac",
    "∆ = 25 - 24 = 1",
]


def sentences(words: list[str]) -> list[str]:
    return [f"قال إن الناتج {word} في الدرس." for word in words]


def test_both_extractors_read_numbers_and_signs_as_typed(tmp_path: Path) -> None:
    typed = sentences(EXPRESSIONS)
    found = misread(build_article(tmp_path, "sums", typed), typed)
    # (poppler gives the no-break space the typesetting puts between a number and its unit)
    assert [(want, got) for want, got in found if got.replace("\u00a0", " ") != want] == []


# PDFium gives a glyph of a mirrored pair in a right-to-left paragraph as its mirror image, inside a left-to-right run
# too: the order drawn is compared with each pair taken for one character
UNPAIRED = str.maketrans("<≤)]∋\u00a0", ">≥([∈ ")  # (and a no-break space taken for a space)


def test_numbers_joined_by_signs_are_drawn_left_to_right(tmp_path: Path) -> None:
    """In the PDF as drawn (no text layer), each expression reads left to right as typed."""
    build_article(tmp_path, "sums", sentences(EXPRESSIONS))
    drawn = [
        line.translate(UNPAIRED) for line in visual_lines(build_drawn(tmp_path, tmp_path / "unmarked") / "sums.pdf")
    ]
    for expression in EXPRESSIONS:
        assert any(f" {expression.translate(UNPAIRED)} " in line for line in drawn), expression


# what stays right to left, as the bidi algorithm sets it: a range or a score of bare numbers, Latin names a dash parts
APART = [
    "2019 - 2022",
    "3 - 1",
    "(2020 - 2024)",
    "Real Madrid - Barcelona",
    "Apple - Samsung",
    "iPhone 17 - Galaxy S26",
]


def test_a_spaced_hyphen_between_ranges_scores_and_names_reads_as_typed(tmp_path: Path) -> None:
    typed = sentences(APART)
    assert misread(build_article(tmp_path, "apart", typed), typed) == []
    drawn = "\n".join(visual_lines(build_drawn(tmp_path, dist=tmp_path / "unmarked") / "apart.pdf"))
    for left, right in (("2022", "2019"), ("1", "3"), ("Barcelona", "Real Madrid"), ("Galaxy S26", "iPhone 17")):
        assert f" {left} - {right} " in drawn, (left, right)


def test_a_bracket_a_latin_run_drew_first_reads_as_typed_in_arabic(tmp_path: Path) -> None:
    """The glyph of ")" stands for ")" in the font's map once "−(3 + 2)" drew it first; "(3 + 2)" in Arabic then draws
    its "(" with it."""
    typed = sentences(["−(3 + 2)", "(3 + 2)", "-(x)", "(x)", "(٣ + ٢)"])
    assert misread(build_article(tmp_path, "mapped", typed), typed) == []


# a relation between an Arabic word and a number, in the math font's array with the space on the number's side
# (PDFium read "العمر≥ 18"), and Arabic-Indic numbers it parts, set right to left (both read "٥ ≥ ٣" as "٣ ≥ ٥")
RELATIONS = [
    "إذا كان العمر ≥ 18 سنة",
    "إذا كان العمر ≤ ١٨ سنة",
    "إذا كان العمر > 18 سنة",
    "إذا كان الدخل ≥ الإنفاق",
    "الشرط: الدخل ≥ 5000 درهم، والعمر ≤ 60 سنة",
    "النتيجة 18 ≥ العمر",
    "إن ٥ ≥ ٣ و٥ + ٣ = ٨",
    "إن ١٢ ÷ ٤ = ٣ وس + ٢ = ٥",
    # and a sign alone between two Arabic words, which poppler read with the word after it ("±الانحراف")
    "بصيغة المتوسط ± الانحراف المعياري",
    "بصيغة المتوسط − الانحراف أو المتوسط ∓ الخطأ",
]


def test_a_relation_between_a_word_and_a_number_reads_as_typed(tmp_path: Path) -> None:
    typed = [f"قال {relation} دائما." for relation in RELATIONS]
    assert misread(build_article(tmp_path, "relations", typed), typed) == []


def test_a_relation_stays_with_its_number(tmp_path: Path) -> None:
    """No line ends with a relation whose number begins the next: the changelog's "صورة >" ended a line of its list,
    "20 MB." began the next, and PDFium read "صورة>" (PDFium gives a relation drawn right to left as its mirror)."""
    shutil.copytree(Path(__file__).parent / "fixtures" / "app-changelog", tmp_path / "source" / "app-changelog")
    lines = visual_lines(build_drawn(tmp_path, tmp_path / "unmarked") / "app-changelog.pdf")
    assert [line for line in lines if line.lstrip().startswith(("<", ">", "≤", "≥"))] == []


SETS = ["و{1, 2, 3} ⊂ ℕ", "x ∈ {−3, 3}", "{a, b} ∪ {c}", "وA ⊆ ℝ"]
PAIRED = str.maketrans("}⊃⊇∋", "{⊂⊆∈")  # a mirrored pair taken for one character, as UNPAIRED does


def test_a_set_in_braces_and_its_relation_are_drawn_left_to_right_on_one_line(tmp_path: Path) -> None:
    """ "و{1, 2, 3} ⊂ ℕ": the braces and the relation were outside the run, set right to left ("ℕ ⊃ }1, 2, 3{"), and
    the line broke before the "⊂". A set in braces is a word of the run (typeset/bidi.py), a formula glued to an
    Arabic letter an element of its own (typeset/inline.py), held on one line (pdf/addresses.py); poppler reads each
    as typed. Left: PDFium reads the braces of a set glued to "و" mirrored ("و}1, 2, 3 ⊂ {ℕ"), and poppler a glued
    formula's closing bracket first ("وx ∈ (0, 3)" read "و(x ∈ )0, 3", as before)."""
    import subprocess

    typed = [f"قال إن الجواب {expression} في الدرس." for expression in SETS]
    pdf = build_article(tmp_path, "sets", typed)
    drawn = [line.translate(PAIRED) for line in visual_lines(build_drawn(tmp_path, tmp_path / "unmarked") / "sets.pdf")]
    for expression in SETS:
        assert any(expression.lstrip("و").translate(PAIRED) in line for line in drawn), expression
    poppler = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    lines = {line.strip() for line in MARKS.sub("", poppler).split("\n")}
    assert [sentence for sentence in typed if sentence not in lines] == []


def test_poppler_reads_an_equation_of_arabic_indic_numbers_as_typed(tmp_path: Path) -> None:
    """An electricity bill's "الاستهلاك = ٤٩٬٠٧٠ − ٤٥٬٨٧٠ = ٣٬٢٠٠ kWh" (the hundred-and-tenth batch): poppler read
    "٣٬٢٠٠ = ٤٥٬٨٧٠", the operator between two Arabic-Indic numbers taken into one left-to-right stretch with them;
    the spaces on both sides of "=", "×", "÷" and "≈" end it now, as they do for "−" and "+" (pdf/lineroles.LONE)."""
    lines = [
        "قال الاستهلاك = ٤٩٬٠٧٠ − ٤٥٬٨٧٠ = ٣٬٢٠٠ kWh.",
        "قال الكثافة: ٣٬٢٠٠ ÷ ٢٢٠ ≈ ١٤٫٥ في الشهر.",
        "قال الرسوم: ٣٬٢٠٠ × ٠٫٠٦ = ١٩٢٫٠٠ درهم.",
    ]
    pdf = build_article(tmp_path, "bill", lines, language="ar-AE")
    assert [(typed, read) for typed, read in misread(pdf, lines) if typed.split() != read.split()] == []
