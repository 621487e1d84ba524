"""A book's chapters laid out in parts by several processes and merged (publisher/pdf/parallel.py): the PDF
shows and does what the book laid out in one piece does, page by page, and is the same file for any number
of jobs."""

from __future__ import annotations

import io
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pikepdf
import pypdfium2
import pytest
from conftest import FIXTURES, make_workspace

from publisher import build
from publisher.pdf.parts import FOOTNOTE, PART_END, PART_START, cut_book, part_html, unsupported

WHOLE = {"MIN_CHARS": 10**12}  # no book is long enough: every one is laid out in one piece
PARTS = {"MIN_CHARS": 0, "PART_CHARS": 1}  # the fixture is short: every chapter a part of its own


def built(
    root: Path, jobs: int, limits: dict[str, int] = PARTS, formats: tuple[str, ...] = ("pdf",)
) -> tuple[bytes, tuple[str, ...]]:
    """The book's PDF built with `jobs`, and what the build notes about it (and its EPUB with `formats`)."""
    with pytest.MonkeyPatch.context() as patch:
        for name, value in limits.items():
            patch.setattr(f"publisher.pdf.parallel.{name}", value)  # the render workers are forked: they see it
        pdf, *_ = build(root, formats=list(formats), jobs=jobs, cache=False)
    return pdf.path.read_bytes(), pdf.notes


@pytest.fixture(scope="module")
def renders(tmp_path_factory: pytest.TempPathFactory) -> dict[int, tuple[bytes, tuple[str, ...]]]:
    """The five-chapter fixture (footnotes, a table, a figure, code, links between chapters, blank versos)
    laid out in one piece (0), and in parts by one, two and three jobs (this one by the command, whose
    --verbose output it gives as its notes)."""
    from click.testing import CliRunner

    from publisher.cli import main

    root = make_workspace(tmp_path_factory.mktemp("chapters"), FIXTURES / "chapters")
    renders = {0: built(root, 1, WHOLE, ("pdf", "epub"))}
    epub = (root / "dist" / "chapters.epub").read_bytes()
    renders |= {jobs: built(root, jobs, PARTS, ("pdf", "epub")) for jobs in (1, 2)}
    assert (root / "dist" / "chapters.epub").read_bytes() == epub  # its print-page map is the PDF's, page by page
    with pytest.MonkeyPatch.context() as patch:
        for name, value in PARTS.items():
            patch.setattr(f"publisher.pdf.parallel.{name}", value)
        result = CliRunner().invoke(main, ["-C", str(root), "build", "--format", "pdf", "--jobs", "3", "--verbose"])
    assert result.exit_code == 0, result.output
    renders[3] = ((root / "dist" / "chapters.pdf").read_bytes(), tuple(result.output.splitlines()[1:]))
    return renders


def test_the_chapters_are_laid_out_in_parts_by_the_jobs_given(renders: dict[int, tuple[bytes, Any]]) -> None:
    assert renders[0][1] == ()  # too short to gain: nothing to note
    assert renders[1][1] == ("source/chapters: PDF: chapters laid out in 5 parts by one process and merged",)
    assert renders[2][1] == ("source/chapters: PDF: chapters laid out in 5 parts by 2 processes and merged",)
    assert renders[3][1] == ("note: source/chapters: PDF: chapters laid out in 5 parts by 3 processes and merged",)


def test_every_page_reads_and_looks_as_in_the_serial_render(renders: dict[int, tuple[bytes, Any]]) -> None:
    serial, parallel = pypdfium2.PdfDocument(renders[0][0]), pypdfium2.PdfDocument(renders[2][0])
    assert len(serial) == len(parallel) == 18
    for number in range(len(serial)):
        texts = [document[number].get_textpage().get_text_range() for document in (serial, parallel)]
        assert texts[0] == texts[1], number
        pixels = [document[number].render(scale=50 / 72).to_pil().tobytes() for document in (serial, parallel)]
        assert pixels[0] == pixels[1], number


