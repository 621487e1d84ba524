"""Read back as typed: what the hundred-and-twenty-third and -fourth batches of texts the project had never seen (a
Moroccan feature on Yennayer, a chess column, a Haifa street sign, a Git tutorial, a lithium-battery lesson, a diabetes
leaflet, a Beirut book week) showed both extractors misreading, each then written for its class.

- Tifinagh, which poppler takes for neutral: a phrase of several words ("ⴰⵙⴳⴳⵯⴰⵙ ⴰⵎⴳⴳⴰⵣ") or a word beside its Latin
  transliteration ("ⴰⵣⵓⵍ (Azul)") was read word by word right to left (pdf/lineroles._joined_isolates, a shared run
  given to poppler between LEFT-TO-RIGHT MARKs: pdf/sharedruns.neutral_to_poppler, pdf/charclass.between_lrms).
- a file name in code holding Arabic with a tanwin, broken over lines ("final-النهائي-فعلاً.docx"): its drawn mark was
  read before its word, so the text layer did not find the broken address (pdf/addresspieces._backwards).
- a paragraph's last line read whole (a vocalised word beside Latin runs) beginning with a number ("1.89 على …"):
  poppler's text sat on the number alone, right of the indented first line, and was read before it
  (pdf/wholeline._reach).
- a power of ten in running text, "10³ مرة": PDFium read "³10" (pdf/tjroles._raised).
- a dose in a table cell run over lines, "2×/يوم": poppler read "/2×يوم" (pdf/popplerwords.poppler_text).
- a prefix's tatweel before a bracket or a number on a vocalised line, "بـ(20) مشاركًا": PDFium read "ـب(20"
  (pdf/marks._held_tatweels).
- a code line ending in "½–½", which PDFium read backwards: the proofreading that turns such lines did not find it, as
  PDFium gives "½" as "1/2" (pdf/orient._reversed).
- a prefix drawn apart from its vocalised word, "الـ*جِرِش*": PDFium read "جـلاِرِش" (pdf/lineroles._glued_prefix)."""

from __future__ import annotations

import subprocess
import unicodedata
from pathlib import Path

from conftest import build_article
from test_copied_beside_runs import _missing, _texts

YENNAYER = [
    "يحتفل الناس بليلة إيض يناير أو ⵉⴹ ⵏ ⵢⵏⵏⴰⵢⵔ (Iḍ n Yennayer) كما تقول الجدات في القرى.",
    "ويقول الكبار ⴰⵙⴳⴳⵯⴰⵙ ⴰⵎⴳⴳⴰⵣ في صباح العيد لكل من يلقونه.",
    "وأول كلمة يسمعها الزائر هي ⴰⵣⵓⵍ (Azul)، وتعني مرحبا.",
    "وكتب التلاميذ Tamaziɣt ⵜⴰⵎⴰⵣⵉⵖⵜ على اللوح في الصف الأول.",
    "ويردد الأطفال في الساحة عبارة ⴰⵙⴳⴳⵯⴰⵙ ⴰⵎⴳⴳⴰⵣ ⵉ ⴽⵓⵍⵍⵓ ⵎⵉⴷⴷⵏ (Asggʷas ameggaz i kullu middn) وهم يركضون بين"
    " البيوت الطينية والحقول الخضراء في المساء البارد.",
]


def test_words_of_a_script_poppler_takes_for_neutral_read_in_order(tmp_path: Path) -> None:
    formula = "نعرّف الدالة 𝑓(𝑥) = 𝑥² + 1 على مجموعة الأعداد الحقيقية."
    pdf = build_article(tmp_path, "yennayer", [*YENNAYER, formula], language="ar-MA")
    phrases = (
        "أو ⵉⴹ ⵏ ⵢⵏⵏⴰⵢⵔ (Iḍ n Yennayer) كما",
        "الكبار ⴰⵙⴳⴳⵯⴰⵙ ⴰⵎⴳⴳⴰⵣ في",
        "هي ⴰⵣⵓⵍ (Azul)، وتعني",
        "التلاميذ Tamaziɣt ⵜⴰⵎⴰⵣⵉⵖⵜ على",
        "عبارة ⴰⵙⴳⴳⵯⴰⵙ ⴰⵎⴳⴳⴰⵣ ⵉ ⴽⵓⵍⵍⵓ ⵎⵉⴷⴷⵏ (Asggʷas ameggaz i kullu middn) وهم",
    )
    assert _missing(pdf, phrases) == []
    # (letters in mathematical italics too, past U+FFFF, which poppler took for neutrals; PDFium 8149 loses them on a
    # right-to-left line whatever the text layer says: it reverses the two halves of each one's UTF-16 pair)
    assert "الدالة 𝑓(𝑥) = 𝑥² + 1 على" in _texts(pdf)["poppler"]


