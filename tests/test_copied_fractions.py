"""Formulas with vulgar fractions, brackets and products, set and read back as typed.

Found in texts the project had never seen (a vocalised Iraqi lesson, "وَهَلْ ½ + ½ = 1؟", and an Algerian worksheet,
the hundred-and-nineteenth and hundred-and-twentieth batches), then written for the class:

- a formula that begins with a fraction ("½ + ½ = 1", "¼ + ¾ = 1"): its first fraction, drawn in the run's array, was
  no letter to start the run (pdf/tjroles.py) and was read after the rest, "+ ½ = 1 ½"; and PDFium read "½ − ¼ = ¼"
  "½−¼" and "2 − ½" "2 −½": the marks that keep a fraction whole were put in after the stretches were turned round,
  parting them (pdf/charclass.pdfium_actual_text);
- a fraction between brackets, "(½)", read "( ½(" by PDFium: its marks make it a left-to-right letter, which the
  brackets beside it did not count (tjroles._pdfium_kind);
- "√½ ≈ 0.707", its "≈" in the math font's array: both read the two parts swapped (pdf/lineroles.py's lone sign after
  a fraction, meant for "+ ½ كوب", not inside an isolate);
- "¾ h", read "¾h" by PDFium (charclass: a fraction is its own stretch before the run's first letter too);
- a product of brackets, "A = (2 − √3)(2 + √3)": its second factor was set apart, right to left of the first
  (typeset/bidi.py); "1/(2 − √3) = 2 + √3" broke after "1/" (pdf/addresses.py holds a formula of brackets whole);
  "S₄ = ∅" and "S₁ = {2 ; 3}" (sets written as French writes them) were set "∅ = S₄" (typeset/bidi.py);
- "v(t) = v₀ + a·t", its subscript in an object of its own: poppler read "v)t(" (the font's map had the bracket's glyph
  for the mirror image an Arabic bracket drew first: pdf/neighbours.own_texts);
- "5 + 2 = 7" alone in its paragraph, words of one character: poppler took the line for a word set letter-spaced,
  "5+2=7" (charclass.between_lrms)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import MARKS, build_article, build_drawn, misread
from test_typeset_pages import visual_lines

SENTENCES = [
    "قال وَهَلْ ½ + ½ = 1؟ نعم.",
    "قال وكذلك ¼ + ¾ = 1 أيضا.",
    "قال ثم ½ + 1 = 1½ هنا.",
    "قال و ½ − ¼ = ¼ كذلك.",
    "قال و ½ × 12 = 6 كذلك.",
    "قال و ¾ = 0.75 كذلك.",
    "قال المقدار ½(3 + 1) = 2 صحيح.",
    "قال والنسبة (¾ + ¼) = 1 هنا.",
    "قال الخطأ ±½ درجة.",
    "قال الجذر √½ ≈ 0.707 تقريبا.",
    "قال الفرق −½ فقط.",
    "قال والباقي 2 − ½ هنا.",
    "قال ثم 1½ + ½ = 2 تماما.",
    "قال وهل ⅓ × 3 = 1؟ نعم.",
    "قال إذا كان x = ½ فإن 2x = 1.",
    "قال القيمة (½) هنا.",
    "قال الكمية (½ كوب) فقط.",
    "قال الجواب (½)، ثم (¼).",
    "قال القيمة [¾] هنا.",
    "قال الارتفاع ¾ h تقريبا.",
    "قال العدد A = (2 − √3)(2 + √3) هنا.",
    "قال ومنه S₄ = ∅ هنا.",
    "قال ومنه S₁ = {2 ; 3} هنا.",
    "قال السرعة v(t) = v₀ + a·t هنا.",
    # the hundred-and-twenty-third batch (a calculus lesson): an absolute value's bars and a norm's, "|x − 2| < 3" set
    # "3 > |2 − x|"; "u⃗", its arrow (another font's) beginning a run of its own; "±√(2/3)", two signs before a bracket
    "قال فالمتباينة |x − 2| < 3 تعني ذلك.",
    "قال وطوله |u⃗| = √5 هنا.",
    "قال فالمتجه u⃗ = (2, −1) يمثل إزاحة.",
    "قال احسب u⃗ + v⃗ هنا.",
    "قال الحلان x = ±√(2/3) هنا.",
    "قال بسرعة ♩ = 120 ثم ♩. = 66 هنا.",  # a tempo (Noto Music's note), one run left to right
    "قال احسب الجداء القياسي u⃗ · v⃗ هنا.",  # a product's dot between symbols: "v⃗ · u⃗" had been drawn
]
# each formula after more and more words, so that lines end inside it: it is held whole (never "1/" ending a line)
FILLER = "يسير الدراج بسرعة ثابتة ثم يضغط المكابح فيتباطأ بمعدل ثابت في الطريق المستقيم الطويل جدا"
FORMULAS = ("1/(2 − √3) = 2 + √3", "A = (2 − √3)(2 + √3)", "h = v₀² / (2g)", "x² − 5x + 6 = 0", "v(t) = v₀ + a·t")
WRAPPED = [f"ثم {' '.join(FILLER.split()[:n])} {formula} كما ترى." for n in range(2, 14) for formula in FORMULAS]


@pytest.fixture(scope="module")
def fractions(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The PDF of SENTENCES, WRAPPED and a formula alone in its paragraph, built once."""
    return build_article(tmp_path_factory.mktemp("fractions"), "fractions", [*SENTENCES, *WRAPPED, "**5 + 2 = 7**"])


