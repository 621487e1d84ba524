"""A web edition read back before it reaches dist/: well-formed, the manifest's language, direction
and metadata, and every link, image and font reaching something that will be there.

Tags must balance as written (the page is XHTML-like HTML: the templates and the reader close every
element); a reference must reach an id of the page, a file of dist/assets/ the render made, or a
file of dist/ that publish writes beside the page (its PDF and EPUB, the download page).
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

if TYPE_CHECKING:
    from ..source.manifest import Manifest

VOID = frozenset(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"])
_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)""")


class _Reader(HTMLParser):
    """Collects the page's ids, references, JSON-LD and unbalanced tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.problems: list[str] = []
        self.ids: set[str] = set()
        self.references: list[str] = []
        self.root: dict[str, str | None] = {}
        self.data: list[str] = []
        self.json_ld: list[str] = []
        self.styles: list[str] = []
        self.kind: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "html" and not self.root:
            self.root = values
        if values.get("id"):
            if values["id"] in self.ids:
                self.problems.append(f"the id {values['id']!r} is used twice")
            self.ids.add(str(values["id"]))
        for attribute in ("href", "src"):
            if values.get(attribute) is not None:
                self.references.append(str(values[attribute]))
        if tag not in VOID:
            self.open.append(tag)
            self.data = []
            self.kind = values.get("type")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if not self.open or self.open[-1] != tag:
            where = f"<{self.open[-1]}>" if self.open else "nothing"
            self.problems.append(f"line {self.getpos()[0]}: </{tag}> closes {where}; it is not well-formed")
            return
        self.open.pop()
        if tag == "script" and self.kind == "application/ld+json":
            self.json_ld.append("".join(self.data))
        elif tag == "style":
            self.styles.append("".join(self.data))

    def handle_data(self, data: str) -> None:
        self.data.append(data)


def web_problems(data: bytes, shown: str, manifest: Manifest, assets: set[str]) -> list[str]:
    """Problems of a web edition's page, one line each; `assets` are the names of dist/assets/ it may use."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return [f"{shown}: not UTF-8 ({exc})"]
    reader = _Reader()
    reader.feed(text)
    reader.close()
    problems = [f"{shown}: {p}" for p in reader.problems]
    if reader.open:
        problems.append(f"{shown}: <{reader.open[-1]}> is never closed; it is not well-formed")
    for key, want in (("lang", manifest.language), ("dir", manifest.direction)):
        if reader.root.get(key) != want:
            problems.append(f"{shown}: <html {key}> is {reader.root.get(key)!r}, the manifest says {want!r}")
    problems += _metadata_problems(shown, reader.json_ld, manifest)
    siblings = {f"{manifest.slug}.pdf", f"{manifest.slug}.epub", "index.html"}
    urls = reader.references + [u for style in reader.styles for u in _CSS_URL.findall(style)]
    for value in urls:
        parts = urlsplit(value)
        if parts.scheme or parts.netloc:
            continue  # the web, mail: not the build's to check
        path, fragment = unquote(parts.path), unquote(parts.fragment)
        if path and not (path in siblings or (path.startswith("assets/") and path[7:] in assets)):
            problems.append(
                f"{shown}: refers to {json.dumps(value, ensure_ascii=False)}, which the build does not write"
            )
        elif not path and fragment and fragment not in reader.ids:
            problems.append(f"{shown}: links to {json.dumps(value, ensure_ascii=False)}, but the page has no such id")
    return problems


def _metadata_problems(shown: str, blocks: list[str], manifest: Manifest) -> list[str]:
    """The JSON-LD must be one schema.org NewsArticle with the manifest's title and language."""
    if len(blocks) != 1:
        return [f"{shown}: has {len(blocks)} JSON-LD blocks, not one"]
    try:
        data = json.loads(blocks[0])
    except ValueError as exc:
        return [f"{shown}: its JSON-LD does not parse ({exc})"]
    if not isinstance(data, dict) or data.get("@type") != "NewsArticle" or data.get("headline") != manifest.title:
        return [f"{shown}: its JSON-LD is not a NewsArticle headed with the manifest's title"]
    if data.get("inLanguage") != manifest.language:
        return [f"{shown}: its JSON-LD's inLanguage is not the manifest's language"]
    return []
