"""Smaller points seen on the pages: emphasis by weight in Arabic, code in the monospace face, the
footnote rule short on the start side, and contents lines whose leaders keep clear of title and folio."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest
from conftest import FIXTURES, Built, make_workspace
from readers import embedded_fonts, epubcheck, epubchecks

from publisher import build

DETAILS = "details"


@pytest.fixture(scope="module")
def details(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """dist/ of the details fixture, of its left-to-right twin, and of it with slanted emphasis."""
    root = make_workspace(tmp_path_factory.mktemp("details"), FIXTURES / DETAILS)
    twin = root / "source" / "details-ltr"
    twin.mkdir()
    (twin / "manifest.toml").write_text(
        'title = "Page details"\nauthors = ["The editors"]\nlanguage = "en"\n[pdf]\npage-size = "A5"\n'
        'profile = "screen"\n',
        encoding="utf-8",
    )
    sentence = "A note long enough to run over several lines under the short rule that opens the notes. "
    (twin / "text.md").write_text(f"# One\n\nText with a note.[^1]\n\n[^1]: {sentence * 4}\n", encoding="utf-8")
    slanted = root / "source" / "details-slanted"
    shutil.copytree(FIXTURES / DETAILS, slanted)
    manifest = slanted / "manifest.toml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace("text = ", 'emphasis = "slanted"\ntext = '))
    build(root)
    epubchecks([root / "dist" / f"{slug}.epub" for slug in (DETAILS, "details-ltr")])  # one Java process for both
    return root / "dist"


def _base_names(pdf: bytes) -> set[str]:
    return {name.split("+")[-1] for name in embedded_fonts(pdf)}


# Emphasis -------------------------------------------------------------------------------------


def test_arabic_emphasis_is_bold_and_a_latin_passage_keeps_its_slant(details: Path, built: Built) -> None:
    """The book fixture's only emphasis is Arabic: no slanted face at all. The details fixture slants
    only the em inside <span lang="fr">, and with emphasis = "slanted" every em is slanted."""
    assert "Amiri-Italic" not in _base_names(built.artifact("book", "pdf").read_bytes())
    assert {"Amiri-Bold", "Amiri-Italic"} <= _base_names((details / f"{DETAILS}.pdf").read_bytes())
    html = _epub_file(details / f"{DETAILS}.epub", "EPUB/ch01.xhtml")
    assert 'class="numerals-latin emphasis-bold emphasis-auto"' in html
    slanted = _epub_file(details / "details-slanted.epub", "EPUB/ch01.xhtml")
    assert 'class="numerals-latin emphasis-slanted"' in slanted


# Code -----------------------------------------------------------------------------------------


def test_code_is_set_in_the_monospace_face_in_the_pdf_and_the_epub(details: Path, built: Built) -> None:
    assert "Noto-Sans-Mono" in _base_names((details / f"{DETAILS}.pdf").read_bytes())
    names = zipfile.ZipFile(details / f"{DETAILS}.epub").namelist()
    assert "EPUB/fonts/NotoSansMono-Regular.ttf" in names
    css = _epub_file(details / f"{DETAILS}.epub", "EPUB/styles/book.css")
    assert 'code, kbd, samp, pre { font-family: "Noto Sans Mono", "Amiri"' in css
    assert 'html { font-family: "Amiri"; }' in css  # running text never falls back on the mono face
    # A book without code embeds no monospace face.
    book = zipfile.ZipFile(built.artifact("book", "epub")).namelist()
    assert not any("Mono" in name for name in book), book


@pytest.mark.parametrize("slug", [DETAILS, "details-ltr"])
def test_epubcheck_passes_with_the_monospace_face(details: Path, slug: str) -> None:
    messages = epubcheck(details / f"{slug}.epub")
    assert [(m["ID"], m["severity"]) for m in messages] == [("CSS-028", "USAGE")], messages


# The footnote rule ----------------------------------------------------------------------------


@pytest.mark.parametrize(("slug", "start"), [(DETAILS, "right"), ("details-ltr", "left")])
def test_the_footnote_rule_is_a_third_of_the_measure_on_the_start_side(details: Path, slug: str, start: str) -> None:
    """Rendered at 144 dpi: the rule is the one row of ink longer than a fifth of the page above the
    notes; it starts where the notes' lines start and is a third (±4 %) of their width."""
    page = _page_with_notes((details / f"{slug}.pdf").read_bytes())
    rule_row, left, right = _rule(page)
    ink = [x for y in range(rule_row + 3, page.height) for x in range(page.width) if page.getpixel((x, y)) < 128]
    notes_left, notes_right = min(ink), max(ink)
    measure = notes_right - notes_left
    assert 0.29 <= (right - left) / measure <= 0.37, (left, right, notes_left, notes_right)
    if start == "right":
        assert abs(right - notes_right) <= 3, (right, notes_right)
    else:
        assert abs(left - notes_left) <= 3, (left, notes_left)