def test_outline_links_destinations_and_structure_are_the_serial_ones(renders: dict[int, Any]) -> None:
    serial, parallel = (described(renders[jobs][0]) for jobs in (0, 2))
    for key in serial:
        assert serial[key] == parallel[key], key
    assert len(serial["outline"]) == 12 and max(depth for depth, *_ in serial["outline"]) == 2  # h1 > (h2) > h3
    assert {(page, target) for page, _, target in serial["links"] if page > 2} == {(4, 12), (17, 4)}  # across parts
    assert serial["elements"]["/TH"] == 3 and serial["elements"]["/Figure"] == 2
    assert serial["images"] == 1  # one file, drawn in two parts: embedded once


def test_each_face_is_embedded_once_with_the_serial_glyphs(renders: dict[int, Any]) -> None:
    serial, parallel = (fonts(renders[jobs][0]) for jobs in (0, 2))
    assert serial == parallel
    assert sorted(serial) == ["Amiri", "Amiri-Bold", "Noto-Sans-Mono"]  # the mono face: in one part only


def test_the_file_is_the_same_for_any_jobs_and_near_the_size_in_one_piece(renders: dict[int, Any]) -> None:
    assert renders[1][0] == renders[2][0] == renders[3][0]
    assert abs(len(renders[2][0]) / len(renders[0][0]) - 1) < 0.1


def test_a_build_leaves_nothing_in_the_temporary_folder(tmp_path: Path) -> None:
    """WeasyPrint copies the fonts of each layout into a temporary folder that it removes only when the layout's
    font configuration is collected, which a render worker never does; 2.7 MB a render once filled a disk."""
    import tempfile

    root = make_workspace(tmp_path / "ws", FIXTURES / "chapters")
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(tempfile, "tempdir", str(scratch))  # the build's, and its forked workers' and helpers'
        built(root, 2, PARTS, ("pdf", "epub", "web"))
    assert (root / "dist" / "chapters.pdf").exists()
    assert sorted(p.name for p in scratch.iterdir()) == []


def test_a_chapter_that_prints_a_page_number_is_laid_out_in_one_piece(tmp_path: Path) -> None:
    root = make_workspace(tmp_path / "ws", FIXTURES / "chapters")
    manifest = root / "source" / "chapters" / "manifest.toml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace("[pdf]", 'text = ["02-consultation.md", "03-tools.md"]\n\n[pdf]'),
        encoding="utf-8",
    )
    css = (Path(__file__).parent.parent / "templates" / "pdf" / "book.css").read_text(encoding="utf-8")
    (root / "templates" / "pdf").mkdir(parents=True)
    (root / "templates" / "pdf" / "book.css").write_text(
        css + '\nsection.chapter h1::after { content: " " counter(page); }\n'
    )
    serial, _ = built(root, 1, WHOLE)
    parallel, notes = built(root, 2)
    assert notes == (
        "source/chapters: PDF: laid out again in one piece: a chapter prints page numbers or targets of its own "
        "(counter(page), target-counter())",
    )
    assert parallel == serial


def test_a_book_is_cut_before_each_chapter_with_its_footnotes_counted() -> None:
    chapters = [f'<section class="chapter" id="c{n}"><h1>{n}</h1>{FOOTNOTE}>n</span></section>\n' for n in range(4)]
    html = '<html><head></head><body class="x">\n<nav><a href="#c2">2</a></nav>\n' + "".join(chapters)
    book = cut_book(html + "</body></html>", ["c0", "c1", "c2", "c3"], len(chapters[0]) * 2)
    assert not isinstance(book, str)
    assert [(p.chapters, p.footnotes) for p in book.parts] == [((), 0), (("c0", "c1"), 0), (("c2", "c3"), 2)]
    front, first, last = (part_html(book, part, {"c2": 17}) for part in book.parts)
    assert f'<section class="chapter" id="{PART_END}"></section>' in front and "@page publish-page-17" in front
    assert first.count(PART_END) == 1 and 'style="counter-set: footnote 2"' in last and PART_START in last
    short = html.replace(chapters[3], "").replace(chapters[2], '<section class="chapter" id="c2"></section>\n')
    three = cut_book(short + "</body>", ["c0", "c1", "c2"], len(chapters[0]) * 2)
    assert not isinstance(three, str) and [p.chapters for p in three.parts] == [(), ("c0", "c1", "c2")]  # short end
    assert cut_book(html.replace("<nav>", "<main><nav>") + "</body>", ["c0"], 10) == (
        "its chapters are not sections of the body in reading order"
    )


