"""Images a renderer must not be given: more pixels than Pillow's decompression-bomb limit (read from
the header, before anything is decoded), or a file cut short or damaged, whose pixels cannot be read."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image

from publisher.errors import ResourceError
from publisher.source.images import pixels_problem
from publisher.source.manifest import load_manifest
from publisher.typeset.document import typeset_document


def png(width: int = 4, height: int = 3) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (20, 90, 160)).save(out, "PNG")
    return out.getvalue()


def claimed_size(width: int, height: int) -> bytes:
    """A 1 × 1 PNG whose header claims `width` × `height` (tests/bad/image-decompression-bomb is one)."""
    data = bytearray(png(1, 1))
    data[16:24] = struct.pack(">II", width, height)
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(data[12:29])))
    return bytes(data)


def jpeg(width: int = 320, height: int = 240) -> bytes:
    out = io.BytesIO()
    Image.effect_noise((width, height), 40).convert("RGB").save(out, "JPEG", quality=80)
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "problem"),
    [
        ("bomb.png", claimed_size(30000, 30000), "has 30000 × 30000 pixels, more than the 89,478,485 an image"),
        ("large.png", claimed_size(10000, 10000), "has 10000 × 10000 pixels"),  # Pillow only warns at this size
        ("cut.png", png(300, 200)[:-30], "is damaged or truncated"),
        ("cut.jpg", jpeg()[:-2000], "is damaged or truncated"),  # cut inside the scan: only decoding sees it
        ("header.jpg", jpeg()[:300], "is damaged or truncated"),
        ("fine.png", png(), None),
        ("fine.jpg", jpeg(), None),
    ],
)
def test_pixels_are_checked_before_anything_decodes_them(
    tmp_path: Path, name: str, data: bytes, problem: str | None
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    found = pixels_problem(path)
    if problem is None:
        assert found is None
    else:
        assert found is not None and found.startswith(problem), found


@pytest.mark.parametrize("name", ["cut.png", "cut.jpg"])
def test_a_cut_file_is_refused_after_weasyprint_made_pillow_lenient(tmp_path: Path, name: str) -> None:
    """Importing WeasyPrint sets ImageFile.LOAD_TRUNCATED_IMAGES (a build, a watch, a script that
    rendered before): the check must not inherit it, and must leave it as it was."""
    from PIL import ImageFile

    import publisher.pdf.render

    publisher.pdf.render.import_weasyprint()
    assert ImageFile.LOAD_TRUNCATED_IMAGES is True
    path = tmp_path / name
    path.write_bytes(png(300, 200)[:-30] if name.endswith(".png") else jpeg()[:-2000])
    assert (pixels_problem(path) or "").startswith("is damaged or truncated")
    assert ImageFile.LOAD_TRUNCATED_IMAGES is True


def test_a_cover_too_large_to_decode_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "source" / "pub"
    (folder / "img").mkdir(parents=True)
    (folder / "manifest.toml").write_text('title = "غلاف"\nauthors = ["أ"]\ncover = "img/cover.png"\n', "utf-8")
    (folder / "article.md").write_text("نص.\n", encoding="utf-8")
    (folder / "img" / "cover.png").write_bytes(claimed_size(30000, 30000))
    with pytest.raises(ResourceError, match=r'^source/pub/manifest.toml: \'cover\' "img/cover.png" has 30000 × 30000'):
        typeset_document(load_manifest(folder))
