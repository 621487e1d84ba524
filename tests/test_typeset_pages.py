"""Typesetting as it reaches the pages: runs in reading order, no straight quotes, generated digits,
no glyph drawn that a font lacks. Fixtures written for this: a Moroccan market report mixing
signed numbers, currencies, units, code and quotes (European digits), and an Egyptian report in
Arabic-Indic digits with footnotes and nested lists, and a Gulf market report with "3.2×" and "£1 = 4.68";
then a Lebanese one (a phone number, code, French and English phrases) and a Kuwaiti budget in Arabic-Indic
digits with notes called after numbers and a list nested three deep."""

from __future__ import annotations

import itertools
import re
import shutil
import zipfile
from pathlib import Path

import pikepdf
import pypdfium2
import pytest
from conftest import FIXTURES, build_drawn
from readers import assert_epubs_valid

from publisher import build
from publisher.errors import BuildError, InputError
from publisher.pdf.notdef import notdef_pages

SLUGS = ("signs", "mashriq", "dubai-markets", "beirut-fintech", "kuwait-budget", "tunis-finance", "sanaa-weather")
SLUGS += ("tehran-market", "cairo-links", "lyon-arabic")
MIRRORED = str.maketrans("()[]\u00a0", "|||| ")  # PDFium reports brackets mirrored in right-to-left lines
# (and a no-break space, which joins a phone number's groups, is a space to the eye)


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixtures built as they ship, and their PDFs once more without the text layer: its
    /ActualText marks steer extractors, so only the unmarked file gives the glyphs' own places."""
    root = tmp_path_factory.mktemp("typeset")
    for slug in SLUGS:
        shutil.copytree(FIXTURES / slug, root / "source" / slug)
    build(root, jobs=1)
    assert_epubs_valid(root / "dist")
    build_drawn(root, dist=root / "unmarked")
    return root


def visual_lines(pdf: Path) -> list[str]:
    """Each line of each page as drawn, left to right, from PDFium's character boxes."""
    document = pypdfium2.PdfDocument(pdf)
    lines = []
    for page in document:
        text = page.get_textpage()
        rows: list[tuple[float, list[tuple[float, str]]]] = []
        for index in range(text.count_chars()):
            char = text.get_text_range(index, 1)
            left, bottom, right, top = text.get_charbox(index, loose=True)
            if char in "\r\n" or (right <= left and char != " "):
                continue
            middle = (bottom + top) / 2
            row = next((r for r in rows if abs(r[0] - middle) < 4), None)
            if row is None:
                rows.append(row := (middle, []))
            row[1].append((left, char))
        lines += ["".join(c for _, c in sorted(chars)) for _, chars in sorted(rows, key=lambda r: -r[0])]
    document.close()
    return lines


