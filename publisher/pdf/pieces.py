"""The roles the text layer gives the glyphs of a line (lineroles.py decides them), and each `TJ` array cut into
pieces by role, each piece marked as its role says (textlayer.py, ltrlayer.py)."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from .charclass import NEWER_CURRENCY
from .pagetext import Show

# The roles of the pieces a TJ array is cut into; the glyphs of the n-th marked word of a line have WORD + n.
PLAIN, RUN_END_SPACE, LTR_RUN, MIRRORED, UNKNOWN_LTR = range(5)
STRETCHED_SPACE, ADDRESS_HEAD, ADDRESS_TAIL, AFTER_NUMBER = range(5, 9)
COMPAT = 9  # a vulgar fraction or a superscript digit, which both extractors give as its decomposition ("½": "1/2")
# AFTER_NUMBER between a digit on its left and an Arabic word on its right: PDFium read the word backwards
# ("ود.67" as "دو.67", "**الخلاصة:** 8.5/10", "#كأس_العالم_2034"), and a tatweel before its letter ("هـ.34" as "ـه.34"),
# unless the glyph's named /ActualText begins with a LEFT-TO-RIGHT MARK
AFTER_NUMBER_LRM = 10
# a mirrored bracket drawn just left of a number ("(نحو ×2):", drawn ":)2× وحن("): poppler read ")2" as one stretch
MIRRORED_BY_NUMBER = 11
# a bracket PDFium reads after a left-to-right word drawn right of it ("(Python) و", drawn "و (Python)"): marked as
# COMPAT is, between LEFT-TO-RIGHT MARKs, else PDFium read it mirrored, or after the space on its left: "(Python )و"
BRACKET_AFTER_LTR = 12
# such a bracket drawn just left of a number in Arabic-Indic digits ("(IY-٦٢٦)", drawn ")٦٢٦-IY("): poppler read ")٦٢٦"
# as one stretch, "IY-)٦٢٦", unless the bracket's own /ActualText is between RIGHT-TO-LEFT MARKs (PDFium's, as
# BRACKET_AFTER_LTR's, between LEFT-TO-RIGHT MARKs)
BRACKET_BY_NUMBER = 15
BETWEEN_LRMS = (COMPAT, BRACKET_AFTER_LTR)  # the roles whose glyphs PDFium gets between LEFT-TO-RIGHT MARKs
# a bracket (with the spaces beside it) PDFium reads mirrored but in the order drawn, a number or a run on its right
MIRRORED_AS_DRAWN = 13
# a stretch of two or more weak neutrals glued to an Arabic word, a currency's sign and a slash ("$/برميل", drawn
# "ليمرب/$"): both extractors read them in the order drawn ("/$برميل"); each gets the stretch as typed after a
# RIGHT-TO-LEFT MARK, poppler's with one after it too (numberpunct.weak_stretches)
WEAK_RUN = 14
# a stretch of symbols between Arabic words, a rating ("★★★★☆", drawn "☆★★★★"): as WEAK_RUN, but poppler's text in the
# order drawn, which it lays out as it draws them (numberpunct.symbol_stretches)
SYMBOLS = 16
# an operator ending a right-to-left line after a left-to-right run ("CaCO₃ =", "a =", its operand on the next line,
# drawn "= CaCO₃"): PDFium read the space before it after it, "CaCO₃=", unless its text begins with that space
LINE_END_SIGN = 17
# a prefix drawn in another object against a marked word ("الـ" of "الـ*جِرِش*"): PDFium has it in the word's text
PREFIX = 18
# the roles poppler reads between RIGHT-TO-LEFT MARKs, as typed: what PDFium's text of each begins with (textlayer.py)
WEAK_ROLES = {AFTER_NUMBER_LRM: "\u200e", WEAK_RUN: "\u200f", SYMBOLS: "\u200f", LINE_END_SIGN: " "}


def weak_text(role: int, text: str) -> str:
    """PDFium's text of a piece of one of the WEAK_ROLES: its mark first, then as typed, and a LEFT-TO-RIGHT MARK after
    symbols (after a colon too: "تقييمي: ★★★★☆"), a RIGHT-TO-LEFT MARK after a currency sign newer than PDFium's table
    alone (between brackets, "الهندية (₹)": PDFium read the space before it after it, "الهندية₹"; not after an older
    one, which it takes for a number's: "درهم/€" was read "مهرد/€" then)."""
    alone = role == WEAK_RUN and text in NEWER_CURRENCY
    after = "\u200e" if role == SYMBOLS else "\u200f" if alone else ""
    return WEAK_ROLES[role] + text + after


WORD = 100
# Roles whose marks leave the line's text to one (marks.py): a mirrored bracket's PDFium mark is dropped then, the
# line's text has the bracket (a note's "(1)" beside a vocalised line).
SHARABLE = (PLAIN, RUN_END_SPACE, STRETCHED_SPACE, MIRRORED, MIRRORED_AS_DRAWN, AFTER_NUMBER, PREFIX)


def stretch_spaces(
    elements: list[tuple[bytes, str | None]],
    roles: list[int],
    wide: dict[int, tuple[float, dict[int, bytes]]],
    role: int,
) -> dict[int, float]:
    """Each space of role `role` in a blank `wide` found (pagetext.wide_spaces) given STRETCHED_SPACE, and the
    adjustments round it those it is stretched with: by index, its horizontal scaling (`Tz`, percent)."""
    scaling = {index: wide[index][0] for index in sorted(wide) if roles[index] == role}
    for index in scaling:
        roles[index] = STRETCHED_SPACE
        for near, adjustment in wide[index][1].items():
            elements[near] = (adjustment, None)
    return scaling


def stretched(tj: bytes, percent: float) -> list[bytes]:
    """A stretched space's `TJ` between its horizontal scaling and the default one."""
    return [f"{percent:.3f} Tz".encode(), tj, b"100 Tz"]


def spread_address_roles(roles: list[int], addressed: dict[tuple[int, int], int], place: int) -> None:
    """Give the elements of the TJ at `place` the roles of the address pieces among them (addresspieces.py), the
    adjustments between a piece's glyphs too."""
    for role in (ADDRESS_HEAD, ADDRESS_TAIL):
        inside = [i for (s, i), r in addressed.items() if s == place and r == role]
        if inside:
            roles[min(inside) : max(inside) + 1] = [role] * (max(inside) + 1 - min(inside))


def cut_pieces(elements: list[tuple[bytes, str | None]], roles: list[int]) -> list[tuple[int, bytes, str]]:
    """Consecutive elements of one role joined: (role, their bytes, their text); each marked space alone.

    Empty glyphs (`<>`, drawing nothing) go: PDFium drops the adjustment that ends an array holding one.
    Adjustments with no glyph join the next piece (else the one before), unless it is a stretched space
    (its `Tz` would scale them): PDFium drew the words after an array of adjustments alone out of place.
    """
    groups: list[tuple[int, list[bytes], list[str]]] = []
    for (element, text), role in zip(elements, roles, strict=True):
        if not (groups and groups[-1][0] == role and role not in (RUN_END_SPACE, STRETCHED_SPACE)):
            groups.append((role, [], []))
        groups[-1][1].append(b" " if element == b"<>" else element)
        groups[-1][2].append(text or "")
    for index in reversed(range(len(groups))):
        role, parts, texts = groups[index]
        if any(part[:1] == b"<" for part in parts) or len(groups) == 1:
            continue
        if index + 1 < len(groups) and groups[index + 1][0] != STRETCHED_SPACE:
            groups[index + 1][1][:0], groups[index + 1][2][:0] = parts, texts
        elif index > 0 and groups[index - 1][0] != STRETCHED_SPACE:
            groups[index - 1][1].extend(parts)
            groups[index - 1][2].extend(texts)
        else:
            continue
        del groups[index]
    return [(role, b"".join(parts), "".join(texts)) for role, parts, texts in groups] or [(PLAIN, b"", "")]


def padded(name: bytes, tj: bytes, pad: int) -> bytes:
    """`tj` inside the named /ActualText `name`, `pad` marked-content sequences deeper (PDFium's condition)."""
    return b"\n".join([b"/Span BMC"] * pad + [name, tj] + [b"EMC"] * (pad + 1))


def outside(role: int) -> int:
    """How many marked-content sequences a piece of this role opens around its `TJ` (a word's span pieces)."""
    return 2 if role >= WORD else 1 if role in (RUN_END_SPACE, STRETCHED_SPACE, AFTER_NUMBER) else 0


def marked_depths(items: list[Any]) -> list[int]:
    """How deep in marked content (`BDC`/`BMC` … `EMC`) each item of a content stream sits."""
    depth, depths = 0, []
    for item in items:
        if isinstance(item, bytes):
            depth += item.endswith((b"BDC", b"BMC")) - (item == b"EMC")
        depths.append(depth)
    return depths


def roles_within(
    split: list[tuple[list[tuple[int, bytes, str]], list[float]]], first: tuple[int, int], last: tuple[int, int]
) -> list[int]:
    """The roles of the pieces of a line from `first` to `last` (TJ number, piece number), both included."""
    return [
        role
        for place, (pieces, _) in enumerate(split)
        for piece, (role, _, _) in enumerate(pieces)
        if first <= (place, piece) <= last
    ]


def word_ends(split: list[tuple[list[tuple[int, bytes, str]], list[float]]]) -> dict[int, list[tuple[int, int]]]:
    """For each word role of a line, the first and the last piece of it: (TJ number, piece number)."""
    ends: dict[int, list[tuple[int, int]]] = {}
    for place, (pieces, _) in enumerate(split):
        for piece, (role, _, _) in enumerate(pieces):
            if role >= WORD:
                ends.setdefault(role, [(place, piece), (place, piece)])[1] = (place, piece)
    return ends


def line_pads(
    line: list[Any],
    split: list[tuple[list[tuple[int, bytes, str]], list[float]]],
    spanned: Mapping,
    depths: list[int],
    called: Collection[int],
) -> dict[int, int]:
    """For a line whose objects share one /ActualText (marks.line_text): by stream index, how many marked-content
    sequences to open before its shared one, so that every `TJ` has it innermost at one depth (PDFium skips an
    object only when it has as many marks as the one before and the same innermost one). A vocalised object
    has its inline /ActualText outside them; a piece of another its role's marks (`outside`), and a note call
    (`called`) its own, which the caller subtracts."""
    firsts = [first for first, _, _ in spanned.values()]
    need = [depths[first] + 1 for first in firsts] + [depths[index] + 1 for index in called]  # (a call's own one)
    need += [
        depths[show.index] + outside(role)
        for show, (parts, _) in zip(line, split, strict=True)
        if show.origin not in spanned
        for role, _, _ in parts
    ]
    deepest = max(need)
    pads = {first: deepest - depths[first] - 1 for first in firsts}
    return pads | {show.index: deepest - depths[show.index] for show in line if show.origin not in spanned}


def with_head(
    text: str, line: list[Show], heads: dict[int, str], roles: dict[tuple[int, int], int] | None = None
) -> str:
    """A line's `text`, read whole (textlayer.py), with the first piece of an address broken over lines it ends
    with given as the whole address: a code block's line wrapped inside a URL longer than a line
    (`curl -X GET "https://…/classes/` | `2026-dev-web/students?city=…"`) was read in pieces. And without a later
    piece it begins with (`roles`) in an array of more words: "Precipitation-" | "Evapotranspiration Index", twice."""
    tail = sorted(key for key, role in (roles or {}).items() if role == ADDRESS_TAIL)
    rest = (
        "".join(line[s].elements[i][1] or "" for s, i in tail).strip() if tail_arrays(line, roles or {}) is None else ""
    )
    read = text.lstrip()
    text = text[: len(text) - len(read)] + read[len(rest) :] if rest and read.startswith(rest) else text
    whole = next((heads[id(show)] for show in line if id(show) in heads), "")
    stripped = text.rstrip()
    squeezed = stripped.replace(" ", "")  # (the words before it in its run, `beside`, are spelt without their spaces)
    end = next((end for end in range(len(whole) - 1, 0, -1) if squeezed.endswith(whole[:end].replace(" ", ""))), 0)
    return stripped + whole[end:] + text[len(stripped) :] if end else text


def tail_arrays(line: list[Show], roles: dict[tuple[int, int], int]) -> set[int] | None:
    """The stream indexes of the arrays of a line that draw only later pieces of addresses broken over lines (a space
    to the extractors: the first piece has the whole address), if those are all of the line's pieces besides first
    ones, else None. A line read whole leaves them out of its text (textlayer.py): "، ثم استدعِ الدالة", a vocalised
    word after the rest of `sahab-client==3.4.1`, was read three times by PDFium, each array of the word with its own
    /ActualText. A first piece is in its text (`with_head`): "مساءً … info.desk@press", not read whole, had it first."""
    heads = {s for (s, _), role in roles.items() if role == ADDRESS_HEAD}  # (with_head gives their text)
    tails = set()
    for s in {s for s, _ in roles} - heads:
        elements = enumerate(line[s].elements)
        if any((s, i) not in roles for i, (_, text) in elements if text and not text.isspace()):
            return None
        tails.add(line[s].index)
    return tails
