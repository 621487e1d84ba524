"""Type follows the page: a full line holds 55-80 characters on every trim size, in any script.

Before (A5's 11.5 pt type and 14/20 mm margins on every page): the seed's full lines held a median
75 characters on A5, 93 on B5, 115 on A4 and 120 on letter.
"""

from __future__ import annotations

import re
import statistics

import pypdfium2
import pytest
from conftest import FIXTURES, REPO, SEED

from publisher import render
from publisher.pdf.pagetype import REFERENCE_BODY, page_type, trim_size

SIZES = ("A5", "B5", "A4", "letter")


def _text(*folders: str) -> str:
    """The Markdown of fixtures, without their images and poems (prose is what the measure is for)."""
    texts = [p.read_text(encoding="utf-8") for folder in folders for p in sorted((FIXTURES / folder).glob("*.md"))]
    text = re.sub(r"^::: poem$.*?^:::$", "", "\n\n".join(texts), flags=re.M | re.S)
    return re.sub(r"^!\[.*$", "", text, flags=re.M)


def _seed() -> str:
    """The seed's one line of prose in paragraphs of three sentences."""
    text = next((REPO / "source" / SEED).glob("*.txt")).read_text(encoding="utf-8")
    sentences = re.split(r"(?<=\.) ", text.strip())
    return "\n\n".join(" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3))


TEXTS = {
    "ar-MA": _seed,
    "ar": lambda: re.sub("[\u064b-\u0652\u0670]", "", _text("vocalised-story")),  # classical prose, unvocalised
    "en": lambda: _text("english"),
    "fa": lambda: _text("persian"),
}


def full_lines(pdf: bytes) -> list[int]:
    """The characters of each full line of the PDF's pages, from PDFium's character boxes: a line is full
    when it is as wide as the page's typical line (the last line of a paragraph, a heading, are shorter)."""
    counts = []
    for page in pypdfium2.PdfDocument(pdf):
        textpage = page.get_textpage()
        rows: list[list] = []  # middle height, characters, left, right
        for index in range(textpage.count_chars()):
            char = textpage.get_text_range(index, 1)
            if char in "\r\n":
                continue
            left, bottom, right, top = textpage.get_charbox(index, loose=True)
            row = next((row for row in rows if abs(row[0] - (bottom + top) / 2) < 3), None)
            if row is None:
                row = [(bottom + top) / 2, [], left, right]
                rows.append(row)
            row[1].append(char)
            row[2], row[3] = min(row[2], left), max(row[3], right)
        lines = [row for row in rows if len(row[1]) > 20]
        if not lines:
            continue
        typical = statistics.median(row[3] - row[2] for row in lines)
        counts += [len("".join(row[1]).strip()) for row in lines if row[3] - row[2] > typical - 1]
    return counts


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", TEXTS)
def test_a_full_line_holds_55_to_80_characters(size: str, language: str) -> None:
    metadata = {"title": "Measure", "authors": ["Desk"], "language": language, "pdf": {"page-size": size}}
    counts = full_lines(render(TEXTS[language](), metadata, "pdf"))
    assert len(counts) >= 5, counts
    assert 55 <= statistics.median(counts) <= 80, (size, language, sorted(counts))
    assert sum(55 <= c <= 80 for c in counts) >= 0.8 * len(counts), (size, language, sorted(counts))


def test_the_body_size_grows_with_the_page_and_the_margins_take_the_rest() -> None:
    sizes = {size: page_type(size, 0.35) for size in SIZES}
    assert sizes["A5"].body == REFERENCE_BODY
    assert sizes["A5"].body < sizes["B5"].body < sizes["A4"].body <= sizes["letter"].body
    for size, kind in sizes.items():
        width = trim_size(size)[0]
        measure = width - kind.inner - kind.outer
        assert measure == pytest.approx(68 * 0.35 * kind.body), size  # the same count of characters
        assert kind.inner > kind.outer > 0  # the binding's margin is the larger
    assert trim_size("A5 landscape") == trim_size("A5")[::-1]


def test_font_size_overrides_and_the_measure_follows() -> None:
    ten, twelve = page_type("A4", 0.35, "10pt"), page_type("A4", 0.35, "12pt")
    assert (ten.body, twelve.body) == (10, 12)
    width = trim_size("A4")[0]
    assert width - ten.inner - ten.outer == pytest.approx((width - twelve.inner - twelve.outer) * 10 / 12)


def test_a_large_font_size_on_a_small_page_keeps_a_margin() -> None:
    kind = page_type("A6", 0.35, "24pt")
    assert min(kind.inner, kind.outer) >= 12 * 72 / 25.4 * 0.99


@pytest.mark.parametrize("value", ["huge", "2pt", "60pt", "12"])
def test_a_bad_font_size_is_an_input_error(value: str) -> None:
    from publisher import PublishError

    with pytest.raises(PublishError, match=r"'pdf\.font-size' must be"):
        render("نص.", {"title": "t", "authors": ["a"], "pdf": {"font-size": value}}, "pdf")
