"""The PDF as printers and screen readers see it: boxes, margins, tags, metadata, navigation, notes."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pikepdf
import pypdfium2
import pytest
from conftest import FIXTURES, REPO, SEED, Built, make_workspace
from readers import anchor_page

from publisher import build
from publisher.pdf.pagetype import INNER

MM = 72 / 25.4


@pytest.fixture(scope="session")
def variants(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The book again in the other settings: screen + PDF/A-3b + Latin digits, and print with a 5 mm bleed."""
    root = tmp_path_factory.mktemp("variants")
    settings = {  # (top-level keys, [pdf] keys)
        "screen": ('numerals = "latin"\n', 'profile = "screen"\nstandard = "pdf/a-3b"\n'),
        "bleed5": ("", 'bleed = "5mm"\n'),
        "cross": ("", 'marks = "crop cross"\nslug = "12mm"\n'),
        "nomarks": ("", 'marks = "none"\n'),
        "x4": ("", 'standard = "pdf/x-4"\n'),
        "x4own": ("", 'standard = "pdf/x-4"\noutput-profile = "colour/Press.icc"\n'),
    }
    press = bytearray((REPO / "colour" / "Artifex-CMYK-SWOP.icc").read_bytes())
    press[64:68] = (1).to_bytes(4, "big")  # another rendering intent: a profile told apart from the default
    for name, (top, pdf) in settings.items():
        make_workspace(root / name, FIXTURES / "book")
        (root / name / "colour").mkdir()
        (root / name / "colour" / "Press.icc").write_bytes(bytes(press))
        manifest = root / name / "source" / "book" / "manifest.toml"
        manifest.write_text(top + manifest.read_text() + pdf)
        build(root / name, formats=["pdf"])
    return root


def boxes(pdf: Path, index: int = 0) -> dict[str, list[float]]:
    with pikepdf.open(pdf) as document:
        page = document.pages[index]
        return {name: [float(v) for v in page[f"/{name}"]] for name in ("MediaBox", "TrimBox", "BleedBox")}


def page_texts(pdf: Path) -> list[str]:
    document = pypdfium2.PdfDocument(pdf)
    return [page.get_textpage().get_text_bounded() for page in document]


def text_extent(pdf: Path, index: int) -> tuple[float, float]:
    """Leftmost and rightmost x of the body text of a page (running head and folio excluded)."""
    page = pypdfium2.PdfDocument(pdf)[index]
    textpage = page.get_textpage()
    height = page.get_height()
    xs = []
    for i in range(textpage.count_chars()):
        left, bottom, right, _top = textpage.get_charbox(i)
        if 0.15 * height < bottom < 0.85 * height and right > left:
            xs += [left, right]
    return min(xs), max(xs)


# Print profile --------------------------------------------------------------------------------


def test_print_pdf_has_bleed_and_trim_boxes(built: Built, variants: Path) -> None:
    seed = boxes(built.artifact(SEED, "pdf"))
    trim = seed["TrimBox"]
    assert [round(v / MM, 1) for v in (trim[2] - trim[0], trim[3] - trim[1])] == [148.0, 210.0]

    def grown(by: float) -> list[float]:
        return [trim[0] - by, trim[1] - by, trim[2] + by, trim[3] + by]

    assert seed["BleedBox"] == pytest.approx(grown(3 * MM), abs=0.01)  # the bleed, exactly
    assert seed["MediaBox"] == pytest.approx(grown(13 * MM), abs=0.01)  # and a 10 mm slug for the marks
    wide = boxes(variants / "bleed5" / "dist" / "book.pdf")
    assert wide["BleedBox"][2] - wide["TrimBox"][2] == pytest.approx(5 * MM, abs=0.01)
    assert wide["MediaBox"][2] - wide["TrimBox"][2] == pytest.approx(15 * MM, abs=0.01)
    bare = boxes(variants / "nomarks" / "dist" / "book.pdf")
    assert bare["MediaBox"] == pytest.approx(bare["BleedBox"], abs=0.01)


def ink(pdf: Path, index: int, dpi: int = 150) -> tuple[Any, dict[str, list[float]], float]:
    """A page drawn by PDFium as greyscale, its boxes, and pixels per point."""
    page = pypdfium2.PdfDocument(pdf)[index]
    scale = dpi / 72
    return page.render(scale=scale).to_pil().convert("L"), boxes(pdf, index), scale


def dark(image: Any, media: list[float], scale: float, x0: float, y0: float, x1: float, y1: float) -> list[tuple]:
    """The pixels darker than paper inside a rectangle given in PDF points."""
    left, right = round((x0 - media[0]) * scale), round((x1 - media[0]) * scale)
    top, bottom = round((media[3] - y1) * scale), round((media[3] - y0) * scale)
    return [(x, y) for x in range(left, right) for y in range(top, bottom) if image.getpixel((x, y)) < 200]


