"""A table is never wider than the measure: one too wide is set smaller (pdf/tablefit.py), one that fits is not.

Found in texts the project had never seen (the hundred-and-forty-eighth batch, a Syrian water tender's table of seven
columns with costs of thirteen digits, on A4; the hundred-and-forty-seventh, an Egyptian pharmacy's price list on A6):
WeasyPrint lays a table out at its columns' narrowest widths whatever the measure, and the tender's ran 115 pt past
the text block, through the margin into the bleed. And a currency sign a space before its number ("$ ١٢٬٥٠٠") had
ended a cell's line, the number beginning the next (typeset/units.py)."""

from __future__ import annotations

from pathlib import Path

import pypdfium2
from conftest import MARKS, build_article

PROSE = "قال المقاول إن الأعمال ستبدأ في الربيع المقبل بعد توقيع العقود مع الجهات المانحة وإنهاء الدراسات الفنية كلها."
TENDER = "\n".join(
    [
        "| الحزمة | الموقع | نوع الأعمال | رمز البند | الكلفة التقديرية (ل.س) | التأمين الأولي | مدة التنفيذ |",
        "|---|---|---|---|---|---|---|",
        "| ١ | محطة الخفسة | توريد وتركيب ثلاث مضخات أفقية | PS-KH-01 | ٨٬٧٥٠٬٠٠٠٬٠٠٠ | $ ١٢٬٥٠٠ | ١٨٠ يومًا |",
        "| ٢ | محطة بابيري | تأهيل لوحات التحكم ونظام SCADA | PS-BB-02 | ٤٬٢٠٠٬٠٠٠٬٠٠٠ | € ٦٬٠٠٠ | ١٢٠ يومًا |",
        "| ٣ | دير حافر | تأهيل خزان عال بسعة ١٬٢٥٠ م³ | TK-DH-04 | 1,875,000,000 | SAR 2,700 | ٧٥ يومًا |",
    ]
)
SMALL = "| البند | الكلفة |\n|---|---|\n| مضخة | ٣٬٥٠٠ |\n| خزان | ٤٬٢٠٠ |"


def _extents(pdf: Path) -> tuple[tuple[float, float], tuple[float, float], list[float]]:
    """The horizontal extent of the prose line (the text block's width), of the tables' characters, and the sizes of
    the prose and of the tables' digits "٣٬٥٠٠" and "٨٬٧٥٠"."""
    page = pypdfium2.PdfDocument(pdf)[0]
    text = page.get_textpage()
    boxes = [(text.get_text_range(i, 1), text.get_charbox(i)) for i in range(text.count_chars())]
    read = "".join(char for char, _ in boxes)
    start = read.index("قال المقاول")
    prose = [box for _, box in boxes[start : start + len(PROSE) * 2] if box[2] > box[0]]  # (justified: the measure)
    cells = [box for char, box in boxes if box[2] > box[0] and char in "٣٨٠٬٥٧PSKH-"]
    at = [start, read.index("٣٬٥٠٠"), read.index("٨٬٧٥٠")]
    sizes = [pypdfium2.raw.FPDFText_GetFontSize(text.raw, index) for index in at]
    return (
        (min(b[0] for b in prose), max(b[2] for b in prose)),
        (min(b[0] for b in cells), max(b[2] for b in cells)),
        sizes,
    )


def test_a_table_too_wide_is_set_smaller_within_the_measure_and_one_that_fits_is_not(tmp_path: Path) -> None:
    for page in ("A5", "A6"):
        pdf = build_article(tmp_path / page, "tables", [PROSE * 2, SMALL, TENDER], page=page)
        (left, right), (first, last), (body, small, tender) = _extents(pdf)
        assert left - 0.5 <= first and last <= right + 0.5, (page, (left, right), (first, last))  # (it ran 85 pt out)
        assert tender < small, (page, small, tender)  # set smaller
        assert abs(small - body) < 0.01, (page, body, small)  # the table that fits is as the text


def test_a_currency_or_an_error_stays_on_the_line_of_its_number(tmp_path: Path) -> None:
    """In a column left at its narrowest beside one of prose, "$ ١٢٬٥٠٠" had been set "$" over "١٢٬٥٠٠", and a
    clinic's "٨٫٩ ± ١٫٦" and "1.1 × 10⁻⁹" had ended a line with their sign."""
    values = ("$ ١٢٬٥٠٠", "€ ٦٬٠٠٠", "SAR 2,700", "٨٫٩ ± ١٫٦", "1.1 × 10⁻⁹")
    rows = [f"| {value} | {PROSE} |" for value in values]
    pdf = build_article(tmp_path, "price", ["| القيمة | الوصف |\n|---|---|\n" + "\n".join(rows)], page="A6")
    text = "".join(page.get_textpage().get_text_range() for page in pypdfium2.PdfDocument(pdf))
    lines = [line.strip() for line in MARKS.sub("", text).split("\n")]
    assert "$" not in lines and "€" not in lines and "SAR" not in lines, lines  # (alone, it had ended a cell's line)
    assert not [line for line in lines if line.endswith(("±", "×")) or line.startswith(("±", "×"))], lines
