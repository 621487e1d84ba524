"""Absurd values and characters that are not text are input errors naming the file (exit 2), never a
crash (exit 1) deep in a renderer: sizes, dates, SOURCE_DATE_EPOCH, fonts, separators in titles."""

from __future__ import annotations

import io
import struct
from pathlib import Path

import pytest
from conftest import REPO, make_workspace, run_publish

import publisher
from publisher.errors import InputError, ManifestError, ResourceError, SourceError
from publisher.source.fonts import load_fonts
from publisher.source.manifest import load_manifest
from publisher.source.reader import read_text


def manifest_with(tmp_path: Path, extra: str, title: str = "عنوان") -> Path:
    folder = tmp_path / "source" / "pub"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "manifest.toml").write_text(f'title = "{title}"\nauthors = ["أ"]\n{extra}', encoding="utf-8")
    (folder / "article.txt").write_text("نص.", encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("pdf", "complaint"),
    [
        ('page-size = "0mm 0mm"', "'pdf.page-size' must be between 50 and 1000 mm on each side"),
        ('page-size = "99999cm 1mm"', "'pdf.page-size' must be between 50 and 1000 mm on each side"),
        ('page-size = "49.9mm 100mm"', "'pdf.page-size' must be between 50 and 1000 mm on each side"),
        ('page-size = "100mm 1001mm"', "'pdf.page-size' must be between 50 and 1000 mm on each side"),
        ('page-size = "40in 2in landscape"', "'pdf.page-size' must be between 50 and 1000 mm on each side"),
        ('page-size = "A0"', "'pdf.page-size' must be between 50 and 1000 mm on each side"),
        ('page-size = "A10"', "'pdf.page-size' must be between 50 and 1000 mm on each side"),
        ('page-size = "jis-b9"', "'pdf.page-size' must be between 50 and 1000 mm on each side"),
        ('page-size = "٣mm ٤mm"', "'pdf.page-size' must be a page name"),
        ('bleed = "99999cm"', "'pdf.bleed' must be between 0 and 10 mm"),
        ('bleed = "10.5mm"', "'pdf.bleed' must be between 0 and 10 mm"),
        ('bleed = "1in"', "'pdf.bleed' must be between 0 and 10 mm"),
        ('slug = "99999cm"', "'pdf.slug' must be between 6 and 30 mm"),
    ],
)
def test_absurd_print_sizes_are_refused(tmp_path: Path, pdf: str, complaint: str) -> None:
    with pytest.raises(ManifestError) as caught:
        load_manifest(manifest_with(tmp_path, f"[pdf]\n{pdf}\n"))
    (message,) = caught.value.messages
    assert message.startswith(f"source/pub/manifest.toml: {complaint}"), message


@pytest.mark.parametrize(
    "pdf",
    [
        'page-size = "A8"',
        'page-size = "A1"',
        'page-size = "50mm 1000mm"',
        'page-size = "letter landscape"',
        'bleed = "0"',
        'bleed = "10mm"',
        'bleed = "0.125in"',
        'slug = "30mm"',
    ],
)
def test_print_sizes_inside_the_bounds_are_fine(tmp_path: Path, pdf: str) -> None:
    load_manifest(manifest_with(tmp_path, f"[pdf]\n{pdf}\n"))


@pytest.mark.parametrize("date", ["9999-12-31", "2108-01-01"])
def test_a_date_no_zip_file_can_record_is_refused(tmp_path: Path, date: str) -> None:
    with pytest.raises(ManifestError, match=r"'date' must be no later than 2107-12-31"):
        load_manifest(manifest_with(tmp_path, f"date = {date}\n"))
    load_manifest(manifest_with(tmp_path, "date = 2107-12-31\n"))


@pytest.mark.parametrize("char", ["\u2028", "\u2029", "\ufff9", "\ufffa", "\ufffb", "\ufffe", "\ufdd0", "\x85", "\x1b"])
@pytest.mark.parametrize("key", ["title", "authors", "subtitle", "publisher"])
def test_a_separator_or_noncharacter_in_a_manifest_string_is_refused(tmp_path: Path, char: str, key: str) -> None:
    value = f'"قبل{char.encode("unicode_escape").decode().replace("x", "u00")}بعد"'
    extra = f"{key} = {value}\n" if key not in ("title", "authors") else ""
    folder = manifest_with(tmp_path, extra)
    text = (folder / "manifest.toml").read_text(encoding="utf-8")
    if key == "title":
        text = text.replace('"عنوان"', value)
    if key == "authors":
        text = text.replace('["أ"]', f"[{value}]")
    (folder / "manifest.toml").write_text(text, encoding="utf-8")
    with pytest.raises(ManifestError) as caught:
        load_manifest(folder)
    (message,) = caught.value.messages
    assert f"'{key}' must be" in message and f"U+{ord(char):04X}" in message
    assert not any(c in message for c in "\u2028\u2029\x85\x1b")  # the line stays one line


@pytest.mark.parametrize("char", ["\ufff9", "\ufffa", "\ufffb", "\ufffe", "\uffff", "\U0001fffe", "\ufdd0"])
def test_interlinear_annotation_and_noncharacters_in_text_are_refused(tmp_path: Path, char: str) -> None:
    path = tmp_path / "source" / "pub" / "article.md"
    path.parent.mkdir(parents=True)
    path.write_text(f"سطر.\n\nنص {char}مخفي.\n", encoding="utf-8")
    with pytest.raises(SourceError, match=rf"^source/pub/article\.md line 3: U\+{ord(char):04X} "):
        read_text(path)


