"""The EPUB as stores and readers see it: validators, accessibility, fonts, cover, structure, bytes."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import zipfile
from functools import cache
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
from conftest import FIXTURES, PUBLICATIONS, REPO, SEED, Built, make_workspace
from fontTools.pens.recordingPen import DecomposingRecordingPen
from fontTools.ttLib import TTFont
from PIL import Image
from readers import epubcheck

from publisher import build

NS = {
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
    "xhtml": "http://www.w3.org/1999/xhtml",
    "epub": "http://www.idpf.org/2007/ops",
}
EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"
GOLDEN = Path(__file__).resolve().parent / "golden"
ACE = REPO / "tools" / "ace"
SLUGS = [*(p.name for p in PUBLICATIONS), "book", "mixed", "poetry", "figures"]  # every publication, and the fixtures


def read(epub: Path, name: str) -> bytes:
    with zipfile.ZipFile(epub) as archive:
        return archive.read(name)


def package(epub: Path) -> ElementTree.Element:
    return ElementTree.fromstring(read(epub, "EPUB/content.opf"))


def properties(epub: Path) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for meta in package(epub).find("opf:metadata", NS).findall("opf:meta", NS):
        if meta.get("property") and not meta.get("refines"):
            found.setdefault(meta.get("property"), []).append(meta.text)
    return found


@cache
def ace_report(epub: Path) -> dict:
    """DAISY Ace's report on an EPUB (axe-core in Debian's chromium; installed by .ci/run)."""
    runner = ACE / "node_modules" / ".bin" / "ace-puppeteer"
    assert runner.exists(), "DAISY Ace is not installed: npm ci --prefix tools/ace (see tools/ace/README.md)"
    out = epub.parent / f"ace-{epub.stem}"
    env = {**os.environ, "PUPPETEER_EXECUTABLE_PATH": str(ACE / "chromium-headless.sh"), "ACE_TIMEOUT_INITIAL": "60000"}
    result = subprocess.run(
        [str(runner), "-s", "-f", "-o", str(out), str(epub)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads((out / "report.json").read_text())


# Validators -----------------------------------------------------------------------------------


@pytest.mark.parametrize("slug", SLUGS)
def test_epubcheck_reports_nothing_but_the_font_face_usage_note(built: Built, slug: str) -> None:
    """0 fatals, 0 errors, 0 warnings; of the usage notes only CSS-028 (the book embeds fonts on purpose)."""
    messages = epubcheck(built.artifact(slug, "epub"))
    assert [(m["ID"], m["severity"]) for m in messages] == [("CSS-028", "USAGE")], messages


@pytest.mark.parametrize("slug", SLUGS)
def test_daisy_ace_finds_no_violation(built: Built, slug: str) -> None:
    report = ace_report(built.artifact(slug, "epub"))
    violations = [
        (document["earl:testSubject"]["url"], a["earl:test"]["dct:title"], a["earl:result"]["dct:description"])
        for document in report["assertions"]
        for a in document["assertions"]
    ]
    assert violations == []
    assert report["earl:result"]["earl:outcome"] == "pass"


# Accessibility --------------------------------------------------------------------------------


def test_accessibility_metadata(built: Built) -> None:
    seed, book = properties(built.artifact(SEED, "epub")), properties(built.artifact("book", "epub"))
    assert seed["schema:accessMode"] == ["textual"]
    assert seed["schema:accessModeSufficient"] == ["textual"]
    assert {"structuralNavigation", "tableOfContents", "readingOrder", "displayTransformability"} <= set(
        seed["schema:accessibilityFeature"]
    )
    assert seed["schema:accessibilityHazard"] == ["none"]
    assert seed["dcterms:conformsTo"] == ["EPUB Accessibility 1.1 - WCAG 2.2 Level AA"]
    summary = seed["schema:accessibilitySummary"][0]
    assert re.search("[\u0600-\u06ff]", summary) and not re.search("[A-Za-z]", summary)  # in Arabic
    # The book has an image with alt text: that is declared too.
    assert "alternativeText" in book["schema:accessibilityFeature"]
    assert book["schema:accessMode"] == ["textual", "visual"]
    assert package(built.artifact(SEED, "epub")).get("{http://www.w3.org/XML/1998/namespace}lang") == "ar"


def test_nav_has_landmarks(built: Built) -> None:
    nav = ElementTree.fromstring(read(built.artifact("book", "epub"), "EPUB/nav.xhtml"))
    landmarks = next(n for n in nav.iter(f"{{{NS['xhtml']}}}nav") if n.get(EPUB_TYPE) == "landmarks")
    links = [(a.get(EPUB_TYPE), a.get("href")) for a in landmarks.iter(f"{{{NS['xhtml']}}}a")]
    assert links == [
        ("cover", "cover.xhtml"),
        ("titlepage", "titlepage.xhtml"),
        ("copyright-page", "imprint.xhtml"),
        ("toc", "nav.xhtml#toc"),
        ("bodymatter", "ch01.xhtml"),
    ]


def test_semantics_have_matching_roles_and_headings_do_not_skip(built: Built) -> None:
    roles = {"chapter": "doc-chapter", "toc": "doc-toc", "footnote": "doc-footnote", "cover": "doc-cover"}
    with zipfile.ZipFile(built.artifact("book", "epub")) as archive:
        for name in (n for n in archive.namelist() if n.endswith(".xhtml")):
            root = ElementTree.fromstring(archive.read(name))
            for element in root.iter():
                kind = element.get(EPUB_TYPE)
                # body carries the document's own type; landmark links only point at others
                if kind in roles and element.tag not in {f"{{{NS['xhtml']}}}body", f"{{{NS['xhtml']}}}a"}:
                    assert element.get("role") == roles[kind], (name, kind)
            levels = [int(e.tag[-1]) for e in root.iter() if re.fullmatch(r"\{.*\}h[1-6]", e.tag)]
            assert all(b <= a + 1 for a, b in zip([0, *levels], levels, strict=False)), (name, levels)


def test_footnotes_are_epub3_footnotes_with_back_links(built: Built) -> None:
    chapter = ElementTree.fromstring(read(built.artifact("book", "epub"), "EPUB/ch01.xhtml"))
    asides = [e for e in chapter.iter(f"{{{NS['xhtml']}}}aside")]
    assert [(a.get(EPUB_TYPE), a.get("role"), a.get("id")) for a in asides] == [
        ("footnote", "doc-footnote", "fn-ch01-1")
    ]
    links = {a.get("href"): a for a in chapter.iter(f"{{{NS['xhtml']}}}a")}
    assert links["#fn-ch01-1"].get(EPUB_TYPE) == "noteref"
    assert links["#fnref-ch01-1"].get("role") == "doc-backlink"


# Fonts ----------------------------------------------------------------------------------------


def embedded_font(epub: Path, name: str) -> TTFont:
    return TTFont(io.BytesIO(read(epub, f"EPUB/fonts/{name}")))


@cache
def opened(font_bytes: bytes) -> tuple[Any, Any, list[str]]:
    """HarfBuzz's font, and fontTools' glyphs and glyph order, of a font: read once, not once a word."""
    import uharfbuzz as hb

    font = TTFont(io.BytesIO(font_bytes))
    return hb.Font(hb.Face(font_bytes)), font.getGlyphSet(), font.getGlyphOrder()


def shaped(font_bytes: bytes, text: str) -> list[tuple]:
    """What HarfBuzz draws for `text`: each glyph's outline and its placement."""
    import uharfbuzz as hb

    font, glyphs, order = opened(font_bytes)
    buffer = hb.Buffer()
    buffer.add_str(text)
    buffer.guess_segment_properties()
    hb.shape(font, buffer)
    drawn = []
    for info, pos in zip(buffer.glyph_infos, buffer.glyph_positions, strict=True):
        pen = DecomposingRecordingPen(glyphs)
        glyphs[order[info.codepoint]].draw(pen)
        drawn.append((tuple(pen.value), pos.x_advance, pos.x_offset, pos.y_offset))
    return drawn


