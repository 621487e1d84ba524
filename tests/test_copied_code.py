"""Inline code holding an Arabic string copies as typed from both extractors, in the sentence around it.

Found in a text the project had never seen (a search command, `grep -r "وزارة الاقتصاد والمالية" ./docs/`): poppler
reads such code from the /ActualText of its first object, and the others had an empty one; they left a blank as wide as
the string, where poppler cut the line in two and read the word before the code apart ("قال" on a line of its own;
`git commit -m "رسالة قصيرة"` of the fixtures, two short words, left a blank narrow enough). Each other object reads a
RIGHT-TO-LEFT MARK now, which keeps the line whole (pdf/textlayer.py). And PDFium, reading on from the Arabic
string of a call, took the quote and the bracket after it for the string's and read them mirrored (`f("مرحبا بكم"(`),
and a string of three words or more backwards with the whole call (`)"اعيمج مكب ابحرم")f`): a LEFT-TO-RIGHT MARK
between them parts them (pdf/codetext.py). A call's bracket after a string of one word, which the text layer takes
for an address, PDFium read mirrored, and code of several Arabic strings backwards: see the tests below."""

from __future__ import annotations

import itertools
import re
import subprocess
from pathlib import Path

import pypdfium2
from conftest import MARKS, build_article, build_drawn, misread
from readers import poppler_text, unread
from test_copied_beside_runs import _missing, _texts

CODES = [
    'grep -r "وزارة الاقتصاد والمالية"',
    'grep "وزارة الاقتصاد" ./docs/',
    'echo "وزارة الاقتصاد" | wc',
    'git commit -m "رسالة قصيرة جدا"',
    'x = "رسالة قصيرة جدا"; y = 2',
    'name = "علي"',
    'f("مرحبا بكم")',
    "print('مرحبا بكم في الدورة')",
    'print("مرحبا بكم في الدورة", 3)',
]


def test_both_extractors_read_code_holding_an_arabic_string_in_its_sentence(tmp_path: Path) -> None:
    sentences = [
        f"قال {before}`{code}` {after}"
        for code, (before, after) in itertools.product(CODES, [("", "الآن."), ("اكتب ", "ثم انتظر.")])
    ]
    typed = [sentence.replace("`", "") for sentence in sentences]
    assert misread(build_article(tmp_path, "code", sentences), typed) == []


def test_both_extractors_read_an_operator_a_hyphen_ends_as_typed(tmp_path: Path) -> None:
    """R's assignment `<-` (the hundred-and-forty-ninth batch, a stadium's energy audit): PDFium read "الإسناد< -", a
    neutral sign then a weak one, turned as a stretch would be (pdf/charclass.py, `_arrow`)."""
    typed = ["قال يدرج عامل الإسناد `<-` تلقائيا.", "قال ثم `<--` و`<<-` هنا.", "قال والعامل `->` و`-=` و`|>` كذلك."]
    assert misread(build_article(tmp_path, "arrows", typed), [line.replace("`", "") for line in typed]) == []


def test_both_extractors_read_a_wildcard_in_prose(tmp_path: Path) -> None:
    """ "LISTEN 0 244 *:5433" in a developer's note (not in code): "*:" was left outside the run and drawn on the
    number's right, "5433:*", and read "5433:*" by poppler; a wildcard begins a run now (typeset/bidi.py)."""
    typed = [
        "قال إن العنوان *:5433 يعمل الآن.",
        "قال احذف *.tmp الآن.",
        "قال ابحث في **/*.py الآن.",
        "قال يطبع LISTEN 0 244 *:80 الآن.",
    ]
    assert misread(build_article(tmp_path, "glob", typed), typed) == []


