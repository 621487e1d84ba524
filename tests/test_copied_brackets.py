"""Brackets, quotes and separators copy from PDFium (Chrome's viewer) and poppler where the author typed them.

The word counts of test_text_fidelity.py leave punctuation out, and PDFium read every bracket beside a space out
of place ("رقم (٣)" came back "رقم( ٣)"), a bracket or a guillemet closing a Latin word mirrored ("(Python)" read
"(Python (", "«Seed»" read "«Seed«"), and a bracket whose glyph had first been met set the other way mirrored too
(the ToUnicode map has one entry per glyph: "سابقة (Holes" read "سابقة )Holes"). Over the fixtures and the seed,
`python benchmarks/text_fidelity.py --punctuation WORKSPACE` (the words compared with their punctuation): PDFium
93.15 % before, 96.68 % after, of 25943 words; poppler 88.19 %, 88.20 % (2026-12-05). Left: tables, which PDFium
reads in visual order, and poppler's Arabic comma, which it sets apart left to right ("الباب، وكذا": "الباب ،وكذا")."""

from __future__ import annotations

import itertools
from pathlib import Path

import pypdfium2
from conftest import MARKS, build_article, misread


def _typed() -> list[str]:
    """Sentences of one line each: a bracketed Arabic-Indic or European number, an Arabic letter, word or phrase, a
    number with its unit; a bracketed or quoted Latin word, name, version or signed number; with a space, a comma,
    a full stop or nothing after, and a space or nothing before."""
    inside = ["٣", "12", "أ", "الباب", "٤٥ ص", "انظر ٣"]
    before = ["رقم ", "رقم", "و"]
    after = [" وكذا", "، وكذا", ". وكذا", "وكذا"]
    sentences = [
        f"قال {b}{o}{i}{c}{a} الأمر." for b, i, a, (o, c) in itertools.product(before, inside, after, ["()", "[]"])
    ]
    latin = ["Python", "Python 3", "C++", "v2.1", "-5%", "الباب Python", "Python الباب"]
    for word, a, (o, c) in itertools.product(latin, [" وكذا", "، وكذا", ". وكذا"], ["()", "«»", "[]"]):
        sentences.append(f"قال {o}{word}{c}{a} الأمر.")
    return sentences


def test_pdfium_reads_each_bracket_and_guillemet_where_it_was_typed(tmp_path: Path) -> None:
    typed = _typed()
    # a paragraph in Latin first: the glyph of ")" then stands for ")" in the ToUnicode map, which Arabic text
    # draws for "(": the text layer must not take a glyph's first use for what it stands for
    first = "The first paragraph (in English) sets the brackets [first] and «quotes» left to right."
    document = pypdfium2.PdfDocument(build_article(tmp_path, "brackets", [first, *typed]))
    text = MARKS.sub("", "\n".join(page.get_textpage().get_text_range() for page in document))
    lines = [line.strip() for line in text.replace("\r", "").split("\n") if line.startswith("قال")]
    assert len(lines) == len(typed)
    assert [(want, got) for want, got in zip(typed, lines, strict=True) if want != got] == []


def test_both_extractors_read_a_separator_after_an_arabic_word_before_its_space(tmp_path: Path) -> None:
    """poppler takes "،" "." ":" for digits (its reorderText: a number's separators), and the space drawn on their
    left into their left-to-right stretch: "الباب، وكذا" came back "الباب ،وكذا" (88.20 % of the fixtures' words
    with their punctuation, 94.46 % once that space ends the stretch as a run's end does: lineroles.py)."""

    words = ["الباب", "(الباب)", "«الباب»", "الكتابُ", "ص", "المدرسة"]
    typed = [f"قال {w}{p} وكذا الأمر." for w, p in itertools.product(words, ["،", ".", ":", "؛", "!", "؟"])]
    typed += ["قال: الأمر واضح.", "قال الأول، الثاني، الثالث، والرابع.", "قال ذلك؟ نعم."]
    pdf = build_article(tmp_path, "separators", typed)
    assert misread(pdf, typed) == []


def test_poppler_reads_a_separator_of_a_vocalised_line_before_its_space(tmp_path: Path) -> None:
    """A vocalised line is read whole (popplerwords.poppler_text): its separators went with the space on their left
    there too, "صَبَاحًا، وَفِي" read "صَبَاحًا ،وَفِي" (vocalised-story 77.63 % with punctuation, 99.34 % after)."""
    import subprocess
    import unicodedata

    typed = [
        "ذَهَبَ سَامِي صَبَاحًا، وَفِي يَدِهِ حَقِيبَةٌ.",
        "قَالَتْ لَهُ أُمُّهُ: كُنْ مُؤَدَّبًا مَعَ مُعَلِّمَتِكَ، وَلَا تَنْسَ.",
        "نَزَلَ الْمَطَرُ. فَحَمَلَهَا عَلَى كَتِفِهِ، ثُمَّ مَشَى.",
    ]
    pdf = build_article(tmp_path, "vocalised", typed)
    poppler = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    lines = {unicodedata.normalize("NFC", line.strip()) for line in MARKS.sub("", poppler).split("\n")}
    assert [sentence for sentence in typed if unicodedata.normalize("NFC", sentence) not in lines] == []


