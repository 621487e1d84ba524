"""The manifest schema: defaults, derived values, and every problem collected with file and key."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import REPO

from publisher.errors import ManifestError
from publisher.source.languages import text_direction
from publisher.source.manifest import default_identifier, load_manifest, schema_keys


def write(folder: Path, manifest: str, **texts: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "manifest.toml").write_text(manifest, encoding="utf-8")
    for name, text in (texts or {"article.txt": "نص."}).items():
        (folder / name.replace("_", ".")).write_text(text, encoding="utf-8")
    return folder


def test_defaults_are_filled(tmp_path: Path) -> None:
    folder = write(
        tmp_path / "source" / "daily",
        'title = "عنوان"\nauthors = ["هيئة التحرير"]\n',
        b_md="# ب",
        a_txt="أ",
        notes_rst="ignored",
    )
    m = load_manifest(folder)
    assert (m.language, m.direction, m.numerals, m.pdf.page_size) == ("ar", "rtl", "auto", "A5")
    assert m.identifier == default_identifier("daily")
    assert [p.name for p in m.text_files] == ["a.txt", "b.md"]
    assert (m.subtitle, m.date, m.subjects) == (None, None, [])


def test_identifier_is_stable_and_differs_per_slug() -> None:
    assert default_identifier("a") == default_identifier("a") != default_identifier("b")
    assert default_identifier("a").startswith("urn:uuid:")


@pytest.mark.parametrize(
    ("tag", "direction"),
    [
        ("ar", "rtl"),
        ("ar-MA", "rtl"),
        ("fa", "rtl"),
        ("he", "rtl"),
        ("fr", "ltr"),
        ("en-GB", "ltr"),
        ("zgh", "ltr"),
        ("ber-Tfng", "ltr"),
        ("ber-Arab", "rtl"),
        ("ar-Latn", "ltr"),
    ],
)
def test_direction_follows_the_language(tag: str, direction: str) -> None:
    assert text_direction(tag) == direction


def test_explicit_values_are_kept(tmp_path: Path) -> None:
    folder = write(
        tmp_path / "source" / "b",
        """