RUNS = {
    "signs": [
        "-3.2%",
        "+1.5%",
        "±0.5",
        "±0.8",
        "$82.40",
        "76€",
        "£1.17",
        "10.85",
        "4‰",
        "Maroc Digital 2030",
        "1,200",
        "31/12/2026",
        "25°C",
        "fetch_quotes()",
        "Ctrl+Enter",
        "get_index(2026)",
        "support@example.ma",
        "06:15",
        "the “best” choice is to wait",
    ],
    # "-٠٫٤٪" in Arabic-Indic digits is drawn as CLDR writes it, right to left around the number: its sign on the
    # right, read first, its percent sign on the left, as in "٥٨٪" (typeset/bidi.py)
    "mashriq": ["٪٠٫٤-", "٢٠٢٥/٢٠٢٦", "١٢٫٥", "٣٬٢٠٠"],
    # a sign after a number and an equation travel in their run: "3.2×" was drawn "×3.2", "£1 = 4.68" broke after "="
    "dubai-markets": ["-0.8%", "+1.25", "−1.1%", "±2%", "$82.35", "£1 = 4.68", "3.2×", "5–7", "4,215.6", "AED 12.5"],
    # a phone number's groups, a version, code that begins with a sign, a French title in its quotation marks
    "beirut-fintech": [
        *(
            "−0.75%",
            "+2.1%",
            "¥151.3",
            "v3.1.0-beta",
            "+961 1 234 567",
            "$BANK_API_KEY",
            "2026–2028",
            "«\u202fL’avenir",
        ),
        *('<table class="rates">', "22°C", "1.2M", "--upgrade pandas==2.2"),
    ],
    "kuwait-budget": ["٪٢٫٤−", "١١:٣٠", "٢٠٢٦/٢٠٢٧", "٪١١+", "٪٣٤"],
    # decimal commas, and a French quotation whose marks were set on the Arabic side ("l’UGTT »")
    "tunis-finance": ["63.000,5", "2,5%", "6,3%", "528,320", "«\u202fl’UGTT", "d’austérité\u202f»"],
    "sanaa-weather": ["-3", "10-12", "29°", "31°", "2:00", "7:30", "20–25%", "“Severe frost"],
    # a Persian signed number left to right, as CLDR writes it (typeset/bidi.py), unlike an Arabic-Indic one
    "tehran-market": ["−۱٫۲٪", "iPhone 16 Pro", "Galaxy S25"],
    # web addresses with Arabic in them, left to right, each Arabic label drawn right to left where it stands (the
    # run was cut at the last Latin letter, and the rest set on the far side)
    "cairo-links": [
        "https://ةرازو-تالاصتالا.رصم",
        "http://ةباوب.رصم/مالعتسا?مقر=٢٠٢٦",
        "https://digital.gov.eg/ar/ةلئسألا",
    ],
    # an English list of Arabic names stays in its order (".مصر, .السعودية": the names were drawn swapped), and a
    # number after an Arabic name stays after it
    "lyon-arabic": ["as .رصم, .ةيدوعسلا and .تاراما.", "https://ar.wikipedia.org/wiki/نويل,", "ةرقبلا ةروس 255"],
}


@pytest.mark.parametrize("slug", SLUGS)
def test_each_run_reads_left_to_right_where_it_is_drawn(workspace: Path, slug: str) -> None:
    lines = [line.translate(MIRRORED) for line in visual_lines(workspace / "unmarked" / f"{slug}.pdf")]
    missing = [run for run in RUNS[slug] if not _drawn(run.translate(MIRRORED), lines)]
    assert missing == [], "\n".join(lines)


def _drawn(run: str, lines: list[str]) -> bool:
    """Whether `run` is drawn left to right on one line, or, an address, broken where addresses break
    (pdf/addresspieces.py: after / and before . or @), its head on one line and its tail on the next."""
    if any(run in line for line in lines):
        return True
    if "@" not in run and "://" not in run:
        return False
    cuts = [k for k in range(1, len(run)) if run[k] in "@./" or run[k - 1] in "@./"]
    return any(run[:k] in a and run[k:] in b for k in cuts for a, b in itertools.pairwise(lines))


def test_a_note_is_set_in_the_books_direction_wherever_it_is_called(workspace: Path) -> None:
    """sanaa-weather's Arabic note is called from an English paragraph: it was set left to right, its number
    on the left and its address on the right; its number is at the right end now (render.footnotes_in_place)."""
    lines = visual_lines(workspace / "unmarked" / "sanaa-weather.pdf")
    [note] = [line for line in lines if "wmo.example.int" in line]
    assert note.endswith("(1)") and note.lstrip(".").startswith("https://"), note


