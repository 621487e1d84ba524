"""What counts as an image: PNG, JPEG and SVG, recognised by their first bytes, not only their names."""

from __future__ import annotations

from pathlib import Path

from .svg import svg_problem

MEDIA_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".svg": "image/svg+xml"}
_SIGNATURES = {"image/png": (b"\x89PNG\r\n\x1a\n",), "image/jpeg": (b"\xff\xd8\xff",)}


def image_media_type(path: Path) -> str:
    """The media type of an image file, from its suffix (checked by image_problem)."""
    return MEDIA_TYPES[path.suffix.lower()]


def image_problem(path: Path) -> str | None:
    """None for a readable PNG, JPEG or SVG file, else what is wrong with it, as a phrase."""
    media_type = MEDIA_TYPES.get(path.suffix.lower())
    if media_type is None:
        return "must be a PNG, JPEG or SVG file"
    if path.is_dir():
        return "is a directory"
    if not path.is_file():
        return "does not exist"
    head = path.read_bytes()[:1024]
    if media_type == "image/svg+xml":
        return svg_problem(path) if b"<svg" in head else "is not an SVG image (no <svg> element at its start)"
    if not head.startswith(_SIGNATURES[media_type]):
        return f"is not a {media_type.split('/')[1].upper()} image (its first bytes say otherwise)"
    return None
