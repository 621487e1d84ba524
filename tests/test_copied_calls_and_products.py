"""Read back as typed: what the hundred-and-thirty-seventh batch of texts the project had never seen showed an
extractor misreading, each then written for its class.

- a note's call in a table cell: raised, it put the cell on two baselines, and poppler's text of the cell went on the
  call, a line of its own between the rows, so that poppler read the table column by column (pdf/cells.py: never on
  a call); in an English book's table, the call was read in the cell's text, "decrees 1" (pdf/ltrlayer.py).
- a table with an empty cell, whose column poppler read apart, after the rest; a left-to-right book's table of
  vocalised Arabic terms, whose lines poppler read apart: each row read as one cell (pdf/cells.py), but where a cell
  holds Hebrew, whose line the text layer cannot order.
- a word given its text (a kerning gap, marks) in bold or a link before Arabic punctuation, "**تشاورية**؟",
  "[کلک کریں](…)۔": PDFium read it backwards, "ةيرواشت؟" (pdf/neighbours.object_end).
- a line read whole (a vocalised word beside a number): a product, "30×40 سم", read "40 ×30سم" by PDFium, and a phone
  number's groups, "+216 71 234 567", read "567234 71 +216" (pdf/marks.pdfium_text); a magnification before a
  vocalised word, "3× مقارنةً", read "3 ×مقارنةً"; inline code of signs in brackets, `(?:...)`, `[$€£]`, read
  ")? :...(" and "] $€£[" by PDFium (pdf/charclass.pdfium_actual_text).
- a name joined to its number by a hyphen in Extended Arabic-Indic digits, Persian "کووید-۱۹": set as a signed number
  "-۱۹", it was drawn "-۱۹کووید" and read "کووید۱۹-" by both (typeset/bidi.py)."""

from __future__ import annotations

import re
from pathlib import Path
from unicodedata import normalize

import pytest
from conftest import build_article
from test_copied_beside_runs import _texts

_DROP_MARKS = re.compile("[\u064b-\u065f\u0670]")
SCHEDULE = (
    "| التوقيت | المحور | المؤطر |\n|---|---|---|\n"
    "| 9:00 – 10:30 | تثبيت Python 3.12.1[^1] وإعداد البيئة | م. سامي بن علي |\n"
    "| 10:45 – 12:30 | المتغيرات والقوائم والدوال | د. ريم الشابي[^2] |\n"
    "| 14:00 – 15:30 | مشروع صغير: حل المعادلات | د. ريم الشابي |"
)
TERMS = (
    "| Terme | Translittération | Sens | Remarque |\n|---|---|---|---|\n"
    "| إِنَّمَا | innamā | « ne ... que » | particule de restriction (*ḥaṣr*) |\n"
    "| الْهِجْرَة | al-hijra | l’émigration | aussi : quitter ce qui est blâmable |\n"
    "| الرِّيَاء | al-riyāʾ | l’ostentation | le contraire de l’*ikhlāṣ* |"
)
SCRIPTS = (
    "| Script | Arabic name | Character | Typical use |\n|---|---|---|---|\n"
    "| Thuluth | الثُّلُث | tall, sweeping | mosque inscriptions, headings |\n"
    "| Diwani | الدِّيوَانِيّ | dense, slanting | Ottoman chancery decrees[^1] |\n"
    "| Nastaʿliq | النَّسْتَعْلِيق | hanging, elongated | Persian and Urdu poetry |"
)
SIGNS = (
    "| بالعبرية | النطق التقريبي | المقابل العربي | ملاحظة |\n|---|---|---|---|\n"
    "| רחוב | رِحوف | شارع | أكثر الكلمات شيوعًا |\n"
    "| שדרות | سديروت | جادّة | تُنقل حرفيًا في لافتات كثيرة جدا في المدينة |\n"
    "| מעלה | مَعَليه | طلعة، درج | شائعة في أحياء الكرمل المنحدرة |"
)
INGREDIENTS = (
    "| ماده | مقدار | توضیح |\n|---|---|---|\n"
    "| زردچوبه | ¾ قاشق | |\n"
    "| لیمو عمانی[^1] | ۴ تا ۵ عدد | سوراخ‌شده |\n"
    "| روغن مایع | ۱/۴ پیمانه | به‌علاوهٔ ۲ قاشق برای سبزی و برنج و گوشت |\n"
    "| آب جوش | ۱٫۵ لیتر | |"
)