def test_subset_font_shapes_every_word_like_the_full_font(built: Built) -> None:
    """Lam-alef ligatures, joining forms and marks survive: same outlines at the same places."""
    epub = built.artifact(SEED, "epub")
    subset = read(epub, "EPUB/fonts/Amiri-Regular.ttf")
    full = (REPO / "fonts" / "Amiri-Regular.ttf").read_bytes()
    assert len(subset) < len(full) / 4
    text = (REPO / "source" / SEED / "article.txt").read_text(encoding="utf-8")
    words = sorted(set(text.split()))
    lam_alef = [w for w in words if re.search("ل[اأإآ]", w)]
    assert {"الاجتماعي", "لإعداد", "الأسرة"} <= set(lam_alef)
    for word in words:
        assert shaped(subset, word) == shaped(full, word), word
    # Amiri draws lam-alef with special lam and alef forms: the pair shapes unlike the two letters kept apart.
    assert shaped(subset, "لا") == shaped(full, "لا") != shaped(subset, "ل\u200cا")


def test_fonts_are_declared_with_the_core_media_type(built: Built) -> None:
    items = package(built.artifact(SEED, "epub")).find("opf:manifest", NS)
    fonts = {i.get("href"): i.get("media-type") for i in items if i.get("href").startswith("fonts/")}
    assert fonts == {"fonts/Amiri-Bold.ttf": "font/ttf", "fonts/Amiri-Regular.ttf": "font/ttf"}