def test_a_vocalised_book_is_laid_out_in_one_piece_and_a_few_marked_words_are_not() -> None:
    from publisher.pdf.parallel import vocalised

    assert vocalised("قِفَا نَبْكِ مِنْ ذِكْرَى حَبِيبٍ وَمَنْزِلِ")
    prose = (FIXTURES / "chapters" / "04-annex.md").read_text(encoding="utf-8")  # its one marked word: تُنشر
    assert "\u064f" in prose and not vocalised(prose)


@pytest.mark.parametrize(
    ("css", "reason"),
    [
        ("h2 { counter-increment: section }", "its style sheet sets counters of its own"),
        ("@page { @bottom-left { content: counter(pages) } }", "it prints the book's page count (counter(pages))"),
        ("@page :nth(3) { margin: 0 }", "it styles pages by their number in the book (@page :nth())"),
        ("@page chapter:nth(1 of chapter) { margin: 0 } a::after { content: target-counter(attr(href), page) }", None),
    ],
)
def test_style_sheets_that_tie_a_chapter_to_the_book_keep_it_serial(css: str, reason: str | None) -> None:
    assert unsupported(css) == reason


def test_the_weasyprint_internals_are_where_the_parallel_render_expects_them() -> None:
    """A WeasyPrint upgrade that moves them fails here, not in a book's folios."""
    import inspect

    import weasyprint
    import weasyprint.layout

    from publisher.pdf import weasyhooks
    from publisher.pdf.weasyhooks import Numbers, bookmark_tree, late_page_numbers, subset_font

    assert "make_margin_boxes(context, page, state)" in inspect.getsource(weasyprint.layout.layout_document)
    said = []
    html = (
        "<style>@page { size: A7; @bottom-center { content: counter(page) } @top-center { content: string(t) } }"
        "h1 { string-set: t content(text); break-before: page } span { float: footnote }</style>"
        "<p>a</p><h1>one</h1><h1>two</h1><p>x<span>n</span></p>"
    )
    with late_page_numbers(lambda laid: said.append(laid) or Numbers(40, {"t": "before"})):
        laid_out = weasyprint.HTML(string=html).render()
    assert said[0].pages == 3 and said[0].strings == {"t": "two"} and not said[0].page_based_content
    assert [weasyhooks.has_footnotes(page) for page in laid_out.pages] == [False, False, True]
    assert weasyhooks.footnote_calls(laid_out.pages) == 1
    document = pypdfium2.PdfDocument(laid_out.write_pdf())
    assert [sorted(document[n].get_textpage().get_text_range().split()) for n in range(3)] == [
        ["41", "a", "before"],
        ["42", "one", "one"],
        ["1", "1.", "43", "n", "two", "two", "x"],
    ]
    regular = (Path(__file__).parent.parent / "fonts" / "Amiri-Regular.ttf").read_bytes()
    from fontTools.ttLib import TTFont

    subset = TTFont(io.BytesIO(subset_font(regular, 0, [5, 9], "Amiri")))
    drawn = [n for n, name in enumerate(subset.getGlyphOrder()) if subset["glyf"][name].numberOfContours]
    assert drawn == [5, 9]
    tree = bookmark_tree(
        [(100.0, [(1, "a", (0, 0), "open"), (3, "b", (0, 10), "open")]), (100.0, [(1, "c", (0, 0), "open")])]
    )
    assert [(label, page, [c[0] for c in children]) for label, (page, _, _), children, _ in tree] == [
        ("a", 0, ["b"]),
        ("c", 1, []),
    ]


