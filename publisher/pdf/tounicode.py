"""Each glyph's own characters in the fonts' ToUnicode maps, where WeasyPrint wrote a cluster's.

WeasyPrint maps each glyph to the text of the first cluster it is drawn in (clusters.py). Most
clusters of Arabic, vocalised or not, are one character drawn as one glyph, and those map right. A
cluster of several glyphs is where it goes wrong: HarfBuzz merges the clusters of a letter with hamza
and its haraka (Amiri draws "أَ" as the alef with its hamza and a fatha moved above the hamza), of
shadda and the haraka on it (a small fatha or damma made for sitting on shadda), of tanwin and shadda;
the first glyph drawn then gets the whole cluster and the others nothing, for the whole document:
every later shadda reads as nothing (PDFium shows the glyph's number as a character, U+01B1, U+0BD1),
or every alef with hamza as "أَ".

Amiri also draws some letters as two glyphs in one cluster (lām in "بلغ"): the second maps to nothing, and a
later word drawing it alone ("لتزويد") loses a letter. So the finisher lays out again, as drawn, every text box
with a mark or an Arabic letter, and shares each such cluster's characters among its glyphs:

- a glyph also drawn alone for one cluster elsewhere keeps what that cluster says (a glyph stands for
  the same characters wherever it is drawn: a ToUnicode map has one entry per glyph);
- the others take the rest: the marks to the glyphs drawn with no advance, the letters to the others,
  each in logical order; a glyph left with nothing (a letter drawn as two glyphs) gets a ZERO WIDTH
  JOINER, not the empty string, which PDFium takes for "no map" and reads the glyph's number.

Then the ToUnicode stream of each font is written again from the corrected map, and the font's map
(`Font.to_unicode`, which pagetext.py reads) follows. Nothing drawn changes: only the map.
"""

from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from collections.abc import Collection, Mapping
from typing import Any

from .clusters import ARABIC, WORD_JOINER, Key, Laid, is_mark, unjoined
from .marks import MIRRORED_CHARS

EMPTY = "\u200d"  # what a glyph standing for no character of its own maps to


def cluster_glyphs(document: Any) -> dict[Any, list[tuple[str, list[tuple[int, bool]]]]]:
    """Every cluster of several glyphs, or of several characters one of which is a mark, drawn in the
    text boxes of `document` that hold a mark or an Arabic letter: by font, its text and its glyphs (id, whether it is
    drawn with no advance) in the order drawn; and every single-glyph cluster of such a box, likewise."""
    from weasyprint.formatting_structure import boxes
    from weasyprint.text.ffi import ffi, pango
    from weasyprint.text.fonts import get_pango_font_key

    found: dict[Any, list[tuple[str, list[tuple[int, bool]]]]] = defaultdict(list)
    for page in document.pages:
        for box in page._page_box.descendants():
            if not isinstance(box, boxes.TextBox) or not (ARABIC.search(box.text) or any(map(is_mark, box.text))):
                continue  # (Amiri draws lām before some letters as two glyphs: "بلغ", clusters.read_clusters)
            if box.style["visibility"] != "visible" or not box.text.strip():
                continue
            layout = box.pango_layout
            layout.reactivate(box.style)
            try:
                pango.pango_layout_set_single_paragraph_mode(layout.layout, True)
                line, _ = layout.get_first_line()
                data = layout.text.encode()
                run = line.runs[0]
                while run != ffi.NULL:
                    item = run.data
                    run = run.next
                    font = document.fonts.get(get_pango_font_key(item.item.analysis.font)[0])
                    string = item.glyphs
                    count, offset, length = string.num_glyphs, item.item.offset, item.item.length
                    clusters = [string.log_clusters[i] for i in range(count)]
                    ends = [*sorted(set(clusters)), length]
                    drawn: dict[int, list[tuple[int, bool]]] = {}
                    for i in range(count):
                        glyph = string.glyphs[i].glyph
                        if glyph == pango.PANGO_GLYPH_EMPTY or glyph & pango.PANGO_GLYPH_UNKNOWN_FLAG:
                            continue
                        drawn.setdefault(clusters[i], []).append((glyph, string.glyphs[i].geometry.width == 0))
                    for start, glyphs in drawn.items():
                        end = ends[ends.index(start) + 1]
                        found[font].append((data[offset + start : offset + end].decode(errors="replace"), glyphs))
            finally:
                layout.deactivate()
    return found