def test_both_extractors_read_code_holding_an_arabic_word_once_when_it_breaks_over_lines(tmp_path: Path) -> None:
    """`SELECT SUM(total) FROM orders WHERE city = 'الرباط';` broken over two lines: the string's word, one Amiri kerns
    ("ر" before "ا"), had a marked word's /ActualText of its own besides the run's, and both read it twice and lost
    "orders" ("الرباطorders"); a marked word in code is its run's now (lineroles.py). Left: code whose second line
    begins with the Arabic string (`'تاوريرت' WHERE id = 42;`), read with its quotes out of place."""
    codes = [
        "SELECT SUM(total) FROM orders WHERE city = 'الرباط';",
        "SELECT COUNT(*) FROM clients WHERE city = 'الدار البيضاء';",
        "SELECT * FROM shops WHERE town = 'تاوريرت' LIMIT 5;",
    ]
    paragraphs = [f"لاستخراج بيانات المدينة المطلوبة نكتب `{code}` ثم نقارن النتيجة بالشهر السابق." for code in codes]
    typed = [word for paragraph in paragraphs for word in paragraph.replace("`", "").split()]
    pdf = build_article(tmp_path, "broken", paragraphs)
    poppler = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pdfium = "\n".join(page.get_textpage().get_text_range() for page in pypdfium2.PdfDocument(pdf))
    for text in (poppler, pdfium):
        assert [word for word in MARKS.sub("", text).split() if word in typed] == typed


def test_both_extractors_read_an_arabic_comment_after_its_slashes(tmp_path: Path) -> None:
    """A JavaScript lesson's block, `let a = 1; // كائن`: poppler read "//كائن", the space between the slashes and the
    comment lost, as it had read "#جلب" before a RIGHT-TO-LEFT MARK ended the stretch there (popplerwords.poppler_text).
    Left: a block comment before code on its line, `/* تعليق */ let c = 3;`, which poppler reads out of order."""
    lines = ["let a = 1; // كائن", "const total = sum + n; // المجموع الكلي", "x = 2  # تعليق", "SELECT 1; -- تعليق"]
    pdf = build_article(tmp_path, "comments", ["```\n" + "\n".join(lines) + "\n```"])
    poppler = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pdfium = "\n".join(page.get_textpage().get_text_range() for page in pypdfium2.PdfDocument(pdf))
    for text in (poppler, pdfium):
        read = [" ".join(line.split()) for line in MARKS.sub("", text).splitlines()]
        assert [line for line in lines if " ".join(line.split()) not in read] == []


def test_poppler_reads_a_minus_sign_in_a_comment_as_typed(tmp_path: Path) -> None:
    """A JavaScript tutorial's comment, `// "+3 د" للتأخير و"−2 د" للتبكير` (the hundred-and-tenth batch): poppler read
    'و"2−', the minus sign (U+2212), one of its number's characters, taken for a neutral of the Arabic stretch
    (charclass.POPPLER_NUMBER: its table's minus, per mille, primes, raised and lowered signs and currency signs)."""
    lines = ['  // نعرض الإشارة صراحةً: "+3 د" للتأخير و"−2 د" للتبكير', "  // الفرق ‰5 أو −0.5 دقيقة"]
    read = [" ".join(line.split()) for line in MARKS.sub("", poppler_text(_code(tmp_path, lines))).splitlines()]
    assert [line for line in lines if " ".join(line.split()) not in read] == []


def _code(tmp_path: Path, lines: list[str]) -> Path:
    return build_article(tmp_path, "code", ["```js\n" + "\n".join(lines) + "\n```"])


def test_pdfium_reads_brackets_beside_arabic_in_a_line_of_code_as_typed(tmp_path: Path) -> None:
    """A line of code holding Arabic is read whole (pdf/pdfiumline._mixed), and PDFium mirrors a bracket in a neutral
    stretch after Arabic letters: a JavaScript lesson's template string, `` `المجموع: ${total}` ``, was read
    "$}total}", a comment's "(مهم)" as ")مهم(" and a string's "(عليكم)" as ")عليكم(" (each failing before)."""
    lines = [
        "console.log(`المجموع: ${total}`); // المجموع: 6",
        'alert("مرحبا (" + name + ")"); // تحية',
        "let s = `قيمة: [${x}]`; // قالب",
        'f("نص", {a: 1}); // دالة',
        "x = f(1)  # النتيجة (مهم)",
        "z = {3}  # عدد (٣) فقط",
        'print("سلام (عليكم)")  # تحية',
    ]
    assert _misread_by_pdfium(tmp_path, "brackets", lines) == []


