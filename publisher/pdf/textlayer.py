"""The text layer of right-to-left PDFs: marks that make text extractors read the words in order.

Nothing drawn changes; the marks only steer two extractors, each through a door the other keeps shut.

poppler (pdftotext, Evince) rebuilds a right-to-left line from its glyphs in visual order: it drops the space glyphs,
puts spaces back where it sees gaps, then reverses every stretch of the line that holds no left-to-right letter or
digit. The space that follows a left-to-right run in reading order ("2021-2026 التي") sits at the run's visual left,
and poppler's left-to-right stretch takes it in, so the run comes out glued to the next word: "2021-2026التي". Giving
that one space glyph an /ActualText of a space and a RIGHT-TO-LEFT MARK ends the stretch where the run ends. poppler
reads /ActualText only from an inline property dictionary (`/Span <<...>> BDC`).

PDFium (Chrome, pypdfium2) cuts each line, in visual order, into segments of one character class (left-to-right
letters; digits and number punctuation; right-to-left letters; the rest) and reverses the order of the segments when
the line is right-to-left, which it decides by counting segments unless the document's /ViewerPreferences say
/Direction /R2L. So we say it: lines mostly in Latin (an e-mail address, a table row "RBA 577827 الرباط") no longer
come out in visual order. A left-to-right run of more than one segment ("Maroc Digital 2030") still comes out segment
by segment reversed ("2030 Digital Maroc"): its glyphs get an /ActualText of the run with its segments in reverse
order, which PDFium's reversal puts back. That /ActualText sits in a *named* property list (`/Span /AT3 BDC`,
/Properties in the page resources), which PDFium resolves and poppler ignores, so poppler keeps reading the glyphs.
PDFium also mirrors each bracket or quote it reverses ("{" becomes "}"), though the glyph's text is already the
character in reading order: such a glyph gets the mirror image as its named /ActualText, which PDFium mirrors back.
(PDFium also reads the inline RIGHT-TO-LEFT MARK above as one more right-to-left character, which changes no word.) A
word whose glyphs a blank over 0.05 em parts (Amiri's kerning pairs: "و" or "ر" before "ي") is two words to poppler
("تشاور ية"), and a word with marks comes out of both extractors with the marks' glyphs read wrong and cut off
(clusters.py says why). Such a word's glyphs, its raised marks' arrays included, get an inline /ActualText of the word
reversed, which poppler lays out left to right and reverses back, and inside it a named one with each stretch of
letters reversed, which PDFium reads instead (marks.py); the word's text comes from the layout's clusters when it has
marks, else from its glyphs. (A `Tc` that put the blank into the glyph's advance does not help: poppler subtracts it
again.) A word in a script poppler's tables leave neutral (Tifinagh: "ⴰⴳⴰⴷⵉⵔ") is reversed by poppler with the Arabic
around it: its glyphs get an inline /ActualText of the word reversed, which poppler reverses back, and inside it a
named one of the word as written, which PDFium reads instead (it takes the innermost); the space just right of the
word gets the RIGHT-TO-LEFT MARK above. Both extractors read two or more weak neutrals glued to an Arabic word in the
order drawn ("$/برميل", drawn "ليمرب/$", read "/$برميل"): they get their text as typed after a RIGHT-TO-LEFT MARK.

The space that ends a run and the Tifinagh word are often in another text object than the run (an address is an inline
box, a Tifinagh word another font): these marks are found over lines, a baseline's objects in visual order (pagetext).

A URL or e-mail address broken at a line end (pdf.py) comes out of both extractors as two words, each line read on its
own. The glyphs of its first piece get an inline /ActualText of the whole address for poppler, and inside it a named
one for PDFium (addresstext.py); the other pieces get an inline /ActualText of one space. Not an empty one: PDFium
ignores an empty /ActualText and reads the glyphs. The pieces are found by their text, among the addresses pdf.py
marked (addresspieces.py). PDFium drops the adjustment that ends a `TJ` array holding an empty glyph; the arrays we
cut are written without them, so PDFium draws the words where WeasyPrint put them.

poppler also takes words more than about one font size apart for separate blocks, and may put the leftmost of them out
of place: a justified line with few spaces (the line above an address kept whole) has blanks of two or three em. Each
space glyph in a blank over 0.8 em is stretched across it with the horizontal scaling operator (`Tz`), leaving 0.2 em
on each side, and gets the inline /ActualText of a space and a RIGHT-TO-LEFT MARK: poppler keeps it as a tiny word
that bridges the blank. A space draws nothing, so the page looks the same. Figures: benchmarks/text_fidelity.py.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Collection, Iterable, Iterator, Mapping
from typing import Any

from ..typeset.kashida import as_typed
from . import marks as vocal
from .addresspieces import address_roles
from .addresstext import pdfium_address, poppler_address
from .cells import mark_cells, split_apart, table_cells
from .charclass import (
    LRM,
    ORDERS,
    between_lrms,
    letter_kind,
    not_hyphenated,
    pdfium_actual_text,
    pdfium_run_text,
    signs_alone,
)
from .clusters import Key, position_key, read_clusters
from .codetext import in_code, pdfium_code_text
from .lineroles import KERN, RUN_END, split_line
from .ltrlayer import mark_phrases
from .marks import base_first, line_text, marked_words, pdfium_text, spanned_objects
from .neighbours import abutting, glued, mismapped, object_end, own_texts
from .orient import Written
from .pagetext import Show, kerning_gaps, loose, read_lines
from .pdfiumline import call_text, pdfium_text_over, with_blank
from .pieces import (
    ADDRESS_HEAD,
    ADDRESS_TAIL,
    AFTER_NUMBER,
    BETWEEN_LRMS,
    BRACKET_AFTER_LTR,
    BRACKET_BY_NUMBER,
    LTR_RUN,
    MIRRORED,
    MIRRORED_AS_DRAWN,
    MIRRORED_BY_NUMBER,
    PLAIN,
    PREFIX,
    RUN_END_SPACE,
    SHARABLE,
    STRETCHED_SPACE,
    SYMBOLS,
    UNKNOWN_LTR,
    WEAK_ROLES,
    WORD,
    line_pads,
    marked_depths,
    outside,
    padded,
    roles_within,
    stretched,
    tail_arrays,
    weak_text,
    with_head,
    word_ends,
)
from .popplerwords import poppler_text
from .ranges import poppler_range
from .readingorder import move_markers_and_calls, placed_boxes
from .sharedruns import neutral_to_poppler, turned
from .tipping import tipped
from .tounicode import brackets_as_typed, rewrite_to_unicode
from .wholeline import ISOLATES, SILENT, advancing, beside_raised, isolates_only, poppler_ltr_line, whole_line_marks
from .wordedges import Word


def mark_text_layer(
    document: Any,
    pdf: Any,
    addresses: Iterable[str] = (),
    elongated: Mapping[str, str] | None = None,
    written: list[Written] | None = None,
) -> int:
    """Declare the reading order right-to-left and add the marks described above; returns how many marks.

    Runs as WeasyPrint's finisher, on the page streams before they are written: the glyphs of each
    `TJ` operator are read back to text through the font's own glyph-to-Unicode map, and put in
    lines (pagetext.py), since a mark may depend on a glyph of the next text object. `elongated`: the words
    kashida justification drew with tatweels the author did not type (as drawn → as typed, pdf/kashida.py).
    """
    import pydyf

    preferences = pdf.catalog.get("ViewerPreferences")
    if not isinstance(preferences, pydyf.Dictionary):
        preferences = pdf.catalog["ViewerPreferences"] = pydyf.Dictionary()
    preferences["Direction"] = "/R2L"
    rewrite_to_unicode(document, pdf)
    fonts = {font.hash: font for font in document.fonts.values()}
    properties = pydyf.Dictionary()  # the named property lists, shared by the pages through their resources
    # one list for the arrays of one word or run (PDFium reads the first, skips the others), not for its next
    # occurrence: PDFium skipped that too ("الوزير الوزير", the space between them an array it gives no width)
    names: dict[tuple[object, str], str] = {}

    def named(text: str, shared: object = None, page: int = -1, typed: str = "") -> bytes:
        """A named /ActualText, one per `shared` key; a `typed` one on `page` PDFium proofreads (orient.py)."""
        name = names.get((shared, text)) if shared is not None else None
        if name is None:
            name = f"AT{len(properties)}"
            properties[name] = pydyf.Dictionary({"ActualText": pydyf.String(text)})
            if shared is not None:
                names[shared, text] = name
        if typed and written is not None:
            written.append(Written(page, name, typed))
        return f"/Span /{name} BDC".encode()

    def line_named(page: int, typed: str, line: list[Show], shows: list[Show] | None = None) -> bytes:
        """The named /ActualText of a line (or of its arrays `shows`: a vocalised object), as PDFium reads it."""
        return named(pdfium_text_over(typed, shows or line, line), page=page, typed=typed)

    def inline(text: str) -> list[Any]:
        return ["/Span", pydyf.Dictionary({"ActualText": pydyf.String(text)}), b"BDC"]

    addresses = list(addresses)
    pages: Iterable[tuple[Any, Any, list[list[Show]]]]
    decoded: dict[str, dict[bytes, tuple[bytes, str]]] = {}  # each font's glyphs, decoded once for all pages
    markers, calls, whole, ltr_boxes, code_boxes = placed_boxes(document)
    cells, tabled = table_cells(document)  # table cells that run over lines (cells.py), and every cell's text
    pages = (  # a line drawn in pieces among a table's cells cut there (cells.py)
        (stream, resources, split_apart(read_lines(stream.stream, fonts, decoded), cells, page))
        for page, (stream, resources) in enumerate(_page_streams(pdf, markers, calls))
    )
    addressed: dict[int, dict[tuple[int, int], int]] = {}
    heads: dict[int, str] = {}
    broken: set[int] = set()  # the lines holding a piece of an address broken over lines
    if addresses:  # a broken address spans lines, even pages: read them all first (else one page at a time)
        pages = list(pages)
        addressed, heads, broken = address_roles([line for *_, lines in pages for line in lines], addresses)
    laid = read_clusters(document)
    count, number = 0, 0
    for page, (stream, resources, lines) in enumerate(pages):
        replacements: dict[int, list[Any]] = {}
        depths: list[int] = []
        tippable: list[Any] = []  # the inline /ActualText of each run-ending space and line read whole: tipped
        for line in lines:
            keys = [position_key(page, *show.origin[1:]) for show in line]
            called = {show.index for show, key in zip(line, keys, strict=True) if key in calls}
            for show in [show for show in line if show.index in called]:  # a space (readingorder.py), no number's
                show.elements = [(part, None if text is None else " ") for part, text in show.elements]
            brackets_as_typed(line, keys, laid, ltr_boxes)  # not as the ToUnicode map has them (tounicode.py)
            spanned = spanned_objects(line, laid, page)
            if elongated:  # a vocalised word kashida elongated reads as typed, without its tatweel
                spanned = {key: (a, b, as_typed(text, elongated)) for key, (a, b, text) in spanned.items()}
            tails = tail_arrays(line, addressed.get(number, {})) if number in broken else set()
            verse = all(key in whole for key in keys)  # or code's line: readingorder.placed_boxes
            runs = {show.origin for show, key in zip(line, keys, strict=True) if key in ltr_boxes}
            isolates = (number not in broken or any(id(s) in heads for s in line)) and isolates_only(line, runs)
            celled = any(key in cells for key in keys)  # a row holding a cell over lines: cells.py reads it
            # (a note's call too beside raised marks: "فقالوا «أُسطُقُس» … (usṭuqussāt)¹. ثم" had its start read last
            # by PDFium, each raised array closing a group; the call, moved to the line's end, is a RIGHT-TO-LEFT MARK)
            raised = beside_raised(line, spanned, laid, page) and tails is not None
            read_whole = not celled and ((not called and (verse or isolates)) or raised)
            ltr = read_whole and (isolates or all(whole.get(key, False) for key in keys))
            apart = [*(tails or ()), *called]  # (objects whose text is not the line's)
            text = line_text(line, spanned, laid, page, True, apart, ltr, runs) if read_whole else None
            if text is not None:  # a verse, read as one line (readingorder.placed_boxes), without kashida's tatweel
                text = as_typed(text, elongated or {}).translate(ISOLATES)  # (and its isolates' marks)
                text = with_head(text, line, heads, addressed.get(number)) if number in broken else text
                depths = depths or marked_depths(stream.stream)
                name = line_named(page, text or " ", line)  # (a line of later pieces alone: not empty, see above)
                outer = [*inline(not_hyphenated(poppler_ltr_line(text) if ltr else poppler_text(text)))]
                rests = {index: inline(vocal.RLM) for index in tails or ()}  # an address's rest: see ADDRESS_TAIL
                rests |= {index: inline("") for index in called}  # (a call: nothing, its text left out above)
                running = not verse and tabled.keys().isdisjoint(keys)  # running text: no verse, no table's row
                marked = whole_line_marks(stream.stream, line, spanned, name, outer, depths, rests, running)
                if marked is not None:
                    replacements.update(marked)
                    tippable.append(outer[1])
                    count, number = count + 1, number + 1
                    continue
            gaps = [set(kerning_gaps(show, KERN)) if show.origin not in spanned else set() for show in line]
            words = marked_words(line, laid, page, gaps, elongated, spanned) if laid or elongated or any(gaps) else []
            apart = [s for s, show in enumerate(line) if keys[s] in markers]
            isolated = [s for s, key in enumerate(keys) if key in ltr_boxes]
            code = [s for s, key in enumerate(keys) if key in code_boxes]
            split = split_line(line, addressed.get(number, {}), words, apart, isolated, code)
            number += 1
            ends = word_ends(split)
            unspanned = [pieces for show, (pieces, _) in zip(line, split, strict=True) if show.origin not in spanned]
            simple = all(role in SHARABLE or role >= WORD for pieces in unspanned for role, _, _ in pieces)
            shared_text = line_text(line, spanned, laid, page, called=called, isolated=runs) if simple else None
            shared_text = as_typed(shared_text, elongated) if shared_text and elongated else shared_text
            depths = (depths or marked_depths(stream.stream)) if shared_text else depths  # once a page
            pads = line_pads(line, split, spanned, depths, called) if shared_text and spanned else None
            shared = line_named(page, shared_text, line) if pads is not None and shared_text else None
            for first, last, text in spanned.values():
                # a vocalised line: its text object's operators kept whole, inside one pair of /ActualText
                pad = pads[first] if shared and pads else 0
                arrays = [s for s in line if first <= s.index <= last]
                own = shared or line_named(page, text, line, arrays)
                opening = [*inline(poppler_text(text)), *[b"/Span BMC"] * pad, own]
                # (not shared: the arrays after the first read nothing, else PDFium, taking a raised mark's array in a
                # group of its own, read the object twice, "، وإلى … ما رقم (م/٥١) … هـ، وإلى … ما": SILENT)
                quiet_rest = not shared and arrays[1:] and advancing(arrays[0])
                rest = [b"EMC", named(SILENT, shared=SILENT)] if quiet_rest else []
                replacements[first] = [*opening, stream.stream[first], *rest]
                replacements[last] = [*replacements.get(last, [stream.stream[last]]), *[b"EMC"] * (pad + 2)]
                count += 1
            inside: tuple[int, int] | None = None  # the last piece of the word whose /ActualText is open
            for place, (show, (pieces, stretches)) in enumerate(zip(line, split, strict=True)):
                if show.index in called:  # not a word (readingorder.py); its mark ends poppler's number: "2027¹ وقال"
                    tj = with_blank(stream.stream[show.index], show, line)  # it shares the line's text, if any: PDFium,
                    if shared and pads is not None:  # taking it between two arrays of a vocalised word, read it again
                        tj = padded(shared, tj, pads[show.index] - 1)  # ("شَرْحًا وَافِيًا.³", twice)
                    # (PDFium's with the mark first after a line's only word, "سائغة¹.", which it had read reversed)
                    ending = [named(vocal.RLM + " "), b"EMC"] if not shared and _one_word(line, called) else []
                    replacements[show.index] = [*inline(call_text(show, line)), *ending[:1], tj, *ending[1:], b"EMC"]
                    continue
                if not shared and abutting(split, place, isolated):  # two isolates, no space drawn between
                    # ("~~10%~~ 8%", set right to left): a space and a RIGHT-TO-LEFT MARK after the left one part them
                    isolate = "".join(piece_text for _, _, piece_text in pieces)
                    marks = [*inline(isolate + " " + vocal.RLM), named(pdfium_actual_text(isolate))]
                    replacements[show.index] = [*marks, stream.stream[show.index], b"EMC", b"EMC"]
                    continue
                alone = len(pieces) == 1 and pieces[0][0] == PLAIN and not shared
                if show.origin in spanned or (alone and not glued(split, place, 0)):
                    continue  # nothing to mark: the operator stays as WeasyPrint wrote it
                items: list[Any] = []
                stretch = iter(stretches)
                for piece, (role, part, text) in enumerate(pieces):
                    tj = b"[" + part + b"] TJ" if part or role != PLAIN else stream.stream[show.index]
                    if shared and pads is not None:  # as deep in marked content everywhere: PDFium's condition
                        tj = padded(shared, tj, pads[show.index] - outside(role))
                    if role < 0:  # a left-to-right run over several objects: one /ActualText (_shared_runs)
                        depths = depths or marked_depths(stream.stream)
                        deepest = max(
                            depths[other.index]
                            for other, (parts, _) in zip(line, split, strict=True)
                            if any(r == role for r, _, _ in parts)
                        )
                        # Arabic in code (codetext.py): poppler reads the run's text from its first object, a RIGHT-TO-
                        # LEFT MARK from each other (empty, they left a blank where poppler cut the line); each deeper
                        coded = in_code(split, role, code) and any(letter_kind(c) == "R" for c in text)
                        run = named((pdfium_code_text if coded else pdfium_run_text)(text), (number, role))
                        shared_run = padded(run, tj, deepest - depths[show.index])  # (a space after it kept last)
                        # (as PDFium wants; poppler the whole of a turned run, or of a loose one: "a    b" read "b a")
                        unknown = neutral_to_poppler(text)  # "ⵉⴹ ⵏ ⵢⵏⵏⴰⵢⵔ (Iḍ n Yennayer)"
                        looser = any(loose(p) for ps, _ in split for r, p, _ in ps if r == role)
                        if coded or unknown or turned(text) or looser:
                            earlier = [r for parts, _ in split[:place] for r, _, _ in parts]
                            popplers = vocal.RLM if role in earlier + [r for r, _, _ in pieces[:piece]] else text
                            popplers = poppler_address(popplers.rstrip(" "))
                            # (between LEFT-TO-RIGHT MARKs, its letters poppler takes for neutrals: read backwards)
                            popplers = LRM + popplers + LRM if unknown and popplers != vocal.RLM else popplers
                            items += [*inline(popplers), shared_run, b"EMC"]
                        elif (owns := own_texts(line, split, role)) is not None:  # each object's own text
                            items += [*inline(owns[place]), shared_run, b"EMC"]  # (neighbours.py)
                        else:
                            items.append(shared_run)
                        count += 1
                        continue
                    if role >= WORD:  # a vocalised word, perhaps over several arrays (its raised marks)
                        opens, closes = ends[role]
                        if opens == (place, piece):
                            popplers = poppler_text(words[role - WORD].text)
                            if any(r in (RUN_END_SPACE, STRETCHED_SPACE) for r in roles_within(split, opens, closes)):
                                popplers = popplers.replace(" ", RUN_END)  # the space's own mark, see below
                            pdfiums = _word_text(words[role - WORD], bool(shared)) + object_end(line, split, opens)
                            items += [*inline(popplers), named(pdfiums, shared=(number, role))]
                            count += 1
                            inside = closes
                        items.append(base_first(tj, show.font) if opens == (place, piece) else tj)
                        if closes == (place, piece):
                            items += [b"EMC", b"EMC"]
                            inside = None
                        continue
                    if role in (RUN_END_SPACE, STRETCHED_SPACE):
                        scaled = [tj] if role == RUN_END_SPACE else stretched(tj, next(stretch))
                        if inside is not None:
                            # a space a word took in (". وتقدّر", wordedges.to_edges): an /ActualText of its own inside
                            # the word's would end poppler's for the word, which lost the word's glyphs with it
                            items += scaled
                            continue
                        opening = inline(RUN_END)
                        tippable.append(opening[1])
                        items += [*opening, *scaled, b"EMC"]
                    elif role == LTR_RUN and (drawn := poppler_range(text)):  # "۱۷۹۷–۱۸۶۹", drawn "۱۸۶۹–۱۷۹۷"
                        items += [*inline(drawn), named(pdfium_actual_text(text)), tj, b"EMC", b"EMC"]
                    elif role == LTR_RUN and (
                        between_lrms(text, place in isolated, len(line) == len(pieces) == 1)
                        or mismapped(show, part, text)  # ("a < b" after "رموز <"; its "<" the map's ">")
                    ):
                        # poppler read "3.2×" as "×3.2", "1½" as "1⁄21", and "`<div>`." as ">.<div": an isolate's end
                        # (signs alone, "`<=`،", after a RIGHT-TO-LEFT MARK too, else the comma joins them: "،<=", and
                        # a run beginning with a sign: code's `=> x)` beginning a line, its sentence's stop read first)
                        held = (vocal.RLM if signs_alone(text) or not text[:1].isalnum() else "") + LRM + text + LRM
                        items += [*inline(held), named(pdfium_actual_text(text, True)), tj, b"EMC", b"EMC"]
                    elif role == LTR_RUN and loose(part):  # justified wide: poppler took each word for a block
                        # (whole after a RIGHT-TO-LEFT MARK, signs too: "--upgrade x" was read "upgrade x--")
                        items += [*inline(vocal.RLM + text), named(pdfium_actual_text(text)), tj, b"EMC", b"EMC"]
                    elif role in (LTR_RUN, PLAIN) and not shared and glued(split, place, piece):
                        # punctuation that follows it, drawn on its left, which poppler took into the run, with a
                        # blank (the padding of inline code) between them: "و`axum`،" read "و، axum"; its end bracket
                        end = LRM if text[-1:] in ")]" else ""  # stays its ("…(Android 15)." read "و)Galaxy …")
                        # (a space after it kept last: PDFium read the space of "الإفريقي 28،" after "28")
                        items += [*inline(vocal.RLM + text + end), named(pdfium_run_text(text)), tj, b"EMC", b"EMC"]
                    elif role == LTR_RUN:
                        items += [named(pdfium_actual_text(text)), tj, b"EMC"]
                    elif role == AFTER_NUMBER:  # a quote or a bracket closing the run, PDFium's between LEFT-TO-RIGHT
                        guard = [named(LRM + text + LRM)] if vocal.MIRRORED_CHARS & set(text) else []  # MARKs: «Seed»
                        items += [*inline(vocal.RLM + text + vocal.RLM), *guard, tj, *[b"EMC"] * (1 + len(guard))]
                    elif role in WEAK_ROLES:  # a weak stretch's text is as typed: "$/برميل"
                        drawn = text[::-1] if role == SYMBOLS else text  # (poppler lays symbols out as drawn: "★★★★☆")
                        held = vocal.RLM + drawn + vocal.RLM  # (to PDFium no mark after: "درهم/€" was read "مهرد/€")
                        items += [*inline(held), named(weak_text(role, text)), tj, b"EMC", b"EMC"]
                    elif role in (MIRRORED, MIRRORED_AS_DRAWN) and shared:  # the line's /ActualText has the bracket
                        items.append(tj)
                    elif role in (MIRRORED, MIRRORED_AS_DRAWN):  # poppler's text, if any, and PDFium's
                        run_end = piece + 1 < len(pieces) and pieces[piece + 1][0] == RUN_END_SPACE  # on its right
                        run_end = run_end or _ends_line(text, line[:place], pieces[:piece])  # (the marks of one)
                        popplers, pdfiums = vocal.mirrored_texts(text, role == MIRRORED_AS_DRAWN, run_end, show, part)
                        opening = inline(popplers) if popplers else []
                        items += [*opening, named(pdfiums), tj, *[b"EMC"] * (2 if opening else 1)]
                    elif role in (MIRRORED_BY_NUMBER, BRACKET_BY_NUMBER):  # poppler's marks as AFTER_NUMBER's
                        pdfiums = text.translate(vocal.MIRROR) if role == MIRRORED_BY_NUMBER else LRM + text + LRM
                        items += [*inline(vocal.RLM + text + vocal.RLM), named(pdfiums), tj, b"EMC", b"EMC"]
                    elif role in BETWEEN_LRMS:  # PDFium keeps it between LEFT-TO-RIGHT MARKs (charclass.LRM)
                        popplers = text + vocal.RLM if role == BRACKET_AFTER_LTR else text
                        items += [*inline(popplers), named(LRM + text + LRM), tj, b"EMC", b"EMC"]
                    elif role == UNKNOWN_LTR:  # poppler reads the inner mark, PDFium the outer one
                        items += [*inline(text[::-1]), named(text), tj, b"EMC", b"EMC"]
                    elif role == PREFIX and not shared:  # the word's /ActualText, as deep: read once (_glued_prefix)
                        n, prefixed = next((n, w) for n, w in enumerate(words) if w.prefix_array == place)
                        pdfiums = _word_text(prefixed, False)
                        items += [b"/Span BMC", named(pdfiums, shared=(number, WORD + n)), tj, b"EMC", b"EMC"]
                    elif role == ADDRESS_HEAD:  # the whole of an address broken over lines
                        address = heads[id(show)]
                        proofread = named(pdfium_address(address, text), page=page, typed=address)  # orient.py
                        items += [*inline(poppler_address(address)), proofread, tj, b"EMC", b"EMC"]
                    elif role == ADDRESS_TAIL:  # the rest: a space, no word (on its head's line a mark: "و`df["س"]`"
                        # was "و df…"); to poppler a mark, which keeps the line its width (read short: "الطابق 3" first)
                        items += [*inline(vocal.RLM), named(" " if number - 1 in broken else LRM), tj, b"EMC", b"EMC"]
                    elif part or shared:
                        items.append(tj)
                        continue
                    count += 1
                replacements[show.index] = items
        count += mark_cells(lines, stream.stream, replacements, cells, page, laid, inline, named, True, tabled, calls)
        kept = {id(item) for items in replacements.values() for item in items}  # (not a row's cells.py marked anew)
        tipped(lines, [mark for mark in tippable if id(mark) in kept])
        stream.stream[:] = [new for index, item in enumerate(stream.stream) for new in replacements.get(index, [item])]
        resources["Properties"] = properties
    return count


def _ends_line(text: str, arrays_left: list[Show], pieces_left: list[tuple[int, bytes, str]]) -> bool:
    """Whether a mirrored piece, a relation or an opening bracket (which ends a line only in an interval, "[٤، ∞["),
    has only stops left of it on its line (a relation: or one next to it): PDFium read "أو ≥." "أو≥ ." (all brackets:
    74 texts worse) and "<، ≤، >" "<،≤ ، >"."""
    sign = text.strip()
    if sign not in ORDERS and not (len(sign) == 1 and unicodedata.category(sign) == "Ps"):
        return False
    after = "".join(t or "" for array in arrays_left for _, t in array.elements) + "".join(t for *_, t in pieces_left)
    return all(unicodedata.category(char) == "Po" for char in (after[-1:] if sign in ORDERS else after))


def _word_text(word: Word, shared: bool) -> str:
    """PDFium's /ActualText of a marked word, with the prefix drawn against it in another object (lineroles.py's
    `_glued_prefix`), but on a line read whole (`shared`), whose text has the prefix already."""
    return pdfium_text(("" if shared else word.prefix) + word.text, word.glued)


def mark_ltr_phrases(
    document: Any, pdf: Any, addresses: Iterable[str] = (), written: list[Written] | None = None
) -> int:
    """The text layer of a left-to-right book: its Arabic phrases of several words, its lines quoting vocalised
    Arabic and its addresses (ltrlayer.py); `written` is told the lines PDFium is to proofread (orient.py)."""
    rewrite_to_unicode(document, pdf, drawn_brackets=True)  # the glyphs of vocalised Arabic it quotes, its brackets
    markers, calls, whole, *_ = placed_boxes(document)
    # a list's markers drawn beside their items, as in a right-to-left book: PDFium read "1 2" after the list
    streams = _page_streams(pdf, markers, set())
    return mark_phrases(document, pdf, streams, calls, list(addresses), written, set(whole), markers)


def _one_word(line: list[Show], called: Collection[int]) -> bool:
    """Whether a line's text but its note calls is one word (with its punctuation): a paragraph's last line."""
    return len("".join(t or "" for show in line if show.index not in called for _, t in show.elements).split()) == 1


def _page_streams(pdf: Any, markers: Mapping[Key, float], calls: set[Key]) -> Iterator[tuple[Any, Any]]:
    """Each page's content stream (drawn by WeasyPrint, a list of operators) with the page's resources, its list
    markers and note calls drawn next to their lines (readingorder.py)."""
    import pydyf

    by_reference = {obj.reference: obj for obj in pdf.objects[1:] if hasattr(obj, "reference")}
    done: list[Any] = []
    for number in pdf.pages["Kids"][::3]:  # in page order: clusters.py finds text objects by page number
        page = pdf.objects[number]
        if not isinstance(page, pydyf.Dictionary) or page.get("Type") != "/Page":
            continue
        stream, resources = by_reference.get(page.get("Contents")), by_reference.get(page.get("Resources"))
        if isinstance(stream, pydyf.Stream) and isinstance(stream.stream, list) and resources is not None:
            move_markers_and_calls(stream.stream, len(done), markers, calls)
            done.append(page)
            yield stream, resources
