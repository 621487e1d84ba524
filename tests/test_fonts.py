"""Fonts: found by file name with workspace overrides, and a character no font draws is an input error."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import REPO

from publisher.errors import FontCoverageError
from publisher.source.fonts import load_fonts
from publisher.source.manifest import load_manifest
from publisher.source.reader import read_document


def test_packaged_fonts_are_amiri_then_its_fallbacks_then_mono_each_with_its_licence() -> None:
    fonts = load_fonts((REPO / "fonts",))
    families = (
        "Amiri",
        "Noto Serif",
        "Noto Sans Symbols2",
        "Noto Sans Math",
        "Noto Music",
        "Noto Sans Syriac",
        "Noto Serif Hebrew",
        "Noto Sans Tifinagh",
    )
    assert fonts.families == families
    assert fonts.monospace == ("Noto Sans Mono",)
    amiri = sorted((f.weight, f.style) for f in fonts.faces if f.family == "Amiri")
    assert amiri == [(400, "italic"), (400, "normal"), (700, "italic"), (700, "normal")]
    licences = (
        "OFL-Amiri.txt",
        "OFL-NotoSerif.txt",
        "OFL-NotoSansSymbols2.txt",
        "OFL-NotoSansMath.txt",
        "OFL-NotoMusic.txt",
        "OFL-NotoSansSyriac.txt",
        "OFL-NotoSerifHebrew.txt",
        "OFL-NotoSansTifinagh.txt",
    )
    for licence in (*licences, "OFL-NotoSansMono.txt"):
        assert (REPO / "fonts" / licence).read_text().count("SIL OPEN FONT LICENSE Version 1.1") == 1
    assert all(face.licence == "SIL Open Font License 1.1" for face in fonts.faces)
    assert fonts.family_for("ب") == "Amiri" and fonts.family_for("ⴰ") == "Noto Sans Tifinagh"
    assert fonts.family_for("ש") == "Noto Serif Hebrew" and fonts.family_for("ܐ") == "Noto Sans Syriac"
    assert fonts.family_for("♩") == "Noto Music" and fonts.family_for("♭") == "Noto Sans Math"  # (a tempo's note)


@pytest.mark.parametrize(
    ("char", "family"),
    [
        ("x", "Amiri"),  # Amiri's own Latin, digits and signs come first
        ("\u00b1", "Amiri"),
        ("\u221a", "Amiri"),
        ("\u0394", "Noto Serif"),  # Greek and Cyrillic in a text face, though Noto Sans Math draws Greek too
        ("\u03b1", "Noto Serif"),
        ("\u0416", "Noto Serif"),
        ("\u2260", "Noto Sans Math"),  # what only the math face draws: relations, operators, arrows
        ("\u2248", "Noto Sans Math"),
        ("\u2211", "Noto Sans Math"),
        ("\u2192", "Noto Sans Math"),
        ("\u25b2", "Noto Sans Symbols2"),  # a market table's "▲ +1.5%" and "▼ −0.7%", a list's "✓", "★"
        ("\u25bc", "Noto Sans Symbols2"),
        ("\u2713", "Noto Sans Symbols2"),
        ("\u2605", "Noto Sans Symbols2"),
    ],
)
def test_a_character_amiri_lacks_falls_back_to_a_text_face_before_a_specialised_one(char: str, family: str) -> None:
    """A science lesson's "Δ = b² − 4ac", "a ≠ 0" and "√2 ≈ 1.414" were refused, no font drawing Δ, ≠ or ≈."""
    assert load_fonts((REPO / "fonts",)).family_for(char) == family


def test_a_character_that_needs_no_glyph_reaches_no_fallback() -> None:
    """Noto Serif maps the isolates and the WORD JOINER the typesetting adds: taken for drawn, they made every
    e-book with a Latin run embed it, and shaped the measure's sample in it (lyon-arabic's margins moved 2 pt)."""
    fonts = load_fonts((REPO / "fonts",))
    assert [fonts.family_for(c) for c in "\u2066\u2069\u2060\u200f"] == [None] * 4
    assert fonts.reaching(set("\u2066ب x\u2069\u2060")).families == ("Amiri",)