def _page_with_notes(pdf: bytes):
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    for page in document:
        image = page.render(scale=2).to_pil().convert("L")
        try:
            _rule(image)
        except LookupError:
            continue
        return image
    raise AssertionError("no page has a footnote rule")


def _rule(image) -> tuple[int, int, int]:
    """The lowest row whose ink is one unbroken run longer than a fifth of the page: (row, left, right)."""
    found = None
    for y in range(image.height):
        xs = [x for x in range(image.width) if image.getpixel((x, y)) < 200]
        if len(xs) > image.width / 5 and xs[-1] - xs[0] + 1 - len(xs) <= 2:
            found = (y, xs[0], xs[-1])
    if found is None:
        raise LookupError("no rule")
    return found


# The contents page ----------------------------------------------------------------------------


def test_contents_leaders_keep_clear_of_title_and_folio_and_folios_align(details: Path) -> None:
    """PDFium's loose character boxes on the contents page: on every entry at least 0.4 em (of the
    11.5 pt text) between the title and the first leader dot and between the last dot and the folio;
    the folios' outer edges (the line's end, the left in Arabic) in one column (±0.3 pt)."""
    import pypdfium2

    document = pypdfium2.PdfDocument((details / f"{DETAILS}.pdf").read_bytes())
    page = next(p for p in document if "...." in p.get_textpage().get_text_range().replace(" ", ""))
    text = page.get_textpage()
    lines: dict[int, list[tuple[str, float, float]]] = {}
    for i in range(text.count_chars()):
        char = text.get_text_range(i, 1)
        if not char.strip():
            continue
        left, bottom, right, top = text.get_charbox(i, loose=True)
        lines.setdefault(round((bottom + top) / 2), []).append((char, left, right))
    entries = [chars for chars in lines.values() if any(c == "." for c, _, _ in chars)]
    assert len(entries) == 5, lines
    gap = 0.4 * 11.5
    ends = []
    for chars in entries:
        dots = [(left, right) for c, left, right in chars if c == "."]
        folio = [(left, right) for c, left, right in chars if c.isdigit()]
        title = [(left, right) for c, left, right in chars if c != "." and not c.isdigit()]
        first_dot, last_dot = max(r for _, r in dots), min(left for left, _ in dots)
        assert min(left for left, _ in title) - first_dot >= gap, chars
        assert last_dot - max(r for _, r in folio) >= gap, chars
        ends.append(min(left for left, _ in folio))
    assert max(ends) - min(ends) <= 0.3, ends


def _epub_file(epub: Path, name: str) -> str:
    return zipfile.ZipFile(io.BytesIO(epub.read_bytes())).read(name).decode("utf-8")


# Lists ----------------------------------------------------------------------------------------


def test_a_list_takes_its_indent_on_its_start_side_only(tmp_path: Path) -> None:
    """Rendered at 144 dpi, between the rule under the title and the imprint's: the lines of an item nested
    three deep still reach the text block's far edge (lists were indented on both sides, 3.2 em of measure lost a
    level, and such an item broke after five words), and the marker of an English item in the Arabic list stays
    inside the block (with the indent on the start side alone it hung 11 pt, 22 px, into the margin)."""
    import pypdfium2

    root = make_workspace(tmp_path, FIXTURES / "todo-nested")
    long_item = "نسخ احتياطي كامل لقاعدة البيانات قبل الترحيل وبعده، مع التحقق من سلامة كل جدول " * 3
    (root / "source" / "todo-nested" / "article.md").write_text(
        f"1. الواجهة الخلفية\n   - ترحيل قاعدة البيانات\n     - {long_item}\n2. Release notes: version 3.0\n",
        encoding="utf-8",
    )
    build(root, formats=["pdf"], jobs=1)
    page = pypdfium2.PdfDocument(root / "dist" / "todo-nested.pdf")[0].render(scale=2).to_pil().convert("L")
    rules = _rules(page)
    (top, left, _), (bottom, _, _) = rules[0], rules[-1]
    ink = [x for y in range(top + 3, bottom - 3) for x in range(page.width) if page.getpixel((x, y)) < 128]
    assert abs(min(ink) - left) <= 3, (min(ink), left)


