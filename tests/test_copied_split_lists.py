"""Read back as typed: what the hundred-and-twenty-ninth and -thirtieth batches of texts the project had never seen
showed an extractor misreading, each then written for its class.

- a list broken by the page after its first item, the item vocalised (a children's story's questions, "١. مَاذَا
  زَرَعَ الْجَدُّ فِي الْحَقْلِ؟" at the foot of a page): WeasyPrint drew that item's marker after its text, nothing
  between, and the line's one /ActualText took the number last, "الْحَقْلِ؟١." on both extractors
  (pdf/readingorder.py now draws every marker before its line's first text).
- a page of code with Persian or Arabic comments, more Latin letters on it than Arabic ones and no left-to-right run
  ending in a space (every line read whole): poppler, taking the page for left to right, read "# پوشه‌هایی ... شود"
  as "پوشه‌هایی ... شود#" and "SOURCES = [" as "[ = SOURCES" (pdf/textlayer._tipped now tips such a page too).
- inline code of signs alone, "`<=`، و`!=`." (a lesson on Python's relations): PDFium read "بايثون<= ،" and "=<",
  both "=!" (pdf/charclass.pdfium_actual_text, pdf/lineroles.split_line), poppler "،<=" (pdf/textlayer.py); and
  "`!=`" was cut at a line's end after its "!" (pdf/runts.py keeps short code whole).
- a form's code, "(ن-س-1)": its hyphen taken for a minus and the number isolated, it was drawn "(ن-س -1)"
  (typeset/bidi.py); set right to left, poppler read the hyphen after the number (pdf/numberpunct.py), and PDFium the
  bracket after a number unmirrored, "(د.34 (سجل" (pdf/tjroles.py).
- a vocalised word with raised marks and a note's call on one line ("فقالوا «أُسطُقُس» (usṭuqus) … (usṭuqussāt)¹.
  ثم"): PDFium read the line's start last, each raised array closing a group of its objects; the line is read whole
  now, the call left out of its text (pdf/textlayer.py); and a date in Arabic-Indic digits glued to its era,
  "١٤٤٥/٣/١٢هـ،", on a line read whole, which poppler read "١٢/٣/١٤٤٥هـ" (its slashes were taken for one after an
  Arabic letter, pdf/popplerwords.poppler_text)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pypdfium2
from conftest import MARKS, build_article
from test_copied_beside_runs import _missing, _texts

STORY = "كَانَ فِي قَرْيَةٍ صَغِيرَةٍ عَلَى ضِفَّةِ نَهْرٍ عَظِيمٍ صَبِيٌّ اسْمُهُ سَلِيمٌ، وَكَانَ يَعِيشُ مَعَ جَدِّهِ فِي بَيْتٍ مِنْ طِينٍ."
QUESTIONS = (
    "1. مَاذَا زَرَعَ الْجَدُّ فِي الْحَقْلِ؟",
    "2. لِمَاذَا تَعَجَّبَ سَلِيمٌ مِنْ عَمَلِ جَدِّهِ؟",
    "3. كَيْفَ سَقَى سَلِيمٌ النَّخْلَةَ؟",
)


def test_a_vocalised_list_broken_after_its_first_item(tmp_path: Path) -> None:
    split = 0
    for words in range(58, 63):  # the list moves down the page word by word, and over it
        text = " ".join((STORY.split() * 10)[:words]) + "."
        paragraphs = [STORY] * 4 + [text, "## أَسْئِلَةٌ", "\n".join(QUESTIONS)]
        pdf = build_article(tmp_path / str(words), "questions", paragraphs)
        pages = [page.get_textpage().get_text_range() for page in pypdfium2.PdfDocument(pdf)]
        split += any("مَاذَا" in page and "لِمَاذَا" not in page for page in pages)
        for name, read in _texts(pdf).items():
            assert all(question in read for question in QUESTIONS), (words, name, read[-300:])
    assert split  # the case: the page broke the list after its first item


CODE = """```python
# پوشه‌هایی که باید از آن‌ها نسخهٔ پشتیبان گرفته شود
SOURCES = [
    Path.home() / "Documents",
    Path.home() / "Pictures" / "family",
]

# محل ذخیرهٔ فایل‌های پشتیبان
DEST = Path.home() / "Backups"
KEEP_DAYS = 30


def make_archive(source: Path) -> Path:
    stamp = datetime.now().strftime("%Y-%m-%d_%H%M")
    name = DEST / f"{source.name}_{stamp}"
    # تابع make_archive پسوند .zip را خودش اضافه می‌کند
    return Path(shutil.make_archive(str(name), "zip", root_dir=source))


def clean_old() -> int:
    limit = time.time() - KEEP_DAYS * 24 * 3600
    removed = 0
    for item in DEST.glob("*.zip"):
        # حذف نسخه‌های قدیمی‌تر از حد مجاز
        if item.stat().st_mtime < limit:
            item.unlink()
            removed += 1
    return removed
```"""


def test_a_page_of_code_with_comments_in_persian(tmp_path: Path) -> None:
    pdf = build_article(tmp_path, "backup", ["اسکریپت کامل:", CODE], language="fa-IR")
    typed = (
        "# پوشه‌هایی که باید از آن‌ها نسخهٔ پشتیبان گرفته شود SOURCES = [",
        '# محل ذخیرهٔ فایل‌های پشتیبان DEST = Path.home() / "Backups"',
        "# تابع make_archive پسوند .zip را خودش اضافه می‌کند return",
        "# حذف نسخه‌های قدیمی‌تر از حد مجاز if item.stat().st_mtime < limit:",
    )
    assert _missing(pdf, typed) == []


SIGNS = (
    "- الرمز ≤ يُكتب في بايثون `<=`، والرمز ≥ يُكتب `>=`، والرمز ≠ يُكتب `!=`.",
    "استعمل `->` للسهم و`::` للنطاق و`&&` أو `||` للربط، ثم `{}`؛ وأيضًا `-1` و`+=` و`**`.",
    "العامل `a<b`، ثم `x`، ثم `()` في آخر السطر `//`",
)


def test_inline_code_of_signs_alone(tmp_path: Path) -> None:
    pdf = build_article(tmp_path, "signs", list(SIGNS))
    typed = (
        "في بايثون <=، والرمز ≥ يُكتب >=، والرمز ≠ يُكتب !=.",
        "استعمل -> للسهم و:: للنطاق و&& أو || للربط، ثم {}؛ وأيضًا -1 و+= و**.",
        "العامل a<b، ثم x، ثم () في آخر السطر //",
    )
    assert _missing(pdf, typed) == []


def test_short_code_is_never_cut_in_two(tmp_path: Path) -> None:
    filler = ["تقارن", "لغات", "البرمجة", "القيم", "بعلامات", "مختلفة", "منها", "ما", "يكتب", "بحرفين"]
    paragraphs = [" ".join((filler * 3)[:words]) + " `!=` و`->` و`||` هنا." for words in range(1, 25)]
    pdf = build_article(tmp_path, "operators", paragraphs)
    poppler = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    lines = [MARKS.sub("", line).strip() for line in poppler.splitlines()]
    cut = [line for line in lines if line.endswith(("!", "-", "|")) or line.startswith(("=", ">", "|"))]
    assert cut == []
    assert any(line.startswith(("!=", "->", "||", "و->", "و||")) for line in lines)  # the case: code met a line end


def test_a_form_code_and_a_bracket_after_a_number(tmp_path: Path) -> None:
    paragraphs = [
        "**المرفقات:** نموذج طلب شراء (ن-م-3)، ونموذج تسوية سلفة (ن-س-1)",
        "يرفق النموذج ن-م-3 مع الطلب، والنموذج (أ-2) كذلك، ثم (ج-د-7).",
        "في الدقيقة (د.34) سجل، ثم (ص.12) هنا، وفي العراق النموذج ن-م-٣ والاستمارة (أ-٢)، وبين -5 و-10 درجات.",
    ]
    pdf = build_article(tmp_path, "codes", paragraphs)
    typed = (
        "نموذج طلب شراء (ن-م-3)، ونموذج تسوية سلفة (ن-س-1)",
        "يرفق النموذج ن-م-3 مع الطلب، والنموذج (أ-2) كذلك، ثم (ج-د-7).",
        "في الدقيقة (د.34) سجل، ثم (ص.12) هنا",
        "النموذج ن-م-٣ والاستمارة (أ-٢)، وبين -5 و-10 درجات.",
    )
    assert _missing(pdf, typed) == []


def test_a_vocalised_word_with_raised_marks_on_a_line_with_a_note_call(tmp_path: Path) -> None:
    essay = (
        "وقد عرفته السريانية قبل العربية، ومنها أخذه المترجمون الأوائل فقالوا «أُسطُقُس» (usṭuqus) وجمعوه على"
        " «أسطقسات» (usṭuqussāt)[^1]. ثم زاحمه لفظ «عنصر» (ʿunṣur) حتى غلب عليه في كتب المتأخرين."
    )
    pdf = build_article(tmp_path, "element", [essay, "[^1]: انظر المعاجم."], page="B5")
    typed = ("فقالوا «أُسطُقُس» (usṭuqus) وجمعوه على «أسطقسات» (usṭuqussāt)", "ثم زاحمه لفظ «عنصر» (ʿunṣur)")
    assert _missing(pdf, typed) == []
    assert "(usṭuqussāt). ثم" in _texts(pdf)["pdfium"]  # (poppler, as before: "(usṭuqussāt) .ثم")


def test_a_date_glued_to_its_era_on_a_line_read_whole(tmp_path: Path) -> None:
    notice = (
        "فاستنادًا إلى نظام تنظيم العروض الترويجية الصادر بالمرسوم الملكي رقم (م/٥١) وتاريخ ١٤٤٥/٣/١٢هـ، وإلى لائحته"
        " التنفيذية، وبناءً على ما رُصد من ملحوظات ميدانية خلال موسم التخفيضات الماضي، تُعمِّم الإدارة الأحكام الآتية."
    )
    pdf = build_article(tmp_path, "era", [notice, notice.replace("١٢هـ،", "١٢هـ[^1]،"), "[^1]: الجريدة الرسمية."])
    for name, read in _texts(pdf).items():  # the date in both paragraphs, the one with the note's call too
        assert read.count("وتاريخ ١٤٤٥/٣/١٢هـ") == 2 and "١٢هـ، وإلى لائحته" in read, (name, read)


# a list whose last item holds a strikethrough (the hundred-and-fifty-third batch: a founder's "~~ليبيا~~ الجزائر", a
# syllabus's struck dates, a titration's struck step): drawn between the items and their markers, it kept every marker
# where WeasyPrint draws them, after the list, and both extractors read "1 2 3" (or "• • •") there
# (pdf/readingorder._clear_of: a marker moves back over paths clear of it)
STRUCK = [
    ("- التوظيف: نحن الآن 27 شخصًا.\n- الحصول على ترخيص.\n- التوسع نحو ~~ليبيا~~ الجزائر أولًا.", "•"),
    ("1. حضّر المحلول.\n2. ~~سخّن~~ برّد الدورق.\n3. أضف الكاشف.", "."),
    ("1. Prepare the solution.\n2. ~~Heat~~ Cool the flask.\n3. Add the indicator.", "."),
]


def test_a_lists_markers_are_read_at_their_items_past_a_strikethrough(tmp_path: Path) -> None:
    for number, (items, marker) in enumerate(STRUCK):
        language = "en" if items.isascii() else "ar-TN"
        paragraphs = ["القائمة:", items, "بعدها."]
        pdf = build_article(tmp_path / str(number), "struck", paragraphs, page="A6", language=language)
        for name, read in _texts(pdf).items():
            lines = [line.strip("- ") for line in items.replace("~~", "").splitlines()]
            if marker == "•":
                lines = [f"• {line}" for line in lines]
            for line in lines:  # (its marker and its text, whichever side the marker is drawn)
                text = line.split(" ", 1)[1]
                assert line.split(" ", 1)[0] in read[max(0, read.index(text) - 4) : read.index(text) + len(text) + 4], (
                    name,
                    line,
                    read,
                )
