"""Load and validate `source/<slug>/manifest.toml` into a typed, defaults-filled Manifest.

The schema is declared once, below, as dataclasses; each field's `doc` is its documentation
(the README's key table is checked against it). All problems of one manifest are collected
and raised together, each naming the file and the key.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import tomllib
import uuid
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ManifestError
from ..workspace import display_path, inside, read_small
from .images import image_problem
from .isbn import isbn_of, isbn_problem
from .languages import LANGUAGE_TAG, script_of, text_direction
from .lengths import (
    BLEED_MM,
    POINTS_PER_UNIT,
    SLUG_MM,
    bounds_problem,
    is_length,
    length_points,
    page_size_mm,
    trim_problem,
)
from .limits import value_problems
from .schema import convert, doc, keys_of, merged, show

if TYPE_CHECKING:
    from .defaults import Defaults

MANIFEST_NAME = "manifest.toml"
MAX_MANIFEST_BYTES = 2**20
TEXT_SUFFIXES = (".md", ".txt")

# Namespace of the default identifiers: uuid5(namespace, slug) is stable across builds and machines.
IDENTIFIER_NAMESPACE = uuid.UUID("8a3b4f0e-2c41-5d7a-9e63-0b1f6c2d4e85")

PROFILES = ("print", "screen")
MARKS = ("crop", "crop cross", "none")
MIN_FONT_PT, MAX_FONT_PT = 6, 36  # the body sizes `[pdf] font-size` may ask for
NUMERALS = ("auto", "latin", "arabic-indic", "extended-arabic-indic")
EMPHASES = ("auto", "bold", "slanted")
FIGURES = ("plain", "numbered")
# Keys that moved, with where to: an old manifest gets told, not just "unknown key".
MOVED = {
    "pdf.numerals": "'pdf.numerals' has moved to the top of the manifest as 'numerals' (it sets the EPUB's digits too)"
}
STANDARDS = ("pdf/ua-1", "pdf/a-3b", "pdf/x-4")
JUSTIFICATIONS = ("spaces", "kashida")  # [pdf] justify: how justified lines take their slack
LAYOUTS = ("article", "book")
LAST_DATE = dt.date(2107, 12, 31)


@dataclass(frozen=True)
class PdfOptions:
    """The `[pdf]` table."""

    page_size: str = doc('Trim size: a name (A4, A5, B5, letter, "A5 landscape") or "140mm 210mm".', "A5")
    font_size: str = doc(
        'Body type size such as "12pt"; "auto" follows the trim size (A5 11.5 pt, A4 13.75 pt).', "auto"
    )
    profile: str = doc('"print" (bleed, crop marks, mirrored margins) or "screen" (links, outline open).', "print")
    bleed: str = doc('Bleed beyond the trim size for the print profile, a length such as "3mm".', "3mm")
    marks: str = doc('Printer\'s marks in the slug beyond the bleed: "crop", "crop cross" or "none".', "crop")
    slug: str = doc('Room for the marks beyond the bleed, a length of at least 6 mm such as "10mm".', "10mm")
    standard: str = doc(
        '"pdf/ua-1" (tagged, accessible), "pdf/a-3b" (archival) or "pdf/x-4" (for the press); all tagged.', "pdf/ua-1"
    )
    justify: str = doc(
        'How justified lines are filled: "spaces" (wider word spaces) or "kashida" (letter joins elongated first).',
        "spaces",
    )
    output_profile: str | None = doc(
        "PDF/X-4 output intent: a CMYK printer profile (.icc), relative to the workspace; default colour/'s.", None
    )
    layout: str | None = doc(
        '"article" (title and byline over the text) or "book" (title page, imprint, contents, chapters on '
        "rectos); default article for one text file, book for more.",
        None,
    )


@dataclass(frozen=True)
class BuildOptions:
    """The `[build]` table."""

    timeout: int = doc("Seconds a render of the PDF or the EPUB may take before it is stopped (1 to 3600).", 300)


@dataclass(frozen=True)
class FormatOptions:
    """The `[formats]` table: which artifacts beyond the PDF and EPUB a publication has."""

    web: bool = doc("Make the web edition, dist/<slug>.html (true or false).", True)


@dataclass(frozen=True)
class Manifest:
    """What one publication is: metadata, text files in reading order, and rendering options."""

    title: str = doc("Title of the publication (required).")
    authors: list[str] = doc("Names of the authors, in order (required); an editorial byline is fine.")
    subtitle: str | None = doc("Subtitle, shown under the title.", None)
    language: str = doc("BCP 47 language tag of the text.", "ar")
    direction: str | None = doc('"rtl" or "ltr"; default follows the language.', None)
    identifier: str = doc("Unique identifier (ISBN, URN, URL); default a UUID derived from the slug.", "")
    publisher: str | None = doc("Name of the publisher.", None)
    date: dt.date | None = doc("Publication date, a TOML date (2026-11-30).", None)
    description: str | None = doc("One-paragraph description; becomes the PDF Subject and EPUB description.", None)
    subjects: list[str] = doc("Subjects or keywords.", factory=list)
    rights: str | None = doc("Copyright or licence statement.", None)
    edition: str | None = doc('Edition statement for the imprint, such as "الطبعة الثانية" or "Second edition".', None)
    numerals: str = doc(
        '"auto", "latin", "arabic-indic" or "extended-arabic-indic": the digits of generated numbers.', "auto"
    )
    emphasis: str = doc(
        '"auto", "bold" or "slanted": the face of emphasis; auto is bold in Arabic script, else slanted.', "auto"
    )
    figures: str = doc(
        '"plain" or "numbered": a standalone image\'s caption as written, or opened by its number ("الشكل ١").',
        "plain",
    )
    text: list[str] | None = doc(
        "Text files in reading order, relative to the manifest; default all *.md and *.txt, sorted.", None
    )
    cover: str | None = doc("Cover image (PNG, JPEG or SVG) relative to the manifest; default one generated.", None)
    pdf: PdfOptions = doc("PDF options, see [pdf].", factory=PdfOptions)
    build: BuildOptions = doc("Build options, see [build].", factory=BuildOptions)
    formats: FormatOptions = doc("Which formats to make, see [formats].", factory=FormatOptions)

    # Filled by load_manifest, not read from TOML.
    slug: str = field(default="", metadata={"internal": True})
    path: Path = field(default=Path(), metadata={"internal": True})
    text_files: tuple[Path, ...] = field(default=(), metadata={"internal": True})
    cover_path: Path | None = field(default=None, metadata={"internal": True})
    output_profile_path: Path | None = field(default=None, metadata={"internal": True})
    sha256: str = field(default="", metadata={"internal": True})  # of the bytes read, for the cache key
    defaults_sha256: str = field(default="", metadata={"internal": True})  # of publish.toml's, "" without one

    @property
    def folder(self) -> Path:
        """The publication's folder, `source/<slug>/`."""
        return self.path.parent

    @property
    def isbn(self) -> str | None:
        """The ISBN `identifier` holds (checked), as written without `urn:isbn:`; None when it is not one."""
        return isbn_of(self.identifier)

    @property
    def emphasis_face(self) -> str:
        """How the book's own emphasis is set, "bold" or "slanted": a slanted Arabic face reads as a
        calligraphic variant, not as stress, so "auto" gives bold in text of Arabic script."""
        if self.emphasis != "auto":
            return self.emphasis
        return "bold" if script_of(self.language) == "arab" else "slanted"


