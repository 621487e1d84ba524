"""The roles of the glyphs of one line for the text layer (textlayer.py): which space ends a left-to-right run,
which run PDFium would reorder, which bracket it would mirror, which punctuation follows a number, which
glyphs belong to a vocalised word or to an address broken over lines; and each `TJ` cut into pieces by role.
The reasons for each are in textlayer.py's docstring; this module decides, textlayer.py writes."""

from __future__ import annotations

import itertools
import unicodedata
from collections.abc import Collection, Iterator

from ..typeset.bidi import OPERATORS, PATH_SIGNS
from . import marks as vocal
from .charclass import NO_BREAK, compat, fraction, letter_kind, pdfium_class, unknown_to_poppler
from .numberpunct import PERCENT, POPPLER_LTR, after_number, dash_stretches, symbol, symbol_stretches, weak_stretches
from .pagetext import Show, blank_after, wide_spaces
from .pieces import (
    AFTER_NUMBER,
    AFTER_NUMBER_LRM,
    COMPAT,
    LINE_END_SIGN,
    LTR_RUN,
    PLAIN,
    PREFIX,
    RUN_END_SPACE,
    STRETCHED_SPACE,
    SYMBOLS,
    UNKNOWN_LTR,
    WEAK_RUN,
    WORD,
    cut_pieces,
    spread_address_roles,
    stretch_spaces,
)
from .ranges import SIGNS, indic, latin_glyph, typed_range
from .sharedruns import OPENING, SEPARATORS, SPACES, Arrays, shared_runs, unit_power
from .tjroles import CURRENCY, ROOTS, tj_roles
from .wordedges import Word

RUN_END = " \u200f"  # a space, then a RIGHT-TO-LEFT MARK: the order poppler lays them out, left to right

# Punctuation that ends a phrase, and separators. Right of a space and left of a letter, it belongs to the
# right-to-left text, between a run and an Arabic word ("Amiri :الخطوط", as drawn) or two runs ("Noto ،Amiri"):
# poppler's left-to-right stretch took it in with the space, gluing the words or the runs ("الخطوطAmiri") or swapping
# the runs, so the first space left of it gets the RIGHT-TO-LEFT MARK too. Never an opening bracket, quote or sign:
# those begin a word of the run itself ("Open Data (ODC)"). A separator (the imprint's "·", a bullet) is never inside
# a run (typeset/bidi.py): between two runs on either side of a space ("Noto· 1.1"), it parts them.
# A slash or a dash between spaces parts them too ("بناني / Agence": poppler read "Agence Maghreb Presse /").
STOPS = frozenset(".,:;!?\u060c\u061b\u061f\u2026\u00b7\u2022/|\u2013\u2014")
# Drawn left of a number on a right-to-left line, the punctuation that follows it ("٢٠١٩." "2026،", a note call's
# "السابق١."), and a percent sign after Arabic-Indic digits ("٨٪", which the bidi algorithm sets left of them): both
# extractors take the number and such weak punctuation beside it for one left-to-right stretch (".٢٠١٩", "٪٨"). The
# glyph gets an /ActualText of itself between two RIGHT-TO-LEFT MARKs, which end the stretch at the number (one after
# it was enough for poppler, one before for PDFium: measured on "٨٪").
# separators and signs poppler takes for part of a number or word ("ملح + فلفل", "±"), and the operators it reads with
# the numbers beside them ("٤٥٬٨٧٠ = ٣٬٢٠٠" read "٣٬٢٠٠ = ٤٥٬٨٧٠" on a right-to-left line)
LONE, _LONE_EDGES = frozenset("/-+±−∓=×÷≈"), SPACES | frozenset("()[]")  # (and what they stand between alone)
WIDE = 0.8  # em: a space in a blank wider than this is stretched over it
POPPLER_SPACE = 0.1  # em: a blank poppler reads as a space (pagetext.kerning_gaps)
KERN = 0.05  # em: a word with a blank wider than this inside (kerning) gets its text as /ActualText
TATWEEL = "\u0640"