def test_both_extractors_read_formulas_with_fractions_and_brackets_as_typed(fractions: Path) -> None:
    found = misread(fractions, SENTENCES)
    assert [(typed, read) for typed, read in found if typed.split() != read.split()] == []  # (a space may be doubled)


def test_a_formula_alone_on_its_line_keeps_its_spaces(fractions: Path) -> None:
    import subprocess

    import pypdfium2

    poppler = subprocess.run(["pdftotext", str(fractions), "-"], capture_output=True, text=True, check=True).stdout
    pdfium = "\n".join(page.get_textpage().get_text_range() for page in pypdfium2.PdfDocument(fractions))
    for name, text in (("poppler", poppler), ("pdfium", pdfium)):
        lines = [" ".join(MARKS.sub("", line).split()) for line in text.splitlines()]
        assert "5 + 2 = 7" in lines, (name, [line for line in lines if "7" in line][-3:])


def test_formulas_are_drawn_left_to_right_and_never_broken(fractions: Path) -> None:
    """As drawn (no text layer): each formula whole on one line, left to right, at every place the filler puts it.
    (Brackets compared as brackets: a glyph's label is the first text it was drawn for, "(" or its mirror image.)"""
    root = fractions.parent.parent
    drawn = visual_lines(build_drawn(root, dist=root / "unmarked") / "fractions.pdf")
    flat = [line.replace(" ", "").translate(_BRACKETS) for line in drawn]
    for formula in FORMULAS:
        packed = formula.replace(" ", "").translate(_BRACKETS)
        assert sum(packed in line for line in flat) >= 12, (formula, [line for line in drawn if formula[:2] in line])
    for formula in ("S₄=∅", "S₁={2;3}", "A=(2−√3)(2+√3)"):
        assert any(formula.translate(_BRACKETS) in line for line in flat), formula


_BRACKETS = str.maketrans("(){}", "||##")


def test_a_latin_letters_marks_stay_in_its_run_and_a_formula_alone_reads_in_order(tmp_path: Path) -> None:
    """The hundred-and-twenty-second batch (a statistics lesson): "x̄" and "p̂" had their combining mark left out of
    the run, drawn on a dotted circle, and "x̄ = 372/30 = 12.4" set right to left; "√(Σ(xᵢ − x̄)²/n)" lost its root
    and brackets to the Arabic side, "√" drawn mirrored (typeset/bidi.py: a letter's marks, a bracket in a bracket).
    "x̄ = Σxᵢ/n" alone in its paragraph was set left to right at the page's left edge, which poppler read last; kept
    at the book's edge now (source/blockdir.py), and read whole (pdf/wholeline.isolates_only)."""
    typed = [
        "قال نجد أن x̄ = 372/30 = 12.4 درجة.",
        "قال الانحراف σ = √(Σ(xᵢ − x̄)²/n) هنا.",
        "قال والتقدير p̂ = 0.42 ثم ȳ = 3.1 هنا.",
    ]
    pdf = build_article(tmp_path, "stats", ["**x̄ = Σxᵢ/n**", *typed])
    found = misread(pdf, typed)
    assert [(want, got) for want, got in found if want.split() != got.split()] == []
    import subprocess

    import pypdfium2

    poppler = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pdfium = "\n".join(page.get_textpage().get_text_range() for page in pypdfium2.PdfDocument(pdf))
    for name, text in (("poppler", poppler), ("pdfium", pdfium)):
        lines = [" ".join(MARKS.sub("", line).split()) for line in text.splitlines() if line.strip()]
        assert lines.index("x̄ = Σxᵢ/n") < lines.index(typed[0]), (name, lines)