@pytest.mark.parametrize(("variant", "slug", "cross"), [("", 10, False), ("cross", 12, True)])
def test_crop_marks_lie_in_the_slug_and_never_inside_the_bleed(
    built: Built, variants: Path, variant: str, slug: float, cross: bool
) -> None:
    pdf = variants / variant / "dist" / "book.pdf" if variant else built.artifact("book", "pdf")
    image, box, scale = ink(pdf, 3)  # page 4: a blank verso, nothing but marks outside the trim
    media, bleed, trim = box["MediaBox"], box["BleedBox"], box["TrimBox"]
    assert not dark(image, media, scale, *bleed[:2], bleed[2], trim[1])  # the bleed below the trim
    assert not dark(image, media, scale, bleed[0], trim[3], *bleed[2:])  # above it
    assert not dark(image, media, scale, bleed[0], bleed[1], trim[0], bleed[3])  # left of it
    assert not dark(image, media, scale, trim[2], bleed[1], *bleed[2:])  # right of it
    corner = dark(image, media, scale, media[0], trim[1] - 1, bleed[0], trim[1] + 1)  # bottom left, horizontal
    assert corner, "no crop mark in the slug"
    length = (max(x for x, _ in corner) - min(x for x, _ in corner) + 1) / scale
    assert 5 * MM <= length <= slug * MM
    middle = (trim[0] + trim[2]) / 2
    target = dark(image, media, scale, middle - 4 * MM, media[1], middle + 4 * MM, bleed[1])
    assert bool(target) is cross


def test_no_marks_means_nothing_outside_the_trim(variants: Path) -> None:
    image, box, scale = ink(variants / "nomarks" / "dist" / "book.pdf", 3)
    media, trim = box["MediaBox"], box["TrimBox"]
    assert not dark(image, media, scale, media[0], media[1], media[2], trim[1])
    assert not dark(image, media, scale, media[0], media[1], trim[0], media[3])


def test_margins_mirror_on_facing_pages_with_the_binding_inside(built: Built) -> None:
    """In a right-to-left book page 1 is a left-hand page: odd pages bind on their right edge."""
    pdf = built.artifact(SEED, "pdf")
    trim = boxes(pdf)["TrimBox"]
    width = trim[2] - trim[0]
    odd_left, odd_right = text_extent(pdf, 0)  # page 1, the article's first, a left-hand page (recto)
    even_left, even_right = text_extent(pdf, 1)  # page 2, a right-hand page (verso)
    # Glyph side bearings move the ink a few points off the margins: compare within 4 pt.
    inner, outer = width - odd_right, odd_left  # the inner margin on the right of a left-hand page
    assert even_left == pytest.approx(inner, abs=4)  # and on the left of a right-hand page
    assert width - even_right == pytest.approx(outer, abs=4)
    assert inner - outer > 3 * MM
    assert inner / (inner + outer) == pytest.approx(INNER, abs=0.03)  # pdf/pagetype.py's share


def test_chapters_open_on_rectos_which_are_odd_pages(built: Built) -> None:
    texts = page_texts(built.artifact("book", "pdf"))
    starts = [
        i + 1
        for i, t in enumerate(texts)
        if re.search(r"^الفصل (الأول|الثاني):", t, re.MULTILINE) and "المحتويات" not in t
    ]
    assert starts == [5, 7]
    assert texts[3].strip() == texts[5].strip() == ""  # blank versos, no folio or running head
    assert "دار التجربة" in texts[1] and "جميع الحقوق محفوظة" in texts[1]  # the title's verso: the imprint


# Screen profile and standards -------------------------------------------------------------------


def test_screen_pdf_has_no_bleed_links_and_an_open_outline(variants: Path) -> None:
    pdf = variants / "screen" / "dist" / "book.pdf"
    page = boxes(pdf)
    assert page["MediaBox"] == page["TrimBox"]
    with pikepdf.open(pdf) as document:
        assert document.Root.PageMode == "/UseOutlines"
        links = [a for p in document.pages for a in p.get("/Annots", []) if a.Subtype == "/Link"]
        assert len(links) >= 5  # the table of contents and the footnote call


def test_pdf_ua_is_tagged_with_language_title_and_xmp(built: Built) -> None:
    with pikepdf.open(built.artifact("book", "pdf")) as pdf:
        assert pdf.Root.MarkInfo.Marked is True
        assert "/StructTreeRoot" in pdf.Root
        assert pdf.Root.ViewerPreferences.DisplayDocTitle is True
        assert str(pdf.Root.Lang) == "ar"
        xmp = pdf.open_metadata()
        assert xmp["dc:title"] == "دفتر الورشة"
        assert xmp["pdfuaid:part"] == "1"
        assert xmp["dc:creator"] == ["هيئة التحرير", "قسم التدقيق"]


def test_pdf_a_3b_is_selectable(variants: Path) -> None:
    with pikepdf.open(variants / "screen" / "dist" / "book.pdf") as pdf:
        xmp = pdf.open_metadata()
        assert (xmp["pdfaid:part"], xmp["pdfaid:conformance"]) == ("3", "B")
        assert "/OutputIntents" in pdf.Root
        assert "/StructTreeRoot" in pdf.Root  # still tagged


# Navigation -----------------------------------------------------------------------------------


def test_outline_follows_the_headings(built: Built) -> None:
    with pikepdf.open(built.artifact("book", "pdf")) as pdf, pdf.open_outline() as outline:
        top = [(item.title, [child.title for child in item.children]) for item in outline.root]
    assert top[0][0] == "دفتر الورشة"
    titles = [t for t, _ in top] + [c for _, children in top for c in children]
    for heading in ("المحتويات", "الفصل الأول: البداية", "قائمة المهام", "الفصل الثاني: الخاتمة"):
        assert heading in titles


