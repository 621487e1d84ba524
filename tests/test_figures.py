"""Figures: an image alone in its paragraph with its caption and credit, numbered when the manifest
asks, scaled to keep its caption on its page in print, a <figure> with <figcaption> in the EPUB
(EPUBCheck and DAISY Ace run on it with the other fixtures, tests/test_epub.py)."""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pypdfium2
import pytest
from conftest import FIXTURES, Built, make_workspace
from PIL import Image

from publisher import build
from publisher.errors import InputError, ManifestError, SourceError
from publisher.source.manifest import load_manifest
from publisher.typeset.document import typeset_document
from publisher.typeset.figures import number_figures

XHTML = "{http://www.w3.org/1999/xhtml}"
LABELS = {"figure": "الشكل", "figure_separator": ": "}
_BIDI = dict.fromkeys(map(ord, "\u2066\u2067\u2068\u2069\u200e\u200f"))


def png(width: int = 4, height: int = 3) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (20, 90, 160)).save(out, "PNG")
    return out.getvalue()


def publication(tmp_path: Path, text: str, manifest: str = "", **images: bytes) -> Path:
    folder = tmp_path / "source" / "pub"
    (folder / "img").mkdir(parents=True, exist_ok=True)
    (folder / "manifest.toml").write_text(f'title = "صور"\nauthors = ["أ"]\n{manifest}', encoding="utf-8")
    (folder / "article.md").write_text(text, encoding="utf-8")
    for name, data in (images or {"port_png": png()}).items():
        (folder / "img" / name.replace("_", ".")).write_bytes(data)
    return folder


def body_of(tmp_path: Path, text: str, manifest: str = "", **images: bytes) -> str:
    return typeset_document(load_manifest(publication(tmp_path, text, manifest, **images))).chapters[0].html


def plain(text: str) -> str:
    return text.translate(_BIDI).replace("\u00a0", " ")


# Markdown → figure ------------------------------------------------------------------------------


def test_an_image_alone_in_its_paragraph_is_a_figure_with_caption_and_credit(tmp_path: Path) -> None:
    body = body_of(
        tmp_path,
        'فقرة.\n\n![قارب في الميناء](img/port.png "الميناء عند \\"الفجر\\""){credit="تصوير: سلمى / AFP"}\n',
    )
    assert body == (
        "<p>فقرة.</p>\n"
        '<figure class="figure">\n'
        '<img src="img/port.png" alt="قارب في الميناء" />\n'
        '<figcaption><span class="caption">الميناء عند «الفجر»</span>'
        '<span class="credit">تصوير: سلمى / <span dir="ltr">\u2066AFP\u2069</span></span></figcaption>\n'
        "</figure>\n"
    )


def test_an_image_inside_a_line_stays_inline_and_a_bare_one_has_no_caption(tmp_path: Path) -> None:
    body = body_of(tmp_path, "نص فيه ![رمز](img/port.png) داخل السطر.\n\n![قارب](img/port.png)\n")
    assert '<p>نص فيه <img src="img/port.png" alt="رمز" /> داخل السطر.</p>' in body
    assert '<figure class="figure">\n<img src="img/port.png" alt="قارب" />\n</figure>' in body
    assert "figcaption" not in body and "title=" not in body


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('نص ![قارب](img/port.png "تعليق") هنا.\n', 'image "img/port.png" has a caption but shares its paragraph'),
        ('نص ![قارب](img/port.png){credit="س"} هنا.\n', 'image "img/port.png" has a credit but shares its paragraph'),
        ('نص.[^1]\n\n[^1]: ![قارب](img/port.png "تعليق")\n', "has a caption but is in a footnote"),
        ("![قارب](img/port.png){width=300}\n", 'image "img/port.png" has the attribute "width"'),
        ('![قارب](img/port.png){onerror="alert(1)"}\n', 'has the attribute "onerror"'),
        ("![قارب](img/port.png){.wide}\n", 'has the attribute "class"'),
    ],
)
def test_a_caption_that_would_print_nowhere_and_unknown_attributes_are_refused(
    tmp_path: Path, text: str, message: str
) -> None:
    with pytest.raises(SourceError, match=re.escape(message)) as caught:
        body_of(tmp_path, text)
    assert str(caught.value).startswith("source/pub/article.md line ")
    assert len(str(caught.value).splitlines()) == 1


# Numbers ----------------------------------------------------------------------------------------