def test_pdfium_reads_a_bracket_or_sign_that_begins_a_line_of_code_as_typed(tmp_path: Path) -> None:
    """A line of code that begins with a bracket or a sign, before any letter: PDFium sets it right to left, the
    book's direction, and mirrored the bracket ("{ name: "خديجة" …" read "} name: …", a template string's
    "${s.city}!`);" "$}s.city}!`);", the ninety-third batch). Written mirrored, it reads as typed
    (pdf/pdfiumline._mixed)."""
    lines = [
        '  { name: "خديجة", city: "فاس", grade: 17.5 },',
        "${s.city}!`);",
        "(x) => `نتيجة ${x}`",
        '[1, 2, 3].map((n) => "رقم " + n);',
        '{"city": "فاس"}',
    ]
    assert _misread_by_pdfium(tmp_path, "leading", lines) == []


def test_both_extractors_read_inline_code_of_arabic_strings_and_brackets_as_typed(tmp_path: Path) -> None:
    """Inline code with Arabic strings and no Latin letter, `["الرباط", "فاس"]`: PDFium read its brackets mirrored
    (']"الرباط", "فاس"['), and a JavaScript lesson's `{ "فاس": [...], "طنجة": [...] }`, beginning a line, backwards
    ('{ [...] :"ةجنط" ,[...] :"ساف" }', the ninety-third batch): written mirrored, and proofread (pdf/orient.py). With
    Latin letters, the brackets right after an Arabic word (`lab04_<الكود>.py`, a lab sheet of the ninety-fifth, read
    "lab04_<الكود<.py", `f("ا", "ب")` "f("ا", "ب"(") are written mirrored (addresspieces.pdfium_address)."""
    codes = ['["الرباط", "فاس", "مكناس"]', '{ "فاس": [...], "طنجة": [...] }', '("مرحبا", 42)', '{"مدينة": "فاس"}']
    codes += ["lab04_<الكود>.py", "read(<المسار>)", "file_<رقم>.txt", 'f("ا", "ب")', 'set("العمر", 30)']
    typed = [f"قال إن {code} هو المثال." for code in codes]
    assert misread(build_article(tmp_path, "strings", [f"قال إن `{code}` هو المثال." for code in codes]), typed) == []


def test_poppler_reads_a_line_of_code_quoting_arabic_strings_as_typed(tmp_path: Path) -> None:
    """A line of a code block with Arabic strings between Latin words: poppler, taking the line for right to left as
    the page is, read the quotes and colons between the words on their far sides ('--data \'{"name" :خديجة"city" ,""
    :فاس"grade"…', the ninety-third batch: "خديجة" and "city" one word) and an Arabic comma after the space
    ("بالخادم ،حاول"). Each line's /ActualText is written for its reading now (pdf/wholeline.poppler_ltr_line)."""
    lines = [
        """  --data '{"name": "خديجة", "city": "فاس", "grade": 17.5}'""",
        '  { name: "ياسين", city: "طنجة", grade: 9.25 },',
        'print("لا يوجد اتصال بالخادم، حاول لاحقًا")',
        'df = df.rename(columns={"Mois": "الشهر", "Precip_mm": "التساقطات_مم"})',
        'print(f"المجموع: {total:.1f} مم | الانحراف: {ecart:+.1f}%")',
    ]
    pdf = build_article(tmp_path, "quoting", ["```\n" + "\n".join(lines) + "\n```"])
    poppler = poppler_text(pdf)
    read = [" ".join(line.split()) for line in MARKS.sub("", poppler).splitlines()]
    assert [line for line in lines if " ".join(line.split()) not in read] == []


