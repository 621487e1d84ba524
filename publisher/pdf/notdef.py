"""Find the glyphs a PDF draws that are glyph 0, .notdef: the box a font shows for a character it lacks.

The coverage check stops a build before that can happen; this reads a finished file back, so that
`publish check` also catches a PDF made otherwise, or by an older version. Each composite font's
encoding (Identity-H, or the CMap WeasyPrint writes) turns the bytes of a shown string into CIDs,
and its CIDToGIDMap turns those into glyph IDs of the embedded font. Form XObjects are read too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

_RANGE = re.compile(rb"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\d+)")
_CHAR = re.compile(rb"<([0-9a-fA-F]+)>\s*(\d+)")
_SECTION = re.compile(rb"begin(cidrange|cidchar|codespacerange)(.*?)end\1", re.DOTALL)
_SPACE = re.compile(rb"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>")
_SHOW = {"Tj", "TJ", "'", '"'}


class _Decoder:
    """Bytes of a shown string → glyph IDs, for one composite (Type0) font."""

    def __init__(self, font: Any) -> None:
        import pikepdf

        self.widths = {2}
        self.cids: dict[bytes, int] | None = None  # None: Identity-H, the code is the CID
        encoding = font.get("/Encoding")
        if isinstance(encoding, pikepdf.Stream):
            self.cids, self.widths = _read_cmap(encoding.read_bytes())
        mapping = font.DescendantFonts[0].get("/CIDToGIDMap")
        self.gids = mapping.read_bytes() if isinstance(mapping, pikepdf.Stream) else None  # else /Identity

    def glyphs(self, data: bytes) -> Iterator[int]:
        index = 0
        while index < len(data):
            for width in sorted(self.widths):
                code = data[index : index + width]
                if self.cids is None or code in self.cids:
                    break
            cid = int.from_bytes(code, "big") if self.cids is None else self.cids.get(code, 0)
            index += len(code)
            if self.gids is not None:
                yield int.from_bytes(self.gids[2 * cid : 2 * cid + 2], "big") if 2 * cid + 2 <= len(self.gids) else 0
            else:
                yield cid


def _read_cmap(data: bytes) -> tuple[dict[bytes, int], set[int]]:
    cids: dict[bytes, int] = {}
    widths: set[int] = set()
    for kind, body in _SECTION.findall(data):
        if kind == b"codespacerange":
            widths |= {
                len(bytes.fromhex(low.decode()))
                for low, _high in re.findall(rb"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>", body)
            }
        elif kind == b"cidrange":
            for low, high, first in _RANGE.findall(body):
                start, end, width = int(low, 16), int(high, 16), len(low) // 2
                for offset in range(end - start + 1):
                    cids[(start + offset).to_bytes(width, "big")] = int(first) + offset
        else:
            for code, cid in _CHAR.findall(body):
                cids[bytes.fromhex(code.decode())] = int(cid)
    return cids, widths or {2}


def notdef_pages(pdf: Any) -> list[int]:
    """The 1-based numbers of the pages of an open pikepdf document that draw glyph 0."""
    return [number for number, page in enumerate(pdf.pages, start=1) if _draws_notdef(page.obj, set())]


def _draws_notdef(holder: Any, seen: set[tuple[int, int]]) -> bool:
    import pikepdf

    resources = holder.get("/Resources") or {}
    fonts = resources.get("/Font") or {}
    decoders = {str(name): _Decoder(font) for name, font in fonts.items() if font.get("/Subtype") == "/Type0"}
    decoder = None
    for instruction in pikepdf.parse_content_stream(holder):
        if isinstance(instruction, pikepdf.ContentStreamInlineImage):
            continue
        operands, name = instruction.operands, str(instruction.operator)
        if name == "Tf":
            decoder = decoders.get(str(operands[0]))
        elif name in _SHOW and decoder is not None:
            strings = operands[0] if name == "TJ" else [operands[-1]]
            for item in strings:
                if isinstance(item, pikepdf.String) and 0 in decoder.glyphs(bytes(item)):
                    return True
        elif name == "Do":
            xobject = (resources.get("/XObject") or {}).get(str(operands[0]))
            if xobject is not None and xobject.get("/Subtype") == "/Form":
                key = xobject.objgen
                if key not in seen:
                    seen.add(key)
                    if _draws_notdef(xobject, seen):
                        return True
    return False