def contents_page(pdf: Path) -> int:
    """The index of the contents page (title page, imprint, then the contents)."""
    return next(i for i, text in enumerate(page_texts(pdf)) if text.lstrip().startswith("المحتويات"))


def test_table_of_contents_page_lists_chapters_with_their_page_numbers(built: Built, variants: Path) -> None:
    toc = page_texts(built.artifact("book", "pdf"))[contents_page(built.artifact("book", "pdf"))]
    assert contents_page(built.artifact("book", "pdf")) == 2  # page 3, a recto
    assert re.search(r"الفصل الأول: البداية[ .]*٥", toc)
    assert re.search(r"الفصل الثاني: الخاتمة[ .]*٧", toc)
    screen = variants / "screen" / "dist" / "book.pdf"
    assert re.search(r"الفصل الأول: البداية[ .]*4", page_texts(screen)[contents_page(screen)])


def running_head(pdf: Path, index: int) -> str:
    """The text in the top margin of a page (its upper 17 mm; the body starts 18 mm below the trim edge)."""
    trim_top = boxes(pdf, index)["TrimBox"][3]
    page = pypdfium2.PdfDocument(pdf)[index]
    return page.get_textpage().get_text_bounded(top=trim_top, bottom=trim_top - 17 * MM).strip()


def test_running_heads_give_the_chapter_on_rectos_and_the_book_on_versos(built: Built) -> None:
    title = "استراتيجية القطب الاجتماعي 2021-2026"
    assert running_head(built.artifact(SEED, "pdf"), 1) == title  # page 2, verso: the book's title
    assert running_head(built.artifact(SEED, "pdf"), 2) == title  # page 3, recto: the article's, the same
    book = built.artifact("book", "pdf")
    assert running_head(book, contents_page(book)) == ""  # the contents page
    assert running_head(book, 1) == ""  # the imprint


def chapter_titles(built: Built, slug: str) -> list[str]:
    from publisher.source.manifest import load_manifest
    from publisher.typeset.document import typeset_document

    chapters = typeset_document(load_manifest(built.root / "source" / slug)).chapters
    return [c.title.replace("\u2066", "").replace("\u2069", "") for c in chapters]


@pytest.mark.parametrize("slug", [SEED, "book", "mixed", "poetry"])
def test_no_running_head_where_a_chapter_opens_nor_on_the_contents(built: Built, slug: str) -> None:
    """A chapter's first page prints its title just below where a running head would repeat it (in an
    article, the head's title: the page opens the article)."""
    pdf = built.artifact(slug, "pdf")
    titles, checked = chapter_titles(built, slug), 0
    openings = {anchor_page(pdf, f"ch{number:02d}") for number in range(1, len(titles) + 1)}
    assert None not in openings
    for index, text in enumerate(page_texts(pdf)):
        trim_top = boxes(pdf, index)["TrimBox"][3]
        page = pypdfium2.PdfDocument(pdf)[index]
        below = page.get_textpage().get_text_bounded(top=trim_top - 17 * MM, bottom=trim_top - 50 * MM)
        if index in openings:
            assert any(title in " ".join(below.split()) for title in titles), (slug, index + 1, below)
        if index in openings or text.lstrip().startswith("المحتويات"):
            assert running_head(pdf, index) == "", (slug, index + 1)
            checked += 1
    assert checked >= len(titles)


def test_page_numbers_follow_the_numerals_setting(built: Built, variants: Path) -> None:
    # The book's own digits (its table) are Arabic-Indic; its footnote numbers are the reader's, not counted.
    auto = page_texts(built.artifact("book", "pdf"))[4]
    assert auto.rstrip().endswith("٥")
    latin = page_texts(variants / "screen" / "dist" / "book.pdf")[2]
    assert latin.rstrip().endswith("3")


def test_footnote_sits_at_the_foot_of_the_page_that_calls_it(built: Built) -> None:
    pdf = built.artifact("book", "pdf")
    page = pypdfium2.PdfDocument(pdf)[4]
    text = page.get_textpage()
    all_text = text.get_text_bounded()
    note = all_text.index("هذه حاشية قصيرة")
    body = all_text.index("قائمة المهام")
    note_top = text.get_charbox(note)[3]
    body_bottom = text.get_charbox(body)[1]
    assert note_top < body_bottom  # below the body text (PDF y grows upwards)
    assert note_top < 0.2 * page.get_height()


