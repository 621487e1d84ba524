"""dist/ as a download site: index.html listing every publication, and SHA256SUMS.

The page is one self-contained file: fonts subset to its characters and cover thumbnails are
inlined as data URLs, so it shows the same offline, from a CI artifact or from a repository.
"""

from __future__ import annotations

import base64
import hashlib
import io
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from ..errors import ResourceError
from ..workspace import read_kept, write_kept

if TYPE_CHECKING:
    from ..source.fonts import FontSet
    from ..source.manifest import Manifest
    from ..typeset.templates import Templates

THUMBNAIL = (240, 360)  # drawn at 120 × 180 CSS px, sharp on dense screens
FORMATS = ("pdf", "epub")


@dataclass(frozen=True)
class Download:
    """A file the page offers: its name in dist/, where its bytes are now, and their SHA-256."""

    name: str
    path: Path | None  # None while it is still being rendered
    sha256: str
    size: int


def checksums(digests: dict[str, str]) -> bytes:
    """SHA256SUMS in the format `sha256sum -c` reads: "<hex>  <name>" per line, sorted by name."""
    return "".join(f"{digest}  {name}\n" for name, digest in sorted(digests.items())).encode()


def render_index(
    manifests: list[Manifest],
    files: dict[str, Download],
    fonts: FontSet,
    templates: Templates,
    keep: Path | None = None,
) -> bytes:
    """The download page for `manifests`, whose artifacts are `files` (by name). Thumbnails and
    fonts made by earlier builds are taken from the folder `keep`, and new ones left there."""
    context, characters = _draft(manifests, files, fonts, templates, keep)
    fonts = fonts.reaching(characters)
    context["faces"] = fonts.css_faces(lambda face: _font_url(face, characters, keep))
    context["families"] = fonts.families
    return templates.render("site/index.html.j2", **context).encode("utf-8")


def prepare_fonts(
    manifests: list[Manifest], names: list[str], fonts: FontSet, templates: Templates, keep: Path
) -> None:
    """Make and keep the fonts of the page that will list `names`, before those files exist: the
    build does this while its workers render. Sizes and hashes are drawn from a fixed set of
    characters, so made-up ones give the page the characters the real ones will."""
    made_up = {name: Download(name, None, "0" * 64, 0) for name in names}
    _, characters = _draft(manifests, made_up, fonts, templates, None)
    for face in fonts.reaching(characters).faces:
        _font_url(face, characters, keep)


# Sizes ("1.2 MB", "135 KB") and SHA-256 digests are written with these, whatever their values.
NUMBER_CHARACTERS = frozenset("0123456789abcdef .KMB")


def _draft(
    manifests: list[Manifest], files: dict[str, Download], fonts: FontSet, templates: Templates, keep: Path | None
) -> tuple[dict[str, Any], set[str]]:
    """The page's template context without fonts, and the characters its text uses."""
    from ..source.reader import text_characters

    newest_first = sorted(manifests, key=lambda m: (-(m.date.toordinal() if m.date else 0), m.slug))
    entries = [_entry(m, files, keep) for m in newest_first]
    entries = [e for e in entries if e["files"]]
    language = manifests[0].language if manifests else "en"
    direction = manifests[0].direction if manifests else "ltr"
    context: dict[str, Any] = {
        "entries": entries,
        "t": {"read_online": "Read online", **templates.labels(language)},  # a workspace's older labels.j2
        "language": language,
        "direction": direction,
        "families": fonts.families,
        "faces": [],
    }
    draft = templates.render("site/index.html.j2", **context)
    return context, text_characters(draft, keep_format=True) | NUMBER_CHARACTERS


def _entry(manifest: Manifest, files: dict[str, Download], keep: Path | None) -> dict[str, Any]:
    from ..source.languages import list_separator

    present = [(fmt, f"{manifest.slug}.{fmt}") for fmt in FORMATS if f"{manifest.slug}.{fmt}" in files]
    return {
        "m": manifest,
        "separator": list_separator(manifest.language),
        "files": [
            {
                "format": fmt,
                "name": name,
                "href": relative_href(name),
                "size": human_size(files[name].size),
                "sha256": files[name].sha256,
            }
            for fmt, name in present
        ],
        "web": relative_href(page) if (page := f"{manifest.slug}.html") in files else None,
        "thumbnail": _cover_url(files[epub].path if (epub := f"{manifest.slug}.epub") in files else None, keep, epub),
    }


def relative_href(name: str) -> str:
    """A file of dist/ as a link from dist/index.html: a relative path, every byte but ASCII letters,
    digits and "-_.~" percent-encoded, so that no name can become a scheme (javascript:), a path, a
    query or an attribute, whatever the template does with it."""
    return quote(name, safe="")


MAX_COVER_BYTES = 64 * 2**20


def _cover_url(epub: Path | None, keep: Path | None, shown: str = "") -> str | None:
    """The EPUB's cover image, scaled down, as a data URL (SVG covers as they are). An EPUB that
    cannot be read (put in dist/ by hand, truncated) is a ResourceError naming it as `shown`."""
    if epub is None:
        return None
    try:
        with zipfile.ZipFile(epub) as archive:
            info = next(
                (i for i in archive.infolist() if Path(i.filename).stem == "cover" and "/images/" in i.filename), None
            )
            if info is None:
                return None
            if info.file_size > MAX_COVER_BYTES:
                raise ValueError(f"its cover would take {info.file_size} bytes")
            data = archive.read(info)
        if info.filename.endswith(".svg"):
            return "data:image/svg+xml;base64," + base64.b64encode(data).decode()
        return "data:image/png;base64," + base64.b64encode(thumbnail(data, keep)).decode()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, zlib.error) as exc:  # PIL's errors are OSErrors
        raise ResourceError(f"dist/{shown or epub.name}: not a readable EPUB ({exc}); build it again") from None


def thumbnail(image: bytes, keep: Path | None = None) -> bytes:
    """A PNG or JPEG cover scaled down for the page, as PNG; kept in `keep` under the image's SHA-256,
    so that render workers can make it beside the EPUB and no build makes it twice."""
    kept = keep / "thumbnails" / f"{hashlib.sha256(image).hexdigest()}.png" if keep else None
    if kept and (data := read_kept(kept)) is not None:
        return data
    from PIL import Image

    try:
        picture = Image.open(io.BytesIO(image)).convert("RGB")
    except Image.DecompressionBombError as exc:  # not an OSError, unlike PIL's other complaints
        raise ValueError(str(exc)) from None
    picture.thumbnail(THUMBNAIL, reducing_gap=3.0)  # a fast integer reduction first, then resampling
    out = io.BytesIO()
    picture.quantize(64, method=Image.Quantize.FASTOCTREE).save(out, format="PNG", compress_level=9)
    if kept:
        write_kept(kept, out.getvalue())
    return out.getvalue()


def _font_url(face: Any, characters: set[str], keep: Path | None) -> str:
    """A face subset to the page's characters as a WOFF2 data URL, kept under `keep` by content: the
    page's characters (titles, labels, digits) rarely change when it is remade."""
    from ..typeset.subset import woff2_font

    return "data:font/woff2;base64," + base64.b64encode(woff2_font(face, characters, keep)).decode()


def human_size(size: int) -> str:
    """1234567 → "1.2 MB"."""
    return f"{size / 1024:.0f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MB"