def test_both_extractors_read_a_url_longer_than_a_line_of_code_whole(tmp_path: Path) -> None:
    """A `curl` command's URL longer than a code block's line breaks where it must, and was read in two or three
    pieces (`"https://api.example.ma/v1/classes/` | `2026-dev-web/students?…`): its first piece has the whole of it
    now, the others a space, as an address broken over lines in prose has (pdf/addresspieces.with_head)."""
    url = "https://api.example.ma/v1/classes/2026-dev-web/students?city=%D9%81%D8%A7%D8%B3&min_grade=10&sort=-grade"
    pdf = build_article(
        tmp_path, "long-url", [f'```\ncurl -s -X GET "{url}&page=1" -H "Accept: application/json"\n```']
    )
    poppler = poppler_text(pdf)
    pdfium = "\n".join(page.get_textpage().get_text_range() for page in pypdfium2.PdfDocument(pdf))
    for text in (poppler, pdfium):
        assert f'curl -s -X GET "{url}&page=1"' in MARKS.sub("", text)


def _misread_by_pdfium(tmp_path: Path, slug: str, lines: list[str]) -> list[str]:
    """The lines of a code block of `lines` that PDFium does not read back whole, spaces aside."""
    pdf = build_article(tmp_path, slug, ["```\n" + "\n".join(lines) + "\n```"])
    pdfium = "\n".join(page.get_textpage().get_text_range() for page in pypdfium2.PdfDocument(pdf))
    read = [" ".join(line.split()) for line in MARKS.sub("", pdfium).splitlines()]
    return [line for line in lines if " ".join(line.split()) not in read]


def test_both_extractors_read_inline_code_of_arabic_and_numbers_broken_at_a_space(tmp_path: Path) -> None:
    """Inline code quoting a program's Arabic output, `المجموع: 168.4 مم | الانحراف: -29.8%` (a data meetup's report,
    the ninety-fourth batch), broken over two lines: the part on each line is drawn left to right, and both read the
    second part from its right end ("-29.8%الانحراف | مم168.4"). Each part a line may hold with a number or a Latin
    letter in it is one of the text layer's addresses (addresses._line_parts), found though it begins with an Arabic
    word (addresspieces.find_mixed_addresses); whole, PDFium read it in the same disorder, and poppler took the space
    after it into its number ("-29.8%فساد"). After Arabic words of every length up to an A6 line's, so that the code
    breaks at each of its spaces. Left: a part of Arabic words alone (`خطأ: قسمة على صفر` | `(division by zero)`)
    is read as drawn, its words in the order drawn."""
    lead = ["ظهر", "على", "الشاشة", "بعد", "تشغيل", "البرنامج", "على", "بيانات", "محطة", "المنارة", "السطر"]
    codes = ["المجموع: 168.4 مم | الانحراف: -29.8%", "الرصيد: 1250 درهم | التغير: +3.5%"]
    paragraphs = [" ".join(lead[:n]) + f" `{code}` فساد الصمت." for code in codes for n in range(1, len(lead) + 1)]
    assert unread(build_article(tmp_path, "output", paragraphs, page="A6"), paragraphs) == []


def test_both_extractors_read_an_arabic_message_with_latin_in_inline_code_as_typed(tmp_path: Path) -> None:
    """An error message quoted in inline code, Arabic words then Latin ones (`خطأ: قسمة على صفر (division by zero)`, a
    hotel analysis of the ninety-sixth batch; `تعذّر الاتصال بالجهاز: Connection timed out`, a home energy guide):
    inline code isolates its Arabic words together, and they are drawn backwards as one stretch, spaces and all, which
    no reading of the address's glyphs took (addresspieces._inner_spaces): both read the words out of order. Left:
    the brackets after such words, which one or the other reads mirrored ("صفر )division by zero )")."""
    codes = [
        "خطأ: قسمة على صفر (division by zero)",
        "تعذّر الاتصال: Connection timed out",
        "النتيجة: 12 طالبا من أصل 30 (40%)",
        "أسعار_التحويل_يناير٢٠٢٦.csv",  # (a file name: its Arabic words one isolate, drawn from "٢٠٢٦", 99th batch)
    ]
    paragraphs = [f"قال ظهر `{code}` فجأة." for code in codes]
    assert unread(build_article(tmp_path, "messages", paragraphs), paragraphs) == []