def split_line(
    line: list[Show],
    addressed: dict[tuple[int, int], int],
    words: tuple[Word, ...] | list[Word] = (),
    apart: Collection[int] = (),
    isolated: Collection[int] = (),
    code: Collection[int] = (),
) -> list[tuple[list[tuple[int, bytes, str]], list[float]]]:
    """For each TJ of a line, its elements in pieces (role, elements, text), the marked ones apart, and the
    horizontal scaling of each space stretched over a wide blank (pagetext.wide_spaces) or the `Tc` of
    each glyph before a kerning blank (pagetext.kerning_gaps), in order.

    The space that ends a left-to-right run and the words poppler does not know to be
    left-to-right are found over the whole line; left-to-right runs and mirrored brackets in each TJ;
    the glyphs of vocalised words (marks.py), with the adjustments between them, get their word's role.
    The arrays `apart` (by place in the line: a note's or a list item's marker) are never part of a Latin run
    beside them, for PDFium ("(1) Guido van Rossum" read "( Guido van Rossum )1"); nor is any glyph of the arrays
    `isolated` (isolates set apart, left to right) outside their own run; the arrays of inline `code` hold Arabic
    that is part of the code's run.
    """
    wide = [wide_spaces(show, WIDE) for show in line]
    glyphs = [(s, i, text) for s, show in enumerate(line) for i, (_, text) in enumerate(show.elements) if text]
    marked = any(letter_kind(text) == "L" or text in vocal.BRACKETED or compat(text) for _, _, text in glyphs)
    # a separator alone between two spaces (a verse quoted in prose, "پیکرند / که"), or a space and a bracket ("(+ أو
    # −)"), which poppler takes for left to right and read with the word after it ("/که", "+أو"): the space ends it
    lone = {
        (s, i)
        for (_, _, left), (s, i, text), (_, _, right) in _triples(glyphs)
        if text in LONE and {left, right} <= _LONE_EDGES and (left in SPACES or right in SPACES)
    }
    # and a percent sign for its word, no number beside it ("(٪ من الناتج)"): poppler read its space in it, "( ٪من"
    lone |= {(s, i) for (_, _, left), (s, i, text), (_, _, right) in _triples(glyphs) if _sign_alone(left, text, right)}
    texts = [text for _, _, text in glyphs]
    lone |= {glyphs[n][:2] for n in dash_stretches(texts)}  # and a dash typed "--" ("-- المدير", read "--المدير")
    symbols = {glyphs[n][:2] for n in symbol_stretches(texts)}  # "★★★★☆"
    weak = {glyphs[n][:2] for n in weak_stretches(texts)} | symbols  # "$/برميل"
    weak = {(s, i) for s, i in weak if s not in code}  # (not the end of code glued to a word: بـ`/^05\d{8}$/`)
    signs = any(all(letter_kind(t or " ") == "N" for _, t in line[s].elements) for s in isolated)  # `!=`: read "=!"
    marked = marked or bool(lone) or bool(weak) or signs
    # a number's separator after an Arabic word ("الباب، وكذا", "قال: ", "انتهى."): poppler takes "،" "." ":" for
    # digits and the space on their left into their left-to-right stretch ("الباب ،وكذا"); that space ends it
    parted = {left[:2] for left, (_, _, text), (_, _, right) in _triples(glyphs) if _separates(left[2], text, right)}
    # (between two Arabic words only, in a line marked otherwise: PDFium read "قالت: «لم" as "قالت:« لم" then)
    # (or a fraction or a symbol, which poppler took into the stretch with them: "بالأرقام: ½" read "بالأرقام ½ :")
    arabic = {(s, i) for (_, _, far), (s, i, _) in itertools.pairwise(glyphs) if _beside_separator(far)}
    arabic &= parted
    if not (marked or any(wide) or words or addressed):  # most lines of an Arabic book: those spaces apart, if any
        plain: list[tuple[list[tuple[int, bytes, str]], list[float]]] = []
        for s, show in enumerate(line):
            kept = [RUN_END_SPACE if (s, i) in parted else PLAIN for i in range(len(show.elements))]
            stretched: dict[int, float] = {}
            _stretch_blanks(show, kept, stretched)
            pieces = cut_pieces(show.elements, kept) if parted else [(PLAIN, b"", "")]
            plain.append((pieces, [stretched[index] for index in sorted(stretched)]))
        return plain
    marks: list[list[int]] = [[PLAIN] * len(show.elements) for show in line]
    touching = _touching(line)
    worded = {glyph for word in words for glyph in word.glyphs}  # (a prefix is none of them: "، الشريكة" | "الشابّي")
    for number, word in enumerate(words):
        for (s, i), (s2, i2) in zip(word.glyphs, [*word.glyphs[1:], word.glyphs[-1]], strict=True):
            span = range(i, i2 + 1) if s2 == s else range(i, i + 1)  # with the adjustments up to the next glyph
            for index in span:
                marks[s][index] = WORD + number
        _glued_prefix(glyphs, word, marks, touching, worded)
    rtl = _right_to_left(glyphs, isolated) or _latin_cells(line, isolated)
    for s, i in arabic if rtl else ():
        marks[s][i] = RUN_END_SPACE
    space: tuple[int, int] | None = None  # the last space glyph since a letter or digit, punctuation may follow it
    first: tuple[int, int] | None = None  # the first one
    between = ""  # the glyphs other than spaces since the first
    within: set[int] = set()  # the arrays they are in
    separated = False  # whether a separator (SEPARATORS) came since the last letter or digit
    trailing = ""  # the glyphs right after the last letter or digit, before any space
    # the isolated arrays that hold no right-to-left letter (an array may begin with the text after its isolate)
    latin = {s for s in isolated if not any(letter_kind(text or "") == "R" for _, text in line[s].elements)}
    joined = _joined_isolates(glyphs, isolated)  # ("ⵉⴹ ⵏ ⵢⵏⵏⴰⵢⵔ (Iḍ n Yennayer)": one run, not a word each)
    strong, last, last_array = "R", "", -1  # the kind of the last letter or digit, left of here, its text and array
    # a table's cell begins apart from the one on its left, no space drawn between: right to left, as a line's end
    # ("١٫٨٥ $", drawn "$ ١٫٨٥", after a cell ending in "١٦٥٬٥٧٥": the digits were taken for the run the sign ends)
    cells = set(range(1, len(line))) - touching if rtl else set()
    for position, (s, i, text) in enumerate(glyphs if marked else ()):
        strong = "R" if s in cells and position and glyphs[position - 1][0] != s else strong
        own = s in latin and within == {s}  # the signs since the space open a word of the isolate ("Windows: .venv")
        # an isolate's signs are its run's (as in sharedruns.py): the space after "=" in code broken over lines, whose
        # line begins `= ["example.com"]`, was taken for the run's end, and "=" read after the rest
        kind = "L" if letter_kind(text) == "N" and s in latin and text.strip() and not own else letter_kind(text)
        # (Arabic-Indic digits before it are the text's, not the run's: "Mitrović (١٥ هدفا)", drawn "(١٥( Mitrović")
        digits = strong == "L" and indic(last) and kind == "L" and not indic(text)
        # and before them, a Latin unit or name after an Arabic-Indic number: "٢٥ km", "١٢ GB", "٢٥ °C", drawn "km ٢٥",
        # which poppler read as one left-to-right stretch ("km ٢٥") and PDFium glued ("٢٥km")
        # (a signed one too, which Persian isolates: "−۲۷۳٫۱۵ °C")
        signed = text in SIGNS and position + 1 < len(glyphs) and indic(glyphs[position + 1][2])
        unit = letter_kind(last) == "L" or (len(last) == 1 and fraction(last))  # (a fraction typed apart: "٢ ½")
        digits = digits or (strong == "L" and unit and not indic(last) and (indic(text) or signed))
        # and after an Arabic-Indic number or a fraction: "حليب + ٢ بيضة", drawn "بيضة ٢ + حليب"; "+ ½ كوب" (not after
        # an ion's charge or an exponent: "H⁺ + OH⁻" is one run; nor inside an isolate, "√½ ≈ 0.707" with "≈" in the
        # math font's array, whose two parts both read swapped)
        alone = (s, i) in lone
        digits = digits or (alone and (indic(last) or (len(last) == 1 and fraction(last) and s not in isolated)))
        digits = digits or (indic(last) and indic(text) and bool(LONE & set(between)))  # and the number after it
        # and after a Latin word, outside its run: a hyphen between two Latin names ("Real Madrid - Barcelona", drawn
        # "Barcelona - Real Madrid"), which poppler read with the name on its left, "Real Madrid Barcelona -"
        digits = digits or (alone and strong == "L" and s not in isolated)
        # and after another isolate, a space between (marks the author typed parted them: "(ETH) ‎-1.2%‎"): the two are
        # set right to left, "-1.2% Ethereum (ETH)", which both extractors read as one run
        between_isolates = strong == kind == "L" and s != last_array and {s, last_array} <= latin
        digits = digits or (between_isolates and space is not None and space[0] not in isolated)
        if (kind == "L" or text in POPPLER_LTR or alone) and (strong == "R" or digits) and space is not None:
            marks[space[0]][space[1]] = RUN_END_SPACE  # a currency sign alone too ("949 €" بـ): poppler's L
        elif rtl and strong == "L" and first is not None and unit_power(glyphs, position):
            # an Arabic unit's power an operator away from a run ("120 م² × 1.5 = 180", drawn "180 = 1.5 × ²م"): the
            # spaces after the run and before the power end it, which poppler had read on with the power: "180 × ²"
            for end in [place for place in (first, space) if place is not None]:
                marks[end[0]][end[1]] = RUN_END_SPACE
        elif rtl and strong == "L" and first is not None and _parted(kind, between, separated) and not own:
            marks[first[0]][first[1]] = RUN_END_SPACE  # "Amiri :الخطوط", "Noto ،Amiri", "Noto· 1.1": see STOPS
        elif rtl and text in POPPLER_LTR and strong == "L" and space is not None and _before_rtl(glyphs, position):
            # a currency sign before a number a space away, drawn right of it: "قيمته $ 3 ملايين", which poppler read
            # "3 $", taking both for one left-to-right stretch
            marks[space[0]][space[1]] = RUN_END_SPACE
        elif rtl and strong == "L" and first is not None and kind == "L" and trailing and set(trailing) <= OPENING:
            # an opening bracket drawn right of a letter or digit, then a space: the right-to-left text's, begun
            # after the run ("A19 Pro (3 نانومتر)", drawn "(3 نانومتر) A19 Pro" mirrored; poppler read "3( A19 Pro")
            marks[first[0]][first[1]] = RUN_END_SPACE
        currency = rtl and text in CURRENCY and s not in isolated  # (not a rate's, inside its run: "1 € = 3.74")
        if currency and last[-1:].isdigit() and space is not None and not _before_run(glyphs, position):
            # a currency sign a space right of a number, which it goes before ("₨ 1,185", a cell): its own stretch, as
            # punctuation after a number is (poppler read "1,185 ₨"); a no-break space there ends the run ("$16" else)
            marks[s][i] = AFTER_NUMBER
            ended = marks[space[0]][space[1]] == PLAIN and glyphs[position - 1][2] == "\u00a0"
            marks[space[0]][space[1]] = RUN_END_SPACE if ended else marks[space[0]][space[1]]
        # (not a power drawn left of an Arabic letter, a unit's, "120 م² × 1.5": between its marks, PDFium read "م²×")
        if rtl and compat(text) and not unit_power(glyphs, position):
            marks[s][i] = COMPAT
        if rtl and kind == "L" and unknown_to_poppler(text) and s not in joined:
            marks[s][i] = UNKNOWN_LTR
            after = glyphs[position + 1] if position + 1 < len(glyphs) else None
            if after and after[2] in SPACES:
                marks[after[0]][after[1]] = RUN_END_SPACE
        if kind in ("L", "R"):
            strong, space, first, between, separated, last, trailing = kind, None, None, "", False, text, ""
            last_array = s
            within = set()
            # an address is one left-to-right run, its Arabic letters too ("الموسوعة: https://…/wiki/مصر")
            strong = "L" if (s, i) in addressed else strong
        elif text in SPACES:
            space, first = (s, i), first or (s, i)
        else:
            between += text if first is not None else ""
            within |= {s} if first is not None else set()
            trailing += text if first is None else ""
            separated = separated or text in SEPARATORS
    if marked and rtl and strong == "L" and space is not None and space[0] not in isolated:
        # a run, a space and neutrals only at the line's start, on its right ("≈ 1.2 × 10⁻⁴ بس", "≈" in the math
        # font): the line's start ends the run as a letter would, and the space with it (PDFium read " ≈1.2")
        marks[space[0]][space[1]] = RUN_END_SPACE
    runs = shared_runs(glyphs, marks, touching, apart, isolated, code, addressed) if rtl else []
    edged = [(0, 0, ""), (0, 0, ""), *glyphs, (0, 0, ""), (0, 0, "")]
    lettered = any(latin_glyph(text) for _, _, text in glyphs)  # ("v × ٢ =": "CaCO₃ =" below)
    for position, ((_, _, far), (s0, _, left), (s, i, text), (_, _, right), (_, _, beyond)) in enumerate(
        zip(edged, edged[1:], edged[2:], edged[3:], edged[4:], strict=False)
    ):
        # another object's last glyph only if it touches this one (a table's next cell: "٢٤" beside "°٣٢"; but
        # "(د.90+4)", whose number is isolated in an object of its own)
        left = left if s0 == s or s in touching else ""
        # a signed number's sign is its number's first glyph: "غرينتش+1." is drawn ".+1شتنيرغ", read "غرينتش.+1"
        # (and a closing bracket's: "(نحو ×2):", whose colon is drawn left of ")2")
        # and a percent sign a no-break space from its number, as French writes it ("34,7 %، مقابل", read "%مقابل"),
        # not an operator between two numbers ("7 % 2")
        french = text in PERCENT and right in NO_BREAK and not (left in SPACES and far[:1].isdigit())
        held = right in SIGNS | BRACKETS or french
        # (and a number's currency sign: "$2400/أوقية", drawn "ةيقوأ/$2400", whose slash both read first)
        led = right in CURRENCY or (held and not left[:1].isalnum())
        following = beyond if led and beyond[:1].isdigit() else right
        # a run that begins with signs of its own (a path's "\\" or "/", a hidden file's "."): its first letter follows
        # ("و\\server\\old." and "و.env.", whose full stop, drawn left of the sign, both read first: "و.\\server")
        following = _run_letter(glyphs, position + 1) or following
        tail = text in SIGNS and _signs_after_letter(glyphs, position)  # the end of "C++" glued to "و": its run's
        ending = not position and text in OPERATORS and right in SPACES  # an operator ending the line after a Latin
        # run, an Arabic word ("التغيّر =", read "التغيّر=" by both), or an Arabic-Indic number on a line with a run
        if rtl and ending and (latin_glyph(beyond) or (indic(beyond) and lettered) or letter_kind(beyond) == "R"):
            marks[s][i] = LINE_END_SIGN if marks[s][i] == PLAIN and s not in isolated else marks[s][i]
        elif rtl and marks[s][i] == PLAIN and s not in isolated and not tail and after_number(left, text, following):
            # (and a hyphen between two Arabic words, "الهندية-العربية", whose first PDFium read backwards)
            beside = left[:1].isdigit() or letter_kind(left[-1:]) == "R"
            lrm = right[:1] == TATWEEL or (letter_kind(following) == "R" and beside)
            marks[s][i] = AFTER_NUMBER_LRM if lrm else AFTER_NUMBER
    for s, i in weak:
        marks[s][i] = (SYMBOLS if (s, i) in symbols else WEAK_RUN) if marks[s][i] == PLAIN else marks[s][i]
    for s, i in symbols:  # with the adjustments between two of them: one piece ("★★★★☆" had been cut in five)
        ahead = next((n for n in range(i + 1, len(line[s].elements)) if line[s].elements[n][1] is not None), i)
        if marks[s][i] == marks[s][ahead] == SYMBOLS:
            marks[s][i + 1 : ahead] = [SYMBOLS] * (ahead - i - 1)
    split = []
    for s, (show, show_marks, spaces) in enumerate(zip(line, marks, wide, strict=True)):
        for index in spaces if rtl else ():  # stretched spaces get the RIGHT-TO-LEFT MARK too, not inside a run
            show_marks[index] = show_marks[index] if show_marks[index] < 0 else RUN_END_SPACE  # ("env python3")
        reading = read_before(line, marks, s)
        roles = tj_roles(show.elements, show_marks, s in isolated, reading) if marked else show_marks
        spread_address_roles(roles, addressed, s)
        # (unless inside a left-to-right run or next to a mirrored bracket)
        scaling = stretch_spaces(show.elements, roles, spaces, RUN_END_SPACE)
        _stretch_blanks(show, roles, scaling)
        pieces = [
            (role, part, runs[-1 - role] if role < 0 else typed_range(text) if role == LTR_RUN else _typed(role, text))
            for role, part, text in cut_pieces(show.elements, roles)
        ]
        split.append((pieces, [scaling[index] for index in sorted(scaling)]))
    return split


