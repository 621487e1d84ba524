"""Read back as typed: what the hundred-and-thirty-fourth batch of texts the project had never seen showed an extractor
misreading, or the page breaking badly, each then written for its class.

- an ordinal's hyphen before its suffix (Uyghur "2005-يىلى", "7-دېكابىر"; an Arabic form's "7-أ"): both extractors
  read the hyphen as the number's minus, "-2005يىلى" (pdf/numberpunct.after_number), and a line ended with "1985-", its
  suffix on the next (pdf/addresses.py holds the hyphen, as between two Arabic words).
- a currency's sign before its code, "(€ EUR)", "(£ GBP)": poppler, for which "€" is left to right, read "(EUR €)"
  (pdf/numberpunct.after_number).
- a book in a language the labels lack (Uyghur, Sindhi): its imprint's English lines were set right to left, and
  poppler read "Amiri licensed under … :Typefaces"; they are set left to right (typeset/templates.labels gives their
  direction, partials/imprint.html.j2)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import build_article
from test_copied_beside_runs import _texts

ORDINALS = ("2005-يىلى", "7-دېكابىر", "1985-يىلدىن", "11-ئاينىڭ")
LEAD = "مۇقام فېستىۋالى ئالمۇتادا ئۆتكۈزۈلدى ۋە كۆپ ساندىكى ئاڭلىغۇچىلار قاتناشتى شۇنداقلا ساز ياساش كۆرگەزمىسى"


def test_an_ordinals_hyphen_is_read_after_its_number_and_never_ends_a_line(tmp_path: Path) -> None:
    paragraphs = [
        f"{' '.join(LEAD.split()[: 3 + n])} {ORDINALS[n % 4]} باشلانغان، {ORDINALS[(n + 1) % 4]} ئاخىرلاشتى."
        for n in range(9)  # each ordinal moves along the line, and to its end
    ]
    pdf = build_article(tmp_path, "ordinals", paragraphs, language="ug")
    for name, read in _texts(pdf).items():
        for typed in ORDINALS:
            assert typed in read, (name, typed, read)
    arabic = build_article(tmp_path / "ar", "forms", ["يملأ النموذج 7-أ ثم البند 12-ب، ووُلد في 1985-م كما ورد."])
    for name, read in _texts(arabic).items():
        assert "النموذج 7-أ ثم البند 12-ب" in read, (name, read)


def test_a_currency_sign_before_its_code_reads_as_typed(tmp_path: Path) -> None:
    paragraphs = ["تراجع اليورو (€ EUR) بمقدار −0.05 جنيه، وصعد الإسترليني (£ GBP) بنحو +0.18، والين (¥ JPY) ثابت."]
    pdf = build_article(tmp_path, "rates", paragraphs, language="ar-EG")
    for name, read in _texts(pdf).items():
        for typed in ("(€ EUR)", "(£ GBP)", "(¥ JPY)"):
            assert typed in read, (name, typed, read)


@pytest.mark.parametrize("language", ["ug", "sd"])
def test_english_labels_of_a_right_to_left_book_are_set_left_to_right(tmp_path: Path, language: str) -> None:
    pdf = build_article(tmp_path, "labels", ["مۇقام فېستىۋالى ئالمۇتادا ئۆتكۈزۈلدى."], language=language)
    for name, read in _texts(pdf).items():
        assert "Typefaces: Amiri licensed under the SIL Open Font License 1.1" in read, (name, read)