def test_no_straight_quote_reaches_a_page(workspace: Path) -> None:
    for slug in SLUGS:
        document = pypdfium2.PdfDocument(workspace / "dist" / f"{slug}.pdf")
        text = "".join(page.get_textpage().get_text_range() for page in document)
        document.close()
        typed = "".join(next((FIXTURES / slug).glob("*.md")).read_text(encoding="utf-8").split("`")[1::2])
        # none but those typed inside code ("`df.groupby("bank")`")
        assert (text.count('"'), text.count("'")) == (typed.count('"'), typed.count("'")), slug
        assert slug != "signs" or ("«" in text and "»" in text and "“" in text)
    with zipfile.ZipFile(workspace / "dist" / "signs.epub") as epub:
        chapter = epub.read("EPUB/ch01.xhtml").decode()
    body = re.sub(r"<code>.*?</code>|<[^>]*>|[\u2066\u2069]", "", chapter.split("<body", 1)[1].split(">", 1)[1])
    assert '"' not in body and "'" not in body
    assert "«نستهدف نموا بنسبة 4‰ في كل ربع»" in body
    assert "«\u202fLa bourse recule\u202f»" in body


def page_texts(pdf: Path) -> list[str]:
    document = pypdfium2.PdfDocument(pdf)
    texts = [page.get_textpage().get_text_range() for page in document]
    document.close()
    return texts


def test_generated_numbers_follow_the_digits_of_the_text(workspace: Path) -> None:
    mashriq = page_texts(workspace / "dist" / "mashriq.pdf")
    assert len(mashriq) == 2 and mashriq[-1].rstrip().endswith("٢")  # the folio (page 1, the article's head, has none)
    # the text layer's RIGHT-TO-LEFT MARKs (textlayer.AFTER_NUMBER), and LEFT-TO-RIGHT MARKs (a note marker's closing
    # bracket, drawn just left of its number: pieces.BRACKET_BY_NUMBER)
    whole = "".join(mashriq).replace("\u200f", "").replace("\u200e", "")
    assert "(١)" in whole and "(٢)" in whole  # footnote markers
    assert "١." in whole and "٣." in whole  # ordered list numbers, in reading order
    assert "١ سبتمبر ٢٠٢٦" in mashriq[0]  # the date under the title
    signs = page_texts(workspace / "dist" / "signs.pdf")
    assert len(signs) == 1 and "14 أكتوبر 2026" in signs[0]  # Moroccan text, European digits: its date, one page
    with zipfile.ZipFile(workspace / "dist" / "mashriq.epub") as epub:
        chapter = epub.read("EPUB/ch01.xhtml").decode()
        css = epub.read("EPUB/styles/book.css").decode()
    assert 'class="numerals-arabic-indic ' in chapter
    assert 'role="doc-noteref">١</a>' in chapter and 'role="doc-backlink">٢</a>' in chapter
    assert ".numerals-arabic-indic ol { list-style-type: arabic-indic; }" in css


def test_no_pdf_draws_a_notdef_box_for_what_the_layouts_generate(workspace: Path) -> None:
    for slug in SLUGS:
        with pikepdf.open(workspace / "dist" / f"{slug}.pdf") as pdf:
            assert notdef_pages(pdf) == [], slug


def test_a_generated_character_no_font_draws_is_an_input_error(tmp_path: Path) -> None:
    shutil.copytree(FIXTURES / "mashriq", tmp_path / "source" / "mashriq")
    (tmp_path / "templates" / "pdf").mkdir(parents=True)
    css = (Path(__file__).parent.parent / "templates" / "pdf" / "book.css").read_text(encoding="utf-8")
    (tmp_path / "templates" / "pdf" / "book.css").write_text(
        css + '\nul ul { list-style-type: "\\1368  "; }\n', encoding="utf-8"
    )
    with pytest.raises(InputError) as caught:
        build(tmp_path, jobs=1)
    fonts = (
        "Amiri, Noto Serif, Noto Sans Symbols2, Noto Sans Math, Noto Music, Noto Sans Syriac, "
        "Noto Serif Hebrew, Noto Sans Tifinagh"
    )
    assert caught.value.messages == [
        "U+1368 ETHIOPIC PARAGRAPH SEPARATOR in templates/pdf/book.css: no font can draw it; "
        f"add a font that covers it to fonts/ (now: {fonts})"
    ]
    assert not (tmp_path / "dist").exists()