def _glued_prefix(
    glyphs: list[tuple[int, int, str]],
    word: Word,
    marks: list[list[int]],
    touching: Arrays,
    worded: Collection[tuple[int, int]],
) -> None:
    """A prefix drawn in another object against a marked word's start, "الـ" of "الـ*جِرِش*", "و" of "و*كُتِبَ*":
    PDFium read it inside the word's text, "جـلاِرِش", "كوُتِبَ"; the word's text for PDFium begins with it now
    (`Word.prefix`), its glyphs (PREFIX) share the word's /ActualText, which PDFium reads once."""
    places = set(word.glyphs)
    start = max(n for n, (s, i, _) in enumerate(glyphs) if (s, i) in places)  # its right end
    beyond = glyphs[start + 1][0] if start + 1 < len(glyphs) else -1  # the next array, where a prefix would be
    prefix = list(
        itertools.takewhile(lambda glyph: letter_kind(glyph[2]) == "R" and glyph[0] == beyond, glyphs[start + 1 :])
    )
    after = glyphs[start + 1 + len(prefix)][2] if start + 1 + len(prefix) < len(glyphs) else ""
    # a proclitic (up to four letters, "وبال", and a tatweel) and no more: not a word the marked one took a space
    # before ("السريع" | "بالانصراف"), nor the start of a longer word, nor another marked word
    apart = 0 < len(prefix) <= 5 and letter_kind(glyphs[start][2]) == "R"
    apart = apart and beyond != glyphs[start][0] and beyond in touching and letter_kind(after) != "R"
    apart = apart and not any((s, i) in worded for s, i, _ in prefix)
    if apart and all(marks[s][i] == PLAIN for s, i, _ in prefix):
        for s, i, _ in prefix:
            marks[s][i] = PREFIX
        word.prefix, word.prefix_array = "".join(text for _, _, text in reversed(prefix)), prefix[0][0]


