"""The fonts a book may use: found in fonts/ (workspace first, then packaged), checked for coverage.

Only these files are ever embedded; a character none of them can draw is an input error,
never a box or a silent fallback to a font of the machine.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from ..errors import FontCoverageError, ResourceError, quoted
from ..workspace import confined_file, display_path
from .manifest import Manifest
from .reader import Document, is_drawn, locate, read_text, text_characters

FONT_SUFFIXES = {".ttf": "font/ttf", ".otf": "font/otf"}
WEB_FONT_SUFFIXES = (".woff", ".woff2")
# A family name goes into CSS strings (and the download page's <style>): nothing that can end them.
_SAFE_FAMILY = re.compile(r'[^\x00-\x1f\x7f-\x9f"\'\\<>{};]{1,100}')
PRIMARY_FAMILY = "Amiri"
# The elements set in the monospace families (partials/fonts.css.j2).
_CODE = re.compile(r"<(code|kbd|samp|pre)\b[^>]*>.*?</\1>", re.DOTALL)
EMPTY: Mapping[str, str] = {}


@dataclass(frozen=True)
class Face:
    """One font file: its family, weight and style as its own tables declare them."""

    path: Path
    family: str
    weight: int
    style: str  # "normal" or "italic"
    monospace: bool = False  # every glyph one advance wide (the font's post.isFixedPitch)

    @property
    def media_type(self) -> str:
        return FONT_SUFFIXES[self.path.suffix.lower()]

    @property
    def file_name(self) -> str:
        """The file's name where an output carries it (the EPUB): its own when that is plain ASCII,
        else one made from its digest, so that no name needs escaping in a URL, CSS or the OPF."""
        if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]{0,100}", self.path.name):
            return self.path.name
        return f"font-{hashlib.sha256(self.path.name.encode()).hexdigest()[:16]}{self.path.suffix.lower()}"

    @cached_property
    def codepoints(self) -> frozenset[int]:
        """Every code point the face maps to a glyph."""
        from fontTools.ttLib import TTFont

        with TTFont(self.path, lazy=True) as font:
            return frozenset(font.getBestCmap())

    @cached_property
    def licence(self) -> str | None:
        """The font's licence by its short name ("SIL Open Font License 1.1"), read from the font's own
        licence description and URL (name IDs 13 and 14); None when it gives none we can name."""
        from fontTools.ttLib import TTFont

        with TTFont(self.path, lazy=True) as font:
            names = font["name"]
            return licence_name(names.getDebugName(13) or "", names.getDebugName(14) or "")


@dataclass(frozen=True)
class FontSet:
    """The faces available to a build, the family stack of running text (primary first) and the
    monospace families code is set in (before that stack). A monospace face is never running
    text's fallback: a character only it draws is an error outside code, not a word set in it."""

    faces: tuple[Face, ...]
    families: tuple[str, ...] = field(default=())
    monospace: tuple[str, ...] = field(default=())

    @property
    def every_family(self) -> tuple[str, ...]:
        """Every family a layout may use: running text's, then code's."""
        return self.families + self.monospace

    def regular(self, family: str) -> Face:
        """The upright, normal-weight face of a family (or its closest face)."""
        faces = [f for f in self.faces if f.family == family]
        return min(faces, key=lambda f: (f.style != "normal", abs(f.weight - 400)))

    def css_faces(self, src: Callable[[Face], str]) -> list[dict[str, object]]:
        """The faces as the @font-face template wants them, each with its URL from `src`."""
        return [
            {"family": f.family, "weight": f.weight, "style": f.style, "monospace": f.monospace, "src": src(f)}
            for f in self.faces
        ]

    def reaching(self, characters: set[str], italic: bool = False, code: bool = False) -> FontSet:
        """The faces a text of `characters` can use: families that draw one of them first in the
        stack (the first family always), the monospace ones when it has `code`, upright faces, and
        italic ones when `italic`."""
        wanted = {self.families[0]} | {family for c in characters if (family := self.family_for(c))}
        wanted |= set(self.monospace) if code else set()
        faces = tuple(f for f in self.faces if f.family in wanted and (f.style == "normal" or italic))
        return FontSet(faces, *(tuple(f for f in stack if f in wanted) for stack in (self.families, self.monospace)))

    def family_for(self, char: str, code: bool = False) -> str | None:
        """The first family of the stack that can draw `char`, as CSS font fallback picks it; for
        `code`, the monospace families come first. None for a character that needs no glyph (an isolate,
        a WORD JOINER): some fallbacks map them (Noto Serif), and they would otherwise reach that family."""
        if not is_drawn(char):
            return None
        stack = self.monospace + self.families if code else self.families
        return next((f for f in stack if ord(char) in self.regular(f).codepoints), None)

    def covers(self, char: str, code: bool = False) -> bool:
        """Whether some family of the stack (of code's stack, for `code`) can draw `char`."""
        return self.family_for(char, code) is not None

    def check_coverage(self, manifest: Manifest, document: Document, generated: Mapping[str, str] = EMPTY) -> None:
        """Raise FontCoverageError naming the characters no font can draw, one line per place: the
        text, the manifest's strings, and what the layouts generate (`generated`, place → text)."""
        places: dict[str, list[str]] = {}
        for chapter in document.chapters:
            code = "".join(m[0] for m in _CODE.finditer(chapter.html))
            running = _CODE.sub(" ", chapter.html)
            missing = sorted(
                {c for c in text_characters(running) if not self.covers(c)}
                | {c for c in text_characters(code) if not self.covers(c, code=True)}
            )
            text = read_text(chapter.source) if missing else ""
            for char in missing:
                line = f" line {locate(text, char)}" if char in text else ""
                places.setdefault(f"{display_path(chapter.source)}{line}", []).append(char)
        for key, value in _manifest_strings(manifest):
            for char in sorted({c for c in value if is_drawn(c) and not self.covers(c)}):
                places.setdefault(f"{display_path(manifest.path)} '{key}'", []).append(char)
        for place, text in generated.items():
            for char in sorted({c for c in text if is_drawn(c) and not self.covers(c)}):
                places.setdefault(place, []).append(char)
        if places:
            fix = f"add a font that covers it to fonts/ (now: {', '.join(self.families)})"
            raise FontCoverageError(
                *(f"{_describe_all(chars)} in {place}: no font can draw it; {fix}" for place, chars in places.items())
            )