def test_urls_and_email_addresses_break_at_sensible_points() -> None:
    """After a run of slashes or a backslash, before . ? # & = @ and hyphens; never after "https:" alone, nor after
    "-" or "?", nor with fewer than six characters after the break ("=2026" had been a paragraph's last line, ".jo"
    began one) or four before it; in inline code too (a Windows path, which broke only after "C:" and left the line
    gaping, a call chained on an object), where no hyphen breaks ("--help")."""
    from publisher.pdf.addresses import BREAK, HELD, JOIN, breakable_addresses, marked_addresses

    body = (
        '<p>زوروا <span dir="ltr">\u2066https://www.example.ma/a-b?x=1&amp;y=2\u2069</span> أو '
        '<span dir="ltr">\u2066contact@example.ma\u2069</span></p>'
    )
    marked = breakable_addresses(body)
    b = BREAK
    assert (
        f'<span class="address">https://{b}www{b}.example{b}.ma/{b}a{b}-{JOIN}b{b}?{JOIN}x{b}=1{HELD}&amp;y{HELD}=2</span>'
        in marked
    )
    assert f'<span class="address">contact{b}@example{HELD}.ma</span>' in marked
    assert marked_addresses(marked) == {"https://www.example.ma/a-b?x=1&y=2", "contact@example.ma"}
    long_url = "https://www.example.ma/" + "a" * 60  # longer than a line: it breaks too
    assert marked_addresses(breakable_addresses(f"\u2066{long_url}\u2069")) == {long_url}
    code = breakable_addresses('<span dir="ltr"><code>C:\\Users\\admin\\config.ini</code></span>')
    assert f'<code><span class="address">C:{JOIN}\\{HELD}Users\\{b}admin\\{b}config{HELD}.ini</span></code>' in code
    # nor with fewer than four before it: "C:\\" and the "/" of "/var/log/syslog" had ended a line alone
    unix = breakable_addresses('<p><span dir="ltr">\u2066/var/log/syslog\u2069</span></p>')
    assert f'<span class="address">/{HELD}var/{b}log/{b}syslog</span>' in unix
    # a run glued to an Arabic letter has no element of its own (typeset/inline.py): its address carries the direction
    glued = breakable_addresses("<p>و\u2066C:\\Temp\\cache\\old\u2069</p>")
    assert f'<span class="address" dir="ltr">C:{JOIN}\\{HELD}Temp\\{b}cache\\{HELD}old</span>' in glued
    assert marked_addresses(code) == {"C:\\Users\\admin\\config.ini"}
    # each Arabic string of inline code an isolate of its own, with the digits it holds: `d = {"اسم": 'علي'}` had its
    # two strings and the neutrals between them set as one right-to-left stretch, drawn `d = {"علي' :"اسم'}`
    strings = breakable_addresses("<code>d = {&quot;اسم&quot;: 'علي', &quot;ك0&quot;: &quot;مرحبا 2026&quot;}</code>")
    assert strings == (  # (and held between two signs: "{" and its quote, a quote and the colon or comma after it)
        f"<code>d = {{{JOIN}&quot;\u2067اسم\u2069&quot;{JOIN}: '\u2067علي\u2069'{JOIN}, "
        f"&quot;\u2067ك0\u2069&quot;{JOIN}: &quot;\u2067مرحبا 2026\u2069&quot;{JOIN}}}</code>"
    )
    # nor after a hyphen of code that is no address: "--" ended a line and "help" began the next
    assert breakable_addresses("<code>pip install --help</code>") == f"<code>pip install -{JOIN}-{JOIN}help</code>"
    # a long word of code with a dot inside breaks before its dots, as an address: kept whole, it left the line
    # above with blanks of two em; a short one stays whole
    chained = breakable_addresses("<code>df.groupby(&quot;bank&quot;).sum() np.mean</code>")
    assert chained == f'<code><span class="address">df{HELD}.groupby("bank"){b}.sum()</span> np.mean</code>'
    assert marked_addresses(chained) == {'df.groupby("bank").sum()'}
    doi = breakable_addresses("<p>\u2066doi:10.1016/j.jas.2024.105923\u2069</p>")  # broke after "j.jas." as two words
    assert marked_addresses(doi) == {"doi:10.1016/j.jas.2024.105923"}
    # with its "doi:", held to its number: "doi:" had ended a line, both extractors read "doi 10.1000/xyz123"
    assert f"doi:{JOIN}10.1000/{b}xyz123</span>" in breakable_addresses("<p>\u2066doi:10.1000/xyz123\u2069</p>")
    # never inside a number nor an operator: "django>=5.0,<6" broke after "5.", and with nowhere else to break it
    # gets no span (moved whole to the next line, the line above was drawn past its edge, over its list marker)
    version = "<code>pip install &quot;django&gt;=5.0,&lt;6&quot;</code>"  # (its operators held: ">=", ",<")
    assert breakable_addresses(version) == version.replace("&gt;=", f"&gt;{JOIN}=").replace(",&lt;", f",{JOIN}&lt;")
    # after an underscore a bare ZERO WIDTH SPACE, no marks, which would set an Arabic name's words left to right
    wiki = breakable_addresses("<p>\u2066https://ar.wikipedia.org/wiki/المدرج_الروماني\u2069</p>")
    assert f"wiki/{b}المدرج_\u200bالروماني</span>" in wiki


def test_an_address_broken_over_lines_copies_whole(built: Built) -> None:
    """The mixed fixture's two URLs break at a line end; each extractor gives each whole, the Arabic around in order."""
    import subprocess

    pdf = built.artifact("mixed", "pdf")
    urls = ("https://www.example.ma/programme", "https://www.example.ma/publications/2026/rapport-annuel-")
    index = next(i for i, text in enumerate(page_texts(pdf)) if "زوروا" in text)  # the page with the addresses
    with pikepdf.open(pdf) as document:  # broken: the text layer gave the first piece the whole address
        actual = [
            str(operands[1].get("/ActualText", ""))
            for operands, operator in pikepdf.parse_content_stream(document.pages[index])
            if operator == pikepdf.Operator("BDC") and isinstance(operands[1], pikepdf.Dictionary)
        ]
    for url in urls:
        assert any(text.startswith(url) for text in actual), url
    pdfium = pypdfium2.PdfDocument(pdf)[index].get_textpage().get_text_bounded()
    page = str(index + 1)
    poppler = subprocess.run(
        ["pdftotext", "-f", page, "-l", page, str(pdf), "-"], capture_output=True, text=True
    ).stdout
    for text in (pdfium, poppler):
        # without the bidi controls and the RIGHT-TO-LEFT MARKs of the text layer's stretched spaces
        text = " ".join(re.sub("[\u202a\u202c\u200f]", "", text).split(" "))
        text = re.sub(" +", " ", text)
        assert "زوروا https://www.example.ma/programme" in text
        assert "https://www.example.ma/publications/2026/rapport-annuel-transformation-numerique.pdf?langue=ar" in text