def test_both_extractors_read_code_holding_arabic_in_a_left_to_right_books_sentence(tmp_path: Path) -> None:
    """An English keyboard review's `"ﻻ"` and `"لا"` (the hundred-and-forty-eighth batch): in a left-to-right book too
    the code's other objects read nothing to poppler, which cut the line at their blank and read the next line's start
    before the line's rest (pdf/ltrlayer.py: a LEFT-TO-RIGHT MARK there)."""
    sentence = (
        'Firmware 1.0.3 sent the single presentation-form character `"ﻻ"` (U+FEFB) instead of the two-letter sequence'
        ' `"لا"` (U+0644 U+0627). It looks identical on screen, but it breaks search: typing `"ب"` then `name = "علي"`'
        " in the editor shows the same glyphs, and `print('مرحبا بكم')` prints the greeting."
    )
    typed = sentence.replace("`", "")
    for language, page in (("en", "letter"), ("en", "A5"), ("fr", "A6")):
        pdf = build_article(tmp_path / f"{language}{page}", "code", [sentence], page=page, language=language)
        for name, read in _texts(pdf).items():  # the words in order (a quote beside the Arabic aside)
            words = re.findall(r"[^\W_]+", read[read.index("Firmware") : read.index("greeting") + 8])
            assert words == re.findall(r"[^\W_]+", typed.replace("ﻻ", "لا") if name == "pdfium" else typed), name


def test_a_file_name_in_prose_and_in_code_below_reads_as_typed(tmp_path: Path) -> None:
    """A file's name in a sentence and again in the code block under it (the hundred-and-fifty-fifth batch, a Saudi
    market's week): PDFium first read the code's lines backwards, and the name's reversed image there made orient.py
    take the sentence's line, read right, for backwards too; turned, it read "vsc.11W-6202_ylkeew_isat" (a line is
    turned only if still read backwards once the others are)."""
    paragraphs = [
        "يمكن إعادة إنتاج أرقام التغير الأسبوعي من ملف الإغلاقات المرفق `tasi_weekly_2026-W11.csv` باستخدام مكتبة"
        " `pandas`:",
        "```python\n# حساب نسبة التغير الأسبوعي للمؤشر العام\nimport pandas as pd\n\n"
        'df = pd.read_csv("tasi_weekly_2026-W11.csv", parse_dates=["التاريخ"])\n```',
    ]
    for page in ("A4", "A5"):
        pdf = build_article(tmp_path / page, "name", paragraphs, page=page, language="ar-SA")
        for name, read in _texts(pdf).items():
            assert read.count("tasi_weekly_2026-W11.csv") == 2 and "vsc." not in read, (page, name, read)


def test_code_of_arabic_signs_alone_is_no_part_of_the_latin_run_after_it(tmp_path: Path) -> None:
    """ "العربية `٫` (U+066B) لا" (the hundred-and-fifty-fifth batch, a Python FAQ): inline code of the Arabic decimal
    separator alone was taken for Latin and joined to "(U+066B)" in one left-to-right run, drawn "العربية (U+066B) ٫"
    and read so by both; code of right-to-left characters alone stands for an Arabic letter now (typeset/inline.py)."""
    typed = ["قال إن الفاصلة العشرية العربية ٫ (U+066B) لا تتحول.", "قال إن الفاصلة ٬ (U+066C) تفصل الآلاف."]
    sentences = [line.replace("٫", "`٫`").replace("٬", "`٬`") for line in typed]
    assert misread(build_article(tmp_path, "signs", sentences), typed) == []