def described(pdf: bytes) -> dict[str, Any]:
    """What a reader does with a PDF besides showing its pages: its outline, links and their target pages,
    named destinations, structure tree, metadata."""
    document = pikepdf.open(io.BytesIO(pdf))
    pages = {page.objgen: number for number, page in enumerate(document.pages)}
    names = document.Root.Names.Dests.Names
    destinations = {str(k): (pages[d[0].objgen], [round(float(v), 3) for v in list(d)[2:4]]) for k, d in pairs(names)}
    outline: list[tuple[int, str, int]] = []
    with document.open_outline() as tree:

        def walk(items: Any, depth: int) -> None:
            for item in items:
                outline.append((depth, item.title, pages[item.destination[0].objgen]))
                walk(item.children, depth + 1)

        walk(tree.root, 0)
    links = [
        (number, [round(float(v), 2) for v in link.Rect], destinations[str(link.Dest)][0])
        for number, page in enumerate(document.pages)
        for link in page.obj.get("/Annots", [])
    ]
    elements: Counter[str] = Counter()
    shape: list[Any] = []

    def structure(node: Any, depth: int) -> None:
        if isinstance(node, pikepdf.Array):
            for kid in node:
                structure(kid, depth)
        elif isinstance(node, pikepdf.Dictionary) and node.get("/Type") == "/OBJR":
            shape.append((depth, "link", pages[node.Pg.objgen]))
        elif isinstance(node, pikepdf.Dictionary):
            elements[str(node.S)] += 1
            shape.append((depth, str(node.S), pages.get(node.Pg.objgen) if "/Pg" in node else None))
            structure(node.get("/K", pikepdf.Array()), depth + 1)
        else:
            shape.append((depth, "mcid", int(node)))

    root = document.Root.StructTreeRoot
    structure(root.K, 0)
    return {
        "pages": len(document.pages),
        "destinations": destinations,
        "outline": outline,
        "links": links,
        "elements": elements,
        "structure": shape,
        "parent tree": [int(key) for key, _ in pairs(root.ParentTree.Nums)],
        "struct parents": [int(page.obj.StructParents) for page in document.pages],
        "metadata": str(document.open_metadata()),
        "info": {key: str(value) for key, value in document.docinfo.items()},
        "catalog": {key: repr(document.Root[key]) for key in ("/Lang", "/MarkInfo", "/ViewerPreferences")},
        "images": len(
            {
                image.objgen
                for page in document.pages
                for image in page.Resources.get("/XObject", {}).values()
                if image.get("/Subtype") == "/Image"
            }
        ),
    }


def fonts(pdf: bytes) -> dict[str, tuple[int, bytes, bytes, str]]:
    """Each embedded face by name: how many font objects carry it, its file, its ToUnicode map, its widths."""
    document = pikepdf.open(io.BytesIO(pdf))
    found: dict[str, list[Any]] = {}
    for page in document.pages:
        for font in page.Resources.Font.values():
            found.setdefault(re.sub(r"^/[A-Z]{6}\+", "", str(font.BaseFont)), []).append(font)
    described = {}
    for name, objects in found.items():
        font = objects[0]
        descendant = font.DescendantFonts[0]
        file = descendant.FontDescriptor.FontFile2.read_bytes()
        count = len({o.objgen for o in objects})
        described[name] = (count, file, font.ToUnicode.read_bytes(), repr(descendant.W))
    assert all(count == 1 for count, *_ in described.values()), "a face embedded more than once"
    return described


def pairs(array: Any) -> list[tuple[Any, Any]]:
    return list(zip(array[::2], array[1::2], strict=True))
