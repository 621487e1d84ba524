"""Numbers in Persian and Urdu digits ("۱۰-۱۵", "۵۰٪", "۰۲۱-۸۸۷۷۶۶۵۵") are set the same way wherever they stand.

Found in a text the project had never seen (a Shiraz metro app review, the ninety-ninth batch): a phone number read
"۳۶۲۹۰۰۰۰-۰۷۱" by both extractors. It was drawn so, as the bidi algorithm sets Extended Arabic-Indic digits after an
Arabic letter (Arabic numbers, their groups right to left); where nothing came before it on its line, the same number
was drawn as typed (European numbers, rule W4), and so was a range at a paragraph's start, "۱۰-۱۵", which a Persian
reader reads "from fifteen to ten", and "۵۰٪" with its sign before the number. An ARABIC LETTER MARK before each such
number sets it as text after a word is set, everywhere (typeset/extended.py)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pypdfium2
import pytest
from conftest import MARKS, build_article, build_drawn
from readers import words
from test_typeset_pages import visual_lines

from publisher.typeset.document import PASSES
from publisher.typeset.extended import ARABIC_LETTER_MARK as ALM
from publisher.typeset.extended import extended_numbers_pass
from publisher.typeset.inline import typeset_fragment


def typeset(text: str, language: str = "fa") -> str:
    return typeset_fragment(f"<p>{text}</p>", language, True, PASSES, lambda digits: digits)


@pytest.mark.parametrize(
    ("text", "marked"),
    [
        ("درمان ۱۰-۱۵ روز طول می‌کشد", ["۱۰-۱۵"]),
        ("۵۰٪ از مردم و ۳۰ درصد دیگر", ["۵۰٪"]),
        ("با شماره ۰۷۱-۳۶۲۹۰۰۰۰ یا ۰۲۱-۸۸۷۷۶۶۵۵ تماس بگیرید", ["۰۷۱-۳۶۲۹۰۰۰۰", "۰۲۱-۸۸۷۷۶۶۵۵"]),
        ("تاریخ ۱۴۰۳-۰۵-۱۲ و ۱۲٫۵‰ و ۴۵° شمالی", ["۱۴۰۳-۰۵-۱۲", "۱۲٫۵‰", "۴۵°"]),
        ("در محدودهٔ ۲۰–۲۳٪ بماند", ["۲۰–۲۳٪"]),  # one mark, before the range: W2 looks back to it
        # no sign the bidi algorithm reads otherwise: a date with slashes, a decimal number; a signed number (an
        # isolate, left to right as CLDR writes it); Arabic-Indic digits, Arabic numbers already; a prefix letter's
        ("تاریخ ۱۴۰۳/۰۵/۱۲ و ۱۲٫۵ و −۱٫۲٪ و ١٠-١٥ و و۱۰-۱۵", []),
    ],
)
def test_an_arabic_letter_mark_goes_before_a_persian_number_with_a_sign(text: str, marked: list[str]) -> None:
    out = typeset(text)
    assert re.findall(f"{ALM}([^\\s<]+)", out) == marked, out
    others = [typeset_pass for typeset_pass in PASSES if typeset_pass is not extended_numbers_pass]
    assert out.replace(ALM, "") == typeset_fragment(f"<p>{text}</p>", "fa", True, others, str)  # nothing else changed


def test_left_to_right_text_is_left_alone() -> None:
    assert ALM not in typeset_fragment("<p>Call ۰۲۱-۸۸۷۷۶۶۵۵ or see ۱۰-۱۵.</p>", "en", False, PASSES, str)


SENTENCES = [
    "۱۰-۱۵ روز طول می‌کشد تا درمان بین ۱۰-۱۵ روز تمام شود.",
    "۵۰٪ از مردم شهر در نظرسنجی شرکت کردند و ۵۰٪ دیگر نه.",
    "۰۲۱-۸۸۷۷۶۶۵۵ شماره دفتر است و شماره دیگر ۰۲۱-۸۸۷۷۶۶۵۵ است.",
]


def test_a_persian_number_at_a_paragraphs_start_is_drawn_as_after_a_word(tmp_path: Path) -> None:
    """As drawn (no text layer), left to right: the range's last number on the left, the percent sign left of its
    number, the phone's area code on the right, at the start and in the middle alike."""
    build_article(tmp_path, "fa", SENTENCES, language="fa")
    drawn = "\n".join(visual_lines(build_drawn(tmp_path, dist=tmp_path / "unmarked") / "fa.pdf"))
    assert drawn.count("۱۵-۱۰") == 2 and "۱۰-۱۵" not in drawn, drawn
    assert drawn.count("٪۵۰") == 2 and "۵۰٪" not in drawn, drawn
    assert drawn.count("۸۸۷۷۶۶۵۵-۰۲۱") == 2 and "۰۲۱-۸۸۷۷۶۶۵۵" not in drawn, drawn


