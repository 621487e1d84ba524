"""A note that does not fit under its page's text takes the line that calls it to the next page, not the paragraph.

Seen on a page of a text the project had never seen (the hundred-and-forty-third batch, an English book review): the
first page ended 40 % empty, its next heading and the paragraph calling the first note moved to the second page.
WeasyPrint, left to choose (`footnote-policy: auto`), took the paragraph over whole (its orphans, and the heading's
`break-after: avoid` with it), and at another length set the call on one page and its note on the next; the pages ask
for `line` now (templates/pdf/book.css). Checked at lengths of the text above that bring the call to the page's foot."""

from __future__ import annotations

from pathlib import Path

import pypdfium2
import pytest
from conftest import build_article

OPENING = (
    "Few topics in the study of grammar have generated as much commentary, or as much classroom anxiety, as the "
    "system of case endings that the medieval scholars placed at the centre of their discipline. "
)
NOTED = (
    "The book is divided into six chapters. The first offers a careful reading of the relevant sections of the "
    "earliest treatise, with particular attention to the way its author uses the names of the endings not only for "
    "sounds but for places in the sentence.[^1] It is at its best here, resisting the temptation to read later "
    "systems back into the earliest text."
)


def _lowest(page: pypdfium2.PdfPage) -> float:
    """The bottom of the lowest line of the page's text, in PDF points from the page's foot."""
    text = page.get_textpage()
    return min(text.get_charbox(i)[1] for i in range(text.count_chars()) if not text.get_text_range(i, 1).isspace())


@pytest.mark.parametrize("words", range(190, 220, 10))
def test_a_note_stays_with_its_call_and_the_page_before_stays_full(tmp_path: Path, words: int) -> None:
    """With `auto`, an opening of 190 words left the call on the first page and its note on the second; of 200, the
    heading and the paragraph went over and left the first page 175 pt short (8 lines)."""
    opening = " ".join((OPENING * 12).split()[:words])
    paragraphs = [opening, "## Structure and argument", NOTED, "[^1]: Pages 45–67 of the book reviewed."]
    pdf = pypdfium2.PdfDocument(build_article(tmp_path, "review", paragraphs, "A Review", "letter", "en"))
    pages = [" ".join(page.get_textpage().get_text_range().split()) for page in pdf]
    call = next(n for n, text in enumerate(pages) if "places in the sentence" in text)
    note = next(n for n, text in enumerate(pages) if "Pages 45–67 of the book" in text)
    assert call == note, pages
    if call > 0:  # the page before the call's ends less than six lines (of 1.9 × 11 pt) above the note's page's foot:
        # what a heading and its paragraph's two first lines take, at most
        assert _lowest(pdf[call - 1]) - _lowest(pdf[call]) < 6 * 1.9 * 11, (words, pages)
