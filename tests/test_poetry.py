"""Verse set as verse and vocalised text leaded for its marks, measured on the PDF as PDFium reads it
(character boxes: ink from the glyph outlines) and on the page as PDFium draws it.

Geometry is measured on the PDF built without the text layer (`drawn`): a vocalised line's text objects carry
one /ActualText each (pdf/marks.py), and PDFium gives the characters of an /ActualText boxes that share out the
first text object's box evenly, not their glyphs' places. The text layer changes nothing drawn
(tests/test_text_fidelity.py), so the unmarked file's glyphs are the page's."""

from __future__ import annotations

import ctypes
import itertools
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pypdfium2
import pypdfium2.raw as pdfium
import pytest
from conftest import FIXTURES, REPO, Built, build_drawn, make_workspace

from publisher.pdf.pagetype import MIN_SIDE, page_type
from publisher.source.fonts import load_fonts
from publisher.typeset.leading import lead_blocks, needed_line_height
from publisher.typeset.verse import GAP, MAX_STRETCH, MIN_GAP, MIN_SCALE, SLACK, fit_measure, fit_poems
from publisher.workspace import Workspace

POETRY = FIXTURES / "poetry"
EDGE = 0.5  # pt: how far an outer edge may wander down a poem
METADATA = {"title": "قصيدة", "authors": ["هيئة التحرير"], "pdf": {"page-size": "A5"}}


def lines(pdf: bytes | Path) -> list[list[tuple[int, float, float, float, list[tuple[float, float]]]]]:
    """Each page's text lines, top down: (page, baseline, left, right, [(left, right) of every character's ink]).

    A mark's origin sits off its base letter's baseline, so characters join the line whose baseline
    is within 8 pt (lines are over 18 pt apart); the line's baseline is its commonest origin.
    """
    document = pypdfium2.PdfDocument(pdf)
    pages = []
    for number, page in enumerate(document):
        text = page.get_textpage()
        found: list[tuple[float, float, float]] = []
        for index in range(text.count_chars()):
            char = text.get_text_range(index, 1)
            left, _bottom, right, _top = text.get_charbox(index)
            if not char.strip() or right <= left:
                continue
            x, y = ctypes.c_double(), ctypes.c_double()
            pdfium.FPDFText_GetCharOrigin(text.raw, index, x, y)
            found.append((round(y.value, 2), left, right))
        rows: list[list[tuple[float, float, float]]] = []
        for char in sorted(found, key=lambda c: -c[0]):
            if rows and rows[-1][0][0] - char[0] < 8:
                rows[-1].append(char)
            else:
                rows.append([char])
        page_lines = []
        for row in rows:
            baselines = [c[0] for c in row]
            baseline = max(set(baselines), key=baselines.count)
            boxes = [(c[1], c[2]) for c in row]
            page_lines.append((number, baseline, min(b[0] for b in boxes), max(b[1] for b in boxes), boxes))
        pages.append(page_lines)
    return pages


def two_columns(line: tuple, gap: float = 15.0) -> tuple[tuple[float, float], tuple[float, float]] | None:
    """The (left, right) ink of a line's right and left halves when its widest gap, of `gap` pt or more,
    splits it, else None."""
    boxes = sorted(line[4])
    best, split, reach = 0.0, 0, boxes[0][1]
    for index in range(1, len(boxes)):
        if boxes[index][0] - reach > best:
            best, split = boxes[index][0] - reach, index
        reach = max(reach, boxes[index][1])
    if best < gap:
        return None
    left, right = boxes[:split], boxes[split:]
    return (min(b[0] for b in right), max(b[1] for b in right)), (min(b[0] for b in left), max(b[1] for b in left))


