"""What stands beside a left-to-right run, read back as typed: found in the hundred-and-twentieth batch of texts the
project had never seen (a Jordanian fever leaflet, a pandas tutorial, a Beirut exchange-rate report, a French note on
an Arabic manuscript), each then written for its class.

- "**الباراسيتامول:** 10–15 mg/kg": WeasyPrint draws no text box of spaces alone, so the space between the bold label
  and the number's isolate had no glyph, and poppler read "الباراسيتامول10–15" (pdf/runts.drawn_spaces).
- "بـ<kbd>Ctrl</kbd>+<kbd>J</kbd>": the prefix's tatweel, which PDFium leaves where it is before a Latin letter, was
  written reversed with its letter in the run's /ActualText: "ـبCtrl+J" (pdf/charclass.pdfium_actual_text).
- a table's last cell of a symbol, "▲" after "+0.1%" and "USD/LBP": PDFium read it glued to the number, "+0.1%▲"
  (pdf/numberpunct.symbol_stretches).
- an autolink, "<https://github.com/jawah/charset_normalizer>": its run holds the link's element, had no break
  opportunities of an address, broke where Unicode's line breaking does and was read with a space there by both; and
  a bare address after "GitHub:" on a line of its own was read by PDFium with "GitHub" inside it
  (pdf/addresses.breakable_addresses, pdf/wholeline.isolates_only).
- a title that broke after "d’al-": both extractors dropped the hyphen (pdf/addresses.unbroken_heads)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pypdfium2
from conftest import MARKS, build_article, misread
from readers import unread, words

FILLER = "مستودع مكتبة كشف الترميز على منصة البرمجيات المفتوحة المعروفة جدا بين المطورين"


def _missing(pdf: Path, phrases: tuple[str, ...], marks: str = "") -> list[tuple[str, str]]:
    """The phrases each extractor does not read back from `pdf` (its text without the characters `marks`), by name."""
    texts = {name: text.translate(dict.fromkeys(map(ord, marks))) for name, text in _texts(pdf).items()}
    return [(name, phrase) for name, text in texts.items() for phrase in phrases if phrase not in text]


def _texts(pdf: Path) -> dict[str, str]:
    poppler = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pdfium = "\n".join(page.get_textpage().get_text_range() for page in pypdfium2.PdfDocument(pdf))
    return {
        name: " ".join(MARKS.sub("", text).replace("\r", "").split())
        for name, text in (("poppler", poppler), ("pdfium", pdfium))
    }


def test_a_bold_label_keeps_its_space_before_a_number(tmp_path: Path) -> None:
    items = [
        "- **الباراسيتامول:** 10–15 mg/kg للجرعة الواحدة، كل 4–6 ساعات.",
        "- **الإيبوبروفين:** 5–10 mg/kg للجرعة.",
        "- *الجرعة:* −0.5 ml ثم.",
        "**الحكم:** 8.5/10 في المجمل.",
    ]
    pdf = build_article(tmp_path, "labels", ["\n".join(items[:3]), items[3]])
    typed = ("الباراسيتامول: 10–15 mg/kg", "الإيبوبروفين: 5–10 mg/kg", "الجرعة: −0.5 ml", "الحكم: 8.5/10")
    assert _missing(pdf, typed) == []


def test_a_prefix_with_a_tatweel_before_keys_reads_as_typed(tmp_path: Path) -> None:
    typed = [
        "اضغط بـCtrl+J لفتح النافذة.",
        "اضغط لـAlt+Tab هنا.",
        "سرعة الـCPU عالية.",
        "سعر الـiPhone 15 Pro مرتفع.",
    ]
    sentences = [
        "اضغط بـ<kbd>Ctrl</kbd>+<kbd>J</kbd> لفتح النافذة.",
        "اضغط لـ<kbd>Alt</kbd>+<kbd>Tab</kbd> هنا.",
        *typed[2:],
    ]
    pdf = build_article(tmp_path, "keys", sentences)
    for name, text in _texts(pdf).items():
        assert [sentence for sentence in typed if sentence not in text] == [], (name, text)


def test_a_symbol_in_a_tables_last_cell_reads_apart_from_the_number(tmp_path: Path) -> None:
    table = (
        "| العملة | الزوج | المبيع | التغيّر | الاتجاه |\n|---|---|---:|---:|:-:|\n"
        "| الدولار | USD/LBP | 89,700 | +0.1% | ▲ |\n| اليورو | EUR/LBP | 97,400 | −0.6% | ▼ |\n"
        "| الريال | SAR/LBP | 23,900 | 0.0% | ▬ |"
    )
    # (and an arrow after a value, the hundred-and-twenty-third batch's lab results: "142 mg/dL↑" by PDFium)
    results = "| التحليل | النتيجة |\n|---|---|\n| الكوليسترول | 142 mg/dL ↑ |\n| البوتاسيوم | 3.3 mmol/L ↓ |"
    pdf = build_article(tmp_path, "arrows", [table, results])
    assert _missing(pdf, ("+0.1% ▲", "−0.6% ▼", "0.0% ▬", "142 mg/dL ↑", "3.3 mmol/L ↓")) == []


def test_an_address_broken_over_lines_reads_whole_as_an_autolink_or_after_a_label(tmp_path: Path) -> None:
    """After more and more words, so that the address breaks at each of its places, or begins a line."""
    address = "https://github.com/jawah/charset_normalizer"
    filler = FILLER.split()
    autolinks = [f"- {' '.join(filler[:n])} GitHub: <{address}>" for n in range(3, 14)]
    bare = [f"{' '.join(filler[:n])} GitHub: {address}" for n in range(3, 14)]
    pdf = build_article(tmp_path, "links", ["\n".join(autolinks), *bare])
    for name, text in _texts(pdf).items():
        assert text.count(f"GitHub: {address}") == 22, (name, text)


def test_a_titles_short_compound_is_never_broken_at_its_hyphen(tmp_path: Path) -> None:
    """A French title on A6, so that its lines are short: "al-Ṭūsī" stays whole wherever the words put it."""
    for n in range(4):
        title = " ".join(["Un témoin maghrébin"] + ["de la"] * n + ["de la Tadhkira d’al-Ṭūsī : notes codicologiques"])
        pdf = build_article(tmp_path / str(n), "title", ["Texte."], title=title, page="A6", language="fr")
        for name, text in _texts(pdf).items():
            assert "d’al-Ṭūsī" in text, (name, n, text[:200])


def test_code_glued_to_a_prefix_keeps_its_end(tmp_path: Path) -> None:
    """The hundred-and-twenty-first batch (a JavaScript tutorial): `/^05\\d{8}$/` glued to "بـ" had its "$/" read as a
    price's weak stretch, "ب/$/^05\\d{8}", by both (pdf/lineroles.py: never in code)."""
    pdf = build_article(tmp_path, "regex", ["ثم تحقق من الطول بـ`/^05\\d{8}$/` هنا.", "وجرب `/[0-9]{3}$/` ثم."])
    for name, text in _texts(pdf).items():
        assert "بـ/^05\\d{8}$/ هنا" in text and "/[0-9]{3}$/ ثم" in text, (name, text[-300:])