def glyph_texts(clusters: list[tuple[str, list[tuple[int, bool]]]], nominal: Any = None) -> dict[int, str]:
    """The characters each glyph of one font stands for, for the glyphs of clusters of several glyphs.

    `nominal` gives a character's glyph in the font's cmap, or None: a glyph drawn for a character as is
    (shadda's own glyph beside a fatha made to sit on it) stands for that character.
    """
    alone: dict[int, Counter[str]] = defaultdict(Counter)
    for text, glyphs in clusters:
        if len(glyphs) == 1:
            alone[glyphs[0][0]][text] += 1
        elif nominal is not None:
            for char in text:
                glyph = nominal(char)
                if glyph is not None and glyph in [g for g, _ in glyphs] and glyph not in alone:
                    alone[glyph][char] += 0
    known = {glyph: texts.most_common(1)[0][0] for glyph, texts in alone.items()}
    votes: dict[int, Counter[str]] = defaultdict(Counter)
    for text, glyphs in clusters:
        if len(glyphs) == 1:
            continue
        rest = list(text)
        free = []
        for glyph, no_advance in glyphs:
            own = known.get(glyph)
            if own is not None and _take(rest, own):
                votes[glyph][own] += 1
            else:
                free.append((glyph, no_advance))
        marks = [char for char in rest if is_mark(char)]
        letters = [char for char in rest if not is_mark(char)]
        flat = [glyph for glyph, no_advance in free if no_advance]
        full = [glyph for glyph, no_advance in free if not no_advance]
        if not flat or not full:  # all marks, or all letters: share everything among them in logical order
            flat, full, marks, letters = [], [glyph for glyph, _ in free], [], rest
        for group, chars in ((flat, marks), (full, letters)):
            # drawn in visual order, right to left: the last glyph drawn is the first read
            for glyph, share in zip(reversed(group), _share(chars, len(group)), strict=True):
                votes[glyph][share] += 1
    # a glyph left with nothing in some clusters (Amiri's joining tatweel after a vocalised lām: "لِـ") keeps what it
    # stands for alone elsewhere ("هـ"): the layout's clusters give the text of the others (textlayer.py)
    return {glyph: counter.most_common(1)[0][0] or known.get(glyph) or EMPTY for glyph, counter in votes.items()}


def _take(rest: list[str], own: str) -> bool:
    """Remove the characters of `own` from `rest` if they are all there, or begin the canonical decomposition of one
    of them, which leaves the rest of it: Amiri draws Urdu's "ۂ" as the glyph of "ہ" and a hamza, and the glyph of
    "ہ" took "ۂ" for every word ("رابطہ" read "رابطۂ" once "درجۂ" came first)."""
    copy = list(rest)
    for char in own:
        if char in copy:
            copy.remove(char)
            continue
        decomposed = [unicodedata.normalize("NFD", other) for other in copy]
        composed = next((n for n, parts in enumerate(decomposed) if parts[:1] == char), None)
        if composed is None:
            return False
        copy[composed : composed + 1] = decomposed[composed][1:]
    rest[:] = copy
    return True


def _share(chars: list[str], count: int) -> list[str]:
    """`chars` shared in logical order among `count` glyphs: one each, the last glyph taking the rest."""
    shares = [chars[i] if i < len(chars) else "" for i in range(count)]
    if len(chars) > count:
        shares[-1] = "".join(chars[count - 1 :])
    return shares


def rewrite_to_unicode(document: Any, pdf: Any, drawn_brackets: bool = False) -> int:
    """Correct the ToUnicode map of every font for the glyphs of merged clusters, and of any glyph a WORD JOINER
    was merged into; returns how many glyphs. `drawn_brackets` (a left-to-right book): each bracket's glyph maps to
    the bracket it draws, not to the one it was first drawn for, mirrored in an Arabic paragraph: after "(رحمه
    الله)" every bracket of the English text read turned, ")may God have mercy on him(" (the extractors mirror a
    bracket read right to left themselves; an Arabic paragraph's lines carry their text as typed, ltrlayer.py)."""
    import pydyf

    corrected = 0
    by_name = {}
    for obj in pdf.objects[1:]:
        if isinstance(obj, pydyf.Dictionary) and obj.get("Type") == "/Font" and "ToUnicode" in obj:
            by_name[obj["BaseFont"]] = obj
    by_reference = {obj.reference: obj for obj in pdf.objects[1:] if hasattr(obj, "reference")}
    found = cluster_glyphs(document)
    pooled: dict[str, list[tuple[str, list[tuple[int, bool]]]]] = defaultdict(list)  # by font file
    for font, clusters in found.items():
        if font is not None and not font.bitmap:
            pooled[font.hash] += clusters
    shared = {
        key: glyph_texts(clusters, _nominal(next(f for f in found if f is not None and f.hash == key)))
        for key, clusters in pooled.items()
    }
    # Fonts of one file share a name and a key in the pages' resources: the PDF uses the last one's dictionary.
    used = {font.hash: font for font in document.fonts.values()}
    for font in used.values():
        texts = {glyph: text for glyph, text in shared.get(font.hash, {}).items() if glyph in font.to_unicode}
        texts = {glyph: _unjoined(text) for glyph, text in (font.to_unicode | texts).items()}
        if drawn_brackets and not font.bitmap:
            texts |= {glyph: char for glyph, char in brackets_as_drawn(font).items() if glyph in texts}
        changed = {glyph: text for glyph, text in texts.items() if font.to_unicode[glyph] != text}
        dictionary = by_name.get(font.name)
        if not changed or dictionary is None:
            continue
        stream = by_reference.get(dictionary["ToUnicode"])
        if not isinstance(stream, pydyf.Stream):
            continue
        font.to_unicode.update(changed)
        corrected += len(changed)
        first, end = stream.stream.index(b"endcodespacerange") + 1, stream.stream.index(b"endcmap")
        items = tuple(font.to_unicode.items())
        entries: list[bytes] = []
        for start in range(0, len(items), 100):  # as WeasyPrint writes them: at most 100 to a block
            batch = items[start : start + 100]
            entries.append(f"{len(batch)} beginbfchar".encode())
            entries += [f"<{glyph:04x}> <{text.encode('utf-16-be').hex()}>".encode() for glyph, text in batch]
            entries.append(b"endbfchar")
        stream.stream[first:end] = entries
    return corrected