def test_a_workspace_font_replaces_the_packaged_file_of_the_same_name(tmp_path: Path) -> None:
    own = tmp_path / "fonts"
    own.mkdir()
    shutil.copy(REPO / "fonts" / "Amiri-Bold.ttf", own / "Amiri-Regular.ttf")
    fonts = load_fonts((own, REPO / "fonts"))
    regular = [f for f in fonts.faces if f.path.name == "Amiri-Regular.ttf"]
    assert [f.path.parent for f in regular] == [own]
    assert len(fonts.faces) == len(list((REPO / "fonts").glob("*.ttf")))


def test_a_monospace_face_sets_code_only_and_reaches_an_ebook_only_with_code() -> None:
    """Noto Sans Mono draws Latin letters, arrows and box drawing, but running text never falls back
    on it: only code's stack starts with it (and goes on to Amiri for Arabic)."""
    fonts = load_fonts((REPO / "fonts",))
    assert fonts.family_for("a") == "Amiri" and fonts.family_for("a", code=True) == "Noto Sans Mono"
    assert fonts.family_for("ب", code=True) == "Amiri"
    assert not fonts.covers("\u2500") and fonts.covers("\u2500", code=True)  # BOX DRAWINGS LIGHT HORIZONTAL
    assert "Noto Sans Mono" not in fonts.reaching(set("abc ب")).every_family
    reached = fonts.reaching(set("abc ب"), code=True)
    assert reached.families == ("Amiri",) and reached.monospace == ("Noto Sans Mono",)
    assert "NotoSansMono-Regular.ttf" in {f.path.name for f in reached.faces}


def test_a_character_only_the_monospace_face_draws_is_an_error_outside_code(tmp_path: Path) -> None:
    folder = tmp_path / "source" / "boxes"
    folder.mkdir(parents=True)
    (folder / "manifest.toml").write_text('title = "جدول"\nauthors = ["أ"]\n', encoding="utf-8")
    (folder / "a.md").write_text("رسم `┌─┐` في الشيفرة\n\n```\n└─┘\n```\n\nوخارجها ─\n", encoding="utf-8")
    manifest = load_manifest(folder)
    with pytest.raises(FontCoverageError) as caught:
        load_fonts((REPO / "fonts",)).check_coverage(manifest, read_document(manifest))
    assert [m.split(": no font")[0] for m in caught.value.messages] == [
        "U+2500 BOX DRAWINGS LIGHT HORIZONTAL in source/boxes/a.md line 1"
    ]


def test_uncovered_character_names_code_point_file_and_line(tmp_path: Path) -> None:
    folder = tmp_path / "source" / "city"
    folder.mkdir(parents=True)
    (folder / "manifest.toml").write_text('title = "المدينة ሀ"\nauthors = ["أ"]\n', encoding="utf-8")
    (folder / "city.md").write_text("# أكادير ⴰⴳⴰⴷⵉⵔ\n\nسطر\n\nአዲስ አበባ\n", encoding="utf-8")
    manifest = load_manifest(folder)
    with pytest.raises(FontCoverageError) as caught:
        load_fonts((REPO / "fonts",)).check_coverage(manifest, read_document(manifest))
    assert [m.split(": no font")[0] for m in caught.value.messages] == [
        "U+1235 ETHIOPIC SYLLABLE SE, U+1260 ETHIOPIC SYLLABLE BA, U+1263 ETHIOPIC SYLLABLE BAA and 2 more "
        "in source/city/city.md line 5",
        "U+1200 ETHIOPIC SYLLABLE HA in source/city/manifest.toml 'title'",
    ]
    fallbacks = (
        "Amiri, Noto Serif, Noto Sans Symbols2, Noto Sans Math, Noto Music, Noto Sans Syriac, "
        "Noto Serif Hebrew, Noto Sans Tifinagh"
    )
    assert caught.value.messages[0].endswith(f"add a font that covers it to fonts/ (now: {fallbacks})")


