"""Operators, signs and placeholders beside a number or a Latin run, read back as typed.

Found in texts the project had never seen (the hundred-and-thirteenth and fourteenth batches: a Kuwaiti physics
worksheet, a Tunisian marathon worksheet, an Egyptian household-prices report, an Algerian tutorial on a bus API):

- "٣² = ٩": a power of a number in Arabic-Indic digits inside an equation of several numbers was read "²٣" by PDFium
  (tjroles._raise_words; alone, "١٠²³" was already one run).
- "F = m × a" alone in a table's cell: each of its words one character wide, poppler took the line for a word set
  letter-spaced and read "F=m×a" (TextOutputDev's wide character spacing; tablecells.letter_spaced).
- "CaCO₃ =" ending a line, its operand on the next: PDFium read the space before "=" after it, "CaCO₃=" (lineroles'
  LINE_END_SIGN); "(2 × 13,40" broken after "×" on a line read whole, "2×" (marks.pdfium_text).
- "±0.5 s." on a line with a vocalised word, read whole: poppler's text took the plus-minus sign for the line's
  ("0.5 s±"), and a full stop after a signed number before it (".±0.5"; popplerwords.poppler_text).
- "٪١٢٫٥", a percent sign typed before a number in Arabic-Indic digits and drawn on its right as the bidi algorithm
  sets it: both read it after the number (numberpunct.after_number); "%12.5" in European digits, which the bidi
  algorithm sets as typed, had been drawn "12.5%" (typeset/bidi.py).
- "/v2/stops/{id}": a path's placeholder had been drawn apart, left of the path (typeset/bidi.py).
- (the hundred-and-sixteenth batch) "(٪ من الناتج)", a percent sign for its word: poppler read "( ٪من" (lineroles'
  lone signs, popplerwords.poppler_text); a vocalised lesson's loose list, its markers read by PDFium at the page's end.
- (the hundred-and-seventeenth) "وPython (3.12)", a name glued to "و" with its bracket: poppler read "و)Python (3.12"
  (charclass.between_lrms); a table's head aligned apart, read out of order by poppler.
- (the hundred-and-fifty-ninth) "٣٧(٢)", a journal's volume and issue in Arabic-Indic digits, drawn "(٢)٣٧": both read
  "٢(٣٧" (ranges.range_parts: a bracket between two such numbers parts them, as a dash does)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pypdfium2
import pytest
from conftest import MARKS, build_article, build_drawn, misread
from test_typeset_pages import visual_lines

SENTENCES = [
    "قال في الحل ٣² = ٩ وأيضا ١٥² = ٢٢٥ كما نعلم.",
    "قال ½ × ٢ × ٣² = ٩ J تقريبا.",
    "قال المساحة ١٫٢² = ١٫٤٤ و٠٫٨² = ٠٫٦٤ تقريبا.",
    "قال بدقة تقدَّر بـ ±0.5 s.",
    "قال بدقة تقدَّر بـ ±0.5.",
    "قال بدقةٍ تقدَّر بـ −0.5 s، وهذا كافٍ.",
    "قال بزيادة قدرها ٪١٢٫٥، وهي نسبة قريبة.",
    "قال بزيادة قدرها ٪٢٠ من الدخل و٪۲۰ من الإنفاق.",
    "قال بزيادةٍ قدرُها ٪٢٠ من الدخل.",
    "قال بزيادة قدرها %12.5 من الدخل.",
    "قال المسار /v2/stops/{id}/departures في الواجهة.",
    "قال الرابط https://api.example.com/v1/{id} في الوثيقة.",
    "قال رصيد الحساب الجاري (٪ من الناتج) تراجع.",
    "قال وMARBERT (Abdul et al., 2021) وCAMeLBERT جيد.",
    "قال وPython (3.12) ثم.",
    "قال مجلة العلوم، ٣٧(٢)، ص ١١٣–١٣٨.",
    "قال المجلد ٩(١) والعدد ۱۲(۳) ثم.",
]
# the same equations after more and more words, so that lines end at their operators ("وقال": not one of SENTENCES)
FILLER = "يسير الدراج بسرعة ثابتة ثم يضغط المكابح فيتباطأ بمعدل ثابت في الطريق المستقيم الطويل جدا"
EQUATIONS = (
    "a = −٣ m/s²",
    "CaCO₃ = ١٠٠ g/mol",
    "v × ٢ = ٨ m/s",
    "(2 × 13,40 + 14,10) ÷ 3",
    "وCAMeLBERT (Inoue et al., 2021)",
)
WRAPPED = [  # (after a vocalised word, the line is read whole: marks.py)
    f"وقال {more}{' '.join(FILLER.split()[:n])} {equation} كما ترى."
    for n in range(5, 12)
    for more in ("", "ما ", "ثُمَّ ")
    for equation in EQUATIONS
]
TABLE = (
    "| القانون | الصيغة | مثال |\n|---|---|---|\n| قانون نيوتن الثاني | F = m × a | ٥ × ٢ |\n"
    "| الضغط | P = F ÷ A | ٣ kPa |\n| السرعة | ع = ف ÷ ز | ٥ م/ث |\n| جمع | x + y | z |\n"
    "| رصيد الحساب الجاري (٪ من الناتج) | (٠٫٩) | (٣٫٤) |\n"
    "| الشاشة | AMOLED مقاس 6.7 بوصة، دقة 1440×3200، تردد 120Hz | ٦ |"  # (its cell over lines)
)
# a table whose first column is set to the start, the others centred
SCHEDULE = (
    "| المرحلة | التاريخ | الوقت |\n|:---|:---:|:---:|\n| بدء بيع وثائق المناقصة | ٠٦/٠٧/٢٠٢٥ | ٠٨:٠٠ ص |\n"
    "| الزيارة الميدانية الإلزامية للموقع | ١٥/٠٧/٢٠٢٥ | ٠٩:٣٠ ص |"
)
FEES = (  # (its head's third cell set over two lines)
    "| الخدمة | الجهة المعنية | الأجل التقريبي | المبلغ |\n| :--- | :---: | :---: | ---: |\n"
    "| إيداع شكاية وتسجيلها | الشباك الجهوي | فوري | مجانا |\n"
    "| معاينة يقوم بها مفوض قضائي | المفوض القضائي | 7 أيام | 2 500 درهم |"
)
# a loose list of vocalised items (each a paragraph), the first with a list inside
LESSON = (
    "١. إِلَى أَيْنَ سَافَرَ يُوسُفُ مَعَ أُسْرَتِهِ؟\n\n   - أ) مَنِ الَّذِي اسْتَقْبَلَهُمْ؟\n\n٢. احْسُبْ كَمَا فَعَلَ يُوسُفُ وَمَرْيَمُ:\n\n   - ب) ٣ + ٤ = ٧"
)


@pytest.fixture(scope="module")
def operands(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The PDF of SENTENCES, WRAPPED, the tables and the lesson, built once."""
    article = [*SENTENCES, *WRAPPED, TABLE, LESSON, SCHEDULE, FEES]
    return build_article(tmp_path_factory.mktemp("operands"), "operands", article)


