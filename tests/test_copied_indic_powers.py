"""Numbers in Arabic-Indic digits with what follows them: a signed power, a form's blank date, a decimal before a unit.

Found in texts the project had never seen (the hundred-and-eighth and ninth batches, a Kuwaiti explainer on dust
storms and a Persian guide to the Lut desert's sky, and an earlier Irbid school form):

- "١٠⁻⁵ Pa·s": the bidi algorithm took the superscript minus between two Arabic numbers for a neutral and set it
  right to left, the exponent left of its base, while "١٠²³" is drawn as typed; both extractors read "5−١٠". The
  power is set as typed now (a LEFT-TO-RIGHT MARK after the base, typeset/extended.py; one run with a Latin unit
  after it, typeset/bidi.py).
- "....../....../٢٠٢٥", a date to fill in: one run with its year, as "..../..../2025" is (typeset/bidi.py).
- "۷۰٫۷ °C" on a Persian line read whole: its poppler text cut the number at "٫", read "۷ °C٫۷۰"
  (popplerwords._NUMBER_BEFORE).
- the next line began with "(NASA)": poppler's text of the line, squeezed into the bracket at its right end, was
  read before the line above it (wholeline._place)."""

from __future__ import annotations

from pathlib import Path

from conftest import build_article, build_drawn, misread
from test_typeset_pages import visual_lines

POWERS = [
    "قال إن لزوجة الهواء نحو ١٫٨ × ١٠⁻⁵ Pa·s عند السطح.",
    "قال إن الثابت نحو ١٠⁻³ تقريبا وليس ١٠⁻¹² كما قيل.",
    "قال إن كتلة الإلكترون ٩٫١١ × ١٠⁻³¹ كغ لا ١٠²³ كغ.",
    "قال اكتب التاريخ ....../....../٢٠٢٥ ثم وقّع.",
]


def test_both_extractors_read_arabic_indic_powers_and_blank_dates_as_typed(tmp_path: Path) -> None:
    found = misread(build_article(tmp_path, "powers", POWERS), POWERS)
    assert [(typed, read) for typed, read in found if typed.split() != read.split()] == []  # (a space may be doubled)


def test_a_signed_power_of_an_arabic_indic_number_is_drawn_right_of_its_base(tmp_path: Path) -> None:
    """As drawn (no text layer), left to right: the base, then its exponent with the sign first, as "١٠²³"."""
    build_article(tmp_path, "powers", POWERS)
    drawn = "\n".join(visual_lines(build_drawn(tmp_path, dist=tmp_path / "unmarked") / "powers.pdf"))
    for power in ("١٠⁻⁵ Pa·s", "١٠⁻³", "١٠⁻¹²", "١٠⁻³¹", "١٠²³", "....../....../٢٠٢٥"):
        assert power in drawn, (power, drawn)


# scientific notation in Extended Arabic-Indic digits, its coefficient and "×" before the power (b180c): the run
# began at the exponent's European digit, and the head of a table was drawn "(⁶ K⁻¹⁻۱۰×) α" (typeset/bidi.py)
SCIENTIFIC = [
    "قال ضریب α (×۱۰⁻⁶ K⁻¹) برای فولاد است.",
    "قال اگر α = ۱۲×۱۰⁻⁶ K⁻¹ باشد، ΔL ≈ ۸٫۶۴×۱۰⁻³ m است.",
    "قال و سرعت نور ٣×١٠⁻⁸ م/ث تقريبا ليست كذلك.",
]


def test_scientific_notation_in_arabic_indic_digits_is_drawn_as_typed(tmp_path: Path) -> None:
    build_article(tmp_path, "scientific", SCIENTIFIC, language="fa")
    drawn = "\n".join(visual_lines(build_drawn(tmp_path, dist=tmp_path / "unmarked") / "scientific.pdf"))
    # left to right as typed (the closing bracket's glyph maps to "(" before the text layer, as drawn mirrored
    # elsewhere); the right-to-left equation's parts in its order; and in Arabic-Indic digits, Arabic numbers to the
    # bidi algorithm, the product right to left as before, its power's exponent right of its base: "٣×١٠⁻⁸"
    for number in ("α (×۱۰⁻⁶ K⁻¹", "۱۲×۱۰⁻⁶ K⁻¹ = α", "۸٫۶۴×۱۰⁻³ m ≈ ΔL", "١٠⁻⁸×٣"):
        assert number in drawn, (number, drawn)
    found = misread(build_article(tmp_path / "read", "scientific", SCIENTIFIC[:2], language="fa"), SCIENTIFIC[:2])
    assert found == [], found  # (and read back as typed by both)


# a Persian paragraph whose second line begins with "(NASA)" on A4, the first holding a hamza above beside a Latin word
LUT = (
    "گرمای روز هم افسانه‌ای است: سنجندهٔ MODIS بر روی ماهواره‌های ناسا (NASA) در سال ۲۰۰۵ دمای سطح زمین را در منطقهٔ"
    " گندم‌بریان ۷۰٫۷ °C ثبت کرد. اما همین خاک داغ پس از غروب به‌سرعت خنک می‌شود و اختلاف دمای شب و روز گاهی به ۲۵"
    " درجه می‌رسد."
)


def test_a_persian_line_read_whole_keeps_its_decimals_and_its_place(tmp_path: Path) -> None:
    import subprocess

    from conftest import MARKS

    pdf = build_article(tmp_path, "lut", ["مقدمه کوتاه.", LUT], language="fa-IR", page="A4")
    poppler = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    read = " ".join(MARKS.sub("", poppler).replace("\u200c", "").split())
    assert "ناسا (NASA) در سال ۲۰۰۵" in read and "گندمبریان ۷۰٫۷ °C ثبت" in read, read


# a power of a bracket in Arabic-Indic or Persian digits, an operator after it (an Iraqi lesson on acceleration of the
# hundred-and-fifty-fourth batch, "٠ = (٢٠)² + ٢ × a × ٤٠"): the bracket, drawn between the power and the number, was
# taken for the tail of the run of numbers and operators the power ends, "٢ + ²)"; poppler read "(‎)‎٢٠²", and with
# Persian digits both read "²)۲۰(" (tjroles._power_of_bracket)
BRACKETED = [
    "قال إن ٠ = (٢٠)² + ٢ × a × ٤٠ هنا.",
    "قال إن [٢ + ٣]² = ٢٥ هنا.",
    "قال إن (٢٠)³ − ١ هنا.",
    "قال إن س = (٣ + ٢)² هنا.",
]
BRACKETED_PERSIAN = ["قال اگر ۰ = (۲۰)² + ۲ باشد.", "قال اگر (۳ + ۲)² = ۲۵ باشد.", "قال اگر (۲۰)² باشد."]


def test_both_extractors_read_a_power_of_a_bracket_before_an_operator_as_typed(tmp_path: Path) -> None:
    assert misread(build_article(tmp_path / "ar", "powers", BRACKETED, language="ar-IQ"), BRACKETED) == []
    persian = build_article(tmp_path / "fa", "powers", BRACKETED_PERSIAN, language="fa")
    assert misread(persian, BRACKETED_PERSIAN) == []