@pytest.mark.parametrize(("variant", "profile"), [("x4", "Artifex-CMYK-SWOP.icc"), ("x4own", "Press.icc")])
def test_pdf_x4_has_a_cmyk_output_intent_boxes_fonts_and_tags(variants: Path, variant: str, profile: str) -> None:
    pdf_path = variants / variant / "dist" / "book.pdf"
    expected = (REPO / "colour" / profile if variant == "x4" else variants / variant / "colour" / profile).read_bytes()
    with pikepdf.open(pdf_path) as pdf:
        (intent,) = pdf.Root.OutputIntents
        assert intent.S == "/GTS_PDFX"
        assert intent.DestOutputProfile.N == 4
        assert intent.DestOutputProfile.read_bytes() == expected
        assert str(pdf.trailer.Info.GTS_PDFXVersion) == "PDF/X-4" and pdf.trailer.Info.Trapped == "/False"
        assert pdf.open_metadata()["pdfxid:GTS_PDFXVersion"] == "PDF/X-4"
        assert "/StructTreeRoot" in pdf.Root and pdf.Root.MarkInfo.Marked  # the tags are kept
        for page in pdf.pages:
            media, bleed, trim = ([float(v) for v in page.obj[key]] for key in ("/MediaBox", "/BleedBox", "/TrimBox"))
            assert media[0] <= bleed[0] < trim[0] and media[1] <= bleed[1] < trim[1]
            assert trim[2] < bleed[2] <= media[2] and trim[3] < bleed[3] <= media[3]
            for font in page.Resources.Font.values():
                descriptor = (
                    font.DescendantFonts[0].FontDescriptor if "/DescendantFonts" in font else font.FontDescriptor
                )
                assert "/FontFile2" in descriptor or "/FontFile3" in descriptor  # embedded
    again = variants / variant / "again.pdf"
    build(variants / variant, formats=["pdf"], dist=again.parent / "again", cache=False, jobs=1)
    assert (again.parent / "again" / "book.pdf").read_bytes() == pdf_path.read_bytes()  # reproducible


def test_a_profile_the_renderer_cannot_read_fails_the_build_and_writes_nothing(tmp_path: Path) -> None:
    """Its header is sound (so the manifest passes) but its tag table is not: WeasyPrint would drop it with
    a warning and write a PDF/X-4 file without an output intent."""
    from publisher.errors import BuildError

    make_workspace(tmp_path, FIXTURES / "book")
    profile = bytearray((REPO / "colour" / "Artifex-CMYK-SWOP.icc").read_bytes())
    profile[128:132] = (0xFFFFFF).to_bytes(4, "big")  # the number of tags
    (tmp_path / "colour").mkdir()
    (tmp_path / "colour" / "Broken.icc").write_bytes(bytes(profile))
    manifest = tmp_path / "source" / "book" / "manifest.toml"
    manifest.write_text(manifest.read_text() + 'standard = "pdf/x-4"\noutput-profile = "colour/Broken.icc"\n')
    with pytest.raises(BuildError, match=r"^colour/Broken\.icc: not a readable ICC profile"):
        build(tmp_path, formats=["pdf"], jobs=1)
    assert not (tmp_path / "dist" / "book.pdf").exists()