def _texts(pdf: Path) -> dict[str, list[str]]:
    poppler = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pdfium = "\n".join(page.get_textpage().get_text_range() for page in pypdfium2.PdfDocument(pdf))
    texts = {"poppler": poppler, "pdfium": pdfium}
    return {name: MARKS.sub("", text).replace("\r", "").split("\n") for name, text in texts.items()}


def test_both_extractors_read_signs_powers_and_placeholders_as_typed(operands: Path) -> None:
    found = misread(operands, SENTENCES)
    assert [(typed, read) for typed, read in found if typed.split() != read.split()] == []  # (a space may be doubled)


def test_an_operator_ending_a_line_keeps_its_space_on_the_run_side(operands: Path) -> None:
    for name, lines in _texts(operands).items():
        ending = [line.rstrip() for line in lines if line.rstrip().endswith(("=", "×", "+"))]
        assert len(ending) >= 5, (name, ending)  # the filler does break lines at the operators
        assert [line for line in ending if not line.endswith((" =", " ×", " +"))] == [], name


def test_a_table_cell_of_one_letter_words_keeps_its_spaces(operands: Path) -> None:
    for name, lines in _texts(operands).items():
        read = "\n".join(" ".join(line.split()) for line in lines)
        for formula in ("F = m × a", "P = F ÷ A", "ع = ف ÷ ز", "x + y", "(٪ من الناتج)", "دقة 1440×3200،"):
            assert formula in read, (name, formula)