GIT = [
    "إذا كنت تكتب رسالة ماجستير أو تبني موقعاً صغيراً، فلا بد أنك مررت بملفات مثل `final.docx` ثم `final-2.docx` ثم"
    " `final-النهائي-فعلاً.docx`. هذه الفوضى بالضبط هي ما صُمّم **Git** لحلّه: نظام يحفظ تاريخ كل تعديل، ويسمح لك"
    " بالرجوع إلى أي نسخة سابقة في ثوانٍ.",
    "في هذا الدرس نستخدم Git الإصدار 2.45.1 ومحرر VS Code الإصدار 1.89 على Windows 11، والخطوات متشابهة جداً على"
    " macOS وLinux.",
]


def test_a_broken_file_name_with_a_tanwin_and_a_line_begun_by_a_number(tmp_path: Path) -> None:
    pdf = build_article(tmp_path, "git", GIT, title="خطواتك الأولى مع Git")
    lines = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split("\n")
    assert not [line for line in lines if "final-" in line and ".docx" in line and "2.docx" not in line]  # broken
    phrases = ("ثم final-النهائي-فعلاً.docx", GIT[1])
    assert _missing(pdf, phrases) == []


def test_powers_of_numbers_in_running_text(tmp_path: Path) -> None:
    sentences = [
        "والصوديوم أكثر وفرة من الليثيوم بأكثر من 10³ مرة في القشرة الأرضية.",
        "يزيد الإنتاج 10⁶ طن كل عام.",
        "ونعرف أن 3² + 4² = 5² في المثلث القائم، وأن 2¹⁰ = 1024 بايت.",
        "وحجم الخلية نحو 10⁻⁶ م فقط.",
    ]
    pdf = build_article(tmp_path, "powers", sentences)
    phrases = ("من 10³ مرة", "الإنتاج 10⁶ طن", "أن 3² + 4² = 5² في", "وأن 2¹⁰ = 1024 بايت", "نحو 10⁻⁶ م")
    assert _missing(pdf, phrases) == []


def test_a_dose_per_day_in_a_cell_run_over_lines(tmp_path: Path) -> None:
    table = (
        '| الدواء | الجرعة |\n|---|---|\n| <span lang="en">Metformin</span> | 500 ملغ، 2×/يوم |\n'
        '| <span lang="en">Metformin</span> | 500 ملغ، 2×/يوم مع الطعام وقبل النوم وبعد الاستيقاظ مع كوب ماء |\n'
        '| <span lang="en">Gliclazide MR</span> | 30–120 ملغ، 1×/يوم مع الطعام وقبل النوم وبعد الاستيقاظ مع كوب |'
    )
    pdf = build_article(tmp_path, "doses", [table])
    phrases = ("500 ملغ، 2×/يوم مع الطعام", "30–120 ملغ، 1×/يوم مع الطعام")
    assert _missing(pdf, phrases) == []


def test_a_prefixs_tatweel_on_a_vocalised_line(tmp_path: Path) -> None:
    sentences = [
        "والمقاعد محدودة بـ(20) مشاركًا فقط.",
        "والمقاعد محدودة بـ(٢٠) مشاركًا فقط.",
        "والمقاعد محدودة بـ«الأوائل» مشاركًا فقط.",
        "والمقاعد محدودة بـ20 مشاركًا فقط.",
        "وارتفع استهلاك الـCPU عندنا كثيرًا.",
        "ووصلت النسبة لـ٩٠٪ تقريبًا.",
    ]
    pdf = build_article(tmp_path, "tatweel", sentences, language="ar-LB")
    assert _missing(pdf, tuple(sentence.removesuffix(".") for sentence in sentences)) == []


def test_a_code_line_ending_in_fractions_is_read_in_order(tmp_path: Path) -> None:
    # (the hundred-and-twenty-third batch's chess column: PDFium read its last line backwards, and the proofreading
    # that turns such a line (pdf/orient.py) did not find it, PDFium giving "½" as "1/2")
    moves = [
        "1. e4 e5 2. Nf3 Nc6 3. Bb5 Nf6 4. O-O Nxe4",
        "5. d4 Nd6 6. Bxc6 dxc6 7. dxe5 Nf5",
        "8. Qxd8+ Kxd8 9. Nc3 Ke8 10. h3 h5",
        "20. Kf2 Rxd1 21. Nxd1 Nf5  ½–½",
    ]
    sentences = [
        "انتهت الجولة الخامسة من بطولة الإسكندرية الدولية المفتوحة مساء السبت، وهذه نقلات المباراة كاملة:",
        "```\n" + "\n".join(moves) + "\n```",
        "وانتهت المباراة بالتعادل بعد إحدى وعشرين نقلة.",
    ]
    pdf = build_article(tmp_path, "chess", sentences, language="ar-EG")
    for name, text in _texts(pdf).items():  # (both give "½" as "1/2", PDFium with a slash, poppler a fraction slash)
        assert [move for move in moves if _decomposed(move) not in _decomposed(text)] == [], name