def test_a_range_of_numbers_is_kept_on_one_line() -> None:
    """A range never breaks after its dash: "ص. 15–" had ended a line and "16." begun the next (the class keeps it
    whole, book.css, in a left-to-right isolate's element), and "(۱۸۱۲–" another. In text, a WORD JOINER after the
    dash holds it: a span of its own cut a line read whole into one more object, which poppler then read after the
    page ("محدودهٔ ۲۰–۲۳٪")."""
    from publisher.pdf.addresses import unbroken_ranges

    isolated = unbroken_ranges('<p>ص. <span dir="ltr">\u206615–16\u2069</span>.</p>')
    assert isolated == '<p>ص. <span dir="ltr" class="range">\u206615–\u206016\u2069</span>.</p>'
    # a range in an isolate with more than the range ("500–" had ended a line): the joiner holds it
    assert unbroken_ranges('<span dir="ltr">\u2066500–2000 mg\u2069</span>') == (
        '<span dir="ltr">\u2066500–\u20602000 mg\u2069</span>'
    )
    assert unbroken_ranges("<p>(۱۸۱۲–۱۸۱۳)</p>") == "<p>(۱۸۱۲–\u2060۱۸۱۳)</p>"
    # an interval too ("]−2 ;" had ended a line, "5]" begun the next), and a signed root's equation ("x =" had)
    for interval in ("]−2 ; 5]", "x ∈ ]−∞ ; 3]", "x = −√4"):
        held = f'<span dir="ltr" class="range">\u2066{interval}\u2069</span>'
        assert unbroken_ranges(f'<span dir="ltr">\u2066{interval}\u2069</span>') == held
    # whole times and dates ("٩:٠٠–١٠:٣٠"), and European digits in a left-to-right paragraph ("Halle, 1889–" had
    # ended a line of a reference list); not a dash between spaces
    assert unbroken_ranges("<p>من ٩:٠٠–١٠:٣٠</p>") == "<p>من ٩:٠٠–\u2060١٠:٣٠</p>"
    latin = unbroken_ranges("<li>Halle, 1889–1890, pp. 88–90, 2 – 3.</li>")
    assert latin == "<li>Halle, 1889–\u20601890, pp. 88–\u206090, 2 – 3.</li>"
    # an abbreviation glued to its number: "ود." had ended a line and "58)" begun the next; "ص.45–47" whole
    minutes = unbroken_ranges("<p>(د.12 ود.58) ص.45–47 والكتاب.2</p>")
    assert minutes == "<p>(د.\u206012 ود.\u206058) ص.\u206045–\u206047 والكتاب.2</p>"
    # ordinals ("7th–12th c." had broken after its dash in a table's cell)
    assert unbroken_ranges("<td>7th–12th c., 3rd–5th</td>") == "<td>7th–\u206012th c., 3rd–\u20605th</td>"
    words = '<span dir="ltr">\u2066Open Data\u2069</span>'  # not a range: left as it is
    assert unbroken_ranges(words) == words
    # an equation's "<" as the markup writes it ("p < 0.001" had broken after its "<"), and a spaced minus
    for formula in ("p &lt; 0.001", "x &gt; 2", "∆ = 25 - 24 = 1", "½ + ½ = 1", "1½ × 2 = 3"):  # ("½" ended a line)
        assert 'class="range"' in unbroken_ranges(f'<span dir="ltr">\u2066{formula}\u2069</span>'), formula
    # and a relation between an Arabic word and a number, after the space that follows it ("صورة >" ended a line)
    assert unbroken_ranges("<p>صورة &gt; 20 و العمر ≥ ١٨</p>") == "<p>صورة &gt; \u206020 و العمر ≥ \u2060١٨</p>"
    # and a tempo's note ("♩. =" had ended a line of a music article)
    tempo = "<p>بسرعة ♩. \u2060= \u206066 أو ♩ \u2060= \u2060120</p>"  # (held on both sides)
    assert unbroken_ranges("<p>بسرعة ♩. = 66 أو ♩ = 120</p>") == tempo


def _a_line_ends_with(html: str, end: str, widths: range) -> bool:
    """Whether WeasyPrint, laying `html` out right to left at each of `widths` (px), ends a line with `end`."""
    import weasyprint
    from weasyprint.formatting_structure import boxes

    for width in widths:
        style = f"<style>@page {{ size: {width + 20}px 2000px; margin: 10px }} p {{ font-size: 12px }}</style>"
        page = weasyprint.HTML(string=f'<html dir="rtl">{style}{html}</html>').render().pages[0]
        for line in (box for box in page._page_box.descendants() if isinstance(box, boxes.LineBox)):
            texts = [box.text for box in line.descendants() if isinstance(box, boxes.TextBox)]
            if "".join(texts).rstrip().endswith(end):
                return True
    return False


def test_a_held_range_never_ends_a_line_at_any_width() -> None:
    """Laid out by WeasyPrint at every width from 40 to 160 px, no line ends with a range's dash once
    `unbroken_ranges` has held it, while the same text as typed does end one so (the test can fail)."""
    from publisher.pdf.addresses import unbroken_ranges

    text = "<p>في الفترة ۱۸۱۲–۱۸۱۳ ثم بين ٢٠–٢٣ درجة و1889–1890</p>"
    assert _a_line_ends_with(text, "–", range(40, 161, 4))
    assert not _a_line_ends_with(unbroken_ranges(text), "–", range(40, 161, 4))


def test_a_sum_in_arabic_indic_digits_never_breaks() -> None:
    """ "لِأَنَّ ٣ + ٢" ended a line and "= ٥." began the next: no isolate holds a sum in Arabic-Indic digits (the bidi
    algorithm sets it right to left as it is); a WORD JOINER after each of its spaces does, at every width."""
    from publisher.pdf.addresses import unbroken_ranges

    text = "<p>لأن ٣ + ٢ = ٥ وكذلك ١٢٫٥ × ٢ = ٢٥ و۱۰ − ۴ = ۶ هنا</p>"
    ends = ("+", "=", "−", "×", "٢", "٣", "١٢٫٥", "۱۰", "۴")
    widths = range(40, 161, 3)
    assert any(_a_line_ends_with(text, end, widths) for end in ends)
    held = unbroken_ranges(text)
    assert not any(_a_line_ends_with(held, end, widths) for end in ends)
    assert unbroken_ranges("<p>سنة ٢٠٢٤ و ٢٠٢٥ هنا</p>") == "<p>سنة ٢٠٢٤ و ٢٠٢٥ هنا</p>"  # two numbers, no sum