def _rules(image) -> list[tuple[int, int, int]]:
    """Every row whose ink is one unbroken run longer than a fifth of the page: (row, left, right)."""
    found = []
    for y in range(image.height):
        xs = [x for x in range(image.width) if image.getpixel((x, y)) < 200]
        if len(xs) > image.width / 5 and xs[-1] - xs[0] + 1 - len(xs) <= 2:
            found.append((y, xs[0], xs[-1]))
    return found


def test_a_code_block_line_wraps_at_a_space_and_copies_whole(tmp_path: Path) -> None:
    """A long line of a code block wrapped inside its words, after a slash or a hyphen, where Unicode's line breaking
    allows it ("…slow_requests("/var/log/nginx/" | "access.log"):", a tutorial of the ninety-second batch), and both
    extractors read the word as two. It wraps at its spaces now (pdf/addresses.held_code_blocks): every word of the
    code comes back whole, and no line of the block starts inside a word."""
    import subprocess

    from conftest import build_article
    from readers import pdfium_text, words

    lines = [
        'for when, url, secs in slow_requests("/var/log/nginx/access.log"):',
        "subprocess.run(['rsync', '--archive', '--delete-after', '/srv/www/', 'backup:/srv/www/'])",
        "if response.status_code != 200 and not response.headers.get('x-retry-after'):",
    ]
    pdf = build_article(tmp_path, "code", ["نص قصير قبل الشيفرة.", "```python\n" + "\n".join(lines) + "\n```"])
    poppler = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for text in (pdfium_text(pdf.read_bytes()), poppler):
        found = set(words(text))
        assert [word for line in lines for word in words(line) if word not in found] == []


def test_a_code_block_holds_only_the_words_that_fit_on_a_line() -> None:
    """A word of code that fits on a line keeps no break between its characters (a template string's "$" | "{s.city}"
    had ended a line and begun the next; a regular expression's "[^\\s@]+\\." | "[a-z]{2,}$/i", the hundred-and-fifty-
    fourth batch); one longer than a line keeps Unicode's breaks, or it breaks anywhere ("bu" | "lk-import" of a URL 110
    characters long). One with Arabic letters keeps no break after its signs and before a bracket."""
    from publisher.pdf.addresses import held_code_blocks

    url = "https://api.example.ma/v1/classes/2026-dev-web/grades/bulk-import?dry_run=true&amp;notify_parents=false"
    block = f'<pre dir="ltr"><code>x = `${{s.city}}!` /^[a-z]+\\.[a-z]{{2,}}$/i curl -X POST "{url}"\n</code></pre>'
    held = held_code_blocks(block, 60)
    assert "\u2060".join("`${s.city}!`") in held and "\u2060".join("/^[a-z]+\\.[a-z]{2,}$/i") in held
    assert url in held  # the URL as it was: Unicode's breaks kept
    assert "\u2060".join("/grades/bulk-import?dry_run") in held_code_blocks(block, 120)  # on a wider page
    arabic = held_code_blocks('<pre dir="ltr"><code>re.compile("[ء-ي]{2,}|مرحبا")\n</code></pre>', 60)
    assert "]\u2060{" in arabic and "مرحبا" in arabic  # (no joiner between Arabic letters, which join)


def test_a_code_block_line_breaks_at_the_space_before_a_path(tmp_path: Path) -> None:
    """Unicode's line breaking never breaks before "/" (UAX #14, LB13): "sudo ln -s /etc/nginx/sites-available/myapp
    /etc/nginx/sites-enabled/" (a Flask guide of the hundred-and-sixty-sixth batch) could break only after "sudo" and
    "ln", and its rest, longer than a line, broke anywhere: "/" alone on the last line, read "sites-enabled /". A ZERO
    WIDTH SPACE after a space before a path ("/", "./", "../") lets the line break there."""
    import subprocess

    from conftest import build_article
    from readers import pdfium_text, words

    from publisher.pdf.addresses import held_code_blocks

    held = held_code_blocks('<pre dir="ltr"><code>ln -s /a ./b ../c d/e\n</code></pre>', 60).replace("\u2060", "")
    assert "ln -s \u200b/a \u200b./b \u200b../c d/e" in held
    lines = [
        "sudo ln -s /etc/nginx/sites-available/myapp /etc/nginx/sites-enabled/",
        "rsync -av /media/sonia/BACKUP/factures/2026/facture-0412.pdf /tmp/test-restore/",
        "cmp ~/factures/2026/facture-0412.pdf /tmp/test-restore/facture-0412.pdf && echo OK",
    ]
    for page in ("A5", "B5", "A4"):
        pdf = build_article(tmp_path / page, "code", ["ثم فعّله:", "```bash\n" + "\n".join(lines) + "\n```"], page=page)
        poppler = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        for text in (pdfium_text(pdf.read_bytes()), poppler):
            found = set(words(text))
            assert [word for line in lines for word in words(line) if word not in found] == [], page