def _joined_isolates(glyphs: list[tuple[int, int, str]], isolated: Arrays) -> set[int]:
    """The arrays of the isolates of more than one word (consecutive isolated arrays): a word in a script poppler does
    not know there ("ⴰⵙⴳⴳⵯⴰⵙ ⴰⵎⴳⴳⴰⵣ", "ⴰⵣⵓⵍ (Azul)") is part of one left-to-right run (sharedruns.py), not a word
    apart, which both extractors had read in the line's order, right to left ("(Azul) ⴰⵣⵓⵍ")."""
    groups: list[list[int]] = []
    for s in sorted(isolated):
        groups[-1:] = [[*groups[-1], s]] if groups and groups[-1][-1] + 1 == s else [*groups[-1:], [s]]
    joined: set[int] = set()
    for group in groups:
        kinds = ("L" if letter_kind(t) == "L" else " " if t in SPACES else "" for s, _, t in glyphs if s in group)
        joined |= set(group) if len("".join(kinds).split()) > 1 else set()  # letters, a space, letters
    return joined


def _sign_alone(left: str, text: str, right: str) -> bool:
    """Whether `text`, drawn between `left` and `right`, is a percent sign with no number on either side, a space
    after it."""
    return text in PERCENT and left in SPACES and not right[:1].isdigit() and not right[:1].isalpha()