def test_a_short_compound_never_breaks_at_its_slash() -> None:
    """ "(LYD/" ended a line and "USD)" began the next: Unicode's line breaking allows a break after a slash. A short
    compound of Latin words or numbers ("LYD/USD", "mg/kg", "11/2028", "mL/min/1.73") is held by a WORD JOINER on
    each side of its slash (the leaflet's "mL/min" had ended a line, "/1.73" begun the next), and no line ends with it
    at any width; a path or an address keeps its breaks (pdf/addresses.py breaks those)."""
    from publisher.pdf.addresses import unbroken_ranges

    held = unbroken_ranges("<p>LYD/USD and/or 11/2028 mL/min/1.73</p>")
    join = "\u2060/\u2060"
    assert held == f"<p>LYD{join}USD and{join}or 11{join}2028 mL{join}min{join}1.73</p>"
    for kept in ("/usr/local/bin", "src/main.py", "https://x.example/a/b", "a/b/c/d", "<b>x</b>/y", "a/b:c", "a/b.c"):
        assert unbroken_ranges(kept) == kept
    # and before a sentence's stop or colon: "٣٠ م/ث:" ended a line with "م/" (the hundred-and-fifty-eighth batch)
    for unit in ("م/ث:", "km/h.", "mg/kg:", "كم/س."):
        assert unbroken_ranges(f"<p>{unit} </p>") == f"<p>{unit.replace('/', join)} </p>"
    text = "<p>سعر الصرف الرسمي (LYD/USD) يعلنه المصرف، والجرعة 15 mg/kg للطفل حتى 11/2028 تقريبا</p>"
    assert _a_line_ends_with(text, "/", range(40, 201, 4))
    assert not _a_line_ends_with(unbroken_ranges(text), "/", range(40, 201, 4))


def test_a_paragraphs_short_last_word_goes_down_with_the_one_before() -> None:
    """ "0." stood alone on a paragraph's last line, in the width of the indent: poppler took it for a column of its
    own and read it before the paragraph. The space before a last word of four characters or fewer (punctuation
    counted, isolates not) is held by a WORD JOINER; never inside code, where short code is kept on one line whole."""
    from publisher.pdf.runts import held_runts
    from publisher.source.fonts import load_fonts

    assert held_runts("<p>هذا نص ينتهي بكلمة له.</p>") == "<p>هذا نص ينتهي بكلمة \u2060له.</p>"
    isolated = '<p>بنسبة <span dir="ltr">\u20665%\u2069</span>.</p>'
    assert held_runts(isolated) == isolated.replace(" <", " \u2060<")
    for kept in ("<p>هذا نص ينتهي بكلمة طويلة.</p>", "<p>له.</p>", "<p>نص <code>SELECT a FROM b</code></p>"):
        assert held_runts(kept) == kept
    code = '<p>ويمكن كتابته أيضا <span dir="ltr"><code>grade != 0</code></span>.</p>'
    assert held_runts(code) == code.replace("<code>", '<code class="whole">')
    longer = "<p>نكتب <code>SELECT name FROM users;</code> هنا</p>"
    assert held_runts(longer) == longer.replace(" هنا", " \u2060هنا")  # long code keeps its breaks
    assert held_runts("<pre><code>a b</code></pre>") == "<pre><code>a b</code></pre>"  # a code block is not inline
    # measured in the fonts: "يأتي:" (five characters, 1.43 em in Amiri) fitted in the indent of a lease's preamble
    # of two lines, and poppler read it first (the hundred-and-sixtieth batch)
    fonts = load_fonts((REPO / "fonts",))
    for word in ("يأتي:", "فيها.", "0.25.", "Riga."):
        assert held_runts(f"<p>هذا نص ينتهي بكلمة {word}</p>", fonts) == f"<p>هذا نص ينتهي بكلمة \u2060{word}</p>"
    for word in ("الخاص.", "والمستأجرين.", "Marseille."):
        assert held_runts(f"<p>هذا نص ينتهي بكلمة {word}</p>", fonts) == f"<p>هذا نص ينتهي بكلمة {word}</p>"


def test_every_box_of_a_line_stays_in_it_once_its_end_space_is_taken_off() -> None:
    """WeasyPrint moved every box of a right-to-left line left by the width of the space it took off the line's
    end, for the layout it kept with the space; justification laid that text out again without it: a first line
    stood a space's width in the left margin, and on a line of several boxes a gap opened before the shortened
    one ("و`age`. لاختيار", 4.4 px). Laid out at many widths, in a right-to-left and a left-to-right paragraph,
    every text box of a line lies inside it, next to its neighbours, its layout holding its text only (the
    test fails with WeasyPrint's own function)."""
    import weasyprint
    import weasyprint.layout.inline as inline
    from weasyprint.formatting_structure import boxes

    from publisher.pdf.render import import_weasyprint

    import_weasyprint()  # and the mended function with it
    fonts = "".join(
        f"@font-face {{ font-family: {name}; src: url({(REPO / 'fonts' / file).as_uri()}) }}"
        for name, file in (("A", "Amiri-Regular.ttf"), ("M", "NotoSansMono-Regular.ttf"))
    )
    code = '<span dir="ltr"><code>{}</code></span>'
    arabic = (
        f"لنبدأ بجدول اسمه {code.format('users')} فيه الأعمدة {code.format('id')} و{code.format('name')} و"
        f"{code.format('age')}. لاختيار البالغين نكتب {code.format('SELECT name FROM users WHERE age &gt;= 18;')} "
        "ثم نرتب النتيجة، وقد نكتب الاستعلام في أكثر من سطر."
    )
    english = "The article on Lyon is at ليون and the one on the institute at معهد العالم العربي which is long."

    def misplaced() -> int:
        count = 0
        for width in range(220, 461, 15):
            page_style = f"@page {{ size: {width + 20}px 2000px; margin: 10px }}"
            style = (
                "p { font: 15px A; text-align: justify; text-indent: 2em } code { font-family: M; font-size: .85em }"
            )
            html = f'<html><style>{fonts}{page_style}{style}</style><p dir="rtl">{arabic}</p><p>{english}</p></html>'
            page = weasyprint.HTML(string=html).render().pages[0]
            for line in (box for box in page._page_box.descendants() if isinstance(box, boxes.LineBox)):
                texts = sorted(
                    (box for box in line.descendants() if isinstance(box, boxes.TextBox) and box.text),
                    key=lambda box: box.position_x,
                )
                start, end = line.position_x - 0.01, line.position_x + line.width + 0.01
                count += sum(1 for box in texts if box.position_x < start or box.position_x + box.width > end)
                apart = [b.position_x - a.position_x - a.width for a, b in itertools.pairwise(texts)]
                count += sum(1 for gap in apart if abs(gap) > 0.01)
                count += sum(1 for box in texts if box.pango_layout.text != box.text)
        return count

    assert_mended(inline, "remove_last_whitespace", misplaced)