@pytest.mark.parametrize(
    ("table", "language", "rows"),
    [
        (
            SCHEDULE,
            "ar-TN",
            [
                "التوقيت المحور المؤطر",
                "9:00 – 10:30 تثبيت Python 3.12.1 وإعداد البيئة م. سامي بن علي",
                "10:45 – 12:30 المتغيرات والقوائم والدوال د. ريم الشابي",
            ],
        ),
        (
            INGREDIENTS,
            "fa",
            [
                "ماده مقدار توضیح زردچوبه ¾ قاشق",
                "لیمو عمانی ۴ تا ۵ عدد سوراخ‌شده",
                "روغن مایع ۱/۴ پیمانه به‌علاوهٔ ۲ قاشق برای سبزی و برنج و گوشت آب جوش",
            ],
        ),
        (TERMS, "fr", ["إنما innamā « ne ... que »", "الهجرة al-hijra l’émigration", "الرياء al-riyāʾ l’ostentation"]),
        (SCRIPTS, "en", ["Diwani الديواني dense, slanting Ottoman chancery decrees Nastaʿliq النستعليق hanging"]),
        (SIGNS, "ar", ["שדרות سديروت جادة تنقل حرفيا في لافتات كثيرة جدا في المدينة", "מעלה معليه طلعة، درج"]),
    ],
)
def test_a_table_with_note_calls_or_empty_cells_reads_row_by_row(
    tmp_path: Path, table: str, language: str, rows: list[str]
) -> None:
    notes = ["[^1]: نسخة مستقرة.", "[^2]: أستاذة مشاركة."]
    pdf = build_article(tmp_path, "table", ["الجدول:", table, *notes], page="A4", language=language)
    for name, read in _texts(pdf).items():  # (compared without marks: the terms are vocalised)
        for row in rows:
            assert _DROP_MARKS.sub("", row) in _DROP_MARKS.sub("", read), (name, row, read)


def test_a_word_in_bold_or_a_link_before_arabic_punctuation_reads_forwards(tmp_path: Path) -> None:
    paragraphs = [
        "هل كانت الجلسة **تشاورية**؟ نعم، وكانت **مغلقة**؛ ثم صدر بيان.",
        "وسألوا عن المشروع *وير*؟ فلم يُجب أحد.",
    ]
    urdu = ["مکمل اسکور کارڈ کے لیے [یہاں کلک کریں](https://example.org/a)۔ قارئین اپنی رائے **کرین**؟ بھیجیں۔"]
    for language, texts, words in (
        ("ar", paragraphs, ("تشاورية؟", "مغلقة؛", "وير؟")),
        ("ur", urdu, ("کریں۔", "کرین؟")),
    ):
        pdf = build_article(tmp_path / language, "punctuation", texts, language=language)
        for name, read in _texts(pdf).items():
            for word in words:
                assert word in read.replace("\u200c", ""), (name, word, read)


def test_products_and_phone_numbers_on_a_line_read_whole_read_as_typed(tmp_path: Path) -> None:
    # each line has a vocalised word beside a number: read whole (pdf/wholeline.py)
    typed = ("30×40 سم", "1440×3200 بكسل", "(2×3×4 م)", "٣٠×٤٠ سم", "۱۲×۱۸ متر", "+216 71 234 567.", "3× مقارنةً")
    paragraphs = [f"{number} المقاعد محدودة، تُؤطَّر عادةً لتُعلَّق على الجدار." for number in typed]
    alone = "نما حجم الطلبات 3× مقارنةً بالعام السابق."  # (its line not read whole: the run has its own text)
    pdf = build_article(tmp_path, "products", [*paragraphs, alone])
    for name, read in _texts(pdf).items():  # (compared in NFC: PDFium gives a shadda and its fatha either way)
        for number in typed:
            assert normalize("NFC", f"{number} المقاعد محدودة، تُؤطَّر") in normalize("NFC", read), (name, number, read)
        assert normalize("NFC", alone) in normalize("NFC", read), (name, read)


def test_a_name_hyphened_to_its_number_in_persian_digits_reads_as_typed(tmp_path: Path) -> None:
    paragraphs = ["ماسک استاندارد بزنید؛ عادتی که از دوران کووید-۱۹ آشناست، و دما −۳ درجه و آلودگی +۱۲٪ بود."]
    pdf = build_article(tmp_path, "covid", paragraphs, language="fa")
    for name, read in _texts(pdf).items():
        for typed in ("دوران کووید-۱۹ آشناست", "دما −۳ درجه", "آلودگی +۱۲٪ بود"):
            assert typed in read, (name, typed, read)


def test_inline_code_of_signs_in_brackets_reads_as_typed(tmp_path: Path) -> None:
    codes = ("(?:...)", "[$€£]", "(?P<name>...)", "{}", "(*)")
    paragraphs = [f"الصيغة `{code}` في التعبير النمطي، ثم نكمل." for code in codes]
    pdf = build_article(tmp_path, "regex", [*paragraphs, f"| الرمز | المعنى |\n|---|---|\n| `{codes[0]}` | مجموعة |"])
    for name, read in _texts(pdf).items():
        for code in codes:
            assert f"الصيغة {code} في التعبير" in read, (name, code, read)
        assert f"{codes[0]} مجموعة" in read, (name, read)