# Licences fonts are published under, by what their licence description or URL says.
_LICENCES = (
    (
        re.compile(r"Open Font License,?\s*(?:Version\s*)?1\.1|scripts\.sil\.org/OFL|openfontlicense", re.I),
        "SIL Open Font License 1.1",
    ),
    (
        re.compile(r"Apache License,?\s*(?:Version\s*)?2\.0|apache\.org/licenses/LICENSE-2\.0", re.I),
        "Apache License 2.0",
    ),
    (re.compile(r"Ubuntu Font Licen[cs]e", re.I), "Ubuntu Font Licence 1.0"),
    (re.compile(r"GNU General Public License.*font exception", re.I | re.S), "GNU GPL with the font exception"),
    (re.compile(r"Bitstream Vera", re.I), "Bitstream Vera Fonts licence"),
    (re.compile(r"\bpublic domain\b", re.I), "public domain"),
)


def licence_name(description: str, url: str = "") -> str | None:
    """A font licence's short name from the font's licence description and URL (name IDs 13, 14): a
    licence we know by name, else the description itself when it is one short line, else None."""
    for pattern, name in _LICENCES:
        if pattern.search(description) or pattern.search(url):
            return name
    description = " ".join(description.split())
    return description if description and len(description) <= 60 else None


def load_fonts(folders: tuple[Path, ...]) -> FontSet:
    """Collect the font files of `folders`; a file name in an earlier folder hides the same name later.

    Each must be a TrueType or OpenType file inside its folder (never a link out of it) whose tables
    can be read; WOFF and WOFF2 are web formats that the renderers cannot all read, so they are refused."""
    chosen: dict[str, Path] = {}
    problems = []
    for folder in folders:
        for path in sorted(folder.iterdir()):
            suffix = path.suffix.lower()
            if suffix in WEB_FONT_SUFFIXES:
                kind = suffix[1:].upper()
                problems.append(f"{display_path(path)}: {kind} is a web format; put the font's .ttf or .otf in fonts/")
            elif suffix in FONT_SUFFIXES and (path.is_file() or path.is_symlink()) and path.name not in chosen:
                try:
                    chosen[path.name] = confined_file(path, folder, display_path(path))
                except ResourceError as exc:
                    problems.extend(exc.messages)
    faces = []
    for path in chosen.values():
        try:
            faces.append(_describe_face(path))
        except ResourceError as exc:
            problems.extend(exc.messages)
    if problems:
        raise ResourceError(*problems)
    if not faces:
        raise ResourceError(f"no fonts in {', '.join(map(str, folders))}; add .ttf or .otf files to fonts/")
    names = sorted({f.family for f in faces}, key=lambda n: _stack_order(n, faces))
    monospace = [n for n in names if all(f.monospace for f in faces if f.family == n)]
    text = [n for n in names if n not in monospace] or monospace  # fonts/ of monospace faces only: text too
    return FontSet(tuple(faces), tuple(text), tuple(n for n in monospace if n not in text))