def _decomposed(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKD", text).replace("\u2044", "/").split())


def test_a_prefix_drawn_apart_from_its_vocalised_word(tmp_path: Path) -> None:
    sentences = [
        "وقد سُمّيت الـ*جِرِش* علامةً صغيرة تُضاف إلى الحرف.",
        "وذهب الطلابُ لـ**المُعَلِّمِ** مساءً.",
        "وعرف الناس بـ*الدُّولارِ* الجديدِ سريعًا.",
        "وكتب بـ«المُعَلِّمِ» على اللوح.",
    ]
    pdf = build_article(tmp_path, "prefix", sentences)
    typed = tuple(sentence.replace("*", "").removesuffix(".") for sentence in sentences)
    assert _missing(pdf, typed) == []


def test_a_lessons_intervals_and_relations_read_as_typed(tmp_path: Path) -> None:
    # (the hundred-and-twenty-fifth batch's Tunisian lesson: its relations named in an Arabic sentence first, their
    # glyphs drawn mirrored there, the font's map gave "≤" of "x ≤ 3" as "≥" to both; "x = −√4" was set right to
    # left, "√4− = x"; and the intervals after "يكافئ" were cut at their first bracket, drawn right to left)
    sentences = [
        "المتراجحة تشبه المعادلة لكنّها تستعمل رموز المقارنة <، ≤، >، ≥ بدل رمز المساواة.",
        "- 3x ≤ 9\n- x ≤ 3",
        "ونعلم أن 3 < 5 وأن 7 > 2 دائما، وأن a < b.",
        "يمكن كتابتها x² = 4، ومنه x = √4 أو x = −√4.",
        "ونجد −√9، وهو عدد سالب.",
        "- 0 ≤ x < 3/4 يكافئ x ∈ [0 ; 3/4[\n- x > 1 يكافئ x ∈ ]1 ; +∞[",
    ]
    pdf = build_article(tmp_path, "lesson", sentences, language="ar-TN")
    phrases = ("3x ≤ 9", "x ≤ 3", "أن 3 < 5 وأن 7 > 2", "وأن a < b", "x = −√4", "يكافئ x ∈ [0 ; 3/4[", "x ∈ ]1 ; +∞[")
    phrases += ("ونجد −√9، وهو",)  # (its comma had been read inside it by PDFium, "−√،9")
    assert _missing(pdf, phrases) == []


def test_a_notes_accidental_glued_to_a_prefix(tmp_path: Path) -> None:
    # (the hundred-and-twenty-sixth batch's article on maqamat: "وSi♭", its flat in the music font's object, was read
    # "و♭Si" by both)
    sentences = [
        "وفي المقام نغمة وSi♭ على الجنس الأعلى، ونغمة Mi♭ في الأسفل، وFa♯ أحيانا.",
        "ويعزف العازف وSi½♭ بدل Si♭ هنا.",
    ]
    pdf = build_article(tmp_path, "accidentals", sentences, language="ar-LB")
    assert _missing(pdf, ("نغمة وSi♭ على", "ونغمة Mi♭ في", "وFa♯ أحيانا", "العازف وSi½♭ بدل Si♭ هنا")) == []


def test_syriac_words_in_arabic_prose(tmp_path: Path) -> None:
    """Syriac cited in Arabic prose (the 129th batch, an essay on how Greek terms reached Arabic): the build was
    refused, no font of fonts/ drawing it. Noto Sans Syriac (Debian's fonts-noto-core, OFL) is a fallback now: the
    words are drawn, joined right to left, and read back by both extractors, beside a transliteration, in a list and
    in a table."""
    paragraphs = [
        "وقد عرفته السريانية قبل العربية بصيغة ܐܣܛܘܟܣܐ (esṭuksā)، ومنها أخذه المترجمون الأوائل.",
        "وسمّى السريان الماء ܡܝܐ والأرض ܐܪܥܐ، ونقلها حنين بن إسحاق إلى العربية.",
        "- الماء: ܡܝܐ\n- النار: ܢܘܪܐ",
        "| العربية | السريانية |\n|---|---|\n| ماء | ܡܝܐ |\n| نور | ܢܘܗܪܐ |",
    ]
    pdf = build_article(tmp_path, "syriac", paragraphs)
    typed = ("بصيغة ܐܣܛܘܟܣܐ (esṭuksā)، ومنها", "الماء ܡܝܐ والأرض ܐܪܥܐ، ونقلها", "الماء: ܡܝܐ", "النار: ܢܘܪܐ", "ماء ܡܝܐ")
    assert _missing(pdf, typed) == []
    assert "Noto Sans Syriac" in _texts(pdf)["pdfium"]  # (the imprint names the families drawn)
