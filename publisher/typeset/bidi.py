"""Bidirectional text: left-to-right runs inside right-to-left text, isolated so each reads as typed."""

from __future__ import annotations

import re

from ..source.manifest import Manifest
from ..source.reader import Document, Prose, read_document, unchanged


def isolate_ltr(text: str) -> str:
    """Wrap each left-to-right run of a right-to-left text in Unicode isolates (LRI ... PDI).

    A run is Latin words, URLs, e-mail addresses and numbers joined by - / . : % (and spaces
    between such words: "Maroc Digital 2030"). Inside Arabic the bidi algorithm would lay out
    "2021-2026" as "2026-2021" and PDF readers would extract it so; isolated, it shows and copies
    as written. A bare number needs nothing.
    """
    return _LTR_RUN.sub(lambda m: m[0] if m[0].isdigit() or m[0][0] == "\u2066" else f"\u2066{m[0]}\u2069", text)


_LTR_WORD = r"[A-Za-z0-9\u00C0-\u024F](?:[A-Za-z0-9\u00C0-\u024F._%+\-/:@#?=&~']*[A-Za-z0-9\u00C0-\u024F/%])?"
_LTR_RUN = re.compile(rf"\u2066[^\u2069]*\u2069|{_LTR_WORD}(?: {_LTR_WORD})*")  # an isolate already there stays


def prose_for(manifest: Manifest) -> Prose:
    """What running text of this publication goes through: left-to-right runs isolated in
    right-to-left books, nothing in left-to-right ones."""
    return isolate_ltr if manifest.direction == "rtl" else unchanged


def typeset_document(manifest: Manifest) -> Document:
    """Read a publication's text with its running text typeset for every output."""
    return read_document(manifest, prose_for(manifest))
