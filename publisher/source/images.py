"""What counts as an image: PNG, JPEG and SVG, recognised by their first bytes, not only their names;
and a PNG or JPEG whose pixels can be read whole, of a size a renderer can decode."""

from __future__ import annotations

import warnings
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


def pixels_problem(path: Path) -> str | None:
    """None when the pixels of a PNG or JPEG (one image_problem passed) can be read whole, else what
    is wrong, as a phrase: more pixels than Pillow's decompression-bomb limit, or a damaged file.

    The size is read from the header before anything is decoded (WeasyPrint would decode a
    30000 × 30000 image whole, 2.7 GB); a truncated file must not become a silent gap on the page.
    """
    media_type = image_media_type(path)
    if media_type == "image/svg+xml":
        return None
    from PIL import Image, ImageFile, JpegImagePlugin, PngImagePlugin

    # The format's own class reads the header and tells the size; Image.open would refuse a bomb
    # before saying how large it is.
    opener = PngImagePlugin.PngImageFile if media_type == "image/png" else JpegImagePlugin.JpegImageFile
    limit = Image.MAX_IMAGE_PIXELS or 0
    # WeasyPrint sets ImageFile.LOAD_TRUNCATED_IMAGES when it is imported (it draws what it can of a
    # cut file): a check in a process that has rendered before must not inherit that leniency.
    lenient, ImageFile.LOAD_TRUNCATED_IMAGES = ImageFile.LOAD_TRUNCATED_IMAGES, False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with opener(path) as image:
                width, height = image.size
                if limit and width * height > limit:
                    return f"has {width} × {height} pixels, more than the {limit:,} an image may have; scale it down"
                if media_type == "image/jpeg":
                    image.draft("RGB", (max(1, width // 8), max(1, height // 8)))  # decoded at 1/8 scale
                    image.load()
                else:
                    image.verify()  # every chunk and its checksum, to the last, without decoding
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        return f"has more pixels than an image may have ({exc})"
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        return f"is damaged or truncated, its pixels cannot be read ({exc}); save it again"
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = lenient
    return None