def test_publish_check_fails_on_a_pdf_that_draws_notdef(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A PDF made without the coverage check (an older version, another tool) draws boxes for "⌂",
    which no font of fonts/ has ("→" would not do: Pango reaches Noto Sans Mono for it; nor "➔", which Noto Sans
    Symbols 2 draws)."""
    from publisher.builder.verify import check_pdf
    from publisher.source.fonts import FontSet, load_fonts
    from publisher.source.manifest import load_manifest

    folder = tmp_path / "source" / "arrows"
    folder.mkdir(parents=True)
    (folder / "manifest.toml").write_text('title = "أسهم"\nauthors = ["أ"]\n', encoding="utf-8")
    (folder / "a.md").write_text("بيت ⌂ هنا\n", encoding="utf-8")
    with monkeypatch.context() as patch:
        patch.setattr(FontSet, "check_coverage", lambda self, manifest, document, generated: None)
        with pytest.raises(BuildError) as caught:  # the build reads its PDF back: it never reaches dist/
            build(tmp_path, formats=["pdf"], jobs=1)
        assert caught.value.messages[0].startswith("dist/arrows.pdf: draws .notdef (a box for a character")
        assert not (tmp_path / "dist").exists()
        patch.setattr("publisher.builder.audit.audit_artifact", lambda *args: None)  # as an older version made it
        build(tmp_path, formats=["pdf"], jobs=1)
    fonts = load_fonts((Path(__file__).parent.parent / "fonts",))
    problems = check_pdf(tmp_path / "dist" / "arrows.pdf", load_manifest(folder), fonts)
    assert problems == ["dist/arrows.pdf: draws .notdef (a box for a character its font lacks) on page 1; rebuild it"]


def test_an_ordered_list_starting_at_its_own_number_keeps_it_in_print(tmp_path: Path) -> None:
    """A league table resumed after a paragraph at "3." (Markdown's `<ol start="3">`) printed "1." and "2.":
    WeasyPrint reads `start` only as a presentational hint (typeset/numerals.list_starts_counted). So with a list
    typed in Arabic-Indic digits, "٧." on, and a list starting at 0."""
    texts = {
        "league": "1. الترجي\n2. النجم\n\nثم بفارق كبير:\n\n3. الإفريقي\n4. الصفاقسي\n\nوفي الذيل:\n\n0. الملعب\n",
        "mashriq-list": "١. الأول\n\nوبعد فاصل:\n\n٧. السابع\n٨. الثامن\n",
    }
    for slug, text in texts.items():
        folder = tmp_path / "source" / slug
        folder.mkdir(parents=True)
        (folder / "article.md").write_text(text, encoding="utf-8")
        language = "ar-EG" if slug == "mashriq-list" else "ar-MA"
        (folder / "manifest.toml").write_text(
            f'title = "قائمة"\nauthors = ["هيئة التحرير"]\nlanguage = "{language}"\n', encoding="utf-8"
        )
    build(tmp_path, formats=["pdf"], jobs=1)
    league = "".join(page_texts(tmp_path / "dist" / "league.pdf")).replace("\u200f", "")
    numbers = re.findall(r"(?m)^(\d)\. ", league)
    assert numbers == ["1", "2", "3", "4", "0"], league
    mashriq = "".join(page_texts(tmp_path / "dist" / "mashriq-list.pdf")).replace("\u200f", "")
    assert re.findall(r"(?m)^([٠-٩])\. ", mashriq) == ["١", "٧", "٨"], mashriq


def test_list_starts_counted_keeps_the_list_attributes() -> None:
    from publisher.typeset.numerals import list_starts_counted

    assert list_starts_counted('<ol start="4">') == '<ol start="4" style="counter-reset: list-item 3">'
    assert list_starts_counted('<ol dir="ltr" start="-2" style="color: red">') == (
        '<ol dir="ltr" start="-2" style="counter-reset: list-item -3; color: red">'
    )
    assert list_starts_counted("<ol>\n<li>") == "<ol>\n<li>"
