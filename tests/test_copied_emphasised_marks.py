"""Read back as typed: an emphasised word whose last letter carries a mark, before a stop (the hundred-and-sixty-eighth
batch of texts the project had never seen, an Omani physics lesson: "وتسمّى الحركة عندئذ **تسارعاً**.").

The word, bold, is a text object of its own, its glyphs in visual order: the fathatan of its last "اً" first, drawn
left of the alef and hanging over the full stop drawn after the word. poppler lays a word's /ActualText out from the
first glyph drawn, took the word over the stop, and set it on a line of its own ("تسارعاً" before its line, "." after
it). The mark is now drawn after its base, where it was (marks.base_first); nothing on the page moves."""

from __future__ import annotations

from pathlib import Path

import pypdfium2
import pytest
from conftest import build_article, build_drawn, make_workspace, misread
from PIL import ImageChops

SENTENCES = [
    "قال وتسمّى الحركة عندئذ **تسارعاً**.",
    "قال هذا مهم **جداً**، وهو *أيضاً* كذلك.",
    "قال رأيته **صباحاً**! ثم **مساءً**؛ ثم ذهب.",
    "قال ويكتب الاسم *كاملاً*: الاسم واللقب.",
    "قال وصل القطار ***متأخراً***.",
]


@pytest.mark.parametrize("page", ["A5", "A6"])
def test_an_emphasised_word_ending_in_a_mark_reads_before_its_stop(tmp_path: Path, page: str) -> None:
    pdf = build_article(tmp_path, "stops", SENTENCES, page=page, language="ar-OM")
    typed = [sentence.replace("*", "") for sentence in SENTENCES]
    assert misread(pdf, typed) == []


def test_the_mark_drawn_after_its_base_stays_where_it_was(tmp_path: Path) -> None:
    """The page with the marks drawn after their bases is the page without the text layer, pixel for pixel (but
    for anti-aliasing)."""
    pdf = build_article(tmp_path / "marked", "stops", SENTENCES, language="ar-OM")
    make_workspace(tmp_path / "drawn")
    source = tmp_path / "drawn" / "source"
    (source / "stops").mkdir(parents=True, exist_ok=True)
    for name in ("manifest.toml", "article.md"):
        (source / "stops" / name).write_bytes((tmp_path / "marked" / "source" / "stops" / name).read_bytes())
    drawn = build_drawn(tmp_path / "drawn") / "stops.pdf"
    for marked, plain in zip(pypdfium2.PdfDocument(pdf), pypdfium2.PdfDocument(drawn), strict=True):
        a, b = (page.render(scale=4).to_pil().convert("L") for page in (marked, plain))
        assert ImageChops.difference(a, b).getextrema()[1] <= 2