def verses(source: Path) -> list[list[tuple[str, ...]]]:
    """The verses of each poem of a Markdown file, as their hemistichs."""
    poems = re.findall(r"^::: poem\n(.*?)^:::$", source.read_text(encoding="utf-8"), re.MULTILINE | re.DOTALL)
    split = re.compile(r"\s*(?:\*\*\*|…|\.\.\.|\t)\s*")
    return [[tuple(split.split(line.strip())) for line in poem.splitlines() if line.strip()] for poem in poems]


@pytest.fixture(scope="module")
def drawn(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The poetry fixture's PDF built without the text layer: the glyphs where they are drawn."""
    return build_drawn(make_workspace(tmp_path_factory.mktemp("drawn"), POETRY)) / "poetry.pdf"


@pytest.fixture(scope="module")
def poetry(drawn: Path) -> list[list[tuple]]:
    return lines(drawn)


def test_each_verse_is_one_line_and_the_outer_edges_line_up_down_each_poem(poetry: list[list[tuple]]) -> None:
    """Every two-part verse of the fixture is one line of two columns; down each poem (a run of such
    lines) the ṣadr's right edges and the ʿajuz's left edges agree to half a point."""
    assert_columns_line_up(poetry)


def test_with_kashida_hemistichs_take_their_slack_in_joins_and_still_line_up(tmp_path: Path) -> None:
    """`justify = "kashida"`: a hemistich shorter than its column gets elongated joins (the unvocalised
    poem: vocalised words are never elongated) and the columns line up as with spaces."""
    root = make_workspace(tmp_path, POETRY)
    manifest = root / "source" / "poetry" / "manifest.toml"
    manifest.write_text(manifest.read_text(encoding="utf-8") + 'justify = "kashida"\n', encoding="utf-8")
    pdf = build_drawn(root) / "poetry.pdf"
    assert_columns_line_up(lines(pdf))
    text = "".join(page.get_textpage().get_text_range() for page in pypdfium2.PdfDocument(pdf))
    elongated = re.findall(r"\w*\u0640+\w*", text)
    assert len(elongated) >= 5, elongated  # the glyphs, read without the text layer
    assert all(len(re.findall("\u0640+", word)) == 1 for word in elongated), elongated
    from publisher import build

    build(root, formats=["pdf"], jobs=1, cache=False)  # with the text layer: the words as typed
    marked = pypdfium2.PdfDocument(root / "dist" / "poetry.pdf")
    assert "\u0640" not in "".join(page.get_textpage().get_text_range() for page in marked)
    assert all(word.replace("\u0640", "") in text.replace("\u0640", "") for word in elongated)


def assert_columns_line_up(poetry: list[list[tuple]]) -> None:
    poems: list[list[tuple]] = []
    for page in poetry:
        run: list[tuple] = []
        for line in [*page, None]:
            halves = two_columns(line) if line else None
            if halves:
                run.append(halves)
            elif run:
                poems.append(run)
                run = []
    expected = [sum(len(h) == 2 for h in poem) for poem in verses(POETRY / "article.md")]
    assert sum(len(p) for p in poems) == sum(expected) == 16
    assert len(poems) >= len(expected)
    for found in poems:
        sadr_rights = [sadr[1] for sadr, _ in found]
        ajuz_lefts = [ajuz[0] for _, ajuz in found]
        inner = [sadr[0] for sadr, _ in found] + [-ajuz[1] for _, ajuz in found]
        assert max(sadr_rights) - min(sadr_rights) <= EDGE, sadr_rights
        assert max(ajuz_lefts) - min(ajuz_lefts) <= EDGE, ajuz_lefts
        # filled: the inner edges line up too, and the columns are as wide as each other
        assert max(inner[: len(found)]) - min(inner[: len(found)]) <= EDGE
        widths = [sadr[1] - sadr[0] for sadr, _ in found] + [ajuz[1] - ajuz[0] for _, ajuz in found]
        assert max(widths) - min(widths) <= 2 * EDGE, widths


def test_both_hemistichs_of_a_verse_share_a_baseline(drawn: Path) -> None:
    document = pypdfium2.PdfDocument(drawn)
    checked = 0
    for page in lines(drawn):
        for line in page:
            halves = two_columns(line)
            if not halves:
                continue
            middle = (halves[0][0] + halves[1][1]) / 2
            text = document[line[0]].get_textpage()
            sides: dict[bool, list[float]] = {True: [], False: []}
            for index in range(text.count_chars()):
                left, _bottom, right, _top = text.get_charbox(index)
                x, y = ctypes.c_double(), ctypes.c_double()
                pdfium.FPDFText_GetCharOrigin(text.raw, index, x, y)
                if abs(y.value - line[1]) < 0.01 and right > left:
                    sides[(left + right) / 2 > middle].append(y.value)
            assert sides[True] and sides[False]
            assert abs(max(set(sides[True]), key=sides[True].count) - line[1]) < 0.01
            checked += 1
    assert checked >= 14


def test_a_single_part_verse_is_centred(poetry: list[list[tuple]]) -> None:
    """The refrain's two one-part verses sit in the middle of the measure of their page (margins mirror,
    so each page's own: from the full lines of its prose)."""
    singles, widths = [], []
    for page in poetry:
        body = [line for line in page if line[3] - line[2] > max(x[3] - x[2] for x in page) - 2]  # full lines
        if not body:
            continue
        centre = (min(b[2] for b in body) + max(b[3] for b in body)) / 2
        refrain = [line for line in page if not two_columns(line) and line[3] - line[2] < 160]
        singles += [line for line in refrain if abs((line[2] + line[3]) / 2 - centre) < 1.0]
        widths += [(centre, line[2], line[3]) for line in refrain]
    assert len(singles) >= 2, widths


def test_the_separator_is_not_printed_and_the_sadr_reads_first(built: Built) -> None:
    text = "\n".join(
        page.get_textpage().get_text_bounded() for page in pypdfium2.PdfDocument(built.artifact("poetry", "pdf"))
    )
    assert "***" not in text and "…" not in text and "..." not in text
    # (words without hamza: PDFium reads Amiri's alef-hamza glyph back as a stray character)
    assert text.index("تعرفني") < text.index("والسيف") < text.index("نظر") < text.index("كلماتي")


def test_long_hemistichs_on_a_narrow_page_put_the_ajuz_under_the_sadr(tmp_path: Path) -> None:
    """On A6 at 14 pt the Muʿallaqa's columns do not fit side by side, even set smaller (fit_measure): each ʿajuz
    goes on the next line, flush with the far side, and every line stays inside the measure (as wide as the page
    allows: the margins are pagetype.py's narrowest)."""
    article = (POETRY / "article.md").read_text(encoding="utf-8")
    muallaqa = article[article.index("::: poem") : article.index(":::\n", article.index("::: poem") + 9) + 4]
    folder = tmp_path / "source" / "narrow"
    folder.mkdir(parents=True)
    (folder / "poem.md").write_text(muallaqa, encoding="utf-8")
    (folder / "manifest.toml").write_text(
        'title = "قصيدة"\nauthors = ["هيئة التحرير"]\n'
        '[pdf]\npage-size = "A6"\nprofile = "screen"\nfont-size = "14pt"\nlayout = "book"\n',
        encoding="utf-8",
    )
    # A book: the poem on pages of its own, after the title page and the imprint; the glyphs where drawn.
    pdf = build_drawn(tmp_path) / "narrow.pdf"
    found = [line for page in lines(pdf)[2:] for line in page if 40 < line[1] < 380][1:]  # no title, no folio
    assert len(found) == 12  # six verses, each on two lines
    sadr, ajuz = found[0::2], found[1::2]
    width = pypdfium2.PdfDocument(pdf)[0].get_width()
    assert max(s[3] for s in sadr) - min(s[3] for s in sadr) <= EDGE  # right edges of the ṣadr
    assert max(a[2] for a in ajuz) - min(a[2] for a in ajuz) <= EDGE  # left edges of the ʿajuz
    assert min(a[2] for a in ajuz) < min(s[2] for s in sadr) - 5  # the ʿajuz sits to the other side
    assert all(line[2] > MIN_SIDE - 2 and line[3] < width - MIN_SIDE + 2 for line in found)


# Leading of vocalised text -------------------------------------------------------------------


def touching_lines(pdf: bytes | Path, dpi: int = 200) -> tuple[int, int]:
    """(pairs of consecutive body lines checked, pairs with no blank pixel row between their baselines).

    Rasterised by PDFium; only the columns both lines cover are looked at, and only lines of the same
    block (baselines less than 2.5 em apart at 11.5 pt)."""
    document = pypdfium2.PdfDocument(pdf)
    scale = dpi / 72
    checked = touching = 0
    for page_lines in lines(pdf):
        if not page_lines:
            continue
        page = document[page_lines[0][0]]
        height = page.get_height()
        image = page.render(scale=scale, grayscale=True).to_pil()
        pixels = image.load()
        for upper, lower in itertools.pairwise(page_lines):
            if upper[1] - lower[1] > 2.5 * 11.5 or upper[1] > height - 60 or lower[1] < 60:
                continue  # another block, or the running head or folio
            left, right = max(upper[2], lower[2]), min(upper[3], lower[3])
            if right - left < 20:
                continue
            rows = range(int((height - upper[1]) * scale) + 1, int((height - lower[1]) * scale))
            columns = range(int(left * scale), int(right * scale))
            blank = any(all(pixels[x, y] > 250 for x in columns) for y in rows)
            checked += 1
            touching += not blank
    return checked, touching


def test_no_two_lines_of_vocalised_text_touch(drawn: Path) -> None:
    checked, touching = touching_lines(drawn)
    assert checked >= 20 and touching == 0


def test_the_vocalised_fixture_does_touch_at_the_stylesheet_leading(monkeypatch: pytest.MonkeyPatch) -> None:
    """The check above can fail: the same text with the leading left alone has lines whose ink meets."""
    import publisher.pdf.render

    article = (POETRY / "article.md").read_text(encoding="utf-8")
    monkeypatch.setattr(publisher.pdf.render, "lead_blocks", lambda body, *args: body)
    # without the text layer, as `drawn`: PDFium's boxes for a line's /ActualText are not where the glyphs are
    monkeypatch.setattr(publisher.pdf.render, "mark_text_layer", lambda document, pdf, addresses, *more: 0)
    checked, touching = touching_lines(publisher.render(article, METADATA))
    assert checked >= 20 and touching >= 1


def test_unvocalised_text_keeps_its_leading(built: Built) -> None:
    from conftest import SEED

    fonts = load_fonts(Workspace(REPO).search_path("fonts"))
    seed = (REPO / "source" / SEED / "article.txt").read_text(encoding="utf-8")
    body = "".join(f"<p>{p}</p>\n" for p in seed.split("\n\n") if p.strip())
    assert lead_blocks(body, fonts, 1.65, 1.35) == body
    assert needed_line_height("قِفَا نَبْكِ مِنْ ذِكْرَى حَبِيبٍ وَمَنْزِلِ", fonts) > 1.65
    assert needed_line_height("قفا نبك من ذكرى حبيب ومنزل", fonts) < 1.65


def test_a_list_item_takes_the_leading_of_its_vocalised_paragraph() -> None:
    """Its marker is laid out on a line of the item's own: with the body's leading it sat above the paragraph's first
    baseline (a reading lesson's "١." 2 pt high)."""
    fonts = load_fonts(Workspace(REPO).search_path("fonts"))
    body = "<ol>\n<li>\n<p>إِلَى أَيْنَ سَافَرَ يُوسُفُ مَعَ أُسْرَتِهِ؟</p>\n<ul>\n<li>أ) نعم</li>\n</ul>\n</li>\n</ol>\n"
    led = lead_blocks(body, fonts, 1.65, 1.35)
    need = needed_line_height("إِلَى أَيْنَ سَافَرَ يُوسُفُ مَعَ أُسْرَتِهِ؟", fonts)
    assert need > 1.65 and led.startswith(f'<ol>\n<li style="line-height: {need}">\n<p style="line-height: {need}">'), (
        led
    )
    assert lead_blocks(body.replace("إِلَى أَيْنَ سَافَرَ يُوسُفُ مَعَ أُسْرَتِهِ", "إلى أين"), fonts, 1.65, 1.35).startswith(
        "<ol>\n<li>\n<p>"
    )


# Narrow screens ------------------------------------------------------------------------------


def test_a_narrow_screen_stacks_the_hemistichs(built: Built, tmp_path: Path) -> None:
    """Chromium prints the EPUB's chapter on a phone-wide page and on a wide one: stacked, then side by side."""
    import zipfile

    with zipfile.ZipFile(built.artifact("poetry", "epub")) as epub:
        epub.extractall(tmp_path)
    chapter = next(tmp_path.rglob("ch01.xhtml"))
    counts: dict[str, int] = {}
    for name, width in (("narrow", "80mm"), ("wide", "210mm")):
        page = chapter.with_name(f"{name}.xhtml")
        page.write_text(
            chapter.read_text(encoding="utf-8").replace(
                "</head>", f"<style>@page {{ size: {width} 400mm; }}</style></head>"
            ),
            encoding="utf-8",
        )
        pdf = tmp_path / f"{name}.pdf"
        subprocess.run(
            [
                shutil.which("chromium") or "/usr/bin/chromium",
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--no-pdf-header-footer",
                f"--print-to-pdf={pdf}",
                page.as_uri(),
            ],
            capture_output=True,
            timeout=120,
            check=True,
        )
        document = pypdfium2.PdfDocument(pdf)
        texts = [
            document[line[0]].get_textpage().get_text_bounded(0, line[1] - 3, 10_000, line[1] + 6)
            for page_lines in lines(pdf)
            for line in page_lines
        ]
        # a word of each ṣadr of al-Mutanabbi's verses and one of its ʿajuz (no hamza: see above)
        pairs = [("تعرفني", "والسيف"), ("نظر", "كلماتي"), ("جفوني", "الخلق")]
        counts[name] = sum(any(a in text and b in text for text in texts) for a, b in pairs)
    assert counts == {"narrow": 0, "wide": 3}


def test_no_hemistich_and_no_verse_of_one_part_wraps(tmp_path: Path) -> None:
    """tests/fixtures/poem-ellipsis: its widest hemistich had its last word ("صَدَفَاتِي") wrapped under it, its column
    holding the ink HarfBuzz measured and WeasyPrint's advances a hair wider; its verse of one part, a flex item at
    its content's width as WeasyPrint measured it, had "حَصَاتِي" wrapped too. Each is one line of the page now."""
    from publisher import build

    root = make_workspace(tmp_path, FIXTURES / "poem-ellipsis")
    build(root, formats=["pdf"], jobs=1)
    text = pypdfium2.PdfDocument(root / "dist" / "poem-ellipsis.pdf")[0].get_textpage().get_text_range()
    plain = ["".join(char for char in line if not unicodedata.combining(char)) for line in text.splitlines()]
    for first, last in (("فهل", "صدفاتي"), ("رجعت", "حصاتي"), ("أنا", "كامن")):
        assert any(first in line and last in line for line in plain), (first, last, plain)


def test_a_poem_a_little_too_wide_for_the_measure_is_set_smaller_each_verse_on_its_line(tmp_path: Path) -> None:
    """Abu Tammam's basīṭ on A4 (tests/fixtures/abu-tammam): its columns and gap passed the measure and every ʿajuz
    wrapped under its ṣadr. The gap narrowed and the poem set at 0.85-1 of the text's size
    (typeset/verse.fit_measure), each verse keeps its line, its edges lined up, and no two lines touch."""
    pdf = build_drawn(make_workspace(tmp_path, FIXTURES / "abu-tammam")) / "abu-tammam.pdf"
    found = [halves for page in lines(pdf) for line in page if (halves := two_columns(line, gap=8.0))]
    rows = [(sadr, ajuz) for sadr, ajuz in found if min(sadr[1] - sadr[0], ajuz[1] - ajuz[0]) > 60]  # not the title
    assert len(rows) == 5  # the four verses of the first poem, and the one of the second
    for edges in ([sadr[1] for sadr, _ in rows[:4]], [ajuz[0] for _, ajuz in rows[:4]]):
        assert max(edges) - min(edges) <= EDGE, edges
    checked, touching = touching_lines(pdf)
    assert checked >= 3 and touching == 0


def test_fit_measure_narrows_the_gap_then_the_type_and_lets_a_far_too_wide_poem_wrap() -> None:
    assert fit_measure(12.0, 30.0) == (GAP, 1.0)
    gap, scale = fit_measure(12.8, 27.5)
    assert MIN_GAP <= gap < GAP and scale == 1.0
    gap, scale = fit_measure(14.0, 27.5)
    assert gap == MIN_GAP and MIN_SCALE <= scale < 1 and abs(scale * (2 * 14.0 + MIN_GAP) - (27.5 - SLACK)) < 1e-9
    assert fit_measure(20.0, 27.5) == (GAP, 1.0) and fit_measure(20.0, None) == (GAP, 1.0)


def test_an_arabic_poem_in_a_left_to_right_book_is_set_right_to_left(tmp_path: Path) -> None:
    """An English article quoting al-Mutanabbi (en-verse): its ṣadr had been set on the left and its words left
    to right ("تعرفني والبيداء والليل الخيل" read from the right), which the text layer's /ActualText hid from
    both extractors. Drawn, the ṣadr is the right column and its first word is its rightmost."""
    pdf = build_drawn(make_workspace(tmp_path, FIXTURES / "en-verse")) / "en-verse.pdf"
    text = pypdfium2.PdfDocument(pdf)[0].get_textpage()
    x = {}
    for index in range(text.count_chars()):
        char = text.get_text_range(index, 1)
        if char in "خعق":  # خ only in the ṣadr's first word, ع in its last, ق in the ʿajuz
            x.setdefault(char, text.get_charbox(index)[0])
    assert x["خ"] > x["ع"] > x["ق"], x


AJUZ = '<span class="hemistich ajuz">{}</span>'


def test_a_hemistich_far_shorter_than_its_column_keeps_its_outer_edge_and_normal_word_spaces(tmp_path: Path) -> None:
    """A poem with one hemistich twice the length of the others (a fused pair of hemistichs, free verse): on A6
    its column is nearly the measure, and the short hemistichs, their three spaces stretched to fill it, had blanks
    of three em between their words. A word space grows by MAX_STRETCH em at most; the outer edges still line up
    down the poem, and a verse of normal length still fills its column (typeset/verse.py)."""
    long = "إِذَا غَامَرْتَ فِي شَرَفٍ مَرُومِ فَلَا تَقْنَعْ بِمَا دُونَ النُّجُومِ"
    poem = (
        f"::: poem\n{long} *** فَطَعْمُ الْمَوْتِ فِي أَمْرٍ حَقِيرٍ\n"
        "يَرَى الْجُبَنَاءُ أَنَّ الْعَجْزَ عَقْلٌ *** وَتِلْكَ خَدِيعَةُ الطَّبْعِ اللَّئِيمِ\n"
        "وَكُلُّ شَجَاعَةٍ فِي الْمَرْءِ تُغْنِي *** وَلَا مِثْلَ الشَّجَاعَةِ فِي الْحَكِيمِ\n:::\n"
    )
    fonts = load_fonts((REPO / "fonts",))
    body = fit_poems(
        '<div class="poem">\n'
        + "".join(
            f'<div class="verse"><span class="hemistich sadr">{sadr}</span> {AJUZ.format(ajuz)}</div>\n'
            for sadr, ajuz in (line.split(" *** ") for line in poem.splitlines()[1:-1])
        )
        + "</div>",
        fonts,
    )
    hemistichs = re.findall(r'<span class="hemistich (?:sadr|ajuz)".*?</span></span>', body)
    stretches = [re.findall(r'class="stretch" style="width: ([0-9.]+)em"', h) for h in hemistichs]
    assert stretches[0] == []  # the longest fills its column as it is
    assert all(set(widths) == {f"{MAX_STRETCH:.4f}"} for widths in stretches[1:]), stretches  # each as wide as allowed

    folder = tmp_path / "source" / "ragged"
    folder.mkdir(parents=True)
    (folder / "poem.md").write_text(poem, encoding="utf-8")
    (folder / "manifest.toml").write_text(
        'title = "قصيدة"\nauthors = ["هيئة التحرير"]\n[pdf]\npage-size = "A6"\n', encoding="utf-8"
    )
    found = [line for page in lines(build_drawn(tmp_path) / "ragged.pdf") for line in page][2:8]  # after the title
    sadr, ajuz = found[0::2], found[1::2]
    assert max(s[3] for s in sadr) - min(s[3] for s in sadr) <= EDGE  # right edges of the ṣadr
    assert max(a[2] for a in ajuz) - min(a[2] for a in ajuz) <= EDGE  # left edges of the ʿajuz
    em = page_type("A6", advance=0.5).body  # pt, the poem's type (9.75)
    for line in found[2:]:
        boxes = sorted(line[4])
        blanks = [b[0] - a[1] for a, b in itertools.pairwise(boxes)]
        assert max(blanks) < (MAX_STRETCH + 0.75) * em, (line, max(blanks))  # with the space and bearings


def test_an_ellipsis_against_a_word_is_punctuation_not_a_separator(tmp_path: Path) -> None:
    """A lullaby's line of one part, "هُسْ... هُسْ... نَامَ الصِّغَارْ!", in a poem of `***` (a children's collection
    of the hundred-and-twenty-fifth batch) was refused as a verse of three hemistichs: an ellipsis separates the two
    only standing apart, a space on each side, as `…` and `...` do in the fixtures; against a word it is the verse's."""
    from publisher.source.manifest import load_manifest
    from publisher.typeset.document import typeset_document

    folder = tmp_path / "source" / "pub"
    folder.mkdir(parents=True)
    (folder / "manifest.toml").write_text('title = "أغنيات"\nauthors = ["أ"]\n', encoding="utf-8")
    poem = (
        "::: poem\nأَطَلَّ القَمَرْ *** وَنَامَ الشَّجَرْ\nهُسْ... هُسْ... نَامَ الصِّغَارْ!\n"
        "وَغَنَّى النَّسِيمُ ... لِزَهْرِ السَّحَرْ\nتَغَطَّى بِرِيشٍ… وَنَامْ\n:::\n"
    )
    (folder / "article.md").write_text(poem, encoding="utf-8")
    html = typeset_document(load_manifest(folder)).chapters[0].html
    verses = re.findall(r'<div class="verse( single)?">(.*?)</div>', html, re.S)
    assert [(single, re.findall(r'class="hemistich ?(\w*)"', inner)) for single, inner in verses] == [
        ("", ["sadr", "ajuz"]),
        (" single", [""]),
        ("", ["sadr", "ajuz"]),
        (" single", [""]),
    ]
    assert re.sub("<[^>]+>", "", verses[1][1]) == "هُسْ... هُسْ... نَامَ الصِّغَارْ!"
    assert re.sub("<[^>]+>", "", verses[3][1]) == "تَغَطَّى بِرِيشٍ… وَنَامْ"