def _typed(role: int, text: str) -> str:
    """A piece's text: a weak stretch's as typed (drawn "/$", typed "$/"), any other's as drawn."""
    return text[::-1] if role in (WEAK_RUN, SYMBOLS) else text


def _stretch_blanks(show: Show, roles: list[int], scaling: dict[int, float]) -> None:
    """A space ending a run with a justified blank after it, between it and the run on its right: poppler would read
    a space there and take it into the run ("و Pango", "حيار ،"), so the space is stretched over it (`scaling`, the
    `Tz` by index), its mark touching the run."""
    for index in [i for i, role in enumerate(roles) if role == RUN_END_SPACE]:
        closing = blank_after(show, index, POPPLER_SPACE)
        if closing:
            roles[index], scaling[index] = STRETCHED_SPACE, closing[0]
            for near in closing[1]:
                show.elements[near] = (b"", None)


def read_before(line: list[Show], marks: list[list[int]], s: int) -> tuple[str, str, str]:
    """PDFium's direction where it comes to the right end of array `s` of a line: that of the first letter on its right
    ("R" at the line's end, and after a space marked as a run's end); the kind of the first letter or digit there
    (letter_kind; "" at the line's end); and PDFium's class of the glyph drawn just left of the array ("N" at the line's
    start)."""
    right = [
        (text, role)
        for show, show_marks in zip(line[s + 1 :], marks[s + 1 :], strict=True)
        for (_, text), role in zip(show.elements, show_marks, strict=True)
        if text
    ]
    strong = (("R" if role == RUN_END_SPACE else pdfium_class(text[:1])) for text, role in right)
    reading = next((kind for kind in strong if kind in ("L", "R")), "R")
    beyond = next((letter_kind(text) for text, _ in right if letter_kind(text) != "N"), "" if not right else "R")
    left = next((text for show in reversed(line[:s]) for _, text in reversed(show.elements) if text), "")
    return reading, beyond, pdfium_class(left[:1]) if left else "N"


