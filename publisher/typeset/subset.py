"""Fonts reduced to the characters an output uses, for the outputs that carry their fonts (EPUB, web)."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import io
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..errors import ResourceError
from ..source.fonts import Face
from ..version import tool_digest
from ..workspace import display_path, file_digest, read_kept, write_kept

# Brotli quality of WOFF2 fonts. fontTools asks for 11, the slowest: on a download page's Amiri
# subset (980 glyphs) 0.75 s a face, against 0.05 s at 9 for a file 7 % larger. The glyf table is
# stored as it is (WOFF2's null transform): transforming it is 0.25 s of Python a face for 10 %.
WOFF2_QUALITY = 9


def subset_face(face: Face, characters: Iterable[str], flavor: str | None = None) -> bytes:
    """The face reduced to the glyphs `characters` can reach, every OpenType layout feature kept.

    Keeping all GSUB/GPOS features (init, medi, fina, isol, rlig, liga, calt, ccmp, mark, mkmk,
    kern, curs, ...) and their closure is what keeps lam-alef ligatures and mark positioning intact.
    HarfBuzz's subsetter does this in milliseconds (fontTools' takes about 0.4 s per face);
    fontTools then writes WOFF2 when asked.
    """
    import uharfbuzz as hb

    request = hb.SubsetInput()
    for char in characters:
        request.unicode_set.add(ord(char))
    for every in (request.layout_feature_tag_set, request.name_id_set, request.name_lang_id_set):
        every.clear()
        every.invert()  # the complement of nothing: all features, all names, all languages
    request.flags = hb.SubsetFlags.NOTDEF_OUTLINE
    reduced = hb.subset(hb.Face(face.path.read_bytes()), request)
    if reduced is None:
        raise ResourceError(f"{display_path(face.path)}: HarfBuzz could not subset this font")
    data = bytes(reduced.blob.data)
    if flavor is None:
        return data
    from fontTools.ttLib import TTFont
    from fontTools.ttLib.woff2 import WOFF2FlavorData

    with TTFont(io.BytesIO(data), recalcTimestamp=False) as font, _brotli_quality(WOFF2_QUALITY):
        font.flavor = flavor  # "woff2" for web pages
        if flavor == "woff2":
            font.flavorData = WOFF2FlavorData(transformedTables=())  # glyf and loca as they are
        out = io.BytesIO()
        font.save(out, reorderTables=False)  # equal inputs, equal bytes
    return out.getvalue()


def woff2_font(face: Face, characters: Iterable[str], keep: Path | None = None) -> bytes:
    """The face subset to `characters` as WOFF2, for pages that show them (the download page, the web
    edition). Cached by content (the font's bytes, the characters, this tool): in this process, and
    under `keep` (a build's .publish-cache/) when given, so that no build makes the same font twice."""
    wanted = "".join(sorted(set(characters)))
    key = hashlib.sha256(f"{tool_digest()}\0{file_digest(face.path)}\0{wanted}".encode()).hexdigest()
    kept = keep / "fonts" / f"{key}.woff2" if keep else None
    data = read_kept(kept) if kept else None
    if data is None:
        data = _woff2(key, face, wanted)
        if kept:
            write_kept(kept, data)
    return data


@functools.lru_cache(maxsize=64)
def _woff2(key: str, face: Face, characters: str) -> bytes:
    """`key` names the content (see woff2_font): a font file changed in place makes another key."""
    return subset_face(face, characters, flavor="woff2")


@contextlib.contextmanager
def _brotli_quality(quality: int) -> Iterator[None]:
    """fontTools' WOFF2 writer calls brotli.compress with no quality (11); for the time of a save,
    its brotli is one that passes `quality`. fontTools offers no option for it."""
    from fontTools.ttLib import woff2

    real = woff2.brotli
    woff2.brotli = _Brotli(real, quality)
    try:
        yield
    finally:
        woff2.brotli = real


class _Brotli:
    def __init__(self, module: Any, quality: int) -> None:
        self._module, self._quality = module, quality

    def __getattr__(self, name: str) -> Any:
        return getattr(self._module, name)

    def compress(self, data: bytes, **options: Any) -> bytes:
        return bytes(self._module.compress(data, **{**options, "quality": self._quality}))