def test_figures_are_numbered_through_the_book_in_the_digits_given() -> None:
    bodies = [
        '<figure class="figure">\n<img src="a.png" alt="أ" />\n<figcaption><span class="caption">مرفأ</span>'
        '<span class="credit">تصوير</span></figcaption>\n</figure>\n',
        '<figure class="figure">\n<img src="b.png" alt="ب" />\n<figcaption><span class="credit">تصوير</span>'
        '</figcaption>\n</figure>\n<figure class="figure">\n<img src="c.png" alt="ج" />\n\n</figure>\n',
    ]
    first, second = number_figures(bodies, LABELS, "arabic-indic")
    label = '<span class="figure-label">الشكل {}</span>'
    assert f'<span class="caption">{label.format("١")}: مرفأ</span>' in first
    assert f'<figcaption><span class="caption">{label.format("٢")}</span><span class="credit">' in second
    assert f'<figcaption><span class="caption">{label.format("٣")}</span></figcaption>' in second
    assert "1" in number_figures(bodies[:1], LABELS, "latin")[0]


def test_figures_is_plain_or_numbered(tmp_path: Path) -> None:
    folder = publication(tmp_path, "نص.\n")
    assert load_manifest(folder).figures == "plain"
    (folder / "manifest.toml").write_text('title = "صور"\nauthors = ["أ"]\nfigures = "numbred"\n', encoding="utf-8")
    with pytest.raises(ManifestError) as caught:
        load_manifest(folder)
    assert caught.value.messages == [
        'source/pub/manifest.toml: \'figures\' must be "plain" or "numbered", got "numbred"'
    ]


def _workspace_labels(root: Path, figure: str | None) -> None:
    labels = (Path(__file__).resolve().parent.parent / "templates" / "partials" / "labels.j2").read_text("utf-8")
    if figure is None:
        labels = re.sub(r'\s*"figure(_separator)?": "[^"]*",', "", labels)
    else:
        labels = labels.replace('"figure": "الشكل"', f'"figure": "{figure}"')
    (root / "templates" / "partials").mkdir(parents=True)
    (root / "templates" / "partials" / "labels.j2").write_text(labels, encoding="utf-8")


def test_the_label_of_numbered_figures_passes_the_font_coverage_check(tmp_path: Path) -> None:
    """A label no font draws is an error naming it, as for every string the layouts print."""
    publication(tmp_path, "![قارب](img/port.png)\n", 'figures = "numbered"\n')
    _workspace_labels(tmp_path, "图")  # in no packaged font
    with pytest.raises(InputError) as caught:
        build(tmp_path)
    fallbacks = (
        "Amiri, Noto Serif, Noto Sans Symbols2, Noto Sans Math, Noto Music, Noto Sans Syriac, "
        "Noto Serif Hebrew, Noto Sans Tifinagh"
    )
    fix = f"no font can draw it; add a font that covers it to fonts/ (now: {fallbacks})"
    assert caught.value.messages == [
        f"U+56FE CJK UNIFIED IDEOGRAPH-56FE in the labels of partials/labels.j2: {fix}",
        f'U+56FE CJK UNIFIED IDEOGRAPH-56FE in the figure numbers (figures = "numbered"): {fix}',
    ]


def test_a_workspace_label_file_without_the_figure_label_is_named(tmp_path: Path) -> None:
    publication(tmp_path, "![قارب](img/port.png)\n", 'figures = "numbered"\n')
    _workspace_labels(tmp_path, None)
    with pytest.raises(InputError) as caught:
        build(tmp_path)
    assert caught.value.messages == [
        'source/pub/manifest.toml: \'figures\' is "numbered" but partials/labels.j2 has no "figure" label for "ar"; '
        "add it (the packaged labels.j2 has one)"
    ]
    assert not (tmp_path / "dist").exists()


# The printed page -------------------------------------------------------------------------------------


def figures_in_print(pdf: Path) -> tuple[list[tuple[int, list[float]]], list[tuple[int, str, float]]]:
    """Each image as (page, [left, bottom, right, top]) and each figure label as (page, label, top), in order."""
    images, labels = [], []
    document = pypdfium2.PdfDocument(pdf)
    for index, page in enumerate(document):
        for obj in page.get_objects():
            if obj.type == pypdfium2.raw.FPDF_PAGEOBJ_IMAGE:
                images.append((index, list(obj.get_bounds())))
        text = page.get_textpage()
        content = text.get_text_range()
        # PDFium reads a number's trailing colon in right-to-left text before it ("الشكل :١"), as it
        # does in running text ("عام ،٢٠٢٥"): the text layer's business, not the figures'.
        for match in re.finditer(r"(الشكل|Figure) :?([0-9٠-٩]+)", content):
            labels.append((index, f"{match[1]} {match[2]}", text.get_charbox(match.start())[3]))
    return images, labels


