"""Page breaks in right-to-left text: a heading is never the last line of a page, and a paragraph
never leaves one line alone at the top or the foot of a page (book.css: break-after: avoid on
headings, orphans and widows 2, which WeasyPrint honours in rtl).

The text is generated: 24 sections whose lead paragraph grows by six words a step, each followed by
headings and paragraphs of two to five lines, so that across the steps headings and first and last
lines fall at every place near a page's foot. The same text set with the rules switched off (a
workspace book.css) must show all three faults, or the fixture proves nothing.
"""

from __future__ import annotations

from collections import Counter

import pytest

from publisher import build
from publisher.workspace import packaged_dir

SENTENCE = (
    "كتب الباحث في تقريره أن المدينة عرفت خلال العقد الأخير تحولات عميقة في بنيتها الاجتماعية "
    "والاقتصادية وأن الأحياء القديمة فقدت جزءا من سكانها"
)
WORDS = SENTENCE.split(" ")
# "auto", not nothing: WeasyPrint's own stylesheet already avoids a break after a heading.
LOOSE = (("orphans: 2;", "orphans: 1;"), ("widows: 2;", "widows: 1;"), ("break-after: avoid;", "break-after: auto;"))
MANIFEST = (
    'title = "فواصل الصفحات"\nauthors = ["هيئة التحرير"]\nlanguage = "ar"\ndate = 2026-11-02\n'
    '[pdf]\npage-size = "A5"\nprofile = "screen"\n'
)
HEADING, FIRST_ALONE, LAST_ALONE = "ends with a heading", "first line alone at the foot", "last line alone at the top"


def paragraph(length: int, seed: int) -> str:
    return " ".join(WORDS[(seed + i * 7) % len(WORDS)] for i in range(length)) + "."


def sections(count: int = 24) -> str:
    parts = []
    for k in range(count):
        parts += [f"# الفصل {k + 1}", paragraph(230 + 6 * k, k)]
        for j in range(3):
            parts += [
                f"## عنوان {k + 1}.{j + 1}",
                paragraph(25 + 6 * j, j),
                paragraph(30 + 8 * j, j + k),
                paragraph(14, j),
            ]
    return "\n\n".join(parts) + "\n"


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The text set with the rules ("on") and without them ("off")."""
    out = {}
    text = sections()
    for rules in ("on", "off"):
        root = tmp_path_factory.mktemp(f"breaks-{rules}")
        folder = root / "source" / "breaks"
        folder.mkdir(parents=True)
        (folder / "manifest.toml").write_text(MANIFEST, encoding="utf-8")
        (folder / "text.md").write_text(text, encoding="utf-8")
        if rules == "off":
            css = (packaged_dir("templates") / "pdf" / "book.css").read_text(encoding="utf-8")
            for rule, loose in (
                ("orphans: 2;", "orphans: 1;"),
                ("widows: 2;", "widows: 1;"),
                ("break-after: avoid;", "break-after: auto;"),
            ):
                assert rule in css, rule
                css = css.replace(rule, loose)
            (root / "templates" / "pdf").mkdir(parents=True)
            (root / "templates" / "pdf" / "book.css").write_text(css, encoding="utf-8")
        build(root, formats=["pdf"])
        out[rules] = (root / "dist" / "breaks.pdf").read_bytes()
    return out


def test_without_the_rules_the_text_hits_every_fault(pdfs: dict[str, bytes]) -> None:
    found = Counter(fault for _, fault in faults(pdfs["off"]))
    assert found[HEADING] and found[FIRST_ALONE] and found[LAST_ALONE], found


def test_no_heading_ends_a_page_and_no_paragraph_line_is_left_alone(pdfs: dict[str, bytes]) -> None:
    assert faults(pdfs["on"]) == []


def faults(pdf: bytes) -> list[tuple[int, str]]:
    """(page, fault) for every page ending with a heading line, ending with the first line of a
    paragraph that goes on, or starting with the last line of one that began before. From PDFium's
    lines: running text is the most common size, headings larger; a first line is indented or
    follows a heading or a last line; a last line stops short of the measure's far (left) edge."""
    pages = [_lines(page) for page in _pages(pdf)]
    em = Counter(round(size, 1) for lines in pages for size, _, _ in lines).most_common(1)[0][0]
    body = [(left, right) for lines in pages for size, left, right in lines if abs(size - em) < 0.5]
    measure_left, measure_right = min(left for left, _ in body), max(right for _, right in body)
    found: list[tuple[int, str]] = []
    ended = True  # the line before ended a paragraph or was a heading
    for number, lines in enumerate(pages, start=1):
        lines = [line for line in lines if line[0] >= em - 0.5]  # no running head, no folio
        if not any(abs(size - em) < 0.5 for size, _, _ in lines):
            continue  # the title page
        for index, (size, left, right) in enumerate(lines):
            heading = size > em + 0.5
            short = left > measure_left + em
            first = not heading and (ended or right < measure_right - em / 2)
            if index == 0 and short and not first and not heading:
                found.append((number, LAST_ALONE))
            if index == len(lines) - 1 and heading:
                found.append((number, HEADING))
            elif index == len(lines) - 1 and first and not short:
                found.append((number, FIRST_ALONE))
            ended = heading or short
    return found


def _pages(pdf: bytes) -> list:
    import pypdfium2

    return list(pypdfium2.PdfDocument(pdf))


def _lines(page: object) -> list[tuple[float, float, float]]:
    """The page's lines from top to bottom: (font size, left, right) from the loose character boxes."""
    import pypdfium2.raw as raw

    text = page.get_textpage()  # type: ignore[attr-defined]
    rows: dict[float, list[float]] = {}
    for i in range(text.count_chars()):
        if not text.get_text_range(i, 1).strip():
            continue
        left, bottom, right, top = text.get_charbox(i, loose=True)
        middle = (bottom + top) / 2
        key = next((k for k in rows if abs(k - middle) < 4), middle)
        row = rows.setdefault(key, [0.0, left, right])
        row[0] = max(row[0], raw.FPDFText_GetFontSize(text.raw, i))
        row[1], row[2] = min(row[1], left), max(row[2], right)
    return [(size, left, right) for size, left, right in (rows[k] for k in sorted(rows, reverse=True))]