def test_seed_epub_is_smaller_than_a_pandoc_epub_embedding_amiri_whole(built: Built) -> None:
    """pandoc 2.17's EPUB of the seed, embedding Amiri Regular whole, is about 248 KB."""
    assert built.artifact(SEED, "epub").stat().st_size < 200_000


# Cover ----------------------------------------------------------------------------------------


def cover_item(epub: Path) -> ElementTree.Element:
    return next(i for i in package(epub).find("opf:manifest", NS) if i.get("properties") == "cover-image")


def test_generated_cover_is_a_png_declared_as_cover_image(built: Built) -> None:
    epub = built.artifact(SEED, "epub")
    item = cover_item(epub)
    assert (item.get("href"), item.get("media-type")) == ("images/cover.png", "image/png")
    image = Image.open(io.BytesIO(read(epub, "EPUB/images/cover.png")))
    assert image.size == (1600, 2400)
    assert len(image.convert("RGB").getcolors(maxcolors=4096) or ()) > 8  # text was drawn on the background
    cover_page = ElementTree.fromstring(read(epub, "EPUB/cover.xhtml"))
    img = next(cover_page.iter(f"{{{NS['xhtml']}}}img"))
    assert img.get("alt").endswith("استراتيجية القطب الاجتماعي 2021-2026")


def test_manifest_cover_is_used_as_is(built: Built) -> None:
    epub = built.artifact("book", "epub")
    item = cover_item(epub)
    assert (item.get("href"), item.get("media-type")) == ("images/cover.jpg", "image/jpeg")
    assert read(epub, "EPUB/images/cover.jpg") == (FIXTURES / "book" / "cover.jpg").read_bytes()


def test_images_of_the_text_are_shipped(built: Built) -> None:
    epub = built.artifact("book", "epub")
    assert read(epub, "EPUB/img/diagram.png") == (FIXTURES / "book" / "img" / "diagram.png").read_bytes()
    assert 'src="img/diagram.png" alt="رسم: دائرة فاتحة داخل إطار ذهبي"' in read(epub, "EPUB/ch02.xhtml").decode()


# Reproducible ---------------------------------------------------------------------------------


def test_source_date_epoch_wins_and_fixes_every_timestamp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01T00:00:00Z
    runs = []
    for name in ("one", "two"):
        root = make_workspace(tmp_path / name, REPO / "source" / SEED)
        build(root, formats=["epub"])
        runs.append((root / "dist" / f"{SEED}.epub").read_bytes())
    assert runs[0] == runs[1]
    epub = tmp_path / "one" / "dist" / f"{SEED}.epub"
    assert properties(epub)["dcterms:modified"] == ["2026-01-01T00:00:00Z"]
    with zipfile.ZipFile(epub) as archive:
        assert {i.date_time for i in archive.infolist()} == {(2026, 1, 1, 0, 0, 0)}


def test_without_a_date_the_last_commit_dates_the_book(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    root = make_workspace(tmp_path / "ws", FIXTURES / "book")
    manifest = root / "source" / "book" / "manifest.toml"
    manifest.write_text(manifest.read_text().replace("date = 2026-11-02\n", ""))
    git = {
        "GIT_AUTHOR_DATE": "2026-03-04T05:06:07Z",
        "GIT_COMMITTER_DATE": "2026-03-04T05:06:07Z",
        "GIT_AUTHOR_NAME": "ci",
        "GIT_AUTHOR_EMAIL": "ci@localhost",
        "GIT_COMMITTER_NAME": "ci",
        "GIT_COMMITTER_EMAIL": "ci@localhost",
    }
    for command in (["init", "-q"], ["add", "."], ["commit", "-qm", "source"]):
        subprocess.run(["git", *command], cwd=root, env={**os.environ, **git}, check=True)
    build(root, formats=["epub"])
    assert properties(root / "dist" / "book.epub")["dcterms:modified"] == ["2026-03-04T05:06:07Z"]


# Golden copies --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["content.opf", "ch01.xhtml", "nav.xhtml", "imprint.xhtml"])
def test_seed_matches_its_golden_copy(built: Built, name: str) -> None:
    """A change to these files must be intended: UPDATE_GOLDEN=1 python -m pytest tests/test_epub.py -k golden."""
    produced = read(built.artifact(SEED, "epub"), f"EPUB/{name}")
    golden = GOLDEN / SEED / name
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(produced)
    assert produced.decode() == golden.read_text(encoding="utf-8")


def test_bad_cover_is_refused(tmp_path: Path) -> None:
    root = make_workspace(tmp_path / "ws", FIXTURES / "book")
    shutil.copy(FIXTURES / "book" / "a-second.md", root / "source" / "book" / "cover.jpg")
    from publisher.errors import InputError

    with pytest.raises(InputError, match=r"'cover' \"cover.jpg\" is not a JPEG image"):
        build(root)