def test_a_percent_sign_before_european_digits_and_a_placeholder_are_drawn_as_typed(operands: Path) -> None:
    """As drawn (no text layer), left to right."""
    root = operands.parent.parent
    drawn = "\n".join(visual_lines(build_drawn(root, dist=root / "unmarked") / "operands.pdf"))
    for typed in ("%12.5", "/v2/stops/{id}/departures", "https://api.example.com/v1/{id}", "٣²", "١٥²"):
        assert typed in drawn, (typed, drawn)


def test_the_markers_of_a_loose_vocalised_list_are_read_with_their_items(operands: Path) -> None:
    """Each item's paragraph got the leading its marks need, its marker the item's: drawn 2 pt higher, it was read by
    PDFium at the page's end (typeset/leading.py)."""
    for name, lines in _texts(operands).items():
        read = [" ".join(line.split()) for line in lines]  # (the book's numerals: European, by the text's digits)
        assert "1. إِلَى أَيْنَ سَافَرَ يُوسُفُ مَعَ أُسْرَتِهِ؟" in read, (name, read[-12:])
        assert "2. احْسُبْ كَمَا فَعَلَ يُوسُفُ وَمَرْيَمُ:" in read, name


def test_a_loose_justified_line_of_a_left_to_right_book_reads_in_one_piece(tmp_path: Path) -> None:
    """A French list item set on a narrow measure, "créer un centre de formation aux métiers de la", its spaces wider
    than 0.8 em: poppler took each word for a block of its own and read them one by one, "transformation." first.
    Its spaces are stretched over their blanks for poppler now, as in a right-to-left book (ltrlayer._stretch)."""
    items = [
        "3. **Accompagner la main-d'œuvre**",
        "   - étendre la couverture sociale des ouvrières saisonnières ;",
        "   - créer un centre de formation aux métiers de la transformation.",
    ]
    pdf = build_article(tmp_path, "liste", ["\n".join(items)], title="Liste", language="fr-MA")
    for name, lines in _texts(pdf).items():
        read = " ".join(" ".join(lines).split())
        assert "créer un centre de formation aux métiers de la transformation." in read, (name, read)


def test_the_rows_of_a_table_aligned_apart_read_in_order(operands: Path) -> None:
    """poppler finds no table across neighbouring columns aligned apart (one to the start, one centred), and read a
    head's first cell after the others, "التاريخ الوقت المرحلة", and rows column by column
    (tablecells._aligned_apart)."""
    for name, lines in _texts(operands).items():
        read = " ".join(" ".join(lines).split())
        assert "المرحلة التاريخ الوقت بدء بيع وثائق المناقصة" in read, (name, read[-300:])
        assert "الخدمة الجهة المعنية الأجل التقريبي المبلغ إيداع شكاية وتسجيلها الشباك الجهوي فوري مجانا" in read, name
        assert "معاينة يقوم بها مفوض قضائي المفوض القضائي 7 أيام 2 500 درهم" in read, (name, read[-300:])


def test_a_run_glued_to_an_arabic_letter_keeps_its_end_when_a_line_breaks_in_it(operands: Path) -> None:
    """ "وCAMeLBERT (Inoue et al.," ending a line: its comma and full stop, drawn between its last letter and the "و" it
    is glued to, were read by PDFium after the "و", "و.,CAMeLBERT" (tjroles._glued_ends)."""
    for name, lines in _texts(operands).items():
        cited = [" ".join(line.split()) for line in lines if "CAMeLBERT" in line]
        assert any(line.endswith("al.,") for line in cited), (name, cited)  # (the filler breaks lines there)
        assert all("وCAMeLBERT (Inoue" in line for line in cited if "(Inoue" in line), (name, cited)