def test_no_line_of_a_paragraph_is_cut_down_to_its_first_word() -> None:
    """WeasyPrint measured a line up to a pixel wider than Pango, which had kept it whole, and set its first word
    alone: "هنا" on a line of its own, the rest below it, in a paragraph whose indented first line left for the
    second a line ending just before a left-to-right run. Laid out at many widths, no line but a paragraph's last
    holds one word (the test fails with WeasyPrint's own function)."""
    import weasyprint
    import weasyprint.layout.inline as inline
    from weasyprint.formatting_structure import boxes

    from publisher.pdf.render import import_weasyprint

    import_weasyprint()  # and the mended function with it
    font = f"@font-face {{ font-family: A; src: url({(REPO / 'fonts' / 'Amiri-Regular.ttf').as_uri()}) }}"
    words = "تنبيه: الشرط يعني شيئا آخر، ويمكن كتابته أيضا بطريقة أخرى مختلفة هنا في السطر الأول من هذه الفقرة"
    tail = ["الطويلة", "جدا", "والممتدة", "كثيرا", "حتى", "آخر"]
    paragraphs = "".join(
        f'<p>{words} {" ".join(tail[:n])} <span dir="ltr">\u2066Python\u2069</span>.</p>' for n in range(len(tail) + 1)
    )

    def one_word_lines() -> int:
        count = 0
        for width in range(340, 372, 2):
            style = f"@page {{ size: {width}px 3000px; margin: 0 }} p {{ font: 15.33px A; text-align: justify; "
            style += "text-indent: 1.5em; margin: 0 }"
            html = f'<html dir="rtl"><style>{font}{style}</style>{paragraphs}</html>'
            page = weasyprint.HTML(string=html).render().pages[0]
            for paragraph in (box for box in page._page_box.descendants() if box.element_tag == "p"):
                lines = [box for box in paragraph.children if isinstance(box, boxes.LineBox)]
                for line in lines[:-1]:
                    text = "".join(box.text for box in line.descendants() if isinstance(box, boxes.TextBox))
                    count += len(text.split()) == 1
        return count

    assert_mended(inline, "split_first_line", one_word_lines)


def assert_mended(module: Any, name: str, faults: Callable[[], int]) -> None:
    """No fault with the mended function `module.name` (pdf/weasyhooks.py), and some with WeasyPrint's own."""
    assert faults() == 0
    mended = getattr(module, name)
    setattr(module, name, mended.original)
    try:
        assert faults() > 0
    finally:
        setattr(module, name, mended)


def test_a_note_moved_to_its_call_keeps_its_own_direction() -> None:
    """A note floats to the page foot from inside the calling paragraph, whose direction it inherited: an Arabic
    note called from an English paragraph was set left to right. It takes the book's direction, or the one its
    paragraph was given (source/blockdir.py: an English note in an Arabic book)."""
    from publisher.pdf.render import footnotes_in_place

    def call(n: int) -> str:
        return f'<sup class="footnote-ref"><a href="#fn-ch01-{n}" id="fnref-ch01-{n}" role="doc-noteref">{n}</a></sup>'

    def note(n: int, paragraphs: str) -> str:
        back = f'<a href="#fnref-ch01-{n}" class="footnote-backref" role="doc-backlink">{n}</a> '
        text = paragraphs.replace("|", back, 1)
        return f'<aside id="fn-ch01-{n}" class="footnote" role="doc-footnote">\n{text}\n</aside>'

    body = (
        f'<p dir="ltr">"Severe frost", says the WMO.{call(1)}</p>\n<p>نص{call(2)}</p>\n<div class="footnotes">\n'
        + note(1, "<p>|النشرة على الموقع.</p>\n<p>فقرة ثانية.</p>")
        + note(2, '<p dir="ltr">|Only English here.</p>')
        + "\n</div>\n"
    )
    out = footnotes_in_place(body, "rtl")
    assert '<span class="footnote" id="fn-ch01-1" dir="rtl">النشرة على الموقع.<br />فقرة ثانية.</span>' in out
    assert '<span class="footnote" id="fn-ch01-2" dir="ltr">Only English here.</span>' in out
