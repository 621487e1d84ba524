"""What the ninety-first batch of texts the project had never seen found, read back from both extractors: a number
labelling Arabic text before Latin words ("د. 31: Yahya Jabrane", typeset/bidi.py), a check mark after an equation
("= 11 ✓.", pdf/numberpunct.symbol_stretches), a paragraph's last line of one word and a note's call ("سائغة¹.",
pdf/textlayer.py). Left: a compound broken at its hyphen ("West-östlicher" in a Persian book) is read "West- östlicher";
holding it whole left the line before it justified with blanks of three em."""

from __future__ import annotations

import subprocess
from pathlib import Path

from conftest import MARKS, build_article, misread
from readers import pdfium_text, words
from test_copied_beside_runs import _missing


def test_both_extractors_read_a_label_and_a_check_mark_as_typed(tmp_path: Path) -> None:
    """Bold, "**د. 31**:", both had read "Jabrane31"; PDFium read "11✓"."""
    typed = [
        "قال د. 31: Yahya Jabrane من ضربة جزاء.",
        "قال د. 90+4′: Ayoub El Amloud يسجل.",
        "قال التحقق: 2 + 3 = 5 ✓.",
    ]
    sentences = [typed[0].replace("د. 31", "**د. 31**"), typed[1].replace("د. 90+4′", "**د. 90+4′**"), typed[2]]
    assert misread(build_article(tmp_path, "labels", [*sentences, *typed]), [*typed, *typed]) == []


def test_a_last_line_of_one_word_and_a_note_call_reads_in_order(tmp_path: Path) -> None:
    """A paragraph whose last line is one word, a note's call and a full stop ("أسباب سائغة¹."): PDFium read the word
    reversed, on a line of its own after the stop ("ةغئاس"). After leads of every length, so that one ends alone."""
    lead = [
        "ويلاحظ",
        "أن",
        "البند",
        "الأول",
        "من",
        "الشرط",
        "الثاني",
        "هو",
        "الأكثر",
        "إثارة",
        "للخلاف",
        "أمام",
        "المحاكم",
        "لأن",
        "تقدير",
        "ما",
        "كان",
        "في",
        "الوسع",
    ]
    paragraphs = [" ".join(lead[:n]) + f" سائغة[^{n}]." for n in range(8, len(lead) + 1)]
    notes = [f"[^{n}]: الطعن رقم {n}." for n in range(8, len(lead) + 1)]
    pdf = build_article(tmp_path, "notes", [*paragraphs, *notes], page="A6")
    for text in (
        pdfium_text(pdf.read_bytes()),
        subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout,
    ):
        assert "ةغئاس" not in MARKS.sub("", text) and " ".join(words(text)).count("سائغة") == len(paragraphs)


def test_both_extractors_read_the_stop_after_a_hashtag_or_a_handle_as_typed(tmp_path: Path) -> None:
    """A sentence ending with a Latin hashtag glued to "و" ("#أمسيات_حلب و#AleppoNights.", a literary evening of the
    ninety-sixth batch): its full stop, drawn left of the "#", was taken into the run as a path's leading dot
    (tjroles._signed: PDFium read "و.#AleppoNights") and read with the run by poppler (numberpunct.after_number)."""
    typed = [
        "قال الصور تحت الوسم #أمسيات_حلب و#AleppoNights.",
        "قال الصور تحت الوسم #AleppoNights.",
        "قال مع الوسمين #الشارقة_الذكية و#HomeAssistant:",
        "قال بالوسمين #سوسة و#SousseAutumn، معًا.",
        "قال تابعوا الحساب @halab.adab.",
    ]
    assert misread(build_article(tmp_path, "tags", typed), typed) == []


def test_a_number_labelling_a_number_reads_beside_its_name(tmp_path: Path) -> None:
    """A share's code in brackets before its change (the hundred-and-fifty-fifth batch, a Saudi market's week,
    "**المواساة (4002)**: +6.1%"): code and change were one run, drawn "+6.1%(4002) :", the code away from its name, and
    read "+6.1%(4002" by both; a bare number before a colon and a number is a label now (typeset/bidi.py)."""
    typed = [
        "قال المواساة (4002): +6.1% إلى 178.40 نقطة.",
        "قال أرامكو (2222): -0.8% فقط.",
        "قال الرمز 1120: −2.5% هذا الأسبوع.",
        "قال الراجحي (1120): 92.30 نقطة.",
    ]
    sentences = [typed[0].replace("المواساة (4002)", "**المواساة (4002)**"), *typed[1:]]
    assert misread(build_article(tmp_path, "labels", [*sentences, *typed]), [*typed, *typed]) == []


# a verse of the Qur'an quoted after a colon, between ornate parentheses, vocalised or not, heading or prose (the
# hundred-and-sixty-second batch's tafsir: "## قَوْلُهُ تَعَالَى: ﴿وَالْعَصْرِ﴾")
QUOTED = [
    "قَوْلُهُ تَعَالَى: ﴿وَالْعَصْرِ﴾",
    "قال تعالى: ﴿إِنَّ الْإِنسَانَ لَفِي خُسْرٍ﴾ [العصر: ٢]، وقال: ﴿وَتَوَاصَوْا بِالصَّبْرِ﴾.",
    "قال تعالى: ﴿إن الإنسان لفي خسر﴾ [العصر: ٢]، وقال: ﴿وتواصوا بالصبر﴾.",
]


def test_an_ornate_parenthesis_after_a_colon_opens_its_quotation(tmp_path: Path) -> None:
    """Poppler read "تعالى﴿ والعصر﴾": the opening bracket and the space before it taken into one stretch with the colon,
    as "(" had been before it was given a RIGHT-TO-LEFT MARK (pdf/tjroles.py, marks.mirrored_texts)."""
    pdf = build_article(tmp_path, "quoted", ["## " + QUOTED[0], "نص.", *QUOTED], page="A5", language="ar-SY")
    phrases = ("تعالى: ﴿والعصر﴾", "تعالى: ﴿إن الإنسان", "وقال: ﴿وتواصوا بالصبر﴾.")
    assert _missing(pdf, phrases, "".join(map(chr, range(0x064B, 0x0653))) + "\u0670") == []  # (without harakat)