def _separates(left: str, text: str, right: str) -> bool:
    """Whether `text`, drawn between `left` and `right`, is a separator after Arabic text, a space on its left (a
    word, a mark, a closing bracket or quote on its right: "الباب،", "الكتابُ،", "(الباب)،"; not a note's call, which
    reads as a space: PDFium then read the line in two pieces)."""
    separator = len(text) == 1 and unicodedata.bidirectional(text) == "CS"
    return separator and left in SPACES and bool(right.strip()) and letter_kind(right) != "L"


def _beside_separator(far: str) -> bool:
    """Whether a glyph beyond the space a separator ends (`_separates`) makes that space a run's end to poppler."""
    return letter_kind(far) == "R" or compat(far) or symbol(far) or far.isdigit()  # ("«الحيّ»: 6", read "»6 :")


def _right_to_left(glyphs: list[tuple[int, int, str]], isolated: Arrays) -> bool:
    """Whether a line of this right-to-left book is read as one: it holds a right-to-left letter, or numbers and
    punctuation only (".15–16", a paragraph's end: PDFium read the full stop inside the range, "15–.16"), or its
    left-to-right letters are all isolated (code broken over lines, its last line holding its end and a full stop)."""
    latin = [s for s, _, text in glyphs if unicodedata.bidirectional(text[:1]) == "L"]
    isolated_only = all(s in isolated for s in latin) and any(s not in isolated for s, _, _ in glyphs)
    return any(letter_kind(text) == "R" for _, _, text in glyphs) or not latin or isolated_only