def test_a_code_block_line_longer_than_the_measure_wraps_inside_it(tmp_path: Path) -> None:
    """A code block's line of 84 characters on A5 ran on past the text block into the margin, its end 2 mm from the
    trim (a tutorial of the eighty-ninth batch); it wraps inside the measure now, as the paragraph above it sets it."""
    import pypdfium2
    from conftest import build_article

    line = 'resp = requests.get("https://api.example.org/api/v1/users", params={"id": 42, "page": 3})'
    prose = "قبل ربط الواجهة يفضل كثير من المطورين التأكد من أن نقطة النهاية تعمل كما يجب قبل كتابة أي شيفرة أخرى."
    pdf = build_article(tmp_path, "code", [prose, f"```python\n{line}\nprint(resp.status_code)\n```"])
    page = pypdfium2.PdfDocument(pdf)[0]
    text = page.get_textpage()
    boxes = [(text.get_text_range(i, 1), text.get_charbox(i)) for i in range(text.count_chars())]
    right_edge = max(box[2] for char, box in boxes if "\u0621" <= char <= "\u064a")  # the justified prose's
    code = [box for char, box in boxes if char in "resp=()[]{}\"'.:/,0123456789" or (char.isascii() and char.isalpha())]
    assert code and max(box[2] for box in code) <= right_edge + 0.5


# Footnotes on the page of their call ----------------------------------------------------------------

# (the words before each call, the words each note begins with)
NOTES = [
    ("ثم ما حسُن عند الجمهور", "ابن النديم، «الفهرست»"),
    ("إلى العربية حيناً آخر", "كتب حنين رسالة"),
    ("من حبر الكتب التي أُلقيت فيها", "الصورة مشهورة في المصادر"),
]


def test_each_note_is_set_on_the_page_of_its_call(tmp_path: Path) -> None:
    """An essay of three notes, each called near a page's end or before a heading kept with its text: WeasyPrint 70
    had set every note a page after its call, the last alone on a page of its own, a rounding taken for an overflow
    of the notes' area (pdf/weasyhooks.footnotes_mended)."""
    import pypdfium2

    root = make_workspace(tmp_path, FIXTURES / "house-of-wisdom")
    build(root, formats=["pdf"], jobs=1)
    document = pypdfium2.PdfDocument(root / "dist" / "house-of-wisdom.pdf")
    pages = [" ".join(page.get_textpage().get_text_range().split()) for page in document]
    for called, note in NOTES:
        call_page = next(n for n, text in enumerate(pages) if called in text)
        note_page = next(n for n, text in enumerate(pages) if note in text)
        assert note_page == call_page, (note, call_page, note_page)
    assert len(pages) == 3  # (no page holds a note alone)


def test_a_note_called_in_a_line_set_by_deferring_others_is_kept_in_order() -> None:
    """A paragraph of four lines, each calling a note, whose second line does not fit and may not be left alone
    (orphans): WeasyPrint 70 defers the page's notes to set that line, and had lost the note it calls ("n2") and
    queued the rest out of order (pdf/weasyhooks.footnotes_kept). At every height of the space above it, the four
    notes are set, once each and in their order."""
    from publisher.pdf.render import import_weasyprint

    weasyprint = import_weasyprint()  # with the project's mends
    for top in range(40, 90, 2):
        html = (
            "<style>@page { size: 100px 100px; margin: 0 } html { font-size: 10px; line-height: 1 } body { margin: 0 }"
            " p { orphans: 2; widows: 2; margin: 0 } .fn { float: footnote }</style>"
            f'<div style="height: {top}px"></div><p>'
            + "<br>".join(f'{letter}<span class="fn" id="n{n}">x</span>' for n, letter in enumerate("abcd", 1))
            + "<br>e<br>f</p>"
        )
        notes = [
            box.element.get("id")
            for page in weasyprint.HTML(string=html).render().pages
            for area in page._page_box.children
            if type(area).__name__ == "FootnoteAreaBox"
            for box in area.descendants()
            if getattr(box, "element_tag", None) == "span" and box.element.get("id")
        ]
        assert list(dict.fromkeys(notes)) == ["n1", "n2", "n3", "n4"], (top, notes)