def page_of(pdf: Path, words: str) -> list[int]:
    document = pypdfium2.PdfDocument(pdf)
    return [i for i, page in enumerate(document) if words in plain(page.get_textpage().get_text_range())]


def test_each_caption_sits_under_its_image_on_the_same_page(built: Built) -> None:
    pdf = built.artifact("figures", "pdf")
    images, labels = figures_in_print(pdf)
    assert [label for _, label, _ in labels] == ["الشكل ١", "الشكل ٢", "الشكل ٣"]  # Arabic-Indic: ar-EG
    assert len(images) == 3
    for (image_page, (_, bottom, _, _)), (label_page, label, top) in zip(images, labels, strict=True):
        assert image_page == label_page, label
        assert top <= bottom + 1, label  # the caption is below its image (PDF y grows upwards)
    assert page_of(pdf, "Agence Maghreb Presse") == [images[0][0]]  # the credit, with its caption


def test_an_image_taller_than_the_page_is_scaled_to_fit_with_its_whole_caption(built: Built) -> None:
    pdf = built.artifact("figures", "pdf")
    images, _ = figures_in_print(pdf)
    page, (_, bottom, _, top) = images[1]
    natural = Image.open(FIXTURES / "figures" / "img" / "ships.png").height * 72 / 96  # CSS px → pt
    trim = pikepdf_trim_height(pdf, page)
    assert natural > trim  # the file alone would not fit a page
    assert top - bottom < trim - 36 * 72 / 25.4  # within the text block (A5's vertical margins: 38 mm)
    # The caption's last words are on the image's page: nothing of it was carried over.
    assert page_of(pdf, "الصغيرة") == [page]


def pikepdf_trim_height(pdf: Path, index: int) -> float:
    import pikepdf

    with pikepdf.open(pdf) as document:
        box = [float(v) for v in document.pages[index].obj["/TrimBox"]]
    return box[3] - box[1]


@pytest.fixture(scope="module")
def variants(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The figures fixture in Moroccan Arabic (no digits written: CLDR's European ones) and unnumbered."""
    root = make_workspace(tmp_path_factory.mktemp("figures"), FIXTURES / "figures")
    edits = {"maghreb": ('language = "ar-EG"', 'language = "ar-MA"'), "plain": ('figures = "numbered"', "")}
    for slug, edit in edits.items():
        folder = root / "source" / slug
        shutil.copytree(root / "source" / "figures", folder)
        manifest = folder / "manifest.toml"
        manifest.write_text(manifest.read_text(encoding="utf-8").replace(*edit), encoding="utf-8")
        article = folder / "article.md"
        article.write_text(re.sub(r"[٠-٩]+", "", article.read_text(encoding="utf-8")), encoding="utf-8")
    shutil.rmtree(root / "source" / "figures")
    build(root, formats=["pdf"])
    return root / "dist"


def test_numbers_follow_the_numerals_rule_in_the_maghreb(variants: Path) -> None:
    _, labels = figures_in_print(variants / "maghreb.pdf")
    assert [label for _, label, _ in labels] == ["الشكل 1", "الشكل 2", "الشكل 3"]


def test_plain_figures_have_no_number_but_keep_caption_and_credit(variants: Path) -> None:
    images, labels = figures_in_print(variants / "plain.pdf")
    assert (len(images), labels) == (3, [])
    assert page_of(variants / "plain.pdf", "Agence Maghreb Presse") == [images[0][0]]


# The e-book ---------------------------------------------------------------------------------------------


def test_the_epub_has_figures_with_alt_text_caption_and_credit(built: Built) -> None:
    with zipfile.ZipFile(built.artifact("figures", "epub")) as epub:
        root = ElementTree.fromstring(epub.read("EPUB/ch01.xhtml"))
        names = set(epub.namelist())
    figures = root.findall(f".//{XHTML}figure")
    assert len(figures) == 3
    for figure in figures:
        (img,) = figure.findall(f"{XHTML}img")
        assert img.get("alt") and f"EPUB/{img.get('src')}" in names
        assert figure.find(f"{XHTML}figcaption") is not None
    first = figures[0].find(f"{XHTML}figcaption")
    spans = {span.get("class"): plain("".join(span.itertext())) for span in first.iter(f"{XHTML}span")}
    assert spans["figure-label"] == "الشكل ١"
    assert spans["caption"] == "الشكل ١: القوارب عائدة عند الفجر إلى ميناء «الصويرة» (Essaouira)"
    assert spans["credit"] == "تصوير: سلمى بناني / Agence Maghreb Presse"
    assert root.get("dir") == "rtl" and root.get("lang") == "ar-EG"