def _unjoined(text: str) -> str:
    """A glyph's text without the WORD JOINERs the typesetting puts in (pdf/addresses.py), which HarfBuzz merges
    into the cluster before them: every en dash of a book read "–⁠" once the first was a range's."""
    return (unjoined(text) or EMPTY) if WORD_JOINER in text else text


def brackets_as_typed(line: list[Any], keys: list[Key], laid: Mapping[Key, Laid], ltr: Collection[Key]) -> None:
    """Each bracket's text in the arrays of a line (pagetext.Show, their text objects' `keys`): the character typed.

    The ToUnicode map has one entry per glyph, and WeasyPrint writes the first cluster it met, while HarfBuzz draws
    a bracket set right to left with the glyph of its mirror image: the glyph of ")" stands for "(" once an Arabic
    parenthesis drew it, and then reads backwards in a Latin run set left to right ("Managem (+3.9%)" read
    "Managem )+3.9%("), and the other way round in Arabic ("سابقة (Holes" read "سابقة )Holes"). So a bracket's text
    is its cluster's in the layout (clusters.py), or, in a box set left to right that holds no Arabic, what it
    draws."""
    objects: dict[Key, list[Any]] = {}
    for show, key in sorted(zip(line, keys, strict=True), key=lambda pair: pair[0].index):
        objects.setdefault(key, []).append(show)
    for key, shows in objects.items():
        glyphs = [(show, n) for show in shows for n, (_, text) in enumerate(show.elements) if text is not None]
        ids = [int(show.elements[n][0][1:-1] or b"0", 16) for show, n in glyphs]
        layout = laid.get(key)
        if layout is not None and ids == [glyph for glyph, _, _ in layout.glyphs]:
            texts = [layout.typed(start, end) for _, start, end in layout.glyphs]
        elif key in ltr:  # (each array's own font: "≤" of "x ≤ 3" is the math font's, "x" the text's)
            texts = [
                "" if show.font.bitmap else brackets_as_drawn(show.font).get(glyph, "")
                for (show, _), glyph in zip(glyphs, ids, strict=True)
            ]
        else:
            continue
        for (show, n), text in zip(glyphs, texts, strict=True):
            if text in MIRRORED_CHARS and show.elements[n][1] in MIRRORED_CHARS:
                show.elements[n] = (show.elements[n][0], text)


def brackets_as_drawn(font: Any) -> dict[int, str]:
    """For the glyphs `font`'s cmap gives brackets and guillemets ("(", "«" ...): the character each draws."""
    found = _DRAWN.get(font.hash)
    if found is None:
        nominal = _nominal(font)
        found = _DRAWN[font.hash] = {glyph: char for char in MIRRORED_CHARS if (glyph := nominal(char)) is not None}
    return found


_DRAWN: dict[str, dict[int, str]] = {}


def _nominal(font: Any) -> Any:
    """A function from a character to its glyph in `font`'s cmap (None if it has none)."""
    import uharfbuzz as hb
    from weasyprint.text.fonts import get_hb_object_data

    hb_font = hb.Font(hb.Face(get_hb_object_data(font.hb_face), font.index))
    return lambda char: hb_font.get_nominal_glyph(ord(char))