def test_both_extractors_read_a_separator_before_an_opening_quote_or_bracket(tmp_path: Path) -> None:
    """poppler read "قال المدير: «نريد" as "قال المدير« :نريد": the separator and the space after it, drawn right of
    the opening guillemet, were taken into a stretch of their own (54 words of the fixtures with their punctuation;
    marks.mirrored_texts); and PDFium read "المعلمة: «Python" as "المعلمة:« Python", the bracket on the space's far
    side. Every separator, before every opening quote and bracket, an Arabic phrase, a Latin word or a number
    inside, read back as typed by both."""

    inside = ["نريد", "ما زال أمامنا عمل", "الحياة قصيرة", "Python سهلة", "٣ مشاريع", "12 مشروعا"]
    pairs = ["«»", "()", "[]", '""']  # straight quotes, «» in Arabic (typeset/quotes.py)
    typed = [
        f"قال المدير{s} {o}{i}{c} وأضاف." for s, i, (o, c) in itertools.product(["", ":", "،", "؛"], inside, pairs)
    ]
    pdf = build_article(tmp_path, "opening", typed)
    typed = [sentence.replace('"', "«", 1).replace('"', "»", 1) for sentence in typed]
    assert misread(pdf, typed) == []


def test_both_extractors_read_a_bracket_opening_after_a_number(tmp_path: Path) -> None:
    """PDFium read "بلغت 80 (مقابل 81)" as "بلغت 80( مقابل 81)": the bracket, drawn alone, and the space that ends the
    number's run were one neutral stretch to it, kept in the order drawn (every one of the 30 sentences below). A
    RIGHT-TO-LEFT MARK on each side of the bracket in PDFium's /ActualText parts them (marks.mirrored_texts).
    Numbers of each kind (a decimal comma, a percent, Arabic-Indic digits, a sign, a currency, a unit), then an
    Arabic phrase."""

    numbers = ["80", "79,8%", "79.8%", "٧٩٫٨٪", "-3.5%", "+12%", "$12.5", "25°C", "١٢٠٠", "2026"]
    typed = [
        f"قال إن النسبة بلغت {n} ({i}) وأضاف."
        for n, i in itertools.product(numbers, ["مقابل 81", "أي الربع", "تقريبا"])
    ]
    pdf = build_article(tmp_path, "numbers", typed)
    assert misread(pdf, typed) == []


def test_both_extractors_read_a_bracket_closing_on_arabic_indic_digits(tmp_path: Path) -> None:
    """poppler read a Yemeni timetable's "(IY-٦٢٦)" as "(IY-)٦٢٦": the closing bracket, drawn just left of the
    Arabic-Indic digits (which no Latin run takes in, typeset/bidi.py), was one stretch with them to it; and PDFium
    read "(ك-٥)" and "(ISO ٩٠٠١)" with the closing bracket mirrored, "(ك-٥ (". Codes, models and norms of Latin or
    Arabic letters and Arabic-Indic digits, in each kind of bracket (tjroles.py, BRACKET_BY_NUMBER)."""

    codes = ["IY-٦٢٦", "A-٣٢٠", "EK-٢٠١", "ISO ٩٠٠١", "T-٣", "MS ٩٨٥", "ك-٥", "ب ١٢"]
    typed = [f"قال إن الرمز {o}{c}{e} معروف الآن." for c, (o, e) in itertools.product(codes, ["()", "[]"])]
    assert misread(build_article(tmp_path, "codes", typed), typed) == []


def test_poppler_reads_the_punctuation_after_a_quoted_latin_word_that_begins_a_line(tmp_path: Path) -> None:
    """A line that begins with a Latin word in quotes and the punctuation after them ("«ArabicMMLU»، مقابل"), drawn
    left of the closing quote: poppler read the punctuation inside the quotes, "«،»ArabicMMLU" (an interview's line
    after a justified break). The closing quote gets the marks a full stop after a Latin word has
    (numberpunct.after_number), with a separator on its left as with a space."""
    import subprocess

    words = ["ArabicMMLU", "INC-2291", "Node.js", "Python 3.12", "It's about dignity"]
    typed = [f'"{word}"{p} مقابل ذلك.' for word, p in itertools.product(words, ["،", ".", ":", "؛", "؟"])]
    pdf = build_article(tmp_path, "quoted", typed)
    poppler = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    lines = {line.strip() for line in MARKS.sub("", poppler).split("\n")}
    typed = [sentence.replace('"', "«", 1).replace('"', "»", 1).replace("'", "\u2019") for sentence in typed]
    assert [sentence for sentence in typed if sentence not in lines] == []


def test_both_extractors_read_a_bracket_closing_on_a_latin_word_after_a_prefix(tmp_path: Path) -> None:
    """poppler read "(Pre-seed وSeed)" as "(Pre-seed و)Seed": the closing bracket, drawn left of the Latin word glued
    to the prefix "و", was one stretch with the word to it. The bracket's own text now ends with a RIGHT-TO-LEFT MARK
    (textlayer.py, BRACKET_AFTER_LTR). Brackets and quotes, a prefix or a word before, one word or two inside."""

    inner = ["Pre-seed وSeed", "iOS وAndroid", "بـPython", "لـGoogle Play", "الـAPI", "Java وC++"]
    typed = [f"قال إن الجولة {o}{i}{c} انتهت." for i, (o, c) in itertools.product(inner, ["()", "[]", "«»"])]
    assert misread(build_article(tmp_path, "prefixed", typed), typed) == []
