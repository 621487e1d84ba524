"""The pieces of a URL or e-mail address broken over lines, found among the glyphs of a PDF's lines.

pdf.py lets an address break at sensible points (after "/", before "." or "@"); each piece then sits at one end of its
line, and text extractors, which read line by line, give it as a word of its own. The text layer (textlayer.py) gives
the first piece the whole address as its /ActualText and the others a single space (PDFium ignores an empty one and
reads the glyphs). It sees glyphs, not HTML: a piece is the stretch of glyphs without a space or a right-to-left letter
at one end of a line, and pieces on following lines make one address when together they spell one of the addresses
pdf.py marked, in order. Zero-width characters (the break opportunities, the isolates) are drawn as empty glyphs.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from .charclass import letter_kind
from .numberpunct import ARABIC_SENTENCE, SENTENCE
from .pagetext import Show
from .pieces import ADDRESS_HEAD, ADDRESS_TAIL
from .tounicode import EMPTY

Glyph = tuple[int, int]  # (index of the TJ in its line, index of the glyph in the TJ's elements)


@dataclass
class Piece:
    """Glyphs of one line that draw a piece of an address, in visual order; `line` counts over the document.
    `companions` are the glyphs of the words of its left-to-right run drawn with it, `beside` their text: before a
    first piece ("GET " of "GET /api/v2/…"), after a last one."""

    line: int
    glyphs: list[Glyph] = field(default_factory=list)
    companions: list[tuple[int, int, str]] = field(default_factory=list)

    @property
    def beside(self) -> str:
        return _spell(self.companions)


Edge = tuple[list[tuple[int, int, str]], bool, list[tuple[int, int, str]]]  # glyphs, read from the left, beside
_Glyphs = list[tuple[int, int, str]]  # (each glyph's place and text)
Aside = tuple[str, list[Piece], int]  # an address begun: its text so far, its pieces, the line it was set aside at
Step = tuple[str, list[Glyph], list]  # how it goes on at a line: its text so far, the piece's glyphs, the words beside
Resumed = tuple[str, list[Piece], Step | None]


def find_broken_addresses(lines: list[list[Show]], addresses: Iterable[str]) -> list[tuple[str, list[Piece]]]:
    """Each address of `addresses` drawn over two lines or more: the address and its pieces, in reading order.

    `lines` are every line of the document in the order they are drawn (pagetext.read_lines, page after page).
    A piece may hold right-to-left letters when an address does (an IRI's path: "/ar/الفهرس").
    """
    spelt = {_loose(address): address for address in addresses}  # as its glyphs may spell it: the address
    known = frozenset(spelt)
    if not known:
        return []
    mixed = any(_rtl(char) for address in known for char in address)
    prefixes = frozenset({address[:end] for address in known for end in range(1, len(address))})
    so_far = known | prefixes
    found: list[tuple[str, list[Piece]]] = []
    text, pieces = "", list[Piece]()  # the address begun on earlier lines
    # those begun at a page's last line, whose rest comes after the page's notes and the next page's running head, or
    # in a table's cell, whose rest comes after the first lines of the cells beside it (a row drawn a cell at a time,
    # then their rests: "ahmed" | "mazen.dawood" | "@example.com" | "@example.com"), the earliest first
    asides: list[Aside] = []
    for number, line in enumerate(lines):
        glyphs = [(s, i, t) for s, show in enumerate(line) for i, (_, t) in enumerate(show.elements) if t]
        # A piece sits at the outer end of the run at one edge: the reading start of a right-to-left line
        # is its right edge, its reading end the left edge; the other way round in a left-to-right line.
        edges = [edge for from_left in (False, True) for edge in _edges(glyphs, from_left, mixed)]
        asides = [aside for aside in asides if number - aside[2] <= _ASIDE_LINES]
        onward = _onward(edges, glyphs)
        step = _goes_on(onward, text, so_far, known) if pieces else None
        if not step:  # set aside (not a sign or two ending a line, "." of ".venv/bin/activate" on a line further on)
            stopped = [(text, pieces, number)] if pieces and _set_aside(text, known) else []
            text, pieces, step = _resumed(asides, onward, so_far, known, len(glyphs))
            asides += stopped
        if step:  # the address goes on at the start of this line
            text = step[0]
            pieces.append(Piece(number, step[1], step[2]))
            if text in known:
                found.append((spelt[text], pieces))
                text, pieces = "", []
            elif len(pieces[-1].glyphs) < len(glyphs) or pieces[-1].beside:
                text, pieces = "", []  # unfinished, yet not at the line's end: not an address of ours
        if pieces:
            continue
        # an address begins at the end of this line: its reading end first, the right one if most of its letters are
        # left-to-right (a left-to-right line's first word "to" was taken for the start of "tomato-red", and "forty-"
        # at its end for nothing: "forty-five" read "fortyfive")
        kinds = [letter_kind(text) for *_, text in glyphs]
        ends_right = kinds.count("L") > kinds.count("R")
        for edge, from_left, beside in sorted(reversed(edges), key=lambda edge: ends_right and edge[1]):
            n, read = _longest(edge, from_left, "", prefixes)
            # (not the start of one drawn whole there, with a glyph more: `names.filter((name)` ending a line was
            # taken for "names.filter((name" broken, and the ")" ending the next line's code for its rest)
            whole = _longest(edge, from_left, "", known)[0] > n
            if n and not whole and not (beside and from_left):  # the words beside a first piece precede it, on its left
                piece = _outer(edge, from_left, n)
                lead = [] if from_left else edge[: len(edge) - n]  # and the signs glued before it: "#!" of "#!/usr"
                text, pieces = read, [Piece(number, [(s, i) for s, i, _ in piece], beside + lead)]
                break
    return found


_ASIDE_LINES = 8  # a page's notes, the next page's running head
_ASIDE_LENGTH = 4  # characters of the address begun: no fewer begin a broken one (addresses.HEAD), ".git/" of a cell


def _resumed(
    asides: list[Aside], edges: list[Edge], so_far: frozenset[str], known: frozenset[str], glyphs: int
) -> Resumed:
    """The first address set aside that goes on at one of a line's `edges` (of `glyphs` glyphs), taken out of `asides`,
    and its step: one that ends it, or one that takes the whole line. (A running head's "rsync وcron" went on
    "https://", set aside at a page's end, as "https://cron…" of another address, and the address was dropped.)"""
    for aside in asides:
        step = _goes_on(edges, aside[0], so_far, known)
        if step and (step[0] in known or (len(step[1]) == glyphs and not step[2])):
            asides.remove(aside)
            return aside[0], aside[1], step
    return "", [], None


def _onward(edges: list[Edge], glyphs: list[tuple[int, int, str]]) -> list[Edge]:
    """The `edges` of a line where an address may go on: not the right end of a line without right-to-left letters
    when more than a sentence's stops stand left of it, a line of code read from its left (a directory tree's
    "|-- tools/" went on as "tools/check_text.py" at the right end of the next line, "|   `-- check_text.py")."""
    if any(_rtl(text[0]) for *_, text in glyphs):
        return edges

    def alone(edge: Edge) -> bool:
        left = glyphs[: len(glyphs) - len(edge[0])]
        return all(text.isspace() or text in _STOPS for *_, text in left)

    return [edge for edge in edges if edge[1] or alone(edge)]


def _set_aside(text: str, known: frozenset[str]) -> bool:
    """Whether an address begun as `text` is looked for lines later (after a page's notes, the cells beside it): long
    enough not to be a sign or two (see above), or an e-mail's name, broken before its "@" ("reviews" ending a page
    and "@techmuharraq.bh" beginning the next)."""
    return len(text) >= _ASIDE_LENGTH or any(address.startswith(text + "@") for address in known)


def _goes_on(edges: list[Edge], text: str, so_far: frozenset[str], known: frozenset[str]) -> Step | None:
    """The address begun as `text` as it goes on at one of a line's `edges`: its text so far, the piece's glyphs and
    the words beside it, the first edge that ends it if one does (else "names" and the "." of a sentence's stop drawn
    against `.filter((name) => …)` went on as "names."); None if it does not."""
    first = None
    for edge, from_left, beside in edges:
        n, read = _longest(edge, from_left, text, so_far)
        if n and not (beside and not from_left):  # the words beside a last piece follow it, on its right
            step = read, [(s, i) for s, i, _ in _outer(edge, from_left, n)], beside
            if read in known:
                return step
            first = first or step
    return first


def _edges(glyphs: list[tuple[int, int, str]], from_left: bool, mixed: bool = False) -> list[Edge]:
    """Where a piece may sit at one end of a line: its outer word (`_edge`), and, when the line begins or ends
    with a left-to-right run of several words inside right-to-left text, the run's word beside the right-to-left
    text, which is the run's end in reading order ("GET /api/v2/indices" ending an Arabic line: the piece is
    "/api/v2/indices"); each with the side it is read from and the rest of its run, in visual order."""
    outer = _edge(glyphs, from_left, mixed)
    run: list[tuple[int, int, str]] = []
    for glyph in glyphs if from_left else reversed(glyphs):
        if unicodedata.bidirectional(glyph[2][0]) in ("R", "AL"):
            break
        run.append(glyph)
    else:  # no right-to-left letter: a left-to-right line, or a run alone on a right-to-left paragraph's line, whose
        # sentence's stop is drawn against its left end (".access.log --verbose" of `… /var/log/nginx/access.log …`.),
        # as many as there are, the address's own too (`names.filter((name) => …)`. on an Arabic line: "..filter(")
        # and the words after it on its right, its run's (read with a last piece: PDFium read its space after them)
        stops = list(itertools.takewhile(lambda glyph: glyph[2] in _STOPS, glyphs)) if from_left else []
        edges: list[Edge] = [(outer, from_left, [])]
        for n in range(1, len(stops) + 1):
            edge = _edge(glyphs[n:], True)
            edges.append((edge, True, glyphs[n + len(edge) :]))
        return edges
    _trim_neutrals(run)
    inner: list[tuple[int, int, str]] = []
    for glyph in reversed(run):
        if glyph[2].isspace():
            break
        inner.append(glyph)
    if len(inner) == len(run):  # one word: the outer one, which at a line's left end may end with a piece
        if from_left:  # ("#!/usr/bin/", env)
            return [(outer, from_left, []), (outer, False, [])]
        # (or at its right end begin one, before its closing bracket and an Arabic comma glued on: "2026.pdf)،")
        return [(outer, from_left, []), *_variant(_trimmed(inner, _GLUED, _CLOSING_GLYPHS), inner, True, [])]
    rest = run[: len(run) - len(inner)]
    # (and without the quote or bracket that opens the run, drawn on its right: "near-«" of "«We … near-")
    if from_left:
        word = inner[::-1]
        return [(outer, from_left, []), (word, False, rest), *_variant(_trimmed(word, tail=_QUOTES), word, False, rest)]
    # (and without the bracket that closes it, or the stop, drawn on its left: ")östlicher Divan" of "(West-" |
    # "östlicher Divan)", ".»term upside … materialise" of "near-" | "term upside … materialise.»")
    beside = rest[::-1]
    return [(outer, from_left, []), (inner, True, beside), *_variant(_trimmed(inner, _GLUED), inner, True, beside)]


def _trimmed(glyphs: _Glyphs, head: frozenset[str] = frozenset(), tail: frozenset[str] = frozenset()) -> _Glyphs:
    """`glyphs` without those at its start whose text is in `head` and those at its end whose text is in `tail`."""
    kept = glyphs[len(list(itertools.takewhile(lambda glyph: glyph[2] in head, glyphs))) :]
    return kept[: len(kept) - len(list(itertools.takewhile(lambda glyph: glyph[2] in tail, reversed(kept))))]


def _variant(edge: _Glyphs, whole: _Glyphs, from_left: bool, beside: _Glyphs) -> list[Edge]:
    """An edge read without some of its glyphs (`_trimmed`), if that leaves some and not all of them."""
    return [(edge, from_left, beside)] if edge and edge != whole else []


_CLOSERS = frozenset(")]}»›”’")
_QUOTES = frozenset("()[]«»‹›“”‘’\"'")  # (as drawn: a bracket's glyph may read mirrored)
_STOPS = SENTENCE | ARABIC_SENTENCE | _CLOSERS  # what ends a sentence or a phrase, drawn against a run
_GLUED, _CLOSING_GLYPHS = _STOPS | _QUOTES, frozenset("()[]")  # (glued to a piece; brackets as drawn, mirrored)


def _trim_neutrals(run: list[tuple[int, int, str]]) -> None:
    """Take from the inner end of a left-to-right run its spaces and the words of punctuation alone beside the
    right-to-left text, which are that text's: the colon of "موجودًا: git clone https://" drawn between them."""
    while True:
        while run and run[-1][2].isspace():
            run.pop()
        word = list(itertools.takewhile(lambda glyph: not glyph[2].isspace(), reversed(run)))
        if len(word) == len(run) or any(char.isalnum() for *_, text in word for char in text):
            return
        del run[len(run) - len(word) :]


def _edge(glyphs: list[tuple[int, int, str]], from_left: bool, mixed: bool = False) -> list[tuple[int, int, str]]:
    """The glyphs at one end of a line up to a space or (unless an address holds one) a right-to-left letter, in
    visual order."""
    run: list[tuple[int, int, str]] = []
    for glyph in glyphs if from_left else reversed(glyphs):
        if glyph[2].isspace() or (not mixed and _rtl(glyph[2][0])):
            break
        run.append(glyph)
    return run if from_left else run[::-1]


def _outer(edge: list[tuple[int, int, str]], from_left: bool, n: int) -> list[tuple[int, int, str]]:
    """The n glyphs of an edge's run nearest the line's end, in visual order."""
    return edge[:n] if from_left else edge[len(edge) - n :]


def _longest(
    edge: list[tuple[int, int, str]], from_left: bool, before: str, allowed: frozenset[str]
) -> tuple[int, str]:
    """The most glyphs at the outer end of `edge` whose text, after `before`, is `allowed`, and the glyph of the rest
    of the run beside them no letter or digit (a bracket, a quote): the piece of an address is not a part of a
    longer word, though it may follow one in code (`fetch("/api/v1/users?id=42")` broken after "users", its first
    piece "/api/v1/users" after `fetch("`), unless drawn in another array (a word in italics, "*Asthma* https://",
    whose space is drawn as no glyph); and that text. 0 if none."""
    for n in range(len(edge), 0, -1):
        rest = edge[n:] if from_left else edge[: len(edge) - n]
        beside = (rest[0] if from_left else rest[-1]) if rest else None
        if beside and beside[2].isalnum() and beside[0] == (edge[n - 1] if from_left else edge[len(edge) - n])[0]:
            continue
        for reading in _readings(_outer(edge, from_left, n)):
            if _loose(before + reading) in allowed:
                return n, _loose(before + reading)
    return 0, ""


def _spell(glyphs: list[tuple[int, int, str]]) -> str:
    return "".join(text for _, _, text in glyphs)


def find_mixed_addresses(lines: list[list[Show]], addresses: Iterable[str]) -> list[tuple[str, list[Piece]]]:
    """Each address of `addresses` that holds right-to-left letters (an IRI: "https://ar.wikipedia.org/wiki/الجزائر")
    drawn whole on one line, as one piece. Isolated left to right, it is drawn "https://…/wiki/رئازجلا": both
    extractors read its Arabic letters, on the right, first ("الجزائرhttps://…/wiki/")."""
    # each with its left-to-right start, its text as compared, and the characters a line must hold to draw it
    mixed = [
        (address, address[: next(n for n, char in enumerate(address) if _rtl(char))], _loose(address))
        for address in addresses
        if any(_rtl(char) for char in address)
    ]
    found: list[tuple[str, list[Piece]]] = []
    for number, line in enumerate(lines if mixed else ()):
        glyphs = [(s, i, t) for s, show in enumerate(line) for i, (_, t) in enumerate(show.elements) if t]
        drawn = _spell(glyphs)
        present = set(_loose(drawn))  # a reading of the line's glyphs holds no other character
        ends = [0, *itertools.accumulate(len(text) for _, _, text in glyphs)]  # the text's length before each glyph
        taken: set[int] = set()  # the glyphs of a longer address found on this line
        for address, head, loose in mixed:
            if not present.issuperset(loose):
                continue
            if head:
                start = drawn.find(head)
                firsts = [next(n for n, length in enumerate(ends) if length >= start)] if start >= 0 else []
            else:  # code that begins with an Arabic word, `المجموع: 168.4 مم`, may begin at any glyph drawn, a
                # number's too: `أسعار_التحويل_يناير٢٠٢٦.csv` is drawn from "٢٠٢٦"
                firsts = [n for n, (*_, text) in enumerate(glyphs) if not text.isspace()]
            for first in firsts:
                if first in taken:  # "…/ar/الأسئلة", found in "…/ar/الأسئلة#التسجيل"
                    continue
                end = _mixed_end(glyphs, ends, first, address, loose)
                if end:
                    found.append((address, [Piece(number, [(s, i) for s, i, _ in glyphs[first:end]])]))
                    taken.update(range(first, end))
                    break
    return found


def _mixed_end(glyphs: list[tuple[int, int, str]], ends: list[int], first: int, address: str, loose: str) -> int:
    """Where the glyphs from `first` on that draw `address` end, or 0: the furthest, as a letter written twice reads
    as once ("مم" of `… 168.4 مم` had its second "م" left out, read apart)."""
    found = 0
    for end in range(first + 1, len(glyphs) + 1):
        if glyphs[end - 1][2].isspace() and " " not in address:  # inline code may hold spaces
            break
        if ends[end] - ends[first] > 2 * len(address):  # longer than any reading of it: each try costs the
            break  # piece's length, and a short head ('"' of `"مرحبا"`) is found on many lines
        if loose in map(_loose, _readings(glyphs[first:end])):
            found = end
        elif found:
            break
    return found


def _loose(text: str) -> str:
    """`text` with each Arabic letter written twice or more in a row written once, and every bracket an opening one:
    the glyphs of a lam before an alef with hamza spell it twice ("الإلكترونية" drawn "ةينورتكللإلا"), and a bracket
    drawn right to left is the one typed or the one drawn, as the font's first use of the glyph had it; and without
    the text of a letter's second glyph (tounicode.EMPTY: Amiri draws lām before kāf as two, "الإلكترونية")."""
    return _DOUBLED.sub(r"\1", text.replace(EMPTY, "")).translate(_OPENING)


_OPENING = str.maketrans(")]}", "([{")
_BRACKETS = frozenset("()")
_DOUBLED = re.compile("([\u0621-\u064a])\\1+")


def _rtl(char: str) -> bool:
    return letter_kind(char) == "R"


# Where breakable_addresses (addresses.py) puts a break between two LEFT-TO-RIGHT MARKs: after a slash, before the
# others. A mark is a strong left-to-right character: the right-to-left letters on either side are two stretches.
_PARTED = frozenset("/.?#&=@-\\")


def _readings(glyphs: list[tuple[int, int, str]]) -> list[str]:
    """The texts an address's glyphs may stand for, drawn left to right (its isolate's direction) but for its
    right-to-left stretches: right-to-left letters with what lies between and around them but a space, a
    left-to-right letter or where the address may break (`_PARTED`). Such a stretch is drawn backwards
    ("عمان_(مدينة)" drawn "(ةنيدم)_نامع", its brackets as `_loose` reads them), its numbers left to right. Digits
    drawn on its left may end it ("المغرب_الرقمي_2030" drawn "2030_يمقرلا_برغملا") or be a number before it
    ("2030_المغرب", drawn "2030_برغملا"): both readings, the first first."""
    inner = _inner_spaces(glyphs)
    readings = _read(glyphs, set())
    return list(dict.fromkeys([*readings, *(_read(glyphs, inner) if inner else [])]))


def _read(glyphs: list[tuple[int, int, str]], inner: set[int]) -> list[str]:
    """`_readings` with the spaces `inner` (by place) taken into the stretches: the spaces between Arabic words, which
    the bidi algorithm sets with them (`خطأ: قسمة على صفر (division by zero)`, drawn "رفص ىلع ةمسق :أطخ (division…")."""
    readings = [""]
    stretch: list[str] = []
    for n, (_, _, text) in enumerate([*glyphs, (0, 0, " ")]):
        neutral = not (text[0] in _PARTED or text[0].isspace() or unicodedata.bidirectional(text[0]) == "L")
        if _rtl(text[0]) or neutral or n in inner:
            stretch.append(text)
            continue
        readings = [reading + way + text for reading in readings for way in _backwards(stretch)][:8]
        stretch = []
    return [reading[:-1] for reading in readings]


def _inner_spaces(glyphs: list[tuple[int, int, str]]) -> set[int]:
    """The places of the spaces between two right-to-left letters, or one and a digit (inline code isolates such words
    together: addresses._RTL_STRING)."""

    def inner(n: int) -> bool:  # right-to-left letters on the two sides, or one and a digit ("أصل 30")
        sides = glyphs[n - 1][2][-1], glyphs[n + 1][2][0]
        return all(_rtl(side) or side.isdigit() for side in sides) and any(map(_rtl, sides))

    return {n for n in range(1, len(glyphs) - 1) if glyphs[n][2].isspace() and inner(n)}


def _backwards(stretch: list[str]) -> list[str]:
    """The ways a stretch of `_readings` may read as typed: its right-to-left part reversed."""
    # (with the marks drawn at its ends: "فعلاً" ends in a tanwin, drawn first, left of its alef)
    letters = [n for n, text in enumerate(stretch) if _rtl(text[0]) or unicodedata.combining(text[0])]
    if not letters:
        return ["".join(stretch)]
    first, last = letters[0], letters[-1] + 1
    while sum(text in _BRACKETS for text in stretch[first:last]) % 2:  # a bracket at an end paired with one inside is
        if first > 0 and stretch[first - 1] in _BRACKETS:  # the stretch's (the pairs of the bidi algorithm)
            first -= 1
        elif last < len(stretch) and stretch[last] in _BRACKETS:
            last += 1
        else:
            break
    starts = [first, *[n for n in range(first) if stretch[n][0].isdigit()][:1]]
    return ["".join([*stretch[:start], *_turned(stretch[start:last]), *stretch[last:]]) for start in starts]


def _turned(drawn: list[str]) -> list[str]:
    """Glyph texts drawn right to left, in the order typed, numbers kept left to right."""
    parts = [list(group) for _, group in itertools.groupby(drawn, lambda text: text[0].isdigit())]
    return [text for part in reversed(parts) for text in (part if part[0][0].isdigit() else part[::-1])]


def address_roles(
    lines: list[list[Show]], addresses: Iterable[str]
) -> tuple[dict[int, dict[tuple[int, int], int]], dict[int, str], set[int]]:
    """For each line (by number over the document), the roles of the glyphs of addresses broken over lines;
    the text each first piece stands for, by the id of its TJ (textlayer.py writes them); and the lines that hold
    a piece of an address broken over lines (read whole only if they hold later pieces alone: `tail_arrays`).

    The first piece's glyphs in one TJ get the address, after the words of its run before it; all its other
    glyphs and the other pieces nothing (a space), but for a last piece drawn with words of its run after it:
    its glyphs in one TJ get those words. The glyphs of those words get a space, their spaces keep their roles
    (a justified line's space stretched over its blank, which keeps poppler from taking the line for columns).
    """
    roles: dict[int, dict[tuple[int, int], int]] = {}
    heads: dict[int, str] = {}
    broken: set[int] = set()
    # the longest first, in one order whatever the hash seed: an address that begins another ("…/ar/الأسئلة" and
    # "…/ar/الأسئلة#التسجيل") was found inside it, and the one found last wrote the line's text
    addresses = sorted(set(addresses), key=lambda address: (-len(address), address))
    for address, pieces in find_broken_addresses(lines, addresses) + find_mixed_addresses(lines, addresses):
        first = pieces[0].glyphs[0][0]
        heads[id(lines[pieces[0].line][first])] = pieces[0].beside + address
        last = pieces[-1]
        broken |= {piece.line for piece in pieces} if len(pieces) > 1 else set()
        if len(pieces) > 1 and last.beside:
            heads[id(lines[last.line][last.glyphs[0][0]])] = last.beside  # its space first
        for number, piece in enumerate(pieces):
            headed = piece.glyphs[0][0] if number == 0 or (piece is last and last.beside) else None
            for s, i in piece.glyphs:
                roles.setdefault(piece.line, {})[(s, i)] = ADDRESS_HEAD if s == headed else ADDRESS_TAIL
            for s, i, text in piece.companions:  # read in the piece's text; their spaces keep their own roles
                if not text.isspace():
                    roles.setdefault(piece.line, {})[(s, i)] = ADDRESS_TAIL
    return roles, heads, broken