def _latin_cells(line: list[Show], isolated: Arrays) -> bool:
    """Whether a line is a table's row whose cells are all set left to right ("EK 215 | DXB → LAX"), laid out right to
    left: its arrays isolated, some apart (not `_touching`). Read as a left-to-right line, the cell's run "DXB → LAX"
    in three arrays (its arrow in another font) had no /ActualText, and PDFium read "LAX→ DXB"."""
    return len(line) > 1 and set(range(len(line))) <= set(isolated) and len(_touching(line)) < len(line) - 1


def _triples(glyphs: list[tuple[int, int, str]]) -> Iterator[tuple[tuple[int, int, str], ...]]:
    """Each glyph of a line with the one before and after it (an empty one at the ends)."""
    edged = [(0, 0, ""), *glyphs, (0, 0, "")]
    return zip(edged, edged[1:], edged[2:], strict=False)


def _touching(line: list[Show]) -> set[int]:
    """The arrays of a line (by number) that begin less than TOUCHING em from where the array on their left
    ends: keys typed `<kbd>Ctrl</kbd>+<kbd>S</kbd>`, each in a box of its own; not table cells."""
    numbers = {id(show): number for number, show in enumerate(line)}
    # not an empty array (one WeasyPrint leaves where an isolate's box begins: "وCl⁻،" had one between "Cl" and "⁻")
    placed = sorted((a for a in vocal.placed_arrays(line) if a[1] > a[0]), key=lambda array: array[:2])
    return {
        numbers[id(show)]
        for (_, end, _), (left, _, show) in itertools.pairwise(placed)
        if left - end < TOUCHING * show.size
    }


