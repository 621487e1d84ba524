"""Faces subset to the characters of a web page, as WOFF2, kept by content between builds.

The download page inlines them (web/site.py); the web edition writes them as files beside it
(web/edition.py). Brotli makes WOFF2 take about 0.2 s a face, so a subset is kept in the build
cache under a hash of the font file, the characters and this tool, and made once.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from ..version import tool_digest
from ..workspace import file_digest, read_kept, write_kept


def woff2_subset(face: Any, characters: set[str], keep: Path | None) -> bytes:
    """`face` reduced to `characters` (every layout feature kept), as WOFF2; taken from `keep`
    (the build cache's folder) when a build made it before, and left there when made now."""
    from ..typeset.subset import subset_face

    key = hashlib.sha256(f"{tool_digest()}\0{file_digest(face.path)}\0{''.join(sorted(characters))}".encode())
    kept = keep / "fonts" / f"{key.hexdigest()}.woff2" if keep else None
    data = read_kept(kept) if kept else None
    if data is None:
        data = subset_face(face, characters, flavor="woff2")
        if kept:
            write_kept(kept, data)
    return data
