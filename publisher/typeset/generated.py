"""What the layouts print besides the text: generated numbers, the strings of the stylesheets
(bullets, leaders, brackets round note numbers), the labels, the manifest's strings as typeset.

The font coverage check (source/fonts.py) gets all of it, so that a bullet or a quotation mark
no font draws is an error naming it, never a box on the page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..errors import ResourceError, quoted
from ..source.fonts import FontSet
from ..source.manifest import Manifest
from ..source.reader import Document
from ..workspace import display_path
from .document import typeset_text
from .figures import FIGURE_LABELS, figure_number
from .imprint import imprint_characters
from .numerals import SYSTEMS
from .templates import Templates

# The stylesheets whose strings reach a page, per output (the generated cover is the EPUB's).
STYLESHEETS = {
    "pdf": ("pdf/book.css", "pdf/page.css.j2"),
    "epub": ("epub/book.css",),
    "web": ("epub/book.css", "web/web.css"),
}
COVER_STYLESHEET = "cover/cover.css"
_DECLARATION = re.compile(r"\b(?:content|list-style-type|list-style|quotes)\s*:([^;}]*)")
_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"|\'((?:[^\'\\]|\\.)*)\'')
_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6})\s?|\\(.)")
_MANIFEST_STRINGS = ("title", "subtitle", "publisher", "rights", "description", "edition", "identifier")


def generated_text(
    manifest: Manifest, document: Document, templates: Templates, formats: Iterable[str], fonts: FontSet | None = None
) -> dict[str, str]:
    """Where the layouts of `formats` print something of their own, and what: place → characters.
    Only their own stylesheets are read (the cache keys of each output hash only its templates).
    With `fonts`, the imprint's dates and typeface credits too."""
    places = {f"generated numbers ({document.numerals} digits)": SYSTEMS[document.numerals] + " "}
    names = [name for fmt in formats for name in STYLESHEETS.get(fmt, ())]
    if "epub" in formats and manifest.cover_path is None:
        names.append(COVER_STYLESHEET)
    for name in names:
        strings = css_strings(templates.source(name))
        if strings:
            places[f"templates/{name}"] = strings
    labels = templates.labels(manifest.language)
    places["the labels of partials/labels.j2"] = "".join(text for key, text in labels.items() if key != "direction")
    if document.figures == "numbered":
        missing = [key for key in FIGURE_LABELS if key not in labels]
        if missing:  # a workspace's labels.j2 from before numbered figures
            raise ResourceError(
                f"{display_path(manifest.path)}: 'figures' is \"numbered\" but partials/labels.j2 has no "
                f"{quoted(missing[0])} label for {quoted(manifest.language)}; add it (the packaged labels.j2 has one)"
            )
        places['the figure numbers (figures = "numbered")'] = figure_number(labels, SYSTEMS["latin"], document.numerals)
    if fonts is not None:
        places["the imprint (dates, typefaces)"] = imprint_characters(manifest, document, fonts)
    rtl = manifest.direction == "rtl"
    values = [(key, getattr(manifest, key)) for key in _MANIFEST_STRINGS] + [("authors", a) for a in manifest.authors]
    for key, value in values:
        if value:
            typeset = typeset_text(value, manifest.language, rtl)
            places.setdefault(f"'{key}' as typeset", "")
            places[f"'{key}' as typeset"] += typeset
    return places


def css_strings(stylesheet: str) -> str:
    """The characters of the strings a stylesheet prints (content, list markers, quotes), escapes decoded."""
    found = []
    for declaration in _DECLARATION.finditer(stylesheet):
        for match in _STRING.finditer(declaration[1]):
            found.append(_ESCAPE.sub(_unescape, match[1] if match[1] is not None else match[2]))
    return "".join(found)


def _unescape(match: re.Match[str]) -> str:
    return chr(int(match[1], 16)) if match[1] else match[2]