title = "Le carnet"
authors = ["La rédaction"]
language = "fr"
direction = "rtl"
identifier = "isbn:9780000000000"
date = 2026-01-31
subjects = ["essai"]
text = ["two.md", "one.md"]
numerals = "latin"
[pdf]
page-size = "140mm 210mm"
""",
        one_md="# Un",
        two_md="# Deux",
    )
    m = load_manifest(folder)
    assert (m.direction, m.identifier, m.date, m.numerals) == (
        "rtl",
        "isbn:9780000000000",
        dt.date(2026, 1, 31),
        "latin",
    )
    assert [p.name for p in m.text_files] == ["two.md", "one.md"]
    assert m.pdf.page_size == "140mm 210mm"


def test_marks_and_slug_are_checked(tmp_path: Path) -> None:
    manifest = 'title = "t"\nauthors = ["a"]\n[pdf]\nmarks = "registration"\nslug = "4mm"\n'
    folder = write(tmp_path / "source" / "x", manifest, a_md="x")
    with pytest.raises(ManifestError) as caught:
        load_manifest(folder)
    assert caught.value.messages == [
        'source/x/manifest.toml: \'pdf.marks\' must be "crop", "crop cross" or "none", got "registration"',
        "source/x/manifest.toml: 'pdf.slug' must be a length of at least 6 mm (room for 5 mm marks), got \"4mm\"",
    ]
    folder = write(
        tmp_path / "source" / "y", manifest.replace("registration", "none").replace("4mm", "0.25in"), a_md="x"
    )
    assert (load_manifest(folder).pdf.marks, load_manifest(folder).pdf.slug) == ("none", "0.25in")


def test_an_output_profile_must_be_a_cmyk_printer_profile_in_the_workspace(tmp_path: Path) -> None:
    import weasyprint

    srgb = Path(weasyprint.__file__).parent / "pdf" / "sRGB2014.icc"
    (tmp_path / "colour").mkdir()
    (tmp_path / "colour" / "screen.icc").write_bytes(srgb.read_bytes())
    (tmp_path / "colour" / "notes.txt").write_text("not a profile")
    cut = (Path(__file__).parent.parent / "colour" / "Artifex-CMYK-SWOP.icc").read_bytes()[:300]
    (tmp_path / "colour" / "cut.icc").write_bytes(cut)
    problems = {}
    for name, value in {
        "rgb": "colour/screen.icc",
        "text": "colour/notes.txt",
        "gone": "colour/x.icc",
        "out": "../x.icc",
        "cut": "colour/cut.icc",
    }.items():
        manifest = f'title = "t"\nauthors = ["a"]\n[pdf]\nstandard = "pdf/x-4"\noutput-profile = "{value}"\n'
        folder = write(tmp_path / "source" / name, manifest, a_md="x")
        with pytest.raises(ManifestError) as caught:
            load_manifest(folder)
        problems[name] = caught.value.messages[0].split(": ", 1)[1]
    assert problems == {
        "rgb": "'pdf.output-profile' \"colour/screen.icc\" must be a CMYK printer (output) profile, not mntr/RGB",
        "text": "'pdf.output-profile' \"colour/notes.txt\" is not an ICC profile",
        "gone": "'pdf.output-profile' \"colour/x.icc\" does not exist (relative to the workspace)",
        "out": "'pdf.output-profile' \"../x.icc\" must be a path inside the workspace",
        "cut": "'pdf.output-profile' \"colour/cut.icc\" is damaged: its header says 187484 bytes",
    }


def test_the_old_place_of_numerals_is_named(tmp_path: Path) -> None:
    folder = write(tmp_path / "source" / "x", 'title = "t"\nauthors = ["a"]\n[pdf]\nnumerals = "latin"\n', a_md="x")
    with pytest.raises(ManifestError) as caught:
        load_manifest(folder)
    assert caught.value.messages == [
        "source/x/manifest.toml: 'pdf.numerals' has moved to the top of the manifest as 'numerals' "
        "(it sets the EPUB's digits too)"
    ]


def test_all_problems_are_reported_together(tmp_path: Path) -> None:
    folder = write(
        tmp_path / "source" / "x",
        """
