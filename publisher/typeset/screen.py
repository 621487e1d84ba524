"""A chapter's body for the outputs a browser engine draws (the EPUB's reading systems, the web edition)."""

from __future__ import annotations

import re

from ..source.fonts import FontSet
from ..source.manifest import Manifest
from .leading import lead_blocks
from .verse import fit_poems

# The leading epub/book.css gives running text and headings; vocalised blocks get more where they need it.
BODY_LEADING, HEADING_LEADING = 1.7, 1.4


def screen_body(body: str, fonts: FontSet, manifest: Manifest) -> str:
    """A chapter's body for reading systems and browsers: poems fitted to their columns (kerning on,
    as browsers draw, exact `word-spacing`), vocalised blocks leaded for their marks."""
    body = fit_poems(body, fonts, rtl=manifest.direction == "rtl", kerning=True, stretch="word-spacing")
    return lead_blocks(body, fonts, BODY_LEADING, HEADING_LEADING)


_CODE = re.compile(r"<(?:code|kbd|samp|pre)[\s>]")
_SLANTED = re.compile(r"<(?:em|i|cite)[\s>]")


def faces_wanted(html: str, manifest: Manifest) -> dict[str, bool]:
    """FontSet.reaching's options for chapters `html`: `italic` when they set something in a slanted
    face (emphasis when the book's is slanted, else emphasis inside a passage marked as another
    language, epub/book.css), `code` when they hold code."""
    slanted = bool(_SLANTED.search(html)) and (manifest.emphasis_face == "slanted" or 'lang="' in html)
    return {"italic": slanted, "code": bool(_CODE.search(html))}
