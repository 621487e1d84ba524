"""dist/ as a download site: index.html listing every publication, and SHA256SUMS.

The page is one self-contained file: fonts subset to its characters and cover thumbnails are
inlined as data URLs, so it shows the same offline, from a CI artifact or from a repository.
"""

from __future__ import annotations

import base64
import hashlib
import io
import zipfile
from pathlib import Path
from typing import Any

from .fonts import FontSet, subset_face
from .manifest import Manifest
from .reader import text_characters
from .templates import Templates, list_separator

THUMBNAIL = (240, 360)  # drawn at 120 × 180 CSS px, sharp on dense screens
FORMATS = ("pdf", "epub")
CHECKSUMS = "SHA256SUMS"


def checksums(files: dict[str, bytes]) -> bytes:
    """SHA256SUMS in the format `sha256sum -c` reads: "<hex>  <name>" per line, sorted by name."""
    return "".join(f"{hashlib.sha256(data).hexdigest()}  {name}\n" for name, data in sorted(files.items())).encode()


def render_index(manifests: list[Manifest], files: dict[str, bytes], fonts: FontSet, templates: Templates) -> bytes:
    """The download page for `manifests`, whose artifacts are `files` (name → bytes)."""
    entries = [
        _entry(m, files) for m in sorted(manifests, key=lambda m: (-(m.date.toordinal() if m.date else 0), m.slug))
    ]
    entries = [e for e in entries if e["files"]]
    language = manifests[0].language if manifests else "en"
    direction = manifests[0].direction if manifests else "ltr"
    context: dict[str, Any] = {
        "entries": entries,
        "t": templates.labels(language),
        "language": language,
        "direction": direction,
        "families": fonts.families,
    }
    context["faces"] = []  # first pass: the page's text, to know which glyphs to embed
    draft = templates.render("site/index.html.j2", **context)
    characters = text_characters(draft, keep_format=True)
    fonts = fonts.reaching(characters)
    context["faces"] = fonts.css_faces(lambda face: _font_url(face, characters))
    context["families"] = fonts.families
    return templates.render("site/index.html.j2", **context).encode("utf-8")


def _entry(manifest: Manifest, files: dict[str, bytes]) -> dict[str, Any]:
    present = [(fmt, f"{manifest.slug}.{fmt}") for fmt in FORMATS if f"{manifest.slug}.{fmt}" in files]
    return {
        "m": manifest,
        "separator": list_separator(manifest.language),
        "files": [
            {
                "format": fmt,
                "name": name,
                "size": human_size(len(files[name])),
                "sha256": hashlib.sha256(files[name]).hexdigest(),
            }
            for fmt, name in present
        ],
        "thumbnail": _thumbnail(files.get(f"{manifest.slug}.epub")),
    }


def _thumbnail(epub: bytes | None) -> str | None:
    """The EPUB's cover image, scaled down, as a data URL (SVG covers as they are)."""
    if epub is None:
        return None
    with zipfile.ZipFile(io.BytesIO(epub)) as archive:
        name = next((n for n in archive.namelist() if Path(n).stem == "cover" and "/images/" in n), None)
        if name is None:
            return None
        data = archive.read(name)
    if name.endswith(".svg"):
        return "data:image/svg+xml;base64," + base64.b64encode(data).decode()
    from PIL import Image

    image = Image.open(io.BytesIO(data)).convert("RGB")
    image.thumbnail(THUMBNAIL)
    out = io.BytesIO()
    image.quantize(64).save(out, format="PNG", optimize=True)
    return "data:image/png;base64," + base64.b64encode(out.getvalue()).decode()


def _font_url(face: Any, characters: set[str]) -> str:
    return "data:font/woff2;base64," + base64.b64encode(subset_face(face, characters, flavor="woff2")).decode()


def human_size(size: int) -> str:
    """1234567 → "1.2 MB"."""
    return f"{size / 1024:.0f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MB"