def test_a_cells_magnification_and_mixed_number_and_an_ions_charge_read_as_typed(tmp_path: Path) -> None:
    """A cell over lines ends in "5×" (read "×5" by poppler) or holds "1½ ملعقة صغيرة" (read "½1"), and a vocalised
    line, read whole, has "Cl⁻" before an Arabic word (read "Cl ⁻وفي"): popplerwords.poppler_text keeps them whole."""
    table = (
        "| الميزة | القيمة | ملاحظة |\n|---|---|---|\n"
        "| الكاميرا الخلفية | 50MP رئيسية + 50MP واسعة + 12MP تقريب بصري 5× | ممتازة |\n"
        "| ملح خشن | 1½ ملعقة صغيرة | يقسم بين العجينة والحشوة |"
    )
    vocalised = "تتأيَّن الإلكتروليتات القويّة تأيُّنًا تامًّا، كما في NaCl → Na⁺ + Cl⁻ وفي Na₂SO₄ → 2Na⁺ + SO₄²⁻."
    pdf = build_article(tmp_path, "cells", [table, vocalised])
    assert _missing(pdf, ("تقريب بصري 5×", "1½ ملعقة صغيرة", "Cl⁻ وفي"), marks="\u0651\u064b\u064f\u064e") == []


def test_a_version_before_a_comma_and_a_ticker_in_a_cell_read_as_typed(tmp_path: Path) -> None:
    """The hundred-and-twenty-second batch: `^1.2.0`، was read "^،1.2.0" by PDFium (the comma, a weak separator
    drawn left of the run, joined its number: pdf/charclass.pdfium_actual_text), and a table's "$AAPL" beside the
    cell "291.20 دولار" was read "AAPL 291.20$" by poppler (popplerwords.poppler_text: a ticker's sign is its run's)."""
    table = (
        "| الشركة | الرمز | السعر |\n|---|---|---|\n| آبل | $AAPL | 291.20 دولار |\n| جونسون | $JNJ | 159.60 دولار |"
    )
    sentence = "قال مكتبة التقويم `@mirsal/hijri` بالنطاق `^1.2.0`، أي أي إصدار من 1.2.0 فما فوق."
    pdf = build_article(tmp_path, "versions", [sentence, table])
    for name, text in _texts(pdf).items():  # (words: poppler reads the comma before the run, "،^1.2.0")
        assert "^1.2.0" in words(text), (name, text)
    assert _missing(pdf, ("$AAPL 291.20 دولار", "$JNJ 159.60 دولار")) == []


def test_a_hyphen_between_a_latin_word_and_an_arabic_one_reads_as_typed(tmp_path: Path) -> None:
    """A chemistry lesson's "pH-متر" (a pH meter) and "المعايرة pH-مترية" (the hundred-and-fifty-third batch): drawn
    "متر-pH", read "-pHمتر" by poppler, the hyphen taken into the Latin word's stretch, and "ال-pHمتر" by PDFium after
    a prefix (pdf/numberpunct.py: the hyphen after the Latin word, as a slash is, "USD/برميل")."""
    typed = [
        "قال نستعمل جهاز pH-متر لقياس الحموضة.",
        "قال وتسمى المعايرة pH-مترية أيضا.",
        "قال جهاز الـpH-متر دقيق جدا.",
        "قال تقنية GPS-ية حديثة.",
    ]
    assert misread(build_article(tmp_path, "hyphens", typed, language="ar-DZ"), typed) == []


def test_a_lone_sign_beside_a_bracket_reads_apart_from_the_word_after_it(tmp_path: Path) -> None:
    """A physics lesson's "(+ أو −) بحسب" (the hundred-and-fifty-fourth batch): a sign alone between a space and a
    bracket was no lone sign to the text layer, and poppler read it with the word beside it, "+أو −بحسب"
    (pdf/lineroles.py: a space and a bracket part it as two spaces do)."""
    typed = ["نعوض الإشارات (+ أو −) بحسب الاتجاه.", "الإشارة [− أو +] هنا.", "العامل (× أو ÷) ثم الجمع."]
    assert unread(build_article(tmp_path, "signs", typed, language="ar-IQ"), typed) == []
