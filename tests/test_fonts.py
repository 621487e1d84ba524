"""Fonts: found by file name with workspace overrides, and a character no font draws is an input error."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import REPO

from publisher.errors import FontCoverageError
from publisher.fonts import load_fonts
from publisher.manifest import load_manifest
from publisher.reader import read_document


def test_packaged_fonts_are_the_four_amiri_faces() -> None:
    fonts = load_fonts((REPO / "fonts",))
    assert fonts.families == ("Amiri",)
    assert sorted((f.weight, f.style) for f in fonts.faces) == [
        (400, "italic"),
        (400, "normal"),
        (700, "italic"),
        (700, "normal"),
    ]
    assert (REPO / "fonts" / "OFL-Amiri.txt").read_text().count("SIL OPEN FONT LICENSE Version 1.1") == 1


def test_a_workspace_font_replaces_the_packaged_file_of_the_same_name(tmp_path: Path) -> None:
    own = tmp_path / "fonts"
    own.mkdir()
    shutil.copy(REPO / "fonts" / "Amiri-Bold.ttf", own / "Amiri-Regular.ttf")
    fonts = load_fonts((own, REPO / "fonts"))
    regular = [f for f in fonts.faces if f.path.name == "Amiri-Regular.ttf"]
    assert [f.path.parent for f in regular] == [own]
    assert len(fonts.faces) == 4


def test_uncovered_character_names_code_point_file_and_line(tmp_path: Path) -> None:
    folder = tmp_path / "source" / "city"
    folder.mkdir(parents=True)
    (folder / "manifest.toml").write_text('title = "المدينة ⵣ"\nauthors = ["أ"]\n', encoding="utf-8")
    (folder / "city.md").write_text("# أكادير\n\nسطر\n\nⴰⴳⴰⴷⵉⵔ\n", encoding="utf-8")
    manifest = load_manifest(folder)
    with pytest.raises(FontCoverageError) as caught:
        load_fonts((REPO / "fonts",)).check_coverage(manifest, read_document(manifest))
    assert [m.split(": no font")[0] for m in caught.value.messages] == [
        "U+2D30 TIFINAGH LETTER YA, U+2D33 TIFINAGH LETTER YAG, U+2D37 TIFINAGH LETTER YAD and 2 more "
        "in source/city/city.md line 5",
        "U+2D63 TIFINAGH LETTER YAZ in source/city/manifest.toml 'title'",
    ]
    assert caught.value.messages[0].endswith("add a font that covers it to fonts/ (now: Amiri)")