def test_both_extractors_read_two_paths_of_inline_code_apart(tmp_path: Path) -> None:
    """`rsync -a /home/anis /mnt/backup/home/` (the hundred-and-fifty-ninth batch's backup guide): each path a box of
    its own, the space between them a box WeasyPrint does not draw; their arrays, a space apart (more on a justified
    line), were taken for table cells, and both extractors read the second path first, "/mnt/backup/home/ -a
    /home/anis". The space has a ZERO WIDTH SPACE after it, and is drawn (pdf/addresses.py)."""
    commands = ["cp -a /home/anis /mnt/backup/home/", "cp /a/b /c/d", "ls /home/anis/ /mnt/backup/home/"]
    sentences = [f"قال الأمر `{command}` ينشئ مجلدا." for command in commands]
    typed = [sentence.replace("`", "") for sentence in sentences]
    assert misread(build_article(tmp_path, "paths", sentences, language="ar-TN"), typed) == []
    quoted = (
        "> انتبه إلى الشرطة المائلة في نهاية المسار! الأمر `rsync -a /home/anis/ /mnt/backup/home/` ينسخ *محتوى* "
        "المجلد، بينما `rsync -a /home/anis /mnt/backup/home/` ينشئ مجلدًا جديدًا اسمه `anis` داخل الوجهة."
    )
    for page in ("A6", "letter"):
        pdf = build_article(tmp_path / page, "quoted", [quoted], page=page, language="ar-TN")
        assert _missing(pdf, ("-a /home/anis/ /mnt/backup/home/ ينسخ", "-a /home/anis /mnt/backup/home/ ينشئ")) == []


def test_pdfium_reads_code_mapping_hamzated_letters_to_alef_as_typed(tmp_path: Path) -> None:
    """`"أ": "ا",` in a code block (the hundred-and-fifty-eighth batch's normalisation how-to; `'أإآ', 'ااا'` in the
    fifty-seventh's SQL): PDFium read such lines backwards, and pdf/orient.py, comparing without marks, took "أ" for
    "ا", found the line its own mirror image read as typed across the lines around it, and gave it the wrong turn."""
    block = (
        '```python\nLETTER_MAP = str.maketrans({\n    "أ": "ا",\n    "إ": "ا",\n    "آ": "ا",\n    "ٱ": "ا",\n})\n```'
    )
    sql = "```sql\nSELECT translate(full_name,\n      'أإآ', 'ااا'\n);\n```"
    pdf = build_article(tmp_path, "letters", ["قال:", block, sql], page="A4", language="ar-EG")
    lines = ['"أ": "ا",', '"إ": "ا",', '"آ": "ا",', '"ٱ": "ا",', "'أإآ', 'ااا'"]
    assert _missing(pdf, tuple(lines)) == []


def test_inline_code_beginning_with_a_sign_keeps_it_on_its_left_at_a_lines_start(tmp_path: Path) -> None:
    """`-exec` ending a bold phrase (the hundred-and-sixtieth batch's backup guide) was drawn "exec-": the run of code
    was no isolate, as it did not close the bold it ended (typeset/inline.py), and the sign before a Latin letter went
    to the right; at a right-to-left line's start poppler then took the hyphen at its right edge for a hyphenation's,
    dropped it and joined two lines."""
    from test_typeset_pages import visual_lines

    codes = ["-exec", "--upgrade", "./configure", ".venv"]
    paragraphs = [
        f"{'كلمة ' * n}**جرّب الأمر أولًا مع الخيار بدل `{code}`** للتأكد من أنه لن يحذف إلا ما تريد."
        for code in codes
        for n in range(12)
    ]
    build_article(tmp_path, "signs", paragraphs, page="B5", language="ar-JO")
    lines = visual_lines(build_drawn(tmp_path, dist=tmp_path / "unmarked") / "signs.pdf")
    drawn = "\n".join(lines)
    assert all(drawn.count(code) == 12 for code in codes), drawn
    assert any(line.rstrip().endswith(code) for line in lines for code in codes), lines  # (one opens a line)
    missing = _missing(tmp_path / "dist" / "signs.pdf", tuple(f"بدل {code} للتأكد" for code in codes))
    assert missing == []


def test_both_extractors_read_code_of_arabic_menu_steps_in_order(tmp_path: Path) -> None:
    """A portal's menus in inline code, `الخدمات الذاتية > الطلبات > تظلم من جزاء`: drawn and read with its steps
    in the reverse order while it was set left to right as code (typeset/inline.py)."""
    sentences = [
        f"قال عبر المسار `{path}` هنا." for path in ("الخدمات الذاتية > الطلبات > تظلم من جزاء", "الإعدادات | الخصوصية")
    ]
    typed = [sentence.replace("`", "") for sentence in sentences]
    assert misread(build_article(tmp_path, "menus", sentences, language="ar-OM"), typed) == []