def test_the_machine_has_a_font_that_would_stand_in(tmp_path: Path) -> None:
    """The hermetic test below means something only if a system font could fill the gap."""
    import os
    import subprocess

    machine = {k: v for k, v in os.environ.items() if k != "FONTCONFIG_FILE"}  # the machine's own fontconfig
    listed = subprocess.run(
        ["fc-list", ":charset=2302", "family"], capture_output=True, text=True, check=True, env=machine
    )
    assert "DejaVu Sans" in listed.stdout


def test_no_font_of_the_machine_reaches_the_pdf(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With the coverage check out of the way, "⌂" would come from DejaVu Sans under the machine's fontconfig
    (Noto Sans Symbols 2 draws "➔", which this test used before); publish's empty fontconfig leaves only fonts/."""
    from readers import embedded_fonts

    from publisher import build
    from publisher.source.fonts import FontSet

    monkeypatch.setattr(FontSet, "check_coverage", lambda self, manifest, document, generated: None)
    # and the read-back that refuses a PDF drawing .notdef, which is what this one does
    monkeypatch.setattr("publisher.builder.audit.audit_artifact", lambda *args: None)
    root = tmp_path / "ws"
    folder = root / "source" / "arrows"
    folder.mkdir(parents=True)
    (folder / "manifest.toml").write_text('title = "أسهم"\nauthors = ["أ"]\n', encoding="utf-8")
    (folder / "a.md").write_text("بيت ⌂ هنا\n", encoding="utf-8")
    build(root, formats=["pdf"])
    fonts = embedded_fonts((root / "dist" / "arrows.pdf").read_bytes())
    assert not any("DejaVu" in name for name in fonts), fonts
    assert all("Amiri" in name for name in fonts), fonts


def test_a_pdf_with_a_stranger_font_is_refused() -> None:
    from types import SimpleNamespace

    from publisher.errors import BuildError
    from publisher.pdf.render import _finish

    document = SimpleNamespace(fonts={"a": SimpleNamespace(family="Amiri"), "b": SimpleNamespace(family="DejaVu Sans")})
    with pytest.raises(BuildError, match="the PDF would embed DejaVu Sans, which is not in fonts/"):
        _finish(document, SimpleNamespace(catalog={}), families=("Amiri",), screen=False, rtl=False)


def test_woff2_font_keeps_the_subset_and_is_made_once_per_content(tmp_path: Path) -> None:
    """What a web page gets (typeset/subset.woff2_font): the subset's glyphs and tables in a WOFF2 that
    fontTools reads back, kept under .publish-cache/fonts/ by content and not made again."""
    import io

    from fontTools.ttLib import TTFont

    from publisher.typeset import subset

    [face] = [f for f in load_fonts((REPO / "fonts",)).faces if f.path.name == "Amiri-Regular.ttf"]
    characters = set("بسم الله 2026")
    data = subset.woff2_font(face, characters, tmp_path)
    kept = list((tmp_path / "fonts").iterdir())
    assert len(kept) == 1 and kept[0].suffix == ".woff2"
    with TTFont(io.BytesIO(data)) as web, TTFont(io.BytesIO(subset.subset_face(face, characters))) as ttf:
        assert web.flavor == "woff2"
        assert web.getGlyphOrder() == ttf.getGlyphOrder()
        assert web["GSUB"].compile(web) == ttf["GSUB"].compile(ttf)
        assert web.getBestCmap() == ttf.getBestCmap()
    subset._woff2.cache_clear()
    assert subset.woff2_font(face, characters, tmp_path) == data  # read back from the kept file
    assert subset._woff2.cache_info().misses == 0
    copy = tmp_path / "copy" / face.path.name  # the same bytes elsewhere: the same font
    copy.parent.mkdir()
    shutil.copy(face.path, copy)
    assert subset.woff2_font(type(face)(copy, face.family, face.weight, face.style), characters, tmp_path) == data
    assert subset._woff2.cache_info().misses == 0
    assert len(list((tmp_path / "fonts").iterdir())) == 1