TOUCHING = 0.5


def _run_letter(glyphs: list[tuple[int, int, str]], start: int) -> str:
    """The first letter of the left-to-right word whose glyph is at `start`, when only the signs a path or a hidden
    file's name begins with ("/", "\\", ".", "~", typeset/bidi.py), or a number's ("−√9", whose comma after it PDFium
    read inside it, "−√،9"), come before it in its array; else ""."""
    for s, _, text in glyphs[start:]:
        if s != glyphs[start][0] or (text not in PATH_SIGNS and text not in SIGNS | ROOTS):
            return text if s == glyphs[start][0] and letter_kind(text) == "L" else ""
    return ""


def _signs_after_letter(glyphs: list[tuple[int, int, str]], position: int) -> bool:
    """Whether the sign at `position` ends a run of signs drawn right of a Latin letter in its array ("C++")."""
    for s, _, text in reversed(glyphs[:position]):
        if s != glyphs[position][0] or text not in SIGNS:
            return s == glyphs[position][0] and text.isalpha() and letter_kind(text) == "L"
    return False


def _before_rtl(glyphs: list[tuple[int, int, str]], position: int) -> bool:
    """Whether the glyph at `position` stands alone before right-to-left text: a space, then a right-to-left letter."""
    after = [text for _, _, text in glyphs[position + 1 : position + 3]]
    return len(after) == 2 and after[0] in SPACES and letter_kind(after[1]) == "R"


def _before_run(glyphs: list[tuple[int, int, str]], position: int) -> bool:
    """Whether a left-to-right letter or digit is drawn right after the glyph at `position`, or a space after it ("$5",
    "$ 5")."""
    after = [text for _, _, text in glyphs[position + 1 : position + 3]]
    after = after[1:] if after[:1] and after[0] in SPACES else after
    return bool(after) and letter_kind(after[0]) == "L"


def _parted(kind: str, between: str, separated: bool) -> bool:
    """Whether a letter or digit of `kind`, after a left-to-right letter or digit, spaces and the glyphs
    `between` (after the first space; `separated`: a separator somewhere), begins another phrase."""
    if kind == "N":
        return False
    stops = set(between) & STOPS  # and a bracket or a quote after them: "۳۰ — (Shiraz)", drawn "۳۰ — )Shiraz("
    return (bool(stops) and set(between) - stops <= BRACKETS) or (separated and kind == "L")


BRACKETS = frozenset("()[]{}«»‹›“”‘’\"'")