def _stack_order(family: str, faces: list[Face]) -> tuple[bool, int, str]:
    """Where a family stands in the CSS stack: Amiri first, then the fallbacks that draw the most characters,
    a general text face (Noto Serif: Latin, Greek, Cyrillic) before a specialised one (Noto Sans Math, whose
    Greek is for formulas), then by name."""
    if family == PRIMARY_FAMILY:
        return False, 0, family
    regular = min((f for f in faces if f.family == family), key=lambda f: (f.style != "normal", abs(f.weight - 400)))
    return True, -len(regular.codepoints), family


def _describe_face(path: Path) -> Face:
    from fontTools.ttLib import TTFont

    shown = display_path(path)
    try:
        with TTFont(path, lazy=True) as font:
            # glyphs named by number: the cmap is read without the glyph names of the post table, which
            # fontTools would decode (6 000 of them in Amiri, two thirds of a cold build's font checks)
            font.setGlyphOrder([f"glyph{number:05d}" for number in range(font["maxp"].numGlyphs)])
            names = font["name"]
            family = names.getBestFamilyName() or path.stem
            os2 = font.get("OS/2", None)
            weight = os2.usWeightClass if os2 else 400
            italic = bool(os2 and os2.fsSelection & 1) or bool(font["head"].macStyle & 2)
            monospace = _fixed_pitch(font.reader["post"]) if "post" in font else False
            cmap = font.getBestCmap()  # read now: a damaged cmap is this file's error, not a crash later
    except Exception as exc:  # fontTools reports damage with any exception a parser can raise
        raise ResourceError(f"{shown}: not a usable font file ({type(exc).__name__}: {exc})") from None
    if not cmap:
        raise ResourceError(f"{shown}: not a usable font file (it maps no character to a glyph)")
    if not _SAFE_FAMILY.fullmatch(family):
        raise ResourceError(
            f"{shown}: its family name {quoted(family)} holds characters a style sheet cannot carry safely "
            "(quotes, backslashes, < > { } ; or controls); rename the family"
        )
    face = Face(path, family, weight, "italic" if italic else "normal", monospace)
    face.__dict__["codepoints"] = frozenset(cmap)  # the cached_property, filled from the cmap just read
    return face


def _fixed_pitch(post: bytes) -> bool:
    """The post table's isFixedPitch (a 32-bit number at byte 12 of its header), read without its glyph names."""
    if len(post) < 16:
        raise ValueError("post table too short")
    return int.from_bytes(post[12:16], "big") != 0


def _manifest_strings(manifest: Manifest) -> list[tuple[str, str]]:
    """The manifest values the layouts print: title page, running heads, metadata."""
    pairs = [("title", manifest.title), *(("authors", a) for a in manifest.authors)]
    for key in ("subtitle", "publisher", "description", "rights", "edition"):
        value = getattr(manifest, key)
        if value:
            pairs.append((key, value))
    return pairs


def _describe_all(chars: list[str], shown: int = 3) -> str:
    """U+2D30 TIFINAGH LETTER YA, U+2D33 TIFINAGH LETTER YAG and 3 more."""
    names = ", ".join(_describe(c) for c in chars[:shown])
    return names + (f" and {len(chars) - shown} more" if len(chars) > shown else "")


def _describe(char: str) -> str:
    """U+2D30 TIFINAGH LETTER YA."""
    return f"U+{ord(char):04X} {unicodedata.name(char, 'UNNAMED CHARACTER')}"