def schema_keys(cls: type = Manifest, prefix: str = "") -> dict[str, str]:
    """Every TOML key of the schema (nested tables as `pdf.page-size`) with its documentation."""
    return keys_of(cls, prefix)


def default_identifier(slug: str) -> str:
    """A UUID URN derived from the slug, identical on every build and machine."""
    return f"urn:uuid:{uuid.uuid5(IDENTIFIER_NAMESPACE, slug)}"


def load_manifest(folder: Path, defaults: Defaults | None = None) -> Manifest:
    """Read and validate `folder/manifest.toml` over the workspace's publish.toml (`defaults`, read
    here when not given); raise ManifestError listing every problem."""
    if defaults is None:
        from .defaults import defaults_of, refuse  # it checks with this module's schema: read late

        defaults = defaults_of(folder)
        refuse(defaults)
    path = folder / MANIFEST_NAME
    shown = display_path(path)
    if os.path.lexists(path) and not inside(path, folder):
        raise ManifestError(f"{shown}: is a link to a file outside the publication folder; publish reads nothing there")
    if not path.is_file():
        raise ManifestError(f"{shown}: missing; every folder in source/ needs a manifest.toml")
    raw = read_small(path, MAX_MANIFEST_BYTES)
    if raw is None:
        raise ManifestError(f"{shown}: unreadable, or larger than {MAX_MANIFEST_BYTES // 2**20} MiB")
    try:
        data = tomllib.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise ManifestError(f"{shown}: not UTF-8 text (byte {exc.start})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ManifestError(f"{shown}: invalid TOML: {exc}") from None

    # the cache key hashes these very bytes: an edit saved after this read is seen by the next build
    return replace(manifest_from_data(data, folder, shown, defaults), sha256=hashlib.sha256(raw).hexdigest())


def manifest_from_data(data: dict[str, Any], folder: Path, shown: str, defaults: Defaults | None = None) -> Manifest:
    """Validate manifest values already parsed (a TOML document, or a dict given by a script) for
    the publication in `folder`, over `defaults` (publish.toml's); raise ManifestError listing
    every problem, each after `shown`."""
    errors: list[str] = []
    waived: frozenset[str] = frozenset()
    if defaults is not None:
        data, waived = merged(defaults.data, data), defaults.waived
    values = convert(Manifest, data, "", errors, MOVED, waived)
    values.update(slug=folder.name, path=folder / MANIFEST_NAME, defaults_sha256=defaults.sha256 if defaults else "")
    values.update(_derived(folder, values, errors))
    if errors or waived - data.keys():  # a required key missing whose default has a problem: not built
        error = ManifestError(*(f"{shown}: {e}" for e in errors))
        error.stand_in = _stand_in(values, errors)
        raise error
    return Manifest(**values)


def _stand_in(values: dict[str, Any], errors: list[str]) -> Manifest | None:
    """A manifest with errors, made whole for reading its text (so that one run reports the text's
    problems too): required values it lacks are left empty and doubtful ones at their defaults.
    None when there is no text to read. Never rendered."""
    if not values.get("text_files"):
        return None
    doubtful = {e.split("'")[1] for e in errors if e.startswith("'")}  # the keys the errors name
    kept = {k: v for k, v in values.items() if k.replace("_", "-") not in doubtful}
    kept.setdefault("title", "")
    kept.setdefault("authors", [])
    language = values.get("language", "ar")
    kept["language"] = language if LANGUAGE_TAG.match(language) else "ar"
    direction = values.get("direction")
    kept["direction"] = direction if direction in ("rtl", "ltr") else text_direction(kept["language"])
    kept["cover_path"] = None
    for key in ("numerals", "emphasis", "figures"):
        if key in doubtful:
            kept.pop(key, None)
    return Manifest(**kept)


def _derived(folder: Path, values: dict[str, Any], errors: list[str]) -> dict[str, Any]:
    """Check values against each other and the folder; fill defaults that depend on them."""
    out = check_values(values, folder.parent.parent, errors)  # source/<slug>/ → the workspace
    out["identifier"] = values.get("identifier") or default_identifier(folder.name)
    isbn = isbn_of(out["identifier"])
    problem = isbn_problem(isbn) if isbn is not None else None
    if problem:
        errors.append(f"'identifier' {show(out['identifier'])} {problem}")
    pdf: PdfOptions = values.get("pdf", PdfOptions())
    if folder.name.casefold() == "index" and values.get("formats", FormatOptions()).web:
        errors.append(
            "'formats.web': the web edition of a publication named \"index\" would replace dist/index.html, the "
            "download page; rename the folder or set web = false under [formats]"
        )
    out["text_files"] = _text_files(folder, values.get("text"), errors)
    if pdf.layout is None:  # an article is one text file; more are chapters of a book
        out["pdf"] = replace(pdf, layout="article" if len(out["text_files"]) <= 1 else "book")
    out["cover_path"] = _cover_path(folder, values.get("cover"), errors)
    return out


def check_values(values: dict[str, Any], workspace: Path, errors: list[str]) -> dict[str, Any]:
    """Check each value, and those that go together, wherever they were written (a manifest or
    publish.toml); return the values that follow from them (the direction, the output profile)."""
    out: dict[str, Any] = {}
    errors.extend(value_problems(values, values.get("build", BuildOptions()).timeout))
    if values.get("authors") == []:
        errors.append("'authors' must name at least one author")
    language = values.get("language", "ar")
    if not LANGUAGE_TAG.match(language):
        errors.append(f'\'language\' must be a BCP 47 tag such as "ar" or "ar-MA", got {show(language)}')
    direction = values.get("direction")
    if direction is not None and direction not in ("rtl", "ltr"):
        errors.append(f'\'direction\' must be "rtl" or "ltr", got {show(direction)}')
    out["direction"] = direction or text_direction(language)
    date = values.get("date")
    if date is not None and date > LAST_DATE:
        errors.append(
            f"'date' must be no later than {LAST_DATE} (the last day a ZIP file, so an EPUB, can record), got {date}"
        )
    pdf: PdfOptions = values.get("pdf", PdfOptions())
    if page_size_mm(pdf.page_size) is None:
        errors.append(
            f"'pdf.page-size' must be a page name (A4, A5, B5, letter) or two lengths (\"140mm 210mm\"), "
            f"got {show(pdf.page_size)}"
        )
    elif problem := trim_problem(pdf.page_size):
        errors.append(problem)
    if pdf.profile not in PROFILES:
        errors.append(f'\'pdf.profile\' must be "print" or "screen", got {show(pdf.profile)}')
    if pdf.bleed.startswith("-"):
        errors.append(f"'pdf.bleed' must not be negative, got {show(pdf.bleed)}")
    elif not is_length(pdf.bleed):
        errors.append(f'\'pdf.bleed\' must be a length such as "3mm" or "0.125in", got {show(pdf.bleed)}')
    elif problem := bounds_problem("pdf.bleed", pdf.bleed, length_points(pdf.bleed), BLEED_MM):
        errors.append(problem)
    if pdf.marks not in MARKS:
        errors.append(f'\'pdf.marks\' must be "crop", "crop cross" or "none", got {show(pdf.marks)}')
    if not is_length(pdf.slug) or length_points(pdf.slug) < SLUG_MM[0] * POINTS_PER_UNIT["mm"] - 1e-9:
        errors.append(
            f"'pdf.slug' must be a length of at least {SLUG_MM[0]} mm (room for 5 mm marks), got {show(pdf.slug)}"
        )
    elif problem := bounds_problem("pdf.slug", pdf.slug, length_points(pdf.slug), SLUG_MM):
        errors.append(problem)
    if pdf.font_size != "auto" and not (
        isinstance(pdf.font_size, str)
        and is_length(pdf.font_size)
        and MIN_FONT_PT <= length_points(pdf.font_size) <= MAX_FONT_PT
    ):
        errors.append(
            f"'pdf.font-size' must be \"auto\" or a length from {MIN_FONT_PT:g} to {MAX_FONT_PT:g} pt, "
            f"got {show(pdf.font_size)}"
        )
    if pdf.standard not in STANDARDS:
        errors.append(f'\'pdf.standard\' must be "pdf/ua-1", "pdf/a-3b" or "pdf/x-4", got {show(pdf.standard)}')
    if pdf.justify not in JUSTIFICATIONS:
        errors.append(f'\'pdf.justify\' must be "spaces" or "kashida", got {show(pdf.justify)}')
    out["output_profile_path"] = _output_profile(workspace, pdf.output_profile, errors)
    if pdf.layout is not None and pdf.layout not in LAYOUTS:
        errors.append(f'\'pdf.layout\' must be "article" or "book", got {show(pdf.layout)}')
    numerals = values.get("numerals", "auto")
    if numerals not in NUMERALS:
        choices = ", ".join(f'"{n}"' for n in NUMERALS)
        errors.append(f"'numerals' must be one of {choices}, got {show(numerals)}")
    emphasis = values.get("emphasis", "auto")
    if emphasis not in EMPHASES:
        choices = ", ".join(f'"{e}"' for e in EMPHASES)
        errors.append(f"'emphasis' must be one of {choices}, got {show(emphasis)}")
    figures = values.get("figures", "plain")
    if figures not in FIGURES:
        errors.append(f'\'figures\' must be "plain" or "numbered", got {show(figures)}')
    return out


def _cover_path(folder: Path, cover: str | None, errors: list[str]) -> Path | None:
    if cover is None:
        return None
    path = folder / cover
    if Path(cover).is_absolute() or not path.resolve().is_relative_to(folder.resolve()):
        errors.append(f"'cover' {show(cover)} must be a path inside the publication folder")
        return None
    problem = image_problem(path)
    if problem:
        errors.append(f"'cover' {show(cover)} {problem}")
        return None
    return path


def _output_profile(workspace: Path, profile: str | None, errors: list[str]) -> Path | None:
    """The workspace's own output profile: an ICC file of the output (printer) class, in CMYK."""
    if profile is None:
        return None
    path = workspace / profile
    shown = show(profile)
    if Path(profile).is_absolute() or not path.resolve().is_relative_to(workspace.resolve()):
        errors.append(f"'pdf.output-profile' {shown} must be a path inside the workspace")
        return None
    if not path.is_file():
        errors.append(f"'pdf.output-profile' {shown} does not exist (relative to the workspace)")
        return None
    with path.open("rb") as stream:  # the header only, whatever the file's size
        head = stream.read(40)
    if len(head) < 40 or head[36:40] != b"acsp":
        errors.append(f"'pdf.output-profile' {shown} is not an ICC profile")
    elif int.from_bytes(head[:4], "big") != path.stat().st_size:  # the header gives the profile's size
        errors.append(
            f"'pdf.output-profile' {shown} is damaged: its header says {int.from_bytes(head[:4], 'big')} bytes"
        )
    elif head[12:16] != b"prtr" or head[16:20] != b"CMYK":
        kind = f"{head[12:16].decode(errors='replace')}/{head[16:20].decode(errors='replace').strip()}"
        errors.append(f"'pdf.output-profile' {shown} must be a CMYK printer (output) profile, not {kind}")
    return path


def _text_files(folder: Path, listed: list[str] | None, errors: list[str]) -> tuple[Path, ...]:
    """The text files in reading order: those listed, else every *.md and *.txt sorted by name."""
    root = folder.resolve()
    if listed is None:
        found = sorted(p for p in folder.iterdir() if p.suffix in TEXT_SUFFIXES and (p.is_file() or p.is_symlink()))
        outside = [p.name for p in found if not p.resolve().is_relative_to(root)]
        if outside:  # checked before anything follows the link: a pipe or device there is never opened
            errors.append(f"text file {show(outside[0])} is a link to a file outside the publication folder")
        found = [p for p in found if p.name not in outside and p.is_file()]
        if not found and not outside:
            errors.append("no text: add 'text = [\"article.md\"]' or put *.md / *.txt files beside the manifest")
        return tuple(found)
    if not listed:
        errors.append("'text' must list at least one file")
    files = []
    for entry in listed:
        path = folder / entry
        if Path(entry).is_absolute() or not path.resolve().is_relative_to(root):
            errors.append(f"'text' entry {show(entry)} must be a path inside the publication folder")
        elif path.suffix not in TEXT_SUFFIXES:
            errors.append(f"'text' entry {show(entry)} must be a .md or .txt file")
        elif not path.is_file():
            what = "is a directory" if path.is_dir() else "does not exist"
            errors.append(f"'text' entry {show(entry)} {what}")
        else:
            files.append(path)
    if len(set(files)) != len(files):
        errors.append("'text' lists the same file twice")
    return tuple(files)
