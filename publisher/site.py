"""dist/ as a download site: index.html listing every publication, and SHA256SUMS.

The page is one self-contained file: fonts subset to its characters and cover thumbnails are
inlined as data URLs, so it shows the same offline, from a CI artifact or from a repository.
"""

from __future__ import annotations

import base64
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .fonts import FontSet
    from .manifest import Manifest
    from .templates import Templates

THUMBNAIL = (240, 360)  # drawn at 120 × 180 CSS px, sharp on dense screens
FORMATS = ("pdf", "epub")


@dataclass(frozen=True)
class Download:
    """A file the page offers: its name in dist/, where its bytes are now, and their SHA-256."""

    name: str
    path: Path
    sha256: str

    @property
    def size(self) -> int:
        return self.path.stat().st_size


def checksums(digests: dict[str, str]) -> bytes:
    """SHA256SUMS in the format `sha256sum -c` reads: "<hex>  <name>" per line, sorted by name."""
    return "".join(f"{digest}  {name}\n" for name, digest in sorted(digests.items())).encode()


def render_index(manifests: list[Manifest], files: dict[str, Download], fonts: FontSet, templates: Templates) -> bytes:
    """The download page for `manifests`, whose artifacts are `files` (by name)."""
    from .reader import text_characters

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


def _entry(manifest: Manifest, files: dict[str, Download]) -> dict[str, Any]:
    from .templates import list_separator

    present = [(fmt, f"{manifest.slug}.{fmt}") for fmt in FORMATS if f"{manifest.slug}.{fmt}" in files]
    return {
        "m": manifest,
        "separator": list_separator(manifest.language),
        "files": [
            {
                "format": fmt,
                "name": name,
                "size": human_size(files[name].size),
                "sha256": files[name].sha256,
            }
            for fmt, name in present
        ],
        "thumbnail": _thumbnail(files[f"{manifest.slug}.epub"].path if f"{manifest.slug}.epub" in files else None),
    }


def _thumbnail(epub: Path | None) -> str | None:
    """The EPUB's cover image, scaled down, as a data URL (SVG covers as they are)."""
    if epub is None:
        return None
    with zipfile.ZipFile(epub) as archive:
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
    from .fonts import subset_face

    return "data:font/woff2;base64," + base64.b64encode(subset_face(face, characters, flavor="woff2")).decode()


def human_size(size: int) -> str:
    """1234567 → "1.2 MB"."""
    return f"{size / 1024:.0f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MB"
