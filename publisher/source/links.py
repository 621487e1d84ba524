"""Links inside a publication: to a heading, a note, or another chapter's text file.

An author links to what they can see: another text file (`appendix.md`, `./appendix.md`,
`appendix.md#section`) or a heading by its text, as Markdown previews spell it (`#قسم-الملاحق`:
lower case, punctuation dropped, spaces as hyphens, `-1`, `-2` for a repeated heading of one
file). Each internal link is rewritten to the element it reaches, `#ch02-h1`, an id unique in the
whole book: the PDF (one HTML document) uses it as it is, the EPUB adds the chapter's file
(epub/package.py). A link that reaches nothing is an error naming its line, never a dead link in
print or a package EPUBCheck refuses. Web and mail links are kept as written.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from markdown_it.token import Token

from ..errors import SourceError, quoted
from ..workspace import display_path

UNSAFE_SCHEMES = {"javascript", "vbscript", "file", "data"}
_SCHEME = re.compile(r"^\s*([a-zA-Z][a-zA-Z0-9+.-]*):")
_KEPT = {"L", "M", "N"}  # letter, mark and number categories survive in a heading's anchor, as do _ and -


@dataclass(frozen=True)
class Link:
    """An internal link as the author wrote it, and the line it is on."""

    href: str
    line: int


@dataclass
class Targets:
    """What the links of one publication may reach."""

    folder: Path
    chapters: dict[Path, str] = field(default_factory=dict)  # a text file (resolved) → its chapter id
    anchors: dict[str, dict[str, str]] = field(default_factory=dict)  # chapter id → {anchor: element id}

    def add_chapter(self, path: Path, chapter_id: str, ids: list[str]) -> None:
        """A chapter, reachable by its file, and the element ids inside it (headings, notes)."""
        self.chapters[path.resolve()] = chapter_id
        own = self.anchors.setdefault(chapter_id, {})
        own[chapter_id] = chapter_id
        for element in ids:
            own[element] = element

    def add_heading(self, chapter_id: str, text: str, element: str) -> None:
        """A heading, reachable by its id and by its text's anchor (the first heading of that text
        keeps the plain anchor, later ones get -1, -2, as Markdown previews number them)."""
        own = self.anchors.setdefault(chapter_id, {chapter_id: chapter_id})
        base = heading_anchor(text)
        anchor, number = base, 0
        while anchor in own:
            number += 1
            anchor = f"{base}-{number}"
        own[anchor] = element
        own[element] = element

    def resolve(self, href: str, source: Path, chapter_id: str) -> str:
        """The `#id` an internal link reaches from chapter `chapter_id` (read from `source`);
        raise SourceError when it reaches nothing."""
        written = unquote(href)
        path, _, fragment = written.partition("#")
        if not path:
            target = self.anchors[chapter_id].get(fragment) or self._elsewhere(fragment)
            if target is None:
                raise _dangling(written, "points at no heading or note in this publication")
            return f"#{target}"
        file = (source.parent / path).resolve()
        other = self.chapters.get(file)
        if other is None:
            names = ", ".join(display_name(p, self.folder) for p in self.chapters)
            raise _dangling(written, f"points at no text file of this publication (its text files: {names})")
        if not fragment:
            return f"#{other}"
        target = self.anchors[other].get(fragment)
        if target is None:
            raise _dangling(written, f"points at no heading or note of {display_name(file, self.folder)}")
        return f"#{target}"

    def _elsewhere(self, fragment: str) -> str | None:
        """A fragment no element of this chapter has: the one chapter that has it, if only one does."""
        found = {own[fragment] for own in self.anchors.values() if fragment in own}
        return found.pop() if len(found) == 1 else None


def _dangling(written: str, what: str) -> SourceError:
    return SourceError(f"link {quoted(written)} {what}")


def display_name(path: Path, folder: Path) -> str:
    """A text file as the publication's manifest names it: relative to its folder."""
    try:
        return path.resolve().relative_to(folder.resolve()).as_posix()
    except ValueError:
        return path.name


def heading_anchor(text: str) -> str:
    """A heading's anchor as Markdown previews make it: lower case, without punctuation or symbols
    (letters, marks and digits of every script stay), each space a hyphen."""
    kept = (c for c in text.strip().lower() if unicodedata.category(c)[0] in _KEPT or c in "_- ")
    return "".join(kept).replace(" ", "-")


def is_internal(href: str) -> bool:
    """Whether a link points into the publication: no scheme (http:, mailto:…) and no host (//…)."""
    return not (_SCHEME.match(href) or href.startswith("//"))


def check_scheme(href: str, where: str) -> None:
    """Links may point anywhere on the web or inside the book, but never run code or read local files."""
    scheme = _SCHEME.match(href)
    if scheme and scheme.group(1).lower() in UNSAFE_SCHEMES:
        raise SourceError(f"{where}: link {quoted(href)} is not allowed (only web and mail links)")


def resolve_links(
    targets: Targets, source: Path, chapter_id: str, links: list[tuple[Link, Token]], problems: list[str]
) -> None:
    """Point each internal link of a chapter at what it reaches (`links` pairs each with its
    markdown-it token); note a problem naming the file and line for each that reaches nothing."""
    for link, token in links:
        try:
            token.attrSet("href", targets.resolve(link.href, source, chapter_id))
        except SourceError as exc:
            problems.append(f"{display_path(source)} line {link.line}: {exc}")


_OWNED = re.compile(r"^(?:fn-|fnref-)?(ch\d+)(?:-|$)")  # the ids the reader gives: ch02, ch02-h1, fn-ch02-1
_FRAGMENT_HREF = re.compile(r'href="#([^"]+)"')


def across_files(body: str, chapter_id: str) -> str:
    """A chapter's body for a book of one file per chapter (the EPUB): each link to an element of
    another chapter names that chapter's file, `ch02.xhtml#ch02-h1`."""

    def point(match: re.Match[str]) -> str:
        owner = _OWNED.match(match.group(1))
        if owner is None or owner.group(1) == chapter_id:
            return match.group(0)
        return f'href="{owner.group(1)}.xhtml#{match.group(1)}"'

    return _FRAGMENT_HREF.sub(point, body)
