"""Read a rendered artifact back before it may reach dist/: what can be checked in this process.

An EPUB's package must be complete (the container names a package document, every file it lists
is in the zip, the spine names only what it lists, every XHTML document is well-formed) and every
link, image and style sheet reference inside it must reach a file of the package and, with a
fragment, an id in that file: EPUBCheck refuses a book that breaks any of these (RSC-007, RSC-012).
A PDF must open, carry its title, embed only fonts of fonts/ and draw no .notdef box. A render
that fails any of this is a failed build (exit 1) naming the artifact; nothing is written.
"""

from __future__ import annotations

import io
import json
import posixpath
import re
import zipfile
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit
from xml.etree import ElementTree

from ..errors import BuildError

if TYPE_CHECKING:
    from ..source.fonts import FontSet
    from ..source.manifest import Manifest

OPF = "{http://www.idpf.org/2007/opf}"
CONTAINER = "{urn:oasis:names:tc:opendocument:xmlns:container}"
XHTML = "application/xhtml+xml"
_REFERENCES = ("href", "src", "{http://www.w3.org/1999/xlink}href")
_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)""")


def audit_artifact(
    name: str,
    data: bytes,
    manifest: Manifest,
    fonts: FontSet,
    assets: dict[str, bytes] | None = None,
    checked: frozenset[str] = frozenset(),
) -> None:
    """Raise a BuildError naming `dist/<name>` and every problem found in its bytes (a web edition's
    `assets` are the files of dist/assets/ it comes with); `checked` names what the renderer checked itself
    ("notdef": a PDF merged from parts whose pages were each read back, pdf/partrender.py)."""
    shown = f"dist/{name}"
    if name.endswith(".html"):
        from .webcheck import web_problems

        problems = web_problems(data, shown, manifest, set(assets or {}))
    elif name.endswith(".epub"):
        problems = epub_problems(data, shown)
    else:
        problems = pdf_problems(data, shown, manifest, fonts, pages_read="notdef" in checked)
    if problems:
        raise BuildError(*(f"{p} (a render of valid input went wrong; nothing was written)" for p in problems))


def epub_problems(data: bytes, shown: str) -> list[str]:
    """Problems of an EPUB's package and of the references between its files, one line each."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = archive.namelist()
        if not names or names[0] != "mimetype" or archive.read("mimetype") != b"application/epub+zip":
            return [f"{shown}: its first file is not the mimetype application/epub+zip"]
        container = ElementTree.fromstring(archive.read("META-INF/container.xml"))
        rootfile = container.find(f"{CONTAINER}rootfiles/{CONTAINER}rootfile")
        opf_path = rootfile.get("full-path", "") if rootfile is not None else ""
        package = ElementTree.fromstring(archive.read(opf_path))
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError) as exc:
        return [f"{shown}: not a complete EPUB package ({type(exc).__name__}: {exc})"]
    base = posixpath.dirname(opf_path)
    items = {
        item.get("id", ""): (posixpath.normpath(posixpath.join(base, item.get("href", ""))), item.get("media-type"))
        for item in package.iter(f"{OPF}item")
    }
    listed = {path for path, _ in items.values()}
    problems = [f"{shown}: {path} is listed in {opf_path} but not in the zip" for path in sorted(listed - set(names))]
    problems += [
        f"{shown}: the spine names {ref!r}, which {opf_path} does not list"
        for ref in (i.get("idref", "") for i in package.iter(f"{OPF}itemref"))
        if ref not in items
    ]
    ids: dict[str, set[str]] = {}
    trees: dict[str, ElementTree.Element] = {}
    for path, media_type in items.values():
        if media_type in (XHTML, "application/x-dtbncx+xml") and path in names:
            try:
                trees[path] = ElementTree.fromstring(archive.read(path))
            except ElementTree.ParseError as exc:
                problems.append(f"{shown}: {path} is not well-formed XML ({exc})")
                continue
            ids[path] = {e.get("id", "") for e in trees[path].iter() if e.get("id")}
    for path, tree in trees.items():
        for element in tree.iter():
            for attribute in _REFERENCES:
                value = element.get(attribute)
                if value is not None:
                    problems += _reference_problems(shown, path, value, listed, ids)
    for path, media_type in items.values():
        if media_type == "text/css" and path in names:
            for url in _CSS_URL.findall(archive.read(path).decode("utf-8", "replace")):
                problems += _reference_problems(shown, path, url, listed, ids)
    return problems


def _reference_problems(shown: str, source: str, value: str, listed: set[str], ids: dict[str, set[str]]) -> list[str]:
    """Whether one reference from the file `source` reaches a file of the package and an id in it."""
    parts = urlsplit(value)
    if parts.scheme or parts.netloc:  # the web, mail: not the package's to check
        return []
    target = source
    if parts.path:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(source), unquote(parts.path)))
    if target not in listed:
        return [f"{shown}: {source} refers to {json.dumps(value, ensure_ascii=False)}, which is not in the package"]
    fragment = unquote(parts.fragment)
    if fragment and target in ids and fragment not in ids[target]:
        return [f"{shown}: {source} links to {json.dumps(value, ensure_ascii=False)}, but {target} has no such id"]
    return []


def pdf_problems(
    data: bytes, shown: str, manifest: Manifest, fonts: FontSet, advice: str = "", pages_read: bool = False
) -> list[str]:
    """A PDF must open, carry the manifest's title, embed only fonts of `fonts`, and draw no .notdef
    box (unless `pages_read`: the renderer looked for them); `advice` closes the lines about what a new
    render would mend."""
    import pikepdf

    from ..pdf.notdef import notdef_pages

    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            title = str(pdf.open_metadata().get("dc:title") or pdf.docinfo.get("/Title", ""))
            families = {_family(font) for page in pdf.pages for font in page.Resources.get("/Font", {}).values()}
            pages = len(pdf.pages)
            boxes = [] if pages_read else notdef_pages(pdf)
    except pikepdf.PdfError as exc:
        return [f"{shown}: not a readable PDF ({exc})"]
    problems = []
    if pages == 0:
        problems.append(f"{shown}: has no page")
    if title != manifest.title:
        problems.append(
            f"{shown}: its title is {json.dumps(title, ensure_ascii=False)}, the manifest says "
            f"{json.dumps(manifest.title, ensure_ascii=False)}{advice}"
        )
    ours = {family.replace(" ", "") for family in fonts.every_family}
    strangers = sorted(f for f in families if not any(f.startswith(o) for o in ours))
    if strangers:
        problems.append(f"{shown}: embeds {', '.join(strangers)}, not a font of fonts/")
    if boxes:
        where = ", ".join(map(str, boxes[:5])) + (f" and {len(boxes) - 5} more" if len(boxes) > 5 else "")
        problems.append(f"{shown}: draws .notdef (a box for a character its font lacks) on page {where}{advice}")
    return problems


def _family(font: object) -> str:
    """PostScript base name without its subset tag and style: /ABCDEF+Amiri-Bold -> Amiri."""
    name = str(font.BaseFont).lstrip("/")  # type: ignore[attr-defined]
    name = name.split("+", 1)[-1]
    return name.replace("-", "")