def assert_read_as_typed(pdf: Path, typed: list[str]) -> None:
    """Both extractors read each of the sentences `typed` as one line of `pdf`, in order."""
    poppler = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pdfium = "\n".join(page.get_textpage().get_text_range() for page in pypdfium2.PdfDocument(pdf))
    for text in (poppler, pdfium):
        lines = [line.strip() for line in MARKS.sub("", text).replace("\r", "").split("\n")]
        assert [line for line in lines if line in typed] == typed, text


def test_both_extractors_read_persian_numbers_as_typed_wherever_they_stand(tmp_path: Path) -> None:
    assert_read_as_typed(build_article(tmp_path, "fa", SENTENCES, language="fa"), SENTENCES)


def test_a_signed_number_with_latin_separators_is_one_isolate() -> None:
    """Urdu writes "+۶,۷۴۰" and "−۰.۶" with Latin separators (the hundred-and-twentieth batch): only the sign and the
    first digits had been isolated, the rest drawn on their left, "۷۴۰,+۶" (typeset/bidi.py)."""
    out = typeset("خرچ +۶,۷۴۰ روپے بڑھا اور شرح −۰.۶ فیصد کم ہوئی", "ur")
    assert re.findall("\u2066([^\u2069]*)\u2069", out) == ["+۶,۷۴۰", "−۰.۶"], out


SIGNED = [
    "قال حتی در دمای −۲°C، یخ نزند.",
    "قال دمای هوا به −۱۲٫۵°C رسید و سپس بالا رفت.",
    "قال دمای هوا به +۳°C رسید.",
    "قال خرچ +۶,۷۴۰ روپے بڑھا اور شرح −۰.۶ فیصد کم ہوئی۔",
]


def test_both_extractors_read_a_signed_persian_number_glued_to_its_unit(tmp_path: Path) -> None:
    """ "−۲°C" is two isolates, the number's and the unit's, set right to left as "۳۸°C" is: both read them as drawn,
    "°C−۲" (pdf/sharedruns.py gives the pair its text as typed)."""
    pdf = build_article(tmp_path, "fa", SIGNED, language="fa")
    poppler = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pdfium = "\n".join(page.get_textpage().get_text_range() for page in pypdfium2.PdfDocument(pdf))
    for text in (poppler, pdfium):  # (words: poppler reads the comma after "°C" before the number, "،−۲°C")
        lines = [words(line) for line in MARKS.sub("", text).replace("\r", "").split("\n")]
        assert [line for line in lines if line[:1] == ["قال"]] == [words(line) for line in SIGNED], text


# an identifier whose number is in Extended digits, glued to its Latin part (the hundred-and-forty-ninth batch, an Urdu
# water tariff's "KWSC/PR/۲۰۲۶/۱۴۷"): the Latin part was a run and the digits the text's, drawn "۲۰۲۶/۱۴۷/KWSC/PR" and
# read so by both; one run now, as the bidi algorithm alone reads it (typeset/bidi.py, pdf/tjroles.script_parts). Not
# a number a space parts from a name: "iPhone ۱۵" reads right to left still.
IDENTIFIERS = ["اعلامیہ نمبر KWSC/PR/۲۰۲۶/۱۴۷ جاری ہوا۔", "نمبر A۱۲ اور نسخہ v۲.۳ دیکھیں۔", "ماڈل iPhone ۱۵ ہے۔"]


def test_an_identifier_with_extended_digits_is_one_run(tmp_path: Path) -> None:
    assert_read_as_typed(build_article(tmp_path, "ur", IDENTIFIERS, language="ur"), IDENTIFIERS)
    drawn = "\n".join(visual_lines(build_drawn(tmp_path, dist=tmp_path / "unmarked") / "ur.pdf"))
    assert "KWSC/PR/۲۰۲۶/۱۴۷" in drawn and "A۱۲" in drawn and "v۲.۳" in drawn, drawn  # left to right
    assert "۱۵ iPhone" in drawn, drawn  # (right to left, as before)