authors = "هيئة التحرير"
subtitel = "typo"
language = "arabic language"
text = ["missing.md"]
[pdf]
page-size = "huge"
colour = "red"
""",
    )
    with pytest.raises(ManifestError) as caught:
        load_manifest(folder)
    assert caught.value.messages == [
        "source/x/manifest.toml: unknown key 'subtitel' (did you mean 'subtitle'?)",
        "source/x/manifest.toml: 'title' is required",
        "source/x/manifest.toml: 'authors' must be a list of non-empty strings, got \"هيئة التحرير\"",
        "source/x/manifest.toml: unknown key 'pdf.colour'",
        'source/x/manifest.toml: \'language\' must be a BCP 47 tag such as "ar" or "ar-MA", got "arabic language"',
        "source/x/manifest.toml: 'pdf.page-size' must be a page name (A4, A5, B5, letter) or two lengths "
        '("140mm 210mm"), got "huge"',
        "source/x/manifest.toml: 'text' entry \"missing.md\" does not exist",
    ]


@pytest.mark.parametrize("size", ["A4", "a5", "B5", "letter", "JIS-B5", "A5 landscape", "140mm 210mm", "5.5in 8.5in"])
def test_page_sizes_accepted(tmp_path: Path, size: str) -> None:
    folder = write(tmp_path / "source" / "p", f'title = "t"\nauthors = ["a"]\n[pdf]\npage-size = "{size}"\n')
    assert load_manifest(folder).pdf.page_size == size


def test_bom_in_manifest_is_accepted(tmp_path: Path) -> None:
    folder = write(tmp_path / "source" / "bom", '\ufefftitle = "t"\r\nauthors = ["a"]\r\n')
    assert load_manifest(folder).title == "t"


def test_every_key_is_documented_in_the_readme() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for key, doc in schema_keys().items():
        assert f"`{key.split('.')[-1]}`" in readme, key
        assert doc.strip()


def test_the_layout_follows_the_number_of_text_files_unless_given(tmp_path: Path) -> None:
    one = write(tmp_path / "source" / "one", 'title = "t"\nauthors = ["a"]\n')
    two = write(tmp_path / "source" / "two", 'title = "t"\nauthors = ["a"]\n', a_md="# أ", b_md="# ب")
    assert (load_manifest(one).pdf.layout, load_manifest(two).pdf.layout) == ("article", "book")
    given = write(tmp_path / "source" / "given", 'title = "t"\nauthors = ["a"]\n[pdf]\nlayout = "book"\n')
    assert load_manifest(given).pdf.layout == "book"
    wrong = write(tmp_path / "source" / "wrong", 'title = "t"\nauthors = ["a"]\n[pdf]\nlayout = "magazine"\n')
    with pytest.raises(ManifestError) as caught:
        load_manifest(wrong)
    assert caught.value.messages == [
        'source/wrong/manifest.toml: \'pdf.layout\' must be "article" or "book", got "magazine"'
    ]


@pytest.mark.parametrize(
    ("identifier", "isbn", "problem"),
    [
        ("978-0-306-40615-7", "978-0-306-40615-7", None),
        ("9780306406157", "9780306406157", None),
        ("urn:isbn:978-0-306-40615-7", "978-0-306-40615-7", None),
        ("URN:ISBN:0-306-40615-2", "0-306-40615-2", None),  # an ISBN-10, said to be one
        ("urn:uuid:8a3b4f0e-2c41-5d7a-9e63-0b1f6c2d4e85", None, None),
        ("https://example.org/book/9780306406158", None, None),  # not an ISBN: not checked
        ("978-0-306-40615-8", None, "has a wrong check digit: the last digit must be 7, not 8 (a typo in the ISBN?)"),
        (
            "urn:isbn:0-306-40615-3",
            None,
            "has a wrong check digit: the last digit must be 2, not 3 (a typo in the ISBN?)",
        ),
        (
            "urn:isbn:12345",
            None,
            "is not an ISBN: an ISBN-13 is 978 or 979 and ten more digits, such as 978-0-306-40615-7",
        ),
    ],
)
def test_an_isbn_identifier_is_recognised_and_its_check_digit_verified(
    tmp_path: Path, identifier: str, isbn: str | None, problem: str | None
) -> None:
    folder = write(tmp_path / "source" / "x", f'title = "t"\nauthors = ["a"]\nidentifier = "{identifier}"\n')
    if problem is None:
        manifest = load_manifest(folder)
        assert (manifest.identifier, manifest.isbn) == (identifier, isbn)
        return
    with pytest.raises(ManifestError) as caught:
        load_manifest(folder)
    assert caught.value.messages == [f"source/x/manifest.toml: 'identifier' \"{identifier}\" {problem}"]


def test_edition_is_an_optional_string(tmp_path: Path) -> None:
    folder = write(tmp_path / "source" / "x", 'title = "t"\nauthors = ["a"]\nedition = "الطبعة الثانية"\n')
    assert load_manifest(folder).edition == "الطبعة الثانية"
    assert load_manifest(write(tmp_path / "source" / "y", 'title = "t"\nauthors = ["a"]\n')).edition is None
    bad = write(tmp_path / "source" / "z", 'title = "t"\nauthors = ["a"]\nedition = 2\n')
    with pytest.raises(ManifestError) as caught:
        load_manifest(bad)
    assert caught.value.messages == ["source/z/manifest.toml: 'edition' must be a string, got 2"]
