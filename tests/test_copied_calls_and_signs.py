"""What the hundredth and hundred-and-first batches of texts the project had never seen found, read back from both
extractors: a note's call between a word and the punctuation that ends a line ("السنوي¹،", a Doha metro timetable),
which PDFium read backwards; and a currency sign poppler takes for a digit but the project did not ("450 ₪ قبل", an
olive harvest in Nablus), read glued to the word after it."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import build_article, misread
from readers import unread

# the line before the call ends with a number whose last glyph is wide ("97.5%"): PDFium, which starts a new line
# where an array is raised above the one on the line's right by more than half the wider of their facing glyphs,
# took the call into the line, between the word and the comma, and read "السنوي" as "يونسلا" (pdf/pdfiumline.py)
DOHA = (
    "وتقول الشركة إن هامش الالتزام بالمواعيد سيبقى ضمن ±1 دقيقة في {number} من الرحلات، وهي النسبة نفسها المسجلة في"
    " تقرير الأداء السنوي[^1]{stop} بينما انخفضت نسبة المخالفات المتعلقة بالتذاكر إلى 3.8‰ فقط من إجمالي الرحلات."
)


@pytest.mark.parametrize("stop", ["،", ".", ":"])
def test_a_note_call_before_the_punctuation_ending_a_line_reads_in_order(tmp_path: Path, stop: str) -> None:
    paragraphs = [DOHA.format(number=number, stop=stop) for number in ("97.5%", "97.50", "97.5‰")]
    notes = [paragraph.replace("[^1]", f"[^{n}]") for n, paragraph in enumerate(paragraphs, 1)]
    pdf = build_article(tmp_path, "calls", [*notes, *(f"[^{n}]: تقرير الأداء." for n in range(1, 4))], page="A4")
    assert unread(pdf, [paragraph.replace("[^1]", "") for paragraph in paragraphs]) == []


# a call after an Arabic word, mid-line (a Libyan subsidy explainer of the ninety-fifth batch): its RIGHT-TO-LEFT MARK,
# as small and as high as the call, made poppler read "سنوياً، أي ما بين" as a line of its own, before the rest
LIBYA = (
    "تتباين التقديرات، لكن أرقاماً متداولة في نقاشات مجلس النواب والمصرف المركزي تضع كلفة دعم المحروقات بين 12 و15"
    " مليار د.ل سنوياً[^1]، أي ما بين ٨٪ و١٢٪ من الإنفاق العام بحسب السنة وسعر الصرف. ويقدّر اقتصاديون أن نحو 3/4"
    " من قيمة هذا الدعم تذهب إلى الفئات الأعلى استهلاكاً."
)


@pytest.mark.parametrize("page", ["A5", "A6"])
def test_a_note_call_after_an_arabic_word_reads_in_its_line(tmp_path: Path, page: str) -> None:
    pdf = build_article(tmp_path, "libya", [LIBYA, "[^1]: تقديرات متداولة."], page=page)
    assert unread(pdf, [LIBYA.replace("[^1]", "")]) == []


# a call in a nested list's item (a cooking lesson of the hundred-and-third batch, A6): the item's dash, on the line's
# right, ends with a glyph wide enough that PDFium sorted the call in with the line, and started a new line after it,
# an array of one glyph set higher than the next: "، مفروم مرتين." was read on a line of its own, before the rest
ITEMS = [
    "1 كغ لحم هبرة من فخذ الغنم[^1]، مفروم مرتين.",
    "500 غ برغل ناعم أسمر[^2]، منقوع ربع ساعة.",
    "2 بصل مفروم ناعما[^3]، مع قليل من الملح.",
]


def test_a_note_call_in_a_nested_list_item_reads_in_its_line(tmp_path: Path) -> None:
    items = "\n".join(f"  - {item}" for item in ITEMS)
    notes = [f"[^{n}]: ملاحظة رقم {n}." for n in range(1, 4)]
    pdf = build_article(tmp_path, "items", [f"- عجينة الكبة:\n{items}", *notes], page="A6")
    assert unread(pdf, [item.split("[")[0] + item.split("]")[1] for item in ITEMS]) == []


# a form's date to fill in (a Tyre municipality's complaint form, an Annaba invitation's reply slip, the hundred-and-
# seventh batch): its blanks were drawn right of the year, both read "2025/..../" (typeset/bidi.py: one run now)
BLANKS = [
    "قال التاريخ: ..../..../2025 والتوقيع.",
    "قال حرر في ../../2025 بمدينة صور.",
    "قال التاريخ: 14/..../2025 فقط.",
]


def test_both_extractors_read_a_date_to_fill_in_as_typed(tmp_path: Path) -> None:
    assert misread(build_article(tmp_path, "blanks", BLANKS), BLANKS) == []


# the currency signs of U+20A0 to U+20B1 are digits to poppler, as "$" and "€" are (pdf/charclass.POPPLER_LTR)
SIGNS = ["450 ₪ قبل عامين", "٤٥٠ ₪ قبل عامين", "1200 ₦ للكيلو", "300 ₱ فقط", "15 ₩ للقطعة", "2 ¢ للصفحة"]


def test_both_extractors_read_a_currency_sign_after_its_number_apart_from_the_word_after_it(tmp_path: Path) -> None:
    typed = [f"قال كان السعر في حدود {price}." for price in SIGNS]
    assert misread(build_article(tmp_path, "signs", typed), typed) == []


# a dash typed as hyphens, apart between Arabic words: a quotation's attribution in a block quote ("> -- المدير
# الإقليمي لقطاع الماء بفاس", a water-cut notice and two more texts of the hundred-and-seventy-second batch): poppler
# took the hyphens for left to right, the space after them in their stretch, "--المدير" (numberpunct.dash_stretches)
DASHES = ["قال -- المدير الإقليمي هنا.", "قال --- رئيسة القسم هنا.", "قال إنه قرأ هذا -- ثم مضى."]


def test_both_extractors_read_a_dash_typed_as_hyphens_apart_from_the_words(tmp_path: Path) -> None:
    quote = "قال هذا كلام طويل في الاقتباس يكفي لسطر."
    pdf = build_article(tmp_path, "dashes", [*DASHES, f"> {quote}\n>\n> -- المدير الإقليمي بفاس"], language="ar-MA")
    assert misread(pdf, [*DASHES, quote]) == []
    assert unread(pdf, ["-- المدير الإقليمي بفاس"]) == []


# a separator after a vocalised word and its closing quote, a number after it ("«صوت الحيّ»: 6 مقاعد", a municipal
# election's seats, the hundred-and-seventy-first batch): poppler read the colon with the number, "»6 :"
# (lineroles._beside_separator: a digit beyond the space makes it the run's end, as an Arabic letter does)
SEATS = ["قال «صوت الحيّ»: 6 مقاعد هنا.", "قال «معًا»: ٧ مقاعد هنا.", "قال «الحيّ»، 6 مقاعد (والباقي 0.348)."]


def test_both_extractors_read_a_number_after_a_vocalised_word_and_its_separator(tmp_path: Path) -> None:
    assert misread(build_article(tmp_path, "seats", SEATS, language="ar-TN"), SEATS) == []


# signs typed apart between Arabic words, a space on either side ("مؤشر +/- للخوري", the plus-minus statistic of a
# basketball report of the same batch): PDFium read them backwards, "-/+", and poppler with the word after them,
# "-/+للخوري" (numberpunct.weak_stretches, as for signs glued to a word, "$/برميل")
APART = ["قال وكان مؤشر +/- للخوري هو الأعلى.", "قال النسبة %/+ هنا."]


def test_both_extractors_read_signs_typed_apart_between_arabic_words(tmp_path: Path) -> None:
    assert misread(build_article(tmp_path, "apart", APART, language="ar-LB"), APART) == []
