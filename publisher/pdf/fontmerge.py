"""The fonts of a book merged from parts (merge.py): each face embedded once, subset to the glyphs the whole
book draws, as a serial render embeds it.

Every part's PDF embeds the faces it draws under the same resource name and base font name (WeasyPrint names
a font after its description, not its glyphs) and the same glyph ids (it subsets with the ids kept), so the
pages' text needs no change: each name is pointed at one font, whose glyph widths and ToUnicode map are the
union of the parts' (the first part to draw a glyph gives its entry, as the first page to draw it does in a
serial render) and whose file is the original subset once to all their glyphs (weasyhooks.subset_font).

The ToUnicode maps are what the text layer reads (tounicode.py corrects them by votes over the whole
document): the book's map is worked out from every part's clusters as a serial render would, and each part
must have drawn its text layer from the same entries, else the book is rendered in one process.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .partrender import PartPdf, Unsupported
from .tounicode import glyph_texts
from .weasyhooks import subset_font

FIXED_PITCH = 1


def merge_fonts(book: Any, first_pages: list[int], parts: list[PartPdf], files: Mapping[str, bytes]) -> None:
    """Point every part's fonts (in `book`, whose part k starts at page `first_pages[k]`) at one font a face,
    subset to the book's glyphs; `files` are the font files by SHA-256."""
    import pikepdf

    tables = [book.pages[start].Resources.Font for start in first_pages]  # each part's, shared by its pages
    for name in dict.fromkeys(key for table in tables for key in table):
        owners = [(table, part) for table, part in zip(tables, parts, strict=True) if name in table]
        fonts = [table[name] for table, _ in owners]
        uses = [part.fonts.get(name[1:]) for _, part in owners]
        if any(use is None or not use.plain or use.digest not in files for use in uses):
            raise Unsupported(f"font {name[1:]} is not one the parts can share")
        maps = [use.texts for use in uses if use]
        widths = _union([use.widths for use in uses if use], "glyph widths")
        texts = _book_map(maps, [use for use in uses if use], files)
        merged = fonts[0]
        descendant = merged.DescendantFonts[0]
        descriptor = descendant.FontDescriptor
        if "/CIDSet" in descriptor or merged.get("/Encoding") != pikepdf.Name("/Identity-H"):
            raise Unsupported(f"font {name[1:]} has a CIDSet or an encoding of its own")
        use = uses[0]
        assert use is not None
        data = subset_font(files[use.digest], use.index, texts, use.family)
        descriptor.FontFile2 = book.make_stream(data, Length1=len(data))
        box = [float(v) for v in descriptor.FontBBox]
        descriptor.FontBBox = pikepdf.Array([0, box[1], max(widths.values(), default=0), box[3]])
        fixed = len(widths) > 1 and len(set(widths.values())) == 1
        descriptor.Flags = (int(descriptor.Flags) & ~FIXED_PITCH) | (FIXED_PITCH if fixed else 0)
        descendant.W = _width_array(widths)
        merged.ToUnicode = book.make_stream(_cmap(merged.ToUnicode.read_bytes(), texts))
        for table, _ in owners:
            table[name] = merged


def _book_map(maps: list[dict[int, str]], uses: list[Any], files: Mapping[str, bytes]) -> dict[int, str]:
    """The font's ToUnicode map as a serial render writes it: each glyph's first entry, corrected by the votes
    of every part's clusters (tounicode.rewrite_to_unicode); Unsupported if a part's map says otherwise."""
    first: dict[int, str] = {}
    for entries in maps:
        for glyph, text in entries.items():
            first.setdefault(glyph, text)
    clusters = [cluster for use in uses for cluster in use.clusters]
    if clusters:
        import uharfbuzz as hb

        hb_font = hb.Font(hb.Face(files[uses[0].digest], uses[0].index))
        voted = glyph_texts(clusters, lambda char: hb_font.get_nominal_glyph(ord(char)))
        first = {glyph: voted.get(glyph, text) for glyph, text in first.items()}
    for entries in maps:
        if any(first[glyph] != text for glyph, text in entries.items()):
            raise Unsupported("a glyph reads as other text in one part than in the book (vocalised text?)")
    return first


def _union(maps: list[dict[int, float]], what: str) -> dict[int, float]:
    union: dict[int, float] = {}
    for entries in maps:
        for key, value in entries.items():
            if union.setdefault(key, value) != value:
                raise Unsupported(f"the parts disagree on the {what} of a font")
    return dict(sorted(union.items()))


def _width_array(widths: dict[int, float]) -> Any:
    """The /W array of runs of consecutive glyphs, as WeasyPrint writes it."""
    import pikepdf

    array: list[Any] = []
    for glyph, width in widths.items():
        if glyph - 1 not in widths:
            array += [glyph, []]
        array[-1].append(width)
    return pikepdf.Array([pikepdf.Array(v) if isinstance(v, list) else v for v in array])


def _cmap(original: bytes, texts: dict[int, str]) -> bytes:
    """A ToUnicode CMap with the entries of `texts`, around the header and trailer of `original`."""
    head = original[: original.index(b"endcodespacerange") + len(b"endcodespacerange")]
    tail = original[original.index(b"endcmap") :]
    items = list(texts.items())
    lines = [head]
    for start in range(0, len(items), 100):  # as WeasyPrint writes them: at most 100 to a block
        batch = items[start : start + 100]
        lines.append(f"{len(batch)} beginbfchar".encode())
        lines += [f"<{glyph:04x}> <{text.encode('utf-16-be').hex()}>".encode() for glyph, text in batch]
        lines.append(b"endbfchar")
    lines.append(tail)
    return b"\n".join(lines)
