"""Read back as typed: lines the text layer reads whole (pdf/wholeline.py), as the hundred-and-forty-seventh and the
hundred-and-fiftieth batches of texts the project had never seen showed them misread.

- a vocalised word on a line whose text object holds a left-to-right isolate, an Arabic prefix glued to a Latin word
  ("قاسية جداً، والـVAR"): its tanwin's array, raised 0.6 pt, did not make the line read whole, and PDFium read the
  word backwards, "ًادج" (wholeline.beside_raised: a mark's array raised at all).
- a note's first line, read whole (its vocalised words), its number at the right end read as nothing: poppler's
  line began at the number's left, and the note's last line, one word under the number ("اليمن."), beside no glyph of
  the line above, was taken for a column and read before the note (wholeline._silent: a RIGHT-TO-LEFT MARK there)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from conftest import build_article
from test_copied_beside_runs import _missing, _texts

GLUED = [
    "كانت ركلة الجزاء قاسية جداً، والـVAR لم يحسم اللقطة بصورة مقنعة، وقد اعترض اللاعبون كثيراً على ذلك.",
    "يستهلك الهاتف البطارية سريعاً عند تشغيل الـGPS طوال الرحلة، خصوصاً في المناطق الجبلية البعيدة.",
    "تعمل الشبكة جيداً بالـWi-Fi داخل المنزل، أمّا خارجه فالاتصال ضعيفٌ جداً في معظم الأحيان.",
]


@pytest.mark.parametrize("page", ["A6", "A5"])
def test_a_vocalised_word_beside_a_prefix_glued_to_latin_reads_as_typed(tmp_path: Path, page: str) -> None:
    pdf = build_article(tmp_path, "glued", GLUED, page=page, language="ar-TN")
    assert _missing(pdf, ("قاسية جداً، والـVAR", "سريعاً عند تشغيل الـGPS", "جيداً بالـWi-Fi", "ضعيفٌ جداً في")) == []


NOTES = [
    "وفي الخليج يتزايد الطلب على القِشر[^1]، وهو منتج كان يُعدّ ثانويًا حتى وقت قريب.",
    "[^1]: القِشر هو غلاف ثمرة البن المجفّف، يُغلى مع الزنجبيل والهيل ليُحضَّر منه مشروب شعبي في اليمن.",
]


@pytest.mark.parametrize("page", ["B5", "A5"])
def test_a_notes_first_line_read_whole_begins_at_its_number(tmp_path: Path, page: str) -> None:
    pdf = build_article(tmp_path, "note", NOTES, page=page, language="ar-MA")
    layout = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True, check=True)
    lines = re.findall(r'<line xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>(.*?)</line>', layout.stdout, re.S)
    first = next(right for right, words in lines if "فالغ" in words)  # (poppler's words of "غلاف", the note's)
    last = next(right for right, words in lines if ">.نميلا<" in words)
    assert abs(float(first) - float(last)) < 1, (first, last)  # both flush with the text block's right edge


ABSTRACT = "We use household data over 2000–2024 and the Standardized Precipitation-Evapotranspiration Index, as"


def test_a_compound_broken_in_an_english_quotation_of_an_arabic_book_reads_once(tmp_path: Path) -> None:
    """An English abstract quoted in an Arabic study (the hundred-and-fifty-third batch, a drought in the Bekaa): its
    lines read whole, "Standardized Precipitation-" ending one, "Evapotranspiration Index, we find" beginning the
    next, the rest of the compound in one array with the words after it; the first line read the compound whole, and
    the next its rest again, "Evapotranspiration" twice (addresspieces.with_head leaves it out)."""
    words = ABSTRACT.split()
    quotes = [
        f"> {' '.join(words[:n] + ['x' * k for k in range(1, n % 4 + 2)])} {' '.join(words[n:])} here."
        for n in range(9)
    ]
    pdf = build_article(tmp_path, "abstract", ["قال الباحثون:", *quotes, "انتهى."], page="A6", language="ar-LB")
    for name, read in _texts(pdf).items():
        assert read.count("Precipitation-Evapotranspiration") == len(quotes), (name, read)
        assert read.count("Evapotranspiration") == len(quotes), (name, read)


# an address or a compound at the end of a line with a vocalised word ("مساءً"), whole or broken after it (the b197
# batch: an e-mail address broken before its "@"; then URLs, paths, hyphenated names)
ENDING = [
    "يُنظّم نادي الفلك في صنعاء رصدًا ميدانيًا مفتوحًا مساء الجمعة من سطح مبنى كلية العلوم، ابتداءً من مساءً الخميس."
    " للتسجيل عبر info.desk@press.example.com، ولمتابعة البث المباشر: صفحة الرصد أو الحساب.",
    "يونيو مساءً المتحدث إن سيرد الجديد متاحا https://github.com/publisher/arabic-press عمل وإن أيام.",
    "يونيو مساءً المتحدث إن سيرد الجديد متاحا المتحدث Amiri-Quran-Font-Family-Regular عمل وإن أيام.",
    "يونيو مساءً المتحدث إن سيرد الجديد متاحا المتحدث Amiri/Quran/Font/Family/Regular عمل وإن أيام.",
]


@pytest.mark.parametrize("page", ["A5", "A6"])
def test_an_address_ending_a_vocalised_line_reads_in_its_place(tmp_path: Path, page: str) -> None:
    """PDFium read the address first, glued to the line's first word ("…arabic-pressيونيو"): a line holding an
    address's first piece was never read whole (addresspieces.tail_arrays), so its own object was read first."""
    pdf = build_article(tmp_path, "ending", ENDING, page=page, language="ar-YE")
    phrases = (
        "للتسجيل عبر info.desk@press.example.com",  # (its comma drawn on the next line, a word apart to poppler)
        "متاحا https://github.com/publisher/arabic-press عمل",
        "المتحدث Amiri-Quran-Font-Family-Regular عمل",
        "المتحدث Amiri/Quran/Font/Family/Regular عمل",
        "يونيو مساءً المتحدث",
    )
    assert _missing(pdf, phrases) == []


@pytest.mark.parametrize("page", ["B5", "A4"])
def test_a_notes_last_word_is_read_after_a_bold_vocalised_term(tmp_path: Path, page: str) -> None:
    """A glossary note of the hundred-and-sixty-second batch's anthology, "**الشَّبِم:** البارد، … من حرارة" | "الحب.":
    the bold term's array began 0.005 pt inside the array carrying the line's text, so it got no RIGHT-TO-LEFT MARK,
    and poppler read the note's last word, alone on its line, before the note (wholeline.ABUTTING)."""
    paragraphs = [
        "قال الشاعر في وصف حاله مع سيف الدولة كلاماً طويلاً[^1] وهو مشهور.",
        "[^1]: **الشَّبِم:** البارد، والمعنى أن قلب سيف الدولة بارد لا يحسّ بما في قلب الشاعر من حرارة الحب.",
    ]
    pdf = build_article(tmp_path, "term", paragraphs, page=page, language="ar-IQ")
    assert _missing(pdf, ("الشاعر من حرارة الحب.",)) == []