def test_a_line_separator_in_running_text_is_still_text(tmp_path: Path) -> None:
    path = tmp_path / "article.md"
    path.write_text("سطر\u2028وسطر.\n", encoding="utf-8")
    assert "\u2028" in read_text(path)


@pytest.mark.parametrize("epoch", ["²", "١٢٣", "1e9", "-1", "1.5", "99999999999999", "0x10", "4354819199"])
def test_a_bad_source_date_epoch_is_one_line_and_exit_2(tmp_path: Path, epoch: str) -> None:
    root = make_workspace(tmp_path / "ws", REPO / "source" / "beni-mellal-social-pole")
    result = run_publish("-C", str(root), "build", env={"SOURCE_DATE_EPOCH": epoch})
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("error: SOURCE_DATE_EPOCH must be a whole number of seconds")
    assert len(result.stderr.splitlines()) == 1 and not (root / "dist").exists()


def small_font() -> bytes:
    """Amiri reduced to a few letters: a real font of a few kilobytes."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(REPO / "fonts" / "Amiri-Regular.ttf")
    subsetter = subset.Subsetter(subset.Options())
    subsetter.populate(text="نص")
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def damaged(data: bytes, tag: bytes, at: int, bytes_: bytes) -> bytes:
    """`data` with `bytes_` written `at` bytes into table `tag`."""
    out = bytearray(data)
    for index in range(struct.unpack(">H", data[4:6])[0]):
        name, _, offset, _ = struct.unpack(">4sIII", data[12 + 16 * index : 28 + 16 * index])
        if name == tag:
            out[offset + at : offset + at + len(bytes_)] = bytes_
    return bytes(out)


def renamed(data: bytes, family: str) -> bytes:
    from fontTools.ttLib import TTFont

    font = TTFont(io.BytesIO(data))
    for record in font["name"].names:
        if record.nameID in (1, 16):
            record.string = family
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


FONTS = {
    "Bad.woff2": lambda: b"wOF2",
    "Bad.woff": lambda: b"wOFF",
    "Bad.ttf": lambda: damaged(small_font(), b"cmap", 8, b"\xff\xff\xff\xff"),
    "Empty.ttf": lambda: damaged(small_font(), b"cmap", 2, b"\x00\x00"),  # no subtable
    "Junk.otf": lambda: b"OTTO" + bytes(200),
    "Quote.ttf": lambda: renamed(small_font(), 'Amiri"; } body { background: url(http://127.0.0.1:9/) } x {'),
    "Style.ttf": lambda: renamed(small_font(), "A</style><script>alert(1)</script>"),
}


@pytest.mark.parametrize("name", sorted(FONTS))
def test_a_font_that_cannot_be_used_safely_is_an_error_naming_it(tmp_path: Path, name: str) -> None:
    fonts = tmp_path / "ws" / "fonts"
    fonts.mkdir(parents=True)
    (fonts / name).write_bytes(FONTS[name]())
    with pytest.raises(ResourceError) as caught:
        load_fonts((fonts, REPO / "fonts"))
    (message,) = caught.value.messages
    assert message.startswith(f"fonts/{name}: "), message


def test_a_font_with_a_name_no_url_can_hold_is_carried_under_another(tmp_path: Path) -> None:
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    (fonts / 'My "Font") #1.ttf').write_bytes(small_font())
    face = next(f for f in load_fonts((fonts,)).faces if f.path.parent == fonts)
    assert face.file_name.startswith("font-") and face.file_name.endswith(".ttf") and '"' not in face.file_name


@pytest.mark.parametrize("slug", ["../../escape", "a/b", "", "javascript:x", "\u202ex"])
def test_the_render_api_refuses_a_slug_that_is_not_safe(slug: str) -> None:
    with pytest.raises(InputError, match=r"^slug "):
        publisher.render("نص", {"title": "ت", "authors": ["أ"]}, slug=slug)


@pytest.mark.parametrize("damage", ["truncated", "not a zip", "empty"])
def test_publish_site_over_a_damaged_epub_names_it(tmp_path: Path, damage: str) -> None:
    root = tmp_path / "ws"
    folder = root / "source" / "pub"
    folder.mkdir(parents=True)
    (folder / "manifest.toml").write_text('title = "مقال"\nauthors = ["أ"]\n', encoding="utf-8")
    (folder / "article.md").write_text("نص.\n", encoding="utf-8")
    publisher.build(root, formats=["epub"], jobs=1)
    epub = root / "dist" / "pub.epub"
    epub.write_bytes({"truncated": epub.read_bytes()[:3000], "not a zip": b"%PDF-1.7", "empty": b""}[damage])
    before = {p.name: p.read_bytes() for p in (root / "dist").iterdir()}
    result = run_publish("-C", str(root), "site")
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("error: dist/pub.epub: not a readable EPUB (")
    assert len(result.stderr.splitlines()) == 1
    assert {p.name: p.read_bytes() for p in (root / "dist").iterdir()} == before
